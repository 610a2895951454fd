"""Real ``mkdocs build --strict`` runs of the fixture project (tests/fixtures/briefings_project), in tmp dirs.

Checks what only a whole build shows: the writers' conveniences, the review report,
byte-identical rebuilds, and that every internal link and resource resolves when
the site is served under a sub-path, as GitHub Pages serves a project site.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_project import SUB_PATH, build, files_of, make_project, serve_under


def test_strict_build_succeeds(site_project: dict) -> None:
    assert site_project["result"].returncode == 0, site_project["result"].stderr[-3000:]


@pytest.mark.parametrize("path", ["index.html", "years/index.html", "years/2021/index.html", "years/2021-03/index.html",
                                  "people/marta-velasquez/index.html", "network/index.html", "stories/index.html",
                                  "feed.xml", "data/briefings.json", "writers/index.html"])
def test_build_writes(site_project: dict, path: str) -> None:
    assert (site_project["site"] / path).is_file()


@pytest.mark.parametrize("text", ['<a href="../people/marta-velasquez/">Marta Velasquez</a>',
                                  '<a href="../people/tomas-brennick/">the harbour master</a>',  # alias and label
                                  "<code>[[Not A Link]]</code>",  # code spans are left alone
                                  '<a href="../years/">timeline</a>'])
def test_writers_link_people_and_generated_pages(site_project: dict, text: str) -> None:
    assert text in (site_project["site"] / "writers/index.html").read_text(encoding="utf-8")


def test_review_report_is_written_beside_the_site_and_counted_on_the_console(site_project: dict) -> None:
    report = (site_project["root"] / ".cache" / "review.txt").read_text(encoding="utf-8")
    assert "library-opening.txt" in report and "Undated (1)" in report
    assert not (site_project["site"] / "review.txt").exists()  # not deployed: it names inputs, carries notes
    assert not (site_project["root"] / "docs" / "review.txt").exists()
    log = site_project["result"].stderr
    assert "library-opening.txt" not in log  # the details stay in the file
    assert log.strip().splitlines()[-2].endswith("1 undated: see .cache/review.txt")


def test_progress_lines_in_the_build_log(site_project: dict) -> None:
    lines = [line for line in site_project["result"].stderr.splitlines() if "Extracting" in line]
    assert lines[0].endswith("Extracting 0 / 5 articles")
    assert "Extracting 5 / 5 articles, " in lines[-1] and "words/s" in lines[-1]


def test_feed_discovery_link_in_every_page(site_project: dict) -> None:
    html = (site_project["site"] / "briefings/council-budget/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Briefings" href="../../feed.xml">' in html


def test_same_input_gives_a_byte_identical_site(site_project: dict, tmp_path: Path) -> None:
    again = make_project(tmp_path / "again")
    assert build(again, "--strict").returncode == 0
    first, second = files_of(site_project["site"]), files_of(again / "site")
    assert sorted(first) == sorted(second)
    assert [rel for rel in first if first[rel] != second[rel]] == []


def test_unknown_person_name_fails_the_strict_build(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "docs" / "writers.md").write_text("Ask [[Nobody Bythisname]].\n", encoding="utf-8")
    result = build(root, "--strict")
    assert result.returncode != 0
    assert "no person named 'Nobody Bythisname'" in result.stderr


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def crawl(start: str) -> tuple[set[str], list[str]]:
    """Follow every internal href/src from ``start``; (pages visited, 'url (from page)' of each broken one)."""
    seen, broken, queue = {start}, [], [start]
    while queue:
        url = queue.pop()
        try:
            with urllib.request.urlopen(url) as response:  # noqa: S310 - http://127.0.0.1 of the test's own server
                body, kind = response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append(f"{url}: {error.code}")
            continue
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.found:
            target = urllib.parse.urljoin(url, link).split("#")[0]
            if target.startswith(start.split(SUB_PATH)[0]) and target not in seen:
                if not target.startswith(start):
                    broken.append(f"{target} (from {url}): outside {SUB_PATH}")
                    continue
                seen.add(target)
                queue.append(target)
    return seen, broken


def test_every_internal_link_works_under_a_sub_path(site_project: dict) -> None:
    with serve_under(site_project["site"]) as base:
        seen, broken = crawl(base)
    assert broken == []
    assert len(seen) > 30  # the crawl reached the generated pages, assets and the search index
    assert any(url.endswith("/people/ilse-kandor/") for url in seen)
