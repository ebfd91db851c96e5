"""The project: one SQLite file (`.brief`) holding sources, sections and briefs.

Every public operation is one transaction, so a crash or an error leaves the file as it was
before the operation. A project opened for writing is locked against other writers.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from brief.briefs import BriefStore
from brief.errors import (
    NotFoundError,
    ProjectError,
    ReadOnlyProjectError,
)
from brief.ingest.article import Article
from brief.model import (
    Origin,
    Section,
    Source,
    SourceMeta,
)
from brief.projectfile import (
    acquire_lock,
    check_header,
    check_identity,
    check_regular,
    lock_handle,
    migrate,
    quick_check,
    release_lock,
    storage_error,
    tidy_after_reader,
)
from brief.rows import (
    SECTION_COLUMNS,
    article_hash,
    inferred_fields,
    insert_article,
    meta_from_json,
    meta_to_json,
    restore_source,
    section_from_row,
)
from brief.schema import APPLICATION_ID, SCHEMA_VERSION
from brief.story.corroborate import Corroborator, Support
from brief.story.dated import Day, StoredEvent, days, events_between, redate_sources, refresh_events
from brief.story.families import Family, families, original_section
from brief.story.index import forget_sources
from brief.story.index import refresh as refresh_index
from brief.story.said import (
    Speaker,
    StoredQuote,
    quote,
    quote_at,
    quotes_by,
    refresh_quotes,
    speakers,
)

log = logging.getLogger(__name__)
SUFFIX = ".brief"
_HIT_START, _HIT_END = "\x02", "\x03"  # snippet markers; normalised text never holds them
RANK_LIMIT = 5000  # matches beyond which search lists hits unranked (see Project.search)


@dataclass
class SourceRow:
    """One line of the library's table of sources."""

    id: int
    title: str
    publisher: str
    published: str
    sections: int
    inferred: frozenset[str]  # metadata fields guessed by a rule, not found in the page


@dataclass
class SearchHit:
    """A section that matched a search, with a snippet as (text, is_match) runs."""

    section: Section
    snippet: list[tuple[str, bool]]
    rank: float | None  # None: too many matches to rank


class Project(BriefStore):
    """An open project file. Use `Project.open` or `Project.create`, and `close` (or `with`)."""

    def __init__(
        self, path: Path, db: sqlite3.Connection, lock: IO[bytes] | None, *, readonly: bool = False
    ) -> None:
        self.path = path
        self.readonly = readonly
        self._db = db
        self._lock = lock

    # -- opening and closing ---------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path) -> Project:
        """Make a new, empty project; refuses to overwrite an existing file."""
        path = Path(path)
        try:
            # Made and locked at once: a second process racing to create the same project
            # finds it locked ("already open"), never a half-made file it calls foreign.
            handle = open(path, "xb")  # noqa: SIM115 - kept open as the lock
        except FileExistsError as exc:
            raise ProjectError(f"{path}: a file of that name already exists.") from exc
        except OSError as exc:
            raise ProjectError(f"{path}: the project cannot be created ({exc.strerror}).") from exc
        # Another process may lock the new file between its making and this lock (it found
        # the file there and opened it): it is that process's project then, and is left to it.
        lock = lock_handle(path, handle)
        try:
            return cls._open(path, new=True, lock=lock)
        except BaseException:
            with suppress(OSError):
                path.unlink()
            raise

    @classmethod
    def open(
        cls, path: str | Path, *, create: bool = False, readonly: bool = False, check: bool = False
    ) -> Project:
        """Open a project for writing (creating it when asked and missing), or for reading:
        a reader takes no lock, so scripts can read a project that a window has open.
        `check` runs SQLite's quick check first (always done after a crash)."""
        path = Path(path)
        if not path.exists() and create and not readonly:
            try:
                return cls.create(path)
            except ProjectError:
                if not path.exists():
                    raise
                    # Another process made it first: open it like any project (its lock
                    # says "already open" while that process is writing).
        if not path.exists():
            raise ProjectError(f"{path}: there is no such project file.")
        if readonly:
            return cls._open_readonly(path)
        return cls._open(path, new=False, create=create, check=check)

    @classmethod
    def _open_readonly(cls, path: Path) -> Project:
        check_header(path)
        # In a folder Briefsmith cannot write to (a read-only mount, a shared drive), SQLite
        # could not make the files a reader of a WAL database needs: read it as immutable.
        immutable = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
        try:
            db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro{immutable}",
                uri=True,
                isolation_level=None,
                check_same_thread=True,
            )
            check_identity(path, db)
            if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                db.close()
                raise ProjectError(
                    f"{path}: this project is from an older Briefsmith; open it "
                    "for writing once to upgrade it."
                )
        except sqlite3.Error as exc:
            raise ProjectError(f"{path}: the project cannot be read ({exc}).") from exc
        return cls(path, db, None, readonly=True)

    @classmethod
    def _open(
        cls,
        path: Path,
        *,
        new: bool,
        create: bool = False,
        lock: IO[bytes] | None = None,
        check: bool = False,
    ) -> Project:
        # The lock first: a project being made or written by another process is "already
        # open" there, whatever its first bytes are at this moment.
        if lock is None:
            check_regular(path)
            lock = acquire_lock(path)
        # A log left beside the file by a writer that did not close (a crash, a kill): the
        # file is checked before it is used.
        unclean = Path(f"{path}-wal").exists() and Path(f"{path}-wal").stat().st_size > 0
        try:
            if not new and path.stat().st_size == 0 and create:
                new = True  # made by a process that died before writing: ours to make
            if not new:
                check_header(path)
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise ReadOnlyProjectError(
                    f"{path}: the project is in a place Briefsmith cannot write to; it can be "
                    "opened for reading only (exports work, edits do not)."
                )
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=True)
        except sqlite3.Error as exc:
            release_lock(lock)
            raise ProjectError(f"{path}: the project cannot be opened ({exc}).") from exc
        except BaseException:
            release_lock(lock)
            raise
        try:
            db.execute("PRAGMA foreign_keys = ON")
            if new:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            else:
                check_identity(path, db)  # before anything is written to the file
            # WAL: a commit costs no fsync of its own (about 0.8 ms per article stored instead
            # of 2.9), readers are not blocked by the writer, and a crash or power cut can lose
            # at most the last commits, never corrupt the file. On close SQLite folds the log
            # back in, so at rest the project is still one file.
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            if unclean or (check and not new):
                quick_check(path, db)
            migrate(path, db)
            refresh_index(db)
            refresh_quotes(db)
            refresh_events(db)
        except sqlite3.Error as exc:
            db.close()
            release_lock(lock)
            raise storage_error(path, exc) or ProjectError(
                f"{path}: the project cannot be opened ({exc})."
            ) from exc
        except BaseException:
            db.close()
            release_lock(lock)
            raise
        return cls(path, db, lock)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None  # type: ignore[assignment]
        release_lock(self._lock)
        self._lock = None
        if self.readonly:
            tidy_after_reader(self.path)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One domain operation: all of it is written, or none of it."""
        if self.readonly:
            raise ProjectError(f"{self.path}: the project is open for reading only.")
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    with suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            mapped = storage_error(self.path, exc)
            if mapped is None:
                raise
            log.error("%s", mapped)
            raise mapped from exc

    # -- sources ----------------------------------------------------------------------------
    def add_article(self, article: Article) -> Source:
        """Store an imported article and its sections; returns the stored source."""
        return self.add_articles([article])[0]

    def add_articles(self, articles: Sequence[Article]) -> list[Source]:
        """Store articles in one transaction: all of them are stored, or none."""
        with self._tx() as db:
            return [insert_article(db, article) for article in articles]

    def find_by_hash(self, file_hash: str) -> Source | None:
        """The source imported from a file with these bytes, if any (to skip duplicates)."""
        row = self._db.execute(
            "SELECT id FROM sources WHERE file_hash = ? AND file_hash != ''", (file_hash,)
        ).fetchone()
        return self.source(row[0]) if row else None

    def find_duplicate(self, article: Article) -> Source | None:
        """The stored source this article repeats: a file with the same bytes, or the same
        cleaned text (a paste of a page already imported from a file, say)."""
        found = self.find_by_hash(article.file_hash) if article.file_hash else None
        key = article_hash(article)
        if found is None and key:
            row = self._db.execute(
                "SELECT id FROM sources WHERE text_hash = ? ORDER BY id LIMIT 1", (key,)
            ).fetchone()
            found = self.source(row[0]) if row else None
        return found

    def source(self, source_id: int) -> Source:
        row = self._db.execute(
            "SELECT id, meta, text, file_name, file_hash, junk_lines, added, text_hash"
            " FROM sources WHERE id = ?",
            (source_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no source {source_id} in this project.")
        return Source(
            id=row[0],
            meta=meta_from_json(row[1]),
            text=row[2],
            file_name=row[3],
            file_hash=row[4],
            junk_lines=row[5],
            added=row[6],
            text_hash=row[7],
            sections=self.sections(source_id),
        )

    def sources(self) -> list[Source]:
        """Every source, sections included, in the order they were added."""
        ids = [r[0] for r in self._db.execute("SELECT id FROM sources ORDER BY id")]
        return [self.source(i) for i in ids]

    def source_rows(self) -> list[SourceRow]:
        """What the library's table shows of every source, in one query (no sections loaded),
        so that a project of many thousand sources lists at once."""
        rows = self._db.execute(
            "SELECT s.id, s.title, s.publisher, s.published, s.meta,"
            " (SELECT count(*) FROM sections c WHERE c.source_id = s.id) FROM sources s"
            " ORDER BY s.id"
        )
        return [
            SourceRow(
                id=r[0],
                title=r[1],
                publisher=r[2],
                published=r[3],
                sections=r[5],
                inferred=inferred_fields(r[4]),
            )
            for r in rows
        ]

    def restore_source(self, source: Source) -> Source:
        """Store a source again with its own ids (redo of an import that was undone)."""
        return self.restore_sources([source])[0]

    def restore_sources(self, sources: Sequence[Source]) -> list[Source]:
        """Store sources again with their own ids and sections, in one transaction."""
        with self._tx() as db:
            for source in sources:
                restore_source(db, source)
        return [self.source(s.id or 0) for s in sources]

    def source_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM sources").fetchone()[0])

    def update_meta(self, source_id: int, **values: Any) -> Source:
        """Change metadata fields as the user typed them: they lose any 'inferred' flag."""
        source = self.source(source_id)
        for name, value in values.items():
            source.meta.set(name, value, Origin.USER)
        return self.set_meta(source_id, source.meta)

    def set_meta(self, source_id: int, meta: SourceMeta) -> Source:
        """Store a source's whole metadata, origins included (undo of an edit)."""
        source = self.source(source_id)
        self.set_metas({source_id: meta})
        source.meta = meta
        return source

    def update_metas(self, values: dict[int, dict[str, Any]]) -> dict[int, SourceMeta]:
        """Change fields of several sources in one transaction (metadata confirmed from a
        reference manager): all are written or none. Returns the metadata before."""
        before = {source_id: self.meta(source_id) for source_id in values}
        after = {source_id: self.meta(source_id) for source_id in values}
        for source_id, fields in values.items():
            for name, value in fields.items():
                after[source_id].set(name, value, Origin.USER)
        self.set_metas(after)
        return before

    def set_metas(self, metas: dict[int, SourceMeta]) -> None:
        """Store several sources' whole metadata in one transaction (undo of update_metas)."""
        with self._tx() as db:
            redated = []
            for source_id, meta in metas.items():
                row = db.execute("SELECT published FROM sources WHERE id = ?", (source_id,))
                before = row.fetchone()
                db.execute(
                    "UPDATE sources SET meta = ?, title = ?, publisher = ?, published = ?"
                    " WHERE id = ?",
                    (meta_to_json(meta), meta.title, meta.publisher, meta.published, source_id),
                )
                if before is not None and before[0] != meta.published:
                    redated.append(source_id)
            redate_sources(db, redated)  # "on Tuesday" counts from the new date

    def meta(self, source_id: int) -> SourceMeta:
        """A source's metadata alone (its sections are not read)."""
        row = self._db.execute("SELECT meta FROM sources WHERE id = ?", (source_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"There is no source {source_id} in this project.")
        return meta_from_json(row[0])

    def remove_source(self, source_id: int) -> None:
        """Delete a source and its sections; refused while a brief quotes one of them."""
        self.remove_sources([source_id])

    def remove_sources(self, source_ids: Sequence[int]) -> None:
        """Delete sources and their sections in one transaction (undo of an import);
        refused, and nothing deleted, while a brief quotes one of them."""
        with self._tx() as db:
            for source_id in source_ids:
                used = db.execute(
                    "SELECT count(*) FROM brief_items i JOIN sections s ON s.id = i.section_id"
                    " WHERE s.source_id = ?",
                    (source_id,),
                ).fetchone()[0]
                if used:
                    raise ProjectError(
                        f"Source {source_id} is quoted {used} time(s) in a brief; "
                        "remove those excerpts first."
                    )
                forget_sources(db, [source_id])
                if db.execute("DELETE FROM sources WHERE id = ?", (source_id,)).rowcount == 0:
                    raise NotFoundError(f"There is no source {source_id} in this project.")

    # -- story families -----------------------------------------------------------------------
    def families(self) -> dict[int, Family]:
        """Each source that shares paragraphs with others, mapped to its story family."""
        return families(self._db)

    def original_section(
        self, section_id: int, known: dict[int, Family] | None = None
    ) -> int | None:
        """Where a copy's paragraph stands in its story's original, if that is known."""
        return original_section(self._db, section_id, known)

    # -- corroboration ------------------------------------------------------------------------
    def corroborator(self, known: dict[int, Family] | None = None) -> Corroborator:
        """What finds other sources stating an excerpt's facts; keep it while the sources stay
        as they are (it remembers word frequencies). `known`: the families, if at hand."""
        return Corroborator(self._db, self.families() if known is None else known)

    def support(self, section_id: int, known: dict[int, Family] | None = None) -> Support:
        """The other sources that state what this section states (one-off; see corroborator)."""
        return self.corroborator(known).support(section_id)

    def reject_match(self, section_id: int, other_id: int) -> None:
        """The user says these two sections do not state the same fact."""
        with self._tx() as db:
            db.execute(
                "INSERT OR IGNORE INTO rejected_matches (a, b) VALUES (?, ?)",
                sorted((section_id, other_id)),
            )

    def accept_match(self, section_id: int, other_id: int) -> None:
        """Take back a rejection (its undo)."""
        with self._tx() as db:
            db.execute(
                "DELETE FROM rejected_matches WHERE a = ? AND b = ?", sorted((section_id, other_id))
            )

    # -- who said what ------------------------------------------------------------------------
    def speakers(self) -> list[Speaker]:
        """Everyone the project's sources quote, the most quoted first."""
        return speakers(self._db)

    def quotes_by(self, key: str) -> list[StoredQuote]:
        """One speaker's quotes (by Speaker.key), source by source in reading order."""
        return quotes_by(self._db, key)

    def quote_at(self, section_id: int, span: tuple[int, int]) -> StoredQuote | None:
        """The quote an excerpt of part of a section quotes, if the rules found one there."""
        return quote_at(self._db, section_id, *span)

    def quote(self, quote_id: int) -> StoredQuote:
        found = quote(self._db, quote_id)
        if found is None:
            raise NotFoundError(f"There is no quote {quote_id} in this project.")
        return found

    # -- when --------------------------------------------------------------------------------
    def days(self) -> list[Day]:
        """Every day the sources speak of, in order."""
        return days(self._db)

    def events_between(self, first: str = "", last: str = "") -> list[StoredEvent]:
        """The events of these days (YYYY-MM-DD, either end open), by day."""
        return events_between(self._db, first, last)

    # -- sections ---------------------------------------------------------------------------

    def sections(self, source_id: int | None = None) -> list[Section]:
        """Sections of one source, or of all sources, in reading order."""
        sql = f"SELECT {SECTION_COLUMNS} FROM sections"
        if source_id is None:
            rows = self._db.execute(sql + " ORDER BY source_id, position")
        else:
            rows = self._db.execute(sql + " WHERE source_id = ? ORDER BY position", (source_id,))
        return [section_from_row(r) for r in rows]

    def section(self, section_id: int) -> Section:
        row = self._db.execute(
            f"SELECT {SECTION_COLUMNS} FROM sections WHERE id = ?",
            (section_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no section {section_id} in this project.")
        return section_from_row(row)

    def search(
        self, words: str, *, limit: int = 100, source_id: int | None = None
    ) -> list[SearchHit]:
        """Sections of all sources matching every word (the last as a prefix), best first.

        Ranking scores every match; when a word matches more than RANK_LIMIT sections (the
        first letter typed, say) the hits come in the project's order instead, unranked
        (their `rank` is None), so that search as you type never stalls.
        """
        query = fts_query(words)
        if not query:
            return []
        match = (
            " FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid"
            " WHERE sections_fts MATCH ?"
        )
        params: list[Any] = [query]
        if source_id is not None:
            match += " AND s.source_id = ?"
            params.append(source_id)
        many = (
            self._db.execute(
                f"SELECT count(*) FROM (SELECT 1 {match} LIMIT {RANK_LIMIT + 1})", params
            ).fetchone()[0]
            > RANK_LIMIT
        )
        order = " ORDER BY sections_fts.rowid" if many else " ORDER BY rank"
        sql = (
            'SELECT s.id, s.source_id, s.position, s.kind, s.text, s.start, s."end", s.page,'
            f" snippet(sections_fts, 0, '{_HIT_START}', '{_HIT_END}', '…', 16),"
            f" {'NULL' if many else 'bm25(sections_fts)'} AS rank{match}{order} LIMIT ?"
        )
        return [
            SearchHit(section_from_row(r[:8]), _snippet_runs(r[8]), r[9])
            for r in self._db.execute(sql, [*params, limit])
        ]


def fts_query(words: str) -> str:
    """User words to an FTS5 query: every word must match, the last one as a prefix."""
    tokens = re.findall(r"\w+", words)
    if not tokens:
        return ""
    quoted = ['"' + t.replace('"', "") + '"' for t in tokens]
    if words and not words[-1].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


def _snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    runs: list[tuple[str, bool]] = []
    for part in re.split(f"({_HIT_START}[^{_HIT_END}]*{_HIT_END})", snippet):
        if part.startswith(_HIT_START):
            runs.append((part[1:-1], True))
        elif part:
            runs.append((part, False))
    return runs


def default_projects_dir() -> Path:
    """Where projects live unless the user says otherwise (the platform's data folder)."""
    from platformdirs import user_data_dir

    return Path(os.environ.get("BRIEFSMITH_DATA") or user_data_dir("Briefsmith", "Briefsmith"))
