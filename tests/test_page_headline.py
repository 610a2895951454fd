"""An HTML page's headline: the <h1> or og:title that agrees with the <title>, site name aside.

Every page here is invented.
"""
from __future__ import annotations

import lxml.html
import pytest

from generator.clean.headline import _strip_site, page_headline

LEAD = "The harbour authority in Valmora approved a new ferry route to the islands on Monday, officials said."


def page(title: str = "", h1s: tuple[str, ...] = (), og: str = "", h2_above: str = "") -> lxml.html.HtmlElement:
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    heads = "".join(f"<h1>{h}</h1>" for h in h1s)
    above = f"<h2>{h2_above}</h2>" if h2_above else ""
    return lxml.html.document_fromstring(
        f"<html><head><title>{title}</title>{meta}</head><body>{heads}<div>{above}<p>{LEAD}</p></div></body></html>")


@pytest.mark.parametrize("kwargs, headline", [
    # the <h1> that is the <title> without the site's name
    (dict(title="Ferry route approved for Valmora - Valmora Daily",
          h1s=("Valmora Daily", "Ferry route approved for Valmora")),
     "Ferry route approved for Valmora"),
    # the site's name before the headline
    (dict(title="The Harbour Review: Ferry route approved for Valmora", h1s=("Ferry route approved for Valmora",)),
     "Ferry route approved for Valmora"),
    # an <h1> that is only the site's name (a shorter part of the title) is not the headline
    (dict(title="Ferry route approved for the islands of Valmora | Harbour News Today", h1s=("Harbour News Today",)),
     "Ferry route approved for the islands of Valmora"),
    # a teaser's <h1>: the og:title agrees with the title
    (dict(title="Ferry route approved for Valmora - Harbour", h1s=("Why reindeer herders protest",),
          og="Ferry route approved for Valmora"), "Ferry route approved for Valmora"),
    # the <title> differs from both, but the og:title repeats the <h1>
    (dict(title="Valmora ferry: what the new route means | Harbour", h1s=("The new ferry route explained",),
          og="The new ferry route explained | Harbour"), "The new ferry route explained"),
    # the <title> is a section's name: the heading above the article that tells the lead
    (dict(title="Harbour News: World Views", h2_above="Valmora harbour authority approves ferry route"),
     "Valmora harbour authority approves ferry route"),
    # sections and the site's name cut off; "_" joins them on some sites
    (dict(title="Ferry route approved for Valmora - Islands - Travel - Breaking News"),
     "Ferry route approved for Valmora"),
    (dict(title="Ferry route approved for Valmora islands_English_Harbour"),
     "Ferry route approved for Valmora islands"),
])
def test_page_headline(kwargs: dict, headline: str) -> None:
    assert page_headline(page(**kwargs), "trafilatura's title", None, LEAD) == headline


def test_a_headline_keeps_its_own_dash() -> None:
    assert _strip_site("Ferry fares rise — and islanders are not pleased - Harbour", None) == \
        "Ferry fares rise — and islanders are not pleased"


def test_the_site_name_trafilatura_found_is_cut_even_when_long() -> None:
    site = "The Daily Harbour of Valmora Islands"
    assert _strip_site(f"Ferry route approved | {site}", site) == "Ferry route approved"


def test_no_page_gives_trafilaturas_title() -> None:
    assert page_headline(None, "Ferry", None) == "Ferry"
