"""The library as references for other tools: pandoc reads each format back and formats the
same notes and bibliography as Briefsmith; ids stay; organisations stay whole."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.citations import Cited, Pinpoint, csl_item, format_citations, load_style, pandoc_path
from brief.cli import main
from brief.document import Run, plain
from brief.project import Project
from brief.quoting import Quotation, quote_with_citations, runs_html
from brief.references import references
from tests.exports import source_with

# Sample metadata written for these tests: a person and an agency, a magazine, a page with
# no outlet, a name in Persian, and every character LaTeX or citeproc would read as markup.
SAMPLES = [
    dict(
        title="Sample: ferry <routes> reopen & fares fall 5% at #1 port_a {now} ~ ^ \\",
        authors=["Lena Sample", "United Nations Office for Sample Affairs"],
        author_kinds={"United Nations Office for Sample Affairs": "organisation"},
        publisher="The Sample Herald",
        published="2024-05-03",
        accessed="2024-05-04",
        url="https://example.org/ferry?a=1&b=%20x",
        language="en",
    ),
    dict(
        title="Desert battery farm keeps the lights on",
        authors=["Ken van der Sample"],
        publisher="Sample Energy Review",
        published="2024-07-19T08:30",
        accessed="2024-07-20",
        url="https://example.org/battery",
        language="en",
    ),
    dict(
        title="کابل: گزارش نمونه",
        authors=["احمد نمونه"],
        published="2023",
        accessed="2024-01-02",
        url="https://example.org/fa",
        language="fa",
    ),
]


@pytest.fixture
def library(project: Project):
    return [source_with(project, **fields) for fields in SAMPLES]


def _pandoc(*args: str, stdin: str = "") -> str:
    result = subprocess.run(
        [pandoc_path(), *args], input=stdin, capture_output=True, text=True, check=True
    )
    return result.stdout


def _formatted_by_pandoc(style, bibliography, cites):
    """Notes (or in-text citations) and bibliography entries pandoc prints for a document
    citing `cites` [(id, paragraph)] from the reference file `bibliography`."""
    body = "\n\n".join(f"Quote {n}. [@{i}, para. {p}]" for n, (i, p) in enumerate(cites, 1))
    out = _pandoc(
        "--from=markdown",
        "--to=plain",
        "--wrap=none",
        "--citeproc",
        f"--csl={style.path}",
        f"--bibliography={bibliography}",
        stdin=body,
    )
    if style.is_note:
        citations = [text for _, text in re.findall(r"^\[(\d+)\] (.*)$", out, re.M)]
    else:
        citations = re.findall(r"^Quote \d+\. ?(.*)$", out, re.M)
    tail = out[out.index("\n\n", out.rfind("Quote ")) + 2 :]
    entries = [e.strip() for e in tail.split("\n\n") if e.strip() and not re.match(r"\[\d", e)]
    return citations, entries


@pytest.mark.parametrize("fmt", ["csl-json", "bibtex"])
@pytest.mark.parametrize("style_name", ["chicago", "apa", "mla"])
def test_pandoc_formats_the_exported_references_as_briefsmith_does(
    project, library, tmp_path, fmt, style_name
):
    """Notes and bibliography from the exported file equal Briefsmith's, to the comma.

    Two exceptions, both pandoc's way of reading BibTeX, whatever the file says: a name with
    a particle ("van der Sample") is formatted by BibLaTeX's rules for particles (its parts
    read back right: see below), and a title is read into sentence case, which capitalises
    the word after a colon ("Sample: Ferry…", where APA then keeps it). The BibTeX
    comparison gets a library without those two, written like the rest."""
    if fmt == "bibtex":
        library = [
            source_with(project, **{**fields, "title": fields["title"].replace(": f", ": F")})
            if ": f" in fields["title"]
            else source
            for source, fields in zip(library, SAMPLES, strict=True)
            if "van der" not in " ".join(source.meta.authors)
        ]
    style = load_style(style_name)
    suffix = {"csl-json": ".json", "bibtex": ".bib"}[fmt]
    exported = tmp_path / f"library{suffix}"
    exported.write_text(references(library, fmt), encoding="utf-8")
    cites = [(source, n + 1) for n, source in enumerate(library)] + [(library[0], 2)]
    ours = format_citations(style, [Cited(source, Pinpoint(para)) for source, para in cites])
    citations, entries = _formatted_by_pandoc(
        style, exported, [(f"s{source.id}", para) for source, para in cites]
    )
    assert [plain(c) for c in ours.citations] == citations
    assert [plain(e) for e in ours.bibliography] == entries
    # What looks like markup in a title prints as typed, here and from the exported file.
    assert any("<Routes> Reopen &" in t or "<routes> reopen &" in t for t in citations + entries)


def test_csl_json_is_the_items_briefsmith_cites(library, project):
    """Text goes out exactly as typed. A title holding CSL's own formatting tags ("<b>")
    will print bold in any CSL processor: that is the format's convention, not a loss."""
    tagged = source_with(project, title="Sample <b>bold</b> & <i>plain</i>")
    assert json.loads(references([tagged], "csl-json"))[0]["title"] == tagged.meta.title
    items = json.loads(references(library, "csl-json"))
    assert items == [csl_item(source) for source in library]
    first = items[0]
    assert first["id"] == f"s{library[0].id}"
    assert first["author"] == [
        {"given": "Lena", "family": "Sample"},
        {"literal": "United Nations Office for Sample Affairs"},
    ]
    assert first["accessed"] == {"date-parts": [[2024, 5, 4]]}
    assert first["URL"] == "https://example.org/ferry?a=1&b=%20x"


def test_bibtex_keeps_dates_organisations_and_escapes_latex(library):
    bib = references(library, "bibtex")
    first = bib[: bib.index("\n}\n")]
    assert first.startswith(f"@article{{s{library[0].id},")
    # An organisation is one name in braces: BibTeX must not split it into given and family.
    assert re.search(
        r"author = \{Sample, Lena and \{United Nations Office for Sample\s+Affairs\}\}", first
    )
    assert "date = {2024-05-03}" in first
    assert "urldate = {2024-05-04}" in first
    assert "url = {https://example.org/ferry?a=1&b=%20x}" in first
    assert "\\& " in first and "5\\%" in first and "\\#1" in first  # LaTeX's specials escaped
    assert "author = {{احمد نمونه}}" in bib  # Persian as written, in UTF-8, one name


def test_bibtex_names_read_back_as_the_names_briefsmith_cites(library):
    back = json.loads(
        _pandoc("--from=biblatex", "--to=csljson", stdin=references(library, "bibtex"))
    )
    assert back[1]["author"] == [
        {"given": "Ken", "non-dropping-particle": "van der", "family": "Sample"}
    ]
    assert back[0]["author"][1] == {"literal": "United Nations Office for Sample Affairs"}
    assert back[2]["author"] == [{"literal": "احمد نمونه"}]


def test_ris_reads_back_through_pandoc_and_keeps_what_its_reader_drops(library):
    ris = references(library, "ris")
    back = json.loads(_pandoc("--from=ris", "--to=csljson", stdin=ris))
    items = [csl_item(source) for source in library]
    assert [b["id"] for b in back] == [i["id"] for i in items]
    assert [b["title"] for b in back] == [i["title"] for i in items]
    # A web page is "ELEC", as Zotero and EndNote write it; pandoc's reader knows only "WEB".
    assert [b["type"] for b in back] == ["article-newspaper", "article-magazine", "misc"]
    assert "TY  - ELEC" in ris.split("ER  - ")[2]
    assert [b.get("container-title") for b in back] == [i.get("container-title") for i in items]
    assert [b["URL"] for b in back] == [i["URL"] for i in items]
    assert [b["issued"]["date-parts"][0][0] for b in back] == [2024, 2024, 2023]
    (ken,) = back[1]["author"]
    particle = ken.get("dropping-particle") or ken.get("non-dropping-particle")
    assert (ken["given"], particle, ken["family"]) == ("Ken", "van der", "Sample")
    # pandoc's RIS reader keeps no day, no accessed date and splits every name; the lines
    # Zotero and EndNote read them from are there, in the form they write.
    records = [dict_of(record) for record in ris.split("ER  - \r\n")[:-1]]
    assert records[0]["AU"] == ["Sample, Lena", "United Nations Office for Sample Affairs"]
    assert records[1]["AU"] == ["van der Sample, Ken"]
    assert records[0]["DA"] == ["2024/05/03/"] and records[0]["Y2"] == ["2024/05/04/"]
    assert records[2]["DA"] == ["2023///"] and records[2]["AU"] == ["احمد نمونه"]
    assert ris.count("\r\n") == sum(len(v) for r in records for v in r.values()) + 2 * len(records)


def dict_of(record: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in record.strip("\r\n").split("\r\n"):
        tag, _, value = line.partition("  - ")
        fields.setdefault(tag, []).append(value)
    return fields


_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(title=_TEXT, author=_TEXT, publisher=_TEXT)
def test_any_metadata_gives_one_ris_record_per_source_and_csl_json_that_reads_back(
    tmp_path_factory, title, author, publisher
):
    with Project.create(tmp_path_factory.mktemp("refs") / "p.brief") as project:
        source = source_with(
            project, title=title, authors=[author] if author.strip() else [], publisher=publisher
        )
        assert json.loads(references([source], "csl-json")) == [csl_item(source)]
        ris = references([source], "ris")
        lines = ris.split("\r\n")
        assert lines[0].startswith("TY  - ") and lines[-3:] == ["ER  - ", "", ""]
        assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines[:-2])
        assert "\n" not in ris.replace("\r\n", "") and "\r" not in ris.replace("\r\n", "")
        record = dict_of(ris[: ris.index("ER  - ")])
        assert record["TI"] == [" ".join(csl_item(source)["title"].split())]


def test_cli_writes_references_and_keeps_ids(project, tmp_path, library, capsys):
    path = project.path
    project.close()
    out = tmp_path / "refs.json"
    assert main(["sources", str(path), "--format", "csl-json", "-o", str(out)]) == 0
    first = json.loads(out.read_text(encoding="utf-8"))
    with Project.open(path) as again:
        again.remove_source(library[1].id)
        source_with(again, title="Sample added later", published="2024-09-01")
    assert main(["sources", str(path), "--format", "csl-json", "-o", str(out)]) == 0
    second = json.loads(out.read_text(encoding="utf-8"))
    by_id = {item["id"]: item for item in second}
    assert by_id[first[0]["id"]] == first[0] and by_id[first[2]["id"]] == first[2]
    assert first[1]["id"] not in by_id and len(second) == 3
    assert not list(tmp_path.glob(".refs.json.*"))  # written through a temporary file
    capsys.readouterr()
    assert main(["sources", str(path), "--format", "ris"]) == 0
    assert capsys.readouterr().out.count("ER  - ") == 3
    assert main(["sources", str(path), "-o", str(out)]) == 1
    assert "--format" in capsys.readouterr().err


def test_a_clip_cites_each_excerpt_in_full_and_escapes_its_text(project):
    """Copy with Citation: every excerpt with a full citation (never "Ibid.": a clip is
    pasted anywhere), text escaped in the HTML, Persian marked right-to-left."""
    source = source_with(
        project,
        title="Sample <b>port</b> & river news",
        authors=["Lena Sample"],
        publisher="The Sample Herald",
        published="2024-05-03",
    )
    persian = source_with(project, title="گزارش نمونه", authors=["احمد نمونه"], published="2023")
    quotes = [
        Quotation("Barges <script>alert(1)</script> return.", source, Pinpoint(2)),
        Quotation("A second line & more.", source, Pinpoint(3)),
        Quotation("ما درس می‌خوانیم.", persian, Pinpoint(1)),
    ]
    notes = quote_with_citations(quotes, load_style("chicago"))
    blocks = notes.text.strip().split("\n\n")
    assert blocks[0].startswith("Barges <script>alert(1)</script> return.\nLena Sample, “Sample")
    assert blocks[1].startswith("A second line & more.\nLena Sample, “Sample")  # no Ibid.
    assert "para. 3" in blocks[1] and "<b>port</b>" in blocks[1]
    assert "<script>" not in notes.html and "&lt;script&gt;" in notes.html
    assert "&lt;b&gt;port&lt;/b&gt;" in notes.html and "<i>The Sample Herald</i>" in notes.html
    assert '<p dir="rtl">ما درس می‌خوانیم.</p>' in notes.html
    in_text = quote_with_citations(quotes[:1], load_style("apa"))
    first, entry = in_text.text.strip().split("\n\n")
    assert first == "Barges <script>alert(1)</script> return. (Sample, 2024, para. 2)"
    assert entry.startswith("Sample, L. (2024, May 3). Sample <b>port</b> & river news.")


def test_html_of_runs_links_only_safe_addresses():
    runs = [
        Run("see "),
        Run("here", link="javascript:alert(1)"),
        Run("x", link="https://a.example/?q=1&r=2"),
    ]
    html = runs_html(runs)
    assert "javascript" not in html and '<a href="https://a.example/?q=1&amp;r=2">x</a>' in html
