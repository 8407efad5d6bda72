"""Reading large corpora: JSON lines (plain or gzipped), CSV and Parquet files.

Files are read record by record; a record that cannot be used (bad JSON, no text) becomes
a recorded warning, never a failed run and never a silent loss.  Records then go through
:func:`analysis.from_records`, so cleaning and splitting are the same as for an event folder.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pandas as pd

from .corpus import Corpus, CorpusError, from_records

__all__ = ["from_jsonl", "from_table", "iter_jsonl", "iter_records", "iter_table"]

ID_FIELDS = ("article_id", "id", "ID")
OUTLET_FIELDS = ("outlet", "source", "publisher", "sitename")


def iter_jsonl(path: str | Path, warnings: list[dict] | None = None) -> Iterator[dict]:
    """Yield the JSON objects of a ``.jsonl`` or ``.jsonl.gz`` file, one per line.

    A line that is not a JSON object is skipped and recorded in ``warnings`` (a list you
    pass in) with its line number.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.jsonl")
    >>> _ = open(p, "w").write('{"text": "One."}\\nnot json\\n')
    >>> found = []; [r["text"] for r in iter_jsonl(p, found)], found[0]["code"]
    (['One.'], 'bad_record')
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: no such file")
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="strict") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    obj, problem = None, f"not valid JSON ({exc.msg})"
                else:
                    problem = None if isinstance(obj, dict) else "not a JSON object"
                if problem:
                    if warnings is not None:
                        warnings.append({"article_id": None, "file": str(path), "code": "bad_record",
                                         "message": f"{path}, line {number}: {problem}; skipped"})
                    continue
                yield obj
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise CorpusError(f"{path}: cannot be read as UTF-8 JSON lines ({exc})") from None


def _normalize(obj: dict, text_field: str) -> dict:
    """Pick the id and outlet fields; everything else stays as metadata."""
    rec = dict(obj)
    if text_field != "text":
        rec["text"] = rec.pop(text_field, None)
    if "article_id" not in rec:
        for f in ID_FIELDS[1:]:
            if f in rec:
                rec["article_id"] = rec[f]
                break
    if "outlet" not in rec:
        for f in OUTLET_FIELDS[1:]:
            if rec.get(f):
                rec["outlet"] = rec[f]
                break
    # Lists and dicts (e.g. an authors list) become strings: one value per cell.
    for k, v in rec.items():
        if isinstance(v, (list, dict)):
            rec[k] = json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else "; ".join(map(str, v))
    return rec


def iter_table(path: str | Path, text_field: str = "text") -> Iterator[dict]:
    """The records of a CSV (read in chunks of 10,000 rows) or Parquet file, normalized.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.csv")
    >>> _ = open(p, "w").write('id,source,text\\n7,CNN,"Kiev said yes."\\n')
    >>> [(r["article_id"], r["outlet"]) for r in iter_table(p)]
    [('7', 'CNN')]
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: no such file")
    suffix = "".join(path.suffixes[-2:]).lower()
    if not suffix.endswith((".parquet", ".csv", ".csv.gz")):
        raise CorpusError(f"{path}: expected a .csv, .csv.gz or .parquet file")
    try:
        frames = [pd.read_parquet(path)] if suffix.endswith(".parquet") else \
            pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=10_000)
        for frame in frames:
            if text_field not in frame.columns:
                raise CorpusError(f"{path}: no {text_field!r} column; columns: {', '.join(map(str, frame.columns))}")
            for obj in frame.to_dict("records"):
                yield _normalize(obj, text_field)
    except CorpusError:
        raise
    except (ImportError, ValueError, OSError, pd.errors.ParserError) as exc:
        raise CorpusError(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from None


_TABLE_SUFFIXES = (".csv", ".csv.gz", ".parquet")


def iter_records(source, text_field: str = "text", limit: int | None = None,
                 warnings: list[dict] | None = None) -> Iterator[dict]:
    """Records, one at a time, from a JSON-lines/CSV/Parquet path, a DataFrame or dicts.

    Files are normalized as :func:`from_jsonl` and :func:`from_table` read them (id and outlet
    fields); dicts and DataFrame rows are taken as they are, with ``text_field`` renamed to
    ``text``.  Bad JSON lines go to ``warnings``.  At most ``limit`` records.

    >>> [r["text"] for r in iter_records([{"body": "One."}], text_field="body")]
    ['One.']
    """
    found = warnings if warnings is not None else []
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.name.lower().endswith(_TABLE_SUFFIXES):
            stream = iter_table(path, text_field)
        else:
            stream = (_normalize(obj, text_field) for obj in iter_jsonl(path, found))
        n = 0
        for rec in itertools.islice(stream, limit):
            n += 1
            yield rec
        if n == 0 and not found:
            raise CorpusError(f"{path}: holds no records")
        return
    if isinstance(source, pd.DataFrame):
        frame = source.reset_index() if source.index.name == "article_id" else source
        source = frame.to_dict("records")
    if isinstance(source, (Mapping, str, bytes)) or not isinstance(source, Iterable):
        raise TypeError(f"records must be a path to a .jsonl[.gz], .csv or .parquet file, a DataFrame "
                        f"or an iterable of dicts, not {type(source).__name__}")
    for n, rec in enumerate(itertools.islice(source, limit)):
        if not isinstance(rec, Mapping):
            raise TypeError(f"record {n} is a {type(rec).__name__}, not a dict")
        rec = dict(rec)
        if text_field != "text":
            rec["text"] = rec.pop(text_field, None)
        yield rec


def from_jsonl(path: str | Path, text_field: str = "text", limit: int | None = None,
               workers: int = 1) -> Corpus:
    """A Corpus from a JSON-lines file (``.jsonl`` or ``.jsonl.gz``), one article per line.

    ``text`` is required; ``article_id`` is taken from ``article_id``, ``id`` or ``ID`` (else
    the line's position), ``outlet`` from ``outlet`` or, failing that, ``source``,
    ``publisher`` or ``sitename``; every other field is kept as metadata.  Bad lines and
    records without text are recorded in ``corpus.warnings``.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.jsonl")
    >>> _ = open(p, "w").write('{"ID": "x1", "source": "AP", "text": "Kyiv said no."}\\n')
    >>> c = from_jsonl(p); c.ids, c.articles.outlet.tolist()
    (['x1'], ['AP'])
    """
    found: list[dict] = []
    records = list(iter_records(Path(path), text_field, limit, found))
    return from_records(records, workers=workers, warnings=found)


def from_table(path: str | Path, text_field: str = "text", limit: int | None = None,
               workers: int = 1) -> Corpus:
    """A Corpus from a CSV or Parquet file with a ``text`` column (see :func:`from_jsonl`).

    CSV is read in chunks, so a large file is never parsed into one frame of strings twice.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.csv")
    >>> _ = open(p, "w").write('id,source,text\\n7,CNN,"Kiev said yes."\\n')
    >>> from_table(p).articles[["outlet", "text"]].values.tolist()
    [['CNN', 'Kiev said yes.']]
    """
    records = list(itertools.islice(iter_table(path, text_field), limit))
    return from_records(records, workers=workers)
