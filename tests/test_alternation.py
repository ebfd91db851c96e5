"""Alternations regrouped by first letter (brief.ingest.alternation) say yes where the
pattern they come from says yes, and no where it says no."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.ingest import dates, furniture
from brief.ingest.alternation import by_first_letter

_PATTERNS = {
    "barrier": furniture.BARRIER,
    "junk line": furniture.JUNK_LINE,
    "comments' opener": furniture.COMMENTS_OPEN,
    "comments' heading": furniture.COMMENTS_HEADING,
    "sources' heading": furniture.SOURCES_HEAD,
    "also read": furniture.ALSO_READ,
    "a date line's words": dates._DATE_WORDS,
}
_AROUND = st.sampled_from(["", " ", ":", " …", "x", "The ", "ſ", "K", "ı", "İ", " 12"])


@pytest.mark.parametrize("name", sorted(_PATTERNS))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_regrouped_pattern_matches_what_its_pattern_matches(name, data):
    pattern = _PATTERNS[name]
    grouped = by_first_letter(pattern)
    found = data.draw(st.from_regex(pattern))
    line = data.draw(_AROUND) + found + data.draw(_AROUND)
    for text in (found, line, line.upper(), line.lower()):
        assert bool(grouped.match(text)) == bool(pattern.match(text)), text
    back = data.draw(st.from_regex(grouped))
    assert bool(pattern.match(back)) == bool(grouped.match(back)), back


@pytest.mark.parametrize("name", sorted(_PATTERNS))
def test_every_alternative_of_the_pattern_is_in_its_regrouping(name):
    """Each phrase the rules name, written out, still matches: none was lost in the split."""
    pattern = _PATTERNS[name]
    grouped = by_first_letter(pattern)
    for text in ["Related stories", "Comments", "Share", "Leave a reply", "Sources", "Menu",
                 "Also on Example", "More from the newsroom", "Most read", "Our top stories",
                 "Vous aimerez aussi", "أخبار ذات صلة", "关联文章", "Читайте также", "About Jane Doe",
                 "[ 12 comments ]", "(3) comments", "Back to top button", "Copy link", "x",
                 "Comments are closed", "34 responses to “Title”", "Quellen:", "Tags:", "Popular",
                 "Top stories", "Ähnliche Artikel", "Leia também"]:  # fmt: skip
        assert bool(grouped.match(text)) == bool(pattern.match(text)), (name, text)


def test_a_pattern_s_alternatives_are_split_where_its_outer_group_splits_them():
    pattern = re.compile(
        r"""^(?:
          a[|]b            # a class holding the bar
        | c\|d             # an escaped bar
        | (?:e|f)g         # a group opening the alternative: e g or f g
        | (?:h\s+)?ij      # an optional group: h ij or ij
        | (?:k|l)+m        # a repeated group: left as it is
        | [\]n]o           # a class holding its own bracket
        | 9p               # no letter first
        )$""",
        re.X | re.I,
    )
    grouped = by_first_letter(pattern)
    for text in ["a|b", "c|d", "eg", "fg", "h ij", "ij", "kklm", "]o", "no", "9p", "A|B", "IJ"]:
        assert grouped.match(text), text
    for text in ["ab", "cd", "e", "g", "h", "kk", "o", "p", "x", "a|bc"]:
        assert not grouped.match(text), text
    assert "# a class" not in grouped.pattern  # comments dropped, alternatives on one line


@pytest.mark.parametrize("source", [r"share|tweet", r"^share|tweet", r"(?:share|tweet)$"])
def test_what_is_not_an_alternation_at_the_start_is_refused(source):
    with pytest.raises(ValueError):
        by_first_letter(re.compile(source))
