"""The report's pictures, drawn with matplotlib (Agg, no display): network and timeline.

Owns layout and styling: the network shows the most connected signers (people as
circles, organizations as squares), coloured by community, with a legend; the timeline
shows each dated letter as a stem whose height is its number of signatories.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.dates import AutoDateLocator, DateFormatter, date2num
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from cosignatory.analyze.data import Corpus
from cosignatory.analyze.network import SEED, Network

PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
]
OTHER = "#9e9e9e"
MAX_NODES = 120
LABELLED = 12


def network_picture(network: Network, path: Path) -> int:
    """Draw the top signers' network to `path` (PNG); returns the number of nodes drawn."""
    graph = network.graph
    top = [row["id"] for row in network.top(MAX_NODES)]
    sub = graph.subgraph(top)
    fig, ax = plt.subplots(figsize=(10, 7.5), dpi=110)
    ax.set_axis_off()
    if sub.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "No signatories yet", ha="center", va="center", fontsize=16)
        fig.savefig(path)
        plt.close(fig)
        return 0
    pos = nx.spring_layout(sub, seed=SEED, weight="weight", k=1.6 / max(1, len(top)) ** 0.5)
    communities = sorted({graph.nodes[n].get("community", 0) for n in top})
    colour = {c: PALETTE[i] if i < len(PALETTE) else OTHER for i, c in enumerate(communities)}
    weights = [d["weight"] for _, _, d in sub.edges(data=True)]
    heaviest = max(weights, default=1)
    nx.draw_networkx_edges(
        sub,
        pos,
        ax=ax,
        width=[0.4 + 2.0 * w / heaviest for w in weights],
        alpha=0.18,
        edge_color="#555555",
    )
    for kind, shape in (("person", "o"), ("organization", "s")):
        nodes = [n for n in top if graph.nodes[n]["kind"] == kind]
        nx.draw_networkx_nodes(
            sub,
            pos,
            nodelist=nodes,
            ax=ax,
            node_shape=shape,
            linewidths=0.6,
            edgecolors="white",
            node_color=[colour[graph.nodes[n].get("community", 0)] for n in nodes],
            node_size=[60 + 40 * graph.nodes[n]["letters"] for n in nodes],
        )
    by_strength = sorted(top, key=lambda n: (-graph.nodes[n]["strength"], graph.nodes[n]["label"]))
    nx.draw_networkx_labels(
        sub,
        pos,
        ax=ax,
        font_size=7,
        labels={n: _short(graph.nodes[n]["label"]) for n in by_strength[:LABELLED]},
    )
    handles = [
        Line2D([], [], marker="o", linestyle="", color="#444444", label="person"),
        Line2D([], [], marker="s", linestyle="", color="#444444", label="organization"),
    ]
    sizes = {c: sum(1 for n in top if graph.nodes[n].get("community", 0) == c) for c in communities}
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=colour[c],
            label=f"community {i + 1} ({sizes[c]})",
        )
        for i, c in enumerate(communities[: len(PALETTE)])
    ]
    if len(communities) > len(PALETTE):
        handles.append(Line2D([], [], marker="o", linestyle="", color=OTHER, label="other"))
    ax.legend(
        handles=handles,
        loc="upper left",
        fontsize=8,
        frameon=True,
        framealpha=0.9,
        title="Node size: letters signed",
        title_fontsize=8,
    )
    ax.set_title(
        f"Co-signature network: {len(top)} most active of {graph.number_of_nodes()} signers",
        fontsize=11,
    )
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return len(top)


def timeline_picture(corpus: Corpus, path: Path) -> int:
    """Draw dated letters over time to `path` (PNG); returns the number of letters drawn."""
    signers: dict[str, int] = {}
    for s in corpus.signings:
        signers[s.letter_id] = signers.get(s.letter_id, 0) + 1
    points = [
        (float(date2num(day)), signers.get(letter.id, 0), letter)  # type: ignore[no-untyped-call]
        for letter in corpus.letters
        if (day := _day(letter.when)) is not None
    ]
    undated = len(corpus.letters) - len(points)
    fig, ax = plt.subplots(figsize=(10, 3.6), dpi=110)
    if points:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        ax.vlines(xs, 0, ys, color="#1f77b4", linewidth=2)
        for reproduced, face in ((True, "#d62728"), (False, "white")):
            chosen = [p for p in points if p[2].reproduced is reproduced]
            if not chosen:
                continue
            ax.scatter(
                [p[0] for p in chosen],
                [p[1] for p in chosen],
                zorder=3,
                s=[50 + 3 * p[1] for p in chosen],
                facecolor=face,
                edgecolor="#d62728",
                linewidth=1.5,
                label="letter reproduced" if reproduced else "letter reported only",
            )
        for x, y, letter in points:
            sender = letter.senders[0] if letter.senders else (letter.addressees[:1] or ("",))[0]
            ax.annotate(
                _short(sender, 28),
                (x, y),
                textcoords="offset points",
                xytext=(5, 7),
                fontsize=7,
                rotation=20,
            )
        first, last = min(xs), max(xs)
        margin = max(10.0, (last - first) / 8)  # in days
        ax.set_xlim(first - margin, last + margin * 2)
        ax.set_ylim(0, max(ys) * 1.35 + 3)
        ax.xaxis.set_major_locator(AutoDateLocator(maxticks=8))  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))  # type: ignore[no-untyped-call]
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(loc="upper left", fontsize=8)
    else:
        ax.text(0.5, 0.5, "No dated letters", ha="center", va="center", transform=ax.transAxes)
    ax.set_ylabel("signatories")
    note = f" ({undated} undated not shown)" if undated else ""
    ax.set_title(f"Letters by date{note}", fontsize=11)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return len(points)


def _day(when: str | None) -> date | None:
    if not when:
        return None
    parts = [*when.split("-"), "01", "01"][:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
