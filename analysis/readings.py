"""The plain-language readings printed under the chapters' tables (chapters 03 and 07).

Each reading is a function of the table the chapter shows, so it says only what that table
says for the event in hand, and the differences it names pass the noise rule of
:mod:`analysis.findings`.  The notebook calls one function per reading; the wording is
tested here with small tables of known content.
"""

from __future__ import annotations

import pandas as pd

from .display import count, listing, upper_first
from .findings import compare, leader

__all__ = ["claims_reading", "facts_reading", "left_out_reading", "discrepancies_reading",
           "textstat_reading", "pair_intro", "pair_reading"]


def claims_reading(summary: pd.DataFrame) -> str:
    """What :func:`analysis.claim_summary` shows: which outlet makes the most and the fewest
    claims, when that difference is beyond the noise of a count.

    >>> t = pd.DataFrame({"outlet": ["AP", "CNN", "Fox"], "claims": [40, 20, 30]})
    >>> claims_reading(t)
    'AP makes the most claims (40), CNN the fewest (20). A longer article has more room for facts: what matters below is which facts the others share.'
    >>> claims_reading(t.assign(claims=[40, 39, 38]))
    'The outlets make about as many claims each (38 to 40).'
    """
    by_outlet = summary.set_index("outlet")["claims"] if len(summary) else pd.Series(dtype="int64")
    if by_outlet.empty:
        return "The event has no claims to compare."
    if len(by_outlet) == 1:
        return f"{by_outlet.index[0]} makes {count(int(by_outlet.iloc[0]), 'claim')}."
    values = by_outlet.to_dict()
    most, fewest = leader(values, "count"), leader(values, "count", highest=False)
    if most is None and fewest is None:
        return f"The outlets make about as many claims each ({by_outlet.min()} to {by_outlet.max()})."
    parts = []
    if most is not None:
        parts.append(f"{most} makes the most claims ({values[most]})")
    if fewest is not None:
        parts.append(f"{fewest} the fewest ({values[fewest]})" if parts else
                     f"{fewest} makes the fewest claims ({values[fewest]})")
    return (", ".join(parts) + ". A longer article has more room for facts: what matters below is which facts the "
            "others share.")


def facts_reading(matrix: pd.DataFrame, n_articles: int) -> str:
    """What :func:`analysis.coverage_matrix` shows: how many facts are shared, by all, by one only.

    >>> m = pd.DataFrame({"n_articles": [3, 2, 1, 1], "status": ["all", "some", "only", "only"]})
    >>> facts_reading(m, 3)
    'The 3 articles state 4 facts. 2 facts are stated by two articles or more, one fact by all 3, and 2 facts by one article only (50%).'
    """
    n_facts = len(matrix)
    if n_articles < 2:
        return f"One article, {count(n_facts, 'fact')}: there is nothing to compare it with."
    shared = int((matrix["n_articles"] >= 2).sum()) if n_facts else 0
    everyone = int((matrix["status"] == "all").sum()) if n_facts else 0
    only = int((matrix["status"] == "only").sum()) if n_facts else 0
    reading = (f"The {n_articles} articles state {count(n_facts, 'fact')}. "
               f"{upper_first(count(shared, 'fact'))} {'is' if shared == 1 else 'are'} stated by two "
               f"articles or more, {count(everyone, 'fact')} by all {n_articles}, and "
               f"{count(only, 'fact')} by one article only ({only / max(n_facts, 1):.0%}).")
    if only > shared:
        reading += (" Most facts appear in one article only: the articles overlap on a core and differ in their "
                    "details. Some of these are the same fact in words too different for the tool to match; "
                    "read them before concluding that an article alone reports something.")
    return reading


def left_out_reading(matrix: pd.DataFrame, n_articles: int) -> str:
    """Which outlets leave out facts every other article states (the matrix's ``all but one`` rows).

    >>> m = pd.DataFrame({"status": ["all but one", "all but one", "all"], "missing_from": ["CNN", "CNN", None]})
    >>> left_out_reading(m, 3)
    'CNN leaves out 2 facts that every other article states.'
    """
    if n_articles < 3:
        return "With fewer than three articles, 'all but one' says nothing: see the only-in facts above."
    left_out = matrix[matrix["status"] == "all but one"] if len(matrix) else matrix
    if left_out.empty:
        return "No fact is stated by every article but one."
    return " ".join(f"{outlet} leaves out {count(int(k), 'fact')} that every other article states."
                    for outlet, k in left_out["missing_from"].value_counts().items())


def discrepancies_reading(disc: pd.DataFrame) -> str:
    """What :func:`analysis.discrepancies` shows: how many pairs disagree, of which kinds,
    inside one article, and where the other articles side clearly with one value.

    >>> d = pd.DataFrame({"kind": ["date", "number"], "article_a": ["a", "a"], "article_b": ["a", "b"],
    ...                   "support_a": [None, 3], "support_b": [None, 0]})
    >>> discrepancies_reading(d)  # doctest: +NORMALIZE_WHITESPACE
    '2 pairs of statements disagree: one date pair and one number pair. One disagreement is inside a single article:
    an article can contradict itself (a translation slip, an edit that changed one sentence but not another). In one
    pair the other articles side clearly with one value; that makes it likelier, not certain.'
    """
    if disc.empty:
        return ("No disagreeing values found. That does not prove the articles agree: the tool compares "
                "numbers, dates, source counts and titles, not every wording.")
    kinds = disc["kind"].value_counts()
    reading = (f"{upper_first(count(len(disc), 'pair'))} of statements disagree: "
               + listing(count(int(k), kind.replace('_', ' ') + ' pair') for kind, k in kinds.items()) + ".")
    within = int((disc["article_a"] == disc["article_b"]).sum())
    if within:
        reading += (f" {upper_first(count(within, 'disagreement'))} {'is' if within == 1 else 'are'} "
                    "inside a single article: an article can contradict itself (a translation slip, an edit "
                    "that changed one sentence but not another).")
    counted = disc.dropna(subset=["support_a", "support_b"])
    lopsided = int(((counted["support_a"] - counted["support_b"]).abs() >= 2).sum())
    if lopsided:
        reading += (f" In {count(lopsided, 'pair')} the other articles side clearly with one value; "
                    "that makes it likelier, not certain.")
    return reading




# --------------------------------------------------------------------------- chapter 03


def textstat_reading(errors: pd.DataFrame) -> str:
    """What :func:`analysis.textstat_differences` shows: how many sentences textstat counts
    against the splitter, and whether its grades come out easier or harder beyond a grade.

    >>> t = pd.DataFrame({"n_sentences": [20, 30], "textstat_sentences": [24, 33], "cut": [3, 2],
    ...                   "ignored": [0, 1], "grade_difference": [1.8, 1.0]})
    >>> textstat_reading(t)  # doctest: +NORMALIZE_WHITESPACE
    "textstat counts 57 sentences where the splitter finds 50 (+7). 5 real sentences are cut into several by
    textstat; one short sentence of one or two words is ignored by it. On average the corrected Flesch-Kincaid
    grade is +1.4 grades from textstat's: textstat makes the text look easier than it is."
    """
    theirs, ours = int(errors["textstat_sentences"].sum()), int(errors["n_sentences"].sum())
    gap = errors["grade_difference"].mean() if len(errors) else float("nan")
    ignored = int(errors["ignored"].sum())
    verdict = {"higher": "textstat makes the text look easier than it is",
               "lower": "textstat makes the text look harder than it is",
               "about the same": "about the same, within one grade"}[compare(gap, 0.0, "grade")]
    return (f"textstat counts {count(theirs, 'sentence')} where the splitter finds {ours} ({theirs - ours:+d}). "
            f"{upper_first(count(int(errors['cut'].sum()), 'real sentence'))} "
            f"{'is' if int(errors['cut'].sum()) == 1 else 'are'} cut into several by textstat; "
            f"{count(ignored, 'short sentence')} of one or two words {'is' if ignored == 1 else 'are'} ignored by it. "
            f"On average the corrected Flesch-Kincaid grade is {f'{gap:+.1f}' if gap == gap else '—'} grades from "
            f"textstat's: {verdict}.")


def pair_intro(pair: pd.DataFrame, outlets: pd.Series | dict) -> str:
    """Why :func:`analysis.compare_readability` chose its two articles, in a sentence.

    >>> p = pd.DataFrame({"article_a": ["b"], "article_b": ["a"], "chosen": ["follows"]})
    >>> pair_intro(p, {"a": "AP", "b": "CNN"})
    'b (CNN) follows a (AP) sentence by sentence: same facts, different writing.'
    """
    if pair.empty:
        return "This event has one article: there is no pair to compare."
    a, b, chosen = pair["article_a"].iloc[0], pair["article_b"].iloc[0], pair["chosen"].iloc[0]
    oa, ob = outlets[a], outlets[b]
    return {"follows": f"{a} ({oa}) follows {b} ({ob}) sentence by sentence: same facts, different writing.",
            "hardest and easiest": f"No article follows another closely, so this compares the article with the "
                                   f"highest median grade, {a} ({oa}), with the one with the lowest, {b} ({ob}).",
            "first two": f"The formulas give no grades to compare, so this sets the first two articles side by "
                         f"side: {a} ({oa}) and {b} ({ob})."}[chosen]


def pair_reading(pair: pd.DataFrame) -> str:
    """Which of the two articles of :func:`analysis.compare_readability` reads harder by most
    grade formulas, and whether the difference lies in the sentences, the words, or neither
    (each judged against its noise).

    >>> p = pd.DataFrame({"article_a": "b", "article_b": "a", "measure": ["flesch_kincaid_grade",
    ...     "coleman_liau_index", "gunning_fog", "mean_sentence_length", "syllables_per_word"],
    ...     "verdict": ["higher", "higher", "about the same", "higher", "about the same"]})
    >>> pair_reading(p)
    'b reads harder than a by most grades; the difference lies in the sentences, not in the words.'
    """
    if pair.empty:
        return ""
    a, b = pair["article_a"].iloc[0], pair["article_b"].iloc[0]
    verdict = pair.set_index("measure")["verdict"]
    grades = verdict[["flesch_kincaid_grade", "coleman_liau_index", "gunning_fog"]]
    sentences_differ = verdict["mean_sentence_length"] != "about the same"
    words_differ = verdict["syllables_per_word"] != "about the same"
    where = ("in both the sentences and the words" if sentences_differ and words_differ else
             "in the sentences, not in the words" if sentences_differ else
             "in the words, not in the sentences" if words_differ else
             "neither in sentence length nor in word length beyond the noise")
    grade = {"higher": "harder than", "lower": "easier than"}.get(grades.mode().iloc[0], "about the same as")
    return f"{a} reads {grade} {b} by most grades; the difference lies {where}."
