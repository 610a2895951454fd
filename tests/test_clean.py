"""Cleaning: what is body, what is dropped and why, the title, and the metadata kept.

Every sentence here is invented; none comes from the seeds or the dev sets.
"""
from __future__ import annotations

import pytest

from generator.clean import clean, summary
from generator.clean.lines import classify
from generator.model import FrontMatter, RawArticle

P1 = "The harbour authority in Valmora approved a new ferry route on Monday, officials said."
P2 = "The route will link the old port with three islands that had no regular service for a decade."
P3 = "“We waited a long time for this,” said Ilse Marquand, who runs a bakery near the pier."
P4 = "Critics argue the subsidy is too small to keep the boats running through the winter months."


NO_FRONT = FrontMatter()


def raw(text: str, fmt: str = "txt", front: FrontMatter = NO_FRONT) -> RawArticle:
    return RawArticle(id="a", path="a." + fmt, text=text, format=fmt, front=front)


# ---- single lines ------------------------------------------------------------------

@pytest.mark.parametrize("line, kind", [
    (P1, "prose"),
    ("- The ferry will run twice a day, the authority said.", "prose"),  # a bullet summary line
    ("Tickets are cheap.", "short"),  # too short to be sure: decided by its neighbours
    ("The islands wait.", "short"),
    ("Ferry service returns", "short"),
    ("var ads = window.ads || [];", "code"),
    ("googletag.cmd.push(function() { googletag.display('slot-1'); });", "code"),
    (".promo-box {width: 300px; height: 250px; }", "code"),
    ("@media (min-width: 600px) {", "code"),
    ('{"@type": "NewsArticle", "headline": "Ferry"}', "code"),
    ("'Accept Button Text': 'Accept all',", "code"),
    ("2021-06-14 09:12:30", "meta"),
    ("Updated 3:05 PM EST, Tuesday, June 15, 2021", "meta"),
    ("1623662000", "meta"),
    ("Source: Valmora Daily", "meta"),
    ("(According to Reuters)", "meta"),
    ("By Tomas Ferreira, Staff Writer", "meta"),
    ("#ferry #islands #transport #Valmora", "junk"),
    ("Leave a Reply", "junk"),
    ("Your email address will not be published. Required fields are marked *", "junk"),
    ("Related Articles", "junk"),
    ("Read More", "junk"),
    ("image source,Getty Images", "junk"),
    ("The new ferry leaves the harbour at dawn. | Photo: Port Authority", "junk"),
    ("Photo by Ana Ruiz/Getty Images", "junk"),
    ("Tired of your job? Earn extra money from home, visit our site right now.", "junk"),
    ("Share on Facebook", "junk"),
    ("Home", "junk"),
    ("HomeWorldFerry route approved for Valmora...", "junk"),
    ("Ferry fares rise again on the northern isl...", "junk"),  # a teaser headline cut short
    ("Storm closes the harbour for two days - Read More »»", "junk"),
    ("By signing up you agree to our Terms of Use and acknowledge our Privacy Policy.", "junk"),
])
def test_classify_line(line: str, kind: str) -> None:
    assert classify(line).kind == kind


@pytest.mark.parametrize("line", [
    "Latest figures show the ferry carried 4,000 passengers in its first week, up from 900.",
    "Reply letters from residents poured in after the vote, the mayor told reporters on Friday.",
    "Comments from the minister suggested the subsidy could rise next year if demand holds.",
    "Home owners on the islands say the route has already raised the value of their houses.",
    "“We will see what the winter brings, and then…” the captain said, shrugging at the sky.",
])
def test_prose_that_starts_like_junk_stays_prose(line: str) -> None:
    assert classify(line).kind == "prose"


# ---- whole texts -------------------------------------------------------------------

def test_headline_then_paragraphs() -> None:
    article = clean(raw(f"Ferry service returns to the islands\n\n{P1}\n\n{P2}\n{P3}\n{P4}\n"))
    assert article.title == "Ferry service returns to the islands"
    assert not article.title_made
    assert article.body == (P1, P2, P3, P4)


def test_a_text_without_headline_keeps_its_lead_and_makes_a_title() -> None:
    article = clean(raw(f"{P1}\n{P2}\n{P3}\n"))
    assert article.body[0] == P1
    assert article.title_made
    assert article.title.startswith("The harbour authority in Valmora approved")


def test_front_matter_title_wins() -> None:
    article = clean(raw(f"Ferry service returns\n{P1}\n{P2}\n", front=FrontMatter(title="My own title")))
    assert article.title == "My own title" and not article.title_made


def test_subheading_between_paragraphs_is_body_but_a_caption_is_not() -> None:
    text = "\n".join(["Ferry service returns", "image captiontext,", "The mayor at the pier", P1, P2,
                      "A long wait ends", P3, P4])
    article = clean(raw(text))
    assert "A long wait ends" in article.body
    assert "The mayor at the pier" not in article.body
    assert any(d.reason == "image caption or credit" for d in article.dropped)


def test_junk_around_the_article_is_dropped_with_reasons() -> None:
    text = "\n".join([
        "Ferry service returns", "2021-06-14 09:12:30", "adUnits.push({", "code: 'slot_1',", "});",
        P1, P2, P3, P4, "Source: Valmora Daily", "#ferry #islands #transport",
        "Recommended Articles", "Island hotels brace for a summer rush", "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ])
    article = clean(raw(text))
    assert article.body == (P1, P2, P3, P4)
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["adUnits.push({"] == "script or CSS"
    assert reasons["#ferry #islands #transport"] == "hashtags"
    assert reasons["Leave a Reply"] == "comment form"
    assert reasons["2021-06-14 09:12:30"] == "timestamp (used as the publication date)"
    assert article.metadata[0] == "2021-06-14 09:12:30"
    assert article.source == "Valmora Daily"


def test_teasers_after_a_related_marker_are_dropped() -> None:
    text = "\n".join(["Ferry service returns", P1, P2, "Related", "Island hotels brace for a summer rush",
                      "Fishermen fear the wake of bigger boats", P3, P4])
    article = clean(raw(text))
    assert article.body == (P1, P2, P3, P4)
    assert any(d.reason == "related-story teaser" for d in article.dropped)


def test_a_menu_and_a_teaser_list_around_the_article_are_not_body() -> None:
    menu = ["Home", "News", "Sport", "Weather", "Island Hotels Brace For A Summer Rush",
            "Fishermen Fear The Wake Of Bigger Boats"]
    teasers = []
    for n in range(4):
        teasers += [f"Other Story Number {n} About Something Else", "Mara Lind", "June 12, 2021",
                    f"This is the summary of another story number {n}, which the page lists after the article."]
    article = clean(raw("\n".join(menu + [P1, P2, P3, P4] + teasers)))
    assert article.body == (P1, P2, P3, P4)


def test_a_list_closing_the_article_is_body() -> None:
    dates = ["June 9 – Valmora, Old Port", "June 12 – Sarn Island, Pier 2", "June 15 – Kell Island, Main Quay"]
    article = clean(raw("\n".join(["Ferry service returns", P1, P2, "Sailing dates", *dates,
                                   "var x = 1;"])))
    assert article.body == (P1, P2, "Sailing dates", *dates)


def test_repeated_paragraph_kept_once() -> None:
    article = clean(raw("\n".join(["Ferry service returns", P1, P2, P2, P3, P3.replace("“", '"')])))
    assert article.body == (P1, P2, P3)


@pytest.mark.parametrize("text", ["", "\n\n\n", "x", "{" * 100_000, "a: " + "b" * 200_000,
                                  "\x00\x01\x02 binary-ish \xff", "word " * 50_000, "<<<>>>" * 1000])
def test_odd_input_never_raises(text: str) -> None:
    article = clean(raw(text))
    assert isinstance(article.body, tuple)


def test_markdown_headings_and_images() -> None:
    text = f"# Ferry service returns\n\n![the pier](pier.jpg)\n\n{P1}\n\n## A long wait ends\n\n{P2}\n\n{P3}\n"
    article = clean(raw(text, fmt="md"))
    assert article.title == "Ferry service returns"
    assert article.body == (P1, "A long wait ends", P2, P3)


# ---- HTML --------------------------------------------------------------------------

HTML = """<html><head><title>Ferry service returns - Valmora Daily</title>
<meta property="og:title" content="Ferry service returns">
<meta property="article:published_time" content="2021-06-14T09:12:30Z">
<script>var ads = window.ads || [];</script><style>.x {color: red;}</style></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav>
<article><h1>Ferry service returns</h1>
<div class="story-body"><p>P1</p><p>P2</p></div>
<div class="ad"><p>Advertisement</p></div>
<div class="story-body"><p>P3</p><p>P4</p></div>
</article>
<aside><h3>Related</h3><ul><li><a href="/x">Island hotels brace for a summer rush</a></li></ul></aside>
<footer><p>© 2021 Valmora Daily. All rights reserved.</p></footer></body></html>
""".replace("P1", P1).replace("P2", P2).replace("P3", P3).replace("P4", P4)


def test_html_article_body_title_and_date() -> None:
    article = clean(raw(HTML, fmt="html"))
    assert article.body == (P1, P2, P3, P4)
    assert article.title == "Ferry service returns"
    assert any("2021-06-14" in line for line in article.metadata)


def test_html_without_an_article_falls_back_to_the_page_text() -> None:
    article = clean(raw(f"<div><div>{P1}</div><div>{P2}</div><div>{P3}</div></div>", fmt="html"))
    assert P1 in article.body


def test_broken_html_never_raises() -> None:
    article = clean(raw("<html><body><p>Unclosed <b>tags <div>" + "<" * 5000, fmt="html"))
    assert isinstance(article.body, tuple)


# ---- the build's summary -----------------------------------------------------------

def test_summary_counts_kept_and_dropped() -> None:
    article = clean(raw("\n".join(["Ferry service returns", P1, P2, "Leave a Reply", "#a #b #c"])))
    line = summary(article)
    assert "kept 2 paragraph(s)" in line and "dropped 3 line(s)" in line  # the headline is one of them
    assert "comment form" in line and "hashtags" in line


# ---- crude text dumps: comment threads, teaser feeds, site addresses ------------------

def test_a_comment_thread_after_the_article_is_not_body_even_when_longer() -> None:
    comments = []
    for n in range(4):
        comments += [f"reader{n}", "2 days ago at 07:47 am",
                     f"I think the ferry should run all winter, and the subsidy is a small price for number {n} of us.",
                     "Others on the islands will disagree with me, but the boats are what keep the shops open.",
                     f"Rating: {n} Votes"]
    article = clean(raw("\n".join(["Ferry service returns", P1, P2, P3, P4, "[ 167 comments ]", *comments])))
    assert article.body == (P1, P2, P3, P4)


def test_a_comment_count_above_the_article_does_not_cut_it() -> None:
    article = clean(raw("\n".join(["Ferry service returns", "12 Comments", P1, P2, P3, P4])))
    assert article.body == (P1, P2, P3, P4)


def test_a_teaser_feed_with_kickers_site_addresses_and_tags_is_not_body() -> None:
    feed = []
    for n in range(6):
        feed += ["GOING UNDER", f"Why The Island Harbours Keep Silting Up Number {n}", "example.org", "Science",
                 "Maps", f"A summary of another story, number {n}, which the page lists under the article today."]
    article = clean(raw("\n".join(["Ferry service returns", P1, P2, P3, P4, *feed])))
    assert article.body == (P1, P2, P3, P4)


@pytest.mark.parametrize("line, kind", [
    ("aeon.co", "meta"),
    ("store.example.com", "meta"),
    ("Mr.Lind", "short"),  # not an address: capitals in the last part
    ("U.S.", "short"),
    ("[ 167 comments ]", "junk"),
    ("_WidgetManager._SetDataContext([{'name': 'blog', 'data': {'id': '17'}}]);", "code"),
    ("googletag.cmd.push(function() {", "code"),
    ("Mr.Lind(left) said the plan would work.", "near"),  # a typo, not a call
    ("Home Depot shares rose 4% on Tuesday after the retailer beat forecasts.", "prose"),  # not a breadcrumb
])
def test_lines_of_crude_dumps(line: str, kind: str) -> None:
    assert classify(line).kind == kind


# ---- HTML: trafilatura's chosen text is trusted -------------------------------------

def test_trafilatura_text_is_not_taken_for_code_or_teasers() -> None:
    show = "Visitors came to the theatre to watch <The Palace> and left their reviews of the night."
    pause = "But here is the catch …"
    shown = show.replace("<", "&lt;").replace(">", "&gt;")
    page = HTML.replace(f"<p>{P3}</p>", f"<p>{P3}</p><p>{shown}</p><p>{pause}</p>")
    article = clean(raw(page, fmt="html"))
    assert show in article.body and pause in article.body


def test_precision_mode_losing_the_article_falls_back_to_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    from generator.clean import html as H

    long_text = "\n".join([P1, P2, P3, P4] * 3)

    def fake(html: str, favor_precision: bool = False, **_: object) -> trafilatura.settings.Document:
        doc = trafilatura.settings.Document()
        doc.text = P1 if favor_precision else long_text
        return doc

    monkeypatch.setattr(H.trafilatura, "bare_extraction", fake)
    assert len(H.extract("<html></html>").lines) == 12
