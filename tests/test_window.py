"""The window in a first hour of use: shortcuts, the reader, editing in place, state kept
across launches, small screens, readable selections, empty states, export and help."""

from __future__ import annotations

import os
import stat
from collections import Counter

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import QItemSelectionModel, QRect, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QStyle, QStyleOptionViewItem

from brief.project import Project
from desktop.dialogs.help import shortcut_rows
from desktop.style import contrast, readable_selection
from desktop.views.delegates import drag_label, drag_pixmap
from tests.conftest import open_window


# -- shortcuts --------------------------------------------------------------------------------
def test_no_two_actions_share_a_shortcut(window):
    keys = Counter(
        key.toString()
        for action in window.findChildren(type(window.commands.undo))
        for key in action.shortcuts()
    )
    assert [k for k, n in keys.items() if n > 1] == []


def test_redo_answers_both_keys_and_undo_is_ctrl_z(window):
    redo = [k.toString() for k in window.commands.redo.shortcuts()]
    assert "Ctrl+Shift+Z" in redo and "Ctrl+Y" in redo
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
        assert key.toString() in redo  # the platform's own Redo, once
    assert window.commands.undo.shortcuts()[0].toString() == "Ctrl+Z"


def test_keyboard_shortcuts_window_lists_every_shortcut(window):
    dialog = window.show_shortcuts()
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    for action in window.commands.all():
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.NativeText)
            assert any(text in cell for cell in listed), action.text()
    ((what, keys),) = shortcut_rows([window.commands.redo])
    assert what == "Redo" and keys.startswith("Ctrl+Shift+Z  or  Ctrl+Y")
    dialog.close()
    page = window.show_getting_started()
    assert "Ctrl+Enter" in page.text.toPlainText()
    page.close()
    help_menu = next(m for m in window.menuBar().actions() if m.text() == "&Help").menu()
    assert window.commands.getting_started in help_menu.actions()
    assert window.commands.shortcuts in help_menu.actions()


def test_undo_and_redo_by_keyboard_through_the_window(window, qtbot):
    brief = window.brief
    before = [i.text for i in brief.model.items]
    brief.view.setFocus()
    brief.select_ids([brief.model.items[0].id])
    brief.add_note()
    brief.view.finish_editing()
    assert len(brief.model.items) == len(before) + 1
    qtbot.keyClick(brief.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [i.text for i in brief.model.items] == before
    qtbot.keyClick(brief.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(brief.model.items) == len(before) + 1
    qtbot.keyClick(brief.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(brief.view, Qt.Key.Key_Z, ctrl_shift)
    assert len(brief.model.items) == len(before) + 1


# -- editing in place -------------------------------------------------------------------------
def test_f2_edits_the_outline_item_and_return_keeps_the_focus(window, qtbot):
    brief = window.brief
    brief.view.setFocus()
    brief.select_ids([brief.model.items[0].id])
    titles = [b.title for b in window.session.project.briefs()]
    qtbot.keyClick(brief.view, Qt.Key.Key_F2)
    editor = brief.view.itemDelegate().open_editor
    assert editor is not None  # an editor in place, not the "Rename brief" dialog
    editor.setText("Rivers first")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: brief.view.itemDelegate().open_editor is None)
    assert brief.model.items[0].text == "Rivers first"
    assert [b.title for b in window.session.project.briefs()] == titles
    assert brief.view.hasFocus() or QApplication.focusWidget() is brief.view
    assert brief.selected_ids() == [brief.model.items[0].id]
    # A new note, typed and confirmed with Return, leaves the focus in the outline too.
    brief.add_note()
    editor = brief.view.itemDelegate().open_editor
    editor.setText("My own note")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: brief.view.itemDelegate().open_editor is None)
    assert "My own note" in [i.text for i in brief.model.items]
    assert QApplication.focusWidget() is brief.view


def test_toolbar_keeps_its_labels_and_the_step_is_in_the_tooltip(window):
    toolbar = window.findChild(type(window.addToolBar("probe")), "main-toolbar")
    button = toolbar.widgetForAction(window.commands.undo)
    width = button.sizeHint().width()
    window.brief.add_heading()
    window.brief.view.finish_editing()
    assert button.text() == "Undo" and button.sizeHint().width() == width
    assert window.commands.undo.toolTip() == "Undo Add heading"
    assert window.commands.undo.text() == "&Undo Add heading"  # the menu says which step


# -- the library and the reader ---------------------------------------------------------------
def test_a_search_hit_shows_its_paragraph_and_the_hits_keep_their_selection(window, qtbot):
    lib, reader = window.library, window.reader
    lib.search.setText("barges")
    lib.run_search()
    assert lib.sections.rowCount() >= 1
    row = lib.sections.rowCount() - 1
    hit = lib.sections.rows[row].section
    index = lib.sections.index(row)
    lib.list.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert reader.source.id == hit.source_id and reader.highlighted == hit.id
    assert f'name="s{hit.id}"' in reader.browser.toHtml()
    assert lib.sections.rowCount() >= 1 and lib.selected_sections() == [hit.id]
    assert lib.search.text() == "barges"


def test_the_reader_starts_at_the_top_of_another_source(window, qtbot):
    lib, reader = window.library, window.reader
    window.resize(1000, 500)
    rows = lib.sources.rows
    longest = max(rows, key=lambda r: r.sections)
    reader.show_source(longest.id)
    bar = reader.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    other = next(r for r in rows if r.id != longest.id)
    reader.show_source(other.id)
    assert bar.value() == 0


def test_the_drag_label_is_small_translucent_and_counts(qapp):
    pixmap = drag_pixmap("Grain growers upriver said the reopening " * 5, 3, qapp.palette())
    size = pixmap.deviceIndependentSize()
    assert size.width() <= 320 and size.height() <= 40
    image = pixmap.toImage()
    alphas = {
        image.pixelColor(x, y).alpha() for x in range(image.width()) for y in range(image.height())
    }
    assert 0 < max(alphas) < 255  # drawn, and see-through everywhere, text included
    from PySide6.QtGui import QFontMetrics

    label = drag_label(
        "Grain growers upriver said the reopening " * 5, 3, QFontMetrics(qapp.font())
    )
    assert label.startswith("Grain growers") and label.endswith("…  (+2 more)")


# -- state across launches, screens ----------------------------------------------------------
def test_relaunch_returns_to_the_brief_and_the_geometry(qtbot, demo, settings):
    first = open_window(qtbot, demo, settings)
    second = first.session.editor.new_brief("Second brief")
    first.session.editor.undo()
    first.session.editor.redo()
    first.session.set_brief(second)
    first.resize(700, 500)
    first.move(30, 20)
    geometry = first.geometry()
    first.close()
    again = open_window(qtbot, demo, settings)
    assert again.session.brief_id == second
    assert again.brief.briefs.currentText() == "Second brief"
    assert again.geometry().size() == geometry.size()
    again.close()


def test_a_saved_geometry_larger_than_the_screen_is_clamped(qtbot, demo, settings):
    first = open_window(qtbot, demo, settings)
    first.resize(5000, 4000)
    first.close()
    win = open_window(qtbot, demo, settings)
    area = win.screen().availableGeometry()
    assert win.width() <= area.width() and win.height() <= area.height()
    assert area.contains(win.geometry().topLeft())
    win.close()


def test_at_1024_by_640_headers_and_toolbar_stay_readable(window, qtbot):
    window.resize(1024, 640)
    qtbot.wait(50)
    header = window.library.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(window.library.sources.columnCount()):
        text = window.library.sources.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text) + 8, text
    toolbar = window.findChild(type(window.addToolBar("probe")), "main-toolbar")
    for action in (window.commands.import_files, window.commands.add, window.commands.export):
        button = toolbar.widgetForAction(action)
        assert button.isVisible() and toolbar.rect().contains(button.geometry())


def test_at_large_sizes_the_source_list_keeps_its_share(window, qtbot):
    window.resize(1900, 1400)
    qtbot.wait(50)
    top, bottom = window.library.splitter.sizes()
    assert top >= 0.3 * (top + bottom)


def test_the_preview_zooms(window, qtbot):
    window.resize(1200, 700)
    preview = window.preview
    window.show_preview()
    qtbot.waitUntil(lambda: preview.job is None and len(preview.images) >= 2, timeout=60000)
    width = preview.pages_layout.itemAt(0).widget().pixmap().width()
    preview.zoom_out()
    assert preview.pages_layout.itemAt(0).widget().pixmap().width() < width
    assert preview.zoom_label.text().endswith("%")
    preview.fit_width()
    assert preview.zoom_label.text() == "Fit width"
    assert preview.pages_layout.itemAt(0).widget().pixmap().width() == width


# -- colours ----------------------------------------------------------------------------------
def test_the_selection_colour_is_made_readable(qapp):
    palette = QPalette(qapp.palette())
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#308cc6"))  # Fusion's blue
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    qapp.setPalette(palette)
    readable_selection(qapp)
    fixed = qapp.palette()
    assert contrast(fixed.color(QPalette.ColorRole.Highlight), QColor("white")) >= 4.5


def _band_contrast(image: QImage, top: int, bottom: int, background: QColor) -> float:
    """The best contrast of any pixel of a band of rows against the background: the colour
    the text of that line is drawn in (antialiased edges only lower it)."""
    best = 1.0
    for y in range(top, bottom):
        for x in range(8, image.width() - 8):
            best = max(best, contrast(QColor(image.pixel(x, y)), background))
    return best


def test_both_lines_of_a_selected_excerpt_meet_wcag_aa(window, qapp):
    readable_selection(qapp)
    qapp.processEvents()  # the new palette reaches the widgets
    view = window.brief.view
    model = window.brief.model
    row = next(n for n, i in enumerate(model.items) if i.kind.value == "excerpt")
    index = model.index(row)
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    option.state |= QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_Active
    option.rect = QRect(0, 0, 360, 1)
    height = delegate.sizeHint(option, index).height()
    option.rect = QRect(0, 0, 360, height)
    image = QImage(360, height, QImage.Format.Format_RGB32)
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    image.fill(highlight)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    line = option.fontMetrics.lineSpacing()
    source_line = _band_contrast(image, 2, 4 + line, highlight)  # "Title · para. 4"
    text_line = _band_contrast(image, 4 + line, 4 + 2 * line, highlight)  # the excerpt
    assert source_line >= 4.5 and text_line >= 4.5


# -- empty states and dialogs -----------------------------------------------------------------
def test_empty_states_say_what_to_do(qtbot, tmp_path, settings):
    path = tmp_path / "empty.brief"
    Project.create(path).close()
    win = open_window(qtbot, path, settings)
    assert "Import articles…" in win.library.table.placeholder
    assert "Drag sections here, or select them and press Ctrl+Enter" in win.brief.view.placeholder
    assert win.library.sources.rowCount() == 0 and win.brief.model.rowCount() == 0
    image = win.brief.view.grab().toImage()
    background = QColor(image.pixel(2, 2))
    differing = sum(
        QColor(image.pixel(x, y)) != background
        for x in range(image.width())
        for y in range(image.height() // 3, 2 * image.height() // 3)
    )
    assert differing > 20  # the hint is painted in the middle of the empty outline
    win.close()


def test_new_project_dialog_opens_in_the_documents_folder(window, monkeypatch):
    from PySide6.QtCore import QStandardPaths

    seen = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: seen.append(a[2]) or ("", ""))
    )
    window.new_project()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert seen == [documents]


def test_export_asks_before_replacing_and_keeps_the_umask(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"the user's old file")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No),
    )
    dialog = window.export()
    dialog.format.setCurrentIndex(1)
    dialog.path.setText(str(target))
    dialog.export_button.click()
    assert asked and "brief.docx already exists" in asked[0]
    assert dialog.job is None and target.read_bytes() == b"the user's old file"
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    target.unlink()
    old = os.umask(0o022)
    try:
        dialog.export_button.click()
        qtbot.waitUntil(lambda: dialog.written is not None, timeout=60000)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    monkeypatch.setattr(
        "desktop.dialogs.export.QDesktopServices.openUrl", staticmethod(lambda url: False)
    )
    dialog.open_button.click()
    assert "could not be opened" in dialog.message.text()
    dialog.close()


def test_export_names_a_lost_excerpt_and_marks_its_place_if_asked(
    window, qtbot, tmp_path, monkeypatch
):
    import sqlite3

    from docx import Document as Docx

    session = window.session
    item = next(i for i in session.project.brief(session.brief_id).items if i.section_id)
    db = sqlite3.connect(session.project.path)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("DELETE FROM sections WHERE id = ?", (item.section_id,))
    db.commit()
    db.close()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    )
    dialog = window.export()
    dialog.format.setCurrentIndex(1)
    target = tmp_path / "gap.docx"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    assert f"Item {item.position + 1} of this brief's outline" in asked[0]
    assert dialog.job is None and not target.exists()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=60000)
    text = "\n".join(p.text for p in Docx(str(target)).paragraphs)
    assert f"[Excerpt missing: item {item.position + 1} of the outline" in text
    dialog.close()


def test_an_author_switches_between_person_and_organisation_with_undo(window, qtbot):
    lib, reader = window.library, window.reader
    source_id = lib.sources.rows[0].id
    window.session.editor.edit_meta(source_id, authors=["Sample Relief Fund", "Dana Sample"])
    reader.show_source(source_id)
    actions = reader.kinds.menu().actions()
    assert [a.text() for a in actions] == [
        "Sample Relief Fund is an organisation",
        "Dana Sample is an organisation",
    ]
    assert [a.isChecked() for a in actions] == [True, False]  # judged by name
    assert reader.kinds.text() == "1 organisation"
    actions[1].setChecked(True)  # the user says Dana Sample is a body too
    source = window.session.project.source(source_id)
    assert source.meta.author_kinds["Dana Sample"] == "organisation"
    assert reader.kinds.text() == "2 organisations"
    window.session.undo.undo()
    assert window.session.project.source(source_id).meta.author_kinds.get("Dana Sample") != (
        "organisation"
    )
    assert [a.isChecked() for a in reader.kinds.menu().actions()] == [True, False]
