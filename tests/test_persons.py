"""Persons: naming_variants and person_mentions never merge two people (issue 16)."""

from __future__ import annotations

import analysis as an
from analysis.persons import person_mentions


def corpus(texts, **meta):
    return an.from_texts(texts, **meta)


def people(texts):
    p = person_mentions(corpus(texts))
    return {m: set(g) for m, g in p.groupby("person")["mention"]}


def test_a_middle_initial_more_or_less_is_another_person():
    p = people({"a": "George W. Bush met George Bush in Texas.", "b": "George Bush spoke."})
    assert "George W. Bush" in p and "George Bush" in p
    assert p["George W. Bush"] == {"George W. Bush"}


def test_initials_stand_for_names():
    p = person_mentions(corpus({"a": "Gen. Charles Q. Brown spoke.", "b": "Gen. CQ Brown and C.Q. Brown agreed."}))
    assert p.person.nunique() == 1


def test_jr_is_another_person_and_bare_surnames_go_to_the_most_named():
    text = ("President Donald Trump spoke. Donald Trump Jr. met Ivanka Trump. "
            "Mr. Trump said Trump would win. President Trump left.")
    p = person_mentions(corpus({"a": text}))
    by = p.set_index("mention")["person"]
    assert by["Donald Trump Jr"] == "Donald Trump Jr" and by["Ivanka Trump"] == "Ivanka Trump"
    assert set(p[p.mention.isin(["Trump", "Mr. Trump", "President Trump"])].person) == {"Donald Trump"}


def test_titles_tell_a_wife_from_her_husband():
    text = ("Kellyanne Conway and her husband, George Conway, disagree. Mr. Conway wrote a column. "
            "Mrs. Conway replied.")
    p = person_mentions(corpus({"a": text})).set_index("mention")["person"]
    assert p["Mr. Conway"] == "George Conway" and p["Mrs. Conway"] == "Kellyanne Conway"


def test_runs_with_two_names_are_cut():
    texts = {"a": "Gov. Chris Christie spoke. Donald Trump listened.",
             "b": "Chris Christie Trump adviser. Joe Biden spoke. Biden Trump debate."}
    p = person_mentions(corpus(texts))
    assert not p.person.str.contains("Christie Trump|Biden Trump").any()
    assert {"Chris Christie", "Donald Trump", "Joe Biden"} <= set(p.person)


def test_different_names_are_not_spelling_variants():
    texts = {"a": "Former President Carter spoke. Gov. Walker agreed. Walker Texas left.",
             "b": "Former President Carver spoke. Gov. Walter agreed. Walter Texas left.",
             "c": "Volodymyr Zelenskiy spoke.", "d": "Volodymyr Zelensky spoke."}
    v = an.naming_variants(corpus(texts), min_count=1)
    groups = [set(g) for _, g in v[v.kind != "person"].groupby("group")["variant"]]
    assert not any({"Carter", "Carver"} <= g or {"Walker", "Walter"} <= g for g in groups)
    assert any({"Zelenskiy", "Zelensky"} <= g for g in groups)


def test_bare_surnames_count_after_a_titled_mention():
    text = "President Biden relented. Biden's decision came late. Allies appealed to Biden."
    p = person_mentions(corpus({"a": text}))
    assert (p.mention == "Biden").sum() == 2 and set(p.person) == {"Biden"}


def test_sample_event_counts_bare_biden(sample_corpus):
    p = person_mentions(sample_corpus)
    bare = p[(p.mention == "Biden") & p.outlet.isin(["NYT", "Scripps"])]
    assert set(bare.outlet) == {"NYT", "Scripps"} and set(bare.person) == {"Joe Biden"}
