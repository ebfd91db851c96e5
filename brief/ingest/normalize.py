"""Text normalisation shared by every importer."""

from __future__ import annotations

import re
import unicodedata

# Control characters other than tab and newline, plus the invisible marks that only get in
# the way of search (soft hyphen, zero-width space, word joiner, BOM). ZWNJ and ZWJ stay:
# Persian and other scripts need them to spell words right.
_DROP = dict.fromkeys(
    [c for c in range(0x20) if c not in (0x09, 0x0A)]
    + [0x7F, 0xAD, 0x200B, 0x2060, 0xFEFF]
    + list(range(0x80, 0xA0)),
)
# The same characters as a pattern: a page is searched for them in C and rarely holds any,
# where str.translate looks each of its characters up in a dict.
_DROP_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b\u2060\ufeff]")
# A carriage return breaks a line (normalize_text reads it so) before control characters go.
_DROP_INLINE = {**_DROP, 0x0D: " "}
# Every space but the plain one. A page holds thousands of plain spaces and few others, so
# these are replaced first and runs of plain spaces then folded by str.replace, in C.
_OTHER_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Either kind, looked for first in one pass: most pages hold neither.
_DROP_OR_SPACE = re.compile(_DROP_RE.pattern[:-1] + _OTHER_SPACE.pattern[1:])


def normalize_text(text: str) -> str:
    """NFC, Unix line endings, plain spaces, no soft hyphens or control characters.

    Line structure is kept (the pasted-text cleaner reads it); runs of spaces collapse and
    lines lose their leading and trailing spaces. Each step runs over the whole text at
    once: a pasted page has hundreds of lines.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    odd = bool(_DROP_OR_SPACE.search(text))
    if odd and _DROP_RE.search(text):
        text = _DROP_RE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        odd = True  # the text the first look saw has changed: look again
    if odd and _OTHER_SPACE.search(text):
        text = _OTHER_SPACE.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    # Runs are single spaces now: a line's edges hold one at most.
    return text.replace(" \n", "\n").replace("\n ", "\n").strip(" ")


def normalize_inline(text: str) -> str:
    """Normalise one block: as normalize_text, with every line break folded into a space.

    str.split() takes every space and line break normalize_text knows, so one split does
    what its line-by-line pass would."""
    return " ".join(unicodedata.normalize("NFC", text.translate(_DROP_INLINE)).split())
