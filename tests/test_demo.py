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
