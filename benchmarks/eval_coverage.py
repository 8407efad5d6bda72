"""Score ``an.coverage`` (facts) and ``an.discrepancies`` against the hand labels of issue #18.

Usage::

    .venv/bin/python benchmarks/eval_coverage.py /path/to/abp-5000.jsonl.gz benchmarks/labels/coverage \\
        [--clusters benchmarks/labels/clusters.tsv] [--events sample,C22] [--errors]

Gold (``benchmarks/labels/coverage/GUIDELINE.md``): every claim of every article with its fact
(``claims.tsv``) and every discrepancy (``discrepancies.tsv``).  The sample event is read from
this repository (``data/events/ukraine-weapons-2024-05``): its offsets are raw-file offsets
and its ``sha`` is of the span of the *clean* text, so spans are mapped raw -> clean with each
article's edit log first.  The abp events are built from the JSON-lines corpus (the records
of a cluster of ``clusters.tsv``) with ``an.from_records``; their offsets and ``sha`` are of
the record's raw ``text``, mapped to the clean text the same way.  Every label's hash is
checked; a label whose text changed stops the run.

Grouping: each gold claim is mapped to the predicted claim of its article that overlaps it
most (no overlap: a fact of its own).  Over every pair of gold claims from *different*
articles, a pair is positive in gold when both are in one gold fact and predicted positive
when their predicted claims are in one predicted fact: pairwise precision, recall and F1.

Discrepancies: a prediction matches a gold row when the kinds agree and both its value spans
overlap the gold value spans (in either order; one to one, in order of the rows).  Precision =
matched predictions / predictions, recall = matched gold rows / gold rows, per event and kind.

Baseline, in the same run: body sentences grouped (connected components) when the Jaccard
index of their content words (stopwords out, lower case) exceeds a threshold; scored the same
way.  Its F1 is printed at 0.2, 0.3 and 0.4 and at its best over a grid (an oracle threshold,
so a generous baseline).  It finds no discrepancies.

Dev pairs (``pairs_dev.tsv``, when present): a handful of claim pairs from other same-story
clusters, each labelled ``same_fact`` or ``same_topic`` (same topic, not the same fact) by
reading.  Each span is mapped to the predicted claim overlapping it most; the script prints how
many pairs of each label land in one predicted fact (high for ``same_fact``, low for
``same_topic``), for the baseline too.  A sanity check of precision beyond the two dev events,
not a score: the pairs are few and were not drawn at random.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
import time
import warnings
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import analysis as an  # noqa: E402
from analysis.text import stopwords  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalkit import clean_to_raw  # noqa: E402  (shared by the eval scripts)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "events" / "ukraine-weapons-2024-05"


# --------------------------------------------------------------------------- gold

def raw_to_clean(edits) -> callable:
    """A function mapping a raw offset to a clean offset, from an article's edit log (the
    inverse of :func:`evalkit.clean_to_raw`: the same mapping with the spans swapped)."""
    return clean_to_raw([(e["raw_start"], e["raw_end"], e["start"], e["end"]) for e in edits])


def sha8(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def load_corpus(event: str, abp: Path | None, clusters: Path) -> an.Corpus:
    if event == "sample":
        return an.load_event(SAMPLE)
    ids = {r["ID"] for r in read_tsv(clusters) if r["cluster"] == event}
    if not ids:
        raise SystemExit(f"no cluster {event} in {clusters}")
    if abp is None:
        raise SystemExit(f"event {event} needs the abp corpus path")
    recs = []
    with gzip.open(abp, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("ID") in ids:
                recs.append({**r, "article_id": r["ID"], "outlet": r.get("source")})
    order = {r["ID"]: i for i, r in enumerate(read_tsv(clusters)) if r["cluster"] == event}
    recs.sort(key=lambda r: order[r["ID"]])
    return an.from_records(recs)


def gold_spans(corpus: an.Corpus, event: str, rows: list[dict], prefix: str = "") -> list[dict]:
    """Gold rows with clean-text spans, each hash checked."""
    maps = {a.article_id: raw_to_clean(a.edits) for a in corpus}
    out = []
    for r in rows:
        aid = r[f"ID{prefix}"]
        art = corpus.article(aid)
        s, e = int(r[f"start{prefix}"]), int(r[f"end{prefix}"])
        cs, ce = maps[aid](s), maps[aid](e)
        checked = art.text[cs:ce] if event == "sample" else art.raw_text[s:e]
        if sha8(checked) != r[f"sha{prefix}"]:
            raise SystemExit(f"{event} {aid} {s}:{e}: label hash {r[f'sha{prefix}']} does not match the text")
        out.append({**r, "aid": aid, "cs": cs, "ce": ce})
    return out


# --------------------------------------------------------------------------- scoring

def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def assign(gold_claims: list[dict], pred: list[tuple[str, int, int, str]]) -> list[str]:
    """The predicted group of each gold claim: that of the predicted unit overlapping it most."""
    by_art = defaultdict(list)
    for aid, s, e, g in pred:
        by_art[aid].append((s, e, g))
    out = []
    for i, gc in enumerate(gold_claims):
        best, best_ov = None, 0
        for s, e, g in by_art[gc["aid"]]:
            ov = overlap(gc["cs"], gc["ce"], s, e)
            if ov > best_ov:
                best, best_ov = g, ov
        out.append(best if best is not None else f"__none{i}")
    return out


def pairwise(gold_claims: list[dict], predicted: list[str]) -> tuple[int, int, int]:
    """(true positive, predicted positive, gold positive) pairs of claims from different articles."""
    tp = pp = gp = 0
    for i, j in combinations(range(len(gold_claims)), 2):
        if gold_claims[i]["aid"] == gold_claims[j]["aid"]:
            continue
        g = gold_claims[i]["fact"] == gold_claims[j]["fact"]
        p = predicted[i] == predicted[j]
        tp += g and p
        pp += p
        gp += g
    return tp, pp, gp


def prf(tp: int, pp: int, gp: int) -> tuple[float, float, float]:
    p = tp / pp if pp else 0.0
    r = tp / gp if gp else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


_BASE_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


def baseline_groups(corpus: an.Corpus, threshold: float) -> list[tuple[str, int, int, str]]:
    """Body sentences joined when their content-word Jaccard exceeds ``threshold`` (components)."""
    sents = corpus.body_sentences().reset_index(drop=True)
    stop = stopwords()
    sets = [{w.lower() for w in _BASE_WORD.findall(t) if w.lower() not in stop} for t in sents.text]
    parent = list(range(len(sents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    aids = list(sents.article_id)
    for i, j in combinations(range(len(sents)), 2):
        if aids[i] == aids[j] or not sets[i] or not sets[j]:
            continue
        if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) > threshold:
            parent[find(i)] = find(j)
    return [(aids[i], int(sents.start[i]), int(sents.end[i]), f"b{find(i)}") for i in range(len(sents))]


def match_discrepancies(gold: list[dict], pred: list[dict]) -> tuple[list[bool], list[bool]]:
    """Which gold rows and which predictions are matched (kind agrees, both spans overlap)."""
    used_g = [False] * len(gold)
    used_p = [False] * len(pred)
    for pi, p in enumerate(pred):
        for gi, g in enumerate(gold):
            if used_g[gi] or g["kind"] != p["kind"]:
                continue
            for (a, b) in (("a", "b"), ("b", "a")):
                ga, gb = g[a], g[b]
                if (p["article_a"] == ga["aid"] and p["article_b"] == gb["aid"]
                        and overlap(p["start_a"], p["end_a"], ga["cs"], ga["ce"]) > 0
                        and overlap(p["start_b"], p["end_b"], gb["cs"], gb["ce"]) > 0):
                    used_g[gi] = used_p[pi] = True
                    break
            if used_p[pi]:
                break
    return used_g, used_p


# --------------------------------------------------------------------------- main

def evaluate(event: str, abp: Path | None, labels: Path, clusters: Path, show_errors: bool = False) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(event, abp, clusters)
    gold_c = gold_spans(corpus, event, [r for r in read_tsv(labels / "claims.tsv") if r["event"] == event])
    d_rows = [r for r in read_tsv(labels / "discrepancies.tsv") if r["event"] == event]
    gold_d = []
    for r in d_rows:
        a = gold_spans(corpus, event, [r], "_a")[0]
        b = gold_spans(corpus, event, [r], "_b")[0]
        gold_d.append({"kind": r["kind"], "a": a, "b": b, "fact": r["fact"]})
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cov = an.coverage(corpus)
        disc = an.discrepancies(corpus)
    seconds = time.perf_counter() - t0
    pred = [(r.article_id, int(r.start), int(r.end), r.fact_id) for r in cov.itertuples()]
    assigned = assign(gold_c, pred)
    res = {"event": event, "articles": len(corpus), "seconds": seconds,
           "grouping": prf(*pairwise(gold_c, assigned)), "counts": pairwise(gold_c, assigned)}
    base = {}
    for t in [x / 20 for x in range(2, 16)]:
        base[t] = prf(*pairwise(gold_c, assign(gold_c, baseline_groups(corpus, t))))
    res["baseline"] = base
    preds = disc.to_dict("records")
    used_g, used_p = match_discrepancies(gold_d, preds)
    kinds = sorted({g["kind"] for g in gold_d} | {p["kind"] for p in preds})
    res["disc"] = {}
    for k in kinds + ["all"]:
        gk = [u for g, u in zip(gold_d, used_g) if k in ("all", g["kind"])]
        pk = [u for p, u in zip(preds, used_p) if k in ("all", p["kind"])]
        res["disc"][k] = (sum(pk), len(pk), sum(gk), len(gk))
    if show_errors:
        _show_errors(corpus, gold_c, assigned, cov, gold_d, used_g, preds, used_p)
    return res


def _show_errors(corpus, gold_c, assigned, cov, gold_d, used_g, preds, used_p) -> None:
    text = {a.article_id: a.text for a in corpus}
    print("\n-- grouping: gold facts split or merged")
    by_fact = defaultdict(list)
    for gc, p in zip(gold_c, assigned):
        by_fact[gc["fact"]].append((gc, p))
    for fact, items in sorted(by_fact.items()):
        if len({gc["aid"] for gc, _ in items}) < 2:
            continue
        preds_here = {p for _, p in items}
        if len(preds_here) > 1:
            print(f"  {fact} split into {len(preds_here)}:")
            for gc, p in items:
                print(f"     {p:>8} {gc['aid'][:6]} {text[gc['aid']][gc['cs']:gc['ce']][:110]}")
    by_pred = defaultdict(list)
    for gc, p in zip(gold_c, assigned):
        by_pred[p].append(gc)
    for p, items in sorted(by_pred.items()):
        facts = {gc["fact"] for gc in items}
        if len(facts) > 1 and len({gc["aid"] for gc in items}) > 1:
            print(f"  predicted {p} merges {sorted(facts)}:")
            for gc in items:
                print(f"     {gc['fact']} {gc['aid'][:6]} {text[gc['aid']][gc['cs']:gc['ce']][:110]}")
    print("-- discrepancies missed")
    for g, u in zip(gold_d, used_g):
        if not u:
            print(f"  {g['fact']} {g['kind']}: {g['a']['aid'][:6]} {text[g['a']['aid']][g['a']['cs']:g['a']['ce']]!r} vs "
                  f"{g['b']['aid'][:6]} {text[g['b']['aid']][g['b']['cs']:g['b']['ce']]!r}")
    print("-- discrepancies predicted wrongly")
    for p, u in zip(preds, used_p):
        if not u:
            print(f"  {p['fact_id']} {p['kind']}: {p['article_a'][:6]} {p['value_a']!r} vs {p['article_b'][:6]} {p['value_b']!r}")


def evaluate_pairs(abp: Path | None, labels: Path, clusters: Path, show_errors: bool = False) -> list[dict]:
    """Per event of ``pairs_dev.tsv``: how many same_fact / same_topic pairs share a predicted fact."""
    path = labels / "pairs_dev.tsv"
    if not path.exists():
        return []
    rows = read_tsv(path)
    out = []
    for event in sorted({r["event"] for r in rows}):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(event, abp, clusters)
            cov = an.coverage(corpus)
        mine = [r for r in rows if r["event"] == event]
        a = gold_spans(corpus, event, mine, "_a")
        b = gold_spans(corpus, event, mine, "_b")
        pred = [(r.article_id, int(r.start), int(r.end), r.fact_id) for r in cov.itertuples()]
        base = baseline_groups(corpus, 0.25)
        res = {"event": event}
        for name, groups in (("coverage", pred), ("baseline", base)):
            ga, gb = assign(a, groups), assign(b, groups)
            counts = {"same_fact": [0, 0], "same_topic": [0, 0]}
            for r, x, y, sa, sb in zip(mine, ga, gb, a, b):
                counts[r["label"]][1] += 1
                counts[r["label"]][0] += x == y
                if show_errors and name == "coverage" and (x == y) != (r["label"] == "same_fact"):
                    print(f"  pair {r['label']} {'grouped' if x == y else 'apart'}: "
                          f"{corpus.article(sa['aid']).text[sa['cs']:sa['ce']][:90]!r} ~ "
                          f"{corpus.article(sb['aid']).text[sb['cs']:sb['ce']][:90]!r}")
            res[name] = counts
        out.append(res)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("abp", type=Path, help="abp-5000.jsonl.gz (the corpus the abp events come from)")
    ap.add_argument("labels", type=Path, help="the labels folder (benchmarks/labels/coverage)")
    ap.add_argument("--clusters", type=Path, default=None, help="clusters.tsv (default: beside the labels folder)")
    ap.add_argument("--events", default="sample,C22", help="comma-separated events (sample, C22, C09, ...)")
    ap.add_argument("--errors", action="store_true", help="print the grouping and discrepancy errors")
    args = ap.parse_args(argv)
    clusters = args.clusters or args.labels.parent / "clusters.tsv"
    results = [evaluate(e, args.abp, args.labels, clusters, args.errors) for e in args.events.split(",")]
    print("\nGrouping (pairwise, claims from different articles)")
    print(f"{'event':8} {'art':>3} {'P':>6} {'R':>6} {'F1':>6}  {'pairs':>11}  {'base F1 .2/.3/.4':>17} {'base best':>14} {'s':>6}")
    tot = [0, 0, 0]
    for r in results:
        p, rec, f = r["grouping"]
        tp, pp, gp = r["counts"]
        tot = [tot[0] + tp, tot[1] + pp, tot[2] + gp]
        b = r["baseline"]
        best_t = max(b, key=lambda t: b[t][2])
        print(f"{r['event']:8} {r['articles']:>3} {p:6.3f} {rec:6.3f} {f:6.3f}  {tp:>3}/{pp:>3}/{gp:>3}  "
              f"{b[0.2][2]:5.3f}/{b[0.3][2]:5.3f}/{b[0.4][2]:5.3f} {b[best_t][2]:6.3f} (>{best_t:.2f}) {r['seconds']:6.2f}")
    if len(results) > 1:
        p, rec, f = prf(*tot)
        print(f"{'pooled':8} {'':>3} {p:6.3f} {rec:6.3f} {f:6.3f}  {tot[0]:>3}/{tot[1]:>3}/{tot[2]:>3}")
    print("\nDiscrepancies (matched/predicted, matched/gold)")
    print(f"{'event':8} {'kind':14} {'P':>13} {'R':>13}")
    pooled = defaultdict(lambda: [0, 0, 0, 0])
    for r in results:
        for k, (mp, np_, mg, ng) in r["disc"].items():
            pooled[k] = [x + y for x, y in zip(pooled[k], (mp, np_, mg, ng))]
            pr = f"{mp / np_:.2f} ({mp}/{np_})" if np_ else "  - (0/0)"
            rc = f"{mg / ng:.2f} ({mg}/{ng})" if ng else "  - (0/0)"
            print(f"{r['event']:8} {k:14} {pr:>13} {rc:>13}")
    if len(results) > 1:
        for k, (mp, np_, mg, ng) in sorted(pooled.items()):
            pr = f"{mp / np_:.2f} ({mp}/{np_})" if np_ else "  - (0/0)"
            rc = f"{mg / ng:.2f} ({mg}/{ng})" if ng else "  - (0/0)"
            print(f"{'pooled':8} {k:14} {pr:>13} {rc:>13}")
    print("baseline discrepancies: none (word overlap finds no values)")
    pair_results = evaluate_pairs(args.abp, args.labels, clusters, args.errors)
    if pair_results:
        print("\nDev pairs (pairs_dev.tsv): pairs in one predicted fact / pairs")
        print(f"{'event':8} {'method':9} {'same_fact (high)':>17} {'same_topic (low)':>17}")
        for r in pair_results:
            for name in ("coverage", "baseline"):
                sf, st = r[name]["same_fact"], r[name]["same_topic"]
                label = name if name == "coverage" else "base>.25"
                print(f"{r['event']:8} {label:9} {sf[0]:>9}/{sf[1]:<7} {st[0]:>9}/{st[1]:<7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
