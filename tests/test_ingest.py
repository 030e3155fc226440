"""Sources to documents: folders, limits, special files, Markdown and HTML extraction, the language check."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from briefer.config import Limits
from briefer.errors import SourceError
from briefer.model import RawSource
from briefer.read.ingest import _markdown_blocks, expand, read_sources, to_document

BAD = Path(__file__).parent / "data" / "bad"
STORY = (BAD / "encodings" / "story.txt").read_text(encoding="utf-8")
LIMITS = Limits()


def _reason(path: Path, limits: Limits = LIMITS) -> str:
    corpus = read_sources([path], limits)
    assert len(corpus.sources) == 1
    return corpus.sources[0].warning if corpus.sources[0].skipped else "ok"


def test_folders_expand_to_their_text_files_sorted_without_hidden_ones(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html", "d.pdf", "e.docx", ".hidden.txt", "sub/f.htm", ".git/g.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand([tmp_path])]
    assert found == ["a.txt", "b.md", "c.html", "sub/f.htm"]


def test_a_source_over_the_size_limit_is_skipped_unread(tmp_path: Path) -> None:
    huge = tmp_path / "dump.txt"
    with huge.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, nothing on disk, and never read
    started = time.monotonic()
    assert _reason(huge) == f"{huge}: too large (50.0 MB; the limit is 10.0 MB, set limits.max_source_bytes)"
    assert time.monotonic() - started < 1.0


def test_the_size_limit_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    assert "too large" in _reason(tmp_path / "story.txt", Limits(max_source_bytes=500))
    assert _reason(tmp_path / "story.txt", Limits(max_source_bytes=5000)) == "ok"


def test_the_total_input_limit_skips_the_sources_past_it(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    size = (tmp_path / "a.txt").stat().st_size
    corpus = read_sources([tmp_path], Limits(max_total_bytes=2 * size + 10))
    assert [s.status for s in corpus.sources] == ["ok", "ok", "failed"]
    assert "over the total input limit" in corpus.sources[2].warning
    assert "limits.max_total_bytes" in corpus.sources[2].warning


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert _reason(fifo) == f"{fifo}: not a regular file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused() -> None:
    assert _reason(Path("/dev/zero")) == "/dev/zero: not a regular file"


def test_missing_files_are_skipped_with_their_reason(tmp_path: Path) -> None:
    assert _reason(tmp_path / "gone.txt") == f"{tmp_path / 'gone.txt'}: no such file"


def _warning_as_nobody(path: Path) -> str:
    """The skip reason for `path` as read by the unprivileged user "nobody" (root reads any file)."""
    read_sources([path.with_name("readable.txt")], LIMITS)  # import every lazy module while still root
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child drops root, reads, reports through the pipe and leaves without cleanup
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            os.write(write_end, read_sources([path], LIMITS).sources[0].warning.encode())
        except BaseException as exc:
            os.write(write_end, repr(exc).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(pid, 0)
    return message


def test_unreadable_files_are_skipped_with_their_reason(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(STORY)
    (tmp_path / "readable.txt").write_text(STORY)
    locked.chmod(0)
    warning = _warning_as_nobody(locked) if os.geteuid() == 0 else read_sources([locked], LIMITS).sources[0].warning
    assert warning == f"{locked}: cannot read: Permission denied"


def _skips_as_nobody(folder: Path) -> str:
    """Each source of `folder` as "status: warning" lines, as read by the unprivileged user "nobody"."""
    read_sources([BAD / "encodings" / "story.txt"], LIMITS)  # import every lazy module while still root
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            lines = [f"{s.status}: {s.warning}" for s in read_sources([folder], LIMITS).sources]
            os.write(write_end, "\n".join(lines).encode())
        except BaseException as exc:
            os.write(write_end, repr(exc).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(pid, 0)
    return message


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become the user nobody")
def test_unreadable_folders_are_listed_as_skipped_with_their_reason() -> None:
    with tempfile.TemporaryDirectory() as where:  # pytest's tmp_path is in a folder only root may enter
        _check_unreadable_folders(Path(where))


def _check_unreadable_folders(tmp_path: Path) -> None:
    top = tmp_path / "desk"
    (top / "locked").mkdir(parents=True)
    (top / "a.txt").write_text(STORY)
    (top / "locked" / "b.txt").write_text(STORY)
    (top / "locked").chmod(0o700)  # root's: nobody cannot list it
    tmp_path.chmod(0o755)
    top.chmod(0o755)
    assert _skips_as_nobody(top) == f"ok: \nfailed: {top / 'locked'}: cannot read the folder: Permission denied"
    top.chmod(0o700)  # the top folder itself: permission denied, not "no sources given"
    assert _skips_as_nobody(top) == f"failed: {top}: cannot read the folder: Permission denied"


def test_deeply_nested_folders_are_walked_without_recursion() -> None:
    # Its own temporary folder, emptied level by level: shutil.rmtree (and so pytest's tmp_path clean-up)
    # recurses and fails on 1,200 levels.
    deep = Path(tempfile.mkdtemp())
    levels = [deep]
    try:
        for _ in range(1_200):
            levels.append(levels[-1] / "d")
            levels[-1].mkdir()
        (levels[-1] / "story.txt").write_text(STORY)
        (deep / "top.txt").write_text(STORY)
        assert expand([deep]) == [levels[-1] / "story.txt", deep / "top.txt"]
        corpus = read_sources([deep], LIMITS)
        assert [s.status for s in corpus.sources] == ["ok", "ok"]
    finally:
        for level in reversed(levels):
            for child in level.iterdir():
                if not child.is_dir():
                    child.unlink()
            level.rmdir()


def test_skipped_sources_keep_their_place_and_number(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text(STORY.replace("Wexcombe", "Ashford"))
    corpus = read_sources([tmp_path], LIMITS)
    assert [(s.id, s.name, s.status) for s in corpus.sources] == [(1, "a.txt", "ok"), (2, "b.txt", "failed"),
                                                                   (3, "c.txt", "ok")]
    assert [d.source.id for d in corpus.documents] == [1, 3]


def test_hard_wrapped_text_is_joined_in_linear_time(tmp_path: Path) -> None:
    # Joining by string concatenation took 47 s for 20,000 wrapped lines and doubled with every doubling.
    (tmp_path / "wrapped.txt").write_text(STORY + "\n\n" + "\n".join(f"and line {i} goes on" for i in range(100_000)))
    started = time.monotonic()
    corpus = read_sources([tmp_path / "wrapped.txt"], LIMITS)
    assert time.monotonic() - started < 5.0
    assert corpus.documents[0].paragraphs[-1].count("goes on") == 100_000


# --- Markdown ------------------------------------------------------------------------------------

MARKDOWN = """Bridge closed
=============

Intro with a [link](http://x.test/a "t"), ![a photo](http://x.test/i.png) and <img src="http://x.test/p">,
*emphasis*, **strong**, `code`, snake_case_name, 3 * 4, \\*stars\\* and &amp; entities.
<script>alert(1)</script> then <http://auto.test/x> and a [reference][r] and [a link](http://x.test/a_(b)).

[r]: http://x.test/r

> A pull quote is left out.

- first item
  continued on a second line
* second item
1. numbered

2023. It was a year.

A paragraph line
2023. continues it.

```
code is left out
```
<!-- a comment
over two lines -->
## Sub heading ##
"""


def test_markdown_becomes_plain_blocks() -> None:
    title, blocks = _markdown_blocks(MARKDOWN)
    assert title == "Bridge closed"
    assert blocks == [
        "Bridge closed",
        "Intro with a link, and , emphasis, strong, code, snake_case_name, 3 * 4, *stars* and & entities. "
        "alert(1) then http://auto.test/x and a reference and a link.",
        "first item continued on a second line",
        "second item",
        "numbered",
        "It was a year.",
        "A paragraph line 2023. continues it.",
        "Sub heading",
    ]


def test_markdown_escaped_markup_stays_text() -> None:
    _, blocks = _markdown_blocks('A crack &lt;img src="http://x.test/p"&gt; and \\<b\\> here.')
    assert blocks == ['A crack <img src="http://x.test/p"> and <b> here.']


@pytest.mark.parametrize("bomb", [
    "[" * 50_000,  # python-markdown: 500 s
    "".join("  " * i + "- x\n" for i in range(3000)),  # python-markdown: RecursionError after 280 s
    ">" * 50_000,
    "*a" * 50_000,
    "<a " * 50_000,
    "<!--" * 50_000,
    "[a](" + "x(" * 50_000,
    "![" * 50_000,
    "#" + " " * 100_000 + "x",
    "word\n" * 200_000,
])
def test_hostile_markdown_is_read_in_linear_time(bomb: str) -> None:
    started = time.monotonic()
    _markdown_blocks(bomb + "\n\n" + STORY)
    assert time.monotonic() - started < 2.0


def test_an_unclosed_code_fence_hides_the_rest_and_says_so() -> None:
    assert "no text" in _reason(BAD / "broken" / "unclosed-fence.md")


# --- HTML -----------------------------------------------------------------------------------------


def test_html_extraction_keeps_text_and_drops_markup() -> None:
    page = (BAD / "hostile" / "hostile.html").read_bytes()
    doc = to_document(RawSource("hostile.html", "hostile.html", page, "text/html"), 1, LIMITS)
    text = "\n".join(doc.paragraphs)
    assert "Old Quay bridge" in text
    assert "fetch(" not in text and "@font-face" not in text and "onerror" not in text  # scripts, styles
    assert '<img src="http://127.0.0.1:PORT/escaped.png">' in text  # escaped in the page: text, not markup


def test_a_page_without_text_names_the_file() -> None:
    page = b"<!DOCTYPE html><html><head><script>var a = 1;</script></head><body><img src=x.png></body></html>"
    with pytest.raises(SourceError, match=r"^/in/page\.html: no article text found in the HTML page$"):
        to_document(RawSource("/in/page.html", "page.html", page, "text/html"), 1, LIMITS)


def test_absurdly_nested_html_is_skipped_not_a_crash(tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * 100_000 + STORY + "</div>" * 100_000 + "</body></html>")
    assert _reason(page).startswith(f"{page}: ")


# --- Language ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["chinese.txt", "french.txt", "german-short.txt", "mixed.txt"])
def test_articles_not_in_english_are_skipped(name: str) -> None:
    path = BAD / "language" / name
    assert _reason(path) == f"{path}: not English text (briefer briefs English articles only)"


def test_short_english_passes_the_language_check(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Crews used boats to reach families trapped in the low-lying district.")
    assert _reason(tmp_path / "short.txt") == "ok"


def test_a_huge_junk_block_does_not_decide_the_language(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("[" * 50_000 + "\n\n" + STORY)
    assert _reason(tmp_path / "a.md") == "ok"


@pytest.mark.parametrize("name", sorted(p.name for p in (BAD / "encodings").iterdir()))
def test_every_encoding_of_the_story_is_usable(name: str) -> None:
    corpus = read_sources([BAD / "encodings" / name], LIMITS)
    assert corpus.documents and any("Old Quay bridge" in p for p in corpus.documents[0].paragraphs)
