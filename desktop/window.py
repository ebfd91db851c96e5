"""The main window: wiring of the library, reader and preview, and brief; its state."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
)

from assets import asset
from brief.document import ExportOptions
from brief.errors import BriefsmithError
from brief.ingest.files import SUPPORTED_SUFFIXES
from brief.project import Project
from desktop.actions import Actions
from desktop.citing import Citing
from desktop.dialogs.export import ExportDialog
from desktop.dialogs.help import GettingStartedDialog, ShortcutsDialog
from desktop.dialogs.preferences import PreferencesDialog
from desktop.dialogs.typeface import stored
from desktop.drops import dropped_article, dropped_files, dropped_links
from desktop.geometry import clamp_to_screen, first_geometry
from desktop.importing import Importer
from desktop.jobs import ImportJob
from desktop.session import Session
from desktop.views.brief_panel import BriefPanel
from desktop.views.corroboration import CorroborationDock
from desktop.views.library import LibraryPanel
from desktop.views.people import PeopleDock
from desktop.views.preview import PreviewPanel
from desktop.views.reader import ReaderPanel
from desktop.views.timeline import TimelineDock

ICON = asset("icons", "briefsmith.svg")
MAX_RECENT = 8
log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        settings: QSettings,
        open_project: Callable[[Path], object] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.open_project = open_project
        read_only = " (read-only)" if session.project.readonly else ""
        self.setWindowTitle(f"{session.project.path.stem}{read_only} — Briefsmith")
        self.setWindowIcon(QIcon(str(ICON)))
        self.setAcceptDrops(True)

        self.library = LibraryPanel(session)
        self.reader = ReaderPanel(session)
        self.brief = BriefPanel(session)
        self.preview = PreviewPanel(session, self.preview_options)
        self.importer = Importer(session, self)
        self.citing = Citing(self)
        self.centre = QTabWidget()
        self.centre.addTab(self.reader, "Reader")
        self.centre.addTab(self.preview, "Preview")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.library, self.centre, self.brief):
            self.splitter.addWidget(widget)
        for n, stretch in enumerate((4, 5, 4)):
            self.splitter.setStretchFactor(n, stretch)
        self.setCentralWidget(self.splitter)
        self.corroboration_dock = CorroborationDock(session, self)
        self.corroboration = self.corroboration_dock.panel
        self.people_dock = PeopleDock(session, self)
        self.people = self.people_dock.panel
        self.timeline_dock = TimelineDock(session, self)
        self.timeline = self.timeline_dock.panel
        self.tabifyDockWidget(self.corroboration_dock, self.people_dock)
        self.tabifyDockWidget(self.people_dock, self.timeline_dock)
        self.commands = Actions(self)
        self.commands.build_menus(self._fill_recent, self._open_recent)
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)

        self.library.source_selected.connect(self.reader.show_source)
        self.reader.source_requested.connect(self.show_source)
        self.library.section_activated.connect(self.show_section)
        self.brief.excerpt_selected.connect(self.show_excerpt)
        self.brief.excerpt_selected.connect(self.corroboration.show_excerpt)
        self.corroboration.section_requested.connect(self.show_section)
        self.corroboration.add_requested.connect(self.brief.add_sections)
        self.people.section_requested.connect(self.show_section)
        self.people.add_requested.connect(self.brief.add_quotes)
        self.timeline.section_requested.connect(self.show_section)
        self.timeline.add_requested.connect(self.brief.add_sections)
        self.timeline.library_filter.connect(self.library.set_day_filter)
        self.library.day_filter_cleared.connect(self.timeline.filter_cleared)
        self.brief.message.connect(self.show_message)
        self.importer.imported.connect(self.library.select_source)
        self.importer.message.connect(self.show_message)
        session.editor.refused.connect(self.show_refusal)
        session.sources_changed.connect(self._update_counts)
        session.current_brief_changed.connect(self._remember_brief)
        self._restore()
        self._update_counts()
        source = self.library.current_source()
        if source is not None:
            self.reader.show_source(source)
        else:
            self.reader.clear()

    # -- reading ------------------------------------------------------------------------------
    @Slot(int)
    def show_section(self, section_id: int) -> None:
        """A section chosen in the library: its paragraph in the reader, highlighted; the
        library keeps its list and selection."""
        section = self.session.project.section(section_id)
        if section.source_id is not None:
            self.reader.show_section(section.source_id, section_id)
            self.centre.setCurrentWidget(self.reader)

    @Slot(int)
    def show_source(self, source_id: int) -> None:
        """A source named elsewhere (a relative in the reader): selected in the library,
        every source shown again if a filter hid it, and in the reader."""
        if self.library.sources.row_of(source_id) < 0:
            self.library.show_all_sources()
        self.library.select_source(source_id)
        self.reader.show_source(source_id)
        self.centre.setCurrentWidget(self.reader)

    @Slot(int)
    def show_excerpt(self, section_id: int) -> None:
        """An excerpt chosen in the brief: its source in the library (unless a search is
        shown there) and its paragraph in the reader."""
        section = self.session.project.section(section_id)
        if section.source_id is not None and not self.library.searching():
            self.library.select_source(section.source_id)
        self.show_section(section_id)

    def toggle_corroboration(self) -> None:
        """The other sources reporting the current excerpt, shown or hidden again."""
        dock = self.corroboration_dock
        section_id = None if dock.isVisible() else self.brief.current_or_first_excerpt()
        if not dock.show_on(section_id):
            self.brief.view.setFocus()

    def toggle_people(self) -> None:
        """Everyone the sources quote, and what they said; or hidden again."""
        if not self.people_dock.toggle():
            self.brief.view.setFocus()

    def toggle_timeline(self) -> None:
        """What the sources say happened, day by day; or hidden again."""
        if not self.timeline_dock.toggle():
            self.brief.view.setFocus()

    def add_to_brief(self) -> None:
        sections = self.library.selected_sections()
        if not sections:
            self.show_message("Select sections in the library first.")
            return
        self.brief.add_sections(sections)

    def find_text(self) -> None:
        self.library.search.setFocus()
        self.library.search.selectAll()

    @Slot(str)
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    @Slot(str)
    def show_refusal(self, text: str) -> None:
        """An edit the project refused: said where the user looks, never silently dropped."""
        self.statusBar().showMessage(f"Not done: {text}", 15000)

    # -- import -------------------------------------------------------------------------------
    def choose_imports(self) -> None:
        suffixes = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Import articles",
            str(self.settings.value("import/folder", _documents())),
            f"Articles ({suffixes});;All files (*)",
        )
        if paths:
            self.settings.setValue("import/folder", str(Path(paths[0]).parent))
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> ImportJob:
        return self.importer.import_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        data = event.mimeData()
        if dropped_files(data) or dropped_links(data) or dropped_article(data):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        paths, links = dropped_files(data), dropped_links(data)
        if paths or links or dropped_article(data):
            event.acceptProposedAction()
        if paths:
            self.import_files(paths)
        if links:  # a link dragged from the browser: the page it points to
            self.importer.import_urls(links)
        elif not paths and dropped_article(data):  # text or HTML selected in a browser
            self.importer.paste_data(data)

    # -- export and preview -------------------------------------------------------------------
    def export(self) -> ExportDialog:
        dialog = ExportDialog(self.session, self.settings, self)
        dialog.open()
        return dialog

    def preview_options(self) -> ExportOptions:
        s = self.settings
        typeface, size = stored(s, "preferences")
        return ExportOptions(
            style=str(s.value("preferences/style", "chicago")),
            notes="end" if s.value("preferences/notes") == "end" else "foot",
            paper="Letter" if s.value("preferences/paper") == "Letter" else "A4",
            typeface=typeface,
            size=size,
        )

    def show_preview(self) -> None:
        self.centre.setCurrentWidget(self.preview)
        self.preview.refresh()

    # -- projects -----------------------------------------------------------------------------
    def new_project(self) -> None:
        folder = str(self.settings.value("projects/folder", _documents()))
        path, _ = QFileDialog.getSaveFileName(self, "New project", folder, "Briefsmith (*.brief)")
        if path and self.open_project is not None:
            target = Path(path).with_suffix(".brief")
            self.settings.setValue("projects/folder", str(target.parent))
            try:
                Project.create(target).close()
            except BriefsmithError as exc:
                QMessageBox.warning(self, "New project", str(exc))
                return
            self.open_project(target)

    def choose_project(self) -> None:
        folder = str(self.settings.value("projects/folder", _documents()))
        path, _ = QFileDialog.getOpenFileName(self, "Open project", folder, "Briefsmith (*.brief)")
        if path and self.open_project is not None:
            self.open_project(Path(path))

    def _fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.recent_projects():
            menu.addAction(path).setData(path)
        if menu.isEmpty():
            menu.addAction("(none)").setEnabled(False)

    def show_recent(self) -> None:
        menu = QMenu(self)
        menu.triggered.connect(self._open_recent)
        self._fill_recent(menu)
        menu.popup(self.mapToGlobal(self.rect().center()))

    @Slot(object)
    def _open_recent(self, action: Any) -> None:
        path = action.data()
        if path and self.open_project is not None:
            self.open_project(Path(str(path)))

    def recent_projects(self) -> list[str]:
        value = self.settings.value("recent", [])
        items = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        return [p for p in items if Path(p).exists()]

    # -- help and preferences -----------------------------------------------------------------
    def preferences(self) -> None:
        PreferencesDialog(self.settings, self).exec()

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.commands.all(), self)
        dialog.show()
        return dialog

    def show_getting_started(self) -> GettingStartedDialog:
        dialog = GettingStartedDialog(self)
        dialog.show()
        return dialog

    def about(self) -> None:
        from brief import __version__

        QMessageBox.about(
            self,
            "About Briefsmith",
            f"<h3>Briefsmith {__version__}</h3><p>Turns a pile of news articles "
            "into a cited research brief: import, compose, export to PDF and "
            "DOCX with footnotes in Chicago, APA or MLA style.</p>",
        )

    def bring_to_front(self) -> None:
        """Another launch handed us its files: show this window above the others."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- state --------------------------------------------------------------------------------
    def _update_counts(self) -> None:
        self.counts.setText(f"{self.session.project.source_count()} sources")

    def _brief_key(self) -> str:
        return "briefs/" + str(self.session.project.path.resolve()).replace("/", "|")

    @Slot(int)
    def _remember_brief(self, brief_id: int) -> None:
        self.settings.setValue(self._brief_key(), brief_id)

    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            first_geometry(self)
        clamp_to_screen(self)
        for splitter, key in (
            (self.splitter, "window/splitter"),
            (self.library.splitter, "window/library-splitter"),
        ):
            state = s.value(key)
            if state is None or not splitter.restoreState(state):
                total = splitter.width() if splitter is self.splitter else splitter.height()
                weights = (4, 5, 4) if splitter is self.splitter else (2, 3)
                splitter.setSizes([total * w // sum(weights) for w in weights])
        state = s.value("window/state")
        if state is not None:
            # the docked panel, shown or not, and its size
            restored = self.restoreState(state)
            for dock in (self.corroboration_dock, self.people_dock, self.timeline_dock):
                dock.sized = restored
        brief = s.value(self._brief_key())
        if brief is not None and str(brief).isdigit():
            ids = {b.id for b in self.session.project.briefs()}
            if int(str(brief)) in ids:
                self.session.set_brief(int(str(brief)))
        path = str(self.session.project.path)
        recent = [path] + [p for p in self.recent_projects() if p != path]
        s.setValue("recent", recent[:MAX_RECENT])
        s.setValue("last-project", path)

    def closeEvent(self, event: QCloseEvent) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/library-splitter", self.library.splitter.saveState())
        s.setValue("window/state", self.saveState())
        s.setValue(self._brief_key(), self.session.brief_id)
        self.brief.view.finish_editing()
        self.library.stop()
        self.session.close()
        super().closeEvent(event)


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
