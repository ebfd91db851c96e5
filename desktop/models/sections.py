"""Sections of one source, or the sections of all sources that match a search."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, TypeAlias

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from brief.model import Section, SectionKind
from brief.project import Project
from desktop.mime import SECTIONS_MIME, encode

Index: TypeAlias = QModelIndex | QPersistentModelIndex
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # rich text: highlighted matches, the source's title
PLAIN_ROLE = Qt.ItemDataRole.UserRole + 5  # what HTML_ROLE shows, as plain text (row heights)
USED_ROLE = Qt.ItemDataRole.UserRole + 3  # already in the current brief
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 4
SEARCH_LIMIT = 200


@dataclass
class _Row:
    section: Section
    html: str
    plain: str


class SectionsModel(QAbstractListModel):
    """Rows are sections; drags carry their ids under Briefsmith's MIME type."""

    def __init__(
        self, project: Project, source_title: Callable[[int], str], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.source_title = source_title
        self.rows: list[_Row] = []
        self.used: set[int] = set()
        self.hide_used = False
        self.searching = False
        self._last: tuple[str, int | None] = ("", None)

    # -- filling ------------------------------------------------------------------------------
    def show_source(self, source_id: int | None) -> None:
        self._last = ("", source_id)
        self.searching = False
        sections = self.project.sections(source_id) if source_id is not None else []
        self._fill([_Row(s, _plain_html(s), s.text) for s in sections])

    def search(self, words: str, source_id: int | None = None) -> None:
        self._last = (words, source_id)
        self.searching = True
        hits = self.project.search(words, limit=SEARCH_LIMIT, source_id=source_id)
        rows = []
        for hit in hits:
            snippet = "".join(
                f"<b>{escape(t)}</b>" if match else escape(t) for t, match in hit.snippet
            )
            title = escape(self.source_title(hit.section.source_id or 0))
            plain = "".join(t for t, _ in hit.snippet)
            rows.append(
                _Row(
                    hit.section,
                    f'<span style="color:gray">{title}</span><br>{snippet}',
                    f"{self.source_title(hit.section.source_id or 0)}\n{plain}",
                )
            )
        self._fill(rows)

    def refresh(self) -> None:
        words, source_id = self._last
        if words:
            self.search(words, source_id)
        else:
            self.show_source(source_id)

    def set_used(self, used: set[int]) -> None:
        if used == self.used:
            return
        self.used = used
        if self.hide_used:
            self.refresh()
        elif self.rows:
            # The "in the brief" mark changes a row's height: lay the rows out again.
            self.layoutAboutToBeChanged.emit()
            self.layoutChanged.emit()

    def set_hide_used(self, hide: bool) -> None:
        self.hide_used = hide
        self.refresh()

    def _fill(self, rows: list[_Row]) -> None:
        if self.hide_used:
            rows = [r for r in rows if r.section.id not in self.used]
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    # -- the model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        section = row.section
        if role == Qt.ItemDataRole.DisplayRole:
            return section.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return section.text if len(section.text) < 2000 else section.text[:2000] + "…"
        if role == HTML_ROLE:
            return row.html
        if role == PLAIN_ROLE:
            return row.plain
        if role == SECTION_ID_ROLE:
            return section.id
        if role == SOURCE_ID_ROLE:
            return section.source_id
        if role == USED_ROLE:
            return section.id in self.used
        if role == Qt.ItemDataRole.AccessibleTextRole:
            used = " (in the brief)" if section.id in self.used else ""
            page = f", page {section.page}" if section.page else ""
            return f"{section.kind.value.replace('_', ' ')}{page}{used}: {section.text[:200]}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [SECTIONS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self.rows[r].section.id or 0 for r in rows]
        return encode(SECTIONS_MIME, ids, str(self.project.path))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def _plain_html(section: Section) -> str:
    text = escape(section.text)
    if section.kind is SectionKind.HEADING:
        return f"<b>{text}</b>"
    if section.kind is SectionKind.CAPTION:
        return f'<span style="color:gray">Caption: {text}</span>'
    if section.kind is SectionKind.NOTE:
        return f'<span style="color:gray">Note: {text}</span>'
    if section.kind is SectionKind.QUOTE:
        return f"<i>{text}</i>"
    if section.kind is SectionKind.LIST_ITEM:
        return f"• {text}"
    return text
