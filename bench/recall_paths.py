"""Issue 12, seventh round (branch pairs4): measure candidate rules for the same-fact rule's recall and precision
against the rule with its cosine gate alone (pinned weights; the rule before the figure path was kept), on
MSRP-format pair files. Nothing here is fitted.

    python bench/recall_paths.py ../shared/eval/msrp/train.tsv tests/data/pairs/in-story.tsv

For each file and each variant it prints how many pairs the variant adds ("same" / "not same") or, for a veto,
rejects, and the rule's accuracy, F1, precision and recall with the variant. Variants:

- figure path: a pair below the cosine gate that shares a figure (of at least 10, or any figure) is a candidate,
  judged by the model at THRESHOLD and the vetoes as usual (numbers are not terms of the TF-IDF index); the second,
  any figure, is the rule's second candidate path (`facts.shares_figure`);
- anchored figures: every figure of the sentence with fewer figures is in the other (one of at least 10), any
  cosine, accepted whatever the model says unless vetoed;
- veto next-preview: one sentence previews an event dated next week / month / year that the other, a past-tense
  report with no preview, does not date.

The second candidate path of WordNet-related stems (cosine + related stem pairs, judged at a stricter bar) was
measured by `bench/same_fact.py` at commit 0443def of this branch (docs/quality.md, seventh round).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from briefer.facts import CANDIDATE_COSINE, THRESHOLD, Profile, SameFact, pair_matrix, profile
from briefer.pairs import read_pairs, scores


def shares_figure(a: Profile, b: Profile, least: float) -> bool:  # least 0: facts.shares_figure
    """Both sentences give a figure of at least `least` (or a fraction)."""
    return any(v >= least or v != int(v) for v in a.values & b.values)


def anchored(a: Profile, b: Profile) -> bool:
    """Every figure of the sentence with fewer figures is in the other, one of them at least 10 or a fraction."""
    if not a.values or not b.values:
        return False
    few, many = sorted((a.values, b.values), key=len)
    return few <= many and any(v >= 10 or v != int(v) for v in few)


def next_preview(a: Profile, b: Profile) -> bool:
    """One side previews an event dated next week / month / year; the other reports in the past, undated so."""
    for x, y in ((a, b), (b, a)):
        if x.preview and not y.preview and y.past and any(t.startswith("next-") for t in x.times) \
                and not any(t.startswith("next-") for t in y.times):
            return True
    return False


ADDS: dict[str, Callable[[Profile, Profile, float], bool]] = {
    "figure path (figure >= 10)": lambda a, b, c: c < CANDIDATE_COSINE and shares_figure(a, b, 10),
    "figure path (any figure)": lambda a, b, c: c < CANDIDATE_COSINE and shares_figure(a, b, 0),
}


def report(path: str) -> None:
    pairs = read_pairs(Path(path))
    x, cos, veto = pair_matrix([(p.first, p.second) for p in pairs])
    prob = SameFact().probability(x)
    y = np.array([p.same for p in pairs])
    ps = [(profile(p.first), profile(p.second)) for p in pairs]
    base = (cos >= CANDIDATE_COSINE) & (prob >= THRESHOLD) & ~veto

    def line(name: str, changed: np.ndarray, rule: np.ndarray) -> None:
        s = scores(list(rule), list(y))
        print(f"{path}: {name}: {int((changed & y).sum())} same / {int((changed & ~y).sum())} not same; accuracy "
              f"{s.accuracy:.4f}, F1 {s.f1:.4f} (P {s.precision:.4f}, R {s.recall:.4f})")

    line("the cosine gate alone", np.zeros_like(base), base)
    for name, test in ADDS.items():
        new = np.array([test(a, b, float(c)) for (a, b), c in zip(ps, cos, strict=True)]) & (prob >= THRESHOLD) \
            & ~veto & ~base
        line(name + " adds", new, base | new)
    new = np.array([anchored(a, b) for a, b in ps]) & ~veto & ~base
    line("anchored figures add", new, base | new)
    hit = np.array([next_preview(a, b) for a, b in ps]) & base
    line("veto next-preview rejects", hit, base & ~hit)


if __name__ == "__main__":
    for name in sys.argv[1:] or ["../shared/eval/msrp/train.tsv", "tests/data/pairs/in-story.tsv"]:
        report(name)
