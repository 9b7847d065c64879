"""The data model: documents, letters and the mentions extracted from them.

Every extracted fact carries a `Span` of the document text it came from, so a
reader can cite it. These are plain frozen dataclasses: no I/O, no engine.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) in `Document.text`."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Document:
    """One source document as text, with the metadata its container gave."""

    source: str  # file path, or "path#line" for a JSON Lines record
    text: str
    format: str  # text | markdown | html | pdf | jsonl
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (or datetime) from metadata, if any

    @property
    def sha256(self) -> str:
        """Content hash of the text: the identity of a document in the store."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        return self.sha256[:16]


@dataclass(frozen=True)
class Addressee:
    name: str | None
    role: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class Sender:
    name: str
    span: Span | None = None


@dataclass(frozen=True)
class Signatory:
    """One entry of a signature list: a person, an organization, or both."""

    name: str | None
    role: str | None = None
    organization: str | None = None
    span: Span | None = None  # the whole entry
    name_span: Span | None = None
    role_span: Span | None = None
    organization_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "organization": self.organization,
            "span": self.span.to_list() if self.span else None,
        }


@dataclass(frozen=True)
class Letter:
    """An open letter, appeal or petition found in a document."""

    reproduced: bool
    date: str | None = None  # ISO 8601, partial allowed ("2025-12")
    date_span: Span | None = None
    addressees: tuple[Addressee, ...] = ()
    senders: tuple[Sender, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    span: Span | None = None  # the letter's text, or the report of it
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The letter in the shape of the gold format (see shared/eval/GOLD_FORMAT.md)."""
        return {
            "reproduced": self.reproduced,
            "date": self.date,
            "addressees": [a.to_dict() for a in self.addressees],
            "senders": [s.name for s in self.senders],
            "signatories": [s.to_dict() for s in self.signatories],
        }


@dataclass(frozen=True)
class Extraction:
    """What extraction made of one document."""

    document: Document
    letters: tuple[Letter, ...] = field(default_factory=tuple)
