"""Framing: frame-lexicon hits, frame rates by voice, and sentences that size up the event.

A *frame* here is a set of words a writer may choose to stress one side of a story: how big
the step was (``magnitude_bigger`` / ``magnitude_smaller``), the risk of escalation, self-
defence, pressure, caution, hedging, change, restriction.  The words live in an editable CSV,
``analysis/resources/frames.csv`` (documented in ``analysis/resources/FRAMES.md``); users can
pass their own lexicon as a path or a DataFrame (:func:`load_lexicon` checks it).

Matching rules (see FRAMES.md for the full story):

- ``word`` and ``phrase`` patterns match case-insensitively at word boundaries; ``*`` matches
  any word ending (``escalat*``: escalate, escalating, escalation); a hyphen matches a hyphen,
  a space or nothing (``counter-fire``: counterfire, counter fire); a space matches any run of
  white space; an apostrophe matches ' or ’.
- ``regex`` patterns are Python regular expressions, matched case-insensitively at word
  boundaries (use ``(?-i:...)`` for a case-sensitive part).
- Within a frame, overlapping hits count once: the longest wins ("in a limited capacity", not
  also "limited").  Across frames, the same words may count once in each frame ("reversal" is
  both ``magnitude_bigger`` and ``change``): each frame is its own lens.
- Only body paragraphs are searched (no titles, no subheads).
- A hit is ``negated`` when a negation (not, no, never, n't, without, ...) stands in the three
  words before it in the same clause: "has not changed", "no formal arms ban", "not limited".
- ``voice`` is ``quoted`` when the hit falls inside a direct quote found by
  :func:`analysis.quotes` (its speaker is given), else ``outlet``: the outlet's own words.

The per-article work is :func:`_frames_for_article`, which needs only a text, its body
sentence spans and its quote spans, so a corpus-scale feature table can call it directly; the
lexicon is compiled once (cached) into one regular expression per frame plus one prefilter
(:mod:`analysis.framing_fast`) that finds, in a single pass, the few word starts where a
frame may hit: the frame regexes run only there.  :func:`reference_hits` is the plain path
(each pattern's regex over each paragraph) that gives the same hits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

import pandas as pd

from .corpus import Corpus, memoized
from .framing_fast import Alternative, Prefilter, build_prefilter, first_chars, lowered
from .senses import negation_scope, out_of_sense
from .sizing import CHAR_COLUMNS, CORE_EVENT_NOUNS, SIZE_WORD_COLUMNS, characterizations_of, size_words_of

__all__ = [
    "EVENT_TERMS",
    "LexiconError",
    "characterizations",
    "frame_scores",
    "frames",
    "load_lexicon",
    "size_words",
]

LEXICON_COLUMNS = ["frame", "pattern", "kind", "note", "source"]
KINDS = ("word", "phrase", "regex")
VOICES = ("outlet", "quoted")
HIT_COLUMNS = ["article_id", "outlet", "frame", "term", "match", "start", "end", "sentence_id",
               "para_id", "rel_position", "voice", "speaker", "speaker_type", "negated", "sense"]

# The general event nouns (see :mod:`analysis.sizing`), kept under their old name.
EVENT_TERMS: tuple[str, ...] = CORE_EVENT_NOUNS

# Negations that flip a hit when they stand shortly before it in the same clause.
_NEGATIONS = frozenset({"not", "no", "never", "without", "nor", "neither", "hardly", "cannot",
                        "none", "nothing", "nobody", "barely", "scarcely"})
NEGATION_WINDOW = 3
# Words after which an earlier negation no longer applies ("not X but only Y").
_CONTRAST = frozenset({"but", "yet", "although", "though", "however", "while"})
# Punctuation that ends a clause for negation.
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]—–“”\"]|\s-\s")
_TOKEN = re.compile(r"[\w’'-]+")

class LexiconError(ValueError):
    """A frame lexicon that cannot be used; the message names the row and the problem."""


# --------------------------------------------------------------------------- lexicon

def _default_lexicon_path():
    return resources.files("analysis").joinpath("resources", "frames.csv")


def load_lexicon(source: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """A frame lexicon as a checked DataFrame: ``frame, pattern, kind, note, source``.

    ``source`` is None (the shipped ``resources/frames.csv``), a path to a CSV file, or a
    DataFrame with at least ``frame`` and ``pattern`` columns.  ``kind`` (``word``,
    ``phrase`` or ``regex``) may be left out: it is then ``phrase`` for patterns with a space
    and ``word`` otherwise.  ``note`` and ``source`` are optional.  Exact duplicate rows are
    dropped.  Problems raise :class:`LexiconError` naming the row (its CSV line for a file).

    >>> lex = load_lexicon(pd.DataFrame({"frame": ["risk", "risk"],
    ...                                   "pattern": ["escalat*", "widen the war"]}))
    >>> lex[["frame", "pattern", "kind"]].values.tolist()
    [['risk', 'escalat*', 'word'], ['risk', 'widen the war', 'phrase']]
    >>> load_lexicon(pd.DataFrame({"frame": ["x"], "pattern": ["("], "kind": ["regex"]}))
    Traceback (most recent call last):
    ...
    analysis.framing.LexiconError: lexicon row 0 (frame 'x', pattern '('): not a valid regular expression: missing ), unterminated subpattern at position 0
    """
    if source is None:
        with _default_lexicon_path().open("r", encoding="utf-8") as fh:
            raw = pd.read_csv(fh, dtype=str, keep_default_na=False)
        where, line_offset = "default lexicon line", 2
    elif isinstance(source, pd.DataFrame):
        raw = source.copy()
        where, line_offset = "lexicon row", None
    elif isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise LexiconError(f"lexicon file not found: {path}")
        try:
            raw = pd.read_csv(path, dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
            raise LexiconError(f"cannot read lexicon {path} as CSV: {exc}") from None
        where, line_offset = f"{path.name} line", 2
    else:
        raise LexiconError(f"a lexicon is a path to a CSV file or a DataFrame, not {type(source).__name__}")

    raw.columns = [str(c).strip().lower() for c in raw.columns]
    missing = [c for c in ("frame", "pattern") if c not in raw.columns]
    if missing:
        raise LexiconError(f"lexicon is missing column(s) {missing}; it has {list(raw.columns)} "
                           f"(needed: frame, pattern; optional: kind, note, source)")
    rows = []
    for i, rec in enumerate(raw.to_dict("records")):
        label = f"{where} {i + line_offset}" if line_offset is not None else f"{where} {raw.index[i]}"
        frame, pattern = _cell(rec.get("frame")), _cell(rec.get("pattern"))
        kind = _cell(rec.get("kind")).lower()
        if not frame or not pattern:
            raise LexiconError(f"{label}: empty {'frame' if not frame else 'pattern'}")
        label = f"{label} (frame {frame!r}, pattern {pattern!r})"
        if not kind:
            kind = "phrase" if " " in pattern else "word"
        if kind not in KINDS:
            raise LexiconError(f"{label}: kind must be one of {list(KINDS)}, not {kind!r}")
        if kind == "word" and re.search(r"\s", pattern):
            raise LexiconError(f"{label}: a word pattern has no spaces; use kind 'phrase'")
        try:
            # as a part of a larger regex, as matching will use it ("(?i)" must open a pattern)
            rx = re.compile(f"(?:{_pattern_regex(pattern, kind)})", re.IGNORECASE)
        except re.error as exc:
            raise LexiconError(f"{label}: not a valid regular expression: {exc}") from None
        if rx.groups and re.search(r"\\[1-9]|\(\?P=", pattern):
            raise LexiconError(f"{label}: backreferences are not supported in lexicon patterns")
        if rx.match(""):
            raise LexiconError(f"{label}: the pattern matches empty text")
        rows.append({"frame": frame, "pattern": pattern, "kind": kind,
                     "note": _cell(rec.get("note")), "source": _cell(rec.get("source"))})
    out = pd.DataFrame(rows, columns=LEXICON_COLUMNS)
    return out.drop_duplicates(subset=["frame", "pattern", "kind"]).reset_index(drop=True)


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _pattern_regex(pattern: str, kind: str) -> str:
    """The regex for one lexicon pattern, without word boundaries."""
    if kind == "regex":
        return pattern
    out = []
    for ch in pattern:
        if ch == "*":
            out.append(r"\w*")
        elif ch == "-":
            # hyphen, space or nothing: counter-fire, counter fire, counterfire
            out.append(r"(?:[-‐‑]|\s+)?")
        elif ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


# A hit starts and ends at word edges; a hyphen before it blocks it (de-escalation is not
# escalation), and so does a hyphen after it that joins another word (limited-time).
_LEFT, _RIGHT = r"(?<![\w‐‑-])", r"(?![\w]|[-‐‑]\w)"


@dataclass(frozen=True)
class _Compiled:
    """A lexicon compiled: per frame, its patterns in the order they are tried (longer ones
    first), one regex that tries them all at each word start, and the pattern each of that
    regex's groups stands for (``terms[frame][group]``); and the prefilter that finds the
    few word starts worth trying (:mod:`analysis.framing_fast`; None for a lexicon with no
    literal prefix to scan for)."""

    frames: tuple[str, ...]
    patterns: tuple[tuple[tuple[str, str], ...], ...]
    regexes: tuple[re.Pattern, ...]
    terms: tuple[dict[int, str], ...]
    prefilter: Prefilter | None = None


def _try_order(pattern_kind: tuple[str, str]) -> tuple[int, int]:
    """At one start position the first pattern that matches wins, so the longer patterns
    are tried first: "in a limited capacity" before "limited"."""
    pattern = pattern_kind[0]
    return -len(pattern.split()), -len(pattern)


@lru_cache(maxsize=16)
def _compile_rows(rows: tuple[tuple[str, str, str], ...]) -> _Compiled:
    by_frame: dict[str, list[tuple[str, str]]] = {}
    for frame, pattern, kind in rows:
        by_frame.setdefault(frame, []).append((pattern, kind))
    patterns = [tuple(sorted(pats, key=_try_order)) for pats in by_frame.values()]
    regexes, terms, alternatives = [], [], []
    for pats in patterns:
        alts, group_term, group = [], {}, 1
        for pattern, kind in pats:
            body = _pattern_regex(pattern, kind)
            n_groups = 1 + re.compile(body, re.IGNORECASE).groups
            alts.append(Alternative(f"((?:{body}){_RIGHT})", group, n_groups))
            group_term[group] = pattern
            group += n_groups
        firsts = [first_chars(p, k) for p, k in pats]
        # The lookahead finds a candidate at every start position, overlapping ones included
        # (overlaps are resolved afterwards: longest wins).  The left word edge and the set
        # of possible first letters stand outside it, so most positions fail at once.
        pre = "" if any(f is None for f in firsts) else \
            f"(?=[{''.join(re.escape(c) for c in sorted(set().union(*firsts)))}])"
        regexes.append(re.compile(f"{_LEFT}{pre}(?=(?:{'|'.join(a.part for a in alts)}))", re.IGNORECASE))
        terms.append(group_term)
        alternatives.append(tuple(alts))
    return _Compiled(tuple(by_frame), tuple(patterns), tuple(regexes), tuple(terms),
                     build_prefilter(patterns, alternatives, regexes, _LEFT))


@lru_cache(maxsize=1)
def _default_compiled() -> _Compiled:
    lex = load_lexicon(None)
    return _compile_rows(tuple(zip(lex["frame"], lex["pattern"], lex["kind"])))


def _compile(lexicon) -> _Compiled:
    """A compiled lexicon from anything :func:`load_lexicon` takes (or a compiled one)."""
    if isinstance(lexicon, _Compiled):
        return lexicon
    if lexicon is None:
        return _default_compiled()
    lex = load_lexicon(lexicon)
    return _compile_rows(tuple(zip(lex["frame"], lex["pattern"], lex["kind"])))


# --------------------------------------------------------------------------- negation

def _is_negated(text: str, sent_start: int, hit_start: int) -> bool:
    """Whether a negation stands in the few words before a hit, in the same clause."""
    pre = text[max(sent_start, hit_start - 80):hit_start]
    cut = None
    for cut in _CLAUSE_PUNCT.finditer(pre):
        pass
    if cut is not None:
        pre = pre[cut.end():]
    tokens = [t.lower() for t in _TOKEN.findall(pre)][-NEGATION_WINDOW:] if NEGATION_WINDOW > 0 else []
    for tok in reversed(tokens):
        if tok in _CONTRAST:
            return False
        if tok in _NEGATIONS or tok.endswith("n't") or tok.endswith("n’t"):
            return True
    return False


# A superset of what _is_negated looks for, in two quick looks between the start of the
# negation window and the hit (endpos = the hit, so a token ending there counts): a negation
# token at the window's start, or after a non-token character, or a token ending in n't.
# The second opens on a character set (\W), which ``re`` skips to without trying a match at
# every position.
_NEG_WORDS = "|".join(sorted(_NEGATIONS, key=lambda w: (-len(w), w)))
_NEG_AT = re.compile(rf"(?:{_NEG_WORDS})(?![\w’'-])", re.IGNORECASE)
_NEG_IN = re.compile(rf"\W(?:(?<=[^\w’'-])(?:{_NEG_WORDS})|(?<=n['’])t)(?![\w’'-])",
                     re.IGNORECASE)


def _neg_in_lower(words: Iterable[str]) -> re.Pattern:
    """_NEG_AT and _NEG_IN in one, for the window cut out of lower-cased text (see
    :func:`analysis.framing_fast.lowered`): a negation word after a non-token character or
    at the start, or a token ending in n't.

    Each alternative opens on a negation's first letter (or the n of n't) and only then
    checks the character before the word, so the pattern opens on a small set of literals
    that ``re`` skips to, instead of trying every non-word character of the window.
    """
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    alts = [rf"{re.escape(c)}(?<![\w’'-]{re.escape(c)})(?:{'|'.join(rest)})" for c, rest in by_first.items()]
    return re.compile(rf"(?:{'|'.join(alts)}|n['’]t)(?![\w’'-])")


_NEG_IN_LOWER = _neg_in_lower(_NEGATIONS)


def _negated(text: str, low: str | None, sent_start: int, hit_start: int) -> bool:
    """:func:`_is_negated`, after a quick look that rules out most hits (no negation word
    nearby); ``low`` is the lower-cased text when it can stand in for the text, or None."""
    lo = max(sent_start, hit_start - 80)
    if low is not None:
        # in the window cut out of the lower-cased text, its start is a word edge
        maybe = _NEG_IN_LOWER.search(low[lo:hit_start]) is not None
    else:
        maybe = _NEG_AT.match(text, lo, hit_start) is not None or _NEG_IN.search(text, lo, hit_start) is not None
    return maybe and _is_negated(text, sent_start, hit_start)


# --------------------------------------------------------------------------- per article

class BodySentence(NamedTuple):
    """A body sentence as the per-article functions take it: ids and offsets into the text."""

    sent_id: int
    para_id: int
    start: int
    end: int


class QuoteSpan(NamedTuple):
    """A direct quote as the per-article functions take it (see :func:`quote_spans_of`)."""

    start: int
    end: int
    speaker: str | None
    speaker_type: str | None


class FrameHit(NamedTuple):
    """One lexicon hit as the matcher finds it: a row of :func:`frames` without ``outlet``
    and before the sense layer (:func:`with_senses` adds ``sense``)."""

    article_id: str
    frame: str
    term: str
    match: str
    start: int
    end: int
    sentence_id: int
    para_id: int
    rel_position: float
    voice: str
    speaker: str | None
    speaker_type: str | None
    negated: bool


class _Run(NamedTuple):
    """Body sentences of one paragraph, one after another: a hit never spans two paragraphs."""

    para_id: int
    start: int
    end: int


def _paragraph_runs(sentences: Sequence[tuple[int, int, int, int]]) -> list[_Run]:
    """The paragraph runs of body sentences ``(sent_id, para_id, start, end)``, in order."""
    runs: list[list[int]] = []
    for _sid, pid, s, e in sentences:
        if runs and runs[-1][0] == pid:
            runs[-1][2] = e
        else:
            runs.append([pid, s, e])
    return [_Run(*run) for run in runs]


@dataclass(frozen=True)
class _Body:
    """An article's body sentences and paragraph runs, in text order, with the two things
    looked up for each hit by bisection: its sentence and its relative position."""

    sentences: Sequence[tuple[int, int, int, int]]
    runs: list[_Run]
    sent_starts: list[int]
    run_starts: list[int]
    run_before: list[int]  # body characters before each run, and (last) in all

    @classmethod
    def of(cls, sentences: Sequence[tuple[int, int, int, int]]) -> _Body | None:
        """The body of these sentences, or None when they are not in text order."""
        runs = _paragraph_runs(sentences)
        sent_starts = [t[2] for t in sentences]
        if sent_starts != sorted(sent_starts):
            return None
        before, end = [0], runs[0].start
        for run in runs:
            if run.start > run.end or end > run.start:
                return None  # runs that overlap or go backwards
            end = run.end
            before.append(before[-1] + run.end - run.start)
        return cls(sentences, runs, sent_starts, [r.start for r in runs], before)

    def sentence_at(self, a: int) -> tuple[int, int, int, int] | None:
        """The sentence holding offset ``a`` (None between sentences)."""
        sent = self.sentences[bisect_right(self.sent_starts, a) - 1]
        return sent if a < sent[3] else None

    def rel_position(self, a: int) -> float:
        """Share of the body text before offset ``a``, 0..1."""
        r = bisect_right(self.run_starts, a) - 1
        run = self.runs[r]
        before = self.run_before[r] + a - run.start if r >= 0 and a < run.end else self.run_before[-1]
        return round(before / (self.run_before[-1] or 1), 4)


class _Quotes:
    """Direct quotes sorted by start, to find by bisection the quote holding a position."""

    def __init__(self, quotes: Sequence[tuple[int, int, object, object]]) -> None:
        self.quotes = sorted(quotes, key=_START_END)
        self.starts = [q[0] for q in self.quotes]
        self.reach = list(accumulate((q[1] for q in self.quotes), max))  # no earlier quote ends later

    def at(self, a: int) -> tuple[int, int, object, object] | None:
        """The innermost quote holding offset ``a`` (quotes may nest), or None."""
        j = bisect_right(self.starts, a) - 1
        while j >= 0 and self.reach[j] > a:
            if self.quotes[j][0] <= a < self.quotes[j][1]:
                return self.quotes[j]
            j -= 1
        return None


_START_END = itemgetter(0, 1)
_START_FRAME = itemgetter(4, 1)


def _frames_for_article(
    article_id: str,
    text: str,
    sentences: Sequence[tuple[int, int, int, int]],
    quotes: Sequence[tuple[int, int, object, object]] = (),
    lexicon=None,
) -> list[FrameHit]:
    """Frame hits of one article as :class:`FrameHit` tuples, in text order (no sense layer).

    ``sentences`` are the body sentences as :class:`BodySentence` ``(sent_id, para_id,
    start, end)`` in text order; ``quotes`` are :class:`QuoteSpan` ``(start, end,
    speaker_name, speaker_type)`` of direct quotes; ``lexicon`` is anything
    :func:`load_lexicon` takes, or an already compiled lexicon.  The fast path (the
    prefilter of :mod:`analysis.framing_fast`, bisection); :func:`reference_hits` gives
    the same hits the plain way, and is used for sentences out of text order.

    >>> hits = _frames_for_article("a", "It is not limited. It may escalate.",
    ...                            [(0, 0, 0, 18), (1, 0, 19, 35)])
    >>> [(h.frame, h.match, h.negated) for h in hits]
    [('magnitude_smaller', 'limited', True), ('hedging', 'may', False), ('escalation_risk', 'escalate', False)]
    """
    comp = _compile(lexicon)
    if not sentences:
        return []
    body = _Body.of(sentences)
    if body is None:
        return reference_hits(article_id, text, sentences, quotes, comp)
    # the lower-cased text, when it can stand in for the text (see framing_fast.lowered)
    low = lowered(text) if comp.prefilter is not None else None
    return _hit_rows(article_id, text, low, comp, body, _Quotes(quotes), _candidates(comp, text, low, body))


def _candidates(comp: _Compiled, text: str, low: str | None, body: _Body) -> dict[int, list[tuple[int, int, int]]]:
    """Per frame (index), the candidate hits ``(start, end, group)``: where the frame's
    regex matches in a paragraph run, overlaps included.  The prefilter finds them for the
    frames it covers; the others are searched run by run."""
    found: dict[int, list[tuple[int, int, int]]] = {}
    searched: Iterable[int] = range(len(comp.frames))
    if comp.prefilter is not None:
        comp.prefilter.candidates(text, low, body.runs, body.run_starts, found)
        searched = comp.prefilter.full
    for fi in searched:
        for run in body.runs:
            for m in comp.regexes[fi].finditer(text, run.start, run.end):
                g = m.lastindex
                found.setdefault(fi, []).append((m.start(), m.end(g), g))
    return found


def _hit_rows(article_id: str, text: str, low: str | None, comp: _Compiled, body: _Body, quotes: _Quotes,
              candidates: dict[int, list[tuple[int, int, int]]]) -> list[FrameHit]:
    """The hits kept from each frame's candidates (longest first), with sentence, relative
    position, voice and negation, in text order."""
    out = []
    for fi, frame in enumerate(comp.frames):
        found = candidates.get(fi)
        if not found:
            continue
        terms = comp.terms[fi]
        for a, b, g in _longest_first(found) if len(found) > 1 else found:
            sent = body.sentence_at(a)
            if sent is None:  # between sentences (white space): belongs to none
                continue
            quote = quotes.at(a)
            voice, speaker, kind = ("outlet", None, None) if quote is None else ("quoted", quote[2], quote[3])
            out.append(FrameHit(article_id, frame, terms[g], text[a:b], a, b, sent[0], sent[1],
                                body.rel_position(a), voice, speaker, kind, _negated(text, low, sent[2], a)))
    out.sort(key=_START_FRAME)
    return out


def reference_hits(
    article_id: str,
    text: str,
    sentences: Sequence[tuple[int, int, int, int]],
    quotes: Sequence[tuple[int, int, object, object]] = (),
    lexicon=None,
) -> list[FrameHit]:
    """:func:`_frames_for_article` the plain way: the reference its fast path must match.

    Each pattern's own regex searches each paragraph run (a paragraph's body sentences, one
    after another: a pattern may run over a sentence end inside a paragraph, as ``departure
    from ...`` over "it. Policy", never over a paragraph end); at each start, the frame's
    first pattern (in :func:`_try_order`) that matches gives the candidate; overlapping
    candidates of a frame go to the longest; a hit belongs to the sentence it starts in, to
    the last quote (by start, then end) that holds its start, and is negated when
    :func:`_is_negated` says so.  Sentences and quotes are looked up one by one.

    >>> [(h.frame, h.match) for h in reference_hits("a", "A limited step.", [(0, 0, 0, 15)])]
    [('magnitude_smaller', 'limited')]
    """
    comp = _compile(lexicon)
    runs = _paragraph_runs(sentences)
    body_chars = sum(r.end - r.start for r in runs) or 1
    by_start = sorted(quotes, key=_START_END)
    out = []
    for frame, patterns in zip(comp.frames, comp.patterns):
        at: dict[int, tuple[int, int, str]] = {}  # start -> (start, end, pattern)
        for pattern, kind in patterns:
            rx = re.compile(f"{_LEFT}(?=((?:{_pattern_regex(pattern, kind)}){_RIGHT}))", re.IGNORECASE)
            for run in runs:
                for m in rx.finditer(text, run.start, run.end):
                    at.setdefault(m.start(), (m.start(), m.end(1), pattern))
        for a, b, pattern in _longest_first(list(at.values())):
            sent = None
            for s in sentences:
                if s[2] <= a:
                    sent = s
            if sent is None or a >= sent[3]:
                continue
            before = 0
            for run in runs:
                if run.start <= a < run.end:
                    before += a - run.start
                    break
                before += run.end - run.start
            quote = None
            for q in by_start:
                if q[0] <= a < q[1]:
                    quote = q
            voice, speaker, kind = ("outlet", None, None) if quote is None else ("quoted", quote[2], quote[3])
            out.append(FrameHit(article_id, frame, pattern, text[a:b], a, b, sent[0], sent[1],
                                round(before / body_chars, 4), voice, speaker, kind, _is_negated(text, sent[2], a)))
    out.sort(key=_START_FRAME)
    return out


def _longest_first(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Candidates ``(start, end, group)`` of one frame without overlaps, in text order: the
    longest match wins; ties go to the earlier one.

    Candidates are taken longest first and kept unless they overlap one kept before.  The
    kept spans are marked in a byte array over the candidates' range, so the overlap test
    reads only the candidate's own characters instead of every span kept so far (a text
    may hold any number of hits).  :func:`_longest_first_plain` is the same rule, span by
    span; an empty candidate (which only a user's regex could give) takes that path.
    """
    if not found or any(c[0] >= c[1] for c in found):
        return _longest_first_plain(found)
    found.sort(key=lambda c: (c[0] - c[1], c[0]))
    base = min(c[0] for c in found)
    taken = bytearray(max(c[1] for c in found) - base)
    kept: list[tuple[int, int, int]] = []
    for c in found:
        a, b = c[0] - base, c[1] - base
        # Two non-empty spans overlap exactly when one character lies in both.
        if taken.find(1, a, b) < 0:
            taken[a:b] = b"\x01" * (b - a)
            kept.append(c)
    kept.sort()
    return kept


def _longest_first_plain(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The plain form of :func:`_longest_first`: each candidate against every span kept."""
    found.sort(key=lambda c: (c[0] - c[1], c[0]))
    kept: list[tuple[int, int, int]] = []
    for c in found:
        a, b = c[0], c[1]
        for ta, tb, _g in kept:
            if a < tb and ta < b:
                break
        else:
            kept.append(c)
    kept.sort()
    return kept


# --------------------------------------------------------------------------- corpus

def _quote_spans(quotes: pd.DataFrame) -> dict[str, list[QuoteSpan]]:
    """Direct-quote spans per article, from a table like :func:`analysis.quotes` gives."""
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"quotes must be a DataFrame like analysis.quotes(corpus) returns, "
                        f"not {type(quotes).__name__}")
    missing = [c for c in ("article_id", "start", "end") if c not in quotes.columns]
    if missing:
        raise ValueError(f"quotes table is missing column(s) {missing}; pass analysis.quotes(corpus)")
    names = quotes["speaker_name"] if "speaker_name" in quotes else pd.Series(None, index=quotes.index)
    kinds = quotes["speaker_type"] if "speaker_type" in quotes else pd.Series(None, index=quotes.index)
    spans: dict[str, list[QuoteSpan]] = {}
    for aid, s, e, n, k in zip(quotes["article_id"], quotes["start"], quotes["end"], names, kinds):
        spans.setdefault(str(aid), []).append(QuoteSpan(int(s), int(e), _value(n), _value(k)))
    return spans


def _value(v) -> str | None:
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) or v == "" else str(v)


def quote_spans_of(quote_rows: Iterable[dict]) -> list[QuoteSpan]:
    """:class:`QuoteSpan` ``(start, end, speaker_name, speaker_type)`` of quote rows (from
    :func:`analysis.quotes.quotes_of`).

    >>> quote_spans_of([{"start": 3, "end": 9, "speaker_name": "Biden", "speaker_type": ""}])
    [QuoteSpan(start=3, end=9, speaker='Biden', speaker_type=None)]
    """
    return [QuoteSpan(q["start"], q["end"], _value(q.get("speaker_name")), _value(q.get("speaker_type")))
            for q in quote_rows]


def frames_of(article, quote_spans: Sequence[tuple] = (), lexicon=None, *, every_hit: bool = False) -> list[tuple]:
    """Frame hits of one :class:`analysis.corpus.Article`, as tuples in ``HIT_COLUMNS`` order
    (without ``outlet``): a :class:`FrameHit`'s fields and ``sense``; ``quote_spans`` as
    :func:`quote_spans_of` gives them.

    Hits used in another sense than their frame's (see :mod:`analysis.senses`) are left out
    unless ``every_hit``; then ``sense`` (the last field) says why ("" for in-sense hits).
    ``negated`` follows the negation's scope ("not only ... but" denies nothing).

    >>> from analysis.corpus import split_article
    >>> [(h[1], h[3]) for h in frames_of(split_article("A limited step."))]
    [('magnitude_smaller', 'limited')]
    >>> art = split_article("The Environmental Protection Agency acted.")
    >>> frames_of(art), [h[-1] for h in frames_of(art, every_hit=True)]
    ([], ['part of a proper name'])
    """
    body = [(s.sent_id, s.para_id, s.start, s.end) for s in article.sentences if s.kind == "body"]  # BodySentence
    hits = _frames_for_article(article.article_id, article.text, body, quote_spans, lexicon)
    return with_senses(article.text, body, hits, every_hit=every_hit)


def with_senses(text: str, sentences: Sequence[tuple[int, int, int, int]], hits: list[tuple], *,
                every_hit: bool = False) -> list[tuple]:
    """``hits`` (from the matcher) with the sense layer applied: a ``sense`` field appended
    (why a hit is not in its frame's sense, else ""), ``negated`` set by the negation's
    scope, and out-of-sense hits dropped unless ``every_hit``.

    >>> hits = _frames_for_article("a", "It is not only a shift.", [(0, 0, 0, 23)])
    >>> [(h[3], h[12], h[13]) for h in with_senses("It is not only a shift.", [(0, 0, 0, 23)], hits)]
    [('is not only', False, ''), ('shift', False, '')]

    ("not only" does not deny the shift; the phrase itself is a size word: more than that.)
    """
    bounds = {sid: (s, e) for sid, _pid, s, e in sentences}
    out = []
    for h in hits:
        frame, a, b, sid, negated = h[1], h[4], h[5], h[6], h[12]
        ss, se = bounds[sid]
        why = out_of_sense(frame, text, a, b, ss, se)
        if why and not every_hit:
            continue
        neg = negation_scope(text, a, b, ss, negated).negated if negated else False
        out.append(h[:12] + (neg, why))
    return out


def _empty_hits() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
        HIT_COLUMNS, ["str", "str", "str", "str", "str", "int64", "int64", "int64", "int64",
                      "float64", "str", "object", "object", "bool", "str"])})


def frames(corpus: Corpus, lexicon=None, *, quotes: pd.DataFrame | None = None,
           every_hit: bool = False) -> pd.DataFrame:
    """Every frame-lexicon hit in the body of every article, one row per hit.

    Columns: ``article_id, outlet, frame, term`` (the lexicon pattern), ``match`` (the text
    matched), ``start, end`` (offsets into the clean text), ``sentence_id`` (=
    ``corpus.sentences.sent_id``), ``para_id``, ``rel_position`` (share of the body text
    before the hit, 0..1), ``voice`` (``outlet`` or ``quoted``), ``speaker`` and
    ``speaker_type`` (for quoted hits, from :func:`analysis.quotes`), ``negated``, ``sense``.

    A word used in another sense than its frame's ("Environmental *Protection* Agency", "so
    that Ukraine *could* protect") is left out (rules: :mod:`analysis.senses`); with
    ``every_hit=True`` it is kept and ``sense`` says why it is out of sense ("" for the
    others).  ``negated``: a negation stands shortly before the hit in its clause and denies
    it ("not only ... but also" does not).

    ``lexicon``: None for the shipped lexicon, a CSV path or a DataFrame (see
    :func:`load_lexicon`).  ``quotes``: an :func:`analysis.quotes` table to use; by default
    the corpus's own (computed once per corpus).  With the shipped lexicon and the corpus's
    quotes, the table is computed once per corpus and shared.

    >>> import analysis as an
    >>> c = an.from_texts({"a": 'The step is not limited. "It could escalate," he said.'})
    >>> frames(c)[["frame", "match", "voice", "negated"]].values.tolist()
    [['magnitude_smaller', 'limited', 'outlet', True], ['hedging', 'could', 'quoted', False], ['escalation_risk', 'escalate', 'quoted', False]]
    >>> c = an.from_texts({"a": "The Environmental Protection Agency acted."})
    >>> frames(c).empty, frames(c, every_hit=True).sense.tolist()
    (True, ['part of a proper name'])
    """
    if lexicon is None and quotes is None:
        return _shipped_frames(corpus, every_hit=every_hit)
    return _frames_table(corpus, _compile(lexicon), quotes, every_hit)


@memoized
def _shipped_frames(corpus: Corpus, *, every_hit: bool = False) -> pd.DataFrame:
    return _frames_table(corpus, _compile(None), None, every_hit)


def _frames_table(corpus: Corpus, comp: _Compiled, quotes: pd.DataFrame | None,
                  every_hit: bool = False) -> pd.DataFrame:
    from .quotes import quotes as corpus_quotes

    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected an analysis.Corpus, got {type(corpus).__name__}")
    qspans = _quote_spans(corpus_quotes(corpus) if quotes is None else quotes)
    rows = []
    for art in corpus:
        outlet = art.outlet
        for h in frames_of(art, qspans.get(art.article_id, ()), comp, every_hit=every_hit):
            rows.append((h[0], outlet) + h[1:])
    if not rows:
        return _empty_hits()
    out = pd.DataFrame(rows, columns=HIT_COLUMNS)
    out["speaker"] = out["speaker"].astype(object).where(out["speaker"].notna(), None)
    out["speaker_type"] = out["speaker_type"].astype(object).where(out["speaker_type"].notna(), None)
    return out


def frame_scores(corpus: Corpus, lexicon=None, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frame rates per article, split by voice: one row per article x frame x voice.

    Columns: ``article_id, outlet, frame, voice`` (``outlet``: the outlet's own words;
    ``quoted``: inside direct quotes), ``hits``, ``negated`` (hits that are negated, counted
    in ``hits`` too), ``n_words`` (body words of the article) and ``rate_per_1000`` = hits per
    1,000 body words.  Both voices share the article's word count as denominator, so the two
    rates of an article add up to its overall rate.  Every article x frame x voice appears,
    with zeros where nothing matched; an article without body words has rate NaN.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "A limited step. Only a modest one, " + "word " * 13})
    >>> s = frame_scores(c)
    >>> s[(s.frame == "magnitude_smaller")][["voice", "hits", "n_words", "rate_per_1000"]].values.tolist()
    [['outlet', 3, 20, 150.0], ['quoted', 0, 20, 0.0]]
    """
    comp = _compile(lexicon)
    hits = frames(corpus, lexicon, quotes=quotes)
    counts = hits.groupby(["article_id", "frame", "voice"]).agg(
        hits=("frame", "size"), negated=("negated", "sum"))
    index = pd.MultiIndex.from_product([corpus.ids, list(comp.frames), list(VOICES)],
                                       names=["article_id", "frame", "voice"])
    out = counts.reindex(index, fill_value=0).reset_index()
    out["hits"] = out["hits"].astype(int)
    out["negated"] = out["negated"].astype(int)
    n_words = corpus.articles["n_words"].astype(int)
    out.insert(1, "outlet", out["article_id"].map(corpus.outlet_of()))
    out["n_words"] = out["article_id"].map(n_words).astype(int)
    per = out["n_words"].where(out["n_words"] > 0)
    out["rate_per_1000"] = (1000 * out["hits"] / per).round(2)
    return out


# --------------------------------------------------------------------------- characterizations

def characterizations(
    corpus: Corpus,
    lexicon=None,
    *,
    quotes: pd.DataFrame | None = None,
    event_terms: Iterable[str] | None = None,
    bigger: str = "magnitude_bigger",
    smaller: str = "magnitude_smaller",
) -> pd.DataFrame:
    """Sentences that size up the event itself, with the direction they push and why.

    A body sentence is a characterization when it holds an in-sense hit of the ``bigger`` or
    ``smaller`` frame that is about the event the article reports; the rules
    (:mod:`analysis.sizing`) decide what the size word modifies and whether that is the
    event: an event noun after it ("a *historic* victory"), the subject of a linking verb
    ("The plan is a *centerpiece*", "This was a *breathtaking* result"), the clause it is in
    apposition to, the main clause of the lede, or "it/this" referring back.  A size word in
    a subordinate clause ("after Russia began a *major* offensive") or on a noun that is not
    the event ("a *narrow* group of aides") does not count.

    A negated hit counts for the other side ("not a major shift" is smaller); "not the first
    time" (a pattern of other events) does not count.  ``direction`` is ``bigger``,
    ``smaller`` or ``both``: the two sides are reported, never netted.  Columns:
    ``article_id, outlet, sentence_id, para_id, start, end`` (of the sentence), ``sentence``,
    ``direction``, ``words`` (the hits that carry it, "; "-separated, negated ones marked
    "not: ..."), ``bigger_words``, ``smaller_words``, ``voice`` (``outlet``; ``quoted``:
    inside a direct quote; ``attributed``: in a statement the article attributes to a
    source, "..., officials said"; or ``mixed``), ``speaker`` (of quoted or attributed
    hits), ``position`` (``lede``, ``first third``, ``later``), ``rel_position`` (0..1),
    ``reason`` (why its hits count).  ``event_terms`` replaces the general event nouns
    :data:`analysis.sizing.CORE_EVENT_NOUNS` (the article's own event nouns are found from
    its title and first sentences either way).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The council met on Monday. The decision marks a major shift. "
    ...                         "It came after a major offensive. The move is not limited."})
    >>> characterizations(c)[["sentence_id", "direction", "words", "reason"]].values.tolist()
    [[1, 'bigger', 'major', 'modifies the event: shift'], [3, 'bigger', 'not: limited', 'says what the event is: move']]
    """
    if lexicon is None and quotes is None:
        return _shipped_characterizations(corpus, event_terms=event_terms, bigger=bigger, smaller=smaller)
    return _characterizations(corpus, lexicon, quotes, event_terms, bigger, smaller)


@memoized
def _shipped_characterizations(corpus: Corpus, *, event_terms=None, bigger: str = "magnitude_bigger",
                               smaller: str = "magnitude_smaller") -> pd.DataFrame:
    return _characterizations(corpus, None, None, event_terms, bigger, smaller)


def size_words(
    corpus: Corpus,
    lexicon=None,
    *,
    quotes: pd.DataFrame | None = None,
    event_terms: Iterable[str] | None = None,
    bigger: str = "magnitude_bigger",
    smaller: str = "magnitude_smaller",
) -> pd.DataFrame:
    """Every size word (hit of the ``bigger`` or ``smaller`` frame) and whether it sizes up
    the event, with the reason: what :func:`characterizations` counted, and what it left out.

    One row per hit: ``article_id, outlet, sentence_id, start, end, frame, match, negated``,
    ``counts`` (it sizes the event), ``direction`` (``bigger``/``smaller`` as counted, a
    negated word for the other side; None when it does not count), ``reason`` ("modifies the
    event: victory", "in a subordinate clause", "about the subject of its clause", ...),
    ``voice`` (``outlet``, ``quoted``, ``attributed``), ``speaker``, ``rel_position``.
    Arguments as for :func:`characterizations`.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The decision is not limited. It came after a major offensive."})
    >>> size_words(c)[["match", "counts", "direction", "reason"]].values.tolist()
    [['limited', True, 'bigger', 'says what the event is: decision'], ['major', False, None, 'in a subordinate clause']]
    """
    if lexicon is None and quotes is None:
        return _shipped_size_words(corpus, event_terms=event_terms, bigger=bigger, smaller=smaller)
    return _size_words(corpus, lexicon, quotes, event_terms, bigger, smaller)


@memoized
def _shipped_size_words(corpus: Corpus, *, event_terms=None, bigger: str = "magnitude_bigger",
                        smaller: str = "magnitude_smaller") -> pd.DataFrame:
    return _size_words(corpus, None, None, event_terms, bigger, smaller)


def _size_words(corpus: Corpus, lexicon, quotes, event_terms, bigger: str, smaller: str) -> pd.DataFrame:
    comp = _compile(lexicon)
    if bigger not in comp.frames and smaller not in comp.frames:
        raise ValueError(f"the lexicon has neither frame {bigger!r} nor {smaller!r} (it has "
                         f"{list(comp.frames)}); name its size frames with bigger= and smaller=")
    if event_terms is not None and isinstance(event_terms, str):
        raise TypeError("event_terms is a list of words or phrases, not one string")
    hits = frames(corpus, lexicon, quotes=quotes)
    hits = hits[hits["frame"].isin([bigger, smaller])]
    rows: list[dict] = []
    if not hits.empty:
        indirect = _indirect_attributions(corpus)
        by_article = {aid: list(g.itertuples(index=False)) for aid, g in hits.groupby("article_id", sort=False)}
        for art in corpus:
            got = by_article.get(art.article_id)
            if got:
                rows.extend(size_words_of(art, got, indirect.get(art.article_id, {}), bigger=bigger,
                                          core_terms=event_terms))
    out = pd.DataFrame(rows, columns=SIZE_WORD_COLUMNS)
    for col in ("direction", "speaker"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out.astype({"counts": bool, "negated": bool}) if len(out) else out


def _characterizations(corpus: Corpus, lexicon, quotes, event_terms, bigger: str, smaller: str) -> pd.DataFrame:
    words = size_words(corpus, lexicon, quotes=quotes, event_terms=event_terms, bigger=bigger, smaller=smaller)
    rows: list[dict] = []
    if len(words):
        by_article = {aid: g.to_dict("records") for aid, g in words.groupby("article_id", sort=False)}
        for art in corpus:
            if art.article_id in by_article:
                rows.extend(characterizations_of(art, by_article[art.article_id]))
    out = pd.DataFrame(rows, columns=CHAR_COLUMNS)
    out["speaker"] = out["speaker"].astype(object).where(out["speaker"].notna(), None)
    return out.reset_index(drop=True)


# A cue followed by a preposition of motion is a movement ("slammed into", "ripped through"),
# not a verb of saying: the words around it are nobody's statement.
_MOTION_AFTER = re.compile(r"\s+(?:into|onto|through|across|toward|towards|past|ashore)\b", re.IGNORECASE)


def _indirect_attributions(corpus: Corpus) -> dict[str, dict[int, list[tuple]]]:
    """Per article and sentence: ``(start, end, cue_start, cue_end, cue, source)`` of the
    attributions that are not the speakers of direct quotes (the voice of indirect speech)."""
    from .attribution import attributions

    table = attributions(corpus)
    out: dict[str, dict[int, list[tuple]]] = {}
    table = table[~table["direct"].astype(bool)]
    for aid, sid, a, b, ca, cb, cue, src, name in zip(
            table["article_id"], table["sent_id"], table["start"], table["end"], table["cue_start"],
            table["cue_end"], table["cue"], table["source"], table["source_name"]):
        who = name if isinstance(name, str) and name else src
        if _MOTION_AFTER.match(corpus.article(aid).text, int(cb)):
            continue  # "Hurricane Ian slammed into Florida": a motion, not speech
        out.setdefault(aid, {}).setdefault(int(sid), []).append(
            (int(a), int(b), int(ca), int(cb), str(cue or ""), str(who)))
    for by_sentence in out.values():
        for rows in by_sentence.values():
            rows.sort(key=lambda r: min(r[0], r[2]))
    return out


# ---------------------------------------------------------------------------------------------
# Tables for notebook 05: what the lexicon holds, whose voice each frame is in, how each outlet
# sizes the event (bigger and smaller side by side, never netted), where the first word of a
# frame stands, a frame's words in context, and negated hits.

__all__ += ["lexicon_summary", "frame_voices", "top_frames", "sizing_by_outlet", "first_hits",
            "frame_in_context", "negated_hits"]


def lexicon_summary(lexicon=None, examples: int = 8) -> pd.DataFrame:
    """One row per frame of a lexicon: how many patterns, how many are regular expressions,
    and the first ``examples`` plain patterns.

    >>> lexicon_summary(pd.DataFrame({"frame": ["risk", "risk"], "pattern": ["escalat*", "war"]}))
    ... # doctest: +NORMALIZE_WHITESPACE
      frame  patterns  regexes   examples
    0  risk         2        0  escalat*, war
    """
    lex = load_lexicon(lexicon)
    plain = lex[lex["kind"] != "regex"]
    out = lex.groupby("frame", sort=False).agg(patterns=("pattern", "size"),
                                               regexes=("kind", lambda k: int((k == "regex").sum())))
    out["examples"] = plain.groupby("frame", sort=False)["pattern"].agg(lambda p: ", ".join(p.head(examples)))
    out["examples"] = out["examples"].fillna("")
    return out.reset_index()


@memoized
def frame_voices(corpus: Corpus) -> pd.DataFrame:
    """Per frame: hits in the outlets' own words, hits inside direct quotes, and the share quoted;
    the frame with the most hits first.  Frames without any hit are left out.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "It is a limited step. “It is a limited step,” Ann Lee said."})
    >>> frame_voices(c).values.tolist()
    [['magnitude_smaller', 1, 1, 0.5]]
    """
    hits = frames(corpus)
    quoted = hits["voice"] != "outlet"
    out = pd.DataFrame({"own": (~quoted).groupby(hits["frame"], sort=False).sum(),
                        "quoted": quoted.groupby(hits["frame"], sort=False).sum()})
    out = out.astype("int64")
    out["share_quoted"] = out["quoted"] / (out["own"] + out["quoted"])
    out = out.rename_axis("frame").reset_index()
    total = out["own"] + out["quoted"]
    return out.loc[total.sort_values(ascending=False, kind="stable").index].reset_index(drop=True)


@memoized
def top_frames(corpus: Corpus) -> pd.DataFrame:
    """Each article's most frequent frame in its own words (ties: all of them, ";"-separated),
    with the rate per 1,000 body words; ``frame`` is None for an article with no own-voice hit.

    >>> import analysis as an
    >>> top_frames(an.from_texts({"a": "A limited step.", "b": "The cat sat."})).values.tolist()
    [['a', 'a', 'magnitude_smaller', 333.33], ['b', 'b', None, 0.0]]
    """
    scores = frame_scores(corpus)
    own = scores[scores["voice"] == "outlet"]
    rows = []
    for aid, group in own.groupby("article_id", sort=False):
        best = float(group["rate_per_1000"].max()) if len(group) else 0.0
        names = group.loc[group["rate_per_1000"] == best, "frame"].tolist() if best > 0 else []
        rows.append({"article_id": aid, "outlet": group["outlet"].iloc[0],
                     "frame": "; ".join(names) if names else None, "rate_per_1000": round(best, 2)})
    out = pd.DataFrame(rows, columns=["article_id", "outlet", "frame", "rate_per_1000"])
    out["frame"] = out["frame"].astype(object).where(out["frame"].notna(), None)
    return out


SIZING_COLUMNS = ["outlet", "articles", "sentences", "in_lede", "own_bigger", "own_smaller",
                  "source_bigger", "source_smaller", "bigger_words", "smaller_words"]


def _sizing_words(rows: pd.DataFrame, side: str) -> str:
    words = []
    for ws, voice, speaker in zip(rows[side], rows["voice"], rows["speaker"]):
        for w in str(ws or "").split("; "):
            if w:
                words.append(w if voice == "outlet" else f"{w} ({speaker or 'a source'})")
    return "; ".join(dict.fromkeys(words))


def sizing_by_outlet(corpus: Corpus, characterizations_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """How each outlet sizes the event: bigger and smaller side by side, never netted.

    One row per outlet with any sentence that sizes the event, in corpus order: ``articles``,
    ``sentences`` (that size it), ``in_lede``; ``own_bigger`` / ``own_smaller``: sentences
    in the outlet's own voice with a bigger / smaller word (a sentence with both counts on both
    sides); ``source_bigger`` / ``source_smaller``: the same inside quotes or attributed to a
    source; ``bigger_words`` / ``smaller_words``: the words, with the speaker in brackets when
    a source says them.  Pass ``characterizations_table`` to reuse one.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The decision is a major shift. “The decision is limited,” Ann Lee said."})
    >>> sizing_by_outlet(c)[["own_bigger", "own_smaller", "source_smaller", "smaller_words"]].values.tolist()
    [[1, 0, 1, 'limited (Ann Lee)']]
    """
    chars = characterizations(corpus) if characterizations_table is None else characterizations_table
    rows = []
    articles = corpus.articles.groupby(corpus.outlet_of(), sort=False).size()
    for outlet, group in chars.groupby("outlet", sort=False):
        own = group["voice"] == "outlet"
        up = group["bigger_words"].fillna("").astype(str).str.len() > 0
        down = group["smaller_words"].fillna("").astype(str).str.len() > 0
        rows.append({"outlet": outlet, "articles": int(articles.get(outlet, 0)), "sentences": len(group),
                     "in_lede": int((group["position"] == "lede").sum()),
                     "own_bigger": int((own & up).sum()), "own_smaller": int((own & down).sum()),
                     "source_bigger": int((~own & up).sum()), "source_smaller": int((~own & down).sum()),
                     "bigger_words": _sizing_words(group, "bigger_words"),
                     "smaller_words": _sizing_words(group, "smaller_words")})
    order = {o: i for i, o in enumerate(dict.fromkeys(corpus.outlet_of()))}
    out = pd.DataFrame(rows, columns=SIZING_COLUMNS)
    return out.sort_values("outlet", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


FIRST_HIT_COLUMNS = ["article_id", "outlet", "found", "match", "rel_position", "voice", "speaker"]


def first_hits(corpus: Corpus, frame: str = "magnitude_smaller") -> pd.DataFrame:
    """The first word of ``frame`` in each article: one row per article, in corpus order.

    ``found`` is False (and the other columns missing) where the lexicon finds none: a
    lexicon finds only what it lists, so "not found" is not "not there".

    >>> import analysis as an
    >>> c = an.from_texts({"a": "A limited step was taken.", "b": "The cat sat."})
    >>> first_hits(c)[["article_id", "found", "match"]].values.tolist()
    [['a', True, 'limited'], ['b', False, None]]
    """
    hits = frames(corpus)
    hits = hits[hits["frame"] == frame].sort_values(["article_id", "start"], kind="stable")
    first = hits.groupby("article_id", sort=False).first()
    outlets = corpus.outlet_of()
    rows = []
    for aid in corpus.ids:
        if aid in first.index:
            h = first.loc[aid]
            rows.append({"article_id": aid, "outlet": outlets[aid], "found": True, "match": h["match"],
                         "rel_position": float(h["rel_position"]), "voice": h["voice"],
                         "speaker": h["speaker"] if isinstance(h["speaker"], str) else None})
        else:
            rows.append({"article_id": aid, "outlet": outlets[aid], "found": False, "match": None,
                         "rel_position": float("nan"), "voice": None, "speaker": None})
    out = pd.DataFrame(rows, columns=FIRST_HIT_COLUMNS)
    for col in ("match", "voice", "speaker"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out


def frame_in_context(corpus: Corpus, frame: str, width: int = 50) -> pd.DataFrame:
    """Every hit of one frame with the words around it: ``article_id, outlet, left, match,
    right, voice, speaker, negated, start, end``.  Empty when the frame has no hit.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The risk of escalation is real, officials said."})
    >>> frame_in_context(c, "escalation_risk", width=8)[["left", "match", "right"]].values.tolist()
    [['risk of ', 'escalation', ' is real']]
    """
    from .wording import keyword_in_context

    columns = ["article_id", "outlet", "left", "match", "right", "voice", "speaker", "negated", "start", "end"]
    hits = frames(corpus)
    hits = hits[hits["frame"] == frame]
    if hits.empty:
        return pd.DataFrame(columns=columns)
    pattern = "|".join(sorted({re.escape(m) for m in hits["match"]}, key=len, reverse=True))
    kwic = keyword_in_context(corpus, pattern, regex=True, width=width)
    out = kwic.merge(hits[["article_id", "start", "voice", "speaker", "negated"]], on=["article_id", "start"])
    out["speaker"] = out["speaker"].astype(object).where(out["speaker"].notna(), None)
    return out[columns].reset_index(drop=True)


def negated_hits(corpus: Corpus) -> pd.DataFrame:
    """Frame hits under a negation ("has not changed"), with their sentence: ``article_id,
    outlet, frame, match, voice, sentence_id, sentence``.

    >>> import analysis as an
    >>> negated_hits(an.from_texts({"a": "The policy has not changed."}))[["frame", "match"]].values.tolist()
    [['change', 'changed']]
    """
    hits = frames(corpus)
    hits = hits[hits["negated"]]
    sents = corpus.sentences[["article_id", "sent_id", "text"]].rename(
        columns={"sent_id": "sentence_id", "text": "sentence"})
    out = hits.merge(sents, on=["article_id", "sentence_id"], how="left")
    return out[["article_id", "outlet", "frame", "match", "voice", "sentence_id", "sentence"]].reset_index(drop=True)
