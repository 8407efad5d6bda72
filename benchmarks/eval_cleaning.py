"""Score cleaning (``clean_text`` + paragraph kinds) on the hand-labelled cleaning sample.

Usage::

    .venv/bin/python benchmarks/eval_cleaning.py CORPUS.jsonl.gz [--split dev|dev2|test|extra|all]
        [--labels benchmarks/labels/cleaning] [--worst N] [--show N] [--no-timing]

The labels (``benchmarks/labels/cleaning/``, see its ``GUIDELINE.md``) give every non-empty
line of ``text.split("\\n")`` of 200 abp-5000 articles a label (prose, title, dek, subhead,
caption, boilerplate with its kind), and inline boilerplate pieces as raw-text offsets.  Each
label carries a short hash of its span; a label whose span no longer hashes the same stops
the run (the corpus is not the one the labels were made on).

Each labelled article goes through :func:`analysis.corpus.split_article` with its record's
metadata (outlet, title, date, url, byline), as ``from_jsonl`` would.  A raw character is
*kept* when no edit of the log covers it (``Article.edits`` are in raw coordinates), and then
lies at a known offset of the clean text, in one paragraph of a known kind.  A *word* is a
run of letters and digits (for a span with none, a run of non-space characters); it is in
the body when one of its characters is kept inside a ``body`` paragraph.  A whole-line label
covers the line minus its inline spans.

- *Boilerplate left*: a boilerplate line or inline piece with a word in the body.
- *Non-body left*: the same for titles, deks, subheads and captions (they may be removed or
  kept as non-body paragraphs, not kept as body).
- *Prose lost*: a prose line with a word not in the body: *removed* (no character kept) or
  *demoted* (kept, in a title, subhead or caption paragraph).
- *Articles with leftovers*: articles with any boilerplate left (and, second figure, any
  boilerplate or non-body text left).

Timing runs in a fresh process over every article of the corpus (not only the labelled
ones): the mean milliseconds per article of ``clean_text`` alone, of ``clean_text`` plus the
paragraph kinds (``analysis.corpus.paragraph_kinds``), and of the whole ``split_article``
(which also splits sentences and counts words), in CPU time of the process (other jobs on a
shared machine stretch wall-clock time), fastest of ``--repeat`` passes.

``--show N`` prints up to N leftover and lost lines, for development: never use it on the
held-out ``test`` split.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import gzip
import hashlib
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORD = re.compile(r"[^\W_]+")
NONSPACE = re.compile(r"\S+")
NON_BODY = ("title", "dek", "subhead", "caption")
TARGETS = {"boilerplate_rate": 0.01, "article_rate": 0.03, "prose_lost": 0.002, "ms": 0.2}


# --------------------------------------------------------------------------- input

def read_records(path: str, ids: set[str] | None = None) -> list[dict]:
    """The corpus's records (all, or those whose ``ID`` is in ``ids``), in file order."""
    opener = gzip.open if str(path).endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            rid = str(rec.get("ID") or rec.get("id") or "")
            if ids is None or rid in ids:
                rec["ID"] = rid
                out.append(rec)
    return out


def read_labels(folder: Path, split: str) -> tuple[dict[str, str], dict[str, str], list[dict]]:
    """``(split of each sampled article, its outlet, label rows of the chosen split(s))``.

    A split with a ``sample.tsv`` of its own lists its articles there: ``extra/`` (articles
    of outlets outside the 40 of the main sample, labelled after the rules were written) and
    ``dev2/`` (40 fresh articles of the 20 dev outlets, labelled when ``dev`` was exhausted)."""
    split_of, outlet_of = {}, {}
    names = ["dev", "test"] if split == "all" else [split]
    for sample in [folder / "sample.tsv"] + [folder / n / "sample.tsv" for n in names]:
        if not sample.exists():
            continue
        with sample.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                split_of[row["ID"]] = row["split"]
                outlet_of[row["ID"]] = row["source"]
    rows = []
    for name in names:
        with (folder / name / "lines.tsv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                row["line"] = int(row["line"])
                row["start"] = int(row["start"]) if row["start"] else None
                row["end"] = int(row["end"]) if row["end"] else None
                rows.append(row)
    return split_of, outlet_of, rows


def sha8(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def meta_of(rec: dict) -> dict:
    """The manifest-like metadata ``from_jsonl`` would pass for an abp record."""
    return {"outlet": rec.get("source"), "title": rec.get("title"), "date": rec.get("date"),
            "url": rec.get("url"), "byline": rec.get("authors")}


# --------------------------------------------------------------------------- scoring

class Placement:
    """Where each raw character of one article ended up: removed, or in a paragraph of a kind."""

    def __init__(self, art) -> None:
        self.edits = sorted(art.edits, key=lambda e: e["raw_start"])
        self.starts = [e["raw_start"] for e in self.edits]
        self.paras = art.paragraphs
        self.pstarts = [p.start for p in self.paras]

    def clean_pos(self, p: int) -> int | None:
        """The clean-text offset of raw character ``p``, or None when an edit covers it."""
        i = bisect.bisect_right(self.starts, p) - 1
        if i >= 0:
            e = self.edits[i]
            if p < e["raw_end"]:
                return None
            return p + e["end"] - e["raw_end"]
        return p

    def kind_at(self, p: int) -> str | None:
        """The kind of paragraph raw character ``p`` lies in; None when it was removed."""
        q = self.clean_pos(p)
        if q is None:
            return None
        j = bisect.bisect_right(self.pstarts, q) - 1
        if j < 0 or q >= self.paras[j].end:
            return "gap"  # kept, between paragraphs (white space)
        return self.paras[j].kind


def words(text: str, start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Raw spans of the words of ``text[start:end]``, minus the characters in ``holes``."""
    chunk = text[start:end]
    found = [(start + m.start(), start + m.end()) for m in WORD.finditer(chunk)]
    if not found:
        found = [(start + m.start(), start + m.end()) for m in NONSPACE.finditer(chunk)]
    out = []
    for a, b in found:
        for h0, h1 in holes:
            if a < h1 and h0 < b:  # a word touching an inline piece is that piece's
                break
        else:
            out.append((a, b))
    return out


def word_fate(place: Placement, a: int, b: int) -> str:
    """``body`` when a character of the word is kept in a body paragraph, else ``removed``
    (no character kept) or ``demoted`` (kept, outside the body)."""
    kinds = {place.kind_at(p) for p in range(a, b)}
    if "body" in kinds:
        return "body"
    return "removed" if kinds <= {None} else "demoted"


def line_spans(text: str, rows: list[dict]) -> tuple[list[tuple[int, int]], dict[int, list[tuple[int, int]]]]:
    """The raw span of each line of ``text.split("\\n")`` (the unit of the labels), and per line
    the spans of its inline labels among ``rows`` (one article's)."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    inline: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for row in rows:
        if row["start"] is not None:
            inline[row["line"]].append((row["start"], row["end"]))
    return lines, inline


def score(records: dict[str, dict], rows: list[dict], outlet_of: dict[str, str]) -> dict:
    """Per-label outcomes: one dict per label row, with ``fate`` (left/lost/ok) and context."""
    from analysis.corpus import split_article

    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_article[row["ID"]].append(row)
    results = []
    bad_sha = []
    for aid, arows in by_article.items():
        rec = records.get(aid)
        if rec is None:
            raise SystemExit(f"article {aid} of the labels is not in the corpus")
        text = rec["text"]
        lines, inline = line_spans(text, arows)
        art = split_article(text, aid, meta_of(rec))
        place = Placement(art)
        for row in arows:
            ls, le = lines[row["line"]]
            if row["start"] is None:
                span, holes = (ls, le), inline[row["line"]]
            else:
                span, holes = (row["start"], row["end"]), []
            if sha8(text[span[0]:span[1]]) != row["sha"]:
                bad_sha.append((aid, row["line"], row["start"]))
                continue
            fates = Counter(word_fate(place, a, b) for a, b in words(text, *span, holes))
            label = row["label"]
            if label == "prose":
                lost = fates["removed"] + fates["demoted"]
                fate = "lost" if lost else "ok"
                how = "removed" if fates["removed"] else ("demoted" if fates["demoted"] else "")
            else:
                fate = "left" if fates["body"] else "ok"
                how = ""
            results.append({"ID": aid, "outlet": outlet_of.get(aid, rec.get("source", "")),
                            "line": row["line"], "label": label,
                            "kind": row["kind"] or label, "inline": row["start"] is not None,
                            "fate": fate, "how": how, "words": sum(fates.values()),
                            "text": text[span[0]:span[1]]})
    if bad_sha:
        head = ", ".join(f"{a}:{ln}" + (f"@{s}" if s is not None else "") for a, ln, s in bad_sha[:5])
        raise SystemExit(f"{len(bad_sha)} label(s) do not match the corpus text (sha differs): {head} ...")
    return {"rows": results, "articles": sorted(by_article)}


# --------------------------------------------------------------------------- timing

def time_cleaning(corpus: str, repeat: int) -> dict:
    """Mean ms per article, fastest of ``repeat`` passes, measured in a fresh process."""
    out = subprocess.run([sys.executable, __file__, corpus, "--time-only", "--repeat", str(repeat)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _time_here(corpus: str, repeat: int) -> dict:
    from analysis.clean import clean_text
    from analysis.corpus import paragraph_kinds, split_article
    from analysis.text import paragraph_spans

    recs = read_records(corpus)
    texts = [r["text"] for r in recs if isinstance(r.get("text"), str) and r["text"].strip()]
    metas = [meta_of(r) for r in recs if isinstance(r.get("text"), str) and r["text"].strip()]
    best = {"clean_text": float("inf"), "clean_and_kinds": float("inf"), "split_article": float("inf")}
    for _ in range(repeat):
        # CPU time of this process: on a shared machine other jobs stretch wall-clock time.
        t0 = time.process_time()
        for t in texts:
            clean_text(t)
        t1 = time.process_time()
        for t, m in zip(texts, metas):
            c = clean_text(t).text
            paragraph_kinds(c, paragraph_spans(c), m.get("title"))
        t2 = time.process_time()
        for i, (t, m) in enumerate(zip(texts, metas)):
            split_article(t, str(i), m)
        t3 = time.process_time()
        for key, dt in zip(best, (t1 - t0, t2 - t1, t3 - t2)):
            best[key] = min(best[key], dt * 1000 / len(texts))
    best["articles"] = len(texts)
    return best


# --------------------------------------------------------------------------- report

def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.2f}%" if d else "-"


def report(res: dict, split: str, worst: int, show: int, timing: dict | None) -> bool:
    rows = res["rows"]
    boil = [r for r in rows if r["label"] == "boilerplate"]
    nonbody = [r for r in rows if r["label"] in NON_BODY]
    prose = [r for r in rows if r["label"] == "prose"]
    b_left = [r for r in boil if r["fate"] == "left"]
    n_left = [r for r in nonbody if r["fate"] == "left"]
    p_lost = [r for r in prose if r["fate"] == "lost"]
    arts = res["articles"]
    art_b = {r["ID"] for r in b_left}
    art_any = art_b | {r["ID"] for r in n_left}
    print(f"Cleaning evaluation, split {split}: {len(arts)} articles, "
          f"{len({r['outlet'] for r in rows})} outlets, {len(rows)} labels\n")
    print(f"boilerplate left in body : {len(b_left):4d} / {len(boil):4d} = {pct(len(b_left), len(boil)):>7}"
          f"   (target <= {TARGETS['boilerplate_rate']:.0%})")
    print(f"articles with leftovers  : {len(art_b):4d} / {len(arts):4d} = {pct(len(art_b), len(arts)):>7}"
          f"   (target <= {TARGETS['article_rate']:.0%})")
    print(f"prose lines lost         : {len(p_lost):4d} / {len(prose):4d} = {pct(len(p_lost), len(prose)):>7}"
          f"   (target <= {TARGETS['prose_lost']:.1%}; removed {sum(r['how'] == 'removed' for r in p_lost)},"
          f" demoted {sum(r['how'] == 'demoted' for r in p_lost)})")
    print(f"non-body text in body    : {len(n_left):4d} / {len(nonbody):4d} = {pct(len(n_left), len(nonbody)):>7}"
          f"   (titles, deks, subheads, captions)")
    print(f"articles with any left   : {len(art_any):4d} / {len(arts):4d} = {pct(len(art_any), len(arts)):>7}"
          f"   (boilerplate or non-body text)")
    ok = (len(b_left) <= TARGETS["boilerplate_rate"] * len(boil)
          and len(art_b) <= TARGETS["article_rate"] * len(arts)
          and len(p_lost) <= TARGETS["prose_lost"] * len(prose))
    if timing:
        print(f"\ncleaning time, mean CPU ms per article over {timing['articles']} articles (fresh process, fastest pass):")
        print(f"  clean_text                      {timing['clean_text']:.3f} ms")
        print(f"  clean_text + paragraph kinds    {timing['clean_and_kinds']:.3f} ms"
              f"   (target < {TARGETS['ms']} ms)")
        print(f"  split_article (+ sentences)     {timing['split_article']:.3f} ms")
        ok = ok and timing["clean_and_kinds"] < TARGETS["ms"]

    print("\nby kind                 lines  inline   left   rate")
    kinds = Counter(r["kind"] for r in boil + nonbody)
    for kind, n in kinds.most_common():
        sub = [r for r in boil + nonbody if r["kind"] == kind]
        left = sum(r["fate"] == "left" for r in sub)
        tag = "" if any(r["label"] == "boilerplate" for r in sub) else " (non-body)"
        print(f"  {kind + tag:<21} {sum(not r['inline'] for r in sub):5d} {sum(r['inline'] for r in sub):7d}"
              f" {left:6d} {pct(left, n):>7}")
    print(f"  {'prose (lost)':<21} {len(prose):5d} {0:7d} {len(p_lost):6d} {pct(len(p_lost), len(prose)):>7}")

    outlets = defaultdict(lambda: Counter())
    for r in rows:
        o = outlets[r["outlet"]]
        if r["label"] == "boilerplate":
            o["boil"] += 1
            o["left"] += r["fate"] == "left"
        elif r["label"] in NON_BODY:
            o["nonbody_left"] += r["fate"] == "left"
        else:
            o["prose"] += 1
            o["lost"] += r["fate"] == "lost"
    arts_left = Counter()
    n_articles = Counter(outlet for _, outlet in {(r["ID"], r["outlet"]) for r in rows})
    for aid in art_b:
        arts_left[next(r["outlet"] for r in rows if r["ID"] == aid)] += 1
    ranked = sorted(outlets, key=lambda o: (-(outlets[o]["left"] + outlets[o]["lost"]),
                                            -outlets[o]["nonbody_left"], o))
    print(f"\nhardest outlets (of {len(outlets)})      boilerplate left  prose lost  non-body left  articles")
    for o in (ranked[:worst] if worst else ranked):
        c = outlets[o]
        print(f"  {o[:30]:<30} {c['left']:4d} / {c['boil']:<4d}     {c['lost']:4d} / {c['prose']:<4d}"
              f"   {c['nonbody_left']:6d}       {arts_left[o]}/{n_articles[o]}")
    if show:
        print("\nleftovers and losses (development only):")
        for r in (b_left + n_left + p_lost)[:show]:
            what = "LEFT " + r["kind"] if r["fate"] == "left" else "LOST " + r["how"]
            print(f"  [{what}] {r['ID']}:{r['line']}{' inline' if r['inline'] else ''} {r['text'][:160]!r}")
    print("\ntargets met" if ok else "\ntargets not met")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--split", choices=["dev", "dev2", "test", "test2", "extra", "all"], default="dev",
                    help="dev, dev2 (fresh articles of the dev outlets), test (held out), "
                         "test2 (fresh articles of the test outlets, held out), "
                         "extra (fresh outlets, labelled last), all = dev + test")
    ap.add_argument("--labels", default=str(ROOT / "benchmarks" / "labels" / "cleaning"))
    ap.add_argument("--worst", type=int, default=10, help="hardest outlets to list (0: all)")
    ap.add_argument("--show", type=int, default=0, help="leftover/lost lines to print (dev only)")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes (fastest counts)")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--time-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.time_only:
        print(json.dumps(_time_here(args.corpus, args.repeat)))
        return 0
    split_of, outlet_of, rows = read_labels(Path(args.labels), args.split)
    ids = {r["ID"] for r in rows}
    records = {r["ID"]: r for r in read_records(args.corpus, ids)}
    res = score(records, rows, outlet_of)
    timing = None if args.no_timing else time_cleaning(args.corpus, args.repeat)
    ok = report(res, args.split, args.worst, args.show, timing)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
