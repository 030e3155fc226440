"""Topic matching: which sentences speak to which configured topic.

A topic's keywords and phrases are matched on word stems, so "Taiwan Strait" matches
"the Taiwan Strait's" and "fentanyl precursors" matches "precursor of fentanyl"'s stems
only as the contiguous phrase. Multi-word phrases count double: they are more specific.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.model import Topic
from briefer.text import stems


class TopicMatcher:
    """Scores sentences against a fixed list of topics."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        self._phrases: list[list[tuple[str, ...]]] = [
            [tuple(stems(k)) for k in topic.keywords if stems(k)] or [tuple(stems(topic.name))]
            for topic in self.topics
        ]
        # A sentence with none of these stems matches no topic: most sentences stop at this test.
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
        tokens = stems(text)
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
