"""Ingest as a whole: isolation of bad files, idempotence, and interruption."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import CORPUS, DECEMBER_LETTER, FEBRUARY_LETTER

from cosignatory import pipeline
from cosignatory.store import Store, counts


def test_ingesting_the_corpus_twice_stores_each_document_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        first = pipeline.ingest(store, [CORPUS])
        second = pipeline.ingest(store, [CORPUS, DECEMBER_LETTER])
        stored = counts(store)
    assert (first.documents, first.stored, first.skipped, first.letters) == (3, 3, 0, 5)
    assert first.signatories == 75
    assert (second.documents, second.stored, second.skipped, second.letters) == (4, 0, 4, 0)
    assert stored == {"documents": 3, "letters": 5, "signatories": 75}


def test_bad_files_are_reported_by_name_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "a_junk.txt").write_bytes(bytes(range(256)) * 64)
    (bad / "b_empty.txt").write_bytes(b"")
    (bad / "c_corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <</Type /Catalog>> garbage")
    huge = bad / "d_huge.txt"
    with huge.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: the size check must reject it unread
    (bad / "e_good.txt").write_text(DECEMBER_LETTER.read_text(encoding="utf-8"), encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        pipeline.ingest(store, [FEBRUARY_LETTER])
        report = pipeline.ingest(store, [bad])
        stored = counts(store)
    failed = sorted(Path(e.source).name for e in report.errors)
    assert failed == ["a_junk.txt", "b_empty.txt", "c_corrupt.pdf", "d_huge.txt"]
    assert all("\n" not in str(e) for e in report.errors)
    assert (report.stored, report.letters, report.signatories) == (1, 1, 30)
    assert stored == {"documents": 2, "letters": 2, "signatories": 75}


def test_killed_ingest_leaves_a_consistent_store_and_a_rerun_completes_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    template = DECEMBER_LETTER.read_text(encoding="utf-8")
    for i in range(1000):
        (docs / f"{i:04}.txt").write_text(f"Item {i}\n\n{template}", encoding="utf-8")
    db = tmp_path / "t.db"
    cli = [sys.executable, "-m", "cosignatory", "ingest", str(docs), "--db", str(db), "-q"]
    proc = subprocess.Popen(cli, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if db.exists() and _documents(db) >= 20:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _documents(db)
    assert 20 <= partial < 1000
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Every stored document has its whole extraction: one letter of 30 signatories.
    per_document = conn.execute(
        "SELECT d.id, count(m.id) FROM documents d LEFT JOIN letters l ON l.document_id = d.id"
        " LEFT JOIN mentions m ON m.letter_id = l.id GROUP BY d.id"
    ).fetchall()
    conn.close()
    assert {n for _, n in per_document} == {30}
    subprocess.run(cli, check=True)
    with Store.open(db) as store:
        assert counts(store) == {"documents": 1000, "letters": 1000, "signatories": 30000}


def _documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0
