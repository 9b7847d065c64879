"""A real letter (the December appeal of the shared corpus) as two extractor versions made it.

The machine output is written by hand so the correction tests do not move when the
extractor improves: version 1 has the errors a reviewer fixes (a closing line taken
for a signatory, a name with its role, two signatories merged on one line, no space
in "Donald J.Trump"); version 2 is a newer extractor that splits the merged line.
"""

from __future__ import annotations

from pathlib import Path

from conftest import DECEMBER_LETTER

from cosignatory.model import Addressee, Document, Letter, Sender, Signatory, Span
from cosignatory.store import Store, save_extraction

TEXT = DECEMBER_LETTER.read_text(encoding="utf-8")
SOURCE = "corpus/000_82e5b8a0caa968aa.txt"
AQIL_LINE = (
    "Aqil Jamal – Chairman of the“Common Values” Public Union Vugar Gadirov - Chairman of the"
    " “Youth Organization for Return and Revival” Public Union"
)
VUGAR = "Vugar Gadirov - Chairman of the “Youth Organization for Return and Revival” Public Union"


def span(text: str, needle: str, after: str = "") -> Span:
    """Where `needle` is printed in `text` (after the first `after`), checked to be there."""
    start = text.index(needle, text.index(after) if after else 0)
    return Span(start, start + len(needle))


def signatory(text: str, line: str, name: str, role: str | None, org: str | None) -> Signatory:
    entry = span(text, line)
    return Signatory(
        name,
        role,
        org,
        entry,
        span(text, name, line) if name in line else None,
        span(text, role, line) if role and role in line else None,
        span(text, org, line) if org and org in line else None,
    )


def letters_v1(text: str = TEXT) -> list[Letter]:
    """What the older extractor made of the December letter."""
    start = text.index("To the President")
    return [
        Letter(
            reproduced=True,
            date=None,
            addressees=(
                Addressee(
                    "Donald J.Trump",
                    "President of the United States of America",
                    span(text, "Donald J.Trump"),
                ),
            ),
            senders=(
                Sender(
                    "The Representatives of Azerbaijani Civil Society",
                    span(text, "The Representatives of Azerbaijani Civil Society"),
                ),
            ),
            signatories=(
                signatory(
                    text,
                    "With deepest respect for your leadership and vision,",
                    "With deepest respect",
                    None,
                    None,
                ),
                signatory(
                    text,
                    "Ramil Iskandarli – Chairman of the Board of the Azerbaijan National NGO Forum",
                    "Ramil Iskandarli – Chairman of the Board",
                    None,
                    "Azerbaijan National NGO Forum",
                ),
                signatory(
                    text,
                    "Novella Jafarova - Chairwoman of the Dilara Aliyeva Azerbaijan Women's Rights"
                    " Society",
                    "Novella Jafarova",
                    "Chairwoman",
                    "Dilara Aliyeva Azerbaijan Women's Rights Society",
                ),
                signatory(text, AQIL_LINE, "Aqil Jamal", "Chairman", AQIL_LINE.split("the“", 1)[1]),
                signatory(
                    text,
                    'Fikret Yusifov – President of the "Economics" International Economic'
                    " Research Public Union",
                    "Fikret Yusifov",
                    "President",
                    "Economics International Economic Research Public Union",
                ),
            ),
            span=Span(start, len(text)),
        )
    ]


def letters_v2(text: str = TEXT) -> list[Letter]:
    """A newer extractor: no closing line, the merged line split in two, the rest as before."""
    (old,) = letters_v1(text)
    _, ramil, novella, _, fikret = old.signatories
    aqil = signatory(
        text,
        "Aqil Jamal – Chairman of the“Common Values” Public Union",
        "Aqil Jamal",
        "Chairman",
        "Common Values Public Union",
    )
    vugar = signatory(
        text, VUGAR, "Vugar Gadirov", "Chairman", "Youth Organization for Return and Revival"
    )
    return [Letter(**{**old.__dict__, "signatories": (ramil, novella, aqil, vugar, fikret)})]


def december(source: str = SOURCE, text: str = TEXT) -> Document:
    return Document(source, text, "text")


def december_store(path: Path) -> tuple[Store, str]:
    """A store file holding the December letter as extractor version 1 made it; its letter id."""
    store = Store.open(path)
    document = december()
    assert save_extraction(store, document, letters_v1(), "test-1")
    return store, f"{document.id}-0"
