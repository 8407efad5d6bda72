"""The framing prefilter: one scan that finds where a frame of the lexicon may hit.

Running every frame's regex over every character of an article is what made framing slow.
Instead one scan finds the word starts where some pattern's literal beginning stands
("escalat" for ``escalat*``, "in a limited" for "in a limited capacity"), and only there are
the frame regexes tried, each with only the patterns that can match there and with the same
``pos``/``endpos`` as a full search, so the hits are the same.
:func:`analysis.framing._frames_for_article` uses it; :func:`analysis.framing.reference_hits`
is the plain path it must agree with (each pattern's own regex over each paragraph), and
``tests/test_framing.py`` compares the two on random and hostile texts, with the shipped
lexicon and with random lexicons.

The literal beginnings are read from the lexicon's own pattern syntax (``resources/FRAMES.md``,
:func:`analysis.framing._pattern_regex`), not from a compiled regex: a ``word`` or ``phrase``
pattern spells them out; for a ``regex`` pattern, :func:`_read_regex` reads the few
constructs a literal beginning is made of (letters, ``\\s``, groups, alternatives, optional
parts, character sets of letters, look-arounds) and stops at anything else.  Stopping early
is always allowed: a shorter prefix is a weaker filter, never a wrong one.  A frame with a
pattern whose beginning cannot be read at all is searched in full.

Why the scan never misses a hit: every frame regex starts with a word edge (``_LEFT``: no
word character or hyphen before), so a hit starts at a word edge, and a pattern that matches
at p has one of its prefixes at p.  Prefixes are sequences of tokens: an ASCII letter, digit
or _ (matched case-insensitively by ``re`` exactly as in the pattern), a run of white space
(``" "``, ``\\s+``), or a hyphen (``"-"``, ``[-‐‑]``).  These three never match the same
character, so at one position the text follows at most one path through the trie of prefixes
and any two prefixes found there are prefixes of one another: the scan reports the deepest,
and ``Prefilter.frames_at`` holds, for each prefix, the frames of all its own prefixes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, NamedTuple, Sequence

WS, HY = " ", "-"  # the white-space and hyphen tokens of a prefix
HYPHENS = frozenset("-‐‑")
LIMIT = 64  # prefixes per pattern before the expansion stops early (still a superset)
DEPTH = 32  # tokens per prefix
# Characters ``re`` matches to an ASCII letter under IGNORECASE besides its two cases, and
# the other hyphens, mapped to the key the trie was built with.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k", "‐": "-", "‑": "-"})
_INITIALS = "tsaicpbwmfhdrelognuvkyjqz"  # English word-initial letters, most frequent first
_WS_RUN = re.compile(r"\s+")


def _is_token_char(ch: str) -> bool:
    """A character that is a prefix token of its own: an ASCII letter, digit or _."""
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _add_ws(acc: str) -> str:
    """``acc`` followed by a white-space run (two runs in a row are one run)."""
    return acc if acc.endswith(WS) else acc + WS


def _cleaned(found: set[str]) -> frozenset[str] | None:
    """Prefixes without a trailing white space or hyphen; None if one does not open on a
    word character (then a hit need not start at a word edge the scan sees)."""
    out = set()
    for pre in found:
        pre = pre.rstrip(WS + HY)
        if not pre or not _is_token_char(pre[0]):
            return None
        out.add(pre)
    return frozenset(out)


# --------------------------------------------------------------------------- word and phrase

def _word_prefixes(pattern: str) -> frozenset[str] | None:
    """Prefixes of a ``word`` or ``phrase`` pattern, from its syntax (see FRAMES.md).

    >>> sorted(_word_prefixes("u-turn*"))
    ['u turn', 'u-turn', 'uturn']
    >>> sorted(_word_prefixes("in a limited capacity"))
    ['in a limited capacity']
    """
    found: set[str] = set()

    def walk(i: int, acc: str) -> None:
        if len(found) > LIMIT:
            found.add(acc)
            return
        while i < len(pattern) and len(acc) < DEPTH:
            ch = pattern[i]
            if _is_token_char(ch):
                acc += ch.lower()
            elif ch.isspace():  # a space matches any run of white space
                acc = _add_ws(acc)
            elif ch == "-":  # a hyphen matches a hyphen, a run of white space or nothing
                if not acc:
                    found.add("")
                    return
                walk(i + 1, acc + HY)
                walk(i + 1, _add_ws(acc))
                walk(i + 1, acc)
                return
            else:  # "*" (any word ending), an apostrophe (' or ’), any other character
                break
            i += 1
        found.add(acc)

    walk(0, "")
    return _cleaned(found)


def _word_first_chars(pattern: str) -> set[str] | None:
    """The characters a ``word`` or ``phrase`` pattern's match starts with (either case)."""
    ch = pattern[:1]
    if not ch or ch in "-*" or ch.isspace():
        return None
    if ch in "'’":
        return {"'", "’"}
    return {c for c in (ch, ch.lower(), ch.upper()) if len(c) == 1}


# --------------------------------------------------------------------------- regex

class _Lit(NamedTuple):
    """One literal character."""

    char: str


class _Set(NamedTuple):
    """A character set of literal characters only (``[cs]``)."""

    chars: frozenset[str]


class _Space(NamedTuple):
    """White space: ``\\s``, ``\\s+`` or a literal white-space character."""


class _Group(NamedTuple):
    """A group's alternatives (``(?:a|b)``, ``(a)``, ``(?-i:a)``), or an optional part (``x?``:
    the part, or nothing)."""

    branches: tuple[tuple, ...]


class _Skip(NamedTuple):
    """Something that matches no characters: a look-around, ``\\b``, ``\\B``, a comment."""


class _Stop(NamedTuple):
    """Anything else: a prefix ends here."""


class _Unreadable(Exception):
    """A regex whose structure :func:`_read_regex` does not follow (a conditional group,
    verbose mode): its frame is searched in full."""


_QUANTIFIER = re.compile(r"[*+?]|\{\d*(?:,\d*)?\}")


def _read_regex(src: str) -> tuple[tuple, ...]:
    """The top-level alternatives of a Python regex, as sequences of the items above.

    Only the constructs a literal beginning is made of are read as such; everything else is
    a :class:`_Stop`, after which nothing in that sequence counts.  The pattern is valid
    (:func:`analysis.load_lexicon` compiled it), so only its structure needs following:
    escapes, character sets and groups, to find where alternatives and groups end.

    >>> _read_regex(r"(?<!not\\s)only|self[\\s-]?x")  # doctest: +NORMALIZE_WHITESPACE
    ((_Skip(), _Lit(char='o'), _Lit(char='n'), _Lit(char='l'), _Lit(char='y')),
     (_Lit(char='s'), _Lit(char='e'), _Lit(char='l'), _Lit(char='f'), _Group(branches=((_Stop(),), ())), _Lit(char='x')))
    """
    reader = _RegexReader(src)
    branches = reader.alternatives()
    if reader.pos != len(src):
        raise _Unreadable(src)
    return branches


class _RegexReader:
    """Reads a regex source left to right for :func:`_read_regex`, one construct at a time."""

    _FLAGS = re.compile(r"\?([aiLmsux]*(?:-[imsx]+)?)([:)])")

    def __init__(self, src: str) -> None:
        self.src, self.pos = src, 0

    def alternatives(self) -> tuple[tuple, ...]:
        """Alternatives up to the end of the enclosing group (or of the pattern)."""
        src = self.src
        branches: list[list] = [[]]
        while self.pos < len(src) and src[self.pos] != ")":
            if src[self.pos] == "|":
                branches.append([])
                self.pos += 1
                continue
            branches[-1].append(self.quantified(self.atom()))
        return tuple(tuple(b) for b in branches)

    def atom(self):
        """One character, escape, character set or group."""
        ch = self.src[self.pos]
        if ch == "\\":
            esc = self.src[self.pos + 1:self.pos + 2]
            self.pos += 2  # a longer escape (\x41, \N{...}) leaves letters that follow a stop
            return _Space() if esc == "s" else _Skip() if esc in ("b", "B") else _Stop()
        if ch == "[":
            return self.char_set()
        if ch == "(":
            return self.group()
        self.pos += 1
        if ch in ".^$":
            return _Stop()
        if ch in "*+?":
            raise _Unreadable(self.src)  # a quantifier with nothing to repeat
        return _Space() if ch.isspace() else _Lit(ch)

    def char_set(self):
        """``[...]``: a set of literal characters, or a stop (a range, an escape, a negation)."""
        src = self.src
        self.pos += 1
        negated = src[self.pos:self.pos + 1] == "^"
        self.pos += negated
        chars, plain, first = set(), not negated, True
        while self.pos < len(src) and (src[self.pos] != "]" or first):  # "]" first is a literal
            ch = src[self.pos]
            if ch == "\\":
                plain = False
                self.pos += 2
            elif ch == "-" and not first and src[self.pos + 1:self.pos + 2] not in ("]", ""):
                plain = False  # a range
                self.pos += 1
            else:
                chars.add(ch)
                self.pos += 1
            first = False
        self.pos += 1  # the closing ]
        return _Set(frozenset(chars)) if plain and chars else _Stop()

    def group(self):
        """``(...)`` in its forms: groups are read, look-arounds and comments match nothing."""
        src, rest = self.src, self.src[self.pos + 1:]
        look = rest.startswith(("?=", "?!", "?<=", "?<!"))
        flags = self._FLAGS.match(rest)
        if not rest.startswith("?"):
            self.pos += 1  # a capturing group
        elif rest.startswith(("?:", "?>")):
            self.pos += 3
        elif rest.startswith("?P<"):
            self.pos = src.index(">", self.pos) + 1
        elif look:
            self.pos += 4 if rest.startswith("?<") else 3
        elif rest.startswith("?#"):
            self.pos = src.index(")", self.pos) + 1
            return _Skip()
        elif flags and "x" not in flags.group(1):  # verbose mode would change what spaces mean
            self.pos += 1 + len(flags.group(0))
            if flags.group(2) == ")":
                return _Skip()  # flags for the whole pattern; (?-i:...) is read as a group
        else:
            raise _Unreadable(src)  # a conditional group, a backreference, verbose mode
        branches = self.alternatives()
        self.pos += 1  # the closing )
        return _Skip() if look else _Group(branches)

    def quantified(self, item):
        """``item`` with the quantifier after it, if any."""
        m = _QUANTIFIER.match(self.src, self.pos)
        if m is None:
            return item
        self.pos = m.end()
        if self.src[self.pos:self.pos + 1] in ("?", "+"):
            self.pos += 1  # lazy or possessive: the same strings match
        if m.group() == "+" and isinstance(item, _Space):
            return item  # \s+ is the white-space token
        if m.group() == "?" and not isinstance(item, _Skip):
            return _Group(((item,), ()))  # the part, or nothing
        return _Stop()  # repeated parts are not read (stopping is always allowed)


def _regex_prefixes(src: str) -> frozenset[str] | None:
    """Prefixes of a ``regex`` pattern (see the module notes), or None.

    >>> sorted(_regex_prefixes(r"(?<!not\\s)only"))
    ['only']
    >>> sorted(_regex_prefixes(r"(?:strike|struck)\\s+back"))
    ['strike back', 'struck back']
    >>> sorted(_regex_prefixes(r"self[\\s-]?defen[cs]e"))
    ['self', 'selfdefence', 'selfdefense']
    >>> _regex_prefixes(r"\\w+ing") is None
    True
    """
    try:
        branches = _read_regex(src)
    except (_Unreadable, ValueError, IndexError):
        return None
    found: set[str] = set()

    def walk(seq: Sequence, acc: str, mine: set[str]) -> None:
        # Past LIMIT, stop at the prefix read so far (a shorter prefix is still a superset).
        # Each top-level alternative has a LIMIT of its own: with one shared budget, an
        # alternative after a large one stopped at "" and its whole frame was searched in full.
        if len(mine) > LIMIT and acc:
            mine.add(acc)
            return
        for i, item in enumerate(seq):
            if len(acc) >= DEPTH:
                break
            rest = seq[i + 1:]
            if isinstance(item, _Skip):
                continue  # zero-width: passing over it only widens the filter
            if isinstance(item, _Lit) and _is_token_char(item.char):
                acc += item.char.lower()
                continue
            if isinstance(item, (_Lit, _Set)) and acc and set(getattr(item, "chars", item[0])) <= HYPHENS:
                acc += HY
                continue
            if isinstance(item, _Space) and acc:
                acc = _add_ws(acc)
                continue
            if isinstance(item, _Set) and all(map(_is_token_char, item.chars)):
                for c in sorted({c.lower() for c in item.chars}):
                    walk(rest, acc + c, mine)
                return
            if isinstance(item, _Group):
                for branch in item.branches:
                    walk(branch + rest, acc, mine)
                return
            break
        mine.add(acc)

    for branch in branches:
        mine: set[str] = set()
        walk(branch, "", mine)
        found |= mine
    return _cleaned(found)


def _regex_first_chars(src: str) -> set[str] | None:
    """The characters a ``regex`` pattern's match can start with (either case), or None."""
    try:
        branches = _read_regex(src)
    except (_Unreadable, ValueError, IndexError):
        return None

    def first(seq: Sequence) -> set[str] | None:
        for i, item in enumerate(seq):
            if isinstance(item, _Skip):
                continue
            if isinstance(item, _Lit):
                chars = {item.char}
            elif isinstance(item, _Set):
                chars = set(item.chars)
            elif isinstance(item, _Group):
                chars = set()
                for branch in item.branches:
                    got = first(branch + seq[i + 1:])
                    if got is None:
                        return None
                    chars |= got
                return chars
            else:
                return None
            return {c for ch in chars for c in (ch, ch.lower(), ch.upper()) if len(c) == 1}
        return None  # an empty sequence: the match may start with anything

    out: set[str] = set()
    for branch in branches:
        got = first(branch)
        if got is None:
            return None
        out |= got
    return out


def pattern_prefixes(pattern: str, kind: str) -> frozenset[str] | None:
    """Literal prefixes one of which stands wherever a lexicon pattern matches, or None.

    A prefix is a string: letters, digits and _ in lower case, " " for a run of white space,
    "-" for a hyphen.

    >>> sorted(pattern_prefixes("counter-fire", "word"))
    ['counter fire', 'counter-fire', 'counterfire']
    >>> sorted(pattern_prefixes(r"(?:wider|broader)\\s+(?:war|conflict)", "regex"))
    ['broader conflict', 'broader war', 'wider conflict', 'wider war']
    """
    return _regex_prefixes(pattern) if kind == "regex" else _word_prefixes(pattern)


def first_chars(pattern: str, kind: str) -> set[str] | None:
    """The characters a lexicon pattern's match can start with, or None when not known.

    >>> sorted(first_chars("escalat*", "word")), sorted(first_chars("(?:wide|broad)er", "regex"))
    (['E', 'e'], ['B', 'W', 'b', 'w'])
    """
    return _regex_first_chars(pattern) if kind == "regex" else _word_first_chars(pattern)


# --------------------------------------------------------------------------- the scan

def _trie_regex(prefixes: Iterable[str], lowered: bool = False) -> str:
    """One regex for all prefixes, as a trie: at each step only one branch can go on.

    ``lowered``: for a text already lower-cased by :func:`lowered`, with plain lower-case
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
            head = r"\s+" if tok == WS else "[-‐‑]" if tok == HY else re.escape(tok)
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


class Alternative(NamedTuple):
    """One pattern of a frame regex: its part of the regex, its group, and how many groups
    it holds (its own included)."""

    part: str
    group: int
    n_groups: int


@dataclass(frozen=True)
class Prefilter:
    """The scan for a compiled lexicon, and the per-prefix regexes it leads to.

    ``scan`` finds, in one pass over the text, the word starts where a frame *may* hit (a
    superset) and the prefix seen there; ``scan_lower`` is the same scan for the lower-cased
    text (see :func:`lowered`).  ``frames_at[prefix]`` are the frames worth trying there,
    ``scanned`` the frames the scan covers and ``full`` those searched in full (a pattern
    without a readable prefix).  :meth:`matchers` builds, once per prefix, regexes with
    only the patterns that may match there.
    """

    scan_head: str
    scan_lower: tuple[re.Pattern, re.Pattern, re.Pattern]
    frames_at: dict[str, tuple[int, ...]]
    scanned: tuple[int, ...]
    full: tuple[int, ...]
    alternatives: tuple[tuple[Alternative, ...], ...]
    prefixes: tuple[tuple[frozenset[str], ...] | None, ...]
    regexes: tuple[re.Pattern, ...]
    left: str
    by_key: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def scan(self) -> tuple[re.Pattern, re.Pattern]:
        """The case-insensitive scan, from ``scan_head``, compiled when first needed.

        Only a text :func:`lowered` cannot lower-case (one with ı, ſ or İ) needs it, and
        its case-insensitive trie costs several times the compile time of all the rest of
        the lexicon: most processes never pay for it.
        """
        return re.compile(rf"\W{self.scan_head}"), re.compile(self.scan_head)

    def matchers(self, key: str) -> tuple[tuple[int, re.Pattern, dict[int, int]], ...]:
        """For a scan prefix ``key``: ``(frame, regex, groups)`` for each frame worth trying.

        ``regex`` is the frame's regex with only the parts (patterns) that have a prefix of
        ``key`` among their own prefixes, in the same order; ``groups`` maps its groups back
        to the frame regex's.  A pattern that matches where the scan saw ``key`` has one of
        its prefixes there, and every prefix standing there is a prefix of ``key`` (see the
        module notes), so no pattern that can match is left out: the first part that
        matches is the one the full frame regex would pick, with the same span.  A key the
        scan does not know (it cannot happen; a safe default) gets every scanned frame's
        full regex.
        """
        got = self.by_key.get(key)
        if got is not None:
            return got
        if key not in self.frames_at:
            return tuple((fi, self.regexes[fi], _Identity()) for fi in self.scanned)
        out = []
        for fi in self.frames_at[key]:
            parts = [alt for alt, pres in zip(self.alternatives[fi], self.prefixes[fi])
                     if any(key.startswith(pre) for pre in pres)]
            rx = re.compile(f"{self.left}(?=(?:{'|'.join(alt.part for alt in parts)}))", re.IGNORECASE)
            groups, new = {}, 1
            for alt in parts:
                groups[new] = alt.group
                new += alt.n_groups
            out.append((fi, rx, groups))
        got = self.by_key[key] = tuple(out)
        return got

    def candidates(self, text: str, low: str | None, runs: Sequence[tuple[int, int, int]],
                   run_starts: Sequence[int], found: dict[int, list[tuple[int, int, int]]]) -> None:
        """Add to ``found[frame]`` the candidates ``(start, end, group)`` of each scanned
        frame in ``runs`` (``(para_id, start, end)`` in text order): what the frame regex's
        ``match`` gives at each start, with ``endpos`` the end of the run.

        ``low`` is ``lowered(text)`` (or None: the case-insensitive scan of ``text`` runs).
        """
        lo, hi = runs[0][1], runs[-1][2]
        *scans, head = self.scan if low is None else self.scan_lower
        src = text if low is None else low
        # The order of the candidates does not matter: each frame's are sorted later.
        matches = [m for m in (head.match(src, 0, hi),) if m] if lo == 0 else []
        for scan in scans:
            matches.extend(scan.finditer(src, max(lo - 1, 0), hi))
        frames_at, by_key, matchers = self.frames_at, self.by_key, self.matchers
        for m in matches:
            p = m.start(1)
            e = runs[bisect_right(run_starts, p) - 1][2]
            if p >= e:
                continue  # between paragraph runs
            key = m.group(1).lower()
            if key not in frames_at:
                key = _WS_RUN.sub(WS, m.group(1).translate(_FOLD).lower())
            for fi, rx, groups in by_key.get(key) or matchers(key):
                hit = rx.match(text, p, e)
                if hit is not None:
                    g = hit.lastindex
                    found.setdefault(fi, []).append((p, hit.end(g), groups[g]))


class _Identity(dict):
    """A group map that maps every group to itself (a full frame regex's groups)."""

    def __missing__(self, key: int) -> int:
        return key


def build_prefilter(patterns: Sequence[Sequence[tuple[str, str]]], alternatives: Sequence[tuple[Alternative, ...]],
                    regexes: Sequence[re.Pattern], left: str) -> Prefilter | None:
    """The prefilter for frames whose ``(pattern, kind)`` lists are ``patterns`` (in the
    order their regexes try them), or None when no frame has a readable prefix."""
    by_prefix: dict[str, set[int]] = {}
    scanned, full, prefixes = [], [], []
    for fi, frame_patterns in enumerate(patterns):
        got = [pattern_prefixes(p, k) for p, k in frame_patterns]
        if any(g is None for g in got):
            full.append(fi)
            prefixes.append(None)
            continue
        scanned.append(fi)
        prefixes.append(tuple(got))
        for g in got:
            for pre in g:
                by_prefix.setdefault(pre, set()).add(fi)
    if not by_prefix:
        return None
    frames_at = {}
    for pre in by_prefix:
        hit: set[int] = set()
        for n in range(1, len(pre) + 1):
            hit |= by_prefix.get(pre[:n], set())
        frames_at[pre] = tuple(sorted(hit))
    # The scan opens on a non-word character (the one before the word), a character set that
    # ``re`` can skip to without trying a match at every position; a word at the very start
    # of the text has no such character and is looked at with the anchored form.
    head = f"(?=({_trie_regex(by_prefix)}))"
    # On lower-cased text (case-sensitive): it reports the same positions and keys (see
    # lowered).  It opens on any character but a lower-case ASCII letter, digit or _, a
    # superset of the non-word characters there that ``re`` tests faster than \W; an extra
    # position (after a non-ASCII letter) only costs a frame regex that fails on the word
    # edge.  Those openers are split in two scans, as ``re`` tries a literal (the space
    # before most words) faster than a character set; their positions together are the same.
    head_lower = f"(?=({_trie_regex(by_prefix, lowered=True)}))"
    return Prefilter(
        scan_head=head,
        scan_lower=(re.compile(f" {head_lower}"), re.compile(rf"[^a-z0-9_ ]{head_lower}"), re.compile(head_lower)),
        frames_at=frames_at, scanned=tuple(scanned), full=tuple(full), alternatives=tuple(alternatives),
        prefixes=tuple(prefixes), regexes=tuple(regexes), left=left)


def lowered(text: str) -> str | None:
    """``text.lower()`` when, for the scan and the negation pre-check, matching it case-
    sensitively with lower-case patterns finds what IGNORECASE finds in ``text``; else None.

    Those patterns are made of ASCII letters, digits and _ (lower case), white space, hyphens,
    apostrophes and word/non-word tests.  ``str.lower`` changes none of the latter (checked
    for every code point: it keeps white space white, word characters word characters, and
    makes no hyphen or apostrophe), and turns every character that ``re`` equates with an
    ASCII letter into that letter, except ı and ſ (lower case already, equated with i and s)
    and İ (lower-cased to two characters).  With neither of those, and so an equal length,
    the lower-cased text is the original character by character, offsets included.

    >>> lowered("NOT Limited"), lowered("long \\u017ft")
    ('not limited', None)
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text:
        return None
    return low
