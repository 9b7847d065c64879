"""Commands over the analyses and exports: network, coalition, reuse, claims, timeline,
export, report. Each loads the store once, calls one library function and renders rows."""

from __future__ import annotations

import math
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from cosignatory.analyze import (
    Candidates,
    Settings,
    bipartite_graph,
    build_network,
    coalitions,
    conflicts,
    corpus_claims,
    corpus_reuse,
    load_corpus,
    timeline,
)
from cosignatory.analyze.data import Corpus
from cosignatory.cli import app
from cosignatory.cli.options import (
    DEFAULT_DB_PATH,
    CandidatesOption,
    DbOption,
    Format,
    FormatOption,
)
from cosignatory.cli.output import render
from cosignatory.export import (
    all_tables,
    write_csv,
    write_ftm,
    write_graph,
    write_json,
    write_parquet,
)
from cosignatory.report import build_report
from cosignatory.store import Store

err = Console(stderr=True)
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="Rows to show (0: all).")]


class ExportFormat(StrEnum):
    ftm = "ftm"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"
    parquet = "parquet"
    json = "json"


def _corpus(db: Path, *, with_texts: bool = True) -> Corpus:
    with Store.open(db, create=False) as store:
        return load_corpus(store, with_texts=with_texts)


def _cols(fmt: Format, columns: list[str]) -> list[str] | None:
    return columns if fmt in (Format.table, Format.csv) else None


def _limit(rows: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    return rows[:limit] if limit > 0 else rows


@app.command()
def network(
    db: DbOption = DEFAULT_DB_PATH, fmt: FormatOption = Format.table, limit: LimitOption = 20
) -> None:
    """The co-signature network's top figures: letters, degree, betweenness, community, core."""
    rows = build_network(_corpus(db, with_texts=False)).top(limit or None)
    columns = ["label", "kind", "letters", "degree", "strength", "betweenness", "community", "core"]
    render(rows, fmt, _cols(fmt, columns), title="Co-signature network")


@app.command()
def coalition(
    sender: Annotated[str | None, typer.Option("--sender", help="Sender name (or part).")] = None,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = Format.table,
) -> None:
    """Letters of a sender in date order: who joined, who left, retention, the core members."""
    corpus = _corpus(db, with_texts=False)
    rows = []
    for c in coalitions(corpus, sender):
        core = "; ".join(corpus.label(m) for m in c.core())
        for s in c.steps:
            rows.append(
                {
                    "sender": c.sender,
                    "date": s.letter.when,
                    "letter_id": s.letter.id,
                    "signers": len(s.members),
                    "retention": s.retention,
                    "joined": [corpus.label(m) for m in s.joined],
                    "left": [corpus.label(m) for m in s.left],
                    "core": core,
                }
            )
    columns = ["sender", "date", "letter_id", "signers", "retention", "joined", "left"]
    render(rows, fmt, _cols(fmt, columns), title="Coalitions")


@app.command()
def reuse(
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = Format.table,
    limit: LimitOption = 0,
    candidates: CandidatesOption = Candidates.winnow,
) -> None:
    """Passages shared between letters (near-verbatim or lightly edited), most words first."""
    corpus = _corpus(db)
    rows = []
    for r in corpus_reuse(corpus, Settings(candidates=candidates)):
        rows.append(
            {
                "matched": r.matched,
                "similarity": r.similarity,
                "letter_a": r.a.key,
                "start_a": r.a.start,
                "end_a": r.a.end,
                "text_a": _text(corpus, r.a.key, r.a.start, r.a.end),
                "letter_b": r.b.key,
                "start_b": r.b.start,
                "end_b": r.b.end,
                "text_b": _text(corpus, r.b.key, r.b.start, r.b.end),
            }
        )
    columns = ["matched", "similarity", "letter_a", "text_a", "letter_b", "text_b"]
    render(_limit(rows, limit), fmt, _cols(fmt, columns), title="Reused passages")


@app.command()
def claims(
    show_conflicts: Annotated[
        bool, typer.Option("--conflicts", help="Only quantities given different figures.")
    ] = False,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = Format.table,
) -> None:
    """Figures and what they count, named instruments, dated events; or their conflicts."""
    found = corpus_claims(_corpus(db))
    if show_conflicts:
        rows = [
            {"quantity": f"{c.topic}: {c.counts}", **_claim(x)}
            for c in conflicts(found)
            for x in c.claims
        ]
        columns = ["quantity", "letter_id", "text", "value", "start", "end"]
    else:
        rows = [_claim(x) for x in found]
        columns = ["letter_id", "kind", "text", "value", "unit", "topic", "name", "date"]
    render(rows, fmt, _cols(fmt, columns), title="Claims")


@app.command("timeline")
def timeline_command(db: DbOption = DEFAULT_DB_PATH, fmt: FormatOption = Format.table) -> None:
    """Letters by date with their senders, addressees and number of signatories."""
    rows = timeline(_corpus(db, with_texts=False))
    columns = ["date", "letter_id", "senders", "addressees", "signatories"]
    render(rows, fmt, _cols(fmt, columns), title="Timeline")


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="File (ftm, graphml, gexf, json) or folder (csv, parquet)."
        ),
    ] = None,
    bipartite: Annotated[
        bool, typer.Option("--bipartite", help="Graphs: signers and letters as the two node sets.")
    ] = False,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Export for other tools: FtM JSON lines, GraphML/GEXF, CSV or Parquet tables, one JSON."""
    corpus = _corpus(db, with_texts=fmt is ExportFormat.ftm)
    if fmt in (ExportFormat.csv, ExportFormat.parquet):
        folder = out or Path(f"cosignatory-{fmt.value}")
        writer = write_csv if fmt is ExportFormat.csv else write_parquet
        paths = writer(all_tables(corpus, build_network(corpus, measures=False)), folder)
        err.print(f"Wrote {len(paths)} tables to {folder}/")
        return
    if fmt in (ExportFormat.graphml, ExportFormat.gexf):
        graph = bipartite_graph(corpus) if bipartite else build_network(corpus).graph
        path = out or Path(f"cosignatory.{fmt.value}")
        write_graph(graph, path, fmt.value)
        err.print(
            f"Wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {path}"
        )
        return
    stream = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        if fmt is ExportFormat.ftm:
            count = write_ftm(corpus, stream)
            if out:
                err.print(f"Wrote {count} entities to {out}")
        else:
            write_json(all_tables(corpus, build_network(corpus, measures=False)), stream)
    finally:
        if out:
            stream.close()


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for index.html and images.")],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """A static HTML report: figures, network, timeline, top signers, reuse, claim conflicts."""
    summary = build_report(_corpus(db), out)
    err.print(
        f"Report: {summary.path} ({summary.letters} letters, {summary.signers} signers,"
        f" {summary.passages} reused passages, {summary.conflicts} claim conflicts)"
    )


def _text(corpus: Corpus, letter_id: str, start: int, end: int) -> str:
    return corpus.texts[corpus.by_id[letter_id].document_id][start:end]


def _claim(claim: Any) -> dict[str, Any]:
    row = {k: v for k, v in vars(claim).items()}
    for key in ("value", "low", "high"):
        if isinstance(row[key], float) and not math.isfinite(row[key]):
            row[key] = None  # "more than X" has no upper bound; JSON has no Infinity
    return row
