"""Decoding plain text and Markdown files: encodings, mojibake, newlines, Unicode forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS

from cosignatory.errors import IngestError
from cosignatory.ingest import read_documents
from cosignatory.model import Document


def _read(path: Path) -> Document:
    (document,) = read_documents(path)
    return document


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Grüße, “Müller” – ok\n".encode(), "Grüße, “Müller” – ok\n"),
        ("Grüße aus Köln\n".encode("utf-8-sig"), "Grüße aus Köln\n"),
        ("Offener Brief – Grüße\nПисьмо".encode("utf-16"), "Offener Brief – Grüße\nПисьмо"),
        ("Offener Brief – Grüße".encode("utf-16-be"), "Offener Brief – Grüße"),
        (
            "Open letter\nSigned: Anna Müller\n".encode("utf-16-le"),
            "Open letter\nSigned: Anna Müller\n",
        ),
        (
            "Grüße aus Köln, «Ça va?» Straße\n".encode("latin-1"),
            "Grüße aus Köln, «Ça va?» Straße\n",
        ),
        ("Müller said “hello” – café €20…".encode("cp1252"), "Müller said “hello” – café €20…"),
        (
            "Открытое письмо Президенту. Подписали: Иван Петров, директор.".encode("cp1251"),
            "Открытое письмо Президенту. Подписали: Иван Петров, директор.",
        ),
        (
            "Podpisali: Łukasz Wójcik, przewodniczący Związku".encode("cp1250"),
            "Podpisali: Łukasz Wójcik, przewodniczący Związku",
        ),
    ],
    ids=[
        *("utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-no-bom"),
        *("latin1", "cp1252", "cp1251", "cp1250"),
    ],
)
def test_text_in_any_common_encoding_decodes_to_the_same_characters(
    tmp_path: Path, data: bytes, text: str
) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(data)
    assert _read(path) == Document(source=str(path), text=text, format="text")


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.txt"
    path.write_text("Ã¼ber die â€œFreiheitâ€\x9d â€” Ã©tÃ©", encoding="utf-8")
    assert _read(path).text == "über die “Freiheit” — été"


def test_newlines_become_line_feeds_and_unicode_nfc(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("Cafe\u0301\r\nline two\rline three\u2028end".encode())
    assert _read(path).text == "Café\nline two\nline three\nend"


def test_text_is_otherwise_kept_exactly(tmp_path: Path) -> None:
    printed = '  «Quote» „Zitat“ ‘q’ "q" &amp; ﬁnal ＡＢ\tx  \n\n\nSigned,\n'
    path = tmp_path / "exact.txt"
    path.write_text(printed, encoding="utf-8")
    assert _read(path).text == printed


def test_markdown_keeps_its_markup_and_takes_the_first_heading_as_title(tmp_path: Path) -> None:
    text = "# Open letter on academic freedom\n\n- **Jane Doe**, *Professor, University of Oslo*\n"
    path = tmp_path / "letter.md"
    path.write_text(text, encoding="utf-8")
    assert _read(path) == Document(
        source=str(path), text=text, format="markdown", title="Open letter on academic freedom"
    )


def test_corpus_text_files_read_unchanged() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        assert _read(path).text == path.read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file (only whitespace)"),
        (bytes(range(256)) * 8, "binary file, not text/HTML/PDF/JSON Lines"),
        (b"\x00" * 64, "binary file, not text/HTML/PDF/JSON Lines"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
            "binary file, not text/HTML/PDF/JSON Lines",
        ),
    ],
    ids=["empty", "whitespace", "junk", "nul-bytes", "png"],
)
def test_unreadable_text_file_raises_one_line_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        list(read_documents(path))
    assert (caught.value.source, caught.value.reason) == (str(path), reason)
    assert str(caught.value) == f"{path}: {reason}"
