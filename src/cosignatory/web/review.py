"""Signing in to review: the token, once checked, is kept in an HttpOnly, SameSite cookie.

API clients send the token instead as `Authorization: Bearer TOKEN` or `X-Review-Token`.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from cosignatory.web.deps import REVIEW_COOKIE, render, settings
from cosignatory.web.entities import form_fields

router = APIRouter(include_in_schema=False)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request) -> HTMLResponse:
    return render(request, "review.html", {})


@router.post("/review")
def sign_in(
    request: Request, form: Annotated[dict[str, str], Depends(form_fields)]
) -> RedirectResponse:
    token = settings(request).review_token
    given = form.get("token", "")
    if not token:
        raise HTTPException(403, "review is disabled: start the server with --review-token")
    if not hmac.compare_digest(token.encode(), given.encode()):
        raise HTTPException(403, "wrong review token")
    response = RedirectResponse("/review", status_code=303)
    response.set_cookie(REVIEW_COOKIE, given, httponly=True, samesite="strict")
    return response


@router.post("/review/sign-out")
def sign_out() -> RedirectResponse:
    response = RedirectResponse("/review", status_code=303)
    response.delete_cookie(REVIEW_COOKIE)
    return response
