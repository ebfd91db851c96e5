"""What a drop on the window holds: files and folders from the file manager, links, or an
article's text or HTML from a browser (Briefsmith's own drags go to the library and brief)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl

from brief.ingest.files import SUPPORTED_SUFFIXES
from brief.ingest.web import is_web_address
from desktop.mime import OUTLINE_MIME, QUOTES_MIME, SECTIONS_MIME


def dropped_files(data: Any) -> list[Path]:
    """The files of a drop from the file manager, folders opened (supported files only)."""
    if not data.hasUrls():
        return []
    urls: list[QUrl] = data.urls()
    files: list[Path] = []
    for path in (Path(u.toLocalFile()) for u in urls if u.isLocalFile()):
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUPPORTED_SUFFIXES and not p.is_dir()
            )
        else:
            files.append(path)  # a pipe or a device is refused by the import, with its name
    return files


def dropped_links(data: Any) -> list[str]:
    """The web addresses of a drop (a link dragged from a browser's page or address bar)."""
    if not data.hasUrls():
        return []
    return [u.toString() for u in data.urls() if is_web_address(u.toString())]


def dropped_article(data: Any) -> bool:
    """Text or HTML dragged from a browser's page (not Briefsmith's own sections or items,
    which only the library and the brief take)."""
    own = any(data.hasFormat(kind) for kind in (SECTIONS_MIME, OUTLINE_MIME, QUOTES_MIME))
    return not own and not data.hasUrls() and (data.hasHtml() or bool(data.text().strip()))
