"""The PDF engine: a forked worker warms weasyprint up while the brief is built, and renders what a brief would.

Every test renders real PDFs with weasyprint, in the worker and in this process, and checks that no worker
process is left behind (reaped: `waitpid` no longer knows it).
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefer.deliver import pdf as pdf_module
from briefer.deliver.pdf import InProcess, PdfEngine, PdfWorker, html_to_pdf, pdf_engine
from briefer.deliver.render import render_template, to_html, write_brief
from briefer.errors import RenderError
from briefer.model import Dated
from tests.helpers import ROOT
from tests.test_render import make_brief

needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker is forked on Linux only")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
PAGE = to_html(make_brief("The ferry sailed at dawn with forty passengers on board."), for_print=True)


def warm_up() -> str:
    return render_template("pdf-warmup.html.j2", {})


def reaped(pid: int | None) -> bool:
    """True when `pid` is no child of ours any more: it exited and was waited for, so it is no zombie."""
    assert pid is not None
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@needs_fork
@needs_poppler
def test_the_worker_renders_what_this_process_renders(tmp_path: Path) -> None:
    worker = PdfWorker(warm_up())
    from_worker = worker.render(PAGE)
    assert reaped(worker.pid)
    assert from_worker.startswith(b"%PDF-")
    text = pdf_text(from_worker, tmp_path)
    assert "forty passengers" in text and "Page 1 of 1" in text
    assert text == pdf_text(html_to_pdf(PAGE), tmp_path)


@needs_fork
@pytest.mark.skipif(shutil.which("pdftohtml") is None, reason="poppler-utils is not installed")
def test_the_workers_pdf_keeps_the_links(tmp_path: Path) -> None:
    # A source's link and a timeline row's pointer to the item above it, as any PDF reader sees them.
    brief = make_brief("The ferry sailed at dawn with forty passengers on board.")
    source = dataclasses.replace(brief.sources[0], url="https://news.example/ferry", outlet="Example News")
    brief = dataclasses.replace(brief, sources=(source, *brief.sources[1:]),
                                timeline=(Dated("", "2023-06-18", (1,), ref="overview-1"),))
    links = {}
    engines: dict[str, PdfEngine] = {"worker": PdfWorker(warm_up()), "here": InProcess()}
    for how, engine in engines.items():
        written = write_brief(brief, tmp_path / f"{how}.pdf", pdf=engine)
        xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", str(written)], capture_output=True, text=True,
                             check=True).stdout
        links[how] = re.findall(r'<a href="[^"]*?(#\d+|https://[^"]+)">([^<]*)</a>', xml)
    assert ("#1", "Overview, item 1") in links["worker"]
    assert ("https://news.example/ferry", "a.txt") in links["worker"]
    assert links["worker"] == links["here"]


@needs_fork
def test_the_workers_log_lines_reach_the_parent(caplog: pytest.LogCaptureFixture) -> None:
    # weasyprint asks our fetcher for the image in the worker; the refusal is logged there and shown here.
    page = '<p>A bridge <img src="file:///etc/hostname"></p>'
    with caplog.at_level(logging.WARNING, logger="briefer.deliver.pdf"):
        out = PdfWorker(warm_up()).render(page)
    assert out.startswith(b"%PDF-")
    refused = [r.getMessage() for r in caplog.records if r.name == "briefer.deliver.pdf"]
    assert refused == ["refused to fetch 'file:///etc/hostname' while rendering the PDF"]


@needs_fork
def test_a_log_line_that_cannot_cross_does_not_lose_the_pdf(monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    render_here = pdf_module.html_to_pdf

    def logging_a_lock(page: str, font_config: object = None) -> bytes:
        if "Warm-up page" not in page:
            logging.getLogger("briefer.deliver.pdf").warning("with a lock", extra={"lock": threading.Lock()})
        return render_here(page, font_config)

    monkeypatch.setattr(pdf_module, "html_to_pdf", logging_a_lock)
    worker = PdfWorker(warm_up())
    with caplog.at_level(logging.DEBUG, logger="briefer.deliver.pdf"):
        assert worker.render(PAGE).startswith(b"%PDF-") and reaped(worker.pid)
    said = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("PDF rendered by the worker process") for m in said), said  # not rendered here instead


@needs_fork
def test_a_failure_in_the_worker_is_a_render_error(monkeypatch: pytest.MonkeyPatch) -> None:
    render_here = pdf_module.html_to_pdf

    def failing(page: str, font_config: object = None) -> bytes:
        if "explode" in page:
            raise ValueError("the layout exploded")
        return render_here(page, font_config)

    monkeypatch.setattr(pdf_module, "html_to_pdf", failing)  # forked: the worker has it too
    worker = PdfWorker(warm_up())
    with pytest.raises(RenderError, match=r"could not render the PDF: ValueError: the layout exploded"):
        worker.render("<p>explode</p>")
    assert reaped(worker.pid)


@needs_fork
def test_a_failed_warm_up_is_reported_when_the_page_comes(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_library() -> None:
        raise OSError("cannot load library 'libpango-1.0.so.0'")

    monkeypatch.setattr(pdf_module, "import_weasyprint", no_library)
    worker = PdfWorker(warm_up())
    with pytest.raises(RenderError, match=r"OSError: cannot load library 'libpango-1\.0\.so\.0'"):
        worker.render(PAGE)
    assert reaped(worker.pid)


@needs_fork
def test_a_worker_that_dies_is_replaced_by_rendering_here(caplog: pytest.LogCaptureFixture) -> None:
    worker = PdfWorker(warm_up())
    assert worker.pid is not None
    os.kill(worker.pid, signal.SIGKILL)
    with caplog.at_level(logging.WARNING, logger="briefer.deliver.pdf"):
        out = worker.render(PAGE)
    assert out.startswith(b"%PDF-") and reaped(worker.pid)
    assert any("stopped without a PDF (exit code -9)" in r.getMessage() for r in caplog.records)


@needs_fork
def test_a_worker_that_hangs_is_ended_and_the_page_rendered_here(monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    render_here = pdf_module.html_to_pdf

    def stuck_warming_up(page: str, font_config: object = None) -> bytes:
        if "Warm-up page" in page:
            time.sleep(120)
        return render_here(page, font_config)

    monkeypatch.setattr(pdf_module, "html_to_pdf", stuck_warming_up)
    monkeypatch.setattr(pdf_module, "WORKER_TIMEOUT", 1.0)
    worker = PdfWorker(warm_up())
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="briefer.deliver.pdf"):
        out = worker.render(PAGE)
    assert out.startswith(b"%PDF-") and reaped(worker.pid) and time.monotonic() - started < 30
    assert any("stopped without a PDF (exit code -15)" in r.getMessage() for r in caplog.records)


@needs_fork
def test_a_worker_not_needed_is_ended_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The brief failed to build: the worker, perhaps still importing weasyprint, is ended and reaped.
    monkeypatch.setattr(pdf_module, "can_fork", lambda: True)  # servers of other tests may run threads here
    started = time.monotonic()
    with pytest.raises(RuntimeError), pdf_engine(warm_up()) as engine:
        assert isinstance(engine, PdfWorker)
        pid = engine.pid
        raise RuntimeError("no usable source")
    assert reaped(pid) and time.monotonic() - started < 10


@needs_fork
def test_a_worker_whose_parent_is_killed_exits_by_itself(tmp_path: Path) -> None:
    code = ("import os, signal, sys\n"
            "from briefer.deliver.pdf import PdfWorker\n"
            "worker = PdfWorker('<p>warm</p>')\n"
            "print(worker.pid, flush=True)\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == -signal.SIGKILL, done.stderr
    status = Path(f"/proc/{int(done.stdout)}/status")
    deadline = time.monotonic() + 30  # it may still be importing weasyprint before it reads the closed pipe
    while status.exists() and time.monotonic() < deadline:
        try:
            if "\nState:\tZ" in status.read_text():
                break  # exited; only waiting for init to reap it
        except OSError:
            break
        time.sleep(0.1)
    running = status.exists() and "\nState:\tZ" not in status.read_text()
    if running:
        os.kill(int(done.stdout), signal.SIGKILL)  # leave nothing behind, even when failing
    assert not running, "the orphaned worker still runs"


def test_without_fork_the_pdf_is_rendered_in_this_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    with pdf_engine(warm_up()) as engine:
        assert isinstance(engine, InProcess)
        out = write_brief(make_brief(), tmp_path / "brief.pdf", pdf=engine)
    assert out.read_bytes().startswith(b"%PDF-")
    with pdf_engine("", wanted=False) as engine:
        assert engine is None


def test_a_forked_worker_waits_for_a_single_threaded_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # Another thread could hold a lock at the fork and leave the worker stuck: render here instead.
    monkeypatch.setattr(pdf_module.threading, "active_count", lambda: 2)
    with pdf_engine(warm_up()) as engine:
        assert isinstance(engine, InProcess)


@needs_fork
def test_weasyprint_imports_without_running_a_program() -> None:
    # ctypes' library search runs ldconfig, gcc and ld for every guessed name weasyprint tries; it is skipped.
    code = ("import subprocess, ctypes.util\n"
            "search = ctypes.util.find_library\n"
            "runs = []\n"
            "start = subprocess.Popen.__init__\n"
            "def counted(self, *a, **k):\n"
            "    runs.append(a[0] if a else k.get('args'))\n"
            "    start(self, *a, **k)\n"
            "subprocess.Popen.__init__ = counted\n"
            "from briefer.deliver.pdf import import_weasyprint\n"
            "import_weasyprint()\n"
            "assert ctypes.util.find_library is search, 'the search was not put back'\n"
            "print(len(runs))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


@needs_fork
@needs_poppler
def test_the_cli_renders_its_pdf_in_the_worker_and_leaves_no_process(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    story = ROOT / "tests" / "data" / "story2"
    done = subprocess.run([sys.executable, "-m", "briefer", "brief", str(story), "-vv",
                           "-o", str(out)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "PDF rendered by the worker process" in done.stderr
    assert "Page 1 of" in pdf_text(out.read_bytes(), tmp_path)
    # No process of that run is left: the worker is forked, so it would carry the same command line.
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            assert str(out).encode() not in cmdline, f"process {proc.name} of the run is still there"


@needs_poppler
@pytest.mark.skipif(not (ROOT.parent / "shared" / "seeds").exists(), reason="../shared/seeds is not present")
def test_a_last_page_that_would_be_mostly_blank_is_pulled_back(tmp_path: Path) -> None:
    from briefer.config import load_options
    from briefer.pipeline import build_brief

    # The seeds' brief with as many of its key quotes as make it spill the least onto a third page (a few source
    # lines and the footer), laid out as the stylesheet says.
    brief = build_brief([ROOT.parent / "shared" / "seeds"], load_options())
    weasyprint = pdf_module.import_weasyprint()
    spills = []
    for k in range(len(brief.quotes) + 1):
        page = to_html(dataclasses.replace(brief, quotes=brief.quotes[:k]), for_print=True)
        laid_out = weasyprint.HTML(string=page, base_url=None).render()
        if len(laid_out.pages) == 3:
            spills.append((pdf_module._filled(laid_out.pages[-1]), k, page))
    assert spills, "no number of key quotes makes the seeds' brief spill onto a third page"
    filled, _, page = min(spills)
    assert filled < pdf_module.MOSTLY_BLANK
    out = tmp_path / "seeds.pdf"
    out.write_bytes(html_to_pdf(page))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M), info
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "voanews" in text and "Generated" in text  # nothing left out to make it fit
