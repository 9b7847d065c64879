"""Commands of the distributed path: `load` (Spark output → store) and the Spark ingest.

`spark_ingest` is the body of `cosignatory ingest --engine spark`; `load` puts a run's
Parquet tables into the SQLite store every other command reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cosignatory.analyze.reuse import Candidates, Settings
from cosignatory.cli import app
from cosignatory.cli.options import DEFAULT_DB_PATH, DbOption

err = Console(stderr=True)


def spark_ingest(
    inputs: list[str],
    output: Path,
    master: str,
    quiet: bool = False,
    candidates: Candidates = Candidates.winnow,
) -> None:
    """Run the pipeline on Spark over `inputs` (files, folders, globs); Parquet to `output`."""
    from cosignatory.engines import run_spark_ingest

    report = run_spark_ingest(inputs, output, master, reuse=Settings(candidates=candidates))
    if not quiet:
        err.print(
            f"{report.files} files: {report.documents} documents stored, "
            f"{report.duplicates} duplicates, {report.failed} failed (see {output}/errors). "
            f"Found {report.letters} letters, {report.signatories} signatories, "
            f"{report.people} people, {report.organizations} organizations, "
            f"{report.reuse_pairs} reused passages. Load them with `cosignatory load {output}`."
        )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def load(
    output: Annotated[
        Path, typer.Argument(help="Output folder of `ingest --engine spark`.", file_okay=False)
    ],
    db: DbOption = DEFAULT_DB_PATH,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Put a Spark run's Parquet output into the store the other commands and the web read."""
    from cosignatory.engines.load import load_output
    from cosignatory.store import Store

    with Store.open(db) as store:
        report = load_output(store, output)
    if not quiet:
        again = " and re-resolved the store" if report.resolved_again else ""
        err.print(
            f"{report.documents} documents: {report.stored} stored, {report.skipped} skipped "
            f"(already stored); {report.letters} letters, {report.entities} entities{again}."
        )
