"""The built fixture site in headless Debian Chromium (Playwright), served under a sub-path.

The header search finds a person by any name (their page first) and a briefing by a
title word; the full-text page (find/, Pagefind) finds a quote by a phrase; a reader can go home → year → briefing → person; no
page logs a console error; pages fit a phone's width.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from site_project import CHROMIUM, CHROMIUM_ARGS, serve_under

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")]


@pytest.fixture(scope="module")
def browser(site_project: dict) -> Iterator[tuple[object, str]]:
    from playwright.sync_api import sync_playwright

    with serve_under(site_project["site"]) as base, sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium, base
        chromium.close()


@pytest.fixture
def page(browser: tuple[object, str]) -> Iterator[object]:
    chromium, base = browser
    page = chromium.new_page()
    page.errors = []  # console errors and uncaught exceptions, checked after each test
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.base = base
    yield page
    assert page.errors == []
    page.close()


def search(page, term: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The result links the theme's search lists for ``term``, best first."""
    page.goto(page.base)
    # typing before the search worker has loaded the index gives no results: wait for it to be ready
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim()"
                           " !== 'Initializing search'", timeout=10_000)
    page.locator(".md-search__input").focus()
    page.keyboard.type(term)  # the theme searches on key events; ``fill`` alone does not always trigger it
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=10_000)
    return [a.get_attribute("href").split("?")[0] for a in page.locator(".md-search-result__item > a").all()]


def find(page, phrase: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The result links the full-text page (Pagefind's UI) lists for ``phrase``, best first."""
    page.goto(page.base + "find/")
    page.wait_for_selector(".pagefind-ui__search-input", timeout=10_000)
    page.locator(".pagefind-ui__search-input").focus()
    page.keyboard.type(phrase)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
    return [a.get_attribute("href") for a in page.locator(".pagefind-ui__result-link").all()]


@pytest.mark.parametrize("term, first", [
    ("Kandor", "people/ilse-kandor/"),  # surname alone: the person's page ranks first
    ("Marta Velasquez", "people/marta-velasquez/"),
    ("Brennick", "people/tomas-brennick/"),
])
def test_search_finds_a_person_first(page, term: str, first: str) -> None:  # type: ignore[no-untyped-def]
    assert search(page, term)[0].endswith(first)


@pytest.mark.parametrize("phrase, where", [
    ("quiet place to read", "briefings/library-opening/"),
    ("cranes have been ready", "briefings/harbor-times-port/"),
])
def test_full_text_search_finds_a_quote_by_a_phrase(page, phrase: str, where: str) -> None:  # type: ignore[no-untyped-def]
    hrefs = find(page, phrase)
    assert any(href.endswith("/briefings-site/" + where) for href in hrefs), hrefs


def test_full_text_search_finds_nothing_for_a_word_not_in_the_site(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "find/")
    page.locator(".pagefind-ui__search-input").focus()
    page.keyboard.type("zqxvbnoword")
    page.wait_for_selector(".pagefind-ui__message", timeout=10_000)
    page.wait_for_function("document.querySelector('.pagefind-ui__message').textContent.includes('No results')",
                           timeout=10_000)
    assert page.locator(".pagefind-ui__result-link").count() == 0


def test_the_full_text_page_is_in_the_nav(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base)
    page.locator(".md-tabs a", has_text="Search").first.click()
    assert page.url.endswith("/briefings-site/find/")


def test_search_finds_a_briefing_by_a_title_word(page) -> None:  # type: ignore[no-untyped-def]
    assert "briefings/summer-festival/" in search(page, "festival")[0]


def test_navigate_home_year_briefing_person(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base)
    page.locator(".md-content a", has_text="2021").first.click()
    assert page.url.endswith("/briefings-site/years/2021/")
    page.locator(".md-content a", has_text="Northern port opens to all ships").first.click()
    assert page.url.endswith("/briefings-site/briefings/harbor-times-port/")
    page.locator(".md-content a", has_text="Tomas Brennick").first.click()
    assert page.url.endswith("/briefings-site/people/tomas-brennick/")
    assert page.locator("h1").first.inner_text() == "Tomas Brennick"


@pytest.mark.parametrize("scheme, palette", [("light", "default"), ("dark", "slate")])
@pytest.mark.parametrize("path", ["", "briefings/harbor-times-port/", "people/tomas-brennick/", "network/",
                                  "years/", "stories/harbor-times-port/"])
def test_pages_fit_a_phone_in_both_themes(browser, path: str, scheme: str, palette: str) -> None:  # type: ignore[no-untyped-def]
    chromium, base = browser
    context = chromium.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == palette
    assert errors == []
    context.close()
