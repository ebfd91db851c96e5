"""The paragraphs of other sources that state what the current excerpt states (the "Also
reported by" panel), and how each counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from brief.errors import NotFoundError
from brief.story.corroborate import Match, Support
from desktop.mime import SECTIONS_MIME
from desktop.models.table import Index, RowsModel
from desktop.session import Session

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
REJECTED_ROLE = Qt.ItemDataRole.UserRole + 3
_HEADERS = ("Outlet", "Date", "Counts as", "Text")
_TIPS = (
    "The source's publisher (its title when the publisher is not known)",
    "Date published",
    "Independent, or why not: a copy of the excerpt's story, the same outlet, one story"
    " with another match, or marked wrong by you",
    "The paragraph that states it",
)


@dataclass(frozen=True)
class MatchRow:
    match: Match
    outlet: str
    title: str
    published: str
    text: str
    counts_as: str


class MatchesModel(RowsModel):
    """One row per match of the current excerpt's section, best first; rows drag into the
    brief as excerpts, like the library's sections."""

    HEADERS = _HEADERS
    TIPS = _TIPS
    MIME_TYPE = SECTIONS_MIME

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(session, parent)
        self.section_id: int | None = None
        self.support: Support | None = None
        self.rows: list[MatchRow] = []

    def set_section(self, section_id: int | None) -> None:
        self.beginResetModel()
        self.section_id = section_id
        self.support = None
        self.rows = []
        if section_id is not None:
            try:
                self.support = self.session.support(section_id)
                self.rows = self._rows(self.support)
            except NotFoundError:  # the excerpt's section is gone
                self.section_id = None
        self.endResetModel()

    def refresh(self) -> None:
        self.set_section(self.section_id)

    def _rows(self, support: Support) -> list[MatchRow]:
        project = self.session.project
        families = self.session.families()
        own_source = project.section(support.section_id).source_id or 0
        own_family = families.get(own_source)
        own_outlet = project.meta(own_source).publisher.strip().casefold()
        leaders = {m.section_id for m in support.independent_matches()}
        leader_of: dict[int, str] = {}
        rows = []
        for match in support.matches:
            meta = project.meta(match.source_id)
            outlet = meta.publisher or meta.title or "untitled"
            if match.rejected:
                counts_as = "marked wrong"
            elif match.group == 0:
                family = families.get(match.source_id)
                same_story = own_family is not None and family is own_family
                counts_as = "a copy of this story" if same_story else "the same outlet"
                if not same_story and meta.publisher.strip().casefold() != own_outlet:
                    counts_as = "one story with this source"
            elif match.section_id in leaders:
                counts_as = "independent"
                leader_of[match.group] = outlet
            else:
                counts_as = f"one with {leader_of.get(match.group, 'another match')}"
            text = project.section(match.section_id).text
            rows.append(MatchRow(match, outlet, meta.title, meta.published, text, counts_as))
        return rows

    # -- reading ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.outlet, row.published[:10], row.counts_as, " ".join(row.text.split()))
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            shared = ", ".join(row.match.shared) or "none"
            return f"{row.title}\nShared figures and names: {shared}\n\n{row.text[:1500]}"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return f"{row.outlet}, {row.counts_as}: {row.text[:300]}"
        if role == SECTION_ID_ROLE:
            return row.match.section_id
        if role == SOURCE_ID_ROLE:
            return row.match.source_id
        if role == REJECTED_ROLE:
            return row.match.rejected
        return None

    def drag_ids(self, rows: list[MatchRow]) -> list[int]:
        return [row.match.section_id for row in rows]
