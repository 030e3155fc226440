"""Read as an editor, eleventh round: defects found reading the briefs of four stories none of the earlier rounds
saw (tests/data/stories: breach, reshuffle, marathon, rates). Each test is one defect."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown
import pytest

from briefer.candidates import leans_back, paraphrased_copies
from briefer.config import Limits, load_options
from briefer.deliver.render import escape_markdown, to_markdown
from briefer.headings import rejection
from briefer.model import RawSource
from briefer.people import who_is_who
from briefer.pipeline import build_brief, prepare
from briefer.quotes import Said, key_quotes
from briefer.read.ingest import read_sources, to_document
from briefer.sections import same_next
from briefer.supersede import supersedes
from briefer.temporal import event_date, event_day, parts_of_day_apart, sentence_kind
from briefer.timeline import excerpt
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"


def _printed(brief) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.text for s in brief.sections for i in s.items]


def test_a_forecast_looks_ahead() -> None:
    saturday = dt.date(2026, 10, 17)
    assert sentence_kind("The forecast is for a cool, still morning, which favours fast times.", saturday) \
        == "expected"
    assert sentence_kind("Heavy rain is forecast for Tuesday.", saturday) == "expected"
    assert sentence_kind("Forecasters were right about the rain.", saturday) == "report"


def test_the_eve_of_the_race_is_not_news_once_the_race_is_reported() -> None:
    # Saturday's preview: the forecast, the entry figure and the pacing plan. Sunday's reports tell how it went.
    brief = build_brief([STORIES / "marathon"], load_options(date=dt.date(2026, 10, 18)))
    printed = " ".join(_printed(brief))
    assert "forecast is for" not in printed
    assert "are entered in the race" not in printed
    assert "hired six pacemakers" not in printed
    # What the race itself gave stays, and the preview's look back (last year's time) may stay too.
    assert "31,000 runners finished" in printed
    assert brief.bottom_line is not None and "broke the women's marathon world record" in brief.bottom_line.text


def test_a_preview_article_of_a_later_day_keeps_its_news() -> None:
    # Without the reports, the preview is the news of the day it was written.
    brief = build_brief([STORIES / "marathon" / "01-preview.txt"], load_options(date=dt.date(2026, 10, 17)))
    assert any("32,000 runners" in t for t in _printed(brief))


def test_a_regulators_first_look_is_overtaken_by_its_formal_investigation() -> None:
    earlier = 'Kestrel has reported the breach to the Financial Conduct Office, which said it was "making enquiries".'
    later = "The Financial Conduct Office said on Tuesday it had opened a formal investigation into the breach."
    assert supersedes(later, "report", earlier, "report")
    assert not supersedes("The Financial Conduct Office said on Tuesday it had received the report.", "report",
                          earlier, "report")
    brief = build_brief([STORIES / "breach"], load_options(date=dt.date(2026, 11, 3)))
    printed = _printed(brief)
    assert not any("making enquiries" in t for t in printed)
    item = next(i for s in brief.sections for i in s.items if "formal investigation" in i.text)
    assert item.sources == (3,)  # Monday's articles could not state Tuesday's investigation


@pytest.mark.parametrize("text", ["Marlow & Finch", "AT&T", "fish & chips & peas", "R&D spending"])
def test_an_ampersand_that_starts_no_character_reference_is_printed_as_it_is(text: str) -> None:
    assert escape_markdown(text) == text
    assert markdown.markdown(escape_markdown(text)) == markdown.markdown(text.replace("&", "&amp;"))


@pytest.mark.parametrize("text", ["&lt;b&gt;", "&#60;", "&#x3C;", "&#60 no semicolon", "&amp;"])
def test_an_ampersand_that_could_start_a_character_reference_is_escaped(text: str) -> None:
    shown = markdown.markdown(escape_markdown(text))
    assert shown == f"<p>{text.replace('&', '&amp;').replace('<', '&lt;')}</p>"


def test_the_breach_brief_names_the_law_firm_with_its_ampersand() -> None:
    brief = build_brief([STORIES / "breach"], load_options(date=dt.date(2026, 11, 3)))
    page = to_markdown(brief)
    assert "Marlow & Finch" in page
    assert "&amp;" not in page


def test_a_person_named_to_a_post_holds_it_and_the_one_who_held_it_is_former() -> None:
    texts = [(1, "Finance Minister Rafael Kuhn was moved to the foreign ministry on Wednesday."),
             (2, "Prime Minister Elena Vidal named Ines Marchetti as finance minister on Wednesday, moving Rafael "
                 "Kuhn to the foreign ministry."),
             (2, "Marchetti becomes the first woman to hold the finance job.")]
    roles = {p.name: p.role for p in who_is_who(texts).people}
    assert roles["Ines Marchetti"] == "finance minister"
    assert roles["Rafael Kuhn"] == "former finance minister"
    assert roles["Elena Vidal"] == "Prime Minister"
    # "as" after a name with no appointment before it gives no role: "served under Vidal as finance minister".
    texts = [(1, "Rafael Kuhn served under Elena Vidal as finance minister for three years, the office said.")]
    assert "Elena Vidal" not in {p.name for p in who_is_who(texts).people}


def test_the_reshuffle_brief_names_the_new_minister_in_whos_who() -> None:
    brief = build_brief([STORIES / "reshuffle"], load_options(date=dt.date(2026, 11, 12)))
    roles = {p.name: p.role for p in brief.people}
    assert roles.get("Ines Marchetti") == "finance minister"
    assert roles.get("Rafael Kuhn") == "former finance minister"


def test_a_runner_named_with_her_sport_is_in_whos_who_and_speaks_when_she_said() -> None:
    brief = build_brief([STORIES / "marathon"], load_options(date=dt.date(2026, 10, 18)))
    assert {p.name: p.role for p in brief.people}.get("Grace Ekwueme") == "Kenyan runner"
    hurting = next(q for q in brief.quotes if "hurting" in q.text)
    assert hurting.speaker == "Grace Ekwueme"


@pytest.mark.parametrize(("text", "phrase", "shown"), [
    ("The new health minister is Daniel Achterberg, a former hospital surgeon who entered parliament in 2023.",
     "in 2023", "… who entered parliament in 2023."),
    # A time phrase opens no clause to start from: the opening says who.
    ("Members of parliament have asked Holm to appear before the treasury committee on 24 September.",
     "on 24 September", "Members of parliament have asked Holm to appear before the treasury committee …"),
])
def test_a_pointer_row_dated_by_a_later_clause_opens_with_that_clause(text: str, phrase: str, shown: str) -> None:
    assert excerpt(text, phrase) == shown


@pytest.mark.parametrize(("text", "leans"), [
    ("An economist by training, she worked at the central bank for eleven years before entering politics.", True),
    ("As a young reporter, he covered the war in the north.", True),
    ("A spokesman, Tom Hale, said the plant would close.", False),
    ("An official said she would announce the decision on Friday.", False),
    ("The three are among 13 journalists imprisoned in China.", True),  # which three?
    ("All five were taken to hospital, where doctors said they were stable.", False),  # the story's own group
])
def test_a_pronoun_after_a_phrase_that_describes_it_leans_back(text: str, leans: bool) -> None:
    assert leans_back(text) is leans


def test_the_profile_sentence_of_an_unnamed_she_is_not_an_item() -> None:
    brief = build_brief([STORIES / "reshuffle"], load_options(date=dt.date(2026, 11, 12)))
    assert not any(t.startswith("An economist by training") for t in _printed(brief))


def test_the_day_of_the_next_meeting_in_two_wordings_is_printed_once() -> None:
    thursday = dt.date(2026, 9, 10)
    assert same_next("The next rate decision is due on Nov. 5.", "The committee's next meeting is on 5 November.",
                     thursday)
    assert not same_next("The next rate decision is due on Nov. 5.", "The budget is due on 5 November.", thursday)
    assert not same_next("The next rate decision is due on Nov. 5.", "The next meeting is on 6 November.", thursday)
    brief = build_brief([STORIES / "rates"], load_options(date=thursday))
    told = [t for t in [*_printed(brief), *(d.text for d in brief.next)] if "5 November" in t or "Nov. 5" in t]
    assert len(told) == 1, told
    assert len([d for d in brief.next if d.date == "2026-11-05"]) <= 1


@pytest.mark.parametrize(("text", "day"), [
    ("All residents who spent Tuesday night at the rest centre have now returned home.", None),
    ("Residents who were evacuated on Monday were allowed back on Wednesday.", dt.date(2026, 7, 15)),
    ("Officials who met on Monday said the deal was close.", dt.date(2026, 7, 13)),
])
def test_a_clause_that_says_which_people_does_not_date_what_they_did(text: str, day: dt.date | None) -> None:
    assert event_day(text, dt.date(2026, 7, 16)) == day


def test_the_flood_brief_dates_the_return_home_by_no_clause_and_prints_no_page_furniture() -> None:
    brief = build_brief([STORIES / "flood"], load_options(date=dt.date(2026, 7, 16)))
    assert not any("rest centre have now" in d.text and d.date == "2026-07-14" for d in brief.timeline)
    printed = " ".join([*_printed(brief), *(d.text for d in brief.timeline), *(q.text for q in brief.quotes)])
    for furniture in ("Correction", "earlier version", "Image:", "Related:", "Follow the", "All rights", "ENDS"):
        assert furniture not in printed
    # The newest count of flooded homes, and no road "to stay closed until Friday" once it has reopened.
    assert "47 flooded homes" in printed
    assert "stay closed until Friday" not in printed


def test_a_pages_own_site_name_names_its_outlet_before_the_feeds_title() -> None:
    page = (STORIES / "flood" / "01-local.html").read_bytes()
    linked = RawSource(location="http://127.0.0.1:8000/flood.html", name="flood.html", data=page,
                       content_type="text/html", outlet="Valley feeds")
    assert to_document(linked, 1, Limits()).source.outlet == "Valley Gazette"
    # A page that declares no site name is the feed's publisher's.
    bare = RawSource(location="http://127.0.0.1:8000/a.html", name="a.html", content_type="text/html",
                     outlet="Valley feeds", data=b"<html><head><title>Flood | Somewhere</title></head><body><p>"
                     b"A flash flood swept through the village of Dunmere on Tuesday afternoon, the fire service "
                     b"said.</p><p>About 60 people spent the night in the village school, the council said.</p>"
                     b"</body></html>")
    assert to_document(bare, 1, Limits()).source.outlet == "Valley feeds"


@pytest.mark.parametrize("unit", ["Millimetres", "Kilometers", "Degrees", "Hours"])
def test_a_unit_of_measure_heads_no_section(unit: str) -> None:
    texts = [f"More than 80 {unit.lower()} of rain fell in two hours on Tuesday.",
             f"It was 83 {unit.lower()} in two hours, the heaviest since 1998."]
    assert rejection(unit, False, texts)


def test_a_spinners_copy_that_leaves_its_quotation_alone_is_still_a_paraphrase() -> None:
    prepared = prepare([STORIES / "panda"], load_options(date=dt.date(2026, 8, 22)))
    names = [d.source.location.rsplit("/", 1)[-1] for d in prepared.documents]
    assert {names[i] for i in paraphrased_copies(prepared.sentences)} == {"03-spun.txt"}
    brief = build_brief([STORIES / "panda"], load_options(date=dt.date(2026, 8, 22)))
    assert not any("stated" in t or "The mom" in t for t in _printed(brief))
    # The paper's copy of the wire story, with small edits, is no paraphrase: it is quoted and credited.
    assert any(i.sources == (1, 2, 3) for s in brief.sections for i in s.items)


def test_a_week_dates_a_timeline_row_by_its_month_not_its_monday() -> None:
    brief = build_brief([STORIES / "panda"], load_options(date=dt.date(2026, 8, 22)))
    assert "2026-08-17" not in {d.date for d in brief.timeline}
    found = event_date("Both panda cubs born at Ostby Zoo this week are gaining weight.", dt.date(2026, 8, 22))
    assert found is not None and found.precision == "week" and found.iso() == "2026-08"


def test_a_yearless_dateline_the_day_after_a_paper_of_new_years_day_is_of_the_papers_year(tmp_path: Path) -> None:
    # The papers print 1 January 2027; the wire copy's "Jan 2" is the next day, not 2 January 2026, whatever the
    # day the brief is made.
    (tmp_path / "a.txt").write_text("Barge fire at the fireworks\nKellby Herald | Friday 1 January 2027\n\nFour "
                                    "people were hurt when a barge of fireworks caught fire in Kellby harbour.\n")
    (tmp_path / "b.txt").write_text("Operator halts shows\n\nKELLBY, Jan 2 (Northwire) - The operator of the barge "
                                    "that caught fire in Kellby harbour said on Saturday it had halted all shows.\n")
    corpus = read_sources([tmp_path], Limits(), day=dt.date(2026, 12, 1))
    assert [d.source.published for d in corpus.documents] == [dt.date(2027, 1, 1), dt.date(2027, 1, 2)]


def test_an_eves_look_ahead_past_the_event_stays(tmp_path: Path) -> None:
    # The eve's own plan for next August is still ahead once the race has been run; its forecast is not.
    (tmp_path / "a.txt").write_text(
        "Lund to chase the record\nRunner's Daily | Saturday 17 October 2026\n\n"
        "Swedish runner Ida Lund will try to break the women's 10,000 metres record in Ostby on Sunday.\n\n"
        "The forecast is for a cool, still evening, which favours fast times.\n\n"
        "Lund plans to run in the world championships in Tokyo next August, her coach said.\n")
    (tmp_path / "b.txt").write_text(
        "Lund breaks the record\nRunner's Daily | Sunday 18 October 2026\n\n"
        "Ida Lund broke the women's 10,000 metres record in Ostby on Sunday, finishing in 28 minutes 51 seconds.\n\n"
        "She ran the last lap in 61 seconds in cool, dry weather.\n")
    brief = build_brief([tmp_path], load_options(date=dt.date(2026, 10, 18)))
    printed = " ".join([*_printed(brief), *(d.text for d in brief.next)])
    assert "forecast is for" not in printed
    assert "world championships in Tokyo next August" in printed
    # An overview the bottom line alone would make is not printed below it, nor twice in the timeline.
    page = to_markdown(brief)
    assert page.count("broke the women") == 2  # the bottom line, and its timeline row's excerpt


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Norland business</title><id>urn:nb</id>
<updated>2026-09-10T13:00:00Z</updated>{entries}</feed>"""
ENTRY = """<entry><title>{title}</title><id>urn:nb:{n}</id><updated>2026-09-10T1{n}:00:00Z</updated>
<content type="html">{body}</content></entry>"""


def test_a_saved_feed_is_read_as_its_entries_and_its_links_are_never_fetched(tmp_path: Path) -> None:
    para = ("&lt;p&gt;The Bank of Norland raised its main interest rate to 4.5 per cent on Thursday, its third "
            "increase this year, after inflation stayed above its target for a second year.&lt;/p&gt;"
            "&lt;p&gt;Six of the nine members of the rate committee voted for the rise, and three wanted to hold "
            "the rate where it was, the bank said in a statement on Thursday.&lt;/p&gt;")
    feed = tmp_path / "business.atom"
    feed.write_text(ATOM.format(entries=ENTRY.format(title="Rate rises to 4.5 per cent", n=1, body=para)
                                + ENTRY.format(title="A teaser", n=2, body="&lt;p&gt;Read on.&lt;/p&gt;")
                                .replace("</entry>", '<link href="http://127.0.0.1:9/teaser"/></entry>')))
    corpus = read_sources([feed], Limits(), day=dt.date(2026, 9, 10))
    assert [d.source.title for d in corpus.documents] == ["Rate rises to 4.5 per cent"]
    assert corpus.documents[0].source.outlet == "Norland business"
    assert corpus.documents[0].source.published == dt.date(2026, 9, 10)
    failed = [f.reason for f in corpus.ledger.findings]
    assert len(failed) == 1 and "not fetched" in failed[0] and "127.0.0.1:9/teaser" in failed[0]
    # Not read as text: no line of the brief is the feed's XML.
    brief = build_brief([feed], load_options(date=dt.date(2026, 9, 10)))
    assert brief.title == "Rate rises to 4.5 per cent"
    assert not any("<" in t or "&lt;" in t for t in _printed(brief))


def test_a_pronouns_speaker_is_never_someone_named_before_a_closer_name() -> None:
    said = [Said(1, 0, 0, "The inquiry, chaired by retired judge Dame Helen Okafor, is examining the deaths."),
            Said(1, 0, 1, "Earlier, lab technician Ola Nygaard told the inquiry she had raised concerns."),
            Said(1, 0, 2, '"We were told to stop complaining and get on with it," she said.')]
    cast = who_is_who([(s.source, s.text) for s in said])
    assert "Ola Nygaard" not in {p.name for p in cast.people}  # "technician" is no role noun here
    quote = next(q for q in key_quotes(said, cast) if "complaining" in q.text)
    assert quote.speaker != "Helen Okafor"


def test_the_inquiry_brief_credits_each_quotation_to_who_said_it() -> None:
    brief = build_brief([STORIES / "inquiry"], load_options(date=dt.date(2026, 10, 15)))
    speakers = {q.text[:20]: q.speaker for q in brief.quotes}
    assert speakers["We were told to stop"] == "Sarah Linden"  # "midwife Sarah Linden", then "she said"
    assert speakers["That is the question"] == "Alan Price"  # "Price replied"
    printed = _printed(brief)
    # "The former head of ..." is a lead, not "the former" of two; Thursday's article reports the evidence given.
    assert any(t.startswith("The former head of Marden General Hospital") for t in printed)
    assert not any("due to give evidence again" in t for t in [*printed, *(d.text for d in brief.next)])
    # Only a person's preview is done so: "Schools in east Kelby will remain shut on Wednesday" names no one.
    water = build_brief([STORIES / "watermain"], load_options(date=dt.date(2026, 4, 16)))
    assert any("remain shut on Wednesday" in t for t in _printed(water))


@pytest.mark.parametrize(("text", "leans"), [
    ("The former head of the hospital said on Thursday he had ordered a review.", False),
    ("The former, a lawyer, said the deal was fair.", True),
    ("The latter was released on Friday.", True),
])
def test_the_former_as_an_adjective_does_not_lean_back(text: str, leans: bool) -> None:
    assert leans_back(text) is leans


def test_a_company_that_speaks_of_itself_as_it_is_no_person_and_speaks_no_quotation() -> None:
    texts = [(1, "Veltra Biologics said it would publish the full results in a medical journal."),
             (1, '"These results are strong," said Dr Amina Sow, Veltra\'s chief medical officer.')]
    assert [p.name for p in who_is_who(texts).people] == ["Amina Sow"]
    brief = build_brief([STORIES / "vaccine"], load_options(date=dt.date(2026, 3, 4)))
    assert "Veltra Biologics" not in {p.name for p in brief.people}
    assert next(q for q in brief.quotes if q.text.startswith("These results")).speaker == "Amina Sow"


def test_a_releases_dated_line_and_its_about_paragraph_run_into_one() -> None:
    brief = build_brief([STORIES / "vaccine"], load_options(date=dt.date(2026, 3, 4)))
    release = brief.sources[0]
    assert (release.outlet, release.published) == ("Veltra Biologics", dt.date(2026, 3, 3))
    assert not any("privately held company" in t or t.startswith("About ") for t in _printed(brief))


def test_two_parts_of_one_day_are_two_events() -> None:
    assert parts_of_day_apart("The ferry ran aground on Friday morning.", "Tugs pulled it free on Friday evening.")
    assert not parts_of_day_apart("The ferry ran aground on Friday morning.", "It was refloated on Friday.")
    assert not parts_of_day_apart("It ran aground on Friday morning.", "It sat there until Friday morning's tide.")
    # The grounding (Friday morning, 180 passengers) is not the refloating (Friday evening, all 180 brought ashore).
    brief = build_brief([STORIES / "aground"], load_options(date=dt.date(2026, 11, 7)))
    assert brief.bottom_line is not None and "Tugs pulled" in brief.bottom_line.text
    assert any("ran aground" in t for t in _printed(brief))
