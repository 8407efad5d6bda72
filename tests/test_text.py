"""Sentence, word and paragraph tools, and the offline cmudict."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis.text import (
    abbreviations,
    paragraph_spans,
    sentence_spans,
    split_sentences,
    stopwords,
    words,
)


def sents(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("The U.S. policy has not changed. Biden agreed.", ["The U.S. policy has not changed.", "Biden agreed."]),
    ("Gen. CQ Brown met Sen. Smith and Rep. Jones. They left.",
     ["Gen. CQ Brown met Sen. Smith and Rep. Jones.", "They left."]),
    ("Lloyd J. Austin III met C.Q. Brown on Jan. 5. Then he left.",
     ["Lloyd J. Austin III met C.Q. Brown on Jan. 5.", "Then he left."]),
    ("Sen. Michael Bennet, D-Colo., spoke in Calif. on Monday. Mr. Biden spoke.",
     ["Sen. Michael Bennet, D-Colo., spoke in Calif. on Monday.", "Mr. Biden spoke."]),
    ("Acme Inc. and Widget Corp. merged. No. 2 was next.", ["Acme Inc. and Widget Corp. merged.", "No. 2 was next."]),
    ("Joseph R. Biden Jr. said so. The U.N. agreed.", ["Joseph R. Biden Jr. said so.", "The U.N. agreed."]),
    ("He said no. It ended with the No. 2 official.", ["He said no.", "It ended with the No. 2 official."]),
])
def test_abbreviations_do_not_end_sentences(text, expected):
    assert sents(text) == expected


def test_closing_quotation_marks_stay_with_their_sentence():
    text = "He said the US can “adapt and adjust.” Then he left. She said \"no.\" It ended."
    assert sents(text) == ["He said the US can “adapt and adjust.”", "Then he left.",
                           "She said \"no.\"", "It ended."]


def test_question_inside_quote_followed_by_attribution_is_one_sentence():
    assert sents("“What next?” she asked. Nobody knew.") == ["“What next?” she asked.", "Nobody knew."]


def test_sentence_spans_offset_and_no_final_punctuation():
    assert sentence_spans("no final stop here", 10) == [(10, 28)]
    assert sentence_spans("") == []


def test_paragraphs_split_on_any_newlines():
    text = "One.\n\nTwo.\nThree.\n\n\n"
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["One.", "Two.", "Three."]
    assert split_sentences("He ran. She hid.\nThey met.") == ["He ran.", "She hid.", "They met."]


def test_words():
    assert words("Ukraine’s U.S.-supplied counter-fire weapons, 20 km.") == [
        "Ukraine’s", "U.S.-supplied", "counter-fire", "weapons", "20", "km"]
    assert words("Kyiv KIEV", lower=True) == ["kyiv", "kiev"]


def test_resources_loaded():
    assert {"u.s", "gen", "mr", "jr", "calif", "d-colo", "sept"} <= abbreviations()
    assert {"the", "and", "of"} <= stopwords() and "ukraine" not in stopwords()


def test_textstat_works_offline_in_a_clean_environment(tmp_path):
    """textstat gets cmudict through NLTK's data path; nltk.download is never called."""
    script = textwrap.dedent("""
        import nltk
        def refuse(*a, **k):
            raise SystemExit("nltk.download was called")
        nltk.download = refuse
        from analysis.text import ensure_cmudict
        root = ensure_cmudict()
        nltk.data.path[:] = [str(root)]   # nothing else NLTK could find
        import textstat
        print(textstat.syllable_count("Ukraine counterfire escalation"))
    """)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NLTK")}
    env.update(HOME=str(tmp_path), COVERAGE_LENS_CACHE=str(tmp_path / "cache"), NLTK_DATA=str(tmp_path / "none"))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    # yu-kreyn (2) + kaun-ter-fayr (3) + es-ka-la-tion (4), from cmudict
    assert proc.stdout.strip() == "9"
    assert (tmp_path / "cache").is_dir()


# Pieces that exercise every branch of Punkt's decision: abbreviations, initials, numbers,
# ellipses, quotes, brackets, lower/upper case and punctuation after a period.
_PUNKT_PIECES = st.sampled_from([
    "U.S.", "Gen.", "Mr.", "J.", "C.Q.", "5.", "1990.", "3.5.", "...", "etc.", "no.", "No.",
    "said.", "end!", "why?", "“Quote.”", "\"Quote.\"", "(aside.)", "[x.]", "word", "Word", "a",
    "The", "the", "—", "-", ",", ";", ":", "'", "’", "“", "”", "(", ")", "D-Colo.", "e.g.",
    "U.S.-supplied", "!", "?", ".", "42", "$3", "..", "A.", "x.", "É.", "ébrieux.",
])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(_PUNKT_PIECES, st.sampled_from([" ", " ", "  ", "\n", "", "\t", " \n", ". \x1c",
                                                          "\u00a0", "\u3000", " \x1c "])), max_size=30))
def test_fast_punkt_equals_nltk_punkt(pieces):
    from analysis.text import _reference_tokenizer, _tokenizer

    text = "".join(p + sep for p, sep in pieces)
    assert list(_tokenizer().span_tokenize(text)) == list(_reference_tokenizer().span_tokenize(text))


def test_fast_punkt_equals_nltk_punkt_on_the_sample_event(sample_corpus):
    from analysis.text import _reference_tokenizer, _tokenizer

    for text in sample_corpus.articles.text:
        assert list(_tokenizer().span_tokenize(text)) == list(_reference_tokenizer().span_tokenize(text))


@settings(max_examples=600, deadline=None)
@example("xB.C.Q.", 0, 7, "B")  # no space before the initials: no repair (the tail alone would say yes)
@example("xNo.", 0, 4, "5")
@example("xNos.", 0, 5, "5")
@example("a B.C.Q.", 0, 8, "B")
@example("a Nos.", 0, 6, "5")
@given(st.lists(st.sampled_from(["x", "B.", "C.", "Q.", " ", "(", "No.", "Nos."]), max_size=10).map("".join),
       st.integers(0, 40), st.integers(0, 40), st.sampled_from(["a", "B", "5", "“B", "(a", " ", ""]))
def test_continues_reads_only_the_sentence_tail(sentence, a, b, head):
    """_continues searches only the last characters of the previous sentence; the patterns are
    anchored at its end, so the answer is that of the whole sentence."""
    from analysis.text import _INITIALS_END, _LEAD, _NUMBER_SIGN_END, _continues

    text = sentence + " " + head
    start = len(sentence) + 1
    prev = [min(a, b, len(sentence)), min(max(a, b), len(sentence))]
    first = text[start:start + 40].lstrip(_LEAD)[:1]
    whole = text[prev[0]:prev[1]]
    expected = first.islower() or (first.isdigit() and bool(_NUMBER_SIGN_END.search(whole))) \
        or (bool(_INITIALS_END.search(whole)) and first.isupper())
    assert _continues(text, prev, start) == expected


def test_realignment_precheck_covers_every_opening_character():
    """spans() only tries NLTK's realignment pattern after a closing mark in _CLOSERS."""
    from analysis.text import _tokenizer

    tok = _tokenizer()
    opening = {chr(c) for c in range(0x10000) if tok._realign_re.match(chr(c) + " x")}
    assert opening and opening <= tok._CLOSERS


@pytest.mark.parametrize("text", ["snake_case word", "a_b", "No underscore, U.S.-made 2nd.", "", "__", "x.y_z",
                                  "Kyiv’s — “why?”", "Łódź’s mayor", "Зеленський said", "½ of 2²", "a?b", "e\u0301t\u00e9", "x\u0663y", "\u2163 rounds"])
def test_count_words_fast_path_examples(text):
    from analysis.text import _WORD, count_words

    assert count_words(text) == len(_WORD.findall(text))


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="aZ9_ .'’-?éßłЖ½²ª—“\u00a0\u0301\u2019,\u0663\u2163", max_size=25))
def test_count_words_equals_the_word_pattern(text):
    """count_words reads byte classes of Latin-1; the count is always that of _WORD."""
    from analysis.text import _WORD, count_words

    assert count_words(text) == len(_WORD.findall(text))


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="aZ9_ .?'’-éßÿ½\u00a0\u0100Жł\u2009\u3000—“\u0663\u2163\U0001f600", max_size=25),
       st.sampled_from([str.isalnum, str.isspace, lambda c: c.isalnum() or c.isspace(), lambda c: False]))
def test_latin1_bytes_equals_the_plain_encoding(text, misread):
    """The one helper behind the Latin-1 byte paths: one byte per character, "?" for a
    character outside Latin-1, None when the caller would misread one of those."""
    from analysis.text import _latin1_bytes_plain, latin1_bytes

    got = latin1_bytes(text, misread)
    assert got == _latin1_bytes_plain(text, misread)
    if got is not None:
        assert len(got) == len(text)
