"""Preview: the brief rendered as the PDF will be, on request, without blocking the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brief.document import ExportOptions
from desktop.jobs import PreviewJob
from desktop.session import Session

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)


class PreviewPanel(QWidget):
    def __init__(
        self, session: Session, options: Callable[[], ExportOptions], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.options = options
        self.job: PreviewJob | None = None
        self.zoom: float | None = None  # None: the pages fit the panel's width
        self.images: list[QImage] = []
        self.rendered_scale = 1.0  # pixels per point of the images we have
        self.update_button = QPushButton("Update")
        self.update_button.setAccessibleName("Update preview")
        self.update_button.clicked.connect(self.refresh)
        self.status = QLabel("Press “Update” to see the brief as the PDF will be.")
        self.status.setWordWrap(True)  # a narrow window squeezes it, not the other way round
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Always there, so "fit width" means one width: a bar that appears once the pages
        # overflow would narrow the viewport after they were scaled to it.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(self.pages)
        scroll.setAccessibleName("Preview pages")
        scroll.setStyleSheet("QScrollArea { background: #808080; }")
        self.scroll_area = scroll
        self.zoom_label = QLabel("Fit width")
        self.zoom_label.setAccessibleName("Zoom")
        buttons = []
        for text, slot, name in (
            ("−", self.zoom_out, "Zoom out"),
            ("+", self.zoom_in, "Zoom in"),
            ("Fit", self.fit_width, "Fit width"),
        ):
            button = QToolButton()
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(name)
            button.clicked.connect(slot)
            buttons.append(button)
        top = QHBoxLayout()
        top.addWidget(self.update_button)
        top.addWidget(self.status, 1)
        top.addWidget(buttons[0])
        top.addWidget(self.zoom_label)
        top.addWidget(buttons[1])
        top.addWidget(buttons[2])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(scroll, 1)

    @Slot()
    def refresh(self) -> None:
        if self.job is not None:
            self.job.cancel()
        job = PreviewJob(
            self.session.project.path, self.session.brief_id, self.options(), self.scale()
        )
        job.pages.connect(self._start_pages)
        job.page.connect(self._page)
        job.progress.connect(self._progress)
        job.failed.connect(self._failed)
        job.finished.connect(self._finished)
        self.job = job
        self.status.setText("Laying out the brief…")
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.session.jobs.start(job, pdf=True)

    # -- zoom ---------------------------------------------------------------------------------
    def scale(self) -> float:
        """Pixels per PDF point: the zoom, or what fits the panel's width (pages are about
        600 points wide)."""
        if self.zoom is not None:
            return self.zoom
        return max(0.3, (self.scroll_area.viewport().width() - 40) / 612)

    @Slot()
    def zoom_in(self) -> None:
        current = self.scale()
        self._set_zoom(next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1]))

    @Slot()
    def zoom_out(self) -> None:
        current = self.scale()
        smaller = [z for z in ZOOM_STEPS if z < current - 0.01]
        self._set_zoom(smaller[-1] if smaller else current)

    @Slot()
    def fit_width(self) -> None:
        self._set_zoom(None)

    def _set_zoom(self, zoom: float | None) -> None:
        self.zoom = zoom
        self.zoom_label.setText("Fit width" if zoom is None else f"{round(zoom * 100)} %")
        if self.images and self.scale() > self.rendered_scale * 1.05 and self.job is None:
            self.refresh()  # larger than the pages were drawn: draw them again, sharp
        self._show_pages()

    def _show_pages(self) -> None:
        """Lay the rendered pages out at the current scale."""
        scale = self.scale() / self.rendered_scale
        for n, image in enumerate(self.images):
            item = self.pages_layout.itemAt(n)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                pixmap = QPixmap.fromImage(image)
                label.setPixmap(
                    pixmap.scaledToWidth(
                        max(50, int(image.width() * scale)),
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )

    # -- the job's reports --------------------------------------------------------------------
    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(int)
    def _start_pages(self, count: int) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.images = []
        job = self.sender()
        if isinstance(job, PreviewJob):
            self.rendered_scale = job.scale
        self.status.setText(f"{count} page{'s' if count != 1 else ''}")

    @Slot(int, QImage)
    def _page(self, number: int, image: QImage) -> None:
        label = QLabel()
        label.setAccessibleName(f"Page {number + 1}")
        label.setStyleSheet("background: white; border: 1px solid #555;")
        self.images.append(image)
        self.pages_layout.addWidget(label)
        self._show_pages()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.status.setText(f"No preview: {message}")

    @Slot()
    def _finished(self) -> None:
        if self.sender() is self.job:
            self.job = None
            self.progress.setVisible(False)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.zoom is None and self.images:
            self._show_pages()
