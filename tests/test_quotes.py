"""Quotes, speakers, attributions, quote variants and the per-outlet summary."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

import analysis as an
from analysis.quotes import QUOTE_COLUMNS


def q1(text: str) -> pd.DataFrame:
    return an.quotes(an.from_texts({"a": text}))


# --------------------------------------------------------------------------- sample event

# (article, first words of the quote, resolved speaker, partial) for every direct quote,
# counted by reading the five articles.
SAMPLE = [
    ("000", "counterfire purposes", "one official", True),
    ("000", "hallmark", "Antony Blinken", True),
    ("000", "adapt and adjust", "Antony Blinken", True),
    ("001", "The president recently directed", "one of the officials", False),
    ("001", "adapt and adjust.", "Antony Blinken", True),
    ("001", "adapted to the changing", "Antony Blinken", True),
    ("001", "and I’m sure we’ll continue", "Antony Blinken", False),
    ("001", "Ukrainian territory is being attacked", "Emmanuel Macron", False),
    ("001", "If we tell them", "Emmanuel Macron", False),
    ("001", "We believe that we should", "Emmanuel Macron", False),
    ("001", "positioned to deter", "Antony Blinken", True),
    ("001", "The US is feeling", "one European diplomat", False),
    ("001", "Denying Ukraine the ability", "Jens Stoltenberg", False),
    ("002", "The President recently directed", "U.S. official", False),
    ("002", "Our policy regarding", "statement", False),
    ("003", "hit back against Russian forces", "one official", True),
    ("004", "The President recently directed", "U.S. official", False),
    ("004", "We need to consider", "Jens Stoltenberg", False),
    ("004", "As the conditions have changed", "Antony Blinken", False),
    ("004", "the aerial dynamic", "Lloyd Austin", True),
    ("004", "This is a step forward", "John Herbst", False),
    ("004", "The administration announces", "John Herbst", False),
]


@pytest.fixture(scope="module")
def sample_quotes(sample_corpus):
    return an.quotes(sample_corpus)


def test_sample_has_all_22_direct_quotes_with_speakers(sample_quotes):
    assert list(sample_quotes.columns) == QUOTE_COLUMNS
    got = list(zip(sample_quotes.article_id, sample_quotes.text, sample_quotes.speaker_name))
    assert len(got) == 22
    for (aid, head, name, _), (g_aid, g_text, g_name) in zip(SAMPLE, got):
        assert (g_aid, g_text.startswith(head), g_name) == (aid, True, name)


def test_sample_short_partial_quotes(sample_quotes):
    short = sample_quotes[sample_quotes.n_words <= 3]
    assert short.text.tolist() == ["hallmark", "adapt and adjust", "adapt and adjust."]
    assert short.partial.all()
    full = sample_quotes[sample_quotes.text.str.startswith(("Ukrainian territory", "This is a step"))]
    assert not full.partial.any()


def test_sample_speaker_types_and_cues(sample_quotes):
    by = dict(zip(sample_quotes.text.str[:20], sample_quotes.speaker_type))
    assert by["Our policy regarding"] == "document"
    assert by["The US is feeling th"] == "anonymous"
    assert by["Denying Ukraine the "] == "person"
    herbst = sample_quotes[sample_quotes.speaker_name == "John Herbst"]
    assert herbst.speaker.tolist() == ["John Herbst", "he"]
    assert set(sample_quotes.cue.dropna()) >= {"said", "stated", "told", "noted", "explained", "continued"}


def test_sample_offsets_point_at_the_quoted_text(sample_corpus, sample_quotes):
    for r in sample_quotes.itertuples():
        text = sample_corpus.text(r.article_id)
        assert text[r.start:r.end] == r.text
        assert text[r.start - 1] in "“\""


def test_sample_attributions_named_and_anonymous(sample_corpus):
    a = an.attributions(sample_corpus)
    anon_words = a.source.str.contains(r"\b(?:[Oo]fficials?|sources?|diplomat)\b")
    assert anon_words.sum() >= 25
    assert a[anon_words].anonymous.all()
    for name in ["Blinken", "Macron", "Stoltenberg", "Herbst"]:
        rows = a[a.source_name.str.contains(name)]
        assert len(rows) >= 1 and not rows.anonymous.any(), name
    four = a[a.source.str.startswith("four U.S. officials familiar")]
    assert four["count"].tolist() == [4]
    assert four.reason.tolist() == ["who requested anonymity to discuss the sensitive matter"]
    assert a[a.source == "two US officials"][["count", "cue"]].values.tolist() == [[2, "told"]]
    assert "a source familiar with the decision" in a.source.tolist()
    assert ("White House officials", "insisted") in list(zip(a.source, a.cue))
    assert ("Officials", "noted") in list(zip(a.source, a.cue))
    moldova = a[(a.article_id == "000") & (a.source == "Blinken") & (a.cue == "said")]
    assert len(moldova) == 1 and not moldova.direct.iloc[0]


def test_sample_quote_variants_group_the_statement(sample_corpus):
    v = an.quote_variants(sample_corpus)
    stmt = v[v.text.str.contains("Russian forces that are attacking|Russian attacks or preparations")]
    assert stmt.group_id.nunique() == 1
    assert {"000", "001", "002", "004"} <= set(stmt.article_id)
    removed = {w for ws in stmt.removed for w in ws}
    added = {w for ws in stmt.added for w in ws}
    # Against the group's wording, each outlet's own rendering shows up as a difference.
    assert {"retaliatory", "fire control", "counterfire"} <= added
    assert stmt.diff_html.str.contains("<ins>").any() and stmt.diff_html.str.contains("<del>").any()
    assert removed


def test_sample_summary(sample_corpus):
    s = an.quote_summary(sample_corpus)
    assert s.outlet.tolist() == ["AP", "CNN", "NYT", "Rewrite", "Scripps"]
    assert s.quotes.sum() == 22
    assert (s[[c for c in s.columns if c.startswith("quotes_")]].sum(axis=1) == s.quotes).all()
    assert s.set_index("outlet").at["NYT", "quotes_document"] == 1
    assert ((s.share_quoted > 0) & (s.share_quoted < 1)).all()


# --------------------------------------------------------------------------- hand-made cases

def test_curly_and_straight_marks():
    q = q1('“We will adapt,” Smith said. "We always do," Jones said.')
    assert q[["text", "speaker"]].values.tolist() == [["We will adapt,", "Smith"], ["We always do,", "Jones"]]


def test_split_quote_shares_its_attribution():
    q = q1("“We have adapted to the battlefield,” Blinken said Wednesday in Moldova, “and I’m sure we’ll continue.”")
    assert q.speaker.tolist() == ["Blinken", "Blinken"]
    assert q.cue.tolist() == ["said", "said"]


def test_multi_paragraph_quote():
    text = ("Jane Doe, the mayor, spoke at length.\n\n“The first paragraph of what I say goes on\n\n"
            "“and the second paragraph ends it here,” Doe said.")
    q = q1(text)
    assert len(q) == 2
    assert q.speaker_name.tolist() == ["Jane Doe", "Jane Doe"]
    assert q.text.iloc[0] == "The first paragraph of what I say goes on"


def test_speaker_in_previous_sentence_and_pronoun():
    q = q1("“This is a step forward, but only a half step,” John Herbst, former U.S. ambassador, said. "
           "“It is part of a pattern of caution,” he said.\n\n"
           "Mary Major spoke to reporters in Paris on Tuesday. “We will never accept it.”")
    assert q.speaker.tolist()[:2] == ["John Herbst", "he"]
    assert q.speaker_name.tolist()[:2] == ["John Herbst", "John Herbst"]
    # The sentence before names Mary Major but attributes nothing to her: not guessed.
    assert q.speaker_type.iloc[2] == "unknown"


def test_previous_sentence_with_speech_verb():
    q = q1("Blinken said on Wednesday that policy was evolving. “We adapt and adjust to what we see.”")
    assert q.speaker_name.tolist() == ["Blinken"]
    assert q.how.tolist() == ["previous sentence"]


def test_colon_introduction():
    q = q1("The statement continued: “Our policy regarding long-range strikes has not changed.”")
    assert q[["speaker", "speaker_type", "cue"]].values.tolist() == [["The statement", "document", "continued"]]


def test_inverted_attribution_with_appositive():
    q = q1("“The ban is over for now,” said John Herbst, the former ambassador to Ukraine.")
    assert q[["speaker", "speaker_name", "speaker_type"]].values.tolist() == [["John Herbst", "John Herbst", "person"]]


def test_surname_resolves_to_full_name():
    q = q1("Secretary of State Antony Blinken visited Kyiv. “We stand with Ukraine today,” Blinken said.")
    assert q.speaker_name.tolist() == ["Antony Blinken"]


def test_according_to_and_anonymous_type():
    q = q1("“They can hit back against Russian forces,” according to two U.S. officials.")
    assert q[["speaker", "speaker_type"]].values.tolist() == [["two U.S. officials", "anonymous"]]


def test_no_attribution_is_unknown_never_guessed():
    q = q1("Smith arrived late. The crowd waited.\n\n“Nobody knows what comes next in this war.”")
    assert q.speaker_type.tolist() == ["unknown"]
    assert q.speaker.isna().all() and q.speaker_name.isna().all()


def test_titles_slogans_and_nicknames_are_not_quotes():
    q = q1("He appeared on “Meet the Press” wearing a “Make America Great Again” cap. "
           "Critics call the plan “a disaster in slow motion,” Jones said.")
    assert q.text.tolist() == ["a disaster in slow motion,"]


def test_partial_quote_inside_outlet_sentence():
    q = q1("That position, Blinken noted, was a “hallmark” of the administration.")
    assert q[["text", "speaker", "partial", "cue"]].values.tolist() == [["hallmark", "Blinken", True, "noted"]]


@pytest.mark.parametrize("text", [
    "No quotes at all here.",
    "An opening mark “ that never closes, and more words follow here",
    "A stray closing mark” here. And “nested “inner” quote” ends, she said.",
    "\"Unbalanced straight marks \" are \" odd",
    "“”",
    "Mr. Smith said: “",
])
def test_odd_marks_do_not_fail(text):
    c = an.from_texts({"a": text})
    q = an.quotes(c)
    assert list(q.columns) == QUOTE_COLUMNS
    for r in q.itertuples():
        assert c.text("a")[r.start:r.end] == r.text
    an.attributions(c)
    an.quote_variants(c)
    an.quote_summary(c)


def test_empty_and_one_article_corpus():
    empty = an.from_records([])
    assert an.quotes(empty).empty and list(an.quotes(empty).columns) == QUOTE_COLUMNS
    assert an.attributions(empty).empty
    assert an.quote_variants(empty).empty
    assert an.quote_summary(empty).empty
    one = an.from_texts({"a": "“We will win this one,” Biden said."})
    assert an.quote_variants(one).empty
    assert an.quote_summary(one).quotes.tolist() == [1]


def test_not_a_corpus_gives_a_clear_error():
    with pytest.raises(TypeError, match="expected a Corpus"):
        an.quotes({"a": "text"})
    with pytest.raises(TypeError, match="expected a Corpus"):
        an.attributions("text")


def test_plots_return_figures(sample_corpus):
    from analysis.plots import quotes as pq

    summary = an.quote_summary(sample_corpus)
    for f in (pq.named_vs_anonymous, pq.speakers_by_type, pq.quoted_share):
        fig = f(summary)
        assert fig.axes[0].get_title("left")
        matplotlib.pyplot.close(fig)
