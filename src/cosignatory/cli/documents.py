"""Commands over documents and letters: ingest, extract, letters, show, signatories."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from cosignatory import pipeline
from cosignatory.analyze.reuse import Candidates
from cosignatory.cli import app
from cosignatory.cli.corrections import read_jsonl
from cosignatory.cli.options import DEFAULT_DB_PATH, DbOption, Format, FormatOption
from cosignatory.cli.output import render
from cosignatory.errors import IngestError
from cosignatory.ingest import iter_files
from cosignatory.review import Correction
from cosignatory.store import Store, get_letter, list_letters, list_signatories

err = Console(stderr=True, soft_wrap=True)
PathsArgument = Annotated[
    list[Path], typer.Argument(help="Files or folders (read recursively).", show_default=False)
]


class Engine(StrEnum):
    local = "local"
    spark = "spark"


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders (read recursively).", show_default=False),
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local (into the SQLite store) or spark (Parquet).")
    ] = Engine.local,
    master: Annotated[
        str, typer.Option("--master", help="Spark master: local[*], local[2], spark://host:7077.")
    ] = "local[*]",
    inputs: Annotated[
        list[str] | None,
        typer.Option("--input", help="Shards for --engine spark: file, folder or glob (repeat)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Parquet output folder for --engine spark.", file_okay=False),
    ] = None,
    candidates: Annotated[
        Candidates,
        typer.Option(
            "--reuse-candidates",
            help="--engine spark: pair letters for the reuse table by shared winnowed n-grams "
            "or by MinHash LSH over passages.",
            case_sensitive=False,
        ),
    ] = Candidates.winnow,
) -> None:
    """Read documents, extract their letters and signatories, store them, and resolve entities.

    With --engine spark the same pipeline runs on Apache Spark and writes Parquet to --output;
    `cosignatory load DIR` then puts it into a store.
    """
    if engine is Engine.spark:
        if output is None:
            raise typer.BadParameter("--engine spark needs --output DIR", param_hint="--output")
        from cosignatory.cli.spark import spark_ingest

        spark_ingest(inputs or [str(p) for p in paths or []], output, master, quiet, candidates)
        return
    if not paths:
        raise typer.BadParameter("give at least one file or folder", param_hint="PATHS")
    files = list(iter_files(paths))
    with (
        Store.open(db) as store,
        Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or not err.is_terminal,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("Ingesting", total=len(files))
        report = pipeline.ingest(store, files, on_file=lambda _: progress.advance(task))
    for error in report.errors:
        err.print(Text(f"Error: {error}", style="red"))
    if not quiet:
        err.print(
            f"{report.documents} documents read: {report.stored} stored, "
            f"{report.skipped} skipped (already stored), {report.failed} failed. "
            f"Found {report.letters} letters and {report.signatories} signatories."
        )
        if report.resolution is not None:
            err.print(
                f"Resolved {report.resolution.mentions} mentions into "
                f"{report.resolution.people} people and "
                f"{report.resolution.organizations} organizations."
            )
        if report.documents and report.stored == 0 and report.skipped == report.documents:
            err.print(f"Nothing new: every document was already in {db}.")
    if report.errors:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: PathsArgument,
    fmt: FormatOption = Format.jsonl,
    corrections: Annotated[
        Path | None,
        typer.Option(
            "--corrections",
            help="Replay reviewed corrections (from `cosignatory corrections export`).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Extract letters without a store: one JSON object per document, {"source", "letters"}."""
    failed: list[IngestError] = []
    reviewed = [Correction.from_dict(r) for r in read_jsonl(corrections)] if corrections else []
    records = pipeline.extract_records(paths, on_error=failed.append, corrections=reviewed)
    if fmt is Format.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt is Format.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        render(_signatory_rows(records), fmt)
    for error in failed:
        err.print(Text(f"Error: {error}", style="red"))
    if failed:
        raise typer.Exit(1)


def _signatory_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"source": r["source"], "letter": i, **{k: v for k, v in s.items() if k != "span"}}
        for r in records
        for i, letter in enumerate(r["letters"])
        for s in letter["signatories"]
    ]


@app.command()
def reextract(
    db: DbOption = DEFAULT_DB_PATH,
    everything: Annotated[
        bool, typer.Option("--all", help="Re-extract every document, not only outdated ones.")
    ] = False,
) -> None:
    """Re-run extraction on stored documents made by an older extractor; replay corrections."""
    with Store.open(db, create=False) as store:
        report = pipeline.reextract(store, everything=everything)
    flagged = report.corrections.get("needs-review", 0)
    err.print(
        f"Re-extracted {report.documents} documents: {report.letters} letters, "
        f"{report.signatories} signatories. Corrections: "
        f"{report.corrections.get('active', 0)} still apply, {flagged} need review"
        + (" (`cosignatory corrections list --status needs-review`)." if flagged else ".")
    )


@app.command()
def letters(db: DbOption = DEFAULT_DB_PATH, fmt: FormatOption = Format.table) -> None:
    """List the stored letters."""
    with Store.open(db, create=False) as store:
        rows = list_letters(store)
    columns = ["id", "date", "reproduced", "addressees", "senders", "signatories", "title"]
    render(rows, fmt, columns if fmt in (Format.table, Format.csv) else None, title="Letters")


@app.command()
def show(
    letter_id: Annotated[str, typer.Argument(help="A letter id from `cosignatory letters`.")],
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = Format.table,
) -> None:
    """One letter: its fields, its signatories, and its source text with the spans marked."""
    with Store.open(db, create=False) as store:
        letter = get_letter(store, letter_id)
    if fmt is not Format.table:
        render([letter], fmt)
        return
    out = Console()
    for key in ("id", "date", "reproduced", "title", "source", "url"):
        out.print(Text.assemble((f"{key}: ", "bold"), str(letter.get(key) or "")))
    out.print(
        Text.assemble(
            ("addressees: ", "bold"),
            "; ".join(
                ", ".join(x for x in (a["name"], a["role"]) if x) for a in letter["addressees"]
            ),
        )
    )
    out.print(Text.assemble(("senders: ", "bold"), "; ".join(s["name"] for s in letter["senders"])))
    columns = ["id", "name", "role", "organization"]
    render(letter["signatories"], Format.table, columns, title="Signatories")
    out.print(marked_text(letter))


FIELD_STYLES = {"name": "bold cyan", "role": "yellow", "organization": "green"}


def marked_text(letter: dict[str, Any]) -> Text:
    """The letter's source text with every extracted span styled by the field it fed."""
    start, end = letter.get("start") or 0, letter.get("end") or len(letter["text"])
    text = Text(letter["text"][start:end])
    for s in letter["signatories"]:
        for field_name, style in FIELD_STYLES.items():
            if s.get(f"{field_name}_start") is not None:
                text.stylize(
                    style, s[f"{field_name}_start"] - start, s[f"{field_name}_end"] - start
                )
    for a in letter["addressees"]:
        if a.get("start") is not None:
            text.stylize("magenta", a["start"] - start, a["end"] - start)
    for s in letter["senders"]:
        if s.get("start") is not None:
            text.stylize("bold magenta", s["start"] - start, s["end"] - start)
    if letter.get("date_start") is not None:
        text.stylize("reverse", letter["date_start"] - start, letter["date_end"] - start)
    return text


@app.command()
def signatories(
    letter: Annotated[str | None, typer.Option("--letter", help="Only this letter's.")] = None,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = Format.table,
) -> None:
    """List signatory mentions as printed, with their letter and span."""
    with Store.open(db, create=False) as store:
        rows = list_signatories(store, letter)
    columns = ["id", "date", "name", "role", "organization", "start", "end"]
    render(rows, fmt, columns if fmt in (Format.table, Format.csv) else None, title="Signatories")
