"""GraphML and GEXF exports of the co-signature network, for Gephi and networkx.

Owns turning a `Network` (or the bipartite signer–letter graph) into files whose
attributes every reader accepts: no None values, scalars only, an `id`-stable order.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx


def writable(graph: nx.Graph) -> nx.Graph:
    """A copy with None attributes dropped and non-scalar ones joined as text."""
    out = nx.Graph()
    for node, data in sorted(graph.nodes(data=True)):
        out.add_node(node, **_clean(data))
    for a, b, data in sorted(graph.edges(data=True)):
        out.add_edge(a, b, **_clean(data))
    return out


def write_graph(graph: nx.Graph, path: Path, fmt: str) -> None:
    """Write `graph` as "graphml" or "gexf" to `path`."""
    clean = writable(graph)
    if fmt == "graphml":
        nx.write_graphml(clean, path)
    elif fmt == "gexf":
        nx.write_gexf(clean, path)
    else:
        raise ValueError(f"unknown graph format {fmt!r}")


def _clean(data: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, list | tuple | set):
            value = "; ".join(str(v) for v in value)
        out[key] = value
    return out
