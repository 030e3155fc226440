"""Word-level text tools shared by every stage that compares sentences: tokens, stems, stop words.

All of it works offline: the Porter stemmer is pure code (no NLTK data files) and the
stop-word list is scikit-learn's built-in English list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from nltk.stem.porter import PorterStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# Letters with inner apostrophes or hyphens ("Xi's", "U.S.-China" -> "u.s", "china"), or numbers.
_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)

STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "mr", "mrs", "ms"}

_stemmer = PorterStemmer()


def words(text: str) -> list[str]:
    """Lower-cased word tokens of `text` (punctuation dropped, apostrophes normalised)."""
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.replace("’", "'")
        out.append(w[:-2] if w.endswith("'s") else w)
    return out


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of one lower-case word (cached: news vocabularies repeat heavily)."""
    return _stemmer.stem(word)


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop-words of `text`, in order."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and not w.isdigit()]


def stems(text: str) -> list[str]:
    """Stems of every word of `text`, stop words included, in order."""
    return [stem(w) for w in words(text)]


def word_count(text: str) -> int:
    """Number of whitespace-separated words, the unit of every length budget."""
    return len(text.split())


def ngrams(tokens: Iterable[str], n: int) -> list[tuple[str, ...]]:
    """The n-grams of a token sequence."""
    seq = list(tokens)
    return [tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)]
