"""Tests for analysis.framing: lexicon, hits, negation, voice, scores, characterizations."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis as an
from analysis import framing as fr
from analysis.framing import LexiconError

SAMPLE = Path(__file__).resolve().parents[1] / "data/events/ukraine-weapons-2024-05"
NO_QUOTES = pd.DataFrame({"article_id": pd.Series(dtype=str), "start": pd.Series(dtype=int),
                          "end": pd.Series(dtype=int)})


@pytest.fixture(scope="module")
def sample():
    return an.load_event(SAMPLE)


@pytest.fixture(scope="module")
def sample_chars(sample):
    return an.characterizations(sample)


def hits_of(text: str, lexicon=None, quotes=NO_QUOTES) -> pd.DataFrame:
    return an.frames(an.from_texts({"t": text}), lexicon, quotes=quotes)


def pairs(text: str, frame: str | None = None) -> list[tuple[str, str]]:
    h = hits_of(text)
    if frame:
        h = h[h.frame == frame]
    return list(zip(h.frame, h.match))


# --------------------------------------------------------------------------- lexicon

def test_default_lexicon_has_documented_frames():
    lex = an.load_lexicon()
    assert list(lex.columns) == ["frame", "pattern", "kind", "note", "source"]
    assert {"magnitude_bigger", "magnitude_smaller", "escalation_risk", "self_defense",
            "pressure", "caution", "hedging"} <= set(lex.frame)
    assert set(lex.kind) <= {"word", "phrase", "regex"}
    doc = (Path(an.__file__).parent / "resources" / "FRAMES.md").read_text("utf-8")
    for frame in lex.frame.unique():
        assert f"`{frame}`" in doc, f"frame {frame} is not documented in FRAMES.md"


@pytest.mark.parametrize("frame, sentence, expected", [
    ("magnitude_bigger", "The decision marks a significant shift in policy.", "significant shift"),
    ("magnitude_bigger", "It was a historic vote.", "historic"),
    ("magnitude_bigger", "This is the first time a court has ruled so.", "first time"),
    ("magnitude_bigger", "The senator made a startling break with the president.", "startling"),
    ("magnitude_bigger", "The move marks a departure from long-standing U.S. policy.",
     "departure from long-standing U.S. policy"),
    ("magnitude_smaller", "The plan is modest.", "modest"),
    ("magnitude_smaller", "Critics called it a half step at best.", "half step"),
    ("magnitude_smaller", "The rules remain unchanged.", "unchanged"),
    ("magnitude_smaller", "Aid will go only to the north.", "only"),
    ("escalation_risk", "Moscow warned against escalating the conflict.", "escalating"),
    ("escalation_risk", "The step risks an escalation.", "escalation"),
    ("escalation_risk", "Ties with a nuclear armed state are tense.", "nuclear armed"),
    ("escalation_risk", "They fear widening the war.", "widening the war"),
    ("self_defense", "Troops are defending the city.", "defending"),
    ("self_defense", "It was an act of self-defense.", "self-defense"),
    ("self_defense", "Guns for counter fire purposes.", "counter fire"),
    ("self_defense", "Allowing Kyiv to hit back.", "hit back"),
    ("pressure", "Allies urged the president to act.", "urged"),
    ("pressure", "Allies have called for a change.", "called for"),
    ("pressure", "He faces growing pressure.", "pressure"),
    ("caution", "The minister remained cautious.", "cautious"),
    ("caution", "They asked for due diligence.", "due diligence"),
    ("hedging", "The talks might resume.", "might"),
    ("hedging", "The deal appears to hold.", "appears"),
])
def test_each_frame_matches_a_hand_made_sentence(frame, sentence, expected):
    assert (frame, expected) in pairs(sentence)


def test_inflections_and_blocked_lookalikes():
    assert [m for _f, m in pairs("They defend, defended and keep defending.", "self_defense")] == \
        ["defend", "defended", "defending"]
    assert [m for _f, m in pairs("Counterfire, counter-fire.", "self_defense")] == \
        ["Counterfire", "counter-fire"]
    # de-escalation is the opposite of escalation; May 13 is a date; urgent is not urged;
    # the Defense Secretary is not self-defence; "not only" is not a limit
    text = ("Calls for de-escalation came on May 13. It is urgent, the Defense Secretary said. "
            "Not only Kyiv but Paris agreed.")
    h = hits_of(text)
    assert "escalation_risk" not in set(h.frame)
    assert "may" not in set(h["match"].str.lower())
    assert "self_defense" not in set(h.frame)
    assert "magnitude_smaller" not in set(h.frame)
    assert ("pressure", "Calls for") in list(zip(h.frame, h.match))


def test_hits_carry_offsets_sentence_and_paragraph():
    text = "First paragraph here.\nThe talks might resume. Nothing else."
    c = an.from_texts({"t": text})
    h = an.frames(c, quotes=NO_QUOTES)
    row = h[h["match"] == "might"].iloc[0]
    assert c.text("t")[row.start:row.end] == "might"
    sent = c.sentences.set_index("sent_id").loc[row.sentence_id]
    assert sent.start <= row.start < sent.end and sent.para_id == row.para_id == 1
    assert 0 < row.rel_position < 1
    assert list(h.columns) == fr.HIT_COLUMNS


# --------------------------------------------------------------------------- negation

@pytest.mark.parametrize("text, match, negated", [
    ("The policy has not changed.", "changed", True),
    ("There is no formal arms ban.", "ban", True),
    ("The permission is not limited to Kharkiv.", "limited", True),
    ("The permission isn't limited to Kharkiv.", "limited", True),
    ("The permission is limited to Kharkiv.", "limited", False),
    ("No, the permission is limited to Kharkiv.", "limited", False),   # the clause ends at the comma
    ("It was not a ban but a limited one.", "limited", False),       # "but" ends the negation
    ("Nobody said this, and the policy did not immediately lead to a change.", "change", False),
])
def test_negation(text, match, negated):
    h = hits_of(text)
    row = h[h["match"] == match]
    assert len(row) == 1
    assert bool(row.negated.iat[0]) is negated


# --------------------------------------------------------------------------- voice

def test_quoted_versus_outlet_voice_with_quote_finder():
    text = ('The step is limited, officials said. "This could escalate quickly," '
            'said Jane Smith, a former ambassador.')
    h = an.frames(an.from_texts({"t": text}))
    own = h[h["match"] == "limited"].iloc[0]
    quoted = h[h["match"] == "escalate"].iloc[0]
    assert own.voice == "outlet" and own.speaker is None
    assert quoted.voice == "quoted" and quoted.speaker == "Jane Smith"
    assert h[h["match"] == "could"].voice.iat[0] == "quoted"


def test_quotes_table_can_be_passed_and_is_checked():
    text = "He said the move may escalate things."
    start = text.index("may")
    q = pd.DataFrame({"article_id": ["t"], "start": [start], "end": [len(text) - 1],
                      "speaker_name": ["Ann Lee"], "speaker_type": ["person"]})
    h = hits_of(text, quotes=q)
    assert h.set_index("match").loc["escalate", "speaker"] == "Ann Lee"
    assert h.set_index("match").loc["escalate", "speaker_type"] == "person"
    with pytest.raises(ValueError, match="missing column"):
        hits_of(text, quotes=pd.DataFrame({"article_id": ["t"]}))


# --------------------------------------------------------------------------- custom lexicon

CUSTOM = pd.DataFrame({
    "frame": ["danger", "danger", "calm", "calm"],
    "pattern": ["risk*", "grave risk", "limited", "limited purpose"],
    "kind": ["word", "phrase", "word", "phrase"],
})


def test_custom_lexicon_dataframe_and_overlap_counted_once():
    h = hits_of("A grave risk, and other risks, for a limited purpose.", CUSTOM)
    assert list(zip(h.frame, h.term, h.match)) == [
        ("danger", "grave risk", "grave risk"),
        ("danger", "risk*", "risks"),
        ("calm", "limited purpose", "limited purpose"),
    ]


def test_custom_lexicon_from_path_and_kind_inferred(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("frame,pattern\nrisk,escalat*\nrisk,widen the war\n", encoding="utf-8")
    lex = an.load_lexicon(path)
    assert lex.kind.tolist() == ["word", "phrase"]
    h = hits_of("Escalation could widen the war.", path)
    assert list(zip(h.frame, h.match)) == [("risk", "Escalation"), ("risk", "widen the war")]
    scores = an.frame_scores(an.from_texts({"t": "Escalation could widen the war."}), path,
                             quotes=NO_QUOTES)
    assert set(scores.frame) == {"risk"}


def test_longest_match_wins_in_the_default_lexicon():
    h = hits_of("The US shifted its stance, in a limited capacity.")
    small = h[h.frame == "magnitude_smaller"]
    assert small["match"].tolist() == ["in a limited capacity"]


def test_the_same_words_count_once_in_each_frame():
    h = hits_of("The ruling was a reversal.")
    assert set(h[h["match"] == "reversal"].frame) == {"magnitude_bigger", "change"}


def test_regex_kind_and_case_sensitive_part():
    lex = pd.DataFrame({"frame": ["f", "f"], "pattern": [r"(?-i:EU)", r"widen\w*\s+the\s+war"],
                        "kind": ["regex", "regex"]})
    h = hits_of("The EU fears widening the war; eu is not matched.", lex)
    assert h["match"].tolist() == ["EU", "widening the war"]


@pytest.mark.parametrize("frame, message", [
    (pd.DataFrame({"frame": ["x"], "kind": ["word"]}), r"missing column\(s\) \['pattern'\]"),
    (pd.DataFrame({"frame": ["x", "y"], "pattern": ["ok", "(unclosed"], "kind": ["word", "regex"]}),
     r"row 1 \(frame 'y', pattern '\(unclosed'\): not a valid regular expression"),
    (pd.DataFrame({"frame": ["x"], "pattern": ["a"], "kind": ["lemma"]}), "kind must be one of"),
    (pd.DataFrame({"frame": ["x"], "pattern": ["two words"], "kind": ["word"]}), "use kind 'phrase'"),
    (pd.DataFrame({"frame": [""], "pattern": ["a"], "kind": ["word"]}), "empty frame"),
    (pd.DataFrame({"frame": ["x"], "pattern": ["a*|"], "kind": ["regex"]}), "matches empty text"),
])
def test_bad_lexicon_errors(frame, message):
    with pytest.raises(LexiconError, match=message):
        an.load_lexicon(frame)


def test_bad_lexicon_file_errors_name_the_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("frame,pattern,kind\nrisk,escalat*,word\nrisk,[oops,regex\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.csv line 3 \(frame 'risk', pattern '\[oops'\)"):
        an.frames(an.from_texts({"t": "x"}), path, quotes=NO_QUOTES)
    with pytest.raises(LexiconError, match="not found"):
        an.load_lexicon(tmp_path / "missing.csv")
    with pytest.raises(LexiconError, match="not int"):
        an.load_lexicon(3)


# --------------------------------------------------------------------------- scores

def test_frame_scores_rates_by_voice():
    text = ('The step is limited and only a modest one. "It could escalate," said Jane Smith.')
    c = an.from_texts({"t": text})
    s = an.frame_scores(c)
    assert list(s.columns) == ["article_id", "outlet", "frame", "voice", "hits", "negated",
                               "n_words", "rate_per_1000"]
    n_frames = an.load_lexicon().frame.nunique()
    assert len(s) == n_frames * 2
    small = s[(s.frame == "magnitude_smaller")].set_index("voice")
    n = c.articles.at["t", "n_words"]
    assert small.at["outlet", "hits"] == 3 and small.at["quoted", "hits"] == 0
    assert small.at["outlet", "rate_per_1000"] == pytest.approx(round(3000 / n, 2))
    risk = s[(s.frame == "escalation_risk")].set_index("voice")
    assert risk.at["quoted", "hits"] == 1 and risk.at["outlet", "hits"] == 0


def test_sample_scores_add_up_to_hits(sample):
    s = an.frame_scores(sample)
    h = an.frames(sample)
    assert s.hits.sum() == len(h)
    assert set(s.article_id) == set(sample.ids)
    # quoted hits exist in the sample (Herbst's "half-step", Blinken's "adapted")
    assert s[s.voice == "quoted"].hits.sum() > 0


def test_empty_and_wordless_corpora():
    empty = an.from_texts({})
    assert an.frames(empty).empty and list(an.frames(empty).columns) == fr.HIT_COLUMNS
    assert an.frame_scores(empty).empty
    assert an.characterizations(empty).empty
    one = an.from_texts({"a": "..."})
    s = an.frame_scores(one)
    assert (s.hits == 0).all() and s.rate_per_1000.isna().all()
    assert an.characterizations(one).empty


# --------------------------------------------------------------------------- sample event

def test_sample_body_only_and_offsets(sample):
    h = an.frames(sample)
    kinds = sample.paragraphs.set_index(["article_id", "para_id"]).kind
    assert all(kinds[(a, p)] == "body" for a, p in zip(h.article_id, h.para_id))
    for row in h.itertuples():
        assert sample.text(row.article_id)[row.start:row.end] == row.match
    # the subhead "Cautious" in 000 is not counted, the body's "cautious" is
    assert h[(h.article_id == "000") & (h.frame == "caution")]["match"].tolist() == \
        ["cautious", "due diligence"]
    assert h[(h.article_id == "000") & (h["match"] == "ban")].negated.all()


def _find(chars, aid, key):
    rows = chars[(chars.article_id == aid) & chars.sentence.str.contains(key, regex=False)]
    assert len(rows) == 1, f"{aid}: no single characterization containing {key!r}"
    return rows.iloc[0]


@pytest.mark.parametrize("aid, key, word, directions", [
    ("000", "for the limited purpose of defending Kharkiv", "limited", {"smaller"}),
    ("001", "marks a departure from longstanding policy", "departure from longstanding policy", {"both"}),
    ("001", "limited to the area around Kharkiv", "limited", {"both"}),
    ("002", "opening what could be a new chapter", "new chapter", {"bigger", "both"}),
    ("002", "in the narrowest of ways", "narrowest", {"smaller"}),
    ("003", "marks a significant shift", "significant shift", {"bigger"}),
    ("004", "a half-step forward", "half-step", {"smaller"}),
])
def test_sample_characterizations(sample_chars, aid, key, word, directions):
    row = _find(sample_chars, aid, key)
    assert row.direction in directions
    assert word in row.words.split("; ")
    side = "bigger_words" if word in ("departure from longstanding policy", "new chapter",
                                      "significant shift") else "smaller_words"
    assert word in row[side].split("; ")


def test_sample_characterization_voice_and_position(sample_chars):
    herbst = _find(sample_chars, "004", "half-step")
    assert herbst.voice == "quoted" and herbst.speaker == "John Herbst"
    assert _find(sample_chars, "000", "limited purpose").position == "lede"
    assert _find(sample_chars, "003", "significant shift").voice == "outlet"
    assert _find(sample_chars, "002", "narrowest").position == "later"
    assert set(sample_chars.position) <= {"lede", "first third", "later"}
    # "The decision comes after ... Russia began a major offensive": the offensive is major,
    # not the decision
    assert not sample_chars.sentence.str.contains("major offensive").any()


def test_characterizations_rules_on_hand_made_text():
    text = ("The council approved the plan on Monday. "
            "Officials met after a major storm hit the coast. "
            "The decision is not a major shift. "
            "When the mayor relented, it was in the narrowest of ways. "
            "The regulator may act, a spokesman said.")
    ch = an.characterizations(an.from_texts({"t": text}), quotes=NO_QUOTES)
    assert ch.sentence_id.tolist() == [2, 3]
    assert ch.direction.tolist() == ["smaller", "smaller"]
    assert ch.words.tolist() == ["not: major", "narrowest"]
    assert ch.reason.iat[1] == "refers back: it"


def test_characterizations_both_and_custom_event_terms():
    text = "Intro sentence here. The scheme is historic but narrow."
    c = an.from_texts({"t": text})
    assert an.characterizations(c, quotes=NO_QUOTES).empty  # "scheme" is not an event word
    ch = an.characterizations(c, quotes=NO_QUOTES, event_terms=fr.EVENT_TERMS + ("scheme",))
    assert ch.direction.tolist() == ["both"]
    assert ch.bigger_words.iat[0] == "historic" and ch.smaller_words.iat[0] == "narrow"


def test_characterizations_with_a_custom_lexicon_needs_size_frames():
    c = an.from_texts({"t": "The decision is huge. The plan is tiny."})
    lex = pd.DataFrame({"frame": ["up", "down"], "pattern": ["huge", "tiny"]})
    with pytest.raises(ValueError, match="neither frame 'magnitude_bigger'"):
        an.characterizations(c, lex, quotes=NO_QUOTES)
    ch = an.characterizations(c, lex, quotes=NO_QUOTES, bigger="up", smaller="down")
    assert ch.direction.tolist() == ["bigger", "smaller"]


def test_per_article_function_is_callable_alone():
    comp = fr._compile(None)
    text = "It is limited. Counterfire only."
    hits = fr._frames_for_article("x", text, [(0, 0, 0, 14), (1, 0, 15, 32)], (), comp)
    assert [(h[1], h[3]) for h in hits] == [("magnitude_smaller", "limited"),
                                           ("self_defense", "Counterfire"),
                                           ("magnitude_smaller", "only")]
    assert fr._frames_for_article("x", "", [], (), comp) == []


# --------------------------------------------------------------------------- fast paths
#
# _frames_for_article scans the (lower-cased) text for literal pattern prefixes read from the
# lexicon's syntax, tries only the patterns of the prefix it saw, finds sentences, positions
# and quotes by bisection and pre-checks negation.  fr.reference_hits is the plain path: each
# pattern's own regex over each paragraph run, lookups one by one.  They must agree exactly.

def _sentences(text: str) -> list[tuple[int, int, int, int]]:
    """Body sentences (sent_id, para_id, start, end): lines are paragraphs, ". " ends a sentence."""
    import re

    out, pos = [], 0
    for pid, line in enumerate(text.split("\n")):
        for m in re.finditer(r"[^.]+(?:\.|$)", line):
            if m.group().strip():
                out.append((len(out), pid, pos + m.start(), pos + m.end()))
        pos += len(line) + 1
    return out


def _fresh(lexicon=None):
    """The lexicon compiled anew: an empty per-prefix cache, filled from this text's prefixes."""
    lex = fr.load_lexicon(lexicon)
    return fr._compile_rows.__wrapped__(tuple(zip(lex["frame"], lex["pattern"], lex["kind"])))


def _check_fast_paths(text: str, lexicon=None, quotes=None) -> list:
    """The fast path on the lower-cased text, the fast path on the text itself (the
    case-insensitive scan, used when lower-casing would move offsets) and the plain path."""
    from unittest import mock

    comp = _fresh(lexicon)
    sents = _sentences(text)
    quotes = [(0, len(text) // 2, "Someone", "official"), (len(text) // 3, len(text) // 2, "Inner", None)] \
        if quotes is None else quotes
    want = fr.reference_hits("x", text, sents, quotes, comp)
    assert fr._frames_for_article("x", text, sents, quotes, comp) == want
    with mock.patch.object(fr, "lowered", lambda text: None):
        assert fr._frames_for_article("x", text, sents, quotes, _fresh(lexicon)) == want
    return want


_TRICKY = [
    "It is NOT LIMITED. ESCALATION looms; Escalate? eScAlAtIoN.",
    "The step was not\u00a0limited, it was in\u00a0a limited capacity.",
    "A counter\u2011fire and a counter\u2010strike, a de-escalation, a limited-time deal.",
    "Caf\u00e9limited and \u00e9escalate are not words; \u201climited\u201d is.",
    "The Kelvin sign: wea\u212a. Not a marginal step (marginal), not-limited.",
    "A reversal, restricted to Kharkiv, restricted from, criticisms, appeared to lift.",
    "Dotless \u0131n a l\u0131m\u0131ted capacity; it is not l\u0131m\u0131ted.",
    "A long \u017fhift, a \u017fignificant \u017fhift, a modest \u017ftep.",
    "Capital \u0130n a limited capacity, L\u0130M\u0130TED, not l\u0130mited.",
    "They didn\u2019t escalate. They can't escalate. Nobody would escalate; no major step.",
    "He said it could, may or might be a Significant   Shift in policy.",
    "escalat at the very start",
    "\n\nMay 13: it may be. Self-defence, self defense and selfdefense.",
    "A departure from it. Policy, the only one, not only that; if only.",
    "the first. Time; a turning\npoint; a green  light, green\u3000light.",
]


@pytest.mark.parametrize("text", _TRICKY)
def test_fast_paths_equal_the_plain_path(text):
    _check_fast_paths(text)


_PIECES = st.sampled_from([
    "in", "a", "limited", "capacity", "escalat", "ion", "Escalation", "ESCALATE", "counter",
    "fire", "self", "defen", "se", "ce", "of", "not", "NOT", "no", "n't", "n’t", "never", "but",
    "may", "May", "might", "only", "the", "significant", "shift", "departure", "from", "policy",
    " ", " ", " ", "  ", "\u00a0", "-", "\u2010", "\u2011", ",", ".", "(", "“", "”", "'", "’",
    "\u0131", "\u0130", "\u017f", "\u212a", "\u00e9", "\n",
    # prefixes of one pattern that extend another's: reversal* / revers*, restricted to / restrict*
    "revers", "al", "restrict", "ed", "to", "criticis", "m", "appear", "lift", "ing", "defence",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_fast_paths_equal_the_plain_path_on_random_texts(text):
    _check_fast_paths(text)


# Random lexicons over a small alphabet, in every kind of pattern the syntax allows, and
# texts from the same pieces: prefixes read from word, phrase and regex patterns must never
# miss a hit the plain path finds.
_WORD = st.sampled_from(["ab", "ba", "aab", "b", "abba", "Ab"])
_REGEX_FORMS = [
    "{0}", "(?:{0}|{1})", "{0}(?:{1})?", "[ab]{0}", "(?<!a\\s){0}", "(?<!no\\s)(?<!b\\s){0}", "(?-i:{0})",
    "{0}\\s+{1}", "{0}\\w*", "\\b{0}", "{0}.{1}", "(?={0}){0}", "{0}{{1,2}}", "({0}){1}",
    "{0}[\\s-]?{1}", "(?:{0}\\s+){{0,2}}{1}", "{0}|{1}", "é{0}", "(?i:{0}){1}", "\\d*{0}", "{0}+{1}",
    "[^a]{0}", "{0}\\-{1}", "(?:{0})?{1}", "{0}(?#note){1}", "(?:{0}|){1}", "[\\w’.-]+\\s+{0}", "{0} {1}",
    "(?:(?:{0}|{1})\\s+)?{1}", "{0}[-‐‑]{1}", "\\s*{0}", "(?i){0}", "{0}\\.{1}", "[a-b]{0}", "x*{0}",
    "(?:{0}|\\s){1}", "(?<=a){0}", "{0}(?=b)", "[ab]?{0}", "(?:a(?:b|{0}))", "{0}[ab]", "(?:{0}){{2}}",
    "\\A{0}", "^{0}", "{0}$", "(?!{1}){0}", "[\\-]{0}", "(?:{0}\\s)+{1}", "\u212a{0}", "\u017f{0}", "[]a]{0}",
    "(?>{0}){1}", "{0}++{1}", "{0}??{1}", "\\x61{0}", "(?:{0}|{1}|)\\s?{1}", "{0}{{,2}}{1}", "[\\s]{0}",
]
_PATTERN = st.one_of(
    st.tuples(_WORD, st.sampled_from(["", "*", "-ab", "-b*", "'s", "’b"])).map(lambda t: (t[0] + t[1], "word")),
    st.tuples(_WORD, _WORD, st.sampled_from(["", "*"])).map(lambda t: (f"{t[0]} {t[1]}{t[2]}", "phrase")),
    st.tuples(st.sampled_from(_REGEX_FORMS), _WORD, _WORD).map(lambda t: (t[0].format(t[1], t[2]), "regex")),
)
_TEXT = st.lists(st.tuples(
    st.sampled_from(["ab", "ba", "aab", "b", "a", "abba", "AB", "Ab", "bA", "é", "\u212a", "no", "not", "1", "x"]),
    st.sampled_from([" ", " ", " ", "  ", "\n", "-", "\u2010", ". ", ", ", "", "'", "’", "\u00a0", "(", "."])),
    max_size=25).map(lambda pieces: "".join(w + sep for w, sep in pieces))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["f", "g", "h"]), _PATTERN), min_size=1, max_size=6),
       _TEXT)
def test_fast_paths_equal_the_plain_path_with_random_lexicons(rows, text):
    from hypothesis import assume

    lexicon = pd.DataFrame([{"frame": f, "pattern": p, "kind": k} for f, (p, k) in rows])
    try:
        fr.load_lexicon(lexicon)
    except LexiconError:
        assume(False)  # a pattern that matches empty text, say: not a lexicon
    _check_fast_paths(text, lexicon)


def test_prefixes_are_read_from_the_pattern_syntax():
    from analysis.framing_fast import pattern_prefixes

    assert pattern_prefixes("in a limited capacity", "phrase") == {"in a limited capacity"}
    assert pattern_prefixes("game-changer*", "word") == {"game-changer", "game changer", "gamechanger"}
    assert pattern_prefixes("(?-i:may)", "regex") == {"may"}
    assert pattern_prefixes(r"departure\s+from\s+(?:[\w’.-]+\s+){0,3}policy", "regex") == {"departure from"}
    # nothing literal to scan for: the frame is searched in full
    for pattern in (r"\w+ing", r"(?:a|.)b", r"-x", r"(?x) a b", r"(?(1)a|b)", r"[a-z]+"):
        assert pattern_prefixes(pattern, "regex") is None, pattern
    assert pattern_prefixes("-fire", "word") is None


def test_each_top_level_alternative_has_its_own_prefix_budget():
    from analysis.framing_fast import LIMIT, pattern_prefixes

    # the first alternative alone has more than LIMIT prefixes; the second still gets its own
    big = "(?:a1|a2|a3|a4|a5)\\s+(?:b1|b2|b3|b4)\\s+(?:c1|c2|c3|c4)\\s+(?:d1|d2|d3|d4)"
    assert 5 * 4 * 4 * 4 > LIMIT
    got = pattern_prefixes(big + r"|\b(?:x|xy)\s+z", "regex")
    assert got is not None and {"x z", "xy z"} <= got


def test_the_shipped_lexicon_searches_no_frame_in_full():
    # a frame searched in full costs a regex pass over every paragraph (most of framing's time)
    assert _fresh(None).prefilter.full == ()


def test_a_frame_without_literal_prefixes_is_searched_in_full():
    lexicon = pd.DataFrame({"frame": ["ing", "word"], "pattern": [r"\w+ing", "limited"], "kind": ["regex", "word"]})
    comp = _fresh(lexicon)
    assert comp.prefilter.full == (0,) and comp.prefilter.scanned == (1,)
    hits = _check_fast_paths("Escalating, not limited; rising.", lexicon, quotes=[])
    assert [(h.frame, h.match) for h in hits] == [("ing", "Escalating"), ("word", "limited"), ("ing", "rising")]


def test_fast_paths_equal_the_plain_path_on_the_sample_event(sample):
    quotes = fr._quote_spans(an.quotes(sample))
    for art in sample:
        body = [(s.sent_id, s.para_id, s.start, s.end) for s in art.sentences if s.kind == "body"]
        spans = quotes.get(art.article_id, [])
        plain = fr.reference_hits(art.article_id, art.text, body, spans)
        assert fr._frames_for_article(art.article_id, art.text, body, spans) == plain
        # The sense layer sits on top of either path alike.
        assert fr.frames_of(art, spans) == fr.with_senses(art.text, body, plain)


def test_sentences_out_of_text_order_take_the_plain_path():
    text = "It is limited. It may escalate."
    sents = [(1, 0, 15, 31), (0, 0, 0, 14)]
    assert fr._frames_for_article("x", text, sents) == fr.reference_hits("x", text, sents)


def test_fast_paths_find_real_hits_in_tricky_texts():
    comp = fr._compile(None)
    first = "It is NOT LIMITED. ESCALATION looms; Escalate? eScAlAtIoN."
    text = first + " They didn\u2019t escalate. They can't escalate. Nobody would escalate."
    hits = fr._frames_for_article("x", text, _sentences(text), (), comp)
    assert [(h[3], h[12]) for h in hits if h[1] == "magnitude_smaller"] == [("LIMITED", True)]
    risk = [(h[3], h[12]) for h in hits if h[1] == "escalation_risk"]
    assert risk == [("ESCALATION", False), ("Escalate", False), ("eScAlAtIoN", False),
                    ("escalate", True), ("escalate", True), ("escalate", True)]


def test_lowered_text_stands_in_for_the_text():
    """The facts framing_fast.lowered relies on, checked for every code point."""
    import re

    from analysis.framing_fast import lowered

    assert lowered("Dotless \u0131") is None and lowered("long \u017f") is None
    assert lowered("\u0130stanbul") is None  # lower-cases to two characters
    assert lowered("Wea\u212a, Caf\u00e9 \u201cNOT\u201d") == "weak, caf\u00e9 \u201cnot\u201d"
    chars = "".join(chr(c) for c in range(0x110000) if c != 0x130)
    low = chars.lower()
    assert len(low) == len(chars)
    for rx in (r"\w", r"\s", r"[’'‐‑-]"):
        assert [m.start() for m in re.finditer(rx, chars)] == [m.start() for m in re.finditer(rx, low)]
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789_":
        same = {chars[m.start()] for m in re.finditer(re.escape(letter), chars, re.IGNORECASE)}
        assert {c for c in same if c.lower() != letter} <= {"\u0131", "\u017f"}, letter


def test_negation_pre_check_is_a_superset():
    """Wherever _is_negated says yes, the quick look in the lower-cased window says yes."""
    words = ["not", "NOT", "No", "never", "nor", "neither", "hardly", "cannot", "none",
             "nothing", "nobody", "barely", "scarcely", "without", "didn't", "DIDN’T", "x",
             "knot", "notable", "-not", "not-", "snot"]
    seps = [" ", "  ", "\u00a0", " (", "-", "’", ", ", " but "]
    import itertools

    for w1, s, w2 in itertools.product(words, seps, words):
        text = f"{w1}{s}{w2} limited"
        a = len(text) - len("limited")
        for lo in range(a):
            if fr._is_negated(text, lo, a):
                assert fr._NEG_IN_LOWER.search(text.lower()[lo:a]), (text, lo)
