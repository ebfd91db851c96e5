"""The demo library and the app's entry point on a clean home folder."""

from __future__ import annotations

from brief.demo import ensure_demo_project, sample_files
from brief.project import Project


def test_demo_library_builds_from_the_samples(tmp_path):
    path = ensure_demo_project(tmp_path)
    with Project.open(path) as project:
        sources = project.sources()
        assert len(sources) == len(sample_files()) >= 4
        assert any("فردا" in s.text for s in sources)  # right-to-left text survives import
        brief = project.briefs()[0]
        assert any(item.section_id for item in brief.items)
    assert ensure_demo_project(tmp_path) == path  # built once


def test_the_demo_shows_a_story_family(tmp_path):
    """An aggregator's repost of the river-port story (data/sample-valley-freight-repost.txt):
    the two are one family, the Ledger's page its original, the repost an excerpt of it."""
    with Project.open(ensure_demo_project(tmp_path)) as project:
        by_title = {s.title: s for s in project.sources()}
        port = by_title["River port reopens after two years of dredging"]
        repost = next(s for s in by_title.values() if s.title.startswith("Barges are back"))
        family = project.families()[repost.id]
        assert family.members == (port.id, repost.id) and family.original == port.id
        assert repost.meta.is_excerpt and repost.meta.original_title == port.title
