"""briefer.headings.held_things: a thing two items left over hold as the head of a phrase of their own heads them
(heads9; our own sentences)."""

from __future__ import annotations

import datetime as dt

from briefer.headings import Story, fit_headings, held_things
from briefer.model import Item, Section

OTHER = "Other developments"


def _item(text: str, source: int = 1) -> Item:
    return Item(text, (source,), 1.0)


def _held(texts: list[str], title: str = "Ferry back in service", first: tuple[str, ...] = (),
          story: tuple[str, ...] = ()) -> dict[str, int]:
    items = [_item(t, k) for k, t in enumerate(texts)]
    return {word: len(own) for word, own in held_things(items, Story([*texts, *story]), title, first).items()}


def test_an_everyday_thing_two_items_hold_heads_them() -> None:
    lead = _item("A small ferry ran onto a sandbank off Vellholm on Monday with 90 people aboard.")
    hull = (_item("Divers spent the afternoon inspecting the hull.", 2),
            _item("Divers said the damage to the hull was slight.", 3))
    grounding = (_item("Nobody yet knows what caused the grounding.", 2),
                 _item("Investigators have opened an inquiry into the grounding.", 3))
    stray = _item("Tea was served in the waiting room.", 2)
    story = [(i.sources[0], i.text) for i in (lead, *hull, *grounding, stray)]
    dated = [(1, dt.date(2026, 3, 2), "Ferry stuck on sandbank off Vellholm"),
             (2, dt.date(2026, 3, 3), "Vellholm ferry pulled free")]
    out = fit_headings((Section("Overview", (lead,)), Section(OTHER, (*hull, *grounding, stray))), (), OTHER, story,
                       "Vellholm ferry pulled free", room=2, dated=dated)
    # Before (heads9): no section; every item under Other developments ("hull" and "grounding" are everyday words).
    assert {s.heading: s.items for s in out if s.heading not in ("Overview", OTHER)} == {
        "Hull": hull, "Grounding": grounding}


def test_what_the_whole_story_is_about_a_name_or_a_place_heads_nothing() -> None:
    # A word of the first day's headlines is the whole story's ("the spillway"); a day is no subject.
    assert _held(["The spillway held overnight.", "Engineers watched the spillway until dawn."],
                 first=("Storm", "threatens", "spillway")) == {}
    assert _held(["The spillway held overnight.", "Engineers watched the spillway until dawn."]) == {"spillway": 2}
    assert _held(["The Friday sailing was cancelled.", "Trains ran again that Friday."]) == {}
    # Where something happens, a point of comparison, or a noun another one says which of: not what it is about.
    assert _held(["Two crew were treated at the hospital.", "Three passengers stayed in the hospital."]) == {}
    assert _held(["The krona slipped against the euro.", "Shares fell and the pound rose against the euro."]) == {}
    assert _held(["She said she would accept the outcome of the vote.", "Observers checked the outcome of the race."]) \
        == {}


def test_a_commoner_word_heads_only_items_that_share_another_word() -> None:
    # "budget" (Zipf 4.8, over `HELD_RARE_ZIPF`) is in many stories by chance; two items that also share
    # "parliament" are about it.
    assert _held(["She will present her first budget to parliament in May.",
                  "The coalition must pass her budget in parliament."]) == {"budget": 2}
    assert _held(["She will present her first budget in May.", "The hotel was cheap, and the budget was tight."]) == {}

def test_where_the_story_happens_heads_nothing() -> None:
    # "pit" (Zipf 4.3) of a quarry story: the story places things below or above it; the pit is the quarry itself.
    pit = ["Neighbours have objected since the pit was enlarged.", "The owner hopes to reopen the pit in June.",
           "Staff will be paid while the pit is closed."]
    assert _held(pit) == {"pit": 3}
    assert _held(pit, story=("A shed below the pit was cracked.",)) == {}


def test_a_noun_followed_by_its_participle_is_held() -> None:
    # "a server used by ..." (the participle of a two-letter stem), "a second server, ...".
    assert _held(["Staff saw odd traffic leaving a server used by the loans team.",
                  "A second server, holding old records, was also reached."]) == {"server": 2}
    # A rare word needs no second word ("grounding", Zipf 3.3).
    assert _held(["Nobody yet knows what caused the grounding.", "An inquiry into the grounding has begun."]) \
        == {"grounding": 2}
