"""Paste as new source: the detected title, date and publisher, for the user to confirm."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from brief.ingest.article import Article
from brief.model import Origin


class PasteDialog(QDialog):
    """Shows what import found in the pasted text; what the user changes counts as typed."""

    def __init__(self, article: Article, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste as new source")
        self.article = article
        meta = article.meta
        self.title = QLineEdit(meta.title)
        self.date = QLineEdit(meta.published)
        self.publisher = QLineEdit(meta.publisher)
        form = QFormLayout()
        for label, edit in (
            ("Title", self.title),
            ("Date", self.date),
            ("Publisher", self.publisher),
        ):
            edit.setAccessibleName(label)
            form.addRow(label, edit)
        summary = QLabel(
            f"{len(article.body())} paragraphs kept, {article.junk_lines} lines "
            "of page furniture removed. Check the details, then add the source."
        )
        summary.setWordWrap(True)
        body = QPlainTextEdit("\n\n".join(article.body()))
        body.setReadOnly(True)
        body.setAccessibleName("Cleaned text")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add source")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(summary)
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def confirmed(self) -> Article:
        """The article with the user's corrections (typed values lose 'inferred')."""
        meta = self.article.meta
        for field, edit in (
            ("title", self.title),
            ("published", self.date),
            ("publisher", self.publisher),
        ):
            value = edit.text().strip()
            if value != getattr(meta, field):
                meta.set(field, value, Origin.USER)
        return self.article
