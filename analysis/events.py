"""Make a new event folder from article files (``python -m analysis new-event``).

Plain-text files are copied byte for byte.  From an HTML page the main text is extracted
with trafilatura (an optional extra: ``pip install -e ".[html]"``), after decoding the page
in the charset it declares (a byte-order mark, ``<meta charset>`` or ``http-equiv``); the
page itself is kept beside the extracted text and named in the manifest's ``source_file``
column, so nothing is lost.  The manifest is pre-filled with what the page says (title,
date, author, site, URL) and left for the user to complete.  Anything worth a look (a
page decoded with replacements, say) is noted in the manifest's ``notes`` and reported as a
:class:`analysis.CorpusWarning`.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import shutil
import warnings as _warnings
from pathlib import Path

from .corpus import CorpusError, CorpusWarning, _looks_binary, _show, decode_bytes
from .display import upper_first

__all__ = ["new_event", "html_to_text", "decode_html"]

MANIFEST_COLUMNS = ["article_id", "file", "source_file", "outlet", "title", "date", "url", "byline", "notes"]
# Well below the 255 bytes a file name may have on common file systems, with room for the
# report's staging and marker names.
MAX_NAME = 100


def _slug(text: str, limit: int = 40) -> str:
    """A file-name-safe slug.

    >>> _slug("CNN: Biden's Decision (May 2024).html")
    'cnn-biden-s-decision-may-2024-html'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit] or "article"


# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, and
# an XML declaration's encoding: read from the bytes, as a browser's pre-scan does.
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)""", re.I)
# Labels that mean another encoding on the web (the WHATWG Encoding Standard): pages that say
# Latin-1 or ASCII are read as Windows-1252, GB2312 and GBK as their superset GB18030, and a
# page whose bytes can be scanned for a meta tag cannot be UTF-16.
_WEB_LABELS = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
               "us-ascii": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
               "x-gbk": "gb18030", "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
               "x-sjis": "shift_jis", "x-user-defined": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 8 KB, as written, or None.

    >>> declared_charset(b'<html><head><meta charset="windows-1251"><title>x')
    'windows-1251'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">')
    'KOI8-R'
    """
    head = data[:8192]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def decode_html(data: bytes, label: str) -> tuple[str, str, list[str]]:
    """Decode an HTML page: by its byte-order mark, else the charset it declares, else as
    :func:`analysis.corpus.decode_bytes` decodes a text file.  Returns ``(html, encoding,
    warnings)``.

    A page that declares a single-byte charset but whose bytes are valid UTF-8 beyond ASCII
    is read as UTF-8 (a template's stale declaration; the other reading would garble every
    non-ASCII letter), with a warning; bytes invalid in the declared charset become U+FFFD,
    with a warning.

    >>> page = '<meta charset="windows-1251"><p>Київ</p>'.encode("cp1251")
    >>> decode_html(page, "p.html")[:2]
    ('<meta charset="windows-1251"><p>Київ</p>', 'cp1251')
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return decode_bytes(data, label)  # a byte-order mark outranks any declaration
    declared = declared_charset(data)
    if declared is None:
        return decode_bytes(data, label)
    name = _WEB_LABELS.get(declared.lower(), declared)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        text, encoding, notes = decode_bytes(data, label)
        return text, encoding, [f"{label}: declares charset {declared!r}, which is not known here; "
                                f"read as {encoding}", *notes]
    if codec == "utf-8":
        return decode_bytes(data, label)
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise CorpusError(f"{label}: looks like a binary file, not an HTML page")
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if as_utf8 is not None and not as_utf8.isascii():
        return as_utf8, "utf-8", [f"{label}: declares charset {declared!r} but its bytes are valid UTF-8; "
                                  "read as UTF-8"]
    notes: list[str] = []
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        text = data.decode(codec, errors="replace")
        notes.append(f"{label}: byte {data[exc.start]:#04x} at offset {exc.start} is not valid {declared}, "
                     "the charset the page declares; such bytes read as U+FFFD (the file is kept as it is)")
    if not text.strip():
        raise CorpusError(f"{label}: the file is empty or holds only whitespace")
    return text, codec, notes


def html_to_text(html: str, label: str = "page") -> tuple[str, dict]:
    """Main text and metadata of an HTML page, with trafilatura.

    Returns ``(text, metadata)``; metadata keys: ``title``, ``date``, ``byline``, ``outlet``,
    ``url`` (empty strings when the page does not say).  Paragraph breaks are kept.

    >>> text, meta = html_to_text(open("tests/fixtures/page.html").read())  # doctest: +SKIP
    """
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise CorpusError(f"{label}: reading HTML needs trafilatura; install the project with "
                          "the html extra: pip install -e \".[html]\"") from None
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
        # Not the extensive date search: it reads a date out of any text of the page, and a
        # page that gives none gets its copyright line's year as 1 January ("© 2024" -> 2024-01-01).
        meta = trafilatura.extract_metadata(html, extensive=False) if text and text.strip() else None
    except Exception as exc:  # noqa: BLE001 - a parser failing on an odd page: one line, named
        raise CorpusError(f"{label}: the HTML page could not be read ({type(exc).__name__}: "
                          f"{str(exc).splitlines()[0] if str(exc) else ''}); save the article as .txt") from None
    if not text or not text.strip():
        raise CorpusError(f"{label}: no article text found in the HTML page")
    info = {
        "title": getattr(meta, "title", None) or "",
        "date": getattr(meta, "date", None) or "",
        "byline": getattr(meta, "author", None) or "",
        "outlet": getattr(meta, "sitename", None) or "",
        "url": getattr(meta, "url", None) or "",
    }
    return text.strip() + "\n", info


def _check_name(name: str) -> None:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
        raise CorpusError(f"{_show(name)!r}: an event name starts with a letter or digit and uses letters, "
                          "digits, '-', '_' or '.'")
    if len(name) > MAX_NAME:
        raise CorpusError(f"the event name is {len(name)} characters long; use at most {MAX_NAME} "
                          f"(e.g. {name[:30]!r})")


def _check_root(root: Path) -> None:
    """``root`` must be a folder we may create the event in (made if missing)."""
    if "\x00" in os.fspath(root):
        raise CorpusError(f"{_show(root)}: a folder name cannot hold a NUL character")
    try:
        if root.exists() and not root.is_dir():
            raise CorpusError(f"--root {_show(root)}: a file, not a folder; give the folder the events live in")
        root.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise CorpusError(f"--root {_show(root)}: a file stands where a folder must be; give another --root") from None
    except OSError as exc:
        raise CorpusError(f"--root {_show(root)}: cannot be created ({exc.strerror or exc}); "
                          "choose a folder you can write to") from None


def _read_input(p: Path) -> bytes:
    """The bytes of one input file, or a CorpusError naming it."""
    if "\x00" in os.fspath(p):
        raise CorpusError(f"{_show(p)}: a file name cannot hold a NUL character")
    try:
        if p.is_dir():
            raise CorpusError(f"{_show(p)}: a folder, not a file; list the article files themselves")
        if not p.is_file():
            raise CorpusError(f"{_show(p)}: no such file")
        if p.suffix.lower() not in (".txt", ".html", ".htm"):
            raise CorpusError(f"{_show(p)}: only .txt and .html files can be added")
        return p.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{_show(p)}: cannot be read ({exc.strerror or exc}); check that you may read it") from None


def new_event(name: str, files: list[str | Path], root: str | Path = "data/events") -> Path:
    """Create ``root/name`` with ``articles/``, a ``manifest.csv`` to complete and a README.

    Every problem is a :class:`analysis.CorpusError` naming the file and raised before
    anything is written; if writing fails or is interrupted, the half-made folder is removed.

    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "a.txt").write_text("WASHINGTON (AP) — Biden agreed.")
    >>> folder = new_event("my-event", [tmp / "a.txt"], root=tmp / "events")
    >>> sorted(p.name for p in (folder / "articles").iterdir())
    ['000_a.txt']
    """
    _check_name(name)
    root = Path(root)
    folder = root / name
    if folder.exists() or folder.is_symlink():
        raise CorpusError(f"{_show(folder)}: already exists; choose another name or remove it")
    paths = [Path(f) for f in files]
    if not paths:
        raise CorpusError("new-event needs at least one .txt or .html file")
    contents = [_read_input(p) for p in paths]
    rows = []
    staged: list[tuple[Path, bytes | str]] = []
    for i, (p, data) in enumerate(zip(paths, contents)):
        aid = f"{i:03d}"
        stem = f"{aid}_{_slug(p.stem)}"
        row = dict.fromkeys(MANIFEST_COLUMNS, "")
        row["article_id"] = aid
        row["file"] = f"articles/{stem}.txt"
        if p.suffix.lower() == ".txt":
            # Refuse binary, empty or undecodable files now; the loader records any warning.
            _, _, notes = decode_bytes(data, _show(p))
            staged.append((folder / row["file"], data))
        else:
            html, encoding, notes = decode_html(data, _show(p))
            text, info = html_to_text(html, _show(p))
            row.update(info)
            row["source_file"] = f"articles/{stem}{p.suffix.lower()}"
            # The extracted text is written as UTF-8: how the page was decoded is provenance.
            row["notes"] = "; ".join([f"text extracted from {p.name} ({encoding}) with trafilatura", *notes])
            staged.append((folder / row["file"], text))
            staged.append((folder / row["source_file"], data))
        for note in notes:
            _warnings.warn(note, CorpusWarning, stacklevel=2)
        rows.append(row)
    _check_root(root)
    try:
        folder.mkdir()  # not exist_ok: claims the name, even against a run started meanwhile
    except FileExistsError:
        raise CorpusError(f"{_show(folder)}: already exists; choose another name or remove it") from None
    except OSError as exc:
        raise CorpusError(f"{_show(folder)}: cannot be created ({exc.strerror or exc}); "
                          "choose a --root you can write to") from None
    try:
        (folder / "articles").mkdir()
        for target, content in staged:
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, "utf-8")
        with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=MANIFEST_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        (folder / "README.md").write_text(_readme(name, rows), "utf-8")
    except BaseException as exc:  # an error or Ctrl-C: leave nothing half-made behind
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, OSError):
            raise CorpusError(f"{_show(folder)}: could not be written ({exc.strerror or exc}); "
                              "nothing was kept") from None
        raise
    return folder


def readme_heading(name: str) -> str:
    """A first heading for a new event's README from its folder name: words from the
    hyphens, and a date at its end ("-2013-12", "-2024-05-31") written as a date.

    >>> readme_heading("obamacare-site-2013-12"), readme_heading("city-budget-2025-03-04"), readme_heading("storm")
    ('Obamacare site (December 2013)', 'City budget (4 March 2025)', 'Storm')
    """
    import calendar

    m = re.fullmatch(r"(.*?)[-_ ]((?:19|20)\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?", name)
    words = (m.group(1) if m else name).replace("-", " ").replace("_", " ").strip()
    heading = upper_first(words) if words else name
    if not m:
        return heading
    when = f"{calendar.month_name[int(m.group(3))]} {m.group(2)}"
    return f"{heading} ({int(m.group(4))} {when})" if m.group(4) else f"{heading} ({when})"


def _readme(name: str, rows: list[dict]) -> str:
    lines = [f"# {readme_heading(name)}", "",
             "Replace this line with one sentence on the event (what happened, when).", "",
             "## Provenance", "", "Where and when the articles were collected:", "",
             "## Who published what: the evidence", "",
             "| id | outlet | attribution | evidence |", "|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['article_id']} | {r['outlet']} | stated or inferred? | |")
    return "\n".join(lines) + "\n"
