"""Read as an editor, seventh round: four stories none of the earlier rounds saw (tests/data/stories: watermain,
derailment, nurses, recount). Each test is one defect found in their first briefs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer.candidates import has_verb, is_candidate, leans_back
from briefer.clean import clean_document, find_title
from briefer.config import Limits, load_options
from briefer.facts import opposite
from briefer.headings import rejection
from briefer.model import Brief, Item, Quote
from briefer.once import _Reader, said_again, story_words
from briefer.outlets import outlet_in_lines
from briefer.people import who_is_who
from briefer.pipeline import build_brief, prepare
from briefer.quotes import Said, key_quotes
from briefer.read.ingest import front_matter
from briefer.supersede import supersedes
from briefer.temporal import When, classify, event_date
from briefer.timeline import Line, pointers
from tests.helpers import ROOT, make_doc

WATERMAIN = ROOT / "tests" / "data" / "stories" / "watermain"


@pytest.fixture(scope="module")
def watermain() -> Brief:
    return build_brief([WATERMAIN], load_options(date=dt.date(2026, 4, 16)))


def test_a_title_between_the_speech_verb_and_the_name_after_it_still_names_the_speaker() -> None:
    texts = [(1, "\"Every crew we have is on the job tonight,\" said Brackwater network manager Ilse Moran."),
             (2, "\"The valves held, which saved the lower town,\" said the plant's longest-serving engineer.")]
    quotes = {q.text: q for q in key_quotes([Said(s, i, 0, t) for i, (s, t) in enumerate(texts)], who_is_who(texts))}
    assert quotes["Every crew we have is on the job tonight"].speaker == "Ilse Moran"
    # No name after the title: still unnamed, described by the article's words.
    assert quotes["The valves held, which saved the lower town"].speaker == ""


def test_a_forecast_of_how_long_repairs_take_is_overtaken_once_they_are_reported_done() -> None:
    forecast = "Repairs to the sluice are expected to take at least a week, the water board said."
    assert supersedes("The sluice was repaired overnight and the canal refilled on Friday.", "report",
                      forecast, "expected")
    # The duration itself is not the event: a later report that merely counts days overtakes nothing.
    assert not supersedes("Barge owners said they had lost three days of trade.", "report", forecast, "expected")


def test_a_lead_whose_only_verb_is_an_irregular_past_is_a_whole_sentence() -> None:
    lead = "A gas pipe burst under Quay Street late on Friday, forcing the evacuation of forty flats."
    assert has_verb(lead) and is_candidate(lead, Limits())
    assert not has_verb("A gas pipe under Quay Street, forty flats and the old market hall.")


def test_setting_up_a_relief_point_and_closing_it_are_two_facts() -> None:
    assert opposite("The council set up a shelter in the sports hall on Friday.",
                    "The shelter in the sports hall closed on Sunday evening.")
    assert not opposite("The council set up a shelter in the sports hall on Friday.",
                        "A shelter was set up in the sports hall on Friday, the council said.")


def test_an_item_from_an_undated_copy_is_dated_by_a_credited_source_that_has_a_date() -> None:
    day1, guess = dt.date(2026, 5, 8), dt.date(2026, 5, 9)
    lines = [Line(1, "A gas pipe burst under Quay Street on Friday, forcing forty flats to be evacuated.", day1, 0),
             Line(2, "Forty flats were evacuated on Friday after a gas pipe burst under Quay Street.", guess, 0,
                  guessed=True),
             Line(3, "Residents of the flats were evacuated on Friday night.", guess, 1, guessed=True)]
    items = [("overview-1", Item(lines[1].text, (1, 2), 1.0)), ("overview-2", Item(lines[2].text, (3,), 1.0))]
    rows = pointers(items, lines, dt.date(2026, 5, 10))
    # The wire copy's "Friday", counted from a guess, would be 8 May by luck: it is dated by the paper's version.
    # The third source has no dated version: no date is printed for it.
    assert [(r.date, r.ref) for r in rows] == [("2026-05-08", "overview-1")]


def test_the_watermain_brief_reads_as_an_editor_wants(watermain: Brief) -> None:
    items = [i.text for s in watermain.sections for i in s.items]
    text = " ".join(items)
    # The forecast of three days of repairs is overtaken by the second day's report.
    assert "expected to take at least three days" not in text
    # The relief station set up on day one is credited to the wire copy only, not to the paper that reports it closed.
    station = next(i for s in watermain.sections for i in s.items if i.text.startswith("The company set up"))
    assert station.sources == (2,)
    # The lead of the first day is dated in the timeline, and the quote after its attribution has its speaker.
    assert any(d.date == "2026-04-14" for d in watermain.timeline)
    assert {q.speaker for q in watermain.quotes} >= {"Mark Hale", "Tom Ellery"}
    assert all(q.speaker for q in watermain.quotes)


# The second story of the round: tests/data/stories/derailment.
DERAILMENT = ROOT / "tests" / "data" / "stories" / "derailment"


def test_a_teaser_at_the_foot_of_a_short_story_is_not_its_headline() -> None:
    lines = ["KELLSTON, May 2 (Moor Post) - Two barns burned down at a farm outside Kellston on Friday night.",
             "No animals were hurt, the fire service said.", "Related: Farm fires doubled last summer"]
    assert find_title(lines) == ""
    assert find_title(["Barns burn at Kellston farm", *lines]) == "Barns burn at Kellston farm"


def test_an_outlet_in_a_datelines_brackets_is_the_sources_outlet() -> None:
    assert outlet_in_lines(["KELLSTON, May 2 (Moor Post) - Two barns burned down at a farm on Friday night."]) \
        == "Moor Post"
    # A bracket in running text names no outlet.
    assert outlet_in_lines(["The farm (Upper Kell) lost two barns on Friday night, the fire service said."]) == ""


def test_a_negated_expectation_is_a_preview_and_looks_ahead() -> None:
    text = "The ferry is not expected to sail again before Saturday, the operator said."
    assert classify(text) == "expected"
    assert event_date(text, dt.date(2026, 9, 9)) == When(dt.date(2026, 9, 12), "day", "Saturday")  # a Wednesday


def test_a_day_in_the_possessive_names_another_event_than_the_sentences() -> None:
    text = "Shops closed after Monday's flood reopened on Wednesday morning."
    when = event_date(text, dt.date(2026, 9, 10))
    assert when is not None and when.day == dt.date(2026, 9, 9)
    # Alone, it still dates the sentence.
    assert event_date("Monday's flood closed the shops.", dt.date(2026, 9, 10)).day == dt.date(2026, 9, 7)


def test_an_evacuation_kept_in_place_is_overtaken_once_residents_are_allowed_back() -> None:
    kept = "Police kept the evacuation in place while engineers examined the dam."
    assert supersedes("Residents were allowed back into their homes after engineers declared the dam safe.", "report",
                      kept, "report")
    # That people were evacuated is an event, not the state: the report of their return does not overturn it.
    assert not supersedes("Residents were allowed back into their homes after engineers declared the dam safe.",
                          "report", "About 200 residents were evacuated as the dam was examined.", "report")


def test_a_role_may_name_a_place_after_its_head_noun() -> None:
    texts = [(1, "Gemma Lowe, a resident of Orchard Close, said the crash sounded like thunder.")]
    assert [(p.name, p.role) for p in who_is_who(texts).people] == [("Gemma Lowe", "a resident of Orchard Close")]


def test_the_derailment_brief_reads_as_an_editor_wants() -> None:
    brief = build_brief([DERAILMENT], load_options(date=dt.date(2026, 9, 11)))
    text = " ".join(i.text for s in brief.sections for i in s.items)
    assert "evacuation in place" not in text and "would stay in place" not in text  # lifted on day two
    assert all("not expected to reopen" not in d.text for d in brief.timeline)
    assert {d.date for d in brief.timeline} <= {"2026-09-09", "2026-09-10"}
    outlets = {s.id: s.outlet for s in brief.sources}
    assert outlets[2] == "County Wire" and outlets[3] == "Sedley Today"
    assert not any(s.title.startswith("Related") for s in brief.sources)
    assert all(q.speaker for q in brief.quotes)


# The third story of the round: tests/data/stories/nurses.
NURSES = ROOT / "tests" / "data" / "stories" / "nurses"


def test_markdown_front_matter_gives_a_title_and_a_date_and_is_no_text() -> None:
    fields, body = front_matter("---\ntitle: \"Ferry fares frozen\"\ndate: 2026-02-11T09:30:00Z\ntags: [a, b]\n---\n"
                                "# Ferry fares to stay the same\n\nThe operator froze fares for a year.\n")
    assert fields == {"title": "Ferry fares frozen", "date": "2026-02-11T09:30:00Z"}
    assert body.startswith("# Ferry fares")
    assert front_matter("The operator froze fares.\n---\n") == ({}, "The operator froze fares.\n---\n")


def test_a_strike_said_to_go_on_is_overtaken_once_it_is_called_off() -> None:
    on = "The walkout will continue until Sunday unless the company improves its offer, the union said."
    assert supersedes("The union called off the walkout after members accepted the new offer.", "report", on,
                      "expected")
    assert not supersedes("The union did not call off the walkout.", "report", on, "expected")


def test_a_weekday_a_preview_names_is_the_next_one_up_to_five_days_ahead() -> None:
    thursday = dt.date(2026, 3, 5)
    when = event_date("She said the clinic would reopen on Monday.", thursday)
    assert when is not None and when.day == dt.date(2026, 3, 9)
    # A report's weekday is behind it.
    assert event_date("The clinic reopened on Monday.", thursday).day == dt.date(2026, 3, 2)


def test_a_role_before_an_honorific_is_the_persons_role() -> None:
    texts = [(1, "The trust's medical director, Dr Hana Okafor, said the wards were safe.")]
    assert [(p.name, p.role) for p in who_is_who(texts).people] == [("Hana Okafor", "medical director")]


def test_the_nurses_brief_reads_as_an_editor_wants() -> None:
    brief = build_brief([NURSES], load_options(date=dt.date(2026, 3, 6)))
    text = " ".join(i.text for s in brief.sections for i in s.items)
    assert "will continue until Friday" not in text  # called off on Wednesday night
    sources = {s.id: s for s in brief.sources}
    assert sources[1].published == dt.date(2026, 3, 2) and sources[1].title == "Nurses walk out at St Brannock Hospital"
    assert brief.timeline[0].date == "2026-03-02"  # the walkout began on Monday 2 March
    assert [d.date for d in brief.next] == ["2026-03-09"]  # operations restart on Monday


# The fourth story of the round: tests/data/stories/recount.
RECOUNT = ROOT / "tests" / "data" / "stories" / "recount"


def test_a_correction_note_about_the_article_is_no_text() -> None:
    doc = make_doc(["Barns burn at Kellston farm", "Two barns burned down at a farm outside Kellston on Friday night.",
                    "Correction: An earlier version of this article misspelled the name of the farm.",
                    "This story has been updated to add a comment from the fire service."])
    kept = clean_document(doc, set()).paragraphs
    assert kept == ("Two barns burned down at a farm outside Kellston on Friday night.",)


def test_the_two_leading_candidates_need_no_earlier_sentence_but_the_two_companies_do() -> None:
    assert not leans_back("The race ended with nine votes between the two leading candidates, officials said.")
    assert leans_back("The deal was struck at a meeting between the two companies in May.")


def test_one_step_ahead_told_twice_is_printed_once_and_a_promise_is_no_preview() -> None:
    brief = build_brief([RECOUNT], load_options(date=dt.date(2026, 5, 20)))
    texts = [i.text for s in brief.sections for i in s.items]
    assert sum("1 June" in t or "June 1" in t for t in texts) == 1
    assert [d.date for d in brief.next] == ["2026-06-01"]
    assert not any("earlier version of this article" in t for t in texts)
    assert brief.timeline[0].date == "2026-05-08"  # the recount ordered on Friday 8 May


def _reader(folder: Path, second_day: str) -> _Reader:
    folder.mkdir()
    (folder / "a.txt").write_text("Library opens in Dunmere\n\nPublished: 19 May 2026\n\n"
                                  "Mayor Ana Roos opened the new library in Dunmere on Tuesday.\n", encoding="utf-8")
    (folder / "b.txt").write_text(f"Library hours\n\nPublished: {second_day}\n\n"
                                  "The new library in Dunmere was opened every evening of its first week.\n",
                                  encoding="utf-8")
    run = prepare([folder], load_options(date=dt.date(2026, 5, 30)))
    return _Reader(run.documents, run.sentences, run.candidates, run.pairs, run.index, dt.date(2026, 5, 30))


def test_a_quotation_is_overtaken_only_by_a_later_article(tmp_path: Path) -> None:
    quote = Quote("We will open the library every evening of the week", "Ana Roos", (1,))
    assert not _reader(tmp_path / "same", "19 May 2026").overtaken_quote(quote)
    assert _reader(tmp_path / "later", "26 May 2026").overtaken_quote(quote)


def test_a_quote_sharing_only_the_storys_own_words_with_a_line_is_not_told_again() -> None:
    printed = ["Ana Roos won the mayoral vote in Dunmere by 40 votes.",
               "Roos, 41, said she was the town's first woman mayor.",
               "Turnout in the town was 38 percent, the highest since the vote in 2010."]
    common = story_words(printed)
    assert {"mayor", "vote", "town"} <= common
    promise = Quote("I will be a mayor for every street in this town", "Ana Roos", (1,))
    assert said_again(promise, printed) and not said_again(promise, printed, common)
    # A word of its own shared besides ("knee") is still the quote told again.
    told = ["Ola Brenne said the flood water reached her knees in the bakery.", "The flood water rose fast.",
            "Flood water closed the square."]
    knees = Quote("The water was up to my knees by noon", "Ola Brenne", (1,))
    assert said_again(knees, told, story_words(told))
    brief = build_brief([RECOUNT], load_options(date=dt.date(2026, 5, 20)))
    assert [q.speaker for q in brief.quotes] == ["Ben Okoro"]


def test_a_heading_that_is_the_start_of_a_longer_name_is_refused() -> None:
    texts = ["Ivo Lund, who sits on the National Security Council, said the plan was sound.",
             "The National Security Council met on Friday.", "Her national security adviser resigned.",
             "Members of the Royal Guild of Nurses voted to strike.", "The guild said it would ballot again.",
             "Taiwan came up twice.", "The Taiwan Strait was calm.", "Talks about Taiwan took an hour."]
    assert rejection("National Security", True, texts) == "part of a longer name"
    assert rejection("Guild", False, texts) == "part of a longer name"
    assert rejection("Taiwan", True, texts) != "part of a longer name"


def test_a_police_rank_before_a_name_is_no_part_of_the_name() -> None:
    texts = [(1, "Detective Sergeant Lena Ruiz, who leads the inquiry, appealed for witnesses."),
             (2, "Ruiz said the response had been remarkable.")]
    assert [p.name for p in who_is_who(texts).people] == ["Lena Ruiz"]
