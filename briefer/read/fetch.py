"""URLs and feeds to raw sources: HTTP(S) with deadlines, an address policy, a size cap, retries, feed entries.

1. `fetch(url)` downloads the URL (http.client; only http and https, also after redirects) within one
   deadline per download that covers connecting, the headers and the body, and within the run's deadline;
2. a feed (RSS/Atom, by content type or by sniffing the bytes) is parsed by feedparser from those bytes;
3. each feed entry becomes one source: its inline content when that is a full article, else its
   link, fetched like any page. Text extraction (trafilatura) happens later in briefer.read.ingest.
Any failure raises `SourceError` naming the URL and the reason; nothing is returned as None.

Address policy: a URL the user names (command line, config) is fetched as given. A URL found on the way (a
feed entry's link, a redirect) on another host is refused when its host resolves to a loopback, private,
link-local, multicast or otherwise non-global address, unless `[sources] allow_private = true`. The check runs
on the resolved addresses, and the connection goes to the address that was checked, so a DNS answer that
changes between the check and the connection cannot switch it.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import html
import http.client
import io
import ipaddress
import logging
import re
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from briefer import __version__
from briefer.config import FetchSettings
from briefer.errors import SourceError
from briefer.model import RawSource

log = logging.getLogger(__name__)

USER_AGENT = f"briefer/{__version__} (+https://pypi.org/project/briefer/)"
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,*/*;q=0.5")
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
# An inline entry body with fewer words than this is a teaser: the entry's link is fetched instead.
# News articles run 300-1,500 words; feed summaries are 20-80.
FULL_TEXT_WORDS = 150
# A feed lists more items than anyone briefs in a day; past this many, the rest are left out (logged).
MAX_FEED_ENTRIES = 50
# Seconds before the first retry; doubled each time up to MAX_BACKOFF. Retry-After is honoured up to
# MAX_RETRY_AFTER, and no wait may pass the run's deadline.
BACKOFF = 1.0
MAX_BACKOFF = 30.0
MAX_RETRY_AFTER = 30.0
# One download (connect, headers and body) must be over within this many `timeout`s: a server trickling
# bytes cannot hold a run, whatever it trickles.
DOWNLOAD_DEADLINE_FACTOR = 3
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Response:
    """A completed download: the final URL (after redirects), its bytes and content type."""

    url: str
    data: bytes
    content_type: str


@dataclass(frozen=True, slots=True)
class FailedEntry:
    """A feed entry that could not be fetched: listed in the brief as skipped, with its reason."""

    location: str
    name: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class Policy:
    """Where a run may connect: the origins the user named, whether private addresses are allowed, the deadline."""

    trusted: frozenset[tuple[str, int]] = frozenset()  # (host, port) of URLs the user named
    allow_private: bool = False
    run_deadline: float = field(default_factory=lambda: float("inf"))  # time.monotonic() value

    def trusts(self, url: str) -> bool:
        """True when `url` is on a host and port the user named (or private addresses are allowed)."""
        return self.allow_private or _origin(url) in self.trusted


class _Transient(Exception):
    """A failure worth retrying (5xx, 429, timeout, reset); carries the final message and a wait hint."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _origin(url: str) -> tuple[str, int]:
    parts = urllib.parse.urlsplit(url)
    default = 443 if parts.scheme.lower() == "https" else 80
    return (parts.hostname or "").lower(), parts.port or default


def check_url(url: str) -> str:
    """The URL if it is http(s) with a host; SourceError otherwise."""
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port  # raises ValueError for a port out of range
    except ValueError as exc:
        raise SourceError(f"{url[:200]}: not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SourceError(f"{url[:200]}: not an http(s) URL")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise SourceError(f"{url[:200]}: not a valid URL (contains spaces or control characters)")
    return url


def display_name(url: str) -> str:
    """A short name for the source list: host and path, e.g. "example.com/world/talks"."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    name = f"{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}{path}"
    return name if len(name) <= 80 else name[:77] + "..."


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return min(float(value.strip()), MAX_RETRY_AFTER)
    return None


def is_public(address: str) -> bool:
    """True for a global unicast address; False for loopback, private, link-local, multicast, reserved..."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int, timeout: float) -> list[Any]:
    """getaddrinfo within `timeout` seconds: the lookup runs in a thread, so a slow resolver cannot hold the
    download past its deadline (the thread ends when the resolver gives up)."""
    found: list[Any] = []
    failed: list[BaseException] = []

    def lookup() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as exc:  # handed to the caller's thread
            failed.append(exc)

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise TimeoutError(f"looking up {host} timed out")
    if failed:
        raise failed[0]
    return found


def _connect(url: str, host: str, port: int, timeout: float, check: bool) -> socket.socket:
    """A TCP connection to `host`, to an address that passed the policy when `check` is set."""
    try:
        infos = _resolve(host, port, timeout)
    except socket.gaierror as exc:
        raise SourceError(f"{url}: cannot connect: {exc.strerror or exc}") from None
    except UnicodeError as exc:
        raise SourceError(f"{url}: not a valid URL ({exc})") from None
    refused: list[str] = []
    last: OSError | None = None
    for family, kind, proto, _, address in infos:
        if check and not is_public(str(address[0])):
            refused.append(str(address[0]))
            continue
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
    if last is None:
        raise SourceError(f"{url}: refused: {host} resolves to {', '.join(dict.fromkeys(refused))}, not a public "
                          "address (a link found in a feed or a redirect may not reach private, loopback or "
                          "link-local addresses; set [sources] allow_private = true to allow it)")
    raise last


class _Watchdog:
    """Shuts a connection down at the deadline, so that no blocked read can outlive it (a trickling server)."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock.dup()  # the same connection, still valid after TLS wraps the original
        self.fired = False
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        with contextlib.suppress(OSError):  # already closed: nothing is blocked on it
            self._sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._timer.cancel()
        self._sock.close()


def _open(url: str, timeout: float, deadline: float, check: bool) -> tuple[http.client.HTTPConnection, _Watchdog]:
    parts = urllib.parse.urlsplit(url)
    host, port = _origin(url)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _Transient(f"{url}: timed out")
    sock = _connect(url, parts.hostname or host, port, min(timeout, remaining), check)
    watchdog = _Watchdog(sock, deadline)
    try:
        connection: http.client.HTTPConnection
        if parts.scheme.lower() == "https":
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=parts.hostname)
            connection = http.client.HTTPSConnection(host, port, timeout=timeout)
        else:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
        connection.sock = sock  # connected to the address that was checked
    except BaseException:
        watchdog.close()
        sock.close()
        raise
    return connection, watchdog


def _read_body(response: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float) -> bytes:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise SourceError(f"{url}: too large ({int(length) / 1e6:.1f} MB; "
                          f"the limit is {max_bytes / 1e6:.1f} MB)")
    buffer = io.BytesIO()
    while chunk := response.read1(_CHUNK):  # whatever has arrived: the deadline is checked as bytes come
        buffer.write(chunk)
        if buffer.tell() > max_bytes:
            raise SourceError(f"{url}: too large (over the limit of {max_bytes / 1e6:.1f} MB)")
        if time.monotonic() > deadline:
            raise _Transient(f"{url}: timed out while downloading the page")
    return buffer.getvalue()


def _get(url: str, timeout: float, max_bytes: int, deadline: float, check: bool) -> Response | str:
    """One request: the Response, or the URL a redirect points to."""
    parts = urllib.parse.urlsplit(url)
    target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    connection, watchdog = _open(url, timeout, deadline, check)
    try:
        connection.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT,
                                                  "Connection": "close"})
        response = connection.getresponse()
        if response.status in _REDIRECTS and response.headers.get("Location"):
            return urllib.parse.urljoin(url, str(response.headers["Location"]).strip())
        if response.status >= 400:
            message = f"{url}: HTTP {response.status} {response.reason}"
            if response.status >= 500 or response.status in (408, 429):
                raise _Transient(message, _retry_after(response.headers.get("Retry-After")))
            raise SourceError(message)
        data = _read_body(response, url, max_bytes, deadline)
        if watchdog.fired:
            raise _Transient(f"{url}: timed out")
        return Response(url, data, response.headers.get("Content-Type", ""))
    except (OSError, http.client.HTTPException):
        if watchdog.fired:
            raise _Transient(f"{url}: timed out (the download took over {deadline_text(timeout)})") from None
        raise
    finally:
        watchdog.close()
        connection.close()


def deadline_text(timeout: float) -> str:
    """How long one download may take, for messages."""
    return f"{DOWNLOAD_DEADLINE_FACTOR * timeout:g} s"


def _attempt(url: str, timeout: float, max_bytes: int, policy: Policy, trusted: bool) -> Response:
    """One download with its redirects; _Transient for failures worth retrying, SourceError for the others."""
    deadline = min(time.monotonic() + DOWNLOAD_DEADLINE_FACTOR * timeout, policy.run_deadline)
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            result = _get(current, timeout, max_bytes, deadline, check=not (trusted or policy.trusts(current)))
            if isinstance(result, Response):
                return result
            if urllib.parse.urlsplit(result).scheme.lower() not in ("http", "https"):
                raise SourceError(f"{url}: redirected to a non-HTTP URL {result[:100]!r}")
            check_url(result)
            current, trusted = result, False  # a redirect's target is checked like any link found on the way
        raise SourceError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except http.client.InvalidURL as exc:
        raise SourceError(f"{url}: not a valid URL ({exc})") from None
    except (TimeoutError, ConnectionError, http.client.HTTPException) as exc:
        raise _Transient(f"{url}: {_describe(exc)}") from None
    except OSError as exc:
        raise SourceError(f"{url}: cannot connect: {_describe(exc)}") from None
    except ValueError as exc:  # e.g. a host name IDNA cannot encode
        raise SourceError(f"{url}: not a valid URL ({exc})") from None


def _describe(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "connection reset"
    if isinstance(reason, OSError) and reason.strerror:
        return str(reason.strerror)
    return str(reason) or type(reason).__name__


def download(url: str, *, timeout: float = 20.0, max_bytes: int = 10_000_000, retries: int = 2,
             backoff: float = BACKOFF, policy: Policy | None = None, trusted: bool = True) -> Response:
    """GET `url`, retrying transient failures (5xx, 429, timeouts, resets, refused) with doubling waits.

    `trusted`: the user named this URL (no address check on it, only on its redirects); `policy`: the run's
    trusted origins, private-address switch and deadline.
    """
    check_url(url)
    policy = policy or Policy()
    for attempt in range(retries + 1):
        if time.monotonic() >= policy.run_deadline:
            raise SourceError(f"{url}: not fetched: the run's time ([sources] run_timeout) is up")
        try:
            return _attempt(url, timeout, max_bytes, policy, trusted)
        except _Transient as exc:
            wait = exc.retry_after if exc.retry_after is not None else min(backoff * 2**attempt, MAX_BACKOFF)
            if attempt == retries or time.monotonic() + wait >= policy.run_deadline:
                tries = f" (after {attempt + 1} attempts)" if attempt else ""
                late = "; the run's time ([sources] run_timeout) is up" if attempt < retries else ""
                raise SourceError(f"{exc}{tries}{late}") from None
            log.info("retrying in %.1f s: %s", wait, exc)
            time.sleep(wait)
    raise AssertionError("unreachable")  # the loop returns or raises


def is_feed(content_type: str, data: bytes) -> bool:
    """True for RSS/Atom: by content type, or generic XML (or no type) whose root is rss, feed or rdf:RDF."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in FEED_TYPES:
        return True
    if kind in XML_TYPES or not kind or kind == "application/octet-stream":
        return bool(_FEED_ROOT.search(data[:4000]))
    return False


def _entry_time(entry: Any) -> dt.datetime | None:
    """When the feed says its entry was published (else updated, else created), in UTC."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).replace(tzinfo=None)
    return None


def _day_and_time(stamp: dt.datetime | None) -> tuple[dt.date | None, dt.datetime | None]:
    """An entry's day, and its time when it gives one (a bare date reads as midnight: no time)."""
    if stamp is None:
        return None, None
    return stamp.date(), (stamp if stamp.time() != dt.time() else None)


def _inline_article(entry: Any, full_text_words: int = FULL_TEXT_WORDS) -> str | None:
    """The entry's own HTML body when it is a full article (not a teaser), else None."""
    bodies = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if not bodies:
        return None
    body = max(bodies, key=len)
    text = re.sub(r"<[^>]+>", " ", body)
    return body if len(text.split()) >= full_text_words else None


def _entry_source(entry: Any, feed_url: str, number: int, fetch_page: Callable[[str], Response],
                  full_text_words: int = FULL_TEXT_WORDS) -> RawSource:
    link = entry.get("link", "")
    title = " ".join(str(entry.get("title", "")).split())
    published, stamp = _day_and_time(_entry_time(entry))
    body = _inline_article(entry, full_text_words)
    if body is not None:
        page = (f"<!doctype html><html><head><title>{html.escape(title)}</title></head>"
                f"<body><article>{body}</article></body></html>")
        # An Atom entry's id stands in for a missing link ("urn:uuid:..."): only a web address names the page.
        location = link if link.startswith(("http://", "https://")) else f"{feed_url}#entry-{number}"
        return RawSource(location=location, name=display_name(location), data=page.encode("utf-8"),
                         content_type="text/html; charset=utf-8", published=published, stamp=stamp,
                         title=title)
    if not link:
        raise SourceError(f"{feed_url}: entry {number} has neither a link nor full text")
    response = fetch_page(urllib.parse.urljoin(feed_url, link))
    return RawSource(location=response.url, name=display_name(response.url), data=response.data,
                     content_type=response.content_type, published=published, stamp=stamp, title=title)


def feed_sources(feed: Response, fetch_page: Callable[[str], Response],
                 full_text_words: int = FULL_TEXT_WORDS) -> list[RawSource | FailedEntry]:
    """One RawSource per entry of the feed in `feed`; an entry whose link fails is a FailedEntry with its reason.
    An entry whose own text has `full_text_words` words is read as it is, its link not fetched."""
    import feedparser

    # A file-like object, never a string: given a str, feedparser would fetch URLs or open paths itself.
    parsed = feedparser.parse(io.BytesIO(feed.data), response_headers={
        "content-type": feed.content_type or "application/xml", "content-location": feed.url})
    entries = list(parsed.entries)
    outlet = " ".join(str(parsed.get("feed", {}).get("title", "")).split())[:120]  # the publisher, for every entry
    if not entries:
        problem = f": {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
        raise SourceError(f"{feed.url}: feed has no entries{problem}")
    if len(entries) > MAX_FEED_ENTRIES:
        log.warning("%s: %d entries, briefing the first %d", feed.url, len(entries), MAX_FEED_ENTRIES)
        entries = entries[:MAX_FEED_ENTRIES]
    out: list[RawSource | FailedEntry] = []
    failures: list[str] = []
    for number, entry in enumerate(entries, start=1):
        try:
            out.append(replace(_entry_source(entry, feed.url, number, fetch_page, full_text_words), outlet=outlet))
        except SourceError as exc:
            log.warning("skipped feed entry: %s", exc)
            failures.append(str(exc))
            location = urllib.parse.urljoin(feed.url, str(entry.get("link", ""))) or f"{feed.url}#entry-{number}"
            out.append(FailedEntry(location, display_name(location), str(exc)))
    if len(failures) == len(out):
        raise SourceError(f"{feed.url}: no entry of the feed could be fetched ({failures[0]})")
    return out


def run_policy(urls: Sequence[str], settings: FetchSettings) -> Policy:
    """The policy of a run that names `urls`: their hosts trusted, its deadline `settings.run_timeout` from now."""
    return Policy(trusted=frozenset(map(_origin, urls)), allow_private=settings.allow_private,
                  run_deadline=time.monotonic() + settings.run_timeout)


def fetch_entries(url: str, *, settings: FetchSettings | None = None, max_bytes: int = 10_000_000,
                  max_total_bytes: int | None = None, policy: Policy | None = None) -> list[RawSource | FailedEntry]:
    """A page URL as one RawSource, or a feed URL as one RawSource (or FailedEntry) per entry.

    `settings` give the timeout, retries and backoff (default 20 s, 2 retries, 1 s; [sources] in a config).
    `max_bytes` caps each download; `max_total_bytes` caps a feed and all its entries together. `url` is
    trusted as the user named it; links found in it are checked by `policy` (default: this URL's origin
    trusted, private addresses refused elsewhere, no run deadline). SourceError when `url` itself fails.
    """
    settings = settings or FetchSettings()
    check_url(url)
    if policy is None:
        policy = Policy(trusted=frozenset({_origin(url)}), allow_private=settings.allow_private)
    left = [max_total_bytes if max_total_bytes is not None else max_bytes * (MAX_FEED_ENTRIES + 1)]

    def get(link: str, trusted: bool = False) -> Response:
        if left[0] <= 0:
            raise SourceError(f"{link}: over the total input limit of {max_total_bytes or 0:,} bytes")
        response = download(link, timeout=settings.timeout, max_bytes=min(max_bytes, left[0]),
                            retries=settings.retries, backoff=settings.backoff, policy=policy, trusted=trusted)
        left[0] -= len(response.data)
        return response

    response = get(url, trusted=True)
    if is_feed(response.content_type, response.data):
        log.info("feed %s", url)
        return feed_sources(response, get)
    return [RawSource(location=response.url, name=display_name(response.url), data=response.data,
                      content_type=response.content_type)]


def fetch(url: str, *, settings: FetchSettings | None = None, max_bytes: int = 10_000_000,
          max_total_bytes: int | None = None, policy: Policy | None = None) -> list[RawSource]:
    """`fetch_entries` without the failed feed entries (they are logged): the sources that could be fetched."""
    return [r for r in fetch_entries(url, settings=settings, max_bytes=max_bytes, max_total_bytes=max_total_bytes,
                                     policy=policy) if isinstance(r, RawSource)]
