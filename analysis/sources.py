"""Reading large corpora: JSON lines (plain or gzipped), CSV and Parquet files.

Files are read record by record; a record that cannot be used (bad JSON, no text) becomes
a recorded warning, never a failed run and never a silent loss.  Records then go through
:func:`analysis.from_records`, so cleaning and splitting are the same as for an event folder.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

import pandas as pd

from .corpus import Corpus, CorpusError, from_records

__all__ = ["from_jsonl", "from_table", "iter_jsonl"]

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
    records = []
    for obj in iter_jsonl(path, found):
        records.append(_normalize(obj, text_field))
        if limit is not None and len(records) >= limit:
            break
    if not records and not found:
        raise CorpusError(f"{path}: holds no records")
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
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: no such file")
    suffix = "".join(path.suffixes[-2:]).lower()
    try:
        if suffix.endswith(".parquet"):
            frames = [pd.read_parquet(path)]
        elif suffix.endswith((".csv", ".csv.gz")):
            frames = pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=10_000)
        else:
            raise CorpusError(f"{path}: expected a .csv, .csv.gz or .parquet file")
        records = []
        for frame in frames:
            if text_field not in frame.columns:
                raise CorpusError(f"{path}: no {text_field!r} column; columns: {', '.join(map(str, frame.columns))}")
            for obj in frame.to_dict("records"):
                records.append(_normalize(obj, text_field))
                if limit is not None and len(records) >= limit:
                    break
            if limit is not None and len(records) >= limit:
                break
    except CorpusError:
        raise
    except (ImportError, ValueError, OSError, pd.errors.ParserError) as exc:
        raise CorpusError(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from None
    return from_records(records, workers=workers)
