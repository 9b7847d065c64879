"""Word-level differences between two passages, as parts a template marks up.

Pure. Each side comes back as [{"text", "op"}] with op equal, delete (only in the
first passage) or insert (only in the second); whitespace stays with its word,
and case and punctuation alone do not count as a difference.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

_TOKEN = re.compile(r"\S+\s*|\s+")
_PUNCT = re.compile(r"[\W_]+")

Part = dict[str, Any]


def word_diff(a: str, b: str) -> tuple[list[Part], list[Part]]:
    """The two passages cut into equal and changed runs of words."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = SequenceMatcher(None, [_key(t) for t in ta], [_key(t) for t in tb], autojunk=False)
    left: list[Part] = []
    right: list[Part] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(left, "equal", ta[i1:i2])
            _add(right, "equal", tb[j1:j2])
        else:
            _add(left, "delete", ta[i1:i2])
            _add(right, "insert", tb[j1:j2])
    return left, right


def _key(token: str) -> str:
    """What is compared: the word without case and punctuation ("Church," = "'church")."""
    return _PUNCT.sub("", token).casefold() or token.strip()


def _add(parts: list[Part], op: str, tokens: list[str]) -> None:
    if tokens:
        parts.append({"text": "".join(tokens), "op": op})
