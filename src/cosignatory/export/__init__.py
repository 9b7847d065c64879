"""Exports for the tools analysts use: FtM JSON lines, GraphML/GEXF, CSV, Parquet, JSON."""

from cosignatory.export.ftm import entities, write_ftm
from cosignatory.export.graph import write_graph
from cosignatory.export.json_doc import write_json
from cosignatory.export.records import all_tables, memberships
from cosignatory.export.tables import write_csv, write_parquet

__all__ = [
    "all_tables",
    "entities",
    "memberships",
    "write_csv",
    "write_ftm",
    "write_graph",
    "write_json",
    "write_parquet",
]
