"""The contract every public analysis keeps, in the spirit of scikit-learn's ``check_estimator``.

For the sample event, a one-article corpus and a corpus without quotes, each analysis
returns a tidy DataFrame; one that is about articles names them in ``article_id`` (or
``article_a``/``article_b`` for pairs, ``article``/``source`` for who follows whom); every
``start``/``end`` pair is a valid span of that article's clean text (and, where the table
carries the text of the span, that text); the same call gives the same table twice, and
changing a returned table does not change what the next call returns.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import analysis as an

ONE = {"solo": "WASHINGTON (AP) — The council approved the budget on Monday. “It is a big step,” "
               "Mayor Ana Ruiz said. Two officials said the vote was close."}
NO_QUOTES = {
    "a": "The council approved the budget on Monday. The vote was close and the plan is limited.",
    "b": "City leaders passed a budget. Officials said the plan marks a major shift for the city.",
    "c": "A budget was approved. Critics called it modest, and the mayor may veto parts of it.",
}

# analysis -> (call, how its rows name articles, span columns, (span, text column) checks)
SPAN = ("start", "end")
CASES = {
    "quotes": (an.quotes, "article_id", [SPAN, ("speaker_start", "speaker_end"), ("cue_start", "cue_end")],
               [(SPAN, "text"), (("speaker_start", "speaker_end"), "speaker"), (("cue_start", "cue_end"), "cue")]),
    "attributions": (an.attributions, "article_id", [SPAN, ("cue_start", "cue_end")],
                     [(SPAN, "source"), (("cue_start", "cue_end"), "cue")]),
    "quote_variants": (an.quote_variants, "article_id", [SPAN], [(SPAN, "text")]),
    "frames": (an.frames, "article_id", [SPAN], [(SPAN, "match")]),
    "frame_scores": (an.frame_scores, "article_id", [], []),
    "characterizations": (an.characterizations, "article_id", [SPAN], [(SPAN, "sentence")]),
    "size_words": (an.size_words, "article_id", [SPAN], [(SPAN, "match")]),
    "readability": (an.readability, "article_id", [], []),
    "sentence_readability": (an.sentence_readability, "article_id", [SPAN], [(SPAN, "text")]),
    "textstat_stock": (an.textstat_stock, "article_id", [], []),
    "features": (an.features, "article_id", [], []),
    "overview": (an.overview, "article_id", [], []),
    "edit_summary": (an.edit_summary, "article_id", [], []),
    "first_sentences": (an.first_sentences, "article_id", [], []),
    "ledes": (an.ledes, "article_id", [SPAN, ("vp_start", "vp_end")], [(SPAN, "lede")]),
    "keyword_in_context": (lambda c: an.keyword_in_context(c, "budget"), "article_id", [SPAN], [(SPAN, "match")]),
    "contrast_pair": (an.contrast_pair, "article_id", [], []),
    "shared_passages": (lambda c: an.shared_passages(c, min_words=5), ("article_a", "article_b"),
                        [("start_a", "end_a", "article_a"), ("start_b", "end_b", "article_b")], []),
    "similarity": (lambda c: an.similarity(c, form="long"), ("article_a", "article_b"), [], []),
    "follows": (an.follows, ("article", "source"), [], []),
    "distinctive_terms": (an.distinctive_terms, None, [], []),
    "naming_variants": (an.naming_variants, None, [], []),
    "quote_summary": (an.quote_summary, None, [], []),
    "claims": (an.claims, "article_id", [SPAN], [(SPAN, "text")]),
    "coverage": (an.coverage, "article_id", [SPAN], [(SPAN, "text")]),
    "only_here": (an.only_here, "article_id", [SPAN], [(SPAN, "text")]),
    "coverage_matrix": (an.coverage_matrix, None, [], []),
    "claim_summary": (an.claim_summary, None, [], []),
    "coverage_matrix_long": (lambda c: an.coverage_matrix(c, form="long"), "article_id", [SPAN], []),
    "discrepancies": (an.discrepancies, ("article_a", "article_b"),
                      [("start_a", "end_a", "article_a"), ("start_b", "end_b", "article_b")], []),
    # Summaries the notebooks show (one public call per question).
    "formula_agreement": (an.formula_agreement, "article_id", [], []),
    "textstat_differences": (an.textstat_differences, "article_id", [], []),
    "textstat_cuts": (an.textstat_cuts, "article_id", [SPAN], [(SPAN, "text")]),
    "longest_sentences": (an.longest_sentences, "article_id", [SPAN], [(SPAN, "text")]),
    "compare_readability": (an.compare_readability, ("article_a", "article_b"), [], []),
    "frame_voices": (an.frame_voices, None, [], []),
    "top_frames": (an.top_frames, "article_id", [], []),
    "sizing_by_outlet": (an.sizing_by_outlet, None, [], []),
    "first_hits": (an.first_hits, "article_id", [], []),
    "frame_in_context": (lambda c: an.frame_in_context(c, "magnitude_smaller"), "article_id", [SPAN],
                         [(SPAN, "match")]),
    "negated_hits": (an.negated_hits, "article_id", [], []),
    "warmup_pair": (an.warmup_pair, "article_id", [], []),
    "naming_by_outlet": (an.naming_by_outlet, None, [], []),
    "naming_by_outlet people": (lambda c: an.naming_by_outlet(c, people=True), None, [], []),
    "nearest_neighbours": (an.nearest_neighbours, ("article_id", "nearest", "nearest_by_shingles"), [], []),
    "closest_follower": (an.closest_follower, ("article", "source"), [], []),
    "quote_versions": (an.quote_versions, "article_id", [SPAN], [(SPAN, "text")]),
    "term_in_context": (lambda c: an.term_in_context(c, "the budget"), "article_id", [SPAN], [(SPAN, "match")]),
}


@pytest.fixture(scope="module")
def corpora(sample_corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {"sample": sample_corpus, "one article": an.from_texts(ONE),
                "no quotes": an.from_texts(NO_QUOTES, outlet={"a": "A", "b": "B", "c": "C"})}


def _call(func, corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one article, no quotes: analyses may say so
        return func(corpus)


@pytest.mark.parametrize("which", ["sample", "one article", "no quotes"])
@pytest.mark.parametrize("name", list(CASES))
def test_analysis_contract(corpora, which, name):
    corpus = corpora[which]
    func, ids, spans, texts = CASES[name]
    out = _call(func, corpus)
    assert isinstance(out, pd.DataFrame), f"{name} returned {type(out).__name__}"
    assert out.columns.is_unique and all(isinstance(c, str) for c in out.columns)
    assert isinstance(out.index, pd.RangeIndex), f"{name}: rows are observations, not labelled by an index"
    id_columns = (ids,) if isinstance(ids, str) else (ids or ())
    for col in id_columns:
        assert col in out.columns, f"{name} has no {col} column"
        assert set(out[col].dropna().astype(str)) <= set(corpus.ids)  # missing: no such article (a tie, say)
    text_of = {aid: corpus.text(aid) for aid in corpus.ids}
    for span in spans:
        s_col, e_col = span[0], span[1]
        aid_col = span[2] if len(span) > 2 else id_columns[0]
        for aid, s, e in zip(out[aid_col].astype(str), out[s_col], out[e_col]):
            if pd.isna(s) and pd.isna(e):
                continue
            assert 0 <= int(s) <= int(e) <= len(text_of[aid]), f"{name}: {s_col}/{e_col} {s}:{e} outside {aid}"
    for (s_col, e_col), t_col in texts:
        for aid, s, e, t in zip(out[id_columns[0]].astype(str), out[s_col], out[e_col], out[t_col]):
            if pd.isna(s) or pd.isna(t):
                continue
            assert text_of[aid][int(s):int(e)] == t, f"{name}: {t_col} is not the text at {s_col}:{e_col}"
    again = _call(func, corpus)
    pd.testing.assert_frame_equal(out, again)
    if len(out.columns):
        out[out.columns[0]] = None  # a caller changing a result must not change the memo
        pd.testing.assert_frame_equal(_call(func, corpus), again)


def test_every_public_analysis_is_checked():
    """A new public analysis needs a row in CASES."""
    not_analyses = {"Corpus", "CorpusError", "CorpusWarning", "Article", "ensure_cmudict", "from_jsonl",
                    "from_records", "from_table", "from_texts", "load_event", "load_lexicon", "split_sentences",
                    "stopwords", "words", "features_from_records", "glossary", "split_article",
                    "table", "prose", "count", "listing", "texts", "about", "NOISE", "compare", "differs",
                    "leader", "lexicon_summary", "readability_pair", "sentence_similarity",
                    "article_link", "article_links",
                    # readings: sentences from a table, not analyses of a corpus
                    "claims_reading", "facts_reading", "left_out_reading", "discrepancies_reading",
                    "textstat_reading", "pair_intro", "pair_reading",
                    "naming_differences"}  # (a list of phrases)
    public = {n for n in an.__all__ if n not in not_analyses}
    assert public <= set(CASES), f"add to CASES: {sorted(public - set(CASES))}"


def test_a_corpus_computes_each_analysis_once(monkeypatch):
    """quotes, attributions, frames, characterizations, quote_summary and the annotated pages
    share one pass of the per-article source finder."""
    import sys

    q = sys.modules["analysis.quotes"]  # the module (the package exports a function of that name)

    calls = []
    real = q.sources_of
    monkeypatch.setattr(q, "sources_of", lambda art: calls.append(art.article_id) or real(art))
    c = an.from_texts(NO_QUOTES)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        an.quotes(c), an.attributions(c), an.frames(c), an.frame_scores(c), an.characterizations(c)
        an.quote_summary(c), an.quote_variants(c), an.quotes(c)
    assert calls == ["a", "b", "c"]
