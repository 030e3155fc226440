"""briefer.headings.own_subject: the story's own thing (a singular word of the first day's headlines that a quarter of
the brief's items name) heads no discovered section; a plural there may (heads10; our own sentences)."""

from __future__ import annotations

import datetime as dt

from briefer.headings import fit_headings, normalise, own_subject
from briefer.model import Item, Section

OTHER = "Other developments"


def _item(text: str, source: int = 1) -> Item:
    return Item(text, (source,), 1.0)


LEAD = _item("A grain barge sank in the river Tolme on Sunday night.")
BARGE = (_item("Salvors reached the barge on Monday morning.", 2),
         _item("The barge had been carrying 900 tonnes of wheat.", 2),
         _item("Police said the barge's skipper swam ashore unhurt.", 3))
CRANE = (_item("A floating crane will lift the barge on Thursday.", 2),
         _item("The floating crane was hired from a yard downstream.", 3))
STRAY = _item("A ferry service ran as usual further upstream.", 3)


def _sections(first_headline: str, crane: bool = True) -> dict[str, int]:
    items = (LEAD, *BARGE, *(CRANE if crane else ()), STRAY)
    story = [(i.sources[0], i.text) for i in items]
    dated = [(1, dt.date(2026, 5, 3), first_headline), (2, dt.date(2026, 5, 4), "Salvage starts on the Tolme"),
             (3, dt.date(2026, 5, 4), "Salvage starts on the Tolme")]
    out = fit_headings((Section("Overview", (LEAD,)), Section(OTHER, items[1:])), (), OTHER, story,
                       "Salvage starts on the Tolme", room=2, dated=dated)
    return {s.heading: len(s.items) for s in out if s.heading not in ("Overview", OTHER)}


def test_the_story_s_own_thing_heads_no_section() -> None:
    # Before (heads10): "Barge (4)", the crane item among them; "Barge" is the thing the whole story is about.
    assert _sections("Grain barge sinks in the Tolme") == {"Floating crane": 2}
    # Not the first day's headline's word: a side of the story, which heads its items.
    assert _sections("Ship sinks in the Tolme") == {"Barge": 4}


def test_the_story_s_own_thing_stays_when_nothing_takes_its_place() -> None:
    # Refused, it would leave the story with no section at all: a weak heading over items that belong together
    # reads better than the same items in Other developments.
    assert _sections("Grain barge sinks in the Tolme", crane=False) == {"Barge": 3}


def test_own_subject_is_a_singular_word_a_quarter_of_the_items_name() -> None:
    items = [_item(t) for t in ("Flights resumed at noon.", "Most flights left late.", "The asbestos was found.",
                                "Asbestos tests came back clear.", "The school stays shut.", "Parents were angry.",
                                "A survey starts next week.", "The council met.")]
    first = {"asbestos", "found", "at", "school", "flights", "3"}
    # "flights" is a plural (things the story happens to), "school" is named by one item of eight.
    assert own_subject(first, items) == {normalise("asbestos")}  # in the form headings are compared in
