"""Export a brief from a project: build the document, render it, report progress.

The window and the command line call this; the renderers (`pdf`, `docx`) see only the
format-neutral document.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from brief.compose import build_document
from brief.document import ExportOptions
from brief.project import Project
from exporters.docx import export_docx
from exporters.pdf import export_pdf

log = logging.getLogger(__name__)
Format = Literal["pdf", "docx"]
Progress = Callable[[int, int], None]


@dataclass
class ExportResult:
    path: Path
    notes: int
    warning: str = ""  # e.g. characters no installed font could show


def export_brief(
    project: Project,
    brief_id: int,
    path: str | Path,
    fmt: Format,
    options: ExportOptions,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the brief as PDF or DOCX at `path`; the previous file survives any failure."""
    started = time.perf_counter()
    document = build_document(project, brief_id, options)
    if fmt == "pdf":
        written, warning = export_pdf(document, path, progress)
        result = ExportResult(written, len(document.notes), warning)
    else:
        result = ExportResult(export_docx(document, path, progress), len(document.notes))
    log.info(
        "exported brief %d as %s to %s: %d notes, %.2f s",
        brief_id,
        fmt,
        result.path,
        result.notes,
        time.perf_counter() - started,
    )
    return result
