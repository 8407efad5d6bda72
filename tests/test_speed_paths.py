"""Fast paths of issue 13 (speed) against the plain implementations they stand in for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import referents as rf

# Pieces that the patterns care about: determiners, owners, commas, every kind of white space.
_PIECES = st.sampled_from(["the ", "a ", "an ", "Iran's ", "party’s ", "new ", "leader", ",", ", ", ",\n",
                           " ", "\u00a0", "\u2003", "\n", "\t", "Jo ", "Smith", ".", "(", "x" * 30, "said "])
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.data())
def test_role_before_equals_the_plain_search(text, data):
    start = data.draw(st.integers(0, len(text)))
    fast, plain = rf._role_before(text, start), rf._role_before_plain(text, start)
    assert (fast and fast.span(1)) == (plain and plain.span(1))


def test_role_before_on_mentions_of_real_text():
    text = ("Clinton's communications director, Jennifer Palmieri, said. The aide to the governor,\n"
            "Jo Smith, left; a spokesman,  Ann Lee")
    for start in range(len(text) + 1):
        fast, plain = rf._role_before(text, start), rf._role_before_plain(text, start)
        assert (fast and fast.span()) == (plain and plain.span()), start


_NAME_PIECES = st.sampled_from(["J", "J.", "A.B.", "Gen.", "Mc", "Donald", "Trump", "O’Neil", "al-", "de", "van",
                                "of", "the", "x", "’", "'", "-", ".", " ", "\t", "  ", "\n", ",", "é", "É", "_", "9"])
_NAMES_TEXT = st.lists(_NAME_PIECES, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_NAMES_TEXT, st.data())
def test_capitalized_runs_equal_the_plain_pattern(text, data):
    assert [m.span() for m in rf._RUN.finditer(text)] == [m.span() for m in rf._RUN_PLAIN.finditer(text)]
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    fast, plain = rf._RUN.match(text, pos, end), rf._RUN_PLAIN.match(text, pos, end)
    assert (fast and fast.span()) == (plain and plain.span())


_SPEECH_PIECES = st.sampled_from(["Jo Smith ", "Sen. Ann Lee", "Smith", " said", " says ", " told", ", ", ". ",
                                  "he ", "the aide ", "(D-N.Y.)", "“Yes,” ", "according to ", "saying ", "\n",
                                  "Mr. Lee", "Iran’s envoy, ", "x" * 30, "The ", "added"])
_SPEECH_TEXT = st.lists(_SPEECH_PIECES, max_size=40).map("".join)


def _speaking_both_ways(text: str, sentences: list[tuple[int, int]]) -> tuple[set[int], set[int]]:
    from analysis.speakers import CueIndex

    fast = rf.Referents.build(text, sentences=sentences, cues=CueIndex(text))
    plain = rf.Referents(text, fast.mentions, [(0, len(text))])
    plain._mark_speakers_plain(CueIndex(text), sentences)
    return fast.speaking, plain.speaking


@settings(max_examples=300, deadline=None)
@given(_SPEECH_TEXT, st.data())
def test_marked_speakers_equal_the_plain_marking(text, data):
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=4))) | {0, len(text)})
    sentences = list(zip(cuts, cuts[1:])) or [(0, len(text))]
    fast, plain = _speaking_both_ways(text, sentences)
    assert fast == plain


def test_marked_speakers_equal_the_plain_marking_on_the_sample_event():
    import analysis as an
    from tests.conftest import SAMPLE_EVENT

    corpus = an.load_event(SAMPLE_EVENT)
    for aid, text in corpus.articles["text"].items():
        sents = corpus.sentences[corpus.sentences["article_id"] == aid]
        fast, plain = _speaking_both_ways(text, list(zip(sents["start"], sents["end"])))
        assert fast == plain, aid


def test_gender_names_read_in_one_piece_equal_gender_guessers_own():
    import gender_guesser.detector as gd

    from analysis import persons

    for case_sensitive in (False, True):
        plain = gd.Detector(case_sensitive=case_sensitive)
        fast = persons._whole_file_detector(gd.Detector)(case_sensitive=case_sensitive)
        # in the same order too: the first gender listed for a name breaks ties
        assert [(k, list(v.items())) for k, v in fast.names.items()] == \
            [(k, list(v.items())) for k, v in plain.names.items()]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Jo", "Lee", "Sen.", "Gov.", "Mr.", "Smith.", "Bush.", "Later", "W.", "U.S.",
                                 "George", "of", "the", "de", "Iran’s", "Jr.", "’s", " ", "  ", "\t", "\n", ".", ",",
                                 "A.B.", "Comey", "said", "x", "-"]), max_size=30).map("".join))
def test_capitalized_runs_read_from_their_parts_equal_the_plain_split(text):
    assert rf._runs(text) == rf._runs_plain(text)


def test_capitalized_runs_read_from_their_parts_on_the_sample_event():
    import analysis as an
    from tests.conftest import SAMPLE_EVENT

    for text in an.load_event(SAMPLE_EVENT).articles["text"]:
        assert rf._runs(text) == rf._runs_plain(text)


def _answers(ref: rf.Referents, text: str) -> list:
    """What quotes and attributions ask of an article's mentions, at every word start."""
    out = []
    for pos in [0] + [i + 1 for i, c in enumerate(text) if c == " "]:
        for ask in (lambda: ref.antecedent(pos, "he"), lambda: ref.antecedent(pos, "she"),
                    lambda: ref.antecedent(pos, ""), lambda: ref.holder("the senator", pos),
                    lambda: ref.holder("the Democrat", pos), lambda: ref.holder("the aide", pos)):
            out.append(ask())
        if out[-6] is not None:
            ref.note_speaker(pos, out[-6].name, out[-6].written, "he")  # later answers depend on it
    return out


def _lazy_and_plain_agree(text: str, sentences: list[tuple[int, int]]) -> None:
    from analysis.speakers import CueIndex

    quoted = [(m.start(), m.end()) for m in __import__("re").finditer(r"“[^”]*”", text)]
    lazy = rf.Referents.build(text, None, quoted, CueIndex(text), sentences)
    plain = rf.Referents.build_plain(text, None, quoted, CueIndex(text), sentences)
    assert _answers(lazy, text) == _answers(plain, text)
    assert list(lazy.mentions) == plain.mentions and lazy.speaking == plain.speaking
    assert (lazy.by_role, lazy.by_name, lazy.by_surname, lazy.genders) == \
        (plain.by_role, plain.by_name, plain.by_surname, plain.genders)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Sen. Ann Lee ", "Jo Smith ", "Smith ", "Lee ", "Mr. Bo ", "Mrs. Bo ", "he ", "she ",
                                 "said", " said ", "told ", "the senator ", "the Democrat ", "an aide ", ", ",
                                 ". ", "\n", "“Yes,” ", "(D-N.Y.) ", ", the party's leader, ", "Iran’s envoy, ",
                                 "George W. Bush. ", "Heidi Ray ", "x" * 30]), max_size=30).map("".join), st.data())
def test_lazy_mentions_answer_as_the_plain_ones(text, data):
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=4))) | {0, len(text)})
    _lazy_and_plain_agree(text, list(zip(cuts, cuts[1:])) or [(0, len(text))])


def test_lazy_mentions_answer_as_the_plain_ones_on_the_sample_event():
    import analysis as an
    from tests.conftest import SAMPLE_EVENT

    corpus = an.load_event(SAMPLE_EVENT)
    for aid, text in corpus.articles["text"].items():
        sents = corpus.sentences[corpus.sentences["article_id"] == aid]
        _lazy_and_plain_agree(text, list(zip(sents["start"], sents["end"])))


# Words and their neighbours that decide a whole word: letters, digits, "_", hyphens,
# apostrophes of both kinds, a letter outside ASCII, and the word inside itself ("aa" in "aaa").
_WORD_PIECES = st.sampled_from(["Boeing", "boeing", "a", "aa", "-", "’", "'", "_", "é", "1", " ", ".", ",", "\n",
                                "Bo", "ing", "x"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=30).map("".join), st.sampled_from(["Boeing", "boeing", "a", "aa", "Bo",
                                                                          "ing", "é", "a.a", "(", "B+"]))
def test_whole_word_starts_equal_the_plain_pattern(text, word):
    assert list(rf.whole_word_starts(text, word)) == list(rf.whole_word_starts_plain(text, word))


def test_whole_word_starts_by_hand():
    text = "aaa aa a-a a’a _a a. Boeing"
    assert list(rf.whole_word_starts(text, "a")) == [18] == list(rf.whole_word_starts_plain(text, "a"))
    assert list(rf.whole_word_starts(text, "aa")) == [4]
    assert list(rf.whole_word_starts(text, "Boeing")) == [len(text) - 6]
    assert list(rf.whole_word_starts(text, "")) == list(rf.whole_word_starts_plain(text, ""))


_TAIL_PIECES = st.sampled_from(["Smith", "smith", "McCain", "of", "the", " ", "\t", "\n", ".", ",", "-", "’", "'",
                                "_", "é", "É", "1", "U.S.", "was", "A"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_TAIL_PIECES, max_size=25).map("".join), st.integers(0, 5), st.integers(0, 5))
def test_name_tail_found_only_where_a_capital_word_ends(text, cut_lo, cut_end):
    from analysis import speakers as sp

    lo, end = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_end)
    if sp._NAME_TAIL.search(text, lo, end):
        assert sp._ends_on_capital_word(text, lo, end)


def test_name_before_by_hand():
    from analysis import speakers as sp

    assert not sp._ends_on_capital_word("Smith was", 0, 9)
    assert sp._ends_on_capital_word("met Elena Kagan\n", 0, 16)
    t = "liberal Justice Elena Kagan wrote"
    assert sp._name_before(t, 0, t.index(" wrote")) == (8, 27)
