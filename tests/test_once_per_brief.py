"""Each fact once in every test story's brief (issue 12, "Done when"): every pair of printed items (the bottom line,
the overview and the sections; not the timeline or what comes next, whose lines point back at them) is checked with
the same-fact rule and with a looser check, most content words in common. A pair either check flags must have been
read: tests/data/stories/read-pairs.tsv holds each such pair with the reader's verdict, "distinct" (two facts that
share the story's words: "ordered to leave" / "allowed to return") or "repeat" (a known repeat not fixed yet)."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.config import load_options
from briefer.facts import judge_pairs
from briefer.measures import same_measure
from briefer.model import Brief
from briefer.pipeline import build_brief
from briefer.supersede import grown_count, supersedes
from briefer.text import content_stems
from tests.helpers import ROOT, eve_of

DATA = ROOT / "tests" / "data"
STORIES = sorted(p for p in (DATA / "stories").iterdir() if p.is_dir()) + sorted(DATA.glob("story-*/"))
READ = DATA / "stories" / "read-pairs.tsv"
# The looser check: this share of the shorter item's content words (names and figures in) in the other. Set so that
# it finds the known repeats that share words (the marathon's ratification at 0.60, the reshuffle's first woman and
# new health minister at 0.50 and 0.57, the launch's "originally been set for Tuesday" at 0.50); it then flags about
# thirty pairs of distinct facts per date, each read once and listed in READ.
LOOSE_SHARE = 0.5
# How much of each item a listed pair names (enough to tell the items of one story apart).
KEY_CHARS = 50
# The days each story is briefed on (`days_of`): its own (no --date: today) and, as it stood then, the day before its
# last article.


def days_of(story: Path) -> tuple[dt.date | None, ...]:
    eve = eve_of(story)
    return (None,) if eve is None else (None, eve)


def _stems(text: str) -> set[str]:
    return set(content_stems(text)) | set(re.findall(r"\d(?:[\d,.]*\d)?", text))


def _printed(brief: Brief) -> list[str]:
    lines = [brief.bottom_line.text] if brief.bottom_line is not None else []
    lines += [item.text for section in brief.sections for item in section.items]
    return list(dict.fromkeys(lines))


def flagged(brief: Brief) -> Iterator[tuple[str, str]]:
    """Pairs of printed items the same-fact rule joins or that share most content words."""
    for a, b in itertools.combinations(_printed(brief), 2):
        sa, sb = _stems(a), _stems(b)
        if len(sa & sb) >= LOOSE_SHARE * min(len(sa), len(sb)) or judge_pairs([(a, b)])[0]:
            yield a, b


def _key(story: str, a: str, b: str) -> tuple[str, str, str]:
    first, second = sorted((a[:KEY_CHARS], b[:KEY_CHARS]))
    return story, first, second


def _read() -> dict[tuple[str, str, str], str]:
    with READ.open(encoding="utf-8", newline="") as f:
        return {_key(row["story"], row["first"], row["second"]): row["verdict"]
                for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_every_flagged_pair_has_been_read(story: Path) -> None:
    read = _read()
    unread = []
    for day in days_of(story):
        brief = build_brief([story], load_options(date=day))
        unread += [(day, a, b) for a, b in flagged(brief) if _key(story.name, a, b) not in read]
    assert not unread, "\n".join(f"{story.name}\t{day}\t{a[:KEY_CHARS]}\t{b[:KEY_CHARS]}" for day, a, b in unread)


def test_the_known_repeats_are_few() -> None:
    repeats = [key for key, verdict in _read().items() if verdict == "repeat"]
    # The marathon's ratification, the reshuffle's first woman and health minister, the launch's first day: issue 12;
    # from the stories read blind in round 16, the barns' first fire and its cattle, each told in two outlets'
    # words, the school study's finding with one outlet's wrong figures, and the takeover's league approval ("within
    # six weeks" / "by the end of May"); from the nine stories read blind in round 17, seven that the same-fact rule and
    # the told-again checks miss: one ruling in two outlets' words, twice (clifpath), the fifth school closed
    # (mould), the helicopter's two children in a paraphrase (chairlift), "allowed to carry on" / "able to keep
    # using the lake" (algae), the planning committee (allotments), the tunnel's 5.8 kilometres (docs/quality.md);
    # from the nine read blind in round 18, six: the injured woman introduced twice (scaffold), the bank's "never
    # ask for your PIN" in the police's words and the advice box's (scam), each member's 200,000 euros (syndicate),
    # the postponement and the move to October, each in two outlets' words (regatta), "no one was hurt" inside a
    # longer line (gasleak); from the twelve read blind in round 21, one: the ward's patients "will be moved ... by
    # Friday" beside "closed ... after the last of its 17 patients were moved" in the brief of 16 April (the preview's
    # subject opens its sentence with a capital, which the preview check reads as a name; reading it as a common noun
    # cost other briefs their next steps and plans: docs/quality.md, twenty-first round); from the twelve read blind in
    # round 22 and each story read as it stood the day before its last article, seven the same-fact rule misses (its
    # probability 0.06-0.44): a suspension told in a release's and a wire's words (bikeshare), a notice lifted
    # "for the remaining 5,300 homes" and "the last of" it, homes in the north "cleared" and "told ... safe to
    # drink again" (dieseltap), a manuscript "taken from a display case" and "from its glass case" (psalter), the
    # vote "put off" and "put back" (congestion), "no sign of a leak" and "found no leak" (derailment), the museum
    # "closed today" and "closed until at least Friday" (museum); and a passenger's suitcase "somewhere in the
    # building" beside its reaching her home (baggage), once a near copy sharing only its setting was no longer held
    # back (the storks' nest beside their eggs, sections.NEAR_OWN_WORDS); from the twelve read blind in round 23, one:
    # two people stung "at the station by paramedics, but neither needed to go to hospital" and two passengers stung
    # "on the platform ... treated by paramedics at the scene" (beeswarm, probability 0.44, the added clause's
    # negation against it); from the twelve read blind in round 24, five the same-fact rule misses: the clamp "fitted
    # ... during servicing in February" and "fitted by a servicing contractor in February" (bikeshare, the story as it
    # stood the day before), a parcel opened "to find a copy of" the book and "The copy ... arrived in a padded
    # envelope" (overdue), a live page's "One of the penguins has been found on the lifeboat slipway" beside two later
    # wordings of the find (penguins), and "has denied stealing £48,600" beside "is to stand trial ... after denying
    # that he stole £48,600" (treasurer); from the twelve read blind in round 25, three: a car park "has been closed"
    # and "would remain closed until at least Friday" (carparkfire, as the museum's), a Band D bill "to £1,939.56" in
    # two outlets' words (counciltax), and the pier's end "collapsed into the sea" / "tore away" (pierend); from the
    # twelve read blind in round 27, three: "Between 200 and 250 shoppers and staff were evacuated" and "About 220
    # customers and staff left" (alarmshop, a range and a figure inside it), the church roof's lead "stripped" in two
    # outlets' words (leadroof), and a driver "now in a stable condition in hospital" / "recovering in hospital"
    # (lorryshed); from the ten kept of round 28, one: the library's new opening days told as a timetable and as
    # "Opening hours will rise from three days a week to five" (libsaved); from the twelve read blind in round 30,
    # five: a passenger who stopped the bus, told by the police and by the paper (nightbus), the painting's theft in
    # two outlets' words (pressroom), a sum one outlet printed wrong and corrected two days later, on the day before
    # its correction (seawallfund), the shares' fall in the morning and at the close of one day (sharesink), and a
    # plan for the morning's low tide beside its failure that afternoon, in one feed's items of one day (sluicegate).
    # From the twelve read blind in round 31, two: a bearing "fitted out of line" and "a problem with one of the
    # bearings" in two outlets' words (bypassqa), and "all but three of the 17" beside "Fourteen are now back"
    # (zooescape, the day before the last article); from the twelve of round 32, one: a yellow warning for Saturday's
    # thunderstorms and the forecasters' thunderstorms "expected on Saturday afternoon" (hailstorm); from round 33's
    # twelve, two, and one older: a fall in profit in a wire's figures and a trade weekly's words (bakeryprofit), a
    # manager spoken to by the referee told twice (cuptie), and a woman "named as Grace Okafor" beside "Grace
    # Okafor, was the woman seriously injured" (scaffold, once its newest lead became the bottom line). From round 34's
    # twelve, six: a sail that fell on a van and one that fell in a field, each in two outlets' words (photocredit),
    # a strike "due to end at 6 a.m. on Saturday" and "due to last until 6am on Saturday" (wiretail), the police's
    # 45,000 alone and beside the organisers' 80,000 (carnivalcount), three birds back and then four (bailcharge),
    # and twelve schools moving "from September" and "on Monday 7 September" (sleepstudy). From round 35's twelve, two:
    # the mill's lost Swedish customer in two outlets' words (longquote), and a live page's "A large fire has broken
    # out" beside the wire's "The fire broke out at about 9.45pm on Thursday" on the first day (overnightlive).
    # From rounds 36 and 37 (24 stories), fifteen the same-fact rule and the stale checks miss: the rudder snapped "on
    # day 19" in two outlets' words (localtime), the steward discharged (topupdate), the bus company's administration
    # (wirenotes), the exam pupils' return "on Friday" / "on June 12" (ustyledates), a live page's lead-in "has spoken
    # outside the cathedral" beside what the dean said (courtlive), a review "would be ordered" and then led by a named
    # professor (crowdrange), a timekeeper who "will check" the GPS data and then "said ... would be checked"
    # (cyclist), sixteen buses destroyed twice (factcheck), the collision told twice on its first day (obitupdate), a
    # recall of two batches beside its widening, twice, four reactions beside six, the food agency "checking" beside its
    # updated alert (recallwidened), the talks "due to be held on Wednesday" twice (strikeballot), and the theft in two
    # outlets' words (translated). From round 38's twelve, three: the union's Wednesday figure as "little more than
    # half" and as 55% (conflictcount), the guide "now in a stable condition" beside "improved from serious to
    # stable" (foreignnames), and nine taken to hospital beside eleven treated, nine of them taken there
    # (rangefigures). From round 39's twelve, eight: construction "would begin in week 10 of 2027" and "planned to start
    # in week 10 of 2027" (dotdates, the day before), the other five dead "not yet named" and "not yet formally
    # identified" (headlinenumbers), the first estimate of £2.5 million told as past and as present (keypoints), the
    # death at 89 in an obituary's lead and its opening (obitlife), the family's "did not say how she died" bottom line
    # beside the cause given (obitlife, the day before: the note rides on the sentence before it, which the bottom
    # line's stale check does not read), the vote under the old and the new name of the body (renamedbody), the three
    # votes against in two outlets' words (renamedbody, the day before), and the driver freed and flown to hospital in
    # two outlets' words (twoevents, the day before). From round 40's twelve, five: the cap's £1,791 in the regulator's
    # and an outlet's words, and the forecasters' 6% twice (pricecap), the line reopened at 5.40am told as "running
    # since" (railbridgehit), the interim head "from Monday" twice (schoolinspect), and the not-guilty plea as "denies"
    # (trialday, the day before). From round 41's twelve, five: the one-mile zone with its households (chemicalleak),
    # the concession in a wire's lead and a summary (mayoralrace), drivers stuck for "almost four hours" and "up to
    # four hours" (motorwaycrash), the academy joined at nine in two outlets' words (transferfee), and the 46 turbines
    # shut down on Wednesday (turbineblade). And two the round's changes brought out in older stories: the six legs
    # to be replaced in the survey's words and the council's (pierquestion), and the reading "provisional" twice
    # (recordtemp). From round 42's twelve, nine: the £6.8 million savings beside their revision to £6.16 million, the
    # day before (budgetvote), the committee's approval and its vote of eight to five (housingplan), the call for
    # administrators and the administration, the day before (longquote), the reopening "on Tuesday rather than this
    # weekend" beside "had hoped to reopen on Saturday" (museumtheft), the storm payments in two articles' words
    # (powercut), the vigil told twice and the sentence in two outlets' words, the day before (sentencing), the 41% the
    # company wanted (waterbill), and the first okapi born at the zoo in a release's and a paper's words (zoobirth).
    # From round 43's twelve, three: the family trusts' 41% and "roughly two-fifths" (bidraised, an older story), the
    # cancelled no-confidence meeting in two articles' words (councilleader), and Wednesday's talks at Marchgate House
    # as "due to meet" and "meet tomorrow", the day before (teacherstrike). From round 44's twelve, six: work on the
    # western half "carrying on" beside the evening's "would halt work on the western half as well", the day before
    # (romanvilla), the bridge closed "for the rest of the day" and "still shut on Thursday morning", the day before
    # (tractordemo), a couple on tour beside their arrival home, the day before (travelfirm), the diversion and the
    # landing at Porthaven, and the life ban in two articles' words (diversion), and the director "hugely relieved"
    # twice (forgery). From round 45's twelve, seven: the watchdog's investigation announced and under way
    # (policechase), with the woman's condition "improved to serious but stable" beside "moved out of intensive care";
    # the whole site's pause beside the first day's "on part of the site" (romanvilla); the holiday club closed and
    # "will stay closed", and the bat's finding in two outlets' words, the day before (batrabies); the apology
    # quoted and "apologised again", the day before (beachsewage); the anchor "suggested" and "confirmed" (cablecut).
    # And two that the round's changes brought out in older stories: the first count's lead of 14 told inside the
    # recount's line and alone (recount), and a plan "within ten days" beside "by Monday 22 June" (schoolinspect).
    # From round 46's twelve, seven: the harbour master's "thirty years" and "three decades" (missingboat); the MP's
    # "This is not a one-off" in two outlets' lines, and the nine-year sentence in two, the day before
    # (prisonescape); the resignation in the bottom line and the statement's words, the day before (mayorexpenses);
    # the councillor's warning in two articles' words (lifeguards); the 23-mile trip to Hesketh twice
    # (dentistshortage); and the licence granted "on Friday" in two wires' words (harbourdredge). From round 47's
    # twelve, five: the door staff and the CCTV in the police's words and at the hearing, and the stab wound to the
    # chest twice (nightclub); the bollards' £85,000 in two articles' words, and the porter out of intensive care and
    # "stable on a ward" (hospitalcar); the fog that came down in the swimmer's words and the paper's (wildswim). And
    # one the round's changes brought out in an older story: the two pupils in hospital, then "still in hospital"
    # and stable (alpinebus). From round 48's twelve, eight: the glider's landing on Saturday afternoon and "shortly
    # before 3pm" (gliderclub); the panel that met both clubs and the decision after it heard them (pitchinvasion);
    # the strongroom under 40cm of water in two articles' words (archiveflood); the clamp fitted by a contractor in
    # February in two lines (bikeshare, an older story); the 4,100 drivers beside the 4,126 and 4,137 notices
    # cancelled, and the 2,300 affected as admitted and as "had said" (buslanefines); nine people hurt twice
    # (waterpark). From round 49's twelve, ten: the fair's last day in two lines (fairride); the petition's 1,800 and
    # 6,400 signatures, and the residents "invited to speak at the hearing" beside what they told it, the day before
    # (kioskclose); the two trails' reopening in two outlets' words (mountainbike); the board's promised update beside
    # the reopening it announced, and the roof lifted on Saturday night in two outlets' words, the day before
    # (schoolroof); Historic England's visit beside its advice, and the repair bill's £120,000 beside £180,000
    # (bandstand); the passenger "stable" beside "moved ... to a general ward", the day before (trainstranded); the
    # prohibition notice in force in two lines (zipwire). And three the round's changes brought out in older stories:
    # the solar farm's approval in two outlets' words (solarappeal), the engineer's report to come beside what it
    # found (waterpark), and the ferry's 96 passengers and four crew in two lines (ferrycollision: "There were ..."
    # now stands alone). From round 50's twelve, three: the blood service's amber alert in two outlets' words
    # (bloodstocks), the trader's licence refused in two outlets' words (icecreamvan), and the 27 people treated
    # beside the six taken to hospital of them (poolchlorine). And one the fifty-first round's changes brought out:
    # the outbreak's start at St Aldhelm's in two outlets' words, one of them telling its spread too (measles, once
    # its oldest count, overtaken, no longer fills the budget). And one of round 51's four new stories, read blind:
    # the diversion through Stanwick and the Coldbrook crossing in two outlets' words on the Monday (millgate). And five
    # of round 52: four in its new stories, read blind (the grounding in two day-one leads, ferrystrand; the
    # cancellation "pulled the plug" beside "had cancelled ... but reinstated", and "no arrests" in two police lines,
    # festivalcrush; "rule out a cyber attack" beside "not the result of a cyber attack", hospitalit), and one its
    # changes brought out: the bottom line's "Thirty-one people have now been treated" beside "Thirty-four people
    # were treated for injuries in all" (hailstorm: the 34 now overtakes the 23 it used to print instead).
    assert len(repeats) <= 171, repeats


@pytest.mark.parametrize(("shown", "other", "same"), [
    # A share as a percentage and as "seven in ten"; a measure rounded with "more than"; a duration as "less than
    # an hour" (our own sentences).
    ("The new drug cut relapses by 71 per cent in a trial of 900 adults, its maker said.",
     "A trial found the drug cut relapses by about seven in ten among adults.", True),
    ("More than 80 millimetres of rain fell in two hours on Tuesday.",
     "Tuesday's storm brought 83 millimetres of rain in two hours, a record.", True),
    ("The probe separated from its rocket 58 minutes after launch.",
     "The probe separated from the rocket less than an hour after launch.", True),
    # Two bare figures that differ are two measurements, however close ("early trading" / "closed").
    ("Shares in the firm jumped 8 per cent in early trading.", "Shares in the firm closed up 7.5 per cent.", False),
    # A figure in common and little else: two facts of one story.
    ("The bank's shares fell 4 per cent on Tuesday.",
     "Analysts said the bank could be fined up to 4 per cent of its turnover.", False),
    # An attribute is no measure of the news ("the 12-metre whale").
    ("Volunteers used pontoons to lift the 12-metre whale.", "A 12-metre whale stranded on the beach.", False),
    # A time in hours, minutes and seconds is one time.
    ("She won in 2 hours 9 minutes 12 seconds.", "She ran 2 hours 10 minutes 4 seconds last year.", False),
])
def test_a_figure_is_read_as_equal_across_its_forms(shown: str, other: str, same: bool) -> None:
    assert same_measure(shown, other) is same


def test_a_grown_count_overtakes_the_older_count() -> None:
    older = "The firm said it had logged 31 cases of overheating, four of them small fires."
    newer = "Reports of overheating had risen to 44, the company said."
    assert grown_count(newer, older) and not grown_count(older, newer)
    assert supersedes(newer, "report", older, "report")
    # A report whose count is one detail of its event is not overtaken by the count grown.
    assert not grown_count("The number of people injured has risen to 15.",
                           "A bus overturned on a mountain road, injuring 12 people.")


@pytest.mark.parametrize(("story", "gone", "kept"), [
    ("vaccine", "about seven in ten", "71 per cent"),
    ("flood", "83 millimetres", "more than 80 millimetres"),
    ("launch", "58 minutes later", "less than an hour after lift-off"),
    ("recall", "logged 31 cases", "risen to 44"),
])
def test_a_fact_told_in_another_form_is_printed_once(story: str, gone: str, kept: str) -> None:
    for day in (None, dt.date(2026, 4, 16)) if story == "vaccine" else (None,):
        brief = build_brief([DATA / "stories" / story], load_options(date=day))
        printed = " ".join(_printed(brief))
        assert kept in printed and gone not in printed, printed
        # Nor in the timeline or what comes next.
        assert not any(gone in line.text for line in (*brief.timeline, *brief.next))


def test_a_figure_told_again_credits_its_source() -> None:
    brief = build_brief([DATA / "stories" / "vaccine"], load_options(date=dt.date(2026, 4, 16)))
    assert brief.bottom_line is not None and brief.bottom_line.sources == (1, 2)
