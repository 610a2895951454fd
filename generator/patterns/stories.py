"""Data for grouping reports into stories (``generator/stories.py``): words that say nothing about an event.

Kept general: function words, reporting verbs and the vocabulary every news report
uses ("said", "told", "reported", weekdays, months). Words of a topic ("earthquake",
"robbery") stay in: the weights learn from the collection how common they are.
"""
from __future__ import annotations

import re

STOP_WORDS = frozenset("""
a about above across after afterwards again against all almost alone along already also although always am among
amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because become
becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
could did do does doing done down due during each either else elsewhere enough even ever every everyone everything
everywhere except few for former formerly from further had has have having he hence her here hereafter hereby
herein hers herself him himself his how however i if in indeed into is it its itself just last latter least less
made make many may me meanwhile might mine more moreover most mostly much must my myself namely neither never
nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps please put quite rather re really same see seem
seemed seeming seems several she should show side since so some somehow someone something sometime sometimes
somewhere still such than that the their them themselves then thence there thereafter thereby therefore therein
thereupon these they this those though through throughout thru thus to together too toward towards under until
up upon us used using various very via was we well were what whatever when whence whenever where whereafter
whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with
within without would yet you your yours yourself yourselves
s t don doesn didn isn wasn weren won wouldn couldn shouldn ll ve d m
said says say saying told tell telling according reported reports report added asked statement news
reuters ap afp cnn bbc associated press agency via image photo video getty images caption copyright
mr mrs ms dr
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight night morning
afternoon evening week weeks day days month months year years time
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
new first two three four five six seven eight nine ten
""".split())

# A word or a number: "6.1", "2,000" and "9/11" stay one token, so that a magnitude or a toll is one term.
# Possessive (++, *+): a run of word characters is only ever followed by a joiner, never by more of itself,
# so giving some back could not help; saying so spares the regex engine the bookkeeping (10% faster).
JOINERS = ".,/:'’"  # characters that join two runs of word characters into one token
TOKEN = re.compile(rf"\w++(?:[{re.escape(JOINERS)}]\w++)*+")

# (suffix, letters that must remain, replacement), first match wins: plurals and verb endings,
# so that "quakes" meets "quake" and "arrested" meets "arrest" (names pass through unharmed enough).
SUFFIXES = (
    ("ies", 3, "y"), ("sses", 2, "ss"), ("ness", 4, ""), ("ing", 4, ""), ("ed", 4, ""), ("es", 4, "e"),
    ("ss", 2, "ss"), ("us", 2, "us"), ("is", 2, "is"), ("s", 3, ""),
)
