"""Figures for quoted sources: named vs anonymous sourcing, speakers by type, quoted share.

Each function draws the per-outlet table of :func:`analysis.quote_summary` and returns the
matplotlib Figure.  Outlets keep their colour from :func:`analysis.plots.outlet_colors`
(pass ``colors`` built from ``corpus.outlet_of()`` to match every other figure exactly).
"""

from __future__ import annotations

import numpy as np

from . import new_figure, outlet_colors

__all__ = ["named_vs_anonymous", "speakers_by_type", "quoted_share"]

# Speaker types in a fixed order, with greys and one accent so as not to clash with outlets.
TYPE_COLORS = {
    "person": "#4D4D4D",
    "anonymous": "#B2B2B2",
    "organization": "#7F7F7F",
    "document": "#D9D9D9",
    "unknown": "#FFFFFF",
}


def _bars(summary, colors):
    """Figure, axes, bar positions (first outlet on top) and colours for one bar per outlet."""
    colors = colors or outlet_colors(summary["outlet"])
    fig, ax = new_figure(8, 0.6 * max(len(summary), 2) + 1.6)
    return fig, ax, np.arange(len(summary))[::-1], colors


def named_vs_anonymous(summary, colors: dict[str, str] | None = None):
    """Stacked bars per outlet: attributions to named sources (solid) and anonymous (hatched).

    >>> import analysis as an
    >>> fig = named_vs_anonymous(an.quote_summary(an.from_texts({"a": "Two officials said so. Biden said no."})))
    >>> fig.axes[0].get_xlabel()
    'sourcing statements (count)'
    """
    s = summary
    fig, ax, y, colors = _bars(s, colors)
    for yi, row in zip(y, s.itertuples()):
        c = colors.get(row.outlet, "#999999")
        ax.barh(yi, row.named, color=c, edgecolor="black", linewidth=0.6)
        ax.barh(yi, row.anonymous, left=row.named, color="white", edgecolor=c, hatch="///", linewidth=1.2)
        total = row.named + row.anonymous
        if total:
            ax.text(total + 0.3, yi, f"{row.anonymous / total:.0%} anonymous", va="center", fontsize=9)
    ax.set_yticks(y, s["outlet"])
    ax.set_xlabel("sourcing statements (count)")
    ax.set_ylabel("outlet")
    ax.legend(handles=[
        _patch("#999999", None, "named source"), _patch("white", "///", "anonymous source")],
        loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if len(s) and (s["named"] + s["anonymous"]).sum():
        top = s.sort_values("share_anonymous", ascending=False).iloc[0]
        ax.set_title(f"{top.outlet} leans most on unnamed sources: "
                     f"{top.share_anonymous:.0%} of its {top.named + top.anonymous} sourcing statements")
    else:
        ax.set_title("No sourcing statements found")
    ax.set_xlim(0, max(1, (s["named"] + s["anonymous"]).max()) * 1.35)
    ax.grid(axis="y", visible=False)
    return fig


def speakers_by_type(summary, colors: dict[str, str] | None = None):
    """Direct quotes per outlet, stacked by who speaks (person, anonymous, organization, ...).

    >>> import analysis as an
    >>> fig = speakers_by_type(an.quote_summary(an.from_texts({"a": "“We will win this,” Biden said."})))
    >>> fig.axes[0].get_xlabel()
    'direct quotes (count)'
    """
    s = summary
    fig, ax, y, colors = _bars(s, colors)
    left = np.zeros(len(s))
    for t, c in TYPE_COLORS.items():
        vals = s[f"quotes_{t}"].to_numpy(dtype=float) if len(s) else np.zeros(0)
        ax.barh(y, vals, left=left, color=c, edgecolor="black", linewidth=0.6, label=t)
        left += vals
    ax.set_yticks(y, s["outlet"])
    for tick, outlet in zip(ax.get_yticklabels(), s["outlet"]):
        tick.set_color(colors.get(outlet, "black"))
        tick.set_fontweight("bold")
    ax.set_xlabel("direct quotes (count)")
    ax.set_ylabel("outlet")
    ax.legend(title="speaker", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if len(s) and s["quotes"].sum():
        top = s.sort_values("quotes", ascending=False).iloc[0]
        ax.set_title(f"{top.outlet} quotes most: {top.quotes} direct quotes from "
                     f"{top.distinct_speakers} distinct speakers")
    else:
        ax.set_title("No direct quotes found")
    ax.set_xlim(0, max(1, s["quotes"].max() if len(s) else 1) * 1.25)
    ax.grid(axis="y", visible=False)
    return fig


def quoted_share(summary, colors: dict[str, str] | None = None):
    """Share of each outlet's body words that sit inside quotation marks.

    >>> import analysis as an
    >>> fig = quoted_share(an.quote_summary(an.from_texts({"a": "“We will win this,” Biden said."})))
    >>> fig.axes[0].get_xlabel()
    'words inside direct quotes (% of body words)'
    """
    s = summary
    fig, ax, y, colors = _bars(s, colors)
    share = 100 * s["share_quoted"].to_numpy(dtype=float) if len(s) else np.zeros(0)
    ax.barh(y, share, color=[colors.get(o, "#999999") for o in s["outlet"]], edgecolor="black", linewidth=0.6)
    for yi, v in zip(y, share):
        ax.text(v + 0.3, yi, f"{v:.0f}%", va="center", fontsize=9)
    ax.set_yticks(y, s["outlet"])
    ax.set_xlabel("words inside direct quotes (% of body words)")
    ax.set_ylabel("outlet")
    if len(s) and share.max() > 0:
        hi, lo = s.iloc[int(np.argmax(share))], s.iloc[int(np.argmin(share))]
        ax.set_title(f"{hi.outlet} lets sources speak most ({hi.share_quoted:.0%} of words quoted); "
                     f"{lo.outlet} least ({lo.share_quoted:.0%})")
    else:
        ax.set_title("No quoted words found")
    ax.set_xlim(0, max(5.0, share.max() if len(share) else 5.0) * 1.2)
    ax.grid(axis="y", visible=False)
    return fig


def _patch(color, hatch, label):
    from matplotlib.patches import Patch

    return Patch(facecolor=color, hatch=hatch, edgecolor="black", label=label)
