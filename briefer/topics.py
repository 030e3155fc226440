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

    def scores(self, text: str) -> list[float]:
        """One score per topic: the keyword phrases found in `text`, multi-word ones counting double."""
        tokens = stems(text)
        grams = {n: set(zip(*(tokens[i:] for i in range(n)), strict=False)) for n in (1, 2, 3, 4)}
        out = []
        for phrases in self._phrases:
            score = 0.0
            for phrase in phrases:
                if len(phrase) <= 4 and phrase in grams[len(phrase)]:
                    score += 2.0 if len(phrase) > 1 else 1.0
            out.append(score)
        return out

    def best(self, text: str) -> int | None:
        """Index of the best-matching topic, or None when no keyword matches."""
        scores = self.scores(text)
        top = max(range(len(scores)), key=lambda i: (scores[i], -i), default=None)
        return top if top is not None and scores[top] > 0 else None
