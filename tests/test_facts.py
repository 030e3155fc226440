"""The same-fact rule (briefer.facts), the pair scorer (briefer.pairs) and `briefer eval-pairs`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.attached import causes_apart, negation_attached, possibility_reported, preview_attached
from briefer.cli import cli
from briefer.config import load_options
from briefer.dedupe import SimilarityIndex
from briefer.facts import (
    CONTEXT_MAX_DOCUMENTS,
    FIGURE_BUCKET,
    Facts,
    SameFact,
    _inert_difference,
    _unaligned,
    counts_differ,
    day_against_last_elsewhere,
    durations,
    durations_apart,
    figure_and_time_apart,
    figures_of,
    judge_pairs,
    names_swapped,
    opposite,
    preview_then_past,
    profile,
    residue,
    states_differ,
    substituted,
    tallies_apart,
    times_opposite,
)
from briefer.lexicon import synonyms, synsets
from briefer.pairs import read_pairs, scores
from briefer.pipeline import build_brief
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


def test_decisions_made_ahead_group_as_the_rule_does_without_asking_it_again() -> None:
    texts = [CREW, "The harbour authority closed the main channel on Tuesday while tugs held the ship.",
             CREW_REWORDED, CREW_20]
    index = SimilarityIndex.build(texts)
    decided = Facts(texts, index).decisions([2, 0, 3])  # as a forked child computes them (briefer.pipeline)
    assert decided and all(isinstance(same, bool) for same in decided.values())

    class Unasked(SameFact):
        def same(self, a: str, b: str, cosine: float, idf: object) -> bool:  # type: ignore[override]
            raise AssertionError(f"asked again: {a!r} / {b!r}")

    facts = Facts(texts, index, Unasked())
    facts.learn(decided)
    assert facts.of(2) == facts.of(0) != facts.of(3)
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


# Substitutions (issue 12, item 2): the same words about another fact. Our own sentences.
POWER = "Nearly 5,000 households lost power after the storm hit the coast on Friday."


@pytest.mark.parametrize(("other", "slot"), [
    ("Nearly 500 households lost power after the storm hit the coast on Friday.", "figure_one"),
    ("Nearly 5,000 households lost power after the storm hit the coast on Sunday.", "time"),
    ("Nearly 5,000 households could lose power if the storm hits the coast on Friday.", "preview_report"),
])
def test_a_substituted_figure_day_or_preview_is_another_fact(other: str, slot: str) -> None:
    r = residue(profile(POWER), profile(other))
    assert getattr(r, slot) and r.rest == 0 and substituted(r)
    assert judge_pairs([(POWER, other)]) == [False]


def test_a_rewording_with_the_same_details_is_not_a_substitution() -> None:
    reworded = "The storm hit the coast on Friday, and nearly 5,000 households lost power."
    r = residue(profile(POWER), profile(reworded))
    assert not (r.figure_one or r.time or r.negation or r.preview_report) and not substituted(r)
    assert judge_pairs([(POWER, reworded)]) == [True]


def test_opposite_outcomes_are_other_facts_unless_a_negation_turns_one_round() -> None:
    approved = "The regional assembly approved the new fishing quotas on Wednesday."
    rejected = "The regional assembly rejected the new fishing quotas on Wednesday."
    assert states_differ(profile(approved), profile(rejected))
    assert judge_pairs([(approved, rejected)]) == [False]
    # "will not reopen" is "stays closed": no veto.
    assert not states_differ(profile("The museum will stay closed until Friday."),
                             profile("The museum will not reopen before Friday."))


def test_a_copy_with_an_inert_difference_skips_the_profile_but_not_the_speaker_check() -> None:
    a = "The ferry left the harbour an hour late because of fog, the operator said."
    assert _inert_difference(a, a.replace("the operator said", "the operator says"))
    assert not _inert_difference(a, a.replace("an hour", "two hours"))
    assert not _inert_difference(a, a.replace("left", "will leave"))


@pytest.mark.quality
@needs_shared("eval", "msrp", "train.tsv")
def test_the_substitution_veto_costs_msrp_few_same_pairs() -> None:
    # Measured before adopting it (docs/quality.md): MSRP's judges call many detail changes "same", so a veto
    # that rejected more than half a percent of their "same" pairs would cost the published comparison.
    pairs = read_pairs(MSRP)
    same = [p for p in pairs if p.same]
    rejected = sum(substituted(residue(profile(p.first), profile(p.second))) for p in same)
    assert rejected <= 0.005 * len(same), rejected


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_the_in_story_pairs_keep_the_measured_level() -> None:
    # A guard, not the target: issue 12 asks for F1 >= 0.9 here and the rule scores 0.756 (docs/quality.md says
    # why no rule we found meets it together with MSRP). Precision was 0.497 before the substitution veto,
    # 0.569 before the attached negation and preview vetoes and the wider outcome groups, and 0.654 before the
    # fourth round (lemmas, derived forms, figures as numbers, last / next, a dropped plan, a preview of the day,
    # another cause), F1 0.692 before WordNet's phrases were aligned (fifth round), and 0.701 (precision 0.688)
    # before the sixth round's vetoes (durations, votes, names swapped, a possibility against its report), and
    # 0.756 (precision 0.792) before the seventh round's second candidate path (a figure both sentences give).
    pairs = read_pairs(STORY_PAIRS)
    s = scores(judge_pairs([(p.first, p.second) for p in pairs]), [p.same for p in pairs])
    assert s.f1 >= 0.78 and s.precision >= 0.79, s


def test_the_held_out_pairs_keep_the_measured_level() -> None:
    # A story of our own written after the seventh round's variants were measured and never used to choose a
    # rule (docs/quality.md): the rule's figure on copy it was not read against. The museum: F1 0.563 (P 0.643,
    # R 0.500) before the seventh round's figure path, 0.606 (P 0.667, R 0.556) with it; the ferry strike, written
    # after the museum and scored before the figure path was built: 0.378 (P 0.368, R 0.389), then 0.571 (P 0.500,
    # R 0.667); 0.615 (P 0.571) with the eighth round's veto of a figure and a time apart at once and talks broken
    # down against talks resumed. From the eighth round on, all these sets are development sets (their errors were
    # read).
    for name, f1, precision in (("held-out.tsv", 0.606, 0.666), ("held-out-2.tsv", 0.615, 0.571)):
        pairs = read_pairs(ROOT / "tests" / "data" / "pairs" / name)
        assert len(pairs) == 47 and sum(p.same for p in pairs) == 18
        s = scores(judge_pairs([(p.first, p.second) for p in pairs]), [p.same for p in pairs])
        assert s.f1 >= f1 and s.precision >= precision, (name, s)
    # Pairs from the eleventh editor round's stories (36, 18 "same"), written before the figure path was merged:
    # F1 0.514 (P 0.529, R 0.500) with it and without; 0.625 (P 0.714, R 0.556) with the eighth round's shares in
    # words, figure and time apart, and announced attempts.
    pairs = read_pairs(ROOT / "tests" / "data" / "pairs" / "held-out-3.tsv")
    assert len(pairs) == 36 and sum(p.same for p in pairs) == 18
    s = scores(judge_pairs([(p.first, p.second) for p in pairs]), [p.same for p in pairs])
    assert s.f1 >= 0.625 and s.precision >= 0.714, s


# Details attached to the aligned core (briefer.attached). Our own sentences.
PITCH = "The club said it would pay for the new pitch at the stadium."


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
@pytest.mark.parametrize(("other", "vetoed"), [
    ("The club said it would not pay for the new pitch at the stadium.", True),  # the aligned verb is negated
    ("The club refused to pay for the new pitch at the stadium.", True),
    ("The club said it would pay for the new pitch, which will not be ready before May.", False),  # a side clause
    ("The club, which did not comment further, said it would pay for the new pitch.", False),
    ("The club said it would not only pay for the new pitch but also for the stands.", False),  # not a negation
])
def test_a_negation_vetoes_only_when_it_governs_a_word_in_the_same_place(other: str, vetoed: bool) -> None:
    assert negation_attached(PITCH, other) is vetoed


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
@pytest.mark.parametrize(("preview", "report", "vetoed"), [
    ("The minister will meet the union leaders in Lund on Friday.",
     "The minister met the union leaders in Lund on Friday for three hours.", True),
    ("About 200 farmers are expected to protest outside the ministry.",
     "About 200 farmers protested outside the ministry.", True),
    ("The regulator said it might open an inquiry into the ferry operator.",  # a passive report of it
     "An inquiry into the ferry operator has been opened by the regulator.", True),
    ("The minister may have met the union leaders in Lund on Friday.",  # "may have met" tells a past
     "The minister met the union leaders in Lund on Friday.", False),
    ("The minister said the talks would resume in Lund.",  # "would resume" and "resumed in" are not in one place
     "Talks resumed in Lund after the minister called the union leaders.", False),
])
def test_a_preview_vetoes_only_against_a_report_of_the_same_verb(preview: str, report: str, vetoed: bool) -> None:
    assert preview_attached(preview, report) is vetoed
    assert preview_attached(report, preview) is vetoed


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_the_attached_vetoes_keep_rewordings_and_reject_the_hard_negatives() -> None:
    passive = "The new pitch at the stadium would be paid for by the club, it said."
    assert judge_pairs([(PITCH, PITCH.replace("would pay", "would not pay")), (PITCH, passive)]) == [False, True]


def test_wider_outcome_groups_tell_fewer_from_extended_and_injuries_from_deaths() -> None:
    assert opposite("The pool will open for fewer hours on Sundays.",
                    "Opening hours at the pool will be extended on Sundays.")
    assert opposite("The firm said it knew of four minor injuries linked to the fault.",
                    "The firm said it knew of four deaths linked to the fault.")
    assert not opposite("The pool will open for fewer hours on Sundays.",
                        "Sunday opening hours at the pool will be reduced.")


# Issue 12, fourth round: lemma alignment, figures read as numbers, last against next, a plan dropped, a preview
# and a report of one day. Our own sentences.
def test_figures_are_read_as_numbers_and_dates_times_and_ages_are_not_figures() -> None:
    assert profile("Sales reached 1.76bn, up from 1,2 million.").values == {1.76e9, 1.2e6}
    assert profile("Ninety-five percent of the boats are back.").values == {95.0}
    assert profile("The ferry left at 2:40 a.m. on July 30 with a 27-year-old captain.").values == frozenset()
    assert profile("The ferry carried 4,000 passengers.").values == {4000.0}


def test_irregular_forms_align_through_their_lemmas() -> None:
    assert {"fall", "meet"} <= profile("Sales fell after the ministers met.").content


def test_last_month_against_next_month_is_another_fact() -> None:
    later = "Owners can have the mirror replaced for free at dealers starting next month."
    earlier = "Dealers replaced the mirror free of charge last month."
    assert times_opposite(profile(later), profile(earlier))
    assert not times_opposite(profile(later), profile(later.replace("next month", "from May")))
    assert judge_pairs([(later, earlier)]) == [False]


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_a_dropped_plan_is_a_negation_but_a_dropped_price_is_not() -> None:
    plan = "The council set aside money to build the cycle bridge over the river."
    assert negation_attached(plan, "The council drops the plan to build the cycle bridge over the river.")
    assert not negation_attached("Shares fell 3 percent after the council meeting.",
                                 "Shares dropped 3 percent after the council meeting.")


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_a_preview_and_a_report_of_the_same_day_are_other_facts_without_aligned_neighbours() -> None:
    assert preview_attached("Harlow parish council will vote on the new car park on Monday.",
                            "Parish councillors in Harlow voted 9 to 4 on Monday to build the car park.")
    assert not preview_attached("Harlow parish council will vote on the new car park on Monday.",
                                "Parish councillors in Harlow voted 9 to 4 on Friday to build the car park.")


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_the_same_outcome_for_another_cause_is_another_fact() -> None:
    merger = "Harbour Line shares fell 6 percent in Oslo after the merger was called off."
    assert causes_apart(merger, "Harbour Line shares fell 6 percent in Oslo after the chairman resigned.")
    assert not causes_apart(merger, "After the merger was cancelled, Harbour Line shares lost 6 percent in Oslo.")
    assert not causes_apart(merger, "Harbour Line shares fell 6 percent in Oslo on Monday.")  # one cause only


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_derived_forms_align_a_verb_with_its_noun() -> None:
    a = profile("The state has stopped subsidising the ferry line.")
    b = profile("The state has ended its subsidies for the ferry line.")
    assert "subsidis" not in _unaligned(a, b)
    assert "subsidis" in _unaligned(a, profile("The state has ended its support for the ferry line."))


def test_a_preview_and_a_report_dated_last_month_are_other_facts() -> None:
    preview = profile("Ferry crews will hold safety drills in the harbour every month.")
    assert preview_then_past(preview, profile("Ferry crews held safety drills in the harbour last month."))
    assert not preview_then_past(preview, profile("Ferry crews held safety drills in the harbour."))


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_a_wordnet_phrase_aligns_with_its_one_word_synonym() -> None:
    # Issue 12, fifth round: "called back" is a WordNet lemma of "recall"'s synset. Our own sentences.
    recalling = "Brova is recalling 12,000 kettles because a faulty switch may overheat."
    called_back = "Some 12,000 Brova kettles are being called back over a switch that might overheat."
    assert "recal" not in _unaligned(profile(recalling), profile(called_back))
    assert judge_pairs([(recalling, called_back)]) == [True]


# Issue 12, sixth round: two details the rule left to the model. Our own sentences.
def test_durations_far_apart_are_other_facts() -> None:
    long_talks = "The rail union and the operator held three hours of talks in Brenna on Friday."
    short_meeting = "The rail union met the operator in Brenna on Friday for 20 minutes."
    assert durations(long_talks) == {180.0}
    assert durations("It was called off 40 minutes before lift-off, two days after the test.") == frozenset()
    assert durations_apart(long_talks, short_meeting)
    assert not durations_apart(long_talks, "The rail union met the operator in Brenna on Friday for 3 hours.")
    assert not durations_apart("The works lasted 30 days.", "The works lasted 15 days.")  # twice: rounding, MSRP
    assert judge_pairs([(long_talks, short_meeting)]) == [False]


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
@pytest.mark.parametrize(("maybe", "report", "vetoed"), [
    ("About 400 dockers are expected to protest outside the port office on Friday.",
     "Some 400 dockers demonstrated in front of the port office on Friday.", True),  # a synonym, another place
    ("The ombudsman said she might open an inquiry into the operator that runs the ferry.",
     "An inquiry into the firm that runs the ferry has been opened by the ombudsman.", True),
    ("The army said it would send engineers if the dyke gave way.",
     "The army sent 200 engineers to shore up the dyke.", True),
    ("The army said it will send engineers to shore up the dyke.",  # "will": MSRP's judges call such pairs the same
     "The army sent 200 engineers to shore up the dyke.", False),
    ("Analysts said the figures raised the odds that the bank might reduce rates in May.",
     "Analysts said the figures raised the odds of a rate cut in May.", False),  # "cut" is a noun here
])
def test_a_possibility_is_another_fact_than_its_report(maybe: str, report: str, vetoed: bool) -> None:
    assert possibility_reported(maybe, report) is vetoed
    assert possibility_reported(report, maybe) is vetoed


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_the_rule_no_longer_takes_a_possibility_for_its_report() -> None:
    # Both pairs were "same" before the sixth round.
    assert judge_pairs([("About 400 dockers are expected to protest outside the port office on Friday.",
                         "Some 400 dockers demonstrated in front of the port office on Friday."),
                        ("The army said it would send engineers if the dyke gave way.",
                         "The army sent 200 engineers to shore up the dyke.")]) == [False, False]


def test_votes_apart_are_other_facts() -> None:
    a = "Councillors in Brenna voted 21 to 9 on Monday to close the old pool."
    b = "Brenna's council decided by 18 votes to 12 on Monday to close the old pool."
    assert tallies_apart(a, b) and not tallies_apart(a, "The pool will close after a 21 to 9 vote in Brenna.")
    assert not tallies_apart("Numbers rose from 1,540 in 2001 to 416 last year.", "They fell from 317 in 2001 to 182.")
    assert judge_pairs([(a, b)]) == [False]


def test_what_is_going_on_is_another_fact_than_last_years_report() -> None:
    now = "Harlow Vans is recalling 9,000 vans because a brake hose may leak."
    then = "Harlow Vans recalled 9,000 vans last year because of a leaking brake hose."
    assert preview_then_past(profile(now), profile(then))
    assert not preview_then_past(profile(now), profile("Harlow Vans recalled 9,000 vans because a brake hose leaks."))


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_a_possibility_meets_its_report_in_a_phrase() -> None:
    # "came down" is a WordNet phrase of "fall"
    assert possibility_reported("Forecasters said up to 90 millimetres of rain could fall on the hills by night.",
                                "By night some 90 millimetres of rain came down on the hills.")


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_the_same_words_about_other_people_are_another_fact() -> None:
    a = "Okafor thanked Brenna's mayor for the new ferry link."
    b = "Lindqvist thanked Tarvik's mayor for the new ferry link."
    pa, pb = profile(a), profile(b)
    assert names_swapped(a, b, pa, pb, residue(pa, pb))
    respelt = "Okafur thanked Brenna's mayor for the new ferry link."  # a respelling, not another man
    assert not names_swapped(a, respelt, pa, profile(respelt), residue(pa, profile(respelt)))
    assert judge_pairs([(a, b)]) == [False]


def test_a_weekday_against_last_year_elsewhere_is_another_fact() -> None:
    a = "A fire broke out on the ferry Solvik at the quay in Brenna on Sunday night, and all 40 passengers got off."
    b = "A fire broke out on the ferry Maren at the quay in Brenna last year, and all 40 passengers got off."
    pa, pb = profile(a), profile(b)
    assert day_against_last_elsewhere(pa, pb, residue(pa, pb))
    c = "A fire broke out on the ferry Solvik at the quay in Brenna last year, and all 40 passengers got off."
    assert not day_against_last_elsewhere(pa, profile(c), residue(pa, profile(c)))  # the same ship: left to the model
    assert judge_pairs([(  # "same" before the sixth round
        "A blaze broke out on the freighter Solvik in the harbour of Brenna on Sunday night, forcing all 14 deckhands "
        "to leave the ship.",
        "A blaze broke out on the trawler Maren in the harbour of Brenna last year, forcing all 14 deckhands to leave "
        "the ship.")]) == [False]


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_a_negated_outcome_says_its_opposite() -> None:
    shut = "Ferries across the sound will stay suspended until Monday."
    # "not resume" aligns with "suspended" (STATES); without the negation they are opposite outcomes
    assert judge_pairs([(shut, "Ferry crossings of the sound will not resume before Monday."),
                        (shut, "Ferry crossings of the sound will resume on Monday.")]) == [True, False]


# The second candidate path (issue 12, seventh round): a figure both sentences give brings a rewording below the
# cosine gate to the model. Our own sentences.
ARRESTS = ("Police arrested 12 protesters outside the ministry on Friday.",
           "Officers detained 12 demonstrators in front of the ministry on Friday.")
OUTAGE = ("The storm cut power to 8,000 homes in the valley.",
          "Some 8,000 households in the valley lost electricity during the gale.")


def test_a_shared_figure_brings_a_rewording_below_the_cosine_gate_to_the_model() -> None:
    # Both below the cosine gate (0.29, 0.26): "not same" before the figure path.
    assert judge_pairs([ARRESTS, OUTAGE]) == [True, True]
    assert judge_pairs([(ARRESTS[0], "A bus overturned on the ring road on Friday, injuring 12 people.")]) == [False]


def test_a_figure_that_many_sentences_give_is_no_candidate_in_a_brief() -> None:
    others = ["The council approved a new cycle lane on Harbour Street.", "Rain is forecast for the weekend."]
    texts = [*OUTAGE, *others]
    facts = Facts(texts, SimilarityIndex.build(texts))
    assert facts.of(1) == facts.of(0)
    common = [f"Ticket {k} of 8,000 for the harbour concert number {k} was sold online." for k in range(FIGURE_BUCKET)]
    texts = [*OUTAGE, *others, *common]
    facts = Facts(texts, SimilarityIndex.build(texts))
    assert facts.of(1) != facts.of(0)


# Issue 12, eighth round. Our own sentences.
@pytest.mark.parametrize(("text", "figures"), [
    ("The lira fell half a per cent against the dollar.", {0.5}),
    ("The lira fell 0.5% against the dollar.", {0.5}),
    ("The fund cut its rate by a quarter of a percentage point.", {0.25}),
    ("The fund cut its rate by 25 basis points.", {0.25}),
    ("About seven in ten voters backed the plan.", {70.0}),
    ("Two thirds of the flats were empty.", {66.67}),
    ("Half of the buses were late.", {50.0}),
    ("The talks lasted half an hour.", set()),  # a duration, no share
    ("Sales rose in the third quarter of 2025.", set()),  # a period, no share
])
def test_shares_written_as_words_are_read_as_figures(text: str, figures: set[float]) -> None:
    assert figures_of(text) == figures


def test_no_share_starts_at_a_token_that_is_no_figure_start() -> None:
    """`_values` passes over a token that neither starts with a digit nor is in `_FIGURE_STARTS` without asking
    `_share` (issue 12, eleventh round): no share may start there, whatever follows it."""
    from briefer import facts

    tails = sorted({*facts._NUMBER_WORDS, *facts._TENS, *facts._NUMERATORS, *facts._FRACTIONS, *facts._SCALES,
                    *(w for unit in facts._POINTS for w in unit), "half", "in", "of", "basis", "points", "7", "the"})
    starts = [*tails, "said", "halves", "quarterly", "thirds", "ones", "Seven", "hundreds"]
    passed = [w for w in starts if not (w[0].isdecimal() or w in facts._FIGURE_STARTS)]
    assert "thirds" in passed and "per" in passed
    for w in passed:
        for a in tails:
            for b in tails:
                assert facts._share([w, a, b, "of", "a", "point"], 0) is None, (w, a, b)
    assert facts._values(["sixty", "five", "thirds", "a", "point"]) == {65.0}


def test_a_share_in_words_is_no_figure_apart_from_its_digits() -> None:
    a = "The board cut the deposit rate by a quarter of a percentage point to 3.5 per cent."
    b = "The board cut the deposit rate by 25 basis points to 3.5 per cent."
    assert not residue(profile(a), profile(b)).figure_one  # "figure on one side" before this round
    assert not residue(profile("Its bid of $81.5 million was the highest."),
                       profile("Its bid of $81.5 was the highest.")).figure_one  # the same digits


def test_another_figure_on_another_day_is_another_fact() -> None:
    a = "Dock workers in Halvern began a 48-hour walkout on Monday, halting all cargo handling at the port."
    b = "Dock workers in Halvern staged a 24-hour walkout in June, halting cargo handling at the port."
    pa, pb = profile(a), profile(b)
    assert figure_and_time_apart(a, b, residue(pa, pb))
    assert judge_pairs([(a, b)]) == [False]  # "same" before this round (p 0.74)
    c = "Dock workers in Halvern staged a 48-hour walkout on Monday, which stopped cargo handling at the port."
    assert not figure_and_time_apart(a, c, residue(pa, profile(c)))
    assert judge_pairs([(a, c)]) == [True]
    # offsets date the event: no figure apart
    d = "The first attempt to launch the probe was scrubbed on Tuesday, 40 minutes before lift-off."
    e = "The probe was launched on Thursday, two days after the first attempt was scrubbed."
    assert not figure_and_time_apart(d, e, residue(profile(d), profile(e)))


# The context path (issue 12, eighth round): two articles' sentences beside the same fact. Our own sentences.
DERAILED = (["A freight train left the rails near Dunmore on Monday morning, blocking the main line to the coast.",
             "The driver, who was alone in the cab, was unharmed.",
             "Engineers expect the line to reopen on Thursday."],
            ["A freight train came off the rails near Dunmore on Monday morning and blocked the line to the coast.",
             "Its driver was uninjured, the rail company said in a statement.",
             "A crane will lift the wagons back onto the track."])


def test_a_rewording_beside_the_same_fact_in_two_articles_is_the_same_fact() -> None:
    texts = [*DERAILED[0], *DERAILED[1]]
    places = [(0, k) for k in range(3)] + [(1, k) for k in range(3)]
    index = SimilarityIndex.build(texts)
    # cosine 0.20, p 0.36: below the rule's bar on its own
    alone = Facts(texts, index)
    assert alone.of(1) != alone.of(4)
    facts = Facts(texts, index, places=places)
    assert facts.of(1) == facts.of(4)
    assert facts.of(2) != facts.of(5)  # beside the same fact too, but no rewording of it
    # the same sentences in one article: no context path
    one = Facts(texts, index, places=[(0, k) for k in range(6)])
    assert one.of(1) != one.of(4)


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
@pytest.mark.parametrize(("maybe", "vetoed"), [
    ("Okafor will try to cross the strait on Saturday.", True),  # an attempt announced
    ("Analysts expect Okafor to cross the strait on Saturday.", True),  # an expectation, its object between
    ("Okafor tried to cross the strait on Saturday.", False),  # an attempt told: MSRP's judges call it the outcome
])
def test_an_announced_attempt_is_another_fact_than_its_outcome(maybe: str, vetoed: bool) -> None:
    assert possibility_reported(maybe, "Okafor crossed the strait on Saturday.") is vetoed


def test_talks_that_broke_down_are_not_talks_resumed() -> None:
    assert opposite("Union leaders said the pay talks would resume on Friday.",
                    "Union leaders said the pay talks broke down on Friday.")
    assert opposite("The pay talks collapsed on Friday.", "The pay talks resumed on Friday.")


@pytest.mark.skipif(not synsets(), reason="WordNet (Debian wordnet-base) is not installed")
def test_a_brief_tells_a_rewording_beside_the_same_fact_once() -> None:
    # The derailment's driver (cosine 0.21, p 0.35) and the heat story's hospitals (0.42, 0.28): each printed twice,
    # once per source, before the context path.
    for story, first, second in (("derailment", "walked away uninjured", "driver was unhurt"),
                                 ("heat", "sharp rise in patients", "growing number of people")):
        brief = build_brief([ROOT / "tests" / "data" / "stories" / story], load_options())
        items = [i for s in brief.sections for i in s.items]
        assert [len(i.sources) for i in items if first in i.text] == [2], story
        assert not any(second in i.text for i in items), story


def test_the_context_path_reads_one_storys_articles_not_a_firehose() -> None:
    texts = [*DERAILED[0], *DERAILED[1], *(f"Filler line number {k}." for k in range(CONTEXT_MAX_DOCUMENTS))]
    index = SimilarityIndex.build(texts)
    pair = [(0, k) for k in range(3)] + [(1, k) for k in range(3)]
    story = Facts(texts, index, places=[*pair, *((2, k) for k in range(CONTEXT_MAX_DOCUMENTS))])
    assert story.of(1) == story.of(4)
    # the fillers as articles of their own: more articles than one story has, no context path
    firehose = Facts(texts, index, places=[*pair, *((2 + k, 0) for k in range(CONTEXT_MAX_DOCUMENTS))])
    assert firehose.of(1) != firehose.of(4)
