"""The RANKERS table (briefer.rank): every ranker builds from its name, fills a budget, honours its pool."""

from __future__ import annotations

import pytest

from briefer.errors import UsageError
from briefer.rank import RANKERS, get_selector
from briefer.rank.lead import LeadSelector
from briefer.rank.sumy_adapter import SumySelector
from briefer.text import word_count
from tests.helpers import sentences_of

DOCS = [
    ["The river rose two metres overnight and flooded the low streets of Eastbrook.",
     "Firefighters pumped water from the cellars of the old market hall until dawn.",
     "The mayor said the town would ask the region for emergency money to repair the bridge."],
    ["Floodwater covered the low streets of Eastbrook after the river rose two metres overnight.",
     "Schools in Eastbrook stayed closed and pupils were told to stay at home.",
     "The region promised emergency money to repair the bridge over the river."],
    ["Volunteers filled sandbags at the football ground as the river kept rising.",
     "The railway station reopened in the afternoon once the tracks were checked.",
     "Shopkeepers counted the cost of the flood in the low streets of Eastbrook."],
]


@pytest.mark.parametrize("name", sorted(RANKERS))
def test_every_ranker_fills_the_budget_from_its_pool(name: str) -> None:
    sentences = sentences_of(DOCS)
    pool = [0, 1, 3, 4, 6, 7, 8]
    picked = get_selector(name)(sentences, budget_words=40, candidates=pool)
    assert picked, name
    indices = [i for i, _ in picked]
    assert set(indices) <= set(pool) and len(set(indices)) == len(indices)
    if name != "lead":  # the lead baseline may overrun by its last sentence, as the DUC baseline does
        assert sum(word_count(sentences[i].text) for i in indices) <= 40


def test_an_unknown_ranker_is_an_error_listing_the_valid_names() -> None:
    with pytest.raises(UsageError) as caught:
        get_selector("pagerank")
    assert "pagerank" in str(caught.value) and all(name in str(caught.value) for name in RANKERS)


def test_lead_takes_each_articles_first_sentence_newest_first() -> None:
    sentences = sentences_of(DOCS)
    picked = [i for i, _ in LeadSelector()(sentences, budget_words=30)]
    assert picked[:3] == [6, 3, 0]


def test_sumy_ranks_without_patching_sumy() -> None:
    selector = SumySelector("lexrank")
    picked = selector(sentences_of(DOCS), budget_words=60)
    assert picked and all(score >= 0 for _, score in picked)
    assert "_get_best_sentences" not in vars(selector._summarizer)
