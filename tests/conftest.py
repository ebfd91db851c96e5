"""Shared fixtures: where the third-party material lives, and fresh projects."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from brief.demo import sample_files
from brief.project import Project

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEFSMITH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
BENCHMARK = SHARED / "benchmarks" / "article-extraction"
DATA = ROOT / "data"
#: The demo library's sources: one per sample file in data/.
DEMO_SOURCES = len(sample_files())


def run_cli(*args: str, **kwargs):
    """`briefsmith-cli ARGS` in a process of its own, its output captured as text."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "exporters.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def need(path: Path) -> Path:
    """Skip (saying why) when the shared material is not beside the checkout."""
    if not path.exists():
        pytest.skip(f"{path} is missing: the shared folder is not beside this checkout")
    return path


@pytest.fixture(autouse=True)
def _empty_clipboard_after() -> Iterator[None]:
    """Leave the clipboard empty after a test that filled it: Qt's offscreen clipboard
    deletes what it holds after Python has gone, and the process then dies at exit
    (SIGSEGV; xcb, Wayland, Windows and macOS hand their clipboard over instead)."""
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        widgets.QApplication.clipboard().clear()


@pytest.fixture
def poppler() -> None:
    """pdftotext and pdftoppm, which read exported PDFs back as a user's viewer does. CI
    installs them (.ci/run), so there a missing tool fails; elsewhere the test skips."""
    import shutil

    for tool in ("pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            message = f"{tool} is not installed (Debian: apt-get install poppler-utils)"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)


@pytest.fixture
def project(tmp_path: Path):
    with Project.create(tmp_path / "test.brief") as opened:
        yield opened


@pytest.fixture
def settings(tmp_path: Path):
    """The window's settings in a file of the test's own, never the user's."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, path: Path, settings):
    """The real main window on a project, shown and active (shortcuts need that on xcb
    without a window manager)."""
    from desktop.session import Session
    from desktop.window import MainWindow

    win = MainWindow(Session(Project.open(path)), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    return win


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from brief.demo import build_demo

    return build_demo(tmp_path / "demo.brief")


@pytest.fixture
def window(qtbot, demo, settings):
    """The main window on a fresh copy of the demo library."""
    win = open_window(qtbot, demo, settings)
    yield win
    win.close()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 (tests/webserver.py): never the network."""
    from tests.webserver import serve

    yield from serve()
