"""`briefer eval-pairs`: score the same-fact rule on MSRP-format sentence pairs.

The file is tab-separated with the header `Quality  #1 ID  #2 ID  #1 String  #2 String`
(Quality 1: the two sentences state the same thing). The rule is the one the brief uses, with its
settings; IDF comes from the file's own sentences, as the brief takes it from its sources.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from briefer.errors import RenderError, UsageError

HEADER = ("Quality", "#1 ID", "#2 ID", "#1 String", "#2 String")


@dataclass(frozen=True, slots=True)
class Pair:
    """Two sentences and whether people judged them to state the same thing."""

    same: bool
    first: str
    second: str


@dataclass(frozen=True, slots=True)
class PairScores:
    """Accuracy, precision, recall and F1 of the 'same' class, as fractions."""

    pairs: int
    accuracy: float
    precision: float
    recall: float
    f1: float

    def __str__(self) -> str:
        return (f"pairs {self.pairs}  accuracy {self.accuracy:.3f}  precision {self.precision:.3f}  "
                f"recall {self.recall:.3f}  f1 {self.f1:.3f}")


def read_pairs(path: Path) -> list[Pair]:
    """The pairs of an MSRP-format file; UsageError naming the file and line when it is malformed."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: cannot read pairs: {e}") from e
    if not rows or tuple(c.strip() for c in rows[0]) != HEADER:
        raise UsageError(f"{path}: not an MSRP-format file: the header must be {' / '.join(HEADER)}")
    pairs = []
    for n, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != 5 or row[0].strip() not in ("0", "1"):
            raise UsageError(f"{path}, line {n}: expected 5 tab-separated fields with Quality 0 or 1")
        pairs.append(Pair(row[0].strip() == "1", row[3], row[4]))
    if not pairs:
        raise UsageError(f"{path}: no pairs")
    return pairs


def scores(predicted: Sequence[bool], gold: Sequence[bool]) -> PairScores:
    """Accuracy and precision, recall, F1 of the 'same' class."""
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    correct = sum(p == g for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(len(gold), correct / max(len(gold), 1), precision, recall, f1)


def evaluate_pairs(path: Path) -> PairScores:
    """Score the brief's same-fact rule on the pairs in `path`."""
    from briefer.facts import judge_pairs

    pairs = read_pairs(path)
    predicted = judge_pairs([(p.first, p.second) for p in pairs])
    return scores(predicted, [p.same for p in pairs])


def write_scores(result: PairScores, path: Path) -> None:
    """Write the scores as JSON (fractions); RenderError when the file cannot be written."""
    try:
        path.write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    except OSError as e:
        raise RenderError(f"{path}: cannot write: {e}") from e
