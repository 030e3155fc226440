"""The thirty-third blind editor round (docs/quality.md): each test is a defect a reader found, on the test stories
or in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.model import Brief
from briefer.pipeline import build_brief
from tests.helpers import ROOT
from tests.helpers import shown_lines as _printed

STORIES = ROOT / "tests" / "data" / "stories"


def _brief(story: str, day: str) -> Brief:
    return build_brief([STORIES / story], load_options(date=dt.date.fromisoformat(day)))


def test_a_mastheads_date_before_its_byline_dates_the_article() -> None:
    from briefer.temporal import published_in_lines
    line = "*Ashcombe Advertiser, Thursday 17 September 2026 - by Kezia Dunmore*"
    assert published_in_lines([line], dt.date(2026, 12, 3)) == dt.date(2026, 9, 17)
    # The day before, that article is not yet news.
    before = _brief("floodmap", "2026-09-16")
    assert not any("236 homes" in line for line in _printed(before))


def test_an_update_label_with_its_time_and_a_page_saved_again_with_news_added() -> None:
    brief = _brief("threeupdates", "2026-05-13")
    assert not any(line.startswith("00 ") for line in _printed(brief))
    assert not any(source.status.value == "duplicate" for source in brief.sources)


def test_a_letters_page_and_a_comment_label_are_opinion() -> None:
    letters = _brief("readersletters", "2026-05-16")
    assert not any("lifeline, not a luxury" in line or "hang their heads" in line for line in _printed(letters))
    assert letters.bottom_line is not None and letters.bottom_line.text.startswith("Lowther Green and Cragg Top will")
    sources = {s.location.split("/")[-1]: s for s in _brief("leisureview", "2026-03-13").sources}
    view = sources["02-tarnside-courier.txt"]
    assert view.status.value == "opinion" and view.title.startswith("Our view")


def test_a_timetables_days_and_a_meeting_called_for_a_day() -> None:
    from briefer.temporal import event_date
    monday = dt.date(2026, 5, 11)
    assert event_date("Route 44 runs hourly between 7am and 7pm, Monday to Saturday.", monday) is None
    assert event_date("The parish council has called a public meeting at the village hall on Wednesday at 7pm.",
                      monday).day == dt.date(2026, 5, 13)


def test_he_added_that_someone_was_hurt_is_the_speakers_not_the_hurt_mans() -> None:
    quotes = _brief("cuptie", "2026-02-11").quotes
    assert not [q for q in quotes if q.text.startswith("We'll know more after a scan") and q.speaker == "Danny Fulford"]


def test_a_missing_mans_appeal_goes_once_he_is_found() -> None:
    brief = _brief("walkerfound", "2026-09-19")
    lines = _printed(brief) + [row.text for row in brief.timeline]
    assert not any("is described as" in line or "quoting log 412" in line for line in lines)
