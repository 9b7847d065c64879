"""The co-signature network: who signs with whom, how central, in which community.

Owns two graphs built from signings: the bipartite graph of signers and letters, and
its projection where people and organizations are nodes and an edge's weight is the
number of letters both appear in (a person appears through their own signature, an
organization through its members' and its own). On the projection it computes degree,
weighted degree, betweenness, Louvain communities (networkx, seeded) and k-cores.
Small graphs get exact values. Large ones stay near-linear in edges: betweenness is
estimated from a fixed number of seeded pivots (Brandes' breadth-first accumulation,
vectorized with numpy), and communities are found on the backbone of each node's
strongest ties. `Network.approximate` says which was done. Deterministic: same store,
same numbers.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt

from cosignatory.analyze.data import Corpus

SEED = 7
# Exact betweenness costs O(nodes * edges); past this budget it is sampled from pivots.
EXACT_BETWEENNESS_BUDGET = 5_000_000
BETWEENNESS_PIVOTS = 32
# Past this many edges, Louvain runs on the backbone: each node's strongest ties.
EXACT_COMMUNITY_EDGES = 200_000
BACKBONE_TIES = 10
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
    approximate: bool = False  # betweenness sampled, communities on the backbone

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
        network.approximate = not exact_betweenness(graph)
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
    for node, value in core_numbers(graph).items():
        graph.nodes[node]["core"] = value


def exact_betweenness(graph: nx.Graph) -> bool:
    """Whether `betweenness` computes exact values (else a pivot sample) for this graph."""
    size: int = graph.number_of_nodes() * graph.number_of_edges()
    return size <= EXACT_BETWEENNESS_BUDGET


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Normalized betweenness on distances 1/weight (strong ties are short); sampled if large.

    A large graph gets networkx's pivot estimate (`betweenness_centrality(k=..., seed=...)`
    on hop distance, same pivots, same values) computed by `sampled_betweenness`.
    """
    if graph.number_of_nodes() == 0:
        return {}
    if exact_betweenness(graph):
        for _, _, data in graph.edges(data=True):
            data["distance"] = 1.0 / data["weight"]
        return dict(nx.betweenness_centrality(graph, weight="distance"))
    pivots = random.Random(SEED).sample(list(graph.nodes), BETWEENNESS_PIVOTS)
    return sampled_betweenness(graph, pivots)


def sampled_betweenness(graph: nx.Graph, pivots: Sequence[str]) -> dict[str, float]:
    """Brandes' betweenness from `pivots` only, on hop distance, normalized as networkx does.

    Each pivot costs one breadth-first search and one accumulation over the edges, a level
    at a time with numpy, so the whole is O(pivots * edges) in C rather than in Python.
    """
    nodes = list(graph.nodes)
    n = len(nodes)
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    index = {node: i for i, node in enumerate(nodes)}
    indptr, indices = _adjacency(graph, index)
    total = np.zeros(n)
    for pivot in pivots:
        total += _dependencies(indptr, indices, index[pivot])
    k, pairs = len(pivots), n - 2  # endpoints excluded: n - 1 targets, minus the node itself
    sampled = {index[p] for p in pivots}
    scale = [1 / ((k - 1) * pairs) if k > 1 else float("nan"), 1 / (k * pairs)]
    return {node: float(total[i]) * scale[0 if i in sampled else 1] for i, node in enumerate(nodes)}


Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


def _adjacency(graph: nx.Graph, index: dict[str, int]) -> tuple[Ints, Ints]:
    """The graph as compressed sparse rows over node positions: (row starts, neighbours)."""
    pairs = np.array([(index[a], index[b]) for a, b in graph.edges], dtype=np.int64)
    pairs = pairs.reshape(-1, 2)
    source = np.concatenate([pairs[:, 0], pairs[:, 1]])
    target = np.concatenate([pairs[:, 1], pairs[:, 0]])
    order = np.argsort(source, kind="stable")
    indptr = np.zeros(len(index) + 1, dtype=np.int64)
    np.cumsum(np.bincount(source, minlength=len(index)), out=indptr[1:])
    return indptr, target[order]


def _edges_from(indptr: Ints, indices: Ints, rows: Ints) -> tuple[Ints, Ints]:
    """Every edge leaving `rows`, as parallel arrays (tail, head)."""
    starts, counts = indptr[rows], indptr[rows + 1] - indptr[rows]
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(rows, counts), indices[np.repeat(starts, counts) + offsets]


def core_numbers(graph: nx.Graph) -> dict[str, int]:
    """Each node's core number (as `nx.core_number`), by peeling with numpy in O(edges).

    networkx removes neighbours from Python lists, which costs the square of the degree:
    minutes on a dense projection with thousands of ties per node.
    """
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    indptr, indices = _adjacency(graph, index)
    degree = np.diff(indptr)
    core = np.zeros(len(nodes), dtype=np.int64)
    alive = np.ones(len(nodes), dtype=bool)
    k = 0
    while alive.any():
        k = max(k, int(degree[alive].min()))
        peel = np.flatnonzero(alive & (degree <= k))
        while peel.size:  # removing nodes of degree <= k may bring neighbours down to k
            core[peel] = k
            alive[peel] = False
            _, heads = _edges_from(indptr, indices, peel)
            heads = heads[alive[heads]]
            np.subtract.at(degree, heads, 1)
            touched = np.unique(heads)
            peel = touched[degree[touched] <= k]
    return {node: int(core[i]) for i, node in enumerate(nodes)}


def _dependencies(indptr: Ints, indices: Ints, source: int) -> Floats:
    """Brandes' dependency of `source` on every node (0 for the source itself)."""
    n = len(indptr) - 1
    depth = np.full(n, -1, dtype=np.int64)
    depth[source] = 0
    paths = np.zeros(n)
    paths[source] = 1.0
    frontier = np.array([source], dtype=np.int64)
    levels: list[tuple[Ints, Ints]] = []
    level = 0
    while frontier.size:
        tail, head = _edges_from(indptr, indices, frontier)
        depth[head[depth[head] == -1]] = level + 1
        down = depth[head] == level + 1
        tail, head = tail[down], head[down]
        paths += np.bincount(head, weights=paths[tail], minlength=n)
        levels.append((tail, head))
        frontier = np.unique(head)
        level += 1
    dependency = np.zeros(n)
    for tail, head in reversed(levels):
        share = (1.0 + dependency[head]) / paths[head]
        dependency += np.bincount(tail, weights=paths[tail] * share, minlength=n)
    dependency[source] = 0.0
    return dependency


def communities(graph: nx.Graph) -> list[set[str]]:
    """Louvain communities, largest first (ties by their smallest member), seeded.

    Past EXACT_COMMUNITY_EDGES edges, on `backbone(graph)`: the cost then grows with nodes.
    """
    if graph.number_of_edges() == 0:
        return [{node} for node in sorted(graph.nodes)]
    if graph.number_of_edges() > EXACT_COMMUNITY_EDGES:
        graph = backbone(graph)
    found: Iterable[set[str]] = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    return sorted(found, key=lambda members: (-len(members), min(members)))


def backbone(graph: nx.Graph, ties: int = BACKBONE_TIES) -> nx.Graph:
    """Every node with the edges to its `ties` strongest neighbours (ties broken by id)."""
    kept = nx.Graph()
    kept.add_nodes_from(graph.nodes)
    for node in graph.nodes:
        strongest = sorted(graph[node].items(), key=lambda item: (-item[1]["weight"], item[0]))
        kept.add_weighted_edges_from((node, other, d["weight"]) for other, d in strongest[:ties])
    return kept


def core_members(graph: nx.Graph) -> set[str]:
    """Nodes of the main core (the highest k with a non-empty k-core)."""
    if graph.number_of_nodes() == 0:
        return set()
    core = core_numbers(graph)
    top = max(core.values())
    return {node for node, value in core.items() if value == top}
