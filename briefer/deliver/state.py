"""The daily brief's memory: which articles were read and which facts were briefed, on which date.

A SQLite file in WAL mode (default `<output dir>/.briefer/state.db`). A run reads what *earlier* dates
recorded, writes its outputs, then records its own date in one transaction that replaces anything the
date had before: a run killed at any point leaves either the old record or the new one, and re-running
a date gives the same brief. Facts are kept as text; `briefer.pipeline` matches new sentences against
them as near-duplicates, so a fact told in other words still counts as known.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from briefer.errors import ConfigError, RenderError
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
"""
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
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit survives a power cut too, not only a killed process; a run commits once.
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"{path}: not a usable briefer state file ({exc}); "
                              "move it away to start afresh") from exc
        except OSError as exc:
            raise ConfigError(f"{path}: cannot open the state file: {exc.strerror or exc}") from exc

    def _check_version(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif row[0] != str(SCHEMA_VERSION):
            raise ConfigError(f"{self.path}: state schema {row[0]}, this briefer reads {SCHEMA_VERSION}")

    def known_before(self, day: dt.date) -> Known:
        """Facts and article digests recorded for dates before `day` (never `day` itself or later)."""
        iso = day.isoformat()
        facts = tuple(r[0] for r in self.db.execute(
            "SELECT text FROM facts WHERE date < ? ORDER BY date, position", (iso,)))
        digests = frozenset(r[0] for r in self.db.execute(
            "SELECT digest FROM articles WHERE date < ?", (iso,)))
        return Known(facts, digests)

    def record(self, brief: Brief, outputs: Sequence[Path]) -> None:
        """Replace the brief's date with its facts, articles and outputs, in one transaction."""
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
            for table in ("runs", "articles", "facts"):
                self.db.execute(f"DELETE FROM {table} WHERE date = ?", (iso,))  # table names are ours
            self.db.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (iso, _now(), brief.title, digest, files, *mailed))
            self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)", articles)
            self.db.executemany("INSERT INTO facts VALUES (?, ?, ?)",
                                [(iso, i, text) for i, text in enumerate(facts)])

    def mark_mailed(self, day: dt.date, digest: str) -> None:
        """Record that the brief of `day` with facts digest `digest` was mailed."""
        with self._transaction():
            self.db.execute("UPDATE runs SET mailed_at = ?, mailed_digest = ? WHERE date = ?",
                            (_now(), digest, day.isoformat()))

    def run(self, day: dt.date) -> Run | None:
        """The record of `day`, or None when that date was never recorded (a lookup, not a failure)."""
        row = self.db.execute("SELECT * FROM runs WHERE date = ?", (day.isoformat(),)).fetchone()
        if row is None:
            return None
        return Run(date=dt.date.fromisoformat(row[0]), finished_at=row[1], title=row[2], facts_digest=row[3],
                   outputs=tuple(json.loads(row[4])), mailed_at=row[5], mailed_digest=row[6])

    def runs(self) -> list[Run]:
        """Every recorded date, oldest first."""
        days = [r[0] for r in self.db.execute("SELECT date FROM runs ORDER BY date")]
        return [run for d in days if (run := self.run(dt.date.fromisoformat(d))) is not None]

    def facts(self, day: dt.date) -> tuple[str, ...]:
        """The facts recorded for `day`, in brief order."""
        return tuple(r[0] for r in self.db.execute(
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
            raise RenderError(f"{self.path}: cannot record the run in the state file: {exc}") from exc

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
