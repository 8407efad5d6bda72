"""Time the wording analyses on a large corpus of JSON lines.

Usage::

    .venv/bin/python benchmarks/bench_wording.py CORPUS.jsonl[.gz] [--limit N] [--passages]

Each line is an article with fields ``ID``, ``source`` and ``text`` (other fields are
ignored).  The corpus is built with ``an.from_records`` (outlet = source); loading is timed
separately from the analyses.  Prints one line per step: seconds, and rows or shape.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import analysis as an  # noqa: E402


def read_jsonl(path: Path, limit: int | None) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    records = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            records.append({"article_id": str(d["ID"]), "outlet": d.get("source"), "text": d.get("text")})
            if limit and len(records) >= limit:
                break
    return records


def timed(label: str, fn):
    t0 = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t0
    shape = getattr(out, "shape", None)
    print(f"{label:<48} {dt:8.2f} s   {shape}")
    return out, dt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="JSON-lines file (.jsonl or .jsonl.gz) with ID, source, text")
    ap.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    ap.add_argument("--passages", action="store_true", help="also time shared_passages (min_words=8)")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        ap.error(f"{args.corpus}: no such file")
    warnings.simplefilter("ignore")
    t0 = time.perf_counter()
    records = read_jsonl(args.corpus, args.limit)
    corpus = an.from_records(records)
    load = time.perf_counter() - t0
    n_words = int(corpus.articles.n_words.sum())
    print(f"corpus: {len(corpus)} articles, {corpus.articles.outlet.nunique()} outlets, "
          f"{n_words:,} body words; loading {load:.1f} s (not counted below)")
    d, t_dt = timed("distinctive_terms(by='outlet')", lambda: an.distinctive_terms(corpus, by="outlet"))
    _, t_top = timed("distinctive_terms(by='outlet', top=20)", lambda: an.distinctive_terms(corpus, top=20))
    s, t_sim = timed("similarity(method='tfidf')  [dense float32]", lambda: an.similarity(corpus))
    _, t_long = timed("similarity(form='long', top_k=10)", lambda: an.similarity(corpus, form="long", top_k=10))
    _, t_sh = timed("similarity(method='shingles')", lambda: an.similarity(corpus, method="shingles"))
    if args.passages:
        timed("shared_passages(min_words=8)", lambda: an.shared_passages(corpus, min_words=8))
    print(f"matrix memory: {s.to_numpy().nbytes / 1e6:.0f} MB; "
          f"words per second, distinctive_terms: {n_words / t_dt:,.0f}; similarity: {n_words / t_sim:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
