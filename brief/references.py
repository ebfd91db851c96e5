"""The library's sources as references for other tools: CSL-JSON, BibTeX (BibLaTeX) and RIS.

Zotero, JabRef, Word's citation add-ins and LaTeX papers read these. Every format carries
the same item as Briefsmith's own citations (`brief.citations.csl_item`): the id `sN` stays
the source's for as long as the project holds it, an organisation is a name of one piece,
the accessed date and the URL are kept.

BibTeX is written by pandoc (its BibLaTeX writer: dates to the day, `urldate`, `langid`,
LaTeX's special characters escaped), so that pandoc reading it back formats the same notes.
RIS is a line format written here, in the form Zotero writes and reads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from brief.citations import CitationError, csl_item, run_pandoc
from brief.model import Source

#: Format name -> (file suffix, what the save dialog calls it).
FORMATS: dict[str, tuple[str, str]] = {
    "csl-json": (".json", "CSL-JSON (Zotero, pandoc)"),
    "bibtex": (".bib", "BibTeX, BibLaTeX dialect (LaTeX, JabRef, Zotero)"),
    "ris": (".ris", "RIS (EndNote, Zotero, Mendeley)"),
}


def references(sources: Iterable[Source], fmt: str) -> str:
    """The sources as one reference file's text, in `fmt` (a key of FORMATS)."""
    items = [csl_item(source) for source in sources]
    if fmt == "csl-json":
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if fmt == "bibtex":
        return _bibtex(items)
    if fmt == "ris":
        return "".join(_ris_record(item) for item in items)
    raise ValueError(f"unknown reference format {fmt!r}; known: {', '.join(FORMATS)}")


def _bibtex(items: list[dict[str, Any]]) -> str:
    if not items:
        return ""
    output = run_pandoc(
        ["--from=csljson", "--to=biblatex", "--wrap=none"],
        json.dumps(items, ensure_ascii=False),
        "write the BibTeX",
    )
    entries = re.split(r"(?m)^(?=@)", output)[1:]
    if len(entries) != len(items):
        raise CitationError(f"pandoc wrote {len(entries)} BibTeX entries for {len(items)} sources.")
    return "".join(
        _particles_kept(_whole_short_title(entry), item)
        for entry, item in zip(entries, items, strict=True)
    )


def _particles_kept(entry: str, item: dict[str, Any]) -> str:
    """ "van der Sample, Ken" reads back with "van der" as a particle that drops behind the
    given name ("Sample, Ken van der"); in braces it reads back as Briefsmith cites it, a
    particle that stays before the family name."""
    for name in item.get("author", []):
        family = name.get("family", "")
        if " " in family:
            found = re.search(rf"(?m)^(  author = \{{(?:.* and )?){re.escape(family)}, ", entry)
            if found:
                entry = f"{entry[: found.end(1)]}{{{family}}}, {entry[found.end() :]}"
    return entry


def _whole_short_title(entry: str) -> str:
    """A BibTeX reader takes a title's words before a colon for its short form ("Sample" of
    "Sample: ferry routes reopen"), which later notes cite; Briefsmith's notes cite the
    title whole, and so does the file once its short title says so (pandoc's writer has no
    field for it: the title's own line, escaped as pandoc escaped it, is repeated)."""
    match = re.search(r"(?m)^  title = (\{.*\}),$", entry)
    if not match or ":" not in match.group(1):
        return entry
    return entry[: match.end()] + f"\n  shorttitle = {match.group(1)}," + entry[match.end() :]


# CSL item types -> RIS reference types (as Zotero maps them).
_RIS_TYPES = {"article-newspaper": "NEWS", "article-magazine": "MGZN", "webpage": "ELEC"}


def _ris_record(item: dict[str, Any]) -> str:
    lines = [("TY", _RIS_TYPES.get(item["type"], "GEN")), ("ID", item["id"])]
    lines.append(("TI", item["title"]))
    for name in item.get("author", []):
        # "Family, Given" for a person; an organisation's name whole, without a comma.
        if "literal" in name:
            lines.append(("AU", name["literal"]))
        else:
            lines.append(("AU", f"{name['family']}, {name['given']}"))
    if "container-title" in item:
        lines.append(("T2", item["container-title"]))
    issued = item.get("issued", {}).get("date-parts", [[]])[0]
    if issued:
        lines.append(("PY", str(issued[0])))
        lines.append(("DA", _ris_date(issued)))
    accessed = item.get("accessed", {}).get("date-parts", [[]])[0]
    if accessed:
        lines.append(("Y2", _ris_date(accessed)))
    if "URL" in item:
        lines.append(("UR", item["URL"]))
    if "language" in item:
        lines.append(("LA", item["language"]))
    lines.append(("ER", ""))
    # RIS has no escapes: a value is the rest of its line, so line breaks become spaces.
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines) + "\r\n"


def _ris_date(parts: list[int]) -> str:
    """RIS dates are "YYYY/MM/DD/" with the parts not known left empty."""
    year, month, day = [*parts, 0, 0][:3]
    return f"{year:04d}/{f'{month:02d}' if month else ''}/{f'{day:02d}' if day else ''}/"
