"""Data for finding people, organisations and countries: titles, role words, demonyms.

Everything is lower case; the code case-folds before looking a word up. General
English and world knowledge only: no name of a person from any input.
"""
from __future__ import annotations

import re

# Titles written directly before a name. They are roles, never part of the name; a
# titled form ("Gen. Ann Example") is kept as an alias. Abbreviations expand for roles.
TITLE_EXPANSIONS: dict[str, str] = {
    "gen.": "general", "gen": "general", "lt.": "lieutenant", "lt": "lieutenant",
    "col.": "colonel", "col": "colonel", "maj.": "major", "capt.": "captain",
    "cmdr.": "commander", "adm.": "admiral", "sgt.": "sergeant", "cpl.": "corporal",
    "pvt.": "private", "brig.": "brigadier", "sen.": "senator", "rep.": "representative",
    "gov.": "governor", "amb.": "ambassador", "prof.": "professor", "supt.": "superintendent",
    "insp.": "inspector", "det.": "detective", "rev.": "reverend", "fr.": "father",
    "sec.": "secretary", "pres.": "president", "atty.": "attorney",
}
# Courtesy titles: stripped from names, but they say nothing about a role.
HONORIFICS = frozenset({"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "dr.", "dr", "sir", "dame",
                        "madam", "madame", "mme.", "m.", "herr", "frau", "sr.", "jr."})
# Titles that may stand directly before a name and then belong to the titled alias.
NAME_TITLES = frozenset(TITLE_EXPANSIONS) | HONORIFICS | frozenset({
    "president", "general", "lieutenant", "colonel", "major", "captain", "admiral", "commander",
    "sergeant", "brigadier", "marshal", "senator", "congressman", "congresswoman", "governor",
    "mayor", "premier", "chancellor", "king", "queen", "prince", "princess", "emperor",
    "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam", "sheikh", "ayatollah",
    "judge", "justice", "professor", "ambassador", "detective", "inspector", "officer",
    "chairman", "chairwoman", "secretary-general", "lord", "lady", "baron",
})
# Head words of a role: a phrase holding one of these describes what someone is.
ROLE_WORDS = frozenset({
    "minister", "president", "vice-president", "premier", "chancellor", "leader", "head", "chief",
    "secretary", "spokesperson", "spokesman", "spokeswoman", "spokesmen", "ambassador",
    "envoy", "diplomat", "general", "lieutenant", "colonel", "major", "captain", "admiral",
    "commander", "marshal", "officer", "chairman", "chairwoman", "chair", "director", "ceo",
    "cfo", "coo", "cto", "founder", "co-founder", "executive", "manager", "analyst", "economist",
    "fellow", "professor", "researcher", "scholar", "expert", "senator", "congressman",
    "congresswoman", "lawmaker", "legislator", "representative", "governor", "mayor",
    "king", "queen", "prince", "princess", "emperor", "pope", "judge", "justice",
    "attorney", "lawyer", "prosecutor", "adviser", "advisor", "aide", "deputy",
    "counterpart", "official", "editor", "correspondent", "reporter", "journalist",
    "author", "writer", "partner", "strategist", "consultant", "candidate", "nominee",
    "dictator", "monarch", "sheikh", "cardinal", "bishop", "archbishop", "rabbi", "imam",
    "coach", "player", "striker", "chairperson", "treasurer", "governor-general",
    "secretary-general", "commissioner", "inspector", "detective", "sergeant", "brigadier",
    "owner", "investor", "billionaire", "entrepreneur", "activist", "dissident",
    "commentator", "pundit", "historian", "scientist", "engineer", "physician", "doctor",
    "president-elect", "prime", "speaker", "whip", "mp", "boss", "tycoon", "superintendent",
    "actor", "actress", "singer", "rapper", "comedian", "artist", "producer", "host", "anchor",
    "novelist", "poet", "photographer", "designer", "astronaut", "pilot", "chef",
})
# Words before a title that make it part of a longer title ("Attorney General", "Vice
# President"): the short title then does not make a titled alias.
COMPOUND_TITLE_HEADS = frozenset({"vice", "deputy", "assistant", "acting", "attorney", "surgeon",
                                  "inspector", "secretary", "solicitor", "adjutant", "postmaster"})
# Words that may stand inside a role phrase before the name besides role words and
# capitalised words ("China's new defense minister", "former navy commander").
ROLE_MODIFIERS = frozenset({
    "former", "new", "then", "acting", "interim", "incoming", "outgoing", "top", "senior",
    "junior", "deputy", "vice", "assistant", "associate", "chief", "general", "foreign",
    "defense", "defence", "finance", "trade", "interior", "economy", "health", "education",
    "justice", "energy", "state", "national", "security", "military", "navy", "naval",
    "army", "air", "force", "marine", "corps", "party", "opposition", "ruling", "executive",
    "managing", "founding", "longtime", "long-time", "veteran", "retired", "late",
    "presidential", "prime", "foreign-policy", "policy", "research", "program", "and", "of",
    "for", "at", "the", "affairs", "ministry", "media", "communist", "labor", "labour",
    "spokesperson", "spokesman", "spokeswoman",
})
# What may open an apposition that gives a role: ", a senior fellow at ..., ".
APPOSITION_OPENERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "former", "then",
                                "now", "currently", "also"})
# Articles and pronouns dropped from the front of a role as stored.
ROLE_DROP_FIRST = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "also", "now",
                             "currently"})
MAX_ROLE_TOKENS = 20

# Capitalised words that are never part of a person's name: a candidate holding one is
# not a person ("Russia And China", "Monday Morning").
NON_NAME_WORDS = frozenset({
    "and", "or", "but", "the", "of", "in", "on", "at", "for", "with", "to", "from", "by",
    "a", "an", "as", "is", "was", "are", "were", "he", "she", "it", "they", "we", "his", "her",
    "this", "that", "these", "those", "not", "no", "yes", "said", "says", "told",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "today", "yesterday", "tomorrow",
    "minister", "ministry", "government", "department", "news", "photo", "image", "video",
    "source", "reuters", "getty", "images", "afp", "ap", "read", "more", "click", "here",
    "share", "tweet", "email", "subscribe", "advertisement", "copyright", "via",
    "covid", "coronavirus", "internet", "online", "update", "updated", "breaking",
})
# Words that end the name of an organisation, not a person ("Acme Corporation").
ORG_WORDS = frozenset({
    "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "co.", "company",
    "group", "holdings", "bank", "fund", "party", "ministry", "agency", "council", "committee",
    "commission", "university", "college", "institute", "school", "center", "centre",
    "foundation", "association", "union", "federation", "organization", "organisation",
    "army", "navy", "forces", "office", "court", "house", "times", "post", "journal",
    "news", "press", "tv", "radio", "network", "airlines", "airways", "motors", "systems",
    "technologies", "international", "club", "department", "bureau", "service", "services",
    "church", "hospital", "airport", "station", "street", "avenue", "road", "square",
    "river", "mountain", "island", "islands", "republic", "kingdom", "state", "states",
    "city", "province", "region", "war", "act", "treaty", "summit", "forum", "games",
    "policy", "terms", "pac",
})
# Prefixes after which a capital inside one word is normal in a name ("McAdams", "DeLuca").
INNER_CAPITAL_PREFIXES = ("Mc", "Mac", "O'", "O’", "De", "Di", "La", "Le", "Van", "Von", "D'", "D’", "Al-", "El-")
# Generation suffixes after a name: part of how it is written, not a word that tells people
# apart from each other ("Herbert Flynn Jr." is "Herbert Flynn" to the reader).
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Common English diminutives → the given name they shorten. "Katie Example" and "Kathryn
# Example" are one person only with more evidence (merge rule 5), never on this alone.
DIMINUTIVES: dict[str, str] = {
    "bill": "william", "billy": "william", "will": "william", "willie": "william", "liam": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert", "bert": "robert",
    "dick": "richard", "rick": "richard", "ricky": "richard", "rich": "richard",
    "jim": "james", "jimmy": "james", "jamie": "james", "mike": "michael", "mick": "michael",
    "tom": "thomas", "tommy": "thomas", "joe": "joseph", "joey": "joseph", "chuck": "charles",
    "charlie": "charles", "chas": "charles", "dave": "david", "davy": "david", "dan": "daniel",
    "danny": "daniel", "ed": "edward", "eddie": "edward", "ted": "edward", "ned": "edward",
    "tony": "anthony", "andy": "andrew", "drew": "andrew", "steve": "stephen", "nick": "nicholas",
    "chris": "christopher", "matt": "matthew", "pat": "patrick", "pete": "peter", "sam": "samuel",
    "ben": "benjamin", "ron": "ronald", "don": "donald", "doug": "douglas", "greg": "gregory",
    "jeff": "jeffrey", "jerry": "gerald", "larry": "lawrence", "len": "leonard", "alex": "alexander",
    "fred": "frederick", "hank": "henry", "harry": "henry", "jack": "john", "johnny": "john",
    "kate": "katherine", "katie": "katherine", "kathy": "katherine", "cathy": "catherine",
    "kathryn": "katherine", "kat": "katherine", "liz": "elizabeth", "beth": "elizabeth",
    "betty": "elizabeth", "lizzie": "elizabeth", "sue": "susan", "susie": "susan", "meg": "margaret",
    "maggie": "margaret", "peggy": "margaret", "jenny": "jennifer", "jen": "jennifer",
    "becky": "rebecca", "patty": "patricia", "trish": "patricia", "abby": "abigail",
    "vicky": "victoria", "mandy": "amanda", "debbie": "deborah", "deb": "deborah",
}
# Particles inside names that are written in lower case ("Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le",
                            "du", "bin", "bint", "ibn", "al", "el", "ben", "dos", "das", "y", "ter"})

# Demonyms → country, so that "Chinese" and "China" are one actor. Common ones only;
# an unknown demonym is not made an actor (it may be a group: "Republicans").
DEMONYMS: dict[str, str] = {
    "american": "United States", "americans": "United States", "british": "United Kingdom",
    "chinese": "China", "russian": "Russia", "russians": "Russia", "french": "France",
    "german": "Germany", "germans": "Germany", "japanese": "Japan", "korean": "Korea",
    "south korean": "South Korea", "north korean": "North Korea", "indian": "India",
    "pakistani": "Pakistan", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria",
    "israeli": "Israel", "israelis": "Israel", "palestinian": "Palestine",
    "palestinians": "Palestine", "turkish": "Turkey", "ukrainian": "Ukraine",
    "ukrainians": "Ukraine", "polish": "Poland", "italian": "Italy", "spanish": "Spain",
    "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil",
    "argentine": "Argentina", "australian": "Australia", "egyptian": "Egypt",
    "saudi": "Saudi Arabia", "afghan": "Afghanistan", "vietnamese": "Vietnam",
    "taiwanese": "Taiwan", "belarusian": "Belarus", "swedish": "Sweden",
    "norwegian": "Norway", "finnish": "Finland", "danish": "Denmark", "dutch": "Netherlands",
    "belgian": "Belgium", "swiss": "Switzerland", "austrian": "Austria", "greek": "Greece",
    "hungarian": "Hungary", "czech": "Czech Republic", "romanian": "Romania",
    "serbian": "Serbia", "georgian": "Georgia", "armenian": "Armenia", "kazakh": "Kazakhstan",
    "nigerian": "Nigeria", "south african": "South Africa", "kenyan": "Kenya",
    "ethiopian": "Ethiopia", "indonesian": "Indonesia", "filipino": "Philippines",
    "thai": "Thailand", "malaysian": "Malaysia", "singaporean": "Singapore",
    "venezuelan": "Venezuela", "cuban": "Cuba", "colombian": "Colombia", "chilean": "Chile",
    "peruvian": "Peru", "irish": "Ireland", "scottish": "Scotland", "portuguese": "Portugal",
    "lebanese": "Lebanon", "jordanian": "Jordan", "qatari": "Qatar", "emirati": "United Arab Emirates",
    "yemeni": "Yemen", "libyan": "Libya", "sudanese": "Sudan", "mongolian": "Mongolia",
}
# Other spellings of a country, folded onto one actor name.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "u.s.a.": "United States", "america": "United States", "the united states": "United States",
    "united states of america": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "britain": "United Kingdom", "great britain": "United Kingdom",
    "the united kingdom": "United Kingdom", "prc": "China", "people's republic of china": "China",
    "the netherlands": "Netherlands", "the philippines": "Philippines",
    "russian federation": "Russia",
}
# spaCy labels → actor kinds. NORP (demonyms, peoples, parties) names no place: "Chinese" is
# not China. A place becomes a "country" when its name is in COUNTRIES.
ACTOR_LABELS: dict[str, str] = {"ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
# Sovereign states and a few widely recognised territories, by the name the site lists them under.
COUNTRIES = frozenset(set(DEMONYMS.values()) | set(COUNTRY_ALIASES.values()) | {
    "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Azerbaijan", "Bahamas", "Bahrain",
    "Bangladesh", "Barbados", "Belize", "Benin", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana",
    "Brunei", "Bulgaria", "Burkina Faso", "Burundi", "Cambodia", "Cameroon", "Cape Verde",
    "Central African Republic", "Chad", "Comoros", "Congo", "Costa Rica", "Croatia", "Cyprus",
    "Democratic Republic of the Congo", "Djibouti", "Dominica", "Dominican Republic", "East Timor", "Ecuador",
    "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Fiji", "Gabon", "Gambia", "Ghana",
    "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Honduras", "Iceland", "Ivory Coast",
    "Jamaica", "Kiribati", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lesotho", "Liberia",
    "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Maldives", "Mali", "Malta",
    "Marshall Islands", "Mauritania", "Mauritius", "Micronesia", "Moldova", "Monaco", "Montenegro", "Morocco",
    "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal", "New Zealand", "Nicaragua", "Niger",
    "North Macedonia", "Oman", "Palau", "Panama", "Papua New Guinea", "Paraguay", "Rwanda",
    "Saint Kitts and Nevis", "Saint Lucia", "Samoa", "San Marino", "Senegal", "Seychelles", "Sierra Leone",
    "Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Sudan", "Sri Lanka", "Suriname", "Tajikistan",
    "Tanzania", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkmenistan", "Tuvalu", "Uganda",
    "Uruguay", "Uzbekistan", "Vanuatu", "Vatican City", "Zambia", "Zimbabwe", "Korea", "England", "Wales",
    "Northern Ireland",
})
# Words beside a lone capitalised word that make it a thing, not a person: after it ("Bluesky
# users", "the Telegram channel") or before it ("via Bluesky"). See ``_written_as_a_thing``.
THING_AFTER = frozenset({"app", "apps", "account", "accounts", "user", "users", "platform", "channel",
                         "channels", "feed", "website", "site", "server", "servers", "store", "stores",
                         "brand", "device", "devices", "subscribers", "subscription"})
THING_BEFORE = frozenset({"via", "using", "download", "downloaded", "install", "installed"})
# Words beside a full name that make it a shop or a company's name, not a person's: after it ("the
# Harry Winston boutique") or before it ("law firm Patton Boggs"). See ``extract.people._brand``.
BRAND_AFTER = frozenset({"store", "stores", "boutique", "boutiques", "shop", "shops", "jewellers", "jewelers",
                         "jewellery", "jewelry", "brand", "restaurant", "restaurants", "hotel", "hotels",
                         "outlet", "outlets", "showroom", "showrooms", "dealership", "dealerships", "factory",
                         "label", "chain", "franchise", "products"})
BRAND_BEFORE = frozenset({"firm", "company", "brand", "retailer", "chain", "jeweler", "jeweller", "label",
                          "carmaker", "automaker", "manufacturer", "insurer", "airline"})
# The states of the United States. One shares its name with a country (Georgia): in an article
# that names the United States or another state, that name is the state, a place, not the country.
US_STATES = frozenset({
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
    "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
})
# Territories and sub-national regions often in the news, which spaCy may tag ORG ("the annexation
# of Crimea"): a name here is a place whatever its label. Not a gazetteer: large or contested regions only.
TERRITORIES = frozenset({
    "Crimea", "Donbas", "Donbass", "Donetsk", "Luhansk", "Chechnya", "Dagestan", "Siberia", "Transnistria",
    "Abkhazia", "South Ossetia", "Nagorno-Karabakh", "Kashmir", "Jammu and Kashmir", "Punjab", "Balochistan",
    "Tibet", "Xinjiang", "Hong Kong", "Macau", "Inner Mongolia", "Gaza", "Gaza Strip", "West Bank",
    "Golan Heights", "Sinai", "Kurdistan", "Darfur", "Tigray", "Catalonia", "Basque Country", "Flanders",
    "Wallonia", "Bavaria", "Sicily", "Sardinia", "Corsica", "Greenland", "Puerto Rico", "Guam", "Quebec",
    "Ontario", "Alberta", "British Columbia", "Patagonia", "Amazon Basin", "Kaliningrad", "Mindanao",
    "Papua", "Aceh", "Bali", "Java", "Sumatra", "Borneo", "Tasmania", "Zanzibar", "Western Sahara",
})
# Last words of an event's name: an event is neither an organisation nor a place
# ("Beijing Olympic Games", "Cannes Film Festival").
EVENT_WORDS = frozenset({"summit", "games", "olympics", "championship", "championships",
                         "cup", "festival", "expo", "exhibition", "tournament", "marathon", "awards"})
# Last words of names that are events only when the text says so ("the annual Worldwide Developers
# Conference", "... Conference at the Moscone Center"); otherwise organisations ("Missouri Valley Conference").
MAYBE_EVENT_WORDS = frozenset({"conference", "convention", "forum"})
EVENT_BEFORE = frozenset({"annual", "yearly", "biennial", "inaugural"})  # "the annual ... Conference"
EVENT_AFTER = frozenset({"at", "held", "opened", "opens", "closed", "closes", "began", "begins"})
# Last words of a street's name: a street is a place, though spaCy often tags it ORG ("Elm Street").
STREET_WORDS = frozenset({"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard",
                          "blvd", "blvd.", "lane", "drive", "parkway", "terrace"})
# Continents and large regions, read off a headline (which spaCy does not see) like countries.
REGIONS = frozenset({"Europe", "Asia", "Africa", "North America", "South America", "Latin America",
                     "Middle East", "Central Asia", "East Asia", "Southeast Asia", "South Asia", "Antarctica",
                     "Arctic", "Oceania", "Caribbean", "Balkans", "Baltics", "Scandinavia"})
# Legal forms after a company's name: "AirTanker Ltd." is AirTanker.
LEGAL_FORMS = frozenset({"inc", "ltd", "llc", "plc", "corp", "co", "company", "corporation", "limited",
                         "incorporated", "nv", "n.v", "sa", "s.a", "ag", "gmbh", "ab", "asa", "spa", "bv",
                         "lp", "llp", "pty", "pte", "oyj", "se", "&"})
# Words after a company's own name that say what it does: "Apple Computer" is Apple, when the
# article or the collection names Apple alone too.
BUSINESS_WORDS = frozenset({"motor", "motors", "computer", "computers", "group", "holdings", "technologies",
                            "industries", "airlines", "airways", "entertainment", "pharmaceuticals"})
# Last words that make a name a company's even when spaCy tags it PERSON ("Saturn Corporation").
COMPANY_ENDINGS = (LEGAL_FORMS - {"&", "se", "ab", "sa", "ag", "co"}) | BUSINESS_WORDS | {"co.", "corp.", "inc."}
# Last words of a facility's name that its short name leaves out: "Changi International Airport" is
# "Changi" too.
FACILITY_WORDS = frozenset({"airport", "international", "airfield", "station", "stadium", "arena"})
# Small words left out of an acronym ("United States of America" → USA).
ACRONYM_SKIP = frozenset({"of", "and", "&", "the", "for", "de", "du", "des", "la", "le", "y", "on", "in", "at"})
# Words that, alone, name no organisation or place in particular ("Defense" of "Defense Minister").
COMMON_ACTOR_WORDS = ROLE_MODIFIERS | frozenset({
    "government", "administration", "cabinet", "ministry", "department", "central", "federal",
    "regional", "local", "global",
    "north", "south", "east", "west", "western", "eastern", "northern", "southern", "capital",
})

POSSESSIVE = re.compile(r"\s*['’]s?$")
# A given name with an apostrophe inside ("Ka'Loni", "D'Andre"), which spaCy leaves out of the entity.
INNER_APOSTROPHE = re.compile(r"[A-Z][a-z]*['’][A-Z]?[a-z]{2,}")
# A name with a nickname in quotes between given name and surname: Vincent "The Chin" Gigante.
# Groups: given name (with an optional initial), nickname, surname.
NICKNAMED = re.compile(r"(?<![\w'’])([A-Z][a-z]+(?: [A-Z]\.)?) "
                       r"[\"“'‘]([A-Z][^\"“”'‘’\n]{0,30}?)[\"”'’] ([A-Z][\w'’-]+)")
# Entity text that is markup or numbers rather than a name ("300px", "@Media").
NOT_A_NAME = re.compile(r"[0-9@#{}<>=/\\|_*:;,!?()\[\]]|^\W|px$")
