"""Bylines and signature lines as pages print them, in many languages.

"By First Last", "Par Rachida El Azzouzi et Mortaza Behboudi", "Von …", "Por …", "بقلم …";
a line of names alone under the title; "Author: …" and "Source: …" labels closing an article
("- نویسنده : …", "- منبع خبر : …"). Only the line's layout and these few words are used.
"""

from __future__ import annotations

import re

from brief.ingest.people import clean_authors

BYLINE = re.compile(
    r"""^(?:(?:written|posted|reported|words|text|texte|reportage|story)\s+)?
    (?:by|par|von|por|door|от|بقلم|بواسطة|توسط|لخوا)\s*[:\s]\s*(?=\S)""",
    re.I | re.X,
)
_AUTHOR_LABEL = re.compile(
    r"""^[-–•*·\s]*(?:authors?|writers?|reporters?|autor(?:es|in|en)?|auteurs?|verfasser(?:in)?
    |autore|autori|yazar|автор[ыа]?|نویسنده|نويسنده|کاتب|الكاتب|الكاتبة|كاتب|مصنف|لیکوال
    |لیکنه|تحریر|مؤلف)\s*[:：]\s*(?P<name>\S.{0,80})$""",
    re.I | re.X,
)
_SOURCE_LABEL = re.compile(
    r"""^[-–•*·\s]*(?:sources?|quelle|fuente|fonte|kaynak|источник|منبع(?:\s+خبر)?|المصدر
    |مصدر|ماخذ|سرچینه|سرچينه|publisher|éditeur|herausgeber|editor)\s*[:：]\s*
    (?P<name>\S.{0,80})$""",
    re.I | re.X,
)
# The lookahead names what a match can start with (a space, a mark, a conjunction's first
# letter), which re then skips to in C instead of trying the alternatives at each character.
_CONJUNCTION = re.compile(
    r"(?=[\s,;&aeuyiиv])\s*(?:,|;|&|\band\b|\bet\b|\bund\b|\by\b|\be\b|\bi\b|\bи\b|\bve\b)\s*"
)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*|[a-z]{1,3})$")
# Scripts without capitals or spaces (Chinese, Japanese, Korean): a line holding them is no
# line of capitalised names, whatever Latin words it also holds ("Kindle for PCの起動…").
_UNCASED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def byline_authors(text: str) -> list[str]:
    """The people of a "By …" line (in the languages above); [] if the line is not one."""
    if not BYLINE.match(text) or len(text.split()) > 15:
        return []
    return clean_authors(BYLINE.sub("", text, count=1))


def names_line(text: str) -> list[str]:
    """A line of names alone ("Rachida El Azzouzi et Mortaza Behboudi"): the names, else []."""
    words = text.split()
    if not 2 <= len(words) <= 10 or text.endswith((".", "!", "?", ":")):
        return []
    if _UNCASED_SCRIPT.search(text):
        return []
    names = [part for part in _CONJUNCTION.split(text) if part]
    if not names or len(names) > 4:
        return []
    for name in names:
        parts = name.split()
        if not 2 <= len(parts) <= 4 or not parts[0][:1].isupper():
            return []
        if not all(_NAME_WORD.match(part) for part in parts):
            return []
        if sum(part[:1].isupper() for part in parts) < 2:
            return []
        if any(part.isupper() and len(part) > 2 for part in parts):
            return []  # "KONTROL ELE GEÇİRİLDİ": a heading in capitals, not a name
    return names


def labelled_author(text: str) -> str:
    match = _AUTHOR_LABEL.match(text)
    return match.group("name").strip(" .") if match else ""


def labelled_source(text: str) -> str:
    match = _SOURCE_LABEL.match(text)
    return match.group("name").strip(" .") if match else ""
