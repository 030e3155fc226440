"""Real local servers for tests: an HTTP site on 127.0.0.1 and an SMTP server (aiosmtpd) with AUTH and TLS.

- `Site`: a threaded http.server serving a table of routes that a test may change at any time
  (pages that change between two "days", a slow route, a 404); it records each request's line and User-Agent.
- `Mailbox`: an aiosmtpd `Controller` with AUTH (LOGIN, PLAIN) and STARTTLS or implicit TLS, keeping every
  message it accepts; it can refuse the first N deliveries with a 451 to exercise retries.
- `make_certificate`: a self-signed certificate for 127.0.0.1 and localhost, made with `openssl req`.
- `KELSBY_DAYS` and `serve_day`: an invented story (a dock strike in a fictional port) told over two days
  as article pages, a live page that changes, and an RSS feed. Written for these tests.
"""

from __future__ import annotations

import email
import email.policy
import html
import shutil
import socket
import ssl
import subprocess
import threading
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

USER = "briefer-test"
PASSWORD = "not-a-real-secret"


# --- HTTP -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """What the site answers on one path."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before the response starts: a slow server
    headers: tuple[tuple[str, str], ...] = ()
    fail_first: int = 0  # answer 503 to this many requests first: a flaky server


class Site:
    """A threaded HTTP server on 127.0.0.1 with a mutable route table; use as a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str]] = []  # (path, User-Agent)
        self.request_lines: list[bytes] = []  # every request line received, whatever the method or path
        self.hits: dict[str, int] = {}
        self._stop = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def parse_request(self) -> bool:
                site.request_lines.append(bytes(self.raw_requestline).rstrip(b"\r\n"))
                return super().parse_request()

            def do_GET(self) -> None:
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                site.hits[self.path] = hits = site.hits.get(self.path, 0) + 1
                route = site.routes.get(self.path)
                if route is None:
                    route = Route(b"<html><body><p>Not found.</p></body></html>", status=404)
                elif hits <= route.fail_first:
                    route = Route(b"<html><body><p>Try again.</p></body></html>", status=503)
                if route.delay and site._stop.wait(route.delay):
                    return
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Content-Length", str(len(route.body)))
                    for name, value in route.headers:
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to do

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        """The TCP port the site listens on."""
        return int(self.server.server_address[1])

    def url(self, path: str = "") -> str:
        """The full URL of `path` on this site."""
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", *,
            status: int = 200, delay: float = 0.0, headers: tuple[tuple[str, str], ...] = (),
            fail_first: int = 0) -> str:
        """Serve `body` at `path` from now on; returns the URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, status, delay, headers, fail_first)
        return self.url(path)

    def close(self) -> None:
        """Stop serving and release slow handlers."""
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> Site:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class RawServer:
    """A TCP server on 127.0.0.1 that answers every connection with `payload`, `step` bytes every `interval`
    seconds (a trickling server when the interval is long), then closes; for at most `limit` seconds."""

    def __init__(self, payload: bytes, *, interval: float = 0.0, step: int = 1 << 20, limit: float = 20.0) -> None:
        self.payload, self.interval, self.step, self.limit = payload, interval, step, limit
        self.connections = 0
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port = int(self._listener.getsockname()[1])
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def url(self, path: str = "/") -> str:
        """The URL of `path` on this server (every path gets the same answer)."""
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        started = time.monotonic()
        with conn:
            try:
                conn.recv(65536)  # the request
                for i in range(0, len(self.payload), self.step):
                    conn.sendall(self.payload[i : i + self.step])
                    if self.interval and (self._stop.wait(self.interval) or time.monotonic() - started > self.limit):
                        return
            except OSError:
                return  # the client gave up: what a deadline is for

    def close(self) -> None:
        """Stop accepting and end every trickle."""
        self._stop.set()
        self._listener.close()

    def __enter__(self) -> RawServer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def article_page(title: str, published: str, paragraphs: list[str], outlet: str) -> str:
    """A realistic article page: navigation and footer boilerplate around the story, with a date meta tag."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {outlet}</title>
<meta property="article:published_time" content="{published}T07:30:00+00:00">
<meta name="author" content="Staff reporter"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/login">Sign in</a></nav>
<main><article><h1>{html.escape(title)}</h1>
<p class="byline">By a staff reporter, {published}</p>
{body}
</article></main>
<footer><p>Copyright {outlet}. All rights reserved.</p><p>Subscribe to our newsletter.</p></footer>
</body></html>
"""


def rss(site: Site, title: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (path, title, RFC 822 date) items on `site`, each with a one-line teaser."""
    entries = "\n".join(
        f"<item><title>{html.escape(t)}</title><link>{site.url(p)}</link><guid>{site.url(p)}</guid>"
        f"<pubDate>{d}</pubDate><description>{html.escape(t)}: read the full story.</description></item>"
        for p, t, d in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{html.escape(title)}</title><link>{site.url("/")}</link>
<description>Latest news</description>
{entries}
</channel></rss>
"""


# --- The story: a dock strike at the (invented) port of Kelsby, over two days ------------------------

A1 = ("Kelsby dockworkers walk out over pay", "2025-03-10", "Harbour Gazette", [
    "Dockworkers at the port of Kelsby walked off the job at six o'clock on Monday morning after talks over "
    "pay broke down late on Sunday night.",
    "The Kelsby Port Workers' Union said about 1,400 members had joined the strike, the first full stoppage "
    "at the port in nineteen years.",
    "The union is asking for a pay rise of 9 per cent this year, while the port's operator, Kelsby Harbour "
    "Holdings, has offered 4 per cent.",
    "Union secretary Maren Holt told reporters outside the main gate that the offer did not keep up "
    "with rents "
    "in the town.",
    "Kelsby Harbour Holdings said it was disappointed by the walkout and that its offer was the best the "
    "company could afford.",
    "Pickets gathered at both entrances to the container terminal, where the cranes stood idle all day.",
    "Police said the protest on the quayside was peaceful and that no arrests had been made.",
])
A2 = ("Strike halts container traffic at Kelsby", "2025-03-10", "Northern Ledger", [
    "Container traffic at Kelsby, the region's busiest port, came to a halt on Monday as about 1,400 "
    "dockworkers began an open-ended strike over pay.",
    "Eleven cargo ships were waiting at anchor outside the harbour by Monday afternoon, according to the "
    "harbour master's office.",
    "The port handles roughly a fifth of the region's imports, including most of its fuel and a large share "
    "of its fresh food.",
    "Retailers warned that supermarket shelves in the region could empty within a week if the "
    "stoppage goes on.",
    "Regional transport minister Ilse Brandt urged both sides to return to the table and said the government "
    "would not intervene for now.",
    "Economists at the Bank of the North estimated that each day of the strike could cost the "
    "regional economy "
    "about 12 million euros.",
])
LIVE_1 = ("Kelsby port strike: live updates", "2025-03-10", "Kelsby Evening Post", [
    "The strike at the port of Kelsby began at six o'clock on Monday morning, when dockworkers left their "
    "posts at the container terminal.",
    "Ferries to the islands are still running from the passenger terminal, which is staffed by a different "
    "company.",
    "The union says the strike will continue until Kelsby Harbour Holdings improves its offer of 4 per cent.",
    "A spokesperson for the harbour master said ships already in berth could leave once their crews "
    "were ready.",
])
A4 = ("Talks resume as Kelsby strike enters second day", "2025-03-11", "Harbour Gazette", [
    "Talks between the dockworkers' union and the port operator resumed on Tuesday afternoon, on the second "
    "day of the strike at Kelsby.",
    "The meeting was arranged by the regional mediation service at a hotel near the harbour and was expected "
    "to run late into the evening.",
    "Dockworkers at the port of Kelsby walked off the job on Monday morning after talks over pay broke down.",
    "Union secretary Maren Holt said her members would consider any offer that came with a written guarantee "
    "on overtime pay.",
    "Kelsby Harbour Holdings said it would bring a revised proposal to the meeting but gave no details.",
    "The number of ships waiting at anchor outside the harbour rose to seventeen overnight.",
])
A5 = ("Freight ferries reroute as Kelsby stays shut", "2025-03-11", "Northern Ledger", [
    "Two freight ferry operators said on Tuesday that they would divert their lorry services from Kelsby to "
    "the port of Amsel, about 80 kilometres to the south.",
    "The diversions add about three hours to each crossing and will raise costs for hauliers, the "
    "operators said.",
    "Container traffic at Kelsby, the region's busiest port, has been at a halt since about 1,400 "
    "dockworkers "
    "began an open-ended strike over pay on Monday.",
    "Port managers at Amsel said they could take up to forty extra lorries a day but warned of long "
    "queues at "
    "the gates.",
    "The regional chamber of commerce asked the government to appoint a mediator with powers to propose a "
    "settlement.",
])
LIVE_2 = ("Kelsby port strike: live updates", "2025-03-11", "Kelsby Evening Post", [
    "Two fuel tankers are among the ships held outside the harbour, and petrol station owners say supplies "
    "could run short by the weekend.",
    "The supermarket chain Nordmarkt said it had begun bringing fresh produce into the region by "
    "road from Amsel.",
    *LIVE_1[3],
])

# Sentences on day 2 that restate a day-1 fact in near-identical words: day 2's brief must not repeat them.
REPEATED_ON_DAY_2 = (A4[3][2], A5[3][2])
# Words that only day 2's new facts contain: day 2's brief must report some of them.
NEW_ON_DAY_2 = ("seventeen", "Amsel", "mediation", "overtime", "tankers", "Nordmarkt", "mediator")
DAY_1 = "2025-03-10"
DAY_2 = "2025-03-11"


def serve_day(site: Site, day: int) -> tuple[str, str]:
    """Make `site` serve day 1 or day 2 of the story; returns (feed URL, live page URL)."""
    pages = {"/news/walkout": A1, "/news/traffic-halted": A2, "/news/talks-resume": A4,
             "/news/ferries-reroute": A5}
    for path, (title, published, outlet, paragraphs) in pages.items():
        site.set(path, article_page(title, published, paragraphs, outlet))
    live = LIVE_1 if day == 1 else LIVE_2
    site.set("/live/kelsby-strike", article_page(live[0], live[1], live[3], live[2]))
    if day == 1:
        items = [("/news/walkout", A1[0], "Mon, 10 Mar 2025 07:30:00 GMT"),
                 ("/news/traffic-halted", A2[0], "Mon, 10 Mar 2025 09:10:00 GMT")]
    else:
        items = [("/news/ferries-reroute", A5[0], "Tue, 11 Mar 2025 10:05:00 GMT"),
                 ("/news/talks-resume", A4[0], "Tue, 11 Mar 2025 08:45:00 GMT"),
                 ("/news/traffic-halted", A2[0], "Mon, 10 Mar 2025 09:10:00 GMT")]
    site.set("/feed.xml", rss(site, "Kelsby news", items), "application/rss+xml; charset=utf-8")
    return site.url("/feed.xml"), site.url("/live/kelsby-strike")


# --- TLS and SMTP -----------------------------------------------------------------------------------


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate and key for localhost and 127.0.0.1 (valid two days), via `openssl req`."""
    openssl = shutil.which("openssl")
    if openssl is None:
        import pytest

        pytest.skip("openssl is not installed: cannot make a test certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (right now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Received:
    """One message the SMTP server accepted."""

    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    authenticated: bool
    tls: bool

    @property
    def message(self) -> EmailMessage:
        """The message, parsed."""
        parsed = email.message_from_bytes(self.data, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class _Handler:
    received: list[Received] = field(default_factory=list)
    refuse_first: int = 0  # answer 451 (try again later) to this many deliveries first
    attempts: int = 0
    refuse: frozenset[str] = frozenset()  # recipients answered 550 at RCPT
    reply_delay: float = 0.0  # keep the message, then wait this long before the 250: a relay slower than the client

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        import asyncio

        self.attempts += 1
        if self.attempts <= self.refuse_first:
            return "451 4.3.0 Temporary failure, try again later"
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                      bytes(envelope.original_content), bool(session.authenticated),
                                      server.transport.get_extra_info("ssl_object") is not None))
        if self.reply_delay:
            await asyncio.sleep(self.reply_delay)
        return "250 2.0.0 Message accepted"


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode()
          and auth_data.password == PASSWORD.encode())
    return AuthResult(success=ok, handled=False)


class Mailbox:
    """A real SMTP server on 127.0.0.1: security "starttls" (required), "ssl" (implicit TLS) or "none"."""

    def __init__(self, security: str = "starttls", cert: tuple[Path, Path] | None = None, *,
                 auth: bool = True, refuse_first: int = 0, refuse: Sequence[str] = (), reply_delay: float = 0.0,
                 smtputf8: bool = False) -> None:
        from aiosmtpd.controller import Controller

        # aiosmtpd warns about its own deprecated attribute on every AUTH; it says nothing about us.
        warnings.filterwarnings("ignore", message="Session.login_data is deprecated")
        self.handler = _Handler(refuse_first=refuse_first, refuse=frozenset(refuse), reply_delay=reply_delay)
        self.port = free_port()
        self.security = security
        kwargs: dict[str, Any] = {"hostname": "127.0.0.1", "port": self.port, "server_hostname": "localhost",
                                  "enable_SMTPUTF8": smtputf8}
        if auth:
            # aiosmtpd only counts STARTTLS as TLS for auth_require_tls, so implicit TLS must not require it.
            kwargs.update(authenticator=_authenticator, auth_require_tls=security == "starttls")
        if security != "none":
            assert cert is not None, "TLS needs a certificate"
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(cert[0]), str(cert[1]))
            if security == "ssl":
                kwargs["ssl_context"] = context
            else:
                kwargs.update(tls_context=context, require_starttls=True)
        self.controller = Controller(self.handler, **kwargs)
        self.controller.start()

    @property
    def received(self) -> list[Received]:
        """Messages accepted so far."""
        return self.handler.received

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        """Wait until `count` messages have arrived."""
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.received

    def close(self) -> None:
        """Stop the server."""
        self.controller.stop()

    def __enter__(self) -> Mailbox:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


# --- A two-day demonstration over these fixtures: `python -m tests.servers DIR` ----------------------


def daily_config(folder: Path, site: Site, *, formats: Sequence[str] = ("md",), urls: Sequence[str] = (),
                 email_port: int | None = None, cafile: Path | str | None = None, attach: Sequence[str] = ("md",),
                 lock_wait: float | None = 0.5, timeout: float | None = 0.5, retries: int | None = 0) -> Path:
    """`<folder>/daily.toml` over the site's feed, live page and `urls`; [email] with `email_port` (None: default)."""

    def toml(values: Sequence[str]) -> str:
        return "[" + ", ".join(f'"{v}"' for v in values) + "]"

    fetching = "".join(f"{key} = {value}\n" for key, value in (("timeout", timeout), ("retries", retries))
                       if value is not None)
    text = f"""[brief]
title = "Kelsby port strike"
words = 150
topics = [{{ name = "Pay talks", keywords = ["pay", "offer", "talks", "union", "overtime"] }},
          {{ name = "Shipping", keywords = ["ships", "container", "ferry", "cargo", "anchor", "lorry"] }}]

[sources]
feeds = ["{site.url('/feed.xml')}"]
urls = {toml([site.url("/live/kelsby-strike"), *urls])}
{fetching}
[output]
dir = "briefs"
formats = {toml(formats)}
{f"lock_wait = {lock_wait}" if lock_wait is not None else ""}
"""
    if email_port is not None:
        text += f"""
[email]
to = ["desk@example.org"]
from = "Kelsby brief <brief@example.org>"
host = "127.0.0.1"
port = {email_port}
security = "starttls"
user = "{USER}"
cafile = "{cafile or ''}"
attach = {toml(attach)}
retries = 0
"""
    path = folder / "daily.toml"
    path.write_text(text, encoding="utf-8")
    return path


def demo(folder: Path) -> int:
    """Run `briefer daily` for day 1 and day 2 of the story against these servers and print a transcript."""
    import hashlib
    import os
    import shlex
    import sys

    folder.mkdir(parents=True, exist_ok=True)
    cert = make_certificate(folder)
    with Site() as site, Mailbox("starttls", cert) as mailbox:
        serve_day(site, 1)
        config = daily_config(folder, site, formats=("md", "pdf"), email_port=mailbox.port, cafile="cert.pem",
                              attach=("pdf",), lock_wait=None, timeout=None, retries=None)
        print(f"$ cat {config}\n{config.read_text()}")
        env = {**os.environ, "BRIEFER_SMTP_PASSWORD": PASSWORD}
        worst = 0
        for day, date in ((1, DAY_1), (2, DAY_2)):
            serve_day(site, day)
            command = [sys.executable, "-m", "briefer", "daily", "--config", str(config), "--date", date]
            shown = shlex.join(['briefer', *command[3:]])
            print(f"$ BRIEFER_SMTP_PASSWORD=... {shown}   # the site now serves day {day}")
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
            print(done.stdout + done.stderr + f"(exit code {done.returncode})\n")
            print(f"$ cat {folder}/briefs/brief-{date}.md\n{(folder / 'briefs' / f'brief-{date}.md').read_text()}")
            worst = max(worst, done.returncode)
        for received in mailbox.wait_for(2):
            msg = received.message
            print(f"--- message received by the SMTP server (AUTH: {received.authenticated}, TLS: {received.tls})")
            print("".join(f"{name}: {value}\n" for name, value in msg.items()))
            for part in msg.iter_attachments():
                data = part.get_payload(decode=True)
                assert isinstance(data, bytes)
                on_disk = (folder / "briefs" / str(part.get_filename())).read_bytes()
                print(f"attachment {part.get_filename()} ({part.get_content_type()}, {len(data)} bytes): "
                      f"{'identical to' if data == on_disk else 'DIFFERENT from'} the file on disk "
                      f"(sha256 {hashlib.sha256(data).hexdigest()[:16]})")
    return worst


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.servers DIR   (runs two days of `briefer daily` against local servers)")
    sys.exit(demo(Path(sys.argv[1])))
