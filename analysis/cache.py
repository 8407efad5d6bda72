"""A corpus with its analyses computed, saved in a file for other processes: the report's cache.

The report runs every notebook in its own kernel and builds the annotated pages in its own
process.  So that all of them share one computation (each analysis computed at most once
per event), the report loads the event once, computes every analysis the chapters and pages
use (which fills the corpus's memo, see :func:`analysis.corpus.memoized`), and writes the
corpus to a cache file with :func:`write_cache`; each notebook then calls
``an.load_event(EVENT, cache=CACHE)``, which reads it back with :func:`read_cache`.

A cache file is one header line, then the pickled corpus::

    coverage-lens corpus cache 1 <digest of the event's files>\\n<pickle>

The digest (:func:`event_digest`) covers ``manifest.csv``, ``README.md`` and every file
the manifest lists.  A cache is used only if its header is this one and its digest is the
event's *now*: a cache of another event, of files changed since, or a file that is not a
cache is ignored (never unpickled) and the event is loaded afresh, with a warning recorded
in ``corpus.warnings`` (code ``cache``).  A pickle can run code when read, so only pass
``cache=`` a file that you or the report wrote; the header check keeps a stale or foreign
file from ever being unpickled.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from pathlib import Path

__all__ = ["CACHE_HEADER", "event_digest", "write_cache", "read_cache"]

CACHE_HEADER = b"coverage-lens corpus cache 1 "
_MAX_HEADER = 256


def event_digest(folder: Path | str) -> str:
    """A SHA-256 digest of what an event is made of: its manifest, README and listed files.

    Any change to one of them (or to which files the manifest lists) changes the digest.
    Raises :class:`analysis.CorpusError` where loading the event would (a missing manifest,
    a listed file outside the folder, ...).

    >>> d = event_digest("data/events/ukraine-weapons-2024-05")  # doctest: +SKIP
    >>> len(d)  # doctest: +SKIP
    64
    """
    from . import __version__
    from .corpus import _listed_file, _read_manifest

    folder = Path(folder)
    real = folder.resolve()
    h = hashlib.sha256(f"coverage-lens {__version__}\n".encode())

    def add(label: str, path: Path | None) -> None:
        data = path.read_bytes() if path is not None and path.is_file() else b""
        h.update(f"{label}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
        h.update(data)

    add("manifest.csv", folder / "manifest.csv")
    readme = folder / "README.md"
    add("README.md", readme if readme.is_file() and readme.resolve().is_relative_to(real) else None)
    for _line, row in _read_manifest(folder / "manifest.csv", []):
        where = f"article {row['article_id']!r}"
        add(f"file:{row['article_id']}:{row['file']}", _listed_file(folder, real, row["file"].strip(), where, "file"))
    return h.hexdigest()


def write_cache(corpus, path: Path | str, digest: str | None = None) -> Path:
    """Write ``corpus`` (with whatever its memo holds) to ``path``; returns the path.

    ``digest``: the :func:`event_digest` of the corpus's event folder (computed from
    ``corpus.path`` when not given).  The file is written next to ``path`` and renamed
    into place, so a reader never sees half a cache.
    """
    if digest is None:
        if corpus.path is None:
            raise ValueError("write_cache: the corpus has no event folder (corpus.path); pass digest=")
        digest = event_digest(corpus.path)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(CACHE_HEADER + digest.encode("ascii") + b"\n")
            pickle.dump(corpus, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def read_cache(path: Path | str, folder: Path | str):
    """``(corpus, None)`` from the cache at ``path`` if it is a cache of the event ``folder``
    as its files are now, else ``(None, why)``: why it was not used, one line.

    A path that does not exist gives ``(None, None)``: nothing to use, nothing to say.

    >>> read_cache("no/such/cache.pkl", "data/events/ukraine-weapons-2024-05")
    (None, None)
    """
    from .corpus import Corpus, CorpusError, _show

    path = Path(path)
    shown = _show(path)
    try:
        if not path.exists():
            return None, None
        with path.open("rb") as fh:
            header = fh.readline(_MAX_HEADER)
            if not header.startswith(CACHE_HEADER) or not header.endswith(b"\n"):
                return None, f"cache {shown}: not a Coverage Lens corpus cache; ignored, the event was loaded afresh"
            try:
                now = event_digest(folder)
            except (CorpusError, OSError):
                return None, None  # the event itself cannot be loaded: loading says why
            if header[len(CACHE_HEADER):-1].decode("ascii", "replace") != now:
                return None, (f"cache {shown}: made for another event or for older versions of its files; "
                              "ignored, the event was loaded afresh")
            data = fh.read()
    except OSError as exc:
        return None, f"cache {shown}: cannot be read ({exc.strerror or exc}); ignored, the event was loaded afresh"
    try:
        corpus = pickle.load(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - a truncated file, another library version
        return None, (f"cache {shown}: cannot be read back ({type(exc).__name__}); ignored, the event was "
                      "loaded afresh")
    if not isinstance(corpus, Corpus):
        return None, f"cache {shown}: does not hold a corpus; ignored, the event was loaded afresh"
    return corpus, None
