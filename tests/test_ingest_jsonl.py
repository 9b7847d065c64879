"""JSON Lines of articles: one document per record, streamed; bad lines reported, not fatal."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import FIXTURES

from cosignatory.errors import IngestError
from cosignatory.ingest import read_documents
from cosignatory.model import Document

PAGE = (FIXTURES / "ingest" / "letter_page.html").read_text(encoding="utf-8")
RECORDS = [
    {
        "text": "NGOs sent an open letter.\r\nSigned: Anna Petrova",
        "url": "https://a.example/1",
        "title": "Appeal",
        "published": "2025-12-25",
    },
    {"html": PAGE, "url": "https://mirror.example/river"},
]


def _lines(records: list[object]) -> bytes:
    return b"".join(json.dumps(record, ensure_ascii=False).encode() + b"\n" for record in records)


def test_each_record_is_a_document_sourced_by_line(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_bytes(_lines(RECORDS))
    first, second = read_documents(path)
    assert first == Document(
        source=f"{path}#L1",
        text="NGOs sent an open letter.\nSigned: Anna Petrova",
        format="jsonl",
        title="Appeal",
        url="https://a.example/1",
        published="2025-12-25",
    )
    # html goes through the HTML path; the record's own fields win over the page's metadata
    assert (second.source, second.format, second.url, second.title, second.published) == (
        f"{path}#L2",
        "jsonl",
        "https://mirror.example/river",
        "Scientists urge ministers to protect river basins",
        "2024-03-14",
    )
    assert second.text.startswith("# Scientists urge ministers to protect river basins\n\n")
    assert "- Tomás Ruiz-Albán, Senior Researcher, Instituto de Aguas\n" in second.text


def test_gzipped_json_lines_read_the_same(tmp_path: Path) -> None:
    plain, packed = tmp_path / "a.jsonl", tmp_path / "a.jsonl.gz"
    plain.write_bytes(_lines(RECORDS))
    packed.write_bytes(gzip.compress(_lines(RECORDS), mtime=0))
    texts = [document.text for document in read_documents(plain)]
    assert [document.text for document in read_documents(packed)] == texts
    assert [document.source for document in read_documents(packed)] == [
        f"{packed}#L1",
        f"{packed}#L2",
    ]


def test_bad_lines_are_named_after_every_good_record_is_yielded(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        _lines([{"text": "first"}])
        + b'{"text": "broken\n'
        + b"\n"  # blank lines are skipped, not errors
        + _lines([[1, 2], {"title": "no body"}, {"text": "   "}, {"text": "last"}])
        + b"\xff\xfe{}\n"
    )
    documents: list[Document] = []
    with pytest.raises(IngestError) as caught:
        for document in read_documents(path):
            documents.append(document)
    assert [(d.source, d.text) for d in documents] == [
        (f"{path}#L1", "first"),
        (f"{path}#L7", "last"),
    ]
    assert str(caught.value) == (
        f"{path}: skipped bad JSON Lines: "
        "line 2: invalid JSON (Invalid control character at column 17); "
        "line 4: a JSON list, not an object; "
        "line 5: no 'text' or 'html'; "
        "line 6: empty text; "
        "line 8: not UTF-8"
    )


def test_more_than_five_bad_lines_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "junk.jsonl"
    path.write_bytes(b"x\n" * 8)
    with pytest.raises(IngestError) as caught:
        list(read_documents(path))
    assert caught.value.reason.endswith(
        "line 5: invalid JSON (Expecting value at column 1); and 3 more"
    )


def test_record_over_the_size_limit_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(
        _lines([{"text": "small"}, {"text": "x" * 5000}, {"text": "after"}])
        + json.dumps({"text": "y" * 5000}).encode()  # last line without a newline
    )
    documents: list[Document] = []
    with pytest.raises(IngestError) as caught:
        documents.extend(read_documents(path, max_bytes=1000))
    assert [d.text for d in documents] == ["small", "after"]
    assert caught.value.reason == (
        "skipped bad JSON Lines: line 2: record over 1,000 bytes; line 4: record over 1,000 bytes"
    )


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    records = [{"text": f"record {n} " + "lorem ipsum " * 50} for n in range(200)]
    packed = gzip.compress(_lines(records), mtime=0)
    path.write_bytes(packed[: len(packed) // 2])
    documents: list[Document] = []
    with pytest.raises(IngestError) as caught:
        documents.extend(read_documents(path))
    assert len(documents) > 0
    assert documents[-1].source == f"{path}#L{len(documents)}"
    assert caught.value.reason.startswith("skipped bad JSON Lines: corrupt gzip after line ")
