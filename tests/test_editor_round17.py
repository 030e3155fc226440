"""Read as an editor, seventeenth round: defects the sixteenth round left and those of new stories read blind.
Each test is one defect."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.pipeline import build_brief
from briefer.supersede import state_overturned
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"


def _shown(brief) -> list[str]:
    return ([brief.bottom_line.text] if brief.bottom_line else []) + [i.text for s in brief.sections for i in s.items]


def test_a_quotation_after_an_attributed_one_of_two_sentences_keeps_its_speaker(tmp_path) -> None:
    # The squall's "I was told it had been sent, and I repeated that without checking the log" was printed with
    # "speaker not named": the quotation before it ('"I said ... on time. It did not, and I am sorry," she said.')
    # holds two sentences, and only its second was read for the attribution.
    (tmp_path / "pier.txt").write_text(
        "Pier manager admits the gates were left open\n\nPublished: 9 June 2026\n\n"
        "The Lowmouth pier reopened on Monday after a storm surge flooded its arcade on Saturday night.\n\n"
        "Pier manager Harriet Colby admitted on Monday that the flood gates had been left open on Saturday.\n\n"
        "\"I told the council on Sunday that the gates were shut. They were not, and that was my fault,\" she said. "
        "\"Nobody on the night shift had been shown how to close them, and that is on me as well.\"\n\n"
        "The arcade's owners said the damage would cost about 80,000 pounds to repair.\n", encoding="utf-8")
    brief = build_brief([tmp_path], load_options(date=dt.date(2026, 6, 10)))
    speakers = {q.text[:20]: q.speaker for q in brief.quotes}
    assert speakers.get("Nobody on the night ") == "Harriet Colby"


def test_a_search_said_to_go_on_is_over_once_every_missing_person_is_home() -> None:
    # The squall's brief kept "Coastguard sector manager Neil Abernethy said the search would go on through the
    # night" under a heading of its own, two days after its bottom line brought all 31 fishermen home.
    going_on = "A coastguard spokesman said the search would continue through the night."
    assert state_overturned("The last two walkers were found on Monday, bringing all eleven members of the group "
                            "home safely.", going_on)
    assert state_overturned("All four people who had been missing are now accounted for, police said.", going_on)
    # A line that shares no word with it and ends no search is no answer.
    assert not state_overturned("The ferry returned to port on Monday evening.", going_on)
    brief = build_brief([STORIES / "squall"], load_options(date=dt.date(2026, 11, 17)))
    assert not any("search would go on" in t for t in _shown(brief))


def test_a_claim_is_overturned_by_its_makers_admission() -> None:
    claim = "The pier manager, Harriet Colby, insisted on Sunday that the flood gates had been shut."
    assert state_overturned("Pier manager Harriet Colby admitted on Monday that the flood gates had been left open.",
                            claim)
    # An admission of something else by someone else is no answer: the two must share what they are about.
    assert not state_overturned("The contractor admitted that the sea wall was never finished.",
                                "The mayor insisted that the pier would reopen in May.")
    # ... and a claim needs a "that": "repeated calls for an inquiry" claims nothing.
    assert not state_overturned("Pier manager Harriet Colby admitted that calls for an inquiry were justified.",
                                "Residents repeated calls for an inquiry into the pier manager.")


def test_a_paragraph_opening_hours_later_is_quoted_with_the_sentence_before_it() -> None:
    # The squall's headline news, the harbour master's admission, opens its paragraph with "Hours later," and was
    # never printed; her Sunday denial was, as a current fact.
    brief = build_brief([STORIES / "squall"], load_options(date=dt.date(2026, 11, 17)))
    shown = _shown(brief)
    assert any("Hours later, harbour master Ingrid Kallevik admitted" in t for t in shown)
    assert not any("repeated on Sunday that the gale warning" in t for t in shown)
