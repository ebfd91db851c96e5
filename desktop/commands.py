"""The undo commands of the editing layer (`desktop.editor`): each one's redo calls a
domain operation and its undo the inverse one, and tells the session what changed so the
views follow."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from brief.errors import BriefsmithError
from brief.ingest.article import Article
from brief.model import Brief, OutlineItem, Source, SourceMeta

if TYPE_CHECKING:
    from brief.project import Project
    from desktop.editor import Editor

log = logging.getLogger(__name__)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Command(QUndoCommand):
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


class InsertItems(Command):
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


class MoveItems(Command):
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


class SetLevels(Command):
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


class RemoveItems(Command):
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


class EditText(Command):
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


class ReplaceSections(Command):
    """Excerpts pointed at other sections (a copy's paragraph at the original's)."""

    def __init__(
        self, editor: Editor, label: str, brief_id: int, changes: dict[int, tuple[int, int]]
    ) -> None:
        super().__init__(editor, label)
        self.brief_id, self.changes = brief_id, changes  # item id -> (old, new) section

    def apply(self) -> None:
        self.project.set_excerpt_sections({i: new for i, (_, new) in self.changes.items()})
        self.show_outline(self.brief_id)

    def revert(self) -> None:
        self.project.set_excerpt_sections({i: old for i, (old, _) in self.changes.items()})
        self.show_outline(self.brief_id)


class MarkMatch(Command):
    """A corroborating section marked as not stating the excerpt's fact, or that mark taken
    back."""

    def __init__(self, editor: Editor, section_id: int, other_id: int, wrong: bool) -> None:
        super().__init__(editor, "Mark match wrong" if wrong else "Mark match right")
        self.section_id, self.other_id, self.wrong = section_id, other_id, wrong

    def apply(self) -> None:
        self._mark(self.wrong)

    def revert(self) -> None:
        self._mark(not self.wrong)

    def _mark(self, wrong: bool) -> None:
        if wrong:
            self.project.reject_match(self.section_id, self.other_id)
        else:
            self.project.accept_match(self.section_id, self.other_id)
        self.session.matches_changed.emit(self.section_id, self.other_id)


class EditMeta(Command):
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


class UpdateSources(Command):
    """Metadata from a reference manager, confirmed by the user: one step for all sources."""

    def __init__(self, editor: Editor, values: dict[int, dict[str, object]]) -> None:
        super().__init__(editor, f"Update {plural(len(values), 'source')} from references")
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


class ImportArticles(Command):
    def __init__(self, editor: Editor, articles: Sequence[Article]) -> None:
        super().__init__(editor, f"Import {plural(len(articles), 'article')}")
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


class MakeBrief(Command):
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


class DeleteBrief(Command):
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


class RenameBrief(Command):
    def __init__(self, editor: Editor, brief_id: int, old: str, new: str) -> None:
        super().__init__(editor, "Rename brief")
        self.brief_id, self.old, self.new = brief_id, old, new

    def apply(self) -> None:
        self.project.update_brief(self.brief_id, title=self.new)
        self.session.briefs_changed.emit()

    def revert(self) -> None:
        self.project.update_brief(self.brief_id, title=self.old)
        self.session.briefs_changed.emit()
