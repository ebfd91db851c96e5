"""The library's table of sources (title, publisher, date, sections, guessed metadata)."""

from __future__ import annotations

from typing import Any, TypeAlias

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from brief.project import Project, SourceRow

Index: TypeAlias = QModelIndex | QPersistentModelIndex
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADERS = ("Title", "Publisher", "Date", "#")  # "#": sections, narrow enough for small windows
_HEADER_TIPS = ("", "", "Date published", "Number of sections")
_FIELDS = ("title", "publisher", "published", None)


class SourcesModel(QAbstractTableModel):
    """Sorting and the date filter happen here, on the Python list: a proxy model would
    call `data` some 400,000 times to sort 10,000 sources."""

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self.all_rows: list[SourceRow] = project.source_rows()
        self.rows: list[SourceRow] = list(self.all_rows)
        self.date_from = ""
        self.date_to = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._italic = QFont()  # guessed values; made once, not for every painted cell
        self._italic.setItalic(True)

    def reload(self) -> None:
        self.beginResetModel()
        self.all_rows = self.project.source_rows()
        self._apply()
        self.endResetModel()

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
        self.rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        field = _FIELDS[column]
        if field is None:
            self.rows.sort(key=lambda r: r.sections)
        else:
            self.rows.sort(key=lambda r: (getattr(r, field) or "").casefold())
        if order == Qt.SortOrder.DescendingOrder:
            self.rows.reverse()

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
