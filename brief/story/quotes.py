"""Who said what: direct and reported quotes in an article's sections, with their speaker
and, where the text gives it, the speaker's role.

Rules of the sentence, in English, French, German and Spanish:
- a direct quote (“…”, «…», „…“, "…" of four words or more) is attributed by the words after
  it (“…,” said X; “…,” X said; « … », a déclaré X; „…“, sagte X; «…», dijo X; “…,” she said)
  or by the sentence it closes (X … said: “…”); a quote with no attribution continues the
  one before it in the paragraph, or in the paragraph before when it opens its own;
- a reported quote is a sentence whose subject is a speaker and whose verb is one of saying
  (X said (that) …; X, the director, said …; The director, X, said …; She said …);
- a speaker is a name the text writes with capitals (two words or more, or one the article
  named in full before), perhaps with a title (Mayor, préfet, Bürgermeisterin) or an
  apposition (", a retired teacher,"); "he", "she", "elle", "sie" stand for the speaker of
  the quote or the named subject just before, and for nobody when that was someone unnamed.
A quote whose speaker the text does not name is left out: every speaker is in the text.
Scripts without capitals (Arabic, Persian) have no rule here yet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from brief.model import Section, SectionKind

#: Stored with the quotes: quotes found by other rules are found again when a project opens.
VERSION = "quotes 1"

_QUOTED = (SectionKind.PARAGRAPH, SectionKind.QUOTE, SectionKind.LIST_ITEM)
_MIN_WORDS = 4  # shorter quoted words are a term or a scare quote, not a statement
_PAIRS = {"“": "”", "«": "»", "„": "“”", '"': '"', "‹": "›"}


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string (lists of words in several languages)."""
    return frozenset(text.split())


_VERBS = _words(
    # English
    "said says say told tells added adds warned warns explained explains insisted insists"
    " stated states noted notes argued argues recalled recalls declared declares announced"
    " announces confirmed confirms wrote writes asked asks replied replies acknowledged"
    " admitted admits claimed claims estimated estimates predicted denied denies"
    # French (the past tense's participle, after "a")
    " déclaré déclare dit affirmé affirme expliqué explique ajouté ajoute assuré assure"
    " estimé estime indiqué indique annoncé annonce précisé précise souligné souligne"
    " averti avertit confié confie raconté raconte écrit"
    # German
    " sagte sagt sagten sagen erklärte erklärt betonte betont meinte meint warnte warnt"
    " berichtete berichtet schrieb schreibt"
    # Spanish
    " dijo dice afirmó afirma explicó explica declaró declara aseguró asegura advirtió"
    " advierte señaló señala añadió añade calcula calculó indicó indica comentó comenta"
    " sostuvo sostiene apuntó apunta escribió escribe"
)
_VERB_WORDS = "|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True))
_VERB = rf"(?:a\s+|hat\s+|ha\s+)?(?:{_VERB_WORDS})"
_PRONOUNS = _words("he she they il elle ils elles er sie ella él ellos ellas")
_ARTICLES = _words("the a an le la les l' un une el los las der die das den dem des ein eine einer")
_RELATIVE = _words("who which whose que qui dont où der die das welche welcher quien")
_PARTICLES = _words("de da del della di dos du van von der den al bin ibn of la le y")
# Words that put a place or a thing between a role and a name: "a baker on Republic Square"
_PREPOSITIONS = _words("""
    on in at from to for with by near into onto over under about à au aux dans en sur chez
    pour avec par im am an auf aus bei mit zu zum zur nach vor con por para sobre desde
    entre hacia""")
#: Titles before a name: split off as the speaker's role ("Mayor Irena Vasquez").
_TITLES = _words("""
    mayor governor president minister director secretary senator general colonel captain
    chief judge ambassador commander professor prof dr doctor headmistress headmaster
    inspector chairman chairwoman chair spokesman spokeswoman spokesperson deputy vice
    sheriff officer bishop imam sheikh king queen prince princess pope chancellor premier
    maire préfet préfète ministre présidente directeur directrice docteur
    bürgermeister bürgermeisterin ministerin präsident präsidentin direktor direktorin
    hafenmeister hafenmeisterin kanzler kanzlerin
    alcalde alcaldesa presidenta ministra directora gobernador gobernadora consejero
    consejera""")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.,]*")
_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”»“]|$)")
_NAMED = re.compile(r"\b(?:named|called|nommé|nommée|namens|llamado|llamada)\s+$")


@dataclass(frozen=True)
class Quote:
    """Words a speaker said, as a span of their section's text."""

    section_id: int | None
    start: int
    end: int
    speaker: str  # as the text names them, without their title
    role: str  # the title or apposition the text gives, or ""
    direct: bool  # in quotation marks; False: reported ("X said that …")

    @property
    def key(self) -> str:
        """The same person in any source: folded name, its last two words."""
        return speaker_key(self.speaker)


def speaker_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    words = "".join(c for c in folded if not unicodedata.combining(c)).split()
    return " ".join(words[-2:])


def _capital(word: str) -> bool:
    return word[:1].isupper()


@dataclass
class _Speaker:
    name: str
    role: str


class _Reader:
    """One source's sections in order: who spoke last, whom the text named in full."""

    def __init__(self) -> None:
        self.last: _Speaker | None = None  # the speaker of the last quote, or a named subject
        self.full_names: dict[str, str] = {}  # surname -> the full name it stands for

    # -- names ----------------------------------------------------------------------------
    def name_at_end(self, text: str) -> _Speaker | None:
        """The subject `text` is, when it is a speaker: a name with its title or
        apposition, "The Chamber of Industry", or a pronoun standing for the last one."""
        text = text.strip().rstrip(",").strip()
        if not text:
            return None
        named = _NAMED.search(text[: text.rfind(" ") + 1]) if " " in text else None
        if named:  # "a 62-year-old shopkeeper named Gulzar": one word is a name here
            rest = text[named.end() :].strip()
            found = self._name(rest)
            if found is None and _WORD.fullmatch(rest) and _capital(rest):
                self.full_names[rest.casefold()] = rest
                found = _Speaker(rest, "")
            if found is not None:
                return _Speaker(found.name, text[: named.start()].strip())
        words = text.split()
        if len(words) == 1 and words[0].casefold() in _PRONOUNS:
            return self.last
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if len(parts) == 2:  # "The operator, Aldren Terminals" / "Fahim Dashti, a spokesperson"
            second = self._name(parts[1])
            if second is not None and not self._name(parts[0]):
                return _Speaker(second.name, parts[0])
            first = self._name(parts[0])
            if first is not None and _is_role(parts[1]):
                return _Speaker(first.name, first.role or parts[1])
            return None
        return self._name(text) if len(parts) == 1 else None

    def _name(self, text: str) -> _Speaker | None:
        """A whole phrase that is a name: optional article, lowercase title words, then
        capitalised words (particles between them)."""
        words = text.split()
        if words and words[0].casefold() in _ARTICLES:
            words = words[1:]
        role: list[str] = []
        while words and not _capital(words[0]) and len(role) < 4:
            if words[0].casefold() in _PREPOSITIONS | _ARTICLES | _PARTICLES:
                # "a baker on Republic Square", "consejera de Medio Ambiente": what the
                # capitals name is a place or an office, not the speaker
                return None
            role.append(words.pop(0))
        if not words or not all(_capital(w) or w.casefold() in _PARTICLES for w in words):
            return None
        if not _capital(words[-1]) or any(not _WORD.fullmatch(w) for w in words):
            return None
        # Titles written with capitals: "Provincial Education Director Karim Sadat"
        titles = [n for n, w in enumerate(words[:-1]) if w.casefold().strip(".") in _TITLES]
        if titles and len(words) - titles[-1] - 1 >= 1:
            cut = titles[-1] + 1
            role, words = role + words[:cut], words[cut:]
        if len(words) == 1:
            full = self.full_names.get(words[0].casefold())
            if full is None or (role and not titles):
                return None  # one capitalised word: a name only if the article gave it whole
            return _Speaker(full, " ".join(role))
        name = " ".join(words)
        self.full_names[words[-1].casefold()] = name
        return _Speaker(name, " ".join(role))

    def appositive(self, text: str) -> str:
        """ ", a retired teacher, as she…" after a name: the role, or ""."""
        match = re.match(r"\s*,\s*([^,.;:]{2,80}?)\s*(?:[,.;:]|$)", text)
        if match and _is_role(match.group(1)):
            return match.group(1).strip()
        return ""


def _is_role(text: str) -> bool:
    """ ", a retired teacher," is a role; ", who lived there," and ", they said" are not."""
    words = text.split()
    if not words or words[0].casefold() in _RELATIVE | _PRONOUNS:
        return False
    return not _capital(words[0]) or words[0].casefold() in _ARTICLES


# -- direct quotes ----------------------------------------------------------------------------
def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks."""
    spans, at = [], 0
    while at < len(text):
        opening = min((i for i in (text.find(mark, at) for mark in _PAIRS) if i >= 0), default=-1)
        if opening < 0:
            break
        mark = text[opening]
        closing = min(
            (i for i in (text.find(c, opening + 1) for c in _PAIRS[mark]) if i >= 0), default=-1
        )
        if closing < 0:  # a quote running on into the next paragraph, which reopens it
            if text[opening + 1 :].strip():
                spans.append((opening + 1, len(text)))
            break
        spans.append((opening + 1, closing))
        at = closing + 1
    return spans


def _sentence_after(text: str, at: int) -> str:
    """From `at` to the end of its sentence (or the next quotation)."""
    end = len(text)
    found = _SENTENCE_END.search(text, at)
    if found:
        end = found.start()
    for mark in _PAIRS:
        opening = text.find(mark, at)
        if 0 <= opening < end:
            end = opening
    return text[at:end]


def _sentence_before(text: str, at: int) -> str:
    """From the start of the sentence holding `at` to `at`."""
    start = 0
    for found in _SENTENCE_END.finditer(text, 0, at):
        start = found.end()
    return text[start:at]


_AFTER_VERB_FIRST = re.compile(rf"^[\s,]*(?:{_VERB})(?:-t)?-?(?P<rest>.*)$", re.S | re.I)


_SO = re.compile(r"^[\s,]*so\s+(?P<name>[^,.;:]+?)\s*(?:[,.;:]|$)")


def _attribution_after(reader: _Reader, after: str) -> _Speaker | None:
    """“…,” said X / X said / dit-elle / „…“, so X: the speaker in the words after a quote."""
    so = _SO.match(after)
    if so:  # German "…", so Gutersohn: a name, never a pronoun
        named = so.group("name")
        return None if named.casefold() in _PRONOUNS else reader.name_at_end(named)
    verb_first = _AFTER_VERB_FIRST.match(after)
    if verb_first:
        rest = verb_first.group("rest")
        pronoun = re.match(r"^(?:t-)?(\w+)\b", rest.strip())
        if pronoun and pronoun.group(1).casefold() in _PRONOUNS and after.count("-"):
            return reader.last  # "dit-elle", "a-t-il dit"
        # the name runs until the first lowercase word after a capitalised one
        words = rest.split()
        taken: list[str] = []
        for word in words:
            bare = word.rstrip(",.;:")
            if (
                taken
                and any(_capital(t) for t in taken)
                and not _capital(bare)
                and bare.casefold() not in _PARTICLES
            ):
                break
            taken.append(bare)
            if word != bare:
                break
        candidate = " ".join(taken)
        if not candidate:
            return None
        if len(taken) == 1 and taken[0].casefold() in _PRONOUNS:
            return reader.last
        speaker = reader.name_at_end(candidate)
        tail = rest.split(taken[-1], 1)[1] if taken else ""
        if speaker is None and "," in tail[:2]:  # "la consejera de Medio Ambiente, Rosa E."
            nested = re.match(r"^\s*,\s*([^,.;:]+)", tail)
            if nested:
                found = reader.name_at_end(nested.group(1))
                if found is not None:
                    return _Speaker(found.name, found.role or candidate)
        if speaker is not None and not speaker.role:
            speaker = _Speaker(speaker.name, reader.appositive(tail))
        return speaker
    subject_first = re.match(rf"^[\s,]*(?P<subject>.{{1,90}}?)\s+(?:{_VERB})\b", after, re.S)
    if subject_first:
        return reader.name_at_end(subject_first.group("subject"))
    return None


_BEFORE = re.compile(rf"(?:{_VERB})\s*[:,]?\s*$", re.I)
_BEFORE_COLON = re.compile(rf"\b(?:{_VERB})\b[^.!?]*:\s*$", re.I)


def _attribution_before(reader: _Reader, before: str) -> _Speaker | None:
    """X, a spokesperson, … and said: “…”, or X wrote … in the Post: “…”: the sentence's
    subject, if it is a name."""
    if not _BEFORE.search(before) and not _BEFORE_COLON.search(before):
        return None
    subject = re.match(r"^\s*(?P<s>[^,]+(?:,[^,]+,)?)", before)
    if not subject:
        return None
    words = subject.group("s")
    head = re.match(r"^(?P<name>(?:\S+\s+){0,4}?\S+?)(?=,|\s+[a-zà-ÿß])", words)
    found = reader.name_at_end(head.group("name")) if head else None
    if found is not None and "," in words:
        role = reader.appositive(words[len(head.group("name")) :] if head else "")
        return _Speaker(found.name, found.role or role)
    return found


# -- reported quotes --------------------------------------------------------------------------
_REPORTED = re.compile(
    rf"^(?P<subject>[^\"“”«»„]{{1,100}}?)\s+(?P<verb>{_VERB})\b(?P<rest>.*)$", re.S
)
# "said in a statement that", "told the Courier that": the reported words start after it
_THAT = re.compile(r"^(?:\s*[^\s,.;:]+){0,6}?\s*\b(?:that|que|qu'|qu’|dass)\s+|^\s*,\s+", re.I)


def _reported(reader: _Reader, sentence: str) -> tuple[_Speaker, int] | None:
    """X said (that) …: the speaker and where the reported words start in the sentence."""
    match = _REPORTED.match(sentence)
    if not match:
        return None
    speaker = reader.name_at_end(match.group("subject"))
    if speaker is None:
        return None
    rest = match.group("rest")
    that = _THAT.match(rest)
    if that:
        start = match.start("rest") + that.end()
    elif match.group("verb").casefold().startswith(("told", "tell")):
        return None  # "X told reporters": to whom, not what
    else:
        start = match.start("rest") + len(rest) - len(rest.lstrip(" ,"))
    return (speaker, start) if len(sentence[start:].split()) >= _MIN_WORDS else None


# -- a source ---------------------------------------------------------------------------------
def find_quotes(sections: Sequence[Section]) -> list[Quote]:
    """The quotes of one source's sections, in reading order, each with its speaker."""
    reader = _Reader()
    quotes: list[Quote] = []
    for section in sections:
        if section.kind in _QUOTED:
            quotes += _section_quotes(reader, section)
    return quotes


def _sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence bounds, never inside quotation marks (a quote may hold several sentences)."""
    masked = list(text)
    for start, end in spans:  # a full stop ending the quote still ends its sentence
        inner = end - 1 if end > start and text[end - 1] in ".!?…" else end
        masked[start:inner] = "x" * (inner - start)
    bounds, at = [], 0
    for found in _SENTENCE_END.finditer("".join(masked)):
        bounds.append((at, found.end()))
        at = found.end()
    if text[at:].strip():
        bounds.append((at, len(text)))
    return bounds


def _section_quotes(reader: _Reader, section: Section) -> list[Quote]:
    text = section.text
    spans = [s for s in _quoted_spans(text) if len(text[s[0] : s[1]].split()) >= _MIN_WORDS]
    found: list[Quote] = []
    previous: _Speaker | None = None  # the speaker of the quote just before (no sentence between)
    carried = reader.last  # who spoke at the end of the paragraph before
    for first, last in _sentences(text, _quoted_spans(text)):
        attributed = False
        opening = text[first:last].split()[:1]
        if not any(first <= s[0] < last for s in spans) and not (
            opening and opening[0].casefold() in _PRONOUNS
        ):
            previous = None  # a sentence about someone else between: a new quote is not his
        for start, end in (s for s in spans if first <= s[0] < last):
            speaker = _attribution_after(reader, _sentence_after(text, end + 1))
            if speaker is None:
                speaker = _attribution_before(reader, _sentence_before(text, start - 1))
            if speaker is None and previous is not None:
                speaker = previous  # “…,” said X. “…”
            if speaker is None and not text[: start - 1].strip():
                speaker = carried  # a paragraph that only goes on with the quote before
            if speaker is None:
                continue
            attributed = True
            previous = reader.last = speaker
            body_end = end
            while body_end > start and text[body_end - 1] in ",.;: ":
                body_end -= 1
            found.append(Quote(section.id, start, body_end, speaker.name, speaker.role, True))
        if attributed:
            continue
        sentence = text[first:last]
        offset = first + len(sentence) - len(sentence.lstrip())
        sentence = sentence.strip()
        speaks = _speaks(sentence)
        reported = _reported(reader, sentence) if speaks else None
        if reported is None:
            named = _subject_name(reader, sentence)
            if named is not None:
                reader.last = named  # "Headmistress Shabnam Azizi counted…": she, next
            elif speaks:
                reader.last = None  # "A commander … said …": someone unnamed spoke last
            continue
        speaker, start = reported
        reader.last = speaker
        end = offset + len(sentence)
        while end > offset + start and text[end - 1] in ".!?… ":
            end -= 1
        found.append(Quote(section.id, offset + start, end, speaker.name, speaker.role, False))
    return found


def _subject_name(reader: _Reader, sentence: str) -> _Speaker | None:
    """A sentence that opens with a full name (two capitalised words or more)."""
    taken: list[str] = []
    for word in sentence.split()[:6]:
        bare = word.rstrip(",.;:")
        if not _capital(bare):
            break
        taken.append(bare)
        if bare != word:
            break
    return reader.name_at_end(" ".join(taken)) if len(taken) >= 2 else None


_LOWER_WORD = re.compile(r"\w+")


def _speaks(sentence: str) -> bool:
    """Whether a verb of saying is in the sentence (a set look-up: the regular expressions
    of the rules are only tried on sentences that have one)."""
    return not _VERBS.isdisjoint(_LOWER_WORD.findall(sentence.casefold()))
