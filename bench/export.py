"""Time the exporters on a brief of 500 excerpts from 100 sources (500 notes, ~150 pages).

    python bench/export.py [--excerpts 500] [--sources 100]

In the same run pandoc makes a DOCX with the same text and footnotes from Markdown, as the
yardstick. The sample sources are generated here (deterministic filler text, no real news).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief.citations import pandoc_path  # noqa: E402
from brief.compose import build_document  # noqa: E402
from brief.document import ExportOptions, plain  # noqa: E402
from brief.ingest.article import build_article  # noqa: E402
from brief.model import ItemKind, Origin, OutlineItem, SectionKind, SourceMeta  # noqa: E402
from brief.project import Project  # noqa: E402
from exporters.docx import export_docx  # noqa: E402
from exporters.pdf import export_pdf  # noqa: E402

WORDS = [
    "the",
    "council",
    "port",
    "river",
    "grain",
    "price",
    "freight",
    "valley",
    "report",
    "official",
    "said",
    "week",
    "data",
    "market",
    "season",
    "road",
    "border",
    "water",
    "school",
    "village",
    "region",
    "analysts",
    "expect",
    "rise",
    "fall",
    "agreement",
    "talks",
    "supply",
    "winter",
    "harvest",
    "budget",
    "ministry",
    "court",
    "elders",
    "canal",
]


def make_project(path: Path, sources: int, excerpts: int) -> int:
    rng = random.Random(7)
    with Project.create(path) as project:
        section_ids: list[int] = []
        for n in range(sources):
            meta = SourceMeta()
            meta.set(
                "title", f"Sample report {n}: " + " ".join(rng.choices(WORDS, k=6)), Origin.FOUND
            )
            meta.set("authors", [f"Writer{n} Sample"], Origin.FOUND)
            meta.set("publisher", f"Sample Gazette {n % 12}", Origin.FOUND)
            meta.set("published", f"2024-{n % 12 + 1:02d}-{n % 27 + 1:02d}", Origin.FOUND)
            meta.set("url", f"https://news.example/{n}", Origin.FOUND)
            meta.set("accessed", "2024-10-01", Origin.FOUND)
            paragraphs = [
                " ".join(rng.choices(WORDS, k=110)).capitalize() + "."
                for _ in range(excerpts // sources + 1)
            ]
            source = project.add_article(
                build_article(meta, [(SectionKind.PARAGRAPH, p) for p in paragraphs])
            )
            section_ids += [s.id or 0 for s in source.sections]
        brief = project.new_brief("Benchmark brief", author="Briefsmith bench")
        items = []
        for n, section_id in enumerate(rng.sample(section_ids, excerpts)):
            if n % 25 == 0:
                items.append(OutlineItem(ItemKind.HEADING, f"Part {n // 25 + 1}"))
            items.append(OutlineItem(ItemKind.EXCERPT, section_id=section_id))
        project.insert_items(brief.id or 0, items)
        return brief.id or 0


def timed(label: str, action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    print(f"{label:42} {seconds:6.2f} s")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--excerpts", type=int, default=500)
    parser.add_argument("--sources", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        brief_id = make_project(folder / "bench.brief", args.sources, args.excerpts)
        with Project.open(folder / "bench.brief", readonly=True) as project:
            documents = {}
            build = timed(
                "document + citations (pandoc citeproc)",
                lambda: documents.update(
                    plain=build_document(project, brief_id, ExportOptions()),
                    toc=build_document(project, brief_id, ExportOptions(contents=True)),
                ),
            )
        document = documents["plain"]
        docx_s = timed(
            "DOCX (python-docx + footnotes part)",
            lambda: export_docx(document, folder / "brief.docx"),
        )
        pdf_s = timed(
            "PDF (reportlab, notes at the page foot)",
            lambda: export_pdf(document, folder / "brief.pdf"),
        )
        toc_s = timed(
            "PDF with a contents page (two passes)",
            lambda: export_pdf(documents["toc"], folder / "brief-toc.pdf"),
        )
        markdown = [f"# {document.title}", ""]
        for block in document.blocks:
            text = plain(block.runs)
            if hasattr(block, "anchor"):
                markdown += [f"## {text}", ""]
            elif getattr(block, "note", None) is not None:
                markdown += [f"> {text}[^{block.note.number}]", ""]  # type: ignore[union-attr]
        markdown += [f"[^{n.number}]: {plain(n.runs)}" for n in document.notes]
        source = folder / "brief.md"
        source.write_text("\n".join(markdown), encoding="utf-8")
        pandoc_s = timed(
            "pandoc, same text and footnotes, to DOCX",
            lambda: subprocess.run(
                [pandoc_path(), str(source), "-o", str(folder / "pandoc.docx")], check=True
            ),
        )
        import pypdf

        pages = len(pypdf.PdfReader(folder / "brief.pdf").pages)
    print(
        f"\n{args.excerpts} excerpts, {len(document.notes)} notes, {pages} PDF pages; "
        f"citations formatted in {build / 2:.2f} s per document"
    )
    print(
        f"DOCX / pandoc = {docx_s / pandoc_s:.2f}   PDF / pandoc = {pdf_s / pandoc_s:.2f}   "
        f"PDF with contents / pandoc = {toc_s / pandoc_s:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
