"""`briefsmith [PROJECT]`: start the window on a project, the last one, or the demo library."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

STARTED = time.perf_counter()


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="briefsmith", description="Briefsmith's window.")
    parser.add_argument("project", nargs="?", type=Path, help="a .brief project to open")
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help="open the window, report the start-up time and quit (for tests)",
    )
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from brief.demo import ensure_demo_project
    from brief.errors import BriefsmithError
    from brief.project import Project
    from desktop.session import Session
    from desktop.window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Briefsmith")
    app.setOrganizationName("Briefsmith")
    app.setDesktopFileName("briefsmith")
    settings = QSettings()
    windows: list[MainWindow] = []

    def open_project(path: Path) -> bool:
        try:
            project = Project.open(path)
        except BriefsmithError as exc:
            if not windows:  # at start-up: say it where the user started us
                print(f"briefsmith: {exc}", file=sys.stderr)
                return False
            QMessageBox.warning(windows[-1], "Briefsmith", str(exc))
            return False
        window = MainWindow(Session(project), settings, open_project)
        if windows:
            old = windows.pop()
            window.setGeometry(old.geometry())
            old.close()
        windows.append(window)
        window.show()
        return True

    try:
        last = settings.value("last-project")
        if args.project is not None:
            path = args.project
        elif last and Path(str(last)).exists():
            path = Path(str(last))
        else:
            path = ensure_demo_project()
    except BriefsmithError as exc:
        print(f"briefsmith: {exc}", file=sys.stderr)
        return 1
    if not open_project(path):
        return 1
    if args.quit_after_start:

        def report() -> None:
            window = windows[-1]
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
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
