"""DOCX documents: paragraphs by their Word styles, metadata from the core properties."""

from __future__ import annotations

import io
import zipfile

from brief.errors import ArticleImportError
from brief.ingest.article import Article, build_article
from brief.ingest.language import detect_language
from brief.ingest.normalize import normalize_inline
from brief.ingest.people import clean_authors
from brief.model import Origin, SectionKind, SourceMeta

#: Limits checked on the archive's directory before anything is unpacked: a Word article
#: unpacks to a few megabytes (images included), in a few dozen parts, compressed about 10:1.
MAX_UNPACKED = 64 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_RATIO = 100  # uncompressed / compressed, for archives over a few megabytes unpacked


def check_archive(archive: zipfile.ZipFile, name: str | None) -> None:
    """Refuse a ZIP bomb from its directory alone, before a byte is inflated."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ArticleImportError(
            name,
            f"the document holds {len(infos)} parts (the limit is {MAX_MEMBERS}); "
            "it is not an article.",
        )
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > MAX_UNPACKED:
        raise ArticleImportError(
            name,
            f"the document unpacks to {unpacked / 1e6:.0f} MB (the limit is "
            f"{MAX_UNPACKED // (1024 * 1024)} MB); it is not an article.",
        )
    if unpacked > 4 * 1024 * 1024 and unpacked / packed > MAX_RATIO:
        raise ArticleImportError(
            name,
            f"the document inflates {unpacked / packed:.0f} times (a ZIP bomb?); it is not read.",
        )


def read_docx(data: bytes, *, name: str | None = None) -> Article:
    """Import a Word document: Title, Heading n, Quote, List and Caption styles map to sections."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, name)
        # python-docx parses with entities off and lxml's default limits (no huge trees):
        # an entity bomb or a document nested too deep is a syntax error, caught here.
        document = docx.Document(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        PackageNotFoundError,
        etree.LxmlError,
        KeyError,
        ValueError,
        EOFError,
        NotImplementedError,
    ) as exc:
        raise ArticleImportError(name, f"this DOCX file is damaged ({exc}).") from exc
    # python-docx takes any XML as the main part; one that is not a Word document with a
    # body fails only later, inside the library, as an AttributeError.
    if getattr(document.element, "body", None) is None:
        raise ArticleImportError(
            name, "this DOCX file is damaged (its main part is not a Word document's body)."
        )
    meta = SourceMeta()
    props = document.core_properties
    if props.title:
        meta.set("title", normalize_inline(props.title), Origin.FOUND)
    if props.author:
        meta.set("authors", clean_authors(props.author), Origin.FOUND)
    blocks: list[tuple[SectionKind, str]] = []
    for paragraph in document.paragraphs:
        text = normalize_inline(paragraph.text)
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style == "Title":
            meta.set_if_empty("title", text, Origin.FOUND)
            continue
        if style == "Subtitle":
            meta.set_if_empty("standfirst", text, Origin.FOUND)
            continue
        if style.startswith("Heading"):
            kind = SectionKind.HEADING
        elif "Quote" in style:
            kind = SectionKind.QUOTE
        elif style.startswith("List"):
            kind = SectionKind.LIST_ITEM
        elif style == "Caption":
            kind = SectionKind.CAPTION
        else:
            kind = SectionKind.PARAGRAPH
        blocks.append((kind, text))
    body = " ".join(text for _, text in blocks)
    meta.set("language", detect_language(body or meta.title), Origin.INFERRED)
    return build_article(meta, blocks, file_name=name or "")
