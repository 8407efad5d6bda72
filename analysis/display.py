"""Tables and sentences for the notebooks and the report: readable, and safe with any input.

Every value that reaches a page came from somebody's article, outlet name or file name, so it
is escaped here, in one place: :func:`table` renders a DataFrame through a pandas Styler with
every cell, header and index label escaped, and :func:`prose` fills a Markdown sentence with
escaped values.  Notebooks use these two instead of building HTML or Markdown by hand.

:func:`table` also gives every chapter one look: readable headers ("Body words", not
``n_words``), rounded numbers, "—" for a missing value, text left-aligned, a caption.
:func:`count` and :func:`listing` write the zero, one and many cases of a sentence.
"""

from __future__ import annotations

import hashlib
import html
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

__all__ = ["table", "prose", "count", "listing", "header", "texts", "about", "MISSING"]

#: What a missing value looks like on a page.
MISSING = "—"

# Headers of the library's own columns, where the generic rule (underscores to spaces,
# a leading "n_" read as "number of") would read badly.
_HEADERS = {
    "article_id": "Article", "article": "Article", "outlet": "Outlet", "n_words": "Body words",
    "n_sentences": "Sentences", "n_paragraphs": "Paragraphs", "n_quotes": "Quotes",
    "rate_per_1000": "Per 1,000 words", "share_quoted": "Share of words quoted",
    "share_anonymous": "Share of sources unnamed", "speaker_name": "Speaker",
    "speaker_type": "Speaker type", "sent_id": "Sentence", "para_id": "Paragraph",
    "mean_sentence_length": "Words per sentence", "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "flesch_reading_ease": "Flesch reading ease", "text_standard": "Consensus grade",
    "n_syllables": "Syllables", "n_difficult_words": "Difficult words", "source_outlet": "Source outlet",
}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def header(column: str) -> str:
    """A readable header for a column name.

    >>> header("n_words"), header("share_in_order"), header("frame_escalation_risk_outlet_per_1000")
    ('Body words', 'Share in order', 'Frame escalation risk outlet per 1,000 words')
    """
    if column in _HEADERS:
        return _HEADERS[column]
    text = str(column)
    if text.startswith("n_"):
        text = "number of " + text[2:]
    text = text.replace("_per_1000", " per 1,000 words").replace("_", " ").strip()
    return upper_first(text)


def upper_first(text: str) -> str:
    """``text`` with its first letter upper-cased and the rest as it is (``str.capitalize``
    would lower-case "US" and "AP").

    >>> upper_first("no facts"), upper_first("the US vote")
    ('No facts', 'The US vote')
    """
    return text[:1].upper() + text[1:]


def _cell(value, digits: int, percent: bool, whole: bool = True) -> str:
    """One value as page text (not yet escaped).

    ``whole``: whether every number of the value's column is a whole number; only then is a
    float such as 3.0 shown as "3" (a column mixing "3" and "3.3" reads as two precisions).
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return MISSING
    if isinstance(value, float) and math.isnan(value):
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        if percent:
            return f"{100 * float(value):.0f}%"
        rounded = round(float(value), digits)
        return f"{rounded:,.{digits}f}" if not whole or _fraction(rounded) or digits == 0 else f"{int(rounded):,}"
    if isinstance(value, (list, tuple, set, frozenset)):
        parts = [_cell(v, digits, percent, whole) for v in value]
        return "; ".join(p for p in parts if p != MISSING) or MISSING
    text = str(value)
    return text if text.strip() else MISSING


def _fraction(rounded: float) -> bool:
    """Whether an already rounded number has a fractional part (the one test _cell and _all_whole share)."""
    return rounded != int(rounded)


def _all_whole(values: Iterable, digits: int) -> bool:
    """Whether every real number among ``values`` (lists looked into) rounds to a whole number."""
    for value in values:
        if isinstance(value, (list, tuple, set, frozenset)):
            if not _all_whole(value, digits):
                return False
        elif (isinstance(value, numbers.Real) and not isinstance(value, (bool, numbers.Integral))
              and math.isfinite(float(value)) and _fraction(round(float(value), digits))):
            return False
    return True


def _is_text(series: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series))


def table(frame: pd.DataFrame, columns: Sequence[str] | Mapping[str, str] | None = None, *,
          caption: str = "", digits: int = 2, percent: Iterable[str] = (), max_rows: int | None = 50,
          name: str | None = None, empty: str | None = None, align: Mapping[str, str] | None = None):
    """A DataFrame as a readable, escaped table (a pandas Styler, which notebooks display).

    ``columns``: the columns to show, in order, as a list (headers from :func:`header`) or as
    ``{column: header}``; by default all.  ``percent``: columns of shares (0..1) shown as
    percentages.  Numbers are rounded to ``digits``; missing values show as "—"; text is
    left-aligned, numbers right-aligned; the index is not shown (put what matters in a
    column).  At most ``max_rows`` rows, with a note saying how many were left out.
    ``name`` makes the table's HTML id stable (default: derived from caption and columns).
    ``empty``: the sentence shown instead of a table without rows (escaped Markdown; by
    default the caption followed by "nothing to show").  ``align``: ``{column: "left"|"right"|"center"}``
    where the default (text left, numbers right) is not wanted, as for the left context of a
    keyword-in-context table.

    >>> t = table(pd.DataFrame({"outlet": ["<b>X</b>"], "n_words": [1200], "share_quoted": [0.25]}),
    ...           percent=["share_quoted"], caption="Sizes")
    >>> html_text = t.to_html()
    >>> "&lt;b&gt;X&lt;/b&gt;" in html_text, "<b>X</b>" in html_text, "1,200" in html_text, "25%" in html_text
    (True, False, True, True)
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"table() takes a DataFrame, not {type(frame).__name__}")
    if frame.empty and (empty is not None or len(frame.columns) == 0 or columns is None
                        or all(c in frame.columns for c in (columns if not isinstance(columns, Mapping) else list(columns)))):
        from IPython.display import Markdown

        sentence = empty if empty is not None else (f"{caption.rstrip('.:')}: nothing to show." if caption
                                                     else "Nothing to show.")
        return Markdown(_md_escape(sentence))
    if columns is None:
        chosen = {c: header(c) for c in frame.columns}
    elif isinstance(columns, Mapping):
        chosen = dict(columns)
    else:
        chosen = {c: header(c) for c in columns}
    missing = [c for c in chosen if c not in frame.columns]
    if missing:
        raise KeyError(f"table(): no column(s) {missing}; the frame has {list(frame.columns)}")
    percent = set(percent)
    shown = frame.loc[:, list(chosen)]
    note = ""
    if max_rows is not None and len(shown) > max_rows:
        note = f" (first {max_rows} of {len(shown):,} rows)"
        shown = shown.head(max_rows)
    text_columns = [c for c in chosen if _is_text(frame[c])]
    whole = {c: _all_whole(shown[c], digits) for c in chosen}
    cells = pd.DataFrame({c: [html.escape(_cell(v, digits, c in percent, whole[c])) for v in shown[c]]
                          for c in chosen},
                         index=range(len(shown)))
    cells.columns = [html.escape(str(chosen[c])) for c in chosen]
    uid = name or hashlib.sha1(repr((caption, list(chosen))).encode("utf-8")).hexdigest()[:10]
    styler = cells.style.hide(axis="index").set_uuid(f"cl-{uid}")
    styler = styler.set_table_attributes('class="cl-table"')
    if caption or note:
        styler = styler.set_caption(html.escape(caption + note))
    left = [html.escape(str(chosen[c])) for c in text_columns]
    right = [c for c in cells.columns if c not in left]
    styles = [{"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: 600;"},
              {"selector": "th", "props": "text-align: left; vertical-align: bottom;"},
              {"selector": "td", "props": "vertical-align: top;"}]
    styler = styler.set_table_styles(styles)
    if left:
        styler = styler.set_properties(subset=left, **{"text-align": "left", "white-space": "normal"})
    if right:
        styler = styler.set_properties(subset=right, **{"text-align": "right", "white-space": "nowrap"})
    for column, how in (align or {}).items():
        if column not in chosen or how not in ("left", "right", "center"):
            raise ValueError(f"table(): align takes columns shown and left/right/center, not {column!r}: {how!r}")
        styler = styler.set_properties(subset=[html.escape(str(chosen[column]))], **{"text-align": how})
    return styler


def texts(frame: pd.DataFrame, label: str | Sequence[str] = "outlet", text: str | None = "lede", *,
          markup: str | None = None,
          caption: str = "", empty: str = "Nothing to show."):
    """Labelled passages, one after another: ledes for the warm-up, versions of a quote.

    Each row becomes a block with its ``label`` in bold (a column, or several joined by " · ")
    and its ``text``, both escaped (line breaks kept, long words wrap).  ``markup`` names instead a column of HTML made by the
    library itself from escaped text (``diff_html`` of :func:`analysis.quote_variants`): it
    is shown as it is, so never pass a column holding input.  Returns an IPython HTML object.

    >>> t = texts(pd.DataFrame({"outlet": ["<b>AP</b>"], "lede": ["Biden <i>agreed</i>."]}))
    >>> "&lt;b&gt;AP&lt;/b&gt;" in t.data, "<i>" in t.data
    (True, False)
    """
    from IPython.display import HTML

    if frame.empty:
        return HTML(f"<p>{html.escape(empty)}</p>")
    blocks = []
    labels = [label] if isinstance(label, str) else list(label)
    for _, row in frame.iterrows():
        name = " · ".join(p for p in (_cell(row[c], 2, False) for c in labels) if p != MISSING)
        body = str(row[markup]) if markup else html.escape(_cell(row[text], 2, False)).replace("\n", "<br>")
        blocks.append('<div class="cl-passage" style="margin:0 0 .9em 0;padding:.4em .8em;border-left:4px solid '
                      '#bbb;overflow-wrap:anywhere;white-space:normal;text-align:left">'
                      f'<div style="font-weight:600;margin-bottom:.2em">{html.escape(name)}</div>'
                      f'<div style="line-height:1.55">{body}</div></div>')
    head = f'<p style="font-weight:600">{html.escape(caption)}</p>' if caption else ""
    return HTML(head + "".join(blocks))


def about(corpus) -> object:
    """One sentence naming the event a chapter reads: its title, articles and outlets, and folder.

    Printed at the top of every chapter, so a page always says which event it shows.

    >>> import analysis as an
    >>> about(an.from_texts({"a": "One.", "b": "Two."}, outlet={"a": "AP", "b": "<i>X</i>"})).data
    'This chapter reads **the corpus**: 2 articles from AP and &lt;i&gt;X&lt;/i&gt;.'
    """
    outlets = list(dict.fromkeys(corpus.outlet_of()))
    n = len(corpus)
    folder = Path(corpus.path).name if getattr(corpus, "path", None) else ""
    title = corpus.title or corpus.name or "the corpus"
    shown = outlets if len(outlets) <= 8 else outlets[:7] + [f"{len(outlets) - 7} more"]
    return prose("This chapter reads **{title}**: {articles} from {outlets}" + (" (event folder {folder})" if folder else "")
                 + ".", title=title, articles=count(n, "article", zero="no"), outlets=listing(shown), folder=folder)


def _md_escape(value) -> str:
    """A value as Markdown text that renders literally: no HTML, no emphasis, no links."""
    text = _cell(value, 2, False) if not isinstance(value, str) else value
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def prose(template: str, **values):
    """A Markdown paragraph with ``values`` filled in, every value escaped.

    The template is the notebook's own words (``{name}`` fields); the values come from the
    event (outlet names, quotes, counts) and are escaped so that they show as text.

    >>> prose("The longest article is **{outlet}**'s.", outlet="<i>AP</i>").data
    "The longest article is **&lt;i&gt;AP&lt;/i&gt;**'s."
    """
    from IPython.display import Markdown

    return Markdown(template.format(**{k: _md_escape(v) for k, v in values.items()}))


def count(n: int, noun: str, plural: str | None = None, zero: str = "no") -> str:
    """``n`` and a noun, written out for 0 and 1.

    >>> count(0, "quote"), count(1, "quote"), count(3, "quote"), count(2, "story", "stories")
    ('no quotes', 'one quote', '3 quotes', '2 stories')
    """
    many = plural or (noun + "s")
    if n == 0:
        return f"{zero} {many}"
    if n == 1:
        return f"one {noun}"
    return f"{n:,} {many}"


def listing(items: Iterable, conjunction: str = "and", empty: str = "none") -> str:
    """Items as an English list: "A", "A and B", "A, B and C".

    >>> listing([]), listing(["AP"]), listing(["AP", "CNN"]), listing(["AP", "CNN", "NYT"], "or")
    ('none', 'AP', 'AP and CNN', 'AP, CNN or NYT')
    """
    items = [str(i) for i in items]
    if not items:
        return empty
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
