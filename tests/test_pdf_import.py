"""PDF import, measured against the text put into PDFs written for the tests (tests/pdfgen.py):
paragraphs, columns in order, running heads and page numbers gone, footnotes as notes,
pages remembered and cited, and a clear message for a scan, a lock, a cut-off or a broken
file."""

from __future__ import annotations

import io
import re

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from brief.citations import load_style
from brief.compose import build_document, pinpoint
from brief.document import ExportOptions, plain
from brief.errors import ArticleImportError
from brief.ingest.article import Article
from brief.ingest.files import read_bytes, read_file
from brief.ingest.pdf import PasswordRequiredError
from brief.model import BODY_KINDS, ItemKind, OutlineItem, SectionKind
from tests.pdfgen import Layout, Sample, make_pdf, sample

LAYOUTS = {
    "one column, spaced paragraphs": Layout(),
    "one column, indented paragraphs, running head": Layout(
        indent_first_line=True, running_head="Sample report — draft for comment"
    ),
    "hyphenated, sans": Layout(
        hyphenate=True, font="Helvetica", bold_font="Helvetica-Bold", running_head="Sample"
    ),
    "two columns, notes across the page": Layout(
        columns=2, hyphenate=True, running_head="Sample report"
    ),
    "two columns, notes under each column": Layout(
        columns=2, notes_per_column=True, indent_first_line=True
    ),
}
KINDS = {"heading": "heading", "paragraph": "paragraph", "quote": "quote", "item": "list_item"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _read(made: Sample, layout: Layout) -> Article:
    return read_bytes(make_pdf(made, layout), name="sample.pdf")


def _body(article: Article) -> list[str]:
    return [_norm(s.text) for s in article.sections if s.kind is not SectionKind.NOTE]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_paragraphs_come_back_as_they_were_put_in(layout):
    """Paragraph F1 over three documents of 20+ paragraphs, each paragraph whole or missed."""
    matched = found = expected = 0
    for seed in range(3):
        made = sample(seed, 20)
        article = _read(made, LAYOUTS[layout])
        got, put = _body(article), [_norm(t) for t in made.body()]
        matched += sum(1 for text in got if text in put)
        found += len(got)
        expected += len(put)
    precision, recall = matched / found, matched / expected
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.95, (layout, precision, recall)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_columns_and_pages_are_read_in_order(layout):
    made = sample(1, 24)
    put = [_norm(t) for t in made.body()]
    places = [put.index(text) for text in _body(_read(made, LAYOUTS[layout])) if text in put]
    assert places == sorted(places)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_running_heads_page_numbers_and_markers_are_gone(layout):
    made = sample(2, 20)
    article = _read(made, LAYOUTS[layout])
    text = " ".join(s.text for s in article.sections)
    assert "Sample Institute" not in text
    assert "draft for comment" not in text and "Sample report —" not in text
    assert not any(re.fullmatch(r"\d+", s.text) for s in article.sections)
    for section in article.sections:
        if section.kind is not SectionKind.NOTE:  # no note marker glued to a word
            assert not re.search(r"[a-z.][0-9]\b", section.text), section.text
    if LAYOUTS[layout].running_head:
        assert any("Sample" in line for line in article.removed)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_footnotes_are_notes_not_body(layout):
    made = sample(3, 20, notes=4)
    article = _read(made, LAYOUTS[layout])
    notes = [_norm(s.text) for s in article.sections if s.kind is SectionKind.NOTE]
    wanted = [_norm(f"{n} {t}") for n, t in enumerate(made.notes.values(), start=1)]
    assert notes == wanted
    body = " ".join(_body(article))
    assert not any(text[2:40] in body for text in wanted)


def test_words_hyphenated_at_line_ends_are_whole_again():
    made = sample(4, 20)
    article = _read(made, LAYOUTS["hyphenated, sans"])
    text = " ".join(_body(article))
    assert re.search(r"[a-z]- [a-z]", text) is None
    assert re.search(r"[a-z]-[a-z]", text) is None  # the sample has no hyphenated words
    assert "reconstruction" in text and "infrastructure" in text


def test_headings_quotes_and_list_items_keep_their_kind():
    made = sample(5, 20)
    for layout in ("one column, spaced paragraphs", "two columns, notes across the page"):
        article = _read(made, LAYOUTS[layout])
        kinds = {_norm(s.text): s.kind.value for s in article.sections}
        for kind, text in made.blocks:
            assert kinds.get(_norm(text)) == KINDS[kind], (layout, kind, text[:40])


def test_sections_remember_their_page():
    made = sample(6, 30)
    data = make_pdf(made, LAYOUTS["one column, spaced paragraphs"])
    article = read_bytes(data, name="pages.pdf")
    document = pdfium.PdfDocument(data)
    pages = [_norm(document[i].get_textpage().get_text_range()) for i in range(len(document))]
    assert len(pages) >= 3
    for section in article.sections:
        assert section.page is not None
        start = " ".join(section.text.split()[:4])
        assert start in pages[section.page - 1].replace("-\n", ""), (section.page, start)
    assert {s.page for s in article.sections} == set(range(1, len(pages) + 1))


def test_metadata_from_the_document_information():
    made = sample(7, 8)
    article = _read(made, Layout())
    assert article.meta.title == made.title
    assert article.meta.authors == ["Amina Rahimi"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.meta.published)
    assert article.meta.language == "en"
    assert _norm(made.title) not in _body(article)  # the title is not a heading of the body


def test_title_from_the_first_page_when_the_information_has_none():
    made = sample(8, 8)
    article = _read(made, Layout(info=False))
    assert article.meta.title == made.title


def test_progress_follows_the_pages(tmp_path):
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(sample(9, 60), Layout()))
    heard: list[tuple[int, int]] = []
    read_file(path, progress=lambda done, total: heard.append((done, total)))
    total = heard[-1][1]
    assert total > 3 and heard == [(n, total) for n in range(1, total + 1)]


def test_persian_and_english_read_in_order(tmp_path):
    """The demo brief, exported by Briefsmith (reportlab with HarfBuzz shaping), read back:
    a Dari phrase inside an English line and a Pashto phrase that fills most of its line
    come out word for word in reading order."""
    from brief.demo import build_demo
    from brief.project import Project
    from exporters.service import export_brief

    build_demo(tmp_path / "d.brief")
    with Project.open(tmp_path / "d.brief") as project:
        (brief,) = project.briefs()
        export_brief(project, brief.id or 0, tmp_path / "demo.pdf", "pdf", ExportOptions())
    article = read_file(tmp_path / "demo.pdf")
    text = _norm(" ".join(s.text for s in article.sections).replace("\u200c", " "))
    assert "ما درس می خوانیم، چون فردا از آن ماست" in text
    assert "A poster in Pashto beside it reads: «" in text
    assert "زده کړه زموږ حق دی او هیڅوک یې نشي اخیستلای" in text
    notes = [s for s in article.sections if s.kind is SectionKind.NOTE]
    assert len(notes) == 7 and notes[1].text == "2. Ibid., para. 5."


# -- files that cannot be read ------------------------------------------------------------------


def _scan() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for _ in range(3):  # pages that are pictures: grey boxes where the text was
        for y in range(700, 100, -14):
            canvas.setFillGray(0.3)
            canvas.rect(72, y, 450, 8, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_a_scan_without_text_says_so():
    with pytest.raises(ArticleImportError, match=r"no text layer.*scan.*OCR") as caught:
        read_bytes(_scan(), name="scanned report.pdf")
    assert "scanned report.pdf" in str(caught.value)


def _locked(password: str) -> bytes:
    made = sample(10, 6)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, encrypt=StandardEncryption(password, ownerPassword="o"))
    y = 760.0
    for text in made.body():
        canvas.drawString(72, y, text[:80])
        y -= 20
    canvas.save()
    return out.getvalue()


def test_an_encrypted_pdf_asks_for_its_password():
    data = _locked("sesame")
    with pytest.raises(PasswordRequiredError, match=r"locked\.pdf: .*password") as caught:
        read_bytes(data, name="locked.pdf")
    assert not caught.value.wrong
    with pytest.raises(PasswordRequiredError, match="not right") as caught:
        read_bytes(data, name="locked.pdf", password="wrong")
    assert caught.value.wrong
    article = read_bytes(data, name="locked.pdf", password="sesame")
    assert sample(10, 6).body()[0][:60] in article.text


def test_a_cut_off_pdf_says_it_is_incomplete():
    data = make_pdf(sample(11, 20), Layout())
    with pytest.raises(ArticleImportError, match=r"half\.pdf: the PDF is cut off"):
        read_bytes(data[: len(data) // 2], name="half.pdf")


def test_a_broken_pdf_names_the_file():
    with pytest.raises(ArticleImportError, match=r"broken\.pdf: the PDF is damaged"):
        read_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 500 + b"\n%%EOF\n", name="broken.pdf")


# -- in the project and in citations ------------------------------------------------------------


def test_pages_and_notes_are_stored_and_cited_by_page(tmp_path, project):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(sample(12, 30), Layout()))
    source = project.add_article(read_file(path))
    again = project.source(source.id or 0)
    assert [(s.kind, s.page) for s in again.sections] == [(s.kind, s.page) for s in source.sections]
    assert any(s.kind is SectionKind.NOTE for s in again.sections)
    body = [s for s in again.sections if s.kind in BODY_KINDS and s.kind is SectionKind.PARAGRAPH]
    later = next(s for s in body if (s.page or 0) >= 2)
    point = pinpoint(again, later.id or 0)
    assert point is not None and str(point) == f"p. {later.page}"
    brief = project.new_brief("Pages")
    project.insert_items(brief.id or 0, [OutlineItem(ItemKind.EXCERPT, section_id=later.id)])
    apa = build_document(project, brief.id or 0, ExportOptions(style="apa"))
    assert f"p. {later.page})" in plain(apa.blocks[0].citation or [])
    chicago = build_document(project, brief.id or 0, ExportOptions(style="chicago"))
    # Chicago gives a page bare ("…, 2024, 3."), as its style says; never a paragraph.
    note = plain(chicago.notes[0].runs)
    assert note.endswith(f", {later.page}.") and "para." not in note
    assert load_style("chicago").is_note


XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
    'xmp:CreateDate="2024-02-03T10:00:00Z"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
    "Annual water report &amp; outlook</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq>"
    "<rdf:li>Amina Rahimi</rdf:li><rdf:li>Jonas Weller</rdf:li></rdf:Seq></dc:creator>"
    "<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def test_xmp_gives_what_the_document_information_lacks():
    """A PDF whose information dictionary holds only reportlab's placeholders ("untitled",
    "anonymous") and its date, and whose XMP packet names the title, authors, date and
    language (put in as a comment: PDFium mends the offsets). The information's date comes
    first; the placeholders give way to XMP."""
    data = make_pdf(sample(13, 6), Layout(info=False))
    header, rest = data.split(b"\n", 1)
    article = read_bytes(header + b"\n%" + XMP.encode() + b"\n" + rest, name="xmp.pdf")
    assert article.meta.title == "Annual water report & outlook"
    assert article.meta.authors == ["Amina Rahimi", "Jonas Weller"]
    assert article.meta.published == "2000-01-01"  # reportlab's fixed date, in the information
    assert article.meta.language == "en"


def test_the_cli_asks_for_a_password_by_its_option(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    pdf = tmp_path / "locked.pdf"
    pdf.write_bytes(_locked("sesame"))
    project = tmp_path / "p.brief"

    def cli(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "brief.cli", "import", str(project), str(pdf), *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )

    none = cli()
    assert none.returncode == 1 and "protected by a password" in none.stderr
    assert "(give it with --password)" in none.stderr
    wrong = cli("--password", "nope")
    assert wrong.returncode == 1 and "(check --password)" in wrong.stderr
    right = cli("--password", "sesame")
    assert right.returncode == 0 and "locked.pdf" not in right.stderr
