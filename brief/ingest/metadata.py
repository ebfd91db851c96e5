"""Metadata rules shared by the importers: datelines, titles, publishers named in the text."""

from __future__ import annotations

import re
from collections import Counter

from brief.model import Origin, SectionKind, SourceMeta

# "DARA, Afghanistan —", "WASHINGTON (Reuters) -", "NEW YORK, Nov. 3 —"
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{1,30}(?:,\s*[A-ZÀ-Ý][\w'’.\- ]{1,30}){0,2})"
    r"\s*(?:\((?P<agency>[A-Za-z .]{2,20})\)\s*)?[—–]+\s*|"
    r"^(?P<place2>[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{1,30}(?:,\s*[A-ZÀ-Ý][\w'’.\- ]{1,30}){0,2})"
    r"\s*(?:\((?P<agency2>[A-Za-z .]{2,20})\)\s*)?\s-{1,2}\s+"
)


# "KABUL: Taliban fighters …", "ISLAMABAD, Pakistan: …" (the colon form of South Asian papers).
_COLON_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{1,30}(?:,\s*[A-ZÀ-Ý][\w'’.\- ]{1,30}){0,2})"
    r"\s*(?:\((?P<agency>[A-Za-z .]{2,20})\)\s*)?:\s+"
)


def split_dateline(paragraph: str) -> tuple[str, str, str]:
    """Split "WASHINGTON (AP) - The court..." into place, agency and the paragraph's text;
    ("", "", paragraph) when it opens with no dateline."""
    match = _DATELINE.match(paragraph) or _COLON_DATELINE.match(paragraph)
    if not match:
        return "", "", paragraph
    found = match.groupdict()
    place = (found.get("place") or found.get("place2") or "").strip(" ,")
    first = place.split(",")[0].replace(" ", "").replace(".", "").replace("-", "")
    # The place's first part is set in capitals: "DARA", "NEW YORK", "WASHINGTON".
    if len(first) < 2 or not first.isupper():
        return "", "", paragraph
    rest = paragraph[match.end() :].strip()
    if len(rest.split()) < 3:
        return "", "", paragraph
    return place, (found.get("agency") or found.get("agency2") or "").strip(), rest


def take_dateline(meta: SourceMeta, blocks: list[tuple[SectionKind, str]]) -> None:
    """Move the dateline of the body's first paragraph into the metadata (its agency, "(AP)",
    is the publisher when none is known). A dateline opens an article's first paragraph, so a
    short paragraph before the one that carries it is a picture's caption."""
    paragraphs = [i for i, (kind, _) in enumerate(blocks) if kind is SectionKind.PARAGRAPH][:2]
    if not paragraphs:
        return
    first = paragraphs[0]
    place, agency, rest = split_dateline(blocks[first][1])
    if not place and len(paragraphs) == 2 and len(blocks[first][1].split()) <= 40:
        second = paragraphs[1]
        place, agency, rest = split_dateline(blocks[second][1])
        if place and second == first + 1:
            blocks[first] = (SectionKind.CAPTION, blocks[first][1])
            first = second
        else:
            place = ""
    if place:
        meta.set("dateline", place, Origin.INFERRED)
        if agency:
            meta.set_if_empty("publisher", agency, Origin.INFERRED)
        blocks[first] = (SectionKind.PARAGRAPH, rest)


# A line naming a place alone, just above the body: "Quartier de Shirpur, Kaboul (Afghanistan)".
_PLACE_LINE = re.compile(
    r"^(?:[A-ZÀ-Ý][\w'’.-]*)(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|de|du|des|la|le|al|el|d['’]\w+))*"
    r"(?:,\s*[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*)*)+(?:\s*\([A-ZÀ-Ý][\w'’ .-]*\))?$"
)


def is_place_line(line: str) -> bool:
    return len(line.split()) <= 8 and bool(_PLACE_LINE.match(line))


# Words a news outlet's name ends with ("The Washington Post", "VICE World News").
_MASTHEAD = (
    r"Post|Times|Journal|Herald|Tribune|Guardian|Telegraph|Independent|Observer|Gazette|"
    r"Chronicle|Globe|Star|Sun|Mirror|Express|Economist|Atlantic|News|Press|Review|"
    r"Standard|Examiner|Inquirer|Dispatch|Courier|Monitor|Register|Reporter|Bulletin|"
    r"Daily|Weekly|Magazine|Wire|Insider|Report|Radio|Television|TV|Network"
)
_OUTLET = re.compile(r"\b(?P<name>(?:The )?(?:[A-Z][\w’'&-]* ){0,3}(?:" + _MASTHEAD + r"))\b")
# The verbs with which an outlet speaks of itself: before its name ("told The Post") and
# after it ("VICE World News could not verify").
_VERBS_BEFORE_NAME = r"told|spoke\s+(?:to|with)|said\s+to|contacted\s+by|interviewed\s+by"
_VERBS_AFTER_NAME = (
    r"secured|obtained|has\s+(?:learned|seen|obtained|reached|contacted)|could\s+not\s+"
    r"(?:independently\s+)?(?:verify|confirm)|was\s+unable\s+to\s+(?:verify|confirm)|"
    r"reached\s+out|requested\s+comment|visited"
)
_NAME = r"[A-Z][\w’'&-]*(?: [A-Z][\w’'&-]*){0,3}"
# The phrases themselves. The lookahead names the letters a match can start with, which re
# then skips to (in C) instead of trying both branches at each one.
_SELF = re.compile(
    rf"(?=[A-Ztsci])(?:\b(?:{_VERBS_BEFORE_NAME})\s+(?P<after>(?:[Tt]he )?{_NAME})"
    rf"|(?P<before>(?:The )?{_NAME})\s+(?:{_VERBS_AFTER_NAME})\b)"
)
# The verbs alone: most bodies hold none, and this pattern is searched for in a fraction of
# _SELF's time.
_SELF_VERB = re.compile(f"{_VERBS_BEFORE_NAME}|{_VERBS_AFTER_NAME}")
# A masthead's word closing a word: the outlet a body names itself by ends with one (_OUTLET),
# and two bodies in three hold none. Capitals open each, so re tries the words only at
# capitals: this is looked for in some forty percent of the verbs' time.
_MASTHEAD_WORD = re.compile(rf"(?:{_MASTHEAD})\b")


def infer_publisher(body: str) -> str:
    """The outlet an article names as itself ("told The Post", "VICE World News could not
    verify"), in its longest form found in the text; "" when the text does not say."""
    if not _MASTHEAD_WORD.search(body) or not _SELF_VERB.search(body):
        return ""
    refs = []
    for match in _SELF.finditer(body):
        named = (match.group("after") or match.group("before") or "").strip()
        named = named[4:] if named.startswith("the ") else named
        short = _OUTLET.search(named)
        if short and short.start() == 0:
            refs.append(short.group("name"))
    if not refs:  # most articles: the outlets they name need not be listed
        return ""
    outlets = Counter(m.group("name") for m in _OUTLET.finditer(body))
    for ref in refs:
        last = ref.split()[-1]
        # "The Post" stands for the longest outlet name in the text that ends the same way.
        full = [
            name
            for name in outlets
            if name.split()[-1] == last
            and len(name) >= len(ref)
            and (ref.removeprefix("The ").split()[0] in name or ref.startswith("The "))
        ]
        if full:
            return max(full, key=lambda name: (len(name.split()), outlets[name]))
    return ""


_TITLE_SUFFIX = re.compile(r"\s+[|–—•·:-]\s+[^|–—•·]{2,60}$")


def clean_title(title: str, site: str = "") -> str:
    """Drop a " | Site" or " - Site" suffix (and the like) from a page title."""
    title = " ".join(title.split())
    match = _TITLE_SUFFIX.search(title)
    if match:
        tail = match.group(0).strip(" |–—•·:-")
        head = title[: match.start()]
        if (
            site and (tail.casefold() in site.casefold() or site.casefold() in tail.casefold())
        ) or (len(tail.split()) <= 4 and len(head.split()) >= 3 and " | " in match.group(0)):
            title = head
    if site and title.casefold().startswith(site.casefold() + " "):
        rest = title[len(site) :].lstrip(" |–—•·:-")
        if len(rest.split()) >= 3:
            title = rest
    return title.strip()
