"""Check the test2 framing labels against the corpus.

Usage: python check.py path/to/abp-5000.jsonl.gz

Re-reads the articles of the six test2 clusters and verifies every row of sentences.tsv and
(if present) frame_terms.tsv: header and column count, offsets inside the text, sha (first 8
hex digits of sha1 of the UTF-8 of text[start:end]), allowed label values, key phrase inside
its sentence (and empty for `none`), voice/speaker filled only for sized rows, sentences
sorted and not overlapping, in C28 and C36 every non-space character covered by a sentence,
in C32, C35, C38 and C39 every `none` row containing a size word of SIZE_WORDS (the rows
added from reading without such a word are all sized). events.tsv must name the six
clusters. Prints the errors and exits 1 if there are any.
"""
import csv
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLUSTERS_TSV = HERE.parent.parent / "clusters.tsv"
EVERY = {"C28", "C36"}
SIZED = {"C32", "C35", "C38", "C39"}
SPLIT = "test2"  # test3/check.py reuses this checker with its own split, folder and clusters
S_COLS = ["ID", "start", "end", "sha", "label", "phrase_start", "phrase_end", "voice", "speaker"]
F_COLS = ["ID", "start", "end", "sha", "frame", "term", "in_sense", "note"]
LABELS = {"bigger", "smaller", "both", "none"}
VOICES = {"outlet", "quoted"}
FRAMES = {"magnitude_bigger", "magnitude_smaller", "hedging", "pressure", "change", "restriction",
          "escalation_risk", "self_defense", "caution"}

# The candidate search for the size-word clusters: the guideline's size words and a broad kin
# list (whole words, case-insensitive). A sentence of C32/C35/C38/C39 has a row when it
# matches, or when reading the article showed it sizes the event with other words.
SIZE_WORDS = [
    'big', 'bigger', 'biggest', 'major', 'huge', 'hugely', 'sweeping', 'historic', 'historical',
    'history', 'landmark', 'unprecedented', 'precedent', 'dramatic', 'dramatically',
    'significant', 'significantly', 'significance', 'far-reaching', 'far', 'radical',
    'radically', 'fundamental', 'fundamentally', 'first', 'never', 'new\\s+chapter', 'shift',
    'shifts', 'shifted', 'break', 'breaks', 'broke', 'breakthrough', 'small', 'smaller',
    'smallest', 'minor', 'modest', 'modestly', 'limited', 'limit', 'narrow', 'narrowly',
    'partial', 'partially', 'only', 'merely', 'mere', 'just', 'incremental', 'incrementally',
    'symbolic', 'symbolically', 'token', 'tentative', 'tentatively', 'half-step', 'half\\s+step',
    'little', 'massive', 'massively', 'enormous', 'enormously', 'vast', 'large', 'larger',
    'largest', 'monumental', 'momentous', 'seismic', 'sea\\s+change', 'watershed', 'milestone',
    'turning\\s+point', 'game[- ]changer', 'revolution', 'revolutionary', 'bold', 'ambitious',
    'key', 'important', 'importance', 'crucial', 'critical', 'central', 'core', 'heart',
    'record', 'ever', 'again', 'another', 'latest', 'continue', 'continues', 'continued',
    'continuing', 'continuation', 'same', 'similar', 'once', 'full', 'fully', 'lesser', 'slight',
    'slightly', 'slim', 'thin', 'minimal', 'tiny', 'marginal', 'marginally', 'cosmetic',
    'temporary', 'temporarily', 'short-term', 'stopgap', 'preliminary', 'basic', 'for\\s+now',
    'step', 'steps', 'tweak', 'tweaks', 'serious', 'seriously', 'rare', 'rarely', 'unusual',
    'routine', 'normal', 'entirely', 'completely', 'complete', 'total', 'totally', 'whole',
    'victory', 'setback', 'blow', 'reversal', 'about-face', 'u-turn', 'escalate', 'escalated',
    'escalates', 'escalation', 'escalating', 'sharp', 'sharply', 'deep', 'deeper', 'landslide',
    'blowout', 'decisive', 'decisively', 'crushing', 'rout', 'routed', 'sweep', 'swept',
    'trounce', 'trounced', 'demolish', 'demolished', 'demolishes', 'overwhelming',
    'overwhelmingly', 'resounding', 'nothing\\s+new', 'change', 'changed', 'changes', 'changing',
    'game', 'turnaround', 'dent', 'simply', 'essentially', 'mostly', 'largely', 'somewhat',
    'barely', 'hardly', 'almost', 'nearly', 'enough', 'huge', 'giant', 'dominant', 'dominate',
    'dominated', 'sizable', 'substantial', 'substantially', 'considerable', 'considerably',
    'extraordinary', 'remarkable', 'stunning', 'startling', 'shocking', 'surprise', 'surprising',
    'surprisingly', 'unexpected', 'expected', 'upset', 'momentum', 'game-changing', 'pivotal',
    'decisive', 'tremendous', 'tremendously', 'extreme', 'extremely', 'least', 'most',
    'more\\s+than', 'less\\s+than', 'no\\s+more', 'at\\s+best', 'at\\s+least', 'yet', 'still',
    'already', 'vital', 'strong', 'stronger', 'strongest', 'part', 'rest', 'remaining', 'intact',
    'linchpin', 'centerpiece', 'cornerstone', 'worst', 'greatest', 'deadliest', 'breathtaking',
    'blockbuster', 'profound', 'drastic', 'drastically', 'consequential', 'permanent', 'durable',
    'unparalleled', 'gradual', 'gradually', 'unchanged', 'halfway', 'close', 'closer', 'easily',
    'handily', 'solid', 'clear', 'win', 'wins',
]
SIZE_RX = re.compile(r"\b(?:" + "|".join(SIZE_WORDS) + r")\b", re.I)


def sha8(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]


def read(path: Path, cols: list[str]) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if rows[0] != cols:
        raise SystemExit(f"{path.name}: bad header {rows[0]}")
    out = []
    for i, r in enumerate(rows[1:], 2):
        if len(r) != len(cols):
            raise SystemExit(f"{path.name}:{i}: {len(r)} columns, expected {len(cols)}")
        out.append(dict(zip(cols, r), _line=i))
    return out


def main() -> int:
    if len(sys.argv) < 2:
        raise SystemExit("usage: check.py path/to/abp-5000.jsonl.gz")
    corpus = sys.argv[1]
    cluster_of = {}
    with open(CLUSTERS_TSV, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["cluster"] in EVERY | SIZED:
                cluster_of[r["ID"]] = r["cluster"]
    texts = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["ID"] in cluster_of:
                texts[d["ID"]] = d["text"]
    errors = []
    err = errors.append

    events = read(HERE / "events.tsv", ["cluster", "event"])
    if {r["cluster"] for r in events} != EVERY | SIZED or len(events) != len(EVERY | SIZED):
        err("events.tsv: expected one row for each of " + ", ".join(sorted(EVERY | SIZED)))
    for r in events:
        if not r["event"].strip():
            err(f"events.tsv:{r['_line']}: empty event")

    sents = read(HERE / "sentences.tsv", S_COLS)
    by_id = {}
    for r in sents:
        where = f"sentences.tsv:{r['_line']}"
        i = r["ID"]
        if i not in texts:
            err(f"{where}: ID {i} is not an article of the {SPLIT} clusters")
            continue
        t = texts[i]
        s, e = int(r["start"]), int(r["end"])
        if not 0 <= s < e <= len(t):
            err(f"{where}: offsets {s}-{e} outside the text ({len(t)})")
            continue
        span = t[s:e]
        if span != span.strip():
            err(f"{where}: span starts or ends with whitespace")
        if sha8(span) != r["sha"]:
            err(f"{where}: sha {r['sha']} != {sha8(span)}")
        lab = r["label"]
        if lab not in LABELS:
            err(f"{where}: label {lab!r}")
        if lab == "none":
            if r["phrase_start"] or r["phrase_end"] or r["voice"] or r["speaker"]:
                err(f"{where}: none row with phrase/voice/speaker")
            if cluster_of[i] in SIZED and not SIZE_RX.search(span):
                err(f"{where}: none row without a size word in a size-word cluster")
        elif lab in LABELS:
            try:
                ps, pe = int(r["phrase_start"]), int(r["phrase_end"])
            except ValueError:
                err(f"{where}: sized row without a phrase")
                ps = pe = None
            if ps is not None and not s <= ps < pe <= e:
                err(f"{where}: phrase {ps}-{pe} not inside the sentence {s}-{e}")
            if r["voice"] not in VOICES:
                err(f"{where}: voice {r['voice']!r}")
            if (r["voice"] == "quoted") != bool(r["speaker"].strip()):
                err(f"{where}: speaker must be given exactly for quoted rows")
        by_id.setdefault(i, []).append((s, e, r["_line"]))

    for i, spans in by_id.items():
        for (s1, e1, l1), (s2, e2, l2) in zip(spans, spans[1:]):
            if s2 < e1:
                err(f"sentences.tsv:{l2}: overlaps or is out of order with line {l1}")
        if cluster_of[i] in EVERY:
            covered = bytearray(len(texts[i]))
            for s, e, _ in spans:
                covered[s:e] = b"\1" * (e - s)
            missing = [k for k, ch in enumerate(texts[i]) if not ch.isspace() and not covered[k]]
            if missing:
                err(f"{i}: {len(missing)} non-space characters in no sentence (first at {missing[0]})")
    for i, c in cluster_of.items():
        if c in EVERY and i not in by_id:
            err(f"{i} ({c}): no sentence rows")

    n_frames = 0
    if (HERE / "frame_terms.tsv").is_file():
        frames = read(HERE / "frame_terms.tsv", F_COLS)
        n_frames = len(frames)
        seen = set()
        for r in frames:
            where = f"frame_terms.tsv:{r['_line']}"
            if r["ID"] not in texts:
                err(f"{where}: ID {r['ID']} is not an article of the {SPLIT} clusters")
                continue
            t = texts[r["ID"]]
            s, e = int(r["start"]), int(r["end"])
            if not 0 <= s < e <= len(t):
                err(f"{where}: offsets outside the text")
                continue
            if sha8(t[s:e]) != r["sha"]:
                err(f"{where}: sha {r['sha']} != {sha8(t[s:e])}")
            if r["frame"] not in FRAMES:
                err(f"{where}: frame {r['frame']!r}")
            if r["in_sense"] not in {"0", "1"}:
                err(f"{where}: in_sense {r['in_sense']!r}")
            if r["note"] == "missed" and r["in_sense"] != "1":
                err(f"{where}: a missed row must be in_sense 1")
            key = (r["ID"], s, e, r["frame"])
            if key in seen:
                err(f"{where}: duplicate row")
            seen.add(key)

    for e in errors:
        print(e)
    c = Counter((cluster_of[r["ID"]], r["label"]) for r in sents if r["ID"] in cluster_of)
    print(f"sentences.tsv: {len(sents)} rows; " + "; ".join(
        f"{k}: " + " ".join(f"{lab} {c[(k, lab)]}" for lab in ["bigger", "smaller", "both", "none"])
        for k in sorted(EVERY | SIZED)))
    if n_frames:
        print(f"frame_terms.tsv: {n_frames} rows")
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
