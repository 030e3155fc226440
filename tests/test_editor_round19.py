"""Read as an editor, nineteenth round: defects of six new stories read blind (gymroof, hosepipe, hiker, congestion,
creamery, groundsale). Each test is one defect."""

from __future__ import annotations

import datetime as dt

from briefer.candidates import announces, leans_back, no_comment
from briefer.clean import clean_document
from briefer.config import load_options
from briefer.days import day_words
from briefer.measures import counts
from briefer.people import who_is_who
from briefer.pipeline import build_brief
from briefer.supersede import decided, revised_count
from briefer.temporal import event_date, sentence_kind
from tests.helpers import ROOT, make_doc, shown_lines

STORIES = ROOT / "tests" / "data" / "stories"




def test_a_worry_or_an_open_question_is_a_preview() -> None:
    assert sentence_kind("The weather is the big worry.") == "expected"
    assert sentence_kind("The main question is whether the bridge can be saved.") == "expected"
    assert sentence_kind("Our main concern is that he has been injured and is sheltering on the hill.") == "expected"
    assert sentence_kind("The weather was bad on Saturday.") == "report"
    # The regatta's preview day told "The weather is the big worry." in the overview of a brief of the race itself.
    brief = build_brief([STORIES / "regatta"], load_options(date=dt.date(2026, 11, 23)))
    assert not any("big worry" in t for t in shown_lines(brief))


def test_a_worry_quoted_the_day_before_is_no_key_quote_once_the_story_moved_on() -> None:
    brief = build_brief([STORIES / "hiker"], load_options(date=dt.date(2026, 10, 5)))
    assert not any("main concern" in q.text for q in brief.quotes)


def test_a_live_reports_moment_is_stale_beside_a_later_days_article() -> None:
    brief = build_brief([STORIES / "hiker"], load_options(date=dt.date(2026, 10, 5)))
    shown = " ".join(shown_lines(brief))
    assert "has just spoken to reporters" not in shown
    assert "has now joined the search" not in shown
    assert "on her way to the hospital" not in shown
    # The live report's news stays: he was found alive.
    assert "found alive" in shown


def test_a_statement_released_through_an_organisation_is_its_subjects() -> None:
    brief = build_brief([STORIES / "hiker"], load_options(date=dt.date(2026, 10, 5)))
    owed = next(q for q in brief.quotes if q.text.startswith("I owe my life"))
    assert owed.speaker == "Tomasz Brereton"
    # A police force and a hospital are no people.
    assert not {"Police Scotland", "Inverlaide Royal Infirmary"} & {p.name for p in brief.people}


def test_a_preview_of_the_newest_day_is_not_its_news_for_the_bottom_line() -> None:
    # An explainer of the Wednesday before ("... starts at 00:01 on Friday 12 June ...") was the bottom line, though
    # Friday's wire update reports the ban in force.
    brief = build_brief([STORIES / "hosepipe"], load_options(date=dt.date(2026, 6, 12)))
    assert brief.bottom_line is not None
    assert "came into force" in brief.bottom_line.text


def _cleaned(*lines: str) -> tuple[str, ...]:
    return tuple(clean_document(make_doc(list(lines), title="What the rules say"), set()).paragraphs)


def test_a_pointer_to_what_follows_is_cut() -> None:
    cleaned = _cleaned("Anyone breaking the rules can be fined up to 1,000 pounds, the company said on Monday.",
                       "The ban starts on Friday in 1.4 million homes. Here is what it means for you.",
                       "Watering cans are still allowed, the company said on Monday in a statement.")
    assert cleaned[1] == "The ban starts on Friday in 1.4 million homes."
    assert not any("what we know" in p for p in _cleaned("Police said two men were held on Monday night in the town.",
                                                         "Here's what we know so far:"))


def test_counts_far_apart_in_size_are_of_two_things() -> None:
    # Demand on a normal day against what is lost to leaks: no "Sources differ" note.
    brief = build_brief([STORIES / "hosepipe"], load_options(date=dt.date(2026, 6, 12)))
    assert not any(d.says == "160 million litres" for i in brief.items for d in i.differs)
    # ... while vets' five dogs against twelve still differ (tests/test_editor_round17.py).


def test_a_count_no_figure_or_number_word_gives_none() -> None:
    assert counts("The council met on Tuesday to discuss the plan.") == ()
    assert [c.value for c in counts("Two dozen workers and thirty-two crews")] == [24.0, 32.0]
    assert {c.value for c in counts("Forty crews took part.")} == {40.0}


def test_a_call_for_readers_news_is_furniture() -> None:
    assert _cleaned("The river was closed on Monday after the leak, the authority said in a statement.",
                    "Got a story? Call the newsdesk on 01632 960 412.") == (
        "The river was closed on Monday after the leak, the authority said in a statement.",)


def test_an_acting_post_made_permanent_and_a_former_chairman_read_as_an_editor_writes_them() -> None:
    brief = build_brief([STORIES / "groundsale"], load_options(date=dt.date(2026, 5, 9)))
    roles = {p.name: p.role for p in brief.people}
    assert roles["Nadia Sorensen"] == "the club's chief executive"
    assert roles["Gerald Fenn"] == "the club's former chairman"


def test_a_remit_after_the_role_and_a_resignation_in_a_relative_clause() -> None:
    cast = who_is_who([
        (1, "But the cabinet member for the economy, Dafydd Rees, has said he has doubts about the effect on shops."),
        (2, "Dafydd Rees, who resigned as the cabinet member for the economy on Wednesday so that he could vote "
            "against the scheme, said he had not changed his mind.")], order={1: 0, 2: 1})
    assert [(p.name, p.role) for p in cast.people] == [("Dafydd Rees", "former cabinet member for the economy")]
    # ... and the quotation after it is his.
    brief = build_brief([STORIES / "congestion"], load_options(date=dt.date(2026, 3, 14)))
    rees = next(q for q in brief.quotes if q.text.startswith("I could not sit in a cabinet"))
    assert rees.speaker == "Dafydd Rees"


def test_not_everyone_announces_the_next_sentence() -> None:
    assert announces("Not everyone was in the mood to celebrate.")
    assert not announces("Not everyone who applied was given a place, the council said on Monday, citing costs.")
    brief = build_brief([STORIES / "groundsale"], load_options(date=dt.date(2026, 5, 9)))
    assert "Not everyone was in the mood to celebrate." not in shown_lines(brief)


def test_a_figure_and_its_hyphened_words_are_no_heading() -> None:
    brief = build_brief([STORIES / "groundsale"], load_options(date=dt.date(2026, 5, 9)))
    assert "Seat stadium" not in [s.heading for s in brief.sections]


def test_a_relative_day_is_dated_by_an_editorial_insertion() -> None:
    assert day_words("The sale was completed yesterday, ending 119 years.", dt.date(2026, 5, 9)) == \
        (len("The sale was completed yesterday"), dt.date(2026, 5, 8))
    assert day_words('"We will decide today," she said.', dt.date(2026, 5, 9)) is None  # inside a quotation
    brief = build_brief([STORIES / "groundsale"], load_options(date=dt.date(2026, 5, 20)))
    assert brief.bottom_line is not None and "completed yesterday" in brief.bottom_line.text
    assert (len(brief.bottom_line.text.split(",")[0]), " [8 May]") in brief.bottom_line.inserted
    # On the day the article appeared, "yesterday" reads right: nothing is inserted.
    same_day = build_brief([STORIES / "groundsale"], load_options(date=dt.date(2026, 5, 9)))
    assert same_day.bottom_line is not None and same_day.bottom_line.inserted == ()


def test_a_dateline_with_a_weekday_dates_its_article() -> None:
    brief = build_brief([STORIES / "congestion"], load_options(date=dt.date(2026, 3, 14)))
    northline = next(s for s in brief.sources if s.outlet == "Northline")
    assert northline.published == dt.date(2026, 3, 10)


def test_a_count_corrected_in_commas_overtakes_every_earlier_count() -> None:
    later = "North Ardley Council said on Thursday that nine pupils, not eleven, had been hurt in Tuesday's collapse."
    assert revised_count(later, "Eleven pupils were injured when part of a sports hall roof fell in.")
    brief = build_brief([STORIES / "gymroof"], load_options(date=dt.date(2026, 3, 12)))
    shown = shown_lines(brief)
    assert not any(t.startswith("Eleven pupils were injured") for t in shown)
    assert later in shown


def test_a_state_told_with_its_short_tail_overtakes_the_older_one() -> None:
    brief = build_brief([STORIES / "gymroof"], load_options(date=dt.date(2026, 3, 12)))
    shown = " ".join(shown_lines(brief))
    assert "remained in a serious condition" not in shown
    assert "now in a stable condition on a ward" in shown


def test_a_named_persons_also_said_stands_alone() -> None:
    assert not leans_back("Coyle also said he had agreed to appear before the committee on June 24.")
    assert leans_back("Officials also said the talks went well.")
    assert leans_back("The Council also said it would meet again.")


def test_an_undated_sources_state_is_overtaken_by_a_report_that_it_moved_on() -> None:
    brief = build_brief([STORIES / "creamery"], load_options(date=dt.date(2026, 4, 16)))
    assert "The river will stay closed until tests show the water is safe." not in shown_lines(brief)


def test_did_not_comment_is_a_no_comment_line() -> None:
    assert no_comment("Club chairman Gerald Fenn did not comment.")
    assert no_comment("The company would not comment on Tuesday.")


def test_a_fixture_in_the_present_tense_lies_ahead() -> None:
    thursday = dt.date(2026, 4, 30)
    when = event_date("Athletic play their last match at Kiln Lane against Brayford United on Saturday.", thursday)
    assert when is not None and when.day == dt.date(2026, 5, 2)
    when = event_date("The two sides met on Saturday in the final.", thursday)
    assert when is not None and when.day == dt.date(2026, 4, 25)


def test_a_live_pages_moment_is_no_version_of_a_fact_told_as_done() -> None:
    brief = build_brief([STORIES / "hiker"], load_options(date=dt.date(2026, 10, 5)))
    shown = shown_lines(brief)
    assert any(t.startswith("More than 60 rescuers") and "took part" in t for t in shown)
    assert not any("are now on the hill" in t for t in shown)
    assert "The cloud is lifting on the upper slopes." not in shown


def test_a_subjects_contrast_stands_alone_and_a_correction_is_told_with_what_it_corrects() -> None:
    assert not leans_back("Fishing, however, will stay banned on the stretch until 31 May, the authority said.")
    assert leans_back("Monday, however, in a Washington courtroom, the judge ruled against him.")
    assert announces("The creamery's site manager, Graham Tolley, has corrected what he told the Herald on Monday.")
    brief = build_brief([STORIES / "creamery"], load_options(date=dt.date(2026, 4, 16)))
    shown = " ".join(shown_lines(brief))
    assert "has corrected what he told the Herald on Monday. He said the leaking tank's last full inspection" in shown
    assert "Fishing, however, will stay banned" in shown
    # The quotation he withdrew is no key quote.
    assert not any("inspected last month and passed" in q.text for q in brief.quotes)


def test_a_purpose_clause_is_no_preview_and_a_decision_to_come_is_overtaken_once_taken() -> None:
    assert sentence_kind("Dafydd Rees, who resigned as the cabinet member on Wednesday so that he could vote against "
                         "the scheme, said he had not changed his mind.") == "report"
    assert decided("The Dunmarsh Chamber of Trade confirmed on the 14th that it would apply for a judicial review.",
                   "Leonie Baptiste said the chamber would decide next week whether to seek a judicial review.")
    assert not decided("The chamber met on Monday to discuss the review.",
                       "Leonie Baptiste said the chamber would decide next week whether to seek a judicial review.")
    brief = build_brief([STORIES / "congestion"], load_options(date=dt.date(2026, 3, 14)))
    shown = " ".join(shown_lines(brief))
    assert "Dafydd Rees, who resigned" in shown
    assert "would decide next week whether to seek a judicial review" not in shown
    assert not any("would decide next week" in d.text for d in brief.next)


def test_its_at_a_sentences_start_is_the_previous_sentences_subject() -> None:
    brief = build_brief([STORIES / "creamery"], load_options(date=dt.date(2026, 4, 16)))
    assert {p.name: p.role for p in brief.people}["Pieter Hoekstra"] == "chief executive of Zuidvelt Zuivel"


def test_an_item_that_tells_only_part_of_a_kept_one_lends_it_no_credit() -> None:
    # The recount's "23 ballots set aside ... had been counted" was credited to a wire story that never mentions
    # ballots, through a short item of that story the longer one covered.
    brief = build_brief([STORIES / "recount"], load_options())
    ballots = next(i for i in brief.items if "23 ballots" in i.text)
    assert ballots.sources == (2,)
