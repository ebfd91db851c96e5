"""A line read as ASCII bytes when its only other characters are marks.

Most lines of a page in a Latin-script language are ASCII but for a few curly quotes and
dashes. Python's `re` reads such a line about half as fast as an ASCII one, and \\w+ makes
a string of each word; as bytes, with the marks made question marks, its words are counted
and split in C (a paragraph of 341 characters with curly quotes: 8.4 µs to count its words
with \\w+, 2.4 µs as bytes). Where a line holds a letter or digit beyond ASCII ("é", "½",
"ı"), the callers read it as it is.
"""

from __future__ import annotations

import re

# A character beyond ASCII that \w reads as a word's: a line holding one is not read as
# ASCII. In a line in another script the first letter is one, found at once.
_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f\W]")


def _word_byte(code: int) -> bool:
    """What \\w reads in an ASCII line: letters, digits and "_"."""
    return code < 128 and (chr(code).isalnum() or code == ord("_"))


#: A word's bytes as themselves, the rest as a space: `.split()` then gives the line's words
#: as \w+ finds them.
KEEP_WORDS = bytes(code if _word_byte(code) else ord(" ") for code in range(256))
# A word's bytes as "a", the rest as spaces: the words are then counted as the starts of runs
# of "a", in C, no string made of each.
_WORDS_AS_A = bytes(ord("a") if _word_byte(code) else ord(" ") for code in range(256))


def count_ascii_words(line: bytes) -> int:
    """The words (runs of \\w) of a line read by ascii_with_marks."""
    marked = line.translate(_WORDS_AS_A)
    return marked.count(b" a") + marked.startswith(b"a")


def ascii_with_marks(text: str) -> bytes | None:
    """The line as ASCII bytes, each character beyond ASCII made "?", when every such
    character is a mark (\\w reads none of them as a word's); else None.
    The combining dot of a lower-cased "İ" is no word's character, but the furniture
    words read the line without it (brief.ingest.furniture): a line holding it is None."""
    if text.isascii():
        return text.encode()
    if _NON_ASCII_WORD.search(text) or "\u0307" in text:
        return None
    return text.encode("ascii", "replace")
