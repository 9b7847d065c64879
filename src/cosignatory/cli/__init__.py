"""The `cosignatory` command line: thin commands over the library.

Exit codes: 0 success; 1 an error, or some input files failed (the rest were
processed); 2 a usage error (bad option or argument).
"""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from cosignatory.errors import CosignatoryError


class CosignatoryGroup(TyperGroup):
    """Turns library errors into a one-line message on stderr and exit status 1."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CosignatoryError as error:
            Console(stderr=True, soft_wrap=True).print(Text(f"Error: {error}", style="red"))
            raise typer.Exit(1) from error


app = typer.Typer(
    cls=CosignatoryGroup,
    help="Who signed what, with whom, to whom, and when: open letters as citable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# Command modules register themselves on `app` when imported.
from cosignatory.cli import (  # noqa: E402
    analysis,  # noqa: F401
    corrections,  # noqa: F401
    documents,  # noqa: F401
    entities,  # noqa: F401
    serve,  # noqa: F401
    spark,  # noqa: F401
)


def main() -> None:
    app(prog_name="cosignatory")
