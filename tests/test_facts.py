"""The same-fact rule (briefer.facts), the pair scorer (briefer.pairs) and `briefer eval-pairs`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli
from briefer.dedupe import SimilarityIndex
from briefer.facts import Facts, counts_differ, judge_pairs, profile
from briefer.lexicon import synonyms, synsets
from briefer.pairs import read_pairs, scores
from tests.helpers import ROOT, needs_shared, shared

STORY_PAIRS = ROOT / "tests" / "data" / "pairs" / "in-story.tsv"
MSRP = shared("eval", "msrp", "train.tsv")
CREW = "A fire broke out on the container ship Norda Vale on Monday night, forcing all 22 crew members to leave."
CREW_REWORDED = "All 22 crew members of the Norda Vale abandoned ship after a fire broke out aboard on Monday night."
CREW_20 = "A fire broke out on the container ship Norda Vale on Monday night, forcing 20 crew members to leave."


def test_a_rewording_is_the_same_fact_and_other_counts_are_not() -> None:
    assert judge_pairs([(CREW, CREW_REWORDED), (CREW, CREW_20)]) == [True, False]
    assert counts_differ(profile(CREW), profile(CREW_20))
    assert not counts_differ(profile(CREW), profile(CREW_REWORDED))


def test_unrelated_sentences_of_one_story_are_not_the_same_fact() -> None:
    other = "Investigators believe the fire on the Norda Vale started in a refrigerated container."
    assert judge_pairs([(CREW, other)]) == [False]


def test_a_named_speaker_absent_from_the_other_sentence_is_another_fact() -> None:
    # QA bug 4: a shopkeeper's fear was credited to a source that only gives the length of the works.
    baker = "Marta Pino, who runs a bakery on the street, said eighteen months without cars could ruin her shop."
    works = "Work on the Via Serra will close the street to cars for about eighteen months, the city said."
    reworded = "Eighteen months without cars could ruin her shop, said Marta Pino, who runs a bakery on the street."
    assert judge_pairs([(baker, works), (baker, reworded)]) == [False, True]


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_wordnet_synonyms_are_read_offline() -> None:
    assert synonyms("abandon", "forsak")  # stems of abandon / forsake
    assert not synonyms("abandon", "fire")


def test_facts_have_one_identity_whichever_member_is_asked_first() -> None:
    texts = [CREW, "The harbour authority closed the main channel on Tuesday while tugs held the ship.",
             CREW_REWORDED, CREW_20]
    facts = Facts(texts, SimilarityIndex.build(texts))
    assert facts.of(2) == facts.of(0)
    assert facts.of(1) != facts.of(0) and facts.of(3) != facts.of(0)
    assert set(facts.members(facts.of(0))) == {0, 2}


def test_the_in_story_pair_set_has_hard_negatives_from_five_stories() -> None:
    pairs = read_pairs(STORY_PAIRS)
    stories = (ROOT / "tests" / "data" / "pairs" / "facts.txt").read_text(encoding="utf-8").count("## story")
    assert len(pairs) >= 300 and stories >= 5
    assert sum(p.same for p in pairs) >= 100 and sum(not p.same for p in pairs) >= 200


def test_scores_are_fractions() -> None:
    s = scores([True, True, False, False], [True, False, True, False])
    assert (s.pairs, s.accuracy, s.precision, s.recall, s.f1) == (4, 0.5, 0.5, 0.5, 0.5)


def test_eval_pairs_prints_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "pairs.json"
    result = CliRunner().invoke(cli, ["eval-pairs", str(STORY_PAIRS), "--json", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("pairs", "accuracy", "precision", "recall", "f1"):
        assert name in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["pairs"] == len(read_pairs(STORY_PAIRS))
    assert all(0.0 <= data[k] <= 1.0 for k in ("accuracy", "precision", "recall", "f1"))


def test_eval_pairs_rejects_a_file_that_is_not_msrp_format(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval-pairs", str(bad)])
    assert result.exit_code == 2
    assert "bad.tsv" in result.output and "header" in result.output


@pytest.mark.quality
@needs_shared("eval", "msrp", "train.tsv")
@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_msrp_train_meets_the_targets() -> None:
    pairs = read_pairs(MSRP)
    s = scores(judge_pairs([(p.first, p.second) for p in pairs]), [p.same for p in pairs])
    assert s.accuracy >= 0.75 and s.f1 >= 0.83, s
