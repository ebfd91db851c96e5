"""A pasted text's lines, and what their layout says beyond each line.

A browser's "copy" keeps a page's layout only as lines and blank lines. Read together, they
still show a paragraph set apart, a list under the line that introduces it, a social post
over its signature, a list of other stories. `brief.ingest.text` chooses the article's lines
and sorts them with what this module finds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar, overload

from brief.ingest.ascii_text import ascii_with_marks
from brief.ingest.dates import is_date_line
from brief.ingest.furniture import (
    ends_sentence,
    is_barrier,
    is_caption,
    is_junk,
    opens_comments,
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
_DIGIT = re.compile(r"\d")
_CLOSING_QUOTES = "'\"’”»"
# Between an entry's parts: a mark between spaces (" – ", " | ") or a colon after a word.
# Written to open with the mark, looking behind it after, so that re skips to the marks.
_SEPARATOR = re.compile(r"[–—|@·•:](?:(?<=\s[–—|@·•:])(?=\s)|(?<=\w:) )")
_LIST_ITEM_WORDS = 40  # a longer line under a list's introduction is a paragraph again
_TEASER_PAIRS = 3  # a list of stories shows at least this many headline-and-summary pairs
# Quotation marks that open and close a quotation, by language: “…”, "…", «…», „…“, 「…」.
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("「", "」"), ("‘", "’"))


# An ASCII line's letters, digits and "_" (what \w+ reads in it) as "a", the rest as spaces:
# its words are then counted as the starts of runs of "a", in C, no string made of each.
_ASCII_WORDS = bytes(
    ord("a") if code < 128 and (chr(code).isalnum() or code == ord("_")) else ord(" ")
    for code in range(256)
)


def count_words(text: str) -> int:
    """Words in a line (runs of \\w); Chinese, Japanese and Thai count two characters a word."""
    ascii_line = ascii_with_marks(text)
    if ascii_line is not None:
        marked = ascii_line.translate(_ASCII_WORDS)
        return marked.count(b" a") + marked.startswith(b"a")
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
    def glued(self) -> bool:
        """A headline run into its summary (_glued), asked of the lines it can matter for."""
        return _glued(self)

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
        return not (self.text[-1] in _CLOSING_QUOTES and _capitalised(self.text.split()) >= 0.8)


def split_lines(text: str) -> list[Line]:
    """The text's non-blank lines, each marked isolated when its layout sets it apart."""
    raw = text.split("\n")
    lines: list[Line] = []
    for i, line in enumerate(raw):
        if line:
            isolated = (i == 0 or not raw[i - 1]) and (i == len(raw) - 1 or not raw[i + 1])
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


class Layout:
    """Lists, list headings, social posts and lists of other stories among a text's lines,
    worked out once for the reader's several passes."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        # No blank line anywhere (paragraphs on single line breaks): a list's heading is not
        # set apart, and only items set alike under it tell it (see _is_list_title).
        self.unspaced = all(b.index == a.index + 1 for a, b in pairwise(lines))
        # line numbers (Line.index); the lists copied one line each, costlier to find, are
        # asked of a line at a time (glued_teaser)
        self.teasers = (
            _teaser_lines(lines)
            | _counted_links(lines)
            | _dated_teasers(lines)
            | _repeated_entries(lines, self.unspaced)
        )
        self.list_titles = {
            pos
            for pos, line in enumerate(lines)
            if (line.isolated or self.unspaced)
            and 1 <= line.words <= 10
            and self._is_list_title(pos)
        }
        self.carried = self._carried_lines()  # line numbers (Line.index)

    def is_teaser(self, pos: int) -> bool:
        """Whether the line at `pos` is one of a list of other stories."""
        return self.lines[pos].index in self.teasers or self.glued_teaser(pos)

    def glued_teaser(self, pos: int) -> bool:
        """Whether the line at `pos` is one of a list of other stories copied one line each,
        headline and summary run together (_glued): such lines come two or more, each
        within two lines of the last, so it is one if it is glued and another glued line
        stands within two lines of it. Only that line and its neighbours are looked at:
        most lines of a page are never asked (see brief.ingest.runs.best_run)."""
        lines = self.lines
        if not lines[pos].glued:
            return False
        return any(
            lines[near].glued
            for near in range(max(0, pos - 2), min(len(lines), pos + 3))
            if near != pos
        )

    def list_item(self, pos: int, marked: bool | None) -> bool | None:
        """Whether the line at `pos` continues a list: True if marked ("1) …", "• …"),
        False if it is a short line set in a run (how a browser copies <li>), None if it
        ends the list. `marked` says how the list's first item was set (None: no item yet)."""
        line = self.lines[pos]
        text = line.text
        if line.words > _LIST_ITEM_WORDS or line.barrier or opens_comments(text, line.words):
            return None
        previous = self.lines[pos - 1] if pos else None
        if (
            marked is False
            and previous
            and previous.index < line.index - 1
            and not previous.isolated
        ):
            return None  # a list set as short lines ends at the first blank line after one
        if has_list_mark(text):
            return True if marked is not False and not is_junk(LIST_MARK.sub("", text)) else None
        if marked and URL.match(text):
            return True  # the item's link, on the line under it
        # Set in a run of lines; in a text without blank lines "isolated" means a sentence's
        # end, which an item may have too ("… Amphitheatre (Formerly Verizon)"), if short.
        in_run = not line.isolated or (self.unspaced and line.words < LONG_LINE)
        if marked is not True and in_run and not line.junk and line.words >= 2:
            return False
        return None

    def list_after(self, pos: int) -> int:
        """Where the list whose first item is at `pos` ends (`pos` itself if none starts)."""
        marked = None
        while pos < len(self.lines):
            kind = self.list_item(pos, marked)
            if kind is None:
                break
            marked = kind if marked is None else marked
            pos += 1
        return pos

    def _is_list_title(self, pos: int) -> bool:
        """A short line set apart over three or more items of four words or more ("Tour
        dates" over "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre"): a list's
        heading. A menu's heading stands over entries of a word or two. In a text without
        blank lines, nothing sets the heading apart: its items must then be set alike, each
        holding the same separator ("–", "@", "|", ":"), four of them or more (four in five:
        a credit may close the list)."""
        line = self.lines[pos]
        if not (line.isolated or self.unspaced) or not 1 <= line.words <= 10:
            return False
        if not line.isolated and not (
            pos + 1 < len(self.lines) and _SEPARATOR.search(self.lines[pos + 1].text)
        ):
            return False  # the first item shows no separator: the items are not set alike
        if ends_sentence(line.text):
            return False
        # The costly checks (furniture, on the heading and each item) wait until the lines
        # under it could be items (_may_be_item) that make a list with it: the items are a
        # run of those lines from the first, as long as the costly checks let them be.
        if not self._could_head(pos) or line.junk or line.barrier:
            return False
        items = []
        for ahead in range(pos + 1, len(self.lines)):
            if self.list_item(ahead, False) is None:
                break
            items.append(self.lines[ahead])
        return _make_a_list(items, line.isolated)

    def _could_head(self, pos: int) -> bool:
        """Whether some run of the lines under `pos` that could be items, from the first,
        would make a list under it (_make_a_list)."""
        set_apart = self.lines[pos].isolated
        words = 0
        separators: Counter[str] = Counter()
        for count in range(1, len(self.lines) - pos):
            item = self.lines[pos + count]
            if not self._may_be_item(item):
                return False
            words += item.words
            if not set_apart:
                separators.update(set(_SEPARATOR.findall(item.text)))
            if _list_enough(count, words, max(separators.values(), default=0), set_apart):
                return True
        return False

    def _may_be_item(self, line: Line) -> bool:
        """What list_item(…, False) asks of a line before its costly checks: short, at least
        two words, set in a run, no item's mark."""
        in_run = not line.isolated or (self.unspaced and line.words < LONG_LINE)
        return in_run and 2 <= line.words <= _LIST_ITEM_WORDS and not has_list_mark(line.text)

    def _carried_lines(self) -> set[int]:
        """Short lines the article's own layout explains: a list's items under the line
        that introduces them, a social post's text and signature. They weigh nothing either
        way, so that a list or a post does not cut the article in two."""
        carried: set[int] = set()
        for pos, line in enumerate(self.lines):
            if is_post_signature(line.text):
                carried.add(line.index)
                if pos:
                    carried.add(self.lines[pos - 1].index)
            elif (line.text.endswith(":") and not line.junk) or pos in self.list_titles:
                carried.update(
                    line.index for line in self.lines[pos + 1 : self.list_after(pos + 1)]
                )
        return carried


def _make_a_list(items: list[Line], heading_set_apart: bool) -> bool:
    """Whether these lines under a heading make a list: three or more, of four words or
    more on average; under a heading not set apart, four or more set alike, four in five of
    them holding the same separator (a credit may close the list)."""
    separators = Counter(
        sep for item in items if not heading_set_apart for sep in set(_SEPARATOR.findall(item.text))
    )
    return _list_enough(
        len(items),
        sum(item.words for item in items),
        max(separators.values(), default=0),
        heading_set_apart,
    )


def _list_enough(count: int, words: int, most_shared: int, heading_set_apart: bool) -> bool:
    """_make_a_list's rule, on `count` items of `words` words in all, `most_shared` of them
    holding the same separator."""
    if count < 3 or words < 4 * count:
        return False
    return heading_set_apart or (count >= 4 and 5 * most_shared >= 4 * count)


def _teaser_lines(lines: list[Line]) -> set[int]:
    """Lines of a list of other stories: headlines each over one short summary, three or
    more pairs in a row. An article's subheadings stand over paragraphs of any length and
    usually over more than one."""

    headline = [
        3 <= line.words <= 20
        and not has_list_mark(line.text)  # "1. Check the tyres": a listicle's heading
        and (not ends_sentence(line.text) or line.text.endswith(("…", "...")))
        for line in lines
    ]
    summary = [8 <= line.words <= 50 and ends_sentence(line.text) for line in lines]
    found: set[int] = set()
    pos = 0
    while pos < len(lines):
        pairs = 0
        while (
            pos + 2 * pairs + 1 < len(lines)
            and headline[pos + 2 * pairs]
            and summary[pos + 2 * pairs + 1]
        ):
            pairs += 1
        if pairs >= _TEASER_PAIRS:
            found.update(line.index for line in lines[pos : pos + 2 * pairs])
            pos += 2 * pairs
        else:
            pos += 1
    return found


def _dated_teasers(lines: list[Line]) -> set[int]:
    """Lines of a feed of other stories, each entry a few short lines with a date line among
    them (headline, author, date, summary): three date lines or more, two to six lines apart,
    each stretch between them holding a headline and at most one long line. An article's
    dated sections (a live blog's entries) run to paragraphs."""
    dates = [  # a feed's dates carry a day or a year: a line without a digit is not tried
        pos
        for pos, line in enumerate(lines)
        if line.words <= 8 and _DIGIT.search(line.text) and line.date_line
    ]
    found: set[int] = set()
    group: list[int] = []

    def entry(first: int, last: int) -> bool:
        between = lines[first + 1 : last]
        headlines = [
            line for line in between if 2 <= line.words <= 20 and not line.text.endswith(".")
        ]
        long = [line for line in between if line.words >= LONG_LINE]
        return bool(headlines) and len(long) <= 1 and 3 <= last - first <= 7

    def like(pos: int, offset: int, group: list[int]) -> bool:
        """Whether the line at `pos` is set like the lines `offset` away from the feed's
        other dates: long where theirs are long (a summary), short where theirs are short."""
        long = lines[pos].words >= LONG_LINE
        alike = [
            (lines[d + offset].words >= LONG_LINE) == long
            for d in group
            if 0 <= d + offset < len(lines) and d + offset not in group
        ]
        return bool(alike) and 2 * sum(alike) > len(alike)

    def close(group: list[int]) -> None:
        if len(group) < 3:
            return
        span = max(b - a for a, b in pairwise(group)) - 1
        first, last = group[0], group[-1]
        for offset in range(1, span + 1):  # the first entry's lines before its date
            back = group[0] - offset
            if back < 0 or lines[back].index != lines[back + 1].index - 1:
                break  # a blank line before the feed: what stands above is not its
            if lines[back].is_paragraph or not like(back, -offset, group[1:]):
                break
            first = back
        for offset in range(1, span + 1):  # the last entry's lines after its date
            ahead = group[-1] + offset
            if ahead >= len(lines) or lines[ahead].index != lines[ahead - 1].index + 1:
                break
            if not like(ahead, offset, group[:-1]):
                break
            last = ahead
        found.update(line.index for line in lines[first : last + 1])

    for pos in dates:
        if group and not entry(group[-1], pos):
            close(group)
            group = []
        group.append(pos)
    close(group)
    return found


_ENTRY_LINES = (2, 4)  # short lines over each summary in a feed: kicker, headline, source
_SUMMARY_WORDS = 45  # a teaser's summary is a sentence or two; a roundup's text runs longer
_ENTRIES = 4  # a feed shows at least this many entries set alike, one after another


def _repeated_entries(lines: list[Line], unspaced: bool) -> set[int]:
    """Lines of a feed of other stories whose entries are set alike: the same number (two
    to four) of short lines run together (kicker, headline, source), then one summary set
    apart and short, four entries or more in a row. An article's subheading is one line;
    a roundup's items (name, price, "See it now") stand over paragraphs of their own."""
    entries: list[tuple[int, int, int]] = []  # (first line, summary line, short lines)

    def short_line(line: Line) -> bool:
        # without blank lines a headline ending in "?" is "isolated": its length tells
        return line.words <= 20 and (not line.isolated or (unspaced and line.words < LONG_LINE))

    def summary(line: Line) -> bool:
        return line.isolated and (LONG_LINE if unspaced else 1) <= line.words <= _SUMMARY_WORDS

    pos = 0
    while pos < len(lines):
        first = pos
        while pos < len(lines) and short_line(lines[pos]) and pos - first < _ENTRY_LINES[1] + 1:
            pos += 1
        short = pos - first
        if _ENTRY_LINES[0] <= short <= _ENTRY_LINES[1] and pos < len(lines) and summary(lines[pos]):
            entries.append((first, pos, short))
            pos += 1
        else:
            pos = max(pos, first + 1)
    found: set[int] = set()
    row: list[tuple[int, int, int]] = []
    for entry in [*entries, None]:
        if entry is not None and row and entry[0] == row[-1][1] + 1 and entry[2] == row[-1][2]:
            row.append(entry)
            continue
        if len(row) >= _ENTRIES:
            found.update(line.index for line in lines[row[0][0] : row[-1][1] + 1])
        row = [entry] if entry is not None else []
    return found


# A link's headline run into its summary when a page is copied as text: the headline's last
# word and the summary's first touch ("Student-AthleteA 24-year-old woman…", "250,000The
# state…", "Rise?Violence is…"); or the headline and the summary's dateline ("…deemed
# stateless WASHINGTON: Expressing concern…").
_INNER_DATELINE = re.compile(
    r"(?<=[a-z]) [A-Z]{3,}(?:[ -][A-Z]{2,})*(?:, [A-Z][\w.]+)?: [A-Z][a-z]"
)


def _glued(line: Line) -> bool:
    """A headline run into a summary: a headline in title case, four words or more, whose
    last word touches the summary's first, the summary going on in sentence case; or a
    sentence-case headline followed by the summary's dateline ("… stateless WASHINGTON:
    Expressing …"), which in an article opens a paragraph, never stands inside one."""
    if line.words < 8:
        return False
    text = line.text
    if text.isascii() and not _ASCII_GLUE.search(text):
        return ": " in text and _inner_dateline(text)  # no word with a capital inside it
    words = text.split()
    for position, word in enumerate(words[3:20], start=3):
        tail = word[3:]
        if tail.lower() == tail:
            continue  # no capital where a summary could start (most words): _has_glue's test
        if _has_glue(word) and len(words) - position >= 4:
            headline, summary = words[: position + 1], words[position + 1 : position + 6]
            if _capitalised(headline) >= 0.8 and _capitalised(summary) <= 0.4:
                return True
    return ": " in text and _inner_dateline(text)


def _inner_dateline(text: str) -> bool:
    dateline = _INNER_DATELINE.search(text)
    return dateline is not None and len(text[: dateline.start()].split()) >= 5


# What _has_glue looks for, in an ASCII line: a capital right after a lower-case letter, a
# digit, a stop or a closing mark. A line without one (most lines) has no glued word.
_ASCII_GLUE = re.compile(r"[a-z0-9'\".!?)][A-Z]")


def _capitalised(words: list[str]) -> float:
    """The share of words that start with a capital or a digit (title case is near 1)."""
    starts = [word.lstrip("‘’'\"“”([¿¡$€£").strip() for word in words]
    starts = [w for w in starts if w]
    if not starts:
        return 0.0
    return sum(1 for w in starts if w[0].isupper() or w[0].isdigit()) / len(starts)


def _has_glue(word: str) -> bool:
    """A word with a headline's end glued to a summary's start ("AthleteA", "250,000The",
    "Rise?Violence"): a lower-case letter, a digit or a full stop, then a capital starting
    a word, with three characters or more before it. A brand
    in camel case ("MacBook") passes too; the headline's title case around it decides."""
    if word[3:].lower() == word[3:]:
        return False  # no capital where one could start a summary (most words)
    for at in range(3, len(word)):
        if word[at].isupper() and not word[at - 1].isupper() and word[at - 1] not in "-/":
            return word[at - 1].isalnum() or word[at - 1] in "’'\".!?)”"
    return False


_COUNTED = re.compile(r"\S\s\(\d{1,6}\)$")


def _counted_links(lines: list[Line]) -> set[int]:
    """A list of links each followed by a count ("Week 12 power rankings (133)", "India
    (9048)"): the most-commented stories, a site's sections with their number of posts.
    Three such lines or more, one after another."""
    marked = [
        pos
        for pos, line in enumerate(lines)
        if line.text.endswith(")") and line.words <= 40 and _COUNTED.search(line.text)
    ]
    return _clustered(lines, marked, 1, 3)


def _clustered(lines: list[Line], marked: list[int], gap: int, least: int) -> set[int]:
    """The line numbers of marked positions in groups of at least `least`, each no more
    than `gap` lines after the one before it."""
    found: set[int] = set()
    group: list[int] = []
    for pos in [*marked, None]:
        if pos is not None and (not group or pos - group[-1] <= gap):
            group.append(pos)
            continue
        if len(group) >= least:
            found.update(lines[p].index for p in group)
        group = [pos] if pos is not None else []
    return found


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
