"""Word choice: distinctive terms per outlet, article similarity, keywords in context, ledes.

* :func:`distinctive_terms`: which words and two-word phrases each outlet (or any group of
  articles) uses more than the others, scored with the weighted log-odds ratio and an
  informative Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words".
* :func:`similarity`: article x article, TF-IDF cosine on content words or word-shingle
  Jaccard overlap; dense float32 or a long top-k table for large corpora.
* :func:`keyword_in_context`: every hit of a word, phrase or regular expression, with
  the text either side and offsets into the clean text.
* :func:`ledes`: each article's first body sentence, the verb phrase naming what happened,
  and the first name it mentions.

Naming variants live in :mod:`analysis.naming`, shared passages in :mod:`analysis.passages`;
both are re-exported here.  Counting is vectorized with numpy/pandas: the corpus is
tokenized once per sentence, token strings are factorized to integer codes, and every
count afterwards is integer arithmetic on arrays.
"""

from __future__ import annotations

import re
import warnings
from itertools import chain
from typing import Literal, Mapping, NamedTuple

import numpy as np
import pandas as pd

from .corpus import Corpus, memoized
from .naming import naming_variants, person_mentions
from .passages import chunked_runs, pairs_within_runs, run_positions, shared_passages
from .text import _WORD, stopwords, word_spans

__all__ = [
    "WordingWarning",
    "distinctive_terms",
    "follows",
    "keyword_in_context",
    "ledes",
    "naming_variants",
    "shared_passages",
    "similarity",
    "term_counts",
]


class WordingWarning(UserWarning):
    """A wording analysis ran but its answer needs a caveat (one group, no shared words...)."""


# --------------------------------------------------------------------------- tokens

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s?$")
_CLAUSE = r"[,;:()\[\]\"“”«»—–…]|(?<=\s)-(?=\s)"
# One pass finds the words (the same pattern as analysis.text.words) and the clause
# punctuation between them, so two-word phrases never span "Kharkiv, according".
_TOKEN_OR_BREAK = re.compile(f"{_WORD.pattern}|{_CLAUSE}")
_NUMBER = re.compile(r"^[\d.,:/'\-]+(?:s|st|nd|rd|th|m|bn|k|am|pm)?$")


def _check_corpus(corpus) -> None:
    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected an analysis.Corpus (from an.load_event or an.from_texts), "
                        f"got {type(corpus).__name__}")


def _normalize_term(token: str) -> str:
    """Lower case, straight apostrophes, no possessive ``'s``: ``Biden’s`` -> ``biden``."""
    t = token.lower().translate(_APOSTROPHES)
    return _POSSESSIVE.sub("", t) if "'" in t else t


def _is_number(term: str) -> bool:
    return bool(_NUMBER.match(term)) and any(ch.isdigit() for ch in term)


class _Tokens:
    """Body tokens of a corpus as integer arrays (one pass of the regex over each sentence).

    ``code``: normalized term id per token (into ``vocab``); ``article``: article position;
    ``sentence``: running sentence number (bigrams never cross it); ``content``: per vocab
    entry, True for words that are neither stopwords nor numbers (per ``numbers``).
    """

    def __init__(self, corpus: Corpus, numbers: str = "drop", unit: str = "article"):
        sents = corpus.body_sentences()
        ids = pd.Index(corpus.ids)
        # Clause punctuation becomes a marker word, so that two-word phrases never span
        # "Kharkiv, according"; markers are removed after tokenizing.
        findall = _TOKEN_OR_BREAK.findall
        per = [findall(t) for t in sents["text"].tolist()]
        lens = np.fromiter((len(p) for p in per), dtype=np.int64, count=len(per))
        flat = list(chain.from_iterable(per))
        if flat:
            raw_codes, raw_uniques = pd.factorize(np.asarray(flat, dtype=object))
            norm = [_normalize_term(u) for u in raw_uniques]
            if numbers == "mask":
                norm = ["#" if _is_number(n) else n for n in norm]
            norm_codes, vocab = pd.factorize(np.asarray(norm, dtype=object))
            self.code = norm_codes[raw_codes].astype(np.int64)
            self.vocab = np.asarray(vocab, dtype=object)
        else:
            self.code = np.zeros(0, dtype=np.int64)
            self.vocab = np.zeros(0, dtype=object)
        # With unit="sentence" each body sentence is its own "article".
        art_pos = ids.get_indexer(sents["article_id"]) if unit == "article" else np.arange(len(sents))
        self.article = np.repeat(art_pos, lens).astype(np.int64)
        # A "sentence" here is a clause: its number goes up at each sentence and marker.
        sentence = np.repeat(np.arange(len(per)), lens)
        is_break = np.fromiter((v != "#" and not any(ch.isalnum() for ch in v) for v in self.vocab), dtype=bool,
                               count=len(self.vocab))
        if is_break.any() and len(sentence):
            is_mark = is_break[self.code]
            starts = np.r_[True, sentence[1:] != sentence[:-1]]
            sentence = np.cumsum(starts | is_mark)
            keep_tok = ~is_mark
            self.code, self.article, sentence = self.code[keep_tok], self.article[keep_tok], sentence[keep_tok]
        self.sentence = sentence
        stop = {s.translate(_APOSTROPHES) for s in stopwords()}
        keep = []
        for term in self.vocab:
            if term == "#" and numbers == "mask":
                keep.append(True)
            elif term in stop or not any(ch.isalnum() for ch in term):
                keep.append(False)
            elif numbers == "drop" and _is_number(term):
                keep.append(False)
            else:
                keep.append(True)
        self.content = np.asarray(keep, dtype=bool)
        self.n_articles = len(ids) if unit == "article" else len(sents)


def _doc_term(tokens: _Tokens, ngram: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sparse article x term counts: ``(article, term, count)`` triplets and the term strings.

    Unigrams are content words; bigrams are two adjacent content words in one sentence
    (so ``the go-ahead`` is not a bigram but ``american weapons`` is).
    """
    lo, hi = ngram
    if not (1 <= lo <= hi <= 2):
        raise ValueError(f"ngram must be (1, 1), (1, 2) or (2, 2); got {ngram!r}")
    code, art = tokens.code, tokens.article
    is_content = tokens.content[code] if len(code) else np.zeros(0, bool)
    V = len(tokens.vocab)
    parts_art, parts_term = [], []
    term_strings = []
    if lo == 1:
        parts_art.append(art[is_content])
        parts_term.append(code[is_content])
        term_strings.append(tokens.vocab)
        offset = V
    else:
        parts_art.append(np.zeros(0, np.int64))
        parts_term.append(np.zeros(0, np.int64))
        term_strings.append(np.zeros(0, object))
        offset = 0
    if hi == 2 and len(code) > 1:
        ok = is_content[:-1] & is_content[1:] & (tokens.sentence[:-1] == tokens.sentence[1:])
        first, second = code[:-1][ok], code[1:][ok]
        bi_codes, bi_uniques = pd.factorize(first * V + second)
        parts_art.append(art[:-1][ok])
        parts_term.append(bi_codes.astype(np.int64) + offset)
        bi_uniques = np.asarray(bi_uniques, dtype=np.int64)
        left, right = tokens.vocab[bi_uniques // V], tokens.vocab[bi_uniques % V]
        term_strings.append(np.asarray([f"{a} {b}" for a, b in zip(left, right)], dtype=object))
    all_art = np.concatenate(parts_art)
    all_term = np.concatenate(parts_term)
    terms = np.concatenate(term_strings)
    # Unused vocabulary entries (stopwords) stay in ``terms``; they simply get no counts.
    T = max(len(terms), 1)
    keys, counts = np.unique(all_art * T + all_term, return_counts=True)
    return keys // T, keys % T, counts.astype(np.int64), terms


@memoized
def term_counts(corpus: Corpus, ngram: tuple[int, int] = (1, 2), numbers: str = "drop") -> pd.DataFrame:
    """Content-word and two-word-phrase counts per article (stopwords and numbers left out).

    Terms are lower-cased with possessive ``'s`` removed; a two-word phrase is two adjacent
    content words in one sentence.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Kyiv’s forces hit back. Kyiv forces won."})
    >>> term_counts(c).sort_values("term")[["term", "count"]].values.tolist()
    [['back', 1], ['forces', 2], ['forces hit', 1], ['forces won', 1], ['hit', 1], ['hit back', 1], ['kyiv', 2], ['kyiv forces', 2], ['won', 1]]
    """
    _check_corpus(corpus)
    tokens = _Tokens(corpus, numbers=_check_numbers(numbers))
    art, term, counts, terms = _doc_term(tokens, tuple(ngram))
    ids = np.asarray(corpus.ids, dtype=object)
    return pd.DataFrame({
        "article_id": ids[art] if len(art) else np.zeros(0, object),
        "term": terms[term] if len(term) else np.zeros(0, object),
        "n_gram": np.char.count(terms[term].astype(str), " ") + 1 if len(term) else np.zeros(0, int),
        "count": counts,
    })


def _check_numbers(numbers: str) -> str:
    if numbers not in ("drop", "keep", "mask"):
        raise ValueError(f"numbers must be 'drop', 'keep' or 'mask' (numbers become '#'); got {numbers!r}")
    return numbers


# --------------------------------------------------------------------------- distinctive terms

DISTINCTIVE_COLUMNS = [
    "group", "rank", "term", "n_gram", "count", "count_rest", "n_articles", "group_articles",
    "rate_per_1000", "rate_rest_per_1000", "log_odds", "se", "z", "few_uses",
]


def _groups(corpus: Corpus, by: str) -> pd.Series:
    """Group label per article, in corpus order."""
    if by == "outlet":
        return corpus.outlet_of().astype(str)
    if by in ("article", "article_id"):
        return pd.Series(corpus.ids, index=corpus.articles.index, dtype=object)
    if by not in corpus.articles.columns:
        raise KeyError(f"by={by!r}: no such article column; choose 'outlet', 'article_id' or one of "
                       f"{sorted(c for c in corpus.articles.columns if c not in ('raw_text', 'text'))}")
    col = corpus.articles[by]
    return col.astype(object).where(col.notna(), "(none)").astype(str)


def _prior_counts(prior, terms: np.ndarray, used: np.ndarray, ngram, numbers) -> np.ndarray | None:
    """Background counts for ``terms`` from a Corpus, a Series/mapping term->count or a frame."""
    if isinstance(prior, Corpus):
        bg = term_counts(prior, ngram=ngram, numbers=numbers).groupby("term")["count"].sum()
    elif isinstance(prior, pd.DataFrame):
        if not {"term", "count"} <= set(prior.columns):
            raise ValueError(f"a prior DataFrame needs columns 'term' and 'count'; got {list(prior.columns)}")
        bg = prior.groupby("term")["count"].sum()
    elif isinstance(prior, (pd.Series, Mapping)):
        bg = pd.Series(prior, dtype=float)
    else:
        return None
    bg.index = [_normalize_term(str(t)) if " " not in str(t) else " ".join(_normalize_term(w) for w in str(t).split())
                for t in bg.index]
    bg = bg.groupby(level=0).sum()
    if (bg < 0).any():
        raise ValueError("prior counts must be non-negative")
    return pd.Series(terms[used]).map(bg).fillna(0.0).to_numpy(dtype=float)


@memoized
def distinctive_terms(
    corpus: Corpus,
    by: str = "outlet",
    min_count: int = 2,
    prior: None | str | Corpus | pd.Series | pd.DataFrame | Mapping = "corpus",
    prior_strength: float | None = None,
    ngram: tuple[int, int] = (1, 2),
    top: int | None = None,
    numbers: str = "drop",
    few: int = 5,
    keep_nested: bool = False,
) -> pd.DataFrame:
    """Words and two-word phrases each group uses more than the rest of the corpus.

    For every group (outlet by default) and term the group uses at least ``min_count``
    times, the weighted log-odds ratio of the term in the group against all other groups,
    with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 16 and 22)::

        delta = log((y_g + a) / (n_g + a0 - y_g - a)) - log((y_r + a) / (n_r + a0 - y_r - a))
        se    = sqrt(1 / (y_g + a) + 1 / (y_r + a));   z = delta / se

    where ``y_g``/``y_r`` count the term in the group/the rest, ``n_g``/``n_r`` count all
    terms there, and ``a`` (summing to ``a0``) is the prior: with ``prior="corpus"`` the
    term's share of the whole corpus, with a background :class:`Corpus` or a term->count
    Series/mapping (or a ``term, count`` frame) its share there (add-0.5 smoothed), with
    ``None`` a flat 0.01 per term.  ``a0`` is ``prior_strength`` or, by default, the number of
    terms in the corpus (the prior weighs as much as the data).  A positive z means the
    group uses the term more than the rest; |z| > 1.96 is the usual "notable" line.

    Stopwords are left out (unigrams, and bigrams containing one); numbers are dropped,
    kept, or masked as ``#`` (``numbers``).  Counts are body text only.  ``rate_per_1000``
    is per 1,000 body words of the group; ``few_uses`` flags scores resting on fewer than
    ``few`` uses, ``n_articles`` says how many of the group's articles use the term.
    A word whose every use in a group is inside one listed two-word phrase ("united" in
    "united states") is left out of that group's list unless ``keep_nested=True``.

    Columns: group, rank, term, n_gram, count, count_rest, n_articles, group_articles,
    rate_per_1000, rate_rest_per_1000, log_odds, se, z, few_uses. Sorted by group (corpus
    order) and z, highest first; ``top`` keeps the first ``top`` rows per group.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Kyiv forces fired. Kyiv forces hit back. Troops moved.",
    ...                    "b": "Troops moved. Troops fired back. Kiev forces moved."},
    ...                   outlet={"a": "A", "b": "B"})
    >>> d = distinctive_terms(c)
    >>> d[d.term == "kyiv forces"][["group", "rank", "count", "count_rest", "few_uses"]].values.tolist()
    [['A', 1, 2, 0, True]]
    """
    _check_corpus(corpus)
    numbers = _check_numbers(numbers)
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count must be a whole number >= 1; got {min_count!r}")
    groups = _groups(corpus, by)
    labels, group_names = pd.factorize(groups.to_numpy(dtype=object))
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
        DISTINCTIVE_COLUMNS, [object, int, object, int, int, int, int, int, float, float, float, float, float, bool])})
    if len(group_names) < 2:
        warnings.warn(f"distinctive_terms: the corpus has {len(corpus)} article(s) in "
                      f"{len(group_names)} group(s) by {by!r}; it takes at least two groups to "
                      "compare, so no terms are scored", WordingWarning, stacklevel=2)
        return empty
    tokens = _Tokens(corpus, numbers=numbers)
    art, term, counts, terms = _doc_term(tokens, tuple(ngram))
    if len(counts) == 0:
        warnings.warn("distinctive_terms: the corpus has no content words to compare",
                      WordingWarning, stacklevel=2)
        return empty
    G = len(group_names)
    c = _group_term_counts(labels[art], term, counts, G)
    if not (np.bincount(c.t, minlength=len(c.used)) > 1).any():
        warnings.warn(f"distinctive_terms: no term is used by more than one group by {by!r}; "
                      "the groups share no words, so each group's list is simply its own words",
                      WordingWarning, stacklevel=2)
    alpha, a0 = _prior_alpha(prior, prior_strength, c.y_total, float(c.n_group.sum()),
                             lambda: _prior_counts(prior, terms, c.used, tuple(ngram), numbers))
    keep = c.y_g >= min_count
    g, t, y_g, n_art = c.g[keep], c.t[keep], c.y_g[keep], c.n_art[keep]
    y_r = c.y_total[t] - y_g
    N = c.n_group.sum()
    n_g = c.n_group[g]
    delta, se, z = _log_odds(y_g, y_r, n_g, N - n_g, alpha[t], a0)
    words_per_group = np.bincount(labels, weights=corpus.articles["n_words"].fillna(0).to_numpy(float),
                                  minlength=G)
    wg, wr = words_per_group[g], words_per_group.sum() - words_per_group[g]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(wg > 0, 1000.0 * y_g / wg, np.nan)
        rate_r = np.where(wr > 0, 1000.0 * y_r / wr, np.nan)
    tstr = terms[c.used[t]]
    out = pd.DataFrame({
        "group": np.asarray(group_names, dtype=object)[g],
        "g": g,
        "term": tstr,
        "n_gram": np.fromiter((s.count(" ") + 1 for s in tstr), dtype=np.int64, count=len(tstr)),
        "count": y_g,
        "count_rest": y_r.astype(np.int64),
        "n_articles": n_art,
        "group_articles": np.bincount(labels, minlength=G)[g],
        "rate_per_1000": rate,
        "rate_rest_per_1000": rate_r,
        "log_odds": delta,
        "se": se,
        "z": z,
        "few_uses": y_g < few,
    })
    return _ranked(out if keep_nested or not (out["n_gram"] == 2).any() else _drop_nested(out), top)


class _GroupTermCounts(NamedTuple):
    """Term counts per group: ``used`` (term ids in use), then per (group, term) pair
    ``g``, ``t`` (compact term index), ``y_g`` (uses), ``n_art`` (articles using it); and
    ``y_total`` per term, ``n_group`` (all term uses) per group."""

    used: np.ndarray
    g: np.ndarray
    t: np.ndarray
    y_g: np.ndarray
    n_art: np.ndarray
    y_total: np.ndarray
    n_group: np.ndarray


def _group_term_counts(g_of_doc: np.ndarray, term: np.ndarray, counts: np.ndarray, G: int) -> _GroupTermCounts:
    """Counts per group and term from document-term triples (the group of each triple's document)."""
    # Compact the term ids to the ones in use, so every array below is vocabulary-sized.
    used, term = np.unique(term, return_inverse=True)
    T = len(used)
    gkeys, ginv = np.unique(g_of_doc * T + term, return_inverse=True)
    y_g = np.bincount(ginv, weights=counts).astype(np.int64)
    n_art = np.bincount(ginv).astype(np.int64)  # articles of the group using the term
    g, t = gkeys // T, gkeys % T
    return _GroupTermCounts(used, g, t, y_g, n_art, np.bincount(term, weights=counts, minlength=T),
                            np.bincount(g, weights=y_g, minlength=G))


def _prior_alpha(prior, prior_strength: float | None, y_total: np.ndarray, n_terms: float,
                 background) -> tuple[np.ndarray, float]:
    """The Dirichlet prior ``a_t`` over the terms in use and its sum ``a0`` (see
    :func:`distinctive_terms`); ``background()`` gives a background corpus's counts."""
    a0 = float(prior_strength) if prior_strength is not None else float(n_terms)
    if prior_strength is not None and not prior_strength > 0:
        raise ValueError(f"prior_strength must be > 0; got {prior_strength!r}")
    if isinstance(prior, str):
        if prior != "corpus":
            raise ValueError(f"prior must be 'corpus', None, a Corpus, or term counts; got {prior!r}")
        return a0 * y_total / y_total.sum(), a0
    if prior is None:
        alpha = np.full(len(y_total), 0.01)
        return alpha, float(alpha.sum())
    bg = background()
    if bg is None:
        raise TypeError(f"prior must be 'corpus', None, a Corpus, a Series/mapping term->count "
                        f"or a DataFrame with term and count; got {type(prior).__name__}")
    return a0 * (bg + 0.5) / (bg + 0.5).sum(), a0


def _log_odds(y_g, y_r, n_g, n_r, a, a0: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Monroe et al.'s weighted log-odds ``delta``, its standard error and ``z``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y_g + a) / (n_g + a0 - y_g - a)) - np.log((y_r + a) / (n_r + a0 - y_r - a)))
        se = np.sqrt(1.0 / (y_g + a) + 1.0 / (y_r + a))
        return delta, se, delta / se


def _ranked(out: pd.DataFrame, top: int | None) -> pd.DataFrame:
    """Rows sorted by group and z (highest first), ranked within the group, ``top`` kept."""
    out = out.sort_values(["g", "z", "count", "term"], ascending=[True, False, False, True], kind="stable")
    out["rank"] = out.groupby("g").cumcount() + 1
    if top is not None:
        out = out[out["rank"] <= top]
    out = out.drop(columns="g")[DISTINCTIVE_COLUMNS].reset_index(drop=True)
    out["group"] = out["group"].astype(object)
    out["term"] = out["term"].astype(object)
    return out


def _drop_nested(out: pd.DataFrame) -> pd.DataFrame:
    """Drop a group's word when a listed phrase of that group holds all its uses."""
    bi = out[out["n_gram"] == 2]
    parts = bi["term"].str.split(" ", n=1, expand=True)
    inside = pd.concat([
        pd.DataFrame({"g": bi["g"].to_numpy(), "term": parts[0].to_numpy(), "count": bi["count"].to_numpy()}),
        pd.DataFrame({"g": bi["g"].to_numpy(), "term": parts[1].to_numpy(), "count": bi["count"].to_numpy()}),
    ]).drop_duplicates()
    inside["_nested"] = True
    merged = out.merge(inside, on=["g", "term", "count"], how="left")
    keep = merged["_nested"].isna().to_numpy() | (merged["n_gram"] == 2).to_numpy()
    return out[keep]


# --------------------------------------------------------------------------- similarity

def _accumulate_pairs(S: np.ndarray, docs: np.ndarray, values: np.ndarray, run_starts: np.ndarray,
                      run_sizes: np.ndarray) -> None:
    """Add values[p] * values[q] to S[docs[p], docs[q]] for all pairs inside each run."""
    N = S.shape[0]
    flat = S.reshape(-1)
    for idx in chunked_runs(run_sizes):
        if len(idx) == 0:
            continue
        left, right = pairs_within_runs(run_starts[idx], run_sizes[idx])
        if len(left) == 0:
            continue
        a, b = docs[left], docs[right]
        w = values[left] * values[right]
        keys = np.minimum(a, b) * N + np.maximum(a, b)
        ukeys, inv = np.unique(keys, return_inverse=True)
        flat[ukeys] += np.bincount(inv, weights=w).astype(S.dtype)


def _tfidf_weights(corpus: Corpus, unit: str = "article", sublinear: bool = True):
    """Unit-length TF-IDF vectors of content words: ``(N, doc, term, w, norms, df)``, the
    entries sorted by document, then term (``w`` float64; ``norms`` before scaling)."""
    tokens = _Tokens(corpus, unit=unit)
    N = tokens.n_articles
    doc, term, counts, _ = _doc_term(tokens, (1, 1))
    if len(doc) == 0:
        return N, doc, term, np.zeros(0), np.zeros(N), np.zeros(0, np.int64)
    df = np.bincount(term)
    idf = np.log((1.0 + N) / (1.0 + df)) + 1.0  # smooth idf, as scikit-learn does
    tf = 1.0 + np.log(counts) if sublinear else counts.astype(float)
    w = tf * idf[term]
    norms = np.sqrt(np.bincount(doc, weights=w * w, minlength=N))
    return N, doc, term, w / norms[doc], norms, df


def _tfidf_matrix(corpus: Corpus, unit: str = "article", sublinear: bool = True) -> np.ndarray:
    """Cosine similarity of TF-IDF vectors of content words, dense float32 N x N."""
    N, doc, term, w, norms, df = _tfidf_weights(corpus, unit, sublinear)
    S = np.zeros((N, N), dtype=np.float32)
    if len(doc) == 0:
        return S
    # Only terms in two or more articles add to off-diagonal cells.  Frequent terms go
    # through one dense matrix product (BLAS); rare ones through pair lists, whose cost
    # grows with df^2: the split point balances the two.
    dense_min_df = max(2, int(0.03 * N))
    sel = df[term] >= 2
    doc, term, w = doc[sel], term[sel], w[sel]
    is_dense = df[term] >= dense_min_df
    if is_dense.any():
        dterms, dcol = np.unique(term[is_dense], return_inverse=True)
        block = 4096
        for c0 in range(0, len(dterms), block):
            m = (dcol >= c0) & (dcol < c0 + block)
            X = np.zeros((N, min(block, len(dterms) - c0)), dtype=np.float32)
            X[doc[is_dense][m], dcol[m] - c0] = w[is_dense][m]
            S += X @ X.T
    sparse = ~is_dense
    if sparse.any():
        order = np.lexsort((doc[sparse], term[sparse]))
        sdoc, sterm, sw = doc[sparse][order], term[sparse][order], w[sparse][order]
        starts = np.flatnonzero(np.r_[True, sterm[1:] != sterm[:-1]])
        sizes = np.diff(np.r_[starts, len(sterm)])
        upper = np.zeros((N, N), dtype=np.float32)
        _accumulate_pairs(upper, sdoc, sw, starts, sizes)
        S += upper + upper.T
    # The diagonal from the dense product is partial: set it from the norms.
    np.fill_diagonal(S, np.where(norms > 0, 1.0, 0.0).astype(np.float32))
    np.clip(S, 0.0, 1.0, out=S)
    return S


def _shingle_matrix(corpus: Corpus, k: int, unit: str = "article") -> np.ndarray:
    """Jaccard overlap of the sets of k-word shingles (all words, normalized), N x N float32."""
    tokens = _Tokens(corpus, numbers="keep", unit=unit)
    N = tokens.n_articles
    code, art = tokens.code, tokens.article
    S = np.zeros((N, N), dtype=np.float32)
    if len(code) < k:
        return S
    # A k-gram is valid when its words are in one article (shingles may cross sentences).
    L = len(code) - k + 1
    h = np.zeros(L, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * np.uint64(1_000_003) + (code[j:j + L].astype(np.uint64) + np.uint64(1))
    ok = art[:L] == art[k - 1:k - 1 + L]
    keys = pd.DataFrame({"h": h[ok], "a": art[:L][ok]}).drop_duplicates()
    sizes_per_doc = np.bincount(keys["a"].to_numpy(), minlength=N).astype(np.float64)
    keys = keys.sort_values(["h", "a"], kind="stable")
    hh, aa = keys["h"].to_numpy(), keys["a"].to_numpy(np.int64)
    starts = np.flatnonzero(np.r_[True, hh[1:] != hh[:-1]])
    sizes = np.diff(np.r_[starts, len(hh)])
    multi = sizes >= 2
    inter = np.zeros((N, N), dtype=np.float32)
    _accumulate_pairs(inter, aa, np.ones(len(aa)), starts[multi], sizes[multi])
    inter = inter + inter.T
    union = sizes_per_doc[:, None] + sizes_per_doc[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        S = np.where(union > 0, inter / union, 0.0).astype(np.float32)
    np.fill_diagonal(S, (sizes_per_doc > 0).astype(np.float32))
    return S


@memoized
def similarity(
    corpus: Corpus,
    method: Literal["tfidf", "shingles"] = "tfidf",
    shingle_size: int = 3,
    form: Literal["wide", "long"] = "wide",
    top_k: int | None = None,
    unit: Literal["article", "sentence"] = "article",
    max_units: int = 10_000,
) -> pd.DataFrame:
    """How alike each pair of articles is, from 0 (nothing shared) to 1 (the same).

    ``method="tfidf"``: cosine similarity of TF-IDF vectors of content words (body text,
    no stopwords or numbers; term frequency ``1 + log(count)``, smooth idf
    ``log((1 + N) / (1 + df)) + 1``).  It rewards sharing the same uncommon words, in any
    order.  ``method="shingles"``: Jaccard overlap of the sets of ``shingle_size``-word
    sequences (all words, lower-cased, punctuation ignored): it rewards sharing the same
    wording, word for word.

    ``form="wide"`` returns the article x article matrix (float32, 1 on the diagonal; for
    N articles it holds N^2 x 4 bytes: 100 MB for 5,000).  ``form="long"`` returns one row
    per pair ``article_a, article_b, outlet_a, outlet_b, similarity`` (each unordered pair
    once, most similar first), or with ``top_k`` each article's ``top_k`` most similar
    other articles (``rank`` 1 = most similar) -- the form to use for large corpora.

    ``unit="sentence"`` compares body sentences instead (index ``article_id, sent_id``;
    long form adds ``sent_a``/``sent_b``): ``similarity(c, unit="sentence").loc["b"]["a"]``
    shows which sentence of article ``a`` each sentence of ``b`` follows (for one pair of
    articles, :func:`sentence_similarity` gives that block without the whole matrix).

    The matrix grows with the square of the articles (or sentences), so more than
    ``max_units`` of them (10,000: 400 MB) is a ValueError saying so, not a machine out of
    memory: a text of fifty thousand one-word lines is fifty thousand sentences.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Ukraine strikes Russian targets near Kharkiv.",
    ...                    "b": "Ukraine strikes targets near Kharkiv, officials say.",
    ...                    "c": "The bakery sells fresh bread every morning."})
    >>> [round(float(x), 2) for x in similarity(c).loc["a"]]
    [1.0, 0.66, 0.0]
    """
    _check_similarity_args(corpus, method, shingle_size, form, top_k, unit)
    if unit == "article":
        ids = pd.Index(corpus.ids, name="article_id")
        art_ids = np.asarray(corpus.ids, dtype=object)
        sent_ids = None
    else:
        body = corpus.body_sentences()
        ids = pd.MultiIndex.from_arrays([body["article_id"].astype(object), body["sent_id"].astype(int)],
                                        names=["article_id", "sent_id"])
        art_ids = body["article_id"].to_numpy(dtype=object)
        sent_ids = body["sent_id"].to_numpy(dtype=np.int64)
    N = len(ids)
    if N > max_units:
        raise ValueError(f"similarity: {N:,} {unit}s would make a {N:,} x {N:,} matrix "
                         f"({N * N * 4 / 2**30:.1f} GiB), over max_units={max_units:,}; "
                         + ("compare two articles' sentences with an.sentence_similarity"
                            if unit == "sentence" else "run it on one event at a time") + ", or raise max_units")
    if N < 2:
        warnings.warn(f"similarity: the corpus has {N} {unit}(s); similarity needs at least two "
                      f"{unit}s to compare", WordingWarning, stacklevel=2)
    if method == "tfidf":
        S = _tfidf_matrix(corpus, unit=unit)
    else:
        S = _shingle_matrix(corpus, int(shingle_size), unit=unit)
    if N >= 2 and _off_diagonal_max(S) == 0.0:
        warnings.warn(f"similarity: no two {unit}s share a "
                      + ("content word" if method == "tfidf" else f"{shingle_size}-word sequence")
                      + "; every similarity is 0", WordingWarning, stacklevel=2)
    if form == "wide":
        columns = ids.copy()
        columns.names = ["other"] if unit == "article" else ["other", "other_sent_id"]
        return pd.DataFrame(S, index=ids, columns=columns)
    a, b, vals, rank = _all_pairs(S) if top_k is None else _top_pairs(S, int(top_k))
    outlet_of = corpus.outlet_of()
    outlets = np.asarray([outlet_of[x] for x in art_ids], dtype=object)
    out = {"article_a": art_ids[a], "article_b": art_ids[b]}
    if sent_ids is not None:
        out = {"article_a": art_ids[a], "sent_a": sent_ids[a], "article_b": art_ids[b], "sent_b": sent_ids[b]}
    out.update({"outlet_a": outlets[a], "outlet_b": outlets[b],
                "similarity": vals.astype(np.float32), "rank": rank})
    return pd.DataFrame(out)


def _check_similarity_args(corpus, method, shingle_size, form, top_k, unit) -> None:
    """A ValueError (TypeError for a non-corpus) naming the first bad argument of :func:`similarity`."""
    _check_corpus(corpus)
    if method not in ("tfidf", "shingles"):
        raise ValueError(f"method must be 'tfidf' or 'shingles'; got {method!r}")
    if form not in ("wide", "long"):
        raise ValueError(f"form must be 'wide' or 'long'; got {form!r}")
    if not isinstance(shingle_size, (int, np.integer)) or shingle_size < 1:
        raise ValueError(f"shingle_size must be a whole number >= 1; got {shingle_size!r}")
    if top_k is not None and (not isinstance(top_k, (int, np.integer)) or top_k < 1):
        raise ValueError(f"top_k must be a whole number >= 1 or None; got {top_k!r}")
    if unit not in ("article", "sentence"):
        raise ValueError(f"unit must be 'article' or 'sentence'; got {unit!r}")


def _all_pairs(S: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every unordered pair of a similarity matrix, most similar first: rows, columns, values, ranks."""
    a, b = np.triu_indices(len(S), k=1)
    vals = S[a, b]
    order = np.argsort(-vals, kind="stable")
    return a[order], b[order], vals[order], np.arange(1, len(a) + 1)


def _top_pairs(S: np.ndarray, top_k: int, block_rows: int = 1024) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ``top_k`` most similar other rows, best first (rank 1), a block of rows at a
    time so no second N x N array is made."""
    N = len(S)
    k = min(top_k, max(N - 1, 0))
    rows_a, rows_b, rows_v = [], [], []
    for r0 in range(0, N if k else 0, block_rows):
        block = S[r0:r0 + block_rows].copy()
        block[np.arange(len(block)), np.arange(r0, r0 + len(block))] = -np.inf
        part = np.argpartition(-block, k - 1, axis=1)[:, :k]
        pv = np.take_along_axis(block, part, axis=1)
        o = np.argsort(-pv, axis=1, kind="stable")
        rows_b.append(np.take_along_axis(part, o, axis=1).ravel())
        rows_v.append(np.take_along_axis(pv, o, axis=1).ravel())
        rows_a.append(np.repeat(np.arange(r0, r0 + len(block)), k))
    a = np.concatenate(rows_a) if rows_a else np.zeros(0, int)
    b = np.concatenate(rows_b) if rows_b else np.zeros(0, int)
    vals = np.concatenate(rows_v) if rows_v else np.zeros(0, np.float32)
    rank = np.tile(np.arange(1, k + 1), len(a) // k) if k else np.zeros(0, int)
    return a, b, vals, rank


def _off_diagonal_max(S: np.ndarray, block: int = 1024) -> float:
    """The largest value off the diagonal of a square matrix, a block of rows at a time
    (a mask of the whole matrix would take N^2 bytes more)."""
    best = -np.inf
    for r0 in range(0, len(S), block):
        rows = S[r0:r0 + block].copy()
        rows[np.arange(len(rows)), np.arange(r0, r0 + len(rows))] = -np.inf
        best = max(best, float(rows.max()))
    return best


class _SentenceVectors:
    """The body sentences' similarities to the sentences of other articles, exactly as the
    sentence x sentence matrix of :func:`similarity` (``unit="sentence"``) holds them, for
    :func:`follows`, without that matrix.

    The matrix holds every pair of the corpus's sentences (20,000 sentences: 1.6 GB, twice
    over while it is built), but :func:`follows` reads only pairs from two different
    articles.  Here one article's sentences at a time, in blocks of bounded size, are
    compared with the other articles' sentences, by the same arithmetic as
    :func:`_tfidf_matrix` (frequent terms as one float32 product per block of columns,
    rare ones as pair sums in float64 added once), and sentences with the same vector (a
    text repeating a sentence) are compared once.  ``tests/test_wording.py`` checks the
    values against the matrix.
    """

    _BLOCK = 1 << 22  # similarity values held at a time
    _DENSE_COLUMNS = 4096  # as in _tfidf_matrix

    def __init__(self, corpus: Corpus, body: pd.DataFrame):
        N, doc, term, w, _norms, df = _tfidf_weights(corpus, unit="sentence")
        art = body["article_id"].to_numpy(dtype=object)
        self.ids = list(corpus.ids)
        self.rows_of = {aid: np.flatnonzero(art == aid) for aid in self.ids}
        # Only terms in two or more sentences add to pairs (as in _tfidf_matrix).
        sel = df[term] >= 2 if len(term) else np.zeros(0, bool)
        doc, term, w = doc[sel], term[sel], w[sel]
        dense_min_df = max(2, int(0.03 * N))
        is_dense = df[term] >= dense_min_df
        dterms, dcol = (np.unique(term[is_dense], return_inverse=True) if is_dense.any()
                        else (np.zeros(0, np.int64), np.zeros(0, np.int64)))
        self.n_dense = len(dterms)
        starts = np.searchsorted(doc, np.arange(N + 1))
        # The frequent terms of every sentence as one dense float32 array (as _tfidf_matrix
        # fills its blocks): at most a few hundred columns, as each is in 3% of sentences.
        self.X = np.zeros((N, self.n_dense), dtype=np.float32)
        self.X[doc[is_dense], dcol] = w[is_dense]
        self.N = N
        rare = ~is_dense
        by_term = np.lexsort((doc[rare], term[rare]))  # by term, then sentence
        self.rare_doc, self.rare_term, self.rare_w = doc[rare][by_term], term[rare][by_term], w[rare][by_term]
        # A sentence's vector (its kept entries) decides its similarities.
        self.key = [(term[starts[i]:starts[i + 1]].tobytes(), w[starts[i]:starts[i + 1]].tobytes()) for i in range(N)]
        self._unique: dict = {}
        self._by_doc = None

    def unique(self, aid: str) -> tuple[np.ndarray, np.ndarray]:
        """An article's distinct sentence vectors, as the sentence (row) showing each first,
        and for each of its sentences, the index of its vector among them."""
        got = self._unique.get(aid)
        if got is None:
            first: dict = {}
            of = [first.setdefault(self.key[i], len(first)) for i in self.rows_of[aid]]
            reps = np.zeros(len(first), dtype=np.int64)
            for k in range(len(of) - 1, -1, -1):
                reps[of[k]] = self.rows_of[aid][k]
            got = self._unique[aid] = (reps, np.asarray(of, dtype=np.int64))
        return got

    def _similarities(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """The similarity matrix's values for ``rows`` x ``cols`` (no sentence in both)."""
        S = np.zeros((len(rows), len(cols)), dtype=np.float32)
        for c0 in range(0, self.n_dense, self._DENSE_COLUMNS):
            c1 = min(c0 + self._DENSE_COLUMNS, self.n_dense)
            S += self.X[rows, c0:c1] @ self.X[cols, c0:c1].T
        if len(self.rare_doc):
            self._add_rare(S, rows, cols)
        np.clip(S, 0.0, 1.0, out=S)
        return S

    def _add_rare(self, S: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> None:
        """Add the rare terms' part: for every (row, column) pair sharing rare terms, the
        sum of their products term by term in order (as _tfidf_matrix sums them), once."""
        row_at = np.full(self.N, -1, dtype=np.int64)
        row_at[rows] = np.arange(len(rows))
        col_at = np.full(self.N, -1, dtype=np.int64)
        col_at[cols] = np.arange(len(cols))
        mine = np.sort(self._entries_of(rows))  # the rows' rare entries, in term order
        if not len(mine):
            return
        rt, rd, rw = self.rare_term[mine], self.rare_doc[mine], self.rare_w[mine]
        # For each of them, every entry of the same term: a range of the sorted entries.
        lo = np.searchsorted(self.rare_term, rt, "left")
        hi = np.searchsorted(self.rare_term, rt, "right")
        n = hi - lo
        if not n.sum():
            return
        left = np.repeat(np.arange(len(rt)), n)
        right = run_positions(lo, n)
        c = col_at[self.rare_doc[right]]
        keep = c >= 0  # a column sentence (not the row's own article, not a repeated vector)
        left, right, c = left[keep], right[keep], c[keep]
        if not len(left):
            return
        keys = row_at[rd[left]] * len(cols) + c
        ukeys, inv = np.unique(keys, return_inverse=True)
        S.reshape(-1)[ukeys] += np.bincount(inv, weights=rw[left] * self.rare_w[right]).astype(np.float32)

    def _entries_of(self, rows: np.ndarray) -> np.ndarray:
        """Indexes of the (term-sorted) rare entries of the sentences ``rows``."""
        if self._by_doc is None:
            order = np.argsort(self.rare_doc, kind="stable")
            docs = self.rare_doc[order]
            self._by_doc = (order, np.searchsorted(docs, np.arange(self.N)), np.searchsorted(docs, np.arange(1, self.N + 1)))
        order, starts, ends = self._by_doc
        rows = np.asarray(rows, dtype=np.int64)
        n = ends[rows] - starts[rows]
        at = run_positions(starts[rows], n)
        return order[at]

    def best_matches(self, a: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """For each other article b with sentences, for each sentence of ``a``: the position
        in b of its most similar sentence (the first, on a tie) and that similarity."""
        reps_a, of_a = self.unique(a)
        others = [b for b in self.ids if b != a and len(self.rows_of[b])]
        if not others or not len(reps_a):
            return {}
        col_reps = [self.unique(b)[0] for b in others]
        cols = np.concatenate(col_reps)
        bounds = np.cumsum([0] + [len(c) for c in col_reps])
        best = {b: np.zeros(len(reps_a), np.int64) for b in others}
        top = {b: np.zeros(len(reps_a), np.float32) for b in others}
        step = max(1, self._BLOCK // max(1, len(cols)))
        for r0 in range(0, len(reps_a), step):
            S = self._similarities(reps_a[r0:r0 + step], cols)
            for k, b in enumerate(others):
                sub = S[:, bounds[k]:bounds[k + 1]]
                best[b][r0:r0 + step] = sub.argmax(axis=1)
                top[b][r0:r0 + step] = sub.max(axis=1)
        out = {}
        for b in others:
            # b's distinct vectors come in the order of their first sentence, so the first of
            # the best vectors is also the first best sentence.
            first_row = self.unique(b)[0]
            position = np.searchsorted(self.rows_of[b], first_row)
            out[b] = (position[best[b]][of_a], top[b][of_a])
        return out


__all__ += ["sentence_similarity"]


def sentence_similarity(corpus: Corpus, article: str, source: str, max_sentences: int = 400) -> pd.DataFrame:
    """How alike each body sentence of ``article`` is to each of ``source`` (TF-IDF cosine).

    The block of the sentence x sentence matrix of :func:`similarity` (``unit="sentence"``)
    for one pair of articles, with the same values, computed without that matrix: rows are
    ``article``'s body sentences (index ``sent_id``), columns ``source``'s (``other_sent_id``).
    The work is linear in the corpus plus the block; the block holds the first
    ``max_sentences`` sentences of each article (a recorded warning says when it is cut), so a
    text of fifty thousand one-word lines gives a bounded table, not a 50,000 x 50,000 one.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Tanks rolled in. Bakers baked bread.", "b": "Bakers baked. Tanks rolled in fast."})
    >>> sentence_similarity(c, "a", "b").astype(float).round(2).values.tolist()
    [[0.0, 0.74], [0.74, 0.0]]
    """
    _check_corpus(corpus)
    for aid in (article, source):
        if aid not in corpus.ids:
            raise KeyError(f"sentence_similarity: no article {aid!r} in the corpus")
    if article == source:
        raise ValueError("sentence_similarity compares two different articles; got the same one twice")
    if not isinstance(max_sentences, (int, np.integer)) or max_sentences < 1:
        raise ValueError(f"max_sentences must be a whole number >= 1; got {max_sentences!r}")
    body = corpus.body_sentences()
    vectors = _SentenceVectors(corpus, body)
    rows, cols = vectors.rows_of[article], vectors.rows_of[source]
    for aid, got in ((article, rows), (source, cols)):
        if len(got) > max_sentences:
            warnings.warn(f"sentence_similarity: {aid} has {len(got):,} body sentences; only the first "
                          f"{max_sentences:,} are compared", WordingWarning, stacklevel=2)
    rows, cols = rows[:max_sentences], cols[:max_sentences]
    values = vectors._similarities(rows, cols) if len(rows) and len(cols) else np.zeros((len(rows), len(cols)), np.float32)
    sent = body["sent_id"].to_numpy(dtype=np.int64)
    return pd.DataFrame(values, index=pd.Index(sent[rows], name="sent_id"),
                        columns=pd.Index(sent[cols], name="other_sent_id"))


def longest_increasing(values) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting).

    >>> longest_increasing([0, 1, 2, 7, 4, 5, 3, 9])
    6
    """
    import bisect
    tails: list[int] = []
    for v in values:
        i = bisect.bisect_left(tails, v)
        tails[i:i + 1] = [v]
    return len(tails)


FOLLOWS_COLUMNS = ["article", "outlet", "source", "source_outlet", "n_sentences", "n_matched",
                   "n_in_order", "share_in_order", "mean_best_similarity", "threshold"]


@memoized
def follows(corpus: Corpus, threshold: float = 0.2, max_sentences: int = 20_000) -> pd.DataFrame:
    """How closely each article follows each other one, sentence by sentence and in order.

    For every ordered pair (``article``, ``source``), each body sentence of ``article`` is
    matched to its most similar sentence of ``source`` (TF-IDF cosine on content words,
    as :func:`similarity` with ``unit="sentence"``).  ``n_matched`` counts sentences whose
    best match reaches ``threshold``; ``n_in_order`` is the longest run of those matches
    that also keeps ``source``'s order (longest increasing subsequence), and
    ``share_in_order`` divides it by the article's sentences.  A rewrite of a story scores
    high; two independent reports of one event share facts but not their order.  Meant
    for an event's articles: every distinct sentence is compared with every distinct
    sentence of every other article, and ``max_sentences`` caps that work at
    ``max_sentences ** 2`` comparisons (a ValueError beyond it: a corpus too large to
    compare this way; a sentence repeated in an article counts once).

    Columns: article, outlet, source, source_outlet, n_sentences, n_matched, n_in_order,
    share_in_order, mean_best_similarity, threshold (the one used); sorted by
    share_in_order, highest first.

    >>> import analysis as an
    >>> c = an.from_texts({"wire": "Tanks rolled in. Bakers baked bread. Rain fell hard.",
    ...                    "copy": "Tanks rolled in today. Bakers baked. Rain fell."})
    >>> follows(c)[["article", "source", "n_in_order", "share_in_order"]].values.tolist()[0]
    ['wire', 'copy', 3, 1.0]
    """
    _check_corpus(corpus)
    body = corpus.body_sentences()
    if len(corpus) < 2:
        warnings.warn(f"follows: the corpus has {len(corpus)} article(s); it takes two to compare",
                      WordingWarning, stacklevel=2)
        return pd.DataFrame(columns=FOLLOWS_COLUMNS)
    vectors = _SentenceVectors(corpus, body)
    if len(body) > max_sentences:  # (the comparisons never exceed the square of the sentences)
        distinct = [len(vectors.unique(a)[0]) for a in corpus.ids]
        work = sum(distinct) ** 2 - sum(n * n for n in distinct)
        if work > max_sentences ** 2:
            raise ValueError(f"follows: {work:,} comparisons of sentences ({len(body):,} sentences) is more "
                             f"than max_sentences={max_sentences:,} squared; it compares every sentence "
                             "with those of every other article, so run it on one event at a time")
    outlets = corpus.outlet_of().to_dict()
    rows = []
    for a in corpus.ids:
        matches = vectors.best_matches(a)
        for b in corpus.ids:
            if a == b:
                continue
            ra, rb = vectors.rows_of[a], vectors.rows_of[b]
            if len(ra) == 0 or len(rb) == 0:
                best_sim, matched, in_order = np.zeros(len(ra)), 0, 0
            else:
                best, best_sim = matches[b]
                strong = best_sim >= threshold
                matched, in_order = int(strong.sum()), longest_increasing(best[strong].tolist())
            rows.append({"article": a, "outlet": outlets[a], "source": b, "source_outlet": outlets[b],
                         "n_sentences": len(ra), "n_matched": matched, "n_in_order": in_order,
                         "share_in_order": in_order / len(ra) if len(ra) else 0.0,
                         "mean_best_similarity": float(best_sim.mean()) if len(ra) and len(rb) else 0.0,
                         "threshold": threshold})
    out = pd.DataFrame(rows, columns=FOLLOWS_COLUMNS)
    return out.sort_values(["share_in_order", "mean_best_similarity"], ascending=False,
                           kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- keyword in context

def _term_pattern(term: str, regex: bool, case: bool) -> re.Pattern:
    if not isinstance(term, str) or not term.strip():
        raise ValueError(f"term must be a non-empty string; got {term!r}")
    flags = 0 if case else re.IGNORECASE
    if regex:
        try:
            return re.compile(term, flags)
        except re.error as exc:
            raise ValueError(f"term {term!r} is not a valid regular expression: {exc}") from None
    # A word or phrase: whole words only; any run of spaces matches any whitespace, and
    # straight and curly apostrophes match each other.
    parts = ["".join("['’]" if ch in "'’" else re.escape(ch) for ch in p) for p in term.split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])", flags)


def keyword_in_context(corpus: Corpus, term: str, width: int = 40, regex: bool = False,
                       case: bool = False) -> pd.DataFrame:
    """Every occurrence of a word, phrase or regular expression, with the text around it.

    ``term`` is matched as whole words, case-insensitively (``case=True`` to respect
    case), with curly and straight apostrophes alike; ``regex=True`` takes it as a Python
    regular expression.  ``left``/``right`` hold up to ``width`` characters either side
    (newlines shown as spaces).  Columns: article_id, outlet, start, end, left, match,
    right, sent_id (offsets into the clean text).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Biden let Ukraine hit back. Kyiv welcomed it."})
    >>> keyword_in_context(c, "hit back", width=12)[["left", "match", "right"]].values.tolist()
    [['let Ukraine ', 'hit back', '. Kyiv welco']]
    """
    _check_corpus(corpus)
    if not isinstance(width, (int, np.integer)) or width < 0:
        raise ValueError(f"width must be a whole number >= 0; got {width!r}")
    pat = _term_pattern(term, regex, case)
    outlets = corpus.outlet_of().to_dict()
    rows = []
    sents = corpus.sentences
    # Each article's sentences, split off once (a filter of the whole table per article
    # took time in the square of the number of articles).
    by_article = {str(k): g for k, g in sents.groupby("article_id", sort=False)}
    for aid in corpus.ids:
        text = corpus.text(aid)
        s = by_article.get(aid, sents.iloc[:0])
        starts, sids = s["start"].to_numpy(), s["sent_id"].to_numpy()
        for m in pat.finditer(text):
            if m.end() == m.start():
                continue
            i = np.searchsorted(starts, m.start(), side="right") - 1
            rows.append({
                "article_id": aid, "outlet": outlets[aid], "start": m.start(), "end": m.end(),
                "left": text[max(0, m.start() - width):m.start()].replace("\n", " "),
                "match": m.group(),
                "right": text[m.end():m.end() + width].replace("\n", " "),
                "sent_id": int(sids[i]) if i >= 0 and len(sids) else -1,
            })
    cols = ["article_id", "outlet", "start", "end", "left", "match", "right", "sent_id"]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- ledes

_AUX = {
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may",
    "might", "should", "must", "shall", "did", "does", "do", "be", "been", "being", "'s",
}
# Common irregular verb forms that do not end in -ed (past tense or participle).
_IRREGULAR = {
    "gave", "given", "made", "took", "taken", "said", "told", "let", "sent", "won", "lost", "began",
    "begun", "brought", "bought", "put", "set", "kept", "held", "left", "met", "paid", "ran", "saw",
    "seen", "struck", "stood", "spoke", "spoken", "wrote", "written", "chose", "chosen", "drew",
    "drawn", "broke", "broken", "came", "went", "gone", "got", "gotten", "found", "felt", "thought",
    "sought", "led", "fought", "hit", "cut", "shut", "quit", "rose", "fell", "fallen", "grew",
    "grown", "knew", "known", "shook", "shaken", "forbade", "forbidden", "overturned", "undid",
    "withdrew", "withdrawn", "upheld", "greenlit", "okayed", "OK'd",
}
# Present-tense reporting and decision verbs a lede may use instead of a past form.
_PRESENT = {
    "allows", "approves", "authorizes", "authorises", "permits", "lets", "gives", "grants",
    "says", "announces", "clears", "lifts", "eases", "backs", "rejects", "bans", "blocks",
    "signs", "orders", "shifts", "changes", "agrees", "decides", "plans", "moves", "opens",
}
_BOUNDARY = {
    "to", "in", "on", "for", "of", "with", "from", "inside", "into", "at", "by", "against",
    "across", "near", "under", "over", "after", "before", "amid", "amidst", "despite", "because",
    "as", "about", "that", "which", "who", "whom", "whose", "but", "and", "or", "while", "when",
    "where", "if", "so", "than", "within", "without", "toward", "towards", "through", "following",
    "according", "via", "per",
}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"}


def _is_verb(tok: str) -> bool:
    low = tok.lower().translate(_APOSTROPHES)
    if tok[:1].isupper():
        return False
    return (low in _AUX or low in _IRREGULAR or low in _PRESENT
            or (len(low) > 4 and low.endswith("ed")))


def lede_subject(text: str) -> str:
    """The subject of a sentence, as :func:`ledes` reads it (the words before the main verb,
    without a comma-delimited aside).

    >>> lede_subject("The Supreme Court on Monday struck down key parts of the law.")
    'The Supreme Court on Monday'
    """
    return _lede_parse(text)["subject"]


# Words that open an adverbial clause or phrase before the main clause ("Ever since rumors
# began swirling ..., it was only a matter of time"; "After weeks of talks, Biden approved"):
# English's closed class of subordinators and prepositions, so the verb of the opener is
# never taken for the lede's main verb.
_OPENERS = frozenset("""after although as because before despite during even ever following for
from if in once since though throughout unless until when whenever where whereas while with
without amid amidst under over""".split())
# ... of which these open a clause with a verb of its own ("When Joshua Bass, an engineer,
# sent his son ..., he"): the opener ends at the first comma after that verb.
_SUBORDINATORS = frozenset("""although as because before ever if once since though unless until when
whenever where whereas while""".split())


def _opener_end(text: str) -> int:
    """Where the main clause starts after a leading adverbial clause or phrase ending in a
    comma (0 when the sentence does not open with one).

    >>> t = "Ever since rumors began swirling, it was only a matter of time."
    >>> t[_opener_end(t):]
    'it was only a matter of time.'
    >>> _opener_end("President Biden, under pressure, allowed it.")
    0
    """
    first = re.match(r"\s*([A-Za-z]+)", text)
    if not first or first.group(1).lower() not in _OPENERS:
        return 0
    clause = first.group(1).lower() in _SUBORDINATORS
    comma = text.find(",")
    while clause and comma != -1 and not any(_is_verb(t) for t in re.findall(r"[\w’']+", text[first.end():comma])):
        comma = text.find(",", comma + 1)
    if comma == -1 or len(text[comma + 1:].split()) < 3:
        return 0
    return comma + 1 + (len(text[comma + 1:]) - len(text[comma + 1:].lstrip()))


def _lede_parse(text: str) -> dict:
    """Subject, verb phrase and the decision wording of one sentence (see :func:`ledes`)."""
    k = _opener_end(text)
    if k:
        inner = _lede_parse(text[k:])
        if inner["vp_start"] >= 0:
            return {**inner, "vp_start": inner["vp_start"] + k, "vp_end": inner["vp_end"] + k}
    spans = word_spans(text)
    toks = [text[a:b] for a, b in spans]
    out = {"subject": "", "verb_phrase": "", "decision": "", "verb": "", "vp_start": -1, "vp_end": -1}
    if not toks:
        return out
    i, aside = _main_verb(text, spans, toks)
    if i >= len(toks):
        return out
    subj_end = spans[i - 1][1] if i > 0 else 0
    if aside and aside[1] <= spans[i][0]:
        subj_end = aside[0]
    out["subject"] = text[:subj_end].strip(" ,")
    # Verb group: auxiliaries (and adverbs between them) up to the main verb.
    # Adverbs inside the group ("has not yet given", "was only") are passed over and are not its verb.
    j = last_verb = i
    while j + 1 < len(toks) and toks[last_verb].lower() in _AUX and not toks[j + 1][:1].isupper():
        nxt = toks[j + 1].lower()
        if _is_verb(toks[j + 1]):
            j = last_verb = j + 1
        elif nxt.endswith("ly") or nxt in {"not", "also", "now", "already", "finally", "yet", "still", "never"}:
            j += 1
        else:
            break
    verb_end = j
    out["verb"] = toks[last_verb].lower()
    obj = _object_words(text, spans, toks, verb_end)
    last = obj[-1] if obj else verb_end
    out["vp_start"], out["vp_end"] = spans[i][0], spans[last][1]
    out["verb_phrase"] = text[spans[i][0]:spans[last][1]]
    # The decision wording: elide a recipient named right after the verb ("has given
    # Ukraine the go-ahead" -> "has given … the go-ahead").
    head = text[spans[i][0]:spans[verb_end][1]]
    if obj and toks[obj[0]][:1].isupper() and toks[obj[0]].lower() not in _DETERMINERS:
        n_name = 1
        while n_name < len(obj) and toks[obj[n_name]][:1].isupper():
            n_name += 1
        rest = obj[n_name:]
        tail = text[spans[rest[0]][0]:spans[rest[-1]][1]] if rest else ""
        out["decision"] = f"{head} … {tail}".strip()
    else:
        out["decision"] = out["verb_phrase"]
    return out


def _main_verb(text: str, spans: list[tuple[int, int]], toks: list[str]) -> tuple[int, tuple[int, int] | None]:
    """The index of the first verb after the first word (``len(toks)``: none), and the
    comma-delimited aside after the subject that was skipped on the way, if any."""
    # Skip a comma-delimited aside after the subject ("President Biden, under pressure
    # from ..., allowed"): a verb inside it is not the main verb.
    first_comma = text.find(",")
    i = 0
    aside = None
    while i < len(toks):
        a, b = spans[i]
        if aside is None and first_comma != -1 and a > first_comma and i > 0 and not any(
                _is_verb(t) for t in toks[:i]):
            close = text.find(",", first_comma + 1)
            if close != -1:
                aside = (first_comma, close)
        if aside and aside[0] < a < aside[1]:
            i += 1
            continue
        if i > 0 and _is_verb(toks[i]):
            break
        i += 1
    return i, aside


def _object_words(text: str, spans: list[tuple[int, int]], toks: list[str], verb_end: int) -> list[int]:
    """The word indices of the object after the verb group: up to a boundary word, a comma,
    an -ing word after the first object word unless it follows a determiner (then it
    describes the noun: "gave permission, allowing" stops, "brushed aside the glowing report"
    goes on), or six words."""
    k = verb_end + 1
    obj: list[int] = []
    while k < len(toks) and len(obj) < 6:
        low = toks[k].lower()
        between = text[spans[k - 1][1]:spans[k][0]]
        if "," in between or ";" in between or low in _BOUNDARY:
            break
        if obj and low.endswith("ing") and len(low) > 5 and toks[obj[-1]].lower() not in _DETERMINERS:
            break
        obj.append(k)
        k += 1
    return obj


@memoized
def ledes(corpus: Corpus) -> pd.DataFrame:
    """Each article's first body sentence, how it names what happened, and whom it names first.

    The method, with no part-of-speech model (so it runs offline and is easy to check):
    the main verb is the first word after the sentence's first word that is an auxiliary
    (has, was, will...), a known irregular past form (gave, given, made...), a present-tense
    decision or reporting verb (allows, approves, says...), or a lower-case word of five or
    more letters ending in -ed, skipping a comma-delimited aside after the subject and an
    opening adverbial clause or phrase ("Ever since rumors began swirling ..., it was").  The
    verb phrase runs from the auxiliaries through the main verb and its object: up to six
    words, stopping at a preposition or ``to``, a comma, ``that``/``which``, or an -ing
    word.  ``decision`` elides a capitalized recipient right after the verb ("has given
    Ukraine the go-ahead" -> "has given … the go-ahead").  ``first_named`` is the first
    person named in the lede (:func:`analysis.naming.person_mentions`), else the first
    run of capitalized words that does not open the sentence.

    Columns: article_id, outlet, sent_id, start, end, lede, subject, verb_phrase, verb,
    decision, vp_start, vp_end (offsets into the clean text), first_named,
    first_named_title.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "President Joe Biden has given Ukraine the go-ahead to strike Russia."})
    >>> ledes(c)[["verb_phrase", "decision", "first_named"]].values.tolist()
    [['has given Ukraine the go-ahead', 'has given … the go-ahead', 'Joe Biden']]
    """
    _check_corpus(corpus)
    outlets = corpus.outlet_of().to_dict()
    body = corpus.body_sentences()
    first = body.sort_values(["article_id", "sent_id"]).groupby("article_id", sort=False).head(1)
    first = first.set_index("article_id")
    persons = person_mentions(corpus)
    persons_of = {str(k): g for k, g in persons.groupby("article_id", sort=False)}
    rows = []
    for aid in corpus.ids:
        row = {"article_id": aid, "outlet": outlets[aid]}
        if aid not in first.index:
            rows.append(row)
            continue
        s = first.loc[aid]
        start, end, text = int(s["start"]), int(s["end"]), s["text"]
        parsed = _lede_parse(text)
        row.update(sent_id=int(s["sent_id"]), start=start, end=end, lede=text,
                   subject=parsed["subject"], verb_phrase=parsed["verb_phrase"], verb=parsed["verb"],
                   decision=parsed["decision"],
                   vp_start=start + parsed["vp_start"] if parsed["vp_start"] >= 0 else -1,
                   vp_end=start + parsed["vp_end"] if parsed["vp_end"] >= 0 else -1)
        mine = persons_of.get(aid, persons.iloc[:0])
        p = mine[(mine.start >= start) & (mine.end <= end)]
        caps = _first_capitalized_run(text)
        if len(p) and (caps is None or p.iloc[0]["start"] - start <= caps[0] + 40):
            row["first_named"] = p.iloc[0]["name"]
            row["first_named_title"] = p.iloc[0]["title"]
        elif caps is not None:
            row["first_named"] = text[caps[0]:caps[1]]
            row["first_named_title"] = ""
        rows.append(row)
    cols = ["article_id", "outlet", "sent_id", "start", "end", "lede", "subject", "verb_phrase", "verb",
            "decision", "vp_start", "vp_end", "first_named", "first_named_title"]
    out = pd.DataFrame(rows, columns=cols)
    if len(out) and out["lede"].isna().any():
        missing = out.loc[out["lede"].isna(), "article_id"].tolist()
        warnings.warn(f"ledes: no body sentence in article(s) {missing}", WordingWarning, stacklevel=2)
    return out


def _first_capitalized_run(text: str) -> tuple[int, int] | None:
    """Span of the first run of capitalized words, skipping a sentence-opening function word."""
    spans = word_spans(text)
    stop = stopwords()
    i = 0
    while i < len(spans):
        tok = text[spans[i][0]:spans[i][1]]
        if tok[:1].isupper() and not (i == 0 and tok.lower() in stop):
            j = i
            while j + 1 < len(spans) and text[spans[j + 1][0]:spans[j + 1][1]][:1].isupper() and \
                    text[spans[j][1]:spans[j + 1][0]].strip() == "":
                j += 1
            return spans[i][0], spans[j][1]
        i += 1
    return None


# ---------------------------------------------------------------------------------------------
# Summaries for notebook 02: each article's nearest neighbour, and the article that follows
# another closely enough to call it a retelling.

__all__ += ["nearest_neighbours", "closest_follower", "FOLLOWS_CLOSELY"]

#: A share of sentences in the other article's order from which notebooks say an article
#: "follows" another: two independent reports of one event rarely keep a fifth of each other's
#: order, a retelling keeps most of it.
FOLLOWS_CLOSELY = 0.3
NEAREST_COLUMNS = ["article_id", "outlet", "nearest", "nearest_outlet", "tfidf", "nearest_by_shingles",
                   "shingles", "same"]


def nearest_neighbours(corpus: Corpus) -> pd.DataFrame:
    """Each article's most similar other article, by TF-IDF and by three-word shingles.

    ``same`` is True where both measures pick the same neighbour.  Empty with one article.
    A measure names no neighbour (``nearest``/``nearest_by_shingles`` and the outlet are
    missing, ``same`` is False) where the article has nothing in common with any other
    (every similarity 0) or where two others tie for most alike: calling one of them its
    nearest would be an arbitrary pick presented as a finding.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Tanks rolled into the town today.", "b": "Tanks rolled into the town.",
    ...                    "c": "Bakers sold bread at the market."})
    >>> nearest_neighbours(c)[["article_id", "nearest", "same"]].values.tolist()[:2]
    [['a', 'b', True], ['b', 'a', True]]
    """
    if len(corpus) < 2:
        return pd.DataFrame(columns=NEAREST_COLUMNS)
    tfidf = similarity(corpus)
    shingles = similarity(corpus, method="shingles")
    outlets = corpus.outlet_of()
    rows = []
    for aid in tfidf.index:
        t = tfidf.loc[aid].drop(aid)
        s = shingles.loc[aid].drop(aid)
        near, near_s = _unique_best(t), _unique_best(s)
        rows.append({"article_id": aid, "outlet": outlets[aid], "nearest": near,
                     "nearest_outlet": outlets[near] if near is not None else None, "tfidf": float(t.max()),
                     "nearest_by_shingles": near_s, "shingles": float(s.max()),
                     "same": near is not None and near == near_s})
    return pd.DataFrame(rows, columns=NEAREST_COLUMNS)


def _unique_best(values: pd.Series) -> str | None:
    """The label of the largest value, or None when it is 0 or shared by two labels."""
    best = values.max()
    if not best > 0 or int((values >= best - 1e-12).sum()) > 1:
        return None
    return values.idxmax()


def closest_follower(corpus: Corpus, min_share: float = FOLLOWS_CLOSELY) -> pd.DataFrame:
    """The pairs of :func:`follows` in which an article keeps at least ``min_share`` of its
    sentences in the other's order, closest first: empty when no article follows another.

    >>> import analysis as an
    >>> c = an.from_texts({"wire": "Tanks rolled in. Bakers baked bread. Rain fell hard.",
    ...                    "copy": "Tanks rolled in today. Bakers baked. Rain fell."})
    >>> closest_follower(c)[["article", "source"]].values.tolist()[0]
    ['wire', 'copy']
    """
    order = follows(corpus)
    return order[order["share_in_order"] >= min_share].reset_index(drop=True)


__all__ += ["term_in_context"]


def term_in_context(corpus: Corpus, term: str, width: int = 40) -> pd.DataFrame:
    """Every use of a term as :func:`distinctive_terms` counts it, with the text around it.

    Terms there are lower-cased words with punctuation removed ("mr biden"), so the words
    are matched case-insensitively with any punctuation and spacing between them ("Mr.
    Biden", "mr biden").  Columns as :func:`keyword_in_context`.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Mr. Biden spoke. Later mr biden left."})
    >>> term_in_context(c, "mr biden", width=5)["match"].tolist()
    ['Mr. Biden', 'mr biden']
    """
    parts = [re.escape(w) for w in str(term).split()]
    if not parts:
        raise ValueError("term_in_context needs a term of at least one word")
    return keyword_in_context(corpus, r"(?<!\w)" + _TERM_GAP.join(parts) + r"(?!\w)", width=width, regex=True)


# What may stand between two words of a term: non-word characters with some white space, a
# line break only within the white space ("Mr. Biden", "Mr.\nBiden", not "Mr.\n.\nBiden").
# As ``[^\w\n]*\s+[^\w\n]*`` it tried every three-way split of a run of white space after a
# word (cubic: 2,000 spaces after "mr" took 30 s); here the first white-space character, or
# the first line break, splits the run, so a run is read a bounded number of times.
_TERM_GAP = r"(?:[^\w\s]*[^\S\n][^\w\n]*|[^\w\n]*\n\s*(?:[^\w\s][^\w\n]*)?)"
