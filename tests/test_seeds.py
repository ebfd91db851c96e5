"""The two real articles in ../shared/seeds, imported exactly as a user pasted them."""

from __future__ import annotations

import pytest

from brief.ingest import read_file
from brief.model import SectionKind
from tests.conftest import SEEDS, need

VICE = "000_4f456ce6156ae4d2.txt"
POST = "003_be76b55eccf3d0ac.txt"

JUNK = [
    "like this",
    "Placeholder while article actions load",
    "This website uses cookies",
    "Read More:",
    "Subscribe to our mailing list",
    "mahjong slot",
    "Live News",
    "Thank you for subscribing",
    "Something went wrong",
    "Get more stuff like this",
    "in your inbox",
    "The Taliban Claim They Now Control the Whole of Afghanistan",
    "Afghanistan, Panjshir Valley, worldnews",
]


def _seed(name):
    path = need(SEEDS / name)
    return path, read_file(path)


def _source_lines(path):
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", [VICE, POST])
def test_no_junk_in_any_section(name):
    _, article = _seed(name)
    for section in article.sections:
        for junk in JUNK:
            assert junk not in section.text, (junk, section.text)


def test_vice_seed_metadata_and_body():
    path, article = _seed(VICE)
    assert article.title == "The 'Unconquerable' Valley That's the Last Holdout Against the Taliban"
    assert article.published == "2021-09-03T17:27"
    assert article.meta.standfirst.startswith("An armed group including former members")
    assert article.meta.keywords == ["Afghanistan", "Panjshir Valley", "worldnews"]
    assert article.language == "en"
    body = article.body()
    assert len(body) == 13
    assert body[0].startswith("Clashes between the Taliban and the final remnants")
    assert body[-1] == (
        "“But we are still trying to ensure that there is no war and that the "
        "issue in Panjshir is resolved calmly and peacefully.”"
    )
    # Every body paragraph is one whole line of the pasted text, once, in the text's order.
    lines = _source_lines(path)
    positions = [lines.index(p) for p in body]
    assert positions == sorted(positions) and len(set(body)) == len(body)
    # The paragraphs between the first and last body line are all there, bar caption and metadata.
    inner = lines[positions[0] : positions[-1] + 1]
    captions = [s.text for s in article.sections if s.kind is SectionKind.CAPTION]
    assert [line for line in inner if line not in captions] == body
    assert captions == [
        "Anti-Taliban forces assembled in Khenj District in Panjshir province. "
        "Photo: AHMAD SAHEL ARMAN/AFP via Getty Images"
    ]
    assert all("Photo:" not in p for p in body)
    assert article.title not in body and article.meta.standfirst not in body


def test_post_seed_excerpt_dateline_and_publisher():
    path, article = _seed(POST)
    assert article.title == "Inside the Taliban’s secret war in the Panjshir Valley"
    assert article.published == ""  # the text gives no date: none is invented
    assert article.dateline == "DARA, Afghanistan"
    body = article.body()
    assert len(body) == 11
    assert body[0].startswith("Taliban forces have been locked for months")
    assert not any(p.startswith("DARA") for p in body)
    assert body[-1].endswith("packed with Taliban…")
    lines = _source_lines(path)
    assert body[1:] == lines[lines.index(body[1]) : lines.index(body[-1]) + 1]
    assert article.is_excerpt
    assert article.meta.original_title == "Inside the Taliban’s secret war in the Panjshir Valley"
    assert article.publisher == "The Washington Post"
    assert article.meta.origin("publisher").value == "inferred"
    assert "mahjong slot" in article.removed
