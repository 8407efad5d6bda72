"""One table of per-article measures for a corpus of any size: the feature table.

:func:`features` gives one row per article with the measures the other modules compute
(lengths, readability, quotes, attributions, frame rates by voice), each equal to what the
public function gives (:func:`analysis.readability`, :func:`analysis.quotes`,
:func:`analysis.attributions`, :func:`analysis.frame_scores`).  It works one article at a
time: the article's text and spans are handed to the per-article functions of those
modules, its quotes are found once and reused by attributions and framing, and the word
lookups of readability are remembered from one article to the next.  So the cost grows
linearly with the corpus, memory stays flat, and chunks of articles can go to several processes
(``workers=N``) or to Dask partitions (:mod:`analysis.scale`) with identical results.

:func:`features_from_records` does loading and cleaning inside the same chunks, so that
they run in parallel too: from a list of records or straight from a JSON-lines file.
"""

from __future__ import annotations

import gc
import math
import os
import warnings as _warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .attribution import attributions_for_article
from .clean import clean_text
from .corpus import (
    Corpus,
    CorpusError,
    CorpusWarning,
    _blank,
    _digest,
    _duplicate_note,
    _record_meta,
    _split_clean,
)
from .framing import VOICES, _compile, _frames_for_article, load_lexicon
from .quotes import quotes_for_article
from .readability import _INT_COLUMNS as _RD_INT_COLUMNS
from .readability import MEASURE_COLUMNS, _Lexicon, readability_for_article
from .sources import _normalize, iter_jsonl

__all__ = ["features", "features_from_records", "feature_columns", "FeatureError"]

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

# An article as the per-article step needs it: id, outlet, clean text, the corpus counts,
# paragraph spans (start, end) of every kind, and sentences (sent_id, para_id, is_body, start, end).
_Item = tuple


# --------------------------------------------------------------------------- columns

def _frame_names(lexicon=None) -> tuple[str, ...]:
    return _compile(lexicon).frames


def feature_columns(lexicon=None) -> list[str]:
    """The columns of :func:`features`, in order, for a lexicon (None: the shipped one).

    >>> cols = feature_columns()
    >>> cols[:5], "frame_escalation_risk_quoted_per_1000" in cols
    (['article_id', 'outlet', 'n_words', 'n_sentences', 'n_paragraphs'], True)
    """
    return BASE_COLUMNS + [f"frame_{f}_{v}_per_1000" for f in _frame_names(lexicon) for v in VOICES]


def _typed(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    floats = [c for c in columns if c not in _INT_COLUMNS and c not in _STR_COLUMNS]
    return frame.astype({**{c: "int64" for c in _INT_COLUMNS}, **{c: "float64" for c in floats},
                         **{c: "str" for c in _STR_COLUMNS}})


# --------------------------------------------------------------------------- one article

class _Tools:
    """What every article of a chunk shares: readability's word memo and the compiled lexicon."""

    def __init__(self, lexicon=None) -> None:
        self.words = _Lexicon()
        self.lexicon = _compile(lexicon)
        self.keys = {(f, v): f"frame_{f}_{v}_per_1000" for f in self.lexicon.frames for v in VOICES}


# The measures of one article in three stages; each takes the article's state, a list that
# starts as [item] and that each stage extends: + [row, body sentences], + [quote spans].

def _measure_readability(state: list, tools: _Tools) -> None:
    """Start the row: the corpus counts and readability of the body sentences."""
    aid, outlet, text, n_words, n_sentences, n_paragraphs, _paras, sents = state[0]
    row = {"article_id": aid, "outlet": outlet, "n_words": n_words, "n_sentences": n_sentences,
           "n_paragraphs": n_paragraphs}
    body = [(sid, pid, s, e) for sid, pid, is_body, s, e in sents if is_body]
    for key, value in readability_for_article([text[s:e] for _i, _p, s, e in body], tools.words).items():
        row[_RENAMED.get(key, key)] = value
    state += [row, body]


def _measure_sources(state: list, tools: _Tools) -> None:
    """Quotes and attributions, found once; the quote spans are kept for the frames."""
    (aid, _outlet, text, n_words, _ns, _np, paras, sents), row = state[0], state[1]
    # Quotes and attributions read every paragraph and sentence (titles too), as the public
    # functions do; they skip an article without text.
    if text:
        para_spans = paras or [(0, len(text))]
        sent_spans = [(s, e) for _i, _p, _b, s, e in sents] or [(0, len(text))]
        quotes = quotes_for_article(aid, text, para_spans, sent_spans)
        attributions = attributions_for_article(aid, text, para_spans, sent_spans, quote_rows=quotes)
    else:
        quotes, attributions = [], []
    quoted = sum(q["n_words"] for q in quotes)
    row["n_quotes"] = len(quotes)
    row["quoted_words"] = quoted
    row["share_quoted"] = quoted / n_words if n_words else math.nan
    row["n_attributions"] = len(attributions)
    # As in analysis.quote_summary: named = not anonymous and of a known type.
    row["n_named"] = sum(1 for a in attributions if not a["anonymous"] and a["source_type"] != "unknown")
    row["n_anonymous"] = sum(1 for a in attributions if a["anonymous"])
    state.append([(q["start"], q["end"], _none(q.get("speaker_name")), _none(q.get("speaker_type")))
                  for q in quotes])


def _measure_frames(state: list, tools: _Tools) -> None:
    """Frame rates by voice, per 1,000 corpus words."""
    (aid, _outlet, text, n_words, *_rest), row, body, spans = state
    hits = dict.fromkeys(tools.keys.values(), 0)
    for h in _frames_for_article(aid, text, body, spans, tools.lexicon):
        hits[tools.keys[h[1], h[9]]] += 1
    for key, n in hits.items():
        # frame_scores: hits per 1,000 corpus words, rounded to 2 decimals; NaN without words
        row[key] = round(1000 * n / n_words, 2) if n_words > 0 else math.nan


_STAGES = (_measure_readability, _measure_sources, _measure_frames)


def _none(value):
    return None if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)) else value


# --------------------------------------------------------------------------- corpus -> items

def _items(corpus: Corpus) -> list[_Item]:
    """Every article with its spans, in corpus order, from one pass over each frame."""
    paras: dict[str, list[tuple[int, int]]] = {}
    p = corpus.paragraphs
    for aid, s, e in zip(p["article_id"].tolist(), p["start"].tolist(), p["end"].tolist()):
        paras.setdefault(aid, []).append((int(s), int(e)))
    sents: dict[str, list[tuple]] = {}
    s_ = corpus.sentences
    for aid, sid, pid, kind, s, e in zip(s_["article_id"].tolist(), s_["sent_id"].tolist(),
                                         s_["para_id"].tolist(), s_["kind"].tolist(),
                                         s_["start"].tolist(), s_["end"].tolist()):
        sents.setdefault(aid, []).append((int(sid), int(pid), kind == "body", int(s), int(e)))
    arts = corpus.articles
    outlets = corpus.outlet_of().tolist()
    items = []
    for aid, outlet, text, nw, ns, np_ in zip(arts.index.astype(str).tolist(), outlets,
                                              arts["text"].tolist(), arts["n_words"].tolist(),
                                              arts["n_sentences"].tolist(), arts["n_paragraphs"].tolist()):
        text = text if isinstance(text, str) else ""
        items.append((aid, str(outlet), text, _int(nw), _int(ns), _int(np_),
                      paras.get(aid, []), sents.get(aid, [])))
    return items


def _int(value) -> int:
    return 0 if value is None or (not isinstance(value, str) and pd.isna(value)) else int(value)


# Per process, the tools of the last lexicon used: readability's word memo keeps paying off
# from one chunk (or Dask partition, or call) to the next.  It only remembers textstat's
# answers for words, which never change, so results do not depend on what ran before.
_TOOLS: dict = {}
_MAX_MEMO_WORDS = 2_000_000  # a bound on the memo for endless streams (about 200 MB)


def _tools(lexicon=None) -> _Tools:
    key = None if lexicon is None else tuple(zip(lexicon["frame"], lexicon["pattern"], lexicon["kind"]))
    tools = _TOOLS.get(key)
    if tools is None or len(tools.words.packed) > _MAX_MEMO_WORDS:
        _TOOLS.clear()
        tools = _TOOLS[key] = _Tools(lexicon)
    return tools


class FeatureError(RuntimeError):
    """An analysis failed on one article; the message names the article and the error."""


def _rows_for_items(items: list[_Item], lexicon=None, errors: str = "raise") -> tuple[list[dict], list[dict]]:
    """Feature rows of some articles, and warning rows for those skipped (``errors="warn"``).

    The articles go through the measures stage by stage (readability of each, then quotes
    and attributions of each, then frames of each), not article by article: a stage's code
    and memos then stay in the processor's caches, which makes a chunk about 8% faster.  The
    rows are the same, in the same order.

    >>> item = ("a", "AP", "Officials said it is limited.", 5, 1, 1, [(0, 29)], [(0, 0, True, 0, 29)])
    >>> rows, notes = _rows_for_items([item])
    >>> rows[0]["n_words"], rows[0]["n_attributions"], rows[0]["frame_magnitude_smaller_outlet_per_1000"], notes
    (5, 1, 200.0, [])
    """
    tools = _tools(lexicon)
    states = [[item] for item in items]
    failed: dict[int, str] = {}
    for stage in _STAGES:
        for k, state in enumerate(states):
            if k in failed:
                continue
            try:
                stage(state, tools)
            except Exception as exc:  # noqa: BLE001 - any failure of an analysis on one article
                what = f"article {items[k][0]}: features failed ({type(exc).__name__}: {exc})"
                if errors == "raise":
                    raise FeatureError(f"{what}; pass errors='warn' to skip such articles with a "
                                       f"recorded warning") from exc
                failed[k] = what
    rows = [state[1] for k, state in enumerate(states) if k not in failed]
    notes = [{"article_id": items[k][0], "file": None, "code": "feature_error", "message": f"{failed[k]}; skipped"}
             for k in sorted(failed)]
    return rows, notes


def _check_errors(errors) -> str:
    if errors not in ("raise", "warn"):
        raise ValueError(f"errors must be 'raise' or 'warn', not {errors!r}")
    return errors


def _chunks(seq: list, n: int) -> list[list]:
    """``seq`` cut into about ``n`` contiguous pieces of equal size, in order."""
    size = max(1, math.ceil(len(seq) / max(1, n)))
    return [seq[i:i + size] for i in range(0, len(seq), size)]


def _check_workers(workers) -> int:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number of processes, 1 or more (got {workers!r})")
    return workers


def _pool(workers: int):
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers)


def _lexicon_arg(lexicon):
    """A lexicon ready to send to other processes: checked here, once, as a DataFrame."""
    if lexicon is None:
        return None
    return load_lexicon(lexicon)


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

    Each article is processed once: its quotes are found once and reused by attributions and
    frames, readability's word lookups are shared across articles.  ``workers=N`` splits the
    articles into N runs processed in N processes; the table is identical to ``workers=1``.
    ``lexicon``: the frame lexicon (see :func:`analysis.load_lexicon`; None: the shipped one).
    ``errors``: if an analysis fails on an article, ``"raise"`` (the default) stops with a
    :class:`FeatureError` naming the article; ``"warn"`` leaves the article out of the
    table and reports it as a :class:`analysis.CorpusWarning` (code ``feature_error``), so a
    long run over a large corpus is not lost to one odd text.

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
    _check_workers(workers)
    _check_errors(errors)
    lexicon = _lexicon_arg(lexicon)
    columns = feature_columns(lexicon)
    items = _items(corpus)
    if workers == 1 or len(items) < 2 * workers:
        with _no_cycle_collection():
            rows, notes = _rows_for_items(items, lexicon, errors)
    else:
        rows, notes = [], []
        chunks = _chunks(items, workers * 4)
        with _pool(workers) as pool:
            # A few chunks per worker even out uneven article lengths; map keeps the order.
            for part, part_notes in pool.map(_rows_for_items, chunks, [lexicon] * len(chunks),
                                             [errors] * len(chunks)):
                rows.extend(part)
                notes.extend(part_notes)
    _warn_summary(notes)
    return _typed(rows, columns)


# --------------------------------------------------------------------------- public: records

def _read_records(source, text_field: str, limit: int | None, warn_rows: list[dict]) -> Iterator[dict]:
    """Records from a list/DataFrame or a JSON-lines/CSV/Parquet file, normalized as the
    ``from_*`` readers do (id, outlet, text fields)."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = path.name.lower()
        if name.endswith((".csv", ".csv.gz", ".parquet")):
            if not path.is_file():
                raise CorpusError(f"{path}: no such file")
            yield from _read_table(path, text_field, limit)
            return
        n = 0
        for obj in iter_jsonl(path, warn_rows):
            yield _normalize(obj, text_field)
            n += 1
            if limit is not None and n >= limit:
                return
        if n == 0 and not warn_rows:
            raise CorpusError(f"{path}: holds no records")
        return
    if isinstance(source, pd.DataFrame):
        frame = source.reset_index() if source.index.name == "article_id" else source
        source = frame.to_dict("records")
    if isinstance(source, (Mapping, str, bytes)) or not isinstance(source, Iterable):
        raise TypeError(f"records must be a path to a .jsonl[.gz], .csv or .parquet file, a DataFrame "
                        f"or an iterable of dicts, not {type(source).__name__}")
    for n, rec in enumerate(source):
        if limit is not None and n >= limit:
            return
        if not isinstance(rec, Mapping):
            raise TypeError(f"record {n} is a {type(rec).__name__}, not a dict")
        rec = dict(rec)
        if text_field != "text":
            rec["text"] = rec.pop(text_field, None)
        yield rec


def _read_table(path: Path, text_field: str, limit: int | None) -> Iterator[dict]:
    """Records of a CSV (read in chunks) or Parquet file, as :func:`analysis.from_table` reads them."""
    n = 0
    try:
        frames = [pd.read_parquet(path)] if path.name.lower().endswith(".parquet") else \
            pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=10_000)
        for frame in frames:
            if text_field not in frame.columns:
                raise CorpusError(f"{path}: no {text_field!r} column; columns: {', '.join(map(str, frame.columns))}")
            for obj in frame.to_dict("records"):
                yield _normalize(obj, text_field)
                n += 1
                if limit is not None and n >= limit:
                    return
    except (ImportError, ValueError, OSError, pd.errors.ParserError) as exc:
        if isinstance(exc, CorpusError):
            raise
        raise CorpusError(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from None


def _with_ids(records: Iterable[dict], warn_rows: list[dict]) -> Iterator[dict]:
    """Give every record the article_id :func:`analysis.from_records` would, check ids are
    unique, and drop records without text (recorded), all over the whole input, so chunks
    processed apart still make the table of one corpus."""
    seen: set[str] = set()
    any_text_column, n = False, 0
    for i, rec in enumerate(records):
        n += 1
        any_text_column = any_text_column or "text" in rec
        aid = rec.get("article_id")
        aid = f"{i:03d}" if _blank(aid) else str(aid)
        if aid in seen:
            raise CorpusError(f"record {i}: duplicate article_id {aid!r}")
        seen.add(aid)
        raw = rec.get("text")
        if _blank(raw) or not isinstance(raw, str):
            warn_rows.append({"article_id": aid, "file": rec.get("file"), "code": "empty_text",
                              "message": f"record {i} (article {aid}): no text; skipped"})
            continue
        rec["article_id"] = aid
        yield rec
    if n and not any_text_column:
        raise CorpusError("records have no 'text' field (pass text_field= to name the field that holds the text)")


def _record_items(records: list[dict]) -> tuple[list[_Item], list[dict], list[tuple]]:
    """The items of records that already have ids and text (see :func:`_with_ids`), the
    metadata warnings :func:`analysis.from_records` would record, and per article
    ``(article_id, file, digest of the clean text)`` for the caller to find duplicates
    across chunks.  The same cleaning, splitting, metadata checks and outlets as
    ``_items(from_records(records))``, without building the corpus's tables, which the
    feature table does not need."""
    items, warn_rows, digests = [], [], []
    # Every text cleaned first, then each split: stage by stage, as in _rows_for_items.
    cleaned = [clean_text(rec["text"]) for rec in records]
    for rec, clean in zip(records, cleaned):
        aid = rec["article_id"]
        meta = {k: (None if _blank(v) else v) for k, v in rec.items() if k not in ("text", "article_id")}
        meta["article_id"] = aid
        result, paras, sent_spans, n_words = _split_clean(clean)
        meta, _notes = _record_meta(meta, result.meta, result.text, None, warn_rows)
        digests.append((aid, rec.get("file"), _digest(result.text)))
        # Corpus.outlet_of: the outlet as text, else the article id.
        outlet = meta.get("outlet")
        outlet = "" if outlet is None or (not isinstance(outlet, str) and pd.isna(outlet)) else str(outlet)
        sents, n_sentences = [], 0
        for pid, ((_a, _b, kind), spans) in enumerate(zip(paras, sent_spans)):
            is_body = kind == "body"
            for st, en in spans:
                sents.append((len(sents), pid, is_body, st, en))
            n_sentences += len(spans) if is_body else 0
        items.append((aid, outlet or aid, result.text, n_words, n_sentences,
                      sum(1 for p in paras if p[2] == "body"), [(a, b) for a, b, _k in paras], sents))
    return items, warn_rows, digests


@contextmanager
def _no_cycle_collection():
    """Pause Python's cyclic garbage collector while articles are measured.

    Measuring an article allocates many tuples, lists and dicts, none in a reference cycle,
    so reference counting frees them all; the cyclic collector would only keep re-scanning
    them, the rows built so far and the long-lived memos (about 10% of the run time on
    real articles).  It is switched back on afterwards (if it was on), which collects
    anything left; nested uses leave it to the outermost.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _chunk_rows(records: list[dict], lexicon=None, errors: str = "raise") -> tuple[list[dict], list[dict], list[tuple]]:
    """Load, clean and measure one chunk of records (in a worker): rows, warnings and the
    digests of the clean texts (see :func:`_record_items`)."""
    with _no_cycle_collection():
        items, found, digests = _record_items(records)
        rows, notes = _rows_for_items(items, lexicon, errors)
    return rows, found + notes, digests


def _note_duplicates(digests: list[tuple], seen_text: dict[str, str], found: list[dict]) -> None:
    """Duplicate-text warnings over the whole input, chunk after chunk, as the loader gives them."""
    for aid, file, digest in digests:
        msg = _duplicate_note(aid, file or f"article {aid}", digest, seen_text)
        if msg:
            found.append({"article_id": aid, "file": file, "code": "duplicate_text", "message": msg})


def _batches(records: Iterator[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _warn_summary(warn_rows: list[dict]) -> None:
    if not warn_rows:
        return
    if len(warn_rows) <= 5:
        for w in warn_rows:
            _warnings.warn(w["message"], CorpusWarning, stacklevel=3)
        return
    codes = pd.Series([w["code"] for w in warn_rows]).value_counts()
    summary = ", ".join(f"{n} {code}" for code, n in codes.items())
    _warnings.warn(f"{len(warn_rows)} warnings recorded ({summary})", CorpusWarning, stacklevel=3)


def features_from_records(records, workers: int = 1, *, text_field: str = "text",
                          limit: int | None = None, chunk_size: int = 200, lexicon=None,
                          errors: str = "raise", warnings: list[dict] | None = None) -> pd.DataFrame:
    """Load, clean and measure articles chunk by chunk: the table of :func:`features`.

    ``records`` is a path to a ``.jsonl``/``.jsonl.gz`` (or ``.csv``/``.parquet``) file, a
    DataFrame or an iterable of dicts with a ``text`` field, read as :func:`analysis.from_jsonl`
    and :func:`analysis.from_records` read them (same ids, outlets and cleaning).  Records are
    read one at a time and go in chunks of ``chunk_size`` to ``workers`` processes, which clean
    them and compute their features, so loading runs in parallel too and memory holds only
    the chunks in flight and the table: no corpus of every article is built.  The result is
    identical to ``features(from_jsonl(path))`` (or ``features(from_records(records))``) whatever ``workers`` and ``chunk_size``.

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
    _check_workers(workers)
    _check_errors(errors)
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a whole number of articles, 1 or more (got {chunk_size!r})")
    lexicon = _lexicon_arg(lexicon)
    columns = feature_columns(lexicon)
    found: list[dict] = []
    stream = _with_ids(_read_records(records, text_field, limit, found), found)
    rows: list[dict] = []
    seen_text: dict[str, str] = {}
    if workers == 1:
        # For the whole run, not chunk by chunk: the rows and memos that build up would
        # otherwise be re-scanned after every chunk.
        with _no_cycle_collection():
            for batch in _batches(stream, chunk_size):
                part, notes, digests = _chunk_rows(batch, lexicon, errors)
                rows.extend(part)
                found.extend(notes)
                _note_duplicates(digests, seen_text, found)
    else:
        from collections import deque

        with _pool(workers) as pool:
            # At most two chunks per worker in flight: enough to keep every worker busy while
            # the next records are read, and memory stays flat for a file of any size.
            pending: deque = deque()
            for batch in _batches(stream, chunk_size):
                pending.append(pool.submit(_chunk_rows, batch, lexicon, errors))
                if len(pending) >= 2 * workers:
                    part, notes, digests = pending.popleft().result()
                    rows.extend(part)
                    found.extend(notes)
                    _note_duplicates(digests, seen_text, found)
            while pending:
                part, notes, digests = pending.popleft().result()
                rows.extend(part)
                found.extend(notes)
                _note_duplicates(digests, seen_text, found)
    if warnings is not None:
        warnings.extend(found)
    _warn_summary(found)
    return _typed(rows, columns)
