"""Errors the domain raises: each carries a message a user can act on."""

from __future__ import annotations


class BriefsmithError(Exception):
    """Base class: the message is shown to the user as it is."""


class ArticleImportError(BriefsmithError):
    """A file or text could not be imported; the message names the file and the problem."""

    def __init__(self, name: str | None, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}" if name else problem)


class ProjectError(BriefsmithError):
    """A project file cannot be opened or changed."""


class NotAProjectError(ProjectError):
    """The file exists but is not a Briefsmith project."""


class NewerProjectError(ProjectError):
    """The project was written by a newer Briefsmith than this one."""


class DiskFullError(ProjectError):
    """The disk refused a write; the transaction was rolled back."""


class DamagedProjectError(ProjectError):
    """The project file is corrupt; its sources and briefs may be recoverable."""


class ReadOnlyProjectError(ProjectError):
    """The project lies where it cannot be written: it can only be opened for reading."""


class ProjectLockedError(ProjectError):
    """Another window or process has the project open for writing."""


class NotFoundError(BriefsmithError):
    """An id names no source, section, brief or outline item."""
