"""The real window, driven offscreen: drags, drops, the keyboard route, undo, import, export."""

from __future__ import annotations

import os
import subprocess
import sys

import pdfplumber
import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from brief.demo import build_demo
from brief.model import ItemKind, Origin
from brief.project import Project
from desktop.mime import SECTIONS_MIME, encode
from tests.conftest import DATA, DEMO_SOURCES, ROOT


def outline(win):
    return [(i.kind.value, i.text or i.section_id) for i in win.brief.model.items]


def test_models_pass_the_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.library.sources)
    window.library.sources.sort(2, Qt.SortOrder.AscendingOrder)
    window.library.sources.set_dates("2024-03", "2024-06")
    dates = [r.published[:7] for r in window.library.sources.rows]
    # July's and undated sources left out; the classroom sample is dated by its only stamp,
    # "Updated March 22, 2024" (the one date a citation of it can give); the river-port story
    # and its repost are both of March; the wheat story and the radio's report of it, June.
    assert dates == ["2024-03", "2024-03", "2024-03", "2024-05", "2024-06", "2024-06"]
    qtmodeltester.check(window.library.sources)
    window.library.sources.set_dates("", "")
    qtmodeltester.check(window.library.sections)
    window.library.search.setText("harvest")
    window.library.run_search()
    assert window.library.sections.rowCount() > 0
    qtmodeltester.check(window.library.sections)
    qtmodeltester.check(window.brief.model)


def test_drop_two_sections_into_the_brief_then_undo_and_redo(window):
    lib, model = window.library, window.brief.model
    lib.select_source(lib.sources.rows[0].id)
    ids = [lib.sections.rows[n].section.id for n in (1, 2)]
    data = lib.sections.mimeData([lib.sections.index(1), lib.sections.index(2)])
    assert data.hasFormat(SECTIONS_MIME)
    before = outline(window)
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, 1, 0, model.index(-1))
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, 1, 0, model.index(-1))
    after = outline(window)
    assert after[1:3] == [("excerpt", ids[0]), ("excerpt", ids[1])]
    assert len(after) == len(before) + 2
    assert set(ids) <= lib.sections.used  # the library marks them as used
    window.session.undo.undo()
    assert outline(window) == before
    window.session.undo.redo()
    assert outline(window) == after


def test_drops_the_model_cannot_take_are_refused(window):
    model = window.brief.model
    foreign = encode(SECTIONS_MIME, [1], "/another/project.brief")
    assert not model.canDropMimeData(foreign, Qt.DropAction.CopyAction, 0, 0, model.index(-1))
    junk = QMimeData()
    junk.setText("plain text")
    assert not model.dropMimeData(junk, Qt.DropAction.CopyAction, 0, 0, model.index(-1))


def test_reorder_by_drag_moves_a_heading_with_what_it_covers(window):
    model = window.brief.model
    before = outline(window)
    assert before[0] == ("heading", "Rivers and freight")
    # Drag the heading (it covers everything after it) below nothing: onto the end is refused.
    data = model.mimeData([model.index(0)])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 2, 0, model.index(-1))
    # Drag the last excerpt to the top.
    last = len(before) - 2
    data = model.mimeData([model.index(last)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(-1))
    after = outline(window)
    assert after[0] == before[last] and sorted(map(str, after)) == sorted(map(str, before))
    window.session.undo.undo()
    assert outline(window) == before
    window.session.undo.redo()
    assert outline(window) == after


def test_keyboard_route(window, qtbot):
    lib, brief = window.library, window.brief
    window.activateWindow()
    lib.list.setFocus()
    lib.list.selectionModel().select(
        lib.sections.index(0), lib.list.selectionModel().SelectionFlag.Select
    )
    lib.list.setCurrentIndex(lib.sections.index(0))
    section = lib.sections.rows[0].section.id
    before = outline(window)
    qtbot.keyClick(lib.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ("excerpt", section) in outline(window) and len(outline(window)) == len(before) + 1
    added = [n for n, (_, v) in enumerate(outline(window)) if v == section][-1]
    brief.view.setFocus()
    brief.select_ids([brief.model.items[added].id])
    qtbot.keyClick(brief.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert outline(window)[added - 1] == ("excerpt", section)
    qtbot.keyClick(brief.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert outline(window)[added] == ("excerpt", section)
    # Indent the heading, then outdent it.
    brief.select_ids([brief.model.items[0].id])
    qtbot.keyClick(brief.view, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert brief.model.items[0].level == 2
    qtbot.keyClick(brief.view, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert brief.model.items[0].level == 1
    # Delete the excerpt; undo each step back to the start, then redo them all.
    brief.select_ids([i.id for i in brief.model.items if i.section_id == section])
    qtbot.keyClick(brief.view, Qt.Key.Key_Delete)
    assert ("excerpt", section) not in outline(window)
    for _ in range(6):
        qtbot.keyClick(brief.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert outline(window) == before
    for _ in range(6):
        qtbot.keyClick(
            brief.view,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert ("excerpt", section) not in outline(window)
    assert window.commands.add.shortcut().toString() == "Ctrl+Return"


def test_edit_in_place_and_metadata_edits_are_undoable(window):
    model = window.brief.model
    assert model.setData(model.index(0), "Rivers, ports and freight")
    assert model.items[0].text == "Rivers, ports and freight"
    window.session.undo.undo()
    assert model.items[0].text == "Rivers and freight"
    wheat = next(r for r in window.library.sources.rows if r.title.startswith("Wheat"))
    window.library.select_source(wheat.id)
    window.reader.show_source(wheat.id)
    assert window.reader.source.meta.origin("title") is Origin.INFERRED
    window.reader.edits["title"].setText("Wheat prices slide (confirmed)")
    window.reader.edits["title"].editingFinished.emit()
    meta = window.session.project.source(wheat.id).meta
    assert meta.title == "Wheat prices slide (confirmed)" and meta.origin("title") is Origin.USER
    window.session.undo.undo()
    meta = window.session.project.source(wheat.id).meta
    assert meta.origin("title") is Origin.INFERRED and meta.title.startswith(
        "Wheat prices slide as"
    )


def test_import_by_dropping_files_then_undo(window, qtbot, tmp_path):
    files = []
    for n in range(3):
        path = tmp_path / f"sample{n}.txt"
        path.write_text(
            f"Sample headline number {n} for the test\n\nThis is paragraph one of "
            f"sample {n}, long enough to count as the body of an article.\n\n"
            "Subscribe to our newsletter\n"
        )
        files.append(path)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"%PDF-1.4 not really")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in (*files, bad)])
    count = window.session.project.source_count()
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    original = QMessageBox.warning
    QMessageBox.warning = staticmethod(lambda *a, **k: warnings.append(a[2]))
    try:
        event = QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dropEvent(event)
        qtbot.waitUntil(lambda: window.session.project.source_count() == count + 3, timeout=20000)
        qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    finally:
        QMessageBox.warning = original
    assert "broken.txt" in warnings[0] and "PDF" in warnings[0]
    assert window.library.sources.rowCount() == count + 3
    window.session.undo.undo()
    assert window.session.project.source_count() == count
    window.session.undo.redo()
    assert window.session.project.source_count() == count + 3


def test_paste_as_new_source(window, monkeypatch):
    """The paste dialog's fields count as typed; the same article pasted again is noticed
    by its cleaned text (the demo library already has it, imported from a file)."""
    from PySide6.QtWidgets import QApplication

    from desktop.dialogs.paste import PasteDialog

    QApplication.clipboard().setText((DATA / "sample-wheat-prices.txt").read_text())
    seen = {}

    def accept(dialog):
        seen["title"] = dialog.title.text()
        dialog.publisher.setText("Harvest Wire (confirmed)")
        dialog.authors.setText("Ana Lima, Jon Bek")
        dialog.url.setText("https://example.org/wheat")
        return 1

    asked = []
    monkeypatch.setattr(PasteDialog, "exec", accept)
    monkeypatch.setattr(window.importer, "ask_about_duplicates", lambda a: asked.append(a) or False)
    count = window.session.project.source_count()
    window.importer.paste()
    assert len(asked) == 1 and window.session.project.source_count() == count  # declined
    monkeypatch.setattr(window.importer, "ask_about_duplicates", lambda a: asked.append(a) or True)
    window.importer.paste()
    assert seen["title"] == "Wheat prices slide as record harvest forecasts pile up"
    assert window.session.project.source_count() == count + 1
    newest = window.session.project.source_rows()[-1]
    shown = {"title", "authors", "publisher", "published", "url"}
    assert newest.publisher == "Harvest Wire (confirmed)" and not newest.inferred & shown
    meta = window.session.project.source(newest.id).meta
    assert meta.authors == ["Ana Lima", "Jon Bek"] and meta.url == "https://example.org/wheat"
    assert all(meta.origin(f) is Origin.USER for f in ("title", "authors", "publisher", "url"))


def test_briefs_new_rename_duplicate_delete_with_undo(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    project = window.session.project
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Second brief", True))
    window.brief.new_brief()
    assert window.brief.briefs.currentText() == "Second brief"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Second, renamed", True))
    window.brief.rename_brief()
    window.brief.duplicate_brief()
    assert [b.title for b in project.briefs()][-2:] == ["Second, renamed", "Second, renamed (copy)"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.brief.delete_brief()
    assert len(project.briefs()) == 2
    for _ in range(4):
        window.session.undo.undo()
    assert [b.title for b in project.briefs()] == ["Rivers, grain and power: a sample brief"]


def test_export_through_the_dialog(window, qtbot, tmp_path):
    from docx import Document as Docx

    for fmt, index in (("pdf", 0), ("docx", 1)):
        dialog = window.export()
        dialog.format.setCurrentIndex(index)
        dialog.path.setText(str(tmp_path / f"out.{fmt}"))
        dialog.contents.setChecked(True)
        dialog.export_button.click()
        qtbot.waitUntil(lambda d=dialog: d.written is not None, timeout=60000)
        assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
        dialog.close()
    with pdfplumber.open(tmp_path / "out.pdf") as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert "Rivers, grain and power" in text and "Bibliography" in text
    assert "1. Amara Okafor and Tomás Reyes, “River Port Reopens" in text
    word = Docx(str(tmp_path / "out.docx"))
    assert word.paragraphs[0].text == "Rivers, grain and power: a sample brief"


def test_preview_renders_pages_off_the_ui_thread(window, qtbot):
    window.show_preview()
    qtbot.waitUntil(lambda: window.preview.pages_layout.count() >= 2, timeout=60000)
    assert "page" in window.preview.status.text()


def test_app_starts_from_a_clean_home_on_the_demo_library(tmp_path):
    env = dict(
        os.environ,
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("BRIEFSMITH_DATA", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop.app", "--quit-after-start"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"Demo library — Briefsmith ({DEMO_SOURCES} sources)" in result.stdout
    assert (tmp_path / "data" / "Briefsmith" / "Demo library.brief").exists()


def test_a_project_open_elsewhere_is_refused_clearly(tmp_path):
    path = build_demo(tmp_path / "held.brief")
    with Project.open(path):
        env = dict(
            os.environ,
            HOME=str(tmp_path),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            QT_QPA_PLATFORM="offscreen",
        )
        result = subprocess.run(
            [sys.executable, "-m", "desktop.app", str(path), "--quit-after-start"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert "already open in another Briefsmith window" in result.stderr


def test_adding_heading_and_note_by_menu(window):
    before = [i.kind for i in window.brief.model.items].count(ItemKind.HEADING)
    window.brief.add_heading()
    window.brief.add_note()
    kinds = [i.kind for i in window.brief.model.items]
    assert kinds.count(ItemKind.HEADING) == before + 1
    assert "New note" in [i.text for i in window.brief.model.items]


def test_qt_binding_keeps_none_alive():
    """A model's None, read back through QModelIndex.data(), must not be released: PySide6
    6.12.0 did, and the window crashed after some thousand reads on Python 3.11."""
    from PySide6.QtCore import QAbstractListModel

    class Model(QAbstractListModel):
        def rowCount(self, parent=None):  # noqa: N802 - Qt's name
            return 1

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None

    model = Model()
    index = model.index(0)
    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(Qt.ItemDataRole.UserRole)
    assert sys.getrefcount(None) >= before - 10
