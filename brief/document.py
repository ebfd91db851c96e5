"""The format-neutral document an exporter renders: blocks of runs, notes, bibliography.

`build_document` turns a Brief plus `ExportOptions` into a `Document`; `exporters.pdf` and
`exporters.docx` each render that one document (rst2pdf's shape: one handler per block).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

NotesMode = Literal["foot", "end"]
Paper = Literal["A4", "Letter"]
Typeface = Literal["serif", "sans"]
SIZES = (9.0, 10.0, 10.5, 11.0, 12.0, 13.0, 14.0)  # the body sizes offered


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look: emphasis, strong, small caps, a link target."""

    text: str
    emphasis: bool = False
    strong: bool = False
    small_caps: bool = False
    superscript: bool = False
    link: str | None = None


SAFE_LINK_SCHEMES = ("https://", "http://", "mailto:")


def is_safe_link(url: str) -> bool:
    """Whether a link may be made clickable in an export: web and mail addresses only, so a
    project someone sends cannot plant links that open local files or run script."""
    return url.strip().lower().startswith(SAFE_LINK_SCHEMES) and not any(
        ord(ch) < 0x20 or ch in '<>"' for ch in url
    )


def plain(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def direction(text: str) -> Literal["ltr", "rtl"]:
    """Base direction by the first strong character (rule P2 of the Unicode bidi algorithm)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


@dataclass
class Note:
    """A footnote or endnote: its number and formatted text."""

    number: int
    runs: list[Run]


@dataclass
class Heading:
    level: int
    runs: list[Run]
    anchor: str  # stable id for bookmarks and the contents


@dataclass
class Paragraph:
    """The author's own text."""

    runs: list[Run]
    language: str = ""

    @property
    def rtl(self) -> bool:
        return direction(plain(self.runs)) == "rtl"


@dataclass
class AlsoReported:
    """Another outlet that states an excerpt's fact, with its own citation."""

    outlet: str  # the source's publisher, or its title when the publisher is not known
    note: Note | None = None
    citation: list[Run] = field(default_factory=list)


ALSO_REPORTED_BY = "Also reported by: "


@dataclass
class Excerpt:
    """A quotation from a source, followed by its citation: a note mark or in-text runs;
    and, when the user asked for it, the independent outlets that also report it."""

    runs: list[Run]
    note: Note | None = None  # note styles: the note this excerpt's mark points to
    citation: list[Run] = field(default_factory=list)  # in-text styles: "(George, 2022)"
    language: str = ""
    source_title: str = ""
    also: list[AlsoReported] = field(default_factory=list)
    also_more: int = 0  # further independent outlets, counted but not listed

    def also_runs(self) -> list[Run | Note]:
        """The "Also reported by" line: text runs, and each outlet's note where its mark goes
        (after a comma or full stop, as note styles place it) or its in-text citation
        (before them)."""
        line: list[Run | Note] = [Run(ALSO_REPORTED_BY, emphasis=True)]
        count = len(self.also)
        for n, other in enumerate(self.also):
            if n < count - 2 or (n == count - 2 and self.also_more):
                after = ", "
            elif n == count - 2:
                after = " and "
            elif self.also_more:
                after = f" and {self.also_more} {'other' if self.also_more == 1 else 'others'}."
            else:
                after = "."
            punctuation = after[:1] if after[:1] in ",." else ""
            line.append(Run(other.outlet))
            if other.note is not None:
                line += [Run(punctuation), other.note, Run(after[len(punctuation) :])]
            else:
                line += [Run(" "), *other.citation] if other.citation else []
                line.append(Run(after))
        return [part for part in line if not (isinstance(part, Run) and not part.text)]


Block = Heading | Paragraph | Excerpt


@dataclass
class Document:
    """Everything an exporter needs, and nothing about projects, widgets or settings."""

    title: str
    subtitle: str = ""
    author: str = ""
    date: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = "en"
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    bibliography: list[list[Run]] = field(default_factory=list)
    bibliography_title: str = "Bibliography"
    notes_mode: NotesMode = "foot"
    contents: bool = False
    paper: Paper = "A4"
    style_name: str = ""
    typeface: Typeface = "serif"  # the body's: Noto Serif or Noto Sans, shipped with Briefsmith
    size: float = 11.0  # the body's size in points; headings and notes keep their proportions


@dataclass
class ExportOptions:
    """What the user chose in the export dialog (or on the command line)."""

    style: str | Path = "chicago"  # chicago, apa, mla, or a .csl file
    notes: NotesMode = "foot"
    contents: bool = False
    paper: Paper = "A4"
    typeface: Typeface = "serif"
    size: float = 11.0
    title: str | None = None  # None: the brief's own
    subtitle: str | None = None
    author: str | None = None
    date: str | None = None
    # An excerpt whose section is gone from the project: stop and name it ("fail"), or
    # export the rest with a visible marker in its place ("mark"), as the user chose.
    missing: Literal["fail", "mark"] = "fail"
    # Under each excerpt, the independent outlets of the project that report it too, each
    # cited (brief.story.corroborate); matches the user marked wrong are left out.
    also_reported: bool = False
