"""Word-level text tools shared by every stage that compares sentences: tokens, stems, stop words.

All of it works offline and loads fast: the Porter stemmer is written out here (NLTK's
variant, checked word for word against nltk in tests/test_text.py; importing nltk costs
1.7 s of start-up), and the stop-word list is scikit-learn's built-in English list, read
from its source file without importing scikit-learn.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# Letters with inner apostrophes or hyphens ("Xi's", "U.S.-China" -> "u.s", "china"), or numbers.
_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
# A possessive ending on a token of the space-joined token list (tokens never contain spaces).
_POSSESSIVE = re.compile(r"'s(?= |$)")


def _sklearn_stop_words() -> frozenset[str]:
    """scikit-learn's ENGLISH_STOP_WORDS, parsed from its source file (importing sklearn takes 0.3 s)."""
    spec = importlib.util.find_spec("sklearn")
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "feature_extraction" / "_stop_words.py"
        try:
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                        and any(getattr(t, "id", "") == "ENGLISH_STOP_WORDS" for t in node.targets)):
                    return frozenset(ast.literal_eval(node.value.args[0]))
        except (OSError, SyntaxError, ValueError, IndexError):
            pass
    # The file moved in some scikit-learn release: fall back to the public (slow) import.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


STOP_WORDS: frozenset[str] = _sklearn_stop_words() | {"said", "says", "say", "mr", "mrs", "ms"}


def words(text: str) -> list[str]:
    """Lower-cased word tokens of `text` (punctuation dropped, apostrophes normalised, possessive 's cut)."""
    # One findall and one substitution over the whole text: a Python loop per token cost a
    # fifth of a 30,000-sentence run (every stage tokenises).
    found = _WORD.findall(text.lower().replace("’", "'"))
    if not found:
        return found
    return _POSSESSIVE.sub("", " ".join(found)).split(" ")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of one lower-case word (cached: news vocabularies repeat heavily)."""
    return porter_stem(word)


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


# --- The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980), with the
# departures NLTK's default mode makes: a table of irregular forms, words of one or two
# letters kept, "dies"/"died" -> "die", y -> i only after a consonant, "alli" handled
# before the other step-2 rules, and the "fulli" and "logi" rules.

_IRREGULAR = {
    "sky": "sky", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "news": "news",
    "innings": "inning", "inning": "inning", "outings": "outing", "outing": "outing",
    "cannings": "canning", "canning": "canning", "howe": "howe",
    "proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
}
_VOWELS = frozenset("aeiou")
# (suffix, replacement); the first suffix that matches decides, whether or not its condition holds.
_STEP2 = (
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ("fulli", "ful"), ("logi", "log"),
)
_STEP3 = (("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"),
          ("ful", ""), ("ness", ""))
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
          "ou", "ism", "ate", "iti", "ous", "ive", "ize")


def _shape(word: str) -> str:
    """'c' or 'v' per letter: a y is a vowel after a consonant and a consonant otherwise."""
    out = []
    consonant = False
    for i, ch in enumerate(word):
        consonant = ch not in _VOWELS and (ch != "y" or i == 0 or not consonant)
        out.append("c" if consonant else "v")
    return "".join(out)


def _measure(stem: str) -> int:
    return _shape(stem).count("vc")


def _ends_cvc(word: str) -> bool:
    shape = _shape(word)
    return (len(word) >= 3 and shape.endswith("cvc") and word[-1] not in "wxy") or shape == "vc"


def _step1(word: str) -> str:
    if word.endswith("ies") and len(word) == 4:
        word = word[:-1]
    elif word.endswith(("sses", "ies")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.endswith("ied"):
        return word[:-1] if len(word) == 4 else word[:-2]
    if word.endswith("eed"):
        return word[:-1] if _measure(word[:-3]) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and "v" in _shape(word[: -len(suffix)]):
            return _after_ed_ing(word[: -len(suffix)])
    return word


def _after_ed_ing(stem: str) -> str:
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    if len(stem) >= 2 and stem[-1] == stem[-2] and _shape(stem)[-1] == "c":
        return stem if stem[-1] in "lsz" else stem[:-1]
    return stem + "e" if _measure(stem) == 1 and _ends_cvc(stem) else stem


def _step1c(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and _shape(word[:-1])[-1] == "c":
        return word[:-1] + "i"
    return word


def _step2(word: str) -> str:
    if word.endswith("alli") and _measure(word[:-4]) > 0:
        return _step2(word[:-2])
    for suffix, replacement in _STEP2:
        if word.endswith(suffix):
            # The l of "logi" stays with the stem, so that "geology" and "theology" conflate like "biology".
            stem = word[:-3] if suffix == "logi" else word[: -len(suffix)]
            return word[: -len(suffix)] + replacement if _measure(stem) > 0 else word
    return word


def _step3(word: str) -> str:
    for suffix, replacement in _STEP3:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            return stem + replacement if _measure(stem) > 0 else word
    return word


def _step4(word: str) -> str:
    for suffix in _STEP4:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            keep = _measure(stem) > 1 and (suffix != "ion" or stem[-1] in "st")
            return stem if keep else word
    return word


def _step5(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _ends_cvc(stem)):
            word = stem
    if word.endswith("ll") and _measure(word[:-1]) > 1:
        return word[:-1]
    return word


def porter_stem(word: str) -> str:
    """Porter stem of `word`, lower-cased, exactly as NLTK's PorterStemmer() gives it."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if len(word) <= 2:
        return lower
    return _step5(_step4(_step3(_step2(_step1c(_step1(lower))))))
