"""`briefer digest` and `briefer eval-clusters`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from briefer.cli import handle_errors, parse_date, report_written, setup_logging
from briefer.deliver.render import DEFAULT_FORMAT, DEFAULT_OUT_DIR, RENDERERS


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file; its suffix picks the format unless --format is given.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(RENDERERS)),
              help=f"Output format (default: from -o, else {DEFAULT_FORMAT}).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT_DIR,
              show_default=True, help="Folder for digest-<date>.<ext> when -o is not given.")
@click.option("--date", callback=parse_date, help="Date of the digest, YYYY-MM-DD (default: today).")
@click.option("--title", help='Title (default: "News digest").')
@click.option("--config", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Config TOML file with [digest], [brief] and [limits] tables.")
@click.option("--words-per-story", type=int, help="Word budget of each story's brief (default 120).")
@click.option("--max-stories", type=int, help="Stories briefed in full; the rest go under In brief (default 12).")
@click.option("--jobs", type=int, help="Worker processes for the stories' briefs (default: all cores).")
@click.option("--scheduler", help="Brief the stories on a Dask cluster: tcp://HOST:PORT (needs briefer[dask]).")
@click.option("-v", "--verbose", count=True, help="More log lines on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr.")
@handle_errors
def digest(sources: tuple[str, ...], output: Path | None, fmt: str | None, out_dir: Path, date: dt.date | None,
           title: str | None, config: Path | None, words_per_story: int | None, max_stories: int | None,
           jobs: int | None, scheduler: str | None, verbose: int, quiet: bool) -> None:
    """Group the articles of SOURCES into stories and brief each one: a digest of many stories."""
    from briefer.deliver.digest_render import write_digest
    from briefer.deliver.render import output_target
    from briefer.digest import build_digest, load_digest_options
    from briefer.progress import progress_bar, stage

    setup_logging(verbose, quiet)
    options = load_digest_options(config, words_per_story=words_per_story, max_stories=max_stories, jobs=jobs,
                                  scheduler=scheduler, date=date, title=title)
    with progress_bar(quiet=quiet):
        stage("digesting")
        result = build_digest(list(sources), options)
        target, fmt = output_target(result.date, output=output, fmt=fmt, out_dir=out_dir, stem="digest")
        stage(f"writing {fmt}")
        path = write_digest(result, target, fmt)
    report_written(path, result, quiet=quiet, what="digest")


@click.command("eval-clusters")
@click.argument("datasets", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--name-weight", type=float, multiple=True, help="Weight of names features (repeat to compare).")
@click.option("--write", "page", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Also put the table between the <!-- clusters:begin/end --> markers of this page "
                   "(docs/quality.md), datasets named for readers (DUC 2004 dev).")
@handle_errors
def eval_clusters(datasets: tuple[Path, ...], name_weight: tuple[float, ...], page: Path | None) -> None:
    """Mix the clusters of each DATASET (DUC layout), then of all together, recover them, print ARI and B-cubed."""
    from briefer.cluster import NAME_WEIGHT
    from briefer.cluster_eval import dataset_label, evaluate_clusters, table, write_table

    setup_logging(0, True)
    sets = [(dataset_label(d) if page else str(d), [d]) for d in datasets]
    if len(datasets) > 1:
        sets.append(("all mixed together" if len(datasets) > 2 or not page else "both mixed together",
                     list(datasets)))
    rows = []
    for weight in name_weight or (NAME_WEIGHT,):
        for name, paths in sets:
            label = f"{name} (names x{weight:g})" if name_weight else name
            rows.append(evaluate_clusters(label, paths, name_weight=weight))
    click.echo(table(rows))
    if page:
        write_table(page, table(rows))
