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
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from lxml import etree

from brief.document import Document, Excerpt, Heading, Paragraph, Run, direction, plain
from exporters.atomic import write_atomically

Progress = Callable[[int, int], None]

_BIDI_LANG = {"fa": "fa-IR", "ps": "ps-AF", "ar": "ar-SA", "ur": "ur-PK", "he": "he-IL"}


def export_docx(document: Document, path: str | Path, progress: Progress | None = None) -> Path:
    """Write the document as DOCX at `path` (atomically)."""
    word = _DocxBuilder(document, progress).build()
    return write_atomically(path, word.save)


class _Notes:
    """The footnotes or endnotes part: its XML tree, and relationships for its links."""

    def __init__(self, word: Any, kind: str) -> None:
        self.kind = kind  # "footnote" or "endnote"
        plural = kind + "s"
        root = parse_xml(f"<w:{plural} {nsdecls('w', 'r')}/>")
        for note_id, separator in ((-1, "separator"), (0, "continuationSeparator")):
            root.append(
                parse_xml(
                    f'<w:{kind} {nsdecls("w")} w:type="{separator}" w:id="{note_id}"><w:p><w:pPr>'
                    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
                    f"<w:r><w:{separator}/></w:r></w:p></w:{kind}>"
                )
            )
        content_type = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
        self.part = XmlPart(PackURI(f"/word/{plural}.xml"), content_type, root, word.part.package)
        word.part.relate_to(self.part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)
        self.root = root
        self.text_style = "FootnoteText" if kind == "footnote" else "EndnoteText"
        self.ref_style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"

    def add(self, number: int, runs: list[Run], writer: _DocxBuilder) -> None:
        kind = self.kind
        note = parse_xml(f'<w:{kind} {nsdecls("w")} w:id="{number}"/>')
        p = etree.SubElement(note, qn("w:p"))
        p_pr = etree.SubElement(p, qn("w:pPr"))
        etree.SubElement(p_pr, qn("w:pStyle")).set(qn("w:val"), self.text_style)
        mark = etree.SubElement(p, qn("w:r"))
        etree.SubElement(etree.SubElement(mark, qn("w:rPr")), qn("w:rStyle")).set(
            qn("w:val"), self.ref_style
        )
        etree.SubElement(mark, qn(f"w:{kind}Ref"))
        writer.append_runs(p, [Run(" "), *runs], self.part, auto_rtl=False)
        self.root.append(note)


class _DocxBuilder:
    def __init__(self, document: Document, progress: Progress | None) -> None:
        self.doc = document
        self.progress = progress or (lambda done, total: None)
        self.word = docx.Document()
        self.notes: _Notes | None = None
        self.bookmarks = 0

    def build(self) -> Any:
        doc, word = self.doc, self.word
        _ensure_styles(word)
        _page_setup(word, doc.paper)
        if doc.notes:
            self.notes = _Notes(word, "footnote" if doc.notes_mode == "foot" else "endnote")
            _declare_separators(word, self.notes.kind)
        self._title_block()
        if doc.contents:
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
        if doc.bibliography:
            if self.notes is not None and self.notes.kind == "endnote":
                # Endnotes gather at the end of their section: a new section for the
                # bibliography puts them before it.
                word.add_section()
            word.add_heading(doc.bibliography_title, level=1)
            for entry in doc.bibliography:
                p = word.add_paragraph(style="Bibliography")
                self.append_runs(p._p, entry, word.part, auto_rtl=False)
        self._properties()
        self.progress(total, total)
        return word

    # -- blocks -----------------------------------------------------------------------------
    def _title_block(self) -> None:
        doc, word = self.doc, self.word
        word.add_paragraph(doc.title, style="Title")
        if doc.subtitle:
            word.add_paragraph(doc.subtitle, style="Subtitle")
        byline = " · ".join(part for part in (doc.author, doc.date) if part)
        if byline:
            word.add_paragraph(byline)
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _contents(self) -> None:
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
            p.add_run(plain(heading.runs))
            last = p
        if not headings:
            first.add_run("Update this field to list the headings.")
        last._p.append(_fld("end"))
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        settings = word.settings.element
        update = settings.find(qn("w:updateFields"))
        if update is None:
            update = etree.SubElement(settings, qn("w:updateFields"))
        update.set(qn("w:val"), "true")

    def _heading(self, block: Heading) -> None:
        p = self.word.add_heading(level=min(max(block.level, 1), 3))
        self.append_runs(p._p, block.runs, self.word.part)
        self.bookmarks += 1
        _bookmark(p._p, block.anchor, self.bookmarks)

    def _paragraph(self, block: Paragraph) -> None:
        p = self.word.add_paragraph()
        self.append_runs(p._p, block.runs, self.word.part)

    def _excerpt(self, block: Excerpt) -> None:
        p = self.word.add_paragraph(style="Quote")
        self.append_runs(p._p, block.runs, self.word.part, language=block.language)
        if block.note is not None and self.notes is not None:
            self.notes.add(block.note.number, block.note.runs, self)
            ref = etree.SubElement(p._p, qn("w:r"))
            etree.SubElement(etree.SubElement(ref, qn("w:rPr")), qn("w:rStyle")).set(
                qn("w:val"), self.notes.ref_style
            )
            etree.SubElement(ref, qn(f"w:{self.notes.kind}Reference")).set(
                qn("w:id"), str(block.note.number)
            )
        elif block.citation:
            self.append_runs(p._p, [Run(" "), *block.citation], self.word.part, auto_rtl=False)

    # -- runs -------------------------------------------------------------------------------
    def append_runs(
        self, p: Any, runs: list[Run], part: Any, language: str = "", auto_rtl: bool = True
    ) -> None:
        """Runs into a paragraph element; links become real hyperlinks of `part`. With
        `auto_rtl`, a paragraph whose text starts right to left is marked right to left."""
        rtl = auto_rtl and direction("".join(r.text for r in runs)) == "rtl"
        if rtl:
            p_pr = p.get_or_add_pPr()
            if p_pr.find(qn("w:bidi")) is None:
                p_pr.append(parse_xml(f"<w:bidi {nsdecls('w')}/>"))
        for run in runs:
            if not run.text:
                continue
            target = p
            if run.link:
                r_id = part.relate_to(run.link, RT.HYPERLINK, is_external=True)
                target = etree.SubElement(p, qn("w:hyperlink"))
                target.set(qn("r:id"), r_id)
            r = etree.SubElement(target, qn("w:r"))
            r_pr = etree.SubElement(r, qn("w:rPr"))
            if run.link:
                etree.SubElement(r_pr, qn("w:rStyle")).set(qn("w:val"), "Hyperlink")
            if run.strong:
                etree.SubElement(r_pr, qn("w:b"))
            if run.emphasis:
                etree.SubElement(r_pr, qn("w:i"))
            if run.small_caps:
                etree.SubElement(r_pr, qn("w:smallCaps"))
            if run.superscript:
                etree.SubElement(r_pr, qn("w:vertAlign")).set(qn("w:val"), "superscript")
            if direction(run.text) == "rtl" or (rtl and not _has_ltr(run.text)):
                etree.SubElement(r_pr, qn("w:rtl"))
                lang = etree.SubElement(r_pr, qn("w:lang"))
                lang.set(qn("w:bidi"), _BIDI_LANG.get(language, language or "fa-IR"))
            if not len(r_pr):
                r.remove(r_pr)
            t = etree.SubElement(r, qn("w:t"))
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = _xml_safe(run.text)

    def _properties(self) -> None:
        doc, props = self.doc, self.word.core_properties
        props.title = doc.title
        props.author = doc.author or "Briefsmith"
        props.subject = doc.subject
        props.keywords = ", ".join(doc.keywords)
        props.language = doc.language
        props.comments = f"Citations: {doc.style_name}" if doc.style_name else ""
        props.last_modified_by = doc.author or "Briefsmith"
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now
        props.revision = 1


def _has_ltr(text: str) -> bool:
    return direction(text) == "ltr" and any(ch.isalpha() for ch in text)


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters: drop them (tab and newline stay)."""
    return "".join(
        ch
        for ch in text
        if ch in "\t\n"
        or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) < 0xE000 and ch not in "\ufffe\uffff")
    )


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


def _declare_separators(word: Any, kind: str) -> None:
    settings = word.settings.element
    pr = parse_xml(
        f'<w:{kind}Pr {nsdecls("w")}><w:{kind} w:id="-1"/><w:{kind} w:id="0"/></w:{kind}Pr>'
    )
    if kind == "endnote":
        pr.insert(0, parse_xml(f'<w:pos {nsdecls("w")} w:val="sectEnd"/>'))
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(pr)
    else:
        settings.append(pr)


def _ensure_styles(word: Any) -> None:
    """Word's built-in styles that python-docx's template lacks, defined as Word does."""
    styles = word.styles
    names = {s.name for s in styles}

    def add(name: str, kind: Any, based: str | None = None) -> Any:
        if name in names:
            return styles[name]
        style = styles.add_style(name, kind, builtin=True)
        if based:
            style.base_style = styles[based]
        return style

    for name in ("Footnote Text", "Endnote Text"):
        style = add(name, WD_STYLE_TYPE.PARAGRAPH, "Normal")
        style.font.size = Pt(9)
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
    quote = styles["Quote"]
    quote.paragraph_format.left_indent = Pt(36)
    quote.paragraph_format.right_indent = Pt(36)
    quote.font.italic = False
    r_pr = quote.element.get_or_add_rPr()
    for italic_cs in r_pr.findall(qn("w:iCs")):  # the template's Quote italicises Arabic script
        r_pr.remove(italic_cs)
