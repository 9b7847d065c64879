"""Resolution in the store: entities, memberships, judgements that survive a fresh store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import cosignatory.cli.entities  # noqa: F401  (registers the commands)
from cosignatory import pipeline
from cosignatory.cli import app
from cosignatory.store import Store
from cosignatory.store import entities as E

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def build(path: Path) -> Store:
    store = Store.open(path)
    pipeline.ingest(store, [CORPUS])
    E.resolve_store(store)
    return store


def test_corpus_people_appear_once_with_their_letters(tmp_path: Path) -> None:
    with build(tmp_path / "a.db") as store:
        top = {r["name"]: r for r in E.list_people(store, min_letters=2)}
        ramil = top["Ramil Iskandarli"]
        assert (ramil["letters"], ramil["organization"]) == (2, "Azerbaijan National NGO Forum")
        person = E.get_person(store, "ramil iskandarli")
        assert person["id"] == ramil["id"] and len(person["letters"]) == 2
        assert person["cosigners"][0]["shared_letters"] == 2
        forum = E.get_org(store, "Azerbaijan National NGO Forum")
        assert {m["name"] for m in forum["members"]} >= {"Ramil Iskandarli", "Khatira Valiyeva"}


def test_judgements_survive_re_resolution_and_a_fresh_store(tmp_path: Path) -> None:
    with build(tmp_path / "a.db") as store:
        a = E.find_entity(store, "person", "Zaur Mammadov")
        b = E.find_entity(store, "person", "Zaur Ibrahimli")
        fuad = E.find_entity(store, "person", "Fuad Mammadov")
        E.judge(store, "merge", a, b)
        one_mention = E.get_person(store, fuad)["letters"][0]["mention_id"]
        E.split(store, fuad, one_mention)
        assert E.find_entity(store, "person", "Zaur Mammadov") == E.find_entity(
            store, "person", "Zaur Ibrahimli"
        )
        E.resolve_store(store, full=True)
        merged = E.find_entity(store, "person", "Zaur Ibrahimli")
        assert merged == E.find_entity(store, "person", "Zaur Mammadov")
        exported = json.loads(json.dumps(E.export_judgements(store)))
        before = {r["mention_id"]: r["person_id"] for r in E.memberships(store)}
    with Store.open(tmp_path / "fresh.db") as fresh:
        pipeline.ingest(fresh, [CORPUS])
        assert E.import_judgements(fresh, exported) == 2
        E.resolve_store(fresh)
        after = {r["mention_id"]: r["person_id"] for r in E.memberships(fresh)}
        assert E.find_entity(fresh, "person", "Zaur Mammadov") == E.find_entity(
            fresh, "person", "Zaur Ibrahimli"
        )
        assert after[one_mention] != E.find_entity(fresh, "person", "Fuad Mammadov") or (
            len(E.get_person(fresh, after[one_mention])["letters"]) == 1
        )
    assert after == before


def test_cli_lists_people_and_explains_a_person(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    build(db).close()
    runner = CliRunner()
    out = runner.invoke(app, ["people", "--db", str(db), "--min-letters", "2", "--format", "json"])
    assert out.exit_code == 0, out.output
    names = {r["name"] for r in json.loads(out.output)}
    assert "Novella Jafarova" in names and "Khatira Valiyeva" not in names
    out = runner.invoke(app, ["person", "Novella Jafarova", "--db", str(db), "--why", "-f", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)[0]["aliases"] == ["Novella Jafarova"]
    out = runner.invoke(app, ["org", "nobody at all", "--db", str(db)])
    assert out.exit_code == 1 and "no organization named" in out.output + out.stderr


def test_judgements_exported_and_imported_by_cli_apply_in_a_re_ingested_store(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    old, new, dump = tmp_path / "old.db", tmp_path / "new.db", tmp_path / "judgements.jsonl"

    def cli(*args: str) -> str:
        out = runner.invoke(app, [*args])
        assert out.exit_code == 0, out.output
        return out.stdout

    def person(db: Path, name: str) -> str:
        return str(json.loads(cli("person", name, "--db", str(db), "-f", "json"))[0]["id"])

    cli("ingest", str(CORPUS), "--db", str(old), "-q")
    zaur, ibrahimli = person(old, "Zaur Mammadov"), person(old, "Zaur Ibrahimli")
    ramil = json.loads(cli("person", "Ramil Iskandarli", "--db", str(old), "-f", "json"))[0]
    first, second = (x["mention_id"] for x in ramil["letters"])
    cli("merge", zaur, ibrahimli, "--db", str(old))
    cli("split", ramil["id"], second, "--db", str(old))
    cli("judgements", "export", "-o", str(dump), "--db", str(old))
    rows = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert [(r["kind"], r["verdict"], r["left_mention"]) for r in rows][1:] == [
        ("person", "split", second)
    ]
    assert cli("judgements", "export", "--db", str(old)) == dump.read_text(encoding="utf-8")

    cli("ingest", str(CORPUS), "--db", str(new), "-q")
    assert person(new, "Zaur Mammadov") != person(new, "Zaur Ibrahimli")
    out = runner.invoke(app, ["judgements", "import", str(dump), "--db", str(new)])
    assert out.exit_code == 0 and "2 judgements imported" in out.stderr
    cli("resolve", "--full", "--db", str(new))
    assert person(new, "Zaur Mammadov") == person(new, "Zaur Ibrahimli")
    with Store.open(new) as b:
        owner = {r["mention_id"]: r["person_id"] for r in E.memberships(b)}
    assert owner[first] != owner[second]
    with Store.open(old) as a, Store.open(new) as b:
        assert E.memberships(a) == E.memberships(b)
        assert E.export_judgements(a) == E.export_judgements(b)


def test_judgements_import_rejects_a_file_that_is_not_an_export(tmp_path: Path) -> None:
    db, bad = tmp_path / "c.db", tmp_path / "bad.jsonl"
    build(db).close()
    bad.write_text('{"kind": "person", "verdict": "merge"}\n', encoding="utf-8")
    out = CliRunner().invoke(app, ["judgements", "import", str(bad), "--db", str(db)])
    assert out.exit_code == 1 and "line 1: not a judgement (missing id, " in out.stderr
