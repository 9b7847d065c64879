"""Fixtures shared by the whole suite: the shared corpus, stores, and the CLI runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cosignatory.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "eval" / "gold"
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"

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
