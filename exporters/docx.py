"""The brief as a Word document: built-in styles, real footnotes or endnotes, hyperlinks.

python-docx has no footnote API, so the footnotes (or endnotes) part is built here with lxml
and joined to the package through python-docx's OPC layer. Word's built-in style names are
used throughout (Title, Heading 1-3, Quote, Footnote Text, Footnote Reference, Hyperlink,
TOC 1-3) so that the user can restyle the brief in Word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from lxml import etree

from brief.atomic import write_atomically
from brief.document import (
    Document,
    Excerpt,
    Heading,
    Note,
    Paragraph,
    Run,
    direction,
    is_safe_link,
    plain,
)
from exporters.bidi import logical_runs
from exporters.docx_parts import (
    NotesPart,
    application_properties,
    core_value,
    put_setting,
    running_header_and_page_numbers,
    xml_text,
)

Progress = Callable[[int, int], None]

NOTES_TITLE = "Notes"
_BIDI_LANG = {"fa": "fa-IR", "ps": "ps-AF", "ar": "ar-SA", "ur": "ur-PK", "he": "he-IL"}


def export_docx(document: Document, path: str | Path, progress: Progress | None = None) -> Path:
    """Write the document as DOCX at `path` (atomically)."""
    word = _DocxBuilder(document, progress).build()
    return write_atomically(path, word.save)


class _DocxBuilder:
    def __init__(self, document: Document, progress: Progress | None) -> None:
        self.doc = document
        self.progress = progress or (lambda done, total: None)
        self.word = docx.Document()
        self.notes: NotesPart | None = None
        self.bookmarks = 0
        self.style_ids: dict[str, str] = {}

    def build(self) -> Any:
        doc, word = self.doc, self.word
        _ensure_styles(word)
        _typeface(word, doc)
        _page_setup(word, doc.paper)
        running_header_and_page_numbers(word, doc.title)
        if doc.notes:
            self.notes = NotesPart(word, "footnote" if doc.notes_mode == "foot" else "endnote")
        self._title_block()
        if doc.contents and any(isinstance(b, Heading) for b in doc.blocks):
            self._contents()
        total = len(doc.blocks) + len(doc.bibliography)
        for done, block in enumerate(doc.blocks, start=1):
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Excerpt):
                self._excerpt(block)
            else:
                self._paragraph(block)
            if done % 20 == 0:
                self.progress(done, total)
        if self.notes is not None and self.notes.kind == "endnote":
            # Endnotes gather at the end of their section, after its last paragraph: the
            # "Notes" heading closes the body's section, and the bibliography gets its own.
            notes = word.add_heading(NOTES_TITLE, level=1)
            if doc.bibliography:
                word.add_section()
                _close_section_at(notes._p)
        if doc.bibliography:
            word.add_heading(xml_text(doc.bibliography_title), level=1)
            for entry in doc.bibliography:
                p = self._para("Bibliography")
                self.append_runs(p._p, entry, word.part, auto_rtl=False)
        self._properties()
        self.progress(total, total)
        return word

    # -- blocks -----------------------------------------------------------------------------
    def _para(self, style: str) -> Any:
        """A new paragraph in a style looked up once (python-docx looks a style name up
        through every style of the document on each call: a third of the export's time)."""
        if style not in self.style_ids:
            self.style_ids[style] = self.word.styles[style].style_id
        p = self.word.add_paragraph()
        p._p.style = self.style_ids[style]
        return p

    def _title_block(self) -> None:
        doc, word = self.doc, self.word
        for text, style in ((doc.title, "Title"), (doc.subtitle, "Subtitle")):
            if text or style == "Title":
                self.append_runs(word.add_paragraph(style=style)._p, [Run(text)], word.part)
        byline = " · ".join(part for part in (doc.author, doc.date) if part)
        if byline:
            self.append_runs(word.add_paragraph()._p, [Run(byline)], word.part)
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _contents(self) -> None:
        """A contents field, filled in with the headings so it reads right before Word (or
        LibreOffice) updates it."""
        word = self.word
        word.add_paragraph("Contents", style="TOC Heading")
        headings = [b for b in self.doc.blocks if isinstance(b, Heading)]
        first = word.add_paragraph(style="TOC 1")
        first._p.append(_fld("begin"))
        instr = etree.SubElement(etree.SubElement(first._p, qn("w:r")), qn("w:instrText"))
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instr.text = ' TOC \\o "1-3" \\h \\z \\u '
        first._p.append(_fld("separate"))
        last = first
        for n, heading in enumerate(headings):
            p = first if n == 0 else word.add_paragraph(style=f"TOC {min(heading.level, 3)}")
            if n == 0:
                p.style = word.styles[f"TOC {min(heading.level, 3)}"]
            p.add_run(xml_text(plain(heading.runs)))
            last = p
        last._p.append(_fld("end"))
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        update = parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>')
        put_setting(word.settings.element, update)

    def _heading(self, block: Heading) -> None:
        p = self._para(f"Heading {min(max(block.level, 1), 3)}")
        self.append_runs(p._p, block.runs, self.word.part)
        self.bookmarks += 1
        _bookmark(p._p, block.anchor, self.bookmarks)

    def _paragraph(self, block: Paragraph) -> None:
        p = self.word.add_paragraph()
        self.append_runs(p._p, block.runs, self.word.part)

    def _excerpt(self, block: Excerpt) -> None:
        p = self._para("Quote")
        self.append_runs(p._p, block.runs, self.word.part, language=block.language)
        if block.note is not None and self.notes is not None:
            note = self.notes.new_note(block.note.number)
            self.append_runs(note, [Run(" "), *block.note.runs], self.notes.part, auto_rtl=False)
            self.notes.add_reference(p._p, f"w:{self.notes.kind}Reference", block.note.number)
        elif block.citation:
            self.append_runs(p._p, [Run(" "), *block.citation], self.word.part, auto_rtl=False)
        if block.also:
            self._also_reported(block)

    def _also_reported(self, block: Excerpt) -> None:
        """The other outlets reporting the excerpt, each with its note or citation."""
        p = self._para(ALSO_REPORTED_STYLE)
        for part in block.also_runs():
            if isinstance(part, Note):
                if self.notes is not None:
                    note = self.notes.new_note(part.number)
                    self.append_runs(note, [Run(" "), *part.runs], self.notes.part, auto_rtl=False)
                    self.notes.add_reference(p._p, f"w:{self.notes.kind}Reference", part.number)
            else:
                self.append_runs(p._p, [part], self.word.part, auto_rtl=False)

    # -- runs -------------------------------------------------------------------------------
    def append_runs(
        self, p: Any, runs: list[Run], part: Any, language: str = "", auto_rtl: bool = True
    ) -> None:
        """Runs into a paragraph element; safe links become real hyperlinks of `part`. With
        `auto_rtl`, a paragraph whose text starts right to left is marked right to left; only
        the stretches that read right to left are marked as such."""
        rtl = auto_rtl and direction("".join(r.text for r in runs)) == "rtl"
        if rtl:
            p_pr = p.get_or_add_pPr()
            if p_pr.find(qn("w:bidi")) is None:
                p_pr.append(parse_xml(f"<w:bidi {nsdecls('w')}/>"))
        for run in runs:
            text = xml_text(run.text)
            if not text:
                continue
            target = p
            linked = bool(run.link) and is_safe_link(run.link or "")
            if linked:
                r_id = part.relate_to(xml_text(run.link or ""), RT.HYPERLINK, is_external=True)
                target = etree.SubElement(p, qn("w:hyperlink"))
                target.set(qn("r:id"), r_id)
            for stretch, way in logical_runs(text, "R" if rtl else "L"):
                self._run(target, run, stretch, way == "R", language, linked)

    def _run(
        self, parent: Any, run: Run, text: str, rtl: bool, language: str, linked: bool
    ) -> None:
        r = etree.SubElement(parent, qn("w:r"))
        r_pr = etree.SubElement(r, qn("w:rPr"))
        if linked:
            etree.SubElement(r_pr, qn("w:rStyle")).set(qn("w:val"), "Hyperlink")
        if run.strong:
            etree.SubElement(r_pr, qn("w:b"))
            if rtl:
                etree.SubElement(r_pr, qn("w:bCs"))
        if run.emphasis:
            etree.SubElement(r_pr, qn("w:i"))
            if rtl:
                etree.SubElement(r_pr, qn("w:iCs"))
        if run.small_caps:
            etree.SubElement(r_pr, qn("w:smallCaps"))
        if run.superscript:
            etree.SubElement(r_pr, qn("w:vertAlign")).set(qn("w:val"), "superscript")
        if rtl:
            etree.SubElement(r_pr, qn("w:rtl"))
            lang = etree.SubElement(r_pr, qn("w:lang"))
            lang.set(qn("w:bidi"), _BIDI_LANG.get(language, language or "fa-IR"))
        if not len(r_pr):
            r.remove(r_pr)
        t = etree.SubElement(r, qn("w:t"))
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text

    def _properties(self) -> None:
        doc, props = self.doc, self.word.core_properties
        props.title = core_value(doc.title)
        props.author = core_value(doc.author)
        props.subject = core_value(doc.subject)
        props.keywords = core_value(", ".join(doc.keywords))
        props.language = core_value(doc.language)
        props.comments = core_value(f"Citations: {doc.style_name}" if doc.style_name else "")
        props.last_modified_by = core_value(doc.author)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now
        props.revision = 1
        texts = [doc.title, doc.subtitle, *(plain(b.runs) for b in doc.blocks)]
        texts += [plain(n.runs) for n in doc.notes] + [plain(e) for e in doc.bibliography]
        application_properties(self.word, [t for t in texts if t])


ALSO_REPORTED_STYLE = "Also Reported"


def _close_section_at(p: Any) -> None:
    """Move the section break python-docx put in an empty paragraph of its own into `p`, so
    no blank line stands between the heading and the notes gathered after it."""
    holder = p.getnext()
    sect_pr = holder.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
    p.get_or_add_pPr().append(sect_pr)
    holder.getparent().remove(holder)


def _fld(kind: str) -> Any:
    extra = ' w:dirty="true"' if kind == "begin" else ""
    return parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="{kind}"{extra}/></w:r>')


def _bookmark(p: Any, name: str, mark: int) -> None:
    p.insert(
        1 if p.pPr is not None else 0,
        parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{mark}" w:name="_{name}"/>'),
    )
    p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{mark}"/>'))


def _page_setup(word: Any, paper: str) -> None:
    from docx.shared import Inches, Mm

    section = word.sections[0]
    if paper == "Letter":
        section.page_width, section.page_height = Inches(8.5), Inches(11)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)


#: The families of the fonts Briefsmith ships (the PDF embeds them; Word uses them where
#: they are installed, and its own substitute elsewhere).
FAMILIES = {"serif": "Noto Serif", "sans": "Noto Sans"}


def _typeface(word: Any, doc: Document) -> None:
    """The body's typeface and size, in the Normal style every other style is based on;
    Arabic-script text in Noto Naskh Arabic, at the same size."""
    normal = word.styles["Normal"]
    normal.font.name = FAMILIES[doc.typeface]
    normal.font.size = Pt(doc.size)
    r_pr = normal.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.set(qn("w:cs"), "Noto Naskh Arabic")
    for old in r_pr.findall(qn("w:szCs")):
        r_pr.remove(old)
    r_pr.find(qn("w:sz")).addnext(
        parse_xml(f'<w:szCs {nsdecls("w")} w:val="{round(doc.size * 2)}"/>')
    )


def _ensure_styles(word: Any) -> None:
    """Word's built-in styles that python-docx's template lacks, defined as Word does."""
    styles = word.styles
    names = {s.name for s in styles}

    def add(name: str, kind: Any, based: str | None = None, builtin: bool = True) -> Any:
        if name in names:
            return styles[name]
        style = styles.add_style(name, kind, builtin=builtin)
        if based:
            style.base_style = styles[based]
        return style

    for name in ("Footnote Text", "Endnote Text"):
        style = add(name, WD_STYLE_TYPE.PARAGRAPH, "Normal")
        style.font.size = Pt(9)
        # The complex-script size too, or Persian notes print at the body's 11 pt.
        size = style.element.get_or_add_rPr().find(qn("w:sz"))
        size.addnext(parse_xml(f'<w:szCs {nsdecls("w")} w:val="18"/>'))
        style.paragraph_format.space_after = Pt(2)
    for name in ("Footnote Reference", "Endnote Reference"):
        add(name, WD_STYLE_TYPE.CHARACTER).font.superscript = True
    link = add("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    for level in (1, 2, 3):
        add(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH, "Normal").paragraph_format.left_indent = Pt(
            12 * (level - 1)
        )
    bib = add("Bibliography", WD_STYLE_TYPE.PARAGRAPH, "Normal")
    bib.paragraph_format.left_indent = Pt(36)
    bib.paragraph_format.first_line_indent = Pt(-36)
    also = add(ALSO_REPORTED_STYLE, WD_STYLE_TYPE.PARAGRAPH, "Normal", builtin=False)
    also.paragraph_format.left_indent = Pt(36)
    also.paragraph_format.right_indent = Pt(36)
    also.font.size = Pt(9)
    quote = styles["Quote"]
    quote.paragraph_format.left_indent = Pt(36)
    quote.paragraph_format.right_indent = Pt(36)
    quote.font.italic = False
    r_pr = quote.element.get_or_add_rPr()
    for italic_cs in r_pr.findall(qn("w:iCs")):  # the template's Quote italicises Arabic script
        r_pr.remove(italic_cs)
