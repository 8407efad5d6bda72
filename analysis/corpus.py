"""The Corpus: an event's articles as tidy DataFrames, loaded from a folder or from memory.

Loading checks its input and says what is wrong with which file (:class:`CorpusError`),
or records a warning (``Corpus.warnings``) when the problem need not stop the work.
Loading knows nothing of the analyses: it decodes, cleans (``analysis.clean``), and
splits into paragraphs and sentences (``analysis.text``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import warnings as _warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from .clean import (
    CleanResult,
    canonical_outlet,
    clean_text,
    edits_frame,
    is_heading_like,
    rebuild_raw,
)
from .text import count_words, paragraph_spans, sentences_by_paragraph

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "load_event", "from_texts", "from_records"]

REQUIRED_COLUMNS = ("article_id", "file")
METADATA_COLUMNS = ("outlet", "title", "date", "url", "byline", "notes", "source_file")
ARTICLE_COLUMNS = [
    "outlet", "title", "date", "url", "byline", "dateline", "credit", "file", "encoding",
    "raw_text", "text", "n_words", "n_sentences", "n_paragraphs", "warnings",
]


class CorpusError(ValueError):
    """Input that cannot be loaded; the message names the file or folder and the problem."""


class CorpusWarning(UserWarning):
    """Input that loads but deserves a look; also recorded in ``Corpus.warnings``."""


@dataclass(frozen=True)
class Corpus:
    """Articles about one event, as DataFrames sharing ``article_id``.

    Attributes
    ----------
    articles : one row per article, indexed by ``article_id``: metadata, ``raw_text``,
        ``text`` (clean), body ``n_words``/``n_sentences``/``n_paragraphs``, ``warnings``.
    paragraphs : ``article_id, para_id, kind, start, end, text``; kind is ``body``,
        ``subhead`` or ``title``.
    sentences : ``article_id, sent_id, para_id, kind, start, end, text``.
    edits : every change cleaning made (``analysis.clean``), in raw-text coordinates.
    warnings : ``article_id, file, code, message`` for everything worth a look.

    Offsets are character offsets into ``articles.text``.

    >>> c = from_texts({"a": "One. Two.", "b": "Three."})
    >>> c
    Corpus(2 articles, 3 sentences, 0 warnings)
    >>> c.sentences.text.tolist()
    ['One.', 'Two.', 'Three.']
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    edits: pd.DataFrame
    warnings: pd.DataFrame
    name: str = ""
    path: Path | None = None
    title: str = ""
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def __repr__(self) -> str:
        return (f"Corpus({len(self.articles)} articles, {len(self.sentences)} sentences, "
                f"{len(self.warnings)} warnings)")

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def ids(self) -> list[str]:
        """Article ids in corpus order."""
        return list(self.articles.index)

    def text(self, article_id: str) -> str:
        """The clean text of one article."""
        return self.articles.at[article_id, "text"]

    def body_paragraphs(self) -> pd.DataFrame:
        """Paragraphs of kind ``body`` (no subheads or titles): what body measures use."""
        return self.paragraphs[self.paragraphs.kind == "body"]

    def body_sentences(self) -> pd.DataFrame:
        """Sentences in body paragraphs."""
        return self.sentences[self.sentences.kind == "body"]

    def rebuild_raw(self, article_id: str) -> str:
        """The raw text of an article, rebuilt from its clean text and the edit log.

        >>> c = from_texts({"a": "  Hello,\\r\\nworld  "})
        >>> c.rebuild_raw("a") == c.articles.at["a", "raw_text"]
        True
        """
        return rebuild_raw(self.text(article_id), self.edits[self.edits.article_id == article_id])

    def outlet_of(self) -> pd.Series:
        """``outlet`` per article, falling back to the article id when the outlet is unknown."""
        out = self.articles["outlet"].fillna("").astype(str)
        return out.where(out != "", pd.Series(self.articles.index, index=self.articles.index))


# --------------------------------------------------------------------------- building

def _paragraph_kind(text: str, i: int, n: int) -> str:
    """``title`` for a heading-like first line, ``subhead`` for one later, else ``body``."""
    if n > 1 and is_heading_like(text):
        return "title" if i == 0 else "subhead"
    return "body"


def _split_article(raw: str) -> tuple[CleanResult, list[tuple[int, int, str]], list[list[tuple[int, int]]], int]:
    """Clean one text and cut it into paragraphs and sentences, without building rows.

    Returns ``(result, paragraphs, sentences, n_words)``: the :class:`CleanResult`,
    ``(start, end, kind)`` per paragraph, the ``(start, end)`` sentence spans of each
    paragraph, and the number of body words.  (:mod:`analysis.features` cleans a chunk of
    texts first, then splits each with :func:`_split_clean`.)
    """
    return _split_clean(clean_text(raw))


def _split_clean(result: CleanResult) -> tuple[CleanResult, list[tuple[int, int, str]], list[list[tuple[int, int]]], int]:
    """:func:`_split_article` for a text already cleaned."""
    text = result.text
    spans = paragraph_spans(text)
    paras = [(a, b, _paragraph_kind(text[a:b], pid, len(spans))) for pid, (a, b) in enumerate(spans)]
    # Words never span a newline, so the body's words are the text's minus those of titles
    # and subheads: one regex pass over the text instead of one per paragraph.
    n_words = count_words(text) - sum(count_words(text[a:b]) for a, b, kind in paras if kind != "body")
    return result, paras, sentences_by_paragraph(text, spans), n_words


def _article_rows(article_id: str, raw: str) -> dict:
    """Clean one text and split it; returns the rows for every frame."""
    result, spans, sent_spans, n_words = _split_article(raw)
    text = result.text
    paras, sents = [], []
    for pid, ((a, b, kind), in_para) in enumerate(zip(spans, sent_spans)):
        paras.append({"article_id": article_id, "para_id": pid, "kind": kind,
                      "start": a, "end": b, "text": text[a:b]})
        for s, e in in_para:
            sents.append({"article_id": article_id, "sent_id": len(sents), "para_id": pid,
                          "kind": kind, "start": s, "end": e, "text": text[s:e]})
    edits = [{"article_id": article_id, **e} for e in result.edits]
    return {"text": text, "meta": result.meta, "paragraphs": paras, "sentences": sents,
            "edits": edits, "n_words": n_words,
            "n_sentences": sum(1 for s in sents if s["kind"] == "body"),
            "n_paragraphs": sum(1 for p in paras if p["kind"] == "body")}


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == ""


def _cross_check(meta_row: dict, found: dict, label: str) -> list[str]:
    """Fill empty metadata from what the text carries; warn where the two disagree."""
    notes = []
    if found.get("date"):
        if _blank(meta_row.get("date")):
            meta_row["date"] = found["date"]
        elif str(meta_row["date"])[:10] != found["date"][:10]:
            notes.append(f"{label}: manifest date {meta_row['date']} but the text's date line says {found['date']}")
    if found.get("credit"):
        if _blank(meta_row.get("outlet")):
            meta_row["outlet"] = found["credit"]
        else:
            said = canonical_outlet(str(meta_row["outlet"])) or str(meta_row["outlet"])
            if said != found["credit"]:
                notes.append(f"{label}: manifest outlet {meta_row['outlet']!r} but the text credits {found['credit']!r}")
    for key in ("dateline", "credit"):
        meta_row.setdefault(key, found.get(key))
    return notes


def _record_meta(rec: dict, found: dict, text: str, seen_text: dict[str, str] | None,
                 warn_rows: list[dict]) -> tuple[dict, list[str]]:
    """An article's metadata after checking it against its text, and its warning messages.

    Fills empty metadata from what cleaning found (date line, credit), notes disagreements
    and a text already seen (``seen_text``: digest -> article id, updated; None: not
    checked here), appending the warning rows to ``warn_rows``.  Shared by the loader and
    :mod:`analysis.features`.
    """
    aid = rec["article_id"]
    label = rec.get("file") or f"article {aid}"
    meta = {k: v for k, v in rec.items() if k not in ("raw_text", "_warnings")}
    notes = _cross_check(meta, found, label)
    for note in notes:
        warn_rows.append({"article_id": aid, "file": rec.get("file"), "code": "metadata_mismatch", "message": note})
    if seen_text is not None:
        msg = _duplicate_note(aid, label, _digest(text), seen_text)
        if msg:
            notes.append(msg)
            warn_rows.append({"article_id": aid, "file": rec.get("file"), "code": "duplicate_text", "message": msg})
    notes += [w["message"] for w in rec.get("_warnings", [])]
    return meta, notes


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _duplicate_note(aid: str, label: str, digest: str, seen_text: dict[str, str]) -> str | None:
    """The warning for a clean text already seen (``seen_text``: digest -> first article id)."""
    first = seen_text.setdefault(digest, aid)
    return None if first == aid else f"{label}: same text as article {first}"


def _rows_for(pair: tuple[str, str]) -> dict:
    return _article_rows(*pair)


def _map_articles(records: list[dict], workers: int = 1):
    """Per-article cleaning and splitting, in worker processes when ``workers > 1``.

    Results come back in input order, so the corpus is identical whatever ``workers`` is.
    """
    pairs = [(rec["article_id"], rec["raw_text"]) for rec in records]
    if workers <= 1 or len(pairs) < 2 * workers:
        return map(_rows_for, pairs)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_rows_for, pairs, chunksize=max(1, len(pairs) // (workers * 8))))


def _build(records: list[dict], name: str = "", path: Path | None = None, title: str = "",
           warnings: list[dict] | None = None, workers: int = 1) -> Corpus:
    """Assemble a Corpus from records with ``article_id``, ``raw_text`` and metadata."""
    warn_rows = list(warnings or [])
    arts, paras, sents, edits = [], [], [], []
    seen_text: dict[str, str] = {}
    for rec, rows in zip(records, _map_articles(records, workers)):
        meta, notes = _record_meta(rec, rows["meta"], rows["text"], seen_text, warn_rows)
        arts.append({**meta, "raw_text": rec["raw_text"], "text": rows["text"], "n_words": rows["n_words"],
                     "n_sentences": rows["n_sentences"], "n_paragraphs": rows["n_paragraphs"],
                     "warnings": tuple(notes)})
        paras += rows["paragraphs"]
        sents += rows["sentences"]
        edits += rows["edits"]
    # A handful of warnings are shown one by one; many (a large corpus) as one summary.
    if len(warn_rows) <= 5:
        for w in warn_rows:
            _warnings.warn(w["message"], CorpusWarning, stacklevel=3)
    else:
        codes = pd.Series([w["code"] for w in warn_rows]).value_counts()
        summary = ", ".join(f"{n} {code}" for code, n in codes.items())
        _warnings.warn(f"{len(warn_rows)} warnings recorded ({summary}); see corpus.warnings",
                       CorpusWarning, stacklevel=3)
    articles = pd.DataFrame(arts)
    if articles.empty:
        articles = pd.DataFrame(columns=["article_id", *ARTICLE_COLUMNS])
    for col in ARTICLE_COLUMNS:
        if col not in articles:
            articles[col] = None
    extra = [c for c in articles.columns if c not in ARTICLE_COLUMNS and c != "article_id"]
    articles = articles[["article_id", *ARTICLE_COLUMNS, *extra]].set_index("article_id")
    articles.index = articles.index.astype(str)
    para_cols = ["article_id", "para_id", "kind", "start", "end", "text"]
    sent_cols = ["article_id", "sent_id", "para_id", "kind", "start", "end", "text"]
    return Corpus(
        articles=articles,
        paragraphs=pd.DataFrame(paras, columns=para_cols),
        sentences=pd.DataFrame(sents, columns=sent_cols),
        edits=edits_frame(edits),
        warnings=pd.DataFrame(warn_rows, columns=["article_id", "file", "code", "message"]),
        name=name, path=path, title=title,
    )


# --------------------------------------------------------------------------- decoding

def decode_bytes(data: bytes, label: str) -> tuple[str, str, list[str]]:
    """Decode a file's bytes: UTF-8 (with or without BOM), else Windows-1252 with a warning.

    Returns ``(text, encoding, warnings)``; raises :class:`CorpusError` for binary data,
    for bytes neither encoding can read, and for an empty or whitespace-only file.

    >>> decode_bytes("café".encode("cp1252"), "x.txt")[1:]
    ('cp1252', ['x.txt: not UTF-8; read as Windows-1252 (cp1252), as text pasted from Word often is'])
    """
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise CorpusError(f"{label}: looks like a binary file, not text (save the article as .txt)")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        notes: list[str] = []
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise CorpusError(
                f"{label}: byte {data[exc.start]:#04x} at offset {exc.start} is neither UTF-8 nor "
                "Windows-1252; re-save the file as UTF-8") from None
        encoding = "cp1252"
        notes = [f"{label}: not UTF-8; read as Windows-1252 (cp1252), as text pasted from Word often is"]
    if not text.strip():
        raise CorpusError(f"{label}: the file is empty or holds only whitespace")
    return text, encoding, notes


def _looks_binary(head: bytes) -> bool:
    """Many control bytes other than tab/newline/carriage return: not a text file."""
    if not head:
        return False
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return ctrl / len(head) > 0.05


# --------------------------------------------------------------------------- entry points

def load_event(folder: str | Path) -> Corpus:
    """Load an event folder: ``manifest.csv`` plus the article files it lists.

    ``manifest.csv`` needs ``article_id`` and ``file`` (relative to the folder);
    ``outlet``, ``title``, ``date``, ``url``, ``byline`` and ``notes`` are optional, and any
    other column is kept as metadata.  Metadata the text carries (a date line, a credit, a
    dateline) fills empty fields and is cross-checked against filled ones.

    >>> corpus = load_event("data/events/ukraine-weapons-2024-05")  # doctest: +SKIP
    >>> corpus.articles.outlet.tolist()  # doctest: +SKIP
    ['AP', 'CNN', 'NYT', 'Rewrite', 'Scripps']
    """
    folder = Path(folder)
    if not folder.exists():
        raise CorpusError(f"{folder}: no such event folder")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder (an event is a folder with manifest.csv)")
    manifest = folder / "manifest.csv"
    if not manifest.is_file():
        raise CorpusError(f"{folder}: no manifest.csv (see data/README.md for its columns)")
    rows = _read_manifest(manifest)
    warn_rows: list[dict] = []
    records = []
    listed = set()
    for row in rows:
        rel = row["file"].strip()
        path = folder / rel
        listed.add(path.resolve())
        if (row.get("source_file") or "").strip():  # an original kept beside its text (new-event)
            listed.add((folder / row["source_file"].strip()).resolve())
        if not path.is_file():
            raise CorpusError(f"{manifest}: article {row['article_id']} lists file {rel!r}, which does not exist")
        text, encoding, notes = decode_bytes(path.read_bytes(), str(path))
        for note in notes:
            warn_rows.append({"article_id": row["article_id"], "file": str(path), "code": "encoding", "message": note})
        meta = {k: (None if _blank(v) else v.strip()) for k, v in row.items() if k is not None}
        meta.update(file=rel, encoding=encoding, raw_text=text,
                    _warnings=[{"message": n} for n in notes])
        records.append(meta)
    art_dir = folder / "articles"
    if art_dir.is_dir():
        for p in sorted(art_dir.iterdir()):
            if p.is_file() and not p.name.startswith(".") and p.resolve() not in listed:
                warn_rows.append({"article_id": None, "file": str(p), "code": "unlisted_file",
                                  "message": f"{p}: in articles/ but not listed in manifest.csv (not loaded)"})
    return _build(records, name=folder.name, path=folder, title=_event_title(folder), warnings=warn_rows)


def _read_manifest(manifest: Path) -> list[dict]:
    """Rows of manifest.csv as dicts of strings, checked for the required columns and ids."""
    try:
        text, _, _ = decode_bytes(manifest.read_bytes(), str(manifest))
    except CorpusError as exc:
        raise CorpusError(f"{exc} (manifest.csv must be a CSV file with a header row)") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusError(f"{manifest}: missing required column(s) {', '.join(missing)}; "
                          f"found {', '.join(header) or 'no header'}")
    rows, seen = [], {}
    for line, row in enumerate(reader, start=2):
        aid = (row.get("article_id") or "").strip()
        if not aid:
            raise CorpusError(f"{manifest}, line {line}: empty article_id")
        if not (row.get("file") or "").strip():
            raise CorpusError(f"{manifest}, line {line}: article {aid} has no file")
        if aid in seen:
            raise CorpusError(f"{manifest}, line {line}: duplicate article_id {aid!r} (first on line {seen[aid]})")
        seen[aid] = line
        row["article_id"] = aid
        rows.append(row)
    if not rows:
        raise CorpusError(f"{manifest}: lists no articles")
    return rows


def _event_title(folder: Path) -> str:
    """The first Markdown heading of the event's README.md, else the folder name."""
    readme = folder / "README.md"
    if readme.is_file():
        for line in readme.read_text("utf-8", errors="replace").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return folder.name


def from_texts(texts: Mapping[str, str], **metadata: Mapping[str, str]) -> Corpus:
    """A Corpus from ``{article_id: raw text}``; optional metadata as ``{article_id: value}``.

    >>> c = from_texts({"ap": "WASHINGTON (AP) — Biden agreed.", "cnn": "Biden said yes."},
    ...                outlet={"cnn": "CNN"})
    >>> c.articles[["outlet", "dateline", "text"]].fillna("").values.tolist()
    [['AP', 'WASHINGTON', 'Biden agreed.'], ['CNN', '', 'Biden said yes.']]
    """
    records = []
    for aid, raw in texts.items():
        rec = {"article_id": str(aid), "text": raw}
        for key, values in metadata.items():
            rec[key] = values.get(aid)
        records.append(rec)
    return from_records(records)


def from_records(records: pd.DataFrame | Iterable[Mapping], text_column: str = "text",
                 workers: int = 1, warnings: list[dict] | None = None) -> Corpus:
    """A Corpus from a DataFrame or dicts with a ``text`` column; other columns are metadata.

    Rows without an ``article_id`` are numbered.  A row whose text is missing or blank is
    skipped with a recorded warning, never silently.  ``workers > 1`` cleans and splits the
    articles in that many processes, with the same result.  ``warnings`` are rows
    (``article_id, file, code, message``) found while reading the records, to keep with them.

    >>> c = from_records([{"text": "Kyiv said no.", "outlet": "A"}, {"text": "  "}])
    >>> len(c), c.warnings.code.tolist()
    (1, ['empty_text'])
    """
    if isinstance(records, pd.DataFrame):
        frame = records.reset_index() if records.index.name == "article_id" else records
        rows = frame.to_dict("records")
    else:
        rows = [dict(r) for r in records]
    if rows and not any(text_column in r for r in rows):
        raise CorpusError(f"records have no {text_column!r} column; columns: {sorted(rows[0])}")
    out, warn_rows, seen = [], list(warnings or []), set()
    for i, row in enumerate(rows):
        aid = row.get("article_id")
        aid = f"{i:03d}" if _blank(aid) else str(aid)
        if aid in seen:
            raise CorpusError(f"record {i}: duplicate article_id {aid!r}")
        seen.add(aid)
        raw = row.get(text_column)
        if _blank(raw) or not isinstance(raw, str):
            warn_rows.append({"article_id": aid, "file": row.get("file"), "code": "empty_text",
                              "message": f"record {i} (article {aid}): no text; skipped"})
            continue
        meta = {k: (None if _blank(v) else v) for k, v in row.items() if k not in (text_column, "article_id")}
        out.append({**meta, "article_id": aid, "raw_text": raw})
    return _build(out, warnings=warn_rows, workers=workers)

