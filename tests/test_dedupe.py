"""Near-duplicate detection thresholds on sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from briefer.dedupe import SAME_FACT, SimilarityIndex, near_duplicates_of
from briefer.text import content_stems

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


def test_vectors_equal_scikit_learns_tfidf() -> None:
    # The index builds sklearn's TfidfVectorizer(sublinear_tf=True) itself, to keep sklearn out of start-up.
    text = pytest.importorskip("sklearn.feature_extraction.text")
    texts = [*TEXTS, "Schools, schools and more schools stayed closed in Eastbrook.", "The.", ""]
    reference = text.TfidfVectorizer(analyzer=content_stems, sublinear_tf=True).fit(texts)
    index = SimilarityIndex.build(texts)
    expected = (reference.transform(texts) @ reference.transform(texts).T).toarray()
    assert np.allclose(index.similar(range(len(texts))), expected, atol=1e-6)
    outside = ["Eastbrook schools reopen on Friday.", "Words never seen before.", ""]
    expected_outside = (reference.transform(outside) @ reference.transform(texts).T).toarray()
    assert np.allclose(index.similar_to(outside), expected_outside, atol=1e-6)


def test_texts_without_any_content_word_count_as_one_fact() -> None:
    # As scikit-learn's fallback did: with nothing to compare, every text is alike.
    index = SimilarityIndex.build(["The.", "And it was."])
    assert index.similar([0]).tolist() == [[1.0, 1.0]]
    assert index.similar_to(["Anything at all."]).tolist() == [[1.0, 1.0]]
