"""Analyses the pages show (corpus, network, reuse, claims), computed once per store state.

Analyses read the whole corpus, which is too slow to redo on every request of a large
store; results are kept until the store changes. The store's state is a cheap
fingerprint (highest row ids and counts of the tables that ingest, resolution and
review write). `warm` computes the expensive ones in the background at start-up;
`peek` answers only from the cache, for pages that must stay fast.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from cosignatory.analyze import Corpus, build_network, conflicts, corpus_claims, corpus_reuse
from cosignatory.analyze import load_corpus as _load_corpus
from cosignatory.analyze.claims import Conflict
from cosignatory.analyze.network import Network
from cosignatory.analyze.reuse import Reuse
from cosignatory.store.db import Store
from cosignatory.store.entities import list_orgs, list_people

T = TypeVar("T")
MAX_ENTRIES = 64
FINGERPRINT = (
    "SELECT (SELECT max(rowid) FROM search_rows), (SELECT max(rowid) FROM mention_entities),"
    " (SELECT count(*) FROM entities), (SELECT count(*) FROM judgements),"
    " (SELECT max(ingested_at) FROM documents), (SELECT count(*) FROM letters)"
)


def fingerprint(store: Store) -> tuple[Any, ...]:
    return tuple(store.conn.execute(FINGERPRINT).fetchone())


class AnalysisCache:
    """Results keyed by name, dropped whenever the store's fingerprint changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: tuple[Any, ...] | None = None
        self._values: dict[Hashable, Any] = {}
        self._computing: dict[Hashable, threading.Lock] = {}

    def get(self, store: Store, name: Hashable, compute: Callable[[], T]) -> T:
        state = fingerprint(store)
        with self._lock:
            self._sync(state)
            if name in self._values:
                return self._values[name]  # type: ignore[no-any-return]
            gate = self._computing.setdefault(name, threading.Lock())
        with gate:  # one computation per name at a time; the others wait for it
            with self._lock:
                if self._state == state and name in self._values:
                    return self._values[name]  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                if self._state == state:
                    if len(self._values) >= MAX_ENTRIES:
                        self._values.pop(next(iter(self._values)))
                    self._values[name] = value
        return value

    def peek(self, store: Store, name: Hashable) -> Any | None:
        state = fingerprint(store)
        with self._lock:
            self._sync(state)
            return self._values.get(name)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._state = None

    def _sync(self, state: tuple[Any, ...]) -> None:
        if state != self._state:
            self._values.clear()
            self._state = state


def corpus(cache: AnalysisCache, store: Store) -> Corpus:
    return cache.get(store, "corpus", lambda: _load_corpus(store))


def dated(whole: Corpus, date_from: str | None, date_to: str | None) -> Corpus:
    """The letters dated within [date_from, date_to] (ISO, compared on their own length)."""
    if not date_from and not date_to:
        return whole

    def inside(when: str | None) -> bool:
        if when is None:
            return False
        if date_from and when[: len(date_from)] < date_from:
            return False
        return not (date_to and when[: len(date_to)] > date_to)

    letters = [letter for letter in whole.letters if inside(letter.when)]
    kept = {letter.id for letter in letters}
    part = Corpus(
        letters=letters,
        signings=[s for s in whole.signings if s.letter_id in kept],
        labels=whole.labels,
        aliases=whole.aliases,
        kinds=whole.kinds,
    )
    part.texts = whole.texts
    return part


def network(
    cache: AnalysisCache, store: Store, date_from: str | None, date_to: str | None
) -> Network:
    key = ("network", date_from or "", date_to or "")
    return cache.get(
        store, key, lambda: build_network(dated(corpus(cache, store), date_from, date_to))
    )


def reuse(cache: AnalysisCache, store: Store) -> list[Reuse]:
    return cache.get(store, "reuse", lambda: corpus_reuse(corpus(cache, store)))


def claim_conflicts(cache: AnalysisCache, store: Store) -> list[Conflict]:
    return cache.get(store, "conflicts", lambda: conflicts(corpus_claims(corpus(cache, store))))


def warm(cache: AnalysisCache, open_store: Callable[[], Store]) -> threading.Thread:
    """Compute the corpus-wide analyses in a background thread (pages then answer at once)."""

    def run() -> None:
        store = open_store()
        try:
            network(cache, store, None, None)
            reuse(cache, store)
            claim_conflicts(cache, store)
            cache.get(store, ("person", 1), lambda: list_people(store))
            cache.get(store, ("organization", 1), lambda: list_orgs(store))
            # Millions of long-lived objects (graph, corpus): keep the garbage collector from
            # walking them again on every full collection, a pause of a second on a large store.
            gc.freeze()
        except Exception:
            pass  # the page that needs the analysis computes it again and reports the error
        finally:
            store.close()

    thread = threading.Thread(target=run, name="cosignatory-warm", daemon=True)
    thread.start()
    return thread
