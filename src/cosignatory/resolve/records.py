"""The records resolution reads and writes: mentions in, judgements in, a resolution out.

Pure frozen dataclasses; nothing here compares or clusters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["person", "organization"]
Verdict = Literal["merge", "split", "not-same"]


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """One signatory mention as resolution sees it."""

    id: str  # mention id (store: "<letter id>-<ordinal>")
    letter_id: str
    date: str | None  # letter date, ISO, partial allowed
    name: str | None  # person name as printed (None for org-only signatories)
    role: str | None
    organization: str | None


@dataclass(frozen=True, slots=True)
class Judgement:
    """A human decision, keyed by mention ids so it outlives entity ids and databases.

    merge: the entities holding `left` and `right` are one. not-same: they never are.
    split: mention `left` leaves the entity holding `right` (and never rejoins it).
    """

    kind: Kind
    verdict: Verdict
    left: str  # mention id
    right: str  # mention id
    left_name: str | None = None  # printed forms, kept for people reading the store
    right_name: str | None = None


@dataclass(frozen=True, slots=True)
class Feature:
    """One comparison feature: its name, its weight (log2 Bayes factor) and what it saw."""

    name: str
    weight: float
    detail: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two groups of mentions were put together: the pair compared and its score."""

    kind: Kind
    entity_id: str
    left: str  # a mention id on each side
    right: str
    left_name: str
    right_name: str
    score: float
    features: tuple[Feature, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved person or organization."""

    id: str
    kind: Kind
    caption: str  # the most frequent printed form
    names: tuple[str, ...]  # every printed form, most frequent first
    mentions: tuple[str, ...]  # mention ids, sorted


@dataclass(slots=True)
class Resolution:
    """What `resolve` found: mention → entity, the entities, and the evidence of merges."""

    person_of: dict[str, str] = field(default_factory=dict)
    organization_of: dict[str, str] = field(default_factory=dict)
    people: dict[str, Entity] = field(default_factory=dict)
    organizations: dict[str, Entity] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def evidence_for(self, entity_id: str) -> list[Evidence]:
        return [e for e in self.evidence if e.entity_id == entity_id]
