"""Near-duplicate detection: one fact once, in its cleanest version, credited to every source.

Sentences are compared as TF-IDF vectors of their content-word stems (cosine). Wire copies
with small edits score 0.8-1.0; the same fact reported in other words by another outlet
0.5-0.8 (two outlets' versions of one refusal measured 0.52); different facts about
the same story stay below 0.45 (measured on the sample story
and ../shared/seeds). Only the few chosen sentences are compared with the whole corpus, so
the cost is linear in the corpus size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from briefer.text import content_stems

# Cosine at or above which two sentences state the same fact (see the module docstring).
SAME_FACT = 0.5


def _analyzer(text: str) -> list[str]:
    return content_stems(text)


@dataclass(frozen=True, slots=True)
class SimilarityIndex:
    """TF-IDF vectors of a list of texts, for cosine look-ups."""

    vectorizer: TfidfVectorizer
    matrix: sparse.csr_matrix

    @classmethod
    def build(cls, texts: Sequence[str]) -> SimilarityIndex:
        """Fit the vocabulary and IDF on `texts` (the whole corpus)."""
        vectorizer = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True, dtype=np.float32)
        try:
            matrix = vectorizer.fit_transform(texts)
        except ValueError:  # no content word at all: every similarity is zero
            vectorizer = TfidfVectorizer(analyzer=lambda t: ["\0"], dtype=np.float32)
            matrix = vectorizer.fit_transform(list(texts) or [""])
        return cls(vectorizer, sparse.csr_matrix(matrix))

    def vectors(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Vectors of new texts in this index's space."""
        return sparse.csr_matrix(self.vectorizer.transform(texts))

    def similar(self, rows: Sequence[int]) -> np.ndarray:
        """Dense cosine matrix between the given rows and every row: shape (len(rows), n)."""
        block = self.matrix[list(rows)]
        return np.asarray((block @ self.matrix.T).todense())

    def similar_to(self, texts: Sequence[str]) -> np.ndarray:
        """Dense cosine matrix between outside texts and every row: shape (len(texts), n)."""
        if not texts:
            return np.zeros((0, self.matrix.shape[0]), dtype=np.float32)
        return np.asarray((self.vectors(texts) @ self.matrix.T).todense())


def near_duplicates_of(index: SimilarityIndex, known: Sequence[str], threshold: float = SAME_FACT) -> np.ndarray:
    """Boolean mask over the index's rows: True where a row states one of the `known` facts."""
    if not known:
        return np.zeros(index.matrix.shape[0], dtype=bool)
    mask = np.zeros(index.matrix.shape[0], dtype=bool)
    for start in range(0, len(known), 256):
        mask |= (index.similar_to(known[start : start + 256]) >= threshold).any(axis=0)
    return mask
