"""`briefer brief` and `briefer summarize`: parse, call the library, map the outcome to an exit code.

The -f choices come from briefer.deliver.render.RENDERERS, the --ranker help from the rankers' table,
the --words range from briefer.config.WORDS_RANGE: adding a format or a ranker needs no change here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from briefer.cli import LazyHelp, handle_errors, parse_date, ranker_names, report_written, setup_logging
from briefer.config import SUMMARY_WORDS, WORDS_RANGE, defaults
from briefer.deliver.render import DEFAULT_FORMAT, DEFAULT_OUT_DIR, RENDERERS


def _ranker_help() -> str:
    default = defaults()["brief"]["ranker"]
    others = [name for name in ranker_names() if name != default]
    return f"Sentence ranker: {default} (default: [brief] ranker), {', '.join(others)}."


def _format_help() -> str:
    formats = "; ".join(f"{name}: {renderer.help}" for name, renderer in RENDERERS.items())
    return f"Output format (default: from -o, else {DEFAULT_FORMAT}). {formats}."


WORDS = click.IntRange(*WORDS_RANGE)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file; its suffix picks the format unless --format is given.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(RENDERERS)), help=_format_help())
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT_DIR,
              show_default=True, help="Folder for brief-<date>.<ext> when -o is not given.")
@click.option("--date", callback=parse_date, help="Date of the brief, YYYY-MM-DD (default: today).")
@click.option("--title", help="Title (default: the topics file's title, else one from the headlines).")
@click.option("--topics", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Topics TOML file, relative to the working directory (default: topics discovered in the articles).")
@click.option("--config", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Config TOML file ([brief], [limits], [sources] tables; see `briefer init`).")
@click.option("--words", type=WORDS, help="Word budget of the brief's sentences (default 400).")
@click.option("--ranker", cls=LazyHelp, help_text=_ranker_help)
@click.option("-v", "--verbose", count=True, help="More log lines on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr.")
@handle_errors
def brief(sources: tuple[str, ...], output: Path | None, fmt: str | None, out_dir: Path, date: dt.date | None,
          title: str | None, topics: Path | None, config: Path | None, words: int | None, ranker: str | None,
          verbose: int, quiet: bool) -> None:
    """Write a dated, topic-organised brief from SOURCES (files, folders, URLs, feeds)."""
    from briefer.config import load_options
    from briefer.deliver.render import output_target, pdf_ahead, write_brief
    from briefer.progress import progress_bar, stage

    setup_logging(verbose, quiet)
    options = load_options(config, date=date, title=title, topics=topics, words=words, ranker=ranker)
    # The format is known before the brief is built (a wrong suffix fails now), and a PDF's renderer warms up in a
    # worker process meanwhile: started before the pipeline's imports and the progress line's thread.
    fmt = output_target(dt.date.today(), output=output, fmt=fmt, out_dir=out_dir)[1]
    with pdf_ahead(fmt == "pdf") as pdf, progress_bar(quiet=quiet):
        from briefer.pipeline import build_brief

        result = build_brief(list(sources), options)
        target, fmt = output_target(result.date, output=output, fmt=fmt, out_dir=out_dir)
        stage(f"writing {fmt}")
        path = write_brief(result, target, fmt, pdf=pdf)
    report_written(path, result, quiet=quiet, what="brief")


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--words", type=WORDS, default=SUMMARY_WORDS, show_default=True, help="Word budget of the summary.")
@click.option("--ranker", cls=LazyHelp, help_text=_ranker_help)
@click.option("-v", "--verbose", count=True, help="More log lines on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr.")
@handle_errors
def summarize(sources: tuple[str, ...], words: int, ranker: str | None, verbose: int, quiet: bool) -> None:
    """Print the extractive summary of SOURCES, one sentence per line, nothing else."""
    from briefer.pipeline import summarize as run
    from briefer.progress import progress_bar

    setup_logging(verbose, quiet)
    with progress_bar(quiet=quiet):
        chosen = run(list(sources), words=words, ranker=ranker)
    for sentence in chosen:
        click.echo(sentence)
