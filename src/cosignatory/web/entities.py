"""People and organizations: lists, pages, and the review actions merge, split and not-same.

Review actions are the same judgements the CLI records (`store.entities.judge` and
`split`); they are refused (403) unless the server has a review token and the request
presents it. Pages post HTML forms; the API takes JSON.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from cosignatory.normalize import fold_text
from cosignatory.store import entities
from cosignatory.store.db import Store
from cosignatory.store.search import letter_summaries, mentions_of
from cosignatory.web.analyses import AnalysisCache
from cosignatory.web.deps import StoreDep, render, require_reviewer

router = APIRouter()
PER_PAGE = 100
SHOWN = 200  # letters and mentions listed on an organization's page and in its JSON
Kind = Literal["person", "organization"]
SECTION: dict[str, str] = {"person": "people", "organization": "organizations"}


def listing(
    store: Store, cache: AnalysisCache, kind: Kind, q: str | None, min_letters: int, page: int
) -> dict[str, Any]:
    """One page of people or organizations (the whole list is computed once per store state)."""
    lister = entities.list_people if kind == "person" else entities.list_orgs
    rows: list[dict[str, Any]] = cache.get(
        store, (kind, min_letters), lambda: lister(store, min_letters)
    )
    if q:
        wanted = fold_text(q)
        rows = [r for r in rows if wanted in fold_text(r["name"] or "")]
    start = (page - 1) * PER_PAGE
    return {
        "kind": kind,
        "total": len(rows),
        "page": page,
        "pages": max(1, math.ceil(len(rows) / PER_PAGE)),
        "rows": rows[start : start + PER_PAGE],
    }


def person_data(store: Store, person_id: str) -> dict[str, Any]:
    person = entities.get_person(store, person_id)
    titles = letter_summaries(store, [x["letter_id"] for x in person["letters"]])
    for x in person["letters"]:
        x["title"] = titles.get(x["letter_id"], {}).get("title")
    held = entities.memberships(store, person["id"])
    captions = _captions(store, [m["organization_id"] for m in held])
    person["memberships"] = _spans_of_membership(held, captions)
    return person


def org_data(store: Store, org_id: str) -> dict[str, Any]:
    """An organization as `get_org` gives it; letters and mentions beyond SHOWN are counted."""
    org = entities.get_org(store, org_id, limit=SHOWN)
    titles = letter_summaries(store, [lid for lid, _ in org["letters"]])
    org["letters"] = [
        {"letter_id": lid, "date": date, "title": titles.get(lid, {}).get("title")}
        for lid, date in org["letters"]
    ]
    org["mentions"] = mentions_of(store, org["id"], limit=SHOWN)
    return org


def _captions(store: Store, ids: list[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    marks = ", ".join("?" * len(wanted))
    rows = store.conn.execute(f"SELECT id, caption FROM entities WHERE id IN ({marks})", wanted)
    return {r[0]: r[1] for r in rows}


def _spans_of_membership(
    rows: list[dict[str, Any]], captions: dict[str, str]
) -> list[dict[str, Any]]:
    """Memberships grouped by organization and role, with first and last letter dates."""
    out: dict[tuple[str, str | None], dict[str, Any]] = {}
    for r in rows:
        key = (r["organization_id"], r["role"])
        m = out.setdefault(
            key,
            {
                "organization_id": r["organization_id"],
                "organization": captions.get(r["organization_id"]),
                "role": r["role"],
                "first": None,
                "last": None,
                "letters": 0,
            },
        )
        m["letters"] += 1
        if r["date"]:
            m["first"] = min(filter(None, [m["first"], r["date"]]))
            m["last"] = max(filter(None, [m["last"], r["date"]]))
    return sorted(out.values(), key=lambda m: (m["first"] or "", m["organization"] or ""))


# Review ---------------------------------------------------------------------------------


class Judgement(BaseModel):
    """A review action on the entity in the path."""

    other: str | None = Field(None, description="The other entity (merge, not-same).")
    mention: str | None = Field(None, description="The mention to split off (split).")
    author: str = Field("web", description="Who made the judgement, kept with it.")


Action = Literal["merge", "split", "not-same"]


def apply_review(
    store: Store, kind: Kind, entity_id: str, action: Action, body: Judgement
) -> dict[str, Any]:
    """Record the judgement, re-resolve, and say where the entity went."""
    current = entities.find_entity(store, kind, entity_id)
    anchor = store.conn.execute(
        "SELECT mention_id FROM mention_entities WHERE entity_id = ? AND mention_id != ?"
        " ORDER BY mention_id LIMIT 1",
        (current, body.mention or ""),
    ).fetchone()
    if action == "split":
        if not body.mention:
            raise HTTPException(422, "split needs the mention to take out")
        entities.split(store, current, body.mention, author=body.author)
    else:
        if not body.other:
            raise HTTPException(422, f"{action} needs the other {kind}")
        other = entities.find_entity(store, kind, body.other)
        entities.judge(store, action, current, other, author=body.author)
    now = store.conn.execute(
        "SELECT entity_id FROM mention_entities WHERE mention_id = ? AND kind = ?",
        (anchor[0] if anchor else "", kind),
    ).fetchone()
    return {"action": action, "entity_id": now[0] if now else None}


def _review_routes(kind: Kind) -> None:
    section = SECTION[kind]

    @router.post(
        f"/api/{section}/{{entity_id}}/{{action}}",
        tags=["review"],
        dependencies=[Depends(require_reviewer)],
    )
    def api_review(
        store: StoreDep, entity_id: str, action: Action, body: Judgement
    ) -> dict[str, Any]:
        """Merge, split or mark not-same (needs the review token); re-resolves the store."""
        return apply_review(store, kind, entity_id, action, body)

    @router.post(
        f"/{section}/{{entity_id}}/{{action}}",
        include_in_schema=False,
        dependencies=[Depends(require_reviewer)],
    )
    def form_review(
        store: StoreDep,
        entity_id: str,
        action: Action,
        form: Annotated[dict[str, str], Depends(form_fields)],
    ) -> RedirectResponse:
        body = Judgement(
            other=form.get("other") or None,
            mention=form.get("mention") or None,
            author=form.get("author") or "web",
        )
        target = apply_review(store, kind, entity_id, action, body)["entity_id"] or entity_id
        return RedirectResponse(f"/{section}/{target}?done={action}", status_code=303)


async def form_fields(request: Request) -> dict[str, str]:
    """An HTML form's fields (application/x-www-form-urlencoded), first value of each."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return {key: values[0].strip() for key, values in parse_qs(body).items()}


# Pages and API ----------------------------------------------------------------------------

Q = Annotated[str | None, Query(description="Part of the name.")]
MinLetters = Annotated[int, Query(ge=1)]
Page = Annotated[int, Query(ge=1)]


@router.get("/api/people", tags=["people"])
def api_people(
    request: Request, store: StoreDep, q: Q = None, min_letters: MinLetters = 1, page: Page = 1
) -> dict[str, Any]:
    """People, most letters first, 100 a page."""
    return listing(store, request.app.state.analyses, "person", q, min_letters, page)


@router.get("/people", response_class=HTMLResponse, include_in_schema=False)
def people_page(
    request: Request, store: StoreDep, q: Q = None, min_letters: MinLetters = 1, page: Page = 1
) -> HTMLResponse:
    data = listing(store, request.app.state.analyses, "person", q, min_letters, page)
    params = {"q": q, "min_letters": min_letters if min_letters > 1 else None}
    return render(request, "entities.html", data | {"params": params, "section": "people"})


@router.get("/api/people/{person_id}", tags=["people"])
def api_person(store: StoreDep, person_id: str) -> dict[str, Any]:
    """A person: aliases, letters with roles, memberships, co-signers, merge evidence."""
    return person_data(store, person_id)


@router.get("/people/{person_id}", response_class=HTMLResponse, include_in_schema=False)
def person_page(
    request: Request, store: StoreDep, person_id: str, done: str | None = None
) -> HTMLResponse:
    return render(request, "person.html", {"person": person_data(store, person_id), "done": done})


@router.get("/api/organizations", tags=["organizations"])
def api_orgs(
    request: Request, store: StoreDep, q: Q = None, min_letters: MinLetters = 1, page: Page = 1
) -> dict[str, Any]:
    """Organizations, most letters first, 100 a page."""
    return listing(store, request.app.state.analyses, "organization", q, min_letters, page)


@router.get("/organizations", response_class=HTMLResponse, include_in_schema=False)
def orgs_page(
    request: Request, store: StoreDep, q: Q = None, min_letters: MinLetters = 1, page: Page = 1
) -> HTMLResponse:
    data = listing(store, request.app.state.analyses, "organization", q, min_letters, page)
    params = {"q": q, "min_letters": min_letters if min_letters > 1 else None}
    return render(request, "entities.html", data | {"params": params, "section": "organizations"})


def cached_org(request: Request, store: Store, org_id: str) -> dict[str, Any]:
    """`org_data`, kept until the store changes: a large organization has thousands of
    mentions to aggregate."""
    pages: AnalysisCache = request.app.state.pages
    return pages.get(store, ("organization", org_id), lambda: org_data(store, org_id))


@router.get("/api/organizations/{org_id}", tags=["organizations"])
def api_org(request: Request, store: StoreDep, org_id: str) -> dict[str, Any]:
    """An organization: names as printed, members and roles over time, letters, evidence."""
    return cached_org(request, store, org_id)


@router.get("/organizations/{org_id}", response_class=HTMLResponse, include_in_schema=False)
def org_page(
    request: Request, store: StoreDep, org_id: str, done: str | None = None
) -> HTMLResponse:
    org = cached_org(request, store, org_id)
    return render(request, "organization.html", {"org": org, "done": done})


_review_routes("person")
_review_routes("organization")
