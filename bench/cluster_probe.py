"""What limits story clustering on the DUC dev sets: probes of the kept method that use the true labels (issue 14).

Usage: python bench/cluster_probe.py [--eval ../shared/eval] [--variants [MATCH]]

1. ceilings: the ARI of the kept clustering if every found story that mixes two true stories (5+ articles each)
   were split perfectly, and if the pieces (5+ articles) of every true story were merged perfectly;
2. merge probe: every pair of found stories (2+ articles) ranked by each label-free statistic a merge step could
   use; printed: the pairs that truly belong together and how many pairs that do not rank above each of them;
3. split probe: every found story of 6+ articles bisected (spectral cut of its cosine matrix, then spherical
   2-means) and ranked by cross / within cosine (mean pairwise cosine between the halves over the lower of the
   halves' own), where a low ratio says "two groups"; printed: where the true mixes rank;
4. --variants: the ARI of the fourth pass's feature and consensus variants (docs/quality.md, "Fourth pass").

A statistic that could drive a merge or split step must rank the true pairs (or mixes) above the others on all
three sets; none of those probed does (docs/quality.md). The DUC texts are read from --eval at run time.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer import cluster as C  # noqa: E402
from briefer.cluster_eval import adjusted_rand, load_clusters  # noqa: E402

Sets = dict[str, tuple[sparse.csr_matrix, np.ndarray]]


def _sets(root: Path) -> Sets:
    texts4, truth4, _ = load_clusters([root / "duc2004" / "dev"])
    texts6, truth6, _ = load_clusters([root / "duc2006" / "dev"])
    both = (texts4 + texts6, truth4 + [t + max(truth4) + 1 for t in truth6])
    return {name: (C.features(t), np.asarray(y)) for name, (t, y) in
            {"DUC 2004": (texts4, truth4), "DUC 2006": (texts6, truth6), "both": both}.items()}


def _majority(truth: np.ndarray, idx: np.ndarray) -> int:
    return int(Counter(truth[idx].tolist()).most_common(1)[0][0])


def ceilings(truth: np.ndarray, found: np.ndarray) -> tuple[float, float]:
    """ARI with mixed stories split perfectly, and with the pieces of true stories merged perfectly."""
    split, merged = found.copy(), found.copy()
    fresh = int(found.max()) + 1
    pieces: dict[int, list[int]] = {}
    for story in np.unique(found):
        idx = np.flatnonzero(found == story)
        big = [lab for lab, c in Counter(truth[idx].tolist()).items() if c >= 5]
        for lab in big[1:]:
            split[idx[truth[idx] == lab]] = fresh
            fresh += 1
        if len(idx) >= 5:
            pieces.setdefault(_majority(truth, idx), []).append(int(story))
    for stories in pieces.values():
        for story in stories[1:]:
            merged[found == story] = stories[0]
    return adjusted_rand(truth.tolist(), split.tolist()), adjusted_rand(truth.tolist(), merged.tolist())


def _mean_pairwise(sims: np.ndarray) -> float:
    n = len(sims)
    return float((sims.sum() - np.trace(sims)) / (n * (n - 1))) if n > 1 else 0.0


def merge_probe(matrix: sparse.csr_matrix, truth: np.ndarray, found: np.ndarray) -> dict[str, list[int]]:
    """Per statistic: for each truly-together pair of found stories, the number of false pairs ranked above it."""
    binary = sparse.csr_matrix((matrix > 0).astype(np.float64))
    df = np.asarray(binary.sum(axis=0)).ravel()
    stories = [np.flatnonzero(found == s) for s in np.unique(found)]
    stories = [s for s in stories if len(s) >= 2]
    centroid = [np.asarray(matrix[s].sum(axis=0)).ravel() for s in stories]
    centroid = [c / np.linalg.norm(c) for c in centroid]
    within = [_mean_pairwise((matrix[s] @ matrix[s].T).toarray()) for s in stories]
    counts = [np.asarray(binary[s].sum(axis=0)).ravel() for s in stories]
    majority = [_majority(truth, s) for s in stories]
    rows: list[tuple[bool, dict[str, float]]] = []
    for a in range(len(stories)):
        for b in range(a + 1, len(stories)):
            cross = float((matrix[stories[a]] @ matrix[stories[b]].T).toarray().mean())
            share = np.minimum(counts[a] / len(stories[a]), counts[b] / len(stories[b]))
            concentration = (counts[a] + counts[b]) / np.maximum(df, 1)
            rows.append((majority[a] == majority[b], {
                "centroid cosine": float(centroid[a] @ centroid[b]),
                "cross / lower within": cross / max(min(within[a], within[b]), 1e-9),
                "cross / mean within": 2 * cross / max(within[a] + within[b], 1e-9),
                "signature term (share x concentration)": float((share * concentration).max()),
            }))
    out: dict[str, list[int]] = {}
    for stat in rows[0][1] if rows else {}:
        ranked = sorted(rows, key=lambda r: -r[1][stat])
        false_above, ranks = 0, []
        for together, _ in ranked:
            if together:
                ranks.append(false_above)
            else:
                false_above += 1
        out[stat] = ranks
    return out


def _bisect(rows: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Halves of a story (boolean mask) and its cosine matrix: a normalised spectral cut, then spherical 2-means."""
    sims = (rows @ rows.T).toarray()
    weights = sims - np.diag(np.diag(sims))
    degree = np.maximum(weights.sum(axis=1), 1e-12)
    scale = 1 / np.sqrt(degree)
    laplacian = np.eye(len(sims)) - scale[:, None] * weights * scale[None, :]
    fiedler = scale * np.linalg.eigh(laplacian)[1][:, 1]
    half = fiedler > np.median(fiedler)
    for _ in range(20):
        if half.all() or not half.any():
            break
        a, b = (np.asarray(rows[m].sum(axis=0)).ravel() for m in (half, ~half))
        moved = (rows @ a) / np.linalg.norm(a) > (rows @ b) / np.linalg.norm(b)
        if np.array_equal(moved, half):
            break
        half = moved
    return half, sims


def split_probe(matrix: sparse.csr_matrix, truth: np.ndarray, found: np.ndarray) -> tuple[list[int], int]:
    """Ranks (0 = most split-worthy) of the found stories that truly mix two stories, and the stories ranked."""
    scored: list[tuple[float, bool]] = []
    for story in np.unique(found):
        idx = np.flatnonzero(found == story)
        if len(idx) < 6:
            continue
        half, sims = _bisect(sparse.csr_matrix(matrix[idx]))
        a, b = np.flatnonzero(half), np.flatnonzero(~half)
        if len(a) < 2 or len(b) < 2:
            continue
        lower = min(_mean_pairwise(sims[np.ix_(a, a)]), _mean_pairwise(sims[np.ix_(b, b)]))
        ratio = float(sims[np.ix_(a, b)].mean()) / max(lower, 1e-9)
        mixed = sum(1 for c in Counter(truth[idx].tolist()).values() if c >= 5) >= 2
        scored.append((ratio, mixed))
    scored.sort()
    return [rank for rank, (_, mixed) in enumerate(scored) if mixed], len(scored)


def _lsa(matrix: sparse.csr_matrix, dims: int, weight: float) -> sparse.csr_matrix:
    """TF-IDF joined with its LSA rows (unit length, times `weight`): a cosine of the join adds weight^2 x the LSA
    cosine to the TF-IDF cosine."""
    rng = np.random.default_rng(0)
    u, s, _ = svds(matrix.astype(np.float64), k=dims, v0=rng.standard_normal(min(matrix.shape)))
    dense = u * s
    dense /= np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12)
    return C._normalise(sparse.hstack([matrix, sparse.csr_matrix(dense * weight)], format="csr"))


def _top_terms(matrix: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    out = sparse.csr_matrix(matrix, copy=True)
    for i in range(out.shape[0]):
        row = out.data[out.indptr[i] : out.indptr[i + 1]]
        if len(row) > keep:
            row[row < np.sort(row)[-keep]] = 0.0
    out.eliminate_zeros()
    return C._normalise(out)


def _diffused(matrix: sparse.csr_matrix, weight: float, neighbours: int) -> sparse.csr_matrix:
    graph = C.knn_graph(matrix, neighbours, C.LINK_FLOOR).tocsr()
    graph = sparse.csr_matrix(graph + graph.T)
    degree = np.asarray(graph.sum(axis=1)).ravel()
    degree[degree == 0] = 1.0
    return C._normalise(sparse.csr_matrix(matrix + weight * (sparse.diags(1 / degree) @ graph @ matrix)))


def _labels(matrix: sparse.csr_matrix, **kwargs: float) -> np.ndarray:
    return np.asarray(C.cluster_matrix(matrix, **kwargs).labels)  # type: ignore[arg-type]


def _view_consensus(matrix: sparse.csr_matrix, agree: float) -> np.ndarray:
    """Candidate pairs together in at least `agree` of 8 runs (TF-IDF; TF-IDF + LSA 25/50/100/150 x0.7; 3, 5, 6
    neighbours) joined, lone articles attached, then the refinement."""
    runs = [_labels(matrix)] + [_labels(_lsa(matrix, d, 0.7)) for d in (25, 50, 100, 150)]
    runs += [_labels(matrix, neighbours=k) for k in (3, 5, 6)]
    pairs = C.candidate_graph(matrix, C.LINK_FLOOR).tocoo()
    share = np.mean([r[pairs.row] == r[pairs.col] for r in runs], axis=0)
    keep = share >= agree
    joined = sparse.coo_matrix((np.ones(int(keep.sum())), (pairs.row[keep], pairs.col[keep])),
                               shape=(matrix.shape[0],) * 2)
    _, labels = connected_components(joined, directed=False)
    return C._refine(matrix, C._attach_singletons(matrix, labels, C.ATTACH))


def _signature_merge(matrix: sparse.csr_matrix, share: float, concentration: float) -> np.ndarray:
    """The kept stories, then two stories (2+ articles) joined when one term is in at least `share` of the articles
    of each and at least `concentration` of the articles carrying it are in the two."""
    found = _labels(matrix)
    binary = sparse.csr_matrix((matrix > 0).astype(np.float64))
    df = np.maximum(np.asarray(binary.sum(axis=0)).ravel(), 1)
    _, story, sizes = np.unique(found, return_inverse=True, return_counts=True)
    n, k = matrix.shape[0], len(sizes)
    counts = sparse.csr_matrix(sparse.csr_matrix((np.ones(n), (story, np.arange(n))), shape=(k, n)) @ binary)
    links = []
    for a in range(k):
        for b in range(a + 1, k):
            if sizes[a] < 2 or sizes[b] < 2:
                continue
            ca, cb = counts[a].toarray().ravel(), counts[b].toarray().ravel()
            if ((ca >= share * sizes[a]) & (cb >= share * sizes[b]) & (ca + cb >= concentration * df)).any():
                links.append((a, b))
    graph = sparse.coo_matrix((np.ones(len(links)), ([a for a, _ in links], [b for _, b in links])), shape=(k, k))
    return np.asarray(connected_components(graph, directed=False)[1][story])


def _silhouette(matrix: sparse.csr_matrix, labels: np.ndarray) -> float:
    """Mean simplified silhouette: (a - b) / max(a, b), a = cosine to the own story's centroid without the article,
    b = the best other centroid's."""
    _, story = np.unique(labels, return_inverse=True)
    n, k = matrix.shape[0], int(story.max()) + 1
    sums = sparse.csr_matrix(sparse.csr_matrix((np.ones(n), (story, np.arange(n))), shape=(k, n)) @ matrix)
    squares = np.asarray(sums.multiply(sums).sum(axis=1)).ravel()
    dots = np.asarray((matrix @ sums.T).toarray())
    own = dots[np.arange(n), story] - 1.0
    a = np.where(np.bincount(story)[story] > 1, own / np.sqrt(np.maximum(squares[story] - 2 * own - 1.0, 1e-12)), 0)
    dots = dots / np.sqrt(np.maximum(squares, 1e-12))
    dots[np.arange(n), story] = -1.0
    b = dots.max(axis=1)
    return float(((a - b) / np.maximum(np.maximum(a, b), 1e-12)).mean())


def _silhouette_resolution(matrix: sparse.csr_matrix) -> np.ndarray:
    """The kept method at the resolution (1-8) whose result has the highest simplified silhouette."""
    runs = [_labels(matrix, resolution=r) for r in (1, 1.5, 2, 3, 4, 5, 6, 8)]
    return max(runs, key=lambda labels: _silhouette(matrix, labels))


VARIANTS: dict[str, Callable[[sparse.csr_matrix], np.ndarray]] = {
    "kept": _labels,
    **{f"only each article's {k} heaviest terms": (lambda m, k=k: _labels(_top_terms(m, k))) for k in (60, 100, 150)},
    **{f"TF-IDF + LSA {d} dims x{w}": (lambda m, d=d, w=w: _labels(_lsa(m, d, w)))
       for d in (25, 50, 100, 150) for w in (0.7, 1.0, 1.4)},
    **{f"TF-IDF + {w} x mean of its {k}-NN (one diffusion step)": (lambda m, w=w, k=k: _labels(_diffused(m, w, k)))
       for w in (0.3, 0.6, 1.0) for k in (4, 8)},
    **{f"consensus of 8 views, pairs together in >= {a:.0%}": (lambda m, a=a: _view_consensus(m, a))
       for a in (0.5, 0.6, 0.75)},
    **{f"signature-term merge, share >= {s}, concentration >= {c}": (lambda m, s=s, c=c: _signature_merge(m, s, c))
       for s in (0.8, 0.9, 1.0) for c in (0.8, 0.9, 0.95)},
    "resolution per input by the highest simplified silhouette (1-8)": _silhouette_resolution,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--variants", nargs="?", const="", default=None, metavar="MATCH",
                        help="also score the fourth pass's variants (those whose name contains MATCH; ~10 min CPU)")
    args = parser.parse_args()
    sets = _sets(args.eval)
    for name, (matrix, truth) in sets.items():
        found = _labels(matrix)
        split, merged = ceilings(truth, found)
        print(f"## {name}: ARI {adjusted_rand(truth.tolist(), found.tolist()):.3f}; mixes split perfectly "
              f"{split:.3f}; pieces merged perfectly {merged:.3f}")
        for stat, ranks in merge_probe(matrix, truth, found).items():
            print(f"  merge by {stat}: false pairs ranked above each true pair: {ranks}")
        mixes, total = split_probe(matrix, truth, found)
        print(f"  split by cross / lower within (2-means halves): true mixes rank {mixes} of {total}")
    if args.variants is not None:
        print("\n| variant | " + " | ".join(sets) + " |\n|---|" + "---:|" * len(sets))
        for label, run in ((k, v) for k, v in VARIANTS.items() if args.variants in k):
            scores = [adjusted_rand(t.tolist(), run(m).tolist()) for m, t in sets.values()]
            print(f"| {label} | " + " | ".join(f"{s:.3f}" for s in scores) + " |", flush=True)


if __name__ == "__main__":
    main()
