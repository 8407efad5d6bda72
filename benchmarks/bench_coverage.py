"""Time the coverage analyses: the sample event, a 30-article event, one huge article.

Usage::

    .venv/bin/python benchmarks/bench_coverage.py /path/to/abp-5000.jsonl.gz [benchmarks/labels/clusters.tsv]

Each run starts from a fresh corpus (loading and cleaning not counted) and times
``an.claims``, ``an.coverage``, ``an.coverage_matrix`` and ``an.discrepancies`` together, with
the analyses they need (quotes, attributions, person mentions) computed on the way, on one
core.  The 30-article event is the articles of the largest same-story clusters of
``clusters.tsv`` (C01, C02, ...) taken in order until there are 30: several stories, the
way a big event has several threads.  The huge article repeats the sample event's articles
into one text of several thousand sentences: claims of one article are never compared, so it
costs about as much as the same sentences spread over many articles.  Targets (issue #18):
the sample event in 2 s or less, a 30-article event in 30 s or less.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import analysis as an  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def timed(make) -> tuple[float, int, int, int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = make()
        t = time.perf_counter()
        cl = an.claims(corpus)
        cov = an.coverage(corpus)
        an.coverage_matrix(corpus)
        disc = an.discrepancies(corpus)
        return time.perf_counter() - t, len(cl), cov.fact_id.nunique(), len(disc)


def thirty(abp: Path, clusters: Path) -> list[dict]:
    with open(clusters, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    ids: list[str] = []
    for r in rows:
        if len(ids) < 30:
            ids.append(r["ID"])
    wanted = set(ids)
    recs = {}
    with gzip.open(abp, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("ID") in wanted:
                recs[r["ID"]] = {**r, "article_id": r["ID"], "outlet": r.get("source")}
    return [recs[i] for i in ids if i in recs]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    abp = Path(argv[0])
    clusters = Path(argv[1]) if len(argv) > 1 else ROOT / "benchmarks" / "labels" / "clusters.tsv"
    sample = ROOT / "data" / "events" / "ukraine-weapons-2024-05"
    big = thirty(abp, clusters)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        texts = [a.text for a in an.load_event(sample)]
    huge = "\n".join(texts * 20)
    cases = [
        ("sample event (5 articles)", lambda: an.load_event(sample), 2.0),
        (f"abp event ({len(big)} articles)", lambda: an.from_records(big), 30.0),
        ("one huge article + the sample", lambda: an.from_texts({"huge": huge, **{f"s{i}": t for i, t in enumerate(texts)}}), None),
    ]
    print(f"{'case':34} {'seconds':>8} {'target':>7} {'claims':>7} {'facts':>6} {'discrepancies':>13}")
    for name, make, target in cases:
        best = min((timed(make) for _ in range(2)), key=lambda r: r[0])
        s, n_claims, n_facts, n_disc = best
        print(f"{name:34} {s:8.2f} {('≤ %.0f' % target) if target else '':>7} {n_claims:7d} {n_facts:6d} {n_disc:13d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
