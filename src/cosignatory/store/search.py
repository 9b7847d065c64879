"""Finding things in the store: full-text search and the filtered, sorted letter list.

The FTS5 index (`search_fts`, migration 2) is kept current by triggers on documents,
mentions, senders and addressees, so nothing has to call this module on ingest.
User queries are turned into quoted FTS5 terms here, so no input is ever read as
FTS5 syntax. Snippets come back as parts with a `match` flag: callers escape the
text, never a marker.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from cosignatory.store.db import Store

Row = dict[str, Any]

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters never found in documents
_PHRASE = re.compile(r'"([^"]*)"|(\w+)')
_WORD = re.compile(r"\w+")


def fts_query(q: str) -> str:
    """A user's query as FTS5 syntax: words and "quoted phrases", all required."""
    terms = []
    for phrase, word in _PHRASE.findall(q):
        words = _WORD.findall(phrase) if phrase else [word]
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms)


def search(store: Store, q: str, limit: int = 50, offset: int = 0) -> Row:
    """Documents, signatories, senders and addressees matching `q`, best first, with snippets."""
    match = fts_query(q)
    if not match:
        return {"query": q, "total": 0, "results": []}
    total = store.conn.execute(
        "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (match,)
    ).fetchone()[0]
    rows = store.conn.execute(
        "SELECT r.kind, r.ref, r.letter_id,"
        f" snippet(search_fts, 1, '{_OPEN}', '{_CLOSE}', '…', 16) AS snippet"
        " FROM search_fts CROSS JOIN search_rows r ON r.rowid = search_fts.rowid"
        " WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 5.0, 1.0) LIMIT ? OFFSET ?",
        (match, limit, offset),
    ).fetchall()
    return {"query": q, "total": total, "results": [_result(store, r) for r in rows]}


def _result(store: Store, row: sqlite3.Row) -> Row:
    out: Row = {"kind": row["kind"], "snippet": snippet_parts(row["snippet"])}
    if row["kind"] == "document":
        doc = store.conn.execute(
            "SELECT id, title, source FROM documents WHERE id = ?", (row["ref"],)
        ).fetchone()
        out.update(document_id=doc["id"], title=doc["title"], source=doc["source"])
        out["letters"] = [
            dict(r)
            for r in store.conn.execute(
                "SELECT id, date FROM letters WHERE document_id = ? ORDER BY ordinal",
                (row["ref"],),
            )
        ]
        return out
    letter = store.conn.execute(
        "SELECT l.id, l.date, d.title, d.source FROM letters l"
        " JOIN documents d ON d.id = l.document_id WHERE l.id = ?",
        (row["letter_id"],),
    ).fetchone()
    out.update(letter_id=letter["id"], date=letter["date"], title=letter["title"])
    out["source"] = letter["source"]
    out["mention_id"] = row["ref"] if row["kind"] == "signatory" else None
    return out


def snippet_parts(snippet: str) -> list[Row]:
    """An FTS5 snippet as [{"text", "match"}], marked by the private-use delimiters."""
    parts: list[Row] = []
    for i, chunk in enumerate(re.split(f"[{_OPEN}{_CLOSE}]", snippet)):
        if chunk:
            parts.append({"text": chunk, "match": i % 2 == 1})
    return parts


def rebuild(store: Store) -> None:
    """Re-index everything (for a store whose tables were changed with triggers off)."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM search_fts")
        conn.execute("DELETE FROM search_rows")
        conn.execute("INSERT INTO search_rows (kind, ref) SELECT 'document', id FROM documents")
        conn.execute(
            "INSERT INTO search_rows (kind, ref, letter_id)"
            " SELECT 'signatory', id, letter_id FROM mentions"
        )
        for table in ("senders", "addressees"):
            conn.execute(
                "INSERT INTO search_rows (kind, ref, letter_id)"
                f" SELECT '{table[:-1]}', letter_id || ':' || ordinal, letter_id FROM {table}"
            )
        conn.execute(
            "INSERT INTO search_fts (rowid, title, body) SELECT r.rowid, d.title, d.text"
            " FROM search_rows r JOIN documents d ON r.kind = 'document' AND d.id = r.ref"
        )
        conn.execute(
            "INSERT INTO search_fts (rowid, body) SELECT r.rowid, coalesce(m.name, '') || ' '"
            " || coalesce(m.role, '') || ' ' || coalesce(m.organization, '') FROM search_rows r"
            " JOIN mentions m ON r.kind = 'signatory' AND m.id = r.ref"
        )
        conn.execute(
            "INSERT INTO search_fts (rowid, body) SELECT r.rowid, s.name FROM search_rows r"
            " JOIN senders s ON r.kind = 'sender' AND r.ref = s.letter_id || ':' || s.ordinal"
        )
        conn.execute(
            "INSERT INTO search_fts (rowid, body) SELECT r.rowid, coalesce(a.name, '') || ' '"
            " || coalesce(a.role, '') FROM search_rows r JOIN addressees a"
            " ON r.kind = 'addressee' AND r.ref = a.letter_id || ':' || a.ordinal"
        )


_SIGNATORIES = "(SELECT count(*) FROM mentions m WHERE m.letter_id = l.id)"
SORTS = {
    "date": "l.date IS NULL, l.date",
    "signatories": "signatories",
    "title": "d.title IS NULL, d.title",
    "id": "l.id",
}


@dataclass(frozen=True)
class LetterFilter:
    """What the letter list shows: each set field narrows it.

    A text filter keeps letters where it is part of the field, and its words begin words
    of the field (the full-text index finds those fast): "Hasan" finds "Leyla Hasanova".
    """

    date_from: str | None = None  # ISO date, partial allowed; compared on its own length
    date_to: str | None = None
    sender: str | None = None
    addressee: str | None = None
    signatory: str | None = None
    organization: str | None = None
    mention_ids: tuple[str, ...] | None = None  # only letters with one of these mentions
    sort: str = "date"
    descending: bool = False


def find_letters(store: Store, where: LetterFilter, limit: int = 50, offset: int = 0) -> Row:
    """One page of letters matching `where`, sorted, with the total count.

    The filter is evaluated once: the page's ids and the total come from one query (a
    window count), then the page's columns are read for those ids only.
    """
    clauses, params = _clauses(where)
    sql_where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    order = SORTS.get(where.sort, SORTS["date"])
    if where.descending:
        order = ", ".join(f"{part} DESC" for part in order.split(", "))
    page = store.conn.execute(
        f"SELECT l.id, count(*) OVER () FROM letters l JOIN documents d ON d.id = l.document_id"
        f"{sql_where} ORDER BY {order.replace('signatories', _SIGNATORIES)}, l.id"
        " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    if page:
        total = page[0][1]
    else:  # past the last page (or nothing matches): count on its own
        total = store.conn.execute(f"SELECT count(*) FROM letters l{sql_where}", params).fetchone()[
            0
        ]
    marks = ", ".join("?" * len(page))
    rows = store.conn.execute(
        "SELECT l.id, l.date, l.reproduced, d.title, d.source, l.document_id,"
        " (SELECT group_concat(coalesce(name, role), '; ') FROM addressees a"
        "  WHERE a.letter_id = l.id) AS addressees,"
        " (SELECT group_concat(name, '; ') FROM senders s WHERE s.letter_id = l.id) AS senders,"
        f" {_SIGNATORIES} AS signatories"
        f" FROM letters l JOIN documents d ON d.id = l.document_id WHERE l.id IN ({marks})"
        f" ORDER BY {order}, l.id",
        [r[0] for r in page],
    ).fetchall()
    letters = [{**dict(r), "reproduced": bool(r["reproduced"])} for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "letters": letters}


def _clauses(where: LetterFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if where.date_from:
        clauses.append("substr(l.date, 1, length(?)) >= ?")
        params += [where.date_from, where.date_from]
    if where.date_to:
        clauses.append("substr(l.date, 1, length(?)) <= ?")
        params += [where.date_to, where.date_to]
    for kind, text, check in (
        (
            "sender",
            where.sender,
            "EXISTS (SELECT 1 FROM senders s WHERE s.letter_id = l.id"
            " AND s.name LIKE ? ESCAPE '\\')",
        ),
        (
            "addressee",
            where.addressee,
            "EXISTS (SELECT 1 FROM addressees a WHERE a.letter_id = l.id"
            " AND (coalesce(a.name, '') || ' ' || coalesce(a.role, '')) LIKE ? ESCAPE '\\')",
        ),
        (
            "signatory",
            where.signatory,
            "EXISTS (SELECT 1 FROM mentions m WHERE m.letter_id = l.id"
            " AND m.name LIKE ? ESCAPE '\\')",
        ),
        (
            "signatory",
            where.organization,
            "EXISTS (SELECT 1 FROM mentions m WHERE m.letter_id = l.id"
            " AND m.organization LIKE ? ESCAPE '\\')",
        ),
    ):
        if not text:
            continue
        words = _WORD.findall(text)
        if words:  # the index narrows to letters with words starting so; LIKE then checks
            clauses.append(
                "l.id IN (SELECT r.letter_id FROM search_fts CROSS JOIN search_rows r"
                " ON r.rowid = search_fts.rowid WHERE search_fts MATCH ? AND r.kind = ?)"
            )
            params += [" ".join(f'"{w}"*' for w in words), kind]
        clauses.append(check)
        params.append(_like(text))
    if where.mention_ids is not None:
        marks = ", ".join("?" * len(where.mention_ids)) or "NULL"
        clauses.append(f"l.id IN (SELECT letter_id FROM mentions WHERE id IN ({marks}))")
        params += list(where.mention_ids)
    return clauses, params


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def letters_sharing_signatories(store: Store, letter: str, limit: int = 20) -> list[Row]:
    """Other letters signed by the same people (resolved, else the same printed name)."""
    resolved = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mention_entities'"
    ).fetchone()
    if resolved:
        pairs = (
            "SELECT m2.letter_id, m1.name AS shared"
            " FROM mentions m1"
            " JOIN mention_entities e1 ON e1.mention_id = m1.id AND e1.kind = 'person'"
            " JOIN mention_entities e2 ON e2.entity_id = e1.entity_id"
            " JOIN mentions m2 ON m2.id = e2.mention_id"
            " WHERE m1.letter_id = ? AND m2.letter_id != m1.letter_id"
        )
    else:
        pairs = (
            "SELECT m2.letter_id, m1.name AS shared FROM mentions m1"
            " JOIN mentions m2 ON m2.name = m1.name"
            " WHERE m1.letter_id = ? AND m2.letter_id != m1.letter_id"
        )
    rows = store.conn.execute(
        "SELECT p.letter_id AS id, l.date, d.title, count(DISTINCT p.shared) AS shared,"
        " json_group_array(DISTINCT p.shared) AS names"
        f" FROM ({pairs}) p JOIN letters l ON l.id = p.letter_id"
        " JOIN documents d ON d.id = l.document_id"
        " GROUP BY p.letter_id ORDER BY shared DESC, l.date, p.letter_id LIMIT ?",
        (letter, limit),
    ).fetchall()
    return [{**dict(r), "names": sorted(json.loads(r["names"]))} for r in rows]


def letter_summaries(store: Store, ids: list[str]) -> dict[str, Row]:
    """id -> {"id", "date", "title", "source"} for the given letters (unknown ids left out)."""
    out: dict[str, Row] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        for r in store.conn.execute(
            "SELECT l.id, l.date, d.title, d.source FROM letters l"
            f" JOIN documents d ON d.id = l.document_id WHERE l.id IN ({marks})",
            chunk,
        ):
            out[r["id"]] = dict(r)
    return out


def mentions_of(store: Store, entity_id: str, limit: int = -1) -> list[Row]:
    """The signatory mentions resolved to one entity, in date order (the first `limit`)."""
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT m.id AS mention_id, m.letter_id, l.date, m.name, m.role, m.organization"
            " FROM mention_entities me JOIN mentions m ON m.id = me.mention_id"
            " JOIN letters l ON l.id = m.letter_id WHERE me.entity_id = ?"
            " ORDER BY l.date IS NULL, l.date, m.id LIMIT ?",
            (entity_id, limit),
        )
    ]
