"""The real app on a real X server (Xvfb), driven by real key events (xdotool's XTEST).

The offscreen platform maps keys its own way and has no window system: an ambiguous
Ctrl+Shift+Z and widgets built on a worker thread went unseen there. These tests start
`briefsmith` as a user would, type at it, and read the project file to see what happened.
Needs Debian's xvfb and xdotool (CI installs them; elsewhere the tests skip, saying so).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from brief.demo import build_demo
from brief.project import Project
from tests.conftest import ROOT

SCREEN = (1366, 768)


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is not installed (Debian: apt-get install xvfb xdotool)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: a missing tool there is a broken set-up
        pytest.skip(message)
    return found


class Desktop:
    """An X server with a fresh home, and the Briefsmith processes started on it."""

    def __init__(self, tmp: Path, display: str) -> None:
        self.tmp = tmp
        self.env = dict(
            os.environ,
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            HOME=str(tmp / "home"),
            XDG_CONFIG_HOME=str(tmp / "config"),
            XDG_DATA_HOME=str(tmp / "data"),
            BRIEFSMITH_STATE=str(tmp / "state"),
        )
        self.env.pop("WAYLAND_DISPLAY", None)
        self.apps: list[subprocess.Popen[bytes]] = []

    def launch(self, *args: str) -> subprocess.Popen[bytes]:
        log = (self.tmp / f"app{len(self.apps)}.log").open("wb")
        app = subprocess.Popen(
            [sys.executable, "-m", "desktop.app", *args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.apps.append(app)
        return app

    def log(self) -> str:
        path = self.tmp / "state" / "briefsmith.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def output(self, n: int = 0) -> str:
        return (self.tmp / f"app{n}.log").read_text(errors="replace")

    def xdotool(self, *args: str, timeout: float = 20) -> str:
        result = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        return result.stdout.strip()

    def window(self, title: str, timeout: float = 30) -> str:
        """The id of the visible window whose title contains `title`, waiting for it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.xdotool("search", "--onlyvisible", "--name", title)
            if found:
                return found.splitlines()[0]
            for app in self.apps:
                assert app.poll() in (None, 0), self.output(self.apps.index(app))
            time.sleep(0.2)
        raise AssertionError(f"no window named {title!r}:\n{self.output()}")

    def gone(self, title: str, timeout: float = 20) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.xdotool("search", "--onlyvisible", "--name", title):
                return True
            time.sleep(0.2)
        return False

    def keys(self, window: str, *keys: str) -> None:
        """Focus the window, then type: XTEST events, as from a keyboard."""
        self.xdotool("windowfocus", "--sync", window)
        for key in keys:
            self.xdotool("key", "--clearmodifiers", key)
            time.sleep(0.25)

    def close(self) -> None:
        for app in self.apps:
            if app.poll() is None:
                app.send_signal(signal.SIGTERM)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    app.wait(10)
            if app.poll() is None:
                app.kill()
                app.wait()


@pytest.fixture
def desktop(tmp_path) -> Iterator[Desktop]:
    xvfb = _need("Xvfb")
    _need("xdotool")
    for number in range(90, 140):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            break
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.1)
    desk = Desktop(tmp_path, f":{number}")
    try:
        yield desk
    finally:
        desk.close()
        server.terminate()
        server.wait(10)


def _items(path: Path) -> list[str]:
    with Project.open(path, readonly=True) as project:
        return [i.text for b in project.briefs() for i in b.items if i.text]


def _briefs(path: Path) -> list[tuple[int, str]]:
    with Project.open(path, readonly=True) as project:
        return [(b.id or 0, b.title) for b in project.briefs()]


def _wait_for(check, timeout: float = 15, message=lambda: "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out {message()}"
        time.sleep(0.2)


def test_undo_and_redo_keys(desktop, tmp_path):
    path = build_demo(tmp_path / "keys.brief")
    desktop.launch(str(path))
    window = desktop.window("keys — Briefsmith")
    before = _items(path)
    desktop.keys(window, "ctrl+shift+h")  # add a heading; it opens for editing
    desktop.keys(window, "Return")
    _wait_for(lambda: "New heading" in _items(path))
    desktop.keys(window, "ctrl+z")
    _wait_for(lambda: _items(path) == before)
    desktop.keys(window, "ctrl+shift+z")
    _wait_for(lambda: "New heading" in _items(path))
    desktop.keys(window, "ctrl+z")
    _wait_for(lambda: _items(path) == before)
    desktop.keys(window, "ctrl+y")
    _wait_for(lambda: "New heading" in _items(path))
    assert "Ambiguous shortcut" not in desktop.output()


def test_delete_the_only_brief_then_undo(desktop, tmp_path):
    path = build_demo(tmp_path / "only.brief")
    (only,) = _briefs(path)
    desktop.launch(str(path))
    window = desktop.window("only — Briefsmith")
    desktop.keys(window, "alt+b", "b")  # Brief ▸ Delete Brief…
    question = desktop.window("Delete brief")
    desktop.keys(question, "Return")  # Yes
    _wait_for(lambda: [t for _, t in _briefs(path)] == ["Untitled brief"])
    desktop.keys(window, "ctrl+z")
    _wait_for(lambda: _briefs(path) == [only], message=lambda: f"{_briefs(path)}\n{desktop.log()}")
    assert desktop.apps[0].poll() is None, desktop.output()
    assert "IntegrityError" not in desktop.output()


def test_a_second_launch_raises_the_window_and_opens_its_file(desktop, tmp_path):
    first = build_demo(tmp_path / "first.brief")
    second = build_demo(tmp_path / "second.brief")
    desktop.launch(str(first))
    desktop.window("first — Briefsmith")
    later = desktop.launch(str(second))
    assert later.wait(30) == 0
    assert "handed over" in desktop.output(1)
    window = desktop.window("second — Briefsmith")
    assert desktop.gone("first — Briefsmith")
    # The raised window has the keyboard: keys typed now (no xdotool focusing) reach it.
    time.sleep(0.5)
    desktop.xdotool("key", "--clearmodifiers", "ctrl+shift+h")
    time.sleep(0.3)
    desktop.xdotool("key", "Return")
    _wait_for(lambda: "New heading" in _items(second), message=desktop.log)
    assert "New heading" not in _items(first)
    assert desktop.apps[0].poll() is None and window


def test_importing_good_and_unreadable_files_warns_and_does_not_crash(desktop, tmp_path):
    path = build_demo(tmp_path / "import.brief")
    good = tmp_path / "good.txt"
    good.write_text(
        "Sample: the bridge reopens\n\nThe old bridge reopened to traffic on Tuesday after "
        "eight months of repairs, the roads office said in a statement.\n\nDrivers said the "
        "detour through the valley had added forty minutes to every trip.\n"
    )
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4 this is not text")
    desktop.launch(str(path))
    desktop.window("import — Briefsmith")
    assert desktop.launch(str(good), str(bad)).wait(30) == 0
    warning = desktop.window("Some files were not imported")
    desktop.keys(warning, "Return")
    assert desktop.gone("Some files were not imported")
    with Project.open(path, readonly=True) as project:
        assert "Sample: the bridge reopens" in [s.title for s in project.sources()]
    assert desktop.apps[0].poll() is None, desktop.output()
    assert "different thread" not in desktop.output()


def test_the_first_launch_fits_a_1366_by_768_screen(desktop):
    desktop.launch()  # a fresh home: the demo library
    window = desktop.window("Demo library — Briefsmith")
    geometry = desktop.xdotool("getwindowgeometry", "--shell", window)
    values = dict(line.split("=") for line in geometry.splitlines())
    x, y, width, height = (int(values[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
    assert x >= 0 and x + width <= SCREEN[0]
    assert y >= 0 and y + height <= SCREEN[1]  # the status bar, at the bottom, is on screen
    assert width >= 1000 and height >= 600


_COPIER = """
import select
import sys
from PySide6.QtCore import QItemSelectionModel, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from brief.project import Project
from desktop.session import Session
from desktop.window import MainWindow

app = QApplication(sys.argv)
window = MainWindow(Session(Project.open(sys.argv[1])), QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
library = window.library
library.search.setText("barges")
library.run_search()
library.list.selectionModel().setCurrentIndex(
    library.sections.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
)
library.list.setFocus()
window.commands.copy_cited.trigger()
def ready():
    if QApplication.clipboard().text().startswith(library.sections.rows[0].section.text):
        print("copied", flush=True)
        QTimer.singleShot(100, wait_for_the_test)
    else:
        QTimer.singleShot(100, ready)
def wait_for_the_test():  # the event loop runs meanwhile: it answers the other process
    if select.select([sys.stdin], [], [], 0)[0]:
        window.close()
        app.quit()
    else:
        QTimer.singleShot(100, wait_for_the_test)
QTimer.singleShot(100, ready)
sys.exit(app.exec())
"""

_READER = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
data = QApplication.clipboard().mimeData()
print(repr((data.text(), data.html())))
"""


def test_copy_with_citation_reaches_another_application(desktop, tmp_path):
    """On a real X server: the text and HTML Copy with Citation puts on the clipboard are
    read by another process, and the app quits cleanly while it owns the clipboard."""
    path = build_demo(tmp_path / "copy.brief")
    copier = subprocess.Popen(
        [sys.executable, "-c", _COPIER, str(path), str(tmp_path / "settings.ini")],
        cwd=ROOT,
        env=desktop.env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert copier.stdout is not None and copier.stdin is not None
        assert copier.stdout.readline().strip() == "copied"
        read = subprocess.run(
            [sys.executable, "-c", _READER],
            cwd=ROOT,
            env=desktop.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        text, html = eval(read.stdout)
        assert "barges" in text and "para." in text and "Meridian Ledger" in text
        assert "<i>The Meridian Ledger" in html
        copier.stdin.write("\n")
        copier.stdin.flush()
        assert copier.wait(30) == 0, copier.stderr.read() if copier.stderr else ""
    finally:
        if copier.poll() is None:
            copier.kill()
            copier.wait()


def _marked(path: Path) -> list[tuple[int, int]]:
    with Project.open(path, readonly=True) as project:
        return project._db.execute("SELECT a, b FROM rejected_matches").fetchall()


def test_also_reported_by_and_mark_wrong_from_the_keyboard(desktop, tmp_path):
    """Ctrl+Shift+R opens the panel on the brief's first excerpt (none is current at start)
    with its first match selected; Alt+W marks it wrong; Ctrl+Z takes the mark back."""
    path = build_demo(tmp_path / "also.brief")
    desktop.launch(str(path))
    window = desktop.window("also — Briefsmith")
    desktop.keys(window, "ctrl+shift+r")
    time.sleep(0.5)
    desktop.keys(window, "alt+w")
    _wait_for(lambda: len(_marked(path)) == 1, message=lambda: desktop.log())
    desktop.keys(window, "ctrl+z")
    _wait_for(lambda: _marked(path) == [], message=lambda: desktop.log())
    assert "Ambiguous shortcut" not in desktop.output()


def _brief_items(path: Path) -> list[tuple[int | None, tuple[int, int] | None]]:
    with Project.open(path, readonly=True) as project:
        return [(i.section_id, i.span) for i in project.briefs()[0].items]


def test_people_and_timeline_add_to_the_brief_from_the_keyboard(desktop, tmp_path):
    """Ctrl+Shift+P, then Alt+Q adds the first speaker's first quote as an excerpt of its
    words; Ctrl+Shift+T, then Alt+N adds the first event's paragraph; Ctrl+Z undoes each."""
    path = build_demo(tmp_path / "panels.brief")
    before = _brief_items(path)
    desktop.launch(str(path))
    window = desktop.window("panels — Briefsmith")
    desktop.keys(window, "ctrl+shift+p")
    time.sleep(0.5)
    desktop.keys(window, "alt+q")
    _wait_for(lambda: len(_brief_items(path)) == len(before) + 1, message=lambda: desktop.log())
    (added,) = [i for i in _brief_items(path) if i not in before]
    assert added[1] is not None  # the quote's words, not its whole paragraph
    desktop.keys(window, "ctrl+z")
    _wait_for(lambda: _brief_items(path) == before, message=lambda: desktop.log())
    desktop.keys(window, "ctrl+shift+t")
    time.sleep(0.5)
    desktop.keys(window, "alt+n")
    _wait_for(lambda: len(_brief_items(path)) == len(before) + 1, message=lambda: desktop.log())
    (added,) = [i for i in _brief_items(path) if i not in before]
    assert added[1] is None  # an event adds its paragraph
    assert "Ambiguous shortcut" not in desktop.output()
