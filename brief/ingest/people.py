"""Cleaning author and publisher strings into the people they name."""

from __future__ import annotations

import re

from brief.ingest.dates import find_date

_ROLE = re.compile(
    r"\b(?:(?:staff|senior|chief|contributing|special|guest|freelance|political|foreign|business|"
    r"auto|science|health|tech(?:nology)?|sports?|news|managing|deputy|associate|executive|"
    r"national|international|investigative|white\s+house|washington|ap|afp|reuters)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|"
    r"photographer|analyst|critic|author|bureau\s+chief|staff)s?\b",
    re.I,
)
_BY = re.compile(r"^\s*(?:written\s+|posted\s+|reported\s+)?by[:\s]+", re.I)
_SPLIT = re.compile(r"\s*(?:;|\||,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)
_NOT_NAME = re.compile(r"@|https?:|www\.|\d", re.I)


def clean_authors(raw: str | list[str], publisher: str = "") -> list[str]:
    """Split an author string into people: no roles, dates, e-mail or the publisher's name."""
    pieces = raw if isinstance(raw, list) else [raw]
    people: list[str] = []
    for piece in pieces:
        piece = _BY.sub("", piece.strip())
        if find_date(piece):
            piece = re.split(r"\s*(?:[|,•·]|\bon\b|\bupdated\b|\bpublished\b)\s*", piece)[0]
        for part in _SPLIT.split(piece):
            if _ROLE.search(part) and piece.strip() != part.strip():
                continue  # "Senior Energy Correspondent" after a comma: a role, not a person
            name = _ROLE.sub("", part).strip(" .,-–—:()[]")
            if not name or _NOT_NAME.search(name) or len(name) > 60:
                continue
            if publisher and name.casefold() in publisher.casefold():
                continue
            words = name.split()
            if not 1 <= len(words) <= 5:
                continue
            # A name's words are capitalised (in scripts with capitals); a phrase like "the
            # newsroom" is not a person, "Ministry of Transport" is a body.
            if not all(
                not w[0].islower() or w.lower() in _PARTICLES or (i and w.lower() in _CONNECTORS)
                for i, w in enumerate(words)
            ):
                continue
            if name not in people:
                people.append(name)
    return people


# Small words inside the name of a body: "Ministry of Transport", "Office for Statistics".
_CONNECTORS = {"of", "for", "the", "on", "des", "für", "della", "do"}

_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "di",
    "du",
    "la",
    "le",
    "bin",
    "al",
    "ibn",
    "el",
    "dos",
    "das",
    "del",
    "ter",
    "ten",
    "y",
}
