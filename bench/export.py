"""Time the exporters on a brief of 500 excerpts from 100 sources (500 notes, ~150 pages).

    python bench/export.py [--excerpts 500] [--sources 100]

End to end (`briefsmith-cli export`, process start included) against pandoc making a DOCX
with the same citations from Markdown with its own --citeproc, as the yardstick; then the
writers alone in one process, and a 1 MB paragraph. The sample sources are generated here
(deterministic filler text, no real news).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief.citations import STYLES_DIR as STYLES  # noqa: E402
from brief.citations import pandoc_path  # noqa: E402
from brief.compose import build_document  # noqa: E402
from brief.document import ExportOptions  # noqa: E402
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


def cli(*args: str) -> None:
    """`briefsmith-cli ARGS` as a user runs it: a process of its own, start-up included."""
    subprocess.run([sys.executable, "-m", "exporters.cli", *args], cwd=ROOT, check=True)


def pandoc_markdown(project: Project, brief_id: int, folder: Path) -> tuple[Path, Path]:
    """The brief as Markdown citing each excerpt `[@sN, para. M]` (or `p. M`), with its
    references as CSL JSON: what pandoc needs to make the same DOCX with its own citeproc."""
    from brief.citations import csl_item
    from brief.compose import pinpoint

    brief = project.brief(brief_id)
    lines = [f"# {brief.title}", ""]
    items = {}
    for item in brief.items:
        if item.kind is ItemKind.HEADING:
            lines += [f"## {item.text}", ""]
        elif item.kind is ItemKind.EXCERPT and item.section_id:
            section = project.section(item.section_id)
            source = project.source(section.source_id or 0)
            items[source.id] = csl_item(source)
            point = pinpoint(source, item.section_id)
            lines += [f"> {section.text} [@s{source.id}, {point}]", ""]
    markdown = folder / "brief.md"
    markdown.write_text("\n".join(lines), encoding="utf-8")
    references = folder / "references.json"
    references.write_text(json.dumps(list(items.values()), ensure_ascii=False), encoding="utf-8")
    return markdown, references


def long_paragraph(folder: Path) -> float:
    """A 1 MB paragraph to PDF (reportlab's Paragraph alone is quadratic in its length)."""
    from brief.document import Document, Paragraph, Run

    text = " ".join(f"word{n}" for n in range(150_000))
    document = Document(title="Long", blocks=[Paragraph([Run(text)])])
    return timed(
        f"PDF of one {len(text) / 1e6:.1f} MB paragraph",
        lambda: export_pdf(document, folder / "long.pdf"),
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--excerpts", type=int, default=500)
    parser.add_argument("--sources", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project_path = folder / "bench.brief"
        brief_id = make_project(project_path, args.sources, args.excerpts)
        with Project.open(project_path, readonly=True) as project:
            markdown, references = pandoc_markdown(project, brief_id, folder)
            document = build_document(project, brief_id, ExportOptions())
        base = ("export", str(project_path), str(brief_id))
        print("End to end, as a user meets it (process start included):")
        docx_s = timed(
            "briefsmith-cli export --format docx",
            lambda: cli(*base, "--format", "docx", "-o", str(folder / "brief.docx")),
        )
        pdf_s = timed(
            "briefsmith-cli export --format pdf",
            lambda: cli(*base, "--format", "pdf", "-o", str(folder / "brief.pdf")),
        )
        toc_s = timed(
            "briefsmith-cli export --format pdf --toc",
            lambda: cli(*base, "--format", "pdf", "--toc", "-o", str(folder / "toc.pdf")),
        )
        csl = STYLES / "chicago.csl"
        pandoc_s = timed(
            "pandoc --citeproc, Markdown to DOCX",
            lambda: subprocess.run(
                [
                    pandoc_path(),
                    str(markdown),
                    "--citeproc",
                    f"--csl={csl}",
                    f"--bibliography={references}",
                    "-o",
                    str(folder / "pandoc.docx"),
                ],
                check=True,
            ),
        )
        print("\nIn one process:")
        in_docx = timed("DOCX writer", lambda: export_docx(document, folder / "w.docx"))
        in_pdf = timed("PDF writer", lambda: export_pdf(document, folder / "w.pdf"))
        long_paragraph(folder)
        import pypdf

        pages = len(pypdf.PdfReader(folder / "brief.pdf").pages)
    print(f"\n{args.excerpts} excerpts, {len(document.notes)} notes, {pages} PDF pages")
    print(
        f"DOCX / pandoc = {docx_s / pandoc_s:.2f}   PDF / pandoc = {pdf_s / pandoc_s:.2f}   "
        f"PDF with contents / pandoc = {toc_s / pandoc_s:.2f}"
    )
    del in_docx, in_pdf
    return 0


if __name__ == "__main__":
    sys.exit(main())
