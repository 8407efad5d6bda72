"""Which sizing and sense rules, and which size-word lexicon rows, earn their place on clusters
other than the one they were written for: ablation per cluster and leave-one-cluster-out.

Usage::

    .venv/bin/python benchmarks/loco_framing.py CORPUS LABELS_DIR [--split dev[,dev2]] [--top N]

For every item (a rule function of :mod:`analysis.sizing` or :mod:`analysis.senses`, or a
row of the ``magnitude_bigger``/``magnitude_smaller`` lexicon that has a hit in the split),
the labelled clusters are scored with the item taken out, in this one process (the corpora
are loaded once).  An item's *benefit* on a cluster is what it adds there:

    (right characterizations − wrong ones) + (in-sense frame hits − out-of-sense ones)

An item whose benefit is positive on one cluster only is *fitted to that cluster*.  The
leave-one-cluster-out figures of cluster C are those of the code without the items fitted to
C alone (rules nobody would have written from the other clusters).  Items that help no
cluster and hurt one are listed as candidates for removal too.

The figures are the same as ``eval_framing.py``'s (its scoring functions are used).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_framing import cluster_figures, load_labels, restrict, score, _ratio  # noqa: E402
from evalkit import corpus_to_raw, read_records, use_code  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SIZE_FRAMES = ("magnitude_bigger", "magnitude_smaller")


def build(records: dict, labels: dict):
    import analysis as an

    out = {}
    for cluster in labels["sentence_clusters"]:
        ids = labels["clusters"][cluster]
        recs = [{"article_id": i, "text": records[i]["text"], "outlet": records[i].get("source"),
                 "title": records[i].get("title"), "date": records[i].get("date")} for i in ids if i in records]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = an.from_records(recs)
            f = corpus_to_raw(corpus)
            an.quotes(corpus), an.attributions(corpus)  # shared by every variant
        out[cluster] = (corpus, f)
    return out


def predict_variant(corpora: dict, comp) -> dict:
    import analysis as an

    out = {"chars": [], "frames": [], "persons": [], "variants": [], "pairs": []}
    for cluster, (corpus, f) in corpora.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            chars = an.characterizations(corpus, comp)
            hits = an.frames(corpus, comp)
        for r in chars.itertuples():
            out["chars"].append({"cluster": cluster, "ID": r.article_id, "start": f[r.article_id](r.start),
                                 "end": f[r.article_id](r.end), "direction": r.direction, "voice": r.voice,
                                 "speaker": r.speaker, "words": r.words})
        for r in hits.itertuples():
            out["frames"].append({"ID": r.article_id, "frame": r.frame, "start": f[r.article_id](r.start),
                                  "end": f[r.article_id](r.end), "negated": bool(r.negated)})
    return out


def benefit(full: dict, without: dict) -> dict[str, int]:
    """Per cluster: what the item adds (see the module docstring)."""
    out = {}
    for c in full:
        a, b = full[c], without[c]
        chars = (a["right"] - b["right"]) - ((a["judged"] - a["right"]) - (b["judged"] - b["right"]))
        sense = (a["sense"] - b["sense"]) - ((a["reported"] - a["sense"]) - (b["reported"] - b["sense"]))
        out[c] = chars + sense
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("labels", type=Path)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--code", type=Path, default=ROOT, help="the analysis package's parent folder")
    args = ap.parse_args(argv)
    use_code(args.code.resolve())
    import analysis as an
    from analysis import framing, senses, sizing

    labels = load_labels(args.labels.resolve(), args.split)
    ids = {i for c in labels["sentence_clusters"] for i in labels["clusters"][c]}
    records = read_records(args.corpus.resolve(), ids)
    texts = {i: r["text"] for i, r in records.items()}
    corpora = build(records, labels)
    lex = framing.load_lexicon(None)
    full_comp = framing._compile(lex)
    full_pred = predict_variant(corpora, full_comp)
    full = cluster_figures(full_pred, labels, texts)

    used = {h.term for cluster in corpora.values() for h in an.frames(cluster[0]).itertuples()
            if h.frame in SIZE_FRAMES}
    items = [("sizing", r.__name__) for r in sizing._TARGET_RULES] + \
            [("senses", r.__name__) for r in senses._RULES] + \
            [("lexicon", p) for fr, p in zip(lex.frame, lex.pattern) if fr in SIZE_FRAMES and p in used]
    rules = {"sizing": sizing._TARGET_RULES, "senses": senses._RULES}
    results = []
    for kind, name in items:
        comp = full_comp
        if kind == "lexicon":
            comp = framing._compile(lex[lex.pattern != name].reset_index(drop=True))
        else:
            mod = sizing if kind == "sizing" else senses
            attr = "_TARGET_RULES" if kind == "sizing" else "_RULES"
            setattr(mod, attr, tuple(r for r in rules[kind] if r.__name__ != name))
        try:
            figs = cluster_figures(predict_variant(corpora, comp), labels, texts)
        finally:
            sizing._TARGET_RULES, senses._RULES = rules["sizing"], rules["senses"]
        results.append((kind, name, benefit(full, figs)))

    clusters = list(full)
    print(f"ablation on {args.split}: benefit of each item per cluster "
          f"(+: the item adds right answers there; 0: no effect)")
    print(f"  {'item':58s}" + "".join(f"{c:>6s}" for c in clusters) + "   verdict")
    fitted: dict[str, list[str]] = defaultdict(list)
    for kind, name, ben in results:
        helps = [c for c in clusters if ben[c] > 0]
        hurts = [c for c in clusters if ben[c] < 0]
        if len(helps) == 1:
            verdict = f"fitted to {helps[0]}" + (f", hurts {','.join(hurts)}" if hurts else "")
            fitted[helps[0]].append((kind, name))
        elif not helps and hurts:
            verdict = "hurts only"
        elif not helps:
            verdict = "no effect"
        else:
            verdict = f"helps {len(helps)} clusters" + (f", hurts {','.join(hurts)}" if hurts else "")
        label = f"{kind}: {name}"[:58]
        print(f"  {label:58s}" + "".join(f"{ben[c]:6d}" for c in clusters) + f"   {verdict}")

    print("\nleave-one-cluster-out: each cluster scored without the items fitted to it alone")
    print(f"  {'cluster':8s}{'precision':>22s}{'recall':>22s}{'voice':>22s}{'frame sense':>22s}  items left out")
    tot = defaultdict(lambda: [0, 0])
    for c in clusters:
        drop = fitted.get(c, [])
        comp = full_comp
        lex_drop = {n for k, n in drop if k == "lexicon"}
        if lex_drop:
            comp = framing._compile(lex[~lex.pattern.isin(lex_drop)].reset_index(drop=True))
        sizing._TARGET_RULES = tuple(r for r in rules["sizing"] if ("sizing", r.__name__) not in drop)
        senses._RULES = tuple(r for r in rules["senses"] if ("senses", r.__name__) not in drop)
        try:
            pr, lab = restrict(predict_variant({c: corpora[c]}, comp), labels, {c})
            f = cluster_figures(pr, lab, texts)[c]
        finally:
            sizing._TARGET_RULES, senses._RULES = rules["sizing"], rules["senses"]
        g = full[c]

        def cell(key_a, key_b, fig):
            return f"{_ratio(fig[key_a], fig[key_b]):.2f} ({fig[key_a]}/{fig[key_b]})"
        pairs = [("right", "judged"), ("recalled", "gold"), ("voice_right", "right"), ("sense", "reported")]
        for a, b in pairs:
            tot[(a, b)][0] += f[a]
            tot[(a, b)][1] += f[b]
        print(f"  {c:8s}" + "".join(f"{cell(a, b, f):>14s}←{_ratio(g[a], g[b]):4.2f}   " for a, b in pairs)[:-3]
              + f"  {len(drop)}")
    print(f"  {'all':8s}" + "".join(f"{_ratio(*tot[p]):8.3f} ({tot[p][0]}/{tot[p][1]})".rjust(22) for p in tot))
    print("  (each cell: left-out figure (counts) ← the figure with every item)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
