"""Library: the project's sources, and the sections of one source or of a search."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.models.sections import SECTION_ID_ROLE, SectionsModel
from desktop.models.sources import SOURCE_ID_ROLE, SourcesModel
from desktop.session import Session
from desktop.views.delegates import PlaceholderTable, SectionDelegate, WrappingListView

EMPTY_PROJECT = (
    "No articles yet.\nImport articles… (Ctrl+I), paste one (Ctrl+Shift+V),\n"
    "or drop files and folders on the window."
)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class LibraryPanel(QWidget):
    source_selected = Signal(int)
    section_activated = Signal(int)  # clicked or chosen: show it in the reader
    day_filter_cleared = Signal()  # every source shown again: the timeline's filter is off

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sources = SourcesModel(session.project, session.families, self)
        titles = {r.id: r.title for r in self.sources.rows}
        self.sections = SectionsModel(session.project, lambda i: titles.get(i, ""), self)
        self._titles = titles

        self.search = QLineEdit(placeholderText="Search all sections…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search sections")
        self.only_source = QCheckBox("Only this source")
        self.only_source.setToolTip("Search only the source selected above")
        self.same_story = QCheckBox("Only this story")
        self.same_story.setToolTip(
            "Show only the sources that share paragraphs with the selected one: the same story"
            " copied, reposted or rewritten (Ctrl+Shift+S)"
        )
        self.hide_used = QCheckBox("Hide used")
        self.hide_used.setToolTip("Hide the sections that are already in the brief")
        self.date_from = QLineEdit(placeholderText="from YYYY-MM-DD")
        self.date_to = QLineEdit(placeholderText="to YYYY-MM-DD")
        for edit, name in ((self.date_from, "Published from"), (self.date_to, "Published to")):
            edit.setAccessibleName(name)
            edit.setMaximumWidth(130)
            edit.editingFinished.connect(self._dates_changed)

        self.table = PlaceholderTable(EMPTY_PROJECT)
        self.table.setAccessibleName("Sources")
        self.table.setModel(self.sources)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Title and publisher share the width; a narrow library still shows some of each.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.selectionModel().currentRowChanged.connect(self._source_changed)

        self.list = WrappingListView()
        self.list.setAccessibleName("Sections")
        self.list.setModel(self.sections)
        self.list.setItemDelegate(SectionDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap with the width
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list.selectionModel().currentChanged.connect(self._section_changed)
        self.list.activated.connect(self._section_chosen)
        self.status = QLabel()
        self.status.setAccessibleName("Library status")

        filters = QHBoxLayout()
        filters.addWidget(QLabel("Published"))
        filters.addWidget(self.date_from)
        filters.addWidget(self.date_to)
        filters.addStretch()
        filters.addWidget(self.same_story)
        checks = QHBoxLayout()
        checks.addWidget(self.only_source)
        checks.addWidget(self.hide_used)
        checks.addStretch()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.search)
        bottom_layout.addLayout(checks)
        bottom_layout.addWidget(self.list)
        bottom_layout.addWidget(self.status)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)  # the sources keep their share when it grows
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        # Search as you type, once typing pauses.
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.only_source.toggled.connect(lambda _: self.run_search())
        self.same_story.toggled.connect(self._story_toggled)
        self.hide_used.toggled.connect(self.sections.set_hide_used)
        session.sources_changed.connect(self.reload)
        session.outline_changed.connect(lambda _: self.update_used())
        session.current_brief_changed.connect(lambda _: self.update_used())
        self.update_used()
        if self.sources.rowCount():
            self.table.selectRow(0)

    # -- state --------------------------------------------------------------------------------
    def current_source(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(SOURCE_ID_ROLE)) if index.isValid() else None

    def selected_sections(self) -> list[int]:
        rows = sorted(self.list.selectionModel().selectedRows(), key=lambda i: i.row())
        return [int(i.data(SECTION_ID_ROLE)) for i in rows]

    def select_source(self, source_id: int) -> None:
        row = self.sources.row_of(source_id)
        if row >= 0:
            index = self.sources.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def reload(self) -> None:
        current = self.current_source()
        self.sources.reload()
        if self.same_story.isChecked() and current is not None:
            self.sources.set_story(self._story_of(current))
        self._titles.clear()
        self._titles.update({r.id: r.title for r in self.sources.rows})
        if current is not None and self.sources.row_of(current) >= 0:
            self.select_source(current)
        elif self.sources.rowCount():
            self.table.selectRow(0)
        self.run_search()

    def update_used(self) -> None:
        self.sections.set_used(self.session.project.used_section_ids(self.session.brief_id))

    def stop(self) -> None:
        """The window is closing: no search may run after the project closes."""
        self._timer.stop()
        self.blockSignals(True)

    # -- reacting -----------------------------------------------------------------------------
    def _source_changed(self, current: Any, previous: Any) -> None:
        source_id = self.current_source()
        if source_id is not None:
            self.source_selected.emit(source_id)
        self.run_search()

    def _section_changed(self, current: Any, previous: Any) -> None:
        if current.isValid():
            self.section_activated.emit(int(current.data(SECTION_ID_ROLE)))

    def _section_chosen(self, index: Any) -> None:
        if index.isValid():
            self.section_activated.emit(int(index.data(SECTION_ID_ROLE)))

    def _story_of(self, source_id: int) -> frozenset[int]:
        family = self.sources.families.get(source_id)
        return frozenset(family.members) if family else frozenset({source_id})

    def _story_toggled(self, on: bool) -> None:
        """Only the selected source's story family, or every source again (the selection
        kept, and in view)."""
        current = self.current_source()
        self.sources.set_story(self._story_of(current) if on and current is not None else None)
        if current is not None:
            self.select_source(current)

    def toggle_story(self) -> None:
        self.same_story.toggle()

    def set_day_filter(self, source_ids: frozenset[int] | None) -> None:
        """Only the sources speaking of the timeline's days (None: all); the selection kept."""
        current = self.current_source()
        self.sources.set_speaking_of(source_ids)
        if current is not None:
            self.select_source(current)

    def show_all_sources(self) -> None:
        """No filter hides a source: dates cleared, the story and timeline filters off."""
        self.same_story.setChecked(False)
        if self.sources.speaking_of is not None:
            self.set_day_filter(None)
            self.day_filter_cleared.emit()
        for edit in (self.date_from, self.date_to):
            edit.clear()
        self._dates_changed()

    def searching(self) -> bool:
        return bool(self.search.text().strip())

    def _dates_changed(self) -> None:
        dates = [e.text().strip() for e in (self.date_from, self.date_to)]
        for edit, value in zip((self.date_from, self.date_to), dates, strict=True):
            edit.setStyleSheet("" if not value or _DATE.match(value) else "color: #c62828")
        if all(not d or _DATE.match(d) for d in dates):
            self.sources.set_dates(dates[0], dates[1])

    def run_search(self) -> None:
        words = self.search.text().strip()
        source = self.current_source()
        if words:
            self.sections.search(words, source if self.only_source.isChecked() else None)
            n = len(self.sections.rows)
            self.status.setText(
                f"{n} matching section{'s' if n != 1 else ''}"
                + (" (the best 200)" if n >= 200 else "")
            )
        else:
            self.sections.show_source(source)
            n = len(self.sections.rows)
            self.status.setText(
                f"{n} section{'s' if n != 1 else ''} in this source"
                if source is not None
                else "No source selected"
            )
