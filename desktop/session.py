"""The open project, its undo stack, its editor, its jobs and the current brief."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from brief.briefs import UNTITLED
from brief.project import Project
from brief.story.corroborate import Corroborator, Support
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
    matches_changed = Signal(int, int)  # two sections: a match between them marked or not

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
        self._corroborator: Corroborator | None = None
        self._supports: dict[int, Support] = {}
        # first: views read them after
        self.sources_changed.connect(self._forget_families)
        self.meta_changed.connect(self._forget_supports)  # an outlet named anew
        self.matches_changed.connect(self._forget_match)

    def families(self) -> dict[int, Family]:
        """Story families by source id, read once after each change of the sources (the
        library's column and filter and the reader all ask)."""
        if self._families is None:
            self._families = self.project.families()
        return self._families

    def support(self, section_id: int) -> Support:
        """The other sources stating what a section states, worked out once until the
        sources, their outlets or the user's marks change (the outline asks on each paint)."""
        if section_id not in self._supports:
            if self._corroborator is None:
                self._corroborator = self.project.corroborator(self.families())
            self._supports[section_id] = self._corroborator.support(section_id)
        return self._supports[section_id]

    @Slot()
    def _forget_families(self) -> None:
        self._families = None
        self._corroborator = None
        self._supports.clear()

    @Slot(int)
    def _forget_supports(self, source_id: int) -> None:
        self._corroborator = None
        self._supports.clear()

    @Slot(int, int)
    def _forget_match(self, section_id: int, other_id: int) -> None:
        self._supports.pop(section_id, None)
        self._supports.pop(other_id, None)

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
