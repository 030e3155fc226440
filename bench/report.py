"""The benchmark's report: tables, the issue's targets (met or not, in numbers) and a log-log plot.

`write(session, out)` replaces the text between the bench markers of `out` (the rest of the
page is prose kept by hand) and saves the plot beside it as <out stem>.png.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
SUMMARIZE, BRIEF_MD, FLOOR, LEXRANK = "briefer summarize", "briefer brief (md)", "floor (read + split)", "sumy LexRank"


@dataclass(frozen=True, slots=True)
class Session:
    """Everything one benchmark run measured."""

    results: list[dict[str, Any]]  # bench.run.Result as dicts
    extras: dict[str, float]
    runs: int
    timeout: float
    load: tuple[tuple[float, float, float], tuple[float, float, float]]
    cpus: int
    minutes: float
    src: str
    quick: bool


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def _cell(result: dict[str, Any], timeout: float, key: str = "seconds") -> str:
    if result["status"] == "timeout":
        return f"> {timeout:.0f} s" if key == "seconds" else "-"
    if result["status"] == "skipped":
        return f"> {timeout:.0f} s (not run)" if key == "seconds" else "-"
    if result["status"] == "failed" or not result[key]:
        return "failed"
    value = _median(result[key])
    if key == "rss_mb":
        return f"{value:.0f}"
    runs = len(result["seconds"])
    return f"{value:.2f}" + (f" ({runs} run{'s' if runs > 1 else ''})" if runs != 3 else "")


def _table(session: Session, key: str) -> list[str]:
    sizes = sorted({r["sentences"] for r in session.results})
    names = list(dict.fromkeys(r["system"] for r in session.results))
    by = {(r["system"], r["sentences"]): r for r in session.results}
    head = "| system | " + " | ".join(f"{n:,} sentences" for n in sizes) + " |"
    rows = [head, "|---|" + "---:|" * len(sizes)]
    for name in names:
        rows.append(f"| {name} | " + " | ".join(_cell(by[name, n], session.timeout, key) for n in sizes) + " |")
    return rows


def _time(session: Session, system: str, n: int) -> tuple[float, str]:
    """Median seconds and status of one system at one size (nan when absent)."""
    for r in session.results:
        if r["system"] == system and r["sentences"] == n:
            return _median(r["seconds"]), r["status"]
    return math.nan, "absent"


def _rss(session: Session, system: str, n: int) -> float:
    for r in session.results:
        if r["system"] == system and r["sentences"] == n:
            return _median(r["rss_mb"])
    return math.nan


def targets(session: Session) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each target of issue 5; met is None when it was not measured."""
    out: list[tuple[str, str, bool | None]] = []
    ours, _ = _time(session, SUMMARIZE, 3000)
    peer, peer_status = _time(session, LEXRANK, 3000)
    if peer_status in ("timeout", "skipped"):
        ratio = session.timeout / ours
        out.append(("3,000 sentences: summarize >= 50x faster than sumy LexRank", f"> {ratio:.0f}x",
                    None if math.isnan(ratio) else ratio >= 50))
    else:
        ratio = peer / ours
        out.append(("3,000 sentences: summarize >= 50x faster than sumy LexRank",
                    f"{ratio:.0f}x ({peer:.1f} s / {ours:.2f} s)", None if math.isnan(ratio) else ratio >= 50))
    floor, _ = _time(session, FLOOR, 30000)
    for system in (SUMMARIZE, BRIEF_MD):
        t, _ = _time(session, system, 30000)
        out.append((f"30,000 sentences: {system} <= 10x the floor", f"{t / floor:.1f}x ({t:.2f} s / {floor:.2f} s)",
                    None if math.isnan(t / floor) else t / floor <= 10))
        rss = _rss(session, system, 30000)
        out.append((f"30,000 sentences: {system} peak RSS < 1 GB", f"{rss:.0f} MB",
                    None if math.isnan(rss) else rss < 1024))
        small, _ = _time(session, system, 3000)
        slope = math.log(t / small) / math.log(10)
        out.append((f"3,000 -> 30,000: {system} time grows <= N^1.3", f"N^{slope:.2f}",
                    None if math.isnan(slope) else slope <= 1.3))
    return out + extra_targets(session.extras)


def extra_targets(extras: dict[str, float]) -> list[tuple[str, str, bool | None]]:
    """The start-up and seeds-PDF targets: wall time decides, the CPU time (worker included) is shown beside it."""
    help_s = extras.get("help", math.nan)
    extra = extras.get("seeds_pdf", math.nan) - extras.get("seeds_md", math.nan)
    cpu = extras.get("seeds_pdf_cpu", math.nan) - extras.get("seeds_md_cpu", math.nan)
    shown = f"{extra:+.2f} s" + ("" if math.isnan(cpu) else f" (CPU {cpu:+.2f} s)")
    return [("`briefer --help` < 0.3 s", f"{help_s:.2f} s", None if math.isnan(help_s) else help_s < 0.3),
            ("PDF brief of the seeds within 1 s of the md one", shown, None if math.isnan(extra) else extra < 1.0)]


def _target_row(name: str, value: str, met: bool | None) -> str:
    shown = "-" if met is None else value
    return f"| {name} | {shown} | {'yes' if met else 'not measured' if met is None else '**no**'} |"


def update_extras(extras: dict[str, float], out: Path) -> str:
    """Rewrite only the start-up and seeds-PDF rows of the targets in `out` (`bench/run.py --seeds-only`)."""
    page = out.read_text(encoding="utf-8")
    load = os.getloadavg()[0]
    rows = []
    for name, value, met in extra_targets(extras):
        row = _target_row(name, value, met)
        # The row comes from a later, shorter session than the rest of the table: say when and under what load.
        row = row.replace(f" | {value} |", f" | {value}, `--seeds-only` on {dt.date.today().isoformat()}, "
                                            f"load {load:.1f} |") if met is not None else row
        page = re.sub(rf"^\| {re.escape(name)} \|.*$", lambda _, row=row: row, page, count=1, flags=re.M)
        rows.append(row)
    out.write_text(page, encoding="utf-8")
    return "\n".join(rows)


def plot(session: Session, path: Path) -> bool:
    """Time against sentences, log-log, one line per system; False when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    names = list(dict.fromkeys(r["system"] for r in session.results))
    shift = 1.0  # peers out of time share a point: spread their markers a little along x
    for name in names:
        rows = sorted((r for r in session.results if r["system"] == name), key=lambda r: r["sentences"])
        done = [(r["sentences"], _median(r["seconds"])) for r in rows if r["status"] == "ok" and r["seconds"]]
        style = "--" if name.startswith("floor") else ":" if name.startswith("sumy") else "-"
        line = ax.plot([x for x, _ in done], [y for _, y in done], style, marker="o", label=name)[0]
        out = [r["sentences"] for r in rows if r["status"] in ("timeout", "skipped")]
        if out:
            ax.plot([x * shift for x in out], [session.timeout] * len(out), "^", color=line.get_color(), markersize=9)
            shift *= 1.08
    ax.axhline(session.timeout, color="grey", linewidth=0.8)
    ax.annotate(f"peer timeout ({session.timeout:.0f} s; triangles: out of time or not run)", (0.02, 0.95),
                xycoords="axes fraction", fontsize=8, color="grey")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("sentences in the input (whole process, start-up included)")
    ax.set_ylabel("wall time, median (s)")
    ax.grid(True, which="both", linewidth=0.3)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5))
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True


def section(session: Session, plot_name: str | None) -> str:
    """The generated Markdown: what ran, the two tables, the targets, the plot."""
    (b1, _, b15), (a1, _, a15) = session.load
    lines = [
        BEGIN,
        f"_Generated by `python bench/run.py{' --quick' if session.quick else ''}` on "
        f"{dt.date.today().isoformat()}: {session.runs} run(s) per system and size, medians, whole processes "
        f"(Python start-up included), {session.cpus} CPUs, load average {b1:.1f}/{b15:.1f} (1/15 min) before and "
        f"{a1:.1f}/{a15:.1f} after, {session.minutes:.1f} minutes in all. Peers time out after "
        f"{session.timeout:.0f} s; '(not run)': out of time at a smaller size, or its time there times the growth "
        f"in input already exceeds the timeout._",
        "",
        "**Wall time (s)**",
        "",
        *_table(session, "seconds"),
        "",
        "**Peak RSS (MB, from `/usr/bin/time -v`)**",
        "",
        *_table(session, "rss_mb"),
        "",
        "**Targets of issue 5 (ratios from this run)**",
        "",
        "| target | measured | met |",
        "|---|---|---|",
    ]
    for name, value, met in targets(session):
        lines.append(_target_row(name, value, met))
    if plot_name:
        lines += ["", f"![time against sentences, log-log]({plot_name})"]
    lines.append(END)
    return "\n".join(lines)


def write(session: Session, out: Path) -> str:
    """Put the generated section between the markers of `out` (creating the page if needed); return it."""
    image = out.with_suffix(".png")
    out.parent.mkdir(parents=True, exist_ok=True)
    text = section(session, image.name if plot(session, image) else None)
    page = out.read_text(encoding="utf-8") if out.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN in page and END in page:
        page = page[: page.index(BEGIN)] + text + page[page.index(END) + len(END):]
    else:
        page = page.rstrip("\n") + "\n\n" + text + "\n"
    out.write_text(page, encoding="utf-8")
    return text
