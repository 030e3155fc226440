"""A sentence has not moved on from itself: a lead that holds both of a state's patterns ("discharged ..., but ...
remains in intensive care") is credited to its own source and its word-for-word copies, and the newest state still
wins the bottom line (our own words, and the housefire and foreignnames test stories)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefer.config import load_options
from briefer.pipeline import build_brief
from briefer.supersede import state_moved_on
from tests.helpers import story_brief

MIXED = ("Two of the three climbers rescued from Scarrow Fell have been discharged from hospital, but the third "
         "remains in intensive care.")


def test_a_sentence_holding_both_of_a_states_patterns_has_not_moved_on_from_itself() -> None:
    assert not state_moved_on(MIXED, MIXED)
    # ... while a later line still moves on from it.
    assert state_moved_on("The third climber, Ewan Tallis, is now out of intensive care.", MIXED)


def test_such_a_lead_is_credited_to_its_own_source_and_its_copy(tmp_path: Path) -> None:
    rest = ("The three were found on a ledge below the summit on Saturday evening after a six-hour search.",
            "Mountain rescue volunteers from two teams carried them down in the dark.")
    for name, outlet, other in (("a.md", "Fellside Echo", rest[0]), ("b.md", "Valley Wire", rest[1])):
        (tmp_path / name).write_text(f"---\ntitle: Climbers rescued\ndate: 2026-05-04\noutlet: {outlet}\n---\n\n"
                                     f"{MIXED}\n\n{other}\n", encoding="utf-8")
    brief = build_brief([tmp_path], load_options(date=dt.date(2026, 5, 4)))
    assert brief.bottom_line is not None and brief.bottom_line.text == MIXED
    assert brief.bottom_line.sources == (1, 2)


def test_the_newest_state_is_the_bottom_line() -> None:
    # The lead that says four are home but the grandmother still in intensive care is overtaken by the later one
    # that says she is now comfortable, though it also expects her home next week.
    housefire = story_brief("housefire", "2026-07-17")
    assert housefire.bottom_line is not None and "is now comfortable" in housefire.bottom_line.text
    # Once the mixed lead of the rescue keeps its own credit, the newest state wins: the skiers back home.
    skiers = story_brief("foreignnames", "2026-03-25")
    assert skiers.bottom_line is not None and "are back home" in skiers.bottom_line.text
