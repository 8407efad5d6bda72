"""Time and memory on any input: fast paths agree with their plain forms, the inputs that
used to blow up give the same answers as before, limits are recorded, never silent.

Nothing here is timed: ``benchmarks/bench_adversarial.py`` measures time and memory.
``fixtures/scaling_answers.json`` holds the answers of the code before these fixes
(main at 2689261) on small forms of the inputs that made it quadratic.
"""

from __future__ import annotations

import bisect
import importlib
import gzip
import io
import json
import math
import random
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis as an
from analysis import corpus as corpus_mod
from analysis import framing as fr
from analysis import passages as ps
from analysis import sources as src_mod
from analysis import speakers as sp
from analysis.attribution import _ENDS_COMMA, _ends_with_comma, _share_reasons, _share_reasons_plain
from analysis.quotes import (
    _blank,
    _LatestBelow,
    _Overlapping,
    _Piece,
    _sentence_subject,
    _sentence_subject_in,
)

FIXTURE = Path(__file__).parent / "fixtures" / "scaling_answers.json"


# --------------------------------------------------------------------------- former blow-ups

def _clean(v):
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if math.isnan(v) else float(v)
    if isinstance(v, np.bool_):
        return bool(v)
    if v is None or v is pd.NA:
        return None
    if isinstance(v, (list, tuple)):
        return [_clean(x) for x in v]
    return v


_ANSWERS = json.loads(FIXTURE.read_text("utf-8"))
_FUNCS = {"quotes": an.quotes, "attributions": an.attributions, "frames": an.frames,
          "characterizations": an.characterizations, "shared_passages": an.shared_passages,
          "naming_variants": an.naming_variants, "follows": an.follows,
          "quote_variants": an.quote_variants}


@pytest.mark.parametrize("case", sorted(_ANSWERS))
def test_former_blowup_inputs_give_the_answers_they_gave(case):
    """Repeated short quotes, "said", "Mr.", one sentence in two articles, ...: the inputs
    that were quadratic, at sizes where the old code still ran, answer as it did (except one
    change by design: one sentence ten times in both articles is now one passage, the whole
    text, not also its 18 shifted copies -- see passages.MAX_FULL_PAIRING)."""
    texts, answers = _ANSWERS[case]["texts"], _ANSWERS[case]["answers"]
    c = an.from_texts(texts)
    for name, expected in answers.items():
        got = [{k: _clean(v) for k, v in r.items()} for r in _FUNCS[name](c).to_dict("records")]
        assert got == expected, f"{case}: {name}"


# --------------------------------------------------------------------------- speakers

def _subject_after_plain(text, cue_end, hi=None):
    """subject_after as it was: the rest of the sentence sliced and all its tokens listed."""
    hi = len(text) if hi is None else hi
    seg = text[cue_end:hi]
    pos = cue_end + sp._SPACES.match(seg).end()
    toks = list(sp._AFTER_TOKEN.finditer(text[pos:hi]))
    out, last_end = [], pos
    for t in toks:
        if out and sp._AFTER_GAP.search(text[last_end:pos + t.start()]):
            break
        w = t.group()
        if out and w.lower() in sp._AFTER_STOP:
            break
        if not out and w.lower() in {"in", "on", "at", "during", "after", "that", "to"}:
            return None
        out.append(t)
        last_end = pos + t.end()
        if len(out) >= 10:
            break
    if not out:
        return None
    span = (pos + out[0].start(), pos + out[-1].end())
    return span if sp.is_subject(text[span[0]:span[1]]) else None


_SPEECH = st.lists(st.sampled_from(["said", " ", ", ", ". ", "John", "Smith", "a", "spokesman",
                                    "for", "the", "Pentagon", "in", "Moldova", "“", "”", "—", "\n",
                                    "U.S.", "officials", "who", "added", ";"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_SPEECH, st.integers(0, 40))
def test_subject_after_reads_as_it_did(text, cut):
    for m in re.finditer("said", text):
        for hi in (None, min(len(text), m.end() + cut)):
            assert sp.subject_after(text, m.end(), hi) == _subject_after_plain(text, m.end(), hi)


def _run_name_plain(run):
    """_run_name's trimming as it was: one word sliced off at a time."""
    words = run.split()
    while words and (words[0] in sp._NOT_NAMES or not sp._is_cap(words[0])):
        words = words[1:]
    while words and not sp._is_cap(words[-1]):
        words = words[:-1]
    return words


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Mr.", "The", "John", "Smith", "of", "the", "Jr.", "said", "Ms.",
                                 "Pentagon"]), max_size=12))
def test_name_runs_trimmed_by_index(words):
    run = " ".join(words)
    trimmed = _run_name_plain(run)
    got = sp._run_name.__wrapped__(run)
    if len(trimmed) < 2:
        assert got is None
    else:
        sp._run_name.cache_clear()
        assert got == sp._run_name.__wrapped__(" ".join(trimmed))


def test_subject_search_reaches_back_a_bounded_distance():
    """A verb's subject is found within SPEAKER_REACH characters, however long the sentence."""
    text = "x " * 5000 + ", the former ambassador John Smith said"
    a, b = sp.subject_before(text, text.index(" said") + 1)
    assert text[a:b] == "the former ambassador John Smith"
    k = sp.reach_back(text, len(text))
    assert len(text) - k <= sp.SPEAKER_REACH and text[k - 1] == " "
    # "According to" a source too long to be one: none, and no search to the end of the text.
    assert sp.phrase_after("according to " + "word " * 5000, 13, 25013) is None


# --------------------------------------------------------------------------- quotes

@given(st.text(alphabet=" \t\n\u00a0ab.", max_size=20), st.integers(-2, 22), st.integers(-2, 22))
def test_blank_is_strip(text, a, b):
    a, b = max(a, 0), max(b, 0)
    assert _blank(text, a, b) == (not text[a:b].strip())


def _pieces(rnd: random.Random, n: int) -> list[_Piece]:
    out, pos = [], 0
    for _ in range(n):
        pos += rnd.randint(0, 4)
        end = pos + rnd.randint(1, 6)
        p = _Piece(pos, end, pos + 1, end, 0)
        p.src = (pos, pos + 1) if rnd.random() < 0.5 else None
        out.append(p)
        pos = end + 1
    return out


def test_overlapping_pieces_by_bisection():
    rnd = random.Random(1)
    for _ in range(300):
        pieces = _pieces(rnd, rnd.randint(0, 12))
        find = _Overlapping(pieces)
        for _ in range(10):
            lo = rnd.randint(0, 80)
            hi, k = lo + rnd.randint(0, 20), rnd.randint(0, len(pieces))
            assert find(lo, hi, k) == [q for q in pieces[:k] if q.open < hi and q.end >= lo]


def test_latest_below_is_the_latest_item_under_the_bound():
    rnd = random.Random(3)
    for _ in range(200):
        t, items = _LatestBelow(), []
        for i in range(rnd.randint(0, 30)):
            key = rnd.randint(-10, 10)
            t.add(key, i)
            items.append((key, i))
            bound = rnd.randint(-12, 12)
            assert t.find(bound) == next((v for k, v in reversed(items) if k < bound), None)


def test_sentence_subjects_kept_per_sentence_start():
    """The memo answers as the search does, for near and far ends of the sentence."""
    text = ("But But Hours later, Joe Biden, a Democrat, said " + "more words " * 200
            + "“We will act,” she said.")
    known = sp.NameIndex.build(text).known()
    memo: dict = {}
    for hi in (20, 60, 700, 1300, 2000, len(text)):
        assert _sentence_subject(text, 0, hi, known, memo) == _sentence_subject_in(text, 0, hi, known)
        assert _sentence_subject(text, 8, hi, known, memo) == _sentence_subject_in(text, 8, hi, known)


# --------------------------------------------------------------------------- attributions

@given(st.text(alphabet=" \n,”\"ab", max_size=12), st.integers(0, 12), st.integers(0, 12))
def test_ends_with_comma_reads_back(text, lo, hi):
    assert _ends_with_comma(text, lo, hi) == bool(_ENDS_COMMA.search(text[lo:hi]))


def test_shared_reasons_agree_with_the_plain_loop():
    rnd = random.Random(4)
    sources = ["two officials", "the officials", "an official", "aides", "Smith"]
    for trial in range(300):
        rows, sent = [], 0
        for _ in range(rnd.randint(0, 20)):
            sent += rnd.randint(0, 2) if trial % 5 else rnd.randint(-2, 2)
            rows.append({"anonymous": rnd.random() < 0.7, "source": rnd.choice(sources), "sent_id": sent,
                         "reason": rnd.choice([None, None, "who requested anonymity", "speaking on condition"])})
        fast, plain = [dict(r) for r in rows], [dict(r) for r in rows]
        _share_reasons(fast)
        _share_reasons_plain(plain)
        assert fast == plain


# --------------------------------------------------------------------------- framing

@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8), st.integers(1, 4)), max_size=25))
def test_longest_first_marks_agree_with_the_plain_check(cands):
    found = [(a, a + n, g) for a, n, g in cands]
    assert fr._longest_first(list(found)) == fr._longest_first_plain(list(found))


# --------------------------------------------------------------------------- shared passages

def _passages_plain(corpus, n):
    """Every maximal run of at least n equal words on every diagonal of every pair."""
    ids = corpus.ids
    words = [ps.normalized_words(corpus.text(a)) for a in ids]
    rows = []
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            (ta, sa), (tb, sb) = words[i], words[j]
            for d in range(-len(tb), len(ta) + 1):
                k = max(0, d)
                while k < len(ta) and k - d < len(tb):
                    if ta[k] != tb[k - d]:
                        k += 1
                        continue
                    e = k
                    while e < len(ta) and e - d < len(tb) and ta[e] == tb[e - d]:
                        e += 1
                    if e - k >= n:
                        rows.append((ids[i], ids[j], sa[k][0], sa[e - 1][1], sb[k - d][0], sb[e - 1 - d][1], e - k))
                    k = e
    return sorted(rows)


def _rows(frame):
    return sorted(frame[["article_a", "article_b", "start_a", "end_a", "start_b", "end_b", "n_words"]]
                  .itertuples(index=False, name=None))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", "b", "c", "a.", "B"]), max_size=40).map(" ".join),
                min_size=2, max_size=3))
def test_shared_passages_are_the_maximal_runs(texts):
    texts = [t for t in texts if t.strip()]
    if len(texts) < 2:
        return
    c = an.from_texts({f"t{i}": t for i, t in enumerate(texts)})
    with pytest.MonkeyPatch.context() as mp:
        # every occurrence paired with every one (no run recurs MAX_SEED_REPEATS times here)
        mp.setattr(ps, "MAX_FULL_PAIRING", 10**9)
        for n in (2, 3, 5):
            assert _rows(an.shared_passages(c, min_words=n)) == _passages_plain(c, n)
    for n in (2, 3, 5):  # with the linear pairing, a subset of them
        assert set(_rows(an.shared_passages(c, min_words=n))) <= set(_passages_plain(c, n))


def test_two_texts_that_repeat_themselves_share_passages_in_proportion_to_their_length():
    """Copy t of one aligned with copy t of the other: k passages for k copies, not k*k."""
    one = ("The ministry said on Monday that the new rules for imports would take effect in "
           "March. Officials expect prices to rise. ")
    other = ("Prices could rise. The ministry said on Monday that the new rules for imports would "
             "take effect in March, the agency reported. ")
    counts = {}
    for k in (20, 40):
        c = an.from_texts({"a": one * k, "b": other * k})
        got = an.shared_passages(c)
        counts[k] = len(got)
        assert (got.n_words >= 8).all()
        starts = set(got.start_a)  # every copy in "a" takes part in a passage
        assert all(any(s <= i * len(one) + 4 < s + 100 for s in starts) for i in range(k))
    assert counts[40] <= 2 * counts[20] + 2


def test_shared_passages_of_a_repeated_sentence_are_found_once_and_in_full(monkeypatch):
    monkeypatch.setattr(ps, "MAX_SEED_REPEATS", 8)  # (the cap, small enough for the plain search)
    sentence = "The officials said the policy had not changed at all. "
    c = an.from_texts({"a": sentence * 60, "b": sentence * 60})
    got = _rows(an.shared_passages(c))
    every = _passages_plain(c, 8)
    assert set(got) <= set(every)  # each row is a maximal alignment
    assert len(got) < len(every)  # ... but the repeats beyond the cap seed none
    words, spans = ps.normalized_words(sentence * 60)
    assert ("a", "b", 0, spans[-1][1], 0, spans[-1][1], len(words)) in got  # the whole text


# --------------------------------------------------------------------------- loading

def test_lines_split_as_text_mode_splits_them():
    rnd = random.Random(5)
    for _ in range(300):
        data = "".join(rnd.choice(["a", "é", "\n", "\r", "\r\n", " "]) for _ in range(rnd.randint(0, 30))).encode()
        mine = [line.decode("utf-8").rstrip("\n") for line in src_mod._lines(io.BytesIO(data), 1000)]
        text = [line.rstrip("\n") for line in io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")]
        assert mine == text


def test_a_line_over_the_limit_is_skipped_and_recorded(tmp_path, monkeypatch):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "text": "Officials said it is limited."}) + "\n")
        fh.write(json.dumps({"id": "huge", "text": "word " * 20_000}) + "\n")
        fh.write(json.dumps({"id": "c", "text": "Kyiv said no."}) + "\n")
    monkeypatch.setattr(src_mod, "MAX_LINE_BYTES", 10_000)
    with pytest.warns(an.CorpusWarning):
        c = an.from_jsonl(path)
    assert c.ids == ["a", "c"]
    w = c.warnings[c.warnings.code == "line_too_long"]
    assert len(w) == 1 and f"{path}, line 2: 100,0" in w.message.iloc[0] and "skipped" in w.message.iloc[0]
    found: list[dict] = []
    with pytest.warns(an.CorpusWarning):
        table = an.features_from_records(path, warnings=found)
    assert table.article_id.tolist() == ["a", "c"] and [f["code"] for f in found] == ["line_too_long"]


def test_workers_capped_at_the_cores(monkeypatch):
    """workers=1000 on a machine that lets the process use one core: one process, a warning."""
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    records = [{"text": "Officials said it is limited."}, {"text": "Kyiv said no."}]
    with pytest.warns(an.CorpusWarning, match="workers=1000 but"):
        c = an.from_records(records, workers=1000)
    with pytest.warns(an.CorpusWarning, match="workers=1000 but"):
        table = an.features_from_records(records, workers=1000)
    assert len(table) == 2
    with pytest.warns(an.CorpusWarning, match="workers=1000"):
        assert an.features(c, workers=1000).equals(an.features(c))


def test_a_very_long_text_loads_with_a_warning(monkeypatch):
    monkeypatch.setattr(corpus_mod, "LARGE_TEXT_CHARS", 100)
    with pytest.warns(an.CorpusWarning, match="far longer than a news article"):
        c = an.from_texts({"a": "Officials said the step is limited. " * 10, "b": "Short."})
    assert c.warnings.code.tolist() == ["large_text"] and c.articles.at["a", "n_words"] == 60
    assert len(an.quotes(c)) == 0 and len(an.attributions(c)) == 10


# --------------------------------------------------------------------------- quote variants

def test_linked_groups_agree_with_the_plain_pairs():
    """Distinct wordings, prefix filtering and the size order find the groups that comparing
    every two quotes sharing a word finds (no word here is in MAX_WORD_WORDINGS wordings)."""
    from analysis.quote_variants import _linked_groups, _linked_groups_plain

    rnd = random.Random(6)
    vocab = [f"w{i}" for i in range(12)]
    for trial in range(300):
        sets, keys = [], []
        for _ in range(rnd.randint(0, 25)):
            words = [rnd.choice(vocab) for _ in range(rnd.randint(0, 7))]
            if sets and rnd.random() < 0.3:  # copies, and copies with other content words
                j = rnd.randrange(len(sets))
                words = keys[j].split() if keys[j] else []
                s = set(sets[j]) if rnd.random() < 0.7 else set(words[:2])
            else:
                s = {w for w in words if rnd.random() < 0.8}
            sets.append(s)
            keys.append(" ".join(words))
        # Credited speakers: unknown, or one of three, so that some links need the same words.
        speakers = [frozenset(rnd.sample(["x", "y", "z"], rnd.randint(0, 1))) for _ in sets]
        for min_words, threshold in ((4, 0.5), (1, 0.3), (2, 1.0), (3, 0.0), (4, 1.5)):
            assert _linked_groups(sets, keys, min_words, threshold) == \
                _linked_groups_plain(sets, keys, min_words, threshold), (trial, min_words, threshold)
            assert _linked_groups(sets, keys, min_words, threshold, speakers) == \
                _linked_groups_plain(sets, keys, min_words, threshold, speakers), (trial, min_words, threshold)


def test_follows_reads_the_similarity_matrix():
    """follows compares sentences of two articles without the corpus's sentence matrix:
    the values are those of the matrix, bit for bit, repeated sentences included."""
    from analysis.wording import _SentenceVectors, _tfidf_matrix

    rnd = random.Random(7)
    words = ("strike border weapons Kharkiv policy officials allies rockets drones city "
             "decision change limited shift escalation").split()
    texts = {}
    for a in "abcd":
        sents = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 7))).capitalize() + "."
                 for _ in range(rnd.randint(1, 12))]
        texts[a] = " ".join(sents + sents[:3])  # some sentences twice
    c = an.from_texts(texts)
    body = c.body_sentences()
    S = _tfidf_matrix(c, unit="sentence")
    vectors = _SentenceVectors(c, body)
    for a in c.ids:
        got = vectors.best_matches(a)
        ra = vectors.rows_of[a]
        for b, (best, sim) in got.items():
            sub = S[np.ix_(ra, vectors.rows_of[b])]
            assert best.tolist() == sub.argmax(axis=1).tolist()
            assert sim.tobytes() == sub.max(axis=1).tobytes()


# --------------------------------------------------------------------------- readability

def test_primed_hyphenation_points_are_pyphens():
    """The points put in Pyphen's cache for long words are those Pyphen computes."""
    import sys

    from textstat.backend.utils import get_pyphen

    readability = sys.modules["analysis.readability"]
    pyphen = get_pyphen("en_US")
    hyph = readability._Hyphenator.of(pyphen)
    rnd = random.Random(8)
    for _ in range(200):
        word = "".join(rnd.choice("aeiouxyzbcdnstrl") for _ in range(rnd.randint(1, 400)))
        pyphen.hd.cache.pop(word, None)
        expected = pyphen.hd.positions(word)
        pyphen.hd.cache.pop(word, None)
        hyph.prime(pyphen.hd, word)
        got = pyphen.hd.cache.pop(word)
        assert [(int(p), p.data) for p in got] == [(int(p), p.data) for p in expected]
        assert hyph.count(word) == len(pyphen.positions(word))


def test_a_word_of_many_letters_is_measured():
    c = an.from_texts({"a": "x" * 3000 + ". The step is limited.", "b": "Officials said so."})
    assert an.readability(c).n_words.tolist() == [5, 3]
    stock = an.textstat_stock(c)
    assert stock.n_words.tolist() == [5, 3]


def test_follows_counts_the_comparisons_it_makes():
    """max_sentences caps comparisons of distinct sentences: a repeated sentence is one."""
    many = an.from_texts({"a": "Tanks rolled in. " * 30, "b": "Tanks rolled in. Bakers baked. Rain fell."})
    f = an.follows(many, max_sentences=10).set_index(["article", "source"])
    assert f.loc[("a", "b"), "n_matched"] == 30 and f.loc[("b", "a"), "n_matched"] == 1
    words = "tanks bakers rain city border drones rockets allies officials policy decision strike".split()
    distinct = {k: " ".join(f"{w.capitalize()} {v} moved." for w in words for v in (k,)) for k in ("ax", "by")}
    with pytest.raises(ValueError, match="comparisons of sentences"):
        an.follows(an.from_texts(distinct), max_sentences=10)


# --------------------------------------------------------------------------- cleaning

def test_edits_apart_agree_with_the_merging_path():
    from analysis import clean

    rnd = random.Random(9)
    for _ in range(500):
        raw = "".join(rnd.choice("ab \n") for _ in range(rnd.randint(0, 40)))
        changes, pos = [], 0
        while pos < len(raw) and rnd.random() < 0.8:
            a = pos + rnd.randint(1, 4)
            b = min(len(raw), a + rnd.randint(0, 3))
            if a > len(raw):
                break
            changes.append((a, b, rnd.choice(["", " ", "xy", raw[a:b]])))
            pos = b
        rnd.shuffle(changes)
        fast = clean._apply(raw, raw, [], list(changes), "whitespace")
        plain = clean._apply_merging(raw, raw, [], list(changes), "whitespace")
        assert fast[0] == plain[0] and [vars(e) for e in fast[1]] == [vars(e) for e in plain[1]]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["who ", "which", " ", "ab", "1", ".", ",", "\n", "“", "as ", "x."]),
                max_size=20).map("".join), st.integers(0, 5), st.integers(0, 60))
def test_phrase_stops_found_as_the_plain_pattern_finds_them(text, j, hi):
    a = sp._PHRASE_STOP.search(text, j, hi)
    b = sp._PHRASE_STOP_FAST.search(text, j, hi)
    assert (a and a.start()) == (b and b.start())


# --------------------------------------------------------------------------- article pages

def _render_text_plain(text, lo, hi, spans, removed):
    """markup._render_text as it was: every span tested against every piece."""
    import html

    cuts = {lo, hi}
    for s in spans:
        if s.start < hi and s.end > lo:
            cuts.update((max(s.start, lo), min(s.end, hi)))
    cuts.update(p for p in removed if lo <= p <= hi)
    points = sorted(cuts)
    parts = []
    for a, b in zip(points, points[1:] + [None]):
        for rule, chunk in removed.pop(a, []) if a in removed else []:
            parts.append(f'<del class="removed" title="removed by cleaning: {html.escape(rule)}">'
                         f"{html.escape(chunk)}</del>")
        if b is None or a >= b:
            continue
        active = [s for s in spans if s.start <= a and s.end >= b]
        piece = html.escape(text[a:b])
        if active:
            classes = " ".join(dict.fromkeys(c for s in active for c in s.classes))
            title = html.escape(" | ".join(dict.fromkeys(s.title for s in active)), quote=True)
            piece = f'<span class="{classes}" title="{title}">{piece}</span>'
        parts.append(piece)
    return "".join(parts)


def test_pages_drawn_by_a_sweep_as_by_testing_every_span():
    from analysis import markup

    rnd = random.Random(10)
    text = "".join(rnd.choice("ab <&\n") for _ in range(80))
    for _ in range(300):
        spans = []
        for _ in range(rnd.randint(0, 10)):
            a = rnd.randint(0, 80)
            spans.append(markup._Span(a, a + rnd.randint(0, 12), (rnd.choice(["q", "src", "fr"]), f"k{rnd.randint(0, 3)}"),
                                      f"t{rnd.randint(0, 3)}"))
        removed = {rnd.randint(0, 80): [("rule", "gone")] for _ in range(rnd.randint(0, 3))}
        lo = rnd.randint(0, 40)
        hi = lo + rnd.randint(0, 40)
        assert markup._render_text(text, lo, hi, spans, {k: list(v) for k, v in removed.items()}) == \
            _render_text_plain(text, lo, hi, spans, {k: list(v) for k, v in removed.items()})


# --------------------------------------------------------------------------- persons

def test_bare_surnames_resolved_as_the_plain_reading_does():
    """A person named again and again: bare surnames go to the same persons as when every
    mention of the article is read for each of them."""
    from analysis import persons as pm

    rnd = random.Random(11)
    names = ["President Joe Biden", "Jill Biden", "Mr. Biden", "Biden", "Hunter Biden", "Dr. Biden",
             "Donald Trump", "Trump", "Mr. Trump"]
    for _ in range(40):
        text = " ".join(f"{rnd.choice(names)} {rnd.choice(['said', 'left', 'agreed'])}." for _ in range(rnd.randint(1, 30)))
        c = an.from_texts({"a": text, "b": "Joe Biden and Trump met."})
        tokens = pm.token_table(c)
        mentions = pm._collect_mentions(c, tokens, {})
        full = [m for m in mentions if m.kind == "full"]
        persons = pm._persons_of_full(full)
        index = pm._Index(persons, [p.given[0] if p.given else "" for p in persons])
        for m in full:
            index.note(m)
        titled = [m for m in mentions if m.kind == "titled"]
        pm._resolve_titled(titled, index)
        for m in titled:
            index.note(m)
        for key in index.local:
            index.local[key].sort(key=lambda x: x.start)
        bare = [m for m in mentions if m.kind == "bare"]
        fast = [(m.start, m.person) for m in pm._resolve_bare(bare, index)]
        for m in bare:
            m.person = None
        plain = [(m.start, m.person) for m in pm._resolve_bare_plain(bare, index)]
        assert fast == plain


# --------------------------------------------------------------------------- claims

def _split_clauses_plain(sentence):
    """claims.split_clauses as it was: the rest of the sentence copied for every break."""
    cl = importlib.import_module("analysis.claims")

    quoted = cl._quoted_regions(sentence)

    def inside_quote(pos):
        return any(a < pos < b for a, b in quoted)

    cuts = set()
    for m in cl._SPLIT_AFTER_COMMA.finditer(sentence):
        if sentence[m.end():m.end() + 5].lower().startswith("while") and cl._n_words(sentence[m.end():]) < 6:
            continue
        cuts.add(m.end())
    for m in cl._REL_CLAUSE.finditer(sentence):
        rest = sentence[m.end():]
        if "," not in rest and cl._n_words(rest) >= 5:
            cuts.add(m.end())
    for m in cl._AND_CLAUSE.finditer(sentence):
        rest = sentence[m.end():]
        if cl._SUBJECT_START.match(rest) and cl._VERBISH.search(" ".join(rest.split()[1:6])):
            cuts.add(m.end())
    for m in cl._TIME_CLAUSE.finditer(sentence):  # (main's time clauses, as main wrote them)
        rest = sentence[m.end():]
        head = " ".join(rest.split()[1:5])
        if cl._n_words(sentence[:m.start()]) >= 5 and cl._VERBISH.search(sentence[:m.start()]) and \
                cl._VERBISH.search(head) and "," not in rest:
            cuts.add(m.end())
    lead = cl._LEADING_CONCESSIVE.match(sentence)
    if lead:
        cuts.add(lead.end())
    points = [0] + sorted(c for c in cuts if not inside_quote(c)) + [len(sentence)]
    for m in re.finditer(r";\s+", sentence):
        if not inside_quote(m.start()):
            points.append(m.end())
    points = sorted(set(points))
    pieces = []
    for a, b in zip(points, points[1:]):
        if pieces and (cl._n_words(sentence[a:b]) < 4 or cl._n_words(sentence[pieces[-1][0]:pieces[-1][1]]) < 4):
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    out = []
    for a, b in pieces:
        while a < b and sentence[a].isspace():
            a += 1
        while b > a and sentence[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


_CLAUSE_WORDS = ["and", "the", "he", "Smith", "said", "which", "who", "but", "while", "walked", ",", ";", "“", "”",
                 "a", "rockets", "is", "Although", "hit", "after", "when", "until", "they", "met"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_WORDS), max_size=40).map(" ".join))
def test_clauses_split_as_they_were(sentence):
    cl = importlib.import_module("analysis.claims")

    sentence = sentence.replace(" ,", ",").replace(" ;", ";")
    assert cl.split_clauses(sentence) == _split_clauses_plain(sentence)


def _terms_plain(text, masked):
    """claims._terms as it was: the text joined again per phrase, every span per word."""
    cl = importlib.import_module("analysis.claims")

    _, phrases = cl._synonyms()
    low = text.lower().replace("’", "'")
    joined = text
    for pat, _rep in phrases:
        for m in pat.finditer(low):
            joined = joined[:m.start()] + joined[m.start():m.end()].replace(" ", "_") + joined[m.end():]
    out = {}
    for m in re.finditer(r"[^\W_]+(?:(?:[’'.\-_])[^\W_]+)*", joined):
        if any(a <= m.start() < b for a, b in masked):
            continue
        t = cl.term_of(m.group(0))
        if t:
            out[t] = out.get(t, 0.0) + 1.0
    return out


def test_terms_and_overlaps_as_they_were():
    cl = importlib.import_module("analysis.claims")

    rnd = random.Random(12)
    phrase_words = ["white house", "green light", "go ahead", "long range", "weapons", "Kharkiv", "border", "the",
                    "U.S.", "strike", "inside", "Russia"]
    for _ in range(300):
        text = " ".join(rnd.choice(phrase_words) for _ in range(rnd.randint(0, 25)))
        masked = [(a, a + rnd.randint(0, 15)) for a in (rnd.randint(0, max(1, len(text))) for _ in range(rnd.randint(0, 5)))]
        assert cl._terms(text, list(masked)) == _terms_plain(text, list(masked))
        rows = sorted((a, a + rnd.randint(1, 9)) for a in rnd.sample(range(60), rnd.randint(0, 8)))
        dict_rows = [{"start": a, "end": b} for a, b in rows]
        over = cl._Overlaps(dict_rows)
        shuffled = list(rows)
        rnd.shuffle(shuffled)
        hit = cl._spans_hit(shuffled)
        for _ in range(10):
            s = rnd.randint(0, 70)
            e = s + rnd.randint(0, 15)
            assert over(s, e) == [r for r in dict_rows if r["start"] < e and s < r["end"]]
            assert hit(s, e) == any(a < e and s < b for a, b in shuffled)


# --------------------------------------------------------------------------- term in context

_GAP_PIECES = ["a", "b", "ab", "A", " ", "  ", "\n", "\t", ".", ",", "’", "-", "\u00a0", "\r"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_GAP_PIECES), max_size=16).map("".join),
       st.sampled_from([["a", "b"], ["a", "b", "a"], ["ab", "a"], ["a"], ["a", "-b"], ["a", "’b"]]))
def test_term_gaps_match_as_the_plain_pattern(text, words):
    wd = importlib.import_module("analysis.wording")

    def pattern(gap):
        return re.compile(r"(?<!\w)" + gap.join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)

    plain = [m.span() for m in pattern(r"[^\w\n]*\s+[^\w\n]*").finditer(text)]
    assert [m.span() for m in pattern(wd._TERM_GAP).finditer(text)] == plain


def test_a_term_after_a_long_run_of_white_space():
    # The plain pattern tried every three-way split of the run (30 s for 2,000 spaces).
    text = "Mr" + " " * 20_000 + "x. Mr" + "\n \t" * 5_000 + ".\n" + " ." * 5_000 + " Biden. Mr.\n  Biden left."
    out = an.term_in_context(an.from_texts({"a": text}), "mr biden", width=5)
    # (cleaning folds the white space: the second run becomes one line break, which may
    # stand between the words, and the last break stays one)
    assert [m[:3] + m[-6:] for m in out["match"]] == ["Mr\n Biden", "Mr.\nBiden"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 10)), max_size=12), st.integers(-2, 42),
       st.integers(0, 10))
def test_span_cover_agrees_with_testing_every_span(raw, s, length):
    """values.SpanCover (bisection) answers as the plain scan over every span did."""
    from analysis.values import SpanCover

    spans = [(a, a + w) for a, w in raw]
    e = s + length
    cover = SpanCover(spans)
    assert cover.holds(s) == any(a <= s < b for a, b in spans)
    assert cover.meets(s, e) == any(a <= s < b or a < e <= b for a, b in spans)


def test_claims_of_a_sentence_of_many_sources_are_not_quadratic_in_them():
    """'two officials said' repeated: every number was checked against every source span."""
    text = "two officials said " * 3000
    c = an.from_texts({"a": text})
    claims = an.claims(c)
    assert len(claims) >= 1 and (claims["end"] <= len(text)).all()


def _runs_of_groups(runs):
    groups = np.array([g for run in runs for g in sorted(run)], dtype=np.int64)
    sizes = np.array([len(r) for r in runs], dtype=np.int64)
    return np.cumsum(sizes) - sizes, sizes, groups


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 3), min_size=1, max_size=7), max_size=6))
def test_pairs_between_groups_paired_in_full_are_the_pairs_within_runs_of_different_groups(runs):
    """passages.pairs_between_groups against the plain way: every pair of a run, then filtered."""
    starts, sizes, groups = _runs_of_groups(runs)
    left, right = ps.pairs_within_runs(starts, sizes)
    keep = groups[left] != groups[right]
    fast = ps.pairs_between_groups(starts, sizes, groups, full_up_to=10**9)
    assert sorted(zip(left[keep].tolist(), right[keep].tolist())) == sorted(zip(*[x.tolist() for x in fast]))


def _pairs_between_groups_plain(starts, sizes, groups, full_up_to):
    out = []
    for s, n in zip(starts.tolist(), sizes.tolist()):
        members: dict[int, list[int]] = {}
        for p in range(s, s + n):
            members.setdefault(int(groups[p]), []).append(p)
        keys = sorted(members)
        for x, ga in enumerate(keys):
            for gb in keys[x + 1:]:
                a, b = members[ga], members[gb]
                if min(len(a), len(b)) <= full_up_to:
                    out += [(p, q) for p in a for q in b]
                else:
                    out += [(a[min(t, len(a) - 1)], b[min(t, len(b) - 1)]) for t in range(max(len(a), len(b)))]
    return sorted(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 3), min_size=1, max_size=12), max_size=6), st.integers(0, 4))
def test_pairs_between_groups_agree_with_the_plain_rule(runs, full_up_to):
    """Paired in full up to full_up_to members, else occurrence t with occurrence t."""
    starts, sizes, groups = _runs_of_groups(runs)
    fast = ps.pairs_between_groups(starts, sizes, groups, full_up_to)
    assert sorted(zip(*[x.tolist() for x in fast])) == _pairs_between_groups_plain(starts, sizes, groups, full_up_to)
