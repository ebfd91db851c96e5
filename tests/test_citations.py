"""Citations: pandoc's citeproc is the reference, to the comma, in Chicago, APA and MLA."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from brief.citations import Cited, csl_item, format_citations, load_style, pandoc_path
from brief.compose import build_document
from brief.document import ExportOptions, plain
from tests.exports import SOURCES, add_source, sample_brief


def _reference(style, items, cites):
    """What pandoc itself prints for a Markdown document citing the items in order."""
    body = "\n\n".join(
        f"Quote {n}. [@{item_id}, para. {para}]" for n, (item_id, para) in enumerate(cites, start=1)
    )
    doc = (
        "---\nreferences:\n"
        + "".join("- " + json.dumps(item, ensure_ascii=False) + "\n" for item in items)
        + "---\n\n"
        + body
    )
    result = subprocess.run(
        [
            pandoc_path(),
            "--from=markdown",
            "--to=plain",
            "--wrap=none",
            "--citeproc",
            f"--csl={style.path}",
        ],
        input=doc,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture
def sources(project):
    ids = {
        key: add_source(project, key, ["First paragraph.", "Second paragraph."]) for key in SOURCES
    }
    return {key: project.source(i) for key, i in ids.items()}


@pytest.mark.parametrize("style_name", ["chicago", "apa", "mla"])
def test_notes_and_bibliography_equal_pandoc(sources, style_name):
    style = load_style(style_name)
    order = list(sources)
    cites = [(key, n % 2 + 1) for n, key in enumerate(order + order[:2])]
    ours = format_citations(style, [Cited(sources[k], p) for k, p in cites])
    reference = _reference(
        style, [csl_item(s) for s in sources.values()], [(f"s{sources[k].id}", p) for k, p in cites]
    )
    if style.is_note:
        notes = re.findall(r"^\[(\d+)\] (.*)$", reference, re.M)
        assert [plain(c) for c in ours.citations] == [text for _, text in notes]
    else:
        inline = re.findall(r"^Quote \d+\. ?(.*)$", reference, re.M)
        assert [plain(c) for c in ours.citations] == inline
    body_end = reference.rfind("Quote ")
    tail = reference[reference.index("\n\n", body_end) + 2 :]
    entries = [e for e in tail.split("\n\n") if e.strip() and not re.match(r"\[\d+\]", e)]
    assert [plain(e) for e in ours.bibliography] == [e.strip() for e in entries]


def test_chicago_formats_to_the_comma(sources):
    style = load_style("chicago")
    two, none = sources["two_authors"], sources["no_author"]
    ours = format_citations(style, [Cited(two, 2), Cited(two, 2), Cited(none, 1)])
    assert plain(ours.citations[0]) == (
        "Priya Raman and Ken Ito, “Wheat Prices Slide as Harvest "
        "Forecasts Rise,” Harvest Wire, June 4, 2024, para. 2."
    )
    assert plain(ours.citations[1]) == "Ibid."  # capital I at the start of a note
    assert plain(ours.citations[2]).startswith("“Ferry Strike Called Off,” Coastal Times")
    italic = [r.text for r in ours.citations[0] if r.emphasis]
    assert italic == ["Harvest Wire"]


def test_authors_note_between_citations_stops_ibid(project):
    brief_id = sample_brief(project)
    document = build_document(project, brief_id, ExportOptions(style="chicago"))
    notes = [plain(n.runs) for n in document.notes]
    # Excerpts 4 and 5 cite the same source in a row: the second is "Ibid."; then the
    # analyst's note stands between, so the next citation of that source is a short note.
    assert notes[4].startswith("Ibid.")
    assert notes[5].startswith("Okafor, “River Port Reopens")


def test_in_text_style_puts_citations_in_the_text(project):
    brief_id = sample_brief(project)
    document = build_document(project, brief_id, ExportOptions(style="apa"))
    assert document.notes == []
    assert document.bibliography_title == "References"
    cited = [plain(b.citation) for b in document.blocks if hasattr(b, "citation")]
    assert cited[0] == "(Okafor, 2024, para. 2)"
    assert "(Raman & Ito, 2024, para. 2)" in cited


def test_a_user_csl_file_is_accepted_and_a_bad_one_refused(tmp_path, sources):
    csl = tmp_path / "mine.csl"
    csl.write_bytes(load_style("chicago").path.read_bytes())
    assert load_style(csl).is_note
    bad = tmp_path / "bad.csl"
    bad.write_text("<html>not a style</html>")
    with pytest.raises(Exception, match="not a CSL citation style"):
        load_style(bad)
