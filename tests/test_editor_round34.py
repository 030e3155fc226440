"""The thirty-fourth blind editor round (docs/quality.md), and the last round's leftover (pages of one day in their
order): each test is a defect a reader found, on the test stories or in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.model import Brief
from briefer.pipeline import build_brief
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"


def _brief(story: str, day: str) -> Brief:
    return build_brief([STORIES / story], load_options(date=dt.date.fromisoformat(day)))


def _printed(brief: Brief) -> list[str]:
    lines = [brief.bottom_line.text] if brief.bottom_line is not None else []
    return lines + [item.text for section in brief.sections for item in section.items]


def test_a_page_saved_three_times_in_a_day_is_read_in_its_order() -> None:
    # The 09:00, 13:00 and 18:00 saves of one live page: the title is the last save's headline, the residents who
    # "cannot go home yet" at 13:00 were home by 5pm, and a paragraph every save keeps is credited to all three.
    brief = _brief("threeupdates", "2026-05-13")
    assert brief.title.startswith("Tarnby acid leak: residents back home")
    printed = _printed(brief)
    assert not any("cannot go home yet" in line for line in printed)
    assert any(line.startswith("Evacuated residents were allowed to go back") for line in printed)
    litres = [item for section in brief.sections for item in section.items if "1,000 litres" in item.text]
    assert [item.sources for item in litres] == [(1, 2, 3)]


def test_the_time_a_page_or_a_feed_gives_orders_the_sources_of_one_day() -> None:
    from briefer.model import Source, newer, saved_again
    from briefer.outlets import stamp_in_html
    head = ('<head><meta property="article:published_time" content="2026-05-13T07:52:00+01:00">'
            '<meta property="article:modified_time" content="2026-05-13T18:00:00+01:00"></head>')
    assert stamp_in_html(head) == dt.datetime(2026, 5, 13, 17, 0)  # the last change, in UTC
    assert stamp_in_html('<meta property="article:published_time" content="2026-05-13">') is None
    day = dt.date(2026, 5, 13)
    morning = Source(1, "a", "a", published=day, stamp=dt.datetime(2026, 5, 13, 8), outlet="Live")
    evening = Source(2, "b", "b", published=day, stamp=dt.datetime(2026, 5, 13, 17), outlet="Live")
    other = Source(3, "c", "c", published=day, outlet="Gazette")
    assert newer(evening, morning) and not newer(morning, evening)
    assert not newer(other, morning) and not newer(morning, other)  # no time: neither is newer
    assert saved_again(evening, morning) and not saved_again(evening, other)
    nextday = Source(4, "d", "d", published=day + dt.timedelta(days=1), outlet="Gazette")
    assert newer(nextday, evening) and not saved_again(nextday, other)
