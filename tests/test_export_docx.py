"""DOCX export read back: the notes part, its ids, styles, links, properties, RTL marks."""

from __future__ import annotations

import zipfile

import docx
import pypandoc
import pytest
from lxml import etree

from brief.compose import build_document
from brief.document import ExportOptions, plain
from exporters.docx import export_docx
from tests.exports import PASHTO, PERSIAN, sample_brief

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def _export(project, tmp_path, **options):
    brief_id = sample_brief(project)
    document = build_document(project, brief_id, ExportOptions(**options))
    path = export_docx(document, tmp_path / "brief.docx")
    return document, path


def _part(path, name):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def _text(element):
    return "".join(element.itertext())


def test_footnotes_part_holds_one_note_per_citation(project, tmp_path):
    document, path = _export(project, tmp_path, style="chicago", notes="foot")
    notes = _part(path, "word/footnotes.xml")
    real = notes.xpath("w:footnote[not(@w:type)]", namespaces=NS)
    assert [n.get(f"{{{W}}}id") for n in real] == [str(n.number) for n in document.notes]
    for element, note in zip(real, document.notes, strict=True):
        assert _text(element).strip() == plain(note.runs)
    separators = notes.xpath("w:footnote[@w:type]/@w:type", namespaces=NS)
    assert separators == ["separator", "continuationSeparator"]
    body = _part(path, "word/document.xml")
    refs = body.xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert refs == [str(n.number) for n in document.notes]
    rels = zipfile.ZipFile(path).read("word/_rels/document.xml.rels").decode()
    assert "relationships/footnotes" in rels and 'Target="footnotes.xml"' in rels
    types = zipfile.ZipFile(path).read("[Content_Types].xml").decode()
    assert "wordprocessingml.footnotes+xml" in types


def test_pandoc_reads_the_notes_as_notes(project, tmp_path):
    document, path = _export(project, tmp_path, style="chicago", notes="foot")
    markdown = pypandoc.convert_file(str(path), "markdown")
    assert markdown.count("[^") == 2 * len(document.notes)  # each mark and each note
    assert "Ibid." in markdown


def test_endnotes_before_the_bibliography(project, tmp_path):
    document, path = _export(project, tmp_path, style="chicago", notes="end")
    notes = _part(path, "word/endnotes.xml")
    assert len(notes.xpath("w:endnote[not(@w:type)]", namespaces=NS)) == len(document.notes)
    body = _part(path, "word/document.xml")
    assert body.xpath("//w:endnoteReference", namespaces=NS)
    # The bibliography stands in a section of its own, and endnotes close the first one.
    settings = _part(path, "word/settings.xml")
    assert settings.xpath("w:endnotePr/w:pos/@w:val", namespaces=NS) == ["sectEnd"]
    assert len(body.xpath("//w:sectPr", namespaces=NS)) == 2


def test_styles_links_and_properties(project, tmp_path):
    _, path = _export(project, tmp_path, style="chicago", contents=True)
    word = docx.Document(str(path))
    used = {p.style.name for p in word.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Quote", "Bibliography"} <= used
    assert {"TOC 1", "TOC 2"} <= used
    names = {s.name for s in word.styles}
    assert {"Footnote Text", "Footnote Reference", "Hyperlink"} <= names
    body = _part(path, "word/document.xml")
    assert " TOC " in "".join(body.xpath("//w:instrText/text()", namespaces=NS))
    # A URL in a note is a real hyperlink of the footnotes part.
    notes = _part(path, "word/footnotes.xml")
    links = notes.xpath("//w:hyperlink/@r:id", namespaces=NS)
    assert links
    rels = zipfile.ZipFile(path).read("word/_rels/footnotes.xml.rels").decode()
    assert "https://ledger.example/river-port" in rels and 'TargetMode="External"' in rels
    props = word.core_properties
    assert props.title == "Sample brief for the tests"
    assert props.author == "Test Author"
    assert "python-docx" not in (props.comments or "") + (props.last_modified_by or "")


def test_right_to_left_paragraphs_are_marked(project, tmp_path):
    _, path = _export(project, tmp_path, style="chicago")
    body = _part(path, "word/document.xml")
    for text in (PERSIAN, PASHTO):
        paragraph = next(
            p for p in body.xpath("//w:p", namespaces=NS) if _text(p).startswith(text[:20])
        )
        assert paragraph.xpath("w:pPr/w:bidi", namespaces=NS)
        runs = paragraph.xpath("w:r[w:t]", namespaces=NS)
        assert runs[0].xpath("w:rPr/w:rtl", namespaces=NS)
        assert runs[0].xpath("w:rPr/w:lang/@w:bidi", namespaces=NS) == ["fa-IR"]


@pytest.mark.parametrize("style", ["apa", "mla"])
def test_in_text_styles_have_no_notes_part(project, tmp_path, style):
    _, path = _export(project, tmp_path, style=style)
    assert "word/footnotes.xml" not in zipfile.ZipFile(path).namelist()
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert ("References" if style == "apa" else "Works Cited") in text
