"""Brief: the outline of the current brief, and the briefs of the project."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.outline import ITEM_ID_ROLE, SECTION_ID_ROLE, OutlineModel
from desktop.session import Session
from desktop.views.delegates import OutlineDelegate, WrappingListView


class BriefPanel(QWidget):
    excerpt_selected = Signal(int)  # section id

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = OutlineModel(session, self)
        self.briefs = QComboBox()
        self.briefs.setAccessibleName("Current brief")
        self.briefs.currentIndexChanged.connect(self._brief_chosen)
        self.menu_button = QToolButton()
        self.menu_button.setText("Brief ▾")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setAccessibleName("Brief actions")
        self.view = WrappingListView()
        self.view.setAccessibleName("Brief outline")
        self.view.setModel(self.model)
        self.view.setItemDelegate(OutlineDelegate(self.view))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSpacing(1)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropOverwriteMode(False)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        top = QHBoxLayout()
        top.addWidget(self.briefs, 1)
        top.addWidget(self.menu_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view)
        session.briefs_changed.connect(self.reload_briefs)
        session.current_brief_changed.connect(lambda _: self.reload_briefs())
        self.reload_briefs()

    def reload_briefs(self) -> None:
        self.briefs.blockSignals(True)
        self.briefs.clear()
        for brief in self.session.project.briefs():
            self.briefs.addItem(brief.title, brief.id)
        self.briefs.setCurrentIndex(max(0, self.briefs.findData(self.session.brief_id)))
        self.briefs.blockSignals(False)

    def _brief_chosen(self, index: int) -> None:
        brief_id = self.briefs.itemData(index)
        if brief_id is not None:
            self.session.set_brief(int(brief_id))

    def _current_changed(self, current: Any, previous: Any) -> None:
        section_id = current.data(SECTION_ID_ROLE) if current.isValid() else None
        if section_id:
            self.excerpt_selected.emit(int(section_id))

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedRows())

    def selected_ids(self) -> list[int]:
        return [int(self.model.items[r].id or 0) for r in self.selected_rows()]

    def select_ids(self, ids: list[int]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        for row, item in enumerate(self.model.items):
            if item.id in ids:
                index = self.model.index(row)
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def insertion_row(self) -> int:
        """Where added items go: under the current item, or at the end."""
        current = self.view.currentIndex()
        return current.row() + 1 if current.isValid() else self.model.rowCount()

    def item_id_at(self, row: int) -> int:
        return int(self.model.index(row).data(ITEM_ID_ROLE))
