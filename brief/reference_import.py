"""Metadata from a reference manager: a CSL-JSON, BibTeX or RIS file (Zotero's, EndNote's,
or one Briefsmith wrote) is matched to the project's sources by URL or DOI, and what it would
change in each is listed for the user to confirm before anything is written.

pandoc reads BibTeX and RIS into CSL-JSON, so every format goes through one mapping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from brief.citations import run_pandoc
from brief.errors import BriefsmithError
from brief.ingest.files import MAX_BYTES, decode, display_name, read_limited
from brief.model import Source

#: The fields a reference can fill, in the order the confirmation shows them.
FIELDS = ("title", "authors", "publisher", "published", "url", "accessed", "language")
LABELS = {
    "title": "Title",
    "authors": "Authors",
    "publisher": "Publisher",
    "published": "Published",
    "url": "Address",
    "accessed": "Accessed",
    "language": "Language",
}


class ReferenceFileError(BriefsmithError):
    """A reference file cannot be read; the message names it."""


@dataclass
class Change:
    field: str
    old: Any
    new: Any


@dataclass
class Update:
    """What one reference would change in one source."""

    source_id: int
    source_title: str
    reference: str  # the reference's id in the file, or its title
    matched_by: str  # "URL" or "DOI"
    changes: list[Change]
    #: The source's author kinds with the reference's one-name authors as organisations
    #: (Zotero's single-field names, Briefsmith's organisations), set with the authors.
    author_kinds: dict[str, str] = field(default_factory=dict)

    def values(self, fields: Iterable[str] | None = None) -> dict[str, Any]:
        """The new values of the chosen fields (all when None), as `update_meta` takes them."""
        chosen = set(FIELDS if fields is None else fields)
        values = {c.field: c.new for c in self.changes if c.field in chosen}
        if "authors" in values:
            values["author_kinds"] = self.author_kinds
        return values


# -- reading ------------------------------------------------------------------------------------


def read_reference_file(path: Path) -> list[dict[str, Any]]:
    """The CSL-JSON items of a CSL-JSON, BibTeX/BibLaTeX or RIS file."""
    name = display_name(path)
    try:
        data, _ = read_limited(path, name, MAX_BYTES)
        text = decode(data, name)
    except BriefsmithError as exc:
        raise ReferenceFileError(str(exc)) from exc
    return read_references(text, name)


def read_references(text: str, name: str) -> list[dict[str, Any]]:
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("[", "{")):
        try:
            parsed = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ReferenceFileError(
                f"{name}: this is not valid CSL JSON (line {exc.lineno}: {exc.msg})."
            ) from exc
        items = parsed if isinstance(parsed, list) else [parsed]
    elif re.search(r"^\s*@\w+\s*[{(]", stripped, re.MULTILINE):
        items = _through_pandoc(stripped, "biblatex", name)
    elif re.search(r"^TY  - ", stripped, re.MULTILINE):
        items = _through_pandoc(stripped, "ris", name)
    else:
        raise ReferenceFileError(
            f"{name}: this is neither CSL JSON, BibTeX nor RIS; export the references from "
            "the reference manager in one of those formats."
        )
    good = [item for item in items if isinstance(item, dict)]
    if not good:
        raise ReferenceFileError(f"{name}: the file holds no references.")
    return good


def _through_pandoc(text: str, fmt: str, name: str) -> list[Any]:
    try:
        output = run_pandoc(["-f", fmt, "-t", "csljson"], text, f"read {name}")
        items = json.loads(output)
    except (BriefsmithError, json.JSONDecodeError) as exc:
        raise ReferenceFileError(f"{name}: the references cannot be read ({exc}).") from exc
    return items if isinstance(items, list) else []


# -- matching -----------------------------------------------------------------------------------

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$", re.IGNORECASE)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)


def url_key(url: str) -> str:
    """An address as a key two spellings of one page share: no scheme, no www., no
    fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return ""
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{query}" if query else "")


def doi_key(value: str) -> str:
    match = _DOI.search(value or "")
    return match.group(1).rstrip(".,;").lower() if match else ""


def updates_for(sources: Iterable[Source], items: list[dict[str, Any]]) -> list[Update]:
    """For each source a reference matches (by URL, else by DOI), what it would change."""
    by_url: dict[str, dict[str, Any]] = {}
    by_doi: dict[str, dict[str, Any]] = {}
    for entry in items:
        key = url_key(str(entry.get("URL", "")))
        if key:
            by_url.setdefault(key, entry)
        doi = doi_key(str(entry.get("DOI", ""))) or doi_key(str(entry.get("URL", "")))
        if doi:
            by_doi.setdefault(doi, entry)
    updates = []
    for source in sources:
        addresses = [a for a in (source.meta.url, source.meta.canonical_url) if a]
        item: dict[str, Any] | None = None
        matched_by = ""
        for address in addresses:
            if url_key(address) in by_url:
                item, matched_by = by_url[url_key(address)], "URL"
                break
        if item is None:
            for address in addresses:
                if doi_key(address) in by_doi:
                    item, matched_by = by_doi[doi_key(address)], "DOI"
                    break
        if item is None:
            continue
        update = _update(source, item, matched_by)
        if update.changes:
            updates.append(update)
    return updates


def _update(source: Source, item: dict[str, Any], matched_by: str) -> Update:
    meta = source.meta
    new, organisations = fields_of(item)
    if any(url_key(new.get("url", "")) == url_key(a) for a in (meta.url, meta.canonical_url) if a):
        new.pop("url")  # the same page: the address Briefsmith read it at stays
    for name in ("published", "accessed"):
        if new.get(name) and str(getattr(meta, name)).startswith(new[name]):
            new.pop(name)  # the same date, told less precisely (a year, or no time)
    changes = [
        Change(name, getattr(meta, name), new[name])
        for name in FIELDS
        if new.get(name) and not _same(new[name], getattr(meta, name))
    ]
    kinds = {n: k for n, k in meta.author_kinds.items() if n in new.get("authors", [])}
    kinds.update({name: "organisation" for name in organisations})
    for name in new.get("authors", []):
        if name not in organisations and kinds.get(name) == "organisation":
            kinds[name] = "person"  # the reference manager has it as a person
    return Update(
        source_id=source.id or 0,
        source_title=meta.title or source.file_name or "Untitled",
        reference=str(item.get("id") or item.get("title") or "?"),
        matched_by=matched_by,
        changes=changes,
        author_kinds=kinds,
    )


def _same(new: Any, old: Any) -> bool:
    """Values that differ only as reference managers and pandoc rewrite them (a capital after
    a colon, typographic apostrophes and quotes) are the same: ours stay."""
    if isinstance(new, list) and isinstance(old, list):
        return len(new) == len(old) and all(_same(a, b) for a, b in zip(new, old, strict=True))
    return _folded(str(new)) == _folded(str(old))


def _folded(text: str) -> str:
    return text.translate(_QUOTES).casefold()


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def fields_of(item: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A CSL item's values as Briefsmith's metadata fields, and the authors it gives as one
    name (institutions: Zotero's single-field names, Briefsmith's organisations)."""
    values: dict[str, Any] = {}
    title = _text(item.get("title"))
    if title:
        values["title"] = title
    authors, organisations = [], []
    for person in item.get("author") or []:
        if not isinstance(person, dict):
            continue
        if person.get("literal"):
            name = _text(person["literal"])
            organisations.append(name)
        else:
            parts = [
                person.get("given"),
                person.get("dropping-particle"),
                person.get("non-dropping-particle"),
                person.get("family"),
            ]
            name = " ".join(_text(p) for p in parts if p)
            if person.get("suffix"):
                name += f" {_text(person['suffix'])}"
        if name:
            authors.append(name)
    if authors:
        values["authors"] = authors
    publisher = _text(item.get("container-title")) or _text(item.get("publisher"))
    if publisher:
        values["publisher"] = publisher
    for key, csl in (("published", "issued"), ("accessed", "accessed")):
        date = _date(item.get(csl))
        if date:
            values[key] = date
    url = _text(item.get("URL"))
    if url.startswith(("http://", "https://")):
        values["url"] = url
    language = _text(item.get("language")).lower()
    if re.fullmatch(r"[a-z]{2}(?:[-_][a-z]{2,4})?", language):
        values["language"] = language[:2]
    return values, organisations


def _text(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value else ""


def _date(value: Any) -> str:
    """A CSL date as ISO 8601, as far as it goes (a year, a month, a day)."""
    if not isinstance(value, dict):
        return ""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            numbers = [int(p) for p in parts[0][:3]]
        except (TypeError, ValueError):
            return ""
        if not 1000 <= numbers[0] <= 2999:
            return ""
        return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
    raw = _text(value.get("raw") or value.get("literal"))
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", raw)
    return "-".join(p for p in match.groups() if p) if match else ""
