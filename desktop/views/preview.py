"""Preview: the brief rendered as the PDF will be, on request, without blocking the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from brief.document import ExportOptions
from desktop.session import Session
from desktop.workers import PreviewJob, keep


class PreviewPanel(QWidget):
    def __init__(
        self, session: Session, options: Callable[[], ExportOptions], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.options = options
        self.job: PreviewJob | None = None
        self.update_button = QPushButton("Update preview")
        self.update_button.setAccessibleName("Update preview")
        self.update_button.clicked.connect(self.refresh)
        self.status = QLabel("Press “Update preview” to see the brief as the PDF will be.")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        scroll.setAccessibleName("Preview pages")
        scroll.setStyleSheet("QScrollArea { background: #808080; }")
        self.scroll_area = scroll
        top = QHBoxLayout()
        top.addWidget(self.update_button)
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(scroll, 1)

    def refresh(self) -> None:
        if self.job is not None:
            self.job.cancelled = True
        # Pages as wide as the panel (A4 and Letter are about 600 points wide).
        scale = max(0.5, (self.scroll_area.viewport().width() - 40) / 612)
        job = PreviewJob(
            self.session.project.path, self.session.brief_id, self.options(), scale=scale
        )
        job.pages.connect(self._start_pages)
        job.page.connect(self._page)
        job.progress.connect(self._progress)
        job.failed.connect(lambda message: self.status.setText(f"No preview: {message}"))
        job.finished.connect(lambda: self._finished(job))
        self.job = job
        self.status.setText("Laying out the brief…")
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        keep(self, job).start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _start_pages(self, count: int) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.status.setText(f"{count} page{'s' if count != 1 else ''}")

    def _page(self, number: int, image: QImage) -> None:
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(image))
        label.setAccessibleName(f"Page {number + 1}")
        label.setStyleSheet("background: white; border: 1px solid #555;")
        self.pages_layout.addWidget(label)

    def _finished(self, job: PreviewJob) -> None:
        if job is self.job:
            self.job = None
            self.progress.setVisible(False)

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancelled = True
            self.job.wait()
