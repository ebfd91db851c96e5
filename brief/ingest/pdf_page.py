"""Where a PDF page's lines belong: in which column and order a reader reads them, which are
the page's furniture (running heads, footers, page numbers found across pages), and which are
its footnotes (at the foot of the page or of a column)."""

from __future__ import annotations

import re
from collections import Counter

from brief.ingest.pdf_lines import Line, join_lines

# -- reading order --------------------------------------------------------------------------


def page_gutters(pages: list[list[Line]], widths: list[float]) -> list[float | None]:
    """Each page's column gutter. A page of a two-column document whose own columns are too
    short to show it (the last page, one under a wide table) takes the document's gutter
    when no more than a few of its lines cross it."""
    gutters = [_gutter(page, width) for page, width in zip(pages, widths, strict=True)]
    found = [round(g / 4) * 4 for g in gutters if g is not None]
    if not found:
        return gutters
    common, times = Counter(found).most_common(1)[0]
    if times < 2 and len(pages) > 2:
        return gutters
    for index, page in enumerate(pages):
        if gutters[index] is None and page:
            crossing = sum(1 for line in page if line.x0 < common < line.x1)
            if crossing <= 0.25 * len(page):
                gutters[index] = float(common)
    return gutters


def reading_order(lines: list[Line], gutter: float | None) -> list[list[Line]]:
    """A page's lines as the columns a reader reads, in order: full-width lines (a title, a
    heading across both columns) split the page into bands, each band read left column first
    (right column first in a right-to-left document)."""
    ordered = sorted(lines, key=lambda line: (round(line.top, 1), line.x0))
    if gutter is None:
        return [ordered] if ordered else []
    rtl = sum(line.rtl for line in ordered) > len(ordered) / 2
    columns: list[list[Line]] = []
    left: list[Line] = []
    right: list[Line] = []

    def close_band() -> None:
        first, second = (right, left) if rtl else (left, right)
        columns.extend(column for column in (list(first), list(second)) if column)
        left.clear()
        right.clear()

    for line in ordered:
        if line.x1 <= gutter:
            left.append(line)
        elif line.x0 >= gutter:
            right.append(line)
        else:
            close_band()
            columns.append([line])
    close_band()
    return _merge_spanning(columns)


def _merge_spanning(columns: list[list[Line]]) -> list[list[Line]]:
    """Consecutive single full-width lines (a title in two lines) stay one column."""
    merged: list[list[Line]] = []
    for column in columns:
        if merged and len(column) == 1 and _single_spanning(merged[-1], column[0]):
            merged[-1].append(column[0])
        else:
            merged.append(column)
    return merged


def _single_spanning(previous: list[Line], line: Line) -> bool:
    last = previous[-1]
    return abs(last.x0 - line.x0) < 2 and line.top - last.bottom < line.size


def _gutter(lines: list[Line], width: float) -> float | None:
    """The x of a vertical white lane near the middle of the page that most lines keep to one
    side of, with at least three lines beside it on each side; None on a one-column page."""
    # Lines in the page's running type decide: a title, a heading across the columns or
    # notes set across the foot do not hide the lane between the columns.
    sizes = Counter(round(line.size) for line in lines)
    if not sizes:
        return None
    common = sizes.most_common(1)[0][0]
    lines = sorted(
        (line for line in lines if round(line.size) == common), key=lambda line: line.top
    )
    body = [line for line in lines if line.x1 - line.x0 < 0.75 * width]
    if len(body) < 6:
        return None
    steps = [0.3 * width + 2.0 * i for i in range(int(0.4 * width / 2.0) + 1)]
    counts = [sum(1 for line in lines if line.x0 < x < line.x1) for x in steps]
    crossing = min(counts)
    # The middle of the widest white lane, so that every page of a document finds the same.
    lanes: list[list[float]] = []
    for x, count in zip(steps, counts, strict=True):
        if count == crossing:
            if lanes and abs(lanes[-1][-1] - (x - 2.0)) < 1e-6:
                lanes[-1].append(x)
            else:
                lanes.append([x])
    lane = max(lanes, key=len)
    gutter = (lane[0] + lane[-1]) / 2
    left = sum(1 for line in body if line.x1 <= gutter)
    right = sum(1 for line in body if line.x0 >= gutter)
    # Both sides must hold lines of running text, not a label or page numbers beside a
    # paragraph; a column may be short (the end of an article, a quote's last lines).
    if left < 1 or right < 1 or crossing > 0.25 * len(lines):
        return None
    wide_left = sum(1 for line in body if line.x1 <= gutter and line.x1 - line.x0 > 0.18 * width)
    wide_right = sum(1 for line in body if line.x0 >= gutter and line.x1 - line.x0 > 0.18 * width)
    enough = wide_left + wide_right >= 6
    return gutter if enough and wide_left >= 1 and wide_right >= 1 else None


# -- running heads and page numbers -----------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—(\[]\s*)?(?:(?:page|p\.|seite|página|pagina|стр\.?|صفحه|صفحة)\s*)?"
    r"(?:\d{1,4}|[ivxlcdm]{1,6}|[\u0660-\u0669\u06f0-\u06f9]{1,4})"
    r"(?:\s*(?:/|of|von|de|sur|из|از|من)\s*\d{1,4})?(?:\s*[-–—)\]])?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"[\d\u0660-\u0669\u06f0-\u06f9]+")

#: How far from a page's top or bottom a running head, footer or page number sits, as a
#: share of the page's height.
_MARGIN_ZONE = 0.12


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _shape(text: str) -> str:
    return _DIGITS.sub("#", text.casefold()).strip()


def running_lines(pages: list[list[Line]], heights: list[float], body_size: float) -> set[int]:
    """ids of lines that are a page's furniture: page numbers in its top or bottom margin,
    lines there whose text (numbers aside) repeats on many pages, and lines in smaller type
    than the body above a page's text (a running head, even on a document of one page)."""
    zone: list[tuple[Line, str]] = []
    for lines, height in zip(pages, heights, strict=True):
        for line in lines:
            if line.bottom < _MARGIN_ZONE * height or line.top > (1 - _MARGIN_ZONE) * height:
                zone.append((line, _shape(line.text)))
    counts = Counter(shape for _, shape in {(line.page, shape) for line, shape in zone})
    enough = max(2, round(0.3 * len(pages))) if len(pages) >= 3 else 2
    furniture = set()
    for line, shape in zone:
        if is_page_number(line.text) or (len(pages) > 1 and counts[shape] >= enough):
            furniture.add(id(line))
    for lines, height in zip(pages, heights, strict=True):
        text = [line for line in lines if line.size >= 0.9 * body_size]
        first = min((line.top for line in text), default=height)
        for line in lines:
            head = line.bottom < _MARGIN_ZONE * height and line.bottom < first - line.size
            if head and line.size < 0.9 * body_size:
                furniture.add(id(line))
    return furniture


# -- footnotes ----------------------------------------------------------------------------------

_NOTE_START = re.compile(
    r"^(?:\d{1,3}|[*†‡§¶]{1,3}|[\u06f0-\u06f9\u0660-\u0669]{1,3})(?:[.)]\s*|\s+|(?=\D))"
)


def page_footnotes(lines: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    """A page's body lines and the footnotes under all its text (set across the columns):
    smaller lines below the lowest line of body type, from the first that begins with a
    note marker."""
    normal = [line for line in lines if line.size >= 0.92 * body_size]
    if not normal:
        return lines, []
    floor = max(line.baseline for line in normal)
    foot = sorted(
        (line for line in lines if line.top > floor and line.size < 0.92 * body_size),
        key=lambda line: (line.top, line.x0),
    )
    while foot and not _NOTE_START.match(foot[0].marked):
        foot.pop(0)
    chosen = {id(line) for line in foot}
    return [line for line in lines if id(line) not in chosen], foot


def split_footnotes(column: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    """A column's body lines and the footnotes at its foot: a block of smaller lines at the
    bottom whose first line begins with a note marker."""
    start = len(column)
    while start > 0 and column[start - 1].size < 0.92 * body_size:
        start -= 1
    while start < len(column) and not _NOTE_START.match(column[start].marked):
        start += 1
    if start >= len(column) or (start == 0 and len(column) > 0 and not _below_body(column)):
        return column, []
    return column[:start], column[start:]


def _below_body(column: list[Line]) -> bool:
    """A column made only of small lines is notes if it starts low on the page."""
    return column[0].top > 0.5 * (column[-1].bottom or 1)


def notes_of(lines: list[Line]) -> list[tuple[str, int]]:
    """Footnote lines as notes (text, page): a new note starts at each marker."""
    notes: list[tuple[list[str], int]] = []
    left = min((line.x0 for line in lines), default=0.0)
    for line in lines:
        starts = bool(_NOTE_START.match(line.marked)) and line.x0 <= left + 2 * line.size
        if starts or not notes:
            notes.append(([line.marked], line.page))
        else:
            notes[-1][0].append(line.marked)
    return [(join_lines(parts), page) for parts, page in notes]
