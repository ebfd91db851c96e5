"""Random briefs for the exporters' property tests: every script, and the text that breaks
typesetters (markup, entities, control characters, bidi marks, joiners, emoji sequences,
very long paragraphs and URLs, organisations as authors). Invented text, no real news."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from hypothesis import strategies as st

from brief.ingest.article import build_article
from brief.model import ItemKind, Origin, OutlineItem, SectionKind, SourceMeta
from brief.project import Project

# A few letters of each script a news brief may quote (one script per word).
SCRIPTS = {
    "latin": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàéîõüçñßøåœ",
    "greek": "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕ",
    "cyrillic": "абвгдежзийклмнопрстуфхцчшщыэюяЖЩЯ",
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "persian": "پچژگکیآابتسشمنوهرد",
    "pashto": "ټډړږښځڅڼګۍېکلمنوي",
    "hebrew": "אבגדהוזחטיכלמנסעפצקרשת",
    "devanagari": "कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह",
    "armenian": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
    "georgian": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "thai": "กขคงจฉชซญดตถทนบปผพฟมยรลวสหอ",
    "cjk": "中文新闻报道记者北京上海日本語東京韓国",
    "hangul": "한국어뉴스기자서울부산",
    "ethiopic": "ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ",
    "digits": "0123456789",
}

# Characters and strings that have broken typesetters and XML writers.
AWKWARD = [
    "<",
    ">",
    "&",
    "&amp;",
    "&nbsp;",
    "&#160;",
    "</para>",
    "<para>",
    "<b>bold</b>",
    "<i>unclosed",
    '<font name="x">',
    "<onDraw name=x/>",
    '<img src="/etc/passwd"/>',
    '<a href="file:///etc/passwd">link</a>',
    "]]>",
    "\\",
    "{}",
    "%",
    "$",
    "\t",
    "\x00",
    "\x07",
    "\x1b",
    "\ufffe",
    "\uffff",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\ufeff",
    "e\u0301",
    "\u0301",
    "👩\u200d👩\u200d👧",
    "🇦🇫",
    "👍🏽",
    "\u00ad",
    "'",
    '"',
]

ORGANISATIONS = ["Reuters", "United Nations Children's Fund", "Ministry of Finance", "AFP"]


def _word(script: str) -> st.SearchStrategy[str]:
    return st.text(alphabet=SCRIPTS[script], min_size=1, max_size=12)


words = st.sampled_from(sorted(SCRIPTS)).flatmap(_word)
any_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]), min_size=0, max_size=30
)  # all of Unicode but lone surrogates, which no Python text read from a file holds


@st.composite
def texts(draw: st.DrawFn, max_words: int = 30) -> str:
    """Words of the world's scripts mixed with awkward pieces and random characters."""
    pieces = draw(
        st.lists(
            st.one_of(words, words, words, st.sampled_from(AWKWARD), any_text),
            min_size=1,
            max_size=max_words,
        )
    )
    return " ".join(pieces)


@st.composite
def long_paragraphs(draw: st.DrawFn) -> str:
    """A 2,000-word paragraph: a few words drawn, repeated."""
    vocabulary = draw(st.lists(words, min_size=5, max_size=20))
    seed = draw(st.integers(0, 2**16))
    return " ".join(vocabulary[(seed + n * 7) % len(vocabulary)] for n in range(2000))


def urls() -> st.SearchStrategy[str]:
    path = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-._~/?=&%", max_size=300)
    return st.one_of(
        st.builds(lambda p: "https://example.org/" + p, path),
        st.builds(lambda p: "https://example.org/" + "very-long-path/" * 20 + p, path),
        st.sampled_from(["file:///etc/passwd", "javascript:alert(1)", "", '"><img src=x>']),
        texts(max_words=3),
    )


@dataclass
class RandomSource:
    title: str
    authors: list[str]
    publisher: str
    url: str
    published: str
    paragraphs: list[str]


@dataclass
class RandomBrief:
    title: str
    subtitle: str
    author: str
    date: str
    sources: list[RandomSource]
    # ("heading", text, level) | ("note", text, 0) | ("excerpt", "", index of a section)
    items: list[tuple[str, str, int]] = field(default_factory=list)


@st.composite
def sources(draw: st.DrawFn) -> RandomSource:
    return RandomSource(
        title=draw(texts(max_words=8)),
        authors=draw(
            st.lists(st.one_of(texts(max_words=3), st.sampled_from(ORGANISATIONS)), max_size=3)
        ),
        publisher=draw(st.one_of(st.just(""), texts(max_words=4))),
        url=draw(urls()),
        published=draw(st.sampled_from(["", "2024-03-14", "2023-11", "1999"])),
        paragraphs=draw(
            st.lists(
                st.one_of(texts(), texts(), texts(), long_paragraphs()), min_size=1, max_size=3
            )
        ),
    )


@st.composite
def briefs(draw: st.DrawFn) -> RandomBrief:
    drawn = draw(st.lists(sources(), min_size=1, max_size=3))
    sections = sum(len(s.paragraphs) for s in drawn)
    item = st.one_of(
        st.tuples(st.just("heading"), texts(max_words=8), st.integers(1, 3)),
        st.tuples(st.just("note"), texts(), st.just(0)),
        st.tuples(st.just("excerpt"), st.just(""), st.integers(0, sections - 1)),
        st.tuples(st.just("excerpt"), st.just(""), st.integers(0, sections - 1)),
    )
    long_or_short = st.one_of(texts(max_words=6), st.text(min_size=256, max_size=300))
    return RandomBrief(
        title=draw(long_or_short),
        subtitle=draw(st.one_of(st.just(""), long_or_short)),
        author=draw(st.one_of(st.just(""), long_or_short)),
        date=draw(st.one_of(st.just(""), texts(max_words=3))),
        sources=drawn,
        items=draw(st.lists(item, min_size=0, max_size=8)),
    )


def store(project: Project, brief: RandomBrief) -> int:
    """Put the random brief into a project the way import and the editor would."""
    section_ids: list[int] = []
    for source in brief.sources:
        meta = SourceMeta()
        meta.set("title", source.title, Origin.FOUND)
        meta.set("authors", [a for a in source.authors if a.strip()], Origin.FOUND)
        meta.set("publisher", source.publisher, Origin.FOUND)
        meta.set("url", source.url, Origin.FOUND)
        meta.set("published", source.published, Origin.FOUND)
        article = build_article(meta, [(SectionKind.PARAGRAPH, p) for p in source.paragraphs])
        stored = project.add_article(article)
        section_ids += [s.id or 0 for s in stored.sections]
    created = project.new_brief(
        brief.title, subtitle=brief.subtitle, author=brief.author, date=brief.date
    )
    items = []
    for kind, text, value in brief.items:
        if kind == "heading":
            items.append(OutlineItem(ItemKind.HEADING, text, level=value))
        elif kind == "note":
            items.append(OutlineItem(ItemKind.NOTE, text))
        elif section_ids:
            items.append(
                OutlineItem(ItemKind.EXCERPT, section_id=section_ids[value % len(section_ids)])
            )
    project.insert_items(created.id or 0, items)
    return created.id or 0


def comparable(text: str) -> str:
    """Text as a reader searches it: letters and digits (those with a direction of their
    own), compatibility-decomposed, without diacritics (a mark typed after a space is drawn
    on the letter before it, and extraction gives it to that letter). Neutral characters (punctuation, symbols like ½) beside right-to-left
    words are placed by the bidi algorithm and text extraction guesses which side they stood
    on; the plain tests check punctuation where no such guess is needed."""
    strong = "".join(
        ch for ch in text if unicodedata.bidirectional(ch) in ("L", "R", "AL", "EN", "AN", "NSM")
    )
    text = unicodedata.normalize("NFKD", strong)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def direction_runs(text: str) -> list[str]:
    """`text` cut where it changes direction: right-to-left letters apart from digits and
    left-to-right letters. A reader of a right-to-left line finds each run where the bidi
    algorithm put it, but text extraction orders runs by its own guess: a number after a
    Syriac word, or the footnote mark drawn after it, may come out before the word."""
    runs: list[str] = []
    last = None
    for ch in text:
        rtl = unicodedata.bidirectional(ch) in ("R", "AL") or (
            unicodedata.bidirectional(ch) == "NSM" and last is True
        )
        if runs and rtl == last:
            runs[-1] += ch
        else:
            runs.append(ch)
        last = rtl
    return runs


def literal(text: str) -> str:
    """Text as a reader compares it in left-to-right prose: NFKC, no whitespace or
    invisible characters, punctuation kept."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        ch
        for ch in text
        if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
