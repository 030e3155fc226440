"""The default selector: pick the sentences that say the most of what the sources agree on, in a word budget.

The objective has two parts, both monotone submodular, maximised greedily under the budget
with a cost-scaled gain (Lin & Bilmes 2010):

1. concept coverage (Gillick & Favre 2009): a concept is a stemmed word bigram (not two stop
   words) weighted by df**df_power, df being the number of documents that carry it; facts
   repeated across sources outweigh one paper's colour; a concept counts once;
2. word match: every word stem (stop words too) may be used up to its expected count in a
   summary of this length, budget x match_scale x its share of the corpus; each use within
   that cap adds `match_weight` x the median concept weight. This favours sentences written
   like the sources' plain narrative over lists of names, and ends the budget full.

A position prior scales each gain by 1 + position_weight / (1 + position). With a `Topic`,
each sentence's overlap with the topic's words weights both parts: a concept counts by the
topic relevance of the sentences that carry it, and word shares are taken from relevant
sentences only. Measurements behind every default are in docs/quality.md.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from briefer.errors import UsageError
from briefer.model import Sentence, Topic
from briefer.text import STOP_WORDS, spoken, stem, word_count, words

# Words that phrase an information need ("Discuss ... Include ...") rather than name its subject.
_QUERY_STOP = frozenset(
    stem(w)
    for w in (
        *("discuss", "describe", "identify", "explain", "include", "including", "information", "specific"),
        *("examples", "example", "provide", "report", "reports", "reported", "give", "account", "aspects"),
        *("aspect", "details", "detail", "efforts", "effort", "various", "type", "types", "kind", "kinds"),
    )
)
_OPEN_QUOTE = re.compile('``|\u201c|^"|\\s"')
_CLOSE_QUOTE_END = re.compile("(?:''|\u201d|\")\\W*$")
_QUOTED = re.compile("``.*?(?:''|$)|\u201c.*?(?:\u201d|$)|\".*?(?:\"|$)")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|me|us)\b")
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]{2,}(?:\([A-Za-z. ]+\))?\s*(?:--|_|—|-)\s")
# Above this many candidates, only the best by first-step gain stay in the running (the gains
# only shrink as the summary grows, so later picks come from the top of the first ranking).
MAX_POOL = 5000


@dataclass(frozen=True, slots=True)
class _Corpus:
    """What the objective needs to know about every sentence."""

    incidence: sp.csr_matrix  # sentence x concept, binary
    weights: np.ndarray  # concept weights
    counts: sp.csr_matrix  # sentence x word stem, counts (stop words too)
    share: np.ndarray  # each stem's share of the (topic-weighted) tokens
    most: np.ndarray  # the most uses of each stem in any one document
    lengths: np.ndarray  # words per sentence, as budgets count them


@dataclass(frozen=True, slots=True)
class _Analysis:
    """What the selector needs of a list of sentences whatever the query; computed once per list."""

    incidence: sp.csr_matrix  # sentence x concept, binary
    concepts: np.ndarray  # each concept's code: first stem id x number of stems + second stem id
    counts: sp.csr_matrix  # sentence x word stem, counts (stop words too)
    stem_ids: dict[str, int]
    df: np.ndarray  # documents that carry each concept
    n_docs: int
    most: np.ndarray  # the most uses of each stem in any one document
    lengths: np.ndarray  # words per sentence, as budgets count them
    content: tuple[np.ndarray, np.ndarray]  # distinct (sentence, stem) pairs of words not in STOP_WORDS


class ConceptSelector:
    """Greedy budgeted concept coverage plus word match; see the module docstring."""

    def __init__(
        self,
        *,
        min_df: int = 2,
        df_power: float = 1.5,
        match_weight: float = 8.0,
        match_scale: float = 1.5,
        cost_power: float = 1.0,
        position_weight: float = 0.5,
        min_words: int = 6,
        query_floor: float = 0.1,
        query_position_weight: float = 0.2,
    ) -> None:
        """Keyword-only tuning; the defaults were chosen on DUC 2004 and 2006 dev (docs/quality.md).

        min_df: a concept counts only when this many documents carry it (capped at the number of
            documents, so a single article still has concepts).
        df_power: concept weight is df**df_power; above 1 favours what most sources say.
        match_weight: value of one word use within its cap, in median concept weights (0: off).
        match_scale: a stem's cap is budget x match_scale x its share of the corpus tokens.
        cost_power: the greedy gain is divided by length**cost_power (1: value per word).
        position_weight: a sentence at position p has its gain scaled by 1 + w / (1 + p).
        min_words: shorter sentences are never picked (fragments, headings).
        query_floor: with a topic, a concept's weight is scaled by floor + its topic relevance.
        query_position_weight: position_weight with a topic: what answers a question is seldom in the lead
            (DUC 2006 dev R-2 with the feedback below: 10.65 at 0.5, 11.03 at 0.2, 10.79 at 0).
        """
        numbers = (df_power, match_weight, match_scale, cost_power, position_weight, query_floor,
                   query_position_weight)
        if min_df < 1 or min_words < 0 or any(x < 0 for x in numbers):
            raise UsageError("ConceptSelector: min_df must be >= 1 and every other setting >= 0")
        self.min_df = min_df
        self.df_power = df_power
        self.match_weight = match_weight
        self.match_scale = match_scale
        self.cost_power = cost_power
        self.position_weight = position_weight
        self.min_words = min_words
        self.query_floor = query_floor
        self.query_position_weight = query_position_weight
        # The pipeline calls a selector once per section with the same sentences: analyse them once, and keep
        # the last query's weights (a section asks again with the same query for what its first picks left).
        self._analysis: tuple[Sequence[Sentence], _Analysis] | None = None
        self._weighed: tuple[Sequence[Sentence], Topic | None, _Corpus] | None = None

    def __call__(
        self,
        sentences: Sequence[Sentence],
        *,
        budget_words: int,
        candidates: Sequence[int] | None = None,
        query: Topic | None = None,
        covered: Sequence[int] = (),
        weights: Mapping[int, float] | None = None,
    ) -> list[tuple[int, float]]:
        """Pick sentences (index, gain) in pick order whose word counts fit `budget_words`."""
        if budget_words <= 0 or not sentences:
            return []
        pool = self._eligible(sentences, budget_words, candidates, covered)
        if pool.size == 0:
            return []
        corpus = self._corpus(sentences, query)
        positive = corpus.weights[corpus.weights > 0]
        unit = float(np.median(positive)) if positive.size else 1.0
        objective = _Objective(
            corpus.incidence,
            corpus.weights,
            corpus.counts,
            # Never more uses of a word than one source makes: repeating a story is not telling more of it.
            np.minimum(corpus.share * budget_words * self.match_scale, corpus.most),
            self.match_weight * unit,
        )
        for index in covered:
            objective.take(int(index))
        positions = np.array([s.position for s in sentences], dtype=float)
        lead = self.position_weight if query is None else self.query_position_weight
        prior = 1.0 + lead / (1.0 + positions)
        if weights:
            keys = np.fromiter(weights.keys(), dtype=np.int64, count=len(weights))
            prior[keys] *= np.fromiter(weights.values(), dtype=float, count=len(weights))
        return _greedy(objective, corpus.lengths, prior, pool, budget_words, self.cost_power)

    def _eligible(
        self, sentences: Sequence[Sentence], budget: int, candidates: Sequence[int] | None, covered: Sequence[int]
    ) -> np.ndarray:
        n = len(sentences)
        chosen = range(n) if candidates is None else sorted({int(i) for i in candidates})
        if any(not 0 <= i < n for i in (*chosen[:1], *chosen[-1:], *covered)):
            raise UsageError(f"sentence index out of range 0..{n - 1} in candidates or covered")
        idx = np.asarray(chosen, dtype=np.int64)
        lengths = np.array([word_count(sentences[i].text) for i in chosen])
        keep = (lengths >= self.min_words) & (lengths <= budget)
        keep &= np.array([_plain(sentences[i].text) for i in chosen], dtype=np.bool_)
        keep &= ~np.isin(idx, np.asarray(covered, dtype=np.int64))
        return idx[keep]

    def _analysed(self, sentences: Sequence[Sentence]) -> _Analysis:
        if self._analysis is None or self._analysis[0] is not sentences:
            self._analysis = (sentences, _primed(sentences) or _analyse(sentences))
        return self._analysis[1]

    def _corpus(self, sentences: Sequence[Sentence], query: Topic | None) -> _Corpus:
        if self._weighed is not None and self._weighed[0] is sentences and self._weighed[1] == query:
            return self._weighed[2]
        corpus = self._weigh(sentences, query)
        self._weighed = (sentences, query, corpus)
        return corpus

    def _weigh(self, sentences: Sequence[Sentence], query: Topic | None) -> _Corpus:
        wanted = _query_stems(query) if query is not None else set()
        a = self._analysed(sentences)
        n_stems = max(len(a.stem_ids), 1)
        is_marked = np.zeros(n_stems, dtype=bool)
        is_marked[[k for s, k in a.stem_ids.items() if s in wanted]] = True
        on_topic = is_marked[a.concepts // n_stems] | is_marked[a.concepts % n_stems]
        # A concept naming the topic counts even when rare: the topic says it matters.
        weights = np.where((a.df >= min(self.min_df, a.n_docs)) | on_topic, a.df**self.df_power, 0.0)
        token_weight = np.ones(len(sentences))
        relevance = _sentence_relevance(a, wanted)
        if relevance.any():
            per_concept = np.maximum(np.asarray(a.incidence.sum(axis=0)).ravel(), 1.0)
            weights = weights * (self.query_floor + np.asarray(a.incidence.T @ relevance).ravel() / per_concept)
            token_weight = relevance
        tokens = np.asarray(a.counts.T @ token_weight).ravel()
        return _Corpus(a.incidence, weights, a.counts, tokens / max(tokens.sum(), 1.0), a.most, a.lengths)


class _Objective:
    """Covered concept weight plus lam x clipped word uses: sum over stems of min(uses, cap)."""

    def __init__(
        self, incidence: sp.csr_matrix, weights: np.ndarray, counts: sp.csr_matrix, caps: np.ndarray, lam: float
    ) -> None:
        self.incidence = incidence
        self.weights = weights.copy()  # zeroed as concepts get covered
        self.counts = counts
        self.caps = caps.copy()  # lowered as words get used
        self.lam = lam

    def gains(self, rows: np.ndarray) -> np.ndarray:
        """Marginal gain of adding each sentence in `rows` to what has been taken."""
        concept = np.asarray(self.incidence[rows] @ self.weights).ravel()
        if self.lam == 0:
            return concept
        sub = self.counts[rows]
        clipped = sp.csr_matrix(
            (np.minimum(sub.data, self.caps[sub.indices]), sub.indices, sub.indptr), shape=sub.shape
        )
        return concept + self.lam * np.asarray(clipped.sum(axis=1)).ravel()

    def take(self, row: int) -> None:
        """Mark a sentence's concepts covered and its words used."""
        self.weights[self.incidence[row].indices] = 0.0
        sub = self.counts[row]
        self.caps[sub.indices] = np.maximum(self.caps[sub.indices] - sub.data, 0.0)


def _greedy(
    objective: _Objective, lengths: np.ndarray, prior: np.ndarray, pool: np.ndarray, budget: int, cost_power: float
) -> list[tuple[int, float]]:
    """Repeatedly add the sentence with the best prior-scaled gain per length**cost_power that fits."""
    cost = np.maximum(lengths[pool], 1.0) ** cost_power
    if pool.size > MAX_POOL:
        first = objective.gains(pool) * prior[pool] / cost
        keep = np.sort(np.lexsort((pool, -first))[:MAX_POOL])
        pool, cost = pool[keep], cost[keep]
    left = float(budget)
    alive = np.ones(pool.size, dtype=bool)
    picked: list[tuple[int, float]] = []
    while True:
        alive &= lengths[pool] <= left
        if not alive.any():
            return picked
        gains = objective.gains(pool) * prior[pool]
        ratio = np.where(alive, gains / cost, -np.inf)
        best = int(np.argmax(ratio))  # the first of equals: lowest index, so runs are deterministic
        if ratio[best] <= 0:
            return picked
        picked.append((int(pool[best]), float(gains[best])))
        alive[best] = False
        left -= lengths[pool[best]]
        objective.take(int(pool[best]))


def _plain(text: str) -> bool:
    """False for sentences that need context: questions, datelines, and quotations cut from their speaker."""
    stripped = text.strip()
    if stripped.endswith("?") or _DATELINE.match(stripped):
        return False
    # The end of a quotation whose opening (and speaker) was in an earlier sentence.
    if _CLOSE_QUOTE_END.search(stripped) and not _OPEN_QUOTE.search(stripped):
        return False
    # First person outside quotation marks: a speaker's words with the speaker cut off; not a transcript's line in
    # the first person plural, which its speaker's name opens and tells for the body they speak for ("[Tomas
    # Keverne:] Our divers went down yesterday afternoon ..."); one in the singular is a person's own answer ("[Farah
    # Quensel:] Better than I dared hope.").
    if spoken(stripped):
        return not _FIRST_SINGULAR.search(stripped)
    return not _FIRST_PERSON.search(_QUOTED.sub(" ", stripped))


_FIRST_SINGULAR = re.compile(r"\b(?:I|[Mm]y|me)\b")


# Analyses computed ahead (`primed`): each a function giving the texts and documents of the sentences it is of, and
# the analysis.
_PRIMED: list[Callable[[], tuple[list[str], list[int], _Analysis]]] = []


def analysis(sentences: Sequence[Sentence]) -> tuple[list[str], list[int], _Analysis]:
    """The concept analysis of `sentences`, with what it depends on (their texts and documents), for `primed`."""
    return [s.text for s in sentences], [s.doc for s in sentences], _analyse(sentences)


@contextlib.contextmanager
def primed(ahead: Callable[[], tuple[list[str], list[int], _Analysis]]) -> Iterator[None]:
    """Within the block, a selector asked to analyse sentences with exactly these texts and documents takes the
    analysis computed ahead (a large brief computes it in a forked child during the story stage: briefer.ahead).
    `ahead()` is called only then: the work before the first selection runs while the child finishes."""
    _PRIMED.append(ahead)
    try:
        yield
    finally:
        _PRIMED.remove(ahead)


def _primed(sentences: Sequence[Sentence]) -> _Analysis | None:
    for ahead in _PRIMED:
        texts, docs, found = ahead()
        if (len(texts) == len(sentences) and all(s.doc == d for s, d in zip(sentences, docs, strict=True))
                and all(s.text == t for s, t in zip(sentences, texts, strict=True))):
            return found
    return None


def _analyse(sentences: Sequence[Sentence]) -> _Analysis:
    """Binary sentence x bigram-concept matrix, stem counts, document frequencies and lengths."""
    # Words become integer ids in one pass; bigrams are then paired, filtered and numbered in numpy.
    word_ids: dict[str, int] = {}
    stem_ids: dict[str, int] = {}
    stem_of: list[int] = []
    stop_of: list[bool] = []
    stop_word_of: list[bool] = []
    tokens: list[int] = []
    owner: list[int] = []
    for i, sentence in enumerate(sentences):
        ws = words(sentence.text)
        for w in ws:
            wid = word_ids.get(w)
            if wid is None:
                wid = word_ids[w] = len(word_ids)
                stem_of.append(stem_ids.setdefault(stem(w), len(stem_ids)))
                stop_of.append(w in STOP_WORDS or not w[0].isalnum())
                stop_word_of.append(w in STOP_WORDS)
            tokens.append(wid)
        owner.extend([i] * len(ws))
    tok = np.asarray(tokens, dtype=np.int64)
    own = np.asarray(owner, dtype=np.int64)
    stems_ = np.asarray(stem_of, dtype=np.int64)[tok]
    stops = np.asarray(stop_of, dtype=bool)[tok]
    n_stems = max(len(stem_ids), 1)
    keep = (own[1:] == own[:-1]) & ~(stops[1:] & stops[:-1])
    concepts, column = np.unique(stems_[:-1][keep] * n_stems + stems_[1:][keep], return_inverse=True)
    rows = own[1:][keep]
    shape = (len(sentences), concepts.size)
    incidence = sp.csr_matrix((np.ones(rows.size), (rows, column.ravel())), shape=shape)
    incidence.data[:] = 1.0  # csr_matrix summed repeated bigrams; presence is what counts
    counts = sp.csr_matrix((np.ones(own.size), (own, stems_)), shape=(len(sentences), n_stems))
    doc_of = np.array([s.doc for s in sentences], dtype=np.int64)
    doc_rows = np.unique(doc_of, return_inverse=True)[1].ravel()
    member = sp.csr_matrix((np.ones(doc_rows.size), (doc_rows, np.arange(doc_rows.size))))
    df = np.asarray(((member @ incidence) > 0).sum(axis=0)).ravel().astype(float)
    most = np.asarray((member @ counts).max(axis=0).todense()).ravel()
    lengths = np.array([word_count(s.text) for s in sentences], dtype=float)
    content = ~np.asarray(stop_word_of, dtype=bool)[tok]
    # The sorted distinct (sentence, stem) ids; asked with their counts, numpy sorts them (0.01 s at 30,000
    # sentences) instead of hashing them (its default for values alone since numpy 2.3: 0.37 s for 460,000 ids).
    pairs = np.unique(own[content] * n_stems + stems_[content], return_counts=True)[0]
    return _Analysis(incidence, concepts, counts, stem_ids, df, int(doc_rows.max()) + 1, most, lengths,
                     (pairs // n_stems, pairs % n_stems))


# Pseudo-relevance feedback for a topic (chosen on DUC 2006 dev, docs/quality.md): clusters this large, the
# most relevant sentences read, the stems added from them and each added stem's weight.
FEEDBACK_MIN_SENTENCES = 40
FEEDBACK_TOP = 10
FEEDBACK_STEMS = 20
FEEDBACK_WEIGHT = 0.3


def _query_stems(query: Topic) -> set[str]:
    text = " ".join((query.name, *query.keywords, query.description))
    return {stem(w) for w in words(text) if w not in STOP_WORDS and not w.isdigit()} - _QUERY_STOP


def _sentence_relevance(analysis: _Analysis, wanted: set[str]) -> np.ndarray:
    """Each sentence's overlap with the topic's stems (cosine of sets), scaled so the best is 1.

    In a cluster of at least `FEEDBACK_MIN_SENTENCES`, the topic's words are widened by pseudo-relevance
    feedback: stems that the `FEEDBACK_TOP` most relevant sentences share far more often than the rest of
    the cluster join the topic at weight `FEEDBACK_WEIGHT`.
    """
    n = analysis.lengths.size
    if not wanted:
        return np.zeros(n)
    owner, stem_id = analysis.content
    is_wanted = np.zeros(max(len(analysis.stem_ids), 1))
    is_wanted[[k for s, k in analysis.stem_ids.items() if s in wanted]] = 1.0
    rel = _overlap(owner, stem_id, is_wanted, n, len(wanted))
    if n >= FEEDBACK_MIN_SENTENCES and rel.max() > 0:
        top = np.argsort(-rel, kind="stable")[:FEEDBACK_TOP]
        df_top = np.bincount(stem_id[np.isin(owner, top)], minlength=is_wanted.size).astype(float)
        df_all = np.bincount(stem_id, minlength=is_wanted.size).astype(float)
        # Stems at least two of the top sentences share, by how much they lean towards them.
        lift = np.where(df_top >= 2, df_top / np.maximum(df_all, 1.0), 0.0) * np.log1p(df_top)
        lift[is_wanted > 0] = 0.0
        extra = np.argsort(-lift, kind="stable")[:FEEDBACK_STEMS]
        is_wanted[extra[lift[extra] > 0]] = FEEDBACK_WEIGHT
        rel = _overlap(owner, stem_id, is_wanted, n, len(wanted) + FEEDBACK_WEIGHT * FEEDBACK_STEMS)
    top_rel = rel.max()
    return rel / top_rel if top_rel > 0 else rel


def _overlap(owner: np.ndarray, stem_id: np.ndarray, weight: np.ndarray, n: int, size: float) -> np.ndarray:
    """Weighted overlap of each sentence's content stems with the topic's, over sqrt(topic x sentence size)."""
    out: np.ndarray = np.bincount(owner, weights=weight[stem_id], minlength=n) / np.sqrt(
        size * np.maximum(np.bincount(owner, minlength=n), 1))
    return out
