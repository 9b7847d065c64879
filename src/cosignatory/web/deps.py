"""What every route depends on: a store connection, the templates, and the review gate.

Each request borrows one SQLite connection from a small pool (connections are not
shared between threads at the same time). Templates autoescape everything: the
text of documents is untrusted. The review gate compares a token in constant time;
a server started without a token refuses every review action.
"""

from __future__ import annotations

import hmac
import queue
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from cosignatory import __version__
from cosignatory.store import Store

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
REVIEW_COOKIE = "cosignatory_review"


@dataclass(frozen=True)
class WebSettings:
    """How the server was started."""

    db_path: Path
    review_token: str | None = None

    @property
    def review_enabled(self) -> bool:
        return bool(self.review_token)


class StorePool:
    """Open stores handed to one request at a time; grows to the number of worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._idle.put(Store.open(path, create=False))  # fails early on a missing store

    def acquire(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            return Store.open(self.path, create=False)

    def release(self, store: Store) -> None:
        if store.conn.in_transaction:
            store.conn.rollback()
        self._idle.put(store)

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def get_store(request: Request) -> Iterator[Store]:
    pool: StorePool = request.app.state.pool
    store = pool.acquire()
    try:
        yield store
    finally:
        pool.release(store)


StoreDep = Annotated[Store, Depends(get_store)]


def settings(request: Request) -> WebSettings:
    result: WebSettings = request.app.state.settings
    return result


def presented_token(request: Request) -> str | None:
    """The review token a request carries: a bearer header, X-Review-Token, or the cookie."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-review-token") or request.cookies.get(REVIEW_COOKIE)


def is_reviewer(request: Request) -> bool:
    token = settings(request).review_token
    given = presented_token(request)
    return bool(token and given and hmac.compare_digest(token.encode(), given.encode()))


def require_reviewer(request: Request) -> None:
    """Refuse (403) unless the server has a review token and the request presents it."""
    if not settings(request).review_enabled:
        raise HTTPException(403, "review is disabled: start the server with --review-token")
    if not is_reviewer(request):
        raise HTTPException(403, "a valid review token is required for this action")


def _make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.filters["qs"] = _query_string
    return env


def _query_string(params: dict[str, Any], **changes: Any) -> str:
    """The query string of `params` with `changes` applied, empty values dropped."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})


ENV = _make_env()


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """A page from `template` with `context`, plus what every page needs."""
    page = ENV.get_template(template).render(
        request=request,
        review_enabled=settings(request).review_enabled,
        reviewer=is_reviewer(request),
        path=request.url.path,
        **context,
    )
    return HTMLResponse(page, status_code=status)
