"""The tables every export shares: letters, signatories, people, organizations, memberships, edges.

Owns the rows (plain dicts with fixed columns) that the CSV, Parquet and JSON exporters
write, produced lazily from a loaded `Corpus`. Column names and types are declared once
here (`COLUMNS`), so a table has the same shape in every format, empty or not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cosignatory.analyze.data import Corpus
from cosignatory.analyze.network import Network

Row = dict[str, Any]

# table -> [(column, type)] where type is "str", "int", "float" or "bool"
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "letters": [
        ("id", "str"),
        ("date", "str"),
        ("published", "str"),
        ("reproduced", "bool"),
        ("title", "str"),
        ("senders", "str"),
        ("addressees", "str"),
        ("signatories", "int"),
        ("source", "str"),
        ("url", "str"),
        ("start", "int"),
        ("end", "int"),
    ],
    "signatories": [
        ("id", "str"),
        ("letter_id", "str"),
        ("date", "str"),
        ("name", "str"),
        ("role", "str"),
        ("organization", "str"),
        ("person_id", "str"),
        ("organization_id", "str"),
        ("start", "int"),
        ("end", "int"),
    ],
    "people": [
        ("id", "str"),
        ("name", "str"),
        ("aliases", "str"),
        ("letters", "int"),
        ("first_date", "str"),
        ("last_date", "str"),
    ],
    "organizations": [
        ("id", "str"),
        ("name", "str"),
        ("aliases", "str"),
        ("letters", "int"),
        ("first_date", "str"),
        ("last_date", "str"),
    ],
    "memberships": [
        ("person_id", "str"),
        ("organization_id", "str"),
        ("roles", "str"),
        ("letters", "int"),
        ("start_date", "str"),
        ("end_date", "str"),
    ],
    "edges": [("source", "str"), ("target", "str"), ("weight", "int")],
}


@dataclass(frozen=True)
class Membership:
    person: str
    organization: str
    roles: tuple[str, ...]
    letters: int
    start: str | None
    end: str | None


def memberships(corpus: Corpus) -> list[Membership]:
    """A person's posts in an organization as printed on their signatures, with date range."""
    seen: dict[tuple[str, str], tuple[dict[str, None], set[str], list[str]]] = {}
    for s in corpus.signings:
        if not (s.person_id and s.organization_id):
            continue
        roles, letters, dates = seen.setdefault((s.person_id, s.organization_id), ({}, set(), []))
        if s.role:
            roles[s.role] = None
        letters.add(s.letter_id)
        when = corpus.by_id[s.letter_id].when if s.letter_id in corpus.by_id else None
        if when:
            dates.append(when)
    return [
        Membership(
            p, o, tuple(roles), len(letters), min(dates, default=None), max(dates, default=None)
        )
        for (p, o), (roles, letters, dates) in sorted(seen.items())
    ]


def letter_rows(corpus: Corpus) -> Iterator[Row]:
    signers = Counter(s.letter_id for s in corpus.signings)
    for letter in corpus.letters:
        yield {
            "id": letter.id,
            "date": letter.date,
            "published": letter.published,
            "reproduced": letter.reproduced,
            "title": letter.title,
            "senders": "; ".join(letter.senders),
            "addressees": "; ".join(letter.addressees),
            "signatories": signers[letter.id],
            "source": letter.source,
            "url": letter.url,
            "start": letter.start,
            "end": letter.end,
        }


def signatory_rows(corpus: Corpus) -> Iterator[Row]:
    for s in corpus.signings:
        letter = corpus.by_id.get(s.letter_id)
        yield {
            "id": s.id,
            "letter_id": s.letter_id,
            "date": letter.when if letter else None,
            "name": s.name,
            "role": s.role,
            "organization": s.organization,
            "person_id": s.person_id,
            "organization_id": s.organization_id,
            "start": s.start,
            "end": s.end,
        }


def entity_rows(corpus: Corpus, kind: str) -> Iterator[Row]:
    """People (kind "person") or organizations with their printed names and letter dates."""
    letters: dict[str, set[str]] = {}
    for s in corpus.signings:
        entity = s.person_id if kind == "person" else s.organization_id
        if entity:
            letters.setdefault(entity, set()).add(s.letter_id)
    for entity in sorted(letters):
        dates = sorted(d for lid in letters[entity] if (d := _when(corpus, lid)))
        yield {
            "id": entity,
            "name": corpus.label(entity),
            "aliases": "; ".join(sorted(corpus.aliases.get(entity, ()))),
            "letters": len(letters[entity]),
            "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None,
        }


def membership_rows(corpus: Corpus) -> Iterator[Row]:
    for m in memberships(corpus):
        yield {
            "person_id": m.person,
            "organization_id": m.organization,
            "roles": "; ".join(m.roles),
            "letters": m.letters,
            "start_date": m.start,
            "end_date": m.end,
        }


def edge_rows(network: Network) -> Iterator[Row]:
    for a, b, data in sorted(network.graph.edges(data=True)):
        yield {"source": a, "target": b, "weight": data["weight"]}


def all_tables(corpus: Corpus, network: Network) -> dict[str, Iterator[Row]]:
    """Every table by name, lazily."""
    return {
        "letters": letter_rows(corpus),
        "signatories": signatory_rows(corpus),
        "people": entity_rows(corpus, "person"),
        "organizations": entity_rows(corpus, "organization"),
        "memberships": membership_rows(corpus),
        "edges": edge_rows(network),
    }


def _when(corpus: Corpus, letter_id: str) -> str | None:
    letter = corpus.by_id.get(letter_id)
    return letter.when if letter else None
