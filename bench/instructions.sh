#!/usr/bin/env bash
# Instructions a pasted page costs read_text, counted by valgrind (Debian's valgrind package),
# a figure the machine's speed does not move (its pages-a-second figure moves by a fifth
# within the hour): a process reading every benchmark page once, then twice; the difference
# over 139 pages is one warm page's count.
#     bench/instructions.sh [LAYOUT] [DATA]     (LAYOUT of bench/extraction.py's LAYOUTS)
set -euo pipefail
cd "$(dirname "$0")/.."
layout=${1:-single-breaks}
data=${2:-../shared/benchmarks/article-extraction}
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python - "$1" "$layout" "$data" <<'PY' 2>&1 | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
import json, sys
from pathlib import Path
sys.path.insert(0, "bench")
import extraction
from brief.ingest import read_text
passes, layout, data = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
pages = [
    extraction.LAYOUTS[layout]((data / "pasted" / f"{key}.txt").read_text(encoding="utf-8"), truth[key]["articleBody"])
    for key in sorted(truth)
]
for _ in range(passes):
    for page in pages:
        read_text(page)
PY
}
pages=$(.venv/bin/python -c "import json, sys; print(len(json.load(open(sys.argv[1]))))" "$data/ground-truth.json")
once=$(count 1)
twice=$(count 2)
echo "$layout: $(( (twice - once) / pages / 1000 )) thousand instructions a page (valgrind --tool=callgrind)"
