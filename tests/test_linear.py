"""Every stage stays linear on the input shapes that once made it quadratic (issue 11, breaks 2 and 4).

Each case times one stage on an input of scale 1x and 4x (best of two runs each) and asserts that 4x the
input costs less than 8x the time: a quadratic stage costs 16x, a linear one 4x, and the margin keeps the
test steady on a loaded two-core machine. The inputs are in tests/pathological.py; `python -m
bench.pathological` prints the times.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from briefer.clean import clean_corpus
from briefer.config import Limits
from briefer.errors import SourceError
from briefer.read.ingest import to_document
from briefer.sentences import split_sentences
from tests.pathological import CLEANER, HTML, SPLITTER

MAX_RATIO = 8.0
SCALE = {"split": 4_000, "clean": 8_000, "html": 1_000}


def _extract(raw: object) -> None:
    with contextlib.suppress(SourceError):  # a page of links is not English: the time to decide counts
        to_document(raw, 1, Limits())  # type: ignore[arg-type]


STAGES: dict[str, tuple[Callable[[object], object], dict[str, Callable[[int], object]]]] = {
    "split": (split_sentences, SPLITTER),  # type: ignore[dict-item]
    "clean": (clean_corpus, CLEANER),  # type: ignore[dict-item]
    "html": (_extract, HTML),  # type: ignore[dict-item]
}
CASES = [(stage, shape) for stage, (_, shapes) in STAGES.items() for shape in shapes]


def best_time(run: Callable[[object], object], data: object, repeat: int = 2,
              clock: Callable[[], float] = time.process_time) -> float:
    """The fastest of `repeat` runs, in seconds of this process's CPU time (other processes on a loaded
    machine do not count) unless `clock` says otherwise."""
    times = []
    for _ in range(repeat):
        start = clock()
        run(data)
        times.append(clock() - start)
    return min(times)


@pytest.mark.slow
@pytest.mark.parametrize(("stage", "shape"), CASES, ids=[f"{s}-{h}" for s, h in CASES])
def test_near_linear_growth(stage: str, shape: str) -> None:
    run, shapes = STAGES[stage]
    make = shapes[shape]
    n = SCALE[stage]
    run(make(n // 8))  # warm up: imports, regex compilation, caches
    small, large = best_time(run, make(n), 3), best_time(run, make(4 * n), 3)
    ratio = large / max(small, 1e-3)
    assert ratio < MAX_RATIO, f"{stage} on {shape}: {small:.3f} s for 1x, {large:.3f} s for 4x ({ratio:.1f}x)"
