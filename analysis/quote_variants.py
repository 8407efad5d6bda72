"""The same statement as quoted by different articles, grouped, with word-level differences.

Outlets quoting one statement often render it differently: a translation, a paraphrase
inside quotation marks, a copy error ("counterfire purposes", "retaliatory purposes",
"fire control purposes", "counter-fire purposes").  :func:`quote_variants` groups quotes by
general similarity - the share of one quote's content words found in the other, after
normalizing case, hyphens and plural/verb endings - never by particular words, and marks
each quote's differences against the group's most common wording.
"""

from __future__ import annotations

import difflib
import html
import re
from collections import Counter

import pandas as pd

from .corpus import memoized

from .quotes import quotes
from .speakers import stopwords_lower

__all__ = ["quote_variants", "quote_versions", "word_diff", "VARIANT_COLUMNS"]

VARIANT_COLUMNS = [
    "group_id", "article_id", "quote_id", "start", "end", "text", "speaker_name", "n_articles",
    "reference", "is_reference", "similarity", "removed", "added", "diff_html",
]

_TOKEN = re.compile(r"[^\W_]+(?:[’'.\-]+[^\W_]+)*\.?|[^\w\s]")


def _norm(word: str) -> str:
    """Lower case; no hyphens, periods or apostrophes; crude ending removal (-s, -ed, -ing)."""
    w = re.sub(r"[’'.\-]", "", word.lower())
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _content(text: str) -> set[str]:
    sw = stopwords_lower()
    return {_norm(w) for w in re.findall(r"[^\W_]+(?:[’'.\-][^\W_]+)*", text) if w.lower() not in sw}


def _containment(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def word_diff(reference: str, text: str) -> tuple[list[str], list[str], str]:
    """Words removed from and added to ``reference`` in ``text``, and the diff as HTML.

    A quote much shorter than the reference (a partial quote) is compared with the part
    of the reference it matches, not with the whole.

    >>> word_diff("for counterfire purposes in Kharkiv", "for retaliatory purposes in Kharkiv")[:2]
    (['counterfire'], ['retaliatory'])
    """
    ref = _TOKEN.findall(reference)
    new = _TOKEN.findall(text)
    # Differences in spelling count ("counterfire" vs "counter-fire"): compare lower-case words.
    sm = difflib.SequenceMatcher(a=[w.lower() for w in ref], b=[w.lower() for w in new], autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if blocks and len(new) < 0.8 * len(ref):
        lo = max(0, blocks[0].a - blocks[0].b)
        hi = min(len(ref), blocks[-1].a + blocks[-1].size + (len(new) - blocks[-1].b - blocks[-1].size))
        ref = ref[lo:hi]
        sm = difflib.SequenceMatcher(a=[w.lower() for w in ref], b=[w.lower() for w in new], autojunk=False)
    removed, added, out = [], [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(new[j1:j2])))
            continue
        if i2 > i1:
            removed.append(" ".join(ref[i1:i2]))
            out.append(f"<del>{html.escape(' '.join(ref[i1:i2]))}</del>")
        if j2 > j1:
            added.append(" ".join(new[j1:j2]))
            out.append(f"<ins>{html.escape(' '.join(new[j1:j2]))}</ins>")
    return removed, added, re.sub(r"\s+([,.;:!?])", r"\1", " ".join(out))


@memoized
def quote_variants(corpus, min_words: int = 4, threshold: float = 0.5) -> pd.DataFrame:
    """Quotes from different articles that render the same statement, one row per quote.

    Two quotes are linked when at least ``threshold`` of the content words of the shorter
    one (stopwords dropped; case, hyphens and -s/-ed/-ing endings normalized) are in the
    other, both having ``min_words`` content words or more, or when their words are the same;
    groups are the connected sets of links that span two articles or more.

    Columns: ``group_id``, ``article_id``, ``quote_id``, ``start``, ``end``, ``text``,
    ``speaker_name``, ``n_articles`` (in the group), ``reference`` (the group's most common
    wording: the most frequent text, else the quote most similar to the others),
    ``is_reference``, ``similarity`` (content-word containment against the reference),
    ``removed``/``added`` (words of the reference replaced or dropped / words put in their
    place) and ``diff_html`` (the quote with ``<del>``/``<ins>`` marks).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "“We use it for counterfire purposes in the region,” an official said.",
    ...                    "b": "“We use it for counter-fire purposes in the region,” an aide said."})
    >>> quote_variants(c)[["article_id", "removed", "added"]].values.tolist()
    [['a', [], []], ['b', ['counterfire'], ['counter-fire']]]
    """
    q = quotes(corpus)
    if q.empty:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    q = q.reset_index(drop=True)
    sets = [_content(t) for t in q["text"]]
    keys = [" ".join(_norm(w) for w in re.findall(r"[^\W_]+(?:[’'.\-][^\W_]+)*", t)) for t in q["text"]]
    parent = list(range(len(q)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Candidate pairs share a content word: an inverted index keeps this far from all pairs.
    index: dict[str, list[int]] = {}
    for i, s in enumerate(sets):
        for w in s:
            index.setdefault(w, []).append(i)
    arts = q["article_id"].tolist()
    for i, s in enumerate(sets):
        seen: set[int] = set()
        for w in s:
            for j in index[w]:
                if j <= i or j in seen:
                    continue
                seen.add(j)
                same = keys[i] == keys[j] and len(keys[i].split()) >= 2
                if same or (min(len(s), len(sets[j])) >= min_words and _containment(s, sets[j]) >= threshold):
                    parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(q)):
        groups.setdefault(find(i), []).append(i)
    rows = []
    gid = 0
    for members in sorted(groups.values(), key=lambda m: (min(m))):
        if len({arts[i] for i in members}) < 2:
            continue
        counts = Counter(keys[i] for i in members)
        top, n = counts.most_common(1)[0]
        if n > 1 and len(counts) > 1:
            ref_i = next(i for i in members if keys[i] == top)
        else:
            ref_i = max(members, key=lambda i: (sum(_containment(sets[i], sets[j]) for j in members if j != i), len(sets[i])))
        reference = q.at[ref_i, "text"]
        n_articles = len({arts[i] for i in members})
        for i in members:
            removed, added, diff = word_diff(reference, q.at[i, "text"])
            rows.append({
                "group_id": gid, "article_id": arts[i], "quote_id": int(q.at[i, "quote_id"]),
                "start": int(q.at[i, "start"]), "end": int(q.at[i, "end"]), "text": q.at[i, "text"],
                "speaker_name": q.at[i, "speaker_name"], "n_articles": n_articles,
                "reference": reference, "is_reference": i == ref_i,
                "similarity": round(_containment(sets[i], sets[ref_i]), 3),
                "removed": removed, "added": added, "diff_html": diff,
            })
        gid += 1
    return pd.DataFrame(rows, columns=VARIANT_COLUMNS)


def quote_versions(corpus, variants: pd.DataFrame | None = None) -> pd.DataFrame:
    """The statement quoted in the most articles, one row per version (corpus order), with
    ``outlet``; empty when no statement is quoted in two articles.

    Columns of :func:`quote_variants` plus ``outlet``.  Pass ``variants`` to reuse a table.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Ann Lee said: “We will rebuild the old bridge across the river this year.”",
    ...                    "b": "“We will rebuild the bridge across the river this year,” said Ann Lee."})
    >>> quote_versions(c)[["article_id", "outlet"]].values.tolist()
    [['a', 'a'], ['b', 'b']]
    """
    variants = quote_variants(corpus) if variants is None else variants
    if variants.empty:
        return variants.assign(outlet=pd.Series(dtype="object"))
    spread = variants.groupby("group_id", sort=False)["article_id"].nunique()
    widest = spread.idxmax()
    rows = variants[variants["group_id"] == widest]
    outlets = corpus.outlet_of()
    rows = rows.assign(outlet=rows["article_id"].map(outlets))
    order = {aid: i for i, aid in enumerate(corpus.ids)}
    return rows.sort_values(["article_id", "start"], key=lambda s: s.map(order) if s.name == "article_id" else s,
                            kind="stable").reset_index(drop=True)
