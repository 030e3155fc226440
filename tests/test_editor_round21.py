"""Read as an editor, twenty-first round: defects of a bus operator's collapse (written by the lead, not kept in the
repository) and of the stories read blind this round. Each test is one defect."""

from __future__ import annotations

import datetime as dt

from briefer.candidates import leans_back
from briefer.temporal import mentions, published_in_lines


def test_a_masthead_line_closed_by_a_byline_gives_the_date() -> None:
    # The rescue deal's article went undated, so the brief's title and bottom line came from the day before.
    assert published_in_lines(["*Valley Echo, Thursday 12 March 2026, by Aileen Farrow*"]) == dt.date(2026, 3, 12)
    assert published_in_lines(["Valley Echo, Thursday 12 March 2026"]) == dt.date(2026, 3, 12)


def test_a_weekday_naming_a_kind_of_service_is_no_date() -> None:
    # "mostly evening and Sunday services" put the unsold routes on the timeline on the Sunday before.
    anchor = dt.date(2026, 3, 12)
    assert not mentions("The other routes, mostly evening and Sunday services, have not found a buyer.", anchor)
    assert [w.day for w in mentions("Services resumed on Sunday.", anchor)] == [dt.date(2026, 3, 8)]


def test_the_rest_of_a_count_told_before_leans_back() -> None:
    assert leans_back("The other 12 routes, mostly evening services, have not found a buyer.")
    assert leans_back("The remaining two men were treated for cold.")
    assert not leans_back("Greenline Travel has bought 28 of the 40 routes and will take on 190 of its staff.")
