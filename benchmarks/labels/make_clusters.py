"""Find same-story clusters in a JSON-lines corpus (abp-5000): the source of ``clusters.tsv``.

Usage::

    .venv/bin/python benchmarks/labels/make_clusters.py CORPUS.jsonl.gz [--threshold 0.22] > clusters.tsv

Two articles are linked when they share a topic, come from different outlets, are dated within
two days of each other, and the tf-idf cosine of their title plus first 1,500 characters is
above the threshold; clusters are the connected groups with at least three outlets, largest
first.  Only ids and metadata are printed, never texts.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import gzip
import json
import math
import re
from pathlib import Path

STOPWORDS = Path(__file__).resolve().parents[2] / "analysis" / "resources" / "stopwords.txt"


def parse_date(s: str) -> datetime.date | None:
    s = (s or "").strip()
    for fmt, cut in (("%Y-%m-%d", 10), ("%m/%d/%y", None), ("%m/%d/%Y", None)):
        try:
            return datetime.datetime.strptime(s[:cut] if cut else s, fmt).date()
        except ValueError:
            pass
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--threshold", type=float, default=0.22)
    args = ap.parse_args()
    opener = gzip.open if args.corpus.endswith(".gz") else open
    with opener(args.corpus, "rt", encoding="utf-8") as fh:
        rows = [r for r in map(json.loads, fh) if parse_date(r.get("date", ""))]
    stop = set(STOPWORDS.read_text("utf-8").split())
    bags = [collections.Counter(w for w in re.findall(r"[a-z]{3,}", (r["title"] + " " + r["text"][:1500]).lower())
                                if w not in stop) for r in rows]
    df = collections.Counter(w for b in bags for w in set(b))
    n = len(rows)
    vecs = []
    for b in bags:
        v = {w: c * math.log(n / df[w]) for w, c in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    dates = [parse_date(r["date"]) for r in rows]
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_topic = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_topic[r["topic"]].append(i)
    for ids in by_topic.values():
        for a, i in enumerate(ids):
            for j in ids[a + 1:]:
                if abs((dates[i] - dates[j]).days) <= 2 and rows[i]["source"] != rows[j]["source"]:
                    if sum(x * vecs[j].get(w, 0.0) for w, x in vecs[i].items()) > args.threshold:
                        parent[find(i)] = find(j)
    groups = collections.defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    clusters = [g for g in groups.values() if len({rows[i]["source"] for i in g}) >= 3]
    clusters.sort(key=lambda g: -len(g))
    print("cluster\tID\tsource\tdate\ttopic")
    for k, g in enumerate(clusters, start=1):
        for i in g:
            r = rows[i]
            print(f"C{k:02d}\t{r['ID']}\t{r['source']}\t{r['date']}\t{r['topic']}")


if __name__ == "__main__":
    main()
