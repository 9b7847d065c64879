"""Analyses over the store (read-only): network, coalitions, reuse, claims, timeline."""

from cosignatory.analyze.claims import Claim, Conflict, conflicts, corpus_claims
from cosignatory.analyze.coalition import Coalition, Step, coalitions
from cosignatory.analyze.data import Corpus, LetterInfo, Signing, load_corpus
from cosignatory.analyze.network import Network, bipartite_graph, build_network
from cosignatory.analyze.reuse import Candidates, Reuse, Settings, corpus_reuse, find_reuse
from cosignatory.analyze.timeline import by_month, timeline

__all__ = [
    "Candidates",
    "Claim",
    "Coalition",
    "Conflict",
    "Corpus",
    "LetterInfo",
    "Network",
    "Reuse",
    "Settings",
    "Signing",
    "Step",
    "bipartite_graph",
    "build_network",
    "by_month",
    "coalitions",
    "conflicts",
    "corpus_claims",
    "corpus_reuse",
    "find_reuse",
    "load_corpus",
    "timeline",
]
