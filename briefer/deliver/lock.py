"""One run at a time per output folder: an exclusive `flock` on a lock file beside the state.

The kernel releases a flock when its process dies, even by kill -9, so a crashed run never leaves a
stale lock behind. The file itself stays (deleting it would let two runs lock two different files);
it holds the holder's pid and start time, for the message the next run prints.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefer.errors import LockError

# How long a second run waits for the first before giving up: long enough to ride over a run that is
# just finishing, short enough that cron's next run is never blocked for long.
DEFAULT_WAIT = 10.0
_POLL = 0.1


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    return f" ({text})" if text else ""


@contextmanager
def hold_lock(path: Path, *, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold an exclusive lock on `path` inside the with-block; LockError after `wait` seconds of trying."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise LockError(f"{path}: cannot create the lock file: {exc.strerror or exc}") from exc
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockError(f"another briefer run holds {path}{_holder(path)}; waited {wait:g} s. "
                                    "Try again when it has finished.") from None
                time.sleep(_POLL)
        started = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {started}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
