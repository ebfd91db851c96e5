"""`briefsmith`: the desktop app's entry point.

The window itself is the next piece of work; until it lands, this prepares the demo library
(or the project named on the command line) and says plainly what the window will do.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from brief.demo import ensure_demo_project
from brief.errors import BriefsmithError
from brief.project import Project


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        path = Path(args[0]) if args else ensure_demo_project()
        with Project.open(path) as project:
            sources, briefs = project.sources(), project.briefs()
    except BriefsmithError as exc:
        print(f"briefsmith: {exc}", file=sys.stderr)
        return 1
    print(f"Briefsmith: project {path}")
    print(
        f"  {len(sources)} sources, "
        f"{sum(len(s.sections) for s in sources)} sections, {len(briefs)} brief(s):"
    )
    for source in sources:
        publisher = source.meta.publisher or "no publisher"
        print(f"  - {source.meta.title or '(untitled)'} ({publisher})")
    print("The window (browse and search sections, drag them into a brief, export PDF and DOCX)")
    print("is not built yet; it will open this project. Meanwhile use the command line:")
    print(f"  briefsmith-cli sources '{path}'")
    print(f"  briefsmith-cli sections '{path}' --search WORDS")
    print(f"  briefsmith-cli import '{path}' FILE...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
