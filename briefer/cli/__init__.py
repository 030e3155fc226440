"""The `briefer` command line: a thin layer over the library API.

Sub-commands live in their own modules and are imported only when called (see COMMANDS),
so `briefer --help` stays fast. Every `BrieferError` becomes a one-line message on stderr
and the error's exit code; the codes are listed in `briefer.errors.ExitCode`.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from briefer import __version__
from briefer.errors import BrieferError, ExitCode, printable

# name -> "module:attribute" of a click.Command; the help text is kept here so --help imports nothing.
COMMANDS: dict[str, tuple[str, str]] = {
    "brief": ("briefer.cli.brief:brief", "Write a dated, topic-organised brief from SOURCES."),
    "summarize": ("briefer.cli.brief:summarize", "Print the extractive summary of SOURCES, one sentence a line."),
    "digest": ("briefer.cli.digest:digest", "Group SOURCES into stories and brief each: a digest of many stories."),
    "eval": ("briefer.cli.eval:command", "Score the summariser with ROUGE on a DUC-style dataset."),
    "eval-pairs": ("briefer.cli.eval:pairs", "Score the same-fact rule on MSRP-format sentence pairs."),
    "eval-clusters": ("briefer.cli.digest:eval_clusters", "Score story clustering (ARI, B-cubed) on mixed clusters."),
    "daily": ("briefer.cli.daily:daily", "Write (and mail) today's brief from a config file: only what is new."),
    "send": ("briefer.cli.daily:send", "Mail brief files as attachments over SMTP."),
    "init": ("briefer.cli.daily:init", "Write a commented example config file."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, _, attr = COMMANDS[cmd_name][0].partition(":")
        command = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, short) for name, (_, short) in COMMANDS.items()])


F = TypeVar("F", bound=Callable[..., Any])


class LazyHelp(click.Option):
    """An option whose help is computed only when help is shown: it may come from a table that loads numpy."""

    def __init__(self, *args: Any, help_text: Callable[[], str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_text = help_text

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = self.help_text()
        return super().get_help_record(ctx)


def handle_errors(func: F) -> F:
    """Turn BrieferError into a one-line message and its exit code (no traceback)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BrieferError as exc:
            click.echo(f"briefer: error: {printable(str(exc))}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """Click callback: a YYYY-MM-DD option value as a date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def ranker_names() -> list[str]:
    """The valid --ranker names, the default first: the CLI's one import point of the rankers' table."""
    from briefer.rank import RANKERS

    return list(RANKERS)


class SafeFormatter(logging.Formatter):
    """Every log line through one sanitiser (briefer.text.printable): no escape sequence, control, bidi or
    line-separator character from a file name, a feed or a server reaches the terminal raw."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return printable(super().formatMessage(record))


def report_written(path: Path, result: Any, *, quiet: bool, what: str) -> None:
    """Print the written file's path, then exit with the library's code (warning when sources were skipped)."""
    from briefer.pipeline import exit_code_for

    if not quiet:
        click.echo(str(path))
    code = exit_code_for(result)
    if code:
        skipped = sum(s.skipped for s in result.sources)
        logging.getLogger("briefer").warning("%d of %d sources skipped (listed in the %s)", skipped,
                                             len(result.sources), what)
        sys.exit(code)


def setup_logging(verbose: int, quiet: bool) -> None:
    """One line per event on stderr; -v for more, -vv for debug (libraries included), -q for errors only."""
    level = logging.ERROR if quiet else logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    # Libraries' own chatter (font subsetting notes, extraction heuristics) shows only with -vv.
    root = logging.DEBUG if verbose > 1 else logging.ERROR if quiet else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(SafeFormatter("briefer: %(message)s"))
    logging.basicConfig(level=root, handlers=[handler], force=True)
    logging.getLogger("briefer").setLevel(level)
    for name in ("weasyprint", "fontTools", "trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.DEBUG if verbose > 1 else logging.ERROR)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefer")
def cli() -> None:
    """briefer: a short, dated, topic-organised brief from many news articles on one story.

    \b
    Exit codes: 0 ok, 1 internal error, 2 usage or config error, 3 no usable source,
    4 could not render or write, 5 mail not sent, 6 locked by another run,
    7 nothing new, 8 brief written but some sources skipped.
    """


def main() -> None:
    """Console-script entry point."""
    # At exit Python's last collections walk every object a run leaves (its caches of tokens, profiles and names):
    # 0.5-1.1 s after the brief at 30,000 sentences. Frozen, they are not walked: atexit handlers still run and
    # objects are still released as their references go; only reference cycles are left to the OS to free.
    atexit.register(gc.freeze)
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("briefer: interrupted", err=True)
        sys.exit(130)


__all__ = ["ExitCode", "LazyHelp", "cli", "handle_errors", "main", "parse_date", "ranker_names", "setup_logging"]
