"""Finding publication dates in free text, in the forms news sites print them.

"03 September 2021, 5:27pm", "Nov. 20, 2019", "14 avril 2022 à 12h31", "9. September 2001",
"Thursday, 01/05/2023", "3-9-2021 | 20:08", "15/08/21". Numeric dates are read day first, as
most of the world writes them, unless a weekday printed beside the date says otherwise or the
numbers allow only one reading. Lines dated in other calendars (Solar Hijri, Hijri) are date
lines too, though no Gregorian date is read from them.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from brief.ingest.alternation import by_first_letter

# Month names (and their usual abbreviations) in the languages news is most pasted from.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "janvier",
        "janv",
        "januar",
        "jänner",
        "enero",
        "ene",
        "janeiro",
        "gennaio",
        "gen",
        "januari",
        "ocak",
        "января",
        "январь",
        "янв",
    ),
    2: (
        "february",
        "feb",
        "février",
        "févr",
        "fevrier",
        "februar",
        "febrero",
        "fevereiro",
        "fev",
        "febbraio",
        "februari",
        "şubat",
        "subat",
        "февраля",
        "февраль",
        "фев",
    ),
    3: ("march", "mar", "mars", "märz", "marzo", "março", "maart", "mart", "марта", "март"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "nisan", "апреля", "апрель"),
    5: ("may", "mai", "mayo", "maio", "maggio", "mag", "mei", "mayıs", "mayis", "мая", "май"),
    6: (
        "june",
        "jun",
        "juin",
        "juni",
        "junio",
        "junho",
        "giugno",
        "giu",
        "haziran",
        "июня",
        "июнь",
    ),
    7: (
        "july",
        "jul",
        "juillet",
        "juil",
        "juli",
        "julio",
        "julho",
        "luglio",
        "lug",
        "temmuz",
        "июля",
        "июль",
    ),
    8: (
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "ağustos",
        "agustos",
        "августа",
        "август",
        "авг",
    ),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "set",
        "setembro",
        "settembre",
        "eylül",
        "eylul",
        "сентября",
        "сентябрь",
        "сен",
    ),
    10: (
        "october",
        "oct",
        "octobre",
        "oktober",
        "okt",
        "octubre",
        "outubro",
        "out",
        "ottobre",
        "ott",
        "ekim",
        "октября",
        "октябрь",
        "окт",
    ),
    11: (
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "kasım",
        "kasim",
        "ноября",
        "ноябрь",
        "ноя",
    ),
    12: (
        "december",
        "dec",
        "décembre",
        "decembre",
        "dezember",
        "dez",
        "diciembre",
        "dic",
        "dezembro",
        "dicembre",
        "aralık",
        "aralik",
        "декабря",
        "декабрь",
        "дек",
    ),
}
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_MONTH = (
    r"(?P<mon>" + "|".join(sorted((re.escape(n) for n in _MONTHS), key=len, reverse=True)) + r")\.?"
)
_WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: (
        "monday",
        "mon",
        "lundi",
        "montag",
        "lunes",
        "segunda-feira",
        "lunedì",
        "maandag",
        "pazartesi",
        "понедельник",
    ),
    1: (
        "tuesday",
        "tue",
        "tues",
        "mardi",
        "dienstag",
        "martes",
        "terça-feira",
        "martedì",
        "dinsdag",
        "salı",
        "вторник",
    ),
    2: (
        "wednesday",
        "wed",
        "mercredi",
        "mittwoch",
        "miércoles",
        "quarta-feira",
        "mercoledì",
        "woensdag",
        "çarşamba",
        "среда",
    ),
    3: (
        "thursday",
        "thu",
        "thur",
        "thurs",
        "jeudi",
        "donnerstag",
        "jueves",
        "quinta-feira",
        "giovedì",
        "donderdag",
        "perşembe",
        "четверг",
    ),
    4: (
        "friday",
        "fri",
        "vendredi",
        "freitag",
        "viernes",
        "sexta-feira",
        "venerdì",
        "vrijdag",
        "cuma",
        "пятница",
    ),
    5: (
        "saturday",
        "sat",
        "samedi",
        "samstag",
        "sonnabend",
        "sábado",
        "sabato",
        "zaterdag",
        "cumartesi",
        "суббота",
    ),
    6: (
        "sunday",
        "sun",
        "dimanche",
        "sonntag",
        "domingo",
        "domenica",
        "zondag",
        "pazar",
        "воскресенье",
    ),
}
_WEEKDAY_OF = {name: number for number, names in _WEEKDAYS.items() for name in names}
_WEEKDAY = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, _WEEKDAY_OF), key=len, reverse=True)) + r")(?!\w)",
    re.I,
)
_TIME = (
    r"(?:,?\s*(?:[|\-–—]\s*)?(?:at\s+|à\s+|um\s+|a\s+las\s+|às\s+|alle\s+)?"
    r"(?P<h>\d{1,2})[:.h](?P<m>\d{2})\s*(?P<ap>[ap]\.?m\.?)?)?"
)
# The day-first and year-first patterns (and _NUMERIC) open with a digit and look behind it
# after: re then skips to a line's digits (in C) instead of trying them at each character.
_PATTERNS = [
    # 03 September 2021, 5:27pm / 14 avril 2022 à 12h31 / 9. September 2001 / 5 de julio de 2021
    re.compile(
        r"(?P<d>\d(?<!\w\d)\d?)(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?"
        + _MONTH
        + r",?\s+(?:de\s+|del\s+)?(?P<y>\d{4})(?!\d)"
        + _TIME,
        re.I,
    ),
    # November 20, 2019 / Nov. 20, 2019 at 6:58 am
    re.compile(
        r"(?<!\w)" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)" + _TIME,
        re.I,
    ),
    # 2019-11-20 or 2019/11/20, optionally with a time
    re.compile(
        r"(?P<y>\d(?<!\d\d)\d{3})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"
        r"(?:[T ](?P<h>\d{1,2}):(?P<m>\d{2}))?"
    ),
]
# 01/05/2023, 3-9-2021, 20.08.2021 (and, on a line of its own, 15/08/21): read in is_date_line
# and find_date with the weekday rule below.
_NUMERIC = re.compile(
    r"(?P<a>\d(?<![\d/.-]\d)\d?)(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.-])"
    r"(?:\s*(?:[|,\-–—]\s*)?(?P<h>\d{1,2})[:h](?P<m>\d{2}))?"
)
# What the second of _PATTERNS holds after its month's name ("20, 2019", "3rd 2021").
_DAY_YEAR = re.compile(r"\d(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)", re.I)
_WORD = re.compile(r"\w+")
# Every date the patterns read holds two digits in a row (its year), in any script's digits:
# most lines of a page have none, and are let go before the patterns are tried.
_TWO_DIGITS = re.compile(r"\d\d")
_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")  # Arabic-Indic and Persian digits too
_DATE_WORDS = re.compile(
    r"^(?:published|posted|updated|last|modified|date|on|at|am|pm|[ap]\.m\.|"
    r"e[sd]t|gmt|utc|bst|cet|cest|ist|pst|pdt|[a-z]{2,4}t|\d+|st|nd|rd|th|er|h|uhr|um|"
    r"à|a|de|del|le|el|la|alle|ore|às|saat|в|г|года|mis|jour|publié|actualisé|"
    r"veröffentlicht|aktualisiert|stand|publicado|actualizado|atualizado|pubblicato|"
    r"aggiornato|yayınlanma|güncelleme|опубликовано|обновлено)$",
    re.I,
)
# The same, its words grouped by first letter: it is asked of every word of a date line.
_DATE_WORDS_BY_LETTER = by_first_letter(_DATE_WORDS)
# Lines dated in the Solar Hijri (Afghan and Iranian month names) or Hijri calendar, or by
# weekday names of Arabic and Persian: "پنجشنبه ۳۰ سرطان ۱۴۰۰", "الخميس 3 محرم 1443".
_OTHER_CALENDAR = re.compile(
    r"(?:حمل|ثور|جوزا|سرطان|اسد|سنبله|میزان|عقرب|قوس|جدی|دلو|حوت|فروردین|اردیبهشت|خرداد|"
    r"تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|"
    r"شوال|ذو\s*القعدة|ذو\s*الحجة|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|"
    r"سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|"
    r"اکتوبر|نومبر|دسمبر)"
)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _with_time(day: date, parts: dict[str, str | None]) -> str:
    if parts.get("h"):
        hour, minute = int(parts["h"] or 0), int(parts["m"] or 0)
        ampm = (parts.get("ap") or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return datetime(day.year, day.month, day.day, hour, minute).isoformat(
                timespec="minutes"
            )
    return day.isoformat()


def _numeric(text: str, *, short_year: bool) -> str | None:
    """A numeric date, read day first unless the weekday or the numbers say otherwise."""
    for match in _NUMERIC.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), match["y"]
        if len(year) == 2:
            if not short_year:
                continue
            full_year = 2000 + int(year)
        else:
            full_year = int(year)
        readings = []
        for day_, month in ((a, b), (b, a)):
            try:
                readings.append(date(full_year, month, day_))
            except ValueError:
                continue
        readings = list(dict.fromkeys(readings))
        if not readings or not 1900 <= full_year <= 2100:
            continue
        weekday = _WEEKDAY.search(text)
        if weekday:
            wanted = _WEEKDAY_OF[weekday.group(1).casefold()]
            matching = [r for r in readings if r.weekday() == wanted]
            readings = matching or readings
        return _with_time(readings[0], match.groupdict())
    return None


def find_date(text: str, *, short_year: bool = False) -> str | None:
    """The first full calendar date in the text as ISO 8601 (with hh:mm when given)."""
    if not _TWO_DIGITS.search(text):
        return None
    if not text.isascii():
        text = text.translate(_ARABIC_DIGITS)
    # Every one of _PATTERNS holds a year of four digits ("12 comments" holds none).
    for pattern in _PATTERNS if _FOUR_DIGITS.search(text) else ():
        if pattern is _PATTERNS[1] and not _DAY_YEAR.search(text):
            continue  # its month names are tried at every word: first its numbers
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["mo"]) if parts.get("mo") else _MONTHS[parts["mon"].casefold()]
            try:
                day = date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:
                continue
            if not 1900 <= day.year <= 2100:
                continue
            return _with_time(day, parts)
    return _numeric(text, short_year=short_year)


def is_date_line(line: str) -> bool:
    """True when the line is a date and little else ("Updated 1:39 am EST, Wednesday, ...")."""
    if len(line) > 80 or not _DIGIT.search(line):  # a date line in any calendar has a number
        return False
    if find_date(line, short_year=True) is None:
        return not line.isascii() and is_other_calendar_line(line)
    words = _WORD.findall(line if line.isascii() else line.translate(_ARABIC_DIGITS))
    other = [
        w
        for w in words
        if not _DATE_WORDS_BY_LETTER.match(w)
        and w.casefold() not in _MONTHS
        and w.casefold() not in _WEEKDAY_OF
    ]
    return len(other) <= 1


def line_date(line: str) -> str | None:
    """The date a date line gives (two-digit years allowed: the line is only a date)."""
    return find_date(line, short_year=True)


def is_other_calendar_line(line: str) -> bool:
    """A short line dated in another calendar: a month name there, a number, little else."""
    if not _DIGIT.search(line) or not 2 <= len(_WORD.findall(line)) <= 7:
        return False
    return bool(_OTHER_CALENDAR.search(line))
