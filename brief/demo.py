"""The demo library: a project built from the sample articles in `data/`."""

from __future__ import annotations

from pathlib import Path

from brief.ingest.files import SUPPORTED_SUFFIXES, read_file
from brief.model import ItemKind, OutlineItem
from brief.progress import import_files
from brief.project import Project, default_projects_dir

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEMO_NAME = "Demo library.brief"


def sample_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(p for p in data_dir.glob("sample-*") if p.suffix in SUPPORTED_SUFFIXES)


def build_demo(path: Path, data_dir: Path = DATA_DIR) -> Path:
    """Create the demo project at `path` with every sample article and a starter brief."""
    with Project.create(path) as project:
        errors = [
            r.error for r in import_files(project, sample_files(data_dir), read_file) if r.error
        ]
        if errors:
            raise RuntimeError("the demo library did not import: " + "; ".join(errors))
        brief = project.new_brief(
            "Rivers, grain and power: a sample brief",
            subtitle="Made from the demo library",
            author="Briefsmith",
        )
        sections = project.sections()

        def excerpt(start: str) -> OutlineItem:
            section = next(s for s in sections if s.text.startswith(start))
            return OutlineItem(ItemKind.EXCERPT, section_id=section.id)

        items = [
            OutlineItem(ItemKind.HEADING, "Rivers and freight", level=1),
            excerpt("Grain growers upriver"),
            excerpt("We lost two seasons"),
            excerpt("Millers welcomed the fall"),
            OutlineItem(
                ItemKind.NOTE,
                "Prices and freight move together here; check the dates before comparing them.",
            ),
            OutlineItem(ItemKind.HEADING, "Water upstream", level=2),
            excerpt("Farmers in the upper valley"),
            OutlineItem(ItemKind.HEADING, "Power", level=1),
            excerpt("For six evenings in a row"),
            OutlineItem(ItemKind.HEADING, "Schools", level=1),
            excerpt("One mother wrote"),
            excerpt("A poster in Pashto"),
        ]
        project.insert_items(brief.id or 0, items)
    return path


def ensure_demo_project(folder: Path | None = None) -> Path:
    """The demo project in the user's data folder, built on first use."""
    folder = folder or default_projects_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_NAME
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build_demo(partial)
        partial.replace(path)  # never leave a half-built demo where the app looks for it
    return path
