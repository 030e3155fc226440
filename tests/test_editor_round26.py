"""The twenty-fifth round's reports, mended, and the twenty-sixth blind editor round (docs/quality.md): each test is
a defect a blind reader found, in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.clean import clean_document
from briefer.model import Document, Source
from briefer.temporal import classify, mentions


def _clean(*paragraphs: str, title: str = "") -> Document:
    return clean_document(Document(Source(id=1, name="a", location="a"), paragraphs, title=title), set())


def test_a_quotation_run_on_into_the_next_paragraph_keeps_its_speaker() -> None:
    from briefer.people import who_is_who
    from briefer.quotes import Said, key_quotes

    paragraphs = ["Station officer Ruth Okonjo said crews had found the hall empty when they arrived.",
                  "\"The staff did everything we would ask of them,\" she said. \"They cleared the water, shut the "
                  "doors and met us at the gate with a list of what was stored inside.",
                  "\"That saved us a great deal of time on a dangerous morning.\"",
                  "The hall's owners said it would stay shut while the tanks were checked by engineers."]
    cast = who_is_who([(1, p) for p in paragraphs])
    quotes = {q.text[:14]: q.speaker for q in key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)}
    assert quotes["That saved us "] == "Ruth Okonjo"  # (was "speaker not named")
    # ... and when the attribution cuts the first paragraph's quotation in two: '"...," she said, "and then ...'.
    paragraphs[1] = ("\"The staff cleared the water in under a minute,\" she said, \"and then went back to check the "
                     "changing rooms and the plant room door.")
    quotes = {q.text[:14]: q.speaker for q in key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)}
    assert quotes["That saved us "] == "Ruth Okonjo"
    # A paragraph with no quotation left open runs nothing on: the next quotation is nobody's.
    paragraphs[1] = "Engineers from the council were still on site on Sunday checking the tanks."
    quotes = {q.text[:14]: q.speaker for q in key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)}
    assert quotes.get("That saved us ", "") == ""


def test_a_clarification_withdraws_the_paragraph_it_points_at() -> None:
    doc = _clean("More than 100 swimmers were led out of the leisure centre after a chemical leak on Saturday.",
                 "The pool was closed for three days in August after a similar problem.",
                 "Firefighters made the plant room safe by late morning.",
                 "Clarification: The August closure mentioned above was caused by a broken filter pump and was not a "
                 "chemical leak.")
    assert doc.paragraphs == ("More than 100 swimmers were led out of the leisure centre after a chemical leak on "
                              "Saturday.", "Firefighters made the plant room safe by late morning.")
    doc = _clean("Fire gutted the third level of the hospital car park on Tuesday.",
                 "Level three is where the hospital installed eight charging points for electric cars last year.",
                 "Clarification: The paragraph above about the charging points was not intended to suggest that the "
                 "fire began at a charger.")
    assert doc.paragraphs == ("Fire gutted the third level of the hospital car park on Tuesday.",)
    # A note that points at nothing the article holds, or at two paragraphs alike, withdraws nothing.
    kept = ("The ferry sailed at noon on Monday.", "The ferry was late on Friday as well.")
    assert _clean(*kept, "Clarification: The ferry mentioned above is run by a charity.").paragraphs == kept
    assert _clean(*kept, "Clarification: The harbour fee mentioned above is paid yearly.").paragraphs == kept


def test_a_timetable_told_in_the_present_looks_ahead_and_is_a_preview() -> None:
    tuesday = dt.date(2026, 11, 10)
    assert mentions("The two-day hearing continues on Wednesday.", tuesday)[0].day == dt.date(2026, 11, 11)
    assert classify("The two-day hearing continues on Wednesday.", tuesday) == "expected"
    assert classify("The park reopens on Tuesday after repairs.", tuesday) == "expected"
    assert classify("Ostleby Town Council meets on Thursday evening.", tuesday) == "expected"
    # ... and "are now expected back": the Wednesday after a Tuesday's article (had been the Wednesday before).
    assert mentions("The pupils are now expected back at the school on Wednesday evening.", tuesday)[0].day == \
        dt.date(2026, 11, 11)
    assert classify("The hearing continued on Wednesday.", tuesday) == "report"
    assert classify("The willing crowd left the square.", tuesday) == "report"


def test_a_short_name_before_a_role_noun_is_a_place_and_gets_no_insertion() -> None:
    from briefer.names import _alone

    text = "The ship rolled in a storm about 12 miles off Carrick Head late on Saturday."
    at = text.index("Carrick")
    assert not _alone(text, at, at + len("Carrick"))  # (it had read "off [Clean] Carrick Head")
    text = "Carrick said the beach would reopen on Friday."
    assert _alone(text, 0, len("Carrick"))


def test_a_body_called_a_group_is_no_person_and_a_duty_controller_is_one() -> None:
    from briefer.people import who_is_who
    from briefer.quotes import Said, key_quotes

    paragraphs = ["Organiser Bethan Lloyd-Carew of the group Clean Carrick said the pellets were the worst of it.",
                  "Volunteers have filled more than 900 sacks since Sunday, Clean Carrick said.",
                  "\"A sealed battery container is not an immediate danger, but it must not be opened by anyone,\" "
                  "said Tamsin Rowe, duty controller at Carrick Coastguard."]
    cast = who_is_who([(1, p) for p in paragraphs])
    assert "Clean Carrick" not in cast.everyone
    assert cast.roles["Tamsin Rowe"] == "duty controller at Carrick Coastguard"
    quotes = key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)
    assert [q.speaker for q in quotes] == ["Tamsin Rowe"]  # (had gone to "Clean Carrick", named beside the verb)


def test_a_farm_is_no_speaker_and_the_name_in_apposition_is() -> None:
    from briefer.people import who_is_who
    from briefer.quotes import Said, key_quotes

    paragraphs = ["The company has applied to put the mast on farmland at Hollins Farm, north of the village.",
                  "The farmer at Hollins Farm, Gareth Pennock, said he was happy to host the mast. \"I have been "
                  "standing in the yard holding my phone up like a torch for ten years,\" he said."]
    cast = who_is_who([(1, p) for p in paragraphs])
    assert "Hollins Farm" not in cast.everyone
    quotes = key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)
    assert [q.speaker for q in quotes] == ["Gareth Pennock"]


def test_kin_named_in_apposition_is_a_person_of_the_kin_nouns_sex() -> None:
    from briefer.people import who_is_who
    from briefer.quotes import Said, key_quotes

    paragraphs = ["Councillor Ruth Pell, who chairs the planning committee, voted for the sale.",
                  "Her brother, Daniel Pell, is a director of the developer.",
                  "Asked about her brother's role, she said the sale had been judged on its merits. \"This is a fair "
                  "price for a building nobody has used for a year,\" she said."]
    cast = who_is_who([(1, p) for p in paragraphs])
    assert "Daniel Pell" in cast.everyone and cast.gender["Daniel Pell"] == "m"
    quotes = key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)
    assert [q.speaker for q in quotes] == ["Ruth Pell"]  # not her brother, named closer
    paragraphs = ["Her great-great-granddaughter, Sophie Marrable-Kent, was at the gallery to see it arrive. \"She "
                  "belongs here, with the river she painted and the town she loved,\" she said."]
    cast = who_is_who([(1, p) for p in paragraphs])
    quotes = key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)
    assert [q.speaker for q in quotes] == ["Sophie Marrable-Kent"]  # (was "speaker not named")


def test_a_quotation_in_another_language_gives_way_to_its_translation_with_its_speaker() -> None:
    from briefer.people import who_is_who
    from briefer.quotes import Said, key_quotes

    paragraphs = ["At the deli on Sheep Street, owner Marta Wisniewska said: \"Od rana gotujemy wode w trzech "
                  "czajnikach. Klienci pytaja, czy moga kupic u nas kawe.\"",
                  "That means: \"We have been boiling water in three kettles since the morning. Customers ask if "
                  "they can buy coffee from us.\"",
                  "Commissaire Helene Dufresnoy of the Saint-Aubrel police told reporters: \"Nous ne cherchions pas "
                  "un tableau, mais ce n'etait pas une simple decoration.\"",
                  "She was saying: \"We were not looking for a painting, but it was no mere decoration.\""]
    cast = who_is_who([(1, p) for p in paragraphs])
    quotes = key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)
    assert {q.text[:10]: q.speaker for q in quotes} == {"We have be": "Marta Wisniewska",
                                                        "We were no": "Helene Dufresnoy"}
    assert cast.roles["Helene Dufresnoy"] == "of the Saint-Aubrel police"


def test_a_day_of_the_month_without_its_month_is_read_beside_the_anchor() -> None:
    friday = dt.date(2026, 10, 16)
    assert [w.day for w in mentions("The bakery will close for good on Saturday the 24th.", friday)] == \
        [dt.date(2026, 10, 24)]  # (was read as "on Saturday": the 17th gone by)
    assert [w.day for w in mentions("She was released on bail until the 28th.", friday)] == [dt.date(2026, 10, 28)]
    assert [w.day for w in mentions("He was bailed until the 3rd.", friday)] == [dt.date(2026, 11, 3)]
    assert [w.day for w in mentions("The vote will be held on Thursday, the 12th, at 6pm.", friday)] == \
        [dt.date(2026, 11, 12)]
    assert [w.day for w in mentions("They meet on the 14th of November.", friday)] == [dt.date(2026, 11, 14)]
    assert mentions("He scored in the 31st minute.", friday) == []
    assert mentions("The tower was built in the 14th century.", friday) == []


def test_next_august_said_in_august_is_next_year() -> None:
    assert mentions("The festival will return next August.", dt.date(2026, 8, 17))[0].day == dt.date(2027, 8, 1)
    assert mentions("Last August the show was rained off.", dt.date(2026, 8, 17))[0].day == dt.date(2025, 8, 1)
    assert mentions("The festival will return next August.", dt.date(2026, 3, 2))[0].day == dt.date(2026, 8, 1)


def test_two_next_steps_of_one_day_that_tell_one_event_are_one_row() -> None:
    from briefer.model import Dated
    from briefer.timeline import merged_next

    pointer = Dated(text="", date="2026-10-24", sources=(1, 2), ref="overview-2")
    row = Dated(text="The family said the bakery would close at 4pm on Saturday 24 October and the building would be "
                     "put up for sale.", date="2026-10-24", sources=(1,))
    other = Dated(text="The town's market will move to the car park on Saturday 24 October.", date="2026-10-24",
                  sources=(2,))
    printed = {"overview-2": "The Tarnholme bakery opened in 1926 and will close on the 24th."}
    assert merged_next([row, other], [pointer], printed) == (pointer, other)


def test_helplines_a_papers_footer_a_call_for_stories_and_readers_comments_are_no_news() -> None:
    doc = _clean("A postman was bitten by two dogs on Wrenfield Avenue on Monday morning.",
                 "*If you have been affected by a dog attack, the Dog Safety Line is open on 0800 555 0190.*",
                 "Brannock Water's helpline is 0800 555 0142, and updates are posted on its website.",
                 "*Netherby & District News is published every Friday. Letters to the editor: letters@news.example*",
                 "Do you have a story? Email newsdesk@dalecourier.example or call 01632 960 412.",
                 "If you find a seal pup on a beach, keep 10 metres away and call the rescue line on 01632 960412.",
                 "Anyone with information can also contact Crimestoppers anonymously on 0800 555 111.",
                 "The action group said it would not oppose the new site.",
                 "Comments",
                 "Wrenbymum: Well done Helen and everyone who marched!",
                 "Alan, Upper Wrenby: Just build something. Anything at all would be better than this.")
    assert doc.paragraphs == ("A postman was bitten by two dogs on Wrenfield Avenue on Monday morning.",
                              "The action group said it would not oppose the new site.")
    # A helpline the story is about stays: its number is not given as advice.
    kept = "The council's new helpline for flooded homes took 300 calls on its first day."
    assert _clean(kept).paragraphs == (kept,)


def test_custody_a_search_for_someone_and_a_boil_notice_are_states_later_news_overturns() -> None:
    from briefer.supersede import supersedes

    assert supersedes("A 29-year-old woman arrested on Monday has been released on bail.", "report",
                      "The four people arrested on Monday remain in custody and are being questioned.", "report")
    assert supersedes("Two men arrested on Monday were remanded in custody by magistrates.", "report",
                      "The four people arrested on Monday are being questioned by detectives.", "report")
    assert supersedes("A 41-year-old man has been arrested on suspicion of flying a drone near the display.", "report",
                      "Westhaven Police are trying to trace the person who flew the drone.", "report")
    assert supersedes("The boil notice was lifted on Wednesday evening, two days earlier than expected.", "report",
                      "Up to 12,000 homes have been told to boil their tap water before drinking it.", "report")
    # ... and not the other way about, nor by a sentence about something else.
    assert not supersedes("The four people arrested on Monday remain in custody.", "report",
                          "A 29-year-old woman arrested on Monday has been released on bail.", "report")
    assert not supersedes("The ewes taken on the night the four were arrested have gone home.", "report",
                          "The four people arrested on Monday remain in custody.", "report")


def test_a_person_confirmed_in_a_post_holds_it_without_acting() -> None:
    from briefer.people import who_is_who

    said = [(1, "Dr Priya Halden, the trust's acting chief executive, said the money was needed for repairs."),
            (2, "At the same meeting the board confirmed Dr Priya Halden as chief executive.")]
    assert who_is_who(said, order={1: 0, 2: 1}).roles["Priya Halden"] == "chief executive"


def test_she_said_after_a_sentence_that_opens_with_the_only_name_in_it_is_that_person() -> None:
    from briefer.people import who_is_who
    from briefer.quotes import Said, key_quotes

    paragraphs = ["Officers found ear tags that had been cut out and replaced with counterfeit tags.",
                  "Gwen Pryce, of Top Hollins Farm near Harrowdale, lost 85 ewes in a single night in March.",
                  "\"You check the field at dusk and they are there, and in the morning the gate is open,\" she said.",
                  "Among them were 61 of Gwen Pryce's ewes. \"They came off the trailer and walked straight up to the "
                  "top field,\" she said.",
                  "Sam Birtle met Jo Hext at the gate of the lower field. \"It makes you feel sick to see it,\" she "
                  "said."]
    cast = who_is_who([(1, p) for p in paragraphs])
    quotes = {q.text[:12]: q.speaker for q in key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)}
    assert quotes["You check th"] == quotes["They came of"] == "Gwen Pryce"  # (were "speaker not named")
    assert quotes["It makes you"] == ""  # two people named closer: nobody's to give


def test_any_saturday_and_a_year_compared_with_date_nothing() -> None:
    monday = dt.date(2026, 11, 9)
    text = "The Round Table will meet later this month to look at whether the display should move to a Saturday."
    assert [w.precision for w in mentions(text, monday)] == ["month"]  # (had been dated Saturday 14 November)
    assert mentions("The market is held every Sunday in the square.", monday) == []
    from briefer.temporal import event_date

    assert event_date("The night raised £21,300 for the hospice, more than last year.", monday) is None
    assert event_date("The airline carried 21.3 million passengers, 6 percent more than in 2024.", monday) is None
    assert event_date("The tree was put up on 21 November.", monday).day == dt.date(2026, 11, 21)


def test_a_duty_with_its_deadline_is_a_preview_a_later_no_decision_calls_off() -> None:
    from briefer.supersede import supersedes

    friday = dt.date(2026, 11, 20)
    duty = "Dunmere District Council must decide by 4 December whether the mast needs full planning permission."
    assert classify(duty, friday) == "expected"
    assert classify("Visitors must wear a mask on the ward.", friday) == "report"
    assert supersedes("The council will now not make a decision on the Church Lane plan, which had been due by 4 "
                      "December.", "expected", duty, "expected")


def test_a_day_in_a_reason_does_not_date_the_event_and_open_then_closed_after_all() -> None:
    from briefer.supersede import supersedes
    from briefer.temporal import event_date

    saturday = dt.date(2026, 11, 7)
    assert event_date("Gates will open at 5pm and the fireworks will start at 7pm because Monday is a school day.",
                      saturday) is None  # (had been dated Monday 9 November)
    assert event_date("Brisa is recalling its kettles because a fault can make them overheat, the company announced "
                      "on Tuesday.", saturday).day == dt.date(2026, 11, 3)
    assert supersedes("Park Road will now be closed from 3.30pm to 9.30pm on Sunday.", "expected",
                      "Park Road, which had been due to close from 4pm, will stay open.", "expected")


def test_serious_but_stable_is_overtaken_by_out_of_intensive_care() -> None:
    from briefer.supersede import supersedes

    assert supersedes("Jonas Pell is now stable and out of intensive care after surgery on his spine.", "report",
                      "Jonas Pell is in a serious but stable condition, the hospital said on Sunday.", "report")
    assert not supersedes("Jonas Pell is in a serious but stable condition, the hospital said on Sunday.", "report",
                          "Jonas Pell is now stable and out of intensive care after surgery on his spine.", "report")


def test_a_running_count_of_another_size_does_not_credit_the_final_tally() -> None:
    from pathlib import Path

    from briefer.config import load_options
    from briefer.pipeline import build_brief

    story = Path(__file__).parent / "data" / "stories" / "lastloaf"
    brief = build_brief([story], load_options(date=dt.date(2026, 10, 24)))
    items = [item for section in brief.sections for item in section.items if "5,100 signatures" in item.text]
    assert [item.sources for item in items] == [(3,)]  # (source 2 has only "More than 2,300 people have signed")


def test_an_item_that_leaves_out_an_earlier_items_figure_does_not_tell_it_again() -> None:
    from pathlib import Path

    from briefer.config import load_options
    from briefer.pipeline import build_brief

    story = Path(__file__).parent / "data" / "stories" / "airshow"
    brief = build_brief([story], load_options(date=dt.date(2026, 8, 17)))
    credits = {item.text[:30]: item.sources for section in brief.sections for item in section.items}
    assert credits["The festival's flying director"] == (1,)  # (had taken source 2's Sunday stop as its own)
    assert credits["Festival director Helen Marsh "] == (2,)


def test_a_charge_and_a_remand_are_two_facts() -> None:
    from briefer.facts import opposite

    assert opposite("Two men have been charged after police broke up a sheep rustling ring in Harrowdale.",
                    "Two men accused of running a sheep rustling ring across Harrowdale have been remanded in custody.")
    assert not opposite("Two men have been charged and remanded in custody over the sheep thefts.",
                        "Two men accused of the sheep thefts have been remanded in custody.")


def test_a_headline_whose_main_clause_before_a_dash_reports_is_a_report() -> None:
    from briefer.discover import reports

    assert reports("Pellow's sells out on its last day - and a former apprentice will reopen it")
    assert not reports("Pellow's will close on Saturday - and its staff will be paid until November")


def test_a_role_given_only_at_a_titled_second_mention_is_the_persons_role() -> None:
    from briefer.people import who_is_who

    said = [(1, "Dan Rourke said the road would stay shut in both directions."),
            (1, "Mr Rourke, network operations manager at Caddesford Roads, said drivers should use the ring road.")]
    assert who_is_who(said).roles["Dan Rourke"] == "network operations manager at Caddesford Roads"


def test_still_in_a_named_hospital_is_overtaken_by_going_home() -> None:
    from briefer.supersede import supersedes

    assert supersedes("The walker went home from hospital on Tuesday and thanked the search dog.", "report",
                      "The walker is still in Kellbridge General Hospital with a broken wrist.", "report")


def test_forty_five_is_45_and_no_count_apart_from_45() -> None:
    from briefer.facts import counts_differ, profile

    assert ("45", "volunt") in profile("Forty-five volunteers had searched for him since Friday night.").quantities
    assert not counts_differ(profile("Forty-five volunteers had searched for him since Friday night."),
                             profile("The team said 45 volunteers from three teams took part in the search."))


def test_a_byline_part_with_its_date_and_author_dates_the_article() -> None:
    from briefer.temporal import published_in_lines

    assert published_in_lines(["*Stagelight West | Posted Thursday 19 November 2026 by Owen Tracy*"]) == \
        dt.date(2026, 11, 19)


def test_single_marks_inside_a_double_quoted_quotation_stay_a_quotation_within_it() -> None:
    from briefer.text import double_quoted

    text = "\"Amber shouted 'Mum, we're getting smaller' and I realised they were drifting,\" she said."
    assert double_quoted(text) == text  # (the daughter's words had become a quotation of the mother's own)
    assert double_quoted("'We are sorry for the delay,' she said.") == "“We are sorry for the delay,” she said."


def test_a_later_correction_of_a_figure_retracts_the_earlier_articles_line() -> None:
    from briefer.clean import retracted_claims

    note = Document(Source(id=2, name="b", location="b"), (
        "The bank said it would pay for a new machine.",
        "*Correction: In Monday's report we said the nearest free cash machine, in Carnbrook, was nine miles away. It "
        "is eleven miles by road. We apologise for the error.*"))
    claims = retracted_claims([note])
    doc = clean_document(Document(Source(id=1, name="a", location="a"), (
        "Ostleby's only cash machine was removed on Friday.",
        "The nearest free cash machine is now in Carnbrook, nine miles away.")), set(), retracted=claims)
    assert doc.paragraphs == ("Ostleby's only cash machine was removed on Friday.",)


def test_a_previews_own_subject_named_again_does_not_report_its_event() -> None:
    from briefer.supersede import supersedes

    preview = "The nativity play will now be performed in St Aidan's Church on Thursday 10 December at 14:00."
    assert not supersedes("Mrs Petrakis said the children had been rehearsing the nativity play in their classrooms.",
                          "report", preview, "expected")
    assert supersedes("The nativity play was performed in St Aidan's Church to a full house.", "report", preview,
                      "expected")


def test_a_title_in_quotation_marks_is_no_key_quote_and_a_caretaker_is_a_role() -> None:
    from briefer.people import who_is_who
    from briefer.quotes import Said, key_quotes

    paragraphs = ["The nativity play, \"The Donkey Who Came Late\", was due to be performed on Thursday.",
                  "Caretaker Alf Dunstable said: \"I opened the doors and it was like walking into a swimming pool.\""]
    cast = who_is_who([(1, p) for p in paragraphs])
    assert cast.roles["Alf Dunstable"] == "caretaker"  # (had been listed as "Caretaker Alf Dunstable")
    quotes = key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)
    assert [q.speaker for q in quotes] == ["Alf Dunstable"]  # the play's title is no quotation


def test_advice_to_the_reader_a_papers_delivery_footer_and_a_family_named_by_surname() -> None:
    doc = _clean("The chimney came down at 10am on Sunday.",
                 "If your dog is microchipped, check today that the phone number on the database is still yours.",
                 "If you drive through Ostleby on Sunday morning, allow extra time: the B1290 will be shut from 7am.",
                 "If you are collecting a child on Wednesday night, the school asks you to wait in the bus bay.",
                 "*Parish News is delivered free to every home in Hendle Cross.*",
                 "UPDATE (Friday 15 May, 09:15 BST): Engineers said the bridge will stay closed for six weeks.",
                 "If the vote goes against them, the union said it would strike.")
    assert doc.paragraphs == ("The chimney came down at 10am on Sunday.",
                              "Engineers said the bridge will stay closed for six weeks.",
                              "If the vote goes against them, the union said it would strike.")
    from briefer.people import who_is_who
    from briefer.quotes import Said, key_quotes

    paragraphs = ["The bench remembers Walter Pryce, who swept the green for forty years.",
                  "Jonathan Achebe, the solicitor for the Pryce family, said afterwards: \"The family are grateful to "
                  "the council for listening, and they will not be taking any further action.\"",
                  "The council said the post on its page, \"The bench is back. Details: https://example.org/bench\", "
                  "was put up on Thursday."]
    cast = who_is_who([(1, p) for p in paragraphs])
    quotes = key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)
    assert [q.speaker for q in quotes] == ["Jonathan Achebe"]  # (had been given to Walter Pryce; the post is none)


def test_a_stations_show_plug_is_no_news_and_a_described_speaker_after_said_is_named() -> None:
    assert _clean("Listen to Lenn Radio's breakfast show, weekdays from 6am.",
                  "Buses are being sent on a four-mile detour.").paragraphs == ("Buses are being sent on a four-mile "
                                                                               "detour.",)
    from briefer.people import who_is_who
    from briefer.quotes import Said, key_quotes

    paragraphs = ["\"My two got to school after the register,\" said mother-of-two Kerry Haines. \"Nobody told us the "
                  "bus would take the long way round.\"",
                  "\"The smell was so strong you could taste it,\" said one resident of Wharf Street."]
    cast = who_is_who([(1, p) for p in paragraphs])
    quotes = {q.text[:10]: q.speaker for q in key_quotes([Said(1, 0, j, p) for j, p in enumerate(paragraphs)], cast)}
    assert set(quotes) & {"Nobody tol", "My two got"}  # (one quotation per speaker and paragraph)
    assert all(quotes[k] == "Kerry Haines" for k in set(quotes) & {"Nobody tol", "My two got"})
    assert quotes["The smell "] == ""  # a street is no speaker


def test_a_heading_ending_in_an_everyday_verb_names_no_subject() -> None:
    from briefer.headings import rejection

    texts = ["The diversion adds about four miles to the journey for the number 12 bus.",
             "Cars now have to use the diversion through Corley, which adds about four miles."]
    assert rejection("Diversion adds", False, texts) == "a verb or an adverb"
    assert rejection("Diversion", False, [*texts, "The diversion runs through Corley."]) != "a verb or an adverb"


def test_a_weight_limit_is_overtaken_by_a_closure_to_all_vehicles() -> None:
    from briefer.supersede import supersedes

    assert supersedes("The Old Mill Bridge in Ashby has been closed to all vehicles after a survey found scouring.",
                      "report", "A three-tonne weight limit has been put on the Old Mill Bridge in Ashby.", "report")
    assert not supersedes("A three-tonne weight limit has been put on the Old Mill Bridge in Ashby.", "report",
                          "The Old Mill Bridge in Ashby has been closed to all vehicles.", "report")
