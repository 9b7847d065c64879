"""The tables a distributed run writes, and the rows of each, as plain Python.

One Parquet folder per table under the output directory. Letters keep their addressees,
senders and signatories nested (one row is one `Letter`, so it converts both ways without
loss); `mentions` is the same signatories flat, with the entities resolution gave them.
Ids are the store's (`letter_id`, `mention_id`), so a run's output loads into the store as
the single-machine path would have written it. No Spark here: the schemas are DDL strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cosignatory.analyze.reuse import Reuse
from cosignatory.model import Addressee, Document, Letter, Sender, Signatory, Span
from cosignatory.store.letters import letter_id, mention_id

Row = dict[str, Any]

DOCUMENTS = (
    "id string, sha256 string, source string, format string, title string, url string,"
    " published string, text string, seq long"
)
ERRORS = "source string, reason string"
_SPAN = "start int, end int"
_SIGNATORY_FIELDS = (
    f"name string, role string, organization string, {_SPAN}, name_start int, name_end int,"
    " role_start int, role_end int, organization_start int, organization_end int"
)
SIGNATORY = f"id string, {_SIGNATORY_FIELDS}"
LETTERS = (
    "id string, document_id string, ordinal int, reproduced boolean, date string,"
    f" date_start int, date_end int, title string, {_SPAN}, seq long,"
    f" addressees array<struct<name: string, role: string, {_SPAN}>>,"
    f" senders array<struct<name: string, {_SPAN}>>,"
    f" signatories array<struct<{SIGNATORY}>>"
)
MENTIONS = (
    f"id string, letter_id string, ordinal int, date string, {_SIGNATORY_FIELDS},"
    " person_id string, organization_id string"
)
# What the resolution task yields: rows of three kinds, told apart by `row`
# ("assignment": mention → entity; "entity"; "evidence": why two mentions were merged).
RESOLUTION = (
    "row string, kind string, entity_id string, mention_id string, caption string,"
    " names array<string>, mentions int, left_mention string, right_mention string,"
    " left_name string, right_name string, score double, features string"
)
ENTITIES = "id string, kind string, caption string, names array<string>, mentions int"
EVIDENCE = (
    "entity_id string, kind string, left_mention string, right_mention string,"
    " left_name string, right_name string, score double, features string"
)
# A passage two letters share (`cosignatory.analyze.reuse.Reuse`), spans in document offsets.
REUSE = (
    "letter_a string, a_start int, a_end int, a_words int,"
    " letter_b string, b_start int, b_end int, b_words int, matched int, similarity double"
)
TABLES = (
    "documents",
    "letters",
    "mentions",
    "entities",
    "memberships",
    "evidence",
    "reuse",
    "errors",
)


def columns(ddl: str) -> list[str]:
    """The column names of a flat DDL schema."""
    return [part.split()[0] for part in ddl.split(",")]


SIGNATORY_COLUMNS = columns(_SIGNATORY_FIELDS)


def document_row(document: Document, seq: int) -> Row:
    """A document as a row; `seq` is its place in reading order (file, then record)."""
    return {
        "id": document.id,
        "sha256": document.sha256,
        "source": document.source,
        "format": document.format,
        "title": document.title,
        "url": document.url,
        "published": document.published,
        "text": document.text,
        "seq": seq,
    }


def row_document(row: Mapping[str, Any]) -> Document:
    return Document(
        row["source"], row["text"], row["format"], row["title"], row["url"], row["published"]
    )


def letter_rows(document_id: str, seq: int, letters: list[Letter]) -> list[Row]:
    """One row per letter, nested, with the store's ids."""
    return [
        {
            "id": letter_id(document_id, ordinal),
            "document_id": document_id,
            "ordinal": ordinal,
            "reproduced": letter.reproduced,
            "date": letter.date,
            **_span(letter.date_span, "date_"),
            "title": letter.title,
            **_span(letter.span),
            "seq": seq,
            "addressees": [
                {"name": a.name, "role": a.role, **_span(a.span)} for a in letter.addressees
            ],
            "senders": [{"name": s.name, **_span(s.span)} for s in letter.senders],
            "signatories": [
                _signatory(mention_id(letter_id(document_id, ordinal), i), s)
                for i, s in enumerate(letter.signatories)
            ],
        }
        for ordinal, letter in enumerate(letters)
    ]


def reuse_row(reuse: Reuse) -> Row:
    return {
        "letter_a": reuse.a.key,
        "a_start": reuse.a.start,
        "a_end": reuse.a.end,
        "a_words": reuse.a.words,
        "letter_b": reuse.b.key,
        "b_start": reuse.b.start,
        "b_end": reuse.b.end,
        "b_words": reuse.b.words,
        "matched": reuse.matched,
        "similarity": reuse.similarity,
    }


def row_letter(row: Mapping[str, Any]) -> Letter:
    """A letters row back to the `Letter` it was made from."""
    return Letter(
        reproduced=bool(row["reproduced"]),
        date=row["date"],
        date_span=_to_span(row, "date_"),
        addressees=tuple(
            Addressee(a["name"], a["role"], _to_span(a)) for a in row["addressees"] or ()
        ),
        senders=tuple(Sender(s["name"], _to_span(s)) for s in row["senders"] or ()),
        signatories=tuple(
            Signatory(
                s["name"],
                s["role"],
                s["organization"],
                _to_span(s),
                _to_span(s, "name_"),
                _to_span(s, "role_"),
                _to_span(s, "organization_"),
            )
            for s in row["signatories"] or ()
        ),
        span=_to_span(row),
        title=row["title"],
    )


def _signatory(mid: str, s: Signatory) -> Row:
    return {
        "id": mid,
        "name": s.name,
        "role": s.role,
        "organization": s.organization,
        **_span(s.span),
        **_span(s.name_span, "name_"),
        **_span(s.role_span, "role_"),
        **_span(s.organization_span, "organization_"),
    }


def _span(span: Span | None, prefix: str = "") -> Row:
    return {
        f"{prefix}start": span.start if span else None,
        f"{prefix}end": span.end if span else None,
    }


def _to_span(row: Mapping[str, Any], prefix: str = "") -> Span | None:
    start, end = row[f"{prefix}start"], row[f"{prefix}end"]
    return Span(start, end) if start is not None and end is not None else None
