"""`cosignatory serve`: the web UI and JSON API over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from cosignatory.cli import app
from cosignatory.cli.options import DEFAULT_DB_PATH, DbOption


@app.command()
def serve(
    db: DbOption = DEFAULT_DB_PATH,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    review_token: Annotated[
        str | None,
        typer.Option(
            "--review-token",
            envvar="COSIGNATORY_REVIEW_TOKEN",
            help="Enables review actions for whoever presents this token (read-only without it).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Browse, search and review the store in a web browser (API docs at /docs)."""
    import uvicorn

    from cosignatory.web.app import create_app

    web = create_app(db, review_token=review_token)
    mode = "review enabled" if review_token else "read-only"
    typer.echo(f"Serving {db} at http://{host}:{port}/ ({mode}); Ctrl+C stops.", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")
