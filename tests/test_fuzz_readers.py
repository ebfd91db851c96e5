"""Every reader, fed what hypothesis makes: it returns an article whose sections lie in its
text, or refuses with an ArticleImportError; it never raises anything else.

CI runs 500 examples a reader; a longer run:
    BRIEFSMITH_FUZZ_EXAMPLES=20000 make test PYTEST_ARGS=tests/test_fuzz_readers.py
"""

from __future__ import annotations

import os

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
