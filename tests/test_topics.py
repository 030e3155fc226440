"""Topic matching on stems and phrases."""

from __future__ import annotations

from briefer.model import Topic
from briefer.topics import TopicMatcher

TOPICS = (Topic("Taiwan", ("Taiwan", "Taiwan Strait")), Topic("Military channels", ("military-to-military", "hotline")))


def test_phrases_match_on_stems_and_count_double() -> None:
    matcher = TopicMatcher(TOPICS)
    assert matcher.scores("Ships crossed the Taiwan Strait's narrowest point.") == [3.0, 0.0]
    assert matcher.scores("They asked for military-to-military talks and a hotline.") == [0.0, 3.0]


def test_best_topic_or_none() -> None:
    matcher = TopicMatcher(TOPICS)
    assert matcher.best("Both hotlines stayed silent.") == 1
    assert matcher.best("The weather was fine.") is None


def test_words_inside_other_words_do_not_match() -> None:
    assert TopicMatcher((Topic("Rail", ("rail",)),)).best("The guardrail was repaired.") is None


def test_scores_are_remembered_but_never_shared() -> None:
    matcher = TopicMatcher(TOPICS)
    first = matcher.scores("A hotline across the Taiwan Strait.")
    first[0] = 99.0
    assert matcher.scores("A hotline across the Taiwan Strait.") == [3.0, 1.0]


def test_a_topic_without_words_matches_nothing() -> None:
    assert TopicMatcher((Topic("???"),)).scores("Anything at all?") == [0.0]
