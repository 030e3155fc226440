"""`briefer brief` and `briefer summarize`."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import click

from briefer.cli import handle_errors, parse_date, setup_logging
from briefer.errors import ExitCode, UsageError

log = logging.getLogger("briefer")


def _ranker_help() -> str:
    return "Sentence ranker: briefer (default), lexrank, textrank, lsa, luhn, sumbasic, kl, edmundson."


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file; its suffix picks the format unless --format is given.")
@click.option("-f", "--format", "fmt", type=click.Choice(["md", "html", "pdf", "json", "txt"]),
              help="Output format (default: from -o, else md).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder for brief-<date>.<ext> when -o is not given.")
@click.option("--date", callback=parse_date, help="Date of the brief, YYYY-MM-DD (default: today).")
@click.option("--title", help="Title (default: the topics file's title).")
@click.option("--topics", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Topics TOML file (default: the bundled sample story's topics).")
@click.option("--config", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Config TOML file with [brief] and [limits] tables.")
@click.option("--words", type=int, help="Word budget of the brief's sentences (default 400).")
@click.option("--ranker", help=_ranker_help())
@click.option("-v", "--verbose", count=True, help="More log lines on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr.")
@handle_errors
def brief(sources: tuple[str, ...], output: Path | None, fmt: str | None, out_dir: Path, date: dt.date | None,
          title: str | None, topics: Path | None, config: Path | None, words: int | None, ranker: str | None,
          verbose: int, quiet: bool) -> None:
    """Write a dated, topic-organised brief from SOURCES (files, folders, URLs, feeds)."""
    from briefer.config import load_options
    from briefer.deliver.render import default_name, format_for, write_brief
    from briefer.pipeline import build_brief
    from briefer.progress import progress_bar, stage

    setup_logging(verbose, quiet)
    options = load_options(config, date=date, title=title, topics=topics, words=words, ranker=ranker)
    with progress_bar(quiet=quiet):
        stage("briefing")
        result = build_brief(list(sources), options)
        fmt = format_for(output, fmt) if output else (fmt or "md")
        stage(f"writing {fmt}")
        path = write_brief(result, output or out_dir / default_name(result, fmt), fmt)
    skipped = [s for s in result.sources if s.skipped]
    if not quiet:
        click.echo(str(path))
    if skipped:
        log.warning("%d of %d sources skipped (listed in the brief)", len(skipped), len(result.sources))
        raise SystemExit(ExitCode.PARTIAL)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--words", type=int, default=100, show_default=True, help="Word budget of the summary.")
@click.option("--ranker", default="briefer", show_default=True, help=_ranker_help())
@click.option("-v", "--verbose", count=True, help="More log lines on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr.")
@handle_errors
def summarize(sources: tuple[str, ...], words: int, ranker: str, verbose: int, quiet: bool) -> None:
    """Print the extractive summary of SOURCES, one sentence per line, nothing else."""
    from briefer.pipeline import summarize as run
    from briefer.progress import progress_bar, stage

    setup_logging(verbose, quiet)
    if words < 1:
        raise UsageError("--words must be positive")
    with progress_bar(quiet=quiet):
        stage("summarizing")
        chosen = run(list(sources), words=words, ranker=ranker)
    for sentence in chosen:
        click.echo(sentence)
