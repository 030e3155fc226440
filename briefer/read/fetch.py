"""URLs and feeds to raw sources: HTTP(S) with timeouts, a size cap, retries, and feed entries.

1. `fetch(url)` downloads the URL (standard-library urllib; only http and https, also after redirects);
2. a feed (RSS/Atom, by content type or by sniffing the bytes) is parsed by feedparser from those bytes;
3. each feed entry becomes one source: its inline content when that is a full article, else its
   link, fetched like any page. Text extraction (trafilatura) happens later in briefer.read.ingest.
Any failure raises `SourceError` naming the URL and the reason; nothing is returned as None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import http.client
import io
import logging
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
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
# Seconds before the first retry; doubled each time. Retry-After is honoured up to MAX_RETRY_AFTER.
BACKOFF = 1.0
MAX_RETRY_AFTER = 30.0
# The body must arrive within this many `timeout`s: a server trickling bytes cannot hold a run forever.
BODY_DEADLINE_FACTOR = 3
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Response:
    """A completed download: the final URL (after redirects), its bytes and content type."""

    url: str
    data: bytes
    content_type: str


class _Transient(Exception):
    """A failure worth retrying (5xx, 429, timeout, reset); carries the final message and a wait hint."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only, so a page can never send us to file:// or ftp://."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise SourceError(f"{req.full_url}: redirected to a non-HTTP URL {newurl[:100]!r}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects())


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


def _read_body(response: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float) -> bytes:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise SourceError(f"{url}: too large ({int(length) / 1e6:.1f} MB; "
                          f"the limit is {max_bytes / 1e6:.1f} MB)")
    buffer = io.BytesIO()
    while chunk := response.read(_CHUNK):
        buffer.write(chunk)
        if buffer.tell() > max_bytes:
            raise SourceError(f"{url}: too large (over the limit of {max_bytes / 1e6:.1f} MB)")
        if time.monotonic() > deadline:
            raise _Transient(f"{url}: timed out while downloading the page")
    return buffer.getvalue()


def _attempt(url: str, timeout: float, max_bytes: int) -> Response:
    """One download; _Transient for failures worth retrying, SourceError for the others."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            data = _read_body(response, url, max_bytes, time.monotonic() + BODY_DEADLINE_FACTOR * timeout)
            return Response(response.geturl(), data, response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as exc:
        message = f"{url}: HTTP {exc.code} {exc.reason}"
        exc.close()
        if exc.code >= 500 or exc.code in (408, 429):
            raise _Transient(message, _retry_after(exc.headers.get("Retry-After"))) from None
        raise SourceError(message) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | ConnectionError):
            raise _Transient(f"{url}: {_describe(reason)}") from None
        raise SourceError(f"{url}: cannot connect: {_describe(reason)}") from None
    except http.client.InvalidURL as exc:
        raise SourceError(f"{url}: not a valid URL ({exc})") from None
    except (TimeoutError, ConnectionError, http.client.HTTPException) as exc:
        raise _Transient(f"{url}: {_describe(exc)}") from None
    except OSError as exc:
        raise SourceError(f"{url}: {_describe(exc)}") from None
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
             backoff: float = BACKOFF) -> Response:
    """GET `url`, retrying transient failures (5xx, 429, timeouts, resets, refused) with doubling waits."""
    check_url(url)
    for attempt in range(retries + 1):
        try:
            return _attempt(url, timeout, max_bytes)
        except _Transient as exc:
            if attempt == retries:
                tries = f" (after {retries + 1} attempts)" if retries else ""
                raise SourceError(f"{exc}{tries}") from None
            wait = exc.retry_after if exc.retry_after is not None else backoff * 2**attempt
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


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()
    return None


def _inline_article(entry: Any) -> str | None:
    """The entry's own HTML body when it is a full article (not a teaser), else None."""
    bodies = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if not bodies:
        return None
    body = max(bodies, key=len)
    text = re.sub(r"<[^>]+>", " ", body)
    return body if len(text.split()) >= FULL_TEXT_WORDS else None


def _entry_source(entry: Any, feed_url: str, number: int, fetch_page: Callable[[str], Response]) -> RawSource:
    link = entry.get("link", "")
    title = " ".join(str(entry.get("title", "")).split())
    published = _entry_date(entry)
    body = _inline_article(entry)
    if body is not None:
        page = (f"<!doctype html><html><head><title>{html.escape(title)}</title></head>"
                f"<body><article>{body}</article></body></html>")
        location = link or f"{feed_url}#entry-{number}"
        return RawSource(location=location, name=display_name(location), data=page.encode("utf-8"),
                         content_type="text/html; charset=utf-8", published=published, title=title)
    if not link:
        raise SourceError(f"{feed_url}: entry {number} has neither a link nor full text")
    response = fetch_page(urllib.parse.urljoin(feed_url, link))
    return RawSource(location=response.url, name=display_name(response.url), data=response.data,
                     content_type=response.content_type, published=published, title=title)


def feed_sources(feed: Response, fetch_page: Callable[[str], Response]) -> list[RawSource]:
    """One RawSource per entry of the feed in `feed` (entries whose link fails are logged and left out)."""
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
    out: list[RawSource] = []
    failures: list[str] = []
    for number, entry in enumerate(entries, start=1):
        try:
            out.append(replace(_entry_source(entry, feed.url, number, fetch_page), outlet=outlet))
        except SourceError as exc:
            log.warning("skipped feed entry: %s", exc)
            failures.append(str(exc))
    if not out:
        raise SourceError(f"{feed.url}: no entry of the feed could be fetched ({failures[0]})")
    return out


def fetch(url: str, *, settings: FetchSettings | None = None, max_bytes: int = 10_000_000,
          max_total_bytes: int | None = None) -> list[RawSource]:
    """A page URL as one RawSource, or a feed URL as one RawSource per entry; SourceError on any failure.

    `settings` give the timeout, retries and backoff (default 20 s, 2 retries, 1 s; [sources] in a config).
    `max_bytes` caps each download; `max_total_bytes` caps a feed and all its entries together.
    """
    settings = settings or FetchSettings()

    left = [max_total_bytes if max_total_bytes is not None else max_bytes * (MAX_FEED_ENTRIES + 1)]

    def get(link: str) -> Response:
        if left[0] <= 0:
            raise SourceError(f"{link}: over the total input limit of {max_total_bytes or 0:,} bytes")
        response = download(link, timeout=settings.timeout, max_bytes=min(max_bytes, left[0]),
                            retries=settings.retries, backoff=settings.backoff)
        left[0] -= len(response.data)
        return response

    response = get(url)
    if is_feed(response.content_type, response.data):
        log.info("feed %s", url)
        return feed_sources(response, get)
    return [RawSource(location=response.url, name=display_name(response.url), data=response.data,
                      content_type=response.content_type)]
