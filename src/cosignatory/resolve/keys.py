"""Neighbourhood keys: which stored mentions a new mention could resolve with.

An incremental resolution looks only at the mentions that share one of these keys with a
new mention, so the keys are a superset of the resolver's blocking: they depend on the
mention alone (never on the corpus or on entity ids), and so can be stored once per
mention. Person keys mirror the resolver's person block keys; organization keys are the
distinctive words of the name (a name of generic words only keys on all of them) and its
acronym and initials.
"""

from __future__ import annotations

from cosignatory.normalize import skeleton
from cosignatory.resolve.names import parse_person
from cosignatory.resolve.orgs import acronym_keys, parse_org, token_weight
from cosignatory.resolve.records import MentionRecord

NONE = ""  # the key of a mention with nothing to resolve: marks it as seen


def person_keys(name: str | None, organization: str | None = None) -> list[str]:
    """Keys of a printed person name (and its organization, for aliases within one)."""
    p = parse_person(name) if name else None
    if p is None:
        return []
    stem = p.surname.stem
    keys = [f"s|{skeleton(stem)[:4]}|{p.initial}", f"f|{p.first}|{stem[:3]}", f"k|{p.key}"]
    o = parse_org(organization) if organization and p.first else None
    if o is not None:
        keys.append(f"fo|{p.initial}|{o.key}")
    return keys


def organization_keys(organization: str | None) -> list[str]:
    """Keys of a printed organization name: its distinctive words."""
    o = parse_org(organization) if organization else None
    if o is None:
        return []
    words = sorted(set(o.tokens))
    distinctive = [t for t in words if len(t) > 1 and token_weight(t) == 1.0]
    return [f"o|{t}" for t in distinctive or words] + acronym_keys(o)


def mention_keys(r: MentionRecord) -> list[str]:
    """Every neighbourhood key of a mention; [NONE] when it has neither name nor organization."""
    keys = person_keys(r.name, r.organization) + organization_keys(r.organization)
    return list(dict.fromkeys(keys)) or [NONE]
