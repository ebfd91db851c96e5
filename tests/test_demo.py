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


def test_the_demo_brief_shows_corroboration(tmp_path):
    """The radio's own report of the wheat story (data/sample-grain-market-radio.txt) states
    the millers' relief: that excerpt has two independent sources; the river-port excerpt,
    quoted also by its repost, has one (a copy is not a second source)."""
    with Project.open(ensure_demo_project(tmp_path)) as project:
        corroborator = project.corroborator()
        labels = {}
        for item in project.briefs()[0].items:
            if item.section_id:
                text = project.section(item.section_id).text
                labels[text[:25]] = corroborator.support(item.section_id)
        millers = labels["Millers welcomed the fall"]
        assert millers.label == "2 independent sources"
        (radio,) = millers.independent_matches()
        assert project.meta(radio.source_id).title == "Bakers breathe easier as wheat keeps falling"
        upriver = labels["Grain growers upriver had"]
        assert upriver.label == "single source" and upriver.matches  # its repost, not counted
