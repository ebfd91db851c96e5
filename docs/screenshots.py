"""Take the README's screenshots: the main window, the export dialog, story families,
corroboration, people, the timeline and the preview.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots.py docs

Runs on the demo library, built afresh in a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from brief.demo import build_demo  # noqa: E402
from brief.project import Project  # noqa: E402
from desktop.models.sources import STORY_COLUMN  # noqa: E402
from desktop.session import Session  # noqa: E402
from desktop.style import readable_selection  # noqa: E402
from desktop.window import MainWindow  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    app = QApplication(sys.argv[:1])
    readable_selection(app)  # as the app itself does
    tmp = Path(tempfile.mkdtemp(prefix="briefsmith-shots-"))
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Session(Project.open(build_demo(tmp / "Demo library.brief"))), settings)
    window.resize(1280, 800)
    window.show()
    steps = []

    def later(ms: int):  # type: ignore[no-untyped-def]
        def wrap(fn):  # type: ignore[no-untyped-def]
            steps.append((ms, fn))
            return fn

        return wrap

    @later(600)
    def main_window() -> None:
        window.library.search.setText("harvest")
        window.library.run_search()
        kabul = next(r for r in window.library.sources.rows if r.title.startswith("Girls"))
        window.library.select_source(kabul.id)
        window.library.search.setText("")
        window.library.run_search()
        window.brief.view.setCurrentIndex(window.brief.model.index(0))

    @later(900)
    def shot_main() -> None:
        window.grab().save(str(out / "main-window.png"))
        dialog = window.export()
        dialog.path.setText(str(Path.home() / "Documents" / "Rivers, grain and power.pdf"))
        window.export_dialog = dialog

    @later(800)
    def shot_export() -> None:
        window.export_dialog.grab().save(str(out / "export-dialog.png"))
        window.export_dialog.close()
        # Story families: the library sorted by story, the repost in the reader.
        window.library.table.sortByColumn(STORY_COLUMN, Qt.SortOrder.AscendingOrder)
        repost = next(r for r in window.library.sources.rows if r.title.startswith("Barges"))
        window.library.select_source(repost.id)

    @later(700)
    def shot_story() -> None:
        window.grab().save(str(out / "story-families.png"))
        # Corroboration: the millers' excerpt and the panel of the outlets reporting it.
        model = window.brief.model
        row = next(
            r
            for r in range(model.rowCount())
            if str(model.index(r).data() or "").startswith("Millers welcomed")
        )
        window.brief.view.setFocus()
        window.brief.view.setCurrentIndex(model.index(row))
        window.toggle_corroboration()

    @later(700)
    def shot_corroboration() -> None:
        window.grab().save(str(out / "corroboration.png"))
        window.toggle_people()
        window.people.choose_speaker("marta kowalczyk")

    @later(700)
    def shot_people() -> None:
        window.grab().save(str(out / "people.png"))
        window.toggle_timeline()

    @later(700)
    def shot_timeline() -> None:
        window.grab().save(str(out / "timeline.png"))
        window.toggle_timeline()
        window.corroboration_dock.hide()
        window.splitter.setSizes([330, 620, 330])
        window.show_preview()

    def wait_preview() -> None:
        if window.preview.pages_layout.count() < 2:
            QTimer.singleShot(300, wait_preview)
            return
        QTimer.singleShot(500, finish)

    def finish() -> None:
        window.preview.scroll_area.verticalScrollBar().setValue(
            window.preview.pages_layout.itemAt(1).widget().y() - 20
        )
        window.grab().save(str(out / "preview.png"))
        window.close()
        app.quit()

    delay = 0
    for ms, fn in steps:
        delay += ms
        QTimer.singleShot(delay, fn)
    QTimer.singleShot(delay + 500, wait_preview)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
