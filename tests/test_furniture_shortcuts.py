"""The pasted-text reader's shortcuts give the answers of the checks they stand for: whole-
line patterns tried on long lines only where they can match, words without a capital not
looked at letter by letter, phrases looked for only in lines holding their word, the
furniture checks made only on the lines of the run chosen. Checked on every line of the
benchmark's pasted pages and on lines made at random from the patterns' own phrases."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.ingest import bylines, dates, furniture, lines, metadata, runs, teasers
from brief.ingest import layout as layout_module
from brief.ingest import text as pasted
from brief.ingest.ascii_text import ascii_with_marks
from brief.ingest.furniture import (
    BARRIER,
    COMMENTS_OPEN,
    JUNK_LINE,
    SOURCES_HEAD,
    heads_sources,
    is_barrier,
    is_junk_line,
    opens_comments,
)
from brief.ingest.lines import Line, count_words
from brief.ingest.teasers import _has_glue, glued
from tests.conftest import BENCHMARK, need

_WORD = re.compile(r"\w+")
# The pattern ends_sentence stood for, searched along the line.
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)\]۔؟。！？।॥։።]\s*$")


def _glue_by_letter(word: str) -> bool:
    """_has_glue as it was, letter by letter."""
    for at in range(3, len(word)):
        if word[at].isupper() and not word[at - 1].isupper() and word[at - 1] not in "-/":
            return word[at - 1].isalnum() or word[at - 1] in "’'\".!?)”"
    return False


def _glued_word_by_word(line: Line) -> bool:
    """glued as it was: every word looked at, then the dateline searched for."""
    if line.words < 8:
        return False
    words = line.text.split()
    for position, word in enumerate(words[3:20], start=3):
        if _glue_by_letter(word) and len(words) - position >= 4:
            headline, summary = words[: position + 1], words[position + 1 : position + 6]
            if lines.capitalised(headline) >= 0.8 and lines.capitalised(summary) <= 0.4:
                return True
    return teasers._inner_dateline(line.text)


def _same(text: str) -> None:
    words = count_words(text)
    if not lines._UNSPACED.search(text):
        assert words == len(_WORD.findall(text)), text
    assert is_barrier(text, words) == bool(BARRIER.match(text)), text
    assert is_junk_line(text, words) == bool(JUNK_LINE.match(text)), text
    assert opens_comments(text, words) == bool(COMMENTS_OPEN.match(text)), text
    assert heads_sources(text, words) == bool(SOURCES_HEAD.match(text)), text
    assert furniture.ends_sentence(text) == bool(_SENTENCE_END.search(text)), text
    assert furniture.credits_agency(text) == bool(furniture.CREDIT_AGENCY.search(text)), text
    assert furniture.junk_phrase(text) == bool(
        furniture.JUNK_START.match(text) or furniture.JUNK_ANYWHERE.search(text)
    ), text
    line = Line(0, text, words, True)
    assert glued(line) == _glued_word_by_word(line), text
    for word in text.split():
        assert _has_glue(word) == _glue_by_letter(word), word


def test_on_every_line_of_the_benchmarks_pasted_pages():
    pages = sorted((need(BENCHMARK) / "pasted").glob("*.txt"))
    lines = [line for page in pages for line in page.read_text().splitlines() if line.strip()]
    assert len(lines) > 20000
    for line in lines:
        _same(line)


_PHRASES = [
    "34 responses to “A Long Title Here”", "Leave a reply", "Sources:", "Quellen",
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


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_an_ascii_line_s_words_are_its_runs_of_word_characters(text):
    assert count_words(text) == len(_WORD.findall(text))


def _count_words_as_it_was(text: str) -> int:
    """count_words before its shortcuts: runs of \\w, unspaced scripts by characters."""
    if not lines._UNSPACED.search(text):
        return len(_WORD.findall(text))
    unspaced = len(lines._UNSPACED.findall(text))
    return len(_WORD.findall(lines._UNSPACED.sub(" ", text))) + unspaced // 2


# An English line's marks, letters of other scripts, an unspaced script, a lone surrogate.
_MIXED = "ab _1.,'’‘“”—–…«»\u00a0\u2009é™½ßЖش٣中ー\ud800"


@settings(max_examples=2000)
@given(st.one_of(st.text(alphabet=st.sampled_from(_MIXED)), st.text()))
def test_a_line_s_words_are_counted_as_before_whatever_its_characters(text):
    assert count_words(text) == _count_words_as_it_was(text), repr(text)


@pytest.mark.parametrize(
    "text, words",
    [
        ("“We have no choice,” the minister said — twice.", 8),
        ("don’t stop", 3),  # "’" between words: "don", "t"
        ("café’s menu", 3),  # a letter beyond ASCII: read by \\w
        ("Price: ½ — 2™", 3),  # "½" is a number, so a word; "™" and "—" are marks
    ],
)
def test_a_line_with_a_few_marks_is_counted_word_by_word(text, words):
    assert count_words(text) == words == _count_words_as_it_was(text)


# Patterns whose matches the shortcuts must never pass by, and the shortcut's own test.
_GATES = {
    "the outlet's verbs": (metadata._SELF, lambda t: bool(metadata._SELF_VERB.search(t))),
    "a day and a year after a month": (
        dates._PATTERNS[1],
        lambda t: bool(dates._DAY_YEAR.search(t)),
    ),
    **{
        f"the year of date pattern {number}": (
            pattern,
            lambda t: bool(dates._FOUR_DIGITS.search(t)),
        )
        for number, pattern in enumerate(dates._PATTERNS)
    },
    "a comment section's opener": (COMMENTS_OPEN, lambda t: opens_comments(t, count_words(t))),
    "a list of sources' heading": (SOURCES_HEAD, lambda t: heads_sources(t, count_words(t))),
    "a social post's signature": (lines.POST_SIGNATURE, lines.is_post_signature),
    "a list item's mark": (lines.LIST_MARK, lines.has_list_mark),
    "a contact's address or number": (
        furniture.CONTACT,
        lambda t: furniture._may_hold_contact(t.lower(), furniture._marks_in(t.lower())),
    ),
    "a breadcrumb's separators": (
        furniture.BREADCRUMB,
        lambda t: not furniture._BREADCRUMB_MARKS.isdisjoint(furniture._marks_in(t.lower())),
    ),
    "a barrier running on": (
        furniture._BARRIER_RUNNING_ON,
        lambda t: furniture.is_barrier(t, furniture.SHORT_PHRASE + 1),
    ),
    "a switch closing a caption": (
        furniture._TOGGLED,
        lambda t: t[-1:].lower() in furniture._TOGGLED_LAST,
    ),
    **{
        f"the phrase under {word!r}": (
            pattern,
            lambda t, p=pattern: p in furniture._marks_in(t.lower()),
        )
        for word, pattern in furniture._ANYWHERE
    },
}


@pytest.mark.parametrize("name", sorted(_GATES))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_shortcut_passes_every_text_its_pattern_matches(name, data):
    """A cheap test made first lets a text go only when the costly pattern cannot match:
    every text made from the pattern (within a sentence) passes it."""
    pattern, passes = _GATES[name]
    found = data.draw(st.from_regex(pattern))
    before = data.draw(st.sampled_from(["", "The mayor ", "« "]))
    line = " ".join((before + found).split())  # as normalize_text leaves a line
    if pattern.search(line):
        assert passes(line), line


_OUTLET_SENTENCES = [
    "the minister told The Post on Monday", "she spoke to The Times", "he spoke with The Globe",
    "a source said to The Herald", "when contacted by The Guardian", "interviewed by The Sun",
    "The Post secured a copy", "The Times obtained the letter", "The Journal has learned",
    "The Times has seen the report", "The Herald has obtained it", "The Star has reached him",
    "The Post has contacted her", "The Post could not verify the video",
    "The Post could not independently confirm it", "The Globe was unable to verify it",
    "The Post reached out to him", "The Post has reached out", "The Sun requested comment",
    "The Post visited the camp",
]  # fmt: skip


@pytest.mark.parametrize("sentence", _OUTLET_SENTENCES)
def test_every_way_an_outlet_names_itself_passes_the_verbs_first_look(sentence):
    assert metadata._SELF.search(sentence), sentence  # the sentence is one _SELF reads
    assert metadata._SELF_VERB.search(sentence), sentence


# Bodies that name outlets, themselves or others, in every way _SELF reads and some it
# does not: mastheads glued to a word ("xPost"), cut ("Postal"), across paragraphs.
_BODY_PARTS = st.sampled_from(
    [
        *_OUTLET_SENTENCES, "The Washington Post", "VICE World News", "xPost", "Postal",
        "McTimes", "Daily", "the", "said", "told", "could not verify", "has learned", " ",
        "\n", ".", ",", "The", "Reuters", "News", "TV", "Post’s", "Times-", "Ahmad Shah",
    ]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_BODY_PARTS, max_size=16), st.lists(_BODY_PARTS, max_size=8))
def test_the_outlet_is_the_one_found_without_the_masthead_s_first_look(parts, more):
    """A body without a masthead's word is given no outlet before its verbs are looked for;
    every body is given the outlet it was given when all of them were looked for."""
    from unittest import mock

    body = " ".join(parts) + "".join(more)
    found = metadata.infer_publisher(body)
    with mock.patch.object(metadata, "_MASTHEAD_WORD", re.compile("")):
        assert found == metadata.infer_publisher(body), body


@pytest.mark.parametrize("sentence", _OUTLET_SENTENCES)
def test_an_outlet_naming_itself_is_found_past_the_masthead_s_first_look(sentence):
    body = f"The village was quiet. {sentence}. The Washington Post reported it."
    assert metadata._MASTHEAD_WORD.search(sentence), sentence
    assert metadata.infer_publisher(body), body


# The conjunctions between a byline's names, as the pattern was before its lookahead.
_CONJUNCTION_AS_IT_WAS = re.compile(
    r"\s*(?:,|;|&|\band\b|\bet\b|\bund\b|\by\b|\be\b|\bi\b|\bи\b|\bve\b)\s*"
)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [" and ", " et ", " und ", " y ", " e ", " i ", " и ", " ve ", ", ", ";", " & ",
                 "Ana", "Ben Ode", "andy", "Eve", "vie", "  ", "\t", "\u00a0", "Ünal", "É"]
            ),
            st.text(max_size=3),
        ),
        max_size=10,
    )
)  # fmt: skip
def test_a_byline_is_cut_at_its_conjunctions_as_before(parts):
    text = "".join(parts)
    assert bylines._CONJUNCTION.split(text) == _CONJUNCTION_AS_IT_WAS.split(text)


def test_the_phrases_searched_one_by_one_are_the_phrases_searched_together():
    samples = ["We use cookies", "All rights reserved", "Open in app", "the river rose"]
    for sample in samples:
        assert furniture.junk_phrase(sample) == bool(
            furniture.JUNK_START.match(sample) or furniture.JUNK_ANYWHERE.search(sample)
        )


# What is_junk's one pass looks for, each with what finding it means (see _mark_keys).
_KEYED = [
    *furniture._ANYWHERE,
    *((label, furniture._CONTACT_LABEL) for label in furniture._CONTACT_LABELS),
    *((start, furniture._FURNITURE_START) for start in furniture._FURNITURE_STARTS),
    *((infix, furniture._FURNITURE_INFIX) for infix in furniture._FURNITURE_INFIXES),
    *((token, furniture._FURNITURE_TOKEN) for token in furniture._FURNITURE_TOKENS),
    *((fold, furniture._FOLDED) for fold in ("ı", "ſ", "\u0307")),
    *((mark, mark) for mark in ("@", "›", "»", ">", "/", "|")),
]
_KEYS = {key for key, _ in _KEYED}


def _looked_for_in_turn(low: str) -> set[object]:
    return {meaning for key, meaning in _KEYED if key in low}


def test_the_one_pass_holds_every_key_with_all_it_means():
    meanings = {key: {meaning for k, meaning in _KEYED if k == key} for key in _KEYS}
    assert {key: set(found) for key, found in furniture._MARK_KEYS.items()} == meanings
    assert set(furniture._BREADCRUMB_MARKS) == set("›»>/|")
    assert len(meanings["cookie"]) == 2  # a phrase's word and a furniture word


_KEY_PARTS = st.sampled_from([*_KEYS, "the", " ", "İ", "ı", "😀", "é", "\u0301", "1", "c"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.one_of(_KEY_PARTS, st.text(max_size=4)), max_size=12))
def test_the_one_pass_finds_what_looking_for_each_key_in_turn_finds(parts):
    low = "".join(parts).lower()
    assert furniture._marks_in(low) == _looked_for_in_turn(low)


def test_a_line_with_a_lone_surrogate_is_looked_through_like_any_other():
    """Text decoded with surrogateescape may hold one; the one pass must not fail on it."""
    low = "tel. 0123 \ud800 sign up for our newsletter, ©"
    assert furniture._marks_in(low) == _looked_for_in_turn(low)
    assert furniture.is_junk("Subscribe \udcff to our newsletter")


def test_lower_case_makes_and_unmakes_no_single_character_mark():
    """is_junk looks for "@" and the breadcrumb's separators in the line in lower case."""
    marks = {"@", *furniture._BREADCRUMB_MARKS}
    for point in range(0x110000):
        char = chr(point)
        assert marks & set(char.lower()) == marks & {char}, hex(point)


def _eager_best_run(reader: pasted._Reader) -> tuple[int, int]:
    """best_run as it was: every line checked, then the heaviest run."""
    weights = [
        runs.line_weight(reader.layout, pos, checked=True) for pos in range(len(reader.lines))
    ]
    return runs.heaviest(weights, set(runs.comment_starts(reader.lines)))


def _lazy_best_run(reader: pasted._Reader) -> tuple[int, int]:
    return runs.best_run(reader.lines, reader.layout)


@pytest.mark.parametrize("rounds", [runs.ROUNDS, 1])
def test_the_run_chosen_with_checks_on_its_lines_only_is_the_run_all_checks_choose(
    rounds, monkeypatch
):
    """With the rounds the reader allows, and with one (every page then goes on to check
    every line, as a page whose run moves at each round would)."""
    monkeypatch.setattr(runs, "ROUNDS", rounds)
    pages = sorted((need(BENCHMARK) / "pasted").glob("*.txt"))
    for page in pages:
        for layout in (page.read_text(), page.read_text().replace("\n\n", "\n")):
            reader = pasted._Reader(pasted.normalize_text(layout))
            assert _lazy_best_run(reader) == _eager_best_run(reader), page.name


def _glued_teasers_as_they_were(reader: pasted._Reader) -> set[int]:
    """The lines of lists copied one line each, as found before: every line looked at, the
    glued ones grouped, each within two lines of the last, groups of two or more kept."""
    marked = [pos for pos, line in enumerate(reader.lines) if glued(line)]
    found: set[int] = set()
    group: list[int] = []
    for pos in [*marked, None]:
        if pos is not None and (not group or pos - group[-1] <= 2):
            group.append(pos)
            continue
        if len(group) >= 2:
            found.update(group)
        group = [pos] if pos is not None else []
    return found


def _same_glued_teasers(page: str) -> None:
    reader = pasted._Reader(page)
    found = _glued_teasers_as_they_were(reader)
    asked = {pos for pos in range(len(reader.lines)) if reader.layout.glued_teaser(pos)}
    assert asked == found


def test_a_line_asked_alone_is_a_glued_teaser_where_all_lines_looked_at_found_one():
    for page in sorted((need(BENCHMARK) / "pasted").glob("*.txt")):
        for layout in (page.read_text(), page.read_text().replace("\n\n", "\n")):
            _same_glued_teasers(pasted.normalize_text(layout))


_GLUED = "Council Votes To Close The Old River BridgeResidents say the closure will cost them an hour a day"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([_GLUED, "Share", "The river rose by a metre overnight.", ""]), max_size=14
    )
)
def test_glued_teasers_asked_alone_on_any_page_of_such_lines(page_lines):
    _same_glued_teasers("\n".join(page_lines) or "x")


_LINES = [
    "Comments", "Related stories", "Subscribe to our newsletter for the latest news today",
    "Share", "Home › World › Asia", "Photo: AP", "By Jane Doe", "March 3, 2024",
    "The council met on Tuesday to discuss the bridge, which has been closed since the "
    "storm damaged its northern span last winter.",
    "Residents said the closure had doubled their journey to work and cut trade in the "
    "market town by a third, according to the chamber of commerce.",
    "We use cookies to improve your experience on our site and to show you relevant "
    "advertising; by continuing you accept all cookies.",
    "Leave a reply", "A short line", "Sources:", "34 responses to “The bridge”",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=30), st.sampled_from(["\n", "\n\n"]))
def test_the_lazy_run_is_the_eager_run_on_any_page_of_such_lines(page_lines, gap):
    reader = pasted._Reader(gap.join(page_lines))
    assert _lazy_best_run(reader) == _eager_best_run(reader)


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(".!?…:;\"'”’»)]۔。a b\u00a0\u2003\n\tЖ")))
def test_a_sentence_s_end_is_read_from_the_last_character_as_the_pattern_reads_it(text):
    assert furniture.ends_sentence(text) == bool(_SENTENCE_END.search(text))


# The date patterns as they were, looking behind before their first digit.
_DATES_BEFORE = [
    re.compile(
        r"(?<!\w)(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?"
        + dates._MONTH
        + r",?\s+(?:de\s+|del\s+)?(?P<y>\d{4})(?!\d)"
        + dates._TIME,
        re.I,
    ),
    dates._PATTERNS[1],
    re.compile(
        r"(?<!\d)(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"
        r"(?:[T ](?P<h>\d{1,2}):(?P<m>\d{2}))?"
    ),
    re.compile(
        r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
        r"(?![\d/.-])(?:\s*(?:[|,\-–—]\s*)?(?P<h>\d{1,2})[:h](?P<m>\d{2}))?"
    ),
]


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(
            ["1", "12", "2021", "7", "-", "/", ".", " ", "a", "x3", "March", ", ", "T"]
        ),
        max_size=14,
    )
)
def test_the_date_patterns_opening_with_a_digit_read_what_they_read_before(parts):
    text = "".join(parts)
    for before, now in zip(_DATES_BEFORE, [*dates._PATTERNS, dates._NUMERIC], strict=True):
        found = [(m.span(), m.groupdict()) for m in now.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in before.finditer(text)], text


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from("ab1 –—|@·•:\n_é")))
def test_an_entry_s_separators_are_found_where_they_were(text):
    before = re.compile(r"(?<=\s)[–—|@·•:](?=\s)|(?<=\w): ")
    assert [m.span() for m in layout_module._SEPARATOR.finditer(text)] == [
        m.span() for m in before.finditer(text)
    ]


def _title_in_turn(reader: pasted._Reader, window: range, body_start: int) -> int | None:
    """_pick_title as it was: every line of the window checked and scored, in turn."""
    best, best_score = None, 0.0
    for pos in window:
        if not 3 <= reader.lines[pos].words <= 30 or reader._not_title(pos, body_start):
            continue
        under = reader._under_headline(pos, window)
        score = reader._title_score(pos, body_start, under_headline=under)
        if score > best_score:
            best, best_score = pos, score
    return best


def _same_title(page: str) -> None:
    reader = pasted._Reader(page)
    start, end = _lazy_best_run(reader)
    body_start = reader._body_start(start, end)
    for window in (range(max(0, start - 30), body_start), range(0, len(reader.lines))):
        expected = _title_in_turn(reader, window, window.stop)
        assert reader._pick_title(window, window.stop) == expected


def test_the_title_found_best_score_first_is_the_title_found_line_by_line():
    for page in sorted((need(BENCHMARK) / "pasted").glob("*.txt")):
        for layout in (page.read_text(), page.read_text().replace("\n\n", "\n")):
            _same_title(pasted.normalize_text(layout))


_HEAD_LINES = [
    "Home › World › Asia", "Bridge to reopen after storm repairs", "Bridge To Reopen",
    "By Jane Doe", "March 3, 2024", "Photo: AP", "Subscribe to our newsletter",
    "Council votes to reopen the bridge.", "The closure doubled journeys for residents",
    "Menu", "Share this story with your friends", "Jane Doe", "LONDON, England",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_LINES + _LINES), min_size=1, max_size=25), st.booleans())
def test_the_title_found_best_score_first_on_any_head_of_such_lines(page_lines, apart):
    _same_title(("\n\n" if apart else "\n").join(page_lines))


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(["Getty Images", "AFP", "(", ")", ".", " ", "x", "Reuters/Jane Doe", "é"]),
        max_size=20,
    )
)
def test_an_agency_s_credit_is_found_in_the_tail_as_in_the_whole_line(parts):
    text = "".join(parts)
    assert furniture.credits_agency(text) == bool(furniture.CREDIT_AGENCY.search(text))


def _list_title_as_it_was(layout: layout_module.Layout, pos: int) -> bool:
    """A list heading as Layout found it before its shortcuts: the heading's checks, then its
    items walked."""
    line = layout.lines[pos]
    if not (line.isolated or layout.unspaced) or not 1 <= line.words <= 10:
        return False
    following = layout.lines[pos + 1].text if pos + 1 < len(layout.lines) else ""
    if not line.isolated and not layout_module._SEPARATOR.search(following):
        return False
    if furniture.ends_sentence(line.text) or line.junk or line.barrier:
        return False
    items = []
    for ahead in range(pos + 1, len(layout.lines)):
        if layout.list_item(ahead, False) is None:
            break
        items.append(layout.lines[ahead])
    if len(items) < 3 or sum(item.words for item in items) < 4 * len(items):
        return False
    if line.isolated:
        return True
    found = [sep for item in items for sep in set(layout_module._SEPARATOR.findall(item.text))]
    return len(items) >= 4 and any(5 * found.count(sep) >= 4 * len(items) for sep in found)


def _same_list_titles(page: str) -> None:
    layout = layout_module.Layout(lines.split_lines(page))
    no_blank_line = all(b.index == a.index + 1 for a, b in pairwise(layout.lines))
    assert layout.unspaced == no_blank_line
    expected = {pos for pos in range(len(layout.lines)) if _list_title_as_it_was(layout, pos)}
    assert layout.list_titles == expected


def test_list_headings_found_after_a_cheap_look_are_those_found_by_walking_their_items():
    for page in sorted((need(BENCHMARK) / "pasted").glob("*.txt")):
        for layout in (page.read_text(), page.read_text().replace("\n\n", "\n")):
            _same_list_titles(pasted.normalize_text(layout))


_LIST_LINES = [
    "Tour dates", "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
    "June 11 – Tampa, FL @ MidFlorida Credit Union Amphitheatre", "Sports", "News | World",
    "Key facts:", "• Ten bridges closed", "Home", "The ban covers:", "Subscribe now",
    "Ticket prices: from £20 for adults", "Opening hours: 9am to 5pm daily", "Comments",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LIST_LINES + _LINES), min_size=1, max_size=25), st.booleans())
def test_list_headings_on_any_page_of_such_lines(page_lines, apart):
    _same_list_titles(("\n\n" if apart else "\n").join(page_lines))


def _normalized_as_it_was(text: str) -> str:
    """normalize_text as it was: each kind of character searched for on its own."""
    import unicodedata

    from brief.ingest import normalize

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    if normalize._DROP_RE.search(text):
        text = normalize._DROP_RE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if normalize._OTHER_SPACE.search(text):
        text = normalize._OTHER_SPACE.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    return text.replace(" \n", "\n").replace("\n ", "\n").strip(" ")


@settings(max_examples=1000)
@given(
    st.text(alphabet=st.sampled_from("ab \n\r\t\x07\x85\xad\u00a0\u2000\u2002\u3000e\u0301\ufeff"))
)
def test_a_page_is_normalised_as_before_with_one_first_look(text):
    from brief.ingest.normalize import normalize_text

    assert normalize_text(text) == _normalized_as_it_was(text)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_regex(furniture.FURNITURE_WORD), st.sampled_from(["", "Bitte ", "« ", "the "]))
def test_every_furniture_word_the_pattern_finds_passes_the_words_first_look(found, before):
    """FURNITURE_WORD is searched for only in lines holding one of its words: a line it
    finds one in, in any of its phrases, passes that first look."""
    line = before + found
    if furniture.FURNITURE_WORD.search(line):
        assert furniture._may_hold_furniture_word(line), line


# Each word of FURNITURE_WORD, in one of its forms.
_FURNITURE_PHRASES = [
    "Subscribe", "subscriptions", "Subscriber", "PAYWALL", "Log-in", "login", "Sign-in",
    "signin", "Password", "newsletters", "Cookies", "JavaScript", "AdBlocker",
    "Premium-Abo", "Premiuminhalt", "premium-artikel", "abonné", "abonnez", "abonnements",
    "abonné·es", "abonnées", "s'abonner", "je m’abonne", "Se connecter", "mot de passe",
    "identifiez-vous", "Connectez-vous", "Déjà abonné", "résiliable", "Abo", "Abos",
    "abonnieren", "Abonnent:in", "Abonnentin", "abonniert", "Anmelden", "einloggen",
    "Registrieren", "Passwort", "Browser", "Vorlesefunktion", "Zum Hauptinhalt",
    "Suscríbete", "suscribirse", "suscripción", "suscripciones", "contraseña",
    "Iniciar sesión", "regístrate", "Registrate", "assinante", "assinatura", "Assine",
    "senha", "abbonati", "abbonato", "abbonamento", "Accedi", "abonnee", "Inloggen",
    "wachtwoord", "abone", "Giriş yap", "GİRİŞ YAP", "şifre", "подписка", "Подпишитесь",
    "Войти", "пароль", "اشترك", "الاشتراك", "سجل الدخول", "تسجيل الدخول", "كلمة المرور",
    "اشتراک", "رمز عبور", "ورود به", "سبسکرائب", "لاگ ان",
]  # fmt: skip


@pytest.mark.parametrize("phrase", _FURNITURE_PHRASES)
@pytest.mark.parametrize("around", ["Bitte {} hier", "“{}” — it’s here"])
def test_each_furniture_word_passes_the_words_first_look(phrase, around):
    line = around.format(phrase)
    assert furniture.FURNITURE_WORD.search(line), phrase  # the phrase is one of the pattern's
    assert furniture._may_hold_furniture_word(line), phrase


def _may_hold_furniture_word_as_it_was(low: str) -> bool:
    """The words' first look before lines with a few marks were split as ASCII bytes."""
    if not low.isascii():
        if any(infix in low for infix in furniture._FURNITURE_INFIXES):
            return True
        low = low.replace("\u0307", "").replace("ı", "i").replace("ſ", "s")
    if "suscr" in low and any(start in low for start in furniture._FURNITURE_STARTS):
        return True
    return not furniture._FURNITURE_TOKENS.isdisjoint(_WORD.findall(low))


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*_FURNITURE_PHRASES, "“", "”", "’", "—", "«", " ", "İ", "ı", "ſ", "é", "_", "the", "2"]
        ),
        max_size=8,
    )
)
def test_the_words_first_look_reads_a_line_as_it_did(parts):
    low = "".join(parts).lower()
    assert furniture._may_hold_furniture_word(low, low) == _may_hold_furniture_word_as_it_was(low)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("plain words", b"plain words"),
        ("“Quoted” — it’s", b"?Quoted? ? it?s"),
        ("café", None),  # a letter beyond ASCII
        ("i\u0307nloggen", None),  # "İnloggen" lowered: read without its dot elsewhere
        ("x" + "—" * 13, b"x" + b"?" * 13),  # marks only, however many
        ("« — » ½", None),  # "½" is a number: \w reads it
        ("Привет, мир", None),  # another script: its first letter tells
        ("٣ مارس", None),  # an Arabic-Indic digit
    ],
)
def test_a_line_is_read_as_ascii_only_when_its_other_characters_are_marks(line, expected):
    assert ascii_with_marks(line) == expected


@pytest.mark.parametrize(
    ("check", "phrase"),
    [
        *[
            ("opener", phrase)
            for phrase in (
                "Оставить комментарий", "اترك تعليقا", "دیدگاهتان را بنویسید", "Leave a Reply",
                "Laisser un commentaire", "34 responses to “The bridge”", "[ 12 comments ]",
                "Deja un comentario", "Yorum yap", "Schreibe einen Kommentar", "Comments are closed",
                "Start the conversation", "Top rated comments", "Lascia un commento",
            )
        ],
        *[
            ("switch", phrase)
            for phrase in (
                "The bridge at dawn … mehr", "The mayor said so. less", "Le pont … plus",
                "El puente ... más", "Мост ... ещё", "Мост. меньше", "الجسر ... المزيد",
                "پل ... بیشتر", "Il ponte. meno", "De brug … meer",
            )
        ],
        *[("sources", phrase) for phrase in ("Sources:", "Quellen", "Источники", "المصادر", "منابع")],
    ],
)  # fmt: skip
def test_each_phrase_of_the_patterns_passes_their_first_look(check, phrase):
    """The first letters (last, for a caption's switch) the shortcuts know, phrase by phrase
    of each language's."""
    words = count_words(phrase)
    if check == "opener":
        assert COMMENTS_OPEN.match(phrase) and opens_comments(phrase, words)
    elif check == "switch":
        assert furniture._TOGGLED.search(phrase)
        assert phrase[-1:].lower() in furniture._TOGGLED_LAST
    else:
        assert SOURCES_HEAD.match(phrase) and heads_sources(phrase, words)
