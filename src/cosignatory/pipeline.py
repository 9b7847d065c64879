"""Use cases that compose the stages: read → extract → store (→ resolve).

Each file is isolated: a file that cannot be read is reported and the batch goes
on; each document is stored in its own transaction, so an interrupted run
leaves the store consistent and a re-run completes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cosignatory.errors import IngestError
from cosignatory.extract import EXTRACTOR_VERSION, extract
from cosignatory.ingest import iter_files, read_documents
from cosignatory.model import Document, Letter
from cosignatory.resolve import MentionRecord, resolve
from cosignatory.review import Correction, apply_corrections
from cosignatory.store import Store, has_document, replace_extraction, save_extraction
from cosignatory.store.corrections import load_extraction, recheck
from cosignatory.store.entities import ResolveSummary, resolve_store
from cosignatory.store.letters import letter_id, mention_id


@dataclass
class IngestReport:
    """What one ingest run did."""

    files: int = 0
    documents: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store (same content)
    letters: int = 0
    signatories: int = 0
    errors: list[IngestError] = field(default_factory=list)
    resolution: ResolveSummary | None = None  # None when nothing new was stored

    @property
    def failed(self) -> int:
        return len(self.errors)


@dataclass(frozen=True)
class Extracted:
    """One document and the letters extraction found in it."""

    document: Document
    letters: list[Letter]


Progress = Callable[[Path], None]


def extract_paths(
    paths: Iterable[Path],
    *,
    on_error: Callable[[IngestError], None] | None = None,
    on_file: Progress | None = None,
    corrections: Sequence[Correction] = (),
) -> Iterator[Extracted]:
    """Read and extract every document under `paths`, streaming; unreadable files go to on_error.

    `corrections` (reviewed edits, e.g. from `cosignatory corrections export`) are replayed
    over the machine output of the documents they concern.
    """
    for path in iter_files(paths):
        try:
            for document in read_documents(path):
                letters = extract(document)
                if corrections:
                    letters = apply_corrections(document, letters, corrections)
                yield Extracted(document, letters)
        except IngestError as error:
            if on_error is None:
                raise
            on_error(error)
        if on_file is not None:
            on_file(path)


def ingest(
    store: Store,
    paths: Iterable[Path],
    *,
    on_file: Progress | None = None,
    resolve_entities: bool = True,
) -> IngestReport:
    """Read, extract and store every document under `paths`, then resolve the new mentions.

    One transaction per document; resolution joins new mentions to existing entities.
    """
    report = IngestReport()

    def count_file(path: Path) -> None:
        report.files += 1
        if on_file is not None:
            on_file(path)

    for path in iter_files(paths):
        try:
            for document in read_documents(path):
                report.documents += 1
                if has_document(store, document):
                    report.skipped += 1
                    continue
                letters = extract(document)
                if save_extraction(store, document, letters, EXTRACTOR_VERSION):
                    report.stored += 1
                    report.letters += len(letters)
                    report.signatories += sum(len(letter.signatories) for letter in letters)
                else:
                    report.skipped += 1
        except IngestError as error:
            report.errors.append(error)
        count_file(path)
    if resolve_entities and report.stored:
        report.resolution = resolve_store(store)
    return report


def extract_records(
    paths: Iterable[Path],
    *,
    on_error: Callable[[IngestError], None] | None = None,
    corrections: Sequence[Correction] = (),
) -> list[dict[str, Any]]:
    """The `extract` contract: per document {"source", "letters"}, ids resolved across the run.

    Documents stream through; only their letters (small) wait for resolution, which needs
    every mention of the run before any id is final.
    """
    out: list[dict[str, Any]] = []
    records: list[MentionRecord] = []
    signatories: list[tuple[str, dict[str, Any]]] = []
    for result in extract_paths(paths, on_error=on_error, corrections=corrections):
        letters = []
        for li, letter in enumerate(result.letters):
            lid = letter_id(result.document.id, li)
            data = letter.to_dict()
            for si, (s, row) in enumerate(
                zip(letter.signatories, data["signatories"], strict=True)
            ):
                mid = mention_id(lid, si)
                records.append(MentionRecord(mid, lid, letter.date, s.name, s.role, s.organization))
                signatories.append((mid, row))
            letters.append(data)
        out.append({"source": result.document.source, "letters": letters})
    resolution = resolve(records)
    for mid, row in signatories:
        row["person_id"] = resolution.person_of.get(mid)
        row["organization_id"] = resolution.organization_of.get(mid)
    return out


@dataclass
class ReextractReport:
    """What re-running a newer extractor over stored documents did."""

    documents: int = 0
    letters: int = 0
    signatories: int = 0
    corrections: dict[str, int] = field(default_factory=dict)  # status -> count
    resolution: ResolveSummary | None = None


def reextract(store: Store, *, everything: bool = False) -> ReextractReport:
    """Re-extract stored documents made by another extractor version (or all of them).

    Machine output is replaced; human corrections are replayed over the new output and
    flagged `needs-review` where the item they were made on moved; then entities are resolved.
    """
    report = ReextractReport()
    sql = "SELECT id FROM documents" + ("" if everything else " WHERE extractor_version != ?")
    args = () if everything else (EXTRACTOR_VERSION,)
    ids = [row[0] for row in store.conn.execute(sql, args).fetchall()]
    for document_id in ids:
        document, _old = load_extraction(store, document_id)
        letters = extract(document)
        with store.transaction():
            replace_extraction(store, document_id, letters, EXTRACTOR_VERSION)
            for status, n in recheck(store, document_id).items():
                report.corrections[status] = report.corrections.get(status, 0) + n
        report.documents += 1
        report.letters += len(letters)
        report.signatories += sum(len(letter.signatories) for letter in letters)
    if ids:
        report.resolution = resolve_store(store)
    return report
