"""A PDF page's runs of text (what PDFium draws in one go) joined into the lines a reader
sees: superscript note markers set apart, right-to-left runs put in reading order, ligatures
as letters, a word hyphenated at a line's end whole again when lines are joined.

Pure geometry on plain values, tested without PDFs; `brief.ingest.pdf` gets the runs out of a
document with PDFium. Coordinates are in points from the page's top left.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


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
