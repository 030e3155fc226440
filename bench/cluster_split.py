"""Two-resolution story clustering (issue 14, fifth pass, second idea), scored leave-one-set-out.

Usage: python bench/cluster_split.py [--eval ../shared/eval]

The kept stories (briefer/cluster.py), then each story of `MIN_STORY`+ articles re-clustered alone: Louvain on the
story's own part of the kNN graph at a resolution `inner`; the split is kept only when its parts of 3+ articles
share no heavy term (a term carried by at least `share` of a part's articles; terms are the names of the articles,
or their content stems); articles of smaller parts go back to the nearest kept part. Optionally the centroid
refinement runs again after the splits. Settings are chosen on one DUC dev set and scored on the other; the true
labels are used only to choose and to score. The DUC texts are read from --eval at run time.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cluster_pairs import Prepared, ari  # noqa: E402

from briefer import cluster as C  # noqa: E402
from briefer.cluster_eval import load_clusters  # noqa: E402

MIN_STORY = 8
MIN_PART = 3


def _heavy(binary: sparse.csr_matrix, rows: np.ndarray, share: float) -> set[int]:
    counts = np.asarray(binary[rows].sum(axis=0)).ravel()
    return set(np.flatnonzero(counts >= max(share * len(rows), 2)).tolist())


def split_stories(p: Prepared, inner: float, share: float, vocab: str, refine: bool) -> np.ndarray:
    graph = C.knn_graph(p.matrix, C.NEIGHBOURS, C.LINK_FLOOR, p.pairs)
    found = C._communities(graph, C.RESOLUTION)
    found = C._refine(p.matrix, C._attach_singletons(p.matrix, found, C.ATTACH))
    binary = sparse.csr_matrix(((p.names if vocab == "names" else p.matrix) > 0).astype(np.float64))
    adjacency = sparse.csr_matrix(graph + graph.T)
    fresh = int(found.max()) + 1
    out = found.copy()
    for story in np.unique(found):
        rows = np.flatnonzero(found == story)
        if len(rows) < MIN_STORY:
            continue
        sub = sparse.triu(adjacency[rows][:, rows], k=1).tocoo()
        parts = C._communities(sub, inner)
        sizes = np.bincount(parts)
        big = np.flatnonzero(sizes >= MIN_PART)
        if len(big) < 2:
            continue
        heavy = [_heavy(binary, rows[parts == b], share) for b in big]
        if any(heavy[a] & heavy[b] for a, b in itertools.combinations(range(len(big)), 2)):
            continue
        # Small parts go to the big part whose centroid is closest.
        centroids = C._normalise(sparse.csr_matrix(np.vstack([np.asarray(p.matrix[rows[parts == b]].sum(axis=0))
                                                              for b in big])))
        nearest = big[np.asarray((p.matrix[rows] @ centroids.T).todense()).argmax(axis=1)]
        parts = np.where(np.isin(parts, big), parts, nearest)
        for b in big[1:]:
            out[rows[parts == b]] = fresh
            fresh += 1
    if refine:
        out = C._refine(p.matrix, out)
    return p.labels(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    t4, y4, _ = load_clusters([args.eval / "duc2004" / "dev"])
    t6, y6, _ = load_clusters([args.eval / "duc2006" / "dev"])
    d4, d6 = Prepared(t4, y4), Prepared(t6, y6)
    both = Prepared(t4 + t6, y4 + [y + max(y4) + 1 for y in y6])
    print("| vocabulary, share, inner resolution, refined after | DUC 2004 | DUC 2006 | both |\n|---|---:|---:|---:|")
    for vocab, share, inner, refine in itertools.product(("names", "stems"), (0.5, 0.7), (1.0, 2.0), (False, True)):
        r = [ari(p, split_stories(p, inner, share, vocab, refine)) for p in (d4, d6, both)]
        print(f"| {vocab}, {share}, {inner:g}, {'yes' if refine else 'no'} | "
              + " | ".join(f"{x:.3f}" for x in r) + " |", flush=True)


if __name__ == "__main__":
    main()
