"""Importing through the window: reports reach the UI thread, duplicates are asked about,
and edits made while 300 files import are each applied or refused, never half-applied."""

from __future__ import annotations

import random
import re

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import QObject, QThread, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from brief.model import ItemKind
from brief.project import Project
from tests.conftest import DEMO_SOURCES, open_window


def sample(n: int) -> str:
    """A small article written for these tests."""
    return (
        f"Sample {n}: the ferry timetable changes again\n\n"
        f"The harbour office published timetable number {n} on Monday, moving the first "
        "crossing half an hour earlier for the summer months.\n\n"
        f"Commuters on route {n} said the change would help those who start work at seven, "
        "though the evening boats still leave before the late shifts end.\n"
    )


def test_reports_reach_slots_on_the_ui_thread(window, qtbot, tmp_path, monkeypatch):
    files = []
    for n in range(3):
        files.append(tmp_path / f"a{n}.txt")
        files[-1].write_text(sample(n))
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"%PDF-1.4 not really")
    threads = []
    warnings = []
    original = window.importer.finish

    def finish(run):
        threads.append(QThread.currentThread())
        original(run)

    monkeypatch.setattr(window.importer, "finish", finish)
    monkeypatch.setattr(window.importer, "show_problems", warnings.append)
    count = window.session.project.source_count()
    with qtbot.waitSignal(window.importer.done, timeout=30000):
        window.import_files([*files, bad])
    assert threads == [QApplication.instance().thread()]
    assert window.session.project.source_count() == count + 3
    assert "broken.txt" in warnings[0][0] and "PDF" in warnings[0][0]
    assert "Imported 3 of 4 files. 1 could not be imported." in window.statusBar().currentMessage()
    assert window.session.undo.undoText() == "Import 3 articles"


def test_the_same_article_twice_is_asked_about(window, qtbot, tmp_path, monkeypatch):
    """Same text in a differently laid-out file, and a byte copy, are both recognised."""
    first = tmp_path / "first.txt"
    first.write_text(sample(7))
    with qtbot.waitSignal(window.importer.done, timeout=30000):
        window.import_files([first])
    count = window.session.project.source_count()
    relaid = tmp_path / "again.txt"
    relaid.write_text(sample(7).replace("\n\n", "\r\n\r\n\r\n"))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(first.read_bytes())
    asked = []
    monkeypatch.setattr(
        window.importer, "ask_about_duplicates", lambda repeats: asked.append(repeats) or False
    )
    with qtbot.waitSignal(window.importer.done, timeout=30000):
        window.import_files([relaid, copy])
    assert [len(a) for a in asked] == [2]
    assert window.session.project.source_count() == count
    assert "2 already in the project, skipped" in window.statusBar().currentMessage()
    monkeypatch.setattr(window.importer, "ask_about_duplicates", lambda repeats: True)
    with qtbot.waitSignal(window.importer.done, timeout=30000):
        window.import_files([relaid])
    assert window.session.project.source_count() == count + 1


def test_300_files_import_while_the_brief_is_edited(window, qtbot, tmp_path, monkeypatch):
    """Edits every few milliseconds during a long import: every article is stored, every
    edit is applied or refused (and then visibly), and the file stays sound."""
    # Files are read in a child process: the window's thread is free to take edits.
    folder = tmp_path / "many"
    folder.mkdir()
    paths = []
    for n in range(300):
        paths.append(folder / f"s{n:03}.txt")
        paths[-1].write_text(sample(1000 + n))
    session, editor = window.session, window.session.editor
    refused: list[str] = []
    editor.refused.connect(refused.append)
    brief = session.brief_id
    sections = [s.id for s in session.project.sections()]
    rng = random.Random(7)
    applied: list[str] = []

    def edit() -> None:
        items = [i.id for i in session.project.brief(brief).items]
        choice = rng.randrange(5)
        if choice == 0:
            done = bool(editor.add_excerpts(brief, [rng.choice(sections)], rng.randrange(10)))
        elif choice == 1:
            done = bool(editor.add_text(brief, ItemKind.NOTE, f"note {len(applied)}", 0))
        elif choice == 2 and items:
            done = editor.move(brief, [rng.choice(items)], rng.randrange(len(items) + 1))
        elif choice == 3 and len(items) > 3:
            done = editor.remove(brief, [rng.choice(items)])
        else:
            done = bool(editor.add_excerpts(brief, [10**9], 0))  # refused by the project
        applied.append("applied" if done else "refused")

    timer = QTimer()
    timer.setInterval(3)
    timer.timeout.connect(edit)
    count = session.project.source_count()
    window.importer.show_problems = lambda problems: pytest.fail(f"problems: {problems}")
    timer.start()
    with qtbot.waitSignal(window.importer.done, timeout=120000):
        window.import_files(paths)
    timer.stop()
    print(f"{len(applied)} edits during the import, {len(refused)} refused")
    assert len(applied) >= 50  # edits really were interleaved with the import
    assert session.project.source_count() == count + 300
    assert applied.count("refused") == len(refused) > 0  # each refusal was reported
    assert all("no section" in r for r in refused)
    assert session.undo.count() == applied.count("applied") + 1  # + the import
    assert session.project._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Every step undoes cleanly, the import among them.
    while session.undo.canUndo():
        assert editor.undo()
    assert session.project.source_count() == count


def test_closing_the_window_during_an_import_stops_it(qtbot, tmp_path, demo, settings):
    path = demo
    win = open_window(qtbot, demo, settings)
    paths = []
    for n in range(200):
        paths.append(tmp_path / f"c{n}.txt")
        paths[-1].write_text(sample(n))
    job = win.import_files(paths)
    win.close()  # cancels the job and waits for its thread before closing the project
    assert job.cancelled
    assert not win.session.jobs.running()
    QApplication.processEvents()  # the job's last reports arrive after the close: ignored
    with Project.open(path, readonly=True) as project:
        assert project.source_count() == DEMO_SOURCES


def test_a_warning_box_is_built_on_the_ui_thread(window, qtbot, tmp_path, monkeypatch):
    """The message box for unreadable files is made where widgets may be made."""
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    made = []

    def warning(parent, title, text, *args):
        made.append(QThread.currentThread() is QApplication.instance().thread())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    with qtbot.waitSignal(window.importer.done, timeout=30000):
        window.import_files([bad])
    assert made == [True]


def test_a_locked_pdf_asks_for_its_password_and_imports(window, qtbot, tmp_path, monkeypatch):
    """The first password is wrong, the second right: asked twice (the second time saying
    so), typed hidden, and the document imported once."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from tests.test_pdf_import import _locked

    path = tmp_path / "locked report.pdf"
    path.write_bytes(_locked("sesame"))
    answers = ["wrong", "sesame"]
    asked = []

    def get_text(parent, title, label, echo=QLineEdit.EchoMode.Normal, *args, **kwargs):
        asked.append((label, echo, QThread.currentThread() is QApplication.instance().thread()))
        return answers.pop(0), True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    project = window.session.project
    before = project.source_count()
    window.import_files([path])
    qtbot.waitUntil(lambda: project.source_count() == before + 1, timeout=60000)
    qtbot.waitUntil(lambda: not window.importer.runs, timeout=30000)
    assert [label for label, _, _ in asked] == [
        "locked report.pdf is protected by a password. Password:",
        "The password given for locked report.pdf is not right. Password:",
    ]
    assert all(echo == QLineEdit.EchoMode.Password and ui for _, echo, ui in asked)
    source = project.sources()[-1]
    assert source.file_name == "locked report.pdf" and source.sections


class _DialogWatcher(QObject):
    """Reads the progress dialog's label each time the job reports a page."""

    def __init__(self, dialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.labels: list[str] = []
        self.on_ui_thread: list[bool] = []

    @Slot(str, int, int)
    def pages(self, name: str, done: int, total: int) -> None:
        self.on_ui_thread.append(QThread.currentThread() is QApplication.instance().thread())
        self.labels.append(self.dialog.labelText())


def test_a_long_pdf_reports_its_pages_to_the_progress_dialog(window, qtbot, tmp_path):
    from tests.pdfgen import Layout, make_pdf
    from tests.pdfgen import sample as report

    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(report(3, 120), Layout()))
    job = window.import_files([path])
    watcher = _DialogWatcher(window.importer.runs[-1].dialog)
    job.pages.connect(watcher.pages)  # after the run's own slot, on the UI thread
    with qtbot.waitSignal(window.importer.done, timeout=60000):
        pass
    assert watcher.on_ui_thread == [True] * len(watcher.labels)
    assert any(re.fullmatch(r"Reading long\.pdf: page \d+ of \d+", t) for t in watcher.labels)
    source = window.session.project.sources()[-1]
    assert source.file_name == "long.pdf"
    assert max(s.page or 0 for s in source.sections) > 5


def test_cancel_stops_a_long_pdf_mid_document(window, qtbot, tmp_path):
    """Cancel while a long report is read: the reader process is stopped at once, nothing of
    the document is stored, and the window says the import was cancelled."""
    from tests.pdfgen import Layout, make_pdf
    from tests.pdfgen import sample as report

    path = tmp_path / "very long.pdf"
    path.write_bytes(make_pdf(report(5, 2400, notes=100), Layout(running_head="Sample")))
    project = window.session.project
    before = project.source_count()
    job = window.import_files([path])
    run = window.importer.runs[-1]
    watcher = _DialogWatcher(run.dialog)
    job.pages.connect(watcher.pages)
    qtbot.waitUntil(lambda: bool(watcher.labels), timeout=60000)
    (button,) = run.dialog.findChildren(QPushButton)
    assert button.text() == "Cancel"
    with qtbot.waitSignal(window.importer.done, timeout=30000):
        button.click()
    assert job.cancelled and project.source_count() == before
    assert "Import cancelled" in window.statusBar().currentMessage()
