"""The parts of a Word package python-docx has no API for, built as XML with lxml.

Notes (footnotes or endnotes) with their numbering settings, settings.xml children put in the
schema's order, the extended properties (docProps/app.xml) of what Briefsmith wrote, and the
running header and page numbers.
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from lxml import etree

# CT_Settings' children in the order the WordprocessingML schema requires (ECMA-376 Part 1,
# 17.15.1.78); Word refuses or repairs a settings part whose children are out of order.
_SETTINGS_NAMES = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime "
    "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
    "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
    "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader "
    "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors "
    "activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
    "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView "
    "trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
    "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit "
    "hyphenationZone doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle "
    "defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting "
    "bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing "
    "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
    "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
    "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
    "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
    "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
    "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars "
    "rsids mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
    "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType "
    "schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
)
SETTINGS_ORDER = tuple(_SETTINGS_NAMES.split())

#: Core properties longer than this make Word refuse the file.
CORE_PROPERTY_LIMIT = 255


def xml_text(text: str) -> str:
    """What XML 1.0 can hold: control characters, lone surrogates and U+FFFE/U+FFFF dropped
    (tab and newline stay). Every string bound for the package passes through here."""
    return "".join(
        ch
        for ch in text
        if ch in "\t\n"
        or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) < 0xE000 and ch not in "\ufffe\uffff")
    )


def core_value(text: str) -> str:
    """A core property value: XML-safe, one line, at most 255 characters."""
    flat = " ".join(xml_text(text).split())
    return flat if len(flat) <= CORE_PROPERTY_LIMIT else flat[: CORE_PROPERTY_LIMIT - 1] + "…"


def put_setting(settings: Any, element: Any) -> None:
    """Add `element` to settings.xml in schema order, replacing one of the same name."""
    name = etree.QName(element).localname
    for old in settings.findall(qn(f"w:{name}")):
        settings.remove(old)
    rank = SETTINGS_ORDER.index(name)
    for child in settings:
        other = etree.QName(child).localname
        if other in SETTINGS_ORDER and SETTINGS_ORDER.index(other) > rank:
            child.addprevious(element)
            return
    settings.append(element)


class NotesPart:
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
        _declare_numbering(word, kind)

    def new_note(self, number: int) -> Any:
        """An empty note paragraph (style and mark set) for the caller to fill with runs."""
        kind = self.kind
        note = parse_xml(f'<w:{kind} {nsdecls("w")} w:id="{number}"/>')
        p = etree.SubElement(note, qn("w:p"))
        p_pr = etree.SubElement(p, qn("w:pPr"))
        etree.SubElement(p_pr, qn("w:pStyle")).set(qn("w:val"), self.text_style)
        self.root.append(note)
        self.add_reference(p, f"w:{kind}Ref")
        return p

    def add_reference(self, p: Any, tag: str, number: int | None = None) -> None:
        """The superscript mark: `w:footnoteRef` inside a note, `w:footnoteReference` in text."""
        ref = etree.SubElement(p, qn("w:r"))
        etree.SubElement(etree.SubElement(ref, qn("w:rPr")), qn("w:rStyle")).set(
            qn("w:val"), self.ref_style
        )
        mark = etree.SubElement(ref, qn(tag))
        if number is not None:
            mark.set(qn("w:id"), str(number))


def _declare_numbering(word: Any, kind: str) -> None:
    """Arabic numerals (Word's default for endnotes is i, ii, iii), numbered through the
    document; endnotes gather at the end of their section, which the writer closes with a
    "Notes" heading. Said in settings.xml and in each section, which is what LibreOffice reads."""
    position = '<w:pos w:val="sectEnd"/>' if kind == "endnote" else ""
    settings_pr = parse_xml(
        f'<w:{kind}Pr {nsdecls("w")}>{position}<w:numFmt w:val="decimal"/>'
        f'<w:{kind} w:id="-1"/><w:{kind} w:id="0"/></w:{kind}Pr>'
    )
    put_setting(word.settings.element, settings_pr)
    for section in word.sections:
        section_numbering(section._sectPr, kind)


def section_numbering(sect_pr: Any, kind: str) -> None:
    """A section's own note properties (after the header and footer references, before the
    page type and size, as CT_SectPr orders them)."""
    for old in sect_pr.findall(qn(f"w:{kind}Pr")):
        sect_pr.remove(old)
    position = '<w:pos w:val="sectEnd"/>' if kind == "endnote" else ""
    pr = parse_xml(f'<w:{kind}Pr {nsdecls("w")}>{position}<w:numFmt w:val="decimal"/></w:{kind}Pr>')
    anchor = None
    for child in sect_pr:
        if etree.QName(child).localname not in (
            "headerReference",
            "footerReference",
            "footnotePr",
        ):
            anchor = child
            break
    if anchor is None:
        sect_pr.append(pr)
    else:
        anchor.addprevious(pr)


def running_header_and_page_numbers(word: Any, title: str) -> None:
    """The brief's title at the top right and the page number at the foot of every page but
    the title page."""
    section = word.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    short = " ".join(xml_text(title).split())
    run = header.add_run(short if len(short) < 90 else short[:87] + "…")
    run.font.size = Pt(8.5)
    run.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None)):
        r = etree.SubElement(footer._p, qn("w:r"))
        if kind:
            etree.SubElement(r, qn("w:fldChar")).set(qn("w:fldCharType"), kind)
        else:
            text = etree.SubElement(r, qn("w:instrText"))
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            text.text = instruction
    footer.add_run("1")
    etree.SubElement(etree.SubElement(footer._p, qn("w:r")), qn("w:fldChar")).set(
        qn("w:fldCharType"), "end"
    )


_APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>Briefsmith</Application><DocSecurity>0</DocSecurity>'
    "<Words>{words}</Words><Characters>{characters}</Characters>"
    "<Paragraphs>{paragraphs}</Paragraphs>"
    "<CharactersWithSpaces>{with_spaces}</CharactersWithSpaces>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def application_properties(word: Any, texts: list[str]) -> None:
    """docProps/app.xml says Briefsmith wrote the file and how long it is (the template's says
    "Microsoft Macintosh Word", 0 words), and the template's blank thumbnail is dropped."""
    package = word.part.package
    words = sum(len(t.split()) for t in texts)
    characters = sum(len("".join(t.split())) for t in texts)
    blob = _APP.format(
        words=words,
        characters=characters,
        paragraphs=len(texts),
        with_spaces=sum(len(t) for t in texts),
    ).encode("utf-8")
    for r_id, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package.rels[r_id]
    header = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, header + blob, package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)
