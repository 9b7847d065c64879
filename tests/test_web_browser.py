"""The web UI in a real headless Chromium (Debian's), against a real uvicorn server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import CORPUS, SCREENSHOTS, distinct_colours, serving
from web_stores import HOSTILE, LETTERS, XSS, build

from cosignatory import pipeline
from cosignatory.store import Store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store with the shared corpus, hand-made letters and a hostile document, served."""
    path = build(tmp_path_factory.mktemp("browser") / "browser.db", hostile=True)
    with Store.open(path) as store:
        assert pipeline.ingest(store, [CORPUS]).errors == []
    with serving(path) as url:
        yield url


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs: list[str] = []  # type: ignore[misc]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def not_blank(page: Any, name: str) -> None:
    """Save a screenshot and check it has content: many distinct colours, not one flat fill."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    png = page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
    colours = distinct_colours(png)
    assert len(colours) > 20, f"{name}: the screenshot is (nearly) blank"
    commonest = max(colours)
    assert commonest < 0.95 * 320 * 225, f"{name}: one colour covers the screenshot"


def test_hostile_text_shows_as_text_and_never_runs(server: str, page: Any) -> None:
    hostile = HOSTILE[0].id + "-0"
    page.goto(f"{server}/letters/{hostile}")
    assert (
        page.locator("#source-text").inner_text().count(XSS) == 5
    )  # addressee, body, name, org, sender
    assert page.locator("h1").inner_text().startswith(f"Letter {XSS}")
    assert page.locator("aside.fields").get_by_text(f"Coalition {XSS}").count() == 1
    assert page.locator("code").first.inner_text() == HOSTILE[0].source
    not_blank(page, "hostile-letter")
    page.locator("table.signatories a").first.click()
    page.wait_for_url("**/people/**")
    assert page.locator("h1").inner_text().startswith(f"Evil {XSS} Name")
    for path in ["/letters", "/search?q=onerror", "/people", "/organizations", "/network"]:
        page.goto(server + path)
        page.wait_for_load_state("load")
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.locator("img[src=x]").count() == 0


def test_reader_filters_opens_a_letter_follows_a_signatory_and_searches(
    server: str, page: Any
) -> None:
    page.goto(f"{server}/letters")
    assert page.locator("table.letters tbody tr").count() >= 9
    page.fill("input[name=signatory]", "Leyla Hasanova")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/letters?*signatory=Leyla+Hasanova*")
    rows = page.locator("table.letters tbody tr")
    assert rows.count() == 2
    not_blank(page, "letters-filtered")
    rows.first.locator("a").click()
    page.wait_for_url(f"**/letters/{LETTERS[0][0].id}-0")
    name = page.locator("mark.f-name", has_text="Leyla Hasanova")
    name.hover()
    assert (
        page.locator("#fact-info").inner_text() == "signatory 2 · name: Leyla Hasanova\nsignatory 2"
    )
    name.click()
    assert page.locator('td[data-fact="s2-name"].selected').count() == 1
    not_blank(page, "letter")
    page.locator("td[data-fact=s2-name] a").click()
    page.wait_for_url("**/people/**")
    assert page.locator("h1").inner_text().startswith("Leyla Hasanova")
    assert page.locator("ol.timeline li").count() == 2
    not_blank(page, "person")
    page.fill("header input[name=q]", '"Latter-day Saints"')
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("ol.results li").count() == 2  # the December and February letters
    assert page.locator("ol.results mark").all_inner_texts() == ["Latter-day Saints"] * 2
    not_blank(page, "search")


def test_network_view_draws_nodes_and_clicks_through(server: str, page: Any) -> None:
    page.goto(f"{server}/network")
    page.wait_for_function("document.getElementById('graph').dataset.nodes > 0")
    drawn = page.evaluate("window.cosignatoryGraph.nodes().length")
    shown = page.evaluate(
        "JSON.parse(document.getElementById('network-data').textContent).nodes.length"
    )
    assert drawn == shown > 10
    page.fill("#node-search", "Samir Aliyev")
    assert page.evaluate("window.cosignatoryGraph.nodes('.match').length") == 1
    page.wait_for_timeout(400)
    not_blank(page, "network")
    x, y = page.evaluate(
        "(() => { const p = window.cosignatoryGraph.nodes('.match')[0].renderedPosition();"
        " const box = document.getElementById('graph').getBoundingClientRect();"
        " return [box.left + p.x, box.top + p.y]; })()"
    )
    page.mouse.dblclick(x, y)
    page.wait_for_url("**/people/**")
    assert page.locator("h1").inner_text().startswith("Samir Aliyev")
