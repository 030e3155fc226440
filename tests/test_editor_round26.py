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
    assert classify("The hearing continued on Wednesday.", tuesday) == "report"
    assert classify("The willing crowd left the square.", tuesday) == "report"
