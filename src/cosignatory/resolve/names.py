"""Person names: a printed name → the keys resolution compares (first name, surname parts).

Titles, patronymics ("Heydar oglu", "Ivanovich") and list noise are dropped; a Russian
"Surname Firstname" order is turned around when only the first token looks like a
surname. Keys come from `cosignatory.normalize`, so script and romanization variants of
one name get one key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from cosignatory.normalize import Surname, convention, initial, name_key, respell, split_surname

_TITLES = frozenset(
    [
        "dr",
        "prof",
        "professor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "sir",
        "madam",
        "phd",
        "md",
        "doctor",
        "hon",
        "rev",
        "herr",
        "frau",
        "mme",
        "mlle",
        "jr",
        "sr",
        "dipl",
        "ing",
        "lt",
        "col",
        "gen",
        "mag",
    ]
)
_MARKERS = frozenset({"oglu", "ogli", "gizi", "kizi", "ogul"})
_SPLIT = re.compile(r"[\s.\-‐–—,]+")
# Text-layer glitches: a lost space ("BaharMehdizada") or a space moved one letter
# ("Umu dMammadov"). Mc/Mac/De-style capitals are left alone (left part of 3+ letters).
_GLUED = re.compile(r"(?<=[^\W\d_]{3})(?<![Mm]ac)(?=[A-ZА-ЯƏÇĞİÖŞÜ][a-zа-яəçğıöşü]{2})")
_SHIFTED = re.compile(r"(?<=\w) ([a-zа-яəçğıöşü]{1,2})(?=[A-ZА-ЯƏÇĞİÖŞÜ])")


@dataclass(frozen=True)
class PersonName:
    """The comparable parts of a printed person name."""

    first: str  # key of the first name ("" when absent); one letter when an initial
    surname: Surname
    middle: tuple[str, ...] = ()

    @cached_property
    def key(self) -> str:
        """Exact-match key: variants that fold to one spelling share it."""
        return f"{self.first} {self.surname.key}"

    def __hash__(self) -> int:
        # Equal names have equal keys; a string caches its hash, a dataclass does not.
        return hash(self.key)

    @property
    def initial(self) -> str:
        """The first name's initial as compared (`normalize.initial`); "" without one."""
        return initial(self.first)

    @property
    def gender(self) -> str:
        return self.surname.gender


@lru_cache(maxsize=500_000)
def parse_person(printed: str) -> PersonName | None:
    """Parse a printed name; None when nothing name-like is left."""
    printed = _GLUED.sub(" ", _SHIFTED.sub(r"\1 ", printed))
    raw = [t for t in _SPLIT.split(printed) if t]
    conv = convention(printed)
    keys = [name_key(respell(t, conv)) for t in raw]
    tokens = [(t, k) for t, k in zip(raw, keys, strict=True) if k and k not in _TITLES]
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i][1] in _MARKERS and len(tokens) >= 3:
            del tokens[i - 1 : i + 1]
            break
    if len(tokens) >= 3:
        kept = [tk for tk in tokens if split_surname(tk[1]).suffix != "patronymic"]
        tokens = kept if len(kept) >= 2 else tokens
    if not tokens:
        return None
    if len(tokens) == 1:
        return PersonName("", split_surname(tokens[0][1]))
    first, last = tokens[0][1], tokens[-1][1]
    if split_surname(first).suffix and not split_surname(last).suffix:
        first, last = last, first
    middle = tuple(k for _, k in tokens[1:-1])
    return PersonName(first, split_surname(last), middle)
