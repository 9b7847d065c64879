"""The cue-word regexes: fast to scan, yet matching exactly what a plain alternation matches."""

from __future__ import annotations

import re

import pytest

from cosignatory.extract.lexicon import any_of

CUES = ("letter", "appeal", r"dear\b", "sehr geehrte", "письм", r"calls?\s+on")


@pytest.mark.parametrize(
    "text",
    [
        "Our NEWSLETTER is out",
        "Dear Minister,",
        "an endearing story",
        "Sehr geehrte Damen und Herren",
        "Открытое ПИСЬМО президенту",
        "The union calls  on the minister",
        "nothing to see here",
        "Appealing, but not an appeal? Yes: appeal.",
    ],
)
def test_any_of_finds_the_same_cue_at_the_same_place_as_an_alternation(text: str) -> None:
    plain = re.compile("|".join(CUES), re.IGNORECASE)
    expected = [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in any_of(CUES).finditer(text)] == expected
