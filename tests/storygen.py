"""Story families for the tests and bench/story.py: sample articles written for Briefsmith
(tests/story/*.txt; no third-party text), and copies of them made the way sites make them:
a repost's excerpt cut off with "Read More", a wire story carried under another headline,
paragraphs dropped or reordered, a standfirst added, light rewording.

Each sample is a header of "name: value" lines, a blank line, then its paragraphs. Every
copy knows the sample it came from, so a test can score family grouping pair by pair.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from brief.ingest.article import Article

SAMPLES = Path(__file__).resolve().parent / "story"


@dataclass(frozen=True)
class Story:
    """One article: its header fields and paragraphs, and the sample it was made from."""

    name: str
    origin: str  # the sample's name: stories of one origin form one family
    title: str
    outlet: str
    author: str
    date: str
    paragraphs: tuple[str, ...]
    dateline: str = ""
    lines_before: tuple[str, ...] = ()  # a standfirst, a credit: lines over the body
    lines_after: tuple[str, ...] = ()  # "Read More", a credit line under it

    def pasted(self) -> str:
        """The story as a reader's copy of its page: the outlet's name, title, byline, date,
        then the body, with the buttons a copy picks up."""
        byline = f"By {self.author}" if self.author else ""
        head = [self.outlet, "Menu", self.title, byline, self.date, "Share"]
        body = list(self.paragraphs)
        if self.dateline and body:
            body[0] = f"{self.dateline} — {body[0]}"
        parts = [*head, *self.lines_before, *body, *self.lines_after, "Advertisement"]
        return "\n\n".join(part for part in parts if part) + "\n"


def load(path: Path) -> Story:
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines())
    paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
    return Story(
        name=path.stem,
        origin=path.stem,
        title=fields["title"],
        outlet=fields["outlet"],
        author=fields.get("author", ""),
        date=fields["date"],
        dateline=fields.get("dateline", ""),
        paragraphs=paragraphs,
    )


def samples() -> list[Story]:
    return [load(path) for path in sorted(SAMPLES.glob("*.txt"))]


# Light rewording, the way an outlet edits wire copy: a word for a word here and there.
_SWAPS = {
    "said": "stated", "about": "around", "around": "about", "residents": "inhabitants",
    "officials": "authorities", "expected": "due", "warned": "cautioned", "after": "following",
    "but": "though", "roughly": "some", "some": "roughly", "more than": "over",
    "help": "assist", "began": "started", "start": "begin", "largest": "biggest",
    "country's": "nation's", "children": "pupils", "criticised": "condemned",
    "main": "principal", "again": "once more", "cost": "price", "arrived": "came",
}  # fmt: skip
_OUTLETS = (
    "Metro Online", "The Evening Ledger", "Regional Times", "Newsroom 24", "The Daily Digest",
    "Capital Post", "World Briefing", "Morning Chronicle",
)  # fmt: skip
_HEADLINES = ("What we know: {}", "{} — report", "Live: {}", "{}, officials say")
_ENDINGS = ("Read More", "Continue reading", "Read the full story at {}.")


def reword(paragraph: str, rng: random.Random, rate: float = 0.5) -> str:
    """Each sentence, at this rate, gets one word of _SWAPS changed."""
    sentences = re.split(r"(?<=[.!?\"”])\s+", paragraph)
    out = []
    for sentence in sentences:
        found = [w for w in _SWAPS if re.search(rf"\b{re.escape(w)}\b", sentence)]
        if found and rng.random() < rate:
            word = rng.choice(found)
            sentence = re.sub(rf"\b{re.escape(word)}\b", _SWAPS[word], sentence, count=1)
        out.append(sentence)
    return " ".join(out)


def repost(story: Story, rng: random.Random) -> Story:
    """An aggregator's excerpt: the first paragraphs under a new headline, cut off with a
    link to the rest (and sometimes the original outlet's name)."""
    keep = list(story.paragraphs[: rng.choice((2, 3))])
    if rng.random() < 0.5:  # cut inside the last paragraph kept, as many aggregators do
        words = keep[-1].split()
        keep[-1] = " ".join(words[: len(words) * 2 // 3]) + "…"
    ending = rng.choice(_ENDINGS).format(story.outlet)
    return replace(
        story,
        name=f"{story.name}~repost",
        title=rng.choice(_HEADLINES).format(story.title),
        outlet=rng.choice(_OUTLETS),
        author="",
        paragraphs=tuple(keep),
        lines_after=(ending,),
    )


def pickup(story: Story, rng: random.Random) -> Story:
    """Wire copy carried by a subscriber: its own headline and standfirst, the last
    paragraphs dropped to fit, two paragraphs run together or one split in two."""
    drop = rng.choice((0, 1, 2))
    paragraphs = list(story.paragraphs[: len(story.paragraphs) - drop])
    at = rng.randrange(1, len(paragraphs) - 1)
    if rng.random() < 0.5:  # two paragraphs run together
        paragraphs[at : at + 2] = [f"{paragraphs[at]} {paragraphs[at + 1]}"]
    else:  # one split after its first sentence
        first, _, rest = paragraphs[at].partition(". ")
        if rest:
            paragraphs[at : at + 1] = [f"{first}.", rest]
    return replace(
        story,
        name=f"{story.name}~pickup",
        title=rng.choice(_HEADLINES).format(story.title),
        outlet=rng.choice(_OUTLETS),
        paragraphs=tuple(paragraphs),
        lines_before=(f"{story.paragraphs[0].split(', ')[0]}.",),
    )


def rewrite(story: Story, rng: random.Random) -> Story:
    """A light rewrite: words changed, one paragraph dropped, two swapped; published the
    same day or the next."""
    paragraphs = [reword(p, rng, rate=0.9) for p in story.paragraphs]
    del paragraphs[rng.randrange(1, len(paragraphs))]
    i = rng.randrange(1, len(paragraphs) - 1)
    paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    day = date.fromisoformat(story.date) + timedelta(days=rng.choice((0, 1)))
    return replace(
        story,
        name=f"{story.name}~rewrite",
        date=day.isoformat(),
        title=rng.choice(_HEADLINES).format(story.title),
        outlet=rng.choice(_OUTLETS),
        paragraphs=tuple(paragraphs),
    )


def families(seed: int = 0) -> list[Story]:
    """Every sample and three copies of each (a repost, a pickup and a rewrite)."""
    rng = random.Random(seed)
    stories = []
    for story in samples():
        stories += [story, repost(story, rng), pickup(story, rng), rewrite(story, rng)]
    return stories


# -- corroboration --------------------------------------------------------------------------
LANGUAGES = SAMPLES / "languages"  # held-out events in French and Spanish
PAIRS = SAMPLES / "corroboration.pairs"


def corroboration_samples() -> list[Story]:
    """The samples annotated for corroboration: the English ones and the held-out ones."""
    return samples() + [load(path) for path in sorted(LANGUAGES.glob("*.txt"))]


def held_out(name: str) -> bool:
    return (LANGUAGES / f"{name.split(':')[0]}.txt").exists()


def corroboration_pairs() -> set[frozenset[str]]:
    """The annotated pairs of paragraphs stating the same fact, as {"sample:N", "sample:N"}."""
    pairs = set()
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            first, second = line.split()
            pairs.add(frozenset((first, second)))
    return pairs


def paragraph_names(story: Story, sections: list) -> dict[int, str]:
    """Each stored section of a sample's paragraph, by id, named "sample:N"."""
    names = {}
    for number, paragraph in enumerate(story.paragraphs, start=1):
        tail = paragraph[:50][-30:]
        (section,) = [s for s in sections if tail in s.text]
        names[section.id] = f"{story.name}:{number}"
    return names


def annotations(file_name: str) -> dict[str, list[tuple[str, str]]]:
    """A tab-separated annotation file of this folder (quotes.tsv, dates.tsv): for each
    paragraph ("sample:N"), its lines' two other fields."""
    found: dict[str, list[tuple[str, str]]] = {}
    for line in (SAMPLES / file_name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            where, first, second = line.split("\t")
            found.setdefault(where, []).append((first, second))
    return found


def sample_articles() -> list[tuple[Story, Article, dict[int, str]]]:
    """Every annotated sample imported as pasted (its sections numbered from 1, as a
    project would give them ids), with its paragraphs' names."""
    from brief.ingest import read_text

    found = []
    for story in corroboration_samples():
        article = read_text(story.pasted(), name=f"{story.name}.txt")
        for n, section in enumerate(article.sections, start=1):
            section.id = n
        found.append((story, article, paragraph_names(story, article.sections)))
    return found


def overlapping(found: list, section_id: int, text: str, words: str) -> list:
    """The things found (quotes, days: with section_id, start, end) in a section that
    overlap the annotated words in its text."""
    at = text.find(words)
    return [
        f for f in found if f.section_id == section_id and f.start < at + len(words) and at < f.end
    ]
