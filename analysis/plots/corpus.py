"""Figures for notebook 01: what is in the event."""

from __future__ import annotations

import pandas as pd

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
    ax.set_xlim(0, table["n_words"].max() * 1.35 if len(table) else 1)
    longest, shortest = table["n_words"].idxmax(), table["n_words"].idxmin()
    ratio = table["n_words"].max() / max(table["n_words"].min(), 1)
    ax.set_title(f"The longest article ({table.at[longest, 'outlet']}) has {ratio:.1f}× the words "
                 f"of the shortest ({table.at[shortest, 'outlet']})")
    ax.grid(axis="y", visible=False)
    return fig
