"""Recovering what can be read from a damaged project into a new one.

SQLite's own `.recover` lives in its shell, not in Python's module; this copies row by row
instead: every row a damaged page still yields is kept with its id, rows whose parent was
lost are left out, and a source whose sections are unreadable gets them again from its
cleaned text (split at its blank lines, as import made them; their kinds are lost).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import ProjectError
from brief.project import Project

log = logging.getLogger(__name__)
_TABLES = {
    "sources": "id, meta, title, publisher, published, text, file_name, file_hash, junk_lines,"
    " added",
    "sections": 'id, source_id, position, kind, text, start, "end"',
    "briefs": "id, title, subtitle, author, date, created",
    "brief_items": "id, brief_id, position, kind, text, level, section_id",
}


@dataclass
class Recovery:
    """What was saved, table by table, and what was lost."""

    kept: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)
    rebuilt_sources: int = 0  # sources whose sections were remade from their text

    def summary(self) -> str:
        parts = [f"{self.kept.get(t, 0)} {t.replace('_', ' ')}" for t in _TABLES]
        text = "recovered " + ", ".join(parts)
        lost = {t: n for t, n in self.lost.items() if n}
        if lost:
            text += "; unreadable or orphaned: " + ", ".join(f"{n} {t}" for t, n in lost.items())
        if self.rebuilt_sources:
            text += f"; sections of {self.rebuilt_sources} source(s) rebuilt from their text"
        return text


def _rows(db: sqlite3.Connection, table: str, columns: str) -> Iterator[tuple[Any, ...] | None]:
    """Every readable row by id; None for each id range a damaged page hides."""
    try:
        top = db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = 10_000_000  # the b-tree's root is gone: probe ids one by one, in blocks
    step = 256
    for start in range(1, top + 1, step):
        try:
            yield from db.execute(
                f"SELECT {columns} FROM {table} WHERE id >= ? AND id < ? ORDER BY id",
                (start, start + step),
            ).fetchall()
        except sqlite3.DatabaseError:
            found_any = False
            for row_id in range(start, start + step):
                try:
                    row = db.execute(
                        f"SELECT {columns} FROM {table} WHERE id = ?", (row_id,)
                    ).fetchone()
                except sqlite3.DatabaseError:
                    yield None
                    continue
                if row is not None:
                    found_any = True
                    yield row
            if not found_any and top == 10_000_000:
                return  # nothing readable in this block of a rootless table: stop probing


def recover(damaged: Path, target: Path) -> Recovery:
    """Copy what can be read of `damaged` into a new project at `target`."""
    if target.exists():
        raise ProjectError(f"{target}: a file of that name already exists.")
    try:
        source = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{damaged}: the file cannot be read at all ({exc}).") from exc
    report = Recovery()
    with Project.create(target) as project:
        db = project._db
        with project._tx():
            for table, columns in _TABLES.items():
                kept = lost = 0
                marks = ", ".join("?" for _ in columns.split(","))
                for row in _rows(source, table, columns):
                    if row is None:
                        lost += 1
                        continue
                    try:
                        db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", row)
                        kept += 1
                    except sqlite3.IntegrityError:
                        lost += 1  # its source, brief or section was lost
                report.kept[table], report.lost[table] = kept, lost
            _copy_pages(source, db)
            report.rebuilt_sources = _rebuild_sections(db)
            db.execute("UPDATE sources SET text_hash = ''")  # recomputed on the next import
    source.close()
    log.info("recovered %s into %s: %s", damaged, target, report.summary())
    return report


def _copy_pages(damaged: sqlite3.Connection, db: sqlite3.Connection) -> None:
    """The page of each PDF section, where the damaged file has them (format 3 on) and they
    can be read: a lost page only costs the pinpoint its page number."""
    try:
        rows = damaged.execute("SELECT id, page FROM sections WHERE page IS NOT NULL").fetchall()
    except sqlite3.DatabaseError:
        return
    db.executemany("UPDATE sections SET page = ? WHERE id = ?", [(p, i) for i, p in rows])


def _rebuild_sections(db: sqlite3.Connection) -> int:
    """Sources left without sections get paragraphs again from their cleaned text."""
    bare = db.execute(
        "SELECT id, text FROM sources s WHERE NOT EXISTS"
        " (SELECT 1 FROM sections c WHERE c.source_id = s.id)"
    ).fetchall()
    for source_id, text in bare:
        offset = 0
        for position, block in enumerate(text.split("\n\n")):
            start = text.index(block, offset)
            if block.strip():
                db.execute(
                    'INSERT INTO sections (source_id, position, kind, text, start, "end")'
                    " VALUES (?, ?, 'paragraph', ?, ?, ?)",
                    (source_id, position, block, start, start + len(block)),
                )
            offset = start + len(block)
    return len(bare)
