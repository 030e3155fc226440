"""`briefer daily`, `briefer send` and `briefer init`: the unattended commands."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

import click

from briefer.cli import handle_errors, parse_date, setup_logging


def _stage_logging(verbose: int, quiet: bool) -> None:
    """One line per stage by default: briefer's own INFO lines, while other libraries stay at WARNING."""
    setup_logging(verbose, quiet)
    if not quiet and not verbose:
        logging.getLogger("briefer").setLevel(logging.INFO)


@click.command()
@click.option("--config", "config_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Daily config TOML file (write an example with `briefer init`).")
@click.option("--date", callback=parse_date, help="Date of the brief, YYYY-MM-DD (default: today).")
@click.option("--dry-run", is_flag=True, help="Write the brief and the mail (.eml); send, record nothing.")
@click.option("--force", is_flag=True,
              help="Brief a date earlier than the last recorded run (later facts stay known, nothing is erased).")
@click.option("-v", "--verbose", count=True, help="More log lines (default: one per stage).")
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr, no file names on stdout.")
@handle_errors
def daily(config_path: Path, date: dt.date | None, dry_run: bool, force: bool, verbose: int, quiet: bool) -> None:
    """Write (and mail) the brief of the day from a config file: only what earlier briefs did not say.

    \b
    Exit codes: 0 ok, 2 config error, 3 no usable source, 4 cannot write, 5 brief written but
    not mailed, 6 another run holds the lock, 7 nothing new, 8 some sources failed (skipped).
    """
    from briefer.daily import load_config, run_daily

    _stage_logging(verbose, quiet)
    result = run_daily(load_config(config_path), day=date, dry_run=dry_run, force=force)
    if not quiet:
        for path in result.outputs:
            click.echo(str(path))
    if result.exit_code:
        sys.exit(result.exit_code)


@click.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--to", "to", multiple=True, help="Recipient; repeat for more (default: [email] to).")
@click.option("--subject", help='Subject (default: "<title> - <date>" from the brief\'s Markdown).')
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Config file whose [email] table gives the SMTP settings.")
@click.option("--dry-run", is_flag=True, help="Write the message as <first file>.eml instead of sending it.")
@click.option("-v", "--verbose", count=True, help="More log lines on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr.")
@handle_errors
def send(files: tuple[Path, ...], to: tuple[str, ...], subject: str | None, config_path: Path | None,
         dry_run: bool, verbose: int, quiet: bool) -> None:
    """Mail FILES (a brief's PDF, Markdown...) as attachments; SMTP from --config or BRIEFER_SMTP_*."""
    from briefer.config import load_settings
    from briefer.deliver.mail import send_files

    _stage_logging(verbose, quiet)
    done = send_files(files, to=to, subject=subject, settings=load_settings(config_path).email, dry_run=dry_run)
    if not quiet:
        click.echo(done)


@click.command()
@click.argument("path", default="briefer.toml", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@handle_errors
def init(path: Path, force: bool) -> None:
    """Write a commented example config for `briefer daily` to PATH (default briefer.toml)."""
    from briefer.daily import write_example_config

    click.echo(str(write_example_config(path, force=force)))
