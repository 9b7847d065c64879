"""The static HTML report: `DIR/index.html` with its two pictures beside it.

Owns what the page shows and in which order: summary figures, the network picture,
the timeline picture, top signatories and organizations, coalitions, reused passages
side by side and claim conflicts. Document text is untrusted: the template autoescapes
every value. Nothing is fetched when the page is viewed (no scripts, fonts or CDNs).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape

from cosignatory.analyze.claims import conflicts, corpus_claims
from cosignatory.analyze.coalition import coalitions
from cosignatory.analyze.data import Corpus
from cosignatory.analyze.network import build_network
from cosignatory.analyze.reuse import corpus_reuse
from cosignatory.report.charts import network_picture, timeline_picture

TOP = 15
MAX_PASSAGES = 30

TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;
background:#f6f7f9}
header{background:#1f3a5f;color:#fff;padding:22px 32px}
header h1{margin:0;font-size:24px} header p{margin:4px 0 0;opacity:.85}
main{max-width:1120px;margin:0 auto;padding:20px 32px 60px}
section{background:#fff;border-radius:8px;padding:16px 22px;margin:18px 0;
box-shadow:0 1px 3px rgba(0,0,0,.08)}
h2{font-size:18px;margin:4px 0 12px;color:#1f3a5f}
.figures{display:flex;flex-wrap:wrap;gap:12px}
.figure{flex:1 1 120px;background:#eef3fa;border-left:4px solid #1f77b4;border-radius:6px;
padding:10px 14px}
.figure b{display:block;font-size:26px;color:#1f3a5f}
img{max-width:100%;height:auto;display:block;margin:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{background:#f0f2f5} td.n{text-align:right;font-variant-numeric:tabular-nums}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:10px 0 16px}
blockquote{margin:0;background:#fff8e1;border-left:4px solid #ff9800;padding:8px 12px;
font-size:14px}
.meta{font-size:12px;color:#5b6472}
.conflict{background:#fdecea;border-left-color:#d62728}
</style></head><body>
<header><h1>{{ title }}</h1><p>{{ subtitle }}</p></header>
<main>
<section><h2>Summary</h2><div class="figures">
{% for label, value in figures %}<div class="figure">
<b>{{ value }}</b>{{ label }}</div>{% endfor %}
</div></section>
<section><h2>Who signs with whom</h2>
<img src="network.png"
 alt="Co-signature network: people and organizations linked by shared letters,
 coloured by community">
<p class="meta">Edges join signers who appear on the same letter (thicker: more letters).
Colours are Louvain communities; squares are organizations, circles people.</p></section>
<section><h2>Timeline</h2>
<img src="timeline.png" alt="Letters by date with their number of signatories"></section>
<section>
<h2>Top signatories</h2>{{ table(people, columns) }}</section>
<section>
<h2>Top organizations</h2>{{ table(orgs, columns) }}</section>
<section><h2>Coalitions</h2>
{% for c in coalitions %}<h3>{{ c.sender }}</h3><table><tr><th>date</th><th>letter</th>
<th>signers</th><th>joined</th><th>left</th><th>retention</th></tr>
{% for s in c.steps %}<tr><td>{{ s.date }}</td><td>{{ s.letter }}</td>
<td class="n">{{ s.members }}</td><td>{{ s.joined }}</td><td>{{ s.left }}</td>
<td class="n">{{ s.retention }}</td></tr>{% endfor %}
</table><p class="meta">Core (in most letters): {{ c.core }}</p>
{% else %}<p>No sender has more than one letter.</p>{% endfor %}</section>
<section><h2>Reused passages</h2>
{% for r in reuse %}
<div class="meta">{{ r.matched }} words in common, similarity {{ r.similarity }}</div>
<div class="pair">
<blockquote>{{ r.a_text }}<div class="meta">{{ r.a_letter }} [{{ r.a_span }}]</div></blockquote>
<blockquote>{{ r.b_text }}<div class="meta">{{ r.b_letter }} [{{ r.b_span }}]</div></blockquote>
</div>
{% else %}<p>No passage is shared between letters.</p>{% endfor %}</section>
<section><h2>Claims that disagree</h2>
{% for c in conflicts %}<h3>{{ c.topic }}: {{ c.counts }}</h3><div class="pair">
{% for claim in c.claims %}
<blockquote class="conflict">{{ claim.text }}<div class="meta">
{{ claim.letter }} [{{ claim.span }}]</div>
</blockquote>{% endfor %}</div>
{% else %}<p>No quantity is given different figures in different letters.</p>{% endfor %}
<p class="meta">{{ claim_count }} claims found in all (figures, instruments, dated events).</p>
</section>
</main></body></html>
"""

_MACROS = """{% macro table(rows, columns) %}<table>
<tr>{% for c in columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in rows %}<tr>{% for c in columns %}
<td{% if row[c] is number %} class="n"{% endif %}>{{ row[c] }}</td>{% endfor %}</tr>{% endfor %}
</table>{% endmacro %}"""


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    letters: int
    signers: int
    passages: int
    conflicts: int


def build_report(corpus: Corpus, out: Path, *, title: str = "Cosignatory report") -> ReportSummary:
    """Write `out/index.html`, `out/network.png` and `out/timeline.png`."""
    out.mkdir(parents=True, exist_ok=True)
    network = build_network(corpus)
    network_picture(network, out / "network.png")
    timeline_picture(corpus, out / "timeline.png")
    reuse = corpus_reuse(corpus)
    claims = corpus_claims(corpus)
    disagreements = conflicts(claims)
    top = [{**row, "name": row["label"]} for row in network.top(None)]
    people = [r for r in top if r["kind"] == "person"][:TOP]
    orgs = [r for r in top if r["kind"] == "organization"][:TOP]
    figures = [
        ("documents", len({letter.document_id for letter in corpus.letters})),
        ("letters", len(corpus.letters)),
        ("signatures", len(corpus.signings)),
        ("people", sum(1 for r in top if r["kind"] == "person")),
        ("organizations", sum(1 for r in top if r["kind"] == "organization")),
        ("reused passages", len(reuse)),
        ("claim conflicts", len(disagreements)),
    ]
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    table = env.from_string(_MACROS).module.table  # type: ignore[attr-defined]
    html = env.from_string(TEMPLATE).render(
        title=title,
        subtitle=_subtitle(corpus),
        figures=figures,
        table=table,
        columns=["name", "letters", "degree", "betweenness", "community"],
        people=people,
        orgs=orgs,
        coalitions=[_coalition(corpus, c) for c in coalitions(corpus)],
        reuse=[_passage(corpus, r) for r in reuse[:MAX_PASSAGES]],
        conflicts=[
            {
                "topic": c.topic,
                "counts": c.counts,
                "claims": [
                    {"text": x.text, "letter": x.letter_id, "span": f"{x.start}–{x.end}"}
                    for x in c.claims
                ],
            }
            for c in disagreements
        ],
        claim_count=len(claims),
    )
    path = out / "index.html"
    path.write_text(html, encoding="utf-8")
    return ReportSummary(
        path, len(corpus.letters), network.graph.number_of_nodes(), len(reuse), len(disagreements)
    )


def _subtitle(corpus: Corpus) -> str:
    dates = sorted(letter.when for letter in corpus.letters if letter.when)
    span = f"{dates[0]} to {dates[-1]}" if dates else "undated"
    return f"{len(corpus.letters)} letters, {span}"


def _coalition(corpus: Corpus, coalition: Any) -> dict[str, Any]:
    def names(ids: tuple[str, ...]) -> str:
        return ", ".join(corpus.label(i) for i in ids) or "—"

    return {
        "sender": coalition.sender,
        "core": names(tuple(coalition.core())),
        "steps": [
            {
                "date": s.letter.when or "undated",
                "letter": s.letter.id,
                "members": len(s.members),
                "joined": names(s.joined) if s.retention is not None else "(first letter)",
                "left": names(s.left),
                "retention": "" if s.retention is None else f"{s.retention:.0%}",
            }
            for s in coalition.steps
        ],
    }


def _passage(corpus: Corpus, reuse: Any) -> dict[str, Any]:
    def side(p: Any) -> tuple[str, str, str]:
        letter = corpus.by_id[p.key]
        return corpus.texts[letter.document_id][p.start : p.end], p.key, f"{p.start}–{p.end}"

    a_text, a_letter, a_span = side(reuse.a)
    b_text, b_letter, b_span = side(reuse.b)
    return {
        "matched": reuse.matched,
        "similarity": reuse.similarity,
        "a_text": a_text,
        "a_letter": a_letter,
        "a_span": a_span,
        "b_text": b_text,
        "b_letter": b_letter,
        "b_span": b_span,
    }
