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

__all__ = ["from_jsonl", "from_table", "iter_jsonl", "iter_records", "iter_table", "MAX_LINE_BYTES"]

ID_FIELDS = ("article_id", "id", "ID")
OUTLET_FIELDS = ("outlet", "source", "publisher", "sitename")

#: The longest line, in bytes after decompression, that :func:`iter_jsonl` reads: one
#: article per line, and no article comes near 50 MB.  A longer line is skipped with a
#: recorded warning (code ``line_too_long``, with the file and line number) without being
#: held in memory: a small gzip file can expand to one line of gigabytes.
MAX_LINE_BYTES = 50 * 1024 * 1024


def _lines(fh, limit: int) -> Iterator[bytes | int]:
    """The lines of a binary file as text mode reads them (a line ends at ``\\n``, ``\\r\\n``
    or ``\\r``), each as bytes; for a line longer than ``limit`` bytes, its length instead,
    the line itself read and dropped in pieces.  (The limit counts the bytes up to a
    ``\\n``.)"""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = fh.readline(1 << 20)
                size += len(line)
            yield size - line.endswith(b"\n")
            continue
        if b"\r" not in line:
            yield line
            continue
        # Universal newlines, as text mode splits them: "\r\n" and a lone "\r" end lines too.
        *whole, rest = line.replace(b"\r\n", b"\n").split(b"\r")
        yield from whole
        if rest:
            yield rest


def iter_jsonl(path: str | Path, warnings: list[dict] | None = None,
               max_line_bytes: int | None = None) -> Iterator[dict]:
    """Yield the JSON objects of a ``.jsonl`` or ``.jsonl.gz`` file, one per line.

    A line that is not a JSON object is skipped and recorded in ``warnings`` (a list you
    pass in) with its line number; so is a line longer than ``max_line_bytes`` (default
    :data:`MAX_LINE_BYTES`), which is never read whole.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.jsonl")
    >>> _ = open(p, "w").write('{"text": "One."}\\nnot json\\n{"text": "' + "x" * 99 + '"}\\n')
    >>> found = []; [r["text"] for r in iter_jsonl(p, found, max_line_bytes=50)], [w["code"] for w in found]
    (['One.'], ['bad_record', 'line_too_long'])
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: no such file")
    limit = MAX_LINE_BYTES if max_line_bytes is None else max_line_bytes
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as fh:
            for number, raw in enumerate(_lines(fh, limit), start=1):
                if isinstance(raw, int):
                    if warnings is not None:
                        warnings.append({"article_id": None, "file": str(path), "code": "line_too_long",
                                         "message": f"{path}, line {number}: {raw:,} bytes, longer than the "
                                                    f"limit of {limit:,} bytes per line "
                                                    "(analysis.sources.MAX_LINE_BYTES); skipped"})
                    continue
                line = raw.decode("utf-8", errors="strict")
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
