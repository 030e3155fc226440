"""The daily digest's memory of stories, in the daily state file (briefer.deliver.state's SQLite database).

One row per story and date: the story's id, its status that day, its profile (the terms a later day's
story is matched on) and the digests of its articles; and the sentences of the articles read that day,
which a later day treats as known whether they were briefed or not (a continuing story shows only what
is new). A story's first date is the earliest row, so it
needs no separate record. Like the daily state, a date's rows are replaced in one transaction: a run of a
date again replaces what it wrote before, and only dates before a run's own are read by it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence

from briefer.deliver.state import State
from briefer.digest import EarlierStory, Story
from briefer.errors import RenderError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS story_days (
    story TEXT NOT NULL,            -- the story's id, kept from the day it was first briefed
    date TEXT NOT NULL,             -- YYYY-MM-DD of a digest that carried it
    status TEXT NOT NULL,           -- new, developing or unchanged
    title TEXT NOT NULL,
    profile TEXT NOT NULL,          -- JSON {term: weight}
    articles TEXT NOT NULL,         -- JSON list of the digests of its articles that day
    PRIMARY KEY (story, date)
);
CREATE INDEX IF NOT EXISTS story_days_date ON story_days (date);
CREATE TABLE IF NOT EXISTS story_sentences (
    story TEXT NOT NULL,
    date TEXT NOT NULL,             -- the date its article was first read
    text TEXT NOT NULL              -- a sentence of one of the story's articles: known from then on
);
CREATE INDEX IF NOT EXISTS story_sentences_story ON story_sentences (story, date);
"""


def _open(state: State) -> sqlite3.Connection:
    state.db.executescript(_SCHEMA)
    return state.db


def earlier_stories(state: State, day: dt.date) -> list[EarlierStory]:
    """Every story a digest of a date before `day` carried: first date, all its articles, latest profile."""
    db = _open(state)
    rows = db.execute("SELECT story, date, profile, articles FROM story_days WHERE date < ? ORDER BY story, date",
                      (day.isoformat(),)).fetchall()
    first: dict[str, str] = {}
    digests: dict[str, set[str]] = {}
    profiles: dict[str, dict[str, float]] = {}
    for story, date, profile, articles in rows:
        first.setdefault(story, date)
        digests.setdefault(story, set()).update(json.loads(articles))
        profiles[story] = json.loads(profile)  # rows come by date: the latest profile wins
    sentences: dict[str, list[str]] = {}
    for story, text in db.execute("SELECT story, text FROM story_sentences WHERE date < ? ORDER BY rowid",
                                  (day.isoformat(),)):
        sentences.setdefault(story, []).append(text)
    return [EarlierStory(id=s, first_date=dt.date.fromisoformat(first[s]), digests=frozenset(digests[s]),
                         profile=profiles[s], sentences=tuple(dict.fromkeys(sentences.get(s, ()))))
            for s in sorted(first)]


def record_stories(state: State, day: dt.date, stories: Sequence[Story], digests: dict[int, str]) -> None:
    """Replace the story rows of `day` with `stories` (`digests`: article digest by source id), in one transaction."""
    db = _open(state)
    iso = day.isoformat()
    rows = [(s.id, iso, s.status or "new", s.title, json.dumps(dict(s.profile), sort_keys=True),
             json.dumps(sorted({digests[i] for i in s.sources if i in digests}))) for s in stories]
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM story_days WHERE date = ?", (iso,))
            db.execute("DELETE FROM story_sentences WHERE date = ?", (iso,))
            db.executemany("INSERT INTO story_days VALUES (?, ?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT INTO story_sentences VALUES (?, ?, ?)",
                           [(s.id, iso, text) for s in stories for text in dict.fromkeys(s.new_sentences)])
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    except sqlite3.Error as exc:
        raise RenderError(f"{state.path}: cannot record the day's stories: {exc}") from exc
