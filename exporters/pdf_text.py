"""Text for the PDF: runs to reportlab markup with a font per script, and right-to-left lines.

reportlab's Paragraph lays words out left to right, so any paragraph holding right-to-left
text is set by `BidiParagraph`: it breaks lines in logical order, orders each line's runs
visually (a simplified Unicode bidi algorithm: strong runs, neutrals resolved by their
neighbours, digits kept left to right), and has HarfBuzz shape the right-to-left runs
(joined letters, mirrored brackets) through reportlab's `shapeStr`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen.textobject import shapeStr
from reportlab.platypus import Flowable

from brief.document import Run
from exporters.fonts import Face, FontSet

LINK_COLOUR = "#0563C1"


def clean(text: str) -> str:
    """What a PDF can show: no control characters, no lone surrogates."""
    return "".join(
        ch for ch in text if (ch == "\t" or ord(ch) >= 0x20) and not 0xD800 <= ord(ch) < 0xE000
    ).replace("\t", " ")


def markup(runs: Iterable[Run], fonts: FontSet, *, bold: bool = False, italic: bool = False) -> str:
    """Paragraph markup for runs: each script in a font that has it, links clickable."""
    out = []
    for run in runs:
        strong, emph = bold or run.strong, italic != run.emphasis
        base = (
            fonts.bold_italic
            if strong and emph
            else fonts.bold
            if strong
            else fonts.italic
            if emph
            else fonts.regular
        )
        parts = []
        for text, face in fonts.segments(clean(run.text), base):
            parts.append(f'<font name="{face.name}">{escape(text)}</font>')
        piece = "".join(parts)
        if run.superscript:
            piece = f"<super>{piece}</super>"
        if run.link:
            piece = (
                f'<a href="{escape(run.link, {chr(34): "&quot;"})}" '
                f'color="{LINK_COLOUR}">{piece}</a>'
            )
        out.append(piece)
    return "".join(out)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript_digits(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


# -- right-to-left and mixed paragraphs ------------------------------------------------------
def _strong(ch: str) -> str | None:
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind in ("L", "EN", "AN"):  # digits read left to right as a unit, wherever they stand
        return "L"
    return None


def visual_runs(line: str, base: str) -> list[tuple[str, str]]:
    """A line in logical order to (text, direction) runs in visual order, left to right."""
    kinds = [_strong(ch) for ch in line]
    resolved: list[str] = []
    for i, kind in enumerate(kinds):
        if kind is not None:
            resolved.append(kind)
            continue
        before = next((k for k in reversed(kinds[:i]) if k), base)
        after = next((k for k in kinds[i + 1 :] if k), base)
        resolved.append(before if before == after else base)
    runs: list[tuple[str, str]] = []
    for ch, kind in zip(line, resolved, strict=True):
        if runs and runs[-1][1] == kind:
            runs[-1] = (runs[-1][0] + ch, kind)
        else:
            runs.append((ch, kind))
    return list(reversed(runs)) if base == "R" else runs


@dataclass
class _Piece:
    """Text to draw in one face, already shaped (visual order) where right to left."""

    text: Any
    face: Face
    width: float


@lru_cache(maxsize=20000)
def _shaped(text: str, font: str, size: float) -> Any:
    shaped = shapeStr(text, font, size, force=True)
    _remember_private_glyphs(text, shaped, font)
    return shaped


# Shaped glyphs with no character of their own (a Pashto letter's joining form, a ligature)
# get private-use codes in reportlab's font subset, and the PDF's ToUnicode map would give
# those codes back on copy and paste. Remember what each one stood for, per font, and write
# that into the map instead.
_PRIVATE_TEXT: dict[tuple[str, int], str] = {}


def _remember_private_glyphs(text: str, shaped: Any, font: str) -> None:
    data = getattr(shaped, "__shapeData__", None)
    if not data:
        return
    face_name = pdfmetrics.getFont(font).face.name
    face_name = face_name.decode("latin-1") if isinstance(face_name, bytes) else str(face_name)
    clusters = sorted({d.cluster for d in data if 0 <= d.cluster < len(text)})
    seen_clusters: set[int] = set()
    for ch, d in zip(shaped, data, strict=False):
        code = ord(ch)
        if not 0xE000 <= code <= 0xF8FF or (face_name, code) in _PRIVATE_TEXT:
            seen_clusters.add(d.cluster)
            continue
        later = [c for c in clusters if c > d.cluster]
        source = text[d.cluster : later[0] if later else len(text)]
        # A second glyph of the same cluster (half of a ligature) maps to a zero-width joiner.
        _PRIVATE_TEXT[(face_name, code)] = "\u200d" if d.cluster in seen_clusters else source
        seen_clusters.add(d.cluster)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with private glyphs mapped to their text and characters
    beyond the BMP written as UTF-16 surrogate pairs."""
    face = fontname.split("+", 1)[-1]
    entries = []
    for i, code in enumerate(subset):
        target = _PRIVATE_TEXT.get((face, code), chr(code))
        hexed = target.encode("utf-16-be").hex().upper() or "0020"
        entries.append(f"<{i:02X}> <{hexed}>")
    header = _ORIGINAL_CMAP(fontname, subset).split("\n")
    start = next(n for n, line in enumerate(header) if line.endswith("beginbfchar")) + 1
    end = next(n for n, line in enumerate(header) if line == "endbfchar")
    return "\n".join(header[:start] + entries + header[end:])


_ORIGINAL_CMAP = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # reportlab calls it by module global


class BidiParagraph(Flowable):
    """A paragraph with right-to-left text, set line by line."""

    def __init__(
        self,
        text: str,
        fonts: FontSet,
        *,
        size: float,
        leading: float,
        mark: str = "",
        left_indent: float = 0,
        right_indent: float = 0,
        lines: list[str] | None = None,
        base: str | None = None,
    ) -> None:
        super().__init__()
        self.text = clean(text)
        self.fonts = fonts
        self.size = size
        self.leading = leading
        self.mark = mark  # a note mark set after the text, in superscript digits
        self.left_indent = left_indent
        self.right_indent = right_indent
        # The paragraph's direction: given (a note in an English brief reads left to right
        # even when it starts with a Persian name), or that of its first strong character.
        first = next((_strong(c) for c in self.text if _strong(c)), "L")
        self.base: str = base or first or "L"
        self._lines = lines
        self._width = 0.0

    # -- measuring and breaking ------------------------------------------------------------
    def _pieces(self, text: str) -> list[_Piece]:
        """Visual pieces of one line of text."""
        pieces: list[_Piece] = []
        for run, kind in visual_runs(text, self.base):
            segments = self.fonts.segments(run, self.fonts.regular)
            if kind == "R":
                segments.reverse()
            for seg, face in segments:
                if kind == "L":
                    drawn = seg
                elif any(_strong(c) == "R" for c in seg):
                    drawn = _shaped(seg, face.name, self.size)  # HarfBuzz: joined, reordered
                else:  # punctuation and spaces set in another face: reverse them by hand
                    drawn = seg[::-1].translate(_MIRROR)
                pieces.append(
                    _Piece(drawn, face, pdfmetrics.stringWidth(drawn, face.name, self.size))
                )
        return pieces

    def _measure(self, text: str) -> float:
        return sum(p.width for p in self._pieces(text))

    def _break(self, width: float) -> list[str]:
        words = (self.text + self.mark).split(" ")  # the mark clings to the last word
        lines: list[str] = []
        current = ""
        for word in words:
            if not word:
                continue
            candidate = f"{current} {word}" if current else word
            if not current or self._measure(candidate) <= width:
                current = candidate
                if self._measure(current) > width and " " not in current:
                    # One word wider than the line (a long URL): cut it where it must.
                    head, current = self._cut(current, width)
                    lines.extend(head)
                continue
            lines.append(current)
            current = word
            if self._measure(current) > width:
                head, current = self._cut(current, width)
                lines.extend(head)
        if current:
            lines.append(current)
        return lines or [""]

    def _cut(self, word: str, width: float) -> tuple[list[str], str]:
        pieces: list[str] = []
        while self._measure(word) > width and len(word) > 1:
            low, high = 1, len(word)
            while low < high:
                mid = (low + high + 1) // 2
                if self._measure(word[:mid]) <= width:
                    low = mid
                else:
                    high = mid - 1
            pieces.append(word[:low])
            word = word[low:]
        return pieces, word

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        inner = avail_width - self.left_indent - self.right_indent
        if self._lines is None or getattr(self, "_broken_for", None) != inner:
            self._lines = self._break(inner)
            self._broken_for = inner
        self.height = len(self._lines) * self.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self._lines is not None
        fit = int(avail_height // self.leading)
        if fit < 1 or fit >= len(self._lines):
            return [] if fit < 1 else [self]
        parts = []
        for lines in (self._lines[:fit], self._lines[fit:]):
            part = BidiParagraph(
                " ".join(lines),
                self.fonts,
                size=self.size,
                leading=self.leading,
                left_indent=self.left_indent,
                right_indent=self.right_indent,
                lines=lines,
            )
            part.base = self.base
            part._broken_for = self._broken_for
            parts.append(part)
        parts[-1].spaceAfter = getattr(self, "spaceAfter", 0)
        return parts

    def draw(self) -> None:
        assert self._lines is not None
        canvas = self.canv
        left = self.left_indent
        right = self._width - self.right_indent
        y = self.height - self.leading + (self.leading - self.size) / 2 + self.size * 0.2
        for line in self._lines:
            pieces = self._pieces(line)
            total = sum(p.width for p in pieces)
            x = right - total if self.base == "R" else left
            for piece in pieces:
                canvas.setFont(piece.face.name, self.size)
                canvas.drawString(x, y, piece.text)
                x += piece.width
            y -= self.leading
