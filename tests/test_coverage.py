"""Claims, facts across articles and discrepancies: small texts with known answers, and the sample event."""

from __future__ import annotations

import datetime as dt
import re
import warnings

import pandas as pd
import pytest

import analysis as an
from analysis.claims import split_clauses, term_of
from analysis.coverage import is_when_term
from analysis.markup import article_page
from analysis.plots.coverage import discrepancies_html
from analysis.values import dates, quantities, role_key, roles_conflict, source_counts, time_status


def corpus(texts: dict, **meta):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return an.from_texts(texts, **meta)


# --------------------------------------------------------------------------- values

@pytest.mark.parametrize("a, b, agree", [
    ("up to 200 miles (300 kilometers) away", None, True),  # one value, stated twice
    ("is 20 kilometers from the border", "is 30 km from the border", False),
    ("more than a dozen missiles", "16 missiles", True),
    ("more than a dozen missiles", "some two dozen missiles", True),
    ("some two dozen missiles", "a total of 16 missiles", False),
    ("nearly $400 million", "$391 million", True),
    ("four days", "two days", False),
])
def test_quantities_compare_after_units_and_qualifiers(a, b, agree):
    from analysis.values import intervals_overlap

    qa = quantities(a)
    qb = quantities(b) if b else qa[1:]
    qa = qa[:1]
    assert qa and qb and qa[0].unit == qb[0].unit
    assert intervals_overlap((qa[0].lo, qa[0].hi), (qb[0].lo, qb[0].hi)) is agree


def test_number_words_and_what_is_no_quantity():
    assert [(q.lo, q.unit) for q in quantities("twenty-four hours and a dozen officials")] == [
        (24.0, "time"), (12.0, "count:official")]
    assert quantities("one of the officials said in 2024 at 1:30") == []
    assert quantities("May 13", masked=[(0, 6)]) == []


def test_dates_resolve_against_the_article_date():
    friday = dt.date(2024, 5, 31)
    found = {v.text: v for v in dates("on Thursday, on May 13 and two weeks ago", friday)}
    got = {k: dt.date.fromordinal(v.lo) for k, v in found.items()}
    assert got["Thursday"] == dt.date(2024, 5, 30)
    assert got["May 13"] == dt.date(2024, 5, 13)
    ago = found["two weeks ago"]
    assert ago.lo <= dt.date(2024, 5, 17).toordinal() <= ago.hi
    # Undated: weekdays say nothing comparable; "this week" and "last week" are still apart.
    assert dates("on Thursday") == []
    this, last = dates("this week ... last week")
    assert this.anchor == last.anchor == "rel" and last.hi < this.lo
    # The year of an undated article's "May 13" comes from the event.
    assert dates("on May 13", None, friday)[0].anchor == "abs"
    assert dates("Washington may alter its policy") == []  # the verb, not the month


def test_source_counts_and_roles():
    assert [s.count for s in source_counts("according to four U.S. officials, two US officials told CNN")] == [4, 2]
    assert [s.count for s in source_counts("according to a source familiar with the decision")] == [1]
    assert source_counts("officials said the plan was ready") == []
    assert role_key("Defense Secretary") == role_key("Secretary of Defense")
    assert roles_conflict(role_key("German Chancellor"), role_key("German Foreign Minister"))
    assert not roles_conflict(role_key("NATO Secretary-General"), role_key("NATO Secretary General"))
    assert role_key("former Vice President") is None
    assert [k for *_x, k in time_status("has not changed; previously banned")] == ["ongoing", "past"]


# --------------------------------------------------------------------------- claims

def test_clauses_split_at_written_out_places_never_inside_quotes():
    s = "The official said Ukraine had not sought more, but the ban means Ukraine cannot target aircraft."
    assert [s[a:b] for a, b in split_clauses(s)] == [
        "The official said Ukraine had not sought more,", "but the ban means Ukraine cannot target aircraft."]
    q = "“We will act, but not now, and not alone,” she said."
    assert split_clauses(q) == [(0, len(q))]
    assert split_clauses("Short, but fine.") == [(0, 16)]  # pieces under four words stay together


def test_a_time_clause_with_its_own_subject_and_verb_is_a_claim():
    s = "Last week, President Biden gave the green light to the policy after the officials met once more."
    assert [s[a:b] for a, b in split_clauses(s)] == [
        "Last week, President Biden gave the green light to the policy", "after the officials met once more."]
    s = "The senators are set to begin debating the rules when the trial begins at 1 pm today."
    assert [s[a:b] for a, b in split_clauses(s)][1] == "when the trial begins at 1 pm today."
    # no subject and verb of its own: "after" is a preposition here
    s = "The senators voted on the rules after midnight in a long session."
    assert split_clauses(s) == [(0, len(s))]


def test_action_terms_by_the_shape_of_verbs():
    from analysis.claims import action_terms

    assert action_terms("Sullivan presented the recommendation to Biden two days later") == {"present"}
    assert action_terms("Biden agreed.") == {term_of("agreed")}
    assert term_of("allowed") in action_terms("Biden allowed Ukraine to strike") and \
        term_of("allowed") == term_of("authorized")  # one action in two words
    assert action_terms("The United Nations said the limited plan is unprecedented") == set()
    assert action_terms("Biden gave Ukraine the weapons it had been given") == {"give"}  # irregular forms


def test_claims_contract_and_content():
    c = corpus({"a": "WASHINGTON (AP) — President Joe Biden met aides on Monday. Will it work? "
                     "Two officials said the 20-mile zone stays, but critics said it is small. What now?"},
               date={"a": "2024-05-31"})
    cl = an.claims(c)
    assert list(cl.columns) == ["claim_id", "article_id", "outlet", "sentence_id", "clause", "start", "end", "text",
                                "people", "organizations", "places", "numbers", "dates", "sources", "speaker"]
    text = c.text("a")
    assert all(text[s:e] == t for s, e, t in zip(cl.start, cl.end, cl.text))
    assert not any(t.endswith("?") or t.endswith("?”") for t in cl.text)  # questions state no fact
    assert cl.people.iloc[0] == ("Joe Biden",) and cl.dates.iloc[0] == ("Monday",)
    assert ("Two officials",) in set(cl.sources)
    assert term_of("weaponry") == term_of("weapons") and term_of("go-ahead") == term_of("permission")
    assert term_of("Kiev") == term_of("Kyiv") and term_of("American") == term_of("U.S.")


# --------------------------------------------------------------------------- facts

PARAPHRASE = {
    "a": "President Joe Biden has given Ukraine the go-ahead to use American weaponry to strike inside Russia "
         "near Kharkiv. Kharkiv is just 20 kilometers from the Russian border. The city council met on Friday "
         "to discuss parking fees.",
    "b": "President Joe Biden has given Ukraine permission to use American weapons to attack Russian territory "
         "near Kharkiv. Politico was first to report the decision. The mayor praised the new bakery on Main Street.",
    "c": "Biden approved strikes inside Russia with U.S. weapons near Kharkiv, officials said. "
         "The decision was first reported by Politico.",
}


def test_same_fact_in_other_words_groups_and_other_facts_stay_apart():
    c = corpus(PARAPHRASE)
    cov = an.coverage(c)
    fact = dict(zip(cov.claim_id, cov.fact_id))
    assert fact["a:0"] == fact["b:0"] == fact["c:0"]  # the lede, in three wordings
    assert fact["b:1"] == fact["c:1"]  # Politico first reported it
    assert fact["a:1"] != fact["a:0"] and cov.set_index("claim_id").n_articles["a:1"] == 1
    assert len({fact["a:2"], fact["b:2"], fact["a:0"]}) == 3  # other topics: facts of their own
    label = cov[cov.is_label]
    assert label.groupby("fact_id").size().eq(1).all()


def test_same_people_doing_another_thing_is_the_next_step_not_the_same_fact():
    # Two steps of one story share the people and the object; only the action differs.
    c = corpus({
        "a": "The mayor opened a new bakery on Main Street. "
             "Jake Sullivan and Lloyd Austin held a video conference with Ukrainian officials on the weapons.",
        "b": "A storm closed schools in Ohio on Friday. "
             "Jake Sullivan and Lloyd Austin recommended a change to Biden on the weapons.",
    })
    fact = dict(zip(*an.coverage(c)[["claim_id", "fact_id"]].values.T))
    assert fact["a:1"] != fact["b:1"]
    # the same action in other words still groups
    c = corpus({
        "a": "The mayor opened a new bakery on Main Street. "
             "Jake Sullivan and Lloyd Austin recommended a change to Biden on the weapons.",
        "b": "A storm closed schools in Ohio on Friday. "
             "Jake Sullivan and Lloyd Austin proposed a change to Biden on the weapons.",
    })
    fact = dict(zip(*an.coverage(c)[["claim_id", "fact_id"]].values.T))
    assert fact["a:1"] == fact["b:1"]


def test_a_shared_date_is_no_evidence_of_one_fact():
    # In an event of a few days most claims share the date: two people doing different
    # things on the same Tuesday share one word of what, and that is not enough.
    c = corpus({"a": "The mayor opened a bakery on Main Street. Schumer criticized the rules on Tuesday, January 21.",
                "b": "A storm closed schools in Ohio. McConnell changed the rules on Tuesday, January 21."})
    fact = dict(zip(*an.coverage(c, threshold=0.15)[["claim_id", "fact_id"]].values.T))
    assert fact["a:1"] != fact["b:1"]
    # the same fact on the same date still groups
    c = corpus({"a": "The mayor opened a bakery on Main Street. McConnell changed the trial rules on Tuesday, January 21.",
                "b": "A storm closed schools in Ohio. On Tuesday, January 21, McConnell altered the trial rules."})
    fact = dict(zip(*an.coverage(c)[["claim_id", "fact_id"]].values.T))
    assert fact["a:1"] == fact["b:1"]
    assert [is_when_term(t) for t in ("@739036", "tuesday", "januari", "morn", "#day:3", "rule")] == \
        [True, True, True, True, False, False]


def test_a_light_verb_names_no_action_of_its_own():
    # "make their arguments" and "present their arguments" are one action, the noun's: the
    # pair scores in full, not half as two different actions would.
    c = corpus({"a": "The mayor opened a bakery on Main Street. The House managers will make their arguments over three days.",
                "b": "A storm closed schools in Ohio. The House managers will present their arguments over three days."})
    fact = dict(zip(*an.coverage(c, threshold=0.5)[["claim_id", "fact_id"]].values.T))
    assert fact["a:1"] == fact["b:1"]
    # two real actions still tell two steps apart at that threshold
    c = corpus({"a": "The mayor opened a bakery on Main Street. The House managers will present their arguments over three days.",
                "b": "A storm closed schools in Ohio. The House managers rejected their arguments over three days."})
    fact = dict(zip(*an.coverage(c, threshold=0.5)[["claim_id", "fact_id"]].values.T))
    assert fact["a:1"] != fact["b:1"]


def test_a_participant_named_in_two_words_is_one_term():
    # "House managers" in every claim is one participant: sharing it is not two words of
    # evidence, so the managers thanking the clerks is not the managers asking for documents.
    c = corpus({"a": "House managers asked the Senate for new documents. The mayor opened a bakery on Main Street.",
                "b": "House managers asked the Senate for documents. A storm closed schools in Ohio.",
                "c": "House managers thanked the clerks. The chief justice read the oath."})
    fact = dict(zip(*an.coverage(c)[["claim_id", "fact_id"]].values.T))
    assert fact["a:0"] == fact["b:0"] != fact["c:0"]


def test_ledes_state_the_main_news():
    # The first claims of two articles count a little more as one fact: the lede states the
    # main news, often in the event's commonest words.
    a, b = "Biden has allowed Ukraine to strike Russia with US weapons.", "Ukraine may now hit Russia with American arms, Biden decided."
    first = corpus({"a": a + " The mayor opened a bakery on Main Street.", "b": b + " A storm closed schools in Ohio."})
    later = corpus({"a": "The mayor opened a bakery on Main Street. " + a, "b": "A storm closed schools in Ohio. " + b})
    threshold = 0.8  # between the pair's score as ledes and its score further down
    assert an.coverage(first, threshold=threshold).fact_id.nunique() == 3
    assert an.coverage(later, threshold=threshold).fact_id.nunique() == 4


def test_coverage_matrix_and_only_here():
    c = corpus(PARAPHRASE, outlet={"a": "AP", "b": "CNN", "c": "NYT"})
    m = an.coverage_matrix(c)
    assert list(m.columns[-3:]) == ["AP", "CNN", "NYT"]
    lede = m.iloc[0]
    assert lede.status == "all" and lede.n_articles == 3 and all(lede[["AP", "CNN", "NYT"]] != "")
    politico = m[m.CNN.str.contains("Politico")].iloc[0]
    assert politico.status == "all but one" and politico.missing_from == "AP"
    assert "20 kilometers" in m[m.status == "only"].AP.str.cat()
    long = an.coverage_matrix(c, form="long")
    assert len(long) == len(m) * 3 and long.stated.sum() == m.n_articles.sum()
    only = an.only_here(c)
    assert (only.n_articles == 1).all() and "Kharkiv is just 20 kilometers" in " ".join(only.text)
    assert an.only_here(corpus({"x": "One claim here. Another claim there."})).empty


def test_one_huge_article_and_many_similar_claims_stay_bounded():
    """Claims of one article are never compared; each claim keeps a bounded number of candidates."""
    import sys

    cov_mod = sys.modules["analysis.coverage"]
    big = " ".join(f"Officials in Kharkiv said talks on item {i} about the weapons ban went well." for i in range(400))
    c = corpus({"big": big, "small": "Officials in Kharkiv said talks on the weapons ban went well."})
    records, labels, scores = cov_mod._facts(c)
    assert len(records) == 401
    assert len(scores) <= cov_mod.MAX_CANDIDATES * len(records)
    assert all(records[i].article_id != records[j].article_id for i, j in scores)


# --------------------------------------------------------------------------- discrepancies

def test_discrepancy_kinds_on_small_texts():
    c = corpus({
        "a": "Kharkiv is just 20 kilometers from the Russian border. The ban on long-range missiles has not changed, "
             "officials said. The plan was approved, according to four U.S. officials familiar with it.",
        "b": "Kharkiv lies only 30 km from the Russian border. The ban on long-range missiles was previously "
             "restricted, officials said. The plan was approved, two US officials told reporters.",
    }, date={"a": "2024-05-31", "b": "2024-05-31"})
    d = an.discrepancies(c)
    got = {(r.kind, r.value_a.split(" (")[0], r.value_b.split(" (")[0]) for r in d.itertuples()}
    assert ("number", "20 kilometers", "30 km") in got
    assert ("source_count", "four U.S. officials", "two US officials") in got
    assert any(k == "date" and "has not changed" in a for k, a, _b in got)
    text = {aid: c.text(aid) for aid in c.ids}
    for r in d.itertuples():  # every value is the text at its span
        assert text[r.article_a][r.start_a:r.end_a] in r.value_a or "(" in r.value_a
        assert r.sentence_a and r.sentence_b


def test_same_value_said_differently_is_no_discrepancy():
    c = corpus({
        "a": "The missile can strike targets up to 200 miles (300 kilometers) away, officials said.",
        "b": "The missile can strike targets up to 300 km away, four officials said.",
        "c": "The missile can strike targets 300 kilometers away, US officials said.",
    })
    d = an.discrepancies(c)
    assert d[d.kind == "number"].empty
    assert d[d.kind == "source_count"].empty  # "officials said" states no number


def test_dates_of_one_fact_and_of_other_events():
    c = corpus({
        "a": "Biden met Sullivan on May 15 to finalize the details of the plan.",
        "b": "Biden met Sullivan on May 13 to finalize the details of the plan, days after Russia launched "
             "its offensive on May 10.",
    }, date={"a": "2024-05-31", "b": "2024-05-31"})
    d = an.discrepancies(c)
    assert [(r.value_a, r.value_b) for r in d[d.kind == "date"].itertuples()] == [("May 15", "May 13")]


def test_values_of_a_plan_and_of_its_revision_are_two_values():
    # A draft and the rules that replaced it: the drafts disagree, a draft and the final rules do not.
    c = corpus({
        "a": "McConnell's first draft gave each side 24 hours over two days for opening arguments.",
        "b": "McConnell initially wanted to give each side 24 hours over four days for opening arguments.",
        "c": "The new rules give each side 24 hours over three days for opening arguments, as opposed to the "
             "initial two days.",
    })
    got = {frozenset((r.value_a, r.value_b)) for r in an.discrepancies(c).itertuples() if r.kind == "number"}
    assert frozenset(("two days", "four days")) in got  # a vs b, both drafts
    assert not any("three days" in pair for pair in got)  # the revision disagrees with no draft


def test_a_measure_of_each_day_is_no_total():
    c = corpus({
        "a": "The draft envisaged opening arguments of 24 hours for each side.",
        "b": "The draft envisaged opening arguments in two 12-hour days for each side.",
    })
    d = an.discrepancies(c)
    assert d[d.kind == "number"].empty  # 12 hours a day is not 24 hours in all


def test_a_cause_credited_to_different_sides_is_an_actor_discrepancy():
    c = corpus({
        "a": "McConnell changed the rules resolution after Democrats complained about the late-night sessions.",
        "b": "McConnell changed the rules resolution after GOP senators raised concerns about the late-night sessions.",
        "c": "McConnell changed the rules resolution after Republicans raised concerns about the late-night sessions.",
        "d": "McConnell changed the rules resolution following his talks with the White House about the sessions.",
    })
    d = an.discrepancies(c)
    actor = {frozenset((r.article_a, r.article_b)) for r in d[d.kind == "actor"].itertuples()}
    assert actor == {frozenset("ab"), frozenset("ac")}  # b and c agree; d names no side
    row = d[d.kind == "actor"].iloc[0]
    assert c.text(row.article_a)[row.start_a:row.end_a] == row.value_a


def test_a_member_of_a_body_may_also_hold_its_office():
    c = corpus({
        "a": "House Democratic Leader Nancy Pelosi said the mandate was needed.",
        "b": "Rep. Nancy Pelosi said the court kept the floodgates open.",
    })
    d = an.discrepancies(c)
    assert d[d.kind == "person_role"].empty


def test_dates_of_two_steps_or_of_a_plan_and_its_outcome_are_no_discrepancy():
    # Two actions, two days: the announcement and the hearing.
    c = corpus({
        "a": "FBI Director James Comey announced Tuesday that the bureau will not recommend charges against "
             "Hillary Clinton over her emails.",
        "b": "FBI Director James Comey faced questions Thursday over the bureau's decision not to recommend "
             "charges against Hillary Clinton over her emails.",
    }, date={"a": "2016-07-08", "b": "2016-07-08"})
    assert an.discrepancies(c)[lambda d: d.kind == "date"].empty
    # A date said of a coming vote and one said of the vote held: plans change.
    c = corpus({
        "a": "The committee will vote on Thursday on the nomination of Brett Kavanaugh to the Supreme Court.",
        "b": "The committee voted on Friday on the nomination of Brett Kavanaugh to the Supreme Court.",
    }, date={"a": "2018-09-24", "b": "2018-09-29"})
    assert an.discrepancies(c)[lambda d: d.kind == "date"].empty
    # The same action dated twice still is one.
    c = corpus({
        "a": "The committee voted on Thursday on the nomination of Brett Kavanaugh to the Supreme Court.",
        "b": "The committee voted on Friday on the nomination of Brett Kavanaugh to the Supreme Court.",
    }, date={"a": "2018-09-29", "b": "2018-09-29"})
    assert len(an.discrepancies(c)[lambda d: d.kind == "date"]) == 1


def test_a_weekday_before_a_future_verb_is_the_next_one():
    saturday = dt.date(2018, 9, 22)
    (d,) = dates("On Thursday, Supreme Court nominee Brett Kavanaugh will appear before the committee", saturday)
    assert dt.date.fromordinal(d.lo) == dt.date(2018, 9, 27)


def test_person_with_two_offices(sample_corpus):
    d = an.discrepancies(sample_corpus)
    roles = d[d.kind == "person_role"]
    assert roles.value_a.str.contains("Chancellor").any() and roles.value_b.str.contains("Foreign Minister").any()
    assert (roles.article_a == roles.article_b).all()  # one article gives both


# --------------------------------------------------------------------------- the sample event

def test_sample_event(sample_corpus):
    c = sample_corpus
    cov = an.coverage(c)
    assert set(cov.article_id) == set(c.ids)
    lede = cov[cov.claim_id.isin(["000:0", "001:0", "003:0"])]
    assert lede.fact_id.nunique() == 1  # three wordings of the decision
    politico = cov[cov.text.str.contains("Politico")]
    assert politico.fact_id.nunique() == 1 and politico.article_id.nunique() == 3
    only = an.only_here(c)
    assert only.text.str.contains("20 kilometers from the Russian border").any()
    d = an.discrepancies(c)
    counts = d[d.kind == "source_count"]
    pairs = {frozenset((r.article_a, r.article_b)) for r in counts.itertuples()}
    assert frozenset(("000", "001")) in pairs and frozenset(("000", "003")) not in pairs  # both say four
    dated = d[d.kind == "date"]
    assert (dated.value_a + dated.value_b).str.contains("last week").any()


def test_markup_only_here_layer_and_side_by_side_are_escaped():
    c = corpus({"a": "The <b>council</b> voted on Monday. <i>Kharkiv</i> is 20 kilometers from the border.",
                "b": "On Monday, the council voted. Kharkiv is 30 km from the border."})
    only = an.only_here(c)
    page = article_page(c, "a", only_here=pd.DataFrame([{"article_id": "a", "start": 0, "end": 10}]))
    assert '<span class="only only-start" title="Only in this article">T</span>' in page
    assert "claim no other article states" in page and page.count("only-start") == 4  # 2 CSS rules, legend, one claim
    assert "&lt;b&gt;" in page and "<b>council</b>" not in page
    assert "claim no other article states" not in article_page(c, "a")  # the layer is optional
    html_table = discrepancies_html(c, an.discrepancies(c))
    assert "<mark>20 kilometers</mark>" in html_table and "&lt;i&gt;" in html_table
    assert "No disagreeing values" in discrepancies_html(c, an.discrepancies(c).iloc[0:0])
    assert isinstance(only, pd.DataFrame)


def test_figure_titles_state_counts():
    import analysis.plots as plots

    c = corpus(PARAPHRASE, outlet={"a": "AP", "b": "CNN", "c": "NYT"})
    fig = plots.coverage.coverage_matrix(an.coverage_matrix(c, form="long"), plots.outlet_colors(c.outlet_of()))
    title = fig._suptitle.get_text()
    assert re.match(r"\d+ of \d+ facts are stated by two articles or more", title)
    assert fig.axes[0].get_xlabel() and fig.axes[1].get_xlabel()


def test_a_title_and_its_initialism_are_one_office():
    """"U.N. Secretary-General" and "United Nations Secretary-General" name one office: no
    person_role discrepancy; two offices still are one."""
    c = an.from_texts({
        "a": "U.N. Secretary-General Ban Ki-moon spoke at the memorial on Tuesday.",
        "b": "United Nations Secretary-General Ban Ki-moon spoke at the memorial on Tuesday.",
        "c": "German Chancellor Olaf Scholz spoke. Later, German Foreign Minister Olaf Scholz left."})
    d = an.discrepancies(c)
    roles = d[d.kind == "person_role"]
    assert set(roles.article_a) | set(roles.article_b) == {"c"}
