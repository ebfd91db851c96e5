"""The project file on disk: is it a Briefsmith project of a known version, may it be
written, who holds it, what its failures mean to a user, and upgrading it.

`brief.project.Project` opens the file through these checks; nothing here changes a file
before it is known to be a project of a known version.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import IO

from brief.errors import (
    DamagedProjectError,
    DiskFullError,
    NewerProjectError,
    NotAProjectError,
    ProjectError,
    ProjectLockedError,
)
from brief.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, apply_migration

log = logging.getLogger(__name__)

# -- the file's identity, version and lock ---------------------------------------------------
_SQLITE_MAGIC = b"SQLite format 3\x00"


def check_header(path: Path) -> None:
    """Refuse anything that is not an SQLite file before SQLite touches it (a pipe or a
    device named like a project is refused before it is opened: reading it never ends)."""
    check_regular(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise ProjectError(f"{path}: the project cannot be read ({exc.strerror}).") from exc
    if not header.startswith(_SQLITE_MAGIC):
        raise NotAProjectError(f"{path}: this is not a Briefsmith project.")


def storage_error(path: Path, exc: sqlite3.Error) -> ProjectError | None:
    """What a failure of the disk or of the file means for the user, or None when the error
    is the program's own (a broken constraint: a bug to see, not to explain)."""
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and ("full" in text or "i/o" in text):
        return DiskFullError(
            f"{path}: the disk refused to store more (no space left, or a write error: {exc}); "
            "nothing of this change was saved, and the project is as it was before it."
        )
    if type(exc) is sqlite3.DatabaseError and ("malformed" in text or "not a database" in text):
        return DamagedProjectError(
            f"{path}: the project file is damaged ({exc}). Briefsmith can try to recover its "
            f"sources and briefs into a new file: briefsmith-cli recover '{path}' NEW.brief"
        )
    return None


def quick_check(path: Path, db: sqlite3.Connection) -> None:
    problems = [r[0] for r in db.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        log.error("%s failed its check: %s", path, problems)
        raise DamagedProjectError(
            f"{path}: the project file is damaged ({problems[0]}). Briefsmith can try to "
            f"recover its sources and briefs into a new file: briefsmith-cli recover "
            f"'{path}' NEW.brief"
        )


def check_regular(path: Path) -> None:
    """A pipe or a device named like a project is refused before it is opened: reading it
    would never end."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise ProjectError(f"{path}: the project cannot be read ({exc.strerror}).") from exc
    if not stat.S_ISREG(mode):
        raise NotAProjectError(f"{path}: this is not a file but a folder, pipe or device.")


def check_identity(path: Path, db: sqlite3.Connection) -> None:
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise NotAProjectError(f"{path}: this is not a Briefsmith project ({exc}).") from exc
    if app_id != APPLICATION_ID:
        raise NotAProjectError(f"{path}: this is an SQLite database, but not a Briefsmith project.")
    if version >= 1:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = {"sources", "sections", "briefs", "brief_items"} - tables
        if missing and version <= SCHEMA_VERSION:
            raise NotAProjectError(
                f"{path}: this SQLite file says it is a Briefsmith project but has no "
                f"{', '.join(sorted(missing))} table; it is not opened."
            )
    if version > SCHEMA_VERSION:
        raise NewerProjectError(
            f"{path}: this project was saved by a newer Briefsmith (format "
            f"{version}; this version reads up to {SCHEMA_VERSION}). Update "
            "Briefsmith to open it."
        )


def migrate(path: Path, db: sqlite3.Connection) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    # Rebuilding a table needs foreign keys off, which SQLite only allows outside a
    # transaction; every step checks them itself before it commits.
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        for step in range(version, SCHEMA_VERSION):
            log.info("upgrading %s from format %d to %d", path, step, step + 1)
            migration = MIGRATIONS[step]
            try:
                db.execute("BEGIN IMMEDIATE")
                apply_migration(db, migration)
                broken = db.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise sqlite3.IntegrityError(f"{len(broken)} broken references")
                db.execute(f"PRAGMA user_version = {step + 1}")
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                log.error("upgrading %s failed: %s", path, exc)
                raise ProjectError(f"{path}: the project could not be upgraded ({exc}).") from exc
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def tidy_after_reader(path: Path) -> None:
    """A reader of a WAL project leaves an empty `-wal` and a `-shm` when no writer is there
    to fold them away; remove them, holding the writers' lock so none can start meanwhile."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        if not wal.exists() or wal.stat().st_size != 0:
            return
        lock = acquire_lock(path)
    except (OSError, ProjectError):
        return  # a writer has the project open: the files are its own
    try:
        for extra in (wal, shm):
            with suppress(OSError):
                extra.unlink()
    finally:
        release_lock(lock)


def lock_handle(path: Path, handle: IO[bytes]) -> IO[bytes] | None:
    """Lock an open handle of the project (exclusive, not waiting); it is closed and the
    project said to be open elsewhere when another process holds the lock."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no cross-process lock
        return handle
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise ProjectLockedError(
            f"{path}: the project is already open in another Briefsmith window "
            "or process; close it there first."
        ) from exc
    return handle


def acquire_lock(path: Path) -> IO[bytes] | None:
    """An exclusive advisory lock on the file itself, released when the process ends."""
    if os.name != "posix":  # no cross-process lock there
        return None
    try:
        # Non-blocking: a pipe put where the project was cannot hang the open.
        handle = os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb")
    except OSError as exc:
        raise ProjectError(f"{path}: the project cannot be opened ({exc.strerror}).") from exc
    return lock_handle(path, handle)


def release_lock(handle: IO[bytes] | None) -> None:
    if handle is not None:
        with suppress(OSError):
            handle.close()
