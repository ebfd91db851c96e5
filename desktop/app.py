"""`briefsmith [PROJECT | FILE...]`: start the window on a project, the last one, or the demo
library; with Briefsmith already running, hand the project or files to it instead."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()
log = logging.getLogger(__name__)


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="briefsmith", description="Briefsmith's window.")
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PROJECT_OR_FILE",
        help="a .brief project to open, or articles to import",
    )
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help="open the window, report the start-up time and quit (for tests)",
    )
    return parser.parse_args(list(argv))


class _Launcher:
    """Opens projects into the one window, and takes what later launches hand over."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.window: Any = None

    def open_project(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from brief.errors import BriefsmithError
        from desktop.opening import open_project
        from desktop.session import Session
        from desktop.window import MainWindow

        try:
            project = open_project(path, self.window)
        except BriefsmithError as exc:
            log.warning("cannot open %s: %s", path, exc)
            if self.window is None:  # at start-up: say it where the user started us
                print(f"briefsmith: {exc}", file=sys.stderr)
                return False
            QMessageBox.warning(self.window, "Briefsmith", str(exc))
            return False
        window = MainWindow(Session(project), self.settings, self.open_project)
        old, self.window = self.window, window
        if old is not None:
            window.setGeometry(old.geometry())
            old.close()
        window.show()
        log.info("opened %s", path)
        return True

    def handed_over(self, paths: list[Path]) -> None:
        """A later launch's arguments: a project is opened, files are imported."""
        if self.window is None:
            return
        projects = [p for p in paths if p.suffix == ".brief"]
        files = [p for p in paths if p.suffix != ".brief"]
        if projects and projects[0].resolve() != self.window.session.project.path.resolve():
            self.open_project(projects[0])
        self.window.bring_to_front()
        if files:
            self.window.import_files(files)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    from desktop.platform_check import problem

    missing = problem()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from brief.demo import ensure_demo_project
    from brief.errors import BriefsmithError
    from desktop.instance import InstanceServer, hand_over, server_name
    from desktop.logs import install_exception_hooks, setup_logging
    from desktop.style import readable_selection

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Briefsmith")
    app.setOrganizationName("Briefsmith")
    app.setDesktopFileName("briefsmith")
    settings = QSettings()
    name = server_name(settings)
    if not args.quit_after_start and hand_over(name, args.paths):
        print("briefsmith: handed over to the Briefsmith already running.")
        return 0
    log_path = setup_logging()
    install_exception_hooks(log_path)
    readable_selection(app)
    launcher = _Launcher(settings)
    projects = [p for p in args.paths if p.suffix == ".brief"]
    files = [p for p in args.paths if p.suffix != ".brief"]
    try:
        last = settings.value("last-project")
        if projects:
            path = projects[0]
        elif last and Path(str(last)).exists():
            path = Path(str(last))
        else:
            path = ensure_demo_project()
    except BriefsmithError as exc:
        print(f"briefsmith: {exc}", file=sys.stderr)
        return 1
    if not launcher.open_project(path):
        return 1
    server = None
    if not args.quit_after_start:
        server = InstanceServer(name, app)
        server.received.connect(launcher.handed_over)
    if files:
        launcher.window.import_files(files)
    if args.quit_after_start:

        def report() -> None:
            window = launcher.window
            # From the process's launch when the launcher says when that was (the benchmark).
            launched = os.environ.get("BRIEFSMITH_LAUNCHED")
            seconds = time.time() - float(launched) if launched else (time.perf_counter() - STARTED)
            print(
                f"started in {seconds:.2f} s: {window.windowTitle()} "
                f"({window.library.sources.rowCount()} sources)",
                flush=True,
            )
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
    code = int(app.exec())
    del server
    return code


if __name__ == "__main__":
    sys.exit(main())
