"""Make a new event folder from article files (``python -m analysis new-event``).

Plain-text files are copied byte for byte.  From an HTML page the main text is extracted
with trafilatura (an optional extra: ``pip install -e ".[html]"``); the page itself is kept
beside the extracted text and named in the manifest's ``source_file`` column, so nothing is
lost.  The manifest is pre-filled with what the page says (title, date, author, site, URL)
and left for the user to complete.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

from .corpus import CorpusError, decode_bytes

__all__ = ["new_event", "html_to_text"]

MANIFEST_COLUMNS = ["article_id", "file", "source_file", "outlet", "title", "date", "url", "byline", "notes"]


def _slug(text: str, limit: int = 40) -> str:
    """A file-name-safe slug.

    >>> _slug("CNN: Biden's Decision (May 2024).html")
    'cnn-biden-s-decision-may-2024-html'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit] or "article"


def html_to_text(html: str, label: str = "page") -> tuple[str, dict]:
    """Main text and metadata of an HTML page, with trafilatura.

    Returns ``(text, metadata)``; metadata keys: ``title``, ``date``, ``byline``, ``outlet``,
    ``url`` (empty strings when the page does not say).  Paragraph breaks are kept.
    """
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise CorpusError(f"{label}: reading HTML needs trafilatura; install the project with "
                          "the html extra: pip install -e \".[html]\"") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise CorpusError(f"{label}: no article text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    info = {
        "title": getattr(meta, "title", None) or "",
        "date": getattr(meta, "date", None) or "",
        "byline": getattr(meta, "author", None) or "",
        "outlet": getattr(meta, "sitename", None) or "",
        "url": getattr(meta, "url", None) or "",
    }
    return text.strip() + "\n", info


def new_event(name: str, files: list[str | Path], root: str | Path = "data/events") -> Path:
    """Create ``root/name`` with ``articles/``, a ``manifest.csv`` to complete and a README.

    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "a.txt").write_text("WASHINGTON (AP) — Biden agreed.")
    >>> folder = new_event("my-event", [tmp / "a.txt"], root=tmp / "events")
    >>> sorted(p.name for p in (folder / "articles").iterdir())
    ['000_a.txt']
    """
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
        raise CorpusError(f"{name!r}: an event name uses letters, digits, '-', '_' or '.'")
    folder = Path(root) / name
    if folder.exists():
        raise CorpusError(f"{folder}: already exists; choose another name or remove it")
    paths = [Path(f) for f in files]
    if not paths:
        raise CorpusError("new-event needs at least one .txt or .html file")
    for p in paths:
        if not p.is_file():
            raise CorpusError(f"{p}: no such file")
        if p.suffix.lower() not in (".txt", ".html", ".htm"):
            raise CorpusError(f"{p}: only .txt and .html files can be added")
    rows = []
    staged: list[tuple[Path, bytes | str]] = []
    for i, p in enumerate(paths):
        aid = f"{i:03d}"
        stem = f"{aid}_{_slug(p.stem)}"
        data = p.read_bytes()
        row = dict.fromkeys(MANIFEST_COLUMNS, "")
        row["article_id"] = aid
        if p.suffix.lower() == ".txt":
            decode_bytes(data, str(p))  # refuse binary, empty or undecodable files now
            row["file"] = f"articles/{stem}.txt"
            staged.append((folder / row["file"], data))
        else:
            html, _, _ = decode_bytes(data, str(p))
            text, info = html_to_text(html, str(p))
            row.update(info)
            row["file"] = f"articles/{stem}.txt"
            row["source_file"] = f"articles/{stem}{p.suffix.lower()}"
            row["notes"] = f"text extracted from {p.name} with trafilatura"
            staged.append((folder / row["file"], text))
            staged.append((folder / row["source_file"], data))
        rows.append(row)
    (folder / "articles").mkdir(parents=True)
    try:
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
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def _readme(name: str, rows: list[dict]) -> str:
    lines = [f"# {name.replace('-', ' ').capitalize()}", "",
             "Replace this line with one sentence on the event (what happened, when).", "",
             "## Provenance", "", "Where and when the articles were collected:", "",
             "## Who published what: the evidence", "",
             "| id | outlet | attribution | evidence |", "|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['article_id']} | {r['outlet']} | stated or inferred? | |")
    return "\n".join(lines) + "\n"
