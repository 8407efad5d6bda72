"""Tests for analysis.wording, analysis.naming and analysis.passages."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analysis as an
import analysis.plots as plots
from analysis.naming import load_transliterations, name_key, person_mentions
from analysis.wording import WordingWarning, term_counts

EVENT = Path(__file__).resolve().parents[1] / "data/events/ukraine-weapons-2024-05"


@pytest.fixture(scope="module")
def event():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return an.load_event(EVENT)


def corpus(texts: dict[str, str], **meta):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return an.from_texts(texts, **meta)


# --------------------------------------------------------------------------- distinctive terms

def test_word_only_one_outlet_uses_tops_its_list():
    c = corpus({
        "a1": "The army shelled the town. The army shelled the bridge. Officials said the army retreated.",
        "b1": "Officials said troops crossed the river. Officials said the town fell.",
        "c1": "Officials said troops moved. Troops crossed the bridge.",
    }, outlet={"a1": "A", "b1": "B", "c1": "C"})
    d = an.distinctive_terms(c, min_count=2)
    top = d[d["rank"] == 1].set_index("group")["term"]
    assert top["A"] in {"army", "shelled", "army shelled"}
    a = d[(d.group == "A") & (d.term == "army")].iloc[0]
    assert a["count"] == 3 and a["count_rest"] == 0 and a["z"] > 0
    assert a["rate_per_1000"] == pytest.approx(1000 * 3 / c.articles.loc["a1", "n_words"])
    # "officials said" is shared by everyone: it never beats a word only A uses.
    assert d[(d.group == "A") & (d.term == "officials said")].empty or \
        d[(d.group == "A") & (d.term == "officials said")].iloc[0]["z"] < a["z"]


def test_log_odds_matches_the_formula():
    c = corpus({"x": "alpha alpha alpha beta gamma.", "y": "alpha beta beta gamma gamma."},
               outlet={"x": "X", "y": "Y"})
    d = an.distinctive_terms(c, min_count=1, ngram=(1, 1))
    row = d[(d.group == "X") & (d.term == "alpha")].iloc[0]
    # Counts: X alpha 3 of 5, Y alpha 1 of 5; prior from the corpus, a0 = 10.
    a = 10 * 4 / 10
    delta = np.log((3 + a) / (5 + 10 - 3 - a)) - np.log((1 + a) / (5 + 10 - 1 - a))
    se = np.sqrt(1 / (3 + a) + 1 / (1 + a))
    assert row["log_odds"] == pytest.approx(delta)
    assert row["z"] == pytest.approx(delta / se)
    # Two groups: each term's z for X is minus its z for Y.
    y = d[(d.group == "Y") & (d.term == "alpha")].iloc[0]
    assert y["z"] == pytest.approx(-row["z"])


def test_stopwords_numbers_and_min_count():
    c = corpus({"a": "The 300 missiles and the 300 missiles. Missiles flew.",
                "b": "The rockets and the drones. Rockets flew."}, outlet={"a": "A", "b": "B"})
    d = an.distinctive_terms(c, min_count=2)
    assert not d.term.isin(["the", "and", "300"]).any()
    assert (d["count"] >= 2).all()
    masked = an.distinctive_terms(c, min_count=2, numbers="mask")
    assert "# missiles" in set(masked.term) and "#" not in set(masked.term)  # "#" only in "# missiles"
    assert "#" in set(an.distinctive_terms(c, min_count=2, numbers="mask", keep_nested=True).term)


def test_background_prior_and_flat_prior():
    c = corpus({"a": "Kyiv forces hit back. Kyiv forces held.", "b": "Kiev forces moved. Kiev troops held."},
               outlet={"a": "A", "b": "B"})
    bg = pd.Series({"forces": 1000, "kyiv": 1, "kiev": 1, "troops": 100})
    d1 = an.distinctive_terms(c, prior=bg, prior_strength=50)
    d2 = an.distinctive_terms(c, prior=None)
    d3 = an.distinctive_terms(c, prior=c)
    for d in (d1, d2, d3):
        assert d[d.group == "A"].iloc[0]["term"] in {"kyiv", "kyiv forces"}
    with pytest.raises(TypeError):
        an.distinctive_terms(c, prior=42)
    with pytest.raises(KeyError, match="no such article column"):
        an.distinctive_terms(c, by="colour")


def test_many_groups():
    texts = {f"a{i}": f"Common words here. Unique{chr(97 + i % 26)}{i} term{i} repeated term{i}." for i in range(40)}
    c = corpus(texts, outlet={k: f"O{i}" for i, k in enumerate(texts)})
    d = an.distinctive_terms(c, min_count=2, top=1)
    assert len(d) == 40
    assert (d.term == [f"term{i}" for i in range(40)]).all()


def test_single_article_and_no_shared_words_warn():
    one = corpus({"a": "Only one article here."})
    with pytest.warns(WordingWarning, match="at least two groups"):
        d = an.distinctive_terms(one)
    assert d.empty and "z" in d.columns
    apart = corpus({"a": "Tanks tanks rolled.", "b": "Bread bread baked."}, outlet={"a": "A", "b": "B"})
    with pytest.warns(WordingWarning, match="share no words"):
        d = an.distinctive_terms(apart)
    assert set(d.term) >= {"tanks", "bread"}


def test_term_counts_possessive_and_bigrams():
    c = corpus({"a": "Biden’s decision. Biden's team. Biden decision"})
    t = term_counts(c).set_index("term")["count"]
    assert t["biden"] == 3 and t["biden decision"] == 2 and "decision biden" not in t


def test_sample_event_distinctive(event):
    d = an.distinctive_terms(event)
    assert set(d.group) == {"AP", "CNN", "NYT", "Rewrite", "Scripps"}
    # The NYT alone writes "Mr. Biden"; only Scripps attributes to "a source familiar".
    nyt = d[d.group == "NYT"].set_index("term")
    assert nyt.loc["mr biden", "count"] == 4 and nyt.loc["mr biden", "count_rest"] == 0
    assert nyt.loc["mr biden", "z"] > 1
    assert "source familiar" in set(d[(d.group == "Scripps") & (d["rank"] <= 5)].term)
    assert d.groupby("group")["rank"].min().eq(1).all()


# --------------------------------------------------------------------------- similarity

def test_unrelated_texts_near_zero_and_copies_one():
    c = corpus({
        "war": "Artillery shelled the northern city as troops advanced toward the border.",
        "copy": "Artillery shelled the northern city as troops advanced toward the border.",
        "bake": "The bakery sells sourdough loaves and croissants every Sunday morning.",
    })
    for method in ("tfidf", "shingles"):
        s = an.similarity(c, method=method)
        assert s.shape == (3, 3)
        assert s.loc["war", "copy"] == pytest.approx(1.0, abs=1e-5)
        assert s.loc["war", "bake"] == pytest.approx(0.0, abs=1e-6)
        assert np.allclose(s.to_numpy(), s.to_numpy().T)
        assert s.to_numpy().dtype == np.float32


def test_tfidf_matches_direct_computation():
    texts = {"a": "red apples green pears red cherries", "b": "green apples green grapes",
             "c": "red wine and red grapes", "d": "pears grapes apples"}
    c = corpus(texts)
    s = an.similarity(c).to_numpy()
    vocab = sorted({w for t in texts.values() for w in t.split() if w != "and"})
    N = len(texts)
    counts = np.array([[t.split().count(w) for w in vocab] for t in texts.values()], float)
    df = (counts > 0).sum(0)
    idf = np.log((1 + N) / (1 + df)) + 1
    X = np.where(counts > 0, 1 + np.log(np.maximum(counts, 1)), 0) * idf
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    assert np.allclose(s, X @ X.T, atol=1e-5)


def test_similarity_long_top_k():
    c = corpus({"a": "tanks rolled into town", "b": "tanks rolled into the city", "c": "bakers baked bread"})
    long = an.similarity(c, form="long", top_k=1)
    assert list(long.columns) == ["article_a", "article_b", "outlet_a", "outlet_b", "similarity", "rank"]
    assert long.set_index("article_a").loc["a", "article_b"] == "b"
    pairs = an.similarity(c, form="long")
    assert len(pairs) == 3 and pairs.iloc[0][["article_a", "article_b"]].tolist() == ["a", "b"]
    with pytest.raises(ValueError, match="method"):
        an.similarity(c, method="bert")


def test_similarity_single_article_and_nothing_shared_warn():
    with pytest.warns(WordingWarning, match="at least two"):
        s = an.similarity(corpus({"a": "Only one article."}))
    assert s.shape == (1, 1)
    with pytest.warns(WordingWarning, match="no two articles share"):
        an.similarity(corpus({"a": "Tanks rolled.", "b": "Bread baked."}))


def test_sample_event_similarity(event):
    s = an.similarity(event)
    # The unattributed rewrite (003) is closest to the AP story (000), by both measures.
    for method in ("tfidf", "shingles"):
        m = an.similarity(event, method=method)
        assert m.loc["003"].drop("003").idxmax() == "000"
    assert (s.to_numpy().diagonal() == 1).all()


# --------------------------------------------------------------------------- shared passages

def test_copied_paragraph_found_with_exact_offsets():
    para = ("The officials, who requested anonymity to discuss the sensitive matter, said the "
            "policy on long-range missiles has not changed.")
    a = "Washington was quiet on Friday. " + para + " Then the talks ended."
    b = "In Kyiv, officials welcomed the move.\n\n“" + para.replace(",", "") + "”\n\nMore later."
    c = corpus({"a": a, "b": b, "x": "Nothing in common with anything at all here, truly nothing."})
    sp = an.shared_passages(c, min_words=8)
    assert len(sp) == 1
    row = sp.iloc[0]
    ta, tb = c.text("a"), c.text("b")
    assert (row.start_a, row.end_a) == (ta.index("The officials"), ta.index("changed.") + len("changed"))
    assert (row.start_b, row.end_b) == (tb.index("The officials"), tb.index("changed.") + len("changed"))
    assert row.n_words == len(para.split())
    assert row.text_a == ta[row.start_a:row.end_a] and row.text_b == tb[row.start_b:row.end_b]
    assert (row.article_a, row.article_b) == ("a", "b")


def test_passages_tolerate_quotes_and_stop_at_differences():
    a = "He said “we will hit back against forces that attack us from across the border” today."
    b = "Officials said \"We will hit back against forces that attack us\" and left."
    sp = an.shared_passages(corpus({"a": a, "b": b}), min_words=5)
    assert sp.text_a.tolist() == ["said “we will hit back against forces that attack us"]
    assert sp.text_b.tolist() == ['said "We will hit back against forces that attack us']
    assert sp.n_words.tolist() == [10]
    assert an.shared_passages(corpus({"a": a, "b": b}), min_words=11).empty


def test_passages_single_article_warns():
    with pytest.warns(UserWarning, match="two articles"):
        assert an.shared_passages(corpus({"a": "One article with quite a few words in it."})).empty
    with pytest.raises(ValueError, match="min_words"):
        an.shared_passages(corpus({"a": "x", "b": "y"}), min_words=1)


def test_sample_event_shared_passages(event):
    sp = an.shared_passages(event, min_words=8)
    pairs = set(zip(sp.article_a, sp.article_b))
    assert ("000", "003") in pairs and ("002", "004") in pairs
    rw = sp[(sp.article_a == "000") & (sp.article_b == "003")]
    assert rw.text_b.str.contains("hit back against Russian forces").any()
    st = sp[(sp.article_a == "002") & (sp.article_b == "004")]
    assert st.text_a.str.startswith("The President recently directed his team").any()
    for r in sp.itertuples():
        assert event.text(r.article_a)[r.start_a:r.end_a] == r.text_a
        assert event.text(r.article_b)[r.start_b:r.end_b] == r.text_b


# --------------------------------------------------------------------------- naming variants

def test_variant_pairs_are_grouped():
    c = corpus({
        "a": "Strikes hit Kyiv. The counter-fire hit U.S. positions. Zelenskyy spoke in Kyiv.",
        "b": "Strikes hit Kiev. The counterfire hit US positions. Zelensky spoke in Kiev.",
    }, outlet={"a": "A", "b": "B"})
    v = an.naming_variants(c, min_count=1)
    groups = v.groupby("group")["variant"].apply(set).to_dict()
    assert groups["Kyiv"] == {"Kyiv", "Kiev"}
    assert {"U.S.", "US"} in groups.values()
    assert {"counter-fire", "counterfire"} in groups.values()
    assert groups["Zelenskyy"] == {"Zelenskyy", "Zelensky"}
    kyiv = v[v.group == "Kyiv"].set_index("variant")
    assert kyiv.loc["Kyiv", "outlet"] == "A" and kyiv.loc["Kiev", "count"] == 2


def test_lowercase_lookalikes_are_not_variants():
    c = corpus({"a": "It's late and its time. Every day we meet.", "b": "Everyday life. Its late. It's over."})
    v = an.naming_variants(c, min_count=1)
    assert v.empty


def test_similar_spelling_checks():
    c = corpus({"a": "Officials in Kharkov met Ben Carson.", "b": "Officials in Kharkiv met Tucker Carlson.",
                "c": "Russia and Russian troops."}, outlet={"a": "A", "b": "B", "c": "C"})
    v = an.naming_variants(c, min_count=1)
    groups = v.groupby("group")["variant"].apply(set).to_dict()
    assert groups.get("Kharkiv") == {"Kharkov", "Kharkiv"}
    assert not any({"Carson", "Carlson"} <= g for g in groups.values())
    assert not any({"Russia", "Russian"} <= g for g in groups.values())


def test_user_transliterations_and_acronyms():
    c = corpus({"a": "Aid reached Gaza City. The European Union (EU) met. Aaron Pickrell spoke to AP.",
                "b": "Aid reached Ghazzah. Later the EU agreed. The Associated Press asked the AP desk."},
               outlet={"a": "A", "b": "B"})
    v = an.naming_variants(c, transliterations={"Gaza City": ["Gaza City", "Ghazzah"]}, min_count=1)
    groups = v.groupby("group")["variant"].apply(set).to_dict()
    assert groups["Gaza City"] == {"Gaza City", "Ghazzah"}
    assert {"European Union", "EU"} in groups.values()
    # Two-letter acronyms need a definition in parentheses: "Aaron Pickrell" is not "AP".
    assert not any("AP" in g for g in groups.values())
    assert set(load_transliterations().columns) == {"group", "variant", "kind", "note"}
    with pytest.raises(FileNotFoundError):
        an.naming_variants(c, transliterations="/no/such/file.csv")


def test_person_name_forms():
    c = corpus({
        "a": "Defense Secretary Lloyd Austin met Gen. CQ Brown. Austin and Brown agreed.",
        "b": "Secretary of Defense Lloyd J. Austin III called Gen. Charles Q. Brown. Mr. Austin left.",
        "c": "Hunter Biden spoke. President Joe Biden did not. Biden left.",
    })
    p = person_mentions(c)
    # A middle initial more or less is another name (George Bush / George W. Bush): the
    # bare and titled surnames go to the name used in their article.
    assert set(p[p.person == "Lloyd Austin"].name) == {"Lloyd Austin", "Austin"}
    assert set(p[p.person == "Lloyd J. Austin III"].name) == {"Lloyd J. Austin III", "Austin"}
    assert set(p[p.surname == "Brown"].person) == {"CQ Brown"}
    # Two people named Biden stay apart; the bare surname goes to the one named before it.
    assert set(p[p.surname == "Biden"].person) == {"Hunter Biden", "Joe Biden"}
    assert p[(p.article_id == "c") & (p.mention == "Biden")].person.tolist() == ["Joe Biden"]
    t = p.set_index("mention")["title"]
    assert t["Secretary of Defense Lloyd J. Austin III"] == "Secretary of Defense" and t["Mr. Austin"] == "Mr."
    assert name_key("C.Q.") == name_key("CQ")


def test_sample_event_naming(event):
    v = an.naming_variants(event)
    kyiv = v[v.group == "Kyiv"].groupby("variant")["outlet"].apply(set)
    assert kyiv["Kiev"] == {"CNN", "NYT"} and kyiv["Kyiv"] == {"AP", "Rewrite", "Scripps"}
    cf = v[v.variant.isin(["counterfire", "counter-fire"])]
    assert cf.group.nunique() == 1 and set(cf.outlet) == {"AP", "Scripps"}
    brown = v[(v.kind == "person") & (v.group == "CQ Brown")]
    assert {"Gen. CQ Brown", "Chairman of the Joint Chiefs of Staff C.Q. Brown"} <= set(brown.variant)
    biden = v[(v.kind == "person") & (v.group == "Joe Biden")].set_index(["variant", "outlet"])["count"]
    assert biden[("Mr. Biden", "NYT")] == 4
    us = v[v.variant.isin(["U.S.", "US"])]
    assert us.group.nunique() == 1


# --------------------------------------------------------------------------- KWIC and ledes

def test_keyword_in_context():
    c = corpus({"a": "Biden’s decision. The decision was Biden's.\nDecisions matter."})
    k = an.keyword_in_context(c, "decision", width=5)
    assert k["match"].tolist() == ["decision", "decision"]
    assert [c.text("a")[s:e] for s, e in zip(k.start, k.end)] == ["decision", "decision"]
    assert an.keyword_in_context(c, "Biden's")["match"].tolist() == ["Biden’s", "Biden's"]
    assert len(an.keyword_in_context(c, r"decisions?", regex=True)) == 3
    assert an.keyword_in_context(c, "absent").empty
    with pytest.raises(ValueError, match="regular expression"):
        an.keyword_in_context(c, "(", regex=True)


def test_ledes_method():
    c = corpus({
        "a": "The White House has quietly approved a plan allowing strikes inside Russia.",
        "b": "President Biden, under pressure from allies, allowed Ukraine to strike back.",
        "c": "No verb here",
    })
    l = an.ledes(c).set_index("article_id")
    assert l.loc["a", "verb_phrase"] == "has quietly approved a plan"
    assert l.loc["b", "decision"] == "allowed …" and l.loc["b", "first_named"] == "Biden"
    assert l.loc["b", "first_named_title"] == "President"
    assert l.loc["c", "verb_phrase"] == ""


def test_sample_event_ledes(event):
    l = an.ledes(event).set_index("article_id")
    assert l.loc["000", "decision"] == "has given … the go-ahead"
    assert l.loc["001", "decision"] == "has given … permission"
    assert l.loc["002", "verb"] == "allowed"
    assert l.loc["003", "verb_phrase"] == "has approved a policy"
    assert l.loc["004", "verb_phrase"] == "has shifted its stance"
    assert (l.first_named.str.contains("Biden")).all()
    for aid, r in l.iterrows():
        assert event.text(aid)[r.vp_start:r.vp_end] == r.verb_phrase


def test_bad_input():
    with pytest.raises(TypeError, match="Corpus"):
        an.distinctive_terms({"a": "text"})
    with pytest.raises(TypeError, match="Corpus"):
        an.similarity("not a corpus")
    empty = an.from_records([])
    with pytest.warns(WordingWarning):
        assert an.similarity(empty).shape == (0, 0)
    assert an.naming_variants(empty).empty
    assert an.keyword_in_context(empty, "x").empty


# --------------------------------------------------------------------------- who follows whom

def test_sentence_unit_and_follows():
    c = corpus({
        "wire": "Tanks rolled into the town. Bakers baked fresh bread. Heavy rain fell all night.",
        "copy": "Tanks rolled into town today. Bakers baked bread. Rain fell all night long.",
        "other": "Rain fell all night long. Tanks rolled into the town.",
    })
    s = an.similarity(c, unit="sentence")
    assert s.index.names == ["article_id", "sent_id"] and s.shape == (8, 8)
    sub = s.loc["copy"]["wire"].to_numpy()
    assert sub.argmax(axis=1).tolist() == [0, 1, 2]
    f = an.follows(c).set_index(["article", "source"])
    assert f.loc[("copy", "wire"), "n_in_order"] == 3 and f.loc[("copy", "wire"), "share_in_order"] == 1.0
    # "other" has both sentences of "wire" but in reverse order: only one keeps the order.
    assert f.loc[("other", "wire"), "n_matched"] == 2 and f.loc[("other", "wire"), "n_in_order"] == 1
    with pytest.warns(WordingWarning):
        assert an.follows(corpus({"a": "One."})).empty


def test_sentence_similarity_is_the_pair_block_of_the_sentence_matrix(event):
    """The plain way (the whole sentence x sentence matrix) against the pair's block."""
    whole = an.similarity(event, unit="sentence")
    for a in event.ids:
        for b in event.ids:
            if a != b:
                block = an.sentence_similarity(event, a, b)
                assert block.index.name == "sent_id" and block.columns.name == "other_sent_id"
                np.testing.assert_allclose(block.to_numpy(), whole.loc[a][b].to_numpy(), atol=1e-6)
    with pytest.raises(ValueError, match="two different articles"):
        an.sentence_similarity(event, "000", "000")
    with pytest.raises(KeyError, match="no article"):
        an.sentence_similarity(event, "000", "nope")


def test_fifty_thousand_one_word_lines_do_not_make_a_square_matrix():
    """'word' on 50,000 lines is 50,000 sentences: the sentence matrix would be 9.3 GiB (a
    report was killed for memory); now a clear error, and the pair's block is bounded."""
    c = corpus({"a": "word\n" * 50_000, "b": "Tanks rolled into town. word"})
    with pytest.raises(ValueError, match="50,00[0-9] sentences would make .* an.sentence_similarity"):
        an.similarity(c, unit="sentence")
    with pytest.warns(WordingWarning, match="only the first 400"):
        block = an.sentence_similarity(c, "a", "b")
    assert block.shape == (400, len(c.body_sentences().query("article_id == 'b'")))
    assert an.similarity(c).shape == (2, 2)  # articles: two


def test_sample_event_rewrite_follows_ap(event):
    f = an.follows(event)
    top = f.iloc[0]
    assert (top.article, top.source) == ("003", "000")
    assert top.share_in_order > 0.5
    assert (f[(f.article == "003") & (f.source != "000")].share_in_order < 0.4).all()


def test_the_alignment_chart_says_when_it_shows_the_first_sentences_only():
    c = corpus({"a": "word\n" * 500 + "Tanks rolled into town.", "b": "Tanks rolled into town. Bakers baked."})
    f = an.follows(c)
    pair = f[f.article == "a"].iloc[0]
    with pytest.warns(WordingWarning):
        block = an.sentence_similarity(c, "a", "b")
    ax = plots.wording.sentence_alignment(block, c, pair).axes[0]
    assert ax.get_ylabel().endswith("(the first 400 of 501)")


def test_nearest_neighbour_is_named_only_when_one_article_is_most_alike():
    c = an.from_texts({"a": "Tanks rolled into the town today.", "b": "Tanks rolled into the town.",
                       "c": "Bakers sold bread at the market.", "d": "Pilots flew planes over seas."})
    out = an.nearest_neighbours(c).set_index("article_id")
    assert out.loc["a", "nearest"] == "b" and bool(out.loc["a", "same"])
    # "c" shares no content word with anything: no neighbour, not an arbitrary first column.
    assert out.loc["c", ["nearest", "nearest_outlet", "nearest_by_shingles"]].isna().all()
    assert out.loc["c", "tfidf"] == 0 and not out.loc["c", "same"]
    # Two others exactly as alike: a tie names neither.
    t = an.from_texts({"x": "Tanks rolled in.", "y": "Tanks rolled in.", "z": "Tanks rolled in."})
    assert an.nearest_neighbours(t)["nearest"].isna().all()


def test_a_lede_object_goes_on_past_an_ing_word_after_a_determiner():
    c = an.from_texts({"a": "Republicans brushed aside the glowing report card on repairs issued Sunday.",
                       "b": "Biden gave Ukraine permission, allowing strikes near Kharkiv."})
    vp = an.ledes(c).set_index("article_id").verb_phrase
    assert vp["a"] == "brushed aside the glowing report card"
    assert vp["b"] == "gave Ukraine permission"


def test_lede_main_verb_after_an_opening_clause():
    """A lede that opens with an adverbial clause or phrase ("Ever since rumors began
    swirling ..., it was"; "After weeks of talks, ...") is read from its main clause; a
    subordinate clause with an appositive keeps going to the comma after its verb."""
    c = an.from_texts({
        "a": "Ever since rumors began swirling about a letter, it was only a matter of time before she spoke.",
        "b": "After weeks of talks, the council approved the budget on Monday.",
        "c": "When Ann Lee, an engineer, moved to the city, she was expecting a quiet life.",
        "d": "President Biden, under pressure from aides, allowed Ukraine to strike back."})
    got = an.ledes(c).set_index("article_id")
    assert got.loc["a", "subject"] == "it" and got.loc["a", "verb"] == "was"
    assert got.loc["b", "subject"] == "the council" and got.loc["b", "verb"] == "approved"
    assert got.loc["c", "subject"] == "she"
    assert got.loc["d", "subject"] == "President Biden" and got.loc["d", "verb"] == "allowed"
