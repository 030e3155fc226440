"""briefer.people and briefer.quotes: who's who with roles as stated, and key quotes with resolved speakers."""

from __future__ import annotations

import datetime as dt

from briefer.config import load_options
from briefer.people import who_is_who
from briefer.pipeline import build_brief
from briefer.quotes import Said, key_quotes
from tests.helpers import ROOT

STORIES = ROOT / "tests" / "data" / "stories"
TEXTS = [
    (1, "Foreign Minister Lena Marsh met her counterpart, Omar Vidal, in Tallow on Monday."),
    (1, "Marsh said the talks had been useful."),
    (2, "Omar Vidal, the country's trade minister, called the meeting a fresh start."),
    (2, "\"We have agreed to meet again before the summer,\" Vidal told reporters."),
    (3, "Ms. Marsh has led the ministry since the election."),
    (3, "Northsea Ferries said its ships would keep sailing."),
    (1, "\"Nobody wants another winter like the last one,\" a spokesperson for the port said."),
    (2, "Vidal added that the customs rules would change. \"The queues at the border must end,\" he said."),
]


def test_full_names_roles_as_stated_and_importance() -> None:
    cast = who_is_who(TEXTS)
    people = {p.name: p for p in cast.people}
    assert list(people) == ["Omar Vidal", "Lena Marsh"]  # both named by two sources; Vidal more often
    assert people["Lena Marsh"].role == "Foreign Minister"
    assert people["Omar Vidal"].role == "the country's trade minister"
    assert people["Lena Marsh"].sources == (1, 3)
    assert cast.full_name("Vidal") == "Omar Vidal" and cast.full_name("Marsh") == "Lena Marsh"
    assert "Northsea Ferries" not in cast.everyone  # a firm that "said" something is not a person


def test_quotes_are_verbatim_with_full_speaker_names_and_every_printing_source() -> None:
    said = [Said(source, i, i, text) for i, (source, text) in enumerate(TEXTS)]
    said.append(Said(4, 99, 0, "\"We have agreed to meet again before the summer,\" the minister said on Monday."))
    quotes = {q.text: q for q in key_quotes(said, who_is_who(TEXTS))}
    again = quotes["We have agreed to meet again before the summer"]
    assert again.speaker == "Omar Vidal" and again.sources == (2, 4)
    assert quotes["The queues at the border must end"].speaker == "Omar Vidal"  # "he said" resolved
    unnamed = quotes["Nobody wants another winter like the last one"]
    assert unnamed.speaker == "" and unnamed.context == "a spokesperson for the port"
    for q in quotes.values():
        assert any(q.text in text for _, text in [*TEXTS, (4, said[-1].text)])


def test_a_story_where_no_quote_has_a_named_speaker_degrades_gracefully() -> None:
    brief = build_brief([STORIES / "ferry"], load_options(date=dt.date(2025, 11, 5)))
    assert brief.quotes and all(q.speaker == "" for q in brief.quotes)
    assert all(q.context for q in brief.quotes), "each says how the article introduces its speaker"
    assert brief.people == ()
    from briefer.deliver.render import to_markdown

    markdown = to_markdown(brief)
    assert "## Key quotes" in markdown and "## Who's who" not in markdown
    assert "(not named)" in markdown


def test_a_story_with_named_speakers_credits_roles() -> None:
    brief = build_brief([STORIES / "barrier"], load_options(date=dt.date(2025, 11, 5)))
    people = {p.name: p.role for p in brief.people}
    assert people["Marta Quell"] == "council leader" and people["Owen Tasker"] == "harbour master"
    speakers = {q.speaker for q in brief.quotes}
    # Each speaker's words are a key quote unless a section item already prints them (each sentence once:
    # briefer.once).
    items = [i.text for s in brief.sections for i in s.items]
    assert "Gwen Arlow" in speakers or any("said Gwen Arlow" in t for t in items)
    assert "Marta Quell" in speakers or any("Quell told the meeting" in t for t in items)


def test_the_sections_leave_the_best_quotations_to_the_quote_list() -> None:
    # The once-rule prints a fact where it first comes, and sections come first: before the best quotations
    # were kept for the quote list, the fountain story's sections used them up and the list held one.
    brief = build_brief([STORIES / "fountain"], load_options())
    assert len(brief.quotes) >= 3
    printed = [item.text for section in brief.sections for item in section.items]
    for quote in brief.quotes:
        assert not any(quote.text in text for text in printed), quote.text


def test_a_speaker_with_a_role_in_apposition_is_named() -> None:
    texts = [(1, "\"We were lucky that the last train had passed,\" said the operator's duty chief, Mira Solberg."),
             (2, "\"The nets will hold this spring,\" Mira Solberg, the operator's head of operations, told us."),
             (2, "Solberg said the line was safe.")]
    cast = who_is_who(texts)
    quotes = key_quotes([Said(source, i, i, text) for i, (source, text) in enumerate(texts)], cast)
    assert {q.text: q.speaker for q in quotes} == {"We were lucky that the last train had passed": "Mira Solberg",
                                                     "The nets will hold this spring": "Mira Solberg"}


def test_a_first_name_and_its_nickname_are_one_person() -> None:
    texts = [(1, "Robert Kessling said on Saturday that he would resign from Congress."),
             (2, "Bob Kessling told colleagues that he would step down in six months."),
             (2, "Kessling said the vote was a mistake."),
             (3, "Roberta Kessling, the senator for Ohio, said nothing.")]
    cast = who_is_who(texts)
    kesslings = sorted((p.name, p.sources) for p in cast.people if p.name.endswith("Kessling"))
    assert len(kesslings) == 2 and kesslings[1] == ("Roberta Kessling", (3,)), cast.people
    assert kesslings[0][0] in ("Bob Kessling", "Robert Kessling") and kesslings[0][1] == (1, 2), cast.people


def test_an_occupation_before_a_name_and_an_observatory_are_no_people() -> None:
    texts = [(1, "Volcanologist Ines Marrow of the Harth Observatory said the eruption could last for weeks."),
             (2, "Ines Marrow, of the Harth Observatory, said tremors had eased overnight."),
             (2, "Marrow said ash would keep the airport shut.")]
    names = [p.name for p in who_is_who(texts).people]
    assert names == ["Ines Marrow"], names


def test_a_district_named_lower_or_upper_is_a_place_not_a_person() -> None:
    # "Arnby" alone in every source had made "Lower Arnby" look like a person named in full once.
    texts = [(1, "Residents of Lower Arnby said the slope above the line had been moving for years."),
             (2, "Trains between Arnby and Bastvik were halted on Tuesday."),
             (3, "Trains between Arnby and Bastvik will run again from Saturday."),
             (3, "The council approved new drains on the hillside above Lower Arnby."),
             (1, "Tove Lind, the operator's head of infrastructure, said the slope was soaked."),
             (2, "Lind said crews would need a week.")]
    names = [p.name for p in who_is_who(texts).people]
    assert names == ["Tove Lind"], names


def test_a_role_before_a_name_stops_at_the_end_of_a_quotation() -> None:
    texts = [(1, "\"We have never seen a fire move this fast in August,\" fire chief Maren Holt told reporters."),
             (2, "Fire chief Maren Holt said the blaze was 40 percent contained.")]
    people = who_is_who(texts).people
    assert [(p.name, p.role.lower()) for p in people] == [("Maren Holt", "fire chief")], people


def test_a_former_role_keeps_its_qualifier_and_a_clause_after_a_name_is_no_role() -> None:
    texts = [(0, "The vote split the coalition of Prime Minister Arne Vik and former Prime Minister Lena Dahl."),
             (1, "Hours before the port hosted Trade Minister Paula Reyes, police hauled a local campaigner in for "
                 "questioning."),
             (2, "Lena Dahl, the ex-premier who leads the opposition, said she wanted a vote."),
             (3, "Arne Vik said the vote would come next week.")]
    people = {p.name: p.role for p in who_is_who(texts).people}
    assert people["Lena Dahl"] in ("former Prime Minister", "the ex-premier")
    assert people["Arne Vik"] == "Prime Minister"
    assert people.get("Paula Reyes", "") in ("", "Trade Minister")


def test_a_name_written_with_a_company_suffix_is_a_firm() -> None:
    texts = [(0, "The court cited Larsby Timber Co. vs. Holm Mills as a precedent."),
             (1, "In that case Larsby Timber, the owner of two sawmills, refused to sell to a rival."),
             (2, "Mira Sand, a lawyer for the firm, said it had done nothing wrong.")]
    names = [p.name for p in who_is_who(texts).people]
    assert "Larsby Timber" not in names
    assert "Mira Sand" in names


def test_who_said_it_after_a_name_ending_a_clause_is_no_role() -> None:
    texts = [(0, "The bank froze no accounts of the former dictator Olek Darn, a spokesman said on Wednesday."),
             (1, "Amara Quist, a deputy head of the Harbour Relief Fund said the money was spent."),
             (2, "Olek Darn, 82, was arrested in a clinic, police said."),
             (3, "Spanish magistrate Ilse Garde asked for the arrest of Olek Darn.")]
    roles = {p.name: p.role for p in who_is_who(texts).people}
    assert roles.get("Olek Darn") != "a spokesman"
    assert roles["Amara Quist"] == "a deputy head of the Harbour Relief Fund"
    assert roles["Ilse Garde"] == "Spanish magistrate"


def test_a_role_before_a_name_takes_no_verb_and_no_place_before_of() -> None:
    texts = [(0, "The parties agreed to a coalition government leaving strongman Olek Darn as sole premier."),
             (1, "A crowd gathered in Lindau of former dictator Ivo Marr, police said."),
             (2, "Olek Darn spoke first, and Ivo Marr was not there, said Secretary of State Lena Dahl.")]
    roles = {p.name: p.role for p in who_is_who(texts).people}
    assert roles["Olek Darn"] == "strongman"
    assert roles.get("Ivo Marr") in (None, "former dictator")
    assert roles["Lena Dahl"] == "Secretary of State"


def test_the_looks_before_the_patterns_compiled_per_role_miss_no_match() -> None:
    """Who's who searches its per-role possessive patterns only where their words are (`_may_own`, `_org_owner`):
    every possessive the patterns match, in any case re.IGNORECASE folds, passes the look."""
    import re

    from briefer.people import _may_own, _org_owner

    for word in ("its", "their", "his", "her", "ITS", "Their", "HİS", "ıts", "Hıs", "ITſ", "theır"):
        window = f"The club sacked {word} head coach "
        assert re.search(r"\b(its|their|his|her)\s+head coach,?\s*$", window, re.I), word
        assert _may_own(window), word
    assert not _may_own("The club sacked the head coach ")
    organisations = {"authority": "the Competition Authority"}
    for mark in ("'", "’"):
        assert _org_owner(f"said the authority{mark}s chair, ", "chair", organisations) == "the Competition Authority"
    assert _org_owner("said the authority chair ", "chair", organisations) == ""
    assert who_is_who([(1, "Harnby United have sacked their head coach Viktor Lund after six defeats.")]
                      ).roles["Viktor Lund"] == "head coach of Harnby United"
