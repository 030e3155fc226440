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
    ("Prices rose sharply last week.", "2023-06"),  # a week by its month: its Monday would read as the day
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


# One sentence for each alternative of the slow preview and background patterns, in odd cases: the plain look for
# their words (temporal._*_WORDS) must let every one through to the pattern.
_WORD_LOOKS = (
    ("_EXPECTED", "_EXPECTED_WORDS", (
        "The ferry WILL sail.", "It won't sail.", "We shall see.", "They'll sail.", "It would sail.",
        "It wouldn't sail.", "It could sail.", "It might sail.", "It may sail.", "It should sail.",
        "It possibly sailed.", "Perhaps it sailed.", "A likely sailing.", "An unlikely sailing.",
        "The crew plans to sail.", "The crew planned to sail.", "The crew is planning to sail.",
        "The crew aims to sail.", "The crew hopes to sail.", "The crew intends to sail.",
        "The crew expects to sail.", "The crews are all due to sail.", "The crew is also set to sail.",
        "The crew is now scheduled to sail.", "The crew is still expected to sail.", "The crews are likely to sail.",
        "The crew is poised to sail.", "The crew is slated to sail.", "The crew is going to sail.",
        "The crew is to sail.", "A sailing scheduled for May.", "A sailing is planned.", "A sailing planned for June.",
        "The upcoming sailing.", "The results were expected on Wednesday.", "The results are due by noon.",
        "The forthcoming sailing.", "It sails next week.", "It sails later this month.",
        "It sails in the coming days.", "It sails tomorrow.", "They expect the new crew to sail.")),
    ("_BACKGROUND", "_BACKGROUND_WORDS", (
        "The town has long relied on it.", "They have LONG relied on it.", "He had long relied on it.",
        "It ran for years.", "It ran for decades.", "In recent years it ran.", "In recent decades it ran.",
        "It ran since 1990.", "It ran since 2004.", "It ran years ago.", "It ran decades ago.", "It was once a mill.",
        "It used to run.", "It previously ran.", "It formerly ran.", "In the past it ran.", "Historically it ran.")),
    ("_SHOULD_THAT", ("should",), ("They agreed that the two sides should meet.",)),
    ("_AHEAD", "_AHEAD_WORDS", (
        "The ferry WILL sail.", "They'll sail.", "We shall see.", "It would sail.", "It should sail.",
        "The crew is due to sail.", "The crew is not set to sail.", "The crew is scheduled to sail.",
        "The crew is expected to sail.", "The crew is poised to sail.", "The crews are slated to sail.",
        "The crew is going to sail.", "Residents were told to stay.", "Residents were asked to stay.",
        "Residents were urged to stay.", "Residents were ordered to stay.", "Residents were advised to stay.",
        "The crew is to sail.", "The crews are to sail.", "A sailing scheduled for May.", "A sailing planned for June.",
        "The upcoming sailing.", "The forthcoming sailing.", "It sails next week.", "It sails next month.",
        "It sails next year.", "It sails later this month.", "It sails in the coming days.",
        "The park opens on Monday.", "The park reopens again on Tuesday.", "The fair starts on Wednesday.",
        "The fair begins on Thursday.", "Service resumes on Friday.", "The road closes on Saturday.",
        "The fair ends on Sunday.", "The results were expected on Wednesday.", "The results are due by noon.",
        "They expect the new crew to sail.", "The crew İS TO sail.", "It ſhall sail.")),
    ("_EXPECTED", "_EXPECTED_WORDS", ("The crew was hoping to sail.",)),
    # Letters that re.I matches with ASCII ones: Turkish dotted and dotless i, the long s, the Kelvin sign.
    ("_EXPECTED", "_EXPECTED_WORDS", ("The ferry İS TO sail.", "It ıs to sail.", "It ſhall sail.",
                                      "It is liKely.")),
)


@pytest.mark.parametrize(("pattern", "needles", "text"),
                         [(p, n, t) for p, n, texts in _WORD_LOOKS for t in texts])
def test_word_looks_let_every_match_through(pattern: str, needles: str | tuple[str, ...], text: str) -> None:
    from briefer import temporal
    from briefer.text import fold

    assert getattr(temporal, pattern).search(text), text  # the example is one the pattern means
    words = getattr(temporal, needles) if isinstance(needles, str) else needles
    assert any(w in fold(text) for w in words)
