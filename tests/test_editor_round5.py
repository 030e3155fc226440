"""Read as an editor (issue 12 and 13, fifth round): defects found reading the storm story's brief
(tests/data/stories/storm), each pinned on sentences written for this test."""

from __future__ import annotations

from briefer.candidates import OUTCOME_WEIGHT, weight
from briefer.model import Quote
from briefer.once import said_again


def _quote(text: str, speaker: str) -> Quote:
    return Quote(text=text, speaker=speaker, sources=(2,))


def test_a_key_quote_an_item_reports_as_indirect_speech_is_not_printed_again() -> None:
    printed = ["Ola Brenne, a baker on the square, said flour had reached his ankles inside his bakery."]
    assert said_again(_quote("The flour was up to my ankles in the bakery by noon", "Ola Brenne"), printed)


def test_a_key_quote_of_another_fact_by_the_same_speaker_stays() -> None:
    printed = ["Ola Brenne, a baker on the square, said flour had reached his ankles inside his bakery.",
               "Ola Brenne said the square needed a new drain."]
    # One shared word ("square") is chance in a story about one place.
    assert not said_again(_quote("Nobody on the square slept that night", "Ola Brenne"), printed)


def test_a_key_quote_is_not_held_against_a_line_about_someone_else() -> None:
    printed = ["Mari Dahl, a neighbour, said flour had reached her ankles inside the bakery."]
    assert not said_again(_quote("The flour was up to my ankles in the bakery by noon", "Ola Brenne"), printed)


def test_reached_is_an_outcome_of_an_agreement_or_a_place_not_of_a_water_level() -> None:
    assert weight("Ola Brenne said flour had reached his ankles inside his bakery.") == 1.0
    assert weight("Floods reached the square in the spring.") == 1.0
    assert weight("The gale reached Tessby shortly after dawn.") == OUTCOME_WEIGHT
    assert weight("The two unions reached a pay agreement on Friday.") == OUTCOME_WEIGHT
    assert weight("No deal was reached on the ferry fares.") == OUTCOME_WEIGHT
