"""What analysis reads from the store: letters, their texts and who signed them.

Owns the one read of the store that every analysis shares (`load_corpus`), and the
choice of entity ids: a mention's person and organization come from the store's
resolution tables when they exist, otherwise from a normalized-name key, so that the
analyses work on a store that was never resolved. Read-only; no analysis here.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from cosignatory.normalize import QUOTES, fold_text, name_key
from cosignatory.store import Store


@dataclass(frozen=True)
class LetterInfo:
    """One letter with what analyses need of it; `text` is the letter's own text."""

    id: str
    document_id: str
    source: str
    date: str | None  # the letter's date, ISO, possibly partial
    published: str | None  # the document's publication date, if its container gave one
    reproduced: bool
    title: str | None
    url: str | None
    start: int  # the letter's span in the document text
    end: int
    senders: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()

    @property
    def when(self) -> str | None:
        """The best date known for ordering: the letter's own, else the document's."""
        return self.date or (self.published[:10] if self.published else None)

    @property
    def sort_key(self) -> tuple[bool, str, str, str]:
        """Date order; undated letters last, then by source path (batches are named in order)."""
        return (self.when is None, self.when or "", self.source, self.id)


@dataclass(frozen=True)
class Signing:
    """One signatory mention with its resolved person and organization (ids and labels)."""

    id: str
    letter_id: str
    name: str | None
    role: str | None
    organization: str | None
    start: int | None
    end: int | None
    person_id: str | None
    organization_id: str | None

    @property
    def member_id(self) -> str | None:
        """Who signed: the person, or the organization when no person is named."""
        return self.person_id or self.organization_id


@dataclass
class Corpus:
    """Letters (in date order), signings, document texts and entity labels, all in memory."""

    letters: list[LetterInfo]
    signings: list[Signing]
    texts: dict[str, str] = field(default_factory=dict)  # document id -> text
    labels: dict[str, str] = field(default_factory=dict)  # entity id -> display name
    aliases: dict[str, set[str]] = field(default_factory=dict)  # entity id -> names as printed
    kinds: dict[str, str] = field(default_factory=dict)  # entity id -> person | organization

    def __post_init__(self) -> None:
        self.letters.sort(key=lambda letter: letter.sort_key)
        self.by_id = {letter.id: letter for letter in self.letters}

    def text_of(self, letter: LetterInfo) -> str:
        return self.texts[letter.document_id][letter.start : letter.end]

    def signings_by_letter(self) -> dict[str, list[Signing]]:
        out: dict[str, list[Signing]] = {letter.id: [] for letter in self.letters}
        for signing in self.signings:
            out.setdefault(signing.letter_id, []).append(signing)
        return out

    def label(self, entity_id: str) -> str:
        return self.labels.get(entity_id, entity_id)


_SLUG = re.compile(r"[^a-z0-9]+")
_ORG_NOISE = re.compile(r"[" + re.escape(QUOTES) + r"]")


def person_key(name: str) -> str:
    """Fallback person id from a printed name: romanization variants share it."""
    return "p-" + "-".join(name_key(token) for token in fold_text(name).split())


def organization_key(name: str) -> str:
    """Fallback organization id from a printed name (case, quotes and accents folded)."""
    return "o-" + _SLUG.sub("-", fold_text(_ORG_NOISE.sub(" ", name))).strip("-")


def load_corpus(store: Store, *, with_texts: bool = True) -> Corpus:
    """Read every letter and signatory mention, with entity ids from resolution if present."""
    conn = store.conn
    senders = _grouped(conn, "SELECT letter_id, name FROM senders ORDER BY letter_id, ordinal")
    addressees = _grouped(
        conn,
        "SELECT letter_id, coalesce(name, role) FROM addressees"
        " WHERE coalesce(name, role) IS NOT NULL ORDER BY letter_id, ordinal",
    )
    letters = [
        LetterInfo(
            id=row["id"],
            document_id=row["document_id"],
            source=row["source"],
            date=row["date"],
            published=row["published"],
            reproduced=bool(row["reproduced"]),
            title=row["title"] or row["doc_title"],
            url=row["url"],
            start=row["start"] or 0,
            end=row["end"] if row["end"] is not None else row["length"],
            senders=tuple(senders.get(row["id"], ())),
            addressees=tuple(addressees.get(row["id"], ())),
        )
        for row in conn.execute(
            "SELECT l.id, l.document_id, l.date, l.reproduced, l.title, l.start, l.end,"
            " d.source, d.published, d.title AS doc_title, d.url, length(d.text) AS length"
            " FROM letters l JOIN documents d ON d.id = l.document_id"
        )
    ]
    resolved = _resolved(conn)
    corpus = Corpus(letters=letters, signings=[])
    for row in conn.execute(
        "SELECT id, letter_id, name, role, organization, start, end FROM mentions"
        " ORDER BY letter_id, ordinal"
    ):
        person, org = resolved.get(row["id"], (None, None))
        name, organization = row["name"], row["organization"]
        if person is None and name:
            person = person_key(name)
        if org is None and organization:
            org = organization_key(organization)
        corpus.signings.append(
            Signing(
                row["id"],
                row["letter_id"],
                name,
                row["role"],
                organization,
                row["start"],
                row["end"],
                person,
                org,
            )
        )
        if person and name:
            _note(corpus, person, name, "person")
        if org and organization:
            _note(corpus, org, organization, "organization")
    corpus.labels.update(_resolved_labels(conn))
    if with_texts:
        corpus.texts = dict(conn.execute("SELECT id, text FROM documents").fetchall())
    return corpus


def _note(corpus: Corpus, entity: str, printed: str, kind: str) -> None:
    corpus.aliases.setdefault(entity, set()).add(printed)
    corpus.labels.setdefault(entity, printed)
    corpus.kinds.setdefault(entity, kind)


def _grouped(conn: sqlite3.Connection, sql: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for letter, value in conn.execute(sql):
        out.setdefault(letter, []).append(value)
    return out


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _resolved(conn: sqlite3.Connection) -> dict[str, tuple[str | None, str | None]]:
    """mention id -> (person entity id, organization entity id) from resolution, if stored."""
    if "mention_entities" not in _tables(conn):
        return {}
    out: dict[str, tuple[str | None, str | None]] = {}
    for mention, kind, entity in conn.execute(
        "SELECT mention_id, kind, entity_id FROM mention_entities"
    ):
        person, org = out.get(mention, (None, None))
        out[mention] = (entity, org) if kind == "person" else (person, entity)
    return out


def _resolved_labels(conn: sqlite3.Connection) -> dict[str, str]:
    """entity id -> canonical name, from resolution, if stored."""
    if "entities" not in _tables(conn):
        return {}
    return {row[0]: row[1] for row in conn.execute("SELECT id, caption FROM entities")}
