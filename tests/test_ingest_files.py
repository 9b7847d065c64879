"""Walking paths, size limits, and the batch helper that isolates a bad file."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from conftest import CORPUS

from cosignatory.errors import IngestError
from cosignatory.ingest import DEFAULT_MAX_BYTES, iter_files, read_documents, read_paths
from cosignatory.model import Document


def _tree(root: Path) -> None:
    for name in [
        "b.txt", "a.md", "notes.docx", "page.HTM", "z/deep/x.pdf", "z/y.jsonl.gz", "z/c.markdown",
        "z/feed.ndjson", ".hidden/h.txt", "z/.draft.txt", "image.png", "data.jsonl",
    ]:  # fmt: skip
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_folders_are_walked_recursively_in_sorted_order_keeping_known_formats(
    tmp_path: Path,
) -> None:
    _tree(tmp_path)
    found = [path.relative_to(tmp_path).as_posix() for path in iter_files([tmp_path])]
    assert found == [
        "a.md", "b.txt", "data.jsonl", "page.HTM",
        "z/c.markdown", "z/feed.ndjson", "z/y.jsonl.gz", "z/deep/x.pdf",
    ]  # fmt: skip


def test_a_file_given_by_name_is_kept_whatever_its_suffix(tmp_path: Path) -> None:
    _tree(tmp_path)
    given = [tmp_path / "notes.docx", tmp_path / "b.txt", tmp_path / "z"]
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files(given)] == [
        "notes.docx", "b.txt", "z/c.markdown", "z/feed.ndjson", "z/y.jsonl.gz", "z/deep/x.pdf",
    ]  # fmt: skip


def test_a_missing_path_raises_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(IngestError) as caught:
        list(iter_files([missing]))
    assert str(caught.value) == f"{missing}: no such file or folder"


def test_file_over_the_limit_is_refused_with_the_sizes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("a" * 2_500_000)
    with pytest.raises(IngestError) as caught:
        list(read_documents(path, max_bytes=1_000_000))
    assert caught.value.reason == (
        "file is 2.5 MB, over the 1 MB limit; split it or pass --max-size"
    )


def test_large_file_is_refused_from_its_size_before_reading(tmp_path: Path) -> None:
    """A 200 MB sparse file: refused from its size, without reading any of it into memory."""
    path = tmp_path / "huge.html"
    with path.open("wb") as stream:
        stream.truncate(200_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as caught:
            list(read_documents(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
    assert DEFAULT_MAX_BYTES == 50_000_000
    assert caught.value.reason == (
        "file is 200.0 MB, over the 50 MB limit; split it or pass --max-size"
    )


def test_unreadable_path_is_an_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:
        list(read_documents(tmp_path))
    assert caught.value.reason == "is a folder, not a file"


def test_read_paths_yields_documents_and_errors_in_order_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Open letter")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.md").write_text("Signed")
    results = list(read_paths([tmp_path, tmp_path / "gone.txt"]))
    assert results[0] == Document(str(tmp_path / "a.txt"), "Open letter", "text")
    assert (
        isinstance(results[1], IngestError)
        and str(results[1]) == f"{tmp_path / 'b.txt'}: empty file"
    )
    assert results[2] == Document(str(tmp_path / "c.md"), "Signed", "markdown")
    assert isinstance(results[3], IngestError)
    assert str(results[3]) == f"{tmp_path / 'gone.txt'}: no such file or folder"
    assert len(results) == 4


def test_shared_corpus_reads_as_one_text_document_per_file() -> None:
    documents = [item for item in read_paths([CORPUS])]
    assert [(Path(d.source).name, d.format) for d in documents if isinstance(d, Document)] == [
        (path.name, "text") for path in sorted(CORPUS.glob("*.txt"))
    ]
