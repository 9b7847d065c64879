"""PDF files: the text layer with paragraph gaps as blank lines; corrupt and scanned PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from cosignatory.errors import IngestError
from cosignatory.ingest import read_documents
from cosignatory.model import Document

LETTER = FIXTURES / "ingest" / "letter.pdf"  # made by fixtures/ingest/make_pdfs.py
SCANNED = FIXTURES / "ingest" / "scanned.pdf"


def test_pdf_letter_reads_as_text_with_paragraphs_and_pages_as_blank_lines() -> None:
    assert list(read_documents(LETTER)) == [
        Document(
            source=str(LETTER),
            text=(
                "Open Letter to the Minister of Culture\n"
                "\n"
                "Berlin, 12 May 2023\n"
                "\n"
                "Dear Minister,\n"
                "We, the undersigned, ask you to keep the public libraries of\n"
                "Berlin open on Sundays.\n"
                "\n"
                "Signed,\n"
                "Dr. Jürgen Weiß, Professor of History, University of Köln\n"
                "Анна Петрова – Director of the “Civic Voice” Public Union\n"
                "\n"
                "Élodie Martin (Ligue des droits de l’Homme)"
            ),
            format="pdf",
            title="Open Letter to the Minister of Culture",
            published="2023-05-12",
        )
    ]


def test_pdf_is_recognised_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(LETTER.read_bytes())
    (document,) = read_documents(path)
    assert (document.format, document.text[:38]) == (
        "pdf",
        "Open Letter to the Minister of Culture",
    )


def test_scanned_pdf_asks_for_ocr() -> None:
    with pytest.raises(IngestError) as caught:
        list(read_documents(SCANNED))
    assert str(caught.value) == f"{SCANNED}: scanned PDF without text layer; run OCR first"


@pytest.mark.parametrize("keep", [400, 10_000], ids=["header-only", "cut-in-half"])
def test_truncated_pdf_is_corrupt(tmp_path: Path, keep: int) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes(LETTER.read_bytes()[:keep])
    with pytest.raises(IngestError) as caught:
        list(read_documents(path))
    assert caught.value.reason == "corrupt PDF (data format error)"


def test_text_file_named_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_text("Dear Minister, this is not a PDF at all.")
    with pytest.raises(IngestError) as caught:
        list(read_documents(path))
    assert caught.value.reason == "corrupt PDF (data format error)"


def test_a_word_pdfium_joined_across_a_line_end_reads_whole() -> None:
    pdf = Path(__file__).parent / "fixtures" / "letters" / "redteam" / "signatures_wrapped.pdf"
    (document,) = read_documents(pdf)
    assert "\ufffe" not in document.text
    assert "until an independent assessment of" in document.text
