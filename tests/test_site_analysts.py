"""What an analyst reads besides the pages' text: sorting by surname, the sentence around a date,
the timeline's chart, the network's names, the CSV downloads, the link to the original, partial dates.
Tables with negative cases; the whole pages are in the goldens (test_site_render.py)."""
from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import replace

import pytest

import site_corpus
from generator import chart, graph, urls
from generator.clean import clean
from generator.errors import InputError
from generator.feeds import csv_files
from generator.happened import what_happened
from generator.model import Actor, Article, Corpus, DateRef, FrontMatter, Person, RawArticle
from generator.read import split_front_matter
from generator.render import INDEX_PAGE, original_url, render_site
from generator.site import build_from_corpus, extra_files
from generator.sorting import alphabetical, sort_name
from generator.stories import Story
from generator.summary import summary
from site_corpus import HOSTILE


@pytest.mark.parametrize("name, expected", [
    ("Vladimir Putin", "Putin, Vladimir"),
    ("Ursula von der Leyen", "Leyen, Ursula von der"),
    ("Martin Luther King Jr.", "King, Martin Luther Jr."),
    ("Jean-Claude Juncker", "Juncker, Jean-Claude"),
    ("Madonna", "Madonna"),  # one word: nothing to turn round
    ("  Ilse   Kandor ", "Kandor, Ilse"),
    ("Van Morrison", "Morrison, Van"),  # a particle as the only given name stays a given name
    # suffixes, with or without a comma
    ("Martin Luther King, Jr.", "King, Martin Luther Jr."),
    ("Henry Ford III", "Ford, Henry III"),
    ("Ken Griffey Jnr", "Griffey, Ken Jnr"),
    # written surname first (patterns.site.SURNAME_FIRST): listed as written
    ("Xi Jinping", "Xi Jinping"),
    ("Li Keqiang", "Li Keqiang"),
    ("Wang Yi", "Wang Yi"),
    ("Tsai Ing-wen", "Tsai Ing-wen"),
    ("Kim Jong Un", "Kim Jong Un"),
    ("Kim Jong-un", "Kim Jong-un"),
    ("Moon Jae-in", "Moon Jae-in"),
    ("Yoon Suk Yeol", "Yoon Suk Yeol"),
    ("Nguyen Phu Trong", "Nguyen Phu Trong"),
    ("Nguyễn Xuân Phúc", "Nguyễn Xuân Phúc"),
    # negative cases: a common East Asian surname as a given name, before a name of another tradition
    ("Kim Kardashian", "Kardashian, Kim"),
    ("Kim Wilde", "Wilde, Kim"),  # two syllables in one word: not a Korean given name
    ("Lee Harvey Oswald", "Oswald, Lee Harvey"),
    ("Lee Child", "Child, Lee"),
    ("Ma Rainey", "Rainey, Ma"),
    ("Han Solo", "Solo, Han"),
    ("Do Kwon", "Kwon, Do"),
    ("Moon Unit Zappa", "Zappa, Moon Unit"),
    # given name first, family name last: unchanged
    ("Jack Ma", "Ma, Jack"),
    ("Bruce Lee", "Lee, Bruce"),
])
def test_sort_name(name: str, expected: str) -> None:
    assert sort_name(name) == expected


@pytest.mark.xfail(strict=True, reason="not handled: romanisations outside the patterns (Cantonese 'Yat-sen', "
                   "Wade-Giles 'jeou', Singapore's 'Loong')")
@pytest.mark.parametrize("name", ["Sun Yat-sen", "Ma Ying-jeou", "Lee Hsien Loong"])
def test_sort_name_of_other_romanisations(name: str) -> None:
    assert sort_name(name) == name


def test_alphabetical_folds_accents_and_puts_other_last() -> None:
    groups = alphabetical(["Ãlvarez, Ana", "Brandt, Willy", "123", "Éboué, Félix"], lambda n: n)
    assert [letter for letter, _ in groups] == ["A", "B", "E", "Other"]


def _article(*body: str, title: str = "A title", url: str | None = None) -> Article:
    return Article(id="t", path="t.txt", title=title, title_made=False, body=body, url=url)


@pytest.mark.parametrize("body, date, expected", [
    (("Mr. Smith came on Monday. He left on Tuesday.",), DateRef("Tuesday", "2021-01-05", 0),
     "He left on <mark>Tuesday</mark>."),
    (("Mr. Smith came on Monday. He left.",), DateRef("Monday", "2021-01-04", 0),
     "Mr. Smith came on <mark>Monday</mark>."),
    (("The U.S. Army left on March 10, 2021, after talks. Then it ended.",), DateRef("March 10, 2021", "2021-03-10", 0),
     "The U.S. Army left on <mark>March 10, 2021</mark>, after talks."),
    (("It ended <b>badly</b> in 2019.",), DateRef("2019", "2019", 0),
     "It ended &#60;b&#62;badly&#60;/b&#62; in <mark>2019</mark>."),
])
def test_what_happened_is_the_sentence_around_the_date(body: tuple[str, ...], date: DateRef, expected: str) -> None:
    assert what_happened(_article(*body), date) == expected


def test_what_happened_cuts_a_long_sentence_around_the_date() -> None:
    long = "word " * 200 + "on Monday " + "more " * 200
    said = what_happened(_article(long.strip() + "."), DateRef("Monday", "2021-01-04", 0))
    assert said.startswith("… ") and said.endswith(" …") and "<mark>Monday</mark>" in said and len(said) < 400


@pytest.mark.parametrize("date", [
    DateRef("Monday", "2021-01-04", -1),  # metadata, not in the title
    DateRef("Friday", "2021-01-08", 0),  # normalised from other words: not in the paragraph
    DateRef("Monday", "2021-01-04", 7),  # no such paragraph
])
def test_what_happened_is_none_when_the_date_is_not_where_it_was_read(date: DateRef) -> None:
    assert what_happened(_article("He came on Monday."), date) is None


def test_what_happened_reads_a_date_in_the_title() -> None:
    assert what_happened(_article("Body.", title="Talks on Monday"), DateRef("Monday", "2021-01-04", -1)) \
        == "Talks on <mark>Monday</mark>"


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org/a", "http://example.org/a"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    ("/local/path", None),
    ("https://example.org/a b", None),
    (None, None),
])
def test_original_url_is_a_web_address_or_nothing(url: str | None, expected: str | None) -> None:
    assert original_url(_article("x", url=url)) == expected


def test_a_javascript_url_never_becomes_a_link() -> None:
    corpus = site_corpus.corpus()
    b = corpus.briefings[0]
    article = replace(b.extraction.article, url="javascript:alert(1)", author='<b>"Ann"</b>')
    hostile = replace(b, extraction=replace(b.extraction, article=article))
    page = render_site(replace(corpus, briefings=(hostile, *corpus.briefings[1:])))[urls.briefing_page(b.slug)]
    assert "Original article" not in page and "javascript" not in page
    assert "By &#60;b&#62;&#34;Ann&#34;&#60;/b&#62;" in page


def test_the_original_article_and_author_are_shown() -> None:
    corpus = site_corpus.corpus()
    b = corpus.briefings[0]
    article = replace(b.extraction.article, url="https://news.example/port?id=1&x=2", author="Ann Lee")
    shown = replace(b, extraction=replace(b.extraction, article=article))
    page = render_site(replace(corpus, briefings=(shown, *corpus.briefings[1:])))[urls.briefing_page(b.slug)]
    assert ('<a href="https&#58;//news.example/port?id&#61;1&#38;x&#61;2" rel="noopener noreferrer">'
            'Original article</a>') in page
    assert "By Ann Lee" in page


@pytest.mark.parametrize("front, published", [
    ("published: 2024", "2024"),
    ("published: 2024-04", "2024-04"),
    ("published: '2024-04'", "2024-04"),
    ("published: 2024-04-19", "2024-04-19"),
])
def test_partial_publication_dates_are_accepted(front: str, published: str) -> None:
    parsed, _ = split_front_matter(f"---\n{front}\n---\nText.", "a.md")
    assert parsed.published == published


@pytest.mark.parametrize("front", ["published: 2024-13", "published: 24", "published: April"])
def test_other_publication_dates_are_refused(front: str) -> None:
    with pytest.raises(InputError):
        split_front_matter(f"---\n{front}\n---\nText.", "a.md")


def test_url_and_author_are_read_from_front_matter() -> None:
    parsed, _ = split_front_matter("---\nurl: https://example.org/x\nauthor: Ann Lee\n---\nText.", "a.md")
    assert (parsed.url, parsed.author) == ("https://example.org/x", "Ann Lee")


def test_an_html_pages_canonical_url_is_the_original() -> None:
    page = ('<html><head><title>Port opens</title><link rel="canonical" href="https://news.example/port">'
            '<meta name="author" content="Ann Lee"></head><body><article><h1>Port opens</h1>'
            + "<p>The northern port opened to every ship on Monday, the mayor said in a long statement.</p>" * 3
            + "</article></body></html>")
    article = clean(RawArticle(id="p", path="p.html", text=page, format="html"))
    assert (article.url, article.author) == ("https://news.example/port", "Ann Lee")
    pinned = clean(RawArticle(id="p", path="p.html", text=page, format="html",
                              front=FrontMatter(url="https://pinned.example/", author="B")))
    assert (pinned.url, pinned.author) == ("https://pinned.example/", "B")


# ---- the timeline's chart ---------------------------------------------------------

def test_chart_has_a_bar_per_month_with_briefings_each_a_link() -> None:
    svg = chart.svg({(2020, 11): 1, (2021, 1): 2, (2021, 3): 0}, lambda m: f"{m[0]}-{m[1]:02d}/")
    assert re.findall(r'<a href="([^"]+)"', svg) == ["2020-11/", "2021-01/"]
    assert 'aria-label="January 2021: 2 briefings"' in svg and 'aria-label="November 2020: 1 briefing"' in svg
    assert 'role="img"' not in svg  # that would hide the links


def test_chart_spans_empty_months_and_is_empty_without_dates() -> None:
    assert chart.month_span({(2020, 11): 1, (2021, 2): 1}) == [(2020, 11), (2020, 12), (2021, 1), (2021, 2)]
    assert chart.svg({}, lambda m: "") == ""


def test_a_long_span_scrolls_instead_of_thinning_its_bars() -> None:
    counts = {(year, month): 1 for year in range(2000, 2020) for month in range(1, 13)}
    svg = chart.svg(counts, lambda m: "x/")
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    assert width >= chart.BAR * 240 and f"min-width:{width}px" in svg
    short = chart.svg({(2021, 1): 1}, lambda m: "x/")
    assert f"min-width:{chart.LEFT + chart.BAR + 8}px" in short  # a short span scales down to a phone


def test_year_labels_do_not_collide() -> None:
    svg = chart.svg({(2020, 12): 1, (2021, 1): 1, (2021, 2): 1}, lambda m: "x/")
    assert svg.count(">2020</text>") + svg.count(">2021</text>") >= 1
    xs = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="\d+">\d{4}</text>', svg)]
    assert all(b - a >= chart.YEAR_LABEL for a, b in itertools.pairwise(xs))


# ---- the network --------------------------------------------------------------------

def _crowd(n: int) -> tuple[Person, ...]:
    """``n`` people all named together, with long names: the worst case for labels."""
    slugs = [f"p{i:02d}" for i in range(n)]
    return tuple(Person(slug, f"Person Number {i} Longname", articles=tuple(f"b{k}" for k in range(1 + i % 7)),
                        co_mentions=tuple((o, 1 + (i + j) % 3) for j, o in enumerate(slugs) if o != slug))
                 for i, slug in enumerate(slugs))


def _boxes(svg: str) -> list[tuple[float, float, float, float]]:
    found = []
    labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"[^>]*>([^<]+)</text>', svg)
    for x, y, anchor, name in labels:
        w, x, y = graph.label_width(name), float(x), float(y)
        left = {"middle": x - w / 2, "start": x, "end": x - w}[anchor]
        found.append((left, y - graph.FONT, left + w, y))
    return found


def test_network_names_never_overlap_and_stay_inside() -> None:
    svg = graph.svg(graph.network(_crowd(40)), lambda s: f"../{s}/")
    boxes = _boxes(svg)
    assert len(boxes) >= 10  # most-mentioned people are named
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= graph.WIDTH and a[1] >= 0 and a[3] <= graph.HEIGHT
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_network_circles_do_not_overlap() -> None:
    net = graph.network(_crowd(40))
    most = max(len(p.articles) for p in net.people)
    radii = {p.slug: graph.radius(p, most) for p in net.people}
    at = graph.separate(graph.layout(net), radii, {p.slug: graph.label_width(p.name) for p in net.people})
    slugs = list(at)
    overlaps = [(a, b) for i, a in enumerate(slugs) for b in slugs[i + 1:]
                if ((at[a][0] - at[b][0]) ** 2 + (at[a][1] - at[b][1]) ** 2) ** 0.5 < radii[a] + radii[b]]
    assert overlaps == []


def test_network_links_are_named_and_not_hidden() -> None:
    svg = graph.svg(graph.network(_crowd(5)), lambda s: f"../{s}/")
    assert 'role="img"' not in svg
    assert svg.count("<a href=") == 5 and svg.count('aria-label="Person Number') == 5
    assert '<g class="ties" aria-hidden="true">' in svg


# ---- index pages ----------------------------------------------------------------------

def test_a_large_people_index_is_split_by_letter_into_pages_of_at_most_index_page() -> None:
    corpus = site_corpus.corpus()
    many = tuple(Person(f"x{i:04d}", f"Given{i:04d} {'Smith' if i % 2 else 'Adams'}{i:04d}", articles=("a-harbor",))
                 for i in range(INDEX_PAGE * 3))
    pages = render_site(replace(corpus, people=tuple(sorted(corpus.people + many, key=lambda p: p.name))))
    index = pages[urls.index_page(urls.PEOPLE)]
    letters = [path for path in pages if path.startswith("people/_")]
    assert urls.index_part_page(urls.PEOPLE, "S", 1) in letters and urls.index_part_page(urls.PEOPLE, "S", 2) in letters
    for path in letters:
        assert pages[path].count('<li><a href="../../people/') <= INDEX_PAGE, path
    assert '<nav class="letter-bar" aria-label="Jump to a letter">' in index
    assert "Smith0001, Given0001" in pages[urls.index_part_page(urls.PEOPLE, "S", 1)]
    # the reader knows which letter they are on; the whole index marks none
    s_page = pages[urls.index_part_page(urls.PEOPLE, "S", 2)]
    assert s_page.count('aria-current="page"') == 1 and 'aria-current="page">S</a>' in s_page
    assert 'aria-current' not in index


def test_a_letter_page_never_shares_a_path_with_a_person() -> None:
    people = {urls.person_page(urls.person_slug(n)) for n in ("A", "_a", "a")}
    assert urls.index_part_page(urls.PEOPLE, "A") not in people
    actors = {urls.actor_page(kind, urls.actor_slug(n)) for n in ("A", "_a", "a") for kind in ("org", "place")}
    assert {urls.index_part_page(s, "A") for s in (urls.ORGANISATIONS, urls.PLACES)}.isdisjoint(actors)


def test_a_large_organisation_index_is_split_by_letter_and_a_small_place_index_is_not() -> None:
    corpus = site_corpus.corpus()
    orgs = tuple(Actor(f"org-{i:04d}", "org", f"{'Bureau' if i % 2 else 'Agency'} {i:04d}", articles=("a-harbor",))
                 for i in range(INDEX_PAGE * 3))
    pages = render_site(replace(corpus, actors=tuple(sorted(corpus.actors + orgs, key=lambda a: a.slug))))
    index = pages[urls.index_page(urls.ORGANISATIONS)]
    parts = [path for path in pages if path.startswith(f"{urls.ORGANISATIONS}/_")]
    assert {urls.index_part_page(urls.ORGANISATIONS, "B", n) for n in (1, 2)} <= set(parts)
    for path in parts:
        assert pages[path].count('<li><a href="../../organisations/') <= INDEX_PAGE, path
    assert '<nav class="letter-bar" aria-label="Jump to a letter">' in index
    assert index.count("<li>") <= 30  # the index lists the pages, not the organisations
    assert "Bureau 0001" in pages[urls.index_part_page(urls.ORGANISATIONS, "B", 1)]
    assert not any(path.startswith(f"{urls.PLACES}/_") for path in pages)  # a few places: one page


def test_a_large_stories_index_is_split_by_year_newest_first() -> None:
    corpus = site_corpus.corpus()
    dated = [b for b in corpus.briefings if b.extraction.published.value]
    many = tuple(Story(f"{b.slug}-{i:04d}", (b.slug,)) for i in range(INDEX_PAGE) for b in dated)
    pages = render_site(replace(corpus, stories=many))
    index = pages[urls.index_page(urls.STORIES)]
    parts = [path for path in pages if path.startswith(f"{urls.STORIES}/_")]
    assert parts and all(pages[path].count("<li>") <= INDEX_PAGE for path in parts)
    assert '<nav class="letter-bar" aria-label="Jump to a year">' in index
    bar = index.split('<nav class="letter-bar"')[1].split("</nav>")[0]
    years = re.findall(r'<a href="\.\./stories/_(\d{4})/">', bar)
    assert years == ["2021", "2020"]  # newest first, each once


# ---- CSV downloads ----------------------------------------------------------------------

def _csv_files() -> dict[str, list[dict[str, str]]]:
    built = build_from_corpus(site_corpus.corpus())
    files = extra_files(built, "Test", "https://example.org/site/")
    return {name: list(csv.DictReader(io.StringIO(files[path]))) for name, path in urls.DATA_CSV.items()}


def test_quotes_csv_has_date_outlet_speaker_quote_and_link() -> None:
    quotes = _csv_files()["quotes"]
    first = quotes[0]
    assert list(first)[:5] == ["date", "outlet", "speaker", "quote", "link"]
    assert first["link"].startswith("https://example.org/site/briefings/") and "#p" in first["link"]
    assert any(q["quote"] == HOSTILE for q in quotes)  # the text as written: a CSV is data, not a page


def test_briefings_and_people_csv_have_a_row_each() -> None:
    files = _csv_files()
    corpus = site_corpus.corpus()
    assert [row["slug"] for row in files["briefings"]] == [b.slug for b in corpus.briefings]
    assert {row["slug"] for row in files["people"]} == {p.slug for p in corpus.people}
    assert files["people"][0]["sort_name"] == "Kandor, Ilse"


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)"])
def test_a_csv_cell_never_starts_a_formula(text: str) -> None:
    corpus = site_corpus.corpus()
    b = corpus.briefings[0]
    quote = replace(b.extraction.quotes[0], text=text)
    changed = replace(b, extraction=replace(b.extraction, quotes=(quote,)))
    files = csv_files(Corpus(briefings=(changed,), people=()), None)
    rows = list(csv.DictReader(io.StringIO(files[urls.DATA_CSV["quotes"]])))
    assert rows[0]["quote"] == "'" + text


# ---- readers see statements; editors' notes go to the review report ---------------------

def test_editor_notes_are_in_the_report_not_on_the_pages() -> None:
    corpus = site_corpus.corpus()
    made = [replace(b, extraction=replace(b.extraction, article=replace(b.extraction.article, title_made=True)))
            for b in corpus.briefings]
    built = build_from_corpus(replace(corpus, briefings=tuple(made)))
    for path, page in built.pages.items():
        assert "Title made from the lead" not in page and "published:" not in page and "front matter" not in page, path
    assert "Titles made from the lead (4)" in built.report and "Undated (1): add front matter" in built.report


def test_an_estimated_date_is_a_plain_statement() -> None:
    corpus = site_corpus.corpus()
    b = corpus.briefings[0]
    estimated = replace(b, extraction=replace(b.extraction, published=replace(
        b.extraction.published, value="2021", how="estimate", reason="the latest year the text names is 2021")))
    page = render_site(replace(corpus, briefings=(estimated, *corpus.briefings[1:])))[urls.briefing_page(b.slug)]
    assert "Date estimated from the text: " in page and "<strong>2021</strong>" in page


@pytest.mark.parametrize("stories, expected", [(1, "**1** event is reported"), (2, "**2** events are reported")])
def test_the_overview_counts_in_words_that_agree(stories: int, expected: str) -> None:
    from generator.render import render_overview
    from generator.stories import Story

    corpus = site_corpus.corpus()
    corpus = replace(corpus, stories=tuple(Story(f"s{i}", ("a-harbor", "b-valley")) for i in range(stories)))
    assert expected in render_overview(corpus, "")


@pytest.mark.parametrize("value", ['<img src=x onerror=alert("source")>', "&lt;script&gt;", "AT&T"])
def test_a_search_filter_value_has_nothing_html_could_act_on(value: str) -> None:
    """Pagefind's UI shows filter values as HTML, and Pagefind unescapes what it reads: no <, >, & or " may reach it."""
    import html as html_module

    from generator.render import pagefind_value
    read_by_pagefind = html_module.unescape(html_module.unescape(pagefind_value(value)))
    assert not set("<>&\"") & set(read_by_pagefind)


# ---- a briefing's summary ----------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    (("- China's defence minister met his counterpart.",), "China's defence minister met his counterpart."),
    (("— The talks ended on Tuesday.",), "The talks ended on Tuesday."),  # what a dropped dateline left
    (("_ The talks ended.",), "The talks ended."),  # AP's dateline underscore
    (("• First point", "second"), "First point"),
    (("-", "The real lead."), "The real lead."),  # a paragraph that is only a mark is passed over
    # negative cases: marks that are text
    (("-5 degrees at dawn, the coldest day.",), "-5 degrees at dawn, the coldest day."),
    (("The vote - narrow as it was - passed.",), "The vote - narrow as it was - passed."),
    (("MOSCOW - Talks began.",), "MOSCOW - Talks began."),  # a dateline is the article's own text
    ((), ""),
])
def test_summary_leaves_out_the_dash_it_opens_with(body: tuple[str, ...], expected: str) -> None:
    assert summary(replace(_article("x"), body=body)) == expected


def test_the_briefing_page_and_the_feed_show_the_summary_without_its_dash() -> None:
    corpus = site_corpus.corpus()
    b = corpus.briefings[0]
    article = replace(b.extraction.article, body=("- The port opens to all ships.", *b.extraction.article.body))
    dashed = replace(b, extraction=replace(b.extraction, article=article))
    built = build_from_corpus(replace(corpus, briefings=(dashed, *corpus.briefings[1:])))
    page = built.pages[urls.briefing_page(b.slug)]
    assert "<p>The port opens to all ships.</p>" in page
    feed = extra_files(built, "Test", None)[urls.FEED]
    assert "<summary>The port opens to all ships.</summary>" in feed
