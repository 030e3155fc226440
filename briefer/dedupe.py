"""Near-duplicate detection: one fact once, in its cleanest version, credited to every source.

Sentences are compared as TF-IDF vectors of their content-word stems (cosine). Wire copies
with small edits score 0.8-1.0; the same fact reported in other words by another outlet
0.5-0.8 (two outlets' versions of one refusal measured 0.52); different facts about
the same story stay below 0.45 (measured on the sample story
and ../shared/seeds). Only the few chosen sentences are compared with the whole corpus, so
the cost is linear in the corpus size.

The vectors are scikit-learn's TfidfVectorizer(sublinear_tf=True) built directly with
numpy and scipy (same formula, checked in tests/test_dedupe.py): importing scikit-learn
alone took longer than briefing 3,000 sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from briefer.text import STOP_WORDS, stem, words

# Cosine at or above which two sentences state the same fact (see the module docstring).
SAME_FACT = 0.5
# Rows compared with the whole index at a time in `neighbours`.
_BLOCK = 256
# `neighbours` sums the cosines over a term found in at least 1 row in _DENSE_SHARE densely (each row's weight
# times the term's column), the other terms' as a sparse product. At 30,000 sentences (1,235 leads, 985 terms),
# CPU of `neighbours`: 1 in 16 0.72-0.75 s, 1 in 32 0.46 s, 1 in 64 0.38-0.40 s, 1 in 128 0.41-0.44 s, against
# 1.00-1.05 s for the sparse product of every term.
_DENSE_SHARE = 64
# Least margin around the threshold within which `neighbours` sums a cosine again (see `_margin`).
_MARGIN = 1e-3


@dataclass(frozen=True, slots=True)
class SimilarityIndex:
    """TF-IDF vectors of a list of texts, for cosine look-ups."""

    vocabulary: dict[str, int]  # content-word stem -> column
    idf: np.ndarray
    matrix: sparse.csr_matrix  # texts x terms, rows of unit length
    columns: sparse.csr_matrix  # the transpose, kept so that each look-up is one sparse product

    @classmethod
    def build(cls, texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None) -> SimilarityIndex:
        """Fit the vocabulary and IDF on `texts` (the whole corpus); `tokens`: each text's `words`, when known."""
        vocabulary: dict[str, int] = {}
        counts = _count(texts, vocabulary, grow=True, tokens=tokens)
        if not vocabulary:
            # No content word at all: every text is one dummy term, so all texts are alike.
            vocabulary = {"\0": 0}
            counts = _count(texts, vocabulary, grow=False)
        df = np.bincount(counts.indices, minlength=len(vocabulary))
        idf = np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0
        matrix = _weigh(counts, idf)
        return cls(vocabulary, idf, matrix, matrix.T.tocsr())

    def vectors(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Vectors of new texts in this index's space (terms the index never saw are ignored)."""
        return _weigh(_count(texts, self.vocabulary, grow=False), self.idf)

    def similar(self, rows: Sequence[int]) -> np.ndarray:
        """Dense cosine matrix between the given rows and every row: shape (len(rows), n)."""
        return np.asarray((self.matrix[list(rows)] @ self.columns).toarray())

    def neighbours(self, rows: Sequence[int], threshold: float = SAME_FACT) -> list[np.ndarray]:
        """For each given row, the rows whose cosine with it is at least `threshold` (> 0; itself included),
        unordered: the same rows as `similar` gives, a block of rows at a time (no dense rows x n matrix: 3,000
        leads of a 30,000-sentence story made 360 MB of it).

        A block's cosines are first summed in another order, its common terms' (in at least 1 row in
        `_DENSE_SHARE`) into a dense block, the others' as a sparse product. That decides every pair but those
        within `_margin` of the threshold, which are summed again by the sparse product of `similar` restricted
        to those rows of the index: exactly as `similar` sums them (each cosine adds the block row's products in
        the order of its terms)."""
        out: list[np.ndarray] = []
        df = np.diff(self.columns.indptr)
        for start in range(0, len(rows), _BLOCK):
            block = self.matrix[list(rows[start: start + _BLOCK])]
            terms = np.unique(block.indices)
            common = df[terms] * _DENSE_SHARE >= self.matrix.shape[0]
            cosines = block[:, terms[common]] @ self.columns[terms[common]].toarray()
            rest = (block[:, terms[~common]] @ self.columns[terms[~common]]).tocoo()
            cosines[rest.row, rest.col] += rest.data
            margin = _margin(block)
            near, other = np.divmod(np.flatnonzero(cosines >= threshold - margin), cosines.shape[1])
            sure = cosines[near, other] >= threshold + margin
            checked = np.unique(other[~sure])
            exact = (block @ self.columns[:, checked]).tocsr()
            found = np.searchsorted(near, np.arange(block.shape[0] + 1))  # `near` is in order
            for i in range(block.shape[0]):
                mine = slice(found[i], found[i + 1])
                cells = slice(exact.indptr[i], exact.indptr[i + 1])
                out.append(np.union1d(other[mine][sure[mine]],
                                      checked[exact.indices[cells][exact.data[cells] >= threshold]]))
        return out

    def similar_to(self, texts: Sequence[str]) -> np.ndarray:
        """Dense cosine matrix between outside texts and every row: shape (len(texts), n)."""
        if not texts:
            return np.zeros((0, self.matrix.shape[0]), dtype=np.float32)
        return np.asarray((self.vectors(texts) @ self.columns).toarray())


def _count(texts: Sequence[str], vocabulary: dict[str, int], *, grow: bool,
           tokens: Sequence[Sequence[str]] | None = None) -> sparse.csr_matrix:
    """Texts x terms matrix of term counts; with `grow`, unseen terms are added to `vocabulary`."""
    if list(vocabulary) == ["\0"]:
        indices = [0] * len(texts)
        indptr = list(range(len(texts) + 1))
    else:
        indices, indptr = _columns(map(words, texts) if tokens is None else tokens, vocabulary, grow=grow)
    data = np.ones(len(indices), dtype=np.float64)
    counts = sparse.csr_matrix((data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
                               shape=(len(texts), len(vocabulary)))
    counts.sum_duplicates()
    return counts


def _columns(tokenised: Iterable[Sequence[str]], vocabulary: dict[str, int], *, grow: bool
             ) -> tuple[list[int], list[int]]:
    """Each text's content-word stems as columns (CSR indices and indptr), from its tokens."""
    # Stems are looked up once per distinct word: a corpus of 850k words has only about 20k.
    column_of: dict[str, int] = {}  # word -> column, or -1 for stop words, numbers and unknown terms
    indices: list[int] = []
    indptr = [0]
    for tokens in tokenised:
        for word in tokens:
            column = column_of.get(word)
            if column is None:
                column = -1
                if word not in STOP_WORDS and not word.isdigit():
                    term = stem(word)
                    column = vocabulary.setdefault(term, len(vocabulary)) if grow else vocabulary.get(term, -1)
                column_of[word] = column
            if column >= 0:
                indices.append(column)
        indptr.append(len(indices))
    return indices, indptr


def _weigh(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF (1 + ln count) times IDF, each row scaled to unit length, as float32."""
    weights = (1.0 + np.log(counts.data)) * idf[counts.indices]
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=counts.shape[0]))
    weights /= norms[rows]
    return sparse.csr_matrix((weights.astype(np.float32), counts.indices, counts.indptr), shape=counts.shape)


def _margin(block: sparse.csr_matrix) -> float:
    """How far two float32 sums of a block row's products with another row (each at least 0, together at most 1,
    rows being of unit length) may differ when summed in two orders: each sum of n products errs by at most about
    n float32 epsilons (1.2e-7; a rounding of half one for each product and each addition); `_MARGIN` (1e-3)
    covers rows of up to 4,000 terms."""
    terms = int(np.diff(block.indptr).max(initial=0))
    return max(_MARGIN, 2 * terms * float(np.finfo(np.float32).eps))


def near_duplicates_of(index: SimilarityIndex, known: Sequence[str], threshold: float = SAME_FACT) -> np.ndarray:
    """Boolean mask over the index's rows: True where a row states one of the `known` facts."""
    if not known:
        return np.zeros(index.matrix.shape[0], dtype=bool)
    mask = np.zeros(index.matrix.shape[0], dtype=bool)
    for start in range(0, len(known), 256):
        mask |= (index.similar_to(known[start : start + 256]) >= threshold).any(axis=0)
    return mask
