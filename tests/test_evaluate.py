"""ROUGE evaluation: the scoring protocol on literal strings, a tiny dataset of our own, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli
from briefer.errors import UsageError
from briefer.evaluate import Scorer, evaluate, load_dataset, read_topic
from tests.helpers import needs_shared, shared

DUC2004 = shared("eval", "duc2004", "dev")

# Two invented stories, three short articles each, and two "human" summaries per cluster.
STORIES = {
    "c1": (
        [
            "The Lune River burst its banks in Eastbrook on Tuesday and forced six hundred people from their homes. "
            "Rescue crews used boats to reach families in the Millbank district.",
            "Six hundred people left their homes in Eastbrook on Tuesday after the Lune River burst its banks. "
            "The regional rail line to Corran was closed because the tracks were under water.",
            "Schools in Eastbrook will stay closed until Friday after the Lune River burst its banks. "
            "Insurers put the damage to homes and shops at forty million euros.",
        ],
        [
            "The Lune River burst its banks in Eastbrook, forcing six hundred people from their homes.\n"
            "Schools and the rail line were closed.",
            "Floods in Eastbrook forced six hundred people out; damage reached forty million euros.",
        ],
    ),
    "c2": (
        [
            "The city council of Harwick voted on Monday to build a new bridge over the canal. "
            "The bridge will cost twelve million euros and open in three years.",
            "Harwick councillors approved a new bridge over the canal on Monday by nine votes to four. "
            "Shop owners near the old crossing welcomed the plan.",
            "A new bridge over the canal in Harwick was approved by the council on Monday. "
            "Opponents said the money should go to the harbour instead.",
        ],
        [
            "Harwick council approved a new bridge over the canal on Monday.\nIt will cost twelve million euros.",
            "The council of Harwick voted for a twelve million euro bridge over the canal.",
        ],
    ),
}


def make_dataset(root: Path, *, topics: bool = False, peers: bool = True) -> Path:
    """Write the invented stories as a DUC-style dataset (and a peers folder beside it)."""
    dataset = root / "mini"
    for name, (docs, refs) in STORIES.items():
        for sub, texts in (("docs", docs), ("refs", refs)):
            (dataset / name / sub).mkdir(parents=True)
            for i, text in enumerate(texts):
                (dataset / name / sub / f"{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
        if topics:
            (dataset / name / "topic.txt").write_text("Damage and costs\n\nWhat did it cost? Include money.\n")
        if peers:
            (root / "mini-peers" / "Echo").mkdir(parents=True, exist_ok=True)
            # A peer that repeats the first reference scores high; an off-topic one scores near zero.
            (root / "mini-peers" / "Echo" / f"{name}.txt").write_text(refs[0], encoding="utf-8")
            (root / "mini-peers" / "Noise").mkdir(parents=True, exist_ok=True)
            (root / "mini-peers" / "Noise" / f"{name}.txt").write_text("Purple elephants dance quietly.")
    return dataset


def test_pooled_recall_by_hand() -> None:
    scorer = Scorer(100)
    r1, r2 = scorer.score("the cat sat", ["the cat sat on the mat", "a dog sat"])
    # 3 of 6 tokens, then 1 of 3: pooled (3 + 1) / (6 + 3), not the best single reference (50).
    assert r1 == pytest.approx(100 * 4 / 9)
    # "the cat", "cat sat" of 5 bigrams, then none of 2.
    assert r2 == pytest.approx(100 * 2 / 7)


def test_stemming_and_truncation() -> None:
    assert Scorer(100).score("cats running", ["cat runs"])[0] == pytest.approx(100.0)
    # Only the first 2 words of the summary (and of the reference) count.
    assert Scorer(2).score("one two three", ["three one two"]) == pytest.approx((50.0, 0.0))
    assert Scorer(2).score("one two", ["one two three"]) == pytest.approx((100.0, 100.0))


def test_read_topic(tmp_path: Path) -> None:
    path = tmp_path / "topic.txt"
    path.write_text("Bridge costs\n\nWho pays for the bridge?\nInclude the\n  council's vote.\n")
    topic = read_topic(path)
    assert topic.name == "Bridge costs"
    assert topic.description == "Who pays for the bridge? Include the council's vote."


def test_evaluate_scores_rankers_and_peers(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    report = evaluate(dataset, words=30, rankers=("briefer", "lead"), peers=tmp_path / "mini-peers")
    by_name = {s.system: s for s in report.scores}
    assert set(by_name) == {"briefer", "lead", "Echo", "Noise"}
    assert [s.rouge2 for s in report.scores] == sorted((s.rouge2 for s in report.scores), reverse=True)
    assert by_name["Noise"].rouge1 == 0.0
    assert by_name["briefer"].rouge2 > 20.0
    assert all(s.clusters == 2 for s in report.scores)
    data = json.loads(report.to_json())
    assert data["words"] == 30 and len(data["scores"]) == 4
    assert "| briefer |" in report.table()


def test_evaluate_errors(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path, peers=False)
    with pytest.raises(UsageError, match="valid rankers"):
        evaluate(dataset, rankers=("nope",))
    with pytest.raises(UsageError, match="no query file"):
        load_dataset(dataset, "topic.txt")
    with pytest.raises(UsageError, match="no such dataset"):
        load_dataset(tmp_path / "missing")
    with pytest.raises(UsageError, match="no clusters"):
        load_dataset(dataset / "c1" / "refs")


def test_cli_eval_with_default_peers_and_json(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path, topics=True)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli, ["eval", str(dataset), "--words", "40", "--query-file", "topic.txt", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "| Echo |" in result.output and "| briefer |" in result.output
    systems = {s["system"] for s in json.loads(out.read_text())["scores"]}
    assert systems == {"briefer", "briefer (no topic)", "Echo", "Noise"}


def test_cli_eval_bad_arguments(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path, peers=False)
    result = CliRunner().invoke(cli, ["eval", str(dataset), "--ranker", "nope"])
    assert result.exit_code == 2
    assert "valid rankers" in result.output and "lexrank" in result.output
    assert CliRunner().invoke(cli, ["eval", str(dataset), "--words", "0"]).exit_code == 2
    result = CliRunner().invoke(cli, ["eval", str(dataset), "--words", "20", "--json", str(tmp_path / "no" / "r.json")])
    assert result.exit_code == 4
    assert "cannot write the report" in result.output


# The published figures of ../shared/eval/README.md (R-1, R-2 recall x 100, DUC 2004 dev).
README_PEERS = {
    "Lead": (30.44, 5.62), "LexRank": (34.81, 7.07), "Centroid": (35.83, 7.24), "GreedyKL": (37.28, 7.59),
    "Submodular": (38.01, 8.63), "DPP": (39.05, 8.78), "ICSISumm": (37.38, 8.87), "CLASSY04": (37.65, 8.96),
    "OCCAMS_V": (38.06, 9.04), "RegSum": (37.91, 9.15),
}  # fmt: skip


@needs_shared("eval", "duc2004", "dev")
def test_peer_scores_match_the_published_table() -> None:
    report = evaluate(DUC2004, words=100, rankers=(), peers=DUC2004.parent / "dev-peers")
    ours = {s.system: (s.rouge1, s.rouge2) for s in report.scores}
    assert len(ours) == 13
    for system, (r1, r2) in README_PEERS.items():
        assert ours[system][0] == pytest.approx(r1, abs=0.05), system
        assert ours[system][1] == pytest.approx(r2, abs=0.05), system
