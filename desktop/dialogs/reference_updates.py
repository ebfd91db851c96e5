"""Update Sources from References: what a reference manager's file would change in each
matched source, every change ticked, for the user to confirm or untick."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from brief.reference_import import LABELS, Update

FIELD_ROLE = Qt.ItemDataRole.UserRole + 1


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "—"
    return str(value) if value else "—"


class ReferenceUpdatesDialog(QDialog):
    """One row per source (by title, with how it was matched), one ticked row per change
    under it: field, value now, value from the reference."""

    def __init__(self, updates: list[Update], file_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Update sources from references")
        self.updates = updates
        noun = "source matches" if len(updates) == 1 else "sources match"
        intro = QLabel(
            f"{len(updates)} {noun} a reference in {file_name} by its address or DOI. "
            "Untick what should stay as it is."
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Field", "Now", "From the reference"])
        self.tree.setAccessibleName("Changes")
        for update in updates:
            top = QTreeWidgetItem([f"{update.source_title} (by {update.matched_by})"])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsAutoTristate)
            for change in update.changes:
                row = QTreeWidgetItem(
                    [LABELS[change.field], _shown(change.old), _shown(change.new)]
                )
                row.setData(0, FIELD_ROLE, change.field)
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(0, Qt.CheckState.Checked)
                top.addChild(row)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # only once in the tree does the span hold
            top.setExpanded(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 150)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Update")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def confirmed(self) -> dict[int, dict[str, object]]:
        """The ticked changes, by source id."""
        values: dict[int, dict[str, object]] = {}
        for index, update in enumerate(self.updates):
            top = self.tree.topLevelItem(index)
            rows = [top.child(n) for n in range(top.childCount())] if top else []
            chosen = [
                row.data(0, FIELD_ROLE)
                for row in rows
                if row is not None and row.checkState(0) == Qt.CheckState.Checked
            ]
            if chosen:
                values[update.source_id] = update.values(chosen)
        return values
