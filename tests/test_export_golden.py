"""Golden files: the parts a regression would hide in, compared whole (novelWriter's habit).

The DOCX footnotes, endnotes and settings parts of the sample brief, and the text of each PDF
page, are kept in tests/golden/. After a deliberate change, look at the new output, then
rewrite them with `BRIEFSMITH_UPDATE_GOLDEN=1 make test` and review the diff before committing.
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from brief.compose import build_document
from brief.document import ExportOptions
from exporters.docx import export_docx
from exporters.pdf import export_pdf
from tests.exports import sample_brief

pytestmark = pytest.mark.usefixtures("poppler")

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BRIEFSMITH_UPDATE_GOLDEN") == "1"


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with BRIEFSMITH_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file"


def _pretty(data: bytes) -> str:
    root = etree.fromstring(data)
    etree.indent(root, space=" ")
    return etree.tostring(root, encoding="unicode") + "\n"


@pytest.mark.parametrize(("notes", "part"), [("foot", "footnotes"), ("end", "endnotes")])
def test_docx_notes_and_settings_parts(project, tmp_path, notes, part):
    document = build_document(project, sample_brief(project), ExportOptions(notes=notes))
    path = export_docx(document, tmp_path / "golden.docx")
    with zipfile.ZipFile(path) as z:
        _compare(f"{part}.xml", _pretty(z.read(f"word/{part}.xml")))
        _compare(f"settings-{notes}.xml", _pretty(z.read("word/settings.xml")))


def test_pdf_page_text(project, tmp_path):
    document = build_document(project, sample_brief(project), ExportOptions(contents=True))
    path, _ = export_pdf(document, tmp_path / "golden.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = [page.rstrip() for page in text.split("\f")]
    _compare("sample-brief-pages.txt", "\n\n=== page break ===\n\n".join(pages) + "\n")
