"""Brief: the outline of the current brief, the briefs of the project, and the commands
that change them (each a call on the session's editor)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QListView,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brief.model import ItemKind
from desktop.models.outline import SECTION_ID_ROLE, OutlineModel
from desktop.session import Session
from desktop.views.delegates import OutlineDelegate, WrappingListView

EMPTY_BRIEF = "This brief is empty.\nDrag sections here, or select them and press Ctrl+Enter."


class BriefPanel(QWidget):
    excerpt_selected = Signal(int)  # section id
    message = Signal(str)  # for the status bar

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.editor = session.editor
        self.model = OutlineModel(session, self)
        self.briefs = QComboBox()
        self.briefs.setAccessibleName("Current brief")
        # Long titles are elided, not allowed to widen the window.
        self.briefs.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.briefs.setMinimumContentsLength(12)
        self.briefs.currentIndexChanged.connect(self._brief_chosen)
        self.menu_button = QToolButton()
        self.menu_button.setText("Brief ▾")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setAccessibleName("Brief actions")
        self.view = WrappingListView(placeholder=EMPTY_BRIEF)
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
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        # A reload (after any edit) keeps the selection, the current item and the focus.
        self._kept: tuple[list[int], int | None, bool] = ([], None, False)
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._restore_selection)
        top = QHBoxLayout()
        top.addWidget(self.briefs, 1)
        top.addWidget(self.menu_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view)
        session.briefs_changed.connect(self.reload_briefs)
        session.current_brief_changed.connect(self._brief_switched)
        self.reload_briefs()

    # -- the briefs ---------------------------------------------------------------------------
    @Slot()
    def reload_briefs(self) -> None:
        self.briefs.blockSignals(True)
        self.briefs.clear()
        for brief in self.session.project.briefs():
            self.briefs.addItem(brief.title, brief.id)
        self.briefs.setCurrentIndex(max(0, self.briefs.findData(self.session.brief_id)))
        self.briefs.blockSignals(False)

    @Slot(int)
    def _brief_switched(self, brief_id: int) -> None:
        self.reload_briefs()

    @Slot(int)
    def _brief_chosen(self, index: int) -> None:
        brief_id = self.briefs.itemData(index)
        if brief_id is not None:
            self.session.set_brief(int(brief_id))

    def new_brief(self) -> None:
        title, ok = QInputDialog.getText(self, "New brief", "Title:")
        if ok and title.strip():
            self.editor.new_brief(title.strip())

    def rename_brief(self) -> None:
        brief = self.session.project.brief(self.session.brief_id)
        title, ok = QInputDialog.getText(self, "Rename brief", "Title:", text=brief.title)
        if ok and title.strip():
            self.editor.rename_brief(brief.id or 0, title.strip())

    def duplicate_brief(self) -> None:
        self.editor.duplicate_brief(self.session.brief_id)

    def delete_brief(self) -> None:
        brief = self.session.project.brief(self.session.brief_id)
        answer = QMessageBox.question(
            self, "Delete brief", f"Delete the brief “{brief.title}”? (Undo brings it back.)"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.delete_brief(brief.id or 0)

    # -- the outline --------------------------------------------------------------------------
    def current_section_id(self) -> int | None:
        """The section of the current item when it is an excerpt."""
        section_id = self.view.currentIndex().data(SECTION_ID_ROLE)
        return int(section_id) if section_id else None

    def current_or_first_excerpt(self) -> int | None:
        """The current excerpt's section; with none current, the outline's first excerpt
        is made current (a command about an excerpt then has one to act on)."""
        if self.current_section_id() is None:
            first = next((i for i in self.model.items if i.kind is ItemKind.EXCERPT), None)
            if first is not None:
                self.select_ids([first.id or 0], first.id)
        return self.current_section_id()

    @Slot(list)
    def add_quotes(self, quote_ids: list[int]) -> None:
        """Quotes (from the People panel) as excerpts of their words, under the current item."""
        ids = self.editor.add_quotes(self.session.brief_id, quote_ids, self.insertion_row())
        if ids:
            self.select_ids(ids)

    @Slot(list)
    def add_sections(self, section_ids: list[int]) -> None:
        ids = self.editor.add_excerpts(self.session.brief_id, section_ids, self.insertion_row())
        if ids:
            self.select_ids(ids)

    def cite_originals(self) -> None:
        """The selected excerpts taken from copies cite their story's original instead."""
        ids = self.selected_ids()
        changed = self.editor.cite_originals(self.session.brief_id, ids)
        if changed:
            self.select_ids(ids)
            self.message.emit(
                f"{changed} excerpt{'s' if changed > 1 else ''} now cite"
                f"{'' if changed > 1 else 's'} the original."
            )
        else:
            self.message.emit(
                "No selected excerpt comes from a copy whose original is known and holds it."
            )

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        rows = self.model.with_covered(self.selected_rows())
        count = self.model.rowCount()
        if not rows or (step < 0 and rows[0] == 0) or (step > 0 and rows[-1] == count - 1):
            return
        ids = [self.model.items[r].id or 0 for r in rows]
        target = rows[0] - 1 if step < 0 else rows[-1] + 2
        label = "Move up" if step < 0 else "Move down"
        if self.editor.move(self.session.brief_id, ids, target, label):
            self.select_ids(ids)

    def indent(self) -> None:
        self._level(1)

    def outdent(self) -> None:
        self._level(-1)

    def _level(self, step: int) -> None:
        changed = self.editor.set_level(self.session.brief_id, self.selected_ids(), step)
        if changed:
            self.select_ids(changed)
        else:
            self.message.emit("Only headings have levels (1 to 3).")

    def delete_selected(self) -> None:
        self.editor.remove(self.session.brief_id, self.selected_ids())

    def add_heading(self) -> None:
        self._add_text(ItemKind.HEADING, "New heading")

    def add_note(self) -> None:
        self._add_text(ItemKind.NOTE, "New note")

    def _add_text(self, kind: ItemKind, text: str) -> None:
        item_id = self.editor.add_text(self.session.brief_id, kind, text, self.insertion_row())
        if item_id:
            self.select_ids([item_id])
            self.view.setFocus()
            self.view.edit(self.view.currentIndex())

    def edit_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.view.edit(index)

    # -- selection ----------------------------------------------------------------------------
    @Slot()
    def _keep_selection(self) -> None:
        current = self.view.currentIndex()
        current_id = self.model.items[current.row()].id if current.isValid() else None
        focus = QApplication.focusWidget()  # the view, or its editor in place
        inside = focus is not None and (focus is self.view or self.view.isAncestorOf(focus))
        self._kept = (self.selected_ids(), current_id, inside)

    @Slot()
    def _restore_selection(self) -> None:
        ids, current_id, focused = self._kept
        if ids or current_id is not None:
            self.select_ids(ids, current_id)
        if focused:
            self.view.setFocus()

    def _current_changed(self, current: Any, previous: Any) -> None:
        section_id = current.data(SECTION_ID_ROLE) if current.isValid() else None
        if section_id:
            self.excerpt_selected.emit(int(section_id))

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedRows())

    def selected_ids(self) -> list[int]:
        return [int(self.model.items[r].id or 0) for r in self.selected_rows()]

    def select_ids(self, ids: list[int], current_id: int | None = None) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        flag = QItemSelectionModel.SelectionFlag
        for row, item in enumerate(self.model.items):
            index = self.model.index(row)
            if item.id in ids:
                selection.select(index, flag.Select)
                if current_id is None:
                    selection.setCurrentIndex(index, flag.NoUpdate)
            if current_id is not None and item.id == current_id:
                selection.setCurrentIndex(index, flag.NoUpdate)

    def insertion_row(self) -> int:
        """Where added items go: under the current item, or at the end."""
        current = self.view.currentIndex()
        return current.row() + 1 if current.isValid() else self.model.rowCount()
