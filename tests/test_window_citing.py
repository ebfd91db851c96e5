"""Export Library as… and Copy with Citation, used through the window."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from brief.compose import paragraph_number
from brief.model import ItemKind


def _save_as(monkeypatch, path, chosen_filter):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), chosen_filter))
    )


def test_export_library_writes_the_format_chosen_and_says_so(window, qtbot, tmp_path, monkeypatch):
    sources = window.session.project.sources()
    bib = tmp_path / "library.bib"
    _save_as(monkeypatch, bib, "BibTeX, BibLaTeX dialect (LaTeX, JabRef, Zotero) (*.bib)")
    window.commands.export_library.trigger()
    qtbot.waitUntil(bib.exists, timeout=30000)
    text = bib.read_text(encoding="utf-8")
    assert text.count("\n@") + text.startswith("@") == len(sources)
    qtbot.waitUntil(lambda: "written to" in window.statusBar().currentMessage())
    assert f"{len(sources)} references written to {bib}" in window.statusBar().currentMessage()
    # A name ending in another format's suffix gets that format; no suffix, the chosen one's.
    named = tmp_path / "for-zotero.json"
    _save_as(monkeypatch, named, "RIS (EndNote, Zotero, Mendeley) (*.ris)")
    window.commands.export_library.trigger()
    qtbot.waitUntil(named.exists, timeout=30000)
    assert [item["id"] for item in json.loads(named.read_text(encoding="utf-8"))] == [
        f"s{s.id}" for s in sources
    ]
    bare = tmp_path / "endnote"
    _save_as(monkeypatch, bare, "RIS (EndNote, Zotero, Mendeley) (*.ris)")
    window.commands.export_library.trigger()
    ris = tmp_path / "endnote.ris"
    qtbot.waitUntil(ris.exists, timeout=30000)
    assert ris.read_text(encoding="utf-8").count("TY  - ") == len(sources)
    # The dialog asked about "endnote"; "endnote.ris" exists now, so the window asks.
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No),
    )
    ris.write_text("the user's own file", encoding="utf-8")
    window.commands.export_library.trigger()
    assert asked == [f"endnote.ris already exists in {tmp_path}. Replace it?"]
    assert ris.read_text(encoding="utf-8") == "the user's own file"


def test_export_library_into_a_missing_folder_says_why(window, qtbot, tmp_path, monkeypatch):
    _save_as(monkeypatch, tmp_path / "gone" / "library.json", "")
    window.commands.export_library.trigger()
    qtbot.waitUntil(lambda: "Not done" in window.statusBar().currentMessage(), timeout=30000)
    assert "library.json" in window.statusBar().currentMessage()


def _clipboard_changes(qtbot, action):
    clipboard = QApplication.clipboard()
    clipboard.setText("before")
    action()
    qtbot.waitUntil(lambda: clipboard.text() != "before", timeout=30000)
    return clipboard.mimeData()


def test_ctrl_shift_c_in_the_library_copies_the_section_and_its_note(window, qtbot):
    lib = window.library
    lib.search.setText("barges")
    lib.run_search()
    hit = lib.sections.rows[0].section
    lib.list.selectionModel().setCurrentIndex(
        lib.sections.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    window.activateWindow()
    lib.list.setFocus()
    source = window.session.project.source(hit.source_id)
    para = paragraph_number(source, hit.id)
    data = _clipboard_changes(
        qtbot,
        lambda: qtbot.keyClick(
            lib.list,
            Qt.Key.Key_C,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
    )
    text = data.text()
    assert text.startswith(hit.text + "\n")
    assert re.search(rf"para\. {para}\b", text) and source.meta.title.split()[0] in text
    # The outlet in italics (Chicago capitalises its words), the address a link.
    html = data.html().casefold()
    assert data.hasHtml() and f"<i>{source.meta.publisher}</i>".casefold() in html
    assert f'<a href="{source.meta.url}">'.casefold() in html


def test_copy_from_the_brief_and_from_the_reader(window, qtbot):
    brief = window.brief
    items = brief.model.items
    row = next(n for n, item in enumerate(items) if item.kind is ItemKind.EXCERPT)
    section = window.session.project.section(items[row].section_id)
    brief.view.selectionModel().setCurrentIndex(
        brief.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    brief.view.setFocus()
    data = _clipboard_changes(qtbot, window.commands.copy_cited.trigger)
    assert data.text().startswith(section.text)

    # In the reader, the words selected, cited at the paragraph they are in.
    reader = window.reader
    source = window.session.project.source(section.source_id)
    reader.show_source(source.id)
    paragraphs = [s for s in source.sections if paragraph_number(source, s.id)]
    target = paragraphs[1]
    document = reader.browser.document()
    found = document.find(target.text[:40])
    assert not found.isNull()
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart())
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 25)
    reader.browser.setTextCursor(cursor)
    reader.browser.setFocus()
    data = _clipboard_changes(qtbot, window.commands.copy_cited.trigger)
    assert data.text().startswith(target.text[:25].strip() + "\n")
    assert re.search(rf"para\. {paragraph_number(source, target.id)}\b", data.text())


def test_copy_with_nothing_selected_says_what_to_select(window, qtbot):
    window.library.list.clearSelection()
    window.library.list.setFocus()
    assert window.citing.copy_with_citation() is None
    assert "Select an excerpt first" in window.statusBar().currentMessage()


def test_import_from_url_and_a_link_dropped_on_the_window(window, qtbot, server, monkeypatch):
    """File ▸ Import from URL… (the address on the clipboard is offered) and a link dragged
    from a browser both fetch the page from the local test server and store it."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QInputDialog

    project = window.session.project
    before = len(project.sources())
    offered = []
    QApplication.clipboard().setText(f"{server}/hop/2")

    def answer(parent, title, label, echo, text):
        offered.append(text)
        return text, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    asked = []  # the demo library holds the sample page already: the import asks first
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Yes),
    )
    job = window.importer.ask_for_url()
    qtbot.waitUntil(lambda: len(project.sources()) == before + 1, timeout=30000)
    assert (
        offered == [f"{server}/hop/2"] and job is not None and asked == ["Already in the project"]
    )
    assert project.sources()[-1].meta.url == f"{server}/article"
    assert "Imported 1 of 1 page." in window.statusBar().currentMessage()

    data = QMimeData()
    data.setUrls([QUrl(f"{server}/plain")])
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: len(project.sources()) == before + 2, timeout=30000)
    assert project.sources()[-1].meta.url == f"{server}/plain"


def test_a_failed_page_is_reported_with_its_address(window, qtbot, server, monkeypatch):
    shown = []
    monkeypatch.setattr(window.importer, "show_page_problems", shown.append)
    window.importer.import_urls([f"{server}/missing"])
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert shown == [[f"{server}/missing: there is no page at this address (HTTP 404)."]]
    assert "Imported 0 of 1 page. 1 could not be imported." in window.statusBar().currentMessage()


def test_update_sources_from_references_asks_first_and_is_one_undo_step(
    window, qtbot, tmp_path, monkeypatch
):
    """File > Update Sources from References…: the matched source's changes are shown,
    the unticked one is left alone, the rest applied in one step that Undo takes back."""
    from desktop.dialogs.reference_updates import FIELD_ROLE, ReferenceUpdatesDialog

    project = window.session.project
    source = next(s for s in project.sources() if s.meta.url)
    before = project.source(source.id).meta
    bib = tmp_path / "zotero.bib"
    bib.write_text(
        "@article{x,\n title = {Sample: the port reopens},\n"
        " author = {Okafor, Amara and {Ledger Staff}},\n"
        " journaltitle = {The Ledger},\n"
        f" url = {{{source.meta.url}/?utm_source=mail}},\n}}\n",
        encoding="utf-8",
    )
    shown = {}

    def confirm(dialog):
        top = dialog.tree.topLevelItem(0)
        rows = [top.child(n) for n in range(top.childCount())]
        shown["title"] = top.text(0)
        shown["fields"] = [row.data(0, FIELD_ROLE) for row in rows]
        for row in rows:
            if row.data(0, FIELD_ROLE) == "publisher":
                row.setCheckState(0, Qt.CheckState.Unchecked)
        return True

    monkeypatch.setattr(ReferenceUpdatesDialog, "exec", confirm)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bib), ""))
    )
    window.commands.update_sources.trigger()
    qtbot.waitUntil(lambda: project.source(source.id).meta.title != before.title, timeout=30000)
    assert shown["title"] == f"{before.title} (by URL)"
    assert shown["fields"] == ["title", "authors", "publisher"]
    meta = project.source(source.id).meta
    assert meta.title == "Sample: The port reopens"  # pandoc capitalises after the colon
    assert meta.authors == ["Amara Okafor", "Ledger Staff"]
    assert meta.author_kinds["Ledger Staff"] == "organisation"
    assert meta.publisher == before.publisher  # unticked
    assert window.session.undo.undoText() == "Update 1 source from references"
    window.commands.undo.trigger()
    assert project.source(source.id).meta == before
    window.commands.redo.trigger()
    assert project.source(source.id).meta.title == "Sample: The port reopens"


def test_a_reference_file_matching_nothing_says_so(window, qtbot, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text: said.append(text))
    )
    path = tmp_path / "other.json"
    path.write_text('[{"id": "a", "URL": "https://elsewhere.example/x"}]', encoding="utf-8")
    window.citing.read_references(path)
    qtbot.waitUntil(lambda: bool(said), timeout=30000)
    assert "No source of the library matches a reference in other.json" in said[0]
