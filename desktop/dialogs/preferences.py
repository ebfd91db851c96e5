"""Preferences: what new exports start from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout

from desktop.dialogs.typeface import TypeChoice


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.style_box = QComboBox()
        for key, label in (("chicago", "Chicago"), ("apa", "APA 7"), ("mla", "MLA 9")):
            self.style_box.addItem(label, key)
        self.notes = QComboBox()
        self.notes.addItem("Footnotes", "foot")
        self.notes.addItem("Endnotes", "end")
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.style_box.setCurrentIndex(
            max(0, self.style_box.findData(settings.value("preferences/style", "chicago")))
        )
        self.notes.setCurrentIndex(
            max(0, self.notes.findData(settings.value("preferences/notes", "foot")))
        )
        self.paper.setCurrentText(str(settings.value("preferences/paper", "A4")))
        self.type = TypeChoice()
        self.type.load(settings, "preferences")
        form = QFormLayout(self)
        for label, widget in (
            ("Citation style", self.style_box),
            ("Notes", self.notes),
            ("Paper", self.paper),
            ("Typeface", self.type.typeface),
            ("Size", self.type.size),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.setValue("preferences/style", self.style_box.currentData())
        self.settings.setValue("preferences/notes", self.notes.currentData())
        self.settings.setValue("preferences/paper", self.paper.currentText())
        self.type.save(self.settings, "preferences")
        for key in ("style", "notes", "paper", "typeface", "size"):
            self.settings.remove(f"export/{key}")  # the next export starts from the new defaults
        super().accept()
