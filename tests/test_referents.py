"""A paragraph's opening "He", "She", "His" or "Her" is named in brackets when the article leaves one person it can
stand for (briefer.referents), and left alone when in doubt."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.candidates import leans_back
from briefer.model import Sentence
from briefer.pipeline import build_brief
from briefer.referents import name_referents
from briefer.supersede import total_reached
from briefer.text import referred


def _sentences(*paragraphs: str) -> list[Sentence]:
    """One article's sentences, one paragraph per string, sentences split at ". " for the test's own text."""
    out: list[Sentence] = []
    for p, paragraph in enumerate(paragraphs):
        parts = [s if s.endswith((".", '"')) else s + "." for s in paragraph.split(". ")]
        out += [Sentence(doc=0, paragraph=p, position=len(out), text=t) for t in parts]
    return out


def _named(*paragraphs: str) -> str:
    return name_referents(_sentences(*paragraphs))[-1].text


def test_the_one_person_the_article_leaves_is_named_after_the_pronoun() -> None:
    assert _named("Rhian Tovey, 52, said she had run the ferry office for nine years",
                  "She will retire in June") == "She [Rhian Tovey] will retire in June."
    # a possessive, through a sentence that names no one but carries the pronoun
    assert _named("Callum Ferris, who owns the yard, was fined for the spill. Inspectors told him to fence the drains",
                  "His appeal will be heard in May") == "His [Callum Ferris’s] appeal will be heard in May."


@pytest.mark.parametrize("paragraphs", [
    # someone the article does not name stands closer: "his wife"
    ("Owain Pryce, 61, set out at dawn. He told his wife he would be home by noon",
     "She called the coastguard at 3pm when he had not come back"),
    # the pronoun's own sentence holds one of the other gender
    ("Rhian Tovey said she had warned the board", "She said he had ignored her"),
    # nothing says the person named is a "she"
    ("The harbour master, Sion Bryn, closed the slipway", "She said the tide had turned"),
    # two people of the pronoun's gender
    ("Ann Price told Mari Lloyd she would resign", "She left the meeting early"),
    # someone described, not named, is the sentence's subject: "The 34-year-old nurse"
    ("The 34-year-old nurse needs to beat the record set by Ella Brook, who said she would watch",
     "She will ride through the night"),
    # a surname two of the article's people share, and a title for someone else of it
    ("Nell Garvie said she was tired. Her brother, Rory Garvie, said he was proud",
     "Mrs Garvie, her mother, said she had not slept", "Her phone did not stop ringing"),
])
def test_nothing_is_inserted_when_the_pronoun_may_stand_for_someone_else(paragraphs: tuple[str, ...]) -> None:
    assert "[" not in _named(*paragraphs)


def test_a_place_or_firm_named_like_a_person_is_no_one_a_pronoun_stands_for() -> None:
    assert _named("Dennis Marlow, who runs Marlow Amusements, was found guilty at Brackwater Crown Court. "
                  "Jurors acquitted him of a third charge",
                  "He will be sentenced on 14 December") == "He [Dennis Marlow] will be sentenced on 14 December."


def test_a_sentence_within_a_paragraph_is_left_to_be_quoted_with_the_one_before() -> None:
    assert _named("Rhian Tovey, 52, said she had run the office for years. She will retire in June") == \
        "She will retire in June."


def test_the_named_sentence_reads_as_if_it_named_the_person() -> None:
    text = "Her [Nell Garvie’s] fundraising reached £48,000 on Thursday."
    assert referred(text) == "Nell Garvie’s fundraising reached £48,000 on Thursday."
    assert not leans_back(text) and leans_back("Her fundraising reached £48,000 on Thursday.")


def test_a_running_total_reached_later_overtakes_the_smaller_one() -> None:
    earlier = "Garvie's fundraising for the stroke club had passed £41,000 by Wednesday evening."
    later = "Her [Nell Garvie’s] fundraising for the stroke club reached £48,000 on Thursday."
    assert total_reached(later, earlier) and not total_reached(earlier, later)
    assert not total_reached("The council's appeal reached £48,000 on Thursday.", earlier)  # another total


def test_a_brief_prints_the_key_fact_a_pronoun_opened(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Rider sets record\n\nNell Garvie, 34, finished the 900-mile ride in two days and nine hours on Wednesday, "
        "beating the old record by five hours, and said she was exhausted.\n\n"
        "Her fundraising for the Tarrow Stroke Club reached £48,000 on Thursday, well over her target.\n",
        encoding="utf-8")
    brief = build_brief([tmp_path / "a.txt"])
    printed = [i.text for i in brief.items]
    assert "Her [Nell Garvie’s] fundraising for the Tarrow Stroke Club reached £48,000 on Thursday, well over her " \
           "target." in printed
