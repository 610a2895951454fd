"""Interview transcripts: paragraphs opened by a speaker's label are that speaker's words.

"ROE: We will win." / "JANE ROE: ..." is a turn of the person the label names: one of the
article's persons, or a capitalised surname the article writes elsewhere. "A: ..." turns are
the interviewee's, the one person the introduction (the paragraphs before the first turn)
names as a clause subject; "Q: ..." turns are the interviewer's, a person we do not name.
Only an article with ``MIN_TURNS`` labelled turns or more is a transcript: a lone
"EXCLUSIVE: ..." or "UPDATE: ..." is a kicker, and a label naming no one is no turn.

Not handled: labels glued to the text ("QWhy?"), interviewers named in the introduction
(their "Q:" turns stay unattributed), turns running over several paragraphs (only the
labelled paragraph counts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Quote
from ...patterns import quotes as P
from .spans import word_count
from .speakers import Speakers, Who

TURN_CUE = ":"
NAMED_CONFIDENCE = 0.9  # the label names the speaker outright
ANSWER_CONFIDENCE = 0.7  # the interviewee, read off the introduction


@dataclass(frozen=True)
class Turn:
    paragraph: int
    label: str  # as written: "ROE", "JANE ROE", "Q", "A"
    text: str  # the paragraph after the label


def find_turns(body: tuple[str, ...]) -> list[Turn]:
    """Every paragraph that opens with a speaker's label, in order."""
    turns = []
    for number, paragraph in enumerate(body):
        if (label := P.TURN_LABEL.match(paragraph)) is not None:
            turns.append(Turn(number, label.group(1), paragraph[label.end():].strip()))
    return turns


def transcript_quotes(body: tuple[str, ...], speakers: Speakers) -> list[Quote]:
    """The turns of a transcript as quotations of the persons their labels name."""
    turns = [t for t in find_turns(body) if word_count(t.text) >= P.MIN_WORDS]
    whos = {t.label: _label_speaker(t, speakers) for t in turns if t.label not in P.QUESTION_LABELS}
    if any(t.label in P.ANSWER_LABELS for t in turns):
        whos["A"] = _interviewee(turns[0].paragraph, speakers) if turns else None
    kept = [t for t in turns if t.label in P.QUESTION_LABELS | P.ANSWER_LABELS or whos.get(t.label)]
    if len(kept) < P.MIN_TURNS:
        return []
    return [Quote(text=t.text, speaker=who.name if (who := whos.get(t.label)) else None, cue=TURN_CUE,
                  confidence=who.confidence if who else 0.0, paragraph=t.paragraph) for t in kept]


def _label_speaker(turn: Turn, speakers: Speakers) -> Who | None:
    """"ROE" → Jane Roe: a person of the article, else a name the prose writes capitalised."""
    if turn.label in P.ANSWER_LABELS:
        return None
    if (name := speakers.match(turn.label, turn.paragraph)) is not None:
        return Who(name, NAMED_CONFIDENCE)
    written = " ".join(w.capitalize() for w in turn.label.split())
    # the prose must write it as a name ("UPDATE", "BYLINE" it does not); a lone surname
    # takes the given name written before it ("Lars Vindeby"), not a title ("Governor Vindeby")
    fuller = re.compile(rf"(?:\b([A-Z][^\W\d_]+)\s+)?{re.escape(written)}\b")
    found = [m.group(1) for m in fuller.finditer(speakers.prose)]
    if not found:
        return None
    given = [g for g in found if g and " " not in written and g.casefold().rstrip(".") not in P.TITLES
             and g.lower() not in speakers.lower_words]  # "When Vindeby arrived"
    return Who(f"{given[0]} {written}" if given else written, NAMED_CONFIDENCE - 0.3)


def _interviewee(first_turn: int, speakers: Speakers) -> Who | None:
    """The one person the introduction names as a clause subject."""
    named = {name for i, name in speakers.events if speakers.para_of[i] < first_turn}
    return Who(named.pop(), ANSWER_CONFIDENCE) if len(named) == 1 else None
