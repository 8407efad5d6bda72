"""Score ``an.quotes`` and ``an.attributions`` against the hand labels of ``labels/speakers``.

Usage::

    .venv/bin/python benchmarks/eval_speakers.py CORPUS.jsonl.gz benchmarks/labels/speakers
        [--split dev|test|test2|test3|test4] [--baseline REF] [--errors N]

The labels (``GUIDELINE.md``) give every direct quote of the split's clusters with its
speaker (full name), type and how the article identifies it, and every sourcing statement
with its source span, resolved source, type, anonymity and count; offsets are into the raw
``text`` of the corpus records, and each label's short hash is checked against it.  The
articles go through ``an.from_records`` (cleaning included); clean offsets are mapped back
to raw ones with the edit log.

Figures, for the code of git ``--baseline`` (default ``main``, extracted with ``git
archive``, run in its own process) and for this tree, in the same run:

* **direct quotes**: precision and recall; a prediction matches a gold quote when their
  spans (trimmed of spaces and punctuation) overlap by at least half of their union,
  one-to-one, best overlaps first;
* **speaker accuracy** on matched quotes whose speaker the article names (gold type person
  or organization, or a document with its issuer, not anonymous): right when the resolved
  ``speaker_name`` and the gold name agree on the surname with no contradicting first name
  (``speaker_errors.same_speaker``); by the gold ``how``; and over all gold named quotes
  (a missed quote counted wrong);
* **speaker_type confusion** on matched quotes, and ``non-person typed person``: a gold
  organization or document predicted ``person`` (quotes and attributions);
* **attributions**: a gold source span is found when a predicted source span overlaps it
  (one-to-one); the source is right when the predicted source is anonymous for a gold
  anonymous source, else names the gold source as above; precision is matched predictions
  over predictions;
* **anonymous flag**: precision (predicted anonymous sources that are gold anonymous ones)
  and recall (gold anonymous sources found and flagged), over all predictions and gold
  sources; and the same on matched sources only;
* **counts per error class** (see ``speaker_errors.py``).
"""

from __future__ import annotations

import argparse
import csv
import re
import hashlib
import json
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalkit import corpus_to_raw, one_to_one, predict_at_ref, predict_in, read_records, trim, use_code  # noqa: E402  (shared by the eval scripts)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from speaker_errors import (  # noqa: E402
    is_outlet,
    is_pronoun,
    is_role_phrase,
    quote_error,
    same_speaker,
)

TARGETS = {"quote_precision": 0.97, "quote_recall": 0.97, "speaker_accuracy": 0.92,
           "source_right": 0.92, "anonymous_precision": 0.95, "anonymous_recall": 0.92}


# --------------------------------------------------------------------------- labels

def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_labels(labels_dir: Path, split: str) -> dict:
    folder = labels_dir / split
    quotes = read_tsv(folder / "quotes.tsv")
    attributions = read_tsv(folder / "attributions.tsv")
    for r in quotes:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
    for r in attributions:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
        r["source_start"] = int(r["source_start"]) if r["source_start"] else None
        r["source_end"] = int(r["source_end"]) if r["source_end"] else None
    ids = sorted({r["ID"] for r in quotes} | {r["ID"] for r in attributions})
    return {"quotes": quotes, "attributions": attributions, "ids": ids}


def sha8(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]


def _outside_quotes(text: str, lo: int, pos: int) -> bool:
    """Whether ``pos`` lies outside quotation marks, counting the marks from ``lo``."""
    seg = text[lo:pos]
    return (seg.count("“") <= seg.count("”")) and seg.count('"') % 2 == 0


def anchor_sources(labels: dict, texts: dict[str, str]) -> int:
    """Source spans that cut a word ("he" found inside "They're") are moved to the same
    words as a whole word in the attributed clause, outside quotes where possible (the
    labelling script took the first occurrence of the string).  Returns how many moved."""
    moved = 0
    for r in labels["attributions"]:
        text = texts.get(r["ID"])
        a, b = r["source_start"], r["source_end"]
        if text is None or a is None:
            continue
        cut = (a > 0 and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum())
        if not cut:
            continue
        word = re.escape(text[a:b])
        hits = [m.start() for m in re.finditer(r"(?<![\w’'])" + word + r"(?![\w’'])", text[r["start"]:r["end"]])]
        hits = [r["start"] + h for h in hits]
        if hits:
            out = [h for h in hits if _outside_quotes(text, r["start"], h)]
            r["source_start"] = (out or hits)[0]
            r["source_end"] = r["source_start"] + (b - a)
            moved += 1
    return moved


def check_labels(labels: dict, texts: dict[str, str]) -> int:
    """The number of labels whose hash does not match the text (printed)."""
    bad = 0
    for r in labels["quotes"] + labels["attributions"]:
        text = texts.get(r["ID"])
        if text is None or sha8(text[r["start"]:r["end"]]) != r["sha"]:
            bad += 1
    if bad:
        print(f"warning: {bad} labels do not match the corpus text (wrong corpus file?)")
    return bad


# --------------------------------------------------------------------------- predictions



def _value(v):
    """A JSON-able value (pandas' missing values become None)."""
    try:
        import pandas as pd

        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return None
    except (TypeError, ValueError):
        pass
    return v.item() if hasattr(v, "item") else v


def predict(records: dict[str, dict]) -> dict:
    """Quotes and attributions in raw offsets, from the ``analysis`` importable now."""
    import analysis as an

    print(f"analysis from {Path(an.__file__).parent}", file=sys.stderr)
    recs = [{"article_id": i, "text": r["text"], "outlet": r.get("source"), "title": r.get("title"),
             "date": r.get("date")} for i, r in sorted(records.items())]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = an.from_records(recs)
        q, a = an.quotes(corpus), an.attributions(corpus)
    f = corpus_to_raw(corpus)

    def raw(aid, x):
        x = _value(x)
        return None if x is None else f[aid](int(x))

    out = {"quotes": [], "attributions": []}
    for r in q.to_dict("records"):
        aid = r["article_id"]
        out["quotes"].append({
            "ID": aid, "start": raw(aid, r["start"]), "end": raw(aid, r["end"]),
            "speaker": _value(r.get("speaker")), "speaker_name": _value(r.get("speaker_name")),
            "speaker_type": _value(r.get("speaker_type")), "how": _value(r.get("how")),
            "resolved_from": _value(r.get("resolved_from")),
            "speaker_start": raw(aid, r.get("speaker_start")), "speaker_end": raw(aid, r.get("speaker_end")),
            "partial": bool(r.get("partial"))})
    for r in a.to_dict("records"):
        aid = r["article_id"]
        out["attributions"].append({
            "ID": aid, "start": raw(aid, r["start"]), "end": raw(aid, r["end"]),
            "source": _value(r.get("source")), "source_name": _value(r.get("source_name")),
            "source_type": _value(r.get("source_type")), "anonymous": bool(r.get("anonymous")),
            "count": _value(r.get("count")), "cue": _value(r.get("cue"))})
    return out



def predict_with(code_dir: Path | None, corpus: Path, labels_dir: Path, split: str) -> dict:
    """Run :func:`predict` in a fresh process with ``code_dir`` (None: this tree) first on the path."""
    return predict_in(__file__, [str(corpus), str(labels_dir), "--split", split], code_dir)




# --------------------------------------------------------------------------- scoring

def match_spans(preds: list[tuple[int, int]], gold: list[tuple[int, int]], min_iou: float) -> list[tuple[int, int]]:
    """One-to-one pairs ``(i, j)`` of overlapping spans, best overlap first: for quotes the
    overlap must be ``min_iou`` of the union; for sources (``min_iou`` 0) any overlap."""
    pairs = []
    for i, (a, b) in enumerate(preds):
        for j, (c, d) in enumerate(gold):
            inter = min(b, d) - max(a, c)
            if inter <= 0:
                continue
            iou = inter / (max(b, d) - min(a, c))
            if iou >= min_iou:
                pairs.append((iou, i, j))
    return one_to_one(pairs)


def named_gold(g: dict) -> bool:
    """A gold quote or source whose speaker the article names."""
    who = g.get("speaker", g.get("source"))
    kind = g.get("speaker_type", g.get("source_type"))
    return who not in ("", "-", None) and g["anonymous"] == "0" and kind in ("person", "organization", "document")


def _persons(labels: dict) -> dict[str, list[str]]:
    out = defaultdict(set)
    for g in labels["quotes"]:
        if g["speaker_type"] == "person":
            out[g["ID"]].add(g["speaker"])
    for g in labels["attributions"]:
        if g["source_type"] == "person":
            out[g["ID"]].add(g["source"])
    return {k: sorted(v) for k, v in out.items()}


def score_quotes(pred: dict, labels: dict, texts: dict[str, str]) -> dict:
    res = Counter()
    by_how = defaultdict(Counter)
    confusion = Counter()
    errors = Counter()
    examples = defaultdict(list)
    persons = _persons(labels)
    gold_by = defaultdict(list)
    for g in labels["quotes"]:
        gold_by[g["ID"]].append(g)
    pred_by = defaultdict(list)
    for p in pred["quotes"]:
        pred_by[p["ID"]].append(p)
    for aid, gold in gold_by.items():
        text = texts[aid]
        preds = pred_by.get(aid, [])
        ps = [trim(text, p["start"], p["end"]) for p in preds]
        gs = [trim(text, g["start"], g["end"]) for g in gold]
        pairs = match_spans(ps, gs, 0.5)
        res["gold"] += len(gold)
        res["pred"] += len(preds)
        res["tp"] += len(pairs)
        matched = {j: i for i, j in pairs}
        for i, p in enumerate(preds):
            if i not in {i for i, _ in pairs}:
                errors["not_a_quote"] += 1
                examples["not_a_quote"].append((aid, p["start"], p["end"], None, p))
        for j, g in enumerate(gold):
            p = preds[matched[j]] if j in matched else None
            if p is None:
                n_words = len(text[g["start"]:g["end"]].split())
                kind = "short_quote_missed" if n_words <= 3 else "quote_missed"
                errors[kind] += 1
                examples[kind].append((aid, g["start"], g["end"], g, None))
            else:
                confusion[(g["speaker_type"], p["speaker_type"] or "unknown")] += 1
                if g["speaker_type"] in ("organization", "document") and p["speaker_type"] == "person":
                    errors["nonperson_typed_person"] += 1
                    examples["nonperson_typed_person"].append((aid, g["start"], g["end"], g, p))
            if not named_gold(g):
                if g["speaker_type"] == "anonymous" and p is not None:
                    res["anon_n"] += 1
                    res["anon_ok"] += p["speaker_type"] == "anonymous"
                continue
            res["named_all"] += 1
            if p is None:
                continue
            ok = same_speaker(p["speaker_name"], g["speaker"])
            res["spk_n"] += 1
            res["spk_ok"] += ok
            by_how[g["how"]]["n"] += 1
            by_how[g["how"]]["ok"] += ok
            if not ok:
                kind = quote_error(g["how"], g["speaker"], p, persons.get(aid, []), text)
                errors[kind] += 1
                examples[kind].append((aid, g["start"], g["end"], g, p))
    return {"counts": res, "by_how": by_how, "confusion": confusion, "errors": errors, "examples": examples}


def score_attributions(pred: dict, labels: dict, texts: dict[str, str]) -> dict:
    res = Counter()
    errors = Counter()
    examples = defaultdict(list)
    gold_by = defaultdict(list)
    for g in labels["attributions"]:
        gold_by[g["ID"]].append(g)
    pred_by = defaultdict(list)
    for p in pred["attributions"]:
        pred_by[p["ID"]].append(p)
    for aid in sorted(set(gold_by) | set(pred_by)):
        gold = [g for g in gold_by.get(aid, []) if g["source_start"] is not None]
        res["reportedly"] += sum(g["source_start"] is None for g in gold_by.get(aid, []))
        errors["reportedly_missed"] += sum(g["source_start"] is None for g in gold_by.get(aid, []))
        preds = pred_by.get(aid, [])
        pairs = match_spans([(p["start"], p["end"]) for p in preds],
                            [(g["source_start"], g["source_end"]) for g in gold], 0.0)
        matched = {j: i for i, j in pairs}
        matched_p = {i for i, _ in pairs}
        res["gold"] += len(gold)
        res["pred"] += len(preds)
        res["found"] += len(pairs)
        res["pred_anon"] += sum(p["anonymous"] for p in preds)
        res["gold_anon"] += sum(g["anonymous"] == "1" for g in gold)
        for i, p in enumerate(preds):
            if i not in matched_p:
                errors["junk_source"] += 1
                examples["junk_source"].append((aid, p["start"], p["end"], None, p))
                if p["anonymous"]:  # the part of the anonymous-flag precision lost here
                    examples["anonymous_junk (of junk_source)"].append((aid, p["start"], p["end"], None, p))
        for j, g in enumerate(gold):
            if j not in matched:
                errors["source_missed"] += 1
                examples["source_missed"].append((aid, g["source_start"], g["source_end"], g, None))
                if g["anonymous"] == "1":  # the part of the anonymous-flag recall lost here
                    examples["anonymous_missed (of source_missed)"].append(
                        (aid, g["source_start"], g["source_end"], g, None))
                continue
            p = preds[matched[j]]
            g_anon, p_anon = g["anonymous"] == "1", p["anonymous"]
            res["m_gold_anon"] += g_anon
            res["m_pred_anon"] += p_anon
            res["anon_tp"] += g_anon and p_anon
            ok = p_anon if g_anon else (not p_anon and same_speaker(p["source_name"], g["source"]))
            res["right"] += ok
            if g["source_type"] in ("organization", "document") and p["source_type"] == "person":
                errors["nonperson_typed_person"] += 1
                examples["nonperson_typed_person"].append((aid, g["source_start"], g["source_end"], g, p))
            if p["source_type"] == "document" and g["source_type"] != "document":
                errors["document_not_issuer"] += 1
                examples["document_not_issuer"].append((aid, g["source_start"], g["source_end"], g, p))
            if g["count"] == "1" and p["count"] is None:
                errors["count_missing"] += 1
            if not ok:
                kind = ("anonymous_flag_missed" if g_anon else "anonymous_flag_wrong" if p_anon
                        else "pronoun_source_wrong" if is_pronoun(p["source"])
                        else "outlet_as_source" if is_outlet(p["source_name"]) and not is_outlet(g["source"])
                        else "role_source_left" if is_role_phrase(p["source_name"]) else "other_wrong_source")
                errors[kind] += 1
                examples[kind].append((aid, g["source_start"], g["source_end"], g, p))
    return {"counts": res, "errors": errors, "examples": examples}


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def figures(res: dict) -> dict[str, float]:
    q, a = res["quotes"]["counts"], res["attributions"]["counts"]
    return {
        "quote_precision": _ratio(q["tp"], q["pred"]), "quote_recall": _ratio(q["tp"], q["gold"]),
        "speaker_accuracy": _ratio(q["spk_ok"], q["spk_n"]),
        "speaker_accuracy_all": _ratio(q["spk_ok"], q["named_all"]),
        "anonymous_quotes_typed": _ratio(q["anon_ok"], q["anon_n"]),
        "sources_found": _ratio(a["found"], a["gold"]), "attribution_precision": _ratio(a["found"], a["pred"]),
        "source_right": _ratio(a["right"], a["found"]), "source_right_all": _ratio(a["right"], a["gold"]),
        "anonymous_precision": _ratio(a["anon_tp"], a["pred_anon"]),
        "anonymous_recall": _ratio(a["anon_tp"], a["gold_anon"]),
        "anonymous_precision_matched": _ratio(a["anon_tp"], a["m_pred_anon"]),
        "anonymous_recall_matched": _ratio(a["anon_tp"], a["m_gold_anon"]),
        "nonperson_typed_person": float(res["quotes"]["errors"]["nonperson_typed_person"]
                                        + res["attributions"]["errors"]["nonperson_typed_person"]),
    }


def score(pred: dict, labels: dict, texts: dict[str, str]) -> dict:
    return {"quotes": score_quotes(pred, labels, texts), "attributions": score_attributions(pred, labels, texts)}


# --------------------------------------------------------------------------- report

_LINES = [
    ("quote_precision", "direct quotes: precision"), ("quote_recall", "direct quotes: recall"),
    ("speaker_accuracy", "speaker accuracy (named, matched quotes)"),
    ("speaker_accuracy_all", "speaker accuracy (named, all gold quotes)"),
    ("anonymous_quotes_typed", "anonymous quotes typed anonymous"),
    ("sources_found", "attributions: gold sources found"),
    ("attribution_precision", "attributions: precision"),
    ("source_right", "attributions: source right (found)"),
    ("source_right_all", "attributions: source right (all gold)"),
    ("anonymous_precision", "anonymous flag: precision"), ("anonymous_recall", "anonymous flag: recall"),
    ("anonymous_precision_matched", "anonymous flag: precision (matched)"),
    ("anonymous_recall_matched", "anonymous flag: recall (matched)"),
    ("nonperson_typed_person", "non-person typed person (count)"),
]


def _fmt(v: float, count: bool = False) -> str:
    return f"{v:.0f}" if count else f"{v:.3f}"


def print_report(split: str, labels: dict, before: dict | None, after: dict) -> None:
    fa = figures(after)
    fb = figures(before) if before else None
    q = after["quotes"]["counts"]
    a = after["attributions"]["counts"]
    print(f"Speaker labels, {split}: {len(labels['ids'])} articles, {q['gold']} gold quotes "
          f"({q['named_all']} with a named speaker), {a['gold']} gold sources (+{a['reportedly']} unsourced)")
    print(f"  {'figure':<44} {'before':>7} {'after':>7}  target")
    for key, label in _LINES:
        count = key == "nonperson_typed_person"
        target = TARGETS.get(key)
        mark = "" if target is None else (f">= {target:.2f} " + ("met" if fa[key] >= target else "NOT met"))
        if count:
            mark = "0 " + ("met" if fa[key] == 0 else "NOT met")
        b = _fmt(fb[key], count) if fb else "-"
        print(f"  {label:<44} {b:>7} {_fmt(fa[key], count):>7}  {mark}")
    print("\n  speaker accuracy by how (gold):           before            after")
    hows = sorted(set(after["quotes"]["by_how"]) | set(before["quotes"]["by_how"] if before else ()))
    for h in hows:
        ca = after["quotes"]["by_how"].get(h, Counter())
        cb = before["quotes"]["by_how"].get(h, Counter()) if before else Counter()
        sb = f"{cb['ok']:>4}/{cb['n']:<4} {_ratio(cb['ok'], cb['n']):.3f}" if before else "-"
        print(f"    {h:<38} {sb:>16}  {ca['ok']:>4}/{ca['n']:<4} {_ratio(ca['ok'], ca['n']):.3f}")
    print("\n  speaker_type confusion (gold -> predicted, matched quotes, after):")
    conf = after["quotes"]["confusion"]
    kinds = ["person", "organization", "document", "anonymous", "unknown"]
    head = "gold / pred"
    print("    " + f"{head:<14}" + "".join(f"{k[:6]:>8}" for k in kinds))
    for g in kinds:
        print("    " + f"{g:<14}" + "".join(f"{conf.get((g, k), 0):>8}" for k in kinds))
    print("\n  errors per class:                          before   after")
    for part in ("quotes", "attributions"):
        keys = sorted(set(after[part]["errors"]) | set(before[part]["errors"] if before else ()))
        for k in keys:
            b = before[part]["errors"].get(k, 0) if before else "-"
            print(f"    {part[:5]} {k:<36} {b:>6} {after[part]['errors'].get(k, 0):>7}")


def print_errors(res: dict, texts: dict[str, str], n: int) -> None:
    for part in ("quotes", "attributions"):
        for kind, rows in sorted(res[part]["examples"].items()):
            print(f"\n-- {part}: {kind} ({len(rows)})")
            for aid, s, e, g, p in rows[:n]:
                text = texts[aid]
                ctx = text[max(0, s - 160):s] + "«" + text[s:e] + "»" + text[e:e + 80]
                gold = (g.get("speaker") or g.get("source"), g.get("how") or g.get("kind")) if g else None
                pr = ({k: p.get(k) for k in ("speaker", "speaker_name", "speaker_type", "how", "resolved_from",
                                                 "source", "source_name", "source_type", "anonymous") if k in p}
                      if p else None)
                print(f"  [{aid[:8]} {s}] gold={gold} pred={pr}\n      {ctx!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path, help="abp-5000.jsonl.gz")
    ap.add_argument("labels", type=Path, help="benchmarks/labels/speakers")
    # test2: a second held-out set, labelled later by another labeller (labels/speakers/test2/notes.md)
    ap.add_argument("--split", default="dev", choices=["dev", "test", "test2", "test3", "test4"])
    ap.add_argument("--baseline", default="main", help="git ref of the 'before' code (empty: none)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each class (after)")
    ap.add_argument("--predict-only", metavar="CODE_DIR", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.corpus, args.labels = args.corpus.resolve(), args.labels.resolve()
    labels = load_labels(args.labels, args.split)
    records = read_records(args.corpus, set(labels["ids"]))
    if args.predict_only:
        use_code(Path(args.predict_only))
        json.dump(predict(records), sys.stdout)
        return 0
    texts = {i: r["text"] for i, r in records.items()}
    check_labels(labels, texts)
    moved = anchor_sources(labels, texts)
    if moved:
        print(f"({moved} gold source spans that cut a word moved to the whole word in their clause)")
    base = predict_at_ref(args.baseline, lambda code: predict_with(code, args.corpus, args.labels, args.split))
    before = None if base is None else score(base, labels, texts)
    after = score(predict_with(None, args.corpus, args.labels, args.split), labels, texts)
    print_report(args.split, labels, before, after)
    if args.errors:
        print_errors(after, texts, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
