"""Briefsmith's data files: citation styles, icons, the launcher, and the fonts a brief is
set in. A package of its own so that `importlib.resources` finds them in a checkout, in an
installed wheel and in the bundled app alike, never by a path relative to the source tree."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def asset(*parts: str) -> Path:
    """The path of an asset on disk (reportlab and Qt open files by name)."""
    return Path(str(files(__name__).joinpath(*parts)))
