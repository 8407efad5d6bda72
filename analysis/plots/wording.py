"""Figures for notebook 02: which words each outlet chooses, and how alike the articles are.

They draw what :func:`analysis.distinctive_terms`, :func:`analysis.similarity` and
:func:`analysis.shared_passages` return.  Pass ``corpus.outlet_of()`` (or the corpus) so
that every outlet keeps the colour it has in the other notebooks.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd

from ..findings import NOISE, leader
from . import new_figure, outlet_colors

__all__ = ["distinctive_terms_chart", "similarity_heatmap", "sentence_alignment", "passages_side_by_side"]

NOTABLE_Z = 1.96


def _colors(corpus, groups) -> dict[str, str]:
    if corpus is not None:
        colors = outlet_colors(corpus.outlet_of())
        for g in groups:  # groups that are not outlets (by= another column)
            colors.setdefault(g, outlet_colors(list(colors) + [g])[g])
        return colors
    return outlet_colors(groups)


def distinctive_terms_chart(terms: pd.DataFrame, corpus=None, top: int = 8, max_groups: int = 12,
                            few: int = 5):
    """Small multiples: each group's most distinctive terms, one bar chart per group.

    Bars are z-scores (weighted log-odds / its standard error) in the group's colour; the
    label on each bar gives the count in the group and in the rest; hatched, pale bars
    rest on fewer than ``few`` uses; the dashed line marks z = 1.96.  At most
    ``max_groups`` panels (the groups with most articles first, then corpus order).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Kyiv forces hit back. Kyiv forces held.",
    ...                    "b": "Kiev troops moved. Kiev troops held."}, outlet={"a": "A", "b": "B"})
    >>> fig = distinctive_terms_chart(an.distinctive_terms(c), c)
    >>> [ax.get_xlabel() for ax in fig.axes][:1]
    ['z-score (over-use vs. the rest)']
    """
    if terms.empty:
        fig, ax = new_figure(6, 2)
        ax.axis("off")
        ax.set_title("No distinctive terms to show (fewer than two groups, or no term used often enough)")
        return fig
    order = list(dict.fromkeys(terms["group"]))
    if len(order) > max_groups:
        sizes = terms.groupby("group")["group_articles"].first()
        order = sorted(order, key=lambda g: (-sizes[g], order.index(g)))[:max_groups]
    colors = _colors(corpus, order)
    ncols = min(3, len(order))
    nrows = math.ceil(len(order) / ncols)
    fig, axes = new_figure(4.6 * ncols, 0.42 * top * nrows + 1.4 * nrows + 0.9, nrows=nrows, ncols=ncols,
                           squeeze=False)
    shown = terms[terms["group"].isin(order) & (terms["rank"] <= top)]
    zmax = max(float(shown["z"].max()), NOTABLE_Z) * 1.45
    zmin = min(0.0, float(shown["z"].min()))
    for ax, g in zip(axes.ravel(), order):
        sub = shown[shown["group"] == g].sort_values("rank", ascending=False)
        y = np.arange(len(sub))
        thin = sub["count"].to_numpy() < few
        bars = ax.barh(y, sub["z"], color=colors[g], edgecolor=colors[g], height=0.7)
        for bar, is_thin in zip(bars, thin):
            if is_thin:
                bar.set_alpha(0.45)
                bar.set_hatch("///")
        for yi, (z, n, r) in enumerate(zip(sub["z"], sub["count"], sub["count_rest"])):
            ax.text(max(z, 0) + 0.04 * zmax, yi, f"{n} vs {r}", va="center", fontsize=8.5, color="#333333")
        ax.set_yticks(y, sub["term"])
        ax.axvline(NOTABLE_Z, color="#555555", linestyle="--", linewidth=0.9)
        ax.set_xlim(zmin, zmax)
        n_art = int(sub["group_articles"].iloc[0]) if len(sub) else 0
        ax.set_title(f"{g} ({n_art} article{'s' if n_art != 1 else ''})", fontsize=11, color="#222222")
        ax.set_xlabel("z-score (over-use vs. the rest)")
        ax.grid(axis="y", visible=False)
    for ax in axes.ravel()[len(order):]:
        ax.axis("off")
    notable = int((shown["z"] >= NOTABLE_Z).sum())
    thin_share = float((shown["count"] < few).mean())
    if notable == 0:
        headline = (f"No term reaches z = {NOTABLE_Z}: with texts this short, word choice differs "
                    "but the evidence for any one word is weak")
    else:
        best = shown.loc[shown["z"].idxmax()]
        headline = (f"{notable} of {len(shown)} top terms reach z ≥ {NOTABLE_Z}; "
                    f"strongest: {best['group']} “{best['term']}” (z = {best['z']:.1f})")
    fig.suptitle(headline, x=0.01, ha="left", fontsize=13, fontweight="bold")
    fig.text(0.01, -0.01, f"Labels: uses in the outlet vs. in all other outlets. Hatched bars rest on fewer "
             f"than {few} uses ({thin_share:.0%} of bars). Dashed line: z = {NOTABLE_Z}.",
             fontsize=9, color="#444444")
    fig.tight_layout()
    return fig


def similarity_heatmap(sim: pd.DataFrame, corpus=None, measure: str = "TF-IDF cosine similarity",
                       annotate: bool = True, cmap: str = "cividis", finding: bool = True):
    """Article x article similarity as a heat map (colour-blind-safe ``cividis``), values written in.

    ``sim`` is :func:`analysis.similarity` in its wide form.  Tick labels give the article
    id and outlet, with a strip in the outlet's colour; the title names the most alike pair
    only where it is more alike than every other pair by more than the noise
    (``NOISE["similarity"]``, see :func:`similarity_title`); ``finding=False`` names none.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Tanks rolled into town.", "b": "Tanks rolled into the city."})
    >>> similarity_heatmap(an.similarity(c), c).axes[0].get_title(loc="left")[:15]
    'The two article'
    """
    ids = list(sim.index)
    n = len(ids)
    outlets = corpus.outlet_of() if corpus is not None else pd.Series(ids, index=ids)
    colors = outlet_colors(outlets)
    size = min(11.0, 1.6 + 0.75 * n)
    fig, ax = new_figure(size + 1.2, size)
    values = sim.to_numpy(dtype=float)
    masked = values.copy()
    np.fill_diagonal(masked, np.nan)
    off = masked[~np.isnan(masked)]
    vmax = float(off.max()) if off.size and off.max() > 0 else 1.0
    im = ax.imshow(masked, cmap=cmap, vmin=0, vmax=vmax)
    ax.grid(False)
    labels = [f"{i}\n{outlets.get(i, i)}" if n <= 12 else str(i) for i in ids]
    ax.set_xticks(range(n), labels, fontsize=9 if n <= 12 else 6, rotation=0 if n <= 12 else 90)
    ax.set_yticks(range(n), labels, fontsize=9 if n <= 12 else 6)
    ax.tick_params(length=0, pad=12)
    # Outlet colours as strips along both axes (coloured label text would be unreadable
    # for pale colours such as yellow).
    from matplotlib.patches import Rectangle
    for k, i in enumerate(ids):
        col = colors.get(outlets.get(i, i), "#999999")
        ax.add_patch(Rectangle((k - 0.5, n - 0.5 + 0.04), 1, 0.14, color=col, clip_on=False))
        ax.add_patch(Rectangle((-0.5 - 0.18, k - 0.5), 0.14, 1, color=col, clip_on=False))
    if annotate and n <= 15:
        for r in range(n):
            for c in range(n):
                if r == c:
                    ax.text(c, r, "—", ha="center", va="center", color="#777777", fontsize=9)
                    continue
                v = values[r, c]
                rgba = im.cmap(im.norm(v))
                lum = 0.299 * rgba[0] + 0.587 * rgba[1] + 0.114 * rgba[2]
                ax.text(c, r, f"{v:.2f}" if vmax >= 0.1 else f"{v:.3f}", ha="center", va="center", fontsize=9,
                        color="black" if lum > 0.5 else "white")
    cbar = fig.colorbar(im, ax=ax, fraction=0.046, pad=0.03)
    cbar.set_label(f"{measure} (0 = nothing shared, 1 = identical)")
    ax.set_xlabel("Article (id, outlet)")
    ax.set_ylabel("Article (id, outlet)")
    ax.set_title(similarity_title(sim, outlets) if finding else f"{measure} of each pair of articles")
    return fig


def similarity_title(sim: pd.DataFrame, outlets=None) -> str:
    """The finding of :func:`similarity_heatmap`: the most alike pair, when it stands out.

    >>> sim = pd.DataFrame([[1, .34, .20], [.34, 1, .33], [.20, .33, 1]], index=list("abc"), columns=list("abc"))
    >>> similarity_title(sim)
    'No pair stands out (the two most alike are within 0.05):\\na and b 0.34, b and c 0.33'
    >>> similarity_title(sim.replace(.34, .45))
    'Most alike: a and b, 0.45\\n(next: b and c, 0.33)'
    >>> similarity_title(sim.replace([.34, .33, .20], 0))
    'Nothing shared: every pair of articles scores 0'
    """
    ids = list(sim.index)
    outlets = pd.Series(ids, index=ids) if outlets is None else outlets

    counts = pd.Series([str(outlets.get(a, a)) for a in ids]).value_counts()

    def name(a):  # the outlet, with the article id where the outlet has several articles
        o = str(outlets.get(a, a))
        return o if counts[o] == 1 else (str(a) if o == str(a) else f"{o} {a}")

    pairs = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            v = float(sim.at[a, b])
            if not np.isnan(v):
                pairs[f"{name(a)} and {name(b)}"] = v
    if not pairs:
        return "Only one article: nothing to compare"
    ordered = sorted(pairs.items(), key=lambda kv: kv[1], reverse=True)
    if ordered[0][1] == 0:
        return "Nothing shared: every pair of articles scores 0"
    digits = 2 if ordered[0][1] >= 0.1 else 3
    if len(pairs) == 1:
        return f"The two articles: {ordered[0][1]:.{digits}f}"
    top = leader(pairs, NOISE["similarity"])
    (p1, v1), (p2, v2) = ordered[0], ordered[1]
    if top is None:
        return (f"No pair stands out (the two most alike are within {NOISE['similarity'].tolerance:g}):\n"
                f"{p1} {v1:.{digits}f}, {p2} {v2:.{digits}f}")
    return f"Most alike: {p1}, {v1:.{digits}f}\n(next: {p2}, {v2:.{digits}f})"


def sentence_alignment(sim: pd.DataFrame, corpus, pair, cmap: str = "cividis"):
    """Which sentence of the source each sentence of an article resembles most, as a heat map.

    ``sim`` is ``analysis.sentence_similarity(corpus, article, source)`` for the pair (or
    the whole wide ``analysis.similarity(corpus, unit="sentence")``); ``pair`` is a row of
    ``analysis.follows(corpus)`` (article, source, n_matched, n_in_order, threshold as used
    there).  Rows are the sentences of the article, columns those of the source; a dot
    marks each row's most similar sentence when it reaches the threshold ``follows`` used,
    and the title gives ``follows``' counts: a diagonal run of dots means the article
    follows the source sentence by sentence, in order.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Tanks rolled in. Bakers baked bread.", "b": "Tanks rolled in fast. Bakers baked."})
    >>> pair = an.follows(c).iloc[1]
    >>> fig = sentence_alignment(an.sentence_similarity(c, pair.article, pair.source), c, pair)
    >>> fig.axes[0].get_title(loc="left")[:24]
    '2 of 2 sentences of b (b'
    """
    article, source = pair["article"], pair["source"]
    threshold = float(pair.get("threshold", 0.2))
    if isinstance(sim.index, pd.MultiIndex):  # the whole matrix: the pair's block of it
        for aid in (article, source):
            if aid not in sim.index.get_level_values(0):
                raise KeyError(f"article {aid!r} has no body sentences in this similarity table")
        sim = sim.loc[article][source]
    if sim.empty:
        raise ValueError(f"no body sentences to compare between {article!r} and {source!r}")
    values = sim.to_numpy(dtype=float)
    outlets = corpus.outlet_of()
    fig, ax = new_figure(min(12.0, 2.5 + 0.3 * values.shape[1]), min(10.0, 2.2 + 0.3 * values.shape[0]))
    im = ax.imshow(values, cmap=cmap, vmin=0, vmax=max(float(values.max()), threshold), aspect="auto")
    ax.grid(False)
    best = values.argmax(axis=1)
    rows = np.flatnonzero(values.max(axis=1) >= threshold)
    ax.scatter(best[rows], rows, s=28, facecolor="white", edgecolor="black", linewidth=0.8, zorder=3,
               label=f"most similar sentence (similarity ≥ {threshold})")
    # At most about 40 tick labels an axis, so a long article stays legible.
    xs, ys = range(0, values.shape[1], -(-values.shape[1] // 40)), range(0, values.shape[0], -(-values.shape[0] // 40))
    ax.set_xticks(list(xs), [str(sim.columns[i]) for i in xs], fontsize=8)
    ax.set_yticks(list(ys), [str(sim.index[i]) for i in ys], fontsize=8)
    ax.set_xlabel(f"Sentence of {source} ({outlets.get(source, source)}), in order")
    n_sent = int(pair.get("n_sentences", values.shape[0]))
    cut = f" (the first {values.shape[0]:,} of {n_sent:,})" if values.shape[0] < n_sent else ""
    ax.set_ylabel(f"Sentence of {article} ({outlets.get(article, article)}), in order{cut}")
    cbar = fig.colorbar(im, ax=ax, fraction=0.046, pad=0.03)
    cbar.set_label("TF-IDF cosine similarity of the two sentences (0-1)")
    ax.set_title(f"{int(pair['n_matched'])} of {int(pair['n_sentences'])} sentences of {article} "
                 f"({outlets.get(article, article)}) resemble one of {source} ({outlets.get(source, source)}); "
                 f"{int(pair['n_in_order'])} follow its order")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), fontsize=9)
    return fig


def _marked(text: str, spans: list[tuple[int, int]], color: str) -> str:
    """The text as HTML with ``spans`` wrapped in <mark> (overlapping spans merged)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark style="background:{color};padding:0 1px">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def passages_side_by_side(corpus, passages: pd.DataFrame, article_a: str, article_b: str,
                          max_chars: int | None = None) -> str:
    """Two articles side by side as HTML, with the passages they share highlighted.

    ``passages`` is :func:`analysis.shared_passages` output; only rows for this pair are
    used.  Highlights are in each outlet's colour, light, so the text stays readable; the
    header gives the number of shared passages and words.  ``max_chars`` cuts long texts.
    Returns an HTML string (show it with ``IPython.display.HTML``); it loads nothing.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "He said we will hit back against forces that attack us.",
    ...                    "b": "We will hit back against forces that attack us, he said."})
    >>> "<mark" in passages_side_by_side(c, an.shared_passages(c, min_words=5), "a", "b")
    True
    """
    for aid in (article_a, article_b):
        if aid not in corpus.articles.index:
            raise KeyError(f"article {aid!r} is not in the corpus; ids: {corpus.ids}")
    outlets = corpus.outlet_of()
    colors = outlet_colors(outlets)
    fwd = passages[(passages["article_a"] == article_a) & (passages["article_b"] == article_b)]
    rev = passages[(passages["article_a"] == article_b) & (passages["article_b"] == article_a)]
    spans_a = list(zip(fwd["start_a"], fwd["end_a"])) + list(zip(rev["start_b"], rev["end_b"]))
    spans_b = list(zip(fwd["start_b"], fwd["end_b"])) + list(zip(rev["start_a"], rev["end_a"]))
    n_words = int(fwd["n_words"].sum() + rev["n_words"].sum())
    cols = []
    for aid, spans in ((article_a, spans_a), (article_b, spans_b)):
        text = corpus.text(aid)
        if max_chars is not None and len(text) > max_chars:
            text = text[:max_chars] + " …"
            spans = [(s, min(e, max_chars)) for s, e in spans if s < max_chars]
        color = colors[outlets[aid]]
        words_total = int(corpus.articles.at[aid, "n_words"])
        cols.append(
            f'<div style="flex:1;min-width:0;padding:0 12px;border-top:6px solid {color}">'
            f'<h4 style="margin:6px 0">{html.escape(str(aid))} · {html.escape(str(outlets[aid]))} '
            f'<span style="font-weight:normal;color:#555">({words_total} words)</span></h4>'
            f'<div style="font-size:0.9em;line-height:1.5">{_marked(text, spans, _light(color))}</div></div>')
    header = (f'<p style="margin:4px 0"><b>{len(fwd) + len(rev)} shared passage(s), {n_words} words</b> '
              f'between {html.escape(str(article_a))} and {html.escape(str(article_b))}, highlighted.</p>')
    return header + f'<div style="display:flex;gap:8px">{"".join(cols)}</div>'


def _light(hex_color: str, amount: float = 0.6) -> str:
    """A lighter tint of a colour, for highlighting behind text."""
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    r, g, b = (int(v + (255 - v) * amount) for v in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"
