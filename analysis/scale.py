"""The feature table on Dask: the same per-chunk work as :func:`analysis.features`, on a cluster.

Dask is an optional extra (``pip install "coverage-lens[scale]"``); it is imported only when a
function here is called.  Records are read where this function runs (the client), checked
(ids unique, texts present), cut into partitions, and each partition is loaded, cleaned and
measured on a Dask worker by the function that :func:`analysis.features_from_records` runs in
its processes, so the table is identical to the pandas path.

Point it at a cluster with a client::

    from distributed import Client
    from analysis.scale import features_dask
    table = features_dask("articles.jsonl.gz", client=Client("tcp://scheduler:8786"))

The workers need the ``analysis`` package installed (the same version as the client).
"""

from __future__ import annotations

import math

import pandas as pd

from .features import _check_errors, _chunks, _lexicon_arg, _typed, _warn_summary, chunk_rows, feature_columns, record_stream

__all__ = ["features_dask"]


def _require_dask():
    try:
        import dask
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "analysis.scale needs Dask, an optional extra: pip install \"coverage-lens[scale]\" "
            f"(or pip install \"dask[distributed]\"); import failed: {exc}") from None
    return dask


def _dask_dataframe():
    """dask.dataframe, for ``compute=False`` only: it needs more than the extra (pyarrow)."""
    try:
        import dask.dataframe as dd
    except ImportError as exc:
        raise ImportError(
            "compute=False returns a dask DataFrame, which needs dask's dataframe extra: "
            f"pip install \"dask[dataframe]\" (import failed: {exc}); or use compute=True") from None
    return dd


def _partition_frame(records: list[dict], lexicon, columns: list[str], errors: str = "raise") -> pd.DataFrame:
    """Load, clean and measure one partition of records (runs on a Dask worker)."""
    rows, _notes, _digests = chunk_rows(records, lexicon, errors)
    return _typed(rows, columns)


def features_dask(records_or_path, npartitions: int | None = None, client=None, *,
                  compute: bool = True, partition_size: int = 500, text_field: str = "text",
                  limit: int | None = None, lexicon=None, errors: str = "raise",
                  warnings: list[dict] | None = None):
    """The table of :func:`analysis.features_from_records`, computed on Dask partitions.

    ``records_or_path``: a ``.jsonl``/``.jsonl.gz`` (or ``.csv``/``.parquet``) path, a
    DataFrame or an iterable of dicts with a ``text`` field.  ``npartitions``: how many
    pieces (default: one per ``partition_size`` articles).  ``client``: a
    ``distributed.Client`` (default: the current one if any, else Dask's local process
    scheduler).  ``compute=False`` returns a lazy ``dask.dataframe.DataFrame`` instead of a
    pandas one (that needs ``dask[dataframe]``, which brings pyarrow).  Bad lines and records without text are skipped and reported (pass a list
    as ``warnings`` to receive them); warnings found on the workers (duplicates, metadata
    mismatches, articles skipped with ``errors="warn"``) are not collected.  ``errors``:
    as in :func:`analysis.features`.

    >>> from analysis.scale import features_dask
    >>> recs = [{"article_id": f"a{i}", "text": "Two officials said the step is limited."} for i in range(3)]
    >>> t = features_dask(recs, npartitions=2)                     # doctest: +SKIP
    >>> t[["article_id", "n_words", "n_anonymous"]].values.tolist()  # doctest: +SKIP
    [['a0', 7, 1], ['a1', 7, 1], ['a2', 7, 1]]
    """
    dask = _require_dask()
    if npartitions is not None and (isinstance(npartitions, bool) or not isinstance(npartitions, int)
                                    or npartitions < 1):
        raise ValueError(f"npartitions must be a whole number, 1 or more (got {npartitions!r})")
    if not isinstance(partition_size, int) or partition_size < 1:
        raise ValueError(f"partition_size must be a whole number of articles, 1 or more (got {partition_size!r})")
    _check_errors(errors)
    lexicon = _lexicon_arg(lexicon)
    columns = feature_columns(lexicon)
    found: list[dict] = []
    records = list(record_stream(records_or_path, text_field, limit, found))
    if warnings is not None:
        warnings.extend(found)
    _warn_summary(found)
    meta = _typed([], columns)
    if not records:
        return meta if compute else _dask_dataframe().from_pandas(meta, npartitions=1)
    n = npartitions or math.ceil(len(records) / partition_size)
    pieces = _chunks(records, n)

    if client is None:
        try:
            from distributed import default_client

            client = default_client()
        except (ImportError, ValueError):  # no distributed, or no client running
            client = None

    if client is not None:
        # Data goes to the workers once (scatter); the task graph holds only references.
        data = client.scatter(pieces)
        parts = client.map(_partition_frame, data, lexicon=lexicon, columns=columns, errors=errors, pure=False)
        if compute:
            return _concat(client.gather(parts), meta)
        return _dask_dataframe().from_delayed(parts, meta=meta, verify_meta=False)

    delayed = [dask.delayed(_partition_frame, pure=False)(piece, lexicon, columns, errors) for piece in pieces]
    if compute:
        return _concat(list(dask.compute(*delayed, scheduler="processes")), meta)
    return _dask_dataframe().from_delayed(delayed, meta=meta, verify_meta=False)


def _concat(frames: list[pd.DataFrame], meta: pd.DataFrame) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return meta
    return pd.concat(frames, ignore_index=True)
