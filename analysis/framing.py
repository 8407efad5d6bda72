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
that finds, in a single pass, the few word starts where a frame may hit: the frame regexes
run only there, with the same results as a search of the whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from .corpus import Corpus, memoized
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
            rx = re.compile(_pattern_regex(pattern, kind), re.IGNORECASE)
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
    """A lexicon compiled to one regex per frame; ``terms[frame][group]`` is the pattern.

    ``scan`` finds, in one pass, the word starts where a frame *may* hit (a superset, see
    :func:`_build_scan`); ``scan_frames`` maps the prefix it saw to the frames worth trying
    there, and ``scanned`` lists the frames it covers.  Frames with a pattern whose start
    cannot be read as a literal prefix are listed in ``full`` and searched the slow way.
    ``scan_lower`` is the same scan for the lower-cased text (see :func:`_lowered`).
    ``alternatives[frame]`` are the parts of the frame's regex, ``(part, group, n_groups)``,
    and ``prefixes[frame]`` their scan prefixes, from which :func:`_key_matchers` builds
    (once per prefix, kept in ``by_key``) regexes with only the parts that may match there.
    """

    frames: tuple[str, ...]
    regexes: tuple[re.Pattern, ...]
    terms: tuple[dict, ...]
    scan: tuple[re.Pattern, re.Pattern] | None = None
    scan_frames: dict | None = None
    scanned: tuple[int, ...] = ()
    full: tuple[int, ...] = ()
    scan_lower: tuple[re.Pattern, re.Pattern, re.Pattern] | None = None
    alternatives: tuple[tuple[tuple[str, int, int], ...], ...] = ()
    prefixes: tuple[tuple[frozenset[str], ...] | None, ...] = ()
    by_key: dict = field(default_factory=dict, compare=False, repr=False)


@lru_cache(maxsize=16)
def _compile_rows(rows: tuple[tuple[str, str, str], ...]) -> _Compiled:
    by_frame: dict[str, list[tuple[str, str]]] = {}
    for frame, pattern, kind in rows:
        by_frame.setdefault(frame, []).append((pattern, kind))
    names, regexes, terms, bodies, alternatives = [], [], [], [], []
    for frame, pats in by_frame.items():
        # At one start position the first alternative that matches wins, so try the longer
        # patterns first: "in a limited capacity" before "limited".
        pats = sorted(pats, key=lambda pk: (-len(pk[0].split()), -len(pk[0])))
        parts, group_term, group, firsts, alts = [], {}, 1, set(), []
        for pattern, kind in pats:
            body = _pattern_regex(pattern, kind)
            parts.append(f"((?:{body}){_RIGHT})")
            group_term[group] = pattern
            n_groups = 1 + re.compile(body, re.IGNORECASE).groups
            alts.append((parts[-1], group, n_groups))
            group += n_groups
            chars = _first_chars(body) if firsts is not None else None
            firsts = None if chars is None else firsts | chars
        # The lookahead finds a candidate at every start position, overlapping ones included
        # (overlaps are resolved afterwards: longest wins).  The left word edge and the set
        # of possible first letters stand outside it, so most positions fail at once.
        pre = f"(?=[{''.join(re.escape(c) for c in sorted(firsts))}])" if firsts else ""
        regexes.append(re.compile(f"{_LEFT}{pre}(?=(?:{'|'.join(parts)}))", re.IGNORECASE))
        names.append(frame)
        terms.append(group_term)
        bodies.append([_pattern_regex(p, k) for p, k in pats])
        alternatives.append(tuple(alts))
    scan, scan_frames, scanned, full, scan_lower, prefixes = _build_scan(bodies)
    return _Compiled(tuple(names), tuple(regexes), tuple(terms), scan, scan_frames, scanned, full,
                     scan_lower, tuple(alternatives), prefixes)


# --------------------------------------------------------------------------- prefilter
#
# Running nine frame regexes over every character of an article is what made framing slow.
# Instead one scan finds the word starts where some pattern's literal beginning stands
# ("escalat" for escalat*, "in a limited" for "in a limited capacity"), and only there are the
# frame regexes tried, with the same pos/endpos as a full search: the hits are the same.
#
# Why the scan never misses a hit: every frame regex starts with _LEFT (no word character
# before), so a hit starts at a word edge, and a pattern that matches at p has one of its
# prefixes at p.  Prefixes are sequences of tokens: an ASCII letter, digit or _ (matched
# case-insensitively by ``re`` exactly as in the pattern), a run of white space (``\s+``), or
# a hyphen ([-‐‑]).  These three never match the same character, so at one position the text
# follows at most one path through the prefix trie and any two prefixes found there are
# prefixes of one another: the scan reports the deepest, and ``scan_frames`` holds, for each
# prefix, the frames of all its own prefixes.  A pattern whose start cannot be read this way
# (a user regex opening on a character class, say) sends its frame back to a full search.

_SCAN_WS, _SCAN_HY = " ", "-"
_SCAN_HYPHENS = frozenset("-‐‑")
_SCAN_LIMIT = 64  # prefixes per pattern before the expansion stops early (still a superset)
_SCAN_DEPTH = 32  # tokens per prefix
# Characters ``re`` matches to an ASCII letter under IGNORECASE besides its two cases, and
# the other hyphens, mapped to the key the trie was built with.
_SCAN_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k", "‐": "-", "‑": "-"})
_INITIALS = "tsaicpbwmfhdrelognuvkyjqz"  # English word-initial letters, most frequent first
_WS_RUN = re.compile(r"\s+")


def _prefixes(body: str) -> set[str] | None:
    """Token prefixes (see above) one of which stands wherever ``body`` matches, or None.

    A prefix is a string: letters/digits/_ in lower case, " " for a white-space run, "-" for
    a hyphen.  Stopping early is always allowed (a shorter prefix is a weaker filter).
    """
    try:
        import re._constants as C  # noqa: N812  (CPython 3.11+)
        import re._parser as P  # noqa: N812
    except ImportError:  # pragma: no cover - older or other Pythons: no prefilter
        return None
    try:
        items = list(P.parse(body, re.IGNORECASE))
    except Exception:  # noqa: BLE001 - a prefilter must never break matching
        return None
    out: set[str] = set()

    def is_ws(av) -> bool:
        lo, hi, sub = av
        sub = list(sub)
        return (lo == 1 and hi == C.MAXREPEAT and len(sub) == 1 and sub[0][0] is C.IN
                and list(sub[0][1]) == [(C.CATEGORY, C.CATEGORY_SPACE)])

    def walk(seq: list, acc: str) -> None:
        if len(out) > _SCAN_LIMIT:
            out.add(acc)
            return
        for i, (op, av) in enumerate(seq):
            rest = seq[i + 1:]
            if len(acc) >= _SCAN_DEPTH:
                break
            if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
                continue  # zero-width: skipping it only widens the filter
            if op is C.LITERAL:
                ch = chr(av)
                if ch.isascii() and (ch.isalnum() or ch == "_"):
                    acc += ch.lower()
                    continue
                break
            if op is C.SUBPATTERN:
                walk(list(av[-1]) + rest, acc)
                return
            if op is C.BRANCH:
                for branch in av[1]:
                    walk(list(branch) + rest, acc)
                return
            if op is C.IN:
                lits = [a for o, a in av if o is C.LITERAL]
                if len(lits) != len(av) or not lits:
                    break
                chars = {chr(a) for a in lits}
                if acc and chars <= _SCAN_HYPHENS:
                    acc += _SCAN_HY
                    continue
                if all(c.isascii() and (c.isalnum() or c == "_") for c in chars):
                    for c in sorted({c.lower() for c in chars}):
                        walk(rest, acc + c)
                    return
                break
            if op in (C.MAX_REPEAT, C.MIN_REPEAT):
                if acc and is_ws(av):
                    acc += _SCAN_WS
                    continue
                lo, hi, sub = av
                if lo == 0 and hi == 1:
                    walk(list(sub) + rest, acc)
                    walk(rest, acc)
                    return
                break
            break
        out.add(acc)

    walk(items, "")
    cleaned = set()
    for pre in out:
        pre = pre.rstrip(_SCAN_WS + _SCAN_HY)
        # the first token must be a word character, so the hit starts at a \b
        if not pre or not (pre[0].isalnum() or pre[0] == "_"):
            return None
        cleaned.add(pre)
    return cleaned


def _trie_regex(prefixes: Iterable[str], lowered: bool = False) -> str:
    """One regex for all prefixes, as a trie: at each step only one branch can go on.

    ``lowered``: for a text already lower-cased by :func:`_lowered`, with plain lower-case
    letters and no IGNORECASE, which ``re`` compares about twice as fast.
    """
    trie: dict = {}
    for pre in prefixes:
        node = trie
        for tok in pre:
            node = node.setdefault(tok, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        for tok in sorted(k for k in node if k):
            head = r"\s+" if tok == _SCAN_WS else "[-‐‑]" if tok == _SCAN_HY else re.escape(tok)
            alts.append(head + emit(node[tok]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        # children first: the deepest prefix along the text's path is the one reported
        return f"(?:{body})?" if "" in node else body

    # common word-initial letters first: fewer branches tried (the order changes nothing else)
    initials = sorted(trie, key=lambda t: (_INITIALS.find(t) % 99, t))
    if lowered:
        return f"(?:{'|'.join(re.escape(tok) + emit(trie[tok]) for tok in initials)})"
    # The first letter is spelled out in both cases without the IGNORECASE flag, so that
    # ``re`` skips a branch on one comparison; the rest is case-insensitive.  A first
    # character outside ASCII (one that ``re`` may still equate with a letter: K, ſ, ı, İ)
    # goes to a fully case-insensitive copy, so nothing is lost.
    first = []
    for tok in initials:
        rest = emit(trie[tok])
        rest = f"(?i:{rest})" if rest else ""
        for ch in dict.fromkeys((tok, tok.upper())):
            first.append(re.escape(ch) + rest)
    first.append(rf"(?=[^\x00-\x7f])(?i:{emit(trie)})")
    # a one-step test of the first character spares the branches at most word edges
    chars = "".join(re.escape(c) for c in sorted({c for t in trie for c in (t, t.upper())}))
    return rf"(?=[{chars}\x80-\U0010ffff])(?:{'|'.join(first)})"


def _build_scan(bodies: list[list[str]]):
    """The prefilter for frames whose pattern bodies are ``bodies[i]`` (see above)."""
    by_prefix: dict[str, set[int]] = {}
    scanned, full, prefixes = [], [], []
    for fi, frame_bodies in enumerate(bodies):
        got = [_prefixes(b) for b in frame_bodies]
        if any(g is None for g in got):
            full.append(fi)
            prefixes.append(None)
            continue
        scanned.append(fi)
        prefixes.append(tuple(frozenset(g) for g in got))
        for g in got:
            for pre in g:
                by_prefix.setdefault(pre, set()).add(fi)
    if not by_prefix:
        return None, {}, (), tuple(full), None, tuple(prefixes)
    frames_of = {}
    for pre in by_prefix:
        hit: set[int] = set()
        for n in range(1, len(pre) + 1):
            hit |= by_prefix.get(pre[:n], set())
        frames_of[pre] = tuple(sorted(hit))
    # The scan opens on a non-word character (the one before the word), a character set that
    # ``re`` can skip to without trying a match at every position; a word at the very start
    # of the text has no such character and is looked at with the anchored form.
    head = f"(?=({_trie_regex(by_prefix)}))"
    scan = re.compile(rf"\W{head}"), re.compile(head)
    # On lower-cased text (case-sensitive): it reports the same positions and keys (see
    # _lowered).  It opens on any character but a lower-case ASCII letter, digit or _, a
    # superset of the non-word characters there that ``re`` tests faster than \W; an extra
    # position (after a non-ASCII letter) only costs a frame regex that fails on _LEFT.
    # Those openers are split in two scans, as ``re`` tries a literal (the space before most
    # words) faster than a character set; their positions together are the same.
    head_lower = f"(?=({_trie_regex(by_prefix, lowered=True)}))"
    scan_lower = (re.compile(f" {head_lower}"), re.compile(rf"[^a-z0-9_ ]{head_lower}"),
                  re.compile(head_lower))
    return scan, frames_of, tuple(scanned), tuple(full), scan_lower, tuple(prefixes)


def _key_matchers(comp: _Compiled, key: str) -> tuple[tuple[int, re.Pattern, dict[int, int]], ...]:
    """For a scan prefix ``key``: ``(frame, regex, groups)`` for each frame worth trying.

    ``regex`` is the frame's regex with only the parts (patterns) that have a prefix of
    ``key`` among their own prefixes, in the same order; ``groups`` maps its groups back to
    the frame regex's.  A pattern that matches where the scan saw ``key`` has one of its
    prefixes there, and every prefix standing there is a prefix of ``key`` (see the notes on
    the prefilter), so no pattern that can match is left out: the first part that matches
    is the one the full frame regex would pick, with the same span.  Built once per key.
    """
    got = comp.by_key.get(key)
    if got is None:
        out = []
        for fi in comp.scan_frames[key]:
            parts = [alt for alt, pres in zip(comp.alternatives[fi], comp.prefixes[fi])
                     if any(key.startswith(pre) for pre in pres)]
            rx = re.compile(f"{_LEFT}(?=(?:{'|'.join(part for part, _g, _n in parts)}))", re.IGNORECASE)
            groups, new = {}, 1
            for _part, group, n_groups in parts:
                groups[new] = group
                new += n_groups
            out.append((fi, rx, groups))
        got = comp.by_key[key] = tuple(out)
    return got


def _lowered(text: str) -> str | None:
    """``text.lower()`` when, for the scan and the negation pre-check, matching it case-
    sensitively with lower-case patterns finds what IGNORECASE finds in ``text``; else None.

    Those patterns are made of ASCII letters, digits and _ (lower case), white space, hyphens,
    apostrophes and word/non-word tests.  ``str.lower`` changes none of the latter (checked
    for every code point: it keeps white space white, word characters word characters, and
    makes no hyphen or apostrophe), and turns every character that ``re`` equates with an
    ASCII letter into that letter, except ı and ſ (lower case already, equated with i and s)
    and İ (lower-cased to two characters).  With neither of those, and so an equal length,
    the lower-cased text is the original character by character, offsets included.
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text:
        return None
    return low


def _first_chars(body: str) -> set[str] | None:
    """The characters a regex can start with, both cases, or None when unknown.

    Only a speed-up (a prefilter), so anything unusual returns None and is not filtered.
    """
    try:
        import re._constants as C  # noqa: N812  (CPython 3.11+)
        import re._parser as P  # noqa: N812
    except ImportError:  # pragma: no cover - older or other Pythons: no prefilter
        return None

    def first(items) -> set[str] | None:
        for op, av in items:
            if op in (C.ASSERT_NOT, C.ASSERT, C.AT):
                continue  # zero-width: the next item decides
            if op is C.LITERAL:
                ch = chr(av)
                return {ch.lower(), ch.upper()}
            if op is C.SUBPATTERN:
                return first(av[-1])
            if op is C.BRANCH:
                out: set[str] = set()
                for branch in av[1]:
                    got = first(branch)
                    if got is None:
                        return None
                    out |= got
                return out
            if op is C.IN:
                out = set()
                for o, a in av:
                    if o is not C.LITERAL:
                        return None
                    out |= {chr(a).lower(), chr(a).upper()}
                return out
            return None
        return None

    try:
        return first(list(P.parse(body, re.IGNORECASE)))
    except Exception:  # noqa: BLE001 - a prefilter must never break matching
        return None


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


# --------------------------------------------------------------------------- per article

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
    """_NEG_AT and _NEG_IN in one, for the window cut out of lower-cased text (see _lowered):
    a negation word after a non-token character or at the start, or a token ending in n't.

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


_START_END = itemgetter(0, 1)
_NO_PARA = object()  # equal to no paragraph id
_START_FRAME = itemgetter(4, 1)


def _frames_for_article(
    article_id: str,
    text: str,
    sentences: Sequence[tuple[int, int, int, int]],
    quotes: Sequence[tuple[int, int, object, object]] = (),
    lexicon=None,
) -> list[tuple]:
    """Frame hits of one article, as tuples in ``HIT_COLUMNS`` order (without ``outlet``).

    ``sentences`` are the body sentences as ``(sentence_id, para_id, start, end)`` in text
    order; ``quotes`` are ``(start, end, speaker_name, speaker_type)`` of direct quotes;
    ``lexicon`` is anything :func:`load_lexicon` takes, or an already compiled lexicon.

    >>> hits = _frames_for_article("a", "It is not limited. It may escalate.",
    ...                            [(0, 0, 0, 18), (1, 0, 19, 35)])
    >>> [(h[1], h[3], h[12]) for h in hits]
    [('magnitude_smaller', 'limited', True), ('hedging', 'may', False), ('escalation_risk', 'escalate', False)]
    """
    comp = _compile(lexicon)
    if not sentences:
        return []
    # Body sentences are scanned one paragraph run at a time, so a phrase never spans two
    # paragraphs; relative positions count body characters only.
    runs: list[list[int]] = []
    sent_starts = [t[2] for t in sentences]
    run, prev = [], _NO_PARA
    for _sid, pid, s, e in sentences:
        if pid == prev:
            run[2] = e
        else:
            run, prev = [pid, s, e], pid
            runs.append(run)
    # Sentences come in text order, so runs do too; the fast paths below rely on it (runs
    # that overlap or go backwards take the plain paths, which give the same answers).
    ordered = True
    run_starts, run_before = [], [0]  # body characters before each run
    end = runs[0][1]
    for _p, s, e in runs:
        if s > e or end > s:
            ordered = False
        end = e
        run_starts.append(s)
        run_before.append(run_before[-1] + e - s)
    body_len = run_before[-1] or 1
    q = sorted(quotes, key=_START_END)
    q_starts = [t[0] for t in q]
    q_reach = []  # the furthest quote end so far: no earlier quote reaches past it
    for t in q:
        q_reach.append(t[1] if not q_reach or t[1] > q_reach[-1] else q_reach[-1])

    cands: dict[int, list[tuple[int, int, int]]] = {}
    regexes = comp.regexes
    low = None  # the lower-cased text, when it can stand in for the text (see _lowered)
    if comp.scan is not None and ordered:
        frames_of, scanned, by_key = comp.scan_frames, comp.scanned, comp.by_key
        lo, hi = runs[0][1], runs[-1][2]
        low = _lowered(text) if comp.scan_lower is not None else None
        if low is None:
            *scans, head = comp.scan
            src = text
        else:
            *scans, head = comp.scan_lower
            src = low
        # The order of the candidates does not matter: each frame's are sorted below.
        found = [m for m in (head.match(src, 0, hi),) if m] if lo == 0 else []
        for scan in scans:
            found.extend(scan.finditer(src, max(lo - 1, 0), hi))
        for m in found:
            p = m.start(1)
            e = runs[bisect_right(run_starts, p) - 1][2]
            if p >= e:
                continue  # between paragraph runs
            key = m.group(1)
            low_key = key.lower()
            if low_key not in frames_of:
                low_key = _WS_RUN.sub(_SCAN_WS, key.translate(_SCAN_FOLD).lower())
            if low_key in frames_of:
                for fi, rx, groups in by_key.get(low_key) or _key_matchers(comp, low_key):
                    hit = rx.match(text, p, e)
                    if hit is not None:
                        g = hit.lastindex
                        cands.setdefault(fi, []).append((p, hit.end(g), groups[g]))
            else:  # not a prefix the scan knows (cannot happen; kept as a safe default)
                for fi in scanned:
                    hit = regexes[fi].match(text, p, e)
                    if hit is not None:
                        g = hit.lastindex
                        cands.setdefault(fi, []).append((p, hit.end(g), g))
        slow = comp.full
    else:
        slow = range(len(regexes))
    for fi in slow:
        rx = regexes[fi]
        for _pid, s, e in runs:
            for m in rx.finditer(text, s, e):
                g = m.lastindex
                cands.setdefault(fi, []).append((m.start(), m.end(g), g))

    out = []
    for fi, frame in enumerate(comp.frames):
        found = cands.get(fi)
        if not found:
            continue
        terms = comp.terms[fi]
        kept = _longest_first(found) if len(found) > 1 else found
        for a, b, g in kept:
            i = bisect_right(sent_starts, a) - 1
            sid, pid, ss, se = sentences[i]
            if a >= se:  # between sentences (white space): belongs to none
                continue
            if ordered:
                r = bisect_right(run_starts, a) - 1
                before = run_before[r] + a - runs[r][1] if r >= 0 and a < runs[r][2] else run_before[-1]
            else:
                before = 0
                for _p, rs, re_ in runs:
                    if rs <= a < re_:
                        before += a - rs
                        break
                    before += re_ - rs
            voice, speaker, speaker_type = "outlet", None, None
            # the innermost quote that holds the hit's start (quotes may nest)
            j = bisect_right(q_starts, a) - 1
            while j >= 0 and q_reach[j] > a:
                qs, qe, name, kind = q[j]
                if qs <= a < qe:
                    voice, speaker, speaker_type = "quoted", name, kind
                    break
                j -= 1
            lo = max(ss, a - 80)
            # most hits have no negation word nearby: a quick look saves the clause analysis
            if low is not None:
                # in the window cut out of the lower-cased text, its start is a word edge
                maybe = _NEG_IN_LOWER.search(low[lo:a]) is not None
            else:
                maybe = _NEG_AT.match(text, lo, a) is not None or _NEG_IN.search(text, lo, a) is not None
            negated = maybe and _is_negated(text, ss, a)
            out.append((article_id, frame, terms[g], text[a:b], a, b, sid, pid,
                        round(before / body_len, 4), voice, speaker, speaker_type, negated))
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

def _quote_spans(quotes: pd.DataFrame) -> dict[str, list[tuple]]:
    """Direct-quote spans per article, from a table like :func:`analysis.quotes` gives."""
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"quotes must be a DataFrame like analysis.quotes(corpus) returns, "
                        f"not {type(quotes).__name__}")
    missing = [c for c in ("article_id", "start", "end") if c not in quotes.columns]
    if missing:
        raise ValueError(f"quotes table is missing column(s) {missing}; pass analysis.quotes(corpus)")
    names = quotes["speaker_name"] if "speaker_name" in quotes else pd.Series(None, index=quotes.index)
    kinds = quotes["speaker_type"] if "speaker_type" in quotes else pd.Series(None, index=quotes.index)
    spans: dict[str, list[tuple]] = {}
    for aid, s, e, n, k in zip(quotes["article_id"], quotes["start"], quotes["end"], names, kinds):
        spans.setdefault(str(aid), []).append((int(s), int(e), _value(n), _value(k)))
    return spans


def _value(v) -> str | None:
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) or v == "" else str(v)


def quote_spans_of(quote_rows: Iterable[dict]) -> list[tuple]:
    """``(start, end, speaker_name, speaker_type)`` of quote rows (from :func:`analysis.quotes.quotes_of`)."""
    return [(q["start"], q["end"], _value(q.get("speaker_name")), _value(q.get("speaker_type")))
            for q in quote_rows]


def frames_of(article, quote_spans: Sequence[tuple] = (), lexicon=None, *, every_hit: bool = False) -> list[tuple]:
    """Frame hits of one :class:`analysis.corpus.Article`, as tuples in ``HIT_COLUMNS`` order
    (without ``outlet``); ``quote_spans`` as :func:`quote_spans_of` gives them.

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
    body = [(s.sent_id, s.para_id, s.start, s.end) for s in article.sentences if s.kind == "body"]
    hits = _frames_for_article(article.article_id, article.text, body, quote_spans, lexicon)
    return with_senses(article.text, body, hits, every_hit=every_hit)


def with_senses(text: str, sentences: Sequence[tuple[int, int, int, int]], hits: list[tuple], *,
                every_hit: bool = False) -> list[tuple]:
    """``hits`` (from the matcher) with the sense layer applied: a ``sense`` field appended
    (why a hit is not in its frame's sense, else ""), ``negated`` set by the negation's
    scope, and out-of-sense hits dropped unless ``every_hit``.

    >>> hits = _frames_for_article("a", "It is not only a shift.", [(0, 0, 0, 23)])
    >>> [(h[3], h[12], h[13]) for h in with_senses("It is not only a shift.", [(0, 0, 0, 23)], hits)]
    [('shift', False, '')]
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
