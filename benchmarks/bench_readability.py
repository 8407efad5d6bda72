"""Time ``an.readability`` against textstat's nine formulas on the same articles, in one run.

Usage::

    python benchmarks/bench_readability.py CORPUS.jsonl[.gz] [--limit N]

CORPUS is a JSON-lines file with one article per line: ``text`` (required), ``ID`` and
``source`` (optional; they become ``article_id`` and ``outlet``).  The script builds the
corpus with ``an.from_records`` (timed on its own: loading is not readability), then times

(a) ``an.readability(corpus)``: every count and all nine formulas for every article;
(b) the baseline: textstat's nine formulas called on each article's body text (the same
    body paragraphs readability reads, joined by newlines and prepared before timing).

Both share a warm-up that loads the CMU dictionary, so neither pays for it.  It prints
both throughputs in articles per second and their ratio (above 1: readability is faster).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import warnings
from pathlib import Path

import textstat

import analysis as an
from analysis.readability import body_texts


def read_jsonl(path: Path, limit: int | None) -> list[dict]:
    """The first ``limit`` records of a JSON-lines file (gzip if it ends in .gz)."""
    if not path.is_file():
        sys.exit(f"{path}: no such file")
    opener = gzip.open if path.suffix == ".gz" else open
    records = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                sys.exit(f"{path}, line {n}: not JSON ({exc.msg})")
            if "text" not in rec:
                sys.exit(f"{path}, line {n}: no 'text' field")
            records.append({"article_id": rec.get("ID") or f"{n:06d}", "outlet": rec.get("source"),
                            "text": rec["text"]})
    return records


def textstat_nine(text: str) -> tuple[float, ...]:
    """textstat's nine English formulas on one text, as a user would call them."""
    return (
        textstat.flesch_reading_ease(text),
        textstat.flesch_kincaid_grade(text),
        textstat.gunning_fog(text),
        textstat.smog_index(text),
        textstat.coleman_liau_index(text),
        textstat.automated_readability_index(text),
        textstat.dale_chall_readability_score(text),
        textstat.linsear_write_formula(text),
        textstat.text_standard(text, float_output=True),
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="JSON-lines file of articles (.jsonl or .jsonl.gz)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    args = ap.parse_args(argv)

    records = read_jsonl(args.corpus, args.limit)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate or empty texts are recorded, not printed
        corpus = an.from_records(records)
    t_load = time.perf_counter() - t0
    n = len(corpus)
    if n == 0:
        sys.exit(f"{args.corpus}: no articles with text")
    bodies = list(body_texts(corpus).values())

    an.ensure_cmudict()
    textstat.syllable_count("warm up the dictionary")  # load cmudict once, for both sides

    t0 = time.perf_counter()
    table = an.readability(corpus)
    t_ours = time.perf_counter() - t0

    t0 = time.perf_counter()
    for text in bodies:
        if text.strip():
            textstat_nine(text)
    t_base = time.perf_counter() - t0

    words = int(table.n_words.sum())
    print(f"corpus: {args.corpus} ({n} articles{'' if args.limit is None else f', --limit {args.limit}'}, "
          f"{words:,} body words, {int(table.n_sentences.sum()):,} body sentences)")
    print(f"loading (an.from_records):       {t_load:8.2f} s  {n / t_load:8.1f} articles/s")
    print(f"(a) an.readability:              {t_ours:8.2f} s  {n / t_ours:8.1f} articles/s")
    print(f"(b) textstat, nine formulas:     {t_base:8.2f} s  {n / t_base:8.1f} articles/s")
    print(f"ratio (a)/(b) throughput:        {t_base / t_ours:8.2f} x  "
          f"({'readability faster' if t_ours < t_base else 'readability SLOWER'})")


if __name__ == "__main__":
    main()
