"""Throughput of the feature table against textstat's nine formulas, measured in one run.

Usage::

    .venv/bin/python benchmarks/bench_features.py CORPUS.jsonl[.gz] [--sizes 1000 5000]
        [--repeat 2] [--workers 2] [--no-workers]

CORPUS is a JSON-lines file, one article per line: ``text`` (required), ``ID``/``id`` and
``source`` (optional: article id and outlet), as :func:`analysis.from_jsonl` reads it.

For each size N (default 1,000 and 5,000, then 10,000, 20,000, 50,000 ... as far as the
corpus goes) and on the same first N articles, three measurements, each in a fresh process
so that memory peaks are not cumulative and no memo carries over; each process reads its N
records into memory before timing starts:

(a) stream: ``an.features_from_records(records)`` on one core: cleaning, splitting and
    every feature (readability counts and nine formulas, quotes, attributions, frame rates
    by voice), one chunk after another, without a corpus;
(b) corpus: ``an.features(an.from_records(records))`` on one core: the same, through a Corpus;
(c) baseline: textstat's nine English formulas (flesch_reading_ease, flesch_kincaid_grade,
    gunning_fog, smog_index, coleman_liau_index, automated_readability_index,
    dale_chall_readability_score, linsear_write_formula, text_standard(float_output=True))
    called on each article's raw text.

Both processes load the CMU dictionary before timing (a first syllable count), so neither
pays for it.  Peak memory is the process's peak resident set size (``resource.getrusage``
``ru_maxrss``), interpreter and libraries included; the RSS before the timed work is shown
too.  Then, at the largest size up to 5,000, (a) with ``--workers`` processes (default 2)
against (a) on one core.  Each measurement runs ``--repeat`` times, interleaved, and the
fastest run counts (the machine may be shared: other jobs only ever slow a run down).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# --------------------------------------------------------------------------- child processes

def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm_up() -> None:
    import textstat

    import analysis as an

    an.ensure_cmudict()
    textstat.syllable_count("warm up the dictionary")


def _records(path: str, n: int) -> list[dict]:
    from analysis.sources import iter_records

    return list(iter_records(path, limit=n))


def child_ours(path: str, n: int, workers: int, route: str = "stream") -> dict:
    import analysis as an

    records = _records(path, n)
    _warm_up()
    before = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    found: list[dict] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate texts etc. are recorded, not printed
        # errors="warn": an article on which an analysis fails is skipped and counted
        if route == "corpus":
            corpus = an.from_records(records, workers=workers, warnings=found)
            table = an.features(corpus, workers=workers, errors="warn")
            found += corpus.warnings.to_dict("records")
        else:
            table = an.features_from_records(records, workers=workers, errors="warn", warnings=found)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    failed = [w["article_id"] for w in found if w["code"] == "feature_error"]
    return {"seconds": seconds, "cpu": cpu, "articles": len(table), "words": int(table["n_words"].sum()), "failed": failed,
            "rss_before_mb": before, "peak_mb": _rss_mb(),
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def child_baseline(path: str, n: int) -> dict:
    import textstat

    texts = [r["text"] for r in _records(path, n) if isinstance(r.get("text"), str) and r["text"].strip()]
    _warm_up()
    before = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        (textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text),
         textstat.gunning_fog(text), textstat.smog_index(text), textstat.coleman_liau_index(text),
         textstat.automated_readability_index(text), textstat.dale_chall_readability_score(text),
         textstat.linsear_write_formula(text), textstat.text_standard(text, float_output=True))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"seconds": seconds, "cpu": cpu, "articles": len(texts), "rss_before_mb": before, "peak_mb": _rss_mb()}


def run_child(*args: str) -> dict:
    """Run one measurement in a fresh interpreter and return its figures."""
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"measurement {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- parent

def count_records(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()}"


def best(runs: list[dict], key: str = "seconds") -> dict:
    return min(runs, key=lambda r: r[key])


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        mode, path, n = argv[1], argv[2], int(argv[3])
        result = child_baseline(path, n) if mode == "baseline" else child_ours(path, n, int(argv[4]), mode)
        print(json.dumps(result))
        return

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="JSON-lines file of articles (.jsonl or .jsonl.gz)")
    ap.add_argument("--sizes", type=int, nargs="+", help="numbers of articles (default 1000 5000 ...)")
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement; the fastest counts")
    ap.add_argument("--workers", type=int, default=2, help="processes for the parallel measurement")
    ap.add_argument("--no-workers", action="store_true", help="skip the parallel measurement")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus}: no such file")
    available = count_records(args.corpus)
    sizes = args.sizes or [s for s in (1000, 5000, 10_000, 20_000, 50_000, 100_000) if s <= available]
    sizes = [s for s in sizes if s <= available] or [available]
    path = str(args.corpus.resolve())

    print(f"corpus: {args.corpus} ({available:,} records)")
    print(f"machine: {machine()}")
    print(f"best of {args.repeat} run(s) each, every run in a fresh process; "
          f"peak memory = ru_maxrss of that process\n")
    header = (f"{'articles':>8} {'words':>10} | {'stream s':>8} {'art/s':>7} {'peak MB':>8} | "
              f"{'corpus s':>8} {'art/s':>7} {'peak MB':>8} | {'textstat s':>10} {'art/s':>7} | "
              f"{'stream':>6} {'corpus':>6}")
    print(header)
    print("-" * len(header))
    results = {}
    cpu_ratios: dict[int, tuple[float, ...]] = {}
    for n in sizes:
        runs: dict[str, list[dict]] = {"stream": [], "corpus": [], "baseline": []}
        for _ in range(args.repeat):  # interleaved, so all see the same load on the machine
            runs["stream"].append(run_child("stream", path, str(n), "1"))
            runs["corpus"].append(run_child("corpus", path, str(n), "1"))
            runs["baseline"].append(run_child("baseline", path, str(n)))
        o, c, b = best(runs["stream"]), best(runs["corpus"]), best(runs["baseline"])
        oc, cc, bc = (best(runs[k], "cpu") for k in ("stream", "corpus", "baseline"))
        cpu_ratios[n] = (bc["cpu"] / oc["cpu"], bc["cpu"] / cc["cpu"], oc["cpu"], cc["cpu"], bc["cpu"])
        results[n] = o
        print(f"{o['articles']:>8,} {o['words']:>10,} | {o['seconds']:>8.1f} {o['articles'] / o['seconds']:>7.1f} "
              f"{o['peak_mb']:>8.0f} | {c['seconds']:>8.1f} {c['articles'] / c['seconds']:>7.1f} "
              f"{c['peak_mb']:>8.0f} | {b['seconds']:>10.1f} {b['articles'] / b['seconds']:>7.1f} | "
              f"{b['seconds'] / o['seconds']:>5.2f}x {b['seconds'] / c['seconds']:>5.2f}x", flush=True)
    # On a shared machine other jobs stretch wall time but hardly the CPU time a one-core
    # process uses itself: the same ratios in CPU seconds.
    for n, (rs, rc, so, sc, sb) in cpu_ratios.items():
        print(f"{n:>8,} articles, in CPU seconds of each process: stream {rs:.2f}x, corpus {rc:.2f}x textstat "
              f"(stream {so:.1f} s, corpus {sc:.1f} s, textstat {sb:.1f} s)")
    failed = sorted({a for r in results.values() for a in r["failed"]})
    if failed:
        print(f"\nskipped: {len(failed)} article(s) on which an analysis failed: {', '.join(failed[:10])}")
    print("\nratio = textstat time / our time on the same articles, per route (above 1: ours is faster, "
          "although it also cleans, splits, and finds quotes, attributions and frames)")
    print(f"memory before the timed work (imports, dictionary): about {results[sizes[0]]['rss_before_mb']:.0f} MB")
    if len(sizes) > 1:
        first, last = results[sizes[0]], results[sizes[-1]]
        flat = (last["articles"] / last["seconds"]) / (first["articles"] / first["seconds"])
        print(f"throughput at {sizes[-1]:,} vs {sizes[0]:,} articles: {flat:.2f} (1.00 = flat, cost linear in size)")

    if not args.no_workers and args.workers > 1:
        n = max(s for s in sizes if s <= 5000) if any(s <= 5000 for s in sizes) else sizes[0]
        par = best([run_child("stream", path, str(n), str(args.workers)) for _ in range(args.repeat)])
        one = results[n]
        speed = (par["articles"] / par["seconds"]) / (one["articles"] / one["seconds"])
        print(f"\n{args.workers} workers on {n:,} articles: {par['seconds']:.1f} s, "
              f"{par['articles'] / par['seconds']:.1f} articles/s, peak {par['peak_mb']:.0f} MB main process, "
              f"{par['worker_peak_mb']:.0f} MB largest worker: "
              f"{speed:.2f}x one worker")


if __name__ == "__main__":
    main()
