"""The co-signature network: who signs with whom, how central, in which community.

Owns two graphs built from signings: the bipartite graph of signers and letters, and
its projection where people and organizations are nodes and an edge's weight is the
number of letters both appear in (a person appears through their own signature, an
organization through its members' and its own). On the projection it computes degree,
weighted degree, betweenness (exact on small graphs, sampled from a fixed number of
seeded pivots on large ones, so the cost stays linear in edges), Louvain communities
(networkx, seeded) and k-cores. Deterministic: same store, same numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from cosignatory.analyze.data import Corpus

SEED = 7
# Exact betweenness costs O(nodes * edges); past this budget it is sampled from pivots.
EXACT_BETWEENNESS_BUDGET = 5_000_000
BETWEENNESS_PIVOTS = 32
# A petition with thousands of names would add millions of edges that say little about
# who works with whom; such letters stay in the bipartite graph and in letter counts.
MAX_LETTER_SIZE = 300


@dataclass(frozen=True)
class Participant:
    """One node's presence on one letter."""

    entity: str
    kind: str  # person | organization


@dataclass
class Network:
    """The projected co-signature graph with per-node measures."""

    graph: nx.Graph
    letters: dict[str, int]  # entity -> number of letters
    skipped_letters: list[str] = field(default_factory=list)  # too large to project

    def top(self, limit: int | None = 20) -> list[dict[str, Any]]:
        """Nodes ranked by letters, then weighted degree, then label."""
        nodes = sorted(
            self.graph.nodes(data=True),
            key=lambda item: (-item[1]["letters"], -item[1]["strength"], item[1]["label"]),
        )
        return [{"id": node, **data} for node, data in nodes[:limit]]


def participants(corpus: Corpus) -> dict[str, list[Participant]]:
    """letter id -> distinct people and organizations on it, in order of first mention."""
    out: dict[str, dict[str, Participant]] = {letter.id: {} for letter in corpus.letters}
    for signing in corpus.signings:
        seen = out.setdefault(signing.letter_id, {})
        if signing.person_id:
            seen.setdefault(signing.person_id, Participant(signing.person_id, "person"))
        if signing.organization_id:
            seen.setdefault(
                signing.organization_id, Participant(signing.organization_id, "organization")
            )
    return {letter: list(nodes.values()) for letter, nodes in out.items()}


def bipartite_graph(corpus: Corpus) -> nx.Graph:
    """Signers (people and organizations) and letters as the two node sets."""
    graph = nx.Graph()
    for letter in corpus.letters:
        graph.add_node(
            letter.id,
            kind="letter",
            label=letter.title or letter.id,
            date=letter.when or "",
            bipartite=1,
        )
    for letter_id, nodes in participants(corpus).items():
        for node in nodes:
            graph.add_node(
                node.entity, kind=node.kind, label=corpus.label(node.entity), bipartite=0
            )
            graph.add_edge(node.entity, letter_id)
    return graph


def build_network(
    corpus: Corpus,
    *,
    kinds: Sequence[str] = ("person", "organization"),
    max_letter_size: int = MAX_LETTER_SIZE,
    measures: bool = True,
) -> Network:
    """Project signings onto signers; weight = shared letters; then compute the measures."""
    weights: Counter[tuple[str, str]] = Counter()
    letters: Counter[str] = Counter()
    kind_of: dict[str, str] = {}
    skipped = []
    for letter_id, nodes in participants(corpus).items():
        entities = sorted(n.entity for n in nodes if n.kind in kinds)
        kind_of.update((n.entity, n.kind) for n in nodes)
        letters.update(entities)
        if len(entities) > max_letter_size:
            skipped.append(letter_id)
            continue
        weights.update(combinations(entities, 2))
    graph = nx.Graph()
    for entity in sorted(letters):
        graph.add_node(
            entity, kind=kind_of[entity], label=corpus.label(entity), letters=letters[entity]
        )
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    network = Network(graph, dict(letters), skipped)
    if measures:
        add_measures(graph)
    return network


def add_measures(graph: nx.Graph) -> None:
    """Set degree, strength, betweenness, community and core on every node."""
    strength = dict(graph.degree(weight="weight"))
    for node, degree in graph.degree():
        graph.nodes[node].update(degree=degree, strength=strength[node])
    for node, value in betweenness(graph).items():
        graph.nodes[node]["betweenness"] = round(value, 6)
    for index, members in enumerate(communities(graph)):
        for node in members:
            graph.nodes[node]["community"] = index
    core = nx.core_number(graph) if graph.number_of_nodes() else {}
    for node, value in core.items():
        graph.nodes[node]["core"] = value


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Normalized betweenness on distances 1/weight (strong ties are short); sampled if large."""
    if graph.number_of_nodes() == 0:
        return {}
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    if graph.number_of_nodes() * graph.number_of_edges() <= EXACT_BETWEENNESS_BUDGET:
        return dict(nx.betweenness_centrality(graph, weight="distance"))
    # On large graphs BFS from fixed pivots; hop distance keeps each pivot O(E).
    return dict(nx.betweenness_centrality(graph, k=BETWEENNESS_PIVOTS, seed=SEED))


def communities(graph: nx.Graph) -> list[set[str]]:
    """Louvain communities, largest first (ties by their smallest member), seeded."""
    if graph.number_of_edges() == 0:
        return [{node} for node in sorted(graph.nodes)]
    found: Iterable[set[str]] = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    return sorted(found, key=lambda members: (-len(members), min(members)))


def core_members(graph: nx.Graph) -> set[str]:
    """Nodes of the main core (the highest k with a non-empty k-core)."""
    if graph.number_of_nodes() == 0:
        return set()
    return set(nx.k_core(graph).nodes)
