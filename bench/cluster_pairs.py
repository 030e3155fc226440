"""Learned pairwise edge weights for story clustering (issue 14, fifth pass), scored leave-one-set-out.

Usage: python bench/cluster_pairs.py [--eval ../shared/eval] [--grid | --variants] [--floor 0.1]

Instead of the raw TF-IDF cosine as the weight of the k-nearest-neighbour graph, a logistic model gives P(same
story) for each candidate pair from label-free features of the pair (`FEATURES`): the content-stem cosine, the
cosine of the names only, the cosine of the leads (first 3 sentences), the overlap of the first sentences, the
rank of each article in the other's candidate list, and each article's neighbourhood density (its 4th
candidate's cosine). Publication dates are not a feature: briefer reads none from the DUC 2004 files, and the 169
of 622 it reads from DUC 2006 are all in 2025 (day names resolved without the article's date; the files are of
1996-2000). The graph keeps each article's `k`
most probable candidates at P >= 0.5 (`_graph`), weighted by P; Louvain and the centroid refinement are the kept
ones (briefer/cluster.py). Candidates are the kept method's (cosine >= 0.1), so the "kept" row reproduces
`briefer eval-clusters`. Also: P as logit, feature subsets, average linkage on 1 - P, and (--grid) neighbours x
resolution x P floor with in-sample columns for choosing settings on the training set, (--variants) other ways
to fit or use P. Results: docs/quality.md, "Fifth pass". About 3 minutes of CPU; --grid adds about 8.

Honesty: the model is fitted on the candidate pairs of one DUC dev set and scored on the other (leave-one-set-out);
"both" is scored with the model of each half. The true labels are used only to fit and to score. The DUC texts
are read from --eval at run time; nothing of them is written.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer import cluster as C  # noqa: E402
from briefer.cluster_eval import adjusted_rand, load_clusters  # noqa: E402
from briefer.text import content_stems  # noqa: E402

FEATURES = ("cosine", "names cosine", "leads cosine", "first-sentence overlap", "1 / best rank", "1 / worse rank",
            "denser end's 4th cosine", "looser end's 4th cosine")
_SENTENCE = re.compile(r"(?<=[.!?'\"])\s+(?=[A-Z\"'`])")
CANDIDATE_FLOOR = C.LINK_FLOOR  # --floor: the cosine at which pairs become candidates


class Prepared:
    """One mixed set in the kept pipeline's canonical, copies-merged rows, with the pair features' matrices."""

    def __init__(self, texts: list[str], truth: list[int], floor: float = CANDIDATE_FLOOR) -> None:
        matrix = C.features(texts)
        order = C._canonical_order(matrix)
        canonical = sparse.csr_matrix(matrix[order])
        groups = C._duplicate_groups(canonical)
        n, count = len(texts), int(groups.max()) + 1
        membership = sparse.csr_matrix((np.ones(n), (groups, np.arange(n))), shape=(count, n))

        def merge(m: sparse.csr_matrix) -> sparse.csr_matrix:
            return C._normalise(sparse.csr_matrix(membership @ sparse.csr_matrix(m[order])))

        self.order, self.groups, self.truth = order, groups, np.asarray(truth)
        self.matrix = C._normalise(sparse.csr_matrix(membership @ canonical))
        self.names = merge(C._term_matrix([[x.lower() for x in C.names(t)] for t in texts]))
        leads = [" ".join(_SENTENCE.split(t.replace("\n", " "))[:3]) for t in texts]
        self.leads = merge(C._term_matrix([content_stems(x) for x in leads]))
        firsts = [set(content_stems(_SENTENCE.split(t.strip().split("\n")[0])[0])) for t in texts]
        first_of = {}
        for i, g in enumerate(groups[np.argsort(order)]):  # a group's first sentence: its first article's
            first_of.setdefault(int(g), firsts[i])
        self.firsts = [first_of[g] for g in range(count)]
        # The truth per merged row (copies of one article are one story in DUC).
        truth_rows = np.empty(count, dtype=np.int64)
        truth_rows[groups] = np.asarray(truth)[order]
        self.truth_rows = truth_rows
        self.pairs = C.candidate_graph(self.matrix, floor).tocoo()
        self.x = pair_features(self)
        self.y = (truth_rows[self.pairs.row] == truth_rows[self.pairs.col]).astype(int)

    def labels(self, found_rows: np.ndarray) -> np.ndarray:
        labels = np.empty(len(self.order), dtype=np.int64)
        labels[self.order] = found_rows[self.groups]
        return labels


def _row_cos(m: sparse.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.asarray(m[a].multiply(m[b]).sum(axis=1)).ravel()


def _ranks(n: int, a: np.ndarray, b: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rank (1 = closest) of b among a's candidates and of a among b's, and each row's 4th candidate cosine."""
    src = np.concatenate([a, b])
    dst = np.concatenate([b, a])
    sim = np.round(np.concatenate([s, s]), 9)
    order = np.lexsort((dst, -sim, src))
    starts = np.searchsorted(src[order], np.arange(n))
    rank = np.empty(len(src), dtype=np.int64)
    rank[order] = np.arange(len(src)) - starts[src[order]] + 1
    fourth = np.zeros(n)
    hit = rank == 4
    fourth[src[hit]] = sim[hit]
    m = len(a)
    return rank[:m], rank[m:], fourth


def pair_features(p: Prepared) -> np.ndarray:
    a, b, s = p.pairs.row, p.pairs.col, p.pairs.data
    r_ab, r_ba, fourth = _ranks(p.matrix.shape[0], a, b, s)
    overlap = np.asarray([len(p.firsts[i] & p.firsts[j]) / max(len(p.firsts[i] | p.firsts[j]), 1)
                          for i, j in zip(a.tolist(), b.tolist(), strict=True)])
    best, worse = np.minimum(r_ab, r_ba), np.maximum(r_ab, r_ba)
    return np.column_stack([s, _row_cos(p.names, a, b), _row_cos(p.leads, a, b), overlap, 1.0 / best, 1.0 / worse,
                            np.maximum(fourth[a], fourth[b]), np.minimum(fourth[a], fourth[b])])


def fit(sets: list[Prepared], columns: list[int], *, balanced: bool = False, top: int = 0) -> LogisticRegression:
    """Logistic P(same story) on the candidate pairs of `sets` (`top`: only pairs within either end's `top`
    closest candidates; `balanced`: both classes weighted equally)."""
    keep = [np.minimum(*_ranks(p.matrix.shape[0], p.pairs.row, p.pairs.col, p.pairs.data)[:2]) <= top if top
            else np.ones(len(p.y), dtype=bool) for p in sets]
    x = np.vstack([p.x[k][:, columns] for p, k in zip(sets, keep, strict=True)])
    y = np.concatenate([p.y[k] for p, k in zip(sets, keep, strict=True)])
    return LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced" if balanced else None).fit(x, y)


def _graph(p: Prepared, weight: np.ndarray, k: int, floor: float) -> sparse.coo_matrix:
    """Each row's k candidates of highest weight at or above floor, an edge when either end keeps it."""
    n = p.matrix.shape[0]
    a, b = p.pairs.row, p.pairs.col
    keep = weight >= floor
    g = sparse.coo_matrix((np.round(weight[keep], 9), (a[keep], b[keep])), shape=(n, n))
    return C.knn_graph(p.matrix, k, 0.0, g)


def cluster(p: Prepared, weight: np.ndarray, k: int = C.NEIGHBOURS, resolution: float = C.RESOLUTION,
            floor: float = 0.5) -> np.ndarray:
    found = C._communities(_graph(p, weight, k, floor), resolution)
    found = C._attach_singletons(p.matrix, found, C.ATTACH)
    return p.labels(C._refine(p.matrix, found))


def average_linkage(p: Prepared, weight: np.ndarray, cut: float, refine: bool) -> np.ndarray:
    """Average linkage on 1 - P (1 for pairs that are not candidates), cut where the mean P falls below `cut`
    (dense: an experiment on the DUC sizes only, not linear)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = p.matrix.shape[0]
    dist = np.ones((n, n))
    dist[p.pairs.row, p.pairs.col] = 1 - weight
    dist[p.pairs.col, p.pairs.row] = 1 - weight
    np.fill_diagonal(dist, 0)
    found = fcluster(linkage(squareform(dist, checks=False), "average"), 1 - cut, "distance") - 1
    if refine:
        found = C._refine(p.matrix, C._attach_singletons(p.matrix, found, C.ATTACH))
    return p.labels(np.asarray(found, dtype=np.int64))


def kept(p: Prepared) -> np.ndarray:
    """The kept method on the same rows (the cosine as weight, floor 0.1)."""
    return cluster(p, p.pairs.data, floor=C.LINK_FLOOR)


def ari(p: Prepared, labels: np.ndarray) -> float:
    return adjusted_rand(p.truth.tolist(), labels.tolist())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--grid", action="store_true", help="also neighbours x resolution x P floor")
    parser.add_argument("--variants", action="store_true", help="only the variants of fitting and using P")
    parser.add_argument("--floor", type=float, default=CANDIDATE_FLOOR, help="cosine floor of candidate pairs")
    args = parser.parse_args()
    t4, y4, _ = load_clusters([args.eval / "duc2004" / "dev"])
    t6, y6, _ = load_clusters([args.eval / "duc2006" / "dev"])
    sets = {"DUC 2004": Prepared(t4, y4, args.floor), "DUC 2006": Prepared(t6, y6, args.floor),
            "both": Prepared(t4 + t6, y4 + [y + max(y4) + 1 for y in y6], args.floor)}
    d4, d6, both = sets.values()
    if args.variants:
        variants(d4, d6, both)
        return
    print("| method | DUC 2004 | DUC 2006 | both (fit 2004) | both (fit 2006) |\n|---|---:|---:|---:|---:|")
    print(f"| kept | {ari(d4, kept(d4)):.3f} | {ari(d6, kept(d6)):.3f} | {ari(both, kept(both)):.3f} | |")
    all_cols = list(range(len(FEATURES)))
    subsets = {"all features": all_cols, "cosine only": [0], "cosine + names + leads + overlap": [0, 1, 2, 3],
               "cosine + ranks + density": [0, 4, 5, 6, 7]}
    for label, cols in subsets.items():
        m4, m6 = fit([d4], cols), fit([d6], cols)
        for kind in ("P", "logit"):
            def w(p: Prepared, m: LogisticRegression, kind: str = kind, cols: list[int] = cols) -> np.ndarray:
                prob = m.predict_proba(p.x[:, cols])[:, 1]
                return prob if kind == "P" else np.clip(np.log(prob / (1 - prob)), 1e-3, None)
            floor = 0.5 if kind == "P" else 1e-3
            r = [ari(d4, cluster(d4, w(d4, m6), floor=floor)), ari(d6, cluster(d6, w(d6, m4), floor=floor)),
                 ari(both, cluster(both, w(both, m4), floor=floor)), ari(both, cluster(both, w(both, m6), floor=floor))]
            print(f"| {label}, weight {kind} | " + " | ".join(f"{x:.3f}" for x in r) + " |", flush=True)
    m4, m6 = fit([d4], all_cols), fit([d6], all_cols)
    separation(d4, d6, both, m4, m6)
    for cut in (0.3, 0.5):
        for refine in (False, True):
            r = [ari(p, average_linkage(p, m.predict_proba(p.x)[:, 1], cut, refine))
                 for p, m in ((d4, m6), (d6, m4), (both, m4), (both, m6))]
            print(f"| all features, average linkage on 1 - P cut at P {cut}{', refined' if refine else ''} | "
                  + " | ".join(f"{x:.3f}" for x in r) + " |", flush=True)
    m_both = fit([d4, d6], all_cols)
    print("coefficients (fitted on both):", dict(zip(FEATURES, np.round(m_both.coef_[0], 4), strict=True)),
          "intercept", round(float(m_both.intercept_[0]), 4))
    if args.grid:
        grid(d4, d6, both, all_cols)


def separation(d4: Prepared, d6: Prepared, both: Prepared, m4: LogisticRegression, m6: LogisticRegression) -> None:
    """How well the cosine and the learned P tell same-story candidate pairs from others (held-out set)."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    for label, p, m in (("DUC 2004 (fit 2006)", d4, m6), ("DUC 2006 (fit 2004)", d6, m4), ("both (fit 2004)", both, m4),
                        ("both (fit 2006)", both, m6)):
        prob = m.predict_proba(p.x)[:, 1]
        print(f"  {label}: {len(p.y)} candidate pairs, {p.y.mean():.1%} same-story; ROC AUC cosine "
              f"{roc_auc_score(p.y, p.x[:, 0]):.3f}, P {roc_auc_score(p.y, prob):.3f}; average precision cosine "
              f"{average_precision_score(p.y, p.x[:, 0]):.3f}, P {average_precision_score(p.y, prob):.3f}")
    for label, m in (("fit 2004", m4), ("fit 2006", m6)):
        print(f"  coefficients {label}:", " ".join(f"{f}={c:.2f}" for f, c in zip(FEATURES, m.coef_[0], strict=True)),
              f"intercept={m.intercept_[0]:.2f}")


def variants(d4: Prepared, d6: Prepared, both: Prepared) -> None:
    """Other ways to fit or use P, with the kept graph settings (4-NN, resolution 3)."""
    cols = list(range(len(FEATURES)))
    fits = {"balanced classes": {"balanced": True}, "fitted on pairs within either end's 10 closest": {"top": 10},
            "fitted on pairs within either end's 4 closest": {"top": 4}}
    runs = [(d4, 1), (d6, 0), (both, 0), (both, 1)]  # (scored set, index of the fitted half in (d4, d6))
    for label, kwargs in fits.items():
        models = (fit([d4], cols, **kwargs), fit([d6], cols, **kwargs))
        r = [ari(p, cluster(p, models[m].predict_proba(p.x)[:, 1])) for p, m in runs]
        print(f"| all features, weight P, {label} | " + " | ".join(f"{x:.3f}" for x in r) + " |", flush=True)
    models = (fit([d4], cols), fit([d6], cols))
    r = [ari(p, cluster(p, p.pairs.data * models[m].predict_proba(p.x)[:, 1], floor=0.05)) for p, m in runs]
    print("| all features, weight cosine x P (floor 0.05) | " + " | ".join(f"{x:.3f}" for x in r) + " |", flush=True)
    r = [ari(p, cluster_kept_topology(p, models[m].predict_proba(p.x)[:, 1])) for p, m in runs]
    print("| kept graph (neighbours by cosine), edges weighted by P | " + " | ".join(f"{x:.3f}" for x in r) + " |")


def cluster_kept_topology(p: Prepared, prob: np.ndarray) -> np.ndarray:
    """The kept kNN graph (neighbours chosen by cosine), each edge weighted by P instead."""
    graph = C.knn_graph(p.matrix, C.NEIGHBOURS, C.LINK_FLOOR, p.pairs).tocsr()
    lookup = sparse.csr_matrix((prob, (p.pairs.row, p.pairs.col)), shape=graph.shape)
    graph = graph.tocoo()
    weight = np.asarray(lookup[graph.row, graph.col]).ravel()
    found = C._communities(sparse.coo_matrix((np.round(weight, 9), (graph.row, graph.col)), shape=graph.shape),
                           C.RESOLUTION)
    return p.labels(C._refine(p.matrix, C._attach_singletons(p.matrix, found, C.ATTACH)))


def grid(d4: Prepared, d6: Prepared, both: Prepared, cols: list[int]) -> None:
    """Neighbours x resolution x P floor; in-sample columns (fit and score on one set) to choose settings on the
    training set, cross columns to score them."""
    m4, m6 = fit([d4], cols), fit([d6], cols)

    def run(p: Prepared, m: LogisticRegression, k: int, res: float, floor: float) -> float:
        return ari(p, cluster(p, m.predict_proba(p.x[:, cols])[:, 1], k, res, floor))

    print("\n| neighbours, resolution, P floor | 2004 in-sample | 2006 in-sample | 2004 (fit 2006) | 2006 (fit 2004) "
          "| both (fit 2004) | both (fit 2006) |\n|---|---:|---:|---:|---:|---:|---:|")
    configs = [(k, res, 0.5) for k in (3, 4, 5, 6) for res in (1.0, 2.0, 3.0, 4.0)]
    configs += [(4, 3.0, f) for f in (0.2, 0.3, 0.7)]
    for k, res, floor in configs:
        r = [run(d4, m4, k, res, floor), run(d6, m6, k, res, floor), run(d4, m6, k, res, floor),
             run(d6, m4, k, res, floor), run(both, m4, k, res, floor), run(both, m6, k, res, floor)]
        print(f"| {k}, {res:g}, {floor} | " + " | ".join(f"{x:.3f}" for x in r) + " |", flush=True)

if __name__ == "__main__":
    main()
