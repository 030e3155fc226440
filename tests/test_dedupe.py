"""Near-duplicate detection thresholds on sentences written for these tests."""

from __future__ import annotations

from briefer.dedupe import SAME_FACT, SimilarityIndex, near_duplicates_of

TEXTS = [
    "The river burst its banks in Eastbrook on Tuesday, forcing about 600 residents from their homes.",
    "The river burst its banks in Eastbrook on Tuesday, forcing some 600 residents out of their homes.",
    "Schools in Eastbrook will stay closed until Friday while buildings are checked.",
]


def test_wire_copies_are_the_same_fact_and_other_facts_are_not() -> None:
    index = SimilarityIndex.build(TEXTS)
    sims = index.similar([0])[0]
    assert sims[1] >= SAME_FACT
    assert sims[2] < SAME_FACT


def test_known_facts_mask_their_near_duplicates() -> None:
    index = SimilarityIndex.build(TEXTS)
    known = "About 600 residents were forced from their homes when the river burst its banks in Eastbrook on Tuesday."
    mask = near_duplicates_of(index, [known])
    assert mask.tolist() == [True, True, False]
    assert not near_duplicates_of(index, []).any()


def test_texts_without_content_words_do_not_crash() -> None:
    index = SimilarityIndex.build(["The.", "And it was."])
    assert index.similar([0]).shape == (1, 2)
