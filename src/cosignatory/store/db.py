"""The SQLite store: opening, migrating and transactions.

This package is the only place that touches sqlite3. A store is one file in WAL
mode; every document is written in one transaction, so an interrupted ingest
leaves the store consistent and a re-run completes the rest.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cosignatory.errors import StoreError
from cosignatory.store.schema import MIGRATIONS

DEFAULT_DB = Path("cosignatory.db")


class Store:
    """A cosignatory database. Use `Store.open(path)`; close it or use it as a context."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | str = DEFAULT_DB, *, create: bool = True) -> Store:
        """Open (and migrate) the store at `path`; ':memory:' gives a throwaway one."""
        target = Path(path) if str(path) != ":memory:" else None
        if target is not None and not create and not target.exists():
            raise StoreError(
                f"{target}: no such store; run `cosignatory ingest PATH --db {target}` first"
            )
        try:
            conn = sqlite3.connect(
                str(target) if target else ":memory:", isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            if target is not None:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, target)
            store.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a cosignatory store ({exc})") from exc
        return store

    def migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: made by a newer cosignatory (schema {version}); upgrade cosignatory"
            )
        for number in range(version, len(MIGRATIONS)):
            with self.transaction():
                for statement in _statements(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; nested use joins the outer transaction."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (sqlite3 executes one at a time)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
