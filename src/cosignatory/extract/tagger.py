"""A learned sequence tagger for the parts of one signature entry.

An entry ("Dr. Jane Roe – Chair of the “Open Sky” Union") is cut into tokens (words and
single punctuation marks); a linear-chain CRF (python-crfsuite) labels each token NAME,
ROLE, ORG, TITLE, DEG (degree), CONN (connective: "of the", "on behalf of"), PH
(placeholder affiliation), MARK (list number or bullet) or SEP (any other punctuation).
Features describe a token's shape, its punctuation and quote/paren/dash context, its
position, and its membership in the fixed lexicons (role words, organization words,
connectives, titles, degrees) of English, German, French and Russian: never particular
names, so the model carries over to names it never saw. The model is trained by
`cosignatory.extract.training` on generated entries and shipped as `entries.crfsuite`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

from cosignatory.extract.lexicon import (
    CONNECTIVES,
    DEGREES,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    ORG_WORDS,
    PLACEHOLDERS,
    ROLE_BODIES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    TITLES,
    place_words,
)
from cosignatory.extract.names import is_name_token

__all__ = ["LABELS", "MODEL", "Reading", "Token", "features", "parts", "read", "tag", "tokenize"]

LABELS = ("NAME", "ROLE", "ORG", "TITLE", "DEG", "CONN", "PH", "MARK", "SEP")
MODEL = "entries.crfsuite"

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’][^\W_]+)*|\S")
_OPEN = "“„«‹‘‚(「"
_CLOSE = "”»›’)」"
_QUOTES = '"“”„‟«»‹›‘’‚`´「」'
_DASHES = "-–—−"
_CONNECTIVE_WORDS = frozenset(w for c in CONNECTIVES for w in c.replace("'", " ").split())
_BODY_WORDS = frozenset(w for b in ROLE_BODIES for w in b.split())
_PLACEHOLDER_WORDS = frozenset(w for p in PLACEHOLDERS for w in p.split() if w.isalpha())


class Token(NamedTuple):
    """One token of an entry: text[start:end]."""

    start: int
    end: int
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (hyphens and apostrophes inside) and single punctuation marks."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if len(word) == 1 and not word.isalnum():
        return "p"
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:5]


def _punct(word: str) -> str | None:
    if len(word) != 1 or word.isalnum():
        return None
    if word in _DASHES:
        return "dash"
    if word in "([{":
        return "popen"
    if word in ")]}":
        return "pclose"
    if word in _QUOTES:
        return "quote"
    if word in ",;":
        return "comma"
    if word in "*_":
        return "emph"
    if word in "|/\\":
        return "bar"
    return word


def _lexical(word: str) -> list[str]:
    low = word.casefold()
    out: list[str] = []
    if low in ROLE_HEADS:
        out.append("role")
    if low in ROLE_MODIFIERS:
        out.append("rolemod")
    if low in _BODY_WORDS:
        out.append("body")
    if low in ORG_WORDS:
        out.append("org")
    if low in _CONNECTIVE_WORDS or low in ("on", "behalf", "im", "namen", "au", "nom"):
        out.append("conn")
    if low in TITLES or low + "." in TITLES:
        out.append("title")
    if low in DEGREES or low + "." in DEGREES:
        out.append("degree")
    if low in _PLACEHOLDER_WORDS:
        out.append("ph")
    if low in NAME_PARTICLES:
        out.append("particle")
    if low in FUNCTION_WORDS:
        out.append("func")
    if low in place_words():
        out.append("place")
    return out


@lru_cache(maxsize=1 << 16)
def _word_features(tok: str) -> tuple[str, ...]:
    p = _punct(tok)
    if p is not None:
        return ("punct=" + p,)
    low = tok.casefold()
    feats = [
        "shape=" + _shape(tok),
        "suf2=" + low[-2:],
        "suf3=" + low[-3:],
        "len=" + str(min(len(tok), 8)),
    ]
    if tok[:1].isupper():
        feats.append("cap")
    if tok.isupper() and len(tok) > 1:
        feats.append("upper")
    if tok[:1].islower():
        feats.append("lower")
    if "-" in tok:
        feats.append("hyphen")
    if re.match(r"[А-Яа-яЁё]", tok):
        feats.append("cyrillic")
    if is_name_token(tok):
        feats.append("namelike")
    lex = _lexical(tok)
    feats.extend("lex=" + x for x in lex)
    if lex:
        feats.append("w=" + low)
    return tuple(feats)


@lru_cache(maxsize=1 << 16)
def _context(tok: str, k: int) -> tuple[str, ...]:
    return tuple(f"{k}:{f}" for f in _word_features(tok) if not f.startswith(("len=", "suf2")))


def features(text: str, tokens: list[Token]) -> list[list[str]]:
    """The feature strings of every token of one entry."""
    return _features(tokens, _word_features, _context, None)


@lru_cache(maxsize=1 << 16)
def _known_word(tok: str) -> tuple[str, ...]:
    known = _known()
    return tuple(f for f in _word_features(tok) if f in known)


@lru_cache(maxsize=1 << 16)
def _known_context(tok: str, k: int) -> tuple[str, ...]:
    known = _known()
    return tuple(f for f in _context(tok, k) if f in known)


_POS = tuple(f"pos={i}" for i in range(7))
_BACK = tuple(f"back={i}" for i in range(7))
_DASH_COUNT = tuple(f"dashes={i}" for i in range(3))
_COMMA_COUNT = tuple(f"commas={i}" for i in range(4))
_EDGE = {k: f"{k}:edge" for k in (-2, -1, 1, 2)}


def _features(
    tokens: list[Token],
    word: Callable[[str], tuple[str, ...]],
    context: Callable[[str, int], tuple[str, ...]],
    known: frozenset[str] | None,
) -> list[list[str]]:
    words = [t.text for t in tokens]
    n = len(tokens)
    edge = {k: (e,) if known is None or e in known else () for k, e in _EDGE.items()}
    around = {k: [context(w, k) for w in words] for k in (-2, -1, 1, 2)}
    quote = paren = dashes = commas = 0
    out: list[list[str]] = []
    for i, t in enumerate(tokens):
        ch = words[i]
        dynamic = []
        if i == 0:
            dynamic.append("first")
        if i == n - 1:
            dynamic.append("last")
        dynamic += (_POS[min(i, 6)], _BACK[min(n - 1 - i, 6)])
        dynamic += (_DASH_COUNT[min(dashes, 2)], _COMMA_COUNT[min(commas, 3)])
        if quote:
            dynamic.append("inquote")
        if paren:
            dynamic.append("inparen")
        if i and tokens[i - 1].end == t.start:
            dynamic.append("glued")
        elif len(ch) == 1 and not ch.isalnum() and i + 1 < n and tokens[i + 1].start > t.end:
            dynamic.append("spaced")  # a free-standing mark: a separator, whatever its glyph
        if i + 1 < n and words[i + 1] == ".":
            dynamic.append("dotted")
        feats = [
            "bias",
            *word(ch),
            *(dynamic if known is None else [f for f in dynamic if f in known]),
            *(around[-2][i - 2] if i >= 2 else edge[-2]),
            *(around[-1][i - 1] if i >= 1 else edge[-1]),
            *(around[1][i + 1] if i + 1 < n else edge[1]),
            *(around[2][i + 2] if i + 2 < n else edge[2]),
        ]
        out.append(feats)
        # context for the tokens that follow
        if ch in _QUOTES:
            quote = 0 if quote and ch in _CLOSE + '"' else 1
        elif ch == "(":
            paren += 1
        elif ch == ")":
            paren = max(0, paren - 1)
        elif ch in _DASHES:
            dashes += 1
        elif ch in ",;":
            commas += 1
    return out


@cache
def _model() -> tuple[Any, bytes]:
    import pycrfsuite

    data = resources.files("cosignatory.extract").joinpath(MODEL).read_bytes()
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)
    return tagger, data  # the tagger reads the bytes in place: keep them alive with it


def _tagger() -> Any:
    return _model()[0]


@cache
def _known() -> frozenset[str]:
    """The attributes the shipped model has weights for; it ignores any other."""
    return frozenset(_tagger().info().attributes)


def _model_features(tokens: list[Token]) -> list[list[str]]:
    """features() less those the model ignores: the same labels, fewer strings to pass."""
    return _features(tokens, _known_word, _known_context, _known())


@dataclass(frozen=True)
class Reading:
    """The model's reading of an entry: its tokens, their best labels, and how likely it
    finds a proposed reading compared with its own (P(proposed) / P(best), in [0, 1])."""

    tokens: list[Token]
    labels: list[str]
    ratio: float


def read(
    text: str, start: int, end: int, proposed: dict[str, tuple[int, int]] | None = None
) -> Reading:
    """Label text[start:end]; judge the proposed NAME/ROLE/ORG character ranges if given."""
    tokens = tokenize(text, start, end)
    if not tokens:
        return Reading(tokens, [], 1.0)
    tagger = _tagger()
    tagger.set(_model_features(tokens))
    best: list[str] = tagger.tag()
    if proposed is None:
        return Reading(tokens, best, 1.0)
    spans = list(proposed.items())
    labels = []
    for t, own in zip(tokens, best, strict=True):
        label = next((k for k, (a, b) in spans if a <= t.start < b), None)
        if label is None:
            label = own if own not in ("NAME", "ROLE", "ORG") else _filler(t.text)
        labels.append(label)
    if labels == best:
        return Reading(tokens, best, 1.0)
    p_best: float = tagger.probability(best)
    p_proposed: float = tagger.probability(labels)
    return Reading(tokens, best, p_proposed / p_best if p_best > 0 else 0.0)


def _filler(token: str) -> str:
    if _punct(token) is not None:
        return "SEP"
    lex = _lexical(token)
    return "CONN" if "conn" in lex else "TITLE" if "title" in lex else "SEP"


def tag(text: str, tokens: list[Token]) -> list[str]:
    """The label of every token, by the shipped model."""
    if not tokens:
        return []
    labels: list[str] = _tagger().tag(_model_features(tokens))
    return labels


def parts(tokens: list[Token], labels: list[str]) -> dict[str, tuple[int, int]]:
    """Character range of the NAME, ROLE and ORG of an entry: each its longest run of tokens."""
    out: dict[str, tuple[int, int]] = {}
    i = 0
    while i < len(tokens):
        label = labels[i]
        j = i
        while j + 1 < len(tokens) and labels[j + 1] == label:
            j += 1
        if label in ("NAME", "ROLE", "ORG"):
            span = (tokens[i].start, tokens[j].end)
            if label not in out or span[1] - span[0] > out[label][1] - out[label][0]:
                out[label] = span
        i = j + 1
    return out
