"""What was done heads its items (issue 13, heads8): a noun one item names as an act done to something ("had offered
a 4 percent rise") and another as a thing ("approved the offer"), which the story prints as a noun twice, heads
the items left over when nothing else does. Not a verb with no object ("landed at"), which may be another word."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.headings import Story, named_acts
from briefer.model import Item
from briefer.pipeline import build_brief
from tests.helpers import ROOT

NURSES = ROOT / "tests" / "data" / "stories" / "nurses"
FIXED = ("Overview", "Other developments")


def _item(text: str, source: int = 1) -> Item:
    return Item(text=text, sources=(source,), score=1.0)


def test_a_noun_named_as_an_act_and_as_a_thing_is_what_was_done() -> None:
    items = [_item("The port had offered a 3 percent bonus, which the crews turned down."),
             _item("The crews accepted the offer in a ballot on Friday.", 2),
             _item("The first ferry landed at the north pier."),
             _item("Passengers went on by land to the next town.", 2)]
    texts = Story([i.text for i in items] + ["The union said a 3 percent offer was too little.",
                                             "Ferries carried the cars; the land route is closed."])
    assert named_acts(items, texts, "Ferry crews end strike") == ["offer"]
    # A word of the title is the whole story; a noun the story prints once as one names nothing.
    assert named_acts(items, texts, "Crews accept offer") == []
    assert named_acts(items, Story([i.text for i in items]), "Ferry crews end strike") == []


def test_the_pay_offer_rejected_then_approved_is_a_section_of_the_nurses_strike() -> None:
    # Before: the offer made and rejected, then approved, sat in the overview beside the strike it ended, and the
    # story had one section (Planned operations).
    for day in (dt.date(2026, 3, 5), dt.date(2026, 4, 16)):
        brief = build_brief([NURSES], load_options(date=day))
        headed = {s.heading: [i.text for i in s.items] for s in brief.sections if s.heading not in FIXED}
        assert list(headed) == ["Planned operations", "Offer"], headed
        assert all("offer" in t for t in headed["Offer"]) and len(headed["Offer"]) == 2, headed
