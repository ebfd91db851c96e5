"""PDF export read back: notes on the page of their mark, bookmarks, metadata, fonts, RTL."""

from __future__ import annotations

import re
import unicodedata

import pdfplumber
import pypdf
from bidi import get_display

from brief.compose import build_document
from brief.document import ExportOptions, plain
from brief.model import ItemKind, OutlineItem
from exporters.pdf import export_pdf
from tests.exports import PASHTO, PERSIAN, add_source, sample_brief


def _pages(path):
    with pdfplumber.open(path) as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


def _long_brief(project):
    """Sixty excerpts of varied length: notes fall on many pages, some near a page foot."""
    texts = [
        f"Sample paragraph {n}. " + "It is written for the tests and runs on. " * (n % 7 + 1)
        for n in range(60)
    ]
    source = add_source(project, "one_author", texts)
    brief = project.new_brief("Long sample brief", author="Test Author")
    items = [OutlineItem(ItemKind.HEADING, "Part one")]
    for n, section in enumerate(project.sections(source)):
        if n == 30:
            items.append(OutlineItem(ItemKind.HEADING, "Part two"))
        items.append(OutlineItem(ItemKind.EXCERPT, section_id=section.id))
    project.insert_items(brief.id, items)
    return brief.id


def test_every_footnote_is_on_the_page_of_its_mark(project, tmp_path):
    brief_id = _long_brief(project)
    document = build_document(project, brief_id, ExportOptions(style="chicago", notes="foot"))
    path, warning = export_pdf(document, tmp_path / "long.pdf")
    assert warning == ""
    pages = _pages(path)
    assert len(pages) >= 5
    excerpts = [b for b in document.blocks if hasattr(b, "note")]
    for excerpt in excerpts:
        end = " ".join(plain(excerpt.runs).split()[-6:])
        note = excerpt.note
        mark_pages = [i for i, text in enumerate(pages) if end in text]
        note_text = f"{note.number}. " + " ".join(plain(note.runs).split()[:4])
        note_pages = [i for i, text in enumerate(pages) if note_text in text]
        assert mark_pages and note_pages, (note.number, end)
        assert note_pages[-1] in mark_pages, (note.number, mark_pages, note_pages)


def test_bookmarks_metadata_and_embedded_fonts(project, tmp_path):
    brief_id = sample_brief(project)
    document = build_document(project, brief_id, ExportOptions(style="chicago", contents=True))
    path, _ = export_pdf(document, tmp_path / "brief.pdf")
    reader = pypdf.PdfReader(path)

    def titles(outline):
        for entry in outline:
            if isinstance(entry, list):
                yield from titles(entry)
            else:
                yield entry.title

    headings = [plain(b.runs) for b in document.blocks if hasattr(b, "anchor")]
    assert list(titles(reader.outline)) == [*headings, "Bibliography"]
    meta = reader.metadata
    assert meta.title == "Sample brief for the tests"
    assert meta.author == "Test Author"
    assert meta.subject == "Exports read back"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    for page in reader.pages:
        used = set(
            re.findall(r"(/F[\w+]+) [\d.]+ Tf", page.get_contents().get_data().decode("latin-1"))
        )
        assert used
        for name, font in page["/Resources"]["/Font"].items():
            if name not in used:
                continue  # listed for the page but draws no glyph
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
    # The contents page lists the headings with their page numbers.
    contents = _pages(path)[1]
    assert "Ports and prices" in contents and "Schools" in contents
    # Links are clickable.
    annotations = [a.get_object() for p in reader.pages for a in p.get("/Annots", [])]
    uris = [a["/A"]["/URI"] for a in annotations if "/A" in a and "/URI" in a["/A"]]
    assert "https://ledger.example/river-port" in uris


def _logical(page_text_lines):
    """Visual lines as a PDF reader returns them, put back into logical order."""
    out = []
    for line in page_text_lines:
        line = unicodedata.normalize("NFKC", line)
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in line):
            out.append(get_display(line, base_dir="R"))
    return " ".join(out)


def _words(text):
    text = unicodedata.normalize("NFKC", text).replace("\u200c", " ")
    return re.findall(r"\w+", text)


def test_persian_and_pashto_read_back_in_logical_order(project, tmp_path):
    brief_id = sample_brief(project)
    document = build_document(project, brief_id, ExportOptions(style="chicago"))
    path, warning = export_pdf(document, tmp_path / "rtl.pdf")
    assert warning == ""
    with pdfplumber.open(path) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    logical = _logical(lines)
    for text in (PERSIAN, PASHTO):
        words = _words(text)
        found = _words(logical)
        start = found.index(words[0])
        assert found[start : start + len(words)] == words
    # No private-use codes leak into the text: every shaped glyph maps back to its letter.
    assert not re.search("[\ue000-\uf8ff]", "".join(lines))


def test_endnotes_come_before_the_bibliography(project, tmp_path):
    brief_id = sample_brief(project)
    document = build_document(project, brief_id, ExportOptions(style="chicago", notes="end"))
    path, _ = export_pdf(document, tmp_path / "end.pdf")
    text = " ".join(_pages(path))
    assert text.index("Notes") < text.index("1. Amara Okafor") < text.index("Bibliography")


def test_letter_paper(project, tmp_path):
    brief_id = sample_brief(project)
    document = build_document(project, brief_id, ExportOptions(paper="Letter"))
    path, _ = export_pdf(document, tmp_path / "letter.pdf")
    box = pypdf.PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_script_no_font_covers_is_reported_with_a_package(project, tmp_path):
    brief = project.new_brief("Unshowable \U0010fffd text")  # a code no font draws
    document = build_document(project, brief.id, ExportOptions())
    path, warning = export_pdf(document, tmp_path / "missing.pdf")
    assert path.exists()
    assert "no font on this system" in warning and "install fonts-noto" in warning
