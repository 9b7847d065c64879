from __future__ import annotations

import json
from pathlib import Path

from analysis_support import letter, letter_of, store_with
from typer.testing import CliRunner

from cosignatory.analyze import Settings, corpus_reuse, find_reuse, load_corpus
from cosignatory.analyze.reuse import Text, candidate_pairs, tokenize
from cosignatory.cli import app
from cosignatory.store import Store


def _texts(corpus_reuse_rows: list, corpus) -> list[tuple[str, str, str, str, int, float]]:  # type: ignore[no-untyped-def]
    out = []
    for r in corpus_reuse_rows:
        a = corpus.texts[corpus.by_id[r.a.key].document_id][r.a.start : r.a.end]
        b = corpus.texts[corpus.by_id[r.b.key].document_id][r.b.start : r.b.end]
        out.append((r.a.key, a, r.b.key, b, r.matched, r.similarity))
    return out


def test_church_passage_is_found_reused_between_december_and_february_letters(
    corpus_store: Store,
) -> None:
    corpus = load_corpus(corpus_store)
    december = letter_of(corpus_store, "000_82e5b8a0caa968aa.txt")
    february = letter_of(corpus_store, "001_88bdff56141247d5.txt")
    pairs = [
        row
        for row in _texts(corpus_reuse(corpus), corpus)
        if {row[0], row[2]} == {december, february}
    ]
    assert len(pairs) == 1
    a_key, a_text, b_key, b_text, matched, similarity = pairs[0]
    texts = {a_key: a_text, b_key: b_text}
    assert texts[december] == "of the Church of Jesus Christ of Latter-day Saints"
    assert texts[february] == "of the 'Church of Jesus Christ of Latter-day Saints"
    assert (matched, similarity) == (10, 1.0)
    reuse = next(r for r in corpus_reuse(corpus) if {r.a.key, r.b.key} == {december, february})
    doc = corpus.texts[corpus.by_id[december].document_id]
    side = reuse.a if reuse.a.key == december else reuse.b
    assert doc.index("of the Church of Jesus") == side.start


def test_report_of_a_letter_shares_its_lightly_edited_sentences(corpus_store: Store) -> None:
    corpus = load_corpus(corpus_store)
    december = letter_of(corpus_store, "000_82e5b8a0caa968aa.txt")
    news = corpus_store.conn.execute(
        "SELECT document_id FROM letters WHERE id = ?", (december,)
    ).fetchone()[0]
    rows = [
        row
        for row in _texts(corpus_reuse(corpus), corpus)
        if december in (row[0], row[2]) and news not in (row[0] + row[2]).replace(december, "")
    ]
    shared = sorted((row[1] if row[0] == december else row[3], row[4]) for row in rows)
    assert (
        "the forced displacement of nearly one million Azerbaijanis and the systematic destruction"
        " of hundreds of",
        14,
    ) in shared
    assert (
        "financing terrorism and waging aggressive war, and committing crimes against humanity",
        10,
    ) in shared


def test_signature_lists_are_not_reported_as_reuse(corpus_store: Store) -> None:
    corpus = load_corpus(corpus_store)
    for row in _texts(corpus_reuse(corpus), corpus):
        assert "Chairman" not in row[1] and "Public Union" not in row[1]


def test_reordered_paragraphs_give_one_passage_each(tmp_path: Path) -> None:
    one = (
        "We demand the immediate release of all political prisoners held without trial. "
        "Independent observers must be allowed to visit every detention centre in the region. "
        "Thank you."
    )
    two = (
        "Thank you for reading. Independent observers must be allowed to visit each detention "
        "centre in the region. Filler words here. We demand the immediate release of all "
        "political prisoners held without any trial."
    )
    with store_with(tmp_path / "t.db", [(one, [letter(one, [])]), (two, [letter(two, [])])]) as s:
        corpus = load_corpus(s)
    found = sorted(_texts(corpus_reuse(corpus), corpus), key=lambda r: r[1])
    assert [(r[1], r[3], r[4]) for r in found] == [
        (
            "Independent observers must be allowed to visit every detention centre in the region",
            "Independent observers must be allowed to visit each detention centre in the region",
            12,
        ),
        (
            "We demand the immediate release of all political prisoners held without",
            "We demand the immediate release of all political prisoners held without",
            11,
        ),
    ]


def test_letters_of_one_document_are_never_paired() -> None:
    words = "the same long passage of twelve words appears in both of these letters"
    texts = [
        Text("a-0", "a", tokenize(words)),
        Text("a-1", "a", tokenize(words)),
        Text("b-0", "b", tokenize(words)),
    ]
    assert [(i, j) for i, j, _ in candidate_pairs(texts, Settings())] == [(0, 2), (1, 2)]
    assert {(r.a.key, r.b.key) for r in find_reuse(texts)} == {("a-0", "b-0"), ("a-1", "b-0")}


def test_ngrams_in_more_letters_than_max_df_do_not_pair_letters() -> None:
    words = "a common formula that every single letter of this campaign repeats verbatim"
    texts = [Text(f"{i}-0", str(i), tokenize(words)) for i in range(5)]
    assert len(candidate_pairs(texts, Settings(max_df=5))) == 10
    assert candidate_pairs(texts, Settings(max_df=4)) == []


def test_tokenize_keeps_document_offsets_and_drops_masked_words() -> None:
    tokens = tokenize("Hello, World of Letters", offset=100, masks=[(107, 112)])
    assert tokens.words == ["hello", "of", "letters"]
    assert (list(tokens.starts), list(tokens.ends)) == ([100, 113, 116], [105, 115, 123])


def test_reuse_command_prints_both_spans_as_json_lines(corpus_db: Path) -> None:
    result = CliRunner().invoke(app, ["reuse", "--format", "jsonl", "--db", str(corpus_db)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    church = [r for r in rows if "Latter-day Saints" in r["text_a"]]
    assert [(r["text_a"], r["text_b"], r["matched"]) for r in church] == [
        (
            "of the Church of Jesus Christ of Latter-day Saints",
            "of the 'Church of Jesus Christ of Latter-day Saints",
            10,
        )
    ]
    assert church[0]["end_a"] - church[0]["start_a"] == len(church[0]["text_a"])
