"""Human corrections in the store: making, listing, exporting, importing, re-checking them.

Corrections live in their own table (migration 3), keyed by the document's sha256
and ordinals, never by row ids of machine output; the machine tables are never
touched. Reading a letter "as corrected" replays its document's corrections over
the stored extraction (`cosignatory.review`). After a re-extraction, `recheck`
records which corrections no longer hold (`needs-review`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cosignatory.errors import NotFoundError, ReviewError
from cosignatory.model import Addressee, Document, Extraction, Letter, Sender, Signatory, Span
from cosignatory.review import (
    FIELDS,
    Action,
    CorrectedLetter,
    Correction,
    Item,
    Status,
    item_values,
    replay,
)
from cosignatory.store.db import Store
from cosignatory.store.letters import get_letter, mention_id

Row = dict[str, Any]
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass
class ImportReport:
    """What one `import_corrections` did."""

    added: int = 0
    existing: int = 0  # already in the store (same id)
    without_document: int = 0  # kept, but their document is not (yet) in the store


def correct(
    store: Store,
    letter: str,
    item: Item,
    action: Action,
    *,
    author: str,
    target: str | int | None = None,
    field: str | None = None,
    new: Any = None,
    span: Span | None = None,
) -> Correction:
    """Record one correction of a letter as it now reads (corrected); returns it.

    `target` is a signatory id (a mention id, or the id an addition got) or an
    addressee's position; `span` is the selected source text for an addition, or
    for a date.
    """
    document, letters, ordinal = _letter_context(store, letter)
    corrections = corrections_of(store, document)
    current = replay(document, letters, corrections).letters[ordinal]
    made: dict[str, Any] = {"new": new, "span": span}
    if item == "letter":
        field = "date"
        if new is not None and not _DATE.fullmatch(str(new)):
            raise ReviewError(f"not an ISO date: {new!r} (write 2025-12-25, 2025-12 or 2025)")
        made.update(old=current.letter.date, span=span or current.letter.date_span)
    elif action == "add":
        made.update(new=_added_values(item, new), span=_selection(document, current, item, span))
    else:
        at = _item_index(letter, current, item, target)
        items = current.letter.signatories if item == "signatory" else current.letter.addressees
        value = items[at]
        old = item_values(value) if action == "remove" else item_values(value).get(field or "")
        made.update(ordinal=at, old=old, span=value.span)
    span = made["span"]
    correction = Correction(
        document=document.sha256,
        letter=ordinal,
        item=item,
        action=action,
        field=field if action == "set" else None,
        text=span.text(document.text) if span is not None else None,
        author=author,
        created_at=datetime.now(UTC).isoformat(timespec="microseconds"),
        source=document.source,
        **made,
    )
    if replay(document, letters, [*corrections, correction]).status[correction.id] != "active":
        raise ReviewError("this correction does not apply to the letter as it now reads")
    with store.transaction():
        _insert(store.conn, correction)
    return correction


def withdraw(store: Store, correction_id: str) -> None:
    """Stop applying a correction; it stays in the store, with who made it and when."""
    with store.transaction() as conn:
        cursor = conn.execute(
            "UPDATE corrections SET status = 'withdrawn' WHERE id = ?", (correction_id,)
        )
        if cursor.rowcount == 0:
            raise NotFoundError(f"no correction {correction_id!r}; `cosignatory corrections list`")


def list_corrections(
    store: Store,
    *,
    document: str | None = None,
    letter: str | None = None,
    status: Status | None = None,
) -> list[Correction]:
    """Corrections in the order they were made; by document sha256, letter id, or status."""
    sql, args = "SELECT * FROM corrections c WHERE 1", []
    if document is not None:
        sql += " AND c.document_sha256 = ?"
        args.append(document)
    if letter is not None:
        row = store.conn.execute(
            "SELECT d.sha256, l.ordinal FROM letters l JOIN documents d ON d.id = l.document_id"
            " WHERE l.id = ?",
            (letter,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no letter {letter!r}; `cosignatory letters` lists them")
        sql += " AND c.document_sha256 = ? AND c.letter = ?"
        args.extend(row)
    if status is not None:
        sql += " AND c.status = ?"
        args.append(status)
    rows = store.conn.execute(sql + " ORDER BY c.created_at, c.rowid", args)
    return [_correction(row) for row in rows]


def corrections_of(store: Store, document: Document) -> list[Correction]:
    """The corrections made on `document`, or on an earlier text of it no longer stored."""
    rows = store.conn.execute(
        f"SELECT * FROM corrections c WHERE {_CONCERNS} ORDER BY c.created_at, c.rowid",
        {"sha256": document.sha256, "source": document.source},
    )
    return [_correction(row) for row in rows]


# A correction concerns the document it was made on, or, once that text is gone from
# the store, a document read from the same source (its text is then checked span by span).
_CONCERNS = """(c.document_sha256 = :sha256 OR (c.source = :source AND NOT EXISTS
    (SELECT 1 FROM documents x WHERE x.sha256 = c.document_sha256)))"""


def import_corrections(store: Store, records: Iterable[dict[str, Any]]) -> ImportReport:
    """Add exported corrections (JSON objects) not yet in the store, then re-check them."""
    report = ImportReport()
    corrections = [Correction.from_dict(record) for record in records]
    with store.transaction() as conn:
        known = {row[0] for row in conn.execute("SELECT sha256 FROM documents")}
        for correction in corrections:
            if conn.execute("SELECT 1 FROM corrections WHERE id = ?", (correction.id,)).fetchone():
                report.existing += 1
                continue
            _insert(conn, correction)
            report.added += 1
            report.without_document += correction.document not in known
        recheck(store)
    return report


def recheck(store: Store, document_id: str | None = None) -> dict[Status, int]:
    """Replay corrections over the stored extraction and record which no longer hold.

    Call it after `replace_extraction` (in the same transaction): corrections whose
    item moved or whose source text changed become `needs-review`; those that hold
    again become `active`. Returns how many of each there are now.
    """
    sql = (
        "SELECT DISTINCT d.id FROM corrections c JOIN documents d"
        " ON d.sha256 = c.document_sha256 OR (c.source = d.source AND NOT EXISTS"
        " (SELECT 1 FROM documents x WHERE x.sha256 = c.document_sha256))"
        " WHERE c.status != 'withdrawn'"
    )
    args: tuple[str, ...] = ()
    if document_id is not None:
        sql, args = sql + " AND d.id = ?", (document_id,)
    totals: Counter[Status] = Counter()
    with store.transaction() as conn:
        for (doc_id,) in conn.execute(sql, args).fetchall():
            document, letters = load_extraction(store, doc_id)
            outcome = replay(document, letters, corrections_of(store, document))
            for cid, status in outcome.status.items():
                conn.execute("UPDATE corrections SET status = ? WHERE id = ?", (status, cid))
                totals[status] += 1
    return dict(totals)


def load_extraction(store: Store, document_id: str) -> tuple[Document, list[Letter]]:
    """A stored document and its letters, as extraction made them (no corrections)."""
    conn = store.conn
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no document {document_id!r}")
    document = Document(
        row["source"], row["text"], row["format"], row["title"], row["url"], row["published"]
    )
    letters = []
    for lr in conn.execute(
        "SELECT * FROM letters WHERE document_id = ? ORDER BY ordinal", (document_id,)
    ).fetchall():
        where = (lr["id"],)
        addressees = tuple(
            Addressee(r["name"], r["role"], _span(r["start"], r["end"]))
            for r in conn.execute(
                "SELECT * FROM addressees WHERE letter_id = ? ORDER BY ordinal", where
            )
        )
        senders = tuple(
            Sender(r["name"], _span(r["start"], r["end"]))
            for r in conn.execute(
                "SELECT * FROM senders WHERE letter_id = ? ORDER BY ordinal", where
            )
        )
        signatories = tuple(
            Signatory(
                r["name"],
                r["role"],
                r["organization"],
                _span(r["start"], r["end"]),
                _span(r["name_start"], r["name_end"]),
                _span(r["role_start"], r["role_end"]),
                _span(r["organization_start"], r["organization_end"]),
            )
            for r in conn.execute(
                "SELECT * FROM mentions WHERE letter_id = ? ORDER BY ordinal", where
            )
        )
        letters.append(
            Letter(
                bool(lr["reproduced"]),
                lr["date"],
                _span(lr["date_start"], lr["date_end"]),
                addressees,
                senders,
                signatories,
                _span(lr["start"], lr["end"]),
                lr["title"],
            )
        )
    return document, letters


def corrected_extraction(store: Store, document_id: str) -> Extraction:
    """A stored document with its letters as corrected: what exports should read."""
    document, letters = load_extraction(store, document_id)
    outcome = replay(document, letters, corrections_of(store, document))
    return Extraction(document, tuple(c.letter for c in outcome.letters))


def corrected_extractions(store: Store) -> Iterator[Extraction]:
    """Every stored document with its letters as corrected, in ingest order."""
    ids = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid")]
    for document_id in ids:
        yield corrected_extraction(store, document_id)


def corrected_letter(store: Store, letter: str) -> Row:
    """`get_letter` as corrected, with each item's origin and the letter's corrections.

    Signatories keep their mention id (an added one gets `<letter id>+<correction id>`)
    and carry `corrected` ({field: correction id}) and `added_by`; addressees too.
    `corrections` lists the letter's corrections with their status.
    """
    out = get_letter(store, letter)
    document, letters, ordinal = _letter_context(store, letter)
    corrections = corrections_of(store, document)
    outcome = replay(document, letters, corrections)
    current = outcome.letters[ordinal]
    out["date"] = current.letter.date
    out["date_start"], out["date_end"] = _pair(current.letter.date_span)
    out["date_corrected_by"] = current.date_corrected_by
    out["signatories"] = [
        {
            "id": _item_id(letter, origin.machine, origin.added_by),
            "letter_id": letter,
            "date": current.letter.date,
            **item_values(s),
            **_spans(s),
            "corrected": origin.corrected,
            "added_by": origin.added_by,
        }
        for s, origin in zip(current.letter.signatories, current.signatories, strict=True)
    ]
    out["addressees"] = [
        {
            "ordinal": i,
            **item_values(a),
            "start": _pair(a.span)[0],
            "end": _pair(a.span)[1],
            "corrected": origin.corrected,
            "added_by": origin.added_by,
        }
        for i, (a, origin) in enumerate(
            zip(current.letter.addressees, current.addressees, strict=True)
        )
    ]
    out["corrections"] = [
        {**c.to_dict(), "status": outcome.status.get(c.id, c.status)}
        for c in corrections
        if c.letter == ordinal
    ]
    return out


def _letter_context(store: Store, letter: str) -> tuple[Document, list[Letter], int]:
    row = store.conn.execute(
        "SELECT document_id, ordinal FROM letters WHERE id = ?", (letter,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no letter {letter!r}; `cosignatory letters` lists them")
    document, letters = load_extraction(store, row["document_id"])
    return document, letters, int(row["ordinal"])


def _item_id(letter: str, machine: int | None, added_by: str | None) -> str:
    return mention_id(letter, machine) if machine is not None else f"{letter}+{added_by}"


def _item_index(letter: str, current: CorrectedLetter, item: Item, target: str | int | None) -> int:
    if item == "addressee":
        if isinstance(target, int) and 0 <= target < len(current.letter.addressees):
            return target
        raise NotFoundError(f"letter {letter} has no addressee {target!r}")
    for i, origin in enumerate(current.signatories):
        if _item_id(letter, origin.machine, origin.added_by) == target:
            return i
    raise NotFoundError(f"letter {letter} has no signatory {target!r}")


def _added_values(item: Item, new: Any) -> dict[str, str | None]:
    if not isinstance(new, dict):
        raise ReviewError(f"an added {item} needs its values")
    values = {k: (str(new[k]).strip() or None) if new.get(k) else None for k in FIELDS[item]}
    if not values.get("name") and not values.get("organization" if item == "signatory" else "role"):
        raise ReviewError(f"an added {item} needs at least a name")
    return values


def _selection(document: Document, current: CorrectedLetter, item: Item, span: Span | None) -> Span:
    if span is None or not 0 <= span.start < span.end <= len(document.text):
        raise ReviewError("select the text of the missed item in the source")
    bounds = current.letter.span
    if bounds is not None and not (bounds.start <= span.start and span.end <= bounds.end):
        raise ReviewError("the selected text is outside this letter")
    items = current.letter.signatories if item == "signatory" else current.letter.addressees
    if any(value.span == span for value in items):
        raise ReviewError(f"that text is already a {item}: correct it instead")
    return span


def _insert(conn: sqlite3.Connection, c: Correction) -> None:
    conn.execute(
        "INSERT INTO corrections (id, document_sha256, letter, item, action, field, ordinal, old,"
        " new, start, end, text, author, created_at, status, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            c.id,
            c.document,
            c.letter,
            c.item,
            c.action,
            c.field,
            c.ordinal,
            json.dumps(c.old, ensure_ascii=False),
            json.dumps(c.new, ensure_ascii=False),
            *_pair(c.span),
            c.text,
            c.author,
            c.created_at,
            c.status,
            c.source,
        ),
    )


def _correction(row: sqlite3.Row) -> Correction:
    correction = Correction(
        document=row["document_sha256"],
        letter=row["letter"],
        item=row["item"],
        action=row["action"],
        field=row["field"],
        ordinal=row["ordinal"],
        old=json.loads(row["old"]),
        new=json.loads(row["new"]),
        span=_span(row["start"], row["end"]),
        text=row["text"],
        author=row["author"],
        created_at=row["created_at"],
        status=row["status"],
        source=row["source"],
    )
    if correction.id != row["id"]:  # never expected: ids are content-derived
        raise ReviewError(f"correction {row['id']} was altered in the store")
    return correction


def _span(start: int | None, end: int | None) -> Span | None:
    return Span(start, end) if start is not None and end is not None else None


def _pair(span: Span | None) -> tuple[int | None, int | None]:
    return (span.start, span.end) if span else (None, None)


def _spans(s: Signatory) -> Row:
    out: Row = {}
    for name, span in (
        ("", s.span),
        ("name_", s.name_span),
        ("role_", s.role_span),
        ("organization_", s.organization_span),
    ):
        out[f"{name}start"], out[f"{name}end"] = _pair(span)
    return out
