"""Fixtures shared by the whole suite: the shared corpus, stores, and the CLI runner."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from cosignatory.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "eval" / "gold"
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"

CHROMIUM = Path("/usr/bin/chromium")  # Debian's: Playwright's own download does not work here
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "out" / "screenshots"

DECEMBER_LETTER = CORPUS / "000_82e5b8a0caa968aa.txt"
FEBRUARY_LETTER = CORPUS / "001_88bdff56141247d5.txt"
NEWS_PAGE = CORPUS / "004_3196156158a16e91.txt"


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file with the shared corpus ingested once per test session (treat as read-only)."""
    from cosignatory import pipeline

    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with Store.open(path) as store:
        report = pipeline.ingest(store, [CORPUS])
    assert report.errors == []
    return path


@pytest.fixture()
def corpus_store(corpus_db: Path) -> Iterator[Store]:
    with Store.open(corpus_db, create=False) as store:
        yield store


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session (two cores) for every Spark test."""
    pytest.importorskip("pyspark")
    from cosignatory.engines import session

    spark = session("local[2]")
    yield spark
    spark.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session, driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (./bootstrap test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def distinct_colours(png: Path | bytes, size: tuple[int, int] = (320, 225)) -> list[int]:
    """Pixel counts of each distinct colour of a screenshot, scaled down: blank pages have few."""
    from io import BytesIO

    from PIL import Image

    source = BytesIO(png) if isinstance(png, bytes) else png
    with Image.open(source) as image:
        colours = image.convert("RGB").resize(size).getcolors(maxcolors=size[0] * size[1])
    return [count for count, _ in colours or ()]


@contextmanager
def serving(db: Path, review_token: str | None = None) -> Iterator[str]:
    """The web app over `db`, served by uvicorn on a free local port; yields its base URL."""
    import uvicorn

    from cosignatory.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(db, review_token), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the web server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
