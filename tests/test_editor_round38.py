"""The thirty-eighth blind editor round (docs/quality.md): each test is a defect a reader found, on the test stories
or in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.candidates import leans_back, to_readers
from briefer.clean import find_title
from briefer.outlets import outlet_in_lines
from briefer.people import who_is_who
from briefer.supersede import revised_count, running_total, state_overturned
from briefer.temporal import event_date
from tests.helpers import shown_lines as _printed
from tests.helpers import story_brief as _brief


def _roles(*texts: str) -> dict[str, str]:
    cast = who_is_who(list(enumerate(texts, 1)))
    return {p.name: p.role for p in cast.people}


def test_a_role_keeps_its_body_and_its_participle_and_drops_a_title_after_the_post() -> None:
    assert _roles("Committee chair Councillor Beatrice Mundy said the vote was tied.",
                  "The committee met again on Thursday.")["Beatrice Mundy"] == "committee chair"
    assert _roles("Opposition housing spokesperson Councillor Nadia Ferrant said it was overdue.")["Nadia Ferrant"] \
        == "Opposition housing spokesperson"
    assert _roles("Larchgate's planning director, Anil Sethwick, said the homes would be built.")["Anil Sethwick"] \
        == "Larchgate's planning director"
    assert _roles("Its chief operating officer, Dr Ian Crombie, said there were no plans.")["Ian Crombie"] \
        == "chief operating officer"
    assert _roles("Marlport Chamber of Commerce chief executive Yusuf Harrowgate said footfall fell.")[
        "Yusuf Harrowgate"] == "Marlport Chamber of Commerce chief executive"
    assert _roles("The chief executive of Glenarrow and Orrisdale Health Board, Lorna McAusland, said on Tuesday "
                  "that no decision had been taken.")["Lorna McAusland"] \
        == "chief executive of Glenarrow and Orrisdale Health Board"
    # ... but an "and" between two people's posts joins no body: "of Chile and President Eduardo Frei".
    roles = _roles("The summit was opened by President Carlos Menem of Argentina and President Eduardo Frei of Chile.",
                   "Talks between Menem of Argentina and Chilean President Eduardo Frei said nothing new.")
    assert "and" not in roles.get("Eduardo Frei", "")


def test_a_list_gives_each_description_to_the_name_before_it() -> None:
    roles = _roles("The group were Dr Lan Nguyen, 38, a family doctor, Callum Reid-Ferris, 29, and Joanna Peel, 56, "
                   "a retired teacher.", "Callum Reid-Ferris said the guides saved them.")
    assert roles.get("Callum Reid-Ferris", "") == ""
    assert roles["Joanna Peel"] == "a retired teacher"


def test_a_release_label_and_its_issuer_are_no_headline_and_the_issuer_is_the_outlet() -> None:
    release = ["NEWS RELEASE", "Glenarrow and Orrisdale Health Board", "Monday 12 October 2026",
               "FOR IMMEDIATE RELEASE", "Temporary change to inpatient beds at Orrisdale Community Hospital",
               "Glenarrow and Orrisdale Health Board today confirmed that the ward will close temporarily."]
    assert find_title(release) == "Temporary change to inpatient beds at Orrisdale Community Hospital"
    assert outlet_in_lines(release) == "Glenarrow and Orrisdale Health Board"
    statement = ["ELLISFORD ROVERS FOOTBALL CLUB", "OFFICIAL STATEMENT", "Sunday 8 March 2026",
                 "Club statement: Kwame Ashbrook", "Ellisford Rovers can confirm that the striker is injured."]
    assert find_title(statement) == "Club statement: Kwame Ashbrook"
    assert outlet_in_lines(statement) == "Ellisford Rovers Football Club"
    sources = _brief("settlement").sources
    assert sources[1].outlet == "Marlstone Borough Council"
    assert sources[1].title == "Council reaches settlement with Fennel House tenant"


def test_a_stations_promotion_and_a_statements_closing_line_are_no_news() -> None:
    assert to_readers("Listen to Radio Corrowdale breakfast from 6am for the latest.")
    assert to_readers("Radio Ellisford Sport will have full commentary from 2pm.")
    assert to_readers("The club will give a further update when appropriate and asks that Kwame's privacy is "
                      "respected during his recovery.")
    assert to_readers("Tenants who are worried about damp or mould in their home can report it on the council's "
                      "website or by calling the repairs line.")
    assert not to_readers("Police will give a further update on the inquiry on Monday.")


@pytest.mark.parametrize(("anchor", "text", "day"), [
    # a warning's new end is no event of the day it names
    ("2026-01-20", "The yellow warning for snow and ice, which had been due to end at noon today, has been extended "
                   "until 9am on Wednesday.", None),
    # a start "in January", said in June, is next January
    ("2026-06-11", "She also announced that the team had been awarded £480,000 for a two-year trial in 24 schools, "
                   "starting in January.", "2027-01-01"),
    # a plan told in the past is of the nearest such day: Monday's article, Tuesday's hearing
    ("2026-04-13", "Leanne Okwuosa had been due to give evidence at Easterby County Court on Tuesday morning.",
     "2026-04-14"),
    ("2026-04-15", "The hearing had been due to start on Tuesday.", "2026-04-14"),
    # "is due at" an occasion looks ahead
    ("2026-03-07", "Manager Stefan Aukland did not speak to the TV crews but is due at his press conference as usual "
                   "on Monday.", "2026-03-09"),
    # "this morning" is the article's day, not the cause's Saturday
    ("2026-10-20", "Tanner's Quay in Corrowfield reopened this morning after the festival pontoon that collapsed on "
                   "Saturday night was lifted out of the river.", "2026-10-20"),
    # a day in the subject's apposition dates the other event
    ("2026-06-11", "Marek Dolan, the crane operator hurt when a tower crane collapsed at Port Averin on Monday, has "
                   "been moved out of intensive care, Ardlow Royal Infirmary said on Thursday.", "2026-06-11"),
])
def test_the_day_of_what_a_sentence_tells(anchor: str, text: str, day: str | None) -> None:
    when = event_date(text, dt.date.fromisoformat(anchor))
    assert (when.day.isoformat() if when is not None else None) == day


def test_a_day_is_no_one_a_pronoun_stands_for_and_told_before_counts_lean_back() -> None:
    assert leans_back("The company said on Wednesday that he was now stable.")
    for text in ("The union put that crowd at 3,000.",
                 "The alarm was raised five minutes later.", "Fifteen minutes later the striker pulled up.",
                 "The last two, both children, were discharged on Wednesday."):
        assert leans_back(text), text
    for text in ("All 22 crew members were rescued.", "The council disputed that the road was unsafe.",
                 "A boy who was separated from his family was found safe by stewards 40 minutes later."):
        assert not leans_back(text), text


def test_names_with_particles_are_named_in_full_once() -> None:
    brief = _brief("foreignnames")
    text = " ".join(_printed(brief))
    assert "[van der Berg] van der Berg" not in text and "[ter Horst] ter Horst" not in text
    assert "[Van der Berg] Van der Berg" not in text
    people = [p.name for p in brief.people]
    assert "María José de la Cruz" in people  # four name words besides the particles
    assert "Bergtochten Van der Berg" not in people  # "The guiding company, Bergtochten Van der Berg,"


def test_an_amendment_notes_wrong_figure_is_printed_nowhere() -> None:
    # "An earlier version said that 27 people, including 21 children, had been taken to hospital": 17 were; and
    # "Some earlier reports put the number at 27" names the old value, no revision of the seventeen.
    assert not revised_count("Some earlier reports put the number at 27, which was the number of people checked "
                             "by paramedics at the scene.",
                             "Seventeen people, 12 of them children, were taken to hospital on Tuesday.")
    brief = _brief("amended", "2026-05-14")
    printed = _printed(brief)
    assert not any("27 people were taken to hospital" in line for line in printed)
    assert any(line.startswith(("Seventeen people", "The Wyndlow Ambulance Service confirmed that 17 people"))
               for line in printed)
    # ... and the cause found overtakes "The cause of the leak is not yet known."
    assert not any("not yet known" in line for line in printed)


def test_a_rejected_approach_once_agreed_to_and_a_deadline_that_no_longer_applies_are_stale() -> None:
    assert state_overturned("The board of the pie maker Hollis Pennick has agreed to a £1.02bn takeover by "
                            "Larchmont Capital Partners.",
                            "The board of Hollis Pennick has rejected a takeover approach from Larchmont Capital "
                            "Partners.")
    assert state_overturned("Larchmont's deadline to make a firm offer, which had been set for 6 July, no longer "
                            "applies now that the offer has been made.",
                            "Under the takeover rules, Larchmont has until 5pm on Monday 6 July to either make a "
                            "firm offer or walk away.")
    brief = _brief("bidraised", "2026-06-12")
    printed = _printed(brief)
    assert brief.bottom_line is not None and "has agreed to" in brief.bottom_line.text
    assert not any("has rejected a takeover approach" in line for line in printed)
    assert not any("has until 5pm on Monday 6 July" in line for line in printed)


def test_a_running_total_gives_way_to_a_larger_later_one() -> None:
    assert running_total("Gritters have now spread about 2,100 tonnes of salt since Sunday afternoon.") \
        == ("spread tonnes", 2100.0)
    assert running_total("It had raised £6,200 by Tuesday morning.") == ("£", 6200.0)
    printed = _printed(_brief("schoolclosures", "2026-01-21"))
    assert any("2,650 tonnes" in line for line in printed)
    assert not any("2,100 tonnes" in line for line in printed)


def test_an_article_over_two_pages_is_one_source() -> None:
    brief = _brief("pagedup", "2026-07-17")
    assert brief.sources[2].warning == "page 2 of source 2, read as one article with it"
    cited = {k for line in (*(i for s in brief.sections for i in s.items),) for k in line.sources}
    assert 3 not in cited


def test_quotations_under_a_what_x_said_heading_are_xs() -> None:
    brief = _brief("sportsinjury", "2026-03-09")
    speakers = {q.text[:20]: q.speaker for q in brief.quotes}
    assert speakers.get("When I saw him go do") == "Stefan Aukland" or \
        speakers.get("Tom has waited a lon") == "Stefan Aukland"
    assert all(q.speaker for q in brief.quotes if q.sources == (4,))


def test_its_chairman_after_a_body_named_with_of_is_that_bodys() -> None:
    roles = _roles("The petition was started on Monday evening by the Friends of Orrisdale Hospital. Its chairman, "
                   "Donald Reekie, said the ward had been saved before.",
                   "Orrisdale Community Hospital has 18 beds on the ward.")
    assert roles["Donald Reekie"] == "chairman of the Friends of Orrisdale Hospital"
    assert _roles("Cabinet member for transport Councillor Hamish Tennant-Obi said the scheme was about safety.")[
        "Hamish Tennant-Obi"] == "Cabinet member for transport"


def test_a_dated_lists_end_of_month_label_and_funding_found() -> None:
    from briefer.timeline import without_listed_date
    assert without_listed_date("End of March 2027: the board reviews the closure") == "the board reviews the closure"
    assert state_overturned("She also announced that the team had been awarded £480,000 by the Ewenvale Children's "
                            "Trust for a two-year trial in 24 schools.",
                            "The research team said it was now seeking funding for a trial.")


def test_a_naming_called_a_mistake_and_an_event_given_a_new_date_are_stale() -> None:
    assert state_overturned("Police apologised on Tuesday for naming the wrong man as the worker killed when a tower "
                            "crane collapsed at a Port Averin building site.",
                            "West Ardlow Police named the man who died as Marek Dolan, 38, from Dunhallow.")
    printed = _printed(_brief("wrongname", "2026-06-11"))
    assert not any(line.startswith("West Ardlow Police named the man who died as Marek Dolan") for line in printed)
    assert state_overturned("The fireworks display that was cancelled on Saturday will now go ahead on Saturday 7 "
                            "November at 7pm, the council confirmed.",
                            "Corrowfield Police have confirmed that the fireworks display has been cancelled.")
    assert leans_back("The ambulance service has put the exact number at 47.")
    assert not leans_back("Police put the number of people evacuated at 300.")
