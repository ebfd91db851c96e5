"""kill -9 in the middle of CLI edits and imports, over and over: every edit the CLI
acknowledged is in the project afterwards, nothing is half-stored, and the file is sound.

    BRIEFSMITH_KILLS=2000 make test PYTEST_ARGS=tests/test_kill_loop.py   # a longer run
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from brief.demo import build_demo
from brief.project import Project
from tests.conftest import ROOT
from tests.hostile import variant

KILLS = int(os.environ.get("BRIEFSMITH_KILLS", "200"))
CLI = "import sys; from brief.cli import main; sys.exit(main(sys.argv[1:]))"


def _run(args: list[str], delay: float) -> tuple[bool, str]:
    """Run the CLI, SIGKILL it after `delay` seconds if it is still running; returns
    whether it was killed and what it printed before."""
    proc = subprocess.Popen(
        [sys.executable, "-u", "-c", CLI, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    if not killed:
        assert proc.returncode == 0, err
    return killed, out


def _timed(args: list[str]) -> float:
    """Seconds one uninterrupted run takes on this machine, now (a loaded machine is slow)."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-u", "-c", CLI, *args], cwd=ROOT, capture_output=True, check=True
    )
    return time.perf_counter() - started


def test_every_acknowledged_edit_survives_kill_9(tmp_path):
    project = build_demo(tmp_path / "kill.brief")
    rng = random.Random(1234)
    folder = tmp_path / "articles"
    folder.mkdir()
    probe = folder / "probe"
    probe.mkdir()
    for n in range(6):
        (probe / f"a{n}.txt").write_text(variant(f"probe item {n}"))
    # The kill windows scale with how long a run takes here, so that some runs finish (and
    # are checked) and most are killed midway, on a fast machine or a loaded one.
    add_time = _timed(["brief", "add", str(project), "1", "--heading", "Probe"])
    import_time = _timed(["import", "--quiet", str(project), str(probe)])
    headings: set[str] = {"Probe"}
    imported: set[str] = set()
    kills = runs = 0
    while kills < KILLS:
        runs += 1
        assert runs < KILLS * 4, f"only {kills} kills in {runs} runs"
        if runs % 3:
            text = f"Heading {runs}"
            killed, _ = _run(
                ["brief", "add", str(project), "1", "--heading", text],
                rng.uniform(0.1, 1.1) * add_time,
            )
            if not killed:
                headings.add(text)
        else:
            batch = folder / f"batch{runs}"
            batch.mkdir()
            for n in range(6):
                (batch / f"a{n}.txt").write_text(variant(f"run {runs} item {n}"))
            killed, out = _run(
                ["import", "--quiet", str(project), str(batch)],
                rng.uniform(0.3, 1.3) * import_time,
            )
            # A line is printed after its article's transaction committed.
            imported |= {f"run {runs} item {n}" for n in range(6) if f"run {runs} item {n}" in out}
        kills += killed
    with Project.open(project) as opened:
        assert opened._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert opened._db.execute("PRAGMA foreign_key_check").fetchall() == []
        present = {i.text for b in opened.briefs() for i in b.items if i.text}
        assert headings <= present, headings - present
        titles = {s.title for s in opened.sources()}
        for tag in imported:
            assert f"Sample: the {tag} ferry returns" in titles, tag
        for source in opened.sources():  # nothing half-stored: every source has its sections
            assert source.sections, source.title
    assert kills >= KILLS and headings and imported
