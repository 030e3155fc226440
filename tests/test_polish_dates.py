"""QA #17 and #5: a background clause does not date a sentence; past statements never go to what comes next;
dates counted from a guessed anchor (an undated article) are not printed as if known."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from briefer.config import load_options
from briefer.pipeline import build_brief
from briefer.temporal import event_date, told_in_past
from briefer.timeline import Line, timeline, what_next

DAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize("text", [
    "Lina Varga, who has led the ferry union since 2019, says the new rota was imposed without talks.",
    "Ms Holm is the first minister of transport to visit Orrin since 2018.",
    "Since the cancellation of the minister's trip in February, there have been few contacts.",
    "The old terminal, which opened in 2004, handled its last ferry on Sunday night.",
])
def test_a_date_in_an_aside_does_not_date_the_sentence(text: str) -> None:
    when = event_date(text, DAY)
    assert when is None or (when.day.year == 2026 and when.precision == "day")


def test_a_date_of_the_main_verb_still_dates_the_sentence() -> None:
    when = event_date("The council voted in 2019 to build the ferry terminal.", DAY)
    assert when is not None and when.iso() == "2019"


def test_a_month_in_the_past_tense_is_behind_the_anchor_and_never_next() -> None:
    past = "The ferry talks were postponed in February after the storm damaged the quay."
    ahead = "The ferry talks will resume in February, the ministry said."
    assert event_date(past, DAY).day == dt.date(2026, 2, 1)  # type: ignore[union-attr]
    assert event_date(ahead, DAY).day == dt.date(2027, 2, 1)  # type: ignore[union-attr]
    assert told_in_past(past) and not told_in_past(ahead)
    lines = [Line(1, past, DAY, 0), Line(1, ahead, DAY, 1)]
    assert [d.text for d in what_next(lines, DAY)] == [ahead]


def test_background_clause_sentence_is_not_a_timeline_event() -> None:
    lines = [Line(1, "Lina Varga, who has led the ferry union since 2019, says the rota was imposed.", DAY, 0),
             Line(2, "The ferry union walked out on 27 November 2026 over the new rota.", DAY, 1)]
    assert [d.date for d in timeline(lines, DAY)] == ["2026-11-27"]


def test_dates_counted_from_a_guessed_anchor_are_not_printed() -> None:
    guessed = dt.date(2026, 11, 28)  # an undated article, anchored on the newest dated one
    lines = [Line(1, "\"Not one ferry sailed today,\" Varga said at the quay.", guessed, 0, guessed=True),
             Line(1, "The union first struck on 3 March 2025, over pay.", guessed, 1, guessed=True),
             Line(2, "\"Not one ferry sailed today,\" the union said in its statement.", dt.date(2026, 11, 27), 0)]
    dated = {d.date: d.sources for d in timeline(lines, DAY)}
    assert "2025-03-03" in dated  # a date the words fix is kept
    assert "2026-11-28" not in dated  # the guess never becomes the article's "today"
    nxt = what_next([Line(1, "The two sides will meet again on Monday at the ministry.", guessed, 0, guessed=True)],
                    DAY)
    assert [d.date for d in nxt] == [""]  # printed without a date counted from a guess


@pytest.mark.parametrize(("text", "year"), [("The ministry reported that ferry fares rose in March.", 2026),
                                            ("Officials said the new ferry opens in March.", 2027),
                                            ("Ferry fares will rise in March, the ministry said.", 2027)])
def test_a_reporting_verb_does_not_put_the_month_behind_only_its_own_clause_does(text: str, year: int) -> None:
    when = event_date(text, DAY)
    assert when is not None and when.day == dt.date(year, 3, 1)


def test_with_no_dated_article_and_no_date_given_no_day_is_counted_from_today(
        write_files: Callable[[dict[str, str]], Path]) -> None:
    # Articles that carry no date may be years old: "on Monday" counted from the day the brief is made would be
    # a made-up date; a year the words fix is still printed.
    a = ("Pool vote in Dunmere\n\nDunmere council voted on Monday to close the Eastgate pool for good.\n"
         "The pool opened in 1998 and has lost money every year since 2015, the council said.\n"
         "On Wednesday, the council leader told reporters the site will be sold for housing.\n")
    b = ("Eastgate pool to close\n\nCouncillors in Dunmere decided on Monday to shut the Eastgate pool.\n"
         "Swimmers will have to travel to Harlow, about twelve miles away.\n")
    folder = write_files({"a.txt": a, "b.txt": b})
    brief = build_brief([folder], replace(load_options(words=150), topics=()))
    assert brief.timeline and all(len(d.date) == 4 for d in brief.timeline), brief.timeline  # years only
    assert "Wednesday" not in " ".join(d.text for d in brief.next), brief.next  # a preview told on a past day
    # Given the day the articles speak of, the same words are dated.
    dated = build_brief([folder], replace(load_options(words=150, date=dt.date(2026, 3, 4)), topics=()))
    assert any(d.date == "2026-03-02" for d in dated.timeline), dated.timeline


def test_a_comparison_with_an_earlier_day_does_not_date_the_sentence() -> None:
    text = "About 1,200 people remain in shelters, down from about 3,000 on Sunday, officials said."
    assert event_date(text, dt.date(2025, 8, 12)) is None
    held = event_date("Shelters held 3,000 people on Sunday.", dt.date(2025, 8, 12))
    assert held is not None and held.day == dt.date(2025, 8, 10)
