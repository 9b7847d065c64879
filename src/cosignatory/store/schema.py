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
    # 2: full-text search (FTS5) over documents, signatories, senders and addressees,
    # kept current by triggers; search_rows maps an FTS rowid to what it indexes.
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE search_rows (
        rowid INTEGER PRIMARY KEY,      -- = search_fts rowid
        kind TEXT NOT NULL,             -- document | signatory | sender | addressee
        ref TEXT NOT NULL,              -- document id, mention id, or <letter id>:<ordinal>
        letter_id TEXT,
        UNIQUE (kind, ref)
    );
    CREATE TRIGGER search_documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO search_rows (kind, ref) VALUES ('document', new.id);
        INSERT INTO search_fts (rowid, title, body)
            VALUES (last_insert_rowid(), new.title, new.text);
    END;
    CREATE TRIGGER search_documents_ad AFTER DELETE ON documents BEGIN
        DELETE FROM search_fts WHERE rowid =
            (SELECT rowid FROM search_rows WHERE kind = 'document' AND ref = old.id);
        DELETE FROM search_rows WHERE kind = 'document' AND ref = old.id;
    END;
    CREATE TRIGGER search_documents_au AFTER UPDATE OF title, text ON documents BEGIN
        UPDATE search_fts SET title = new.title, body = new.text WHERE rowid =
            (SELECT rowid FROM search_rows WHERE kind = 'document' AND ref = old.id);
    END;
    CREATE TRIGGER search_mentions_ai AFTER INSERT ON mentions BEGIN
        INSERT INTO search_rows (kind, ref, letter_id) VALUES ('signatory', new.id, new.letter_id);
        INSERT INTO search_fts (rowid, body) VALUES (last_insert_rowid(),
            coalesce(new.name, '') || ' ' || coalesce(new.role, '')
            || ' ' || coalesce(new.organization, ''));
    END;
    CREATE TRIGGER search_mentions_ad AFTER DELETE ON mentions BEGIN
        DELETE FROM search_fts WHERE rowid =
            (SELECT rowid FROM search_rows WHERE kind = 'signatory' AND ref = old.id);
        DELETE FROM search_rows WHERE kind = 'signatory' AND ref = old.id;
    END;
    CREATE TRIGGER search_mentions_au AFTER UPDATE OF name, role, organization ON mentions BEGIN
        UPDATE search_fts SET body = coalesce(new.name, '') || ' ' || coalesce(new.role, '')
            || ' ' || coalesce(new.organization, '')
            WHERE rowid = (SELECT rowid FROM search_rows WHERE kind = 'signatory' AND ref = old.id);
    END;
    CREATE TRIGGER search_senders_ai AFTER INSERT ON senders BEGIN
        INSERT INTO search_rows (kind, ref, letter_id)
            VALUES ('sender', new.letter_id || ':' || new.ordinal, new.letter_id);
        INSERT INTO search_fts (rowid, body) VALUES (last_insert_rowid(), new.name);
    END;
    CREATE TRIGGER search_senders_ad AFTER DELETE ON senders BEGIN
        DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_rows
            WHERE kind = 'sender' AND ref = old.letter_id || ':' || old.ordinal);
        DELETE FROM search_rows WHERE kind = 'sender' AND ref = old.letter_id || ':' || old.ordinal;
    END;
    CREATE TRIGGER search_addressees_ai AFTER INSERT ON addressees BEGIN
        INSERT INTO search_rows (kind, ref, letter_id)
            VALUES ('addressee', new.letter_id || ':' || new.ordinal, new.letter_id);
        INSERT INTO search_fts (rowid, body)
            VALUES (last_insert_rowid(), coalesce(new.name, '') || ' ' || coalesce(new.role, ''));
    END;
    CREATE TRIGGER search_addressees_ad AFTER DELETE ON addressees BEGIN
        DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_rows
            WHERE kind = 'addressee' AND ref = old.letter_id || ':' || old.ordinal);
        DELETE FROM search_rows
            WHERE kind = 'addressee' AND ref = old.letter_id || ':' || old.ordinal;
    END;
    INSERT INTO search_rows (kind, ref) SELECT 'document', id FROM documents;
    INSERT INTO search_rows (kind, ref, letter_id) SELECT 'signatory', id, letter_id FROM mentions;
    INSERT INTO search_rows (kind, ref, letter_id)
        SELECT 'sender', letter_id || ':' || ordinal, letter_id FROM senders;
    INSERT INTO search_rows (kind, ref, letter_id)
        SELECT 'addressee', letter_id || ':' || ordinal, letter_id FROM addressees;
    INSERT INTO search_fts (rowid, title, body) SELECT r.rowid, d.title, d.text
        FROM search_rows r JOIN documents d ON r.kind = 'document' AND d.id = r.ref;
    INSERT INTO search_fts (rowid, body)
        SELECT r.rowid, coalesce(m.name, '') || ' ' || coalesce(m.role, '')
            || ' ' || coalesce(m.organization, '')
        FROM search_rows r JOIN mentions m ON r.kind = 'signatory' AND m.id = r.ref;
    INSERT INTO search_fts (rowid, body) SELECT r.rowid, s.name FROM search_rows r
        JOIN senders s ON r.kind = 'sender' AND r.ref = s.letter_id || ':' || s.ordinal;
    INSERT INTO search_fts (rowid, body)
        SELECT r.rowid, coalesce(a.name, '') || ' ' || coalesce(a.role, '')
        FROM search_rows r
        JOIN addressees a ON r.kind = 'addressee' AND r.ref = a.letter_id || ':' || a.ordinal;
    """,
    # 3: human corrections of extraction output (cosignatory.review), apart from it:
    # no foreign key, so they outlive a re-extraction or a document's removal.
    """
    CREATE TABLE corrections (
        id TEXT PRIMARY KEY,            -- Correction.id, deterministic
        document_sha256 TEXT NOT NULL,
        source TEXT,                    -- the document's source, to find a new version of it
        letter INTEGER NOT NULL,        -- letter ordinal in the document
        item TEXT NOT NULL,             -- letter | signatory | addressee
        action TEXT NOT NULL,           -- set | remove | add
        field TEXT,                     -- date | name | role | organization (for set)
        ordinal INTEGER,                -- item position in the corrected letter when made
        old TEXT, new TEXT,             -- JSON values
        start INTEGER, end INTEGER,     -- source span the correction was made on
        text TEXT,                      -- source text under that span when made
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active'  -- active | needs-review | withdrawn
    );
    CREATE INDEX corrections_document ON corrections(document_sha256, created_at);
    CREATE INDEX corrections_source ON corrections(source);
    """,
    # 4: resolved people and organizations (cosignatory.resolve). Assignments and
    # evidence are machine output, rewritten on every resolution; judgements are human
    # input keyed by mention ids (content-derived), with no foreign key, so they outlive
    # re-resolution and a re-ingest into a fresh store.
    """
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,            -- p-... person, o-... organization
        kind TEXT NOT NULL,             -- person | organization
        caption TEXT NOT NULL
    );
    CREATE TABLE mention_entities (
        mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        PRIMARY KEY (mention_id, kind)
    );
    CREATE INDEX mention_entities_entity ON mention_entities(entity_id);
    CREATE TABLE entity_evidence (
        entity_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        left_mention TEXT NOT NULL, right_mention TEXT NOT NULL,
        left_name TEXT, right_name TEXT,
        score REAL NOT NULL,
        features TEXT NOT NULL          -- JSON [[name, weight, detail], ...]
    );
    CREATE INDEX entity_evidence_entity ON entity_evidence(entity_id);
    CREATE TABLE judgements (
        id TEXT PRIMARY KEY,            -- deterministic from kind, verdict and mentions
        kind TEXT NOT NULL,             -- person | organization
        verdict TEXT NOT NULL,          -- merge | split | not-same
        left_mention TEXT NOT NULL, right_mention TEXT NOT NULL,
        left_name TEXT, right_name TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE VIEW memberships AS
        SELECT p.entity_id AS person_id, o.entity_id AS organization_id, m.role,
               l.date, m.letter_id, m.id AS mention_id
        FROM mentions m
        JOIN letters l ON l.id = m.letter_id
        JOIN mention_entities p ON p.mention_id = m.id AND p.kind = 'person'
        JOIN mention_entities o ON o.mention_id = m.id AND o.kind = 'organization';
    """,
    # 5: resolution keys (cosignatory.resolve.keys): which stored mentions an incremental
    # resolution must look at. A mention with at least one row (key '' when it has none)
    # has been resolved; machine output, rewritten by a full resolution.
    """
    CREATE TABLE resolution_keys (
        key TEXT NOT NULL,
        mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE
    );
    CREATE INDEX resolution_keys_key ON resolution_keys(key);
    CREATE INDEX resolution_keys_mention ON resolution_keys(mention_id);
    """,
    # 6: covering indexes for the per-entity queries of the web and the CLI (an entity's
    # mentions by kind, each with its letter, role and organization, without table reads).
    """
    DROP INDEX mention_entities_entity;
    CREATE INDEX mention_entities_entity_kind ON mention_entities(entity_id, kind, mention_id);
    CREATE INDEX mentions_entity_columns ON mentions(id, letter_id, role, organization);
    """,
]
