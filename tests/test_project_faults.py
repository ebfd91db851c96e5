"""The project file at its edges: racing creators, foreign files that look like projects,
readers that leave nothing behind, read-only places."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from brief.demo import build_demo
from brief.errors import NotAProjectError, ReadOnlyProjectError
from brief.project import Project
from brief.schema import APPLICATION_ID
from tests.conftest import DEMO_SOURCES, ROOT, run_cli
from tests.hostile import variant


def test_two_first_imports_racing_into_a_new_project(tmp_path):
    """One creates the project; the other imports too, or is told it is open elsewhere:
    never that the project is not a Briefsmith project."""
    articles = []
    for n in range(2):
        articles.append(tmp_path / f"a{n}.txt")
        articles[-1].write_text(variant(f"race {n}"))
    outcomes = []
    for run in range(30):
        project = tmp_path / f"race{run}.brief"
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "exporters.cli", "import", "--quiet", str(project), str(a)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for a in articles
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert "not a Briefsmith project" not in err, err
            assert proc.returncode == 0 or "already open" in err, err
            outcomes.append(proc.returncode)
        with Project.open(project, readonly=True) as opened:
            assert opened.source_count() == sum(1 for p in procs if p.returncode == 0)
    assert outcomes.count(0) >= 30  # every run made its project


def test_a_foreign_file_with_our_id_is_refused_unchanged(tmp_path):
    path = tmp_path / "foreign.brief"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 2")
    db.execute("CREATE TABLE notes (body TEXT)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(NotAProjectError, match="no brief_items, briefs, sections, sources table"):
        Project.open(path)
    assert path.read_bytes() == before  # not switched to WAL, nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign.brief"]


def test_readers_leave_no_wal_or_shm_behind(tmp_path):
    path = build_demo(tmp_path / "p.brief")
    for _ in range(2):
        result = run_cli("sources", str(path))
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.brief"]
    with Project.open(path):  # while a writer has it, its files are left alone
        with Project.open(path, readonly=True) as reader:
            assert reader.source_count() == DEMO_SOURCES
        assert (tmp_path / "p.brief-wal").exists()


def test_a_project_in_a_read_only_place(tmp_path, monkeypatch):
    """Reading works (sources, sections, export); writing says why it cannot, and the file
    is not touched. (Tests run as root, for whom chmod forbids nothing: the check is made
    to see the place as read-only.)"""
    path = build_demo(tmp_path / "p.brief")
    before = path.read_bytes()
    real_access = os.access

    def access(target, mode, *args, **kwargs):
        if mode & os.W_OK and str(target).startswith(str(tmp_path)):
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(ReadOnlyProjectError, match="opened for reading only"):
        Project.open(path)
    with Project.open(path, readonly=True) as reader:
        assert reader.source_count() == DEMO_SOURCES
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.brief"]


def test_disk_full_during_an_import_says_so_and_keeps_the_project(tmp_path):
    """RLIMIT_FSIZE stands for a full disk: writes past it fail as they would on one."""
    project = tmp_path / "p.brief"
    Project.create(project).close()
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(80):
        (folder / f"a{n:02}.txt").write_text(variant(f"number {n} " + "long " * 400))
    limit = project.stat().st_size + 300_000
    # The limit is set once the language model is loaded (its loader writes beyond it).
    code = (
        "import resource, signal, sys\n"
        "from brief.ingest.language import detect_language\n"
        "detect_language('the ferry returns to the estuary after a winter of repairs')\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a kill\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "from exporters.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "import", "--quiet", str(project), str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no space left: nothing of this import after" in result.stderr, result.stderr
    stored = int(result.stderr.split("after ")[1].split(" article")[0])
    assert 0 < stored < 80
    with Project.open(project) as opened:
        assert opened.source_count() == stored
        assert opened._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _damage(path) -> None:
    """Overwrite the root page of the sections table with noise, as a bad sector would."""
    with sqlite3.connect(path) as db:
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sections'").fetchone()[
            0
        ]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(bytes(range(256)) * (size // 256))


def test_a_damaged_project_is_reported_and_recovered(tmp_path):
    path = build_demo(tmp_path / "p.brief")
    _damage(path)
    for command in (["sources", str(path)], ["sections", str(path)]):
        result = run_cli(*command)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "the project file is damaged" in result.stderr
        assert "briefsmith-cli recover" in result.stderr
    text = tmp_path / "new.txt"
    text.write_text(variant("after the damage"))
    result = run_cli("import", str(path), str(text))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "damaged" in result.stderr
    recovered = tmp_path / "recovered.brief"
    result = run_cli("recover", str(path), str(recovered))
    assert result.returncode == 0, result.stderr
    assert f"recovered {DEMO_SOURCES} sources" in result.stdout
    with Project.open(recovered) as project:
        sources = project.sources()
        assert len(sources) == DEMO_SOURCES and all(s.sections for s in sources)
        assert [b.title for b in project.briefs()] == ["Rivers, grain and power: a sample brief"]
        assert project._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(project.search("harvest")) > 0


def test_the_window_offers_recovery_and_reading_only(qtbot, tmp_path, settings, monkeypatch):
    """What the CLI says, the window asks: recover a damaged project into a new file; open
    one in a read-only place for reading, with edits refused and said so."""
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import _Launcher

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(
            lambda parent, title, text, *a: asked.append(title) or QMessageBox.StandardButton.Yes
        ),
    )
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    damaged = build_demo(tmp_path / "damaged.brief")
    _damage(damaged)
    launcher = _Launcher(settings)
    assert launcher.open_project(damaged)
    window = launcher.window
    qtbot.addWidget(window)
    assert asked == ["Damaged project"]
    assert window.session.project.path.name == "damaged (recovered).brief"
    assert window.library.sources.rowCount() == DEMO_SOURCES
    window.close()

    place = tmp_path / "readonly"
    place.mkdir()
    path = build_demo(place / "shared.brief")
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda target, mode, *a, **k: (
            False
            if mode & os.W_OK and str(target).startswith(str(place))
            else real_access(target, mode, *a, **k)
        ),
    )
    assert launcher.open_project(path)
    window = launcher.window
    qtbot.addWidget(window)
    assert asked[-1] == "Read-only project"
    assert "(read-only)" in window.windowTitle()
    refused: list[str] = []
    window.session.editor.refused.connect(refused.append)
    window.brief.add_heading()
    assert refused and "reading only" in refused[0]
    assert "Not done" in window.statusBar().currentMessage()
    window.close()


def test_a_project_on_a_read_only_mount_through_the_cli(tmp_path):
    """A real read-only file system (a tmpfs remounted read-only; needs root, else skipped):
    sources and export read it, import says why it cannot write."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a file system here (not root)")
    try:
        path = mount / "shared.brief"
        shutil.copy(build_demo(tmp_path / "demo.brief"), path)
        assert subprocess.run(["mount", "-o", "remount,ro", str(mount)]).returncode == 0
        sources = run_cli("sources", str(path))
        assert sources.returncode == 0, sources.stderr
        assert len(sources.stdout.splitlines()) == DEMO_SOURCES
        out = tmp_path / "brief.docx"
        export = run_cli("export", str(path), "1", "--format", "docx", "-o", str(out))
        assert export.returncode == 0 and out.exists(), export.stderr
        text = tmp_path / "new.txt"
        text.write_text(variant("read-only"))
        refused = run_cli("import", str(path), str(text))
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "cannot write to; it can be opened for reading only" in refused.stderr
        assert sorted(p.name for p in mount.iterdir()) == ["shared.brief"]
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_a_project_another_process_locks_as_it_is_made_is_left_to_it(tmp_path, monkeypatch):
    """Between making the file and locking it, another process opening the same name may
    take the lock: the file is that process's project then, and is not deleted under it
    (it was, and the other process's SQLite met a vanished file: 'disk I/O error')."""
    import brief.project as project_module
    from brief.errors import ProjectLockedError

    path = tmp_path / "raced.brief"

    def taken(path_, handle):
        handle.close()
        raise ProjectLockedError(f"{path_}: the project is already open elsewhere.")

    monkeypatch.setattr(project_module, "lock_handle", taken)
    with pytest.raises(ProjectLockedError):
        Project.create(path)
    assert path.exists()
