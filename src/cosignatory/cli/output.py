"""Rendering rows for the terminal (rich tables) and for machines (JSON, JSON Lines, CSV)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cosignatory.cli.options import Format

Row = dict[str, Any]
PIPE_WIDTH = 160


def render(
    rows: Sequence[Row],
    fmt: Format,
    columns: Sequence[str] | None = None,
    *,
    title: str | None = None,
    out: TextIO | None = None,
) -> None:
    """Print `rows` in `fmt`; `columns` picks and orders the fields of table and CSV output."""
    stream = out or sys.stdout
    cols = list(columns) if columns else _columns(rows)
    if fmt is Format.json:
        stream.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.jsonl:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(stream, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: _flat(row.get(c)) for c in cols} for row in rows)
    else:
        table = Table(title=title, show_lines=False, header_style="bold")
        for col in cols:
            # Ids and dates are never wrapped: a reader copies ids into the next command.
            whole = col in ("id", "date", "first", "last") or col.endswith("_id")
            longest = max((len(str(row.get(col) or "")) for row in rows), default=0)
            table.add_column(
                col.replace("_", " "), overflow="fold", min_width=longest if whole else None
            )
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in cols))
        # On a terminal, its width; in a pipe or a file, room for whole rows.
        console_width = None if stream.isatty() else PIPE_WIDTH
        Console(file=stream, soft_wrap=False, width=console_width).print(table)


def write_jsonl(rows: Iterable[Row], output: Path | None) -> None:
    """Write `rows` as JSON Lines to `output`, or to stdout when it is None."""
    lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows]
    if output is None:
        sys.stdout.writelines(lines)
    else:
        output.write_text("".join(lines), encoding="utf-8")


def _columns(rows: Sequence[Row]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows[:50]:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _flat(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _cell(value: Any) -> Text:
    """A table cell as literal text: document strings are never read as rich markup."""
    if value is None:
        return Text("")
    if isinstance(value, bool):
        return Text("yes" if value else "no")
    if isinstance(value, list | dict):
        return Text(json.dumps(value, ensure_ascii=False))
    return Text(str(value))
