"""What runs of a pasted text's lines say together: lists, their headings, social posts.

A list stands under the line that introduces it ("… on Amazon:") or under its own heading; a
social post set in a page stands over its signature. Their short lines are the article's,
though a menu's are set the same way. Lists of other stories come from
`brief.ingest.teasers`. `brief.ingest.runs` and `brief.ingest.text` read all of it from one
`Layout`, worked out once per text.
"""

from __future__ import annotations

import re
from collections import Counter

from brief.ingest.furniture import ends_sentence, is_junk, opens_comments
from brief.ingest.lines import (
    LIST_MARK,
    LONG_LINE,
    URL,
    Line,
    has_list_mark,
    is_post_signature,
)
from brief.ingest.teasers import (
    counted_links,
    dated_teasers,
    glued,
    repeated_entries,
    teaser_lines,
)

# Between an entry's parts: a mark between spaces (" – ", " | ") or a colon after a word.
# Written to open with the mark, looking behind it after, so that re skips to the marks.
_SEPARATOR = re.compile(r"[–—|@·•:](?:(?<=\s[–—|@·•:])(?=\s)|(?<=\w:) )")
_LIST_ITEM_WORDS = 40  # a longer line under a list's introduction is a paragraph again


class Layout:
    """Lists, list headings, social posts and lists of other stories among a text's lines,
    worked out once for the reader's several passes."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self._glued_at: list[bool | None] = [None] * len(lines)  # see glued_teaser
        # No blank line anywhere (paragraphs on single line breaks): a list's heading is not
        # set apart, and only items set alike under it tell it (see _list_titles). Line
        # numbers rise line by line, so none is skipped when the last is as far from the
        # first as the lines are many.
        self.unspaced = not lines or lines[-1].index - lines[0].index == len(lines) - 1
        # line numbers (Line.index); the lists copied one line each, costlier to find, are
        # asked of a line at a time (glued_teaser)
        self.teasers = (
            teaser_lines(lines)
            | counted_links(lines)
            | dated_teasers(lines)
            | repeated_entries(lines, self.unspaced)
        )
        self.list_titles = self._list_titles()
        self.carried = self._carried_lines()  # line numbers (Line.index)

    def is_teaser(self, pos: int) -> bool:
        """Whether the line at `pos` is one of a list of other stories."""
        return self.lines[pos].index in self.teasers or self.glued_teaser(pos)

    def glued_teaser(self, pos: int) -> bool:
        """Whether the line at `pos` is one of a list of other stories copied one line each,
        headline and summary run together (brief.ingest.teasers.glued): such lines come two
        or more, each within two lines of the last, so it is one if it is glued and another
        glued line stands within two lines of it. Only that line and its neighbours are looked at:
        most lines of a page are never asked (see brief.ingest.runs.best_run)."""
        if not self._glued(pos):
            return False
        return any(
            self._glued(near)
            for near in range(max(0, pos - 2), min(len(self.lines), pos + 3))
            if near != pos
        )

    def _glued(self, pos: int) -> bool:
        """brief.ingest.teasers.glued of the line at `pos`, worked out once."""
        found = self._glued_at[pos]
        if found is None:
            found = self._glued_at[pos] = glued(self.lines[pos])
        return found

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

    def _list_titles(self) -> set[int]:
        """The positions of the lists' headings: short lines set apart over three or more
        items of four words or more ("Tour dates" over "June 9 – West Palm Beach, FL @ Coral
        Sky Amphitheatre"). A menu's heading stands over entries of a word or two. In a
        text without blank lines, nothing sets the heading apart: its items must then be
        set alike, each holding the same separator ("–", "@", "|", ":"), four of them or
        more (four in five: a credit may close the list). The first tests, made on every
        line, are made here in the loop; the costly ones wait in _heads_a_list."""
        lines, unspaced = self.lines, self.unspaced
        titles = set()
        for pos, line in enumerate(lines):
            if not (line.isolated or unspaced) or not 1 <= line.words <= 10:
                continue
            if not line.isolated and not (
                pos + 1 < len(lines) and _SEPARATOR.search(lines[pos + 1].text)
            ):
                continue  # the first item shows no separator: the items are not set alike
            if self._heads_a_list(pos):
                titles.add(pos)
        return titles

    def _heads_a_list(self, pos: int) -> bool:
        """Whether the line at `pos`, short and set apart (or over an item holding a
        separator), heads a list (see _list_titles)."""
        line = self.lines[pos]
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
        separators: dict[str, int] = {}  # items holding each separator
        for count in range(1, len(self.lines) - pos):
            item = self.lines[pos + count]
            if not self._may_be_item(item):
                return False
            words += item.words
            if not set_apart:
                for separator in set(_SEPARATOR.findall(item.text)):
                    separators[separator] = separators.get(separator, 0) + 1
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
