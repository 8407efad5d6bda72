"""Draw the ``test2`` sample: 2 fresh articles from each of the 20 test outlets.

Usage (from the repository root)::

    .venv/bin/python benchmarks/labels/cleaning/test2/pick.py ../shared/bench/abp-5000.jsonl.gz

The test outlets are those with ``split`` = ``test`` in ``../sample.tsv`` (even ranks), taken in
that file's order.  Candidates are the outlet's articles not already in ``../sample.tsv`` nor
``../extra/sample.tsv`` nor ``../dev2/sample.tsv`` with at least 8 non-empty lines; 2 are drawn per outlet from the
sorted ids with ``random.Random(1412)``
(fewer when an outlet has fewer candidates: Vanity Fair has none left, so 38 articles).  It writes ``sample.tsv`` next to this script.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 1412
PER_OUTLET = 2
MIN_LINES = 8


def test_outlets_and_used() -> tuple[list[str], set[str]]:
    """The test outlets (in ``sample.tsv`` order) and every id already sampled."""
    outlets: list[str] = []
    used: set[str] = set()
    for path in (HERE.parent / "sample.tsv", HERE.parent / "extra" / "sample.tsv",
                 HERE.parent / "dev2" / "sample.tsv"):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                used.add(row["ID"])
                if row["split"] == "test" and row["source"] not in outlets:
                    outlets.append(row["source"])
    return outlets, used


def candidates(corpus: str, outlets: list[str], used: set[str]) -> dict[str, list[str]]:
    """Per outlet, the sorted ids of fresh articles with at least ``MIN_LINES`` lines."""
    by: dict[str, list[str]] = {o: [] for o in outlets}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec.get("text") or ""
            if rec.get("source") in by and rec["ID"] not in used \
                    and sum(1 for x in text.split("\n") if x.strip()) >= MIN_LINES:
                by[rec["source"]].append(rec["ID"])
    return {o: sorted(ids) for o, ids in by.items()}


def main(argv: list[str]) -> int:
    outlets, used = test_outlets_and_used()
    pool = candidates(argv[0], outlets, used)
    rng = random.Random(SEED)
    rows = [("ID", "source", "split")]
    for outlet in outlets:
        rows += [(aid, outlet, "test2") for aid in rng.sample(pool[outlet], min(PER_OUTLET, len(pool[outlet])))]
    with (HERE / "sample.tsv").open("w", encoding="utf-8") as fh:
        fh.writelines("\t".join(r) + "\n" for r in rows)
    print(f"{len(rows) - 1} articles from {len(outlets)} outlets")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
