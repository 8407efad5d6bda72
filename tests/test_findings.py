"""The noise rule, and chart titles that state a finding only when it holds and exceeds the noise."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

import analysis as an  # noqa: E402
import analysis.plots as plots  # noqa: E402
from analysis.findings import NOISE, compare, differs, leader, rate_noise, share_noise  # noqa: E402
from analysis.readability import GRADE_FORMULAS  # noqa: E402


def _title(fig) -> str:
    ax = fig.axes[0]
    return fig._suptitle.get_text() if getattr(fig, "_suptitle", None) else ax.get_title(loc="left") or ax.get_title()


def test_differences_inside_the_noise_are_ties():
    assert not differs(0.34, 0.33, "similarity") and differs(0.40, 0.33, "similarity")
    assert not differs(16.4, 16.0, "grade") and differs(16.4, 13.8, "grade")
    assert compare(29.2, 28.8, "words_per_sentence") == "about the same"
    assert compare(23.8, 29.2, "words_per_sentence") == "lower"
    assert not differs(3, 4, "count") and differs(2, 10, "count")
    assert rate_noise(500).tolerance == 2.0
    assert not differs(float("nan"), 1.0, "grade") and not differs(None, 1.0, "grade")


def test_leader_needs_a_margin_over_every_other_value():
    assert leader({"a": 16.4, "b": 16.1, "c": 13.8}, "grade") is None
    assert leader({"a": 16.4, "b": 16.1, "c": 13.8}, "grade", highest=False) == "c"
    assert leader({"a": 1.0}, "grade") is None and leader({}, "grade") is None
    with pytest.raises(KeyError, match="no noise rule"):
        differs(1, 2, "loudness")


def test_every_noise_rule_says_why():
    for name, rule in NOISE.items():
        assert rule.why and rule.describe().startswith("differences of"), name


# Titles against the tables beside them, on the sample event.

def test_sentence_length_title_agrees_with_the_readability_table(sample_corpus):
    scores = an.readability(sample_corpus)
    title = _title(plots.readability.sentence_lengths(an.sentence_readability(sample_corpus)))
    means = dict(zip(scores.outlet, scores.mean_sentence_length))
    top = leader(means, "words_per_sentence")
    if top is None:
        assert "longest sentences" not in title or "about the same" in title, title
    else:
        assert title.startswith(top), title
    # Whatever it says about the longest, it never names an outlet whose mean is not the highest.
    highest = max(means, key=means.get)
    if "has the longest sentences" in title:
        assert title.startswith(highest)


def test_similarity_title_calls_a_tie_a_tie(sample_corpus):
    sim = an.similarity(sample_corpus)
    title = _title(plots.wording.similarity_heatmap(sim, sample_corpus))
    pairs = sorted((sim.iat[i, j] for i in range(len(sim)) for j in range(i + 1, len(sim))), reverse=True)
    if pairs[0] - pairs[1] <= NOISE["similarity"].tolerance:
        assert title.startswith("No pair stands out"), title
    else:
        assert title.startswith("Most alike"), title


def test_grade_title_names_only_clear_extremes(sample_corpus):
    scores = an.readability(sample_corpus)
    title = _title(plots.readability.grade_by_outlet(scores))
    median = dict(zip(scores.outlet, scores[list(GRADE_FORMULAS)].median(axis=1)))
    for word, highest in (("hardest", True), ("easiest", False)):
        top = leader(median, "grade", highest=highest)
        if f"reads {word}" in title:
            assert top is not None and title.split(f" reads {word}")[0].split("; ")[-1].strip() == top, title


def test_neutral_titles_name_no_outlet(sample_corpus):
    summary = an.quote_summary(sample_corpus)
    outlets = set(sample_corpus.outlet_of())
    figs = [plots.quotes.named_vs_anonymous(summary, finding=False),
            plots.quotes.speakers_by_type(summary, finding=False),
            plots.quotes.quoted_share(summary, finding=False),
            plots.readability.grade_by_outlet(an.readability(sample_corpus), finding=False),
            plots.readability.sentence_lengths(an.sentence_readability(sample_corpus), finding=False),
            plots.wording.similarity_heatmap(an.similarity(sample_corpus), sample_corpus, finding=False)]
    for fig in figs:
        title = _title(fig)
        assert not any(o in title for o in outlets), title


def test_anonymous_title_agrees_with_the_summary(sample_corpus):
    summary = an.quote_summary(sample_corpus)
    title = plots.quotes.anonymous_title(summary)
    shares = dict(zip(summary.outlet, summary.share_anonymous))
    totals = dict(zip(summary.outlet, summary.named + summary.anonymous))
    top = leader(shares, lambda a, b: share_noise(min(totals[a], totals[b])))
    assert title.startswith(top) if top else title.startswith("No outlet"), title
    # 100% of two statements against three quarters of a dozen is one statement: no finding.
    tiny = summary.assign(named=[3, 8, 3, 0, 7][:len(summary)], anonymous=[10, 8, 6, 2, 9][:len(summary)])
    tiny["share_anonymous"] = tiny.anonymous / (tiny.named + tiny.anonymous)
    assert plots.quotes.anonymous_title(tiny).startswith("No outlet")


def test_titles_for_one_article_compare_nothing():
    c = an.from_texts({"a": "The board met on Monday. “We agreed,” Ann Lee said. Two officials said so."})
    assert "Only one article" in _title(plots.wording.similarity_heatmap(an.similarity(c), c))
    assert _title(plots.readability.sentence_lengths(an.sentence_readability(c))).startswith("Mean sentence")
    assert plots.corpus.sizes_title(an.overview(c).set_index("article_id")).startswith("One article")


def test_frame_profile_title_needs_more_than_one_word_of_difference():
    c = an.from_texts({"a": "The decision is a major step. " + "Then the board met again. " * 20,
                       "b": "The decision came on Monday. " + "Then the board met again. " * 20})
    title = _title(plots.framing.frame_profile(an.frame_scores(c)))
    assert "no article uses a frame more than another by more than one word" in title, title


def test_limit_title_says_not_found_rather_than_none():
    c = an.from_texts({"a": "A limited step was taken on Monday.", "b": "The board met on Monday."},
                      outlet={"a": "A", "b": "B"})
    title = _title(plots.framing.first_hit_positions(an.frames(c), c))
    assert "the lexicon finds no limit word in B" in title, title
