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
