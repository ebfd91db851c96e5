"""Story families measured on the sample articles of tests/story and the copies
tests/storygen.py makes of them (reposts, wire pickups, light rewrites), over several seeds.

    python bench/story.py [--seeds 10]

Family grouping is scored pair by pair: two sources in one family that come from one sample
are right, two in one family from different samples are wrong, two from one sample left
apart are missed. Originals: the sample itself named (right), a copy named (wrong), or no
original named because the text does not tell (unknown). The time the index adds to an
import is measured by bench/import_speed.py on the 1,000-page import benchmark.

Corroboration is scored on the pairs of paragraphs annotated by hand as stating the same
fact (tests/story/corroboration.pairs), on the samples alone and with copies of them mixed
in; it adds nothing to an import (it is worked out when an excerpt is looked at), so its
time is given per excerpt, here and on 10,000 sources by bench/desktop.py.

Who said what is scored on the quotes annotated by hand (tests/story/quotes.tsv): each
annotated quote found with the right speaker (the same surname), with another (wrong), or
not found (missed); quotes found that no one annotated are counted (extra), and every
speaker found must be words of the article. The time quotes add to an import is measured by
bench/import_speed.py.

When is scored on the date expressions annotated by hand (tests/story/dates.tsv): each
resolved to the right day, to another (wrong), or not found (missed); days found in the
annotated paragraphs that no one annotated are counted (extra).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief.ingest import read_text  # noqa: E402
from brief.ingest.article import Article  # noqa: E402
from brief.project import Project  # noqa: E402
from brief.story.quotes import find_quotes, speaker_key  # noqa: E402
from brief.story.when import find_events  # noqa: E402
from tests import storygen  # noqa: E402


def score(seed: int) -> dict[str, float]:
    stories = storygen.families(seed)
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "s.brief") as project:
        started = time.perf_counter()
        stored = {
            project.add_article(read_text(s.pasted(), name=f"{s.name}.txt")).id: s for s in stories
        }
        seconds = time.perf_counter() - started
        families = project.families()
    counts = dict.fromkeys(("tp", "fp", "fn", "right", "wrong", "unknown"), 0)
    for a, b in itertools.combinations(stored, 2):
        same = stored[a].origin == stored[b].origin
        found = a in families and families[a] is families.get(b)
        counts["tp"] += same and found
        counts["fp"] += found and not same
        counts["fn"] += same and not found
    for family in {id(f): f for f in families.values()}.values():
        if family.original is None:
            counts["unknown"] += 1
        elif stored[family.original].name == stored[family.original].origin:
            counts["right"] += 1
        else:
            counts["wrong"] += 1
    return {**counts, "sources": len(stored), "seconds": seconds}


def corroboration(with_copies: bool) -> dict[str, float]:
    """Corroboration scored on the paragraph pairs annotated by hand in tests/story (the
    English samples and the held-out French and Spanish ones): each sample paragraph's
    matches among the other samples' paragraphs. With copies: the samples stored with three
    copies of each English one (seed 0), which must change nothing but the time, and must
    never count as independent sources."""
    stories = storygen.corroboration_samples()
    if with_copies:
        stories += [s for s in storygen.families(0) if s.name != s.origin]
    truth = storygen.corroboration_pairs()
    with tempfile.TemporaryDirectory() as tmp, Project.create(Path(tmp) / "c.brief") as project:
        names: dict[int, str] = {}
        origin: dict[int, str] = {}
        for story in stories:
            source = project.add_article(read_text(story.pasted(), name=f"{story.name}.txt"))
            origin[source.id or 0] = story.origin
            if story.name == story.origin:
                names.update(storygen.paragraph_names(story, source.sections))
        started = time.perf_counter()
        corroborator = project.corroborator()
        found: set[frozenset[str]] = set()
        overcounted = 0
        for section_id, name in names.items():
            support = corroborator.support(section_id)
            origins = {name.split(":")[0]} | {
                origin[m.source_id] for m in support.matches if m.independent
            }
            overcounted += support.independent_sources > len(origins)
            found |= {
                frozenset((name, names[m.section_id]))
                for m in support.matches
                if m.section_id in names
            }
        seconds = time.perf_counter() - started
    result: dict[str, float] = {
        "excerpts": len(names),
        "seconds": seconds,
        "over": overcounted,
        "copies": len(stories) - len(storygen.corroboration_samples()),
    }
    parts: dict[str, Callable[[frozenset[str]], bool]] = {
        "all": lambda pair: True,
        "english (tuned on)": lambda pair: not any(storygen.held_out(n) for n in pair),
        "held out (fr, es)": lambda pair: any(storygen.held_out(n) for n in pair),
    }
    for part, keep in parts.items():
        ours = {p for p in found if keep(p)}
        theirs = {p for p in truth if keep(p)}
        result[f"{part} tp"] = len(ours & theirs)
        result[f"{part} found"] = len(ours)
        result[f"{part} true"] = len(theirs)
    return result


def print_corroboration() -> None:
    print("\nCorroboration on the annotated pairs (tests/story/corroboration.pairs)")
    print("project                 pairs              precision  recall  found/true  ms/excerpt")
    for with_copies in (False, True):
        r = corroboration(with_copies)
        label = f"samples + {r['copies']:.0f} copies" if with_copies else "samples"
        for part in ("all", "english (tuned on)", "held out (fr, es)"):
            tp, found, true = r[f"{part} tp"], r[f"{part} found"], r[f"{part} true"]
            print(
                f"{label:22s}  {part:18s} {tp / found if found else 1.0:9.3f}"
                f"  {tp / true:6.3f}  {found:4.0f}/{true:<4.0f}"
                f"  {1000 * r['seconds'] / r['excerpts']:10.1f}"
            )
        print(f"{label:22s}  copies counted as independent sources: {r['over']:.0f}")


def _scored(
    file_name: str,
    words_and_truth: Callable[[str, str], tuple[str, str]],
    find: Callable[[storygen.Story, Article], list[Any]],
    right: Callable[[Any, str], bool],
) -> dict[str, Counter[str]]:
    """Each annotated thing found right, wrong, or missed; things found in the annotated
    paragraphs that no one annotated, extra. English apart from French, German, Spanish."""
    annotated = storygen.annotations(file_name)
    english = {s.name for s in storygen.samples()}
    result: dict[str, Counter[str]] = {"english": Counter(), "fr, de, es": Counter()}
    for story, article, names in storygen.sample_articles():
        part = result["english" if story.name in english else "fr, de, es"]
        found = find(story, article)
        texts = {s.id: s.text for s in article.sections}
        matched = set()
        for section_id, name in names.items():
            for first, second in annotated.get(name, []):
                words, truth = words_and_truth(first, second)
                hits = storygen.overlapping(found, section_id, texts[section_id], words)
                if not hits:
                    part["missed"] += 1
                    continue
                matched.add(hits[0])
                part["right" if right(hits[0], truth) else "wrong"] += 1
        part["extra"] += len([f for f in found if f not in matched and f.section_id in names])
        part["unnamed"] += len(
            [f for f in found if hasattr(f, "speaker") and f.speaker not in article.text]
        )
    return result


def quotes() -> dict[str, Counter[str]]:
    """Speakers of the annotated quotes: right when the surname is the annotated one's."""
    return _scored(
        "quotes.tsv",
        lambda speaker, words: (words, speaker),
        lambda story, article: find_quotes(article.sections),
        lambda quote, speaker: (
            speaker_key(quote.speaker).split()[-1] == speaker_key(speaker).split()[-1]
        ),
    )


def print_quotes() -> None:
    print("\nWho said what, on the quotes annotated by hand (tests/story/quotes.tsv)")
    print("language      quotes  speaker right  wrong  missed  extra  speaker not in the text")
    for part, r in quotes().items():
        total = r["right"] + r["wrong"] + r["missed"]
        print(
            f"{part:12s}  {total:6d}  {r['right']:5d} ({r['right'] / total:.3f})"
            f"  {r['wrong']:5d}  {r['missed']:6d}  {r['extra']:5d}  {r['unnamed']:5d}"
        )


def dates() -> dict[str, Counter[str]]:
    """Days of the annotated date expressions, told from the article's date."""
    return _scored(
        "dates.tsv",
        lambda words, day: (words, day),
        lambda story, article: find_events(article.sections, story.date),
        lambda event, day: str(event.day) == day,
    )


def print_dates() -> None:
    print("\nWhen, on the date expressions annotated by hand (tests/story/dates.tsv)")
    print("language      expressions  right day        wrong  missed  extra")
    for part, r in dates().items():
        total = r["right"] + r["wrong"] + r["missed"]
        print(
            f"{part:12s}  {total:11d}  {r['right']:5d} ({r['right'] / total:.3f})"
            f"  {r['wrong']:5d}  {r['missed']:6d}  {r['extra']:5d}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args()
    total: dict[str, float] = {}
    print("seed  sources  pairs P  pairs R  originals right/wrong/unknown  import ms/source")
    for seed in range(args.seeds):
        r = score(seed)
        for key, value in r.items():
            total[key] = total.get(key, 0) + value
        p = r["tp"] / (r["tp"] + r["fp"]) if r["tp"] + r["fp"] else 1.0
        rec = r["tp"] / (r["tp"] + r["fn"]) if r["tp"] + r["fn"] else 1.0
        print(
            f"{seed:4d}  {r['sources']:7.0f}  {p:7.3f}  {rec:7.3f}  "
            f"{r['right']:5.0f} / {r['wrong']:.0f} / {r['unknown']:.0f}"
            f"{1000 * r['seconds'] / r['sources']:27.1f}"
        )
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    print(
        f"all   pairs: precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f}"
        f" ({tp:.0f} right, {fp:.0f} wrong, {fn:.0f} missed); originals: {total['right']:.0f}"
        f" right, {total['wrong']:.0f} wrong, {total['unknown']:.0f} not told by the text"
    )
    print_corroboration()
    print_quotes()
    print_dates()
    return 0


if __name__ == "__main__":
    sys.exit(main())
