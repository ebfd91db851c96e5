"""Opening a project from the window, with the way out each failure allows: a project in a
read-only place opens for reading; a damaged one can be recovered into a new file."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from brief.errors import BriefsmithError, DamagedProjectError, ReadOnlyProjectError
from brief.project import Project

log = logging.getLogger(__name__)
#: Projects up to this size are checked (SQLite's quick check) each time the window opens
#: them: a fraction of a second, and a damaged file is offered for recovery instead of
#: failing later in the middle of use. Larger ones are checked after a crash only.
CHECK_UP_TO = 64 * 1024 * 1024
Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


def recovered_name(path: Path) -> Path:
    """`NAME (recovered).brief`, or `NAME (recovered 2).brief` and so on if that exists."""
    for n in range(1, 1000):
        suffix = " (recovered)" if n == 1 else f" (recovered {n})"
        target = path.with_name(f"{path.stem}{suffix}{path.suffix}")
        if not target.exists():
            return target
    raise BriefsmithError(f"{path}: too many recovered copies beside it already.")


def open_project(path: Path, parent: QWidget | None) -> Project:
    """The project at `path`, opened for writing, for reading, or recovered, as the user
    chooses; raises BriefsmithError with the reason when none of that can be done."""
    try:
        small = path.exists() and path.stat().st_size <= CHECK_UP_TO
        return Project.open(path, check=small)
    except ReadOnlyProjectError as exc:
        answer = QMessageBox.question(
            parent,
            "Read-only project",
            f"{exc}\n\nOpen it for reading only? Editing is then turned off.",
            Yes | No,
            Yes,
        )
        if answer != Yes:
            raise
        return Project.open(path, readonly=True)
    except DamagedProjectError as exc:
        target = recovered_name(path)
        answer = QMessageBox.question(
            parent,
            "Damaged project",
            f"{exc}\n\nRecover what can be read into “{target.name}”? The damaged file "
            "is left as it is.",
            Yes | No,
            Yes,
        )
        if answer != Yes:
            raise
        from brief.recover import recover

        report = recover(path, target)
        log.info("recovered %s into %s", path, target)
        QMessageBox.information(parent, "Project recovered", f"{target}:\n{report.summary()}")
        return Project.open(target)
