"""Sample sources and briefs for the exporter tests (invented, written for these tests)."""

from __future__ import annotations

from brief.ingest.article import build_article
from brief.model import ItemKind, Origin, OutlineItem, SectionKind, SourceMeta
from brief.project import Project

PERSIAN = (
    "ما درس می‌خوانیم، چون فردا از آن ماست. معلمان در سه ولایت درس‌ها را در خانه‌ها برگزار می‌کنند."
)
PASHTO = "زده کړه زموږ حق دی او هیڅوک یې نشي اخیستلای. ښوونکي وايي چې د لوړو ټولګیو کتابونه نشته."

SOURCES = {
    "one_author": dict(
        title="River port reopens after two years of dredging",
        authors=["Amara Okafor"],
        publisher="The Meridian Ledger",
        published="2024-03-14",
        url="https://ledger.example/river-port",
        accessed="2024-04-02",
    ),
    "two_authors": dict(
        title="Wheat prices slide as harvest forecasts rise",
        authors=["Priya Raman", "Ken Ito"],
        publisher="Harvest Wire",
        published="2024-06-04",
    ),
    "no_author": dict(
        title="Ferry strike called off", publisher="Coastal Times", published="2023-11-02"
    ),
    "non_latin_author": dict(
        title="درس در خانه",
        authors=["محمد رحیمی"],
        publisher="Kabul Weekly Magazine",
        published="2024-03-22",
    ),
    "no_date_url": dict(
        title="Battery farm keeps the lights on",
        url="https://energy.example/" + "long-path-segment/" * 16 + "end",
        accessed="2024-07-20",
    ),
}


def add_source(project: Project, key: str, paragraphs: list[str], language: str = "en") -> int:
    meta = SourceMeta()
    for name, value in SOURCES[key].items():
        meta.set(name, value, Origin.FOUND)
    meta.set("language", language, Origin.FOUND)
    article = build_article(meta, [(SectionKind.PARAGRAPH, p) for p in paragraphs])
    return project.add_article(article).id or 0


def source_with(project: Project, paragraphs: list[str] | None = None, **fields: object):
    """A stored source with exactly these metadata fields (found on the page) and paragraphs."""
    meta = SourceMeta()
    for name, value in fields.items():
        meta.set(name, value, Origin.FOUND)
    blocks = [(SectionKind.PARAGRAPH, p) for p in paragraphs or ["Text."]]
    return project.add_article(build_article(meta, blocks))


def sample_brief(project: Project, *, extra_notes: bool = True) -> int:
    """Headings, excerpts from every sample source (Persian and Pashto among them), notes."""
    ids = {
        key: add_source(
            project,
            key,
            [
                f"{key} paragraph {n}: "
                + SOURCES[key]["title"]
                + " — sample text written for the tests."
                for n in range(1, 4)
            ],
        )
        for key in SOURCES
    }
    fa = add_source(project, "non_latin_author", [PERSIAN, PASHTO], language="fa")
    brief = project.new_brief(
        "Sample brief for the tests",
        subtitle="Exports read back",
        author="Test Author",
        date="2024-08-01",
    )
    items = [OutlineItem(ItemKind.HEADING, "Ports and prices", level=1)]
    for key in ("one_author", "two_authors", "no_author"):
        section = project.sections(ids[key])[1]
        items.append(OutlineItem(ItemKind.EXCERPT, section_id=section.id))
    items.append(OutlineItem(ItemKind.HEADING, "Repeated citations", level=2))
    first, second = project.sections(ids["one_author"])[:2]
    items += [
        OutlineItem(ItemKind.EXCERPT, section_id=first.id),
        OutlineItem(ItemKind.EXCERPT, section_id=second.id),
    ]
    if extra_notes:
        items.append(OutlineItem(ItemKind.NOTE, "An analyst's note between two citations."))
    items.append(OutlineItem(ItemKind.EXCERPT, section_id=second.id))
    items.append(OutlineItem(ItemKind.HEADING, "Schools", level=1))
    persian, pashto = project.sections(fa)
    items += [
        OutlineItem(ItemKind.EXCERPT, section_id=persian.id),
        OutlineItem(ItemKind.EXCERPT, section_id=pashto.id),
        OutlineItem(ItemKind.EXCERPT, section_id=project.sections(ids["no_date_url"])[0].id),
    ]
    project.insert_items(brief.id or 0, items)
    return brief.id or 0
