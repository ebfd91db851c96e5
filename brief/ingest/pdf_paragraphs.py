"""A PDF's body lines, column after column, as blocks: paragraphs ended by space, an indented
first line or a last line stopping short; headings by size and weight; block quotes set in
from both margins; list items by their bullets."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from brief.ingest.pdf_lines import Line, join_lines
from brief.model import SectionKind

_ENDS_SENTENCE = re.compile(r"[.!?:;…。؟!\"”’»)]$")
_BULLET = re.compile(r"^(?:[•◦▪▫●○■□‣⁃–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")


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
