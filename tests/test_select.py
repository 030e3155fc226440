"""The default selector on tiny literal documents: what it picks, what it leaves, and its contract."""

from __future__ import annotations

import numpy as np
import pytest

from briefer.errors import UsageError
from briefer.model import Sentence, Topic
from briefer.rank.concept import ConceptSelector
from briefer.text import word_count
from tests.helpers import sentences_of

# Three short "articles" about one invented story. The flood closing the bridge is told by all
# three (twice in near-identical words); the mayor's budget and the school story by one each.
DOCS = [
    [
        "Heavy rain flooded the river valley and closed the old stone bridge on Monday morning.",
        "The town council met late into the night to discuss the emergency repair budget.",
        "Local schools stayed open, and teachers held classes in the upstairs rooms.",
    ],
    [
        "Officials said the old stone bridge was closed after heavy rain flooded the river valley.",
        "Engineers expect the old stone bridge to reopen next week once the water level drops.",
        "A small bakery on the main square gave free bread to stranded commuters all day.",
    ],
    [
        "Heavy rain flooded the river valley on Monday, and the old stone bridge was closed.",
        "Engineers said the old stone bridge could reopen next week when the water level drops.",
        "The mayor promised to ask the regional government for flood relief money soon.",
    ],
]


def corpus(docs: list[list[str]] = DOCS) -> list[Sentence]:
    """Sentence records for literal documents, one paragraph each."""
    return sentences_of(docs)


def texts(sentences: list[Sentence], picked: list[tuple[int, float]]) -> list[str]:
    return [sentences[i].text for i, _ in picked]


SELECT = ConceptSelector(min_df=2, min_words=5)


def test_picks_the_repeated_fact_first_and_never_twice() -> None:
    sentences = corpus()
    picked = SELECT(sentences, budget_words=35)
    chosen = texts(sentences, picked)
    assert "flooded the river valley" in chosen[0]
    flood = [t for t in chosen if "flooded the river valley" in t]
    assert len(flood) == 1, "the three tellings of the flood are one fact"
    # The second fact every source shares: the bridge reopening next week.
    assert any("reopen next week" in t for t in chosen)
    assert sum(word_count(t) for t in chosen) <= 35


def test_scores_are_positive_gains() -> None:
    picked = SELECT(corpus(), budget_words=60)
    assert len(picked) >= 3
    assert all(score > 0 for _, score in picked)
    # The first pick adds the most: every concept it carries is still uncovered then.
    assert picked[0][1] == max(score for _, score in picked)


def test_fills_the_budget_when_shared_concepts_run_out() -> None:
    sentences = corpus()
    picked = SELECT(sentences, budget_words=100)
    # Once the shared facts are covered, sentences only one source carries still fill the budget.
    assert any("bakery" in sentences[i].text for i, _ in picked)
    assert sum(word_count(sentences[i].text) for i, _ in picked) >= 80


def test_budget_is_never_exceeded() -> None:
    sentences = corpus()
    for budget in (5, 14, 16, 30, 45, 200):
        picked = SELECT(sentences, budget_words=budget)
        assert sum(word_count(sentences[i].text) for i, _ in picked) <= budget
    assert SELECT(sentences, budget_words=0) == []


def test_candidates_limit_the_choice() -> None:
    sentences = corpus()
    # Only the second and third articles may be quoted, but the first still counts for statistics.
    allowed = [i for i, s in enumerate(sentences) if s.doc > 0]
    picked = SELECT(sentences, budget_words=40, candidates=allowed)
    assert picked and {i for i, _ in picked} <= set(allowed)


def test_covered_concepts_are_not_repeated() -> None:
    sentences = corpus()
    first = SELECT(sentences, budget_words=17)
    assert len(first) == 1
    again = SELECT(sentences, budget_words=17, covered=[first[0][0]])
    assert again and "flooded the river valley" not in sentences[again[0][0]].text
    assert "reopen next week" in sentences[again[0][0]].text


def test_query_steers_towards_the_topic() -> None:
    sentences = corpus()
    topic = Topic(name="Relief money", keywords=("budget", "council", "mayor"), description="Who pays for repairs.")
    picked = SELECT(sentences, budget_words=15, query=topic, candidates=[1, 8, 0])
    # Without the topic the flood sentence wins; with it a money sentence does.
    assert texts(sentences, SELECT(sentences, budget_words=15, candidates=[1, 8, 0])) == [sentences[0].text]
    assert texts(sentences, picked)[0] in (sentences[1].text, sentences[8].text)


def test_sentences_that_need_context_are_not_picked() -> None:
    docs = [
        [
            "Will the old stone bridge reopen after the heavy rain flooded the river valley?",
            "Bridge closed.",
            "We never saw the old stone bridge closed after heavy rain flooded the river valley.",
            "And nobody expected the old stone bridge to close after rain flooded the river valley.''",
        ],
        [
            "The old stone bridge closed after heavy rain flooded the river valley on Monday.",
            "``The old stone bridge closed after heavy rain flooded the river valley,'' the mayor told reporters.",
        ],
    ]
    sentences = corpus(docs)
    picked = SELECT(sentences, budget_words=100)
    # A question, a fragment, first person outside quotes, the tail of a quotation: never picked.
    # A quotation with its speaker is fine.
    assert sorted(i for i, _ in picked) == [4, 5]


def test_deterministic() -> None:
    sentences = corpus()
    runs = {tuple(SELECT(sentences, budget_words=40)) for _ in range(3)}
    assert len(runs) == 1


def test_rejects_nonsense() -> None:
    with pytest.raises(UsageError):
        ConceptSelector(min_df=0)
    with pytest.raises(UsageError):
        SELECT(corpus(), budget_words=20, candidates=[99])
    with pytest.raises(UsageError):
        SELECT(corpus(), budget_words=20, covered=[-1])


def test_single_document_still_summarised() -> None:
    sentences = corpus(DOCS[:1])
    picked = ConceptSelector(min_words=5)(sentences, budget_words=40)
    assert picked


def test_thirty_thousand_sentences_fill_the_budget() -> None:
    # Speed at this size is measured by the benchmark (bench/run.py, docs/performance.md), not timed here.
    rng = np.random.default_rng(0)
    vocab = np.array([f"w{k}" for k in range(3000)])
    ids = rng.integers(0, vocab.size, size=(30_000, 30))
    lengths = rng.integers(8, 30, size=30_000)
    sentences = [
        Sentence(doc=i // 30, paragraph=0, position=i % 30, text=" ".join(vocab[ids[i, : lengths[i]]]) + ".")
        for i in range(30_000)
    ]
    picked = ConceptSelector()(sentences, budget_words=400)
    assert picked
    assert sum(lengths[i] for i, _ in picked) <= 400
