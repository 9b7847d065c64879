"""Connected components of an edge list as Spark jobs (GraphFrames is not available offline).

The alternating algorithm of Kiveris, Lattanzi, Mirrokni, Rastogi and Vassilvitskii,
"Connected Components in MapReduce and Beyond" (SoCC 2014): every round applies a
large-star step (each node's larger neighbours link to its smallest neighbour) and then a
small-star step (a node and its smaller neighbours link to the smallest of them). Both keep
every node and every component; together they shrink each component to a star around its
smallest node in O(log² n) rounds (measured: 7 for a 200-node path and for 80,000 random
edges, 12 for a 10,000-node path, the last round changing nothing). Rounds order nodes by
a hash of their value, ties by value, so that no numbering of the ids (along a chain, say)
can be an unlucky order; each star is then named by its smallest node.

A round is one write through two shuffles, each grouping by node with a window (no join,
nothing computed twice; a hub's group spills to disk rather than filling memory). Its
edges are written as Parquet under `scratch` and read back, so the plan stays one round
long whatever the number of rounds. Parquet rather than `localCheckpoint`: a local
checkpoint lives on executors and dies with one, with no lineage left to recompute it. The
rounds stop at the first that changes no edge, the changed edges counted while the round
is written (`DataFrame.observe`): nothing but counts reaches the driver.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, Observation, SparkSession
    from pyspark.sql.types import DataType, StructType

log = logging.getLogger(__name__)


def connected_components(
    edges: DataFrame, *, src: str = "a", dst: str = "b", scratch: str
) -> DataFrame:
    """One row per node of `edges` (`node`, of the type of `src` and `dst`), with
    `component`, the smallest node of its component in the column type's ordering.

    An edge `(x, x)` declares a node `x` that may have no other edge; rows with a null end
    are ignored. `scratch` is a folder (local, or shared on a cluster) for the rounds'
    edges, overwritten; the returned frame reads it lazily, so keep it until that frame is
    used. Each round is logged at INFO on this module's logger."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    node_type = edges.schema[src].dataType
    ends = edges.select(_label(F.col(src)).alias("x"), _label(F.col(dst)).alias("y"))
    first = f"{scratch}/edges"
    ends.where(F.col("x.n").isNotNull() & F.col("y.n").isNotNull()).select(
        F.greatest("x", "y").alias("hi"), F.least("x", "y").alias("lo")
    ).write.mode("overwrite").parquet(first)
    declared = _read(edges.sparkSession, first, node_type)
    graph = declared.where(F.col("hi") != F.col("lo"))
    # An empty round would be pruned by adaptive execution, its counts with it.
    stars = graph if graph.isEmpty() else _contract(graph, scratch, node_type)
    # Every node of an edge ends in a star, as a leaf `hi → lo` or as its centre `lo`; a node
    # of self-loops only ends in none. A leaf's centre is smaller than the leaf itself.
    found = stars.union(stars.select(F.col("lo").alias("hi"), "lo")).union(
        declared.where(F.col("hi") == F.col("lo"))
    )
    centres = found.groupBy(F.col("hi").alias("node")).agg(F.min("lo").alias("centre"))
    smallest = F.min("node.n").over(Window.partitionBy("centre"))
    return centres.select(F.col("node.n").alias("node"), smallest.alias("component"))


def _label(node: Column) -> Column:
    """The order rounds use: a hash of the node, then the node (kept in `n`)."""
    from pyspark.sql import functions as F

    return F.struct(F.xxhash64(node).alias("h"), node.alias("n"))


def _contract(graph: DataFrame, scratch: str, node_type: DataType) -> DataFrame:
    """Rounds until no edge changes: edges `hi → lo` of stars around each component's
    smallest label."""
    from pyspark.sql import Observation

    spark = graph.sparkSession
    rounds = 0
    while True:
        rounds += 1
        large, small = Observation(), Observation()
        path = f"{scratch}/round-{rounds % 2}"
        _round(graph, large, small).write.mode("overwrite").parquet(path)
        graph = _read(spark, path, node_type)
        changed = large.get["changed"], small.get["changed"]
        log.info("round %d: large-star changed %d edges, small-star %d", rounds, *changed)
        if changed == (0, 0):
            return graph


def _round(graph: DataFrame, large: Observation, small: Observation) -> DataFrame:
    """A large-star then a small-star step on edges `hi → lo` (`hi > lo`), counting into
    `large` and `small` the edges each step replaced. A round writes up to twice the edges
    it keeps; the next drops the duplicates after its first shuffle."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    # Large-star: each node with its larger (`up`) and smaller (`down`) neighbours.
    sides = graph.select(
        F.explode(
            F.array(
                F.struct(F.col("lo").alias("node"), F.col("hi").alias("up"), _none("down")),
                F.struct(F.col("hi").alias("node"), _none("up"), F.col("lo").alias("down")),
            )
        ).alias("side")
    ).select("side.*")
    below = F.min("down").over(Window.partitionBy("node"))  # smallest smaller neighbour
    large_star = (
        sides.repartition("node")
        .dropDuplicates()
        .select("node", "up", below.alias("m"))
        .where(F.col("up").isNotNull())
        .observe(large, F.count("m").alias("changed"))
        .select(F.col("up").alias("hi"), F.coalesce("m", "node").alias("lo"))
    )
    # Small-star: each node with its smaller neighbours; they and it link to the smallest.
    smallest = F.min("lo").over(Window.partitionBy("hi"))
    linked = (
        large_star.repartition("hi")
        .dropDuplicates()
        .select("hi", "lo", smallest.alias("m"))
        .observe(small, F.count(F.when(F.col("lo") != F.col("m"), 1)).alias("changed"))
    )
    pairs = F.array(
        F.struct(F.col("hi"), F.col("m").alias("lo")),
        F.struct(F.col("lo").alias("hi"), F.col("m").alias("lo")),
    )
    return linked.select(F.explode(pairs).alias("edge")).select("edge.*").where("hi != lo")


def _none(name: str) -> Column:
    from pyspark.sql import functions as F

    return F.lit(None).alias(name)


def _read(spark: SparkSession, path: str, node_type: DataType) -> DataFrame:
    """A round's edges, read with their schema given (inferring it would cost a job)."""
    return spark.read.schema(_schema(node_type)).parquet(path)


def _schema(node_type: DataType) -> StructType:
    from pyspark.sql.types import LongType, StructField, StructType

    label = StructType([StructField("h", LongType()), StructField("n", node_type)])
    return StructType([StructField("hi", label), StructField("lo", label)])
