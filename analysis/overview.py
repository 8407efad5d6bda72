"""What is in a corpus and what cleaning changed: the tables of notebook 01."""

from __future__ import annotations

import pandas as pd

from .corpus import Corpus, memoized

__all__ = ["overview", "edit_summary", "first_sentences"]


@memoized
def overview(corpus: Corpus) -> pd.DataFrame:
    """One row per article: outlet, date, size, credit, dateline, subheads, edits, warnings.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "WASHINGTON (AP) — One. Two.\\nThree."})
    >>> overview(c)[["article_id", "outlet", "credit", "n_words", "n_sentences", "n_paragraphs"]].values.tolist()
    [['a', 'AP', 'AP', 3, 3, 2]]
    """
    a = corpus.articles
    kinds = corpus.paragraphs.groupby(["article_id", "kind"]).size().unstack(fill_value=0)
    n_edits = corpus.edits.groupby("article_id").size()
    out = pd.DataFrame({
        "outlet": corpus.outlet_of(),
        "date": a["date"],
        "n_words": a["n_words"].astype(int),
        "n_sentences": a["n_sentences"].astype(int),
        "n_paragraphs": a["n_paragraphs"].astype(int),
        "n_subheads": kinds["subhead"] if "subhead" in kinds else 0,
        "credit": a["credit"],
        "dateline": a["dateline"],
        "n_edits": n_edits,
        "warnings": a["warnings"].map(lambda w: "; ".join(w) if w else ""),
    }, index=a.index)
    out["n_subheads"] = out["n_subheads"].fillna(0).astype(int)
    out["n_edits"] = out["n_edits"].fillna(0).astype(int)
    return out.rename_axis("article_id").reset_index()


@memoized
def edit_summary(corpus: Corpus, form: str = "long") -> pd.DataFrame:
    """Cleaning edits counted by rule and article, with the characters each rule removed.

    ``form="long"`` (tidy): one row per rule and article that has edits of it, columns
    ``rule, article_id, outlet, n_edits, chars_removed``.  ``form="wide"``: rules as rows,
    articles as columns (counts), plus ``chars_removed`` over all articles, for display.
    A merged edit (``whitespace+date_line``) counts under each rule it combines.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Body one., The end.\\nThis story has been updated."})
    >>> edit_summary(c)[["rule", "article_id", "n_edits"]].values.tolist()
    [['editors_note', 'a', 1], ['stray_comma', 'a', 1]]
    >>> edit_summary(c, form="wide").loc[["editors_note", "stray_comma"], "a"].tolist()
    [1, 1]
    """
    if form not in ("long", "wide"):
        raise ValueError(f"form must be 'long' or 'wide', not {form!r}")
    e = corpus.edits.assign(rule=corpus.edits["rule"].str.split("+")).explode("rule")
    e = e.assign(chars=e["removed"].str.len())
    if form == "long":
        out = (e.groupby(["rule", "article_id"], sort=True)
               .agg(n_edits=("start", "size"), chars_removed=("chars", "sum")).reset_index())
        out.insert(2, "outlet", out["article_id"].map(corpus.outlet_of()))
        return out.astype({"n_edits": "int64", "chars_removed": "int64"}) if len(out) else \
            pd.DataFrame(columns=["rule", "article_id", "outlet", "n_edits", "chars_removed"])
    if e.empty:
        return pd.DataFrame(columns=corpus.ids)
    table = e.pivot_table(index="rule", columns="article_id", values="start", aggfunc="count", fill_value=0)
    table = table.reindex(columns=corpus.ids, fill_value=0)
    table["chars_removed"] = e.groupby("rule")["chars"].sum().astype(int)
    table.columns.name = None
    return table


def first_sentences(corpus: Corpus, n: int = 1) -> pd.DataFrame:
    """The first ``n`` body sentences of each article (the lede), one row per article.

    >>> import analysis as an
    >>> first_sentences(an.from_texts({"a": "Title line\\nFirst one. Second."}))[["article_id", "lede"]].values.tolist()
    [['a', 'First one.']]
    """
    body = corpus.body_sentences()
    outlets = corpus.outlet_of().to_dict()
    # Each article's first n sentences, split off once (not a filter of every sentence, and a
    # new outlet table, per article).
    heads = {str(k): g for k, g in body.groupby("article_id", sort=False)}
    rows = []
    for aid in corpus.ids:
        sents = heads[aid].head(n) if aid in heads else body.iloc[:0]
        rows.append({"article_id": aid, "outlet": outlets[aid],
                     "lede": " ".join(sents.text), "n_words": int(sum(len(s.split()) for s in sents.text))})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "lede", "n_words"])
