from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest
from analysis_support import letter, store_with

from cosignatory.analyze import bipartite_graph, build_network, load_corpus
from cosignatory.analyze import network as network_module
from cosignatory.analyze.network import (
    SEED,
    backbone,
    core_members,
    core_numbers,
    sampled_betweenness,
)
from cosignatory.store import Store


def _by_label(graph: nx.Graph) -> dict[str, dict[str, object]]:
    return {data["label"]: data for _, data in graph.nodes(data=True)}


def test_corpus_network_links_people_and_organizations_by_shared_letters(
    corpus_store: Store,
) -> None:
    network = build_network(load_corpus(corpus_store, with_texts=False))
    graph = network.graph
    nodes = _by_label(graph)
    people = [d for d in nodes.values() if d["kind"] == "person"]
    assert (graph.number_of_nodes(), len(people), graph.number_of_edges()) == (93, 47, 4146)
    assert nodes["Ramil Iskandarli"]["letters"] == 2
    assert nodes["Vladimir Timoshenko"]["letters"] == 1
    assert nodes["Azerbaijan National NGO Forum"]["letters"] == 2
    ramil = next(n for n, d in graph.nodes(data=True) if d["label"] == "Ramil Iskandarli")
    fuad = next(n for n, d in graph.nodes(data=True) if d["label"] == "Fuad Mammadov")
    oghuz = next(n for n, d in graph.nodes(data=True) if d["label"] == "Oghuz Mammadov")
    assert graph[ramil][fuad]["weight"] == 2
    assert graph[ramil][oghuz]["weight"] == 1


def test_corpus_communities_split_february_newcomers_from_the_december_signers(
    corpus_store: Store,
) -> None:
    graph = build_network(load_corpus(corpus_store, with_texts=False)).graph
    nodes = _by_label(graph)
    sizes = sorted(
        (sum(1 for d in nodes.values() if d["community"] == c) for c in (0, 1)), reverse=True
    )
    assert sizes == [60, 33]
    assert nodes["Ramil Iskandarli"]["community"] == nodes["Vladimir Timoshenko"]["community"]
    assert nodes["Oghuz Mammadov"]["community"] != nodes["Ramil Iskandarli"]["community"]
    assert (nodes["Oghuz Mammadov"]["core"], nodes["Vladimir Timoshenko"]["core"]) == (88, 59)


def test_network_measures_are_deterministic(corpus_store: Store) -> None:
    first = build_network(load_corpus(corpus_store, with_texts=False)).top(None)
    second = build_network(load_corpus(corpus_store, with_texts=False)).top(None)
    assert first == second


def test_bridge_signer_has_the_highest_betweenness_and_the_clique_is_the_core(
    tmp_path: Path,
) -> None:
    a = "Signed: Ann Lee, Bob Ray, Cy Dunn, Di Fox"
    b = "Signed: Di Fox, Ed Moss"
    c = "Signed: Ed Moss, Flo Kim"
    signers_a = [(n, None) for n in ("Ann Lee", "Bob Ray", "Cy Dunn", "Di Fox")]
    with store_with(
        tmp_path / "t.db",
        [
            (a, [letter(a, signers_a)]),
            (b, [letter(b, [("Di Fox", None), ("Ed Moss", None)])]),
            (c, [letter(c, [("Ed Moss", None), ("Flo Kim", None)])]),
        ],
    ) as store:
        corpus = load_corpus(store, with_texts=False)
    network = build_network(corpus)
    top = network.top(None)
    ranked = sorted(top, key=lambda r: -r["betweenness"])
    assert [r["label"] for r in ranked[:2]] == ["Di Fox", "Ed Moss"]
    assert {network.graph.nodes[n]["label"] for n in core_members(network.graph)} == {
        "Ann Lee",
        "Bob Ray",
        "Cy Dunn",
        "Di Fox",
    }
    bipartite = bipartite_graph(corpus)
    assert bipartite.number_of_nodes() == 6 + 3
    assert bipartite.number_of_edges() == 4 + 2 + 2


def test_letters_larger_than_the_limit_are_left_out_of_the_projection(tmp_path: Path) -> None:
    text = "Signed: Ann Lee, Bob Ray, Cy Dunn"
    with store_with(
        tmp_path / "t.db",
        [(text, [letter(text, [("Ann Lee", None), ("Bob Ray", None), ("Cy Dunn", None)])])],
    ) as store:
        corpus = load_corpus(store, with_texts=False)
    network = build_network(corpus, max_letter_size=2)
    assert network.graph.number_of_edges() == 0
    assert network.skipped_letters == [corpus.letters[0].id]
    letters = {corpus.label(k): v for k, v in network.letters.items()}
    assert letters == {"Ann Lee": 1, "Bob Ray": 1, "Cy Dunn": 1}


def test_sampled_betweenness_counts_paths_from_the_pivots_only() -> None:
    path = nx.path_graph(["a", "b", "c", "d"])
    # From a: b lies on 2 paths, c on 1; from d the reverse. Non-pivots scale by 1/(2*2).
    assert sampled_betweenness(path, ["a", "d"]) == {"a": 0.0, "b": 0.75, "c": 0.75, "d": 0.0}


def test_sampled_betweenness_equals_the_networkx_pivot_estimate() -> None:
    graph = nx.les_miserables_graph()
    graph.add_edge("Tail", "Valjean")
    graph.add_node("Alone")
    pivots = random.Random(SEED).sample(list(graph.nodes), 12)
    expected = nx.betweenness_centrality(graph, k=12, seed=SEED)
    got = sampled_betweenness(graph, pivots)
    assert got.keys() == expected.keys()
    assert max(abs(got[node] - expected[node]) for node in graph) < 1e-12


def test_backbone_keeps_each_nodes_strongest_ties() -> None:
    graph = nx.Graph()
    graph.add_weighted_edges_from([("a", "b", 3), ("a", "c", 1), ("b", "c", 2), ("c", "d", 1)])
    kept = backbone(graph, ties=1)
    assert sorted(kept.edges(data="weight")) == [("a", "b", 3), ("b", "c", 2), ("c", "d", 1)]


def test_large_networks_are_measured_approximately_and_say_so(
    corpus_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load_corpus(corpus_store, with_texts=False)
    assert not build_network(corpus).approximate
    monkeypatch.setattr(network_module, "EXACT_BETWEENNESS_BUDGET", 0)
    monkeypatch.setattr(network_module, "EXACT_COMMUNITY_EDGES", 0)
    sampled = build_network(corpus)
    assert sampled.approximate
    graph = sampled.graph
    expected = nx.betweenness_centrality(graph, k=network_module.BETWEENNESS_PIVOTS, seed=SEED)
    assert max(abs(graph.nodes[n]["betweenness"] - round(expected[n], 6)) for n in graph) < 1e-9


def test_core_numbers_peel_as_networkx_does() -> None:
    graph = nx.powerlaw_cluster_graph(600, 4, 0.3, seed=SEED)
    graph.add_edges_from(nx.complete_graph(range(1000, 1012)).edges)  # an 11-core
    graph.add_node("alone")
    cores = core_numbers(graph)
    assert cores == nx.core_number(graph)
    assert (cores[1000], cores["alone"], max(cores.values())) == (11, 0, 11)
