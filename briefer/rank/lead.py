"""The lead baseline: the first sentences of the newest articles, one article after another in turn.

Articles are taken newest first in input order reversed (`briefer eval` passes a cluster's files
in date order); within the budget, each article's first sentence, then each one's second, and so on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefer.model import Sentence, Topic
from briefer.text import word_count


class LeadSelector:
    """Round-robin over articles by position, newest article first."""

    def __call__(
        self,
        sentences: Sequence[Sentence],
        *,
        budget_words: int,
        candidates: Sequence[int] | None = None,
        query: Topic | None = None,
        covered: Sequence[int] = (),
        weights: Mapping[int, float] | None = None,
    ) -> list[tuple[int, float]]:
        """Pick (index, score) pairs in lead order; the score falls with the round."""
        pool = range(len(sentences)) if candidates is None else candidates
        rank: dict[int, int] = {}
        by_doc: dict[int, int] = {}
        order = []
        for i in sorted(pool, key=lambda i: (sentences[i].doc, sentences[i].position)):
            doc = sentences[i].doc
            rank[i] = by_doc.get(doc, 0)
            by_doc[doc] = rank[i] + 1
            order.append(i)
        order.sort(key=lambda i: (rank[i], -sentences[i].doc))
        picked: list[tuple[int, float]] = []
        used = 0
        for i in order:
            if used >= budget_words:
                break
            picked.append((i, 1.0 / (1 + rank[i])))
            used += word_count(sentences[i].text)
        return picked
