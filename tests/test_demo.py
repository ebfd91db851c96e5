"""The demo library and the app's entry point on a clean home folder."""

from __future__ import annotations

import os
import subprocess
import sys

from brief.demo import ensure_demo_project, sample_files
from brief.project import Project
from tests.conftest import ROOT


def test_demo_library_builds_from_the_samples(tmp_path):
    path = ensure_demo_project(tmp_path)
    with Project.open(path) as project:
        sources = project.sources()
        assert len(sources) == len(sample_files()) >= 4
        assert any("فردا" in s.text for s in sources)  # right-to-left text survives import
        brief = project.briefs()[0]
        assert any(item.section_id for item in brief.items)
    assert ensure_demo_project(tmp_path) == path  # built once


def test_app_starts_on_a_clean_home(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    env.pop("BRIEFSMITH_DATA", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop.app"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Demo library.brief" in result.stdout and "5 sources" in result.stdout
    assert (tmp_path / "data" / "Briefsmith" / "Demo library.brief").exists()
