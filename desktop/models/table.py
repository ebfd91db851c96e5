"""A flat table over a list of rows, for the story map's panels: headers, their tooltips,
and rows that drag (as ids under one of Briefsmith's MIME types)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from desktop.mime import encode
from desktop.session import Session

Index: TypeAlias = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Subclasses set HEADERS (and TIPS), fill `rows`, and say what a cell shows (`data`);
    with a MIME_TYPE, rows drag as the ids `drag_ids` gives."""

    HEADERS: tuple[str, ...] = ()
    TIPS: tuple[str, ...] = ()
    MIME_TYPE = ""  # "": rows do not drag

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.TIPS):
            return self.TIPS[section]
        return None

    def row_at(self, index: Index) -> Any | None:
        """The row an index is in, or None for an index of no row."""
        valid = index.isValid() and 0 <= index.row() < len(self.rows)
        return self.rows[index.row()] if valid else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsDragEnabled if self.MIME_TYPE else flags

    def mimeTypes(self) -> list[str]:
        return [self.MIME_TYPE] if self.MIME_TYPE else []

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def drag_ids(self, rows: list[Any]) -> list[int]:
        raise NotImplementedError

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = [self.rows[r] for r in sorted({i.row() for i in indexes if i.isValid()})]
        ids = list(dict.fromkeys(self.drag_ids(rows)))  # one excerpt per section
        return encode(self.MIME_TYPE, ids, str(self.session.project.path))
