"""A story of eight items or more gets a second discovered section (issue 13, heads6): each test is one cause, found
with `python bench/headings.py --why`, that left a story with one section."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.config import load_options
from briefer.model import Brief
from briefer.pipeline import build_brief
from tests.helpers import ROOT, SHARED

FIXED = ("Overview", "Other developments")
SAMPLE = ROOT / "examples" / "blinken-beijing-2023"


def _headed(brief: Brief) -> dict[str, list[str]]:
    return {s.heading: [i.text for i in s.items] for s in brief.sections if s.heading not in FIXED}


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not present")
def test_a_discovered_topic_left_with_one_item_takes_a_second_before_other_developments() -> None:
    # Before: selection gave the seeds' Taiwan topic one item (its other sentences were longer than the words it had
    # left), the headings stage gave that lone item to Other developments, and the brief had one section.
    headed = _headed(build_brief([SHARED / "seeds"], load_options(date=dt.date(2023, 6, 19))))
    assert "Taiwan" in headed and len(headed) >= 2, headed
    assert all("Taiwan" in text for text in headed["Taiwan"])


def test_the_second_item_never_tells_a_fact_of_the_brief_again() -> None:
    # The sample's "Defence" topic had one item (the defence minister turned down a meeting in Singapore); its one
    # other sentence tells that refusal again in other words, which the brief drops: taking it spent the words of
    # a working groups item for nothing (before the reworded test). "Defence" is no issue's proper noun either.
    brief = build_brief([SAMPLE], load_options(date=dt.date(2023, 6, 20)))
    texts = [i.text for s in brief.sections for i in s.items]
    assert sum("Austin" in t for t in texts) == 1, texts
    assert any(t.startswith("A working group on that trade") for t in texts), texts


@pytest.mark.skipif(not (SHARED / "eval" / "duc2004").is_dir(), reason="../shared/eval is not present")
def test_only_a_topic_named_for_an_issue_takes_a_second_item() -> None:
    # DUC 2004 d30001t (wire copy on Cambodia): its "Arrest" topic had one item; given a second, it took the words
    # the "Parliamentary elections" topic filled its second item with, and the brief lost that section.
    folder = SHARED / "eval" / "duc2004" / "dev" / "d30001t" / "docs"
    headed = _headed(build_brief([folder], load_options(date=dt.date(1998, 12, 1))))
    assert "Parliamentary elections" in headed and len(headed) == 3, headed
