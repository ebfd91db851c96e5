"""Shared fixtures: where the third-party material lives, and fresh projects."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brief.project import Project

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEFSMITH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
BENCHMARK = SHARED / "benchmarks" / "article-extraction"
DATA = ROOT / "data"


def need(path: Path) -> Path:
    """Skip (saying why) when the shared material is not beside the checkout."""
    if not path.exists():
        pytest.skip(f"{path} is missing: the shared folder is not beside this checkout")
    return path


@pytest.fixture
def project(tmp_path: Path):
    with Project.create(tmp_path / "test.brief") as opened:
        yield opened
