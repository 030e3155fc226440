"""How well `briefer.cluster` recovers known stories: mix the articles of labelled clusters, cluster, compare.

A dataset is a folder of clusters in the DUC layout (`<dataset>/<cluster>/docs/*.txt`, as in ../shared/eval);
several datasets are mixed into one set. Scores: the adjusted Rand index (Hubert and Arabie 1985, the formula
of scikit-learn's `adjusted_rand_score`, checked against it in tests/test_cluster.py) and B-cubed precision and
recall (Bagga and Baldwin 1998; Amigó et al. 2009): per article, the share of its predicted story that is truly
its story, and the share of its true story that was put with it, averaged over articles.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from briefer.clean import clean_corpus
from briefer.cluster import NAME_WEIGHT, Clustering, cluster_texts
from briefer.config import Limits
from briefer.digest import article_text
from briefer.errors import UsageError
from briefer.read.ingest import read_sources


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """Scores of one predicted clustering against the true one."""

    name: str
    articles: int
    true_stories: int
    found_stories: int
    ari: float
    precision: float  # B-cubed
    recall: float  # B-cubed
    seconds: float

    @property
    def f1(self) -> float:
        """Harmonic mean of B-cubed precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(counts: np.ndarray) -> float:
    return float((counts * (counts - 1) / 2).sum())


def adjusted_rand(truth: Sequence[int], predicted: Sequence[int]) -> float:
    """Adjusted Rand index of two labelings of the same items (1 = identical, about 0 = chance)."""
    n = len(truth)
    if n != len(predicted):
        raise ValueError("labelings differ in length")
    joint = Counter(zip(truth, predicted, strict=True))
    index = _pairs(np.fromiter(joint.values(), dtype=np.float64))
    a = _pairs(np.fromiter(Counter(truth).values(), dtype=np.float64))
    b = _pairs(np.fromiter(Counter(predicted).values(), dtype=np.float64))
    total = n * (n - 1) / 2
    if total == 0:
        return 1.0
    expected = a * b / total
    maximum = (a + b) / 2
    if maximum == expected:  # both labelings are all-one-cluster or all-singletons
        return 1.0
    return (index - expected) / (maximum - expected)


def bcubed(truth: Sequence[int], predicted: Sequence[int]) -> tuple[float, float]:
    """B-cubed (precision, recall), averaged over items."""
    joint = Counter(zip(truth, predicted, strict=True))
    true_size = Counter(truth)
    found_size = Counter(predicted)
    n = len(truth)
    if n == 0:
        return 1.0, 1.0
    precision = sum(c * c / found_size[p] for (_, p), c in joint.items()) / n
    recall = sum(c * c / true_size[t] for (t, _), c in joint.items()) / n
    return precision, recall


def load_clusters(datasets: Sequence[Path], limits: Limits | None = None) -> tuple[list[str], list[int], list[str]]:
    """Texts, true story labels and paths of every article of the clusters under `datasets`, mixed."""
    paths: list[Path] = []
    labels: list[int] = []
    label_of: dict[tuple[str, str], int] = {}
    for dataset in datasets:
        clusters = sorted(p for p in dataset.iterdir() if (p / "docs").is_dir()) if dataset.is_dir() else []
        if not clusters:
            raise UsageError(f"{dataset}: no <cluster>/docs/ folders (expected the DUC layout of ../shared/eval)")
        for cluster in clusters:
            for doc in sorted((cluster / "docs").glob("*.txt")):
                paths.append(doc)
                labels.append(label_of.setdefault((str(dataset), cluster.name), len(label_of)))
    corpus = read_sources(paths, limits or Limits(max_total_bytes=10**10))
    by_location = {d.source.location: d for d in clean_corpus(corpus.documents)}
    texts, kept, where = [], [], []
    for path, label in zip(paths, labels, strict=True):
        document = by_location.get(str(path))
        if document is not None:
            texts.append(article_text(document))
            kept.append(label)
            where.append(str(path))
    return texts, kept, where


def score(name: str, truth: Sequence[int], predicted: Clustering, seconds: float) -> ClusterScores:
    """Scores of `predicted` against `truth`."""
    precision, recall = bcubed(truth, predicted.labels)
    return ClusterScores(name=name, articles=len(truth), true_stories=len(set(truth)),
                         found_stories=len(set(predicted.labels)), ari=adjusted_rand(truth, predicted.labels),
                         precision=precision, recall=recall, seconds=seconds)


def evaluate_clusters(name: str, datasets: Sequence[Path], *, name_weight: float = NAME_WEIGHT) -> ClusterScores:
    """Mix the clusters of `datasets`, recover them with briefer.cluster, and score the result."""
    texts, truth, _ = load_clusters(datasets)
    start = time.perf_counter()
    predicted = cluster_texts(texts, name_weight=name_weight)
    return score(name, truth, predicted, time.perf_counter() - start)


BEGIN, END = "<!-- clusters:begin -->", "<!-- clusters:end -->"


def dataset_label(dataset: Path) -> str:
    """A reader's name for a dataset folder: "../shared/eval/duc2004/dev" -> "DUC 2004 dev"."""
    parent = re.sub(r"^duc(\d{4})$", r"DUC \1", dataset.resolve().parent.name)
    return f"{parent} {dataset.name}".strip()


def write_table(page: Path, text: str) -> None:
    """Replace what lies between the clusters markers of `page` (docs/quality.md) with `text`."""
    content = page.read_text(encoding="utf-8")
    start, end = content.find(BEGIN), content.find(END)
    if start < 0 or end < start:
        raise UsageError(f"{page}: no {BEGIN} ... {END} markers to write the table between")
    page.write_text(f"{content[: start + len(BEGIN)]}\n{text}\n{content[end:]}", encoding="utf-8")


def table(rows: Sequence[ClusterScores]) -> str:
    """The scores as a Markdown table."""
    lines = ["| mixed set | articles | true stories | stories found | ARI | B-cubed P | B-cubed R | B-cubed F1 | "
             "clustering time (s) |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.name} | {r.articles} | {r.true_stories} | {r.found_stories} | **{r.ari:.3f}** | "
                     f"{r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} | {r.seconds:.2f} |")
    return "\n".join(lines)
