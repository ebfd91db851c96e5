"""Sample PDFs written for the tests with reportlab, and the text put into them.

Each `Layout` sets the page the way reports and papers do: one or two columns, paragraphs
set apart by space or by an indented first line, running heads, page numbers, footnotes
at the foot of the page (or of the column), words hyphenated at line ends, headings, block
quotes and bulleted lists. `make_pdf` returns the PDF's bytes; the `Sample` it is given holds
the text, so a test measures what the importer kept against what was put in.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

WORDS = [
    "the",
    "council",
    "said",
    "reconstruction",
    "of",
    "the",
    "bridge",
    "would",
    "begin",
    "before",
    "the",
    "rains",
    "and",
    "that",
    "engineers",
    "from",
    "the",
    "provincial",
    "authority",
    "had",
    "surveyed",
    "the",
    "damaged",
    "approaches",
    "twice",
    "humanitarian",
    "agencies",
    "reported",
    "that",
    "food",
    "prices",
    "in",
    "the",
    "district",
    "markets",
    "rose",
    "sharply",
    "after",
    "the",
    "closure",
    "of",
    "the",
    "northern",
    "crossing",
    "while",
    "transport",
    "costs",
    "doubled",
    "for",
    "traders",
    "international",
    "observers",
    "described",
    "the",
    "negotiations",
    "as",
    "difficult",
    "but",
    "constructive",
    "and",
    "expected",
    "a",
    "preliminary",
    "agreement",
    "on",
    "infrastructure",
    "financing",
    "within",
    "several",
    "weeks",
    "residents",
    "interviewed",
    "in",
    "three",
    "villages",
    "said",
    "electricity",
    "supply",
    "remained",
    "unreliable",
    "the",
    "ministry",
    "published",
    "revised",
    "figures",
    "showing",
    "irrigation",
    "coverage",
    "had",
    "improved",
    "in",
    "most",
    "provinces",
    "although",
    "groundwater",
    "levels",
    "continued",
    "falling",
    "across",
    "the",
    "southern",
    "districts",
]


@dataclass
class Sample:
    """The text of a sample document: title, blocks (kind, text) and footnotes by block."""

    title: str
    blocks: list[tuple[str, str]]  # kind: heading, paragraph, quote, item
    notes: dict[int, str] = field(default_factory=dict)  # block index -> its footnote
    author: str = ""

    def body(self) -> list[str]:
        return [text for kind, text in self.blocks]


@dataclass
class Layout:
    columns: int = 1
    indent_first_line: bool = False  # paragraphs set apart by an indent, not by space
    running_head: str = ""
    page_numbers: bool = True
    hyphenate: bool = False
    notes_per_column: bool = False
    font: str = "Times-Roman"
    bold_font: str = "Times-Bold"
    size: float = 10.5
    info: bool = True  # the title and author in the document information


def sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", ";"]).replace(";", ".")


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 24)) for _ in range(sentences))


def sample(seed: int, paragraphs: int = 12, *, notes: int = 3, lists: bool = True) -> Sample:
    """A report: a title, headings every few paragraphs, a block quote, a list, notes."""
    rng = random.Random(seed)
    blocks: list[tuple[str, str]] = []
    for index in range(paragraphs):
        if index % 5 == 0:
            blocks.append(("heading", f"{index // 5 + 1}. " + sentence(rng, 4)[:-1].title()))
        blocks.append(("paragraph", paragraph(rng, rng.randint(1, 6))))
        if index == 3:
            blocks.append(("quote", paragraph(rng, 2)))
        if index == 6 and lists:
            blocks += [("item", sentence(rng, rng.randint(6, 18))) for _ in range(3)]
    candidates = [i for i, (kind, _) in enumerate(blocks) if kind == "paragraph"]
    noted = sorted(rng.sample(candidates, min(notes, len(candidates))))
    return Sample(
        title="Sample report on " + sentence(rng, 5)[:-1].lower(),
        blocks=blocks,
        notes={i: "See " + sentence(rng, rng.randint(5, 30)) for i in noted},
        author="Amina Rahimi",
    )


class _Writer:
    """A tiny page-layout engine: lines broken to the column's width, columns and pages
    filled in turn, footnotes kept on the page (or column) of their marker."""

    margin = 72.0
    gutter = 24.0

    def __init__(self, layout: Layout, sample: Sample) -> None:
        self.layout = layout
        self.sample = sample
        self.out = io.BytesIO()
        self.canvas = Canvas(self.out, pagesize=A4, invariant=1)
        if layout.info:
            self.canvas.setTitle(sample.title)
            self.canvas.setAuthor(sample.author)
        self.width, self.height = A4
        self.column_width = (
            self.width - 2 * self.margin - (layout.columns - 1) * self.gutter
        ) / layout.columns
        self.page = 1
        self.column = 0
        self.notes: list[tuple[int, str]] = []  # notes waiting for the foot of this column
        self.note_number = 0
        self.leading = layout.size * 1.25
        self.top = self.height - self.margin
        self.y = self.top
        self.lowest = self.top  # the lowest line drawn on this page, in any column
        self.deferred: list[tuple[int, str]] = []  # notes that no longer fit on their page

    # -- geometry ---------------------------------------------------------------------------
    def x(self) -> float:
        return self.margin + self.column * (self.column_width + self.gutter)

    def note_lines(self, notes: list[tuple[int, str]]) -> list[str]:
        width = (
            self.column_width
            if self.layout.notes_per_column or self.layout.columns == 1
            else (self.width - 2 * self.margin)
        )
        lines: list[str] = []
        for number, text in notes:
            lines += self.break_lines(f"{number} {text}", width, self.layout.font, 8.0)
        return lines

    def floor(self, notes: list[tuple[int, str]]) -> float:
        """The lowest y the body may use, above its notes."""
        used = len(self.note_lines(notes)) * 10.0 + (14.0 if notes else 0.0)
        return self.margin + used

    def break_lines(
        self, text: str, width: float, font: str, size: float, first: float = 0.0
    ) -> list[str]:
        lines: list[str] = []
        current = ""
        limit = width - first
        for word in text.split():
            trial = f"{current} {word}" if current else word
            if stringWidth(trial, font, size) <= limit:
                current = trial
                continue
            if self.layout.hyphenate and len(word) >= 8 and word.isalpha():
                for cut in range(len(word) - 3, 2, -1):
                    head = f"{current} {word[:cut]}-" if current else f"{word[:cut]}-"
                    if stringWidth(head, font, size) <= limit:
                        lines.append(head)
                        current = word[cut:]
                        break
                else:
                    lines.append(current)
                    current = word
            else:
                if current:
                    lines.append(current)
                current = word
            limit = width
        if current:
            lines.append(current)
        return lines

    # -- pages --------------------------------------------------------------------------------
    def next_column(self) -> None:
        if self.layout.notes_per_column or self.layout.columns == 1:
            self.flush_notes()  # notes set across the page wait for its end
        if self.column + 1 < self.layout.columns:
            self.column += 1
        else:
            self.end_page()
            self.column = 0
        self.y = self.top

    def flush_notes(self) -> None:
        if not self.notes:
            return
        per_column = self.layout.notes_per_column or self.layout.columns == 1
        x = self.x() if per_column else self.margin
        lines = self.note_lines(self.notes)
        y = self.margin + len(lines) * 10.0
        self.canvas.setLineWidth(0.5)
        self.canvas.line(x, y + 6, x + 72, y + 6)
        self.canvas.setFont(self.layout.font, 8.0)
        for line in lines:
            y -= 10.0
            self.canvas.drawString(x, y + 8, line)
        self.notes = []

    def end_page(self) -> None:
        self.flush_notes()
        c = self.canvas
        if self.layout.running_head:
            c.setFont(self.layout.font, 8.5)
            c.drawString(self.margin, self.height - 40, self.layout.running_head)
            c.drawRightString(self.width - self.margin, self.height - 40, "Sample Institute")
        if self.layout.page_numbers:
            c.setFont(self.layout.font, 9)
            c.drawCentredString(self.width / 2, 36, str(self.page))
        c.showPage()
        self.page += 1
        self.lowest = self.height - self.margin
        self.notes, self.deferred = self.deferred, []

    # -- blocks -------------------------------------------------------------------------------
    def write(self) -> bytes:
        layout = self.layout
        c = self.canvas
        c.setFont(layout.bold_font, 18)
        for line in self.break_lines(
            self.sample.title, self.width - 2 * self.margin, layout.bold_font, 18
        ):
            c.drawString(self.margin, self.y - 18, line)
            self.y -= 24
        self.y -= 12
        self.top = self.y  # columns start under the title on the first page
        for index, (kind, text) in enumerate(self.sample.blocks):
            note = self.sample.notes.get(index)
            self.block(kind, text, note)
        self.end_page()
        if self.notes:  # notes that no longer fitted on the last page get a page of their own
            self.end_page()
        c.save()
        return self.out.getvalue()

    def block(self, kind: str, text: str, note: str | None) -> None:
        layout = self.layout
        font, size, indent, right, first = layout.font, layout.size, 0.0, 0.0, 0.0
        if kind == "heading":
            font, size = layout.bold_font, layout.size + 3
        elif kind == "quote":
            indent, right = 30.0, 30.0
        elif kind == "item":
            indent = 14.0
        elif layout.indent_first_line:
            first = 14.0
        width = self.column_width - indent - right
        lines = self.break_lines(text, width, font, size, first)
        space = 0.0 if kind == "paragraph" and layout.indent_first_line else 0.6 * self.leading
        if kind == "heading":
            space = self.leading
        if self.y - space - 2 * self.leading < self.floor(self.notes):
            self.next_column()
        elif self.y < self.top:
            self.y -= space
        if note is not None:
            self.note_number += 1
        for number, line in enumerate(lines):
            last = number == len(lines) - 1
            pending = self.notes + ([(self.note_number, note)] if note is not None and last else [])
            across = not (self.layout.notes_per_column or self.layout.columns == 1)
            if across and self.floor(pending) > self.lowest - 2:
                pending = self.notes  # a note set across the page goes under what is drawn
            if self.y - self.leading < self.floor(pending):
                self.next_column()
            self.y -= self.leading
            self.lowest = min(self.lowest, self.y)
            x = self.x() + indent + (first if number == 0 else 0.0)
            self.canvas.setFont(font, size)
            if kind == "item" and number == 0:
                self.canvas.drawString(x - 10, self.y, "•")
            self.canvas.drawString(x, self.y, line)
            if last and note is not None:
                end = x + stringWidth(line, font, size)
                self.canvas.setFont(font, size * 0.6)
                self.canvas.drawString(end + 0.5, self.y + size * 0.4, str(self.note_number))
                across = not (self.layout.notes_per_column or self.layout.columns == 1)
                entry = [(self.note_number, note)]
                if across and self.floor(self.notes + entry) > self.lowest - 2:
                    self.deferred += entry  # no room left under the columns: next page
                else:
                    self.notes += entry


def make_pdf(sample: Sample, layout: Layout | None = None) -> bytes:
    return _Writer(layout or Layout(), sample).write()
