"""Direction runs of mixed text, for both writers: which stretches read right to left.

A simplified Unicode bidi algorithm, enough for the prose of a brief: strong characters decide,
digits read left to right as a unit wherever they stand, and a neutral (space, comma, bracket)
takes the direction of its neighbours when they agree and the paragraph's otherwise. So in a
note "کابل, para. 3." only "کابل" reads right to left, never the ", para. 3." after it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Direction = Literal["L", "R"]


def strong(ch: str) -> Direction | None:
    """The direction a character forces, or None for neutrals and marks."""
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind in ("L", "EN", "AN"):  # digits read left to right as a unit, wherever they stand
        return "L"
    return None


# Every character whose bidi class is R or AL lies in these blocks: a regular expression
# rules out right-to-left text at C speed before any character is looked up.
_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def has_rtl(text: str) -> bool:
    if not _MAYBE_RTL.search(text):
        return False
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def logical_runs(text: str, base: Direction) -> list[tuple[str, Direction]]:
    """Text in logical order split into (stretch, direction) runs, still in logical order."""
    if base == "L" and not _MAYBE_RTL.search(text):
        return [(text, "L")] if text else []
    kinds = [strong(ch) for ch in text]
    # The nearest strong direction before and after each position, in two linear passes.
    before: list[Direction] = []
    last: Direction = base
    for kind in kinds:
        before.append(last)
        last = kind or last
    after: list[Direction] = [base] * len(kinds)
    nxt: Direction = base
    for i in range(len(kinds) - 1, -1, -1):
        after[i] = nxt
        nxt = kinds[i] or nxt
    runs: list[tuple[str, Direction]] = []
    for i, ch in enumerate(text):
        kind = kinds[i]
        resolved: Direction = kind or (before[i] if before[i] == after[i] else base)
        if runs and runs[-1][1] == resolved:
            runs[-1] = (runs[-1][0] + ch, resolved)
        else:
            runs.append((ch, resolved))
    return runs
