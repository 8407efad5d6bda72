"""Score ``analysis.quotes`` against PolNeAR (Newell et al. 2018): direct quotes and speakers.

Usage::

    .venv/bin/python benchmarks/eval_quotes.py /path/to/polnear [--split dev|train] [--baseline REF]
        [--errors N]

Gold standard (from the PolNeAR annotation, all annotators of a text pooled):

* A *gold direct quote* is a run between quotation marks (curly or straight, paired within a
  paragraph; a mark left open runs to the paragraph end) of 4 or more words, at least half of
  whose characters lie inside an annotated ``Content`` span.
* Its *gold speaker* is the ``Source`` of the attribution whose Content covers it most.

Predictions: the raw texts go through ``an.from_texts`` (so cleaning is included) and
``an.quotes``; clean offsets are mapped back to raw offsets with the corpus ``edits`` log.
Only predicted quotes of 4+ words are scored, as gold quotes have 4+ words by definition.

Matching: both spans are trimmed of spaces and punctuation at either end; a prediction
matches a gold quote when their intersection is at least half of their union (one-to-one,
greedy). Precision = matched predictions / predictions; recall = matched gold / gold.
"Exact" counts matches whose trimmed spans are identical.

Speaker accuracy is measured on matched quotes whose gold Source is a name: after dropping
a leading determiner and anything from the first comma on, its first and last words are
capitalized and it is not a pronoun ("Trump", "the White House", "Sen. Ted Cruz"; not
"sources", "a Clinton aide", "he").  A prediction is right when the gold name's last word
(possessive and Jr./III dropped) is one of the words of the resolved ``speaker_name``, so
"Trump" vs "Donald Trump" counts as right and "Clinton" vs "Trump" or an unknown speaker as
wrong.  Gold pronoun sources are not resolved and are left out.

The baseline in the same run takes every quoted run of 4+ words as a quote, with no speaker.

Also: the same figures per publisher (``metadata.tsv``); attributions against every annotated
Source (found: a predicted source span overlaps it; a predicted source no annotator marked is
``junk_source``); counts per error class of issue 15 where they can be told automatically
(``speaker_errors.py``); and, with ``--baseline REF``, every figure for the code of git ``REF``
(run in its own process) beside this tree's.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from evalkit import corpus_to_raw, one_to_one, predict_at_ref, predict_in, trim, use_code  # noqa: E402  (shared by the eval scripts)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from speaker_errors import looks_nonperson, quote_error  # noqa: E402

WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "who", "this", "that"}
DETS = {"the", "a", "an"}
SUFFIX = {"jr", "sr", "ii", "iii", "iv"}


# --------------------------------------------------------------------------- gold

def parse_ann(path: Path) -> tuple[dict, list[dict]]:
    spans, events = {}, []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offs = parts[1].partition(" ")
            segs = []
            for seg in offs.split(";"):
                a, b = seg.split()
                segs.append((int(a), int(b)))
            spans[parts[0]] = {"label": label, "segs": segs, "text": parts[2] if len(parts) > 2 else ""}
        elif line.startswith("E"):
            parts = line.split("\t")
            roles = {}
            for item in parts[1].split():
                role, _, tid = item.partition(":")
                roles[role] = tid
            events.append(roles)
    return spans, events


def quoted_runs(text: str) -> list[tuple[int, int]]:
    """Inner spans of quoted runs, paired per paragraph (the simple, annotation-free way)."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        a = para.start()
        open_at = None
        for m in re.finditer(r"[\"“”]", para.group()):
            i = a + m.start()
            c = m.group()
            if c == "“" or (c == '"' and open_at is None):
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                out.append((open_at + 1, i))
                open_at = None
        if open_at is not None:
            out.append((open_at + 1, para.end()))
    return [(s, e) for s, e in out if len(WORD.findall(text[s:e])) >= 4]


def gold_for(text: str, anns: list[Path]) -> list[dict]:
    contents = []  # (segs, source text or None)
    for ann in anns:
        spans, events = parse_ann(ann)
        for ev in events:
            c = spans.get(ev.get("Content", ""))
            if not c:
                continue
            s = spans.get(ev.get("Source", ""))
            contents.append((c["segs"], s["text"] if s else None))
        # Content spans outside an event still mark attributed material.
        used = {ev.get("Content") for ev in events}
        for tid, sp in spans.items():
            if sp["label"] == "Content" and tid not in used:
                contents.append((sp["segs"], None))
    gold = []
    for s, e in quoted_runs(text):
        s2, e2 = trim(text, s, e)
        n = sum(1 for ch in text[s2:e2] if not ch.isspace()) or 1
        best, best_cov = None, 0
        total = set()
        for segs, src in contents:
            cov = set()
            for a, b in segs:
                lo, hi = max(a, s2), min(b, e2)
                if hi > lo:
                    cov.update(i for i in range(lo, hi) if not text[i].isspace())
            total |= cov
            if len(cov) > best_cov or (len(cov) == best_cov and best is None and src):
                best, best_cov = src, len(cov)
        if len(total) >= 0.5 * n:
            gold.append({"start": s2, "end": e2, "source": best})
    return gold


def is_name(source: str | None) -> bool:
    if not source:
        return False
    head = re.sub(r"\([^)]*\)", " ", source).split(",")[0].strip()
    words = [w for w in re.findall(r"[\w’'.\-]+", head)]
    while words and words[0].lower() in DETS:
        words = words[1:]
    if not words or words[0].lower() in PRONOUNS:
        return False
    return words[0][:1].isupper() and words[-1][:1].isupper()


def surname(name: str) -> str:
    name = re.sub(r"\([^)]*\)", " ", name)  # "Rep. Bobby Scott (D-Va.)"
    # "Sen. Jeff Merkley of Oregon": the surname is before "of" (not in "Secretary of State ...").
    head, sep, _ = (re.split(r"(\s+of\s+)(?=[A-Z])", name, maxsplit=1) + ["", ""])[:3]
    if sep and len(head.split()) >= 2 and head.split()[-1][:1].isupper() \
            and head.split()[-1].rstrip(".").lower() not in {"secretary", "minister", "director", "chairman", "president", "head"}:
        name = head
    words = [re.sub(r"[’']s?$", "", w).lower().strip(".") for w in re.findall(r"[\w’'.\-]+", name.split(",")[0])]
    words = [w for w in words if w and w not in SUFFIX]
    return words[-1] if words else ""


def speaker_right(pred: str | None, gold: str) -> bool:
    if not pred or not isinstance(pred, str):
        return False
    toks = {re.sub(r"[’']s?$", "", w).lower().strip(".") for w in re.findall(r"[\w’'.\-]+", pred)}
    return surname(gold) in toks


# --------------------------------------------------------------------------- predictions



def match(preds: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pairs = []
    for i, (a, b) in enumerate(preds):
        for j, (c, d) in enumerate(gold):
            inter = min(b, d) - max(a, c)
            if inter <= 0:
                continue
            union = max(b, d) - min(a, c)
            if inter / union >= 0.5:
                pairs.append((inter / union, i, j))
    return one_to_one(pairs)


def load_polnear(folder: Path, splits: list[str]) -> tuple[dict[str, str], dict[str, list[Path]]]:
    texts, anns = {}, defaultdict(list)
    for split in splits:
        sub = folder / split
        for p in sorted((sub / "text").glob("*.txt")):
            texts[p.stem] = p.read_text("utf-8")
        for p in sorted((sub / "attributions").glob("*.ann")):
            anns[p.stem.rsplit("_", 1)[0]].append(p)
    return texts, anns


def publishers(folder: Path) -> dict[str, str]:
    """Article name -> publisher, from ``metadata.tsv`` (empty when it is missing)."""
    path = folder / "metadata.tsv"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {r["filename"]: r["publisher"] for r in csv.DictReader(fh, delimiter="\t")}


def gold_sources(text: str, anns: list[Path]) -> list[tuple[int, int, str]]:
    """Every annotated Source span of an attribution with a cue (all annotators pooled,
    overlapping spans kept once): ``(start, end, text)``."""
    out = []
    for ann in anns:
        spans, events = parse_ann(ann)
        for ev in events:
            s = spans.get(ev.get("Source", ""))
            if s and ev.get("Cue"):
                a, b = s["segs"][0][0], s["segs"][-1][1]
                if not any(min(b, d) > max(a, c) for c, d, _ in out):
                    out.append((a, b, text[a:b]))
    return out


def predict(texts: dict[str, str]) -> dict:
    """Quotes and attributions of every text in raw offsets, from the ``analysis`` importable now."""
    import analysis as an

    print(f"analysis from {Path(an.__file__).parent}", file=sys.stderr)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.process_time()
        corpus = an.from_texts(texts)
        t1 = time.process_time()
        q = an.quotes(corpus)
        t2 = time.process_time()
        a = an.attributions(corpus)
    f = corpus_to_raw(corpus)

    def raw(aid, x):
        return None if x is None or x != x else f[aid](int(x))

    out = {"quotes": defaultdict(list), "attributions": defaultdict(list),
           "seconds": {"loading": t1 - t0, "quotes": t2 - t1}, "words": int(corpus.articles.n_words.sum())}
    for r in q.to_dict("records"):
        aid = r["article_id"]
        out["quotes"][aid].append({
            "start": raw(aid, r["start"]), "end": raw(aid, r["end"]), "speaker": _str(r.get("speaker")),
            "speaker_name": _str(r.get("speaker_name")), "speaker_type": _str(r.get("speaker_type")),
            "how": _str(r.get("how")), "speaker_start": raw(aid, r.get("speaker_start")),
            "speaker_end": raw(aid, r.get("speaker_end"))})
    for r in a.to_dict("records"):
        aid = r["article_id"]
        out["attributions"][aid].append({
            "start": raw(aid, r["start"]), "end": raw(aid, r["end"]), "source": _str(r.get("source")),
            "source_name": _str(r.get("source_name")), "source_type": _str(r.get("source_type")),
            "anonymous": bool(r.get("anonymous"))})
    return out


def _str(v):
    return v if isinstance(v, str) else None



def predict_with(code_dir: Path | None, polnear: Path, split: str) -> dict:
    """Run :func:`predict` in a fresh process with ``code_dir`` (None: this tree) first on the path."""
    return predict_in(__file__, [str(polnear), "--split", split], code_dir)




def _sentence_of(text: str, a: int, b: int) -> tuple[int, int]:
    """The paragraph around ``text[a:b]`` (the scorer has no sentence splitter of its own)."""
    lo = text.rfind("\n", 0, a) + 1
    hi = text.find("\n", b)
    return lo, len(text) if hi < 0 else hi


def score(pred: dict, texts: dict[str, str], anns: dict[str, list[Path]], pubs: dict[str, str]) -> dict:
    """Counts of every figure, in total and per publisher, and the errors by class."""
    tot: dict[str, Counter] = defaultdict(Counter)
    errors = Counter()
    examples: dict[str, list] = defaultdict(list)
    for name, raw in texts.items():
        c = tot[pubs.get(name, "?")]
        gold = gold_for(raw, anns.get(name, []))
        preds = []
        for r in pred["quotes"].get(name, []):
            a, b = trim(raw, r["start"], r["end"])
            if len(WORD.findall(raw[a:b])) >= 4:
                preds.append((a, b, r))
        g_spans = [(g["start"], g["end"]) for g in gold]
        pairs = match([(a, b) for a, b, _ in preds], g_spans)
        c["gold"] += len(gold)
        c["pred"] += len(preds)
        c["tp"] += len(pairs)
        sources = [g["source"] for g in gold if is_name(g["source"])]
        for i, j in pairs:
            c["exact"] += (preds[i][0], preds[i][1]) == g_spans[j]
            p, src = preds[i][2], gold[j]["source"]
            if p["speaker_type"] == "person" and looks_nonperson(p["speaker_name"]) \
                    and not (is_name(src) and speaker_right(p["speaker_name"], src)):
                errors["nonperson_typed_person"] += 1
                examples["nonperson_typed_person"].append((name, g_spans[j], src, p))
            if not is_name(src):
                continue
            c["spk_n"] += 1
            ok = speaker_right(p["speaker_name"], src)
            c["spk_ok"] += ok
            if not ok:
                kind = quote_error("", src, p, sources, raw)
                if kind == "missed_cue":
                    # No speaker found: a cue in the quote's paragraph that was missed, or a
                    # continuation of a speaker named before the paragraph.
                    ga, gb = g_spans[j]
                    lo, hi = _sentence_of(raw, ga, gb)
                    if not _source_in(anns.get(name, []), lo, hi, raw, src):
                        kind = "continuation_no_speaker"
                errors[kind] += 1
                examples[kind].append((name, g_spans[j], src, p))
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        for i, (a, b, r) in enumerate(preds):
            if i not in mp:
                errors["not_a_quote"] += 1
                examples["not_a_quote"].append((name, (a, b), None, r))
        for j, g in enumerate(gold):
            if j not in mg:
                errors["quote_missed"] += 1
                examples["quote_missed"].append((name, g_spans[j], g["source"], None))
        base = [trim(raw, s, e) for s, e in quoted_runs(raw)]
        c["base_pred"] += len(base)
        c["base_tp"] += len(match(base, g_spans))
        _score_sources(c, errors, examples, name, raw, gold_sources(raw, anns.get(name, [])),
                       pred["attributions"].get(name, []))
    return {"by_publisher": tot, "errors": errors, "examples": examples}


def _source_in(anns: list[Path], lo: int, hi: int, raw: str, src: str) -> bool:
    """Whether an annotated Source with the gold name lies in ``raw[lo:hi]``."""
    for a, b, t in gold_sources(raw, anns):
        if lo <= a < hi and speaker_right(t, src):
            return True
    return False


def _score_sources(c: Counter, errors: Counter, examples: dict, name: str, raw: str,
                   gold: list[tuple[int, int, str]], preds: list[dict]) -> None:
    """Attributions against PolNeAR's Source spans: found, junk (a source no annotator marked)."""
    pairs = match_any([(p["start"], p["end"]) for p in preds], [(a, b) for a, b, _ in gold])
    c["src_gold"] += len(gold)
    c["src_pred"] += len(preds)
    c["src_found"] += len(pairs)
    mp = {i for i, _ in pairs}
    for i, p in enumerate(preds):
        if i not in mp:
            errors["junk_source"] += 1
            examples["junk_source"].append((name, (p["start"], p["end"]), None, p))
        elif p["source_type"] == "person" and looks_nonperson(p["source_name"]):
            errors["nonperson_typed_person"] += 1
            examples["nonperson_typed_person"].append((name, (p["start"], p["end"]), None, p))
    errors["source_missed"] += len(gold) - len(pairs)


def match_any(preds: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs of spans that overlap at all, largest overlap first."""
    pairs = []
    for i, (a, b) in enumerate(preds):
        for j, (c, d) in enumerate(gold):
            inter = min(b, d) - max(a, c)
            if inter > 0:
                pairs.append((inter, i, j))
    return one_to_one(pairs)


def _ratio(a, b):
    return a / b if b else float("nan")


def _total(res: dict) -> Counter:
    out = Counter()
    for c in res["by_publisher"].values():
        out.update(c)
    return out


def print_report(split: str, n_texts: int, before: dict | None, after: dict, pred_after: dict) -> None:
    ta = _total(after)
    tb = _total(before) if before else None

    def line(label, key_a, key_b, t):
        return f"{_ratio(t[key_a], t[key_b]):.3f}" if t is not None else "-"

    print(f"PolNeAR {split}: {n_texts} articles, {ta['gold']} gold direct quotes (4+ words)")
    p, r = _ratio(ta["tp"], ta["pred"]), _ratio(ta["tp"], ta["gold"])
    print(f"  quotes:   precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / (p + r):.3f}  "
          f"({ta['tp']} matched of {ta['pred']} predicted; {_ratio(ta['exact'], ta['tp']):.3f} of matches exact)")
    print(f"  speakers: accuracy {_ratio(ta['spk_ok'], ta['spk_n']):.3f} on {ta['spk_n']} matched quotes whose gold source is a name")
    bp, br = _ratio(ta["base_tp"], ta["base_pred"]), _ratio(ta["base_tp"], ta["gold"])
    print(f"  baseline (every quoted run of 4+ words): precision {bp:.3f}  recall {br:.3f}")
    print(f"  attributions: {_ratio(ta['src_found'], ta['src_gold']):.3f} of {ta['src_gold']} annotated sources found; "
          f"{_ratio(ta['src_found'], ta['src_pred']):.3f} of {ta['src_pred']} predicted sources annotated")
    n_words, sec = pred_after["words"], pred_after["seconds"]
    print(f"  speed: loading {sec['loading']:.1f} s; quotes {sec['quotes']:.2f} s CPU for {n_words:,} words "
          f"({n_words / max(sec['quotes'], 1e-9):,.0f} words/s)")
    print("\n  figure                                   before    after")
    for label, a, b in [("quote precision", "tp", "pred"), ("quote recall", "tp", "gold"),
                        ("speaker accuracy", "spk_ok", "spk_n"), ("sources found", "src_found", "src_gold"),
                        ("sources annotated", "src_found", "src_pred")]:
        print(f"  {label:<40} {line(label, a, b, tb):>6} {line(label, a, b, ta):>8}")
    print("\n  per publisher:                 quotes  precision  recall   speaker (n)        before")
    for pub in sorted(after["by_publisher"]):
        c = after["by_publisher"][pub]
        cb = before["by_publisher"].get(pub) if before else None
        b_spk = f"{_ratio(cb['spk_ok'], cb['spk_n']):.3f}" if cb else "-"
        print(f"    {pub:<28} {c['gold']:>6} {_ratio(c['tp'], c['pred']):>10.3f} {_ratio(c['tp'], c['gold']):>7.3f}"
              f"   {_ratio(c['spk_ok'], c['spk_n']):.3f} ({c['spk_n']:>4})   {b_spk}")
    print("\n  errors per class:                          before   after")
    keys = sorted(set(after["errors"]) | set(before["errors"] if before else ()))
    for k in keys:
        b = before["errors"].get(k, 0) if before else "-"
        print(f"    {k:<40} {b:>6} {after['errors'].get(k, 0):>7}")


def print_errors(res: dict, texts: dict[str, str], n: int) -> None:
    for kind, rows in sorted(res["examples"].items()):
        print(f"\n-- {kind} ({len(rows)})")
        for name, (a, b), src, p in rows[:n]:
            raw = texts[name]
            ctx = raw[max(0, a - 150):a] + "«" + raw[a:b] + "»" + raw[b:b + 80]
            who = {k: p.get(k) for k in ("speaker", "speaker_name", "speaker_type", "how", "source",
                                         "source_name", "source_type") if k in p} if p else None
            print(f"  [{name[:40]}] gold={src!r} pred={who}\n      {ctx!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("polnear", type=Path, help="PolNeAR folder (with train/ and dev/)")
    ap.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    ap.add_argument("--baseline", default="", help="git ref of the 'before' code (e.g. main; empty: none)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each class (after)")
    ap.add_argument("--predict-only", metavar="CODE_DIR", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.polnear = args.polnear.resolve()
    splits = ["train", "dev"] if args.split == "all" else [args.split]
    for split in splits:
        if not (args.polnear / split / "text").is_dir():
            ap.error(f"{args.polnear / split}/text: not a folder; pass the PolNeAR folder that holds train/ and dev/")
    texts, anns = load_polnear(args.polnear, splits)
    if args.predict_only:
        use_code(Path(args.predict_only))
        json.dump(predict(texts), sys.stdout)
        return 0
    pubs = publishers(args.polnear)
    base = predict_at_ref(args.baseline, lambda code: predict_with(code, args.polnear, args.split))
    before = None if base is None else score(base, texts, anns, pubs)
    pred = predict_with(None, args.polnear, args.split)
    after = score(pred, texts, anns, pubs)
    print_report(args.split, len(texts), before, after, pred)
    if args.errors:
        print_errors(after, texts, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
