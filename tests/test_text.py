"""Tokens, stop words and stems."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefer.text import STOP_WORDS, content_stems, stems, words


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
