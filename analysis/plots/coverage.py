"""Figures for notebook 07: which article states which fact, and disagreements side by side.

:func:`coverage_matrix` draws :func:`analysis.coverage_matrix` (``form="long"``): facts stated
by two articles or more as rows, most widely stated first, articles as columns, a square in
the outlet's colour where an article states the fact; beside it, how many facts each article
states alone.  Outlets keep their colour from :func:`analysis.plots.outlet_colors`; every
square is also labelled by its column, so nothing rests on colour alone.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd

from . import new_figure, outlet_colors

__all__ = ["coverage_matrix", "discrepancy_pairs", "discrepancies_html"]

EMPTY = "#EEEEEE"


def _short(label: str, width: int = 70) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= width else textwrap.shorten(label, width=width, placeholder=" …")


def _finding(shared: pd.DataFrame, only: pd.Series, n_facts: int, n_articles: int) -> str:
    """A title from the counts: how many facts are shared, and who states most facts alone."""
    if n_facts == 0:
        return "No claims found"
    if n_articles < 2:
        return f"One article, {n_facts} fact{'s' if n_facts != 1 else ''}: nothing to compare"
    n_shared = shared.fact_id.nunique()
    n_all = int((shared.groupby("fact_id").n_articles.first() == n_articles).sum()) if n_shared else 0
    lead = (f"{n_shared} of {n_facts} facts are stated by two articles or more"
            if n_shared else f"None of the {n_facts} facts is stated by two articles")
    if n_all:
        lead += f", {n_all} by all {n_articles}"
    ranked = only.sort_values(ascending=False)
    # Name the outlet with most facts of its own only when it clearly leads (twice the next
    # and three more): smaller gaps are within what grouping errors can move.
    if len(ranked) >= 2 and ranked.iloc[0] >= max(2 * ranked.iloc[1], ranked.iloc[1] + 3):
        lead += f"; {ranked.index[0]} has the most facts of its own ({int(ranked.iloc[0])})"
    return lead


def coverage_matrix(long: pd.DataFrame, colors: dict[str, str] | None = None, max_facts: int = 40):
    """Facts × articles (facts stated by 2+ articles) and the count of facts only one states.

    ``long`` is ``an.coverage_matrix(corpus, form="long")``; ``colors`` maps outlets to
    colours (``outlet_colors(corpus.outlet_of())``); ``max_facts``: rows shown at most (the
    most widely stated first).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Biden approved the plan on Monday. Kharkiv is 20 km away.",
    ...                    "b": "On Monday, Biden approved the plan."}, outlet={"a": "AP", "b": "CNN"})
    >>> fig = coverage_matrix(an.coverage_matrix(c, form="long"))
    >>> fig.axes[0].get_xlabel(), fig.axes[1].get_xlabel()
    ('article (outlet)', 'facts no other article states (count)')
    """
    articles = list(dict.fromkeys(long["article_id"])) if len(long) else []
    outlets = long.drop_duplicates("article_id").set_index("article_id")["outlet"] if len(long) else pd.Series(dtype=str)
    colors = colors or outlet_colors(outlets[articles]) if articles else {}
    stated = long[long.stated] if len(long) else long
    shared = stated[stated.n_articles >= 2] if len(stated) else stated
    singles = stated[stated.n_articles == 1] if len(stated) else stated
    only = pd.Series({a: int((singles.article_id == a).sum()) for a in articles}, dtype=int)
    only.index = [outlets[a] if list(outlets).count(outlets[a]) == 1 else f"{outlets[a]} ({a})" for a in articles]
    facts = (shared.drop_duplicates("fact_id").sort_values(["n_articles", "fact_id"], ascending=[False, True])
             .head(max_facts) if len(shared) else shared)
    n_rows = max(len(facts), 1)
    fig, (ax, bx) = new_figure(11, 1.6 + 0.3 * n_rows + 0.25 * len(articles), ncols=2,
                               gridspec_kw={"width_ratios": [max(len(articles), 1) * 0.9 + 6, 3]},
                               constrained_layout=True)
    ax.grid(False)
    names = list(only.index)
    for r, fid in enumerate(facts.fact_id if len(facts) else []):
        here = set(shared[shared.fact_id == fid].article_id)
        for c, aid in enumerate(articles):
            on = aid in here
            ax.add_patch(_square(c, r, colors.get(outlets[aid], "#999999") if on else EMPTY, on))
    ax.set_xlim(-0.5, max(len(articles), 1) - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_xticks(range(len(articles)), names, rotation=30, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(facts)), [f"{fid} · {_short(lab)}" for fid, lab in zip(facts.fact_id, facts.label)]
                  if len(facts) else [], fontsize=8)
    ax.set_xlabel("article (outlet)")
    ax.set_ylabel("fact (its most central claim), most widely stated first")
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    if not len(facts):
        ax.text(0.5, 0.5, "no fact is stated by two articles", transform=ax.transAxes, ha="center", va="center")
    n_facts = long.fact_id.nunique() if len(long) else 0
    fig.suptitle(_finding(shared, only, n_facts, len(articles)), x=0.01, ha="left", fontsize=12, fontweight="bold")
    ax.set_title("Facts stated by two articles or more", fontsize=11)
    y = list(range(len(articles)))
    bx.barh(y, only.values, height=0.6, color=[colors.get(outlets[a], "#999999") for a in articles],
            edgecolor="black", linewidth=0.6)
    for yi, v in zip(y, only.values):
        bx.text(v + 0.2, yi, str(int(v)), va="center", fontsize=9)
    bx.set_yticks(y, names)
    bx.invert_yaxis()
    bx.set_xlabel("facts no other article states (count)")
    bx.set_title("Only in this article", fontsize=11)
    bx.set_xlim(0, max(int(only.max()) if len(only) else 0, 1) * 1.25)
    bx.grid(axis="y", visible=False)
    return fig


def _square(c: int, r: int, color: str, on: bool):
    from matplotlib.patches import Rectangle

    size = 0.8 if on else 0.3
    return Rectangle((c - size / 2, r - size / 2), size, size, facecolor=color,
                     edgecolor="black" if on else "none", linewidth=0.5)


# --------------------------------------------------------------------------- disagreements

def _marked_sentence(corpus, aid: str, start: int, end: int) -> str:
    """The sentence around ``start:end`` as HTML, the span inside ``<mark>``."""
    art = corpus.article(aid)
    sent = next((s for s in art.sentences if s.start <= start < s.end), None)
    lo, hi = (sent.start, sent.end) if sent else (start, end)
    lo, hi = min(lo, start), max(hi, end)
    t = art.text
    return (html.escape(t[lo:start]) + "<mark>" + html.escape(t[start:end]) + "</mark>" + html.escape(t[end:hi]))


def discrepancies_html(corpus, table: pd.DataFrame, colors: dict[str, str] | None = None) -> str:
    """Discrepancies side by side: each pair's two sentences with the differing phrases marked.

    ``table`` is :func:`analysis.discrepancies` output (or some of its rows); ``colors`` maps
    outlets to their colours (a swatch beside each outlet name).  Every text is escaped.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Kharkiv is 20 kilometers from the border, officials said.",
    ...                    "b": "Kharkiv is 30 km from the border, officials said."})
    >>> page = discrepancies_html(c, an.discrepancies(c))
    >>> "<mark>20 kilometers</mark>" in page and "<mark>30 km</mark>" in page
    True
    """
    colors = colors or {}
    if table is None or not len(table):
        return '<p class="cl-disc-none">No disagreeing values found.</p>'
    rows = []
    for r in table.itertuples():
        cells = []
        for side in ("a", "b"):
            aid, outlet = str(getattr(r, f"article_{side}")), str(getattr(r, f"outlet_{side}"))
            swatch = (f'<span style="display:inline-block;width:.8em;height:.8em;margin-right:.35em;'
                      f'background:{html.escape(colors.get(outlet, "#999999"), quote=True)}"></span>')
            sentence = _marked_sentence(corpus, aid, int(getattr(r, f"start_{side}")), int(getattr(r, f"end_{side}")))
            cells.append(f'<td style="vertical-align:top;text-align:left;padding:.4rem .6rem">'
                         f'<b>{swatch}{html.escape(outlet)}</b> <small>({html.escape(aid)})</small><br>{sentence}</td>')
        kind = html.escape(str(r.kind).replace("_", " "))
        rows.append(f'<tr><td style="vertical-align:top;padding:.4rem .6rem"><b>{kind}</b><br>'
                    f'<small>{html.escape(str(r.fact_id or ""))}</small></td>{"".join(cells)}</tr>')
    return ('<table class="cl-disc" style="border-collapse:collapse;width:100%">'
            '<thead><tr><th style="width:8em">kind</th><th style="text-align:left">one article says</th>'
            '<th style="text-align:left">another says</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>"
            '<style>.cl-disc mark{background:#F0E442;padding:0 2px}.cl-disc td{border-top:1px solid #ddd}</style>')


def discrepancy_pairs(corpus, table: pd.DataFrame, colors: dict[str, str] | None = None):
    """:func:`discrepancies_html` as a displayable object for a notebook cell.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "It is 20 km away, officials said.", "b": "It is 30 km away, officials said."})
    >>> "<mark>" in discrepancy_pairs(c, an.discrepancies(c)).data
    True
    """
    from IPython.display import HTML

    return HTML(discrepancies_html(corpus, table, colors))
