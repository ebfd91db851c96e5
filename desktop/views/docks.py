"""The panels docked under the window (Also Reported By, People, Timeline): hidden until
asked for, tabbed together, a share of the window high the first time one shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


class PanelDock(QDockWidget):
    def __init__(
        self, title: str, name: str, panel: QWidget, focus: QWidget, window: QMainWindow
    ) -> None:
        super().__init__(title, window)
        self.setObjectName(name)  # the window saves and restores docks by name
        self.setWidget(panel)
        self.focus = focus  # what the keyboard starts on when the panel shows
        self.sized = False  # True once shown at its first size, or restored with the window
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()

    def toggle(self) -> bool:
        """Show it (raised, focused), or hide it again; True if it is shown."""
        if self.isVisible():
            self.hide()
            return False
        self.show()
        self.raise_()
        window = self.parentWidget()
        if not self.sized and isinstance(window, QMainWindow):
            self.sized = True
            height = max(180, window.height() // 3)
            window.resizeDocks([self], [height], Qt.Orientation.Vertical)
        self.focus.setFocus()
        return True
