"""briefer.deliver.mail against a real SMTP server (aiosmtpd) on 127.0.0.1: STARTTLS, implicit TLS, AUTH, retries."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli
from briefer.config import EmailSettings, load_settings
from briefer.deliver.mail import (
    Body,
    SmtpSettings,
    body_from_brief,
    body_from_files,
    build_message,
    clean_header,
    parse_address,
    safe_filename,
    send_files,
    send_message,
    smtp_settings,
    subject_for,
)
from briefer.errors import ConfigError, ExitCode, MailError
from briefer.model import Brief, Item, Section, Source
from tests.servers import PASSWORD, USER, Mailbox, free_port

SENDER = "Kelsby brief <brief@example.org>"


@pytest.fixture
def brief() -> Brief:
    """A literal brief with Markdown-special characters in its text."""
    items = (Item("Dockworkers at Kelsby walked out over pay [a 9% claim] on Monday.", (1, 2), 1.0),
             Item("The operator, Kelsby Harbour Holdings, offered 4 per cent & no more.", (2,), 0.5))
    return Brief(title="Kelsby <port> strike", date=dt.date(2025, 3, 10),
                 generated_at=dt.datetime(2025, 3, 10, 6, tzinfo=dt.UTC),
                 sources=(Source(1, "a", "a"), Source(2, "b", "b")),
                 sections=(Section("Overview", items), Section("Shipping", (Item("Eleven ships wait.", (1,), 0.3),))),
                 version="test", notes=())


@pytest.fixture
def files(tmp_path: Path, brief: Brief) -> list[Path]:
    """The brief written as real Markdown and PDF files."""
    from briefer.deliver.render import write_brief

    return [write_brief(brief, tmp_path / "brief-2025-03-10.pdf"), write_brief(brief, tmp_path / "brief-2025-03-10.md")]


def settings(mailbox: Mailbox, cert: tuple[Path, Path] | None, **overrides: object) -> SmtpSettings:
    values: dict[str, object] = {"host": "127.0.0.1", "port": mailbox.port, "security": mailbox.security,
                                 "user": USER, "password": PASSWORD, "sender": SENDER, "retries": 0,
                                 "cafile": str(cert[0]) if cert else ""}
    values.update(overrides)
    return SmtpSettings(**values)  # type: ignore[arg-type]


def message(files: list[Path], brief: Brief) -> email.message.EmailMessage:
    return build_message(files, to=["desk@example.org", "Night Desk <night@example.org>"], sender=SENDER,
                         subject=subject_for(brief.title, brief.date), body=body_from_brief(brief, ["brief.pdf"]))


def test_message_has_bodies_attachments_and_headers(files: list[Path], brief: Brief) -> None:
    msg = message(files, brief)
    assert msg["Subject"] == "Kelsby <port> strike - 10 March 2025"
    assert msg["Date"] and msg["Message-ID"].endswith("@example.org>")
    assert [p.get_content_type() for p in msg.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf", "text/markdown"]
    text = msg.get_body(("plain",))
    html_part = msg.get_body(("html",))
    assert text is not None and html_part is not None
    assert "- Dockworkers at Kelsby walked out over pay [a 9% claim] on Monday." in text.get_content()
    assert "Eleven ships" not in text.get_content()  # the body is the overview only
    assert "Kelsby &lt;port&gt; strike" in html_part.get_content()
    attachments = {a.get_filename(): a.get_payload(decode=True) for a in msg.iter_attachments()}
    assert attachments == {f.name: f.read_bytes() for f in files}


def test_no_header_injection_from_titles_or_addresses(files: list[Path]) -> None:
    msg = build_message(files[:1], to=["desk@example.org"], sender=SENDER, body=Body("x", "<p>x</p>"),
                        subject="Strike\r\nBcc: everyone@example.org")
    raw = msg.as_bytes()
    assert b"\nBcc:" not in raw and msg["Subject"] == "Strike Bcc: everyone@example.org"
    assert clean_header("a\nb\tc\x00d") == "a b c d"
    for bad in ("desk@example.org\r\nBcc: x@example.org", "desk", "a@b", "a@b.org, c@d.org", ""):
        with pytest.raises(ConfigError):
            parse_address(bad)


@pytest.mark.parametrize(("name", "safe"), [("../../etc/passwd", "passwd"), (".hidden.pdf", "hidden.pdf"),
                                            ("brief 2025\r\n.pdf", "brief_2025_.pdf"), ("", "brief")])
def test_attachment_names_are_sanitised(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def _email(tmp_path: Path, env: dict[str, str], **table: str) -> EmailSettings:
    lines = "".join(f'{key} = "{value}"\n' for key, value in table.items())
    config = tmp_path / "mail.toml"
    config.write_text(f"[email]\nto = [\"desk@example.org\"]\n{lines}")
    return load_settings(config, env=env).email


def test_settings_come_from_config_then_environment_and_password_only_from_env(tmp_path: Path) -> None:
    section = {"host": "smtp.example.org", "from": SENDER, "user": "u", "security": "ssl"}
    env = {"BRIEFER_SMTP_PASSWORD": "pw", "BRIEFER_SMTP_HOST": "relay.example.org"}
    got = smtp_settings(_email(tmp_path, env, **section), env)
    assert (got.host, got.port, got.security, got.user, got.password) == ("relay.example.org", 465, "ssl", "u", "pw")
    assert "pw" not in repr(got)
    assert smtp_settings(_email(tmp_path, {}, host="h.example.org", **{"from": SENDER}), {}).port == 587
    with pytest.raises(ConfigError, match="BRIEFER_SMTP_PASSWORD"):
        _email(tmp_path, env, **section, password="in-a-file")
    with pytest.raises(ConfigError, match="BRIEFER_SMTP_PASSWORD is not"):
        smtp_settings(_email(tmp_path, {}, **section), {})
    with pytest.raises(ConfigError, match="security"):
        smtp_settings(_email(tmp_path, env, **{**section, "security": "tls-please"}), env)
    with pytest.raises(ConfigError, match="no SMTP host"):
        smtp_settings(_email(tmp_path, {}, **{"from": SENDER}), {})


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_sent_over_tls_with_auth(security: str, certificate: tuple[Path, Path], files: list[Path],
                                 brief: Brief) -> None:
    with Mailbox(security, certificate) as mailbox:
        msg = message(files, brief)
        send_message(msg, settings(mailbox, certificate))
        [got] = mailbox.wait_for(1)
    assert got.authenticated and got.tls
    assert got.rcpt_tos == ["desk@example.org", "night@example.org"]
    assert got.message["Message-ID"] == msg["Message-ID"]
    pdf = next(a for a in got.message.iter_attachments() if a.get_content_type() == "application/pdf")
    assert pdf.get_payload(decode=True) == files[0].read_bytes()


def test_plain_smtp_without_auth(files: list[Path], brief: Brief) -> None:
    with Mailbox("none", auth=False) as mailbox:
        send_message(message(files, brief), settings(mailbox, None, user="", password=""))
        [got] = mailbox.wait_for(1)
    assert not got.tls and not got.authenticated


def test_untrusted_certificate_fails_at_once(certificate: tuple[Path, Path], files: list[Path],
                                             brief: Brief) -> None:
    with Mailbox("starttls", certificate) as mailbox:
        started = time.monotonic()
        with pytest.raises(MailError, match="certificate not trusted"):
            send_message(message(files, brief), settings(mailbox, None, retries=3), backoff=5)
        assert time.monotonic() - started < 4 and not mailbox.received


def test_wrong_password_is_reported_and_not_retried(certificate: tuple[Path, Path], files: list[Path],
                                                    brief: Brief) -> None:
    with Mailbox("starttls", certificate) as mailbox:
        with pytest.raises(MailError, match=r"authentication failed.*BRIEFER_SMTP_PASSWORD"):
            send_message(message(files, brief), settings(mailbox, certificate, password="wrong", retries=3),
                         backoff=5)
        assert not mailbox.received


def test_temporary_refusal_is_retried(certificate: tuple[Path, Path], files: list[Path], brief: Brief) -> None:
    with Mailbox("starttls", certificate, refuse_first=1) as mailbox:
        send_message(message(files, brief), settings(mailbox, certificate, retries=2), backoff=0.05)
        assert len(mailbox.wait_for(1)) == 1 and mailbox.handler.attempts == 2


def test_unreachable_server_is_a_mail_error(files: list[Path], brief: Brief) -> None:
    unreachable = SmtpSettings(host="127.0.0.1", port=free_port(), security="none", sender=SENDER, retries=1)
    with pytest.raises(MailError, match="not sent after 2 attempts: connection refused") as caught:
        send_message(message(files, brief), unreachable, backoff=0.05)
    assert caught.value.exit_code == ExitCode.MAIL


def test_subject_and_overview_are_read_back_from_the_markdown(files: list[Path]) -> None:
    subject, body = body_from_files(files[:1])  # the .md beside the PDF is found
    assert subject == "Kelsby <port> strike - 10 March 2025"
    assert "- Dockworkers at Kelsby walked out over pay [a 9% claim] on Monday.\n" in body.text
    assert "offered 4 per cent & no more." in body.text and "\\" not in body.text


def test_dry_run_writes_the_eml(files: list[Path]) -> None:
    done = send_files(files, to=["desk@example.org"], settings=EmailSettings(sender=SENDER), dry_run=True, env={})
    eml = files[0].with_suffix(".eml")
    assert done == f"wrote {eml}"
    parsed = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert parsed["To"] == "desk@example.org" and parsed["Subject"] == "Kelsby <port> strike - 10 March 2025"


def test_send_command_mails_the_files(certificate: tuple[Path, Path], files: list[Path], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with Mailbox("starttls", certificate) as mailbox:
        config = tmp_path / "mail.toml"
        config.write_text(f'[email]\nfrom = "{SENDER}"\nhost = "127.0.0.1"\nport = {mailbox.port}\n'
                          f'user = "{USER}"\ncafile = "{certificate[0]}"\n')
        monkeypatch.setenv("BRIEFER_SMTP_PASSWORD", PASSWORD)
        result = CliRunner().invoke(cli, ["send", str(files[0]), "--to", "desk@example.org", "--config", str(config),
                                          "--subject", "Today"])
        assert result.exit_code == 0, result.output
        [got] = mailbox.wait_for(1)
    assert got.message["Subject"] == "Today" and got.authenticated
    refused = CliRunner().invoke(cli, ["send", str(files[0]), "--to", "not-an-address", "--config", str(config)])
    assert refused.exit_code == ExitCode.USAGE and "not a mail address" in refused.stderr


# --- issue 11: international addresses, and no mail twice ---------------------------------------------------


def test_international_domains_go_out_as_idna() -> None:
    address = parse_address("Desk <desk@exämple.org>", "to")
    assert address.addr_spec == "desk@xn--exmple-cua.org"  # before: desk@=?utf-8?q?ex=C3=A4mple?=.org
    with pytest.raises(ConfigError, match="not a valid domain name"):
        parse_address("desk@exa..mple.org", "to")


def test_non_ascii_local_parts_use_smtputf8_where_the_relay_offers_it(files: list[Path], brief: Brief) -> None:
    to = ["dësk@example.org", "desk@exämple.org"]
    msg = build_message(files, to=to, sender=SENDER, subject="s", body=body_from_brief(brief, ["x"]))
    with Mailbox("none", auth=False, smtputf8=True) as mailbox:
        delivery = send_message(msg, settings(mailbox, None, user="", password=""))
        [got] = mailbox.wait_for(1)
    assert delivery.sent == ("dësk@example.org", "desk@xn--exmple-cua.org")
    # aiosmtpd hands over the raw UTF-8 bytes of the envelope as surrogate escapes
    assert [r.encode("utf-8", "surrogateescape").decode() for r in got.rcpt_tos] == [
        "dësk@example.org", "desk@xn--exmple-cua.org"]
    to_header = next(line for line in got.data.split(b"\r\n") if line.startswith(b"To:"))
    assert to_header.decode() == "To: dësk@example.org, desk@xn--exmple-cua.org"  # UTF-8, as SMTPUTF8 allows


def test_non_ascii_local_part_without_smtputf8_is_a_clear_exit_2(tmp_path: Path, files: list[Path]) -> None:
    with Mailbox("none", auth=False) as mailbox:
        config = tmp_path / "c.toml"
        config.write_text(f'[email]\nfrom = "brief@example.org"\nhost = "127.0.0.1"\nport = {mailbox.port}\n'
                          'security = "none"\nretries = 0\n')
        result = CliRunner().invoke(cli, ["send", str(files[0]), "--to", "dësk@example.org", "--config", str(config)])
        assert mailbox.received == []
    assert result.exit_code == ExitCode.USAGE, result.output  # before: NonASCIILocalPartDefect traceback, exit 1
    assert "no SMTPUTF8" in result.output and "dësk@example.org" in result.output


def test_a_reply_lost_after_data_is_never_resent(files: list[Path], brief: Brief) -> None:
    # The relay keeps the message and answers 250 after the client's 1 s timeout: before, 3 copies and "not sent".
    msg = build_message(files, to=["desk@example.org"], sender=SENDER, subject="s", body=body_from_brief(brief, ["x"]))
    with Mailbox("none", auth=False, reply_delay=2.0) as mailbox:
        delivery = send_message(msg, settings(mailbox, None, user="", password="", retries=2, timeout=1.0),
                                backoff=0.05)
        time.sleep(2.5)
        assert len(mailbox.received) == 1
    assert delivery.unconfirmed == ("desk@example.org",) and delivery.sent == ()
    assert "may have been delivered" in delivery.problem("relay")
