"""The progress line: drawn on a real terminal (a pty), never on a pipe or a file, never with -q."""

from __future__ import annotations

import io
import logging
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import TextIO

import pytest

from briefer import progress
from briefer.pipeline import PREPARE
from briefer.progress import Progress, advance, progress_bar, stage

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


@pytest.fixture(autouse=True)
def _fast(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real delays (half a second before the first draw) would make these tests slow.
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.05)
    monkeypatch.setattr(progress, "REDRAW_EVERY", 0.02)


@pytest.fixture
def terminal() -> Iterator[tuple[TextIO, int]]:
    """A text stream on the slave side of a pty (a terminal as far as isatty knows) and the master fd."""
    master, slave = os.openpty()
    stream = open(slave, "w", encoding="utf-8", closefd=True)  # noqa: SIM115  # closed below
    try:
        yield stream, master
    finally:
        stream.close()
        os.close(master)


def _read(master: int) -> str:
    out = b""
    while select.select([master], [], [], 0.05)[0]:
        out += os.read(master, 65536)
    return out.decode()


def test_the_line_shows_stage_count_bar_and_time() -> None:
    line = Progress(io.StringIO(), clock=100.0)
    line.stage("reading", total=200)
    line.advance(50)
    assert line.line(now=103.25) == "briefer: reading [######------------------] 50/200  3.2 s"
    line.stage("selecting")
    assert line.line(now=104.0) == "briefer: selecting...  4.0 s"


def test_a_long_run_on_a_terminal_draws_the_line_then_erases_it(terminal: tuple[TextIO, int]) -> None:
    stream, master = terminal
    with progress_bar(quiet=False, stream=stream) as bar:
        assert bar is not None
        stage("reading", total=4)
        advance(3)
        time.sleep(progress.SHOW_AFTER + 5 * progress.REDRAW_EVERY)
    out = _read(master)
    assert "briefer: reading [" in out and "3/4" in out
    assert out.endswith("\r\x1b[K")  # nothing left behind on the terminal


def test_log_lines_are_written_above_the_line(terminal: tuple[TextIO, int]) -> None:
    stream, master = terminal
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger()
    logger.addHandler(handler)
    try:
        with progress_bar(quiet=False, stream=stream) as bar:
            assert bar is not None
            deadline = time.monotonic() + 20  # on a loaded machine the drawing thread may start late
            while not bar.shown and time.monotonic() < deadline:
                time.sleep(progress.REDRAW_EVERY)
            assert bar.shown, "the progress line never appeared"
            # A logger of our own at WARNING: an earlier CLI test with -q may have set 'briefer' to ERROR.
            source_log = logging.getLogger("tests.progress")
            source_log.setLevel(logging.WARNING)
            source_log.warning("skipped one source")
            time.sleep(5 * progress.REDRAW_EVERY)
        assert handler.stream is stream  # restored
    finally:
        logger.removeHandler(handler)
    out = _read(master)
    # The bar is erased before the message, so the message starts a clean line.
    assert "\r\x1b[Kskipped one source" in out


def test_quiet_or_not_a_terminal_means_no_line(terminal: tuple[TextIO, int]) -> None:
    stream, master = terminal
    with progress_bar(quiet=True, stream=stream) as bar:
        assert bar is None
        stage("reading", total=3)
        advance()
    assert _read(master) == ""
    pipe = io.StringIO()
    with progress_bar(quiet=False, stream=pipe) as bar:
        assert bar is None
    assert pipe.getvalue() == ""


def test_a_short_run_draws_nothing(terminal: tuple[TextIO, int]) -> None:
    stream, master = terminal
    with progress_bar(quiet=False, stream=stream):
        stage("reading")
    assert _read(master) == ""


def test_reporting_without_a_line_does_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    stage("reading", total=10)
    advance(5)  # no bar open: must not fail or print
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_the_command_line_prints_no_bar_when_stderr_is_a_pipe() -> None:
    # What cron sees: stderr is a pipe (mailed to the user), so it must hold log lines only.
    sample = os.path.join(os.path.dirname(__file__), "..", "examples", "blinken-beijing-2023")
    if not os.path.isdir(sample):
        pytest.skip("the bundled sample story is absent")
    done = subprocess.run([sys.executable, "-m", "briefer", "summarize", sample, "--words", "40"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr
    assert not [name for name, _ in PREPARE if f"briefer: {name}" in done.stderr]
