"""Extraction quality on a generated corpus with ground truth, per layout and language.

Generates documents with `generate_corpus.py` (deterministic for a seed; a share of them carry
a letter, reproduced in one of its signature layouts or reported in prose, in English, German,
French or Russian; some are HTML pages), reads them the way `ingest` does (JSON Lines through
`cosignatory.ingest`, HTML through trafilatura), runs `extract()` on each and scores it against
the generator's truth with the functions of `shared/eval/score.py`: letter precision/recall,
signatory precision/recall/F1 by name, record accuracy (name, role and organization right) and
date accuracy, overall and per layout, language and format. The truth has no addressees or
senders, so those are not scored here.

    python benchmarks/extraction_eval.py [--docs 3000] [--seed 3] [--details 20]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from generate_corpus import build_population, generate_shard

from cosignatory.extract import extract
from cosignatory.ingest.jsonl import read_jsonl

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
_LANGUAGES = {"Offener Brief": "de", "Lettre ouverte": "fr", "Открытое письмо": "ru"}


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def layout_of(text: str, truth: dict[str, Any]) -> str:
    """The signature layout of a letter-bearing document, read off its text."""
    if not truth["reproduced"]:
        return "reported"
    first = truth["signatories"][0]
    at = text.find(first["name"])
    line = text[text.rfind("\n", 0, at) + 1 : text.find("\n", at) % (len(text) + 1)]
    after = text[at + len(first["name"]) : at + len(first["name"]) + 3]
    if re.match(r"\d+\. ", line):
        return "numbered"
    if line.startswith(("- **", "**")):
        return "bullet"
    if not line.startswith(first["name"]):
        return "org-first"
    if after.startswith(" ("):
        return "paren"
    if after.startswith(","):
        return "comma"
    return "dash"


def language_of(text: str) -> str:
    return next((lang for cue, lang in _LANGUAGES.items() if cue in text), "en")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--letter-share", type=float, default=0.4)
    ap.add_argument("--html-share", type=float, default=0.2)
    ap.add_argument("--details", type=int, default=0, help="print this many misses")
    args = ap.parse_args()
    score = scorer()
    population = build_population(args.seed)
    truths: dict[str, dict[str, Any]] = {}
    pages: set[str] = set()  # urls of records given as HTML
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8") as f:
            for record, truth in generate_shard(
                population, args.seed, 0, args.docs, args.letter_share, args.html_share
            ):
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                if "html" in record:
                    pages.add(record["url"])
                if truth is not None:
                    truths[record["url"]] = truth
        documents = list(read_jsonl(path, 50_000_000))
    started = time.perf_counter()
    predicted = [extract(d) for d in documents]
    seconds = time.perf_counter() - started

    t: dict[str, Counter[str]] = {}
    details: list[str] = []
    for document, letters in zip(documents, predicted, strict=True):
        truth = truths.get(document.url or "")
        gold = [truth] if truth else []
        pred = [letter.to_dict() for letter in letters]
        groups = ["all", "html" if document.url in pages else "text"]
        if truth:
            groups += [layout_of(document.text, truth), "lang:" + language_of(document.text)]
        else:
            groups.append("no letter")
        counts = _score_document(score, pred, gold, details, document.url or "")
        for g in groups:
            t.setdefault(g, Counter()).update(counts)
    _report(score, t, len(documents), seconds)
    for line in details[: args.details]:
        print("  " + line)


def _score_document(
    score: ModuleType, pred: list[dict[str, Any]], gold: list[dict[str, Any]], details: list[str],
    doc: str,
) -> Counter[str]:  # fmt: skip
    c: Counter[str] = Counter()
    pairs = score.pair_letters(pred, gold)
    c["letters_gold"] += len(gold)
    c["letters_pred"] += len(pred)
    c["letters_tp"] += len(pairs)
    c["signatories_gold"] += sum(len(g["signatories"]) for g in gold)
    c["signatories_pred"] += sum(len(p["signatories"]) for p in pred)
    for pi, gi in pairs:
        p, g = pred[pi], gold[gi]
        if g.get("date"):
            c["dates_gold"] += 1
            c["dates_ok"] += p.get("date") == g["date"]
        c["reproduced_ok"] += bool(p["reproduced"]) == bool(g["reproduced"])
        gs, ps = g["signatories"], p["signatories"]
        sp = score.match_lists(ps, gs, lambda x, y: score.similar(x.get("name"), y.get("name")))
        c["signatories_tp"] += len(sp)
        for si, gi_ in sp:
            a, b = ps[si], gs[gi_]
            role_ok = score.similar(a.get("role"), b.get("role"), 0.85) or (
                not a.get("role") and not b.get("role")
            )
            org_ok = score.similar(a.get("organization"), b.get("organization"), 0.85) or (
                not a.get("organization") and not b.get("organization")
            )
            c["records_ok"] += role_ok and org_ok
            if not (role_ok and org_ok):
                details.append(
                    f"{doc}: {b['name']!r}: role {a.get('role')!r} vs {b.get('role')!r}; "
                    f"org {a.get('organization')!r} vs {b.get('organization')!r}"
                )
        matched_g = {gi_ for _, gi_ in sp}
        matched_p = {si for si, _ in sp}
        details += [f"{doc}: missed {s['name']!r}" for i, s in enumerate(gs) if i not in matched_g]
        details += [
            f"{doc}: spurious {s.get('name')!r} / {s.get('organization')!r}"
            for i, s in enumerate(ps)
            if i not in matched_p
        ]
    paired = {pi for pi, _ in pairs}
    details += [f"{doc}: spurious letter {p}" for i, p in enumerate(pred) if i not in paired][:1]
    if gold and not pairs:
        details.append(f"{doc}: missed letter ({len(gold[0]['signatories'])} signatories)")
    return c


def _report(score: ModuleType, t: dict[str, Counter[str]], docs: int, seconds: float) -> None:
    print(f"{docs:,} documents, extract() {seconds:.1f} s ({seconds / docs * 1e3:.2f} ms/doc)")
    head = ("group", "docs", "let P", "let R", "sig P", "sig R", "sig F1", "rec acc", "date")
    print("{:14s} {:>6s} {:>6s} {:>6s} {:>6s} {:>6s} {:>6s} {:>7s} {:>6s}".format(*head))
    order = ["all", "text", "html", "no letter", "reported", "dash", "comma", "paren"]
    order += ["numbered", "bullet", "org-first", "lang:en", "lang:de", "lang:fr", "lang:ru"]
    for g in [g for g in order if g in t] + sorted(set(t) - set(order)):
        c = t[g]
        lp, lr, _ = score.prf(c["letters_tp"], c["letters_pred"], c["letters_gold"])
        sp, sr, sf = score.prf(c["signatories_tp"], c["signatories_pred"], c["signatories_gold"])
        rec = c["records_ok"] / c["signatories_tp"] if c["signatories_tp"] else 1.0
        date = c["dates_ok"] / c["dates_gold"] if c["dates_gold"] else 1.0
        n = c["letters_gold"] if g != "no letter" else c["letters_pred"]
        print(f"{g:14s} {n:6d} {lp:6.3f} {lr:6.3f} {sp:6.3f} {sr:6.3f} {sf:6.3f} {rec:7.3f} "
              f"{date:6.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
