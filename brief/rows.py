"""Sources and sections as the project file's rows, and back: what `Project` writes and
reads, kept apart from the operations that decide when."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from brief.ingest.article import Article
from brief.model import META_FIELDS, Origin, Section, SectionKind, Source, SourceMeta
from brief.schema import text_hash
from brief.story.dated import store_events
from brief.story.index import index_sections
from brief.story.said import store_quotes

#: The columns `section_from_row` reads, in its order.
SECTION_COLUMNS = 'id, source_id, position, kind, text, start, "end", page'


def now() -> str:
    """The time stored with what is made (sources, briefs), to the second, in UTC."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def inferred_fields(meta_json: str) -> frozenset[str]:
    origins = json.loads(meta_json).get("origins", {})
    return frozenset(k for k, v in origins.items() if v == Origin.INFERRED.value)


def article_hash(article: Article) -> str:
    """The fingerprint of an article's cleaned body (see `brief.schema.text_hash`)."""
    return text_hash(article.body())


def insert_article(db: sqlite3.Connection, article: Article) -> Source:
    meta = article.meta
    added = now()
    cur = db.execute(
        "INSERT INTO sources (meta, title, publisher, published, text, file_name,"
        " file_hash, junk_lines, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            meta_to_json(meta),
            meta.title,
            meta.publisher,
            meta.published,
            article.text,
            article.file_name,
            article.file_hash,
            article.junk_lines,
            added,
        ),
    )
    source_id = int(cur.lastrowid or 0)
    sections = []
    for position, s in enumerate(article.sections):
        cur = db.execute(
            'INSERT INTO sections (source_id, position, kind, text, start, "end", page)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (source_id, position, s.kind.value, s.text, s.start, s.end, s.page),
        )
        sections.append(
            Section(
                kind=s.kind,
                text=s.text,
                start=s.start,
                end=s.end,
                id=int(cur.lastrowid or 0),
                source_id=source_id,
                position=position,
                page=s.page,
            )
        )
    key = article_hash(article)
    db.execute("UPDATE sources SET text_hash = ? WHERE id = ?", (key, source_id))
    index_sections(db, source_id, sections)
    store_quotes(db, source_id, sections)
    store_events(db, source_id, sections, meta.published)
    return Source(
        id=source_id,
        meta=meta_from_json(meta_to_json(meta)),
        text=article.text,
        sections=sections,
        file_name=article.file_name,
        file_hash=article.file_hash,
        text_hash=key,
        junk_lines=article.junk_lines,
        added=added,
    )


def restore_source(db: sqlite3.Connection, source: Source) -> None:
    meta = source.meta
    db.execute(
        "INSERT INTO sources (id, meta, title, publisher, published, text, file_name,"
        " file_hash, text_hash, junk_lines, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            source.id,
            meta_to_json(meta),
            meta.title,
            meta.publisher,
            meta.published,
            source.text,
            source.file_name,
            source.file_hash,
            source.text_hash,
            source.junk_lines,
            source.added or now(),
        ),
    )
    db.executemany(
        'INSERT INTO sections (id, source_id, position, kind, text, start, "end", page)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (s.id, source.id, s.position, s.kind.value, s.text, s.start, s.end, s.page)
            for s in source.sections
        ],
    )
    index_sections(db, int(source.id or 0), source.sections)
    store_quotes(db, int(source.id or 0), source.sections)
    store_events(db, int(source.id or 0), source.sections, source.meta.published)


def section_from_row(row: tuple[Any, ...]) -> Section:
    return Section(
        id=row[0],
        source_id=row[1],
        position=row[2],
        kind=SectionKind(row[3]),
        text=row[4],
        start=row[5],
        end=row[6],
        page=row[7],
    )


def meta_to_json(meta: SourceMeta) -> str:
    data: dict[str, Any] = {name: getattr(meta, name) for name in META_FIELDS}
    data["is_excerpt"] = meta.is_excerpt
    data["origins"] = {k: v.value for k, v in meta.origins.items()}
    return json.dumps(data, ensure_ascii=False)


def meta_from_json(text: str) -> SourceMeta:
    data = json.loads(text)
    meta = SourceMeta()
    for name in META_FIELDS:
        if name in data:
            setattr(meta, name, data[name])
    meta.is_excerpt = bool(data.get("is_excerpt", False))
    meta.origins = {k: Origin(v) for k, v in data.get("origins", {}).items()}
    return meta
