"""`briefsmith-cli`: import, sources and sections, as a script would use them."""

from __future__ import annotations

import json

from brief.cli import main
from tests.conftest import DATA, DEMO_SOURCES


def test_import_then_list_as_json(tmp_path, capsys):
    project = tmp_path / "cli.brief"
    samples = [str(p) for p in sorted(DATA.glob("sample-*"))]
    assert main(["import", str(project), *samples]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == DEMO_SOURCES
    wheat = next(line for line in out if line.split("\t")[1].startswith("Wheat prices"))
    assert "The Harvest Wire" in wheat and "2024-06-04" in wheat and "lines removed" in wheat

    assert main(["sources", str(project), "--json"]) == 0
    sources = json.loads(capsys.readouterr().out)
    assert {"id", "title", "authors", "publisher", "published", "url"} <= set(sources[0])
    port = next(s for s in sources if s["title"].startswith("River port"))
    assert port["authors"] == ["Amara Okafor", "Tomás Reyes"]

    assert main(["sections", str(project), "--search", "freight", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all("freight" in h["text"].lower() for h in hits)
    assert set(hits[0]) == {"id", "source_id", "kind", "text"}

    assert main(["sections", str(project), "--source", str(port["id"])]) == 0
    assert "PORT HALDEN" not in capsys.readouterr().out  # the dateline is metadata

    # Importing the same files again stores nothing twice.
    assert main(["import", str(project), *samples, "--quiet"]) == 0
    assert "already in the project" in capsys.readouterr().out
    assert main(["sources", str(project), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == DEMO_SOURCES


def test_errors_go_to_stderr_with_nonzero_status(tmp_path, capsys):
    assert main(["sources", str(tmp_path / "missing.brief")]) == 1
    assert "no such project" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.5")
    assert main(["import", str(tmp_path / "p.brief"), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "bad.txt" in captured.err and "PDF" in captured.err and captured.out == ""
    assert main(["sections", str(tmp_path / "p.brief"), "--source", "42"]) == 1
    assert "no source 42" in capsys.readouterr().err
