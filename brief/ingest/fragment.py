"""A browser's copy of a selection, read from the HTML it puts on the clipboard.

What the user selected is the article, or most of it: headings, paragraphs, quotes and list
items come from the markup as it stands, where the plain text would leave them to be
guessed from line breaks. The page's furniture a selection may have caught (a share bar,
"Subscribe to our newsletter", a caption's credit) goes as in a pasted text, and the head
(a title over the text, a byline, a date line) becomes metadata. A fragment with less text
than its plain version (a selection inside a table, an editor's own markup) is read from
the plain text instead: `read_clipboard` decides.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from brief.errors import ArticleImportError
from brief.ingest.article import Article, build_article
from brief.ingest.bylines import BYLINE, byline_authors
from brief.ingest.dates import is_date_line, line_date
from brief.ingest.furniture import is_barrier, is_caption, is_junk
from brief.ingest.language import detect_language
from brief.ingest.lines import count_words
from brief.ingest.metadata import take_dateline
from brief.ingest.normalize import normalize_inline
from brief.ingest.text import read_text
from brief.model import Origin, SectionKind, SourceMeta

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {"p", "li", "blockquote", "pre", "figcaption", "dd", "dt", "caption"}
_BLOCK_TAGS = _BLOCKS | {"div", "section", "article", "main", "ul", "ol", "dl", "figure", "table",
                        "tr", "td", "th", "header", "footer", "aside", "details"}  # fmt: skip
_SKIPPED = {"script", "style", "noscript", "template", "nav", "button", "select", "svg", "head"}


def read_clipboard(html: str, text: str, *, name: str = "Pasted text") -> Article:
    """The clipboard's article: from its HTML when that holds the text, else its plain text."""
    if html.strip():
        try:
            article = read_fragment(html, name=name)
        except ArticleImportError:
            article = None
        plain_words = count_words(text)
        if article is not None and count_words(article.text) >= 0.5 * plain_words:
            return article
    if not text.strip():
        raise ArticleImportError(name, "the clipboard holds no text.")
    return read_text(text, name=name)


def read_fragment(html: str, *, name: str = "Pasted text") -> Article:
    """Sections from an HTML fragment's markup, furniture dropped, the head as metadata."""
    if not html.strip():
        raise ArticleImportError(name, "no article text was found in the copied HTML.")
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ArticleImportError(name, f"the copied HTML cannot be read ({exc}).") from exc
    for skipped in list(root.iter(*_SKIPPED)):
        skipped.drop_tree()  # its text goes, its tail (the text after it) stays
    for line_break in root.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")
    # The elements that hold a block somewhere inside, found once for the whole walk.
    holders = {
        ancestor
        for element in root.iter()
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS
        for ancestor in element.iterancestors()
    }
    blocks: list[tuple[SectionKind, str]] = []
    _walk(root, blocks, holders, quoted=False)
    meta = SourceMeta()
    kept: list[tuple[SectionKind, str]] = []
    removed: list[str] = []
    for at, (kind, text) in enumerate(blocks):
        if is_barrier(text):  # "Comments", "Related stories": the article is over
            removed += [text for _, text in blocks[at:]]
            break
        if kind is not SectionKind.QUOTE and is_junk(text, count_words(text)):
            removed.append(text)
        elif kind is SectionKind.PARAGRAPH and is_caption(text) and count_words(text) <= 60:
            kept.append((SectionKind.CAPTION, text))
        else:
            kept.append((kind, text))
    kept = _head(meta, kept)
    take_dateline(meta, kept)
    if not any(kind is not SectionKind.CAPTION for kind, _ in kept):
        raise ArticleImportError(name, "no article text was found in the copied HTML.")
    body = "\n".join(text for kind, text in kept if kind is SectionKind.PARAGRAPH)
    meta.set("language", detect_language(body or meta.title), Origin.INFERRED)
    return build_article(meta, kept, file_name=name, junk_lines=len(removed), removed=removed)


def _walk(
    element: etree._Element,
    blocks: list[tuple[SectionKind, str]],
    holders: set[etree._Element],
    quoted: bool,
) -> None:
    """Blocks in document order. An element holding no block is one block, its inline
    markup (links, emphasis) read as text; one holding blocks is read through them, the
    inline text between them a paragraph of its own."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if not tag:  # a comment or a processing instruction
        return
    quoted = quoted or tag == "blockquote"
    if tag in _HEADINGS or element not in holders:
        text = normalize_inline(element.text_content())
        if text:
            blocks.append((_kind(tag, quoted), text))
        return
    inline: list[str] = [element.text or ""]
    for child in element:
        child_tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if child_tag in _BLOCK_TAGS or child in holders:
            _flush(inline, blocks, quoted)
            _walk(child, blocks, holders, quoted)
        elif child_tag:
            inline.append(child.text_content())
        inline.append(child.tail or "")
    _flush(inline, blocks, quoted)


def _flush(inline: list[str], blocks: list[tuple[SectionKind, str]], quoted: bool) -> None:
    text = normalize_inline("".join(inline))
    if text:
        blocks.append((_kind("p", quoted), text))
    inline.clear()


def _kind(tag: str, quoted: bool) -> SectionKind:
    if tag in _HEADINGS:
        return SectionKind.HEADING
    if quoted:
        return SectionKind.QUOTE
    if tag in ("li", "dd"):
        return SectionKind.LIST_ITEM
    if tag in ("figcaption", "caption"):
        return SectionKind.CAPTION
    return SectionKind.PARAGRAPH


def _head(meta: SourceMeta, blocks: list[tuple[SectionKind, str]]) -> list[tuple[SectionKind, str]]:
    """A heading opening the selection is the title; a byline and a date line under it, or
    before the first paragraph, are the authors and the date."""
    rest = list(blocks)
    if rest and rest[0][0] is SectionKind.HEADING:
        meta.set("title", rest.pop(0)[1], Origin.FOUND)
    while rest and rest[0][0] is not SectionKind.HEADING:
        kind, text = rest[0]
        if kind is SectionKind.PARAGRAPH and BYLINE.match(text) and count_words(text) <= 12:
            meta.set("authors", byline_authors(text), Origin.INFERRED)
        elif kind is SectionKind.PARAGRAPH and is_date_line(text):
            meta.set_if_empty("published", line_date(text) or "", Origin.INFERRED)
        else:
            break
        rest.pop(0)
    return rest
