"""Data for the site's pages: how names sort, and where a sentence ends."""
from __future__ import annotations

import re

# Words that belong to a surname but sort after the given names: "Leyen, Ursula von der".
NAME_PARTICLES = frozenset("al bin da de del della der di du el la le van von".split())
# Words after a surname that are not the surname: "King, Martin Luther Jr.".
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# A sentence ends at . ! ? (and a closing mark) before a space and a capital, digit or opening mark.
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
# The word before a full stop that does not end a sentence: an initial or a short abbreviation ("Mr.", "U.S.").
ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Gov|Sen|Rep|Col|Lt|Sgt|Capt|Jr|Sr|No|Inc|Ltd|Co|"
                          r"Corp|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|(?:[A-Z]\.)+[A-Z])$")
