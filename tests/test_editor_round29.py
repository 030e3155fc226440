"""The twenty-eighth round's leftovers, mended, and the twenty-ninth blind editor round (docs/quality.md): each test
is a defect a reader found, in our own words or on the test stories."""

from __future__ import annotations

import datetime as dt
import re

from briefer.candidates import to_readers
from briefer.config import load_options
from briefer.model import Brief
from briefer.pipeline import build_brief
from briefer.sections import _list_items, _same_list
from briefer.text import word_count
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"


def _printed(brief: Brief) -> list[str]:
    lines = [brief.bottom_line.text] if brief.bottom_line is not None else []
    return lines + [item.text for section in brief.sections for item in section.items]


def test_a_sentence_of_appositions_is_no_list_of_another_ones_items() -> None:
    # Two sentences about one fall share a word or two per comma-separated part: they are not one enumeration told
    # twice, and the injuries are news the first does not give.
    first = ("Ruth Vane, 44, from Colby, was walking the ridge with her brother, Tom Vane, 40, when a cornice broke "
             "and she fell about ten metres at around 11am on Sunday.")
    second = ("Ruth Vane, 44, broke her right leg and three ribs when she fell while crossing the ridge, above Scar "
              "Tarn, at about 11am.")
    names = {"ruth", "vane", "tom"}
    assert not _same_list(_list_items(first, names), _list_items(second, names))
    # Two enumerations of the same issues still are.
    issues = "The talks covered much, ranging from farm tariffs, fishing quotas and steel to visas and student places."
    again = "Ministers covered the familiar list: fishing quotas; farm tariffs; steel duties; student visas."
    assert _same_list(_list_items(issues, set()), _list_items(again, set()))


def test_words_a_repeat_took_are_spent_again() -> None:
    # The sea stack's brief dropped the climber's injuries as a list told twice and ran about 100 words short.
    brief = build_brief([STORIES / "seastack"], load_options())
    printed = " ".join(_printed(brief))
    assert "broke his left arm and two vertebrae" in printed
    assert sum(word_count(line) for line in _printed(brief)) >= 0.8 * 400


def test_what_holds_until_a_notice_is_lifted_goes_when_it_is_lifted() -> None:
    for story, stale in (("boilnotice", r"until the notice is lifted|can still be used for washing"),
                         ("dieseltap", r"until the notice is lifted")):
        brief = build_brief([STORIES / story], load_options())
        lines = _printed(brief) + [row.text for row in (*brief.timeline, *brief.next)]
        assert not [line for line in lines if re.search(stale, line)], story


def test_travel_advice_to_the_reader_is_no_news() -> None:
    assert to_readers("Drivers are being urged to allow extra time for journeys through the town on Saturday.")
    assert to_readers("Road users are advised to plan ahead and allow extra time for their journeys.")
    assert to_readers("Members of the public can attend.")
    assert to_readers("People are asked to avoid the area.")
    assert to_readers("The fire service reminds the public that barbecues are banned on the moor.")
    # A report of what people were told to do in the event is news.
    assert not to_readers("Drivers were advised to avoid the area while the lorry was recovered.")
    assert not to_readers("Passengers are advised that services will not run before noon.")


def test_a_papers_date_does_not_date_the_event() -> None:
    from briefer.temporal import event_date

    anchor = dt.date(2026, 4, 29)
    vote = ("Councillors voted five to two to keep the library open, after campaigners showed the meeting the "
            "council's own report of March 2025 on its use.")
    assert event_date(vote, anchor) is None  # (was March 2025)
    # A time of day named by "of" still dates it.
    assert event_date("Campaigners marched on the morning of 27 April.", anchor).day == dt.date(2026, 4, 27)
