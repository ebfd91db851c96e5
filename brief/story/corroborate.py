"""Corroboration: the sections of other sources that state what an excerpt states, and how
many independent outlets that makes.

Candidates come from the project's full-text index: the excerpt's rarest words, any of them.
A candidate is confirmed when the words the two share carry a good part of the weight of
the lighter one's words. Each word weighs by how few paragraphs of the two sources hold it:
"said", "the" and the story's own place name, in many of them, weigh little; the figures,
names and words of one fact, in one paragraph of each, weigh much. So two paragraphs of
one story that share only its setting, or only its speaker, do not match. The figures and
names the two share are shown as the evidence. (Requiring one was tried: on the annotated
samples it lost true pairs and kept out no false one.) Independence: sources of one story
family (copies of each other) or of one outlet count once, and those of the excerpt's own
family or outlet not at all. A match the user has marked wrong does not count.
"""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from brief.story.families import Family

#: Share of the shorter section's word weight that the two must share.
OVERLAP = 0.24
_QUERY_WORDS = 12  # the excerpt's rarest words that fetch candidates
# A word in more sections than this fetches no candidates (ranking every section holding
# "said" would take seconds on a large project, and find nothing a rarer word misses).
_COMMON = 1000
_CANDIDATES = 60  # candidates confirmed per excerpt, best ranked first
_MIN_LENGTH = 3  # letters of a word that counts (shorter ones are mostly grammar)
_REMEMBERED = 2000  # sources whose word counts are kept between excerpts
_BODY = ("paragraph", "quote", "list_item")
_WORD = re.compile(r"\w+")
# A figure as written: 1,200 / 1.200 / 1 200 / 6.5 / 21 % (separators dropped when compared)
_FIGURE = re.compile(r"\d+(?:[,.\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?…:;]\s+|[\"“”«»„‘’'(\[—–-]\s*)$")
_VOCABULARY = "temp.briefsmith_vocabulary"


def fold(word: str) -> str:
    """A word as the full-text index keeps it: case and accents folded."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Terms:
    """What a section says, as far as comparing facts goes."""

    words: frozenset[str]  # folded words of three letters or more, figures' digits included
    figures: frozenset[str]  # figures, digits only ("1,200" and "1200" alike)
    names: frozenset[str]  # folded words written with a capital inside a sentence

    @property
    def anchors(self) -> frozenset[str]:
        return self.figures | self.names


def terms(text: str) -> Terms:
    words, names = set(), set()
    for match in _WORD.finditer(text):
        token = match.group()
        folded = fold(token)
        if len(folded) < _MIN_LENGTH and not token.isdigit():
            continue
        words.add(folded)
        start = match.start()
        if token[0].isupper() and not _OPENS_SENTENCE.search(text, max(0, start - 8), start):
            names.add(folded)
    figures = {re.sub(r"\D", "", figure) for figure in _FIGURE.findall(text)}
    return Terms(frozenset(words), frozenset(figures), frozenset(names - figures))


@dataclass(frozen=True)
class Match:
    """A section of another source that states what the excerpt states."""

    section_id: int
    source_id: int
    overlap: float  # share of the shorter one's word weight the two share
    shared: tuple[str, ...]  # the figures and names they share
    group: int  # 0: the excerpt's own family or outlet; otherwise one per independent group
    rejected: bool = False  # marked wrong by the user

    @property
    def independent(self) -> bool:
        return self.group > 0 and not self.rejected


@dataclass(frozen=True)
class Support:
    """What the project says about one excerpt's section."""

    section_id: int
    matches: tuple[Match, ...]  # best first; the rejected ones too, marked

    @property
    def independent_sources(self) -> int:
        """Independent outlets reporting it, the excerpt's own included."""
        return 1 + len({m.group for m in self.matches if m.independent})

    @property
    def label(self) -> str:
        count = self.independent_sources
        return "single source" if count == 1 else f"{count} independent sources"

    def independent_matches(self) -> list[Match]:
        """The best match of each independent group, in the order of the groups."""
        best: dict[int, Match] = {}
        for match in self.matches:
            if match.independent and match.group not in best:
                best[match.group] = match
        return [best[group] for group in sorted(best)]


class Corroborator:
    """Finds corroboration in one project; remembers word frequencies between excerpts."""

    def __init__(self, db: sqlite3.Connection, families: dict[int, Family]) -> None:
        self._db = db
        self._families = families
        self._frequency: dict[str, int] = {}
        self._sources: dict[int, tuple[int, Counter[str]]] = {}
        (sections,) = db.execute("SELECT max(id) FROM sections").fetchone()
        self._common = max(_COMMON, (sections or 0) // 300)
        db.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCABULARY}"
            " USING fts5vocab(main, sections_fts, row)"
        )

    def support(self, section_id: int) -> Support:
        """The matches of one section, those the user marked wrong included (and marked)."""
        row = self._db.execute(
            "SELECT s.source_id, s.text, src.publisher FROM sections s"
            " JOIN sources src ON src.id = s.source_id WHERE s.id = ?",
            (section_id,),
        ).fetchone()
        if row is None:
            return Support(section_id, ())
        source_id, text, publisher = row
        own = terms(text)
        found = []
        for other_id, other_source, other_text, other_publisher in self._candidates(own, source_id):
            other = terms(other_text)
            overlap = self._overlap(own, source_id, other, other_source)
            shared = own.anchors & other.anchors
            if overlap >= OVERLAP:
                found.append(
                    (overlap, other_id, other_source, other_publisher, tuple(sorted(shared)))
                )
        found.sort(key=lambda f: (-f[0], f[1]))
        groups = self._groups(source_id, publisher, [(f[2], f[3]) for f in found])
        refused = {
            a if b == section_id else b
            for a, b in self._db.execute(
                "SELECT a, b FROM rejected_matches WHERE a = ? OR b = ?", (section_id, section_id)
            )
        }
        return Support(
            section_id,
            tuple(
                Match(
                    section_id=other_id,
                    source_id=other_source,
                    overlap=round(overlap, 3),
                    shared=shared,
                    group=groups[other_source],
                    rejected=other_id in refused,
                )
                for overlap, other_id, other_source, _publisher, shared in found
            ),
        )

    # -- the steps ----------------------------------------------------------------------
    def _candidates(self, own: Terms, source_id: int) -> list[tuple[int, int, str, str]]:
        """Sections of other sources holding any of the excerpt's rarest words."""
        frequency = self._frequency_of(own.words)
        known = [w for w in own.words if 1 < frequency[w] <= self._common]
        known.sort(key=lambda w: (self._frequency[w], w))
        query = " OR ".join('"' + w.replace('"', "") + '"' for w in known[:_QUERY_WORDS])
        if not query:
            return []
        marks = ", ".join("?" * len(_BODY))
        rows = self._db.execute(
            "SELECT s.id, s.source_id, s.text, src.publisher FROM sections_fts"
            " JOIN sections s ON s.id = sections_fts.rowid"
            " JOIN sources src ON src.id = s.source_id"
            f" WHERE sections_fts MATCH ? AND s.source_id != ? AND s.kind IN ({marks})"
            " ORDER BY rank LIMIT ?",
            (query, source_id, *_BODY, _CANDIDATES),
        ).fetchall()
        return rows

    def _frequency_of(self, words: Iterable[str]) -> dict[str, int]:
        """How many sections of the project hold each word (the index's vocabulary)."""
        missing = [w for w in set(words) if w not in self._frequency]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            self._frequency.update(dict.fromkeys(chunk, 0))
            marks = ", ".join("?" * len(chunk))
            self._frequency.update(
                self._db.execute(
                    f"SELECT term, doc FROM {_VOCABULARY} WHERE term IN ({marks})", chunk
                ).fetchall()
            )
        return self._frequency

    def _source_words(self, source_id: int) -> tuple[int, Counter[str]]:
        """A source's body sections: how many, and how many of them hold each word."""
        if source_id not in self._sources:
            marks = ", ".join("?" * len(_BODY))
            counts: Counter[str] = Counter()
            rows = self._db.execute(
                f"SELECT text FROM sections WHERE source_id = ? AND kind IN ({marks})",
                (source_id, *_BODY),
            ).fetchall()
            for (text,) in rows:
                counts.update(terms(text).words)
            if len(self._sources) >= _REMEMBERED:
                self._sources.pop(next(iter(self._sources)))
            self._sources[source_id] = (len(rows), counts)
        return self._sources[source_id]

    def _overlap(self, a: Terms, source_a: int, b: Terms, source_b: int) -> float:
        """Share of the lighter section's word weight that the two share. A word weighs by
        how few sections of the two sources hold it: the story's setting, named in many of
        their paragraphs, weighs little; a fact's words, in one paragraph of each, much.
        (Counted over the two sources only, so that a fact carried by many copies in the
        project does not make its own words common.)"""
        size_a, counts_a = self._source_words(source_a)
        size_b, counts_b = self._source_words(source_b)
        sections = size_a + size_b + 1

        def weight(word: str) -> float:
            return math.log(sections / (counts_a[word] + counts_b[word] + 0.5))

        total_a = sum(weight(w) for w in a.words)
        total_b = sum(weight(w) for w in b.words)
        shared = sum(weight(w) for w in a.words & b.words)
        lighter = min(total_a, total_b)
        return shared / lighter if lighter > 0 else 0.0

    def _groups(
        self, source_id: int, publisher: str, others: list[tuple[int, str]]
    ) -> dict[int, int]:
        """Each source mapped to its independent group, numbered in the order met; 0 for
        the excerpt's own: sources of one family or one outlet are one group."""
        parent: dict[int, int] = {}

        def root(s: int) -> int:
            parent.setdefault(s, s)
            while parent[s] != s:
                parent[s] = parent[parent[s]]
                s = parent[s]
            return s

        by_key: dict[tuple[str, object], int] = {}
        for source, outlet in [(source_id, publisher), *others]:
            keys: list[tuple[str, object]] = []
            family = self._families.get(source)
            if family is not None:
                keys.append(("family", family.members))
            if outlet.strip():
                keys.append(("outlet", fold(" ".join(outlet.split()))))
            for key in keys:
                if key in by_key:
                    parent[root(source)] = root(by_key[key])
                else:
                    by_key[key] = source
            root(source)
        numbers: dict[int, int] = {root(source_id): 0}
        result = {}
        for source, _ in [(source_id, publisher), *others]:
            result[source] = numbers.setdefault(root(source), len(numbers))
        return result
