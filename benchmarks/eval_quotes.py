"""Score ``analysis.quotes`` against PolNeAR (Newell et al. 2018): direct quotes and speakers.

Usage::

    .venv/bin/python benchmarks/eval_quotes.py /path/to/polnear [--split dev|train] [--errors N]

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
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import analysis as an  # noqa: E402
from analysis.quotes import quotes  # noqa: E402

WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")
TRIM = " \t\n.,;:!?\"“”‘’'()[]—–-…"
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


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


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
    words = [re.sub(r"[’']s?$", "", w).lower().strip(".") for w in re.findall(r"[\w’'.\-]+", name.split(",")[0])]
    words = [w for w in words if w and w not in SUFFIX]
    return words[-1] if words else ""


def speaker_right(pred: str | None, gold: str) -> bool:
    if not pred or not isinstance(pred, str):
        return False
    toks = {re.sub(r"[’']s?$", "", w).lower().strip(".") for w in re.findall(r"[\w’'.\-]+", pred)}
    return surname(gold) in toks


# --------------------------------------------------------------------------- predictions

def clean_to_raw(edits: list[tuple[int, int, int, int]]):
    """A function mapping a clean offset to a raw offset, from (start, end, raw_start, raw_end)."""
    edits = sorted(edits)
    starts = [e[0] for e in edits]

    def f(x: int) -> int:
        i = bisect.bisect_right(starts, x) - 1
        if i < 0:
            return x
        s, e, rs, re_ = edits[i]
        if x < e:
            return rs if x == s else min(re_, rs + (x - s))
        return x - e + re_
    return f


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
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("polnear", type=Path, help="PolNeAR folder (with train/ and dev/)")
    ap.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    ap.add_argument("--errors", type=int, default=0, help="print up to N false positives, misses and wrong speakers")
    args = ap.parse_args(argv)
    splits = ["train", "dev"] if args.split == "all" else [args.split]
    texts, anns = {}, defaultdict(list)
    for split in splits:
        folder = args.polnear / split
        if not (folder / "text").is_dir():
            ap.error(f"{folder}/text: not a folder; pass the PolNeAR folder that holds train/ and dev/")
        for p in sorted((folder / "text").glob("*.txt")):
            texts[p.stem] = p.read_text("utf-8")
        for p in sorted((folder / "attributions").glob("*.ann")):
            anns[p.stem.rsplit("_", 1)[0]].append(p)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        corpus = an.from_texts(texts)
        t1 = time.perf_counter()
        q = quotes(corpus)
        t2 = time.perf_counter()
    edits = defaultdict(list)
    for r in corpus.edits.itertuples():
        edits[r.article_id].append((r.start, r.end, r.raw_start, r.raw_end))
    by_art = defaultdict(list)
    for r in q.itertuples():
        by_art[r.article_id].append(r)
    tot = dict(gold=0, pred=0, tp=0, exact=0, spk_n=0, spk_ok=0, base_pred=0, base_tp=0)
    fps, fns, bad = [], [], []
    for name, raw in texts.items():
        gold = gold_for(raw, anns.get(name, []))
        f = clean_to_raw(edits.get(name, []))
        preds = []
        for r in by_art.get(name, []):
            a, b = f(r.start), f(r.end)
            a, b = trim(raw, a, b)
            if len(WORD.findall(raw[a:b])) >= 4:
                preds.append((a, b, r))
        g_spans = [(g["start"], g["end"]) for g in gold]
        pairs = match([(a, b) for a, b, _ in preds], g_spans)
        tot["gold"] += len(gold)
        tot["pred"] += len(preds)
        tot["tp"] += len(pairs)
        for i, j in pairs:
            if (preds[i][0], preds[i][1]) == g_spans[j]:
                tot["exact"] += 1
            src = gold[j]["source"]
            if is_name(src):
                tot["spk_n"] += 1
                ok = speaker_right(preds[i][2].speaker_name, src)
                tot["spk_ok"] += ok
                if not ok:
                    ga, gb = g_spans[j]
                    bad.append((name, raw[max(0, ga - 100):ga] + "«" + raw[ga:gb] + "»" + raw[gb:gb + 100], src,
                                preds[i][2].speaker, preds[i][2].speaker_name))
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        fps += [(name, raw[a:b], r.speaker, r.how, raw[max(0, a - 80):a]) for i, (a, b, r) in enumerate(preds) if i not in mp]
        fns += [(name, raw[g["start"]:g["end"]], raw[max(0, g["start"] - 80):g["start"]]) for j, g in enumerate(gold) if j not in mg]
        base = [trim(raw, s, e) for s, e in quoted_runs(raw)]
        tot["base_pred"] += len(base)
        tot["base_tp"] += len(match(base, g_spans))

    def ratio(a, b):
        return a / b if b else float("nan")

    p, r = ratio(tot["tp"], tot["pred"]), ratio(tot["tp"], tot["gold"])
    print(f"PolNeAR {args.split}: {len(texts)} articles, {tot['gold']} gold direct quotes (4+ words)")
    print(f"  quotes:   precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / (p + r):.3f}  "
          f"({tot['tp']} matched of {tot['pred']} predicted; {ratio(tot['exact'], tot['tp']):.3f} of matches exact)")
    print(f"  speakers: accuracy {ratio(tot['spk_ok'], tot['spk_n']):.3f} on {tot['spk_n']} matched quotes whose gold source is a name")
    bp, br = ratio(tot["base_tp"], tot["base_pred"]), ratio(tot["base_tp"], tot["gold"])
    print(f"  baseline (every quoted run of 4+ words): precision {bp:.3f}  recall {br:.3f}")
    n_words = int(corpus.articles.n_words.sum())
    print(f"  speed: loading {t1 - t0:.1f} s; quotes {t2 - t1:.2f} s for {n_words:,} words "
          f"({n_words / max(t2 - t1, 1e-9):,.0f} words/s)")
    if args.errors:
        print("\n-- false positives (predicted, not gold)")
        for x in fps[:args.errors]:
            print(f"  [{x[0][:40]}] …{x[4][-60:]!r} «{x[1][:100]}» speaker={x[2]!r} how={x[3]}")
        print("\n-- misses (gold, not predicted)")
        for x in fns[:args.errors]:
            print(f"  [{x[0][:40]}] …{x[2][-60:]!r} «{x[1][:100]}»")
        print("\n-- wrong speakers (gold source vs predicted)")
        for x in bad[:args.errors]:
            print(f"  [{x[0][:40]}] gold={x[2]!r} pred={x[3]!r} -> {x[4]!r}\n      {x[1]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
