"""Mail the brief: a MIME message with the brief attached, sent over SMTP (STARTTLS, implicit TLS or plain).

1. settings come from briefer.config's `EmailSettings` ([email], overridden by BRIEFER_SMTP_* variables);
   the password only ever from BRIEFER_SMTP_PASSWORD;
2. the message is built with the structured `EmailMessage` API: a short text and HTML body (the brief's
   overview), the files as attachments, Date and Message-ID headers; any value from a title or a config
   has its control characters removed, so it can never add a header;
3. sending retries transient failures (4xx replies, dropped or refused connections) with doubling waits;
   a permanent failure (5xx, bad password, certificate) is reported at once as `MailError`.
SMTP delivers a message only when its DATA is complete, so a run killed mid-send never delivers half a mail.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import html
import logging
import mimetypes
import os
import re
import smtplib
import ssl
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

from briefer.config import ENV_PREFIX, EmailSettings
from briefer.deliver.atomic import write_atomic
from briefer.errors import ConfigError, MailError
from briefer.model import Brief

log = logging.getLogger(__name__)

SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
# Seconds before the first retry, doubled each time: rides over a relay restart or a greylisting 451.
BACKOFF = 1.0
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MD_ESCAPE = re.compile(r"\\(.)")
_MD_CITE = re.compile(r"\s*\[\d+(?:, \d+)*\]$")
_MIME_TYPES = {".md": "text/markdown", ".pdf": "application/pdf", ".html": "text/html",
               ".json": "application/json", ".txt": "text/plain", ".eml": "message/rfc822"}


@dataclass(frozen=True, kw_only=True)
class SmtpSettings:
    """How to reach the SMTP server; `password` never comes from a file and is never shown."""

    host: str
    port: int
    security: str = "starttls"
    user: str = ""
    password: str = field(default="", repr=False)
    sender: str
    timeout: float = 30.0
    retries: int = 2
    cafile: str = ""  # a CA bundle for a relay with a private certificate

    def __post_init__(self) -> None:
        if self.security not in SECURITY_MODES:
            raise ConfigError(f"[email] security {self.security!r}: use one of {', '.join(SECURITY_MODES)}")
        if not self.host:
            raise ConfigError("no SMTP host: set [email] host or BRIEFER_SMTP_HOST")
        if not 0 < self.port < 65536:
            raise ConfigError(f"[email] port {self.port} is not a TCP port")
        if self.user and not self.password:
            raise ConfigError(f"SMTP user {self.user!r} is set but BRIEFER_SMTP_PASSWORD is not")
        if self.retries < 0 or self.timeout <= 0:
            raise ConfigError("[email] retries must be >= 0 and timeout > 0")
        parse_address(self.sender, "from")


@dataclass(frozen=True, slots=True)
class Body:
    """The mail's text and HTML bodies."""

    text: str
    html: str


def clean_header(value: str) -> str:
    """A header value with control characters (CR, LF, tabs...) collapsed to spaces: no header injection."""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


def parse_address(value: str, what: str = "address") -> Address:
    """One mail address ("a@b.org" or "Name <a@b.org>"); ConfigError if it is not one."""
    text = clean_header(value)
    name, addr = email.utils.parseaddr(text)
    local, _, domain = addr.rpartition("@")
    if not local or "." not in domain or any(c in addr for c in " ,;<>\"") or text.count("@") != 1:
        raise ConfigError(f"{what}: {value!r} is not a mail address")
    try:  # an international domain goes on the wire as IDNA ("exämple.org" -> "xn--exmple-cua.org")
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ConfigError(f"{what}: {value!r}: {domain!r} is not a valid domain name ({exc})") from None
    return Address(display_name=name, username=local, domain=domain.lower())


def needs_smtputf8(addresses: Sequence[Address]) -> bool:
    """True when an address has a non-ASCII local part ("dësk@..."): only a relay with SMTPUTF8 takes it."""
    return any(not a.username.isascii() for a in addresses)


def smtp_settings(settings: EmailSettings | None = None, env: Mapping[str, str] | None = None) -> SmtpSettings:
    """How to reach the relay: `settings` (briefer.config, BRIEFER_SMTP_* applied), the password from `env`."""
    mail = settings or EmailSettings()
    env = os.environ if env is None else env
    return SmtpSettings(host=mail.host, port=mail.port or DEFAULT_PORTS.get(mail.security, 587),
                        security=mail.security, user=mail.user, password=env.get(ENV_PREFIX + "PASSWORD", ""),
                        sender=mail.sender, timeout=mail.timeout, retries=mail.retries, cafile=mail.cafile)


def subject_for(title: str, day: dt.date) -> str:
    """The subject line: "<title> - <date written out>"."""
    from briefer.text import date_long

    return clean_header(f"{title} - {date_long(day)}")


def _body(title: str, when: str, notes: Sequence[str], facts: Sequence[str], attached: Sequence[str]) -> Body:
    from briefer.deliver.render import plain  # article text: no control or bidi-override characters in the mail either

    title, when, notes, facts = plain(title), plain(when), [plain(n) for n in notes], [plain(f) for f in facts]
    lines = [title, when, "", *notes, *([""] if notes else [])]
    lines += [f"- {fact}" for fact in facts] or ["(no overview)"]
    lines += ["", f"The full brief is attached ({', '.join(attached)})."]
    esc = html.escape
    parts = [f"<h1>{esc(title)}</h1>", f"<p><strong>{esc(when)}</strong></p>"]
    parts += [f"<p><em>{esc(n)}</em></p>" for n in notes]
    parts += ["<h2>Overview</h2>", "<ul>", *(f"<li>{esc(f)}</li>" for f in facts), "</ul>"] if facts else []
    parts += [f"<p>The full brief is attached ({esc(', '.join(attached))}).</p>"]
    page = "\n".join(parts)
    return Body("\n".join(lines) + "\n", f"<!doctype html>\n<html><body>\n{page}\n</body></html>\n")


def body_from_brief(brief: Brief, attached: Sequence[str], lines: Sequence[str] | None = None) -> Body:
    """The mail body: title, date, notes and the overview section (the brief's first section), or `lines`
    instead of the overview when given (a digest's top stories)."""
    from briefer.text import date_long

    facts = [item.text for item in brief.sections[0].items] if brief.sections else []
    return _body(brief.title, date_long(brief.date), brief.notes, facts if lines is None else lines, attached)


def _unescape(markdown_text: str) -> str:
    return html.unescape(_MD_ESCAPE.sub(r"\1", markdown_text)).strip()


def read_markdown_brief(text: str) -> tuple[str, str, list[str], list[str]]:
    """(title, date line, notes, overview facts) of a brief written by briefer's Markdown renderer."""
    title, when, notes, facts = "", "", [], []
    section = ""
    for line in text.splitlines():
        if line.startswith("# ") and not title:
            title = _unescape(line[2:])
        elif line.startswith("**") and not when:
            when = _unescape(line.split("**")[1])
        elif line.startswith("> ") and not section:
            notes.append(_unescape(line[2:]))
        elif line.startswith("## "):
            section = _unescape(line[3:])
        elif line.startswith("- ") and section == "Overview":
            facts.append(_MD_CITE.sub("", _unescape(line[2:])))
    return title, when, notes, facts


def body_from_files(files: Sequence[Path]) -> tuple[str, Body]:
    """(default subject, body) for `briefer send`: from the brief's Markdown if given or beside the files."""
    names = [safe_filename(f.name) for f in files]
    candidates = [f for f in files if f.suffix == ".md"] + [f.with_suffix(".md") for f in files]
    markdown = next((f for f in candidates if f.is_file()), None)
    if markdown is None:
        subject = f"Brief: {', '.join(names)}"
        return clean_header(subject), _body(subject, "", (), (), names)
    title, when, notes, facts = read_markdown_brief(markdown.read_text(encoding="utf-8", errors="replace"))
    title = title or "Brief"
    return clean_header(f"{title} - {when}" if when else title), _body(title, when, notes, facts, names)


def safe_filename(name: str) -> str:
    """An attachment file name of letters, digits, dot, dash and underscore only, never hidden or empty."""
    cleaned = _UNSAFE_NAME.sub("_", Path(name).name).strip("._") or "brief"
    return cleaned[-100:]


def build_message(files: Sequence[Path], *, to: Sequence[str], sender: str, subject: str, body: Body,
                  when: dt.datetime | None = None) -> EmailMessage:
    """A multipart message: text and HTML alternatives, then each file as an attachment."""
    if not to:
        raise ConfigError("no recipient: give --to or set [email] to")
    from_address = parse_address(sender, "from")
    recipients = [parse_address(a, "to") for a in to]
    utf8 = needs_smtputf8([from_address, *recipients])
    msg = EmailMessage(policy=email.policy.SMTPUTF8 if utf8 else email.policy.SMTP)
    msg["Subject"] = clean_header(subject)
    msg["From"] = from_address
    msg["To"] = recipients
    msg["Date"] = email.utils.format_datetime(when or dt.datetime.now().astimezone())
    # The sender's domain, not socket.getfqdn(): no DNS lookup, and the id says who sent it.
    msg["Message-ID"] = email.utils.make_msgid("briefer", domain=from_address.domain)
    msg["User-Agent"] = f"briefer/{_version()}"
    msg.set_content(body.text)
    msg.add_alternative(body.html, subtype="html")
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise MailError(f"{path}: cannot read the attachment: {exc.strerror or exc}") from exc
        kind = (_MIME_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
                or "application/octet-stream")
        maintype, _, subtype = kind.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=safe_filename(path.name))
    return msg


def _version() -> str:
    from briefer import __version__

    return __version__


def write_eml(msg: EmailMessage, path: Path) -> Path:
    """Write the message as an .eml file (atomically), for --dry-run."""
    return write_atomic(path, msg.as_bytes())


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, ssl.SSLError | smtplib.SMTPNotSupportedError):
        return False  # a certificate or capability problem: retrying cannot help
    return isinstance(exc, smtplib.SMTPServerDisconnected | OSError) and not isinstance(exc, ValueError)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"authentication failed ({exc.smtp_code}): check the user and BRIEFER_SMTP_PASSWORD"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "every recipient refused: " + "; ".join(
            f"{rcpt}: {code} {msg.decode(errors='replace')}" for rcpt, (code, msg) in exc.recipients.items())
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error
        return f"{exc.smtp_code} {error.decode(errors='replace') if isinstance(error, bytes) else error}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (f"TLS certificate not trusted ({exc.verify_message}); "
                "set [email] cafile if the relay uses a private CA")
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, TimeoutError):
        return "timed out"
    return str(exc) or type(exc).__name__


@dataclass(frozen=True, slots=True)
class Delivery:
    """What the relay did with one message: accepted for `sent`, refused (with its reply), or took the data
    without confirming it (`unconfirmed`: it may have been delivered, so it is never resent automatically)."""

    sent: tuple[str, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()
    unconfirmed: tuple[str, ...] = ()

    def problem(self, where: str) -> str:
        """What went wrong, for a MailError; "" when every recipient got it."""
        parts = []
        if self.refused:
            parts.append("refused for " + "; ".join(f"{r}: {reply}" for r, reply in self.refused)
                         + " (a re-run sends to them only)")
        if self.unconfirmed:
            parts.append(f"the relay {where} did not confirm the message for {', '.join(self.unconfirmed)} after "
                         "its data was sent (timed out): it may have been delivered, so it is not resent "
                         "automatically; ask them, and send it with `briefer send` if it did not arrive")
        return "; ".join(parts)


class _Unconfirmed(Exception):
    """The connection failed after the message's data was sent: the relay may have delivered it."""

    def __init__(self, accepted: list[str], refused: dict[str, tuple[int, bytes]]) -> None:
        super().__init__("no reply after DATA")
        self.accepted, self.refused = accepted, refused


def _payload(msg: EmailMessage) -> bytes:
    """The message as SMTP sends it after DATA: CRLF line ends, leading dots doubled, the final dot."""
    data = re.sub(rb"\r\n|\n|\r", b"\r\n", msg.as_bytes(policy=msg.policy.clone(linesep="\r\n")))
    data = re.sub(rb"(?m)^\.", b"..", data)
    return data + (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n"


def _transaction(smtp: smtplib.SMTP, msg: EmailMessage, sender: str,
                 recipients: Sequence[str]) -> tuple[list[str], dict[str, tuple[int, bytes]]]:
    """MAIL, RCPT for each recipient, DATA: (accepted, refused). _Unconfirmed when the final reply never came."""
    utf8 = not all(r.isascii() for r in (sender, *recipients))
    if utf8 and not smtp.has_extn("smtputf8"):
        raise ConfigError(f"the relay does not accept international addresses (no SMTPUTF8), needed for "
                          f"{', '.join(r for r in (sender, *recipients) if not r.isascii())}: use an ASCII address")
    code, reply = smtp.mail(sender, ["SMTPUTF8", "BODY=8BITMIME"] if utf8 else [])
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    accepted: list[str] = []
    refused: dict[str, tuple[int, bytes]] = {}
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code in (250, 251):
            accepted.append(recipient)
        else:
            refused[recipient] = (code, reply)
    if not accepted:
        smtp.rset()
        raise smtplib.SMTPRecipientsRefused(refused)
    code, reply = smtp.docmd("DATA")
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    smtp.send(_payload(msg))
    try:
        code, reply = smtp.getreply()
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise _Unconfirmed(accepted, refused) from exc
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)
    return accepted, refused


def _deliver(msg: EmailMessage, settings: SmtpSettings,
             recipients: Sequence[str]) -> tuple[list[str], dict[str, tuple[int, bytes]]]:
    context = ssl.create_default_context(cafile=settings.cafile or None)
    smtp: smtplib.SMTP
    if settings.security == "ssl":
        smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with smtp:
        smtp.ehlo()
        if settings.security == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        if settings.user:
            smtp.login(settings.user, settings.password)
        return _transaction(smtp, msg, msg["From"].addresses[0].addr_spec, recipients)


def _replies(refused: Mapping[str, tuple[int, bytes]]) -> tuple[tuple[str, str], ...]:
    return tuple((r, f"{c} {m.decode(errors='replace')}") for r, (c, m) in refused.items())


def send_message(msg: EmailMessage, settings: SmtpSettings, *, backoff: float = BACKOFF,
                 recipients: Sequence[str] | None = None) -> Delivery:
    """Send `msg` to `recipients` (default: its To addresses); retries transient failures before the data is
    sent, never after. MailError when no recipient took it; a Delivery saying who did otherwise."""
    recipients = list(recipients) if recipients is not None else [a.addr_spec for a in msg["To"].addresses]
    where = f"{settings.host}:{settings.port}"
    local = settings.host in ("localhost", "127.0.0.1", "::1")
    if settings.user and settings.security == "none" and not local:
        log.warning("sending the SMTP password to %s without TLS (set [email] security)", where)
    for attempt in range(settings.retries + 1):
        try:
            accepted, refused = _deliver(msg, settings, recipients)
        except _Unconfirmed as unconfirmed:
            log.error("mail via %s: no reply after the data was sent; it may have been delivered", where)
            return Delivery(refused=_replies(unconfirmed.refused), unconfirmed=tuple(unconfirmed.accepted))
        except (smtplib.SMTPException, OSError, ValueError) as exc:  # ValueError: e.g. a non-ASCII password
            if not _transient(exc) or attempt == settings.retries:
                tries = f" after {attempt + 1} attempts" if attempt else ""
                raise MailError(f"mail to {', '.join(recipients)} via {where} not sent{tries}: "
                                f"{_reason(exc)}") from exc
            wait = backoff * 2**attempt
            log.warning("mail via %s failed (%s); retrying in %.0f s", where, _reason(exc), wait)
            time.sleep(wait)
            continue
        log.debug("mailed %s to %d recipient(s) via %s", msg["Message-ID"], len(accepted), where)
        return Delivery(sent=tuple(accepted), refused=_replies(refused))
    raise AssertionError("unreachable")  # the loop returns or raises


def send_files(files: Sequence[Path], *, to: Sequence[str] = (), subject: str | None = None,
               settings: EmailSettings | None = None, dry_run: bool = False,
               env: Mapping[str, str] | None = None) -> str:
    """`briefer send`: mail `files` (or write `<first file>.eml` with dry_run); returns what was done."""
    mail = settings or EmailSettings()
    recipients = list(to) or list(mail.to)
    sender = mail.sender
    if not sender:
        raise ConfigError("no sender: set [email] from in --config or BRIEFER_SMTP_FROM")
    default_subject, body = body_from_files(files)
    msg = build_message(files, to=recipients, sender=sender, subject=subject or default_subject, body=body)
    if dry_run:
        return f"wrote {write_eml(msg, files[0].with_suffix('.eml'))}"
    settings_ = smtp_settings(mail, env)
    delivery = send_message(msg, settings_)
    problem = delivery.problem(f"{settings_.host}:{settings_.port}")
    if problem:
        raise MailError(f"mail {msg['Message-ID']}: sent to {', '.join(delivery.sent) or 'nobody'}; {problem}")
    return f"mailed to {', '.join(recipients)} ({msg['Message-ID']})"
