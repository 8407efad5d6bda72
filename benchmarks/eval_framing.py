"""Score framing and naming against the hand-labelled framing set (issue 16).

Usage::

    .venv/bin/python benchmarks/eval_framing.py CORPUS LABELS_DIR [--split dev|dev2|dev,dev2|test]
                                                [--baseline REF] [--errors N] [--clusters]

``CORPUS`` is the Article-Bias-Prediction sample (``abp-5000.jsonl.gz``); ``LABELS_DIR`` is
``benchmarks/labels/framing`` (its ``GUIDELINE.md`` says what is labelled).  Each cluster of the
split is loaded as one event (``an.from_records``, so cleaning is included) and its clean
offsets are mapped back to the raw text with the corpus ``edits`` log.

The same run scores two versions of the library: **before**, the code of git ref
``--baseline`` (default ``main``, extracted with ``git archive`` into a temporary folder), and
**after**, this working tree.  Each version runs in its own process.

Figures:

* **characterizations**: a predicted row is *right* when its sentence (matched to the gold
  sentence it overlaps most) is labelled ``bigger``, ``smaller`` or ``both`` with a
  compatible direction (the same, or either side ``both``).  Precision = right / judged
  predictions (a prediction on a sentence the set does not hold, possible only in the
  size-word clusters, is counted apart as ``unjudged``); recall = gold sizing sentences with
  a right prediction / gold sizing sentences.
* **voice**: on right predictions, whether ``voice`` agrees with the gold voice (the gold
  ``quoted`` covers direct quotes and attributed indirect statements; a predicted
  ``attributed`` or ``quoted`` both count as quoted) and, for quoted rows, whether the
  speaker agrees (the last word of the gold speaker, without a plural s, is a word of the
  predicted one).
* **frame sense**: of the labelled lexicon hits that the version reports (an ``an.frames``
  hit of the same frame overlapping the span), the share labelled in-sense; also how many
  in-sense labelled hits it keeps, and how many ``missed`` rows (in-sense uses the labelled
  lexicon missed) it now finds.
* **person groups**: the ``person`` groups of ``an.person_mentions`` per cluster.  A group is
  *right* when all its mentions that match a gold mention (overlap) belong to one gold
  person; groups with no matched mention are counted apart.  Also: gold persons whose
  mentions are split over several groups, and gold mentions found.  Spelling groups of
  ``an.naming_variants`` whose forms are the names of two gold persons are counted as
  wrong merges too (Carter/Carver).

Error classes of issue 16, counted the same way for both versions:

1. a predicted sizing (false positive) on a sentence labelled ``none``, carried by a size
   word other than those of classes 2-4, or a wrong direction without a negation;
2. the same, carried only by a focus word (only, merely, just, solely, alone) or by a size
   word inside a name (partial government shutdown);
3. the same, carried by a negated word, or a wrong direction with a negation;
4. frame hits labelled out of sense that the version reports (and "green light" as size);
5. gold sizing sentences without a right prediction (recall);
6. articles whose summary (``an.contrast_pair``) does not show the bigger and the smaller
   sentence counts of the article side by side (a net score hides one of them);
7. wrong person groups (merges) plus spelling groups that join two gold persons.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalkit import corpus_to_raw, predict_at_ref, predict_in, read_records, use_code  # noqa: E402  (shared by the eval scripts)
FOCUS = {"only", "merely", "just", "solely", "alone", "mere", "simply"}


# --------------------------------------------------------------------------- labels

def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_labels(labels_dir: Path, split: str) -> dict:
    """The labels of one split, or of several joined ("dev,dev2")."""
    parts = [p.strip() for p in split.split(",") if p.strip()]
    if len(parts) > 1:
        merged: dict = {}
        for part in parts:
            one = load_labels(labels_dir, part)
            for k, v in one.items():
                if isinstance(v, dict):
                    merged.setdefault(k, {}).update(v)
                else:
                    merged[k] = sorted(set(merged.get(k, [])) | set(v)) if k.endswith("_clusters") \
                        else merged.get(k, []) + v
        return merged
    folder = labels_dir / split
    if not (folder / "events.tsv").is_file():
        raise SystemExit(f"no labels for split {split!r} in {labels_dir}")
    clusters = defaultdict(list)
    for r in read_tsv(labels_dir.parent / "clusters.tsv"):
        clusters[r["cluster"]].append(r["ID"])
    events = {r["cluster"]: r["event"] for r in read_tsv(folder / "events.tsv")}
    sentences = read_tsv(folder / "sentences.tsv")
    persons = read_tsv(folder / "persons.tsv") if (folder / "persons.tsv").is_file() else []
    with_sentences = {r["ID"] for r in sentences}
    return {
        "events": events,
        "clusters": {c: clusters[c] for c in events},
        # which clusters each part labels: sentences and frame terms, or person groups
        "sentence_clusters": sorted(c for c in events if with_sentences & set(clusters[c])),
        "person_clusters": sorted({r["cluster"] for r in persons}),
        "sentences": sentences,
        "frame_terms": read_tsv(folder / "frame_terms.tsv") if (folder / "frame_terms.tsv").is_file() else [],
        "persons": persons,
    }


# --------------------------------------------------------------------------- predictions



def predict(records: dict[str, dict], labels: dict) -> dict:
    """Every prediction the scores need, in raw offsets, from the ``analysis`` importable now."""
    import analysis as an
    from analysis.naming import person_mentions

    print(f"analysis from {Path(an.__file__).parent}", file=sys.stderr)
    out = {"chars": [], "frames": [], "persons": [], "variants": [], "pairs": []}
    for cluster, ids in labels["clusters"].items():
        framing = cluster in labels["sentence_clusters"]
        naming = cluster in labels["person_clusters"]
        recs = [{"article_id": i, "text": records[i]["text"], "outlet": records[i].get("source"),
                 "title": records[i].get("title"), "date": records[i].get("date")}
                for i in ids if i in records]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = an.from_records(recs)
            f = corpus_to_raw(corpus)
            if framing:
                _predict_framing(an, corpus, cluster, f, out)
            if naming:
                _predict_naming(an, person_mentions, corpus, cluster, f, out)
    return out


def _predict_framing(an, corpus, cluster: str, f: dict, out: dict) -> None:
    chars = an.characterizations(corpus)
    for r in chars.itertuples():
        out["chars"].append({"cluster": cluster, "ID": r.article_id, "start": f[r.article_id](r.start),
                             "end": f[r.article_id](r.end), "direction": r.direction,
                             "voice": r.voice, "speaker": r.speaker, "words": r.words})
    for r in an.frames(corpus).itertuples():
        out["frames"].append({"ID": r.article_id, "frame": r.frame, "start": f[r.article_id](r.start),
                              "end": f[r.article_id](r.end), "negated": bool(r.negated)})
    pair = an.contrast_pair(corpus, chars)
    own = chars[chars.voice == "outlet"]
    for aid, row in pair.set_index("article_id").iterrows():
        mine = own[own.article_id == aid]
        shown = {c: int(row[c]) for c in ("bigger", "smaller") if c in row.index}
        out["pairs"].append({"cluster": cluster, "ID": aid,
                             "bigger": int(mine.direction.isin(["bigger", "both"]).sum()),
                             "smaller": int(mine.direction.isin(["smaller", "both"]).sum()),
                             "shown": shown})


def _predict_naming(an, person_mentions, corpus, cluster: str, f: dict, out: dict) -> None:
    for r in person_mentions(corpus).itertuples():
        out["persons"].append({"cluster": cluster, "ID": r.article_id, "start": f[r.article_id](r.start),
                               "end": f[r.article_id](r.end), "person": r.person, "mention": r.mention})
    for r in an.naming_variants(corpus).itertuples():
        out["variants"].append({"cluster": cluster, "group": r.group, "kind": r.kind, "variant": r.variant})



def predict_with(code_dir: Path | None, corpus: Path, labels_dir: Path, split: str) -> dict:
    """Run :func:`predict` in a fresh process with ``code_dir`` (None: this tree) first on the path."""
    return predict_in(__file__, [str(corpus), str(labels_dir), "--split", split], code_dir)




# --------------------------------------------------------------------------- scoring

def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def compatible(pred: str, gold: str) -> bool:
    return gold in ("bigger", "smaller", "both") and (pred == gold or "both" in (pred, gold))


def _last_word(name: str) -> str:
    words = [w.lower().strip(".") for w in re.findall(r"[\w’'.-]+", name or "")]
    words = [re.sub(r"[’']s$", "", w) for w in words if w not in {"jr", "sr", "ii", "iii"}]
    return re.sub(r"s$", "", words[-1]) if words else ""


def speaker_right(pred: str | None, gold: str) -> bool:
    if not pred or not gold or gold == "-":
        return bool(gold == "-")
    toks = {re.sub(r"s$", "", re.sub(r"[’']s$", "", w.lower().strip("."))) for w in re.findall(r"[\w’'.-]+", pred)}
    parts = re.split(r"\s+and\s+", gold)
    return any(_last_word(p) in toks for p in parts)


def score_characterizations(pred: dict, labels: dict, texts: dict[str, str]) -> dict:
    gold = defaultdict(list)
    for r in labels["sentences"]:
        gold[r["ID"]].append(r)
    s = Counter()
    covered = set()
    errors = defaultdict(list)
    for p in pred["chars"]:
        cands = [(_overlap(p["start"], p["end"], int(g["start"]), int(g["end"])), g) for g in gold[p["ID"]]]
        cands = [(o, g) for o, g in cands if o > 0]
        if not cands:
            s["unjudged"] += 1
            continue
        s["judged"] += 1
        # a prediction may cover two gold sentences (different splits): it is right if one fits
        good = [g for o, g in cands if compatible(p["direction"], g["label"])
                and o >= 0.5 * min(p["end"] - p["start"], int(g["end"]) - int(g["start"]))]
        if good:
            s["right"] += 1
            g = good[0]
            for gg in good:
                covered.add((gg["ID"], gg["start"]))
            voice = "quoted" if p["voice"] in ("quoted", "attributed") else p["voice"]
            ok = voice == g["voice"] and (voice != "quoted" or speaker_right(p["speaker"], g["speaker"]))
            s["voice_right"] += ok
            if not ok:
                errors["voice"].append((p, g))
            continue
        g = max(cands, key=lambda og: og[0])[1]
        words = [w.strip() for w in (p["words"] or "").split(";") if w.strip()]
        negated = any(w.startswith("not:") for w in words)
        plain = [w.removeprefix("not: ").lower() for w in words]
        if g["label"] != "none":
            cls = 3 if negated or re.search(r"\b(?:not|never|no)\b|n[’']t\b", texts[p["ID"]][int(g["start"]):int(g["end"])]) else 1
        elif negated:
            cls = 3
        elif plain and all(w in FOCUS or w.startswith("partial") for w in plain):
            cls = 2
        elif "green light" in plain:
            cls = 4
        else:
            cls = 1
        s[f"class{cls}"] += 1
        errors[f"class{cls}"].append((p, g))
    n_gold = 0
    for rows in gold.values():
        for g in rows:
            if g["label"] in ("bigger", "smaller", "both"):
                n_gold += 1
                if (g["ID"], g["start"]) not in covered:
                    s["class5"] += 1
                    errors["class5"].append((None, g))
    s["gold"] = n_gold
    s["recalled"] = len(covered)
    return {"counts": s, "errors": errors}


def score_frames(pred: dict, labels: dict) -> dict:
    by = defaultdict(list)
    for h in pred["frames"]:
        by[(h["ID"], h["frame"])].append(h)
    s = Counter()
    errors = []
    for r in labels["frame_terms"]:
        a, b = int(r["start"]), int(r["end"])
        found = any(_overlap(a, b, h["start"], h["end"]) for h in by[(r["ID"], r["frame"])])
        if r["note"] == "missed":
            s["missed"] += 1
            s["missed_found"] += found
            continue
        s["labelled"] += 1
        s["in_sense"] += r["in_sense"] == "1"
        if found:
            s["reported"] += 1
            s["reported_in_sense"] += r["in_sense"] == "1"
            if r["in_sense"] != "1":
                errors.append(r)
    s["class4"] = s["reported"] - s["reported_in_sense"]
    return {"counts": s, "errors": errors}


def score_persons(pred: dict, labels: dict) -> dict:
    gold = defaultdict(list)
    for r in labels["persons"]:
        gold[r["ID"]].append(r)
    groups = defaultdict(list)  # (cluster, person) -> matched gold persons
    found = set()
    for p in pred["persons"]:
        best = None
        for g in gold[p["ID"]]:
            o = _overlap(p["start"], p["end"], int(g["start"]), int(g["end"]))
            if o > 0 and (best is None or o > best[0]):
                best = (o, g)
        key = (p["cluster"], p["person"])
        groups.setdefault(key, [])
        if best is not None:
            groups[key].append(best[1]["person"])
            found.add((best[1]["ID"], best[1]["start"]))
    s = Counter()
    errors = []
    person_groups = defaultdict(set)
    for key, persons in groups.items():
        if not persons:
            s["groups_unmatched"] += 1
            continue
        s["groups"] += 1
        kinds = {x for x in persons if x != "?"}
        if len(kinds) <= 1:
            s["groups_right"] += 1
        else:
            errors.append((key, Counter(persons)))
        for x in kinds:
            person_groups[(key[0], x)].add(key)
    s["gold_persons"] = len({(r["cluster"], r["person"]) for r in labels["persons"]})
    s["split_persons"] = sum(1 for v in person_groups.values() if len(v) > 1)
    s["gold_mentions"] = len(labels["persons"])
    s["mentions_found"] = len(found)
    # spelling groups of naming_variants that join the names of two gold persons
    forms = defaultdict(lambda: defaultdict(set))
    for r in labels["persons"]:
        for w in re.findall(r"[A-Z][\w’'-]+", r["form"]):
            forms[r["cluster"]][w].add(r["person"])
    var_groups = defaultdict(set)
    for v in pred["variants"]:
        if v["kind"] != "person":
            var_groups[(v["cluster"], v["group"])].add(v["variant"])
    for (cluster, group), variants in var_groups.items():
        named = [forms[cluster].get(v) for v in variants if forms[cluster].get(v)]
        if len(named) >= 2 and not set.intersection(*named):
            s["spelling_merges"] += 1
            errors.append(((cluster, group), sorted(variants)))
    s["class7"] = s["groups"] - s["groups_right"] + s["spelling_merges"]
    return {"counts": s, "errors": errors}


def score_pairs(pred: dict) -> Counter:
    s = Counter()
    for p in pred["pairs"]:
        s["articles"] += 1
        if p["shown"].get("bigger") != p["bigger"] or p["shown"].get("smaller") != p["smaller"]:
            s["class6"] += 1
    return s


def score(pred: dict, labels: dict, texts: dict[str, str]) -> dict:
    return {"chars": score_characterizations(pred, labels, texts), "frames": score_frames(pred, labels),
            "persons": score_persons(pred, labels), "pairs": score_pairs(pred)}


# --------------------------------------------------------------------------- report

def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def figures(res: dict) -> dict[str, float]:
    c, f, p = res["chars"]["counts"], res["frames"]["counts"], res["persons"]["counts"]
    return {
        "characterizations precision": _ratio(c["right"], c["judged"]),
        "characterizations recall": _ratio(c["recalled"], c["gold"]),
        "voice right": _ratio(c["voice_right"], c["right"]),
        "frame-sense precision": _ratio(f["reported_in_sense"], f["reported"]),
        "person groups right": _ratio(p["groups_right"], p["groups"]),
    }


TARGETS = {"characterizations precision": 0.85, "characterizations recall": 0.70, "voice right": 0.90,
           "frame-sense precision": 0.85, "person groups right": 0.95}


def print_report(split: str, before: dict | None, after: dict) -> None:
    cols = [("before", before), ("after", after)] if before else [("after", after)]
    print(f"framing labels, {split} split")
    print(f"  {'measure':32s}" + "".join(f"{n:>10s}" for n, _ in cols) + f"{'target':>9s}")
    fig = {n: figures(r) for n, r in cols}
    for k, t in TARGETS.items():
        print(f"  {k:32s}" + "".join(f"{fig[n][k]:10.3f}" for n, _ in cols) + f"{t:9.2f}"
              + ("  met" if fig[cols[-1][0]][k] >= t else "  NOT met"))
    print("\n  counts")
    rows = [
        ("characterizations predicted (judged)", "chars", "judged"),
        ("  right", "chars", "right"),
        ("  unjudged (sentence not in the set)", "chars", "unjudged"),
        ("gold sizing sentences", "chars", "gold"),
        ("  recalled", "chars", "recalled"),
        ("voice right (of right predictions)", "chars", "voice_right"),
        ("labelled lexicon hits", "frames", "labelled"),
        ("  reported", "frames", "reported"),
        ("  reported in sense", "frames", "reported_in_sense"),
        ("  in sense (labelled)", "frames", "in_sense"),
        ("missed in-sense uses (labelled)", "frames", "missed"),
        ("  now found", "frames", "missed_found"),
        ("person groups (with a gold mention)", "persons", "groups"),
        ("  right", "persons", "groups_right"),
        ("  without a gold mention", "persons", "groups_unmatched"),
        ("gold persons", "persons", "gold_persons"),
        ("  split over several groups", "persons", "split_persons"),
        ("gold mentions", "persons", "gold_mentions"),
        ("  found", "persons", "mentions_found"),
        ("spelling groups joining two persons", "persons", "spelling_merges"),
    ]
    for label, part, key in rows:
        print(f"  {label:40s}" + "".join(f"{r[part]['counts'][key]:10d}" for _, r in cols))
    print("\n  error classes of issue 16 (counts; lower is better)")
    names = {1: "size word about something else", 2: "focus vs limit, size word in a name",
             3: "negation", 4: "frame term in another sense", 5: "sizing sentences missed",
             6: "summaries that net bigger and smaller", 7: "person groups merging people"}
    for k, name in names.items():
        vals = []
        for _, r in cols:
            if k in (1, 2, 3, 5):
                vals.append(r["chars"]["counts"][f"class{k}"])
            elif k == 4:
                vals.append(r["frames"]["counts"]["class4"])
            elif k == 6:
                vals.append(r["pairs"]["class6"])
            else:
                vals.append(r["persons"]["counts"]["class7"])
        print(f"  {k}. {name:37s}" + "".join(f"{v:10d}" for v in vals))


def restrict(pred: dict, labels: dict, clusters: set[str]) -> tuple[dict, dict]:
    """The predictions and labels of some clusters only."""
    ids = {i for c in clusters for i in labels["clusters"].get(c, [])}
    lab = dict(labels)
    lab["sentences"] = [r for r in labels["sentences"] if r["ID"] in ids]
    lab["frame_terms"] = [r for r in labels["frame_terms"] if r["ID"] in ids]
    lab["persons"] = [r for r in labels["persons"] if r["ID"] in ids]
    lab["clusters"] = {c: v for c, v in labels["clusters"].items() if c in clusters}
    pr = {"chars": [p for p in pred["chars"] if p["cluster"] in clusters],
          "frames": [h for h in pred["frames"] if h["ID"] in ids],
          "persons": [p for p in pred["persons"] if p["cluster"] in clusters],
          "variants": [v for v in pred["variants"] if v["cluster"] in clusters],
          "pairs": [p for p in pred["pairs"] if p["cluster"] in clusters]}
    return pr, lab


def cluster_figures(pred: dict, labels: dict, texts: dict[str, str]) -> dict[str, dict]:
    """Per sentence-labelled cluster: the counts behind precision, recall, voice and frame sense."""
    out = {}
    for c in labels["sentence_clusters"]:
        pr, lab = restrict(pred, labels, {c})
        res = score(pr, lab, texts)
        ch, fr = res["chars"]["counts"], res["frames"]["counts"]
        out[c] = {"right": ch["right"], "judged": ch["judged"], "recalled": ch["recalled"], "gold": ch["gold"],
                  "voice_right": ch["voice_right"], "sense": fr["reported_in_sense"], "reported": fr["reported"],
                  "class1": ch["class1"], "class4": fr["class4"], "class5": ch["class5"]}
    return out


def print_clusters(name: str, figs: dict[str, dict]) -> None:
    print(f"\n  per cluster ({name}): precision right/judged, recall recalled/gold, voice right/right, "
          f"frame sense in-sense/reported")
    print(f"  {'cluster':8s}{'precision':>16s}{'recall':>16s}{'voice':>16s}{'frame sense':>16s}")
    def cell(a, b):
        return f"{a:3d}/{b:<3d} {_ratio(a, b):5.2f}" if b else f"{a:3d}/{b:<3d}    — "
    for c, f in figs.items():
        print(f"  {c:8s}{cell(f['right'], f['judged']):>16s}{cell(f['recalled'], f['gold']):>16s}"
              f"{cell(f['voice_right'], f['right']):>16s}{cell(f['sense'], f['reported']):>16s}")


def print_errors(res: dict, texts: dict[str, str], n: int) -> None:
    def sent(g):
        return texts[g["ID"]][int(g["start"]):int(g["end"])].replace("\n", " ")[:260]
    for key, rows in sorted(res["chars"]["errors"].items()):
        print(f"\n-- {key} ({len(rows)})")
        for p, g in rows[:n]:
            head = f"pred={p['direction']} [{p['words']}] voice={p['voice']}/{p['speaker']}" if p else "pred=-"
            ph = texts[g["ID"]][int(g["phrase_start"]):int(g["phrase_end"])] if g.get("phrase_start") else ""
            print(f"  {g['ID']} gold={g['label']} «{ph}» {g.get('voice')}/{g.get('speaker')} | {head}\n      {sent(g)}")
    print(f"\n-- frame senses reported but out of sense ({len(res['frames']['errors'])})")
    for r in res["frames"]["errors"][:n]:
        a, b = int(r["start"]), int(r["end"])
        t = texts[r["ID"]]
        print(f"  {r['frame']:18s} …{t[max(0, a - 50):a]!r} «{t[a:b]}» {t[b:b + 40]!r}  ({r['note']})")
    print(f"\n-- person groups ({len(res['persons']['errors'])})")
    for key, persons in res["persons"]["errors"][:n]:
        print(f"  {key}: {dict(persons) if isinstance(persons, Counter) else persons}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path, help="abp-5000.jsonl.gz")
    ap.add_argument("labels", type=Path, help="benchmarks/labels/framing")
    ap.add_argument("--split", default="dev", help="dev, dev2, test, or several joined by commas (dev,dev2)")
    ap.add_argument("--clusters", action="store_true", help="also print the figures of each cluster (after)")
    ap.add_argument("--baseline", default="main", help="git ref of the 'before' code (empty: none)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind (after)")
    ap.add_argument("--predict-only", metavar="CODE_DIR", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.corpus, args.labels = args.corpus.resolve(), args.labels.resolve()
    labels = load_labels(args.labels, args.split)
    ids = {i for v in labels["clusters"].values() for i in v}
    records = read_records(args.corpus, ids)
    if args.predict_only:
        use_code(Path(args.predict_only))
        json.dump(predict(records, labels), sys.stdout)
        return 0
    texts = {i: r["text"] for i, r in records.items()}
    base = predict_at_ref(args.baseline, lambda code: predict_with(code, args.corpus, args.labels, args.split))
    before = None if base is None else score(base, labels, texts)
    after_pred = predict_with(None, args.corpus, args.labels, args.split)
    after = score(after_pred, labels, texts)
    print_report(args.split, before, after)
    if args.clusters:
        print_clusters("after", cluster_figures(after_pred, labels, texts))
    if args.errors:
        print_errors(after, texts, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
