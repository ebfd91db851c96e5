"""Reader: the selected source as an article, its metadata editable in place."""

from __future__ import annotations

from functools import partial
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brief.authors import ORGANISATION, PERSON, is_organisation
from brief.document import direction
from brief.errors import NotFoundError
from brief.model import Origin, SectionKind, Source
from desktop.session import Session

_FIELDS = (
    ("title", "Title"),
    ("authors", "Authors"),
    ("publisher", "Publisher"),
    ("published", "Date"),
    ("url", "URL"),
)


_RELATIVES_SHOWN = 8  # a wire story may run in dozens of outlets: the first few, then a count


class ReaderPanel(QWidget):
    source_requested = Signal(int)  # a relative's link followed: show that source

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source: Source | None = None
        self.highlighted: int | None = None  # the section shown as the one asked for
        self._head_blocks = 0  # blocks of the page above the first section
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for field, label in _FIELDS:
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.editingFinished.connect(lambda f=field: self._edited(f))
            self.edits[field] = edit
            if field == "authors":
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(self._kinds_button())
                form.addRow(label, row)
            else:
                form.addRow(label, edit)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Source notes")
        self.relatives = QLabel()
        self.relatives.setWordWrap(True)
        self.relatives.setAccessibleName("Same story")
        self.relatives.setTextFormat(Qt.TextFormat.RichText)
        # Links reachable with Tab and followed with Enter, as well as by clicking.
        self.relatives.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.relatives.linkActivated.connect(self._relative_chosen)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Article")
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.relatives)
        layout.addWidget(self.browser, 1)
        session.meta_changed.connect(self._meta_changed)
        session.outline_changed.connect(self._outline_changed)
        session.current_brief_changed.connect(self._outline_changed)
        session.sources_changed.connect(self._sources_changed)

    def show_source(self, source_id: int, section_id: int | None = None) -> None:
        """Show a source from its top, or at one of its sections, highlighted."""
        another = self.source is None or self.source.id != source_id
        try:
            self.source = self.session.project.source(source_id)
        except NotFoundError:
            self.source = None
        self.highlighted = section_id
        self._fill_form()
        self.show_article(keep_position=not another and section_id is None)
        if section_id is not None:
            self.browser.scrollToAnchor(f"s{section_id}")

    def selected_text(self) -> tuple[str, int | None] | None:
        """The text selected on the page and the section it starts in (None in the head:
        title, byline, standfirst); None when nothing is selected."""
        cursor = self.browser.textCursor()
        if self.source is None or not cursor.hasSelection():
            return None
        text = " ".join(cursor.selection().toPlainText().split())
        if not text:
            return None
        block = self.browser.document().findBlock(cursor.selectionStart()).blockNumber()
        index = block - self._head_blocks
        sections = self.source.sections
        return text, sections[index].id if 0 <= index < len(sections) else None

    def clear(self) -> None:
        """No source to show (an empty project): the fields are disabled, the page says so."""
        self.source = None
        self._fill_form()
        self.show_article()

    def show_section(self, source_id: int, section_id: int) -> None:
        self.show_source(source_id, section_id)

    def _outline_changed(self, brief_id: int) -> None:
        self.show_article()  # the marks of used sections follow the brief

    def _sources_changed(self) -> None:
        if self.source is not None:
            self.show_source(self.source.id or 0, self.highlighted)

    def _meta_changed(self, source_id: int) -> None:
        if self.source is not None and self.source.id == source_id:
            self.show_source(source_id, self.highlighted)

    def _fill_form(self) -> None:
        meta = self.source.meta if self.source else None
        for field, edit in self.edits.items():
            value = getattr(meta, field) if meta else ""
            edit.setText(", ".join(value) if isinstance(value, list) else str(value or ""))
            edit.setEnabled(meta is not None)
            guessed = meta is not None and meta.origin(field) is Origin.INFERRED
            edit.setStyleSheet(
                "QLineEdit { background: palette(alternate-base); font-style: italic; }"
                if guessed
                else ""
            )
            edit.setToolTip("Guessed from the text: edit it to confirm." if guessed else "")
        self._fill_kinds()
        self._fill_relatives()
        if meta is None:
            self.note.setText("")
            return
        notes = []
        if meta.is_excerpt:
            notes.append(
                "An excerpt reposted from elsewhere"
                + (f": “{meta.original_title}”" if meta.original_title else "")
                + "."
            )
        if meta.updated:
            notes.append(f"Updated {meta.updated.replace('T', ' ')}.")
        if meta.dateline:
            notes.append(f"Dateline: {meta.dateline}.")
        if any(meta.origin(f) is Origin.INFERRED for f, _ in _FIELDS):
            notes.append("Italic fields were guessed from the text.")
        self.note.setText(" ".join(notes))

    def _fill_relatives(self) -> None:
        """The other sources of this one's story family, each a link to it in the reader."""
        family = self.session.families().get(self.source.id or 0) if self.source else None
        self.relatives.setVisible(family is not None)
        if family is None or self.source is None:
            self.relatives.setText("")
            return
        if family.original == self.source.id:
            lead = "The original of a story also in"
        elif family.original is not None:
            lead = "A copy of a story also in"
        else:
            lead = "Shares paragraphs with"
        links = []
        for source_id in family.relatives(self.source.id or 0)[:_RELATIVES_SHOWN]:
            meta = self.session.project.meta(source_id)  # not its sections
            about = ", ".join(p for p in (meta.publisher, meta.published[:10]) if p)
            link = f'<a href="source:{source_id}">{escape(meta.title or "Untitled")}</a>'
            role = " — the original" if source_id == family.original else ""
            links.append(link + (f" ({escape(about)})" if about else "") + role)
        more = family.size - 1 - len(links)
        tail = f"; and {more} more" if more > 0 else ""
        self.relatives.setText(f"{lead}: " + "; ".join(links) + tail + ".")

    @Slot(str)
    def _relative_chosen(self, link: str) -> None:
        if link.startswith("source:"):
            self.source_requested.emit(int(link.removeprefix("source:")))

    def _kinds_button(self) -> QToolButton:
        """Which authors are organisations: citations name those whole ("United Nations
        Children's Fund"), never split into given and family names."""
        self.kinds = QToolButton()
        self.kinds.setText("Kinds")
        self.kinds.setAccessibleName("Author kinds")
        self.kinds.setToolTip("Mark each author as a person or an organisation")
        self.kinds.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kinds.setMenu(QMenu(self.kinds))
        return self.kinds

    def _fill_kinds(self) -> None:
        menu = self.kinds.menu()
        for old in menu.actions():  # later: the action may be the one whose toggle got us here
            menu.removeAction(old)
            old.deleteLater()
        meta = self.source.meta if self.source else None
        authors = meta.authors if meta else []
        self.kinds.setEnabled(bool(authors))
        organisations = []
        for name in authors:
            action = menu.addAction(f"{name} is an organisation")
            action.setCheckable(True)
            action.setChecked(is_organisation(name, meta))
            action.toggled.connect(partial(self._set_kind, name))
            if action.isChecked():
                organisations.append(name)
        count = len(organisations)
        self.kinds.setText(f"{count} organisation{'s' if count > 1 else ''}" if count else "Kinds")
        # Room for the menu arrow, which InstantPopup draws over the text's end.
        self.kinds.setMinimumWidth(
            self.kinds.fontMetrics().horizontalAdvance(self.kinds.text()) + 28
        )

    def _set_kind(self, name: str, organisation: bool) -> None:
        if self.source is None:
            return
        kinds = dict(self.source.meta.author_kinds)
        kinds[name] = ORGANISATION if organisation else PERSON
        self.session.editor.edit_meta(self.source.id or 0, author_kinds=kinds)

    def _edited(self, field: str) -> None:
        if self.source is None:
            return
        text = self.edits[field].text().strip()
        old = getattr(self.source.meta, field)
        value: object = (
            [a.strip() for a in text.split(",") if a.strip()] if field == "authors" else text
        )
        if value != old:
            self.session.editor.edit_meta(self.source.id or 0, **{field: value})

    def show_article(self, keep_position: bool = True) -> None:
        if self.source is None:
            self.browser.setHtml("<p style='color:gray'>Select a source in the library.</p>")
            return
        used = self.session.project.used_section_ids(self.session.brief_id)
        tint = self.palette().highlight().color()  # light or dark, the palette's own colour
        used_style = f' style="background-color:rgba({tint.red()},{tint.green()},{tint.blue()},60)"'
        # The section asked for (a search hit, an excerpt): a stronger mark, and a bar.
        found_style = (
            f' style="background-color:rgba({tint.red()},{tint.green()},{tint.blue()},110);'
            f' border-left: 4px solid {tint.name()}"'
        )
        meta = self.source.meta
        byline = " · ".join(
            p for p in (", ".join(meta.authors), meta.publisher, meta.published[:10]) if p
        )
        parts = [
            f"<h2>{escape(meta.title or 'Untitled')}</h2>",
            f"<p style='color:gray'>{escape(byline)}</p>",
        ]
        if meta.standfirst:
            parts.append(f"<p><i>{escape(meta.standfirst)}</i></p>")
        self._head_blocks = len(parts)  # each part is one block of the page; sections follow
        for section in self.source.sections:
            text = escape(section.text)
            rtl = ' dir="rtl" align="right"' if direction(section.text) == "rtl" else ""
            mark = used_style if section.id in used else ""
            if section.id == self.highlighted:
                mark = found_style
            anchor = f'<a name="s{section.id}"></a>'
            if section.kind is SectionKind.HEADING:
                parts.append(f"<h3{rtl}{mark}>{anchor}{text}</h3>")
            elif section.kind is SectionKind.QUOTE:
                parts.append(f"<blockquote{rtl}{mark}>{anchor}{text}</blockquote>")
            elif section.kind is SectionKind.CAPTION:
                caption = mark or " style='color:gray; font-size:small'"
                parts.append(f"<p{rtl}{caption}>{anchor}{text}</p>")
            elif section.kind is SectionKind.NOTE:  # the source's own footnote
                note = mark or " style='color:#555; font-size:small; margin-left:18px'"
                parts.append(f"<p{rtl}{note}>{anchor}{text}</p>")
            elif section.kind is SectionKind.LIST_ITEM:
                parts.append(f"<p{rtl}{mark}>{anchor}• {text}</p>")
            else:
                parts.append(f"<p{rtl}{mark}>{anchor}{text}</p>")
        position = self.browser.verticalScrollBar().value() if keep_position else 0
        self.browser.setHtml("\n".join(parts))
        self.browser.verticalScrollBar().setValue(position)
