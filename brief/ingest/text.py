"""Pasted text: find the article's body among the page furniture a browser copies with it.

A browser's "copy" of a page sets paragraphs (<p>) off with blank lines, while menus, lists of
links and buttons come as runs of short lines with no blank line between them. The cleaner
weighs each line by its length and that isolation, takes the best-scoring run of lines as the
article (`brief.ingest.runs`), then sorts that run's lines into head (title, standfirst,
byline, date), body, captions and junk. The lines, and what their layout says (lists, social
posts, lists of other stories), come from `brief.ingest.lines` and `brief.ingest.layout`.
Nothing here knows any particular site.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import attrgetter

from brief.authors import ORGANISATION, is_organisation
from brief.errors import ArticleImportError
from brief.ingest.article import Article, build_article
from brief.ingest.bylines import (
    BYLINE,
    byline_authors,
    labelled_author,
    labelled_source,
    names_line,
)
from brief.ingest.dates import find_date, line_date
from brief.ingest.furniture import BULLETS, ends_sentence
from brief.ingest.language import detect_language
from brief.ingest.layout import Layout
from brief.ingest.lines import (
    BULLET,
    URL,
    Line,
    is_heading,
    is_post_signature,
    is_quotation,
    looks_like_caption,
    split_lines,
)
from brief.ingest.metadata import infer_publisher, is_place_line, take_dateline
from brief.ingest.normalize import normalize_text
from brief.ingest.runs import RUN_FREE, best_run
from brief.model import Origin, SectionKind, SourceMeta

_TIME_ONLY = re.compile(
    r"^[\w ,.:]*\b(?:\d{1,2}:\d{2}\s*(?:am|pm)?|\d+\s*(?:h|hrs?|hours?|mins?|minutes?|days?|"
    r"weeks?)\s+ago)\b[\w ,.:]*$",
    re.I,
)
# A credit closing an article: one to three capitalised words and a full stop ("Infobae.").
_CREDIT_LINE = re.compile(r"^[A-ZÀ-Ý][\w'’&-]*(?: [A-ZÀ-Ý][\w'’&-]*){0,2}\.$")
# What a page store or a browser extension may put before the text: " date 2021-08-23 ".
_STORE_MARK = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\s+(?=\S)", re.I)
_READ_MORE = re.compile(
    r"^(?:read\s+(?:more|the\s+full\s+(?:story|article)|the\s+original)|continue\s+reading|"
    r"originally\s+published)(?:\s+(?:at|on|in))?\s*[:\-–—]?\s*(?P<rest>.*)$",
    re.I,
)
# "Published 3 March", "Updated 9:15 am": a stamp, not a sentence. An "Updated" stamp says
# when the article changed, not when it first appeared, so it never fills `published`.
_STAMP = re.compile(r"^(?:published|updated|posted|last\s+updated|modified)\b", re.I)
_UPDATED = re.compile(r"^(?:(?:last\s+)?updated|modified)\b", re.I)
# A note closing a report on who else reported or edited it: "(Reporting by …; Editing by
# …)", "Jane Doe contributed reporting from Kabul.", "(With inputs from ANI)", "Mit Material
# von dpa": the agency's or the paper's credits, not the article's text.
_CONTRIBUTORS = re.compile(
    r"""^\(?\s*(?:additional\s+)?reporting\s+by\b|^\(?\s*(?:editing|edited|compiled|writing)\s+by\b
    |\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))
    |^\(?\s*(?:with\s+inputs?\s+from|con\s+información\s+de|avec\s+l['’]?agence|mit\s+material\s+von
    |com\s+informações\s+d[aeo]s?)\b""",
    re.I | re.X,
)
_CONTRIBUTORS_WORDS = 40
# Parts of a head's strip of facts (place, byline, date, reading time) between separators.
_META_STRIP = re.compile(r"\s[|•·]\s")
_LABEL = re.compile(r"^(?:tags|topics|keywords|filed\s+under)\s*:\s*", re.I)


def _date_or_byline(line: Line) -> bool:
    return line.date_line or bool(BYLINE.match(line.text))


def read_text(text: str, *, name: str | None = None) -> Article:
    """Import pasted or plain text: the body as sections, its metadata found by rules."""
    normalized = normalize_text(text)
    if not normalized.strip():
        raise ArticleImportError(name, "there is no text to import (the text is empty).")
    return _Reader(normalized).article(name)


class _Reader:
    """One pass over one text; the steps share the lines and what they found."""

    def __init__(self, text: str) -> None:
        self.meta = SourceMeta()
        mark = _STORE_MARK.match(text)
        if mark:
            # " date 2021-08-23 " before the text: what the page was stored with, not the page.
            if len(mark.group("date")) == 10:
                self.meta.set("published", mark.group("date"), Origin.INFERRED)
            text = text[mark.end() :]
        self.lines = split_lines(text)
        self.layout = Layout(self.lines)
        self.counts = Counter(map(attrgetter("text"), self.lines))
        self.used: set[int] = set()  # positions in self.lines turned into body or metadata
        self.body_paragraphs: list[str] = []
        self.head_captions: list[str] = []  # pictures' captions between title and body

    # -- the head of the run -----------------------------------------------------------------
    def _body_start(self, start: int, end: int) -> int:
        """Skip the head of the run: headline, standfirst, byline and date lines."""
        pos = start
        while pos < end and not self.lines[pos].is_paragraph:
            pos += 1
        # A standfirst is a paragraph followed closely by the byline or date; once a date or
        # a byline stands above the paragraph, the head is over and the names under it are a
        # picture's ("Kate Henshaw"), not a byline.
        above = range(max(0, pos - 3), pos)
        head_over = any(_date_or_byline(self.lines[back]) for back in above)
        for ahead in range(pos + 1, min(pos + 3, end)):
            if self._dateline_over_body(ahead, end) or (
                not head_over and self._signs_head(self.lines[ahead])
            ):
                pos = ahead + 1
                while pos < end and not self.lines[pos].is_paragraph:
                    pos += 1
                break
        if pos >= end:
            return start
        first = self.lines[pos - 1]
        if pos - 1 > start and re.match(r"1[.)]\s+\D", first.text) and not first.date_line:
            return pos - 1  # "1. Check the tyres": a numbered article's first heading
        return pos

    def _dateline_over_body(self, pos: int, end: int) -> bool:
        """A place alone on its line over a paragraph ("BAAR, SWITZERLAND"): the dateline,
        so what stands above it is the standfirst."""
        return (
            pos + 1 < end
            and is_place_line(self.lines[pos].text)
            and self.lines[pos + 1].is_paragraph
        )

    @staticmethod
    def _signs_head(line: Line) -> bool:
        """A date line or a byline: the article's head ends with it."""
        if _date_or_byline(line):
            return True
        return not line.junk and bool(names_line(line.text))

    # -- metadata ------------------------------------------------------------------------------
    def _head(self, head_start: int, body_start: int) -> None:
        """Title, standfirst, byline and dates from the lines just before the body."""
        window = range(max(0, head_start - 30), body_start)
        title_pos = self._pick_title(window, body_start)
        if title_pos is not None:
            self.meta.set("title", self.lines[title_pos].text, Origin.INFERRED)
            self.used.add(title_pos)
        after_title = title_pos + 1 if title_pos is not None else head_start
        # A date line may stand a little above the title (a blog's date header).
        first = max(window.start, after_title - 4)
        slot: tuple[int, bool] | None = None  # a short line where a byline would stand
        for pos in range(first, body_start):
            line = self.lines[pos]
            text = line.text
            if pos == title_pos or text == self.meta.title:
                self.used.add(pos)  # the title printed twice
                continue
            if self.counts[text] > 1 and not line.doubled:
                continue  # repeated: the site's header ("today's date"), not the article's
            if self._date_line(pos):
                continue
            if pos < after_title:
                continue
            authors = byline_authors(text) or names_line(text)
            if authors and not BYLINE.match(text) and is_organisation(text):
                authors = []  # "World News Desk": a name for a section, not people
            if authors:
                if not self.meta.authors:
                    self.meta.set("authors", authors, Origin.INFERRED)
                stamp = re.search(r"(?:\||·|•|,)\s*(?P<stamp>\w[^|·•]*)$", text)
                found = find_date(stamp.group("stamp")) if stamp else None
                if stamp and found:
                    key = "updated" if _UPDATED.match(stamp.group("stamp")) else "published"
                    self.meta.set_if_empty(key, found, Origin.INFERRED)
                self.used.add(pos)
            elif line.caption and line.words <= 60:
                if text not in self.head_captions:  # a doubled caption is one caption
                    self.head_captions.append(text)
                self.used.add(pos)
            elif (
                title_pos is not None
                and (line.is_paragraph or (line.words >= 6 and ends_sentence(text)))
                and not self.meta.standfirst
                and not line.junk
                and not line.caption
            ):
                self.meta.set("standfirst", text, Origin.INFERRED)
                self.used.add(pos)
            elif (
                1 <= line.words <= 4
                and not ends_sentence(text)
                and not line.junk
                and not line.caption
            ):
                slot = (pos, bool(self.meta.standfirst))
        if not self.meta.published and self.meta.updated:
            # The only date the page gives is the one to cite.
            self.meta.set("published", self.meta.updated, Origin.INFERRED)
        if slot is not None:
            self._byline_slot(*slot, title_pos)
        place = self.lines[body_start - 1] if body_start > 0 else None
        if place is not None and body_start - 1 != title_pos and is_place_line(place.text):
            self.meta.set_if_empty("dateline", place.text, Origin.INFERRED)
            self.used.add(body_start - 1)

    def _date_line(self, pos: int) -> bool:
        """Read a date line or a "Published …" stamp into the dates; False if it is neither."""
        line = self.lines[pos]
        text = line.text
        if not (line.date_line or (line.words <= 14 and _STAMP.match(text) and find_date(text))):
            return False
        key = "updated" if _UPDATED.match(text) else "published"
        found = line_date(text)
        if found and not getattr(self.meta, key):
            self.meta.set(key, found, Origin.INFERRED)
        self.used.add(pos)
        return True

    def _byline_slot(self, pos: int, after_standfirst: bool, title_pos: int | None) -> None:
        """A short line alone between the head and the body names the outlet or the author.

        Right under the title, where a byline stands, it is the author (a site in scripts
        without "By" prints the outlet there: it is then the publisher too); after a
        standfirst it is the outlet's credit ("Sputnik"), taken when it reads as an outlet.
        """
        name = BYLINE.sub("", self.lines[pos].text).strip(" .")
        if title_pos is None or (names_line(name) and not is_organisation(name)):
            return
        outlet = is_organisation(name)
        latin = bool(re.search(r"[A-Za-z]", name))
        if after_standfirst:
            if outlet:
                self.meta.set_if_empty("publisher", name, Origin.INFERRED)
                self.used.add(pos)
            return
        if latin and not outlet:
            return  # "Politics", "World": a section's name, not a byline
        if not self.meta.authors:
            self.meta.set("authors", [name], Origin.INFERRED)
            self.used.add(pos)
            later = " ".join(line.text for line in self.lines[pos + 1 :] if line.text != name)
            if outlet or name in later:
                # named again in the text ("told Subh-e Nordvik"): the outlet itself
                self.meta.set_if_empty("publisher", name, Origin.INFERRED)
                self.meta.set("author_kinds", {name: ORGANISATION}, Origin.INFERRED)

    def _pick_title(self, window: range, body_start: int) -> int | None:
        """The line of the window scoring highest as a headline (the first of equals), of
        those no check rules out. The checks cost more than the score, and only the rule of
        the standfirst under a shorter headline lowers a score after them: lines are taken
        highest score first and checked, until no line left could score higher than the
        best checked, which is the line trying each in turn would give."""
        bounds = sorted(
            (-self._title_score(pos, body_start, under_headline=False), pos)
            for pos in window
            if 3 <= self.lines[pos].words <= 30
        )
        best, best_score = None, 0.0
        for negative, pos in bounds:
            bound = -negative
            if bound < best_score or (bound == best_score and (best is None or pos > best)):
                break  # no line left can score higher, nor as high and stand earlier
            if self._not_title(pos, body_start):
                continue
            under = self._under_headline(pos, window)
            score = self._title_score(pos, body_start, under_headline=True) if under else bound
            if score > best_score or (best is not None and score == best_score and pos < best):
                best, best_score = pos, score
        return best

    def _not_title(self, pos: int, body_start: int) -> bool:
        line = self.lines[pos]
        text = line.text
        if line.junk or line.date_line:
            return True
        if BYLINE.match(text) or URL.match(text) or line.caption:
            return True
        if text.startswith(BULLETS) or names_line(text):
            return True
        return pos == body_start - 1 and is_place_line(text)  # the dateline, on its own line

    def _under_headline(self, pos: int, window: range) -> bool:
        """The line under a shorter headline: its standfirst."""
        line = self.lines[pos]
        previous = self.lines[pos - 1] if pos > window.start else None
        return (
            previous is not None
            and previous.index >= line.index - 2
            and 3 <= previous.words < line.words
            and not ends_sentence(previous.text)
            and not previous.junk
            and not previous.date_line
        )

    def _title_score(self, pos: int, body_start: int, *, under_headline: bool) -> float:
        """A line's score as a headline; `under_headline`: a shorter headline stands above
        it (_under_headline), which makes it the standfirst."""
        line = self.lines[pos]
        text = line.text
        score = 1.0
        if under_headline:
            score -= 2
        if line.isolated:
            score += 2
        if self.counts[text] > 1:
            score += 1.5
        if text.endswith("."):
            score -= 2.5
        if text[:1].isupper() or not text[:1].isalpha():
            score += 0.5
        if 5 <= line.words <= 20:
            score += 1
        return score - (body_start - pos) * 0.05

    def _tail(self, end: int) -> None:
        """After the body: a tag line becomes keywords; "Read more: X" marks an excerpt;
        a signature names the author or the outlet."""
        for pos in range(end, min(end + 6, len(self.lines))):
            text = self.lines[pos].text
            author, source = labelled_author(text), labelled_source(text)
            if author or source:
                if author and not self.meta.authors:
                    self.meta.set("authors", [author], Origin.INFERRED)
                if source:
                    self.meta.set_if_empty("publisher", source, Origin.INFERRED)
                self.used.add(pos)
                continue
            if pos == end and _CREDIT_LINE.match(text) and not self.lines[pos].junk:
                # "Infobae." closing the body: the outlet it was taken from
                self.meta.set_if_empty("publisher", text.rstrip("."), Origin.INFERRED)
                self.used.add(pos)
                continue
            match = _READ_MORE.match(text)
            if match:
                last = self.body_paragraphs[-1] if self.body_paragraphs else ""
                if last.endswith(("…", "...")):
                    self.meta.is_excerpt = True
                    rest = match.group("rest").strip()
                    if URL.match(rest):
                        self.meta.set_if_empty("url", rest, Origin.INFERRED)
                    elif rest:
                        self.meta.set("original_title", rest, Origin.INFERRED)
                self.used.add(pos)
                break
            items = [item.strip() for item in _LABEL.sub("", text).split(",")]
            if (
                len(items) >= 2
                and all(0 < len(item.split()) <= 4 for item in items)
                and not ends_sentence(text)
                and not self.meta.keywords
            ):
                self.meta.set("keywords", items, Origin.INFERRED)
                self.used.add(pos)

    # -- the body ---------------------------------------------------------------------------
    def _list_end(self, start: int, end: int) -> int:
        """A list after the article's last paragraph, introduced by it ("… on Amazon:") or
        under its own heading, is the article's: its items weigh nothing in the run."""
        if not start < end <= len(self.lines):
            return end
        if end in self.layout.list_titles:
            end += 1  # the list's heading right after the last paragraph
        elif not self.lines[end - 1].text.endswith(":") and end - 1 not in self.layout.list_titles:
            return end
        return self.layout.list_after(end)

    def _body(self, start: int, end: int) -> list[tuple[SectionKind, str]]:
        blocks: list[tuple[SectionKind, str]] = []
        listing: bool | None = None  # in a list: how its items are set (Layout.list_item)
        for pos in range(start, end):
            line = self.lines[pos]
            text = line.text
            if pos in self.used:
                continue
            if is_post_signature(text):
                self._embedded_post(pos, blocks)
                continue
            introduced = bool(blocks) and blocks[-1][1].endswith(":")
            if introduced or listing is not None:
                kind = self.layout.list_item(pos, listing)
                if kind is not None:
                    # a bullet is the list's layout, drawn again by every view; a number stays
                    blocks.append((SectionKind.LIST_ITEM, BULLET.sub("", text)))
                    self.used.add(pos)
                    listing = kind if listing is None else listing
                    continue
                listing = None
            if line.junk or line.date_line or self.layout.is_teaser(pos):
                continue
            authors = byline_authors(text)
            if authors:  # "By Name on Monday, …": a byline the head did not hold
                self.meta.set_if_empty("authors", authors, Origin.INFERRED)
                self.used.add(pos)
                continue
            if line.words <= 15 and _META_STRIP.search(text) and find_date(text):
                continue  # "Delhi, News Bureau | Updated : 19 November 2019": the head's strip
            if line.words <= 8 and _TIME_ONLY.match(text):
                # "Updated 9:15 am", "3 hours ago": a stamp; a sentence with a time in it stays
                continue
            if (
                self.counts[text] > 1
                and len(text) < 200
                and not (line.is_paragraph or line.doubled)
            ):
                continue  # repeated furniture: "Photo: AP" under every picture
            following = self.lines[pos + 1] if pos + 1 < end else None
            if (
                text.endswith(":")
                and following is not None
                and following.index in self.layout.carried
            ):
                blocks.append((SectionKind.PARAGRAPH, text))  # "The ban covers:" over its list
                self.used.add(pos)
                continue
            if pos in self.layout.list_titles:
                blocks.append((SectionKind.HEADING, text))
                self.used.add(pos)
                listing = False  # its items follow, set as short lines
                continue
            if looks_like_caption(line):
                if (SectionKind.CAPTION, text) not in blocks[-1:]:  # a doubled caption once
                    blocks.append((SectionKind.CAPTION, text))
                self.used.add(pos)
                continue
            short = not line.isolated and line.words < RUN_FREE
            if short or (line.words <= 14 and not ends_sentence(text)):
                following = self.lines[pos + 1] if pos + 1 < end else None
                if not is_heading(line, following):
                    continue
                blocks.append((SectionKind.HEADING, text))
            elif line.words >= 25 and blocks and text == blocks[-1][1]:
                continue  # a summary printed again as the paragraph after it: one is enough
            elif is_quotation(text) and blocks and blocks[-1][1].endswith(":"):
                # introduced ("The mayor said:") and quoted whole: set apart as a quote; a
                # quoted paragraph in the run of the text is reported speech, not a quote
                blocks.append((SectionKind.QUOTE, text))
            else:
                blocks.append((SectionKind.PARAGRAPH, text))
            self.used.add(pos)
        return blocks

    def _embedded_post(self, pos: int, blocks: list[tuple[SectionKind, str]]) -> None:
        """A social post set in the article: its text on the line above its signature ("—
        Name (@handle) date") becomes one quote, the post's words and who posted them."""
        self.used.add(pos)
        signature = self.lines[pos].text
        above = self.lines[pos - 1] if pos > 0 else None
        if above is not None and blocks and blocks[-1][1] == above.text and pos - 1 in self.used:
            blocks.pop()  # the post's text, already taken as a paragraph
        elif (
            above is None
            or above.index != self.lines[pos].index - 1
            or pos - 1 in self.used
            or above.junk
        ):
            blocks.append((SectionKind.PARAGRAPH, signature))  # no text to join it to
            return
        self.used.add(pos - 1)
        blocks.append((SectionKind.QUOTE, f"{above.text} {signature}"))

    def article(self, name: str | None) -> Article:
        start, end = best_run(self.lines, self.layout)
        end = self._list_end(start, end)
        body_start = self._body_start(start, end)
        self._head(start, body_start)
        blocks = self._body(body_start, end)
        # A leading heading that repeats the title is the title.
        if blocks and blocks[0][0] is SectionKind.HEADING and blocks[0][1] == self.meta.title:
            blocks.pop(0)
        while (
            blocks
            and blocks[-1][0] is SectionKind.PARAGRAPH
            and len(blocks[-1][1].split()) <= _CONTRIBUTORS_WORDS
            and _CONTRIBUTORS.search(blocks[-1][1])
        ):
            note = blocks.pop()[1]  # a closing credit: listed with the lines removed
            self.used -= {pos for pos, line in enumerate(self.lines) if line.text == note}
        take_dateline(self.meta, blocks)
        blocks[:0] = [(SectionKind.CAPTION, text) for text in self.head_captions]
        self.body_paragraphs = [text for kind, text in blocks if kind is SectionKind.PARAGRAPH]
        self._tail(end)
        body_text = "\n".join(self.body_paragraphs)
        if len(self.meta.authors) == 1 and is_organisation(self.meta.authors[0]):
            # An agency or outlet in the byline published the text.
            self.meta.set_if_empty("publisher", self.meta.authors[0], Origin.INFERRED)
        if not self.meta.publisher:
            publisher = infer_publisher(body_text)
            if publisher:
                self.meta.set("publisher", publisher, Origin.INFERRED)
        self.meta.set("language", detect_language(body_text or self.meta.title), Origin.INFERRED)
        removed = [line.text for pos, line in enumerate(self.lines) if pos not in self.used]
        return build_article(
            self.meta, blocks, file_name=name or "", junk_lines=len(removed), removed=removed
        )
