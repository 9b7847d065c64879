"""Commands over resolved entities: resolve, people, person, orgs, org, merge, split,
not-same, and `judgements export|import`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from cosignatory.cli import app
from cosignatory.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    Format,
    FormatOption,
    OutputOption,
)
from cosignatory.cli.output import render, write_jsonl
from cosignatory.store import Store
from cosignatory.store import entities as E

err = Console(stderr=True)
judgements = typer.Typer(
    help="Human judgements on entities (merge, split, not-same): export and import.",
    no_args_is_help=True,
)
app.add_typer(judgements, name="judgements")
IdArgument = Annotated[str, typer.Argument(help="Entity id (p-... or o-...).")]


def _summary(s: E.ResolveSummary) -> None:
    err.print(
        f"{s.mentions} mentions ({s.new_mentions} new): {s.people} people, "
        f"{s.organizations} organizations; {s.judgements} judgements applied."
    )


def _show(record: dict[str, Any], fmt: Format, sections: dict[str, list[str]]) -> None:
    """One entity: a JSON document, or its header and one table per section."""
    if fmt in (Format.json, Format.jsonl):
        render([record], fmt)
        return
    print(f"{record['id']}  {record['name']}")
    for section, columns in sections.items():
        rows = record[section]
        if rows and not isinstance(rows[0], dict):
            rows = [
                {columns[0]: r} if isinstance(r, str) else dict(zip(columns, r, strict=False))
                for r in rows
            ]
        render(rows, fmt, columns, title=section)


@app.command("resolve")
def resolve_cmd(
    db: DbOption = DEFAULT_DB_PATH,
    full: Annotated[bool, typer.Option("--full", help="Recompute every entity.")] = False,
) -> None:
    """Resolve signatories into people and organizations (incremental unless --full)."""
    with Store.open(db, create=False) as store:
        _summary(E.resolve_store(store, full=full))


@app.command()
def people(
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = Format.table,
    min_letters: Annotated[int, typer.Option("--min-letters", help="At least N letters.")] = 1,
) -> None:
    """People with their number of letters, first and last date, current organization."""
    with Store.open(db, create=False) as store:
        rows = E.list_people(store, min_letters)
    render(rows, fmt, ["id", "name", "letters", "first", "last", "organization"])


@app.command()
def person(
    name_or_id: Annotated[str, typer.Argument(help="Person id or name as printed.")],
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = Format.table,
    why: Annotated[bool, typer.Option("--why", help="Show the evidence of each merge.")] = False,
) -> None:
    """A person: aliases, letters in date order with role and organization, co-signers."""
    with Store.open(db, create=False) as store:
        record = E.get_person(store, name_or_id)
    if not why:
        record.pop("evidence")
    sections = {
        "aliases": ["alias"],
        "letters": ["date", "letter_id", "name", "role", "organization"],
        "cosigners": ["id", "name", "shared_letters"],
    }
    if why:
        for e in record["evidence"]:
            e["features"] = "; ".join(f"{n} {w:+g} ({d})" for n, w, d in e["features"])
        sections["evidence"] = ["left_name", "right_name", "score", "features"]
    _show(record, fmt, sections)


@app.command()
def orgs(db: DbOption = DEFAULT_DB_PATH, fmt: FormatOption = Format.table) -> None:
    """Organizations with their number of letters and people, first and last date."""
    with Store.open(db, create=False) as store:
        rows = E.list_orgs(store)
    render(rows, fmt, ["id", "name", "letters", "people", "first", "last"])


@app.command()
def org(
    name_or_id: Annotated[str, typer.Argument(help="Organization id or name as printed.")],
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = Format.table,
) -> None:
    """An organization: names as printed, members and roles over time, letters."""
    with Store.open(db, create=False) as store:
        record = E.get_org(store, name_or_id)
    record.pop("evidence")
    _show(
        record,
        fmt,
        {
            "names": ["name"],
            "members": ["person_id", "name", "role", "first", "last", "letters"],
            "letters": ["letter_id", "date"],
        },
    )


@app.command()
def merge(a: IdArgument, b: IdArgument, db: DbOption = DEFAULT_DB_PATH) -> None:
    """Judge two entities to be one (kept in the store, re-applied on every resolution)."""
    with Store.open(db, create=False) as store:
        _summary(E.judge(store, "merge", a, b))


@app.command("not-same")
def not_same(a: IdArgument, b: IdArgument, db: DbOption = DEFAULT_DB_PATH) -> None:
    """Judge two entities never to be one."""
    with Store.open(db, create=False) as store:
        _summary(E.judge(store, "not-same", a, b))


@app.command()
def split(
    entity: IdArgument,
    mention: Annotated[str, typer.Argument(help="Mention id to take out of the entity.")],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Take one mention out of an entity for good."""
    with Store.open(db, create=False) as store:
        _summary(E.split(store, entity, mention))


@judgements.command("export")
def export_judgements(
    output: OutputOption = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Write every judgement as JSON Lines, keyed by mention ids (they outlive the store)."""
    with Store.open(db, create=False) as store:
        rows = E.export_judgements(store)
    write_jsonl(rows, output)


@judgements.command("import")
def import_judgements(
    path: Annotated[Path, typer.Argument(help="JSON Lines from `judgements export`.", exists=True)],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Add the judgements of an export; they apply from the next `resolve`."""
    with Store.open(db, create=False) as store:
        n = E.import_judgements(store, E.read_judgements(path.read_text(encoding="utf-8")))
    err.print(f"{n} judgements imported into {db}; run `cosignatory resolve` to apply them.")
