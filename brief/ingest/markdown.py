"""Markdown files: block structure (headings, quotes, lists, paragraphs) without a renderer."""

from __future__ import annotations

import re

from brief.ingest.article import Article, build_article
from brief.ingest.language import detect_language
from brief.ingest.normalize import normalize_inline, normalize_text
from brief.model import Origin, SectionKind, SourceMeta

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    return normalize_inline(_EMPHASIS.sub(r"\2", text))


def _yaml_scalar(value: str) -> str:
    """A front-matter value as YAML reads it: quotes off, escapes undone."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = value[1:-1]
        return re.sub(r'\\(["\\/])', r"\1", inner).replace("\\n", " ").replace("\\t", " ")
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def read_markdown(text: str, *, name: str | None = None) -> Article:
    """Import Markdown: the first level-one heading is the title, the rest are sections."""
    meta = SourceMeta()
    text = normalize_text(text)
    if text.startswith("---\n"):  # front matter: title/author/date lines
        end = text.find("\n---", 4)
        if end > 0:
            for line in text[4:end].splitlines():
                key, _, value = line.partition(":")
                value = _yaml_scalar(value.strip())
                if key.strip() in ("title", "date", "author", "url", "publisher") and value:
                    field = {"date": "published", "author": "authors"}.get(key.strip(), key.strip())
                    meta.set(field, [value] if field == "authors" else value, Origin.FOUND)
            text = text[end + 4 :]
    blocks: list[tuple[SectionKind, str]] = []
    buffer: list[str] = []
    kind = SectionKind.PARAGRAPH

    def flush() -> None:
        if buffer:
            blocks.append((kind, _inline(" ".join(buffer))))
            buffer.clear()

    for line in text.split("\n"):
        heading, item, quote = _HEADING.match(line), _LIST.match(line), _QUOTE.match(line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            title = _inline(heading.group(2))
            if len(heading.group(1)) == 1 and (not meta.title or meta.title == title):
                meta.set("title", title, Origin.FOUND)
            else:
                blocks.append((SectionKind.HEADING, title))
        elif item:
            flush()
            kind = SectionKind.LIST_ITEM
            buffer.append(item.group(1))
        elif quote:
            if kind is not SectionKind.QUOTE:
                flush()
            kind = SectionKind.QUOTE
            buffer.append(quote.group(1))
        else:
            if kind is SectionKind.QUOTE:
                flush()
            if not buffer:
                kind = SectionKind.PARAGRAPH
            buffer.append(line)
    flush()
    body = " ".join(text for _, text in blocks)
    meta.set("language", detect_language(body or meta.title), Origin.INFERRED)
    return build_article(meta, blocks, file_name=name or "")
