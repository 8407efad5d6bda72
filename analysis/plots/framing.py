"""Figures for notebook 05: frame profiles and where the limits first appear."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.patches import Rectangle

from ..findings import differs, rate_noise
from . import new_figure, outlet_colors

__all__ = ["frame_profile", "first_hit_positions"]

_VOICE_TITLES = {"outlet": "Outlet's own words", "quoted": "Inside direct quotes"}


def _row_labels(article_ids, outlets) -> list[str]:
    return [f"{aid} · {o}" for aid, o in zip(article_ids, outlets)]


def frame_profile(scores: pd.DataFrame, frames: list[str] | None = None, cmap: str = "cividis"):
    """Heat maps of frame rates per article (rows) and frame (columns), own voice vs quoted.

    ``scores`` is :func:`analysis.frame_scores` output.  Cells show hits per 1,000 body words,
    annotated; both panels share one colour scale (``cividis``: colour-blind safe and
    readable in grey).  A strip beside the rows carries the outlet colour used in every figure.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "A limited step.", "b": "A major step, officials said."})
    >>> fig = frame_profile(an.frame_scores(c))
    >>> [ax.get_title(loc="left") for ax in fig.axes[:2]]
    ["Outlet's own words", 'Inside direct quotes']
    """
    if scores.empty:
        fig, ax = new_figure(6, 2)
        ax.set_axis_off()
        ax.set_title("No articles, no frame rates")
        return fig
    frames = list(dict.fromkeys(scores["frame"])) if frames is None else list(frames)
    articles = list(dict.fromkeys(scores["article_id"]))
    outlets = scores.drop_duplicates("article_id").set_index("article_id")["outlet"]
    tables = {v: (scores[scores.voice == v]
                  .pivot_table(index="article_id", columns="frame", values="rate_per_1000",
                               aggfunc="sum", dropna=False)
                  .reindex(index=articles, columns=frames))
              for v in ("outlet", "quoted")}
    vmax = max(float(np.nanmax(t.to_numpy())) if t.notna().any().any() else 0.0
               for t in tables.values()) or 1.0

    fig, axes = new_figure(2.5 + 1.2 * len(frames), 2.2 + 0.5 * len(articles), ncols=2,
                           sharey=True, constrained_layout=True)
    colors = outlet_colors(outlets[articles])
    image = None
    for ax, (voice, table) in zip(axes, tables.items()):
        data = table.to_numpy(dtype=float)
        image = ax.imshow(data, cmap=cmap, vmin=0, vmax=vmax, aspect="auto")
        ax.set_xticks(range(len(frames)), [f.replace("_", " ") for f in frames], fontsize=9,
                      rotation=35, ha="right", rotation_mode="anchor")
        ax.set_yticks(range(len(articles)), _row_labels(articles, outlets[articles]))
        ax.set_title(_VOICE_TITLES[voice], fontsize=11, loc="left")
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(False)
        for i in range(data.shape[0]):
            for j in range(data.shape[1]):
                v = data[i, j]
                if np.isnan(v):
                    continue
                # light text on the dark end of the map, dark text on the light end
                ax.text(j, i, f"{v:.1f}" if v else "·", ha="center", va="center", fontsize=8,
                        color="white" if v < 0.6 * vmax else "black")
        ax.set_xlabel("Frame")
    # a strip of outlet colour left of the rows (coloured text would be unreadable in yellow)
    for i, aid in enumerate(articles):
        axes[0].add_patch(Rectangle((-0.5 - 0.28, i - 0.5), 0.22, 1, color=colors[outlets[aid]],
                                    clip_on=False, transform=axes[0].transData))
    axes[0].set_ylabel("Article · outlet")
    fig.colorbar(image, ax=list(axes), shrink=0.8, label="Hits per 1,000 body words")
    words = scores.drop_duplicates("article_id").set_index("article_id")["n_words"]
    fig.suptitle(_profile_finding(tables["outlet"], outlets, words), x=0.01, ha="left",
                 fontsize=13, fontweight="bold")
    return fig


def _profile_finding(own: pd.DataFrame, outlets: pd.Series, words: pd.Series | None = None) -> str:
    """The frame on which the articles' own words differ most, as a sentence, when that
    difference is more than one hit in the shorter of the two articles (:func:`rate_noise`).

    >>> own = pd.DataFrame({"change": [4.0, 1.0], "caution": [0.0, 0.5]}, index=["a", "b"])
    >>> _profile_finding(own, pd.Series({"a": "A", "b": "B"}), pd.Series({"a": 1000, "b": 1000}))
    'In their own words, the articles differ most on change: A 4.0 vs B 1.0 per 1,000 words'
    >>> _profile_finding(own, pd.Series({"a": "A", "b": "B"}), pd.Series({"a": 300, "b": 300}))
    'In their own words, no article uses a frame more than another by more than one word'
    """
    if own.empty or not own.notna().any().any() or not (own.fillna(0) > 0).any().any():
        return "No frame words in the outlets' own voice"
    if len(own) < 2:
        return "Frame words in the article's own voice and in quotes"
    best = None
    for frame in own.columns:
        col = own[frame].fillna(0.0)
        hi, lo = col.idxmax(), col.idxmin()
        n = min(float(words[hi]), float(words[lo])) if words is not None else 1000.0
        if differs(col[hi], col[lo], rate_noise(n)) and (best is None or col[hi] - col[lo] > best[0]):
            best = (col[hi] - col[lo], frame, hi, lo)
    if best is None:
        return "In their own words, no article uses a frame more than another by more than one word"
    _gap, frame, hi, lo = best
    return (f"In their own words, the articles differ most on {frame.replace('_', ' ')}: "
            f"{outlets[hi]} {own.at[hi, frame]:.1f} vs {outlets[lo]} {own.at[lo, frame]:.1f} "
            f"per 1,000 words")


def first_hit_positions(hits: pd.DataFrame, corpus, frame: str = "magnitude_smaller"):
    """Where in each article a frame's words appear, and where the first one stands.

    ``hits`` is :func:`analysis.frames` output.  One row per article: every hit of ``frame``
    as a small mark at its relative position in the body (0 = first word, 1 = last), circles
    for the outlet's own words and diamonds for quoted ones; the first hit is large, in the
    outlet's colour, labelled with the words matched.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "A limited step. More text here.", "b": "No limits named."})
    >>> fig = first_hit_positions(an.frames(c), c)
    >>> fig.axes[0].get_xlabel()
    'Position in the article body (0 = start, 1 = end)'
    """
    ids = corpus.ids
    outlets = corpus.outlet_of()
    colors = outlet_colors(outlets)
    what = "limits" if frame == "magnitude_smaller" else f"'{frame.replace('_', ' ')}' words"
    fig, ax = new_figure(9, 1.4 + 0.55 * max(len(ids), 1))
    sub = hits[hits["frame"] == frame]
    firsts = {}
    for y, aid in enumerate(ids):
        h = sub[sub["article_id"] == aid].sort_values("start")
        color = colors[outlets[aid]]
        ax.plot([0, 1], [y, y], color="#cccccc", lw=1, zorder=1)
        for marker, voice in (("o", "outlet"), ("D", "quoted")):
            hv = h[h["voice"] == voice]
            ax.scatter(hv["rel_position"], [y] * len(hv), s=28, marker=marker,
                       facecolor="white", edgecolor=color, linewidth=1.3, zorder=2)
        if h.empty:
            ax.text(0.01, y + 0.22, "no word of the lexicon found", fontsize=9, color="#555555", va="bottom")
            continue
        first = h.iloc[0]
        firsts[aid] = first
        ax.scatter([first.rel_position], [y], s=140, marker="D" if first.voice == "quoted" else "o",
                   color=color, edgecolor="black", linewidth=0.8, zorder=3)
        label = f"“{first['match']}”" + (f" ({first.speaker})" if first.voice == "quoted" and first.speaker else "")
        ax.annotate(label, (first.rel_position, y), xytext=(8, 7), textcoords="offset points",
                    fontsize=9, color="black")
    ax.set_yticks(range(len(ids)), _row_labels(ids, outlets[ids]))
    ax.set_ylim(len(ids) - 0.5, -0.7)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("Position in the article body (0 = start, 1 = end)")
    ax.set_ylabel("Article · outlet")
    ax.grid(axis="y", visible=False)
    ax.scatter([], [], marker="o", facecolor="white", edgecolor="#555555", label="outlet's own words")
    ax.scatter([], [], marker="D", facecolor="white", edgecolor="#555555", label="inside a quote")
    ax.scatter([], [], marker="o", s=110, color="#555555", label="first one")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, fontsize=9)
    ax.set_title(_position_finding(firsts, ids, outlets, what))
    return fig


def _position_finding(firsts: dict, ids: list[str], outlets: pd.Series, what: str) -> str:
    """Where the first hits stand, as a sentence; an article without one is "not found", since a
    lexicon finds only the words it lists.

    >>> from types import SimpleNamespace as N
    >>> _position_finding({"a": N(rel_position=0.02)}, ["a", "b"], pd.Series({"a": "A", "b": "B"}), "limits")
    '1 of 2 articles state the limits in their first tenth; the lexicon finds no limit word in B'
    """
    missing = [str(outlets[a]) for a in ids if a not in firsts]
    word = "limit word" if what == "limits" else "such word"
    none = f"; the lexicon finds no {word} in {', '.join(missing)}" if missing else ""
    if not firsts:
        return f"The lexicon finds no {word} in any article"
    if len(ids) == 1:
        f = next(iter(firsts.values()))
        return f"The first of the {what} stands at {f.rel_position:.0%} of the text"
    if all(f.rel_position <= 0.1 for f in firsts.values()):
        verb = "state" if what == "limits" else "use"
        return f"{len(firsts)} of {len(ids)} articles {verb} the {what} in their first tenth{none}"
    verb = "states" if what == "limits" else "uses"
    early = min(firsts, key=lambda a: firsts[a].rel_position)
    late = max(firsts, key=lambda a: firsts[a].rel_position)
    if early == late:
        return f"{outlets[early]} {verb} the {what} at {firsts[early].rel_position:.0%} of its text{none}"
    return (f"{outlets[early]} {verb} the {what} earliest (at {firsts[early].rel_position:.0%} of "
            f"its text), {outlets[late]} latest (at {firsts[late].rel_position:.0%}){none}")
