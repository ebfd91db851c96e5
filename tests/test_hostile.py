"""Hostile files end in one clear message each, at once, through the CLI and the window's
import path; the other files of the same import go on. The corpus is made by tests/hostile.py."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from brief.atomic import write_atomically
from brief.errors import ArticleImportError, ProjectError
from brief.ingest.files import read_file
from brief.project import Project
from tests.conftest import ROOT, run_cli
from tests.hostile import write_corpus, zip_bomb_docx

REFUSED = {
    "malformed.docx": "damaged",
    "entity-bomb.docx": "damaged",
    "deep.docx": "damaged",
    "zip-bomb.docx": "unpacks to",
    "not-a-zip.docx": "",
    "fifo.txt": "named pipe",
    "zero.txt": "device",
    "loop.txt": "loop",
}
IMPORTED = {"good.txt", "good.docx", "utf16-no-bom.txt", "latin1-name"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("hostile") / "corpus")


def test_each_hostile_file_is_refused_at_once_with_its_name(corpus):
    for name, reason in REFUSED.items():
        if name not in corpus:
            continue
        started = time.perf_counter()
        with pytest.raises(ArticleImportError) as caught:
            read_file(corpus[name])
        assert time.perf_counter() - started < 1.0, name
        assert str(caught.value).startswith(corpus[name].name), caught.value
        assert reason in str(caught.value), caught.value


def test_what_is_readable_is_read(corpus):
    assert read_file(corpus["utf16-no-bom.txt"]).title == "Sample: the utf-16 ferry returns"
    if "latin1-name" in corpus:
        article = read_file(corpus["latin1-name"])
        assert article.title == "Sample: the latin-1 named ferry returns"
        assert article.file_name == "caf\ufffd-latin1.txt"  # shown and stored, not a crash


def test_the_zip_bomb_costs_under_a_second_and_100_mb(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(zip_bomb_docx())
    assert bomb.stat().st_size < 1024 * 1024
    # VmHWM, the process's own peak: getrusage's maxrss survives exec, and would count the
    # test runner's memory that the child was forked from.
    code = (
        "import sys, time\n"
        "from brief.ingest.files import read_file\n"
        "started = time.perf_counter()\n"
        "try:\n    read_file(sys.argv[1])\nexcept Exception as exc:\n    print(exc)\n"
        "print(time.perf_counter() - started)\n"
        "status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
        "print(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(bomb)], cwd=ROOT, capture_output=True, text=True
    )
    message, seconds, peak_kb = result.stdout.strip().splitlines()
    assert "unpacks to 198 MB" in message
    assert float(seconds) < 1.0 and int(peak_kb) < 100 * 1024


def test_the_cli_imports_the_good_files_and_names_each_bad_one(corpus, tmp_path):
    project = tmp_path / "p.brief"
    result = run_cli("import", str(project), str(corpus["good.txt"].parent))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for name in REFUSED:
        if name in corpus:
            assert corpus[name].name in result.stderr, name
    with Project.open(project, readonly=True) as opened:
        titles = {s.title for s in opened.sources()}
    assert "Sample: the utf-16 ferry returns" in titles
    assert len(titles) >= 3  # good.txt and good.docx (one text), UTF-16, the Latin-1 name


def test_a_pipe_named_like_a_project_is_refused_at_once(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "x.brief"
    os.mkfifo(fifo)
    started = time.perf_counter()
    for readonly in (False, True):
        with pytest.raises(ProjectError, match="not a file"):
            Project.open(fifo, readonly=readonly)
    assert time.perf_counter() - started < 1.0


def test_a_killed_exports_leftover_is_cleaned_by_the_next_export(tmp_path):
    target = tmp_path / "brief.pdf"
    leftover = tmp_path / ".brief.pdf.k1ll3d.part"
    leftover.write_bytes(b"half a PDF")  # its writer is gone: nobody holds its lock
    write_atomically(target, lambda handle: handle.write(b"%PDF-1.7 whole"))
    assert target.read_bytes() == b"%PDF-1.7 whole"
    assert not leftover.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_the_window_import_names_each_refused_file(corpus, qtbot, tmp_path, settings):
    pytest.importorskip("PySide6")
    from tests.conftest import open_window

    path = tmp_path / "w.brief"
    Project.create(path).close()
    window = open_window(qtbot, path, settings)
    problems: list[list[str]] = []
    window.importer.show_problems = problems.append
    window.importer.ask_about_duplicates = lambda repeats: False  # good.txt = good.docx
    files = sorted(p for p in corpus["good.txt"].parent.iterdir() if p.name != "loop2.txt")
    with qtbot.waitSignal(window.importer.done, timeout=60000):
        window.import_files(files)
    listed = "\n".join(problems[0])
    for name in REFUSED:
        if name in corpus:
            assert corpus[name].name in listed, name
    message = window.statusBar().currentMessage()
    refused = sum(1 for n in REFUSED if n in corpus)
    assert f"{refused} could not be imported" in message, message
    titles = {r.title for r in window.session.project.source_rows()}
    assert "Sample: the utf-16 ferry returns" in titles, (titles, listed)
    assert len(titles) >= 3, (titles, listed)
    window.close()


def test_a_file_over_its_time_budget_is_stopped(tmp_path):
    from brief.isolated import IsolatedReader
    from tests.hostile import slow_text, variant

    slow = tmp_path / "slow.txt"
    slow.write_text(slow_text())  # seconds of reading
    good = tmp_path / "good.txt"
    good.write_text(variant("quick"))
    with IsolatedReader(time_budget=0.5) as reader:
        started = time.perf_counter()
        with pytest.raises(ArticleImportError, match=r"slow\.txt: reading it took longer than"):
            reader.read(slow)
        assert time.perf_counter() - started < 2.0
        assert reader.read(good).title == "Sample: the quick ferry returns"  # a new child


def test_cancel_stops_an_import_within_a_second_mid_file(qtbot, tmp_path, settings):
    pytest.importorskip("PySide6")
    from tests.conftest import open_window
    from tests.hostile import slow_text

    path = tmp_path / "c.brief"
    Project.create(path).close()
    window = open_window(qtbot, path, settings)
    big = tmp_path / "big.txt"
    big.write_text(slow_text())  # seconds of reading, in one file
    job = window.import_files([big, big.with_name("after.txt")])
    qtbot.wait(1500)  # the child has started and is inside the big file
    run = window.importer.runs[0]
    started = time.perf_counter()
    run.dialog.canceled.emit()  # what its Cancel button does
    qtbot.waitUntil(lambda: not window.importer.runs, timeout=5000)
    assert time.perf_counter() - started < 1.0
    assert job.cancelled and window.session.project.source_count() == 0
    assert "Import cancelled" in window.statusBar().currentMessage()
    window.close()


def test_a_full_disk_during_a_window_import_is_said_and_stores_nothing(
    qtbot, tmp_path, settings, monkeypatch
):
    """SQLite's page limit stands for a full disk: its writes fail as they would on one."""
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import open_window
    from tests.hostile import variant

    path = tmp_path / "full.brief"
    Project.create(path).close()
    window = open_window(qtbot, path, settings)
    project = window.session.project
    pages = project._db.execute("PRAGMA page_count").fetchone()[0]
    project._db.execute(f"PRAGMA max_page_count = {pages + 2}")
    files = []
    for n in range(30):
        files.append(tmp_path / f"a{n}.txt")
        files[-1].write_text(variant(f"full {n} " + "words " * 300))
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text))
    )
    with qtbot.waitSignal(window.importer.done, timeout=60000):
        window.import_files(files)
    assert len(warned) == 1 and "no space left" in warned[0], warned
    assert "30 articles could not be stored" in warned[0]
    assert project.source_count() == 0 and window.session.undo.count() == 0
    assert project._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    window.close()
