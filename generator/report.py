"""The build's review report: what a writer should look at after a build.

Undated articles (with the front-matter line that fixes each), skipped inputs,
unattributed or low-confidence quotes, and people that might be one but were not merged.
"""
from __future__ import annotations

from collections.abc import Sequence

from .clean import summary
from .errors import InputError
from .model import Briefing, Corpus, Extraction, Quote

LOW_CONFIDENCE = 0.5


def _undated(corpus: Corpus) -> list[Briefing]:
    return [b for b in corpus.briefings if not b.extraction.published.value]


def _estimated(corpus: Corpus) -> list[Briefing]:
    return [b for b in corpus.briefings if b.extraction.published.how == "estimate"]


def _weak_quotes(corpus: Corpus) -> list[tuple[Briefing, Quote]]:
    return [(b, q) for b in corpus.briefings for q in b.extraction.quotes
            if q.speaker is None or q.confidence < LOW_CONFIDENCE]


def review_summary(corpus: Corpus, errors: Sequence[InputError] = ()) -> str:
    """The report's counts in one line, for the console: ``… 2 undated, 14 quotes unattributed or unsure``."""
    checks = [(len(errors), "skipped input", "skipped inputs"), (len(_undated(corpus)), "undated", "undated"),
              (len(_estimated(corpus)), "estimated date", "estimated dates"),
              (len(_weak_quotes(corpus)), "quote unattributed or unsure", "quotes unattributed or unsure"),
              (len(corpus.merge_candidates), "possible merge", "possible merges")]
    parts = [_count(n, one, many) for n, one, many in checks if n]
    return (f"Review: {_count(len(corpus.briefings), 'briefing', 'briefings')}, "
            f"{_count(len(corpus.people), 'person', 'people')}; " + (", ".join(parts) or "nothing to check"))


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def review_report(corpus: Corpus, errors: Sequence[InputError] = ()) -> str:
    lines = [f"Briefings review: {len(corpus.briefings)} briefings, {len(corpus.people)} people."]
    if errors:
        lines.append(f"Skipped inputs ({len(errors)}):")
        lines += [f"  - {error}" for error in errors]
    undated = _undated(corpus)
    if undated:
        lines.append(f"Undated ({len(undated)}): add front matter 'published: YYYY-MM-DD' to:")
        lines += [f"  - {b.extraction.article.path}" for b in undated]
    estimated = _estimated(corpus)
    if estimated:
        lines.append(f"Estimated publication dates ({len(estimated)}): check and pin with 'published:':")
        lines += [f"  - {b.extraction.article.path}: {b.extraction.published.value} ({b.extraction.published.reason})"
                  for b in estimated]
    made = [b for b in corpus.briefings if b.extraction.article.title_made]
    if made:
        lines.append(f"Titles made from the lead ({len(made)}): the text has no headline; set 'title:' in the "
                     "front matter of:")
        lines += [f"  - {b.extraction.article.path}: {b.extraction.article.title}" for b in made]
    weak = _weak_quotes(corpus)
    if weak:
        lines.append(f"Unattributed or low-confidence quotes ({len(weak)}):")
        lines += [f"  - {b.extraction.article.path} ¶{q.paragraph + 1}: "
                  f"{q.speaker or 'unattributed'} ({q.confidence:.2f}): “{q.text[:70]}”" for b, q in weak]
    if corpus.merge_candidates:
        lines.append(f"People not merged automatically ({len(corpus.merge_candidates)}); "
                     "merge them in the people registry if they are one:")
        lines += [f"  - {a} / {b}: {c.reason}" for c in corpus.merge_candidates for a, b in [c.names]]
    return "\n".join(lines) + "\n"


def cleaning_summary(extractions: Sequence[Extraction]) -> str:
    """A line per article: paragraphs kept, lines dropped and why (``-v`` on the command line and in MkDocs)."""
    return "".join(summary(e.article) + "\n" for e in extractions)
