"""The web app over a real SQLite store, through FastAPI's TestClient: pages, API, review."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_stores import HOSTILE, LETTERS, XSS, build

from cosignatory.model import Letter, Signatory, Span
from cosignatory.store import Store, replace_extraction
from cosignatory.store.entities import get_org
from cosignatory.store.search import fts_query
from cosignatory.web.app import create_app
from cosignatory.web.diff import word_diff
from cosignatory.web.highlight import Fact, segments

TOKEN = "s3cret-token"
APPEAL_2024, APPEAL_2025, STATEMENT = (doc.id + "-0" for doc, _ in LETTERS)
HOSTILE_LETTER = HOSTILE[0].id + "-0"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("web") / "web.db", hostile=True)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, warm=False)) as client:
        yield client


@pytest.fixture()
def fresh_db(tmp_path: Path) -> Path:
    return build(tmp_path / "fresh.db")


def ids(response: object) -> list[str]:
    return [row["id"] for row in response.json()["letters"]]  # type: ignore[attr-defined]


def test_letter_list_filters_by_date_sender_addressee_signatory_and_organization(
    client: TestClient,
) -> None:
    assert ids(client.get("/api/letters")) == [APPEAL_2024, APPEAL_2025, STATEMENT, HOSTILE_LETTER]
    assert ids(client.get("/api/letters?from=2025&to=2025-11")) == [APPEAL_2025, STATEMENT]
    assert ids(client.get("/api/letters?sender=caspian")) == [APPEAL_2024, APPEAL_2025]
    assert ids(client.get("/api/letters?addressee=European")) == [APPEAL_2025]
    assert ids(client.get("/api/letters?signatory=Samir")) == [APPEAL_2025, STATEMENT]
    assert ids(client.get("/api/letters?organization=Green%20Steppe")) == [APPEAL_2024, APPEAL_2025]
    assert ids(client.get("/api/letters?signatory=100%25")) == []


def test_letter_list_sorts_by_signatories_descending_then_id(client: TestClient) -> None:
    response = client.get("/api/letters?sort=signatories&order=desc")
    rows = response.json()["letters"]
    assert [(r["id"], r["signatories"]) for r in rows] == sorted(
        [(APPEAL_2024, 3), (APPEAL_2025, 3), (STATEMENT, 2), (HOSTILE_LETTER, 1)],
        key=lambda r: (-r[1], r[0]),
    )


def test_letter_page_marks_each_extracted_field_in_the_source_text(client: TestClient) -> None:
    html = client.get(f"/letters/{APPEAL_2025}").text
    assert (
        '<mark class="fact f-date" data-facts="date" title="date: 2025-06-01">2025-06-01</mark>'
        in html
    )
    assert re.search(
        r'<mark class="fact f-name" data-facts="s1-name s1" title="signatory 1 · name: '
        r'Ilham Guliyev\nsignatory 1">Ilham Guliyev</mark>',
        html,
    )
    assert 'data-facts="s3-organization s3"' in html
    assert 'title="sender 1: Caspian Civic Forum">Caspian Civic Forum</mark>' in html


def test_letter_api_lists_letters_sharing_resolved_signatories(client: TestClient) -> None:
    letter = client.get(f"/api/letters/{APPEAL_2025}").json()
    shared = {r["id"]: (r["shared"], r["names"]) for r in letter["related_by_signatories"]}
    assert shared == {
        APPEAL_2024: (2, ["Ilham Guliyev", "Leyla Hasanova"]),
        STATEMENT: (1, ["Samir Aliyev"]),
    }
    person = letter["entities"][f"{APPEAL_2025}-0"]["person_id"]
    assert client.get(f"/api/people/{person}").json()["aliases"] == [
        "Ilham Guliyev",
        "Ilham Quliyev",
    ]


def test_every_api_error_has_one_shape(client: TestClient) -> None:
    missing = client.get("/api/letters/nope")
    assert missing.status_code == 404
    assert missing.json() == {
        "error": {
            "status": 404,
            "code": "not_found",
            "message": "no letter 'nope'; `cosignatory letters` lists them",
        }
    }
    invalid = client.get("/api/letters?page=0")
    assert invalid.status_code == 422
    assert invalid.json()["error"]["code"] == "unprocessable_entity"
    assert client.get("/api/people/p-nobody").json()["error"]["status"] == 404
    assert client.get("/api/no-such-route").json()["error"]["code"] == "not_found"
    page = client.get("/letters/nope")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_search_finds_phrases_in_documents_and_names_with_marked_snippets(
    client: TestClient,
) -> None:
    found = client.get("/api/search", params={"q": '"drinking water"'}).json()
    assert found["total"] == 2
    assert {r["document_id"] for r in found["results"]} == {LETTERS[0][0].id, LETTERS[1][0].id}
    assert {"text": "drinking water", "match": True} in found["results"][0]["snippet"]
    person = client.get("/api/search", params={"q": "Hasanova"}).json()
    assert {(r["kind"], r.get("letter_id")) for r in person["results"]} >= {
        ("signatory", APPEAL_2024),
        ("signatory", APPEAL_2025),
    }


@pytest.mark.parametrize(
    ("query", "fts"),
    [
        ('water "press freedom"', '"water" "press freedom"'),
        ("NEAR(a b) OR -x *", '"NEAR" "a" "b" "OR" "x"'),
        ('"unclosed', '"unclosed"'),
        ("", ""),
    ],
)
def test_user_queries_never_reach_fts5_as_syntax(query: str, fts: str) -> None:
    assert fts_query(query) == fts


def test_search_index_follows_a_re_extraction(fresh_db: Path) -> None:
    doc, _ = LETTERS[2]
    start = doc.text.index("Nigar Mammadova")
    with Store.open(fresh_db) as store:
        replace_extraction(
            store,
            doc.id,
            [
                Letter(
                    True, signatories=(Signatory("Nigar Mammadli", span=Span(start, start + 15)),)
                )
            ],
            "v2",
        )
    with TestClient(create_app(fresh_db, warm=False)) as client:
        assert client.get("/api/search?q=Mammadli").json()["total"] == 1
        kinds = [r["kind"] for r in client.get("/api/search?q=Mammadova").json()["results"]]
        assert kinds == ["document"]


def test_review_actions_are_refused_without_a_token_and_change_nothing(fresh_db: Path) -> None:
    with Store.open(fresh_db) as store:
        before = store.conn.execute("SELECT * FROM mention_entities ORDER BY 1, 2").fetchall()
    people = {}
    with TestClient(create_app(fresh_db, warm=False)) as read_only:
        people = {r["name"]: r["id"] for r in read_only.get("/api/people").json()["rows"]}
        body = {"other": people["Samir Aliyev"]}
        refused = read_only.post(
            f"/api/people/{people['Leyla Hasanova']}/merge",
            json=body,
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert refused.status_code == 403
        assert refused.json()["error"]["message"].startswith("review is disabled")
        assert (
            read_only.post(
                f"/people/{people['Leyla Hasanova']}/merge",
                content=f"other={people['Samir Aliyev']}",
            ).status_code
            == 403
        )
    with TestClient(create_app(fresh_db, TOKEN, warm=False)) as guarded:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-Review-Token": "wrong"}):
            response = guarded.post(
                f"/api/people/{people['Leyla Hasanova']}/merge", json=body, headers=headers
            )
            assert response.status_code == 403
        assert "Merge" not in guarded.get(f"/people/{people['Leyla Hasanova']}").text
    with Store.open(fresh_db) as store:
        assert store.conn.execute("SELECT count(*) FROM judgements").fetchone()[0] == 0
        after = store.conn.execute("SELECT * FROM mention_entities ORDER BY 1, 2").fetchall()
    assert [tuple(r) for r in after] == [tuple(r) for r in before]


def test_review_merge_with_the_token_is_a_judgement_that_survives_a_restart(fresh_db: Path) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(fresh_db, TOKEN, warm=False)) as client:
        people = {r["name"]: r["id"] for r in client.get("/api/people").json()["rows"]}
        merged = client.post(
            f"/api/people/{people['Rauf Zeynalov']}/merge",
            json={"other": people["Nigar Mammadova"], "author": "Leyla"},
            headers=auth,
        )
        assert merged.status_code == 200
        assert merged.json()["action"] == "merge"
    with Store.open(fresh_db) as store:
        rows = store.conn.execute(
            "SELECT kind, verdict, left_name, right_name, author FROM judgements"
        ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("person", "merge", "Rauf Zeynalov", "Nigar Mammadova", "Leyla")
    ]
    with TestClient(create_app(fresh_db, warm=False)) as restarted:
        person = restarted.get(f"/api/people/{merged.json()['entity_id']}").json()
        assert person["aliases"] == ["Nigar Mammadova", "Rauf Zeynalov"]


def test_review_forms_sign_in_with_a_cookie_then_split_a_mention(fresh_db: Path) -> None:
    with TestClient(create_app(fresh_db, TOKEN, warm=False)) as client:
        assert client.post("/review", content="token=wrong").status_code == 403
        signed_in = client.post("/review", content=f"token={TOKEN}", follow_redirects=False)
        assert (
            signed_in.status_code == 303 and "httponly" in signed_in.headers["set-cookie"].lower()
        )
        person = next(
            r["id"]
            for r in client.get("/api/people").json()["rows"]
            if r["name"] == "Ilham Guliyev"
        )
        page = client.get(f"/people/{person}").text
        assert 'action="/people/' + person + '/merge"' in page
        mention = f"{APPEAL_2024}-0"
        split = client.post(
            f"/people/{person}/split", content=f"mention={mention}", follow_redirects=False
        )
        assert split.status_code == 303 and split.headers["location"].endswith("?done=split")
        names = sorted(r["name"] for r in client.get("/api/people").json()["rows"])
        assert names == [
            "Ilham Guliyev",
            "Ilham Quliyev",
            "Leyla Hasanova",
            "Nigar Mammadova",
            "Rauf Zeynalov",
            "Samir Aliyev",
        ]


def test_pages_escape_hostile_text_everywhere(client: TestClient) -> None:
    person = client.get(f"/api/letters/{HOSTILE_LETTER}").json()["entities"][f"{HOSTILE_LETTER}-0"]
    for path in [
        "/",
        "/letters",
        f"/letters/{HOSTILE_LETTER}",
        "/people",
        "/organizations",
        f"/people/{person['person_id']}",
        f"/organizations/{person['organization_id']}",
        "/search?q=onerror",
        "/network",
    ]:
        html = client.get(path).text
        assert XSS not in html, path
        assert "<script>window.__xss" not in html, path
    assert (
        "&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;"
        in client.get(f"/letters/{HOSTILE_LETTER}").text
    )


def test_network_api_sizes_nodes_by_measures_and_filters_by_date(client: TestClient) -> None:
    net = client.get("/api/network").json()
    labels = {n["label"] for n in net["nodes"]}
    assert {"Ilham Guliyev", "Leyla Hasanova", "Samir Aliyev", "Green Steppe Foundation"} <= labels
    samir = next(n for n in net["nodes"] if n["label"] == "Samir Aliyev")
    assert samir["letters"] == 2 and samir["betweenness"] > 0
    only_2024 = client.get("/api/network?from=2024&to=2024").json()
    assert sorted(n["label"] for n in only_2024["nodes"] if n["kind"] == "person") == [
        "Ilham Guliyev",
        "Leyla Hasanova",
        "Rauf Zeynalov",
    ]


def test_organization_lists_its_first_members_and_letters_with_the_totals(db: Path) -> None:
    with Store.open(db, create=False) as store:
        first = get_org(store, "Green Steppe Foundation", limit=1)
    assert first["names"] == ["Green Steppe Foundation"]
    assert first["members"] == [
        {
            "person_id": "p-leyla-hasanova-3c5ae9",
            "name": "Leyla Hasanova",
            "role": "Director",
            "first": "2024-03-10",
            "last": "2025-06-01",
            "letters": 2,
        }
    ]
    assert first["letters"] == [(APPEAL_2024, "2024-03-10")]
    assert (first["member_count"], first["letter_count"], first["mention_count"]) == (1, 2, 2)


def test_reuse_shows_both_passages_with_the_changed_words_marked(client: TestClient) -> None:
    reuse = client.get("/api/reuse").json()
    assert reuse["total"] == 1
    pair = reuse["pairs"][0]
    assert {pair["a"]["letter_id"], pair["b"]["letter_id"]} == {APPEAL_2024, APPEAL_2025}
    ops = {(p["op"], p["text"].strip()) for side in ("a", "b") for p in pair[side]["parts"]}
    assert ("insert", "again") in ops
    html = client.get("/reuse").text
    assert "<ins>again </ins>" in html


def test_docs_load_only_vendored_files(client: TestClient) -> None:
    docs = client.get("/docs").text
    assert re.findall(r'(?:src|href)="([^"]+)"', docs) == [
        "/static/vendor/swagger-ui/swagger-ui.css",
        "/static/favicon.svg",
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
    ]
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert "/api/letters" in client.get("/openapi.json").json()["paths"]


def test_word_diff_marks_inserted_deleted_and_replaced_words() -> None:
    left, right = word_diff("We urge you to act now.", "We urge you again to act today.")
    assert left == [
        {"text": "We urge you ", "op": "equal"},
        {"text": "to act ", "op": "equal"},
        {"text": "now.", "op": "delete"},
    ]
    assert right == [
        {"text": "We urge you ", "op": "equal"},
        {"text": "again ", "op": "insert"},
        {"text": "to act ", "op": "equal"},
        {"text": "today.", "op": "insert"},
    ]


def test_segments_put_the_innermost_fact_first_and_mark_text_outside_the_letter() -> None:
    text = "Intro. Jane Roe, Chair. Outro"
    facts = [Fact("s1", "entry", "signatory 1", 7, 22), Fact("s1-name", "name", "name", 7, 15)]
    parts = segments(text, facts, (7, 23))
    assert [(p.text, p.keys, p.in_letter) for p in parts] == [
        ("Intro. ", "", False),
        ("Jane Roe", "s1-name s1", True),
        (", Chair", "s1", True),
        (".", "", True),
        (" Outro", "", False),
    ]


def test_serve_refuses_a_missing_store_with_a_one_line_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cosignatory.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "none.db: no such store" in result.output
    assert not (tmp_path / "none.db").exists()
    assert "--review-token" in CliRunner().invoke(app, ["serve", "--help"]).output
