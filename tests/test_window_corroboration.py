"""Corroboration in the window: the outline's badge, the "Also Reported By" panel from the
keyboard and by dragging, marking a match wrong and its undo, and the export option."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from brief.ingest import read_text
from brief.model import ItemKind, OutlineItem
from brief.project import Project
from desktop.dialogs.export import ExportDialog
from desktop.models.outline import SUPPORT_ROLE
from tests import storygen
from tests.conftest import open_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def flood(qtbot, tmp_path, settings):
    """The three flood samples (their outlets confirmed by the user) and a brief quoting a
    paragraph the wire also reports, one only the local paper has, and the mayor's words."""
    path = tmp_path / "flood.brief"
    names: dict[str, int] = {}
    with Project.create(path) as project:
        for story in storygen.samples():
            if story.name.startswith("flood-"):
                source = project.add_article(read_text(story.pasted(), name=f"{story.name}.txt"))
                project.update_meta(source.id or 0, publisher=story.outlet)
                names[story.name] = source.id or 0
                for section_id, name in storygen.paragraph_names(story, source.sections).items():
                    names[name] = section_id
        brief = project.new_brief("Castellan")
        project.insert_items(
            brief.id or 0,
            [
                OutlineItem(ItemKind.EXCERPT, section_id=names[n])
                for n in ("flood-local:3", "flood-local:4", "flood-wire:3")
            ],
        )
    win = open_window(qtbot, path, settings)
    win.session.set_brief(brief.id or 0)
    yield win, names
    win.close()


def _badges(window) -> list[str]:
    model = window.brief.model
    return [model.index(r).data(SUPPORT_ROLE) for r in range(model.rowCount())]


def _select_row(window, row: int) -> None:
    view = window.brief.view
    view.setFocus()
    view.setCurrentIndex(window.brief.model.index(row))


def test_the_outline_badges_each_excerpt(flood, qtmodeltester):
    window, _ = flood
    qtmodeltester.check(window.brief.model)
    assert _badges(window) == ["2 independent sources", "single source", "2 independent sources"]
    index = window.brief.model.index(0)
    assert "Also reported by Northern Wire Service." in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith(
        "Excerpt, 2 independent sources:"
    )
    html = window.brief.view.itemDelegate().html(index, "#666666")
    assert "2&nbsp;independent&nbsp;sources" in html and "background-color" in html


def test_the_panel_from_the_keyboard_marks_a_match_wrong_and_undo_takes_it_back(
    flood, qtbot, qtmodeltester
):
    window, names = flood
    _select_row(window, 0)
    QTest.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    panel = window.corroboration
    assert window.corroboration_dock.isVisible() and window.commands.also_reported.isChecked()
    assert panel.table.hasFocus()
    qtmodeltester.check(panel.model)
    assert [r.match.section_id for r in panel.model.rows] == [names["flood-wire:1"]]
    assert panel.model.rows[0].counts_as == "independent"
    assert "2 independent sources" in panel.heading.text()
    assert panel.wrong.isEnabled()
    # Alt+W: mark it wrong; the badge and the panel follow; one undo step
    QTest.keyClick(panel.table, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.session.undo.count() == 1)  # a mnemonic clicks animated
    assert _badges(window)[0] == "single source"
    assert panel.model.rows[0].counts_as == "marked wrong"
    assert panel.wrong.text() == "Not &Wrong"
    assert window.session.undo.undoText() == "Mark match wrong"
    window.session.editor.undo()
    assert _badges(window)[0] == "2 independent sources"
    assert panel.model.rows[0].counts_as == "independent"
    window.session.editor.redo()
    assert _badges(window)[0] == "single source"
    # the current excerpt followed: the mayor's words, also on the radio
    _select_row(window, 2)
    assert [r.outlet for r in panel.model.rows] == ["Radio Valley"]
    QTest.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    assert not window.corroboration_dock.isVisible()


def test_a_match_drags_into_the_brief_and_the_buttons_act(flood, qtbot):
    window, names = flood
    _select_row(window, 0)
    window.toggle_corroboration()
    panel, outline = window.corroboration, window.brief.model
    data = panel.model.mimeData([panel.model.index(0, 0)])
    assert outline.canDropMimeData(data, Qt.DropAction.CopyAction, 1, 0, outline.index(-1))
    assert outline.dropMimeData(data, Qt.DropAction.CopyAction, 1, 0, outline.index(-1))
    assert outline.items[1].section_id == names["flood-wire:1"]
    window.session.editor.undo()
    assert outline.items[1].section_id == names["flood-local:4"]
    # Show in Reader, then Add to Brief: under the current excerpt
    _select_row(window, 0)
    panel.select_match(0)
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert window.reader.source.id == names["flood-wire"]
    _select_row(window, 0)
    panel.select_match(0)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert [i.section_id for i in outline.items][:2] == [
        names["flood-local:3"],
        names["flood-wire:1"],
    ]


def test_the_export_dialog_offers_and_remembers_the_option(flood, settings):
    window, _ = flood
    dialog = ExportDialog(window.session, settings, window)
    assert not dialog.options().also_reported
    dialog.also_reported.setChecked(True)
    assert dialog.options().also_reported
    dialog._save()
    dialog.close()
    again = ExportDialog(window.session, settings, window)
    assert again.options().also_reported
    again.close()
