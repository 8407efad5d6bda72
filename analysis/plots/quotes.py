"""Figures for quoted sources: named vs anonymous sourcing, speakers by type, quoted share.

Each function draws the per-outlet table of :func:`analysis.quote_summary` and returns the
matplotlib Figure.  Outlets keep their colour from :func:`analysis.plots.outlet_colors`
(pass ``colors`` built from ``corpus.outlet_of()`` to match every other figure exactly).
"""

from __future__ import annotations

import numpy as np

from ..findings import NOISE, ends, leader, share_noise
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


def named_vs_anonymous(summary, colors: dict[str, str] | None = None, finding: bool = True):
    """Stacked bars per outlet: attributions to named sources (solid) and anonymous (hatched).

    The title names the outlet that leans most on unnamed sources only where its share
    stands more than ``NOISE["share_of_statements"]`` above every other outlet's (see
    :func:`anonymous_title`); ``finding=False`` names none, for a page whose exercise asks it.

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
    ax.set_title(anonymous_title(s) if finding else "Named and anonymous sourcing statements per outlet")
    ax.set_xlim(0, max(1, (s["named"] + s["anonymous"]).max()) * 1.35)
    ax.grid(axis="y", visible=False)
    return fig


def anonymous_title(summary) -> str:
    """The finding of :func:`named_vs_anonymous`, from :func:`analysis.quote_summary` rows.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"outlet": ["A", "B"], "named": [9, 2], "anonymous": [1, 8], "share_anonymous": [0.1, 0.8]})
    >>> anonymous_title(s)
    'B leans most on unnamed sources: 80% of its 10 sourcing statements (the others 10% to 10%)'
    >>> anonymous_title(s.assign(named=[1, 0], anonymous=[1, 2], share_anonymous=[0.5, 1.0]))  # one statement apart
    'No outlet leans on unnamed sources clearly more than the others (50% to 100% of sourcing statements)'
    """
    s = summary[(summary["named"] + summary["anonymous"]) > 0]
    if s.empty:
        return "No sourcing statements found"
    shares = dict(zip(s["outlet"], s["share_anonymous"].astype(float)))
    totals = dict(zip(s["outlet"], (s["named"] + s["anonymous"]).astype(int)))
    if len(shares) == 1:
        (outlet, share), = shares.items()
        return f"{outlet}: {share:.0%} of its {totals[outlet]} sourcing statements are anonymous"

    def rule(a, b):  # one statement of the outlet with fewer is the noise
        return share_noise(min(totals[a], totals[b]))

    top = leader(shares, rule)
    if top is None:
        return (f"No outlet leans on unnamed sources clearly more than the others "
                f"({min(shares.values()):.0%} to {max(shares.values()):.0%} of sourcing statements)")
    rest = [v for o, v in shares.items() if o != top]
    return (f"{top} leans most on unnamed sources: {shares[top]:.0%} of its {totals[top]} sourcing statements "
            f"(the others {min(rest):.0%} to {max(rest):.0%})")


def speakers_by_type(summary, colors: dict[str, str] | None = None, finding: bool = True):
    """Direct quotes per outlet, stacked by who speaks (person, anonymous, organization, ...).

    The title names the outlet that quotes most only where it quotes more than the noise
    of a count (``NOISE["count"]``) above every other; ``finding=False`` names none.

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
    ax.set_title(quotes_title(s) if finding else "Direct quotes per outlet, by who speaks")
    ax.set_xlim(0, max(1, s["quotes"].max() if len(s) else 1) * 1.25)
    ax.grid(axis="y", visible=False)
    return fig


def quotes_title(summary) -> str:
    """The finding of :func:`speakers_by_type`.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"outlet": ["A", "B"], "quotes": [10, 3], "distinct_speakers": [5, 1]})
    >>> quotes_title(s), quotes_title(s.assign(quotes=[4, 3]))
    ('A quotes most: 10 direct quotes from 5 speakers (B: 3)', 'No outlet quotes clearly more than the others (3 to 4 direct quotes)')
    """
    if not len(summary) or not summary["quotes"].sum():
        return "No direct quotes found"
    counts = dict(zip(summary["outlet"], summary["quotes"].astype(int)))
    speakers = dict(zip(summary["outlet"], summary["distinct_speakers"].astype(int)))
    if len(counts) == 1:
        (outlet, n), = counts.items()
        return f"{outlet}: {n} direct quote{'s' if n != 1 else ''} from {speakers[outlet]} speaker{'s' if speakers[outlet] != 1 else ''}"
    top = leader(counts, NOISE["count"])
    if top is None:
        return (f"No outlet quotes clearly more than the others ({min(counts.values())} to "
                f"{max(counts.values())} direct quotes)")
    others = ", ".join(f"{o}: {v}" for o, v in counts.items() if o != top)
    return f"{top} quotes most: {counts[top]} direct quotes from {speakers[top]} speakers ({others})"


def quoted_share(summary, colors: dict[str, str] | None = None, finding: bool = True):
    """Share of each outlet's body words that sit inside quotation marks.

    The title names the outlets that quote the largest and the smallest share of their words
    only where they stand out by more than ``NOISE["share_of_words"]``; ``finding=False``
    names none.

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
    ax.set_title(quoted_share_title(s) if finding else "Share of each outlet's words inside direct quotes")
    ax.set_xlim(0, max(5.0, share.max() if len(share) else 5.0) * 1.2)
    ax.grid(axis="y", visible=False)
    return fig


def quoted_share_title(summary) -> str:
    """The finding of :func:`quoted_share`.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"outlet": ["A", "B", "C"], "share_quoted": [0.21, 0.04, 0.03]})
    >>> quoted_share_title(s)
    'A lets sources speak most (21% of its words quoted); C and B (3%, 4%) are within 5 percentage points of each other'
    """
    if not len(summary) or not (summary["share_quoted"].fillna(0) > 0).any():
        return "No quoted words found"
    shares = dict(zip(summary["outlet"], summary["share_quoted"].astype(float)))
    if len(shares) == 1:
        (outlet, v), = shares.items()
        return f"{outlet}: {v:.0%} of its words are inside direct quotes"
    rule = NOISE["share_of_words"]
    hi, lo = leader(shares, rule), leader(shares, rule, highest=False)
    if len(shares) == 2 and hi:
        return f"{hi} quotes more of its words ({shares[hi]:.0%}) than {lo} ({shares[lo]:.0%})"
    if hi and lo:
        return (f"{hi} lets sources speak most ({shares[hi]:.0%} of its words quoted), "
                f"{lo} least ({shares[lo]:.0%})")
    tie = ends(shares, rule, "{:.0%}")
    if hi:
        return f"{hi} lets sources speak most ({shares[hi]:.0%} of its words quoted); {tie}"
    if lo:
        return f"{lo} quotes least ({shares[lo]:.0%} of its words); {tie}"
    return f"Between {min(shares.values()):.0%} and {max(shares.values()):.0%} of words quoted; {tie}"


def _patch(color, hatch, label):
    from matplotlib.patches import Patch

    return Patch(facecolor=color, hatch=hatch, edgecolor="black", label=label)
