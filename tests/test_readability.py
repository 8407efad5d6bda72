"""Readability: counts, textstat's formulas on the project's sentences, flags, edge cases."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import textstat
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import analysis as an
from analysis.readability import (
    ARTICLE_COLUMNS,
    FORMULAS,
    SENTENCE_COLUMNS,
    STOCK_COLUMNS,
    body_text,
)

SAMPLE = Path(__file__).resolve().parents[1] / "data/events/ukraine-weapons-2024-05"


@pytest.fixture(scope="module", autouse=True)
def _cmudict():
    an.ensure_cmudict()


def stock(text: str) -> dict[str, float]:
    """textstat's own nine formulas on a text."""
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "automated_readability_index": textstat.automated_readability_index(text),
        "dale_chall_readability_score": textstat.dale_chall_readability_score(text),
        "linsear_write_formula": textstat.linsear_write_formula(text),
        "text_standard": float(textstat.text_standard(text, float_output=True)),
    }


def one(text: str):
    """readability() row and the corpus for a one-article corpus."""
    c = an.from_texts({"a": text})
    return an.readability(c).iloc[0], c


# --------------------------------------------------------------------------- hand-checked counts

@pytest.mark.parametrize("text, expected", [
    # com-mit-tee, con-sid-er, pro-pos-al, to-mor-row: 4 x 3 + 3 x 1 = 15 syllables; "tomorrow"
    # is on the Dale-Chall easy list, the other three long words are not.
    ("The committee will consider the proposal tomorrow.",
     dict(n_words=7, n_syllables=15, n_polysyllables=4, n_complex_words=3, n_difficult_words=3,
          n_characters=44, n_letters=43, n_tokens=7)),
    # The dash is a token (ARI counts it) but no word; "didn't" is one word of two syllables.
    ("Officials didn't say why — yet.",
     dict(n_words=5, n_syllables=8, n_polysyllables=1, n_complex_words=1, n_difficult_words=1,
          n_characters=26, n_letters=23, n_tokens=6)),
    ("The cat sat on the mat.",
     dict(n_words=6, n_syllables=6, n_polysyllables=0, n_complex_words=0, n_characters=18,
          n_letters=17, n_tokens=6)),
])
def test_counts_on_hand_checked_sentences(text, expected):
    row, c = one(text)
    assert row.n_sentences == 1
    for key, value in expected.items():
        assert row[key] == value, key
    sent = an.sentence_readability(c).iloc[0]
    for key, value in expected.items():
        assert sent[key] == value, key
    assert (sent.start, sent.end) == (0, len(text))


def test_sentence_lengths_and_long_share():
    long = "This sentence is written to run well past the limit of twenty five words so that it counts as a long one for the share and then some more."
    text = f"Short one here. {long} Another short sentence follows."
    row, c = one(text)
    sents = an.sentence_readability(c)
    assert sents.n_words.tolist() == [3, 29, 4]
    assert sents.over_25.tolist() == [False, True, False]
    assert row.n_sentences == 3
    assert row.mean_sentence_length == pytest.approx(36 / 3)
    assert row.median_sentence_length == 4
    assert row.max_sentence_length == 29
    assert row.share_over_25 == pytest.approx(1 / 3)


def test_sentences_come_from_the_segmenter_not_textstat():
    text = "The U.S. agreed. Gen. Brown said the decision was difficult."
    row, c = one(text)
    assert row.n_sentences == 2                      # the segmenter's
    assert an.textstat_stock(c).n_sentences.iloc[0] == 1   # textstat's: "The U.", "S.", "Gen." dropped
    assert an.sentence_readability(c).text.tolist() == ["The U.S. agreed.", "Gen. Brown said the decision was difficult."]
    # same words and syllables as textstat
    assert row.n_words == textstat.lexicon_count(text) == 10
    assert row.n_syllables == textstat.syllable_count(text)
    # the formulas use 2 sentences: 10/2 words per sentence, 15/10 syllables per word
    assert row.flesch_kincaid_grade == pytest.approx(0.39 * 5 + 11.8 * 1.5 - 15.59)
    assert row.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 5 - 84.6 * 1.5)


# --------------------------------------------------------------------------- formulas = textstat's

SENTENCES = [
    "The committee will consider the proposal tomorrow morning.",
    "Officials didn't say why the meeting was delayed — again.",
    "Ukraine’s counter-fire hit 20 targets across the border on Thursday!",
    "Why would anyone believe that promise now?",
    "It's a long-standing policy, and it isn't going to change soon.",
    "The administration announced additional restrictions on international shipments.",
    "Soldiers waited (for hours) in the cold rain near the river.",
    "Nobody expected the negotiations to succeed so quickly.",
    "Kharkiv, the second-largest city, is just 20 kilometers from the frontier.",
    "We've adapted and adjusted, and we'll continue to do that.",
    "Diplomats described the unexpected announcement as extraordinarily significant.",
    "The children played happily in the sunny garden all afternoon.",
]


def texts_where_counts_agree():
    short = " ".join(SENTENCES[:4])
    medium = " ".join(SENTENCES)                                  # > 100 words: Linsear's cap applies
    paragraphs = "\n\n".join(" ".join(SENTENCES[i:i + 3]) for i in range(0, len(SENTENCES), 3))
    long = " ".join(SENTENCES * 3)                                # > 30 sentences
    return [short, medium, paragraphs, long]


@pytest.mark.parametrize("text", texts_where_counts_agree())
def test_formulas_equal_textstat_where_sentence_counts_agree(text):
    row, c = one(text)
    body = body_text(c, "a")
    assert textstat.sentence_count(body) == row.n_sentences    # the premise
    for name, value in stock(body).items():
        assert row[name] == pytest.approx(value, rel=1e-12, abs=1e-12), name
    stock_row = an.textstat_stock(c).iloc[0]
    for name in FORMULAS:
        assert stock_row[name] == pytest.approx(row[name], rel=1e-12, abs=1e-12), name


_WORDS = st.sampled_from(
    "the a of policy administration officials said weapons Ukraine Russia border city attack "
    "don't it's we'll counter-fire long-range 2024 20 — “quoted” (aside) Kharkiv’s extraordinary "
    "significant diplomats nobody expected tomorrow beautiful committee and".split())
_SENTENCE = st.tuples(st.lists(_WORDS, min_size=3, max_size=40), st.sampled_from([".", "!", "?"])).map(
    lambda t: "Then " + " ".join(t[0]) + t[1])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SENTENCE, min_size=1, max_size=12))
def test_formulas_equal_textstat_property(sentences):
    row, c = one(" ".join(sentences))
    body = body_text(c, "a")
    assume(textstat.sentence_count(body) == row.n_sentences)
    assert row.n_words == textstat.lexicon_count(body)
    assert row.n_syllables == textstat.syllable_count(body)
    assert row.n_polysyllables == textstat.polysyllabcount(body)
    assert row.n_difficult_words == textstat.difficult_words(body, syllable_threshold=0, unique=False)
    assert row.n_characters == textstat.char_count(body)
    assert row.n_letters == textstat.letter_count(body)
    for name, value in stock(body).items():
        assert row[name] == pytest.approx(value, rel=1e-9, abs=1e-9), name


def test_linsear_counts_sentences_in_its_100_word_sample():
    # 99 words of full sentences, then a sentence cut after 1 word: that fragment is no sentence.
    first = ("Then the committee will consider the proposal. " * 14).strip()   # 14 x 7 = 98 words
    text = first + " The officials waited. Everyone then went home quietly tonight."
    row, c = one(text)
    body = body_text(c, "a")
    assert textstat.linsear_write_formula(body) == pytest.approx(row.linsear_write_formula)


# --------------------------------------------------------------------------- flags and edge cases

def test_short_text_gives_values_and_flags_every_formula():
    row, _ = one("The committee will consider the proposal tomorrow. Nobody knows what happens next.")
    assert row.n_words < 100
    for name in FORMULAS:
        assert math.isfinite(row[name]), name
    assert row.unreliable.split(", ") == list(FORMULAS)
    assert "under 100" in row.caveats and "SMOG" in row.caveats


def test_smog_flag_under_30_sentences_only():
    text = " ".join(SENTENCES)            # 12 sentences, > 100 words
    row, _ = one(text)
    assert row.n_words >= 100 and row.n_sentences == 12
    assert row.unreliable == "smog_index"
    assert row.caveats == "12 sentences, under 30: SMOG is unreliable"
    row, _ = one(" ".join(SENTENCES * 3))  # 36 sentences
    assert row.unreliable == "" and row.caveats == ""


def test_text_without_sentence_final_punctuation():
    row, c = one("officials said the decision would take effect on thursday and nobody objected")
    assert row.n_sentences == 1 and row.n_words == 12
    assert math.isfinite(row.flesch_kincaid_grade) and math.isfinite(row.text_standard)
    line = "officials said the decision would take effect on thursday and nobody objected to it"
    row, c = one("\n".join([line] * 3))
    sents = an.sentence_readability(c)
    assert row.n_sentences == len(sents) == 3          # one per paragraph, none run together
    assert sents.n_words.tolist() == [14, 14, 14]
    # Short unpunctuated lines are headings to the loader (a title and a subhead): no body
    # text, flagged, no crash.  (Three or more in a row would be the rows of a list: body.)
    row, c = one("First line without a stop\nSecond line also without one")
    assert row.n_sentences == 0 and row.caveats == "no body text"


def test_article_without_words_gives_nan_not_zero():
    c = an.from_texts({"a": "— — —", "b": "The committee will consider the proposal tomorrow."})
    r = an.readability(c)
    assert r.article_id.tolist() == ["a", "b"]
    a = r.iloc[0]
    assert a.n_words == 0 and a.n_sentences == 0
    assert all(math.isnan(a[f]) for f in FORMULAS)
    assert a.caveats == "no body text"
    assert math.isfinite(r.iloc[1].flesch_kincaid_grade)
    s = an.textstat_stock(c)
    assert math.isnan(s.iloc[0].flesch_kincaid_grade)


def test_empty_corpus():
    c = an.from_texts({})
    assert list(an.readability(c).columns) == ARTICLE_COLUMNS and len(an.readability(c)) == 0
    assert list(an.sentence_readability(c).columns) == SENTENCE_COLUMNS
    assert list(an.textstat_stock(c).columns) == STOCK_COLUMNS
    with pytest.warns(an.CorpusWarning):
        c = an.from_records([{"text": ""}])
    assert len(an.readability(c)) == 0


def test_subheads_and_titles_are_not_body_text():
    text = ("The committee will consider the proposal tomorrow.\nCautious Approach\n"
            "Nobody expected the negotiations to succeed so quickly.")
    c = an.from_texts({"a": text})
    assert c.paragraphs.kind.tolist() == ["body", "subhead", "body"]
    row = an.readability(c).iloc[0]
    assert row.n_sentences == 2 and row.n_words == 7 + 8


def test_bad_input_is_named():
    with pytest.raises(TypeError, match="analysis.Corpus"):
        an.readability("not a corpus")


def test_each_distinct_word_is_looked_up_once(monkeypatch):
    from analysis.readability import _Lexicon

    calls: list[str] = []
    real = _Lexicon._direct

    def counting(self, word):
        calls.append(word)
        return real(self, word)

    monkeypatch.setattr(_Lexicon, "_direct", counting)
    an.readability(an.from_texts({"a": "The cat sat. The cat sat. The cat sat on the mat.", "b": "The mat."}))
    assert sorted(calls) == ["cat", "mat", "on", "sat", "the"]


def test_no_nltk_download(monkeypatch):
    import nltk
    from textstat.backend.utils._get_cmudict import get_cmudict

    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    monkeypatch.setattr(nltk, "download", refuse)
    get_cmudict.cache_clear()      # make textstat look for cmudict again
    row, _ = one("The committee will consider the proposal tomorrow.")
    assert row.n_syllables == 15   # from the CMU dictionary (Pyphen alone gives other counts)


# --------------------------------------------------------------------------- the sample event

@pytest.fixture(scope="module")
def sample():
    corpus = an.load_event(SAMPLE)
    return corpus, an.readability(corpus), an.sentence_readability(corpus), an.textstat_stock(corpus)


def test_sample_sentence_counts_match_the_corpus(sample):
    corpus, r, sents, _ = sample
    assert r.article_id.tolist() == corpus.ids
    assert r.outlet.tolist() == ["AP", "CNN", "NYT", "Rewrite", "Scripps"]
    assert r.set_index("article_id").n_sentences.to_dict() == corpus.articles.n_sentences.to_dict()
    assert r.set_index("article_id").n_words.to_dict() == corpus.articles.n_words.to_dict()
    assert len(sents) == len(corpus.body_sentences())
    per_article = sents.groupby("article_id").n_words.sum()
    assert per_article.to_dict() == r.set_index("article_id").n_words.to_dict()
    # offsets point into the clean text
    for s in sents.itertuples():
        assert corpus.text(s.article_id)[s.start:s.end] == s.text


def test_sample_no_split_after_us_or_gen(sample):
    _, _, sents, _ = sample
    assert sents.text.str.contains("U.S.", regex=False).sum() > 5
    assert sents.text.str.contains("Gen. ", regex=False).sum() >= 2
    assert not sents.text.str.contains(r"(?:U\.S\.|Gen\.)$", regex=True).any()
    assert not sents.text.str.match(r"^(?:S\.|CQ Brown|Christopher Cavoli)").any()


def test_sample_counts_equal_textstat_and_stock_overcounts_sentences(sample):
    corpus, r, _, st_ = sample
    for aid in corpus.ids:
        body = body_text(corpus, aid)
        row = r.set_index("article_id").loc[aid]
        assert row.n_words == textstat.lexicon_count(body)
        assert row.n_syllables == textstat.syllable_count(body)
        assert row.n_polysyllables == textstat.polysyllabcount(body)
    assert (st_.n_sentences.to_numpy() >= r.n_sentences.to_numpy()).all()
    ap = st_.set_index("article_id").loc["000"]
    assert ap.n_sentences > corpus.articles.at["000", "n_sentences"]    # "U.S." and "Gen." splits
    # fewer, longer sentences: every sentence-length formula reads harder than stock textstat
    assert (r.flesch_kincaid_grade.to_numpy() > st_.flesch_kincaid_grade.to_numpy()).all()


def test_sample_flags_smog_on_short_articles(sample):
    _, r, _, _ = sample
    for row in r.itertuples():
        assert ("smog_index" in row.unreliable) == (row.n_sentences < 30)
        assert "flesch_kincaid_grade" not in row.unreliable     # all five have 100+ words


# --------------------------------------------------------------------------- figures

def test_figures_state_the_finding_and_survive_edge_cases(sample):
    import matplotlib.pyplot as plt

    from analysis.plots import outlet_colors
    from analysis.plots import readability as rp

    corpus, r, sents, _ = sample
    fig = rp.grade_by_outlet(r)
    title = fig.axes[0].get_title(loc="left")
    median = r.set_index("outlet")[list(rp.FORMULA_LABELS)].median(axis=1)
    # the title names an article as hardest or easiest only beyond a grade (tests/test_findings.py)
    assert title == rp.grade_title(r)
    assert f"{median.idxmin()} reads easiest" in title or "within a grade" in title
    # each outlet in its house colour: the spread line of row 0 has the first outlet's colour
    colors = outlet_colors(corpus.outlet_of())
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [f"{a} · {o}" for a, o in zip(r.article_id, r.outlet)]
    assert fig.axes[0].collections[0].get_color()[0][:3].round(3).tolist() == \
        [round(int(colors["AP"][i:i + 2], 16) / 255, 3) for i in (1, 3, 5)]
    fig2 = rp.sentence_lengths(sents)
    mean = sents[sents.n_words > 0].groupby("outlet").n_words.mean()
    assert fig2.axes[0].get_title(loc="left") == rp.length_title(mean.reindex(r.outlet).to_dict())
    for frame in (an.from_texts({}), an.from_texts({"a": "— — —"}), an.from_texts({"a": "Short text here."})):
        rp.grade_by_outlet(an.readability(frame))
        rp.sentence_lengths(an.sentence_readability(frame))
    plt.close("all")


def test_direct_word_lookup_equals_textstat(sample_corpus):
    """The fast per-word path gives textstat's own syllables and difficulty, word by word."""
    from analysis.readability import _Lexicon, _textstat_words

    lex = _Lexicon()
    words = {w for t in sample_corpus.sentences.text for w in _textstat_words(t)}
    words |= {"don't", "o'clock", "counterfire", "zelenskyy", "kyiv's", "2024", "x", "naïve", "café",
              "rock'n'roll", "İstanbul".lower(), "ſtrange", "u.s", "co-operate", "''", "--"}
    checked = 0
    for w in sorted(words):
        direct = lex._direct(w)
        if direct is not None:
            assert direct == lex._via_textstat(w), w
            checked += 1
    assert checked > 400


def test_fast_hyphenation_count_equals_pyphen():
    """Words missing from the CMU dictionary are hyphenated with Pyphen's patterns, pruned."""
    from analysis.readability import _Hyphenator, _Lexicon

    pyphen = _Lexicon()._pyphen
    hyph = _Hyphenator.of(pyphen)
    words = ["zelenskyy", "kharkiv", "counteroffensive", "x", "ab", "naïve", "rock'n'roll",
             "2024", "hyphenation", "unilaterally", "oblast", "disinformation", "antidisestablishment",
             "supercalifragilistic", "çağrı", "straße", "a1b2c3", ""]
    for w in words:
        assert hyph.count(w) == len(pyphen.positions(w)), w


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzé'0", min_size=0, max_size=18))
def test_fast_hyphenation_count_property(word):
    from analysis.readability import _Hyphenator, _Lexicon

    pyphen = _Lexicon()._pyphen
    assert _Hyphenator.of(pyphen).count(word) == len(pyphen.positions(word))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet="ab U.S.'’-,;!?\t\u00a0é\u0130", min_size=0, max_size=30), min_size=0, max_size=6))
def test_article_totals_equal_sentence_by_sentence(sentences):
    """The per-article pass gives the totals of adding each sentence apart."""
    from analysis.readability import _add_article, _add_sentence, _Article, _Lexicon

    lex = _Lexicon()
    whole, apart = _Article(), _Article()
    _add_article(whole, sentences, lex)
    for s in sentences:
        _add_sentence(apart, s, lex)
    assert whole == apart


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aT s'’d-.?é_ß\u00a0\u2009\u3000Жł½\u0663—“\t\nvlr", max_size=30))
def test_punctuation_removal_on_bytes_equals_textstat(text):
    """The Latin-1 byte path removes exactly what textstat's two substitutions remove."""
    from analysis.readability import _NONCONTRACTION, _PUNCT, _remove_punctuation

    assert _remove_punctuation(text) == _PUNCT.sub("", _NONCONTRACTION.sub("", text))


# --------------------------------------------------------------------------- long articles

_LONG_WORDS = ("extraordinary administration unprecedented considerable deliberation negotiation "
               "international authorization confidentiality interpretation responsibility "
               "infrastructure capabilities accelerated".split())


def _long_article(n_sentences: int) -> str:
    """Sentences of long, difficult words only (none on the Dale-Chall easy list), so that
    every count, syllables and difficult, polysyllabic and complex words alike, is large."""
    import random

    rng = random.Random(13)
    pool = [" ".join(rng.choice(_LONG_WORDS) for _ in range(12)).capitalize() + "." for _ in range(40)]
    return " ".join(rng.choice(pool) for _ in range(n_sentences))


def _textstat_totals(sentences: list[str]) -> dict[str, int]:
    """The reference: textstat's own counters on each sentence, added up."""
    from collections import Counter

    totals = dict.fromkeys(["n_words", "n_sentences", "n_syllables", "n_polysyllables", "n_complex_words",
                            "n_difficult_words", "n_characters", "n_letters"], 0)
    for text, times in Counter(sentences).items():  # the same sentence gives the same counts
        got = {"n_words": textstat.lexicon_count(text),
               "n_syllables": textstat.syllable_count(text),
               "n_polysyllables": textstat.polysyllabcount(text),
               "n_complex_words": textstat.difficult_words(text, syllable_threshold=3, unique=False),
               "n_difficult_words": textstat.difficult_words(text, syllable_threshold=0, unique=False),
               "n_characters": textstat.char_count(text),
               "n_letters": textstat.letter_count(text)}
        got["n_sentences"] = int(got["n_words"] > 0)
        for key, value in got.items():
            totals[key] += times * value
    return totals


def test_a_long_article_gives_the_counts_of_textstat_sentence_by_sentence():
    """Over 40,000 syllables and over 32,767 difficult, polysyllabic and complex words in one
    article: the totals are exact (no count may wrap around or spill into another)."""
    c = an.from_texts({"long": _long_article(3000)})
    row = an.readability(c).iloc[0]
    want = _textstat_totals(c.body_sentences().text.tolist())
    assert want["n_syllables"] > 40_000 and want["n_complex_words"] > 32_767
    assert {key: int(row[key]) for key in want} == want
    sentences = an.sentence_readability(c)
    assert int(sentences.n_syllables.sum()) == want["n_syllables"]
