"""The site's non-page outputs: an Atom feed of the latest briefings, and downloads of everything (JSON, CSV).

Both are deterministic: no build time anywhere. A feed entry is dated by its
briefing's publication date (undated briefings are not in the feed) and the feed's
``updated`` is its newest entry's date. Entry ids are ``urn:briefings:<slug>``, so
they survive a move of the site; links are absolute when ``site_url`` is known
and relative to the feed otherwise. Article text goes through ``xml_text``
(feed), ``json.dumps`` (data) or the ``csv`` module (tables), never raw; a CSV
cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) starts with ``'``.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from functools import partial
from xml.sax.saxutils import escape, quoteattr

from . import urls
from .memo import RecordMemo
from .model import Briefing, Corpus, Mention, Person
from .partial_date import PartialDate
from .sorting import sort_name
from .summary import summary

FEED_ENTRIES = 50
SUMMARY_CHARS = 500


def xml_text(text: str) -> str:
    """Text for an XML element: ``& < >`` escaped, and the characters XML 1.0 forbids dropped."""
    clean = "".join(c for c in text if c in "\t\n\r"
                    or (ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff"))
    return escape(clean)


def atom_feed(corpus: Corpus, site_name: str, site_url: str | None) -> str:
    """The newest ``FEED_ENTRIES`` dated briefings as an Atom 1.0 document."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    dated = [b for b in corpus.briefings if b.extraction.published.value][:FEED_ENTRIES]
    updated = _timestamp(dated[0].extraction.published.value) if dated else "1970-01-01T00:00:00Z"
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"  <title>{xml_text(site_name)}</title>",
             f"  <id>urn:briefings:{xml_text(base or 'site')}</id>",
             f"  <updated>{updated}</updated>",
             f"  <link rel=\"alternate\" href={quoteattr(base or './')}/>",
             f"  <link rel=\"self\" href={quoteattr(base + urls.FEED)}/>"]
    for briefing in dated:
        lines += _entry(briefing, base)
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _entry(briefing: Briefing, base: str) -> list[str]:
    article, published = briefing.extraction.article, briefing.extraction.published.value
    teaser = summary(article)
    if len(teaser) > SUMMARY_CHARS:
        teaser = teaser[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return ["  <entry>",
            f"    <title>{xml_text(article.title)}</title>",
            f"    <id>urn:briefings:{briefing.slug}</id>",
            f"    <link href={quoteattr(base + urls.page_href(urls.briefing_page(briefing.slug)))}/>",
            f"    <updated>{_timestamp(published)}</updated>",
            f"    <published>{_timestamp(published)}</published>",
            *([f"    <author><name>{xml_text(article.source)}</name></author>"] if article.source else []),
            f"    <summary>{xml_text(teaser)}</summary>",
            "  </entry>"]


def _timestamp(value: str | None) -> str:
    """An Atom date-time for a publication date; a partial date (``2023``, ``2023-04``) takes its first day."""
    date = PartialDate.of(value) or PartialDate(1970)
    return f"{date.first_day().isoformat()}T00:00:00Z"


def data_json(corpus: Corpus, memo: RecordMemo | None = None) -> str:
    """Every extracted record: briefings (without their full text), people and stories, as one JSON document.

    ``memo`` (serve): a briefing's record is kept as JSON text while its inputs are the same objects; the
    document is the same as one ``json.dumps`` of it all (compact separators join lists and objects alike)."""
    story_of = {slug: s.slug for s in corpus.stories for slug in s.briefings}
    memo = memo or RecordMemo()
    records = [memo.get("json", b.slug, (b, story := story_of.get(b.slug), related := corpus.related.get(b.slug, ())),
                        partial(_briefing_json, b, story, related))
               for b in corpus.briefings]
    people = [memo.get("json-person", p.slug, (p,), partial(_person_json, p)) for p in corpus.people]
    rest = json_text({"stories": [{"slug": s.slug, "briefings": list(s.briefings)} for s in corpus.stories],
                   "merge_candidates": [{"names": list(c.names), "reason": c.reason} for c in corpus.merge_candidates]})
    return "".join(('{"briefings":[', ",".join(records), '],"people":[', ",".join(people), "],", rest[1:], "\n"))


def _briefing_json(b: Briefing, story: str | None, related: tuple[tuple[str, float], ...]) -> str:
    return json_text(_briefing_record(b, story, related))


def _person_json(p: Person) -> str:
    return json_text(_person_record(p))


def _briefing_csv(b: Briefing, story: str | None, base: str) -> str:
    return _csv_rows([briefing_row(b, story, base)])


def _quotes_csv(b: Briefing, base: str) -> str:
    return _csv_rows(briefing_quote_rows(b, base))


def json_text(data: object) -> str:
    """``data`` as compact JSON, every character past ASCII escaped: the downloads and the search index join
    thousands of such records into one text, which Python copies at a byte a character when all are ASCII
    and at two or four otherwise, widening every record to the widest (a curly quote in one record made the
    10,000-article JSON download 0.38 s to join under serve, 0.03 s now); any JSON reader gets the same text.
    Compact, because with an indent the json module falls back to its pure-Python encoder."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"))


def _person_record(p: Person) -> dict:
    return {"slug": p.slug, "name": p.name, "aliases": list(p.aliases), "description": p.description,
            "url": urls.page_href(urls.person_page(p.slug)),
            "roles": [{"role": r.role, "briefing": r.article, "date": r.date} for r in p.roles],
            "briefings": list(p.articles),
            "co_mentions": [{"person": s, "briefings": n} for s, n in p.co_mentions]}


def _briefing_record(b: Briefing, story: str | None, related: tuple[tuple[str, float], ...]) -> dict:
    e = b.extraction
    return {"id": e.article.id, "slug": b.slug, "url": urls.page_href(urls.briefing_page(b.slug)),
            "path": e.article.path, "title": e.article.title, "source": e.article.source,
            "published": {"value": e.published.value, "how": e.published.how, "reason": e.published.reason},
            "persons": [_mention(m, b.speakers.get(m.name)) for m in e.persons],
            "actors": [_mention(m, None) for m in e.actors],
            "quotes": [{"text": q.text, "speaker": q.speaker, "person": b.speakers.get(q.speaker or ""),
                        "cue": q.cue, "confidence": q.confidence, "paragraph": q.paragraph} for q in e.quotes],
            "dates": [{"text": d.text, "value": d.value, "end": d.end, "paragraph": d.paragraph} for d in e.dates],
            "story": story, "related": [slug for slug, _ in related]}


def _mention(m: Mention, person: str | None) -> dict:
    return {"name": m.name, "kind": m.kind, "person": person, "aliases": list(m.aliases),
            "roles": list(m.roles), "paragraphs": list(m.paragraphs)}


# ---- CSV: the same records as tables ------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell as a formula


def csv_files(corpus: Corpus, site_url: str | None, memo: RecordMemo | None = None) -> dict[str, str]:
    """``data/briefings.csv``, ``data/quotes.csv`` and ``data/people.csv`` (paths from ``urls.DATA_CSV``);
    ``memo`` (serve): each briefing's rows kept as CSV text while its inputs are the same objects."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    memo = memo or RecordMemo()
    story_of = {slug: s.slug for s in corpus.stories for slug in s.briefings}
    briefings = [memo.get("csv-briefing", b.slug, (b, story := story_of.get(b.slug), base),
                          partial(_briefing_csv, b, story, base)) for b in corpus.briefings]
    quotes = [memo.get("csv-quotes", b.slug, (b, base), partial(_quotes_csv, b, base))
              for b in corpus.briefings]
    return {urls.DATA_CSV["briefings"]: "".join((_csv(BRIEFING_COLUMNS, []), *briefings)),  # one copy of it all
            urls.DATA_CSV["quotes"]: "".join((_csv(QUOTE_COLUMNS, []), *quotes)),
            urls.DATA_CSV["people"]: "".join((_csv(PEOPLE_COLUMNS, []), *_people_csv(corpus, base, memo)))}


def _people_csv(corpus: Corpus, base: str, memo: RecordMemo) -> list[str]:
    """Each person's CSV row, kept while the person and the dates of their briefings are the same: while the
    timeline is the very object it was, every briefing's publication date is (the resolve stage makes it again
    whenever one can change; a patch keeps it)."""
    published = {b.slug: b.extraction.published.value for b in corpus.briefings}
    return [memo.get("csv-person", p.slug, (p, base, corpus.timeline),
                     partial(_person_csv, p, published, base))
            for p in corpus.people]


def _person_csv(p: Person, published: dict[str, str | None], base: str) -> str:
    return _csv_rows([person_row(p, [published.get(slug) for slug in p.articles], base)])


BRIEFING_COLUMNS = ("slug", "published", "published_how", "outlet", "author", "title", "people", "organisations",
                    "places", "quotes", "story", "original_url", "link", "path")
QUOTE_COLUMNS = ("date", "outlet", "speaker", "quote", "link", "person", "briefing", "paragraph", "confidence")
PEOPLE_COLUMNS = ("slug", "name", "sort_name", "aliases", "briefings", "quotes", "first", "last", "roles",
                  "description", "link")


def briefing_row(b: Briefing, story: str | None, base: str) -> tuple[object, ...]:
    e = b.extraction
    kinds = {kind: "; ".join(sorted({m.name for m in e.actors if m.kind == kind})) for kind in ("org", "country")}
    return (b.slug, e.published.value, e.published.how, e.article.source, e.article.author, e.article.title,
            "; ".join(sorted({m.name for m in e.persons})), kinds["org"], kinds["country"], len(e.quotes),
            story, e.article.url, base + urls.page_href(urls.briefing_page(b.slug)), e.article.path)


def briefing_quote_rows(b: Briefing, base: str) -> list[tuple[object, ...]]:
    e = b.extraction
    page = base + urls.page_href(urls.briefing_page(b.slug))
    rows: list[tuple[object, ...]] = []
    for q in e.quotes:
        where = f"#p{q.paragraph + 1}" if 0 <= q.paragraph < len(e.article.body) else ""
        rows.append((e.published.value, e.article.source, q.speaker, q.text, page + where,
                     b.speakers.get(q.speaker or ""), b.slug, q.paragraph + 1 if where else None,
                     f"{q.confidence:.2f}"))
    return rows


def person_row(p: Person, published: list[str | None], base: str) -> tuple[object, ...]:
    """A person's row; ``published``: the dates of their briefings."""
    dates = sorted(d for d in published if d)
    return (p.slug, p.name, sort_name(p.name), "; ".join(p.aliases), len(p.articles), len(p.quotes),
            dates[0] if dates else None, dates[-1] if dates else None,
            "; ".join(sorted({r.role for r in p.roles})), p.description,
            base + urls.page_href(urls.person_page(p.slug)))


def _csv(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """CSV (quoted where needed, ``\\n`` line ends as the other files), a header row first; None is an empty cell."""
    return _csv_rows([columns, *rows])


def _csv_rows(rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue()


def _cell(value: object) -> str:
    """A cell's text; article text that a spreadsheet would run as a formula is prefixed with ``'``."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) and not isinstance(value, (int, float)) else text
