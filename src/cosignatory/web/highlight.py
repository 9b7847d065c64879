"""A letter's source text cut into segments, each knowing which extracted facts cover it.

Pure: takes the letter as `store.get_letter` returns it and yields plain data that a
template renders (escaping every piece of text). Where facts nest (a name inside a
signature entry), the innermost comes first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass(frozen=True)
class Fact:
    """One extracted value and the span of the text it came from."""

    key: str  # unique within the letter, e.g. "s3-name"; links text and field list
    field: str  # date | addressee | sender | name | role | organization | entry
    label: str  # what a reader sees: "signatory 3 · name: Ilham Quliyev"
    start: int
    end: int


@dataclass
class Segment:
    text: str
    facts: list[Fact] = field(default_factory=list)
    in_letter: bool = True

    @property
    def field(self) -> str | None:
        return self.facts[0].field if self.facts else None

    @property
    def cited(self) -> bool:
        """Inside the span the reader was sent to (key "hl")."""
        return any(f.key == "hl" for f in self.facts)

    @property
    def keys(self) -> str:
        return " ".join(f.key for f in self.facts)

    @property
    def title(self) -> str:
        return "\n".join(f.label for f in self.facts)


def facts_of(letter: dict[str, Any]) -> list[Fact]:
    """Every fact of the letter that has a span."""
    facts: list[Fact] = []

    def add(key: str, kind: str, label: str, start: int | None, end: int | None) -> None:
        if start is not None and end is not None and end > start:
            facts.append(Fact(key, kind, label, start, end))

    add(
        "date",
        "date",
        f"date: {letter.get('date')}",
        letter.get("date_start"),
        letter.get("date_end"),
    )
    for i, a in enumerate(letter["addressees"], 1):
        shown = ", ".join(x for x in (a["name"], a["role"]) if x)
        add(f"a{i}", "addressee", f"addressee {i}: {shown}", a["start"], a["end"])
    for i, s in enumerate(letter["senders"], 1):
        add(f"d{i}", "sender", f"sender {i}: {s['name']}", s["start"], s["end"])
    for i, m in enumerate(letter["signatories"], 1):
        add(f"s{i}", "entry", f"signatory {i}", m["start"], m["end"])
        for part in ("name", "role", "organization"):
            value = m[part]
            add(
                f"s{i}-{part}",
                part,
                f"signatory {i} · {part}: {value}",
                m[f"{part}_start"],
                m[f"{part}_end"],
            )
    return facts


def segments(
    text: str, facts: list[Fact], letter_span: tuple[int, int] | None = None
) -> list[Segment]:
    """`text` cut at every fact boundary; each piece lists the facts over it, innermost first."""
    n = len(text)
    valid = [f for f in facts if 0 <= f.start < f.end <= n]
    lo, hi = letter_span if letter_span else (0, n)
    cuts = sorted({0, n, lo, hi, *(f.start for f in valid), *(f.end for f in valid)})
    starts: dict[int, list[Fact]] = {}
    for f in valid:
        starts.setdefault(f.start, []).append(f)
    active: list[Fact] = []
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        if b <= a or not 0 <= a < n:
            continue
        active = [f for f in active if f.end > a] + starts.get(a, [])
        covering = sorted(active, key=lambda f: (f.end - f.start, f.key))
        out.append(Segment(text[a:b], covering, lo <= a < hi))
    return _merged(out)


def _merged(parts: list[Segment]) -> list[Segment]:
    """Neighbours with the same facts and the same side of the letter become one segment."""
    out: list[Segment] = []
    for part in parts:
        prev = out[-1] if out else None
        if prev and prev.facts == part.facts and prev.in_letter == part.in_letter:
            prev.text += part.text
        else:
            out.append(part)
    return out
