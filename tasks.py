"""Developer tasks (pyinvoke): `invoke --list`."""

from __future__ import annotations

import sys

from invoke import Context, task

PY = sys.executable


@task
def test(c: Context, quality: bool = False) -> None:
    """Run the test suite on every core (with --quality: only the ROUGE quality gate)."""
    c.run(f"{PY} -m pytest -n auto {'-m quality' if quality else ''}", pty=False)


@task
def lint(c: Context) -> None:
    """ruff and mypy over the package."""
    c.run(f"{PY} -m ruff check briefer tests tasks.py")
    c.run(f"{PY} -m mypy briefer")


SAMPLE = "examples/blinken-beijing-2023"


@task
def sample(c: Context, picture: bool = False) -> None:
    """Brief the bundled sample story into out/ as Markdown and PDF, as README command 1 does (with --picture:
    also redraw the README's picture, docs/brief-page1.png, from the PDF's first page with pdftoppm)."""
    for fmt in ("md", "pdf"):
        c.run(f"{PY} -m briefer brief {SAMPLE} --date 2023-06-19 --topics {SAMPLE}/topics.toml --format {fmt}")
    if picture:
        c.run("pdftoppm -png -r 80 -f 1 -l 1 -singlefile out/brief-2023-06-19.pdf docs/brief-page1")


@task
def eval(c: Context, dataset: str = "../shared/eval/duc2004/dev", words: int = 100) -> None:
    """ROUGE evaluation on a DUC-style dataset (default: DUC 2004 dev at 100 words)."""
    c.run(f"{PY} -m briefer eval {dataset} --words {words}")


@task
def bench(c: Context, quick: bool = False, digest: bool = False, seeds_only: bool = False) -> None:
    """Speed and memory benchmark against sumy (--quick: one run each, LexRank only; --digest: `briefer digest` on
    1,000-10,000 articles instead; --seeds-only: start-up and the seeds' PDF against their Markdown, about a
    minute); writes docs/performance.md."""
    if digest:
        c.run(f"{PY} bench/digest_bench.py")
        return
    c.run(f"{PY} bench/run.py{' --quick' if quick else ''}{' --seeds-only' if seeds_only else ''}")
