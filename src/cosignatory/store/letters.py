"""Writing extraction results to the store and reading letters back.

Ids are content-derived (document id from the text's sha256, then ordinals), so
the same document always yields the same letter and mention ids, in any store.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

from cosignatory.errors import NotFoundError
from cosignatory.model import Document, Letter, Span
from cosignatory.store.db import Store

Row = dict[str, Any]


def letter_id(document_id: str, ordinal: int) -> str:
    return f"{document_id}-{ordinal}"


def mention_id(letter: str, ordinal: int) -> str:
    return f"{letter}-{ordinal}"


def has_document(store: Store, document: Document) -> bool:
    row = store.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (document.sha256,))
    return row.fetchone() is not None


def save_extraction(
    store: Store, document: Document, letters: list[Letter], extractor_version: str
) -> bool:
    """Store a document and its letters in one transaction; False if it was already stored."""
    with store.transaction() as conn:
        if has_document(store, document):
            return False
        conn.execute(
            "INSERT INTO documents (id, sha256, source, format, title, url, published, text,"
            " extractor_version, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.id,
                document.sha256,
                document.source,
                document.format,
                document.title,
                document.url,
                document.published,
                document.text,
                extractor_version,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        _insert_letters(conn, document.id, letters)
    return True


def replace_extraction(
    store: Store, document_id: str, letters: list[Letter], extractor_version: str
) -> None:
    """Swap a stored document's machine output for a newer extractor's (ids stay stable)."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM letters WHERE document_id = ?", (document_id,))
        conn.execute(
            "UPDATE documents SET extractor_version = ? WHERE id = ?",
            (extractor_version, document_id),
        )
        _insert_letters(conn, document_id, letters)


def _insert_letters(conn: sqlite3.Connection, document_id: str, letters: list[Letter]) -> None:
    for ordinal, letter in enumerate(letters):
        lid = letter_id(document_id, ordinal)
        conn.execute(
            "INSERT INTO letters (id, document_id, ordinal, reproduced, date, date_start, date_end,"
            " title, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                lid,
                document_id,
                ordinal,
                int(letter.reproduced),
                letter.date,
                *_span(letter.date_span),
                letter.title,
                *_span(letter.span),
            ),
        )
        conn.executemany(
            "INSERT INTO addressees (letter_id, ordinal, name, role, start, end)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(lid, i, a.name, a.role, *_span(a.span)) for i, a in enumerate(letter.addressees)],
        )
        conn.executemany(
            "INSERT INTO senders (letter_id, ordinal, name, start, end) VALUES (?, ?, ?, ?, ?)",
            [(lid, i, s.name, *_span(s.span)) for i, s in enumerate(letter.senders)],
        )
        conn.executemany(
            "INSERT INTO mentions (id, letter_id, ordinal, name, role, organization, start, end,"
            " name_start, name_end, role_start, role_end, organization_start, organization_end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    mention_id(lid, i),
                    lid,
                    i,
                    s.name,
                    s.role,
                    s.organization,
                    *_span(s.span),
                    *_span(s.name_span),
                    *_span(s.role_span),
                    *_span(s.organization_span),
                )
                for i, s in enumerate(letter.signatories)
            ],
        )


def _span(span: Span | None) -> tuple[int | None, int | None]:
    return (span.start, span.end) if span else (None, None)


LETTER_COLUMNS = """
    l.id, l.date, l.reproduced,
    (SELECT group_concat(coalesce(name, role), '; ') FROM addressees a WHERE a.letter_id = l.id)
        AS addressees,
    (SELECT group_concat(name, '; ') FROM senders s WHERE s.letter_id = l.id) AS senders,
    (SELECT count(*) FROM mentions m WHERE m.letter_id = l.id) AS signatories,
    d.title, d.source, l.document_id
"""


def list_letters(store: Store) -> list[Row]:
    """Every letter with its date, addressees, senders and number of signatories."""
    sql = (
        f"SELECT {LETTER_COLUMNS} FROM letters l JOIN documents d ON d.id = l.document_id"
        " ORDER BY l.date IS NULL, l.date, l.id"
    )
    return [_row(r) for r in store.conn.execute(sql)]


def get_letter(store: Store, letter: str) -> Row:
    """One letter with its addressees, senders, signatories and the document text."""
    row = store.conn.execute(
        f"SELECT {LETTER_COLUMNS}, l.start, l.end, l.date_start, l.date_end, d.text, d.url,"
        " d.published FROM letters l JOIN documents d ON d.id = l.document_id WHERE l.id = ?",
        (letter,),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no letter {letter!r}; `cosignatory letters` lists them")
    out = _row(row)
    out["addressees"] = _rows(
        store.conn.execute(
            "SELECT name, role, start, end FROM addressees WHERE letter_id = ? ORDER BY ordinal",
            (letter,),
        )
    )
    out["senders"] = _rows(
        store.conn.execute(
            "SELECT name, start, end FROM senders WHERE letter_id = ? ORDER BY ordinal", (letter,)
        )
    )
    out["signatories"] = list_signatories(store, letter)
    return out


def list_signatories(store: Store, letter: str | None = None) -> list[Row]:
    """Signatory mentions as printed, with their spans, for one letter or all."""
    sql = (
        "SELECT m.id, m.letter_id, l.date, m.name, m.role, m.organization, m.start, m.end,"
        " m.name_start, m.name_end, m.role_start, m.role_end, m.organization_start,"
        " m.organization_end FROM mentions m JOIN letters l ON l.id = m.letter_id"
    )
    if letter is not None:
        if store.conn.execute("SELECT 1 FROM letters WHERE id = ?", (letter,)).fetchone() is None:
            raise NotFoundError(f"no letter {letter!r}; `cosignatory letters` lists them")
        return _rows(
            store.conn.execute(sql + " WHERE m.letter_id = ? ORDER BY m.ordinal", (letter,))
        )
    return _rows(
        store.conn.execute(sql + " ORDER BY l.date IS NULL, l.date, m.letter_id, m.ordinal")
    )


def counts(store: Store) -> Row:
    """How many documents, letters and signatory mentions the store holds."""
    row = store.conn.execute(
        "SELECT (SELECT count(*) FROM documents) AS documents,"
        " (SELECT count(*) FROM letters) AS letters,"
        " (SELECT count(*) FROM mentions) AS signatories"
    ).fetchone()
    return _row(row)


def _row(row: sqlite3.Row) -> Row:
    out = dict(row)
    if "reproduced" in out:
        out["reproduced"] = bool(out["reproduced"])
    return out


def _rows(cursor: sqlite3.Cursor) -> list[Row]:
    return [_row(r) for r in cursor]
