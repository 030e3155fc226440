"""Run independent tasks (one story's brief each) serially, in a local process pool, or on a Dask cluster.

Results always come back in task order, and each task is a pure function of its input, so the output
does not depend on the number of workers or on which finishes first. Large tasks are handed out first
(longest-processing-time order), which keeps two cores busy when one story is much larger than the rest.
Dask is an optional extra (`pip install 'briefer[dask]'`), imported only when a scheduler is given.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from briefer.errors import UsageError

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Seconds to wait for a Dask scheduler to answer (distributed retries a refused connection until then).
CONNECT_TIMEOUT = 30.0
# Below this many tasks, starting worker processes costs more than it saves.
MIN_TASKS_FOR_POOL = 4


def cores() -> int:
    """CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _size(task: Any) -> int:
    documents = getattr(task, "documents", ())
    return sum(len(p) for d in documents for p in getattr(d, "paragraphs", ()))


def run_tasks(func: Callable[[T], R], tasks: Sequence[T], *, jobs: int = 0, scheduler: str = "") -> list[R]:
    """`[func(t) for t in tasks]`, computed by `jobs` local processes (0: one per core) or on `scheduler`."""
    if scheduler:
        return _on_dask(func, tasks, scheduler)
    workers = min(jobs or cores(), len(tasks))
    if workers <= 1 or len(tasks) < MIN_TASKS_FOR_POOL:
        return [func(t) for t in tasks]
    order = sorted(range(len(tasks)), key=lambda i: -_size(tasks[i]))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(order, pool.map(func, [tasks[i] for i in order]), strict=True))
    return [results[i] for i in range(len(tasks))]


def _on_dask(func: Callable[[T], R], tasks: Sequence[T], scheduler: str) -> list[R]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise UsageError("--scheduler needs Dask: pip install 'briefer[dask]'") from exc
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        order = sorted(range(len(tasks)), key=lambda i: -_size(tasks[i]))
        futures = client.map(func, [tasks[i] for i in order], pure=False)
        done = client.gather(futures)  # type: ignore[no-untyped-call]
        results: dict[int, R] = dict(zip(order, done, strict=True))
    log.info("briefed %d stories on %s", len(tasks), scheduler)
    return [results[i] for i in range(len(tasks))]
