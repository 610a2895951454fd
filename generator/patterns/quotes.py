"""Data for quote extraction: quote marks, reporting verbs, cue phrases, pronouns, titles.

Only general English words and typography live here; nothing names a site, a person or a
sentence of any annotated set.
"""
from __future__ import annotations

import re

from .people import COUNTRIES, COUNTRY_ALIASES, DEMONYMS, NAME_PARTICLES, ORG_WORDS

# ---- quote marks -------------------------------------------------------------------
DOUBLE_OPENERS = frozenset("“„«")  # glyphs that open when context cannot tell
DOUBLE_CLOSERS = frozenset("”»")
DOUBLE_AMBIGUOUS = frozenset('"')  # straight: direction only from context or nesting
DOUBLE_MARKS = DOUBLE_OPENERS | DOUBLE_CLOSERS | DOUBLE_AMBIGUOUS | frozenset("‟")
SINGLE_OPENERS = frozenset("‘‹")
SINGLE_CLOSERS = frozenset("’›")
SINGLE_MARKS = SINGLE_OPENERS | SINGLE_CLOSERS | frozenset("'")
# every character that may be a mark; "''" (two straight apostrophes) stands for a double mark
MARK = re.compile("''|[" + re.escape("".join(sorted(DOUBLE_MARKS | SINGLE_MARKS))) + "]")
# characters after which a mark opens (besides whitespace and the paragraph start)
OPEN_CONTEXT = frozenset("([{―—–-/:…") | DOUBLE_MARKS | SINGLE_MARKS
# characters before which a mark closes (besides whitespace and the paragraph end)
CLOSE_CONTEXT = frozenset(",.;:!?)]}―—–-…") | DOUBLE_MARKS | SINGLE_MARKS
# the paragraph may open with a list bullet before a standalone quote
BULLET = re.compile(r"^\s*(?:[-–—―•*]\s+)?")

MIN_WORDS = 5  # shorter quoted phrases are scare quotes or labels, not quotations
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# ---- reporting cues -------------------------------------------------------------------
# Lemmas of verbs that introduce speech or writing; checked on spaCy lemmas.
REPORTING_VERBS = frozenset("""
    say tell add stress note explain insist argue claim state declare announce write tweet
    post retweet reply respond answer ask continue conclude warn remark comment recall
    acknowledge admit concede confirm deny observe predict suggest urge vow promise pledge
    assert maintain contend emphasize emphasise highlight point joke quip laugh scoff
    complain lament charge accuse counter retort shout yell chant cry exclaim whisper
    murmur mutter fume snap boast brag testify report describe call tell reiterate repeat
    caution advise inform assure reassure agree disagree interject muse wonder blast
    slam criticize criticise praise thank hail dismiss mock decry rail opine posit
    estimate forecast predict reveal disclose acknowledge specify clarify elaborate
    underline underscore affirm chime confide
""".split())
# Verbs that only report when a quotation follows them directly (they also mean other things).
WEAK_REPORTING = frozenset({"call", "describe", "thank", "praise", "hail", "dismiss", "mock",
                            "blast", "slam", "criticize", "criticise", "charge", "accuse",
                            "report", "quote", "laugh"})
ACCORDING = ("according", "to")  # "according to X"
# Verbs that give the name a described speaker goes by: "the officer known as Bob"
NAMING_VERBS = frozenset({"know", "identify", "name"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DASHES = frozenset("―—–-")  # U+2015 horizontal bar too, as some sites attribute with it

# ---- who -------------------------------------------------------------------------------
SINGULAR_PRONOUNS = frozenset({"he", "she"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "congressman",
                         "spokesman", "chairman", "father", "brother", "uncle"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "lady", "queen", "princess",
                           "congresswoman", "spokeswoman", "chairwoman", "madam", "dame"})
# Titles that only ever precede a person's name.
HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr", "miss", "mme."})
# Words stripped from a speaker's name before it is compared with the article's persons.
TITLES = frozenset("""
    mr mrs ms miss dr prof sir lord lady dame rev reverend the gen general lt lieutenant col
    colonel maj major capt captain sgt sergeant adm admiral cmdr commander gov governor sen
    senator rep representative president vice premier prime minister chancellor secretary
    chairman chairwoman chair ambassador mayor judge justice king queen prince princess pope
    former late st jr sr father deputy spokesman spokeswoman spokesperson
""".split())
# Titles that introduce someone new even with "the" ("the spokesman said" is not the last speaker).
NEW_PERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "deputy"})
# Pronoun-like heads that are never a speaker's name ("I", "we", "they", "it").
NOT_A_SPEAKER = frozenset({"i", "we", "you", "they", "it", "this", "that", "who", "which",
                           "someone", "somebody", "nobody", "everyone", "one", "some",
                           "many", "others", "both", "all"})
# Relative pronouns that stand for a person ("a colleague who told her").
PERSON_RELATIVES = frozenset({"who", "whom"})
# Relative pronouns that stand for a thing, never a speaker ("records that would respond to ...").
THING_RELATIVES = frozenset({"that", "which"})
# Nouns for those who speak with a person's voice: "Smith's campaign said", "lawyers for Smith
# wrote" quote Smith's side, so the quotation goes to Smith (with a lower confidence).
VOICE_NOUNS = frozenset({"campaign", "office", "team", "camp", "staff", "lawyer", "attorney",
                         "spokesman", "spokeswoman", "spokesperson", "representative"})
# Nouns for what someone says: "Roe's dictum was, “...”", "Roe's answer: “...”" quote Roe.
SAYING_NOUNS = frozenset({"dictum", "motto", "mantra", "refrain", "message", "response", "answer", "reply",
                          "retort", "statement", "advice", "verdict", "reaction", "explanation", "argument",
                          "words", "comment", "remark", "warning", "promise", "pledge", "slogan"})
# Labels the small model often puts on a person's full name ("Rosette Pambakian" as NORP,
# "Greg Stanton" as ORG): such a name still speaks when nothing in it says organisation.
MISLABELLED_NAME_LABELS = frozenset({"ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
# Words that make a capitalised run an organisation's or a place's name, not a person's.
NOT_NAME_WORDS = ORG_WORDS | frozenset(DEMONYMS) | frozenset(COUNTRY_ALIASES) | frozenset(
    c.casefold() for c in COUNTRIES) | frozenset({
        "democrats", "republicans", "democratic", "republican", "congress", "senate", "parliament",
        "government", "administration", "white", "league", "coalition", "alliance", "caucus", "society",
        "movement", "initiative", "project", "trust", "partnership", "institution", "campaign",
        "partners", "associates", "capital", "ventures", "consulting", "media", "labs"})
NAME_PARTICLE_WORDS = NAME_PARTICLES
MAX_NAME_WORDS = 4  # a written name longer than this is something else
# Entity labels that are not persons: their statements have no person speaker.
NON_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART",
                               "EVENT", "LAW", "DATE", "TIME"})

# ---- not quotations --------------------------------------------------------------------
SMALL_WORDS = frozenset("a an the and or but of in on at to for with by from as is vs".split())
