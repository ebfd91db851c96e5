"""HTML pages: the main content (trafilatura) as sections, metadata from the page's data."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from brief.authors import ORGANISATION, PERSON
from brief.errors import ArticleImportError
from brief.ingest.article import Article, build_article
from brief.ingest.furniture import is_junk_line, junk_phrase
from brief.ingest.language import detect_language
from brief.ingest.metadata import clean_title, take_dateline
from brief.ingest.normalize import normalize_inline
from brief.ingest.people import clean_authors
from brief.model import Origin, SectionKind, SourceMeta

# A DOCTYPE with an internal subset can declare entities (expansion bombs, external files);
# HTML has no use for it, so it goes before any parser sees the page.
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.I | re.S)
_ENTITY_DECL = re.compile(r"<!ENTITY[^>]*>", re.I)
_DECLARES = re.compile(r"<!(?:ENTITY|DOCTYPE[^>\[]*\[)", re.I)  # either of the above, found fast
# libxml2 stops building the tree at depth 256 and drops what lies deeper; refuse such a page
# clearly instead (real articles nest a few dozen deep: 51 at most on the benchmark's pages).
_MAX_DEPTH = 250

_KINDS = {
    "head": SectionKind.HEADING,
    "p": SectionKind.PARAGRAPH,
    "quote": SectionKind.QUOTE,
    "item": SectionKind.LIST_ITEM,
}


_SHORT_BODY = 60  # words: shorter than a news brief; it may be a box beside the article


def _extract(trafilatura: Any, tree: Any, url: str | None, *, precise: bool) -> Any:
    """trafilatura's document; the metadata only with the first, precise, extraction: a
    second one, for recall, gives the same page's body alone."""
    return trafilatura.bare_extraction(
        tree,
        url=url,
        favor_precision=precise,
        favor_recall=not precise,
        include_comments=False,
        include_tables=True,
        with_metadata=precise,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _words(text: str | None) -> int:
    return len((text or "").split())


def read_html(html: str, *, url: str | None = None, name: str | None = None) -> Article:
    """Import a web page: its article body as sections, its metadata from JSON-LD and meta tags."""
    import trafilatura

    label = name or url
    if _DECLARES.search(html):
        html = _ENTITY_DECL.sub("", _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", html))
    if not html.strip():
        raise ArticleImportError(label, "the page is empty.")
    try:
        # trafilatura's own parse (it repairs what browsers tolerate); the extraction below
        # works on a copy of this tree instead of parsing the page a second time
        tree = trafilatura.load_html(html)
    except (etree.ParserError, ValueError, TypeError) as exc:
        raise ArticleImportError(label, f"this is not a readable HTML page ({exc}).") from exc
    if tree is None:
        raise ArticleImportError(label, "this is not a readable HTML page.")
    if _too_deep(tree):
        raise ArticleImportError(
            label,
            f"the page's elements are nested more than {_MAX_DEPTH} deep; "
            "it is not an article a browser saved.",
        )
    try:
        doc = _extract(trafilatura, tree, url, precise=True)
        body = None if doc is None or isinstance(doc, dict) else doc.body
        if body is not None and _words(doc.text) < _SHORT_BODY:
            # Precision can settle on a box beside a body it judged too noisy (a reprints
            # notice over a paywalled article): ask again for recall, take it if far longer.
            wider = _extract(trafilatura, tree, url, precise=False)
            if (
                wider is not None
                and not isinstance(wider, dict)
                and _words(wider.text) >= 2 * max(_words(doc.text), 1)
            ):
                body = wider.body
    except RecursionError as exc:
        raise ArticleImportError(label, "the page is too deeply nested to read.") from exc
    meta = SourceMeta()
    blocks: list[tuple[SectionKind, str]] = []
    if doc is not None and not isinstance(doc, dict):
        _metadata(doc, tree, meta, url)
        # what trafilatura leaves of a page's buttons and boxes: "Comments", "Subscribe to
        # our newsletter" (a quote may say anything)
        blocks = [
            (kind, text)
            for kind, text in _blocks(body)
            if kind is SectionKind.QUOTE or not _button(text)
        ]
    if (
        blocks
        and blocks[0][0] is SectionKind.HEADING
        and (not meta.title or blocks[0][1].casefold() == meta.title.casefold())
    ):
        if not meta.title:
            meta.set("title", blocks[0][1], Origin.FOUND)
        blocks.pop(0)
    if not meta.title:
        title = tree.findtext(".//title") or ""
        meta.set("title", clean_title(normalize_inline(title), meta.publisher), Origin.FOUND)
    take_dateline(meta, blocks)
    if not meta.language:
        body = " ".join(text for _, text in blocks)
        meta.set("language", detect_language(body or meta.title), Origin.INFERRED)
    return build_article(meta, blocks, file_name=name or "")


def _button(text: str) -> bool:
    """A label or a short boilerplate sentence (the furniture rules of pasted text that
    need no layout to judge; vocabulary alone would take articles about subscriptions)."""
    return is_junk_line(text) or (len(text.split()) <= 25 and junk_phrase(text))


def _too_deep(tree: Any) -> bool:
    """Whether some element lies deeper than _MAX_DEPTH: one XPath step per level, run by
    libxml2 (walking the tree in Python took 2 ms a page)."""
    return bool(tree.getroottree().xpath("boolean(/" + "*/" * _MAX_DEPTH + "*)"))


def _blocks(body: Any) -> Any:
    """Sections from trafilatura's XML body: head, p, quote and list items, in order."""
    if body is None:
        return
    loose = normalize_inline(body.text or "")
    if loose:
        yield SectionKind.PARAGRAPH, loose
    previous_row = ""
    for element in body.iter():
        kind = _KINDS.get(element.tag)
        loose = normalize_inline(element.tail or "") if element.getparent() is body else ""
        if element.tag == "row":
            # A table row reads as one line, its cells kept apart: "DL | Larry Ogunjobi | 63".
            cells = [normalize_inline("".join(cell.itertext())) for cell in element]
            row = " | ".join(cell for cell in cells if cell)
            if row and row != previous_row:
                yield SectionKind.PARAGRAPH, row
            previous_row = row
            continue
        if kind is None:
            if loose:
                yield SectionKind.PARAGRAPH, loose
            continue
        if element.tag == "p" and any(
            a.tag in ("quote", "item", "row") for a in element.iterancestors()
        ):
            continue  # text of a quote, item or table row is taken with it
        if kind is not None and any(a.tag == "row" for a in element.iterancestors()):
            continue
        if element.tag in ("quote", "item") and element.find(".//item") is not None:
            # a quote or item holding a nested list: its own text only
            text = normalize_inline(element.text or "")
        else:
            text = normalize_inline("".join(element.itertext()))
        if text:
            yield kind, text
        if loose:  # text standing after a block, straight in the body
            yield SectionKind.PARAGRAPH, loose


def _metadata(doc: Any, tree: Any, meta: SourceMeta, url: str | None) -> None:
    site = normalize_inline(doc.sitename or "")
    if site and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", site):  # not a bare host name
        meta.set("publisher", site, Origin.FOUND)
    if doc.title:
        meta.set("title", clean_title(normalize_inline(doc.title), site), Origin.FOUND)
    # The page's own author strings first: trafilatura's normalisation can split a role
    # ("Senior Energy Correspondent") into what looks like a second name.
    found = _head_elements(tree)
    linked_data = list(_json_ld(found["ld"]))  # parsed once, read twice
    typed = _json_ld_authors(linked_data)
    raw_authors = list(typed) or found["author"]
    authors = clean_authors(raw_authors, site) if raw_authors else []
    if not authors and doc.author:
        authors = clean_authors(doc.author.split(";"), site)
    meta.set("authors", authors, Origin.FOUND)
    # The page's data says which authors are organisations (JSON-LD @type).
    kinds = {name: typed[name] for name in authors if typed.get(name)}
    if kinds:
        meta.set("author_kinds", kinds, Origin.FOUND)
    if doc.date:
        meta.set("published", doc.date, Origin.FOUND)
    if doc.description:
        meta.set("standfirst", normalize_inline(doc.description), Origin.FOUND)
    keywords = [
        k.strip()
        for k in ",".join((doc.tags or []) + (doc.categories or [])).split(",")
        if k.strip()
    ]
    meta.set("keywords", list(dict.fromkeys(normalize_inline(k) for k in keywords)), Origin.FOUND)
    lang = (tree.get("lang") or "").split("-")[0].lower()
    if re.fullmatch(r"[a-z]{2,3}", lang):
        meta.set("language", lang, Origin.FOUND)
    canonical = found["canonical"]
    if canonical:
        meta.set("canonical_url", canonical[0].strip(), Origin.FOUND)
    meta.set("url", url or doc.url or (canonical[0].strip() if canonical else ""), Origin.FOUND)
    modified = _json_ld_value(linked_data, "dateModified") or next(iter(found["modified"]), "")
    if modified and modified[:10] != meta.published:
        meta.set("updated", modified[:10], Origin.FOUND)


def _head_elements(tree: Any) -> dict[str, list[str]]:
    """The page's author meta tags, modification time, canonical link and JSON-LD texts,
    gathered in one walk over the tree (an XPath of three "//" steps walked it thrice)."""
    found: dict[str, list[str]] = {"author": [], "modified": [], "canonical": [], "ld": []}
    for element in tree.iter("meta", "link", "script"):
        if element.tag == "script":
            if element.get("type") == "application/ld+json":
                found["ld"].append(element.text or "")
        elif element.tag == "link":
            if element.get("rel") == "canonical":
                found["canonical"].append((element.get("href") or "").strip())
        elif element.get("name") == "author":
            found["author"].append(element.get("content") or "")
        elif "article:modified_time" in (element.get("property"), element.get("name")):
            found["modified"].append((element.get("content") or "").strip())
    found["canonical"] = [href for href in found["canonical"] if href]
    return found


def _json_ld_authors(linked_data: list[Any]) -> dict[str, str]:
    """Authors named in the page's JSON-LD, in order, each with its kind when the data says
    ("organisation" for any *Organization type, "person" for Person, else "")."""
    names: dict[str, str] = {}
    for data in linked_data:
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                author = item.get("author")
                for person in author if isinstance(author, list) else [author]:
                    if isinstance(person, dict) and isinstance(person.get("name"), str):
                        names.setdefault(person["name"], _kind(person.get("@type")))
                    elif isinstance(person, str):
                        names.setdefault(person, "")
                stack.extend(v for k, v in item.items() if k != "author")
            elif isinstance(item, list):
                stack.extend(item)
    return names


def _kind(schema_type: Any) -> str:
    types = schema_type if isinstance(schema_type, list) else [schema_type]
    if any(isinstance(t, str) and t.endswith("Organization") for t in types):
        return ORGANISATION
    return PERSON if "Person" in types else ""


def _json_ld(scripts: list[str]) -> Iterator[Any]:
    for script in scripts:
        try:
            yield json.loads(script)
        except ValueError:
            continue


def _json_ld_value(linked_data: list[Any], key: str) -> str:
    for data in linked_data:
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(item.get(key), str):
                    return str(item[key]).strip()
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return ""
