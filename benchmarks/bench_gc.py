"""Is the garbage collector worth managing in the feature table?  One run, fresh processes.

Usage::

    .venv/bin/python benchmarks/bench_gc.py CORPUS.jsonl[.gz] [--limit 5000] [--repeat 3]

Four ways to run ``an.features_from_records(records)`` on one core, each in a fresh process,
interleaved ``--repeat`` times (the fastest run of each counts; the machine may be shared):

- ``as is``: the library as it stands, the collector left alone;
- ``freeze``: ``gc.freeze()`` after the warm-up (imports, CMU dictionary), so the collector
  never again walks the objects made before the timed work (the dictionary alone is
  hundreds of thousands of objects);
- ``pause rows``: the collector paused while each chunk's feature rows are made, as a
  context manager around the feature table's per-chunk work, and resumed after it;
- ``pause all``: the collector off for the whole call (an upper bound of what pausing gives).

It prints the CPU seconds of each (``time.process_time``: on a shared machine, wall time
mostly measures the other jobs) and the gain of each over ``as is``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MODES = ["as is", "freeze", "pause rows", "pause all"]


def child(mode: str, path: str, limit: int) -> dict:
    import contextlib
    import gc
    import importlib

    import textstat

    import analysis as an
    from analysis.sources import iter_records

    features = importlib.import_module("analysis.features")  # the module (an.features is the function)

    records = list(iter_records(path, limit=limit))
    an.ensure_cmudict()
    textstat.syllable_count("warm up the dictionary")

    @contextlib.contextmanager
    def paused():
        was = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            if was:
                gc.enable()

    if mode == "freeze":
        gc.collect()
        gc.freeze()
    elif mode == "pause rows":
        rows = features._rows

        def paused_rows(*args, **kwargs):
            with paused():
                return rows(*args, **kwargs)

        features._rows = paused_rows
    collections_before = [s["collections"] for s in gc.get_stats()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t, cpu = time.perf_counter(), time.process_time()
        with paused() if mode == "pause all" else contextlib.nullcontext():
            table = an.features_from_records(records, errors="warn")
        seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "articles": len(table),
            "collections": [s["collections"] - b for s, b in zip(gc.get_stats(), collections_before)]}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        print(json.dumps(child(argv[1], argv[2], int(argv[3]))))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    runs: dict[str, list[dict]] = {m: [] for m in MODES}
    for _ in range(args.repeat):
        for mode in MODES:  # interleaved: each sees the same load on the machine
            out = subprocess.run([sys.executable, __file__, "--child", mode, str(args.corpus.resolve()),
                                  str(args.limit)], capture_output=True, text=True, cwd=ROOT)
            if out.returncode != 0:
                sys.exit(out.stderr[-3000:])
            runs[mode].append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = min(r["cpu"] for r in runs["as is"])
    print(f"{runs['as is'][0]['articles']:,} articles, best of {args.repeat} fresh process(es) each; "
          f"CPU seconds of the process (time.process_time), less disturbed by other jobs than wall time\n")
    print(f"{'mode':<12} {'CPU s':>8} {'gain':>7} {'wall s':>8} {'collections 0/1/2':>18}   CPU s of every run")
    for mode in MODES:
        best = min(runs[mode], key=lambda r: r["cpu"])
        every = " ".join(f"{r['cpu']:.2f}" for r in runs[mode])
        print(f"{mode:<12} {best['cpu']:>8.2f} {100 * (base - best['cpu']) / base:>6.1f}% {best['seconds']:>8.2f} "
              f"{'/'.join(map(str, best['collections'])):>18}   {every}")


if __name__ == "__main__":
    main()
