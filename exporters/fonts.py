"""Fonts for the PDF: the ones Briefsmith ships first, then what fontconfig finds, chosen per
run of text by what they cover.

The body is set in Noto Serif or Noto Sans and Arabic-script and Hebrew text in Noto Naskh
Arabic and Noto Sans Hebrew, all shipped in `assets/fonts`: the same brief gives the same
pages on any machine. reportlab has no font fallback (a glyph its font lacks silently
vanishes), so every run of text is split into segments, each set in the first font of the
chain that has all of its characters; for a character none has (Chinese, Thai, symbols),
fontconfig is asked for one that does, where the system has fontconfig. What no font covers
is reported with the Debian package that would.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from assets import asset

log = logging.getLogger(__name__)

#: The faces shipped with Briefsmith (assets/fonts, OFL), by typeface and style.
SHIPPED = {
    family: {
        style: f"{stem}-{suffix}.ttf"
        for style, suffix in (
            ("Regular", "Regular"),
            ("Bold", "Bold"),
            ("Italic", "Italic"),
            ("Bold Italic", "BoldItalic"),
        )
    }
    for family, stem in (("serif", "NotoSerif"), ("sans", "NotoSans"))
}
SHIPPED_SCRIPTS = ("NotoNaskhArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf")

# Families tried first, in order, for body text and for the scripts a brief meets most.
_SERIF = ["Noto Serif", "DejaVu Serif", "Liberation Serif", "FreeSerif"]
_SANS = ["Noto Sans", "DejaVu Sans", "Liberation Sans", "FreeSans"]
_SCRIPT_FAMILIES = [
    "Noto Naskh Arabic",
    "Noto Sans Arabic",
    "Noto Serif Hebrew",
    "Noto Sans Hebrew",
    "DejaVu Sans",
    "Noto Sans Symbols",
    "Noto Sans Symbols2",
]
_PACKAGES = [
    ((0x0600, 0x08FF), "fonts-noto-core (Arabic, Persian, Pashto, Urdu)"),
    ((0x0590, 0x05FF), "fonts-noto-core (Hebrew)"),
    ((0x2E80, 0x9FFF), "fonts-noto-cjk (Chinese, Japanese)"),
    ((0xAC00, 0xD7AF), "fonts-noto-cjk (Korean)"),
    ((0x1F000, 0x1FAFF), "fonts-noto-color-emoji is not usable in PDF; fonts-symbola (emoji)"),
]


JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner: they steer Arabic shaping


def _invisible(ch: str) -> bool:
    """Characters that need no glyph: joiners, marks of direction, variation selectors."""
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


def drawable(text: str, *, keep_joiners: bool = False) -> str:
    """Text without the characters that are never drawn (joiners, direction marks, variation
    selectors, tags): fonts give some of them visible glyphs. Joiners stay in text HarfBuzz
    shapes, where they decide which letters join."""
    if text.isprintable() and text.isascii():
        return text
    return "".join(ch for ch in text if not _invisible(ch) or (keep_joiners and ch in JOINERS))


@dataclass
class Face:
    name: str  # the name registered with reportlab
    path: str
    cmap: frozenset[int] = field(repr=False)


@dataclass
class FontSet:
    """The fonts of one export: body faces plus fallbacks found on the way."""

    regular: Face
    bold: Face
    italic: Face
    bold_italic: Face
    fallbacks: list[Face] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)
    _asked: set[int] = field(default_factory=set)  # Unicode blocks fontconfig was asked about

    def segments(self, text: str, base: Face) -> list[tuple[str, Face]]:
        """Split text into (segment, face) pairs: each segment in a face that has its glyphs.
        A character no font has is left out (and reported), so it is neither measured nor
        drawn: it cannot leave a hole in a line."""
        if base.cmap.issuperset(map(ord, text)):
            return [(text, base)]  # the common case, decided at C speed
        out: list[tuple[str, Face]] = []
        for ch in text:
            if out and not ch.isalnum() and ord(ch) in out[-1][1].cmap:
                # Punctuation stays in the face of the words it follows: a full stop after
                # Persian is set (and shaped) with the Persian.
                out[-1] = (out[-1][0] + ch, out[-1][1])
                continue
            face = self.face_for(ch, base)
            if face is None:
                continue
            if out and (out[-1][1] is face or _invisible(ch) or ch == " "):
                out[-1] = (out[-1][0] + ch, out[-1][1])
            else:
                out.append((ch, face))
        return out

    def face_for(self, ch: str, base: Face) -> Face | None:
        """The face to set `ch` in; None when no installed font has it."""
        code = ord(ch)
        if code in base.cmap or _invisible(ch) or ch in " \n":
            return base
        for face in self.fallbacks:
            if code in face.cmap:
                return face
        block = code >> 4  # Thai and Lao share a 256-code page: ask per 16 codes
        if block not in self._asked:
            self._asked.add(block)
            found = _fontconfig_file(f":charset={code:x}")
            if found and found not in {f.path for f in self.fallbacks}:
                extra = _load(found)
                if extra is not None:
                    self.fallbacks.append(extra)
                    if code in extra.cmap:
                        return extra
        self.missing.add(ch)
        return None

    def missing_report(self) -> str:
        """A sentence naming what could not be shown and which package would show it."""
        if not self.missing:
            return ""
        packages = sorted(
            {pkg for ch in self.missing for (lo, hi), pkg in _PACKAGES if lo <= ord(ch) <= hi}
            or {"fonts-noto-core or fonts-noto-extra"}
        )
        sample = "".join(sorted(self.missing)[:10])
        return (
            f"{len(self.missing)} character(s) have no font on this system and are left out "
            f"of the PDF (for example {sample!r}); install {', '.join(packages)}."
        )


def load_fonts(serif: bool = True) -> FontSet:
    """The body faces (regular, bold, italic, bold italic) and the usual script fallbacks:
    the shipped ones, then, for what is missing from them, the system's."""
    fonts = _shipped_set("serif" if serif else "sans") or _system_set(serif)
    for name in SHIPPED_SCRIPTS:
        face = _load(str(asset("fonts", name)))
        if face is not None:
            fonts.fallbacks.append(face)
    for family in _SCRIPT_FAMILIES:
        face = _find_face(family, "Regular")
        # The system's copy of a shipped font (Debian's fonts-noto-core) adds nothing.
        if face is not None and Path(face.path).name not in {
            Path(f.path).name for f in fonts.fallbacks
        }:
            fonts.fallbacks.append(face)
    pdfmetrics.registerFontFamily(
        fonts.regular.name,
        normal=fonts.regular.name,
        bold=fonts.bold.name,
        italic=fonts.italic.name,
        boldItalic=fonts.bold_italic.name,
    )
    return fonts


def _shipped_set(typeface: str) -> FontSet | None:
    faces = [_load(str(asset("fonts", SHIPPED[typeface][style]))) for style in SHIPPED[typeface]]
    if any(face is None for face in faces):
        log.warning("the shipped %s fonts are missing or unreadable: using the system's", typeface)
        return None
    regular, bold, italic, bold_italic = faces
    assert regular and bold and italic and bold_italic
    return FontSet(regular, bold, italic, bold_italic)


def _system_set(serif: bool) -> FontSet:
    for family in _SERIF if serif else _SANS:
        faces = [
            _find_face(family, style) for style in ("Regular", "Bold", "Italic", "Bold Italic")
        ]
        if faces[0] is not None:
            regular = faces[0]
            return FontSet(
                regular, faces[1] or regular, faces[2] or regular, faces[3] or faces[1] or regular
            )
    raise FontError(
        "No usable TrueType font was found: Briefsmith's own fonts are missing from this "
        "installation (reinstall it), and the system has none (install fonts-noto-core)."
    )


class FontError(Exception):
    pass


def _find_face(family: str, style: str) -> Face | None:
    path = _fontconfig_file(f"{family}:style={style}", family=family)
    return _load(path) if path else None


@lru_cache(maxsize=512)
def _fontconfig_file(pattern: str, family: str | None = None) -> str | None:
    """The font file fontconfig matches; with `family`, only if that family was found.
    Asked once per process (each fc-match is a process of its own: 0.1-0.2 s an export);
    fonts installed while the app runs are seen after a restart."""
    if shutil.which("fc-match") is None:
        _no_fontconfig()
        return None
    fmt = "%{family}\t%{file}" if family else "%{file}"
    try:
        result = subprocess.run(
            ["fc-match", "-f", fmt, pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    out = result.stdout.strip()
    if family:
        names, _, path = out.partition("\t")
        if family.lower() not in [n.strip().lower() for n in names.split(",")]:
            return None
        out = path
    return out if out.lower().endswith((".ttf", ".otf")) and Path(out).is_file() else None


@lru_cache(maxsize=1)
def _no_fontconfig() -> None:
    """Said once: without fontconfig, scripts the shipped fonts lack cannot be found."""
    log.warning(
        "fontconfig (fc-match) is not installed: only the fonts shipped with Briefsmith are used"
    )


_REGISTERED: dict[str, Face] = {}


def _load(path: str) -> Face | None:
    """Register a TrueType file with reportlab (once per process); None if it cannot be used."""
    if path in _REGISTERED:
        return _REGISTERED[path]
    name = "BS-" + Path(path).stem
    try:
        font = TTFont(name, path)
    except (TTFError, OSError, KeyError, ValueError):
        return None  # colour-bitmap or CFF outlines reportlab cannot embed
    pdfmetrics.registerFont(font)
    face = Face(name, path, frozenset(font.face.charToGlyph))
    _REGISTERED[path] = face
    return face
