"""Tokens, stop words and the Porter stemmer, checked against the libraries they stand in for."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from briefer.text import STOP_WORDS, content_stems, porter_stem, stems, words
from tests.conftest import SHARED

# Words chosen to reach every rule of the stemmer, NLTK's departures from the paper included.
_RULE_TEXT = """
y yy yyyy ay by toy syzygy sky skies dying lying tying news innings outings howe proceed exceed succeed
caresses ponies ties caress cats dies died spied cried feed agreed bleed plastered bled motoring sing
conflated troubled sized hopping tanned falling hissing fizzed failing filing eyed happy enjoy spy fly
relational conditional rational valenci hesitanci digitizer conformabli radicalli generalli differentli
vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness
formaliti sensitiviti sensibiliti fulli geology theology archaeology triplicate formative formalize
electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable
defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti
homologous effective bowdlerize probate rate cease controll roll ow ox oats trees ivy orrery
"""
RULE_WORDS = _RULE_TEXT.split()


def _nltk_stemmer() -> object:
    porter = pytest.importorskip("nltk.stem.porter")
    return porter.PorterStemmer()


def test_stemmer_matches_nltk_on_every_rule() -> None:
    nltk = _nltk_stemmer()
    for word in RULE_WORDS:
        assert porter_stem(word) == nltk.stem(word), word  # type: ignore[attr-defined]


@pytest.mark.slow
def test_stemmer_matches_nltk_on_the_shared_news_vocabulary() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    nltk = _nltk_stemmer()
    vocabulary: set[str] = set()
    for path in [*SHARED.glob("seeds/*.txt"), *SHARED.glob("eval/duc2004/dev/*/docs/*.txt")]:
        vocabulary.update(re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8", errors="replace").lower()))
    assert len(vocabulary) > 1000
    wrong = [w for w in sorted(vocabulary) if porter_stem(w) != nltk.stem(w)]  # type: ignore[attr-defined]
    assert wrong == []


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
