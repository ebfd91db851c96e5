"""The project file's schema and its migrations, one function per version step."""

from __future__ import annotations

#: Written into PRAGMA application_id so that any SQLite file can be told from a project.
APPLICATION_ID = 0x42524946  # "BRIF"


_V1 = """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            meta TEXT NOT NULL,            -- JSON: every SourceMeta field with its origin
            title TEXT NOT NULL DEFAULT '',
            publisher TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            file_name TEXT NOT NULL DEFAULT '',
            file_hash TEXT NOT NULL DEFAULT '',
            junk_lines INTEGER NOT NULL DEFAULT 0,
            added TEXT NOT NULL
        );
        CREATE INDEX sources_file_hash ON sources(file_hash);
        CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN
                ('heading', 'paragraph', 'quote', 'list_item', 'caption')),
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            UNIQUE (source_id, position)
        );
        CREATE VIRTUAL TABLE sections_fts USING fts5(
            text, content='sections', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER sections_ai AFTER INSERT ON sections BEGIN
            INSERT INTO sections_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER sections_ad AFTER DELETE ON sections BEGIN
            INSERT INTO sections_fts(sections_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER sections_au AFTER UPDATE OF text ON sections BEGIN
            INSERT INTO sections_fts(sections_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO sections_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TABLE briefs (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            subtitle TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL
        );
        CREATE TABLE brief_items (
            id INTEGER PRIMARY KEY,
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('heading', 'excerpt', 'note')),
            text TEXT NOT NULL DEFAULT '',
            level INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3),
            section_id INTEGER REFERENCES sections(id) ON DELETE RESTRICT,
            CHECK ((kind = 'excerpt') = (section_id IS NOT NULL))
        );
        CREATE INDEX brief_items_order ON brief_items(brief_id, position);
        CREATE INDEX brief_items_section ON brief_items(section_id);
"""

#: MIGRATIONS[n] is the SQL that brings a project from user_version n to n + 1; each runs in
#: one transaction with the version bump, so a failed upgrade leaves the file as it was.
MIGRATIONS: list[str] = [_V1]
SCHEMA_VERSION = len(MIGRATIONS)
