"""Read as an editor, eighth round: defects found reading the briefs of the seeds and of the test stories on the day
of their last article. Each test is one defect."""

from __future__ import annotations

import datetime as dt
import itertools

from briefer.config import load_options
from briefer.headings import fit_headings, same_subject
from briefer.model import Item, Section, Topic
from briefer.pipeline import build_brief
from tests.helpers import ROOT

STORM = ROOT / "tests" / "data" / "stories" / "storm"


def test_headings_of_one_subject_are_told_apart_from_headings_of_two() -> None:
    assert same_subject("Quay", "Lower quay") and same_subject("Lower quay", "quays")
    assert same_subject("Cause of the fire", "Cause")
    assert not same_subject("Pay rise", "Tax rise")  # one head noun, two subjects
    assert not same_subject("Quay", "Quay Street closure")  # another head noun


def test_a_section_made_of_leftovers_joins_the_section_of_its_subject_under_the_wider_heading() -> None:
    texts = ["Water spread across the lower quay after midnight.", "The lower quay was under a metre of water.",
             "Shops on the quay boarded up their windows.", "The road along the quay stayed closed.",
             "The ferry ran again at noon."]
    sections = (Section("Overview", (Item(texts[4], (1,), 1.0),)),
                Section("Lower quay", tuple(Item(t, (1,), 1.0) for t in texts[:2])),
                Section("Other developments", tuple(Item(t, (2,), 1.0) for t in texts[2:4])))
    shaped = fit_headings(sections, [Topic("Lower quay", ("lower quay",))], "Other developments",
                          [(1, t) for t in texts], "Storm hits harbour town", room=3)
    headings = [s.heading for s in shaped]
    assert headings == ["Overview", "Quay"], headings
    assert [i.text for i in shaped[1].items] == texts[:4]


def test_the_storm_brief_has_one_section_on_the_quay() -> None:
    brief = build_brief([STORM], load_options(date=dt.date(2026, 11, 30)))
    headings = [s.heading for s in brief.sections]
    assert not [(a, b) for a, b in itertools.combinations(headings, 2) if same_subject(a, b)], headings
    quay = [s for s in brief.sections if "quay" in s.heading.lower()]
    assert len(quay) == 1 and len(quay[0].items) >= 4
