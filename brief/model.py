"""Plain-Python domain objects: sources, their sections, and briefs with their outlines.

They hold data only; the project store (brief.project) reads and writes them, and the window
and the exporters read them. Metadata fields record where each value came from, so the window
can flag guesses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Origin(StrEnum):
    """Where a metadata value came from."""

    FOUND = "found"  # in the page's own data (JSON-LD, meta tags, DOCX properties, headings)
    INFERRED = "inferred"  # guessed from the text by a rule
    USER = "user"  # typed by the user


class SectionKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    CAPTION = "caption"
    NOTE = "note"  # a footnote or endnote of the source (a PDF's), kept apart from its body


#: Kinds that belong to the article's body (captions and the source's own notes stand beside it).
BODY_KINDS = frozenset(
    {SectionKind.HEADING, SectionKind.PARAGRAPH, SectionKind.QUOTE, SectionKind.LIST_ITEM}
)

#: Metadata fields of a source whose origin is tracked, in the order the window shows them.
META_FIELDS = (
    "title",
    "standfirst",
    "authors",
    "publisher",
    "published",
    "updated",
    "dateline",
    "language",
    "url",
    "canonical_url",
    "accessed",
    "keywords",
    "original_title",
    "author_kinds",
)


@dataclass
class Section:
    """One block of a source's cleaned text; `start`/`end` index into `Source.text`.

    `page` is the page of a paginated source (a PDF) the block starts on, counted from 1 as
    a reader counts: citations of such a source give "p. N", not a paragraph number."""

    kind: SectionKind
    text: str
    start: int = 0
    end: int = 0
    id: int | None = None
    source_id: int | None = None
    position: int = 0
    page: int | None = None


@dataclass
class SourceMeta:
    """An article's metadata; empty values mean 'not known', never a guess."""

    title: str = ""
    standfirst: str = ""
    authors: list[str] = field(default_factory=list)
    publisher: str = ""
    published: str = ""  # ISO 8601 date or date-time
    updated: str = ""
    dateline: str = ""
    language: str = ""  # ISO 639-1 code
    url: str = ""
    canonical_url: str = ""
    accessed: str = ""
    keywords: list[str] = field(default_factory=list)
    original_title: str = ""  # title of the original when this is a reposted excerpt
    # Authors known to be an organisation ("organisation") or a person ("person"), by name:
    # from the page's data (JSON-LD @type) or the user. Unlisted names are judged by
    # `brief.authors.is_organisation`.
    author_kinds: dict[str, str] = field(default_factory=dict)
    is_excerpt: bool = False
    origins: dict[str, Origin] = field(default_factory=dict)

    def set(self, name: str, value: object, origin: Origin) -> None:
        """Set a field with its origin; an empty value clears both."""
        if name not in META_FIELDS:
            raise KeyError(name)
        setattr(self, name, value)
        if value:
            self.origins[name] = origin
        else:
            self.origins.pop(name, None)

    def set_if_empty(self, name: str, value: object, origin: Origin) -> None:
        """Fill a field only when nothing better is known yet."""
        if value and not getattr(self, name):
            self.set(name, value, origin)

    def origin(self, name: str) -> Origin | None:
        return self.origins.get(name)


@dataclass
class Source:
    """An imported article as stored in a project."""

    meta: SourceMeta
    text: str
    sections: list[Section]
    file_name: str = ""
    file_hash: str = ""
    junk_lines: int = 0
    added: str = ""
    id: int | None = None
    text_hash: str = ""  # fingerprint of the cleaned body, to recognise the same article

    @property
    def title(self) -> str:
        return self.meta.title


class ItemKind(StrEnum):
    HEADING = "heading"
    EXCERPT = "excerpt"
    NOTE = "note"


@dataclass
class OutlineItem:
    """One entry of a brief's outline: a heading, an excerpt of a section, or a note."""

    kind: ItemKind
    text: str = ""  # heading or note text; empty for excerpts
    level: int = 1  # heading level 1-3
    section_id: int | None = None  # for excerpts
    id: int | None = None
    position: int = 0
    # An excerpt of a quote: where its words start and end in the section's text (None:
    # the whole section).
    span: tuple[int, int] | None = None


@dataclass
class Brief:
    """A brief: its title block and an ordered outline."""

    title: str
    subtitle: str = ""
    author: str = ""
    date: str = ""
    items: list[OutlineItem] = field(default_factory=list)
    id: int | None = None
    created: str = ""
