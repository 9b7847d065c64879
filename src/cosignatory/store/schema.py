"""The SQLite schema of the store, as ordered migrations.

`MIGRATIONS[i]` brings a database from `PRAGMA user_version = i` to `i + 1`.
Append new migrations at the end; never edit one that has shipped.

Machine output (documents, letters, mentions) is kept apart from human input
(judgements, corrections) so that re-extraction and re-resolution never lose a
human decision.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: documents and what extraction made of them.
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,            -- first 16 hex digits of sha256
        sha256 TEXT NOT NULL UNIQUE,    -- of the UTF-8 text
        source TEXT NOT NULL,           -- path (or path#Lnn) it was first read from
        format TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        text TEXT NOT NULL,
        extractor_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE letters (
        id TEXT PRIMARY KEY,            -- <document id>-<ordinal>
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        reproduced INTEGER NOT NULL,
        date TEXT,
        date_start INTEGER, date_end INTEGER,
        title TEXT,
        start INTEGER, end INTEGER
    );
    CREATE INDEX letters_document ON letters(document_id);
    CREATE INDEX letters_date ON letters(date);
    CREATE TABLE addressees (
        letter_id TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        name TEXT, role TEXT,
        start INTEGER, end INTEGER,
        PRIMARY KEY (letter_id, ordinal)
    );
    CREATE TABLE senders (
        letter_id TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        name TEXT NOT NULL,
        start INTEGER, end INTEGER,
        PRIMARY KEY (letter_id, ordinal)
    );
    CREATE TABLE mentions (
        id TEXT PRIMARY KEY,            -- <letter id>-<ordinal>
        letter_id TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        name TEXT, role TEXT, organization TEXT,
        start INTEGER, end INTEGER,
        name_start INTEGER, name_end INTEGER,
        role_start INTEGER, role_end INTEGER,
        organization_start INTEGER, organization_end INTEGER
    );
    CREATE INDEX mentions_letter ON mentions(letter_id);
    CREATE INDEX mentions_name ON mentions(name);
    """,
]
