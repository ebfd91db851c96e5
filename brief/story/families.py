"""Story families: sources that share paragraphs (wire copy, reposts, light rewrites), and
which of them is the original.

Two sources are related when most of one's compared text (its paragraphs long enough to be
compared) is found in the other (brief.story.index): a repost's few paragraphs, a pickup's
whole text. A paragraph or two in common is not a copy: two outlets quoting the same
statement, however they split it, each tell their own story; and a copy belongs with the
source holding most of it, not also with another that shares a paragraph of it.
A family is a connected group of related sources. Its original is, where the text tells:
not a reposted excerpt, then the earliest published, then the one holding most of the
others' paragraphs.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass

_COPIED = 0.5  # share of a source's compared text found in the other: a copy of it
_PARAMETERS = 10_000  # ids passed to one SQL statement
_CLEARLY = 0.05  # holding this much more of the others' text than any other member


@dataclass(frozen=True)
class Family:
    """A group of sources sharing text, the original first."""

    members: tuple[int, ...]  # source ids, the original first, then by id
    original: int | None  # None when the text does not tell

    @property
    def size(self) -> int:
        return len(self.members)

    def relatives(self, source_id: int) -> tuple[int, ...]:
        return tuple(m for m in self.members if m != source_id)


@dataclass
class _Member:
    id: int
    published: str
    is_excerpt: bool


def families(db: sqlite3.Connection) -> dict[int, Family]:
    """Each source that has relatives, mapped to its family."""
    # for each pair of sources, each side's sections that match the other side
    sides: dict[tuple[int, int], tuple[dict[int, int], dict[int, int]]] = {}
    # other sources' sections that a source holds: section -> (its length, its source)
    covered: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    for a, source_a, length_a, b, source_b, length_b in db.execute(
        "SELECT m.a, sa.source_id, length(sa.text), m.b, sb.source_id, length(sb.text)"
        " FROM section_matches m JOIN sections sa ON sa.id = m.a JOIN sections sb ON sb.id = m.b"
    ):
        if source_a > source_b:
            a, source_a, length_a, b, source_b, length_b = (
                b, source_b, length_b, a, source_a, length_a
            )  # fmt: skip
        first, second = sides.setdefault((source_a, source_b), ({}, {}))
        first[a], second[b] = length_a, length_b
        covered[source_a][b] = (length_b, source_b)
        covered[source_b][a] = (length_a, source_a)
    if not sides:
        return {}
    sizes = _compared_sizes(db, set(covered))
    parent = {s: s for s in covered}

    def root(s: int) -> int:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    # (share copied, the copy, the source holding it), best first
    candidates = []
    for (a, b), (of_a, of_b) in sides.items():
        for copy, side, other in ((a, of_a, b), (b, of_b, a)):
            share = sum(side.values()) / max(sizes.get(copy, 0), 1)
            if share >= _COPIED:
                candidates.append((share, copy, other))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    linked: set[int] = set()
    placed: set[int] = set()  # copies already joined to the source holding most of them
    for _share, copy, other in candidates:
        if root(copy) != root(other):
            if copy in placed:
                continue  # a repost quoting a statement another story quotes too
            parent[root(copy)] = root(other)
        placed.add(copy)
        linked.update((copy, other))
    groups: dict[int, list[int]] = defaultdict(list)
    for s in sorted(linked):
        groups[root(s)].append(s)
    members = _members(db, linked)
    result: dict[int, Family] = {}
    for group in groups.values():
        original = _original([members[s] for s in group], covered)
        lead = () if original is None else (original,)
        family = Family(
            members=(*lead, *(s for s in group if s != original)),
            original=original,
        )
        for s in group:
            result[s] = family
    return result


def _chunks(ids: set[int]) -> list[tuple[int, ...]]:
    """The ids in groups small enough for one statement's parameters (SQLite's limit is
    32,766; a family-rich project may link more sources than that)."""
    ordered = sorted(ids)
    return [tuple(ordered[n : n + _PARAMETERS]) for n in range(0, len(ordered), _PARAMETERS)]


def _compared_sizes(db: sqlite3.Connection, sources: set[int]) -> dict[int, int]:
    """Characters of each source's compared sections (those with a sketch)."""
    sizes: dict[int, int] = {}
    for chunk in _chunks(sources):
        marks = ", ".join("?" * len(chunk))
        sizes.update(
            db.execute(
                "SELECT k.source_id, SUM(length(s.text)) FROM section_sketches k"
                f" JOIN sections s ON s.id = k.section_id WHERE k.source_id IN ({marks})"
                " GROUP BY k.source_id",
                chunk,
            ).fetchall()
        )
    return sizes


def _members(db: sqlite3.Connection, sources: set[int]) -> dict[int, _Member]:
    members = {}
    for chunk in _chunks(sources):
        marks = ", ".join("?" * len(chunk))
        for source_id, published, excerpt in db.execute(
            "SELECT id, published, json_extract(meta, '$.is_excerpt')"
            f" FROM sources WHERE id IN ({marks})",
            chunk,
        ):
            members[source_id] = _Member(source_id, published or "", bool(excerpt))
    return members


def _original(group: list[_Member], covered: dict[int, dict[int, tuple[int, int]]]) -> int | None:
    """The member that is not a reposted excerpt, then the earliest dated (a member without
    a date comes last), then the one holding clearly most of the others' text (a copy drops
    paragraphs, adds a standfirst); None when the text does not tell: two members alike on
    the first two and within 5 % of each other on the third. Only the family's own text
    counts: a paragraph quoted by another story says nothing about which came first."""
    ids = {m.id for m in group}

    def held(member: _Member) -> int:
        return sum(n for n, source in covered[member.id].values() if source in ids)

    def rank(member: _Member) -> tuple[bool, str]:
        return member.is_excerpt, member.published[:10] or "\uffff"

    first = min(rank(m) for m in group)
    contenders = sorted(((held(m), m.id) for m in group if rank(m) == first), reverse=True)
    if len(contenders) > 1 and contenders[1][0] >= (1 - _CLEARLY) * contenders[0][0]:
        return None
    return contenders[0][1]


def original_section(
    db: sqlite3.Connection, section_id: int, known: dict[int, Family] | None = None
) -> int | None:
    """The section of its family's original that this section of a copy repeats (the one
    most alike), or None: the source has no family, is the original, the original is not
    known, or the original does not hold this paragraph. `known`: the families, when the
    caller has them (working them out reads every match)."""
    row = db.execute("SELECT source_id FROM sections WHERE id = ?", (section_id,)).fetchone()
    family = (families(db) if known is None else known).get(row[0]) if row else None
    if family is None or family.original is None or family.original == row[0]:
        return None
    found = db.execute(
        "SELECT CASE WHEN m.a = ? THEN m.b ELSE m.a END FROM section_matches m"
        " JOIN sections s ON s.id = CASE WHEN m.a = ? THEN m.b ELSE m.a END"
        " WHERE (m.a = ? OR m.b = ?) AND s.source_id = ?"
        " ORDER BY m.resemblance DESC, s.position LIMIT 1",
        (section_id, section_id, section_id, section_id, family.original),
    ).fetchone()
    return found[0] if found else None
