"""Claim conflicts: the same quantity given different figures in different letters."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cosignatory.store.db import Store
from cosignatory.store.search import letter_summaries
from cosignatory.web import analyses
from cosignatory.web.deps import StoreDep, render

router = APIRouter()


def claims_data(store: Store, cache: analyses.AnalysisCache) -> dict[str, Any]:
    found = analyses.claim_conflicts(cache, store)
    titles = letter_summaries(store, sorted({c.letter_id for f in found for c in f.claims}))
    return {
        "conflicts": [
            {
                "topic": f.topic,
                "counts": f.counts,
                "claims": [
                    {
                        **asdict(c),
                        "date": titles.get(c.letter_id, {}).get("date"),
                        "title": titles.get(c.letter_id, {}).get("title"),
                    }
                    for c in f.claims
                ],
            }
            for f in found
        ]
    }


@router.get("/api/claims", tags=["analysis"])
def api_claims(request: Request, store: StoreDep) -> dict[str, Any]:
    """Conflicting figures for one quantity across letters, each claim with its span."""
    return claims_data(store, request.app.state.analyses)


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "claims.html", claims_data(store, request.app.state.analyses))
