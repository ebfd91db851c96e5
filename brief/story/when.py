"""When: the days a source's sections speak of, absolute ("17 March 2026", "10 de agosto")
or relative to the article's own date ("on Tuesday", "lundi matin", "seit Dienstag",
"yesterday"), resolved against the date the article was published.

A weekday is the nearest such day to the article's date, the same day counting as the
nearest: news tells of the last few days and the next few ("on Thursday" in a Friday paper is
the day before; "talks on Friday" in a Thursday one, the day after). A word before it
settles the direction: "since", "seit", "depuis", "desde", "last" look back; "by", "until",
"before", "for", "vor", "bis", "avant", "jusqu'à", "antes", "hasta", "next" look ahead. A day
and month without a year take the year that puts them nearest to the article's date.
English, French, German and Spanish; an article without a date gets no relative day.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from brief.model import Section, SectionKind

#: Stored with the events: events found by other rules are found again when a project opens.
VERSION = "when 2"

_DATED = (SectionKind.PARAGRAPH, SectionKind.QUOTE, SectionKind.LIST_ITEM, SectionKind.HEADING)


def _fold(word: str) -> str:
    if word.isascii():
        return word.casefold()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _table(*rows: str) -> dict[str, int]:
    """Words by their number: each row names 1, 2, 3 … in one language (as written, and
    without their accents)."""
    table: dict[str, int] = {}
    for row in rows:
        for number, word in enumerate(row.split(), start=1):
            table[word.casefold()] = table[_fold(word)] = number
    return table


_MONTHS = _table(
    "january february march april may june july august september october november december",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "jan feb mar apr may jun jul aug sept oct nov dec",
)
_WEEKDAYS = _table(  # Monday is 1, as date.isoweekday() counts
    "monday tuesday wednesday thursday friday saturday sunday",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lunes martes miércoles jueves viernes sábado domingo",
)
# "Yesterday" names a day. "Today" and "tomorrow" are as often the present and the future
# ("tomorrow belongs to us", "farmers today"), and German "morgen" and Spanish "mañana" are
# also the morning: they are left out.
_RELATIVE = dict.fromkeys(("yesterday", "hier", "gestern", "ayer"), -1)
_BACK = frozenset(("since", "last", "seit", "depuis", "desde", "dernier", "letzten", "pasado"))
_AHEAD = frozenset(
    [
        "by",
        "until",
        "till",
        "before",
        "for",
        "next",
        "vor",
        "bis",
        "ab",
        "avant",
        "jusqu'a",
        "jusqu’a",
        "prochain",
        "antes",
        "hasta",
        "nachsten",
        "proximo",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The words that can name a day relative to the article's: found by one expression, rather
# than by folding every word of every section.
_DAY_WORDS = re.compile(
    r"(?<![\w'’])(?:"
    + "|".join(sorted(map(re.escape, {*_WEEKDAYS, *_RELATIVE}), key=len, reverse=True))
    + r")(?![\w'’])",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,10})\.?"
    r"(?:,?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d))?\b"
)
_MONTH_DAY = re.compile(
    r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")


@dataclass(frozen=True)
class Event:
    """A day a section speaks of, and the words that name it."""

    section_id: int | None
    start: int
    end: int
    day: date


def find_events(sections: Sequence[Section], published: str) -> list[Event]:
    """The days the sections name; relative ones only when `published` gives the day."""
    base = _parse_day(published)
    events: list[Event] = []
    for section in sections:
        if section.kind in _DATED:
            events += _section_events(section, base)
    return events


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _section_events(section: Section, base: date | None) -> list[Event]:
    text = section.text
    found: list[Event] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, day: date | None) -> None:
        if day is not None and not any(a < end and start < b for a, b in taken):
            taken.append((start, end))
            found.append(Event(section.id, start, end, day))

    for match in _ISO.finditer(text):
        add(match.start(), match.end(), _day(match["year"], match["month"], match["day"], base))
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text):
            month = _MONTHS.get(_fold(match["month"]))
            if month is None or (match["month"].casefold() == "may" and match["month"] != "May"):
                continue
            add(match.start(), match.end(), _day(match["year"], month, match["day"], base))
    if base is not None:
        for match in _DAY_WORDS.finditer(text):
            word = _fold(match.group())
            if word in _WEEKDAYS:
                before = _word_before(text, match.start())
                add(match.start(), match.end(), _weekday(base, _WEEKDAYS[word], before))
            elif word in _RELATIVE:
                add(match.start(), match.end(), base + timedelta(days=_RELATIVE[word]))
    return sorted(found, key=lambda e: e.start)


def _day(
    year: str | int | None, month: str | int, day: str | int, base: date | None
) -> date | None:
    """A calendar day; without a year, the year that puts it nearest the article's date."""
    try:
        if year:
            return date(int(year), int(month), int(day))
        if base is None:
            return None
        candidates = [date(base.year + step, int(month), int(day)) for step in (-1, 0, 1)]
    except ValueError:
        return None
    return min(candidates, key=lambda d: abs((d - base).days))


def _word_before(text: str, at: int) -> str:
    words = _WORD.findall(text[max(0, at - 30) : at])
    return _fold(words[-1]) if words else ""


def _weekday(base: date, weekday: int, before: str) -> date:
    back = (base.isoweekday() - weekday) % 7  # days since the last such day (0: today)
    ahead = (weekday - base.isoweekday()) % 7  # days to the next one (0: today)
    if before in _BACK:
        return base - timedelta(days=back or 7 if before == "last" else back)
    if before in _AHEAD:
        return base + timedelta(days=ahead or (7 if before == "next" else 0))
    return base - timedelta(days=back) if back <= ahead else base + timedelta(days=ahead)
