"""PDF import measured on sample PDFs written with reportlab (tests/pdfgen.py): paragraph
precision, recall and F1 against the text put in (a paragraph counts when it comes back
whole), notes found, and the time to read a long report.

    .venv/bin/python bench/pdf.py [--seeds 10] [--pages 500]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from brief.ingest.files import read_bytes, read_file
from brief.model import SectionKind
from tests.pdfgen import Layout, make_pdf, sample
from tests.test_pdf_import import LAYOUTS


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def measure(layout: Layout, seeds: int) -> tuple[float, float, float, int, int]:
    matched = found = expected = notes_found = notes_put = 0
    for seed in range(100, 100 + seeds):
        made = sample(seed, 24, notes=4)
        article = read_bytes(make_pdf(made, layout), name="sample.pdf")
        put = [_norm(t) for t in made.body()]
        got = [_norm(s.text) for s in article.sections if s.kind is not SectionKind.NOTE]
        matched += sum(1 for text in got if text in put)
        found += len(got)
        expected += len(put)
        notes = [_norm(s.text) for s in article.sections if s.kind is SectionKind.NOTE]
        wanted = [_norm(f"{n} {t}") for n, t in enumerate(made.notes.values(), start=1)]
        notes_found += sum(1 for text in wanted if text in notes)
        notes_put += len(wanted)
    precision, recall = matched / max(found, 1), matched / max(expected, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return precision, recall, f1, notes_found, notes_put


def long_report(pages: int) -> tuple[int, float]:
    """Seconds to read a report of about `pages` pages (notes, running head, indents)."""
    made = sample(7, pages * 19 // 2, notes=pages)
    data = make_pdf(made, Layout(running_head="Annual report", indent_first_line=True))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.pdf"
        path.write_bytes(data)
        heard: list[int] = []
        started = time.perf_counter()
        read_file(path, progress=lambda done, total: heard.append(total))
        return heard[-1], time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()
    print(f"{'layout':48} {'P':>6} {'R':>6} {'F1':>6}  notes")
    for name, layout in LAYOUTS.items():
        p, r, f1, found, put = measure(layout, args.seeds)
        print(f"{name:48} {p:6.3f} {r:6.3f} {f1:6.3f}  {found}/{put}")
    pages, seconds = long_report(args.pages)
    print(f"a {pages}-page report: read in {seconds:.2f} s ({pages / seconds:.0f} pages/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
