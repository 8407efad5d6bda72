"""Feature table: equal to the public per-module functions, identical across workers and Dask."""

from __future__ import annotations

import gzip
import json
import math
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analysis as an
from analysis.features import FeatureError, feature_columns
from analysis.framing import VOICES
from analysis.readability import MEASURE_COLUMNS

SAMPLE = Path(__file__).resolve().parents[1] / "data/events/ukraine-weapons-2024-05"
RENAMED = {"n_words": "n_words_textstat", "n_sentences": "n_sentences_with_words"}


@pytest.fixture(scope="module")
def corpus():
    return an.load_event(SAMPLE)


@pytest.fixture(scope="module")
def table(corpus):
    return an.features(corpus)


def _records(corpus, copies: int = 1) -> list[dict]:
    """The sample's raw articles as records, ``copies`` times over with distinct ids."""
    arts = corpus.articles
    return [{"article_id": f"{aid}-{k}", "outlet": outlet, "text": raw}
            for k in range(copies)
            for aid, outlet, raw in zip(arts.index, arts["outlet"], arts["raw_text"])]


# --------------------------------------------------------------------------- equal to the modules

def test_one_row_per_article_in_corpus_order(corpus, table):
    assert table["article_id"].tolist() == corpus.ids
    assert table["outlet"].tolist() == ["AP", "CNN", "NYT", "Rewrite", "Scripps"]
    assert table.columns.tolist() == feature_columns()
    assert not table.columns.duplicated().any()


def test_corpus_counts(corpus, table):
    for col in ("n_words", "n_sentences", "n_paragraphs"):
        assert table[col].tolist() == corpus.articles[col].astype(int).tolist()
    assert table["n_words"].tolist() == [750, 876, 547, 329, 727]


def test_readability_columns_equal_readability(corpus, table):
    ref = an.readability(corpus)
    assert ref["article_id"].tolist() == table["article_id"].tolist()
    for col in MEASURE_COLUMNS:
        ours = table[RENAMED.get(col, col)]
        assert ours.dtype == ref[col].dtype, col
        pd.testing.assert_series_equal(ours.reset_index(drop=True), ref[col], check_names=False)
    # the formulas themselves, not only the counts
    assert table["flesch_kincaid_grade"].tolist() == ref["flesch_kincaid_grade"].tolist()
    assert table["text_standard"].notna().all()


def test_quote_columns_equal_quotes(corpus, table):
    q = an.quotes(corpus)
    per = q.groupby("article_id").agg(n=("text", "size"), words=("n_words", "sum")).reindex(corpus.ids, fill_value=0)
    assert table["n_quotes"].tolist() == per["n"].tolist()
    assert table["quoted_words"].tolist() == per["words"].tolist()
    assert table["n_quotes"].sum() == len(q) > 0
    expected = (per["words"] / corpus.articles["n_words"]).tolist()
    assert np.allclose(table["share_quoted"], expected)


def test_attribution_columns_equal_attributions(corpus, table):
    a = an.attributions(corpus)
    named = a[~a["anonymous"] & (a["source_type"] != "unknown")].groupby("article_id").size()
    anon = a[a["anonymous"]].groupby("article_id").size()
    assert table["n_attributions"].tolist() == a.groupby("article_id").size().reindex(corpus.ids, fill_value=0).tolist()
    assert table["n_named"].tolist() == named.reindex(corpus.ids, fill_value=0).tolist()
    assert table["n_anonymous"].tolist() == anon.reindex(corpus.ids, fill_value=0).tolist()
    assert table["n_anonymous"].sum() > 0


def test_frame_rates_equal_frame_scores(corpus, table):
    scores = an.frame_scores(corpus)
    wide = table.set_index("article_id")
    assert len(scores) == len(corpus) * scores["frame"].nunique() * len(VOICES)
    for row in scores.itertuples():
        assert wide.at[row.article_id, f"frame_{row.frame}_{row.voice}_per_1000"] == row.rate_per_1000
    assert (scores["hits"] > 0).any()


def test_custom_lexicon(corpus):
    lex = pd.DataFrame({"frame": ["risk", "risk", "help"], "pattern": ["escalat*", "retaliat*", "weapons"]})
    t = an.features(corpus, lexicon=lex)
    frame_cols = [c for c in t.columns if c.startswith("frame_")]
    assert frame_cols == ["frame_risk_outlet_per_1000", "frame_risk_quoted_per_1000",
                          "frame_help_outlet_per_1000", "frame_help_quoted_per_1000"]
    scores = an.frame_scores(corpus, lexicon=lex)
    wide = t.set_index("article_id")
    for row in scores.itertuples():
        assert wide.at[row.article_id, f"frame_{row.frame}_{row.voice}_per_1000"] == row.rate_per_1000


def test_hand_made_text_known_values():
    c = an.from_texts({"a": "“It could escalate,” Blinken said. Two officials told CNN the step is limited."})
    row = an.features(c).iloc[0]
    assert (row["n_words"], row["n_sentences"], row["n_paragraphs"]) == (13, 2, 1)
    assert (row["n_quotes"], row["quoted_words"], row["n_named"], row["n_anonymous"]) == (1, 3, 1, 1)
    assert row["share_quoted"] == pytest.approx(3 / 13)
    # "escalate" inside the quote, "limited" in the outlet's words: 1 hit per 13 words each
    assert row["frame_escalation_risk_quoted_per_1000"] == 76.92
    assert row["frame_escalation_risk_outlet_per_1000"] == 0.0
    assert row["frame_magnitude_smaller_outlet_per_1000"] == 76.92


# --------------------------------------------------------------------------- edge cases

def test_empty_corpus():
    t = an.features(an.from_records([]))
    assert t.empty and t.columns.tolist() == feature_columns()
    assert an.features_from_records([]).columns.tolist() == feature_columns()


def test_texts_without_quotes_or_sentences():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = an.from_texts({"a": "Short.", "b": "—", "c": "No quotes here at all, just words."})
    t = an.features(c)
    assert t["n_quotes"].tolist() == [0, 0, 0]
    b = t.set_index("article_id").loc["b"]
    assert b["n_words"] == 0 and math.isnan(b["share_quoted"]) and math.isnan(b["flesch_kincaid_grade"])
    assert math.isnan(b["frame_hedging_outlet_per_1000"])


def test_bad_input():
    with pytest.raises(TypeError, match="Corpus"):
        an.features("not a corpus")
    with pytest.raises(ValueError, match="workers"):
        an.features(an.from_texts({"a": "One."}), workers=0)
    with pytest.raises(an.CorpusError, match="text"):
        an.features_from_records([{"body": "no text field"}])
    with pytest.raises(an.CorpusError, match="duplicate article_id"):
        an.features_from_records([{"article_id": "x", "text": "One."}, {"article_id": "x", "text": "Two."}])
    with pytest.raises(TypeError, match="records"):
        an.features_from_records(42)


def test_failing_article_is_named_or_skipped(monkeypatch):
    module = sys.modules["analysis.features"]  # where features() calls it from
    real = module.sources_of

    def flaky(article):
        if article.article_id == "b":
            raise IndexError("boom")
        return real(article)

    monkeypatch.setattr(module, "sources_of", flaky)
    c = an.from_texts({"a": "Officials said so.", "b": "Two aides said no.", "c": "Nobody said a thing."})
    with pytest.raises(FeatureError, match="article b: .*IndexError: boom"):
        an.features(c)
    with pytest.warns(an.CorpusWarning, match="article b"):
        t = an.features(c, errors="warn")
    assert t["article_id"].tolist() == ["a", "c"]
    found: list[dict] = []
    with pytest.warns(an.CorpusWarning):
        direct = an.features_from_records([{"article_id": k, "text": c.articles.at[k, "raw_text"]} for k in c.ids],
                                          errors="warn", warnings=found)
    pd.testing.assert_frame_equal(direct, t)
    assert [w["code"] for w in found] == ["feature_error"]
    with pytest.raises(ValueError, match="errors"):
        an.features(c, errors="ignore")


def _write_jsonl(path: Path, corpus) -> None:
    lines = [json.dumps({"ID": r["article_id"], "source": r["outlet"], "text": r["text"]}) for r in _records(corpus)]
    lines.insert(2, "{not json")                            # a bad line
    lines.insert(4, json.dumps({"ID": "blank", "text": " "}))  # a record without text
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def test_jsonl_with_bad_record(tmp_path, corpus, table):
    path = tmp_path / "articles.jsonl.gz"
    _write_jsonl(path, corpus)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = an.from_jsonl(path)
    assert sorted(loaded.warnings["code"]) == ["bad_record", "empty_text"]
    t = an.features(loaded)
    assert t["article_id"].tolist() == [f"{aid}-0" for aid in corpus.ids]
    # the same articles give the same measures as the event folder
    pd.testing.assert_frame_equal(t.drop(columns="article_id"), table.drop(columns="article_id"))
    found: list[dict] = []
    with pytest.warns(an.CorpusWarning):
        direct = an.features_from_records(path, chunk_size=2, warnings=found)
    pd.testing.assert_frame_equal(direct, t)
    assert sorted(w["code"] for w in found) == ["bad_record", "empty_text"]


# --------------------------------------------------------------------------- several cores

def test_two_workers_identical(corpus, table):
    assert len(corpus) >= 4  # enough articles for the parallel path
    pd.testing.assert_frame_equal(an.features(corpus, workers=2), table)


def test_records_in_chunks_and_workers_identical(corpus):
    recs = _records(corpus, copies=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the copies are duplicate texts: a recorded warning
        ref = an.features(an.from_records(recs))
    assert len(ref) == 10
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = an.features_from_records(recs, chunk_size=3)
        two = an.features_from_records(recs, workers=2, chunk_size=2)
    pd.testing.assert_frame_equal(one, ref)
    pd.testing.assert_frame_equal(two, ref)


def test_records_path_outlets_and_warnings_equal_the_corpus_path():
    """features_from_records skips building the corpus tables; outlets (filled from a credit,
    blank, numeric) and warnings must still be those of from_records."""
    recs = [
        {"article_id": "a", "text": "KYIV, Ukraine (AP) — Officials said it is limited."},
        {"article_id": "b", "outlet": "  ", "text": "Biden said “it is a step.”\nBy Jane Doe, CNN"},
        {"article_id": "c", "outlet": 7, "text": "Two officials told CNN the step is limited."},
        {"article_id": "d", "outlet": "CNN", "text": "KYIV, Ukraine (AP) — Officials said it is limited."},
        {"article_id": "e", "outlet": "X", "text": "Officials said it is limited."},
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = an.from_records([dict(r) for r in recs])
        found: list[dict] = []
        direct = an.features_from_records([dict(r) for r in recs], chunk_size=2, warnings=found)
    pd.testing.assert_frame_equal(direct, an.features(corpus))
    assert direct["outlet"].tolist()[:3] == ["AP", "b", "7"]
    # the same warnings, duplicates found across chunks too (the loader's order is per article)
    key = lambda w: (w["article_id"], w["code"])  # noqa: E731
    assert sorted(found, key=key) == sorted(corpus.warnings.to_dict("records"), key=key)
    assert {w["code"] for w in found} == {"metadata_mismatch", "duplicate_text"}


# --------------------------------------------------------------------------- Dask

def test_dask_local_cluster_identical(corpus):
    pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    from analysis.scale import features_dask

    recs = _records(corpus, copies=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = an.features(an.from_records(recs))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        got = features_dask(recs, npartitions=3, client=client)
    pd.testing.assert_frame_equal(got, ref)


def test_dask_without_client_and_empty(corpus):
    pytest.importorskip("dask")
    from analysis.scale import features_dask

    recs = _records(corpus)
    pd.testing.assert_frame_equal(features_dask(recs, npartitions=2), an.features(an.from_records(recs)))
    empty = features_dask([])
    assert empty.empty and empty.columns.tolist() == feature_columns()
    with pytest.raises(ValueError, match="npartitions"):
        features_dask(recs, npartitions=0)


def test_garbage_collector_state_is_restored():
    """The collector is paused while articles are measured, then left as the caller had it."""
    import gc

    recs = [{"text": "Officials said it is limited."}, {"text": "Two officials told CNN."}]
    assert gc.isenabled()
    an.features_from_records(recs)
    assert gc.isenabled()
    gc.disable()
    try:
        an.features_from_records(recs)
        an.features(an.from_records(recs))
        assert not gc.isenabled()
    finally:
        gc.enable()
