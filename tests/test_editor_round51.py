"""Round 51: four stories read blind by an editor (tests/data/stories: millgate, labstrike, reservoirban,
strikerdeal). What they found: a level told again lower by a later article shown at its old figure and credited to
the articles that give the new one; a start date brought forward left standing; an old plan recalled ("had said
... would start on 4 December") listed as a next step; a step ahead quoted twice; dependent lines alone ("The four
on the southern side ...", "The original total ...", "After that, ..."); a picket line previewed for a day the
strike had begun; a pay date read as an event; a reporter's job title taken for the outlet."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.candidates import is_candidate
from briefer.config import load_options
from briefer.measures import share_moved
from briefer.supersede import supersedes
from briefer.temporal import classify, event_date
from briefer.timeline import Line, what_next
from tests.helpers import shown_lines, story_brief

LIMITS = load_options().limits

LOWER = "Hollins Water, its largest reservoir, is at 29 per cent."
HIGHER = "Hollins Water, the largest reservoir in the region, is at 31 per cent."


def test_a_later_level_of_the_same_thing_overtakes_the_older_one() -> None:
    assert share_moved(LOWER, HIGHER)
    assert supersedes(LOWER, classify(LOWER), HIGHER, classify(HIGHER))
    assert share_moved("Readings showed combined reservoir stocks had dropped to 36 per cent.",
                       "The company said its combined reservoir stocks had fallen to 38 per cent of capacity.")
    assert not share_moved(HIGHER, HIGHER)  # the same level is no newer one


@pytest.mark.parametrize(("later", "earlier"), [
    # a change is no level: two days' moves of a share price
    ("Brightway shares fell 1 per cent on Wednesday after their jump the day before.",
     "Shares in Brightway jumped 8 per cent in early trading, while Haldane's rose 3 per cent."),
    # another day's level
    ("Marlport Metro said 78% of its tram and bus services ran on Wednesday.",
     "Marlport Metro said 70% of its services ran on Tuesday."),
    # another thing's level: a subject's pass rate is not the national one
    ("The national pass rate in the subject, published on Thursday, had fallen to 79.1%.",
     "Across the country, the examinations authority said the pass rate was 87.4%, up from 86.9% last year."),
    # another party's share of the vote
    ("Labour won 40 per cent of the vote in the ward.", "The Conservatives won 35 per cent of the vote in the ward."),
])
def test_not_a_change_another_day_or_another_thing(later: str, earlier: str) -> None:
    assert not share_moved(later, earlier)


def test_a_start_date_brought_forward_overtakes_the_announced_one() -> None:
    announced = ("Kestrel Water has announced a hosepipe ban across Wyndale, with the restriction due to come into "
                 "force on Friday 4 December.")
    moved = ("Kestrel Water has brought its hosepipe ban forward by four days, with restrictions across Wyndale now "
             "starting on Monday 30 November after reservoir levels fell again.")
    assert classify(announced) == "report"  # the report of an announcement, holding its plan's day
    assert supersedes(moved, classify(moved), announced, classify(announced))
    # ... but a report of what happened on a day is no plan a later day overtakes.
    closed = "The council shut the bridge on Saturday 7 November after engineers raised concerns."
    reopens = "The bridge will now reopen on Friday 18 December, the council said."
    assert not supersedes(reopens, classify(reopens), closed, classify(closed))


def test_the_hosepipe_brief_tells_the_newest_date_and_level() -> None:
    brief = story_brief("reservoirban", "2026-11-19")
    lines = shown_lines(brief)
    assert not any("due to come into force on Friday 4 December" in line for line in lines)
    assert not any("is at 31 per cent" in line for line in lines)
    level = [i for s in brief.sections for i in s.items if "is at 29 per cent" in i.text]
    assert level and set(level[0].sources) <= {3, 4}  # the day-two articles, not the one with 31
    # An old plan recalled is no next step; the old date is not listed ahead.
    assert not any("4 December" in row.text or row.date == "2026-12-04" for row in brief.next)
    # "The original total ..." and "The correction prompted ..." lean on the sentence before them.
    assert not any(line.startswith(("The original total", "The correction prompted")) for line in lines)


def test_an_old_plan_recalled_is_no_next_step() -> None:
    day = dt.date(2026, 11, 19)
    recalled = "The company had said only on Wednesday that the restrictions would start on 4 December."
    planned = "The company said the restrictions would start on 4 December."
    rows = what_next([Line(1, recalled, day, 0), Line(2, planned, day, 0)], day)
    assert [row.text for row in rows] == [planned]


def test_a_step_ahead_that_leans_on_its_sentence_is_quoted_with_it_once() -> None:
    brief = story_brief("millgate", "2026-11-10")
    lines = shown_lines(brief)
    petition = [line for line in lines if "3,420 signatures" in line]
    assert len(petition) == 1 and "Thursday 26 November" in petition[0]
    row = [r for r in brief.next if r.date == "2026-11-26"]
    assert row and row[0].ref and not row[0].text  # what comes next points to the item, not a second copy
    assert not any(line.startswith("The four on the southern side") for line in lines)


@pytest.mark.parametrize("text", [
    "The four on the southern side were found to be in fair condition.",
    "The original total had counted repeat visits to the same leaks as separate repairs.",
    "The correction prompted renewed criticism from Tom Ellery, the MP for Wyndale North.",
    "After that, Oakbridge travel to Castlegate Town on Tuesday 24 November.",
    "The trust says it has already offered to regrade them.",
])
def test_lines_that_lean_on_the_one_before_are_not_quoted_alone(text: str) -> None:
    assert not is_candidate(text, LIMITS)


@pytest.mark.parametrize("text", [
    "Police asked anyone who was on High Tarn on Friday to contact them.",  # them: the police
    "Wardens found three injured owls and offered to rehome them.",  # them: the owls
    "The original plan was to open the bridge in May.",
])
def test_lines_that_name_what_they_tell_stay_quotable(text: str) -> None:
    assert is_candidate(text, LIMITS)


def test_a_preview_where_and_a_sale_listing() -> None:
    assert classify("Picket lines are expected outside the main entrance of the infirmary from 6.30am on "
                    "Tuesday.") == "expected"
    assert classify("It was found after the tower captain saw it listed for sale on an auction website on "
                    "Sunday.") == "report"
    assert classify("The case is listed for Monday 3 March.") == "expected"


def test_a_pay_date_is_no_event_date() -> None:
    day = dt.date(2026, 11, 10)
    assert event_date("The union wants them regraded with back pay to April 2022.", day) is None
    assert event_date("He said the trust had offered to regrade them with effect from April 2025.", day) is None
    assert event_date("The union balloted its members in April 2022.", day) is not None


def test_the_lab_strike_brief_drops_the_picket_preview() -> None:
    brief = story_brief("labstrike", "2026-11-10")
    lines = shown_lines(brief)
    assert not any(line.startswith("Picket lines are expected") for line in lines)
    assert not any(row.date in ("2022-04", "2025-04") for row in brief.timeline)


def test_a_paper_named_over_its_breadcrumb_is_the_outlet_and_the_headline_its_title() -> None:
    brief = story_brief("strikerdeal", "2026-11-19")
    first = brief.sources[0]
    assert first.outlet == "Oakbridge Evening Post"
    assert first.title.startswith("Oakbridge United in advanced talks to sign")
    assert not any(line.startswith("After that,") for line in shown_lines(brief))


def test_a_sum_given_for_sure_overtakes_what_it_was_believed_to_be() -> None:
    from briefer.supersede import sum_confirmed

    believed = "The fee is believed to be around £4 million, with a further £500,000 in potential add-ons."
    sure = "Oakbridge United have completed the signing of Sem Dekkers for a club-record fee of £4.5 million."
    assert sum_confirmed(sure, believed)
    assert supersedes(sure, classify(sure), believed, classify(believed))
    # Not a sum of another time, nor another player's.
    assert not sum_confirmed("It beats the previous record of £3.2 million paid for Callum Rees in 2023.", believed)
    assert not sum_confirmed("Hartwell paid a fee of £2 million for Callum Rees.",
                             "Oakbridge United are in talks with a fee believed to be around £4 million.")
    lines = shown_lines(story_brief("strikerdeal", "2026-11-19"))
    assert not any("believed to be around £4 million" in line for line in lines)
    # ... and a deal told "according to sources", once the club has completed it.
    assert not any("according to sources" in line for line in lines)


def test_a_date_to_be_reviewed_or_set_out_is_overtaken_once_it_is_given() -> None:
    review = "The company said the start date would be reviewed at a board meeting next week and could change."
    moved = "Kestrel Water has brought its hosepipe ban forward by four days, now starting on Monday 30 November."
    assert supersedes(moved, classify(moved), review, classify(review))
    assert not supersedes("The council put the closure back to next year.", "report", review, classify(review))
    ahead = "The council is expected to set out a timetable for the repairs later this week."
    given = "The bridge will reopen to traffic on Friday 18 December, the council said on Tuesday, after repairs."
    assert supersedes(given, classify(given), ahead, classify(ahead))
    assert not any(line.startswith("The council is expected to set out a timetable")
                   for line in shown_lines(story_brief("millgate", "2026-11-10")))
    assert not any("would be reviewed at a board meeting" in line
                   for line in shown_lines(story_brief("reservoirban", "2026-11-19")))


def test_what_someone_said_they_expected_for_a_day_is_a_preview() -> None:
    day = dt.date(2026, 11, 19)  # a Thursday
    crowd = "The trust said it expected a crowd of more than 18,000 for Saturday's game, which kicks off at 3pm."
    assert classify(crowd) == "expected"
    when = event_date(crowd, day)
    assert when is not None and when.day == dt.date(2026, 11, 21)  # the coming Saturday, not the one gone by
    assert classify("The trust said it anticipated an attendance of over 18,000 for Saturday's fixture.") == "expected"
    assert classify("She had expected it on Monday.") == "report"  # a hope gone by


def test_of_an_article_and_its_spun_copy_alone_the_copy_has_the_longer_words() -> None:
    # The day before the hosepipe story's last articles, only the Echo and the digest's synonym-spun copy of it are
    # in: no other article tells their swapped words apart, and the spinner's are the longer ("prohibition",
    # "clients", "individuals" for "ban", "customers", "people"). Its quotations are not what was said.
    brief = story_brief("reservoirban", "2026-11-18")
    marked = [s.name for s in brief.sources if "paraphrased" in s.warning]
    assert marked == ["02-uk-news-digest.html"]
    quoted = {n for i in (*[i for s in brief.sections for i in s.items], *brief.quotes) for n in i.sources}
    assert 1 in quoted
    assert not any("justifiably furious" in q.text or "Individuals think" in q.text for q in brief.quotes)


def test_a_service_forecast_to_run_as_normal_is_overtaken_once_it_did() -> None:
    ahead = "Dr Anil Mehra, chief executive of the trust, said emergency care would not be affected."
    done = "The trust said emergency departments, maternity units and urgent cancer services were working as normal."
    assert supersedes(done, classify(done), ahead, classify(ahead))
    assert not supersedes("The trust said the car parks were working as normal.", "report", ahead, classify(ahead))
    lines = shown_lines(story_brief("labstrike", "2026-11-10"))
    assert not any("would not be affected" in line for line in lines)
    # ... and the two articles that say the services ran normally say it once ("were working as normal" / "had run
    # normally on Tuesday").
    assert len([line for line in lines if "normal" in line]) == 1


@pytest.mark.parametrize(("text", "empty"), [
    ("Halloran declined to discuss the deal in detail when asked about it on Wednesday.", True),
    ("Tilbrook manager Stefan Vossberg refused to be drawn on the move after Saturday's win.", True),
    # a clause on the speaker, before what he said
    ("Vossberg, who had refused to talk about Ottley while he was a Corrinford player, said he was delighted.", False),
    ("The minister declined to say how much the scheme would cost.", False),
])
def test_a_line_that_someone_would_not_be_drawn_says_nothing(text: str, empty: bool) -> None:
    from briefer.candidates import no_comment

    assert no_comment(text) is empty
