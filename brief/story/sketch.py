"""Near-duplicate sections: word shingles, their MinHash signature and its LSH band keys.

Two sections that share most of their three-word runs (the same wire paragraph, a repost's
copy, a lightly edited rewrite) share, with high probability, at least one band key. The
keys are stored beside the sections (brief.story.index), so a new article is compared with
the project through an index lookup, never by rescanning it; the runs' hashes are stored
too, so that a candidate is checked without reading its text again.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from array import array
from dataclasses import dataclass

from rensa import RMinHash

SHINGLE = 3  # words in a shingle
MIN_WORDS = 12  # shorter sections (a dateline, "Read more", a heading) are not compared
_ROWS = 2  # signature values per band: two 32-bit values, one 64-bit key
_BANDS = 16  # sections sharing 45 % of their runs (Jaccard) meet 97 % of the time; 30 %, 78 %
_PERMS = _ROWS * _BANDS
_SEED = 1729
#: Stored with the keys: keys made another way (another rensa algorithm, other bands) are
#: not comparable, and the project's index is rebuilt from the sections' text. (rensa's
#: algorithm version, not its package version: a frozen app carries no package metadata.)
VERSION = (
    f"rensa algorithm {RMinHash.ALGORITHM_VERSION}; rminhash {_PERMS}x{_ROWS} seed {_SEED};"
    f" shingle {SHINGLE}; keys 3"
)
_WORD = re.compile(r"\w+")
_LOW32 = 0xFFFFFFFF


@dataclass(frozen=True)
class Sketch:
    runs: frozenset[int]  # the section's three-word runs, hashed (32 bits of rensa's hash)
    keys: list[int]  # one signed 64-bit key (SQLite's INTEGER) per band of the signature

    def packed_runs(self) -> bytes:
        return array("I", sorted(self.runs)).tobytes()


def runs_hash(packed: bytes) -> int:
    """A signed 64-bit hash of packed runs: sections with the same words have the same."""
    return int.from_bytes(hashlib.blake2b(packed, digest_size=8).digest(), "little", signed=True)


def sketch(text: str) -> Sketch | None:
    """The section's sketch, case and compatibility forms folded; None for a section too
    short to compare."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < MIN_WORDS:
        return None
    runs = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    minhash = RMinHash(num_perm=_PERMS, seed=_SEED)
    minhash.update(runs)
    (hashes,) = RMinHash.hash_token_sets([runs])
    return Sketch(frozenset(h & _LOW32 for h in hashes), _band_keys(minhash.digest()))


def unpack_runs(packed: bytes) -> frozenset[int]:
    runs = array("I")
    runs.frombytes(packed)
    return frozenset(runs)


def _band_keys(digest: list[int]) -> list[int]:
    """Each band's two 32-bit values read as one signed 64-bit key (SQLite's INTEGER)."""
    return array("q", array("I", digest).tobytes()).tolist()


def resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    """How much of the smaller section the larger one holds (a repost may cut a paragraph
    short; the part it keeps still matches)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
