"""The "Also reported by" panel: for the excerpt chosen in the brief, the paragraphs of other
sources that state the same fact, how many independent outlets that makes, and the user's
say on each match (marked wrong, undoably)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
)

from brief.errors import NotFoundError
from desktop.models.matches import REJECTED_ROLE, SECTION_ID_ROLE, MatchesModel
from desktop.session import Session
from desktop.views.docks import PanelDock, RowsPanel, chosen, select_row, table_view

PROMPT = "Choose an excerpt in the brief to see which other sources report it."


class CorroborationPanel(RowsPanel):
    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = MatchesModel(session, self)
        self.wanted: int | None = None  # the excerpt's section, shown when the panel is
        self.heading = QLabel(PROMPT)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Corroboration of the excerpt")
        self.table = self.rows = table_view(self.model, "Other sources stating it")
        self.section_role = self.id_role = SECTION_ID_ROLE
        self.table.activated.connect(self.activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.wrong = QPushButton("Mark &Wrong")
        self.wrong.setToolTip("The selected paragraph does not state the excerpt's fact")
        self.wrong.clicked.connect(self.toggle_wrong)
        self.show_button = QPushButton("Show in &Reader")
        self.show_button.clicked.connect(self.show_current)
        self.add_button = QPushButton("&Add to Brief")
        self.add_button.setToolTip("Add the selected paragraphs under the excerpt")
        self.add_button.clicked.connect(self.add_selected)
        buttons = QHBoxLayout()
        for button in (self.wrong, self.show_button, self.add_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        session.sources_changed.connect(self._sources_changed)
        session.meta_changed.connect(self._meta_changed)
        session.matches_changed.connect(self._match_marked)
        self._selection_changed()

    # -- what is shown ----------------------------------------------------------------------
    @Slot(int)
    def show_excerpt(self, section_id: int) -> None:
        """The brief's current excerpt; worked out now if the panel is shown, else when it
        is (a hidden panel costs nothing)."""
        self.wanted = section_id
        if self.isVisible():
            self._load()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.wanted != self.model.section_id:
            self._load()

    def _load(self) -> None:
        chosen = self._chosen_ids()
        self.model.set_section(self.wanted)
        support = self.model.support
        if support is None:
            self.heading.setText(PROMPT)
        else:
            try:
                text = " ".join(self.session.project.section(support.section_id).text.split())
            except NotFoundError:
                text = ""
            start = text[:90] + ("…" if len(text) > 90 else "")
            found = len(self.model.rows)
            listed = "No other source in the project states it." if not found else ""
            self.heading.setText(f"“{start}” — {support.label}. {listed}".strip())
        self._reselect(chosen)
        self._selection_changed()

    def _chosen_ids(self) -> list[int]:
        return chosen(self.table, SECTION_ID_ROLE)

    def _reselect(self, ids: list[int]) -> None:
        """The matches chosen before a reload, or the first (the keyboard starts there)."""
        rows = [r for r, each in enumerate(self.model.rows) if each.match.section_id in ids]
        for n, row in enumerate(rows or [0][: len(self.model.rows)]):
            select_row(self.table, row, adding=n > 0)

    def select_match(self, row: int) -> None:
        select_row(self.table, row)

    @Slot()
    def _sources_changed(self) -> None:
        if self.isVisible():
            self._load()

    @Slot(int)
    def _meta_changed(self, source_id: int) -> None:
        self._sources_changed()

    @Slot(int, int)
    def _match_marked(self, section_id: int, other_id: int) -> None:
        self._sources_changed()

    # -- acting on the matches ----------------------------------------------------------------
    def _selection_changed(self, *_: Any) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.wrong.setEnabled(len(rows) == 1 and not self.session.project.readonly)
        self.show_button.setEnabled(len(rows) == 1)
        self.add_button.setEnabled(bool(rows) and not self.session.project.readonly)
        marked = len(rows) == 1 and bool(rows[0].data(REJECTED_ROLE))
        self.wrong.setText("Not &Wrong" if marked else "Mark &Wrong")

    @Slot()
    def toggle_wrong(self) -> None:
        """The selected match marked wrong, or the mark taken back: one undo step."""
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1 or self.model.section_id is None:
            return
        other = int(rows[0].data(SECTION_ID_ROLE))
        wrong = not rows[0].data(REJECTED_ROLE)
        self.session.editor.mark_match(self.model.section_id, other, wrong)
        self.table.setFocus()


class CorroborationDock(PanelDock):
    """The panel docked under the window, working on the excerpt current when it shows."""

    def __init__(self, session: Session, window: QMainWindow) -> None:
        self.panel = CorroborationPanel(session)
        super().__init__("Also Reported By", "corroboration", self.panel, self.panel.table, window)

    def show_on(self, section_id: int | None) -> bool:
        """Show it on this excerpt, or hide it; True if shown."""
        if not self.toggle():
            return False
        if section_id is not None:
            self.panel.show_excerpt(section_id)
        return True
