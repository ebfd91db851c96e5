"""A corpus of hostile inputs, made by code rather than committed as binaries.

    python -m tests.hostile FOLDER      # writes the corpus into FOLDER

Each entry is a file (or a pipe, a link, a device link) that once broke or hung an import:
damaged and malicious DOCX files, a ZIP bomb, pipes and devices named like articles, link
loops, names that are not UTF-8, UTF-16 text without a byte order mark.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

GOOD_TEXT = (
    "Sample: the river ferry returns\n\n"
    "The ferry across the estuary resumed on Monday after a winter of repairs, the harbour "
    "office said, and the first crossings were full before noon.\n\n"
    "Commuters said the new timetable suited them better, though the last boat still leaves "
    "before the late shifts end.\n"
)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def variant(tag: str) -> str:
    """The good article about another ferry: a different article, body included."""
    return GOOD_TEXT.replace("river ferry", f"{tag} ferry").replace("estuary", f"{tag} estuary")


def slow_text(lines: int = 200_000) -> str:
    """A text that takes seconds to read (4 s on the 2-core machine, 3.4 MB): short lines
    of a menu, each different, the kind of line the reader weighs most carefully. (A
    repeated article stopped being slow enough once the reader got faster: 6 MB of it now
    takes half a second.)"""
    return "".join(f"Menu item {number}\n" for number in range(lines))


def docx(document_xml: str | bytes) -> bytes:
    """A DOCX package around this `word/document.xml`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document_xml)
    return out.getvalue()


def good_docx() -> bytes:
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in GOOD_TEXT.split("\n\n")
    )
    return docx(f'<?xml version="1.0"?><w:document {_W}><w:body>{paragraphs}</w:body></w:document>')


def malformed_docx() -> bytes:
    return docx(f"<w:document {_W}><w:body><w:p><w:r><w:t>unclosed")


def entity_bomb_docx() -> bytes:
    entities = '<!ENTITY a0 "boom">' + "".join(
        f'<!ENTITY a{n} "{("&a" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    )
    return docx(
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f"<w:document {_W}><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    )


def deep_docx(depth: int = 100_000) -> bytes:
    return docx(
        f"<w:document {_W}><w:body>" + "<w:p>" * depth + "</w:p>" * depth + "</w:body></w:document>"
    )


def zip_bomb_docx(megabytes: int = 190) -> bytes:
    """About 1 MB on disk (at most), `megabytes` of XML once inflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<?xml version="1.0"?><w:document {_W}><w:body>'.encode())
            block = b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>" * 1
            chunk = block * 1000
            for _ in range(megabytes * 1024 * 1024 // len(chunk)):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return out.getvalue()


def write_corpus(folder: Path) -> dict[str, Path]:
    """Write every hostile input into `folder`; returns them by name. Pipes, links and
    non-UTF-8 names are made where the system allows them."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        made[name] = folder / name
        made[name].write_bytes(data)

    put("good.txt", GOOD_TEXT.encode())
    put("good.docx", good_docx())
    put("malformed.docx", malformed_docx())
    put("entity-bomb.docx", entity_bomb_docx())
    put("deep.docx", deep_docx())
    put("zip-bomb.docx", zip_bomb_docx())
    put("not-a-zip.docx", b"PK\x03\x04" + b"\x00" * 200)
    put("utf16-no-bom.txt", variant("utf-16").encode("utf-16-le"))
    if hasattr(os, "mkfifo"):
        made["fifo.txt"] = folder / "fifo.txt"
        os.mkfifo(made["fifo.txt"])
    if hasattr(os, "symlink"):
        made["zero.txt"] = folder / "zero.txt"
        os.symlink("/dev/zero", made["zero.txt"])
        made["loop.txt"] = folder / "loop.txt"
        os.symlink(folder / "loop2.txt", made["loop.txt"])
        os.symlink(made["loop.txt"], folder / "loop2.txt")
    try:
        raw = os.path.join(os.fsencode(folder), b"caf\xe9-latin1.txt")
        with open(raw, "wb") as handle:
            handle.write(variant("latin-1 named").encode())
        made["latin1-name"] = Path(os.fsdecode(raw))
    except (OSError, UnicodeError):
        pass  # a file system that only takes UTF-8 names
    return made


if __name__ == "__main__":
    for name, path in write_corpus(Path(sys.argv[1])).items():
        print(f"{name}: {path}")
