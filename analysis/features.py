"""One table of per-article measures for a corpus of any size: the feature table.

:func:`feature_row` measures one :class:`analysis.corpus.Article` with the per-article
functions the corpus analyses map over their articles (:func:`analysis.readability.readability_of`,
:func:`analysis.quotes.sources_of`, :func:`analysis.framing.frames_of`), so each column equals
what the public function gives (:func:`analysis.readability`, :func:`analysis.quotes`,
:func:`analysis.attributions`, :func:`analysis.frame_scores`).  An article's quotes are found
once and reused by its attributions and frames; readability's word lookups are remembered from
one article to the next.

:func:`features` maps it over a Corpus; :func:`features_from_records` reads records one at a
time and splits (:func:`analysis.corpus.split_article`) and measures them chunk by chunk, in
``workers`` processes, without building a corpus, so memory stays flat; :mod:`analysis.scale`
runs the same chunk function on Dask.  All three give the same table.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Iterator

import pandas as pd

from .corpus import (
    Article,
    Corpus,
    DuplicateFinder,
    _digest,
    _split_record,
    _warn_rows,
    article_warning_rows,
    capped_workers,
    records_with_ids,
    with_outlet_spellings,
)
from .framing import VOICES, _compile, frames_of, load_lexicon, quote_spans_of
from .quotes import sources_of
from .readability import _INT_COLUMNS as _RD_INT_COLUMNS
from .readability import MEASURE_COLUMNS, _Lexicon, readability_of
from .sources import iter_records

__all__ = ["features", "features_from_records", "feature_columns", "feature_row", "FeatureError"]

#: Columns that do not depend on the lexicon, in table order (frame columns follow).
BASE_COLUMNS = [
    "article_id", "outlet", "n_words", "n_sentences", "n_paragraphs",
    # readability's own word and sentence counts differ from the corpus's (textstat's word
    # rules; sentences with at least one word), so they keep a name of their own.
    "n_words_textstat", "n_sentences_with_words",
    *[c for c in MEASURE_COLUMNS if c not in ("n_words", "n_sentences")],
    "n_quotes", "quoted_words", "share_quoted", "n_attributions", "n_named", "n_anonymous",
]
_RENAMED = {"n_words": "n_words_textstat", "n_sentences": "n_sentences_with_words"}
_INT_COLUMNS = ["n_words", "n_sentences", "n_paragraphs", "n_words_textstat", "n_sentences_with_words",
                *[c for c in _RD_INT_COLUMNS if c not in ("n_words", "n_sentences")],
                "n_quotes", "quoted_words", "n_attributions", "n_named", "n_anonymous"]
_STR_COLUMNS = ["article_id", "outlet", "unreliable", "caveats"]


class FeatureError(RuntimeError):
    """An analysis failed on one article; the message names the article and the error."""


# --------------------------------------------------------------------------- columns

def feature_columns(lexicon=None) -> list[str]:
    """The columns of :func:`features`, in order, for a lexicon (None: the shipped one).

    >>> cols = feature_columns()
    >>> cols[:5], "frame_escalation_risk_quoted_per_1000" in cols
    (['article_id', 'outlet', 'n_words', 'n_sentences', 'n_paragraphs'], True)
    """
    return BASE_COLUMNS + [f"frame_{f}_{v}_per_1000" for f in _compile(lexicon).frames for v in VOICES]


def _typed(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    floats = [c for c in columns if c not in _INT_COLUMNS and c not in _STR_COLUMNS]
    return frame.astype({**{c: "int64" for c in _INT_COLUMNS}, **{c: "float64" for c in floats},
                         **{c: "str" for c in _STR_COLUMNS}})


# --------------------------------------------------------------------------- one article

class FeatureTools:
    """What the articles measured in one process share: readability's word memo and the
    compiled lexicon.  The memo only remembers textstat's answers for words, which never
    change, so a row never depends on which articles came before it."""

    def __init__(self, lexicon=None) -> None:
        self.words = _Lexicon()
        self.lexicon = _compile(lexicon)
        self.keys = {(f, v): f"frame_{f}_{v}_per_1000" for f in self.lexicon.frames for v in VOICES}


def feature_row(article: Article, tools: FeatureTools | None = None) -> dict:
    """The feature-table row of one article (see :func:`features` for the columns).

    >>> from analysis.corpus import split_article
    >>> row = feature_row(split_article("Officials said it is limited.", "a", {"outlet": "AP"}))
    >>> row["outlet"], row["n_words"], row["n_anonymous"], row["frame_magnitude_smaller_outlet_per_1000"]
    ('AP', 5, 1, 200.0)
    """
    tools = tools or FeatureTools()
    n_words = article.n_words
    row = {"article_id": article.article_id, "outlet": article.outlet, "n_words": n_words,
           "n_sentences": article.n_sentences, "n_paragraphs": article.n_paragraphs}
    for key, value in readability_of(article, tools.words).items():
        row[_RENAMED.get(key, key)] = value
    quotes, attributions = sources_of(article)
    quoted = sum(q["n_words"] for q in quotes)
    row.update(n_quotes=len(quotes), quoted_words=quoted, share_quoted=quoted / n_words if n_words else math.nan,
               n_attributions=len(attributions),
               # As in analysis.quote_summary: named = not anonymous and of a known type.
               n_named=sum(1 for a in attributions if not a["anonymous"] and a["source_type"] != "unknown"),
               n_anonymous=sum(1 for a in attributions if a["anonymous"]))
    hits = dict.fromkeys(tools.keys.values(), 0)
    for h in frames_of(article, quote_spans_of(quotes), tools.lexicon):
        hits[tools.keys[h[1], h[9]]] += 1
    for key, n in hits.items():
        # frame_scores: hits per 1,000 body words, rounded to 2 decimals; NaN without words
        row[key] = round(1000 * n / n_words, 2) if n_words > 0 else math.nan
    return row


# Per process, the tools of the last lexicon used, so readability's word memo keeps paying
# off from one chunk (or Dask partition, or call) to the next.
_TOOLS: dict = {}
_MAX_MEMO_WORDS = 2_000_000  # a bound on the memo for endless streams (about 200 MB)


def _tools(lexicon=None) -> FeatureTools:
    key = None if lexicon is None else tuple(zip(lexicon["frame"], lexicon["pattern"], lexicon["kind"]))
    tools = _TOOLS.get(key)
    if tools is None or len(tools.words) > _MAX_MEMO_WORDS:
        _TOOLS.clear()
        tools = _TOOLS[key] = FeatureTools(lexicon)
    return tools


def _add_row(art: Article, tools: FeatureTools, errors: str, rows: list[dict], notes: list[dict]) -> None:
    """Append the feature row of ``art`` to ``rows``, or (``errors="warn"``) a warning row
    to ``notes`` if an analysis fails on it."""
    try:
        rows.append(feature_row(art, tools))
    except Exception as exc:  # noqa: BLE001 - any failure of an analysis on one article
        what = f"article {art.article_id}: features failed ({type(exc).__name__}: {exc})"
        if errors == "raise":
            raise FeatureError(f"{what}; pass errors='warn' to skip such articles with a "
                               f"recorded warning") from exc
        notes.append({"article_id": art.article_id, "file": None, "code": "feature_error",
                      "message": f"{what}; skipped"})


def _rows(articles: Iterable[Article], lexicon=None, errors: str = "raise") -> tuple[list[dict], list[dict]]:
    """Feature rows of some articles, and warning rows for those skipped (``errors="warn"``)."""
    tools = _tools(lexicon)
    rows: list[dict] = []
    notes: list[dict] = []
    for art in articles:
        _add_row(art, tools, errors, rows, notes)
    return rows, notes


def _check_errors(errors) -> str:
    if errors not in ("raise", "warn"):
        raise ValueError(f"errors must be 'raise' or 'warn', not {errors!r}")
    return errors


def _chunks(seq: list, n: int) -> list[list]:
    """``seq`` cut into about ``n`` contiguous pieces of equal size, in order."""
    size = max(1, math.ceil(len(seq) / max(1, n)))
    return [seq[i:i + size] for i in range(0, len(seq), size)]


def _lexicon_arg(lexicon):
    """A lexicon ready to send to other processes: checked here, once, as a DataFrame."""
    return None if lexicon is None else load_lexicon(lexicon)


def _warn_summary(rows: list[dict]) -> None:
    if rows:
        _warn_rows(rows, where="")


# --------------------------------------------------------------------------- public: corpus

def features(corpus: Corpus, workers: int = 1, lexicon=None, *, errors: str = "raise") -> pd.DataFrame:
    """One row per article with its per-article measures, in corpus order.

    Columns
    -------
    article_id, outlet
    n_words, n_sentences, n_paragraphs : body counts of ``corpus.articles``.
    n_words_textstat, n_sentences_with_words : :func:`analysis.readability`'s ``n_words``
        (textstat's word rules) and ``n_sentences`` (body sentences with a word).
    n_syllables ... text_standard, unreliable, caveats : the other columns of
        :func:`analysis.readability`, same values.
    n_quotes, quoted_words : direct quotes (rows of :func:`analysis.quotes`) and their words.
    share_quoted : quoted_words / n_words (NaN without body words).
    n_attributions, n_named, n_anonymous : rows of :func:`analysis.attributions`; named ones
        are not anonymous and of a known source type (as in :func:`analysis.quote_summary`).
    frame_<frame>_<voice>_per_1000 : :func:`analysis.frame_scores`'s ``rate_per_1000`` for
        each frame of the lexicon and each voice (``outlet``, ``quoted``).

    Each article goes through :func:`feature_row` once.  ``workers=N`` splits the articles
    into runs measured in N processes (at most the cores available); the table is identical
    to ``workers=1``.  ``lexicon``: the frame lexicon (see :func:`analysis.load_lexicon`;
    None: the shipped one).  ``errors``: if an analysis fails on an article, ``"raise"`` (the
    default) stops with a :class:`FeatureError` naming the article; ``"warn"`` leaves the
    article out of the table and reports it as a :class:`analysis.CorpusWarning` (code
    ``feature_error``), so a long run over a large corpus is not lost to one odd text.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "“It could escalate,” Blinken said. Two officials told CNN the step is limited."})
    >>> f = an.features(c)
    >>> f[["n_words", "n_quotes", "quoted_words", "n_named", "n_anonymous"]].values.tolist()
    [[13, 1, 3, 1, 1]]
    >>> f[["frame_escalation_risk_quoted_per_1000", "frame_escalation_risk_outlet_per_1000"]].values.tolist()
    [[76.92, 0.0]]
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected an analysis.Corpus (from load_event, from_texts, from_records or "
                        f"from_jsonl), got {type(corpus).__name__}")
    workers = capped_workers(workers)
    _check_errors(errors)
    lexicon = _lexicon_arg(lexicon)
    articles = list(corpus)
    if workers == 1 or len(articles) < 2 * workers:
        rows, notes = _rows(articles, lexicon, errors)
    else:
        rows, notes = [], []
        chunks = _chunks(articles, workers * 4)
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            # A few chunks per worker even out uneven article lengths; map keeps the order.
            for part, part_notes in pool.map(_rows, chunks, [lexicon] * len(chunks), [errors] * len(chunks)):
                rows.extend(part)
                notes.extend(part_notes)
    _warn_summary(notes)
    return _typed(rows, feature_columns(lexicon))


# --------------------------------------------------------------------------- public: records

def chunk_rows(records: list[dict], lexicon=None, errors: str = "raise") -> tuple[list[dict], list[dict], list[tuple]]:
    """Split and measure one chunk of records (from :func:`analysis.corpus.records_with_ids`).

    Returns the rows, the warnings found (metadata mismatches, skipped articles: with
    ``errors="warn"`` also a record that cannot be cleaned or split) and per
    article ``(article_id, file, digest of the clean text)`` for the caller to find
    duplicates over the whole input.  This is what worker processes and Dask partitions run.
    """
    tools = _tools(lexicon)
    rows: list[dict] = []
    skipped: list[dict] = []
    found: list[dict] = []
    notes: list[dict] = []
    digests: list[tuple] = []
    for rec in records:
        try:
            art = _split_record(rec)
        except Exception as exc:  # noqa: BLE001 - any failure on one record, as in _add_row
            what = f"article {rec['article_id']}: loading failed ({type(exc).__name__}: {exc})"
            if errors == "raise":
                raise FeatureError(f"{what}; pass errors='warn' to skip such articles with a "
                                   "recorded warning") from exc
            # errors="warn": one odd record never ends a long run
            skipped.append({"article_id": rec["article_id"], "file": rec.get("file"), "code": "feature_error",
                            "message": f"{what}; skipped"})
            continue
        # Each article is measured as soon as it is split and then let go: the chunk's
        # articles are never all alive at once, so their sentence and paragraph records die
        # young instead of filling the collector's oldest generation (which made it walk
        # every object of the process, the CMU dictionary's included, twice as often).
        _add_row(art, tools, errors, rows, notes)
        found.extend(article_warning_rows(art))
        digests.append((art.article_id, art.meta.get("file"), _digest(art.text)))
    return rows, skipped + found + notes, digests


def _note_duplicates(digests: list[tuple], finder: DuplicateFinder, found: list[dict]) -> None:
    """Duplicate-text warnings over the whole input, chunk after chunk, as the loader gives them."""
    for aid, file, digest in digests:
        msg = finder.note(aid, "", file, digest=digest)
        if msg:
            found.append({"article_id": aid, "file": file, "code": "duplicate_text", "message": msg})


def default_chunk_size(workers: int) -> int:
    """Articles per chunk of :func:`features_from_records` when none is given.

    One worker: 200 (few hand-overs).  Several: 50, because the last chunks decide when a
    parallel run ends; with 200, 1,000 articles made five chunks, three for one of two
    workers, while the other one waited.  The rows are the same whatever the chunk size.

    >>> default_chunk_size(1), default_chunk_size(2)
    (200, 50)
    """
    return 200 if workers == 1 else 50


def _batches(records: Iterator[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def record_stream(records, text_field: str = "text", limit: int | None = None,
                  warnings: list[dict] | None = None) -> Iterator[dict]:
    """Records ready for :func:`chunk_rows`, read one at a time from a path, a DataFrame or dicts,
    with the ids, checks and warnings of :func:`analysis.from_records`."""
    found = warnings if warnings is not None else []
    return with_outlet_spellings(records_with_ids(iter_records(records, text_field, limit, found), found), found)


def features_from_records(records, workers: int = 1, *, text_field: str = "text",
                          limit: int | None = None, chunk_size: int | None = None, lexicon=None,
                          errors: str = "raise", warnings: list[dict] | None = None) -> pd.DataFrame:
    """Load, clean and measure articles chunk by chunk: the table of :func:`features`.

    ``records`` is a path to a ``.jsonl``/``.jsonl.gz`` (or ``.csv``/``.parquet``) file, a
    DataFrame or an iterable of dicts with a ``text`` field, read as :func:`analysis.from_jsonl`
    and :func:`analysis.from_records` read them (same ids, outlets and cleaning).  Records are
    read one at a time and go in chunks of ``chunk_size`` (by default 200 on one worker, 50 on
    several, see :func:`default_chunk_size`) to ``workers`` processes, which clean
    them and compute their features, so loading runs in parallel too and memory holds only
    the chunks in flight and the table: no corpus of every article is built.  The result is
    identical to ``features(from_jsonl(path))`` (or ``features(from_records(records))``)
    whatever ``workers`` and ``chunk_size``.

    Bad lines and records without text are skipped; pass a list as ``warnings`` to receive
    them (rows ``article_id, file, code, message``, as in ``corpus.warnings``); they are
    also reported as one :class:`analysis.CorpusWarning`.  ``errors="warn"`` skips, the same
    way, an article on which an analysis fails (see :func:`features`).

    >>> import analysis as an
    >>> notes = []
    >>> f = an.features_from_records([{"article_id": "x", "outlet": "AP", "text": "Officials said it is limited."},
    ...                               {"text": "  "}], warnings=notes)
    >>> f[["article_id", "outlet", "n_words", "n_named"]].values.tolist()
    [['x', 'AP', 5, 0]]
    >>> [w["code"] for w in notes]
    ['empty_text']
    """
    workers = capped_workers(workers)
    _check_errors(errors)
    chunk_size = default_chunk_size(workers) if chunk_size is None else chunk_size
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a whole number of articles, 1 or more (got {chunk_size!r})")
    lexicon = _lexicon_arg(lexicon)
    found: list[dict] = []
    batches = _batches(record_stream(records, text_field, limit, found), chunk_size)
    rows: list[dict] = []
    finder = DuplicateFinder()

    def take(part: tuple[list[dict], list[dict], list[tuple]]) -> None:
        part_rows, notes, digests = part
        rows.extend(part_rows)
        found.extend(notes)
        _note_duplicates(digests, finder, found)

    if workers == 1:
        for batch in batches:
            take(chunk_rows(batch, lexicon, errors))
    else:
        from concurrent.futures import ProcessPoolExecutor

        # Built once here, so forked workers inherit the compiled lexicon and the loaded CMU
        # dictionary instead of each building its own.
        _tools(lexicon)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            # At most two chunks per worker in flight: enough to keep every worker busy while
            # the next records are read, and memory stays flat for a file of any size.
            pending: deque = deque()
            for batch in batches:
                pending.append(pool.submit(chunk_rows, batch, lexicon, errors))
                if len(pending) >= 2 * workers:
                    take(pending.popleft().result())
            while pending:
                take(pending.popleft().result())
    if warnings is not None:
        warnings.extend(found)
    _warn_summary(found)
    return _typed(rows, feature_columns(lexicon))

