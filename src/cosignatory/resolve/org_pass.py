"""The organization pass: units of one name key, block keys, links, clusters.

Each step is a function of what it is given, so an engine can run it where its data
lives: `org_unit_key` per mention; `token_frequencies` and `orgs.common_names` over all
units (the corpus-wide statistics); `org_block_keys` per unit; `org_link` per candidate
pair; and `link_orgs` per connected component of the links (links never cross
components, and a component's clusters depend on nothing outside it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set

from cosignatory.resolve.clustering import Clusters
from cosignatory.resolve.orgs import (
    OrgName,
    abbreviates,
    acronym_keys,
    org_similarity,
    parse_org,
    same_org,
    shared_people,
    token_weight,
)
from cosignatory.resolve.records import Evidence, Feature
from cosignatory.resolve.units import Unit

OrgLink = tuple[float, int, int]  # (name overlap, unit i, unit j), i < j


def org_unit_key(printed: str) -> str | None:
    """The unit key of a printed organization name: its name key and its countries."""
    o = parse_org(printed)
    return None if o is None else f"{o.key}|{' '.join(sorted(o.countries))}"


def unit_name(unit: Unit) -> OrgName:
    """The parsed name of a unit: its first printed form (all share one key)."""
    name = parse_org(next(iter(unit.printed)))
    assert name is not None  # a unit exists only for names that parse
    return name


def token_frequencies(names: Iterable[OrgName]) -> Counter[str]:
    """In how many units each token occurs."""
    return Counter(t for n in names for t in frozenset(n.tokens))


def org_block_keys(name: OrgName, df: Mapping[str, int]) -> list[str]:
    """The first word (for shortened names), the two rarest words another unit shares, and
    the acronym and initials (`orgs.acronym_keys`)."""
    words = set(name.tokens)
    shared = sorted((t for t in words if len(t) > 1 and df.get(t, 0) > 1), key=lambda t: (df[t], t))
    return list(dict.fromkeys([name.tokens[0], *shared[:2], *acronym_keys(name)]))


def _weight(tokens: Iterable[str]) -> float:
    return sum(token_weight(t) for t in tokens)


def org_link(
    a: OrgName, b: OrgName, people_a: Set[str], people_b: Set[str], common: Set[str]
) -> float | None:
    """The name overlap of two units when they name one organization, else None.

    `people_a` / `people_b`: the person name keys that signed with each (shared people are
    evidence for borderline names), `common`: the name keys too common to count
    (`orgs.common_names`, over every unit of the corpus)."""
    if abbreviates(a, b) or abbreviates(b, a):
        return 1.0
    sa, sb = frozenset(a.tokens), frozenset(b.tokens)
    initials = any(len(t) == 1 for t in sa) or any(len(t) == 1 for t in sb)
    if (
        a.tokens[0] != b.tokens[0]
        and not initials
        and _weight(sa & sb) < 0.6 * max(_weight(sa), _weight(sb))
    ):
        return None  # cannot reach the overlap threshold, nor be a shortened form
    sim = org_similarity(a, b)
    return sim.overlap if same_org(sim, shared_people(people_a, people_b, common)) else None


def link_orgs(
    clusters: Clusters, units: Sequence[Unit], links: Iterable[OrgLink]
) -> list[Evidence]:
    """Join units along their links, best overlap first; the evidence of each join."""
    out: list[Evidence] = []
    for overlap, i, j in sorted(links, key=lambda x: (-x[0], units[x[1]].key, units[x[2]].key)):
        if clusters.union(i, j):
            ui, uj = units[i], units[j]
            out.append(
                Evidence(
                    "organization",
                    "",
                    ui.mentions[0],
                    uj.mentions[0],
                    ui.label,
                    uj.label,
                    overlap,
                    (Feature("name_overlap", overlap, f"{ui.key} ~ {uj.key}"),),
                )
            )
    return out
