"""Text and name normalization: pure functions from printed strings to comparison keys.

Owns the folding that makes romanization variants of one name meet: an Azerbaijani
pre-fold (ə→a, c→j, q→g, x→kh, ı→i, ş→sh, ç→ch, ğ→gh, ö→o, ü→u), then anyascii for
Cyrillic, Armenian and the rest, then a collapse of Russian and English romanization
habits (dzh/dj/zh→j, kh→h, gh→g, y→i, iu→u, w→v), of doubled letters (Novella/Novela) and of
the a/e vowel pair (Saltanat/Seltenet, Iskandarli/Iskenderli). German and French
romanizations of the same names (Dschafarow, Gouliev) are respelt the English way when
the whole name shows the convention (`convention`, `respell`). It also splits a
surname into stem and suffix (-ov/-ova, -li, -zada, -oglu, -yan, ...) so that the
suffix and its gender can be compared apart from the stem. No I/O, no state.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

QUOTES = "\"'“”„‟«»‹›‘’‚`´"

_AZ_FOLD = str.maketrans(
    {
        "ə": "a",
        "Ə": "a",
        "ı": "i",
        "İ": "i",
        "ş": "sh",
        "Ş": "sh",
        "ç": "ch",
        "Ç": "ch",
        "ğ": "gh",
        "Ğ": "gh",
        "ö": "o",
        "Ö": "o",
        "ü": "u",
        "Ü": "u",
        "q": "g",
        "Q": "g",
        "x": "kh",
        "X": "kh",
    }
)
# Cyrillic letters anyascii would romanize in a way Latin spellings of the same
# Azerbaijani names do not (ә is ə, һ is h, ғ is ğ, ҹ is c); the soft and hard signs,
# which it writes as an apostrophe that would split the word (Хельсинкская, объединение).
_CYR_FOLD = str.maketrans(
    {"ә": "a", "Ә": "a", "һ": "h", "Һ": "h", "ғ": "g", "Ғ": "g", "ь": "", "Ь": "", "ъ": "", "Ъ": ""}
)

_COLLAPSE = (
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("y", "i"),
    ("iu", "u"),  # Russian-style ü: Hiuseyn, Giulara, Yulviyye
    ("x", "ks"),
    ("q", "g"),
)
_C_TO_J = re.compile(r"c(?!h)")
# Russian е is "ye" (BGN) or "e" (passports) at the start of a word, and "ye", "ie"
# (French) or "e" after a vowel: Yevgeny/Evgeny, Yelena/Elena, Agayev/Agaev/Agaiev.
_IOTATED_E = re.compile(r"^ye|(?<=[aeiou])[yi]e")
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_NON_ALPHA = re.compile(r"[^a-z]+")


def fold_text(text: str) -> str:
    """Lower-case ASCII form of `text`: accents, scripts and quotes folded, spaces single."""
    text = unicodedata.normalize("NFC", text).translate(_CYR_FOLD)
    text = anyascii(text.translate(_AZ_FOLD)).lower()
    return " ".join(_NON_ALPHA.sub(" ", text).split())


@lru_cache(maxsize=200_000)
def name_key(token: str) -> str:
    """Comparison key of one name token: romanization variants of it meet here.

    >>> name_key("Cəfərova") == name_key("Джафарова") == name_key("Jafarova")
    True
    """
    s = fold_text(token).replace(" ", "")
    s = _IOTATED_E.sub("e", _C_TO_J.sub("j", s))
    for old, new in _COLLAPSE:
        s = s.replace(old, new)
    s = _FINAL_H.sub("", s)
    s = s.replace("e", "a")
    return _DOUBLE.sub(r"\1", s)


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_GERMAN = re.compile(r"sch|(ow|ew|owa|ewa|dse|yj)\b")  # Georgian -dze is -dse; -ий -yj
_FRENCH = re.compile(r"ou|tch|dj|ieff?\b|chvili\b")  # Georgian -shvili is -chvili in French


def convention(printed: str) -> str:
    """ "de" or "fr" when a Latin-script name is romanized the German or French way
    (Dschafarow, Alijew; Rachad Gouliev, Tchingiz), else "". Decided on the whole name,
    so "Rachad" is read as French beside "Gouliev": English forms never carry the marks."""
    if _CYRILLIC.search(printed):
        return ""
    folded = fold_text(printed)
    if _GERMAN.search(folded):
        return "de"
    return "fr" if _FRENCH.search(folded) else ""


@lru_cache(maxsize=200_000)
def respell(token: str, conv: str) -> str:
    """A name token of a German (sch=sh, tsch=ch, dsch=j, ch=kh, j=y, -dse=-dze) or French
    (ch=sh, tch=ch, ou=u, -ieff=-iev) romanization, spelt the English way; other tokens as
    they are."""
    if not conv:
        return token
    s = fold_text(token)
    if conv == "de":
        s = re.sub(r"j(?=[aeiouy]|$)", "y", re.sub(r"dse$", "dze", s))
        s = s.replace("dsch", "j").replace("tsch", "\0").replace("sch", "\1")
        return s.replace("ch", "kh").replace("\0", "ch").replace("\1", "sh")
    s = s.replace("tch", "\0").replace("ch", "sh").replace("\0", "ch").replace("ou", "u")
    return re.sub(r"ieff?$", "iev", s)


# Letters that romanizations of one name spell two ways: Russian г for h (Гусейнов,
# Huseynov; Ukrainian Hanna, Russian Ganna) and x for ks (Alexander, Aleksandr; Maxim,
# Maksim; an Azerbaijani x is already kh, so ks meets it as h).
_SOUNDALIKE = re.compile(r"ks|(?<![sc])h")


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """The consonants of a key, in order, h and ks read as g: Rzazada and Rizazadeh share
    one, as do Huseynov and Guseynov, Aleksandr and Alexander."""
    return "".join(c for c in _SOUNDALIKE.sub("g", key) if c not in "aeiou")


def initial(key: str) -> str:
    """The first letter of a name key, h read as g (Hasan, Гасан): names with different
    initials are never compared."""
    return "g" if key[:1] == "h" else key[:1]


# Surname suffixes on name keys (after name_key: e→a, y→i, doubles collapsed), longest
# first. Each maps to (class, gender); gender "" means the suffix does not mark one.
_SUFFIXES: tuple[tuple[str, str, str], ...] = (
    ("skaia", "ski", "f"),
    ("ovna", "patronymic", "f"),
    ("avna", "patronymic", "f"),
    ("ovich", "patronymic", "m"),
    ("avich", "patronymic", "m"),
    ("oglu", "oglu", "m"),
    ("ogli", "oglu", "m"),
    ("ogul", "oglu", "m"),
    ("gizi", "gizi", "f"),
    ("kizi", "gizi", "f"),
    ("zada", "zada", ""),
    ("ova", "ov", "f"),
    ("ava", "ov", "f"),
    ("ski", "ski", "m"),
    ("ian", "ian", ""),
    ("ov", "ov", "m"),
    ("av", "ov", "m"),
    ("li", "li", ""),
    ("lu", "li", ""),
)
_MIN_STEM = 2


@dataclass(frozen=True)
class Surname:
    """A surname key split into stem and suffix class, with the gender the suffix marks."""

    key: str
    stem: str
    suffix: str  # class: ov, li, zada, oglu, gizi, ian, ski, patronymic, or ""
    gender: str  # "m", "f" or ""

    def __hash__(self) -> int:
        # Equal surnames have equal keys; a string caches its hash, a dataclass does not.
        return hash(self.key)


@lru_cache(maxsize=200_000)
def split_surname(key: str) -> Surname:
    """Split a surname key (from `name_key`) into stem, suffix class and gender.

    >>> split_surname(name_key("Jafarova"))
    Surname(key='jafarova', stem='jafar', suffix='ov', gender='f')
    """
    for ending, cls, gender in _SUFFIXES:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            return Surname(key, key[: -len(ending)], cls, gender)
    return Surname(key, key, "", "")


def has_surname_suffix(token: str) -> bool:
    """True when a printed token ends like a surname (-ov, -li, -zada, -yan, ...)."""
    return bool(split_surname(name_key(token)).suffix)
