"""Untrusted input can never inject, fetch or crash (docs/robustness.md lists every case and its test here).

1. the bad-input corpus (tests/data/bad, plus huge and special files made at test time) through the CLI:
   each case's exit code and message;
2. a hostile brief rendered to HTML and PDF while an HTTP site on 127.0.0.1 records every request: none,
   and no local file's content in the PDF's text; the same brief mailed to a real SMTP server;
3. property tests (hypothesis) over the whole pipeline with arbitrary text, HTML and bytes: nothing but
   `BrieferError` escapes, and every file written is valid in its format.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from briefer.cli import cli
from briefer.config import BriefOptions, load_options
from briefer.deliver.render import html_to_pdf, plain, to_html, to_markdown, write_brief
from briefer.errors import BrieferError, ExitCode
from briefer.model import Brief
from briefer.pipeline import build_brief
from tests.servers import Site

BAD = Path(__file__).parent / "data" / "bad"
STORY = (BAD / "encodings" / "story.txt").read_text(encoding="utf-8")
SENTENCES = [line for line in STORY.splitlines()[2:] if line]
PASSWD = Path("/etc/passwd")
HAS_PDFTOTEXT = shutil.which("pdftotext") is not None
# Tags our HTML template writes; any other tag in a brief came from article text.
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "p", "h1", "time", "main", "section", "h2",
             "ul", "li", "span", "ol", "footer", "strong", "q", "a"}
MARKDOWN_TAGS = {"div", "h1", "h2", "p", "ul", "ol", "li", "strong", "em", "blockquote", "hr"}


def hostile_folder(folder: Path, port: int) -> Path:
    """The hostile articles of the corpus with their URLs pointing at the watched site."""
    folder.mkdir(parents=True, exist_ok=True)
    for page in (BAD / "hostile").iterdir():
        (folder / page.name).write_text(page.read_text(encoding="utf-8").replace("PORT", str(port)),
                                        encoding="utf-8")
    return folder


def pdf_text(pdf: Path) -> str:
    """The text poppler's pdftotext reads from a PDF (the test fails if it cannot read one)."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60, check=True)
    return done.stdout.decode("utf-8")


# --- 1. The bad-input corpus through the command line ------------------------------------------------


def _copy(*names: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        for name in names:
            shutil.copy(BAD / name, folder / Path(name).name)
        return [str(folder)]
    return make


def _huge(folder: Path) -> list[str]:
    with (folder / "dump.txt").open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: never read, skipped on its size
    return [str(folder / "dump.txt")]


def _binary(kind: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        pdf = html_to_pdf("<p>A real PDF with a .txt name.</p>")
        data = {"pdf": pdf, "png": b"\x89PNG\r\n\x1a\n" + bytes(200), "noise": secrets.token_bytes(5000)}[kind]
        (folder / f"{kind}.txt").write_bytes(data)
        return [str(folder / f"{kind}.txt")]
    return make


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.txt")
    return [str(folder / "pipe.txt")]


def _long_line(folder: Path) -> list[str]:
    words = " ".join(SENTENCES * 200).split()[:20_000]
    (folder / "one-line.txt").write_text(" ".join(words) + "\n", encoding="utf-8")
    return [str(folder)]


def _long_sentence(folder: Path) -> list[str]:
    run_on = " ".join(["the river rose and the council met and"] * 2500)
    (folder / "run-on.txt").write_text(f"{STORY}\n\nDivers said {run_on} nothing more.\n", encoding="utf-8")
    return [str(folder)]


def _identical(folder: Path) -> list[str]:
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(BAD / "encodings" / "story.txt", folder / name)
    return [str(folder)]


def _with_story(make: Callable[[Path], list[str]]) -> Callable[[Path], list[str]]:
    def both(folder: Path) -> list[str]:
        shutil.copy(BAD / "encodings" / "story.txt", folder / "0-story.txt")
        return [str(folder / "0-story.txt"), *make(folder)]
    return both


def _bad_filename(folder: Path) -> list[str]:
    name = os.fsdecode(b"bridge-\xff\xfe-report.txt")  # not UTF-8: a lone surrogate in Python
    (folder / name).write_text(STORY, encoding="utf-8")
    return [str(folder)]


def _escape_filename(folder: Path) -> list[str]:
    (folder / "evil\x1b]0;pwned\x07\u202e.txt").write_bytes(b"")  # sets a terminal's title if printed raw
    return [str(folder)]


# case -> (how to make its sources in an empty folder, exit code, a regex the message or brief must contain)
CASES: dict[str, tuple[Callable[[Path], list[str]], int, str]] = {
    **{f"encoding-{p.stem}": (_copy(f"encodings/{p.name}"), ExitCode.OK, "Old Quay")
       for p in sorted((BAD / "encodings").iterdir())},
    "hostile-html": (_copy("hostile/hostile.html"), ExitCode.OK, "Old Quay"),
    "hostile-markdown": (_copy("hostile/hostile.md"), ExitCode.OK, "Old Quay"),
    "hostile-text": (_copy("hostile/hostile.txt"), ExitCode.OK, "Old Quay"),
    "empty": (_copy("broken/empty.txt"), ExitCode.NO_SOURCES, "empty.txt: empty"),
    "whitespace-only": (_copy("broken/whitespace.txt"), ExitCode.NO_SOURCES, "whitespace.txt: empty"),
    "bom-only": (_copy("broken/bom-only.txt"), ExitCode.NO_SOURCES, "bom-only.txt: empty"),
    "utf16-odd-length": (_copy("broken/utf16-odd-length.txt"), ExitCode.NO_SOURCES, "cannot decode as utf-16-le"),
    "control-characters": (_copy("broken/control-characters.txt"), ExitCode.NO_SOURCES,
                           r"binary data \(\d+ control characters\)"),
    "binary-pdf-named-txt": (_binary("pdf"), ExitCode.NO_SOURCES, r"binary data \(a PDF document\)"),
    "binary-png-named-txt": (_binary("png"), ExitCode.NO_SOURCES, r"binary data \(a PNG image\)"),
    "binary-noise-named-txt": (_binary("noise"), ExitCode.NO_SOURCES, "binary data"),
    "unclosed-code-fence": (_copy("broken/unclosed-fence.md"), ExitCode.NO_SOURCES, "unclosed-fence.md: no text"),
    "site-furniture-only": (_copy("broken/furniture-only.txt"), ExitCode.NO_SOURCES, "no article text"),
    "page-without-article": (_copy("broken/no-article.html"), ExitCode.NO_SOURCES, "no article text"),
    "chinese": (_copy("language/chinese.txt"), ExitCode.NO_SOURCES, "chinese.txt: not English text"),
    "french": (_copy("language/french.txt"), ExitCode.NO_SOURCES, "french.txt: not English text"),
    "german-one-sentence": (_copy("language/german-short.txt"), ExitCode.NO_SOURCES, "not English text"),
    "english-headline-french-body": (_copy("language/mixed.txt"), ExitCode.NO_SOURCES, "not English text"),
    "story-and-chinese": (_with_story(_copy("language/chinese.txt")), ExitCode.PARTIAL, "not English text"),
    "file-of-50-mb": (_huge, ExitCode.NO_SOURCES, r"too large \(50\.0 MB; the limit is 10\.0 MB"),
    "story-and-50-mb": (_with_story(_huge), ExitCode.PARTIAL, "too large"),
    "fifo": (_fifo, ExitCode.NO_SOURCES, "pipe.txt: not a regular file"),
    "device": (lambda folder: ["/dev/zero"], ExitCode.NO_SOURCES, "/dev/zero: not a regular file"),
    "missing-file": (lambda folder: [str(folder / "gone.txt")], ExitCode.NO_SOURCES, "gone.txt: no such file"),
    "empty-folder": (lambda folder: [str(folder)], ExitCode.NO_SOURCES, "empty: no .txt, .md or .html files"),
    "line-of-20000-words": (_long_line, ExitCode.OK, "Old Quay"),
    "sentence-of-20000-words": (_long_sentence, ExitCode.OK, "Old Quay"),
    "identical-sources": (_identical, ExitCode.OK, r"\[1, 2, 3\]"),
    "file-name-not-utf8": (_bad_filename, ExitCode.OK, "bridge-"),
    "file-name-with-escape-sequences": (_escape_filename, ExitCode.NO_SOURCES,
                                        r"evil\\x1b\]0;pwned\\x07\\u202e\.txt: empty"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_case(case: str, tmp_path: Path) -> None:
    make, code, expected = CASES[case]
    if case in ("fifo", "device") and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs or devices here")
    sources = tmp_path / "in"
    sources.mkdir()
    out = tmp_path / "brief.md"
    result = CliRunner().invoke(cli, ["brief", *make(sources), "-o", str(out), "--date", "2023-06-19", "-q"])
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", result.output)  # nothing for a terminal
    shown = result.output + (out.read_text(encoding="utf-8") if out.exists() else "")
    assert markdown.markdown(shown) is not None
    assert re.search(expected, shown), shown[-2000:]
    if code == ExitCode.NO_SOURCES:
        assert not out.exists() and result.output.count("\n") == 1  # one line, nothing written


def test_no_item_is_longer_than_the_sentence_limit(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _long_line(folder)
    _long_sentence(folder)
    brief = build_brief([folder], load_options(words=400))
    assert brief.items and max(len(i.text.split()) for i in brief.items) <= load_options().limits.max_sentence_words


def test_identical_sources_give_one_brief_crediting_every_source(tmp_path: Path) -> None:
    brief = build_brief(_identical(tmp_path), load_options(words=400))
    # One text in three files: listed as copies of the first, credited with it, counted once.
    assert [s.status for s in brief.sources] == ["ok", "duplicate", "duplicate"]
    assert [s.warning for s in brief.sources[1:]] == ["same text as source 1"] * 2
    assert brief.items and all(item.sources == (1, 2, 3) for item in brief.items)
    assert " · 1 source · " in to_markdown(brief)
    texts = [item.text for item in brief.items]
    assert len(texts) == len(set(texts))


def test_total_input_limit_from_the_config_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(STORY.replace("Wexcombe", name[0].upper() + "ford"), encoding="utf-8")
    config = tmp_path / "briefer.toml"
    config.write_text(f"[limits]\nmax_total_bytes = {len(STORY.encode()) + 100}\n", encoding="utf-8")
    out = tmp_path / "b.md"
    result = CliRunner().invoke(cli, ["brief", str(folder), "--config", str(config), "-o", str(out), "-q"])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert "over the total input limit" in out.read_text(encoding="utf-8")


# --- 2. A hostile brief fetches nothing, reads no file, sends no extra mail -------------------------


@pytest.fixture
def hostile_brief(tmp_path: Path, watched_site: Site) -> tuple[Brief, str]:
    """A brief of the hostile corpus whose title also carries markup, a file URL and a header break."""
    secret = tmp_path / "secret.txt"
    token = secrets.token_hex(16)
    secret.write_text(f"SECRET-{token}\n")
    title = (f'Bridge <img src="{watched_site.url()}/title.png"> <link rel=stylesheet href="file://{secret}">'
             "\r\nBcc: victim@example.org")
    options = replace(load_options(words=600, title=title, date=None), topics=())
    brief = build_brief([hostile_folder(tmp_path / "in", watched_site.port)], options)
    return brief, f"SECRET-{token}"


def _local_secrets(token: str) -> list[str]:
    first = PASSWD.read_text(errors="replace").splitlines()[:1] if PASSWD.exists() else []
    return [token, *first]


def test_the_hostile_brief_really_carries_the_payloads(hostile_brief: tuple[Brief, str]) -> None:
    brief, _ = hostile_brief
    text = " ".join(item.text for item in (*brief.items, *([brief.bottom_line] if brief.bottom_line else [])))
    # Otherwise the tests below would prove nothing.
    for payload in ("<img src=", "<link rel=", "file:///etc/passwd", "<style>@import", "![chart](", "<iframe"):
        assert payload in text, payload
    assert "\r\nBcc:" in brief.title


def test_hostile_brief_renders_as_text_and_fetches_nothing(hostile_brief: tuple[Brief, str], tmp_path: Path,
                                                           watched_site: Site) -> None:
    brief, token = hostile_brief
    before = len(watched_site.request_lines)
    page = to_html(brief)
    tree = lxml_html.fromstring(page)
    assert {e.tag for e in tree.iter() if isinstance(e.tag, str)} <= HTML_TAGS
    assert not [a for e in tree.iter() if isinstance(e.tag, str) for a in e.attrib if a in ("src", "style")]
    # The only links are the sources' own http(s) addresses, for a reader to follow (never fetched by us), and
    # the timeline's pointers to items of the same page ("#overview-2", an id of the page).
    urls = {s.url for s in brief.sources}
    ids = {e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
    links = [e.get("href") for e in tree.iter("a")]
    inside = [h for h in links if h.startswith("#")]
    assert all(re.fullmatch(r"#[\w-]+", h) and h[1:] in ids for h in inside), inside
    assert all(h in urls and h.startswith(("http://", "https://")) for h in links if h not in inside), links
    assert not [e for e in tree.iter() if isinstance(e.tag, str) and e.tag != "a" and "href" in e.attrib]
    assert "<img src=" in tree.text_content()  # shown as text
    paths = {fmt: write_brief(brief, tmp_path / f"brief.{fmt}") for fmt in ("html", "pdf", "md", "txt", "json")}
    # A browser or any other renderer opening our HTML finds nothing to fetch either:
    from weasyprint import HTML

    HTML(filename=str(paths["html"])).write_pdf()  # weasyprint's own fetcher, the folder as base URL
    assert watched_site.request_lines[before:] == []
    lines = paths["txt"].read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("Bcc:") for line in lines)
    assert json.loads(paths["json"].read_text(encoding="utf-8"))["title"] == plain(brief.title)
    md_page = lxml_html.fromstring(f"<div>{markdown.markdown(paths['md'].read_text(encoding='utf-8'))}</div>")
    assert {e.tag for e in md_page.iter()} <= MARKDOWN_TAGS | {"a"}
    md_links = {a.get("href") for a in md_page.iter("a")}
    # The sources' own links, and the timeline's pointers to the headings of the sections ("#overview").
    assert {h for h in md_links if not h.startswith("#")} <= {s.url for s in brief.sources}
    assert all(re.fullmatch(r"#[\w-]+", h) for h in md_links if h.startswith("#"))
    if HAS_PDFTOTEXT:
        text = pdf_text(paths["pdf"])
        assert "Old Quay bridge" in text and "<img" in text
        for secret in _local_secrets(token):
            assert secret not in text


def test_the_pdf_fetcher_refuses_what_weasyprint_would_fetch(watched_site: Site, tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    page = (BAD / "hostile" / "hostile.html").read_text(encoding="utf-8").replace("PORT", str(watched_site.port))
    page = page.replace("</head>", f'<link rel="stylesheet" href="{watched_site.url()}/injected.css"></head>')
    # The control: weasyprint's default fetcher does reach the server, so a zero below means something.
    from weasyprint import HTML

    before = len(watched_site.request_lines)
    HTML(string=page).write_pdf()
    assert any(b"/injected.css" in r for r in watched_site.request_lines[before:])
    before = len(watched_site.request_lines)
    with caplog.at_level("WARNING", logger="briefer.deliver.pdf"):
        pdf = html_to_pdf(page)
    assert watched_site.request_lines[before:] == []
    refused = " ".join(r.getMessage() for r in caplog.records if r.name == "briefer.deliver.pdf")
    assert f"{watched_site.url()}/injected.css" in refused and "file:///etc/passwd" in refused
    if HAS_PDFTOTEXT:
        (tmp_path / "raw.pdf").write_bytes(pdf)
        for secret in _local_secrets("no token"):
            assert secret not in pdf_text(tmp_path / "raw.pdf")


def test_hostile_pages_and_feeds_fetched_by_url_pull_in_nothing_else(watched_site: Site, site: Site,
                                                                   tmp_path: Path) -> None:
    page = (BAD / "hostile" / "hostile.html").read_text(encoding="utf-8").replace("PORT", str(watched_site.port))
    page = page.replace("</article>", '<img src="/relative.png"><link rel="stylesheet" href="site.css"></article>')
    article = page.split("<article>")[1].split("</article>")[0] + "".join(f"<p>{s}</p>" for s in SENTENCES)
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wexcombe</title>
<item><title>Bridge &lt;img src="{watched_site.url()}/feed-title.png"&gt;\r\nBcc: victim@example.org</title>
<link>{watched_site.url()}/entry</link><content:encoded><![CDATA[{article}]]></content:encoded></item>
</channel></rss>"""
    before = len(watched_site.request_lines)
    urls = [site.set("/page", page), site.set("/feed.xml", feed, "application/rss+xml")]
    brief = build_brief(urls, replace(load_options(words=400), topics=()))
    for fmt in ("html", "pdf"):
        write_brief(brief, tmp_path / f"brief.{fmt}")
    asked = sorted(site.hits)
    assert [s.status for s in brief.sources] == ["ok", "ok"]
    assert "<img src=" in brief.sources[1].title and "\n" not in brief.sources[1].title
    assert asked == ["/feed.xml", "/page"] and watched_site.request_lines[before:] == []


def test_hostile_brief_mails_one_message_to_the_configured_recipient(hostile_brief: tuple[Brief, str],
                                                                     tmp_path: Path) -> None:
    from briefer.deliver.mail import SmtpSettings, body_from_brief, build_message, send_message, subject_for
    from tests.servers import Mailbox

    brief, _ = hostile_brief
    brief = replace(brief, title=brief.title + "\u2028Cc: other@example.org\x85To: third@example.org")
    attachment = write_brief(brief, tmp_path / "brief\r\nBcc: victim@example.org\u2028.md", "md")
    with Mailbox("none", auth=False) as mailbox:
        msg = build_message([attachment], to=["desk@example.org"], sender="Brief <brief@example.org>",
                            subject=subject_for(brief.title, brief.date),
                            body=body_from_brief(brief, [attachment.name]))
        send_message(msg, SmtpSettings(host="127.0.0.1", port=mailbox.port, security="none",
                                       sender="brief@example.org", retries=0))
        received = mailbox.wait_for(1)
    assert len(received) == 1 and received[0].rcpt_tos == ["desk@example.org"]
    got = received[0].message
    assert {k.lower() for k in got} == {"subject", "from", "to", "date", "message-id", "user-agent",
                                        "mime-version", "content-type"}
    assert got["To"] == "desk@example.org"
    assert "\n" not in str(got["Subject"]) and str(got["Subject"]).startswith("Bridge <img src=")
    names = [part.get_filename() for part in got.iter_attachments()]
    assert len(names) == 1 and all(c.isalnum() or c in "._-" for c in str(names[0]))
    html_body = got.get_body(("html",))
    assert html_body is not None
    body_tree = lxml_html.fromstring(html_body.get_content())
    assert not [e for e in body_tree.iter() if e.tag in ("img", "link", "script", "iframe", "a")]


# --- 3. Property tests: arbitrary text, HTML and bytes through the whole pipeline ------------------------

# Examples per property test in CI (4 tests, 150 in all); BRIEFER_FUZZ_EXAMPLES=1000 for a longer hunt.
_SCALE = int(os.environ.get("BRIEFER_FUZZ_EXAMPLES", "0")) or None
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                       HealthCheck.function_scoped_fixture])
# Any code point, surrogates and controls included, for what does not pass through a file's bytes.
ANY_CHAR = st.characters(codec=None, categories=None)
TAGS = ["p", "div", "span", "article", "main", "section", "h1", "h2", "a", "img", "script", "style", "link",
        "iframe", "object", "svg", "image", "base", "meta", "table", "td", "ul", "li", "br", "template", "title"]
ATTRS = ["href", "src", "style", "onerror", "srcset", "data", "content", "http-equiv", "rel", "class"]


def _escape_attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


def _html_strategy(port: int) -> st.SearchStrategy[str]:
    url = st.sampled_from([f"http://127.0.0.1:{port}/x", "file:///etc/passwd", "javascript:alert(1)",
                           f"//127.0.0.1:{port}/y", f"url(http://127.0.0.1:{port}/z)", "data:text/html,<b>x</b>"])
    value = st.one_of(url, st.text(max_size=20))
    attrs = st.lists(st.tuples(st.sampled_from(ATTRS), value), max_size=3).map(
        lambda pairs: "".join(f' {k}="{_escape_attr(v)}"' for k, v in pairs))
    text = st.one_of(st.sampled_from(SENTENCES), st.text(max_size=60), st.sampled_from(["&lt;b&gt;", "&#0;", "&"]))
    leaf = text.map(lambda t: t.replace("<", "&lt;"))
    return st.recursive(leaf, lambda inner: st.tuples(st.sampled_from(TAGS), attrs, st.lists(inner, max_size=4)).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}</{t[0]}>"), max_leaves=30)


def _spliced_story() -> st.SearchStrategy[str]:
    """The story with arbitrary text put between and inside its sentences: briefs that hold odd characters."""
    inserts = st.lists(st.tuples(st.integers(0, 10_000), st.text(max_size=40)), max_size=8)

    def splice(pairs: list[tuple[int, str]]) -> str:
        words = STORY.split(" ")
        for at, text in pairs:
            words.insert(at % len(words), text)
        return " ".join(words)

    return inserts.map(splice)


class Checker:
    """Builds and renders one example; asserts what must hold whatever the input."""

    def __init__(self, base: Path, server: Site) -> None:
        self.base = base
        self.server = server
        self.examples = 0
        self.briefs = 0
        self.pdfs = 0

    def folder(self, files: dict[str, bytes]) -> Path:
        self.examples += 1
        folder = self.base / f"ex{self.examples}"
        folder.mkdir(parents=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        return folder

    def run(self, files: dict[str, bytes], options: BriefOptions, pdf: bool) -> None:
        folder = self.folder(files)
        before = len(self.server.request_lines)
        try:
            brief = build_brief([folder], options)
        except BrieferError as exc:
            assert str(exc) and "\n" not in str(exc).strip()
            return
        self.briefs += 1
        formats = ("md", "html", "json", "txt", "pdf") if pdf else ("md", "html", "json", "txt")
        for fmt in formats:
            check_output(write_brief(brief, folder / f"brief.{fmt}", fmt), fmt, brief)
        self.pdfs += pdf
        assert self.server.request_lines[before:] == []


def check_output(path: Path, fmt: str, brief: Brief) -> None:
    """`path` is a valid file of format `fmt` holding `brief`."""
    data = path.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        if HAS_PDFTOTEXT:
            assert "Sources" in pdf_text(path)
        return
    text = data.decode("utf-8")
    if fmt == "json":
        assert json.loads(text)["title"] == plain(brief.title)
    elif fmt == "html":
        tree = lxml_html.fromstring(text)
        assert {e.tag for e in tree.iter() if isinstance(e.tag, str)} <= HTML_TAGS
        assert tree.find(".//h1").text_content() == plain(brief.title)
    elif fmt == "md":
        page = lxml_html.fromstring(f"<div>{markdown.markdown(text)}</div>")
        # The only links: the timeline's pointers to a section heading of the brief ("#overview").
        assert {e.tag for e in page.iter()} <= MARKDOWN_TAGS | {"a"}
        assert all(re.fullmatch(r"#[\w-]+", a.get("href", "")) for a in page.iter("a"))
    else:
        assert text.splitlines()[0] == plain(brief.title)


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory, watched_site: Site) -> Iterator[Checker]:
    """One Checker for every property test of the module; it reports how many examples ran."""
    running = Checker(tmp_path_factory.mktemp("fuzz"), watched_site)
    yield running
    print(f"\nfuzz: {running.examples} examples, {running.briefs} briefs written, {running.pdfs} as PDF")


SUFFIX = st.sampled_from([".txt", ".md", ".html"])
OPTIONS = st.builds(lambda title, words: replace(load_options(words=words, title=None), title=title),
                    st.text(ANY_CHAR, max_size=60), st.integers(20, 300))


@pytest.mark.slow
@settings(FUZZ, max_examples=_SCALE or 30)
@given(docs=st.lists(st.tuples(SUFFIX, st.text(max_size=3000)), min_size=1, max_size=3), options=OPTIONS,
       pdf=st.integers(0, 9))
def test_any_unicode_text(checker: Checker, docs: list[tuple[str, str]], options: BriefOptions, pdf: int) -> None:
    checker.run({f"{i}{suffix}": text.encode("utf-8", "surrogatepass") for i, (suffix, text) in enumerate(docs)},
                options, pdf == 0)


@pytest.mark.slow
@settings(FUZZ, max_examples=_SCALE or 50)
@given(docs=st.lists(st.tuples(SUFFIX, _spliced_story()), min_size=1, max_size=3), options=OPTIONS,
       pdf=st.integers(0, 9))
def test_story_with_arbitrary_text_inside(checker: Checker, docs: list[tuple[str, str]], options: BriefOptions,
                                          pdf: int) -> None:
    checker.run({f"{i}{suffix}": text.encode("utf-8", "surrogatepass") for i, (suffix, text) in enumerate(docs)},
                options, pdf == 0)


@pytest.mark.slow
@settings(FUZZ, max_examples=_SCALE or 50)
@given(data=st.data(), options=OPTIONS, pdf=st.integers(0, 9))
def test_any_html(checker: Checker, watched_site: Site, data: st.DataObject, options: BriefOptions,
                  pdf: int) -> None:
    pages = data.draw(st.lists(_html_strategy(watched_site.port), min_size=1, max_size=3))
    checker.run({f"{i}.html": f"<html><body>{p}</body></html>".encode() for i, p in enumerate(pages)},
                options, pdf == 0)


@pytest.mark.slow
@settings(FUZZ, max_examples=_SCALE or 20)
@given(docs=st.lists(st.tuples(SUFFIX, st.binary(max_size=3000)), min_size=1, max_size=3), options=OPTIONS)
def test_any_bytes(checker: Checker, docs: list[tuple[str, bytes]], options: BriefOptions) -> None:
    checker.run({f"{i}{suffix}": data for i, (suffix, data) in enumerate(docs)}, options, False)


# --- docs/robustness.md names only tests that exist, and every case of the corpus ----------------------

DOC_PREFIXES = {"R": "tests.test_robustness", "I": "tests.test_ingest", "D": "tests.test_decode",
                "Re": "tests.test_render", "M": "tests.test_mail", "F": "tests.test_fetch"}


def test_the_robustness_table_names_real_tests_and_every_case() -> None:
    import importlib

    doc = (Path(__file__).parents[1] / "docs" / "robustness.md").read_text(encoding="utf-8")
    named = re.findall(r"`case\[([\w*-]+)\]`", doc)
    for case in named:
        assert case in CASES or (case.endswith("*") and any(c.startswith(case[:-1]) for c in CASES)), case
    for case in CASES:
        assert case in named or any(n.endswith("*") and case.startswith(n[:-1]) for n in named), case
    references = re.findall(r"`(R|I|D|Re|M|F)::(\w+)`", doc)
    assert len(references) > 30
    for prefix, name in references:
        assert hasattr(importlib.import_module(DOC_PREFIXES[prefix]), name), f"{prefix}::{name}"
