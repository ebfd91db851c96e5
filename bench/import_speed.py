"""Import a folder of 1,000 pages in one go and report pages per second.

    python bench/import_speed.py --data ../shared/benchmarks/article-extraction [--pages 1000]

The benchmark's 139 HTML pages and 139 pasted texts are written out, in turn, until there
are --pages files (each copy marked so that none is skipped as a duplicate), then imported
into a new project with the same loop the CLI uses. It reports the time spent extracting
(reading files, cleaning, metadata) apart from the time spent storing in the project, and
within storing the time the story-family index takes (sketching each section, looking up
and checking its near-duplicates), the quotes (who said what) and the events (the days the
sections name) take: what each adds to an import without it. Every page is there three or
four times, so the index finds and checks a family for each of them.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief import rows  # noqa: E402
from brief.ingest import read_file  # noqa: E402
from brief.ingest.article import Article  # noqa: E402
from brief.progress import import_files  # noqa: E402
from brief.project import Project  # noqa: E402
from brief.story import dated, said  # noqa: E402
from brief.story import index as story_index  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "article-extraction"


def make_pages(data: Path, folder: Path, count: int) -> list[Path]:
    html = sorted((data / "html").glob("*.html.gz"))
    pasted = sorted((data / "pasted").glob("*.txt"))
    originals = [p for pair in zip(html, pasted, strict=True) for p in pair]
    paths = []
    for n in range(count):
        source = originals[n % len(originals)]
        if source.suffix == ".gz":
            target = folder / f"{n:05d}.html"
            body = gzip.decompress(source.read_bytes()) + f"\n<!-- copy {n} -->\n".encode()
        else:
            target = folder / f"{n:05d}.txt"
            body = source.read_bytes() + f"\n\ncopy {n}\n".encode()
        target.write_bytes(body)
        paths.append(target)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument(
        "--without-story-index",
        action="store_true",
        help="store without the story-family index, to compare an import with and without it",
    )
    parser.add_argument(
        "--without-quotes",
        action="store_true",
        help="store without finding the quotes, to compare an import with and without it",
    )
    parser.add_argument(
        "--without-events",
        action="store_true",
        help="store without finding the days sections name, to compare with and without it",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_pages(args.data, folder, args.pages)
        extract_seconds = 0.0
        index_seconds = 0.0
        index_sections = story_index.index_sections

        def timed_index(*call: Any) -> None:
            nonlocal index_seconds
            started = time.perf_counter()
            try:
                if not args.without_story_index:
                    index_sections(*call)
            finally:
                index_seconds += time.perf_counter() - started

        rows.index_sections = timed_index  # what Project.add_article calls
        quote_seconds = 0.0
        store_quotes = said.store_quotes

        def timed_quotes(*call: Any) -> None:
            nonlocal quote_seconds
            started = time.perf_counter()
            try:
                if not args.without_quotes:
                    store_quotes(*call)
            finally:
                quote_seconds += time.perf_counter() - started

        rows.store_quotes = timed_quotes
        event_seconds = 0.0
        store_events = dated.store_events

        def timed_events(*call: Any) -> None:
            nonlocal event_seconds
            started = time.perf_counter()
            try:
                if not args.without_events:
                    store_events(*call)
            finally:
                event_seconds += time.perf_counter() - started

        rows.store_events = timed_events

        def timed_read(path: Path) -> Article:
            nonlocal extract_seconds
            started = time.perf_counter()
            try:
                return read_file(path)
            finally:
                extract_seconds += time.perf_counter() - started

        started = time.perf_counter()
        errors = 0
        with Project.create(folder / "bench.brief") as project:
            for report in import_files(project, paths, timed_read):
                errors += bool(report.error)
                if report.done % 100 == 0 or report.done == report.total:
                    print(
                        f"\r{report.done}/{report.total} pages", end="", file=sys.stderr, flush=True
                    )
            sections = len(project.sections())
        total = time.perf_counter() - started
        size = (folder / "bench.brief").stat().st_size
    print(file=sys.stderr)
    store = total - extract_seconds
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"pages {args.pages}  imported {args.pages - errors}  errors {errors}  sections {sections}"
    )
    print(f"total {total:.1f} s  = {args.pages / total:.1f} pages/s")
    print(
        f"extracting {extract_seconds:.1f} s ({1000 * extract_seconds / args.pages:.1f} ms/page)"
        f"  storing {store:.1f} s ({1000 * store / args.pages:.2f} ms/page, "
        f"{100 * store / total:.1f}% of the total)"
    )
    print(
        f"story index {index_seconds:.1f} s ({1000 * index_seconds / args.pages:.2f} ms/page): "
        f"the import takes {100 * index_seconds / (total - index_seconds):.1f}% longer with it"
    )
    print(
        f"quotes {quote_seconds:.1f} s ({1000 * quote_seconds / args.pages:.2f} ms/page): "
        f"the import takes {100 * quote_seconds / (total - quote_seconds):.1f}% longer with them"
    )
    print(
        f"events {event_seconds:.1f} s ({1000 * event_seconds / args.pages:.2f} ms/page): "
        f"the import takes {100 * event_seconds / (total - event_seconds):.1f}% longer with them"
    )
    print(f"project file {size / 1e6:.1f} MB  peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
