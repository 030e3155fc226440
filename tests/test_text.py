"""Tokens, stop words and stems."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest

from briefer.text import STOP_WORDS, content_stems, one_of, stems, words


def test_inflections_share_a_stem() -> None:
    pairs = {"meetings": "meet", "running": "run", "relations": "relat", "generalization": "general",
             "hotlines": "hotlin", "agreed": "agre", "caresses": "caress", "ponies": "poni"}
    assert {word: stems(word)[0] for word in pairs} == pairs


def test_stop_words_are_scikit_learns_list_plus_ours() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text")
    assert frozenset(text.ENGLISH_STOP_WORDS) | {"said", "says", "say", "mr", "mrs", "ms"} == STOP_WORDS


def test_words_normalise_apostrophes_and_cut_possessives() -> None:
    assert words("Xi’s talks with the U.S.-China team's 2.5 people") == [
        "xi", "talks", "with", "the", "u.s", "china", "team", "2.5", "people"]
    assert words("The boss's 'quotes' and it's") == ["the", "boss", "quotes", "and", "it"]
    assert words("... --- !!") == []


def test_content_stems_drop_stop_words_and_numbers() -> None:
    assert content_stems("He said the ministers were meeting 3 times in 2023.") == ["minist", "meet", "time"]
    assert stems("Meetings resumed") == ["meet", "resum"]


def test_importing_the_text_tools_loads_neither_nltk_nor_sklearn() -> None:
    # Start-up time: nltk alone costs 1.7 s and scikit-learn 0.3 s on the CI machine.
    code = "import sys, briefer.text; print(sorted(m for m in ('nltk', 'sklearn') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("text", [
    "The U.S.-China talks’ 2nd round, on 1,250.5 tonnes — “final” ‘offer’ – at 9 a.m.",
    "Café owners in İzmir said the ſtraße’s 3,000 visitors came back.",
    "Plain ASCII: Xi's visit, 40 people, don't stop.", "x² and ٣٤ and Ⅻ_abc", "", "’“”—",
])
def test_the_ascii_pattern_finds_what_the_unicode_one_does(text: str) -> None:
    from briefer.text import _WORD, _words_found

    lowered = text.lower()
    assert _words_found(lowered) == _WORD.findall(lowered.replace("’", "'"))


def test_one_of_matches_what_the_alternation_matches_in_its_order():
    # The number words of briefer.measures: prefixes of each other ("four" / "fourteen", "twenty" / "twenty-one" /
    # "twenty one"), spaces and hyphens. A trie must match the same word at each place, the longest first, and give
    # way to a shorter one when what follows fails (as the plain alternation backtracks).
    from briefer.measures import _NUMBERS

    vocabulary = sorted(_NUMBERS, key=len, reverse=True)
    plain = re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, vocabulary))})\s+([a-z]+)", re.I)
    trie = re.compile(rf"(?<![\w-])({one_of(vocabulary)})\s+([a-z]+)", re.I)
    assert trie.pattern != plain.pattern and len(trie.pattern) < len(plain.pattern)
    rng = random.Random(7)
    pieces = [*vocabulary, "dozen", "teen", "-", " ", "ty", "cats", "Four", "Twenty-One", "4", "x"]
    texts = ["twenty-one cats", "twenty one cats", "twenty-onecats", "fourteen dogs", "four teens", "a dozen eggs",
             "an hour", "seventy-seven"]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    for text in texts:
        assert [m.groups() for m in trie.finditer(text)] == [m.groups() for m in plain.finditer(text)], text
    assert re.fullmatch(one_of(["b", "ab", "abc"]), "ab") and not re.fullmatch(one_of(["b", "abc"]), "ab")


def test_a_deferred_pattern_is_compiled_on_first_use_and_behaves_as_compiled() -> None:
    import copy
    import pickle
    import re

    from briefer.text import deferred

    pattern = deferred(r"\bnow (?:stands?|is) at (\d+)", re.I)
    assert "search" not in vars(pattern)  # nothing compiled at import
    text = "The level NOW stands at 29 per cent."
    assert pattern.search(text).group(1) == re.compile(pattern.pattern, re.I).search(text).group(1) == "29"
    assert "search" in vars(pattern)  # compiled once, then looked up as a compiled pattern's method
    for twin in (copy.deepcopy(pattern), pickle.loads(pickle.dumps(pattern))):
        assert twin.findall(text) == ["29"]
