"""Readability of the body text: the counts behind the formulas, and textstat's English formulas.

textstat counts sentences with a regular expression that breaks at every period, so
"U.S." and "Gen." end sentences, and it then drops any "sentence" of two words or fewer.
Here sentences come from the project's segmenter (``corpus.sentences``, body paragraphs
only), while everything else textstat decides is kept: its words (punctuation removed,
contractions kept), its syllables (CMU dictionary, else Pyphen), its Dale-Chall list of
easy words.  The formulas are textstat's own definitions and constants, computed from
those counts, so they equal textstat's values on any text whose sentences it counts right.

Every word is looked up once per call (syllables and the easy-word test are cached per
distinct word), and all nine formulas reuse one pass over the sentences.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import ClassVar, Iterable

import pandas as pd

from .corpus import Corpus, memoized
from .text import ensure_cmudict, latin1_bytes

__all__ = ["readability", "readability_for_article", "sentence_readability", "textstat_stock",
           "body_text", "body_texts", "FORMULAS", "GRADE_FORMULAS", "MEASURE_COLUMNS", "FORMULA_NAMES",
           "formula_agreement", "textstat_differences", "textstat_cuts", "longest_sentences",
           "readability_pair", "compare_readability"]

#: textstat's names of the nine English formulas, in the order the tables show them.
FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
    "text_standard",
)
#: Formulas whose value is a US school grade (Flesch Reading Ease is a 0-100 ease score and
#: Dale-Chall a score on its own scale, so they are left out of grade comparisons).
GRADE_FORMULAS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "linsear_write_formula",
)

#: Below this many words every formula is unreliable (they were fitted on 100-word samples).
MIN_WORDS = 100
#: SMOG was defined on a sample of 30 sentences.
SMOG_MIN_SENTENCES = 30
#: A sentence longer than this many words counts as long (``share_over_25``).
LONG_SENTENCE = 25
LINSEAR_SAMPLE = 100
#: Words longer than this (no English word comes near) are hyphenated for textstat by
#: :meth:`_Hyphenator.prime` before textstat asks Pyphen (see :func:`textstat_stock`).
LONG_WORD = 100
_LONG_RUN = re.compile(r"\S{%d}" % (LONG_WORD + 1))

# textstat's punctuation removal (textstat.backend.transformations.remove_punctuation with
# rm_apostrophe=False): an apostrophe survives only before a contraction ending.
try:  # the constant lives in textstat's backend; fall back to its 0.7.13 value
    from textstat.backend.utils.constants import (
        RE_NONCONTRACTION_APOSTROPHE as _NONCONTRACTION_PATTERN,
    )
except ImportError:  # pragma: no cover
    _NONCONTRACTION_PATTERN = r"\'(?![tsd]|ve|ll|re)"
_NONCONTRACTION = re.compile(_NONCONTRACTION_PATTERN)
_PUNCT = re.compile(r"[^\w\s\']")
# The same removal on Latin-1 bytes (see _remove_punctuation): the apostrophe rule as a
# bytes pattern, then every byte that is not a word character, white space or "'" deleted.
_NONCONTRACTION_BYTES = re.compile(_NONCONTRACTION_PATTERN.encode())
_PUNCT_BYTES = bytes(c for c in range(256) if not (chr(c).isalnum() or chr(c).isspace() or chr(c) in "_'"))
# textstat's letter count keeps word characters only (letters, digits, underscore).
_NON_WORD_CHAR = re.compile(r"[^\w]")

ARTICLE_COLUMNS = [
    "article_id", "outlet", "n_words", "n_sentences", "n_syllables", "n_polysyllables",
    "n_complex_words", "n_difficult_words", "n_characters", "n_letters", "n_tokens",
    "mean_sentence_length", "median_sentence_length", "max_sentence_length", "share_over_25",
    "syllables_per_word", "letters_per_word", *FORMULAS, "unreliable", "caveats",
]
SENTENCE_COLUMNS = [
    "article_id", "outlet", "sent_id", "para_id", "start", "end", "n_words", "n_syllables",
    "n_polysyllables", "n_complex_words", "n_difficult_words", "n_characters", "n_letters",
    "n_tokens", "syllables_per_word", "over_25", "text",
]
STOCK_COLUMNS = ["article_id", "outlet", "n_sentences", "n_words", "n_syllables", *FORMULAS]


# --------------------------------------------------------------------------- word lookups

_LAST = itemgetter(-1)


class _Lexicon:
    """Syllables and Dale-Chall difficulty per distinct lower-cased word, asked of textstat once.

    One per call of a public function: a memo, not state that outlives the call.
    """

    def __init__(self) -> None:
        ensure_cmudict()  # before textstat's first syllable count: NLTK's downloader would run
        from textstat.backend.utils import get_cmudict, get_lang_easy_words, get_pyphen
        from textstat.textstat import textstatistics

        self._ts = textstatistics()  # a private instance: immune to a caller's set_lang()
        self._ts.set_lang("en_US")
        # The very objects textstat's own counters use, for the direct path in lookup().
        self._cmu = get_cmudict("en_US")
        self._pyphen = get_pyphen("en_US")
        self._easy = get_lang_easy_words("en_US")
        # Per distinct word, its counts (a shared _WordCounts, see there); a word not seen
        # before is measured on the way (see _Memo).
        self.memo: dict[str, _WordCounts] = _Memo(self._measure)
        self._kinds: dict[tuple[int, bool], _WordCounts] = {}

    def __len__(self) -> int:
        """How many distinct words were measured so far."""
        return len(self.memo)

    def _via_textstat(self, word: str) -> tuple[int, bool]:
        syl = self._ts.syllable_count(word)
        hard = self._ts.difficult_words(word, syllable_threshold=0, unique=False) > 0
        return syl, hard

    def _direct(self, word: str) -> tuple[int, bool] | None:
        """textstat's own rule for one word it already normalized, without its overhead.

        ``syllable_count``: vowels with a stress digit in the word's first CMU pronunciation,
        else Pyphen's hyphenation points + 1; ``difficult_words`` with threshold 0: not on
        the easy list.  Valid when textstat's word splitting leaves the word as it is (the
        case for every word that :func:`_textstat_words` gives); otherwise returns None and
        textstat is asked (``tests/test_readability.py`` checks both agree).
        """
        # A lower-case word of letters and digits only is left as it is (the common case,
        # checked without textstat's two substitutions).
        if not (word.isalnum() and word.lower() == word) and (not word or _textstat_words(word) != [word]):
            return None
        try:
            # textstat: sum(1 for p in phones if p[-1].isdigit()), the same count in C
            syl = sum(map(str.isdigit, map(_LAST, self._cmu[word][0])))
        except (TypeError, IndexError, KeyError):
            syl = _Hyphenator.of(self._pyphen).count(word) + 1
        return syl, word.lower() not in self._easy

    def counts(self, word: str) -> tuple[int, int, int, int]:
        """``(syllables, difficult, polysyllable, complex)`` as numbers to add up, memoized.

        Polysyllable: 3 or more syllables; complex: a polysyllable not on the easy list.
        """
        return self.memo[word].as_tuple()

    def _measure(self, word: str) -> _WordCounts:
        """The counts of a word not seen before (the one shared object for those counts)."""
        syl, hard = self._direct(word) or self._via_textstat(word)
        kind = self._kinds.get((syl, hard))
        if kind is None:
            poly = syl >= 3
            kind = self._kinds[syl, hard] = _WordCounts(syl, int(hard), int(poly), int(poly and hard))
        return kind


@dataclass(frozen=True, eq=False)
class _WordCounts:
    """What readability counts of one word: its syllables, and whether it is difficult (not
    on the Dale-Chall easy list), a polysyllable (3 or more syllables) and complex (both).

    Words with the same counts share one object (a news corpus has a few dozen kinds), compared
    and hashed by identity, so an article's totals are: how often each kind occurs (one
    ``Counter`` pass, in C) times its counts.  Plain Python integers: no total can overflow.
    """

    syllables: int
    difficult: int
    polysyllable: int
    complex: int

    def as_tuple(self) -> tuple[int, int, int, int]:
        return self.syllables, self.difficult, self.polysyllable, self.complex


def _totals(kinds: Iterable[_WordCounts]) -> tuple[int, int, int, int]:
    """``(syllables, difficult, polysyllables, complex)`` summed over words' counts.

    >>> w = _WordCounts(3, 1, 1, 1)
    >>> _totals([w, w, _WordCounts(1, 0, 0, 0)])
    (7, 2, 2, 2)
    """
    syl = diff = poly = cplx = 0
    for kind, n in Counter(kinds).items():
        syl += n * kind.syllables
        diff += n * kind.difficult
        poly += n * kind.polysyllable
        cplx += n * kind.complex
    return syl, diff, poly, cplx


class _Memo(dict):
    """A dict that fills itself: a missing key is computed (once) and stored.

    ``map(memo.__getitem__, words)`` then runs in C for every word seen before and calls
    back into Python only for new ones, without a separate pass to find them.
    """

    def __init__(self, compute) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: str):
        value = self[key] = self._compute(key)
        return value


class _Hyphenator:
    """``len(pyphen.positions(word))`` with Pyphen's own patterns, faster.

    Pyphen's Liang algorithm looks up every substring of ``.word.`` up to the longest
    pattern's length and merges the values of each pattern found (element-wise maximum).
    The patterns found at one position are the prefixes of the longest one found there, so
    here the patterns sit in a trie walked one character at a time from each position, and
    each pattern's node holds its values already merged with those of the shorter patterns
    on its path: one merge per position.  Same hyphenation points; only their number is
    returned, so no Pyphen point objects are made.  Half of a news corpus's distinct words
    are missing from the CMU dictionary and go through here once each
    (``tests/test_readability.py`` compares it with Pyphen).
    """

    _made: ClassVar[dict[int, _Hyphenator]] = {}

    def __init__(self, pyphen) -> None:
        self.patterns = pyphen.hd.patterns
        self.left, self.right = pyphen.left, pyphen.right
        # A trie of the patterns, one dict per node keyed by the next character; a node that
        # ends a pattern holds, under the key "", the values merged from that pattern and
        # every shorter pattern on its path (all of them match wherever it does).
        self.trie: dict = {}
        # No path through the trie is longer than the longest pattern.
        self.depth = max((len(key) for key in self.patterns), default=0)
        self._plain: bool | None = None  # every pattern value a plain int (see prime)
        for key in self.patterns:
            node = self.trie
            for ch in key:
                node = node.setdefault(ch, {})
        for key in self.patterns:
            values: list[int] = []
            for n in range(1, len(key) + 1):
                found = self.patterns.get(key[:n])
                if found:
                    offset, vals = found
                    values.extend([0] * (offset + len(vals) - len(values)))
                    values[offset:offset + len(vals)] = map(max, vals, values[offset:offset + len(vals)])
            node = self.trie
            for ch in key:
                node = node[ch]
            start = next((i for i, v in enumerate(values) if v), 0)
            # a tuple of numbers: the collector stops tracking it (thousands, kept all run long)
            node[""] = (start, tuple(values[start:]))

    @classmethod
    def of(cls, pyphen) -> _Hyphenator:
        made = cls._made.get(id(pyphen))
        if made is None or made.patterns is not pyphen.hd.patterns:
            made = cls._made[id(pyphen)] = cls(pyphen)
        return made

    def references(self, word: str) -> list[int]:
        """Pyphen's ``references`` of a lower-case word: the merged pattern values at each
        position of ``.word.`` (its points are the odd ones)."""
        pointed = f".{word}."
        n = len(pointed)
        refs = [0] * (n + 1)
        root, depth = self.trie, self.depth
        for i in range(n - 1):
            node, found = root, None
            # (a slice of the trie's depth: the rest of a long word would be copied each time)
            for ch in pointed[i:i + depth]:
                node = node.get(ch)
                if node is None:
                    break
                found = node.get("", found)  # the longest pattern so far, merged
            if found:
                offset, values = found
                at = i + offset
                refs[at:at + len(values)] = map(max, values, refs[at:at + len(values)])
        return refs

    def prime(self, hd, word: str) -> None:
        """Put in Pyphen's own cache (``hd.cache``, where ``HyphDict.positions`` looks first)
        the points it would compute for the lower-case ``word``, found faster: Pyphen tries
        every pattern length at every position, which takes seconds for a "word" of a
        million letters.  Only for plain integer pattern values (no nonstandard
        hyphenation data, as in the English dictionary), where the points are the same."""
        from pyphen import DataInt

        if word in hd.cache:
            return
        if self._plain is None:
            self._plain = all(type(v) is int for _o, vals in self.patterns.values() for v in vals)
        if self._plain:
            hd.cache[word] = [DataInt(i - 1, reference=r) for i, r in enumerate(self.references(word)) if r % 2]

    def count(self, word: str) -> int:
        """How many hyphenation points Pyphen's ``positions(word)`` gives."""
        refs = self.references(word.lower())
        # Pyphen's point k is refs[k + 1]; it keeps those with left <= k <= len(word) - right.
        last = len(word) - self.right
        return sum(1 for k in range(self.left, last + 1) if refs[k + 1] % 2)


def _kept_by_textstat(c: str) -> bool:
    """Whether textstat's punctuation removal keeps ``c`` (a word character or white space)."""
    return c.isalnum() or c.isspace()


def _remove_punctuation(text: str) -> str:
    """``_PUNCT.sub("", _NONCONTRACTION.sub("", text))``, on Latin-1 bytes when it can be.

    On :func:`analysis.text.latin1_bytes`, a character outside Latin-1 reads as "?", which is
    deleted as punctuation: right for quotes and dashes, wrong for a letter or a space
    outside Latin-1 (then the regular expressions run).  Same result, in C byte operations
    instead of two Unicode regex passes.
    """
    data = latin1_bytes(text, _kept_by_textstat)
    if data is None:
        return _PUNCT.sub("", _NONCONTRACTION.sub("", text))
    return _NONCONTRACTION_BYTES.sub(b"", data).translate(None, _PUNCT_BYTES).decode("latin-1")


def _textstat_words(text: str) -> list[str]:
    """textstat's word list, lower-cased: punctuation removed (contractions kept), split on space."""
    return _PUNCT.sub("", _NONCONTRACTION.sub("", text)).lower().split()


# --------------------------------------------------------------------------- the single pass

@dataclass
class _Article:
    """Running totals for one article's body sentences."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    poly: int = 0
    complex: int = 0
    difficult: int = 0
    chars: int = 0
    letters: int = 0
    tokens: int = 0
    lengths: list[int] = field(default_factory=list)
    # Linsear Write: syllables of the first 100 words, and how many of them each sentence holds.
    sample_syllables: list[int] = field(default_factory=list)
    sample_per_sentence: list[tuple[int, int]] = field(default_factory=list)


def _check(corpus: Corpus) -> None:
    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected an analysis.Corpus (from load_event, from_texts or from_records), "
                        f"got {type(corpus).__name__}")


_NON_WORD_OR_NEWLINE = re.compile(r"[^\w\n]")


def _batch_words(texts: list[str]) -> tuple[list[list[str]], list[int]] | None:
    """textstat's words and letter counts of many sentences with one regex pass each.

    Sentences are joined with newlines, which neither substitution touches and which a
    sentence never contains, so the result equals per-sentence processing.  Returns None
    when a sentence does contain a newline (then the caller goes sentence by sentence).
    """
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return None
    words = _PUNCT.sub("", _NONCONTRACTION.sub("", joined)).lower().split("\n")
    letters = _NON_WORD_OR_NEWLINE.sub("", joined).split("\n")
    return [w.split() for w in words], [len(x) for x in letters]


def _add_article(art: _Article, texts: list[str], lex: _Lexicon) -> None:
    """All of an article's body sentences at once, on a fresh ``_Article``: the totals
    :func:`_add_sentences` gives, without the per-sentence rows.

    The counts that are sums over sentences (words, syllables, characters, letters, tokens)
    are taken over the sentences joined by newlines, which no substitution touches and no
    sentence contains; only the word count per sentence (sentence lengths, the Linsear Write
    sample) needs the sentences apart.  Falls back to :func:`_add_sentences` when a sentence
    contains a newline.
    """
    joined = "\n".join(texts)
    if not texts or joined.count("\n") != len(texts) - 1:
        _add_sentences(art, texts, lex)
        return
    kept = _remove_punctuation(joined)
    # The words of each sentence, split once (in C): they give the sentence lengths and,
    # chained, the article's words.
    pieces = list(map(str.split, kept.lower().split("\n")))
    words = list(chain.from_iterable(pieces))
    memo = lex.memo
    syl, diff, poly, cplx = _totals(map(memo.__getitem__, words))
    tokens = joined.split()
    n_chars = sum(map(len, tokens))
    art.words += len(words)
    art.syllables += syl
    art.poly += poly
    art.complex += cplx
    art.difficult += diff
    art.chars += n_chars
    # Letters (word characters): ``kept`` holds only word characters, whitespace (as many as
    # ``joined``, which has n_chars others) and apostrophes, so no third regex pass is needed.
    art.letters += len(kept) - (len(joined) - n_chars) - kept.count("'")
    art.tokens += len(tokens)
    # Words per sentence; a "sentence" of punctuation only has none and is no sentence.
    lengths = [n for n in map(len, pieces) if n]
    art.sentences += len(lengths)
    art.lengths.extend(lengths)
    taken = 0
    for n_words in lengths:  # the sentences (or part of one) in the first 100 words
        if taken >= LINSEAR_SAMPLE:
            break
        in_sample = min(n_words, LINSEAR_SAMPLE - taken)
        art.sample_per_sentence.append((in_sample, n_words))
        taken += in_sample
    # Linsear Write's sample: the syllables of the first 100 words.
    art.sample_syllables = [memo[w].syllables for w in words[:taken]]


def _add_sentences(art: _Article, texts: list[str], lex: _Lexicon) -> list[tuple]:
    """:func:`_add_sentence` for a run of sentences, sharing the regex work."""
    batch = _batch_words(texts) if texts else None
    if batch is None:
        return [_add_sentence(art, t, lex) for t in texts]
    return [_add_sentence(art, t, lex, w, n) for t, w, n in zip(texts, *batch)]


def _add_sentence(art: _Article, text: str, lex: _Lexicon, words: list[str] | None = None,
                  n_letters: int | None = None) -> tuple[int, int, int, int, int, int, int, int]:
    """Add one body sentence to an article's totals; returns the sentence's own counts
    ``(words, syllables, polysyllables, complex, difficult, characters, letters, tokens)``.
    ``words`` and ``n_letters`` may come precomputed from :func:`_batch_words`."""
    if words is None:
        words = _textstat_words(text)
    tokens = text.split()
    n_words = len(words)
    per_word = [lex.counts(w) for w in words]
    if per_word:
        syl, diff, poly, cplx = map(sum, zip(*per_word))
    else:
        syl = diff = poly = cplx = 0
    in_sample = max(0, min(n_words, LINSEAR_SAMPLE - len(art.sample_syllables)))
    if in_sample:
        art.sample_syllables.extend([c[0] for c in per_word[:in_sample]])
        art.sample_per_sentence.append((in_sample, n_words))
    n_chars = sum(map(len, tokens))
    if n_letters is None:
        n_letters = len(_NON_WORD_CHAR.sub("", text))
    art.words += n_words
    art.syllables += syl
    art.poly += poly
    art.complex += cplx
    art.difficult += diff
    art.chars += n_chars
    art.letters += n_letters
    art.tokens += len(tokens)
    if n_words:  # a "sentence" of punctuation only (a dash, a row of stars) is no sentence
        art.sentences += 1
        art.lengths.append(n_words)
    return n_words, syl, poly, cplx, diff, n_chars, n_letters, len(tokens)


def _body_texts(article) -> tuple[list, list[str]]:
    """An article's body sentences and their texts, in order."""
    body = [x for x in article.sentences if x.kind == "body"]
    return body, [article.text[x.start:x.end] for x in body]


def _sentence_rows(corpus: Corpus) -> dict[str, list]:
    """The per-sentence rows of :func:`sentence_readability`, column by column."""
    _check(corpus)
    lex = _Lexicon()
    rows: dict[str, list] = {c: [] for c in SENTENCE_COLUMNS}
    for art in corpus:
        body, texts = _body_texts(art)
        counts = _add_sentences(_Article(), texts, lex)
        for x, text, (n_words, syl, poly, cplx, diff, n_chars, n_letters, n_tokens) in zip(body, texts, counts):
            for col, val in (("article_id", art.article_id), ("outlet", art.outlet), ("sent_id", x.sent_id),
                             ("para_id", x.para_id), ("start", x.start), ("end", x.end), ("n_words", n_words),
                             ("n_syllables", syl), ("n_polysyllables", poly), ("n_complex_words", cplx),
                             ("n_difficult_words", diff), ("n_characters", n_chars),
                             ("n_letters", n_letters), ("n_tokens", n_tokens),
                             ("syllables_per_word", syl / n_words if n_words else math.nan),
                             ("over_25", n_words > LONG_SENTENCE), ("text", text)):
                rows[col].append(val)
    return rows


# --------------------------------------------------------------------------- the formulas

def _linsear_sentences(sample_per_sentence: list[tuple[int, int]]) -> int:
    """Sentences in the Linsear Write sample (the first 100 words).

    A sentence the sample cuts off counts only if at least 3 of its words are in the sample,
    as textstat's counter ignores a fragment of two words or fewer.
    """
    n = 0
    for taken, total in sample_per_sentence:
        if taken == total or taken > 2:
            n += 1
    return n


def _formulas(a: _Article) -> dict[str, float]:
    """textstat 0.7.13's English formulas from the counts (NaN where there is no text)."""
    W, S = a.words, a.sentences
    if W == 0 or S == 0:
        return {f: math.nan for f in FORMULAS}
    wps = W / S
    spw = a.syllables / W
    out = {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        # Gunning Fog's "complex" words: three or more syllables and not on the easy list.
        "gunning_fog": 0.4 * (wps + 100 * a.complex / W),
        "smog_index": 1.043 * (30 * (a.poly / S)) ** 0.5 + 3.1291,
        "coleman_liau_index": 0.058 * (a.letters / W * 100) - 0.296 * (S / W * 100) - 15.8,
        # ARI divides characters by all space-separated tokens, punctuation-only ones included.
        "automated_readability_index": 4.71 * (a.chars / a.tokens) + 0.5 * wps - 21.43,
    }
    pdw = 100 * a.difficult / W
    out["dale_chall_readability_score"] = 0.1579 * pdw + 0.0496 * wps + (3.6365 if pdw > 5 else 0.0)
    easy = sum(1 for s in a.sample_syllables if 0 < s < 3)
    hard = sum(1 for s in a.sample_syllables if s >= 3)
    lw_sentences = _linsear_sentences(a.sample_per_sentence)
    number = (easy + 3 * hard) / lw_sentences if lw_sentences else 0.0
    if number <= 20:
        number -= 2
    out["linsear_write_formula"] = number / 2
    out["text_standard"] = _consensus(out)
    return out


def _consensus(s: dict[str, float]) -> float:
    """textstat's ``text_standard(float_output=True)``: the grade most formulas vote for.

    Each grade formula votes floor, ceil and round of its score; Flesch Reading Ease votes
    one grade from its band; ties go to the grade voted first; the result is clamped to 1-18.
    """
    votes: list[int] = []

    def vote(score: float) -> None:
        votes.extend([math.floor(score), math.ceil(score), round(score)])

    vote(s["flesch_kincaid_grade"])
    fre = s["flesch_reading_ease"]
    bands = [(90, 100, [5]), (80, 90, [6]), (70, 80, [7]), (60, 70, [8, 9]), (50, 60, [10]),
             (40, 50, [11]), (30, 40, [12])]
    votes.extend(next((g for lo, hi, g in bands if lo <= fre < hi), [13]))
    for key in ("smog_index", "coleman_liau_index", "automated_readability_index",
                "dale_chall_readability_score", "linsear_write_formula", "gunning_fog"):
        vote(s[key])
    grade = float(Counter(votes).most_common(1)[0][0])
    return float(max(1, min(grade, 18)))


def _flags(a: _Article) -> tuple[str, str]:
    """Formulas whose value should not be trusted on this text, and why."""
    bad: list[str] = []
    why: list[str] = []
    if a.words == 0:
        return ", ".join(FORMULAS), "no body text"
    if a.words < MIN_WORDS:
        bad.extend(FORMULAS)
        why.append(f"{a.words} words, under {MIN_WORDS}: every formula is unreliable")
    if a.sentences < SMOG_MIN_SENTENCES:
        if "smog_index" not in bad:
            bad.append("smog_index")
        why.append(f"{a.sentences} sentences, under {SMOG_MIN_SENTENCES}: SMOG is unreliable")
    return ", ".join(bad), "; ".join(why)


# --------------------------------------------------------------------------- public API

@memoized
def readability(corpus: Corpus) -> pd.DataFrame:
    """Readability of each article's body text: the counts and textstat's nine English formulas.

    One row per article, in corpus order.  Body paragraphs only (no title, subheads, credit
    or related-link cards).  Sentences are the project's (``corpus.sentences``), not
    textstat's; words, syllables, easy words and the formulas are textstat's.

    Columns
    -------
    article_id, outlet
    n_words : textstat's words (punctuation removed; "U.S.-supplied" is one word).
    n_sentences : body sentences holding at least one word.
    n_syllables, n_polysyllables : syllables (CMU dictionary, else Pyphen); words of 3+ syllables.
    n_complex_words : 3+ syllables and not on the Dale-Chall easy list (Gunning Fog's count).
    n_difficult_words : not on the Dale-Chall easy list (Dale-Chall's count; every occurrence).
    n_characters : characters other than spaces; n_letters : letters and digits only.
    n_tokens : space-separated tokens, punctuation-only ones included (ARI's word count).
    mean_sentence_length, median_sentence_length, max_sentence_length : in words.
    share_over_25 : share of sentences with more than 25 words.
    syllables_per_word, letters_per_word
    flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index,
    automated_readability_index, dale_chall_readability_score, linsear_write_formula :
        textstat's formulas on these counts (NaN when there is no text).
    text_standard : textstat's consensus grade (its ``float_output``), from the scores above.
    unreliable : the formulas not to trust here, comma-separated ("" if none): every formula under
        100 words; SMOG under 30 sentences.  caveats : why, in words.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The U.S. agreed. Gen. Brown said the decision was difficult."})
    >>> r = an.readability(c)
    >>> r[["n_words", "n_sentences", "n_syllables", "n_polysyllables"]].values.tolist()
    [[10, 2, 15, 2]]
    >>> round(float(r.at[0, "flesch_kincaid_grade"]), 2), r.at[0, "caveats"]
    (4.06, '10 words, under 100: every formula is unreliable; 2 sentences, under 30: SMOG is unreliable')
    """
    _check(corpus)
    lex = _Lexicon()
    out = [{"article_id": art.article_id, "outlet": art.outlet, **readability_of(art, lex)} for art in corpus]
    frame = pd.DataFrame(out, columns=ARTICLE_COLUMNS)
    return frame.astype({**{c: "int64" for c in _INT_COLUMNS}, **{c: "float64" for c in _FLOAT_COLUMNS},
                         "article_id": "str", "outlet": "str", "unreliable": "str", "caveats": "str"})


#: The per-article measures (the columns of :func:`readability` after article_id and outlet).
MEASURE_COLUMNS = ARTICLE_COLUMNS[2:]
_INT_COLUMNS = ["n_words", "n_sentences", "n_syllables", "n_polysyllables", "n_complex_words",
                "n_difficult_words", "n_characters", "n_letters", "n_tokens", "max_sentence_length"]
_FLOAT_COLUMNS = [c for c in MEASURE_COLUMNS if c not in _INT_COLUMNS and c not in ("unreliable", "caveats")]


def _article_row(a: _Article) -> dict:
    """The measures of one article (``MEASURE_COLUMNS``) from its running totals."""
    W, S = a.words, a.sentences
    flags, reasons = _flags(a)
    return {
        "n_words": W, "n_sentences": S, "n_syllables": a.syllables, "n_polysyllables": a.poly,
        "n_complex_words": a.complex, "n_difficult_words": a.difficult,
        "n_characters": a.chars, "n_letters": a.letters, "n_tokens": a.tokens,
        "mean_sentence_length": W / S if S else math.nan,
        "median_sentence_length": float(statistics.median(a.lengths)) if a.lengths else math.nan,
        "max_sentence_length": max(a.lengths) if a.lengths else 0,
        "share_over_25": (sum(1 for n in a.lengths if n > LONG_SENTENCE) / S) if S else math.nan,
        "syllables_per_word": a.syllables / W if W else math.nan,
        "letters_per_word": a.letters / W if W else math.nan,
        **_formulas(a),
        "unreliable": flags, "caveats": reasons,
    }


def readability_for_article(sentences: Iterable[str], lexicon: _Lexicon | None = None) -> dict:
    """The readability measures of one article from its body sentences, in order.

    The per-article work of :func:`readability` (same counts, same formulas), for code that
    processes a large corpus one article at a time.  Returns a dict keyed by
    ``MEASURE_COLUMNS`` (the columns of :func:`readability` after ``article_id`` and
    ``outlet``).  ``lexicon`` is a word-lookup memo (``_Lexicon()``) to share across
    articles; by default each call makes its own.

    >>> r = readability_for_article(["The U.S. agreed.", "Gen. Brown said the decision was difficult."])
    >>> r["n_words"], r["n_sentences"], r["n_syllables"], round(r["flesch_kincaid_grade"], 2)
    (10, 2, 15, 4.06)
    """
    lex = lexicon if lexicon is not None else _Lexicon()
    art = _Article()
    _add_article(art, list(sentences), lex)
    return _article_row(art)


def readability_of(article, lexicon: _Lexicon | None = None) -> dict:
    """The readability measures of one :class:`analysis.corpus.Article`'s body sentences.

    The per-article step of :func:`readability` and of the feature table; ``lexicon`` is a
    word-lookup memo (``_Lexicon()``) to share across articles.

    >>> from analysis.corpus import split_article
    >>> r = readability_of(split_article("The U.S. agreed. Gen. Brown said the decision was difficult."))
    >>> r["n_words"], r["n_sentences"]
    (10, 2)
    """
    return readability_for_article(_body_texts(article)[1], lexicon)


@memoized
def sentence_readability(corpus: Corpus) -> pd.DataFrame:
    """One row per body sentence: its length and word counts, for distributions.

    Columns: article_id, outlet, sent_id, para_id, start, end (offsets into the clean text),
    n_words, n_syllables, n_polysyllables, n_complex_words, n_difficult_words, n_characters,
    n_letters, n_tokens (as in :func:`readability`), syllables_per_word, over_25 (more than
    25 words), text.  A sentence of punctuation only has n_words 0 and is not counted as a
    sentence by :func:`readability`.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The U.S. agreed. Gen. Brown said the decision was difficult."})
    >>> an.sentence_readability(c)[["sent_id", "n_words", "n_syllables", "text"]].values.tolist()
    [[0, 3, 4, 'The U.S. agreed.'], [1, 7, 11, 'Gen. Brown said the decision was difficult.']]
    """
    frame = pd.DataFrame(_sentence_rows(corpus), columns=SENTENCE_COLUMNS)
    ints = ["sent_id", "para_id", "start", "end", "n_words", "n_syllables", "n_polysyllables",
            "n_complex_words", "n_difficult_words", "n_characters", "n_letters", "n_tokens"]
    return frame.astype({**{c: "int64" for c in ints}, "syllables_per_word": "float64",
                         "over_25": "bool", "article_id": "str", "outlet": "str", "text": "str"})


def body_text(corpus: Corpus, article_id: str) -> str:
    """An article's body paragraphs joined by newlines: the text handed to stock textstat.

    >>> import analysis as an
    >>> body_text(an.from_texts({"a": "Title Case Heading\\nFirst line here.\\nSecond one."}), "a")
    'First line here.\\nSecond one.'
    """
    return body_texts(corpus).get(article_id, "")


def body_texts(corpus: Corpus) -> dict[str, str]:
    """Every article's body text (see :func:`body_text`), in corpus order, in one pass.

    >>> import analysis as an
    >>> body_texts(an.from_texts({"a": "One.", "b": "Two.\\nThree."}))
    {'a': 'One.', 'b': 'Two.\\nThree.'}
    """
    return {art.article_id: "\n".join(art.text[p.start:p.end] for p in art.paragraphs if p.kind == "body")
            for art in corpus}


@memoized
def textstat_stock(corpus: Corpus) -> pd.DataFrame:
    """textstat's own scores on each article's body text, with textstat's own sentence splitter.

    For comparison with :func:`readability`: same body text, same words and syllables; only
    the sentence count differs (textstat breaks at every period, as in "U.S." or "Gen.",
    and ignores any piece of two words or fewer).  Columns: article_id, outlet,
    n_sentences, n_words, n_syllables (textstat's counts), and the nine formulas
    (``text_standard`` as a float).  NaN for an article with no body text.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The U.S. agreed. Gen. Brown said the decision was difficult."})
    >>> textstat_stock(c)[["n_sentences", "n_words"]].values.tolist()  # "The U.", "S.", "Gen." dropped
    [[1, 10]]
    """
    _check(corpus)
    lex = _Lexicon()
    ts = lex._ts
    outlets = corpus.outlet_of().to_dict()
    out = []
    for aid, text in body_texts(corpus).items():
        row: dict = {"article_id": aid, "outlet": outlets.get(aid, aid)}
        # textstat hyphenates a word missing from the CMU dictionary with Pyphen, whose time
        # grows with the word's length times its longest pattern: a "word" of a million
        # letters took longer than all the rest.  Such words get Pyphen's own points first.
        # (A textstat word is a run of non-space characters less its punctuation: without
        # a long run there is no long word.)
        if _LONG_RUN.search(text):
            for word in {w for w in _textstat_words(text) if len(w) > LONG_WORD}:
                if word not in lex._cmu:
                    _Hyphenator.of(lex._pyphen).prime(lex._pyphen.hd, word)
        if not _textstat_words(text):
            row.update({"n_sentences": 0, "n_words": 0, "n_syllables": 0}, **{f: math.nan for f in FORMULAS})
        else:
            row.update({
                "n_sentences": ts.sentence_count(text), "n_words": ts.lexicon_count(text),
                "n_syllables": ts.syllable_count(text),
                "flesch_reading_ease": ts.flesch_reading_ease(text),
                "flesch_kincaid_grade": ts.flesch_kincaid_grade(text),
                "gunning_fog": ts.gunning_fog(text),
                "smog_index": ts.smog_index(text),
                "coleman_liau_index": ts.coleman_liau_index(text),
                "automated_readability_index": ts.automated_readability_index(text),
                "dale_chall_readability_score": ts.dale_chall_readability_score(text),
                "linsear_write_formula": ts.linsear_write_formula(text),
                "text_standard": float(ts.text_standard(text, float_output=True)),
            })
        out.append(row)
    frame = pd.DataFrame(out, columns=STOCK_COLUMNS)
    return frame.astype({"n_sentences": "int64", "n_words": "int64", "n_syllables": "int64",
                         **{f: "float64" for f in FORMULAS}, "article_id": "str", "outlet": "str"})


# ---------------------------------------------------------------------------------------------
# Summaries for notebook 03: how far the formulas agree, where textstat's sentence counter goes
# wrong, the longest sentences, and two articles side by side.

#: How the tables name the six grade formulas.
FORMULA_NAMES = {
    "flesch_kincaid_grade": "Flesch-Kincaid",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "linsear_write_formula": "Linsear Write",
}
AGREEMENT_COLUMNS = ["article_id", "outlet", "median", "lowest", "lowest_formula", "highest",
                     "highest_formula", "spread", *(f"rank_{f}" for f in GRADE_FORMULAS)]


@memoized
def formula_agreement(corpus: Corpus) -> pd.DataFrame:
    """How far the six grade formulas agree on each article, and how each ranks the articles.

    One row per article: ``median`` of the six grades, the ``lowest`` and ``highest`` grade
    and the formula that gives each (by name, as :data:`FORMULA_NAMES`), ``spread`` (highest
    minus lowest), and ``rank_<formula>``: the article's rank by that formula, 1 = hardest
    (ties share the better rank).  Missing values where an article has no text.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The cat sat. The dog ran.", "b": "Comprehensive deliberations continued interminably."})
    >>> t = formula_agreement(c)
    >>> t[["article_id", "rank_flesch_kincaid_grade"]].values.tolist(), bool((t.spread >= 0).all())
    ([['a', 2], ['b', 1]], True)
    """
    scores = readability(corpus)
    grades = scores[list(GRADE_FORMULAS)]
    usable = grades.notna().any(axis=1)
    out = pd.DataFrame({"article_id": scores["article_id"], "outlet": scores["outlet"],
                        "median": grades.median(axis=1), "lowest": grades.min(axis=1),
                        "highest": grades.max(axis=1)})
    out["lowest_formula"] = grades[usable].idxmin(axis=1).map(FORMULA_NAMES)
    out["highest_formula"] = grades[usable].idxmax(axis=1).map(FORMULA_NAMES)
    out["spread"] = out["highest"] - out["lowest"]
    for f in GRADE_FORMULAS:
        out[f"rank_{f}"] = grades[f].rank(ascending=False, method="min").astype("Int64")
    return out[AGREEMENT_COLUMNS]


TEXTSTAT_COLUMNS = ["article_id", "outlet", "n_sentences", "textstat_sentences", "cut", "ignored",
                    "flesch_kincaid_grade", "textstat_flesch_kincaid_grade", "grade_difference"]


@memoized
def textstat_differences(corpus: Corpus) -> pd.DataFrame:
    """Where textstat's own sentence counter and the project's differ, per article.

    ``n_sentences`` (the project's) against ``textstat_sentences``; ``cut``: real sentences
    that textstat counts as two or more (a full stop in "U.S." or "Gen."); ``ignored``:
    real sentences of one or two words, which textstat leaves out; the Flesch-Kincaid grade
    both ways and ``grade_difference`` (the project's minus textstat's).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The plan of the U.S. government was agreed on Monday. Biden agreed."})
    >>> textstat_differences(c)[["n_sentences", "textstat_sentences", "cut", "ignored"]].values.tolist()
    [[2, 2, 1, 1]]
    """
    ours = readability(corpus).set_index("article_id")
    stock = textstat_stock(corpus).set_index("article_id")
    cuts = textstat_cuts(corpus).groupby("article_id").size()
    sents = sentence_readability(corpus)
    short = sents[(sents["n_words"] > 0) & (sents["n_words"] <= 2)].groupby("article_id").size()
    ids = list(ours.index)
    out = pd.DataFrame({
        "article_id": ids, "outlet": ours["outlet"].to_numpy(),
        "n_sentences": ours["n_sentences"].to_numpy(), "textstat_sentences": stock.loc[ids, "n_sentences"].to_numpy(),
        "cut": cuts.reindex(ids, fill_value=0).to_numpy(), "ignored": short.reindex(ids, fill_value=0).to_numpy(),
        "flesch_kincaid_grade": ours["flesch_kincaid_grade"].to_numpy(),
        "textstat_flesch_kincaid_grade": stock.loc[ids, "flesch_kincaid_grade"].to_numpy(),
    })
    out["grade_difference"] = out["flesch_kincaid_grade"] - out["textstat_flesch_kincaid_grade"]
    return out.astype({"n_sentences": "int64", "textstat_sentences": "int64", "cut": "int64", "ignored": "int64"})


@memoized
def textstat_cuts(corpus: Corpus) -> pd.DataFrame:
    """The real sentences textstat's counter takes for two or more, one row each.

    Columns: article_id, outlet, sent_id, start, end, n_words, textstat_sentences, text.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The plan of the U.S. government was agreed on Monday. It is done now."})
    >>> textstat_cuts(c)[["sent_id", "textstat_sentences"]].values.tolist()
    [[0, 2]]
    """
    ts = _Lexicon()._ts
    sents = sentence_readability(corpus)
    sents = sents[sents["n_words"] > 0]
    counts = [ts.sentence_count(t) for t in sents["text"]]
    out = sents.assign(textstat_sentences=pd.Series(counts, index=sents.index, dtype="int64"))
    out = out[out["textstat_sentences"] > 1]
    return out[["article_id", "outlet", "sent_id", "start", "end", "n_words", "textstat_sentences",
                "text"]].reset_index(drop=True)


def longest_sentences(corpus: Corpus, n: int = 5, *, per_article: bool = False,
                      shortest: bool = False) -> pd.DataFrame:
    """The ``n`` longest body sentences of the event (or of each article with ``per_article``),
    longest first; ``shortest=True`` gives the shortest that hold a word.

    Columns as :func:`sentence_readability`.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "One two three four. Five.", "b": "Six seven. Eight nine ten."})
    >>> longest_sentences(c, 2)[["article_id", "n_words"]].values.tolist()
    [['a', 4], ['b', 3]]
    >>> longest_sentences(c, per_article=True, n=1)["text"].tolist()
    ['One two three four.', 'Eight nine ten.']
    """
    sents = sentence_readability(corpus)
    sents = sents[sents["n_words"] > 0]
    order = sents.sort_values(["n_words", "article_id", "sent_id"], ascending=[shortest, True, True], kind="stable")
    if per_article:
        order = order.groupby("article_id", sort=False).head(n)
        rank = {aid: i for i, aid in enumerate(corpus.ids)}
        order = order.sort_values("article_id", key=lambda s: s.map(rank), kind="stable")
    else:
        order = order.head(n)
    return order.reset_index(drop=True)


#: The measures :func:`compare_readability` sets side by side, with the noise rule of each
#: (a name of :data:`analysis.findings.NOISE`, or "sentences": one sentence of the shorter).
_PAIR_MEASURES = [
    ("n_words", "Body words", "length"),
    ("n_sentences", "Sentences", "count"),
    ("mean_sentence_length", "Words per sentence", "words_per_sentence"),
    ("share_over_25", "Sentences over 25 words (%)", "sentences"),
    ("syllables_per_word", "Syllables per word", "syllables_per_word"),
    ("share_polysyllables", "Words of 3+ syllables (%)", "share_of_words"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade", "grade"),
    ("coleman_liau_index", "Coleman-Liau grade", "grade"),
    ("gunning_fog", "Gunning Fog grade", "grade"),
    ("text_standard", "Consensus grade", "grade"),
]
PAIR_COLUMNS = ["article_a", "article_b", "chosen", "measure", "label", "value_a", "value_b", "verdict"]


def readability_pair(corpus: Corpus) -> tuple[str, str, str] | None:
    """Two articles worth comparing, and why: ``(a, b, reason)``, or None with fewer than two.

    The article that follows another most closely, sentence by sentence (a share in order of
    0.3 or more by :func:`analysis.follows`), and the one it follows: same facts, different
    writing.  Otherwise the hardest and the easiest article by the median of the six grades.

    >>> import analysis as an
    >>> readability_pair(an.from_texts({"a": "One short text."})) is None
    True
    """
    if len(corpus) < 2:
        return None
    from .wording import follows

    order = follows(corpus)
    if len(order):
        top = order.sort_values("share_in_order", ascending=False, kind="stable").iloc[0]
        if float(top["share_in_order"]) >= 0.3:
            return str(top["article"]), str(top["source"]), "follows"
    median = formula_agreement(corpus).set_index("article_id")["median"].dropna()
    if len(median) < 2:
        ids = corpus.ids
        return ids[0], ids[1], "first two"
    hard = median.idxmax()
    easy = median.drop(hard).idxmin()
    return hard, easy, "hardest and easiest"


def compare_readability(corpus: Corpus, a: str | None = None, b: str | None = None) -> pd.DataFrame:
    """Two articles' readability side by side, each difference judged against its noise.

    One row per measure (words, sentences, words per sentence, long sentences, syllables per
    word, long words, four grades; shares in percent): ``value_a``, ``value_b`` and ``verdict`` ("higher",
    "lower" or "about the same": ``a`` against ``b``, by :func:`analysis.findings.compare`).
    Without ``a`` and ``b`` the pair is :func:`readability_pair`'s, and ``chosen`` says why
    ("follows": ``a`` follows ``b``; "hardest and easiest"; "given").  Empty with fewer than
    two articles.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The cat sat on the mat. It was warm.", "b": "Comprehensive deliberations continued."})
    >>> t = compare_readability(c, "b", "a")
    >>> t.set_index("measure").at["flesch_kincaid_grade", "verdict"]
    'higher'
    """
    from .findings import compare, share_noise

    if a is None or b is None:
        pair = readability_pair(corpus)
        if pair is None:
            return pd.DataFrame(columns=PAIR_COLUMNS)
        a, b, chosen = pair
    else:
        chosen = "given"
    for aid in (a, b):
        if aid not in corpus.ids:
            raise KeyError(f"article {aid!r} is not in the corpus; ids: {corpus.ids}")
    scores = readability(corpus).set_index("article_id")
    scores["share_polysyllables"] = scores["n_polysyllables"] / scores["n_words"].where(scores["n_words"] > 0)
    rows = []
    for column, label, rule in _PAIR_MEASURES:
        va, vb = scores.at[a, column], scores.at[b, column]
        noise = share_noise(int(min(scores.at[a, "n_sentences"], scores.at[b, "n_sentences"]))) \
            if rule == "sentences" else rule
        verdict = compare(va, vb, noise)
        if label.endswith("(%)"):  # shares are shown in percent
            va, vb = 100 * va, 100 * vb
        rows.append({"article_a": a, "article_b": b, "chosen": chosen, "measure": column, "label": label,
                     "value_a": float(va), "value_b": float(vb), "verdict": verdict})
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)
