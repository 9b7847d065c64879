"""Helpers for the analysis, export and report tests: hand-made stores and corpus lookups."""

from __future__ import annotations

from pathlib import Path

from cosignatory.model import Addressee, Document, Letter, Sender, Signatory, Span
from cosignatory.store import Store, save_extraction


def letter(
    text: str,
    signers: list[tuple[str | None, str | None]],
    *,
    date: str | None = None,
    sender: str | None = None,
    addressee: str | None = None,
) -> Letter:
    """A letter over all of `text`; each signer (name, organization) is found in the text."""
    entries = []
    for name, org in signers:
        anchor = name or org
        assert anchor is not None
        start = text.index(anchor)
        end = start + len(anchor)
        if org and name:
            end = text.index(org, start) + len(org)
        entries.append(Signatory(name, "Chair" if name and org else None, org, Span(start, end)))
    return Letter(
        reproduced=True,
        date=date,
        span=Span(0, len(text)),
        senders=(Sender(sender),) if sender else (),
        addressees=(Addressee(addressee),) if addressee else (),
        signatories=tuple(entries),
    )


def store_with(path: Path, documents: list[tuple[str, list[Letter]]]) -> Store:
    """A real SQLite store holding each (text, letters) as one document."""
    store = Store.open(path)
    for i, (text, letters) in enumerate(documents):
        save_extraction(store, Document(f"doc{i}.txt", text, "text"), letters, "test")
    return store


def letter_of(store: Store, filename: str) -> str:
    """The id of the (first) letter extracted from a corpus file."""
    row = store.conn.execute(
        "SELECT l.id FROM letters l JOIN documents d ON d.id = l.document_id"
        " WHERE d.source LIKE ? ORDER BY l.ordinal LIMIT 1",
        (f"%{filename}",),
    ).fetchone()
    return str(row[0])
