"""The pasted-text reader's shortcuts give the answers of the checks they stand for: whole-
line patterns tried on long lines only where they can match, words without a capital not
looked at letter by letter. Checked on every line of the benchmark's pasted pages and on
lines made at random from the patterns' own phrases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.ingest.furniture import BARRIER, JUNK_LINE, is_barrier, is_junk_line
from brief.ingest.lines import _has_glue, count_words
from tests.conftest import BENCHMARK, need


def _glue_by_letter(word: str) -> bool:
    """_has_glue as it was, letter by letter."""
    for at in range(3, len(word)):
        if word[at].isupper() and not word[at - 1].isupper() and word[at - 1] not in "-/":
            return word[at - 1].isalnum() or word[at - 1] in "’'\".!?)”"
    return False


def _same(text: str) -> None:
    words = count_words(text)
    assert is_barrier(text, words) == bool(BARRIER.match(text)), text
    assert is_junk_line(text, words) == bool(JUNK_LINE.match(text)), text
    for word in text.split():
        assert _has_glue(word) == _glue_by_letter(word), word


def test_on_every_line_of_the_benchmarks_pasted_pages():
    pages = sorted((need(BENCHMARK) / "pasted").glob("*.txt"))
    lines = [line for page in pages for line in page.read_text().splitlines() if line.strip()]
    assert len(lines) > 20000
    for line in lines:
        _same(line)


_PHRASES = [
    "More from the newsroom", "Also on Example", "Filed under", "Comments", "[ 12 comments ]",
    "(3) comments", "Related stories", "You might also like", "Вам также может быть интересно",
    "Das könnte Sie auch interessieren", "También te puede interesar", "أخبار ذات صلة",
    "Share", "Back to top button", "In case you missed it", "View this post on Instagram",
    "Don’t miss", "اشتراک گذاری", "Read next", "Top rated comments", "Tags",
]  # fmt: skip
_FILLER = st.lists(
    st.sampled_from(["the", "Mayor", "said", "3,000", "…", ":", "—", "(AFP)", "x", "MacBook"]),
    max_size=14,
)


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(_PHRASES), _FILLER, _FILLER, st.sampled_from(["", ":", "…", ". ", "  "]))
def test_on_lines_made_of_the_patterns_phrases(phrase, before, after, end):
    for text in (
        phrase + end,
        " ".join([phrase, *after]) + end,
        " ".join([*before, phrase, *after]),
        phrase.upper() + end,
    ):
        _same(text)


@pytest.mark.parametrize("word", ["AthleteA", "250,000The", "Rise?Violence", "MacBook", "ÉtatÉ"])
def test_glued_words_are_still_found(word):
    assert _has_glue(word) == _glue_by_letter(word)
