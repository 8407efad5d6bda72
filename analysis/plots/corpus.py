"""Figures for notebook 01: what is in the event."""

from __future__ import annotations

import pandas as pd

from ..findings import NOISE, differs
from . import new_figure, outlet_colors

__all__ = ["article_sizes"]


def article_sizes(table: pd.DataFrame):
    """Horizontal bars of body words per article, coloured by outlet.

    ``table`` is :func:`analysis.overview` output (``outlet``, ``n_words``, ``n_sentences``).

    >>> import analysis as an
    >>> fig = article_sizes(an.overview(an.from_texts({"a": "One two.", "b": "Three."})))
    >>> fig.axes[0].get_xlabel()
    'Body words'
    """
    colors = outlet_colors(table["outlet"])
    fig, ax = new_figure(8, 0.6 * len(table) + 1.5)
    table = table.set_index("article_id") if "article_id" in table.columns else table
    labels = [f"{aid} · {o}" for aid, o in zip(table.index, table["outlet"])]
    ax.barh(labels, table["n_words"], color=[colors[o] for o in table["outlet"]])
    for y, (w, s) in enumerate(zip(table["n_words"], table["n_sentences"])):
        ax.text(w, y, f"  {w} words, {s} sentences", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("Body words")
    ax.set_ylabel("Article · outlet")
    ax.set_xlim(0, max(float(table["n_words"].max()) * 1.35, 1.0) if len(table) else 1)  # (no words: 0..1)
    ax.set_title(sizes_title(table))
    ax.grid(axis="y", visible=False)
    return fig


def sizes_title(table: pd.DataFrame) -> str:
    """The finding of :func:`article_sizes`: how much longer the longest article is.

    >>> t = pd.DataFrame({"outlet": ["A", "B"], "n_words": [750, 300]}, index=["a", "b"])
    >>> sizes_title(t), sizes_title(t.assign(n_words=[310, 300])), sizes_title(t.head(1))
    ('The longest article (A) has 2.5× the words of the shortest (B)', 'The articles are about the same length (300 to 310 words)', 'One article of 750 words')
    >>> sizes_title(t.assign(n_words=[0, 0]))
    'No article has any body words'
    """
    if table.empty:
        return "No articles"
    words = table["n_words"].astype(int)
    if words.max() == 0:
        return "No article has any body words"
    if len(table) == 1:
        return f"One article of {int(words.iloc[0]):,} words"
    longest, shortest = words.idxmax(), words.idxmin()
    if not differs(words[longest], words[shortest], NOISE["length"]):
        return f"The articles are about the same length ({words.min():,} to {words.max():,} words)"
    counts = table["outlet"].value_counts()

    def name(aid):
        o = table.at[aid, "outlet"]
        return o if counts[o] == 1 else f"{o}, {aid}"

    ratio = words.max() / max(words.min(), 1)
    return f"The longest article ({name(longest)}) has {ratio:.1f}× the words of the shortest ({name(shortest)})"
