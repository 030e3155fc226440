"""The thirty-fourth blind editor round (docs/quality.md), and the last round's leftover (pages of one day in their
order): each test is a defect a reader found, on the test stories or in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.model import Brief
from briefer.pipeline import build_brief
from tests.helpers import ROOT
from tests.helpers import shown_lines as _printed

STORIES = ROOT / "tests" / "data" / "stories"


def _brief(story: str, day: str) -> Brief:
    return build_brief([STORIES / story], load_options(date=dt.date.fromisoformat(day)))


def test_a_page_saved_three_times_in_a_day_is_read_in_its_order() -> None:
    # The 09:00, 13:00 and 18:00 saves of one live page: the title is the last save's headline, the residents who
    # "cannot go home yet" at 13:00 were home by 5pm, and a paragraph every save keeps is credited to all three.
    brief = _brief("threeupdates", "2026-05-13")
    assert brief.title.startswith("Tarnby acid leak: residents back home")
    printed = _printed(brief)
    assert not any("cannot go home yet" in line for line in printed)
    assert any(line.startswith("Evacuated residents were allowed to go back") for line in printed)
    litres = [item for section in brief.sections for item in section.items if "1,000 litres" in item.text]
    assert [item.sources for item in litres] == [(1, 2, 3)]


def test_the_time_a_page_or_a_feed_gives_orders_the_sources_of_one_day() -> None:
    from briefer.model import Document, Source, newer, saved_again
    from briefer.outlets import stamp_in_html
    head = ('<head><meta property="article:published_time" content="2026-05-13T07:52:00+01:00">'
            '<meta property="article:modified_time" content="2026-05-13T18:00:00+01:00"></head>')
    assert stamp_in_html(head) == dt.datetime(2026, 5, 13, 17, 0)  # the last change, in UTC
    assert stamp_in_html('<meta property="article:published_time" content="2026-05-13">') is None
    day = dt.date(2026, 5, 13)
    morning = Source(1, "a", "a", published=day, stamp=dt.datetime(2026, 5, 13, 8), outlet="Live")
    evening = Source(2, "b", "b", published=day, stamp=dt.datetime(2026, 5, 13, 17), outlet="Live")
    other = Source(3, "c", "c", published=day, outlet="Gazette")
    assert newer(evening, morning) and not newer(morning, evening)
    assert not newer(other, morning) and not newer(morning, other)  # no time: neither is newer
    nextday = Source(4, "d", "d", published=day + dt.timedelta(days=1), outlet="Gazette")
    assert newer(nextday, evening)
    # A page saved again keeps the paragraphs it had; another article of the outlet's that day is news of its own.
    first = Document(morning, ("Acid is leaking.", "The road is shut."))
    assert saved_again(Document(evening, ("The leak has stopped.", "Acid is leaking.", "The road is shut.")), first)
    assert not saved_again(Document(evening, ("Ferries are rerouted.",)), first)
    assert not saved_again(Document(other, ("Acid is leaking.", "The road is shut.")), first)


def _items(brief: Brief) -> list[str]:
    return [item.text for section in brief.sections for item in section.items]


def test_a_photo_credit_run_into_a_paragraph_is_no_part_of_it() -> None:
    from briefer.clean import _strip_tags
    assert _strip_tags("It crushed a van. (Photo: Nell Harker/Fennick Valley Live) Nobody was hurt.") == \
        "It crushed a van. Nobody was hurt."
    assert _strip_tags('He said: "It shook the windows." Picture: supplied') == 'He said: "It shook the windows."'
    assert _strip_tags("Crews came at midnight. Image source, Getty Images Station manager Paul Tennant said so.") == \
        "Crews came at midnight. Station manager Paul Tennant said so."
    assert _strip_tags("He took a picture by the lake.") == "He took a picture by the lake."
    brief = _brief("photocredit", "2026-02-13")
    assert not any("Photo:" in line or "Picture:" in line for line in _printed(brief))
    assert not any("Getty" in p.role for p in brief.people)


def test_days_with_ordinals_date_an_article_and_its_dateline() -> None:
    from briefer.clean import _strip_tags
    from briefer.temporal import published_in_lines
    today = dt.date(2026, 12, 3)
    assert published_in_lines(["By Catriona Vance", "Tuesday, 17th March 2026"], today) == dt.date(2026, 3, 17)
    assert published_in_lines(["KELLINGFORD, July 26th (WNA) - A shower held up the parade."], today) == \
        dt.date(2026, 7, 26)
    assert _strip_tags("KELLINGFORD, July 26th (WNA) - A shower held up the parade.") == "A shower held up the parade."


def test_two_days_of_one_month_and_the_end_of_a_state_ahead() -> None:
    from briefer.temporal import event_date
    when = event_date("The carnival will return on Saturday 24 and Sunday 25 July 2027.", dt.date(2026, 7, 27))
    assert when is not None and when.day.year == 2027
    extended = event_date("The certificate has been extended by the coastguard agency until 8 May.",
                          dt.date(2026, 3, 20))
    assert extended is not None and extended.day == dt.date(2026, 5, 8)


def test_where_to_call_or_write_is_no_news() -> None:
    from briefer.candidates import to_readers
    assert to_readers("Email newsdesk@brackwellmercury.example or call 01632 960 114.")
    assert to_readers("Check before you travel at westmarchrail.example or call 0345 600 1234.")
    assert to_readers("Anyone who needs help can call Brackwell Council's emergency line on 0300 555 0142.")
    assert to_readers("Parents who are worried should phone their GP or NHS 111 rather than going to a surgery.")
    assert not to_readers("Anyone who needs help paying bills was told to call.")


def test_a_service_back_to_normal_is_no_earlier_articles_news() -> None:
    brief = _brief("railbus", "2026-10-20")
    assert brief.bottom_line is not None and 1 not in brief.bottom_line.sources
    assert not any("until further notice" in line for line in _items(brief))


def test_a_figure_named_as_where_the_new_one_came_up_from_is_old() -> None:
    from briefer.supersede import up_from
    later = "The appeal has now raised £74,500 from more than 2,300 people, up from about £18,000 on Tuesday."
    assert up_from(later, "A campaign to buy the cinema raised more than £18,000 in its first 24 hours.")
    assert not up_from(later, later)
    assert not any("first 24 hours" in line for line in _items(_brief("paywallcut", "2026-06-19")))


def test_a_decision_put_off_then_taken_and_a_rest_centre_closed() -> None:
    plan = _items(_brief("windmillplan", "2026-03-14"))
    assert not any(line.startswith("A decision on plans") for line in plan)
    blast = _brief("knowsofar", "2026-03-17")
    assert not any("taken to a rest centre" in line for line in _items(blast))


def test_a_count_one_more_than_first_reported_overtakes_the_first() -> None:
    from briefer.supersede import revised_count, revises
    later = "Five people were treated in hospital after the blast, one more than first reported."
    assert revises(later) and revised_count(later, "Four people were taken to Brackwell Royal Infirmary.")
    assert not revised_count(later, "Five people were hurt.")
    assert not any(line.startswith("Four people were taken") for line in _items(_brief("knowsofar", "2026-03-17")))


def test_a_timetables_present_of_a_later_day_is_a_preview() -> None:
    from briefer.temporal import classify
    may14 = dt.date(2026, 5, 14)
    assert classify("The cabinet meets at County Hall on Tuesday 19 May at 10am.", may14) == "expected"
    assert classify("The cabinet met at County Hall on Tuesday.", may14) == "report"
    assert not any(line.startswith("The cabinet meets") for line in _printed(_brief("sleepstudy", "2026-05-21")))


def test_a_count_of_people_in_other_words_and_a_weekends_tally() -> None:
    from briefer.supersede import final_tally, now_count
    assert now_count("Fourteen children in Carrisford have now caught measles, the health team said on Thursday.",
                     "Five pupils at a Carrisford primary school have caught measles, officials confirmed on Monday.")
    tally = "Police made nine arrests over the weekend."
    assert final_tally(tally, "Police said there had been three arrests by 8pm, two for being drunk.")
    assert final_tally(tally, "Police made six arrests on Saturday and a further two by Sunday afternoon.")
    carnival = _items(_brief("carnivalcount", "2026-07-28"))
    assert not any("three arrests by 8pm" in line or "a further two" in line for line in carnival)


def test_talks_agreed_or_set_for_a_day_are_a_preview_and_a_strike_called_off_ends_its_plan() -> None:
    from briefer.temporal import classify, event_date
    tuesday = dt.date(2026, 3, 10)
    agreed = "Both sides have agreed to meet at the National Conciliation Service in Varnholt on Wednesday."
    assert classify(agreed, tuesday) == "expected"
    set_for = "The talks at the National Conciliation Service in Varnholt are set for Wednesday morning."
    when = event_date(set_for, tuesday)
    assert classify(set_for, tuesday) == "expected" and when is not None and when.day == dt.date(2026, 3, 11)
    # (Agreeing to meet with no day is news of its day: "The head of the health authority has agreed to meet
    # campaigners".)
    assert classify("The head of the health authority has agreed to meet campaigners.", tuesday) == "report"
    brief = _brief("wiretail", "2026-03-12")
    printed = _printed(brief)
    assert not any("agreed to meet" in line or "is due to end" in line for line in printed)
    assert not any(differ.says for section in brief.sections for item in section.items for differ in item.differs
                   if "23 container ships" in differ.text)


def test_a_list_of_dated_steps_gives_what_comes_next() -> None:
    from briefer.candidates import has_verb
    from briefer.temporal import classify
    june18 = dt.date(2026, 6, 18)
    step = "Tuesday 30 June: the full town council votes on the £100,000 loan."
    assert has_verb(step) and classify(step, june18) == "expected"
    assert not has_verb("Usual timetable: seven return crossings daily, last departure 21:00.")
    ahead = {row.date for row in _brief("paywallcut", "2026-06-19").next}
    assert {"2026-06-27", "2026-06-30"} <= ahead
    court = _brief("bailcharge", "2026-05-13")
    assert any("9 June" in line for line in _printed(court))


def test_an_outbreaks_counts_and_its_clinic_extended() -> None:
    from briefer.supersede import harmed, now_count
    nine = "The number of children with measles in Carrisford has risen to nine, and the outbreak has spread."
    five = "Five pupils at a Carrisford primary school have caught measles, health officials confirmed on Monday."
    assert now_count(nine, five)
    assert now_count("Fourteen children in Carrisford have now caught measles, the team said on Thursday.", nine)
    # (A count that is a detail of its event is not overtaken: the crash is still the crash.)
    assert not now_count("The number of people injured in the crash has risen to 15.",
                         "A bus carrying 38 tourists overturned near Granvik on Monday, injuring 12 people.")
    assert harmed("One child, a pupil at the primary school, was admitted to Carrisford General Hospital.",
                  "None of the children has needed hospital treatment.")
    brief = _brief("aisummary", "2026-02-06")
    printed = _printed(brief)
    assert not any(line.startswith(("Five pupils", "The number of children", "Symptoms of")) or "None of" in line
                   for line in printed)
    assert any(row.date == "2026-02-06" and "open on Friday" in (row.text or row.excerpt) for row in brief.next)


def test_a_reason_set_before_the_news_is_no_excerpt() -> None:
    from briefer.timeline import excerpt
    text = "Because of the demand, the clinic will now also open on Friday and Saturday, from 10am to 4pm."
    assert excerpt(text) == "… the clinic will now also open on Friday and Saturday …"


def test_a_plan_given_new_days_and_dates_in_figures() -> None:
    from briefer.supersede import moved_to_new_days
    from briefer.temporal import classify, event_date, expired
    march18 = dt.date(2026, 3, 18)
    old = "The MV Marra Belle is due to leave the route on 03/04/2026 for her annual refit and return on 24/04/2026."
    when = event_date(old, march18)
    assert when is not None and when.day == dt.date(2026, 4, 3)
    assert moved_to_new_days("The refit now runs from Monday 13 April to Friday 1 May.", old)
    assert not moved_to_new_days("The refit runs from Monday 13 April to Friday 1 May.", old)
    called = "The community council has called a public meeting at Inchmarra Village Hall on Thursday 19 March at 7pm."
    assert classify(called, march18) == "expected"
    assert expired("Road closures remain in place until 10pm on Sunday 26/07/2026.", dt.date(2026, 7, 25),
                   dt.date(2026, 7, 27))
    printed = _printed(_brief("ferrydates", "2026-03-21"))
    assert not any("03/04/2026" in line or "has called a public meeting" in line for line in printed)


def test_one_speakers_two_short_claims_one_negated_are_two_facts() -> None:
    from briefer.facts import judge_pairs
    chair = "Isla Drummond-Kerr, chair of Inchmarra Community Council,"
    assert judge_pairs([(f"{chair} said the island had been heard.", f"{chair} said islanders had not been asked.")]) \
        == [False]
    line = next(item for section in _brief("ferrydates", "2026-03-21").sections for item in section.items
                if item.text.endswith("said the island had been heard."))
    assert line.sources == (3,)


def test_a_trade_before_a_name_is_a_role_and_a_row_is_a_street() -> None:
    fuel = {p.name: p.role for p in _brief("fuelprice", "2026-09-12").people}
    assert fuel.get("Kofi Mensah-Dale") == "plumber" and "Plumber Kofi Mensah-Dale" not in fuel
    assert "Tenter Row" not in {p.name for p in _brief("knowsofar", "2026-03-17").people}


def test_an_idioms_noun_and_a_verb_in_the_past_head_no_section() -> None:
    from briefer.headings import rejection
    assert rejection("Suspicion", False, ["He was arrested on suspicion of burglary."])
    assert rejection("Schools slept", False, ["Pupils at the schools slept longer."])


def test_a_crumbs_place_is_no_headline_and_agreeing_to_attend_leans_back() -> None:
    from briefer.candidates import leans_back
    from briefer.clean import find_title
    assert find_title(["FENHOLT GAZETTE", "News | Marham St Edith", "",
                       "Copsey Mill plan goes before councillors as objections top 140"]) == \
        "Copsey Mill plan goes before councillors as objections top 140"
    assert leans_back("Mr Carrick has agreed to attend.")
    assert not leans_back("A delegation will travel for the ceremony, which the Oba of Benin is expected to attend.")


def test_a_quotation_over_several_paragraphs_is_its_speakers_throughout() -> None:
    # Newspaper style: no closing mark at the end of a quoted paragraph, the next opening with a mark.
    quotes = _brief("longquote", "2026-09-12").quotes
    rook = [q for q in quotes if q.speaker == "Eilidh Rook"]
    assert any(q.text.startswith("This is the hardest thing") for q in rook)
    assert not any(q.speaker == "" for q in quotes)
    bright = [q for q in _brief("teenfound", "2026-12-03").quotes if q.text.startswith("Both girls are now safe")]
    assert bright and all(q.speaker == "Nicola Bright" for q in bright)


def test_round35_a_warning_lowered_a_rumour_and_a_short_quoted_phrase_in_the_bottom_line() -> None:
    from briefer.supersede import state_overturned
    from briefer.temporal import HEDGED
    assert state_overturned("The severe flood warning for Milbeck was lowered to a flood warning at 9am on Sunday.",
                            "A severe flood warning, meaning danger to life, is in force for the Tarrow at Milbeck.")
    assert HEDGED.search("Fenmouth Rovers are understood to be closing in on Kelsby Athletic manager Rhian Castellano.")
    brief = _brief("rumourmove", "2026-05-18")
    assert brief.bottom_line is not None and brief.bottom_line.text.startswith("Fenmouth Rovers have appointed")
    assert not any("understood to be" in line for line in _printed(brief))


def test_round35_a_vague_count_made_exact_is_old() -> None:
    from briefer.supersede import vague_then_exact
    assert vague_then_exact("In all, 163 residents were evacuated from the building, the university said.",
                            "Dozens of residents were led out of the building by firefighters.")
    assert vague_then_exact("Forty-one of the 62 homes on Weir Street were flooded, the council said.",
                            "By teatime two-thirds of the homes on Weir Street had water inside them.")
    assert vague_then_exact("A total of 112 people spent Saturday night at the rest centre.",
                            "Dozens of residents have been taken to a rest centre at Milbeck Academy.")
    assert not vague_then_exact("Three students were taken to hospital.",
                                "Dozens of residents were led out of the building by firefighters.")
    assert not vague_then_exact("The share offer raised £412,000 from 212 investors.",
                                "More than half the investors live in Little Hadsworth.")
    printed = _printed(_brief("rangecount", "2026-05-15"))
    assert not any(line.startswith(("Dozens of residents", "Scores of students")) for line in printed)


def test_round35_a_claim_removed_an_advert_box_and_a_first_belief_put_right() -> None:
    printed = _printed(_brief("retracted", "2026-07-11"))
    assert not any("started deliberately" in line for line in printed)
    assert not any("best chips" in line for line in printed)
    kites = _printed(_brief("kiteclash", "2026-12-03"))
    assert not any(line == "Organisers initially believed a sudden gust had snapped the octopus kite's tether line."
                   for line in kites)


def test_round35_a_newsletter_with_its_email_header() -> None:
    sources = {s.location.split("/")[-1]: s for s in _brief("newsletter", "2026-03-13").sources}
    letter = sources["03-riverside-roundup.md"]
    assert letter.published == dt.date(2026, 3, 12) and letter.outlet == "The Riverside Round-up"
    printed = _printed(_brief("newsletter", "2026-03-13"))
    assert not any(line.startswith(("You are receiving", "The Round-up is free", "Boiler service", "If you have"))
                   for line in printed)
    # The day before it was sent, it is not yet news.
    assert not any("cannot be saved" in line for line in _printed(_brief("newsletter", "2026-03-11")))


def test_round35_counts_of_two_places_are_no_disagreement() -> None:
    from briefer.differ import _of_one_thing
    from briefer.measures import counts
    a = "In Ashcombe, firefighters dealt with 31 fallen trees on Saturday."
    b = "In Thornwick, firefighters dealt with 14 fallen trees on Saturday."
    ca, cb = counts(a)[0], counts(b)[0]
    assert not _of_one_thing(a, ca, b, cb)
    assert _of_one_thing(a, ca, "In Ashcombe, firefighters dealt with 33 fallen trees on Saturday.",
                         counts("In Ashcombe, firefighters dealt with 33 fallen trees on Saturday.")[0])


def test_round35_an_editors_note_puts_a_quotations_speaker_right() -> None:
    heat = [q for q in _brief("quotefix", "2026-03-14").quotes if q.text.startswith("We cannot keep paying")]
    assert heat and all(q.speaker == "Owen Pritchard" for q in heat)


def test_a_closure_until_further_notice_leaves_what_comes_next_once_the_page_says_it_reopens(tmp_path) -> None:
    # One page saved at 08:15 and again at 16:30 with an update on top; the update shares one word with the line.
    head = ('<html><head><title>{t} | Valley Live</title><meta property="og:site_name" content="Valley Live">'
            '<meta property="article:published_time" content="2026-11-10T08:15:00+00:00">'
            '<meta property="article:modified_time" content="2026-11-10T{m}:00+00:00"></head><body><article>'
            '<h1>{t}</h1>{p}</article></body></html>')
    body = ("<p>Pupils at Ashby Road Primary School in Kelby were sent home on Tuesday morning after staff reported a"
            " strong chemical smell in the main hall.</p><p>About 210 children were taken to the church hall next door"
            " while firefighters checked the building.</p><p>The school will stay closed until further notice, the"
            " head teacher, Joanne Pike, said.</p>")
    update = ("<p><strong>UPDATE 16:30</strong> Firefighters traced the smell to a leaking drum of floor cleaner in a"
              " store cupboard, and the school will reopen on Wednesday, the council said.</p>")
    (tmp_path / "01-morning.html").write_text(head.format(t="Chemical smell closes school", m="08:15", p=body))
    (tmp_path / "02-evening.html").write_text(head.format(t="School to reopen after leaking drum found", m="16:30",
                                                          p=update + body))
    brief = build_brief([tmp_path], load_options(date=dt.date(2026, 11, 10)))
    assert not any("until further notice" in (row.text or row.excerpt) for row in brief.next)
    assert any(row.date == "2026-11-11" for row in brief.next)
