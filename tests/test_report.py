from __future__ import annotations

import html
from pathlib import Path

import pytest
from analysis_support import letter, store_with
from PIL import Image
from typer.testing import CliRunner

from cosignatory.analyze import load_corpus
from cosignatory.cli import app
from cosignatory.report import build_report

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def report_dir(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--db", str(corpus_db)])
    assert result.exit_code == 0, result.output
    return out


def _colours(path: Path) -> int:
    with Image.open(path) as image:
        return len(image.convert("RGB").resize((200, 150)).getcolors(maxcolors=30_000) or ())


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
    assert _colours(report_dir / "network.png") > 50
    assert _colours(report_dir / "timeline.png") > 10


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
def test_report_renders_in_headless_chromium(report_dir: Path, tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    shot = tmp_path / "report.png"
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto((report_dir / "index.html").as_uri())
        widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.naturalWidth)")
        heading = page.inner_text("h1")
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert failed == []
    assert heading == "Cosignatory report"
    assert len(widths) == 2 and all(w > 500 for w in widths)
    assert _colours(shot) > 50
