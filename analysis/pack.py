"""The printable teacher pack: a student worksheet and a separate answer key, as PDF, offline.

``python -m analysis pack EVENT_DIR --out DIR [--blind]`` writes ``DIR/<event>-pack/``:

- ``worksheet.pdf``: the lesson of ``notebooks/06_classroom.ipynb`` as students see it (its
  questions, each with lines to answer on, and the tables and figures they need), the two
  warm-up ledes side by side, and every article annotated, with its legend;
- ``answer-key.pdf``: the same lesson with the answers computed for this event (the cells
  tagged ``solution``) and, with ``--blind``, which letter is which outlet.

``--blind`` gives the outlets letters (Outlet A, B, ...) everywhere in the worksheet: tables,
figures, the articles' credits and datelines, titles, legends (see :mod:`analysis.blind`).
The lesson is run once on a corpus whose outlets are the letters (handed to the notebook
as its ``CACHE``), so its figures are drawn with the letters; text the articles carry is
rewritten where it is shown.

The PDFs are made with WeasyPrint, not a browser: it installs from the package index with
the project (``pip install -e ".[pack]"``), needs no browser on the machine (headless
Chromium is a system package, and as root it needs its sandbox switched off), follows the
CSS rules for paged media (page margins, page numbers in the margin, page breaks kept out
of tables, figures and list items), and runs no script.  Nothing is fetched: every image is
embedded, and any other URL is refused.

Like the report, the pack only replaces what it made: its folder holds a marker file
(``.coverage-lens-pack``) and nothing else but the two PDFs, and it is built in a staging
folder and swapped in.
"""

from __future__ import annotations

import html
import logging
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from .report import NOTEBOOK_DIR, ReportError

__all__ = ["PackError", "Pack", "build_pack", "CLASSROOM", "PACK_MARKER", "pdf_text"]

CLASSROOM = NOTEBOOK_DIR / "06_classroom.ipynb"
PACK_MARKER = ".coverage-lens-pack"
WORKSHEET, KEY = "worksheet.pdf", "answer-key.pdf"
PACK_ENTRIES = {PACK_MARKER, WORKSHEET, KEY}
_STAGING = ".coverage-lens-staging-pack-"
_CACHE = ".coverage-lens-corpus.cache"
# Cells no printed page shows: the notebook's parameters and what the report injects.
_NEVER = ("parameters", "injected-parameters", "remove-cell")


class PackError(ReportError):
    """The pack cannot be made; the message names the path and says what to do."""


@dataclass(frozen=True)
class Pack:
    """What :func:`build_pack` wrote: the pack folder and its two PDFs."""

    folder: Path
    worksheet: Path
    key: Path
    worksheet_pages: int = 0
    key_pages: int = 0
    worksheet_text: str = ""  # the text laid out on the worksheet's pages (what its PDF shows)
    key_text: str = ""


# --------------------------------------------------------------------------- the command

def build_pack(event: Path | str, out: Path | str = "reports", blind: bool = False,
               notebook: Path | str = CLASSROOM, log=print) -> Pack:
    """Write the teacher pack of ``event`` into ``out/<event name>-pack/``.

    ``notebook``: the lesson (default ``notebooks/06_classroom.ipynb``).  Raises
    :class:`PackError` (one line) when WeasyPrint is missing, when ``out`` is inside an
    event or report folder, when the target exists and was not made by this command, or
    when the lesson fails.
    """
    from .blind import blinding
    from .cache import event_digest, write_cache
    from .corpus import _show, load_event
    from .report import _check_out, _make_folder, _resolved, execute_notebook, fill_memo, report_name

    _weasyprint()
    notebook = Path(notebook)
    corpus = load_event(event)
    try:
        real = _resolved(event, "event")
        out = _resolved(out, "--out")
        _check_out(out, [real])
    except PackError:
        raise
    except ReportError as exc:
        raise PackError(str(exc).replace("a report is never", "a pack is never")) from None
    target = out / f"{report_name(real.name)}-pack"
    _check_target(target, real)
    if blind and not _reads_cache(notebook):
        raise PackError(f"{_show(notebook)}: does not load its event with an.load_event(EVENT, cache=CACHE), so "
                        "--blind cannot give it the outlets as letters; make its load cell pass cache=CACHE")
    _make_folder(out)
    staging = out / f"{_STAGING}{secrets.token_hex(6)}"
    try:
        staging.mkdir()
        (staging / PACK_MARKER).write_text("coverage-lens pack 1\nMade by `python -m analysis pack`, which "
                                           "replaces a folder only if it holds this file.\n", "utf-8")
        letters = blinding(corpus) if blind else None
        shown = letters.corpus(corpus) if letters else corpus
        fill_memo(shown, log)
        cache = write_cache(shown, staging / _CACHE, digest=event_digest(real))
        log(f"  running {notebook.name} for the pack")
        executed = execute_notebook(notebook, real, cache=cache)
        cache.unlink()
        title = shown.title or shown.name or "the event"
        sheet = worksheet_html(shown, executed.nb, title)
        if letters:
            sheet = letters.html(sheet)
        key = answer_key_html(shown, executed.nb, title, corpus if letters else None, letters)
        (sheet_pages, sheet_text), (key_pages, key_text) = _write_pdf(sheet, staging / WORKSHEET), \
            _write_pdf(key, staging / KEY)
        from .report import _interrupts_held, _swap_in

        with _interrupts_held():
            _check_target(target, real)
            _swap_in(staging, target, out)
    except OSError as exc:
        raise PackError(f"{_show(exc.filename or target)}: cannot be written ({exc.strerror or exc}); check the "
                        f"free space and that you may write in {_show(out)}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log(f"pack: {target / WORKSHEET}")
    log(f"pack: {target / KEY}")
    return Pack(target, target / WORKSHEET, target / KEY, sheet_pages, key_pages, sheet_text, key_text)


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the package is there but Pango is not
        raise PackError("the teacher pack needs WeasyPrint and its system library Pango: "
                        f'pip install -e ".[pack]" (on Debian/Ubuntu also: apt-get install libpango-1.0-0) '
                        f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})") from None
    return weasyprint


def _reads_cache(notebook: Path) -> bool:
    try:
        text = notebook.read_text("utf-8", errors="replace")
    except OSError:
        return True  # execute_notebook says what is wrong with it
    return re.search(r"load_event\([^)]*cache\s*=\s*CACHE", text) is not None


def _check_target(target: Path, event: Path) -> None:
    """The pack folder must be absent, or a folder this command made holding only its files."""
    from .corpus import _show

    what = "move it away or choose another --out"
    if event == target or event.is_relative_to(target):
        raise PackError(f"{_show(target)}: is or holds the event folder {_show(event)}; choose another --out")
    if not os.path.lexists(target):
        return
    if target.is_symlink():
        raise PackError(f"{_show(target)}: a symbolic link, which the pack command never replaces; {what}")
    if not target.is_dir():
        raise PackError(f"{_show(target)}: a file the pack command did not make; {what}")
    marker = target / PACK_MARKER
    try:
        ours = (not marker.is_symlink() and marker.is_file()
                and marker.read_bytes()[:64].startswith(b"coverage-lens pack "))
        foreign = [p.name for p in sorted(target.iterdir())
                   if p.name not in PACK_ENTRIES or p.is_symlink() or not p.is_file()]
    except OSError as exc:
        raise PackError(f"{_show(target)}: cannot be checked ({exc.strerror or exc}); {what}") from None
    if not ours:
        raise PackError(f"{_show(target)}: exists and was not made by the pack command (it has no {PACK_MARKER} "
                        f"file); {what}")
    if foreign:
        raise PackError(f"{_show(target)}: holds files the pack command did not write "
                        f"({', '.join(map(_show, foreign[:3]))}); {what}")


# --------------------------------------------------------------------------- PDF

def _offline_fetcher():
    """A URL fetcher for ``data:`` URLs only (the embedded figures): anything else is
    refused, never fetched."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):  # WeasyPrint 66 and later
        return urls.URLFetcher(allowed_protocols=("data",))

    def fetch(url: str, *args, **kwargs):  # older WeasyPrint: a function
        if url.startswith("data:"):
            return urls.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"not fetched: the pack is made offline ({url[:60]})")

    return fetch


def _render(page: str):
    """The laid-out WeasyPrint document of an HTML page (WeasyPrint's chatter kept quiet)."""
    weasyprint = _weasyprint()
    loggers = [logging.getLogger(n) for n in ("weasyprint", "fontTools")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        return weasyprint.HTML(string=page, url_fetcher=_offline_fetcher(), base_url=None).render()
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


def _write_pdf(page: str, path: Path) -> tuple[int, str]:
    """Write the PDF of an HTML page; returns its number of pages and its text."""
    doc = _render(page)
    doc.write_pdf(str(path))
    return len(doc.pages), _document_text(doc)


def _document_text(doc) -> str:
    """The text of every text box WeasyPrint laid out, in order."""
    parts = []
    for p in doc.pages:
        stack = [p._page_box]
        while stack:
            box = stack.pop()
            if isinstance(getattr(box, "text", None), str):
                parts.append(box.text)
            stack.extend(reversed(getattr(box, "children", []) or []))
    return " ".join(parts)


def pdf_text(page: str) -> str:
    """The text WeasyPrint lays out for an HTML page: what its PDF shows (for checks).

    >>> "Hello" in pdf_text("<p>Hello</p>")  # doctest: +SKIP
    True
    """
    return _document_text(_render(page))


# --------------------------------------------------------------------------- the pages

def _tags(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def markdown2html(source: str) -> str:
    """Markdown as nbconvert renders it for the report, without the headings' anchor links."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    return MarkdownWithMath(renderer=IPythonRenderer(escape=False, exclude_anchor_links=True)).render(source)


def _outputs_html(cell, keep_stream: bool = True) -> list[str]:
    """A code cell's outputs as HTML: tables and prose as the library rendered them (escaped
    there), figures as embedded PNG with their alt text, printed text as ``<pre>``."""
    parts = []
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            if keep_stream and out.get("name") == "stdout" and out.get("text", "").strip():
                parts.append(f'<pre class="out">{html.escape(out["text"].rstrip())}</pre>')
            continue
        if kind not in ("display_data", "execute_result"):
            continue
        data = out.get("data", {})
        if "image/png" in data:
            alt = (out.get("metadata", {}).get("image/png", {}) or {}).get("alt") or "a figure"
            png = re.sub(r"\s+", "", str(data["image/png"]))
            parts.append(f'<figure><img src="data:image/png;base64,{html.escape(png, quote=True)}" '
                         f'alt="{html.escape(str(alt), quote=True)}"></figure>')
        elif "text/html" in data:
            parts.append(f'<div class="out-html">{data["text/html"]}</div>')
        elif "text/markdown" in data:
            parts.append(f'<div class="out-md">{markdown2html(data["text/markdown"])}</div>')
        elif "text/plain" in data and kind == "display_data":
            parts.append(f'<pre class="out">{html.escape(str(data["text/plain"]))}</pre>')
    return parts


_LINE = '<div class="line"></div>'


def _with_answer_space(fragment: str, lines: int = 3) -> str:
    """Lines to write on after each question of a rendered Markdown cell: after each item of
    a numbered list, after each bulleted item or paragraph with a question mark."""
    space = f'<div class="answer-space">{_LINE * lines}</div>'

    def item(m: re.Match) -> str:
        return f"{m.group(1)}{space}</li>"

    fragment = re.sub(r"(<li>(?:(?!</li>).)*\?(?:(?!</li>).)*)</li>", item, fragment, flags=re.S)
    fragment = re.sub(r"(<ol>.*?</ol>)",
                      lambda m: re.sub(r"(<li>(?:(?!</li>|answer-space).)*)</li>", item, m.group(1), flags=re.S),
                      fragment, flags=re.S)
    fragment = re.sub(r"(<p>(?:(?!</p>).)*\?(?:(?!</p>).)*</p>)", lambda m: m.group(1) + space, fragment, flags=re.S)
    return fragment


def _norm(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _ledes_html(corpus) -> tuple[str, list[str]]:
    """The warm-up's two ledes side by side, and the two ledes' text (to find them)."""
    from .classroom import contrast_pair

    pair = contrast_pair(corpus)
    cells = "".join(f'<td><p class="who">{html.escape(str(r.outlet))}</p><p class="lede">{html.escape(str(r.lede))}</p></td>'
                    for r in pair.itertuples())
    table = (f'<table class="ledes"><tr>{cells}</tr></table>' if len(pair) else
             "<p>This event has no ledes to compare.</p>")
    return table, [" ".join(str(x).split()) for x in pair["lede"]]


def _lesson(nb, corpus, student: bool) -> str:
    """The lesson's cells as print HTML: for students, no code, no answers, lines to write
    on; for the key, every answer in a box."""
    ledes, texts = _ledes_html(corpus)
    placed = False
    parts = []
    for cell in nb.cells:
        tags = _tags(cell)
        if any(t in tags for t in _NEVER) or (student and "solution" in tags):
            continue
        if cell.cell_type == "markdown":
            body = markdown2html(cell.source)
            if student:
                body = _with_answer_space(body)
        elif cell.cell_type == "code":
            outs = _outputs_html(cell)
            if not placed and texts and outs and all(t in _norm(" ".join(outs)) for t in texts):
                outs, placed = [ledes], True  # the notebook's own ledes, laid out side by side
            if not outs:
                continue
            body = f'<div class="output">{"".join(outs)}</div>'
        else:
            continue
        if "solution" in tags:
            # Consecutive answer cells (a sentence, then its table) share one box.
            if parts and parts[-1].startswith('<div class="answer">'):
                parts[-1] = parts[-1][:-len("</div>")] + body + "</div>"
            else:
                parts.append(f'<div class="answer">{body}</div>')
        else:
            parts.append(body)
    if not placed and texts:
        first = next((i for i, p in enumerate(parts) if re.search(r"\blede", p, re.I)), None)
        block = f'<section class="warmup"><h2>The two ledes</h2>{ledes}</section>'
        parts.insert(0 if first is None else first + 1, block)
    return "\n".join(parts)


def _articles(corpus) -> tuple[str, str]:
    """Every article, annotated, each from a new page with the legend of its own marks (the
    quotes, sources, frames, size words not counted, and claims only that article states)."""
    from .attribution import attributions
    from .framing import frames
    from .markup import article_parts
    from .quotes import quotes

    layers = dict(quotes=quotes(corpus), attributions=attributions(corpus), frames=frames(corpus))
    # The other layers the report's pages show, where the library has them; not the list of
    # what was counted as sizing the event (characterizations), which answers Part 4.
    from . import framing

    if hasattr(framing, "size_words"):
        layers["size_words"] = framing.size_words(corpus)
    try:
        from .coverage import only_here
    except ImportError:  # pragma: no cover - a library without coverage
        only_here = None
    if only_here is not None:
        layers["only_here"] = only_here(corpus)
    sections, css = [], set()
    for aid in corpus.ids:
        parts = article_parts(corpus, aid, show_removed=False, **layers)
        css.add(parts.css)
        sections.append(f'<section class="article">{parts.header}{parts.legend}<div class="text">{parts.body}</div></section>')
    return "\n".join(sorted(css)), "\n".join(sections)


_PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm;
  @top-left { content: string(doctitle); font: 8pt 'DejaVu Sans', sans-serif; color: #555; }
  @top-right { content: string(kind); font: 8pt 'DejaVu Sans', sans-serif; color: #555; }
  @bottom-center { content: counter(page) " / " counter(pages); font: 8pt 'DejaVu Sans', sans-serif; color: #555; } }
html { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 10pt; line-height: 1.45; color: #111; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h1.doctitle { string-set: doctitle content(); }
.kind { string-set: kind content(); color: #555; font-size: 10pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 11pt; break-after: avoid; }
p, li { orphans: 2; widows: 2; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2mm 0; }
td, th { border-bottom: .5pt solid #bbb; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
tr, figure, img, pre, .answer-space, .line, li { break-inside: avoid; }
figure { margin: 2mm 0; } img { max-width: 100%; max-height: 120mm; }
pre { white-space: pre-wrap; overflow-wrap: break-word; font-size: 9pt; font-family: 'DejaVu Sans Mono', monospace; }
.fields { display: table; width: 100%; margin: 2mm 0 5mm; }
.fields span { display: table-cell; padding-right: 8mm; }
.fields b { display: inline-block; min-width: 55mm; border-bottom: .6pt solid #333; }
.note { background: #f3f3f3; border-left: 3pt solid #999; padding: 2mm 3mm; }
.answer-space { margin: 1mm 0 3mm; }
.line { height: 8mm; border-bottom: .5pt solid #999; }
.answer { border: 1pt solid #0072B2; border-left: 4pt solid #0072B2; padding: 1mm 3mm; margin: 2mm 0; background: #f4f9fd; }
.answer::before { content: "answer key"; display: block; font-weight: bold; color: #0072B2; font-size: 7pt; text-transform: uppercase; letter-spacing: .05em; }
table.ledes { table-layout: fixed; font-size: 11pt; }
table.ledes td { width: 50%; border: .6pt solid #888; padding: 3mm; font-family: 'DejaVu Serif', serif; line-height: 1.6; }
table.ledes .who { font-family: 'DejaVu Sans', sans-serif; font-weight: bold; margin: 0 0 1mm; }
table.ledes .lede { margin: 0; }
section.article { break-before: page; }
section.article header h1 { font-size: 14pt; }
section.article .text { font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: 10.5pt; line-height: 1.75; }
section.article .text p, section.article .text h3 { break-inside: avoid; }
.legend { border: .6pt solid #bbb; padding: 1mm 3mm; margin: 2mm 0 4mm; font-size: 8.5pt; line-height: 1.8; break-inside: avoid; }
.legend h2 { font-size: 7.5pt; text-transform: uppercase; margin: 1mm 0 0; color: #444; }
.legend ul { list-style: none; padding: 0; margin: 0; }
.legend li { display: inline-block; margin-right: 5mm; }
.outlet-swatch { display: inline-block; width: 3mm; height: 3mm; margin-right: 1.5mm; }
h3.subhead, h3.title { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; text-transform: uppercase; color: #444; }
p.caption { font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; font-style: italic; color: #444; }
* { -weasy-print-color-adjust: exact; print-color-adjust: exact; }
"""


def _document(title: str, kind: str, body: str, extra_css: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(kind)} — '
            f"{html.escape(title)} · Coverage Lens</title><style>{_PRINT_CSS}\n{extra_css}</style></head><body>"
            f"<h1 class=\"doctitle\">{html.escape(title)}</h1><p class=\"kind\">{html.escape(kind)}</p>{body}</body></html>")


def worksheet_html(corpus, nb, title: str) -> str:
    """The student worksheet as one HTML document (print CSS inline).

    ``nb``: the executed lesson; ``corpus``: the corpus it ran on (blinded or not).
    """
    css, articles = _articles(corpus)
    intro = ('<div class="fields"><span>Name: <b></b></span><span>Date: <b></b></span></div>'
             f'<p class="note">Read the articles at the end of this worksheet. Each one marks who is quoted, which '
             "sources are unnamed and the words that size up the event; its legend explains the marks.</p>")
    return _document(title, "Student worksheet", intro + _lesson(nb, corpus, student=True)
                     + '<h2 class="articles" style="break-before: page">The articles</h2>'
                     + "<p>Every article of the event, with its marks.</p>" + articles, css)


def answer_key_html(corpus, nb, title: str, original=None, letters=None) -> str:
    """The answer key: which letter is which outlet (when blinded), then the lesson with the
    answers computed for this event.  ``original``: the corpus before blinding."""
    mapping = ""
    if letters is not None and original is not None:
        outlets = original.outlet_of()
        rows = "".join(f"<tr><td>{html.escape(letters.letters[outlets[aid]])}</td><td>{html.escape(outlets[aid])}</td>"
                       f"<td>{html.escape(letters.ids[aid])}</td><td>{html.escape(aid)}</td></tr>" for aid in original.ids)
        mapping = ("<h2>Which letter is which outlet</h2><p>The worksheet names the outlets by letter and numbers "
                   "the articles; this is the key.</p><table><thead><tr><th>Letter</th><th>Outlet</th>"
                   f"<th>Article in the worksheet</th><th>Article id</th></tr></thead><tbody>{rows}</tbody></table>")
    note = ('<p class="note">For the teacher: the answers below are computed for this event. Keep this key; hand '
            "out the worksheet.</p>")
    return _document(title, "Answer key", note + mapping + _lesson(nb, corpus, student=False))
