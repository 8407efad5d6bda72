"""The sentence splitter against NLTK's Punkt: real text, and hostile text as it grows.

Usage::

    .venv/bin/python benchmarks/bench_sentences.py [CORPUS.jsonl[.gz]] [--limit 2000]
        [--sizes 25000 50000 100000 200000]

(a) With a corpus (JSON lines, ``text`` required): the clean text of the first ``--limit``
    articles, split paragraph by paragraph by ``analysis.text._tokenizer().spans`` (the fast
    splitter) and by NLTK's ``PunktSentenceTokenizer(...).span_tokenize`` with the same
    parameters (its reference); the spans are checked to be equal.
(b) Hostile texts (``tests/test_text.py``'s long runs of punctuation and white space) at each
    size, split whole by both: seconds, and the growth from one size to the next (about 2.0
    when the sizes double and the time is linear; a quadratic cost would show 4.0).

CPU time of this process (``time.process_time``), best of three.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def best_time(func, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        func()
        best = min(best, time.process_time() - t)
    return best


def main(argv: list[str] | None = None) -> None:
    from analysis.clean import clean_text
    from analysis.sources import iter_records
    from analysis.text import _reference_tokenizer, _tokenizer, paragraph_spans
    from tests.test_text import _HOSTILE_KINDS, _hostile

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, nargs="?", help="JSON-lines file of articles (optional)")
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000, 200_000])
    args = ap.parse_args(argv)
    fast, ref = _tokenizer(), _reference_tokenizer()

    if args.corpus:
        warnings.simplefilter("ignore")
        texts = [clean_text(r["text"]).text for r in iter_records(args.corpus, limit=args.limit)
                 if isinstance(r.get("text"), str) and r["text"].strip()]
        paras = [t[a:b] for t in texts for a, b in paragraph_spans(t)]
        assert all(fast.spans(p) == list(ref.span_tokenize(p)) for p in paras), "spans differ"
        fresh = type(fast)(*_fresh_arguments())
        t_fast = best_time(lambda: [fresh.spans(p) for p in paras], repeat=1)  # cold memo
        t_warm = best_time(lambda: [fast.spans(p) for p in paras])
        t_ref = best_time(lambda: [list(ref.span_tokenize(p)) for p in paras])
        n = len(texts)
        print(f"{n:,} articles, {len(paras):,} paragraphs: same spans")
        print(f"  NLTK Punkt       {1000 * t_ref / n:7.3f} ms per article")
        print(f"  fast, cold memo  {1000 * t_fast / n:7.3f} ms per article ({t_ref / t_fast:.1f}x)")
        print(f"  fast, warm memo  {1000 * t_warm / n:7.3f} ms per article ({t_ref / t_warm:.1f}x)\n")

    print(f"{'hostile text':<20} " + " ".join(f"{n:>17,}" for n in args.sizes) + "   growth per step (NLTK / fast)")
    for kind in _HOSTILE_KINDS:
        times = []
        for n in args.sizes:
            text = _hostile(kind, n)
            assert fast.spans(text) == list(ref.span_tokenize(text)), kind
            times.append((best_time(lambda: list(ref.span_tokenize(text))), best_time(lambda: fast.spans(text))))
        growth = [f"{b[0] / a[0]:.1f}/{b[1] / a[1]:.1f}" if a[0] > 1e-4 and a[1] > 1e-4 else "-"
                  for a, b in zip(times, times[1:])]
        cells = " ".join(f"{r:8.3f} {f:8.3f}" for r, f in times)
        print(f"{kind:<20} {cells}   {' '.join(growth)}", flush=True)


def _fresh_arguments():
    from nltk.tokenize.punkt import PunktLanguageVars

    from analysis.text import _punkt_parameters

    return _punkt_parameters(), PunktLanguageVars()


if __name__ == "__main__":
    main()
