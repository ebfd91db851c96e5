"""The editing layer: the only place that changes a project from the window.

Each named method pushes one `QUndoCommand` onto the session's stack; the command's redo calls
a domain operation and its undo the inverse one (orange-canvas-core's document commands are
the model). A command is run once before it is pushed: if the domain refuses it, it is never
pushed (the stack, its redo steps included, stays as it was) and the refusal is reported
through `refused`, so an edit is applied whole or not at all, and the user is told which. An
undo or redo that fails later makes its command obsolete, and Qt drops it from the stack.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from brief.errors import BriefsmithError
from brief.ingest.article import Article
from brief.model import Brief, ItemKind, OutlineItem, Source, SourceMeta

if TYPE_CHECKING:
    from brief.project import Project
    from desktop.session import Session

log = logging.getLogger(__name__)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class _Command(QUndoCommand):
    """A command that runs `apply` on redo and `revert` on undo; a failure of either makes
    it obsolete (Qt then drops it) and is reported to the editor."""

    def __init__(self, editor: Editor, label: str) -> None:
        super().__init__(label)
        self.editor = editor
        self.session = editor.session
        self.project: Project = editor.session.project
        self.applied = False  # run by the editor before the push, which then calls redo

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.applied:  # the push's own call: the editor has just run it
            self.applied = False
            return
        self._run(self.apply, "")

    def try_apply(self) -> bool:
        """Run the command before it is pushed; False if the domain refused it."""
        self._run(self.apply, "")
        self.applied = not self.isObsolete()
        return self.applied

    def undo(self) -> None:
        self._run(self.revert, "Undo: ")

    def _run(self, step: Callable[[], None], prefix: str) -> None:
        try:
            step()
        except (BriefsmithError, sqlite3.Error, ValueError) as exc:
            log.warning("%s%s refused: %s", prefix, self.text(), exc)
            self.setObsolete(True)
            self.editor.failures.append(f"{prefix}{self.text()}: {exc}")

    # What the views need to hear after a change.
    def show_outline(self, brief_id: int) -> None:
        self.session.set_brief(brief_id)
        self.session.outline_changed.emit(brief_id)

    def show_briefs(self, brief_id: int) -> None:
        self.session.briefs_changed.emit()
        self.session.set_brief(brief_id)
        self.session.outline_changed.emit(brief_id)


class _InsertItems(_Command):
    def __init__(
        self, editor: Editor, label: str, brief_id: int, items: list[OutlineItem], row: int
    ) -> None:
        super().__init__(editor, label)
        self.brief_id, self.items, self.row = brief_id, items, row

    def apply(self) -> None:  # the first time the items get ids; later they keep them
        self.project.insert_items(self.brief_id, self.items, self.row)
        self.show_outline(self.brief_id)

    def revert(self) -> None:
        self.project.remove_items(self.brief_id, [i.id or 0 for i in self.items])
        self.show_outline(self.brief_id)


class _MoveItems(_Command):
    def __init__(
        self, editor: Editor, label: str, brief_id: int, ids: Sequence[int], row: int
    ) -> None:
        super().__init__(editor, label)
        self.brief_id, self.ids, self.row = brief_id, list(ids), row
        self.before: list[int] = []

    def apply(self) -> None:
        self.before = self.project.item_ids(self.brief_id)
        self.project.move_items(self.brief_id, self.ids, self.row)
        self.show_outline(self.brief_id)

    def revert(self) -> None:
        self.project.reorder(self.brief_id, self.before)
        self.show_outline(self.brief_id)


class _SetLevels(_Command):
    def __init__(
        self, editor: Editor, label: str, brief_id: int, old: dict[int, int], new: dict[int, int]
    ) -> None:
        super().__init__(editor, label)
        self.brief_id, self.old, self.new = brief_id, old, new

    def apply(self) -> None:
        self.project.set_levels(self.new)
        self.show_outline(self.brief_id)

    def revert(self) -> None:
        self.project.set_levels(self.old)
        self.show_outline(self.brief_id)


class _RemoveItems(_Command):
    def __init__(self, editor: Editor, label: str, brief_id: int, ids: Sequence[int]) -> None:
        super().__init__(editor, label)
        self.brief_id, self.ids = brief_id, list(ids)
        self.removed: list[OutlineItem] = []

    def apply(self) -> None:
        self.removed = self.project.remove_items(self.brief_id, self.ids)
        self.show_outline(self.brief_id)

    def revert(self) -> None:
        self.project.restore_items(self.brief_id, self.removed)
        self.show_outline(self.brief_id)


class _EditText(_Command):
    def __init__(
        self, editor: Editor, label: str, brief_id: int, item_id: int, old: str, new: str
    ) -> None:
        super().__init__(editor, label)
        self.brief_id, self.item_id, self.old, self.new = brief_id, item_id, old, new

    def apply(self) -> None:
        self.project.update_item(self.item_id, text=self.new)
        self.show_outline(self.brief_id)

    def revert(self) -> None:
        self.project.update_item(self.item_id, text=self.old)
        self.show_outline(self.brief_id)


class _EditMeta(_Command):
    """Typed values lose their 'inferred' mark; undo puts back the whole metadata."""

    def __init__(self, editor: Editor, source_id: int, values: dict[str, object]) -> None:
        names = ", ".join(n.replace("_", " ") for n in values)
        super().__init__(editor, f"Edit {names}")
        self.source_id, self.values = source_id, values
        self.before: SourceMeta | None = None
        self.after: SourceMeta | None = None

    def apply(self) -> None:
        if self.after is None:
            self.before = self.project.source(self.source_id).meta
            self.after = self.project.update_meta(self.source_id, **self.values).meta
        else:
            self.project.set_meta(self.source_id, self.after)
        self._show()

    def revert(self) -> None:
        assert self.before is not None
        self.project.set_meta(self.source_id, self.before)
        self._show()

    def _show(self) -> None:
        self.session.meta_changed.emit(self.source_id)
        self.session.sources_changed.emit()


class _UpdateSources(_Command):
    """Metadata from a reference manager, confirmed by the user: one step for all sources."""

    def __init__(self, editor: Editor, values: dict[int, dict[str, object]]) -> None:
        super().__init__(editor, f"Update {_plural(len(values), 'source')} from references")
        self.values = values
        self.before: dict[int, SourceMeta] = {}
        self.after: dict[int, SourceMeta] = {}

    def apply(self) -> None:
        if not self.after:
            self.before = self.project.update_metas(self.values)
            self.after = {i: self.project.source(i).meta for i in self.values}
        else:
            self.project.set_metas(self.after)
        self._show()

    def revert(self) -> None:
        self.project.set_metas(self.before)
        self._show()

    def _show(self) -> None:
        for source_id in self.values:
            self.session.meta_changed.emit(source_id)
        self.session.sources_changed.emit()


class _Import(_Command):
    def __init__(self, editor: Editor, articles: Sequence[Article]) -> None:
        super().__init__(editor, f"Import {_plural(len(articles), 'article')}")
        self.articles = list(articles)
        self.sources: list[Source] = []

    def apply(self) -> None:
        if not self.sources:
            self.sources = self.project.add_articles(self.articles)
            self.articles = []  # the stored sources are what a redo puts back
        else:
            self.project.restore_sources(self.sources)
        self.session.sources_changed.emit()

    def revert(self) -> None:
        self.project.remove_sources([s.id or 0 for s in reversed(self.sources)])
        self.session.sources_changed.emit()


class _MakeBrief(_Command):
    """A new brief or a duplicate: undo deletes it, redo puts it back with its ids."""

    def __init__(self, editor: Editor, label: str, make: Callable[[], Brief]) -> None:
        super().__init__(editor, label)
        self.make = make
        self.brief: Brief | None = None
        self.previous = editor.session.brief_id

    def apply(self) -> None:
        self.brief = self.make() if self.brief is None else self.project.restore_brief(self.brief)
        self.show_briefs(self.brief.id or 0)

    def revert(self) -> None:
        assert self.brief is not None
        self.brief = self.project.brief(self.brief.id or 0)  # as it is now, for the redo
        self.project.delete_brief(self.brief.id or 0)
        briefs = [b.id or 0 for b in self.project.briefs()]
        self.show_briefs(self.previous if self.previous in briefs else briefs[0])


class _DeleteBrief(_Command):
    """Deleting the last brief leaves an empty "Untitled brief"; undo takes it away again."""

    def __init__(self, editor: Editor, brief_id: int) -> None:
        super().__init__(editor, "Delete brief")
        self.brief_id = brief_id
        self.brief: Brief | None = None
        self.replacement: Brief | None = None

    def apply(self) -> None:
        self.brief = self.project.brief(self.brief_id)
        self.replacement = self.project.remove_brief(self.brief_id, self.replacement)
        self.show_briefs(self.project.briefs()[0].id or 0)

    def revert(self) -> None:
        assert self.brief is not None
        replaced = self.replacement.id if self.replacement is not None else None
        self.project.restore_brief(self.brief, replacing=replaced)
        self.show_briefs(self.brief_id)


class _RenameBrief(_Command):
    def __init__(self, editor: Editor, brief_id: int, old: str, new: str) -> None:
        super().__init__(editor, "Rename brief")
        self.brief_id, self.old, self.new = brief_id, old, new

    def apply(self) -> None:
        self.project.update_brief(self.brief_id, title=self.new)
        self.session.briefs_changed.emit()

    def revert(self) -> None:
        self.project.update_brief(self.brief_id, title=self.old)
        self.session.briefs_changed.emit()


class Editor(QObject):
    """Named edits of the open project, each one undo step; see the module's docstring."""

    refused = Signal(str)  # an edit that was not made, and why

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.failures: list[str] = []
        self.last_refusal = ""  # the reason of the last edit refused, for callers to show

    @property
    def project(self) -> Project:
        return self.session.project

    def _push(self, command: _Command) -> bool:
        """Run the command and push it; False, and `refused` told, if it was refused."""
        self.failures.clear()
        log.info("%s", command.text())
        if not command.try_apply():
            return not self._report()
        self.session.undo.push(command)
        return True

    def undo(self) -> bool:
        self.failures.clear()
        log.info("undo %s", self.session.undo.undoText())
        self.session.undo.undo()
        return not self._report()

    def redo(self) -> bool:
        self.failures.clear()
        log.info("redo %s", self.session.undo.redoText())
        self.session.undo.redo()
        return not self._report()

    def _report(self) -> bool:
        if not self.failures:
            return False
        message = "; ".join(self.failures)
        self.failures.clear()
        self.last_refusal = message
        self.refused.emit(message)
        return True

    # -- the outline ----------------------------------------------------------------------------
    def add_excerpts(self, brief_id: int, section_ids: Sequence[int], row: int) -> list[int]:
        """Add sections as excerpts at `row`; returns the new items' ids ([] if refused)."""
        items = [OutlineItem(ItemKind.EXCERPT, section_id=s) for s in section_ids]
        if not items:
            return []
        label = f"Add {_plural(len(items), 'excerpt')}"
        if not self._push(_InsertItems(self, label, brief_id, items, row)):
            return []
        return [i.id or 0 for i in items]

    def add_text(self, brief_id: int, kind: ItemKind, text: str, row: int, level: int = 1) -> int:
        """Add a heading or a note; returns its id (0 if refused)."""
        item = OutlineItem(kind, text, level=level)
        ok = self._push(_InsertItems(self, f"Add {kind.value}", brief_id, [item], row))
        return (item.id or 0) if ok else 0

    def move(self, brief_id: int, item_ids: Sequence[int], row: int, label: str = "Move") -> bool:
        return bool(item_ids) and self._push(_MoveItems(self, label, brief_id, item_ids, row))

    def set_level(self, brief_id: int, item_ids: Sequence[int], step: int) -> list[int]:
        """Raise or lower headings by `step`; returns the ids of the headings changed."""
        items = [i for i in self.project.brief(brief_id).items if i.id in set(item_ids)]
        old = {
            i.id or 0: i.level
            for i in items
            if i.kind is ItemKind.HEADING and 1 <= i.level + step <= 3
        }
        if not old:
            return []
        new = {item_id: level + step for item_id, level in old.items()}
        label = "Indent" if step > 0 else "Outdent"
        return list(old) if self._push(_SetLevels(self, label, brief_id, old, new)) else []

    def remove(self, brief_id: int, item_ids: Sequence[int]) -> bool:
        label = f"Delete {_plural(len(item_ids), 'item')}"
        return bool(item_ids) and self._push(_RemoveItems(self, label, brief_id, item_ids))

    def edit_text(self, brief_id: int, item_id: int, text: str) -> bool:
        item = next((i for i in self.project.brief(brief_id).items if i.id == item_id), None)
        if item is None or item.kind is ItemKind.EXCERPT or not text or text == item.text:
            return False
        label = "Edit heading" if item.kind is ItemKind.HEADING else "Edit note"
        return self._push(_EditText(self, label, brief_id, item_id, item.text, text))

    # -- sources ---------------------------------------------------------------------------------
    def edit_meta(self, source_id: int, **values: object) -> bool:
        return bool(values) and self._push(_EditMeta(self, source_id, values))

    def update_sources(self, values: dict[int, dict[str, object]]) -> bool:
        """Set confirmed metadata of several sources as one undo step."""
        return bool(values) and self._push(_UpdateSources(self, values))

    def import_articles(self, articles: Sequence[Article]) -> list[Source]:
        """Store articles as one undo step; returns the stored sources ([] if refused)."""
        if not articles:
            return []
        command = _Import(self, articles)
        return list(command.sources) if self._push(command) else []

    # -- briefs ----------------------------------------------------------------------------------
    def new_brief(self, title: str) -> int:
        command = _MakeBrief(self, "New brief", lambda: self.project.new_brief(title))
        return (command.brief.id or 0) if self._push(command) and command.brief else 0

    def duplicate_brief(self, brief_id: int) -> int:
        command = _MakeBrief(
            self, "Duplicate brief", lambda: self.project.duplicate_brief(brief_id)
        )
        return (command.brief.id or 0) if self._push(command) and command.brief else 0

    def rename_brief(self, brief_id: int, title: str) -> bool:
        old = self.project.brief(brief_id).title
        return title != old and self._push(_RenameBrief(self, brief_id, old, title))

    def delete_brief(self, brief_id: int) -> bool:
        return self._push(_DeleteBrief(self, brief_id))
