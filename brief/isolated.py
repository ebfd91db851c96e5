"""Reading files in a child process, so that no file can hold an import hostage.

A file that makes a reader run for minutes (a huge pasted page, a library's worst case) or
swallow memory is stopped in the child, not in the program: each file has a time budget and
the child a memory limit, and Cancel ends the child at once. The child is started with
`spawn` (forking a process that runs Qt's threads is unsafe) and serves files one by one.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType

from brief.errors import ArticleImportError
from brief.ingest.article import Article
from brief.ingest.files import display_name
from brief.ingest.pdf import PasswordRequiredError

log = logging.getLogger(__name__)
TIME_BUDGET = 60.0  # seconds for one file: a 20 MB page of text takes about 25
MEMORY_LIMIT = 3 * 1024**3  # bytes of address space for the child


class ReadCancelledError(Exception):
    """The user cancelled while a file was being read; the child was stopped."""


def _serve(conn: Connection, memory_limit: int) -> None:  # pragma: no cover - in the child
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    except (ImportError, ValueError, OSError):
        pass  # not POSIX, or a lower limit already: the time budget still holds
    from brief.ingest.language import detect_language

    detect_language("the reader is ready to read the first article")  # loads its model
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        path, password = request
        try:
            conn.send(("ok", _read(conn, Path(path), password)))
        except PasswordRequiredError as exc:
            conn.send(("password", (str(exc), exc.wrong)))
        except ArticleImportError as exc:
            conn.send(("error", str(exc)))
        except MemoryError:
            conn.send(("error", f"{display_name(Path(path))}: reading it needed too much memory."))


def _read(conn: Connection, path: Path, password: str | None) -> Article:  # pragma: no cover
    """Read one file in the child, telling the parent how far a long document has got (at
    most ten times a second: the pipe is not a bottleneck)."""
    from brief.ingest.files import read_file
    from brief.progress import read_article

    sent = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal sent
        now = time.monotonic()
        if now - sent > 0.1 or done == total:
            sent = now
            conn.send(("progress", (done, total)))

    return read_article(path, lambda file: read_file(file, password=password, progress=progress))


class IsolatedReader:
    """`read(path)` in a child process; use as a context manager (the child is stopped)."""

    def __init__(self, time_budget: float = TIME_BUDGET, memory_limit: int = MEMORY_LIMIT) -> None:
        self.time_budget = time_budget
        self.memory_limit = memory_limit
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self, cancelled: Callable[[], bool]) -> Connection:
        """The child, started if need be and ready (its imports done: they are not part of
        any file's time budget)."""
        if self._process is None or not self._process.is_alive() or self._conn is None:
            ours, theirs = self._context.Pipe()
            self._process = self._context.Process(
                target=_serve, args=(theirs, self.memory_limit), daemon=True
            )
            self._process.start()
            theirs.close()
            self._conn = ours
            started = time.monotonic()
            while not ours.poll(0.05):
                if cancelled():
                    self.stop()
                    raise ReadCancelledError
                if not self._process.is_alive() or time.monotonic() - started > 120:
                    self.stop()
                    raise ArticleImportError(None, "the file reader could not be started.")
            ours.recv()  # ("ready", None)
        return self._conn

    def read(
        self,
        path: Path,
        cancelled: Callable[[], bool] = lambda: False,
        *,
        password: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Article:
        """The article in `path`; ArticleImportError if it cannot be read (or takes too
        long), PasswordRequiredError if it is a PDF locked by a password (`password` opens
        it), ReadCancelledError if `cancelled()` turns true meanwhile. `progress(done,
        total)` hears how far the reading of a long document (a PDF's pages) has gone."""
        name = display_name(path)
        conn = self._start(cancelled)
        conn.send((str(path), password))
        started = time.monotonic()
        while True:
            while not conn.poll(0.05):
                if cancelled():
                    self.stop()
                    raise ReadCancelledError
                if time.monotonic() - started > self.time_budget:
                    self.stop()
                    raise ArticleImportError(
                        name,
                        f"reading it took longer than {self.time_budget:.0f} s; it was stopped.",
                    )
                if self._process is not None and not self._process.is_alive():
                    self.stop()
                    raise ArticleImportError(
                        name, "reading it made the reader fail; it was stopped."
                    )
            try:
                kind, value = conn.recv()
            except (EOFError, OSError) as exc:
                self.stop()
                raise ArticleImportError(
                    name, "reading it made the reader fail (out of memory?); it was stopped."
                ) from exc
            if kind != "progress":
                break
            if progress is not None:
                progress(*value)
        if kind == "password":
            raise PasswordRequiredError(name, wrong=value[1])
        if kind == "error":
            raise ArticleImportError(None, value)
        return value

    def stop(self) -> None:
        """End the child now (Cancel, a file over its budget, the end of the import)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
            self._process = None

    def __enter__(self) -> IsolatedReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
