"""Whether an author is an organisation or a person: citations name an organisation whole
("United Nations Children's Fund"), never as "Fund, U. N. C."."""

from __future__ import annotations

import re

from brief.model import Origin, SourceMeta

ORGANISATION = "organisation"
PERSON = "person"

# News agencies and wire services, which bylines name alone.
_AGENCIES = {
    "reuters",
    "thomson reuters",
    "associated press",
    "the associated press",
    "ap",
    "afp",
    "agence france-presse",
    "agence france presse",
    "dpa",
    "deutsche presse-agentur",
    "efe",
    "ansa",
    "xinhua",
    "tass",
    "ria novosti",
    "kyodo",
    "kyodo news",
    "yonhap",
    "anadolu agency",
    "pti",
    "press trust of india",
    "ians",
    "bloomberg",
    "bloomberg news",
    "upi",
    "pajhwok",
    "pajhwok afghan news",
    "irna",
    "wam",
    "bbc news",
    "al jazeera",
    "staff",
    "editorial board",
    "the editorial board",
    "world bank",
    "the world bank",
    "ani",
    "asian news international",
    "sputnik",
    "ria",
    "interfax",
    "anadolu",
    "europa press",
    "notimex",
    "télam",
    "agencia brasil",
    "lusa",
    "belga",
    "anp",
    "apa",
    "sda",
    "keystone-sda",
    "ctk",
    "pap",
    "mti",
    "bta",
    "hina",
    "tanjug",
    "isna",
    "fars",
    "tasnim",
    "spa",
    "qna",
    "kuna",
    "mena",
    "bernama",
    "antara",
    "pna",
    "cna",
    "jiji",
    "nhk",
    "tolo news",
    "tolonews",
    "khaama press",
    "bakhtar",
}
# Words that make a name a body: "... Fund", "Ministry of ...", "... Staff", "... Desk".
# Words that are also surnames (Post, Press, Service, Bank) are left out.
_BODY = re.compile(
    r"\b(?:fund|ministry|department|agency|office|council|commission|committee|"
    r"organi[sz]ation|institute|institution|university|association|foundation|bureau|"
    r"authority|corporation|secretariat|embassy|government|programme|nations|federation|"
    r"society|centre|center|police|staff|desk|team|editors|reporters|correspondents|news|"
    r"agencia|agence|agentur|agenzia|ajansı|агентство|редакция|newsroom|redaktion|rédaction|"
    r"redacción|redação|وكالة|وكاله|آژانس|اژانس|خبرگزاری|خبري|خبری|دار|صحيفة|جريدة|روزنامه|"
    r"ورځپاڼه|رادیو|راديو|تلویزیون|تلفزيون)\b"
    # one-word outlet names built on "press" or "news" in Persian script: "آریاپرس"
    r"|\w+(?:پرس|نیوز|نيوز)\b",
    re.I,
)


def is_organisation(name: str, meta: SourceMeta | None = None) -> bool:
    """An author is an organisation if the page or the user said so, else if the name is a
    news agency or reads as a body ("... Fund", "Ministry of ...", "Reuters Staff")."""
    if meta is not None and name in meta.author_kinds:
        return meta.author_kinds[name] == ORGANISATION
    flat = " ".join(name.split()).strip(" .").casefold()
    return flat in _AGENCIES or bool(_BODY.search(flat))


def classify_authors(meta: SourceMeta) -> None:
    """At import: give every author a kind, keeping what the page's data said and judging
    the rest by name (the reader shows it, and the user can switch it)."""
    if not meta.authors:
        return
    kinds = {
        name: meta.author_kinds.get(name) or (ORGANISATION if is_organisation(name) else PERSON)
        for name in meta.authors
    }
    if kinds != meta.author_kinds:
        origin = meta.origin("author_kinds") or meta.origin("authors") or Origin.INFERRED
        meta.set("author_kinds", kinds, origin)
