"""Articles and the Corpus: each article cleaned and split once, loaded from a folder or memory.

:func:`split_article` is the one place an article's raw text becomes an :class:`Article`
record (clean text, paragraphs with their kinds, sentences, the edit log, checked metadata);
a :class:`Corpus` is a collection of records with tidy DataFrame views (``articles``,
``paragraphs``, ``sentences``, ``edits``, ``warnings``) and a memo of what the analyses
computed for it.  Loading checks its input and says what is wrong with which file
(:class:`CorpusError`), or records a warning (``Corpus.warnings``) when the problem need not
stop the work.  Loading knows nothing of the analyses: it decodes, cleans
(``analysis.clean``), and splits into paragraphs and sentences (``analysis.text``).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import os
import warnings as _warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Hashable, Iterable, Iterator, Mapping, NamedTuple, TypeVar

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

__all__ = ["Article", "Corpus", "CorpusError", "CorpusWarning", "Paragraph", "Sentence", "load_event",
           "from_texts", "from_records", "make_corpus", "memoized", "split_article"]

T = TypeVar("T")

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


class Paragraph(NamedTuple):
    """One paragraph of an article: offsets into the clean text and its kind."""

    para_id: int
    start: int
    end: int
    kind: str  # body, subhead or title


class Sentence(NamedTuple):
    """One sentence of an article: offsets into the clean text, its paragraph and that one's kind."""

    sent_id: int
    para_id: int
    start: int
    end: int
    kind: str


@dataclass(frozen=True, eq=False)
class Article:
    """One article, cleaned and split once: the record every analysis reads.

    Made by :func:`split_article`; a :class:`Corpus` is a collection of them.  Offsets
    (``paragraphs``, ``sentences``) are into ``text``, the clean text; ``edits`` is the
    cleaning log in raw-text coordinates (``rebuild_raw``), ``meta`` the article's
    metadata after it was checked against what the text says (date line, dateline, credit),
    ``warnings`` the ``(code, message)`` pairs worth a look, ``n_words`` the body words.

    >>> a = split_article("WASHINGTON (AP) — Biden agreed. Aides left.", "x")
    >>> a.outlet, a.text, [s.kind for s in a.sentences], a.n_words
    ('AP', 'Biden agreed. Aides left.', ['body', 'body'], 4)
    """

    article_id: str
    raw_text: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    edits: tuple[dict, ...] = ()
    meta: Mapping[str, object] = field(default_factory=dict)
    warnings: tuple[tuple[str, str], ...] = ()
    n_words: int = 0

    @property
    def outlet(self) -> str:
        """The outlet, falling back to the article id when it is unknown."""
        outlet = self.meta.get("outlet")
        return self.article_id if _blank(outlet) else str(outlet)

    @property
    def n_sentences(self) -> int:
        """Sentences in body paragraphs."""
        return sum(1 for s in self.sentences if s.kind == "body")

    @property
    def n_paragraphs(self) -> int:
        """Body paragraphs."""
        return sum(1 for p in self.paragraphs if p.kind == "body")

    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of kind ``body`` (no title or subheads): what body measures read."""
        return tuple(s for s in self.sentences if s.kind == "body")

    def rebuild_raw(self) -> str:
        """The raw text, rebuilt from the clean text and the edit log."""
        return rebuild_raw(self.text, self.edits)


def _paragraph_kind(text: str, i: int, n: int) -> str:
    """``title`` for a heading-like first line, ``subhead`` for one later, else ``body``."""
    if n > 1 and is_heading_like(text):
        return "title" if i == 0 else "subhead"
    return "body"


def split_text(result: CleanResult) -> tuple[tuple[Paragraph, ...], tuple[Sentence, ...], int]:
    """Paragraphs, sentences and the body word count of a cleaned text.

    >>> paras, sents, n = split_text(clean_text("A Heading Line\\nOne here. Two there."))
    >>> [p.kind for p in paras], [(s.para_id, s.kind) for s in sents], n
    (['title', 'body'], [(0, 'title'), (1, 'body'), (1, 'body')], 4)
    """
    text = result.text
    spans = paragraph_spans(text)
    paras = tuple(Paragraph(pid, a, b, _paragraph_kind(text[a:b], pid, len(spans)))
                  for pid, (a, b) in enumerate(spans))
    sents: list[Sentence] = []
    for para, in_para in zip(paras, sentences_by_paragraph(text, spans)):
        for s, e in in_para:
            sents.append(Sentence(len(sents), para.para_id, s, e, para.kind))
    # Words never span a newline, so the body's words are the text's minus those of titles
    # and subheads: one regex pass over the text instead of one per paragraph.
    n_words = count_words(text) - sum(count_words(text[p.start:p.end]) for p in paras if p.kind != "body")
    return paras, tuple(sents), n_words


def split_article(raw_text: str, article_id: str = "", meta: Mapping | None = None, *,
                  cleaned: CleanResult | None = None, notes: Iterable[tuple[str, str]] = ()) -> Article:
    """Clean one raw text and split it into an :class:`Article`: the one place this happens.

    ``meta`` is the article's metadata (outlet, title, date, url, byline, file, ... and any
    other field); empty fields are filled from what cleaning read off the text (a date line,
    a credit, a dateline) and filled ones are cross-checked against it, with a warning where
    they disagree.  ``cleaned``: the :func:`analysis.clean.clean_text` result of
    ``raw_text`` when the caller already has it; ``notes``: ``(code, message)`` warnings
    found while reading it (its encoding, say), kept with it.

    >>> a = split_article("date 2024-05-31 Biden agreed.", "x", {"outlet": "AP", "date": "2024-06-01"})
    >>> a.meta["date"], [code for code, _ in a.warnings]
    ('2024-06-01', ['metadata_mismatch'])
    """
    result = cleaned if cleaned is not None else clean_text(raw_text)
    paras, sents, n_words = split_text(result)
    meta_row = {k: v for k, v in (meta or {}).items() if k not in _NOT_META}
    label = meta_row.get("file") or f"article {article_id}"
    found = tuple(("metadata_mismatch", n) for n in _cross_check(meta_row, result.meta, str(label)))
    return Article(article_id=str(article_id), raw_text=raw_text, text=result.text, paragraphs=paras,
                   sentences=sents, edits=tuple(result.edits), meta=meta_row,
                   warnings=tuple(notes) + found, n_words=n_words)


_NOT_META = frozenset({"raw_text", "text", "article_id", "_warnings"})


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


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class DuplicateFinder:
    """Notes articles whose clean text was seen before, in the order they come.

    One instance follows a whole input, so chunks processed apart (worker processes,
    Dask partitions) still find every duplicate, as one corpus would.

    >>> dup = DuplicateFinder()
    >>> dup.note("a", "Same text.", "a.txt"), dup.note("b", "Same text.", "b.txt")
    (None, 'b.txt: same text as article a')
    """

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def note(self, article_id: str, text: str, label: str | None = None, digest: str | None = None) -> str | None:
        """The warning for an article whose text was seen already, else None."""
        first = self.first.setdefault(digest or _digest(text), article_id)
        return None if first == article_id else f"{label or f'article {article_id}'}: same text as article {first}"


def with_duplicates_noted(articles: Iterable[Article], finder: DuplicateFinder | None = None) -> Iterator[Article]:
    """The articles, each one whose text came before carrying a ``duplicate_text`` warning."""
    finder = finder or DuplicateFinder()
    for art in articles:
        msg = finder.note(art.article_id, art.text, art.meta.get("file"))
        yield replace(art, warnings=art.warnings + (("duplicate_text", msg),)) if msg else art


def _split_record(rec: dict) -> Article:
    notes = [(w.get("code", "note"), w["message"]) for w in rec.get("_warnings", ())]
    return split_article(rec["raw_text"], rec["article_id"], rec, notes=notes)


def split_records(records: list[dict], workers: int = 1) -> list[Article]:
    """:func:`split_article` over records (``article_id``, ``raw_text``, metadata), in order.

    ``workers > 1`` splits in that many processes; the result is the same.
    """
    workers = capped_workers(workers)
    if workers <= 1 or len(records) < 2 * workers:
        return [_split_record(rec) for rec in records]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_split_record, records, chunksize=max(1, len(records) // (workers * 8))))


def capped_workers(workers: int) -> int:
    """``workers``, checked, and capped at the cores this process may use (with a warning).

    >>> capped_workers(1)
    1
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number of processes, 1 or more (got {workers!r})")
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    if workers > cores:
        _warnings.warn(f"workers={workers} but this machine lets the process use {cores} core(s); "
                       f"using {cores}", CorpusWarning, stacklevel=3)
        return cores
    return workers


def _warn_rows(rows: list[dict], where: str = "; see corpus.warnings") -> None:
    """Show recorded warnings: a handful one by one, many (a large corpus) as one summary."""
    if len(rows) <= 5:
        for w in rows:
            _warnings.warn(w["message"], CorpusWarning, stacklevel=4)
        return
    codes = pd.Series([w["code"] for w in rows]).value_counts()
    summary = ", ".join(f"{n} {code}" for code, n in codes.items())
    _warnings.warn(f"{len(rows)} warnings recorded ({summary}){where}", CorpusWarning, stacklevel=4)


def article_warning_rows(art: Article) -> list[dict]:
    """An article's warnings as rows of ``Corpus.warnings``."""
    return [{"article_id": art.article_id, "file": art.meta.get("file"), "code": code, "message": msg}
            for code, msg in art.warnings]


_MEMO_VALUE_TYPES = (str, int, float, bool, type(None), bytes)


def _memo_key(value) -> Hashable | None:
    """``value`` as a memo key, or None when it cannot be one (a DataFrame, a list, ...)."""
    if isinstance(value, _MEMO_VALUE_TYPES):
        return value
    if isinstance(value, (tuple, frozenset)):
        parts = [_memo_key(v) for v in value]
        return None if any(p is None and v is not None for p, v in zip(parts, value)) else (type(value).__name__, *parts)
    return None


def memoized(func: Callable[..., T]) -> Callable[..., T]:
    """Decorate a public analysis ``func(corpus, ...)`` so a Corpus computes it at most once.

    The result is kept in the corpus's memo (:meth:`Corpus.memo`) under the function's name
    and its arguments, when all of them are plain values (strings, numbers, None, tuples of
    those); with any other argument (a DataFrame passed in, a list) the function just runs.
    A DataFrame (or a tuple of them) is handed out as a copy, so changing a result never
    changes what the next caller gets.
    """
    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def wrapper(corpus, *args, **kwargs):
        if not isinstance(corpus, Corpus):
            return func(corpus, *args, **kwargs)
        key = _memo_key((name, tuple(args), tuple(sorted(kwargs.items()))))
        if key is None:
            return func(corpus, *args, **kwargs)
        return _handed_out(corpus.memo(key, lambda: func(corpus, *args, **kwargs)))

    return wrapper


def _handed_out(value):
    if isinstance(value, pd.DataFrame):
        return value.copy()
    if isinstance(value, tuple):
        return tuple(_handed_out(v) for v in value)
    return value


PARAGRAPH_COLUMNS = ["article_id", "para_id", "kind", "start", "end", "text"]
SENTENCE_COLUMNS = ["article_id", "sent_id", "para_id", "kind", "start", "end", "text"]
WARNING_COLUMNS = ["article_id", "file", "code", "message"]


@dataclass(frozen=True, eq=False)
class Corpus:
    """Articles about one event: a collection of :class:`Article` records, with tidy views.

    Attributes
    ----------
    records : the :class:`Article` records, in corpus order (``for art in corpus``).
    articles : one row per article, indexed by ``article_id``: metadata, ``raw_text``,
        ``text`` (clean), body ``n_words``/``n_sentences``/``n_paragraphs``, ``warnings``.
    paragraphs : ``article_id, para_id, kind, start, end, text``; kind is ``body``,
        ``subhead`` or ``title``.
    sentences : ``article_id, sent_id, para_id, kind, start, end, text``.
    edits : every change cleaning made (``analysis.clean``), in raw-text coordinates.
    warnings : ``article_id, file, code, message`` for everything worth a look.

    The four frames are views of the records, built when first read.  Offsets are
    character offsets into ``articles.text``.  A corpus never changes; the analyses keep
    what they computed for it in its memo (see :meth:`memo`), so each is computed at most
    once per corpus and shared by every caller.

    >>> c = from_texts({"a": "One. Two.", "b": "Three."})
    >>> c
    Corpus(2 articles, 3 sentences, 0 warnings)
    >>> c.sentences.text.tolist(), [art.n_sentences for art in c]
    (['One.', 'Two.', 'Three.'], [2, 1])
    """

    records: tuple[Article, ...]
    load_warnings: tuple[dict, ...] = ()
    name: str = ""
    path: Path | None = None
    title: str = ""
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __repr__(self) -> str:
        n_sent = sum(len(a.sentences) for a in self.records)
        return f"Corpus({len(self.records)} articles, {n_sent} sentences, {len(self.warnings)} warnings)"

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.records)

    @property
    def ids(self) -> list[str]:
        """Article ids in corpus order."""
        return [a.article_id for a in self.records]

    def article(self, article_id: str) -> Article:
        """The record of one article."""
        try:
            return self._by_id[article_id]
        except KeyError:
            raise KeyError(f"no article {article_id!r} in this corpus (ids: {', '.join(self.ids[:10])}"
                           f"{', ...' if len(self) > 10 else ''})") from None

    @functools.cached_property
    def _by_id(self) -> dict[str, Article]:
        return {a.article_id: a for a in self.records}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value of ``compute()`` for ``key``, computed at most once for this corpus.

        Analyses keep their results here (see :func:`memoized`); the report fills it once
        and the notebooks and annotated pages read from it.  Values are treated as
        read-only: :func:`memoized` hands out copies.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def text(self, article_id: str) -> str:
        """The clean text of one article."""
        return self.article(article_id).text

    @functools.cached_property
    def articles(self) -> pd.DataFrame:
        rows = [{"article_id": a.article_id, **a.meta, "raw_text": a.raw_text, "text": a.text,
                 "n_words": a.n_words, "n_sentences": a.n_sentences, "n_paragraphs": a.n_paragraphs,
                 "warnings": tuple(m for _c, m in a.warnings)} for a in self.records]
        frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=["article_id", *ARTICLE_COLUMNS])
        for col in ARTICLE_COLUMNS:
            if col not in frame:
                frame[col] = None
        extra = [c for c in frame.columns if c not in ARTICLE_COLUMNS and c != "article_id"]
        frame = frame[["article_id", *ARTICLE_COLUMNS, *extra]].set_index("article_id")
        frame.index = frame.index.astype(str)
        return frame

    @functools.cached_property
    def paragraphs(self) -> pd.DataFrame:
        rows = [(a.article_id, p.para_id, p.kind, p.start, p.end, a.text[p.start:p.end])
                for a in self.records for p in a.paragraphs]
        return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        rows = [(a.article_id, s.sent_id, s.para_id, s.kind, s.start, s.end, a.text[s.start:s.end])
                for a in self.records for s in a.sentences]
        return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)

    @functools.cached_property
    def edits(self) -> pd.DataFrame:
        return edits_frame([{"article_id": a.article_id, **e} for a in self.records for e in a.edits])

    @functools.cached_property
    def warnings(self) -> pd.DataFrame:
        rows = list(self.load_warnings) + [r for a in self.records for r in article_warning_rows(a)]
        return pd.DataFrame(rows, columns=WARNING_COLUMNS)

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
        return self.article(article_id).rebuild_raw()

    def outlet_of(self) -> pd.Series:
        """``outlet`` per article, falling back to the article id when the outlet is unknown."""
        out = self.articles["outlet"].fillna("").astype(str)
        return out.where(out != "", pd.Series(self.articles.index, index=self.articles.index))


def make_corpus(articles: Iterable[Article], load_warnings: Iterable[dict] = (), *, name: str = "",
                path: Path | None = None, title: str = "", show_warnings: bool = True) -> Corpus:
    """A Corpus of article records, with duplicate texts noted and the warnings shown once.

    >>> c = make_corpus([split_article("Same.", "a"), split_article("Same.", "b")], show_warnings=False)
    >>> c.warnings.code.tolist()
    ['duplicate_text']
    """
    corpus = Corpus(records=tuple(with_duplicates_noted(articles)), load_warnings=tuple(load_warnings),
                    name=name, path=path, title=title)
    if show_warnings:
        rows = corpus.warnings.to_dict("records")
        if rows:
            _warn_rows(rows)
    return corpus


def _build(records: list[dict], name: str = "", path: Path | None = None, title: str = "",
           warnings: list[dict] | None = None, workers: int = 1) -> Corpus:
    """A Corpus from records with ``article_id``, ``raw_text`` and metadata."""
    return make_corpus(split_records(records, workers), warnings or (), name=name, path=path, title=title)


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
        meta = {k: (None if _blank(v) else v.strip()) for k, v in row.items() if k is not None}
        meta.update(file=rel, encoding=encoding, raw_text=text,
                    _warnings=[{"code": "encoding", "message": n} for n in notes])
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


def records_with_ids(rows: Iterable[Mapping], warn_rows: list[dict], text_column: str = "text") -> Iterator[dict]:
    """Records ready to split: ``article_id`` (given, else the position), ``raw_text`` and metadata.

    Ids must be unique over the whole input; a record whose text is missing or blank is
    skipped with a row in ``warn_rows``, never silently; blank metadata becomes None.  A
    generator, so a stream of any length is checked record by record (what
    :func:`from_records` and :func:`analysis.features_from_records` both read).

    >>> notes = []
    >>> [r["article_id"] for r in records_with_ids([{"text": "A."}, {"text": ""}, {"article_id": 7, "text": "B."}], notes)]
    ['000', '7']
    >>> [n["code"] for n in notes]
    ['empty_text']
    """
    seen: set[str] = set()
    first_keys, any_text, n = None, False, 0
    for i, row in enumerate(rows):
        n += 1
        if not isinstance(row, Mapping):
            raise TypeError(f"record {i} is a {type(row).__name__}, not a dict")
        first_keys = first_keys if first_keys is not None else sorted(map(str, row))
        any_text = any_text or text_column in row
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
        yield {**meta, "article_id": aid, "raw_text": raw}
    if n and not any_text:
        raise CorpusError(f"records have no {text_column!r} column; columns: {first_keys} "
                          "(pass text_column= / text_field= to name the field that holds the text)")


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
        records = frame.to_dict("records")
    warn_rows = list(warnings or [])
    out = list(records_with_ids(records, warn_rows, text_column))
    return _build(out, warnings=warn_rows, workers=workers)
