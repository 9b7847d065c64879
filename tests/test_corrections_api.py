"""The corrections API over a real HTTP server: refused without the token, kept with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import serving
from corrections_support import TEXT, VUGAR, december, december_store, letters_v2, span

from cosignatory.store import Store, replace_extraction
from cosignatory.store import corrections as sc

TOKEN = "s3cret-review-token"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    store, _ = december_store(tmp_path / "t.db")
    store.close()
    return tmp_path / "t.db"


LETTER = f"{december().id}-0"
RAMIL = f"{LETTER}-1"
VUGAR_SPAN = span(TEXT, VUGAR)
ATTEMPTS: list[tuple[str, dict[str, Any] | None]] = [
    (f"/api/letters/{LETTER}/signatories/{RAMIL}", {"field": "name", "value": "Ramil Iskandarli"}),
    (f"/api/letters/{LETTER}/signatories/{LETTER}-0/remove", None),
    (f"/api/letters/{LETTER}/signatories",
     {"start": VUGAR_SPAN.start, "end": VUGAR_SPAN.end, "name": "Vugar Gadirov"}),
    (f"/api/letters/{LETTER}/date", {"date": "2025-12-25"}),
    (f"/api/letters/{LETTER}/addressees/0", {"field": "name", "value": "Donald J. Trump"}),
    (f"/api/letters/{LETTER}/addressees/0/remove", None),
    (f"/api/letters/{LETTER}/addressees",
     {"start": TEXT.index("Mr. President"), "end": TEXT.index("Mr. President") + 13,
      "name": "Mr. President"}),
]  # fmt: skip


def machine_state(db: Path) -> tuple[list[Any], dict[str, Any]]:
    with Store.open(db, create=False) as store:
        letter = sc.corrected_letter(store, LETTER)
        return sc.list_corrections(store), {k: letter[k] for k in ("date", "signatories")}


@pytest.mark.parametrize(
    ("server_token", "headers", "message"),
    [
        (None, BEARER, "review is disabled: start the server with --review-token"),
        (TOKEN, {}, "a valid review token is required for this action"),
        (TOKEN, {"Authorization": "Bearer wrong"}, "a valid review token is required for this action"),  # noqa: E501
        (TOKEN, {"X-Review-Token": TOKEN[:-1]}, "a valid review token is required for this action"),
    ],
)  # fmt: skip
def test_every_correction_is_refused_without_the_review_token_and_nothing_changes(
    db: Path, server_token: str | None, headers: dict[str, str], message: str
) -> None:
    before = machine_state(db)
    with serving(db, server_token) as url:
        responses = [httpx.post(url + path, json=body, headers=headers) for path, body in ATTEMPTS]
        withdraw = httpx.post(url + "/api/corrections/0123456789abcdef/withdraw", headers=headers)
    for response in [*responses, withdraw]:
        assert response.status_code == 403
        assert response.json() == {
            "error": {"status": 403, "code": "forbidden", "message": message}
        }
    assert machine_state(db) == before == ([], before[1])


def test_corrections_made_with_the_token_take_effect_and_survive_a_restart(db: Path) -> None:
    with serving(db, TOKEN) as url:
        made = [httpx.post(url + path, json=body, headers=BEARER) for path, body in ATTEMPTS]
        listed = httpx.get(f"{url}/api/letters/{LETTER}/corrections").json()
    with serving(db, None) as url:  # a restart, read-only this time
        again = httpx.get(f"{url}/api/letters/{LETTER}/corrections").json()

    assert [r.status_code for r in made] == [201] * 7
    assert [(c["action"], c["item"], c["field"], c["status"], c["author"])
            for c in listed["corrections"]] == [
        ("set", "signatory", "name", "active", "web"),
        ("remove", "signatory", None, "active", "web"),
        ("add", "signatory", None, "active", "web"),
        ("set", "letter", "date", "active", "web"),
        ("set", "addressee", "name", "active", "web"),
        ("remove", "addressee", None, "active", "web"),
        ("add", "addressee", None, "active", "web"),
    ]  # fmt: skip
    assert again == listed
    with Store.open(db, create=False) as store:
        letter = sc.corrected_letter(store, LETTER)
    assert [s["name"] for s in letter["signatories"]] == [
        "Ramil Iskandarli", "Novella Jafarova", "Aqil Jamal", "Vugar Gadirov", "Fikret Yusifov",
    ]  # fmt: skip
    assert letter["date"] == "2025-12-25"
    assert [(a["name"], a["role"]) for a in letter["addressees"]] == [("Mr. President", None)]


def test_the_letter_page_and_its_api_twin_show_the_letter_as_corrected(db: Path) -> None:
    with serving(db, TOKEN) as url:
        for path, body in ATTEMPTS[:4]:
            assert httpx.post(url + path, json=body, headers=BEARER).status_code == 201
        page = httpx.get(f"{url}/letters/{LETTER}").text
        api = httpx.get(f"{url}/api/letters/{LETTER}").json()
    assert [s["name"] for s in api["signatories"]] == [
        "Ramil Iskandarli", "Novella Jafarova", "Aqil Jamal", "Vugar Gadirov", "Fikret Yusifov",
    ]  # fmt: skip
    assert api["date"] == "2025-12-25"
    assert "Corrections <small>4</small>" in page
    assert '<td data-fact="s1-name">Ramil Iskandarli</td>' in page
    assert '<td data-fact="s4-name">Vugar Gadirov</td>' in page
    assert "<del>With deepest respect</del>" in page  # only in the list of corrections
    assert '<a href="/review">Sign in to review</a> to correct this extraction.' in page


def test_reviewer_name_is_recorded_and_an_invalid_correction_is_refused(db: Path) -> None:
    with serving(db, TOKEN) as url:
        named = httpx.post(
            f"{url}/api/letters/{LETTER}/signatories/{RAMIL}",
            json={"field": "role", "value": "Chairman of the Board", "author": "Leyla"},
            headers={"X-Review-Token": TOKEN},
        )
        bad_date = httpx.post(
            f"{url}/api/letters/{LETTER}/date", json={"date": "Christmas"}, headers=BEARER
        )
        unknown = httpx.post(
            f"{url}/api/letters/{LETTER}/signatories/{LETTER}-99",
            json={"field": "name", "value": "X"},
            headers=BEARER,
        )
        bad_field = httpx.post(
            f"{url}/api/letters/{LETTER}/signatories/{RAMIL}",
            json={"field": "date", "value": "X"},
            headers=BEARER,
        )
    assert named.status_code == 201
    assert named.json()["correction"] | {"id": None, "created_at": None} == {
        "id": None,
        "document": december().sha256,
        "letter": 0,
        "item": "signatory",
        "action": "set",
        "field": "role",
        "ordinal": 1,
        "old": None,
        "new": "Chairman of the Board",
        "span": [4233, 4310],
        "text": "Ramil Iskandarli – Chairman of the Board of the Azerbaijan National NGO Forum",
        "author": "Leyla",
        "created_at": None,
        "status": "active",
        "source": "corpus/000_82e5b8a0caa968aa.txt",
    }
    assert (bad_date.status_code, bad_date.json()["error"]["message"]) == (
        409,
        "not an ISO date: 'Christmas' (write 2025-12-25, 2025-12 or 2025)",
    )
    assert (unknown.status_code, unknown.json()["error"]["message"]) == (
        404,
        f"letter {LETTER} has no signatory '{LETTER}-99'",
    )
    assert bad_field.status_code == 422
    with Store.open(db, create=False) as store:
        assert [c.author for c in sc.list_corrections(store)] == ["Leyla"]


def test_after_a_reextraction_the_api_shows_which_corrections_need_review(db: Path) -> None:
    with serving(db, TOKEN) as url:
        for path, body in ATTEMPTS[:3]:
            assert httpx.post(url + path, json=body, headers=BEARER).status_code == 201
    with Store.open(db, create=False) as store, store.transaction():
        replace_extraction(store, december().id, letters_v2(), "test-2")
        sc.recheck(store, december().id)
    with serving(db, TOKEN) as url:
        flagged = httpx.get(f"{url}/api/corrections", params={"status": "needs-review"}).json()
        mine = httpx.get(f"{url}/api/letters/{LETTER}/corrections").json()["corrections"]
    assert [(c["action"], c["item"]) for c in flagged["corrections"]] == [("add", "signatory")]
    assert [c["status"] for c in mine] == ["active", "active", "needs-review"]
