"""Small helpers for the classroom notebook: a contrasting pair of ledes, the glossary."""

from __future__ import annotations

from importlib import resources

import pandas as pd

from .corpus import Corpus
from .overview import first_sentences

__all__ = ["contrast_pair", "glossary"]


def contrast_pair(corpus: Corpus, characterizations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Two articles whose own-voice sizing of the event differs most, with their ledes.

    Each article scores +1 per sentence that sizes the event up and -1 per sentence that
    sizes it down (``both`` counts 0), in the outlet's own voice; the highest and the lowest
    scoring articles make the pair (ties go to corpus order).  Pass ``characterizations``
    (from :func:`analysis.characterizations`) to avoid computing it again.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The decision marks a major shift.", "b": "The move is limited."})
    >>> contrast_pair(c)[["article_id", "outlet", "score"]].values.tolist()
    [['a', 'a', 1], ['b', 'b', -1]]
    """
    if characterizations is None:
        from .framing import characterizations as _characterizations

        characterizations = _characterizations(corpus)
    own = characterizations[characterizations["voice"] == "outlet"]
    score = own["direction"].map({"bigger": 1, "smaller": -1, "both": 0}).groupby(own["article_id"]).sum()
    score = score.reindex(corpus.ids, fill_value=0).astype(int)
    if len(score) < 2:
        picks = list(score.index)
    else:
        high = score.idxmax()
        low = score.drop(high).idxmin()
        picks = [high, low]
    ledes = first_sentences(corpus).set_index("article_id")
    out = ledes.loc[picks, ["outlet", "lede"]].copy()
    out["score"] = score.loc[picks].values
    return out.rename_axis("article_id").reset_index()


def glossary() -> pd.DataFrame:
    """The lesson's glossary: ``term`` and ``definition`` (``resources/glossary.csv``).

    >>> "dateline" in glossary().term.tolist()
    True
    """
    with resources.files("analysis").joinpath("resources", "glossary.csv").open(encoding="utf-8") as fh:
        return pd.read_csv(fh)
