"""Check one split's speaker labels against the corpus.

Usage: python benchmarks/labels/speakers/check.py SPLIT path/to/abp-5000.jsonl.gz

(SPLIT: test2, test3, ...: the folder beside this file.)

Re-reads the articles named in quotes.tsv and attributions.tsv and verifies, for every row,
that the offsets lie inside the text, that the sha (first 8 hex digits of sha1 of the UTF-8
of text[start:end]) matches, that source spans lie inside their attribution span, and that
the label columns take allowed values. A quote span may end before " <mark>" where an
article runs several quoted paragraphs into one line (NPR KBVIQl4k). Prints the errors
and exits 1 if there are any.
"""
import csv
import gzip
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent  # the split's folder: set by main()
Q_COLS = ["ID", "start", "end", "sha", "speaker", "speaker_type", "how", "anonymous", "partial", "note"]
A_COLS = ["ID", "start", "end", "sha", "source_start", "source_end", "source", "source_type",
          "anonymous", "count", "cue", "kind"]
SPEAKER_TYPES = {"person", "organization", "document", "anonymous", "unknown"}
HOWS = {"named", "pronoun", "role", "appositive", "continuation", "colon", "anonymous", "other"}
SOURCE_TYPES = {"person", "organization", "document", "anonymous"}
KINDS = {"direct", "indirect", "according_to", "reportedly"}
MARKS = "“”\""


def sha8(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]


def read(name: str, cols: list[str]) -> list[dict]:
    with open(HERE / name, newline="", encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    if header != cols:
        raise SystemExit(f"{name}: bad header {header}")
    rows = []
    for i, line in enumerate(lines[1:], 2):
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != len(cols):
            raise SystemExit(f"{name}:{i}: {len(parts)} columns, expected {len(cols)}")
        rows.append(dict(zip(cols, parts), _line=i))
    return rows


def main() -> int:
    global HERE
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[1])
    HERE = Path(__file__).resolve().parent / sys.argv[1]
    corpus = sys.argv[2]
    quotes = read("quotes.tsv", Q_COLS)
    attributions = read("attributions.tsv", A_COLS)
    ids = {r["ID"] for r in quotes} | {r["ID"] for r in attributions}
    texts = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["ID"] in ids:
                texts[d["ID"]] = d["text"]
    errors, warnings = [], []
    for i in sorted(ids - set(texts)):
        errors.append(f"{i}: not in corpus")
    a_ids = {r["ID"] for r in attributions}
    for i in sorted({r["ID"] for r in quotes} - a_ids):
        warnings.append(f"{i}: in quotes.tsv but has no attributions")
    for kind, rows in (("quotes.tsv", quotes), ("attributions.tsv", attributions)):
        seen = set()
        for r in rows:
            where = f"{kind}:{r['_line']} {r['ID']} {r['start']}"
            t = texts.get(r["ID"])
            if t is None:
                continue
            s, e = int(r["start"]), int(r["end"])
            if not 0 <= s < e <= len(t):
                errors.append(f"{where}: offsets out of range")
                continue
            if sha8(t[s:e]) != r["sha"]:
                errors.append(f"{where}: sha {sha8(t[s:e])} != {r['sha']}")
            if r["anonymous"] not in {"0", "1"}:
                errors.append(f"{where}: anonymous must be 0/1")
            if kind == "quotes.tsv":
                if (r["ID"], s, e) in seen:
                    errors.append(f"{where}: duplicate quote")
                seen.add((r["ID"], s, e))
                if r["speaker_type"] not in SPEAKER_TYPES:
                    errors.append(f"{where}: speaker_type {r['speaker_type']}")
                if r["how"] not in HOWS:
                    errors.append(f"{where}: how {r['how']}")
                if r["partial"] not in {"0", "1"}:
                    errors.append(f"{where}: partial must be 0/1")
                if not r["speaker"]:
                    errors.append(f"{where}: empty speaker")
                if t[s] in MARKS or t[e - 1] in MARKS:
                    errors.append(f"{where}: span includes a quotation mark")
                if "\n" in t[s:e]:
                    errors.append(f"{where}: quote span crosses a paragraph break")
                before = t[s - 1] if s > 0 else "\n"
                after = t[e] if e < len(t) else "\n"
                if before not in MARKS + "\n" and not (before == "'" and t[s - 2:s] == "''"):
                    warnings.append(f"{where}: no opening mark before the span ({before!r})")
                merged = after == " " and t[e + 1:e + 2] in MARKS  # paragraphs run together
                if after not in MARKS + "\n" and not merged:
                    warnings.append(f"{where}: no closing mark after the span ({after!r})")
            else:
                if r["source_type"] not in SOURCE_TYPES:
                    errors.append(f"{where}: source_type {r['source_type']}")
                if r["kind"] not in KINDS:
                    errors.append(f"{where}: kind {r['kind']}")
                if r["count"] and not r["count"].isdigit():
                    errors.append(f"{where}: count {r['count']}")
                if not r["source"] or not r["cue"]:
                    errors.append(f"{where}: empty source or cue")
                if r["source_start"] or r["source_end"]:
                    ss, se = int(r["source_start"]), int(r["source_end"])
                    if not s <= ss < se <= e:
                        errors.append(f"{where}: source span outside attribution span")
                    elif (ss > 0 and t[ss - 1].isalnum()) or (se < len(t) and t[se].isalnum()):
                        errors.append(f"{where}: source span cuts a word")
                elif r["kind"] != "reportedly":
                    warnings.append(f"{where}: no source span")
                if r["kind"] == "reportedly" and r["source"] != "-":
                    errors.append(f"{where}: reportedly row with a source")
    for w in warnings:
        print("warning:", w)
    for err in errors:
        print("error:", err)
    print(f"{len(texts)} articles, {len(quotes)} quotes, {len(attributions)} attributions: "
          f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
