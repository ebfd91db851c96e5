"""The library's table of sources (title, publisher, date, sections, guessed metadata)."""

from __future__ import annotations

from typing import Any, TypeAlias

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from brief.project import Project, SourceRow

Index: TypeAlias = QModelIndex | QPersistentModelIndex
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADERS = ("Title", "Publisher", "Date", "Sections")
_FIELDS = ("title", "publisher", "published", None)


class SourcesModel(QAbstractTableModel):
    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self.rows: list[SourceRow] = project.source_rows()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.project.source_rows()
        self.endResetModel()

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
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and field is None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SOURCE_ID_ROLE:
            return row.id
        return None

    def row_of(self, source_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.id == source_id), -1)


class SourcesFilter(QSortFilterProxyModel):
    """Sorting by any column, and a date range ("" means open-ended)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.date_from = ""
        self.date_to = ""
        self.setSortRole(Qt.ItemDataRole.EditRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_dates(self, date_from: str, date_to: str) -> None:
        self.date_from, self.date_to = date_from, date_to
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not (self.date_from or self.date_to):
            return True
        model = self.sourceModel()
        assert isinstance(model, SourcesModel)
        date = model.rows[row].published[:10]
        if not date:
            return False
        return (not self.date_from or date >= self.date_from) and (
            not self.date_to or date <= self.date_to
        )
