"""Entity resolution as Spark jobs: the resolver's own steps, its joins done by Spark.

The steps are those of `cosignatory.resolve.resolve`, each where its data lives:

1. Organizations. Each mention's organization name → its unit key (`org_unit_key`);
   mentions of one key are one unit. Token frequencies over units (the one corpus-wide
   statistic) are a count, as are the person names too common to count as shared
   members; each unit's block keys come from its tokens and their counts;
   each block's pairs are made block by block (`block_pairs`); each pair is scored
   (`org_link`); the linked pairs' connected components are clustered one by one
   (`organization_component`).
2. People, pass 1. Each mention's name and organization entity → its unit key; units,
   block keys, block pairs as above; each pair is scored (`compare`). *Anchored* pairs
   never leave one organization, so each organization's units are clustered along them
   (`people_labels`): each unit's cluster label is what co-signers are counted by.
3. People, pass 2. Two more statistics are joins: the labels that signed each letter,
   and the organizations bearing each name key. The components of *all* pairs are
   resolved one by one (`person_component`), each given the statistics it touches.

A component holds every unit any of its pairs touch and the passes only join units
along pairs, so each is clustered exactly as the single-machine resolver clusters it
within the whole corpus: the entities, ids and evidence are the same.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from cosignatory.engines.components import connected_components

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame

Row = dict[str, Any]
RowFn = Callable[[Row], Iterable[Row]]

_CHUNK = 4096

ORG_MENTION = "id string, letter_id string, printed string, key string, person_key string"
_MENTION = "array<struct<id: string, printed: string, letter_id: string, year: int>>"
ORG_UNIT = (
    f"key string, first string, mentions {_MENTION}, people array<string>,"
    " tokens array<string>, countries array<string>"
)
BLOCK = "block string, key string, first string, satellite boolean"
PAIR = "a string, b string"
LINK = "a string, b string, overlap double"
PERSON_MENTION = "id string, letter_id string, printed string, year int, key string"
PERSON_UNIT = (
    f"key string, first string, mentions {_MENTION}, org string, name_key string,"
    " letters array<string>, blocks array<string>"
)
FEATURES = "array<struct<name: string, weight: double, detail: string>>"
SCORED = f"a string, b string, anchored boolean, score double, features {FEATURES}"
LABEL = "key string, label string"


def _rows(
    batches: Iterator[pa.RecordBatch], fn: RowFn, schema: pa.Schema
) -> Iterator[pa.RecordBatch]:
    """Executor side: `fn` over every row of every batch, yielding Arrow batches."""
    import pyarrow as pa

    out: list[Row] = []
    for batch in batches:
        for row in batch.to_pylist():
            out.extend(fn(row))
            if len(out) >= _CHUNK:
                yield pa.RecordBatch.from_pylist(out, schema)
                out = []
    if out:
        yield pa.RecordBatch.from_pylist(out, schema)


def _map(frame: DataFrame, fn: RowFn, ddl: str) -> DataFrame:
    from cosignatory.engines.spark import arrow_schema

    return frame.mapInArrow(partial(_rows, fn=fn, schema=arrow_schema(ddl)), ddl)


# Row functions (executor side) -----------------------------------------------------------


def _org_mention(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.names import parse_person
    from cosignatory.resolve.org_pass import org_unit_key

    printed = (row["organization"] or "").strip()
    key = org_unit_key(printed) if printed else None
    if key is None:
        return ()
    person = parse_person(row["name"]) if row["name"] else None
    return (
        {
            "id": row["id"],
            "letter_id": row["letter_id"],
            "printed": printed,
            "key": key,
            "person_key": person.key if person else None,
        },
    )


def _org_unit(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.orgs import parse_org

    name = parse_org(row["mentions"][0]["printed"])
    assert name is not None
    return ({**row, "tokens": list(name.tokens), "countries": sorted(name.countries)},)


def _org_blocks(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.org_pass import org_block_keys
    from cosignatory.resolve.orgs import OrgName

    name = OrgName(tuple(row["tokens"]), frozenset(row["countries"]))
    df = {x["t"]: x["n"] for x in row["df"]}
    return (
        {"block": b, "key": row["key"], "first": row["first"], "satellite": False}
        for b in org_block_keys(name, df)
    )


def _block_pairs(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.blocking import block_pairs

    members = sorted(row["members"], key=lambda m: m["first"])
    keys = [m["key"] for m in members]
    satellite = [m["satellite"] for m in members]
    pairs = block_pairs(list(range(len(keys))), keys.__getitem__, satellite)
    # An oversize block's window pairs by key order: put the earlier unit first again.
    return ({"a": keys[min(i, j)], "b": keys[max(i, j)]} for i, j in pairs)


def _org_link(row: Row, common: frozenset[str]) -> Iterable[Row]:
    from cosignatory.resolve.org_pass import org_link
    from cosignatory.resolve.orgs import OrgName

    a = OrgName(tuple(row["a_tokens"]), frozenset(row["a_countries"]))
    b = OrgName(tuple(row["b_tokens"]), frozenset(row["b_countries"]))
    overlap = org_link(a, b, set(row["a_people"]), set(row["b_people"]), common)
    return () if overlap is None else ({"a": row["a"], "b": row["b"], "overlap": overlap},)


def _resolution_rows(kind: str, res: Any) -> Iterator[Row]:
    """The rows of the RESOLUTION table for one component's resolution."""
    for mention, entity in res.entity_of.items():
        yield {"row": "assignment", "kind": kind, "mention_id": mention, "entity_id": entity}
    for e in res.entities:
        yield {
            "row": "entity",
            "kind": e.kind,
            "entity_id": e.id,
            "caption": e.caption,
            "names": list(e.names),
            "mentions": len(e.mentions),
        }
    for v in res.evidence:
        yield {
            "row": "evidence",
            "kind": v.kind,
            "entity_id": v.entity_id,
            "left_mention": v.left,
            "right_mention": v.right,
            "left_name": v.left_name,
            "right_name": v.right_name,
            "score": v.score,
            "features": json.dumps(
                [[f.name, f.weight, f.detail] for f in v.features], ensure_ascii=False
            ),
        }


def _org_component(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.components import organization_component

    res = organization_component(row["units"], row["links"] or ())
    return _resolution_rows("organization", res)


def _person_mention(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.people_pass import person_mention

    m = person_mention(row["id"], row["name"], row["organization_id"], row["date"])
    if m is None:
        return ()
    return (
        {
            "id": row["id"],
            "letter_id": row["letter_id"],
            "printed": m.printed,
            "year": m.year,
            "key": m.key,
        },
    )


def _person_unit(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.people_pass import person_block_keys, profile
    from cosignatory.resolve.units import Unit

    unit = Unit(row["key"], printed=Counter(m["printed"] for m in row["mentions"]))
    p = profile(unit, [m["year"] for m in row["mentions"] if m["year"]])
    return (
        {
            **row,
            "org": p.org,
            "name_key": p.name.key,
            "letters": sorted({m["letter_id"] for m in row["mentions"]}),
            "blocks": person_block_keys(p),
        },
    )


def _compare(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.names import parse_person
    from cosignatory.resolve.people_pass import Profile, compare
    from cosignatory.resolve.scoring import DEFAULT_WEIGHTS

    profiles = []
    for side in ("a", "b"):
        name = parse_person(row[f"{side}_printed"])
        assert name is not None
        years = [y for y in row[f"{side}_years"] if y]
        span = (min(years), max(years)) if years else None
        profiles.append(Profile(name, row[f"{side}_org"], span))
    scored = compare(
        profiles[0], profiles[1], set(row["a_letters"]), set(row["b_letters"]), DEFAULT_WEIGHTS
    )
    if scored is None:
        return ()
    anchored, score, feats = scored
    return (
        {
            "a": row["a"],
            "b": row["b"],
            "anchored": anchored,
            "score": score,
            "features": [{"name": f.name, "weight": f.weight, "detail": f.detail} for f in feats],
        },
    )


def _labels(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.components import people_labels

    labels = people_labels(row["units"], row["pairs"] or ())
    return ({"key": k, "label": v} for k, v in labels.items())


def _person_component(row: Row) -> Iterable[Row]:
    from cosignatory.resolve.components import person_component

    signers = {x["letter"]: set(x["labels"]) for x in row["signers"] or ()}
    orgs = {x["name_key"]: set(x["orgs"]) for x in row["orgs"] or ()}
    res = person_component(row["units"], row["pairs"] or (), signers, orgs)
    return _resolution_rows("person", res)


# Driver side: the jobs --------------------------------------------------------------------


def _stage(frame: DataFrame, path: str) -> DataFrame:
    """Write a step's output and read it back: each step starts from Parquet, not lineage."""
    frame.write.mode("overwrite").parquet(path)
    return frame.sparkSession.read.parquet(path)


def _pairs(blocks: DataFrame) -> DataFrame:
    """Distinct candidate pairs (a before b, by first mention) from block rows."""
    from pyspark.sql import functions as F

    grouped = (
        blocks.groupBy("block")
        .agg(F.collect_list(F.struct("first", "key", "satellite")).alias("members"))
        .where(F.size("members") > 1)
    )
    return _map(grouped, _block_pairs, PAIR).distinct()


def _side(units: DataFrame, side: str, columns: list[str]) -> DataFrame:
    from pyspark.sql import functions as F

    return units.select(F.col("key").alias(side), *(F.col(c).alias(f"{side}_{c}") for c in columns))


def _components(nodes: DataFrame, edges: DataFrame, scratch: str) -> DataFrame:
    """node → component over `edges` (a, b), every node present (as a self-loop)."""
    from pyspark.sql import functions as F

    loops = nodes.select(F.col("key").alias("a"), F.col("key").alias("b"))
    return connected_components(edges.select("a", "b").unionByName(loops), scratch=scratch)


def _gather(units: DataFrame, comp: DataFrame, name: str, columns: list[str]) -> DataFrame:
    """Per component, the `columns` of its `units` rows as one list `name`."""
    from pyspark.sql import functions as F

    return (
        units.join(comp.withColumnRenamed("node", "key"), "key")
        .groupBy("component")
        .agg(F.collect_list(F.struct(*columns)).alias(name))
    )


def _gather_pairs(pairs: DataFrame, comp: DataFrame, columns: list[str]) -> DataFrame:
    from pyspark.sql import functions as F

    return (
        pairs.join(comp.withColumnRenamed("node", "a"), "a")
        .groupBy("component")
        .agg(F.collect_list(F.struct(*columns)).alias("pairs"))
    )


def _common(org_units: DataFrame) -> frozenset[str]:
    """`orgs.common_names` over every organization unit: the few person name keys printed
    under more than a small share of all organization names (a short list, so the driver
    hands it to every task)."""
    from pyspark.sql import functions as F

    from cosignatory.resolve.orgs import COMMON_NAME_ORGS, COMMON_NAME_SHARE

    limit = max(COMMON_NAME_ORGS, COMMON_NAME_SHARE * org_units.count())
    spread = org_units.select(F.explode("people").alias("k")).groupBy("k").count()
    return frozenset(r["k"] for r in spread.where(F.col("count") > limit).collect())


def resolve_mentions(mentions: DataFrame, staging: str) -> DataFrame:
    """Resolve `mentions` (id, letter_id, date, name, organization) into the rows of
    `tables.RESOLUTION`, staging each step's output under `staging`."""
    from pyspark.sql import functions as F

    from cosignatory.engines.tables import RESOLUTION

    def path(step: str) -> str:
        return f"{staging}/{step}"

    # 1. Organizations.
    om = _map(mentions.select("id", "letter_id", "name", "organization"), _org_mention, ORG_MENTION)
    grouped = om.groupBy("key").agg(
        F.min("id").alias("first"),
        F.sort_array(
            F.collect_list(
                F.struct("id", "printed", "letter_id", F.lit(None).cast("int").alias("year"))
            )
        ).alias("mentions"),
        F.array_sort(F.collect_set("person_key")).alias("people"),
    )
    org_units = _stage(_map(grouped, _org_unit, ORG_UNIT), path("org_units"))
    tokens = org_units.select("key", "first", F.explode(F.array_distinct("tokens")).alias("t"))
    df = tokens.groupBy("t").agg(F.count("*").alias("n"))
    with_df = (
        tokens.join(df, "t")
        .groupBy("key")
        .agg(F.collect_list(F.struct("t", "n")).alias("df"))
        .join(org_units.select("key", "first", "tokens", "countries"), "key")
    )
    org_pairs = _stage(_pairs(_map(with_df, _org_blocks, BLOCK)), path("org_pairs"))
    sides = ["tokens", "countries", "people"]
    scored = org_pairs.join(_side(org_units, "a", sides), "a").join(
        _side(org_units, "b", sides), "b"
    )
    links = _stage(
        _map(scored, partial(_org_link, common=_common(org_units)), LINK), path("org_links")
    )
    comp = _stage(_components(org_units, links, path("_cc_orgs")), path("org_components"))
    per_component = _gather(org_units, comp, "units", ["key", "mentions"]).join(
        _gather_pairs(links, comp, ["a", "b", "overlap"]).withColumnRenamed("pairs", "links"),
        "component",
        "left",
    )
    orgs = _stage(_map(per_component, _org_component, RESOLUTION), path("org_resolution"))

    # 2. People, pass 1.
    org_of = orgs.where("row = 'assignment'").select(
        F.col("mention_id").alias("id"), F.col("entity_id").alias("organization_id")
    )
    pm = _map(
        mentions.select("id", "letter_id", "date", "name").join(org_of, "id", "left"),
        _person_mention,
        PERSON_MENTION,
    )
    grouped = pm.groupBy("key").agg(
        F.min("id").alias("first"),
        F.sort_array(F.collect_list(F.struct("id", "printed", "letter_id", "year"))).alias(
            "mentions"
        ),
    )
    units = _stage(_map(grouped, _person_unit, PERSON_UNIT), path("person_units"))
    blocks = units.select(
        F.explode("blocks").alias("block"), "key", "first", (F.col("org") == "").alias("satellite")
    )
    person_pairs = _stage(_pairs(blocks), path("person_pairs"))
    profile = units.select(
        "key",
        F.col("mentions")[0]["printed"].alias("printed"),
        "org",
        F.col("mentions.year").alias("years"),
        "letters",
    )
    sides = ["printed", "org", "years", "letters"]
    compared = person_pairs.join(_side(profile, "a", sides), "a").join(
        _side(profile, "b", sides), "b"
    )
    candidates = _stage(_map(compared, _compare, SCORED), path("person_candidates"))
    # Anchored pairs never leave one organization: pass 1 runs per organization entity.
    with_org = units.where("org != ''")
    pair_columns = ["a", "b", "anchored", "score", "features"]
    anchored = (
        candidates.where("anchored")
        .join(with_org.select(F.col("key").alias("a"), "org"), "a")
        .groupBy("org")
        .agg(F.collect_list(F.struct(*pair_columns)).alias("pairs"))
    )
    pass1 = (
        with_org.groupBy("org")
        .agg(F.collect_list(F.struct("key", "mentions")).alias("units"))
        .join(anchored, "org", "left")
    )
    labels = _stage(_map(pass1, _labels, LABEL), path("pass1_labels"))

    # 3. People, pass 2: the statistics, then every component of all pairs.
    signers = (
        with_org.select("key", F.explode("letters").alias("letter"))
        .join(labels, "key")
        .groupBy("letter")
        .agg(F.array_sort(F.collect_set("label")).alias("labels"))
    )
    orgs_of_key = with_org.groupBy("name_key").agg(F.array_sort(F.collect_set("org")).alias("orgs"))
    comp2 = _stage(_components(units, candidates, path("_cc_pass2")), path("pass2_components"))
    placed = units.join(comp2.withColumnRenamed("node", "key"), "key")
    letters_of = (
        placed.select("component", F.explode("letters").alias("letter"))
        .distinct()
        .join(signers, "letter")
        .groupBy("component")
        .agg(F.collect_list(F.struct("letter", "labels")).alias("signers"))
    )
    keys_of = (
        placed.select("component", "name_key")
        .distinct()
        .join(orgs_of_key, "name_key")
        .groupBy("component")
        .agg(F.collect_list(F.struct("name_key", "orgs")).alias("orgs"))
    )
    pass2 = (
        _gather(units, comp2, "units", ["key", "mentions"])
        .join(_gather_pairs(candidates, comp2, pair_columns), "component", "left")
        .join(letters_of, "component", "left")
        .join(keys_of, "component", "left")
    )
    people = _map(pass2, _person_component, RESOLUTION)
    return people.unionByName(orgs)
