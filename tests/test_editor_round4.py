"""Read as an editor (issue 12 and 13, fourth round): defects found reading briefs of new stories of our own,
each pinned on sentences written for this test."""

from __future__ import annotations

import datetime as dt

from briefer.people import who_is_who
from briefer.temporal import classify, mentions

FRIDAY = dt.date(2026, 11, 27)


def test_a_given_name_that_is_also_a_stop_word_starts_a_name() -> None:
    cast = who_is_who([(1, "Harbour master Per Aas said the port would stay closed."),
                       (2, "Per Aas, the harbour master, said the anchors had held."),
                       (2, "Bill Hart, a pilot, said the fjord was calm."),
                       (3, "The fee is 40 kroner per ship, the harbour said.")])
    assert {"Per Aas", "Bill Hart"} <= set(cast.everyone)
    assert cast.full_name("Aas") == "Per Aas"


def test_a_name_with_letters_beyond_ascii_is_a_name() -> None:
    cast = who_is_who([(1, "Mayor Randi Sæther said the council would ask the state for help."),
                       (1, "\"Nobody was hurt,\" Sæther said."),
                       (2, "Jörg Müller, a ferry captain, said the crossing was rough.")])
    people = {p.name: p.role for p in cast.people}
    assert people["Randi Sæther"] == "Mayor"
    assert people["Jörg Müller"] == "a ferry captain"


def test_a_role_opening_a_sentence_loses_the_capital_the_sentence_gave_it() -> None:
    people = {p.name: p.role for p in who_is_who([
        (1, "Museum director Kari Lunde said the collection was safe."),
        (1, "The maritime museum moved its boats upstairs."),
        (2, "Foreign Minister Ola Brandt said the state would help."),
        (2, "Google engineer Ada Fenn said the line was down."),
    ]).people}
    assert people["Kari Lunde"] == "museum director"
    assert people["Ola Brandt"] == "Foreign Minister"  # a title keeps its capitals
    assert people["Ada Fenn"] == "Google engineer"  # the texts never write "google"


def test_should_is_a_preview_but_not_in_a_that_clause() -> None:
    assert classify("The harbour should reopen on Monday morning if the wind eases, Aas said.") == "expected"
    assert classify("The two presidents agreed last year that their ministers should meet.") == "report"


def test_a_day_after_should_or_an_instruction_is_ahead() -> None:
    reopen = mentions("The harbour should reopen on Monday morning, Aas said.", FRIDAY)
    assert reopen[0].day == dt.date(2026, 11, 30)
    told = mentions("Residents were told to stay indoors from Saturday afternoon.", FRIDAY)
    assert told[0].day == dt.date(2026, 11, 28)
    assert mentions("The ferry made its last crossing on Thursday.", FRIDAY)[0].day == dt.date(2026, 11, 26)
