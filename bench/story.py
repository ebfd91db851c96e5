"""Story families measured on the sample articles of tests/story and the copies
tests/storygen.py makes of them (reposts, wire pickups, light rewrites), over several seeds.

    python bench/story.py [--seeds 10]

Family grouping is scored pair by pair: two sources in one family that come from one sample
are right, two in one family from different samples are wrong, two from one sample left
apart are missed. Originals: the sample itself named (right), a copy named (wrong), or no
original named because the text does not tell (unknown). The time the index adds to an
import is measured by bench/import_speed.py on the 1,000-page import benchmark.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief.ingest import read_text  # noqa: E402
from brief.project import Project  # noqa: E402
from tests import storygen  # noqa: E402


def score(seed: int) -> dict[str, float]:
    stories = storygen.families(seed)
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "s.brief") as project:
        started = time.perf_counter()
        stored = {
            project.add_article(read_text(s.pasted(), name=f"{s.name}.txt")).id: s for s in stories
        }
        seconds = time.perf_counter() - started
        families = project.families()
    counts = dict.fromkeys(("tp", "fp", "fn", "right", "wrong", "unknown"), 0)
    for a, b in itertools.combinations(stored, 2):
        same = stored[a].origin == stored[b].origin
        found = a in families and families[a] is families.get(b)
        counts["tp"] += same and found
        counts["fp"] += found and not same
        counts["fn"] += same and not found
    for family in {id(f): f for f in families.values()}.values():
        if family.original is None:
            counts["unknown"] += 1
        elif stored[family.original].name == stored[family.original].origin:
            counts["right"] += 1
        else:
            counts["wrong"] += 1
    return {**counts, "sources": len(stored), "seconds": seconds}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args()
    total: dict[str, float] = {}
    print("seed  sources  pairs P  pairs R  originals right/wrong/unknown  import ms/source")
    for seed in range(args.seeds):
        r = score(seed)
        for key, value in r.items():
            total[key] = total.get(key, 0) + value
        p = r["tp"] / (r["tp"] + r["fp"]) if r["tp"] + r["fp"] else 1.0
        rec = r["tp"] / (r["tp"] + r["fn"]) if r["tp"] + r["fn"] else 1.0
        print(
            f"{seed:4d}  {r['sources']:7.0f}  {p:7.3f}  {rec:7.3f}  "
            f"{r['right']:5.0f} / {r['wrong']:.0f} / {r['unknown']:.0f}"
            f"{1000 * r['seconds'] / r['sources']:27.1f}"
        )
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    print(
        f"all   pairs: precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f}"
        f" ({tp:.0f} right, {fp:.0f} wrong, {fn:.0f} missed); originals: {total['right']:.0f}"
        f" right, {total['wrong']:.0f} wrong, {total['unknown']:.0f} not told by the text"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
