"""The library's citations going out and coming back: "Export Library as…" (CSL-JSON,
BibTeX, RIS), "Update Sources from References…" (a reference manager's metadata, matched by
address or DOI and confirmed) and "Copy with Citation" (the selected excerpts and their
citations, on the clipboard).

Both run in a job (pandoc formats or writes); the results come back to slots of this
object, which lives on the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Slot
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from brief.compose import excerpt_text, pinpoint
from brief.errors import NotFoundError
from brief.model import ItemKind, Source
from brief.quoting import Quotation
from brief.reference_import import Update
from brief.references import FORMATS
from desktop.dialogs.reference_updates import ReferenceUpdatesDialog
from desktop.jobs import CitationJob, ReadReferencesJob, ReferencesJob

if TYPE_CHECKING:
    from desktop.window import MainWindow


class Citing(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    # -- Export Library as… ----------------------------------------------------------------------
    def export_library(self) -> None:
        w = self.window
        filters = {f"{label} (*{suffix})": key for key, (suffix, label) in FORMATS.items()}
        last = str(w.settings.value("references/format", "csl-json"))
        chosen_filter = next((f for f, key in filters.items() if key == last), "")
        folder = str(w.settings.value("references/folder", "")) or str(
            w.session.project.path.parent
        )
        start = Path(folder) / (
            w.session.project.path.stem + FORMATS.get(last, FORMATS["csl-json"])[0]
        )
        path, chosen_filter = QFileDialog.getSaveFileName(
            w, "Export library as", str(start), ";;".join(filters), chosen_filter
        )
        if path:
            self.write_references(Path(path), filters.get(chosen_filter, "csl-json"))

    def _may_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Export library as",
            f"{path.name} already exists in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def write_references(self, path: Path, fmt: str) -> ReferencesJob | None:
        """Write the library to `path` in `fmt`; a suffix naming another format wins."""
        by_suffix = {suffix: key for key, (suffix, _label) in FORMATS.items()}
        fmt = by_suffix.get(path.suffix.lower(), fmt)
        if path.suffix.lower() not in by_suffix:
            path = path.with_name(path.name + FORMATS[fmt][0])
            # The save dialog asked about the name as typed, not this one.
            if path.exists() and not self._may_replace(path):
                return None
        self.window.settings.setValue("references/format", fmt)
        self.window.settings.setValue("references/folder", str(path.parent))
        job = ReferencesJob(self.window.session.project.path, path, fmt)
        job.done.connect(self._written)
        job.failed.connect(self._failed)
        self.window.session.jobs.start(job)
        self.window.show_message(f"Writing the library's references to {path.name}…")
        return job

    # -- Update Sources from References… ---------------------------------------------------------
    def update_from_references(self) -> None:
        w = self.window
        folder = str(w.settings.value("references/folder", "")) or str(
            w.session.project.path.parent
        )
        path, _ = QFileDialog.getOpenFileName(
            w,
            "Update sources from references",
            folder,
            "References (*.json *.bib *.ris);;All files (*)",
        )
        if path:
            self.read_references(Path(path))

    def read_references(self, path: Path) -> ReadReferencesJob:
        job = ReadReferencesJob(self.window.session.project.path, path)
        job.done.connect(self._matched)
        job.failed.connect(self._failed)
        self.window.session.jobs.start(job)
        self.window.show_message(f"Reading {path.name}…")
        return job

    @Slot(object, str)
    def _matched(self, updates: list[Update], name: str) -> None:
        if self.window.session.closed:
            return
        if not updates:
            QMessageBox.information(
                self.window,
                "Update sources from references",
                f"No source of the library matches a reference in {name} by its address or "
                "DOI with anything new.",
            )
            return
        dialog = ReferenceUpdatesDialog(updates, name, self.window)
        if not dialog.exec():
            return
        values = dialog.confirmed()
        if values and self.window.session.editor.update_sources(values):
            noun = "source" if len(values) == 1 else "sources"
            self.window.show_message(f"Updated {len(values)} {noun} from {name}.")

    @Slot(str, int)
    def _written(self, path: str, count: int) -> None:
        noun = "reference" if count == 1 else "references"
        self.window.show_message(f"{count} {noun} written to {path}.")

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.window.show_refusal(message)

    # -- Copy with Citation ----------------------------------------------------------------------
    def copy_with_citation(self) -> CitationJob | None:
        quotations = self.selected_quotations()
        if not quotations:
            self.window.show_message(
                "Select an excerpt first: sections in the library, excerpts in the brief, "
                "or text in the reader."
            )
            return None
        style = str(self.window.settings.value("preferences/style", "chicago"))
        job = CitationJob(quotations, style)
        job.done.connect(self._copied)
        job.failed.connect(self._failed)
        self.window.session.jobs.start(job)
        return job

    @Slot(str, str)
    def _copied(self, text: str, html: str) -> None:
        data = QMimeData()
        data.setText(text)
        data.setHtml(html)
        QApplication.clipboard().setMimeData(data)
        self.window.show_message("Copied with its citation.")

    def selected_quotations(self) -> list[Quotation]:
        """What the user means by "this excerpt": the selection of the view that has the
        focus (the library's sections, the brief's excerpts, the reader's text)."""
        w = self.window
        focus = QApplication.focusWidget()
        if _within(focus, w.reader):
            return self._from_reader()
        if _within(focus, w.brief):
            items = [w.brief.model.items[row] for row in w.brief.selected_rows()]
            excerpts = [i for i in items if i.kind is ItemKind.EXCERPT and i.section_id]
            return self._quotations(
                [i.section_id or 0 for i in excerpts], [i.span for i in excerpts]
            )
        return self._quotations(w.library.selected_sections())

    def _quotations(
        self, section_ids: list[int], spans: list[tuple[int, int] | None] | None = None
    ) -> list[Quotation]:
        """The sections (or a quote's words in them, for an excerpt of a quote) cited."""
        project = self.window.session.project
        sources: dict[int, Source] = {}  # several excerpts of one source read it once
        quotations = []
        for section_id, span in zip(section_ids, spans or [None] * len(section_ids), strict=True):
            try:
                section = project.section(section_id)
                source_id = section.source_id or 0
                if source_id not in sources:
                    sources[source_id] = project.source(source_id)
                source = sources[source_id]
            except NotFoundError:
                continue  # an excerpt whose source was deleted: nothing to cite
            text = excerpt_text(section.text, span)
            quotations.append(Quotation(text, source, pinpoint(source, section_id)))
        return quotations

    def _from_reader(self) -> list[Quotation]:
        reader = self.window.reader
        picked = reader.selected_text()
        if picked is None:
            return self._quotations([reader.highlighted] if reader.highlighted else [])
        text, section_id = picked
        source = reader.source
        if source is None:
            return []
        point = pinpoint(source, section_id) if section_id else None
        return [Quotation(text, source, point)]


def _within(widget: QWidget | None, ancestor: QWidget) -> bool:
    return widget is not None and (widget is ancestor or ancestor.isAncestorOf(widget))
