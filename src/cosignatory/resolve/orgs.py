"""Organization names: a printed name → comparable tokens, and how alike two of them are.

The legal form and its position are dropped ("“Simurg” Azerbaijan Cultural Association"
= "Simurg Azerbaijan Cultural Association Public Union"); translation variants map to one
word (Fund/Foundation, Society/Union/Association, Legality/Rule of Law); acronyms are
spelled one way (NGO = Non-Governmental Organizations); adjective and plural forms meet
(Eurasian/Eurasia, Azeri-Turkish/Azeri-Turk, Economics/Economic); country names are kept
apart, so a prefix present on one side only does not count against a match. A one-letter
token is an initial and matches a word it starts (D. Aliyeva = Dilara Aliyeva).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cosignatory.normalize import fold_text, name_key

_PHRASES = (
    (r"\bnon ?governmental organi[sz]ations?\b", "ngo"),
    (r"\bnon ?governmental\b", "ngo"),
    (r"\brule of law\b", "legality"),
    (r"\bpublic (union|association|organi[sz]ation)\b", " "),
    (r"\bictimai birliyi?\b", " "),
    (r"\b(obshchestvennoe|obschestvennoe) obedinenie\b", " "),
    (r"\b(llc|ltd|inc|gmbh|mmc|pu|ev|ib|oo)$", " "),
    (r"^(llc|ltd|inc|gmbh|mmc|pu|ev|ib|oo)\b", " "),
)
_PHRASE_RES = tuple((re.compile(p), r) for p, r in _PHRASES)
_STOP = frozenset(
    [
        "of",
        "the",
        "for",
        "and",
        "in",
        "on",
        "to",
        "a",
        "an",
        "at",
        "by",
        "with",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "et",
        "und",
        "fur",
        "der",
        "die",
        "das",
        "s",
        "named",
        "after",
    ]
)
_SYNONYMS = {
    "foundation": "fund",
    "fond": "fund",
    "society": "soc",
    "union": "soc",
    "association": "soc",
    "societies": "soc",
    "associations": "soc",
    "unions": "soc",
    "obshchestvo": "soc",
    "centre": "center",
    "tsentr": "center",
    "organisation": "organization",
    "programme": "program",
    "turkish": "turk",
    "turkic": "turk",
    "lawfulness": "legality",
}
COUNTRIES = frozenset(
    [
        "azerbaijan",
        "armenia",
        "georgia",
        "russia",
        "turkey",
        "turkiye",
        "ukraine",
        "belarus",
        "kazakhstan",
        "uzbekistan",
        "iran",
        "israel",
        "germany",
        "france",
        "usa",
        "america",
        "uk",
        "britain",
        "canada",
        "moldova",
        "kyrgyzstan",
        "tajikistan",
        "turkmenistan",
        "poland",
        "italy",
        "spain",
        "netherlands",
        "belgium",
        "sweden",
        "norway",
    ]
)
# Words too common in organization names to tell one from another on their own.
GENERIC = frozenset(
    [
        "soc",
        "fund",
        "center",
        "organization",
        "institute",
        "council",
        "committee",
        "forum",
        "network",
        "group",
        "club",
        "international",
        "national",
        "public",
        "regional",
        "human",
        "right",
        "development",
        "support",
        "research",
        "protection",
        "promotion",
        "social",
        "economic",
        "cultural",
        "culture",
        "youth",
        "women",
        "family",
        "program",
        "study",
        "studies",
        "initiative",
        "independent",
        "democracy",
        "democratic",
        "civil",
    ]
)


def _word(token: str) -> str:
    token = _SYNONYMS.get(token, token)
    if (len(token) > 5 and token.endswith("ian")) or (len(token) > 6 and token.endswith("ani")):
        token = token[:-1]
    elif len(token) > 4 and token.endswith("ies"):
        token = token[:-3] + "y"
    elif len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    return _SYNONYMS.get(token, token)


@dataclass(frozen=True)
class OrgName:
    """The comparable parts of a printed organization name."""

    tokens: tuple[str, ...]  # content word keys, in printed order
    countries: frozenset[str]

    @property
    def key(self) -> str:
        """Exact-match key: word order, legal form, quotes and country left out."""
        return " ".join(sorted(set(self.tokens)))


@lru_cache(maxsize=500_000)
def parse_org(printed: str) -> OrgName | None:
    """Parse a printed organization name; None when no content word is left."""
    text = re.sub(r"['’]s\b", "", printed)
    text = fold_text(text)
    for pattern, repl in _PHRASE_RES:
        text = pattern.sub(repl, text)
    words = [_word(w) for w in text.split() if w not in _STOP]
    countries = frozenset(w for w in words if w in COUNTRIES)
    tokens = tuple(name_key(w) for w in words if w not in COUNTRIES and w not in _STOP)
    tokens = tuple(t for t in tokens if t)
    if not tokens:
        if not countries:
            return None
        tokens = tuple(sorted(countries))
    return OrgName(tokens, countries)


_GENERIC_KEYS = frozenset(name_key(w) for w in GENERIC)


def token_weight(token: str) -> float:
    return 0.5 if token in _GENERIC_KEYS or len(token) == 1 else 1.0


def _tokens_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


def _matched(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Weight of the tokens of `a` that find a partner in `b` (each partner used once)."""
    free = list(dict.fromkeys(b))
    total = 0.0
    for t in dict.fromkeys(a):
        for i, u in enumerate(free):
            if _tokens_match(t, u):
                total += max(token_weight(t), token_weight(u)) if len(t) > 1 else 1.0
                del free[i]
                break
    return total


@dataclass(frozen=True)
class OrgSimilarity:
    overlap: float  # matched weight / weight of the longer name
    containment: float  # matched weight / weight of the shorter name
    prefix: bool  # the shorter name starts the longer one, on a distinctive word
    country_conflict: bool


def org_similarity(a: OrgName, b: OrgName) -> OrgSimilarity:
    """How much of each name the other covers."""
    ua, ub = tuple(dict.fromkeys(a.tokens)), tuple(dict.fromkeys(b.tokens))
    wa = sum(token_weight(t) for t in ua)
    wb = sum(token_weight(t) for t in ub)
    short, long_ = (ua, ub) if wa <= wb else (ub, ua)
    m = min(_matched(short, long_), min(wa, wb))
    prefix = (
        len(short) >= 2
        and token_weight(short[0]) == 1.0
        and all(_tokens_match(x, y) for x, y in zip(short, long_, strict=False))
    )
    conflict = bool(a.countries and b.countries and not a.countries & b.countries)
    return OrgSimilarity(m / max(wa, wb), m / min(wa, wb), prefix, conflict)


# Borderline names need this many people (by name key) in common. Measured: 2 keeps
# common names ("Elnur Mammadov") from joining look-alike organizations but loses the
# misspelt ones (300k benchmark mentions: B-cubed F1 0.942 with 1, 0.902 with 2).
SHARED_PEOPLE = 1


def same_org(sim: OrgSimilarity, shared_people: int = 0) -> bool:
    """The decision rule on organization names, with shared people as extra evidence."""
    if sim.country_conflict:
        return False
    if sim.overlap >= 0.8 or sim.prefix:
        return True
    return sim.overlap >= 0.6 and shared_people >= SHARED_PEOPLE
