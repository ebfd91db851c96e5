"""The editing layer without the window: undo of brief deletion and import, refusals, and the
project formats of earlier versions (each kept as a file under tests/projects)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

pytest.importorskip("PySide6")

from brief.briefs import UNTITLED
from brief.ingest import read_text
from brief.project import Project
from brief.schema import SCHEMA_VERSION
from desktop.session import Session
from tests.conftest import ROOT

PROJECTS = ROOT / "tests" / "projects"
ARTICLE = (
    "Sample: the night market reopens\n\n"
    "The night market on the river road reopened on Friday after the floods, with forty "
    "stalls where there had been a hundred, the traders' association said.\n\n"
    "Stallholders said the footfall was better than they feared, and that most of the "
    "missing traders hoped to be back before the holidays.\n"
)


@pytest.fixture
def session(qapp, tmp_path):
    shutil.copy(PROJECTS / f"format-{SCHEMA_VERSION}.brief", tmp_path / "p.brief")
    opened = Session(Project.open(tmp_path / "p.brief"))
    yield opened
    opened.close()


def test_delete_the_only_brief_then_undo_and_redo(session):
    project, editor = session.project, session.editor
    (only,) = project.briefs()
    assert editor.delete_brief(only.id)
    (placeholder,) = project.briefs()
    assert placeholder.title == UNTITLED and placeholder.id != only.id
    assert session.brief_id == placeholder.id
    assert editor.undo()
    assert [b.id for b in project.briefs()] == [only.id]
    assert project.brief(only.id).items == only.items and session.brief_id == only.id
    assert editor.redo()
    assert [(b.id, b.title) for b in project.briefs()] == [(placeholder.id, UNTITLED)]
    # A brief made now never takes a freed id (the bug: UNIQUE constraint failed: briefs.id).
    assert editor.new_brief("Another") > placeholder.id
    assert editor.undo() and editor.undo()
    assert [b.id for b in project.briefs()] == [only.id]


def test_import_is_stored_by_its_command_and_undone_whole(session):
    project, editor = session.project, session.editor
    count = project.source_count()
    article = read_text(ARTICLE, name="market.txt")
    (source,) = editor.import_articles([article])
    assert project.source_count() == count + 1 and session.undo.count() == 1
    assert editor.undo() and project.source_count() == count
    assert editor.redo()
    again = project.source(source.id)
    assert [s.id for s in again.sections] == [s.id for s in source.sections]
    assert project.find_duplicate(read_text(ARTICLE.replace("\n\n", "\n\n\n"), name="x.txt"))


def test_an_edit_the_project_refuses_is_reported_and_not_on_the_stack(session):
    refused = []
    session.editor.refused.connect(refused.append)
    session.editor.new_brief("Kept")
    session.editor.undo()  # a redo step exists now
    assert session.editor.add_excerpts(session.brief_id, [10**9], 0) == []
    assert "There is no section" in refused[0]
    assert session.undo.count() == 1 and session.undo.canRedo()  # redo history kept


def test_undo_that_fails_is_dropped_and_reported(session):
    """Something changed the project behind the stack's back: undo says so, no crash."""
    refused = []
    session.editor.refused.connect(refused.append)
    brief = session.brief_id
    heading = session.editor.add_text(brief, session.project.brief(brief).items[0].kind, "X", 0)
    session.project.remove_items(brief, [heading])  # not through the editor
    assert not session.editor.undo()
    assert refused and "Undo: Add heading" in refused[0]
    assert session.undo.count() == 0


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_project_files_of_every_format_open(tmp_path, version):
    path = tmp_path / "old.brief"
    shutil.copy(PROJECTS / f"format-{version}.brief", path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == version
    with Project.open(path) as project:
        assert project._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert project._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert project._db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert len(project.sources()) == 5
        (brief,) = project.briefs()
        assert brief.title == "Rivers, grain and power: a sample brief" and len(brief.items) == 12
        assert len(project.search("harvest")) > 0  # the search index survived the rebuild
        assert all(s.text_hash for s in project.sources())  # filled in by the migration
        made = project.new_brief("New")
        assert made.id > brief.id
        project.remove_brief(made.id)
        assert project.new_brief("Newer").id > made.id  # never reused
