"""Reused passages: two letters' shared text side by side, differences marked."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from cosignatory.analyze.reuse import Reuse
from cosignatory.store.db import Store
from cosignatory.store.search import letter_summaries
from cosignatory.web import analyses
from cosignatory.web.deps import StoreDep, render
from cosignatory.web.diff import word_diff

router = APIRouter()
PER_PAGE = 20


def pair_id(r: Reuse) -> str:
    return f"{r.a.key}.{r.a.start}-{r.b.key}.{r.b.start}"


def reuse_data(
    store: Store, cache: analyses.AnalysisCache, letter: str | None, page: int
) -> dict[str, Any]:
    """Shared passages, most shared words first; with `letter`, only those it takes part in."""
    found = analyses.reuse(cache, store)
    if letter:
        found = [r for r in found if letter in (r.a.key, r.b.key)]
    chosen = found[(page - 1) * PER_PAGE : page * PER_PAGE]
    corpus = analyses.corpus(cache, store)
    titles = letter_summaries(store, sorted({p.key for r in chosen for p in (r.a, r.b)}))
    pairs = []
    for r in chosen:
        sides: list[dict[str, Any]] = []
        for p in (r.a, r.b):
            info = corpus.by_id[p.key]
            sides.append(
                {
                    "letter_id": p.key,
                    "start": p.start,
                    "end": p.end,
                    "words": p.words,
                    "date": info.when,
                    "title": titles.get(p.key, {}).get("title"),
                    "source": info.source,
                    "text": corpus.texts[info.document_id][p.start : p.end],
                }
            )
        left, right = word_diff(sides[0]["text"], sides[1]["text"])
        sides[0]["parts"], sides[1]["parts"] = left, right
        pairs.append(
            {
                "id": pair_id(r),
                "matched": r.matched,
                "similarity": r.similarity,
                "a": sides[0],
                "b": sides[1],
            }
        )
    return {
        "total": len(found),
        "page": page,
        "pages": max(1, math.ceil(len(found) / PER_PAGE)),
        "letter": letter,
        "pairs": pairs,
    }


@router.get("/api/reuse", tags=["analysis"])
def api_reuse(
    request: Request,
    store: StoreDep,
    letter: Annotated[str | None, Query(description="Only pairs with this letter.")] = None,
    page: Annotated[int, Query(ge=1)] = 1,
) -> dict[str, Any]:
    """Passages shared between letters, each with both spans, the texts and a word diff."""
    return reuse_data(store, request.app.state.analyses, letter, page)


@router.get("/reuse", response_class=HTMLResponse, include_in_schema=False)
def reuse_page(
    request: Request,
    store: StoreDep,
    letter: str | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    data = reuse_data(store, request.app.state.analyses, letter, page)
    return render(request, "reuse.html", data | {"params": {"letter": letter}})
