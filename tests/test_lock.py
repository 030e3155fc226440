"""briefer.deliver.lock: one holder at a time across processes, a clear error after the wait, freed by kill -9."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.deliver.lock import hold_lock
from briefer.errors import ExitCode, LockError, StorageError

HOLDER = """
import sys, time
from pathlib import Path
from briefer.deliver.lock import hold_lock
with hold_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock at tmp_path/lock for up to 30 s."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / "lock"), "30"],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait(timeout=10)


def test_second_process_waits_then_gets_a_clear_lock_error(tmp_path: Path,
                                                           holder: subprocess.Popen[str]) -> None:
    started = time.monotonic()
    with pytest.raises(LockError, match=rf"another briefer run holds .*pid {holder.pid}.*waited 0.3 s") as caught, \
            hold_lock(tmp_path / "lock", wait=0.3):
        pass
    assert 0.3 <= time.monotonic() - started < 2
    assert caught.value.exit_code == ExitCode.LOCKED


def test_kill_9_releases_the_lock(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    with hold_lock(tmp_path / "lock", wait=1.0):
        assert f"pid {holder.pid}" not in (tmp_path / "lock").read_text()


def test_waiter_gets_the_lock_when_the_holder_finishes(tmp_path: Path) -> None:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / "lock"), "0.5"], stdout=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while not (tmp_path / "lock").exists() or not (tmp_path / "lock").read_text():
        assert time.monotonic() < deadline, "the holder never took the lock"
        time.sleep(0.02)
    with hold_lock(tmp_path / "lock", wait=10):
        assert f"pid {process.pid}" not in (tmp_path / "lock").read_text()
    assert process.wait(timeout=10) == 0


def test_two_holders_in_one_process_exclude_each_other(tmp_path: Path) -> None:
    inside = threading.Event()
    release = threading.Event()

    def first() -> None:
        with hold_lock(tmp_path / "lock"):
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=first)
    thread.start()
    assert inside.wait(10)
    with pytest.raises(LockError), hold_lock(tmp_path / "lock", wait=0.1):
        pass
    release.set()
    thread.join(10)
    with hold_lock(tmp_path / "lock", wait=0.1):
        pass


def test_unwritable_folder_is_a_storage_error_not_a_lock_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")  # exit 4 (cannot write), never 6 ("another run holds it")
    with pytest.raises(StorageError, match="cannot create the lock file"), hold_lock(tmp_path / "file" / "lock"):
        pass


def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    # The output folder may be writable by another user while cron runs as root: a planted link must not
    # make briefer truncate /etc/something (before: os.open followed it and ftruncate emptied the target).
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    lock = tmp_path / ".briefer" / "lock"
    lock.parent.mkdir()
    lock.symlink_to(target)
    with pytest.raises(StorageError, match="symbolic link") as caught, hold_lock(lock):
        pass
    assert caught.value.exit_code == ExitCode.RENDER
    assert target.read_text() == "keep me\n"
