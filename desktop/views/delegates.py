"""Painting rows as rich text: highlighted search matches, excerpts with their source."""

from __future__ import annotations

from html import escape
from typing import Any, TypeAlias

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QLinearGradient,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop.models.outline import KIND_ROLE, LEVEL_ROLE, SOURCE_LINE_ROLE
from desktop.models.sections import HTML_ROLE, PLAIN_ROLE, USED_ROLE

Index: TypeAlias = QModelIndex | QPersistentModelIndex


class _RichDelegate(QStyledItemDelegate):
    """Rows drawn from HTML, as tall as their text up to `max_lines` lines."""

    max_lines = 5

    def html(self, index: Index) -> str:
        raise NotImplementedError

    def document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        document.setHtml(self.html(index))
        document.setTextWidth(max(50, width - self.indent(index)))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        style.drawControl(
            QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget
        )
        document = self.document(option, index, option.rect.width())
        rect = option.rect.adjusted(self.indent(index), 0, 0, 0)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        if document.size().height() > rect.height() + 1:  # clipped: fade the last line out
            fade = option.fontMetrics.lineSpacing() * 1.5
            base = option.palette.color(
                QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
            )
            gradient = QLinearGradient(0, rect.height() - fade, 0, rect.height())
            clear = QColor(base)
            clear.setAlpha(0)
            gradient.setColorAt(0, clear)
            gradient.setColorAt(1, base)
            painter.fillRect(QRectF(0, rect.height() - fade, rect.width(), fade), gradient)
        painter.restore()
        self.decorate(painter, option, index)

    def indent(self, index: Index) -> int:
        return 0

    def decorate(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        pass

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = option.widget
        width = 300
        # Measure as if the scroll bar showed, so that text never outgrows its row.
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width()
            if not view.verticalScrollBar().isVisible():
                width -= view.verticalScrollBar().sizeHint().width()
        # Measured on the plain text with font metrics: laying out HTML for every row of a
        # 200-row search took most of a keystroke's time. Painting still uses the HTML.
        metrics = option.fontMetrics
        text, extra_lines = self.plain(index)
        box = metrics.boundingRect(
            QRect(0, 0, max(50, width - self.indent(index) - 10), 100_000),
            int(Qt.TextFlag.TextWordWrap),
            text,
        )
        height = box.height() + extra_lines * metrics.lineSpacing() + 12
        cap = metrics.lineSpacing() * self.max_lines + 8
        return QSize(width - 4, int(min(height, cap)))

    def plain(self, index: Index) -> tuple[str, float]:
        """The row's text as plain text, and how many lines it shows beside it."""
        return str(index.data(Qt.ItemDataRole.DisplayRole) or ""), 0


class SectionDelegate(_RichDelegate):
    """A section: its text (matches in bold); a bar at the left when it is in the brief."""

    def html(self, index: Index) -> str:
        used = index.data(USED_ROLE)
        mark = '<span style="color:#2e7d32">✓ in the brief · </span>' if used else ""
        return mark + str(index.data(HTML_ROLE) or "")

    def indent(self, index: Index) -> int:
        return 6

    def plain(self, index: Index) -> tuple[str, float]:
        mark = "✓ in the brief · " if index.data(USED_ROLE) else ""
        return mark + str(index.data(PLAIN_ROLE) or ""), 0

    def decorate(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(USED_ROLE):
            painter.fillRect(
                option.rect.x(),
                option.rect.y() + 2,
                3,
                option.rect.height() - 4,
                Qt.GlobalColor.darkGreen,
            )


class OutlineDelegate(_RichDelegate):
    """Headings by level, excerpts under their source line, notes in italics."""

    def html(self, index: Index) -> str:
        kind = index.data(KIND_ROLE)
        text = escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        if kind == "heading":
            size = {1: "large", 2: "medium"}.get(int(index.data(LEVEL_ROLE) or 1), "normal")
            return f'<span style="font-size:{size}; font-weight:bold">{text}</span>'
        if kind == "note":
            return f"<i>{text}</i>"
        line = escape(str(index.data(SOURCE_LINE_ROLE) or ""))
        return f'<span style="color:gray; font-size:small">{line}</span><br>“{text}”'

    def indent(self, index: Index) -> int:
        return 0 if index.data(KIND_ROLE) == "heading" else 18

    def plain(self, index: Index) -> tuple[str, float]:
        kind = index.data(KIND_ROLE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if kind == "heading":
            return text, 0.4  # in a larger font
        if kind == "excerpt":
            return f"“{text}”", 0.9  # and the small source line above it
        return text, 0

    max_lines = 6

    def createEditor(
        self,
        parent: Any,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> Any:
        from PySide6.QtWidgets import QLineEdit

        editor = QLineEdit(parent)
        editor.setAccessibleName("Edit outline text")
        return editor


class WrappingListView(QListView):
    """A list whose rows wrap their text: when its width changes, rows are measured again
    (QListView assumes row heights do not depend on the width)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()
