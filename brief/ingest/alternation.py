"""A pattern's alternatives regrouped under their first letters, so that re tries few.

Python's `re` tries the alternatives of `^(?:share|tweet|…)` one after another at a line's
start: a line of a page matching none of a hundred phrases costs a hundred tries (BARRIER:
1.5 µs a line). Grouped under a lookahead for their first letter, `(?=s)(?:share|…)|(?=t)
(?:tweet|…)`, a line starting with any other letter leaves each group at its first test.
Whether the pattern matches a line does not change: `match` tries every alternative before
it fails, in any order (the span matched may, so only the answer yes or no is to be read).
"""

from __future__ import annotations

import re

_QUANTIFIERS = "?*+{"


def by_first_letter(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern`, of the form `^(?:A|B|…)rest`, with its alternatives A, B, … that open with
    a letter grouped by that letter (in lower case if the pattern ignores case); the others
    are tried as before. Read its answer only (a match or None), not its span."""
    source, flags = pattern.pattern, pattern.flags
    if not source.startswith("^(?:"):
        raise ValueError(f"not an alternation at the line's start: {source[:20]!r}")
    verbose = bool(flags & re.VERBOSE)
    alternatives, rest = _split(source[len("^(?:") :], verbose=verbose)
    groups: dict[str, list[str]] = {}
    others = []
    for text in (e for a in alternatives for e in _opened(a.strip(), verbose=verbose)):
        first = text[:1]
        key = first.lower() if flags & re.IGNORECASE else first
        if first.isalpha() and len(key) == 1 and text[1:2] not in _QUANTIFIERS:
            groups.setdefault(key, []).append(text)
        else:
            others.append(text)
    grouped = [
        re.escape(key) + "(?:" + "|".join(text[1:] for text in texts) + ")"
        for key, texts in groups.items()
    ]
    return re.compile("^(?:" + "|".join([*grouped, *others]) + ")" + rest, flags)


def _opened(alternative: str, *, verbose: bool, depth: int = 0) -> list[str]:
    """The alternative, or the alternatives it stands for when it opens with a group:
    "(?:show|view)\\s+all" is "show\\s+all" or "view\\s+all", and "(?:our\\s+)?top" is
    "our\\s+top" or "top"; so that each opens with its letter. Other openings stay."""
    if depth >= 3 or not alternative.startswith("(?:"):
        return [alternative]
    inner, rest = _split(alternative[len("(?:") :], verbose=verbose)
    if verbose:
        rest = rest.lstrip()
    if rest[:1] == "?" and rest[1:2] not in ("?", "+"):  # the group is optional (greedy)
        rest = rest[1:].lstrip() if verbose else rest[1:]
        texts = [text.strip() + rest for text in inner] + [rest]
    elif rest[:1] and rest[:1] in _QUANTIFIERS:
        return [alternative]  # repeated: not opened
    else:
        texts = [text.strip() + rest for text in inner]
    return [e for text in texts for e in _opened(text, verbose=verbose, depth=depth + 1)]


def _split(source: str, *, verbose: bool) -> tuple[list[str], str]:
    """The alternatives of the group `source` opens inside, and what follows the group;
    comments of a verbose pattern are dropped, so that alternatives can be put on one line."""
    alternatives: list[str] = []
    current: list[str] = []
    depth = 0
    position = 0
    while position < len(source):
        char = source[position]
        if char == "\\":
            current.append(source[position : position + 2])
            position += 2
            continue
        if char == "[":
            end = _class_end(source, position)
            current.append(source[position:end])
            position = end
            continue
        if verbose and char == "#":
            newline = source.find("\n", position)
            position = len(source) if newline < 0 else newline
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                alternatives.append("".join(current))
                return alternatives, source[position + 1 :]
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append("".join(current))
            current = []
            position += 1
            continue
        current.append(char)
        position += 1
    raise ValueError("the group opened at the pattern's start is not closed")


def _class_end(source: str, start: int) -> int:
    """Where the character class opening at `start` ends (after its "]")."""
    position = start + 1
    if source[position : position + 1] == "^":
        position += 1
    if source[position : position + 1] == "]":
        position += 1  # a "]" first in a class is itself
    while position < len(source):
        if source[position] == "\\":
            position += 2
            continue
        if source[position] == "]":
            return position + 1
        position += 1
    raise ValueError("a character class is not closed")
