"""briefer.cluster and briefer.cluster_eval: stories recovered from a mixed set, scores checked against scikit-learn."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from briefer.clean import clean_corpus
from briefer.cluster import _refine, cluster_texts, features, names
from briefer.cluster_eval import adjusted_rand, bcubed, evaluate_clusters
from briefer.config import Limits
from briefer.digest import article_text
from briefer.read.ingest import read_sources
from tests.helpers import SHARED

MIXED = Path(__file__).parent / "data" / "mixed"


def mixed_set() -> tuple[list[str], list[str]]:
    """Texts of our own mixed-story set and each file's story (the part of its name before the dash)."""
    docs = clean_corpus(read_sources([MIXED], Limits()).documents)
    return [article_text(d) for d in docs], [Path(d.source.location).name.split("-")[0] for d in docs]


def partition(labels: tuple[int, ...] | list[str]) -> set[frozenset[int]]:
    groups: dict[object, set[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_the_mixed_set_is_split_into_its_stories() -> None:
    texts, truth = mixed_set()
    found = cluster_texts(texts)
    assert partition(found.labels) == partition(truth)
    assert len(found.stories) == 4
    # Label 0 is the largest story; the lone museum article is a story of its own.
    assert [len(s) for s in found.stories] == [3, 3, 2, 1]


def test_the_stories_do_not_depend_on_the_order_of_the_articles() -> None:
    texts, _ = mixed_set()
    order = list(range(len(texts)))
    random.Random(7).shuffle(order)
    shuffled = cluster_texts([texts[i] for i in order])
    back = [0] * len(texts)
    for new, old in enumerate(order):
        back[old] = shuffled.labels[new]
    assert partition(back) == partition(cluster_texts(texts).labels)


def test_a_single_article_and_an_empty_set() -> None:
    assert cluster_texts(["Only one article about a harbour festival in a small town."]).labels == (0,)
    assert cluster_texts([]).labels == ()


def test_unrelated_texts_stay_apart() -> None:
    texts = ["The orchestra played a new symphony by a young composer in the concert hall.",
             "Farmers expect a poor wheat harvest after the driest summer in decades.",
             "The chess champion defended her title in a twelve-game match."]
    assert len(cluster_texts(texts).stories) == 3


def test_refinement_moves_a_stray_article_to_the_story_whose_centroid_is_closest() -> None:
    # Two stories of our own, the port strike and the orchard; the graph step left one strike article (index 3)
    # with the orchard story. Its cosine to the strike story's centroid beats the orchard's centroid without it.
    texts = ["Dockworkers at the Velmar port began a strike over shift rotas and pay.",
             "The Velmar port strike by dockworkers stopped cranes and container ships.",
             "Ships queued outside Velmar as the dockworkers strike over rotas went on.",
             "Dockworkers said the port strike at Velmar would go on until the rota talks.",
             "Beekeepers moved hives into the apple orchard before the trees flowered.",
             "The orchard owner said the hives would pollinate the apple trees this spring."]
    matrix = features(texts)
    refined = _refine(matrix, np.array([0, 0, 0, 1, 1, 1]))
    assert partition(tuple(refined.tolist())) == partition((0, 0, 0, 0, 1, 1))
    # Stable: a right partition is left as it is, and a story of one article never holds it by containing it.
    assert partition(tuple(_refine(matrix, refined).tolist())) == partition(tuple(refined.tolist()))


def test_names_are_runs_of_capitalised_words_without_sentence_openers_or_dates() -> None:
    found = names("On Tuesday the Mayor of Marlow Falls, Peter Lindqvist, met Clara Voss's team. The bridge fell.")
    assert "Peter Lindqvist" in found
    assert "Clara Voss" in found
    assert "Marlow Falls" in found or "Mayor of Marlow Falls" in found
    assert not {"Tuesday", "The", "On"} & set(found)


def test_feature_rows_have_unit_length() -> None:
    texts, _ = mixed_set()
    matrix = features(texts, name_weight=0.5)
    norms = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    assert np.allclose(norms, 1.0)


def test_adjusted_rand_matches_scikit_learn() -> None:
    sklearn_metrics = pytest.importorskip("sklearn.metrics")
    rng = random.Random(3)
    for _ in range(30):
        n = rng.randint(2, 60)
        a = [rng.randint(0, 5) for _ in range(n)]
        b = [rng.randint(0, 7) for _ in range(n)]
        assert adjusted_rand(a, b) == pytest.approx(sklearn_metrics.adjusted_rand_score(a, b), abs=1e-9)
    assert adjusted_rand([0, 0, 1, 1], [5, 5, 9, 9]) == 1.0


def test_bcubed_precision_and_recall() -> None:
    # Truth {0,1,2} {3}; predicted all together: precision (3*3/4 + 1/4)/4 = 0.625, recall 1.
    assert bcubed([0, 0, 0, 1], [7, 7, 7, 7]) == pytest.approx((0.625, 1.0))
    # Predicted all apart: precision 1, recall (3 * 1/3 + 1)/4 = 0.5.
    assert bcubed([0, 0, 0, 1], [0, 1, 2, 3]) == pytest.approx((1.0, 0.5))


# Pinned from docs/quality.md (briefer eval-clusters); a change that lowers them must say why.
DUC_BASELINE = {"duc2004": 0.89, "duc2006": 0.87}


@pytest.mark.quality
@pytest.mark.parametrize("name", sorted(DUC_BASELINE))
def test_mixed_duc_dev_clusters_are_recovered(name: str) -> None:
    dataset = SHARED / "eval" / name / "dev"
    if not dataset.is_dir():
        pytest.skip(f"{dataset} is not present")
    scores = evaluate_clusters(name, [dataset])
    assert scores.ari >= DUC_BASELINE[name]
    assert scores.precision >= 0.85


def test_eval_clusters_writes_its_table_between_the_markers(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefer.cli import cli

    # Our own mixed set in the DUC layout: <dataset>/<cluster>/docs/*.txt, one cluster per story.
    dataset = tmp_path / "duc2099" / "dev"
    for path in sorted(MIXED.glob("*.txt")):
        docs = dataset / path.name.split("-")[0] / "docs"
        docs.mkdir(parents=True, exist_ok=True)
        (docs / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    page = tmp_path / "quality.md"
    page.write_text("# Quality\n\nbefore\n<!-- clusters:begin -->\nold table\n<!-- clusters:end -->\nafter\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval-clusters", str(dataset), "--write", str(page)])
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert "old table" not in text and text.startswith("# Quality\n\nbefore\n") and text.endswith("after\n")
    row = next(line for line in text.splitlines() if line.startswith("| DUC 2099 dev |"))
    # 9 articles in 4 stories, recovered exactly (test_the_mixed_set_is_split_into_its_stories): ARI 1.
    assert row.split("|")[2:6] == [" 9 ", " 4 ", " 4 ", " **1.000** "]
    # A page without the markers is refused by name.
    bare = tmp_path / "bare.md"
    bare.write_text("# Nothing here\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval-clusters", str(dataset), "--write", str(bare)])
    assert result.exit_code != 0 and "bare.md" in result.output and "markers" in result.output
