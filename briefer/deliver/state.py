"""The daily brief's memory: which articles were read and which facts were briefed, on which date.

A SQLite file in WAL mode (default `<output dir>/.briefer/state.db`). A run reads what *earlier* dates
recorded, writes its outputs, then records its own date in one transaction that replaces anything the
date had before: a run killed at any point leaves either the old record or the new one, and re-running
a date gives the same brief. Facts are kept as text; `briefer.pipeline` matches new sentences against
them as near-duplicates, so a fact told in other words still counts as known.

The file is opened with care: never through a symbolic link (nor its -wal, -shm or -journal files); a file
written by a newer briefer, not a briefer state file, or damaged is refused (StateError, exit 2) before
anything is written to it; a full disk or a read-only folder is a StorageError (exit 4) that leaves the
state as it was. Mail deliveries are recorded per recipient, so that no recipient gets a brief twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from briefer.errors import BrieferError, RenderError, StateError, StorageError
from briefer.model import Brief

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    date TEXT PRIMARY KEY,          -- the brief's date, YYYY-MM-DD
    finished_at TEXT NOT NULL,      -- UTC time the outputs were written
    title TEXT NOT NULL,
    facts_digest TEXT NOT NULL,     -- sha256 of the facts, to tell an unchanged re-run
    outputs TEXT NOT NULL,          -- JSON list of the files written
    mailed_at TEXT,                 -- UTC time the mail went out, NULL if not (yet) sent
    mailed_digest TEXT              -- facts_digest of the brief that was mailed
);
CREATE TABLE IF NOT EXISTS articles (
    date TEXT NOT NULL,
    location TEXT NOT NULL,         -- URL or file path
    digest TEXT NOT NULL,           -- sha256 of the decoded text (briefer.model.Source.digest)
    title TEXT NOT NULL,
    PRIMARY KEY (date, location)
);
CREATE TABLE IF NOT EXISTS facts (
    date TEXT NOT NULL,
    position INTEGER NOT NULL,      -- order in the brief
    text TEXT NOT NULL,
    PRIMARY KEY (date, position)
);
CREATE INDEX IF NOT EXISTS articles_digest ON articles (digest);
CREATE TABLE IF NOT EXISTS deliveries (
    date TEXT NOT NULL,
    digest TEXT NOT NULL,           -- facts_digest of the brief mailed
    recipient TEXT NOT NULL,
    status TEXT NOT NULL,           -- 'sent': the relay accepted it; 'unconfirmed': no answer after DATA
    at TEXT NOT NULL,
    PRIMARY KEY (date, digest, recipient)
);
"""
# SQLite result codes (the low byte of `sqlite_errorcode`): the file system refused to read or write.
_STORAGE_CODES = frozenset({3, 8, 10, 13, 14})  # PERM, READONLY, IOERR, FULL, CANTOPEN
_DAMAGE_CODES = frozenset({11, 26})  # CORRUPT, NOTADB
_COMPANIONS = ("", "-wal", "-shm", "-journal")
# Seconds a connection waits for another writer before failing; runs are serialised by briefer.deliver.lock,
# so this only covers a reader (e.g. `sqlite3` in a shell) holding the file for a moment.
_BUSY_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Known:
    """What briefs of earlier dates already said: their fact texts and the digests of the articles read."""

    facts: tuple[str, ...]
    digests: frozenset[str]


@dataclass(frozen=True, slots=True)
class Run:
    """One recorded date."""

    date: dt.date
    finished_at: str
    title: str
    facts_digest: str
    outputs: tuple[str, ...]
    mailed_at: str | None
    mailed_digest: str | None


def facts_digest(facts: Sequence[str]) -> str:
    """A digest of a brief's facts in order: equal for equal briefs whatever their generation time."""
    return hashlib.sha256("\n".join(facts).encode("utf-8")).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class State:
    """An open state file; use as a context manager (`with State(path) as state:`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        _refuse_links(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(f"{path}: cannot open the state file: {_reason(exc)}") from exc
        try:
            fresh = self._check_before_writing()
            self.db.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit survives a power cut too, not only a killed process; a run commits once.
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(_SCHEMA)
            if fresh:
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        except BaseException as exc:
            self.db.close()
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc, "open") from exc
            raise

    def _check_before_writing(self) -> bool:
        """Refuse a file that is not ours, newer or damaged, by reading only; True for a new, empty file."""
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return True
        if "meta" not in tables or "runs" not in tables:
            raise StateError(f"{self.path}: not a briefer state file (tables {', '.join(sorted(tables))}); "
                             "refused untouched: set [output] state to another file")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None or row[0] != str(SCHEMA_VERSION):
            raise StateError(f"{self.path}: state schema {row[0] if row else 'unknown'}, this briefer reads "
                             f"{SCHEMA_VERSION}: written by a newer briefer? Refused untouched: upgrade briefer")
        check = self.db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise self._damaged(check[0] if check else "no answer")
        return False

    def _damaged(self, detail: str) -> StateError:
        return StateError(f"{self.path}: the state file is damaged ({detail}); briefer will not write to it. "
                          f"Keep it: `sqlite3 {self.path} .recover` rescues what it can of the history "
                          "(or restore it from a backup)")

    def _error(self, exc: sqlite3.Error, doing: str) -> BrieferError:
        """StorageError when the disk or file system failed, StateError when the file is damaged."""
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code not in _STORAGE_CODES and code not in _DAMAGE_CODES:
            return RenderError(f"{self.path}: cannot {doing} the state file: {exc}")
        if code in _STORAGE_CODES:
            return StorageError(f"{self.path}: cannot {doing} the state file: {_reason(exc)} (is the disk full "
                                "or the folder read-only?). The state is as it was: free space or fix the "
                                "folder's permissions, then run the same date again")
        return self._damaged(str(exc))

    def _rows(self, sql: str, params: tuple[str, ...]) -> list[tuple[Any, ...]]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc, "read") from exc

    def known_before(self, day: dt.date) -> Known:
        """Facts and article digests recorded for dates before `day` (never `day` itself or later)."""
        iso = day.isoformat()
        facts = tuple(r[0] for r in self._rows(
            "SELECT text FROM facts WHERE date < ? ORDER BY date, position", (iso,)))
        digests = frozenset(r[0] for r in self._rows("SELECT digest FROM articles WHERE date < ?", (iso,)))
        return Known(facts, digests)

    def known_except(self, day: dt.date) -> Known:
        """Facts and article digests of every date but `day`, later ones included (a forced earlier date)."""
        iso = day.isoformat()
        facts = tuple(r[0] for r in self._rows(
            "SELECT text FROM facts WHERE date != ? ORDER BY date, position", (iso,)))
        digests = frozenset(r[0] for r in self._rows("SELECT digest FROM articles WHERE date != ?", (iso,)))
        return Known(facts, digests)

    def last_date(self) -> dt.date | None:
        """The latest date recorded, or None for a new state."""
        row = self._rows("SELECT max(date) FROM runs", ())
        return dt.date.fromisoformat(row[0][0]) if row and row[0][0] else None

    def record(self, brief: Brief, outputs: Sequence[Path], *, keep: bool = False) -> None:
        """Replace the brief's date with its facts, articles and outputs, in one transaction.

        `keep`: add to what the date recorded before instead of replacing it (a forced re-run of a date
        earlier than the last one must not erase the facts it briefed then).
        """
        iso = brief.date.isoformat()
        facts = [item.text for item in brief.items]
        digest = facts_digest(facts)
        previous = self.run(brief.date)
        # An unchanged re-run keeps the record that its mail went out, so the mail is not sent twice.
        same = previous is not None and previous.mailed_digest == digest
        mailed = (previous.mailed_at, previous.mailed_digest) if previous and same else (None, None)
        articles = [(iso, s.location, s.digest, s.title) for s in brief.sources
                    if not s.skipped and s.digest]
        files = json.dumps([str(p) for p in outputs])
        with self._transaction():
            first = 0
            if keep:
                kept = set(self.facts(brief.date))
                facts = [text for text in facts if text not in kept]
                first = len(kept)
            for table in ("runs", *(() if keep else ("articles", "facts"))):
                self.db.execute(f"DELETE FROM {table} WHERE date = ?", (iso,))  # table names are ours
            self.db.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (iso, _now(), brief.title, digest, files, *mailed))
            self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)", articles)
            self.db.executemany("INSERT INTO facts VALUES (?, ?, ?)",
                                [(iso, first + i, text) for i, text in enumerate(facts)])

    def mark_mailed(self, day: dt.date, digest: str) -> None:
        """Record that the brief of `day` with facts digest `digest` was mailed."""
        with self._transaction():
            self.db.execute("UPDATE runs SET mailed_at = ?, mailed_digest = ? WHERE date = ?",
                            (_now(), digest, day.isoformat()))

    def deliveries(self, day: dt.date, digest: str) -> dict[str, str]:
        """Recipient -> 'sent' or 'unconfirmed' for the brief of `day` with facts digest `digest`."""
        return {r[0]: r[1] for r in self._rows(
            "SELECT recipient, status FROM deliveries WHERE date = ? AND digest = ?", (day.isoformat(), digest))}

    def record_delivery(self, day: dt.date, digest: str, recipients: Sequence[str], status: str) -> None:
        """Record that the brief of `day` went to `recipients` ('sent') or may have ('unconfirmed')."""
        with self._transaction():
            self.db.executemany("INSERT OR REPLACE INTO deliveries VALUES (?, ?, ?, ?, ?)",
                                [(day.isoformat(), digest, r, status, _now()) for r in recipients])

    def run(self, day: dt.date) -> Run | None:
        """The record of `day`, or None when that date was never recorded (a lookup, not a failure)."""
        rows = self._rows("SELECT * FROM runs WHERE date = ?", (day.isoformat(),))
        if not rows:
            return None
        row = rows[0]
        return Run(date=dt.date.fromisoformat(row[0]), finished_at=row[1], title=row[2], facts_digest=row[3],
                   outputs=tuple(json.loads(row[4])), mailed_at=row[5], mailed_digest=row[6])

    def runs(self) -> list[Run]:
        """Every recorded date, oldest first."""
        days = [r[0] for r in self._rows("SELECT date FROM runs ORDER BY date", ())]
        return [run for d in days if (run := self.run(dt.date.fromisoformat(d))) is not None]

    def facts(self, day: dt.date) -> tuple[str, ...]:
        """The facts recorded for `day`, in brief order."""
        return tuple(r[0] for r in self._rows(
            "SELECT text FROM facts WHERE date = ? ORDER BY position", (day.isoformat(),)))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises; SQLite errors become RenderError."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._error(exc, "record the run in") from exc

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc)


def _refuse_links(path: Path) -> None:
    """StorageError when the state file or one of SQLite's companion files is a symlink or not a regular file:
    SQLite follows links, so a link planted in a folder others can write would make it overwrite the target."""
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        try:
            info = companion.lstat()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StorageError(f"{companion}: cannot check the state file: {exc.strerror or exc}") from exc
        if stat.S_ISLNK(info.st_mode):
            raise StorageError(f"{companion}: is a symbolic link; briefer will not write its state through it "
                               "(replace the link by the file itself)")
        if not stat.S_ISREG(info.st_mode):
            raise StorageError(f"{companion}: is not a regular file; briefer will not use it as its state")
