"""briefer.people: the capitalised runs who's who reads names from."""

from __future__ import annotations

import random
import re

import pytest

from briefer import people


def test_run_pattern_finds_what_the_plain_form_finds() -> None:
    """`people._RUN` opens with `_W`'s capital (so that re can skip to it): the runs of `\\b{_W}(...)*\\b`."""
    plain = re.compile(rf"\b{people._W}(?:\s+(?:[A-Z]\.|{people._W}))*\b")
    pieces = [*"MmcCAaBbsS'’-. \n_1Éé", "Mc", "McC", "ā", "Ł", "\u1e00", "\u1e01", "’s", "'s", "J.", "x", "Hun Sen's"]
    rng = random.Random(12)
    texts = ["President Xi Jinping met McCarthy.", "O'Brien and Jean-Luc Sæther", "in May Hilde Sandvik", "McDonald"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(20_000)]
    for text in texts:
        assert [m.span() for m in people._RUN.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize("text", [
    "the director of Holm Energy", "chief executive at Holm Energy", "head of Lindby Transit", "chairman of Brun Tools",
    "chairwoman of Brun Tools", "chair of Brun Tools", "ceo of Brun Tools", "boss at Brun Tools",
    "spokesman of Brun Tools", "spokeswoman at Brun Tools", "spokesperson of Brun Tools", "manager of Brun Tools",
    "founder of Brun Tools", "owner of Brun Tools"])
def test_headed_words_let_every_match_through(text: str) -> None:
    assert people._HEADED.search(text), text  # the example is one the pattern means
    assert any(word in text for word in people._HEADED_WORDS)
