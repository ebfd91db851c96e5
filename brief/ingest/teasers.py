"""Lists of other stories among a pasted text's lines.

A page copied whole holds, around its article, lists of links to other stories: headlines
each over a short summary, a feed whose entries carry dates, entries set alike line for
line, links each followed by a count, headlines run into their summaries. None of them is
the article, though their lines may be as long as its paragraphs. `brief.ingest.layout`
gathers what these find.
"""

from __future__ import annotations

import re
from itertools import pairwise

from brief.ingest.furniture import ends_sentence
from brief.ingest.lines import LONG_LINE, Line, capitalised, has_list_mark

_DIGIT = re.compile(r"\d")
_TEASER_PAIRS = 3  # a list of stories shows at least this many headline-and-summary pairs


def teaser_lines(lines: list[Line]) -> set[int]:
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


def dated_teasers(lines: list[Line]) -> set[int]:
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


def repeated_entries(lines: list[Line], unspaced: bool) -> set[int]:
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


def glued(line: Line) -> bool:
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
            if capitalised(headline) >= 0.8 and capitalised(summary) <= 0.4:
                return True
    return ": " in text and _inner_dateline(text)


def _inner_dateline(text: str) -> bool:
    dateline = _INNER_DATELINE.search(text)
    return dateline is not None and len(text[: dateline.start()].split()) >= 5


# What _has_glue looks for, in an ASCII line: a capital right after a lower-case letter, a
# digit, a stop or a closing mark. A line without one (most lines) has no glued word. Written
# from the capital, looking behind it after, so that re skips to the capitals (in C).
_ASCII_GLUE = re.compile(r"[A-Z](?<=[a-z0-9'\".!?)][A-Z])")


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


def counted_links(lines: list[Line]) -> set[int]:
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
