"""`apply_corrections`, the pure replay that `extract --corrections` and exports rely on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import GOLD, SHARED
from corrections_support import TEXT, VUGAR, december, december_store, letters_v1, span
from test_corrections_store import review_december

from cosignatory.errors import ReviewError
from cosignatory.model import Letter
from cosignatory.review import Correction, apply_corrections, replay
from cosignatory.store import corrections as sc


def exported(tmp_path: Path) -> list[Correction]:
    """The reviewer's corrections of the December letter, as `corrections export` writes them."""
    store, letter = december_store(tmp_path / "t.db")
    review_december(store, letter)
    lines = [json.dumps(c.to_dict(), ensure_ascii=False) for c in sc.list_corrections(store)]
    store.close()
    return [Correction.from_dict(json.loads(line)) for line in lines]


def score(tmp_path: Path, letters: list[Letter]) -> dict[str, Any]:
    """The shared scorer's metrics for the December letter's prediction `letters`."""
    gold = tmp_path / "gold"
    gold.mkdir(exist_ok=True)
    shutil.copy(GOLD / "000_82e5b8a0caa968aa.gold.json", gold)
    predictions = tmp_path / "predictions.jsonl"
    record = {"source": "000_82e5b8a0caa968aa.txt", "letters": [x.to_dict() for x in letters]}
    predictions.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    scorer = SHARED / "eval" / "score.py"
    out = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(predictions), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    metrics: dict[str, Any] = json.loads(out.stdout.rstrip().rsplit("\n", 1)[0])  # last: summary
    return metrics


def test_applying_exported_corrections_to_a_fresh_extraction_gives_the_reviewed_letter(
    tmp_path: Path,
) -> None:
    (letter,) = apply_corrections(december(), letters_v1(), exported(tmp_path))
    assert letter.to_dict() == {
        "reproduced": True,
        "date": "2025-12-25",
        "addressees": [
            {"name": "Donald J. Trump", "role": "President of the United States of America"}
        ],
        "senders": ["The Representatives of Azerbaijani Civil Society"],
        "signatories": [
            {"name": "Ramil Iskandarli", "role": "Chairman of the Board",
             "organization": "Azerbaijan National NGO Forum", "span": [4233, 4310]},
            {"name": "Novella Jafarova", "role": "Chairwoman",
             "organization": "Dilara Aliyeva Azerbaijan Women's Rights Society",
             "span": [4452, 4537]},
            {"name": "Aqil Jamal", "role": "Chairman", "organization": "Common Values Public Union",
             "span": [6319, 6464]},
            {"name": "Vugar Gadirov", "role": "Chairman",
             "organization": "Youth Organization for Return and Revival Public Union",
             "span": [6376, 6464]},
            {"name": "Fikret Yusifov", "role": "President",
             "organization": "Economics International Economic Research Public Union",
             "span": [6807, 6897]},
        ],
    }  # fmt: skip


def test_the_scorer_sees_the_corrections(tmp_path: Path) -> None:
    corrections = exported(tmp_path)
    before = score(tmp_path, letters_v1())
    after = score(tmp_path, apply_corrections(december(), letters_v1(), corrections))
    assert (before["signatory_precision"], before["signatory_recall"]) == (0.6, 3 / 30)
    assert (after["signatory_precision"], after["signatory_recall"]) == (1.0, 5 / 30)


def test_corrections_of_another_document_are_ignored(tmp_path: Path) -> None:
    other = december(source="elsewhere.txt", text=TEXT + "\nPostscript.")
    outcome = replay(other, letters_v1(other.text), exported(tmp_path))
    assert outcome.status == {}
    assert [x.letter for x in outcome.letters] == letters_v1(other.text)


def test_an_addition_needs_a_span_and_values() -> None:
    common = {"document": december().sha256, "letter": 0, "item": "signatory", "action": "add"}
    for record, message in [
        ({**common, "new": {"name": "Vugar Gadirov"}}, "needs the span"),
        ({**common, "span": list(span(TEXT, VUGAR).to_list()), "new": "Vugar"}, "needs the span"),
        ({**common, "action": "set", "field": "date"}, "cannot set 'date' of a signatory"),
        ({**common, "letter": "first"}, "not a correction record"),
    ]:
        try:
            Correction.from_dict(record)
        except ReviewError as error:
            assert message in str(error)
        else:
            raise AssertionError(f"accepted {record}")
