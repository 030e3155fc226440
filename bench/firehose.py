"""A multi-story firehose for `briefer digest`: the DUC dev clusters replicated with small perturbations.

Usage: python bench/firehose.py OUT N [--seed S]  -> OUT/a00000.txt ... (N articles) and OUT/truth.json

Article k is a copy of one of the 875 articles of ../shared/eval/duc2004/dev and duc2006/dev (in turn),
as wire copies and rewrites are: each sentence is dropped with probability 0.15, a sentence swaps places
with the next with probability 0.1, and numbers change a little. Copies of one cluster stay one story, so
10,000 articles hold the 50 dev stories with about 200 articles each (about 300,000 sentences).
`truth.json` maps each file name to its cluster. The texts are third-party: write them to a temporary
folder, never into the checkout.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATASETS = (SHARED / "eval" / "duc2004" / "dev", SHARED / "eval" / "duc2006" / "dev")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`])")
_NUMBER = re.compile(r"\b\d{2,}\b")


def originals() -> list[tuple[str, str]]:
    """(cluster, text) of every dev article, in a fixed order."""
    out = []
    for dataset in DATASETS:
        for cluster in sorted(p for p in dataset.iterdir() if (p / "docs").is_dir()):
            for doc in sorted((cluster / "docs").glob("*.txt")):
                out.append((f"{dataset.parent.name}/{cluster.name}", doc.read_text(encoding="utf-8", errors="replace")))
    return out


def perturb(text: str, rng: random.Random) -> str:
    """A rewrite of `text`: some sentences dropped, some swapped, numbers nudged; paragraphs kept."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        sentences = [s for s in _SENTENCE_END.split(paragraph.strip()) if s and rng.random() >= 0.15]
        for i in range(len(sentences) - 1):
            if rng.random() < 0.1:
                sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        if sentences:
            paragraphs.append(" ".join(sentences))
    body = "\n\n".join(paragraphs) or text
    return _NUMBER.sub(lambda m: str(int(m.group()) + rng.choice((0, 0, 1, 2))), body)


def generate(out: Path, n: int, seed: int = 14) -> int:
    """Write `n` articles into `out`; returns the number of sentences (as the splitter above counts them)."""
    rng = random.Random(seed)
    pool = originals()
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    sentences = 0
    for k in range(n):
        cluster, text = pool[k % len(pool)]
        body = text if k < len(pool) else perturb(text, rng)
        name = f"a{k:05d}.txt"
        (out / name).write_text(body + "\n", encoding="utf-8")
        truth[name] = cluster
        sentences += sum(len(_SENTENCE_END.split(p)) for p in body.split("\n\n") if p.strip())
    (out / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    print(generate(args.out, args.n, args.seed))


if __name__ == "__main__":
    main()
