"""`briefsmith-cli`: import articles and read a project without the window."""

from __future__ import annotations

import argparse
import itertools
import json
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from brief.atomic import write_text_atomically
from brief.compose import pinpoint
from brief.errors import ArticleImportError, BriefsmithError
from brief.ingest.files import SUPPORTED_SUFFIXES, read_file
from brief.ingest.web import is_web_address, read_page
from brief.model import ItemKind, OutlineItem
from brief.progress import ImportReport, import_files, store_once
from brief.project import Project
from brief.projectfile import storage_error
from brief.reference_import import LABELS, read_reference_file, updates_for
from brief.references import FORMATS, references


def main(argv: Sequence[str] | None = None, extend: Callable[[Any], None] | None = None) -> int:
    """Run the CLI; `extend` may add subcommands (the exporters add `export`)."""
    parser, sub = build_parser()
    if extend is not None:
        extend(sub)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except BriefsmithError as exc:
        print(f"briefsmith-cli: {exc}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:  # a read that met a damaged page, say
        project = getattr(args, "project", None)
        mapped = storage_error(Path(project), exc) if project is not None else None
        print(f"briefsmith-cli: {mapped or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefsmith-cli: interrupted; everything imported so far is saved.", file=sys.stderr)
        return 130


def build_parser() -> tuple[argparse.ArgumentParser, Any]:
    parser = argparse.ArgumentParser(
        prog="briefsmith-cli",
        description="Import articles into a Briefsmith project, read it, and compose briefs.",
    )
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    p = sub.add_parser(
        "import", help="import files, folders or web pages (the project is created if missing)"
    )
    p.add_argument("project", type=Path)
    p.add_argument("files", nargs="+", metavar="FILE_OR_URL")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument(
        "--password", metavar="PASSWORD", help="the password of the encrypted PDFs imported"
    )
    p.set_defaults(run=_import)

    p = sub.add_parser("recover", help="copy what can be read of a damaged project into a new one")
    p.add_argument("project", type=Path, metavar="DAMAGED")
    p.add_argument("target", type=Path, metavar="NEW")
    p.set_defaults(run=_recover)

    p = sub.add_parser("sources", help="list the project's sources, or write them as references")
    p.add_argument("project", type=Path)
    shape = p.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="the list as JSON")
    shape.add_argument(
        "--format",
        choices=list(FORMATS),
        help="the sources as references for Zotero, LaTeX or EndNote",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the references to FILE")
    p.set_defaults(run=_sources)

    p = sub.add_parser(
        "update-sources",
        help="fill sources' metadata from a reference manager's CSL JSON, BibTeX or RIS file",
        description="Sources are matched to references by URL or DOI. Without --yes the "
        "changes are only listed.",
    )
    p.add_argument("project", type=Path)
    p.add_argument("references", type=Path, metavar="FILE")
    p.add_argument("--yes", action="store_true", help="apply the changes listed")
    p.set_defaults(run=_update_sources)

    p = sub.add_parser("sections", help="list sections, of one source or matching words")
    p.add_argument("project", type=Path)
    p.add_argument("--source", type=int, metavar="ID")
    p.add_argument("--search", metavar="WORDS")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_sections)

    p = sub.add_parser("brief", help="make and arrange briefs")
    brief_sub = p.add_subparsers(required=True, metavar="ACTION")
    q = brief_sub.add_parser("new", help="make a brief; prints its id")
    q.add_argument("project", type=Path)
    q.add_argument("title")
    q.add_argument("--subtitle", default="")
    q.add_argument("--author", default="")
    q.add_argument("--date", default="")
    q.set_defaults(run=_brief_new)
    q = brief_sub.add_parser("add", help="append a heading, excerpts or a note")
    q.add_argument("project", type=Path)
    q.add_argument("brief", type=int)
    what = q.add_mutually_exclusive_group(required=True)
    what.add_argument("--heading", metavar="TEXT")
    what.add_argument("--section", type=int, nargs="+", metavar="ID")
    what.add_argument("--note", metavar="TEXT")
    q.add_argument("--level", type=int, default=1, choices=(1, 2, 3))
    q.set_defaults(run=_brief_add)
    q = brief_sub.add_parser("show", help="print a brief's outline")
    q.add_argument("project", type=Path)
    q.add_argument("brief", type=int)
    q.set_defaults(run=_brief_show)
    q = brief_sub.add_parser("list", help="list the project's briefs")
    q.add_argument("project", type=Path)
    q.set_defaults(run=_brief_list)
    return parser, sub


def _recover(args: argparse.Namespace) -> int:
    from brief.recover import recover

    report = recover(args.project, args.target)
    print(f"{args.target}: {report.summary()}")
    return 0


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and what inside folders is named like an article, in name order. A pipe,
    device or broken link named like one is listed too, so that its refusal is reported
    rather than it being passed over in silence."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUPPORTED_SUFFIXES and not p.is_dir()
            )
        else:
            yield path


def _import(args: argparse.Namespace) -> int:
    urls = [item for item in args.files if is_web_address(item)]
    files = list(expand(Path(item) for item in args.files if item not in urls))
    total = len(files) + len(urls)
    started = time.perf_counter()
    failures = 0
    with Project.open(args.project, create=True) as project:
        reports = itertools.chain(
            import_files(project, files, read=partial(read_file, password=args.password)),
            _import_urls(project, urls, first=len(files) + 1, total=total),
        )
        for report in reports:
            if not args.quiet and total > 1:
                print(f"[{report.done}/{total}]", end=" ", file=sys.stderr, flush=True)
            if report.error:
                failures += 1
                hint = ""
                if "protected by a password" in report.error and args.password is None:
                    hint = " (give it with --password)"
                elif "password is not right" in report.error:
                    hint = " (check --password)"
                print(f"error: {report.error}{hint}", file=sys.stderr)
            else:
                print(_import_line(report))
    if not args.quiet and total > 1:
        seconds = time.perf_counter() - started
        print(
            f"{total - failures} of {total} imported in {seconds:.1f} s "
            f"({total / max(seconds, 1e-9):.1f} files/s)",
            file=sys.stderr,
        )
    return 1 if failures else 0


def _import_urls(
    project: Project, urls: list[str], *, first: int, total: int
) -> Iterator[ImportReport]:
    """Fetch and import each page; only here, asked for by name, does the CLI use the network."""
    for done, url in enumerate(urls, start=first):
        report = ImportReport(path=Path(url), done=done, total=total)
        try:
            report.source, report.duplicate = store_once(project, read_page(url))
        except ArticleImportError as exc:
            report.error = str(exc)
        yield report


def _import_line(report: ImportReport) -> str:
    source = report.source
    assert source is not None
    meta = source.meta
    note = " (already in the project)" if report.duplicate else ""
    return (
        f"{source.id}\t{meta.title or '(untitled)'}\t{meta.publisher or '-'}\t"
        f"{meta.published or '-'}\t{len(source.sections)} sections kept\t"
        f"{source.junk_lines} lines removed{note}"
    )


def _update_sources(args: argparse.Namespace) -> int:
    items = read_reference_file(args.references)
    if not args.project.exists():
        raise BriefsmithError(f"{args.project}: there is no project of that name.")
    with Project.open(args.project, readonly=not args.yes) as project:
        updates = updates_for(project.sources(), items)
        for update in updates:
            print(f"source {update.source_id} “{update.source_title}” (by {update.matched_by}):")
            for change in update.changes:
                print(f"  {LABELS[change.field]}: {_shown(change.old)} → {_shown(change.new)}")
        if not updates:
            print(f"No source matches a reference of {args.references.name} with new metadata.")
            return 0
        noun = "source" if len(updates) == 1 else "sources"
        if not args.yes:
            print(f"Nothing was changed: run again with --yes to update {len(updates)} {noun}.")
            return 0
        project.update_metas({u.source_id: u.values() for u in updates})
        print(f"Updated {len(updates)} {noun}.")
    return 0


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "(none)"
    return f"“{value}”" if value else "(none)"


def _sources(args: argparse.Namespace) -> int:
    if args.output is not None and args.format is None:
        raise BriefsmithError("--output writes references: name their --format too.")
    with _open_existing(args.project) as project:
        sources = project.sources()
        if args.format:
            text = references(sources, args.format)
            if args.output is None:
                sys.stdout.write(text)
            else:
                write_text_atomically(args.output, text)
                print(f"{args.output}: {len(sources)} references ({args.format})")
        elif args.json:
            print(
                json.dumps(
                    [
                        {
                            "id": s.id,
                            "title": s.meta.title,
                            "authors": s.meta.authors,
                            "publisher": s.meta.publisher,
                            "published": s.meta.published,
                            "url": s.meta.url,
                        }
                        for s in sources
                    ],
                    ensure_ascii=False,
                    indent=1,
                )
            )
        else:
            for s in sources:
                print(
                    f"{s.id}\t{s.meta.title or '(untitled)'}\t{s.meta.publisher or '-'}\t"
                    f"{s.meta.published or '-'}\t{len(s.sections)} sections"
                )
    return 0


def _sections(args: argparse.Namespace) -> int:
    with _open_existing(args.project) as project:
        if args.search:
            sections = [hit.section for hit in project.search(args.search, source_id=args.source)]
        else:
            if args.source is not None:
                project.source(args.source)  # a clear error for an unknown id
            sections = project.sections(args.source)
        if args.json:
            print(
                json.dumps(
                    [
                        {"id": s.id, "source_id": s.source_id, "kind": s.kind.value, "text": s.text}
                        for s in sections
                    ],
                    ensure_ascii=False,
                    indent=1,
                )
            )
        else:
            for s in sections:
                print(f"{s.id}\t{s.source_id}\t{s.kind.value}\t{s.text}")
    return 0


def _brief_new(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        brief = project.new_brief(
            args.title, subtitle=args.subtitle, author=args.author, date=args.date
        )
    print(brief.id)
    return 0


def _brief_add(args: argparse.Namespace) -> int:
    if args.heading is not None:
        items = [OutlineItem(ItemKind.HEADING, args.heading, level=args.level)]
    elif args.note is not None:
        items = [OutlineItem(ItemKind.NOTE, args.note)]
    else:
        items = [OutlineItem(ItemKind.EXCERPT, section_id=i) for i in args.section]
    with Project.open(args.project) as project:
        project.insert_items(args.brief, items)
    return 0


def _brief_show(args: argparse.Namespace) -> int:
    with _open_existing(args.project) as project:
        brief = project.brief(args.brief)
        print(f"# {brief.title}" + (f" — {brief.subtitle}" if brief.subtitle else ""))
        for item in brief.items:
            if item.kind is ItemKind.HEADING:
                print(f"{item.position}\t{'#' * (item.level + 1)} {item.text}")
            elif item.kind is ItemKind.NOTE:
                print(f"{item.position}\tnote: {item.text}")
            else:
                section = project.section(item.section_id or 0)
                source = project.source(section.source_id or 0)
                text = section.text if len(section.text) <= 90 else section.text[:89] + "…"
                point = pinpoint(source, section.id or 0)
                title = source.meta.title or "untitled"
                where = f"{title}, {point}" if point is not None else title
                print(f"{item.position}\texcerpt {section.id} ({where}): {text}")
    return 0


def _brief_list(args: argparse.Namespace) -> int:
    with _open_existing(args.project) as project:
        for brief in project.briefs():
            print(f"{brief.id}\t{brief.title}\t{len(brief.items)} items")
    return 0


def _open_existing(path: Path) -> Project:
    """Listing commands only read, so they work while a window has the project open."""
    return Project.open(path, readonly=True)


if __name__ == "__main__":
    sys.exit(main())
