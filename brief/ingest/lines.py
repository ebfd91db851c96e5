"""A pasted text's lines: each line's words, whether its layout sets it apart, and what
the line alone says (furniture, a date, a caption, a list item's mark, a heading).

A browser's "copy" keeps a page's layout only as lines and blank lines. What runs of lines
say together is read by `brief.ingest.layout` (lists, social posts) and
`brief.ingest.teasers` (lists of other stories); `brief.ingest.text` chooses the article's
lines and sorts them with what these find.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar, overload

from brief.ingest.ascii_text import ascii_with_marks, count_ascii_words
from brief.ingest.dates import is_date_line
from brief.ingest.furniture import (
    ends_sentence,
    is_barrier,
    is_caption,
    is_junk,
)

LONG_LINE = 15  # words: a line this long is prose wherever it stands

_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: count their characters instead.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# The signature under a social post set in a page: "— Name (@handle) November 18, 2019",
# "A post shared by Name (@handle) on Nov 18, 2019".
POST_SIGNATURE = re.compile(
    r"^(?:[—–-]\s*[^()\n]{1,80}\(@[\w.]{1,40}\)[^()]{0,60}"
    r"|a\s+post\s+shared\s+by\s+[^()\n]{1,80}\(@[\w.]{1,40}\)[^()]{0,80})$",
    re.I,
)


def is_post_signature(text: str) -> bool:
    """POST_SIGNATURE.match, tried only on lines holding the handle's "(@"."""
    return "(@" in text and bool(POST_SIGNATURE.match(text))


# A list item's mark: a bullet or dash, or a number or letter with its stop ("1)", "2.", "b)").
LIST_MARK = re.compile(r"^(?:[•▪►▸‣◦·*\-–—]\s+|\(?(?:\d{1,2}|[a-z])[.)]\s+)(?=\S)")


def has_list_mark(text: str) -> bool:
    """LIST_MARK.match, not tried on a line opening with a capital (no mark is one)."""
    return not text[:1].isupper() and bool(LIST_MARK.match(text))


BULLET = re.compile(r"^[•▪►▸‣◦·*\-–—]\s+(?=\S)")
_CLOSING_QUOTES = "'\"’”»"
# Quotation marks that open and close a quotation, by language: “…”, "…", «…», „…“, 「…」.
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("「", "」"), ("‘", "’"))


def count_words(text: str) -> int:
    """Words in a line (runs of \\w); Chinese, Japanese and Thai count two characters a word."""
    if text.isascii():  # most lines: counted as bytes at once
        return count_ascii_words(text.encode())
    ascii_line = ascii_with_marks(text)
    if ascii_line is not None:
        return count_ascii_words(ascii_line)
    if not _UNSPACED.search(text):
        return len(_WORD.findall(text))
    unspaced = len(_UNSPACED.findall(text))
    return len(_WORD.findall(_UNSPACED.sub(" ", text))) + unspaced // 2


_T = TypeVar("_T")


class _Once(Generic[_T]):
    """A line's property worked out on first use and kept: functools.cached_property does
    the same under a lock (Python 3.11), which costs more than most of these checks."""

    def __init__(self, func: Callable[[Line], _T]) -> None:
        self.func = func
        self.name = func.__name__

    @overload
    def __get__(self, line: None, owner: type) -> _Once[_T]: ...
    @overload
    def __get__(self, line: Line, owner: type) -> _T: ...
    def __get__(self, line: Line | None, owner: type) -> _T | _Once[_T]:
        if line is None:
            return self
        value = line.__dict__[self.name] = self.func(line)
        return value


@dataclass
class Line:
    index: int  # the line's number in the text, blank lines counted
    text: str
    words: int
    isolated: bool  # set apart, by blank lines or (in texts without them) a sentence's end
    doubled: bool = False  # the same words on the line above or below it (see split_lines)

    @_Once
    def junk(self) -> bool:
        """Page furniture wherever it stands (asked of each line several times)."""
        return is_junk(self.text, self.words)

    @_Once
    def date_line(self) -> bool:
        """A date and little else (brief.ingest.dates.is_date_line), asked several times."""
        return is_date_line(self.text)

    @_Once
    def caption(self) -> bool:
        return self.doubled or is_caption(self.text)

    @_Once
    def barrier(self) -> bool:
        """Opens the furniture after an article ("Comments", "Related stories")."""
        return is_barrier(self.text, self.words)

    @property
    def is_paragraph(self) -> bool:
        """Looks like a paragraph of prose: long, or set off and ending like a sentence. A
        headline in title case ending in a quotation mark ("… Prevent 'Widespread Famine'")
        ends like a sentence without being one."""
        if self.words >= 25:
            return True
        if self.words < 8 or not self.isolated or not ends_sentence(self.text):
            return False
        return not (self.text[-1] in _CLOSING_QUOTES and capitalised(self.text.split()) >= 0.8)


def split_lines(text: str) -> list[Line]:
    """The text's non-blank lines, each marked isolated when its layout sets it apart."""
    raw = text.split("\n")
    last = len(raw) - 1
    lines: list[Line] = []
    for i, line in enumerate(raw):
        if line:
            isolated = (i == 0 or not raw[i - 1]) and (i == last or not raw[i + 1])
            lines.append(Line(i, line, count_words(line), isolated))
    for above, below in pairwise(lines):
        if above.text == below.text and above.words >= 8 and below.index == above.index + 1:
            # A sentence printed twice in a row: a picture's caption, once as its alt text
            # and once under it (a slideshow's); an article does not repeat itself so.
            above.doubled = below.doubled = True
    if not _sets_paragraphs_apart(lines):
        # Paragraphs on consecutive lines (many sites and editors copy that way): a blank
        # line says nothing here, so a line stands alone when it ends like a sentence.
        for each in lines:
            each.isolated = ends_sentence(each.text)
    return lines


def _sets_paragraphs_apart(lines: list[Line]) -> bool:
    """True when the text sets its long lines (its paragraphs) apart with blank lines."""
    long_lines = [line for line in lines if line.words >= LONG_LINE]
    return not long_lines or 2 * sum(line.isolated for line in long_lines) >= len(long_lines)


def capitalised(words: list[str]) -> float:
    """The share of words that start with a capital or a digit (title case is near 1)."""
    starts = [word.lstrip("‘’'\"“”([¿¡$€£").strip() for word in words]
    starts = [w for w in starts if w]
    if not starts:
        return 0.0
    return sum(1 for w in starts if w[0].isupper() or w[0].isdigit()) / len(starts)


def is_heading(line: Line, following: Line | None) -> bool:
    """A short line that introduces a paragraph: a subheading, not a menu entry."""
    return (
        1 <= line.words <= 14
        and not line.text.endswith((".", ",", ";"))
        and following is not None
        and (following.words >= LONG_LINE or following.is_paragraph)
        and not line.junk
    )


def is_quotation(text: str) -> bool:
    """A paragraph that is one quotation from its first mark to its last, with no
    attribution between ("“We will rebuild it.”")."""
    text = text.rstrip(" .")
    for opening, closing in _QUOTE_PAIRS:
        if text.startswith(opening) and text.endswith(closing) and len(text) > 2:
            inner = text[1:-1]
            if closing not in inner and (opening == closing or opening not in inner):
                return True
    return False


def looks_like_caption(line: Line) -> bool:
    return line.words <= 60 and not line.text.startswith(("“", '"')) and line.caption
