"""The forty-third blind editor round (docs/quality.md): each test is a defect a reader found, on the test stories
or in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.candidates import announces, leans_back
from briefer.clean import _is_furniture
from briefer.facts import opposite
from briefer.outlets import release_issuer
from briefer.people import who_is_who
from briefer.quotes import speaker_of
from briefer.supersede import supersedes
from briefer.temporal import mentions, perfect_news
from tests.helpers import shown_lines as _printed
from tests.helpers import story_brief as _brief


def _speaker(story: str, day: str, words: str) -> str:
    quotes = [q for q in _brief(story, day).quotes if words in q.text]
    assert quotes, words
    return speaker_of(quotes[0])


def test_a_line_that_says_who_speaks_before_a_quotation_names_its_speaker() -> None:
    # 'Gareth Ollerenshaw, Route Director, Western Fells, said:' on its own line over the quotation: not furniture,
    # and the quotation is his; "Western Fells" is his post's, no second person.
    assert not _is_furniture("Gareth Ollerenshaw, Route Director, Western Fells, said:")
    assert _speaker("viaductcrack", "2026-07-23", "I want to thank passengers") == "Gareth Ollerenshaw"
    assert _speaker("orcasighting", "2026-05-19", "A calf changes things") == "Rhiannon Daubeney"
    cast = who_is_who([(1, "Gareth Ollerenshaw, Route Director, Western Fells, said:"),
                       (1, "Gareth Ollerenshaw, Northline Rail's route director for the Western Fells, said the "
                           "brickwork had not moved.")])
    assert cast.everyone == ["Gareth Ollerenshaw"] or "Western Fells" not in cast.everyone


def test_a_quotation_after_an_attribution_with_a_post_between_commas_is_the_same_speakers() -> None:
    # '"...," Dr Imogen Farrant, a consultant in health protection at the agency, told Albion Wire. "But we ..."'
    from briefer.quotes import Said, key_quotes
    sentences = ["Nurses gave 208 doses at the library on Wednesday.",
                 "\"Every one of those doses makes it harder for the virus to find its next child,\" Dr Imogen "
                 "Farrant, a consultant in health protection at the agency, told Albion Wire.",
                 "\"Even so, hundreds of children in this town are still not protected, and I would urge their parents "
                 "to book a dose today.\""]
    cast = who_is_who([(1, s) for s in sentences])
    quotes = key_quotes([Said(1, 0, j, s) for j, s in enumerate(sentences)], cast)
    assert {q.text[:20]: q.speaker for q in quotes}["Even so, hundreds of"] == "Imogen Farrant"


def test_a_role_is_the_post_not_the_time_and_the_whole_group() -> None:
    brief = _brief("councilleader", "2026-09-17")
    roles = {p.name: p.role for p in brief.people}
    assert roles["Ambrose Tellwright"] == "former leader of Ludworth Borough Council"
    assert roles["Owen Gathercole"].endswith("Green and Independent group")
    assert roles["Sarah Quennell"].startswith("monitoring officer")
    viaduct = {p.name: p.role for p in _brief("viaductcrack", "2026-07-23").people}
    assert " its " not in f" {viaduct['Gareth Ollerenshaw']} "


def test_a_release_issuer_with_its_division_after_a_dash_is_no_headline() -> None:
    head = ["NEWS RELEASE", "Northline Rail - Western Fells route", "FOR IMMEDIATE RELEASE"]
    assert release_issuer(head) == "Northline Rail"
    brief = _brief("viaductcrack", "2026-07-23")
    assert brief.title != "Northline Rail - Western Fells route"
    assert any((s.title or "").startswith("Skelbrook Viaduct repairs on track") for s in brief.sources)


def test_a_weekday_an_event_is_called_for_or_going_ahead_on_lies_ahead() -> None:
    called = mentions("The extraordinary council meeting called for Thursday evening has been cancelled.",
                      dt.date(2026, 9, 15))
    assert [w.day for w in called] == [dt.date(2026, 9, 17)]
    ahead = mentions("The clinic at Calderbrook Library on Wednesday and the one at Fennick Road Community Centre on "
                     "Saturday are going ahead as planned.", dt.date(2026, 5, 12))
    assert [w.day for w in ahead] == [dt.date(2026, 5, 13), dt.date(2026, 5, 16)]


def test_a_long_subject_before_its_perfect_tense_is_still_news() -> None:
    assert perfect_news("The High Court hearing over the Pitchcombe Fields housing development in Ebbsworth has been "
                        "moved from next month to September.")


def test_people_still_questioned_are_not_the_people_freed_and_the_freed_lead_is_the_bottom_line() -> None:
    assert opposite("The two people arrested in Copthorne Edge yesterday afternoon, a man aged 44 and a woman aged "
                    "39, were still being questioned at Hallington police station this morning.",
                    "Wealdmere Police said the man, 44, and the woman, 39, both from Copthorne Edge, were freed at "
                    "about 11pm last night after more than 29 hours in custody.")
    brief = _brief("airportdrone", "2026-06-12")
    assert brief.bottom_line is not None and "released without charge" in brief.bottom_line.text
    freed = [i for s in brief.sections for i in s.items if "were freed at about 11pm" in i.text]
    assert all(i.sources == (4,) for i in freed)
    # "The two people arrested over the drone sightings ...": a participle says who they are.
    assert not leans_back("The two people arrested over the drone sightings that shut Hallington Airport have been "
                          "released without charge.")


def test_what_a_relative_clause_says_is_not_the_sentences_news() -> None:
    from briefer.facts import aside_only
    assert aside_only("Korridge Waste, which runs the landfill, said it had stopped taking in new waste while the "
                      "fire was dealt with.", "The landfill is run by Korridge Waste Ltd, which has operated the site "
                      "since 2011.")
    assert not aside_only("Farm subsidies, which Ostland is pressing Varnia to reduce, remained unresolved.",
                          "The ministers did not settle the dispute over farm subsidies, which Ostland wants reduced.")
    printed = _printed(_brief("landfillfire", "2026-03-26"))
    assert not any(line.startswith("Korridge Waste, which runs the landfill") and "[1" in line for line in printed)


def test_a_share_of_a_job_done_gives_way_to_the_whole_of_it() -> None:
    assert supersedes("Northmoor Fire and Rescue Service said the last of the burning waste was put out at 7.15pm "
                      "yesterday.", "report", "Group Manager Kath Rimmington said about 70 per cent of the burning "
                      "area had now been dug out and put out.", "report")
    assert not any("70 per cent of the burning area" in line for line in _printed(_brief("landfillfire",
                                                                                          "2026-03-26")))


def test_findings_on_a_cause_are_told_once_a_cause_is() -> None:
    assert supersedes("Oxmoor Fire and Rescue Service said on Monday that the fire had been started accidentally.",
                      "report", "Oxmoor Fire and Rescue Service said its investigators expected to give their findings "
                      "on the cause on Monday.", "expected")


def test_a_sentence_that_only_says_figures_were_updated_is_not_quoted_alone() -> None:
    assert announces("The airport has updated its figures.")
    assert not any(line == "The airport has updated its figures." for line in _printed(_brief("airportdrone",
                                                                                               "2026-06-12")))


def test_a_dateline_that_names_its_reporter_is_furniture_and_a_person_known_before_leans_back() -> None:
    assert _is_furniture("*Shire Sound News, Friday 15 May 2026. Reporter: Kezia Mbatha-Rowe*")
    assert not any(line.startswith("Shire Sound News") for line in _printed(_brief("cinemafire", "2026-05-15")))
    assert leans_back("The boy appeared at Shiremoor Youth Court this morning, charged with arson.")
    assert not leans_back("The man arrested over the attack was released on bail.")
