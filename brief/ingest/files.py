"""Reading a file of any supported kind: pick the importer by content, decode any encoding."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from brief.errors import ArticleImportError
from brief.ingest.article import Article
from brief.ingest.docx import read_docx
from brief.ingest.html import read_html
from brief.ingest.markdown import read_markdown
from brief.ingest.pdf import MAX_PDF_BYTES, Progress, read_pdf
from brief.ingest.text import read_text
from brief.model import Origin

#: Articles are kilobytes; a file this large is a mistake (a video, a database, a dump).
MAX_BYTES = 20 * 1024 * 1024

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"SQLite format 3": "a database file",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document; save it as DOCX or plain text",
    b"\xd0\xcf\x11\xe0": "an old Word (.doc) file; save it as DOCX",
}
SUPPORTED_SUFFIXES = (
    ".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ".docx", ".pdf"
)  # fmt: skip


def display_name(path: Path) -> str:
    """A file's name as it can be shown and stored: bytes that are not UTF-8 (a name from an
    old disk or archive) become U+FFFD instead of breaking the message or the database."""
    return os.fsencode(path.name).decode("utf-8", "replace")


def read_file(
    path: str | Path, *, password: str | None = None, progress: Progress | None = None
) -> Article:
    """Import one file, whatever its name says: the content decides how it is read.
    `password` opens an encrypted PDF; `progress(done, total)` follows a PDF's pages."""
    path = Path(path)
    name = display_name(path)
    data, modified = read_limited(path, name, MAX_PDF_BYTES if _is_pdf(path) else MAX_BYTES)
    article = read_bytes(data, name=name, password=password, progress=progress)
    # When the file was saved is the best guess at when its page was read (for citations).
    saved = datetime.fromtimestamp(modified, UTC).date().isoformat()
    article.meta.set_if_empty("accessed", saved, Origin.INFERRED)
    return article


_NOT_A_FILE = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_regular(mode: int, name: str) -> None:
    """Refuse what is not a regular file: reading a pipe or a device never ends."""
    for test, what in _NOT_A_FILE:
        if test(mode):
            raise ArticleImportError(name, f"this is {what}, not a file Briefsmith can import.")
    if not stat.S_ISREG(mode):
        raise ArticleImportError(name, "this is not a regular file.")


def read_limited(path: Path, name: str, limit: int = MAX_BYTES) -> tuple[bytes, float]:
    """A regular file's bytes (symlinks followed) and its modification time, reading at most
    `limit` bytes: the size is what is read, not what `stat` claims (0 for /dev/zero)."""
    try:
        check_regular(os.stat(path).st_mode, name)
        # O_NONBLOCK: a pipe put in the file's place after the check cannot block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleImportError(name, "its symbolic links go round in a loop.") from exc
        raise ArticleImportError(name, f"the file cannot be read ({exc.strerror or exc}).") from exc
    try:
        info = os.fstat(fd)
        check_regular(info.st_mode, name)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ArticleImportError(name, f"the file cannot be read ({exc.strerror or exc}).") from exc
    finally:
        os.close(fd)
    if size > limit:
        raise ArticleImportError(
            name,
            f"the file is larger than {limit // (1024 * 1024)} MB; articles are far smaller.",
        )
    return b"".join(chunks), info.st_mtime


def _is_pdf(path: Path) -> bool:
    """Whether a regular file starts as a PDF does (its first kilobyte holds the header).
    Anything else is left to read_limited, which refuses it: opening a named pipe to peek
    would wait for a writer for ever."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False  # read_limited says why
    try:
        return re.search(rb"%PDF-[12]\.", os.read(fd, 1024)) is not None
    except OSError:
        return False
    finally:
        os.close(fd)


def read_bytes(
    data: bytes,
    *,
    name: str,
    password: str | None = None,
    progress: Progress | None = None,
) -> Article:
    """Import a file's bytes; `name` is its file name, used for messages and the suffix."""
    if not data.strip():
        raise ArticleImportError(name, "the file is empty.")
    if re.search(rb"%PDF-[12]\.", data[:1024]):
        article = read_pdf(data, name=name, password=password, progress=progress)
        article.file_hash = hashlib.sha256(data).hexdigest()
        if not article.sections:
            raise ArticleImportError(name, "no text was found in the PDF.")
        return article
    if len(data) > MAX_BYTES:
        raise ArticleImportError(
            name,
            f"the file is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB.",
        )
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ArticleImportError(name, f"this is {what}, not an article Briefsmith can read.")
    suffix = Path(name).suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            article = read_docx(data, name=name)
        else:
            raise ArticleImportError(
                name, "this is a ZIP archive, not a DOCX document or an article."
            )
    else:
        text = decode(data, name)
        head = text[:2048].lstrip().lower()
        if (
            suffix in (".html", ".htm", ".xhtml")
            or head.startswith(("<!doctype html", "<html"))
            or ("<body" in head and "</" in head)
        ):
            article = read_html(text, name=name)
        elif suffix in (".md", ".markdown"):
            article = read_markdown(text, name=name)
        else:
            article = read_text(text, name=name)
    article.file_name = name
    article.file_hash = hashlib.sha256(data).hexdigest()
    if not article.sections:
        raise ArticleImportError(name, "no article text was found in it.")
    return article


def decode(data: bytes, name: str) -> str:
    """Bytes to text: a BOM or UTF-8 first, then the encoding charset-normalizer finds."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:  # a UTF-16 mark on bytes that are not UTF-16
            raise ArticleImportError(
                name, "it starts as UTF-16 text but is not; it may be damaged."
            ) from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:4096]:
        raise ArticleImportError(
            name,
            "this is a binary file, not text; Briefsmith imports text, HTML, Markdown and DOCX.",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None or best.encoding is None:
        raise ArticleImportError(
            name, "its characters are in no encoding Briefsmith recognises; save it as UTF-8 text."
        )
    encoding = best.encoding
    # Short Western text fits several code pages almost equally well; Windows-1252 is by far
    # the most common of them on the web, so it wins a near tie.
    if any("cp1252" in m.could_be_from_charset and m.chaos <= best.chaos + 0.1 for m in matches):
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ArticleImportError(name, f"it cannot be decoded as {encoding}.") from exc
    controls = sum(1 for ch in text[:20_000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > len(text[:20_000]) * 0.01:
        raise ArticleImportError(name, "this looks like a binary file, not text.")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte order mark (some Windows tools do): most characters
    of Latin, Greek, Cyrillic or Arabic text then have a zero byte on the same side."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    for encoding, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > half * 0.3 and others < half * 0.05:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            sample = text[:20_000]
            controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
            return text if controls <= len(sample) * 0.01 else None
    return None


def _is_docx(data: bytes) -> bool:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
