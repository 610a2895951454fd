"""The results as a Markdown table, and its place in bench/README.md (between two markers)."""
from __future__ import annotations

from pathlib import Path

README = Path(__file__).parent / "README.md"
START, END = "<!-- bench:table -->", "<!-- /bench:table -->"
ROWS = (  # (label, key, format, goal)
    ("Articles / words", None, None, ""),
    ("Extraction, end to end (words/s)", "ours_wps", "{:,.0f}", ""),
    ("Bare spaCy `nlp.pipe`, same texts, 2 processes (words/s)", "bare_wps", "{:,.0f}", ""),
    ("Ratio to bare spaCy (wall, start-up included)", "ratio", "{:.2f}", "≥ 1.0"),
    ("Same, per CPU-second (ours / bare words per CPU-s)", None, None, ""),
    ("Peak memory, extraction (MB, all processes)", "extract_peak_mb", "{:,.0f}", "≤ 2,000"),
    ("Site build, warm cache: total (s)", "build_s", "{:.1f}", "≤ 180 at 10k"),
    ("… of which generation (plugin `on_files`) (s)", "generation_s", "{:.1f}", ""),
    ("… of which MkDocs: rendering and writing the pages (s)", "mkdocs_s", "{:.1f}", "≤ 90 at 10k"),
    ("… of which the Pagefind full-text index (s)", "fulltext_s", "{:.1f}", ""),
    ("Pages built", "pages", "{:,.0f}", ""),
    ("Peak memory, site build (MB)", "build_peak_mb", "{:,.0f}", "≤ 2,000"),
    ("Search index downloaded before a first result (MB, raw / gzip)", None, None, "≤ 2 MB"),
    ("… Material's full-text index instead (`--only fullsearch`) (MB, raw / gzip)", None, None, ""),
    ("Full-text search (Pagefind bundles): first result / whole index (MB)", None, None, "≤ 2 MB"),
    ("Regeneration, nothing changed (generator only, s)", "regen_unchanged_s", "{:.2f}", ""),
    ("Regeneration, one article changed: first edit, loads the model (s)", "regen_one_changed_s", "{:.2f}", "≤ 2"),
    ("Regeneration, one article changed: next edits (s)", "regen_next_changed_s", "{:.2f}", "≤ 2"),
    ("… CPU seconds of that (s)", "regen_next_changed_cpu_s", "{:.2f}", ""),
    ("`mkdocs serve --dirty` (`make serve`): edit → browsers reload (s)", "serve_dirty_s", "{:.1f}", "≤ 2"),
    ("… the first edit of a session (s)", "serve_dirty_first_s", "{:.1f}", ""),
    ("… a new article → browsers reload (s)", "serve_dirty_new_s", "{:.1f}", "≤ 3"),
    ("… then the collection resolved in full → reload again (s, from the new article)",
     "serve_dirty_new_resolved_s", "{:.1f}", ""),
    ("… CPU seconds the serving process spends: first edit / next edits / new article / until resolved",
     None, None, ""),
    ("`mkdocs serve` without `--dirty`: edit → reload (s)", "serve_full_s", "{:.1f}", ""),
    ("Served page shows the edit (dirty / full)", None, None, "always"),
)


def table(results: dict[str, dict[str, float]]) -> str:
    sizes = sorted((n for n in results if n.isdigit()), key=int)  # folders (--corpus) are not sizes
    lines = ["| Measure | " + " | ".join(f"N = {int(n):,}" for n in sizes) + " | Goal |",
             "|---|" + "---|" * len(sizes) + "---|"]
    for label, key, fmt, goal in ROWS:
        cells = [_with_ratio(results[n]) and _cell(results[n], label, key, fmt) for n in sizes]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {goal} |")
    growth = _growth(results)
    footer = f"\n\nBuild time growth per article from the smallest to the largest N: {growth}" if growth else ""
    return "\n".join(lines) + footer


def _with_ratio(r: dict[str, float]) -> bool:
    """Fill in the ratio when ours and bare were measured in separate runs."""
    if "ours_s" in r and "bare_s" in r:
        r["ratio"] = r["bare_s"] / r["ours_s"]
    return True


def _cell(r: dict[str, float], label: str, key: str | None, fmt: str | None) -> str:
    if key is not None:
        return fmt.format(r[key]) if key in r and fmt else "–"
    if label.startswith("Articles"):
        if "articles" not in r:  # a warm cache from bench.warm: nothing was extracted at this size
            return f"{r.get('n', 0):,.0f} / – (warm cache)"
        return f"{r.get('articles', 0):,.0f} / {r.get('words', 0):,.0f}"
    if label.startswith("Same, per CPU"):
        return (f"{r.get('ours_cpu_wps', 0):,.0f} / {r.get('bare_cpu_wps', 0):,.0f}"
                if "ours_cpu_wps" in r or "bare_cpu_wps" in r else "–")
    if label.startswith("… CPU seconds the serving"):
        keys = ("serve_dirty_first_cpu_s", "serve_dirty_cpu_s", "serve_dirty_new_cpu_s",
                "serve_dirty_new_resolved_cpu_s")
        return " / ".join(f"{r[k]:.1f}" if k in r else "–" for k in keys) if keys[1] in r else "–"
    if label.startswith("Search"):
        return f"{r['search_mb']:.2f} / {r['search_gzip_mb']:.2f}" if "search_mb" in r else "–"
    if label.startswith("… Material"):
        return f"{r['full_search_mb']:.1f} / {r['full_search_gzip_mb']:.1f}" if "full_search_mb" in r else "–"
    if label.startswith("Full-text"):
        if "pagefind_bundles" not in r:
            return "–"
        bundles = int(r["pagefind_bundles"])
        return f"{r['pagefind_first_mb']:.2f} / {r['pagefind_total_mb']:.0f} ({bundles} bundle{'s' * (bundles != 1)})"
    if "serve_full_fresh" in r or "serve_dirty_fresh" in r:
        return " / ".join({1.0: "yes", 0.0: "NO"}.get(r.get(f"serve_{k}_fresh"), "–") for k in ("dirty", "full")) + (
            f" (new article: {'yes' if r['serve_dirty_new_fresh'] else 'NO'})" if "serve_dirty_new_fresh" in r else "")
    return "–"


def _growth(results: dict[str, dict[str, float]]) -> str:
    done = sorted((int(n), r) for n, r in results.items() if "build_s" in r and n.isdigit())
    if len(done) < 2:
        return ""
    (n0, r0), (n1, r1) = done[0], done[-1]
    return (f"{r0['build_s'] / n0 * 1000:.1f} ms at {n0:,} → {r1['build_s'] / n1 * 1000:.1f} ms at {n1:,} "
            f"(×{(r1['build_s'] / r0['build_s']):.1f} time for ×{n1 / n0:.0f} articles).")


def write_readme(results: dict[str, dict[str, float]]) -> None:
    text = README.read_text(encoding="utf-8")
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + START + "\n" + table(results) + "\n" + END + rest.split(END, 1)[1]
        README.write_text(text, encoding="utf-8")
