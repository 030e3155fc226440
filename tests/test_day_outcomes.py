"""A later day's outcome heads a section (issue 13, heads8): the verb of a later day's headline, turned noun ("agrees
to meet" -> "the meeting"), where the articles print that noun as one in two sentences, heads the items that day's
articles alone carry that name it or the verb; a verb of the first day's headlines is the whole story."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.headings import Story, outcome_nouns
from briefer.pipeline import build_brief
from tests.helpers import ROOT

PROTEST = ROOT / "tests" / "data" / "stories" / "protest"
FIXED = ("Overview", "Other developments")


def test_a_later_days_headline_verb_turned_noun_is_that_days_outcome() -> None:
    texts = Story(["The mayor agreed to meet the traders on Friday.",
                   "Traders will bring their accounts to the meeting.",
                   "The meeting is the first in a year, a trader said.", "A meeting room was booked.",
                   "Traders walked out of the market hall."])
    dated = [(1, dt.date(2026, 2, 1), "Traders walk out of market hall"),
             (2, dt.date(2026, 2, 3), "Mayor agrees to meet traders")]
    assert outcome_nouns(dated, texts) == [("meeting", "meet", frozenset({2}))]
    # A headline in title case says the same.
    assert outcome_nouns([dated[0], (2, dt.date(2026, 2, 3), "Mayor Agrees to Meet Traders")], texts) == [
        ("meeting", "meet", frozenset({2}))]
    # The first day's verb is what the whole story is about; a noun printed as one in one sentence names no outcome.
    assert outcome_nouns([(1, dt.date(2026, 2, 3), "Mayor agrees to meet traders")], texts) == []
    assert outcome_nouns(dated, Story(texts.texts[:2] + texts.texts[3:])) == []


def test_the_meeting_a_later_day_agreed_is_a_section_of_the_protest() -> None:
    # Before: the second day's three items on the meeting the health chief agreed to (when, the petition to hand in,
    # "a meeting is not a U-turn") sat in an overview of eight, and the story had no section.
    brief = build_brief([PROTEST], load_options(date=dt.date(2026, 5, 11)))
    headed = {s.heading: [i.text for i in s.items] for s in brief.sections if s.heading not in FIXED}
    assert list(headed) == ["Meeting"], headed
    assert len(headed["Meeting"]) == 3 and all("meet" in t for t in headed["Meeting"]), headed
    overview = next(s for s in brief.sections if s.heading == "Overview")
    assert not any("meeting" in i.text for i in overview.items)
