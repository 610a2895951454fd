"""Data only: when the states of the last 130 years began, for dating anniversaries (issue 6).

"This year marks the 75th anniversary of our diplomatic relations" dates a story only to
a reader who knows when those relations could have begun. For the states founded or made
independent since about 1900 this table gives two years:

- ``since``: the earliest year anyone's relations with the state can date from (its own
  founding, or an earlier state whose relations it continues). Relations anniversaries
  give a lower bound from it, so where history is disputed it holds the earlier year.
- ``founded``: the year anniversaries of its founding or independence count from, or
  None where two years are both celebrated (1918 and 1991 in the Caucasus).

Older states are left out: Russia continues the Soviet Union's and the Empire's relations,
Germany the Reich's, and relations with them may be centuries old, so no useful bound.
A name is matched as a whole word, case-sensitively; longer names first, so "Republic of
China" is not read as "China".
"""
from __future__ import annotations

from typing import NamedTuple


class State(NamedTuple):
    name: str  # the name used in an explanation
    since: int
    founded: int | None


_PRC = State("the People's Republic of China", 1949, 1949)
_ROC = State("the Republic of China", 1912, 1912)
_ROK = State("the Republic of Korea", 1948, 1948)
_DPRK = State("the Democratic People's Republic of Korea", 1948, 1948)
_COTE = State("Côte d'Ivoire", 1960, 1960)
_DRC = State("the Democratic Republic of the Congo", 1960, 1960)
_TIMOR = State("Timor-Leste", 2002, 2002)
_ESWATINI = State("Eswatini", 1968, 1968)
_MYANMAR = State("Myanmar", 1948, 1948)
_MACEDONIA = State("North Macedonia", 1991, 1991)
_CZECHIA = State("the Czech Republic", 1918, 1993)  # relations often count from Czechoslovakia (1918)


def _plain(name: str, since: int, founded: int | None = None) -> tuple[str, State]:
    """A state known by its name alone, founded in ``since`` unless another year is given."""
    return name, State(name, since, founded or since)


def _disputed(name: str, since: int) -> tuple[str, State]:
    """A state whose founding is celebrated in two different years: no founding anniversary."""
    return name, State(name, since, None)


STATES: dict[str, State] = dict([
    # East and South-East Asia
    ("People's Republic of China", _PRC), ("China", _PRC), ("Chinese", _PRC), ("Sino", _PRC), ("PRC", _PRC),
    ("Republic of China", _ROC), ("Taiwan", State("Taiwan", 1912, None)),
    ("South Korea", _ROK), ("Republic of Korea", _ROK), ("South Korean", _ROK),
    ("North Korea", _DPRK), ("DPRK", _DPRK), ("North Korean", _DPRK),
    ("Democratic People's Republic of Korea", _DPRK),
    _disputed("Mongolia", 1911),  # 1911 independence, 1921 revolution: both celebrated
    _plain("Vietnam", 1945), _disputed("Laos", 1949), _plain("Cambodia", 1953),
    _plain("Indonesia", 1945), _plain("Philippines", 1898), _disputed("Malaysia", 1957),  # 1957 Malaya, 1963
    _plain("Singapore", 1965), _plain("Brunei", 1984),
    ("Timor-Leste", _TIMOR), ("East Timor", _TIMOR),
    ("Myanmar", _MYANMAR), ("Burma", _MYANMAR),
    # South Asia
    _plain("India", 1947), ("Indian", State("India", 1947, 1947)),
    _plain("Pakistan", 1947), ("Pakistani", State("Pakistan", 1947, 1947)),
    _plain("Bangladesh", 1971), _plain("Sri Lanka", 1948), _plain("Maldives", 1965),
    # Middle East
    _plain("Israel", 1948), ("Israeli", State("Israel", 1948, 1948)),
    _plain("Jordan", 1946), _plain("Syria", 1946), _plain("Lebanon", 1943), _plain("Iraq", 1932),
    _plain("Saudi Arabia", 1932), _plain("Kuwait", 1961), _plain("Qatar", 1971), _plain("Bahrain", 1971),
    _plain("United Arab Emirates", 1971), ("UAE", State("the United Arab Emirates", 1971, 1971)),
    # the former Soviet Union (not Russia: see the docstring)
    _plain("Ukraine", 1991), _plain("Belarus", 1991), _plain("Moldova", 1991),
    _disputed("Georgia", 1918), _disputed("Armenia", 1918), _disputed("Azerbaijan", 1918),  # 1918, 1991
    _plain("Estonia", 1918), _plain("Latvia", 1918), _plain("Lithuania", 1918),
    _plain("Kazakhstan", 1991), _plain("Uzbekistan", 1991), _plain("Turkmenistan", 1991),
    _plain("Kyrgyzstan", 1991), _plain("Tajikistan", 1991),
    # the rest of Europe
    _plain("Finland", 1917), _plain("Poland", 1918), _disputed("Ireland", 1919), _plain("Iceland", 1918, 1944),
    _plain("Cyprus", 1960), _plain("Malta", 1964), ("Czech Republic", _CZECHIA), ("Czechia", _CZECHIA),
    _plain("Slovakia", 1993), _plain("Slovenia", 1991), _plain("Croatia", 1991),
    _plain("Bosnia and Herzegovina", 1992), ("North Macedonia", _MACEDONIA), ("Macedonia", _MACEDONIA),
    _plain("Montenegro", 1878, 2006), _plain("Kosovo", 2008),
    # Africa
    _plain("Libya", 1951), _plain("Sudan", 1956), _plain("Morocco", 1956), _plain("Tunisia", 1956),
    _plain("Ghana", 1957), _plain("Guinea", 1958), _plain("Cameroon", 1960), _plain("Senegal", 1960),
    _plain("Togo", 1960), _plain("Madagascar", 1960), _plain("Somalia", 1960), _plain("Benin", 1960),
    _plain("Niger", 1960), _plain("Burkina Faso", 1960), ("Côte d'Ivoire", _COTE), ("Ivory Coast", _COTE),
    _plain("Chad", 1960), _plain("Central African Republic", 1960), _plain("Gabon", 1960), _plain("Mali", 1960),
    _plain("Nigeria", 1960), _plain("Mauritania", 1960), _plain("Congo", 1960),
    ("Democratic Republic of the Congo", _DRC), ("DR Congo", _DRC), ("DRC", _DRC),
    _plain("Sierra Leone", 1961), _plain("Tanzania", 1961), _plain("Algeria", 1962), _plain("Rwanda", 1962),
    _plain("Burundi", 1962), _plain("Uganda", 1962), _plain("Kenya", 1963), _plain("Malawi", 1964),
    _plain("Zambia", 1964), _plain("Gambia", 1965), _plain("Botswana", 1966), _plain("Lesotho", 1966),
    _plain("Mauritius", 1968), ("Eswatini", _ESWATINI), ("Swaziland", _ESWATINI),
    _plain("Equatorial Guinea", 1968), _plain("Guinea-Bissau", 1973), _plain("Mozambique", 1975),
    _plain("Angola", 1975), _plain("Cape Verde", 1975), _plain("Comoros", 1975),
    _plain("São Tomé and Príncipe", 1975), _plain("Seychelles", 1976), _plain("Djibouti", 1977),
    _plain("Zimbabwe", 1980), _plain("Namibia", 1990), _plain("Eritrea", 1993), _plain("South Sudan", 2011),
    # the Americas
    _plain("Cuba", 1902), _plain("Panama", 1903), _plain("Jamaica", 1962), _plain("Trinidad and Tobago", 1962),
    _plain("Barbados", 1966), _plain("Guyana", 1966), _plain("Bahamas", 1973), _plain("Grenada", 1974),
    _plain("Suriname", 1975), _plain("Dominica", 1978), _plain("Saint Lucia", 1979),
    _plain("Saint Vincent and the Grenadines", 1979), _plain("Belize", 1981), _plain("Antigua and Barbuda", 1981),
    _plain("Saint Kitts and Nevis", 1983),
    # Oceania
    _plain("Papua New Guinea", 1975), _plain("Fiji", 1970), _plain("Samoa", 1962), _plain("Solomon Islands", 1978),
    _plain("Vanuatu", 1980), _plain("Kiribati", 1979), _plain("Tuvalu", 1978), _plain("Nauru", 1968),
    _plain("Marshall Islands", 1986), _plain("Micronesia", 1986), _plain("Palau", 1994),
])
