"""Citations and bibliography in any CSL style, formatted by pandoc's citeproc.

pandoc (shipped by the `pypandoc-binary` package) formats newspaper, magazine and web
items correctly to the comma, where citeproc-py 0.11 does not. One pandoc run formats all
of a brief's citations at once: they go in as a pandoc document (JSON), in order, and come
back as notes or in-text citations plus the bibliography, converted here into `Run`s.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lxml import etree

from assets import asset
from brief.authors import is_organisation
from brief.document import Run
from brief.errors import BriefsmithError
from brief.model import Source

STYLES_DIR = asset("styles")
BUILTIN_STYLES = {"chicago": "chicago.csl", "apa": "apa.csl", "mla": "mla.csl"}
_PANDOC_API = [1, 23, 1]
_MAGAZINE = re.compile(
    r"\b(?:magazine|review|economist|atlantic|new\s+yorker|weekly|quarterly|monthly)\b", re.I
)
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


class CitationError(BriefsmithError):
    """The style cannot be read or pandoc failed."""


@dataclass
class Style:
    path: Path
    title: str
    is_note: bool  # a note style (Chicago notes) rather than in-text (APA, MLA)
    bibliography_title: str


def load_style(style: str | Path) -> Style:
    """A built-in style by name (chicago, apa, mla) or any .csl file the user points at."""
    name = str(style)
    path = STYLES_DIR / BUILTIN_STYLES[name] if name in BUILTIN_STYLES else Path(style)
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, etree.XMLSyntaxError) as exc:
        raise CitationError(f"{path}: this citation style cannot be read ({exc}).") from exc
    ns = {"c": "http://purl.org/net/xbiblio/csl"}
    top = root.getroot()
    if etree.QName(top).localname != "style":
        raise CitationError(f"{path}: this is not a CSL citation style.")
    title = root.findtext("c:info/c:title", namespaces=ns) or path.stem
    bib_title = (
        "References"
        if re.search(r"\b(?:apa|author-date)\b", title, re.I)
        else ("Works Cited" if re.search(r"\bMLA\b", title) else "Bibliography")
    )
    return Style(
        path=path, title=title, is_note=top.get("class") == "note", bibliography_title=bib_title
    )


def csl_item(source: Source) -> dict[str, Any]:
    """A source as a CSL-JSON item: newspaper, magazine or web article, its text as typed
    (formatting it through pandoc guards its "<" first: see _literal)."""
    meta = source.meta
    if meta.publisher and _MAGAZINE.search(meta.publisher):
        kind = "article-magazine"
    elif meta.publisher:
        kind = "article-newspaper"
    else:
        kind = "webpage"
    item: dict[str, Any] = {"id": f"s{source.id}", "type": kind, "title": meta.title or "Untitled"}
    if meta.authors:
        item["author"] = [
            {"literal": name} if is_organisation(name, meta) else _name(name)
            for name in meta.authors
        ]
    if meta.publisher:
        item["container-title"] = meta.publisher
    # An article known only by its "Updated" stamp is dated by that.
    issued = meta.published or meta.updated
    for key, value in (("issued", issued), ("accessed", meta.accessed)):
        parts = _date_parts(value)
        if parts:
            item[key] = {"date-parts": [parts]}
    url = meta.url or meta.canonical_url
    if url:
        item["URL"] = url
    if meta.language:
        item["language"] = meta.language
    return item


# citeproc reads `<i>`, `<b>`, `<sup>`, `<span …>` in CSL fields as formatting, and decodes no
# entities: a title's "<b>" would print bold. Each "<" goes to pandoc as a private character
# no text holds and comes back as "<", so every field prints exactly as typed.
_LT = "\U0010fffd"


def _literal(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("<", _LT)
    if isinstance(value, list):
        return [_literal(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("id", "type", "URL") else _literal(v) for k, v in value.items()}
    return value


def _name(person: str) -> dict[str, str]:
    """Given and family names; a name in a non-Latin script stays whole, as written."""
    words = person.split()
    particles = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "al", "el", "bin"}
    if (
        len(words) < 2
        or not _LATIN.search(person)
        or any(w[0].islower() and w not in particles for w in words)
    ):
        return {"literal": person}  # one word, another script, or a group ("demo team")
    split = len(words) - 1
    while split > 1 and words[split - 1].lower() in particles:
        split -= 1
    return {"given": " ".join(words[:split]), "family": " ".join(words[split:])}


def _date_parts(value: str) -> list[int]:
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    return [int(p) for p in match.groups() if p] if match else []


@dataclass(frozen=True)
class Pinpoint:
    """Where in a source an excerpt is: its page in a paginated source (a PDF), otherwise
    its paragraph, which a reader of a web page can count to."""

    number: int
    page: bool = False

    @property
    def label(self) -> str:
        return "p." if self.page else "para."

    def __str__(self) -> str:
        return f"{self.label} {self.number}"


@dataclass
class Cited:
    """One citation in the brief's order: a source and a pinpoint where it has one."""

    source: Source
    pinpoint: Pinpoint | None = None


@dataclass
class Formatted:
    """What pandoc made of a brief's citations."""

    citations: list[list[Run]]  # one per citation, in order: note text or in-text citation
    bibliography: list[list[Run]]
    style: Style


def format_citations(style: Style, cited: list[Cited]) -> Formatted:
    """Format citations, in order, and the bibliography in one pandoc run."""
    sources = {c.source.id: c.source for c in cited}
    items = [_literal(csl_item(s)) for s in sources.values()]
    blocks = [_para([_cite(f"s{entry.source.id}", entry.pinpoint)]) for entry in cited]
    document = {"pandoc-api-version": _PANDOC_API, "meta": {}, "blocks": blocks}
    output = _run_pandoc(style, items, document)
    return _read_output(output, style)


def _cite(item_id: str, pinpoint: Pinpoint | None) -> dict[str, Any]:
    # citeproc reads the label as the locator's kind ("p." page, "para." paragraph) and
    # prints it as the style says (Chicago gives a page bare, "3"; APA "p. 3").
    suffix: list[dict[str, Any]] = []
    if pinpoint is not None:
        suffix = [
            {"t": "Str", "c": ","},
            {"t": "Space"},
            {"t": "Str", "c": pinpoint.label},
            {"t": "Space"},
            {"t": "Str", "c": str(pinpoint.number)},
        ]
    citation = {
        "citationId": item_id,
        "citationPrefix": [],
        "citationSuffix": suffix,
        "citationMode": {"t": "NormalCitation"},
        "citationNoteNum": 0,
        "citationHash": 0,
    }
    return {"t": "Cite", "c": [[citation], [{"t": "Str", "c": f"[@{item_id}]"}]]}


def _para(inlines: list[dict[str, Any]]) -> dict[str, Any]:
    return {"t": "Para", "c": inlines}


def pandoc_path() -> str:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as exc:
        raise CitationError(
            "pandoc is not available: install the pypandoc-binary package (make run installs it)."
        ) from exc


def run_pandoc(arguments: list[str], stdin: str, doing: str) -> str:
    """pandoc's output for `stdin`; a failure says what pandoc was `doing` ("format the
    citations") and why."""
    try:
        result = subprocess.run(
            [pandoc_path(), *arguments],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CitationError(f"pandoc could not {doing} ({exc}).") from exc
    if result.returncode != 0:
        raise CitationError(f"pandoc could not {doing}: {result.stderr.strip()[:500]}")
    return result.stdout


def _run_pandoc(style: Style, items: list[dict[str, Any]], document: dict[str, Any]) -> Any:
    with tempfile.TemporaryDirectory(prefix="briefsmith-cite-") as tmp:
        refs = Path(tmp) / "references.json"
        refs.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        arguments = ["--from=json", "--to=json", "--citeproc", f"--csl={style.path}"]
        try:
            output = run_pandoc(
                [*arguments, f"--bibliography={refs}"],
                json.dumps(document, ensure_ascii=False),
                "format the citations",
            )
        except CitationError as exc:
            raise CitationError(f"{style.path.name}: {exc}") from exc
    return json.loads(output)


def _read_output(output: dict[str, Any], style: Style) -> Formatted:
    citations: list[list[Run]] = []
    bibliography: list[list[Run]] = []
    for block in output["blocks"]:
        if block["t"] == "Para":
            cite = next((i for i in block["c"] if i["t"] == "Cite"), None)
            if cite is None:
                continue
            content = cite["c"][1]
            if style.is_note:
                note = next((i for i in content if i["t"] == "Note"), None)
                content = note["c"][0]["c"] if note else content
            citations.append(_runs(content))
        elif block["t"] == "Div":
            for entry in block["c"][1]:
                if entry["t"] == "Div":
                    paragraphs = [b["c"] for b in entry["c"][1] if b["t"] in ("Para", "Plain")]
                    bibliography.append(_runs([i for p in paragraphs for i in p]))
    return Formatted(citations=citations, bibliography=bibliography, style=style)


_QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}


def _runs(inlines: list[dict[str, Any]], look: Run | None = None) -> list[Run]:
    """pandoc inlines to runs, merging neighbours that look the same."""
    look = look or Run("")
    out: list[Run] = []

    def add(text: str, style: Run) -> None:
        if out and _same(out[-1], style):
            out[-1] = replace(out[-1], text=out[-1].text + text)
        elif text:
            out.append(replace(style, text=text))

    for inline in inlines:
        kind: str = inline["t"]
        content: Any = inline.get("c")
        if kind == "Str":
            add(content.replace(_LT, "<"), look)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            add(" ", look)
        elif kind == "Emph":
            _extend(out, _runs(content, _with(look, emphasis=not look.emphasis)), add)
        elif kind == "Strong":
            _extend(out, _runs(content, _with(look, strong=True)), add)
        elif kind == "SmallCaps":
            _extend(out, _runs(content, _with(look, small_caps=True)), add)
        elif kind == "Superscript":
            _extend(out, _runs(content, _with(look, superscript=True)), add)
        elif kind == "Link":
            _extend(out, _runs(content[1], _with(look, link=content[2][0])), add)
        elif kind == "Quoted":
            left, right = _QUOTES[content[0]["t"]]
            add(left, look)
            _extend(out, _runs(content[1], look), add)
            add(right, look)
        elif kind in ("Span", "Underline", "Strikeout", "Subscript"):
            _extend(out, _runs(content[-1], look), add)
        elif kind == "Code":
            add(content[1], look)
        elif kind == "Cite":
            _extend(out, _runs(content[1], look), add)
    return out


def _extend(out: list[Run], runs: list[Run], add: Any) -> None:
    for run in runs:
        add(run.text, run)


def _with(look: Run, **changes: Any) -> Run:
    return replace(look, text="", **changes)


def _same(a: Run, b: Run) -> bool:
    return (a.emphasis, a.strong, a.small_caps, a.superscript, a.link) == (
        b.emphasis,
        b.strong,
        b.small_caps,
        b.superscript,
        b.link,
    )
