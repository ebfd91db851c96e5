"""Paste as new source: the detected metadata, for the user to correct and confirm."""

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
    """Shows what import found in the pasted text. What the user confirms here counts as
    typed by the user: checked by a person, so no longer marked as guessed."""

    def __init__(self, article: Article, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste as new source")
        self.article = article
        meta = article.meta
        self.title = QLineEdit(meta.title)
        self.authors = QLineEdit(", ".join(meta.authors))
        self.authors.setPlaceholderText("First Last, First Last")
        self.publisher = QLineEdit(meta.publisher)
        self.date = QLineEdit(meta.published)
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.url = QLineEdit(meta.url)
        self.url.setPlaceholderText("https://…")
        form = QFormLayout()
        for label, edit in (
            ("Title", self.title),
            ("Authors", self.authors),
            ("Publisher", self.publisher),
            ("Date", self.date),
            ("URL", self.url),
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
        """The article with the fields as the user confirmed them, each marked as typed."""
        meta = self.article.meta
        authors = [a.strip() for a in self.authors.text().split(",") if a.strip()]
        meta.set("authors", authors, Origin.USER)
        for field, edit in (
            ("title", self.title),
            ("publisher", self.publisher),
            ("published", self.date),
            ("url", self.url),
        ):
            meta.set(field, edit.text().strip(), Origin.USER)
        return self.article
