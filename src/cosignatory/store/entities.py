"""Resolved entities in the store: resolution runs, assignments, judgements, queries.

`resolve_store` loads the mentions, resolves them against the entities already stored
(incremental: earlier entities stay, only new mentions are compared) or from scratch
(`full`), applies every human judgement, and rewrites the assignments. Judgements name
mentions, whose ids are derived from document content, so they survive re-resolution
and a re-ingest into a fresh store (`export_judgements` / `import_judgements`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cosignatory.errors import NotFoundError, ReviewError
from cosignatory.normalize import fold_text
from cosignatory.resolve import Judgement, MentionRecord, resolve
from cosignatory.resolve.records import Kind, Verdict
from cosignatory.store.db import Store

Row = dict[str, Any]


@dataclass(frozen=True)
class ResolveSummary:
    mentions: int
    new_mentions: int
    people: int
    organizations: int
    judgements: int


def _records(store: Store) -> list[MentionRecord]:
    rows = store.conn.execute(
        "SELECT m.id, m.letter_id, l.date, m.name, m.role, m.organization "
        "FROM mentions m JOIN letters l ON l.id = m.letter_id ORDER BY m.id"
    )
    return [MentionRecord(*r) for r in rows]


def load_judgements(store: Store) -> list[Judgement]:
    rows = store.conn.execute(
        "SELECT kind, verdict, left_mention, right_mention, left_name, right_name "
        "FROM judgements ORDER BY created_at, id"
    )
    return [Judgement(*r) for r in rows]


def resolve_store(store: Store, *, full: bool = False) -> ResolveSummary:
    """Resolve the store's mentions into people and organizations and save the result."""
    records = _records(store)
    judgements = load_judgements(store)
    previous: dict[str, dict[str, str]] = {"person": {}, "organization": {}}
    if not full:
        assigned = store.conn.execute("SELECT mention_id, kind, entity_id FROM mention_entities")
        for mention, kind, entity in assigned:
            previous[kind][mention] = entity
        # Entities a judgement touches are recomputed, so the judgement can take effect.
        for kind, prev in previous.items():
            touched = {prev.get(m) for j in judgements if j.kind == kind for m in (j.left, j.right)}
            previous[kind] = {m: e for m, e in prev.items() if e not in touched}
    res = resolve(
        records,
        judgements,
        previous_people=None if full else previous["person"],
        previous_organizations=None if full else previous["organization"],
    )
    with store.transaction() as conn:
        conn.execute("DELETE FROM mention_entities")
        conn.execute("DELETE FROM entities")
        conn.execute("DELETE FROM entity_evidence")
        conn.executemany(
            "INSERT INTO entities (id, kind, caption) VALUES (?, ?, ?)",
            (
                (e.id, e.kind, e.caption)
                for d in (res.people, res.organizations)
                for e in d.values()
            ),
        )
        conn.executemany(
            "INSERT INTO mention_entities (mention_id, kind, entity_id) VALUES (?, ?, ?)",
            [
                *((m, "person", e) for m, e in res.person_of.items()),
                *((m, "organization", e) for m, e in res.organization_of.items()),
            ],
        )
        conn.executemany(
            "INSERT INTO entity_evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    e.entity_id,
                    e.kind,
                    e.left,
                    e.right,
                    e.left_name,
                    e.right_name,
                    e.score,
                    json.dumps(
                        [[f.name, f.weight, f.detail] for f in e.features], ensure_ascii=False
                    ),
                )
                for e in res.evidence
            ),
        )
    fresh = sum(1 for r in records if r.id not in previous["person"])
    return ResolveSummary(
        len(records), fresh, len(res.people), len(res.organizations), len(judgements)
    )


# Judgements ---------------------------------------------------------------------------


def _anchor(store: Store, entity_id: str) -> tuple[str, Kind, str | None]:
    """The smallest mention of an entity: what a judgement on the entity is keyed by."""
    row = store.conn.execute(
        "SELECT me.mention_id, me.kind, m.name, m.organization FROM mention_entities me "
        "JOIN mentions m ON m.id = me.mention_id WHERE me.entity_id = ? "
        "ORDER BY me.mention_id LIMIT 1",
        (entity_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no person or organization with id {entity_id!r}")
    return row[0], row[1], row[2] if row[1] == "person" else row[3]


def add_judgement(store: Store, j: Judgement, author: str = "cli") -> str:
    jid = hashlib.sha1(f"{j.kind}|{j.verdict}|{j.left}|{j.right}".encode()).hexdigest()[:16]
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO judgements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                jid,
                j.kind,
                j.verdict,
                j.left,
                j.right,
                j.left_name,
                j.right_name,
                author,
                datetime.now(UTC).isoformat(),
            ),
        )
    return jid


def judge(store: Store, verdict: Verdict, a: str, b: str) -> ResolveSummary:
    """`merge` or `not-same` on two entity ids; re-resolves the store."""
    la, ka, na = _anchor(store, a)
    lb, kb, nb = _anchor(store, b)
    if ka != kb:
        raise ReviewError(f"{a} is a {ka} and {b} is a {kb}: cannot judge them together")
    add_judgement(store, Judgement(ka, verdict, la, lb, na, nb))
    return resolve_store(store)


def split(store: Store, entity_id: str, mention_id: str) -> ResolveSummary:
    """Take one mention out of an entity for good; re-resolves the store."""
    row = store.conn.execute(
        "SELECT me.kind, m.name, m.organization FROM mention_entities me JOIN mentions m "
        "ON m.id = me.mention_id WHERE me.mention_id = ? AND me.entity_id = ?",
        (mention_id, entity_id),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"mention {mention_id!r} is not part of {entity_id!r}")
    others = store.conn.execute(
        "SELECT mention_id FROM mention_entities WHERE entity_id = ? AND mention_id != ? "
        "ORDER BY mention_id LIMIT 1",
        (entity_id, mention_id),
    ).fetchone()
    if others is None:
        raise ReviewError(f"{mention_id!r} is the only mention of {entity_id!r}")
    kind: Kind = row[0]
    printed = row[1] if kind == "person" else row[2]
    add_judgement(store, Judgement(kind, "split", mention_id, others[0], printed, None))
    return resolve_store(store)


def export_judgements(store: Store) -> list[Row]:
    cur = store.conn.execute("SELECT * FROM judgements ORDER BY created_at, id")
    return [dict(r) for r in cur]


_JUDGEMENT_COLUMNS = (
    "id",
    "kind",
    "verdict",
    "left_mention",
    "right_mention",
    "left_name",
    "right_name",
    "author",
    "created_at",
)


def read_judgements(text: str) -> list[Row]:
    """Judgement rows from JSON Lines (as written by `judgements export`), checked."""
    rows: list[Row] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ReviewError(f"line {n}: not JSON ({error.msg})") from error
        missing = [c for c in _JUDGEMENT_COLUMNS if c not in row] if isinstance(row, dict) else []
        if not isinstance(row, dict) or missing:
            raise ReviewError(f"line {n}: not a judgement (missing {', '.join(missing)})")
        if row["kind"] not in ("person", "organization") or row["verdict"] not in (
            "merge",
            "split",
            "not-same",
        ):
            raise ReviewError(f"line {n}: unknown kind or verdict")
        rows.append(row)
    return rows


def import_judgements(store: Store, rows: Iterable[Row]) -> int:
    """Add (or replace, by id) judgement rows; returns how many were given."""
    data = [tuple(r[c] for c in _JUDGEMENT_COLUMNS) for r in rows]
    with store.transaction() as conn:
        conn.executemany(f"INSERT OR REPLACE INTO judgements VALUES ({', '.join('?' * 9)})", data)
    return len(data)


# Queries ------------------------------------------------------------------------------


def find_entity(store: Store, kind: Kind, name_or_id: str) -> str:
    """An entity id from an id or a printed name (the entity with most mentions wins)."""
    hit = store.conn.execute(
        "SELECT id FROM entities WHERE id = ? AND kind = ?", (name_or_id, kind)
    ).fetchone()
    if hit:
        return str(hit[0])
    field = "name" if kind == "person" else "organization"
    wanted = fold_text(name_or_id)
    counts: Counter[str] = Counter()
    for entity, printed in store.conn.execute(
        f"SELECT me.entity_id, m.{field} FROM mention_entities me JOIN mentions m "
        "ON m.id = me.mention_id WHERE me.kind = ?",
        (kind,),
    ):
        if printed and fold_text(printed) == wanted:
            counts[entity] += 1
    if not counts:
        raise NotFoundError(f"no {kind} named or with id {name_or_id!r}")
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


_PEOPLE = """
    SELECT e.id, e.caption AS name, COUNT(DISTINCT m.letter_id) AS letters,
           MIN(l.date) AS first, MAX(l.date) AS last
    FROM entities e
    JOIN mention_entities me ON me.entity_id = e.id
    JOIN mentions m ON m.id = me.mention_id
    JOIN letters l ON l.id = m.letter_id
    WHERE e.kind = ? {where}
    GROUP BY e.id HAVING letters >= ? ORDER BY letters DESC, e.caption
"""


def _current_orgs(store: Store) -> dict[str, str]:
    """Per person, the organization of the latest-dated mention that names one."""
    rows = store.conn.execute(
        "SELECT ms.person_id, e.caption FROM memberships ms JOIN entities e "
        "ON e.id = ms.organization_id "
        "ORDER BY ms.person_id, ms.date IS NOT NULL, ms.date, ms.mention_id"
    )
    return {p: o for p, o in rows}


def list_people(store: Store, min_letters: int = 1) -> list[Row]:
    rows = [dict(r) for r in store.conn.execute(_PEOPLE.format(where=""), ("person", min_letters))]
    current = _current_orgs(store)
    for r in rows:
        r["organization"] = current.get(r["id"])
    return rows


def _mentions_of(store: Store, entity_id: str) -> list[Row]:
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT m.id AS mention_id, m.letter_id, l.date, m.name, m.role, m.organization, "
            "p.entity_id AS person_id, o.entity_id AS organization_id "
            "FROM mention_entities me JOIN mentions m ON m.id = me.mention_id "
            "JOIN letters l ON l.id = m.letter_id "
            "LEFT JOIN mention_entities p ON p.mention_id = m.id AND p.kind = 'person' "
            "LEFT JOIN mention_entities o ON o.mention_id = m.id AND o.kind = 'organization' "
            "WHERE me.entity_id = ? ORDER BY l.date IS NULL, l.date, m.id",
            (entity_id,),
        )
    ]


def _names(mentions: Sequence[Row], field: str) -> list[str]:
    counts = Counter(" ".join(str(m[field]).split()) for m in mentions if m[field])
    return [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def evidence(store: Store, entity_id: str) -> list[Row]:
    return [
        {**dict(r), "features": json.loads(r["features"])}
        for r in store.conn.execute(
            "SELECT left_mention, right_mention, left_name, right_name, score, features "
            "FROM entity_evidence WHERE entity_id = ? ORDER BY score DESC, left_mention",
            (entity_id,),
        )
    ]


def get_person(store: Store, name_or_id: str) -> Row:
    """A person: aliases, letters in date order with role and organization, co-signers."""
    pid = find_entity(store, "person", name_or_id)
    mentions = _mentions_of(store, pid)
    captions = dict(store.conn.execute("SELECT id, caption FROM entities"))
    for m in mentions:
        m["organization_name"] = (
            captions.get(m["organization_id"]) if m["organization_id"] else None
        )
    cos = store.conn.execute(
        "SELECT me2.entity_id, COUNT(DISTINCT m2.letter_id) AS shared "
        "FROM mention_entities me JOIN mentions m ON m.id = me.mention_id "
        "JOIN mentions m2 ON m2.letter_id = m.letter_id "
        "JOIN mention_entities me2 ON me2.mention_id = m2.id AND me2.kind = 'person' "
        "WHERE me.entity_id = ? AND me2.entity_id != ? "
        "GROUP BY me2.entity_id ORDER BY shared DESC, me2.entity_id",
        (pid, pid),
    )
    return {
        "id": pid,
        "name": captions[pid],
        "aliases": _names(mentions, "name"),
        "letters": [
            {
                k: m[k]
                for k in (
                    "letter_id",
                    "date",
                    "name",
                    "role",
                    "organization",
                    "organization_id",
                    "mention_id",
                )
            }
            for m in mentions
        ],
        "cosigners": [{"id": c, "name": captions.get(c), "shared_letters": n} for c, n in cos],
        "evidence": evidence(store, pid),
    }


def list_orgs(store: Store, min_letters: int = 1) -> list[Row]:
    rows = [
        dict(r) for r in store.conn.execute(_PEOPLE.format(where=""), ("organization", min_letters))
    ]
    people = dict(
        store.conn.execute(
            "SELECT organization_id, COUNT(DISTINCT person_id) FROM memberships "
            "GROUP BY organization_id"
        )
    )
    for r in rows:
        r["people"] = people.get(r["id"], 0)
    return rows


def get_org(store: Store, name_or_id: str) -> Row:
    """An organization: names as printed, members and roles over time, letters."""
    oid = find_entity(store, "organization", name_or_id)
    mentions = _mentions_of(store, oid)
    captions = dict(store.conn.execute("SELECT id, caption FROM entities"))
    members: dict[tuple[str, str | None], Row] = {}
    for m in mentions:
        if not m["person_id"]:
            continue
        key = (m["person_id"], m["role"])
        row = members.setdefault(
            key,
            {
                "person_id": m["person_id"],
                "name": captions.get(m["person_id"]),
                "role": m["role"],
                "first": m["date"],
                "last": m["date"],
                "letters": 0,
            },
        )
        row["letters"] += 1
        if m["date"]:
            row["first"] = min(filter(None, [row["first"], m["date"]]))
            row["last"] = max(filter(None, [row["last"], m["date"]]))
    return {
        "id": oid,
        "name": captions[oid],
        "names": _names(mentions, "organization"),
        "members": sorted(members.values(), key=lambda r: (r["first"] or "", r["name"] or "")),
        "letters": sorted(
            {(m["letter_id"], m["date"]) for m in mentions}, key=lambda x: (x[1] or "", x[0])
        ),
        "evidence": evidence(store, oid),
    }


def memberships(store: Store, person_id: str | None = None) -> list[Row]:
    sql = "SELECT * FROM memberships" + (" WHERE person_id = ?" if person_id else "")
    sql += " ORDER BY person_id, date, mention_id"
    return [dict(r) for r in store.conn.execute(sql, (person_id,) if person_id else ())]
