"""Checks of a DOCX package that Word would otherwise make for us: every part parses, every
relationship resolves, note and bookmark ids are unique and referenced, and settings.xml keeps
the WordprocessingML schema's element order (read from python-docx's own CT_Settings)."""

from __future__ import annotations

import posixpath
import re
import zipfile
from functools import cache
from pathlib import Path

import docx.oxml.settings
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}


@cache
def settings_order() -> list[str]:
    """CT_Settings' child sequence, as python-docx declares it from the schema."""
    source = Path(docx.oxml.settings.__file__).read_text(encoding="utf-8")
    match = re.search(r"_tag_seq = \((.*?)\)", source, re.S)
    assert match, "python-docx no longer declares CT_Settings._tag_seq"
    return re.findall(r'"w:(\w+)"', match.group(1))


def check_package(path: Path) -> dict[str, etree._Element]:
    """Assert the package is sound; returns its XML parts by name."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        parts = {n: etree.fromstring(z.read(n)) for n in names if n.endswith((".xml", ".rels"))}
    types = parts["[Content_Types].xml"]
    defaults = {d.get("Extension") for d in types.xpath("ct:Default", namespaces=NS)}
    overrides = {o.get("PartName").lstrip("/") for o in types.xpath("ct:Override", namespaces=NS)}
    for name in names:
        if name.endswith("/") or name == "[Content_Types].xml":
            continue
        assert name in overrides or name.rsplit(".", 1)[-1] in defaults, f"no content type: {name}"
    for name, root in parts.items():
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))
        ids = []
        for rel in root.xpath("rel:Relationship", namespaces=NS):
            ids.append(rel.get("Id"))
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target"))).lstrip("/")
            assert target in names, f"{name}: {rel.get('Target')} is not in the package"
        assert len(ids) == len(set(ids)), f"{name}: duplicate relationship ids"
    document = parts["word/document.xml"]
    for kind in ("footnote", "endnote"):
        refs = document.xpath(f"//w:{kind}Reference/@w:id", namespaces=NS)
        assert len(refs) == len(set(refs)), f"a {kind} is referenced twice"
        if refs or f"word/{kind}s.xml" in parts:
            notes = parts[f"word/{kind}s.xml"].xpath(f"w:{kind}/@w:id", namespaces=NS)
            assert len(notes) == len(set(notes)), f"duplicate {kind} ids"
            assert set(refs) <= set(notes), f"a {kind} reference has no {kind}"
    starts = document.xpath("//w:bookmarkStart/@w:id", namespaces=NS)
    ends = document.xpath("//w:bookmarkEnd/@w:id", namespaces=NS)
    assert len(starts) == len(set(starts)) and sorted(starts) == sorted(ends)
    order = settings_order()
    children = [etree.QName(c).localname for c in parts["word/settings.xml"]]
    known = [c for c in children if c in order]
    assert known == sorted(known, key=order.index), f"settings.xml out of order: {children}"
    for root in parts.values():
        for text in root.iter(f"{{{W}}}t"):
            assert text.text is None or "\x00" not in text.text
    return parts
