"""Citations: pandoc's citeproc is the reference, to the comma, in Chicago, APA and MLA."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from brief.citations import Cited, Pinpoint, csl_item, format_citations, load_style, pandoc_path
from brief.compose import build_document
from brief.document import ExportOptions, plain
from tests.exports import SOURCES, add_source, sample_brief, source_with


def _reference(style, items, cites, between=""):
    """What pandoc itself prints for a Markdown document citing the items in order (with an
    author's paragraph `between` the first two quotes, if given)."""
    quotes = [
        f"Quote {n}. [@{item_id}, para. {para}]" for n, (item_id, para) in enumerate(cites, start=1)
    ]
    if between:
        quotes.insert(1, between)
    body = "\n\n".join(quotes)
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
    ours = format_citations(style, [Cited(sources[k], Pinpoint(p)) for k, p in cites])
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
    ours = format_citations(
        style, [Cited(two, Pinpoint(2)), Cited(two, Pinpoint(2)), Cited(none, Pinpoint(1))]
    )
    assert plain(ours.citations[0]) == (
        "Priya Raman and Ken Ito, “Wheat Prices Slide as Harvest "
        "Forecasts Rise,” Harvest Wire, June 4, 2024, para. 2."
    )
    assert plain(ours.citations[1]) == "Ibid."  # capital I at the start of a note
    assert plain(ours.citations[2]).startswith("“Ferry Strike Called Off,” Coastal Times")
    italic = [r.text for r in ours.citations[0] if r.emphasis]
    assert italic == ["Harvest Wire"]


def test_authors_note_between_citations_does_not_stop_ibid(project):
    """ "Ibid." refers to the note before; an author's note in the text is not a note, so it
    changes nothing (pandoc's citeproc on the same Markdown agrees)."""
    brief_id = sample_brief(project)
    document = build_document(project, brief_id, ExportOptions(style="chicago"))
    notes = [plain(n.runs) for n in document.notes]
    # Excerpts 4, 5 and 6 cite the same source; the analyst's note stands before the sixth.
    assert notes[4] == "Ibid., para. 2."
    assert notes[5] == "Ibid."
    source = project.source(project.section(1).source_id or 0)
    item = csl_item(source)
    markdown = _reference(load_style("chicago"), [item], [(item["id"], 1), (item["id"], 2)])
    with_note = _reference(
        load_style("chicago"),
        [item],
        [(item["id"], 1), (item["id"], 2)],
        between="An analyst's note between two citations.",
    )
    assert re.findall(r"^\[2\] (.*)$", with_note, re.M) == re.findall(
        r"^\[2\] (.*)$", markdown, re.M
    )


def test_pinpoints_count_paragraphs_not_headings(project):
    """The first paragraph after a subheading is "para. 2" when it is the second paragraph,
    in the exports and in the window's outline labels alike."""
    from brief.compose import paragraph_number
    from brief.ingest.article import build_article
    from brief.model import ItemKind, Origin, OutlineItem, SectionKind, SourceMeta

    meta = SourceMeta()
    meta.set("title", "Sample: a report with subheadings", Origin.FOUND)
    meta.set("publisher", "Sample Gazette", Origin.FOUND)
    blocks = [
        (SectionKind.PARAGRAPH, "First paragraph."),
        (SectionKind.CAPTION, "A photo caption beside the text."),
        (SectionKind.HEADING, "A subheading"),
        (SectionKind.PARAGRAPH, "Second paragraph, after the subheading."),
        (SectionKind.QUOTE, "A block quote counts as a paragraph."),
        (SectionKind.PARAGRAPH, "Fourth paragraph."),
    ]
    source = project.add_article(build_article(meta, blocks))
    ids = [s.id or 0 for s in source.sections]
    assert [paragraph_number(source, i) for i in ids] == [1, None, None, 2, 3, 4]
    brief = project.new_brief("Pinpoints")
    project.insert_items(
        brief.id or 0,
        [OutlineItem(ItemKind.EXCERPT, section_id=i) for i in (ids[3], ids[5], ids[2])],
    )
    document = build_document(project, brief.id or 0, ExportOptions(style="chicago"))
    notes = [plain(n.runs) for n in document.notes]
    assert notes[0].endswith("para. 2.")
    assert notes[1] == "Ibid., para. 4."
    # A heading quoted: no paragraph to point at (and, the locator gone, citeproc gives the
    # short note rather than "Ibid.").
    assert "para." not in notes[2] and notes[2].startswith("Sample Gazette")


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


@pytest.mark.parametrize(
    ("style_name", "expected"),
    [
        ("chicago", "United Nations Children’s Fund, “Sample: Schools Reopen"),
        ("apa", "(United Nations Children’s Fund, 2024, para. 1)"),
    ],
)
def test_an_organisation_is_cited_whole_as_pandoc_does(project, style_name, expected):
    """ "United Nations Children's Fund" is never "Fund, U. N. C."; pandoc with a literal
    name is the reference."""
    source = source_with(
        project,
        title="Sample: schools reopen in three provinces",
        authors=["United Nations Children's Fund"],
        published="2024-05-02",
        url="https://example.org/sample",
    )
    assert source.meta.author_kinds == {"United Nations Children's Fund": "organisation"}
    style = load_style(style_name)
    item = csl_item(source)
    assert item["author"] == [{"literal": "United Nations Children's Fund"}]
    ours = format_citations(style, [Cited(source, Pinpoint(1))])
    assert plain(ours.citations[0]).startswith(expected)
    assert "Fund, " not in plain(ours.bibliography[0])
    reference = _reference(style, [item], [(item["id"], 1)])
    assert plain(ours.bibliography[0]) in reference.replace("\n", " ")


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("Reuters", True),
        ("AFP", True),
        ("Associated Press", True),
        ("Reuters Staff", True),
        ("Ministry of Public Health", True),
        ("United Nations Children's Fund", True),
        ("Amara Okafor", False),
        ("Emily Post", False),
        ("Robert Service", False),
        ("محمد رحیمی", False),
    ],
)
def test_organisations_are_known_by_name(name, organisation):
    from brief.authors import is_organisation

    assert is_organisation(name) is organisation
