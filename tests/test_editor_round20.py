"""Read as an editor, twentieth round: defects of six new stories read blind (paintfire, lecturers, sealion, hillside,
lakefest, minister). Each test is one defect."""

from __future__ import annotations

import datetime as dt

from briefer.candidates import leans_back, no_comment
from briefer.clean import clean_document
from briefer.config import load_options
from briefer.pipeline import build_brief
from briefer.supersede import called_off, dead_toll_grown, grown_count, moved_from_date, state_overturned
from briefer.temporal import sentence_kind
from tests.helpers import ROOT, make_doc, shown_lines

STORIES = ROOT / "tests" / "data" / "stories"




def _cleaned(*lines: str) -> tuple[str, ...]:
    return tuple(clean_document(make_doc(list(lines), title="What the rules say"), set()).paragraphs)


def test_helplines_and_a_newsrooms_appeal_for_money_are_cut() -> None:
    cleaned = _cleaned("A landslide buried five houses in the village on Monday, police said in a statement.",
                       "If you have been affected by the landslide, the Red Cross support line is open on 800 12 345.",
                       "The Red Cross support line is open day and night on 800 12 345.",
                       "Vérenne Today is an independent, reader-funded newsroom. Support us from €5 a month.",
                       "Rescuers worked through the night under floodlights, the police said on Tuesday.")
    assert cleaned == ("A landslide buried five houses in the village on Monday, police said in a statement.",
                       "Rescuers worked through the night under floodlights, the police said on Tuesday.")


def test_a_first_name_before_another_surname_is_someone_else() -> None:
    # "Tom Hebden, 71, ... said ... 'I thought it was a seal at first,' he said." was given to Inspector Tom Penhale.
    brief = build_brief([STORIES / "sealion"], load_options(date=dt.date(2026, 5, 5)))
    seal = next(q for q in brief.quotes if q.text.startswith("I thought it was a seal"))
    assert seal.speaker == "Tom Hebden"


def test_a_preview_is_overtaken_once_called_off_or_moved() -> None:
    assert called_off("The opposition withdrew its motion of no confidence, and Tuesday's vote will not take place.",
                      "The assembly is due to vote on it on Tuesday, April 14.")
    assert called_off("The rest of the strike, which was due to run until 24 April, has been called off.",
                      "The strike, which began on Monday and is due to last until April 24, will continue.")
    # Who cancels something else is not what the preview is about.
    assert not called_off("Inspectors passed the cable on Friday, and the operator cancelled the minibus service.",
                          "The operator had earlier said the line would stay closed until the end of February.")
    assert moved_from_date("The minister said repairs would now start in July rather than May.",
                           "Repairs are due to start in May.")
    brief = build_brief([STORIES / "minister"], load_options(date=dt.date(2026, 4, 13)))
    assert not any("due to vote on it" in d.text or "due to start in May" in d.text for d in brief.next)
    assert not any("due to vote on it" in t for t in shown_lines(brief))


def test_stale_states_of_a_fire_story() -> None:
    assert state_overturned("The fire was caused by an electrical fault in a mixing machine, investigators said.",
                            "They have not yet said what caused it.")
    assert state_overturned("Derek Rhodes went home from Wyvern General Hospital on Thursday morning.",
                            "One colleague, who was treated in hospital for burns, is now in a stable condition.")
    assert grown_count("The office said the number of dead fish found in the brook had risen to about 450.",
                       "The office said about 300 dead fish had been found along a stretch of the brook.")
    # "used to fight the fire" is a use, not a habit: no background.
    assert sentence_kind("The office said water used to fight the fire had run into the brook.") == "report"
    assert sentence_kind("The mill used to employ 300 people.") == "background"
    brief = build_brief([STORIES / "paintfire"], load_options(date=dt.date(2026, 4, 9)))
    shown = " ".join(shown_lines(brief))
    assert "They have not yet said what caused it" not in shown
    assert "is now in a stable condition" not in shown
    assert "about 300 dead fish" not in shown
    assert "went home from Wyvern General Hospital" in shown


def test_lines_that_lean_on_what_the_reader_cannot_see() -> None:
    assert leans_back("The union says this will cost an average member about £520.")
    assert not leans_back("The union says the strike will cost members about £520.")
    assert leans_back("Another Alan - Dr Alan Mirza, who teaches chemistry - said he had joined the strike.")
    assert leans_back("Maggie Ossory thanked them from the back of a flatbed lorry at the gate.")
    assert no_comment("The university has not yet replied.")
    assert not no_comment("The council has not responded to the crisis quickly enough, critics said.")


def test_a_strike_called_off_is_no_longer_continuing() -> None:
    brief = build_brief([STORIES / "lecturers"], load_options(date=dt.date(2026, 4, 17)))
    assert not any("will continue while members vote" in t for t in shown_lines(brief))


def test_an_escaped_animal_is_at_large_until_caught() -> None:
    assert state_overturned("Pebble, the sea lion who escaped from the zoo, has been caught and taken back.",
                            "A sea lion has escaped from Tarnside Zoo after floodwater swept over the fence.")
    brief = build_brief([STORIES / "sealion"], load_options(date=dt.date(2026, 5, 5)))
    assert brief.bottom_line is not None and "has been caught" in brief.bottom_line.text


def test_a_count_of_the_dead_is_overtaken_by_the_toll_past_it() -> None:
    seven = "Rescuers found two more bodies on Wednesday morning, bringing the death toll to seven."
    assert dead_toll_grown(seven, "Five people are now known to have died in the landslide that hit the village.")
    # A report whose count of the dead is one detail of its event stays.
    assert not dead_toll_grown(seven, "A landslide tore through the village, burying five houses and killing at "
                                      "least two people, police said.")
    brief = build_brief([STORIES / "hillside"], load_options(date=dt.date(2026, 4, 15)))
    shown = " ".join(shown_lines(brief))
    assert "Five people are now known to have died" not in shown
    assert "the search will go on through the night" not in shown


def test_a_count_that_opens_an_item_is_its_news_and_a_count_in_a_state_is_overtaken_by_the_one_left() -> None:
    brief = build_brief([STORIES / "hillside"], load_options(date=dt.date(2026, 4, 15)))
    shown = shown_lines(brief)
    # "Four people are still missing" is no rewording of the bottom line's "the search for the last people missing".
    assert "Four people are still missing, police said." in shown
    # "Twelve people are in hospital" (Monday) / "Nine people remain in hospital" (Wednesday).
    assert "Twelve people are in hospital in Hølmestad." not in shown
    assert any(t.startswith("Nine people remain in hospital") for t in shown)


def test_a_quotation_over_two_paragraphs_and_a_nickname_merged_under_the_full_name() -> None:
    brief = build_brief([STORIES / "sealion"], load_options(date=dt.date(2026, 5, 5)))
    thanks = next(q for q in brief.quotes if q.text.startswith("I want to thank the people of Kellbridge"))
    # 'Head keeper Kit Varley said: "She came straight to the bucket. ...' / '"I want to thank ..."'
    assert thanks.speaker == "Catherine Varley"
    assert "Catherine Varley" in {p.name for p in brief.people}
    assert "Kit Varley" not in {p.name for p in brief.people}


def test_an_events_arrangements_are_expected_and_stale_once_its_day_is_past() -> None:
    assert sentence_kind("Early campers can arrive from Thursday afternoon.") == "expected"
    assert sentence_kind("Glass bottles, gas stoves and drones are banned from the site.") == "expected"
    assert sentence_kind("Parking at the site costs €12 a day and must be booked in advance.") == "expected"
    brief = build_brief([STORIES / "lakefest"], load_options(date=dt.date(2026, 4, 18)))
    assert "Early campers can arrive from Thursday afternoon." not in shown_lines(brief)


def test_a_ship_and_a_firm_that_said_it_are_no_people() -> None:
    from briefer.people import who_is_who

    texts = ["The Orla Dawn struck the side of the outbound Kessaly Star at about 7.20am, off Bramness.",
             "Kessaly Ferries, which owns the Kessaly Star, said the ship's radar had been working normally.",
             "The owner of the Orla Dawn, Bramness Line, said it would cooperate fully with the inquiry.",
             "Harbour master Colm Reddan said the port would stay closed until at least Thursday."]
    cast = who_is_who(list(enumerate(texts)))
    assert [p.name for p in cast.people] == ["Colm Reddan"]
