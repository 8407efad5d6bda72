"""Every figure of Coverage Lens, in one house style.

One colour per outlet everywhere (:func:`outlet_colors`), from colour-blind-safe palettes
(Okabe & Ito, then Paul Tol's muted set); titles state the finding; axes carry labels with
units.  Figures are drawn by the submodules, one per analysis (``plots.corpus``,
``plots.readability``, ...), and only draw what the analyses return.
"""

from __future__ import annotations

from typing import Iterable

import importlib

import matplotlib.pyplot as plt

__all__ = ["OKABE_ITO", "TOL_MUTED", "outlet_colors", "style", "new_figure", "figure_title"]

# Okabe & Ito (2008) without black, yellow moved last but one: it is too light for text
# labels on white, so only a seventh outlet gets it.  Then Paul Tol's "muted" scheme.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#999999"]
TOL_MUTED = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99",
             "#999933", "#AA4499", "#DDDDDD"]
PALETTE = OKABE_ITO + TOL_MUTED


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """A fixed colour per outlet, in the order the outlets are given (first seen first).

    Pass the corpus's outlets in corpus order (``corpus.outlet_of()``) so that every figure
    of a report gives an outlet the same colour.  Beyond 18 outlets colours repeat.

    >>> outlet_colors(["AP", "CNN", "AP"])
    {'AP': '#E69F00', 'CNN': '#56B4E9'}
    """
    out: dict[str, str] = {}
    for name in outlets:
        if name not in out:
            out[name] = PALETTE[len(out) % len(PALETTE)]
    return out


def style() -> None:
    """Apply the house style to matplotlib (readable on a projector, no chart junk).

    >>> style(); import matplotlib; matplotlib.rcParams["axes.spines.top"]
    False
    """
    plt.rcParams.update({
        "figure.dpi": 110,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "font.size": 11,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "legend.frameon": False,
    })


def new_figure(width: float = 8.0, height: float = 4.5, **kwargs):
    """A figure and axes in the house style.

    In a notebook, figures shown as PNG carry their title as alt text (see
    :func:`figure_title`).

    >>> fig, ax = new_figure(); fig.get_size_inches().tolist()
    [8.0, 4.5]
    """
    style()
    made = plt.subplots(figsize=(width, height), **kwargs)
    _show_titles_as_alt_text()
    return made


def figure_title(fig) -> str:
    """A figure's titles as one line: its suptitle, then each axes' title (for alt text).

    >>> fig, ax = new_figure(); _ = ax.set_title("AP writes longer sentences")
    >>> figure_title(fig)
    'AP writes longer sentences'
    >>> fig, ax = new_figure(); _ = ax.set_xlabel("words"); _ = ax.set_ylabel("outlet")
    >>> figure_title(fig)
    'A chart of words by outlet'
    """
    parts = []
    sup = getattr(fig, "_suptitle", None)
    if sup is not None and sup.get_text().strip():
        parts.append(sup.get_text().strip())
    for ax in fig.axes:
        for loc in ("left", "center", "right"):
            text = ax.get_title(loc=loc).strip()
            if text and text not in parts:
                parts.append(text)
    if parts:
        return " ".join(" ".join(parts).split())
    labels = [(ax.get_xlabel().strip(), ax.get_ylabel().strip()) for ax in fig.axes]
    x, y = next(((x, y) for x, y in labels if x or y), ("", ""))
    return f"A chart of {x or 'values'}{f' by {y}' if y else ''}" if (x or y) else "A chart without a title"


def _png_with_alt(fig):
    """The notebook's PNG of a figure, with its title as the output's alt text and in the
    PNG's own Title field (an IPython formatter returning ``(data, metadata)``)."""
    from IPython.core.pylabtools import print_figure

    try:
        from matplotlib_inline.config import InlineBackend

        kwargs = dict(InlineBackend.instance().print_figure_kwargs)
    except ImportError:  # pragma: no cover - IPython without matplotlib-inline
        kwargs = {"bbox_inches": "tight"}
    title = figure_title(fig)
    data = print_figure(fig, "png", base64=True, metadata={"Title": title}, **kwargs)
    if data is None:
        return None
    return data, {"alt": title}


_png_with_alt._coverage_lens = True  # type: ignore[attr-defined]


def _show_titles_as_alt_text() -> None:
    """In IPython, show Figures through :func:`_png_with_alt` (again, if the inline backend
    registered its own formatter since)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - no IPython: nothing displays figures
        return
    shell = get_ipython()
    formatter = getattr(getattr(shell, "display_formatter", None), "formatters", {}).get("image/png")
    if formatter is None:
        return
    from matplotlib.figure import Figure

    current = formatter.type_printers.get(Figure)
    if not getattr(current, "_coverage_lens", False):
        formatter.for_type(Figure, _png_with_alt)


def __getattr__(name: str):
    """Import figure submodules on first use: ``analysis.plots.readability.grade_by_outlet``."""
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        raise AttributeError(f"analysis.plots has no figure module {name!r}") from exc
