"""A PDF page's text as a reader sees it: runs of text become lines, lines are put in reading
order (columns one after the other), running heads and page numbers are found across pages,
footnotes are told from the body, and lines are joined into paragraphs.

Pure geometry on plain values, so it is tested without PDFs; `brief.ingest.pdf` gets the
runs out of a document with PDFium. Coordinates are in points from the page's top left.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from brief.model import SectionKind


@dataclass
class Run:
    """Text drawn in one go: one font, one size, on one baseline."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    baseline: float = 0.0  # where the glyphs sit (the box's bottom goes lower by descenders)

    def __post_init__(self) -> None:
        if not self.baseline:
            self.baseline = self.bottom


@dataclass
class Line:
    """Runs on one baseline that read as one line (a column's gutter splits a baseline)."""

    runs: list[Run]
    page: int  # counted from 1
    text: str = ""
    marked: str = ""  # the text with its superscript note markers, for notes themselves
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    baseline: float = 0.0
    bold: bool = False
    rtl: bool = False

    def finish(self) -> Line:
        runs = self.runs
        self.size = max(runs, key=lambda r: len(r.text.strip())).size
        self.x0 = min(r.x0 for r in runs)
        self.x1 = max(r.x1 for r in runs)
        self.top = min(r.top for r in runs)
        self.bottom = max(r.bottom for r in runs)
        self.baseline = max(r.baseline for r in runs if r.size >= 0.85 * self.size)
        letters = sum(len(r.text.strip()) for r in runs) or 1
        self.bold = sum(len(r.text.strip()) for r in runs if r.bold) > letters / 2
        self.rtl = _is_rtl("".join(r.text for r in runs))
        plain_parts: list[str] = []
        marked_parts: list[str] = []
        previous: Run | None = None
        for run, text in _logical_order(runs, self.rtl):
            gap = 0.0
            if previous is not None:
                gap = max(run.x0 - previous.x1, previous.x0 - run.x1)
            space = previous is not None and gap > 0.12 * self.size
            marker = _is_marker(run, self)
            for parts, keep in ((plain_parts, not marker), (marked_parts, True)):
                if not keep:
                    continue
                if space and parts and not parts[-1].endswith(" ") and not text[:1].isspace():
                    parts.append(" ")
                parts.append(text)
            previous = run
        self.text = _clean("".join(plain_parts))
        self.marked = _clean("".join(marked_parts))
        return self


_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LIGATURE = re.compile("[\ufb00-\ufb06]")


def _direction(text: str) -> str | None:
    """'L' or 'R' by a text's first strong letter; None for digits and punctuation."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return None


_LEADING_NEUTRALS = re.compile(r"^([^\w\s]+)(\w.*)$", re.DOTALL)
_MIRRORED = str.maketrans("«»()[]{}‹›", "»«)(][}{›‹")


def _logical_order(runs: list[Run], rtl: bool) -> list[tuple[Run, str]]:
    """A line's runs in reading order, with their text as it is read.

    PDFium gives a run of the line's majority direction in reading order, and a run of the
    other direction (a Dari phrase in an English line, an English clause in a Pashto line)
    with its words in the order they stand on the page: those are turned back, with their
    punctuation and brackets. The runs are then read from the left, unless the line is
    right to left through and through (two thirds of its letters), when they are read
    from the right.
    """
    visual = sorted(runs, key=lambda r: r.x0)
    if not rtl and not any(_RTL_LETTER.search(r.text) for r in runs):
        return [(run, run.text) for run in visual]
    majority = "R" if rtl else "L"
    strong = [unicodedata.bidirectional(ch) for r in runs for ch in r.text if ch.isalpha()]
    share = sum(1 for kind in strong if kind in ("R", "AL")) / max(len(strong), 1)
    base = "R" if share > 2 / 3 else "L"
    found = [_direction(run.text) for run in visual]
    resolved: list[str] = []
    for index, direction in enumerate(found):
        if direction is None:
            before = next((d for d in reversed(found[:index]) if d), base)
            after = next((d for d in found[index + 1 :] if d), base)
            direction = before if before == after else base
        resolved.append(direction)
    groups: list[tuple[str, list[Run]]] = []
    for run, direction in zip(visual, resolved, strict=True):
        if groups and groups[-1][0] == direction:
            groups[-1][1].append(run)
        else:
            groups.append((direction, [run]))
    if base == "R":
        groups.reverse()
    ordered: list[tuple[Run, str]] = []
    for direction, members in groups:
        for run in reversed(members) if direction == "R" else members:
            text = run.text
            if direction != majority and _direction(text) == direction:
                text = _turned(text)
            ordered.append((run, text))
    return ordered


def _turned(text: str) -> str:
    """Words given in the order they stand on the page, in reading order."""
    words = []
    for word in reversed(text.split()):
        moved = _LEADING_NEUTRALS.match(word)
        if moved:
            word = moved.group(2) + moved.group(1)
        words.append(word.translate(_MIRRORED))
    return " ".join(words)


def _is_rtl(text: str) -> bool:
    if not _RTL_LETTER.search(text):
        return False
    strong = [unicodedata.bidirectional(ch) for ch in text if ch.isalpha()]
    rtl = sum(1 for kind in strong if kind in ("R", "AL"))
    return rtl > len(strong) / 2


def _is_marker(run: Run, line: Line) -> bool:
    """A superscript note marker: smaller, raised, and only digits or note signs."""
    text = run.text.strip()
    return (
        0 < len(text) <= 3
        and run.size < 0.85 * line.size
        and run.baseline < line.baseline - 0.2 * line.size
        and all(ch.isdigit() or ch in "*†‡§¶" for ch in text)
    )


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def _clean(text: str) -> str:
    # PDFium marks a hyphen it thinks breaks a word at a line's end as U+0002.
    text = text.replace("\x02", "-").replace("\ufffe", "-").replace("\r", " ").replace("\n", " ")
    text = "".join(
        unicodedata.normalize("NFKC", ch) if "\ufb00" <= ch <= "\ufb06" else ch for ch in text
    )
    return _SPACES.sub(" ", text).strip()


def build_lines(runs: Iterable[Run], page: int) -> list[Line]:
    """Runs, in the order the page draws them, joined into lines: a run continues a line when
    it sits on the line's baseline just after (or, right to left, before) its last run."""
    lines: list[Line] = []
    current: list[Run] = []
    for run in runs:
        if not run.text.strip() and not current:
            continue
        if current and _continues(current, run):
            current.append(run)
            continue
        if current:
            lines.append(Line(current, page).finish())
        current = [run]
    if current:
        lines.append(Line(current, page).finish())
    return [line for line in lines if line.text]


def _continues(current: list[Run], run: Run) -> bool:
    size = max(r.size for r in current)
    base = max(r.baseline for r in current if r.size >= 0.85 * size)
    raised = run.size < 0.85 * size and base - 0.8 * size < run.baseline < base
    if abs(run.baseline - base) > 0.3 * size and not raised:
        return False
    left = min(r.x0 for r in current)
    right = max(r.x1 for r in current)
    limit = 1.1 * max(size, run.size)
    after = -0.5 * size <= run.x0 - right <= limit
    before = -0.5 * size <= left - run.x1 <= limit  # right-to-left text drawn word by word
    return after or before


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


# -- paragraphs ---------------------------------------------------------------------------------

_ENDS_SENTENCE = re.compile(r"[.!?:;…。؟!\"”’»)]$")
_BULLET = re.compile(r"^(?:[•◦▪▫●○■□‣⁃–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")


def join_lines(lines: list[str]) -> str:
    """Lines of a paragraph as one text: a hyphen at a line's end that splits a word is
    removed (the next line goes on in lower case), other lines are joined by a space."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if (
            text.endswith(("-", "\u00ad"))
            and line[:1].islower()
            and len(text) > 1
            and text[-2].isalpha()
        ):
            text = text[:-1] + line
        elif text:
            text += " " + line
        else:
            text = line
    return text.replace("\u00ad", "")


@dataclass
class Block:
    """A paragraph, heading, quote or list item being put together from its lines."""

    kind: SectionKind
    left: float  # its column's left and right edges
    right: float
    lines: list[Line] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def text(self) -> str:
        text = join_lines([line.text for line in self.lines])
        if self.kind is SectionKind.LIST_ITEM:
            text = _SYMBOL_BULLET.sub("", text)
        return text


_SYMBOL_BULLET = re.compile(r"^[•◦▪▫●○■□‣⁃–—-]\s+")


@dataclass
class Style:
    """What the document's body text looks like, learnt from all its lines."""

    size: float  # the body's font size
    leading: float  # the usual distance between two lines of a paragraph
    bold: bool  # whether the body itself is bold


def body_style(lines: list[Line], heights: list[float] | None = None) -> Style:
    """The body's type: the size most of the text is set in, text low on a page (notes,
    which may be long) counting for less."""
    sizes: Counter[float] = Counter()
    bold = 0
    for line in lines:
        low = heights is not None and line.top > 0.7 * heights[line.page - 1]
        sizes[round(line.size, 1)] += len(line.text) // 4 if low else len(line.text)
        bold += len(line.text) if line.bold else 0
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    # A short document's title can outweigh its text: smaller type with a good share of
    # the letters is the body.
    if sizes and size == max(sizes):
        smaller = [(count, other) for other, count in sizes.items() if other * 1.25 < size]
        if smaller and max(smaller)[0] >= 0.4 * sizes[size]:
            size = max(smaller)[1]
    body = [line for line in lines if abs(line.size - size) < 0.3]
    steps: Counter[float] = Counter()
    for a, b in itertools.pairwise(body):
        step = b.baseline - a.baseline
        if a.page == b.page and 0.9 * size < step < 2.5 * size:
            steps[round(step, 0)] += 1
    leading = steps.most_common(1)[0][0] if steps else 1.2 * size
    return Style(size, leading, bold > sum(sizes.values()) / 2)


def is_heading_line(line: Line, style: Style) -> bool:
    words = len(line.text.split())
    if words == 0 or words > 25:
        return False
    if line.size >= 1.15 * style.size:
        return True
    return line.bold and not style.bold and words <= 15 and not line.text.endswith(".")


def paragraphs(columns: list[list[Line]], style: Style) -> list[Block]:
    """The body's columns, in reading order, as blocks: a paragraph ends at a wider gap than
    the usual leading, at an indented first line, after a short line that ends a sentence,
    and where the type changes (a heading); it goes on across a column or page break when its
    last line does not end a sentence."""
    blocks: list[Block] = []
    current: Block | None = None
    left = right = 0.0
    previous: Line | None = None
    for column in columns:
        if not column:
            continue
        body = [line for line in column if not is_heading_line(line, style)] or column
        left = _common_left(body)
        right = max(line.x1 for line in body)
        for index, line in enumerate(column):
            heading = is_heading_line(line, style)
            kind = SectionKind.HEADING if heading else SectionKind.PARAGRAPH
            bullet = not heading and _is_bullet(line, previous, left, style)
            if bullet:
                kind = SectionKind.LIST_ITEM
            new = (
                current is None
                or bullet
                or (
                    kind is not current.kind
                    and not (
                        current.kind is SectionKind.LIST_ITEM and kind is SectionKind.PARAGRAPH
                    )
                )
                or (heading and abs(line.size - current.size) > 0.5)
            )
            if not new and previous is not None and current is not None:
                if index == 0:  # a new column or page: go on unless the last line ended
                    new = bool(_ENDS_SENTENCE.search(previous.text)) and (
                        line.x0 > left + 0.8 * style.size
                        or _ended(previous, line, current.left, current.right)
                    )
                    if current.kind is SectionKind.LIST_ITEM and not bullet:
                        new = new or line.x0 < left + 0.5 * style.size  # the list has ended
                    if not new:
                        current.left, current.right = left, right
                else:
                    new = _breaks(current, previous, line, style, heading=heading, bullet=bullet)
                    start = _after_list(current, line, style) if new and not bullet else None
                    if start is not None:
                        # The list ended lines ago: a paragraph whose first line is indented
                        # as far as the items' text went on under the last item.
                        moved = current.lines[start:]
                        del current.lines[start:]
                        current = Block(SectionKind.PARAGRAPH, left, right, moved)
                        blocks.append(current)
                        new = False
            if new or current is None:
                current = Block(kind, left, right)
                blocks.append(current)
            current.lines.append(line)
            previous = line
    for block in blocks:
        if _is_quote(block, style):
            block.kind = SectionKind.QUOTE
    return blocks


def _breaks(
    current: Block, previous: Line, line: Line, style: Style, *, heading: bool, bullet: bool
) -> bool:
    """Whether `line` starts a new block after `previous` in the same column."""
    gap = line.baseline - previous.baseline
    if heading:
        return gap > 1.8 * max(line.size, previous.size)
    if gap > max(1.35 * style.leading, 1.35 * line.size):
        return True
    if current.kind is SectionKind.LIST_ITEM:
        return (_leaves_list(line, current, style) and not bullet) or _ended(
            previous, line, current.left, current.right
        )
    step = _indent(line, current, style) - _indent(previous, current, style)
    if step > 0.8 * style.size:
        return True  # an indented first line
    set_in = _indent(previous, current, style) > 0.8 * style.size
    room = previous.x0 - current.left if previous.rtl else current.right - previous.x1
    end_set_in = room > style.size
    if step < -0.8 * style.size and len(current.lines) >= 2 and end_set_in:
        return True  # back to the margin after a block set in from both sides (a quote)
    if abs(step) <= 0.8 * style.size and set_in and not end_set_in:
        # Two indented lines, the first running to the margin: two paragraphs' first lines
        # (a one-line paragraph), since a paragraph's second line starts at the margin.
        return bool(_ENDS_SENTENCE.search(previous.text))
    return _ended(previous, line, current.left, current.right)


def _is_bullet(line: Line, previous: Line | None, left: float, style: Style) -> bool:
    """A list item's first line: a bullet sign near the margin, or a number or letter
    ("2.", "b)") where a new block may start (not "… most a. Levels" broken after "most")."""
    if line.x0 >= left + 2.5 * style.size or not _BULLET.match(line.text):
        return False
    if _SYMBOL_BULLET.match(line.text):
        return True
    return previous is None or bool(_ENDS_SENTENCE.search(previous.text))


def _leaves_list(line: Line, block: Block, style: Style) -> bool:
    """A line back at the margin, no further in than the item's bullet: the list is over
    (an item's own lines hang in under its text)."""
    first = block.lines[0]
    at_bullet = (
        first.x1 - 0.3 * style.size < line.x1 if line.rtl else line.x0 < first.x0 + 0.3 * style.size
    )
    return at_bullet and _indent(line, block, style) < 0.5 * style.size


def _after_list(block: Block, line: Line, style: Style) -> int | None:
    """Where, in a list item that `line` leaves by going back to the margin, a paragraph
    began: when `line` goes on with a sentence (lower case, or after a hyphen or a line that
    ends no sentence), the first line after the item's last sentence end that starts anew."""
    if block.kind is not SectionKind.LIST_ITEM or not _leaves_list(line, block, style):
        return None
    last = block.lines[-1].text
    goes_on = line.text[:1].islower() or not _ENDS_SENTENCE.search(last)
    if not goes_on:
        return None
    for index in range(len(block.lines) - 1, 0, -1):
        before, start = block.lines[index - 1].text, block.lines[index].text
        if _ENDS_SENTENCE.search(before) and start[:1].isupper():
            return index
    return None


def _indent(line: Line, block: Block, style: Style) -> float:
    """How far a line starts from its column's edge (the right edge in right-to-left text)."""
    return block.right - line.x1 if line.rtl else line.x0 - block.left


def _common_left(lines: list[Line]) -> float:
    lefts = Counter(round(line.x0) for line in lines)
    return float(lefts.most_common(1)[0][0])


def _ended(previous: Line, line: Line, left: float, right: float) -> bool:
    """Whether `previous` ends a paragraph: it ends a sentence and stopped short of the
    margin by choice, the first word of `line` (its width guessed generously from the line's
    average letter) fitting in the room left at its end."""
    words = line.text.split()
    if not words or not _ENDS_SENTENCE.search(previous.text):
        return False
    width = (line.x1 - line.x0) / max(len(line.text), 1)
    room = previous.x0 - left if previous.rtl else right - previous.x1
    inset = _inset(previous, left, right)
    return room - inset > 1.4 * (len(words[0]) + 1) * width


def _inset(line: Line, left: float, right: float) -> float:
    """A line set in from its column's start (a quote) is taken as set in at its end too."""
    start = right - line.x1 if line.rtl else line.x0 - left
    return start if start > 20 else 0.0


def _is_quote(block: Block, style: Style) -> bool:
    """A paragraph of two lines or more set in from both margins of its column."""
    if block.kind is not SectionKind.PARAGRAPH or len(block.lines) < 2:
        return False
    inset = 1.5 * style.size
    if block.lines[0].rtl:
        return all(line.x1 < block.right - inset for line in block.lines) and all(
            line.x0 > block.left + style.size for line in block.lines[:-1]
        )
    return all(line.x0 > block.left + inset for line in block.lines) and all(
        line.x1 < block.right - style.size for line in block.lines[:-1]
    )
