"""briefer.deliver.state: what earlier dates briefed, replaced per date, consistent after a kill -9."""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest

from briefer.deliver.state import State, facts_digest
from briefer.errors import RenderError, StateError, StorageError
from briefer.model import Brief, Item, Section, Source, SourceStatus

DAY_1, DAY_2, DAY_3 = dt.date(2025, 3, 10), dt.date(2025, 3, 11), dt.date(2025, 3, 12)


def brief(day: dt.date, facts: list[str], articles: dict[str, str]) -> Brief:
    """A literal brief: one section of `facts`, sources {location: digest} plus one skipped source."""
    sources = [Source(id=i, name=loc, location=loc, digest=digest)
               for i, (loc, digest) in enumerate(articles.items(), 1)]
    sources.append(Source(id=len(sources) + 1, name="dead", location="http://dead/", status=SourceStatus.FAILED,
                          warning="HTTP 404"))
    return Brief(title="T", date=day, generated_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), sources=tuple(sources),
                 sections=(Section("Overview", tuple(Item(f, (1,), 1.0) for f in facts)),), version="0")


def test_known_before_sees_only_earlier_dates(tmp_path: Path) -> None:
    with State(tmp_path / "state.db") as state:
        state.record(brief(DAY_1, ["Fact one.", "Fact two."], {"a": "d1"}), [tmp_path / "brief-1.md"])
        state.record(brief(DAY_2, ["Fact three."], {"b": "d2"}), [])
        assert state.known_before(DAY_1).facts == () and not state.known_before(DAY_1).digests
        assert state.known_before(DAY_2).facts == ("Fact one.", "Fact two.")
        assert state.known_before(DAY_2).digests == {"d1"}
        assert state.known_before(DAY_3).facts == ("Fact one.", "Fact two.", "Fact three.")
        assert state.known_before(DAY_3).digests == {"d1", "d2"}  # the skipped source is not remembered
        assert [r.date for r in state.runs()] == [DAY_1, DAY_2]
        run = state.run(DAY_1)
        assert run is not None and run.outputs == (str(tmp_path / "brief-1.md"),)


def test_recording_a_date_again_replaces_it(tmp_path: Path) -> None:
    with State(tmp_path / "state.db") as state:
        state.record(brief(DAY_1, ["Old fact."], {"a": "d1", "b": "d2"}), [])
        state.record(brief(DAY_1, ["New fact."], {"a": "d3"}), [])
        assert state.facts(DAY_1) == ("New fact.",)
        assert state.known_before(DAY_2) == state.known_before(DAY_3)
        assert state.known_before(DAY_2).digests == {"d3"}


def test_mail_record_survives_an_unchanged_rerun_only(tmp_path: Path) -> None:
    with State(tmp_path / "state.db") as state:
        state.record(brief(DAY_1, ["Fact."], {}), [])
        state.mark_mailed(DAY_1, facts_digest(["Fact."]))
        state.record(brief(DAY_1, ["Fact."], {}), [])
        run = state.run(DAY_1)
        assert run is not None and run.mailed_digest == facts_digest(["Fact."]) and run.mailed_at
        state.record(brief(DAY_1, ["Another fact."], {}), [])
        run = state.run(DAY_1)
        assert run is not None and run.mailed_at is None


def test_state_is_sqlite_in_wal_mode_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "state.db"
    with State(path) as state:
        state.record(brief(DAY_1, ["Fact."], {}), [])
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with State(path) as state:
        assert state.facts(DAY_1) == ("Fact.",)


def test_a_failed_transaction_leaves_the_previous_record(tmp_path: Path) -> None:
    with State(tmp_path / "state.db") as state:
        state.record(brief(DAY_1, ["Kept."], {"a": "d1"}), [])
        broken = replace(brief(DAY_1, ["Lost."], {"b": "d2"}), title=cast(str, None))  # fails mid-transaction
        with pytest.raises(RenderError, match="NOT NULL"):
            state.record(broken, [])
        assert state.facts(DAY_1) == ("Kept.",)


KILLER = """
import datetime as dt, os, signal, sys
from briefer.deliver.state import State
state = State(__import__("pathlib").Path(sys.argv[1]))
state.db.execute("BEGIN IMMEDIATE")
state.db.execute("DELETE FROM facts WHERE date = '2025-03-10'")
state.db.execute("INSERT INTO facts VALUES ('2025-03-10', 0, 'Half-written fact.')")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_kill_9_mid_transaction_leaves_the_state_consistent(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    with State(path) as state:
        state.record(brief(DAY_1, ["Committed fact."], {"a": "d1"}), [])
    done = subprocess.run([sys.executable, "-c", KILLER, str(path)], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL
    with State(path) as state:
        assert state.facts(DAY_1) == ("Committed fact.",)
        state.record(brief(DAY_2, ["Next day."], {}), [])  # the file is writable again
        assert state.known_before(DAY_3).facts == ("Committed fact.", "Next day.")


def test_a_file_that_is_not_a_state_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    path.write_bytes(b"this is not a database, just some bytes " * 100)
    with pytest.raises(StateError, match=r"file is not a database.*will not write to it") as caught:
        State(path)
    assert caught.value.exit_code == 2
    assert path.read_bytes() == b"this is not a database, just some bytes " * 100


@pytest.mark.parametrize("name", ["state.db", "state.db-wal", "state.db-journal"])
def test_a_symlinked_state_file_is_refused_and_its_target_untouched(tmp_path: Path, name: str) -> None:
    target = tmp_path / "precious.db"
    target.write_bytes(b"keep me\n" * 100)
    (tmp_path / name).symlink_to(target)
    with pytest.raises(StorageError, match="symbolic link"):
        State(tmp_path / "state.db")
    assert target.read_bytes() == b"keep me\n" * 100  # before: SQLite overwrote the target


def test_a_newer_state_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                     "INSERT INTO meta VALUES ('schema', '2');"
                     "CREATE TABLE runs (day TEXT, summary TEXT); CREATE TABLE evidence (x TEXT);")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StateError, match="state schema 2, this briefer reads 1") as caught:
        State(path)
    assert caught.value.exit_code == 2
    assert path.read_bytes() == before  # before: the v1 tables and WAL mode were written into it first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.db"]


def test_a_corrupt_page_in_the_facts_table_is_refused_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    items = tuple(Item(f"Fact number {i} about the dock strike at the port of Kelsby, told at length. " * 3,
                       (1,), 1.0) for i in range(200))
    brief = Brief(title="T", date=dt.date(2025, 3, 10), generated_at=dt.datetime(2025, 3, 10, tzinfo=dt.UTC),
                  sources=(Source(1, "a", "a", digest="d1"),), sections=(Section("Overview", items),),
                  version="test")
    with State(path) as state:
        state.record(brief, [])
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'facts'").fetchone()[0]
    db.close()
    with path.open("r+b") as handle:  # scribble over the b-tree header of the facts table's root page
        handle.seek((root - 1) * page_size)
        handle.write(b"\xee" * 16)
    before = path.read_bytes()
    with pytest.raises(StateError, match="damaged") as caught:  # before: sqlite3.DatabaseError, exit 1
        State(path)
    assert caught.value.exit_code == 2 and "sqlite3" in str(caught.value) and ".recover" in str(caught.value)
    assert path.read_bytes() == before
