"""Finding publication dates in free text ("03 September 2021, 5:27pm", "Nov. 20, 2019")."""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = r"(?:,?\s*(?:at\s+)?(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ap>[ap]\.?m\.?)?)?"
_PATTERNS = [
    # 03 September 2021, 5:27pm
    re.compile(
        r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b" + _TIME, re.I
    ),
    # November 20, 2019 / Nov. 20, 2019 at 6:58 am
    re.compile(
        _MONTH.replace("(?P<mon>", r"\b(?P<mon>") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
        r"(?P<y>\d{4})\b" + _TIME,
        re.I,
    ),
    # 2019-11-20 or 2019/11/20, optionally with a time
    re.compile(
        r"\b(?P<y>\d{4})[-/](?P<mo>\d{1,2})[-/](?P<d>\d{1,2})\b"
        r"(?:[T ](?P<h>\d{1,2}):(?P<m>\d{2}))?"
    ),
]
_WORD = re.compile(r"\w+")
_DATE_WORDS = re.compile(
    r"^(?:published|posted|updated|last\s+updated|modified|date|on|at|am|pm|[ap]\.m\.|"
    r"e[sd]t|gmt|utc|bst|cet|[a-z]{2,4}t|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|mon|tue|wed|thu|fri|sat|sun|\d+|st|nd|rd|th)$",
    re.I,
)


def find_date(text: str) -> str | None:
    """The first full calendar date in the text as ISO 8601 (with hh:mm when given)."""
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mo"]) if parts.get("mo") else _MONTHS[parts["mon"].lower()[:3]]
        try:
            day = date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            continue
        if not 1900 <= day.year <= 2100:
            continue
        if parts.get("h"):
            hour, minute = int(parts["h"]), int(parts["m"])
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
    return None


def is_date_line(line: str) -> bool:
    """True when the line is a date and little else ("Updated 1:39 am EST, Wednesday, ...")."""
    if len(line) > 80 or find_date(line) is None:
        return False
    words = _WORD.findall(line)
    month = re.compile(_MONTH + "$", re.I)
    other = [w for w in words if not _DATE_WORDS.match(w) and not month.match(w)]
    return len(other) <= 1
