"""Group articles into stories, with no fixed number of stories.

1. features: each article as a TF-IDF vector (sublinear TF, content-word stems), optionally joined with its
   names (runs of capitalised words: "Hun Sen", "Pine Ridge"; off by default); rows of unit length, so a dot
   product is a cosine;
2. candidate pairs without comparing all pairs: each article keeps only its `PRUNE_TERMS` heaviest terms
   and terms that more than `MAX_DF_SHARE` of the articles carry are dropped; two articles are candidates
   when their pruned vectors share a term (one sparse product, the inverted-index method of sparse
   nearest-neighbour search), and only candidates get an exact cosine;
3. copies: articles joined by cosines of at least `DUPLICATE` (wire copies, light rewrites) count as one
   article from here on (their centroid), so that an article's neighbours are not only its own copies;
4. a k-nearest-neighbour graph: each article keeps its `NEIGHBOURS` closest candidates whose cosine reaches
   `LINK_FLOOR`, an edge when either end keeps it, weighted by the cosine. A story of loosely related articles
   (a topic followed over years) and a tight one (one event) both become dense regions of this graph, where
   one global cosine threshold had to split the first or merge the second;
5. stories: communities of that graph by Louvain modularity maximisation (networkx's `louvain_communities`,
   resolution `RESOLUTION`, a fixed seed); an article left alone joins the story whose centroid it reaches at
   cosine `ATTACH` (lone articles that reach each other join up), else it is a story of its own;
6. refinement: spherical k-means started from those communities. Every article moves to the story whose
   centroid is closest (its own story's centroid taken without it), until nothing moves. Louvain places an
   article by its few graph neighbours; the centroid weighs all of a story's articles, and this puts strays back
   and lets a loose topic's halves gather (ARI +0.01 / +0.04 / +0.03 on the DUC 2004 / 2006 / mixed dev sets).

The result is deterministic and does not depend on the order of the articles: the rows are put in a canonical
order (by their weights) before the graph is built, and the seed is fixed; never on timing or workers.
The settings were chosen on the DUC 2004 and 2006 dev clusters mixed into one set (docs/quality.md,
`briefer eval-clusters`), one setting for all three mixes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from briefer.text import STOP_WORDS, stem, words

# Neighbours each article keeps in the graph (its closest), and the cosine below which a pair is never an edge.
# Swept over 4-20 neighbours and floors 0.05/0.1 on the mixed DUC dev sets (docs/quality.md): a DUC 2004 story
# has 10 articles, and more neighbours than about half a story's size join neighbouring stories. The floor of 0.1
# keeps an unrelated article from hanging on to a story by one faint link (0.05 did, in tests/data/mixed).
NEIGHBOURS = 4
LINK_FLOOR = 0.1
# Louvain's resolution: above 1 favours more, smaller communities (swept 0.5-4 with the settings above).
RESOLUTION = 3.0
SEED = 0
# Articles this close (cosine, or through a chain of such pairs) are copies of one article and count once.
DUPLICATE = 0.8
# A story of one article joins the closest other story when its cosine to that story's centroid reaches ATTACH:
# on a small graph, a high resolution can split off one article of a tight story (no change on the DUC sets).
ATTACH = 0.2
# Passes of the centroid refinement (`_refine`) at most; it settles in 3-8 passes on the DUC dev sets.
REFINE_PASSES = 20
# Terms per article used to find candidate pairs (its heaviest); the exact cosine uses every term.
PRUNE_TERMS = 40
# Articles per block of the candidate search, and candidate pairs per slice of exact cosines (memory bounds).
ROW_BLOCK = 1000
PAIR_SLICE = 20_000
# (article, story) pairs per slice in the refinement: a story's centroid has many more terms than an article.
STORY_SLICE = 2_000
# Share of the link floor that the heavy terms alone must reach for a pair to be compared in full.
CANDIDATE_SHARE = 0.25
# Terms in more than this share of the articles (and in more than MIN_MAX_DF) do not make candidates.
MAX_DF_SHARE = 0.05
MIN_MAX_DF = 50
# Weight of the names block against the words block (each is unit length before joining). Names did not
# help on the DUC dev sets (0.3 and 0.6 lowered the worst-set ARI, docs/quality.md), so they are off by
# default and kept as a measured option.
NAME_WEIGHT = 0.0

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


# An article of a story's folder that shares next to no words with any other is another story: the clifpath
# folder's stray lifeboat article reaches 0.04 at best, where the least related article of the 90 test stories
# reaches 0.14 (tests/data/stories, `features` cosines). Only with at least `STRAY_MIN_ARTICLES` articles (with two,
# neither is the stray), and never more than a third of them (a mixed folder is `briefer digest`'s to split).
STRAY_COSINE = 0.08
STRAY_MIN_ARTICLES = 3
STRAY_SHARE = 1 / 3


def strays(texts: Sequence[str]) -> list[tuple[int, float]]:
    """The articles of one story's folder that belong to no story with the others: (index, its best cosine)."""
    if len(texts) < STRAY_MIN_ARTICLES:
        return []
    matrix = features(texts)
    sims = (matrix @ matrix.T).toarray()
    np.fill_diagonal(sims, 0.0)
    best = sims.max(axis=1)
    found = [(int(k), float(best[k])) for k in np.flatnonzero(best < STRAY_COSINE)]
    return found if len(found) <= STRAY_SHARE * len(texts) else []


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


def _canonical_order(matrix: sparse.csr_matrix) -> np.ndarray:
    """A row order that depends only on the rows' contents, not on the order of the articles or of the
    vocabulary: by a digest of each row's sorted weights (rounded), ties (identical rows) by position."""
    keys = []
    for i in range(matrix.shape[0]):
        row = np.sort(np.round(matrix.data[matrix.indptr[i] : matrix.indptr[i + 1]], 9))
        keys.append((hashlib.blake2b(row.tobytes(), digest_size=8).digest(), i))
    return np.asarray([i for _, i in sorted(keys)], dtype=np.int64)


def knn_graph(matrix: sparse.csr_matrix, neighbours: int = NEIGHBOURS, floor: float = LINK_FLOOR,
              candidates: sparse.coo_matrix | None = None) -> sparse.coo_matrix:
    """Upper-triangular k-nearest-neighbour graph: an edge (weighted by the cosine) between two articles when one
    of them has the other among its `neighbours` closest candidates at or above `floor` (`candidates`: the
    `candidate_graph` at that floor, when already computed)."""
    n = matrix.shape[0]
    graph = (candidate_graph(matrix, floor) if candidates is None else candidates).tocsr()
    graph = sparse.csr_matrix(graph + graph.T)
    # Rounded so that ties between equal cosines do not depend on floating-point summation order.
    graph.data = np.round(graph.data, 9)
    rows, cols, vals = [], [], []
    for i in range(n):
        start, end = graph.indptr[i], graph.indptr[i + 1]
        idx, sims = graph.indices[start:end], graph.data[start:end]
        if len(sims) > neighbours:
            top = np.lexsort((idx, -sims))[:neighbours]  # closest first, ties by position
            idx, sims = idx[top], sims[top]
        rows.append(np.full(len(idx), i))
        cols.append(idx)
        vals.append(sims)
    if not rows:
        return sparse.coo_matrix((n, n))
    kept = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))
    return sparse.triu(kept.maximum(kept.T), k=1).tocoo()


def _communities(graph: sparse.coo_matrix, resolution: float) -> np.ndarray:
    """Louvain communities of a weighted graph, as labels per node."""
    import networkx as nx  # here: 0.3 s to import, needed only by the digest

    n = graph.shape[0]
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from(zip(graph.row.tolist(), graph.col.tolist(), graph.data.tolist(), strict=True))
    labels = np.zeros(n, dtype=np.int64)
    communities = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=SEED)
    for label, members in enumerate(communities):
        labels[sorted(members)] = label
    return labels


def _duplicate_groups(matrix: sparse.csr_matrix) -> np.ndarray:
    """Group number per row: rows joined by a chain of cosines of at least DUPLICATE (copies and rewrites of one
    article), groups numbered by their first row."""
    graph = candidate_graph(matrix, DUPLICATE)
    _, groups = connected_components(graph, directed=False)
    _, first = np.unique(groups, return_index=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return np.asarray(rank[groups], dtype=np.int64)


def cluster_matrix(matrix: sparse.csr_matrix, *, neighbours: int = NEIGHBOURS, floor: float = LINK_FLOOR,
                   resolution: float = RESOLUTION, refine: bool = True) -> Clustering:
    """Stories of the rows of a features matrix (see the module docstring)."""
    n = matrix.shape[0]
    if n == 0:
        return Clustering(())
    order = _canonical_order(matrix)
    canonical = sparse.csr_matrix(matrix[order])
    # Copies of one article count once: otherwise an article's neighbours are all its own copies, and a story
    # told by many outlets breaks into groups of copies (bench/digest_bench.py's firehoses).
    groups = _duplicate_groups(canonical)
    count = int(groups.max()) + 1
    membership = sparse.csr_matrix((np.ones(n), (groups, np.arange(n))), shape=(count, n))
    merged = _normalise(sparse.csr_matrix(membership @ canonical))
    candidates = candidate_graph(merged, floor)
    found = _communities(knn_graph(merged, neighbours, floor, candidates), resolution)
    found = _attach_singletons(merged, found, ATTACH)
    if refine:
        found = _refine(merged, found)
    labels = np.empty(n, dtype=np.int64)
    labels[order] = found[groups]
    return _relabel(labels)


def _refine(matrix: sparse.csr_matrix, labels: np.ndarray) -> np.ndarray:
    """Spherical k-means from the communities: every article moves to the story whose centroid is closest to it,
    its own story's centroid taken without it (leave-one-out, so that a story cannot hold an article by containing
    it), all at once, until nothing moves or after REFINE_PASSES. The stories an article may move to are its own
    and those that share one of its heavy terms (the pruned index of `candidate_graph`), so the work grows with
    the candidate pairs, not with articles x stories."""
    n = matrix.shape[0]
    pruned = _pruned(matrix)
    pruned.data[:] = 1.0
    self_dot = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()  # 1, or 0 for an empty article
    rows = np.arange(n)
    for _ in range(REFINE_PASSES):
        _, labels = np.unique(labels, return_inverse=True)
        k = int(labels.max()) + 1
        membership = sparse.csr_matrix((np.ones(n), (labels, rows)), shape=(k, n))
        sums = sparse.csr_matrix(membership @ matrix)
        squares = np.asarray(sums.multiply(sums).sum(axis=1)).ravel()
        keys = [rows * k + labels]
        story_terms = sparse.csr_matrix(membership @ pruned).T.tocsr()
        for start in range(0, n, ROW_BLOCK):
            near = (pruned[start : start + ROW_BLOCK] @ story_terms).tocoo()
            keys.append((near.row.astype(np.int64) + start) * k + near.col)
        pairs = np.unique(np.concatenate(keys))
        art, story = pairs // k, pairs % k
        dots = np.concatenate([np.asarray(matrix[art[s : s + STORY_SLICE]].multiply(sums[story[s : s + STORY_SLICE]])
                                          .sum(axis=1)).ravel() for s in range(0, len(pairs), STORY_SLICE)])
        own = story == labels[art]
        dots = np.where(own, dots - self_dot[art], dots)
        norms = np.where(own, squares[story] - 2 * dots - self_dot[art], squares[story])
        # Rounded so that ties do not depend on summation order. A story of one article has no centroid without
        # it: it moves only as `_attach_singletons` would join it to a story, at cosine ATTACH.
        alone = np.where(own, ATTACH, -1.0)
        score = np.round(np.where(norms > 1e-9, dots / np.sqrt(np.maximum(norms, 1e-18)), alone), 9)
        order = np.lexsort((story, -score, art))  # per article: best first, ties to the lower story
        first = order[np.r_[True, art[order][1:] != art[order][:-1]]]
        current = np.full(n, -1.0)
        current[art[own]] = score[own]
        moved = np.where(score[first] > current, story[first], labels)
        if np.array_equal(moved, labels):
            break
        labels = moved
    return np.asarray(labels, dtype=np.int64)


def _attach_singletons(matrix: sparse.csr_matrix, labels: np.ndarray, attach: float) -> np.ndarray:
    """Each story of one article linked to the story whose centroid is closest when their cosine reaches `attach`;
    stories joined through such links become one (so lone articles of one story, split off by a high resolution
    on a small graph, find each other)."""
    found, inverse, sizes = np.unique(labels, return_inverse=True, return_counts=True)
    alone = np.flatnonzero(sizes[inverse] == 1)
    if len(found) < 2 or not len(alone):
        return labels
    membership = sparse.csr_matrix((np.ones(len(labels)), (inverse, np.arange(len(labels)))),
                                   shape=(len(found), matrix.shape[0]))
    centroids = _normalise(sparse.csr_matrix(membership @ matrix))
    sims = np.asarray((matrix[alone] @ centroids.T).toarray())
    sims[np.arange(len(alone)), inverse[alone]] = -1.0  # not its own story
    best = sims.argmax(axis=1)
    close = sims[np.arange(len(alone)), best] >= attach
    links = sparse.coo_matrix((np.ones(int(close.sum())), (inverse[alone[close]], best[close])),
                              shape=(len(found), len(found)))
    _, joined = connected_components(links, directed=False)
    return np.asarray(joined[inverse], dtype=np.int64)


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


def cluster_texts(texts: Sequence[str], *, neighbours: int = NEIGHBOURS, resolution: float = RESOLUTION,
                  name_weight: float = NAME_WEIGHT, refine: bool = True) -> Clustering:
    """Stories of a list of article texts."""
    return cluster_matrix(features(texts, name_weight=name_weight), neighbours=neighbours, resolution=resolution,
                          refine=refine)
