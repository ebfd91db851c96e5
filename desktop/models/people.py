"""Who said what: the speakers the project's sources quote, and one speaker's quotes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from brief.story.said import Speaker, StoredQuote
from desktop.mime import QUOTES_MIME
from desktop.models.table import Index, RowsModel
from desktop.session import Session

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 3


class SpeakersModel(RowsModel):
    """Everyone quoted, the most quoted first; a filter keeps the names holding its words."""

    HEADERS = ("Speaker", "Role", "Quotes", "Sources")

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(session, parent)
        self.all_rows: list[Speaker] = []
        self.rows: list[Speaker] = []
        self.filter = ""

    def reload(self) -> None:
        self.beginResetModel()
        self.all_rows = self.session.project.speakers()
        self._apply()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self.filter = text
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        words = self.filter.casefold().split()
        self.rows = [
            s
            for s in self.all_rows
            if all(w in f"{s.name} {' '.join(s.roles)}".casefold() for w in words)
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.name, "; ".join(row.roles), row.quotes, row.sources)
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and row.roles:
            return "\n".join(row.roles)
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            return f"{row.name}, {row.quotes} quotes in {row.sources} sources"
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class QuotesModel(RowsModel):
    """One speaker's quotes with their source; rows drag into the brief as excerpts of the
    quote's words."""

    HEADERS = ("Source", "Date", "Said")
    MIME_TYPE = QUOTES_MIME

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(session, parent)
        self.key: str | None = None
        self.rows: list[StoredQuote] = []
        self._sources: dict[int, tuple[str, str]] = {}  # source id -> (title, date)

    def set_speaker(self, key: str | None) -> None:
        self.beginResetModel()
        self.key = key
        self.rows = self.session.project.quotes_by(key) if key else []
        self._sources = {}
        for quote in self.rows:
            if quote.source_id not in self._sources:
                meta = self.session.project.meta(quote.source_id)
                self._sources[quote.source_id] = (
                    meta.publisher or meta.title or "untitled",
                    meta.published[:10],
                )
        self.endResetModel()

    def said(self, quote: StoredQuote) -> str:
        """A direct quote in quotation marks; a reported one as the text reports it."""
        words = " ".join(quote.text.split())
        return f"“{words}”" if quote.direct else words

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        quote = self.row_at(index)
        if quote is None:
            return None
        outlet, date = self._sources.get(quote.source_id, ("", ""))
        if role == Qt.ItemDataRole.DisplayRole:
            values = (outlet, date, self.said(quote))
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = "In quotation marks" if quote.direct else "Reported"
            role_line = f", {quote.role}" if quote.role else ""
            return f"{quote.speaker}{role_line}\n{kind}, in {outlet}\n\n{quote.text[:1500]}"
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            return f"{outlet}: {self.said(quote)[:300]}"
        if role == QUOTE_ID_ROLE:
            return quote.id
        if role == SECTION_ID_ROLE:
            return quote.section_id
        return None

    def drag_ids(self, rows: list[StoredQuote]) -> list[int]:
        return [quote.id for quote in rows]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The quotes' ids, and their words as text for anywhere else they are dropped."""
        data = super().mimeData(indexes)
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setText("\n\n".join(self.said(self.rows[r]) for r in rows))
        return data
