"""What the project keeps about its sections (near-duplicate keys, quotes, days) shares:
which rules made it (a version per kind in `project_info`, and a rebuild when another
version did), and the sections read back source by source to make it again."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from brief.model import Section, SectionKind


def stored_version(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM project_info WHERE name = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def record_version(db: sqlite3.Connection, key: str, version: str) -> None:
    db.execute("INSERT OR REPLACE INTO project_info (name, value) VALUES (?, ?)", (key, version))


def rebuild_if_changed(
    db: sqlite3.Connection, key: str, version: str, rebuild: Callable[[sqlite3.Connection], None]
) -> None:
    """Rebuild, in a transaction of its own, when what is kept was made by other rules
    (`rebuild` records the version)."""
    if stored_version(db, key) == version:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        rebuild(db)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def sections_by_source(db: sqlite3.Connection) -> dict[int, list[Section]]:
    """Every section, source by source in the order they were stored, each in reading order."""
    by_source: dict[int, list[Section]] = {}
    for section_id, source_id, kind, text in db.execute(
        "SELECT id, source_id, kind, text FROM sections ORDER BY source_id, position"
    ):
        section = Section(kind=SectionKind(kind), text=text, id=section_id, source_id=source_id)
        by_source.setdefault(source_id, []).append(section)
    return by_source
