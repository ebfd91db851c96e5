"""A brief from the project, with export options, becomes the format-neutral Document."""

from __future__ import annotations

from collections import Counter

from brief.citations import Cited, Pinpoint, format_citations, load_style
from brief.document import (
    AlsoReported,
    Block,
    Document,
    Excerpt,
    ExportOptions,
    Heading,
    Note,
    Paragraph,
    Run,
)
from brief.errors import BriefsmithError, NotFoundError
from brief.model import ItemKind, OutlineItem, SectionKind, Source
from brief.project import Project

#: Independent outlets named under one excerpt; more are counted ("and 3 others").
ALSO_LISTED = 5

#: What a reader counts as paragraphs when a citation says "para. N": the body's running
#: text and its block quotes (list items are paragraphs of their own on the page), never its
#: headings or the captions beside it.
COUNTED = frozenset({SectionKind.PARAGRAPH, SectionKind.QUOTE, SectionKind.LIST_ITEM})


def paragraph_number(source: Source, section_id: int) -> int | None:
    """The pinpoint a reader can count to: the section's place among the source's
    paragraphs; None for a heading or caption, which a pinpoint cannot name."""
    number = 0
    for section in source.sections:
        if section.kind in COUNTED:
            number += 1
        if section.id == section_id:
            return number if section.kind in COUNTED else None
    raise KeyError(section_id)


def pinpoint(source: Source, section_id: int) -> Pinpoint | None:
    """What a citation of the section points at: its page when the source has pages (a
    PDF), else its paragraph number; None where neither can be named."""
    for section in source.sections:
        if section.id == section_id and section.page is not None:
            return Pinpoint(section.page, page=True)
    number = paragraph_number(source, section_id)
    return Pinpoint(number) if number is not None else None


def excerpt_text(text: str, span: tuple[int, int] | None) -> str:
    """What an excerpt quotes of its section: all of it, or a quote's words."""
    if span is None:
        return text
    return text[span[0] : span[1]].strip() or text


class MissingExcerptError(BriefsmithError):
    """An excerpt of the brief quotes a section that is no longer in the project."""


def missing_excerpts(project: Project, brief_id: int) -> list[OutlineItem]:
    """The brief's excerpts whose section is gone (a damaged or hand-edited project)."""
    gone = []
    for item in project.brief(brief_id).items:
        if item.kind is ItemKind.EXCERPT:
            try:
                project.section(item.section_id or 0)
            except NotFoundError:
                gone.append(item)
    return gone


def _missing_message(title: str, item: OutlineItem) -> str:
    return (
        f"“{title}”: item {item.position + 1} of the outline quotes a section (id "
        f"{item.section_id}) that is no longer in the project. "
        "Remove the item, or export the rest with a marker where it was."
    )


def _gap_marker(item: OutlineItem) -> str:
    return (
        f"[Excerpt missing: item {item.position + 1} of the outline quoted a section "
        f"(id {item.section_id}) that is no longer in the project.]"
    )


def build_document(project: Project, brief_id: int, options: ExportOptions) -> Document:
    """Everything the exporters need, citations formatted in the chosen style."""
    brief = project.brief(brief_id)
    style = load_style(options.style)
    sources: dict[int, Source] = {}
    blocks: list[Block] = []
    cited: list[Cited] = []
    cites: list[Excerpt | AlsoReported] = []  # what each citation in `cited` belongs to
    corroborator = project.corroborator() if options.also_reported else None

    def source_of(source_id: int) -> Source:
        if source_id not in sources:
            sources[source_id] = project.source(source_id)
        return sources[source_id]

    for item in brief.items:
        if item.kind is ItemKind.HEADING:
            blocks.append(Heading(item.level, [Run(item.text)], anchor=f"h{item.id}"))
        elif item.kind is ItemKind.NOTE:
            # An author's note in the text is not a note: "Ibid." still refers to the
            # citation before it, as citeproc has it.
            blocks.append(Paragraph([Run(item.text)]))
        else:
            assert item.section_id is not None
            try:
                section = project.section(item.section_id)
            except NotFoundError:
                if options.missing != "mark":
                    raise MissingExcerptError(_missing_message(brief.title, item)) from None
                blocks.append(Paragraph([Run(_gap_marker(item))]))
                continue
            assert section.source_id is not None
            source = source_of(section.source_id)
            excerpt = Excerpt(
                [Run(excerpt_text(section.text, item.span))],
                language=source.meta.language,
                source_title=source.meta.title,
            )
            blocks.append(excerpt)
            cites.append(excerpt)
            cited.append(Cited(source, pinpoint(source, section.id or 0)))
            if corroborator is not None:
                independent = corroborator.support(section.id or 0).independent_matches()
                for match in independent[:ALSO_LISTED]:
                    other = source_of(match.source_id)
                    also = AlsoReported(other.meta.publisher or other.meta.title)
                    excerpt.also.append(also)
                    cites.append(also)
                    cited.append(Cited(other, pinpoint(other, match.section_id)))
                excerpt.also_more = max(0, len(independent) - ALSO_LISTED)
    formatted = format_citations(style, cited) if cited else None
    notes: list[Note] = []
    if formatted is not None:
        for target, runs in zip(cites, formatted.citations, strict=True):
            if style.is_note:
                target.note = Note(len(notes) + 1, runs)
                notes.append(target.note)
            else:
                target.citation = runs
    languages = Counter(s.meta.language for s in sources.values() if s.meta.language)
    keywords = Counter(k for s in sources.values() for k in s.meta.keywords)
    return Document(
        title=options.title if options.title is not None else brief.title,
        subtitle=options.subtitle if options.subtitle is not None else brief.subtitle,
        author=options.author if options.author is not None else brief.author,
        date=options.date if options.date is not None else brief.date,
        subject=brief.subtitle or brief.title,
        keywords=[k for k, _ in keywords.most_common(12)],
        language=languages.most_common(1)[0][0] if languages else "en",
        blocks=blocks,
        notes=notes,
        bibliography=formatted.bibliography if formatted else [],
        bibliography_title=style.bibliography_title,
        notes_mode=options.notes,
        contents=options.contents,
        paper=options.paper,
        style_name=style.title,
        typeface=options.typeface,
        size=options.size,
    )
