"""The panels docked under the window (Also Reported By, People, Timeline): hidden until
asked for, tabbed together, a share of the window high the first time one shows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QMainWindow,
    QTableView,
    QWidget,
)


class PanelDock(QDockWidget):
    def __init__(
        self, title: str, name: str, panel: QWidget, focus: QWidget, window: QMainWindow
    ) -> None:
        super().__init__(title, window)
        self.setObjectName(name)  # the window saves and restores docks by name
        self.setWidget(panel)
        self.focus = focus  # what the keyboard starts on when the panel shows
        self.sized = False  # True once shown at its first size, or restored with the window
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()

    def toggle(self) -> bool:
        """Show it (raised, focused), or hide it again; True if it is shown."""
        if self.isVisible():
            self.hide()
            return False
        self.show()
        self.raise_()
        window = self.parentWidget()
        if not self.sized and isinstance(window, QMainWindow):
            self.sized = True
            height = max(180, window.height() // 3)
            window.resizeDocks([self], [height], Qt.Orientation.Vertical)
        self.focus.setFocus()
        return True


def table_view(model: QAbstractItemModel, name: str, *, several: bool = True) -> QTableView:
    """A panel's table: whole rows selected (several, or one), rows drag if the model lets
    them, its last column stretched and the others as wide as their contents."""
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    mode = QAbstractItemView.SelectionMode
    view.setSelectionMode(mode.ExtendedSelection if several else mode.SingleSelection)
    view.setDragEnabled(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    for column in range(model.columnCount() - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def select_row(view: QTableView, row: int, *, adding: bool = False) -> None:
    """Select a row (`adding` it to those selected) and make it current, through the
    selection model (the table's selectRow does nothing while its header has not yet taken
    in a model's reset)."""
    flag = QItemSelectionModel.SelectionFlag
    how = (flag.Select if adding else flag.ClearAndSelect) | flag.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), how)


def chosen(view: QTableView, role: int) -> list[int]:
    """The selected rows' ids (under `role`), top to bottom."""
    rows = sorted(i.row() for i in view.selectionModel().selectedRows())
    return [int(view.model().index(r, 0).data(role)) for r in rows]


class RowsPanel(QWidget):
    """A panel over a table whose rows name a paragraph: Show in Reader (or Enter, or a
    double click) asks for the current row's paragraph, Add to Brief for the chosen rows.
    Subclasses set `rows` (the table acted on), `section_role` and `id_role` (the ids Add to
    Brief sends: sections, or quotes), and connect `rows.activated` to `activated`."""

    section_requested = Signal(int)  # a paragraph to show in the reader
    add_requested = Signal(list)  # ids (of `id_role`) to add to the brief

    rows: QTableView
    section_role: int
    id_role: int

    @Slot()
    def show_current(self) -> None:
        self.activated(self.rows.currentIndex())

    @Slot()
    def add_selected(self) -> None:
        ids = list(dict.fromkeys(chosen(self.rows, self.id_role)))
        if ids:
            self.add_requested.emit(ids)

    @Slot(QModelIndex)
    def activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.section_requested.emit(int(index.data(self.section_role)))
