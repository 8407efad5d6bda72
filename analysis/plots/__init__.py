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

__all__ = ["OKABE_ITO", "TOL_MUTED", "outlet_colors", "style", "new_figure"]

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

    >>> fig, ax = new_figure(); fig.get_size_inches().tolist()
    [8.0, 4.5]
    """
    style()
    return plt.subplots(figsize=(width, height), **kwargs)


def __getattr__(name: str):
    """Import figure submodules on first use: ``analysis.plots.readability.grade_by_outlet``."""
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        raise AttributeError(f"analysis.plots has no figure module {name!r}") from exc
