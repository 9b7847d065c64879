from __future__ import annotations

from pathlib import Path

import networkx as nx
from analysis_support import letter, store_with

from cosignatory.analyze import bipartite_graph, build_network, load_corpus
from cosignatory.analyze.network import core_members
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
