"""Export dialog: format, citation style, notes, contents, paper; runs off the UI thread."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from brief.compose import missing_excerpts
from brief.document import ExportOptions
from brief.model import OutlineItem
from desktop.dialogs.typeface import TypeChoice
from desktop.jobs import ExportJob
from desktop.session import Session

STYLES = (
    ("chicago", "Chicago (notes and bibliography)"),
    ("apa", "APA 7 (author-date)"),
    ("mla", "MLA 9"),
    ("file", "Another CSL style file…"),
)


class ExportDialog(QDialog):
    def __init__(self, session: Session, settings: QSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export brief")
        self.session = session
        self.settings = settings
        self.job: ExportJob | None = None
        self.written: Path | None = None
        brief = session.project.brief(session.brief_id)

        self.format = QComboBox()
        self.format.addItem("PDF document", "pdf")
        self.format.addItem("Word document (DOCX)", "docx")
        self.style_box = QComboBox()
        for key, label in STYLES:
            self.style_box.addItem(label, key)
        self.csl = QLineEdit(placeholderText="path/to/style.csl")
        self.csl_browse = QPushButton("Choose…")
        self.csl_browse.clicked.connect(self._browse_csl)
        csl_row = QHBoxLayout()
        csl_row.addWidget(self.csl, 1)
        csl_row.addWidget(self.csl_browse)
        self.notes = QComboBox()
        self.notes.addItem("Footnotes, at the foot of each page", "foot")
        self.notes.addItem("Endnotes, before the bibliography", "end")
        self.contents = QCheckBox("Include a contents page")
        self.also_reported = QCheckBox("Add “Also reported by”, with citations, under each excerpt")
        self.also_reported.setToolTip(
            "“Also reported by: …” with a citation of each independent outlet in the "
            "project that states the same fact (copies of one story, and one outlet's "
            "articles, count once; matches you marked wrong are left out)."
        )
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.type = TypeChoice()
        self.title = QLineEdit(brief.title)
        self.subtitle = QLineEdit(brief.subtitle)
        self.author = QLineEdit(brief.author)
        self.date = QLineEdit(brief.date)
        self.path = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        for label, widget in (
            ("Format", self.format),
            ("Citation style", self.style_box),
            ("Notes", self.notes),
            ("", self.contents),
            ("", self.also_reported),
            ("Paper", self.paper),
            ("Typeface", self.type.typeface),
            ("Size", self.type.size),
            ("Title", self.title),
            ("Subtitle", self.subtitle),
            ("Author", self.author),
            ("Date", self.date),
        ):
            named = widget.text() if isinstance(widget, QCheckBox) else ""
            widget.setAccessibleName(label or named)
            form.addRow(label, widget)
            if widget is self.style_box:
                form.addRow("Style file", csl_row)
        self.csl.setAccessibleName("Style file")
        form.addRow("Save as", path_row)
        self.path.setAccessibleName("Save as")

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.addButton("Open", QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = self.buttons.addButton(
            "Show in folder", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        self.open_button.clicked.connect(self._open_file)
        self.folder_button.clicked.connect(self._open_folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.setMinimumWidth(560)
        self._restore()
        self.format.currentIndexChanged.connect(lambda _: self._suggest_path())
        self.style_box.currentIndexChanged.connect(lambda _: self._style_changed())
        self._style_changed()

    # -- settings -----------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        self.format.setCurrentIndex(max(0, self.format.findData(s.value("export/format", "pdf"))))
        self.style_box.setCurrentIndex(
            max(
                0,
                self.style_box.findData(
                    s.value("export/style", s.value("preferences/style", "chicago"))
                ),
            )
        )
        self.csl.setText(str(s.value("export/csl", "")))
        self.notes.setCurrentIndex(
            max(
                0,
                self.notes.findData(s.value("export/notes", s.value("preferences/notes", "foot"))),
            )
        )
        self.contents.setChecked(s.value("export/contents", "false") == "true")
        self.also_reported.setChecked(s.value("export/also_reported", "false") == "true")
        self.paper.setCurrentText(str(s.value("export/paper", s.value("preferences/paper", "A4"))))
        self.type.load(s, "export", fallback="preferences")
        self._suggest_path()

    def _save(self) -> None:
        s = self.settings
        s.setValue("export/format", self.format.currentData())
        s.setValue("export/style", self.style_box.currentData())
        s.setValue("export/csl", self.csl.text())
        s.setValue("export/notes", self.notes.currentData())
        s.setValue("export/contents", "true" if self.contents.isChecked() else "false")
        s.setValue("export/also_reported", "true" if self.also_reported.isChecked() else "false")
        s.setValue("export/paper", self.paper.currentText())
        self.type.save(s, "export")
        s.setValue("export/folder", str(Path(self.path.text()).parent))

    def _suggest_path(self) -> None:
        folder = Path(str(self.settings.value("export/folder", str(Path.home()))))
        name = "".join(c if c.isalnum() or c in " -_" else "_" for c in self.title.text())
        current = self.path.text()
        base = Path(current).with_suffix("") if current else folder / (name.strip() or "brief")
        self.path.setText(str(base.with_suffix("." + self.format.currentData())))

    def _style_changed(self) -> None:
        self.csl.setEnabled(self.style_box.currentData() == "file")
        self.csl_browse.setEnabled(self.style_box.currentData() == "file")
        self.notes.setEnabled(self.style_box.currentData() in ("chicago", "file"))

    def _browse_csl(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Citation style", self.csl.text(), "CSL styles (*.csl)"
        )
        if path:
            self.csl.setText(path)

    def _browse(self) -> None:
        suffix = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, "Export brief", self.path.text(), f"{suffix.upper()} (*.{suffix})"
        )
        if path:
            self.path.setText(path)

    # -- running ------------------------------------------------------------------------------
    def options(self) -> ExportOptions:
        style: str | Path = self.style_box.currentData()
        if style == "file":
            style = Path(self.csl.text())
        return ExportOptions(
            style=style,
            notes=self.notes.currentData(),
            contents=self.contents.isChecked(),
            paper="Letter" if self.paper.currentText() == "Letter" else "A4",
            typeface=self.type.chosen()[0],
            size=self.type.chosen()[1],
            title=self.title.text(),
            subtitle=self.subtitle.text(),
            author=self.author.text(),
            date=self.date.text(),
            also_reported=self.also_reported.isChecked(),
        )

    def start(self) -> None:
        target = Path(self.path.text()).expanduser()
        if not self.path.text().strip() or not target.parent.is_dir():
            QMessageBox.warning(
                self,
                "Export",
                f"The folder {target.parent} does not exist. Choose where to save the brief.",
            )
            return
        if target.exists() and not self.confirm_replace(target):
            return
        options = self.options()
        gone = missing_excerpts(self.session.project, self.session.brief_id)
        if gone:
            if not self.confirm_gaps(gone):
                return
            options = replace(options, missing="mark")
        self._save()
        self.message.setText("Exporting…")
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.export_button.setEnabled(False)
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.job = ExportJob(
            self.session.project.path,
            self.session.brief_id,
            target,
            self.format.currentData(),
            options,
        )
        self.job.progress.connect(self._progress)
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(self._finished)
        self.session.jobs.start(self.job, pdf=self.format.currentData() == "pdf")

    def confirm_gaps(self, gone: list[OutlineItem]) -> bool:
        """An excerpt whose section is gone: say which, and export the rest only if asked."""
        places = ", ".join(str(item.position + 1) for item in gone)
        answer = QMessageBox.question(
            self,
            "Excerpts missing",
            f"Item {places} of this brief's outline quotes text that is no longer in the "
            "project. Export the rest, with a marker where each missing excerpt was?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_replace(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self,
            "Replace file?",
            f"{target.name} already exists in {target.parent}. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(str, str)
    def _done(self, path: str, warning: str) -> None:
        self.written = Path(path)
        self.message.setText(f"Saved {path}." + (f"\n{warning}" if warning else ""))
        self.open_button.setVisible(True)
        self.folder_button.setVisible(True)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.message.setText(
            f"The brief was not exported: {message}\nAny earlier file of that name is unchanged."
        )

    @Slot()
    def _finished(self) -> None:
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.cancel_button.setText("Close")
        if self.job is not None and self.job.cancelled:
            self.message.setText("Export cancelled; any earlier file of that name is unchanged.")
        self.job = None

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        else:
            self.reject()

    @Slot()
    def _open_file(self) -> None:
        self.open_path(self.written)

    @Slot()
    def _open_folder(self) -> None:
        self.open_path(self.written.parent if self.written else None)

    def open_path(self, path: Path | None) -> bool:
        """Open the file or folder in the desktop's application; say so when none can."""
        if path is None:
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        self.message.setText(
            f"{path} could not be opened: no application for it answered. "
            "Open it from your file manager."
        )
        return False

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.cancel()  # the session's registry lets it end; nothing is half-written
        super().done(result)
