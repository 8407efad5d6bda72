"""The same statement as quoted by different articles, grouped, with word-level differences.

Outlets quoting one statement often render it differently: a translation, a paraphrase
inside quotation marks, a copy error ("counterfire purposes", "retaliatory purposes",
"fire control purposes", "counter-fire purposes").  :func:`quote_variants` groups quotes by
general similarity - the share of one quote's content words found in the other, after
normalizing case, hyphens and plural/verb endings - never by particular words, and marks
each quote's differences against the group's most common wording.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import html
import math
import re
from collections import Counter

import pandas as pd

from .corpus import memoized

from .quotes import quotes
from .speakers import stopwords_lower
from .unionfind import UnionFind

__all__ = ["quote_variants", "quote_versions", "word_diff", "VARIANT_COLUMNS"]

VARIANT_COLUMNS = [
    "group_id", "article_id", "quote_id", "start", "end", "text", "speaker_name", "n_articles",
    "reference", "is_reference", "similarity", "removed", "added", "diff_html",
]

_TOKEN = re.compile(r"[^\W_]+(?:[’'.\-]+[^\W_]+)*\.?|[^\w\s]")


def _norm(word: str) -> str:
    """Lower case; no hyphens, periods or apostrophes; crude ending removal (-s, -ed, -ing, -ly)."""
    w = re.sub(r"[’'.\-]", "", word.lower())
    for suf in ("ing", "ed", "es", "ly", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _content(text: str) -> set[str]:
    sw = stopwords_lower()
    return {_norm(w) for w in re.findall(r"[^\W_]+(?:[’'.\-][^\W_]+)*", text) if w.lower() not in sw}


def _containment(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _diff_keys(tokens: list[str]) -> list[str]:
    """What :func:`word_diff` compares: words in lower case, without a full stop of their own,
    and every punctuation mark alike.  Differences in spelling count ("counterfire" vs
    "counter-fire"); where a quotation is cut and how it is punctuated ("allegation." at the
    end of one version, "allegation," inside a longer one) is no difference of wording.

    >>> _diff_keys(["The", "allegation.", ",", "counter-fire"])
    ['the', 'allegation', '·', 'counter-fire']
    """
    return ["·" if not w[:1].isalnum() and len(w) == 1 else w.lower().rstrip(".") or "·" for w in tokens]


def word_diff(reference: str, text: str) -> tuple[list[str], list[str], str]:
    """Words removed from and added to ``reference`` in ``text``, and the diff as HTML.

    A quote much shorter than the reference (a partial quote) is compared with the part
    of the reference it matches, not with the whole.

    >>> word_diff("for counterfire purposes in Kharkiv", "for retaliatory purposes in Kharkiv")[:2]
    (['counterfire'], ['retaliatory'])
    >>> word_diff("to refute this false allegation, from 36 years ago", "to refute this false allegation.")[:2]
    ([], [])
    """
    ref = _TOKEN.findall(reference)
    new = _TOKEN.findall(text)
    sm = difflib.SequenceMatcher(a=_diff_keys(ref), b=_diff_keys(new), autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if blocks and len(new) < 0.8 * len(ref):
        lo = max(0, blocks[0].a - blocks[0].b)
        hi = min(len(ref), blocks[-1].a + blocks[-1].size + (len(new) - blocks[-1].b - blocks[-1].size))
        ref = ref[lo:hi]
        sm = difflib.SequenceMatcher(a=_diff_keys(ref), b=_diff_keys(new), autojunk=False)
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
    # No space before punctuation, also where a mark opens a struck or added piece ("so<ins>, allowing").
    return removed, added, re.sub(r"\s+((?:<(?:ins|del)>)?[,.;:!?])", r"\1", " ".join(out))


#: A content word shared by more distinct wordings than this does not make them candidate
#: pairs (pairs are found through their rarer words; see :func:`_linked_groups`).
MAX_WORD_WORDINGS = 5_000
#: In a group of more distinct wordings than this, the reference is the most similar to
#: the others among the first this many (in quote order), compared with those.
MAX_REFERENCE_CANDIDATES = 500


#: Words in a row two versions of one statement must share (beside the share of content words):
#: a retyped or translated statement keeps runs of its wording ("we ought to"), while two
#: remarks on one subject share words scattered ("make ... work" in "we ought to make this thing
#: work" and "working to make sure ... will work").
SHARED_RUN = 3


#: The share of the shorter quote's words, in order, that makes two quotes one statement whoever
#: the articles say spoke: nearly the same words are one statement even when one article (or
#: the speaker rules) credits it to someone else - that disagreement is worth showing.  Below
#: it, two quotes credited to different people are two remarks on one subject ("make sure
#: that Donald Trump does not become president" / "make sure that Hillary Clinton is the next
#: president"), not two versions of one.
SAME_WORDS_SHARE = 0.8
ORDER_WORDS = 200


def _links(si: set, sj: set, ki: str, kj: str, min_words: int, threshold: float,
           spk_i: frozenset = frozenset(), spk_j: frozenset = frozenset()) -> bool:
    """Whether two quotes sharing a content word render the same statement: the same words,
    or enough of the shorter one's content words and a run of :data:`SHARED_RUN` words in
    common, from speakers that may be one (``spk_i``/``spk_j``: the surnames the articles credit
    each with; empty when unknown) unless they share :data:`SAME_WORDS_SHARE` of their words.

    >>> a, b = {"make", "sure", "trump", "president", "unit", "state"}, {"make", "sure", "clinton", "president", "unit", "state"}
    >>> ka, kb = "make sure trump become president unit state", "make sure clinton next president unit state"
    >>> _links(a, b, ka, kb, 4, 0.5), _links(a, b, ka, kb, 4, 0.5, frozenset({"sanders"}), frozenset({"warren"}))
    (True, False)
    """
    if ki == kj and len(ki.split()) >= 2:
        return True
    if min(len(si), len(sj)) < min_words or _runs_of(ki).isdisjoint(_runs_of(kj)):
        return False
    if _containment(si, sj) < threshold:
        return False
    return not spk_i or not spk_j or not spk_i.isdisjoint(spk_j) or _ordered_share(ki, kj) >= SAME_WORDS_SHARE


def _ordered_share(ki: str, kj: str) -> float:
    """The share of the shorter key's words found, in order, in runs of two words or more of
    the other: high for one statement retyped or trimmed, low for two remarks that share
    stock phrases in another order ("work ... to become the next president ... make sure that").

    >>> _ordered_share("we will rebuild the bridge", "we will rebuild the old bridge")
    0.8
    """
    # The first ORDER_WORDS words of each say it: difflib's time grows with the product of
    # the lengths, and a very long quote must not make the grouping quadratic in its length.
    a, b = ki.split()[:ORDER_WORDS], kj.split()[:ORDER_WORDS]
    if not a or not b:
        return 0.0
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks() if m.size >= 2) / min(len(a), len(b))


@functools.lru_cache(maxsize=4096)
def _runs_of(key: str) -> frozenset:
    """The runs of :data:`SHARED_RUN` words of a quote's normalized words (its key)."""
    words = key.split()
    return frozenset(zip(*(words[k:] for k in range(SHARED_RUN))))


def _linked_groups_plain(sets: list[set], keys: list[str], min_words: int, threshold: float,
                         speakers: list[frozenset] | None = None) -> list[list[int]]:
    """The groups of linked quotes, comparing every two quotes that share a content word
    (the plain form of :func:`_linked_groups`)."""
    spk = speakers or [frozenset()] * len(sets)
    uf = UnionFind()
    index: dict[str, list[int]] = {}
    for i, s in enumerate(sets):
        for w in s:
            index.setdefault(w, []).append(i)
    for i, s in enumerate(sets):
        seen: set[int] = set()
        for w in s:
            for j in index[w]:
                if j <= i or j in seen:
                    continue
                seen.add(j)
                if _links(s, sets[j], keys[i], keys[j], min_words, threshold, spk[i], spk[j]):
                    uf.union(i, j)
    return uf.groups(range(len(sets)))


def _min_overlap(size: int, threshold: float) -> int:
    """The fewest shared words ``k`` with ``k / size >= threshold`` (containment in a set of
    ``size`` words), as :func:`_containment` divides; ``size + 1`` when none."""
    k = max(0, math.floor(threshold * size) - 1)
    while k <= size and not k / size >= threshold:
        k += 1
    return k


def _linked_groups(sets: list[set], keys: list[str], min_words: int, threshold: float,
                   speakers: list[frozenset] | None = None) -> list[list[int]]:
    """The groups of :func:`_linked_groups_plain`, in time that does not grow with the
    square of the number of quotes.

    * Quotes with the same words (``key`` and content words) link to the same quotes, so
      each distinct wording is compared once, and its quotes join its group (or, when it
      links to no other wording, each other, if a quote links to its own copy).
    * Two wordings linked by containment share at least ``k`` of the content words of the
      smaller (``k`` from the threshold), so one of them is among its ``size - k + 1``
      rarest words (prefix filtering): each wording looks for partners at least its size
      through those only, in an index of every wording's words.  A word with more than
      :data:`MAX_WORD_WORDINGS` such partners is not looked up (a text repeating a few
      words in every quote would pair every quote with every other).
    * Wordings with the same key link whatever their content words, when they share one.
    * ``speakers`` (per quote, the surnames it is credited to) are part of a wording: quotes
      with the same words and other speakers are two wordings, linked as :func:`_links` says.
    """
    spk = speakers or [frozenset()] * len(sets)
    wording: dict[tuple[str, frozenset, frozenset], int] = {}
    of = []
    for s, k, p in zip(sets, keys, spk):
        of.append(wording.setdefault((k, frozenset(s), p), len(wording)))
    w_sets = [set(fs) for _k, fs, _p in wording]
    w_keys = [k for k, _fs, _p in wording]
    w_spk = [p for _k, _fs, p in wording]
    uf = UnionFind()
    linked = [False] * len(w_sets)  # links to another wording
    _link_same_keys(w_sets, w_keys, uf, linked)
    _link_by_containment(w_sets, w_keys, min_words, threshold, uf, linked, w_spk)
    # A wording's quotes link to each other when a quote links to its copy.
    self_link = [bool(s) and _links(s, s, k, k, min_words, threshold, p, p) for s, k, p in zip(w_sets, w_keys, w_spk)]
    groups: dict = {}
    for i, r in enumerate(of):
        key = uf.find(r) if linked[r] or self_link[r] else ("alone", i)
        groups.setdefault(key, []).append(i)
    return sorted(groups.values(), key=min)


def _link_same_keys(w_sets: list[set], w_keys: list[str], uf: UnionFind, linked: list[bool]) -> None:
    """Wordings with the same key (of two words or more) that share a content word are linked."""
    by_key: dict[str, list[int]] = {}
    for r, k in enumerate(w_keys):
        if len(k.split()) >= 2:
            by_key.setdefault(k, []).append(r)
    for rs in by_key.values():
        for x in range(len(rs)):
            for y in range(x + 1, len(rs)):
                if not w_sets[rs[x]].isdisjoint(w_sets[rs[y]]):
                    uf.union(rs[x], rs[y])
                    linked[rs[x]] = linked[rs[y]] = True


def _link_by_containment(w_sets: list[set], w_keys: list[str], min_words: int, threshold: float,
                         uf: UnionFind, linked: list[bool], w_spk: list[frozenset]) -> None:
    """Wordings one of which holds enough of the other, found through the rarer words of the smaller.

    Each posting list holds the wordings of a word by size, and a wording looks only at
    those at least its size (a smaller partner finds it from its own words).
    """
    index: dict[str, list[int]] = {}
    by_size = sorted((r for r, s in enumerate(w_sets) if len(s) >= min_words), key=lambda r: (len(w_sets[r]), r))
    for r in by_size:
        for w in w_sets[r]:
            index.setdefault(w, []).append(r)
    sizes = {w: [len(w_sets[j]) for j in posting] for w, posting in index.items()}
    for r in by_size:
        s = w_sets[r]
        need = _min_overlap(len(s), threshold)
        if need > len(s):
            continue
        rare = sorted(s, key=lambda w: (len(index[w]), w))[:len(s) - max(need, 1) + 1]
        seen: set[int] = set()
        for w in rare:
            posting = index[w]
            first = bisect.bisect_left(sizes[w], len(s))
            if len(posting) - first > MAX_WORD_WORDINGS:
                continue
            for j in posting[first:]:
                if j == r or j in seen:
                    continue
                seen.add(j)
                if linked[r] and linked[j] and uf.find(r) == uf.find(j):
                    continue  # already one group: a link would change nothing
                if _links(s, w_sets[j], w_keys[r], w_keys[j], min_words, threshold, w_spk[r], w_spk[j]):
                    uf.union(r, j)
                    linked[r] = linked[j] = True


def _reference(members: list[int], sets: list[set], keys: list[str]) -> int:
    """The group's reference quote: its most frequent wording, else the quote most similar
    to the others (containment summed over the group, ties to the longer, then the first)."""
    counts = Counter(keys[i] for i in members)
    top, n = counts.most_common(1)[0]
    if n > 1 and len(counts) > 1:
        return next(i for i in members if keys[i] == top)
    if len({(keys[i], frozenset(sets[i])) for i in members}) == 1:
        return members[0]  # one wording: every quote scores the same
    pool = members[:MAX_REFERENCE_CANDIDATES]
    return max(pool, key=lambda i: (sum(_containment(sets[i], sets[j]) for j in pool if j != i), len(sets[i])))


def _credited(q: pd.DataFrame) -> list[frozenset]:
    """Per quote, the surname of the person it is credited to (empty when the speaker is not a
    named person: a pronoun left unresolved, an anonymous source, an organization)."""
    out = []
    for name, kind in zip(q["speaker_name"], q["speaker_type"]):
        words = re.findall(r"[^\W\d_][\w’'\-]*", name) if isinstance(name, str) and kind == "person" else []
        out.append(frozenset({words[-1].lower()}) if words else frozenset())
    return out


@memoized
def quote_variants(corpus, min_words: int = 4, threshold: float = 0.5) -> pd.DataFrame:
    """Quotes from different articles that render the same statement, one row per quote.

    Two quotes are linked when at least ``threshold`` of the content words of the shorter
    one (stopwords dropped; case, hyphens and -s/-ed/-ing/-ly endings normalized) are in the
    other, both having ``min_words`` content words or more, and they share a run of
    :data:`SHARED_RUN` words (two remarks on one subject share scattered words, two versions of
    one statement share runs of its wording), or when their words are the same;
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
    arts = q["article_id"].tolist()
    texts = q["text"].tolist()
    diffs: dict[tuple[str, str], tuple] = {}  # the same quote against the same reference: once
    rows = []
    gid = 0
    for members in _linked_groups(sets, keys, min_words, threshold, _credited(q)):
        if len({arts[i] for i in members}) < 2:
            continue
        ref_i = _reference(members, sets, keys)
        reference = texts[ref_i]
        n_articles = len({arts[i] for i in members})
        for i in members:
            got = diffs.get((reference, texts[i]))
            if got is None:
                got = diffs[(reference, texts[i])] = word_diff(reference, texts[i])
            removed, added, diff = got
            rows.append({
                "group_id": gid, "article_id": arts[i], "quote_id": int(q.at[i, "quote_id"]),
                "start": int(q.at[i, "start"]), "end": int(q.at[i, "end"]), "text": texts[i],
                "speaker_name": q.at[i, "speaker_name"], "n_articles": n_articles,
                "reference": reference, "is_reference": i == ref_i,
                "similarity": round(_containment(sets[i], sets[ref_i]), 3),
                "removed": list(removed), "added": list(added), "diff_html": diff,
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
