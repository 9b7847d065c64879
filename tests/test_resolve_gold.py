"""Resolution quality on the shared gold corpus, scored by the project's own scorer.

The gold signatories become mentions; the gold corpus groups say which are one
person or organization. A second pass prints the same letters in other scripts and
romanizations (Cyrillic, Azerbaijani Latin, Russian-style Latin), which must resolve to
the same entities as the originals.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from cosignatory.resolve import MentionRecord, resolve

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "gold"

_CYRILLIC = {
    "shch": "щ",
    "sh": "ш",
    "ch": "ч",
    "kh": "х",
    "zh": "ж",
    "ya": "я",
    "yu": "ю",
    "a": "а",
    "b": "б",
    "v": "в",
    "g": "г",
    "d": "д",
    "e": "е",
    "z": "з",
    "i": "и",
    "y": "й",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "f": "ф",
    "h": "х",
    "j": "дж",
    "q": "г",
    "c": "дж",
}


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", GOLD.parent / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def to_cyrillic(name: str) -> str:
    out, s, i = [], name.lower(), 0
    while i < len(s):
        for n in (4, 2, 1):
            if s[i : i + n] in _CYRILLIC:
                out.append(_CYRILLIC[s[i : i + n]])
                i += n
                break
        else:
            out.append(s[i])
            i += 1
    return " ".join(w.capitalize() for w in "".join(out).split())


def to_russian_latin(name: str) -> str:
    return (
        name.replace("j", "dzh").replace("J", "Dzh").replace("iyev", "iev").replace("mmad", "mmed")
    )


def to_azerbaijani(name: str) -> str:
    return name.replace("Ja", "Cə").replace("ja", "cə").replace("kh", "x").replace("Kh", "X")


def gold_mentions() -> list[tuple[dict[str, str | None], MentionRecord]]:
    out = []
    for path in sorted(GOLD.glob("0*.gold.json")):
        doc = json.loads(path.read_text())
        for li, letter in enumerate(doc["letters"]):
            for si, s in enumerate(letter["signatories"]):
                lid = f"{path.name[:3]}-{li}"
                rec = MentionRecord(
                    f"{lid}-{si}", lid, letter["date"], s["name"], s["role"], s["organization"]
                )
                out.append((s, rec))
    return out


def score(pairs: list[tuple[dict[str, str | None], MentionRecord]]) -> dict[str, float]:
    res = resolve([r for _, r in pairs])
    mentions = [
        (
            g,
            {
                "person_id": res.person_of.get(r.id),
                "organization_id": res.organization_of.get(r.id),
            },
        )
        for g, r in pairs
    ]
    return dict(scorer().score_resolution(GOLD, mentions))


def test_gold_corpus_people_and_organizations_resolve_exactly() -> None:
    m = score(gold_mentions())
    assert (m["people_bcubed_f1"], m["organizations_bcubed_f1"]) == (1.0, 1.0)
    assert (m["people_pair_f1"], m["organizations_pair_f1"]) == (1.0, 1.0)


def test_gold_letters_reprinted_in_other_scripts_resolve_to_the_same_entities() -> None:
    pairs = gold_mentions()
    extra = []
    for k, render in enumerate((to_cyrillic, to_russian_latin, to_azerbaijani)):
        for g, r in pairs:
            if r.name:
                lid = f"v{k}-{r.letter_id}"
                extra.append(
                    (
                        g,
                        MentionRecord(
                            f"v{k}-{r.id}", lid, r.date, render(r.name), r.role, r.organization
                        ),
                    )
                )
    m = score(pairs + extra)
    assert round(m["people_bcubed_f1"], 3) == 1.0
    assert round(m["organizations_bcubed_f1"], 3) == 1.0
