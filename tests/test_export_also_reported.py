"""Export's "Also reported by" option: under each excerpt, the independent outlets that state
it too, each cited, in the PDF and the DOCX (sample articles of tests/story)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from brief.compose import build_document
from brief.document import ExportOptions, plain
from brief.ingest import read_text
from brief.model import ItemKind, OutlineItem
from brief.project import Project
from exporters.cli import main as cli_main
from exporters.docx import export_docx
from exporters.pdf import export_pdf
from tests import storygen
from tests.docx_checks import NS, check_package

HOSTILE_OUTLET = 'Radio <b>Valley</b> & "Co" </para>'


@pytest.fixture
def flood(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The three flood samples, their outlets confirmed by the user (the radio's written
    as hostile markup), and a brief quoting two corroborated paragraphs and a lone one."""
    path = tmp_path / "flood.brief"
    with Project.create(path) as project:
        names: dict[str, int] = {}
        for story in storygen.samples():
            if not story.name.startswith("flood-"):
                continue
            source = project.add_article(read_text(story.pasted(), name=f"{story.name}.txt"))
            outlet = HOSTILE_OUTLET if story.name == "flood-radio" else story.outlet
            project.update_meta(source.id or 0, publisher=outlet)
            names.update(
                {v: k for k, v in storygen.paragraph_names(story, source.sections).items()}
            )
        brief = project.new_brief("Castellan flood")
        project.insert_items(
            brief.id or 0,
            [
                OutlineItem(ItemKind.EXCERPT, section_id=names[n])
                for n in ("flood-local:3", "flood-wire:3", "flood-local:4")
            ],
        )
    return path, names


def _document_xml(path: Path) -> tuple[etree._Element, etree._Element]:
    parts = check_package(path)
    with zipfile.ZipFile(path) as z:
        assert "word/footnotes.xml" in z.namelist()
    return parts["word/document.xml"], parts["word/footnotes.xml"]


def _paragraph_text(p: etree._Element) -> str:
    return "".join(p.xpath(".//w:t/text()", namespaces=NS))


def test_docx_names_each_outlet_with_its_own_footnote(flood, tmp_path):
    path, _ = flood
    with Project.open(path, readonly=True) as project:
        document = build_document(project, 1, ExportOptions(also_reported=True))
    out = export_docx(document, tmp_path / "b.docx")
    body, footnotes = _document_xml(out)
    lines = [
        p
        for p in body.xpath("//w:p", namespaces=NS)
        if _paragraph_text(p).startswith("Also reported by")
    ]
    assert [_paragraph_text(p) for p in lines] == [
        "Also reported by: Northern Wire Service.",
        f"Also reported by: {HOSTILE_OUTLET}.",
    ]
    for line in lines:  # each outlet's mark stands after its full stop, in the line
        (reference,) = line.xpath(".//w:footnoteReference/@w:id", namespaces=NS)
        note = footnotes.xpath(f"w:footnote[@w:id='{reference}']", namespaces=NS)[0]
        assert "para." in _paragraph_text(note)
        style = line.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS)
        assert style and style[0].replace(" ", "") == "AlsoReported"
    notes = {
        int(n.get(f"{{{NS['w']}}}id")): _paragraph_text(n)
        for n in footnotes.xpath("w:footnote", namespaces=NS)
    }
    # excerpt 1 (note 1), its wire report (2), excerpt 2 (3), the radio (4), excerpt 3 (5)
    assert "Lindqvist" in notes[2] and "para. 1" in notes[2]
    assert "Brandauer" in notes[4] and "para. 2" in notes[4]
    assert max(notes) == 5


def test_without_the_option_nothing_is_added(flood, tmp_path):
    path, _ = flood
    with Project.open(path, readonly=True) as project:
        document = build_document(project, 1, ExportOptions())
    assert len(document.notes) == 3
    out = export_docx(document, tmp_path / "b.docx")
    body, _ = _document_xml(out)
    assert "Also reported" not in "".join(body.xpath("//w:t/text()", namespaces=NS))


def test_in_text_styles_cite_after_the_outlet(flood):
    path, _ = flood
    with Project.open(path, readonly=True) as project:
        document = build_document(project, 1, ExportOptions(style="apa", also_reported=True))
    first = document.blocks[0]
    line = "".join(part.text for part in first.also_runs())  # type: ignore[union-attr]
    assert line == "Also reported by: Northern Wire Service (Lindqvist, 2026, para. 1)."
    assert not document.notes


def test_a_match_marked_wrong_is_left_out(flood):
    path, names = flood
    with Project.open(path) as project:
        project.reject_match(names["flood-local:3"], names["flood-wire:1"])
        document = build_document(project, 1, ExportOptions(also_reported=True))
    assert not document.blocks[0].also  # type: ignore[union-attr]
    assert [a.outlet for a in document.blocks[1].also] == [HOSTILE_OUTLET]  # type: ignore[union-attr]


@pytest.mark.usefixtures("poppler")
def test_pdf_prints_the_line_under_its_quote_and_the_notes_at_the_foot(flood, tmp_path):
    path, _ = flood
    with Project.open(path, readonly=True) as project:
        document = build_document(project, 1, ExportOptions(also_reported=True))
    out, _ = export_pdf(document, tmp_path / "b.pdf")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(text.split())
    assert "No one was hurt.1 Also reported by: Northern Wire Service.2" in flat
    assert f"Also reported by: {HOSTILE_OUTLET}.4" in flat  # markup printed as typed
    # the notes at the page's foot, after the last quotation
    assert flat.index("2. Marta Lindqvist") > flat.index("They told us for years")
    assert plain(document.notes[1].runs).startswith("Marta Lindqvist")


def test_cli_option(flood, tmp_path, capsys):
    path, _ = flood
    out = tmp_path / "cli.docx"
    assert (
        cli_main(["export", str(path), "1", "--format", "docx", "--also-reported", "-o", str(out)])
        == 0
    )
    assert "5 notes" in capsys.readouterr().out
    body, _ = _document_xml(out)
    assert "Also reported by" in "".join(body.xpath("//w:t/text()", namespaces=NS))
