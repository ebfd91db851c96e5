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

#: Uncompressed size past which an archive is taken for a ZIP bomb, not a document.
_MAX_UNPACKED = 200 * 1024 * 1024


def read_docx(data: bytes, *, name: str | None = None) -> Article:
    """Import a Word document: Title, Heading n, Quote, List and Caption styles map to sections."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > _MAX_UNPACKED:
                raise ArticleImportError(
                    name, "the document unpacks to more than 200 MB; it is not an article."
                )
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ArticleImportError(name, f"this DOCX file is damaged ({exc}).") from exc
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
