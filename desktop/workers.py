"""Work off the UI thread: reading files to import, exporting, rendering the preview.

Workers never write to the project: an import worker reads and cleans files and hands the
articles to the window, which stores them (a millisecond each) on its own thread; export
and preview open their own read-only connection to the project.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from brief.document import ExportOptions
from brief.errors import BriefsmithError
from brief.ingest.files import read_file
from brief.progress import read_article
from brief.project import Project


class CancelledError(Exception):
    """Raised inside a job's progress callback when the user pressed Cancel."""


class Job(QObject):
    """A job run on its own QThread; `start` keeps both alive until it ends."""

    progress = Signal(int, int)
    failed = Signal(str)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False
        self._thread: QThread | None = None

    def run(self) -> None:
        try:
            self.work()
        except CancelledError:
            pass
        except BriefsmithError as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            self.failed.emit(f"{exc.filename or 'A file'}: {exc.strerror or exc}")
        except Exception as exc:  # a library failed: say so instead of losing the thread
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            self.finished.emit()

    def work(self) -> None:
        raise NotImplementedError

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise CancelledError
        self.progress.emit(done, total)

    def start(self) -> None:
        self._thread = QThread()
        self.moveToThread(self._thread)
        self._thread.started.connect(self.run)
        self.finished.connect(self._thread.quit)
        self._thread.start()

    def running(self) -> bool:
        return self._thread is not None and not self._thread.isFinished()

    def wait(self, ms: int = 30_000) -> bool:
        return self._thread.wait(ms) if self._thread is not None else True


class ImportJob(Job):
    article = Signal(object)  # brief.ingest.Article, ready to store
    problem = Signal(str)  # one file could not be imported: the message names it

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths

    def work(self) -> None:
        for done, path in enumerate(self.paths, start=1):
            if self.cancelled:
                raise CancelledError
            try:
                self.article.emit(read_article(path, read_file))
            except BriefsmithError as exc:
                self.problem.emit(str(exc))
            self.report(done, len(self.paths))


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

        with Project.open(self.project_path, readonly=True) as project:
            result = export_brief(
                project,
                self.brief_id,
                self.target,
                self.fmt,  # type: ignore[arg-type]
                self.options,
                self.report,
            )
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
        self.scale = scale

    def work(self) -> None:
        import pypdfium2

        from exporters.service import export_brief

        with tempfile.TemporaryDirectory(prefix="briefsmith-preview-") as tmp:
            target = Path(tmp) / "preview.pdf"
            with Project.open(self.project_path, readonly=True) as project:
                export_brief(project, self.brief_id, target, "pdf", self.options, self.report)
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


def keep(owner: Any, job: Job) -> Job:
    """Hold a reference to a job on `owner` while it may run; finished ones are let go
    the next time (never from the worker's own thread, which may still be unwinding)."""
    jobs: list[Job] = owner.__dict__.setdefault("_jobs", [])
    jobs[:] = [j for j in jobs if j.running()]
    jobs.append(job)
    return job
