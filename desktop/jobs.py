"""Work off the UI thread: reading files to import, exporting, rendering the preview,
writing the library's references and reading a reference manager's, formatting citations
for the clipboard.

A job lives on a QThread of its own and reports through its signals only; the window
connects them to slots of objects living on the UI thread, so Qt queues every report there
(never a lambda or a plain function, which would run on the worker). Jobs never write to the
project: an import job reads and cleans files and the editor stores them on the UI thread;
export and preview open their own read-only connection. The session's `JobRegistry` holds
every running job, stops them all when the window closes, and lets one PDF job run at a time
(reportlab's font registry is process-wide).
"""

from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage

from brief.document import ExportOptions
from brief.errors import BriefsmithError
from brief.ingest.files import display_name
from brief.ingest.pdf import PasswordRequiredError
from brief.isolated import TIME_BUDGET, IsolatedReader, ReadCancelledError
from brief.project import Project
from brief.quoting import Quotation

log = logging.getLogger(__name__)


class CancelledError(Exception):
    """Raised inside a job when the user pressed Cancel."""


class Job(QObject):
    """A piece of work for a worker thread; see `JobRegistry.start`."""

    progress = Signal(int, int)
    failed = Signal(str)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False
        self.pdf_lock: threading.Lock | None = None  # given by the registry to PDF jobs

    @Slot()
    def run(self) -> None:
        try:
            self.work()
        except CancelledError:
            log.info("%s cancelled", type(self).__name__)
        except BriefsmithError as exc:
            log.warning("%s failed: %s", type(self).__name__, exc, exc_info=True)
            self.failed.emit(str(exc))
        except OSError as exc:
            log.warning("%s failed", type(self).__name__, exc_info=True)
            self.failed.emit(f"{exc.filename or 'A file'}: {exc.strerror or exc}")
        except Exception as exc:  # a library failed: say so instead of losing the thread
            log.exception("%s failed", type(self).__name__)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            self.finished.emit()

    def work(self) -> None:
        raise NotImplementedError

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise CancelledError
        self.progress.emit(done, total)

    def cancel(self) -> None:
        self.cancelled = True

    def hold_pdf_lock(self) -> None:
        """Wait for any other PDF job to end, giving up if this one is cancelled."""
        lock = self.pdf_lock
        if lock is None:
            return
        while not lock.acquire(timeout=0.05):
            if self.cancelled:
                raise CancelledError

    def release_pdf_lock(self) -> None:
        """Called once after each `hold_pdf_lock` that returned."""
        if self.pdf_lock is not None:
            self.pdf_lock.release()


class JobRegistry(QObject):
    """The session's running jobs, each on its own thread, kept alive until it ends."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[QThread, Job] = {}
        self._pdf_lock = threading.Lock()
        self._closed = False

    def start(self, job: Job, *, pdf: bool = False) -> Job:
        if self._closed:
            raise RuntimeError("the session is closed")
        if pdf:
            job.pdf_lock = self._pdf_lock
        thread = QThread(self)  # owned by the registry, deleted once it has finished
        job.moveToThread(thread)
        thread.started.connect(job.run)
        # Direct: quit is thread-safe, and a queued quit would wait for the UI thread, which
        # may itself be waiting for this thread (closing the window).
        job.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._thread_finished)
        self._running[thread] = job
        thread.start()
        return job

    @Slot()
    def _thread_finished(self) -> None:
        for thread in [t for t in self._running if t.isFinished()]:
            self._running.pop(thread)
            thread.deleteLater()

    def running(self) -> list[Job]:
        return [job for thread, job in self._running.items() if not thread.isFinished()]

    def wait(self, ms: int = 30_000) -> bool:
        """Wait for every running job; True if all have ended."""
        return all(thread.wait(ms) for thread in list(self._running))

    def shutdown(self, ms: int = 30_000) -> None:
        """Cancel every job and wait for the threads (the window is closing)."""
        self._closed = True
        for job in self._running.values():
            job.cancel()
        for thread in list(self._running):
            if thread.wait(ms):
                thread.deleteLater()
            else:
                log.error("a job did not stop within %d ms", ms)
        self._running.clear()


class ImportJob(Job):
    """Reads files in a child process (brief.isolated): a file over its time budget or its
    memory is stopped there, and Cancel stops the reading at once, mid-file."""

    article = Signal(object)  # brief.ingest.Article, ready to store
    problem = Signal(str)  # one file could not be imported: the message names it
    pages = Signal(str, int, int)  # a long document's reading: its name, pages read, pages
    locked = Signal(str, bool)  # a PDF needs its password (the path; whether one was wrong)

    def __init__(
        self,
        paths: list[Path],
        time_budget: float = TIME_BUDGET,
        passwords: dict[Path, str] | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.time_budget = time_budget
        self.passwords = passwords or {}
        self._reading = ""

    def work(self) -> None:
        with IsolatedReader(self.time_budget) as reader:
            for done, path in enumerate(self.paths, start=1):
                if self.cancelled:
                    raise CancelledError
                self._reading = display_name(path)
                try:
                    self.article.emit(
                        reader.read(
                            path,
                            lambda: self.cancelled,
                            password=self.passwords.get(path),
                            progress=self._pages_read,
                        )
                    )
                except ReadCancelledError as exc:
                    raise CancelledError from exc
                except PasswordRequiredError as exc:
                    self.locked.emit(str(path), exc.wrong)
                except BriefsmithError as exc:
                    self.problem.emit(str(exc))
                self.report(done, len(self.paths))

    def _pages_read(self, done: int, total: int) -> None:
        self.pages.emit(self._reading, done, total)


class PageImportJob(Job):
    """Fetches pages by their addresses and reads them (brief.ingest.web): the network is
    used here only, and only for addresses the user gave."""

    article = Signal(object)  # brief.ingest.Article, ready to store
    problem = Signal(str)  # one page could not be imported: the message names it

    def __init__(self, urls: list[str]) -> None:
        super().__init__()
        self.urls = urls

    def work(self) -> None:
        from brief.ingest.web import read_page

        for done, url in enumerate(self.urls, start=1):
            if self.cancelled:
                raise CancelledError
            try:
                self.article.emit(read_page(url))
            except BriefsmithError as exc:
                self.problem.emit(str(exc))
            self.report(done, len(self.urls))


class ExportJob(Job):
    done = Signal(str, str)  # path, warning

    def __init__(
        self, project_path: Path, brief_id: int, target: Path, fmt: str, options: ExportOptions
    ) -> None:
        super().__init__()
        self.project_path = project_path
        self.brief_id = brief_id
        self.target = target
        self.fmt = fmt
        self.options = options

    def work(self) -> None:
        from exporters.service import export_brief

        self.hold_pdf_lock()
        try:
            with Project.open(self.project_path, readonly=True) as project:
                result = export_brief(
                    project,
                    self.brief_id,
                    self.target,
                    self.fmt,  # type: ignore[arg-type]
                    self.options,
                    self.report,
                )
        finally:
            self.release_pdf_lock()
        self.done.emit(str(result.path), result.warning)


class PreviewJob(Job):
    """Export the brief to a temporary PDF and render its pages as images."""

    page = Signal(int, QImage)
    pages = Signal(int)

    def __init__(
        self, project_path: Path, brief_id: int, options: ExportOptions, scale: float = 1.2
    ) -> None:
        super().__init__()
        self.project_path = project_path
        self.brief_id = brief_id
        self.options = options
        self.scale = scale  # pixels per point

    def work(self) -> None:
        import pypdfium2

        from exporters.service import export_brief

        with tempfile.TemporaryDirectory(prefix="briefsmith-preview-") as tmp:
            target = Path(tmp) / "preview.pdf"
            self.hold_pdf_lock()
            try:
                with Project.open(self.project_path, readonly=True) as project:
                    export_brief(project, self.brief_id, target, "pdf", self.options, self.report)
            finally:
                self.release_pdf_lock()
            document = pypdfium2.PdfDocument(str(target))
            try:
                self.pages.emit(len(document))
                for number in range(len(document)):
                    if self.cancelled:
                        raise CancelledError
                    bitmap = document[number].render(scale=self.scale, rev_byteorder=True)
                    image = QImage(
                        bitmap.buffer,
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGB888
                        if bitmap.n_channels == 3
                        else QImage.Format.Format_RGBA8888,
                    ).copy()
                    self.page.emit(number, image)
            finally:
                document.close()


class ReferencesJob(Job):
    """Write the library's sources as a reference file (CSL-JSON, BibTeX or RIS)."""

    done = Signal(str, int)  # path, references written

    def __init__(self, project_path: Path, target: Path, fmt: str) -> None:
        super().__init__()
        self.project_path = project_path
        self.target = target
        self.fmt = fmt

    def work(self) -> None:
        from brief.atomic import write_text_atomically
        from brief.references import references

        with Project.open(self.project_path, readonly=True) as project:
            sources = project.sources()
        text = references(sources, self.fmt)
        if self.cancelled:
            raise CancelledError
        write_text_atomically(self.target, text)
        self.done.emit(str(self.target), len(sources))


class ReadReferencesJob(Job):
    """Read a reference manager's file (pandoc reads BibTeX and RIS) and match its
    references to the library's sources; nothing is written."""

    done = Signal(object, str)  # list[brief.reference_import.Update], the file's name

    def __init__(self, project_path: Path, source: Path) -> None:
        super().__init__()
        self.project_path = project_path
        self.source = source

    def work(self) -> None:
        from brief.reference_import import read_reference_file, updates_for

        items = read_reference_file(self.source)
        with Project.open(self.project_path, readonly=True) as project:
            updates = updates_for(project.sources(), items)
        if self.cancelled:
            raise CancelledError
        self.done.emit(updates, display_name(self.source))


class CitationJob(Job):
    """Format excerpts with their citations for the clipboard (pandoc runs off the UI thread)."""

    done = Signal(str, str)  # plain text, HTML

    def __init__(self, quotations: list[Quotation], style: str) -> None:
        super().__init__()
        self.quotations = quotations
        self.style = style

    def work(self) -> None:
        from brief.citations import load_style
        from brief.quoting import quote_with_citations

        clip = quote_with_citations(self.quotations, load_style(self.style))
        self.done.emit(clip.text, clip.html)
