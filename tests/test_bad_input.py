"""Bad input: a clear error naming the file, or a correct import; never a crash."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from brief.errors import ArticleImportError
from brief.ingest import read_file, read_html, read_text
from brief.progress import import_files

BODY = "<p>A paragraph of ordinary article text that is long enough to be kept as body.</p>"


def _fails(path, *words):
    with pytest.raises(ArticleImportError) as caught:
        read_file(path)
    message = str(caught.value)
    assert path.name in message
    for word in words:
        assert word.lower() in message.lower(), message
    return message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _fails(path, "empty")
    path.write_bytes(b"  \n\n \t")
    _fails(path, "empty")


def test_empty_text_string():
    with pytest.raises(ArticleImportError, match="empty"):
        read_text("   \n  ", name="clipboard")


def test_binary_file(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 50)
    _fails(path, "binary")


def test_pdf_renamed_txt(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    _fails(path, "PDF")


def test_image_and_zip_renamed(tmp_path):
    png = tmp_path / "page.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(100))
    _fails(png, "PNG")
    archive = tmp_path / "article.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("notes.txt", "hello")
    archive.write_bytes(buffer.getvalue())
    _fails(archive, "ZIP")


def test_damaged_docx(tmp_path):
    path = tmp_path / "broken.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    path.write_bytes(buffer.getvalue())
    _fails(path, "DOCX")


def test_undecodable_bytes_give_error_or_text(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Caf\xe9 \xff\xfe\x81 text " * 40 + b"\n\n" + b"\x8d\x8f\x90" * 30)
    try:
        article = read_file(path)
    except ArticleImportError as exc:
        assert "odd.txt" in str(exc)
    else:
        assert article.text and "\x00" not in article.text


def test_fifty_megabyte_file(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    _fails(path, "MB")


def test_missing_file(tmp_path):
    _fails(tmp_path / "nowhere.txt", "cannot be read")


def test_entity_expansion_bomb_is_not_expanded():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "]><html><body><article>"
        + BODY * 3
        + "<p>&i;</p></article></body></html>"
    )
    article = read_html(bomb, name="bomb.html")
    assert len(article.text) < 10_000
    assert "aaaaaaaaaa" not in article.text


def test_external_entity_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    page = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><html><body><article>'
        + BODY * 3
        + "<p>&xxe;</p></article></body></html>"
    )
    article = read_html(page, name="xxe.html")
    assert "TOP-SECRET" not in article.text


def test_absurdly_deep_nesting(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>" + "<div>" * 100_000 + BODY + "</div>" * 100_000 + "</body></html>"
    )
    _fails(path, "nested")


def test_a_bad_file_in_a_batch_stops_nothing(tmp_path, project):
    good = tmp_path / "good.txt"
    good.write_text("A sample paragraph that is long enough to stand as an article body here.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4")
    reports = list(import_files(project, [bad, good], read_file))
    assert reports[0].error and "bad.txt" in reports[0].error
    assert reports[1].source is not None
    assert project.source_count() == 1
