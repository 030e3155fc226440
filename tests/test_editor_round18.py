"""Read as an editor, eighteenth round: defects the seventeenth round left and those of new stories read blind.
Each test is one defect."""

from __future__ import annotations

import datetime as dt

from briefer.candidates import leans_back
from briefer.config import load_options
from briefer.measures import sums
from briefer.pipeline import build_brief
from briefer.supersede import harmed, launched, state_overturned, supersedes
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"


def _shown(brief) -> list[str]:
    """The printed lines, each once (the bottom line is also its section's item)."""
    lines = ([brief.bottom_line.text] if brief.bottom_line else []) + [i.text for s in brief.sections for i in s.items]
    return list(dict.fromkeys(lines))


def test_sums_of_money_are_read_with_their_currency_and_scale() -> None:
    assert sums("the dig on a 1.3 billion pound line") == {("pound", 1.3e9)}
    # A bare sum beside one of a single currency is of that currency.
    assert sums("the budget would rise to 1.45 billion pounds from 1.2 billion, it said") == {
        ("pound", 1.45e9), ("pound", 1.2e9)}
    assert sums("a £5bn plan and €0.30 a share") == {("pound", 5e9), ("euro", 0.3)}
    # A count of people is no sum.
    assert sums("1.2 million people and 3 million euros") == {("euro", 3e6)}


def test_the_bottom_line_is_not_a_lead_whose_sum_the_other_outlets_contradict() -> None:
    # The tunnel's bottom line was the wire's "... completing the main dig on a 1.3 billion pound line": three other
    # outlets put the scheme at 1.2 billion pounds (and a later one at 1.45 billion), and another outlet's lead told
    # the breakthrough as well without the figure.
    brief = build_brief([STORIES / "tunnel"], load_options(date=dt.date(2026, 3, 7)))
    assert brief.bottom_line is not None
    assert "broke through" in brief.bottom_line.text
    assert "1.3 billion" not in brief.bottom_line.text


def test_nobody_harmed_is_overtaken_by_a_later_report_of_harm() -> None:
    nobody = "The head teacher said no pupil had been reported ill."
    assert harmed("Three children were treated in hospital for breathing problems on Monday.", nobody)
    assert supersedes("Three children were treated in hospital for breathing problems on Monday.", "report",
                      nobody, "report")
    # Another "nobody harmed" is no harm, nor is a count of something else.
    assert not harmed("The council said no child had fallen ill.", nobody)
    assert not harmed("Three classrooms were closed on Monday.", nobody)
    brief = build_brief([STORIES / "mould"], load_options(date=dt.date(2026, 11, 12)))
    assert not any("no child had been reported ill" in t for t in _shown(brief))
    assert any("Two pupils at Eastmoor Primary were treated" in t for t in _shown(brief))


def test_a_lower_weather_warning_is_overtaken_once_raised_or_lifted() -> None:
    yellow = "The weather service has issued a yellow warning for wind across the coast from Friday."
    assert state_overturned("The weather service raised its wind warning for the coast from yellow to amber on "
                            "Saturday.", yellow)
    assert state_overturned("Forecasters issued a red warning for wind for the coast on Sunday.", yellow)
    assert state_overturned("The wind warning for the coast was lifted on Monday morning.", yellow)
    # What was to be done if it were raised, once it was.
    plan = "Ferry operators said sailings would stop if the warning was raised."
    assert state_overturned("The weather service raised its wind warning for the coast to amber.", plan)
    # A yellow warning again is no change.
    assert not state_overturned("A yellow warning for wind remains in force for the coast.", yellow)
    brief = build_brief([STORIES / "snowfall"], load_options(date=dt.date(2026, 1, 16)))
    shown = _shown(brief)
    assert not any("has issued a yellow warning for snow" in t for t in shown)
    assert not any("if the warning was raised" in t or "in case the warning was raised" in t for t in shown)


def test_a_thing_to_be_set_up_is_overtaken_once_another_outlet_tells_it_running() -> None:
    plan = "The parents' group said it would launch a petition."
    assert launched("The parents' petition, which has already gathered 900 names, goes to the council on Monday.",
                    plan)
    assert launched("The petition to keep the library open has passed 2,000 signatures.", plan)
    # Another preview of it, or a petition with nothing done, is not.
    assert not launched("The group will launch a petition next week.", plan)
    assert not launched("A petition is a way to be heard.", plan)
    # The lido's volunteers "would launch an appeal", undated, beside "The appeal ... has passed its first target".
    brief = build_brief([STORIES / "lido"], load_options(date=dt.date(2026, 12, 2)))
    shown = _shown(brief)
    assert not any("would launch an appeal" in t for t in shown)
    assert any("has passed its first target" in t for t in shown)


def test_them_done_by_they_in_its_own_clause_leans_back() -> None:
    # The festival's "Police said owners would be told by text message when they could collect them." (the cars).
    assert leans_back("Police said owners would be told by text message when they could collect them.")
    assert leans_back("Farmers said they would sell them at the autumn market.")
    # "they" with a reflexive, or "them" before "they", is not.
    assert not leans_back("Farmers said they would pay for the repairs themselves.")
    assert not leans_back("Police stopped the drivers and told them they could go home.")
    brief = build_brief([STORIES / "festival"], load_options(date=dt.date(2026, 7, 13)))
    assert not any(t.endswith("could collect them.") for t in _shown(brief))


def test_two_openings_that_tell_one_event_are_one_fact() -> None:
    from briefer.story import same_opening
    day = dt.date(2026, 5, 8)
    a = "The new swing bridge over the Orrin opened to traffic on Thursday, three years after work began."
    b = "A new swing bridge over the Orrin opened to traffic on Thursday, completing a 90 million pound road link."
    assert same_opening(a, b, day, day)
    # Another day's event, another verb, or only the verb of saying in common: not one event.
    assert not same_opening(a, b.replace("Thursday", "Friday"), day, day)
    assert not same_opening(a, "The new swing bridge over the Orrin closed to traffic on Thursday after a fault.",
                            day, day)
    assert not same_opening("The council said on Thursday that the bridge was safe.",
                            "The engineers said on Thursday that the bridge needed new bearings.", day, day)
    # The tunnel's wire lead and the gazette's tell the breakthrough: printed once, at the top, credited to both.
    brief = build_brief([STORIES / "tunnel"], load_options(date=dt.date(2026, 3, 7)))
    assert not any(t.startswith("A tunnel boring machine broke through") for t in _shown(brief))
    assert brief.bottom_line is not None and brief.bottom_line.sources == (2, 3, 4)
