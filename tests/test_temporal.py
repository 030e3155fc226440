"""briefer.temporal: publication dates, relative days resolved, report / expected / background."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.temporal import (
    classify,
    event_date,
    mentions,
    published_from_meta,
    published_in_lines,
    reports_before_preview,
)

MONDAY = dt.date(2023, 6, 19)


@pytest.mark.parametrize(("text", "iso"), [
    ("The minister arrived on Sunday for two days of talks.", "2023-06-18"),
    ("The minister met the mayor Monday morning.", "2023-06-19"),
    ("The minister will travel to Oslo on Thursday.", "2023-06-22"),  # a preview looks ahead
    ("The minister spoke to reporters on Thursday.", "2023-06-15"),  # a report looks back
    ("The dam was inspected yesterday.", "2023-06-18"),
    ("The ferry will sail tomorrow.", "2023-06-20"),
    ("The council voted last Tuesday.", "2023-06-13"),
    ("The trip was first planned for June 2, 2022.", "2022-06-02"),
    ("The bridge opened on 4 March.", "2023-03-04"),
    ("A summit is planned for November 14.", "2023-11-14"),
    ("The trip was postponed in February.", "2023-02"),
    ("The last such visit was in 2018.", "2018"),
    ("Prices rose sharply last week.", "2023-06-12"),
])
def test_dates_are_resolved_against_the_anchor(text: str, iso: str) -> None:
    when = event_date(text, MONDAY)
    assert when is not None and when.iso() == iso


def test_a_sentence_without_a_date_has_none() -> None:
    assert mentions("Crews pumped water out of the basement for hours.", MONDAY) == []
    # Counts and modal verbs are not dates.
    assert mentions("About 2023 people may have left, and 600 homes were flooded.", MONDAY) == []


def test_may_is_a_month_only_when_it_reads_as_one() -> None:
    assert [w.iso() for w in mentions("The plant closed in May.", MONDAY)] == ["2023-05"]
    assert classify("The plant closed in May.") == "report"
    assert classify("The plant may close.") == "expected"


@pytest.mark.parametrize(("text", "kind"), [
    ("The fire was put out overnight.", "report"),
    ("The two ministers met for six hours on Sunday.", "report"),
    ("He'll have more talks on Monday.", "expected"),
    ("The minister is expected to visit Washington later this year.", "expected"),
    ("Officials said the channel could reopen on Wednesday.", "expected"),
    ("The town plans to raise the levee by a metre.", "expected"),
    ("He met Wang Yi and possibly the president.", "expected"),
    ("The two countries have long disagreed over fishing rights.", "background"),
    ("The port was once the busiest in the region.", "background"),
])
def test_classify(text: str, kind: str) -> None:
    assert classify(text) == kind


def test_an_old_date_makes_a_sentence_background() -> None:
    assert classify("The trip was postponed in February.", MONDAY) == "background"
    assert classify("The trip began on Sunday.", MONDAY) == "report"


@pytest.mark.parametrize(("lines", "iso"), [
    (["Storm closes harbour", "By Ada Lund", "Published June 18, 2023", "The storm ..."], "2023-06-18"),
    (["Storm closes harbour", "Updated: 2023-06-17 10:15 UTC", "The storm ..."], "2023-06-17"),
    (["BERGEN, June 16 (Wire) - The storm closed the harbour on Friday."], "2023-06-16"),
    (["Storm closes harbour", "The storm closed the harbour on Friday."], None),
])
def test_published_in_lines(lines: list[str], iso: str | None) -> None:
    found = published_in_lines(lines, MONDAY)
    assert (found.isoformat() if found else None) == iso


def test_published_from_html_meta() -> None:
    page = ('<html><head><meta property="article:published_time" content="2023-06-18T09:30:00Z">'
            "<title>Storm closes harbour</title></head><body><p>The storm closed the harbour.</p></body></html>")
    assert published_from_meta(page) == dt.date(2023, 6, 18)
    assert published_from_meta("<html><body><p>No date here at all.</p></body></html>") is None


def test_a_report_with_a_forward_looking_tail_is_told_apart_from_a_preview() -> None:
    # The newest article's lead reports what happened and what was announced: classify calls it expected for its
    # tail, but it is a report, and the bottom line may use it.
    report = ("The drivers' union said on Saturday that 640 drivers had stopped work, twice what it had hoped for, "
              "and that the stoppage would now last until Wednesday.")
    assert classify(report) == "expected" and reports_before_preview(report)
    assert not reports_before_preview("Officials said the minister would open the bridge on Monday.")
    assert not reports_before_preview("The mayor, who had planned to attend, will open the bridge on Monday.")
    assert not reports_before_preview("The bridge has reopened.")  # no preview at all: a plain report


def test_expecting_someone_to_do_something_is_a_preview_and_dates_ahead() -> None:
    # "now expects trains to run again on Friday" was read as a report, and its Friday put two days back.
    text = "Engineers cleared the slope, and the operator now expects trains to run again on Friday morning."
    wednesday = dt.date(2026, 4, 8)
    assert classify(text) == "expected"
    when = event_date(text, wednesday)
    assert when is not None and when.day == dt.date(2026, 4, 10)
    assert classify("Nearly 900 drivers had joined, far more than the union had expected.") == "report"
