"""Time and memory of every public analysis on generated hostile texts, at growing sizes.

Usage::

    .venv/bin/python benchmarks/bench_adversarial.py [--sizes 10000 100000 1000000]
        [--inputs NAME ...] [--functions NAME ...] [--timeout 60] [--mem-gb 4]
        [--code DIR] [--json OUT.json] [--rows all|fail|none] [--jobs 1]

Each input is a generator of hostile text (repeated short quotes, repeated "Mr. ", one
paragraph of a million characters, ...; ``--list`` shows them all).  For each input and
size N the event holds N characters: one hostile article beside the AP sample article
(about 5,000 characters), or, for the inputs about pairs of articles (one sentence repeated
in two articles, ...), two hostile articles of N/2 characters each.  Then:

* every size runs in a fresh ``python`` process (``--child``) whose address space is capped
  with ``resource.setrlimit(RLIMIT_AS)`` at ``--mem-gb`` (4 GB by default), with one thread
  for numpy's BLAS, on one core;
* that process loads the event with ``an.from_texts`` (timed: ``from_texts``), then runs each
  function in a forked copy of itself, so every function starts from the same loaded event
  and warm resources (the lexicons, the CMU dictionary) but from none of the memos another
  analysis filled; a function that takes longer than ``--timeout`` seconds of wall time is
  stopped (``TIMEOUT``), one that runs out of the capped memory reports ``MEM``, one that
  raises reports ``ERR``;
* a function stopped at one size is not run at the larger ones (``skip``).

Seconds are CPU seconds of the measuring process (``time.process_time``: one thread, on one
core), so that other jobs on a shared machine do not count; wall times are kept in the
``--json`` file.  (One run each: an analysis keeps its result in the corpus it was
given, so a second run would measure the memo.)  The growth is t(1M) / t(100k)
(the two largest sizes), with both times floored at 0.02 s so that timer noise on tiny
times makes no ratio.  A function passes on an input when its growth is at most 15 and it
takes at most 10 s at the largest size; the table says PASS or FAIL per function (its worst
input) and, with ``--rows``, per function and input.

``--code DIR`` imports the ``analysis`` package found in DIR instead of this checkout's, to
measure another version of the code in the same run (a baseline).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "events" / "ukraine-weapons-2024-05" / "articles"

GROWTH_LIMIT = 15.0
SECONDS_LIMIT = 10.0
FLOOR = 0.02  # seconds: times are floored here before a growth ratio is taken


# --------------------------------------------------------------------------- hostile texts

_WORDS = ("the officials said policy weapons strike border region president minister would could "
          "military forces attack decision change limited major shift escalation allies support "
          "against inside near city government statement administration security defense").split()
_CAPS = ("Biden Blinken Austin Kharkiv Ukraine Russia Moscow Washington Pentagon Zelensky NATO "
         "Putin Sullivan Kirby Brown Smith Johnson Garcia Miller Davis Wilson Moore Taylor").split()


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _random_words(n: int, seed: int, vocab, sep: str = " ", every: int = 0, mark: str = "") -> str:
    rnd = random.Random(seed)
    out, size, k = [], 0, 0
    while size < n:
        w = rnd.choice(vocab)
        k += 1
        if every and k % every == 0:
            w += mark
        out.append(w)
        size += len(w) + len(sep)
    return sep.join(out)[:n]


def _sample(name: str) -> str:
    path = next(SAMPLE.glob(f"{name}_*.txt"))
    return path.read_text("utf-8")


def _nested(n: int) -> str:
    k = max(1, n // 8)
    return ("“a " * k + "b” " * k)[:n]


def _single(gen):
    """An event of N characters: the hostile text, and the AP sample article beside it."""
    def make(n: int) -> dict[str, str]:
        other = _sample("000")
        return {"a": gen(max(1, n - len(other)), 0), "b": other}
    return make


def _pair(gen):
    """An event of N characters: two hostile articles of N/2 each (seeds 0 and 1)."""
    return lambda n: {"a": gen(n // 2, 0), "b": gen(n // 2, 1)}


INPUTS = {
    # name: (what it is, event(n) -> {article_id: text})
    "quotes": ('repeated short quotes: "a" "a" "a" ...', _single(lambda n, s: _repeat('"a" ', n))),
    "quotes_pair": ('repeated short quotes "a" in two articles', _pair(lambda n, s: _repeat('"a" ', n))),
    "curly_quotes": ("repeated short quotes with a speech verb: “a,” he said. ...",
                     _single(lambda n, s: _repeat("“a,” he said. ", n))),
    "they_quotes": ("repeated quotes by a pronoun no one resolves: “a,” they said ...",
                    _single(lambda n, s: _repeat("“a b c d,” they said, ", n))),
    "mr": ('repeated "Mr. "', _single(lambda n, s: _repeat("Mr. ", n))),
    "said": ('repeated "said "', _single(lambda n, s: _repeat("said ", n))),
    "according": ('repeated "according to "', _single(lambda n, s: _repeat("according to ", n))),
    "anonymous": ('repeated anonymous sources in one sentence: "officials said "',
                  _single(lambda n, s: _repeat("two officials said ", n))),
    "sentence": ("one sentence repeated in two articles",
                 _pair(lambda n, s: _repeat("The officials said the policy had not changed at all. ", n))),
    "real": ("the AP sample article repeated, beside its rewrite (article 003) repeated",
             _pair(lambda n, s: _repeat(_sample("000" if s == 0 else "003") + "\n", n))),
    "paragraph": ("one paragraph of N characters: the AP article's sentences, no line breaks",
                  _single(lambda n, s: _repeat(" ".join(_sample("000").split()) + " ", n))),
    "distinct_sentences": ("short sentences of random words, each different: N/40 sentences",
                           _single(lambda n, s: _random_words(n, s, _WORDS + _CAPS, every=6, mark="."))),
    "no_punct": ("words without any punctuation: one sentence of N characters",
                 _single(lambda n, s: _random_words(n, s, _WORDS + _CAPS))),
    "unclosed": ("opening quotation marks never closed: “the plan “the plan ...",
                 _single(lambda n, s: _repeat("“the plan was ", n))),
    "straight_unclosed": ('straight quotation marks, mostly unclosed: "the plan "was ...',
                          _single(lambda n, s: _repeat('"the plan "was said ', n))),
    "nested": ("quotation marks nested N/8 deep: “a “a “a ... b” b” b”", _single(lambda n, s: _nested(n))),
    "capitals": ("capitalised words with a speech verb every 8 words: long name runs",
                 _single(lambda n, s: _random_words(n, s, _CAPS, every=8, mark=" said"))),
    "names": ("one person named again and again, in full, by title and by surname",
              _single(lambda n, s: _repeat("President Joe Biden met Mr. Biden. Biden agreed. ", n))),
    "initials": ('repeated initials: "J. R. R. "', _single(lambda n, s: _repeat("J. R. R. ", n))),
    "us_abbrev": ('repeated "U.S. "', _single(lambda n, s: _repeat("U.S. ", n))),
    "newlines": ("many line breaks: a one-word paragraph every few characters, blank lines between",
                 _single(lambda n, s: _repeat("Word\n\n\n", n))),
    "short_paragraphs": ("many one-sentence paragraphs with a quote: “We won,” Smith said.",
                         _single(lambda n, s: _repeat("“We won the vote,” Smith said.\n", n))),
    "one_char": ("a long run of one character (one word of N letters)", _single(lambda n, s: "a" * n)),
    "dots": ("a long run of periods", _single(lambda n, s: "." * n)),
    "long_words": ("sentences of one 5,000-letter word each", _single(lambda n, s: _repeat("x" * 5000 + ". ", n))),
    "dashes": ('clause breaks before every verb: "- - said "', _single(lambda n, s: _repeat("- - said ", n))),
    "commas": ('an aside before every verb: "Smith, a, said "', _single(lambda n, s: _repeat("Smith, a, said ", n))),
    "comma_run": ('one sentence of comma-separated words: "a, a, a, ..."', _single(lambda n, s: _repeat("a, ", n))),
    "parentheses": ('asides in parentheses before every verb: "Smith (R-Texas) said "',
                    _single(lambda n, s: _repeat("Smith (R-Texas) said ", n))),
    "non_latin": ("words in Cyrillic, Greek and Chinese, with quotes and periods",
                  _single(lambda n, s: _random_words(n, s, ["Киев", "война", "«слово»", "Αθήνα", "λέξη", "北京", "战争",
                                                             "сказал", "—", "Путин"], every=9, mark="."))),
    "spaces": ("words separated by long runs of odd white space",
               _single(lambda n, s: _repeat("word" + " \t\u00a0" * 40 + "\n ", n))),
    "framing": ("frame words and event words without punctuation: a major decision not limited ...",
                _single(lambda n, s: _repeat("a major decision not limited step could escalate ", n))),
}


# --------------------------------------------------------------------------- functions

def _functions(an):
    """(name, callable(context)) for every public analysis, in the order they run."""
    from analysis import clean, markup

    def each(fn):
        return lambda ctx: [fn(t) for t in ctx["texts"].values()]

    return [
        ("clean_text", each(clean.clean_text)),
        ("split_sentences", each(an.split_sentences)),
        ("overview", lambda ctx: an.overview(ctx["corpus"])),
        ("edit_summary", lambda ctx: an.edit_summary(ctx["corpus"])),
        ("first_sentences", lambda ctx: an.first_sentences(ctx["corpus"])),
        ("quotes", lambda ctx: an.quotes(ctx["corpus"])),
        ("attributions", lambda ctx: an.attributions(ctx["corpus"])),
        ("quote_variants", lambda ctx: an.quote_variants(ctx["corpus"])),
        ("quote_summary", lambda ctx: an.quote_summary(ctx["corpus"])),
        ("frames", lambda ctx: an.frames(ctx["corpus"])),
        ("frame_scores", lambda ctx: an.frame_scores(ctx["corpus"])),
        ("characterizations", lambda ctx: an.characterizations(ctx["corpus"])),
        ("size_words", lambda ctx: an.size_words(ctx["corpus"])),
        ("contrast_pair", lambda ctx: an.contrast_pair(ctx["corpus"])),
        ("distinctive_terms", lambda ctx: an.distinctive_terms(ctx["corpus"])),
        ("naming_variants", lambda ctx: an.naming_variants(ctx["corpus"])),
        ("similarity", lambda ctx: an.similarity(ctx["corpus"])),
        ("similarity_shingles", lambda ctx: an.similarity(ctx["corpus"], method="shingles")),
        ("shared_passages", lambda ctx: an.shared_passages(ctx["corpus"])),
        ("follows", lambda ctx: an.follows(ctx["corpus"])),
        ("sentence_similarity", lambda ctx: an.sentence_similarity(ctx["corpus"], *ctx["corpus"].ids[:2])),
        ("keyword_in_context", lambda ctx: an.keyword_in_context(ctx["corpus"], "said")),
        ("ledes", lambda ctx: an.ledes(ctx["corpus"])),
        ("readability", lambda ctx: an.readability(ctx["corpus"])),
        ("sentence_readability", lambda ctx: an.sentence_readability(ctx["corpus"])),
        ("textstat_stock", lambda ctx: an.textstat_stock(ctx["corpus"])),
        ("features", lambda ctx: an.features(ctx["corpus"])),
        ("features_from_records", lambda ctx: an.features_from_records(ctx["jsonl"])),
        ("claims", lambda ctx: an.claims(ctx["corpus"])),
        ("coverage", lambda ctx: an.coverage(ctx["corpus"])),
        ("coverage_matrix", lambda ctx: an.coverage_matrix(ctx["corpus"])),
        ("only_here", lambda ctx: an.only_here(ctx["corpus"])),
        ("discrepancies", lambda ctx: an.discrepancies(ctx["corpus"])),
        # The notebooks' questions (issue 13), each as a chapter calls it.
        ("longest_sentences", lambda ctx: an.longest_sentences(ctx["corpus"], per_article=True)),
        ("formula_agreement", lambda ctx: an.formula_agreement(ctx["corpus"])),
        ("textstat_differences", lambda ctx: an.textstat_differences(ctx["corpus"])),
        ("textstat_cuts", lambda ctx: an.textstat_cuts(ctx["corpus"])),
        ("compare_readability", lambda ctx: an.compare_readability(ctx["corpus"])),
        ("readability_pair", lambda ctx: an.readability_pair(ctx["corpus"])),
        ("nearest_neighbours", lambda ctx: an.nearest_neighbours(ctx["corpus"])),
        ("closest_follower", lambda ctx: an.closest_follower(ctx["corpus"])),
        ("term_in_context", lambda ctx: an.term_in_context(ctx["corpus"], "said")),
        ("quote_versions", lambda ctx: an.quote_versions(ctx["corpus"])),
        ("frame_voices", lambda ctx: an.frame_voices(ctx["corpus"])),
        ("top_frames", lambda ctx: an.top_frames(ctx["corpus"])),
        ("sizing_by_outlet", lambda ctx: an.sizing_by_outlet(ctx["corpus"])),
        ("first_hits", lambda ctx: an.first_hits(ctx["corpus"])),
        ("frame_in_context", lambda ctx: an.frame_in_context(ctx["corpus"], "magnitude_bigger")),
        ("negated_hits", lambda ctx: an.negated_hits(ctx["corpus"])),
        ("warmup_pair", lambda ctx: an.warmup_pair(ctx["corpus"])),
        ("about", lambda ctx: an.about(ctx["corpus"])),
        # The report's annotated pages, with the layers it draws (each computed once).
        ("article_pages", lambda ctx: markup.article_pages(
            ctx["corpus"], an.quotes(ctx["corpus"]), an.attributions(ctx["corpus"]), an.frames(ctx["corpus"]),
            an.only_here(ctx["corpus"]), an.size_words(ctx["corpus"]), an.characterizations(ctx["corpus"]))),
    ]


FUNCTION_NAMES = ["from_texts", "clean_text", "split_sentences", "overview", "edit_summary",
                  "first_sentences", "quotes", "attributions", "quote_variants", "quote_summary",
                  "frames", "frame_scores", "characterizations", "size_words", "contrast_pair", "distinctive_terms",
                  "naming_variants", "similarity", "similarity_shingles", "shared_passages", "follows", "sentence_similarity",
                  "keyword_in_context", "ledes", "readability", "sentence_readability", "textstat_stock",
                  "features", "features_from_records", "claims", "coverage", "coverage_matrix", "only_here",
                  "discrepancies", "longest_sentences", "formula_agreement", "textstat_differences",
                  "textstat_cuts", "compare_readability", "readability_pair", "nearest_neighbours",
                  "closest_follower", "term_in_context", "quote_versions", "frame_voices", "top_frames",
                  "sizing_by_outlet", "first_hits", "frame_in_context", "negated_hits", "warmup_pair", "about",
                  "article_pages"]


# --------------------------------------------------------------------------- child: one size

def _emit(record: dict) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_forked(fn, ctx, timeout: float) -> dict:
    """Run ``fn(ctx)`` in a forked copy of this process; its seconds, or why it stopped."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: run, report, leave without cleaning up the parent's state
        os.close(r)
        try:
            t0, w0 = time.process_time(), time.perf_counter()
            out = fn(ctx)
            dt, dw = time.process_time() - t0, time.perf_counter() - w0
            rows = len(out) if hasattr(out, "__len__") else None
            res = {"seconds": dt, "wall": dw, "rows": rows, "peak_mb": round(_peak_mb())}
        except MemoryError:
            res = {"status": "MEM"}
        except BaseException as exc:  # noqa: BLE001 - reported, not raised
            res = {"status": "ERR", "error": f"{type(exc).__name__}: {str(exc)[:200]}"}
        os.write(w, json.dumps(res).encode())
        os._exit(0)
    os.close(w)
    deadline = time.monotonic() + timeout
    chunks = []
    while True:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([r], [], [], max(0.0, left))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(r)
            return {"status": "TIMEOUT"}
        data = os.read(r, 65536)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        return {"status": "MEM" if os.WIFSIGNALED(status) else "ERR", "error": f"exit status {status}"}
    return json.loads(b"".join(chunks))


def child(input_name: str, size: int, functions: list[str], timeout: float, mem_gb: float) -> int:
    limit = int(mem_gb * 1024 ** 3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import warnings

    warnings.simplefilter("ignore")
    import analysis as an

    _emit({"event": "code", "path": str(Path(an.__file__).resolve().parent)})
    texts = INPUTS[input_name][1](size)
    table = dict(_functions(an))
    # Warm the resources every analysis loads once (lexicons, CMU dictionary, word lists) on
    # a small ordinary event, so no function is charged for them.
    warm = {"a": _sample("000"), "b": _sample("003")}
    wctx = {"corpus": an.from_texts(warm), "texts": warm}
    wctx["jsonl"] = _write_jsonl(warm, f"warm-{os.getpid()}")
    for name in functions:
        if name in table:
            try:
                table[name](wctx)
            except Exception:  # noqa: BLE001 - a warm-up failure shows again when timed
                pass
    ctx = {"texts": texts, "jsonl": _write_jsonl(texts, f"{input_name}-{size}-{os.getpid()}")}
    def on_alarm(_sig, _frame):
        raise TimeoutError

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(max(1, int(timeout)))
    t0, w0 = time.process_time(), time.perf_counter()
    try:
        ctx["corpus"] = an.from_texts(texts)
    except MemoryError:
        _emit({"function": "from_texts", "status": "MEM"})
        return 0
    except TimeoutError:
        _emit({"function": "from_texts", "status": "TIMEOUT"})
        return 0
    finally:
        signal.alarm(0)
    _emit({"function": "from_texts", "seconds": time.process_time() - t0, "wall": time.perf_counter() - w0,
           "peak_mb": round(_peak_mb())})
    # The loaded event and the warm resources are left out of every later collection: a
    # forked copy whose collector went through them all would copy every page they lie on
    # (1.2 s of the copy's CPU for a 0.08 s readability at 1M characters, none at 100k).
    import gc

    gc.collect()
    gc.freeze()
    for name in functions:
        if name == "from_texts" or name not in table:
            continue
        _emit({"function": name, **_run_forked(table[name], ctx, timeout)})
    for p in (ctx["jsonl"], wctx["jsonl"]):
        Path(p).unlink(missing_ok=True)
    return 0


def _write_jsonl(texts: dict[str, str], tag: str) -> str:
    import tempfile

    path = Path(tempfile.gettempdir()) / f"bench-adversarial-{tag}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for aid, text in texts.items():
            fh.write(json.dumps({"id": aid, "text": text}) + "\n")
    return str(path)


# --------------------------------------------------------------------------- parent

_CODE_SEEN: set[str] = set()  # the analysis packages measured so far (each named once)


def _measure(input_name: str, size: int, functions: list[str], args, job: int = 0) -> dict[str, dict]:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONHASHSEED="0")
    # This checkout's analysis package (or --code's), first on the path: the shared virtualenv
    # may have another checkout's installed, which would be measured without a word.
    code = Path(args.code).resolve() if args.code else ROOT
    env["PYTHONPATH"] = str(code) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", input_name, str(size),
           "--timeout", str(args.timeout), "--mem-gb", str(args.mem_gb), "--functions", *functions]
    # One core: the timings are those of one process on one CPU.
    pre = None
    if hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))
        core = cores[(args.cpu + job) % len(cores)]
        pre = lambda: os.sched_setaffinity(0, {core})  # noqa: E731
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True, preexec_fn=pre)
    out: dict[str, dict] = {}
    # A last resort: a child stuck where neither its alarm nor its own timeouts reach.
    watchdog = threading.Timer(args.timeout * (len(functions) + 2) + 120, proc.kill)
    watchdog.start()
    for line in proc.stdout:
        rec = json.loads(line)
        if rec.get("event") == "code":
            if args.verbose or rec["path"] not in _CODE_SEEN:
                print(f"  [{input_name} {size:,}] analysis from {rec['path']}", file=sys.stderr)
            _CODE_SEEN.add(rec["path"])
            continue
        out[rec["function"]] = rec
        if args.verbose:
            print(f"  [{input_name} {size:,}] {rec['function']}: {_cell(rec)}", file=sys.stderr)
    proc.wait()
    watchdog.cancel()
    for name in functions:
        out.setdefault(name, {"function": name, "status": "TIMEOUT" if "from_texts" in out else "MEM"})
    return out


def _cell(rec: dict | None) -> str:
    if rec is None:
        return "-"
    if "seconds" in rec:
        s = rec["seconds"]
        return f"{s:.3f}" if s < 10 else f"{s:.1f}"
    return rec.get("status", "?")


def _seconds(rec: dict | None, timeout: float) -> float | None:
    if rec is None:
        return None
    if "seconds" in rec:
        return rec["seconds"]
    return None


def verdict(by_size: dict[int, dict], sizes: list[int], timeout: float) -> tuple[str, str]:
    """``(growth, PASS/FAIL)`` for one function on one input, from its records by size."""
    big, prev = sizes[-1], sizes[-2] if len(sizes) > 1 else None
    rb = by_size.get(big)
    if rb is None or "seconds" not in rb:
        status = rb.get("status", "skip") if rb else "skip"
        if status == "ERR":
            return "ERR", "FAIL"
        return f"({status})", "FAIL"
    t_big = rb["seconds"]
    growth = ""
    ok = t_big <= SECONDS_LIMIT
    if prev is not None:
        rp = by_size.get(prev)
        if rp is not None and "seconds" in rp:
            g = max(t_big, FLOOR) / max(rp["seconds"], FLOOR)
            growth = f"{g:.1f}"
            ok = ok and g <= GROWTH_LIMIT
    return growth, "PASS" if ok else "FAIL"


def _fmt_size(n: int) -> str:
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)


def report(results: dict, sizes: list[int], functions: list[str], inputs: list[str], rows: str,
           timeout: float) -> bool:
    """Print the tables; True when every function passes on every input."""
    heads = [f"s@{_fmt_size(n)}" for n in sizes]
    g_head = f"{_fmt_size(sizes[-2])}->{_fmt_size(sizes[-1])}" if len(sizes) > 1 else "growth"
    all_ok = True
    if rows != "none":
        print(f"\n| input | function | {' | '.join(heads)} | {g_head} | |")
        print("|---|---|" + "---:|" * len(heads) + "---:|---|")
    worst: dict[str, tuple] = {}
    for fn in functions:
        for inp in inputs:
            by_size = {n: results.get(inp, {}).get(n, {}).get(fn) for n in sizes}
            by_size = {n: r for n, r in by_size.items() if r is not None}
            growth, ok = verdict(by_size, sizes, timeout)
            all_ok = all_ok and ok == "PASS"
            t_big = _seconds(by_size.get(sizes[-1]), timeout)
            key = (ok == "FAIL", t_big if t_big is not None else float("inf"))
            if fn not in worst or key > worst[fn][0]:
                worst[fn] = (key, inp, by_size, growth, ok)
            if rows == "all" or (rows == "fail" and ok == "FAIL"):
                cells = [_cell(by_size.get(n)) for n in sizes]
                print(f"| {inp} | {fn} | {' | '.join(cells)} | {growth} | {ok} |")
    print(f"\nWorst input per function (the slowest at {_fmt_size(sizes[-1])}, or a failing one):\n")
    print(f"| function | worst input | {' | '.join(heads)} | {g_head} | |")
    print("|---|---|" + "---:|" * len(heads) + "---:|---|")
    for fn in functions:
        if fn not in worst:
            continue
        _key, inp, by_size, growth, ok = worst[fn]
        cells = [_cell(by_size.get(n)) for n in sizes]
        print(f"| {fn} | {inp} | {' | '.join(cells)} | {growth} | {ok} |")
    n_fail = sum(1 for w in worst.values() if w[4] == "FAIL")
    print(f"\n{'PASS' if all_ok else 'FAIL'}: {len(worst) - n_fail} of {len(worst)} functions within "
          f"growth <= {GROWTH_LIMIT:g}x and <= {SECONDS_LIMIT:g} s at {_fmt_size(sizes[-1])} on every input")
    return all_ok


def _load(paths: list[Path]) -> tuple[dict, list[int], list[str], float]:
    """The measurements of several ``--json`` files as one: ``(results, sizes, functions, timeout)``.

    A function measured again on an input (after a fix, say) replaces its earlier record there.
    """
    results: dict[str, dict[int, dict]] = {}
    sizes: list[int] | None = None
    funcs: set[str] = set()
    timeout = 0.0
    for path in paths:
        saved = json.loads(path.read_text())
        if sizes is not None and sorted(saved["sizes"]) != sizes:
            raise SystemExit(f"{path}: sizes {saved['sizes']} differ from {sizes}")
        sizes = sorted(saved["sizes"])
        funcs.update(saved["functions"])
        timeout = max(timeout, saved["timeout"])
        for inp, by in saved["results"].items():
            for n, recs in by.items():
                mine = results.setdefault(inp, {}).setdefault(int(n), {})
                mine.update({f: r for f, r in recs.items() if f in saved["functions"]})
    return results, sizes or [], [f for f in FUNCTION_NAMES if f in funcs], timeout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--inputs", nargs="+", default=None, help="inputs to run (default: all; see --list)")
    ap.add_argument("--functions", nargs="+", default=None, help="functions to run (default: all)")
    ap.add_argument("--timeout", type=float, default=120.0, help="wall seconds before a function is stopped")
    ap.add_argument("--mem-gb", type=float, default=4.0, help="address-space cap per process, in GB")
    ap.add_argument("--code", default=None, help="a directory whose analysis package is measured instead")
    ap.add_argument("--cpu", type=int, default=0, help="which of the available cores to run on (default: the first)")
    ap.add_argument("--jobs", type=int, default=1, help="inputs measured side by side (default 1)")
    ap.add_argument("--json", type=Path, default=None, help="write every measurement to this file")
    ap.add_argument("--load", type=Path, nargs="+", default=None,
                    help="print the tables of --json files, measure nothing (a later file's measurement of "
                         "a function, input and size replaces an earlier one)")
    ap.add_argument("--rows", choices=["all", "fail", "none"], default="fail",
                    help="per input rows to print (default: the failing ones)")
    ap.add_argument("--list", action="store_true", help="list the inputs and functions, then stop")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each measurement as it comes")
    ap.add_argument("--child", nargs=2, metavar=("INPUT", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    functions = args.functions or FUNCTION_NAMES
    if args.child:
        return child(args.child[0], int(args.child[1]), functions, args.timeout, args.mem_gb)
    if args.list:
        for name, (what, _gen) in INPUTS.items():
            print(f"{name:<18} {what}")
        print("\nfunctions:", ", ".join(FUNCTION_NAMES))
        return 0
    inputs = args.inputs or list(INPUTS)
    unknown = [i for i in inputs if i not in INPUTS] + [f for f in functions if f not in FUNCTION_NAMES]
    if unknown:
        ap.error(f"unknown input or function: {', '.join(unknown)} (see --list)")
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    sizes = sorted(args.sizes)
    if args.load:
        results, sizes_, funcs, timeout = _load(args.load)
        ok = report(results, sizes_, funcs, [i for i in INPUTS if i in results], args.rows, timeout)
        return 0 if ok else 1
    results: dict[str, dict[int, dict]] = {}
    t_start = time.perf_counter()
    lock = threading.Lock()

    # Each of the --jobs workers holds one slot, and a slot is one core: two inputs measured
    # side by side never share a core (the input's index would put two on one).
    import queue

    slots: queue.Queue[int] = queue.Queue()
    for k in range(max(1, args.jobs)):
        slots.put(k)

    def run_input(inp: str) -> None:
        job = slots.get()
        try:
            _run_input(job, inp)
        finally:
            slots.put(job)

    def _run_input(job: int, inp: str) -> None:
        by_size: dict[int, dict] = {}
        stopped: set[str] = set()
        for n in sizes:
            todo = [f for f in functions if f not in stopped]
            got = _measure(inp, n, ["from_texts"] + [f for f in todo if f != "from_texts"], args, job)
            for f in functions:
                if f in stopped:
                    got[f] = {"function": f, "status": "skip"}
                elif "seconds" not in got.get(f, {}):
                    stopped.add(f)
            by_size[n] = got
            print(f"{inp} at {n:,}: done ({time.perf_counter() - t_start:.0f} s so far)", file=sys.stderr)
        with lock:
            results[inp] = by_size
            if args.json:
                args.json.write_text(json.dumps({"sizes": sizes, "functions": functions, "inputs": inputs,
                                                 "timeout": args.timeout, "code": args.code,
                                                 "results": results}, indent=1))

    # Inputs run side by side in --jobs processes (each one size after another). The seconds
    # are CPU seconds of each process, which others on other cores change little; but the
    # timeout is wall time, so on a shared machine --jobs 1 is the honest default.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for f in [pool.submit(run_input, inp) for inp in inputs]:
            f.result()
    results = {inp: results[inp] for inp in inputs}
    ok = report(results, sizes, functions, inputs, args.rows, args.timeout)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
