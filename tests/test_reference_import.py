"""Update Sources from References: a reference manager's CSL-JSON, BibTeX or RIS file fills
sources' metadata, matched by address or DOI, listed before anything is written, applied in
one transaction (one undo step in the window)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from brief.ingest.article import build_article
from brief.model import Origin, SectionKind, SourceMeta
from brief.reference_import import (
    ReferenceFileError,
    doi_key,
    read_reference_file,
    read_references,
    updates_for,
    url_key,
)
from brief.references import references


def _source(project, **meta):
    values = {"title": "Sample: ferries return to the lake", **meta}
    article = build_article(
        SourceMeta(**values),
        [(SectionKind.PARAGRAPH, "A sample paragraph written for these tests, long enough.")],
    )
    return project.add_article(article)


BIBTEX = """
@article{okafor2024,
  title = {Ferries Return to the Lake},
  author = {Okafor, Amara and {Lake Transport Authority}},
  journaltitle = {The Meridian Ledger},
  date = {2024-03-14},
  url = {http://www.ledger.example/2024/ferries/?utm_source=feed#top},
  urldate = {2024-04-02},
  langid = {english},
}
@article{unrelated,
  title = {Something else},
  url = {https://elsewhere.example/x},
}
"""


def test_addresses_and_dois_match_however_they_are_written():
    assert url_key("http://www.Ledger.example/a/b/?utm_source=x&fbclid=1#frag") == url_key(
        "https://ledger.example/a/b"
    )
    assert url_key("https://ledger.example/a/b?page=2") != url_key("https://ledger.example/a/b")
    assert url_key("https://ledger.example/a/c") != url_key("https://ledger.example/a/b")
    assert doi_key("https://doi.org/10.1234/ABC.5.") == doi_key("10.1234/abc.5")


def test_a_bibtex_entry_fills_the_source_it_names_and_nothing_else(project, tmp_path):
    matched = _source(project, url="https://ledger.example/2024/ferries")
    other = _source(project, title="Sample: another", url="https://ledger.example/2024/other")
    path = tmp_path / "zotero.bib"
    path.write_text(BIBTEX, encoding="utf-8")
    (update,) = updates_for(project.sources(), read_reference_file(path))
    assert update.source_id == matched.id and update.matched_by == "URL"
    changes = {c.field: (c.old, c.new) for c in update.changes}
    assert changes == {
        "title": ("Sample: ferries return to the lake", "Ferries return to the lake"),
        "authors": ([], ["Amara Okafor", "Lake Transport Authority"]),
        "publisher": ("", "The Meridian Ledger"),
        "published": ("", "2024-03-14"),
        "accessed": ("", "2024-04-02"),
        "language": ("", "en"),
    }  # the address stays the one Briefsmith read the page at
    project.update_metas({update.source_id: update.values()})
    meta = project.source(matched.id).meta
    assert meta.publisher == "The Meridian Ledger" and meta.origin("publisher") is Origin.USER
    assert meta.author_kinds == {"Lake Transport Authority": "organisation"}
    assert meta.url == "https://ledger.example/2024/ferries"
    assert project.source(other.id).meta.publisher == ""


def test_a_doi_matches_when_the_address_does_not(project):
    source = _source(project, url="https://doi.org/10.5555/Sample.2024.7")
    items = [{"id": "x", "DOI": "10.5555/sample.2024.7", "title": "Ferries return, a study"}]
    (update,) = updates_for(project.sources(), items)
    assert update.matched_by == "DOI" and update.source_id == source.id
    assert [(c.field, c.new) for c in update.changes] == [("title", "Ferries return, a study")]


@pytest.mark.parametrize("fmt", ["csl-json", "bibtex", "ris"])
def test_the_library_read_back_from_its_own_export_changes_nothing(project, fmt):
    """Briefsmith's own export (organisations, particles, dates to the minute) matches every
    source and proposes no change: what a round trip through Zotero leaves alone stays."""
    _source(
        project,
        url="https://ledger.example/a",
        authors=["Ludwig van Beethoven", "United Nations Children's Fund"],
        publisher="The Meridian Ledger",
        published="2024-03-22T09:15",
        accessed="2024-04-01",
        language="en",
    )
    _source(project, title="Sample: a second", url="https://ledger.example/b")
    items = read_references(references(project.sources(), fmt), f"library.{fmt}")
    assert len(items) == 2
    assert updates_for(project.sources(), items) == []


def test_only_the_ticked_fields_are_applied(project):
    source = _source(project, url="https://ledger.example/a")
    items = [{"URL": "https://ledger.example/a", "title": "New", "container-title": "Ledger"}]
    (update,) = updates_for(project.sources(), items)
    assert update.values(["publisher"]) == {"publisher": "Ledger"}
    project.update_metas({source.id: update.values(["publisher"])})
    meta = project.source(source.id).meta
    assert meta.title == "Sample: ferries return to the lake" and meta.publisher == "Ledger"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("just some words", "neither CSL JSON, BibTeX nor RIS"),
        ('[{"id": 1,', "not valid CSL JSON (line 1"),
        ("[]", "holds no references"),
        ("@article{x, title={unclosed", "cannot be read"),
    ],
)
def test_a_file_that_is_not_references_says_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "refs.bib"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReferenceFileError, match=r"refs\.bib: ") as caught:
        read_reference_file(path)
    assert message in str(caught.value)


def test_the_cli_lists_the_changes_and_applies_them_only_when_told(project, tmp_path):
    _source(project, url="https://ledger.example/2024/ferries")
    path = project.path
    project.close()
    bib = tmp_path / "zotero.bib"
    bib.write_text(BIBTEX, encoding="utf-8")

    def cli(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "brief.cli", "update-sources", str(path), str(bib), *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    listed = cli()
    assert "(by URL)" in listed and "Publisher: (none) → “The Meridian Ledger”" in listed
    assert "Nothing was changed: run again with --yes" in listed
    sources = json.loads(
        subprocess.run(
            [sys.executable, "-m", "brief.cli", "sources", str(path), "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert sources[0]["publisher"] == ""
    assert "Updated 1 source." in cli("--yes")
    assert "No source matches" in cli()
