"""`briefsmith-cli`: the domain's commands plus `export`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from brief import cli as brief_cli
from brief.compose import MissingExcerptError
from brief.document import SIZES, ExportOptions
from brief.errors import BriefsmithError
from brief.project import Project


def _add_export(sub: Any) -> None:
    p = sub.add_parser("export", help="write a brief as PDF or DOCX")
    p.add_argument("project", type=Path)
    p.add_argument("brief", type=int)
    p.add_argument("--format", choices=("pdf", "docx"), required=True)
    p.add_argument("--style", default="chicago", help="chicago, apa, mla, or a .csl file")
    p.add_argument("--notes", choices=("foot", "end"), default="foot")
    p.add_argument("--toc", action="store_true", help="add a contents page")
    p.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    p.add_argument(
        "--typeface",
        choices=("serif", "sans"),
        default="serif",
        help="the body's typeface: Noto Serif or Noto Sans (shipped with Briefsmith)",
    )
    p.add_argument(
        "--size", type=float, choices=SIZES, default=11.0, help="the body's size in points"
    )
    p.add_argument(
        "--mark-missing",
        action="store_true",
        help="export a brief whose excerpt lost its section, with a marker in its place",
    )
    p.add_argument(
        "--also-reported",
        action="store_true",
        help='under each excerpt, "Also reported by" the independent outlets of the project'
        " that state it too, each cited",
    )
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(run=_export)


def _export(args: argparse.Namespace) -> int:
    from exporters.service import export_brief

    options = ExportOptions(
        style=args.style,
        notes=args.notes,
        contents=args.toc,
        paper=args.paper,
        typeface=args.typeface,
        size=args.size,
        missing="mark" if args.mark_missing else "fail",
        also_reported=args.also_reported,
    )
    with Project.open(args.project, readonly=True) as project:
        try:
            result = export_brief(project, args.brief, args.output, args.format, options)
        except MissingExcerptError as exc:
            raise BriefsmithError(f"{exc} (--mark-missing exports the rest.)") from exc
        except OSError as exc:
            raise BriefsmithError(
                f"{args.output}: the file cannot be written ({exc.strerror or exc})."
            ) from exc
    print(f"{result.path}\t{result.notes} notes")
    if result.warning:
        print(f"warning: {result.warning}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return brief_cli.main(argv, extend=_add_export)


if __name__ == "__main__":
    sys.exit(main())
