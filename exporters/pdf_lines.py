"""A paragraph set line by line by Briefsmith: right-to-left text, notes and bibliography.

reportlab's Paragraph lays words out left to right only, and cuts a long URL wherever the line
ends. `LineParagraph` breaks lines in logical order, cutting a word too long for any line after
`/`, `.`, `-`, `?` or `&` when it can; it orders each line's runs visually (exporters.bidi),
has HarfBuzz shape the right-to-left ones (joined letters, mirrored brackets) through
reportlab's `shapeStr`, and keeps each run's look: italics, bold, superscript, and clickable
blue links. Characters that are never drawn (direction marks, joiners outside Arabic script,
variation selectors) and characters no font has are neither measured nor drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from brief.document import Run, is_safe_link
from exporters.bidi import Direction, logical_runs, strong
from exporters.fonts import Face, FontSet, drawable
from exporters.pdf_text import LINK_COLOUR, clean, shaped

_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_URL_BREAKS = "/.?&=_#"
_SUPER_SCALE, _SUPER_RISE = 0.65, 0.38


@dataclass
class _Piece:
    """Text to draw in one face and look, already in visual order."""

    text: str
    face: Face
    size: float
    rise: float
    link: str | None
    width: float


class LineParagraph(Flowable):
    """A paragraph of runs set line by line (see the module's docstring)."""

    def __init__(
        self,
        runs: list[Run],
        fonts: FontSet,
        *,
        size: float,
        leading: float,
        left_indent: float = 0,
        right_indent: float = 0,
        first_indent: float = 0,
        base: Direction | None = None,
        alignment: int = TA_LEFT,
        colour: Any = None,
    ) -> None:
        super().__init__()
        self.fonts = fonts
        self.alignment = alignment  # TA_LEFT is the start of the line: its right in RTL
        self.colour = colour
        self.size = size
        self.left_indent = left_indent
        self.right_indent = right_indent
        self.first_indent = first_indent
        self.looks: list[Run] = []
        text_parts: list[str] = []
        look_of: list[int] = []
        for run in runs:
            text = clean(run.text)
            if not text:
                continue
            look = replace(run, text="")
            if look not in self.looks:
                self.looks.append(look)
            index = self.looks.index(look)
            text_parts.append(text)
            look_of.extend([index] * len(text))
        self.text = "".join(text_parts)
        self.look_of = look_of
        # The paragraph's direction: given (a note in an English brief reads left to right
        # even when it starts with a Persian name), or that of its first strong character.
        first = next((d for d in map(strong, self.text) if d), None)
        self.base: Direction = base or first or "L"
        arabic = any("\u0600" <= ch <= "\u08ff" for ch in self.text)
        # Naskh letters reach deep below the line: more room, and the baseline raised.
        self.leading = max(leading, size * 1.5) if arabic else leading
        self.descent = size * 0.5 if arabic else size * 0.25
        self.lines: list[tuple[int, int]] | None = None
        self._broken_for: float | None = None
        self._width = 0.0
        self._first_line = 0  # index of this part's first line in the whole paragraph
        self._word_widths: dict[tuple[int, int], float] = {}

    # -- pieces ----------------------------------------------------------------------------
    def _pieces(self, start: int, end: int) -> list[_Piece]:
        """The visual pieces of text[start:end]: direction runs, split by look and face."""
        pieces: list[_Piece] = []
        line = self.text[start:end]
        offset = start
        spans = []
        for text, way in logical_runs(line, self.base):
            spans.append((offset, offset + len(text), way))
            offset += len(text)
        if self.base == "R":
            spans.reverse()
        for lo, hi, way in spans:
            by_look: list[tuple[int, int]] = []
            i = lo
            while i < hi:
                j = i
                while j < hi and self.look_of[j] == self.look_of[i]:
                    j += 1
                by_look.append((i, j))
                i = j
            if way == "R":
                by_look.reverse()
            for i, j in by_look:
                pieces.extend(self._look_pieces(self.text[i:j], self.looks[self.look_of[i]], way))
        return pieces

    def _look_pieces(self, text: str, look: Run, way: Direction) -> list[_Piece]:
        fonts = self.fonts
        base = (
            fonts.bold_italic
            if look.strong and look.emphasis
            else fonts.bold
            if look.strong
            else fonts.italic
            if look.emphasis
            else fonts.regular
        )
        size = self.size * (_SUPER_SCALE if look.superscript else 1)
        rise = self.size * _SUPER_RISE if look.superscript else 0
        link = look.link if look.link and is_safe_link(look.link) else None
        segments = fonts.segments(drawable(text, keep_joiners=way == "R"), base)
        if way == "R":
            segments.reverse()
        out = []
        for seg, face in segments:
            if way == "L":
                drawn = drawable(seg)
            elif any(strong(c) == "R" for c in seg):
                drawn = shaped(seg, face.name, size)  # HarfBuzz: joined, in visual order
            else:  # punctuation and spaces set in another face: reverse them by hand
                drawn = drawable(seg)[::-1].translate(_MIRROR)
            if drawn:
                width = pdfmetrics.stringWidth(drawn, face.name, size)
                out.append(_Piece(drawn, face, size, rise, link, width))
        return out

    def _measure(self, start: int, end: int) -> float:
        return sum(p.width for p in self._pieces(start, end))

    # -- breaking ---------------------------------------------------------------------------
    def _words(self) -> list[tuple[int, int]]:
        words, start = [], 0
        for i, ch in enumerate(self.text):
            if ch == " ":
                if i > start:
                    words.append((start, i))
                start = i + 1
        if start < len(self.text):
            words.append((start, len(self.text)))
        return words

    def _word_width(self, word: tuple[int, int]) -> float:
        if word not in self._word_widths:
            self._word_widths[word] = self._measure(*word)
        return self._word_widths[word]

    def _break(self, width: float) -> list[tuple[int, int]]:
        """Greedy line breaking over whole words, measured once each; a word wider than a
        line is cut (after a URL's separators when it can)."""
        space = pdfmetrics.stringWidth(" ", self.fonts.regular.name, self.size)
        lines: list[tuple[int, int]] = []
        start: int | None = None
        end = 0
        used = 0.0

        def room() -> float:
            return width - (self.first_indent if not lines else 0)

        for word in self._words():
            w = self._word_width(word)
            if start is not None and used + space + w <= room():
                end, used = word[1], used + space + w
                continue
            if start is not None:
                lines.append((start, end))
            lo, hi = word
            while w > room() and hi - lo > 1:
                cut = self._cut(lo, hi, room())
                lines.append((lo, cut))
                lo = cut
                w = self._measure(lo, hi)
            start, end, used = lo, hi, w
        if start is not None:
            lines.append((start, end))
        return lines or [(0, 0)]

    def _cut(self, lo: int, hi: int, width: float) -> int:
        """Where to cut text[lo:hi] so the head fits `width`: after a separator if one lies
        in the last two thirds of what fits, else after as many characters as fit."""
        low, high = lo + 1, hi
        while low < high:
            mid = (low + high + 1) // 2
            if self._measure(lo, mid) <= width:
                low = mid
            else:
                high = mid - 1
        fits = low
        # After a slash, dot, question mark or ampersand first; after a hyphen only if need
        # be (text extractors take a hyphen at a line's end for a word broken in two).
        for breaks in (_URL_BREAKS, "-"):
            for i in range(fits, lo + (fits - lo) // 3, -1):
                if self.text[i - 1] in breaks:
                    return i
        return fits

    # -- flowable ---------------------------------------------------------------------------
    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        inner = avail_width - self.left_indent - self.right_indent
        if self.lines is None or self._broken_for != inner:
            self.lines = self._break(inner)
            self._broken_for = inner
        self.height = len(self.lines) * self.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self.lines is not None
        fit = int(avail_height // self.leading)
        if fit < 1 or fit >= len(self.lines):
            return [] if fit < 1 else [self]
        parts = []
        for lines, first in ((self.lines[:fit], 0), (self.lines[fit:], fit)):
            part = self._copy()
            part.lines = lines
            part._first_line = self._first_line + first
            parts.append(part)
        parts[0].spaceAfter = 0
        parts[1].spaceBefore = 0
        parts[1].__dict__.pop("outline", None)  # a heading's bookmark goes with its first line
        parts[-1].spaceAfter = getattr(self, "spaceAfter", 0)
        return parts

    def last_line_width(self) -> float:
        """How far the last line reaches (a contents entry draws its dots from there)."""
        if not self.lines:
            return 0.0
        start, end = self.lines[-1]
        return self._measure(start, end) + (self.first_indent if len(self.lines) == 1 else 0)

    def _copy(self) -> LineParagraph:
        part = LineParagraph.__new__(LineParagraph)
        part.__dict__.update(self.__dict__)
        for mark in ("_postponed", "canv", "_frame"):  # reportlab's notes on this one
            part.__dict__.pop(mark, None)
        return part

    def draw(self) -> None:
        assert self.lines is not None
        canvas = self.canv
        y = self.height - self.leading + self.descent
        for n, (start, end) in enumerate(self.lines):
            indent = self.first_indent if self._first_line + n == 0 else 0
            pieces = self._pieces(start, end)
            total = sum(p.width for p in pieces)
            left, right = self.left_indent, self._width - self.right_indent
            if self.alignment == TA_CENTER:
                x = left + (right - left - total) / 2
            elif (self.base == "R") != (self.alignment == TA_RIGHT):
                x = right - indent - total
            else:
                x = left + indent
            for piece in pieces:
                self._draw_piece(canvas, piece, x, y)
                x += piece.width
            y -= self.leading

    def _draw_piece(self, canvas: Any, piece: _Piece, x: float, y: float) -> None:
        canvas.saveState()
        if self.colour is not None:
            canvas.setFillColor(self.colour)
        if piece.link:
            canvas.setFillColor(colors.HexColor(LINK_COLOUR))
            canvas.linkURL(
                piece.link, (x, y - 2, x + piece.width, y + piece.size), relative=1, thickness=0
            )
        canvas.setFont(piece.face.name, piece.size)
        canvas.drawString(x, y + piece.rise, piece.text)
        canvas.restoreState()

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(getattr(self, "spaceAfter", 0))

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(getattr(self, "spaceBefore", 0))
