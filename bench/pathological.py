"""Times of each stage on the pathological input shapes of issue 11, at 1x and 4x (tests/pathological.py).

    python -m bench.pathological [--scale 2]

Prints one line per shape: input size and wall-clock seconds (best of two) at 1x and 4x, and the ratio.
A linear stage shows about 4x; a quadratic one 16x.
"""

from __future__ import annotations

import argparse
import sys
import time

from tests.test_linear import SCALE, STAGES, best_time


def _size(data: object) -> int:
    if isinstance(data, str):
        return len(data.encode())
    if isinstance(data, list):
        return sum(len(p.encode()) for d in data for p in d.paragraphs)
    return len(getattr(data, "data", b""))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every 1x input by this")
    args = parser.parse_args(argv)
    print(f"{'stage':6} {'shape':18} {'1x bytes':>10} {'1x s':>7} {'4x bytes':>10} {'4x s':>7} {'ratio':>6}")
    for stage, (run, shapes) in STAGES.items():
        n = int(SCALE[stage] * args.scale)
        for shape, make in shapes.items():
            run(make(max(1, n // 8)))
            small, large = make(n), make(4 * n)
            t1, t4 = best_time(run, small, clock=time.perf_counter), best_time(run, large, clock=time.perf_counter)
            print(f"{stage:6} {shape:18} {_size(small):>10,} {t1:>7.3f} {_size(large):>10,} {t4:>7.3f} "
                  f"{t4 / max(t1, 1e-3):>6.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
