"""Open every page of a built site in Debian's Chromium and record anything article text made run."""
from __future__ import annotations

from pathlib import Path

from site_project import CHROMIUM, serve_under
from site_project import CHROMIUM_ARGS as ARGS

# what the payloads would leave in the DOM had they been parsed as HTML
FORBIDDEN = ("iframe", "embed", "object", "[onerror]", "[onload]", "[ontoggle]", "[onclick]", "[onmouseover]",
             "a[href^='javascript:' i]", ".md-content script", ".md-content img[src='x']", ".md-content details[open]")


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the site, as URL paths."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def visit_all(site: Path, search_terms: tuple[str, ...] = (), find_terms: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Open every page, search the header box for each of ``search_terms`` (titles and names) and the
    full-text page (find/, Pagefind) for each of ``find_terms``; return page → what ran or should not be there."""
    from playwright.sync_api import sync_playwright

    problems: dict[str, list[str]] = {}
    with serve_under(site, "/") as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for rel in pages_of(site):
            page.goto(base + rel, wait_until="load")
            page.wait_for_timeout(50)  # let onload/ontoggle handlers fire, had any been parsed
            found = _check(page) + [f"dialog: {m}" for m in dialogs]
            dialogs.clear()
            if found:
                problems[rel] = found
        for term in search_terms:
            found = _search(page, base, term) + [f"dialog: {m}" for m in dialogs]
            dialogs.clear()
            if found:
                problems[f"search: {term}"] = found
        for term in find_terms:
            found = _find(page, base, term) + [f"dialog: {m}" for m in dialogs]
            dialogs.clear()
            if found:
                problems[f"find: {term}"] = found
        browser.close()
    return problems


def _check(page) -> list[str]:  # type: ignore[no-untyped-def]
    found = [selector for selector in FORBIDDEN if page.query_selector(selector) is not None]
    if page.evaluate("typeof window.__pwned !== 'undefined'"):
        found.append("window.__pwned was set")
    return found


def _search(page, base: str, term: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type ``term`` into the theme's search box: results render titles and names from articles."""
    page.goto(base, wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type(term)
    try:
        page.wait_for_selector(".md-search-result__item", timeout=5000)
    except Exception:  # noqa: BLE001 - no results is a failure of the test's premise, reported as such
        return [f"no search results for {term!r}"]
    page.wait_for_timeout(100)
    return _check(page)


def _find(page, base: str, term: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type ``term`` into the full-text page's box: Pagefind's results render excerpts of article text."""
    page.goto(base + "find/", wait_until="load")
    page.locator(".pagefind-ui__search-input").focus()
    page.keyboard.type(term)
    try:
        page.wait_for_selector(".pagefind-ui__result-link", timeout=5000)
    except Exception:  # noqa: BLE001 - no results is a failure of the test's premise, reported as such
        return [f"no full-text results for {term!r}"]
    page.wait_for_timeout(300)  # excerpts of the later results load after the first
    return _check(page)
