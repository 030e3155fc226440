"""The thirty-sixth blind editor round (docs/quality.md), and leftovers of the rounds before it: each test is a
defect a reader found, on the test stories or in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.candidates import leans_back, to_readers
from briefer.config import load_options
from briefer.model import Brief
from briefer.people import who_is_who
from briefer.pipeline import build_brief
from tests.helpers import ROOT
from tests.helpers import shown_lines as _printed

STORIES = ROOT / "tests" / "data" / "stories"


def _brief(story: str, day: str) -> Brief:
    return build_brief([STORIES / story], load_options(date=dt.date.fromisoformat(day)))


def test_a_speaker_whose_role_comes_first_is_no_firm_for_saying_it() -> None:
    # "Area manager Dominic Feeney said it was "far too early"": "said it" is how a firm speaks of itself, but a
    # person with a role before the name is a person; and "tells us" attributes a quotation.
    cast = who_is_who([(1, 'Area manager Dominic Feeney said it was far too early to say.'),
                       (2, 'Area manager Dominic Feeney told us the fire was out.')])
    assert [p.name for p in cast.people] == ["Dominic Feeney"]
    firm = who_is_who([(1, 'Veltra Biologics said it would publish the data.'),
                       (2, 'Veltra Biologics said it was confident.')])
    assert firm.people == ()
    brief = _brief("overnightlive", "2026-06-07")
    quotes = {q.text: q.speaker for q in brief.quotes}
    assert quotes.get("This will be a long night. We expect crews to be here until well into tomorrow") \
        == "Dominic Feeney"
    assert "Dominic Feeney" in [p.name for p in brief.people]


def test_a_live_page_of_an_earlier_day_does_not_describe_the_scene_now() -> None:
    # The fire was put out on the Friday night; Thursday night's entries of the live page ("Black smoke can be seen
    # from across the bay", "A large fire has broken out", "there are no reports of anyone hurt") were of their
    # moment, and one of them was overtaken (a firefighter was treated).
    printed = _printed(_brief("overnightlive", "2026-06-07"))
    for stale in ("can be seen", "has broken out", "no reports of anyone hurt"):
        assert not any(stale in line for line in printed), stale
    assert any(line.startswith("The fire broke out at about 9.45pm on Thursday") for line in printed)


def test_where_to_look_and_a_place_named_before_do_not_stand_alone() -> None:
    assert to_readers("Parents should check the schools' websites for home learning.")
    assert to_readers("Passengers are advised to check before they travel.")
    assert not to_readers("Parents should be told sooner, the report says.")
    assert leans_back("Scores of residents are already there, council leader Bernadette Okafor-Lyle says.")
    assert not leans_back("Are there any other sites at risk?")
    printed = _printed(_brief("overnightlive", "2026-06-07"))
    assert not any(line.startswith(("Parents should", "Scores of residents")) for line in printed)


def test_words_of_a_longer_quotation_are_its_speakers_whoever_a_headline_names() -> None:
    # 'Kelsby deny Rovers approach for Castellano: "She is going nowhere"' is the headline's cut of the chairman's
    # '"Rhian is building something special here and she is going nowhere," [Ogunleye said]'.
    brief = _brief("rumourmove", "2026-05-16")
    quotes = {q.text: q.speaker for q in brief.quotes}
    assert quotes.get("She is going nowhere") == "Martin Ogunleye"


def test_a_version_without_the_first_of_a_subject_of_two_does_not_state_it() -> None:
    from briefer.supersede import could_state
    report = "Juno and two barn owls have now been returned to Heddon Falconry Centre."
    part = "The two barn owls were found in a garden shed and have been taken back to the centre."
    assert not could_state(report, None, None, part, "report", None)
    assert could_state(report, None, None, "Juno and the two barn owls are back at the falconry centre.", "report",
                       None)
    brief = _brief("bailcharge", "2026-05-13")
    credits = [item.sources for section in brief.sections for item in section.items
               if item.text.startswith("Juno and two barn owls")]
    assert credits == [(2,)]


def test_a_links_list_under_its_label_is_no_source_of_the_story() -> None:
    # "More on this story:" / "Related:" lists of earlier headlines in later articles: the headlines had made the
    # later articles sources of the first day's lead and of the arrests.
    brief = _brief("relatedlinks", "2026-09-26")
    credits = {item.text: item.sources for section in brief.sections for item in section.items}
    assert credits["Shipping containers have washed up on two beaches near Wrenhaven after a cargo ship lost part of "
                   "its load in a storm overnight."] == (1,)
    # (The arrests, when printed, are the wire's alone; since the forty-fourth round the release overtakes them.)
    assert credits.get("Two men have been arrested after goods were taken from a shipping container that washed up "
                       "on Wrenhaven Sands, police said on Wednesday.", (2,)) == (2,)
    # ... and the release that overtakes the arrests is printed: a participle says which two men.
    assert any(line.startswith("The two men arrested on Tuesday night") for line in _printed(brief))
    assert leans_back("The two men were later released.")


def test_what_will_be_done_on_a_day_ahead_is_a_next_step_whatever_its_noun() -> None:
    # "will hold a civic reception ... on Saturday 21 February" and "flies home on Monday 16 February": the story's
    # What comes next had been empty; and a preview ("on course to set a new record") gives way to the report.
    brief = _brief("localtime", "2026-02-14")
    assert [(row.date, (row.text or row.excerpt).split()[0]) for row in brief.next] == [("2026-02-16", "She"),
                                                                                         ("2026-02-21", "Saltmarsh")]
    assert not any("on course to set a new record" in line for line in _printed(brief))


def test_a_live_page_is_read_in_the_order_of_its_entries() -> None:
    # One live page, newest entry first: the 11:50 entry's "destroyed there this afternoon" and the 09:10 entry's
    # "will stay shut until at least 3pm" were printed beside the 16:40 and 17:05 entries that overtake them.
    brief = _brief("keyevents", "2026-09-16")
    printed = _printed(brief)
    assert any("destroyed in a controlled explosion at Hollins Quarry at 4.32pm" in line for line in printed)
    assert not any("destroyed there this afternoon" in line or "until at least 3pm" in line for line in printed)
    assert not any("until at least 3pm" in (row.text or row.excerpt) for row in brief.next)
    # The pinned post's helpline and pet advice speak to the reader, and a station is no person.
    assert not any(line.startswith(("The council's emergency line", "If you have a pet")) for line in printed)
    assert "Aldersea Central" not in [p.name for p in brief.people]
    assert to_readers("Welcome to our live coverage of the wartime bomb found on the old brewery site.")


def test_the_text_below_an_articles_update_is_older_than_it() -> None:
    # "Update, 4.10pm:" above the morning's text, left as it was: the decision due "by 4pm" was made, and the steward
    # "in a stable condition" was discharged; the newsletter box's blurb is no news.
    printed = _printed(_brief("topupdate", "2026-07-10"))
    assert any(line == "The injured steward has been discharged from hospital." for line in printed)
    assert not any("by 4pm on Friday" in line or "stable condition" in line for line in printed)
    assert not any("every Thursday" in line for line in printed)


def test_an_appeal_for_a_lost_thing_is_stale_once_it_is_handed_in() -> None:
    # The cello was handed in on Sunday: Saturday's appeal for its return, the reward for its safe return and the
    # search for the taxi are no news on Tuesday.
    printed = _printed(_brief("pullquote", "2026-05-19"))
    assert any("has been handed in to police by the driver" in line for line in printed)
    for stale in ("appeal for the return", "for the cello's safe return", "trying to trace the taxi"):
        assert not any(stale in line for line in printed), stale


def test_a_new_date_given_looks_ahead_and_a_changed_plan_is_credited_to_who_tells_the_change() -> None:
    from briefer.temporal import event_date
    when = event_date("Year 10 mock exams, which were due to start on 22 June, have been moved to September.",
                      dt.date(2026, 6, 12))
    assert when is not None and when.day == dt.date(2026, 9, 1)
    brief = _brief("ustyledates", "2026-06-11")
    rows = [row for row in brief.next if "will now be held online" in (row.text or row.excerpt)]
    assert [row.sources for row in rows] == [(3,)]  # the Tuesday and Wednesday articles said the leisure centre


def test_a_post_given_after_the_name_is_the_role_shown() -> None:
    # "Alison Merrick has been appointed chief fire officer ... on a permanent basis" (Friday); "will take over as
    # acting chief fire officer" (Monday); both over "has been deputy chief fire officer since 2021".
    roles = {day: {p.name: p.role for p in _brief("actingchief", day).people}["Alison Merrick"]
             for day in ("2026-06-16", "2026-06-20")}
    assert roles == {"2026-06-16": "acting chief fire officer", "2026-06-20": "chief fire officer"}
    # ... and the resignation is no event of January, the month of the fire a clause after it names.
    from briefer.temporal import event_date
    assert event_date("The head of the service has resigned, hours after an independent review found serious "
                      "failings in the way the service handled a fire at Stoneleigh Mill in January.",
                      dt.date(2026, 6, 15)) is None
    assert leans_back("Acting chief fire officer Alison Merrick made the pledge on Tuesday during a visit.")


def test_a_trade_before_a_speakers_name_is_their_role() -> None:
    brief = _brief("moneyforms", "2026-04-24")
    assert any(q.speaker == "Leanne Osei" for q in brief.quotes)
    assert {p.name: p.role for p in brief.people}.get("Leanne Osei") == "fishmonger"


def test_a_fundraising_total_is_overtaken_by_a_larger_later_one() -> None:
    from briefer.supersede import raised_total
    assert raised_total("Ms Cardew has raised £38,000 so far for the lifeboat station.") == 38_000
    assert raised_total("Her fundraising had reached 52,400 pounds by the time she landed.") == 52_400
    assert raised_total("The appeal has raised £1.2m.") == 1_200_000
    assert raised_total("The appeal aims to raise £40,000.") is None
    printed = _printed(_brief("leadroof", "2026-11-26"))
    assert any("has raised £12,400" in line for line in printed)
    assert not any("£6,200" in line for line in printed)
    assert not any("£38,000 so far" in line for line in _printed(_brief("localtime", "2026-02-14")))


def test_a_pronoun_past_quotations_stands_for_the_one_the_story_titles_of_its_sex() -> None:
    # The wire names only Ellen Cardew in full and never says she is a woman; another article's "Ms Cardew" does.
    # Her paragraphs that open "Her" or "She", past two paragraphs of her own quotations, are hers.
    printed = _printed(_brief("localtime", "2026-02-12"))
    assert any(line.startswith("Her [Ellen Cardew’s] fundraising") and "52,400" in line for line in printed)
    assert not any("£38,000" in line for line in printed)  # (the first article's total, overtaken)
    assert {p.name: p.role for p in _brief("localtime", "2026-02-14").people}["Ellen Cardew"].endswith("rower")


def test_fillers_and_a_record_set_by_someone_else() -> None:
    from briefer.candidates import announces
    from briefer.temporal import event_date
    assert announces("The crossing has not been easy.")
    assert not announces("The bridge has not been used since 2019.")
    assert leans_back("Fares will be the same as Redkite's.")
    assert event_date("Her time beats the previous best, 47 days and two hours, set by Signe Holt in 2022, according "
                      "to the register.", dt.date(2026, 2, 11)) is None
    # ... and a video's transcript is no key quote.
    assert not any("Oh my God" in q.text for q in _brief("gallery", "2026-06-17").quotes)


def test_a_lost_thing_handed_in_is_the_bottom_line_and_the_news_of_its_day() -> None:
    brief = _brief("pullquote", "2026-05-17")
    assert brief.bottom_line is not None and "has been handed in to police" in brief.bottom_line.text
    # ... dated by its news, not by the Friday night of the clause that says which cello.
    assert not any(row.date == "2026-05-15" and (row.text or row.excerpt).startswith("A cello worth")
                   for row in brief.timeline)
    from briefer.temporal import event_date
    assert event_date(brief.bottom_line.text, dt.date(2026, 5, 17)) is None


def test_what_starts_on_a_day_ahead_and_a_duty_done_since() -> None:
    rows = [(row.date, (row.text or row.excerpt)[:20]) for row in _brief("gallery", "2026-06-19").next]
    assert ("2026-06-19", "Households whose hom") in rows  # "can claim a £500 hardship payment from Friday 19 June"
    printed = _printed(_brief("unitsage", "2026-08-18"))
    assert not any("must ratify the swim" in line for line in printed)  # the association ratified it on Monday
    assert not any(line.startswith("Gareth Lowe did it") for line in printed)
    from briefer.temporal import event_date
    assert event_date("She is only the third person known to have swum the Sound, after Gareth Lowe in 1987 and "
                      "Piet Drummond in 2004.", dt.date(2026, 8, 16)) is None
    assert leans_back("Joan Whitcombe, 89, who remembers that raid, was among those who went home.")


def test_a_version_without_one_of_the_sums_does_not_state_them_and_a_step_considered_is_taken() -> None:
    from briefer.supersede import considered_done, sum_missing
    report = "The council will take £1.2m from its reserves and borrow the remaining £550,000."
    assert sum_missing(report, "It would cost around 1.2 million pounds and be paid for from its reserves.")
    assert not sum_missing("The bill is now £1.75m, up from £1.2m.", "The repairs will cost £1.75m.")
    brief = _brief("moneyforms", "2026-04-24")
    assert [item.sources for section in brief.sections for item in section.items if item.text == report] == [(3,)]
    assert considered_done("The council had at first planned 12 emergency routes, but added two more on Wednesday.",
                           "The city council said it was looking at adding more routes to the emergency list.")
    assert not any("looking at adding" in line for line in _printed(_brief("wirenotes", "2026-03-06")))


def test_a_press_releases_today_is_the_day_it_was_first_told_and_a_bold_masthead_names_the_outlet() -> None:
    from briefer.days import date_relative_days
    from briefer.model import Item, Section, Source
    day = dt.date(2026, 3, 10)
    sources = tuple(Source(k, f"{k}.txt", f"{k}.txt", published=day + dt.timedelta(days=k // 3)) for k in (1, 2, 3))
    told = Item("Halden Biscuits Ltd today announced a proposal to close its bakery.", (1, 2, 3), 1.0)
    state = Item("The bakery is closed today.", (1, 3), 1.0)
    dated = date_relative_days(Brief("t", dt.date(2026, 3, 12), dt.datetime(2026, 3, 12), sources,
                                     (Section("Overview", (told, state)),), "0"))
    assert [item.inserted for item in dated.sections[0].items] == [((len("Halden Biscuits Ltd today"), " [10 March]"),),
                                                                   ()]  # (a state's "today": of which article?)
    # (Wednesday's correction of the figure is the news of the newest day, and the headline's.)
    brief = _brief("pressrelease", "2026-03-12")
    assert brief.bottom_line is not None and "is 212, not the 230" in brief.bottom_line.text
    assert [s.outlet for s in brief.sources][2] == "Valley 104 News"
    from briefer.temporal import event_date
    when = event_date("The number of jobs at risk is 212, not the 230 the company announced on Tuesday, Halden said on "
                      "Wednesday.", dt.date(2026, 3, 11))
    assert when is not None and when.day == dt.date(2026, 3, 11)
    assert leans_back("Exam pupils will then return to the school this Friday.")


def test_a_visit_expected_on_a_day_is_done_once_that_day_reports_the_body_arrived() -> None:
    printed = _printed(_brief("gallery", "2026-06-17"))
    assert any("arrived in the town on Wednesday morning" in line for line in printed)
    assert not any("are expected to visit the town on Wednesday" in line for line in printed)


def test_round37_notes_alerts_speakers_and_a_sentencing_date() -> None:
    from briefer.clean import is_provenance
    from briefer.supersede import state_overturned
    from briefer.temporal import expired
    # A translator's note is no news, and it names the outlet.
    assert is_provenance("Translated from the Czech by Helen Marsh. The original article appeared in Krajské listy on "
                         "10 March 2026. Quotations marked (translated) were given in Czech.")
    assert [s.outlet for s in _brief("translated", "2026-03-13").sources][1] == "Krajské listy"
    # An alert in force, once downgraded or lifted; a free offer "extended to the end of Thursday", once it is past.
    assert state_overturned("Ostrey City Council lifted its air pollution alert on Friday morning.",
                            "The council's high pollution alert, issued on Tuesday, remains in force.")
    assert expired("Free park-and-ride travel has been extended to the end of Thursday.", dt.date(2026, 7, 16),
                   dt.date(2026, 7, 17))
    assert not any("remains in force" in line for line in _printed(_brief("airquality", "2026-07-18")))
    # "Derek Fairbairn of the Save Station Green campaign said:" names the speaker.
    quotes = {q.text[:20]: q.speaker for q in _brief("planningrow", "2026-06-13").quotes}
    assert quotes.get("We're disappointed b") == "Derek Fairbairn"
    # "Tollan will be sentenced on Friday 16 October" is no event a later sentence naming Tollan reports, and a key
    # point that dates the sentencing ahead ("Tollan remanded in custody - sentencing on 16 October") reports nothing.
    assert [row.date for row in _brief("courtlive", "2026-09-25").next][:1] == ["2026-10-16"]


def test_a_cause_nothing_suggests_is_still_unknown_until_found() -> None:
    from briefer.supersede import state_overturned
    earlier = ("The fire service told us on Wednesday that the cause was still being investigated and that it had "
               "found nothing so far to suggest the fire was started deliberately.")
    assert state_overturned("The fire service said on Thursday that the fire had been accidental.", earlier)
    assert not any("still being investigated" in line for line in _printed(_brief("factcheck", "2026-03-13")))
    # ... and a quotation's marks pair by side: no quotation of the words between two quoted phrases.
    brief = _brief("bridgeweight", "2026-05-16")
    assert not any(q.text.startswith("and recommended") for q in brief.quotes)


def test_a_live_court_pages_labels_notices_and_lead_ins() -> None:
    from briefer.candidates import announces
    # "Comments have been switched off" is the page's notice; "... has spoken outside the cathedral." says only that
    # what follows was said.
    printed = _printed(_brief("courtlive", "2026-09-23"))
    assert not any(line.startswith(("Comments have been", "The Dean of Carrowmere")) for line in printed)
    assert to_readers("Comments have been switched off on this live page for legal reasons.")
    assert announces("The Dean of Carrowmere, the Very Rev Alison Mabry, has spoken outside the cathedral.")
    assert not announces("The minister has spoken about the crisis for the first time.")


def test_a_word_ending_in_live_is_no_live_page() -> None:
    from briefer.discover import is_live
    # "... all alive" had made a headline a live page's, and its "live" label was cut: "Divers reach five trapped in
    # Skarvik Cave, all a".
    assert not is_live("Squall warning was sent late, harbour master admits, as Sally Ann crew found alive")
    assert is_live("Storm Ilse - live updates")
    from tests.helpers import eve_of
    day = eve_of(STORIES / "cave")
    assert day is not None and _brief("cave", day.isoformat()).title.endswith("all alive")
