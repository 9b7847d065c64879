"""HTML pages: main text without page noise, lists and tables one entry a line, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from cosignatory.errors import IngestError
from cosignatory.ingest import read_documents
from cosignatory.model import Document

PAGE = FIXTURES / "ingest" / "letter_page.html"


def _read(path: Path) -> Document:
    (document,) = read_documents(path)
    return document


def test_news_page_yields_the_article_with_its_signature_list_and_table() -> None:
    assert _read(PAGE).text == (
        "# Scientists urge ministers to protect river basins\n"
        "\n"
        "More than forty researchers and twelve environmental groups have sent an open letter"
        " to the ministers of agriculture and water, asking for a moratorium on new dams in the"
        " upper basin.\n"
        "\n"
        "The full text of the letter reads as follows:\n"
        "\n"
        "To the Minister of Agriculture and the Minister of Water Resources,\n"
        "\n"
        "We, the undersigned, write to express our **deep concern** about the plans for seven"
        " new dams in the upper basin. The evidence is *clear*: fish stocks have fallen by half"
        " since 2010.\n"
        "\n"
        "We ask you to halt all new construction until an independent assessment is published.\n"
        "\n"
        "Sincerely,\n"
        "\n"
        "## Individuals\n"
        "\n"
        "- Dr. Helena Varga, Professor of Hydrology, University of Szeged\n"
        "- Tomás Ruiz-Albán, Senior Researcher, Instituto de Aguas\n"
        "- Ingrid Solheim (Norwegian Institute for Water Research)\n"
        "\n"
        "## Organizations\n"
        "\n"
        "| Organization | Country |\n"
        "| Rivers Without Borders | Germany |\n"
        "| “Clean Water” Public Union | Azerbaijan |\n"
        "| Association Fleuves Vivants | France |\n"
        "\n"
        "The ministries did not respond to a request for comment."
    )


def test_news_page_metadata_comes_from_the_page() -> None:
    document = _read(PAGE)
    assert (document.source, document.format, document.title, document.url, document.published) == (
        str(PAGE),
        "html",
        "Scientists urge ministers to protect river basins",
        "https://ledger.example.org/2024/03/14/river-basins-open-letter",
        "2024-03-14",
    )


@pytest.mark.parametrize(
    "noise",
    ["Home", "Politics", "Download our app", "Related articles", "otters", "Leave a comment", "©"],
)
def test_page_noise_is_dropped(noise: str) -> None:
    assert noise not in _read(PAGE).text


def test_line_breaks_separate_signature_lines_within_a_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "signed.html"
    path.write_text(
        "<html><body><article><h1>Open letter</h1><p>Dear Mr. President,</p>"
        "<p>We write to you about the crisis in the region, which grows every day and threatens"
        " the lives of thousands of families who have nowhere else to go.</p>"
        "<p>Signed,<br>Anna Petrova<br>  Director, “Civic Voice” Public Union<br>\n"
        "<strong>Jane Doe</strong>, <em>Professor, University of Oslo, Norway </em></p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert _read(path).text == (
        "# Open letter\n\nDear Mr. President,\n\n"
        "We write to you about the crisis in the region, which grows every day and threatens"
        " the lives of thousands of families who have nowhere else to go.\n\n"
        "Signed,\nAnna Petrova\nDirector, “Civic Voice” Public Union\n"
        "**Jane Doe**, *Professor, University of Oslo, Norway*"
    )


def test_page_in_a_declared_legacy_charset_decodes(tmp_path: Path) -> None:
    path = tmp_path / "brief.htm"
    path.write_bytes(
        '<html><head><meta charset="windows-1252"><title>Brief</title></head><body><article>'
        "<p>Sehr geehrte Frau Müller, wir schreiben Ihnen wegen der “Krise”.</p>"
        "</article></body></html>".encode("cp1252")
    )
    assert (_read(path).text, _read(path).title) == (
        "Sehr geehrte Frau Müller, wir schreiben Ihnen wegen der “Krise”.",
        "Brief",
    )


def test_broken_html_still_yields_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_bytes(
        b"<html><body><div><p>Open letter to the Mayor<ul><li>Anna Schmidt, Chair<li>Bernd Vogel"
        b"</td></table>"
    )
    assert _read(path).text == "Open letter to the Mayor\n\n- Anna Schmidt, Chair\n- Bernd Vogel"


def test_html_without_any_text_raises(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_bytes(
        b"<html><head><title>x</title><script>var a = 1;</script></head><body> </body>"
    )
    with pytest.raises(IngestError) as caught:
        list(read_documents(path))
    assert str(caught.value) == f"{path}: HTML page without any text"


def test_file_of_unknown_suffix_is_read_as_html_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "page.php"
    path.write_text("<!DOCTYPE html><html><body><p>Signed by forty NGOs.</p></body></html>")
    assert (_read(path).format, _read(path).text) == ("html", "Signed by forty NGOs.")


def test_fragment_trafilatura_gives_up_on_falls_back_to_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "fragment.html"
    path.write_text("<body><h1>Signed</h1><script>var x;</script><div>Anna<br>Bernd</div></body>")
    assert _read(path).text == "Signed\nAnna\nBernd"
