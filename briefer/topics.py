"""Topic matching: which sentences speak to which topic.

A topic's keywords and phrases match as words and phrases: "Taiwan Strait" matches "the Taiwan
Strait's", "precursor" matches "precursors", but "independence" never matches "independent" (a stem
match alone would file an oyster study under Taiwan). Words are compared lower-cased, without a
possessive and in the singular (see `normalise`). Multi-word phrases count double: they are more specific.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from briefer.model import Topic
from briefer.text import words

_PLURAL_ES = re.compile(r"(?:ss|x|z|ch|sh)es$")


@functools.lru_cache(maxsize=1 << 16)  # a story has tens of thousands of distinct words, called millions of times
def normalise(word: str) -> str:
    """A word as topics compare it: lower case, no possessive, singular ("crises" is left alone)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and _PLURAL_ES.search(w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics")):
        return w[:-1]
    return w


def normalised(text: str) -> list[str]:
    """The words of `text`, each `normalise`d, in order."""
    return [normalise(w) for w in words(text)]


class TopicMatcher:
    """Scores sentences against a fixed list of topics."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        self._phrases: list[list[tuple[str, ...]]] = [
            [tuple(normalised(k)) for k in topic.keywords if normalised(k)] or [tuple(normalised(topic.name))]
            for topic in self.topics
        ]
        # A sentence with none of these words matches no topic: most sentences stop at this test.
        self._openers = {phrase[0] for phrases in self._phrases for phrase in phrases if phrase}
        # The pipeline asks for a sentence's scores and then its best topic: score each text once.
        self._seen: dict[str, tuple[float, ...]] = {}

    def scores(self, text: str) -> list[float]:
        """One score per topic: the keyword phrases found in `text`, multi-word ones counting double."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._score(text)
        return list(found)

    def _score(self, text: str) -> tuple[float, ...]:
        tokens = normalised(text)
        if self._openers.isdisjoint(tokens):
            return (0.0,) * len(self.topics)
        starts: dict[str, list[int]] = {}
        for i, token in enumerate(tokens):
            starts.setdefault(token, []).append(i)
        out = []
        for phrases in self._phrases:
            score = 0.0
            for phrase in phrases:
                n = len(phrase)
                if 0 < n <= 4 and any(tuple(tokens[i : i + n]) == phrase for i in starts.get(phrase[0], ())):
                    score += 2.0 if n > 1 else 1.0
            out.append(score)
        return tuple(out)

    def best(self, text: str) -> int | None:
        """Index of the best-matching topic, or None when no keyword matches."""
        scores = self.scores(text)
        top = max(range(len(scores)), key=lambda i: (scores[i], -i), default=None)
        return top if top is not None and scores[top] > 0 else None
