"""The fiftieth editor round (docs/quality.md): each test is a defect a reader found, on the round's test stories
(tests/data/stories/README.md) or in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.supersede import supersedes
from briefer.temporal import classify, event_date
from tests.helpers import shown_lines, story_brief


def _supersedes(later: str, earlier: str) -> bool:
    return supersedes(later, classify(later), earlier, classify(earlier))


def test_a_calling_off_undone_overturns_it_though_told_in_the_future() -> None:
    # Active or passive, the event called off and then back on: the newer line wins.
    assert _supersedes("The Harwick Players' pantomime, Aladdin, will go ahead after all, moved to the Corn Exchange.",
                       "The Harwick Players have cancelled their pantomime, Aladdin, after a burst pipe.")
    assert _supersedes("The bonfire that was called off on Friday will now go ahead on Saturday at 6pm.",
                       "The bonfire, which was due to be lit at 6pm, has been called off.")
    # ... but not another event of the same day that stays off.
    assert not _supersedes("The bonfire that was called off on Friday will now go ahead on Saturday at 6pm.",
                           "The council has called off all of Sunday's events, including the children's parade.")
    # ... nor a plan kept, with nothing called off before it.
    assert not _supersedes("The pantomime will go ahead after all, moved to the Corn Exchange.",
                           "The pantomime's director said rehearsals had gone well.")


def test_the_school_musical_back_on_is_never_shown_cancelled() -> None:
    for day in ("2026-03-19", "2026-03-20"):
        lines = shown_lines(story_brief("schoolplay", day))
        assert not [line for line in lines if "has cancelled its spring musical" in line], day
    eve = story_brief("schoolplay", "2026-03-19")
    assert eve.bottom_line is not None and "will go ahead after all" in eve.bottom_line.text


def test_what_goes_ahead_on_a_day_is_ahead_of_its_article() -> None:
    thursday = dt.date(2026, 6, 4)
    text = "The extra session at the town hall goes ahead on Saturday from 9am to 3pm."
    assert classify(text, thursday) == "expected"
    when = event_date(text, thursday)
    assert when is not None and when.day == dt.date(2026, 6, 6)
    assert classify("The match did not go ahead on Saturday.", thursday) == "report"
    brief = story_brief("bloodstocks", "2026-06-04")
    assert not [row for row in brief.timeline if row.date == "2026-05-30"]
    # ... and it is what comes next: an event that goes ahead on a day ahead.
    assert [row for row in brief.next if row.date == "2026-06-06"]


def test_a_decision_told_after_the_talks_that_made_it_is_the_bottom_line() -> None:
    # A release's lead: the new figure, the one it replaces set off by commas, after talks the day before.
    brief = story_brief("marketrent", "2026-03-06")
    assert brief.bottom_line is not None
    assert "will rise by 12 per cent" in brief.bottom_line.text


def test_do_so_with_nothing_before_it_to_stand_for_leans_back() -> None:
    from briefer.candidates import leans_back

    assert leans_back("Cllr Ada Brennan, leader of the Green group, said she had not yet decided whether to do so.")
    assert leans_back("Doing so would cost £2m, the council said.")
    # ... but not when its own sentence gives the verb it stands for.
    assert not leans_back("Police urged anyone who saw the crash to come forward, but nobody has done so.")
    assert not leans_back("Repairs will begin once it is safe to do so.")
    assert not leans_back("Residents who wish to do so can object online until 4 May.")
    assert not leans_back("The man responsible for closing the sluice said the order to do so never reached him.")
