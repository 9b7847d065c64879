"""Engines that run the whole pipeline at scale; the single-machine path is `pipeline`.

`spark` runs it on Apache Spark and writes Parquet tables (resolution as Spark jobs in
`spark_resolve`, over the connected components of `components`); `load` puts such tables into
the SQLite store the CLI and the web read. Spark is an optional extra, imported only when
a run starts.
"""

from cosignatory.engines.load import load_output
from cosignatory.engines.spark import SparkError, SparkReport, run_spark_ingest, session

__all__ = ["SparkError", "SparkReport", "load_output", "run_spark_ingest", "session"]
