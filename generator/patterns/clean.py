"""Data for the clean stage: what junk, metadata and prose look like.

Every pattern describes a *kind* of line a scraper leaves (a photo credit, a comment
form, a share bar), never a particular site or sentence. Patterns are matched against
one stripped line; ``JUNK`` is tried in order and the first match names the reason.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# ---- script, style and markup -------------------------------------------------------

# Keywords and shapes that only code has; one hit makes a line code.
CODE = re.compile(
    r"""(
      ^\s*[{}()\[\];,]+\s*$                                  # lone brackets
    | ^\s*(var|let|const|function|return|if|else|for|while|try|catch|import|export)\b[\s({]
    | ^\s*(\}\s*)?(else|catch|finally)\b
    | \bfunction\s*\w*\s*\(
    | =>|===|!==|&&|\|\|
    | \b(window|document|navigator|console|jQuery|googletag)\s*\.
    | ^\s*[\w$]+(\.[\w$]+)*\(\s*([\[{'"]|function\b|\)\s*[;{]?\s*$)   # a call opening the line: f([{..., a.b(function
    | ^\s*[\w$.\[\]'"]+\s*(\+|-)?=\s*[^=]                    # assignment
    | ^\s*(//|/\*|\*/|<!--|-->|\*\s)                         # comments
    | ^\s*@(media|import|font-face|keyframes|charset|supports)\b
    | ^\s*[.#@]?[\w-][\w\s>+~,.#:()*=\[\]"'-]*\{\s*([\w-]+\s*:|$)    # CSS selector { (one class: linear)
    | (^|[{;])\s*[a-z-]+\s*:\s*[^;{}]+;\s*(\}|$)              # CSS declaration; (lower case: not "Poll: ...;")
    | \{[^{}]*:[^{}]*;[^{}]*\}                               # inline CSS block
    | ^\s*[\[{]\s*"[^"]{1,60}"\s*:                                # a JSON object on one line
    | ^\s*(?P<q>["'])[^"']{1,60}(?P=q)\s*:\s*\S                         # quoted key: JSON or a JS object
    | ^\s*[a-z_$][\w$]*\s*:\s*(\{|\[|'[^']*'|"[^"]*"|true|false|null|-?\d+)\s*,?\s*$   # object literal entry
    | </?[a-zA-Z][\w-]*(\s[^>]*)?/?>                         # HTML tag
    | \{\{[^}]*\}\}                                          # template placeholders
    | \b\w+\([^()]*\)\s*;\s*$                                # call statement
    | \.(push|setup|addEventListener|getElementById|querySelector|innerHTML|appendChild)\b
    | ^\s*\}?\s*\)+\s*;?\s*$
    | CDATA
    )""",
    re.VERBOSE,
)
# Characters that are rare in prose but common in code; a line dense in them is code.
CODE_CHARS = set("{}[]<>=;$\\|_*#@^~`")
CODE_CHAR_RATIO = 0.06

# Image srcset fragments and bare URLs.
URLISH = re.compile(r"(https?://|www\.|\.(jpe?g|png|gif|webp|svg)\b|\b\d{2,4}w,)", _I)

# ---- junk lines, with the reason shown on the page ----------------------------------

TIMESTAMP_REASON = "timestamp (used as the publication date)"
SOURCE_REASON = "source line (used as the outlet)"
BYLINE_REASON = "byline or dateline"

MONTHS = (r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?"
          r"|oct(ober)?|nov(ember)?|dec(ember)?)\.?")
WEEKDAYS = r"(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?"

_STAMP_PREFIX = r"((last\s+)?(updated|published|posted|modified|date|first\s+published)(\s+on)?\s*:?\s*)?"
_DATE = (rf"(\d{{4}}-\d{{2}}-\d{{2}}([ T]\d{{1,2}}:\d{{2}}(:\d{{2}})?(\.\d+)?(Z|[+-]\d{{2}}:?\d{{2}})?)?"
         rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}"
         rf"|{MONTHS}\s+\d{{1,2}}(st|nd|rd|th)?,?\s*(\d{{4}})?"
         rf"|\d{{1,2}}(st|nd|rd|th)?\s+{MONTHS},?\s*(\d{{4}})?"
         rf"|{MONTHS}\s+\d{{4}}"
         rf"|1[4-9]\d{{8}})")  # unix seconds, 2014-2033
_TIME = r"\d{1,2}[:.]\d{2}(:\d{2})?\s*([ap]\.?m\.?)?\s*([A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*)?"
_SEP = r"[\s,|•·-]*(at\s+)?"
# A line that is only a date or time (optionally with "Updated", "Published" and a weekday).
TIMESTAMP = re.compile(
    rf"^[\s|•·-]*\(?{_STAMP_PREFIX}({WEEKDAYS}{_SEP})?"
    rf"({_DATE}({_SEP}{_TIME})?({_SEP}{WEEKDAYS})?|{_TIME}({_SEP}{WEEKDAYS})?({_SEP}{_DATE})?)\)?\s*$"
    rf"|^\s*(updated|published|posted)?\s*\d+\s+(second|minute|hour|day|week|month|year)s?\s+ago({_SEP}{_TIME})?\s*$",
    _I)

# "Source: X", "(According to X)", "Via X": the outlet, in group "outlet".
SOURCE = re.compile(
    r"^\s*[(\[]?\s*(source|sources|according\s+to|via|courtesy\s+of|fuente)\s*:?\s+"
    r"(?P<outlet>[^()\[\]]{2,60}?)\s*[)\]]?\s*\.?\s*$", _I)

# Small words a name may hold in lower case ("Ministry of Defence", "Corriere della Sera").
NAME_PARTICLES = frozenset(
    "of the and for on in at de del della di da do dos la le les el y van von der den für".split())

# A line that is only a site's address ("aeon.co", "store.example.com"): the outlet of a teaser.
DOMAIN_REASON = "site address"
DOMAIN = re.compile(r"^\s*(https?://)?(www\.)?([A-Za-z0-9-]+\.)+[a-z]{2,6}/?\s*$")

# "By Jane Doe", "By JANE DOE, Staff Writer", "Jane Doe | Reporter".
BYLINE = re.compile(
    r"^\s*(by|written\s+by|reporting\s+by|additional\s+reporting\s+by|edited\s+by|words\s+by|story\s+by)"
    r"\s*:?\s+\S.{0,80}$", _I)

# Checked before code: a line of hashtags is dense in "#".
HASHTAGS = re.compile(r"^\s*(#[^\s#]+[\s,]*){2,}$")

# (reason, pattern, most words a matching line may have): a long prose line that merely
# starts like a menu item ("Latest figures show ...") must not be taken for one.
JUNK: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("image caption or credit", re.compile(
        r"(^\s*(image|photo|picture|video|graphic|illustration)\s*(source|caption|credit|courtesy)"
        r"|^\s*(photo|image|picture|credit|credits|photograph|foto|source\s+image)s?\s*(by)?\s*:"
        r"|^\s*(photo|image|picture)\s+by\b"
        r"|^\s*\(?(getty\s+images|reuters|afp|ap\s+photo|shutterstock|epa|istock)\b[^.]{0,40}\)?$"
        r"|[|/]\s*(photo|image|picture|credit|foto|source)\s*:?\s*[^|]{1,60}$"
        # "… | Credit-word: Agency" at the end of a caption, whatever the (possibly translated) word
        r"|\|\s*\w+\s*:\s*[A-Z][^|.]{0,40}$"
        r"|[.)]\s*(photo|image|picture)?\s*credits?\s*:\s*[^.]{1,60}$"
        r"|\((photo|image|picture|credit)s?\s*:?[^)]{0,60}\)\s*$"
        r"|^\s*©"
        r"|^\s*(caption|enlarge\s+this\s+image|hide\s+caption|toggle\s+caption|expand)\s*$"
        r"|^\s*image\s+\d+\s+of\s+\d+\s*$)", _I), 40),
    ("comment form", re.compile(
        r"^\s*[\[(]?\s*((leave|post|add|write)\s+(a\s+)?(reply|comment|response)|\d*\s*comments?(\s*\(\d+\))?"
        r"|(view|show|hide|read|load)\s+(all\s+)?(\d+\s+)?comments|user\s+comments|comment\s+(now|here)|reply|cancel\s+reply"
        r"|post\s+comment\s*(\(\+\))?|be\s+the\s+first\s+to\s+comment|join\s+the\s+(conversation|discussion)"
        r"|name\s*\*?|e-?mail\s*\*?|website|comment\s*\*?)\s*[:.!]?\s*[\])]?\s*$"
        r"|^\s*(your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked"
        r"|please\s+enter\s+your\s+(comment|name|email)|save\s+my\s+name|notify\s+me\s+of"
        r"|you\s+must\s+be\s+logged\s+in|log\s+in\s+to\s+(comment|reply))", _I), 16),
    ("comment, feedback or newsletter form", re.compile(
        r"\byour\s+(e-?mail|name|message|feedback|comment|friend'?s)\b|\bunsubscribe\b|\bsend\s+feedback\b"
        r"|\b(subscribe|sign\s+up)\b.{0,40}\b(newsletter|inbox|updates)\b|\bdelivered\s+to\s+your\s+inbox\b"
        r"|\bnewsletter\s+subscription\b", _I), 30),
    ("related-story teaser", TEASER_MARKER := re.compile(
        r"^\s*(recommended(\s+(articles?|stories|for\s+you|reading))?|related(\s+(articles?|stories|news|posts?|content|coverage|topics))?"
        r"|read\s+(now|more|next|also)|also\s+read|see\s+(also|more)|more\s+(from|on|in|about|stories|news|like\s+this)"
        r"|most\s+(popular|read|viewed|shared)|trending(\s+now)?|don'?t\s+miss|you\s+(may|might)\s+(also\s+)?like"
        r"|top\s+stories|latest(\s+(news|stories|articles|headlines|updates))?(?=\s*([:|»›>]|$))|editor'?s\s+picks?|explore\s+further|also\s+on\b"
        r"|what\s+to\s+read\s+next|further\s+reading|in\s+(this|other)\s+news|popular\s+(now|stories)"
        r"|more\s+from\s+author|up\s+next|watch\s+(now|next)|promoted(\s+stories)?|around\s+the\s+web)\b"
        r"|\[(insight|video|reaction|pictures?|poll|news|latest|revealed|analysis|watch)\]\s*\|?\s*$", _I), 14),
    # a headline cut short by the page ("Ferry fares rise on the A...") or closed by a link
    ("related-story teaser", CUT_OFF := re.compile(r"(\w|,)\s?(\.\.\.|…)\s*$|\bread\s+more\s*[»›>]+\s*$", _I), 14),
    ("sponsor or advertisement", re.compile(
        r"(^\s*-?\s*(a\s+word\s+from\s+our\s+sponsors?|advertisement|sponsored(\s+(content|links?|stories|by))?"
        r"|adchoices|ad\s+choices|paid\s+(content|post|partner)|partner\s+content|story\s+continues\s+below)"
        r"|\b(earn|make)\s+(some\s+)?(extra\s+)?(money|cash|income)\b|\bwork\s+from\s+home\b"
        r"|\bvisit\b.{0,40}\bright\s+now\b|\bclick\s+here\b|\baffiliate\s+commission\b"
        r"|\bmay\s+earn\s+(a|an)\s+(small\s+)?(affiliate\s+)?commission\b)", _I), 40),
    ("sharing or subscription prompt", re.compile(
        r"^\s*(share(\s+(this|on|via|the\s+article|story))?|tweet|email|print|pin\s+it|facebook|twitter"
        r"|linkedin|whatsapp|reddit|pinterest|telegram|copy\s+link|subscribe|sign\s+(in|up)|log\s*in|register"
        r"|newsletter|follow\s+us|like\s+this\s+(story|article)|share\s+this\s+(story|article)"
        r"|want\s+more\b|get\s+(our|the)\s+newsletter|download\s+(our|the)\s+app)\b.{0,60}$", _I), 10),
    ("copyright or legal notice", re.compile(
        r"(^\s*(copyright|all\s+rights\s+reserved|terms\s+(of\s+(use|service))?|privacy\s+(policy|notice)"
        r"|cookie(s)?\s+(policy|settings)|contact\s+us|about\s+us)\b|\ball\s+rights\s+reserved\b"
        r"|\bmay\s+be\s+reproduced\b|\bwithout\s+(the\s+)?(prior\s+)?written\s+permission\b"
        r"|\bsubject\s+to\s+copyright\b|\b(agree|consent)\s+to\s+(the|our)\s+(terms|privacy|use\s+of\s+cookies)"
        r"|\bterms\s+of\s+(use|service)\b.{0,80}\bprivacy\b)", _I), 40),
    ("breadcrumb", re.compile(
        r"(^\s*[Hh]ome(\s*[>»/|›]|[A-Z]).*|^\s*\w[\w ]{0,25}(\s*[>»›/]\s*\w[\w ]{0,25}){2,}\s*$"
        r")"), 30),
)

# Words a navigation menu is made of, in any order ("Home", "News", "Sports", "Menu").
NAV_WORDS = frozenset("""
home news world politics business sport sports opinion culture science tech technology health
entertainment lifestyle travel video videos photos menu search close open more sections weather
local national international markets economy arts music movies tv television food style
obituaries classifieds jobs cars autos real estate events newsletters podcasts games puzzles
archives faq help about contact careers advertise subscribe login logout account profile settings
next previous prev back top skip content main navigation toggle cookies accept reject
""".split())

# A sentence ends here: final punctuation, possibly inside closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*\s*$|[\"”»]\s*$")
# Letters of scripts written without spaces between words: count characters, not words.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
BULLET = re.compile(r"^\s*([-–—•*·▪►]|\d{1,2}[.)])\s+\S")

# Lines of a text made as a title from the lead: at most this many words.
MADE_TITLE_WORDS = 12

# ---- headlines ------------------------------------------------------------------------

# A first line that ends like a sentence is still the headline when it is this short
# (words) and nothing in it reads like a news lead; a title-cased one may be longer.
HEADLINE_SENTENCE_MOST = 16
HEADLINE_TITLED_MOST = 25
# What a lead sentence has and a headline does not: past-tense attribution, the day of
# the event, a dateline ("WASHINGTON (AP) —", "NEW YORK _").
LEAD_SIGNS = re.compile(
    r"\b(said|told|reported|announced|yesterday|today|tonight|last\s+(night|week|month|year)"
    r"|(on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", _I)
DATELINE = re.compile(r"^[A-Z][A-Z.'-]+(\s+[A-Z][A-Z.'-]+)*,?(\s+[A-Z][\w.]*)*(\s*\([A-Za-z. ]+\)\s*|\s)[-—–_]")
# A headline with a subtitle runs on with ";" ("Calif. win could help Sanders;"): the mark goes.
HEADLINE_TRAIL = re.compile(r"\s*[;,]\s*$")

# An HTML page's <title>: the headline and the site's name (and section) joined by these.
TITLE_SEPARATOR_SPLIT = re.compile(r"\s+[|\-–—·•»:~]{1,2}\s+|\s*::\s*|(?<=\w)_(?=[A-Z])")
TITLE_SEPARATOR = re.compile(r"^(\s+[|\-–—·•»:~]{1,2}\s+|\s*::\s*|_(?=[A-Z]))")
TITLE_SEPARATOR_END = re.compile(r"(\s+[|\-–—·•»:~]{1,2}\s+|\s*::\s*|(?<=\w)_|:\s+)$")
HEADLINE_MOST_WORDS = 40  # a longer <h1> is a paragraph styled big, not a headline
LEAD_PROBE = 40  # characters of the first paragraph looked for on the page
LEAD_SHARE = 0.3  # of a headline's longer words, the share its lead must repeat
SITE_MOST_WORDS = 4  # a <title> part this short at either end is the site's name or a section
HEADLINE_LEAST_WORDS = 3  # a <title> part shorter than this is a name or a section, not a headline

# Where a sentence may end: a full stop, question or exclamation mark (closing quotes
# after it), a space, and a capital or digit opening the next.
SENTENCE_BREAK = re.compile(r"(?<=[.?!])[\"'”’»)]*\s+(?=[\"'“‘«(]*[A-Z0-9])")
# Initials and initialisms end no sentence: "J.", "U.S.", "D.C.", "N.H." (at most three letters).
INITIALISM = re.compile(r"[A-Z]\.|(\w\.){2,3}")

# Words shortened with a full stop: a sentence does not end after them ("U.S.", "Dr.",
# "Calif.", "vs."). Initialisms (letters and dots) are recognised by shape in ``title.py``.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gov sen rep st sr jr gen col lt capt sgt adm cmdr rev hon pres supt det insp
inc corp co ltd llc plc bros dept univ assn no nos vol ft mt vs etc al approx est
jan feb mar apr jun jul aug sep sept oct nov dec
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
neb nev okla ore pa penn tenn tex va vt wash wis wyo
""".split())

# Markdown inputs: heading marks come off ("## Subheading" → "Subheading"); images go.
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
