"""Read as an editor, seventeenth round: defects the sixteenth round left and those of new stories read blind.
Each test is one defect."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.pipeline import build_brief
from briefer.supersede import state_overturned
from tests.helpers import ROOT, shown_lines

STORIES = ROOT / "tests" / "data" / "stories"




def test_a_quotation_after_an_attributed_one_of_two_sentences_keeps_its_speaker(tmp_path) -> None:
    # The squall's "I was told it had been sent, and I repeated that without checking the log" was printed with
    # "speaker not named": the quotation before it ('"I said ... on time. It did not, and I am sorry," she said.')
    # holds two sentences, and only its second was read for the attribution.
    (tmp_path / "pier.txt").write_text(
        "Pier manager admits the gates were left open\n\nPublished: 9 June 2026\n\n"
        "The Lowmouth pier reopened on Monday after a storm surge flooded its arcade on Saturday night.\n\n"
        "Pier manager Harriet Colby admitted on Monday that the flood gates had been left open on Saturday.\n\n"
        "\"I told the council on Sunday that the gates were shut. They were not, and that was my fault,\" she said. "
        "\"Nobody on the night shift had been shown how to close them, and that is on me as well.\"\n\n"
        "The arcade's owners said the damage would cost about 80,000 pounds to repair.\n", encoding="utf-8")
    from briefer.people import who_is_who
    from briefer.quotes import Said, _speaker
    paragraph = next(line for line in (tmp_path / "pier.txt").read_text(encoding="utf-8").split("\n\n")
                     if line.startswith('"I told'))
    before = [Said(1, 0, 1, "Pier manager Harriet Colby admitted on Monday that the flood gates had been left open.")]
    cast = who_is_who([(1, before[0].text)])
    second = paragraph.index('"Nobody')
    assert _speaker(Said(1, 0, 2, paragraph), (second, len(paragraph)), cast, before)[0] == "Harriet Colby"


def test_a_search_said_to_go_on_is_over_once_every_missing_person_is_home() -> None:
    # The squall's brief kept "Coastguard sector manager Neil Abernethy said the search would go on through the
    # night" under a heading of its own, two days after its bottom line brought all 31 fishermen home.
    going_on = "A coastguard spokesman said the search would continue through the night."
    assert state_overturned("The last two walkers were found on Monday, bringing all eleven members of the group "
                            "home safely.", going_on)
    assert state_overturned("All four people who had been missing are now accounted for, police said.", going_on)
    # A line that shares no word with it and ends no search is no answer.
    assert not state_overturned("The ferry returned to port on Monday evening.", going_on)
    brief = build_brief([STORIES / "squall"], load_options(date=dt.date(2026, 11, 17)))
    assert not any("search would go on" in t for t in shown_lines(brief))


def test_a_claim_is_overturned_by_its_makers_admission() -> None:
    claim = "The pier manager, Harriet Colby, insisted on Sunday that the flood gates had been shut."
    assert state_overturned("Pier manager Harriet Colby admitted on Monday that the flood gates had been left open.",
                            claim)
    # An admission of something else by someone else is no answer: the two must share what they are about.
    assert not state_overturned("The contractor admitted that the sea wall was never finished.",
                                "The mayor insisted that the pier would reopen in May.")
    # ... and a claim needs a "that": "repeated calls for an inquiry" claims nothing.
    assert not state_overturned("Pier manager Harriet Colby admitted that calls for an inquiry were justified.",
                                "Residents repeated calls for an inquiry into the pier manager.")


def test_a_paragraph_opening_hours_later_is_quoted_with_the_sentence_before_it() -> None:
    # The squall's headline news, the harbour master's admission, opens its paragraph with "Hours later," and was
    # never printed; her Sunday denial was, as a current fact.
    brief = build_brief([STORIES / "squall"], load_options(date=dt.date(2026, 11, 17)))
    shown = shown_lines(brief)
    assert any("Hours later, harbour master Ingrid Kallevik admitted" in t for t in shown)
    assert not any("repeated on Sunday that the gale warning" in t for t in shown)


def test_a_count_revised_by_a_later_article_is_not_the_bottom_line() -> None:
    # The chairlift's bottom line said "About 120 skiers were stranded" though the resort had raised the count to
    # 146; the next line said 146.
    from briefer.supersede import revised_count
    later = "The club at first put the number of members at about 300; it raised that figure to 412 on Monday."
    assert revised_count(later, "About 300 members signed the letter to the board.")
    assert not revised_count(later, "The club has 412 members, most of them from the town.")  # the new figure
    # "up from" compares with last year; it revises nothing.
    assert not revised_count("Sales rose to 5 million, up from 4.2 million a year earlier.", "Sales were 4.2 million.")
    # A new total put on a thing the earlier sentence counts, with no old value named.
    assert revised_count("The last walkers reached the road; police now put the total at 58.",
                         "Around 40 walkers were cut off by the flood, police said.")
    assert not revised_count("The last walkers reached the road; police now put the total at 58.",
                             "Around 40 sheep were cut off by the flood.")
    brief = build_brief([STORIES / "chairlift"], load_options(date=dt.date(2026, 2, 17)))
    assert "120" not in brief.bottom_line.text or "146" in brief.bottom_line.text
    shown = shown_lines(brief)
    assert not any(t.startswith("About 120 skiers") for t in shown)
    # The correction is told once, credited to both the paper that reported it and the one that retold it.
    told = [t for t in shown if "146" in t and "120" in t]
    assert len(told) == 1


def test_a_first_estimate_gives_way_to_a_firmer_figure_whatever_the_dates() -> None:
    from briefer.supersede import revised_count
    assert revised_count("Surveyors have given a firmer figure: the roof will cost about 90,000 pounds.",
                         "An early estimate put the cost of the roof at 60,000 pounds.")
    assert not revised_count("Surveyors have given a firmer figure: the roof will cost about 90,000 pounds.",
                             "The hall was built for 60,000 pounds in 1932.")
    brief = build_brief([STORIES / "lido"], load_options(date=dt.date(2026, 12, 2)))
    shown = shown_lines(brief)
    assert not any("early estimate put the cost" in t for t in shown)
    assert any("465,000" in t for t in shown)


def test_a_hard_wrapped_newsletter_is_unwrapped_and_its_broken_words_mended() -> None:
    from briefer.read.ingest import _plain_blocks
    text = ("A weekly note\n\n"
            "The council said the new bus lane would be finished by Thurs-\n"
            "day, and that a well-known firm of road builders had been well-\n"
            "known to it for years, said Anna Berg, head of transport at\n"
            "Dunmere Council. Track lay- and the road crews and the govern-\n"
            "ment's grant come next year.\n")
    blocks = _plain_blocks(text, plain_file=True)
    assert blocks[1] == ("The council said the new bus lane would be finished by Thursday, and that a well-known firm "
                         "of road builders had been well-known to it for years, said Anna Berg, head of transport at "
                         "Dunmere Council. Track lay- and the road crews and the government's grant come next year.")
    # Short lines are a headline, a masthead and a byline, not a wrapped paragraph: kept apart.
    assert _plain_blocks("Court to rule on the wind farm on Tuesday\nThe Coast Paper | 16 November 2026\nBy Kari "
                         "Nesje\n", plain_file=True) == ["Court to rule on the wind farm on Tuesday",
                                                         "The Coast Paper | 16 November 2026", "By Kari Nesje"]
    assert _plain_blocks("Work on the new line began last spring, and track lay-\ning is due to start in the "
                         "autumn, the company said.\n", plain_file=True)[0].startswith(
        "Work on the new line began last spring, and track laying is")
    brief = build_brief([STORIES / "tunnel"], load_options(date=dt.date(2026, 3, 7)))
    assert not any("compet- ition" in t or "lay- ing" in t for t in shown_lines(brief))
    assert all(p.role != "project director at" for p in brief.people)


def test_invisible_characters_go_and_a_non_breaking_hyphen_is_a_hyphen() -> None:
    from briefer.read.ingest import _plain_blocks
    assert _plain_blocks("An open\u2011air pool, the sea\u00adside and a zero\u200bwidth space.") == [
        "An open-air pool, the seaside and a zerowidth space."]
    brief = build_brief([STORIES / "lido"], load_options(date=dt.date(2026, 12, 2)))
    assert not any("\u2011" in t for t in shown_lines(brief))
    assert all(s.heading != "Air pool" for s in brief.sections)


def test_an_update_is_not_credited_to_the_article_that_gives_its_old_figure() -> None:
    # The tunnel's "the budget would rise to 1.45 billion pounds from 1.2 billion" was credited to the Gazette,
    # whose "The scheme's budget stands at 1.2 billion pounds" says the opposite.
    brief = build_brief([STORIES / "tunnel"], load_options(date=dt.date(2026, 3, 7)))
    gazette = next(s.id for s in brief.sources if "gazette" in s.location)
    budget = [i for s in brief.sections for i in s.items if "1.45 billion" in i.text]
    assert budget and gazette not in budget[0].sources


def test_an_article_of_another_story_in_the_folder_is_listed_off_topic_and_left_out() -> None:
    # The clifpath folder holds the same paper's lifeboat story of the same day: its items, quotes and people
    # filled a third of the appeal brief.
    from briefer.cluster import strays
    from briefer.model import SourceStatus
    brief = build_brief([STORIES / "clifpath"], load_options(date=dt.date(2026, 11, 26)))
    lifeboat = next(s for s in brief.sources if "lifeboat" in s.location)
    assert lifeboat.status is SourceStatus.OFF_TOPIC and lifeboat.skipped and "another story" in lifeboat.warning
    printed = shown_lines(brief) + [q.text for q in brief.quotes] + [d.text for d in brief.timeline]
    assert not any("lifeboat" in t.lower() for t in printed)
    assert all(lifeboat.id not in p.sources for p in brief.people)
    # Two articles alone, or a folder of several stories, have no stray: nothing is left out.
    assert strays(["The council closed the pier.", "A bakery opened on the high street."]) == []
    mixed = ["The council closed the pier after a storm.", "The pier was closed by the council after the storm.",
             "A bakery opened on the high street.", "A new school term began with fewer pupils."]
    assert strays(mixed) == []
    one = ["The council closed the pier after a storm on Monday.", "The storm closed the pier, the council said.",
           "The council said the pier would stay closed after the storm.", "A bakery opened on the high street."]
    assert strays(one) == [(3, 0.0)]


def test_a_headline_in_capitals_is_not_the_title_when_another_is_calm() -> None:
    # The mould brief was titled "DUNMERE SCHOOLS SHUT OVER TOXIC MOULD", a tabloid's headline over a body that says
    # the schools stay open.
    from briefer.discover import headline, shouting
    assert shouting("PIER SHUT AFTER STORM") and not shouting("NHS trust names new chief") and not shouting("BBC")
    assert headline(["PIER SHUT AFTER STORM SURGE", "Storm surge closes pier for repairs"]) == \
        "Storm surge closes pier for repairs"
    assert headline(["PIER SHUT AFTER STORM SURGE"]) == "PIER SHUT AFTER STORM SURGE"  # the only one
    brief = build_brief([STORIES / "mould"], load_options(date=dt.date(2026, 11, 12)))
    assert not shouting(brief.title)


def test_she_said_is_not_the_man_the_last_he_said_stood_for(tmp_path) -> None:
    # The mould's "She said the council had not been told ... 'If anyone at the council was warned ...,' she said"
    # was given to Councillor Bernard Quayle, the subject of the paragraph before, whose quotation "he said".
    (tmp_path / "school.txt").write_text(
        "Parents demand answers over damp classrooms\n\nPublished: 4 March 2026\n\n"
        "Two classrooms at Holm Lane school were closed on Tuesday after damp was found in the walls.\n\n"
        "Councillor Tomas Brandt, the cabinet member for schools, said the rooms would be repaired over Easter. "
        "\"Nobody should teach in a damp room,\" he said.\n\n"
        "She said parents had complained for a year. \"I want to know why nobody listened to us,\" she said.\n",
        encoding="utf-8")
    brief = build_brief([tmp_path], load_options(date=dt.date(2026, 3, 5)))
    speakers = {q.text[:20]: q.speaker for q in brief.quotes}
    assert speakers.get("I want to know why n") == ""


def test_a_warning_from_tuesday_issued_on_monday_starts_the_coming_tuesday() -> None:
    from briefer.temporal import event_date
    monday = dt.date(2026, 1, 12)
    assert event_date("Forecasters have issued a yellow warning for snow from Tuesday morning.", monday).day == \
        dt.date(2026, 1, 13)
    assert event_date("The road was closed from Tuesday to Friday.", dt.date(2026, 1, 17)).day == dt.date(2026, 1, 13)


def test_a_date_line_names_no_outlet_and_a_masthead_is_no_headline() -> None:
    from briefer.outlets import is_masthead, outlet_in_lines
    assert outlet_in_lines(["Pier to reopen after repairs", "By Anna Berg, Coast Ledger", "Monday, 16 February 2026",
                            "The pier will reopen on Friday."]) == "Coast Ledger"
    assert outlet_in_lines(["HARBOUR NEWS WEEKLY -- Monday 2 March 2026", "Pier to reopen"]) == "Harbour News Weekly"
    assert is_masthead("HARBOUR NEWS WEEKLY -- Monday 2 March 2026")
    assert not is_masthead("Pier to reopen after repairs on Monday 2 March 2026, council says")
    brief = build_brief([STORIES / "tunnel"], load_options(date=dt.date(2026, 3, 7)))
    newsletter = next(s for s in brief.sources if "newsletter" in s.location)
    assert newsletter.outlet == "Rail Works Weekly" and newsletter.title.startswith("Salder tunnel machine")
    chairlift = build_brief([STORIES / "chairlift"], load_options(date=dt.date(2026, 2, 17)))
    assert next(s for s in chairlift.sources if "national" in s.location).outlet == "Northern Ledger"


def test_a_count_two_outlets_give_differently_is_printed_once_with_a_note() -> None:
    # The allotments brief printed "A petition against the sale has passed 3,000 signatures" and "... has gathered
    # more than 2,000 signatures" as two facts; the airline's printed a dividend of €0.30 and one of 0.35 euros.
    brief = build_brief([STORIES / "allotments"], load_options(date=dt.date(2026, 12, 2)))
    petitions = [i for s in brief.sections for i in s.items if "signatures" in i.text]
    assert len(petitions) == 1
    assert "3,000" in petitions[0].text  # the count more outlets give (3,000 and "more than 3,100")
    (note,) = petitions[0].differs
    assert note.says == "more than 2,000 signatures" and "2,000" in note.text
    assert set(note.sources).isdisjoint(petitions[0].sources)
    airline = build_brief([STORIES / "airline"], load_options(date=dt.date(2026, 2, 28)))
    dividends = [i for s in airline.sections for i in s.items if "dividend" in i.text]
    assert len(dividends) == 1 and "0.35" in dividends[0].text
    paper = next(s.id for s in airline.sources if "paper" in s.location)
    business = next(s.id for s in airline.sources if "business" in s.location)
    assert business in dividends[0].sources  # it gives 0.35 too
    assert [(d.sources, d.says) for d in dividends[0].differs] == [((paper,), "€0.30 a share")]
    # A count printed alone is noted too, in lower case out of its sentence ("Twelve dogs have fallen ill ...").
    algae = build_brief([STORIES / "algae"], load_options(date=dt.date(2026, 12, 2)))
    dogs = [d for i in algae.items if i.text.startswith("Five dogs") for d in i.differs]
    assert [d.says for d in dogs] == ["twelve dogs"]


def test_counts_of_parts_tallies_rates_and_other_events_are_no_disagreement() -> None:
    from briefer.differ import differing
    from briefer.measures import counts
    assert counts("The resort's other eight lifts were running.") == ()
    assert counts("It ruled by a majority of two judges to one.") == ()
    assert counts("All 18,000 ticket holders will be refunded.") == ()
    assert counts("Organisers expect 5,000 visitors.") == ()
    assert counts("The subsidy works out at 90 euros per passenger.")[0].rate
    assert not counts("The flights carry about 900,000 passengers a year.")[0].rate
    # No note in a story whose outlets agree, or give counts of different things.
    for name, day in (("avalanche", dt.date(2026, 3, 3)), ("drone", None), ("chairlift", dt.date(2026, 2, 17)),
                      ("bronzes", None), ("libraries", None)):
        brief = build_brief([STORIES / name], load_options(date=day))
        assert not [d for i in brief.items for d in i.differs], name
    assert differing((), (), (), None) == ((), None)


def test_a_differing_count_is_rendered_in_every_format(tmp_path) -> None:
    from briefer.deliver.render import render
    brief = build_brief([STORIES / "airline"], load_options(date=dt.date(2026, 2, 28)))
    md = render(brief, "md").decode()
    assert "- The board proposed a dividend of 0.35 euros per share" in md
    assert "_Sources differ:_ [3] gives €0.30 a share." in md
    assert "Sources differ: [3] gives €0.30 a share." in render(brief, "txt").decode()
    html = render(brief, "html").decode()
    assert '<ul class="differs"><li>Sources differ: [3] gives €0.30 a share.</li></ul>' in html
    import json
    data = json.loads(render(brief, "json"))
    noted = [i for s in data["sections"] for i in s["items"] if i["differs"]]
    assert noted[0]["differs"] == [{"sources": [3], "says": "€0.30 a share",
                                    "text": "The dividend paid to shareholders will go up to €0.30 a share."}]


def test_work_begun_gives_way_to_work_done_for_all() -> None:
    # The festival printed "Recovery crews began towing about 150 cars ..." beside "all 150 cars have now been towed".
    assert state_overturned("All the books in the flooded library have now been moved to the school.",
                            "Volunteers began moving the books in the flooded library on Monday.")
    assert not state_overturned("All the roads were gritted overnight.", "Crews began towing cars on Monday.")
    brief = build_brief([STORIES / "festival"], load_options(date=dt.date(2026, 7, 13)))
    assert not any(t.startswith("Recovery crews began towing") for t in shown_lines(brief))


def test_a_preview_remark_according_to_its_speaker_is_no_news_after_the_event() -> None:
    # "Engineers inspected the main stage ... and declared them safe, according to festival director Nadia Okafor"
    # opened the overview, from the preview the flood overtook that night.
    brief = build_brief([STORIES / "festival"], load_options(date=dt.date(2026, 7, 13)))
    assert not any(t.startswith("Engineers inspected the main stage") for t in shown_lines(brief))


def test_a_state_in_force_until_a_day_now_past_is_stale() -> None:
    from briefer.temporal import expired
    thursday, sunday = dt.date(2026, 7, 9), dt.date(2026, 7, 12)
    warning = "Forecasters have issued a yellow warning for rain across the county until Saturday morning."
    assert expired(warning, thursday, sunday) and not expired(warning, thursday, dt.date(2026, 7, 10))
    assert not expired("The road stayed closed until Saturday.", thursday, sunday)  # a past state told as past
    # (The lighthouse's "the keepers who lived in the tower until 1987": a state long past, not one in force.)
    assert not expired("The museum shows the logbooks of the keepers who lived in the tower until 1987.", thursday,
                       sunday)
    brief = build_brief([STORIES / "festival"], load_options(date=dt.date(2026, 7, 13)))
    assert not any("until Saturday morning" in t for t in shown_lines(brief))


def test_a_relative_clause_on_it_leans_on_the_sentence_before() -> None:
    # The mould's "Dawn Ricketts, who organised it, said more than 400 people had signed it by 9am." opened the
    # overview, its petition two sections down.
    from briefer.candidates import leans_back
    assert leans_back("Dawn Ricketts, who organised it, said more than 400 people had signed it by 9am.")
    assert not leans_back("Dawn Ricketts, who organised the petition, said more than 400 people had signed.")
    brief = build_brief([STORIES / "mould"], load_options(date=dt.date(2026, 11, 12)))
    assert not any(t.startswith("Dawn Ricketts, who organised it") for t in shown_lines(brief))


def test_a_forecaster_named_after_a_quotation_has_a_role() -> None:
    from briefer.people import who_is_who
    cast = who_is_who([(1, '"Expect to be cut off for a day," said Dr Lena Varga, chief forecaster at the National '
                           'Weather Office.')])
    assert [(p.name, p.role) for p in cast.people] == [("Lena Varga", "chief forecaster at the National Weather "
                                                                      "Office")]


def test_an_embedded_social_post_is_no_reporting() -> None:
    # The festival printed the council leader's post, "The hall stays open until every camper has a way home.", as
    # a bare fact in its overview, and "Thank you to everyone who turned up ... tonight" in its timeline.
    from briefer.clean import clean_document
    from briefer.model import Document, Source
    doc = Document(Source(1, "a.html", "a.html"), (
        "The pier reopened on Monday after repairs.",
        "Thanks to everyone who helped clear the sand this morning. The pier is open again!",
        "— Mayor Ada Holm (@adaholm) March 3, 2026",
        "The council said the repairs cost 40,000 pounds."))
    assert clean_document(doc, set()).paragraphs == ("The pier reopened on Monday after repairs.",
                                                     "The council said the repairs cost 40,000 pounds.")
    brief = build_brief([STORIES / "festival"], load_options(date=dt.date(2026, 7, 13)))
    printed = shown_lines(brief) + [d.text for d in brief.timeline]
    assert not any("The hall stays open" in t or "Thank you to everyone" in t for t in printed)


def test_two_quotations_one_attribution_joins_are_one_key_quote(tmp_path) -> None:
    # With the second of Xi's two joined quotations given its speaker, the seeds' key quotes printed both (one
    # statement) and lost the analyst's.
    (tmp_path / "pier.txt").write_text(
        "Pier reopens after storm repairs\n\nPublished: 9 June 2026\n\n"
        "The Lowmouth pier reopened on Monday after three weeks of repairs to its storm-damaged deck.\n\n"
        "\"We have rebuilt the deck board by board,\" pier manager Harriet Colby said. \"Every one of them was "
        "checked twice before we let the public back on.\"\n\n"
        "\"The town needed this pier open for the summer season,\" said councillor Tomas Brandt.\n",
        encoding="utf-8")
    brief = build_brief([tmp_path], load_options(date=dt.date(2026, 6, 10)))
    speakers = [q.speaker for q in brief.quotes]
    assert speakers.count("Harriet Colby") == 1 and "Tomas Brandt" in speakers


def test_a_quotation_continued_after_an_unnamed_speakers_one_stays_unnamed() -> None:
    # The squall's crewman ('One of the Morwenna's crew, speaking at the harbour, said the wind had come "like a
    # wall". "We had no word of it," he said. "Not a word until the wheelhouse windows went."') was given, for his
    # second quotation, to the coastguard named a paragraph before.
    brief = build_brief([STORIES / "squall"], load_options(date=dt.date(2026, 11, 17)))
    crew = [q for q in brief.quotes if q.text.startswith(("Not a word", "We had no word"))]
    assert crew and all(not q.speaker and "Morwenna's crew" in q.context for q in crew)


def test_a_larger_count_a_day_later_is_a_disagreement_unless_told_as_a_running_count(tmp_path) -> None:
    # Read on an unseen story of ours: "About 40 dockers were working at the berth when the crane came down" (Monday)
    # and "About 60 dockers were on the quay when the crane fell" (Tuesday) were printed as two facts, unmarked: a
    # later, larger count was taken for the count grown.
    (tmp_path / "a.txt").write_text(
        "Crane falls at Holm quay\n\nPublished: 4 May 2026\n\nA crane fell onto the quay at Holm port on Monday "
        "afternoon in high winds, the port authority said.\n\nAbout 40 dockers were working at the berth when the "
        "crane came down.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Union calls for inquiry into Holm crane fall\n\nPublished: 5 May 2026\n\nAbout 60 dockers were on the quay "
        "when the crane fell, according to the dockers' union, which wants an inquiry into why work went on as the "
        "wind rose.\n\nThe port authority said the berth would stay closed this week.\n", encoding="utf-8")
    brief = build_brief([tmp_path], load_options(date=dt.date(2026, 5, 6)))
    notes = {d.says for i in brief.items for d in i.differs}
    assert notes & {"about 40 dockers", "About 40 dockers", "about 60 dockers", "About 60 dockers"}
    # A running count is the count grown, not a disagreement.
    from briefer.differ import _RUNNING
    assert _RUNNING.search("More than 11,000 ticket holders have now claimed refunds")
