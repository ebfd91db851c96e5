"""The project's index of near-duplicate sections, kept as sections are stored.

`section_sketches` holds each comparable section's hashed runs (and which section with the
same words holds its keys, if another does), `section_keys` the band keys, and
`section_matches` each pair of sections of different sources found alike, with their
resemblance. They follow the sections (ON DELETE CASCADE; `forget_sources` first hands on
keys that twins share); an undo that puts a source back indexes it again. Everything here
runs inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from brief.model import Section, SectionKind
from brief.story.sketch import VERSION, Sketch, resemblance, runs_hash, sketch, unpack_runs
from brief.story.versions import (
    rebuild_if_changed,
    record_version,
    sections_by_source,
    stored_version,
)

#: Resemblance from which two sections count as copies of one another: a rewrite that
#: changes a word in each sentence stays above it, two outlets' own sentences about one
#: event stay far below it.
MATCH = 0.5
_COMPARED = (SectionKind.PARAGRAPH, SectionKind.QUOTE, SectionKind.LIST_ITEM)
_VERSION_KEY = "sketch"
_BATCH = 400  # sections looked up in one query (SQLite takes 32,766 values in one)


def index_sections(db: sqlite3.Connection, source_id: int, sections: Sequence[Section]) -> None:
    """Sketch a newly stored source's sections (their ids set), record their matches with
    the sections of other sources already indexed, then store their sketches.

    A section whose words are those of one already indexed (the same wire paragraph in
    another outlet) is its twin: it takes that one's matches, and adds no keys."""
    fresh, twins = [], []
    for section in sections:
        if section.kind not in _COMPARED or section.id is None:
            continue
        found = sketch(section.text)
        if found is None:
            continue
        packed = found.packed_runs()
        hashed = runs_hash(packed)
        row = db.execute(
            "SELECT section_id FROM section_sketches WHERE runs_hash = ? AND runs = ?"
            " AND twin IS NULL",
            (hashed, packed),
        ).fetchone()
        twin = row[0] if row else None
        if twin is not None:
            twins.append((section.id, twin))
        db.execute(
            "INSERT INTO section_sketches (section_id, source_id, runs, runs_hash, twin)"
            " VALUES (?, ?, ?, ?, ?)",
            (section.id, source_id, packed, hashed, twin),
        )
        if twin is None:
            fresh.append((section.id, found))
    for start in range(0, len(fresh), _BATCH):
        batch = fresh[start : start + _BATCH]
        _match(db, source_id, batch)
        db.executemany(
            "INSERT INTO section_keys (key, section_id) VALUES (?, ?)",
            [(key, section_id) for section_id, found in batch for key in found.keys],
        )
    for section_id, twin in twins:  # last: a twin of a paragraph earlier in this source
        _match_twin(db, source_id, section_id, twin)  # takes its matches, found just now


def _match_twin(db: sqlite3.Connection, source_id: int, section_id: int, twin: int) -> None:
    """A twin's matches: the section holding its keys and that one's other twins, alike in
    every word, and whatever they match, as alike as to them."""
    alike = {
        other: (1.0, source)
        for other, source in db.execute(
            "SELECT section_id, source_id FROM section_sketches WHERE section_id = ? OR twin = ?",
            (twin, twin),
        )
    }
    for other, score, source in db.execute(
        "SELECT s.section_id, m.resemblance, s.source_id FROM section_matches m"
        " JOIN section_sketches s ON s.section_id = CASE WHEN m.a = ? THEN m.b ELSE m.a END"
        " WHERE m.a = ? OR m.b = ?",
        (twin, twin, twin),
    ):
        alike.setdefault(other, (score, source))
    _store_matches(db, source_id, section_id, alike)


def _store_matches(
    db: sqlite3.Connection, source_id: int, section_id: int, alike: dict[int, tuple[float, int]]
) -> None:
    """Record a section's matches (other section -> resemblance and its source), leaving out
    those of its own source."""
    db.executemany(
        "INSERT OR REPLACE INTO section_matches (a, b, resemblance) VALUES (?, ?, ?)",
        [
            (*sorted((section_id, other)), score)
            for other, (score, source) in alike.items()
            if source != source_id
        ],
    )


def _match(db: sqlite3.Connection, source_id: int, batch: list[tuple[int, Sketch]]) -> None:
    """Look up the batch's keys in one query; check each candidate's runs."""
    wanted: dict[int, list[int]] = {}
    for n, (_, found) in enumerate(batch):
        for key in found.keys:
            wanted.setdefault(key, []).append(n)
    marks = ", ".join("?" * len(wanted))
    candidates: dict[int, set[int]] = {}  # batch position -> candidate sections
    runs: dict[int, tuple[bytes, int]] = {}  # candidate -> its runs and its source
    # one row per candidate with the keys it shares: a copy shares most of its keys
    for other_id, packed, source, keys in db.execute(
        "SELECT k.section_id, s.runs, s.source_id, group_concat(k.key) FROM section_keys k"
        " JOIN section_sketches s ON s.section_id = k.section_id"
        f" WHERE k.key IN ({marks}) AND s.source_id != ? GROUP BY k.section_id",
        (*wanted, source_id),
    ):
        runs[other_id] = packed, source
        for n in {n for key in keys.split(",") for n in wanted[int(key)]}:
            candidates.setdefault(n, set()).add(other_id)
    for n, others in candidates.items():
        section_id, found = batch[n]
        alike = {}
        for other_id in others:
            packed, source = runs[other_id]
            score = resemblance(found.runs, unpack_runs(packed))
            if score >= MATCH:
                alike[other_id] = (round(score, 4), source)
        if alike:  # and the twins of those, alike to the same degree
            marks = ", ".join("?" * len(alike))
            for twin_id, twin, source in db.execute(
                f"SELECT section_id, twin, source_id FROM section_sketches WHERE twin IN ({marks})",
                tuple(alike),
            ):
                alike[twin_id] = (alike[twin][0], source)
        _store_matches(db, source_id, section_id, alike)


def rebuild(db: sqlite3.Connection) -> None:
    """Index every section again, source by source in the order they were stored."""
    db.execute("DELETE FROM section_matches")
    db.execute("DELETE FROM section_keys")
    db.execute("UPDATE section_sketches SET twin = NULL")
    db.execute("DELETE FROM section_sketches")
    for source_id, sections in sections_by_source(db).items():
        index_sections(db, source_id, sections)
    record_version(db, _VERSION_KEY, VERSION)


def is_current(db: sqlite3.Connection) -> bool:
    """True when the stored keys were made the way this version makes them."""
    return stored_version(db, _VERSION_KEY) == VERSION


def refresh(db: sqlite3.Connection) -> None:
    """Rebuild the index when its keys were made another way (an upgraded rensa, other
    bands): keys made two ways would never meet."""
    rebuild_if_changed(db, _VERSION_KEY, VERSION, rebuild)


def forget_sources(db: sqlite3.Connection, source_ids: Sequence[int]) -> None:
    """Before these sources' sections go: a section of theirs holding the keys of twins in
    other sources hands the keys to the first of those twins, which the others follow."""
    marks = ", ".join("?" * len(source_ids))
    leaving = db.execute(
        "SELECT DISTINCT t.twin FROM section_sketches t JOIN section_sketches s"
        f" ON s.section_id = t.twin WHERE s.source_id IN ({marks})"
        f" AND t.source_id NOT IN ({marks})",
        (*source_ids, *source_ids),
    ).fetchall()
    for (old,) in leaving:
        (heir,) = db.execute(
            "SELECT MIN(section_id) FROM section_sketches WHERE twin = ?"
            f" AND source_id NOT IN ({marks})",
            (old, *source_ids),
        ).fetchone()
        db.execute("UPDATE section_sketches SET twin = NULL WHERE section_id = ?", (heir,))
        db.execute("UPDATE section_sketches SET twin = ? WHERE twin = ?", (heir, old))
        db.execute("UPDATE section_keys SET section_id = ? WHERE section_id = ?", (heir, old))
