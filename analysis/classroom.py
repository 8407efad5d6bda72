"""Small helpers for the classroom notebook: a contrasting pair of ledes, the glossary."""

from __future__ import annotations

from importlib import resources

import pandas as pd

from .corpus import Corpus
from .overview import first_sentences

__all__ = ["contrast_pair", "warmup_pair", "glossary"]


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


WARMUP_COLUMNS = ["article_id", "outlet", "lede", "role", "own_bigger", "own_smaller", "bigger_words",
                  "smaller_words", "lede_bigger", "lede_smaller"]


def warmup_pair(corpus: Corpus, characterizations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Two ledes for the warm-up, with how each article sizes the event, up and down apart.

    Bigger and smaller are never netted: an article that says "a new chapter" and "limited"
    has one sentence on each side, not zero.  The pair is the article with the most
    size-up words in its lede (what students read), then the most own-voice sentences that
    size it up (ties: fewer that size it down, then corpus order; ``role`` "sizes up most")
    and, among the others, the one with the most size-down words in its lede, then own-voice
    sentences that size it down (``role`` "sizes down most").  Where no article sizes the
    event either way, the first two articles (``role`` "first").  One row with one article.

    ``own_bigger``/``own_smaller``: the article's own-voice sentences with a bigger/smaller
    word; ``bigger_words``/``smaller_words``: those words; ``lede_bigger``/``lede_smaller``:
    the size words of its lede (any voice).  Pass ``characterizations`` to reuse one.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The decision opens a new chapter. The decision is limited.",
    ...                    "b": "The move is limited. The decision is narrow.", "c": "The board met."})
    >>> warmup_pair(c)[["article_id", "role", "own_bigger", "own_smaller", "lede_bigger"]].values.tolist()
    [['a', 'sizes up most', 1, 1, 'new chapter'], ['b', 'sizes down most', 0, 2, '']]
    """
    if characterizations is None:
        from .framing import characterizations as _characterizations

        characterizations = _characterizations(corpus)
    own = characterizations[characterizations["voice"] == "outlet"]
    ids = corpus.ids

    def words(rows, side):
        return "; ".join(dict.fromkeys(w for ws in rows[side].fillna("") for w in str(ws).split("; ") if w))

    stats = {}
    for aid in ids:
        mine = own[own["article_id"] == aid]
        lede = characterizations[(characterizations["article_id"] == aid) & (characterizations["position"] == "lede")]
        stats[aid] = {"own_bigger": int((mine["bigger_words"].fillna("") != "").sum()),
                      "own_smaller": int((mine["smaller_words"].fillna("") != "").sum()),
                      "bigger_words": words(mine, "bigger_words"), "smaller_words": words(mine, "smaller_words"),
                      "lede_bigger": words(lede, "bigger_words"), "lede_smaller": words(lede, "smaller_words")}
    order = {aid: i for i, aid in enumerate(ids)}
    if len(ids) < 2:
        picks = [(aid, "only article") for aid in ids]
    elif not any(v["own_bigger"] or v["own_smaller"] or v["lede_bigger"] or v["lede_smaller"]
                 for v in stats.values()):
        picks = [(ids[0], "first"), (ids[1], "first")]
    else:
        def n(words: str) -> int:
            return len([w for w in words.split("; ") if w])

        up = min(ids, key=lambda a: (-n(stats[a]["lede_bigger"]), n(stats[a]["lede_smaller"]),
                                     -stats[a]["own_bigger"], stats[a]["own_smaller"], order[a]))
        rest = [a for a in ids if a != up]
        down = min(rest, key=lambda a: (-n(stats[a]["lede_smaller"]), n(stats[a]["lede_bigger"]),
                                        -stats[a]["own_smaller"], stats[a]["own_bigger"], order[a]))
        picks = [(up, "sizes up most"), (down, "sizes down most")]
    ledes = first_sentences(corpus).set_index("article_id")
    rows = [{"article_id": aid, "outlet": ledes.at[aid, "outlet"], "lede": ledes.at[aid, "lede"], "role": role,
             **stats[aid]} for aid, role in picks]
    return pd.DataFrame(rows, columns=WARMUP_COLUMNS)


def glossary() -> pd.DataFrame:
    """The lesson's glossary: ``term`` and ``definition`` (``resources/glossary.csv``).

    >>> "dateline" in glossary().term.tolist()
    True
    """
    with resources.files("analysis").joinpath("resources", "glossary.csv").open(encoding="utf-8") as fh:
        return pd.read_csv(fh)
