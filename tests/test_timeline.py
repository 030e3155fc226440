"""The timeline as a reader scans it: every dated event of the story in date order, a fact printed above shown
as a pointer to its item (date, credits, link or reference), never twice; and a story with no dates at all."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from markupsafe import escape

from briefer.anchors import anchors, slug
from briefer.config import load_options
from briefer.deliver.render import render, to_html
from briefer.model import Brief, Dated, Item
from briefer.pipeline import build_brief
from briefer.timeline import Line, merged, merged_next, pointers
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"
QUARRY_DAY = dt.date(2026, 5, 16)


@pytest.fixture(scope="module")
def quarry() -> Brief:
    return build_brief([STORIES / "quarry"], load_options(date=QUARRY_DAY))


def _printed(brief: Brief) -> dict[str, Item]:
    placed = anchors(brief.bottom_line, brief.sections)
    items = [*([brief.bottom_line] if brief.bottom_line else []), *brief.items]
    return {placed[i.text].id: i for i in items if i.text in placed}


def test_the_key_dated_events_printed_above_come_back_as_pointers_in_date_order(quarry: Brief) -> None:
    dates = [d.date for d in quarry.timeline]
    assert dates == sorted(dates)
    printed = _printed(quarry)
    pointed = [d for d in quarry.timeline if d.ref]
    assert pointed, "the rockfall (Monday) and the inspection (Thursday) are items: the timeline points at them"
    for row in pointed:
        assert not row.text, "a pointer never prints the fact a second time"
        assert row.ref in printed and row.sources == printed[row.ref].sources
    by_ref = {d.ref: d.date for d in pointed}
    rockfall = next(ref for ref, i in printed.items() if i.text.startswith("A rockfall at Harrowdale"))
    order = next(ref for ref, i in printed.items() if i.text.startswith("County inspectors on Thursday"))
    # Monday and Thursday counted from each article's own date (12 and 15 May).
    assert by_ref[rockfall] == "2026-05-11" and by_ref[order] == "2026-05-14"
    # It holds what happened: the parish meeting ahead (26 May) is no event of the timeline.
    assert all(d.date <= QUARRY_DAY.isoformat() for d in quarry.timeline)


def test_a_pointer_is_a_link_in_html_a_reference_in_markdown_and_text_and_a_field_in_json(quarry: Brief) -> None:
    row = next(d for d in quarry.timeline if d.ref and d.ref != "bottom-line")
    page = to_html(quarry)
    assert f'id="{row.ref}"' in page and f'href="#{row.ref}"' in page
    heading, number = row.ref.rsplit("-", 1)
    label = next(s.heading for s in quarry.sections if slug(s.heading) == heading)
    md = render(quarry, "md").decode()
    # The row says what happened in the item's own opening words, then where the item is (before: "see ..." alone).
    assert row.excerpt.endswith(" …") and _printed(quarry)[row.ref].text.startswith(row.excerpt[:-2])
    assert f"{row.excerpt} (see [{label}, item {number}](#{heading}))" in md
    assert f"{row.excerpt} (see {label}, item {number}) " in render(quarry, "txt").decode()
    # In HTML and PDF the link and the credits are one no-wrap span: the line breaks before "(see", never after the
    # excerpt's first word (weasyprint broke "Cranes" / "stood still ..." before).
    assert f'{escape(row.excerpt)}</span> <span class="nowrap"><span class="pointer">(see <a href="#{row.ref}">' in page
    data = json.loads(render(quarry, "json"))
    ids = {i["id"] for s in data["sections"] for i in s["items"]} | {data["bottom_line"]["id"]}
    refs = [t["ref"] for t in data["timeline"] if t["ref"]]
    assert refs and set(refs) <= ids
    assert all(t["text"] == "" and t["excerpt"] for t in data["timeline"] if t["ref"])


def test_pointers_date_items_as_the_timeline_dates_lines_and_skip_previews() -> None:
    lines = [Line(1, "The dam gates were closed on Monday.", dt.date(2026, 3, 4), 0),
             Line(2, "The dam will reopen on Friday.", dt.date(2026, 3, 4), 0),
             Line(2, "The gates were built in 1998.", dt.date(2026, 3, 4), 1)]
    items = [("overview-1", Item(lines[1].text, (2,), 1.0, kind="expected")),
             ("overview-2", Item(lines[0].text, (1,), 1.0)),
             ("overview-3", Item(lines[2].text, (2,), 1.0))]
    rows = pointers(items, lines, dt.date(2026, 3, 5))
    assert [(r.date, r.ref) for r in rows] == [("1998", "overview-3"), ("2026-03-02", "overview-2")]
    own = (Dated("Engineers first warned of cracks in March 2020.", "2020-03", (3,)),)
    assert [d.date for d in merged(own, rows)] == ["1998", "2020-03", "2026-03-02"]


def test_a_story_with_no_dates_and_no_named_speaker_degrades_gracefully() -> None:
    brief = build_brief([STORIES / "fountain"], load_options(date=QUARRY_DAY))
    assert brief.items and not brief.timeline
    for fmt in ("md", "txt", "html"):
        out = render(brief, fmt).decode()
        assert "Timeline" not in out and "TIMELINE" not in out
    assert json.loads(render(brief, "json"))["timeline"] == []
    # No quote has a named speaker: each is credited to how the article introduces the speaker.
    assert brief.quotes and all(q.speaker == "" for q in brief.quotes)
    assert {q.context for q in brief.quotes} <= {"one neighbour", "a shopkeeper on the square", "a cafe owner"}
    assert f"— {brief.quotes[0].context} (not named)" in render(brief, "md").decode()


def test_markdown_links_reach_the_headings_as_github_names_them() -> None:
    # GitHub's rule: lower case, punctuation dropped, spaces made hyphens.
    assert slug("Lady's-tresses") == "ladys-tresses" and slug("Lines of communication") == "lines-of-communication"
    assert slug("“?”") == "section"


def test_an_undated_preview_only_older_articles_state_is_overtaken() -> None:
    from briefer.timeline import what_next

    monday, wednesday = dt.date(2026, 3, 2), dt.date(2026, 3, 4)
    lines = [Line(1, "The vote is expected to be close, with eleven members eligible to vote.", monday, 3),
             Line(1, "Work on the new wharf will begin in 2029 if the board approves it.", monday, 2),
             Line(2, "The board voted 7 to 4 on Tuesday to build the wharf.", wednesday, 0),
             Line(2, "The harbour master will publish a dredging plan.", wednesday, 1)]
    texts = [d.text for d in what_next(lines, wednesday)]
    assert texts == [lines[1].text, lines[3].text]
    # Articles a year apart (a misread year): nothing is dropped on that evidence.
    lines[2:] = [replace(line, anchor=dt.date(2027, 3, 4)) for line in lines[2:]]
    assert lines[0].text in [d.text for d in what_next(lines, dt.date(2027, 3, 4))]


def test_next_steps_with_words_between_their_markers() -> None:
    from briefer.timeline import what_next

    day = dt.date(2026, 3, 4)
    lines = [Line(1, "Minister Sorel is also expected to visit Lunden in the spring.", day, 2),
             Line(2, "Sorel accepted an invitation from Dahl to visit Lunden, officials said.", day, 3),
             Line(2, "Dahl accepted the award on Tuesday.", day, 4)]
    texts = [d.text for d in what_next(lines, day)]
    assert lines[0].text in texts and lines[2].text not in texts


def test_a_forecast_is_no_next_step_for_an_event_another_clause_names() -> None:
    from briefer.timeline import what_next

    day = dt.date(2026, 3, 4)
    lines = [Line(1, "Tempers are expected to fray next month, when the mayor seeks re-election.", day, 2),
             Line(1, "The mayor is expected to call an election next month, aides said.", day, 3)]
    assert [d.text for d in what_next(lines, day)] == [lines[1].text]


def test_a_dated_next_step_printed_above_is_a_pointer_in_what_comes_next(quarry: Brief) -> None:
    printed = _printed(quarry)
    meeting = next(ref for ref, i in printed.items() if i.text.startswith("Harrowdale parish council will meet"))
    rows = [d for d in quarry.next if d.ref]
    assert [(d.date, d.ref, d.text) for d in rows] == [("2026-05-26", meeting, "")]
    assert f'href="#{meeting}"' in to_html(quarry)


def test_a_brief_made_long_after_its_articles_keeps_their_future_out_of_the_timeline() -> None:
    from briefer.timeline import timeline, what_next

    june = dt.date(2023, 6, 20)
    lines = [Line(1, "The two leaders met in Bali in November 2022.", june, 0),
             Line(1, "A summit of the two leaders is planned in Lisbon in November.", june, 1)]
    later = dt.date(2026, 11, 30)  # no --date: the brief is made years later
    assert [e.date for e in timeline(lines, later)] == ["2022-11"]
    assert [(d.date, d.text) for d in what_next(lines, later)] == [("2023-11", lines[1].text)]


def test_a_next_step_told_again_in_other_words_beside_its_pointer_is_left_out() -> None:
    pointer = Dated("", "2023-11", (2,), ref="summit-2")
    again = Dated("Both capitals now look to the Orne summit in Lisbon in November.", "2023-11", (3,))
    other = Dated("Ministers will meet again in Sarn.", "", (1,))
    printed = {"summit-2": "The prize is a leaders' meeting at the Orne summit in Lisbon in November."}
    assert merged_next([again, other], [pointer], printed) == (pointer, other)


def test_an_operator_that_expects_service_back_on_a_named_day_gives_a_next_step() -> None:
    from briefer.timeline import what_next

    wednesday = dt.date(2026, 4, 8)
    lines = [Line(1, "Engineers declared the cutting safe, and the ferry line now expects boats to run again on "
                     "Friday morning.", wednesday, 0),
             Line(1, "The ferries ran again on Friday morning last year after a similar slip.", wednesday, 1)]
    assert [(d.date, d.text) for d in what_next(lines, wednesday)] == [("2026-04-10", lines[0].text)]


def test_a_pointer_excerpt_is_the_items_opening_words_cut_at_a_clause_end_never_inside_a_quote_or_a_name() -> None:
    from briefer.timeline import excerpt

    # Our own sentences.
    assert excerpt("Cranes stood idle at the Orne terminal on Monday, the first stoppage in years.") == \
        "Cranes stood idle at the Orne terminal on Monday …"
    assert excerpt("Dockers met on Sunday with the newly appointed Deputy Transport Minister Lena Orr of the "
                   "province.") == "Dockers met on Sunday with the newly appointed Deputy Transport Minister Lena Orr …"
    assert excerpt("Dockers began the strike on Monday by picketing the offices of the Orne Valley Regional Port "
                   "Authority in town.") == "Dockers began the strike on Monday by picketing the offices …"
    assert excerpt("Ms. Orr had “long, frank and useful talks” with the union, her office said on Tuesday.") == \
        "Ms. Orr had “long, frank and useful talks” with the union …"
    assert excerpt("The gates were shut.") == "The gates were shut."  # too short to cut
    # A next step told in a later clause: that clause, the one its date was read from (before: the opening, which
    # told of the engineers' survey, not of the trains running again).
    assert excerpt("Divers found the pier sound enough for traffic, and the county now expects cars to cross again on "
                   "Friday morning.", "on Friday morning") == \
        "… the county now expects cars to cross again on Friday morning."


def test_a_timeline_row_telling_the_event_of_a_row_or_pointer_of_its_date_again_is_left_out() -> None:
    from briefer.timeline import merged

    pointer = Dated("", "2023-02", (1,), ref="overview-2")
    printed = {"overview-2": "The minister was due to fly to Sarn in February, but called off the trip after a "
                             "customs balloon drifted over the border and was shot down."}
    rows = (Dated("The trip was shelved in February when a customs balloon crossed the border and was shot down.",
                  "2023-02", (2,)),
            Dated("The Sarn embassy reopened in February after two years.", "2023-02", (3,)),
            Dated("The embassy in Sarn reopened in February, two years after it closed.", "2023-02", (4,)),
            Dated("A customs balloon was shot down over the border.", "2022-05", (5,)))
    kept = merged(rows, (pointer,), printed)
    # The balloon row of February is the pointer's event; the second embassy row the first one's.
    assert [d.text for d in kept] == [rows[3].text, "", rows[1].text]


def test_forward_words_inside_a_quotation_schedule_nothing() -> None:
    from briefer.timeline import what_next

    day = dt.date(1998, 12, 20)
    lines = [Line(1, "The mood was summed up by a former senator, who said: ``What voters follow is the film "
                     "that opens next month and what their shares will do.''", day, 0),
             Line(2, "\"We will meet the mayor next month,\" the union leader said.", day, 1),
             Line(3, "The committee will vote on the budget next month.", day, 2)]
    assert [d.text for d in what_next(lines, day)] == [lines[2].text]


def test_a_date_inside_a_quotation_dates_no_event() -> None:
    from briefer.timeline import timeline

    day = dt.date(2025, 8, 13)
    lines = [Line(1, "\"We have never seen a fire move this fast in August,\" the fire chief told reporters.", day, 0),
             Line(1, "The fire started on Saturday afternoon near a campsite on the plateau.", day, 1)]
    assert [(e.date, e.text) for e in timeline(lines, day)] == [("2025-08-09", lines[1].text)]


def test_a_planned_ban_with_a_date_is_a_next_step() -> None:
    from briefer.timeline import what_next

    day = dt.date(2025, 8, 13)
    lines = [Line(1, "The regional government plans to ban open fires in all forests until the end of September.",
                  day, 0)]
    assert [d.date for d in what_next(lines, day)] == ["2025-09"]
