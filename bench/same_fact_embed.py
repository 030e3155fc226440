"""Issue 12: does a sentence-embedding cosine help the same-fact rule? (throw-away, sixth pass of issue 14's model)

    /work/venv-embed/bin/python bench/same_fact_embed.py [--model wordllama|minilm]

Runs in the scratch venv that has wordllama (bench/cluster_embed.py loads it from the wheel's files). For each
variant: MSRP train 10-fold cross-validated accuracy / F1 (weights, thresholds and the embedding bar fitted on nine
folds, as bench/same_fact.py does), then the in-story and held-out pair sets (tests/data/pairs) scored with the
variant fitted on all of MSRP train (never on them). Variants:

- the rule refitted (the same procedure with the current features: the like-for-like baseline);
- (i) a second candidate path: a pair below the TF-IDF gate is a candidate when its embedding cosine reaches t
  (t chosen on the training folds from a grid, and fixed bars), judged by the model and the vetoes;
- (ii) the embedding cosine as one more feature of the logistic model;
- (i) and (ii) together;
- the embedding cosine alone, its threshold chosen by cross-validation (a baseline).

The figure path (FIGURE_THRESHOLD) and every veto of `judge_pairs` are kept in all but the last. Reads
../shared/eval/msrp at run time.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cluster_embed import minilm_embedder, wordllama_embedder  # noqa: E402
from same_fact import best_threshold, fit  # noqa: E402

from briefer.facts import CANDIDATE_COSINE, FIGURE_THRESHOLD, SameFact, pair_matrix, shares_figure  # noqa: E402
from briefer.pairs import PairScores, read_pairs, scores  # noqa: E402

MSRP = ROOT.parent / "shared" / "eval" / "msrp" / "train.tsv"
CHECKS = ["in-story", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5"]
PATH_GRID = np.round(np.arange(0.5, 0.96, 0.05), 2)


class PairSet:
    def __init__(self, path: Path, embed: Callable[[list[str]], np.ndarray]) -> None:
        pairs = read_pairs(path)
        rows = [(p.first, p.second) for p in pairs]
        self.x, self.cos, self.veto = pair_matrix(rows)
        self.figures = np.array([shares_figure(a, b) for a, b in rows], dtype=bool)
        e = embed([t for r in rows for t in r])
        self.emb = (e[0::2] * e[1::2]).sum(axis=1)
        self.y = np.array([p.same for p in pairs], dtype=bool)

    def features(self, with_emb: bool) -> np.ndarray:
        return np.hstack([self.x, self.emb[:, None]]) if with_emb else self.x


def _prob(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1]))))


def decide(d: PairSet, idx: np.ndarray, p: np.ndarray, t: float, bar: float | None) -> np.ndarray:
    """judge_pairs's rule on the pairs `idx` (probabilities `p`), plus the embedding path at `bar` when given."""
    cos, fig, veto, emb = d.cos[idx], d.figures[idx], d.veto[idx], d.emb[idx]
    gate = cos >= CANDIDATE_COSINE
    same = np.where(gate, p >= t, fig & (p >= FIGURE_THRESHOLD))
    if bar is not None:
        same = same | (~gate & (emb >= bar) & (p >= t))
    return np.asarray(same & ~veto)


def merit(s: PairScores) -> float:
    return round(s.accuracy + 2 * s.f1, 9)


def fitted(d: PairSet, idx: np.ndarray, with_emb: bool, path: str) -> tuple[np.ndarray, float, float | None]:
    """Weights, threshold and embedding-path bar fitted on the pairs `idx` (`path`: "none", "cv" for a bar chosen
    here from PATH_GRID, or a fixed bar)."""
    x, y = d.features(with_emb)[idx], d.y[idx].astype(float)
    w = fit(x, y)
    p = _prob(x, w)
    t = best_threshold(p * ((d.cos[idx] >= CANDIDATE_COSINE) & ~d.veto[idx]), y)
    if path == "none":
        return w, t, None
    if path != "cv":
        return w, t, float(path)
    bar = max(PATH_GRID, key=lambda b: (merit(scores(list(decide(d, idx, p, t, b)), list(d.y[idx]))), b))
    return w, t, float(bar)


def variant(msrp: PairSet, checks: dict[str, PairSet], with_emb: bool, path: str) -> str:
    folds = np.random.default_rng(0).permutation(len(msrp.y)) % 10
    predicted = np.zeros(len(msrp.y), dtype=bool)
    bars = []
    for k in range(10):
        train, test = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        w, t, bar = fitted(msrp, train, with_emb, path)
        bars.append(bar)
        predicted[test] = decide(msrp, test, _prob(msrp.features(with_emb)[test], w), t, bar)
    cv = scores(list(predicted), list(msrp.y))
    w, t, bar = fitted(msrp, np.arange(len(msrp.y)), with_emb, path)
    out = [f"MSRP CV {cv.accuracy:.4f} / {cv.f1:.4f}"]
    for name, d in checks.items():
        idx = np.arange(len(d.y))
        s = scores(list(decide(d, idx, _prob(d.features(with_emb), w), t, bar)), list(d.y))
        out.append(f"{name} {s.f1:.3f}")
    chosen = "" if path != "cv" else f" (bars chosen per fold {min(bars):.2f}-{max(bars):.2f}, on all {bar:.2f})"
    return " | ".join(out) + chosen


def alone(msrp: PairSet, checks: dict[str, PairSet]) -> str:
    grid = np.round(np.arange(0.3, 0.99, 0.01), 2)

    def best(idx: np.ndarray) -> float:
        return float(max(grid, key=lambda b: (merit(scores(list(msrp.emb[idx] >= b), list(msrp.y[idx]))), b)))

    folds = np.random.default_rng(0).permutation(len(msrp.y)) % 10
    predicted = np.zeros(len(msrp.y), dtype=bool)
    for k in range(10):
        train, test = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        predicted[test] = msrp.emb[test] >= best(train)
    cv = scores(list(predicted), list(msrp.y))
    bar = best(np.arange(len(msrp.y)))
    out = [f"MSRP CV {cv.accuracy:.4f} / {cv.f1:.4f}"]
    out += [f"{name} {scores(list(d.emb >= bar), list(d.y)).f1:.3f}" for name, d in checks.items()]
    return " | ".join(out) + f" (threshold on all MSRP {bar:.2f})"


def pinned(msrp: PairSet, checks: dict[str, PairSet]) -> list[str]:
    """The pinned weights (SameFact) as they ship, with and without the embedding path at a few bars (MSRP train
    figures in-sample, as `briefer eval-pairs` prints them)."""
    rule = SameFact()
    out = []
    for bar in (None, 0.6, 0.65, 0.7, 0.8):
        row = []
        for name, d in {"MSRP": msrp, **checks}.items():
            s = scores(list(decide(d, np.arange(len(d.y)), rule.probability(d.x), rule.threshold, bar)), list(d.y))
            row.append(f"{name} {s.accuracy:.4f} / {s.f1:.4f}" if name == "MSRP" else f"{name} {s.f1:.3f}")
        out.append(f"pinned weights, {'no embedding path' if bar is None else f'embedding path at {bar}'}: "
                   + " | ".join(row))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="wordllama", choices=["wordllama", "minilm"])
    args = parser.parse_args()
    embed = wordllama_embedder() if args.model == "wordllama" else minilm_embedder()
    msrp = PairSet(MSRP, embed)
    checks = {name: PairSet(ROOT / "tests" / "data" / "pairs" / f"{name}.tsv", embed) for name in CHECKS}
    same, differ = msrp.emb[msrp.y], msrp.emb[~msrp.y]
    print(f"{args.model}: MSRP embedding cosine, 'same' median {np.median(same):.3f}, 'not same' "
          f"{np.median(differ):.3f}; below the TF-IDF gate: {int((msrp.cos < CANDIDATE_COSINE).sum())} pairs, "
          f"{int(((msrp.cos < CANDIDATE_COSINE) & msrp.y).sum())} 'same'", flush=True)
    rows = [("the rule refitted (baseline)", False, "none"),
            ("(i) embedding path, bar by CV", False, "cv"),
            ("(i) embedding path, bar 0.8", False, "0.8"),
            ("(i) embedding path, bar 0.9", False, "0.9"),
            ("(ii) embedding cosine as a feature", True, "none"),
            ("(i) + (ii), bar by CV", True, "cv")]
    for line in pinned(msrp, checks):
        print(line, flush=True)
    for label, with_emb, path in rows:
        print(f"{label}: {variant(msrp, checks, with_emb, path)}", flush=True)
    print(f"embedding cosine alone, threshold by CV: {alone(msrp, checks)}")


if __name__ == "__main__":
    main()
