"""The window's actions, menus and toolbar: every command a user can give, in one place.

Each action has its own shortcuts, none shared with another action (a shared key makes Qt
refuse both: "Ambiguous shortcut overload"); `tests/test_window.py` checks that. The Keyboard
Shortcuts window is generated from these actions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

if TYPE_CHECKING:
    from desktop.window import MainWindow

Key = QKeySequence.StandardKey


def standard(primary: list[str], key: QKeySequence.StandardKey) -> list[QKeySequence]:
    """Our keys for an action plus the platform's own, each once (on X11 the platform's Redo
    is Ctrl+Shift+Z, which listing twice would make ambiguous)."""
    keys = [QKeySequence(k) for k in primary]
    for extra in QKeySequence.keyBindings(key):
        if not extra.isEmpty() and extra not in keys:
            keys.append(extra)
    return keys


class Actions:
    """Builds the actions on a window and keeps them as attributes."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        brief, library, preview = w.brief, w.library, w.preview
        importer = w.importer
        self.new = self._make("&New Project…", w.new_project, [Key.New])
        self.open = self._make("&Open Project…", w.choose_project, [Key.Open])
        self.recent = self._make(
            "Open &Recent…", w.show_recent, ["Ctrl+Shift+O"], "Choose one of the last projects"
        )
        self.import_files = self._make("&Import Files…", w.choose_imports, ["Ctrl+I"])
        self.import_url = self._make(
            "Import from &URL…",
            importer.ask_for_url,
            ["Ctrl+Shift+I"],
            "Fetch a web page and import its article (the only time Briefsmith uses the network)",
        )
        self.paste = self._make(
            "&Paste as New Source",
            importer.paste,
            ["Ctrl+Shift+V"],
            "Make a new source of the article on the clipboard",
        )
        self.export = self._make("&Export Brief…", w.export, ["Ctrl+E"])
        self.export_library = self._make(
            "Export &Library as…",
            w.citing.export_library,
            tip="The library's sources as CSL-JSON, BibTeX or RIS, for a reference manager",
        )
        self.update_sources = self._make(
            "&Update Sources from References…",
            w.citing.update_from_references,
            tip="Fill sources' metadata from a reference manager's CSL-JSON, BibTeX or RIS file",
        )
        self.quit = self._make("&Quit", w.close, [Key.Quit])
        self.undo = self._make("&Undo", w.session.editor.undo, standard(["Ctrl+Z"], Key.Undo))
        self.redo = self._make(
            "&Redo", w.session.editor.redo, standard(["Ctrl+Shift+Z", "Ctrl+Y"], Key.Redo)
        )
        self.undo.setIconText("Undo")  # the toolbar keeps its width; the step is in the tip
        self.redo.setIconText("Redo")
        self.find = self._make("&Find…", w.find_text, [Key.Find], "Search all sections")
        self.copy_cited = self._make(
            "&Copy with Citation",
            w.citing.copy_with_citation,
            ["Ctrl+Shift+C"],
            "Copy the selected excerpts with their citations in the current style",
        )
        self.add = self._make(
            "&Add to Brief",
            w.add_to_brief,
            ["Ctrl+Return", "Ctrl+Enter"],
            "Add the selected sections to the brief",
        )
        self.up = self._make("Move &Up", brief.move_up, ["Alt+Up"])
        self.down = self._make("Move &Down", brief.move_down, ["Alt+Down"])
        self.indent = self._make(
            "&Indent", brief.indent, ["Ctrl+]"], "Make the selected heading one level lower"
        )
        self.outdent = self._make(
            "&Outdent", brief.outdent, ["Ctrl+["], "Make the selected heading one level higher"
        )
        self.edit_item = self._make(
            "&Edit Item", brief.edit_current, ["F2"], "Edit the selected heading or note"
        )
        self.delete = self._make("De&lete from Brief", brief.delete_selected, [Key.Delete])
        self.cite_original = self._make(
            "Cite the Ori&ginal Instead",
            brief.cite_originals,
            tip="The selected excerpts of a copy (a repost, a pickup) cite the same paragraph"
            " in its story's original",
        )
        self.heading = self._make("Add &Heading", brief.add_heading, ["Ctrl+Shift+H"])
        self.note = self._make("Add &Note", brief.add_note, ["Ctrl+Shift+N"])
        self.brief_new = self._make("Ne&w Brief…", brief.new_brief)
        self.brief_rename = self._make("&Rename Brief…", brief.rename_brief)
        self.brief_duplicate = self._make("Du&plicate Brief", brief.duplicate_brief)
        self.brief_delete = self._make("Delete &Brief…", brief.delete_brief)
        self.same_story = self._make(
            "Only This &Story",
            library.toggle_story,
            ["Ctrl+Shift+S"],
            "Show only the sources sharing paragraphs with the selected one, or all again",
        )
        self.same_story.setCheckable(True)
        library.same_story.toggled.connect(self.same_story.setChecked)
        self.also_reported = self._make(
            "&Also Reported By",
            w.toggle_corroboration,
            ["Ctrl+Shift+R"],
            "The other sources stating what the current excerpt states, and how many"
            " independent outlets that makes",
        )
        self.also_reported.setCheckable(True)
        w.corroboration_dock.visibilityChanged.connect(self.also_reported.setChecked)
        self.people = self._make(
            "&People",
            w.toggle_people,
            ["Ctrl+Shift+P"],
            "Everyone the sources quote, and what each said; drag a quote into the brief",
        )
        self.people.setCheckable(True)
        w.people_dock.visibilityChanged.connect(self.people.setChecked)
        self.timeline = self._make(
            "&Timeline",
            w.toggle_timeline,
            ["Ctrl+Shift+T"],
            "What the sources say happened, day by day; narrow the library to some days",
        )
        self.timeline.setCheckable(True)
        w.timeline_dock.visibilityChanged.connect(self.timeline.setChecked)
        self.preview = self._make("Update &Preview", w.show_preview, ["Ctrl+R"])
        self.zoom_in = self._make("Zoom &In", preview.zoom_in, [Key.ZoomIn])
        self.zoom_out = self._make("Zoom &Out", preview.zoom_out, [Key.ZoomOut])
        self.fit_width = self._make("&Fit Width", preview.fit_width, ["Ctrl+0"])
        self.prefs = self._make("&Preferences…", w.preferences, ["Ctrl+,"])
        self.shortcuts = self._make(
            "&Keyboard Shortcuts", w.show_shortcuts, ["Ctrl+/"], "Every shortcut of Briefsmith"
        )
        self.getting_started = self._make(
            "&Getting Started", w.show_getting_started, [Key.HelpContents]
        )
        self.about = self._make("&About Briefsmith", w.about)
        # Keys that mean something else while typing act only where they belong.
        for action, view in ((self.delete, brief.view), (self.edit_item, brief.view)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        self._context_menu(library.list, [self.add, self.copy_cited])
        self._context_menu(library.table, [self.same_story])
        self._context_menu(
            brief.view,
            [
                self.edit_item,
                self.copy_cited,
                self.cite_original,
                self.also_reported,
                self.up,
                self.down,
                self.indent,
                self.outdent,
                self.delete,
            ],
        )
        w.session.undo.canUndoChanged.connect(self.undo.setEnabled)
        w.session.undo.canRedoChanged.connect(self.redo.setEnabled)
        w.session.undo.undoTextChanged.connect(self._undo_text)
        w.session.undo.redoTextChanged.connect(self._redo_text)
        self._undo_text("")
        self._redo_text("")

        self.router = _UndoRouter(self.undo, self.redo, window)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.router)

    def _make(
        self,
        text: str,
        slot: Callable[[], Any],
        keys: list[Any] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    @staticmethod
    def _context_menu(view: Any, actions: list[QAction]) -> None:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addActions(actions)

    def _undo_text(self, text: str) -> None:
        self.undo.setText(f"&Undo {text}" if text else "&Undo")
        self.undo.setToolTip(f"Undo {text}" if text else "Nothing to undo")
        self.undo.setEnabled(self.window.session.undo.canUndo())

    def _redo_text(self, text: str) -> None:
        self.redo.setText(f"&Redo {text}" if text else "&Redo")
        self.redo.setToolTip(f"Redo {text}" if text else "Nothing to redo")
        self.redo.setEnabled(self.window.session.undo.canRedo())

    def all(self) -> list[QAction]:
        return [a for a in vars(self).values() if isinstance(a, QAction)]

    # -- menus and toolbar -----------------------------------------------------------------------
    def build_menus(
        self, recent_menu_filler: Callable[[QMenu], None], open_recent: Callable[[Any], None]
    ) -> None:
        w = self.window
        bar = w.menuBar()
        file = bar.addMenu("&File")
        file.addActions([self.new, self.open])
        recent = file.addMenu("Open &Recent")
        recent.aboutToShow.connect(lambda: recent_menu_filler(recent))
        recent.triggered.connect(open_recent)
        file.addSeparator()
        file.addActions(
            [
                self.import_files,
                self.import_url,
                self.paste,
                self.export,
                self.export_library,
                self.update_sources,
            ]
        )
        file.addSeparator()
        file.addAction(self.quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.copy_cited, self.find, self.add])
        edit.addSeparator()
        edit.addAction(self.prefs)
        brief = bar.addMenu("&Brief")
        brief.addActions(
            [
                self.heading,
                self.note,
                self.edit_item,
                self.up,
                self.down,
                self.indent,
                self.outdent,
                self.delete,
                self.cite_original,
            ]
        )
        brief.addSeparator()
        brief.addActions(
            [self.brief_new, self.brief_rename, self.brief_duplicate, self.brief_delete]
        )
        w.brief.menu_button.setMenu(brief)
        view = bar.addMenu("&View")
        view.addActions([self.same_story, self.also_reported, self.people, self.timeline])
        view.addSeparator()
        view.addActions([self.preview, self.zoom_in, self.zoom_out, self.fit_width])
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.getting_started, self.shortcuts])
        help_menu.addSeparator()
        help_menu.addAction(self.about)
        # Short labels, so that the main actions fit a 1024-pixel-wide window.
        for action, label in (
            (self.import_files, "Import…"),
            (self.paste, "Paste"),
            (self.add, "Add to Brief"),
            (self.heading, "Heading"),
            (self.note, "Note"),
            (self.preview, "Preview"),
            (self.export, "Export…"),
        ):
            action.setIconText(label)
        tools = w.addToolBar("Main")
        tools.setObjectName("main-toolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.addActions([self.import_files, self.paste])
        tools.addSeparator()
        tools.addActions([self.undo, self.redo])
        tools.addSeparator()
        tools.addActions([self.add, self.heading, self.note])
        tools.addSeparator()
        tools.addActions([self.preview, self.export])


class _UndoRouter(QObject):
    """Ctrl+Z in a text field undoes the field's typing, as everywhere; but a field with
    nothing of its own to undo (the search box after a deleted brief, say) lets the key
    through to the project's Undo instead of swallowing it."""

    def __init__(self, undo: QAction, redo: QAction, parent: QObject) -> None:
        super().__init__(parent)
        self.undo_keys = undo.shortcuts()
        self.redo_keys = redo.shortcuts()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QLineEdit):
            return False
        assert isinstance(event, QKeyEvent)
        pressed = QKeySequence(event.keyCombination())
        if pressed in self.undo_keys and not watched.isUndoAvailable():
            event.ignore()
            return True
        if pressed in self.redo_keys and not watched.isRedoAvailable():
            event.ignore()
            return True
        return False
