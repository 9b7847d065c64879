from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from analysis_support import letter, store_with
from conftest import distinct_colours
from typer.testing import CliRunner

from cosignatory.analyze import load_corpus
from cosignatory.cli import app
from cosignatory.report import build_report


@pytest.fixture(scope="module")
def report_dir(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--db", str(corpus_db)])
    assert result.exit_code == 0, result.output
    return out


def test_report_shows_figures_top_signers_reuse_and_images(report_dir: Path) -> None:
    page = (report_dir / "index.html").read_text()
    for text in (
        "<b>5</b>letters",
        "<b>75</b>signatures",
        "<b>47</b>people",
        "<b>46</b>organizations",
        "<td>Ahmad Abbasbayli</td>",
        "<td>Azerbaijan National NGO Forum</td>",
        "Vladimir Timoshenko, Gamar Baghirova",
        "of the Church of Jesus Christ of Latter-day Saints",
        "No quantity is given",
    ):
        assert text in page, text
    assert "http://" not in page and "https://" not in page and "<script" not in page
    # the pictures are drawn, not blank: many colours in the network, several in the timeline
    assert len(distinct_colours(report_dir / "network.png", (200, 150))) > 50
    assert len(distinct_colours(report_dir / "timeline.png", (200, 150))) > 10


def test_document_text_in_the_report_is_escaped(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script> We demand the immediate release of all prisoners held now."
    other = "Friends: We demand the immediate release of all prisoners held now. <img src=x>"
    docs = [(t, [letter(t, [], sender="<b>Senders</b>")]) for t in (evil, other)]
    with store_with(tmp_path / "t.db", docs) as store:
        summary = build_report(load_corpus(store), tmp_path / "out")
    page = summary.path.read_text()
    assert summary.passages == 1
    assert "<script>alert" not in page and "<img src=x>" not in page
    assert html.escape("<b>Senders</b>") in page


@pytest.mark.browser
def test_report_renders_in_headless_chromium(
    report_dir: Path, tmp_path: Path, browser: Any
) -> None:
    shot = tmp_path / "report.png"
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((report_dir / "index.html").as_uri())
    widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.naturalWidth)")
    heading = page.inner_text("h1")
    page.screenshot(path=str(shot), full_page=True)
    page.close()
    assert failed == []
    assert heading == "Cosignatory report"
    assert len(widths) == 2 and all(w > 500 for w in widths)
    assert len(distinct_colours(shot, (200, 150))) > 50
