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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from sqlite3 import Connection
from typing import Any

from cosignatory.errors import NotFoundError, ReviewError
from cosignatory.normalize import fold_text
from cosignatory.resolve import Evidence, Judgement, MentionRecord, resolve
from cosignatory.resolve.keys import NONE, mention_keys
from cosignatory.resolve.records import Kind, Verdict
from cosignatory.store.db import Store

Row = dict[str, Any]


@dataclass(frozen=True)
class ResolveSummary:
    mentions: int  # in the store
    new_mentions: int  # resolved for the first time in this run
    people: int  # in the store
    organizations: int
    judgements: int
    loaded: int = 0  # mentions this run read and compared


_SELECT = (
    "SELECT m.id, m.letter_id, l.date, m.name, m.role, m.organization "
    "FROM mentions m JOIN letters l ON l.id = m.letter_id"
)


def _records(store: Store, where: str = "") -> list[MentionRecord]:
    rows = store.conn.execute(f"{_SELECT} {where} ORDER BY m.id")
    return [MentionRecord(*r) for r in rows]


def load_judgements(store: Store) -> list[Judgement]:
    rows = store.conn.execute(
        "SELECT kind, verdict, left_mention, right_mention, left_name, right_name "
        "FROM judgements ORDER BY created_at, id"
    )
    return [Judgement(*r) for r in rows]


def resolve_store(store: Store, *, full: bool = False) -> ResolveSummary:
    """Resolve the store's mentions into people and organizations and save the result.

    Incremental unless `full`: only mentions not resolved before, the stored mentions
    sharing a neighbourhood key with them (with every mention of the people those belong
    to, for names and co-signers) and the entities a judgement touches are read; only the
    assignments that change are written.
    """
    judgements = load_judgements(store)
    loaded, fresh = _resolve_full(store, judgements) if full else _resolve_new(store, judgements)
    counts = dict(store.conn.execute("SELECT kind, COUNT(*) FROM entities GROUP BY kind"))
    total = store.conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
    return ResolveSummary(
        total,
        fresh,
        counts.get("person", 0),
        counts.get("organization", 0),
        len(judgements),
        loaded,
    )


def _resolve_full(store: Store, judgements: Sequence[Judgement]) -> tuple[int, int]:
    records = _records(store)
    res = resolve(records, judgements)
    with store.transaction() as conn:
        fresh = (
            len(records)
            - conn.execute("SELECT COUNT(DISTINCT mention_id) FROM resolution_keys").fetchone()[0]
        )
        for table in ("mention_entities", "entities", "entity_evidence", "resolution_keys"):
            conn.execute(f"DELETE FROM {table}")
        conn.executemany(
            "INSERT INTO entities (id, kind, caption) VALUES (?, ?, ?)",
            (
                (e.id, e.kind, e.caption)
                for d in (res.people, res.organizations)
                for e in d.values()
            ),
        )
        _assign(conn, res.person_of, res.organization_of)
        _insert_evidence(conn, res.evidence)
        _insert_keys(conn, records)
    return len(records), max(fresh, 0)


def _assign(conn: Connection, person_of: Mapping[str, str], org_of: Mapping[str, str]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO mention_entities (mention_id, kind, entity_id) VALUES (?, ?, ?)",
        [
            *((m, "person", e) for m, e in person_of.items()),
            *((m, "organization", e) for m, e in org_of.items()),
        ],
    )


def _insert_evidence(conn: Connection, evidence: Iterable[Evidence]) -> None:
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
                json.dumps([[f.name, f.weight, f.detail] for f in e.features], ensure_ascii=False),
            )
            for e in evidence
        ),
    )


def _insert_keys(conn: Connection, records: Iterable[MentionRecord]) -> None:
    conn.executemany(
        "INSERT INTO resolution_keys (key, mention_id) VALUES (?, ?)",
        ((k, r.id) for r in records for k in mention_keys(r)),
    )


def _temp(conn: Connection, name: str, values: Iterable[str]) -> str:
    """A temporary one-column table holding `values` (for joins instead of long IN lists)."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (v TEXT PRIMARY KEY)")
    conn.execute(f"DELETE FROM {name}")
    conn.executemany(f"INSERT OR IGNORE INTO {name} VALUES (?)", ((v,) for v in values))
    return name


# A person key shared by more stored mentions than this (an initial and a common surname)
# is left out when the mention has other keys: the resolver compares such a block in a
# sorted window anyway. Of an organization's words, the rarest two are looked up, as
# the resolver blocks organizations on them.
MAX_KEY = 256
ORG_WORDS = 2


def _lookup_keys(conn: Connection, new: Sequence[MentionRecord]) -> set[str]:
    """The keys worth looking up for the new mentions, by how many mentions share each."""
    keys_of = [mention_keys(r) for r in new]
    _temp(conn, "_want", (k for ks in keys_of for k in ks if k != NONE))
    size = dict(
        conn.execute(
            "SELECT w.v, COUNT(*) FROM _want w CROSS JOIN resolution_keys k ON k.key = w.v "
            "GROUP BY w.v"
        )
    )
    out: set[str] = set()
    for ks in keys_of:
        present = [k for k in ks if k in size]
        orgs = sorted((k for k in present if k.startswith("o|")), key=lambda k: (size[k], k))
        out.update(orgs[:ORG_WORDS])
        out.update(
            k
            for k in present
            if not k.startswith("o|") and (size[k] <= MAX_KEY or k.startswith(("k|", "fo|")))
        )
    return out


def _neighbourhood(store: Store, new: Sequence[MentionRecord]) -> set[str]:
    """Stored mentions a new one could resolve with: every mention of each person sharing a
    person key with it, and one mention per printed organization sharing a rare word."""
    conn = store.conn
    _temp(conn, "_want", _lookup_keys(conn, new))
    _temp(
        conn,
        "_person",
        (
            e
            for (e,) in conn.execute(
                "SELECT DISTINCT me.entity_id FROM _want w "
                "CROSS JOIN resolution_keys k ON k.key = w.v "
                "CROSS JOIN mention_entities me ON me.mention_id = k.mention_id "
                "AND me.kind = 'person' WHERE w.v NOT LIKE 'o|%'"
            )
        ),
    )
    out = {
        m
        for (m,) in conn.execute(
            "SELECT me.mention_id FROM _person p "
            "CROSS JOIN mention_entities me ON me.entity_id = p.v"
        )
    }
    out.update(
        m
        for (m,) in conn.execute(
            "SELECT MIN(m.id) FROM _want w CROSS JOIN resolution_keys k ON k.key = w.v "
            "CROSS JOIN mentions m ON m.id = k.mention_id WHERE w.v LIKE 'o|%' "
            "GROUP BY m.organization"
        )
    )
    return out


def _resolve_new(store: Store, judgements: Sequence[Judgement]) -> tuple[int, int]:
    """Incremental resolution (see `resolve_store`); returns (mentions read, new mentions)."""
    conn = store.conn
    unkeyed = _records(
        store, "WHERE NOT EXISTS (SELECT 1 FROM resolution_keys k WHERE k.mention_id = m.id)"
    )
    ids = _temp(conn, "_ids", (r.id for r in unkeyed))
    resolved = {
        m
        for (m,) in conn.execute(
            f"SELECT mention_id FROM mention_entities JOIN {ids} ON v = mention_id"
        )
    }
    new = [r for r in unkeyed if r.id not in resolved]
    if len(new) < len(unkeyed):  # resolved elsewhere (a Spark run, an older store): key them
        with store.transaction() as c:
            _insert_keys(c, (r for r in unkeyed if r.id in resolved))
    # Entities a judgement touches are recomputed whole, so the judgement can take effect.
    judged = {(j.kind, m) for j in judgements for m in (j.left, j.right)}
    _temp(conn, "_judged", (m for _, m in judged))
    touched = {
        e
        for kind, m, e in conn.execute(
            "SELECT me.kind, me.mention_id, me.entity_id FROM mention_entities me "
            "JOIN _judged j ON j.v = me.mention_id"
        )
        if (kind, m) in judged
    }
    _temp(conn, "_touched", touched)
    again = _records(
        store,
        "WHERE m.id IN (SELECT mention_id FROM mention_entities JOIN _touched ON v = entity_id)",
    )
    if not new and not again:
        return 0, 0
    fresh = {r.id for r in new} | {r.id for r in again}
    _temp(conn, "_load", fresh | _neighbourhood(store, [*new, *again]))
    records = _records(store, "JOIN _load w ON w.v = m.id")
    previous: dict[str, dict[str, str]] = {"person": {}, "organization": {}}
    for m, kind, e in conn.execute(
        "SELECT mention_id, kind, entity_id FROM mention_entities JOIN _load ON v = mention_id"
    ):
        if m not in fresh:
            previous[kind][m] = e
    res = resolve(
        records,
        judgements,
        previous_people=previous["person"],
        previous_organizations=previous["organization"],
    )
    with store.transaction() as c:
        changed: set[str] = set()  # entities whose mentions changed
        for kind, now in (("person", res.person_of), ("organization", res.organization_of)):
            for m, e in now.items():
                old = previous[kind].get(m)
                if old is None:
                    changed.add(e)
                elif old != e:  # two stored entities became one: rename the whole of it
                    c.execute(
                        "UPDATE mention_entities SET entity_id = ? WHERE entity_id = ?", (e, old)
                    )
                    c.execute(
                        "UPDATE entity_evidence SET entity_id = ? WHERE entity_id = ?", (e, old)
                    )
                    previous[kind] = {k: (e if v == old else v) for k, v in previous[kind].items()}
                    changed |= {e, old}
        _temp(c, "_fresh", fresh)
        c.execute("DELETE FROM mention_entities WHERE mention_id IN (SELECT v FROM _fresh)")
        c.execute("DELETE FROM entity_evidence WHERE entity_id IN (SELECT v FROM _touched)")
        _assign(
            c,
            {m: e for m, e in res.person_of.items() if m in fresh},
            {m: e for m, e in res.organization_of.items() if m in fresh},
        )
        changed |= touched
        _insert_evidence(c, _new_evidence(c, res.evidence, changed))
        _recaption(c, changed)
        _insert_keys(c, new)
        c.execute(  # entities whose every mention went away (re-extraction)
            "DELETE FROM entities WHERE NOT EXISTS "
            "(SELECT 1 FROM mention_entities me WHERE me.entity_id = entities.id)"
        )
    return len(records), len(new)


def _new_evidence(c: Connection, evidence: Iterable[Evidence], changed: set[str]) -> list[Evidence]:
    """Evidence on the changed entities that the store does not hold yet."""
    out: list[Evidence] = []
    read: set[str] = set()
    held: set[tuple[str, str, str, str]] = set()
    for e in evidence:
        if e.entity_id not in changed:
            continue
        if e.entity_id not in read:
            read.add(e.entity_id)
            rows = c.execute(
                "SELECT left_name, right_name, features FROM entity_evidence WHERE entity_id = ?",
                (e.entity_id,),
            )
            held.update((e.entity_id, a, b, json.loads(f)[0][0]) for a, b, f in rows)
        key = (e.entity_id, e.left_name, e.right_name, e.features[0].name if e.features else "")
        if key not in held:
            held.add(key)
            out.append(e)
    return out


def _recaption(c: Connection, ids: Iterable[str]) -> None:
    """Entity rows of `ids` as the store now holds them: caption from every mention, or gone."""
    for eid in sorted(ids):
        rows = c.execute(
            "SELECT me.kind, m.name, m.organization FROM mention_entities me "
            "JOIN mentions m ON m.id = me.mention_id WHERE me.entity_id = ?",
            (eid,),
        ).fetchall()
        if not rows:
            c.execute("DELETE FROM entities WHERE id = ?", (eid,))
            continue
        kind = rows[0][0]
        printed = Counter(
            " ".join(n.split()) if kind == "person" else o.strip()
            for _, n, o in rows
            if (n if kind == "person" else o)
        )
        caption = min(printed.items(), key=lambda kv: (-kv[1], not kv[0].isascii(), kv[0]))[0]
        c.execute(
            "INSERT OR REPLACE INTO entities (id, kind, caption) VALUES (?, ?, ?)",
            (eid, kind, caption),
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


def judge(store: Store, verdict: Verdict, a: str, b: str, *, author: str = "cli") -> ResolveSummary:
    """`merge` or `not-same` on two entity ids, by `author`; re-resolves the store."""
    la, ka, na = _anchor(store, a)
    lb, kb, nb = _anchor(store, b)
    if ka != kb:
        raise ReviewError(f"{a} is a {ka} and {b} is a {kb}: cannot judge them together")
    add_judgement(store, Judgement(ka, verdict, la, lb, na, nb), author)
    return resolve_store(store)


def split(store: Store, entity_id: str, mention_id: str, *, author: str = "cli") -> ResolveSummary:
    """Take one mention out of an entity for good, by `author`; re-resolves the store."""
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
    add_judgement(store, Judgement(kind, "split", mention_id, others[0], printed, None), author)
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
    cos = store.conn.execute(
        "SELECT me2.entity_id, COUNT(DISTINCT m2.letter_id) AS shared "
        "FROM mention_entities me JOIN mentions m ON m.id = me.mention_id "
        "JOIN mentions m2 ON m2.letter_id = m.letter_id "
        "JOIN mention_entities me2 ON me2.mention_id = m2.id AND me2.kind = 'person' "
        "WHERE me.entity_id = ? AND me2.entity_id != ? "
        "GROUP BY me2.entity_id ORDER BY shared DESC, me2.entity_id",
        (pid, pid),
    ).fetchall()
    captions = _captions(
        store,
        {
            pid,
            *(c for c, _ in cos),
            *(m["organization_id"] for m in mentions if m["organization_id"]),
        },
    )
    for m in mentions:
        m["organization_name"] = (
            captions.get(m["organization_id"]) if m["organization_id"] else None
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


def get_org(store: Store, name_or_id: str, *, limit: int | None = None) -> Row:
    """An organization: names as printed, members and roles over time, letters.

    A large organization has thousands of mentions: with `limit`, only the first `limit`
    members and letters are listed; `member_count`, `letter_count` and `mention_count`
    are always the totals. One indexed pass over its mentions, aggregated here.
    """
    oid = find_entity(store, "organization", name_or_id)
    rows = store.conn.execute(
        "SELECT m.organization, m.letter_id, l.date, p.entity_id, m.role"
        " FROM mention_entities me CROSS JOIN mentions m ON m.id = me.mention_id"
        " CROSS JOIN letters l ON l.id = m.letter_id"
        " LEFT JOIN mention_entities p ON p.mention_id = m.id AND p.kind = 'person'"
        " WHERE me.kind = 'organization' AND me.entity_id = ?",
        (oid,),
    ).fetchall()
    printed: Counter[str] = Counter()
    letters: dict[str, str | None] = {}
    spans: dict[tuple[str, str | None], list[Any]] = {}  # (person, role) -> first, last, n
    for organization, letter, date, person, role in rows:
        printed[organization] += 1
        letters[letter] = date
        if not person:
            continue
        span = spans.get((person, role))
        if span is None:
            spans[person, role] = [date, date, 1]
            continue
        span[2] += 1
        if date and (span[0] is None or date < span[0]):
            span[0] = date
        if date and (span[1] is None or date > span[1]):
            span[1] = date
    names: Counter[str] = Counter()
    for name, n in printed.items():
        if name:
            names[" ".join(name.split())] += n
    captions = _captions(store, {person for person, _ in spans} | {oid})
    ranked = sorted(
        spans.items(),
        key=lambda kv: (kv[1][0] or "", captions.get(kv[0][0]) or "", kv[0][0], kv[0][1] or ""),
    )
    members = [
        {
            "person_id": person,
            "name": captions.get(person),
            "role": role,
            "first": first,
            "last": last,
            "letters": n,
        }
        for (person, role), (first, last, n) in ranked[:limit]
    ]
    dated = sorted(letters.items(), key=lambda x: (x[1] or "", x[0]))
    return {
        "id": oid,
        "name": captions[oid],
        "names": [n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))],
        "members": members,
        "letters": dated[:limit],
        "member_count": len(spans),
        "letter_count": len(letters),
        "mention_count": len(rows),
        "evidence": evidence(store, oid),
    }


def _captions(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """entity id -> caption for the given ids."""
    wanted = sorted(ids)
    out: dict[str, str] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        out.update(
            store.conn.execute(f"SELECT id, caption FROM entities WHERE id IN ({marks})", chunk)
        )
    return out


def memberships(store: Store, person_id: str | None = None) -> list[Row]:
    sql = "SELECT * FROM memberships" + (" WHERE person_id = ?" if person_id else "")
    sql += " ORDER BY person_id, date, mention_id"
    return [dict(r) for r in store.conn.execute(sql, (person_id,) if person_id else ())]
