"""The embedded SQLite store: the one place that touches sqlite3."""

from cosignatory.store.db import DEFAULT_DB, Store
from cosignatory.store.letters import (
    counts,
    get_letter,
    has_document,
    list_letters,
    list_signatories,
    replace_extraction,
    save_extraction,
)

__all__ = [
    "DEFAULT_DB",
    "Store",
    "counts",
    "get_letter",
    "has_document",
    "list_letters",
    "list_signatories",
    "replace_extraction",
    "save_extraction",
]
