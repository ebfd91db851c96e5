"""What page furniture looks like, in the words sites use for it in many languages.

A page's furniture names the same few things on every site of a language: subscribing,
logging in, cookies, sharing, comments, related stories, "also read". These rules name those
things, not any one site's lines; the pasted-text reader (`brief.ingest.text`) weighs them
together with the page's layout (line length, blank lines, place in the page).
"""

from __future__ import annotations

import re

import ahocorasick_rs

from brief.ingest.alternation import by_first_letter
from brief.ingest.ascii_text import KEEP_WORDS, ascii_with_marks

# The characters a sentence ends with: Latin and Cyrillic stops, Arabic-script question mark
# and Urdu full stop, CJK full stops, Devanagari danda, Armenian and Ethiopic stops; closing
# quotes and brackets after them.
_SENTENCE_ENDS = frozenset(".!?…:;\"'”’»)]۔؟。！？।॥։።")


def ends_sentence(text: str) -> bool:
    """Whether the line's last character but spaces ends a sentence: read from that
    character, not searched for along the line."""
    return text.rstrip()[-1:] in _SENTENCE_ENDS


# Lines that open the furniture after an article: comments, related links, tag lists.
#: The heading of an article's own list of sources: what follows is cited, not told, and the
#: article ends there for certain (like the comments).
SOURCES_HEAD = re.compile(
    r"^(?:sources|references|bibliography|quellen|fuentes|fontes|fonti|bronnen|источники"
    r"|المصادر|المراجع|منابع)\s*:?\s*$",
    re.IGNORECASE,
)

# An author's or a company's box: "About Jane Doe". Only words that open no ordinary heading
# in their language ("Over", "Su" would: "Over Christmas", "Su Misura").
_ABOUT_BOX = r"""(?-i:(?:About|Über|Sobre|Acerca\s+de|À\s+propos\s+de|A\s+propos\s+de|Об?)
      \s+[A-ZÀ-ÝА-Я][\w'’.-]*(?:\s+[A-ZÀ-ÝА-Я][\w'’.-]*){0,3})"""
BARRIER = re.compile(
    r"""^(?:
      [\[(]?\s*(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?\s*[\])]?
    | \(\d+\)\s*comments?
    | leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment
    | join\s+the\s+(?:discussion|conversation)|(?:show|view|read)\s+(?:all\s+)?comments
    | top\s+rated\s+comments
    | related(?:\s+(?:articles?|stories|posts|content|coverage|news|reading|topics))?
    | (?:our\s+)?(?:top|latest|recent|more|other|featured)\s+
      (?:stories|news|articles|posts|headlines)
    | recent\s+blog\s+posts|read\s+these\s+next|editor['’]?s\s+picks|in\s+other\s+news
    | more\s+(?:from|on|in|stories|news|like\s+this)\b.*
    | (?:most\s+)?(?:popular|read|viewed|shared)(?:\s+(?:now|today|stories|articles|news))?
    | trending(?:\s+now)?|recommended(?:\s+(?:for\s+you|stories|articles))?
    | you\s+(?:may|might)\s+also\s+(?:like|enjoy)|read\s+next|what\s+to\s+read\s+next
    | also\s+on\b.*|like\s+this|about\s+the\s+authors?|share\s+this(?:\s+(?:article|story|post))?
    # the author's or the company's box: "About Jane Doe", "Über Moritz B.", "Sobre Ana"
    | """
    + _ABOUT_BOX
    + r"""
    | tags?|topics|filed\s+under\b.*|sponsored(?:\s+(?:content|stories|links))?
    | next\s+(?:story|article|post)|previous\s+(?:story|article|post)
    # the article's own list of sources or references: cited, not part of the text
    | sources|references|bibliography|quellen|fuentes|fontes|fonti|bronnen|источники
    | المصادر|المراجع|منابع
    # French, German, Spanish, Portuguese, Italian, Dutch
    | commentaires?|réactions?|articles?\s+(?:liés|similaires|connexes)
    | à\s+lire\s+(?:aussi|également)
    | (?:sur\s+le\s+même\s+sujet|les\s+plus\s+lus|dans\s+la\s+même\s+rubrique)
    | kommentare?|leserkommentare|(?:das\s+)?(?:könnte\s+sie\s+auch\s+interessieren)
    | (?:ähnliche|verwandte)\s+(?:artikel|themen|beiträge)|mehr\s+zum\s+thema|meistgelesen
    | comentarios?|noticias\s+relacionadas|(?:artículos|notas)\s+relacionad[ao]s|no\s+te\s+pierdas
    | lo\s+más\s+(?:leído|visto)|te\s+puede\s+interesar|también\s+te\s+puede\s+interesar
    | comentários?|notícias\s+relacionadas|(?:leia|veja)\s+também|mais\s+lidas
    | commenti|articoli\s+correlati|potrebbe\s+interessarti|leggi\s+anche
    | reacties|gerelateerde\s+artikelen|meest\s+gelezen
    # Turkish, Russian
    | yorumlar|ilgili\s+haberler|sonraki\s+haber|önceki\s+haber|benzer\s+haberler
    | комментари[ийя]|похожие\s+(?:новости|статьи)|читайте\s+также|другие\s+новости
    | вам\s+(?:также\s+)?(?:может\s+)?(?:быть\s+)?(?:будет\s+)?интересно
    # Arabic, Persian, Urdu, Pashto
    | التعليقات|تعليقات|اترك\s+تعليقا[ًً]?|أخبار\s+ذات\s+صلة|مواضيع\s+ذات\s+صلة|اقرأ\s+أيضا[ًً]?
    | الأكثر\s+قراءة|بحث\s+و\s+گفتگو|دیدگاه(?:\s*ها)?|نظرات|نوشته\s*های\s+(?:همسان|مرتبط)
    | مطالب\s+مرتبط|اخبار\s+مرتبط|تبصرے|متعلقہ\s+خبریں|اړوند\s+خبرونه|نظرونه
    # Japanese, Chinese, Korean
    | 関連(?:記事|ニュース|エントリー)|おすすめ記事|人気記事|コメント
    | 相关(?:文章|新闻|阅读)|相關(?:文章|新聞|閱讀)|推荐阅读|热门文章|评论|留言
    | 관련\s*기사|추천\s*기사|많이\s*본\s*기사|댓글
    )\s*[:.…：]*\s*$""",
    re.I | re.X,
)

# What opens a comment section for certain: WordPress's "34 responses to “Title”", "Leave a
# reply", "Comments are closed", and their equivalents.
COMMENTS_OPEN = re.compile(
    r"""^(?:\d+\s+(?:responses?|thoughts?|comments?|replies|reactions?)\s+(?:to|on)\b.*
    | (?:leave|post|add|write)\s+a\s+(?:reply|comment)|comments\s+are\s+closed
    | (?:join|start)\s+the\s+(?:discussion|conversation)|top\s+rated\s+comments
    | [\[(]\s*\d+\s+comments?\s*[\])]|\d+\s+comments?
    | laisser\s+un\s+commentaire|\d+\s+commentaires?|schreibe\s+einen\s+kommentar
    | \d+\s+kommentare?|deja\s+(?:un|tu)\s+comentario|\d+\s+comentarios?
    | deixe\s+(?:um|seu)\s+comentário|lascia\s+un\s+commento|yorum\s+yap(?:ın)?
    | оставить\s+комментарий|\d+\s+комментари[ийя]|اترك\s+تعليقا[ًً]?|دیدگاهتان\s+را\s+بنویسید
    )\s*[:.…]*\s*$""",
    re.I | re.X,
)
# The comments' heading alone ("Comments"): it opens them only right under the article's
# last paragraph, for in a row of buttons ("Share", "Comments", "Print") it is one of them.
COMMENTS_HEADING = re.compile(
    r"""^(?:comments|commentaires|kommentare|comentarios|comentários|commenti|reacties|yorumlar
    |комментарии|التعليقات|تعليقات|نظرات|دیدگاه‌ها|تبصرے|نظرونه
    # and the author's or the company's box, which closes the article the same way
    | about\s+the\s+authors?|"""
    + _ABOUT_BOX
    + r""")\s*:?\s*$""",
    re.I | re.X,
)
# A comment's own head: "Gary M on September 17, 2018 at 8:50 pm said:", "joetoronto says:".
COMMENT_HEAD = re.compile(
    r"""^\S.{0,120}?\s(?:says|said|wrote|writes|replied|dit|a\s+dit|a\s+écrit|écrit|sagt|schreibt
    |schrieb|dice|dijo|escribió|diz|disse|escreveu|scrive|ha\s+scritto|zegt|schreef|dedi|yazdı
    |пишет|написал[аи]?|говорит)\s*:\s*$""",
    re.I | re.X,
)


# "Also read: <title>", "À lire aussi : <title>": a link to another article.
ALSO_READ = re.compile(
    r"""^(?:(?:also|now)\s+read|read\s+(?:also|more|next)|see\s+(?:also|more)|related|more|watch
    | listen|don['’]t\s+miss
    | (?:à\s+)?lire\s+(?:aussi|également)|voir\s+aussi|à\s+voir\s+aussi|sur\s+le\s+même\s+sujet
    | lesen\s+sie\s+(?:auch|mehr)|auch\s+interessant|mehr\s+(?:dazu|zum\s+thema)|siehe\s+auch
    | (?:lee|leer|ver)\s+(?:también|además)|(?:le(?:ia|r)|veja)\s+também|(?:leggi|vedi)\s+anche
    | lees\s+ook|ayrıca\s+(?:okuyun|bakınız)|bunu\s+da\s+okuyun|читайте\s+(?:также|еще|ещё)
    | см\.?\s+также|اقرأ\s+(?:أيضا|أيضًا|ايضا|المزيد)|همچنین\s+بخوانید|بیشتر\s+بخوانید
    | بیشتر\s+بخوانید|یہ\s+بھی\s+پڑھیں|مزید\s+پڑھیں|دا\s+هم\s+ولولئ
    )\s*[:：\-–—|»]+\s*\S""",
    re.I | re.X,
)

# Boilerplate phrases, wherever they stand and however long the line, each under a word it
# holds (lower case, words one space apart, as normalize_text leaves them). Searching a long
# line for all of them at once is slow in Python's re (some 90 microseconds), so a phrase is
# looked for only in lines holding its word; those that open a line are matched at its start.
_ANYWHERE_PHRASES = (
    ("cookie", r"\b(?:uses?|using|accept|allow)\s+(?:all\s+)?cookies\b"
               r"|\bcookie\s+(?:policy|settings|notice)"),
    # "By subscribing you agree", "by subscribing to our newsletter"; not "investors
    # subscribing for shares", which a report on a share offer says
    ("subscrib", r"\bsubscribe\s+(?:to|now|today|for)\b|\bby\s+subscribing\b"
                 r"|\bsubscribing\s+to\s+(?:our|the|this|a)\b"),
    ("sign up", r"\bsign\s+up\s+(?:for|to|now)\b"),
    ("newsletter", r"\b(?:our|free|daily|weekly)\s+newsletters?\b"),
    ("mailing list", r"\bmailing\s+list\b"),
    ("inbox", r"\bin\s+your\s+inbox\b"),
    ("rights reserved", r"all\s+rights\s+reserved"),
    ("©", r"©"),
    ("(c)", r"\(c\)\s*\d{4}"),
    ("copyright", r"\bcopyright\s+(?:©\s*)?\d{4}"),
    ("trademark", r"\bregistered\s+trademarks?\b"),
    ("privacy policy", r"\bprivacy\s+policy\b"),
    ("privacy notice", r"\bprivacy\s+notice\b"),
    ("terms of", r"\bterms\s+of\s+(?:use|service|conditions)\b"),
    ("terms and", r"\bterms\s+and\s+(?:use|service|conditions)\b"),
    ("click here", r"\bclick\s+here\b"),
    ("akismet", r"\buses\s+akismet\b"),
    ("placeholder", r"\bplaceholder\s+while\b"),
    ("went wrong", r"\bsomething\s+went\s+wrong\b"),
    ("thank you for", r"\bthank\s+you\s+for\s+(?:subscribing|signing|reading)\b"),
    ("download", r"\bdownload\s+(?:our|the)\s+app\b"),
    ("javascript", r"\benable\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:disabled|required)\b"),
    ("browser", r"\b(?:your\s+)?browser\s+is\s+(?:out\s+of\s+date|outdated|not\s+supported)\b"),
    ("in app", r"\bopen\s+in\s+app\b"),
    ("published from", r"\bauto-?published\s+from\b"),
)  # fmt: skip
_ANYWHERE = tuple((word, re.compile(phrase, re.I)) for word, phrase in _ANYWHERE_PHRASES)
#: All of them in one pattern (what the shortcut above must find the same as).
JUNK_ANYWHERE = re.compile("|".join(f"(?:{phrase})" for _, phrase in _ANYWHERE_PHRASES), re.I)


JUNK_START = re.compile(
    r"""(?:
      read\s+(?:more|the\s+full|the\s+original)\b|continue\s+reading\b|skip\s+to\b|advertisement\b
    | (?:image|photo|slide|video)\s+\d+\s+(?:of|/)\s*\d*|\d+\s*/\s*\d+$
    | (?:back|return|go)\s+to\s+(?:gallery|top|(?:the\s+)?(?:front|home)\s*page|homepage)
    | (?:log|sign)\s*(?:in|out)\b|follow\s+us\b
    )""",
    re.I | re.X,
)


def junk_phrase(text: str, low: str | None = None) -> bool:
    """A boilerplate phrase anywhere in the line ("All rights reserved", "Skip to content").
    `low` is the line in lower case, if the caller has it."""
    if JUNK_START.match(text):
        return True
    return _holds_phrase(text, _marks_in(text.lower() if low is None else low))


def _holds_phrase(text: str, marks: set[object]) -> bool:
    """Whether one of _ANYWHERE's phrases stands in the line, of those whose word `marks`
    (_marks_in) holds."""
    # A loop, not any(): a generator's steps cost more than most of these tests.
    for mark in marks:  # noqa: SIM110
        if isinstance(mark, re.Pattern) and mark.search(text):
            return True
    return False


# The vocabulary of subscription boxes, log-in forms, cookie banners and browser warnings,
# in many languages: a short line (see is_junk) using one of these words is furniture.
FURNITURE_WORD = re.compile(
    r"""(?:
      \b(?:subscri(?:be|ption|ber)s?|paywall|log-?in|sign-?in|password|newsletters?|cookies?
      |javascript|adblock(?:er)?|premium-?(?:abo|inhalt|artikel)
      # French
      |abonn(?:é|e|ez|ement|ements|é·es|és|ée|ées)|s['’]abonner|je\s+m['’]abonne|se\s+connecter
      |mot\s+de\s+passe|identifiez-vous|connectez-vous|déjà\s+abonné|résiliable
      # German
      |abo|abos|abonnieren|abonnent(?:in)?(?::in)?|abonniert|anmelden|einloggen|registrieren
      |passwort|browser|vorlesefunktion|zum\s+hauptinhalt
      # Spanish, Portuguese, Italian, Dutch
      |suscr[ií]b[a-z]*|suscripci[oó]n(?:es)?|contraseña|iniciar\s+sesi[oó]n|reg[ií]strate
      |assinante|assinatura|assine|senha|abbonat[io]|abbonamento|abbonati|accedi
      |abonnee|inloggen|wachtwoord
      # Turkish, Russian
      |abone|giriş\s+yap|şifre|подписк[аиуой]|подпишитесь|войти|пароль
      )\b
    | اشترك|الاشتراك|سجل\s+الدخول|تسجيل\s+الدخول|كلمة\s+المرور|اشتراک|رمز\s+عبور|ورود\s+به
    | سبسکرائب|لاگ\s+ان
    )""",
    re.I | re.X,
)

# The words of FURNITURE_WORD's Latin and Cyrillic phrases (of each phrase, one word), as
# \w+ splits a line in lower case; and the starts of those it names by a pattern. The
# pattern, an alternation of some eighty words, is searched for only in lines holding one of
# these. Tests keep the two in step.
_FURNITURE_TOKENS = frozenset(
    (
        "subscribe", "subscribes", "subscription", "subscriptions", "subscriber",
        "subscribers", "paywall", "log", "login", "sign", "signin", "password", "newsletter",
        "newsletters", "cookie", "cookies", "javascript", "adblock", "adblocker", "premium",
        "premiumabo", "premiuminhalt", "premiumartikel", "abonné", "abonne", "abonnez",
        "abonnement", "abonnements", "abonnés", "abonnée", "abonnées", "abonner", "connecter",
        "passe", "identifiez", "connectez", "résiliable", "abo", "abos", "abonnieren",
        "abonnent", "abonnentin", "abonniert", "anmelden", "einloggen", "registrieren",
        "passwort", "browser", "vorlesefunktion", "hauptinhalt", "suscripcion", "suscripción",
        "suscripciones", "suscripciónes", "contraseña", "iniciar", "registrate", "regístrate",
        "assinante", "assinatura", "assine", "senha", "abbonati", "abbonato", "abbonamento",
        "accedi", "abonnee", "inloggen", "wachtwoord", "abone", "giriş", "şifre", "подписка",
        "подписки", "подписку", "подписко", "подпискй", "подпишитесь", "войти", "пароль",
    )
)  # fmt: skip
_FURNITURE_ASCII_TOKENS = frozenset(word.encode() for word in _FURNITURE_TOKENS if word.isascii())
_FURNITURE_STARTS = ("suscrib", "suscríb")
# Its Arabic-script phrases, which it finds inside words too (one word of each phrase).
_FURNITURE_INFIXES = (
    "اشترك", "الاشتراك", "الدخول", "المرور", "اشتراک", "عبور", "ورود", "سبسکرائب", "لاگ",
)  # fmt: skip
_WORD = re.compile(r"\w+")


def _may_hold_furniture_word(
    text: str, low: str | None = None, marks: set[object] | None = None
) -> bool:
    """False when FURNITURE_WORD cannot match: no word of the line is one of its words.
    Letters are folded the way the pattern's case-insensitive match folds them.
    `low` is the line in lower case and `marks` what _marks_in found in it, if the caller
    has them."""
    if low is None:
        low = text.lower()
    if marks is None:
        marks = _marks_in(low)
    if _FURNITURE_START in marks or _FURNITURE_INFIX in marks:
        return True
    if _FURNITURE_TOKEN not in marks and _FOLDED not in marks:
        return False  # no furniture word in the line, not even inside another word (most)
    ascii_line = ascii_with_marks(low)
    if ascii_line is not None:
        # No letter beyond ASCII: its words are split in C, and only ASCII ones can match.
        return not _FURNITURE_ASCII_TOKENS.isdisjoint(ascii_line.translate(KEEP_WORDS).split())
    # "İ" lowers to "i" and a combining dot; the pattern also reads "ı" and "ſ" as i, s.
    low = low.replace("\u0307", "").replace("ı", "i").replace("ſ", "s")
    if "suscr" in low and any(start in low for start in _FURNITURE_STARTS):
        return True
    return not _FURNITURE_TOKENS.isdisjoint(_WORD.findall(low))


# Whole lines that are buttons or labels.
JUNK_LINE = re.compile(
    r"""^(?:share|tweet|email|e-mail|print|save|facebook|twitter|x|linkedin|whatsapp|pinterest
    |reddit|flipboard|instagram|youtube|telegram|copy\s+link|close|caption|menu|search|home
    |reply|report|like|flag|next|previous|more|advertisement|ad|sponsored|listen|watch|play
    |comments?|loading\.*|live|live\s+news|subscribe|sign\s+in|log\s+in|register|accept
    |hide\s+caption|toggle\s+caption|expand|enlarge\s+this\s+image|open\s+image\s+\d+
    |back\s+to\s+top(?:\s+button)?|breaking\s+news|accessibility\s+links|connect\s+with\s+us
    |don['’]t\s+miss|must\s+read|see\s+more|editor['’]s\s+picks?|in\s+case\s+you\s+missed\s+it
    |view\s+(?:this\s+)?post\s+on\s+(?:instagram|facebook|x|twitter)|view\s+on\s+(?:instagram|threads)
    |partager|imprimer|publicité|fermer|rechercher|accueil|teilen|drucken|anzeige|werbung
    |suche|startseite|compartir|imprimir|publicidad|cerrar|buscar|inicio|más|mais|menos
    |condividi|stampa|pubblicità|paylaş|reklam|поделиться|реклама|مشاركة|إعلان|اشتراک\s*گذاری
    |تبلیغات|بیشتر|redes\s+sociales|réseaux\s+sociaux|soziale\s+netzwerke)[\s.!:…]*$""",
    re.I | re.X,
)

# How to reach the site's offices: an e-mail address, or a number after its label.
CONTACT = re.compile(
    r"""[\w.+-]+@[\w-]+\.[\w.]+
    | \b(?:tel|tél|phone|telephone|téléphone|telefon|tel[eé]fono|telefone|fax|faks|телефон|факс)
      \b\.?\s*:?\s*[+*(]?\d
    | (?:هاتف|فاكس|تلفن|فکس|تلیفون)\s*:?\s*[+(]?[\d٠-٩۰-۹]""",
    re.I | re.X,
)


# A label of CONTACT with its number: the label's first letters, the rest of its word, marks
# and spaces, a digit ("tel.: +44", "téléphone 01"). In a lower-case line a label of CONTACT
# always stands so; "hotel", "telling" without a number after them do not.
_CONTACT_NUMBER = re.compile(
    r"(?:tel|tél|phone|fax|faks|телефон|факс|هاتف|فاكس|تلفن|فکس|تلیفون)\w*\W*\d"
)


# _CONTACT_NUMBER's labels, looked for as text first (its pattern tries every "t" and "p").
_CONTACT_LABELS = (
    "tel", "tél", "phone", "fax", "faks", "телефон", "факс", "هاتف", "فاكس", "تلفن", "فکس",
    "تلیفون",
)  # fmt: skip


def _may_hold_contact(low: str, marks: set[object]) -> bool:
    """False when CONTACT cannot match: an address needs its "@", a label its number.
    `low` is the line in lower case, `marks` what _marks_in found in it."""
    if "@" in marks:
        return True
    return _CONTACT_LABEL in marks and bool(_CONTACT_NUMBER.search(low))


# What is_junk looks for in a line before its patterns, all in one pass of an Aho-Corasick
# automaton (ahocorasick_rs, in Rust) over the line in lower case, where looking for each in
# turn scanned the line some fifty times (a third of is_junk's time): each phrase's word (its
# pattern stands for it), each contact label, the "@" of an address, the breadcrumb's
# separators, and the furniture words (even inside other words), their starts, their
# Arabic-script infixes and the letters their pattern reads as others.
_CONTACT_LABEL = "a contact's label"
_BREADCRUMB_MARKS = frozenset("›»>/|")
_FURNITURE_START = "a furniture word's start"
_FURNITURE_INFIX = "a furniture word's infix"
_FURNITURE_TOKEN = "a furniture word, maybe inside another word"
# The letters FURNITURE_WORD reads as others ("ı" as i, "ſ" as s) and the combining dot of
# a lower-cased "İ": a furniture word may be spelt with them.
_FOLDED = "a letter read as another"
_FOLDED_LETTERS = ("ı", "ſ", "\u0307")


def _mark_keys() -> dict[str, tuple[object, ...]]:
    """Each key of the one pass, with what finding it means (a key may mean two things:
    "cookie" is a phrase's word and a furniture word)."""
    found_as: dict[str, tuple[object, ...]] = {}
    keys: list[tuple[str, object]] = [
        *_ANYWHERE,
        *((label, _CONTACT_LABEL) for label in _CONTACT_LABELS),
        *((start, _FURNITURE_START) for start in _FURNITURE_STARTS),
        *((infix, _FURNITURE_INFIX) for infix in _FURNITURE_INFIXES),
        *((token, _FURNITURE_TOKEN) for token in _FURNITURE_TOKENS),
        *((fold, _FOLDED) for fold in _FOLDED_LETTERS),
        *((mark, mark) for mark in ("@", *_BREADCRUMB_MARKS)),
    ]
    for key, meaning in keys:
        found_as[key] = (*found_as.get(key, ()), meaning)
    return found_as


_MARK_KEYS = _mark_keys()
_MARK_MEANINGS = list(_MARK_KEYS.values())
_MARKS = ahocorasick_rs.AhoCorasick(list(_MARK_KEYS))


def _marks_in(low: str) -> set[object]:
    """The meanings (see _mark_keys) of every key found in `low`, a line in lower case.
    Lower case maps no character onto a mark or from one, so the marks are the line's own."""
    try:
        found = _MARKS.find_matches_as_indexes(low, overlapping=True)
    except UnicodeEncodeError:
        # A lone surrogate (text decoded with surrogateescape) cannot cross into Rust: as "?",
        # which no key holds, it still parts what it parted.
        low = low.encode("utf-8", "replace").decode("utf-8")
        found = _MARKS.find_matches_as_indexes(low, overlapping=True)
    return {meaning for key, _, _ in found for meaning in _MARK_MEANINGS[key]}


# Credits that mark a line as a photo caption. Each pattern is tried only where it can
# match: most lines of a page are captions of nothing, and a pattern tied to the line's end
# is otherwise tried at every character of a long paragraph.
# "Photo: Name", "Image by Name", "Légende :".
# (Each of these patterns opens with a lookahead naming the letters a match can start with:
# a position at any other letter is let go before the alternation is tried.)
CREDIT_LABEL = re.compile(
    r"""(?=[pPiIcCfFbBlLdD])\b(?:photo(?:graph)?s?|images?|pictures?|illustrations?|credits?|foto|bild
    |legende|légende|leyenda|didascalia)\s*(?::|by\b)""",
    re.I | re.X,
)
# A picture agency near the line's end: "… Getty Images", "(Reuters/Name)".
CREDIT_AGENCY = re.compile(
    r"""(?=[gsarebxpdkiGSAREBXPDKI])
    \b(?:getty\s+images|shutterstock|afp|reuters|ap\s+photo|epa|anadolu|bloomberg|
    alamy|xinhua|pa\s+images?|dpa|efe|keystone|imago|picture\s+alliance)\b[^.]{0,40}$""",
    re.I | re.X,
)
_AGENCY_TAIL = 80  # characters: the longest agency's name and the 40 after it, with room
# A line that opens with what it shows: "Photo …", "(File photo) …", "Screengrab …".
CREDIT_OPENING = re.compile(r"^\(?(?:photo|image|file\s+photo|screengrab|screenshot)\b", re.I)
# A credit in brackets closing the line: "( AFP / Name )".
CREDIT_BRACKETS = re.compile(r"\(\s*[^()]{2,40}\s*/\s*[^()]{2,40}\)\s*$")
# Who stands where in a picture: "Ahmad Masood (L) and Amrullah Saleh (R)".
PICTURE_POSITION = re.compile(r"\((?:L|R|C|left|right|centre|center|g|d|izq|der)\.?\)")
# A line's last word in brackets naming a picture agency, any script: "(غيتي)" (Getty).
CREDIT_TAIL = re.compile(
    r"\((?:غيتي|غتي|أ\s*ف\s*ب|رويترز|ا\s*ب|گتی|رویترز|Getty|AFP|AP|Reuters|EPA|dpa)\)\s*$"
)


# The separators of a breadcrumb trail, each between spaces.
BREADCRUMB = re.compile(r"\s[›»>/|]\s")
BULLETS = ("•", "▪", "►", "▸", "‣", "◦")


# A text cut short with a switch to see the rest ("… more"), or shown whole with the switch
# to fold it ("… nation. less"): a caption of a slideshow, copied with its control.
_TOGGLED = re.compile(
    r"(?:(?:\.\.\.|…)\s*(?:more|mehr|plus|más|meer|più|mais|ещё|еще|المزيد|بیشتر)"
    r"|[.!?”\"]\s+(?:less|weniger|moins|menos|minder|meno|меньше))$",
    re.IGNORECASE,
)


# The switch closes the line: its last characters hold it ("… more" is a dozen; spaces
# come collapsed), so a long line is not searched from its start.
_TOGGLED_TAIL = 64
# The last letters of its words (lower case): a line ending otherwise (most end with a stop)
# is not searched.
_TOGGLED_LAST = frozenset("eorsſùёеدر")  # ("ſ": re reads it as "s")


def is_junk(text: str, words: int | None = None) -> bool:
    """True for a line that is page furniture wherever it stands.

    Furniture vocabulary (subscribe, log in, cookies in any of the languages above) makes a
    line furniture only while the line is short: a long paragraph may well discuss them.
    """
    if words is None:
        words = len(text.split())
    low = text.lower()
    marks = _marks_in(low)
    if (
        JUNK_START.match(text)
        or _holds_phrase(text, marks)
        or is_junk_line(text, words)
        or is_barrier(text, words)
    ):
        return True
    if (
        not _BREADCRUMB_MARKS.isdisjoint(marks)
        and len(BREADCRUMB.findall(text)) >= 2
        and not ends_sentence(text.rstrip("…"))
    ):
        return True  # "Home › World › Asia › Taliban take…"
    if text.startswith(BULLETS) and not ends_sentence(text):
        return True  # a bulleted link: "• Live: troops work to resume flights"
    if words <= 30 and _ALSO_READ_BY_LETTER.match(text):
        return True
    if text[-1:].lower() in _TOGGLED_LAST and _TOGGLED.search(text[-_TOGGLED_TAIL:]):
        return True  # a caption with its "… more" / "less" switch: a slideshow's, copied

    if words >= 20 and _is_word_list(text):
        return True  # a tag cloud or a keyword line, however long
    if _may_hold_contact(low, marks) and len(CONTACT.findall(text)) >= 2:
        return True  # "Telephone: … Fax: … E-mail: subs@…": the site's contact box
    return (
        words <= 40
        and _may_hold_furniture_word(text, low, marks)
        and bool(FURNITURE_WORD.search(text))
    )


# Marks that prose of twenty words always has somewhere, in any script that spaces its words.
_PROSE_MARK = re.compile(
    r"[.,;:!?¿¡\"“”«»()\u060c\u061b\u061f\u06d4\u0964\u3001\u3002\uff0c\uff01\uff1f]"
)
_SPACELESS_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u9fff]")


def _is_word_list(text: str) -> bool:
    """A run of words with no prose marks, or of short comma-separated items, and no
    sentence end: "adote um amigo agua alerta ambiente …", "stock car 2018, stock car …"."""
    if ends_sentence(text) or _SPACELESS_SCRIPT.search(text):
        return False
    if not _PROSE_MARK.search(text):
        return True
    items = [item.split() for item in re.split(r"[,،、]", text)]
    return len(items) >= 6 and all(0 < len(item) <= 4 for item in items)


def credits_agency(text: str) -> bool:
    """CREDIT_AGENCY.search, in the line's tail only: its last _AGENCY_TAIL characters, and
    after its last full stop, which no agency's name, nor what follows it, holds."""
    return bool(CREDIT_AGENCY.search(text, max(len(text) - _AGENCY_TAIL, text.rfind(".") + 1)))


def is_caption(text: str) -> bool:
    """A picture's caption: a credit, a position mark ("(L)") or a bracketed agency."""
    low = text.lower()
    if ("by" in low or ":" in text) and CREDIT_LABEL.search(text):
        return True
    if CREDIT_OPENING.match(text):
        return True
    if credits_agency(text):
        return True
    if PICTURE_POSITION.search(text):
        return True
    return text.rstrip().endswith(")") and bool(
        CREDIT_BRACKETS.search(text) or CREDIT_TAIL.search(text)
    )


# BARRIER's and JUNK_LINE's fixed phrases are six words at most ("вам также может быть
# интересно"); only three of BARRIER's run on to the line's end ("More from …", "Also on …",
# "Filed under …"). A longer line is tried against those three alone: the whole alternation
# costs microseconds a line, and most lines of a page are long.
SHORT_PHRASE = 8  # words
_BARRIER_RUNNING_ON = re.compile(
    r"""^(?:more\s+(?:from|on|in|stories|news|like\s+this)\b.*|also\s+on\b.*
    |filed\s+under\b.*)\s*[:.…]*\s*$""",
    re.I | re.X,
)


# The alternations tried on most lines, their phrases grouped by first letter
# (brief.ingest.alternation): they say whether a line matches in a third to a half of the
# time.
_BARRIER_BY_LETTER = by_first_letter(BARRIER)
_JUNK_LINE_BY_LETTER = by_first_letter(JUNK_LINE)
_COMMENTS_OPEN_BY_LETTER = by_first_letter(COMMENTS_OPEN)
_ALSO_READ_BY_LETTER = by_first_letter(ALSO_READ)


def is_barrier(text: str, words: int | None = None) -> bool:
    """BARRIER.match, `words` (brief.ingest.lines.count_words) saving the long lines' time:
    those are tried only against the phrases running on, which start with m, a or f."""
    if words is not None and words > SHORT_PHRASE:
        return text[:1] in "mMaAfF" and bool(_BARRIER_RUNNING_ON.match(text))
    return bool(_BARRIER_BY_LETTER.match(text))


# The first letters of COMMENTS_OPEN's phrases, in lower case, digits aside ("ſ": re reads
# it as "s").
_COMMENTS_OPEN_FIRST = frozenset("lpawcjsſt[(dyоاد")


def opens_comments(text: str, words: int) -> bool:
    """COMMENTS_OPEN.match. Past SHORT_PHRASE words only its "34 responses to …" can match,
    and that starts with a digit; a shorter line is tried if it starts as a phrase does."""
    first = text[:1]
    if first.isdigit():
        return bool(_COMMENTS_OPEN_BY_LETTER.match(text))
    return (
        words <= SHORT_PHRASE
        and first.lower() in _COMMENTS_OPEN_FIRST
        and bool(_COMMENTS_OPEN_BY_LETTER.match(text))
    )


# The first letters of SOURCES_HEAD's words, in lower case: s, r, b, q, f, и, ا, م ("ſ": re
# reads it as "s").
_SOURCES_FIRST = frozenset("srbqfſ\u0438\u0627\u0645")


def heads_sources(text: str, words: int) -> bool:
    """SOURCES_HEAD.match, whose headings are one word each ("Sources", "Quellen:"), each
    starting with one of a few letters."""
    return words <= 2 and text[:1].lower() in _SOURCES_FIRST and bool(SOURCES_HEAD.match(text))


def is_junk_line(text: str, words: int | None = None) -> bool:
    """JUNK_LINE.match, which no line of more than SHORT_PHRASE words can satisfy."""
    return (words is None or words <= SHORT_PHRASE) and bool(_JUNK_LINE_BY_LETTER.match(text))
