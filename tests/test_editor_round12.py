"""Read as an editor, twelfth round: defects found reading the briefs of three stories none of the earlier rounds
saw (tests/data/stories: spill, asbestos, windfarm). Each test is one defect."""

from __future__ import annotations

import datetime as dt

from briefer.candidates import _early_its
from briefer.clean import clean_document
from briefer.config import Limits, load_options
from briefer.model import Document, RawSource, Source
from briefer.people import who_is_who
from briefer.pipeline import build_brief
from briefer.read.ingest import to_document
from briefer.supersede import figure_missing
from briefer.temporal import event_date
from briefer.timeline import Line, what_next
from tests.helpers import ROOT, held_out_scores

STORIES = ROOT / "tests" / "data" / "stories"


def _printed(brief) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.text for s in brief.sections for i in s.items]


def test_an_author_box_naming_its_outlet_is_no_news() -> None:
    lines = ("Oil reached the beach on Wednesday.", "The clean-up will take six weeks.",
             "Eira Holm is the Coastal Post's environment reporter.")
    doc = Document(source=Source(id=1, name="x.md", location="x.md"), paragraphs=lines, title="Oil")
    assert clean_document(doc, set()).paragraphs == lines[:2]


def test_a_season_of_a_year_dates_a_plan() -> None:
    when = event_date("Bakke said building would begin in spring 2027.", dt.date(2026, 11, 17))
    assert when is not None and when.day.year == 2027 and when.precision == "year"


def test_a_consultation_ahead_is_a_next_step() -> None:
    lines = [Line(1, "The ministry will hold a consultation on how the money is shared.", dt.date(2026, 11, 18), 3),
             Line(2, "The court ruled on Tuesday.", dt.date(2026, 11, 17), 0)]
    assert [d.text for d in what_next(lines, dt.date(2026, 11, 18))] == [lines[0].text]


def test_a_plan_for_a_season_is_in_what_comes_next() -> None:
    brief = build_brief([STORIES / "windfarm"], load_options(date=dt.date(2026, 11, 18)))
    assert any(d.date == "2027" for d in brief.next), brief.next


def test_justice_is_a_judges_title_not_part_of_the_name() -> None:
    people = {p.name: p.role for p in who_is_who([
        (1, "Justice Mona Eide, writing for the majority, said the law had been followed."),
        (2, "Chief Justice Ola Brandt said the court would not sit on Friday."),
        (2, "The Justice Department said it would appeal."),
    ]).people}
    assert people == {"Mona Eide": "Justice", "Ola Brandt": "Chief Justice"}


def test_a_forecast_the_day_has_reached_is_not_printed() -> None:
    # Monday's wire story forecasts the slick on Skarholt's beaches by Wednesday; Wednesday's report says the oil
    # washed up there that morning, in other words.
    brief = build_brief([STORIES / "spill"], load_options(date=dt.date(2026, 10, 14)))
    printed = " ".join(_printed(brief))
    assert "push the slick towards the beaches" not in printed
    assert "Oil began washing up on the beaches of Skarholt" in printed
    assert "environment reporter" not in printed


def test_the_forecast_stands_before_its_day_is_reported() -> None:
    brief = build_brief([STORIES / "spill" / "01-wire.txt", STORIES / "spill" / "02-paper.html"],
                        load_options(date=dt.date(2026, 10, 13)))
    assert any("push the slick towards the beaches" in t for t in _printed(brief))


def test_held_out_pairs_of_this_round() -> None:
    # Pairs from this round's stories (36, 18 "same"), written before any change of this session was measured on
    # them: main at 4de965b scored accuracy 0.778, P 0.917, R 0.611, F1 0.733; with the eighth same-fact round
    # 0.806, P 1.0, R 0.611, F1 0.759.
    s = held_out_scores("held-out-4.tsv")
    assert s.f1 >= 0.758 and s.precision >= 0.99, s


def test_a_source_giving_another_figure_of_the_same_thing_is_not_credited() -> None:
    # The paraphrased copy gives Tuesday's 300 tonnes, not Wednesday's 450: it does not carry the bottom line.
    brief = build_brief([STORIES / "spill"], load_options(date=dt.date(2026, 10, 14)))
    assert brief.bottom_line is not None and "450 tonnes" in brief.bottom_line.text
    assert brief.bottom_line.sources == (3,)
    assert figure_missing("Shares fell 6 per cent.", "Shares dropped 6%.") is False
    assert figure_missing("About 296 people were hurt.", "About 300 people were hurt.") is False
    assert figure_missing("The bank said 3.4 million customers were affected.", "It said 2.1 million customers were.")


def test_background_from_a_year_before_is_not_in_the_overview() -> None:
    brief = build_brief([STORIES / "windfarm"], load_options(date=dt.date(2026, 11, 18)))
    overview = next(s for s in brief.sections if s.heading == "Overview")
    assert not any("last year" in i.text for i in overview.items)
    assert any("lower court ruled" in t for t in _printed(brief))  # still told, further down


def test_a_tourist_or_a_student_is_a_role() -> None:
    people = {p.name: p.role for p in who_is_who([
        (1, "\"We came for a week of hiking,\" said Paul Decker, a tourist from Hamburg."),
        (2, "\"Nobody told us anything,\" said Lena Ruud, a student at the college."),
    ]).people}
    assert people == {"Paul Decker": "a tourist from Hamburg", "Lena Ruud": "a student at the college"}


def test_a_name_that_is_also_a_month_or_a_common_word() -> None:
    people = {p.name: p.role for p in who_is_who([
        (1, "Prime Minister Theresa May said the deal was good."),
        (1, "Hours later, the energy minister, Even Solli, announced a fund of 50 million crowns."),
        (2, "\"We want to work with them,\" said Line Bakke, Norvatn's chief executive."),
        (2, "In May Hilde Sandvik, the governor, said rates would rise."),  # the month, not a name's first word
        (2, "On the Jubilee Line Ola Brandt, a driver, said the trains were late."),
        (2, "The bank's governor said in May that rates would rise."),
    ]).people}
    assert people == {"Theresa May": "Prime Minister", "Even Solli": "energy minister",
                      "Line Bakke": "Norvatn's chief executive", "Hilde Sandvik": "the governor",
                      "Ola Brandt": "a driver"}


def test_a_plan_printed_undated_points_to_the_date_another_version_gives() -> None:
    # The mayor's review "once the eruption was over" is printed; the later article dates it to September.
    brief = build_brief([STORIES / "volcano"], load_options(date=dt.date(2026, 8, 6)))
    assert [d.date for d in brief.next if d.ref] == ["2026-09"], brief.next
    assert any("review its evacuation plans" in t for t in _printed(brief))


def test_a_version_without_the_picked_figure_is_not_printed_for_it() -> None:
    # The same-fact rule groups the deal's 6.5 per cent with the union's demand of 9 per cent; the deal is printed.
    brief = build_brief([STORIES / "pilots"], load_options(date=dt.date(2026, 9, 13)))
    printed = " ".join(_printed(brief))
    assert "pay rise of 6.5 per cent" in printed
    assert "asking for a pay rise of 9 per cent" not in printed


def test_its_after_the_name_that_owns_it_does_not_lean_back() -> None:
    brief = build_brief([STORIES / "pilots"], load_options(date=dt.date(2026, 9, 13)))
    assert any(t.startswith("Nordfly cancelled 180 of its 210 flights") for t in _printed(brief))
    assert _early_its("Shares in its parent company fell.")
    assert not _early_its("Nordfly cancelled 180 of its 210 flights on Friday.")


def test_a_part_of_a_whole_is_the_sentences_first_figure() -> None:
    part = "About 120 of the ship's 1,400 containers were destroyed or damaged, the harbour master said."
    named = "Harbour master Piet Oosterling said about 120 containers had been destroyed or damaged by fire and water."
    assert not figure_missing(part, named) and not figure_missing(named, part)


def test_a_feed_entrys_own_dateline_names_its_outlet_before_the_feeds_title() -> None:
    wire = (STORIES / "windfarm" / "03-wire.txt").read_bytes()
    entry = RawSource(location="http://127.0.0.1:8765/03-wire.txt", name="03-wire.txt", data=wire,
                      content_type="text/plain", outlet="Coast Wire")
    assert to_document(entry, 1, Limits()).source.outlet == "Nordwire"
    # An entry that names no outlet of its own is the feed's publisher's.
    plain = RawSource(location="http://127.0.0.1:8765/x.txt", name="x.txt", content_type="text/plain",
                      outlet="Coast Wire", data=b"The ministry will hold a consultation on the fund.\n\n"
                      b"Fishermen said the offer was far too small and that they would keep protesting.\n")
    assert to_document(plain, 1, Limits()).source.outlet == "Coast Wire"


def test_a_reports_news_is_its_latest_day() -> None:
    tuesday = dt.date(2026, 5, 5)
    when = event_date("A woman who was hurt when a bus overturned on the pass on Monday died in hospital on "
                      "Tuesday, police said.", tuesday)
    assert when is not None and when.day == tuesday
    # The day something was said is still not its news, and a preview keeps its first day.
    assert event_date("Blinken met Xi on Monday, officials said on Tuesday.", tuesday).day == dt.date(2026, 5, 4)  # type: ignore[union-attr]
    assert event_date("He will meet Xi on Thursday after arriving on Wednesday.", tuesday).day \
        == dt.date(2026, 5, 7)  # type: ignore[union-attr]


def test_a_death_the_day_after_the_crash_is_news_and_the_inquest_comes_next() -> None:
    # Made months later: the next steps are counted from the newest article, not from the day the brief is made.
    brief = build_brief([STORIES / "bus"], load_options(date=dt.date(2026, 12, 1)))
    shown = " ".join([*_printed(brief), brief.bottom_line.text if brief.bottom_line else ""])
    assert "died in hospital on Tuesday" in shown
    assert {d.date for d in brief.next} >= {"2026-05-18", "2026-06"}, brief.next
