"""A later day's report heads a section from its headline (issue 13, heads7): a noun phrase of the headline of an
article published after the story's first day, which the articles' sentences print and which names a subject, heads
the items that article alone carries about it; an earlier article's item that prints the phrase joins them."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.headings import Story, report_phrases
from briefer.pipeline import build_brief
from tests.helpers import ROOT

HEAT = ROOT / "tests" / "data" / "stories" / "heat"
FIXED = ("Overview", "Other developments")


def _headed(day: dt.date | None) -> dict[str, list[str]]:
    brief = build_brief([HEAT], load_options(date=day))
    return {s.heading: [i.text for i in s.items] for s in brief.sections if s.heading not in FIXED}


def test_a_later_day_headline_heads_that_days_report() -> None:
    # Before: the third day's hosepipe ban (its announcement, how long it lasts, the fine) was split between the
    # overview and "Record", which it joined by a chance word ("after three days of record demand").
    for day in (dt.date(2026, 8, 6), None):
        headed = _headed(day)
        assert "Hosepipe ban" in headed, headed
        # (The announcement may stand above them all as the bottom line.)
        bottom = build_brief([HEAT], load_options(date=day)).bottom_line
        ban = headed["Hosepipe ban"] + ([bottom.text] if bottom and bottom.text.startswith("Ostmark Water will ban")
                                        and bottom.text not in headed["Hosepipe ban"] else [])
        assert len(ban) == 3 and all("ban" in t for t in ban), headed
        assert all("record" in t for t in headed["Record"]) and not any("ban" in t for t in headed["Record"]), headed


def test_a_phrase_of_the_first_days_headlines_is_the_whole_story() -> None:
    texts = Story(["The weather satellite reached orbit.", "The weather satellite cost millions.",
                   "Anglers said the fishing quota was unfair.", "The fishing quota will be cut again next year."])
    dated = [(1, dt.date(2026, 5, 1), "Storm delays weather satellite"),
             (2, dt.date(2026, 5, 3), "Weather satellite reaches orbit as fishing quota is cut"),
             (3, None, "Undated fishing quota story")]
    assert report_phrases(dated, texts) == [("fishing quota", frozenset({2}))]
    assert report_phrases([(1, None, "Fishing quota cut")], texts) == []
