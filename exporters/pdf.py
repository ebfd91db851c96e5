"""The brief as a PDF (reportlab): title page, contents, quotations, notes at the page foot.

Footnotes sit at the foot of the page on which their mark stands: a flowable that carries
notes is placed only where it fits together with them, and from then on the frame's bottom
is raised by their height; at the end of the page the notes are drawn in that room.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from brief.atomic import write_atomically
from brief.document import Document, Excerpt, Heading, Note, Run, plain
from exporters.bidi import Direction, has_rtl
from exporters.fonts import FontSet, load_fonts
from exporters.pdf_contents import ContentsEntry, PageNumbers, entry_runs
from exporters.pdf_lines import LineParagraph
from exporters.pdf_text import clean, markup

Progress = Callable[[int, int], None]
_MARGIN = 22 * mm
_NOTE_GAP = 10  # space above the separator rule of the notes
# reportlab's Paragraph breaks all of what is left of a paragraph again on every page it splits
# to: quadratic, 363 s for a 1 MB paragraph. Running text (excerpts, the author's notes, notes,
# bibliography) is set by LineParagraph, which breaks lines once, and a third faster; titles and
# headings longer than this too.
_LONG = 10_000
NOTES_TITLE = "Notes"


def _plain(text: str) -> Heading:
    """A heading of Briefsmith's own (Notes, Bibliography), with an anchor from its words."""
    return Heading(1, [Run(text)], anchor="x-" + "".join(c for c in text if c.isalnum()))


def export_pdf(
    document: Document, path: str | Path, progress: Progress | None = None
) -> tuple[Path, str]:
    """Write the document as PDF at `path` (atomically). Returns the path and a warning
    naming characters no installed font could show ("" when every character showed)."""
    fonts = load_fonts(serif=document.typeface != "sans")
    builder = _PdfBuilder(document, fonts, progress)
    written = write_atomically(path, builder.build)
    return written, fonts.missing_report()


class _Styles:
    """The brief's paragraph styles; `scale` is the chosen body size over 11 points, applied
    to running text, notes, bibliography and headings (the title page keeps its sizes)."""

    def __init__(self, fonts: FontSet, scale: float = 1.0) -> None:
        body = fonts.regular.name
        k = scale
        self.body = ParagraphStyle(
            "Body", fontName=body, fontSize=11 * k, leading=15.5 * k, spaceAfter=7 * k
        )
        self.quote = ParagraphStyle(
            "Quote",
            parent=self.body,
            leftIndent=28,
            rightIndent=28,
            fontSize=10.5 * k,
            leading=14.5 * k,
            spaceBefore=2,
            spaceAfter=9 * k,
        )
        self.also = ParagraphStyle(  # "Also reported by", under its quotation
            "AlsoReported",
            parent=self.quote,
            fontSize=9 * k,
            leading=12 * k,
            spaceBefore=3 * k,
            spaceAfter=9 * k,
            textColor=colors.HexColor("#444444"),
        )
        self.note = ParagraphStyle(
            "Note",
            parent=self.body,
            fontSize=8.5 * k,
            leading=11 * k,
            spaceAfter=2,
            leftIndent=12,
            firstLineIndent=-12,
        )
        self.bib = ParagraphStyle(
            "Bibliography",
            parent=self.body,
            fontSize=10 * k,
            leading=13.5 * k,
            leftIndent=24,
            firstLineIndent=-24,
            spaceAfter=6,
        )
        self.headings = [
            ParagraphStyle(
                f"Heading{n}",
                parent=self.body,
                fontName=fonts.bold.name,
                fontSize=size * k,
                leading=size * k * 1.25,
                spaceBefore=before,
                spaceAfter=6,
            )
            for n, (size, before) in enumerate(((17, 16), (14, 12), (12, 10)), start=1)
        ]
        self.title = ParagraphStyle(
            "Title",
            parent=self.body,
            fontName=fonts.bold.name,
            fontSize=26,
            leading=32,
            alignment=TA_CENTER,
            spaceAfter=14,
        )
        self.subtitle = ParagraphStyle(
            "Subtitle",
            parent=self.body,
            fontSize=15,
            leading=20,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#444444"),
            spaceAfter=30,
        )
        self.byline = ParagraphStyle("Byline", parent=self.body, alignment=TA_CENTER, fontSize=12)
        self.toc = [
            ParagraphStyle(
                f"TOC{n}",
                parent=self.body,
                leftIndent=14 * (n - 1),
                fontSize=11 - n * 0.5,
                leading=16,
            )
            for n in (1, 2, 3)
        ]
        self.header = ParagraphStyle(
            "Header",
            parent=self.body,
            fontSize=8.5,
            alignment=TA_RIGHT,
            textColor=colors.HexColor("#666666"),
        )


class _Noted(Flowable):
    """A flowable whose footnotes must stand on the page where it ends."""

    def __init__(self, inner: Flowable, notes: list[Note], builder: _PdfBuilder) -> None:
        super().__init__()
        self.inner = inner
        self.notes = notes
        self.builder = builder

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        # Split as if the notes already took their room, so the part that carries the
        # mark still fits together with its notes.
        need = _NOTE_GAP + sum(self.builder.note_flowable(n, avail_width)[1] for n in self.notes)
        parts = self.inner.split(avail_width, avail_height - need)
        if len(parts) < 2:
            return []  # nothing fits here with the notes: the whole goes to the next page
        return [*parts[:-1], _Noted(parts[-1], self.notes, self.builder)]

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.inner.getSpaceAfter())


class _NoteFrame(Frame):
    """A frame that keeps room at its foot for the notes of what it holds."""

    def __init__(self, *args: Any, builder: _PdfBuilder, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.builder = builder
        self.page_notes: list[tuple[Note, Flowable, float]] = []

    def _reset(self) -> None:
        super()._reset()
        self._geom()  # a new page: give back the room the last page's notes took
        self.page_notes = []

    def _add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:  # noqa: N803
        notes = getattr(flowable, "notes", None)
        if not notes:
            return int(super()._add(flowable, canv, trySplit))
        rendered = [
            (note, *self.builder.note_flowable(note, self._getAvailableWidth())) for note in notes
        ]
        need = sum(height for _, _, height in rendered)
        if not self.page_notes:
            need += _NOTE_GAP
        saved: float = self._y1p  # type: ignore[has-type]  # reportlab: lowest point allowed
        self._y1p = saved + need
        if not super()._add(flowable, canv, trySplit):
            self._y1p = saved
            return 0
        self.page_notes.extend(rendered)
        return 1

    add = _add  # reportlab's Frame binds `add` to its own `_add`

    def draw_notes(self, canv: Any) -> None:
        if not self.page_notes:
            return
        y = self._y1 + sum(height for _, _, height in self.page_notes)
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.setStrokeColor(colors.HexColor("#888888"))
        canv.line(self._x1, y + 4, self._x1 + 50 * mm, y + 4)
        canv.restoreState()
        for _, flowable, height in self.page_notes:
            flowable.wrapOn(canv, self._getAvailableWidth(), height)
            flowable.drawOn(canv, self._x1 + self._leftPadding, y - height)
            y -= height


class _Template(BaseDocTemplate):
    def __init__(self, target: Any, builder: _PdfBuilder, **kwargs: Any) -> None:
        super().__init__(target, **kwargs)
        self.builder = builder

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's hook
        self.builder.after_flowable(self, flowable)


class _PdfBuilder:
    def __init__(self, document: Document, fonts: FontSet, progress: Progress | None) -> None:
        self.doc = document
        self.fonts = fonts
        self.styles = _Styles(fonts, document.size / 11.0)
        self.progress = progress or (lambda done, total: None)
        self.placed = 0
        self.total = 1
        self._note_cache: dict[tuple[int, float], tuple[Flowable, float]] = {}
        self._outline_level = 0
        self.numbers = PageNumbers(fonts.regular.name, 10)
        self.contents = document.contents and any(isinstance(b, Heading) for b in document.blocks)

    # -- notes -------------------------------------------------------------------------------
    def note_flowable(self, note: Note, width: float) -> tuple[Flowable, float]:
        key = (note.number, width)
        if key not in self._note_cache:
            flowable = self._note_paragraph(note)
            _, height = flowable.wrap(width, 10_000)
            self._note_cache[key] = (flowable, height + self.styles.note.spaceAfter)
        return self._note_cache[key]

    def _note_paragraph(self, note: Note) -> Flowable:
        """A note reads in the brief's direction, whatever it quotes, with a hanging number;
        set line by line, so its italics, links and indent survive any script in it."""
        runs = [Run(f"{note.number}.\u00a0"), *note.runs]
        return self._lines(runs, self.styles.note, base="L")

    # -- the story ----------------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        doc, st = self.doc, self.styles
        story: list[Flowable] = [
            Spacer(1, 60 * mm),
            self._text([Run(doc.title)], st.title, bold=True),
        ]
        if doc.subtitle:
            story.append(self._text([Run(doc.subtitle)], st.subtitle))
        for line in (doc.author, doc.date):
            if line:
                story.append(self._text([Run(line)], st.byline))
        story.append(NextPageTemplate("body"))
        story.append(PageBreak())
        if self.contents:
            story.append(
                Paragraph(markup([Run("Contents")], self.fonts, bold=True), st.headings[0])
            )
            story += self._contents_entries()
            story.append(PageBreak())
        for block in doc.blocks:
            if isinstance(block, Heading):
                # Room for the heading and a few lines, or a new page: a heading never ends
                # a page. (reportlab's keepWithNext deep-copies what follows: far slower.)
                story += [CondPageBreak(90), self._heading(block)]
            elif isinstance(block, Excerpt):
                story += self._excerpt(block)
            else:
                story.append(self._lines(block.runs, st.body))
        if doc.notes and doc.notes_mode == "end":
            story += self._plain_heading(NOTES_TITLE)
            for note in doc.notes:
                flowable = self._note_paragraph(note)
                story.append(flowable)
        if doc.bibliography:
            story += self._plain_heading(doc.bibliography_title)
            story += [self._lines(entry, st.bib, base="L") for entry in doc.bibliography]
        self.total = len(story)
        return story

    def _contents_entries(self) -> list[Flowable]:
        doc, st = self.doc, self.styles
        headings = [b for b in doc.blocks if isinstance(b, Heading)]
        if doc.notes and doc.notes_mode == "end":
            headings.append(_plain(NOTES_TITLE))
        if doc.bibliography:
            headings.append(_plain(doc.bibliography_title))
        entries: list[Flowable] = []
        for heading in headings:
            level = min(max(heading.level, 1), 3)
            style = st.toc[level - 1]
            text = self._text(entry_runs(heading.runs), style)
            entries.append(ContentsEntry(text, heading.anchor, level, style, self.numbers))
        return entries

    def _plain_heading(self, text: str) -> list[Flowable]:
        return [CondPageBreak(90), self._heading(_plain(text))]

    def _heading(self, block: Heading) -> Flowable:
        level = min(max(block.level, 1), 3)
        flowable = self._text(block.runs, self.styles.headings[level - 1], bold=True)
        flowable.outline = (level, plain(block.runs), block.anchor)
        return flowable

    def _text(self, runs: list[Run], style: ParagraphStyle, bold: bool = False) -> Flowable:
        """reportlab's Paragraph for left-to-right text; LineParagraph when any of it reads
        right to left (reportlab would draw it backwards, its letters unjoined) or when it is
        very long."""
        text = plain(runs)
        if has_rtl(text) or len(text) > _LONG:
            return self._lines([replace(r, strong=r.strong or bold) for r in runs], style)
        return Paragraph(markup(runs, self.fonts, bold=bold), style)

    def _lines(
        self, runs: list[Run], style: ParagraphStyle, base: Direction | None = None
    ) -> Flowable:
        """A paragraph set by LineParagraph in the style's size, indents and spacing."""
        flowable = LineParagraph(
            runs,
            self.fonts,
            size=style.fontSize,
            leading=style.leading,
            left_indent=style.leftIndent,
            right_indent=style.rightIndent,
            first_indent=style.firstLineIndent,
            base=base,
            alignment=style.alignment,
            colour=style.textColor,
        )
        flowable.spaceAfter = style.spaceAfter
        flowable.spaceBefore = style.spaceBefore
        return flowable

    def _excerpt(self, block: Excerpt) -> list[Flowable]:
        """The quotation, set line by line like all running text, its note mark or in-text
        citation after it; then the line of the other outlets reporting it, if asked for."""
        runs = list(block.runs)
        if block.note is not None:
            runs.append(Run(str(block.note.number), superscript=True))
        elif block.citation:
            runs += [Run(" "), *block.citation]
        inner = self._lines(runs, self.styles.quote)
        if block.also:
            inner.spaceAfter = 0  # the line under it keeps close
        quote = self._noted(inner, [block.note] if block.note is not None else [])
        if not block.also:
            return [quote]
        line: list[Run] = []
        notes: list[Note] = []
        for part in block.also_runs():
            if isinstance(part, Note):
                line.append(Run(str(part.number), superscript=True))
                notes.append(part)
            else:
                line.append(part)
        return [quote, self._noted(self._lines(line, self.styles.also), notes)]

    def _noted(self, inner: Flowable, notes: list[Note]) -> Flowable:
        """A flowable whose footnotes go on its page (as they are, when they are endnotes)."""
        if notes and self.doc.notes_mode == "foot":
            return _Noted(inner, notes, self)
        return inner

    # -- pages --------------------------------------------------------------------------------
    def after_flowable(self, template: _Template, flowable: Flowable) -> None:
        self.placed += 1
        if self.placed % 25 == 0:
            self.progress(min(self.placed, self.total), self.total)
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        level, title, anchor = outline
        # An outline cannot skip a level: a brief may open with a level-2 heading.
        level = min(level, self._outline_level + 1)
        self._outline_level = level
        canv = template.canv
        canv.bookmarkPage(anchor)
        canv.addOutlineEntry(clean(title), anchor, level=level - 1, closed=False)
        self.numbers.pages[anchor] = template.page  # for the contents' page numbers

    def _page_decor(self, canv: Any, template: _Template) -> None:
        width, height = template.pagesize
        canv.saveState()
        canv.setFont(self.fonts.regular.name, 8.5)
        canv.setFillColor(colors.HexColor("#666666"))
        title = self.doc.title if len(self.doc.title) < 90 else self.doc.title[:87] + "…"
        header = self._text([Run(title)], self.styles.header)
        header.wrapOn(canv, width - 2 * _MARGIN, 20)
        header.drawOn(canv, _MARGIN, height - _MARGIN + 8)
        canv.drawCentredString(width / 2, _MARGIN / 2, str(canv.getPageNumber()))
        canv.restoreState()

    def build(self, target: Any) -> None:
        doc = self.doc
        pagesize = LETTER if doc.paper == "Letter" else A4
        template = _Template(
            target,
            self,
            pagesize=pagesize,
            leftMargin=_MARGIN,
            rightMargin=_MARGIN,
            topMargin=_MARGIN,
            bottomMargin=_MARGIN,
            title=clean(doc.title),
            author=clean(doc.author),
            subject=clean(doc.subject),
            keywords=clean(", ".join(doc.keywords)),
            creator="Briefsmith",
            lang=doc.language,
            initialFontName=self.fonts.regular.name,  # else an unused Helvetica is listed
        )
        frame_args = (_MARGIN, _MARGIN, pagesize[0] - 2 * _MARGIN, pagesize[1] - 2 * _MARGIN)
        title_frame = Frame(*frame_args, id="title")
        body_frame = _NoteFrame(*frame_args, id="body", builder=self)

        def end_body_page(canv: Any, tmpl: Any) -> None:
            body_frame.draw_notes(canv)

        template.addPageTemplates(
            [
                PageTemplate("title", [title_frame]),
                PageTemplate(
                    "body", [body_frame], onPage=self._page_decor, onPageEnd=end_body_page
                ),
            ]
        )
        # One layout pass; the contents' page numbers are forms defined once it is done.
        template._doSave = 0  # reportlab's switch: build() leaves the saving to us
        template.build(self.story())
        self.numbers.define_forms(template.canv)
        template.canv.save()
        self.progress(self.total, self.total)
