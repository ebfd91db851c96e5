"""Briefs and their outlines: the operations the window's undo commands call.

`BriefStore` is mixed into `Project`; each public method is one transaction. Outline items
keep their ids through moves, edits and `set_outline`, so an undo that restores an earlier
outline restores the very same items.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace

from brief.errors import NotFoundError
from brief.model import Brief, ItemKind, OutlineItem
from brief.rows import now

_ITEM_COLUMNS = "id, position, kind, text, level, section_id, span_start, span_end"
UNTITLED = "Untitled brief"  # the brief a project gets when it has none


class BriefStore:
    """Brief operations over the project's connection (provided by `Project`)."""

    _db: sqlite3.Connection

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by Project
        raise NotImplementedError

    # -- briefs -----------------------------------------------------------------------------
    def new_brief(
        self, title: str, *, subtitle: str = "", author: str = "", date: str = ""
    ) -> Brief:
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO briefs (title, subtitle, author, date, created)"
                " VALUES (?, ?, ?, ?, ?)",
                (title, subtitle, author, date, now()),
            )
        return self.brief(int(cur.lastrowid or 0))

    def briefs(self) -> list[Brief]:
        return [self.brief(r[0]) for r in self._db.execute("SELECT id FROM briefs ORDER BY id")]

    def brief(self, brief_id: int) -> Brief:
        row = self._db.execute(
            "SELECT id, title, subtitle, author, date, created FROM briefs WHERE id = ?",
            (brief_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no brief {brief_id} in this project.")
        return Brief(
            id=row[0],
            title=row[1],
            subtitle=row[2],
            author=row[3],
            date=row[4],
            created=row[5],
            items=list(self._items(brief_id)),
        )

    def _items(self, brief_id: int) -> Iterator[OutlineItem]:
        for r in self._db.execute(
            f"SELECT {_ITEM_COLUMNS} FROM brief_items WHERE brief_id = ? ORDER BY position",
            (brief_id,),
        ):
            yield OutlineItem(
                id=r[0],
                position=r[1],
                kind=ItemKind(r[2]),
                text=r[3],
                level=r[4],
                section_id=r[5],
                span=_span(r[6], r[7]),
            )

    def update_brief(self, brief_id: int, **values: str) -> Brief:
        allowed = {"title", "subtitle", "author", "date"}
        if not set(values) <= allowed:
            raise ValueError(f"unknown brief fields: {sorted(set(values) - allowed)}")
        self.brief(brief_id)
        with self._tx() as db:
            for name, value in values.items():
                db.execute(f"UPDATE briefs SET {name} = ? WHERE id = ?", (value, brief_id))
        return self.brief(brief_id)

    def delete_brief(self, brief_id: int) -> None:
        with self._tx() as db:
            if db.execute("DELETE FROM briefs WHERE id = ?", (brief_id,)).rowcount == 0:
                raise NotFoundError(f"There is no brief {brief_id} in this project.")

    def restore_brief(self, brief: Brief, *, replacing: int | None = None) -> Brief:
        """Put a deleted brief back, with its id and its items' ids (undo of delete); in the
        same transaction delete the brief `replacing` (the one made in its place)."""
        with self._tx() as db:
            if replacing is not None:
                db.execute("DELETE FROM briefs WHERE id = ?", (replacing,))
            _restore_brief(db, brief)
        return self.brief(brief.id or 0)

    def remove_brief(self, brief_id: int, replacement: Brief | None = None) -> Brief | None:
        """Delete a brief; a project is never left without one, so deleting the last brief
        makes an empty "Untitled brief" in the same transaction (or puts `replacement`
        back, when redoing), and returns it."""
        with self._tx() as db:
            if db.execute("DELETE FROM briefs WHERE id = ?", (brief_id,)).rowcount == 0:
                raise NotFoundError(f"There is no brief {brief_id} in this project.")
            if db.execute("SELECT 1 FROM briefs LIMIT 1").fetchone() is not None:
                return None
            if replacement is not None:
                _restore_brief(db, replacement)
                made = replacement.id or 0
            else:
                made = int(
                    db.execute(
                        "INSERT INTO briefs (title, created) VALUES (?, ?)",
                        (UNTITLED, now()),
                    ).lastrowid
                    or 0
                )
        return self.brief(made)

    def duplicate_brief(self, brief_id: int, title: str | None = None) -> Brief:
        """A copy of a brief, outline included, under a new title."""
        original = self.brief(brief_id)
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO briefs (title, subtitle, author, date, created)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    title or f"{original.title} (copy)",
                    original.subtitle,
                    original.author,
                    original.date,
                    now(),
                ),
            )
            copy_id = int(cur.lastrowid or 0)
            _write_items(db, copy_id, [replace(item, id=None) for item in original.items])
        return self.brief(copy_id)

    # -- outline ----------------------------------------------------------------------------
    def insert_items(
        self, brief_id: int, items: list[OutlineItem], row: int | None = None
    ) -> list[OutlineItem]:
        """Insert items into a brief's outline at `row` (the end when None). Items that have
        an id keep it (a redo puts back the very items it made); the others get new ids."""
        for item in items:
            check_item(item)
        outline = self._outline_for_change(brief_id)
        row = len(outline) if row is None else max(0, min(row, len(outline)))
        new = list(items)
        with self._tx() as db:
            written = _write_items(db, brief_id, outline[:row] + new + outline[row:])
        for item, stored in zip(items, written[row : row + len(items)], strict=True):
            item.id, item.position = stored.id, stored.position
        return items

    def remove_items(self, brief_id: int, item_ids: Sequence[int]) -> list[OutlineItem]:
        """Remove items; returns them with the rows they stood at, for `restore_items`."""
        gone = set(item_ids)
        outline = self._outline_for_change(brief_id)
        removed = [replace(item, position=n) for n, item in enumerate(outline) if item.id in gone]
        if len(removed) != len(gone):
            raise NotFoundError(f"Some of those items are not in brief {brief_id}.")
        with self._tx() as db:
            _write_items(db, brief_id, [i for i in outline if i.id not in gone])
        return removed

    def restore_items(self, brief_id: int, items: Sequence[OutlineItem]) -> None:
        """Put removed items back at the rows they stood at, with their ids (undo of
        `remove_items`); `items` are ordered by row."""
        for item in items:
            check_item(item)
        outline = self._outline_for_change(brief_id)
        for item in sorted(items, key=lambda i: i.position):
            outline.insert(min(item.position, len(outline)), item)
        with self._tx() as db:
            _write_items(db, brief_id, outline)

    def reorder(self, brief_id: int, item_ids: Sequence[int]) -> None:
        """Put the outline's items in this order (the inverse of a move); `item_ids` must
        name every item of the brief once."""
        outline = {item.id or 0: item for item in self._outline_for_change(brief_id)}
        if sorted(outline) != sorted(item_ids):
            raise NotFoundError(f"The outline of brief {brief_id} has changed; reorder refused.")
        with self._tx() as db:
            _write_items(db, brief_id, [outline[i] for i in item_ids])

    def set_levels(self, levels: dict[int, int]) -> None:
        """Give headings new levels, all in one transaction."""
        with self._tx() as db:
            for item_id, level in levels.items():
                _update_item(db, item_id, None, level)

    def item_ids(self, brief_id: int) -> list[int]:
        """The ids of a brief's outline, in order."""
        return [item.id or 0 for item in self._outline_for_change(brief_id)]

    def move_items(self, brief_id: int, item_ids: Sequence[int], row: int) -> None:
        """Move items (kept in their order) to stand before what is now at `row`."""
        moving_ids = set(item_ids)
        outline = self._outline_for_change(brief_id)
        moving = [i for i in outline if i.id in moving_ids]
        rest = [i for i in outline if i.id not in moving_ids]
        before = sum(1 for n, i in enumerate(outline) if n < row and i.id not in moving_ids)
        with self._tx() as db:
            _write_items(db, brief_id, rest[:before] + moving + rest[before:])

    def update_item(
        self, item_id: int, *, text: str | None = None, level: int | None = None
    ) -> None:
        with self._tx() as db:
            _update_item(db, item_id, text, level)

    def set_excerpt_sections(self, sections: dict[int, int]) -> None:
        """Point excerpts (item id -> section id) at other sections, all or none: citing a
        story's original instead of a copy, and undoing that."""
        with self._tx() as db:
            for item_id, section_id in sections.items():
                row = db.execute("SELECT kind FROM brief_items WHERE id = ?", (item_id,)).fetchone()
                if row is None or row[0] != ItemKind.EXCERPT.value:
                    raise NotFoundError(f"There is no excerpt {item_id} in this project.")
                if (
                    db.execute("SELECT 1 FROM sections WHERE id = ?", (section_id,)).fetchone()
                    is None
                ):
                    raise NotFoundError(f"There is no section {section_id} in this project.")
                db.execute(
                    "UPDATE brief_items SET section_id = ? WHERE id = ?", (section_id, item_id)
                )

    def set_outline(self, brief_id: int, items: list[OutlineItem]) -> None:
        """Replace a brief's whole outline (undo and redo restore outlines this way)."""
        for item in items:
            check_item(item)
        self._outline_for_change(brief_id)
        with self._tx() as db:
            _write_items(db, brief_id, items)

    def used_section_ids(self, brief_id: int) -> set[int]:
        return {
            r[0]
            for r in self._db.execute(
                "SELECT section_id FROM brief_items WHERE brief_id = ? AND section_id IS NOT NULL",
                (brief_id,),
            )
        }

    def _outline_for_change(self, brief_id: int) -> list[OutlineItem]:
        if self._db.execute("SELECT 1 FROM briefs WHERE id = ?", (brief_id,)).fetchone() is None:
            raise NotFoundError(f"There is no brief {brief_id} in this project.")
        return list(self._items(brief_id))


def _update_item(db: sqlite3.Connection, item_id: int, text: str | None, level: int | None) -> None:
    row = db.execute(f"SELECT {_ITEM_COLUMNS} FROM brief_items WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no outline item {item_id}.")
    item = OutlineItem(
        id=row[0],
        position=row[1],
        kind=ItemKind(row[2]),
        text=row[3] if text is None else text,
        level=row[4] if level is None else level,
        section_id=row[5],
        span=_span(row[6], row[7]),
    )
    check_item(item)
    db.execute(
        "UPDATE brief_items SET text = ?, level = ? WHERE id = ?", (item.text, item.level, item_id)
    )


def _restore_brief(db: sqlite3.Connection, brief: Brief) -> None:
    db.execute(
        "INSERT INTO briefs (id, title, subtitle, author, date, created) VALUES (?, ?, ?, ?, ?, ?)",
        (brief.id, brief.title, brief.subtitle, brief.author, brief.date, brief.created or now()),
    )
    _write_items(db, brief.id or 0, brief.items)


def covered(items: Sequence[OutlineItem], index: int) -> range:
    """The items a heading covers: itself and all up to the next heading of its level or
    higher. Any other item covers only itself."""
    head = items[index]
    if head.kind is not ItemKind.HEADING:
        return range(index, index + 1)
    end = index + 1
    while end < len(items) and not (
        items[end].kind is ItemKind.HEADING and items[end].level <= head.level
    ):
        end += 1
    return range(index, end)


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None or end is None else (int(start), int(end))


def check_item(item: OutlineItem) -> None:
    if item.span is not None:
        if item.kind is not ItemKind.EXCERPT:
            raise ValueError("only excerpts quote a part of a section")
        if not 0 <= item.span[0] < item.span[1]:
            raise ValueError("a quote's span must hold some text")
    if item.kind is ItemKind.EXCERPT and item.section_id is None:
        raise ValueError("an excerpt needs a section")
    if item.kind is not ItemKind.EXCERPT and item.section_id is not None:
        raise ValueError("only excerpts refer to sections")
    if not 1 <= item.level <= 3:
        raise ValueError("heading levels run from 1 to 3")


def _write_items(
    db: sqlite3.Connection, brief_id: int, items: Sequence[OutlineItem]
) -> list[OutlineItem]:
    """Rewrite a brief's outline in this order; items with an id keep it."""
    db.execute("DELETE FROM brief_items WHERE brief_id = ?", (brief_id,))
    written: list[OutlineItem | None] = [None] * len(items)
    # Items that keep their id go in first, so that a new item's id cannot take one of theirs.
    order = sorted(range(len(items)), key=lambda n: items[n].id is None)
    for position in order:
        item = items[position]
        try:
            cur = db.execute(
                "INSERT INTO brief_items (id, brief_id, position, kind, text, level, section_id,"
                " span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    item.id,
                    brief_id,
                    position,
                    item.kind.value,
                    item.text,
                    item.level,
                    item.section_id,
                    *(item.span or (None, None)),
                ),
            )
        except sqlite3.IntegrityError as exc:
            raise NotFoundError(f"There is no section {item.section_id} in this project.") from exc
        written[position] = replace(item, id=int(cur.lastrowid or 0), position=position)
    return [item for item in written if item is not None]
