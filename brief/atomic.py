"""Writing a file so that a failure never leaves half of it, nor destroys the old one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from brief.errors import BriefsmithError


def write_atomically(path: str | Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call `write` on a temporary file beside `path`, then rename it into place.

    Until the rename, the previous file at `path` (if any) is untouched; if `write` fails or
    the process dies, only a hidden temporary file can remain, never a half-written target.
    The file gets the permissions a new file would (the umask's), or the old file's: the
    temporary file's own 0600 would hide the export from everyone else.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    remove_leftovers(path)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed before the rename
        dir=folder, prefix=f".{path.name}.", suffix=".part", delete=False
    )
    try:
        _lock(handle.fileno())  # held while writing: a leftover nobody holds is dead
        os.chmod(handle.fileno(), _mode_for(path))
        with handle:
            write(handle)  # type: ignore[arg-type]
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
    return path


def write_text_atomically(path: str | Path, text: str) -> Path:
    """`write_atomically` for a text file, in UTF-8; a failure names the file."""
    data = text.encode("utf-8")

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    try:
        return write_atomically(path, write)
    except OSError as exc:
        raise BriefsmithError(
            f"{path}: the file cannot be written ({exc.strerror or exc})."
        ) from exc


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and put back at once
    os.umask(mask)
    return mask


def remove_leftovers(path: Path) -> list[Path]:
    """Delete the temporary files that killed exports to `path` left behind: those whose
    writer no longer holds their lock (an export still running holds it)."""
    folder = path.parent if str(path.parent) else Path(".")
    removed = []
    for part in folder.glob(f".{glob_escape(path.name)}.*.part"):
        try:
            with part.open("rb") as handle:
                if not _lock(handle.fileno(), wait=False):
                    continue
            part.unlink()
            removed.append(part)
        except OSError:
            continue
    return removed


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _lock(fd: int, *, wait: bool = True) -> bool:
    """An exclusive advisory lock (released when the file closes or the process dies)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no leftovers are cleaned, none are at risk
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True
