"""The timeline panel: what the sources say happened, day by day, between two days; it can
narrow the library to the sources speaking of those days, and an event drags into the brief
(as an excerpt of its paragraph)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
)

from desktop.models.timeline import SECTION_ID_ROLE, EventsModel
from desktop.session import Session
from desktop.views.docks import PanelDock, RowsPanel, chosen, select_row, table_view

_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class TimelinePanel(RowsPanel):
    library_filter = Signal(object)  # frozenset of source ids, or None: every source

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = EventsModel(session, self)
        self.stale = True
        self.first = QLineEdit(placeholderText="from YYYY-MM-DD")
        self.last = QLineEdit(placeholderText="to YYYY-MM-DD")
        for edit, name in ((self.first, "Events from"), (self.last, "Events to")):
            edit.setAccessibleName(name)
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(150)
            edit.textChanged.connect(self._days_changed)
        self.filter_library = QCheckBox("Only these days' sources in the library")
        self.filter_library.setToolTip(
            "The library lists only the sources that speak of the days shown here"
        )
        self.filter_library.toggled.connect(self._apply_filter)
        self.table = self.rows = table_view(self.model, "Events by day")
        self.section_role = self.id_role = SECTION_ID_ROLE
        self.table.activated.connect(self.activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.show_button = QPushButton("Show in Rea&der")
        self.show_button.clicked.connect(self.show_current)
        self.add_button = QPushButton("Add Eve&nt to Brief")
        self.add_button.setToolTip("Add the selected events' paragraphs under the current item")
        self.add_button.clicked.connect(self.add_selected)
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("Days"))
        top.addWidget(self.first)
        top.addWidget(QLabel("–"))
        top.addWidget(self.last)
        top.addWidget(self.filter_library)
        top.addStretch(1)
        top.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        session.sources_changed.connect(self._sources_changed)
        session.meta_changed.connect(self._date_changed)
        self._selection_changed()

    # -- what is shown ------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        chosen = self._chosen_sections()
        self.model.set_days(*self._days())
        self.stale = False
        rows = [r for r, e in enumerate(self.model.rows) if e.section_id in chosen]
        for n, row in enumerate(rows or [0][: len(self.model.rows)]):
            select_row(self.table, row, adding=n > 0)
        days = len({e.day for e in self.model.rows})
        count = len(self.model.rows)
        self.status.setText(
            f"{count} event{'s' if count != 1 else ''} on {days} day{'s' if days != 1 else ''}"
            if count
            else "No day named in these sources"
        )
        self._apply_filter()

    def _days(self) -> tuple[str, str]:
        values = [e.text().strip() for e in (self.first, self.last)]
        first = values[0] if _DAY.match(values[0]) else ""
        last = values[1] if _DAY.match(values[1]) else ""
        if last and len(last) < 10:  # "2026-03" runs to the month's end
            last += "-99" if len(last) == 7 else "-99-99"
        return first, last

    @Slot(str)
    def _days_changed(self, _text: str) -> None:
        for edit in (self.first, self.last):
            value = edit.text().strip()
            edit.setStyleSheet("" if not value or _DAY.match(value) else "color: #c62828")
        self.reload()

    @Slot()
    def _sources_changed(self) -> None:
        self.stale = True
        if self.isVisible() or self.filter_library.isChecked():
            self.reload()

    @Slot(int)
    def _date_changed(self, source_id: int) -> None:
        self._sources_changed()  # "on Tuesday" is counted from a source's new date

    @Slot()
    def _apply_filter(self) -> None:
        on = self.filter_library.isChecked()
        self.library_filter.emit(self.model.source_ids() if on else None)

    @Slot()
    def filter_cleared(self) -> None:
        """The library shows every source again (a link followed past the filter)."""
        self.filter_library.blockSignals(True)
        self.filter_library.setChecked(False)
        self.filter_library.blockSignals(False)

    # -- acting on events ---------------------------------------------------------------------
    def select_event(self, row: int) -> None:
        select_row(self.table, row)

    def _chosen_sections(self) -> list[int]:
        return chosen(self.table, SECTION_ID_ROLE)

    def _selection_changed(self, *_: Any) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.show_button.setEnabled(len(rows) == 1)
        self.add_button.setEnabled(bool(rows) and not self.session.project.readonly)


class TimelineDock(PanelDock):
    def __init__(self, session: Session, window: QMainWindow) -> None:
        self.panel = TimelinePanel(session)
        super().__init__("Timeline", "timeline", self.panel, self.panel.table, window)
