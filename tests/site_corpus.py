"""A small fixed corpus built by hand (not by the extractors), for the golden and unit tests of the site.

Invented people, outlets and events. It covers: a story told by two outlets that
quote differently, a briefing with text that must be escaped, an undated
briefing, a date in the metadata (paragraph -1), a month-only and a year-only date.
"""
from __future__ import annotations

from generator.model import (
    Actor,
    ActorQuote,
    Article,
    Briefing,
    Corpus,
    DateRef,
    Extraction,
    FrontMatter,
    Mention,
    MergeCandidate,
    Person,
    PersonQuote,
    Published,
    Quote,
    RoleRecord,
)
from generator.resolve import link

MARTA, TOMAS, ILSE = "marta-velasquez", "tomas-brennick", "ilse-kandor"
PORT_QUOTE = "We will open the northern port to every ship that asks, from the first day of spring"
HOSTILE = '<script>alert("x")</script> *bold* [link](javascript:alert(1)) {{ macro }} | pipe'


def _article(id_: str, title: str, body: tuple[str, ...], source: str | None = None) -> Article:
    return Article(id=id_, path=f"{id_}.txt", title=title, title_made=False, body=body, source=source,
                   front=FrontMatter())


def _port_report(id_: str, day: str, source: str, quoted: str, extra: tuple[Quote, ...]) -> Extraction:
    body = (f"Mayor Marta Velasquez said on Monday that the port would open: \"{quoted}.\"",
            "Harbour master Tomas Brennick said the cranes were ready.",
            "The first ships are expected on March 10, and the council meets again in April 2021.")
    return Extraction(
        article=_article(id_, "Northern port to open to all ships", body, source),
        published=Published(day, "front matter"),
        persons=(Mention("Marta Velasquez", "person", ("Velasquez",), ("Mayor",), (0,)),
                 Mention("Tomas Brennick", "person", ("Brennick",), ("Harbour master",), (1,))),
        actors=(Mention("Port Authority", "org", paragraphs=(1,)),),
        quotes=(Quote(quoted, "Marta Velasquez", "said", 0.9, 0), *extra),
        dates=(DateRef("Monday", day, 0), DateRef("March 10", "2021-03-10", 2), DateRef("April 2021", "2021-04", 2)))


def extractions() -> dict[str, Extraction]:
    tomas_quote = Quote("The cranes have been ready for a week and the crews are waiting", "Tomas Brennick",
                        "said", 0.8, 1)
    hostile = Extraction(
        article=_article("c-hostile", 'Budget & "reforms" | the <b>vote</b>',
                         (f"Council member Ilse Kandor voted against the budget. {HOSTILE}",
                          "Tomas Brennick said: \"It is a fair budget for every district.\""), "Council Wire"),
        published=Published("2020-11-20", "text", "a dateline"),
        persons=(Mention("Ilse Kandor", "person", (), ("Council member",), (0,)),
                 Mention("Tomas Brennick", "person", (), (), (1,))),
        quotes=(Quote("It is a fair budget for every district.", "Tomas Brennick", "said", 0.7, 1),
                Quote(HOSTILE, None, None, 0.0, 0)),
        dates=(DateRef("2019", "2019", 0), DateRef("last week", "2020-11-13", -1), DateRef("someday", None, 1)))
    undated = Extraction(
        article=_article("d-undated", "Kandor opens the library", ("Ilse Kandor opened the new library.",)),
        published=Published(None, "unknown"),
        persons=(Mention("Ilse Kandor", "person", (), (), (0,)),))
    return {"a-harbor": _port_report("a-harbor", "2021-03-01", "Harbor Times", PORT_QUOTE, (tomas_quote,)),
            "b-valley": _port_report("b-valley", "2021-03-02", "Valley Post",
                                     "open the northern port to every ship that asks", ()),
            "c-hostile": hostile, "d-undated": undated}


def corpus() -> Corpus:
    """The resolved corpus, as ``resolve`` would give it (newest first, undated last), written out by hand."""
    e = extractions()
    speakers = {"Marta Velasquez": MARTA, "Tomas Brennick": TOMAS, "Ilse Kandor": ILSE}
    briefings = tuple(Briefing(slug, e[slug], {m.name: speakers[m.name] for m in e[slug].persons},
                               {m.name: "port-authority" for m in e[slug].actors})
                      for slug in ("b-valley", "a-harbor", "c-hostile", "d-undated"))
    people = (
        Person(ILSE, "Ilse Kandor", roles=(RoleRecord("Council member", "c-hostile", "2020-11-20"),),
               articles=("c-hostile", "d-undated"), co_mentions=((TOMAS, 1),)),
        Person(MARTA, "Marta Velasquez", aliases=("Velasquez",), description="Mayor of the port town.",
               roles=(RoleRecord("Mayor", "a-harbor", "2021-03-01"), RoleRecord("Mayor", "b-valley", "2021-03-02")),
               articles=("b-valley", "a-harbor"),
               quotes=(PersonQuote(PORT_QUOTE, (("a-harbor", 0),)),
                       PersonQuote("open the northern port to every ship that asks", (("b-valley", 0),))),
               co_mentions=((TOMAS, 2),)),
        Person(TOMAS, "Tomas Brennick", aliases=("Brennick",),
               roles=(RoleRecord("Harbour master", "a-harbor", "2021-03-01"),),
               articles=("b-valley", "a-harbor", "c-hostile"),
               quotes=(PersonQuote("It is a fair budget for every district.", (("c-hostile", 1),)),),
               co_mentions=((MARTA, 2), (ILSE, 1))),
    )
    actors = (Actor("port-authority", "org", "Port Authority", aliases=("the Authority",),
                    articles=("b-valley", "a-harbor"), people=((MARTA, 2), (TOMAS, 2)),
                    quotes=(ActorQuote("The Port Authority has done its part", "a-harbor", 1, TOMAS),)),)
    return link(Corpus(briefings=briefings, people=people,
                       merge_candidates=(MergeCandidate(("Tomas Brennick", "T. Brennick"), "same surname, initial"),),
                       actors=actors))
