"""ROUGE evaluation on DUC-style datasets, with the protocol of ../shared/eval/README.md.

A dataset is a folder of clusters, each with `docs/*.txt` (one article per file), `refs/*.txt`
(human summaries) and optionally a topic file (title, blank line, narrative). Scores are
ROUGE-1 and ROUGE-2 recall from Google's `rouge-score` tokenizer with Porter stemming, after
truncating every summary to the word budget, pooled over the references (the sum of matched
n-grams over the sum of reference n-grams). Peers (published systems' outputs,
`<peers>/<System>/<cluster>.txt`) are scored by the same code in the same run.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from briefer.errors import RenderError, UsageError
from briefer.model import Topic

Summariser = Callable[["Cluster", int, Topic | None], str]


@dataclass(frozen=True, slots=True)
class Cluster:
    """One evaluation cluster: where its documents are, its references and optional topic."""

    name: str
    docs: Path
    refs: tuple[str, ...]
    topic: Topic | None = None


@dataclass(frozen=True, slots=True)
class Score:
    """ROUGE-1 and ROUGE-2 recall x 100, pooled over references, averaged over clusters."""

    system: str
    rouge1: float
    rouge2: float
    clusters: int
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class Report:
    """Every system's score on one dataset, best ROUGE-2 first."""

    dataset: str
    words: int
    scores: tuple[Score, ...]

    def table(self) -> str:
        """The scores as a Markdown table."""
        lines = [
            f"{self.dataset} ({self.words} words)",
            "",
            "| system | R-1 | R-2 | clusters | seconds |",
            "|---|---|---|---|---|",
        ]
        for s in self.scores:
            lines.append(f"| {s.system} | {s.rouge1:.2f} | {s.rouge2:.2f} | {s.clusters} | {s.seconds:.1f} |")
        return "\n".join(lines)

    def to_json(self) -> str:
        """The report as JSON."""
        return json.dumps(
            {"dataset": self.dataset, "words": self.words, "scores": [asdict(s) for s in self.scores]},
            indent=2,
        )


def write_report(report: Report, path: Path) -> None:
    """Write the report as JSON; RenderError when the file cannot be written."""
    try:
        path.write_text(report.to_json() + "\n", encoding="utf-8")
    except OSError as exc:
        raise RenderError(f"{path}: cannot write the report: {exc.strerror or exc}") from exc


# --- reading -----------------------------------------------------------------------------------


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def read_topic(path: Path) -> Topic:
    """A topic file: its first line is the title, the rest the narrative."""
    title, _, narrative = _read(path).strip().partition("\n")
    return Topic(name=title.strip(), description=" ".join(narrative.split()))


def load_cluster(folder: Path, query_file: str | None = None) -> Cluster:
    """Read one cluster folder (docs/, refs/ and, when named, its topic file)."""
    ref_paths = sorted((folder / "refs").glob("*.txt"))
    if not any((folder / "docs").glob("*.txt")) or not ref_paths:
        raise UsageError(f"{folder}: a cluster needs docs/*.txt and refs/*.txt")
    topic = None
    if query_file:
        topic_path = folder / query_file
        if not topic_path.is_file():
            raise UsageError(f"{folder}: no query file {query_file!r}")
        topic = read_topic(topic_path)
    return Cluster(folder.name, folder / "docs", tuple(_read(p) for p in ref_paths), topic)


def load_dataset(dataset: Path, query_file: str | None = None) -> list[Cluster]:
    """Every cluster of a dataset folder, sorted by name."""
    if not dataset.is_dir():
        raise UsageError(f"{dataset}: no such dataset folder")
    clusters = [load_cluster(d, query_file) for d in sorted(dataset.iterdir()) if (d / "docs").is_dir()]
    if not clusters:
        raise UsageError(f"{dataset}: no clusters (folders with docs/ and refs/)")
    return clusters


# --- scoring -----------------------------------------------------------------------------------


class Scorer:
    """Pooled ROUGE-1/2 recall of a summary against references, both truncated to `words`."""

    def __init__(self, words: int) -> None:
        from rouge_score.tokenizers import DefaultTokenizer

        self.words = words
        self._tokenizer = DefaultTokenizer(use_stemmer=True)

    def _grams(self, text: str) -> tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]]:
        tokens = self._tokenizer.tokenize(" ".join(text.split()[: self.words]))
        return Counter((t,) for t in tokens), Counter(itertools.pairwise(tokens))

    def score(self, summary: str, refs: Sequence[str]) -> tuple[float, float]:
        """(ROUGE-1, ROUGE-2) recall x 100, pooled over `refs`."""
        mine = self._grams(summary)
        out = []
        for n in (0, 1):
            hit = total = 0
            for ref in refs:
                theirs = self._grams(ref)[n]
                hit += sum((theirs & mine[n]).values())
                total += sum(theirs.values())
            out.append(100.0 * hit / total if total else 0.0)
        return out[0], out[1]


def _mean_score(system: str, pairs: Sequence[tuple[float, float]], seconds: float = 0.0) -> Score:
    n = len(pairs)
    return Score(system, sum(p[0] for p in pairs) / n, sum(p[1] for p in pairs) / n, n, seconds)


def default_peers(dataset: Path) -> Path | None:
    """`<dataset>-peers` beside the dataset folder, when it exists."""
    candidate = dataset.parent / f"{dataset.name}-peers"
    return candidate if candidate.is_dir() else None


def score_peers(clusters: Sequence[Cluster], peers: Path, scorer: Scorer) -> list[Score]:
    """Score every system folder under `peers` on the clusters it has outputs for."""
    scores = []
    for system in sorted(p for p in peers.iterdir() if p.is_dir()):
        pairs = [
            scorer.score(_read(system / f"{c.name}.txt"), c.refs)
            for c in clusters
            if (system / f"{c.name}.txt").is_file()
        ]
        if pairs:
            scores.append(_mean_score(system.name, pairs))
    return scores


def score_system(name: str, summarise: Summariser, clusters: Sequence[Cluster], scorer: Scorer) -> Score:
    """Run `summarise` on every cluster and score it."""
    start = time.perf_counter()
    pairs = [scorer.score(summarise(c, scorer.words, c.topic), c.refs) for c in clusters]
    return _mean_score(name, pairs, time.perf_counter() - start)


# --- summarising -------------------------------------------------------------------------------


def ranker_summary(ranker: str) -> Summariser:
    """The pipeline's summary with `ranker`, exactly as `briefer summarize` makes it."""

    def summarise(cluster: Cluster, words: int, query: Topic | None) -> str:
        from briefer.pipeline import summarize

        # The lead baseline takes the newest articles first: it is given the files in date order.
        files = sorted(cluster.docs.glob("*.txt"), key=lambda p: _date_key(p.name)) if ranker == "lead" else None
        return "\n".join(summarize(files or [cluster.docs], words=words, ranker=ranker, query=query))

    return summarise


_DATE = re.compile(r"(?:19|20)\d{6}")


def _date_key(name: str) -> tuple[str, str]:
    """Sort key putting DUC file names (APW19990707.0181.txt) in date order; others by name."""
    found = _DATE.search(name)
    return (found.group() if found else "", name)


def summariser(name: str) -> Summariser:
    """The summariser called `name`: a ranker of briefer.rank.RANKERS (the "lead" baseline among them)."""
    from briefer.errors import unknown_name
    from briefer.rank import RANKERS

    if name in RANKERS:
        return ranker_summary(name)
    raise unknown_name("ranker", name, list(RANKERS))


def evaluate(
    dataset: Path,
    *,
    words: int = 100,
    rankers: Sequence[str] = ("briefer",),
    peers: Path | None = None,
    query_file: str | None = None,
    blind: bool = True,
) -> Report:
    """Score the named rankers (and the peers) on every cluster of `dataset`.

    With `query_file`, each ranker is given its cluster's topic and, when `blind`, also scored without it.
    """
    clusters = load_dataset(dataset, query_file)
    scorer = Scorer(words)
    scores = []
    summarisers = {name: summariser(name) for name in rankers}  # unknown names fail before any work
    for name, summarise in summarisers.items():
        scores.append(score_system(name, summarise, clusters, scorer))
        if query_file and blind and name != "lead":
            # The same ranker without the topic, so the table shows what the topic adds.
            topicless = [replace(c, topic=None) for c in clusters]
            scores.append(score_system(f"{name} (no topic)", summarise, topicless, scorer))
    if peers is not None:
        if not peers.is_dir():
            raise UsageError(f"{peers}: no such peers folder")
        scores.extend(score_peers(clusters, peers, scorer))
    scores.sort(key=lambda s: (-s.rouge2, s.system))
    return Report(str(dataset), words, tuple(scores))
