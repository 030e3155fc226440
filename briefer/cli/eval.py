"""`briefer eval`: ROUGE scores of the summariser (and published peers) on a DUC-style dataset."""

from __future__ import annotations

from pathlib import Path

import click

from briefer.cli import LazyHelp, handle_errors, ranker_names
from briefer.config import SUMMARY_WORDS, defaults


def _ranker_help() -> str:
    names = dict.fromkeys([*ranker_names(), "lead"])  # "lead": the evaluation's lead baseline
    return f"Ranker to score, repeat for several: {', '.join(names)}."


@click.command("eval")
@click.argument("dataset", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--words",
    type=click.IntRange(min=1),
    default=SUMMARY_WORDS,
    show_default=True,
    help="Word budget of each summary; summaries and references are truncated to it.",
)
@click.option(
    "--ranker",
    "rankers",
    multiple=True,
    default=(defaults()["brief"]["ranker"],),
    show_default=True,
    cls=LazyHelp,
    help_text=_ranker_help,
)
@click.option(
    "--peers",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of <System>/<cluster>.txt outputs [default: DATASET-peers when it exists].",
)
@click.option("--query-file", default=None, help="File in each cluster holding its topic (e.g. topic.txt).")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), help="Also write JSON here.")
@handle_errors
def command(
    dataset: Path,
    words: int,
    rankers: tuple[str, ...],
    peers: Path | None,
    query_file: str | None,
    json_file: Path | None,
) -> None:
    """Score rankers with ROUGE-1/2 recall on DATASET and print a table sorted by ROUGE-2."""
    from briefer.evaluate import default_peers, evaluate, write_report

    report = evaluate(
        dataset, words=words, rankers=rankers, peers=peers or default_peers(dataset), query_file=query_file
    )
    click.echo(report.table())
    if json_file is not None:
        write_report(report, json_file)


@click.command("eval-pairs")
@click.argument("pairs_file", metavar="PAIRS.tsv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), help="Also write JSON here.")
@handle_errors
def pairs(pairs_file: Path, json_file: Path | None) -> None:
    """Score the brief's same-fact rule on MSRP-format pairs: accuracy, precision, recall, F1 of 'same'."""
    from briefer.pairs import evaluate_pairs, write_scores

    result = evaluate_pairs(pairs_file)
    for name in ("pairs", "accuracy", "precision", "recall", "f1"):
        value = getattr(result, name)
        click.echo(f"{name:<10} {value}" if name == "pairs" else f"{name:<10} {value:.4f}")
    if json_file is not None:
        write_scores(result, json_file)
