"""Background jobs: one PDF job at a time, tracebacks logged, errors shown with the log."""

from __future__ import annotations

import itertools
import logging
import os
import threading
import time

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMessageBox

from desktop.jobs import Job, JobRegistry
from desktop.logs import install_exception_hooks


class _Sleeper(Job):
    def __init__(self, spans: list[tuple[float, float]]) -> None:
        super().__init__()
        self.spans = spans

    def work(self) -> None:
        self.hold_pdf_lock()
        try:
            start = time.perf_counter()
            time.sleep(0.15)
            self.spans.append((start, time.perf_counter()))
        finally:
            self.release_pdf_lock()


class _Broken(Job):
    def work(self) -> None:
        raise KeyError("a library failed")


class _Receiver(QObject):
    """Lives on the UI thread: the jobs' signals reach it queued (a plain function, as
    qtbot.waitSignal connects, would run on the worker and trip Qt's thread checks)."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[bool] = []
        self.failures: list[str] = []
        self.ended = 0

    @Slot()
    def finished(self) -> None:
        self.ended += 1

    @Slot(str)
    def failed(self, message: str) -> None:
        self.threads.append(threading.current_thread() is threading.main_thread())
        self.failures.append(message)


def test_pdf_jobs_run_one_at_a_time(qtbot):
    registry = JobRegistry()
    receiver = _Receiver()
    spans: list[tuple[float, float]] = []
    for _ in range(3):
        job = _Sleeper(spans)
        job.finished.connect(receiver.finished)
        registry.start(job, pdf=True)
    qtbot.waitUntil(lambda: receiver.ended == 3, timeout=10000)
    spans.sort()
    assert len(spans) == 3
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # never overlapping
    registry.shutdown()


def test_a_failing_job_reports_on_the_ui_thread_and_logs_its_traceback(qtbot, caplog):
    registry = JobRegistry()
    receiver = _Receiver()
    job = _Broken()
    job.failed.connect(receiver.failed)
    job.finished.connect(receiver.finished)
    with caplog.at_level(logging.ERROR):
        registry.start(job)
        qtbot.waitUntil(lambda: receiver.ended == 1, timeout=10000)
    assert receiver.failures == ["KeyError: 'a library failed'"] and receiver.threads == [True]
    assert "Traceback" in caplog.text and "a library failed" in caplog.text
    registry.shutdown()


def test_an_uncaught_error_is_shown_with_the_log_path(qtbot, tmp_path, monkeypatch):
    import sys

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_path = tmp_path / "briefsmith.log"
    install_exception_hooks(log_path)
    try:
        raise RuntimeError("unexpected")
    except RuntimeError as exc:
        sys.excepthook(RuntimeError, exc, exc.__traceback__)
    assert "RuntimeError: unexpected" in shown[0] and str(log_path) in shown[0]


def test_a_stale_socket_is_replaced_and_a_live_one_kept(qapp, tmp_path):
    """An instance that crashed leaves its socket; the next launch takes the name over.
    A second server for a name that answers does not steal it."""
    from pathlib import Path

    from desktop.instance import InstanceServer

    name = f"briefsmith-test-{os.getpid()}"
    first = InstanceServer(name)
    socket = Path(first.server.fullServerName())
    second = InstanceServer(name)  # a racing launch: the first keeps the name
    assert first.server.isListening() and not second.server.isListening()
    first.server.close()
    socket.touch()  # what a crash leaves behind: a socket file nobody answers on
    third = InstanceServer(name)
    assert third.server.isListening()
    third.server.close()
