"""The editing layer: the only place that changes a project from the window.

Each named method pushes one `QUndoCommand` (`desktop.commands`) onto the session's stack;
its redo calls a domain operation and its undo the inverse one (orange-canvas-core's document
commands are the model). A command is run once before it is pushed: if the domain refuses it,
it is never pushed (the stack, its redo steps included, stays as it was) and the refusal is
reported through `refused`, so an edit is applied whole or not at all, and the user is told
which. An undo or redo that fails later makes its command obsolete, and Qt drops it from the
stack.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from brief.errors import NotFoundError
from brief.ingest.article import Article
from brief.model import ItemKind, OutlineItem, Source
from desktop.commands import (
    Command,
    DeleteBrief,
    EditMeta,
    EditText,
    ImportArticles,
    InsertItems,
    MakeBrief,
    MarkMatch,
    MoveItems,
    RemoveItems,
    RenameBrief,
    ReplaceSections,
    SetLevels,
    UpdateSources,
    plural,
)

if TYPE_CHECKING:
    from brief.project import Project
    from desktop.session import Session

log = logging.getLogger(__name__)


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

    def _push(self, command: Command) -> bool:
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
        label = f"Add {plural(len(items), 'excerpt')}"
        if not self._push(InsertItems(self, label, brief_id, items, row)):
            return []
        return [i.id or 0 for i in items]

    def add_quotes(self, brief_id: int, quote_ids: Sequence[int], row: int) -> list[int]:
        """Add quotes (from the People panel) as excerpts of their words at `row`."""
        try:
            quotes = [self.project.quote(q) for q in quote_ids]
        except NotFoundError as exc:  # the source was removed meanwhile
            self.refused.emit(str(exc))
            return []
        items = [
            OutlineItem(ItemKind.EXCERPT, section_id=q.section_id, span=(q.start, q.end))
            for q in quotes
        ]
        if not items:
            return []
        if not self._push(
            InsertItems(self, f"Add {plural(len(items), 'quote')}", brief_id, items, row)
        ):
            return []
        return [i.id or 0 for i in items]

    def add_text(self, brief_id: int, kind: ItemKind, text: str, row: int, level: int = 1) -> int:
        """Add a heading or a note; returns its id (0 if refused)."""
        item = OutlineItem(kind, text, level=level)
        ok = self._push(InsertItems(self, f"Add {kind.value}", brief_id, [item], row))
        return (item.id or 0) if ok else 0

    def move(self, brief_id: int, item_ids: Sequence[int], row: int, label: str = "Move") -> bool:
        return bool(item_ids) and self._push(MoveItems(self, label, brief_id, item_ids, row))

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
        return list(old) if self._push(SetLevels(self, label, brief_id, old, new)) else []

    def remove(self, brief_id: int, item_ids: Sequence[int]) -> bool:
        label = f"Delete {plural(len(item_ids), 'item')}"
        return bool(item_ids) and self._push(RemoveItems(self, label, brief_id, item_ids))

    def edit_text(self, brief_id: int, item_id: int, text: str) -> bool:
        item = next((i for i in self.project.brief(brief_id).items if i.id == item_id), None)
        if item is None or item.kind is ItemKind.EXCERPT or not text or text == item.text:
            return False
        label = "Edit heading" if item.kind is ItemKind.HEADING else "Edit note"
        return self._push(EditText(self, label, brief_id, item_id, item.text, text))

    def cite_originals(self, brief_id: int, item_ids: Sequence[int]) -> int:
        """Excerpts taken from copies cite the same paragraph in their story's original
        instead, as one undo step; how many changed (0: none of them could)."""
        chosen = set(item_ids)
        items = {i.id: i for i in self.project.brief(brief_id).items if i.id in chosen}
        changes = {}
        for item_id, item in items.items():
            # an excerpt of a quote keeps its own source: the span is of that paragraph
            if item.kind is ItemKind.EXCERPT and item.section_id is not None and not item.span:
                original = self.project.original_section(item.section_id, self.session.families())
                if original is not None:
                    changes[item_id or 0] = (item.section_id, original)
        label = f"Cite the original for {plural(len(changes), 'excerpt')}"
        return (
            len(changes)
            if changes and self._push(ReplaceSections(self, label, brief_id, changes))
            else 0
        )

    def mark_match(self, section_id: int, other_id: int, wrong: bool) -> bool:
        """Say that another source's section does (not) state what this one states."""
        return self._push(MarkMatch(self, section_id, other_id, wrong))

    # -- sources ---------------------------------------------------------------------------------
    def edit_meta(self, source_id: int, **values: object) -> bool:
        return bool(values) and self._push(EditMeta(self, source_id, values))

    def update_sources(self, values: dict[int, dict[str, object]]) -> bool:
        """Set confirmed metadata of several sources as one undo step."""
        return bool(values) and self._push(UpdateSources(self, values))

    def import_articles(self, articles: Sequence[Article]) -> list[Source]:
        """Store articles as one undo step; returns the stored sources ([] if refused)."""
        if not articles:
            return []
        command = ImportArticles(self, articles)
        return list(command.sources) if self._push(command) else []

    # -- briefs ----------------------------------------------------------------------------------
    def new_brief(self, title: str) -> int:
        command = MakeBrief(self, "New brief", lambda: self.project.new_brief(title))
        return (command.brief.id or 0) if self._push(command) and command.brief else 0

    def duplicate_brief(self, brief_id: int) -> int:
        command = MakeBrief(self, "Duplicate brief", lambda: self.project.duplicate_brief(brief_id))
        return (command.brief.id or 0) if self._push(command) and command.brief else 0

    def rename_brief(self, brief_id: int, title: str) -> bool:
        old = self.project.brief(brief_id).title
        return title != old and self._push(RenameBrief(self, brief_id, old, title))

    def delete_brief(self, brief_id: int) -> bool:
        return self._push(DeleteBrief(self, brief_id))
