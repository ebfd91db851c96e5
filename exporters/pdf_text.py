"""Text for the PDF: runs to reportlab markup with a font per script, shaping, copy-out text.

Every character of a project reaches reportlab's Paragraph escaped (text is data, never
markup). Shaped right-to-left glyphs get a ToUnicode map that gives back the letters typed.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.abag import ABag
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import shapeFragWord

from brief.document import Run, is_safe_link
from exporters.fonts import FontSet, drawable

LINK_COLOUR = "#0563C1"
_FEATURES = {"kern": True, "liga": False}


_BREAKS = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\u2028": " ", "\u2029": " "})


def clean(text: str) -> str:
    """What a PDF can show: breaks and tabs as spaces, no control characters, no lone
    surrogates."""
    text = text.translate(_BREAKS)
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ord(ch) >= 0x20 and not 0xD800 <= ord(ch) < 0xE000)


def markup(runs: Iterable[Run], fonts: FontSet, *, bold: bool = False, italic: bool = False) -> str:
    """Paragraph markup for runs: each script in a font that has it, links clickable."""
    out = []
    for run in runs:
        strong, emph = bold or run.strong, italic != run.emphasis
        base = (
            fonts.bold_italic
            if strong and emph
            else fonts.bold
            if strong
            else fonts.italic
            if emph
            else fonts.regular
        )
        parts = []
        for text, face in fonts.segments(drawable(clean(run.text)), base):
            parts.append(f'<font name="{face.name}">{escape(text)}</font>')
        piece = "".join(parts)
        if run.superscript:
            piece = f"<super>{piece}</super>"
        if run.link and is_safe_link(run.link):
            piece = (
                f'<a href="{escape(run.link, {chr(34): "&quot;"})}" '
                f'color="{LINK_COLOUR}">{piece}</a>'
            )
        out.append(piece)
    return "".join(out)


@lru_cache(maxsize=20000)
def shaped(text: str, font: str, size: float) -> Any:
    """Right-to-left text shaped by HarfBuzz: joined forms, ligatures, in visual order."""
    # Required ligatures only (lam-alef): the optional ones (liga, dlig) fuse words such as
    # "الله" into one glyph, which text extractors that reorder right-to-left text (poppler:
    # pdftotext, Evince, Okular) read back backwards. The letters are set joined instead.
    word = [pdfmetrics.stringWidth(text, font, size), (ABag(fontName=font, fontSize=size), text)]
    shaped = shapeFragWord(word, features=_FEATURES, force=True)[1][1]
    _remember_private_glyphs(text, shaped, font)
    return shaped


# Shaped glyphs with no character of their own (a Pashto letter's joining form, a ligature)
# get private-use codes in reportlab's font subset, and the PDF's ToUnicode map would give
# those codes back on copy and paste. Remember what each one stood for, per font, and write
# that into the map instead. (A ligature's own code, say U+05F0, then copies out as the two
# letters wherever it stands: typed as itself too, which a news brief will not meet.)
_PRIVATE_TEXT: dict[tuple[str, int], str] = {}


def _remember_private_glyphs(text: str, shaped: Any, font: str) -> None:
    data = getattr(shaped, "__shapeData__", None)
    if not data:
        return
    face_name = pdfmetrics.getFont(font).face.name
    face_name = face_name.decode("latin-1") if isinstance(face_name, bytes) else str(face_name)
    clusters = sorted({d.cluster for d in data if 0 <= d.cluster < len(text)})
    seen_clusters: set[int] = set()
    for ch, d in zip(shaped, data, strict=False):
        code = ord(ch)
        after = bisect.bisect_right(clusters, d.cluster)
        source = text[d.cluster : clusters[after] if after < len(clusters) else len(text)]
        private = 0xE000 <= code <= 0xF8FF
        # A ligature with a character of its own (Hebrew's double vav from two vavs) copies
        # out as the letters typed, as a presentation form does by its decomposition.
        ligature = (
            not ch.isspace()  # a joiner is drawn as an empty space glyph
            and ch not in source
            and unicodedata.normalize("NFKC", ch) not in source
        )
        if (face_name, code) in _PRIVATE_TEXT or not (private or ligature):
            seen_clusters.add(d.cluster)
            continue
        # A second glyph of the same cluster (half of a ligature) maps to a zero-width joiner.
        _PRIVATE_TEXT[(face_name, code)] = "\u200d" if d.cluster in seen_clusters else source
        seen_clusters.add(d.cluster)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with private glyphs mapped to their text, presentation
    forms to their letters, and characters beyond the BMP written as UTF-16 surrogate pairs."""
    face = fontname.split("+", 1)[-1]
    entries = []
    for i, code in enumerate(subset):
        target = _PRIVATE_TEXT.get((face, code)) or _logical(chr(code))
        hexed = target.encode("utf-16-be").hex().upper() or "0020"
        entries.append(f"<{i:02X}> <{hexed}>")
    header = _ORIGINAL_CMAP(fontname, subset).split("\n")
    start = next(n for n, line in enumerate(header) if line.endswith("beginbfchar")) + 1
    end = next(n for n, line in enumerate(header) if line == "endbfchar")
    return "\n".join(header[:start] + entries + header[end:])


def _logical(ch: str) -> str:
    """A presentation form (the joined shape HarfBuzz chose: initial, medial, final, or a
    ligature such as lam-alef) stands for the letters it was made of; anything else for
    itself. So Persian, Pashto and Arabic copy out of the PDF as the letters typed."""
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return unicodedata.normalize("NFKC", ch) or ch
    return ch


_ORIGINAL_CMAP = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # reportlab calls it by module global
