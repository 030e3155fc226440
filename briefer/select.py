"""The default selector: pick the sentences that cover the most important concepts in a word budget.

A concept is a stemmed word bigram (not two stop words); its weight is the number of
documents that carry it, so facts repeated across sources outweigh one paper's colour.
Selection maximises the weight of the concepts covered under the word budget (Gillick &
Favre 2009), greedily with a cost-scaled gain over every candidate, then, on a pruned pool,
exactly as an integer program (scipy's HiGHS) with a time limit; the greedy answer is kept
when the solver fails or finds nothing better. With a `Topic`, concept weights are scaled by
how strongly the sentences carrying them match the topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from briefer.errors import UsageError
from briefer.model import Sentence, Topic
from briefer.text import STOP_WORDS, stem, word_count, words

# Words that phrase an information need ("Discuss ... Include ...") rather than name its subject.
_QUERY_STOP = frozenset(
    stem(w)
    for w in (
        *("discuss", "describe", "identify", "explain", "include", "including", "information", "specific"),
        *("examples", "example", "provide", "report", "reports", "reported", "give", "account", "aspects"),
        *("aspect", "details", "detail", "efforts", "effort", "various", "type", "types", "kind", "kinds"),
    )
)

_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]{2,}(?:\([A-Za-z. ]+\))?\s*(?:--|_|—|-)\s")


@dataclass(frozen=True, slots=True)
class _Corpus:
    """Sentence x concept incidence (binary CSR), concept weights and sentence lengths."""

    incidence: sp.csr_matrix
    weights: np.ndarray
    lengths: np.ndarray


class ConceptSelector:
    """Budgeted concept coverage: greedy over all candidates, refined by an ILP on a pruned pool."""

    def __init__(
        self,
        *,
        min_df: int = 3,
        min_words: int = 8,
        cost_power: float = 1.0,
        position_weight: float = 0.5,
        pool_size: int = 200,
        ilp_time_limit: float = 1.0,
        query_floor: float = 0.1,
        unigram_weight: float = 0.0,
        df_power: float = 1.0,
        lead_bonus: float = 0.0,
        lead_sentences: int = 3,
    ) -> None:
        """Keyword-only tuning; the defaults were chosen on DUC 2004/2006 dev (see docs/quality.md).

        min_df: a concept counts only when at least this many documents carry it (lowered to the
            number of documents for small inputs).
        min_words: shorter sentences are never picked (fragments, headings, bare quotes).
        cost_power: greedy gain is divided by length**cost_power (1: weight per word).
        position_weight: a sentence at position p gets its gain scaled by 1 + w / (1 + p).
        pool_size: sentences kept (by cheap score) for the integer program; 0 disables it.
        ilp_time_limit: seconds the HiGHS solver may take before the greedy answer is kept.
        query_floor: with a topic, a concept's weight is scaled by floor + its topic relevance.
        """
        if min_df < 1 or min_words < 0 or cost_power < 0 or position_weight < 0:
            raise UsageError("ConceptSelector: min_df >= 1, min_words, cost_power, position_weight >= 0")
        if pool_size < 0 or ilp_time_limit <= 0 or query_floor < 0:
            raise UsageError("ConceptSelector: pool_size >= 0, ilp_time_limit > 0, query_floor >= 0")
        self.min_df = min_df
        self.min_words = min_words
        self.cost_power = cost_power
        self.position_weight = position_weight
        self.pool_size = pool_size
        self.ilp_time_limit = ilp_time_limit
        self.query_floor = query_floor
        self.unigram_weight = unigram_weight
        self.df_power = df_power
        self.lead_bonus = lead_bonus
        self.lead_sentences = lead_sentences

    def __call__(
        self,
        sentences: Sequence[Sentence],
        *,
        budget_words: int,
        candidates: Sequence[int] | None = None,
        query: Topic | None = None,
        covered: Sequence[int] = (),
    ) -> list[tuple[int, float]]:
        """Pick sentences (index, gain) in pick order whose word counts fit `budget_words`."""
        if budget_words <= 0 or not sentences:
            return []
        corpus = self._corpus(sentences, query)
        weights = corpus.weights.copy()
        if covered:
            done = np.unique(corpus.incidence[np.asarray(covered, dtype=np.int64)].indices)
            weights[done] = 0.0
        pool = self._eligible(sentences, corpus.lengths, budget_words, candidates, covered)
        if pool.size == 0:
            return []
        prior = 1.0 + self.position_weight / (1.0 + np.array([s.position for s in sentences], dtype=float))
        picked = _greedy(
            corpus.incidence, weights, corpus.lengths, prior, pool, budget_words, self.cost_power
        )
        if self.pool_size:
            picked = self._refine(corpus, weights, prior, pool, budget_words, picked)
        return _pick_order(corpus.incidence, weights, prior, picked)

    def _corpus(self, sentences: Sequence[Sentence], query: Topic | None) -> _Corpus:
        wanted = _query_stems(query) if query is not None else set()
        incidence, on_topic, bigram = _incidence(sentences, wanted)
        doc_of = np.array([s.doc for s in sentences], dtype=np.int64)
        doc_rows = np.searchsorted(np.unique(doc_of), doc_of)
        n_docs = int(doc_rows.max()) + 1 if doc_rows.size else 0
        # Document frequency: a doc x sentence membership matrix times the incidence, clipped to 1;
        # a concept that also appears in a document's opening sentences counts lead_bonus more there.
        lead = np.array([s.position < self.lead_sentences for s in sentences], dtype=float)
        member = sp.csr_matrix((np.ones(len(doc_of)), (doc_rows, np.arange(len(doc_of)))), shape=(n_docs, len(doc_of)))
        df = np.asarray(((member @ incidence) > 0).sum(axis=0)).ravel().astype(float)
        lead_df = np.asarray(((member @ sp.diags(lead) @ incidence) > 0).sum(axis=0)).ravel().astype(float)
        # A concept naming the topic counts even when rare: the topic says it matters.
        weights = np.where((df >= min(self.min_df, n_docs)) | on_topic, (df + self.lead_bonus * lead_df), 0.0)
        weights = weights**self.df_power * np.where(bigram, 1.0, self.unigram_weight)
        if wanted:
            weights = weights * (self.query_floor + _concept_relevance(sentences, incidence, wanted))
        lengths = np.array([word_count(s.text) for s in sentences], dtype=float)
        return _Corpus(incidence, weights, lengths)

    def _eligible(
        self,
        sentences: Sequence[Sentence],
        lengths: np.ndarray,
        budget: int,
        candidates: Sequence[int] | None,
        covered: Sequence[int],
    ) -> np.ndarray:
        idx = (
            np.arange(len(sentences))
            if candidates is None
            else np.unique(np.asarray(candidates, dtype=np.int64))
        )
        if idx.size and (idx[0] < 0 or idx[-1] >= len(sentences)):
            raise UsageError(f"candidate index out of range 0..{len(sentences) - 1}")
        keep = (lengths[idx] >= self.min_words) & (lengths[idx] <= budget)
        keep &= np.array([_plain(sentences[i].text) for i in idx], dtype=bool)
        keep &= ~np.isin(idx, np.asarray(covered, dtype=np.int64))
        return idx[keep]

    def _refine(
        self,
        corpus: _Corpus,
        weights: np.ndarray,
        prior: np.ndarray,
        pool: np.ndarray,
        budget: int,
        greedy: list[int],
    ) -> list[int]:
        """Solve the coverage ILP on the best `pool_size` sentences; keep greedy unless it wins."""
        cheap = (corpus.incidence[pool] @ weights) * prior[pool] / np.maximum(corpus.lengths[pool], 1.0)
        order = np.lexsort((pool, -cheap))[: self.pool_size]
        small = np.union1d(pool[order], np.asarray(greedy, dtype=np.int64))
        chosen = _ilp(
            corpus.incidence[small], weights, corpus.lengths[small], prior[small], budget, self.ilp_time_limit
        )
        if chosen is None:
            return greedy
        ilp_pick = [int(small[i]) for i in chosen]
        return (
            ilp_pick
            if _value(corpus.incidence, weights, ilp_pick) > _value(corpus.incidence, weights, greedy)
            else greedy
        )


def _plain(text: str) -> bool:
    """False for sentences a brief should not open with: questions and bare datelines."""
    stripped = text.strip()
    return not stripped.endswith("?") and not _DATELINE.match(stripped)


def _incidence(
    sentences: Sequence[Sentence], marked: set[str]
) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
    """Binary sentence x concept matrix: stemmed bigrams (not two stop words), then content unigrams.

    Also returns, for each concept, whether one of its stems is in `marked` (the topic's stems),
    and how many of the columns are bigrams (the rest are unigrams).
    """
    # Words become integer ids in one pass; bigrams are then paired, filtered and numbered in numpy.
    word_ids: dict[str, int] = {}
    stem_ids: dict[str, int] = {}
    stem_of: list[int] = []
    stop_of: list[bool] = []
    tokens: list[int] = []
    owner: list[int] = []
    for i, sentence in enumerate(sentences):
        ws = words(sentence.text)
        for w in ws:
            wid = word_ids.get(w)
            if wid is None:
                wid = word_ids[w] = len(word_ids)
                stem_of.append(stem_ids.setdefault(stem(w), len(stem_ids)))
                stop_of.append(w in STOP_WORDS or not w.isalpha())
            tokens.append(wid)
        owner.extend([i] * len(ws))
    tok = np.asarray(tokens, dtype=np.int64)
    own = np.asarray(owner, dtype=np.int64)
    stems_ = np.asarray(stem_of, dtype=np.int64)[tok] if tok.size else tok
    stops = np.asarray(stop_of, dtype=bool)[tok] if tok.size else tok.astype(bool)
    n_stems = max(len(stem_ids), 1)
    keep = (own[1:] == own[:-1]) & ~(stops[1:] & stops[:-1])
    # Bigram codes are a * n + b; unigram codes follow all of them (n * n + stem).
    codes = np.concatenate([stems_[:-1][keep] * n_stems + stems_[1:][keep], n_stems * n_stems + stems_[~stops]])
    rows = np.concatenate([own[1:][keep], own[~stops]])
    concepts, column = np.unique(codes, return_inverse=True)
    matrix = sp.csr_matrix((np.ones(rows.size), (rows, column.ravel())), shape=(len(sentences), concepts.size))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    is_marked = np.zeros(n_stems, dtype=bool)
    is_marked[[k for st, k in stem_ids.items() if st in marked]] = True
    bigram = concepts < n_stems * n_stems
    first = np.where(bigram, concepts // n_stems, concepts - n_stems * n_stems)
    second = np.where(bigram, concepts % n_stems, first)
    return matrix, is_marked[first] | is_marked[second], bigram


def _query_stems(query: Topic) -> set[str]:
    text = " ".join((query.name, *query.keywords, query.description))
    return {stem(w) for w in words(text) if w not in STOP_WORDS and not w.isdigit()} - _QUERY_STOP


def _concept_relevance(
    sentences: Sequence[Sentence], incidence: sp.csr_matrix, wanted: set[str]
) -> np.ndarray:
    """Each concept's mean topic relevance over the sentences carrying it (relevance in [0, 1])."""
    rel = np.empty(len(sentences))
    for i, s in enumerate(sentences):
        content = {stem(w) for w in words(s.text) if w not in STOP_WORDS}
        rel[i] = len(content & wanted) / np.sqrt(len(wanted) * max(len(content), 1))
    if rel.max() > 0:
        rel = rel / rel.max()
    counts = np.asarray(incidence.sum(axis=0)).ravel()
    relevance: np.ndarray = np.asarray(incidence.T @ rel).ravel() / np.maximum(counts, 1.0)
    return relevance


def _greedy(
    incidence: sp.csr_matrix,
    weights: np.ndarray,
    lengths: np.ndarray,
    prior: np.ndarray,
    pool: np.ndarray,
    budget: int,
    cost_power: float,
) -> list[int]:
    """Repeatedly add the pool sentence with the best prior-scaled gain per length**cost_power."""
    w = weights.copy()
    sub = incidence[pool]
    cost = np.maximum(lengths[pool], 1.0) ** cost_power
    left = float(budget)
    alive = np.ones(pool.size, dtype=bool)
    picked: list[int] = []
    while True:
        alive &= lengths[pool] <= left
        if not alive.any():
            return picked
        ratio = np.where(alive, (sub @ w) * prior[pool] / cost, -np.inf)
        best = int(np.argmax(ratio))
        if ratio[best] <= 0:
            return picked
        picked.append(int(pool[best]))
        alive[best] = False
        left -= lengths[pool[best]]
        w[sub[best].indices] = 0.0


def _ilp(
    incidence: sp.csr_matrix,
    weights: np.ndarray,
    lengths: np.ndarray,
    prior: np.ndarray,
    budget: int,
    time_limit: float,
) -> list[int] | None:
    """Max covered concept weight (plus a small prior term) under the budget; None if unsolved."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    cols = np.unique(incidence.indices)
    cols = cols[weights[cols] > 0]
    n, m = incidence.shape[0], cols.size
    if m == 0:
        return None
    occ = incidence[:, cols].T.tocsr()  # concept x sentence
    # x: sentences (binary), then z: concepts (continuous in [0, 1]); z_c <= sum of x over c's sentences.
    tie = 1e-3 * prior  # a tiny prior term breaks ties between equal-coverage sets deterministically
    c = -np.concatenate([tie, weights[cols]])
    cover = sp.hstack([-occ, sp.identity(m, format="csr")]).tocsr()
    length = sp.hstack([sp.csr_matrix(lengths.reshape(1, -1)), sp.csr_matrix((1, m))]).tocsr()
    constraints = [LinearConstraint(cover, -np.inf, 0.0), LinearConstraint(length, 0.0, float(budget))]
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    result = milp(
        c,
        constraints=constraints,
        integrality=integrality,
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "disp": False},
    )
    if result.x is None:
        return None
    return [int(i) for i in np.flatnonzero(result.x[:n] > 0.5)]


def _value(incidence: sp.csr_matrix, weights: np.ndarray, picked: list[int]) -> float:
    if not picked:
        return 0.0
    return float(weights[np.unique(incidence[np.asarray(picked)].indices)].sum())


def _pick_order(
    incidence: sp.csr_matrix, weights: np.ndarray, prior: np.ndarray, picked: list[int]
) -> list[tuple[int, float]]:
    """Order a chosen set by marginal gain (largest first) and report each sentence's gain."""
    w = weights.copy()
    left = list(picked)
    out: list[tuple[int, float]] = []
    while left:
        gains = (incidence[left] @ w) * prior[left]
        best = max(range(len(left)), key=lambda k: (gains[k], -left[k]))
        i = left.pop(best)
        # A floor keeps scores positive for sentences whose concepts were all covered already.
        out.append((i, max(float(gains[best]), 1e-6)))
        w[incidence[i].indices] = 0.0
    return out
