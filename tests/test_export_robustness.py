"""Awkward text and an empty brief export to valid files; a killed export harms nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import docx
import pdfplumber
import pytest

from brief.compose import build_document
from brief.document import ExportOptions
from brief.ingest.article import build_article
from brief.model import ItemKind, Origin, OutlineItem, SectionKind, SourceMeta
from exporters.docx import export_docx
from exporters.pdf import export_pdf
from tests.conftest import ROOT

AWKWARD = "Markup <b>not bold</b> & ampersands ]]> end; bell\x07 and nul-ish \x01 gone; emoji 😀🚀."
LONG_URL = "https://example.org/" + "a" * 280


def _awkward_brief(project):
    meta = SourceMeta()
    meta.set("title", "Awkward <sample> & co", Origin.FOUND)
    meta.set("url", LONG_URL, Origin.FOUND)
    meta.set("publisher", "Sample & Sons", Origin.FOUND)
    long = " ".join(f"word{n}" for n in range(3000))  # about 20,000 characters
    assert len(long) > 20_000
    article = build_article(meta, [(SectionKind.PARAGRAPH, AWKWARD), (SectionKind.PARAGRAPH, long)])
    source = project.add_article(article)
    brief = project.new_brief("Brief with <odd> & ]]> text")
    project.insert_items(
        brief.id,
        [
            OutlineItem(ItemKind.HEADING, "Heading with <angle> & ]]>"),
            *[OutlineItem(ItemKind.EXCERPT, section_id=s.id) for s in source.sections],
            OutlineItem(ItemKind.NOTE, "A note with \x0b control and 😀."),
        ],
    )
    return brief.id


@pytest.mark.parametrize("notes", ["foot", "end"])
def test_awkward_text_exports_to_files_that_reopen(project, tmp_path, notes):
    brief_id = _awkward_brief(project)
    document = build_document(project, brief_id, ExportOptions(notes=notes, contents=True))
    pdf, _ = export_pdf(document, tmp_path / "odd.pdf")
    with pdfplumber.open(pdf) as reader:
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "<b>not bold</b> & ampersands ]]> end" in " ".join(text.split())
    assert "word2999" in text and "\x07" not in text
    word = docx.Document(str(export_docx(document, tmp_path / "odd.docx")))
    body = "\n".join(p.text for p in word.paragraphs)
    assert "<b>not bold</b> & ampersands ]]> end" in body
    assert "😀" in body and "\x07" not in body
    assert any(len(p.text) > 20_000 for p in word.paragraphs)


def test_empty_brief_exports(project, tmp_path):
    brief = project.new_brief("Nothing yet")
    document = build_document(project, brief.id, ExportOptions())
    pdf, _ = export_pdf(document, tmp_path / "empty.pdf")
    with pdfplumber.open(pdf) as reader:
        assert "Nothing yet" in reader.pages[0].extract_text()
    word = docx.Document(str(export_docx(document, tmp_path / "empty.docx")))
    assert word.paragraphs[0].text == "Nothing yet"


KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from brief.compose import build_document
    from brief.document import ExportOptions
    from brief.model import ItemKind, OutlineItem
    from brief.project import Project
    from exporters.{module} import export_{module}
    from tests.exports import add_source
    folder = Path(sys.argv[1])
    with Project.create(folder / "p.brief") as project:
        source = add_source(project, "one_author", ["Paragraph %d of the sample. " % n * 20
                                                    for n in range(400)])
        brief = project.new_brief("Big")
        project.insert_items(brief.id, [OutlineItem(ItemKind.EXCERPT, section_id=s.id)
                                        for s in project.sections(source)])
        document = build_document(project, brief.id, ExportOptions())
    calls = []
    def progress(done, total):
        calls.append(done)
        if len(calls) == 3:  # well into the export: die without any clean-up
            os.kill(os.getpid(), signal.SIGKILL)
    export_{module}(document, folder / "brief.{module}", progress)
""")


@pytest.mark.parametrize("module", ["pdf", "docx"])
def test_killed_export_leaves_the_previous_file_intact(tmp_path, module):
    target = tmp_path / f"brief.{module}"
    target.write_bytes(b"the previous export")
    result = subprocess.run(
        [sys.executable, "-c", KILLER.format(module=module), str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        f"brief.{module}",
        "p.brief",
    ]


def test_failure_midway_through_writing_keeps_the_old_file(tmp_path):
    from brief.atomic import write_atomically

    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the previous export")

    def half_then_fail(handle):
        handle.write(b"%PDF-1.4 half a file")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomically(target, half_then_fail)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]  # no temporary file left


def test_an_excerpt_that_lost_its_section_is_named_and_the_rest_exports_if_asked(tmp_path):
    """A hand-edited or damaged project: the export names the outline item, and on request
    exports the rest with a visible marker where the excerpt was."""
    import sqlite3

    from brief.project import Project
    from tests.conftest import run_cli
    from tests.exports import sample_brief

    path = tmp_path / "gap.brief"
    with Project.create(path) as project:
        brief_id = sample_brief(project)
        gone = project.brief(brief_id).items[2]
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("DELETE FROM sections WHERE id = ?", (gone.section_id,))
    db.commit()
    db.close()
    out = tmp_path / "gap.pdf"
    refused = run_cli("export", str(path), str(brief_id), "--format", "pdf", "-o", str(out))
    assert refused.returncode != 0 and not out.exists()
    assert f"item {gone.position + 1} of the outline" in refused.stderr
    assert "--mark-missing" in refused.stderr
    args = ("export", str(path), str(brief_id), "--format", "pdf", "-o", str(out))
    marked = run_cli(*args, "--mark-missing")
    assert marked.returncode == 0, marked.stderr
    with pdfplumber.open(out) as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert f"[Excerpt missing: item {gone.position + 1} of the outline" in " ".join(text.split())
