"""The `cosignatory` command line: thin commands over the library.

Exit codes: 0 success; 1 an error, or some input files failed (the rest were
processed); 2 a usage error (bad option or argument).
"""

from __future__ import annotations

from typing import Any

import click
import typer
from typer.core import TyperGroup

from cosignatory.errors import CosignatoryError


class CosignatoryGroup(TyperGroup):
    """Turns library errors into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CosignatoryError as error:
            raise CommandError(str(error)) from error


class CommandError(click.ClickException):
    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.secho(f"Error: {self.format_message()}", err=True, fg="red")


app = typer.Typer(
    cls=CosignatoryGroup,
    help="Who signed what, with whom, to whom, and when: open letters as citable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# Command modules register themselves on `app` when imported.
from cosignatory.cli import documents  # noqa: E402,F401


def main() -> None:
    app(prog_name="cosignatory")
