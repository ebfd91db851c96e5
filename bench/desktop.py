"""The window at scale: start-up time, and search and memory on 10,000 sources.

    QT_QPA_PLATFORM=offscreen python bench/desktop.py [--sources 10000] [--sections 30]

Start-up is `briefsmith --quit-after-start` on the demo library, timed from the process's
start to a shown window (median of five). The large project is generated here (filler text,
no real news): it reports how long the library takes to list it, how long each keystroke of
search-as-you-type takes (query + model reset), selecting a source, how long working out an
excerpt's corroboration takes (the sample articles of tests/story are added to it, and each
of their paragraphs is looked up once, as the outline's badges and the panel ask), and the
memory used.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = [
    "harvest",
    "river",
    "freight",
    "border",
    "council",
    "ministry",
    "water",
    "school",
    "village",
    "price",
    "grain",
    "market",
    "season",
    "winter",
    "supply",
    "talks",
    "budget",
    "court",
    "elders",
    "canal",
    "drought",
    "flood",
]


def startup(runs: int = 5) -> float:
    times = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ,
            HOME=home,
            XDG_DATA_HOME=f"{home}/data",
            XDG_CONFIG_HOME=f"{home}/config",
            QT_QPA_PLATFORM="offscreen",
        )
        env.pop("BRIEFSMITH_DATA", None)
        command = [sys.executable, "-m", "desktop.app", "--quit-after-start"]
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)  # demo
        for _ in range(runs):
            env["BRIEFSMITH_LAUNCHED"] = repr(time.time())  # the window counts from here
            out = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True, check=True
            ).stdout
            times.append(float(out.split("started in ")[1].split(" s")[0]))
    return statistics.median(times)


def build(path: Path, sources: int, sections: int) -> None:
    from brief.ingest.article import build_article
    from brief.model import Origin, SectionKind, SourceMeta
    from brief.project import Project

    rng = random.Random(3)
    with Project.create(path) as project:
        for n in range(sources):
            meta = SourceMeta()
            meta.set("title", f"Report {n}: " + " ".join(rng.choices(WORDS, k=5)), Origin.FOUND)
            meta.set("publisher", f"Gazette {n % 40}", Origin.FOUND)
            meta.set(
                "published",
                f"20{10 + n % 15}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                Origin.INFERRED if n % 3 else Origin.FOUND,
            )
            blocks = [
                (
                    SectionKind.PARAGRAPH,
                    " ".join(rng.choices(WORDS, k=40)).capitalize() + f" Marker{n}x{k}.",
                )
                for k in range(sections)
            ]
            project.add_article(build_article(meta, blocks))
            if n % 1000 == 999:
                print(f"\r  built {n + 1} sources", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def add_samples(path: Path) -> list[int]:
    """The corroboration samples (tests/story) stored in the project: their paragraphs' ids."""
    from brief.ingest import read_text
    from brief.project import Project
    from tests import storygen

    ids = []
    with Project.open(path) as project:
        for story in storygen.corroboration_samples():
            source = project.add_article(read_text(story.pasted(), name=f"{story.name}.txt"))
            ids += list(storygen.paragraph_names(story, source.sections))
    return ids


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--sections", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(
        f"start-up, from launching the process to a shown window (demo library, median of "
        f"5): {startup():.2f} s"
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.brief"
        started = time.perf_counter()
        build(path, args.sources, args.sections)
        print(
            f"built {args.sources} sources, {args.sources * args.sections} sections in "
            f"{time.perf_counter() - started:.0f} s ({path.stat().st_size / 1e6:.0f} MB)"
        )
        samples = add_samples(path)
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from brief.project import Project
        from desktop.session import Session
        from desktop.window import MainWindow

        app = QApplication(sys.argv[:1])
        started = time.perf_counter()
        window = MainWindow(
            Session(Project.open(path)),
            QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat),
        )
        window.show()
        app.processEvents()
        print(
            f"window open on the large project: {time.perf_counter() - started:.2f} s "
            f"({window.library.sources.rowCount()} sources listed)"
        )
        library = window.library
        timings = []
        for text in (
            "h",
            "ha",
            "har",
            "harv",
            "harve",
            "harvest",
            "harvest r",
            "harvest ri",
            "harvest riv",
            "harvest river",
            "harvest river f",
            "harvest river fr",
        ):
            started = time.perf_counter()
            library.search.setText(text)
            library.run_search()
            app.processEvents()
            timings.append(1000 * (time.perf_counter() - started))
        print(
            f"search as you type, per keystroke (query, model, repaint): median "
            f"{statistics.median(timings):.0f} ms, worst {max(timings):.0f} ms "
            f"({len(library.sections.rows)} rows shown, the best 200)"
        )
        library.search.setText("")
        rows = [r.id for r in library.sources.rows[:: max(1, args.sources // 50)]]
        picks = []
        for source_id in rows:
            started = time.perf_counter()
            library.select_source(source_id)
            app.processEvents()
            picks.append(1000 * (time.perf_counter() - started))
        print(
            f"select a source (its sections, the reader): median "
            f"{statistics.median(picks):.0f} ms, worst {max(picks):.0f} ms"
        )
        looks = []
        for section_id in samples:
            started = time.perf_counter()
            window.session.support(section_id)
            looks.append(1000 * (time.perf_counter() - started))
        print(
            f"corroboration of an excerpt ({len(samples)} sample paragraphs, each once): "
            f"median {statistics.median(looks):.0f} ms, worst {max(looks):.0f} ms, first "
            f"{looks[0]:.0f} ms"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the process: {peak:.0f} MB")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
