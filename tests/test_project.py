"""The project file: reopening, search, the writer lock, refusing what is not a project."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from brief.errors import (
    NewerProjectError,
    NotAProjectError,
    NotFoundError,
    ProjectError,
    ProjectLockedError,
)
from brief.ingest import read_file
from brief.model import ItemKind, Origin, OutlineItem
from brief.project import Project
from brief.schema import SCHEMA_VERSION
from tests.conftest import DATA, DEMO_SOURCES, ROOT


def _fill(project):
    return [project.add_article(read_file(p)) for p in sorted(DATA.glob("sample-*"))]


def test_reopening_gives_identical_sources_and_sections(tmp_path):
    path = tmp_path / "p.brief"
    with Project.create(path) as project:
        stored = _fill(project)
        sections = project.sections()
    with Project.open(path) as project:
        assert project.sources() == stored
        assert project.sections() == sections
        assert [s.id for s in project.sections()] == [s.id for s in sections]


def test_search_across_sources_with_snippets(project):
    _fill(project)
    hits = project.search("barges")
    assert hits and all("barge" in h.section.text.lower() for h in hits)
    assert any(match and text.lower().startswith("barge") for text, match in hits[0].snippet)
    # One word that stands in two different sources, found in both.
    sources = {h.section.source_id for h in project.search("harvest")}
    assert len(sources) >= 2
    # Search as you type: the last word is a prefix; Persian text is searchable too.
    assert project.search("dredg")
    assert project.search("فردا")
    assert project.search("") == [] and project.search("  ,, ") == []


def test_metadata_edit_marks_user_origin(project):
    source = _fill(project)[0]
    updated = project.update_meta(source.id, publisher="Hari Rud Notes")
    assert updated.meta.origin("publisher") is Origin.USER
    assert project.source(source.id).meta.publisher == "Hari Rud Notes"


def test_second_writer_in_another_process_is_refused(tmp_path):
    path = tmp_path / "p.brief"
    with Project.create(path):
        code = (
            "import sys\nfrom brief.project import Project\nfrom brief.errors import "
            "ProjectLockedError\ntry:\n    Project.open(sys.argv[1])\nexcept ProjectLockedError as e:\n"
            "    print(e); sys.exit(3)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 3, result.stderr
        assert "already open" in result.stdout
    with Project.open(path):  # free again once closed
        pass


def test_readers_are_not_locked_out_and_cannot_write(tmp_path):
    path = tmp_path / "p.brief"
    with Project.create(path) as writer:
        _fill(writer)
        with Project.open(path, readonly=True) as reader:
            assert len(reader.sources()) == DEMO_SOURCES
            with pytest.raises(ProjectError, match="reading only"):
                reader.new_brief("not allowed")


def test_second_writer_in_same_process_is_refused(tmp_path):
    path = tmp_path / "p.brief"
    with Project.create(path), pytest.raises(ProjectLockedError, match="already open"):
        Project.open(path)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_non_project_files_are_refused_and_unchanged(tmp_path):
    text = tmp_path / "notes.brief"
    text.write_text("just some notes")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    for path in (text, other):
        before = _digest(path)
        with pytest.raises(NotAProjectError, match="not a Briefsmith project"):
            Project.open(path)
        assert _digest(path) == before


def test_newer_project_is_refused_and_unchanged(tmp_path):
    path = tmp_path / "future.brief"
    Project.create(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = _digest(path)
    with pytest.raises(NewerProjectError, match="newer Briefsmith"):
        Project.open(path)
    assert _digest(path) == before


def test_failed_operation_leaves_nothing_half_stored(project):
    article = read_file(DATA / "sample-river-port.html")
    article.sections[3].text = None  # type: ignore[assignment]  # NOT NULL fails mid-way
    with pytest.raises(sqlite3.IntegrityError):
        project.add_article(article)
    assert project.source_count() == 0 and project.sections() == []


def test_outline_insert_positions_and_errors(project):
    sections = _fill(project)[0].sections
    brief = project.new_brief("Sample brief")
    project.insert_items(
        brief.id, [OutlineItem(ItemKind.HEADING, "One"), OutlineItem(ItemKind.NOTE, "Three")]
    )
    project.insert_items(
        brief.id, [OutlineItem(ItemKind.EXCERPT, section_id=sections[0].id)], row=1
    )
    items = project.brief(brief.id).items
    assert [i.kind for i in items] == [ItemKind.HEADING, ItemKind.EXCERPT, ItemKind.NOTE]
    assert [i.position for i in items] == [0, 1, 2]
    with pytest.raises(NotFoundError):
        project.insert_items(brief.id, [OutlineItem(ItemKind.EXCERPT, section_id=99999)])
    assert len(project.brief(brief.id).items) == 3
    with pytest.raises(ProjectError, match="quoted"):
        project.remove_source(sections[0].source_id)


def test_outline_operations_keep_item_ids(project):
    sections = _fill(project)[1].sections
    brief = project.new_brief("Ops")
    items = project.insert_items(
        brief.id,
        [
            OutlineItem(ItemKind.HEADING, "A", level=1),
            OutlineItem(ItemKind.EXCERPT, section_id=sections[0].id),
            OutlineItem(ItemKind.HEADING, "B", level=1),
            OutlineItem(ItemKind.NOTE, "note"),
        ],
    )
    ids = [i.id for i in items]
    project.move_items(brief.id, [ids[2], ids[3]], 0)  # B and its note to the top
    assert [i.id for i in project.brief(brief.id).items] == [ids[2], ids[3], ids[0], ids[1]]
    project.move_items(brief.id, [ids[2]], 4)  # to the end
    assert [i.id for i in project.brief(brief.id).items] == [ids[3], ids[0], ids[1], ids[2]]
    before = project.brief(brief.id).items
    project.remove_items(brief.id, [ids[0], ids[1]])
    assert [i.id for i in project.brief(brief.id).items] == [ids[3], ids[2]]
    project.set_outline(brief.id, before)  # undo
    assert project.brief(brief.id).items == before
    project.update_item(ids[0], text="A, renamed", level=2)
    assert project.brief(brief.id).items[1].text == "A, renamed"
    assert project.used_section_ids(brief.id) == {sections[0].id}
    copy = project.duplicate_brief(brief.id)
    assert copy.title == "Ops (copy)" and [i.text for i in copy.items] == [
        i.text for i in project.brief(brief.id).items
    ]
    saved = project.brief(brief.id)
    project.delete_brief(brief.id)
    assert project.restore_brief(saved) == saved


def test_covered_by_a_heading():
    from brief.briefs import covered

    items = [
        OutlineItem(ItemKind.HEADING, "1", level=1),
        OutlineItem(ItemKind.NOTE, "a"),
        OutlineItem(ItemKind.HEADING, "1.1", level=2),
        OutlineItem(ItemKind.NOTE, "b"),
        OutlineItem(ItemKind.HEADING, "2", level=1),
    ]
    assert covered(items, 0) == range(0, 4)
    assert covered(items, 2) == range(2, 4)
    assert covered(items, 1) == range(1, 2)


def test_source_rows_and_restore(project):
    stored = _fill(project)
    rows = project.source_rows()
    assert [r.id for r in rows] == [s.id for s in stored]
    wheat = next(r for r in rows if r.title.startswith("Wheat"))
    assert "title" in wheat.inferred and wheat.sections > 3
    source = project.source(wheat.id)
    project.remove_source(wheat.id)
    assert project.restore_source(source) == source


def test_search_lists_unranked_when_a_word_matches_too_much(project, monkeypatch):
    import brief.project as store

    _fill(project)
    ranked = project.search("the", limit=5)
    assert ranked and all(h.rank is not None for h in ranked)
    monkeypatch.setattr(store, "RANK_LIMIT", 3)
    unranked = project.search("the", limit=5)
    assert len(unranked) == 5 and all(h.rank is None for h in unranked)
    ids = [h.section.id for h in unranked]
    assert ids == sorted(ids)  # in the project's order
    assert any(match for h in unranked for _, match in h.snippet)
