"""PDF documents with a text layer (reports, papers, filings), read with PDFium.

PDFium gives each text object's text, box, font and size; `pdf_lines`, `pdf_page` and
`pdf_paragraphs` turn those into lines, columns, furniture, notes and paragraphs. Running
heads, footers and page numbers are dropped, the PDF's own footnotes become sections of kind
note, and every section keeps its page so a citation can say "p. N". A scan without text, a
locked or a damaged file gets a message that says which and what to do.
"""

from __future__ import annotations

import ctypes
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

from brief.errors import ArticleImportError
from brief.ingest.article import Article, build_article
from brief.ingest.language import detect_language
from brief.ingest.normalize import normalize_inline
from brief.ingest.pdf_lines import Line, Run, build_lines
from brief.ingest.pdf_page import (
    notes_of,
    page_footnotes,
    page_gutters,
    reading_order,
    running_lines,
    split_footnotes,
)
from brief.ingest.pdf_paragraphs import body_style, paragraphs
from brief.ingest.people import clean_authors
from brief.model import Origin, Section, SectionKind, SourceMeta

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]

#: A PDF report may be far larger than an article page; its size is checked by the caller.
MAX_PDF_BYTES = 200 * 1024 * 1024


class PasswordRequiredError(ArticleImportError):
    """The PDF is encrypted with a password the user has to give (or gave wrongly)."""

    def __init__(self, name: str | None, *, wrong: bool) -> None:
        problem = (
            "the password is not right for this PDF."
            if wrong
            else "this PDF is protected by a password; give it to import the document."
        )
        super().__init__(name, problem)
        self.wrong = wrong


def read_pdf(
    data: bytes,
    *,
    name: str | None = None,
    password: str | None = None,
    progress: Progress | None = None,
) -> Article:
    """Import a PDF's text: sections with their pages, the PDF's notes as notes."""
    import pypdfium2 as pdfium

    if b"%%EOF" not in data[-2048:]:
        raise ArticleImportError(
            name,
            "the PDF is cut off: its end is missing, so it was not saved or downloaded "
            "completely. Download it again.",
        )
    try:
        document = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc, name, password) from exc
    try:
        pages = len(document)
        if pages == 0:
            raise ArticleImportError(name, "the PDF has no pages.")
        lines, heights, widths = _read_pages(document, name, progress)
        meta = _metadata(document, data)
    finally:
        document.close()
    if sum(len(line.text) for page in lines for line in page) < 20 * min(pages, 5):
        raise ArticleImportError(
            name,
            "the PDF has no text layer: its pages are pictures (a scan). Run it through "
            "OCR (OCRmyPDF, or the scanner's software) and import the result.",
        )
    return _article(lines, heights, widths, meta, name)


def _open_error(exc: Any, name: str | None, password: str | None) -> ArticleImportError:
    import pypdfium2.raw as raw

    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return PasswordRequiredError(name, wrong=password is not None)
    if code == raw.FPDF_ERR_SECURITY:
        return ArticleImportError(
            name, "the PDF is locked with a kind of encryption Briefsmith cannot open."
        )
    return ArticleImportError(
        name, "the PDF is damaged: its structure cannot be read. Download or save it again."
    )


# -- pages to lines ---------------------------------------------------------------------------


def _read_pages(
    document: Any, name: str | None, progress: Progress | None
) -> tuple[list[list[Line]], list[float], list[float]]:
    import pypdfium2 as pdfium

    pages: list[list[Line]] = []
    heights: list[float] = []
    widths: list[float] = []
    count = len(document)
    broken = 0
    for index in range(count):
        try:
            page = document[index]
        except pdfium.PdfiumError:
            broken += 1  # a damaged page: the others are still worth reading
            log.warning("%s: page %d cannot be read", name, index + 1)
            page = None
        if page is None:
            width, height, runs = 595.0, 842.0, []
        else:
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    runs = list(_runs(page, textpage, height))
                finally:
                    textpage.close()
            except pdfium.PdfiumError:
                broken += 1
                log.warning("%s: the text of page %d cannot be read", name, index + 1)
                runs = []
            finally:
                page.close()
        pages.append(build_lines(runs, index + 1))
        heights.append(height)
        widths.append(width)
        if progress is not None:
            progress(index + 1, count)
    if broken == count:
        raise ArticleImportError(
            name, "the PDF is damaged: none of its pages can be read. Download or save it again."
        )
    return pages, heights, widths


def _runs(page: Any, textpage: Any, height: float) -> Iterator[Run]:
    """The page's text objects, in drawing order, with their boxes in points from the top
    left; text turned on its side (a stamp in the margin) is left out."""
    import pypdfium2.raw as raw

    fonts: dict[int, bool] = {}
    matrix = raw.FS_MATRIX()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    size = ctypes.c_float()
    buffer = (ctypes.c_ushort * 4096)()
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT], textpage=textpage):
        handle = obj.raw
        if not raw.FPDFPageObj_GetMatrix(handle, matrix):
            continue
        if abs(matrix.b) > 0.1 * abs(matrix.a) or matrix.a <= 0:
            continue  # rotated or mirrored
        n_bytes = raw.FPDFTextObj_GetText(handle, textpage.raw, None, 0)
        if n_bytes <= 2:
            continue
        if n_bytes > ctypes.sizeof(buffer):
            buffer = (ctypes.c_ushort * (n_bytes // 2 + 1))()
        raw.FPDFTextObj_GetText(handle, textpage.raw, buffer, n_bytes)
        text = bytes(memoryview(buffer).cast("B")[: n_bytes - 2]).decode("utf-16-le", "replace")
        if not text.strip():
            continue
        raw.FPDFPageObj_GetBounds(handle, left, bottom, right, top)
        raw.FPDFTextObj_GetFontSize(handle, size)
        box = [left.value, bottom.value, right.value, top.value]
        origin = [matrix.e, matrix.f, matrix.e, matrix.f]
        scale = (abs(matrix.a * matrix.d - matrix.b * matrix.c)) ** 0.5
        container = obj.container
        while container is not None:  # text inside a form: its box in the page's space
            form = container.get_matrix()
            box = _transform(box, form)
            origin = _transform(origin, form)
            scale *= abs(form.a * form.d - form.b * form.c) ** 0.5
            container = container.container
        font = raw.FPDFTextObj_GetFont(handle)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in fonts:
            fonts[key] = _is_bold(font)
        yield Run(
            text=text,
            x0=box[0],
            top=height - box[3],
            x1=box[2],
            bottom=height - box[1],
            size=round(size.value * scale, 2),
            bold=fonts[key],
            baseline=height - origin[1],
        )


def _transform(box: list[float], m: Any) -> list[float]:
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[3]), (box[0], box[3]), (box[2], box[1])):
        xs.append(m.a * x + m.c * y + m.e)
        ys.append(m.b * x + m.d * y + m.f)
    return [min(xs), min(ys), max(xs), max(ys)]


def _is_bold(font: Any) -> bool:
    import pypdfium2.raw as raw

    if not font:
        return False
    if raw.FPDFFont_GetWeight(font) >= 600:
        return True
    length = raw.FPDFFont_GetBaseFontName(font, None, 0)
    if length <= 1:
        return False
    name = ctypes.create_string_buffer(length)
    raw.FPDFFont_GetBaseFontName(font, name, length)
    return bool(re.search(r"bold|black|heavy|semibold|demi", name.value.decode("latin-1"), re.I))


# -- lines to an article ----------------------------------------------------------------------


def _article(
    pages: list[list[Line]],
    heights: list[float],
    widths: list[float],
    meta: SourceMeta,
    name: str | None,
) -> Article:
    style = body_style([line for page in pages for line in page], heights)
    furniture = running_lines(pages, heights, style.size)
    removed = [line.text for page in pages for line in page if id(line) in furniture]
    kept = [[line for line in page if id(line) not in furniture] for page in pages]
    columns: list[list[Line]] = []
    notes: list[tuple[str, int]] = []
    for lines, gutter in zip(kept, page_gutters(kept, widths), strict=True):
        body, page_foot = page_footnotes(lines, style.size)
        across = gutter is not None and any(n.x0 < gutter < n.x1 for n in page_foot)
        if gutter is None or across:  # notes under each column are found column by column
            lines = body
        else:
            page_foot = []
        page_columns = reading_order(lines, gutter)
        for column in page_columns:
            body, foot = split_footnotes(column, style.size)  # notes under a column
            columns.append(body)
            notes.extend(notes_of(foot))
        # Notes set across the page are read line by line.
        for column in reading_order(page_foot, None):
            notes.extend(notes_of(column))
    blocks = paragraphs(columns, style)
    _take_title(meta, blocks, style)
    sections: list[tuple[SectionKind, str, int]] = [
        (block.kind, block.text, block.page) for block in blocks
    ]
    sections += [(SectionKind.NOTE, text, page) for text, page in notes]
    body_text = " ".join(text for kind, text, _ in sections if kind is not SectionKind.NOTE)
    meta.set_if_empty("language", detect_language(body_text), Origin.INFERRED)
    article = build_article(meta, [(kind, text) for kind, text, _ in sections])
    _give_pages(article.sections, [(text, page) for _, text, page in sections])
    article.junk_lines = len(removed)
    article.removed = removed
    article.file_name = name or ""
    return article


def _give_pages(sections: list[Section], blocks: list[tuple[str, int]]) -> None:
    pages = iter(page for text, page in blocks if text.strip())
    for section in sections:
        section.page = next(pages)


def _take_title(meta: SourceMeta, blocks: list[Any], style: Any) -> None:
    """The title is the document's information when it is a real title, otherwise the first
    page's largest heading near its top; the heading that is the title leaves the body."""
    first = [b for b in blocks[:6] if b.page == 1 and b.kind is SectionKind.HEADING]
    if not first:
        return
    biggest = max(first, key=lambda b: b.size)
    if biggest.size < 1.3 * style.size:
        return
    if not meta.title:
        meta.set("title", normalize_inline(biggest.text), Origin.INFERRED)
    if normalize_inline(biggest.text).casefold() == meta.title.casefold():
        blocks.remove(biggest)


# -- metadata -----------------------------------------------------------------------------------

_JUNK_TITLE = re.compile(
    r"^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|indd|tex|dvi|rtf|odt))$",
    re.IGNORECASE,
)


_JUNK_AUTHOR = re.compile(r"^(?:anonymous|unknown|user|administrator|admin|owner)$", re.I)


def _metadata(document: Any, data: bytes) -> SourceMeta:
    """Title, authors and dates from the document information, then from XMP."""
    meta = SourceMeta()
    info = document.get_metadata_dict(skip_empty=True)
    xmp = _xmp(data)
    titles = (normalize_inline(t) for t in (info.get("Title", ""), xmp.get("title", "")))
    title = next((t for t in titles if t and not _JUNK_TITLE.match(t)), "")
    if title:
        meta.set("title", title, Origin.FOUND)
    named = (info.get("Author", "").strip(), xmp.get("creator", "").strip())
    author = next((a for a in named if a and not _JUNK_AUTHOR.match(a)), "")
    if author:
        authors = clean_authors(re.split(r"\s*(?:;|,\s*(?=\S+\s+\S)| and )\s*", author))
        meta.set("authors", authors, Origin.FOUND)
    # When the file was made is a guess at when the document was published, marked so.
    created = _pdf_date(info.get("CreationDate", "")) or xmp.get("created", "")
    if created:
        meta.set("published", created, Origin.INFERRED)
    modified = _pdf_date(info.get("ModDate", "")) or xmp.get("modified", "")
    if modified and modified != created:
        meta.set("updated", modified, Origin.INFERRED)
    if xmp.get("language"):
        meta.set("language", xmp["language"][:2].lower(), Origin.FOUND)
    return meta


def _pdf_date(value: str) -> str:
    """A PDF date ("D:20240131093000+01'00'") as an ISO date; empty when it is not one."""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value.strip())
    if not match:
        return ""
    year, month, day = match.group(1), match.group(2) or "", match.group(3) or ""
    if not 1900 < int(year) < 2200 or (month and not 1 <= int(month) <= 12):
        return ""
    if day and not 1 <= int(day) <= 31:
        day = ""
    return "-".join(part for part in (year, month, day if month else "") if part)


_XMP = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta>", re.DOTALL)


def _xmp(data: bytes) -> dict[str, str]:
    """The document's XMP packet (stored uncompressed, as XMP's specification asks), read
    with entities and network off; empty when there is none or it is not well formed."""
    match = _XMP.search(data)
    if not match:
        return {}
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(match.group(0), parser)
    except etree.XMLSyntaxError:
        return {}
    ns = {
        "dc": "http://purl.org/dc/elements/1.1/",
        "xmp": "http://ns.adobe.com/xap/1.0/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    }
    found: dict[str, str] = {}
    for key, path in (
        ("title", "//dc:title//rdf:li"),
        ("creator", "//dc:creator//rdf:li"),
        ("language", "//dc:language//rdf:li"),
    ):
        values = [v.text.strip() for v in root.xpath(path, namespaces=ns) if v.text]
        if values:
            found[key] = "; ".join(values) if key == "creator" else values[0]
    for key, attr in (("created", "CreateDate"), ("modified", "ModifyDate")):
        stamps = root.xpath(f"//xmp:{attr}/text() | //@xmp:{attr}", namespaces=ns)
        day = re.match(r"\d{4}-\d{2}-\d{2}", str(stamps[0]).strip()) if stamps else None
        if day:
            found[key] = day.group()
    return found
