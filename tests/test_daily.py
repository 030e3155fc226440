"""`briefer daily` end to end: a real HTTP site whose pages change between two days, a real SMTP server.

Cases: day 1, day 2 with new and repeated coverage, the same day again, a missed day made later,
nothing new, an unreachable SMTP server, a 404 and a slow URL, two concurrent runs, runs killed mid-way.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefer.cli import cli
from briefer.daily import load_config, write_example_config
from briefer.deliver.lock import hold_lock
from briefer.deliver.state import State
from briefer.errors import ConfigError, ExitCode
from briefer.pipeline import KNOWN_REASON
from tests.servers import (
    DAY_1,
    DAY_2,
    NEW_ON_DAY_2,
    PASSWORD,
    REPEATED_ON_DAY_2,
    Mailbox,
    Site,
    article_page,
    daily_config,
    free_port,
    serve_day,
)

ROOT = Path(__file__).resolve().parents[1]
DAY_3 = "2025-03-12"


def write_config(folder: Path, site: Site, *, formats: Sequence[str] = ("md",), urls: Sequence[str] = (),
                 email_to: Mailbox | int | None = None, cafile: Path | None = None, attach: Sequence[str] = ("md",),
                 lock_wait: float = 0.5) -> Path:
    """The daily config of tests/servers.py; [email] when `email_to` is a mailbox or a port."""
    port = email_to.port if isinstance(email_to, Mailbox) else email_to
    return daily_config(folder, site, formats=formats, urls=urls, email_port=port, cafile=cafile, attach=attach,
                        lock_wait=lock_wait)


def daily(config: Path, date: str, *more: str) -> Result:
    """`briefer daily` in this process, with the SMTP password in the environment."""
    return CliRunner().invoke(cli, ["daily", "--config", str(config), "--date", date, *more],
                              env={"BRIEFER_SMTP_PASSWORD": PASSWORD})


def facts(config: Path, date: str) -> tuple[str, ...]:
    with State(config.parent / "briefs" / ".briefer" / "state.db") as state:
        return state.facts(dt.date.fromisoformat(date))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def same_fact(a: str, b: str) -> bool:
    """An independent near-duplicate test: most of the shorter sentence's content words are in the other."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def without_timestamp(markdown: str) -> str:
    return re.sub(r"_Generated [^_]*_", "", markdown)


def test_two_days_brief_only_what_is_new_and_mail_the_pdf(tmp_path: Path, site: Site, mailbox: Mailbox,
                                                          certificate: tuple[Path, Path]) -> None:
    config = write_config(tmp_path, site, formats=("md", "pdf"), email_to=mailbox, cafile=certificate[0],
                          attach=("pdf",))
    serve_day(site, 1)
    first = daily(config, DAY_1)
    assert first.exit_code == 0, first.output
    serve_day(site, 2)
    second = daily(config, DAY_2)
    assert second.exit_code == 0, second.output
    out = tmp_path / "briefs"
    assert second.stdout.split() == [str(out / f"brief-{DAY_2}.md"), str(out / f"brief-{DAY_2}.pdf")]

    day1, day2 = facts(config, DAY_1), facts(config, DAY_2)
    assert day1 and day2
    assert not [(a, b) for a in day2 for b in day1 if same_fact(a, b)], "day 2 repeats a fact of day 1"
    assert any(word in " ".join(day2) for word in NEW_ON_DAY_2)
    for repeat in REPEATED_ON_DAY_2:
        if any(same_fact(repeat, fact) for fact in day1):
            assert repeat not in day2
    markdown = (out / f"brief-{DAY_2}.md").read_text()
    assert f"**skipped**: {KNOWN_REASON}" in markdown  # the unchanged day-1 article in the day-2 feed

    received = mailbox.wait_for(2)
    assert [m.message["Subject"] for m in received] == ["Kelsby port strike - 10 March 2025",
                                                        "Kelsby port strike - 11 March 2025"]
    for message, date in zip(received, (DAY_1, DAY_2), strict=True):
        assert message.authenticated and message.tls and message.rcpt_tos == ["desk@example.org"]
        [pdf] = list(message.message.iter_attachments())
        assert pdf.get_filename() == f"brief-{date}.pdf"
        assert pdf.get_payload(decode=True) == (out / f"brief-{date}.pdf").read_bytes()
    log = second.stderr
    assert "3 sources" not in log and "daily 2025-03-11" in log and "mail: mailed to desk@example.org" in log
    assert len(log.strip().splitlines()) <= 8, log  # one line per stage, no library chatter


def test_same_day_again_is_identical_and_a_missed_day_can_be_made_later(tmp_path: Path, site: Site) -> None:
    config = write_config(tmp_path, site)
    out = tmp_path / "briefs"
    serve_day(site, 1)
    assert daily(config, DAY_1).exit_code == 0
    day1 = facts(config, DAY_1)
    serve_day(site, 2)
    assert daily(config, DAY_2).exit_code == 0
    day2, md2 = facts(config, DAY_2), (out / f"brief-{DAY_2}.md").read_text()
    again = daily(config, DAY_2)
    assert again.exit_code == 0, again.output
    assert facts(config, DAY_2) == day2
    assert without_timestamp((out / f"brief-{DAY_2}.md").read_text()) == without_timestamp(md2)
    serve_day(site, 1)  # day 1 made (again) later: refused unless forced, and forced it erases nothing
    refused = daily(config, DAY_1)
    assert refused.exit_code == 2 and "earlier than the last recorded run (2025-03-11)" in refused.output
    assert daily(config, DAY_1, "--force").exit_code == 0
    assert facts(config, DAY_1) == day1 and facts(config, DAY_2) == day2


def test_nothing_new_says_so_in_the_brief_and_the_exit_code(tmp_path: Path, site: Site, mailbox: Mailbox,
                                                            certificate: tuple[Path, Path]) -> None:
    recap = site.url("/news/recap")
    config = write_config(tmp_path, site, urls=[recap], email_to=mailbox, cafile=certificate[0])
    site.set("/news/recap", article_page("Kelsby strike: the story so far", "2025-03-10", [
        "The Kelsby strike began on Monday and is the first stoppage in years."], "Kelsby Evening Post"))
    serve_day(site, 1)
    assert daily(config, DAY_1).exit_code == 0
    serve_day(site, 2)
    assert daily(config, DAY_2).exit_code == 0
    known = facts(config, DAY_1) + facts(config, DAY_2)
    site.set("/news/recap", article_page("Kelsby strike: the story so far", DAY_3, list(known), "Kelsby Evening Post"))
    third = daily(config, DAY_3)
    assert third.exit_code == ExitCode.NOTHING_NEW, third.output
    assert "Nothing new" in (tmp_path / "briefs" / f"brief-{DAY_3}.md").read_text()
    assert facts(config, DAY_3) == ()
    assert "nothing new: not mailed" in third.stderr and len(mailbox.received) == 2


def test_unchanged_sources_the_next_day_are_nothing_new(tmp_path: Path, site: Site) -> None:
    config = write_config(tmp_path, site)
    serve_day(site, 1)
    assert daily(config, DAY_1).exit_code == 0
    third = daily(config, DAY_2)
    assert third.exit_code == ExitCode.NOTHING_NEW, third.output


def test_unreachable_smtp_keeps_the_brief_and_exits_5(tmp_path: Path, site: Site,
                                                      certificate: tuple[Path, Path]) -> None:
    serve_day(site, 1)
    dead = free_port()
    config = write_config(tmp_path, site, email_to=dead, cafile=certificate[0])
    result = daily(config, DAY_1)
    assert result.exit_code == ExitCode.MAIL
    assert f"127.0.0.1:{dead} not sent: connection refused" in result.stderr
    assert (tmp_path / "briefs" / f"brief-{DAY_1}.md").is_file() and facts(config, DAY_1)
    with Mailbox("starttls", certificate) as mailbox:  # the relay is back: the same date is mailed now
        config = write_config(tmp_path, site, email_to=mailbox, cafile=certificate[0])
        assert daily(config, DAY_1).exit_code == 0
        assert len(mailbox.wait_for(1)) == 1
        again = daily(config, DAY_1)
        assert again.exit_code == 0 and "already mailed" in again.stderr and len(mailbox.received) == 1


def test_404_and_slow_url_are_skipped_and_reported(tmp_path: Path, site: Site) -> None:
    serve_day(site, 1)
    slow = site.set("/news/slow", "<p>late</p>", delay=10)
    config = write_config(tmp_path, site, urls=[site.url("/news/missing"), slow])
    started = time.monotonic()
    result = daily(config, DAY_1)
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert time.monotonic() - started < 8
    markdown = (tmp_path / "briefs" / f"brief-{DAY_1}.md").read_text()
    assert "HTTP 404" in markdown and "timed out" in markdown
    assert "HTTP 404" in result.stderr and "timed out" in result.stderr


def test_a_run_while_another_holds_the_lock_exits_6(tmp_path: Path, site: Site) -> None:
    serve_day(site, 1)
    config = write_config(tmp_path, site, lock_wait=0.3)
    with hold_lock(tmp_path / "briefs" / ".briefer" / "lock"):
        result = daily(config, DAY_1)
    assert result.exit_code == ExitCode.LOCKED
    assert "another briefer run holds" in result.stderr and "waited 0.3 s" in result.stderr
    assert not (tmp_path / "briefs" / f"brief-{DAY_1}.md").exists()


def test_dry_run_writes_the_mail_and_records_nothing(tmp_path: Path, site: Site, mailbox: Mailbox) -> None:
    serve_day(site, 1)
    config = write_config(tmp_path, site, email_to=mailbox)
    result = daily(config, DAY_1, "--dry-run")
    assert result.exit_code == 0, result.output
    eml = tmp_path / "briefs" / f"brief-{DAY_1}.eml"
    parsed = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert parsed["Subject"] == "Kelsby port strike - 10 March 2025"
    assert facts(config, DAY_1) == () and not mailbox.received


def test_config_is_validated(tmp_path: Path, site: Site) -> None:
    config = write_config(tmp_path, site, email_to=25)
    loaded = load_config(config, env={})
    assert loaded.output.dir == tmp_path / "briefs"
    assert loaded.output.state == tmp_path / "briefs/.briefer/state.db"
    assert loaded.brief.fetch.timeout == 0.5 and loaded.email.enabled and loaded.email.attach == ("md",)
    base = config.read_text()
    for change, message in [("[output]", "unknown table"), ('retries = 0\n', "password"),
                            ('attach = ["md"]', "add them to \\[output\\] formats")]:
        replacement = {"[output]": "[outputs]", 'retries = 0\n': 'retries = 0\npassword = "x"\n',
                       'attach = ["md"]': 'attach = ["pdf"]'}[change]
        config.write_text(base.replace(change, replacement, 1 if change != 'retries = 0\n' else -1))
        with pytest.raises(ConfigError, match=message):
            load_config(config, env={})


def test_init_writes_a_config_that_loads(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "briefer.toml")])
    assert result.exit_code == 0, result.output
    config = load_config(tmp_path / "briefer.toml", env={})
    assert config.output.formats == ("md", "pdf") and not config.email.enabled and config.brief.topics
    again = CliRunner().invoke(cli, ["init", str(tmp_path / "briefer.toml")])
    assert again.exit_code == ExitCode.USAGE and "--force" in again.stderr
    assert write_example_config(tmp_path / "briefer.toml", force=True).is_file()


# --- separate processes: real concurrency and kill -9 (slower: each process imports the pipeline) -----


def start(config: Path, date: str, pause_at: str) -> subprocess.Popen[str]:
    """`python -m briefer daily` in a child process that sleeps before `pause_at`; returns once it pauses."""
    env = {**os.environ, "BRIEFER_TEST_PAUSE_AT": pause_at, "BRIEFER_TEST_PAUSE_SECONDS": "3",
           "BRIEFER_SMTP_PASSWORD": PASSWORD, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "briefer", "daily", "--config", str(config), "--date", date],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert process.stderr is not None
    for line in process.stderr:
        if f"paused before {pause_at}" in line:
            return process
    raise AssertionError(f"the run never reached {pause_at}: exit {process.wait()}")


@pytest.mark.slow
def test_two_concurrent_runs(tmp_path: Path, site: Site) -> None:
    serve_day(site, 1)
    config = write_config(tmp_path, site, lock_wait=0.5)
    first = start(config, DAY_1, "render")
    second = daily(config, DAY_1)
    assert second.exit_code == ExitCode.LOCKED and f"pid {first.pid}" in second.stderr
    assert first.wait(timeout=60) == 0
    assert (tmp_path / "briefs" / f"brief-{DAY_1}.md").is_file() and facts(config, DAY_1)


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["write", "mail"])
def test_run_killed_mid_way_leaves_everything_consistent(tmp_path: Path, site: Site, certificate: tuple[Path, Path],
                                                         stage: str) -> None:
    serve_day(site, 1)
    out = tmp_path / "briefs"
    with Mailbox("starttls", certificate) as mailbox:
        config = write_config(tmp_path, site, formats=("md", "json"), email_to=mailbox, cafile=certificate[0])
        victim = start(config, DAY_1, stage)
        victim.send_signal(signal.SIGKILL)
        assert victim.wait(timeout=10) == -signal.SIGKILL
        assert (out / f"brief-{DAY_1}.md").is_file()  # written whole before the kill
        assert (out / f"brief-{DAY_1}.json").is_file() == (stage == "mail")
        assert bool(facts(config, DAY_1)) == (stage == "mail")  # recorded only after every output
        assert not mailbox.received
        leftover = out / f".brief-{DAY_1}.md.abc123.tmp"  # what a kill inside an atomic write leaves
        leftover.write_text("half")
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
        rerun = daily(config, DAY_1)
        assert rerun.exit_code == 0, rerun.output
        assert not leftover.exists() and (out / f"brief-{DAY_1}.json").is_file() and facts(config, DAY_1)
        assert len(mailbox.wait_for(1)) == 1


# --- issue 11: mail never twice, full and read-only disks ----------------------------------------------------


def _with_email(config: Path, *, to: Sequence[str], timeout: float | None = None) -> Path:
    text = config.read_text(encoding="utf-8").replace('to = ["desk@example.org"]',
                                                      "to = [" + ", ".join(f'"{a}"' for a in to) + "]")
    if timeout is not None:
        text += f"timeout = {timeout}\n"
    config.write_text(text, encoding="utf-8")
    return config


def test_a_refused_recipient_never_makes_the_others_receive_it_twice(tmp_path: Path, site: Site,
                                                                      certificate: tuple[Path, Path]) -> None:
    serve_day(site, 1)
    with Mailbox("starttls", certificate, refuse=["gone@example.org"]) as mailbox:
        config = _with_email(write_config(tmp_path, site, email_to=mailbox, cafile=certificate[0]),
                             to=["desk@example.org", "gone@example.org"])
        first = daily(config, DAY_1)
        assert first.exit_code == ExitCode.MAIL and "gone@example.org: 550" in first.output
        again = daily(config, DAY_1)  # before: desk got it again on every re-run
        assert again.exit_code == ExitCode.MAIL
        time.sleep(0.3)
        assert [r.rcpt_tos for r in mailbox.received] == [["desk@example.org"]]
        assert mailbox.handler.attempts == 1  # the re-run only tried gone@, refused again at RCPT


def test_a_timeout_after_data_is_exit_5_and_never_resent(tmp_path: Path, site: Site,
                                                         certificate: tuple[Path, Path]) -> None:
    serve_day(site, 1)
    with Mailbox("starttls", certificate, reply_delay=2.5) as mailbox:
        config = _with_email(write_config(tmp_path, site, email_to=mailbox, cafile=certificate[0]),
                             to=["desk@example.org"], timeout=1.0)
        config.write_text(config.read_text().replace("retries = 0\n", "retries = 2\n"))
        first = daily(config, DAY_1)
        assert first.exit_code == ExitCode.MAIL and "may have been delivered" in first.output
        again = daily(config, DAY_1)
        assert again.exit_code == ExitCode.MAIL and "not resent automatically" in again.output
        time.sleep(3)
        assert len(mailbox.received) == 1  # before: 3 copies, and "not sent"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 256 KB tmpfs, unmounted afterwards; the test skips where mounting is not permitted."""
    where = tmp_path / "disk"
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Fill `disk` until only about `leave` bytes are free."""
    filler = disk / "filler"
    with filler.open("wb") as handle:
        try:
            while os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize > leave:
                handle.write(b"\0" * 4096)
                handle.flush()
        except OSError:
            pass
    return filler


def _disk_config(tmp_path: Path, site: Site, disk: Path) -> Path:
    config = write_config(tmp_path, site)
    config.write_text(config.read_text().replace('dir = "briefs"', f'dir = "{disk / "briefs"}"'))
    return config


@pytest.mark.parametrize("leave", [0, 12_000], ids=["full", "12-kb-free"])
def test_a_full_disk_is_exit_4_and_the_state_survives(tmp_path: Path, site: Site, small_disk: Path,
                                                      leave: int) -> None:
    config = _disk_config(tmp_path, site, small_disk)
    serve_day(site, 1)
    assert daily(config, DAY_1).exit_code == 0
    with State(small_disk / "briefs" / ".briefer" / "state.db") as state:
        day1 = state.facts(dt.date.fromisoformat(DAY_1))
    serve_day(site, 2)
    filler = _fill(small_disk, leave)
    result = daily(config, DAY_2)
    assert result.exit_code == ExitCode.RENDER, result.output  # before: a traceback (1) or exit 2
    assert "Traceback" not in result.output and "afresh" not in result.output
    assert not re.search(r"\b(delete|remove|move it away)\b", result.output)
    filler.unlink()
    assert daily(config, DAY_2).exit_code == 0  # space freed: the same date again finishes the job
    with State(small_disk / "briefs" / ".briefer" / "state.db") as state:
        assert state.facts(dt.date.fromisoformat(DAY_1)) == day1 and state.facts(dt.date.fromisoformat(DAY_2))


def test_a_full_disk_before_the_first_run_is_exit_4(tmp_path: Path, site: Site, small_disk: Path) -> None:
    config = _disk_config(tmp_path, site, small_disk)
    (small_disk / "briefs" / ".briefer").mkdir(parents=True)
    _fill(small_disk, 0)
    serve_day(site, 1)
    result = daily(config, DAY_1)
    assert result.exit_code == ExitCode.RENDER, result.output  # before: OSError from os.pwrite, exit 1
    assert "Traceback" not in result.output


def test_a_read_only_output_folder_is_exit_4_not_6(tmp_path: Path, site: Site, small_disk: Path) -> None:
    config = _disk_config(tmp_path, site, small_disk)
    (small_disk / "briefs").mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    serve_day(site, 1)
    result = daily(config, DAY_1)
    assert result.exit_code == ExitCode.RENDER, result.output  # before: 6, "another run holds the lock"
    assert "Read-only file system" in result.output and "another briefer run" not in result.output
