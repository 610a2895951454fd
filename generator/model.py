"""The records passed between pipeline stages.

read → RawArticle → clean → Article → extract → Extraction → resolve → Corpus → render.
Every record is a frozen dataclass: a stage never mutates what an earlier one made.
Paragraph numbers are 0-based indexes into ``Article.body``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .partial_date import PartialDate


@dataclass(frozen=True)
class FrontMatter:
    """What the user pinned at the top of an input; authoritative when present."""

    title: str | None = None
    published: str | None = None  # ISO date: YYYY-MM-DD, or YYYY-MM or YYYY when only those are known
    source: str | None = None
    url: str | None = None  # where the article was published (shown as "Original article")
    author: str | None = None


@dataclass(frozen=True)
class RawArticle:
    """One input file, decoded, with its front matter split off."""

    id: str  # the file stem, as the export and the scorer know it
    path: str  # path relative to the input folder, for messages
    text: str  # the decoded text after the front matter
    format: str  # "txt", "md" or "html"
    front: FrontMatter = FrontMatter()


@dataclass(frozen=True)
class Dropped:
    """A line cleaning threw away, and why (shown folded on the briefing page)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """The article's own title and paragraphs, and what was set aside."""

    id: str
    path: str
    title: str
    title_made: bool  # True when no headline was found and the title was made from the lead
    body: tuple[str, ...]
    dropped: tuple[Dropped, ...] = ()
    metadata: tuple[str, ...] = ()  # lines that are not body but say something: timestamps, "Source: X", bylines
    source: str | None = None  # the outlet, when the text or front matter names it
    front: FrontMatter = FrontMatter()
    url: str | None = None  # the original article: front matter ``url:``, or an HTML page's canonical/og:url
    author: str | None = None  # front matter ``author:``, or an HTML page's author metadata


@dataclass(frozen=True)
class Published:
    """The publication date and how it is known."""

    value: str | None  # YYYY-MM-DD; an estimate may be YYYY alone; None when unknown
    how: str  # "front matter", "text", "estimate" or "unknown"
    reason: str = ""  # for an estimate or a text date: what it rests on


@dataclass(frozen=True)
class Mention:
    """An actor named in one article: a person, an organisation or a country."""

    name: str  # the fullest form used in the article
    kind: str  # "person", "org" or "country"
    aliases: tuple[str, ...] = ()  # the other forms used ("Lind", "President Maria Lind")
    roles: tuple[str, ...] = ()  # as the article gives them ("Russian Foreign Minister")
    paragraphs: tuple[int, ...] = ()  # where the actor is named


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it."""

    text: str  # exactly what lies between the marks
    speaker: str | None  # a person Mention's name, or None when unsure
    cue: str | None  # the reporting verb or phrase ("said", "according to", ":")
    confidence: float
    paragraph: int


@dataclass(frozen=True)
class DateRef:
    """A calendar reference, normalised against the publication date."""

    text: str  # the surface text as written
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be resolved
    paragraph: int  # -1 for a date in the title or in a metadata line (a dateline set aside by cleaning)
    end: str | None = None  # the end of a range


@dataclass(frozen=True)
class Extraction:
    """Everything one article yields; the unit the cache stores."""

    article: Article
    published: Published
    persons: tuple[Mention, ...] = ()
    actors: tuple[Mention, ...] = ()  # organisations and countries
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateRef, ...] = ()
    # persons named by one word only that nothing in the article vouches for ("his wife, Laci"): the
    # cross-article stage adds one to ``persons`` when the collection names that person in full
    unsure: tuple[Mention, ...] = ()

    @property
    def years(self) -> tuple[int, ...]:
        """The year pages this article belongs on: its publication year, if known."""
        date = PartialDate.of(self.published.value)
        return (date.year,) if date else ()


# ---- the cross-article stage's output ------------------------------------------


@dataclass(frozen=True)
class RoleRecord:
    role: str
    article: str  # briefing slug
    date: str | None  # the publication date of the article that states it


@dataclass(frozen=True)
class PersonQuote:
    text: str
    sources: tuple[tuple[str, int], ...]  # (briefing slug, paragraph) for each occurrence


@dataclass(frozen=True)
class Person:
    """One real person across the collection."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    roles: tuple[RoleRecord, ...] = ()
    articles: tuple[str, ...] = ()  # briefing slugs, newest first
    quotes: tuple[PersonQuote, ...] = ()
    co_mentions: tuple[tuple[str, int], ...] = ()  # (person slug, shared articles), most first


@dataclass(frozen=True)
class ActorQuote:
    """A quote that names an organisation or place, and who said it (a person slug, when known)."""

    text: str
    briefing: str
    paragraph: int
    speaker: str | None


@dataclass(frozen=True)
class Actor:
    """One organisation or place across the collection."""

    slug: str  # unique among organisations and places together
    kind: str  # "org" or "place" (countries are places)
    name: str
    aliases: tuple[str, ...] = ()
    country: bool = False
    articles: tuple[str, ...] = ()  # briefing slugs, newest first
    people: tuple[tuple[str, int], ...] = ()  # (person slug, shared briefings), most first
    quotes: tuple[ActorQuote, ...] = ()  # newest briefing first


@dataclass(frozen=True)
class Briefing:
    """One article as the site shows it."""

    slug: str
    extraction: Extraction
    speakers: dict[str, str] = field(default_factory=dict)  # name in this article → person slug
    actor_slugs: dict[str, str] = field(default_factory=dict)  # organisation or place name here → actor slug


@dataclass(frozen=True)
class MergeCandidate:
    names: tuple[str, str]
    reason: str


@dataclass(frozen=True)
class Story:
    """Briefings reporting one event, and why they were grouped.

    ``slug`` is its earliest briefing's, so it is stable.
    """

    slug: str
    briefings: tuple[str, ...]  # briefing slugs, oldest first (undated last)
    people: tuple[str, ...] = ()  # names of the people at least two of its reports name, most named first
    actors: tuple[str, ...] = ()  # places and organisations at least two of its reports name, most named first
    terms: tuple[str, ...] = ()  # the words its reports share that the rest of the collection rarely uses
    dates: tuple[str, ...] = ()  # the days its reports were published (or, undated, name), oldest first
    quotes: int = 0  # quotations at least two of its reports carry


@dataclass(frozen=True)
class SharedQuote:
    """One quotation across a story's reports: the fullest wording, and which reports carry it."""

    text: str
    speaker: str | None
    briefings: tuple[str, ...]  # slugs of the reports quoting it (whole or in part), in story order


@dataclass(frozen=True)
class Event:
    """A date one briefing mentions, for the timeline of the year and month it falls in."""

    date: DateRef
    briefing: str  # the slug of the briefing that mentions it


Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class Timeline:
    """Briefings by when they were published and the dates they mention by when those fall, newest first."""

    by_year: dict[int | None, tuple[str, ...]] = field(default_factory=dict)  # briefing slugs; undated under None
    by_month: dict[Month, tuple[str, ...]] = field(default_factory=dict)  # a year-only date is in no month
    events: dict[int, tuple[Event, ...]] = field(default_factory=dict)  # by year, in date order
    events_by_month: dict[Month, tuple[Event, ...]] = field(default_factory=dict)  # those that name a month


@dataclass(frozen=True)
class Corpus:
    """The whole collection, resolved: all rendering reads is this."""

    briefings: tuple[Briefing, ...]  # newest first, undated last
    people: tuple[Person, ...]  # by name
    merge_candidates: tuple[MergeCandidate, ...] = ()
    actors: tuple[Actor, ...] = ()  # organisations and places, by name
    stories: tuple[Story, ...] = ()  # newest first (by their earliest briefing)
    # the links between briefings, made last by ``resolve.link`` from the records above
    related: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)  # slug → (slug, score), best first
    story_quotes: dict[str, tuple[SharedQuote, ...]] = field(default_factory=dict)  # story slug → its quotes compared
    timeline: Timeline = field(default_factory=Timeline)
