// The find page's Pagefind (theme/find.html gives this folder to Pagefind's UI as its bundlePath).
//
// A large site is indexed in several bundles (generator/search.py). Pagefind's own merge of
// bundles (mergeIndex) orders the results of all bundles by score, which undoes a sort by date:
// each bundle sorts its own results, but the merge interleaves them again. generator/search.py
// fills the bundles in order of the sort key (newest pages first: pagefind/bundles.js names the
// key, that direction and how many bundles hold pages with a value), so a sorted result list is
// each bundle's sorted list, the bundles taken in that order (or in reverse for the other direction). Best-match order merges by
// score, as Pagefind does. Not handled: a sort by a key the bundles are not filled by falls
// back to the score merge (none is offered).
//
// The module offers what Pagefind's UI calls: options, mergeIndex, filters, preload, search,
// debouncedSearch, destroy. Each bundle is searched by its own copy of Pagefind (its own
// pagefind.js, imported from the bundle's folder: its own worker and WebAssembly), because
// Pagefind instances made in one copy share one WebAssembly memory and break each other.
//
// A search waits for its bundle's filters to be loaded. Pagefind's search counts only the filter
// chunks already loaded (those of the filters chosen, and whatever a filters() call has loaded so
// far), and Pagefind's UI takes the filters of the first search with any as its filter panel,
// keeping the complete list of filters() only when no search has given one. Searching before
// every chunk was in gave a panel missing filters or values (no "Outlet", an outlet missing) until
// the next search; with several bundles, each loading its chunks in its own worker, often.
const PRIMARY = new URL("../../pagefind/", import.meta.url).pathname;
let settings = {};  // what the UI set through options(), for every bundle
let paths = [PRIMARY];
let bundles = null;  // one Pagefind module per bundle, in the order of paths

const open = async (path) => {
  const bundle = await import(`${path}pagefind.js`);
  await bundle.options(settings);
  return bundle;
};

const all = async () => {
  if (!bundles) bundles = Promise.all(paths.map(open));
  return bundles;
};

// each bundle's filters (all its filter chunks loaded), asked once: the modules outlive a destroy
const loaded = new WeakMap();
const filtersOf = (bundle) => {
  if (!loaded.has(bundle)) {
    loaded.set(bundle, bundle.filters().catch((error) => {
      loaded.delete(bundle);  // not kept: the next call asks again (Pagefind itself logs a chunk it could not load)
      throw error;
    }));
  }
  return loaded.get(bundle);
};

// how the bundles are filled ({date: {direction: "desc", bundles: 3}}: the first 3 hold every page with a
// date, newest first): written by generator/search.py in pagefind/bundles.js
const filledBy = (sort) => {
  const [key, direction] = Object.entries(sort || {})[0] || [];
  const filled = (window.briefingsPagefindSorts || {})[key];
  return filled ? {...filled, reverse: direction !== filled.direction} : null;
};

const mergeCounts = (lists) => {
  const merged = {};
  for (const filters of lists) {
    for (const [name, values] of Object.entries(filters || {})) {
      const counts = (merged[name] = merged[name] || {});
      for (const [value, count] of Object.entries(values)) counts[value] = (counts[value] || 0) + count;
    }
  }
  return merged;
};

// sorted: the bundles holding pages with a value for the key, each one's results in turn (a bundle without
// any value for the key ignores the sort, and Pagefind leaves pages without one out of a sorted search)
const used = (found, sort) => {
  const filled = filledBy(sort);
  if (!filled) return found;
  const holding = found.slice(0, filled.bundles);
  return filled.reverse ? holding.reverse() : holding;
};

// one list: in bundle order when sorted, by score (as Pagefind merges bundles) for the best match
const ordered = (found, sort) => {
  const results = found.map((one) => one.results).flat();
  return filledBy(sort) ? results : results.sort((a, b) => b.score - a.score);
};

export const options = async (chosen) => {
  settings = {...settings, ...chosen};
  if (bundles) await Promise.all((await bundles).map((bundle) => bundle.options(chosen)));
};

export const mergeIndex = async (path) => {
  paths = [...paths, path];
  if (bundles) bundles = Promise.all([...(await bundles), open(path)]);
};

export const init = async () => { await all(); };

export const filters = async () => mergeCounts(await Promise.all((await all()).map(filtersOf)));

export const preload = async (term, chosen = {}) => {
  await Promise.all((await all()).map((bundle) => bundle.preload(term, chosen)));
};

export const search = async (term, chosen = {}) => {
  const searched = await Promise.all((await all()).map(async (bundle) => {
    await filtersOf(bundle).catch(() => null);  // without them (filters() reports why), results still
    return bundle.search(term, chosen);
  }));
  if (searched.some((one) => !one)) return null;
  const found = used(searched, chosen.sort);
  return {
    results: ordered(found, chosen.sort),
    unfilteredResultCount: found.reduce((sum, one) => sum + one.unfilteredResultCount, 0),
    filters: mergeCounts(found.map((one) => one.filters)),
    totalFilters: mergeCounts(found.map((one) => one.totalFilters)),
    timings: found.map((one) => one.timings),
    search_keywords: found[0]?.search_keywords,
    query_term_idfs: found[0]?.query_term_idfs,
  };
};

let searchID = 0;
export const debouncedSearch = async (term, chosen = {}, waitMs = 300) => {
  const mine = ++searchID;
  preload(term, chosen);
  await new Promise((done) => setTimeout(done, waitMs));
  if (mine !== searchID) return null;
  const found = await search(term, chosen);
  return mine === searchID ? found : null;
};

// The UI calls this when the find page remakes it (another order): the bundles' Pagefinds are kept
// (the same modules serve the next UI, with what they loaded), as a destroy running late would
// stop the search the next UI has started on them.
export const destroy = async () => {
  bundles = null;
  paths = [PRIMARY];
  settings = {};
};
