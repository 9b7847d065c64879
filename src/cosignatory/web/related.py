"""What a letter page shows beside the letter: resolved entities and shared passages.

Reads resolution (the `mention_entities` and `entities` tables) when the store has
it; a store that was never resolved simply shows no links.
"""

from __future__ import annotations

from typing import Any

from cosignatory.store.db import Store
from cosignatory.store.search import letter_summaries
from cosignatory.web.analyses import AnalysisCache
from cosignatory.web.reuse import pair_id


def _has_table(store: Store, name: str) -> bool:
    row = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def entities_of(store: Store, letter_id: str) -> dict[str, dict[str, Any]]:
    """mention id -> {"person_id", "organization_id"} for the letter's signatories."""
    if not _has_table(store, "mention_entities"):
        return {}
    out: dict[str, dict[str, Any]] = {}
    for mention, kind, entity in store.conn.execute(
        "SELECT e.mention_id, e.kind, e.entity_id FROM mention_entities e"
        " JOIN mentions m ON m.id = e.mention_id WHERE m.letter_id = ?",
        (letter_id,),
    ):
        out.setdefault(mention, {})[f"{kind}_id"] = entity
    return out


def entity_counts(store: Store) -> dict[str, int]:
    """How many people and organizations resolution found (none before it ran)."""
    if not _has_table(store, "entities"):
        return {"people": 0, "organizations": 0}
    found = dict(store.conn.execute("SELECT kind, count(*) FROM entities GROUP BY kind").fetchall())
    return {"people": found.get("person", 0), "organizations": found.get("organization", 0)}


def shared_passages(
    store: Store, cache: AnalysisCache, letter_id: str
) -> list[dict[str, Any]] | None:
    """Other letters sharing a passage with this one; None while reuse is still computing."""
    found = cache.peek(store, "reuse")
    if found is None:
        return None
    out = []
    for r in found:
        if letter_id not in (r.a.key, r.b.key):
            continue
        mine, other = (r.a, r.b) if r.a.key == letter_id else (r.b, r.a)
        out.append(
            {
                "letter_id": other.key,
                "similarity": r.similarity,
                "matched": r.matched,
                "start": mine.start,
                "end": mine.end,
                "other_start": other.start,
                "other_end": other.end,
                "pair_id": pair_id(r),
            }
        )
    titles = letter_summaries(store, sorted({x["letter_id"] for x in out}))
    for x in out:
        x.update({k: titles.get(x["letter_id"], {}).get(k) for k in ("title", "date")})
    return out
