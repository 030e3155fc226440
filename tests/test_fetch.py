"""briefer.read.fetch against a real HTTP server on 127.0.0.1: pages, feeds, failures, retries, limits."""

from __future__ import annotations

import datetime as dt
import html
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefer import __version__
from briefer.config import FetchSettings, Limits
from briefer.errors import ConfigError, SourceError
from briefer.read.fetch import (
    MAX_BACKOFF,
    MAX_RETRY_AFTER,
    USER_AGENT,
    FailedEntry,
    display_name,
    fetch,
    fetch_entries,
    is_feed,
    is_public,
)
from briefer.read.ingest import read_sources
from tests.servers import A1, A2, RawServer, Site, article_page, free_port, rss, serve_day


def test_page_is_one_source_with_its_bytes_and_an_honest_user_agent(site: Site) -> None:
    page = article_page(*A1[:2], A1[3], A1[2])
    url = site.set("/news/walkout", page)
    [raw] = fetch(url)
    assert raw.data == page.encode("utf-8")
    assert raw.content_type.startswith("text/html")
    assert raw.location == url
    assert raw.name == display_name(url) and raw.name.endswith("/news/walkout")
    assert site.requests == [("/news/walkout", USER_AGENT)]
    assert USER_AGENT.startswith(f"briefer/{__version__} (+https://")


def test_feed_gives_one_source_per_entry_with_dates_and_titles(site: Site) -> None:
    feed_url, _ = serve_day(site, 1)
    sources = fetch(feed_url)
    assert [s.title for s in sources] == [A1[0], A2[0]]
    assert [s.published for s in sources] == [dt.date(2025, 3, 10)] * 2
    assert [s.location for s in sources] == [site.url("/news/walkout"), site.url("/news/traffic-halted")]
    assert all(b"Kelsby" in s.data for s in sources)  # each entry's link was fetched


def test_feed_is_sniffed_from_generic_xml() -> None:
    data = b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'
    assert is_feed("text/xml", data) and is_feed("", data)
    assert not is_feed("text/html", b"<html><body><p>rss</p></body></html>")
    assert not is_feed("text/xml", b"<?xml version='1.0'?><note>not a feed</note>")


def test_entry_with_full_text_is_used_without_fetching_its_link(site: Site) -> None:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in A1[3] + A2[3])
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kelsby</title><id>urn:kelsby</id>
<updated>2025-03-10T09:00:00Z</updated>
<entry><title>Full story</title><id>urn:kelsby:1</id><link href="{site.url('/never-fetched')}"/>
<published>2025-03-10T08:00:00Z</published><updated>2025-03-10T08:00:00Z</updated>
<content type="html">{html.escape(body)}</content></entry></feed>"""
    url = site.set("/atom.xml", atom, "application/atom+xml")
    [raw] = fetch(url)
    assert raw.title == "Full story" and raw.published == dt.date(2025, 3, 10)
    assert b"Maren Holt" in raw.data
    assert raw.location == site.url("/never-fetched")
    assert "/never-fetched" not in site.hits


def test_dead_entry_is_left_out_and_unsafe_links_are_never_followed(site: Site) -> None:
    serve_day(site, 1)
    items = [("/news/walkout", "Walkout", "Mon, 10 Mar 2025 07:30:00 GMT"),
             ("/gone", "Gone", "Mon, 10 Mar 2025 08:00:00 GMT")]
    feed = rss(site, "Kelsby", items).replace(site.url("/gone"), "file:///etc/passwd")
    url = site.set("/mixed.xml", feed, "application/rss+xml")
    [only] = fetch(url, settings=FetchSettings(retries=0, backoff=0.01))
    assert only.location == site.url("/news/walkout")
    everything_dead = site.set("/dead.xml", rss(site, "K", [("/missing", "M", "Mon, 10 Mar 2025 08:00:00 GMT")]),
                               "application/rss+xml")
    with pytest.raises(SourceError, match=r"no entry of the feed could be fetched.*404"):
        fetch(everything_dead, settings=FetchSettings(retries=0, backoff=0.01))


def test_404_is_reported_with_the_url_and_not_retried(site: Site) -> None:
    url = site.url("/missing")
    with pytest.raises(SourceError, match=r"/missing: HTTP 404"):
        fetch(url, settings=FetchSettings(retries=3, backoff=0.01))
    assert site.hits["/missing"] == 1


def test_transient_503_is_retried_with_backoff(site: Site) -> None:
    url = site.set("/flaky", article_page(*A1[:2], A1[3], A1[2]), fail_first=2)
    started = time.monotonic()
    [raw] = fetch(url, settings=FetchSettings(retries=2, backoff=0.05))
    assert b"Kelsby" in raw.data and site.hits["/flaky"] == 3
    assert time.monotonic() - started >= 0.05 + 0.1  # waited 0.05 s, then 0.1 s
    with pytest.raises(SourceError, match=r"HTTP 503 .*after 2 attempts"):
        fetch(site.set("/down", "x", fail_first=99), settings=FetchSettings(retries=1, backoff=0.01))


def test_slow_url_times_out_within_its_budget(site: Site) -> None:
    url = site.set("/slow", "<p>late</p>", delay=10)
    started = time.monotonic()
    with pytest.raises(SourceError, match="/slow: timed out"):
        fetch(url, settings=FetchSettings(timeout=0.3, retries=0, backoff=0.01))
    assert time.monotonic() - started < 2


def test_config_fetch_settings_reach_fetch_through_the_pipeline(site: Site, tmp_path: Path) -> None:
    from briefer.config import load_options
    from briefer.errors import NoUsableSourcesError
    from briefer.pipeline import build_brief

    config = tmp_path / "c.toml"
    config.write_text("[sources]\ntimeout = 0.3\nretries = 1\n")
    options = load_options(config)
    assert (options.fetch.timeout, options.fetch.retries) == (0.3, 1)
    url = site.set("/slow", "<p>late</p>", delay=10)
    started = time.monotonic()
    with pytest.raises(NoUsableSourcesError, match="timed out"):
        build_brief([url], options)
    assert site.hits["/slow"] == 2 and time.monotonic() - started < 5


def test_oversized_page_is_refused(site: Site) -> None:
    url = site.set("/huge", b"x" * 5000, "text/plain")
    with pytest.raises(SourceError, match="/huge: too large"):
        fetch(url, max_bytes=1000)
    assert fetch(url, max_bytes=5000)[0].data == b"x" * 5000


def test_refused_connection_is_a_source_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/story"
    with pytest.raises(SourceError, match="connection refused"):
        fetch(url, settings=FetchSettings(retries=1, backoff=0.01))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "http:///nohost", "javascript:x",
                                 "http://[::1", "http://127.0.0.1:99999/", "http://127.0.0.1/a b",
                                 "http://127.0.0.1/\r\nHost: evil"])
def test_only_valid_http_and_https_urls(url: str) -> None:
    with pytest.raises(SourceError, match=r"not an http|not a valid URL"):
        fetch(url, settings=FetchSettings(retries=0))


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/passwd"])
def test_redirect_to_another_scheme_is_refused(site: Site, target: str) -> None:
    url = site.set("/jump", "", status=302, headers=(("Location", target),))
    with pytest.raises(SourceError, match=r"non-HTTP URL|not allowed"):
        fetch(url, settings=FetchSettings(retries=0, backoff=0.01))
    site.set("/moved", "", status=301, headers=(("Location", "/news/walkout"),))
    site.set("/news/walkout", article_page(*A1[:2], A1[3], A1[2]))
    [raw] = fetch(site.url("/moved"))
    assert raw.location == site.url("/news/walkout")


def test_brief_reads_urls_and_feeds_and_lists_dead_ones(site: Site) -> None:
    from briefer.config import load_options
    from briefer.pipeline import build_brief

    feed_url, live_url = serve_day(site, 1)
    brief = build_brief([feed_url, live_url, site.url("/missing")], load_options(words=150))
    by_status = {s.location: s.status for s in brief.sources}
    assert by_status[site.url("/news/walkout")] == "ok" and by_status[live_url] == "ok"
    assert by_status[site.url("/missing")] == "failed"
    assert "404" in next(s.warning for s in brief.sources if s.status == "failed")
    assert brief.items


def test_a_feed_and_its_entries_share_one_total_byte_budget(site: Site) -> None:
    feed_url, _ = serve_day(site, 1)
    everything = fetch(feed_url)
    feed_size = len(site_bytes(site, feed_url))
    budget = feed_size + len(everything[0].data) + 10  # room for the feed and its first article only
    limited = fetch(feed_url, max_total_bytes=budget)
    assert [s.location for s in limited] == [everything[0].location]


def site_bytes(site: Site, url: str) -> bytes:
    import urllib.request

    with urllib.request.urlopen(url) as response:  # the test's own look at what the site serves
        return bytes(response.read())


# --- issue 11: deadlines, the address policy, failures listed, terminal escapes ------------------------------

TRICKLE_HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 5_000 + b"\r\n\r\n"
TRICKLE_BODY = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n" + b"<p>" + b"b" * 4_997)


@pytest.mark.parametrize("payload, step", [(TRICKLE_HEADERS, 1), (TRICKLE_BODY, 1)], ids=["headers", "body"])
def test_a_trickling_server_cannot_outlast_the_download_deadline(payload: bytes, step: int) -> None:
    # One byte every 0.1 s, each well inside the 0.5 s timeout: only a deadline on the whole download ends it
    # (before: the headers had none, and the body's was checked only between 64 KB chunks).
    with RawServer(payload, interval=0.1, step=step) as server:
        started = time.monotonic()
        with pytest.raises(SourceError, match="timed out"):
            fetch(server.url("/slow"), settings=FetchSettings(timeout=0.5, retries=0))
        assert time.monotonic() - started < 3 * 0.5 + 1.0


def test_the_run_deadline_ends_retries_and_retry_after_waits(site: Site) -> None:
    # Three entries answering 503 with Retry-After: 30 took 181 s; the run's deadline (2 s here) ends it.
    serve_day(site, 1)
    items = [(f"/busy{i}", f"Busy {i}", "Mon, 10 Mar 2025 08:00:00 GMT") for i in range(3)]
    for path, _, _ in items:
        site.set(path, "busy", status=503, headers=(("Retry-After", "30"),))
    items.insert(0, ("/news/walkout", "Walkout", "Mon, 10 Mar 2025 07:30:00 GMT"))
    feed = site.set("/busy.xml", rss(site, "Kelsby", items), "application/rss+xml")
    started = time.monotonic()
    corpus = read_sources([feed], Limits(), FetchSettings(timeout=1.0, retries=2, run_timeout=2.0))
    assert time.monotonic() - started < 5.0
    listed = [(s.status, s.warning) for s in corpus.ledger.listed()]
    assert [status for status, _ in listed] == ["ok", "failed", "failed", "failed"]
    assert all("HTTP 503" in w and "run_timeout" in w for _, w in listed[1:])


def test_retries_and_retry_after_are_capped() -> None:
    with pytest.raises(ConfigError, match="retries must be between 0 and 10"):
        FetchSettings(retries=1_000_000_000)
    assert MAX_RETRY_AFTER <= 30 and MAX_BACKOFF <= 30


@pytest.mark.parametrize("address, public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False), ("ff02::1", False),
    ("93.184.215.14", True), ("2606:4700:4700::1111", True),
])
def test_which_addresses_count_as_public(address: str, public: bool) -> None:
    assert is_public(address) is public


def test_feed_links_and_redirects_to_internal_addresses_are_refused(site: Site) -> None:
    # The feed's own server is named by the user; the "internal" one on another port is not.
    with Site() as internal:
        secret = internal.set("/admin/secrets", article_page("Secrets", "2025-03-10", A1[3], "Intranet"))
        jump = site.set("/jump", "", status=302, headers=(("Location", secret),))
        serve_day(site, 1)
        feed_text = rss(site, "Kelsby", [("/news/walkout", "Walkout", "Mon, 10 Mar 2025 07:30:00 GMT"),
                                         ("/jump", "Jump", "Mon, 10 Mar 2025 08:00:00 GMT")])
        feed_text = feed_text.replace("</channel>", f"<item><title>Direct</title><link>{secret}</link></item>"
                                      f"<item><title>By name</title><link>{secret.replace('127.0.0.1', 'localhost')}"
                                      "</link></item></channel>")
        feed = site.set("/ssrf.xml", feed_text, "application/rss+xml")
        entries = fetch_entries(feed, settings=FetchSettings(retries=0))
        assert [type(e).__name__ for e in entries] == ["RawSource", "FailedEntry", "FailedEntry", "FailedEntry"]
        assert all(isinstance(e, FailedEntry) and "not a public address" in e.reason for e in entries[1:])
        assert "/admin/secrets" not in internal.hits  # refused before connecting
        with pytest.raises(SourceError, match="not a public address"):
            fetch(jump, settings=FetchSettings(retries=0))  # the user named the page, not where it redirects
        assert "/admin/secrets" not in internal.hits
        allowed = fetch(feed, settings=FetchSettings(retries=0, allow_private=True))
        assert len(allowed) == 4 and internal.hits["/admin/secrets"] == 3
        assert fetch(secret)[0].location == secret  # a URL the user names is fetched as given


def test_failed_feed_entries_are_listed_as_skipped_and_counted(site: Site, tmp_path: Path) -> None:
    serve_day(site, 1)
    site.set("/broken", "oops", status=500)
    items = [("/news/walkout", "Walkout", "Mon, 10 Mar 2025 07:30:00 GMT"),
             ("/missing", "Missing", "Mon, 10 Mar 2025 08:00:00 GMT"),
             ("/broken", "Broken", "Mon, 10 Mar 2025 08:10:00 GMT")]
    feed_text = rss(site, "Kelsby", items).replace(
        "</channel>", f"<item><title>Refused</title><link>http://127.0.0.1:{free_port()}/x</link></item></channel>")
    feed = site.set("/four.xml", feed_text, "application/rss+xml")
    config = tmp_path / "c.toml"
    config.write_text("[sources]\nretries = 0\nallow_private = true\n")
    out = tmp_path / "brief.md"
    result = subprocess.run([sys.executable, "-m", "briefer", "brief", feed, "--config", str(config), "-o", str(out),
                             "--date", "2025-03-10"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 8, result.stderr  # before: 0, and "0 sources skipped"
    brief = out.read_text(encoding="utf-8")
    for reason in ("HTTP 404", "HTTP 500", "connection refused"):
        assert reason in brief and reason in result.stderr


def test_terminal_escapes_from_links_and_reason_phrases_never_reach_stderr(site: Site, tmp_path: Path) -> None:
    evil = "\x1b]0;pwned\x07\u2028\u202e"
    reason = b"HTTP/1.1 503 Busy \x1b[2J\x1b]0;owned\x07\r\nContent-Length: 0\r\n\r\n"
    with RawServer(reason) as server:
        serve_day(site, 1)
        feed_text = rss(site, "Kelsby", [("/news/walkout", "Walkout", "Mon, 10 Mar 2025 07:30:00 GMT")])
        links = (f"<item><title>Evil link</title><link>{site.url('/x')}{html.escape(evil)}</link></item>"
                 f"<item><title>Evil reason</title><link>{server.url('/busy')}</link></item>")
        feed_text = feed_text.replace("</channel>", links.replace("\x1b", "&#x1b;").replace("\x07", "&#x7;")
                                      + "</channel>")
        feed = site.set("/evil.xml", feed_text, "application/rss+xml")
        config = tmp_path / "c.toml"
        config.write_text("[sources]\nretries = 1\nallow_private = true\n")
        result = subprocess.run([sys.executable, "-m", "briefer", "brief", feed, "--config", str(config), "-v",
                                 "-o", str(tmp_path / "b.md"), "--date", "2025-03-10"],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 8, result.stderr
    assert "retrying in" in result.stderr and "skipped feed entry" in result.stderr
    assert "\\x1b" in result.stderr  # spelled out, visible
    for raw in ("\x1b", "\x07", "\u2028", "\u202e"):
        assert raw not in result.stderr
