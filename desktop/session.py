"""The open project, its undo stack, its editor, its jobs and the current brief."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from brief.briefs import UNTITLED
from brief.project import Project
from brief.story.families import Family
from desktop.editor import Editor
from desktop.jobs import JobRegistry


class Session(QObject):
    """What every panel shares. Views listen to its signals; edits go through `editor`,
    work off the UI thread through `jobs`."""

    sources_changed = Signal()
    meta_changed = Signal(int)  # source id
    briefs_changed = Signal()
    outline_changed = Signal(int)  # brief id
    current_brief_changed = Signal(int)

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo = QUndoStack(self)
        self.editor = Editor(self)
        self.jobs = JobRegistry(self)
        briefs = project.briefs()
        if not briefs and not project.readonly:
            briefs = [project.new_brief(UNTITLED)]
        self.brief_id = (briefs[0].id or 0) if briefs else 0  # 0: none (read-only)
        self.closed = False
        self._families: dict[int, Family] | None = None
        self.sources_changed.connect(self._forget_families)  # first: views read them after

    def families(self) -> dict[int, Family]:
        """Story families by source id, read once after each change of the sources (the
        library's column and filter and the reader all ask)."""
        if self._families is None:
            self._families = self.project.families()
        return self._families

    @Slot()
    def _forget_families(self) -> None:
        self._families = None

    def set_brief(self, brief_id: int) -> None:
        if brief_id != self.brief_id:
            self.brief_id = brief_id
            self.current_brief_changed.emit(brief_id)

    def close(self) -> None:
        """Stop every job (waiting for those that cannot stop at once), then the project."""
        self.closed = True
        self.jobs.shutdown()
        self.undo.blockSignals(True)
        self.blockSignals(True)  # nothing may reach the project once it is closed
        self.project.close()
