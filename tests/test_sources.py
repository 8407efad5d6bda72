"""Large-corpus readers: JSON lines (plain and gzipped), CSV; bad records; several workers."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

import analysis as an

from .conftest import SAMPLE_EVENT


def _sample_records():
    c = an.load_event(SAMPLE_EVENT)
    return [{"ID": aid, "source": c.articles.at[aid, "outlet"], "authors": ["A", "B"],
             "text": c.articles.at[aid, "raw_text"]} for aid in c.ids]


def test_jsonl_gz_with_bad_records(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    lines = [json.dumps(r) for r in _sample_records()]
    lines[2:2] = ["{not json", "[1, 2]", json.dumps({"ID": "empty", "text": "   "}), ""]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    with pytest.warns(an.CorpusWarning):
        c = an.from_jsonl(path)
    assert c.ids == ["000", "001", "002", "003", "004"]
    assert c.articles.outlet.tolist() == ["AP", "CNN", "NYT", "Rewrite", "Scripps"]
    assert c.articles.at["000", "authors"] == "A; B"
    assert c.warnings.code.tolist() == ["bad_record", "bad_record", "empty_text"]
    assert "line 3: not valid JSON" in c.warnings.message.iloc[0]
    assert "line 4: not a JSON object" in c.warnings.message.iloc[1]
    # Same cleaning as the event folder.
    ref = an.load_event(SAMPLE_EVENT)
    assert c.articles.text.tolist() == ref.articles.text.tolist()


def test_limit_and_missing_file(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _sample_records()))
    assert an.from_jsonl(path, limit=2).ids == ["000", "001"]
    with pytest.raises(an.CorpusError, match="no such file"):
        an.from_jsonl(tmp_path / "nope.jsonl")
    (tmp_path / "bin.jsonl.gz").write_bytes(b"not gzip at all")
    with pytest.raises(an.CorpusError, match="bin.jsonl.gz: cannot be read"):
        an.from_jsonl(tmp_path / "bin.jsonl.gz")


def test_csv_table(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame(_sample_records()).drop(columns="authors").to_csv(path, index=False)
    c = an.from_table(path)
    assert c.ids == ["000", "001", "002", "003", "004"] and c.articles.n_sentences.sum() == 117
    (tmp_path / "x.csv").write_text("id,body\n1,hello\n")
    with pytest.raises(an.CorpusError, match="no 'text' column"):
        an.from_table(tmp_path / "x.csv")


def test_two_workers_give_the_same_corpus():
    records = _sample_records() * 4
    for i, r in enumerate(records):
        r = r.copy()
        records[i] = {**r, "ID": f"{r['ID']}-{i}"}
    one = an.from_records(records, workers=1)
    two = an.from_records(records, workers=2)
    for name in ("articles", "paragraphs", "sentences", "edits"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))


# --------------------------------------------------------------------------- "according to" takes a source

def test_according_to_takes_a_noun_phrase_cut_before_a_participle_or_a_time():
    a = an.attributions(an.from_texts({"a": (
        "Support fell, according to a Reuters/Ipsos poll released on Saturday. "
        "He lied, according to court documents. "
        "The town fell, according to several priests in northern Iraq.")}))
    rows = a[["source", "source_type", "anonymous"]].values.tolist()
    assert ["a Reuters/Ipsos poll", "document", False] in rows
    assert ["court documents", "document", False] in rows
    assert ["several priests in northern Iraq", "anonymous", True] in rows


def test_counted_people_of_an_occupation_are_unnamed_sources():
    from analysis.speakers import describe_source

    assert describe_source("two economists").type == "anonymous"
    assert describe_source("one journalist").type == "anonymous"
    assert describe_source("an equal number").type == "unknown"  # no occupation: no source
    assert describe_source("a new law").type == "unknown"
    assert describe_source("those familiar with the talks").type == "anonymous"
