"""Every edit is a QUndoCommand that calls a domain operation, so undo works everywhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from brief.model import Brief, OutlineItem, Source, SourceMeta
from desktop.session import Session


class OutlineCommand(QUndoCommand):
    """An outline edit: the first redo runs the domain operation; undo and later redos
    restore the outline before and after it, items keeping their ids."""

    def __init__(
        self,
        session: Session,
        label: str,
        operation: Callable[[], object],
        brief_id: int | None = None,
    ) -> None:
        super().__init__(label)
        self.session = session
        self.brief_id = brief_id if brief_id is not None else session.brief_id
        self.operation = operation
        self.before: list[OutlineItem] | None = None
        self.after: list[OutlineItem] | None = None

    def redo(self) -> None:
        project = self.session.project
        if self.after is None:
            self.before = project.brief(self.brief_id).items
            self.operation()
            self.after = project.brief(self.brief_id).items
        else:
            project.set_outline(self.brief_id, self.after)
        self._show()

    def undo(self) -> None:
        assert self.before is not None
        self.session.project.set_outline(self.brief_id, self.before)
        self._show()

    def _show(self) -> None:
        self.session.set_brief(self.brief_id)
        self.session.outline_changed.emit(self.brief_id)


class MetaCommand(QUndoCommand):
    """A metadata edit: typed values lose their 'inferred' flag; undo gives it back."""

    def __init__(self, session: Session, source_id: int, field: str, value: object) -> None:
        super().__init__(f"Edit {field.replace('_', ' ')}")
        self.session = session
        self.source_id = source_id
        self.field = field
        self.value = value
        self.before: SourceMeta | None = None

    def redo(self) -> None:
        project = self.session.project
        if self.before is None:
            self.before = project.source(self.source_id).meta
        project.update_meta(self.source_id, **{self.field: self.value})
        self._show()

    def undo(self) -> None:
        assert self.before is not None
        self.session.project.set_meta(self.source_id, self.before)
        self._show()

    def _show(self) -> None:
        self.session.meta_changed.emit(self.source_id)
        self.session.sources_changed.emit()


class ImportCommand(QUndoCommand):
    """Sources already stored by an import; undo removes them, redo puts them back."""

    def __init__(self, session: Session, sources: list[Source]) -> None:
        n = len(sources)
        super().__init__(f"Import {n} article{'s' if n != 1 else ''}")
        self.session = session
        self.sources = sources
        self.stored = True

    def redo(self) -> None:
        if not self.stored:
            for source in self.sources:
                self.session.project.restore_source(source)
            self.stored = True
        self.session.sources_changed.emit()

    def undo(self) -> None:
        for source in reversed(self.sources):
            self.session.project.remove_source(source.id or 0)
        self.stored = False
        self.session.sources_changed.emit()


class BriefCommand(QUndoCommand):
    """Create, duplicate or delete a brief; undo reverses it with the same ids."""

    def __init__(
        self,
        session: Session,
        label: str,
        make: Callable[[], Brief] | None = None,
        delete: int | None = None,
    ) -> None:
        super().__init__(label)
        self.session = session
        self.make = make
        self.delete_id = delete
        self.brief: Brief | None = None
        self.previous = session.brief_id

    def redo(self) -> None:
        project = self.session.project
        if self.make is not None:
            if self.brief is None:
                self.brief = self.make()
            else:
                project.restore_brief(self.brief)
            self._show(self.brief.id or 0)
        else:
            assert self.delete_id is not None
            self.brief = project.brief(self.delete_id)
            project.delete_brief(self.delete_id)
            remaining = project.briefs() or [project.new_brief("Untitled brief")]
            self._show(remaining[0].id or 0)

    def undo(self) -> None:
        project = self.session.project
        assert self.brief is not None
        if self.make is not None:
            project.delete_brief(self.brief.id or 0)
            self._show(self.previous)
        else:
            project.restore_brief(self.brief)
            self._show(self.brief.id or 0)

    def _show(self, brief_id: int) -> None:
        self.session.briefs_changed.emit()
        self.session.set_brief(brief_id)
        self.session.outline_changed.emit(brief_id)


class RenameBriefCommand(QUndoCommand):
    def __init__(self, session: Session, brief_id: int, **values: str) -> None:
        super().__init__("Rename brief")
        self.session = session
        self.brief_id = brief_id
        self.values = values
        old = session.project.brief(brief_id)
        self.old = {k: getattr(old, k) for k in values}

    def redo(self) -> None:
        self.session.project.update_brief(self.brief_id, **self.values)
        self.session.briefs_changed.emit()

    def undo(self) -> None:
        self.session.project.update_brief(self.brief_id, **self.old)
        self.session.briefs_changed.emit()
