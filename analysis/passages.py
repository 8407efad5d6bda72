"""Passages two articles share word for word: who copied, or followed, whom.

Every article's clean text is cut into word tokens (:func:`analysis.text.word_spans`),
each normalized to lower-case letters and digits only, so punctuation, quote marks,
apostrophes, hyphens and periods never break a match ("U.S.-supplied" = "US supplied" is
not claimed, but ``“hit back”`` = ``"hit back"`` and ``U.S.`` = ``US`` are).  Every run of
``min_words`` tokens is hashed; runs with the same hash in two articles are seeds; seeds on
the same diagonal (same offset between the two articles) at consecutive positions merge
into one maximal alignment, which is then checked word by word (hash collisions are split
off).  Nothing compares every word with every word: the work grows with the number of
tokens plus the number of shared seeds.
"""

from __future__ import annotations

import unicodedata
import warnings
from typing import Iterable, Iterator

import numpy as np
import pandas as pd

from .corpus import Corpus, memoized
from .text import word_spans

__all__ = ["shared_passages", "normalized_words"]

PASSAGE_COLUMNS = ["article_a", "article_b", "outlet_a", "outlet_b", "start_a", "end_a",
                   "start_b", "end_b", "n_words", "text_a", "text_b"]


def _norm(token: str) -> str:
    """``“U.S.-supplied”`` -> ``ussupplied``; ``Zelenskyy’s`` -> ``zelenskyys``; é -> e."""
    t = unicodedata.normalize("NFKD", token.lower())
    return "".join(ch for ch in t if ch.isalnum())


def normalized_words(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Normalized word tokens of a text and their character spans.

    >>> normalized_words("“Hit back,” U.S. said.")
    (['hit', 'back', 'us', 'said'], [(1, 4), (5, 9), (12, 16), (17, 21)])
    """
    spans = word_spans(text)
    return [_norm(text[a:b]) for a, b in spans], spans


def offsets_within(counts: np.ndarray) -> np.ndarray:
    """``0, 1, ..., n - 1`` for each ``n`` of ``counts``, one after the other (vectorized).

    >>> offsets_within(np.array([3, 0, 2])).tolist()
    [0, 1, 2, 0, 1]
    """
    counts = np.asarray(counts, dtype=np.int64)
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)


def run_positions(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Every index of the runs ``[start, start + size)``, run after run.

    >>> run_positions(np.array([5, 0]), np.array([2, 3])).tolist()
    [5, 6, 0, 1, 2]
    """
    return np.repeat(np.asarray(starts, dtype=np.int64), sizes) + offsets_within(sizes)


def pairs_within_runs(starts: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All index pairs (p, q), p < q, inside each run ``[start, start + size)``, vectorized.

    >>> [x.tolist() for x in pairs_within_runs(np.array([0, 5]), np.array([3, 2]))]
    [[0, 0, 1, 5], [1, 2, 2, 6]]
    """
    starts = np.asarray(starts, dtype=np.int64)
    sizes = np.asarray(sizes, dtype=np.int64)
    if len(sizes) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    pos = run_positions(starts, sizes)
    n_after = np.repeat(starts + sizes, sizes) - pos - 1
    left = np.repeat(pos, n_after)
    right = left + 1 + offsets_within(n_after)
    return left, right


def pairs_between_groups(starts: np.ndarray, sizes: np.ndarray, groups: np.ndarray,
                         full_up_to: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (p, q), p < q, inside each run whose members are in different groups.

    ``groups`` holds a group (an article) for every index, sorted within each run.  Within
    a run, two groups (two articles) of ``m`` and ``k`` members are paired in full
    (``m * k`` pairs) when the smaller holds at most ``full_up_to`` members; otherwise
    member ``t`` of one is paired with member ``t`` of the other (the last member standing
    in once a group runs out): ``max(m, k)`` pairs, each occurrence paired with at least one.
    So a sentence repeated a thousand times in each of two articles gives a thousand pairs
    (copy 1 with copy 1, copy 2 with copy 2, ...), not a million.

    >>> [x.tolist() for x in pairs_between_groups(np.array([0]), np.array([5]), np.array([0, 0, 0, 1, 1]), 1)]
    [[0, 1, 2], [3, 4, 4]]
    >>> [x.tolist() for x in pairs_between_groups(np.array([0]), np.array([3]), np.array([0, 1, 1]), 1)]
    [[0, 0], [1, 2]]
    """
    starts, sizes = np.asarray(starts, dtype=np.int64), np.asarray(sizes, dtype=np.int64)
    groups = np.asarray(groups)
    if len(sizes) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    g_start, g_size, g_of_run = _groups_in_runs(starts, sizes, groups)
    # every pair of groups in one run (groups of a run are consecutive)
    r_first = np.searchsorted(g_of_run, np.arange(len(sizes)))
    r_count = np.bincount(g_of_run, minlength=len(sizes))
    gl, gr = pairs_within_runs(r_first, r_count)
    m, k = g_size[gl], g_size[gr]
    full = np.minimum(m, k) <= full_up_to
    count = np.where(full, m * k, np.maximum(m, k))
    t = offsets_within(count)
    m_r, k_r, full_r = np.repeat(m, count), np.repeat(k, count), np.repeat(full, count)
    i = np.where(full_r, t // k_r, np.minimum(t, m_r - 1))
    j = np.where(full_r, t % k_r, np.minimum(t, k_r - 1))
    return np.repeat(g_start[gl], count) + i, np.repeat(g_start[gr], count) + j


def _groups_in_runs(starts: np.ndarray, sizes: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Start, size and run of every group (consecutive equal ``groups`` within a run)."""
    pos = run_positions(starts, sizes)
    run = np.repeat(np.arange(len(sizes)), sizes)
    g = groups[pos]
    new = np.r_[True, (g[1:] != g[:-1]) | (run[1:] != run[:-1])]
    first = np.flatnonzero(new)
    return pos[first], np.diff(np.r_[first, len(pos)]), run[first]


def chunked_runs(sizes: np.ndarray, max_pairs: int = 4_000_000) -> Iterable[np.ndarray]:
    """Indices of runs, in chunks whose pair counts stay near ``max_pairs`` (bounded memory)."""
    sizes = np.asarray(sizes, dtype=np.int64)
    if len(sizes) == 0:
        return []
    cum = np.cumsum(sizes * (sizes - 1) // 2)
    boundaries = np.flatnonzero(np.diff(cum // max_pairs)) + 1
    return np.split(np.arange(len(sizes)), boundaries)


def _runs(sorted_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and sizes of runs of equal values in a sorted array."""
    if len(sorted_keys) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    return starts, np.diff(np.r_[starts, len(sorted_keys)])


#: A run of ``min_words`` words that recurs within one article seeds passages from its first
#: this many occurrences there only (see :func:`shared_passages`).  A news article rarely
#: repeats an 8-word run (the most in 5,000 real articles: 218 times, a photo gallery's
#: "1 of 43 Photos: ..." captions, see benchmarks/README.md); a text that repeats itself (one
#: sentence ten thousand times) would otherwise pair every occurrence in one article with
#: every one in the other: the square of the text's length in pairs, and in passages.
MAX_SEED_REPEATS = 256

#: A run found at most this many times in one of two articles is paired with every
#: occurrence in the other; found more often in both, occurrence t in one is paired with
#: occurrence t in the other only (see :func:`pairs_between_groups`), so two texts that
#: repeat themselves give passages in proportion to their length, not to its square.
MAX_FULL_PAIRING = 8


@memoized
def shared_passages(corpus: Corpus, min_words: int = 8) -> pd.DataFrame:
    """Passages of at least ``min_words`` words that two articles share word for word.

    One row per maximal alignment between two articles (``article_a`` comes first in the
    corpus): ``start_a, end_a`` and ``start_b, end_b`` are offsets into each article's
    clean text, ``n_words`` the passage length in words, ``text_a``/``text_b`` the passage
    as each article prints it (punctuation and quote marks may differ).  Matching ignores
    case, punctuation, quote marks, apostrophes and hyphens (see the module docstring).

    Work and memory stay in proportion to the text, whatever it repeats: a run of
    ``min_words`` words that recurs within one article seeds passages from its first
    :data:`MAX_SEED_REPEATS` occurrences in that article only; a run that recurs more than
    :data:`MAX_FULL_PAIRING` times in both articles pairs its first occurrence in one with
    the first in the other, the second with the second, and so on (not every one with
    every one); every passage found is then extended word by word to its full length.  So
    a passage is left out only when every run of ``min_words`` words in it recurs that
    often: in two texts that repeat themselves over and over, copy 1 of one is aligned with
    copy 1 of the other, copy 2 with copy 2, and the pairs of different copies are not
    reported (there would be the square of the number of copies).

    Columns: article_a, article_b, outlet_a, outlet_b, start_a, end_a, start_b, end_b,
    n_words, text_a, text_b.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Officials said the U.S. policy has not changed at all, she said.",
    ...                    "b": "But “the US policy has not changed at all,” he told reporters."})
    >>> shared_passages(c, min_words=6)[["start_a", "end_a", "start_b", "end_b", "n_words", "text_b"]].values.tolist()
    [[15, 53, 5, 41, 8, 'the US policy has not changed at all']]
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected an analysis.Corpus, got {type(corpus).__name__}")
    if not isinstance(min_words, (int, np.integer)) or min_words < 2:
        raise ValueError(f"min_words must be a whole number >= 2; got {min_words!r}")
    n = int(min_words)
    ids = corpus.ids
    outlets = corpus.outlet_of().to_dict()  # (a dict: looked up once per row)
    empty = pd.DataFrame({c: pd.Series(dtype=object if c in ("article_a", "article_b", "outlet_a", "outlet_b", "text_a", "text_b") else np.int64)
                          for c in PASSAGE_COLUMNS})
    if len(ids) < 2:
        warnings.warn(f"shared_passages: the corpus has {len(ids)} article(s); passages are shared "
                      "between two articles at least", UserWarning, stacklevel=2)
        return empty
    word_codes, spans = _article_words(corpus, ids)
    if sum(map(len, word_codes)) < n:
        return empty
    A, B, PA, PB = _seed_pairs(word_codes, n)
    if len(A) == 0:
        return empty
    rows = []
    for a, b, ka, kb, la in _alignments(A, B, PA, PB, word_codes, n):
        sa_ch, ea_ch = int(spans[a][ka, 0]), int(spans[a][ka + la - 1, 1])
        sb_ch, eb_ch = int(spans[b][kb, 0]), int(spans[b][kb + la - 1, 1])
        rows.append({"article_a": ids[a], "article_b": ids[b], "outlet_a": outlets[ids[a]],
                     "outlet_b": outlets[ids[b]], "start_a": sa_ch, "end_a": ea_ch,
                     "start_b": sb_ch, "end_b": eb_ch, "n_words": la,
                     "text_a": corpus.text(ids[a])[sa_ch:ea_ch],
                     "text_b": corpus.text(ids[b])[sb_ch:eb_ch]})
    if not rows:
        return empty
    out = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    order = {aid: i for i, aid in enumerate(ids)}
    out = out.assign(_a=out.article_a.map(order), _b=out.article_b.map(order))
    return out.sort_values(["_a", "_b", "start_a", "start_b"]).drop(columns=["_a", "_b"]).reset_index(drop=True)


def _article_words(corpus: Corpus, ids: list[str]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Each article's normalized words as integer codes (one code per distinct word over the
    corpus, to compare and extend alignments with numpy) and their character spans."""
    toks, spans = [], []
    for aid in ids:
        t, s = normalized_words(corpus.text(aid))
        toks.append(t)
        spans.append(np.asarray(s, dtype=np.int64).reshape(-1, 2))
    flat = [w for t in toks for w in t]
    codes = pd.factorize(np.asarray(flat, dtype=object))[0] if flat else np.zeros(0, dtype=np.int64)
    bounds = np.cumsum([0] + [len(t) for t in toks])
    return [codes[bounds[i]:bounds[i + 1]] for i in range(len(toks))], spans


def _seed_pairs(word_codes: list[np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of equal runs of ``n`` words in two articles (hashed), as arrays ``A, B`` (the
    articles, A < B) and ``PA, PB`` (word positions), sorted by pair, diagonal and position."""
    codes = np.concatenate(word_codes).astype(np.uint64) + np.uint64(1)
    art = np.concatenate([np.full(len(t), i, dtype=np.int64) for i, t in enumerate(word_codes)])
    pos = np.concatenate([np.arange(len(t)) for t in word_codes])
    L = len(codes) - n + 1
    h = np.zeros(L, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(n):  # polynomial rolling hash, wrapping modulo 2**64
            h = h * np.uint64(0x100000001B3) + codes[j:j + L]
    valid = art[:L] == art[n - 1:n - 1 + L]
    seeds = pd.DataFrame({"h": h[valid], "art": art[:L][valid], "pos": pos[:L][valid]})
    # Only hashes seen in two or more articles can seed a shared passage.
    n_art = seeds.groupby("h")["art"].transform("nunique")
    seeds = seeds[n_art >= 2].sort_values(["h", "art", "pos"], kind="stable")
    # A run recurring in one article seeds from its first MAX_SEED_REPEATS occurrences there.
    seeds = seeds[seeds.groupby(["h", "art"]).cumcount().to_numpy() < MAX_SEED_REPEATS]
    hh = seeds["h"].to_numpy()
    sa, sp = seeds["art"].to_numpy(), seeds["pos"].to_numpy()
    starts, sizes = _runs(hh)
    found = []
    for idx in chunked_runs(sizes):
        # sorted by article within a hash, so sa[left] < sa[right]
        left, right = pairs_between_groups(starts[idx], sizes[idx], sa, MAX_FULL_PAIRING)
        found.append((sa[left], sa[right], sp[left], sp[right]))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    A, B, PA, PB = (np.concatenate([f[k] for f in found]) for k in range(4))
    order = np.lexsort((PA, PA - PB, B, A))
    return A[order], B[order], PA[order], PB[order]


def _alignments(A: np.ndarray, B: np.ndarray, PA: np.ndarray, PB: np.ndarray, word_codes: list[np.ndarray],
                n: int) -> Iterator[tuple[int, int, int, int, int]]:
    """The maximal passages the seed pairs of :func:`_seed_pairs` grow into, each once:
    ``(article a, article b, first word in a, first word in b, length in words)``."""
    D = PA - PB
    # A new alignment starts wherever the pair or diagonal changes or positions jump.
    new = np.r_[True, (A[1:] != A[:-1]) | (B[1:] != B[:-1]) | (D[1:] != D[:-1]) | (PA[1:] != PA[:-1] + 1)]
    first = np.flatnonzero(new)
    last = np.r_[first[1:] - 1, len(A) - 1]
    done: dict[tuple[int, int, int], int] = {}  # (a, b, diagonal) -> end of the last passage there
    for f, l in zip(first, last):
        a, b, d = int(A[f]), int(B[f]), int(D[f])
        s_a, e_a = int(PA[f]), int(PA[l]) + n  # token range in a, end exclusive
        if done.get((a, b, d), -1) >= e_a:
            continue  # inside a passage already found on this diagonal (seeds left out between)
        ca, cb = word_codes[a], word_codes[b]
        # Verify word by word: a hash collision shows as a mismatch; keep the matching runs.
        eq = ca[s_a:e_a] == cb[s_a - d:e_a - d]
        for rs, re_ in _true_runs(eq):
            if re_ - rs < n:
                continue
            ka, ka_end = _extend(ca, cb, d, s_a + rs, s_a + re_)
            if done.get((a, b, d), -1) >= ka_end:
                continue
            done[(a, b, d)] = ka_end
            yield a, b, ka, ka - d, ka_end - ka


def _extend(ca: np.ndarray, cb: np.ndarray, d: int, start: int, end: int) -> tuple[int, int]:
    """The maximal run of equal words around ``ca[start:end] == cb[start - d:end - d]``
    (a run already known equal), as a range of ``ca``.  When every occurrence of the run's
    words seeded, the run is already maximal; with seeds left out (MAX_SEED_REPEATS) it may
    go on, and is followed here in steps that double, so the work is in proportion to the
    length found."""
    step = 64
    while end < len(ca) and end - d < len(cb):
        stop = min(end + step, len(ca), len(cb) + d)
        diff = np.flatnonzero(ca[end:stop] != cb[end - d:stop - d])
        if len(diff):
            end += int(diff[0])
            break
        end, step = stop, step * 2
    step = 64
    while start > 0 and start - d > 0:
        lo = max(start - step, 0, d)
        diff = np.flatnonzero(ca[lo:start] != cb[lo - d:start - d])
        if len(diff):
            start = lo + int(diff[-1]) + 1
            break
        start, step = lo, step * 2
    return start, end


def _true_runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """``[start, end)`` of each run of True values."""
    if not mask.any():
        return []
    padded = np.r_[False, mask, False].astype(np.int8)
    d = np.diff(padded)
    return list(zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1)))
