"""The overview, the letter list and the letter page, as HTML and as JSON.

Each page and its `/api/...` twin call the same function for their data, so the
API mirrors what a reader sees.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from cosignatory.store import counts
from cosignatory.store.corrections import corrected_letter
from cosignatory.store.db import Store
from cosignatory.store.search import LetterFilter, find_letters, letters_sharing_signatories
from cosignatory.web import related
from cosignatory.web.analyses import AnalysisCache
from cosignatory.web.deps import StoreDep, render
from cosignatory.web.highlight import Fact, facts_of, segments

router = APIRouter()
PER_PAGE = 50


def letter_filter(
    date_from: Annotated[
        str | None, Query(alias="from", description="Earliest date (ISO, partial allowed).")
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Latest date (ISO).")] = None,
    sender: Annotated[str | None, Query(description="Part of a sender's name.")] = None,
    addressee: Annotated[str | None, Query(description="Part of an addressee.")] = None,
    signatory: Annotated[str | None, Query(description="Part of a signatory's name.")] = None,
    organization: Annotated[str | None, Query(description="Part of an organization.")] = None,
    sort: Literal["date", "signatories", "title", "id"] = "date",
    order: Literal["asc", "desc"] = "asc",
) -> LetterFilter:
    return LetterFilter(
        date_from=date_from or None,
        date_to=date_to or None,
        sender=sender or None,
        addressee=addressee or None,
        signatory=signatory or None,
        organization=organization or None,
        sort=sort,
        descending=order == "desc",
    )


def letters_data(store: Store, where: LetterFilter, page: int) -> dict[str, Any]:
    result = find_letters(store, where, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    result["page"] = page
    result["pages"] = max(1, math.ceil(result["total"] / PER_PAGE))
    return result


def letter_data(store: Store, cache: AnalysisCache, letter_id: str) -> dict[str, Any]:
    letter = corrected_letter(store, letter_id)
    letter["related_by_signatories"] = letters_sharing_signatories(store, letter_id)
    letter["related_by_passages"] = related.shared_passages(store, cache, letter_id)
    letter["entities"] = related.entities_of(store, letter_id)
    return letter


Filters = Annotated[LetterFilter, Depends(letter_filter)]
Page = Annotated[int, Query(ge=1, description="Page number, 50 letters a page.")]


def overview_data(store: Store) -> dict[str, Any]:
    latest = find_letters(store, LetterFilter(descending=True), limit=10)["letters"]
    return {"counts": {**counts(store), **related.entity_counts(store)}, "latest": latest}


@router.get("/api/overview", tags=["overview"])
def api_overview(store: StoreDep) -> dict[str, Any]:
    """How much the store holds, and the latest letters."""
    return overview_data(store)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "overview.html", overview_data(store))


@router.get("/api/letters", tags=["letters"])
def api_letters(store: StoreDep, where: Filters, page: Page = 1) -> dict[str, Any]:
    """Letters matching the filters, sorted, 50 a page."""
    return letters_data(store, where, page)


@router.get("/letters", response_class=HTMLResponse, include_in_schema=False)
def letters_page(request: Request, store: StoreDep, where: Filters, page: Page = 1) -> HTMLResponse:
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    return render(request, "letters.html", {**letters_data(store, where, page), "params": params})


@router.get("/api/letters/{letter_id}", tags=["letters"])
def api_letter(request: Request, store: StoreDep, letter_id: str) -> dict[str, Any]:
    """One letter: fields, spans, signatories, document text, and related letters."""
    return letter_data(store, request.app.state.analyses, letter_id)


@router.get("/letters/{letter_id}", response_class=HTMLResponse, include_in_schema=False)
def letter_page(
    request: Request,
    store: StoreDep,
    letter_id: str,
    hl: Annotated[
        str | None, Query(pattern=r"^\d+-\d+$", description="A span to point at: START-END.")
    ] = None,
) -> HTMLResponse:
    letter = letter_data(store, request.app.state.analyses, letter_id)
    span = (letter["start"], letter["end"]) if letter["start"] is not None else None
    facts = facts_of(letter)
    if hl:
        start, end = (int(x) for x in hl.split("-"))
        facts.append(Fact("hl", "cited", f"cited span [{start}, {end})", start, end))
    parts = segments(letter["text"], facts, span)
    anchor = next((i for i, part in enumerate(parts) if part.cited), -1)
    context = {"letter": letter, "segments": parts, "facts": facts, "anchor": anchor}
    return render(request, "letter.html", context)
