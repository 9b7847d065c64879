from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from cosignatory.cli import app


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_export_reads_back_in_networkx_with_weights_and_measures(
    fmt: str, read: object, corpus_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"net.{fmt}"
    result = CliRunner().invoke(
        app, ["export", "--format", fmt, "--out", str(out), "--db", str(corpus_db)]
    )
    assert result.exit_code == 0, result.output
    graph = read(out)  # type: ignore[operator]
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (93, 4146)
    labels = {data["label"]: node for node, data in graph.nodes(data=True)}
    ramil, fuad = labels["Ramil Iskandarli"], labels["Fuad Mammadov"]
    assert int(graph[ramil][fuad]["weight"]) == 2
    data = graph.nodes[ramil]
    assert (data["kind"], int(data["letters"]), int(data["degree"])) == ("person", 2, 92)
    assert {int(d["community"]) for _, d in graph.nodes(data=True)} == {0, 1}


def test_bipartite_export_has_signers_and_letters(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "bi.graphml"
    result = CliRunner().invoke(
        app,
        ["export", "--format", "graphml", "--bipartite", "--out", str(out), "--db", str(corpus_db)],
    )
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    kinds = [d["kind"] for _, d in graph.nodes(data=True)]
    assert (kinds.count("letter"), kinds.count("person"), kinds.count("organization")) == (
        5,
        47,
        46,
    )
    # December: 30 people and 30 organizations; February: 45 people, 44 organizations
    # (two of its signers are on the board of the same NGO Forum)
    assert graph.number_of_edges() == 60 + 89
