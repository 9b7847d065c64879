"""Options shared by many commands, declared once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cosignatory.analyze.reuse import Candidates
from cosignatory.store import DEFAULT_DB


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="COSIGNATORY_DB", help="SQLite store to use.", dir_okay=False),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
]
DEFAULT_DB_PATH = DEFAULT_DB
CandidatesOption = Annotated[
    Candidates,
    typer.Option(
        "--candidates",
        help="How letters to align are paired: shared winnowed n-grams, or MinHash LSH "
        "over passages.",
        case_sensitive=False,
    ),
]
