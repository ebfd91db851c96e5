"""Language identification of an article's body (the model ships with py3langid)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_SAMPLE = 400  # characters read (every benchmark page and paragraph is told the same from 400)
# First looks: so many characters, and how sure of them the model must be. What it is that
# sure of there, it says from the whole sample too (on all 586 benchmark bodies, where 0.95
# would do from 80 characters): most bodies are told from the first look, a few need more.
_FIRST_LOOKS = ((100, 0.99), (200, 0.95))
_RTL_LANGUAGES = frozenset({"ar", "fa", "ps", "ur", "he", "yi", "ckb", "sd", "ug", "dv"})


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loading the model takes a few hundred milliseconds: do it once, on first use.
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when there is too little to tell."""
    # The model's time grows with the text; four hundred characters of a body tell its
    # language as surely as the whole of it, and fewer do when the model is sure of them.
    sample = text[:_SAMPLE]
    # twenty letters or more; most bodies have them in their first forty characters
    if sum(map(str.isalpha, sample[:40])) < 20 and sum(map(str.isalpha, sample)) < 20:
        return ""
    identifier = _identifier()
    for length, sure in _FIRST_LOOKS:
        if len(sample) > length:
            code, probability = identifier.classify(sample[:length])
            if probability >= sure:
                return str(code)
    code, probability = identifier.classify(sample)
    return str(code) if probability >= 0.5 else ""


def is_rtl(language: str) -> bool:
    return language in _RTL_LANGUAGES
