"""The body's typeface and size, chosen in Preferences (the default) and in the export dialog
(for this export, remembered with the other export settings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from brief.document import SIZES, Typeface


class TypeChoice:
    """Two combo boxes: Noto Serif or Noto Sans, and the size in points."""

    def __init__(self) -> None:
        self.typeface = QComboBox()
        self.typeface.addItem("Serif (Noto Serif)", "serif")
        self.typeface.addItem("Sans (Noto Sans)", "sans")
        self.typeface.setAccessibleName("Typeface")
        self.size = QComboBox()
        for size in SIZES:
            self.size.addItem(f"{size:g} pt", size)
        self.size.setAccessibleName("Size")

    def load(self, settings: QSettings, prefix: str, fallback: str | None = None) -> None:
        """Show what `prefix`/typeface and /size hold, else `fallback`'s, else the defaults."""
        typeface, size = stored(settings, prefix, fallback)
        self.typeface.setCurrentIndex(max(0, self.typeface.findData(typeface)))
        self.size.setCurrentIndex(max(0, self.size.findData(size)))

    def save(self, settings: QSettings, prefix: str) -> None:
        settings.setValue(f"{prefix}/typeface", self.typeface.currentData())
        settings.setValue(f"{prefix}/size", str(self.size.currentData()))

    def chosen(self) -> tuple[Typeface, float]:
        typeface: Typeface = "sans" if self.typeface.currentData() == "sans" else "serif"
        return typeface, float(self.size.currentData())


def stored(settings: QSettings, prefix: str, fallback: str | None = None) -> tuple[Typeface, float]:
    """The typeface and size kept under `prefix`, else under `fallback`; the defaults where
    nothing usable is kept."""

    def value(key: str, default: str) -> str:
        backup = settings.value(f"{fallback}/{key}", default) if fallback else default
        return str(settings.value(f"{prefix}/{key}", backup))

    typeface: Typeface = "sans" if value("typeface", "serif") == "sans" else "serif"
    try:
        size = float(value("size", "11"))
    except ValueError:
        size = 11.0
    return typeface, size if size in SIZES else 11.0
