"""Score read_html and read_text on the article-extraction benchmark, with its own scorer.

    python bench/extraction.py --data ../shared/benchmarks/article-extraction [--json OUT]

Prints F1, precision, recall, exact share and milliseconds per page for each importer.
The body scored is what Briefsmith keeps as the article's body: headings, paragraphs,
quotes and list items (captions, title and dateline are metadata, not body).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief.ingest import read_html, read_text  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "article-extraction"


def load_scorer(data: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("article_extraction_score", data / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def html_body(html: str, url: str) -> str:
    return "\n\n".join(read_html(html, url=url or None).body())


def text_body(text: str) -> str:
    return "\n\n".join(read_text(text).body())


def evaluate(data: Path, kind: str) -> dict[str, Any]:
    """Run one importer over every page; the score dict of score.py plus ms per page."""
    scorer = load_scorer(data)
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    predicted: dict[str, str] = {}
    elapsed = 0.0
    for key in sorted(truth):
        if kind == "html":
            page = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes()).decode()
            started = time.perf_counter()
            predicted[key] = html_body(page, truth[key].get("url", ""))
        else:
            page = (data / "pasted" / f"{key}.txt").read_text(encoding="utf-8")
            started = time.perf_counter()
            predicted[key] = text_body(page)
        elapsed += time.perf_counter() - started
    result: dict[str, Any] = scorer.score(truth, predicted)
    result["ms_per_page"] = 1000 * elapsed / len(truth)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not (args.data / "score.py").exists():
        print(f"no benchmark at {args.data}", file=sys.stderr)
        return 2
    read_text("Warm up the language model once, so that page one is not charged for it.")
    results = {kind: evaluate(args.data, kind) for kind in ("html", "pasted")}
    print("importer  pages  F1     precision  recall  exact  ms/page")
    for kind, r in results.items():
        name = "read_html" if kind == "html" else "read_text"
        print(
            f"{name:9} {r['pages']:5}  {r['f1']:.3f}  {r['precision']:.3f}      "
            f"{r['recall']:.3f}   {r['exact']:.3f}  {r['ms_per_page']:.1f}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
