"""The co-signature network: an interactive graph (cytoscape.js) and its JSON.

The server picks the nodes (the most connected ones, within a date range and a
community) and their measures; the browser lays them out and draws them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import networkx as nx
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from cosignatory.analyze.network import BACKBONE_TIES, BETWEENNESS_PIVOTS, SEED
from cosignatory.store.db import Store
from cosignatory.web import analyses
from cosignatory.web.deps import StoreDep, render

router = APIRouter()
Size = Literal["betweenness", "degree", "strength", "letters"]
LAYOUT_SCALE = 600.0
MAX_EDGES = 3000  # the strongest ties; a browser draws more only slowly


def network_data(
    store: Store,
    cache: analyses.AnalysisCache,
    date_from: str | None,
    date_to: str | None,
    community: int | None,
    limit: int,
) -> dict[str, Any]:
    """Nodes (top `limit` by letters and ties), the edges between them, and the communities."""
    key = ("network-view", date_from or "", date_to or "", community, limit)
    return cache.get(store, key, lambda: _view(store, cache, date_from, date_to, community, limit))


def _view(
    store: Store,
    cache: analyses.AnalysisCache,
    date_from: str | None,
    date_to: str | None,
    community: int | None,
    limit: int,
) -> dict[str, Any]:
    net = analyses.network(cache, store, date_from or None, date_to or None)
    graph = net.graph
    sizes: dict[int, int] = {}
    leaders: dict[int, str] = {}
    for node in net.top(None):
        c = node.get("community", -1)
        sizes[c] = sizes.get(c, 0) + 1
        leaders.setdefault(c, node["label"])
    candidates = [n for n in net.top(None) if community is None or n.get("community") == community]
    shown = candidates[:limit]
    ids = {n["id"] for n in shown}
    nodes = [
        {
            "id": n["id"],
            "label": n["label"],
            "kind": n["kind"],
            "letters": n["letters"],
            "degree": n.get("degree", 0),
            "strength": n.get("strength", 0),
            "betweenness": n.get("betweenness", 0.0),
            "community": n.get("community"),
            "core": n.get("core"),
        }
        for n in shown
    ]
    shown_graph = graph.subgraph(ids)
    # Laid out here, seeded, once per view: a browser without a GPU lays out slowly.
    where = nx.spring_layout(shown_graph, weight="weight", seed=SEED, iterations=60) if ids else {}
    for node in nodes:
        x, y = where[node["id"]]
        node["x"], node["y"] = round(float(x) * LAYOUT_SCALE, 1), round(float(y) * LAYOUT_SCALE, 1)
    strongest = sorted(shown_graph.edges(data="weight"), key=lambda e: (-e[2], e[0], e[1]))
    edges = [{"source": a, "target": b, "weight": w} for a, b, w in strongest[:MAX_EDGES]]
    return {
        "nodes": nodes,
        "edges": sorted(edges, key=lambda e: (e["source"], e["target"])),
        "total_nodes": len(candidates),
        "total_edges": shown_graph.number_of_edges(),
        "communities": [
            {"id": c, "size": sizes[c], "label": leaders[c]} for c in sorted(sizes) if c >= 0
        ],
        "skipped_letters": net.skipped_letters,
        "approximate": net.approximate,
        "pivots": BETWEENNESS_PIVOTS,
        "backbone_ties": BACKBONE_TIES,
    }


@router.get("/api/network", tags=["network"])
def api_network(
    request: Request,
    store: StoreDep,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    community: Annotated[int | None, Query(ge=0)] = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> dict[str, Any]:
    """The co-signature network: people and organizations, weighted by shared letters."""
    cache = request.app.state.analyses
    return network_data(store, cache, date_from, date_to, community, limit)


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(
    request: Request,
    store: StoreDep,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    community: Annotated[int | None, Query(ge=0)] = None,
    size: Size = "betweenness",
) -> HTMLResponse:
    cache = request.app.state.analyses
    data = network_data(store, cache, date_from, date_to, community, 300)
    params = {"from": date_from or "", "to": date_to or "", "community": community, "size": size}
    return render(request, "network.html", {"net": data, "params": params})
