"""The timeline panel: days from the keyboard, narrowing the library to some days, an event
dragged into the brief, and a source's date changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from brief.ingest import read_text
from brief.project import Project
from desktop.models.sources import SOURCE_ID_ROLE
from tests import storygen
from tests.conftest import open_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def flood(qtbot, tmp_path, settings):
    path = tmp_path / "timeline.brief"
    ids: dict[str, int] = {}
    with Project.create(path) as project:
        for story in storygen.samples():
            if story.name.startswith(("flood-", "port-")):
                ids[story.name] = project.add_article(read_text(story.pasted())).id or 0
    win = open_window(qtbot, path, settings)
    yield win, ids
    win.close()


def _listed(window) -> set[int]:
    model = window.library.sources
    return {model.index(r, 0).data(SOURCE_ID_ROLE) for r in range(model.rowCount())}


def test_the_timeline_from_the_keyboard_narrows_the_library(flood, qtmodeltester):
    window, ids = flood
    QTest.keyClick(window, Qt.Key.Key_T, CTRL_SHIFT)
    panel = window.timeline
    assert window.timeline_dock.isVisible() and window.commands.timeline.isChecked()
    assert panel.table.hasFocus()
    qtmodeltester.check(panel.model)
    days = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert days == sorted(days) and days[0] == "2026-03-14 Sat"
    assert "Saturday" in panel.model.index(0, 2).data()  # the sentence naming the day
    # the port strike's days only, typed; then the library narrowed to their sources
    QTest.keyClicks(panel.first, "2026-06")
    assert {e.day[:7] for e in panel.model.rows} == {"2026-06"}
    QTest.keyClicks(panel.last, "2026-06-11")
    assert {e.day for e in panel.model.rows} == {"2026-06-10", "2026-06-11"}
    panel.filter_library.setChecked(True)
    assert _listed(window) == {ids["port-business"], ids["port-wire"]}
    # following a link past the filter shows every source again, and says so
    window.show_source(ids["flood-local"])
    assert not panel.filter_library.isChecked() and len(_listed(window)) == len(ids)
    QTest.keyClick(window, Qt.Key.Key_T, CTRL_SHIFT)
    assert not window.timeline_dock.isVisible()


def test_an_event_dragged_into_the_brief_and_a_date_changed(flood):
    window, ids = flood
    window.toggle_timeline()
    panel, outline = window.timeline, window.brief.model
    before = len(outline.items)
    data = panel.model.mimeData([panel.model.index(0, 0)])
    assert outline.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, outline.index(-1))
    assert outline.items[0].section_id == panel.model.rows[0].section_id
    window.session.editor.undo()
    assert len(outline.items) == before
    # the wire's date corrected by a week: its "on Tuesday" moves with it, and back on undo
    wire = ids["flood-wire"]
    assert window.session.editor.edit_meta(wire, published="2026-03-24")
    wire_days = {e.day for e in panel.model.rows if e.source_id == wire}
    assert "2026-03-24" in wire_days and "2026-03-17" not in wire_days
    window.session.editor.undo()
    assert "2026-03-17" in {e.day for e in panel.model.rows if e.source_id == wire}


def test_the_sentence_shown_is_whole():
    from desktop.models.timeline import sentence_around

    text = "The bell at School No. 4 rang on Monday. “We are back,” she said on Tuesday."
    at = text.find("Monday")
    assert sentence_around(text, at, at + 6) == "The bell at School No. 4 rang on Monday."
    at = text.find("Tuesday")
    assert sentence_around(text, at, at + 7) == "“We are back,” she said on Tuesday."
