"""Drag and drop payloads: ids under Briefsmith's own MIME types."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

SECTIONS_MIME = "application/x-briefsmith-sections"  # section ids, from library or reader
OUTLINE_MIME = "application/x-briefsmith-outline"  # outline item ids, for moves in the brief
QUOTES_MIME = "application/x-briefsmith-quotes"  # quote ids, from the People panel


def encode(mime_type: str, ids: list[int], project: str) -> QMimeData:
    data = QMimeData()
    data.setData(mime_type, json.dumps({"project": project, "ids": ids}).encode())
    return data


def decode(data: QMimeData, mime_type: str, project: str) -> list[int]:
    """The ids in a drop, or [] when the drop holds none of this project's."""
    if not data.hasFormat(mime_type):
        return []
    try:
        payload = json.loads(bytes(data.data(mime_type).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    if payload.get("project") != project:
        return []  # ids from another project's window mean nothing here
    return [int(i) for i in payload.get("ids", []) if isinstance(i, int)]
