"""Fonts that travel: a brief is set in the fonts Briefsmith ships, embedded, whether or not
the machine has fontconfig; the typeface and size chosen reach the PDF and the DOCX."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

needs_poppler = pytest.mark.skipif(
    shutil.which("pdffonts") is None and not os.environ.get("CI"),
    reason="poppler-utils (pdffonts, pdftotext) is not installed",
)


def _path_without_fontconfig(tmp_path: Path) -> str:
    """A PATH holding every program of the system's but fontconfig's (fc-match, fc-list)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for directory in ("/usr/local/bin", "/usr/bin", "/bin"):
        for program in Path(directory).glob("*"):
            target = folder / program.name
            if not program.name.startswith("fc-") and not target.exists():
                target.symlink_to(program)
    return str(folder)


def _export(project: Path, out: Path, *extra: str, path: str | None = None) -> None:
    env = dict(os.environ)
    if path is not None:
        env["PATH"] = path
    subprocess.run(
        [
            sys.executable,
            "-m",
            "exporters.cli",
            "export",
            str(project),
            "1",
            "-o",
            str(out),
            *extra,
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )


def _fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name without its subset tag, embedded?) for each font pdffonts lists."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        name = parts[0].split("+", 1)[-1]
        emb = parts[-5]  # name type [encoding] emb sub uni object ID
        rows.append((name, emb))
    return sorted(set(rows))


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from brief.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("fonts") / "demo.brief")


@needs_poppler
def test_the_pdf_is_set_in_the_shipped_fonts_with_or_without_fontconfig(demo, tmp_path):
    with_fc, without_fc = tmp_path / "with.pdf", tmp_path / "without.pdf"
    _export(demo, with_fc, "--format", "pdf")
    _export(demo, without_fc, "--format", "pdf", path=_path_without_fontconfig(tmp_path))
    fonts = _fonts(with_fc)
    names = {name for name, _ in fonts}
    assert all(emb == "yes" for _, emb in fonts), fonts
    assert {"NotoSerif-Regular", "NotoSerif-Bold", "NotoNaskhArabic-Regular"} <= names
    shipped = {p.stem for p in (ROOT / "assets" / "fonts").glob("*.ttf")}
    assert names <= shipped, names - shipped  # nothing from the system
    # The same fonts and the same pages, to the character, without fontconfig.
    assert _fonts(without_fc) == fonts
    assert _text(without_fc) == _text(with_fc)


@needs_poppler
def test_sans_and_a_larger_size_reach_the_pdf(demo, tmp_path):
    serif, sans = tmp_path / "serif.pdf", tmp_path / "sans.pdf"
    _export(demo, serif, "--format", "pdf")
    _export(demo, sans, "--format", "pdf", "--typeface", "sans", "--size", "14")
    names = {name for name, _ in _fonts(sans)}
    assert "NotoSans-Regular" in names and not any("NotoSerif" in n for n in names)
    lines = [len([t for t in _text(p).splitlines() if t.strip()]) for p in (serif, sans)]
    assert lines[1] > 1.15 * lines[0]  # 14 pt running text takes more lines than 11 pt


def test_the_docx_names_the_typeface_and_size(demo, tmp_path):
    out = tmp_path / "brief.docx"
    _export(demo, out, "--format", "docx", "--typeface", "sans", "--size", "12")
    with zipfile.ZipFile(out) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.DOTALL)
    assert normal is not None
    assert 'w:ascii="Noto Sans"' in normal.group() and 'w:cs="Noto Naskh Arabic"' in normal.group()
    assert '<w:sz w:val="24"/>' in normal.group() and '<w:szCs w:val="24"/>' in normal.group()


def test_the_shipped_fonts_and_their_licence_are_package_data():
    from assets import asset
    from exporters.fonts import SHIPPED, SHIPPED_SCRIPTS

    files = [name for faces in SHIPPED.values() for name in faces.values()] + list(SHIPPED_SCRIPTS)
    for name in files:
        assert asset("fonts", name).stat().st_size > 20_000, name  # a real font, not a pointer
    licence = asset("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence
