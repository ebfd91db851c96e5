"""When (brief.story.when, brief.story.dated): the days sections speak of, resolved against
the article's date, on the samples of tests/story annotated by hand and on the seeds."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from brief.ingest import read_file, read_text
from brief.model import Section, SectionKind
from brief.project import Project
from brief.story.when import find_events
from tests import storygen
from tests.conftest import ROOT, SEEDS, need


def test_the_annotated_days():
    """Acceptance: at least 90 % of the annotated date expressions resolved to the right
    day, in English, French, German and Spanish; none to a wrong one."""
    annotations = storygen.annotations("dates.tsv")
    score: Counter[str] = Counter()
    languages = set()
    for story, article, names in storygen.sample_articles():
        events = find_events(article.sections, story.date)
        texts = {s.id: s.text for s in article.sections}
        for section_id, name in names.items():
            for words, day in annotations.get(name, []):
                hits = storygen.overlapping(events, section_id, texts[section_id], words)
                score[
                    "missed" if not hits else "right" if str(hits[0].day) == day else "wrong"
                ] += 1
                languages.add(article.meta.language)
    assert {"en", "fr", "de", "es"} <= languages
    assert score["right"] / sum(score.values()) >= 0.90, score
    assert score["wrong"] == 0, score


def test_the_seeds_days():
    vice = read_file(need(SEEDS / "000_4f456ce6156ae4d2.txt"))  # published Friday 2021-09-03
    for n, section in enumerate(vice.sections):
        section.id = n
    named = {
        vice.sections[e.section_id or 0].text[e.start : e.end]: str(e.day)
        for e in find_events(vice.sections, vice.meta.published)
    }
    assert named == {"Friday": "2021-09-03", "yesterday": "2021-09-02", "Wednesday": "2021-09-01"}
    post = read_file(need(SEEDS / "003_be76b55eccf3d0ac.txt"))  # no date: absolute days only
    for n, section in enumerate(post.sections):
        section.id = n
    assert [str(e.day) for e in find_events(post.sections, post.meta.published)] == ["2001-09-11"]


def _days(text: str, published: str = "2026-03-18") -> list[str]:  # a Wednesday
    return [
        str(e.day) for e in find_events([Section(SectionKind.PARAGRAPH, text, id=1)], published)
    ]


def test_words_before_a_weekday_set_its_direction():
    assert _days("Rain has fallen since Saturday.") == ["2026-03-14"]
    assert _days("The road opens by Saturday.") == ["2026-03-21"]
    assert _days("They met on Saturday.") == ["2026-03-21"]  # nearest: three days ahead
    assert _days("They met on Sunday.") == ["2026-03-15"]  # nearest: three days back
    assert _days("They met last Wednesday.") == ["2026-03-11"]
    assert _days("They meet next Wednesday.") == ["2026-03-25"]
    assert _days("They met on Wednesday and yesterday.") == ["2026-03-18", "2026-03-17"]
    # "today" and "tomorrow" are as often the present and the future: not days
    assert _days("We study, because tomorrow belongs to us. Farmers today pay more.") == []
    assert _days("Le pont ferme jusqu'à vendredi, depuis lundi.") == ["2026-03-20", "2026-03-16"]
    assert _days("Seit Dienstag, bis Freitag.") == ["2026-03-17", "2026-03-20"]
    assert _days("Desde el lunes hasta el viernes.") == ["2026-03-16", "2026-03-20"]


def test_calendar_days_with_and_without_a_year():
    assert _days("On March 17, 2026 and 9. September 2001 and 2020-02-29.") == [
        "2026-03-17",
        "2001-09-09",
        "2020-02-29",
    ]
    assert _days("Le 3 janvier et el 10 de agosto.") == ["2026-01-03", "2026-08-10"]
    assert _days("On 2 January.", "2025-12-30") == ["2026-01-02"]  # the nearest year
    assert _days("Talks may resume. It may 5 times fail. 31 June, 30 February.") == []
    assert _days("On Tuesday, 17 March.", "") == []  # no date: no weekday, no year either


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(["Monday", "mardi", "Mittwoch", "jueves", "Friday", "samedi", "Sonntag"]),
    st.sampled_from(["", "on ", "since ", "by ", "last ", "next ", "until ", "el ", "am "]),
)
def test_a_weekday_is_within_a_week_of_the_article_and_that_weekday(base, weekday, before):
    (day,) = _days(f"It happened {before}{weekday}.", base.isoformat())
    found = date.fromisoformat(day)
    assert abs((found - base).days) <= 7
    names = ["monday", "mardi", "mittwoch", "jueves", "friday", "samedi", "sonntag"]
    assert found.isoweekday() == names.index(weekday.casefold()) + 1
    if before in ("since ", "last "):
        assert found <= base
    if before in ("by ", "next ", "until "):
        assert found >= base


def test_events_are_kept_and_follow_the_sources_date(tmp_path):
    with Project.create(tmp_path / "w.brief") as project:
        story = next(s for s in storygen.samples() if s.name == "flood-wire")
        source = project.add_article(read_text(story.pasted()))
        days = {d.day: d.events for d in project.days()}
        assert days["2026-03-17"] >= 2 and "2026-03-16" in days
        # the user corrects the date: "on Tuesday" is counted from the new one
        moved = project.update_meta(source.id or 0, published="2026-03-24")
        assert "2026-03-24" in {d.day for d in project.days()}
        assert "2026-03-17" not in {d.day for d in project.days()}
        project.set_meta(source.id or 0, source.meta)  # its undo
        assert "2026-03-17" in {d.day for d in project.days()}
        events = project.events_between("2026-03-16", "2026-03-16")
        assert [e.text[e.start : e.end] for e in events] == ["Monday", "Monday"]
        assert moved.meta.published == "2026-03-24"
        project.remove_sources([source.id or 0])
        assert project.days() == []
        project.restore_source(source)
        assert project.days()


def test_projects_of_format_6_find_their_days_when_upgraded(tmp_path):
    path = tmp_path / "old.brief"
    shutil.copy(ROOT / "tests" / "projects" / "format-6.brief", path)
    with Project.open(path) as project:
        assert "2024-06-04" in {d.day for d in project.days()}
        project._db.execute("UPDATE project_info SET value = 'when 0' WHERE name = 'when'")
        project._db.execute("DELETE FROM events")
    with Project.open(path) as project:  # other rules' days are found again
        assert "2024-06-04" in {d.day for d in project.days()}


def test_a_day_name_inside_a_word_or_name_is_not_a_day():
    assert _days("The Mondayne ferry and Sundays in general.") == []
    assert _days("Freitagsgebet") == []
