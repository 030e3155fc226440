"""A one-line progress display on stderr for long runs: only on a terminal, never with -q or in cron.

A command opens the display with `progress_bar(quiet=...)`; library code reports through
`stage(name, total)` and `advance()`, which do nothing when no display is open (a Python
user, a test or a cron job never sees one: cron's stderr is not a terminal). The line is
drawn by a background thread a few times a second, only once the work has lasted
SHOW_AFTER seconds, and log lines are written above it rather than through it.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TextIO

# Runs shorter than this never show a bar: a flash of text on a one-second command is noise.
SHOW_AFTER = 0.5
REDRAW_EVERY = 0.2
BAR_WIDTH = 24
_CLEAR = "\r\x1b[K"

_current: ContextVar[Progress | None] = ContextVar("briefer_progress", default=None)


class Progress:
    """The state of one progress line: the stage, how far it has got, and when the run started."""

    def __init__(self, stream: TextIO, *, clock: float | None = None) -> None:
        self.stream = stream
        self.lock = threading.Lock()
        self.started = time.monotonic() if clock is None else clock
        self.name = "working"
        self.total: int | None = None
        self.done = 0
        self.shown = False

    def stage(self, name: str, total: int | None = None) -> None:
        """Start a named stage; with `total`, the line shows a bar and a count."""
        with self.lock:
            self.name, self.total, self.done = name, total, 0

    def advance(self, n: int = 1) -> None:
        """Count `n` more units of the current stage."""
        with self.lock:
            self.done += n

    def line(self, now: float | None = None) -> str:
        """The text of the progress line, e.g. 'briefer: reading [#####-----] 120/1002  3.4 s'."""
        elapsed = (time.monotonic() if now is None else now) - self.started
        if self.total:
            filled = min(BAR_WIDTH, BAR_WIDTH * self.done // self.total)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            return f"briefer: {self.name} [{bar}] {self.done:,}/{self.total:,}  {elapsed:.1f} s"
        return f"briefer: {self.name}...  {elapsed:.1f} s"

    def draw(self) -> None:
        """Redraw the line in place (once SHOW_AFTER seconds have passed)."""
        with self.lock:
            if time.monotonic() - self.started < SHOW_AFTER:
                return
            self.stream.write(_CLEAR + self.line())
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        """Erase the line; the caller holds the lock."""
        if self.shown:
            self.stream.write(_CLEAR)
            self.stream.flush()
            self.shown = False


class _Above:
    """A stand-in for the terminal stream that log handlers write through: the bar is erased first."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def write(self, text: str) -> int:
        with self.progress.lock:
            self.progress.clear()
            return self.progress.stream.write(text)

    def flush(self) -> None:
        self.progress.stream.flush()


def wanted(stream: TextIO, quiet: bool) -> bool:
    """A bar only for a person watching: not with -q, not when stderr is a file, pipe or cron mail."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False
    return not quiet and tty and os.environ.get("TERM", "") != "dumb"


@contextmanager
def progress_bar(*, quiet: bool, stream: TextIO | None = None) -> Iterator[Progress | None]:
    """Show a progress line on `stream` (stderr) while the block runs, when `wanted`; yields it or None."""
    stream = stream or sys.stderr
    if not wanted(stream, quiet):
        yield None
        return
    progress = Progress(stream)
    handlers = [h for h in logging.getLogger().handlers
                if isinstance(h, logging.StreamHandler) and h.stream is stream]
    for handler in handlers:
        handler.setStream(_Above(progress))  # duck-typed: write and flush are all a handler uses
    token = _current.set(progress)
    stop = threading.Event()
    thread = threading.Thread(target=_redraw, args=(progress, stop), name="briefer-progress", daemon=True)
    thread.start()
    try:
        yield progress
    finally:
        stop.set()
        thread.join()
        _current.reset(token)
        for handler in handlers:
            handler.setStream(stream)
        with progress.lock:
            progress.clear()


def _redraw(progress: Progress, stop: threading.Event) -> None:
    while not stop.wait(REDRAW_EVERY):
        progress.draw()


def stage(name: str, total: int | None = None) -> None:
    """Report the start of a stage to the open progress line, if any."""
    progress = _current.get()
    if progress is not None:
        progress.stage(name, total)


def advance(n: int = 1) -> None:
    """Report `n` more units of work to the open progress line, if any."""
    progress = _current.get()
    if progress is not None:
        progress.advance(n)
