"""Quality gate: extraction on the shared gold corpus must stay above pinned floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from cosignatory.extract import extract
from cosignatory.model import Document

SHARED = Path(__file__).parents[1].parent / "shared"
FLOORS = {
    "signatory_f1": 0.98,
    "record_f1": 0.95,
    "letter_f1": 1.0,
    "date_accuracy": 1.0,
    "addressee_f1": 1.0,
    "sender_f1": 1.0,
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not beside checkout")
def test_gold_corpus_scores_stay_above_floors(tmp_path: Path) -> None:
    rows = []
    for path in sorted((SHARED / "corpus").glob("*.txt")):
        document = Document(source=str(path), text=path.read_text(encoding="utf-8"), format="text")
        letters = [letter.to_dict() for letter in extract(document)]
        rows.append(json.dumps({"source": str(path), "letters": letters}))
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text("\n".join(rows), encoding="utf-8")
    score = _scorer()
    args = [str(SHARED / "eval" / "gold"), str(predictions), "--json"]
    args += [f"--min={key}={value}" for key, value in FLOORS.items()]
    assert score.main(args) == 0
