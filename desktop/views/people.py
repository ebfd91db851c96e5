"""The People panel: everyone the sources quote, and what each said across all sources; a
quote drags into the brief (or Add to Brief) as an excerpt of its words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
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
from desktop.views.docks import PanelDock, RowsPanel, chosen, select_row, table_view

EMPTY = "No one is quoted by name in this project's sources yet."


class PeoplePanel(RowsPanel):
    """Add to Brief sends quote ids; Show in Reader, the quote's paragraph."""

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
        self.people = table_view(self.speakers, "Speakers", several=False)
        self.people.selectionModel().currentRowChanged.connect(self._speaker_chosen)
        self.said = self.rows = table_view(self.quotes, "What they said")
        self.section_role, self.id_role = SECTION_ID_ROLE, QUOTE_ID_ROLE
        self.said.activated.connect(self.activated)
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
            select_row(self.people, row)
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
        select_row(self.said, row)

    def chosen_quotes(self) -> list[int]:
        return chosen(self.said, QUOTE_ID_ROLE)


class PeopleDock(PanelDock):
    def __init__(self, session: Session, window: QMainWindow) -> None:
        self.panel = PeoplePanel(session)
        super().__init__("People", "people", self.panel, self.panel.people, window)
