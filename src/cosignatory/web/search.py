"""Full-text search over documents and letters (FTS5), as a page and as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from cosignatory.store import search as fts
from cosignatory.web.deps import StoreDep, render

router = APIRouter()
Q = Annotated[str, Query(max_length=500, description='Words and "quoted phrases", all required.')]
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0)]


@router.get("/api/search", tags=["search"])
def api_search(store: StoreDep, q: Q = "", limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Documents, signatories, senders and addressees matching `q`, best first, with snippets."""
    return fts.search(store, q, limit, offset)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, store: StoreDep, q: Q = "", offset: Offset = 0) -> HTMLResponse:
    return render(request, "search.html", fts.search(store, q, 50, offset) | {"offset": offset})
