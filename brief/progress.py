"""Importing many files with progress: used by the CLI, the window and the benchmark."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from brief.errors import ArticleImportError, DiskFullError
from brief.ingest.article import Article
from brief.ingest.files import display_name
from brief.model import Source
from brief.project import Project

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    """What happened to one file: its stored source, or the error, and how far along we are."""

    path: Path
    done: int
    total: int
    source: Source | None = None
    error: str = ""
    duplicate: bool = False


def import_files(
    project: Project, paths: Sequence[Path], read: Callable[[Path], Article]
) -> Iterator[ImportReport]:
    """Import files one by one, yielding a report after each; a bad file stops nothing.

    Each article is stored in its own transaction, so stopping the loop (Cancel) keeps what
    was imported and never leaves a half-stored source. A file whose bytes were imported
    before is not stored twice.
    """
    total = len(paths)
    stored = 0
    for done, path in enumerate(paths, start=1):
        report = ImportReport(path=path, done=done, total=total)
        try:
            report.source, report.duplicate = store_once(project, read_article(path, read))
            stored += not report.duplicate
        except ArticleImportError as exc:
            report.error = str(exc)
        except DiskFullError as exc:
            raise DiskFullError(
                f"no space left: nothing of this import after {stored} article"
                f"{'' if stored == 1 else 's'} was stored ({display_name(path)} and the files "
                f"after it were not). {exc}"
            ) from exc
        yield report


def read_article(path: Path, read: Callable[[Path], Article]) -> Article:
    """Read one file; a library failing on it, whatever it raises, becomes an error that names
    the file, so one bad file never stops an import of many."""
    try:
        return read(path)
    except ArticleImportError:
        raise
    except Exception as exc:  # the edge: any library's failure is this file's message
        log.warning("reading %s failed", path, exc_info=True)
        raise ArticleImportError(
            display_name(path), f"it could not be imported ({type(exc).__name__}: {exc})."
        ) from exc


def store_once(project: Project, article: Article) -> tuple[Source, bool]:
    """Store an article unless a file with the same bytes is already in the project.
    Returns the source and whether it was already there."""
    existing = project.find_by_hash(article.file_hash) if article.file_hash else None
    if existing is not None:
        return existing, True
    return project.add_article(article), False
