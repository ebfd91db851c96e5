"""The PDF's contents page, laid out in the one pass that lays out the brief.

reportlab's TableOfContents needs a second (often a third) layout pass to learn the page
numbers, and reads its entries as paragraph markup. Here each entry is a flowable of its own,
its text set like any other text (escaped; right to left where it reads so), clickable, and its
page number drawn as a form XObject that is defined once the brief is laid out and the page
of every heading known: a PDF may use a form before it defines it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from brief.document import Run

_NUMBER_COLUMN = 28  # points kept at the right for the page number
_DOT_GAP = 5


class PageNumbers:
    """Which page each heading landed on, and the forms that print those numbers."""

    def __init__(self, font: str, size: float) -> None:
        self.font = font
        self.size = size
        self.pages: dict[str, int] = {}
        self.forms: list[tuple[str, str, float, float]] = []  # form, anchor, right x, baseline

    def use(self, anchor: str, right: float, baseline: float) -> str:
        """A form name that will print the page of `anchor` right-aligned at (right, baseline)
        of the flowable that draws it."""
        name = f"bs-page-{len(self.forms)}"
        self.forms.append((name, anchor, right, baseline))
        return name

    def define_forms(self, canvas: Any) -> None:
        """After the layout: each form prints its heading's page number."""
        for name, anchor, right, baseline in self.forms:
            canvas.beginForm(name, lowerx=-2000, lowery=-2000, upperx=4000, uppery=4000)
            canvas.setFont(self.font, self.size)
            canvas.drawRightString(right, baseline, str(self.pages.get(anchor, "")))
            canvas.endForm()


class ContentsEntry(Flowable):
    """One line of the contents: the heading's text, a dot leader, its page, a link to it."""

    def __init__(
        self,
        text: Flowable,
        anchor: str,
        level: int,
        style: ParagraphStyle,
        numbers: PageNumbers,
    ) -> None:
        super().__init__()
        self.text = text
        self.anchor = anchor
        self.indent = 14 * (level - 1)
        self.style = style
        self.numbers = numbers
        self._width = 0.0
        self._text_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        inner = avail_width - self.indent - _NUMBER_COLUMN
        _, self._text_height = self.text.wrap(inner, avail_height)
        self.height = self._text_height + self.style.spaceAfter
        return avail_width, self.height

    def _last_line_width(self) -> float:
        widths = getattr(self.text, "getActualLineWidths0", None)
        if widths is not None:
            measured = widths()
            return float(measured[-1]) if measured else 0.0
        return float(getattr(self.text, "last_line_width", lambda: 0.0)())

    def draw(self) -> None:
        canvas = self.canv
        bottom = self.style.spaceAfter
        self.text.drawOn(canvas, self.indent, bottom)
        baseline = bottom + self.style.leading * 0.25
        font, size = self.style.fontName, self.style.fontSize
        start = self.indent + self._last_line_width() + _DOT_GAP
        stop = self._width - _NUMBER_COLUMN
        if getattr(self.text, "base", "L") == "R":  # the words stand at the right: dots before
            start, stop = self.indent, stop - self._last_line_width() - _DOT_GAP
        dot = pdfmetrics.stringWidth(". ", font, size)
        if stop - start > dot:
            canvas.setFont(font, size)
            count = int((stop - start) // dot)
            canvas.drawRightString(stop, baseline, ". " * count)
        canvas.doForm(self.numbers.use(self.anchor, self._width, baseline))
        canvas.linkRect("", self.anchor, (0, 0, self._width, self.height), relative=1)


def entry_runs(runs: list[Run]) -> list[Run]:
    """A contents entry shows the heading's words plainly, without its emphasis or links."""
    return [Run(run.text) for run in runs]
