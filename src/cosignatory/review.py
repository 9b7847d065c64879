"""Human corrections of extraction output, and how they are replayed over it.

A `Correction` is a reviewed edit of what extraction made of one document: set a
field (a letter's date; a signatory's or addressee's name, role, organization),
remove a spurious signatory or addressee, or add a missed one from a span of the
source text. Corrections are kept apart from machine output and replayed over it
in the order they were made, so a newer extractor's output is corrected again.

Each correction is anchored on the source: the span of what it was made on and
the text under that span. When the item it targets is no longer found at that
span, or the text there differs, the correction is not applied and is flagged
`needs-review`. This module is pure: no store, no I/O.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from cosignatory.errors import ReviewError
from cosignatory.model import Addressee, Document, Letter, Signatory, Span

Item = Literal["letter", "signatory", "addressee"]
Action = Literal["set", "remove", "add"]
Status = Literal["active", "needs-review", "withdrawn"]

FIELDS: dict[Item, tuple[str, ...]] = {
    "letter": ("date",),
    "signatory": ("name", "role", "organization"),
    "addressee": ("name", "role"),
}


@dataclass(frozen=True)
class Correction:
    """One reviewed edit of a document's extraction: who changed what, when, and on which text."""

    document: str  # sha256 of the document text
    letter: int  # ordinal of the letter in the document
    item: Item
    action: Action
    field: str | None = None  # for "set": one of FIELDS[item]
    ordinal: int | None = None  # the item's position in the corrected letter when made
    old: Any = None  # the value shown when the correction was made
    new: Any = None  # "set": str | None; "add": {"name", "role", "organization"}
    span: Span | None = None  # what it was made on: the item's span, or the selected text
    text: str | None = None  # the source text under `span` when made
    author: str = ""
    created_at: str = ""  # ISO 8601, UTC
    status: Status = "active"
    source: str | None = None  # the document's source, to find a new version of its text

    def __post_init__(self) -> None:
        if self.item not in FIELDS or self.action not in get_args(Action):
            raise ReviewError(f"unknown correction {self.action} {self.item}")
        if self.action == "set" and self.field not in FIELDS[self.item]:
            raise ReviewError(f"cannot set {self.field!r} of a {self.item}")
        if self.item == "letter" and self.action != "set":
            raise ReviewError("a letter can only have its date set")
        if self.action == "add" and (self.span is None or not isinstance(self.new, dict)):
            raise ReviewError("an addition needs the span of its source text and its values")
        if self.status not in get_args(Status):
            raise ReviewError(f"unknown status {self.status!r}")

    @property
    def id(self) -> str:
        """Deterministic id: the same correction has the same id in every store and export."""
        key = [
            self.document,
            self.letter,
            self.item,
            self.action,
            self.field,
            self.ordinal,
            self.new,
            self.span.to_list() if self.span else None,
            self.author,
            self.created_at,
        ]
        digest = hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The correction as one line of `cosignatory corrections export`."""
        return {
            "id": self.id,
            "document": self.document,
            "letter": self.letter,
            "item": self.item,
            "action": self.action,
            "field": self.field,
            "ordinal": self.ordinal,
            "old": self.old,
            "new": self.new,
            "span": self.span.to_list() if self.span else None,
            "text": self.text,
            "author": self.author,
            "created_at": self.created_at,
            "status": self.status,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Correction:
        """Read one exported correction; raises ReviewError on a malformed record."""
        try:
            span = data.get("span")
            return cls(
                document=str(data["document"]),
                letter=int(data["letter"]),
                item=data["item"],
                action=data["action"],
                field=data.get("field"),
                ordinal=data.get("ordinal"),
                old=data.get("old"),
                new=data.get("new"),
                span=Span(int(span[0]), int(span[1])) if span else None,
                text=data.get("text"),
                author=str(data.get("author") or ""),
                created_at=str(data.get("created_at") or ""),
                status=data.get("status") or "active",
                source=data.get("source"),
            )
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ReviewError(f"not a correction record: {exc}") from exc


@dataclass(frozen=True)
class Origin:
    """Where an item of a corrected letter comes from, and which of its fields were corrected."""

    machine: int | None  # ordinal in the extractor's letter, or None for an added item
    added_by: str | None = None  # id of the correction that added it
    corrected: dict[str, str] = field(default_factory=dict)  # field -> correction id


@dataclass(frozen=True)
class CorrectedLetter:
    """A letter with corrections applied, and the origin of each of its items."""

    letter: Letter
    signatories: tuple[Origin, ...]
    addressees: tuple[Origin, ...]
    date_corrected_by: str | None = None


@dataclass(frozen=True)
class Replay:
    """The outcome of replaying corrections over one document's extraction."""

    letters: list[CorrectedLetter]
    status: dict[str, Status]  # correction id -> active | needs-review (withdrawn left out)


def apply_corrections(
    document: Document, letters: Sequence[Letter], corrections: Iterable[Correction]
) -> list[Letter]:
    """`letters` with the corrections of `document` that still hold applied, in order made."""
    return [c.letter for c in replay(document, letters, corrections).letters]


def replay(
    document: Document, letters: Sequence[Letter], corrections: Iterable[Correction]
) -> Replay:
    """Apply the active corrections of `document` in order; flag those whose anchor moved."""
    work = [_Working.of(letter) for letter in letters]
    status: dict[str, Status] = {}
    mine = [c for c in corrections if c.status != "withdrawn" and concerns(c, document)]
    for correction in sorted(mine, key=lambda c: c.created_at):
        applied = _apply(document.text, work, correction)
        status[correction.id] = "active" if applied else "needs-review"
    return Replay([w.build() for w in work], status)


def concerns(correction: Correction, document: Document) -> bool:
    """Whether a correction was made on `document`, or on an earlier text of the same source."""
    if correction.document == document.sha256:
        return True
    return correction.source is not None and correction.source == document.source


@dataclass
class _Entry:
    value: Signatory | Addressee
    origin: Origin


@dataclass
class _Working:
    """A letter being corrected: mutable lists of items with their origins."""

    letter: Letter
    items: dict[str, list[_Entry]]
    date_by: str | None = None

    @classmethod
    def of(cls, letter: Letter) -> _Working:
        return cls(
            letter,
            {
                "signatory": [_Entry(s, Origin(i)) for i, s in enumerate(letter.signatories)],
                "addressee": [_Entry(a, Origin(i)) for i, a in enumerate(letter.addressees)],
            },
        )

    def build(self) -> CorrectedLetter:
        signatories, addressees = self.items["signatory"], self.items["addressee"]
        letter = replace(
            self.letter,
            signatories=tuple(e.value for e in signatories if isinstance(e.value, Signatory)),
            addressees=tuple(e.value for e in addressees if isinstance(e.value, Addressee)),
        )
        return CorrectedLetter(
            letter,
            tuple(e.origin for e in signatories),
            tuple(e.origin for e in addressees),
            self.date_by,
        )


def _apply(text: str, work: list[_Working], c: Correction) -> bool:
    """Apply one correction to `work` in place; False when its anchor no longer holds."""
    if c.span is not None and (c.span.end > len(text) or c.span.text(text) != c.text):
        return False
    target = _find_letter(work, c)
    if target is None:
        return False
    if c.item == "letter":
        if c.span is None and target.letter.date not in (c.old, c.new):
            return False
        date_span = c.span if c.span is not None else target.letter.date_span
        target.letter = replace(target.letter, date=c.new, date_span=date_span)
        target.date_by = c.id
        return True
    entries = target.items[c.item]
    if c.action == "add":
        if c.span is None or any(e.value.span == c.span for e in entries):
            return False  # the extractor now finds an item here: look again
        value = _new_item(text, c.item, c.span, c.new)
        before = sum(1 for e in entries if e.value.span is not None and e.value.span < c.span)
        entries.insert(before, _Entry(value, Origin(None, added_by=c.id)))
        return True
    at = _find_item(entries, c)
    if c.action == "remove" and at is None and c.span is not None:
        # Nothing printed there is extracted any more: the removal holds by itself.
        return not any(_overlaps(e.value.span, c.span) for e in entries)
    if at is None:
        return False
    if c.action == "remove":
        del entries[at]
        return True
    assert c.field is not None
    entry = entries[at]
    entry.value = _set_field(text, entry.value, c.field, c.new)
    entry.origin = replace(entry.origin, corrected={**entry.origin.corrected, c.field: c.id})
    return True


def _find_letter(work: list[_Working], c: Correction) -> _Working | None:
    """The letter whose text holds the correction's span, else the one at its ordinal."""
    if c.span is not None:
        for w in work:
            span = w.letter.span
            if span is not None and span.start <= c.span.start and c.span.end <= span.end:
                return w
    return work[c.letter] if 0 <= c.letter < len(work) else None


def _find_item(entries: list[_Entry], c: Correction) -> int | None:
    """The item with the correction's span; without a span, the one at its ordinal if unchanged."""
    if c.span is not None:
        return next((i for i, e in enumerate(entries) if e.value.span == c.span), None)
    if c.ordinal is None or not 0 <= c.ordinal < len(entries):
        return None
    value = entries[c.ordinal].value
    if value.span is not None:
        return None
    current = getattr(value, c.field) if c.field else item_values(value)
    return c.ordinal if current in (c.old, c.new) else None


def _overlaps(a: Span | None, b: Span) -> bool:
    return a is not None and a.start < b.end and b.start < a.end


def item_values(value: Signatory | Addressee) -> dict[str, str | None]:
    """The printed fields of a signatory or addressee, as stored in a correction's old/new."""
    if isinstance(value, Signatory):
        return {"name": value.name, "role": value.role, "organization": value.organization}
    return {"name": value.name, "role": value.role}


def _new_item(text: str, item: Item, span: Span, new: dict[str, Any]) -> Signatory | Addressee:
    values = {k: (str(v).strip() or None) if v is not None else None for k, v in new.items()}
    if item == "addressee":
        return Addressee(values.get("name"), values.get("role"), span)
    spans = {f"{k}_span": _sub_span(text, span, values.get(k)) for k in FIELDS["signatory"]}
    return Signatory(
        values.get("name"), values.get("role"), values.get("organization"), span, **spans
    )


def _set_field(
    text: str, value: Signatory | Addressee, name: str, new: Any
) -> Signatory | Addressee:
    new = (str(new).strip() or None) if new is not None else None
    if isinstance(value, Addressee):
        return replace(value, **{name: new})
    sub = _sub_span(text, value.span, new) if value.span is not None else None
    return replace(value, **{name: new, f"{name}_span": sub})


def _sub_span(text: str, span: Span | None, value: str | None) -> Span | None:
    """Where `value` is printed inside `span`, if it is printed there verbatim."""
    if span is None or not value:
        return None
    at = text.find(value, span.start, span.end)
    return Span(at, at + len(value)) if at >= 0 else None
