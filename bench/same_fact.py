"""Fit the same-fact rule's logistic weights on MSRP-format pairs and report 10-fold cross-validated figures.

    python bench/same_fact.py ../shared/eval/msrp/train.tsv

Prints the cross-validated accuracy, precision, recall and F1 of the fitted rule (weights and threshold
fitted on nine folds, scored on the tenth), then the weights fitted on all pairs: paste them into
briefer/facts.py (WEIGHTS, THRESHOLD). Also prints the plain cosine rule for comparison.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from briefer.facts import CANDIDATE_COSINE, FEATURES, pair_matrix
from briefer.pairs import read_pairs, scores


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, rounds: int = 30) -> np.ndarray:
    """Logistic regression by Newton's method (weights, then intercept)."""
    xb = np.hstack([x, np.ones((x.shape[0], 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + l2 * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + l2 * np.eye(xb.shape[1])
        w -= np.linalg.solve(hess, grad)
    return w


def best_threshold(prob: np.ndarray, y: np.ndarray) -> float:
    """The threshold with the best accuracy plus twice F1 on the training folds (both are targets)."""
    grid = np.linspace(0.2, 0.8, 61)

    def merit(t: float) -> float:
        s = scores(list(prob >= t), list(y == 1))
        return s.accuracy + 2 * s.f1

    return float(max(grid, key=merit))


def main(path: str) -> None:
    pairs = read_pairs(Path(path))
    x, cos, veto = pair_matrix([(p.first, p.second) for p in pairs])
    y = np.array([p.same for p in pairs], dtype=float)
    gate = (cos >= CANDIDATE_COSINE) & ~veto
    print(f"{len(pairs)} pairs; {100 * (y[~gate] == 1).mean():.1f}% of the {int((~gate).sum())} below the "
          f"candidate cosine are 'same'")
    for t in (0.4, 0.5, 0.6):
        print(f"cosine >= {t}:", scores(list(cos >= t), list(y == 1)))
    rng = np.random.default_rng(0)
    folds = rng.permutation(len(y)) % 10
    predicted = np.zeros(len(y), dtype=bool)
    for k in range(10):
        train, test = folds != k, folds == k
        w = fit(x[train], y[train])
        prob = 1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))
        t = best_threshold(prob[train] * gate[train], y[train])
        predicted[test] = (prob[test] >= t) & gate[test]
    print("10-fold cross-validated:", scores(list(predicted), list(y == 1)))
    w = fit(x, y)
    prob = 1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))
    t = best_threshold(prob * gate, y)
    print("fitted on all pairs:", scores(list((prob >= t) & gate), list(y == 1)))
    print("WEIGHTS = np.array([" + ", ".join(f"{v:.4f}" for v in w) + "])  # " + ", ".join(FEATURES))
    print(f"THRESHOLD = {t:.2f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/msrp/train.tsv")
