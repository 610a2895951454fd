"""Data for the site's pages: how names sort, and where a sentence ends."""
from __future__ import annotations

import re
from typing import NamedTuple

# Words that belong to a surname but sort after the given names: "Leyen, Ursula von der".
NAME_PARTICLES = frozenset("al bin da de del della der di du el la le van von".split())
# Words after a surname that are not the surname: "King, Martin Luther Jr.".
NAME_SUFFIXES = frozenset("jr jr. jnr jnr. sr sr. snr snr. ii iii iv".split())


class SurnameFirst(NamedTuple):
    """A naming tradition that writes the family name first ("Xi Jinping", "Kim Jong Un"), as English news does.

    A name is read this way only when its first word is one of ``surnames`` and every
    word after it splits into ``syllable``s of that tradition's romanisation, with at
    most ``most`` syllables (and one syllable a word when ``one_per_word``): "Kim
    Wilde" or "Lee Marvin" do not split that way and keep sorting by their last word.
    The surnames are the most common ones only (a short list, on purpose): a rarer
    surname sorts by the last word, as before.
    """

    surnames: frozenset[str]  # casefolded, accents folded
    syllable: re.Pattern[str]  # one syllable, matched whole
    most: int  # syllables after the surname, at most
    one_per_word: bool  # written a syllable a word (Korean "Jong Un", Vietnamese "Phu Trong")


# Chinese: Hanyu Pinyin, with the initials and finals of Wade–Giles that Taiwan's and Hong Kong's names keep
# ("Tsai Ing-wen"); a given name of one or two syllables, written as one word ("Jinping") or hyphenated.
CHINESE = SurnameFirst(
    surnames=frozenset("""bai cai cao chang chen cheng chiang chou cui deng ding dong du fan fang feng fu gao gu guo
        han hao he hou hsu hu huang jia jiang jin kong lai li liang liao lin liu lu luo ma mao meng pan peng qian qin
        qiu ren shen shi song su sun tan tang tian tsai wan wang wei wen wu xi xia xiao xie xiong xu xue yan yang yao
        ye yin yu yuan zeng zhang zhao zheng zhong zhou zhu zou""".split()),
    syllable=re.compile(r"(?:zh|ch|sh|hs|ts|tz|[bpmfdtnlgkhjqxrzcsyw])?"
                        r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ung|ian|ien|iao|uai|uan|ieh|ai|ei|ao|ou|an|en|er|in|un"
                        r"|ia|ie|iu|ua|uo|ui|ue|ih|a|e|i|u|v)|[bpmflwy]?o"),  # a bare "o" only after these
    most=2, one_per_word=False)
# Korean: Revised Romanisation and McCune–Reischauer as the press writes them ("Moon Jae-in", "Ban Ki-moon").
KOREAN = SurnameFirst(
    surnames=frozenset("""ahn ban chang cho choe choi chun chung han hong hwang jang jeon jeong jo jung kang kim ko
        kwon lee lim moon noh oh pak park rhee roh ryu seo shin song suh yi yoo yoon yun""".split()),
    syllable=re.compile(r"(?:kk|tt|pp|ss|jj|ch|sh|[gkndtrlmbpsjh])?"
                        r"(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|a|e|o|u|i)(?:ng|[kntlmp])?"),
    most=2, one_per_word=True)
# Vietnamese, accents folded ("Nguyen Phu Trong", "Ho Chi Minh").
VIETNAMESE = SurnameFirst(
    surnames=frozenset("bui dang dinh do duong ho hoang huynh le ly ngo nguyen pham phan tran truong vo vu".split()),
    syllable=re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"),
    most=3, one_per_word=True)
SURNAME_FIRST = (CHINESE, KOREAN, VIETNAMESE)
# What a briefing's summary (its first paragraph) does not open with: a list item's or a dateline's dash
# ("- China's defence minister…", "— The talks…", AP's "_ The…"), a bullet; each only before a space, so that
# "-5 degrees" and "—" inside the text stay.
SUMMARY_LEAD_MARK = re.compile(r"^\s*(?:[-‐‑‒–—―_•·*▪►]+(?:\s+|$))+")
# A sentence ends at . ! ? (and a closing mark) before a space and a capital, digit or opening mark.
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
# The word before a full stop that does not end a sentence: an initial or a short abbreviation ("Mr.", "U.S.").
ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Gov|Sen|Rep|Col|Lt|Sgt|Capt|Jr|Sr|No|Inc|Ltd|Co|"
                          r"Corp|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|(?:[A-Z]\.)+[A-Z])$")
