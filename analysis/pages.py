"""The report's pages: their file names, titles, navigation, links and the two index pages.

A built report for one event is laid out as::

    index.html            the full (teacher's) index: every chapter in both editions, the articles
    full/NN_name.html     the chapters with code and answers
    student/index.html    the student index: the student chapters and the articles only
    student/NN_name.html  the chapters without code and without answers
    articles/<page>.html  one annotated page per article (names from :func:`page_names`)

Links between them are relative, so a report works opened from disk and copied anywhere.
A chapter links an article with :func:`article_link` (or lists them all with
:func:`article_links`): ``../articles/<page name>``, the same name in every run.  Every
value from the event (titles, outlets, ids) is escaped where it becomes HTML.
"""

from __future__ import annotations

import hashlib
import html
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = ["page_names", "article_link", "article_links", "chapter_title", "page_title", "Chapter",
           "chapter_nav", "article_nav", "index_html", "student_index_html", "EDITION_LABELS"]

EDITION_LABELS = {"full": "full edition", "student": "student edition"}
EVENT_GENERATOR = "coverage-lens event report"
SITE = "Coverage Lens"


# --------------------------------------------------------------------------- page names

def _safe(name: str) -> str:
    """A file name for an article id: letters, digits, ``-``, ``_`` and ``.`` kept."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in str(name))


# File names Windows refuses (a report is often copied there), whatever their extension.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def _id_hash(aid: str, n: int = 8) -> str:
    return hashlib.sha1(str(aid).encode("utf-8", "surrogatepass")).hexdigest()[:n]


def page_names(ids: list[str]) -> dict[str, str]:
    """A distinct page file name for each article id, the same in every run.

    An id that is a safe file name keeps it (``000`` -> ``000.html``).  Any other id (with a
    space, a slash, a leading dot, a reserved name, over 60 characters) gets its safe form,
    cut to 60 characters, plus the first 8 hex digits of the SHA-1 of the id; so do ids whose
    names would differ only in case or Unicode form (one file on macOS and Windows), and any
    name still shared gets 16 digits.

    >>> page_names(["000", "a/b", "a b", "a_b"])
    {'000': '000.html', 'a/b': 'a_b-3ec69c85.html', 'a b': 'a_b-7dbde935.html', 'a_b': 'a_b.html'}
    """
    def key(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()

    stems = {}
    for aid in ids:
        safe = _safe(aid)
        plain = (safe == str(aid) and len(safe) <= 60 and not safe.startswith(".")
                 and safe.split(".")[0].casefold() not in _WINDOWS_RESERVED)
        stems[aid] = safe if plain else f"{safe[:60].lstrip('.') or 'article'}-{_id_hash(aid)}"
    counts: dict[str, int] = {}
    for stem in stems.values():
        counts[key(stem)] = counts.get(key(stem), 0) + 1
    for aid, stem in stems.items():
        if counts[key(stem)] > 1:  # same name but for case or Unicode form, or a crafted id
            stems[aid] = f"{_safe(aid)[:60].lstrip('.') or 'article'}-{_id_hash(aid, 16)}"
    return {aid: f"{stem}.html" for aid, stem in stems.items()}


def article_link(corpus, article_id: str) -> str:
    """The relative URL of an article's annotated page, from a chapter page of the report.

    Chapters live in ``full/`` and ``student/``, the annotated pages in ``articles/``, so a
    chapter links ``../articles/<page name>`` (:func:`page_names`).  The link works in the
    built report (not in JupyterLab, where there are no article pages).

    >>> import analysis as an
    >>> c = an.from_texts({"000": "One.", "a b": "Two."})
    >>> article_link(c, "000"), article_link(c, "a b")
    ('../articles/000.html', '../articles/a_b-7dbde935.html')
    """
    names = page_names(corpus.ids)
    if article_id not in names:
        raise KeyError(f"no article {article_id!r} in this corpus")
    return f"../articles/{names[article_id]}"


def article_links(corpus, ids: list[str] | None = None):
    """A list of links to the annotated pages of ``ids`` (default: every article), for a chapter.

    Each link reads "Article <id> · <outlet>"; everything is escaped.  Returns an
    ``IPython.display.HTML`` that a notebook cell displays.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "One."}, outlet={"a": "<AP>"})
    >>> article_links(c).data
    '<ul class="cl-article-links"><li><a href="../articles/a.html">Article a · &lt;AP&gt;</a></li></ul>'
    """
    from IPython.display import HTML

    outlets = corpus.outlet_of()
    names = page_names(corpus.ids)
    chosen = corpus.ids if ids is None else [str(i) for i in ids]
    items = []
    for aid in chosen:
        if aid not in names:
            raise KeyError(f"no article {aid!r} in this corpus")
        href = html.escape(f"../articles/{names[aid]}", quote=True)
        items.append(f'<li><a href="{href}">Article {html.escape(aid)} · {html.escape(outlets[aid])}</a></li>')
    return HTML(f'<ul class="cl-article-links">{"".join(items)}</ul>')


# --------------------------------------------------------------------------- titles

def chapter_title(nb, fallback: str) -> str:
    """A chapter's short title: its first ``# `` heading up to a colon or dash, numbered.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 4 · Quoted sources: who speaks")])
    >>> chapter_title(nb, "04_quoted_sources"), chapter_title(nbformat.v4.new_notebook(), "04_quoted_sources")
    ('4 · Quoted sources', '4 · Quoted sources')
    """
    heading = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = next((ln[2:].strip() for ln in cell.source.splitlines() if ln.startswith("# ")), "")
            if heading:
                break
    number, _, stem = fallback.partition("_")
    if not heading:
        heading = stem.replace("_", " ").capitalize() or fallback
    short = re.split(r":\s|\s[—–-]\s", heading, maxsplit=1)[0].strip() or heading
    short = re.sub(r"[*_`]", "", short)
    if number.isdigit() and not short[:1].isdigit():
        short = f"{int(number)} · {short}"
    return short


def page_title(chapter: str, edition: str | None, event_title: str) -> str:
    """The text of a page's ``<title>`` (not escaped): chapter, edition, event, site.

    >>> page_title("4 · Quoted sources", "student", "A storm")
    '4 · Quoted sources — student edition — A storm · Coverage Lens'
    """
    parts = [chapter] + ([EDITION_LABELS.get(edition, edition)] if edition else []) + [event_title]
    return " — ".join(p for p in parts if p) + f" · {SITE}"


# --------------------------------------------------------------------------- navigation

@dataclass(frozen=True)
class Chapter:
    """One chapter of the report: its file stem (``04_quoted_sources``) and short title."""

    name: str
    title: str


def _link(href: str, text: str, rel: str = "", cls: str = "") -> str:
    rel_attr = f' rel="{rel}"' if rel else ""
    cls_attr = f' class="{cls}"' if cls else ""
    return f'<a href="{html.escape(href, quote=True)}"{rel_attr}{cls_attr}>{html.escape(text)}</a>'


def chapter_nav(chapters: list[Chapter], i: int, edition: str, event_title: str) -> str:
    """The navigation bar of chapter ``i`` in ``edition``: up to its index, previous, next.

    A student chapter goes up to the student index (``index.html`` beside it) and a full
    chapter to the report's index (``../index.html``); previous and next stay in the edition.

    >>> ch = [Chapter("01_a", "1 · A"), Chapter("02_b", "2 · B")]
    >>> print(chapter_nav(ch, 0, "student", "<E>"))
    <a href="index.html" rel="up" class="cl-up">↑ &lt;E&gt; · student edition</a><span class="cl-prevnext"><span class="cl-off">‹ previous</span><a href="02_b.html" rel="next">next: 2 · B ›</a></span><span class="cl-edition">student edition</span>
    """
    up = ("index.html", f"↑ {event_title} · student edition") if edition == "student" else \
        ("../index.html", f"↑ {event_title} · report index")
    prev = (_link(f"{chapters[i - 1].name}.html", f"‹ previous: {chapters[i - 1].title}", "prev")
            if i > 0 else '<span class="cl-off">‹ previous</span>')
    nxt = (_link(f"{chapters[i + 1].name}.html", f"next: {chapters[i + 1].title} ›", "next")
           if i + 1 < len(chapters) else '<span class="cl-off">next ›</span>')
    return (_link(*up, rel="up", cls="cl-up") + f'<span class="cl-prevnext">{prev}{nxt}</span>'
            f'<span class="cl-edition">{html.escape(EDITION_LABELS.get(edition, edition))}</span>')


def article_nav(corpus, names: dict[str, str], i: int, student_index: bool) -> str:
    """The navigation bar of the ``i``-th article page: up to the indexes, previous, next.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "One.", "b": "Two."})
    >>> print(article_nav(c, page_names(c.ids), 1, student_index=True))
    <a href="../student/index.html" rel="up">↑ student edition</a><a href="../index.html">↑ report index</a><span class="cl-prevnext"><a href="a.html" rel="prev">‹ previous: article a · a</a><span class="cl-off">next ›</span></span>
    """
    ids = corpus.ids
    outlets = corpus.outlet_of()

    def label(aid: str) -> str:
        return f"article {aid} · {outlets[aid]}"

    ups = ([_link("../student/index.html", "↑ student edition", "up")] if student_index else []) + \
        [_link("../index.html", "↑ report index", "" if student_index else "up")]
    prev = (_link(names[ids[i - 1]], f"‹ previous: {label(ids[i - 1])}", "prev") if i > 0
            else '<span class="cl-off">‹ previous</span>')
    nxt = (_link(names[ids[i + 1]], f"next: {label(ids[i + 1])} ›", "next") if i + 1 < len(ids)
           else '<span class="cl-off">next ›</span>')
    return "".join(ups) + f'<span class="cl-prevnext">{prev}{nxt}</span>'


# --------------------------------------------------------------------------- index pages

def event_summary(corpus) -> str:
    """The first paragraph of the event's README after its title, if there is one."""
    from .corpus import _event_readme

    # The loader's reading of README.md: not through a link out of the event folder.
    paras = _event_readme(Path(corpus.path))[0].split("\n\n") if corpus.path else []
    for para in paras:
        para = para.strip()
        if para and not para.startswith(("#", "|", "-", "`")):
            return " ".join(para.split())
    return ""


_INDEX_CSS = """
body { font-family: system-ui, sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1.25rem; line-height: 1.55; color: #111; }
h1 { margin-bottom: .25rem; } .sub { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
td, th { padding: .4rem .75rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
.sw { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .5em; vertical-align: -0.1em; }
a.btn { display: inline-block; padding: .15rem .6rem; border: 1px solid #0072B2; border-radius: 4px; margin-right: .4rem; text-decoration: none; color: #0072B2; }
a.btn:hover { background: #0072B2; color: white; }
.note { background: #f7f7f7; border-left: 4px solid #999; padding: .5rem 1rem; }
nav.cl-nav { font-size: .95rem; margin-bottom: 1rem; }
@media print { nav.cl-nav, a.btn { border: none; } body { max-width: none; margin: 0; } }
"""


def _articles_table(corpus, articles: dict[str, str], href_prefix: str = "") -> str:
    from .plots import outlet_colors

    a = corpus.articles
    outlets = corpus.outlet_of()
    colors = outlet_colors(outlets)

    def cell(value) -> str:
        return html.escape(str(value)) if isinstance(value, str) and value else "—"

    rows = []
    for aid in corpus.ids:
        page = (_link(href_prefix + articles[aid], f"article {aid}") if aid in articles else html.escape(aid))
        rows.append(f'<tr><td><span class="sw" style="background:{colors[outlets[aid]]}"></span>'
                    f"{html.escape(outlets[aid])}</td><td>{cell(a.at[aid, 'date'])}</td>"
                    f"<td>{int(a.at[aid, 'n_words'])}</td><td>{cell(a.at[aid, 'credit'])}</td><td>{page}</td></tr>")
    return ("<table><thead><tr><th>Outlet</th><th>Date</th><th>Body words</th><th>Credit in text</th>"
            f"<th>Annotated page</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _head(title: str, generator: str = EVENT_GENERATOR) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="{generator}">\n<title>{html.escape(title)}</title>\n'
            f"<style>{_INDEX_CSS}</style>\n</head><body>\n")


def _facts(corpus) -> str:
    a = corpus.articles
    outlets = corpus.outlet_of()
    dates = sorted({d for d in a["date"] if isinstance(d, str) and d})
    span = f"{dates[0]} to {dates[-1]}" if len(dates) > 1 else (dates[0] if dates else "dates not stated")
    n, k = len(corpus), len(set(outlets))
    return (f"{n} article{'s' if n != 1 else ''} · {k} outlet{'s' if k != 1 else ''} · {html.escape(span)} · "
            f"built {time.strftime('%Y-%m-%d')}")


def index_html(corpus, chapters: list[Chapter], editions: list[str], articles: dict[str, str] | None = None) -> str:
    """The event's index page (the teacher's): title, summary, outlets, dates, every page.

    ``articles``: article id -> the href of its annotated page (see :func:`page_names`).
    """
    summary = event_summary(corpus)
    nb_rows = "".join(
        f"<tr><td>{html.escape(ch.title)}</td><td>"
        + " ".join(_link(f"{ed}/{ch.name}.html", ed, cls="btn") for ed in editions) + "</td></tr>"
        for ch in chapters)
    student = ("<p class=\"note\"><strong>For the class:</strong> hand out "
               f"{_link('student/index.html', 'the student edition')} (<code>student/index.html</code>): "
               "it links only the student chapters and the annotated articles.</p>"
               if "student" in editions else "")
    return (_head(page_title("Report index", None, corpus.title))
            + f"<h1>{html.escape(corpus.title)}</h1>\n<p class=\"sub\">Coverage Lens report · {_facts(corpus)}</p>\n"
            + (f"<p>{html.escape(summary)}</p>\n" if summary else "")
            + "<h2>The articles</h2>\n" + _articles_table(corpus, articles or {})
            + "<h2>The chapters</h2>\n<p class=\"note\"><strong>full</strong>: with the code and the answers, "
              "for researchers and teachers. <strong>student</strong>: no code and no answers, for the class.</p>\n"
            + f"{student}<table><thead><tr><th>Chapter</th><th>Editions</th></tr></thead><tbody>{nb_rows}</tbody></table>\n"
            + "</body></html>\n")


def student_index_html(corpus, chapters: list[Chapter], articles: dict[str, str] | None = None) -> str:
    """The student edition's index (``student/index.html``): student chapters and articles only."""
    summary = event_summary(corpus)
    items = "".join(f"<li>{_link(f'{ch.name}.html', ch.title)}</li>" for ch in chapters)
    return (_head(page_title("Index", "student", corpus.title))
            + f"<h1>{html.escape(corpus.title)}</h1>\n<p class=\"sub\">Coverage Lens · student edition · "
              f"{_facts(corpus)}</p>\n"
            + (f"<p>{html.escape(summary)}</p>\n" if summary else "")
            + f"<h2>The chapters</h2>\n<ul class=\"chapters\">{items}</ul>\n"
            + "<h2>The articles</h2>\n<p>Each annotated page marks who is quoted, which sources are unnamed, "
              "and the words that size up the event; its legend explains every mark.</p>\n"
            + _articles_table(corpus, articles or {}, href_prefix="../")
            + "</body></html>\n")
