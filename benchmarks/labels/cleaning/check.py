"""Check a cleaning label set against the corpus it was made on.

Usage::

    .venv/bin/python benchmarks/labels/cleaning/check.py dev2 \\
        --corpus ../shared/bench/abp-5000.jsonl.gz

For the set ``<name>/`` (``lines.tsv``, and ``sample.tsv`` when the set has its own) it checks:

- every row's ``sha`` is the first 8 hex digits of sha1 of its span (the raw line, or
  ``text[start:end]``), so the labels still point at the same text;
- every non-empty line of every listed article has exactly one whole-line row, and no row
  labels an empty line;
- labels and kinds come from ``GUIDELINE.md``; every boilerplate row has a kind; a caption's
  kind is empty;
- inline spans lie inside their line, carry no surrounding white space, do not overlap and
  are listed in text order;
- for a set with its own ``sample.tsv``: its articles are not in the main ``sample.tsv`` nor
  in another set's sample, and have at least ``--min-lines`` non-empty lines.

It prints the counts by label and by boilerplate kind (whole-line / inline), and exits 1 on
any problem.  Example: ``check.py dev2`` -> ``dev2: 40 articles, 1172 rows ... OK``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"title", "dek", "prose", "subhead", "caption", "boilerplate"}
KINDS = {"hover_card", "dateline", "byline", "author_bio", "contributor", "date_line",
         "photo_credit", "media", "social_embed", "highlights", "pull_quote", "related",
         "newsletter", "share", "ad", "copyright", "editors_note", "other"}


@dataclass
class Row:
    """One row of ``lines.tsv``."""

    aid: str
    line: int
    label: str
    kind: str
    start: int | None
    end: int | None
    sha: str


def sha8(text: str) -> str:
    """First 8 hex digits of sha1 of ``text`` (UTF-8): ``sha8("") == "da39a3ee"``."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def read_rows(path: Path) -> list[Row]:
    """The rows of one ``lines.tsv``, offsets as ints (None for whole-line rows)."""
    with path.open(encoding="utf-8") as fh:
        return [Row(r["ID"], int(r["line"]), r["label"], r["kind"],
                    int(r["start"]) if r["start"] else None,
                    int(r["end"]) if r["end"] else None, r["sha"])
                for r in csv.DictReader(fh, delimiter="\t")]


def read_sample(path: Path) -> list[str]:
    """The article ids of a ``sample.tsv`` (empty when there is none)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [r["ID"] for r in csv.DictReader(fh, delimiter="\t")]


def read_texts(corpus: str, ids: set[str]) -> dict[str, str]:
    """``{ID: text}`` of the corpus records whose ID is in ``ids``."""
    out = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("ID") in ids:
                out[rec["ID"]] = rec.get("text") or ""
    return out


def line_spans(text: str) -> list[tuple[int, int]]:
    """Raw ``(start, end)`` of each element of ``text.split("\\n")``."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def check_article(aid: str, text: str, rows: list[Row]) -> list[str]:
    """Problems of one article's rows (an empty list when all is well)."""
    problems = []
    spans = line_spans(text)
    whole = Counter(r.line for r in rows if r.start is None)
    for n, (a, b) in enumerate(spans):
        if text[a:b].strip() and whole[n] != 1:
            problems.append(f"{aid}:{n} has {whole[n]} whole-line rows")
        if not text[a:b].strip() and whole[n]:
            problems.append(f"{aid}:{n} is empty but labelled")
    last_end: dict[int, int] = {}
    for r in rows:
        problems += check_row(aid, text, spans, r)
        if r.start is not None:
            if r.start < last_end.get(r.line, -1):
                problems.append(f"{aid}:{r.line}@{r.start} overlaps or is out of order")
            last_end[r.line] = r.end or 0
    return problems


def check_row(aid: str, text: str, spans: list[tuple[int, int]], r: Row) -> list[str]:
    """Problems of one row: its label, kind, span and sha."""
    where = f"{aid}:{r.line}" + (f"@{r.start}" if r.start is not None else "")
    out = []
    if r.label not in LABELS:
        out.append(f"{where} unknown label {r.label!r}")
    if r.label == "boilerplate" and r.kind not in KINDS:
        out.append(f"{where} boilerplate without a known kind ({r.kind!r})")
    if r.label != "boilerplate" and r.kind:
        out.append(f"{where} {r.label} with a kind ({r.kind!r})")
    if r.line >= len(spans):
        return out + [f"{where} line out of range"]
    a, b = spans[r.line]
    if r.start is not None:
        if r.end is None or not a <= r.start < r.end <= b:
            return out + [f"{where} span outside its line"]
        piece = text[r.start:r.end]
        if piece != piece.strip():
            out.append(f"{where} span has surrounding white space")
        a, b = r.start, r.end
    if sha8(text[a:b]) != r.sha:
        out.append(f"{where} sha differs")
    return out


def sample_problems(name: str, ids: list[str], texts: dict[str, str], min_lines: int) -> list[str]:
    """A set's own sample must be new articles with enough lines."""
    seen = set(read_sample(HERE / "sample.tsv"))
    for other in HERE.iterdir():
        if other.is_dir() and other.name != name:
            seen |= set(read_sample(other / "sample.tsv"))
    out = [f"{aid} is already in another sample" for aid in ids if aid in seen]
    for aid in ids:
        n = sum(1 for line in texts.get(aid, "").split("\n") if line.strip())
        if n < min_lines:
            out.append(f"{aid} has {n} non-empty lines (< {min_lines})")
    return out


def counts(rows: list[Row]) -> str:
    """Counts by label and by boilerplate kind, as ``name all (whole/inline)`` lines."""
    lines = []
    for key, pick in (("label", lambda r: r.label),
                      ("kind", lambda r: r.kind if r.label == "boilerplate" else None)):
        c = Counter((pick(r), r.start is None) for r in rows if pick(r))
        names = sorted({k for k, _ in c}, key=lambda k: -(c[(k, True)] + c[(k, False)]))
        lines.append(f"by {key}:")
        lines += [f"  {k:<14} {c[(k, True)] + c[(k, False)]:5d} ({c[(k, True)]} / {c[(k, False)]})"
                  for k in names]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("name", help="label set folder under benchmarks/labels/cleaning (dev, dev2, ...)")
    ap.add_argument("--corpus", required=True, help="abp-5000.jsonl.gz")
    ap.add_argument("--min-lines", type=int, default=8, help="for a set with its own sample.tsv")
    args = ap.parse_args(argv)
    rows = read_rows(HERE / args.name / "lines.tsv")
    own = read_sample(HERE / args.name / "sample.tsv")
    ids = set(own) | {r.aid for r in rows}
    texts = read_texts(args.corpus, ids)
    problems = [f"{aid} not in the corpus" for aid in ids if aid not in texts]
    problems += [f"{aid} of sample.tsv has no rows" for aid in own if aid not in {r.aid for r in rows}]
    for aid in sorted(ids & set(texts)):
        problems += check_article(aid, texts[aid], [r for r in rows if r.aid == aid])
    if own:
        problems += sample_problems(args.name, own, texts, args.min_lines)
    print(counts(rows))
    for p in problems[:50]:
        print("PROBLEM", p)
    n_inline = sum(r.start is not None for r in rows)
    print(f"{args.name}: {len(ids)} articles, {len(rows)} rows = {len(rows) - n_inline} whole-line"
          f" + {n_inline} inline — {'OK' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
