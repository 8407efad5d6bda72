"""Check the held-out coverage labels of C49 and C45 (third labeller) against the corpus.

Standard library only. Usage:

    python3 benchmarks/labels/coverage/check_c49.py CORPUS [--events C49 C45]

CORPUS is the abp-5000 JSON-lines file; events default to C49 and C45 (any
abp event works, e.g. `--events C09 C22`). Checks, for each event checked:

- every claims.tsv / discrepancies.tsv row's sha is the first 8 hex digits of sha1 (UTF-8)
  of text[start:end] of the record's raw `text`, with 0 <= start < end <= len(text);
- every article of the event's cluster (../clusters.tsv) has claims, and no claim is of an
  article outside the cluster;
- claims of one article do not overlap;
- every fact id of claims.tsv (all events) has a facts.tsv row of the same event, and every
  facts.tsv row of a checked event has at least one claim; fact ids are not reused across events;
  labels are under 15 words;
- every discrepancy row's two spans lie inside claims (of the named article) of the row's fact,
  its kind is one of the guideline's kinds, and the two spans are not the same span.

Prints a summary and exits 1 on any failure.
"""

import csv
import gzip
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"number", "date", "source_count", "person_role", "name", "place", "actor", "speaker"}


def sha8(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main(argv):
    corpus = None
    events = ["C49", "C45"]
    args = list(argv)
    if "--events" in args:
        i = args.index("--events")
        events = args[i + 1:]
        args = args[:i]
    if args:
        corpus = args[0]
    if corpus is None:
        raise SystemExit("usage: check_c49.py CORPUS [--events C49 C45]")

    errors = []
    claims = read_tsv("claims.tsv")
    facts = read_tsv("facts.tsv")
    discs = read_tsv("discrepancies.tsv")
    with open(os.path.join(HERE, "..", "clusters.tsv"), encoding="utf-8", newline="") as f:
        clusters = defaultdict(set)
        for r in csv.DictReader(f, delimiter="\t"):
            clusters[r["cluster"]].add(r["ID"])

    wanted = set()
    for ev in events:
        if not clusters.get(ev):
            errors.append(f"{ev}: not a cluster of clusters.tsv")
        wanted |= clusters.get(ev, set())
    texts = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["ID"] in wanted:
                texts[r["ID"]] = r["text"]
    for i in sorted(wanted - set(texts)):
        errors.append(f"article {i} not found in {corpus}")

    def check_span(where, ID, start, end, sha):
        t = texts.get(ID)
        if t is None:
            errors.append(f"{where}: article {ID} not loaded")
            return None
        a, b = int(start), int(end)
        if not (0 <= a < b <= len(t)):
            errors.append(f"{where}: bad span {a}-{b} (len {len(t)})")
            return None
        if sha8(t[a:b]) != sha:
            errors.append(f"{where}: sha {sha} != {sha8(t[a:b])} for {a}-{b}")
        return a, b

    # facts: (event, fact) pairs, and which event owns each id
    fact_rows = {}
    owner = defaultdict(set)
    for n, r in enumerate(facts, 2):
        key = (r["event"], r["fact"])
        if key in fact_rows:
            errors.append(f"facts.tsv line {n}: duplicate {key}")
        fact_rows[key] = r["label"]
        owner[r["fact"]].add(r["event"])
    for fid, evs in owner.items():
        if len(evs) > 1:
            errors.append(f"fact id {fid} used by several events: {sorted(evs)}")
    for n, r in enumerate(claims, 2):
        if (r["event"], r["fact"]) not in fact_rows:
            errors.append(f"claims.tsv line {n}: fact {r['event']} {r['fact']} has no facts.tsv row")

    counts = {}
    for ev in events:
        evclaims = [(n, r) for n, r in enumerate(claims, 2) if r["event"] == ev]
        by_fact = defaultdict(list)
        by_art = defaultdict(list)
        for n, r in evclaims:
            span = check_span(f"claims.tsv line {n}", r["ID"], r["start"], r["end"], r["sha"])
            if r["ID"] not in clusters.get(ev, set()):
                errors.append(f"claims.tsv line {n}: {r['ID']} is not in cluster {ev}")
            if span:
                by_fact[r["fact"]].append((r["ID"], span[0], span[1]))
                by_art[r["ID"]].append(span)
        for ID in sorted(clusters.get(ev, set())):
            if not by_art.get(ID):
                errors.append(f"{ev}: article {ID} has no claims")
        for ID, spans in by_art.items():
            spans.sort()
            for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
                if a2 < b1:
                    errors.append(f"{ev} {ID}: claims {a1}-{b1} and {a2}-{b2} overlap")
        evfacts = [f for (e, f) in fact_rows if e == ev]
        for f in evfacts:
            if f not in by_fact:
                errors.append(f"facts.tsv: {ev} {f} has no claim")
            if len(fact_rows[(ev, f)].split()) >= 15:
                errors.append(f"facts.tsv: {ev} {f} label has 15+ words")
        kinds = Counter()
        for n, r in enumerate(discs, 2):
            if r["event"] != ev:
                continue
            where = f"discrepancies.tsv line {n}"
            if r["kind"] not in KINDS:
                errors.append(f"{where}: unknown kind {r['kind']!r}")
            kinds[r["kind"]] += 1
            sides = []
            for s in ("a", "b"):
                span = check_span(f"{where} ({s})", r["ID_" + s], r["start_" + s], r["end_" + s],
                                  r["sha_" + s])
                if not span:
                    continue
                inside = [c for c in by_fact.get(r["fact"], [])
                          if c[0] == r["ID_" + s] and c[1] <= span[0] and span[1] <= c[2]]
                if not inside:
                    errors.append(f"{where} ({s}): span {span} of {r['ID_' + s]} is not inside a "
                                  f"claim of {r['fact']}")
                sides.append((r["ID_" + s], span))
            if len(sides) == 2 and sides[0] == sides[1]:
                errors.append(f"{where}: both sides are the same span")
        multi = sum(1 for f, cs in by_fact.items() if len({c[0] for c in cs}) >= 2)
        counts[ev] = (len(clusters.get(ev, ())), len(evclaims), len(evfacts), multi, dict(kinds))

    for ev, (arts, nc, nf, multi, kinds) in counts.items():
        total = sum(kinds.values())
        print(f"{ev}: {arts} articles, {nc} claims, {nf} facts, {multi} in 2+ articles, "
              f"{total} discrepancies {kinds}")
    if errors:
        for e in errors:
            print("FAIL", e)
        print(f"{len(errors)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
