"""The rankers: one table, `RANKERS`, from name to a constructor; the CLI's choices come from it.

A ranker (a `Selector`) picks sentences for a word budget:
`selector(sentences, *, budget_words, candidates, query, covered, weights) -> [(index, score), ...]`, best
first; `weights` (sentence index -> factor, 1 when absent) scales what a sentence is worth. The brief's
sections (briefer.sections) turn the picks into facts.

- `briefer` (the default): concept coverage across sources (rank/concept.py, docs/quality.md);
- sumy's algorithms, for comparison (rank/sumy_adapter.py);
- `lead`: the baseline, the first sentences of the newest articles in turn (rank/lead.py).

Adding a ranker is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Protocol

from briefer.errors import unknown_name
from briefer.model import Sentence, Topic


class Selector(Protocol):
    """Picks sentences for a word budget; see the module docstring."""

    def __call__(
        self,
        sentences: Sequence[Sentence],
        *,
        budget_words: int,
        candidates: Sequence[int] | None = None,
        query: Topic | None = None,
        covered: Sequence[int] = (),
        weights: Mapping[int, float] | None = None,
    ) -> list[tuple[int, float]]: ...


def _concept() -> Selector:
    from briefer.rank.concept import ConceptSelector

    return ConceptSelector()


def _sumy(name: str) -> Selector:
    from briefer.rank.sumy_adapter import SumySelector

    return SumySelector(name)


def _lead() -> Selector:
    from briefer.rank.lead import LeadSelector

    return LeadSelector()


RANKERS: dict[str, Callable[[], Selector]] = {
    "briefer": _concept,
    **{name: partial(_sumy, name) for name in ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson")},
    "lead": _lead,
}


def get_selector(name: str) -> Selector:
    """Build the ranker called `name`; UsageError listing the valid names otherwise."""
    make = RANKERS.get(name)
    if make is None:
        raise unknown_name("ranker", name, list(RANKERS))
    return make()
