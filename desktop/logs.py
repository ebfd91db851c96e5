"""Logging to a rotating file in the user's state folder, and errors shown, not swallowed.

Every package logs through `logging.getLogger(__name__)`; this module only decides where the
records go (the window's process) and installs the hooks that turn an uncaught exception
into a dialog naming the log file, instead of a window that dies silently.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)


def log_folder() -> Path:
    from platformdirs import user_state_dir

    return Path(os.environ.get("BRIEFSMITH_STATE") or user_state_dir("Briefsmith", "Briefsmith"))


def setup_logging() -> Path:
    """Send the records of every package to `briefsmith.log` (1 MB, five old files kept)."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "briefsmith.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    log.info("Briefsmith started (pid %d)", os.getpid())
    return path


def install_exception_hooks(log_path: Path) -> None:
    """Uncaught exceptions are logged and shown to the user with the log's path."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("uncaught exception", exc_info=(kind, value, tb))
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        show_error(value, tb, log_path)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread else "?"
        if args.exc_value is not None:
            log.critical("uncaught exception in thread %s", name, exc_info=args.exc_value)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def show_error(value: BaseException, tb: TracebackType | None, log_path: Path) -> None:
    """A dialog with the error, its details and where the log is (UI thread only)."""
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return  # off the UI thread no dialog may be built; the log has it
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Briefsmith: something went wrong")
    box.setText(
        f"Briefsmith met an error it did not expect:\n\n{type(value).__name__}: {value}\n\n"
        "Your work up to the last change is saved in the project. Details are in the log:\n"
        f"{log_path}"
    )
    box.setDetailedText("".join(traceback.format_exception(type(value), value, tb)))
    box.exec()
