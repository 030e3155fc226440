"""The forty-second blind editor round (docs/quality.md): each test is a defect a reader found, on the test stories
or in our own words."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.deliver.render import with_insertions
from briefer.model import Brief, Sentence
from briefer.people import who_is_who
from briefer.pipeline import prepare
from briefer.referents import name_referents
from tests.helpers import ROOT
from tests.helpers import shown_lines as _printed
from tests.helpers import story_brief as _brief


def _shown(brief: Brief) -> list[str]:
    """The brief's lines with their editorial insertions, as a reader sees them."""
    items = ([brief.bottom_line] if brief.bottom_line is not None else []) + [
        item for section in brief.sections for item in section.items]
    return [with_insertions(item.text, item.inserted) for item in items]


def test_a_count_corrected_as_not_the_figure_someone_reported_gives_way() -> None:
    # "31 objects had been taken, not the 12 that police reported on Tuesday"
    museum = _printed(_brief("museumtheft", "2026-06-05"))
    assert not any(line.startswith("At least 12 items were taken") for line in museum)
    # "7,240 members, not the 6,800 reported at the weekend": the day before the last article.
    union = _printed(_brief("creditunion", "2026-11-17"))
    assert not any("about 6,800 members" in line for line in union)
    assert any("7,240 members" in line for line in union)


def test_what_comes_next_points_to_no_report_of_a_deed_for_another_versions_date() -> None:
    # "was charged late on Wednesday with arson" is no court date: "She ... will appear ... on Friday" is another
    # fact.
    for story, day, charged in (("mastfire", "2026-10-22", "Jodie Marrable, 29"),
                                ("museumtheft", "2026-06-05", "Marchland Police said this afternoon")):
        brief = _brief(story, day)
        assert not any((row.excerpt or row.text).startswith(charged) for row in brief.next), story


def test_a_note_of_another_count_names_the_whole_thing_counted() -> None:
    notes = [note.says for section in _brief("powercut", "2026-11-17").sections for item in section.items
             for note in item.differs]
    assert "52 mobile generators" in notes
    assert "52 mobile" not in notes


def test_a_speaker_named_with_a_body_between_commas_is_a_person_and_says_the_quotation() -> None:
    cast = who_is_who([(1, "Kieran Dobbs, 31, was jailed for life on Tuesday."),
                       (1, "Kate Brandreth, of the Crown Prosecution Service, said Dobbs's guilty plea had spared "
                           "the family a trial.")])
    assert "Kate Brandreth" in cast.everyone
    assert cast.roles["Kate Brandreth"] == "of the Crown Prosecution Service"
    quotes = _brief("sentencing", "2026-06-11").quotes
    assert not any("overwhelming" in q.text and q.speaker == "Kieran Dobbs" for q in quotes)


def test_a_surname_that_speaks_alone_makes_its_full_name_a_person_and_its_team_none() -> None:
    brief = _brief("cyclerace", "2026-06-10")
    people = [p.name for p in brief.people]
    assert "Ewan Rossiter" in people, "the race leader, 'Rossiter, who finished safely ..., said'"
    assert "Verdana Pro" not in people, "a team named after its rider ('Aurelio Castagna of Verdana Pro')"
    assert not any("Pieter is okay" in q.text and q.speaker != "Ewan Rossiter" for q in brief.quotes)


def test_two_people_joined_by_and_are_not_one_couple() -> None:
    cast = who_is_who([(1, "He was found by two volunteers, Nora Pellaby and Tam Rivington-Shaw, who had been "
                           "searching on foot."),
                       (1, "Pellaby, a retired nurse, said the pair had seen a hand move."),
                       (1, "Mr Rivington-Shaw said: \"We nearly walked past.\"")])
    assert "Pellaby Rivington-Shaw" not in cast.everyone
    assert "Nora Pellaby" in cast.everyone


def test_a_pronoun_after_a_sentence_whose_subject_is_an_unmarked_name_stays_unresolved() -> None:
    # "Owen Prydderch was found ... by two volunteers ..., Ruth Ambrose and Dev Malhotra-Kerr, ..." / "He was cold,
    # exhausted and unable to stand": not "He [Dev Malhotra-Kerr]".
    run = prepare([ROOT / "tests" / "data" / "stories" / "riversearch"], load_options(date=dt.date(2026, 6, 24)))
    cold = [s.text for s in run.sentences if "was cold, exhausted" in s.text]
    assert cold and not any("[" in text for text in cold)
    texts = ["Tam Rivington-Shaw said he had joined the team two years ago.",
             "Ollie Brackwater was found at 7.40pm by two volunteers, Nora Pellaby and Tam Rivington-Shaw.",
             "He was cold and exhausted, police said."]
    sentences = [Sentence(0, k, k, text) for k, text in enumerate(texts)]
    assert name_referents(sentences)[2].text == texts[2]


def test_an_outlet_spoken_to_is_not_the_speaker_of_the_quotation() -> None:
    brief = _brief("riversearch", "2026-06-24")
    assert not any(q.speaker == "Radio Skelda" for q in brief.quotes)
    assert all(p.name != "Ambrose Malhotra-Kerr" for p in brief.people)


def test_a_lead_that_tells_its_news_after_the_event_that_brought_it_about_can_be_the_bottom_line() -> None:
    # "... will rise by 4.99% from April after the Mayor used her casting vote to pass the budget": not the Monday
    # preview "... face a council tax rise ... if councillors back the budget ... on Wednesday".
    line = _brief("budgetvote", "2026-02-27").bottom_line
    assert line is not None and "if councillors back" not in line.text
    assert "casting vote" in line.text
