"""MinHash LSH over passages: signatures, band keys, and reuse candidates found by them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from cosignatory.analyze import Candidates, Settings, corpus_reuse, find_reuse, load_corpus
from cosignatory.analyze.minhash import band_keys, mix, passage_keys, signatures
from cosignatory.analyze.reuse import Text, candidate_pairs, fingerprints, ngram_hashes, tokenize
from cosignatory.cli import app
from cosignatory.store import Store

MINHASH = Settings(candidates=Candidates.minhash)
PASSAGE = (
    "we call on the administration to raise the fate of political prisoners at every meeting"
    " with the government and to make further cooperation conditional on their release"
)


def _hashes(count: int, seed: int) -> np.ndarray:  # type: ignore[type-arg]
    return np.random.default_rng(seed).integers(0, 2**63, size=count, dtype=np.uint64)


def test_windows_of_span_ngrams_start_every_stride() -> None:
    hashes = _hashes(40, seed=1)
    found = signatures(hashes, span=16, stride=8, size=32)
    assert found.shape == (4, 32)  # windows at 0, 8, 16 and 24 (the last one 24..39)
    seeds = mix(hashes[:, None] ^ _seeds(32))
    for k, start in enumerate((0, 8, 16, 24)):
        assert (found[k] == seeds[start : start + 16].min(axis=0)).all()
    assert signatures(hashes[:10], span=16, stride=8, size=32).shape == (1, 32)
    assert signatures(hashes[:0], span=16, stride=8, size=32).shape == (0, 32)


def _seeds(size: int) -> np.ndarray:  # type: ignore[type-arg]
    from cosignatory.analyze import minhash

    return minhash._SEEDS[None, :size]


def test_share_of_window_pairs_meeting_follows_the_banding_curve() -> None:
    """Windows of 16 hashes sharing 8 (Jaccard 1/3) meet in 1 - (1 - 1/9)**16 = 0.848 of
    cases under 16 bands of 2 rows; sharing 2 (Jaccard 1/15), in 0.067."""
    met = {8: 0, 2: 0}
    for trial in range(1000):
        for shared in met:
            common = _hashes(shared, seed=3 * trial)
            a = np.concatenate([common, _hashes(16 - shared, seed=3 * trial + 1)])
            b = np.concatenate([common, _hashes(16 - shared, seed=3 * trial + 2)])
            keys_a = passage_keys(a, span=16, stride=8, bands=16, rows=2)
            keys_b = passage_keys(b, span=16, stride=8, bands=16, rows=2)
            met[shared] += bool(np.intersect1d(keys_a, keys_b).size)
    assert met == {8: 840, 2: 56}
    assert abs(met[8] / 1000 - (1 - (1 - (1 / 3) ** 2) ** 16)) < 0.02
    assert abs(met[2] / 1000 - (1 - (1 - (1 / 15) ** 2) ** 16)) < 0.02


def test_equal_bands_of_different_numbers_give_different_keys() -> None:
    signature = np.zeros((1, 4), dtype=np.uint64)
    assert len(band_keys(signature, bands=2, rows=2)) == 2


def test_a_passage_pairs_two_letters_that_otherwise_differ() -> None:
    a = "In Baku this week a group of lawyers wrote to the president. " + PASSAGE
    b = PASSAGE + ". Signed in Tbilisi by members of the diaspora and several academics."
    c = "An unrelated letter about the budget of the city library and its opening hours."
    texts = [Text("a-0", "a", tokenize(a)), Text("b-0", "b", tokenize(b))]
    texts.append(Text("c-0", "c", tokenize(c)))
    keys = [fingerprints(t.tokens.words, MINHASH) for t in texts]
    assert np.intersect1d(keys[0], keys[1]).size > 0
    assert np.intersect1d(keys[0], keys[2]).size == 0
    assert [(i, j) for i, j, _ in candidate_pairs(texts, MINHASH)] == [(0, 1)]
    [found] = find_reuse(texts, MINHASH)
    assert (a[found.a.start : found.a.end], b[found.b.start : found.b.end]) == (PASSAGE, PASSAGE)


def test_band_keys_in_more_letters_than_max_df_do_not_pair_letters() -> None:
    texts = [Text(f"{i}-0", str(i), tokenize(PASSAGE)) for i in range(5)]
    assert len(candidate_pairs(texts, Settings(candidates=Candidates.minhash, max_df=5))) == 10
    assert candidate_pairs(texts, Settings(candidates=Candidates.minhash, max_df=4)) == []


def test_keys_are_fixed_numbers_the_same_in_any_process() -> None:
    keys = fingerprints(tokenize(PASSAGE).words, MINHASH)
    # 27 words, 23 n-grams: windows at 0 and 8 (8..22), 16 bands each; 2 bands of the two
    # overlapping windows have the same minima, so the same key
    assert len(ngram_hashes(tokenize(PASSAGE).words, 5)) == 23
    assert len(keys) == 30
    assert keys[:3].tolist() == [1183753948994763995, 2468659210462953219, 3060058954372859185]


def test_minhash_finds_the_passages_winnowing_finds_in_the_real_letters(
    corpus_store: Store,
) -> None:
    corpus = load_corpus(corpus_store)
    assert corpus_reuse(corpus, MINHASH) == corpus_reuse(corpus)
    assert len(corpus_reuse(corpus, MINHASH)) == 3


def test_reuse_command_takes_the_candidate_method(corpus_db: Path) -> None:
    def rows(*extra: str) -> list[dict[str, object]]:
        args = ["reuse", "--format", "jsonl", "--db", str(corpus_db), *extra]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]

    assert rows("--candidates", "minhash") == rows()
    assert [r["matched"] for r in rows("--candidates", "minhash")] == [14, 10, 10]
    bad = CliRunner().invoke(app, ["reuse", "--db", str(corpus_db), "--candidates", "lsh"])
    assert bad.exit_code == 2
    assert "'lsh' is not one of 'winnow', 'minhash'" in bad.output
