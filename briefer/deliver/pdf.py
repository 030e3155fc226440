"""HTML to PDF with weasyprint: fetching nothing, imported quickly, and warmed up in a worker while the brief is built.

A PDF brief used to cost about a second more than the Markdown one (docs/performance.md), nearly all of it
weasyprint's start: its import (cffi parsing pango's declarations, fontTools, Pillow), a library search
that ran about twenty subprocesses (see `import_weasyprint`), and the first layout (fontconfig's font list,
cffi parsing each C type on first use). Two things cut it:

1. `import_weasyprint` skips the subprocesses (less CPU and wall time everywhere a PDF is made);
2. `pdf_engine` starts a forked worker at the beginning of a run that will write a PDF: it imports
   weasyprint and renders a small warm-up page while the parent reads and summarises the sources, then
   renders the one page it is sent. On a machine with a free core the PDF then costs the layout of the
   brief itself. Where fork is unavailable (Windows, macOS, a process with threads) the page is rendered in
   this process, as before. The worker's log lines are re-emitted in the parent; its failure to render is a
   `RenderError`; a worker that dies or hangs is ended and the page rendered here instead.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import logging
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, cast

from briefer.errors import RenderError

if TYPE_CHECKING:  # multiprocessing is imported only where a PDF is made: a Markdown run does not pay for it
    from multiprocessing.connection import Connection

log = logging.getLogger(__name__)

# How long the parent waits for the worker to be ready, then for its PDF, before ending it and rendering in this
# process. A 1,000-source brief lays out in about 5 s; only a hung worker comes near this.
WORKER_TIMEOUT = 300.0
# The worker's word that it is warm (or failed to warm up) and waits for the page.
READY = "ready"
# How long a worker that is no longer needed gets to exit after its pipe is closed, before it is terminated.
STOP_GRACE = 2.0


def _not_found(name: str) -> None:
    """A ctypes library search that finds nothing, at once (see `import_weasyprint`)."""
    return None


def import_weasyprint() -> ModuleType:
    """weasyprint, imported without ctypes' library search on Linux (0.4 s wall, 0.2 s CPU saved).

    weasyprint opens pango, harfbuzz, fontconfig and gobject by trying several names for each; cffi hands every
    name that is not a loadable file ("libpango-1.0-0") to `ctypes.util.find_library`, which on Linux runs
    `ldconfig -p`, gcc and ld as subprocesses: about twenty of them per import. Each list also holds the
    library's soname ("libpango-1.0.so.0"), which the dynamic loader finds by itself, so during the import the
    search answers "not found" at once. If the import fails that way, it is tried again with the search as it
    was (and weasyprint's own advice about missing libraries is printed then).
    """
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        return importlib.import_module("weasyprint")
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = _not_found
    try:
        # weasyprint prints installation advice on stdout when a library is missing: only on the second try.
        with contextlib.redirect_stdout(io.StringIO()):
            return importlib.import_module("weasyprint")
    except (OSError, ImportError) as exc:
        log.debug("weasyprint did not import without the library search (%s); trying with it", exc)
    finally:
        ctypes.util.find_library = search
    return importlib.import_module("weasyprint")


# A last page filled less than this is mostly blank (the seeds' brief put two source lines and the footer on a third
# page): the page is laid out again a little tighter, and that layout kept when it needs a page fewer.
MOSTLY_BLANK = 0.25
_TIGHTER = "<style>body { line-height: 1.35; }</style>"  # from 1.45 (templates/brief.css)


def html_to_pdf(page: str, font_config: Any = None) -> bytes:
    """A PDF of an HTML page, fetching nothing: no base URL, and every URL (http, file, data) refused; with no
    mostly blank last page when a tighter layout avoids it."""
    weasyprint = import_weasyprint()
    document = weasyprint.HTML(string=page, base_url=None, url_fetcher=_no_fetch()).render(font_config=font_config)
    if len(document.pages) > 1 and _filled(document.pages[-1]) < MOSTLY_BLANK and "</head>" in page:
        tighter = weasyprint.HTML(string=page.replace("</head>", f"{_TIGHTER}</head>", 1), base_url=None,
                                  url_fetcher=_no_fetch()).render(font_config=font_config)
        if len(tighter.pages) < len(document.pages):
            document = tighter
    return bytes(document.write_pdf())


def _filled(page: Any) -> float:
    """How much of a laid-out page's body its lines fill, top to bottom (0-1)."""
    from weasyprint.formatting_structure import boxes

    box = page._page_box  # weasyprint's layout of the page: its margin boxes (page numbers) are left out
    top, height = box.margin_top, box.height
    bottom = max((line.position_y + line.height for child in box.children if not isinstance(child, boxes.MarginBox)
                  for line in child.descendants() if isinstance(line, boxes.LineBox)), default=top)
    return float((bottom - top) / height) if height else 1.0


def _no_fetch() -> Any:
    """A weasyprint URL fetcher that refuses every URL: the brief is self-contained by construction."""
    import_weasyprint()
    from weasyprint.urls import URLFetcher

    class NoFetch(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            # Our own pages hold no URL, so a refusal means markup slipped through: say so in briefer's log.
            log.warning("refused to fetch %r while rendering the PDF", url[:200])
            raise ValueError(f"briefer renders offline; refused to fetch {url[:80]!r}")

    return NoFetch()


# The worker's answer: ("pdf", bytes) or ("error", message), its log records, and the CPU seconds the page took.
_Reply = tuple[str, Any, list[logging.LogRecord], float]


class PdfEngine(Protocol):
    """Something that turns one HTML page into PDF bytes."""

    def render(self, page: str) -> bytes:
        """The PDF of `page`."""
        ...


class InProcess:
    """Renders in this process (where no worker can be forked)."""

    def render(self, page: str) -> bytes:
        """The PDF of `page`, rendered here."""
        return html_to_pdf(page)


class PdfWorker:
    """A forked process that imports weasyprint and renders `warm_up` at once, then renders one page it is sent."""

    def __init__(self, warm_up: str) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self._conn, warm_up), name="briefer-pdf",
                                        daemon=True)
        self._process.start()  # flushes stdout and stderr before forking, so nothing is written twice
        child.close()
        self._answered = False

    @property
    def pid(self) -> int | None:
        """The worker's process id."""
        return self._process.pid

    def render(self, page: str) -> bytes:
        """The PDF of `page`, from the worker; rendered here if the worker died or hung."""
        asked = time.perf_counter()
        reply = self._ask(page)
        self.close()
        if reply is None:
            return html_to_pdf(page)
        kind, value, records, cpu = reply
        for record in records:
            logging.getLogger(record.name).handle(record)
        if kind == "error":
            raise RenderError(f"could not render the PDF: {value}")
        log.debug("PDF rendered by the worker process in %.2f s of CPU, %.2f s after the page was sent", cpu,
                  time.perf_counter() - asked)
        return bytes(value)

    def _ask(self, page: str) -> _Reply | None:
        """Send the page once the worker is ready, and wait for the answer; None (logged) when none can come."""
        try:
            # The worker says when it is warm: the page is sent to a worker waiting for it, so a large page never
            # blocks the parent on a worker stuck before reading it.
            if self._receive() == READY:
                self._conn.send(page)
                answer = self._receive()
                if answer is not None:
                    self._answered = True
                    return cast(_Reply, answer)
        except (EOFError, OSError):
            pass
        self.close()
        log.warning("the PDF worker stopped without a PDF (exit code %s); rendering in this process",
                    self._process.exitcode)
        return None

    def _receive(self) -> object:
        """The worker's next message; None when it exits without one or takes longer than WORKER_TIMEOUT."""
        deadline = time.monotonic() + WORKER_TIMEOUT
        while not self._conn.poll(0.5):
            # A message sent just before the worker exited is still read: poll once more after seeing it gone.
            if (not self._process.is_alive() and not self._conn.poll(0)) or time.monotonic() > deadline:
                return None
        message: object = self._conn.recv()
        return message

    def close(self) -> None:
        """End the worker (whether or not it rendered) and reap it: no process is left behind."""
        self._conn.close()
        # A worker that answered is exiting by itself; one that did not (unused, or hung) is ended at once.
        self._process.join(STOP_GRACE if self._answered else 0)
        if self._process.exitcode is None:
            self._process.terminate()
            self._process.join()


def _serve(conn: Connection, parent_end: Connection, warm_up: str) -> None:
    """The worker: warm up, take one page, send back the PDF or the error (a `_Reply`)."""
    # Without the parent's end of the pipe here, the worker sees the end of the pipe when the parent dies (even
    # killed), and exits instead of waiting for a page forever.
    parent_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it ends the worker
    records: list[logging.LogRecord] = []
    _keep_log_records(records)
    font_config: Any = None
    failure: str | None = None
    try:
        import_weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        font_config = FontConfiguration()  # fontconfig's font list, read once for both pages
        html_to_pdf(warm_up, font_config)
    except Exception as exc:  # reported when the page comes, like the same failure in the parent would be
        failure = f"{type(exc).__name__}: {exc}"
    records.clear()  # the warm-up's log lines are not the brief's
    try:
        conn.send(READY)
        page = conn.recv()
    except (EOFError, OSError):  # the parent needs no PDF after all
        return
    started = time.process_time()
    try:
        if failure is not None:
            raise RenderError(failure)
        reply: _Reply = ("pdf", html_to_pdf(page, font_config), records, time.process_time() - started)
    except Exception as exc:
        message = str(exc) if isinstance(exc, RenderError) else f"{type(exc).__name__}: {exc}"
        reply = ("error", message, records, time.process_time() - started)
    try:
        conn.send(reply)
    except OSError:  # the parent is gone
        pass
    except Exception:  # a log record that does not pickle (an `extra` field): the PDF matters more than the log
        with contextlib.suppress(OSError):
            conn.send((reply[0], reply[1], [], reply[3]))
    conn.close()


class _Keep(logging.Handler):
    """Keeps the worker's log records, made picklable, for the parent to emit through its own handlers."""

    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__()
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info))
            record.exc_info = None
        self.records.append(record)


def _keep_log_records(records: list[logging.LogRecord]) -> None:
    """Send every log record of the worker to `records` instead of the handlers it inherited."""
    root = logging.getLogger()
    root.handlers = [_Keep(records)]


def can_fork() -> bool:
    """Whether a worker may be forked here: Linux with fork, and no other thread that could hold a lock."""
    import multiprocessing

    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


@contextlib.contextmanager
def pdf_engine(warm_up: str, *, wanted: bool = True) -> Iterator[PdfEngine | None]:
    """A PDF engine warming up from now on: a forked worker when possible, else in-process; None when not wanted.

    Open it before the long work (building the brief); the worker is ended when the block exits, rendered or not.
    """
    if not wanted:
        yield None
        return
    if not can_fork():
        yield InProcess()
        return
    try:
        worker = PdfWorker(warm_up)
    except OSError as exc:  # no process could be made (limits): render here
        log.debug("no PDF worker (%s); rendering in this process", exc)
        yield InProcess()
        return
    try:
        yield worker
    finally:
        worker.close()
