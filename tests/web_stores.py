"""Stores the web tests browse: hand-made letters (exact spans) and a hostile document."""

from __future__ import annotations

from pathlib import Path

from cosignatory.model import Addressee, Document, Letter, Sender, Signatory, Span
from cosignatory.store import Store, save_extraction
from cosignatory.store.entities import resolve_store

XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'


def signed(text: str, name: str, role: str | None, org: str | None) -> Signatory:
    """A signatory whose spans are found in `text` (entry written as `name, role, org`)."""
    entry = ", ".join(x for x in (name, role, org) if x)
    start = text.index(entry)
    spans = {}
    for key, value in (("name", name), ("role", role), ("organization", org)):
        if value:
            at = text.index(value, start)
            spans[f"{key}_span"] = Span(at, at + len(value))
    return Signatory(name, role, org, span=Span(start, start + len(entry)), **spans)


def letter_document(
    source: str,
    title: str,
    date: str,
    addressee: str,
    sender: str,
    body: str,
    signers: list[tuple[str, str | None, str | None]],
) -> tuple[Document, Letter]:
    """A document holding one reproduced letter, with every span pointing into its text."""
    lines = [f"To {addressee}", date, "", body, "", "Signed:"]
    lines += [", ".join(x for x in s if x) for s in signers]
    lines += ["", sender]
    text = "\n".join(lines) + "\n"
    doc = Document(source, text, "text", title=title)
    letter = Letter(
        reproduced=True,
        date=date,
        date_span=Span(text.index(date), text.index(date) + len(date)),
        addressees=(Addressee(addressee, span=Span(3, 3 + len(addressee))),),
        senders=(
            Sender(sender, span=Span(text.rindex(sender), text.rindex(sender) + len(sender))),
        ),
        signatories=tuple(signed(text, *s) for s in signers),
        span=Span(0, len(text)),
        title=title,
    )
    return doc, letter


LETTERS = [
    letter_document(
        "letters/appeal-2024.txt",
        "Appeal on the water crisis",
        "2024-03-10",
        "the Secretary-General of the United Nations",
        "Caspian Civic Forum",
        "We urge you to act on the drinking water shortage in the villages of the region.",
        [
            ("Ilham Quliyev", "Chairman", "Simurg Cultural Union"),
            ("Leyla Hasanova", "Director", "Green Steppe Foundation"),
            ("Rauf Zeynalov", None, "Caspian Civic Forum"),
        ],
    ),
    letter_document(
        "letters/appeal-2025.txt",
        "Second appeal on water",
        "2025-06-01",
        "the President of the European Commission",
        "Caspian Civic Forum",
        "We urge you again to act on the drinking water shortage in the villages of the region.",
        [
            ("Ilham Guliyev", "Chairman", "Simurg Cultural Union"),
            ("Leyla Hasanova", "Director", "Green Steppe Foundation"),
            ("Samir Aliyev", "Professor", "Baku Engineering University"),
        ],
    ),
    letter_document(
        "letters/statement-2025.txt",
        "Statement on press freedom",
        "2025-11-20",
        "the Council of Europe",
        "Free Word Initiative",
        "Journalists must be free to report without fear of arrest.",
        [
            ("Samir Aliyev", "Professor", "Baku Engineering University"),
            ("Nigar Mammadova", "Editor", "Free Word Initiative"),
        ],
    ),
]

HOSTILE = letter_document(
    f"uploads/{XSS}.txt",
    f"Letter {XSS}",
    "2025-12-01",
    f"the Minister {XSS}",
    f"Coalition {XSS}",
    f"Body text {XSS} and <b>bold</b> &amp; entities.",
    [(f"Evil {XSS} Name", "Agent", f"Org {XSS}")],
)


def build(path: Path, *, hostile: bool = False) -> Path:
    """A resolved store at `path` with LETTERS (and HOSTILE when asked)."""
    with Store.open(path) as store:
        for doc, letter in LETTERS + ([HOSTILE] if hostile else []):
            save_extraction(store, doc, [letter], "test")
        resolve_store(store)
    return path
