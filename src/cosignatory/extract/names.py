"""What a person's name looks like, from the shape of its tokens.

A name is a short run of capitalized words (initials, hyphenated and particle-joined
forms allowed) that are not role titles, organization words, places or function words.
No list of particular names: only the shape, so it carries over to unseen names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from cosignatory.extract.lexicon import (
    DEGREES,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    ORG_WORDS,
    ROLE_HEADS,
    TITLES,
    place_words,
)

WORD = re.compile(r"[^\W_][\w'’.\-]*", re.UNICODE)
_INITIAL = re.compile(r"^(?:[^\W\d_]\.){1,3}$|^[A-Z]{1,2}$")


def is_initial(token: str) -> bool:
    """ "J.", "J.D.", "JD"."""
    return bool(_INITIAL.match(token))


@lru_cache(maxsize=1 << 16)
def is_name_token(token: str) -> bool:
    """Could this token be part of a person's name? (Judged once per distinct token.)"""
    if not token or not token[0].isalpha():
        return False
    low = token.casefold().rstrip(".")
    if low in NAME_PARTICLES:
        return True
    if not token[0].isupper():
        # "al-Khatib", "el-Amin", "d'Souza": a particle glued to a capitalized name
        m = _GLUED_PARTICLE.match(token)
        if m is None or m.group(1).casefold() not in _GLUED:
            return False
        return is_name_token(token[m.end() :])
    if is_initial(token):
        return True
    if token.isupper() and len(token) > 3:
        return False
    if low in ROLE_HEADS or low in ORG_WORDS or low in FUNCTION_WORDS:
        return False
    if low in place_words():
        return False
    core = token.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
    return core.isalpha()


_GLUED_PARTICLE = re.compile(r"([^\W\d_]{1,3})[-'’](?=[^\W\d_])")
_GLUED = NAME_PARTICLES | {"d", "l", "o", "ul", "ed", "as", "ash", "ad", "an", "ar", "at", "az"}


@lru_cache(maxsize=1 << 16)
def is_capital_surname(token: str) -> bool:
    """ "NAKAMURA", "GARCÍA": a surname in capitals, as lists print them ("NAKAMURA Haruki",
    "Pierre DUPONT"); never a word of the lexicons. Acronyms look the same: only a name
    beside a name in ordinary case may hold one."""
    core = token.replace("-", "")
    return (
        len(core) > 3
        and core.isalpha()
        and token.isupper()
        and any(c in "AEIOUYÁÉÍÓÚÀÈÌÒÙÄÖÜÅØÆ" for c in token)
        and is_name_token(token.capitalize())
        and token.casefold() not in DEGREES
    )


def is_title(token: str) -> bool:
    return token.casefold() in TITLES or token.casefold().rstrip(".") in TITLES


def is_degree(token: str) -> bool:
    return token.casefold().strip(",") in DEGREES


def name_length(tokens: Sequence[str], *, bounded: bool) -> int:
    """How many leading tokens form a person's name (0 if they do not).

    `bounded`: the tokens end where the name may end (a separator follows); otherwise the
    name may run straight into something else, and the usual two-word name is assumed
    unless an initial or particle asks for more.
    """
    n = 0
    caps = 0
    while n < len(tokens) and n < 5:
        if is_name_token(tokens[n]):
            n += 1
        elif bounded and is_capital_surname(tokens[n]):
            n += 1
            caps += 1
        else:
            break
    if caps and caps == sum(1 for t in tokens[:n] if not is_initial(t)):
        return 0  # capitals only: an acronym or a heading, not a name
    while n and tokens[n - 1].casefold() in NAME_PARTICLES:
        n -= 1
    capitals = sum(1 for t in tokens[:n] if t[0].isupper() and not is_initial(t))
    if capitals < 1 or n < 2:
        return 0
    if not bounded and n > 2:
        short = sum(1 for t in tokens[:n] if is_initial(t) or t.casefold() in NAME_PARTICLES)
        n = min(n, 2 + short)
    return n


def looks_like_person(tokens: Sequence[str]) -> bool:
    """Is this whole token run a person's name?"""
    return 2 <= len(tokens) <= 5 and name_length(tokens, bounded=True) == len(tokens)
