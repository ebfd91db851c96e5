"""The open project, its undo stack and the current brief, with signals for the views."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from brief.project import Project


class Session(QObject):
    """What every panel shares. Views listen to its signals; edits go through `push`."""

    sources_changed = Signal()
    meta_changed = Signal(int)  # source id
    briefs_changed = Signal()
    outline_changed = Signal(int)  # brief id
    current_brief_changed = Signal(int)

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo = QUndoStack(self)
        self.brief_id = 0
        briefs = project.briefs()
        if not briefs:
            briefs = [project.new_brief("Untitled brief")]
        self.brief_id = briefs[0].id or 0

    def set_brief(self, brief_id: int) -> None:
        if brief_id != self.brief_id:
            self.brief_id = brief_id
            self.current_brief_changed.emit(brief_id)

    def push(self, command: Any) -> None:
        """Run an edit as an undoable command (QUndoStack calls its redo at once)."""
        self.undo.push(command)
