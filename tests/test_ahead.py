"""briefer.ahead: work computed in a forked child gives the value computed in the process, or falls back to it."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from briefer import ahead, pipeline, sections, story
from briefer.ahead import FORK_VARIABLE, Ahead, can_fork
from briefer.config import load_options
from briefer.deliver.render import to_json
from briefer.pipeline import build_brief, summarize

needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux") or threading.active_count() > 1,
                                reason="no fork here (not Linux, or another thread runs)")


@pytest.fixture(autouse=True)
def _fork_whatever_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FORK_VARIABLE, "1")  # the machine running the tests may be busy
NOON = dt.datetime(2023, 6, 19, 12, tzinfo=dt.UTC)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "blinken-beijing-2023"


@needs_fork
def test_the_child_computes_the_value() -> None:
    parent = os.getpid()
    found = Ahead(lambda: (os.getpid(), [1, 2, 3]))
    pid, value = found.result()
    assert pid != parent, "the value must come from a child"
    assert value == [1, 2, 3]
    assert found.result() == (pid, [1, 2, 3]), "asked again, the same value, without another child"


def test_without_fork_the_process_computes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FORK_VARIABLE, "0")
    assert not can_fork()
    assert Ahead(os.getpid).result() == os.getpid()
    monkeypatch.setenv(FORK_VARIABLE, "1")
    assert Ahead(os.getpid, fork=False).result() == os.getpid()


def test_a_busy_machine_forks_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FORK_VARIABLE, raising=False)
    monkeypatch.setattr(ahead, "cores", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (3.5, 3.0, 2.0))
    assert not can_fork(), "no core free: a child would only take CPU from its parent"
    monkeypatch.setattr(os, "getloadavg", lambda: (0.4, 1.0, 2.0))
    assert can_fork() == (sys.platform.startswith("linux") and threading.active_count() == 1)


@needs_fork
def test_an_error_in_the_child_is_raised_by_the_parent() -> None:
    calls = []

    def fails() -> int:
        calls.append(os.getpid())
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        Ahead(fails).result()
    assert calls == [os.getpid()], "the parent computes it again itself, so the error has its own stack"


@needs_fork
def test_a_result_that_cannot_be_pickled_is_computed_here() -> None:
    parent = os.getpid()
    value = Ahead(lambda: (lambda: os.getpid())).result()  # a lambda cannot be pickled
    assert value() == parent


@needs_fork
def test_a_child_that_dies_leaves_the_work_to_the_parent() -> None:
    parent = os.getpid()

    def dies_in_child() -> str:
        if os.getpid() != parent:
            os._exit(3)
        return "computed here"

    assert Ahead(dies_in_child).result() == "computed here"


@needs_fork
def test_a_result_never_asked_for_leaves_no_child() -> None:
    found = Ahead(lambda: sum(range(10)))
    pid = found._pid
    assert pid is not None
    del found  # the finaliser ends and reaps the child
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _forking_all(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes that fork lowered to nothing (the bundled sample is far below them); the forks, counted."""
    for module in (story, pipeline, ahead, sections):
        monkeypatch.setattr(module, "FORK_SENTENCES", 0)
    monkeypatch.setattr(pipeline, "FORK_DOCUMENTS", 0)
    monkeypatch.setattr(ahead, "FORK_DOCUMENTS", 0)  # read in `briefer.read.ingest` when it is needed
    forks: list[int] = []
    start = Ahead._start

    def counted(self: Ahead[object]) -> None:
        forks.append(1)
        start(self)

    monkeypatch.setattr(ahead.Ahead, "_start", counted)
    return forks


@needs_fork
@pytest.mark.parametrize("topics", [False, True])
def test_a_brief_is_the_same_with_and_without_children(monkeypatch: pytest.MonkeyPatch, topics: bool) -> None:
    options = load_options(date=dt.date(2023, 6, 20), topics=EXAMPLE / "topics.toml" if topics else None)
    alone = to_json(replace(build_brief([EXAMPLE], options), generated_at=NOON))
    forks = _forking_all(monkeypatch)
    forked = to_json(replace(build_brief([EXAMPLE], options), generated_at=NOON))
    # The later sources' extraction, cleaning and sentences, the copies, the later sentences' candidate check, the
    # selection's analysis, who's who, the key quotes, the timeline with what comes next, and the same-fact
    # decisions of the bottom line's fact and of the once stage.
    assert len(forks) == 11
    assert forked == alone


@needs_fork
def test_a_summary_is_the_same_with_and_without_children(monkeypatch: pytest.MonkeyPatch) -> None:
    alone = summarize([EXAMPLE], words=120)
    forks = _forking_all(monkeypatch)
    # The later sources' extraction, cleaning and sentences, the later sentences' candidate check and the ranker's
    # concept analysis (a summary finds no copies).
    assert summarize([EXAMPLE], words=120) == alone
    assert len(forks) == 5
