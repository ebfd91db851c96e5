"""The result of an import: metadata plus the body split into sections with spans."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from brief.authors import classify_authors
from brief.model import BODY_KINDS, Section, SectionKind, SourceMeta


@dataclass
class Article:
    """An imported article, not yet stored; `Project.add_article` stores it."""

    meta: SourceMeta
    sections: list[Section]
    text: str
    file_name: str = ""
    file_hash: str = ""
    junk_lines: int = 0
    #: What the cleaner removed, in order, so a user (or a test) can see what went.
    removed: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def authors(self) -> list[str]:
        return self.meta.authors

    @property
    def publisher(self) -> str:
        return self.meta.publisher

    @property
    def published(self) -> str:
        return self.meta.published

    @property
    def dateline(self) -> str:
        return self.meta.dateline

    @property
    def language(self) -> str:
        return self.meta.language

    @property
    def is_excerpt(self) -> bool:
        return self.meta.is_excerpt

    def body(self) -> list[str]:
        """The body's blocks (headings, paragraphs, quotes, list items), captions left out."""
        return [s.text for s in self.sections if s.kind in BODY_KINDS]

    def body_text(self) -> str:
        return "\n\n".join(self.body())


def build_article(
    meta: SourceMeta, blocks: Iterable[tuple[SectionKind, str]], **extra: object
) -> Article:
    """Join blocks into the cleaned text, giving each section its span in that text."""
    sections: list[Section] = []
    parts: list[str] = []
    offset = 0
    for kind, text in blocks:
        text = text.strip()
        if not text:
            continue
        if parts:
            offset += 2  # the blank line between blocks
        sections.append(
            Section(
                kind=kind, text=text, start=offset, end=offset + len(text), position=len(sections)
            )
        )
        parts.append(text)
        offset += len(text)
    classify_authors(meta)
    return Article(meta=meta, sections=sections, text="\n\n".join(parts), **extra)  # type: ignore[arg-type]
