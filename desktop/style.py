"""Colours the window can be read in: the selection's text meets WCAG AA (4.5:1)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

AA = 4.5


def luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_selection(app: QApplication) -> None:
    """Darken (or, for dark text, lighten) the selection colour until its text reaches AA.
    Fusion's default blue under white text gives 3.7:1."""
    palette = app.palette()
    for group in (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    ):
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        highlight = QColor(palette.color(group, QPalette.ColorRole.Highlight))
        darken = luminance(text) > luminance(highlight)
        for _ in range(40):
            if contrast(text, highlight) >= AA + 0.1:
                break
            step = -0.03 if darken else 0.03
            lightness = min(1.0, max(0.0, highlight.lightnessF() + step))
            highlight = QColor.fromHslF(
                highlight.hslHueF(), highlight.hslSaturationF(), lightness, highlight.alphaF()
            )
        palette.setColor(group, QPalette.ColorRole.Highlight, highlight)
    app.setPalette(palette)
