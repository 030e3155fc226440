"""The story stage (people, quotes, topics, timeline, bottom line) grows near-linearly with the story.

A story four times as long, with four times as many people and quotations, must cost less than eight times
the CPU time (a quadratic stage costs 16x): every name used to be searched in every quotation, every
person's word in every sentence. Timings of real inputs are the benchmark's (`invoke bench`).
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest

from briefer.config import load_options
from briefer.pipeline import Prepared, prepare, read_the_story
from tests.test_linear import MAX_RATIO, best_time

# Above the paraphrase check's limit (candidates.paraphrased_copies compares at most 200 documents): these
# templated articles share one sentence skeleton, so below it they would all be set aside as spun copies
# and the 1x story would be empty.
ARTICLES = 240


def _code(i: int) -> str:
    """A name-like word part of lower-case letters, unique per number."""
    out = ""
    for _ in range(3):
        i, r = divmod(i, 26)
        out += string.ascii_lowercase[r]
    return out


def _article(i: int) -> str:
    first, last = f"Tam{_code(i)}", f"Orv{_code(i + 7)}"
    other = f"Bel{_code(i + 3)} Kar{_code(i + 11)}"
    return "\n\n".join([
        f"Harbour town council votes on the new ferry timetable, report {i}",
        f"Harbour councillor {first} {last} said on Monday that the ferry timetable would change in March "
        f"after the council vote on the harbour budget.",
        f"\"We will keep the early ferry for the fishing crews and the school run,\" {last} told reporters.",
        f"{other}, the ferry operator's director, said the company had asked for a review of the fuel levy.",
        f"\"The levy doubled in a year and the crossings lost money every winter,\" {other} said.",
        f"The council expects to publish the final timetable next week, {last} added.",
    ])


def _story(n: int, folder: Path) -> Prepared:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:05d}.txt").write_text(_article(i), encoding="utf-8")
    return prepare([folder], load_options(date=dt.date(2026, 11, 30)))


@pytest.mark.slow
def test_story_stage_grows_near_linearly(tmp_path: Path) -> None:
    read_the_story(_story(ARTICLES // 8, tmp_path / "warm"))  # imports, regex compilation
    small, large = _story(ARTICLES, tmp_path / "small"), _story(4 * ARTICLES, tmp_path / "large")
    assert len(large.sentences) >= 3.5 * len(small.sentences)
    for prepared in (small, large):  # both sizes are real stories, with the shape that used to be quadratic
        found = read_the_story(prepared).story
        assert found is not None and found.people and found.quotes
    t_small, t_large = best_time(read_the_story, small, 2), best_time(read_the_story, large, 2)
    assert t_large < MAX_RATIO * t_small, f"story stage: {t_small:.3f}s at 1x, {t_large:.3f}s at 4x"
