"""Tests for briefer.sentences: one small literal example per rule, the gold set, seeds, speed."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.errors import UsageError
from briefer.sentences import boundary_accuracy, main, read_gold, split_sentences
from tests.helpers import needs_shared, shared

GOLD = Path(__file__).parent / "data" / "boundaries.txt"
SEEDS = shared("seeds")
# The splitter must keep at least this share of the gold set's boundary decisions right.
MIN_ACCURACY = 0.99


def splits(text: str, expected: list[str]) -> None:
    """Assert `text` splits into exactly `expected`."""
    assert split_sentences(text) == expected


def test_plain_sentences_and_whitespace() -> None:
    splits("  The dam held.\n\tThe town\n was  spared.  ", ["The dam held.", "The town was spared."])


def test_empty_and_blank_paragraphs() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


def test_headline_without_final_punctuation_is_one_sentence() -> None:
    splits("Floods close schools across the valley", ["Floods close schools across the valley"])
    splits("The dam held. Town spared", ["The dam held.", "Town spared"])


@pytest.mark.parametrize("title", ["Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.",
                                   "Sgt.", "Prof."])
def test_titles_never_end_a_sentence(title: str) -> None:
    splits(f"The award went to {title} Halloran. She accepted.",
           [f"The award went to {title} Halloran.", "She accepted."])


def test_then_title_and_initials_in_names() -> None:
    splits("Then-Gov. Ward Pelletier met Antony J. Blinken and Daniel J. Kritenbrink. They talked.",
           ["Then-Gov. Ward Pelletier met Antony J. Blinken and Daniel J. Kritenbrink.", "They talked."])
    splits("The book is by J. R. R. Tolkien. It sold well.",
           ["The book is by J. R. R. Tolkien.", "It sold well."])


@pytest.mark.parametrize(
    "abbreviation", ["Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "U.S.", "U.K.", "U.N.", "E.U.", "St."]
)
def test_ambiguous_abbreviation_ends_a_sentence_before_a_starter(abbreviation: str) -> None:
    splits(f"The money went to Alden {abbreviation} He said so.", [f"The money went to Alden {abbreviation}",
                                                                   "He said so."])


def test_ambiguous_abbreviation_continues_before_a_name_or_lower_case() -> None:
    splits("Orrin Vale Corp. Chairman Felix Dunmore quit.", ["Orrin Vale Corp. Chairman Felix Dunmore quit."])
    splits("Pellworth Corp. co-founder Ada Krum spoke.", ["Pellworth Corp. co-founder Ada Krum spoke."])
    splits("The U.S. Navy and U.S. officials agreed.", ["The U.S. Navy and U.S. officials agreed."])
    splits("She moved to St. Cloud in 1990.", ["She moved to St. Cloud in 1990."])
    splits("Schools shut on Martin Luther King Jr. Day.", ["Schools shut on Martin Luther King Jr. Day."])


def test_back_to_the_us_then_a_new_sentence() -> None:
    splits("He flew back to the U.S. He said the talks went well.",
           ["He flew back to the U.S.", "He said the talks went well."])


def test_state_after_a_comma_ends_a_sentence() -> None:
    splits("Power failed in Tampa, Fla. Crews are at work.",
           ["Power failed in Tampa, Fla.", "Crews are at work."])
    splits("Crews in Tampa, Fla., are at work.", ["Crews in Tampa, Fla., are at work."])


def test_vs_etc_and_latin_abbreviations() -> None:
    splits("Pires vs. Okonkwo drew a crowd. Officials, e.g. Dunmore, came.",
           ["Pires vs. Okonkwo drew a crowd.", "Officials, e.g. Dunmore, came."])
    splits("It sells tents, boots, etc. and stoves.", ["It sells tents, boots, etc. and stoves."])
    splits("It sells tents, boots, etc. Its shops are in the Alps.",
           ["It sells tents, boots, etc.", "Its shops are in the Alps."])


def test_no_and_months_before_numbers() -> None:
    splits("She is ranked No. 1 after Sept. 11 and Jan. 5. It is official.",
           ["She is ranked No. 1 after Sept. 11 and Jan. 5.", "It is official."])
    splits("Voters said No. The measure failed.", ["Voters said No.", "The measure failed."])


@pytest.mark.parametrize(("text", "expected"), [
    ("The vote is at 9 a.m. The talks follow.", ["The vote is at 9 a.m.", "The talks follow."]),
    ("The vote is at 9 a.m. Friday in Oslo.", ["The vote is at 9 a.m. Friday in Oslo."]),
    ("It landed at 3 a.m. GMT on Monday.", ["It landed at 3 a.m. GMT on Monday."]),
    ("It ends at 5 p.m. Beijing time today.", ["It ends at 5 p.m. Beijing time today."]),
    ("It ended at 5 p.m. Officials left.", ["It ended at 5 p.m.", "Officials left."]),
])
def test_times_of_day(text: str, expected: list[str]) -> None:
    splits(text, expected)


def test_numbers_decimals_versions_and_clock_times() -> None:
    splits("Inflation hit 3.5 percent, or $1.2 billion, in v2.0 at 10:30. Then it fell.",
           ["Inflation hit 3.5 percent, or $1.2 billion, in v2.0 at 10:30.", "Then it fell."])
    splits("He was born in 1990. 2000 people came.", ["He was born in 1990.", "2000 people came."])


def test_list_numbers_do_not_end_a_sentence() -> None:
    splits("1. The first point is cost.", ["1. The first point is cost."])


def test_urls_emails_and_domains() -> None:
    splits("See www.nytimes.com or voanews.com today. Write to desk@example.org. Readers did.",
           ["See www.nytimes.com or voanews.com today.", "Write to desk@example.org.", "Readers did."])


def test_ellipses() -> None:
    splits("He paused... Then he left.", ["He paused...", "Then he left."])
    splits("He paused… Then he left.", ["He paused…", "Then he left."])
    splits("“We will … continue,” she said.", ["“We will … continue,” she said."])
    splits("It was a farce. … No one read it.", ["It was a farce. …", "No one read it."])
    splits("Rights were ignored. . . . Business came first.",
           ["Rights were ignored. . . .", "Business came first."])


@pytest.mark.parametrize("closer", ["\u2019", "\u201d", '"', "'", ")", "]"])  # right single/double quotes
def test_closing_quotes_and_brackets_stay_with_their_sentence(closer: str) -> None:
    splits(f"It was fine.{closer} The crowd left.", [f"It was fine.{closer}", "The crowd left."])


def test_questions_exclamations_and_attribution() -> None:
    splits("Will it reopen? Nobody knows! Engineers doubt it.",
           ["Will it reopen?", "Nobody knows!", "Engineers doubt it."])
    splits("“Is it over?” he asked. Nobody answered.", ["“Is it over?” he asked.", "Nobody answered."])
    splits("“Why now?” Ines Halloran asked. Nobody answered.", ["“Why now?” Ines Halloran asked.",
                                                               "Nobody answered."])
    splits("``Why now?'' asked a resident. Nobody answered.",
           ["``Why now?'' asked a resident.", "Nobody answered."])


def test_lower_case_after_a_full_stop_continues_the_sentence() -> None:
    splits("Shares of Alden Inc. rose. The U.S. embassy said so.", ["Shares of Alden Inc. rose.",
                                                                "The U.S. embassy said so."])


def test_camel_case_words_can_start_a_sentence() -> None:
    splits("Rivals launched phones. iPhone sales rose.", ["Rivals launched phones.", "iPhone sales rose."])


def test_colons_and_semicolons_never_end_a_sentence() -> None:
    splits("The agenda: roads; The budget: schools.", ["The agenda: roads; The budget: schools."])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ .?!…:;”\u2019\"')([“`-,1\n\tJUS")), max_size=80))
def test_splitting_loses_nothing_and_never_fails(text: str) -> None:
    sentences = split_sentences(text)
    assert " ".join(sentences) == " ".join(text.split())
    assert all(s and s == s.strip() for s in sentences)


def test_gold_boundary_accuracy() -> None:
    score = boundary_accuracy(read_gold(GOLD))
    print("\n" + score.summary())  # shown with `pytest -s`: the figure the lead reports
    assert score.decisions >= 400
    assert score.accuracy >= MIN_ACCURACY, "\n".join(score.errors)


def test_boundary_accuracy_counts_right_and_wrong_decisions() -> None:
    right = boundary_accuracy([("The dam held.", "Mr. Okafor left.")])
    assert (right.decisions, right.correct, right.precision, right.recall) == (2, 2, 1.0, 1.0)
    wrong = boundary_accuracy([("The dam held. The town was spared.",)])  # a gold that forbids the split
    assert (wrong.decisions, wrong.correct, wrong.predicted_boundaries, wrong.precision) == (1, 0, 1, 0.0)
    assert wrong.errors[0].startswith("spurious")


def test_read_gold_format(tmp_path: Path) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text("# comment\nOne. ||\nTwo.\n\n\nThree || Four.\n", encoding="utf-8")
    assert read_gold(gold) == [("One.", "Two."), ("Three", "Four.")]
    with pytest.raises(UsageError, match=r"missing\.txt"):
        read_gold(tmp_path / "missing.txt")


def test_main_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(GOLD)]) == 0
    assert "boundary accuracy" in capsys.readouterr().out
    assert main([]) == 2


@needs_shared("seeds")
def test_seed_articles_split_cleanly() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            sentences = split_sentences(paragraph)
            assert " ".join(sentences) == " ".join(paragraph.split())
            # Every sentence the splitter starts begins like one, and none ends on a title or initial.
            for before, after in itertools.pairwise(sentences):
                assert not after[0].islower(), (path.name, after)
                assert not before.endswith((" Mr.", " Ms.", " Dr.", " J.")), (path.name, before)
