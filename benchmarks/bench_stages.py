"""Where the feature table's time goes: milliseconds per article for each stage, one core.

Usage::

    .venv/bin/python benchmarks/bench_stages.py CORPUS.jsonl[.gz] [--limit N] [--repeat 3]

CORPUS is a JSON-lines file, one article per line (``text`` required), as
:func:`analysis.from_jsonl` reads it.  The records are read into memory first; then, in a
fresh process for each repeat (so no memo carries over), every article goes through the
stages of :func:`analysis.features.feature_row`, each timed on its own with
``time.process_time`` (CPU time of the process):

- cleaning (:func:`analysis.clean.clean_text`);
- splitting: paragraphs, sentences and the body word count (:func:`analysis.corpus.split_text`),
  and, timed inside it, the sentence splitter (:func:`analysis.text.sentences_by_paragraph`);
- readability (:func:`analysis.readability.readability_of`, the word memo shared across
  articles as in the feature table);
- quotes and attributions (:func:`analysis.quotes.sources_of`);
- frames (:func:`analysis.framing.frames_of`);
- set-up: the compiled frame lexicon and readability's word lookups (made once per process).

The timers add a little overhead of their own; the stages add up to less than a run of
:func:`analysis.features_from_records` (which also builds the table and checks metadata).
The fastest of ``--repeat`` runs counts for each stage.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAGES = ["set-up", "cleaning", "splitting", "  of which sentences", "readability",
          "quotes + attributions", "frames"]


def child(path: str, limit: int) -> dict:
    import analysis as an
    from analysis.clean import clean_text
    from analysis.corpus import split_text
    from analysis.features import FeatureTools
    from analysis.framing import frames_of, quote_spans_of
    from analysis.quotes import sources_of
    from analysis.readability import readability_of
    from analysis.sources import iter_records
    from analysis.text import sentences_by_paragraph

    records = [r for r in iter_records(path, limit=limit) if isinstance(r.get("text"), str) and r["text"].strip()]
    an.ensure_cmudict()
    import textstat

    textstat.syllable_count("warm up the dictionary")
    clock = time.process_time  # CPU time: on a shared machine, wall time mostly measures the other jobs
    spent = dict.fromkeys(STAGES, 0.0)

    def timed_sentences(*args, **kwargs):
        t = clock()
        try:
            return sentences_by_paragraph(*args, **kwargs)
        finally:
            spent["  of which sentences"] += clock() - t

    # split_text calls the sentence splitter by this name: time it in place
    an.corpus.sentences_by_paragraph = timed_sentences
    t = clock()
    tools = FeatureTools()
    spent["set-up"] += clock() - t
    for i, rec in enumerate(records):
        t0 = clock()
        cleaned = clean_text(rec["text"])
        t1 = clock()
        paras, sents, n_words = split_text(cleaned)
        t2 = clock()
        art = an.corpus.Article(article_id=str(i), raw_text=rec["text"], text=cleaned.text, paragraphs=paras,
                                sentences=sents, n_words=n_words)
        t4 = clock()
        readability_of(art, tools.words)
        t5 = clock()
        quotes, _attributions = sources_of(art)
        t6 = clock()
        frames_of(art, quote_spans_of(quotes), tools.lexicon)
        t7 = clock()
        spent["cleaning"] += t1 - t0
        spent["splitting"] += t2 - t1
        spent["readability"] += t5 - t4
        spent["quotes + attributions"] += t6 - t5
        spent["frames"] += t7 - t6
    return {"articles": len(records), "seconds": spent}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        print(json.dumps(child(argv[1], int(argv[2]))))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="JSON-lines file of articles (.jsonl or .jsonl.gz)")
    ap.add_argument("--limit", type=int, default=1000, help="articles to measure (default 1000)")
    ap.add_argument("--repeat", type=int, default=3, help="fresh processes; the fastest counts per stage")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus}: no such file")
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, __file__, "--child", str(args.corpus.resolve()), str(args.limit)],
                             capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            sys.exit(out.stderr[-3000:])
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    n = runs[0]["articles"]
    print(f"{n:,} articles, fastest of {args.repeat} fresh process(es) per stage\n")
    print(f"{'stage':<24} {'ms per article':>15}")
    total = 0.0
    for stage in STAGES:
        best = min(r["seconds"][stage] for r in runs)
        if not stage.startswith(" "):
            total += best
        print(f"{stage:<24} {1000 * best / n:>15.3f}")
    print(f"{'all stages':<24} {1000 * total / n:>15.3f}")


if __name__ == "__main__":
    main()
