"""Connected components on Spark are exactly networkx's, each named by its smallest node,
in few rounds whatever the shape and the order of the edges.

The string graphs below go through one Spark run as one disjoint union (components do not
interact, and a run costs seconds of fixed Spark work); each test checks its own part."""

from __future__ import annotations

import logging
import random
from collections import Counter
from itertools import pairwise
from logging.handlers import BufferingHandler
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.spark
nx = pytest.importorskip("networkx")
pyarrow = pytest.importorskip("pyarrow")
pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("pyspark")

from cosignatory.engines.components import connected_components  # noqa: E402

Edge = tuple[Any, Any]


def random_sparse() -> list[Edge]:
    """2,000 nodes, 1,300 random edges, self-loops for nodes without one and for some with."""
    rng = random.Random(6)
    nodes = [f"r{i:04d}" for i in range(2000)]
    edges = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(1300)]
    linked = {n for e in edges for n in e}
    return edges + [(n, n) for n in nodes if n not in linked or n.endswith("7")]


def long_path() -> list[Edge]:
    """p000 - p001 - … - p199, each edge in either direction, in random order."""
    rng = random.Random(7)
    path = [f"p{i:03d}" for i in range(200)]
    return [(x, y) if rng.random() < 0.5 else (y, x) for x, y in pairwise(path)]


def star() -> list[Edge]:
    """A centre in the middle of the order, linked to 299 leaves."""
    return [("s150", f"s{i:03d}") for i in range(300) if i != 150]


LONE = [("k", "k"), ("c", "c"), ("c", "c"), ("b", "a"), ("a", "b"), ("b", "b"), ("z", None)]
GRAPHS = {"random": random_sparse(), "path": long_path(), "star": star(), "lone": LONE}


def run(spark: Any, edges: list[Edge], folder: Path, schema: str, **names: str) -> dict[Any, Any]:
    """The components Spark finds, the edges read from a Parquet file as a run reads them."""
    columns = [c.split()[0] for c in schema.split(", ")]
    table = {c: [e[i] for e in edges] for i, c in enumerate(columns)}
    pyarrow_parquet.write_table(pyarrow.table(table), folder / "edges.parquet")
    frame = spark.read.schema(schema).parquet(str(folder / "edges.parquet"))
    found = connected_components(frame, scratch=str(folder / "scratch"), **names)
    rows = found.collect()
    assert found.columns == ["node", "component"]
    assert len(rows) == len({r.node for r in rows})
    return {r.node: r.component for r in rows}


@pytest.fixture(scope="module")
def union(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], int]:
    """Components of every graph of GRAPHS at once, and the rounds that took."""
    edges = [e for graph in GRAPHS.values() for e in graph]
    random.Random(8).shuffle(edges)
    log = logging.getLogger("cosignatory.engines.components")
    rounds = BufferingHandler(1000)
    log.addHandler(rounds)
    log.setLevel(logging.INFO)
    try:
        found = run(spark, edges, tmp_path_factory.mktemp("union"), "a string, b string")
    finally:
        log.removeHandler(rounds)
        log.setLevel(logging.NOTSET)
    return found, len(rounds.buffer)


def expected(edges: list[Edge]) -> dict[Any, Any]:
    """networkx's components, each named by its smallest node."""
    graph = nx.Graph()
    graph.add_edges_from(e for e in edges if None not in e)
    return {node: min(part) for part in nx.connected_components(graph) for node in part}


def part(found: dict[str, str], prefix: str) -> dict[str, str]:
    return {node: c for node, c in found.items() if node.startswith(prefix)}


def test_random_sparse_graph_matches_networkx(union: tuple[dict[str, str], int]) -> None:
    want = expected(GRAPHS["random"])
    assert len(want) == 2000
    assert sorted(Counter(want.values()).values())[-2:] == [32, 805]
    assert len(set(want.values())) == 716
    assert part(union[0], "r") == want


def test_long_path_in_shuffled_order_is_one_component(union: tuple[dict[str, str], int]) -> None:
    assert part(union[0], "p") == {f"p{i:03d}": "p000" for i in range(200)}


def test_star_is_named_by_its_smallest_leaf(union: tuple[dict[str, str], int]) -> None:
    assert part(union[0], "s") == {f"s{i:03d}": "s000" for i in range(300)}


def test_self_loops_declare_lone_nodes_and_null_ends_are_ignored(
    union: tuple[dict[str, str], int],
) -> None:
    lone = {n: c for n, c in union[0].items() if len(n) == 1}
    assert lone == {"a": "a", "b": "a", "c": "c", "k": "k"}


def test_all_of_it_takes_few_rounds(union: tuple[dict[str, str], int]) -> None:
    assert len(union[0]) == 2000 + 200 + 300 + 4
    assert union[1] == 7  # the last changes nothing; min-label propagation would need 199


def test_numbers_stay_numbers_in_their_order(spark: Any, tmp_path: Path) -> None:
    edges = [(1000, 999), (10000, 1000), (20, 20)]  # as strings, "1000" < "10000" < "20" < "999"
    found = run(spark, edges, tmp_path, "x long, y long", src="x", dst="y")
    assert found == {999: 999, 1000: 999, 10000: 999, 20: 20}


def test_no_edges_give_no_nodes(spark: Any, tmp_path: Path) -> None:
    assert run(spark, [], tmp_path, "a string, b string") == {}
