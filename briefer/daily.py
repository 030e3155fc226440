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
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.config import Settings, load_settings
from briefer.deliver.lock import hold_lock
from briefer.deliver.mail import (
    body_from_brief,
    build_message,
    parse_address,
    send_message,
    smtp_settings,
    subject_for,
    write_eml,
)
from briefer.deliver.state import Known, State, facts_digest
from briefer.errors import ConfigError, ExitCode, MailError, UsageError
from briefer.model import Brief, Source, SourceStatus

if TYPE_CHECKING:
    from briefer.digest import Digest

log = logging.getLogger(__name__)

PAUSE_ENV = "BRIEFER_TEST_PAUSE_AT"
# Temporary files older than this are left by a killed run (briefer.deliver.atomic writes in well under a minute).
STALE_TEMP_SECONDS = 300


@dataclass(frozen=True, kw_only=True)
class DailyResult:
    """What a run did; `exit_code` is what `briefer daily` exits with (MailError is raised instead)."""

    brief: Brief
    outputs: tuple[Path, ...]
    problems: tuple[Source, ...]  # sources skipped for a failure (not those briefed on an earlier date)
    mail: str  # what happened to the mail, for the log and the CLI
    exit_code: ExitCode
    digest: Digest | None = None  # digest mode: the digest itself (`brief` is its flat form)

    @property
    def nothing_new(self) -> bool:
        """True when the brief has no fact that an earlier date's brief did not already give."""
        return not self.brief.items


def load_config(path: Path, env: Mapping[str, str] | None = None) -> Settings:
    """A config (briefer.config's one reader) with what a daily run needs: sources, and recipients if mailing."""
    settings = load_settings(path, env=env)
    if not settings.sources.specs:
        raise ConfigError(f"{path}: [sources] lists no paths, urls or feeds")
    email = settings.email
    if email.enabled and not email.to:
        raise ConfigError(f"{path}: [email] to: give at least one recipient (or remove the [email] table)")
    missing = [f for f in email.attach if f not in settings.output.formats]
    if email.enabled and missing:
        raise ConfigError(f"{path}: [email] attach {missing}: add them to [output] formats too")
    return settings


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


def _mail(config: Settings, brief: Brief, outputs: Sequence[Path], state: State | None,
          dry_run: bool, lines: Sequence[str] | None = None) -> str:
    """Stage 5: send (or write the .eml); MailError when it cannot be sent. Returns what was done."""
    email = config.email
    if not email.enabled:
        return "no [email] table: not mailed"
    if not brief.items and not email.send_when_nothing_new:
        return "nothing new: not mailed (set [email] send_when_nothing_new to mail anyway)"
    digest = facts_digest([item.text for item in brief.items])
    run = state.run(brief.date) if state is not None else None
    if run is not None and run.mailed_digest == digest and not dry_run:
        return f"already mailed at {run.mailed_at}: not mailed again"
    done = state.deliveries(brief.date, digest) if state is not None and not dry_run else {}
    everyone = [parse_address(a, "[email] to").addr_spec for a in email.to]
    pending = [a for a in everyone if a not in done]
    unconfirmed = [a for a in everyone if done.get(a) == "unconfirmed"]
    if not pending:
        if unconfirmed:
            raise MailError(f"the mail to {', '.join(unconfirmed)} was not confirmed by the relay on an earlier "
                            "run (it may have been delivered): not resent automatically; ask them, and send it "
                            "with `briefer send` if it did not arrive")
        return "already mailed to every recipient: not mailed again"
    attachments = [p for p in outputs if p.suffix.lstrip(".") in email.attach]
    msg = build_message(attachments, to=email.to, sender=email.sender,
                        subject=subject_for(brief.title, brief.date),
                        body=body_from_brief(brief, [p.name for p in attachments], lines))
    if dry_run:
        kind = "digest" if lines is not None else "brief"
        path = write_eml(msg, config.output.dir / f"{kind}-{brief.date.isoformat()}.eml")
        return f"dry run: wrote {path} instead of sending"
    settings = smtp_settings(email)
    delivery = send_message(msg, settings, recipients=pending)
    if state is not None:
        state.record_delivery(brief.date, digest, delivery.sent, "sent")
        state.record_delivery(brief.date, digest, delivery.unconfirmed, "unconfirmed")
        if all(done.get(a) == "sent" or a in delivery.sent for a in everyone):
            state.mark_mailed(brief.date, digest)
    problem = delivery.problem(f"{settings.host}:{settings.port}")
    if problem or unconfirmed:
        earlier = f"; not resent to {', '.join(unconfirmed)} (unconfirmed on an earlier run)" if unconfirmed else ""
        raise MailError(f"mail {msg['Message-ID']}: sent to {', '.join(delivery.sent) or 'nobody'}; {problem}{earlier}")
    return f"mailed to {', '.join(pending)} ({msg['Message-ID']})"


def _known(state: State, day: dt.date, force: bool) -> tuple[Known, bool]:
    """What earlier briefs said, and whether `day` is earlier than the last recorded run (then --force is
    needed, every other date's facts count as known, and the date's own earlier facts are kept)."""
    last = state.last_date()
    if last is None or day >= last:
        return state.known_before(day), False
    if not force:
        raise UsageError(f"{day} is earlier than the last recorded run ({last}): its brief would carry later "
                         "news and replace what that date briefed. Is the clock or --date wrong? Pass --force "
                         "to brief it anyway (later facts stay known and nothing recorded is erased)")
    log.warning("%s is earlier than the last recorded run (%s): briefing it (--force); later facts count as "
                "known", day, last)
    return state.known_except(day), True


def run_daily(config: Settings, *, day: dt.date | None = None, dry_run: bool = False,
              force: bool = False) -> DailyResult:
    """Build, write, record and mail the brief (or, in digest mode, the digest) of `day` (default today)."""
    from briefer.deliver.render import write_brief
    from briefer.pipeline import build_brief, exit_code_for

    day = day or dt.date.today()
    options = replace(config.brief, date=day)
    out_dir, state_path = config.output.dir, config.output.state
    with hold_lock(state_path.with_name("lock"), wait=config.output.lock_wait), State(state_path) as state:
        known, earlier = _known(state, day, force)
        _remove_stale_temps(out_dir)
        log.info("daily %s: %d sources; %d facts and %d articles known from earlier dates", day,
                 len(config.sources.specs), len(known.facts), len(known.digests))
        _pause("fetch")
        if config.digest.enabled:
            return _run_digest(config, day, state, known, dry_run, keep=earlier)
        brief = build_brief(config.sources.specs, options, known_facts=known.facts, known_digests=known.digests)
        problems = tuple(s for s in brief.sources if s.status is SourceStatus.FAILED)
        log.info("brief %s: %d new facts; %d sources skipped for errors", day, len(brief.items),
                 len(problems))
        _pause("render")
        outputs = []
        for fmt in config.output.formats:
            outputs.append(write_brief(brief, out_dir / f"brief-{day.isoformat()}.{fmt}", fmt))
            _pause("write")
        log.info("wrote %s", ", ".join(str(p) for p in outputs))
        _pause("record")
        if dry_run:
            log.info("dry run: state %s left unchanged", state_path)
        else:
            state.record(brief, outputs, keep=earlier)
            log.info("recorded %s in %s", day, state_path)
        mail = _mail_stage(config, brief, outputs, state, dry_run)
    return DailyResult(brief=brief, outputs=tuple(outputs), problems=problems, mail=mail,
                       exit_code=exit_code_for(brief))


def _mail_stage(config: Settings, brief: Brief, outputs: Sequence[Path], state: State, dry_run: bool,
                lines: Sequence[str] | None = None) -> str:
    _pause("mail")
    try:
        mail = _mail(config, brief, outputs, None if dry_run else state, dry_run, lines)
    except MailError:
        log.error("the %s is written (%s) but not mailed", "digest" if lines is not None else "brief",
                  ", ".join(p.name for p in outputs))
        raise
    log.info("mail: %s", mail)
    return mail


def _run_digest(config: Settings, day: dt.date, state: State, known: Known, dry_run: bool, *,
                keep: bool = False) -> DailyResult:
    """Digest mode: stories matched to earlier days' (ids kept in the state), only new facts, then as a brief."""
    from briefer.deliver.digest_render import top_lines, write_digest
    from briefer.deliver.stories import earlier_stories, record_stories
    from briefer.digest import build_digest, digest_options

    options = digest_options(replace(config, brief=replace(config.brief, date=day)))
    earlier = earlier_stories(state, day)
    digest = build_digest(config.sources.specs, options, known_facts=known.facts, known_digests=known.digests,
                          earlier=earlier)
    brief = digest.as_brief()
    problems = tuple(s for s in digest.sources if s.status is SourceStatus.FAILED)
    counts = Counter(s.status for s in digest.stories)
    log.info("digest %s: %d stories (%d new, %d developing, %d with nothing new); %d new facts; %d sources "
             "skipped for errors", day, len(digest.stories), counts["new"], counts["developing"],
             counts["unchanged"], len(brief.items), len(problems))
    _pause("render")
    outputs = []
    for fmt in config.output.formats:
        outputs.append(write_digest(digest, config.output.dir / f"digest-{day.isoformat()}.{fmt}", fmt))
        _pause("write")
    log.info("wrote %s", ", ".join(str(p) for p in outputs))
    _pause("record")
    if dry_run:
        log.info("dry run: state %s left unchanged", config.output.state)
    else:
        # Stories first: the run's own record, written last, is what marks the date as done.
        record_stories(state, day, digest.stories, {s.id: s.digest for s in digest.sources if s.digest})
        state.record(brief, outputs, keep=keep)
        log.info("recorded %s in %s", day, config.output.state)
    mail = _mail_stage(config, brief, outputs, state, dry_run, top_lines(digest))
    code = ExitCode.PARTIAL if problems else ExitCode.NOTHING_NEW if not brief.items else ExitCode.OK
    return DailyResult(brief=brief, outputs=tuple(outputs), problems=problems, mail=mail, exit_code=code,
                       digest=digest)


def example_config() -> str:
    """The commented example config that `briefer init` writes."""
    return resources.files("briefer.data").joinpath("example-config.toml").read_text(encoding="utf-8")


def write_example_config(path: Path, *, force: bool = False) -> Path:
    """Write the example config to `path`; UsageError if it exists and `force` is not set."""
    from briefer.deliver.atomic import write_atomic

    if path.exists() and not force:
        raise UsageError(f"{path} exists; pass --force to overwrite it")
    return write_atomic(path, example_config().encode("utf-8"))
