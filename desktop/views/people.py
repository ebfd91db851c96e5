"""The People panel: everyone the sources quote, and what each said across all sources; a
quote drags into the brief (or Add to Brief) as an excerpt of its words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.people import (
    KEY_ROLE,
    QUOTE_ID_ROLE,
    SECTION_ID_ROLE,
    QuotesModel,
    SpeakersModel,
)
from desktop.session import Session
from desktop.views.docks import PanelDock

EMPTY = "No one is quoted by name in this project's sources yet."


class PeoplePanel(QWidget):
    section_requested = Signal(int)  # a quote's paragraph, to show in the reader
    add_requested = Signal(list)  # quote ids to add to the brief

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.speakers = SpeakersModel(session, self)
        self.quotes = QuotesModel(session, self)
        self.stale = True  # the sources changed while the panel was hidden
        self.search = QLineEdit(placeholderText="Find a speaker…")
        self.search.setAccessibleName("Find a speaker")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.people = _table(self.speakers, "Speakers")
        self.people.selectionModel().currentRowChanged.connect(self._speaker_chosen)
        self.said = _table(self.quotes, "What they said")
        self.said.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.said.setDragEnabled(True)
        self.said.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.said.activated.connect(self._activated)
        self.said.selectionModel().selectionChanged.connect(self._selection_changed)
        self.show_button = QPushButton("Show in Rea&der")
        self.show_button.clicked.connect(self.show_current)
        self.add_button = QPushButton("Add &Quote to Brief")
        self.add_button.setToolTip("Add the selected quotes under the brief's current item")
        self.add_button.clicked.connect(self.add_selected)
        self.status = QLabel()
        buttons = QHBoxLayout()
        for widget in (self.show_button, self.add_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.people, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.said)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        session.sources_changed.connect(self._sources_changed)
        self._selection_changed()

    # -- what is shown ------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        """The speakers read again, the chosen one kept."""
        key = self.quotes.key
        self.speakers.reload()
        self.stale = False
        row = next((n for n, s in enumerate(self.speakers.rows) if s.key == key), 0)
        self._choose(row)
        total = len(self.speakers.all_rows)
        self.status.setText(f"{total} speaker{'' if total == 1 else 's'}" if total else EMPTY)

    @Slot()
    def _sources_changed(self) -> None:
        self.stale = True
        if self.isVisible():
            self.reload()

    @Slot(str)
    def _filter(self, text: str) -> None:
        key = self.quotes.key
        self.speakers.set_filter(text)
        row = next((n for n, s in enumerate(self.speakers.rows) if s.key == key), 0)
        self._choose(row)

    def _choose(self, row: int) -> None:
        if self.speakers.rowCount():
            flag = QItemSelectionModel.SelectionFlag
            self.people.selectionModel().setCurrentIndex(
                self.speakers.index(row, 0), flag.ClearAndSelect | flag.Rows
            )
        self._speaker_chosen(self.people.currentIndex())

    def _speaker_chosen(self, current: QModelIndex, previous: Any = None) -> None:
        key = current.data(KEY_ROLE) if current.isValid() else None
        if key != self.quotes.key or key is None:
            self.quotes.set_speaker(key)
            if self.quotes.rowCount():
                self.select_quote(0)
        self._selection_changed()

    def choose_speaker(self, key: str) -> bool:
        """Show one speaker's quotes (a search may hide them: it is cleared)."""
        if all(s.key != key for s in self.speakers.rows):
            self.search.clear()
        row = next((n for n, s in enumerate(self.speakers.rows) if s.key == key), -1)
        if row >= 0:
            self._choose(row)
        return row >= 0

    # -- acting on quotes ---------------------------------------------------------------------
    def _selection_changed(self, *_: Any) -> None:
        rows = self.said.selectionModel().selectedRows()
        self.show_button.setEnabled(len(rows) == 1)
        self.add_button.setEnabled(bool(rows) and not self.session.project.readonly)

    def select_quote(self, row: int) -> None:
        """Select a quote and make it current (through the selection model: the table's
        selectRow does nothing while its header has not yet taken in a reset)."""
        flag = QItemSelectionModel.SelectionFlag
        self.said.selectionModel().setCurrentIndex(
            self.quotes.index(row, 0), flag.ClearAndSelect | flag.Rows
        )

    def chosen_quotes(self) -> list[int]:
        rows = sorted(i.row() for i in self.said.selectionModel().selectedRows())
        return [int(self.quotes.index(r, 0).data(QUOTE_ID_ROLE)) for r in rows]

    @Slot()
    def show_current(self) -> None:
        index = self.said.currentIndex()
        if index.isValid():
            self.section_requested.emit(int(index.data(SECTION_ID_ROLE)))

    @Slot()
    def add_selected(self) -> None:
        ids = self.chosen_quotes()
        if ids:
            self.add_requested.emit(ids)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.section_requested.emit(int(index.data(SECTION_ID_ROLE)))


def _table(model: Any, name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    for column in range(model.columnCount() - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class PeopleDock(PanelDock):
    def __init__(self, session: Session, window: QMainWindow) -> None:
        self.panel = PeoplePanel(session)
        super().__init__("People", "people", self.panel, self.panel.people, window)
