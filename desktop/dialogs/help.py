"""Help: the keyboard shortcuts (read from the actions themselves) and a first-steps page."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a shortcut, as the user reads them."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            what = action.text().replace("&", "").rstrip("…").split(" (")[0]
            if what.startswith(("Undo ", "Redo ")):
                what = what.split(" ")[0]  # not the step it would undo now
            rows.append((what, "  or  ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Command", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 560)


GETTING_STARTED = [
    (
        "1. Bring in articles",
        "Drop saved pages, text files, Markdown, Word or PDF files (or whole folders) on the "
        "window, or use <b>File ▸ Import Files…</b> (Ctrl+I). To keep text you copied from a "
        "web page, use <b>Paste as New Source</b> (Ctrl+Shift+V): Briefsmith removes the "
        "menus, cookie notices and share buttons and shows you what it found. To fetch a "
        "page from its address, use <b>File ▸ Import from URL…</b> (Ctrl+Shift+I) or drop "
        "the link on the window.",
    ),
    (
        "2. Find what matters",
        "The library (left) lists your sources; type in the search box (Ctrl+F) to search "
        "every paragraph of every source. Click a paragraph to read it in place in the "
        "reader (centre). Check and correct the title, authors, publisher and date there: "
        "values in italics were guessed from the text. The Story column marks sources that "
        "share paragraphs (wire copy, reposts): <b>View ▸ Only This Story</b> (Ctrl+Shift+S) "
        "shows one story's sources, and the reader links each to its relatives.",
    ),
    (
        "3. Build the brief",
        "Drag paragraphs into the brief (right), or select them and press Ctrl+Enter. Add "
        "headings (Ctrl+Shift+H) and notes of your own (Ctrl+Shift+N), edit them with F2, "
        "move items with Alt+Up and Alt+Down. Every change is saved as you make it, and "
        "Ctrl+Z undoes it. Each excerpt says how many independent outlets in your library "
        "report it (“2 independent sources”, “single source”); <b>View ▸ Also Reported By</b> "
        "(Ctrl+Shift+R) lists them, and lets you mark a match that says something else. "
        "<b>View ▸ People</b> (Ctrl+Shift+P) lists everyone the sources quote and what each "
        "said; <b>View ▸ Timeline</b> (Ctrl+Shift+T) lists the days the sources speak of. "
        "Drag a quote or an event into the brief as you would a paragraph.",
    ),
    (
        "4. Export",
        "Press Ctrl+R to see the brief as the PDF will be, then Ctrl+E to export a PDF or "
        "a Word document with footnotes or endnotes in Chicago, APA or MLA style and a "
        "bibliography, and, if you like, “Also reported by” under each excerpt. "
        "Ctrl+Shift+C copies a paragraph with its citation; <b>File ▸ Export "
        "Library as…</b> gives your sources to Zotero, EndNote or LaTeX, and <b>File ▸ Update "
        "Sources from References…</b> takes their metadata back from them.",
    ),
]


class GettingStartedDialog(QDialog):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Getting started with Briefsmith")
        self.text = QTextBrowser()
        self.text.setAccessibleName("Getting started")
        self.text.setHtml(
            "".join(f"<h3>{escape(title)}</h3><p>{body}</p>" for title, body in GETTING_STARTED)
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 520)
