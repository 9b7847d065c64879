"""FollowTheMoney export: entities Aleph and the OpenSanctions tools load as they are.

Owns the mapping: each letter an `Article` (title, dates, text, senders as author);
people (`Person`) and organizations (`Organization`) with every printed name as an
alias; `LegalEntity` for addressees and collective senders; a `Documentation` per
signatory, addressee and sender linking them to the letter (role "signatory",
"addressee", "sender"); a `Membership` per person and organization with the roles as
printed and the first and last letter dates. Ids use only [a-z0-9-] (one bad id fails a
whole Aleph batch), dates are ISO, and labels outside FtM's fixed topic list go to
`keywords`. Entities are yielded one at a time as plain dicts, so writing is streaming.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any, TextIO

from anyascii import anyascii

from cosignatory.analyze.data import Corpus
from cosignatory.export.records import memberships

Entity = dict[str, Any]
_UNSAFE = re.compile(r"[^a-z0-9]+")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_ID = 96
# Cues in a printed role for topics of FtM's fixed list; any other label is a keyword.
ROLE_TOPICS = {
    "journalist": "role.journo",
    "editor": "role.journo",
    "member of parliament": "role.pol",
    "mp": "role.pol",
    "deputy": "role.pol",
    "ambassador": "role.diplo",
    "lawyer": "role.lawyer",
    "advocate": "role.lawyer",
    "judge": "role.judge",
    "general": "mil",
    "colonel": "mil",
    "activist": "role.act",
    "priest": "rel",
    "imam": "rel",
    "bishop": "rel",
}


def entity_id(*parts: str) -> str:
    """An id of [a-z0-9-] from readable parts; a hash keeps long or folded ones unique."""
    raw = "-".join(parts)
    slug = _UNSAFE.sub("-", anyascii(raw).lower()).strip("-") or "x"
    if slug != raw or len(slug) > MAX_ID:
        digest = hashlib.sha1(raw.encode()).hexdigest()[:10]
        slug = f"{slug[: MAX_ID - 11].rstrip('-')}-{digest}"
    return slug


def split_labels(labels: Iterable[str]) -> tuple[list[str], list[str]]:
    """(topics, keywords): labels in FtM's topic list are topics, the rest keywords."""
    from followthemoney import registry

    topics: list[str] = []
    keywords: list[str] = []
    for label in labels:
        (topics if label in registry.topic.names else keywords).append(label)
    return _unique(topics), _unique(keywords)


def entities(corpus: Corpus) -> Iterator[Entity]:
    """Every FtM entity of the corpus, each once, letters first."""
    emitted: set[str] = set()
    roles: dict[str, list[str]] = {}
    for s in corpus.signings:
        if s.person_id and s.role:
            roles.setdefault(s.person_id, []).append(s.role)
    by_letter = corpus.signings_by_letter()
    for letter in corpus.letters:
        lid = entity_id("letter", letter.id)
        topics, keywords = split_labels(
            ["open letter", "reproduced" if letter.reproduced else "reported"]
        )
        yield _entity(
            lid,
            "Article",
            {
                "title": [letter.title or _title(letter.senders, letter.addressees)],
                "date": [d for d in [letter.date] if d and _ISO_DATE.match(d)],
                "publishedAt": [
                    d[:10] for d in [letter.published] if d and _ISO_DATE.match(d[:10])
                ],
                "author": list(letter.senders),
                "bodyText": [corpus.text_of(letter)] if corpus.texts else [],
                "sourceUrl": [
                    u for u in [letter.url] if u and u.startswith(("http://", "https://"))
                ],
                "fileName": [PurePath(letter.source).name],
                "topics": topics,
                "keywords": keywords,
            },
        )
        date = [letter.date] if letter.date and _ISO_DATE.match(letter.date) else []
        for role, names in (("addressee", letter.addressees), ("sender", letter.senders)):
            for ordinal, name in enumerate(names):
                target = entity_id("party", name)
                if target not in emitted:
                    emitted.add(target)
                    yield _entity(target, "LegalEntity", {"name": [name]})
                yield _entity(
                    entity_id("documentation", letter.id, role, str(ordinal)),
                    "Documentation",
                    {"document": [lid], "entity": [target], "role": [role], "date": date},
                )
        for s in by_letter.get(letter.id, []):
            for kind, entity in (("person", s.person_id), ("organization", s.organization_id)):
                if entity is None:
                    continue
                target = entity_id(kind, entity)
                if target not in emitted:
                    emitted.add(target)
                    yield _party(corpus, target, kind, entity, roles.get(entity, []))
                role = (
                    "signatory"
                    if kind == "person" or s.person_id is None
                    else ("signatory organization")
                )
                yield _entity(
                    entity_id("documentation", s.id, kind),
                    "Documentation",
                    {"document": [lid], "entity": [target], "role": [role], "date": date},
                )
    for m in memberships(corpus):
        yield _entity(
            entity_id("membership", m.person, m.organization),
            "Membership",
            {
                "member": [entity_id("person", m.person)],
                "organization": [entity_id("organization", m.organization)],
                "role": list(m.roles),
                "startDate": [m.start] if m.start and _ISO_DATE.match(m.start) else [],
                "endDate": [m.end] if m.end and _ISO_DATE.match(m.end) else [],
            },
        )


def write_ftm(corpus: Corpus, out: TextIO) -> int:
    """Write the corpus as FtM JSON lines; returns the number of entities."""
    count = 0
    for entity in entities(corpus):
        out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def _party(corpus: Corpus, target: str, kind: str, entity: str, roles: list[str]) -> Entity:
    name = corpus.label(entity)
    aliases = sorted(a for a in corpus.aliases.get(entity, ()) if a != name)
    labels = [
        t
        for role in roles
        for cue, t in ROLE_TOPICS.items()
        if re.search(rf"\b{cue}\b", role.lower())
    ]
    topics, keywords = split_labels(labels)
    schema = "Person" if kind == "person" else "Organization"
    props: dict[str, list[str]] = {
        "name": [name],
        "alias": aliases,
        "topics": topics,
        "keywords": keywords,
    }
    if kind == "person":
        props["position"] = _unique(roles)
    return _entity(target, schema, props)


def _entity(eid: str, schema: str, properties: dict[str, list[str]]) -> Entity:
    props = {k: _unique(v) for k, v in properties.items() if any(v)}
    return {"id": eid, "schema": schema, "properties": props}


def _title(senders: tuple[str, ...], addressees: tuple[str, ...]) -> str:
    by = f" by {senders[0]}" if senders else ""
    to = f" to {addressees[0]}" if addressees else ""
    return f"Open letter{to}{by}"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
