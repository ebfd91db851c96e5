"""The timeline: the events of the sources (the days their sections speak of) in order of
the day, between two days the user chooses."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from brief.story.dated import StoredEvent
from desktop.mime import SECTIONS_MIME
from desktop.models.table import Index, RowsModel
from desktop.session import Session

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_SENTENCE_END = re.compile(r"[.!?…]+[\"”»’]?\s+(?=[\"“«„‘]?\w)")


def _ends(text: str) -> list[int]:
    """Where sentences end: a full stop before a capital ("No. 4 rang" goes on)."""
    return [
        m.start() + len(m.group().rstrip())
        for m in _SENTENCE_END.finditer(text)
        if text[m.end() : m.end() + 2].lstrip('"“«„‘')[:1].isupper()
    ]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of a section holding the words at start:end."""
    ends = _ends(text)
    first = max((e for e in ends if e <= start), default=0)
    last = min((e for e in ends if e >= end), default=len(text))
    return " ".join(text[first:last].split())


def day_label(day: str) -> str:
    """ "2026-03-17 Tue": sortable, and the weekday a reader checks "on Tuesday" against."""
    try:
        return f"{day} {date.fromisoformat(day).strftime('%a')}"
    except ValueError:
        return day


class EventsModel(RowsModel):
    """One row per event, by day; rows drag into the brief as excerpts of their section."""

    HEADERS = ("Day", "Source", "What the source says")
    MIME_TYPE = SECTIONS_MIME

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(session, parent)
        self.first = ""
        self.last = ""
        self.rows: list[StoredEvent] = []
        self._sources: dict[int, str] = {}

    def set_days(self, first: str, last: str) -> None:
        self.beginResetModel()
        self.first, self.last = first, last
        self.rows = self.session.project.events_between(first, last)
        self._sources = {}
        for event in self.rows:
            if event.source_id not in self._sources:
                meta = self.session.project.meta(event.source_id)
                self._sources[event.source_id] = meta.publisher or meta.title or "untitled"
        self.endResetModel()

    def reload(self) -> None:
        self.set_days(self.first, self.last)

    def source_ids(self) -> frozenset[int]:
        return frozenset(e.source_id for e in self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        event = self.row_at(index)
        if event is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                day_label(event.day),
                self._sources.get(event.source_id, ""),
                sentence_around(event.text, event.start, event.end),
            )
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            words = event.text[event.start : event.end]
            return f"“{words}” is {day_label(event.day)}\n\n{event.text[:1500]}"
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            said = sentence_around(event.text, event.start, event.end)
            return f"{day_label(event.day)}, {self._sources.get(event.source_id, '')}: {said}"
        if role == SECTION_ID_ROLE:
            return event.section_id
        if role == SOURCE_ID_ROLE:
            return event.source_id
        return None

    def drag_ids(self, rows: list[StoredEvent]) -> list[int]:
        return [event.section_id for event in rows]
