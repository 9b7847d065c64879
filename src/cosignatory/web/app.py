"""The web application: `create_app(db_path, review_token)` builds it.

Pages are rendered on the server; `/api/...` mirrors them as JSON and `/docs` serves
the OpenAPI description. Every API error has one shape:
`{"error": {"status": 404, "code": "not_found", "message": "..."}}`.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http import HTTPStatus
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from cosignatory import __version__
from cosignatory.errors import CosignatoryError, NotFoundError, ReviewError
from cosignatory.store.db import Store
from cosignatory.web import analyses, claims, entities, letters, network, reuse, review, search
from cosignatory.web.analyses import AnalysisCache
from cosignatory.web.deps import STATIC, StorePool, WebSettings, render


def create_app(
    db_path: Path | str, review_token: str | None = None, *, warm: bool = True
) -> FastAPI:
    """The cosignatory web app over the store at `db_path`; review needs `review_token`.

    With `warm`, corpus-wide analyses (network, reuse, claims) start computing in the
    background when the server starts, so their pages answer at once later.
    """
    settings = WebSettings(Path(db_path), review_token or None)
    pool = StorePool(settings.db_path)
    cache = AnalysisCache()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            analyses.warm(cache, lambda: Store.open(settings.db_path, create=False))
        yield
        pool.close()

    app = FastAPI(
        title="cosignatory",
        version=__version__,
        description="Open letters, their signatories and their networks, as pages and JSON.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.pool = pool
    app.state.analyses = cache
    app.state.pages = AnalysisCache()  # pages of large entities, apart from the analyses
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (letters, entities, network, reuse, claims, search, review):
        app.include_router(module.router)
    # Review of extractions lives in its own module, when installed (see letter.html).
    if importlib.util.find_spec("cosignatory.web.corrections") is not None:
        app.include_router(importlib.import_module("cosignatory.web.corrections").router)
    _add_error_handlers(app)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """The OpenAPI explorer, from vendored files: it works offline."""
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="cosignatory API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    return app


def _add_error_handlers(app: FastAPI) -> None:
    async def library_error(request: Request, exc: Exception) -> Response:
        status = (
            404 if isinstance(exc, NotFoundError) else 409 if isinstance(exc, ReviewError) else 400
        )
        return error_response(request, status, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        headers = dict(exc.headers) if exc.headers else None
        return error_response(request, exc.status_code, str(exc.detail), headers)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()
        )
        return error_response(request, 422, problems or "invalid request")

    app.add_exception_handler(CosignatoryError, library_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)


def error_response(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The one error shape: JSON under /api, an HTML page elsewhere."""
    code = HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
        body = {"error": {"status": status, "code": code, "message": message}}
        return JSONResponse(body, status_code=status, headers=headers)
    context = {"status": status, "phrase": HTTPStatus(status).phrase, "message": message}
    response = render(request, "error.html", context, status=status)
    response.headers.update(headers or {})
    return response
