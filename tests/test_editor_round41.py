"""The forty-first blind editor round and the leftovers of the rounds before (docs/quality.md): each test is a
defect a reader found, on the test stories or in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.deliver.render import with_insertions
from briefer.model import Brief
from briefer.names import introduce
from briefer.people import who_is_who
from briefer.pipeline import build_brief
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"


def _brief(story: str, day: str | None = None) -> Brief:
    return build_brief([STORIES / story], load_options(date=dt.date.fromisoformat(day) if day else None))


def _printed(brief: Brief) -> list[str]:
    lines = [brief.bottom_line.text] if brief.bottom_line is not None else []
    return lines + [item.text for section in brief.sections for item in section.items]


def _shown(brief: Brief) -> list[str]:
    """The brief's lines with their editorial insertions, as a reader sees them."""
    items = ([brief.bottom_line] if brief.bottom_line is not None else []) + [
        item for section in brief.sections for item in section.items]
    return [with_insertions(item.text, item.inserted) for item in items]


def test_a_surname_that_is_also_a_business_gets_no_first_name_as_the_business() -> None:
    cast = who_is_who([(1, "Ilse Carrowmore, the chief executive, said the year had been hard."),
                       (2, "Carrowmore said the shops had lost money.")])
    texts = ["Carrowmore's Dairies reported a fall in profit.", "Shares in Carrowmore's fell 9% on Tuesday.",
             "Carrowmore said the shops had lost money."]
    placed = [with_insertions(t, ins) for t, ins in zip(texts, introduce([(t, ()) for t in texts], cast),
                                                           strict=True)]
    assert placed[1] == texts[1], "the business's bare possessive is no mention of its chief executive"
    assert placed[2] == "[Ilse] Carrowmore said the shops had lost money."
    # Without the business's name in the brief a possessive is the person's: "[Ilse] Carrowmore's plan".
    plan = ["Carrowmore's plan is costly."]
    assert with_insertions(plan[0], introduce([(plan[0], ())], cast)[0]) == "[Ilse] Carrowmore's plan is costly."
    shown = _shown(_brief("bakeryprofit", "2026-06-11"))
    assert any("Shares in Pennock's fell" in line for line in shown)
    assert not any("[Hannah] Pennock's" in line for line in shown)
