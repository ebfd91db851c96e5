"""Where the main window opens: its first size, and a saved geometry kept on screen."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def first_geometry(window: QWidget) -> None:
    """A new window: 1280 × 800 at most, centred near the top of the main screen."""
    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    if area is None:
        window.resize(1280, 800)
        return
    # Leave room for the window's frame and title bar, so the status bar stays on screen.
    width, height = min(1280, area.width() - 40), min(800, area.height() - 60)
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + 10)


def clamp_to_screen(window: QWidget) -> None:
    """A geometry saved on a larger or another screen is brought onto this one."""
    screen = QGuiApplication.screenAt(window.geometry().center())
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(window.width(), area.width() - 20)
    height = min(window.height(), area.height() - 50)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), area.x()), area.right() - width)
    y = min(max(window.y(), area.y()), area.bottom() - height - 30)
    window.move(x, max(area.y(), y))
