"""The library's table of sources (title, publisher, date, story family, sections, guessed
metadata)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from brief.project import Project, SourceRow
from brief.story.families import Family

Index: TypeAlias = QModelIndex | QPersistentModelIndex
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADERS = ("Title", "Publisher", "Date", "Story", "#")  # "#": sections, narrow enough
_HEADER_TIPS = (
    "",
    "",
    "Date published",
    "Sources sharing paragraphs with this one: the same story copied, reposted or rewritten",
    "Number of sections",
)
_FIELDS = ("title", "publisher", "published", "story", None)
STORY_COLUMN = 3


class SourcesModel(QAbstractTableModel):
    """Sorting and the date filter happen here, on the Python list: a proxy model would
    call `data` some 400,000 times to sort 10,000 sources."""

    def __init__(
        self, project: Project, families: Callable[[], dict[int, Family]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self._families = families
        self.families = families()
        self.all_rows: list[SourceRow] = project.source_rows()
        self.rows: list[SourceRow] = list(self.all_rows)
        self.date_from = ""
        self.date_to = ""
        self.story: frozenset[int] | None = None  # only these sources (one story family)
        self.speaking_of: frozenset[int] | None = None  # only these (the timeline's days)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._italic = QFont()  # guessed values; made once, not for every painted cell
        self._italic.setItalic(True)

    def reload(self) -> None:
        self.beginResetModel()
        self.all_rows = self.project.source_rows()
        self.families = self._families()
        self._apply()
        self.endResetModel()

    def set_story(self, source_ids: frozenset[int] | None) -> None:
        """Only these sources (a story family), or all again."""
        self.beginResetModel()
        self.story = source_ids
        self._apply()
        self.endResetModel()

    def set_speaking_of(self, source_ids: frozenset[int] | None) -> None:
        """Only the sources speaking of the timeline's days, or all again."""
        self.beginResetModel()
        self.speaking_of = source_ids
        self._apply()
        self.endResetModel()

    def story_label(self, source_id: int) -> str:
        """ "original · 4", "copy · 4", or "4 alike" when the text does not tell which came
        first; "" for a source that shares no paragraphs."""
        family = self.families.get(source_id)
        if family is None:
            return ""
        if family.original is None:
            return f"{family.size} alike"
        role = "original" if family.original == source_id else "copy"
        return f"{role} · {family.size}"

    def story_tip(self, source_id: int) -> str | None:
        family = self.families.get(source_id)
        if family is None:
            return None
        others = family.size - 1
        tip = f"Shares paragraphs with {others} other source{'s' if others > 1 else ''}."
        if family.original is None:
            return tip + " The text does not tell which came first."
        if family.original == source_id:
            return tip + " This looks like the original."
        title = next((r.title for r in self.all_rows if r.id == family.original), "")
        return tip + f" The original looks like “{title or '(untitled)'}”."

    def set_dates(self, date_from: str, date_to: str) -> None:
        """Only sources published in this range ("" leaves a side open; "2024-03" as the
        end takes all of March)."""
        self.beginResetModel()
        self.date_from, self.date_to = date_from, date_to
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        rows = self.all_rows
        if self.date_from or self.date_to:
            end = self.date_to + "\uffff" if self.date_to else ""
            rows = [
                r
                for r in rows
                if r.published
                and r.published[:10] >= self.date_from
                and (not end or r.published[:10] <= end)
            ]
        if self.story is not None:
            rows = [r for r in rows if r.id in self.story]
        if self.speaking_of is not None:
            rows = [r for r in rows if r.id in self.speaking_of]
        self.rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        field = _FIELDS[column]
        if field is None:
            self.rows.sort(key=lambda r: r.sections)
        elif field == "story":
            self.rows.sort(key=self._story_key)
        else:
            self.rows.sort(key=lambda r: (getattr(r, field) or "").casefold())
        if order == Qt.SortOrder.DescendingOrder:
            self.rows.reverse()

    def _story_key(self, row: SourceRow) -> tuple[bool, int, int, bool, str]:
        """Families together, biggest first, each with its original on top; then the rest."""
        family = self.families.get(row.id)
        if family is None:
            return True, 0, 0, True, row.title.casefold()
        return False, -family.size, family.members[0], row.id != family.original, ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.rows[i.row()].id for i in persistent]
        self._sort = (column, order)
        self._sort_rows(column, order)
        where = {r.id: n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(where[i], p.column()) for i, p in zip(ids, persistent, strict=True)],
        )
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS[section] or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        field = _FIELDS[index.column()]
        if field == "story":
            if role == Qt.ItemDataRole.DisplayRole:
                return self.story_label(row.id)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.story_tip(row.id)
            return row.id if role == SOURCE_ID_ROLE else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if field is None:
                return row.sections if role == Qt.ItemDataRole.EditRole else str(row.sections)
            value = getattr(row, field) or ""
            if field == "title" and not value:
                return "(untitled)"
            if field == "published":
                value = value[:10]
            guessed = field in row.inferred and value
            return f"{value} ≈" if guessed and role == Qt.ItemDataRole.DisplayRole else value
        if role == Qt.ItemDataRole.ToolTipRole and field is not None:
            if field in row.inferred:
                return f"{getattr(row, field)}\nGuessed from the text: check it in the reader."
            return getattr(row, field)
        if role == Qt.ItemDataRole.FontRole and field in row.inferred:
            return self._italic
        if role == Qt.ItemDataRole.TextAlignmentRole and field is None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SOURCE_ID_ROLE:
            return row.id
        return None

    def row_of(self, source_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.id == source_id), -1)
