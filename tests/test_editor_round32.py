"""The thirty-second blind editor round (docs/quality.md): each test is a defect a reader found, on the test stories
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


def _all_lines(brief: Brief) -> list[str]:
    return _printed(brief) + [row.text or row.excerpt for row in (*brief.timeline, *brief.next)] + \
        [quote.text for quote in brief.quotes]


def test_a_correction_printed_as_an_item_of_its_own_withdraws_the_wrong_figure() -> None:
    for day in ("2026-05-14", "2026-05-16"):
        assert not any("38,000" in line for line in _all_lines(_brief("fixedfigure", day))), day


def test_a_threads_numbers_an_advert_and_orders_to_the_reader_are_no_news() -> None:
    from briefer.candidates import to_readers
    from briefer.clean import without_kicker
    assert without_kicker("3/4 The B4410 is closed between Stennet and Hadley Cross.") == \
        "The B4410 is closed between Stennet and Hadley Cross."
    assert to_readers("Please do not fly drones near the fire.")
    assert to_readers("Travel news on Westmoor FM every 20 minutes through the storm.")
    assert to_readers("The Local Democracy Reporting Service is a public service news agency.")
    assert not to_readers("Residents were told to keep their windows shut on Monday night.")
    lines = _all_lines(_brief("threadpost", "2026-08-12"))
    assert not any(line.startswith(("1/4", "2/4", "3/4", "4/4")) or "Garden rooms" in line for line in lines)


def test_days_ahead_of_an_article_in_a_warning_a_rally_and_another_time_zone() -> None:
    from briefer.temporal import event_date
    thursday = dt.date(2026, 2, 12)
    assert event_date("The Met Office warning is in force from 6pm on Friday until noon on Saturday.",
                      thursday).day == dt.date(2026, 2, 13)
    assert event_date("The union is holding a rally outside the bakery gates on Saturday at 11am.",
                      dt.date(2026, 3, 18)).day == dt.date(2026, 3, 21)
    assert event_date("The weather service has issued a yellow warning for thunderstorms on Saturday afternoon.",
                      dt.date(2026, 7, 24)).day == dt.date(2026, 7, 25)
    assert event_date("The fire broke out at 9.40pm GMT (6.40am on Thursday in Tokyo).",
                      dt.date(2026, 2, 11)).day == dt.date(2026, 2, 12)
    assert event_date("The match was played on Thursday in Leeds.", dt.date(2026, 2, 11)).day == dt.date(2026, 2, 5)
    assert event_date("The first ships are expected in Ardcastle harbour on Thursday evening.",
                      dt.date(2026, 7, 7)).day == dt.date(2026, 7, 9)
    rows = [row.date for row in _brief("tokyoflight", "2026-02-14").timeline]
    assert "2026-02-05" not in rows


def test_a_later_state_that_leans_back_still_overtakes_and_a_named_driver_leads() -> None:
    brief = _brief("wrongtown", "2026-06-12")
    assert brief.bottom_line is not None and "has been named as Graham Teague" in brief.bottom_line.text
    assert not any("remains in a critical condition" in line for line in _printed(brief))
    quotes = {q.text[:30]: q.speaker for q in _brief("wrongtown", "2026-06-10").quotes}
    assert quotes.get("We are enormously proud of him") == "Sandra Olufemi"


def test_councillors_titles_and_parties_are_no_part_of_their_names() -> None:
    people = [p.name for p in _brief("twojones", "2026-03-14").people]
    assert "Eleri Jones" in people and "Huw Jones" in people
    assert not any(name.startswith(("Conservative", "Cllr")) for name in people), people
    assert not any("news agency" in line for line in _printed(_brief("twojones", "2026-03-14")))


def test_a_count_first_given_is_revised_and_a_quotation_run_into_a_sentence_has_its_speaker() -> None:
    from briefer.supersede import final_tally, revised_count
    assert revised_count("The inquiry also heard that 436 homes were flooded, not the 412 first counted.",
                         "A public inquiry into the flood that swamped 412 homes in Ostmere opened today.")
    assert final_tally("Thirty-four people were treated for injuries in all.",
                       "Thirty-one people have now been treated for injuries after the hailstorm.")
    quotes = _brief("inquiryday", "2026-06-12").quotes
    assert [q.speaker for q in quotes if q.text.startswith("like someone had opened a tap")] in ([], ["Lydia Marsh"])


def test_a_months_label_dates_a_listed_step() -> None:
    brief = _brief("roundwire", "2026-07-17")
    assert not any(line.startswith("The fire service's full report is expected") for line in _printed(brief))
    assert any(row.date.startswith("2026-09") for row in brief.next)


def test_the_newest_lead_with_news_in_its_second_clause_and_states_a_recall_or_a_cause_overtakes() -> None:
    from briefer.supersede import CAUSE_UNKNOWN, state_overturned
    brief = _brief("threadpost", "2026-08-14")
    assert brief.bottom_line is not None and "all 55 evacuated homes have gone back" in brief.bottom_line.text
    assert CAUSE_UNKNOWN.search("Inspector Mark Dorrell said officers were keeping an open mind about the cause.")
    assert state_overturned("Hollin Dale Creamery has widened its recall to three more batches.",
                            "No other Hollin Dale products are affected, the company said.")
    assert not any("No other Hollin Dale products" in line for line in _printed(_brief("yogurtrecall", "2026-05-08")))
