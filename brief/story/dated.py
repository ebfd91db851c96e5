"""The project's events (brief.story.when): the days its sections speak of, found as each
source is stored, found again when its date is changed, and kept in the `events` table for
the timeline. Everything here runs inside the caller's transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from brief.model import Section, SectionKind
from brief.story.versions import rebuild_if_changed, record_version
from brief.story.when import VERSION, find_events

_VERSION_KEY = "when"


@dataclass(frozen=True)
class StoredEvent:
    """A day a section speaks of, as the project keeps it."""

    id: int
    section_id: int
    source_id: int
    start: int
    end: int
    day: str  # YYYY-MM-DD
    text: str  # the section's text


@dataclass(frozen=True)
class Day:
    day: str
    events: int
    sources: int


def store_events(
    db: sqlite3.Connection, source_id: int, sections: Sequence[Section], published: str
) -> None:
    """Find a newly stored source's events (its sections carry their ids) and keep them."""
    db.executemany(
        'INSERT INTO events (section_id, source_id, start, "end", day) VALUES (?, ?, ?, ?, ?)',
        [
            (e.section_id, source_id, e.start, e.end, e.day.isoformat())
            for e in find_events(sections, published)
            if e.section_id is not None
        ],
    )


def _sections(db: sqlite3.Connection, source_id: int) -> list[Section]:
    return [
        Section(kind=SectionKind(kind), text=text, id=section_id, source_id=source_id)
        for section_id, kind, text in db.execute(
            "SELECT id, kind, text FROM sections WHERE source_id = ? ORDER BY position",
            (source_id,),
        )
    ]


def redate_sources(db: sqlite3.Connection, source_ids: Iterable[int]) -> None:
    """Sources whose date changed: their relative days are counted from the new one."""
    for source_id in source_ids:
        row = db.execute("SELECT published FROM sources WHERE id = ?", (source_id,)).fetchone()
        db.execute("DELETE FROM events WHERE source_id = ?", (source_id,))
        if row is not None:
            store_events(db, source_id, _sections(db, source_id), row[0] or "")


def rebuild_events(db: sqlite3.Connection) -> None:
    """Find every source's events again (the rules changed, or the project is upgraded)."""
    db.execute("DELETE FROM events")
    redate_sources(db, [r[0] for r in db.execute("SELECT id FROM sources").fetchall()])
    record_version(db, _VERSION_KEY, VERSION)


def refresh_events(db: sqlite3.Connection) -> None:
    """Find them again when they were found by other rules."""
    rebuild_if_changed(db, _VERSION_KEY, VERSION, rebuild_events)


def days(db: sqlite3.Connection) -> list[Day]:
    """Every day the sources speak of, in order, with how many events and sources."""
    return [
        Day(*row)
        for row in db.execute(
            "SELECT day, COUNT(*), COUNT(DISTINCT source_id) FROM events GROUP BY day ORDER BY day"
        )
    ]


def events_between(db: sqlite3.Connection, first: str = "", last: str = "") -> list[StoredEvent]:
    """The events of these days (either end open), by day, then source, then place."""
    rows = db.execute(
        'SELECT e.id, e.section_id, e.source_id, e.start, e."end", e.day, s.text FROM events e'
        " JOIN sections s ON s.id = e.section_id WHERE e.day >= ? AND e.day <= ?"
        " ORDER BY e.day, e.source_id, s.position, e.start",
        (first or "0000", last or "9999"),
    )
    return [_stored(row) for row in rows]


def _stored(row: tuple[Any, ...]) -> StoredEvent:
    return StoredEvent(
        id=row[0],
        section_id=row[1],
        source_id=row[2],
        start=row[3],
        end=row[4],
        day=row[5],
        text=row[6],
    )
