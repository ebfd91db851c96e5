"""The main window: library, reader and preview, brief; menus, toolbar, status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTabWidget,
)

from brief.document import ExportOptions
from brief.errors import BriefsmithError
from brief.ingest import read_text
from brief.ingest.article import Article
from brief.ingest.files import SUPPORTED_SUFFIXES
from brief.model import ItemKind, OutlineItem, Source
from brief.progress import store_once
from desktop.commands import BriefCommand, ImportCommand, OutlineCommand, RenameBriefCommand
from desktop.dialogs.export import ExportDialog
from desktop.dialogs.paste import PasteDialog
from desktop.dialogs.preferences import PreferencesDialog
from desktop.session import Session
from desktop.views.brief_panel import BriefPanel
from desktop.views.library import LibraryPanel
from desktop.views.preview import PreviewPanel
from desktop.views.reader import ReaderPanel
from desktop.workers import ImportJob, keep

ICON = Path(__file__).resolve().parent.parent / "assets" / "icons" / "briefsmith.svg"
MAX_RECENT = 8


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
        project = session.project
        self.setWindowTitle(f"{project.path.stem} — Briefsmith")
        self.setWindowIcon(QIcon(str(ICON)))
        self.setAcceptDrops(True)

        self.library = LibraryPanel(session)
        self.reader = ReaderPanel(session)
        self.brief = BriefPanel(session)
        self.preview = PreviewPanel(session, self.preview_options)
        self.centre = QTabWidget()
        self.centre.addTab(self.reader, "Reader")
        self.centre.addTab(self.preview, "Preview")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.library, self.centre, self.brief):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([420, 520, 380])
        self.setCentralWidget(self.splitter)

        self.library.source_selected.connect(self.reader.show_source)
        self.library.section_activated.connect(self.show_section)
        self.brief.excerpt_selected.connect(self.show_section)
        self.session.undo.indexChanged.connect(lambda _: self._update_status())
        self.session.sources_changed.connect(self._update_status)
        self._build_actions()
        self._build_menus()
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self._restore()
        self._update_status()
        source = self.library.current_source()
        if source is not None:
            self.reader.show_source(source)

    # -- actions ------------------------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(lambda checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.a_new = self._action("&New Project…", self.new_project, key.New)
        self.a_open = self._action("&Open Project…", self.choose_project, key.Open)
        self.a_import = self._action("&Import Files…", self.choose_imports, "Ctrl+I")
        self.a_paste = self._action("&Paste as New Source", self.paste_source, "Ctrl+Shift+V")
        self.a_export = self._action("&Export Brief…", self.export, "Ctrl+E")
        self.a_quit = self._action("&Quit", self.close, key.Quit)
        self.a_undo = self.session.undo.createUndoAction(self, "&Undo")
        self.a_undo.setShortcut(QKeySequence(key.Undo))
        self.a_redo = self.session.undo.createRedoAction(self, "&Redo")
        self.a_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(key.Redo)])
        self.a_find = self._action("&Find…", self.find_text, key.Find)
        self.a_add = self._action(
            "&Add to Brief",
            self.add_to_brief,
            "Ctrl+Return",
            "Add the selected sections to the brief",
        )
        self.a_up = self._action("Move &Up", lambda: self.move_items(-1), "Alt+Up")
        self.a_down = self._action("Move &Down", lambda: self.move_items(1), "Alt+Down")
        self.a_indent = self._action(
            "&Indent", lambda: self.indent(1), "Ctrl+]", "Make the selected heading one level lower"
        )
        self.a_outdent = self._action(
            "&Outdent",
            lambda: self.indent(-1),
            "Ctrl+[",
            "Make the selected heading one level higher",
        )
        self.a_delete = self._action("&Delete from Brief", self.delete_items, key.Delete)
        self.a_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.brief.view.addAction(self.a_delete)
        self.a_heading = self._action(
            "Add &Heading", lambda: self.add_text(ItemKind.HEADING), "Ctrl+Shift+H"
        )
        self.a_note = self._action(
            "Add &Note", lambda: self.add_text(ItemKind.NOTE), "Ctrl+Shift+N"
        )
        self.a_brief_new = self._action("&New Brief…", self.new_brief)
        self.a_brief_rename = self._action("&Rename Brief…", self.rename_brief, "F2")
        self.a_brief_duplicate = self._action("D&uplicate Brief", self.duplicate_brief)
        self.a_brief_delete = self._action("Delete &Brief…", self.delete_brief)
        self.a_preview = self._action("Update &Preview", self.show_preview, "Ctrl+R")
        self.a_prefs = self._action("&Preferences…", self.preferences, "Ctrl+,")
        self.a_about = self._action("&About Briefsmith", self.about, "F1")
        self.a_recent = self._action(
            "Open &Recent…", self.show_recent, "Ctrl+Shift+O", "Choose one of the last projects"
        )
        for view, actions in (
            (self.library.list, (self.a_add,)),
            (
                self.brief.view,
                (self.a_up, self.a_down, self.a_indent, self.a_outdent, self.a_delete),
            ),
        ):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            for action in actions:
                view.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        file.addActions([self.a_new, self.a_open])
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        file.addActions([self.a_import, self.a_paste, self.a_export])
        file.addSeparator()
        file.addAction(self.a_quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.a_undo, self.a_redo])
        edit.addSeparator()
        edit.addActions([self.a_find, self.a_add])
        edit.addSeparator()
        edit.addAction(self.a_prefs)
        brief = bar.addMenu("&Brief")
        brief.addActions(
            [
                self.a_heading,
                self.a_note,
                self.a_up,
                self.a_down,
                self.a_indent,
                self.a_outdent,
                self.a_delete,
            ]
        )
        brief.addSeparator()
        brief.addActions(
            [self.a_brief_new, self.a_brief_rename, self.a_brief_duplicate, self.a_brief_delete]
        )
        brief.addSeparator()
        brief.addAction(self.a_preview)
        self.brief.menu_button.setMenu(brief)
        bar.addMenu("&Help").addAction(self.a_about)
        tools = self.addToolBar("Main")
        tools.setObjectName("main-toolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.addActions([self.a_import, self.a_paste])
        tools.addSeparator()
        tools.addActions([self.a_undo, self.a_redo])
        tools.addSeparator()
        tools.addActions([self.a_add, self.a_heading, self.a_note])
        tools.addSeparator()
        tools.addActions([self.a_preview, self.a_export])

    # -- library and brief --------------------------------------------------------------------
    def show_section(self, section_id: int) -> None:
        section = self.session.project.section(section_id)
        if section.source_id is not None:
            if self.library.current_source() != section.source_id:
                self.library.select_source(section.source_id)
            self.reader.show_source(section.source_id)
            self.centre.setCurrentWidget(self.reader)
            self.reader.scroll_to_section(section_id)

    def add_to_brief(self) -> None:
        sections = self.library.selected_sections()
        if not sections:
            self.statusBar().showMessage("Select sections in the library first.", 4000)
            return
        row = self.brief.insertion_row()
        items = [OutlineItem(ItemKind.EXCERPT, section_id=s) for s in sections]
        project, brief_id = self.session.project, self.session.brief_id
        label = f"Add {len(items)} excerpt{'s' if len(items) != 1 else ''}"
        self.session.push(
            OutlineCommand(self.session, label, lambda: project.insert_items(brief_id, items, row))
        )
        self.brief.select_ids([i.id or 0 for i in items])

    def move_items(self, step: int) -> None:
        rows = self.brief.model.with_covered(self.brief.selected_rows())
        if not rows:
            return
        count = self.brief.model.rowCount()
        if (step < 0 and rows[0] == 0) or (step > 0 and rows[-1] == count - 1):
            return
        ids = [self.brief.item_id_at(r) for r in rows]
        target = rows[0] - 1 if step < 0 else rows[-1] + 2
        project, brief_id = self.session.project, self.session.brief_id
        self.session.push(
            OutlineCommand(
                self.session,
                "Move up" if step < 0 else "Move down",
                lambda: project.move_items(brief_id, ids, target),
            )
        )
        self.brief.select_ids(ids)

    def indent(self, step: int) -> None:
        items = [self.brief.model.items[r] for r in self.brief.selected_rows()]
        headings = [i for i in items if i.kind is ItemKind.HEADING and 1 <= i.level + step <= 3]
        if not headings:
            self.statusBar().showMessage("Only headings have levels (1 to 3).", 4000)
            return
        project = self.session.project

        def change() -> None:
            for item in headings:
                project.update_item(item.id or 0, level=item.level + step)

        self.session.push(OutlineCommand(self.session, "Indent" if step > 0 else "Outdent", change))
        self.brief.select_ids([i.id or 0 for i in headings])

    def delete_items(self) -> None:
        ids = self.brief.selected_ids()
        if ids:
            project, brief_id = self.session.project, self.session.brief_id
            label = f"Delete {len(ids)} item{'s' if len(ids) != 1 else ''}"
            self.session.push(
                OutlineCommand(self.session, label, lambda: project.remove_items(brief_id, ids))
            )

    def add_text(self, kind: ItemKind) -> None:
        row = self.brief.insertion_row()
        text = "New heading" if kind is ItemKind.HEADING else "New note"
        item = OutlineItem(kind, text, level=1)
        project, brief_id = self.session.project, self.session.brief_id
        self.session.push(
            OutlineCommand(
                self.session,
                f"Add {kind.value}",
                lambda: project.insert_items(brief_id, [item], row),
            )
        )
        self.brief.select_ids([item.id or 0])
        self.brief.view.edit(self.brief.view.currentIndex())

    # -- briefs -------------------------------------------------------------------------------
    def new_brief(self) -> None:
        title, ok = QInputDialog.getText(self, "New brief", "Title:")
        if ok and title.strip():
            project = self.session.project
            self.session.push(
                BriefCommand(
                    self.session, "New brief", make=lambda: project.new_brief(title.strip())
                )
            )

    def rename_brief(self) -> None:
        brief = self.session.project.brief(self.session.brief_id)
        title, ok = QInputDialog.getText(self, "Rename brief", "Title:", text=brief.title)
        if ok and title.strip() and title.strip() != brief.title:
            self.session.push(RenameBriefCommand(self.session, brief.id or 0, title=title.strip()))

    def duplicate_brief(self) -> None:
        project, brief_id = self.session.project, self.session.brief_id
        self.session.push(
            BriefCommand(
                self.session, "Duplicate brief", make=lambda: project.duplicate_brief(brief_id)
            )
        )

    def delete_brief(self) -> None:
        brief = self.session.project.brief(self.session.brief_id)
        answer = QMessageBox.question(
            self, "Delete brief", f"Delete the brief “{brief.title}”? (Undo brings it back.)"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.push(BriefCommand(self.session, "Delete brief", delete=brief.id))

    # -- import -------------------------------------------------------------------------------
    def choose_imports(self) -> None:
        suffixes = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Import articles",
            str(self.settings.value("import/folder", "")),
            f"Articles ({suffixes});;All files (*)",
        )
        if paths:
            self.settings.setValue("import/folder", str(Path(paths[0]).parent))
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> ImportJob:
        """Read files off the UI thread; store each article as it comes; one undo step."""
        stored: list[Source] = []
        problems: list[str] = []
        dialog = QProgressDialog("Importing…", "Cancel", 0, len(paths), self)
        dialog.setWindowTitle("Import")
        dialog.setMinimumDuration(400)
        job = ImportJob(paths)

        def store(article: Article) -> None:
            try:
                source, duplicate = store_once(self.session.project, article)
                if not duplicate:
                    stored.append(source)
            except BriefsmithError as exc:
                problems.append(str(exc))

        def finish() -> None:
            dialog.reset()
            if stored:
                self.session.push(ImportCommand(self.session, stored))
                self.library.select_source(stored[-1].id or 0)
            skipped = len(paths) - len(stored) - len(problems)
            note = f"Imported {len(stored)} of {len(paths)} file(s)."
            if skipped > 0 and not job.cancelled:
                note += f" {skipped} already in the project."
            self.statusBar().showMessage(note, 8000)
            if problems:
                QMessageBox.warning(
                    self,
                    "Some files were not imported",
                    "\n".join(problems[:20])
                    + (f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""),
                )

        job.article.connect(store)
        job.problem.connect(problems.append)
        job.progress.connect(lambda done, total: dialog.setValue(done))
        job.finished.connect(finish)
        dialog.canceled.connect(lambda: setattr(job, "cancelled", True))
        keep(self, job).start()
        return job

    def paste_source(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            QMessageBox.information(
                self, "Paste as new source", "The clipboard holds no text. Copy an article first."
            )
            return
        try:
            article = read_text(text, name="Pasted text")
        except BriefsmithError as exc:
            QMessageBox.warning(self, "Paste as new source", str(exc))
            return
        dialog = PasteDialog(article, self)
        if dialog.exec():
            source = self.session.project.add_article(dialog.confirmed())
            self.session.push(ImportCommand(self.session, [source]))
            self.library.select_source(source.id or 0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    @staticmethod
    def _dropped_files(data: Any) -> list[Path]:
        if not data.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]
        files: list[Path] = []
        for path in paths:
            if path.is_dir():
                files += sorted(
                    p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES
                )
            elif path.is_file():
                files.append(path)
        return files

    # -- export, preview, find ---------------------------------------------------------------
    def export(self) -> ExportDialog:
        dialog = ExportDialog(self.session, self.settings, self)
        dialog.open()
        return dialog

    def preview_options(self) -> ExportOptions:
        s = self.settings
        return ExportOptions(
            style=str(s.value("preferences/style", "chicago")),
            notes="end" if s.value("preferences/notes") == "end" else "foot",
            paper="Letter" if s.value("preferences/paper") == "Letter" else "A4",
        )

    def show_preview(self) -> None:
        self.centre.setCurrentWidget(self.preview)
        self.preview.refresh()

    def find_text(self) -> None:
        self.library.search.setFocus()
        self.library.search.selectAll()

    # -- projects -----------------------------------------------------------------------------
    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", "", "Briefsmith (*.brief)")
        if path and self.open_project is not None:
            target = Path(path).with_suffix(".brief")
            from brief.project import Project

            try:
                Project.create(target).close()
            except BriefsmithError as exc:
                QMessageBox.warning(self, "New project", str(exc))
                return
            self.open_project(target)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", "", "Briefsmith (*.brief)")
        if path and self.open_project is not None:
            self.open_project(Path(path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_projects():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda checked=False, p=path: self._open_recent(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)

    def show_recent(self) -> None:
        self._fill_recent()
        self.recent_menu.popup(self.mapToGlobal(self.rect().center()))

    def _open_recent(self, path: str) -> None:
        if self.open_project is not None:
            self.open_project(Path(path))

    def recent_projects(self) -> list[str]:
        value = self.settings.value("recent", [])
        items = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        return [p for p in items if Path(p).exists()]

    def preferences(self) -> None:
        PreferencesDialog(self.settings, self).exec()

    def about(self) -> None:
        from brief import __version__

        QMessageBox.about(
            self,
            "About Briefsmith",
            f"<h3>Briefsmith {__version__}</h3><p>Turns a pile of news articles "
            "into a cited research brief: import, compose, export to PDF and "
            "DOCX with footnotes in Chicago, APA or MLA style.</p>",
        )

    # -- state --------------------------------------------------------------------------------
    def _update_status(self) -> None:
        project = self.session.project
        self.counts.setText(f"{project.source_count()} sources")
        self.a_undo.setToolTip(self.session.undo.undoText() or "Nothing to undo")

    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for splitter, key in (
            (self.splitter, "window/splitter"),
            (self.library.splitter, "window/library-splitter"),
        ):
            state = s.value(key)
            if state is not None:
                splitter.restoreState(state)
        path = str(self.session.project.path)
        recent = [path] + [p for p in self.recent_projects() if p != path]
        s.setValue("recent", recent[:MAX_RECENT])
        s.setValue("last-project", path)

    def closeEvent(self, event: QCloseEvent) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/library-splitter", self.library.splitter.saveState())
        self.library.stop()
        self.preview.stop()
        self.session.undo.blockSignals(True)
        self.session.blockSignals(True)  # nothing may reach the project once it is closed
        for job in getattr(self, "_jobs", []):
            job.cancelled = True
            job.wait()
        self.session.project.close()
        super().closeEvent(event)
