"""Small helpers for the classroom notebook: a contrasting pair of ledes, the glossary."""

from __future__ import annotations

from importlib import resources

import pandas as pd

from .corpus import Corpus
from .overview import first_sentences

__all__ = ["contrast_pair", "glossary"]


def contrast_pair(corpus: Corpus, characterizations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Two articles whose own-voice sizing of the event differs most, with their ledes.

    For each article, ``bigger`` and ``smaller`` count the sentences in which the outlet
    itself (not a quoted or an attributed source) sizes the event up and down; a sentence
    that does both counts on both sides.  The two are reported side by side and never netted
    (one "a new chapter" and one "limited" do not cancel out).  The pair is the article that
    sizes up most (ties: the one that sizes down least), and of the others the one that sizes
    down most (ties: the one that sizes up least); ties after that go to corpus order.  Pass
    ``characterizations`` (from :func:`analysis.characterizations`) to avoid computing it
    again.  Columns: ``article_id, outlet, lede, bigger, smaller``.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The decision marks a major shift.", "b": "The move is limited."})
    >>> contrast_pair(c)[["article_id", "outlet", "bigger", "smaller"]].values.tolist()
    [['a', 'a', 1, 0], ['b', 'b', 0, 1]]
    """
    if characterizations is None:
        from .framing import characterizations as _characterizations

        characterizations = _characterizations(corpus)
    own = characterizations[characterizations["voice"] == "outlet"]
    counts = pd.DataFrame({
        "bigger": own["direction"].isin(["bigger", "both"]).groupby(own["article_id"]).sum(),
        "smaller": own["direction"].isin(["smaller", "both"]).groupby(own["article_id"]).sum(),
    }).reindex(corpus.ids, fill_value=0).astype(int)
    order = {aid: i for i, aid in enumerate(corpus.ids)}
    if len(counts) < 2:
        picks = list(counts.index)
    else:
        up = min(counts.index, key=lambda a: (-counts.at[a, "bigger"], counts.at[a, "smaller"], order[a]))
        rest = [a for a in counts.index if a != up]
        down = min(rest, key=lambda a: (-counts.at[a, "smaller"], counts.at[a, "bigger"], order[a]))
        picks = [up, down]
    ledes = first_sentences(corpus).set_index("article_id")
    out = ledes.loc[picks, ["outlet", "lede"]].copy()
    out["bigger"] = counts.loc[picks, "bigger"].values
    out["smaller"] = counts.loc[picks, "smaller"].values
    return out.rename_axis("article_id").reset_index()


def glossary() -> pd.DataFrame:
    """The lesson's glossary: ``term`` and ``definition`` (``resources/glossary.csv``).

    >>> "dateline" in glossary().term.tolist()
    True
    """
    with resources.files("analysis").joinpath("resources", "glossary.csv").open(encoding="utf-8") as fh:
        return pd.read_csv(fh)
