"""The review panel of a letter page in a real headless Chromium: select text, add; edit inline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SCREENSHOTS, distinct_colours, serving
from corrections_support import TEXT, VUGAR, december, december_store, span

from cosignatory.store import Store
from cosignatory.store import corrections as sc

pytestmark = pytest.mark.browser
TOKEN = "browser-review-token"
LETTER = f"{december().id}-0"

SELECT = """([start, end]) => {
  const source = document.getElementById("source-text");
  const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const n = node.data.length;
    if (seen <= start && start <= seen + n) range.setStart(node, start - seen);
    if (seen <= end && end <= seen + n) { range.setEnd(node, end - seen); break; }
    seen += n;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  source.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
}"""


@pytest.fixture()
def page(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, str, Path]]:
    store, _ = december_store(tmp_path / "t.db")
    store.close()
    with serving(tmp_path / "t.db", TOKEN) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": "cosignatory_review", "value": TOKEN, "url": url}])
        yield context.new_page(), url, tmp_path / "t.db"
        context.close()


def test_a_reviewer_adds_a_missed_signatory_by_selecting_it_and_fixes_a_name_inline(
    page: tuple[Any, str, Path],
) -> None:
    tab, url, db = page
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(f"{url}/letters/{LETTER}")
    tab.fill("#review-author", "Leyla")
    tab.dispatch_event("#review-author", "change")
    vugar = span(TEXT, VUGAR)
    tab.evaluate(SELECT, [vugar.start, vugar.end])
    form = tab.locator("form.review-add")
    assert form.locator(".selected-text").text_content() == VUGAR
    fields = [form.locator(f"input[name={k}]") for k in ("name", "role", "organization")]
    assert [f.input_value() for f in fields] == [
        "Vugar Gadirov", "Chairman", "Youth Organization for Return and Revival Public Union",
    ]  # fmt: skip
    with tab.expect_navigation():
        form.locator("button[type=submit]").click()
    row = tab.locator(f'tr[data-target="{LETTER}-1"]')
    row.locator("input[name=name]").fill("Ramil Iskandarli")
    with tab.expect_navigation():
        row.locator("button.save").click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    panel = tab.locator("#review-extraction").screenshot(
        path=str(SCREENSHOTS / "corrections-panel.png")
    )
    assert len(distinct_colours(panel)) > 20

    with Store.open(db, create=False) as store:
        made = sc.list_corrections(store)
    assert [(c.item, c.action, c.field, c.span, c.author, c.status) for c in made] == [
        ("signatory", "add", None, vugar, "Leyla", "active"),
        ("signatory", "set", "name", span(TEXT, TEXT[4233:4310]), "Leyla", "active"),
    ]
    assert made[0].new == {
        "name": "Vugar Gadirov",
        "role": "Chairman",
        "organization": "Youth Organization for Return and Revival Public Union",
    }
    assert (made[1].old, made[1].new) == (
        "Ramil Iskandarli – Chairman of the Board",
        "Ramil Iskandarli",
    )
    assert tab.locator("li.correction").count() == 2
    assert errors == []
