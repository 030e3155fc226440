"""The forty-sixth and forty-seventh editor rounds (docs/quality.md): each test is a defect a reader found, on the
rounds' test stories (tests/data/stories/README.md) or in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.discover import _TOKEN
from briefer.facts import count_update
from briefer.measures import counts, counts_differ
from briefer.people import who_is_who
from briefer.supersede import decided, supersedes
from briefer.temporal import event_date
from tests.helpers import story_brief


def test_the_day_of_the_deed_a_charge_is_for_is_not_the_charges() -> None:
    # The robbery was on Saturday; the charge is the article's news of its own day.
    thursday = dt.date(2026, 11, 12)
    assert event_date("A 31-year-old man has been charged with robbing Penmore chemist on Saturday.", thursday) is None
    assert event_date("A woman has been fined for leaving a gate open on Tuesday.", thursday) is None
    # (A day the sentence's own verb takes still dates it.)
    assert event_date("Two men were arrested on Tuesday for stealing a van.", thursday).day == dt.date(2026, 11, 10)


def test_a_defendant_a_prefixed_post_and_a_firms_abbreviation_make_people_and_roles() -> None:
    cast = who_is_who([
        (1, "The sub-postmistress, Alys Venn, said she had never been so frightened."),
        (2, "Owain Brisco, of Mill Row, Penmore, is due to appear before Penmore Magistrates' Court on Monday."),
        (2, "She thanked Halden Corp. co-founder Mira Vance for the new shutters."),
        (3, "The town clerk, Nia Pardoe, said the accounts would be published."),
    ])
    roles = {p.name: p.role for p in cast.people}
    assert roles.get("Alys Venn") == "sub-postmistress"
    assert "Owain Brisco" in roles  # a court date is something only people have
    assert roles.get("Mira Vance") == "Halden Corp. co-founder"  # not "co-founder" cut at "Corp."
    assert roles.get("Nia Pardoe") == "town clerk"


def test_a_past_verb_after_a_name_is_no_role() -> None:
    cast = who_is_who([(1, "Dale Ferrow, 35, appeared before magistrates in Stanmouth this morning and pleaded "
                           "guilty."),
                       (2, "Dale Ferrow, a former teacher, walked out of the prison on Monday.")])
    assert {p.name: p.role for p in cast.people}.get("Dale Ferrow") == "a former teacher"


def test_a_hunt_is_over_once_the_person_is_caught() -> None:
    assert supersedes("A prisoner who walked out of HMP Ardley on Monday has been recaptured near Tolby.", "report",
                      "Police are hunting a prisoner who walked out of HMP Ardley on Monday evening.", "report")


def test_a_rank_counts_how_many_have_done_it() -> None:
    third = "Ferrow is the third prisoner to abscond from Ardley this year, the Prison Service said."
    fourth = "Ferrow was the fourth prisoner to walk out of Ardley this year."
    assert [(c.thing, c.value) for c in counts(third)] == [("prison", 3.0)]
    assert counts("It was the first time the gate had been left open.") == ()
    assert counts_differ(fourth, third)  # a lead's credit: "the fourth" does not state "the third"
    assert count_update(fourth, third)  # the newer rank overtakes the older


def test_a_decision_on_whether_the_case_goes_further_is_taken_by_the_referral() -> None:
    assert decided("The monitoring officer said she had referred the complaint to the standards committee, which will "
                   "hold a hearing on Wednesday 29 April.",
                   "She is due to decide by 14 April whether the case goes to a standards hearing.")


def test_a_mayors_story_tells_the_hearing_ahead_not_the_decision_taken() -> None:
    brief = story_brief("mayorexpenses", "2026-03-20")
    ahead = {(d.date, d.text or d.excerpt) for d in brief.next}
    assert any(date == "2026-04-29" for date, _ in ahead), ahead
    assert not any(date == "2026-04-14" for date, _ in ahead), ahead  # "due to decide by 14 April": decided


def test_a_prisoners_story_credits_the_third_only_to_who_said_third() -> None:
    brief = story_brief("prisonescape", "2026-06-12")
    third = [i for s in brief.sections for i in s.items if "third prisoner" in i.text]
    assert all(i.sources == (1,) for i in third), third  # source 4 says "fourth"
    assert brief.people[0].name == "Darren Mosscrop" and "appeared" not in brief.people[0].role


def test_words_wholly_inside_an_earlier_quotation_name_no_speaker() -> None:
    # '... said: "We will not gamble ... The moment our engineers told us ..."' then '"..." she said': the "she" is
    # Brenda Hollis, never "the moment our engineers".
    brief = story_brief("footbridge", "2026-04-16")
    assert brief.quotes
    assert all("moment" not in (q.context or "") for q in brief.quotes), brief.quotes
    assert all(q.speaker for q in brief.quotes)


def test_headings_do_not_end_inside_a_name() -> None:
    headings = [s.heading for s in story_brief("missingboat", "2026-10-09").sections]
    assert not {"Trawler Sea", "Helicopter Rescue", "Guard helicopter Rescue"} & set(headings)
    eve = [s.heading for s in story_brief("missingboat", "2026-10-08").sections]
    assert not any(h.endswith(("Sea", "Rescue")) for h in eve), eve


def test_discovery_reads_letters_of_any_alphabet() -> None:
    assert _TOKEN.findall("Ciarán and Pádraig's boat") == ["Ciarán", "and", "Pádraig's", "boat"]


def test_a_figure_called_correct_overtakes_the_one_a_letter_gave() -> None:
    from briefer.supersede import revised_count
    later = ("The bank has now corrected the distance: a letter to customers said Oldbury was 11 miles away, but the "
             "bank said on Tuesday that the correct figure is 15 miles by road.")
    assert revised_count(later, "The nearest branch is in Oldbury, 11 miles away.")
    assert not revised_count(later, "The nearest branch is in Oldbury, 15 miles away.")


def test_aboard_then_rescued_and_jobs_to_go_then_offered() -> None:
    assert supersedes("All three crew of the trawler Morwen have been found alive in a liferaft.", "report",
                      "The skipper of the Morwen, Ivo Pascoe, is on board with two crewmen.", "report")
    assert supersedes("All twelve staff of the practice will be offered jobs with the buyer on their current terms.",
                      "expected", "Twelve staff will lose their jobs when the practice closes.", "expected")


def test_a_days_gathering_is_no_preview_once_it_is_reported_held() -> None:
    preview = "Thursday's public meeting is at Haverleigh Town Hall at 7pm."
    assert preview in [i.text for s in story_brief("gpsurgery", "2026-03-19").sections for i in s.items]
    assert preview not in [i.text for s in story_brief("gpsurgery", "2026-03-20").sections for i in s.items]


def test_a_date_given_ends_until_further_notice_and_one_gathering_is_one_next_step() -> None:
    from briefer.sections import same_gathering
    assert supersedes("The council will put lifeguards back on Carrow Strand from Saturday, when the beach will "
                      "reopen to swimmers.", "expected",
                      "The council has closed Carrow Strand to swimmers until further notice.", "report")
    friday = dt.date(2026, 6, 18)
    assert same_gathering("Inspectors will attend the public meeting on Inishmore on Friday 19 June.",
                          "Islanders will hold a public meeting at the hall on Inishmore on Friday.", friday)
    assert not same_gathering("Inspectors will attend the public meeting on Inishmore on Friday 19 June.",
                              "Islanders will hold a public meeting on Inishbeg on Friday.", friday)
    ahead = [d for d in story_brief("ferrycollision", "2026-06-18").next if d.date == "2026-06-19"]
    assert len(ahead) == 1, ahead


def test_a_boats_name_is_no_person_and_a_rank_after_a_post_gives_the_post() -> None:
    cast = who_is_who([(1, "Ned Pye, who skippers the crabber Lady Orla, said the fleet was losing money."),
                       (2, "The master of the Lough Carra, Captain Aoife Brannock, said the ferry had slowed.")])
    roles = {p.name: p.role for p in cast.people}
    assert "Lady Orla" not in roles
    assert roles.get("Aoife Brannock") == "master of the Lough Carra"


def test_a_count_raised_from_one_figure_to_another_with_the_count_named_between() -> None:
    from briefer.supersede import revised_count
    assert revised_count("The commissioners raised their count of stranded boats from 19 to 24.",
                         "Nineteen fishing boats are stranded in the harbour.")


def test_a_petition_handed_in_is_no_longer_open_and_its_count_only_grows() -> None:
    handed = "Campaigners handed a petition of 2,910 signatures to the bank at its office in Stenmouth."
    assert supersedes(handed, "report", "The petition can be signed at the library and at the Gazette office.",
                      "report")
    assert supersedes(handed, "report", "The petition has now reached 2,400 signatures.", "report")
    assert not supersedes("The petition has now reached 2,400 signatures.", "report", handed, "report")


def test_a_decision_reversed_is_no_next_step() -> None:
    assert supersedes("The trust dropped its plan to bring back parking charges at Ambley Hospital on Thursday.",
                      "report",
                      "The board of Ambley Hospital had voted last week to bring back charges from 30 November.",
                      "report")
    lines = [i.text for s in story_brief("hospitalparking", "2026-11-12").sections for i in s.items]
    assert not any("30 November" in line for line in lines)


def test_a_year_named_as_wrong_is_corrected_and_dates_nothing() -> None:
    from briefer.supersede import named_wrong
    later = "The cinema opened in May 1936, not in 1935 as some reports said."
    assert named_wrong(later, "The Regal opened in 1935 as a single-screen picture house.")
    assert event_date(later, dt.date(2026, 10, 14)).day.year == 1936


def test_an_event_to_be_held_on_a_day_lies_ahead() -> None:
    when = event_date("The commissioner has called the firm to a public inquiry, to be held in Stenby on 21 April.",
                      dt.date(2026, 3, 5))
    assert when is not None and when.day == dt.date(2026, 4, 21)


def test_an_exact_sum_told_twice_is_one_fact() -> None:
    from briefer.sections import same_figure
    assert same_figure("The landlord has been ordered to pay £41,350 after admitting nine offences.",
                       "He was fined £33,000 and ordered to pay costs, a total of £41,350 after admitting offences.")
    assert not same_figure("The landlord has been ordered to pay £40,000 after admitting nine offences.",
                           "He was fined £33,000 and ordered to pay costs, a total of £40,000 after admitting it.")


def test_where_a_fire_began_tells_its_cause_and_a_whole_named_by_what_befell_it_is_one_whole() -> None:
    from briefer.supersede import part_of_whole
    assert supersedes("Investigators found that the fire started in an overheated brake on the coach and was not "
                      "deliberate.", "report", "The cause of the fire is being investigated.", "report")
    assert part_of_whole("Police said 17 of the 25 sheep stolen have now been returned to their owners.",
                         "Four more were found on Tuesday, bringing the number recovered to 12 of the 25 stolen.")
    assert not part_of_whole("Five of the nine pharmacies have some.", "Eight of the nine shops were shut.")
    # (... but not when the newer count never says what befell its whole.)
    assert not part_of_whole("Police said 17 of the 25 sheep have been scanned.",
                             "Four more were found, bringing the number recovered to 12 of the 25 stolen.")
