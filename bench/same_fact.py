"""Fit the same-fact rule's logistic weights on MSRP-format pairs and report 10-fold cross-validated figures.

    python bench/same_fact.py ../shared/eval/msrp/train.tsv

Prints the cross-validated accuracy, precision, recall and F1 of the fitted rule (weights and threshold
fitted on nine folds, scored on the tenth), then the weights fitted on all pairs: paste them into
briefer/facts.py (WEIGHTS, THRESHOLD). Also prints the plain cosine rule for comparison.

    python bench/same_fact.py ../shared/eval/msrp/train.tsv --variants tests/data/pairs/in-story.tsv

prints the variants of the substitution-aware rule that docs/quality.md lists (fewer features, other
vetoes, another candidate gate), each cross-validated on MSRP and checked (never fitted) on the second file.

    python bench/same_fact.py ../shared/eval/msrp/train.tsv --attached tests/data/pairs/in-story.tsv

prints, for the vetoes of briefer.attached (issue 12, third round), how many pairs each rejects that the rule
without them calls the same ("same" / "not same", on both files), and the rule with none, each and both of
them, cross-validated on MSRP (four decimals: the margin to the target is that small).

    python bench/same_fact.py ../shared/eval/msrp/train.tsv --combined 1,3

fits one model on MSRP train and the in-story pairs (tests/data/pairs/facts.txt, each in-story pair counted 1
or 3 times) and reports it honestly: 10-fold cross-validated on MSRP (every in-story pair in each training
fold), and leave-one-story-out on the in-story pairs (MSRP and the other four stories to train, the fifth
scored), never a story the model was fitted on (issue 12, fourth round).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from briefer.attached import negation_attached, preview_attached
from briefer.facts import (
    CANDIDATE_COSINE,
    FEATURES,
    FIGURE_THRESHOLD,
    THRESHOLD,
    Residue,
    SameFact,
    counts_differ,
    names_apart,
    pair_matrix,
    profile,
    residue,
    shares_figure,
    states_differ,
    substituted,
)
from briefer.pairs import PairScores, read_pairs, scores


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


def second_threshold(prob: np.ndarray, y: np.ndarray, accepted: np.ndarray, path: np.ndarray) -> float:
    """FIGURE_THRESHOLD: the bar for the pairs of the figure path (`path`) with the best accuracy plus twice F1,
    given the pairs the rule already accepts; on a tie the lower bar."""
    grid = np.linspace(0.2, 0.95, 76)

    def merit(t: float) -> float:
        s = scores(list(accepted | (path & (prob >= t))), list(y == 1))
        return round(s.accuracy + 2 * s.f1, 9)

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
    # The candidate gate of the brief's rule: the cosine, or a figure both sentences give (seventh round).
    figures = np.array([shares_figure(p.first, p.second) for p in pairs], dtype=bool) & ~veto & (cos < CANDIDATE_COSINE)
    plain = np.zeros(len(y), dtype=bool)
    with_figures = np.zeros(len(y), dtype=bool)
    fixed = np.zeros(len(y), dtype=bool)
    for k in range(10):
        train, test = folds != k, folds == k
        w = fit(x[train], y[train])
        prob = 1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))
        t = best_threshold(prob[train] * gate[train], y[train])
        plain[test] = (prob[test] >= t) & gate[test]
        bar = second_threshold(prob[train], y[train], (prob[train] >= t) & gate[train], figures[train])
        with_figures[test] = plain[test] | ((prob[test] >= bar) & figures[test])
        fixed[test] = plain[test] | ((prob[test] >= FIGURE_THRESHOLD) & figures[test])
    for name, predicted in (("the cosine gate alone", plain),
                            ("the rule (the cosine gate, or a shared figure at FIGURE_THRESHOLD)", fixed),
                            ("a shared figure at a bar chosen on the training folds", with_figures)):
        s = scores(list(predicted), list(y == 1))
        print(f"10-fold cross-validated, {name}: accuracy {s.accuracy:.4f}, F1 {s.f1:.4f} "
              f"(P {s.precision:.4f}, R {s.recall:.4f})")
    pinned = SameFact().probability(x)
    bar = second_threshold(pinned, y, (pinned >= THRESHOLD) & gate, figures)
    print(f"best figure-path bar on all pairs: {bar:.2f} (pinned weights; {int(figures.sum())} pairs on the figure "
          f"path, {int((figures & (y == 1)).sum())} 'same'; FIGURE_THRESHOLD is {FIGURE_THRESHOLD})")
    w = fit(x, y)
    prob = 1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))
    t = best_threshold(prob * gate, y)
    print("fitted on all pairs:", scores(list((prob >= t) & gate), list(y == 1)))
    print("WEIGHTS = np.array([" + ", ".join(f"{v:.4f}" for v in w) + "])  # " + ", ".join(FEATURES))
    print(f"THRESHOLD = {t:.2f}")


class _Set:
    """A pair file's features, cosines, vetoes and residues."""

    def __init__(self, path: str) -> None:
        pairs = read_pairs(Path(path))
        texts = [(p.first, p.second) for p in pairs]
        self.x, self.cos, _ = pair_matrix(texts)
        profiles = [(profile(a), profile(b)) for a, b in texts]
        self.residues = [residue(a, b) for a, b in profiles]
        self.base = np.array([counts_differ(pa, pb) or names_apart(a, b)
                              for (pa, pb), (a, b) in zip(profiles, texts, strict=True)])
        self.states = np.array([states_differ(a, b) for a, b in profiles])
        self.y = np.array([p.same for p in pairs], dtype=float)
        self.negation = np.array([negation_attached(a, b) for a, b in texts], dtype=bool)
        self.preview = np.array([preview_attached(a, b) for a, b in texts], dtype=bool)
        self.attached = self.negation | self.preview


def _variant(msrp: _Set, check: _Set, features: int, veto: Callable[[Residue], bool], gate: float,
             attached: Callable[[_Set], np.ndarray] | None = None) -> tuple[PairScores, PairScores, PairScores]:
    """MSRP 10-fold CV, MSRP fitted on all, and the check set with the weights fitted on all of MSRP
    (`attached`: which of briefer.attached's vetoes apply, none when not given)."""
    def parts(d: _Set) -> tuple[np.ndarray, np.ndarray]:
        vetoed = d.base | d.states | np.array([veto(r) for r in d.residues], dtype=bool)
        if attached is not None:
            vetoed = vetoed | attached(d)
        return d.x[:, :features], (d.cos >= gate) & ~vetoed

    x, gate_m = parts(msrp)
    y = msrp.y
    folds = np.random.default_rng(0).permutation(len(y)) % 10
    predicted = np.zeros(len(y), dtype=bool)
    for k in range(10):
        train, test = folds != k, folds == k
        w = fit(x[train], y[train])
        prob = 1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))
        t = best_threshold(prob[train] * gate_m[train], y[train])
        predicted[test] = (prob[test] >= t) & gate_m[test]
    w = fit(x, y)
    prob = 1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))
    t = best_threshold(prob * gate_m, y)
    xc, gate_c = parts(check)
    prob_c = 1.0 / (1.0 + np.exp(-(xc @ w[:-1] + w[-1])))
    return (scores(list(predicted), list(y == 1)), scores(list((prob >= t) & gate_m), list(y == 1)),
            scores(list((prob_c >= t) & gate_c), list(check.y == 1)))


def variants(msrp_path: str, check_path: str) -> None:
    """The rows of docs/quality.md's second round (issue 12)."""
    msrp, check = _Set(msrp_path), _Set(check_path)
    old = 21  # the features before the residue slots

    def none(r: Residue) -> bool:
        return False

    def names(r: Residue) -> bool:
        return substituted(r) or (r.rest == 0 and r.name_unknown)

    def near(r: Residue) -> bool:
        return substituted(r) or (r.rest <= 1 and (r.name_unknown or r.figure_one or r.time or r.negation
                                                   or r.preview_report))

    def anywhere(r: Residue) -> bool:
        return substituted(r) or r.name_unknown or r.figure or r.time or r.negation or r.preview_report

    rows: list[tuple[str, int, Callable[[Residue], bool], float]] = [
        ("21 features, outcome groups", old, none, CANDIDATE_COSINE),
        ("+ residue features", len(FEATURES), none, CANDIDATE_COSINE),
        ("+ substitution veto (the rule)", len(FEATURES), substituted, CANDIDATE_COSINE),
        ("+ proper names in the substitution veto", len(FEATURES), names, CANDIDATE_COSINE),
        ("+ the vetoes at most one other word left", len(FEATURES), near, CANDIDATE_COSINE),
        ("+ the vetoes at any residue", len(FEATURES), anywhere, CANDIDATE_COSINE),
        ("the rule, candidate gate 0.25", len(FEATURES), substituted, 0.25),
    ]
    for label, features, veto, gate in rows:
        cv, pinned, story = _variant(msrp, check, features, veto, gate)
        print(f"{label}: MSRP CV {100 * cv.accuracy:.1f} / {100 * cv.f1:.2f}, pinned {100 * pinned.accuracy:.1f} / "
              f"{100 * pinned.f1:.1f}; check set F1 {100 * story.f1:.1f} (P {100 * story.precision:.1f}, "
              f"R {100 * story.recall:.1f})")


def attached_rows(msrp_path: str, check_path: str) -> None:
    """The rows of docs/quality.md's third round (issue 12): the vetoes of briefer.attached."""
    msrp, check = _Set(msrp_path), _Set(check_path)
    for d, name in ((msrp, "MSRP"), (check, "check set")):
        said_same = _said_same(msrp, d)
        for label, hit in (("negation", d.negation), ("preview", d.preview)):
            print(f"{name}: {label} rejects {int((hit & said_same & (d.y == 1)).sum())} 'same' / "
                  f"{int((hit & said_same & (d.y == 0)).sum())} 'not same' pairs the rule without it calls the same")
    rows: list[tuple[str, Callable[[_Set], np.ndarray]]] = [
        ("without the attached vetoes", lambda d: np.zeros(len(d.y), dtype=bool)),
        ("+ negation attached", lambda d: d.negation),
        ("+ preview attached", lambda d: d.preview),
        ("+ both (the rule)", lambda d: d.attached),
    ]
    for label, which in rows:
        cv, pinned, story = _variant(msrp, check, len(FEATURES), substituted, CANDIDATE_COSINE, which)
        print(f"{label}: MSRP CV {cv.accuracy:.4f} / {cv.f1:.4f}, refitted {pinned.accuracy:.4f} / {pinned.f1:.4f}; "
              f"check set F1 {story.f1:.4f} (P {story.precision:.4f}, R {story.recall:.4f})")


def _prob(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1]))))


def combined(msrp_path: str, repeats: list[int]) -> None:
    """One model fitted on MSRP train plus the in-story pairs (see the module docstring)."""
    from story_pairs import HERE, groups, pairs  # bench/ is the script's folder

    def matrix(rows: list[tuple[str, str]], same: list[bool]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        x, cos, veto = pair_matrix(rows)
        return x, (cos >= CANDIDATE_COSINE) & ~veto, np.array(same, dtype=float)

    msrp = read_pairs(Path(msrp_path))
    xm, gm, ym = matrix([(p.first, p.second) for p in msrp], [p.same for p in msrp])
    story_rows: list[tuple[int, str, str, int]] = []
    for k, story in enumerate(groups((HERE / "facts.txt").read_text(encoding="utf-8"))):
        story_rows += [(q, a, b, k) for q, a, b in pairs([story])]
    xs, gs, ys = matrix([(a, b) for _, a, b, _ in story_rows], [q == 1 for q, _, _, _ in story_rows])
    sid = np.array([k for *_, k in story_rows])

    def fitted(parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[np.ndarray, float]:
        x, g, y = (np.concatenate([p[i] for p in parts]) for i in range(3))
        w = fit(x, y)
        return w, best_threshold(_prob(x, w) * g, y)

    folds = np.random.default_rng(0).permutation(len(ym)) % 10
    for n in repeats:
        extra = [(xs, gs, ys)] * n
        predicted = np.zeros(len(ym), dtype=bool)
        for k in range(10):
            train = folds != k
            w, t = fitted([(xm[train], gm[train], ym[train]), *extra])
            predicted[~train] = (_prob(xm[~train], w) >= t) & gm[~train]
        story = np.zeros(len(ys), dtype=bool)
        for k in sorted(set(sid.tolist())):
            train = sid != k
            w, t = fitted([(xm, gm, ym), *[(xs[train], gs[train], ys[train])] * n])
            story[~train] = (_prob(xs[~train], w) >= t) & gs[~train]
        cv, loso = scores(list(predicted), list(ym == 1)), scores(list(story), list(ys == 1))
        print(f"in-story pairs x{n}: MSRP 10-fold CV {cv.accuracy:.4f} / {cv.f1:.4f}; in-story leave-one-story-out "
              f"accuracy {loso.accuracy:.4f}, F1 {loso.f1:.4f} (P {loso.precision:.4f}, R {loso.recall:.4f})")


def _said_same(msrp: _Set, d: _Set) -> np.ndarray:
    """The pairs of `d` that the rule without the attached vetoes, fitted on all of MSRP, calls the same."""
    def gate(s: _Set) -> np.ndarray:
        vetoed = s.base | s.states | np.array([substituted(r) for r in s.residues])
        return np.asarray((s.cos >= CANDIDATE_COSINE) & ~vetoed)

    def prob(s: _Set, w: np.ndarray) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-(s.x @ w[:-1] + w[-1]))))

    w = fit(msrp.x, msrp.y)
    t = best_threshold(prob(msrp, w) * gate(msrp), msrp.y)
    return (prob(d, w) >= t) & gate(d)


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[2] == "--variants":
        variants(sys.argv[1], sys.argv[3])
    elif len(sys.argv) > 3 and sys.argv[2] == "--combined":
        combined(sys.argv[1], [int(n) for n in sys.argv[3].split(",")])
    elif len(sys.argv) > 3 and sys.argv[2] == "--attached":
        attached_rows(sys.argv[1], sys.argv[3])
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/msrp/train.tsv")
