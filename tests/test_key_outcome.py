"""The decisive outcome first (issue 12 item 5, issue 13 item 7): the bottom line and the overview carry what the
story turns on (a decision, the first day's event), never Other developments. Stories of our
own in tests/data/stories (gravel) and the
volcano of the twelfth round."""

from __future__ import annotations

import datetime as dt

from briefer.candidates import decides
from briefer.config import load_options
from briefer.discover import headline, reports
from briefer.pipeline import build_brief
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"


def _overview(brief) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.text for s in brief.sections if s.heading == "Overview" for i in s.items]


def test_a_decision_by_a_body_or_a_vote() -> None:
    assert decides("The county planning board approved the quarry on Thursday by five votes to two.")
    assert decides("The supreme court ruled on Tuesday that the farm can go ahead.")
    assert decides("Members of the union voted to accept the offer.")
    assert decides("A former mayor was found guilty on Friday of taking bribes.")
    assert not decides("The board will decide on Thursday whether the quarry can open.")
    assert not decides("About 300 villagers marched in protest at the board's decision.")
    # How a body split is no decision of it: the decision is the rise the dissenters voted against.
    assert not decides("Two members of the bank's rate committee voted against the rise.")


def test_the_decision_is_the_bottom_line_not_the_next_days_protest() -> None:
    brief = build_brief([STORIES / "gravel"], load_options(date=dt.date(2026, 6, 5)))
    assert brief.bottom_line is not None
    assert brief.bottom_line.text.startswith("The county planning board approved the gravel quarry")
    # The title agrees with it: the decision's headline, not the next day's march.
    assert brief.title == "Ashwell quarry approved by planning board"
    # The march is still told, as news of the story, in the overview.
    assert any(t.startswith("About 300 villagers marched") for t in _overview(brief))


def test_the_first_days_event_is_in_the_overview_not_other_developments() -> None:
    # The volcano's eruption (day one's lead) sat in Other developments under a bottom line that names it in passing
    # ("the Skarfjell eruption had all but stopped"), whose words the ranker counted as covering it.
    brief = build_brief([STORIES / "volcano"], load_options(date=dt.date(2026, 8, 6)))
    assert brief.bottom_line is not None and brief.bottom_line.text.startswith("Brennhavn airport reopened")
    assert any(t.startswith("The Skarfjell volcano on the island of Haldey erupted") for t in _overview(brief))


def test_a_headline_that_only_labels_its_page_is_no_title() -> None:
    assert not reports("Linmoor fire: council update")
    assert not reports("Statement")
    assert reports("Fire destroys Linmoor paper mill warehouse")
    titles = ["Fire destroys Linmoor paper mill warehouse", "Linmoor paper mill restarts after fire",
              "Linmoor fire: council update"]
    dates = [dt.date(2026, 5, 11), dt.date(2026, 5, 14), dt.date(2026, 5, 15)]
    assert headline(titles, (), dates) == "Linmoor paper mill restarts after fire"


def test_the_first_days_count_does_not_hide_a_later_days_news_of_it() -> None:
    # With the wildfire's lead ("... forcing about 600 people to leave their homes" by Monday) first in the overview,
    # the overnight evacuation of the two villages (the same 600, told of a later day) was left out as the same count.
    brief = build_brief([STORIES / "wildfire"], load_options(date=dt.date(2026, 8, 21)))
    printed = [i.text for s in brief.sections for i in s.items]
    # (The lead's "had burned about 900 hectares by Monday morning" gives way to Tuesday's "grew to about 1,400
    # hectares", a running total (round 41); the timeline keeps Monday's.)
    assert any("grew to about 1,400 hectares" in t for t in printed)
    assert not any("900 hectares" in t for t in printed)
    assert any("900 hectares" in d.text for d in brief.timeline)
    assert any(t.startswith("The villages of Upper Calder and Holm were evacuated overnight") for t in printed)
