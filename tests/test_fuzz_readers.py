"""Every reader, fed what hypothesis makes: it returns an article whose sections lie in its
text, or refuses with an ArticleImportError; it never raises anything else.

CI runs 500 examples a reader; a longer run:
    BRIEFSMITH_FUZZ_EXAMPLES=20000 make test PYTEST_ARGS=tests/test_fuzz_readers.py
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.errors import ArticleImportError
from brief.ingest.article import Article
from brief.ingest.docx import read_docx
from brief.ingest.files import read_bytes
from brief.ingest.html import read_html
from brief.ingest.markdown import read_markdown
from brief.ingest.text import read_text
from tests.hostile import docx
from tests.pdfgen import Layout, make_pdf, sample

EXAMPLES = int(os.environ.get("BRIEFSMITH_FUZZ_EXAMPLES", "500"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text that looks like what readers meet: lines, blank lines, markup, and every kind of
# character, the awkward ones included.
_AWKWARD = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        " ",
        "<",
        ">",
        "&",
        "&amp;",
        "<p>",
        "</p>",
        "<h1>",
        "#",
        "> ",
        "- ",
        "---\n",
        "\u200d",
        "\u200f",
        "\ufeff",
        "\x00",
        "\x0c",
        "\u2028",
        "\ud7ff",
        "…",
        "Read More",
        "By ",
        "Photo:",
        "Subscribe",
        "\u0627\u0644\u062e\u0628\u0631",
        "2024-03-14",
    ]
)
PAGES = st.lists(st.one_of(st.text(max_size=80), _AWKWARD), max_size=60).map("".join)


def _check(read, *args, **kwargs) -> None:
    try:
        article = read(*args, **kwargs)
    except ArticleImportError:
        return
    assert isinstance(article, Article)
    for section in article.sections:
        assert section.text and article.text[section.start : section.end] == section.text


@FUZZ
@given(PAGES)
def test_read_text(text):
    _check(read_text, text, name="fuzz.txt")


@FUZZ
@given(PAGES)
def test_read_markdown(text):
    _check(read_markdown, text, name="fuzz.md")


@FUZZ
@given(PAGES.map(lambda body: f"<html><head><title>t</title></head><body>{body}</body></html>"))
def test_read_html(html):
    _check(read_html, html, name="fuzz.html")


@FUZZ
@given(st.one_of(st.binary(max_size=2000), PAGES.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_read_bytes(data):
    _check(read_bytes, data, name="fuzz.txt")


@FUZZ
@given(st.one_of(st.binary(max_size=600), PAGES.map(lambda t: t.encode("utf-8", "replace"))))
def test_read_docx(xml):
    _check(read_docx, docx(xml), name="fuzz.docx")


def test_a_docx_whose_main_part_is_not_a_word_document_is_refused():
    """Found by the fuzzer above: python-docx opens it, then fails inside on its body."""
    for xml in (b"<_></_>", b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"/>'):  # fmt: skip
        try:
            read_docx(docx(xml), name="odd.docx")
        except ArticleImportError as exc:
            assert "odd.docx" in str(exc) and "damaged" in str(exc)
        else:
            raise AssertionError(f"{xml!r} was read")


_PDF = make_pdf(sample(1, 6, notes=2), Layout(columns=2, running_head="Sample"))


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(0, len(_PDF) - 1), st.binary(min_size=1, max_size=8)),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_read_pdf_damaged(edits, cut):
    """A sample PDF with bytes overwritten here and there, or cut short: read or refused."""
    data = bytearray(_PDF)
    for at, junk in edits:
        data[at : at + len(junk)] = junk
    if cut:
        data = data[: edits[0][0]]
    _check(read_bytes, bytes(data), name="damaged.pdf")


@settings(max_examples=max(EXAMPLES // 10, 25), deadline=None, database=None)
@given(
    seed=st.integers(0, 10_000),
    paragraphs=st.integers(1, 40),
    notes=st.integers(0, 5),
    layout=st.builds(
        Layout,
        columns=st.sampled_from([1, 2]),
        indent_first_line=st.booleans(),
        running_head=st.sampled_from(["", "Sample report"]),
        page_numbers=st.booleans(),
        hyphenate=st.booleans(),
        notes_per_column=st.booleans(),
        info=st.booleans(),
    ),
)
def test_read_pdf_keeps_only_words_put_in(seed, paragraphs, notes, layout):
    """Whatever the layout, every word the PDF reader gives was put into the PDF (no header,
    page number or marker left glued to one), and every note comes back as a note."""
    made = sample(seed, paragraphs, notes=notes)
    article = read_bytes(make_pdf(made, layout), name="sample.pdf")
    vocabulary = set()
    for text in [made.title, *made.body(), *made.notes.values()]:
        vocabulary |= set(re.findall(r"\w+", text.casefold()))
    numbers = {str(n) for n in range(1, len(made.notes) + 1)}
    for section in article.sections:
        for word in re.findall(r"\w+", section.text.casefold()):
            assert word in vocabulary or (word in numbers and section.kind.value == "note"), word
    got = [s.text for s in article.sections if s.kind.value == "note"]
    assert len(got) == len(made.notes)
