"""Speed and memory benchmark: briefer against sumy and the floor, whole processes, written to docs/performance.md.

Usage: python bench/run.py [--quick] [--runs N] [--timeout S] [--src DIR] [--out FILE] [--seeds-only]

1. build the inputs with ../shared/bench/make_dirs.py into $BRIEFER_BENCH_WORK/N<n> (once; default
   a folder in the system temp dir: the inputs are made of third-party sentences, never kept in the repo);
2. time every system as a whole process under /usr/bin/time -v (wall time, peak RSS), size by
   size, repeating in rotated order so that ours and the peers alternate through the session;
   a peer is not run at a size where it ran out of time before, or where its time at the
   previous size, scaled linearly, already exceeds the timeout; a system whose first run took
   longer than SLOW_SECONDS is run once at that size (the session stays under 15 minutes);
3. time `briefer --help` and a Markdown against a PDF brief of ../shared/seeds (wall and CPU time; alone with
   --seeds-only, which rewrites only those rows of the targets);
4. write the tables, the targets (met or not) and a log-log plot between the markers of --out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WORK = Path(os.environ.get("BRIEFER_BENCH_WORK", Path(tempfile.gettempdir()) / "briefer-bench"))
SIZES = (300, 3000, 30000)
# A first run slower than this is not repeated at that size: sumy at 3,000 sentences takes about a minute.
SLOW_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class System:
    """One program under test; `argv(folder, scratch)` builds its command line."""

    name: str
    argv: Callable[[Path, Path], list[str]]
    peer: bool = False


@dataclass(slots=True)
class Result:
    """The runs of one system on one input."""

    system: str
    sentences: int
    seconds: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    status: str = "ok"  # ok | timeout | skipped | failed

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


def systems(python: str, quick: bool) -> list[System]:
    """The floor, briefer's three commands and sumy's peers (LexRank only with --quick)."""
    briefer = [python, "-m", "briefer"]
    peer = str(ROOT / "bench" / "sumy_peer.py")
    out = [
        System("floor (read + split)", lambda d, s: [python, str(SHARED / "bench" / "floor.py"), str(d)]),
        System("briefer summarize", lambda d, s: [*briefer, "summarize", str(d), "--words", "100"]),
        System("briefer brief (md)", lambda d, s: [*briefer, "brief", str(d), "-q", "-o", str(s / "b.md")]),
        System("briefer brief (pdf)", lambda d, s: [*briefer, "brief", str(d), "-q", "-o", str(s / "b.pdf")]),
        System("sumy LexRank", lambda d, s: [python, str(SHARED / "bench" / "sumy_lexrank.py"), str(d), "5"], True),
    ]
    if not quick:
        out.append(System("sumy TextRank", lambda d, s: [python, peer, "textrank", str(d), "5"], True))
        out.append(System("sumy LSA", lambda d, s: [python, peer, "lsa", str(d), "5"], True))
    return out


def measure(argv: Sequence[str], env: dict[str, str], timeout: float) -> tuple[float, float, str]:
    """Run one process; (wall seconds, peak RSS in MB, status). Peak RSS as /usr/bin/time -v reports it.

    It runs in the checkout named by env["PYTHONPATH"]: `python -m` puts the working folder first on sys.path.
    """
    seconds, rss, status, _ = measure_cpu(argv, env, timeout)
    return seconds, rss, status


def measure_cpu(argv: Sequence[str], env: dict[str, str], timeout: float) -> tuple[float, float, str, float]:
    """`measure`, and the CPU seconds (user + system) of the process and every child it waited for."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        timer = ["/usr/bin/time", "-v", "-o", report.name] if Path("/usr/bin/time").exists() else []
        start = time.perf_counter()
        # A session of its own, so that a timeout kills the timed program and not only /usr/bin/time.
        proc = subprocess.Popen([*timer, *argv], env=env, cwd=env["PYTHONPATH"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return timeout, float("nan"), "timeout", float("nan")
        seconds = time.perf_counter() - start
        text = report.read()
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        rss = int(found.group(1)) / 1024 if found else float("nan")
        cpu = _cpu_seconds(text)
    if proc.returncode not in (0, 8):  # 8: brief written, some sources skipped
        sys.stderr.write(err.decode(errors="replace")[-2000:])
        return seconds, rss, "failed", cpu
    return seconds, rss, "ok", cpu


def _cpu_seconds(report: str) -> float:
    """User + system seconds from a /usr/bin/time -v report (NaN without one)."""
    found = [re.search(rf"{kind} time \(seconds\): ([\d.]+)", report) for kind in ("User", "System")]
    return sum(float(f.group(1)) for f in found if f) if all(found) else float("nan")


def make_inputs(python: str, sizes: Sequence[int]) -> dict[int, Path]:
    """WORK/N<n> for each size, built by the shared generator when missing."""
    missing = [n for n in sizes if not any((WORK / f"N{n}").glob("*.txt"))]
    if missing:
        print(f"building inputs {missing} in {WORK}", flush=True)
        subprocess.run([python, "make_dirs.py", str(WORK), *map(str, missing)], cwd=SHARED / "bench", check=True)
    return {n: WORK / f"N{n}" for n in sizes}


def run_sizes(todo: list[System], inputs: dict[int, Path], args: argparse.Namespace, env: dict[str, str],
              scratch: Path) -> list[Result]:
    """Every system on every input, runs rotated so that no system always goes first."""
    results: list[Result] = []
    given_up: dict[str, int] = {}  # system -> size at which it ran out of time
    last: dict[str, tuple[int, float]] = {}  # system -> (size, median seconds) at the previous size
    for n, folder in inputs.items():
        here = {s.name: Result(s.name, n) for s in todo}
        for system in todo:
            # Time grows at least linearly with the input: a peer that would need more than the timeout
            # even then is reported as out of time without spending the timeout to confirm it.
            size, seconds = last.get(system.name, (n, 0.0))
            if system.peer and (given_up.get(system.name, n) < n or seconds * n / size > args.timeout):
                here[system.name].status = "skipped"
        for rep in range(args.runs):
            order = todo[rep % len(todo):] + todo[: rep % len(todo)]
            for system in order:
                result = here[system.name]
                if result.status != "ok" or (rep and result.seconds and result.seconds[0] > SLOW_SECONDS):
                    continue
                limit = args.timeout if system.peer else max(args.timeout, 600.0)
                seconds, rss, status = measure(system.argv(folder, scratch), env, limit)
                print(f"  N={n:>6} {system.name:<22} {seconds:8.2f} s {rss:8.0f} MB {status}", flush=True)
                result.status = status
                if status == "ok":
                    result.seconds.append(seconds)
                    result.rss_mb.append(rss)
                elif status == "timeout":
                    given_up[system.name] = n
        results.extend(here.values())
        last.update({r.system: (n, r.median) for r in here.values() if r.seconds})
    return results


def extras(python: str, env: dict[str, str], runs: int, scratch: Path) -> dict[str, float]:
    """Start-up (`briefer --help`) and the seeds briefed as Markdown and as PDF, alternating; medians of wall
    and of CPU time (the PDF's worker process included: it is a child the brief waits for)."""
    help_times = [measure([python, "-m", "briefer", "--help"], env, 60)[0] for _ in range(max(runs, 5) * 2)]
    seeds = SHARED / "seeds"
    brief = [python, "-m", "briefer", "brief", str(seeds), "-q", "-o"]
    timed: dict[str, list[tuple[float, float]]] = {"md": [], "pdf": []}
    for rep in range(max(runs, 5)):
        for fmt in ("md", "pdf") if rep % 2 == 0 else ("pdf", "md"):  # neither always goes first
            seconds, _, _, cpu = measure_cpu([*brief, str(scratch / f"s.{fmt}")], env, 120)
            timed[fmt].append((seconds, cpu))
    out = {"help": statistics.median(help_times)}
    for fmt, pairs in timed.items():
        out[f"seeds_{fmt}"] = statistics.median(p[0] for p in pairs)
        out[f"seeds_{fmt}_cpu"] = statistics.median(p[1] for p in pairs)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark and write its section of the performance page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each, LexRank as the only peer, 60 s timeout")
    parser.add_argument("--runs", type=int, help="runs per system and size (default 3, 1 with --quick)")
    parser.add_argument("--timeout", type=float, help="seconds a peer may take (default 120, 60 with --quick)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--src", type=Path, default=ROOT, help="the briefer checkout to time (default: this one)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--seeds-only", action="store_true",
                        help="time only `briefer --help` and the seeds' md and PDF briefs; rewrite those rows of --out")
    args = parser.parse_args(argv)
    args.runs = args.runs or (1 if args.quick else 3)
    args.timeout = args.timeout or (60.0 if args.quick else 120.0)
    if not SHARED.is_dir():
        sys.exit(f"bench: {SHARED} is missing (the generator, the floor and the peers live there)")
    python = sys.executable
    env = {**os.environ, "PYTHONPATH": str(args.src.resolve())}
    # The checkout's modules compiled first, as pip compiles an installed package's: otherwise, where bytecode is not
    # written (PYTHONDONTWRITEBYTECODE, a read-only checkout), every timed run compiles them again (0.2-0.3 s).
    subprocess.run([python, "-m", "compileall", "-q", str(args.src / "briefer")], check=True, stdout=subprocess.DEVNULL)
    from report import Session, update_extras, write  # bench/report.py: tables, targets and the plot

    if args.seeds_only:
        with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
            print(update_extras(extras(python, env, args.runs, Path(tmp)), args.out))
        return
    started = time.time()
    load_before = os.getloadavg()
    inputs = make_inputs(python, args.sizes)
    with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
        scratch = Path(tmp)
        print(f"timing {args.src} with {python}; {args.runs} run(s), peers time out after {args.timeout:.0f} s")
        results = run_sizes(systems(python, args.quick), inputs, args, env, scratch)
        extra = extras(python, env, args.runs, scratch)
    session = Session(results=[asdict(r) for r in results], extras=extra, runs=args.runs, timeout=args.timeout,
                      load=(load_before, os.getloadavg()), cpus=os.cpu_count() or 1,
                      minutes=(time.time() - started) / 60, src=str(args.src), quick=args.quick)
    WORK.mkdir(parents=True, exist_ok=True)
    raw = WORK / "results.json" if args.out == parser.get_default("out") else args.out.with_suffix(".json")
    raw.write_text(json.dumps(asdict(session), indent=1))
    print(write(session, args.out))


if __name__ == "__main__":
    main()
