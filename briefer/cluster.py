"""Group articles into stories, with no fixed number of stories.

1. features: each article as a TF-IDF vector (sublinear TF, content-word stems) joined with its names
   (runs of capitalised words: "Hun Sen", "Pine Ridge"), which tell two stories that share a vocabulary
   apart; rows of unit length, so a dot product is a cosine;
2. candidate pairs without comparing all pairs: each article keeps only its `PRUNE_TERMS` heaviest terms
   and terms that more than `MAX_DF_SHARE` of the articles carry are dropped; two articles are candidates
   when their pruned vectors share a term (one sparse product, the inverted-index method of sparse
   nearest-neighbour search), and only candidates get an exact cosine;
3. blocks: connected components of the graph of candidate pairs whose cosine reaches `LINK_FLOOR`
   (scipy.sparse.csgraph);
4. stories: inside each block, average-linkage agglomerative clustering (scipy.cluster.hierarchy) cut at
   cosine distance `1 - THRESHOLD`: an article joins a story when it is close to the story as a whole,
   not through a chain of single pairs;
5. strays: an article left in a story of fewer than `CORE_SIZE` joins the story of at least that size whose
   centroid is closest, when their cosine reaches `ATTACH`; a story's centroid is its articles' common
   vocabulary, so a loosely written follow-up is matched on what the story is about.

The result is deterministic: it depends only on the texts and their order, never on timing or workers.
The thresholds were calibrated on the DUC 2004 and 2006 dev clusters mixed into one set (docs/quality.md,
`briefer eval-clusters`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from briefer.text import STOP_WORDS, stem, words

# Cosine similarity at or above which an article belongs with a story (average over the story's articles).
# Swept from 0.12 to 0.24 on the mixed DUC dev sets: 0.16 gave the best worst-set ARI (docs/quality.md).
THRESHOLD = 0.16
# Pairs below this cosine never link two articles. At or below THRESHOLD, the blocks hold every merge the
# average linkage could make (an average of at least THRESHOLD needs one pair at least that close).
LINK_FLOOR = 0.16
# Stories smaller than this may be strays of a larger story; cosine to its centroid needed to join it.
# ATTACH swept over 0.2-0.3 with THRESHOLD: 0.2 raised the DUC 2006 ARI from 0.70 to 0.80.
CORE_SIZE = 3
ATTACH = 0.2
# Terms per article used to find candidate pairs (its heaviest); the exact cosine uses every term.
PRUNE_TERMS = 40
# Articles per block of the candidate search, and candidate pairs per slice of exact cosines (memory bounds).
ROW_BLOCK = 1000
PAIR_SLICE = 20_000
# Share of the link floor that the heavy terms alone must reach for a pair to be compared in full.
CANDIDATE_SHARE = 0.25
# Terms in more than this share of the articles (and in more than MIN_MAX_DF) do not make candidates.
MAX_DF_SHARE = 0.05
MIN_MAX_DF = 50
# Weight of the names block against the words block (each is unit length before joining). Names did not
# help on the DUC dev sets (0.3 and 0.6 lowered the worst-set ARI, docs/quality.md), so they are off by
# default and kept as a measured option.
NAME_WEIGHT = 0.0
# A block larger than this is split again with a stricter link floor before the dense linkage step.
MAX_BLOCK = 2000

_POSSESSIVE = re.compile(r"['’]s?$")
_CALENDAR = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                       "nov", "dec"])
# Runs of capitalised words, possibly joined by "of", "de", "bin": a name, place or organisation.
_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|del|al|bin|van|von|la)\s+)?[A-Z][\w'’.-]*)*")


@dataclass(frozen=True, slots=True)
class Clustering:
    """Story labels for a list of articles: `labels[i]` is the story of article i (0 = largest story)."""

    labels: tuple[int, ...]

    @property
    def stories(self) -> list[list[int]]:
        """Article indices per story, stories by label, articles in input order."""
        out: list[list[int]] = [[] for _ in range(max(self.labels, default=-1) + 1)]
        for i, label in enumerate(self.labels):
            out[label].append(i)
        return out


def names(text: str) -> list[str]:
    """The names of `text` as written: runs of capitalised words, less leading stop words ("The", "But"),
    day and month names and a possessive ending."""
    out = []
    for match in _NAME.finditer(text):
        parts = [_POSSESSIVE.sub("", p).rstrip(".") for p in match.group().split()]
        while parts and (parts[0].lower() in STOP_WORDS or parts[0].lower() in _CALENDAR or not parts[0]):
            parts = parts[1:]
        if parts:
            out.append(" ".join(parts))
    return out


def _term_matrix(docs: Sequence[list[str]]) -> sparse.csr_matrix:
    """TF-IDF (sublinear TF, smooth IDF) of token lists, rows of unit length."""
    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for tokens in docs:
        indices.extend(vocabulary.setdefault(t, len(vocabulary)) for t in tokens)
        indptr.append(len(indices))
    counts = sparse.csr_matrix((np.ones(len(indices), dtype=np.float64), np.asarray(indices, dtype=np.int64),
                                np.asarray(indptr, dtype=np.int64)), shape=(len(docs), max(len(vocabulary), 1)))
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
    return _normalise(counts)


def _normalise(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def features(texts: Sequence[str], *, name_weight: float = NAME_WEIGHT) -> sparse.csr_matrix:
    """Articles x (word stems + names), rows of unit length."""
    stem_of: dict[str, str] = {}

    def content(text: str) -> list[str]:
        out = []
        for w in words(text):
            s = stem_of.get(w)
            if s is None:
                s = "" if w in STOP_WORDS or w.isdigit() or len(w) < 2 else stem(w)
                stem_of[w] = s
            if s:
                out.append(s)
        return out

    word_part = _term_matrix([content(t) for t in texts])
    if not name_weight:
        return word_part
    name_part = _term_matrix([[n.lower() for n in names(t)] for t in texts])
    return _normalise(sparse.hstack([word_part, name_part * name_weight], format="csr"))


def _pruned(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each row's PRUNE_TERMS heaviest terms with their weights, common terms dropped: the index that proposes
    candidates."""
    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    common = df > max(MIN_MAX_DF, MAX_DF_SHARE * n)
    rows, cols, vals = [], [], []
    for i in range(n):
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        idx, data = matrix.indices[start:end], matrix.data[start:end]
        keep = ~common[idx]
        idx, data = idx[keep], data[keep]
        if len(data) > PRUNE_TERMS:
            top = np.argpartition(-data, PRUNE_TERMS)[:PRUNE_TERMS]
            idx = idx[top]
            data = data[top]
        rows.append(np.full(len(idx), i))
        cols.append(idx)
        vals.append(data.astype(np.float32))
    r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    v = np.concatenate(vals) if vals else np.zeros(0, dtype=np.float32)
    return sparse.csr_matrix((v, (r, c)), shape=matrix.shape)


def candidate_graph(matrix: sparse.csr_matrix, floor: float = LINK_FLOOR) -> sparse.coo_matrix:
    """Upper-triangular graph of candidate pairs whose exact cosine reaches `floor`, weighted by it."""
    n = matrix.shape[0]
    pruned = _pruned(matrix)
    columns = pruned.T.tocsr()
    found_i, found_j, found_s = [], [], []
    # Row blocks bound the memory: a block's candidate pairs, then their exact cosines in slices.
    for start in range(0, n, ROW_BLOCK):
        # The pruned vectors' dot product counts only shared heavy terms: a lower bound of the cosine, and a
        # pair whose bound is under CANDIDATE_SHARE of the floor almost never reaches the floor (measured on
        # the DUC dev sets: the same clusters as with every pair sharing a term, at a sixth of the pairs).
        block = (pruned[start : start + ROW_BLOCK] @ columns).tocoo()
        keep = (block.data >= CANDIDATE_SHARE * floor) & (block.col > block.row + start)
        i, j = block.row[keep] + start, block.col[keep]
        for s in range(0, len(i), PAIR_SLICE):
            a, b = i[s : s + PAIR_SLICE], j[s : s + PAIR_SLICE]
            sims = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
            close = sims >= floor
            found_i.append(a[close])
            found_j.append(b[close])
            found_s.append(sims[close])
    if not found_i:
        return sparse.coo_matrix((n, n))
    return sparse.coo_matrix((np.concatenate(found_s), (np.concatenate(found_i), np.concatenate(found_j))),
                             shape=(n, n))


def _average_linkage(matrix: sparse.csr_matrix, members: np.ndarray, threshold: float) -> np.ndarray:
    """Flat labels (from 1) of `members` by average linkage on cosine distance, cut at 1 - threshold."""
    if len(members) == 1:
        return np.ones(1, dtype=np.int64)
    block = matrix[members]
    sims = np.asarray((block @ block.T).toarray(), dtype=np.float64)
    distances = np.clip(1.0 - sims[np.triu_indices(len(members), k=1)], 0.0, 2.0)
    tree = linkage(distances, method="average")
    return np.asarray(fcluster(tree, t=1.0 - threshold, criterion="distance"), dtype=np.int64)


def _blocks(graph: sparse.coo_matrix, floor: float) -> list[np.ndarray]:
    """Connected components of the edges at or above `floor`, each as sorted member indices."""
    keep = graph.data >= floor
    sub = sparse.coo_matrix((graph.data[keep], (graph.row[keep], graph.col[keep])), shape=graph.shape)
    count, labels = connected_components(sub, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(count + 1))
    return [order[bounds[k] : bounds[k + 1]] for k in range(count)]


def cluster_matrix(matrix: sparse.csr_matrix, *, threshold: float = THRESHOLD, floor: float = LINK_FLOOR,
                   attach: float = ATTACH) -> Clustering:
    """Stories of the rows of a features matrix (see the module docstring)."""
    n = matrix.shape[0]
    if n == 0:
        return Clustering(())
    graph = candidate_graph(matrix, floor)
    labels = np.full(n, -1, dtype=np.int64)
    next_label = 0
    pending = [(block, floor) for block in _blocks(graph, floor)]
    while pending:
        members, level = pending.pop()
        if len(members) > MAX_BLOCK and level < 1.0:
            # A chain of weak links made a block too large for the dense step: cut the weakest links first.
            inside = np.isin(graph.row, members) & np.isin(graph.col, members)
            sub = sparse.coo_matrix((graph.data[inside], (graph.row[inside], graph.col[inside])), shape=graph.shape)
            stricter = level + 0.05
            pending.extend((b, stricter) for b in _blocks(sub, stricter) if np.isin(b, members).all())
            continue
        local = _average_linkage(matrix, members, threshold)
        labels[members] = local - 1 + next_label
        next_label += int(local.max())
    return _relabel(_attach_strays(matrix, labels, attach))


def _attach_strays(matrix: sparse.csr_matrix, labels: np.ndarray, attach: float) -> np.ndarray:
    """Articles of stories smaller than CORE_SIZE moved to the closest larger story's centroid, if close enough."""
    sizes = np.bincount(labels)
    cores = np.flatnonzero(sizes >= CORE_SIZE)
    strays = np.flatnonzero(sizes[labels] < CORE_SIZE)
    if not len(cores) or not len(strays):
        return labels
    pick = np.flatnonzero(np.isin(labels, cores))
    membership = sparse.csr_matrix((np.ones(len(pick)), (np.searchsorted(cores, labels[pick]), pick)),
                                   shape=(len(cores), matrix.shape[0]))
    centroids = _normalise(sparse.csr_matrix(membership @ matrix))
    sims = np.asarray((matrix[strays] @ centroids.T).toarray())
    best = sims.argmax(axis=1)
    close = sims[np.arange(len(strays)), best] >= attach
    out = labels.copy()
    out[strays[close]] = cores[best[close]]
    return out


def _relabel(labels: np.ndarray) -> Clustering:
    """Labels renumbered by story size (largest first), ties by the story's first article."""
    first: dict[int, int] = {}
    size: dict[int, int] = {}
    for i, label in enumerate(labels.tolist()):
        first.setdefault(label, i)
        size[label] = size.get(label, 0) + 1
    order = sorted(first, key=lambda lab: (-size[lab], first[lab]))
    new = {old: k for k, old in enumerate(order)}
    return Clustering(tuple(new[lab] for lab in labels.tolist()))


def cluster_texts(texts: Sequence[str], *, threshold: float = THRESHOLD, attach: float = ATTACH,
                  name_weight: float = NAME_WEIGHT) -> Clustering:
    """Stories of a list of article texts."""
    return cluster_matrix(features(texts, name_weight=name_weight), threshold=threshold,
                          floor=min(LINK_FLOOR, threshold), attach=attach)
