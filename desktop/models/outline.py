"""The brief's outline: headings, excerpts and notes; drops add and move, edits are commands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)

from brief.briefs import covered
from brief.compose import excerpt_text, pinpoint
from brief.errors import NotFoundError
from brief.model import ItemKind, OutlineItem, Source
from desktop.mime import OUTLINE_MIME, QUOTES_MIME, SECTIONS_MIME, decode, encode
from desktop.session import Session

Index: TypeAlias = QModelIndex | QPersistentModelIndex
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 3
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 4
SOURCE_LINE_ROLE = Qt.ItemDataRole.UserRole + 5  # "Source title · para. 3" (or "p. 3")
SUPPORT_ROLE = Qt.ItemDataRole.UserRole + 6  # "3 independent sources", "single source"


class OutlineModel(QAbstractListModel):
    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[OutlineItem] = []
        self._sources: dict[int, Source] = {}
        # (section id, span) -> (text, source line)
        self._excerpts: dict[tuple[int, tuple[int, int] | None], tuple[str, str]] = {}
        session.outline_changed.connect(self._outline_changed)
        session.current_brief_changed.connect(lambda _: self.reload())
        session.sources_changed.connect(self._forget_sources)
        session.meta_changed.connect(self._outlet_changed)
        session.matches_changed.connect(self._match_marked)
        self.reload()

    @property
    def project_key(self) -> str:
        return str(self.session.project.path)

    def reload(self) -> None:
        self.beginResetModel()
        try:
            self.items = self.session.project.brief(self.session.brief_id).items
        except NotFoundError:  # a read-only project without a brief
            self.items = []
        self.endResetModel()

    def _outline_changed(self, brief_id: int) -> None:
        if brief_id == self.session.brief_id:
            self.reload()

    def _forget_sources(self) -> None:
        self._sources.clear()
        self._excerpts.clear()

    @Slot(int)
    def _outlet_changed(self, source_id: int) -> None:
        self._refresh_badges()

    @Slot(int, int)
    def _match_marked(self, section_id: int, other_id: int) -> None:
        self._refresh_badges()

    def _refresh_badges(self) -> None:
        """An outlet renamed or a match marked: the badges are read again."""
        if self.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1), [SUPPORT_ROLE])

    def _support(self, section_id: int) -> tuple[str, str]:
        """The badge, and the tooltip's line naming the other outlets."""
        support = self.session.support(section_id)
        outlets = []
        for match in support.independent_matches():
            meta = self.session.project.meta(match.source_id)
            outlets.append(meta.publisher or meta.title or "untitled")
        if not outlets:
            return support.label, "No other outlet in the project states this."
        return support.label, "Also reported by " + ", ".join(outlets) + "."

    def _excerpt(self, section_id: int, span: tuple[int, int] | None = None) -> tuple[str, str]:
        """The excerpt's text (a quote's words, for an excerpt of a quote) and the line
        naming its source (and the speaker of a quote)."""
        if (section_id, span) not in self._excerpts:
            project = self.session.project
            section = project.section(section_id)
            source_id = section.source_id or 0
            if source_id not in self._sources:
                self._sources[source_id] = project.source(source_id)
            source = self._sources[source_id]
            title = source.meta.title or "untitled"
            point = pinpoint(source, section_id)
            line = f"{title} · {point}" if point is not None else title
            families = self.session.families()
            if span is not None:
                said = project.quote_at(section_id, span)
                line += f" · {said.speaker}" if said is not None else " · part"
            if source_id in families and project.original_section(section_id, families):
                line += " · a copy"  # Brief ▸ Cite the Original Instead offers the original
            self._excerpts[(section_id, span)] = (excerpt_text(section.text, span), line)
        return self._excerpts[(section_id, span)]

    # -- reading ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if item.kind is ItemKind.EXCERPT:
                return self._excerpt(item.section_id or 0, item.span)[0]
            return item.text
        if role == SOURCE_LINE_ROLE and item.kind is ItemKind.EXCERPT:
            return self._excerpt(item.section_id or 0, item.span)[1]
        if role == SUPPORT_ROLE and item.kind is ItemKind.EXCERPT:
            return self._support(item.section_id or 0)[0]
        if role == Qt.ItemDataRole.ToolTipRole and item.kind is ItemKind.EXCERPT:
            text, line = self._excerpt(item.section_id or 0, item.span)
            if line.endswith(" · a copy"):
                line += " of another source: Brief ▸ Cite the Original Instead cites that one."
            badge, others = self._support(item.section_id or 0)
            return f"{line}\n{badge}: {others}\n\n{text[:1500]}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            what = {
                ItemKind.HEADING: f"Heading level {item.level}",
                ItemKind.NOTE: "Note",
                ItemKind.EXCERPT: "Excerpt",
            }[item.kind]
            if item.kind is ItemKind.EXCERPT:
                return f"{what}, {self._support(item.section_id or 0)[0]}: {self.data(index)}"
            return f"{what}: {self.data(index)}"
        if role == KIND_ROLE:
            return item.kind.value
        if role == LEVEL_ROLE:
            return item.level
        if role == ITEM_ID_ROLE:
            return item.id
        if role == SECTION_ID_ROLE:
            return item.section_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if self.items[index.row()].kind is not ItemKind.EXCERPT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing in place --------------------------------------------------------------------
    def setData(
        self,
        index: Index,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.session.closed:
            return False
        item = self.items[index.row()]
        text = str(value).strip()
        return self.session.editor.edit_text(self.session.brief_id, item.id or 0, text)

    # -- drag and drop ------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [OUTLINE_MIME, SECTIONS_MIME, QUOTES_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def with_covered(self, rows: Sequence[int]) -> list[int]:
        """Rows together with what their headings cover, in order."""
        out: set[int] = set()
        for row in rows:
            out.update(covered(self.items, row))
        return sorted(out)

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = self.with_covered(sorted({i.row() for i in indexes if i.isValid()}))
        return encode(OUTLINE_MIME, [self.items[r].id or 0 for r in rows], self.project_key)

    def _target_row(self, row: int, parent: Index) -> int:
        if row < 0:  # dropped onto an item: it goes under that item
            return parent.row() + 1 if parent.isValid() else len(self.items)
        return row

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if decode(data, SECTIONS_MIME, self.project_key) or decode(
            data, QUOTES_MIME, self.project_key
        ):
            return True
        ids = decode(data, OUTLINE_MIME, self.project_key)
        if not ids:
            return False
        target = self._target_row(row, parent)
        rows = [n for n, item in enumerate(self.items) if item.id in set(ids)]
        # A heading dropped inside what it covers would swallow itself.
        return bool(rows) and not (rows[0] < target <= rows[-1] and len(rows) > 1)

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._target_row(row, parent)
        editor, brief_id = self.session.editor, self.session.brief_id
        sections = decode(data, SECTIONS_MIME, self.project_key)
        if sections:
            return bool(editor.add_excerpts(brief_id, sections, target))
        quotes = decode(data, QUOTES_MIME, self.project_key)
        if quotes:
            return bool(editor.add_quotes(brief_id, quotes, target))
        return editor.move(brief_id, decode(data, OUTLINE_MIME, self.project_key), target)
