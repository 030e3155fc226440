"""Near-duplicate detection thresholds on sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

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


def _random_texts(count: int, seed: int) -> list[str]:
    """Made-up words, a few common and most rare (Zipf), so that both ways `neighbours` sums terms are used."""
    rng = np.random.default_rng(seed)
    syllables = ["ka", "lo", "mi", "ru", "te", "san", "vor", "qui", "bel", "dun"]
    vocabulary = sorted({a + b + c for a in syllables for b in syllables for c in syllables})[:400]
    texts = []
    for _ in range(count):
        picks = np.minimum(rng.zipf(1.3, size=int(rng.integers(1, 25))), len(vocabulary)) - 1
        texts.append(" ".join(vocabulary[p] for p in picks) + ".")
    texts[5] = "The."  # no content word
    texts[6] = texts[7]  # a copy
    return texts


@pytest.mark.parametrize("seed", [1, 2])
def test_neighbours_are_the_rows_similar_finds(seed: int) -> None:
    # `neighbours` sums most cosines in another order and only those near the threshold as `similar` does: the
    # rows must be the same, ties at the threshold included.
    index = SimilarityIndex.build(_random_texts(1500, seed))
    rows = [*range(0, 1500, 5), 6, 7, 5]
    cosines = index.similar(rows)
    ties = [float(cosines[0][cosines[0] > 0.2].min()), float(np.median(cosines[2][cosines[2] > 0]))]
    for threshold in [0.3, SAME_FACT, 0.9, *ties]:
        found = index.neighbours(rows, threshold)
        assert [sorted(row.tolist()) for row in found] == [np.flatnonzero(c >= threshold).tolist() for c in cosines]
    assert index.neighbours([], SAME_FACT) == []


def _index_of(rows: np.ndarray) -> SimilarityIndex:
    """An index of the given weight rows as they are (rows x terms)."""
    matrix = sparse.csr_matrix(rows.astype(np.float32))
    return SimilarityIndex({str(t): t for t in range(rows.shape[1])}, np.ones(rows.shape[1]), matrix,
                           matrix.T.tocsr())


def test_a_cosine_that_ties_the_threshold_is_summed_as_similar_sums_it() -> None:
    # Two rows share a rare term, a common one (in every row) and a second rare one; summed in `similar`'s order
    # (terms 0, 1, 2) their cosine ties the threshold, summed common term first it falls short by a rounding.
    rng = np.random.default_rng(0)
    for _ in range(10_000):
        a0, a2, b0, b2 = rng.random(4).astype(np.float32)
        rows = np.zeros((200, 3), dtype=np.float32)
        rows[:, 1] = 1.0
        rows[0] = [a0, 0.5, a2]
        rows[1] = [b0, 0.5, b2]
        exact = np.float32(np.float32(a0 * b0) + np.float32(0.25)) + np.float32(a2 * b2)
        if np.float32(0.25) + np.float32(np.float32(a0 * b0) + np.float32(a2 * b2)) < exact:
            break
    else:
        pytest.fail("no such rows")
    index = _index_of(rows)
    assert index.similar([0])[0][1] == exact
    assert 1 in index.neighbours([0], float(exact))[0].tolist()
