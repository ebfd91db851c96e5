"""The extraction scores must not fall under the bars of the foundation issue."""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import BENCHMARK, ROOT, need


@pytest.fixture(scope="module")
def bench():
    need(BENCHMARK / "score.py")
    spec = importlib.util.spec_from_file_location(
        "bench_extraction", ROOT / "bench" / "extraction.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_read_html_scores(bench):
    result = bench.evaluate(BENCHMARK, "html")
    assert result["pages"] == 139
    assert result["f1"] >= 0.955 and result["precision"] >= 0.93, result


def test_read_text_scores(bench):
    result = bench.evaluate(BENCHMARK, "pasted")
    assert result["pages"] == 139
    assert result["f1"] >= 0.88 and result["precision"] >= 0.85, result
