"""Incremental resolution in the store: new mentions join stored entities, reading little."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from cosignatory import pipeline
from cosignatory.resolve import resolve
from cosignatory.store import Store
from cosignatory.store import entities as E

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def partition(pairs: object) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for mention, entity in pairs:  # type: ignore[attr-defined]
        groups[entity].add(mention)
    return {frozenset(g) for g in groups.values()}


def stored(store: Store, kind: str) -> set[frozenset[str]]:
    return partition(
        store.conn.execute(
            "SELECT mention_id, entity_id FROM mention_entities WHERE kind = ?", (kind,)
        )
    )


def test_documents_ingested_one_by_one_resolve_as_all_at_once() -> None:
    for source in (EXAMPLES, CORPUS):
        with Store.open(":memory:") as store:
            for path in sorted(source.iterdir()):
                pipeline.ingest(store, [path])
            full = resolve(E._records(store))
            assert stored(store, "person") == partition(full.person_of.items())
            assert stored(store, "organization") == partition(full.organization_of.items())
            listed = sorted((r["name"], r["letters"]) for r in E.list_people(store))
            E.resolve_store(store, full=True)
            assert sorted((r["name"], r["letters"]) for r in E.list_people(store)) == listed


def test_one_more_document_reads_only_its_neighbourhood() -> None:
    with Store.open(":memory:") as store:
        paths = sorted(p for p in EXAMPLES.iterdir() if "lettre" not in p.name)
        pipeline.ingest(store, paths)
        before = E.list_people(store)
        report = pipeline.ingest(store, [EXAMPLES / "2025-09-lettre-ouverte.txt"])
        s = report.resolution
        assert s is not None
        # Read: the 4 new mentions; Marie Dubois and Anna Keller (2 each, same names); Rashad
        # Guliyev, Quliyev and Гулиев (4: one surname skeleton and initial as Rachad
        # Gouliev); one mention of University of Oxford (a word of Université Khazar) — not
        # the other 21.
        assert (s.mentions, s.new_mentions, s.loaded) == (34, 4, 13)
        again = E.resolve_store(store)
        assert (again.new_mentions, again.loaded) == (0, 0)
        after = E.list_people(store)
        letters = {(r["name"], r["organization"]): r["letters"] for r in after}
        assert letters["Marie Dubois", "CNRS"] == 3
        assert letters["Rashad Guliyev", "Khazar University"] == 3  # with Rachad Gouliev
        assert letters["Pierre Lambert", "Association France-Caucase"] == 1
        assert len(after) == len(before) + 1


def test_a_store_resolved_without_keys_is_keyed_before_new_mentions_look_for_neighbours() -> None:
    with Store.open(":memory:") as store:
        paths = sorted(p for p in EXAMPLES.iterdir() if "lettre" not in p.name)
        pipeline.ingest(store, paths)
        store.conn.execute("DELETE FROM resolution_keys")  # as after copying a Spark run
        s = pipeline.ingest(store, [EXAMPLES / "2025-09-lettre-ouverte.txt"]).resolution
        assert s is not None and (s.new_mentions, s.loaded) == (4, 13)
        unkeyed = store.conn.execute(
            "SELECT COUNT(*) FROM mentions m WHERE NOT EXISTS "
            "(SELECT 1 FROM resolution_keys k WHERE k.mention_id = m.id)"
        ).fetchone()[0]
        assert unkeyed == 0
