"""Figures for notebook 03: how hard each article is to read, and why.

They draw what :func:`analysis.readability` and :func:`analysis.sentence_readability` return,
one row per article in corpus order, so ``outlet_colors(table["outlet"])`` gives each outlet
the colour it has everywhere else.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..findings import NOISE, ends, leader
from ..readability import GRADE_FORMULAS, LONG_SENTENCE
from . import new_figure, outlet_colors

__all__ = ["grade_by_outlet", "sentence_lengths", "FORMULA_LABELS"]

FORMULA_LABELS = {
    "flesch_kincaid_grade": "Flesch-Kincaid",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "linsear_write_formula": "Linsear Write",
}
_MARKERS = dict(zip(GRADE_FORMULAS, ["o", "s", "^", "D", "v", "P"]))


def _labels(table: pd.DataFrame) -> list[str]:
    return [f"{aid} · {o}" for aid, o in zip(table["article_id"], table["outlet"])]


def _names(table: pd.DataFrame) -> list[str]:
    """How a title names each row: the outlet, with the article id when the outlet repeats."""
    counts = table["outlet"].value_counts()
    return [o if counts[o] == 1 else f"{o} ({aid})" for aid, o in zip(table["article_id"], table["outlet"])]


def _empty(ax, what: str):
    ax.text(0.5, 0.5, f"No {what} to show", ha="center", va="center", transform=ax.transAxes)
    ax.set_title(f"No {what} to show")
    ax.set_yticks([])


def grade_by_outlet(scores: pd.DataFrame, colors: dict[str, str] | None = None, finding: bool = True):
    """Each article's grade level by six formulas: one dot per formula, a line for the spread.

    ``scores`` is :func:`analysis.readability` output.  Hollow markers are values the table
    flags as unreliable (too few words or, for SMOG, too few sentences); the thick tick is
    the median of the six; textstat's consensus grade is written at the right.  The title
    names the hardest and the easiest article only where its median grade stands more than
    the noise (:data:`analysis.findings.NOISE` ``["grade"]``) from every other article's
    (see :func:`grade_title`); ``finding=False`` gives a title that names no article, for a
    page whose exercise asks which one is hardest.

    >>> import analysis as an
    >>> t = an.readability(an.from_texts({"a": "The committee will meet. It will decide soon."}))
    >>> grade_by_outlet(t).axes[0].get_xlabel()
    'Grade level (US school years)'
    """
    colors = colors or outlet_colors(scores["outlet"])
    fig, ax = new_figure(9, 0.75 * len(scores) + 2.4)
    ax.set_xlabel("Grade level (US school years)")
    ax.set_ylabel("Article · outlet")
    grades = scores[list(GRADE_FORMULAS)]
    if not grades.notna().to_numpy().any():
        _empty(ax, "readability scores")
        return fig
    labels = _labels(scores)
    median = grades.median(axis=1)
    for y, (i, row) in enumerate(scores.iterrows()):
        c = colors[row["outlet"]]
        vals = grades.loc[i].dropna()
        if vals.empty:
            continue
        ax.hlines(y, vals.min(), vals.max(), color=c, lw=3, alpha=0.35, zorder=1)
        ax.vlines(median.loc[i], y - 0.28, y + 0.28, color=c, lw=3, zorder=2)
        flagged = set(filter(None, str(row["unreliable"]).split(", ")))
        for f in GRADE_FORMULAS:
            if pd.isna(row[f]):
                continue
            hollow = f in flagged
            ax.scatter(row[f], y, marker=_MARKERS[f], s=55, zorder=3, linewidths=1.5,
                       facecolors="white" if hollow else c, edgecolors=c)
        ax.annotate(f"consensus {row['text_standard']:.0f}" if pd.notna(row["text_standard"]) else "",
                    (1.0, y), xycoords=("axes fraction", "data"), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=9, color="0.3")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    for f in GRADE_FORMULAS:
        ax.scatter([], [], marker=_MARKERS[f], color="0.45", s=45, label=FORMULA_LABELS[f])
    ax.scatter([], [], marker="o", facecolors="white", edgecolors="0.45", s=45, label="flagged unreliable")
    ax.plot([], [], color="0.45", lw=3, label="median of the six")
    # Below the axis label, a fixed distance in inches whatever the number of rows.
    height = fig.get_size_inches()[1] * ax.get_position().height
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.62 / height), ncol=4, fontsize=9)
    title = grade_title(scores) if finding else "Grade level of each article by six formulas"
    ax.set_title(title)
    return fig


def grade_title(scores: pd.DataFrame) -> str:
    """The finding of :func:`grade_by_outlet`: which article reads hardest and easiest, by the
    median of the six grade formulas, only where that stands out beyond one grade.

    >>> t = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
    ...                   **{f: [16.0, 15.6, 12.0] for f in GRADE_FORMULAS}})
    >>> grade_title(t).splitlines()[0]
    'C reads easiest (median grade 12.0); A and B (16.0, 15.6) are within a grade of each other;'
    """
    grades = scores[list(GRADE_FORMULAS)]
    median = grades.median(axis=1)
    names = dict(zip(scores.index, _names(scores)))
    valid = median.dropna()
    spread = float((grades.max(axis=1) - grades.min(axis=1)).max()) if len(valid) else 0.0
    disagree = f"the formulas disagree by up to {spread:.0f} grades on one article"
    if len(valid) == 0:
        return "No readability scores"
    if len(valid) == 1:
        return f"Median grade {valid.iloc[0]:.1f}; {disagree}"
    by_name = {names[i]: float(v) for i, v in valid.items()}
    rule = NOISE["grade"]
    hard, easy = leader(by_name, rule), leader(by_name, rule, highest=False)
    if len(by_name) == 2 and hard:
        first = f"{hard} reads harder (median grade {by_name[hard]:.1f}) than {easy} ({by_name[easy]:.1f})"
    elif hard and easy:
        first = f"{hard} reads hardest (median grade {by_name[hard]:.1f}), {easy} easiest ({by_name[easy]:.1f})"
    elif hard:
        first = f"{hard} reads hardest (median grade {by_name[hard]:.1f}); {ends(by_name, rule)}"
    elif easy:
        first = f"{easy} reads easiest (median grade {by_name[easy]:.1f}); {ends(by_name, rule)}"
    else:
        first = (f"Median grades {min(by_name.values()):.1f} to {max(by_name.values()):.1f}; "
                 f"{ends(by_name, rule)}")
    return f"{first};\n{disagree}"


def sentence_lengths(sentences: pd.DataFrame, colors: dict[str, str] | None = None, finding: bool = True):
    """Distribution of sentence length per article: a box plot with every sentence as a dot.

    ``sentences`` is :func:`analysis.sentence_readability` output; sentences without words
    are left out.  The dashed line marks 25 words, where ``share_over_25`` starts counting.
    The title compares the *mean* words per sentence (the "Words per sentence" of
    :func:`analysis.readability`), naming an article only where it stands out by more than
    the noise (``NOISE["words_per_sentence"]``); ``finding=False`` names none.

    >>> import analysis as an
    >>> s = an.sentence_readability(an.from_texts({"a": "One two three. Four five."}))
    >>> sentence_lengths(s).axes[0].get_xlabel()
    'Sentence length (words)'
    """
    colors = colors or outlet_colors(sentences["outlet"])
    sents = sentences[sentences["n_words"] > 0]
    order = list(dict.fromkeys(sents["article_id"]))
    fig, ax = new_figure(9, 0.75 * len(order) + 1.8)
    ax.set_xlabel("Sentence length (words)")
    ax.set_ylabel("Article · outlet")
    if not order:
        _empty(ax, "sentences")
        return fig
    groups = [sents[sents["article_id"] == aid] for aid in order]
    outlets = [g["outlet"].iloc[0] for g in groups]
    names = _names(pd.DataFrame({"article_id": order, "outlet": outlets}))
    data = [g["n_words"].to_numpy() for g in groups]
    box = dict(positions=range(len(order)), widths=0.55, showfliers=False, patch_artist=True,
               medianprops={"color": "black", "lw": 2})
    try:
        bp = ax.boxplot(data, orientation="horizontal", **box)   # matplotlib >= 3.10
    except TypeError:
        bp = ax.boxplot(data, vert=False, **box)
    for patch, o in zip(bp["boxes"], outlets):
        patch.set_facecolor(colors[o])
        patch.set_alpha(0.35)
    rng = np.random.default_rng(0)  # fixed jitter: the same picture on every run
    for y, (g, o) in enumerate(zip(groups, outlets)):
        ax.scatter(g["n_words"], y + rng.uniform(-0.18, 0.18, len(g)), s=18, color=colors[o],
                   edgecolors="white", linewidths=0.5, zorder=3)
    ax.axvline(LONG_SENTENCE, color="0.4", ls="--", lw=1)
    ax.annotate(f"{LONG_SENTENCE} words", (LONG_SENTENCE, 1.0), xycoords=("data", "axes fraction"),
                xytext=(3, -2), textcoords="offset points", fontsize=9, color="0.3", va="top")
    ax.set_yticks(range(len(order)), [f"{aid} · {o}" for aid, o in zip(order, outlets)])
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(left=0)
    ax.grid(axis="y", visible=False)
    mean = {name: float(g["n_words"].mean()) for name, g in zip(names, groups)}
    ax.set_title(length_title(mean) if finding else "Words per sentence in each article")
    return fig


def length_title(mean: dict[str, float]) -> str:
    """The finding of :func:`sentence_lengths` from each article's mean words per sentence.

    >>> length_title({"A": 28.8, "B": 29.2, "C": 23.8})
    'C has the shortest sentences (mean 23.8 words); B and A (29.2, 28.8) are within 2 words of each other'
    >>> length_title({"A": 20.0})
    'Mean sentence length: 20.0 words'
    """
    rule = NOISE["words_per_sentence"]
    if len(mean) == 1:
        return f"Mean sentence length: {next(iter(mean.values())):.1f} words"
    hi, lo = leader(mean, rule), leader(mean, rule, highest=False)
    if len(mean) == 2 and hi:
        return f"{hi} writes longer sentences (mean {mean[hi]:.1f} words) than {lo} ({mean[lo]:.1f})"
    if hi and lo:
        return (f"{hi} has the longest sentences (mean {mean[hi]:.1f} words), "
                f"{lo} the shortest ({mean[lo]:.1f})")
    if hi:
        return f"{hi} has the longest sentences (mean {mean[hi]:.1f} words); {ends(mean, rule)}"
    if lo:
        return f"{lo} has the shortest sentences (mean {mean[lo]:.1f} words); {ends(mean, rule)}"
    return (f"Mean sentence length {min(mean.values()):.1f} to {max(mean.values()):.1f} words; "
            f"{ends(mean, rule)}")
