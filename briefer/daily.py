"""The daily brief: sources from a config file, only what is new, written safely, mailed.

`run_daily(config, day=...)`, under a lock on the output folder:
1. read what earlier dates already briefed from the state file (briefer.deliver.state);
2. build the brief from the config's paths, URLs and feeds (briefer.pipeline, briefer.read.fetch), leaving out
   articles read and facts briefed on earlier dates;
3. write each format atomically as `<dir>/brief-<date>.<ext>`;
4. record the date in the state, in one transaction, only now that the outputs exist;
5. mail the brief when [email] is set (or write the .eml with dry_run).
A run killed anywhere leaves complete files and a consistent state; running the date again finishes the job.
`BRIEFER_TEST_PAUSE_AT=<stage>` makes a run sleep before that stage (fetch, render, write, record, mail)
so tests can kill it there; nothing else reads it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from briefer.deliver.lock import DEFAULT_WAIT, hold_lock
from briefer.deliver.mail import (
    body_from_brief,
    build_message,
    parse_address,
    send_message,
    smtp_settings,
    subject_for,
    write_eml,
)
from briefer.deliver.state import State, facts_digest
from briefer.errors import ConfigError, ExitCode, MailError, UsageError
from briefer.model import Brief, Source
from briefer.options import BriefOptions, load_options, read_toml
from briefer.read.fetch import FetchSettings, fetch_settings

log = logging.getLogger(__name__)

TABLES = {
    "brief": None,  # validated by briefer.options
    "limits": None,
    "sources": {"paths", "urls", "feeds", "timeout", "retries"},
    "output": {"dir", "formats", "state", "lock_wait"},
    "email": {"to", "from", "host", "port", "security", "user", "password", "cafile", "timeout", "retries",
              "attach", "send_when_nothing_new"},
}
STATE_NAME = ".briefer/state.db"
PAUSE_ENV = "BRIEFER_TEST_PAUSE_AT"
# Temporary files older than this are left by a killed run (briefer.deliver.atomic writes in well under a minute).
STALE_TEMP_SECONDS = 300


@dataclass(frozen=True, kw_only=True)
class EmailConfig:
    """The [email] table: recipients, formats to attach, the raw SMTP settings (resolved when sending)."""

    to: tuple[str, ...]
    sender: str
    attach: tuple[str, ...] = ("pdf",)
    send_when_nothing_new: bool = False
    smtp: Mapping[str, Any]


@dataclass(frozen=True, kw_only=True)
class DailyConfig:
    """A validated daily config; relative paths are resolved against the config file's folder."""

    path: Path
    options: BriefOptions
    sources: tuple[str, ...]
    fetch: FetchSettings
    out_dir: Path
    formats: tuple[str, ...] = ("md", "pdf")
    state_path: Path
    lock_wait: float = DEFAULT_WAIT
    email: EmailConfig | None = None


@dataclass(frozen=True, kw_only=True)
class DailyResult:
    """What a run did; `exit_code` is what `briefer daily` exits with (MailError is raised instead)."""

    brief: Brief
    outputs: tuple[Path, ...]
    problems: tuple[Source, ...]  # sources skipped for a failure (not those briefed on an earlier date)
    mail: str  # what happened to the mail, for the log and the CLI
    exit_code: ExitCode

    @property
    def nothing_new(self) -> bool:
        """True when the brief has no fact that an earlier date's brief did not already give."""
        return not self.brief.items


def _strings(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"[{where}] {key} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _check_tables(data: Mapping[str, Any], path: Path) -> None:
    for name, value in data.items():
        if name not in TABLES:
            raise ConfigError(f"{path}: unknown table [{name}]; valid: {', '.join(f'[{t}]' for t in TABLES)}")
        allowed = TABLES[name]
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: [{name}] must be a table")
        if allowed is not None and set(value) - allowed:
            raise ConfigError(f"{path}: unknown [{name}] settings {sorted(set(value) - allowed)}; "
                              f"valid: {sorted(allowed)}")


def _email(table: Mapping[str, Any], formats: Sequence[str], env: Mapping[str, str]) -> EmailConfig:
    to = _strings(table, "to", "email")
    if not to:
        raise ConfigError("[email] to: give at least one recipient (or remove the [email] table)")
    for address in to:
        parse_address(address, "[email] to")
    if "password" in table:
        raise ConfigError("[email] password: never put the password in a file; set BRIEFER_SMTP_PASSWORD")
    sender = env.get("BRIEFER_SMTP_FROM") or str(table.get("from", ""))
    parse_address(sender, "[email] from (or BRIEFER_SMTP_FROM)")
    attach = _strings(table, "attach", "email") or ("pdf",)
    missing = [f for f in attach if f not in formats]
    if missing:
        raise ConfigError(f"[email] attach {missing}: add them to [output] formats too")
    always = table.get("send_when_nothing_new", False)
    if not isinstance(always, bool):
        raise ConfigError("[email] send_when_nothing_new must be true or false")
    return EmailConfig(to=to, sender=sender, attach=attach, send_when_nothing_new=always, smtp=dict(table))


def email_section(path: Path, data: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The [email] table of a config file (`data`: the file already read), with `cafile` resolved against it."""
    table = (read_toml(path) if data is None else data).get("email", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [email] must be a table")
    table = dict(table)  # resolving cafile must not change the caller's data
    cafile = table.get("cafile")
    if isinstance(cafile, str) and cafile and not Path(cafile).is_absolute():
        table["cafile"] = str(path.parent / cafile)
    return table


def load_config(path: Path, env: Mapping[str, str] | None = None) -> DailyConfig:
    """Read and validate a daily config file (see `briefer init` for a commented example)."""
    from briefer.deliver.render import FORMATS

    env = os.environ if env is None else env
    data = read_toml(path)
    _check_tables(data, path)
    base = path.parent
    options = load_options(path)
    sources_table = data.get("sources", {})
    paths = [str(p if p.is_absolute() else base / p)
             for p in map(Path, _strings(sources_table, "paths", "sources"))]
    urls = (*_strings(sources_table, "urls", "sources"), *_strings(sources_table, "feeds", "sources"))
    sources = (*paths, *urls)
    if not sources:
        raise ConfigError(f"{path}: [sources] lists no paths, urls or feeds")
    output = data.get("output", {})
    out_dir = Path(str(output.get("dir", "briefs")))
    out_dir = out_dir if out_dir.is_absolute() else base / out_dir
    formats = _strings(output, "formats", "output") or ("md", "pdf")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError(f"[output] formats {unknown}: valid formats are {', '.join(FORMATS)}")
    state = Path(str(output.get("state", STATE_NAME)))
    try:
        fetch = FetchSettings(timeout=float(sources_table.get("timeout", 20.0)),
                              retries=int(sources_table.get("retries", 2)))
        lock_wait = float(output.get("lock_wait", DEFAULT_WAIT))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: [sources] timeout/retries or [output] lock_wait: {exc}") from exc
    email = _email(email_section(path, data), formats, env) if "email" in data else None
    return DailyConfig(path=path, options=options, sources=sources, fetch=fetch, out_dir=out_dir,
                       formats=tuple(dict.fromkeys(formats)), lock_wait=lock_wait, email=email,
                       state_path=state if state.is_absolute() else out_dir / state)


def _pause(stage: str) -> None:
    """The documented test hook: sleep before `stage` so a test can kill the run there."""
    if os.environ.get(PAUSE_ENV) == stage:
        print(f"briefer: paused before {stage} ({PAUSE_ENV})", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("BRIEFER_TEST_PAUSE_SECONDS", "60")))


def _remove_stale_temps(out_dir: Path) -> None:
    """Delete temporary files a killed run left (names as briefer.deliver.atomic makes them)."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for temp in out_dir.glob(".brief-*.tmp"):
        try:
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
                log.info("removed %s, left by an interrupted run", temp.name)
        except OSError:
            pass  # gone already, or not ours to delete: harmless either way


def exit_code_for(brief: Brief, problems: Sequence[Source]) -> ExitCode:
    """PARTIAL when a source failed, else NOTHING_NEW when the brief has no new fact, else OK."""
    if problems:
        return ExitCode.PARTIAL
    return ExitCode.NOTHING_NEW if not brief.items else ExitCode.OK


def _mail(config: DailyConfig, brief: Brief, outputs: Sequence[Path], state: State | None,
          dry_run: bool) -> str:
    """Stage 5: send (or write the .eml); MailError when it cannot be sent. Returns what was done."""
    email = config.email
    if email is None:
        return "no [email] table: not mailed"
    if not brief.items and not email.send_when_nothing_new:
        return "nothing new: not mailed (set [email] send_when_nothing_new to mail anyway)"
    digest = facts_digest([item.text for item in brief.items])
    run = state.run(brief.date) if state is not None else None
    if run is not None and run.mailed_digest == digest and not dry_run:
        return f"already mailed at {run.mailed_at}: not mailed again"
    attachments = [p for p in outputs if p.suffix.lstrip(".") in email.attach]
    msg = build_message(attachments, to=email.to, sender=email.sender,
                        subject=subject_for(brief.title, brief.date),
                        body=body_from_brief(brief, [p.name for p in attachments]))
    if dry_run:
        path = write_eml(msg, config.out_dir / f"brief-{brief.date.isoformat()}.eml")
        return f"dry run: wrote {path} instead of sending"
    send_message(msg, smtp_settings(email.smtp))
    if state is not None:
        state.mark_mailed(brief.date, digest)
    return f"mailed to {', '.join(email.to)} ({msg['Message-ID']})"


def run_daily(config: DailyConfig, *, day: dt.date | None = None, dry_run: bool = False) -> DailyResult:
    """Build, write, record and mail the brief of `day` (default today); see the module docstring."""
    from briefer.deliver.render import write_brief
    from briefer.pipeline import KNOWN_WARNING, build_brief

    day = day or dt.date.today()
    options = replace(config.options, date=day)
    lock = config.state_path.with_name("lock")
    with hold_lock(lock, wait=config.lock_wait), State(config.state_path) as state:
        _remove_stale_temps(config.out_dir)
        known = state.known_before(day)
        log.info("daily %s: %d sources; %d facts and %d articles known from earlier dates", day,
                 len(config.sources), len(known.facts), len(known.digests))
        _pause("fetch")
        with fetch_settings(config.fetch):
            brief = build_brief(config.sources, options, known_facts=known.facts, known_digests=known.digests)
        problems = tuple(s for s in brief.sources if s.status == "skipped" and s.warning != KNOWN_WARNING)
        log.info("brief %s: %d new facts; %d sources skipped for errors", day, len(brief.items),
                 len(problems))
        _pause("render")
        outputs = []
        for fmt in config.formats:
            outputs.append(write_brief(brief, config.out_dir / f"brief-{day.isoformat()}.{fmt}", fmt))
            _pause("write")
        log.info("wrote %s", ", ".join(str(p) for p in outputs))
        _pause("record")
        if dry_run:
            log.info("dry run: state %s left unchanged", config.state_path)
        else:
            state.record(brief, outputs)
            log.info("recorded %s in %s", day, config.state_path)
        _pause("mail")
        try:
            mail = _mail(config, brief, outputs, None if dry_run else state, dry_run)
        except MailError:
            log.error("the brief is written (%s) but not mailed", ", ".join(p.name for p in outputs))
            raise
        log.info("mail: %s", mail)
    return DailyResult(brief=brief, outputs=tuple(outputs), problems=problems, mail=mail,
                       exit_code=exit_code_for(brief, problems))


def example_config() -> str:
    """The commented example config that `briefer init` writes."""
    return resources.files("briefer.data").joinpath("example-config.toml").read_text(encoding="utf-8")


def write_example_config(path: Path, *, force: bool = False) -> Path:
    """Write the example config to `path`; UsageError if it exists and `force` is not set."""
    from briefer.deliver.atomic import write_atomic

    if path.exists() and not force:
        raise UsageError(f"{path} exists; pass --force to overwrite it")
    return write_atomic(path, example_config().encode("utf-8"))
