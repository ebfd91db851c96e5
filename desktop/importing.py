"""Importing from the window: files and linked pages read off the UI thread, pasted text,
duplicates asked about.

An `_ImportRun` lives on the UI thread and receives its job's reports through queued
signals; when the job ends, the articles are stored by the editor in one undo step.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from brief.errors import BriefsmithError
from brief.ingest.article import Article
from brief.ingest.files import display_name
from brief.ingest.fragment import read_clipboard
from brief.ingest.web import is_web_address
from brief.rows import article_hash
from desktop.dialogs.paste import PasteDialog
from desktop.jobs import ImportJob, PageImportJob
from desktop.session import Session

log = logging.getLogger(__name__)
MAX_LISTED = 20


def _listed(problems: list[str]) -> str:
    listed = "\n".join(problems[:MAX_LISTED])
    if len(problems) > MAX_LISTED:
        listed += f"\n… and {len(problems) - MAX_LISTED} more"
    return listed


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Importer(QObject):
    """Brings articles into the session's project; every import is one undo step."""

    imported = Signal(int)  # the id of the last source stored, to select it
    message = Signal(str)  # a summary for the status bar
    done = Signal()  # an import has ended, whatever came of it

    def __init__(self, session: Session, widget: QWidget) -> None:
        super().__init__(widget)
        self.session = session
        self.widget = widget
        self.runs: list[_ImportRun] = []

    # -- files --------------------------------------------------------------------------------
    def import_files(
        self, paths: list[Path], passwords: dict[Path, str] | None = None
    ) -> ImportJob:
        job = ImportJob(paths, passwords=passwords)
        self.runs.append(_ImportRun(self, job, len(paths), "file"))
        return job

    def ask_for_passwords(self, locked: list[tuple[Path, bool]]) -> list[str]:
        """Ask for the password of each locked PDF and read the ones given again; the
        files whose password the user does not give are problems of the import."""
        passwords: dict[Path, str] = {}
        refused: list[str] = []
        for path, wrong in locked:
            name = display_name(path)
            prompt = (
                f"The password given for {name} is not right. Password:"
                if wrong
                else f"{name} is protected by a password. Password:"
            )
            password, ok = QInputDialog.getText(
                self.widget, "Password needed", prompt, QLineEdit.EchoMode.Password
            )
            if ok and password:
                passwords[path] = password
            else:
                refused.append(f"{name}: it is protected by a password, which was not given.")
        if passwords:
            self.import_files(list(passwords), passwords)
        return refused

    # -- links --------------------------------------------------------------------------------
    def import_urls(self, urls: list[str]) -> PageImportJob:
        """Fetch pages the user named (the menu, a link dropped on the window): the only
        network use of the app."""
        job = PageImportJob(urls)
        self.runs.append(_ImportRun(self, job, len(urls), "page"))
        return job

    def ask_for_url(self) -> PageImportJob | None:
        clipboard = QApplication.clipboard().text().strip()
        suggested = clipboard if is_web_address(clipboard) else "https://"
        url, ok = QInputDialog.getText(
            self.widget,
            "Import from URL",
            "Address of the article (http or https):",
            QLineEdit.EchoMode.Normal,
            suggested,
        )
        url = url.strip()
        if not ok or not url:
            return None
        if not is_web_address(url):
            QMessageBox.warning(
                self.widget,
                "Import from URL",
                f"{url}: this is not a web address. Give one starting with http:// or https://.",
            )
            return None
        return self.import_urls([url])

    def finish(self, run: _ImportRun) -> None:
        """Store what a run read, asking first about articles already in the project."""
        self.runs.remove(run)
        run.deleteLater()
        if self.session.closed:  # the window closed while the files were read
            return
        if run.locked and not run.job.cancelled:
            run.problems += self.ask_for_passwords(run.locked)
        fresh, repeats = self.split_duplicates(run.articles)
        if repeats and self.ask_about_duplicates(repeats):
            fresh += repeats
            repeats = []
        sources = self.session.editor.import_articles(fresh)
        if sources:
            self.imported.emit(sources[-1].id or 0)
        elif fresh:  # the project refused them all (a full disk, say): say it, not in passing
            QMessageBox.warning(
                self.widget,
                "Nothing was imported",
                f"{len(fresh)} article{'s' if len(fresh) != 1 else ''} could not be stored:\n\n"
                f"{self.session.editor.last_refusal}",
            )
        total = run.count
        note = f"Imported {len(sources)} of {_plural(total, run.noun)}."
        if repeats:
            note += f" {len(repeats)} already in the project, skipped."
        if run.problems:
            note += f" {len(run.problems)} could not be imported."
        if run.job.cancelled:
            note = f"Import cancelled after {run.read} of {_plural(total, run.noun)}. " + note
        self.message.emit(note)
        log.info(note)
        if run.problems and run.noun == "page":
            self.show_page_problems(run.problems)
        elif run.problems:
            self.show_problems(run.problems)
        self.done.emit()

    def split_duplicates(self, articles: list[Article]) -> tuple[list[Article], list[Article]]:
        """Articles new to the project, and those it has already (same bytes or same cleaned
        text, in the project or earlier in this batch)."""
        project = self.session.project
        fresh: list[Article] = []
        repeats: list[Article] = []
        seen: set[str] = set()
        for article in articles:
            keys = {k for k in (article.file_hash, article_hash(article)) if k}
            if keys & seen or project.find_duplicate(article) is not None:
                repeats.append(article)
            else:
                fresh.append(article)
            seen |= keys
        return fresh, repeats

    def ask_about_duplicates(self, repeats: list[Article]) -> bool:
        """True if the user wants the articles already in the project imported again."""
        titles = "\n".join(f"• {a.title or a.file_name or 'Untitled'}" for a in repeats[:10])
        more = f"\n… and {len(repeats) - 10} more" if len(repeats) > 10 else ""
        answer = QMessageBox.question(
            self.widget,
            "Already in the project",
            f"{_plural(len(repeats), 'article')} of this import "
            f"{'is' if len(repeats) == 1 else 'are'} already in the project (the same "
            f"text):\n\n{titles}{more}\n\nImport {'it' if len(repeats) == 1 else 'them'} "
            "again as separate sources?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_problems(self, problems: list[str]) -> None:
        QMessageBox.warning(self.widget, "Some files were not imported", _listed(problems))

    def show_page_problems(self, problems: list[str]) -> None:
        title = (
            "The page was not imported" if len(problems) == 1 else "Some pages were not imported"
        )
        QMessageBox.warning(self.widget, title, _listed(problems))

    # -- the clipboard ------------------------------------------------------------------------
    def paste(self) -> None:
        """The clipboard's article: from the HTML a browser puts there beside the text (its
        headings, quotes and lists as marked up), else from the plain text."""
        self.paste_data(QApplication.clipboard().mimeData())

    def paste_data(self, data: QMimeData | None) -> None:
        """A pasted or dropped article (text or HTML from a browser), checked by the user."""
        text = data.text() if data is not None else ""
        html = data.html() if data is not None and data.hasHtml() else ""
        if not text.strip() and not html.strip():
            QMessageBox.information(
                self.widget,
                "Paste as new source",
                "The clipboard holds no text. Copy an article first.",
            )
            return
        try:
            article = read_clipboard(html, text, name="Pasted text")
        except BriefsmithError as exc:
            QMessageBox.warning(self.widget, "Paste as new source", str(exc))
            return
        dialog = PasteDialog(article, self.widget)
        if not dialog.exec():
            return
        article = dialog.confirmed()
        _fresh, repeats = self.split_duplicates([article])
        if repeats and not self.ask_about_duplicates(repeats):
            self.message.emit("Not pasted: that article is already in the project.")
            return
        sources = self.session.editor.import_articles([article])
        if sources:
            self.imported.emit(sources[-1].id or 0)


class _ImportRun(QObject):
    """One import of files or pages: its job, its progress dialog, and what came back."""

    def __init__(
        self, importer: Importer, job: ImportJob | PageImportJob, count: int, noun: str
    ) -> None:
        super().__init__(importer)
        self.importer = importer
        self.count = count
        self.noun = noun
        self.articles: list[Article] = []
        self.problems: list[str] = []
        self.locked: list[tuple[Path, bool]] = []  # PDFs waiting for their password
        self.read = 0
        self.label = "Importing…" if noun == "file" else "Fetching…"
        self.dialog = QProgressDialog(self.label, "Cancel", 0, count, importer.widget)
        self.dialog.setWindowTitle("Import")
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.cancel)
        self.job = job
        self.job.article.connect(self.article)
        self.job.problem.connect(self.problem)
        self.job.progress.connect(self.progress)
        if isinstance(job, ImportJob):
            job.pages.connect(self.pages)
            job.locked.connect(self.password_needed)
        self.job.failed.connect(self.problem)
        self.job.finished.connect(self.finished)
        importer.session.jobs.start(self.job)

    @Slot(object)
    def article(self, article: Any) -> None:
        self.articles.append(article)

    @Slot(str)
    def problem(self, message: str) -> None:
        self.problems.append(message)

    @Slot(str, bool)
    def password_needed(self, path: str, wrong: bool) -> None:
        self.locked.append((Path(path), wrong))

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        self.read = done
        if not self.dialog.wasCanceled():
            if self.dialog.maximum() != self.count:  # a document's pages were shown
                self.dialog.setRange(0, self.count)
                self.dialog.setLabelText(self.label)
            self.dialog.setValue(done)

    @Slot(str, int, int)
    def pages(self, name: str, done: int, total: int) -> None:
        """A long document is being read: its pages are the bar while it is."""
        if self.dialog.wasCanceled() or done >= total:
            return
        files = f" (file {self.read + 1} of {self.count})" if self.count > 1 else ""
        self.dialog.setLabelText(f"Reading {name}: page {done} of {total}{files}")
        self.dialog.setRange(0, total)
        self.dialog.setValue(done)

    @Slot()
    def cancel(self) -> None:
        self.job.cancel()

    @Slot()
    def finished(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.importer.finish(self)
