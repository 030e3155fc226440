"""The quality gate: the default ranker's ROUGE on ../shared/eval must not fall below the pinned baseline.

Run alone with `pytest -m quality`. Pins live in briefer/data/quality_baseline.json.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from briefer.evaluate import evaluate
from tests.helpers import shared

EVAL = shared("eval")
BASELINE: dict[str, Any] = json.loads(resources.files("briefer.data").joinpath("quality_baseline.json").read_text())


@pytest.mark.quality
@pytest.mark.parametrize("run", BASELINE["runs"], ids=lambda run: str(run["dataset"]))
def test_rouge2_holds_the_pin(run: dict[str, Any]) -> None:
    dataset = EVAL / run["dataset"]
    if not dataset.is_dir():
        pytest.skip(f"{dataset} is absent")
    report = evaluate(dataset, words=run["words"], rankers=(run["ranker"],), query_file=run["query_file"], blind=False)
    score = next(s for s in report.scores if s.system == run["ranker"])
    floor = run["rouge2"] - BASELINE["max_drop_rouge2"]
    print(
        f"{run['dataset']}: R-1 {score.rouge1:.2f} (pin {run['rouge1']}), R-2 {score.rouge2:.2f} (pin {run['rouge2']})"
    )
    assert score.clusters == 25
    assert score.rouge2 >= floor, f"ROUGE-2 {score.rouge2:.2f} fell below {floor:.2f} (pin {run['rouge2']})"


def test_baseline_file_is_well_formed() -> None:
    assert 0 < BASELINE["max_drop_rouge2"] <= 1
    for run in BASELINE["runs"]:
        assert {"dataset", "words", "ranker", "query_file", "rouge1", "rouge2"} <= set(run)
        assert 0 < run["rouge2"] < run["rouge1"] < 100
