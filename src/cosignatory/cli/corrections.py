"""`cosignatory corrections list|export|import|withdraw`: reviewed extraction corrections."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from cosignatory.cli import app
from cosignatory.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    Format,
    FormatOption,
    OutputOption,
)
from cosignatory.cli.output import render, write_jsonl
from cosignatory.errors import ReviewError
from cosignatory.review import Status
from cosignatory.store import Store
from cosignatory.store import corrections as store_corrections

corrections = typer.Typer(
    help="Reviewed corrections of extraction output: list, export, import, withdraw.",
    no_args_is_help=True,
)
app.add_typer(corrections, name="corrections")


@corrections.command("list")
def list_(
    letter: Annotated[str | None, typer.Option("--letter", help="Only this letter's.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="active, needs-review or withdrawn.")
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = Format.table,
) -> None:
    """List corrections, re-checked against the stored extraction, in the order made."""
    if status not in (None, "active", "needs-review", "withdrawn"):
        raise typer.BadParameter(f"unknown status {status!r}", param_hint="--status")
    with Store.open(db, create=False) as store:
        store_corrections.recheck(store)
        rows = store_corrections.list_corrections(store, letter=letter, status=_status(status))
    columns = ["id", "status", "created_at", "author", "item", "action", "field", "old", "new",
               "text"]  # fmt: skip
    records = [c.to_dict() for c in rows]
    if fmt in (Format.table, Format.csv):
        render([_flat(r) for r in records], fmt, columns, title="Corrections")
    else:
        render(records, fmt)


@corrections.command("export")
def export(
    output: OutputOption = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Write every correction as JSON Lines, keyed by document sha256 and ordinals or spans."""
    with Store.open(db, create=False) as store:
        store_corrections.recheck(store)
        rows = [c.to_dict() for c in store_corrections.list_corrections(store)]
    write_jsonl(rows, output)


@corrections.command("import")
def import_(
    path: Annotated[
        Path, typer.Argument(help="JSON Lines from `corrections export`.", exists=True)
    ],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Add the corrections of an export that the store does not hold yet."""
    records = read_jsonl(path)
    with Store.open(db) as store:
        report = store_corrections.import_corrections(store, records)
        flagged = len(store_corrections.list_corrections(store, status="needs-review"))
    typer.echo(
        f"{report.added} corrections added, {report.existing} already in {db}; "
        f"{report.without_document} wait for their document; {flagged} need review.",
        err=True,
    )


@corrections.command("withdraw")
def withdraw(
    correction_id: Annotated[str, typer.Argument(help="A correction id from `corrections list`.")],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Stop applying a correction (it stays on record)."""
    with Store.open(db, create=False) as store:
        store_corrections.withdraw(store, correction_id)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file; a bad line is an error naming the file and line."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReviewError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise ReviewError(f"{path}:{number}: not a correction record")
            records.append(record)
    return records


def _status(value: str | None) -> Status | None:
    return cast(Status, value) if value else None


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "old": _show(record["old"]), "new": _show(record["new"])}


def _show(value: Any) -> Any:
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    return value
