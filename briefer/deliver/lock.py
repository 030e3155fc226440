"""One run at a time per output folder: an exclusive `flock` on a lock file beside the state.

The kernel releases a flock when its process dies, even by kill -9, so a crashed run never leaves a
stale lock behind. The file itself stays (deleting it would let two runs lock two different files);
it holds the holder's pid and start time, for the message the next run prints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import logging
import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefer.errors import LockError, StorageError, printable

log = logging.getLogger(__name__)

# How long a second run waits for the first before giving up: long enough to ride over a run that is
# just finishing, short enough that cron's next run is never blocked for long.
DEFAULT_WAIT = 10.0
_POLL = 0.1


def _holder(path: Path) -> str:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        with os.fdopen(fd, encoding="utf-8", errors="replace") as handle:
            text = printable(handle.read(200).strip())
    except OSError:
        return ""
    return f" ({text})" if text else ""


def _open_lock(path: Path) -> int:
    """The lock file's descriptor: never through a symlink (a link planted in a writable folder would
    make root truncate its target), always a regular file; StorageError when the folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise StorageError(f"{path}: is a symbolic link; briefer will not lock through it (remove the "
                               "link; the lock file is an empty regular file it creates itself)") from exc
        raise StorageError(f"{path}: cannot create the lock file: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise StorageError(f"{path}: is not a regular file; briefer will not lock through it")
    return fd


def _note_holder(fd: int) -> None:
    """Write who holds the lock, for the next run's message; on a full disk the lock works without it."""
    started = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {started}\n".encode(), 0)
    except OSError as exc:
        log.debug("cannot note the lock's holder: %s", exc.strerror or exc)


@contextmanager
def hold_lock(path: Path, *, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold an exclusive lock on `path` inside the with-block; LockError after `wait` seconds of trying."""
    fd = _open_lock(path)
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
        _note_holder(fd)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
