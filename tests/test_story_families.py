"""Story families: sources that share paragraphs are grouped, the original named where the
text tells it, on sample articles and the copies tests/storygen.py makes of them."""

from __future__ import annotations

import itertools
import shutil
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.errors import NotFoundError
from brief.ingest import read_file, read_text
from brief.model import ItemKind, OutlineItem
from brief.project import Project
from brief.story import index
from brief.story.sketch import resemblance, sketch
from tests import storygen
from tests.conftest import ROOT, SEEDS, need


def _import(project: Project, stories: list[storygen.Story]) -> dict[int, storygen.Story]:
    return {project.add_article(read_text(s.pasted(), name=f"{s.name}.txt")).id: s for s in stories}


def _pairs(project: Project, stored: dict[int, storygen.Story]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives over every pair of sources."""
    families = project.families()
    tp = fp = fn = 0
    for a, b in itertools.combinations(stored, 2):
        same = stored[a].origin == stored[b].origin
        found = a in families and families[a] is families.get(b)
        tp, fp, fn = tp + (same and found), fp + (found and not same), fn + (same and not found)
    return tp, fp, fn


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_copies_are_grouped_with_their_sample_and_nothing_else(tmp_path, seed):
    with Project.create(tmp_path / "p.brief") as project:
        stored = _import(project, storygen.families(seed))
        tp, fp, fn = _pairs(project, stored)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.90, (tp, fp, fn)


def test_two_outlets_quoting_the_same_statement_are_not_one_family(tmp_path):
    samples = {s.name: s for s in storygen.samples()}
    wire, radio = samples["flood-wire"], samples["flood-radio"]
    shared = set(wire.paragraphs) & set(radio.paragraphs)
    assert len(shared) == 1  # the mayor's words, word for word in both
    with Project.create(tmp_path / "p.brief") as project:
        stored = _import(project, [wire, radio])
        assert project.families() == {}
        # ...though that paragraph is found in both
        (match,) = project._db.execute("SELECT a, b FROM section_matches").fetchall()
        texts = {project.section(i).text for i in match}
        assert len(texts) == 1 and texts.pop() in shared
        assert set(stored) == {project.section(i).source_id for i in match}


def test_the_original_is_the_one_the_text_points_to(tmp_path):
    rng = storygen.random.Random(5)
    (wire,) = [s for s in storygen.samples() if s.name == "port-wire"]
    repost = storygen.repost(wire, rng)
    later = storygen.replace(storygen.pickup(wire, rng), name="later", date="2026-06-12")
    with Project.create(tmp_path / "p.brief") as project:
        # stored copies first: the order of import does not decide
        ids = {s.name: i for i, s in _import(project, [repost, later, wire]).items()}
        family = project.families()[ids["port-wire"]]
        assert family.original == ids["port-wire"] and family.members[0] == ids["port-wire"]
        assert set(family.members) == set(ids.values())
        assert family.relatives(ids["later"]) == (ids["port-wire"], ids["port-wire~repost"])


def test_a_family_whose_text_does_not_tell_has_no_original(tmp_path):
    (wire,) = [s for s in storygen.samples() if s.name == "rates-wire"]
    same_day = storygen.replace(wire, name="copy", title="Rates up", outlet="Capital Post")
    with Project.create(tmp_path / "p.brief") as project:
        stored = _import(project, [wire, same_day])
        family = project.families()[min(stored)]
        assert family.original is None and set(family.members) == set(stored)


def test_one_import_is_compared_through_the_index_not_by_rescanning(tmp_path, monkeypatch):
    stories = storygen.families(0)
    with Project.create(tmp_path / "p.brief") as project:
        _import(project, stories[:-1])
        sketched: list[str] = []
        real = index.sketch
        monkeypatch.setattr(index, "sketch", lambda text: sketched.append(text) or real(text))
        (last,) = _import(project, stories[-1:])
        assert sketched and set(sketched) <= {s.text for s in project.sections(last)}
        assert last in project.families()


def test_removing_a_source_and_undoing_it_keeps_the_families_right(tmp_path):
    with Project.create(tmp_path / "p.brief") as project:
        stored = _import(project, storygen.families(1)[:4])  # one sample and its copies
        before = project.families()
        first = next(iter(before.values())).members[0]
        source = project.source(first)
        project.remove_source(first)
        assert first not in project.families()
        assert project._db.execute(
            "SELECT COUNT(*) FROM section_sketches WHERE source_id = ?", (first,)
        ).fetchone() == (0,)
        project.restore_source(source)
        assert project.families() == before and len(before) == len(stored)


def test_keys_made_another_way_are_rebuilt_on_opening(tmp_path):
    path = tmp_path / "p.brief"
    with Project.create(path) as project:
        _import(project, storygen.families(0)[:8])
        before = project.families()
        project._db.execute("UPDATE project_info SET value = 'rensa 0.4' WHERE name = 'sketch'")
        project._db.execute("DELETE FROM section_matches")  # what keys made another way miss
    with Project.open(path) as project:
        assert project.families() == before
        (stored,) = project._db.execute(
            "SELECT value FROM project_info WHERE name = 'sketch'"
        ).fetchone()
        assert stored == index.VERSION


def test_projects_of_earlier_formats_are_indexed_when_upgraded(tmp_path):
    path = tmp_path / "old.brief"
    # format 3: the last without the index
    shutil.copy(ROOT / "tests" / "projects" / "format-3.brief", path)
    with Project.open(path) as project:
        sketched = project._db.execute("SELECT COUNT(*) FROM section_sketches").fetchone()[0]
        long_enough = sum(
            1 for s in project.sections() if s.kind.value == "paragraph" and sketch(s.text)
        )
        assert sketched >= long_enough > 0
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


_VOCABULARY = ("river", "bank", "rain", "town", "levee", "mayor", "said", "water", "road", "the")
_WORDS = st.lists(st.sampled_from(_VOCABULARY), min_size=12, max_size=60)


@settings(max_examples=200, deadline=None)
@given(_WORDS, st.data())
def test_a_copy_in_other_case_and_spacing_is_the_same_sketch(words, data):
    text = " ".join(words)
    copy = "  ".join(w.upper() if data.draw(st.booleans()) else w for w in words) + "\n"
    a, b = sketch(text), sketch(copy)
    assert a is not None and b is not None
    assert a.keys == b.keys and a.runs == b.runs and resemblance(a.runs, b.runs) == 1.0


@settings(max_examples=200, deadline=None)
@given(_WORDS, st.integers(min_value=12, max_value=60))
def test_a_cut_copy_is_held_whole_by_its_original(words, cut):
    """A repost's paragraph cut short: every run it keeps is in the original's."""
    head = words[:cut]
    if len(head) < 12:
        return
    a, b = sketch(" ".join(words)), sketch(" ".join(head) + "…")
    assert a is not None and b is not None and resemblance(a.runs, b.runs) == 1.0


def test_a_copys_paragraph_is_found_in_the_original_and_an_excerpt_moved_there(tmp_path):
    (wire,) = [s for s in storygen.samples() if s.name == "schools-wire"]
    later = storygen.replace(storygen.rewrite(wire, storygen.random.Random(2)), date="2026-03-03")
    with Project.create(tmp_path / "p.brief") as project:
        ids = {s.name: i for i, s in _import(project, [later, wire]).items()}
        quote = next(
            s for s in project.sections(ids[later.name]) if "Teachers have been paid" in s.text
        )
        found = project.section(project.original_section(quote.id))
        assert found.source_id == ids["schools-wire"] and "Teachers have been paid" in found.text
        assert project.original_section(found.id) is None  # the original cites itself
        brief = project.new_brief("B")
        (item,) = project.insert_items(
            brief.id, [OutlineItem(ItemKind.EXCERPT, section_id=quote.id)], 0
        )
        project.set_excerpt_sections({item.id: found.id})
        assert project.brief(brief.id).items[0].section_id == found.id
        with pytest.raises(NotFoundError):
            project.set_excerpt_sections({item.id: 10**9})
        assert project.brief(brief.id).items[0].section_id == found.id  # all or nothing


def test_the_two_seeds_are_two_outlets_stories_not_one_family(tmp_path):
    """The seeds tell one story in two outlets' own words (the second reposts a third
    outlet's story): no paragraph is copied between them."""
    seeds = sorted(p for p in need(SEEDS).iterdir() if p.is_file())
    with Project.create(tmp_path / "p.brief") as project:
        for path in seeds:
            project.add_article(read_file(path))
        assert len(project.sources()) == 2 and project.families() == {}


def test_word_for_word_copies_share_one_set_of_keys_and_outlive_the_first(tmp_path):
    """Wire copy run word for word: the later copies are twins of the first (no keys of
    their own); when the first goes, the next holds the keys and the family stays whole."""
    (wire,) = [s for s in storygen.samples() if s.name == "flood-wire"]
    copies = [storygen.replace(wire, name=f"copy{n}", title=f"Copy {n}") for n in range(3)]
    with Project.create(tmp_path / "p.brief") as project:
        ids = [project.add_article(read_text(c.pasted())).id for c in [wire, *copies[:2]]]
        db = project._db
        holders = db.execute(
            "SELECT DISTINCT source_id FROM section_sketches WHERE twin IS NULL"
        ).fetchall()
        assert holders == [(ids[0],)]  # only the first stored holds keys
        project.remove_source(ids[0])
        assert set(project.families()[ids[1]].members) == set(ids[1:])
        later = project.add_article(read_text(copies[2].pasted())).id
        assert set(project.families()[later].members) == {*ids[1:], later}
        kept = db.execute("SELECT * FROM section_matches ORDER BY 1, 2").fetchall()
        db.execute("BEGIN")
        index.rebuild(db)
        assert db.execute("SELECT * FROM section_matches ORDER BY 1, 2").fetchall() == kept
        db.execute("ROLLBACK")


def test_a_paragraph_repeated_in_one_article_matches_like_its_first_showing(tmp_path):
    """A pull quote: the second showing is the first one's twin, and takes the matches the
    first one finds in other sources (here a reworded copy), found in the same import."""
    (wire,) = [s for s in storygen.samples() if s.name == "port-wire"]
    quote = wire.paragraphs[2]
    reworded = storygen.replace(
        wire, paragraphs=tuple(p.replace("a rally", "a crowd") for p in wire.paragraphs)
    )
    assert reworded.paragraphs[2] != quote
    repeated = storygen.replace(wire, paragraphs=(*wire.paragraphs, quote))
    with Project.create(tmp_path / "p.brief") as project:
        other = project.add_article(read_text(reworded.pasted())).id
        again = project.add_article(read_text(repeated.pasted())).id
        shown = [s.id for s in project.sections(again) if s.text == quote]
        assert len(shown) == 2
        for section_id in shown:
            (count,) = project._db.execute(
                "SELECT COUNT(*) FROM section_matches m JOIN sections s"
                " ON s.id = (CASE WHEN m.a = ? THEN m.b ELSE m.a END)"
                " WHERE (m.a = ? OR m.b = ?) AND s.source_id = ?",
                (section_id, section_id, section_id, other),
            ).fetchone()
            assert count == 1, section_id


def test_families_are_the_same_read_in_small_groups(tmp_path, monkeypatch):
    """A project linking more sources than one SQL statement takes: the ids go in groups."""
    from brief.story import families as module

    with Project.create(tmp_path / "p.brief") as project:
        _import(project, storygen.families(2))
        whole = project.families()
        monkeypatch.setattr(module, "_PARAMETERS", 3)
        assert project.families() == whole and len(whole) == 40
