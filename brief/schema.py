"""The project file's schema and its migrations, one step per version."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Callable

from brief.story.dated import rebuild_events
from brief.story.index import rebuild
from brief.story.said import rebuild_quotes

#: Written into PRAGMA application_id so that any SQLite file can be told from a project.
APPLICATION_ID = 0x42524946  # "BRIF"


# The full-text index follows the sections table through these triggers; a migration that
# rebuilds the table makes them again.
_SECTION_TRIGGERS = """
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
"""

_V1 = (
    """
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
"""
    + _SECTION_TRIGGERS
    + """        CREATE TABLE briefs (
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
)

# Version 2: ids are never reused (AUTOINCREMENT), so an undo that puts a deleted brief, item
# or source back with its id can never collide with something made in the meantime; sources
# get a hash of their cleaned text, so the same article is recognised whatever file it came
# from. SQLite cannot add AUTOINCREMENT to a table: each is rebuilt and copied (SQLite's
# documented twelve-step procedure, with foreign keys off around the transaction).
_V2_TABLES = (
    """
        CREATE TABLE sources_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            meta TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            publisher TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            file_name TEXT NOT NULL DEFAULT '',
            file_hash TEXT NOT NULL DEFAULT '',
            text_hash TEXT NOT NULL DEFAULT '',
            junk_lines INTEGER NOT NULL DEFAULT 0,
            added TEXT NOT NULL
        );
        INSERT INTO sources_v2 (id, meta, title, publisher, published, text, file_name,
                                file_hash, junk_lines, added)
            SELECT id, meta, title, publisher, published, text, file_name, file_hash,
                   junk_lines, added FROM sources;
        CREATE TABLE sections_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN
                ('heading', 'paragraph', 'quote', 'list_item', 'caption')),
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            UNIQUE (source_id, position)
        );
        INSERT INTO sections_v2 SELECT id, source_id, position, kind, text, start, "end"
            FROM sections;
        CREATE TABLE briefs_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            subtitle TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL
        );
        INSERT INTO briefs_v2 SELECT id, title, subtitle, author, date, created FROM briefs;
        CREATE TABLE brief_items_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('heading', 'excerpt', 'note')),
            text TEXT NOT NULL DEFAULT '',
            level INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3),
            section_id INTEGER REFERENCES sections(id) ON DELETE RESTRICT,
            CHECK ((kind = 'excerpt') = (section_id IS NOT NULL))
        );
        INSERT INTO brief_items_v2 SELECT id, brief_id, position, kind, text, level, section_id
            FROM brief_items;
        DROP TABLE brief_items;
        DROP TABLE briefs;
        DROP TABLE sections;
        DROP TABLE sources;
        ALTER TABLE sources_v2 RENAME TO sources;
        ALTER TABLE sections_v2 RENAME TO sections;
        ALTER TABLE briefs_v2 RENAME TO briefs;
        ALTER TABLE brief_items_v2 RENAME TO brief_items;
        CREATE INDEX sources_file_hash ON sources(file_hash);
        CREATE INDEX sources_text_hash ON sources(text_hash);
        CREATE INDEX brief_items_order ON brief_items(brief_id, position);
        CREATE INDEX brief_items_section ON brief_items(section_id);
"""
    + _SECTION_TRIGGERS
    + """"""
)

# Version 3: a section remembers the page of a paginated source (PDF) it starts on, and a
# source's own footnotes are sections of kind 'note'. The kind's CHECK constraint cannot be
# altered in place: the table is rebuilt with its ids (the full-text index keeps pointing at
# them) and its triggers made again.
_V3_TABLES = (
    """
        CREATE TABLE sections_v3 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN
                ('heading', 'paragraph', 'quote', 'list_item', 'caption', 'note')),
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            page INTEGER CHECK (page IS NULL OR page >= 1),
            UNIQUE (source_id, position)
        );
        INSERT INTO sections_v3 (id, source_id, position, kind, text, start, "end")
            SELECT id, source_id, position, kind, text, start, "end" FROM sections;
        DROP TABLE sections;
        ALTER TABLE sections_v3 RENAME TO sections;
"""
    + _SECTION_TRIGGERS
    + """"""
)

# Version 4: the index of near-duplicate sections behind story families (brief.story): each
# comparable section's hashed word runs and MinHash band keys, the pairs of sections of
# different sources found alike, and the way the keys were made, so that keys made another
# way are rebuilt. The migration indexes the sections already stored.
_V4_TABLES = """
        CREATE TABLE project_info (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE section_sketches (
            section_id INTEGER PRIMARY KEY REFERENCES sections(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL,    -- the section's, which never changes
            runs BLOB NOT NULL,            -- its three-word runs' 32-bit hashes
            runs_hash INTEGER NOT NULL,    -- a hash of `runs`, to find its exact twins
            -- the section with the same runs that holds their keys (wire copy runs word for
            -- word in many outlets: one set of keys serves them all); NULL: this one does
            twin INTEGER REFERENCES section_sketches(section_id)
        );
        CREATE INDEX section_sketches_runs ON section_sketches(runs_hash);
        CREATE INDEX section_sketches_twin ON section_sketches(twin);
        CREATE TABLE section_keys (
            key INTEGER NOT NULL,
            section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
            PRIMARY KEY (key, section_id)
        ) WITHOUT ROWID;
        CREATE INDEX section_keys_section ON section_keys(section_id);
        CREATE TABLE section_matches (
            a INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
            b INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
            resemblance REAL NOT NULL,
            PRIMARY KEY (a, b),
            CHECK (a < b)
        ) WITHOUT ROWID;
        CREATE INDEX section_matches_b ON section_matches(b);
"""


def _v4(db: sqlite3.Connection) -> None:
    apply_migration(db, _V4_TABLES)
    rebuild(db)


# Version 5: pairs of sections the user marked as not stating the same fact, so that
# corroboration (brief.story.corroborate) leaves them out. No foreign keys: section ids are
# never reused, and a mark must outlive an undone import whose redo puts the section back.
_V5_TABLES = """
        CREATE TABLE rejected_matches (
            a INTEGER NOT NULL,
            b INTEGER NOT NULL,
            PRIMARY KEY (a, b),
            CHECK (a < b)
        ) WITHOUT ROWID;
"""

# Version 6: who said what. Each source's quotes with their speaker (brief.story.quotes),
# found when it is stored and found again for the sections already there; and an excerpt
# may quote part of its section (a quote dragged from the People panel): its span.
_V6_TABLES = """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL,    -- the section's, which never changes
            start INTEGER NOT NULL,        -- the quoted words in the section's text
            "end" INTEGER NOT NULL,
            speaker TEXT NOT NULL,         -- as the text names them
            speaker_key TEXT NOT NULL,     -- the same person in any source
            role TEXT NOT NULL DEFAULT '',
            direct INTEGER NOT NULL,       -- 1: in quotation marks; 0: reported
            CHECK (0 <= start AND start < "end")
        );
        CREATE INDEX quotes_speaker ON quotes(speaker_key);
        CREATE INDEX quotes_section ON quotes(section_id);
        ALTER TABLE brief_items ADD COLUMN span_start INTEGER;
        ALTER TABLE brief_items ADD COLUMN span_end INTEGER;
"""


def _v6(db: sqlite3.Connection) -> None:
    apply_migration(db, _V6_TABLES)
    rebuild_quotes(db)


# Version 7: when. The days each source's sections speak of (brief.story.when), absolute or
# counted from the source's date, found when it is stored or its date changes, and found
# for the sections already there when a project is upgraded.
_V7_TABLES = """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL,    -- the section's, which never changes
            start INTEGER NOT NULL,        -- the words naming the day in the section's text
            "end" INTEGER NOT NULL,
            day TEXT NOT NULL,             -- YYYY-MM-DD
            CHECK (0 <= start AND start < "end")
        );
        CREATE INDEX events_day ON events(day);
        CREATE INDEX events_source ON events(source_id);
        CREATE INDEX events_section ON events(section_id);
"""


def _v7(db: sqlite3.Connection) -> None:
    apply_migration(db, _V7_TABLES)
    rebuild_events(db)


_BODY_KINDS = ("heading", "paragraph", "quote", "list_item")


def text_hash(blocks: list[str]) -> str:
    """A fingerprint of an article's cleaned body: the same article pasted, saved as a page
    or re-exported gives the same hash, whatever its bytes, line breaks or spacing."""
    words = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", " ".join(blocks))).strip()
    return hashlib.sha256(words.casefold().encode()).hexdigest() if words else ""


def _v2(db: sqlite3.Connection) -> None:
    apply_migration(db, _V2_TABLES)
    placeholders = ", ".join("?" for _ in _BODY_KINDS)
    for (source_id,) in db.execute("SELECT id FROM sources").fetchall():
        blocks = [
            r[0]
            for r in db.execute(
                f"SELECT text FROM sections WHERE source_id = ? AND kind IN ({placeholders})"
                " ORDER BY position",
                (source_id, *_BODY_KINDS),
            )
        ]
        db.execute("UPDATE sources SET text_hash = ? WHERE id = ?", (text_hash(blocks), source_id))


def _split(script: str) -> list[str]:
    """Statements of a script (triggers keep their inner semicolons)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


Migration = str | Callable[[sqlite3.Connection], None]


def apply_migration(db: sqlite3.Connection, migration: Migration) -> None:
    """Run one step inside the caller's transaction (executescript would commit it)."""
    if callable(migration):
        migration(db)
    else:
        for statement in _split(migration):
            db.execute(statement)


#: MIGRATIONS[n] brings a project from user_version n to n + 1: SQL, or a function given the
#: connection. Each runs in one transaction with the version bump (and with foreign keys off,
#: checked before the commit), so a failed upgrade leaves the file as it was.
MIGRATIONS: list[Migration] = [_V1, _v2, _V3_TABLES, _v4, _V5_TABLES, _v6, _v7]
SCHEMA_VERSION = len(MIGRATIONS)
