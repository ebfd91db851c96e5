"""Import of text, HTML, Markdown and DOCX written for these tests (samples, not real news)."""

from __future__ import annotations

import os
import re
import unicodedata

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.ingest import read_file, read_html, read_text
from brief.ingest.language import detect_language
from brief.ingest.normalize import normalize_inline, normalize_text
from brief.model import Origin, SectionKind
from tests.conftest import DATA

PASTED = """Home
World
Business
Sign In

Council votes to rebuild the old bridge

By Maria Lopez and Ken Ito, Staff Writers

Published March 3, 2023

RIVERTON — The town council voted on Monday to rebuild the old stone bridge, ending a debate that has run for eleven years and divided the town into two camps.

Supporters said the bridge is the only crossing that lorries can use without a detour of forty kilometres through the hills.

The crossing at dawn. Photo: Jane Roe/Sample Agency

Opponents had argued for a cheaper footbridge, saying that heavy traffic belongs on the ring road that was finished last year.

Share
Tweet
Comments (12)
Jim: this is a waste of money and everyone knows it, the council never listens to anyone.
"""


def test_pasted_text_body_metadata_and_junk():
    article = read_text(PASTED, name="bridge.txt")
    assert article.title == "Council votes to rebuild the old bridge"
    assert article.authors == ["Maria Lopez", "Ken Ito"]
    assert article.published == "2023-03-03"
    assert article.dateline == "RIVERTON"
    assert article.body() == [
        "The town council voted on Monday to rebuild the old stone bridge, ending a debate that "
        "has run for eleven years and divided the town into two camps.",
        "Supporters said the bridge is the only crossing that lorries can use without a detour "
        "of forty kilometres through the hills.",
        "Opponents had argued for a cheaper footbridge, saying that heavy traffic belongs on the "
        "ring road that was finished last year.",
    ]
    captions = [s.text for s in article.sections if s.kind is SectionKind.CAPTION]
    assert captions == ["The crossing at dawn. Photo: Jane Roe/Sample Agency"]
    assert article.meta.origin("title") is Origin.INFERRED
    assert "Jim: this is a waste" not in article.text  # the comments are not the article


def test_section_spans_index_the_cleaned_text():
    article = read_text(PASTED)
    for section in article.sections:
        assert article.text[section.start : section.end] == section.text
    assert [s.position for s in article.sections] == list(range(len(article.sections)))


def test_short_plain_note_is_kept_whole():
    article = read_text("Call the ministry about the grain figures.\n\nAsk for the 2022 table.")
    assert article.body() == [
        "Call the ministry about the grain figures.",
        "Ask for the 2022 table.",
    ]


def test_normalisation_nfc_nbsp_soft_hyphen_and_line_endings():
    text = normalize_text("Cafe\u0301\u00a0au\u00adlait\r\nnext\rline\u200b")
    assert text == "Café aulait\nnext\nline"
    assert "\u200c" in normalize_text("می\u200cخوانیم")  # ZWNJ is part of Persian spelling


def test_right_to_left_text_kept_and_language_detected():
    dari = (
        "ما درس می\u200cخوانیم، چون فردا از آن ماست. معلمان در سه ولایت درس‌ها را در "
        "خانه‌ها برگزار می‌کنند و پدران و مادران به نوبت از در خانه مراقبت می‌کنند."
    )
    article = read_text(dari + "\n\n" + dari.replace("سه", "چهار"))
    assert article.language == "fa"
    assert article.body()[0] == dari
    pashto = "زده کړه زموږ حق دی او هیڅوک یې نشي اخیستلای. ښوونکي وايي چې کتابونه نشته."
    assert read_text(pashto).language == "ps"


def test_a_body_whose_opening_does_not_tell_its_language_is_read_further():
    """The language is first read from a body's opening; where that is only names and
    numbers, the model is not sure of it, and the rest of the sample decides."""
    opening = (
        "Lyon, Marseille, Nantes, Lille, Rennes, Nice, Brest, Metz, Caen. 2024 — 12 / 14. " * 3
    )
    french = (
        "Le conseil municipal a voté mardi soir la réouverture du pont, fermé depuis la "
        "tempête de l'hiver dernier. Les habitants disaient que la fermeture avait doublé "
        "leur trajet."
    )
    assert detect_language(opening + french) == "fr"
    english = (
        "The council voted on Tuesday night to reopen the bridge, closed since last winter's "
        "storm. Residents said the closure had doubled their journey to work."
    )
    assert detect_language(english * 3) == "en"


def test_html_metadata_from_json_ld_and_meta_tags():
    article = read_file(DATA / "sample-river-port.html")
    meta = article.meta
    assert meta.title == "River port reopens after two years of dredging"  # no "| Site"
    assert meta.authors == ["Amara Okafor", "Tomás Reyes"]
    assert meta.publisher == "The Meridian Ledger (sample)"
    assert meta.published == "2024-03-14"
    assert meta.updated == "2024-03-15"
    assert meta.canonical_url == "https://ledger.example/2024/03/river-port-reopens"
    assert meta.language == "en" and meta.origin("language") is Origin.FOUND
    assert meta.origin("title") is Origin.FOUND
    assert meta.dateline == "PORT HALDEN"
    kinds = [s.kind for s in article.sections]
    assert SectionKind.HEADING in kinds and SectionKind.QUOTE in kinds
    assert kinds.count(SectionKind.LIST_ITEM) == 3
    assert not any("cookies" in s.text or "Most read" in s.text for s in article.sections)


def test_html_author_roles_and_title_suffix_removed():
    article = read_file(DATA / "sample-grid-storage.html")
    assert article.authors == ["Lena Fischer"]
    assert article.title == "Desert battery farm keeps the lights on through a heatwave"
    assert article.meta.keywords == ["energy storage", "batteries", "heatwave"]


def test_markdown_structure():
    article = read_file(DATA / "sample-field-notes.md")
    assert article.title == "Field notes on water sharing along the Hari Rud"
    assert article.published == "2024-05-02"
    kinds = [s.kind for s in article.sections]
    assert kinds[:3] == [SectionKind.PARAGRAPH, SectionKind.HEADING, SectionKind.PARAGRAPH]
    assert SectionKind.QUOTE in kinds and kinds.count(SectionKind.LIST_ITEM) == 3
    assert "*" not in article.text


def test_docx_styles_and_properties(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Sample memo on ferry subsidies"
    document.core_properties.author = "Ines Duarte"
    document.add_paragraph("Sample memo on ferry subsidies", style="Title")
    document.add_heading("Background", level=1)
    document.add_paragraph(
        "The ferry has run at a loss for six years, and the subsidy is due "
        "for renewal in the spring."
    )
    document.add_paragraph("We cannot run it for free.", style="Quote")
    document.add_paragraph("Option one: renew for a year", style="List Bullet")
    path = tmp_path / "memo.docx"
    document.save(path)
    article = read_file(path)
    assert article.title == "Sample memo on ferry subsidies"
    assert article.authors == ["Ines Duarte"]
    assert [s.kind for s in article.sections] == [
        SectionKind.HEADING,
        SectionKind.PARAGRAPH,
        SectionKind.QUOTE,
        SectionKind.LIST_ITEM,
    ]
    assert article.file_hash and article.file_name == "memo.docx"
    os.utime(path, (1_700_000_000, 1_700_000_000))  # saved on 2023-11-14
    assert read_file(path).meta.accessed == "2023-11-14"
    assert read_file(path).meta.origin("accessed") is Origin.INFERRED


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1251", "iso-8859-7"]
)
def test_common_encodings_decode(tmp_path, encoding):
    words = {
        "cp1251": "Городской совет проголосовал за ремонт старого моста сегодня утром.",
        "iso-8859-7": "Το δημοτικό συμβούλιο ψήφισε την ανακατασκευή της παλιάς γέφυρας.",
    }.get(encoding, "Le conseil a voté la rénovation du vieux pont, déjà célèbre à Noël.")
    text = (words + "\n\n") * 3
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    article = read_file(path)
    assert article.body()[0] == words


def test_html_string_entry_point_takes_url():
    html = (
        "<html><head><title>A test page | Site</title></head><body><article>"
        + "<p>This paragraph is long enough to be the body of a small test page, "
        "written for Briefsmith's tests.</p>" * 3 + "</article></body></html>"
    )
    article = read_html(html, url="https://example.org/a")
    assert article.meta.url == "https://example.org/a"
    assert article.body()


def test_json_ld_says_which_authors_are_organisations():
    from brief.ingest import read_html

    page = """<html><head><title>Sample: floods close the river road</title>
    <script type="application/ld+json">{"@type": "NewsArticle",
      "headline": "Sample: floods close the river road",
      "author": [{"@type": "Organization", "name": "Sample Wire"},
                 {"@type": "Person", "name": "Lena Sample"}]}</script></head>
    <body><article><h1>Sample: floods close the river road</h1>
    <p>Floodwater closed the river road on Tuesday, a sample paragraph written for this test,
    long enough to be kept as the body of the article by the extractor.</p>
    <p>Crews expect to reopen it by Friday, another sample paragraph of the invented article,
    also long enough to count as body text.</p></article></body></html>"""
    article = read_html(page)
    assert article.authors == ["Sample Wire", "Lena Sample"]
    assert article.meta.author_kinds == {"Sample Wire": "organisation", "Lena Sample": "person"}


@given(
    st.text(
        alphabet=st.sampled_from(
            list("ab \r\n\t\x0b\x0c\x85\xa0\u2028\u2029\u200b\xad\u3000é\u0301")
        )
    )
    | st.text()
)
def test_inline_normalisation_is_text_normalisation_on_one_line(text):
    """normalize_inline's shortcut gives what normalize_text gives, folded to one line."""
    assert normalize_inline(text) == " ".join(normalize_text(text).split())


_SPACE_RUN = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "ab \r\n\t\x00\x1f\x7f\x85\xa0\u1680\u2000\u2028\u2029\u200b\u200c\xad\u3000é\u0301"
            )
        )
    )
    | st.text()
)
def test_text_normalisation_reads_line_by_line(text):
    """normalize_text works on the whole text at once (a page has hundreds of lines); what
    it gives is what normalising each line on its own gives: spaces folded, edges trimmed."""
    lines = unicodedata.normalize("NFC", _unbroken(text)).split("\n")
    expected = "\n".join(_SPACE_RUN.sub(" ", line).strip() for line in lines)
    assert normalize_text(text) == expected


def _unbroken(text: str) -> str:
    """The text with Unix line breaks and no control characters (the rules, spelled out)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    dropped = {0x7F, 0xAD, 0x200B, 0x2060, 0xFEFF}
    return "".join(
        ch
        for ch in text
        if not (ord(ch) < 0x20 and ch not in "\t\n")
        and ord(ch) not in dropped
        and not 0x80 <= ord(ch) < 0xA0
    )


SAMPLE_PARAGRAPHS = [
    "Floodwater closed the river road on Tuesday, a sample paragraph written for this test, "
    "long enough to be kept as the body of the article by the extractor.",
    "Crews expect to reopen it by Friday, another sample paragraph of the invented article, "
    "also long enough to count as body text for the extractor.",
    "Residents were asked to use the hill road meanwhile, the third sample paragraph says, "
    "and buses will follow the same detour until the water goes down.",
]


def test_html_buttons_and_newsletter_boxes_in_the_body_go():
    paragraphs = "".join(f"<p>{p}</p>" for p in SAMPLE_PARAGRAPHS)
    cut = paragraphs.index("</p>", len(paragraphs) // 2) + 4
    page = (
        "<html><head><title>Sample: floods close the river road</title></head><body><article>"
        "<h1>Sample: floods close the river road</h1>"
        + paragraphs[:cut]
        + "<p>Get the day’s top headlines delivered to your inbox by subscribing to our "
        "newsletter.</p>" + paragraphs[cut:] + "<p>Comments</p></article></body></html>"
    )
    article = read_html(page)
    assert article.body() == SAMPLE_PARAGRAPHS


def test_html_short_precise_body_is_checked_against_a_wider_pass(monkeypatch):
    """A precise pass that settles on a box beside the article (a reprints notice over a
    paywalled text) is replaced by the wider pass when that finds twice as much."""
    from types import SimpleNamespace

    from lxml import etree

    import brief.ingest.html as html_reader

    def doc(paragraphs):
        body = etree.Element("body")
        for text in paragraphs:
            etree.SubElement(body, "p").text = text
        return SimpleNamespace(
            text="\n".join(paragraphs), body=body, sitename="", title="Sample", author="",
            date="", description="", tags=[], categories=[], url="",
        )  # fmt: skip

    notice = "This copy is for your personal use only. To order copies visit the sample desk."
    passes = []

    def extract(trafilatura, tree, url, *, precise):
        passes.append(precise)
        return doc([notice] if precise else [notice, *SAMPLE_PARAGRAPHS])

    monkeypatch.setattr(html_reader, "_extract", extract)
    article = read_html("<html><body><p>x</p><p>y</p></body></html>")
    assert passes == [True, False]
    assert article.body()[1:] == SAMPLE_PARAGRAPHS
