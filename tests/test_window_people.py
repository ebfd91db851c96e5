"""The People panel: everyone the sources quote, from the keyboard and by dragging a quote
into the brief as an excerpt of its words, and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from brief.ingest import read_text
from brief.project import Project
from desktop.models.outline import SOURCE_LINE_ROLE
from desktop.models.people import QUOTE_ID_ROLE
from tests import storygen
from tests.conftest import open_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def flood(qtbot, tmp_path, settings):
    path = tmp_path / "people.brief"
    ids: dict[str, int] = {}
    with Project.create(path) as project:
        for story in storygen.samples():
            if story.name.startswith(("flood-", "rates-")):
                ids[story.name] = project.add_article(read_text(story.pasted())).id or 0
    win = open_window(qtbot, path, settings)
    yield win, ids
    win.close()


def test_people_from_the_keyboard(flood, qtmodeltester):
    window, _ = flood
    QTest.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)
    panel = window.people
    assert window.people_dock.isVisible() and window.commands.people.isChecked()
    assert panel.people.hasFocus()
    qtmodeltester.check(panel.speakers)
    first = panel.speakers.rows[0]
    assert (first.name, first.quotes, first.sources) == ("Irena Vasquez", 6, 3)
    assert panel.quotes.key == first.key and panel.quotes.rowCount() == 6
    qtmodeltester.check(panel.quotes)
    # typing filters the speakers; the quotes follow the one left
    QTest.keyClicks(panel.search, "ruiz")
    assert [s.name for s in panel.speakers.rows] == ["Helena Ruiz"]
    said = [panel.quotes.index(r, 2).data() for r in range(panel.quotes.rowCount())]
    assert said[0].startswith("“We would rather act too firmly")
    assert not said[1].startswith("“")  # reported: "She said the bank was ready…"
    QTest.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)
    assert not window.people_dock.isVisible()


def test_a_quote_dragged_into_the_brief_quotes_its_words(flood, qtbot):
    window, _ = flood
    window.toggle_people()
    panel, outline = window.people, window.brief.model
    assert panel.choose_speaker("irena vasquez")
    row = next(r for r, q in enumerate(panel.quotes.rows) if q.text.startswith("We knocked"))
    data = panel.quotes.mimeData([panel.quotes.index(row, 0)])
    assert data.text().startswith("“We knocked on every door")
    before = len(outline.items)
    assert outline.canDropMimeData(data, Qt.DropAction.CopyAction, 0, 0, outline.index(-1))
    assert outline.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, outline.index(-1))
    item = outline.items[0]
    quote = panel.quotes.rows[row]
    assert (item.section_id, item.span) == (quote.section_id, (quote.start, quote.end))
    index = outline.index(0)
    assert index.data() == quote.text
    assert index.data(SOURCE_LINE_ROLE).endswith("· Irena Vasquez")
    assert window.session.undo.undoText() == "Add 1 quote"
    window.session.editor.undo()
    assert len(outline.items) == before
    # the buttons: Add Quote to Brief, Show in Reader
    panel.select_quote(row)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert outline.items[-1].span == (quote.start, quote.end)
    assert panel.said.currentIndex().data(QUOTE_ID_ROLE) == quote.id
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert window.reader.source.id == quote.source_id


def test_the_panel_follows_an_import_and_its_undo(flood):
    window, _ = flood
    window.toggle_people()
    panel = window.people
    story = next(s for s in storygen.samples() if s.name == "port-business")
    window.session.editor.import_articles([read_text(story.pasted())])
    assert "Greta Holm" in {s.name for s in panel.speakers.rows}
    window.session.editor.undo()
    assert "Greta Holm" not in {s.name for s in panel.speakers.rows}
