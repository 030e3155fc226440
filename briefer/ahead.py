"""Independent work of a large brief computed in a forked child while this process goes on (2 cores, 1 brief).

A brief at 30,000 sentences spends most of its time in one process on stages that cannot start before the one
before them ends; a few parts of them need nothing the rest computes (which file copies another; the key quotes
beside the topics and the bottom line; the timeline and what comes next, and same-fact decisions, beside the
selection). `Ahead(func)` forks a child that runs `func()` on the parent's memory as it is (nothing is pickled on
the way in: the child has it already) and sends back only the result, pickled through a pipe; the parent goes on
and calls `result()` when it needs it. The child's result is the same value the parent would compute (the
functions given are pure), so the brief is byte-for-byte the same with or without the child.

The child is used only where a fork is safe and pays: on Linux, with no other thread in the process (a fork can
leave another thread's lock held: the progress line's thread runs when stderr is a terminal), when a core is free
(`FREE_CORE`: on a busy machine a child only takes CPU from its parent), and only for large inputs
(`FORK_SENTENCES`): a fork and a pipe cost a few milliseconds, but the small briefs of the tests and of a day's
story gain nothing from them. A child costs more CPU than the work it takes over (in all about a fifth more at
30,000 sentences): its caches (tokens, profiles) are lost to the parent, its result is pickled, and every page of
the parent it writes to (reference counts) is copied. Anything that
goes wrong in the child (an exception, a result that cannot be pickled, a child killed) makes the parent compute
the result itself, so errors are raised as they would be without the child, from the parent's own stack.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from briefer.workers import cores

log = logging.getLogger(__name__)

R = TypeVar("R")

# Inputs with at least this many sentences hand independent parts to a forked child. The forks themselves are
# cheap (the seven of a 30,000-sentence brief, a 350 MB process, took 0.04 s of CPU in all), but a child's work
# costs more than the same work here (see the module docstring), so small inputs stay in one process: every
# test story, seed and DUC cluster (under 1,000 sentences) and the 3,000-sentence bench input's first stages
# (98 articles, below FORK_DOCUMENTS).
FORK_SENTENCES = 2000
# The same for the stages before sentences are split: inputs of at least this many articles (the 3,000-sentence
# bench input has about 100).
FORK_DOCUMENTS = 100
# BRIEFER_FORK=0 keeps every run in one process (for profiling, or to compare); BRIEFER_FORK=1 forks whatever
# the load (to measure); unset, a child is forked only when a core is free (`FREE_CORE`).
FORK_VARIABLE = "BRIEFER_FORK"
# A core counts as free while the 1-minute load average is below the cores less this much. On a machine whose
# cores are busy with other work a child only competes with its parent: measured on the shared 2-core machine
# at load average 3.5-4.5, the 30,000-sentence brief took 23-31 s with children against 18-20 s without, for a
# fifth more CPU in all (docs/performance.md).
FREE_CORE = 0.5


def can_fork() -> bool:
    """Whether a child may be forked here: Linux with os.fork, no other thread, not in a worker process (the
    digest's pool already keeps every core busy with one story each), and a core free or BRIEFER_FORK=1."""
    wanted = os.environ.get(FORK_VARIABLE, "")
    if wanted == "0" or not (sys.platform.startswith("linux") and hasattr(os, "fork")
                             and threading.active_count() == 1 and multiprocessing.parent_process() is None):
        return False
    return wanted == "1" or os.getloadavg()[0] < cores() - FREE_CORE


def _reap(pid: int) -> None:
    """End and reap a child whose result was never asked for (the run failed before it needed it)."""
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:  # already reaped or gone
        pass


class Ahead(Generic[R]):
    """`func()`, computed in a forked child from now on when `fork` is true and a fork is safe, else in this
    process when `result()` is first asked for."""

    def __init__(self, func: Callable[[], R], *, fork: bool = True) -> None:
        self._func = func
        self._pid: int | None = None
        self._fd = -1
        self._done = False
        self._value: R | None = None
        if fork and can_fork():
            self._start()

    @property
    def _name(self) -> str:
        return getattr(self._func, "__qualname__", "work")

    def _start(self) -> None:
        read_end, write_end = os.pipe()
        sys.stdout.flush()  # nothing buffered is written twice
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError as exc:  # no process can be made: compute in this process
            log.debug("no child for %s: %s", self._name, exc)
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:  # the child: compute, send, leave without running the parent's clean-up
            # No cyclic garbage collection in a child that lives a second or two: a collection walks (and so
            # writes to, and copies) every page of the parent's objects it shares.
            gc.disable()
            code = 0
            try:
                os.close(read_end)
                try:
                    payload = pickle.dumps((True, self._func()), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:  # any failure: the parent computes it and raises it itself
                    payload = pickle.dumps((False, None))
                with os.fdopen(write_end, "wb") as out:
                    out.write(payload)
            except BaseException:  # the parent sees an empty pipe and computes it itself
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        self._pid, self._fd = pid, read_end
        self._finalizer = weakref.finalize(self, _reap, pid)

    def result(self) -> R:
        """The value of `func()` (waiting for the child when one computes it)."""
        if self._done:
            return self._value  # type: ignore[return-value]
        value: R | None = None
        ok = False
        if self._pid is not None:
            began = time.perf_counter()
            with os.fdopen(self._fd, "rb") as pipe:
                data = pipe.read()
            usage = os.wait4(self._pid, 0)[2]
            log.debug("waited %.2f s for the child computing %s (%.2f s of CPU)", time.perf_counter() - began,
                      self._name, usage.ru_utime + usage.ru_stime)
            self._finalizer.detach()
            self._pid = None
            try:
                ok, value = pickle.loads(data) if data else (False, None)
            except Exception:  # a truncated result: compute it here
                ok = False
            if not ok:
                log.debug("the child computing %s failed: computed in this process", self._name)
        if not ok:
            value = self._func()
        self._value, self._done = value, True
        return value  # type: ignore[return-value]


def in_child(func: Callable[[], R]) -> Ahead[R] | None:
    """`func()` computed in a forked child, or None when no child can be forked: for work worth doing ahead only
    on a free core (computed in this process it would only add to the work)."""
    found = Ahead(func)
    return found if found._pid is not None else None
