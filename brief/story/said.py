"""The project's quotes (brief.story.quotes), found as each source is stored and kept in the
`quotes` table, so that the People panel lists every speaker of a large project at once.
Everything here runs inside the caller's transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from brief.model import Section
from brief.story.quotes import VERSION, find_quotes
from brief.story.versions import rebuild_if_changed, record_version, sections_by_source

_VERSION_KEY = "quotes"


@dataclass(frozen=True)
class StoredQuote:
    """A quote as the project keeps it."""

    id: int
    section_id: int
    source_id: int
    start: int
    end: int
    speaker: str
    role: str
    direct: bool
    text: str  # the quoted words


@dataclass(frozen=True)
class Speaker:
    """Someone quoted in the project, under the fullest name the text gives."""

    key: str
    name: str
    roles: tuple[str, ...]
    quotes: int
    sources: int


def store_quotes(db: sqlite3.Connection, source_id: int, sections: Sequence[Section]) -> None:
    """Find a newly stored source's quotes (its sections carry their ids) and keep them."""
    db.executemany(
        'INSERT INTO quotes (section_id, source_id, start, "end", speaker, speaker_key, role,'
        " direct) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (q.section_id, source_id, q.start, q.end, q.speaker, q.key, q.role, int(q.direct))
            for q in find_quotes(sections)
            if q.section_id is not None
        ],
    )


def rebuild_quotes(db: sqlite3.Connection) -> None:
    """Find every source's quotes again (the rules changed, or the project is upgraded)."""
    db.execute("DELETE FROM quotes")
    for source_id, sections in sections_by_source(db).items():
        store_quotes(db, source_id, sections)
    record_version(db, _VERSION_KEY, VERSION)


def refresh_quotes(db: sqlite3.Connection) -> None:
    """Find them again when they were found by other rules."""
    rebuild_if_changed(db, _VERSION_KEY, VERSION, rebuild_quotes)


def speakers(db: sqlite3.Connection) -> list[Speaker]:
    """Everyone quoted, the most quoted first."""
    rows = db.execute(
        "SELECT speaker_key, speaker, role, COUNT(*), COUNT(DISTINCT source_id) FROM quotes"
        " GROUP BY speaker_key, speaker, role"
    ).fetchall()
    grouped: dict[str, list[tuple[str, str, int, int]]] = {}
    for key, name, role, count, _sources in rows:
        grouped.setdefault(key, []).append((name, role, count, _sources))
    sources = dict(
        db.execute(
            "SELECT speaker_key, COUNT(DISTINCT source_id) FROM quotes GROUP BY speaker_key"
        ).fetchall()
    )
    result = []
    for key, forms in grouped.items():
        name = max((f[0] for f in forms), key=lambda n: (len(n.split()), len(n)))
        roles = tuple(sorted({f[1] for f in forms if f[1]}))
        result.append(Speaker(key, name, roles, sum(f[2] for f in forms), sources[key]))
    return sorted(result, key=lambda s: (-s.quotes, s.name.casefold()))


_QUOTE_COLUMNS = (
    'q.id, q.section_id, q.source_id, q.start, q."end", q.speaker, q.role, q.direct,'
    ' substr(s.text, q.start + 1, q."end" - q.start)'
)


def quotes_by(db: sqlite3.Connection, key: str) -> list[StoredQuote]:
    """One speaker's quotes, source by source in reading order."""
    return [
        _stored(row)
        for row in db.execute(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN sections s ON s.id = q.section_id"
            " WHERE q.speaker_key = ? ORDER BY q.source_id, s.position, q.start",
            (key,),
        )
    ]


def quote(db: sqlite3.Connection, quote_id: int) -> StoredQuote | None:
    row = db.execute(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN sections s ON s.id = q.section_id"
        " WHERE q.id = ?",
        (quote_id,),
    ).fetchone()
    return None if row is None else _stored(row)


def _stored(row: tuple[Any, ...]) -> StoredQuote:
    return StoredQuote(
        id=row[0],
        section_id=row[1],
        source_id=row[2],
        start=row[3],
        end=row[4],
        speaker=row[5],
        role=row[6],
        direct=bool(row[7]),
        text=row[8],
    )


def quote_at(db: sqlite3.Connection, section_id: int, start: int, end: int) -> StoredQuote | None:
    """The quote with these words of a section, if it is one (an excerpt of a quote)."""
    row = db.execute(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN sections s ON s.id = q.section_id"
        ' WHERE q.section_id = ? AND q.start = ? AND q."end" = ?',
        (section_id, start, end),
    ).fetchone()
    return None if row is None else _stored(row)
