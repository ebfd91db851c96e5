"""Which run of a pasted text's lines is the article.

Each line is weighed by its length and its layout (set apart by blank lines, or one of a run
of short lines: a menu); furniture and the lists of other stories weigh against. The run of
lines weighing most is the article (a maximum subarray), unless the comments open after a
run heavy enough to be the article they discuss. `brief.ingest.text` reads the head and
the body from the run chosen here.
"""

from __future__ import annotations

from brief.ingest.dates import find_date
from brief.ingest.furniture import (
    COMMENT_HEAD,
    COMMENTS_HEADING,
    SHORT_PHRASE,
    heads_sources,
    opens_comments,
)
from brief.ingest.layout import Layout
from brief.ingest.lines import LONG_LINE, Line

# How lines are weighed (words beyond these counts earn weight).
ISOLATED_FREE = 4  # a line set off by blank lines earns its words minus this
RUN_FREE = LONG_LINE  # a line within a run of lines earns only the words beyond this
RUN_PENALTY = 6  # a short line within a run (a menu entry) costs this
BARRIER_PENALTY = 40  # "Comments", "Related stories": the article is over
ARTICLE_WEIGHT = 40  # a run this heavy before the comments is the article they discuss
ROUNDS = 6  # of best_run's checks on the run found, before it checks every line


def best_run(lines: list[Line], layout: Layout) -> tuple[int, int]:
    """The run of lines (start, end) with the highest total weight, before the comments when
    a run heavy enough to be the article stands before them.

    The furniture checks (and the search for a headline glued to its summary, one of a list
    of other stories) are costly, and only lower a line's weight: the run is first found
    with none of them made, then again with them made on the lines of the run found, until
    the run found holds no line left unchecked. Its weight is then its true weight, and no
    other run's true weight is higher than its weight unchecked, so the run is the one the
    checks made on every line would choose."""
    limits = set(comment_starts(lines))
    weights = [line_weight(layout, pos, checked=False) for pos in range(len(lines))]
    checked = [False] * len(lines)
    for _ in range(ROUNDS):
        start, end = heaviest(weights, limits)
        unchecked = [pos for pos in range(start, end) if not checked[pos]]
        if not unchecked:
            return start, end
        for pos in unchecked:
            checked[pos] = True
            weights[pos] = line_weight(layout, pos, checked=True)
    # A page whose run moves at every round (none of the benchmark's takes more than
    # three): every line checked, as without the rounds.
    weights = [line_weight(layout, pos, checked=True) for pos in range(len(lines))]
    return heaviest(weights, limits)


def line_weight(layout: Layout, pos: int, *, checked: bool) -> int:
    """The weight of the line at `pos`; unless `checked`, a short line is taken for no
    barrier and a line for no furniture and for no headline glued to its summary (see
    best_run): the weight then is at least the line's own."""
    line = layout.lines[pos]
    if (checked or line.words > SHORT_PHRASE) and line.barrier:
        return -BARRIER_PENALTY
    if line.index in layout.carried and line.words < RUN_FREE:
        return 0
    if line.isolated:
        weight = line.words - ISOLATED_FREE
    else:
        weight = line.words - RUN_FREE if line.words >= RUN_FREE else -RUN_PENALTY
    if weight > 0 and (
        line.index in layout.teasers or (checked and (line.junk or layout.glued_teaser(pos)))
    ):
        weight = -weight
    return weight


def heaviest(weights: list[int], limits: set[int]) -> tuple[int, int]:
    """The run of the highest total weight (the first of equals), or the run heavy enough
    to be the article ending before the first of `limits` after it."""
    best, best_start, best_end = 0, 0, 0
    total, start = 0, 0
    for pos, weight in enumerate(weights):
        if pos in limits and best >= ARTICLE_WEIGHT:
            return best_start, best_end
        if total <= 0:
            total, start = 0, pos
        total += weight
        if total > best:
            best, best_start, best_end = total, start, pos + 1
    if best <= 0:  # nothing stands out (a short note): keep every line but junk
        return 0, len(weights)
    return best_start, best_end


def comment_starts(lines: list[Line]) -> list[int]:
    """Where the article is over for certain: the heading of its own list of sources, or
    where a comment section may open: its opener ("34 responses to …", "Leave a reply"), its
    heading right under a paragraph, or a comment's head ("joetoronto says:") dated on its
    line or the next."""
    starts = []
    for pos, line in enumerate(lines):
        text, words = line.text, line.words
        if words > SHORT_PHRASE and not text[:1].isdigit() and not text.endswith(":"):
            continue  # most lines: too long for a heading or an opener but "34 responses …"
        if (
            opens_comments(text, words)
            or heads_sources(text, words)
            or (
                words <= SHORT_PHRASE  # a heading alone ("Comments", "About Jane Doe")
                and pos > 0
                and lines[pos - 1].is_paragraph
                and COMMENTS_HEADING.match(text)
            )
        ):
            starts.append(pos)
        elif text.endswith(":") and words <= 20 and COMMENT_HEAD.match(text):
            after = lines[pos + 1] if pos + 1 < len(lines) else None
            if find_date(text) or (after is not None and after.date_line):
                # the section opens at its heading ("Comments") if one stands just above
                starts.append(pos - 1 if pos and lines[pos - 1].barrier else pos)
    return starts
