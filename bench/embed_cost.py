"""What sentence embeddings would cost briefer (issue 14, sixth pass; throw-away): one whole process per model.

    /work/venv-embed/bin/python bench/embed_cost.py wordllama [--limit N]
    /work/venv-embed/bin/python bench/embed_cost.py minilm --limit 3000

Prints the import and load times of the model, the resident memory after loading, the time to embed every
sentence of /tmp/briefer-bench/N30000 (1,000 files, about 30,000 sentences; bench/run.py makes them) and the first
5 sentences of each article of the 10,000-article firehose (/tmp/briefer-bench/digest/F10000, bench/firehose.py),
and the peak resident memory. `--limit N` embeds only the first N sentences of each input and extrapolates
linearly (MiniLM on one core takes minutes). One thread each (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer.sentences import split_sentences  # noqa: E402

BENCH = Path("/tmp/briefer-bench")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def sentences(folder: Path, lead: int = 0) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        found = [s for para in path.read_text(encoding="utf-8").split("\n") for s in split_sentences(para)]
        out += found[:lead] if lead else found
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", choices=["wordllama", "minilm"])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    inputs = {"N30000, every sentence": sentences(BENCH / "N30000"),
              "F10000, first 5 sentences": sentences(BENCH / "digest" / "F10000", lead=5)}
    base = rss_mb()
    start = time.perf_counter()
    if args.model == "wordllama":
        import wordllama.inference  # noqa: F401
    else:
        import sentence_transformers  # noqa: F401
    imported = time.perf_counter()
    sys.path.insert(0, str(ROOT / "bench"))
    from cluster_embed import minilm_embedder, wordllama_embedder

    embed = wordllama_embedder() if args.model == "wordllama" else minilm_embedder()
    loaded = time.perf_counter()
    print(f"{args.model}: import {imported - start:.2f} s, load {loaded - imported:.2f} s, "
          f"RSS +{rss_mb() - base:.0f} MB after loading (process {rss_mb():.0f} MB)", flush=True)
    for name, texts in inputs.items():
        sample = texts[: args.limit] if args.limit else texts
        t0 = time.perf_counter()
        embed(sample)
        took = time.perf_counter() - t0
        note = f" ({len(sample)} embedded, extrapolated)" if len(sample) < len(texts) else ""
        print(f"  {name}: {len(texts)} sentences, {took * len(texts) / len(sample):.1f} s{note}, "
              f"{len(sample) / took:.0f} sentences/s", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS {peak:.0f} MB (the inputs' text included)")


if __name__ == "__main__":
    main()
