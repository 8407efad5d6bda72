"""Does reading an article from an HTML page leave boilerplate that the same text as .txt loses?

Usage::

    .venv/bin/python benchmarks/eval_html.py CORPUS.jsonl.gz [--split dev|test|extra|dev2]
        [--labels benchmarks/labels/cleaning] [--show N]

``new-event`` reads ``.html`` pages with trafilatura (:func:`analysis.events.html_to_text`)
and then cleans the extracted text as it cleans a ``.txt`` file.  The corpus holds texts, not
pages, so each labelled article of the cleaning sample (``benchmarks/labels/cleaning``) is
put on a page as a news site would: ``<title>`` and ``<h1>`` from the record's title, every
non-empty line of its text a ``<p>`` of an ``<article>``, and page chrome around it that no
label covers (a navigation bar, a share bar, a "most read" box, a footer).  No label is used
to build the page.  Both routes are then scored on the same labels, line by line:

- *txt*: the record's text through :func:`analysis.corpus.split_article` (what
  ``eval_cleaning.py`` scores);
- *html*: the page through ``html_to_text`` and then ``split_article``.

A labelled line is *in the body* of a route when its words (minus inline boilerplate pieces),
lower-cased, appear in that order in the route's body paragraphs.  Whole-line labels only
(inline pieces such as hover cards cannot be told apart by words alone).  Printed: boilerplate
lines left in the body by each route, the lines the html route leaves that the txt route
removes (the figure that must be 0), prose lines lost by each route and by html only, and
page-chrome lines that reached the body.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_cleaning import line_spans, meta_of, read_labels, read_records  # noqa: E402  (one reader of the labels)

WORD = re.compile(r"[^\W_]+")

#: Page chrome no label covers: what a site puts around every story.
CHROME = {
    "nav": ["Home", "World", "Politics", "Business", "Opinion", "Sports", "Subscribe", "Sign in"],
    "share": ["Share on Facebook", "Share on Twitter", "Email this article", "Print"],
    "most_read": ["Most read", "Ten things to know about the week ahead in markets",
                  "A quiet town learns to live with its new neighbours"],
    "footer": ["About us", "Contact", "Terms of use", "Privacy policy", "© 2024 Example Media Group"],
}


def page_of(rec: dict) -> str:
    """An HTML page holding the record's text as a news site would show it (see the module doc)."""
    e = html.escape
    title = e(str(rec.get("title") or ""))
    paras = "\n".join(f"<p>{e(line)}</p>" for line in rec["text"].split("\n") if line.strip())
    nav = "".join(f'<li><a href="/{k}">{e(k)}</a></li>' for k in CHROME["nav"])
    share = "".join(f'<a href="#">{e(k)}</a> ' for k in CHROME["share"])
    most = "".join(f'<li><a href="/story/{n}">{e(k)}</a></li>' for n, k in enumerate(CHROME["most_read"][1:]))
    foot = "".join(f'<a href="/{n}">{e(k)}</a> ' for n, k in enumerate(CHROME["footer"]))
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>"
            f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title}</h1>"
            f"<div class=\"share\">{share}</div>{paras}</article>"
            f"<aside><h2>{e(CHROME['most_read'][0])}</h2><ul>{most}</ul></aside></main>"
            f"<footer>{foot}</footer></body></html>")


def body_words(art) -> str:
    """The body paragraphs' words, lower-cased, one space apart (with spaces at both ends)."""
    text = art.text
    words = []
    for p in art.paragraphs:
        if p.kind == "body":
            words.extend(w.lower() for w in WORD.findall(text[p.start:p.end]))
    return " " + " ".join(words) + " "


def line_words(text: str, start: int, end: int, holes: list[tuple[int, int]]) -> str:
    """The words of ``text[start:end]`` outside ``holes``, as :func:`body_words` writes them."""
    out = []
    for m in WORD.finditer(text, start, end):
        if not any(m.start() < h1 and h0 < m.end() for h0, h1 in holes):
            out.append(m.group(0).lower())
    return " ".join(out)


def routes(rec: dict) -> tuple[str, str]:
    """The body words of the txt route and of the html route for one record."""
    from analysis.corpus import split_article
    from analysis.events import html_to_text

    meta = meta_of(rec)
    txt = split_article(rec["text"], rec["ID"], meta)
    extracted, info = html_to_text(page_of(rec), rec["ID"])
    page_meta = {**meta, **{k: v for k, v in info.items() if v and not meta.get(k)}}
    via_html = split_article(extracted, rec["ID"], page_meta)
    return body_words(txt), body_words(via_html)


def score(records: dict[str, dict], rows: list[dict]) -> dict:
    """Per whole-line label: in the body of the txt route, of the html route."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_article[row["ID"]].append(row)
    out, chrome_left = [], Counter()
    for aid, arows in by_article.items():
        rec = records[aid]
        text = rec["text"]
        bounds, holes = line_spans(text, arows)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            body_txt, body_html = routes(rec)
        for kind, lines in CHROME.items():
            for line in lines:
                w = " ".join(x.lower() for x in WORD.findall(line))
                if w and f" {w} " in body_html and f" {w} " not in body_txt:
                    chrome_left[kind] += 1
        for r in arows:
            if r["start"] is not None:
                continue
            w = line_words(text, *bounds[r["line"]], holes[r["line"]])
            if not w:
                continue
            out.append({"ID": aid, "line": r["line"], "label": r["label"], "kind": r["kind"] or r["label"],
                        "txt": f" {w} " in body_txt, "html": f" {w} " in body_html, "words": w})
    return {"rows": out, "chrome": chrome_left, "articles": len(by_article)}


def report(res: dict, split: str, show: int) -> int:
    rows = res["rows"]
    boiler = [r for r in rows if r["label"] == "boilerplate"]
    prose = [r for r in rows if r["label"] == "prose"]
    print(f"HTML route vs txt route, cleaning labels {split}: {res['articles']} articles, "
          f"{len(boiler)} whole boilerplate lines, {len(prose)} prose lines")
    print(f"  boilerplate left in body   txt {sum(r['txt'] for r in boiler):4d}   html {sum(r['html'] for r in boiler):4d}")
    worse = [r for r in boiler if r["html"] and not r["txt"]]
    print(f"  left by html, removed by txt: {len(worse)}  (target 0)")
    for kind, n in Counter(r["kind"] for r in worse).most_common():
        print(f"      {kind:16s} {n}")
    lost_txt = sum(not r["txt"] for r in prose)
    lost_html = sum(not r["html"] for r in prose)
    print(f"  prose lines lost           txt {lost_txt:4d}   html {lost_html:4d}   "
          f"(html only: {sum(r['txt'] and not r['html'] for r in prose)})")
    print(f"  page chrome in the body (html only): {sum(res['chrome'].values())} "
          f"{dict(res['chrome']) if res['chrome'] else ''}")
    for r in (worse + [r for r in prose if r["txt"] and not r["html"]])[:show]:
        print(f"    {r['ID']}:{r['line']} {r['label']}/{r['kind']}: {r['words'][:100]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--labels", default=str(ROOT / "benchmarks" / "labels" / "cleaning"))
    ap.add_argument("--show", type=int, default=0, help="print up to N lines the html route gets wrong "
                    "(development splits only)")
    args = ap.parse_args(argv)
    _split_of, _outlet_of, rows = read_labels(Path(args.labels), args.split)
    ids = {r["ID"] for r in rows}
    records = {r["ID"]: r for r in read_records(args.corpus, ids)}
    return report(score(records, rows), args.split, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
