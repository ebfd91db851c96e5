"""Painting rows as rich text: highlighted search matches, excerpts with their source."""

from __future__ import annotations

from html import escape
from typing import Any, TypeAlias

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QDrag,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from desktop.models.outline import KIND_ROLE, LEVEL_ROLE, SOURCE_LINE_ROLE, SUPPORT_ROLE
from desktop.models.sections import HTML_ROLE, PLAIN_ROLE, USED_ROLE

Index: TypeAlias = QModelIndex | QPersistentModelIndex


class _RichDelegate(QStyledItemDelegate):
    """Rows drawn from HTML, as tall as their text up to `max_lines` lines."""

    max_lines = 5

    def html(self, index: Index, secondary: str | None) -> str:
        """The row as HTML; `secondary` is the colour of its lesser text (source line,
        marks), or None on a selected row, where all of it takes the highlighted text's
        colour (grey on the selection's blue fails WCAG AA's 4.5:1)."""
        raise NotImplementedError

    def document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document.setHtml(self.html(index, None if selected else secondary_colour(option.palette)))
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

    def html(self, index: Index, secondary: str | None) -> str:
        used = index.data(USED_ROLE)
        colour = f' style="color:{secondary}"' if secondary else ""
        mark = f"<span{colour}>✓ in the brief · </span>" if used else ""
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

    def html(self, index: Index, secondary: str | None) -> str:
        kind = index.data(KIND_ROLE)
        text = escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        if kind == "heading":
            size = {1: "large", 2: "medium"}.get(int(index.data(LEVEL_ROLE) or 1), "normal")
            return f'<span style="font-size:{size}; font-weight:bold">{text}</span>'
        if kind == "note":
            return f"<i>{text}</i>"
        line = escape(str(index.data(SOURCE_LINE_ROLE) or ""))
        colour = f"color:{secondary}; " if secondary else ""
        badge = escape(str(index.data(SUPPORT_ROLE) or "")).replace(" ", "&nbsp;")
        if badge and secondary:  # a tinted label; on a selected row, the selection's colours
            tint = "#fbe9c6" if badge == "single&nbsp;source" else "#d7ecd9"
            badge = (
                f'<span style="background-color:{tint}; color:#1d1d1d">&nbsp;{badge}&nbsp;</span>'
            )
        elif badge:
            badge = f"[{badge}]"
        if badge:
            line += f" &nbsp;{badge}"
        return f'<span style="{colour}font-size:small">{line}</span><br>“{text}”'

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
        self.open_editor = editor
        editor.destroyed.connect(self._editor_gone)
        return editor

    open_editor: Any = None  # the editor open in place, if any

    def _editor_gone(self) -> None:
        self.open_editor = None


def secondary_colour(palette: QPalette) -> str:
    """Lesser text: the text colour a third of the way to the background, which keeps a
    contrast above 4.5:1 on light and dark palettes alike."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    mixed = QColor(
        round(text.red() * 0.7 + base.red() * 0.3),
        round(text.green() * 0.7 + base.green() * 0.3),
        round(text.blue() * 0.7 + base.blue() * 0.3),
    )
    return mixed.name()


def paint_placeholder(view: QAbstractItemView, text: str) -> None:
    """An empty view says what to do, in the palette's placeholder colour."""
    painter = QPainter(view.viewport())
    painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(
        view.viewport().rect().adjusted(12, 12, -12, -12),
        int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
        text,
    )
    painter.end()


def drag_label(text: str, count: int, metrics: QFontMetrics, room: int = 300) -> str:
    """The first words, elided to fit, and how many more items the drag carries."""
    count_text = f"  (+{count - 1} more)" if count > 1 else ""
    room -= metrics.horizontalAdvance(count_text)
    words = " ".join(text.split()[:8]) + ("…" if len(text.split()) > 8 else "")
    return metrics.elidedText(words, Qt.TextElideMode.ElideRight, room) + count_text


def drag_pixmap(text: str, count: int, palette: QPalette) -> QPixmap:
    """A small, translucent label for a drag: the first words and how many items, so that
    the drop position stays visible under it."""
    font = QApplication.font()
    metrics = QFontMetrics(font)
    label = drag_label(text, count, metrics)
    width = metrics.horizontalAdvance(label) + 20
    height = metrics.height() + 12
    ratio = 2.0  # drawn at twice the size, sharp on high-density screens
    pixmap = QPixmap(int(width * ratio), int(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(0.85)  # text too: what lies under the label shows through
    fill = QColor(palette.color(QPalette.ColorRole.Highlight))
    fill.setAlpha(200)
    painter.setBrush(fill)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, width, height), 6, 6)
    painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
    painter.setFont(font)
    painter.drawText(QRectF(10, 0, width - 20, height), int(Qt.AlignmentFlag.AlignVCenter), label)
    painter.end()
    return pixmap


class WrappingListView(QListView):
    """A list whose rows wrap their text: when its width changes, rows are measured again
    (QListView assumes row heights do not depend on the width). Empty, it says what to do;
    its drags show a small label instead of a picture of the rows."""

    def __init__(self, parent: Any = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.placeholder = placeholder
        self.last_drag_pixmap: QPixmap | None = None  # for tests: what the user saw

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.placeholder and model is not None and model.rowCount() == 0:
            paint_placeholder(self, self.placeholder)

    def finish_editing(self) -> None:
        """Commit what is typed in an open editor (the window is closing, say)."""
        editor = getattr(self.itemDelegate(), "open_editor", None)
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        indexes = sorted(
            (i for i in self.selectedIndexes() if i.flags() & Qt.ItemFlag.ItemIsDragEnabled),
            key=lambda i: i.row(),
        )
        model = self.model()
        if not indexes or model is None:
            return
        data = model.mimeData(indexes)
        if data is None:
            return
        drag = QDrag(self)
        drag.setMimeData(data)
        first = str(indexes[0].data(Qt.ItemDataRole.DisplayRole) or "")
        self.last_drag_pixmap = drag_pixmap(first, len(indexes), self.palette())
        drag.setPixmap(self.last_drag_pixmap)
        drag.setHotSpot(QPoint(-14, -14))  # below and right of the pointer
        drag.exec(supportedActions, self.defaultDropAction())


class PlaceholderTable(QTableView):
    """A table that, empty, says what to do."""

    def __init__(self, placeholder: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            paint_placeholder(self, self.placeholder)
