"""Review of extractions on the web: the JSON API that records corrections of a letter.

Every POST here is a review action: refused (403, nothing changes) unless the server
has a review token and the request presents it (`deps.require_reviewer`). Reading
corrections is open. The letter page's review panel (`letter_review.html`,
`static/review.js`) calls these endpoints; so can any API client.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from cosignatory.model import Span
from cosignatory.review import Action, Item, Status
from cosignatory.store import corrections as store_corrections
from cosignatory.store.db import Store
from cosignatory.web.deps import StoreDep, require_reviewer

router = APIRouter(tags=["corrections"])
Reviewer = Depends(require_reviewer)
SignatoryField = Literal["name", "role", "organization"]
AddresseeField = Literal["name", "role"]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
    author: str | None = Field(
        default=None, max_length=200, description="Who makes the correction."
    )


class FieldValue(Body):
    field: str
    value: str | None = Field(
        None, max_length=2000, description="The value as printed; null clears it."
    )


class SignatoryFieldValue(FieldValue):
    field: SignatoryField


class AddresseeFieldValue(FieldValue):
    field: AddresseeField


class DateValue(Body):
    date: str | None = Field(
        default=None, description="ISO 8601, partial allowed (2025-12); null: none."
    )
    start: int | None = Field(
        None, ge=0, description="Span of the date in the source, if selected."
    )
    end: int | None = Field(default=None, ge=0)


class Selection(Body):
    start: int = Field(ge=0, description="Start of the selected source text (characters).")
    end: int = Field(ge=0, description="End of the selected source text (exclusive).")
    name: str | None = Field(default=None, max_length=2000)
    role: str | None = Field(default=None, max_length=2000)
    organization: str | None = Field(default=None, max_length=2000)


def _record(
    store: Store,
    letter_id: str,
    item: Item,
    action: Action,
    body: Body,
    **kwargs: Any,
) -> dict[str, Any]:
    correction = store_corrections.correct(
        store, letter_id, item, action, author=body.author or "web", **kwargs
    )
    return {"correction": correction.to_dict()}


@router.get("/api/letters/{letter_id}/corrections")
def letter_corrections(store: StoreDep, letter_id: str) -> dict[str, Any]:
    """The corrections of one letter, in the order made, with their status."""
    letter = store_corrections.corrected_letter(store, letter_id)
    return {"letter_id": letter_id, "corrections": letter["corrections"]}


@router.get("/api/corrections")
def all_corrections(
    store: StoreDep,
    status: Annotated[
        Status | None, Query(description="Only corrections with this status.")
    ] = None,
) -> dict[str, Any]:
    """Every correction (as `cosignatory corrections export` writes them)."""
    rows = store_corrections.list_corrections(store, status=status)
    return {"corrections": [c.to_dict() for c in rows]}


@router.post("/api/letters/{letter_id}/date", status_code=201, dependencies=[Reviewer])
def correct_date(store: StoreDep, letter_id: str, body: DateValue) -> dict[str, Any]:
    """Set the letter's date (the selected text it is printed as, optionally)."""
    span = Span(body.start, body.end) if body.start is not None and body.end is not None else None
    return _record(store, letter_id, "letter", "set", body, field="date", new=body.date, span=span)


@router.post("/api/letters/{letter_id}/signatories", status_code=201, dependencies=[Reviewer])
def add_signatory(store: StoreDep, letter_id: str, body: Selection) -> dict[str, Any]:
    """Add a missed signatory from the selected text of the source."""
    values = {"name": body.name, "role": body.role, "organization": body.organization}
    span = Span(body.start, body.end)
    return _record(store, letter_id, "signatory", "add", body, new=values, span=span)


@router.post(
    "/api/letters/{letter_id}/signatories/{signatory_id}", status_code=201, dependencies=[Reviewer]
)
def correct_signatory(
    store: StoreDep, letter_id: str, signatory_id: str, body: SignatoryFieldValue
) -> dict[str, Any]:
    """Fix a signatory's name, role or organization."""
    return _record(
        store, letter_id, "signatory", "set", body,
        target=signatory_id, field=body.field, new=body.value,
    )  # fmt: skip


@router.post(
    "/api/letters/{letter_id}/signatories/{signatory_id}/remove",
    status_code=201,
    dependencies=[Reviewer],
)
def remove_signatory(
    store: StoreDep, letter_id: str, signatory_id: str, body: Body | None = None
) -> dict[str, Any]:
    """Remove a spurious signatory."""
    return _record(store, letter_id, "signatory", "remove", body or Body(), target=signatory_id)


@router.post("/api/letters/{letter_id}/addressees", status_code=201, dependencies=[Reviewer])
def add_addressee(store: StoreDep, letter_id: str, body: Selection) -> dict[str, Any]:
    """Add a missed addressee from the selected text of the source."""
    span = Span(body.start, body.end)
    values = {"name": body.name, "role": body.role}
    return _record(store, letter_id, "addressee", "add", body, new=values, span=span)


@router.post(
    "/api/letters/{letter_id}/addressees/{ordinal}", status_code=201, dependencies=[Reviewer]
)
def correct_addressee(
    store: StoreDep, letter_id: str, ordinal: int, body: AddresseeFieldValue
) -> dict[str, Any]:
    """Fix an addressee's name or role (addressees are numbered from 0 as the letter reads)."""
    return _record(
        store, letter_id, "addressee", "set", body, target=ordinal, field=body.field, new=body.value
    )


@router.post(
    "/api/letters/{letter_id}/addressees/{ordinal}/remove",
    status_code=201,
    dependencies=[Reviewer],
)
def remove_addressee(
    store: StoreDep, letter_id: str, ordinal: int, body: Body | None = None
) -> dict[str, Any]:
    """Remove a spurious addressee."""
    return _record(store, letter_id, "addressee", "remove", body or Body(), target=ordinal)


@router.post("/api/corrections/{correction_id}/withdraw", dependencies=[Reviewer])
def withdraw(store: StoreDep, correction_id: str) -> dict[str, Any]:
    """Stop applying a correction; it stays on record."""
    store_corrections.withdraw(store, correction_id)
    return {"withdrawn": correction_id}
