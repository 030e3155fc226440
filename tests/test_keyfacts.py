"""Key facts first, stale previews in other words, items that stand alone (issue 12, items 3-5): our own stories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefer.candidates import refers_back, weight
from briefer.config import load_options
from briefer.model import Brief, Sentence
from briefer.pipeline import build_brief
from briefer.supersede import same_preview, supersedes
from briefer.temporal import overdue
from tests.helpers import ROOT

DAY_ONE = """Orvik bus drivers vote to strike

Published February 10, 2026

Bus drivers in Orvik voted on Monday to strike for two days over rest breaks, the Orvik Transport Union said.

The walkout is due to start at 5 a.m. on Thursday, the union said.

Around 600 drivers are expected to join the stoppage, according to union officials.

The city's bus company, Orvik Lines, said it was disappointed by the vote.

Commuters were told to plan other journeys for Thursday and Friday.
"""
DAY_TWO = """No buses run in Orvik as drivers strike

Published February 13, 2026

No buses left the Orvik depots on Thursday as drivers began a two-day strike over rest breaks.

Union officials said roughly 900 drivers had joined the stoppage, well above the 600 they had forecast.

Union leader Sanna Veld said a letter from the company had warned drivers that they could lose holiday pay.

"Nobody here will be threatened into driving," Veld said on the picket line.

Orvik Lines denied making any threat.

Orvik Lines ran a handful of replacement coaches on the airport route.

Talks between the union and the company are set to resume next week at the city hall.
"""


def _brief(write_files: Callable[[dict[str, str]], Path]) -> Brief:
    folder = write_files({"a-day-one.txt": DAY_ONE, "b-day-two.txt": DAY_TWO})
    return build_brief([folder], replace(load_options(words=250, date=dt.date(2026, 2, 13)), topics=()))


def _printed(brief: Brief) -> list[str]:
    return [i.text for i in brief.items] + [d.text for d in (*brief.timeline, *brief.next)] + \
        [q.text for q in brief.quotes]


def test_previews_in_other_words_are_not_printed_once_the_event_is_reported(
        write_files: Callable[[dict[str, str]], Path]) -> None:
    brief = _brief(write_files)
    printed = _printed(brief)
    # "due to start" / "began"; "are expected to join" / "had joined": the same events in other words.
    assert not any("due to start at 5 a.m." in t for t in printed), printed
    assert not any("Around 600 drivers are expected" in t for t in printed), printed
    assert any("had joined the stoppage" in t for t in printed), printed


def test_an_item_that_leans_on_a_sentence_not_shown_is_never_printed_alone(
        write_files: Callable[[dict[str, str]], Path]) -> None:
    printed = _printed(_brief(write_files))
    assert "Orvik Lines denied making any threat." not in printed, printed


def test_supersedes_compares_lemmas_of_the_previewed_event() -> None:
    # "is due to start" / "began": WordNet lemmas and synonyms, where stems miss.
    assert supersedes("No buses left the depots as drivers began a two-day walkout.", "report",
                      "The walkout is due to start at 5 a.m. on Thursday, the union said.", "expected")
    # "is expected to be close": the event is the subject ("the vote"), and "voted" reports it.
    assert supersedes("The assembly voted 30 to 21 on Wednesday to close the old harbour bridge.", "report",
                      "The vote is expected to be close, with fifty-one members eligible.", "expected")
    # A report with a look ahead of its own still reports what it tells in the past tense.
    assert supersedes("Officials said roughly 900 drivers had joined the stoppage, and that it would last a week.",
                      "expected", "Around 600 drivers are expected to join the stoppage.", "expected")
    # Another event on the same subject is no report of the preview.
    assert not supersedes("Each trip is a step toward the summit both capitals have in view.", "report",
                          "Their trips could pave the way for a summit in the autumn.", "expected")


def test_a_report_of_another_actor_or_another_event_overtakes_no_preview() -> None:
    # The same verb done by someone else: the envoy's visit to Arvik is no report of the minister's.
    assert not supersedes("Dahl is the first envoy to visit Arvik in a decade.", "report",
                          "Minister Sorel is also expected to visit Lunden at Dahl's invitation.", "expected")
    # The event is the verb after the modal ("lead"), not the noun after it ("visits").
    assert not supersedes("Dahl is the first envoy to visit Arvik in a decade.", "report",
                          "Officials say the trip will lead to visits by other envoys.", "expected")
    # After a light verb the noun is the event: "will hold talks" is told by "talks ... were held".
    assert supersedes("Talks between the two ministers were held on Monday.", "report",
                      "The ministers will hold talks on Monday.", "expected")


def test_a_demand_is_overtaken_once_it_is_met() -> None:
    demand = "The crew union also wants a written promise that the new loading cranes will not cost jobs."
    assert supersedes("The owners agreed that the new loading cranes would cost no jobs before 2028.", "report",
                      demand, "report")
    # Sharing a word or two is not answering the demand.
    assert not supersedes("The owners agreed to meet on Friday.", "report", demand, "report")


def test_two_previews_of_one_event_in_other_words() -> None:
    assert same_preview("Construction is due to start next spring.", "Work on the bridge is due to begin next spring.")
    assert not same_preview("The minister will come to the port.", "The envoy will come to the capital.")


def test_a_preview_whose_day_has_passed_is_overdue() -> None:
    tuesday, friday = dt.date(2026, 2, 10), dt.date(2026, 2, 13)
    assert overdue("The walkout is due to start at 5 a.m. on Thursday.", tuesday, friday)
    assert not overdue("Talks are set to resume on Monday.", friday, friday)
    assert not overdue("Talks are set to resume soon.", friday, friday)


def test_refers_back_finds_nouns_introduced_just_before() -> None:
    texts = ["Drivers in Orvik began a strike on Thursday.",
             "Veld said a letter from the company had warned drivers.",
             '"Nobody here will be threatened into driving," Veld said.',
             "Orvik Lines denied making any threat.",
             "A spokesman said the letter only set out the contract.",
             "Veld said the union would study it.",
             "The argument about its cost has only started.",
             "The company said the strike would continue in the coming weeks.",
             "The council said the tram extension would open in 2030."]
    sentences = [Sentence(doc=0, paragraph=i, position=i, text=t) for i, t in enumerate(texts)]
    assert refers_back(sentences, range(len(texts))) == {3, 4, 5, 6}


def test_outcomes_and_firsts_weigh_more_than_trivia() -> None:
    assert weight("About 900 drivers walked off the job on Thursday.") > 1
    assert weight("It is the first full stoppage at the depot since 1998.") > 1
    assert weight("Neither side made any comment to reporters as they arrived.") < 1


def test_the_overview_of_a_two_day_story_opens_with_its_key_facts() -> None:
    # The ship fire (tests/data/story-shipfire): the evacuation and the channel reopening are key facts; the
    # overview holds at least one of them, not only colour (firefighters, waiting ships).
    story = ROOT / "tests" / "data" / "story-shipfire"
    brief = build_brief([story], load_options(topics=str(ROOT / "tests" / "data" / "story-shipfire-topics.toml"),
                                              date=dt.date(2024, 6, 5)))
    overview = [i.text for i in brief.sections[0].items]
    assert any("22 crew" in t or "reopened" in t for t in overview), overview
    assert sum(len(t.split()) for t in overview) <= 0.4 * 400 + 60, overview  # the bottom line may overrun


VOTE_PREVIEW = """Harlow council to vote on ferry subsidy

Published March 2, 2026

Harlow's council will decide on Wednesday whether to keep paying for the night ferry to Skerry Island.

The subsidy costs the town about 300,000 euros a year, according to the finance office.

Councillor Ines Marr said her group would vote against.

Ferry workers plan to gather outside the town hall before the meeting.
"""
VOTE_REPORT = """Harlow keeps its night ferry

Published March 5, 2026

Harlow's council voted 14 to 9 on Wednesday to keep paying for the night ferry to Skerry Island, after a long
debate in a packed chamber over tourism, jobs, fares, pensions and the harbour budget.

The ferry will run on its current timetable until at least next spring, the town said.

Ferry workers cheered in the public gallery when the result was read out.
"""


def test_a_preview_that_shares_only_its_verb_with_the_reported_main_event_is_overtaken(
        write_files: Callable[[dict[str, str]], Path]) -> None:
    # "would vote against" / the bottom line's "voted 14 to 9": too few shared words for the cosine that finds
    # what overtakes a preview, so the story's bottom line is asked too.
    folder = write_files({"a-preview.txt": VOTE_PREVIEW, "b-report.txt": VOTE_REPORT})
    brief = build_brief([folder], replace(load_options(words=250, date=dt.date(2026, 3, 5)), topics=()))
    printed = _printed(brief) + ([brief.bottom_line.text] if brief.bottom_line else [])
    assert any("voted 14 to 9" in t for t in printed), printed
    assert not any("would vote against" in t for t in printed), printed
