"""Direct quotes: the words between quotation marks, who said them, and how.

:func:`quotes` finds every direct quote of every article, one row each, with its speaker
as written ("he", "one official") and resolved ("John Herbst"), the speaker's type, the
speech verb, and whether it is a *partial* quote (a few quoted words inside the outlet's
own sentence).  :func:`quote_summary` sums them up per outlet.  Rules, in short:

* Marks: curly “ ” and straight ", paired paragraph by paragraph.  A quote with no closing
  mark at the end of a paragraph continues when the next paragraph opens with a mark (the
  news convention for a quote over several paragraphs).
* Speaker: a speech verb next to the quote in the same sentence ("…,” Blinken said;
  Blinken said: “…”; “…,” said X; according to X), else the speaker of the statement it
  continues (a split or multi-paragraph quote, the next sentence of the same speaker), else
  the source named in the previous sentence when the quote stands alone.  No attribution:
  speaker ``unknown`` - never guessed.
* Not quotes: title-like runs (“Meet the Press”, a “Make America Great Again” cap) and short
  unattributed terms in marks (scare quotes), which are the outlet's own words.

Everything per article is in :func:`quotes_for_article`, which needs only the text and its
paragraph and sentence spans, so a large corpus can be processed one article at a time.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

import pandas as pd

from .corpus import memoized

from .speakers import (
    np_at,
    PRONOUNS,
    SPEAKER_REACH,
    CueIndex,
    NameIndex,
    according_to,
    cue_matches,
    describe_source,
    subject_after,
    subject_before,
    stopwords_lower,
)

__all__ = ["quotes", "quotes_of", "quotes_for_article", "sources_of", "SpeakerTools", "QUOTE_COLUMNS"]

QUOTE_COLUMNS = [
    "article_id", "quote_id", "start", "end", "text", "n_words", "speaker", "speaker_name",
    "speaker_type", "cue", "partial", "speaker_start", "speaker_end", "cue_start", "cue_end",
    "sent_id", "para_id", "how",
]

_OPENERS = "“„«"
_CLOSERS = "”»"
_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")
_INVERTIBLE = frozenset("""said says added adds wrote writes asked asks continued explained noted stated
replied responded declared insisted argued recalled countered remarked observed tweeted quipped
concluded conceded warned cautioned stressed emphasized acknowledged admitted complained joked
reported announced confirmed suggested predicted answered exclaimed""".split())


@dataclass
class _Piece:
    open: int            # position of the opening mark
    close: int | None    # position of the closing mark (None: runs to the paragraph end)
    start: int           # first character inside the marks
    end: int             # end of the quoted text
    para: int            # paragraph index
    prev: int | None = None  # index of the piece this one continues (multi-paragraph quote)
    src: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    how: str = ""
    group: int = -1
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- marks

def _mark_kind(text: str, i: int, lo: int, hi: int) -> str | None:
    """``open``, ``close`` or None for the quotation mark at ``text[i]``."""
    c = text[i]
    p = text[i - 1] if i > lo else " "
    n = text[i + 1] if i + 1 < hi else " "
    if c in _OPENERS:
        if not p.isspace() and p not in "([{\u2014\u2013-/" and (n.isspace() or n in ".,;:!?"):
            return "close"  # a curly opener typed where a closer belongs
        return "open"
    if c in _CLOSERS:
        if (p.isspace() or p in "([{\u2014\u2013") and (n.isalnum() or n in "‘'"):
            return "open"  # a curly closer typed where an opener belongs
        return "close"
    # Straight double quote: decide from the neighbours.
    if p.isspace() or p in "([{\u2014\u2013-/‘'" or i == lo:
        # Spaces on both sides: a closer after a nested quote (“…outreach,' " he said).
        return "open" if not n.isspace() else "either"
    if n.isspace() or n in ".,;:!?)]}\u2014\u2013-’'" or i + 1 >= hi:
        return "close"
    return None


_MARK = re.compile(r"[\"“”„«»]")
_MARK_CHARS = "\"“”„«»"


def _mark_positions(text: str) -> list[int]:
    """Offsets of every quotation mark in ``text``, in order (``_MARK`` matches), found with
    ``str.find``: a handful of rare characters are found faster that way than by a regex."""
    out: list[int] = []
    for c in _MARK_CHARS:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def _marks_in(text: str, a: int, b: int, marks: list[int]) -> list[int]:
    """The marks of ``text[a:b]`` (as ``_MARK.finditer(text[a:b])`` finds them, as offsets)."""
    if a < 0 or b < 0:  # a slice counted from the end: search it as it is
        return [a + m.start() for m in _MARK.finditer(text[a:b])]
    return marks[bisect.bisect_left(marks, a):bisect.bisect_left(marks, b)]


def _marked_runs(text: str, paragraphs: list[tuple[int, int]]) -> list[_Piece]:
    """Quoted runs paragraph by paragraph; nested marks stay inside the outer quote."""
    pieces: list[_Piece] = []
    marks = _mark_positions(text)
    if not marks:
        return pieces
    for pi, (a, b) in enumerate(paragraphs):
        depth = 0
        open_at = -1
        first_in_para = len(pieces)
        for i in _marks_in(text, a, b, marks):
            kind = _mark_kind(text, i, a, b)
            if kind is None:
                continue
            if kind == "either":
                if depth == 0:
                    continue
                kind = "close"
            if kind == "open":
                if depth == 0:
                    open_at = i
                depth += 1
            elif depth > 0:
                depth -= 1
                if depth == 0:
                    pieces.append(_Piece(open_at, i, open_at + 1, i, pi))
        if depth > 0:
            # No closing mark before the paragraph ends: the quote runs to the end of it.
            end = b
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            pieces.append(_Piece(open_at, None, open_at + 1, end, pi))
        # A paragraph that opens with a mark continues an unclosed quote of the previous one.
        if first_in_para < len(pieces) and first_in_para > 0:
            prev = pieces[first_in_para - 1]
            cur = pieces[first_in_para]
            if prev.close is None and prev.para == pi - 1 and not text[a:cur.open].strip():
                cur.prev = first_in_para - 1
    return pieces


# --------------------------------------------------------------------------- attribution

_DASH_CREDIT = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-][ \t\u00a0]*")
_POST_LEAD = re.compile(r"[\s,.!?\u2014\u2013-]*(?:as\s+)?")


def _post_attribution(text: str, lo: int, hi: int, para_end: int | None = None,
                      cues: CueIndex | None = None):
    """Attribution right after a closing mark: ``,” X said`` / ``,” said X`` / ``,” according to X``
    / ``” ― Name`` (a credit line after a dash, as in a list of readers' comments)."""
    m = _DASH_CREDIT.match(text, lo)
    if m and para_end is not None:
        span = np_at(text, m.end(), para_end, None)
        if span and not text[span[1]:para_end].strip(" .\u00a0\t") and describe_source(text[span[0]:span[1]]).type != "unknown":
            return span, None, "credit"
    seg = text[lo:hi]
    m = _POST_LEAD.match(seg)
    pos = lo + m.end()
    if pos >= hi:
        return None
    for c in according_to(text, pos, hi):
        if c[0] == pos:
            return (c[2], c[3]), (c[0], c[1]), "after"
    found = cue_matches(text, pos, min(hi, pos + 260), cues)
    if not found:
        return None
    cue = found[0]
    if cue.start() == pos:
        if cue.group() in _INVERTIBLE or cue.group().startswith(("said", "say")):
            span = subject_after(text, cue.end(), hi)
            if span:
                return span, (cue.start(), cue.end()), "after"
        return None
    span = subject_before(text, cue.start(), pos)
    # The subject must take up everything between the mark and the verb (but an appositive).
    if span and not text[pos:span[0]].strip(" ,"):
        return span, (cue.start(), cue.end()), "after"
    return None


def _pre_attribution(text: str, lo: int, hi: int, sent_lo: int, known=None,
                     index: CueIndex | None = None, memo: dict | None = None):
    """Attribution before an opening mark: ``X said: “`` / ``X said the plan was “…”``."""
    if hi <= lo:
        return None
    for c in reversed(according_to(text, lo, hi)):
        return (c[2], c[3]), (c[0], c[1]), "before"
    cues = cue_matches(text, lo, hi, index)
    if cues and cues[-1].group().endswith("ing"):
        # "…, saying the US can “adapt”": the speaker is the subject of an earlier verb,
        # else the subject of the sentence.
        cue = cues[-1]
        # (only verbs within reach: a sentence may hold any number of them)
        for e in reversed(cue_matches(text, max(sent_lo, cue.start() - SPEAKER_REACH), cue.start(), index)):
            span = subject_before(text, e.start(), sent_lo)
            if not span and e.group() in _INVERTIBLE:
                span = subject_after(text, e.end(), cue.start())  # “…,” said X, adding that “…”
            if span:
                return span, (cue.start(), cue.end()), "before"
        span = _sentence_subject(text, sent_lo, cue.start(), known, memo)
        if span:
            return span, (cue.start(), cue.end()), "before"
        cues = cues[:-1]
    for cue in reversed(cues):
        if cue.group().endswith("ing"):
            continue
        span = subject_before(text, cue.start(), lo)
        if span:
            return span, (cue.start(), cue.end()), "before"
        if cue.end() < hi and cue.group() in _INVERTIBLE:
            # "Said Blinken: “…”" (rare, but common in some outlets' headlines).
            span = subject_after(text, cue.end(), hi)
            if span:
                return span, (cue.start(), cue.end()), "before"
    if text[lo:hi].rstrip().endswith(":"):
        span = _colon_subject(text, lo, hi, known)
        if span:
            return span, None, "colon"
    return None


_COLON_BREAK = re.compile(r"[,;\u2014\u2013]|\s-\s|\bfrom\s+")
_SUBJECT_BREAK = re.compile(r"[,;]\s+|\s[\u2014\u2013]\s")
_LEAD_TAG = re.compile(r"^\s*\([^()]{1,40}\)")


def _colon_subject(text: str, lo: int, hi: int, known=None) -> tuple[int, int] | None:
    """The source that introduces a quote with a colon: "Cruz called them on it:",
    "More from Jones:", "RED STATES OUTNUMBER BLUE - Jeffrey M. Jones:"."""
    colon = text.rindex(":", lo, hi)
    start = lo
    for m in _COLON_BREAK.finditer(text[lo:colon]):
        start = lo + m.end()
    start += len(text[start:colon]) - len(text[start:colon].lstrip())
    return np_at(text, start, colon + 1, known)


def _sentence_subject(text: str, lo: int, hi: int, known=None, memo: dict | None = None) -> tuple[int, int] | None:
    """The first clause subject in ``text[lo:hi]`` that is a source ("Hours later, Trump ...").

    ``memo`` (a dict kept for one text and one ``known``) holds the answers for ends
    ``hi`` far enough from ``lo`` that they do not depend on ``hi``: every quote of a long
    sentence asks about the same sentence start.
    """
    far = hi >= lo + 2 * SPEAKER_REACH
    if far and memo is not None and lo in memo:
        return memo[lo]
    span = _sentence_subject_in(text, lo, hi, known)
    if far and memo is not None:
        memo[lo] = span
    return span


def _sentence_subject_in(text: str, lo: int, hi: int, known=None) -> tuple[int, int] | None:
    # The first four clause starts only (the sentence start and three breaks), found within
    # reach of the start: without breaks the search would otherwise read the whole sentence,
    # once for every quote in it.  Each start is read by np_at, which reads no further than
    # reach from it either, so with hi beyond twice the reach the answer does not depend on
    # hi (see the memo above).
    breaks = _SUBJECT_BREAK.finditer(text, lo, min(hi, lo + SPEAKER_REACH))
    starts = [lo] + [m.end() for m in itertools.islice(breaks, 3)]
    for s in starts:
        span = np_at(text, s, hi, known)
        if span:
            nxt = _LEAD_TAG.sub("", text[span[1]:span[1] + 60]).lstrip(" ,")
            # A subject is followed by its verb (lower case), not by more of a list.
            if nxt[:1].islower() and not nxt.startswith(("and ", "or ", "of ", "from ", "for ")):
                return span
    return None


_LABEL = re.compile(r"\s*([A-Z][A-Z.’'\-]+(?: [A-Z][A-Z.’'\-]+){0,2}):\s")


def _is_pronoun(text: str, span: tuple[int, int]) -> bool:
    return text[span[0]:span[1]].strip().lower() in PRONOUNS


def _title_like(words: list[str]) -> bool:
    """Every content word capitalized, as in a title, show, slogan or nickname."""
    if not words or len(words) > 10:
        return False
    sw = stopwords_lower()
    content = [w for w in words if w.lower() not in sw]
    if not content:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in content) and words[0][:1].isupper()


# --------------------------------------------------------------------------- one article

_ENDS_BREAK = re.compile(r".*[,;:\u2014\u2013]", re.S)
_ENDS_SENTENCE = re.compile(r"[.!?…]\s*$")
_ENDS_DETERMINER = re.compile(r"(?:\b(?:a|an|the|his|her|their|its|our|on|of)|[’']s)\s*$")
_LEAD_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True)
class SpeakerTools:
    """The person names and speech verbs of one article's text, found once.

    :func:`quotes_for_article` and :func:`analysis.attribution.attributions_for_article`
    both need them; :func:`sources_of` builds them once and hands them to both.
    """

    names: NameIndex
    known: frozenset[str]
    cues: CueIndex

    @classmethod
    def of(cls, text: str) -> "SpeakerTools":
        """The tools for ``text``.

        >>> SpeakerTools.of("President Joe Biden said no.").names.names
        ['Joe Biden']
        """
        names = NameIndex.build(text)
        return cls(names, names.known(), CueIndex(text))


def quotes_for_article(article_id: str, text: str, paragraphs: list[tuple[int, int]],
                       sentences: list[tuple[int, int]], tools: SpeakerTools | None = None) -> list[dict]:
    """The quote rows of one article, from its clean text and paragraph/sentence spans.

    >>> t = "“We won,” Smith said. “They lost.”"
    >>> [(r["text"], r["speaker"]) for r in quotes_for_article("a", t, [(0, len(t))], [(0, 21), (22, len(t))])]
    [('We won,', 'Smith'), ('They lost.', 'Smith')]
    """
    pieces = _marked_runs(text, paragraphs)
    if not pieces:
        return []
    s_starts = [s for s, _ in sentences]

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(s_starts, pos) - 1)

    tools = tools or SpeakerTools.of(text)
    names, known, cues = tools.names, tools.known, tools.cues
    subjects: dict = {}  # sentence subjects by sentence start (see _sentence_subject)
    for k, p in enumerate(pieces):
        si = sent_of(p.open)
        sa, _ = sentences[si] if sentences else (paragraphs[p.para][0], paragraphs[p.para][1])
        pa, pb = paragraphs[p.para]
        lo = max(sa, pa)
        if k > 0 and pieces[k - 1].close is not None and pieces[k - 1].close >= lo:
            lo = pieces[k - 1].close + 1
        p.extra["pre"] = (lo, p.open)
        p.extra["sent"] = si
        p.extra["sent_lo"] = max(sa, pa)
        if p.close is not None:
            sj = sent_of(p.close)
            _, se = sentences[sj] if sentences else (pa, pb)
            # “Who knows?” Trump told ITV: a sentence splitter may end the sentence at the
            # mark; the attribution then opens the next one.
            if _blank(text, p.close + 1, se) and sj + 1 < len(sentences):
                se = sentences[sj + 1][1]
            hi = min(se, pb)
            if k + 1 < len(pieces) and pieces[k + 1].open < hi:
                hi = pieces[k + 1].open
            p.extra["post"] = (p.close + 1, max(p.close + 1, hi))
        else:
            p.extra["post"] = (p.end, p.end)
        post = _post_attribution(text, *p.extra["post"], pb, cues) if p.close is not None else None
        label = _LABEL.match(text, p.start, p.end)
        if label and not post:
            # A transcript line: “PENCE: And that’s why ...”.
            post = (label.start(1), label.end(1)), None, "label"
        pre = None
        if not post or _is_pronoun(text, post[0]):
            pre = _pre_attribution(text, *p.extra["pre"], p.extra["sent_lo"], known, cues, subjects)
        if post and pre and _is_pronoun(text, post[0]) and not _is_pronoun(text, pre[0]) and pre[2] == "before":
            # Feinstein said “…,” she said: the name before resolves the pronoun after.
            p.src, p.cue, p.how = pre[0], post[1], "after"
        elif post or pre:
            p.src, p.cue, p.how = post or pre

    # Group pieces that are one statement: multi-paragraph quotes and split quotes.
    groups: list[list[int]] = []
    for k, p in enumerate(pieces):
        joined = p.prev is not None
        if not joined and k > 0 and p.src is None:
            q = pieces[k - 1]
            # “A,” X said, “B”: the attribution sits between the two halves of one statement.
            if q.close is not None and q.para == p.para and q.src is not None \
                    and q.close < q.src[0] and q.src[1] <= p.open:
                between = text[q.src[1]:p.open].strip()
                joined = _ENDS_BREAK.fullmatch(between) is not None
            # Two quoted runs in one sentence with one speaker named: “a hallmark” ... to “adapt”.
            if not joined and q.src is not None and q.para == p.para and q.close is not None \
                    and sent_of(q.close) == p.extra["sent"]:
                joined = True
        if joined and groups:
            groups[-1].append(k)
        else:
            groups.append([k])
    for g, members in enumerate(groups):
        src = next(((pieces[k].src, pieces[k].cue, pieces[k].how) for k in members if pieces[k].src), None)
        for k in members:
            pieces[k].group = g
            if src and not pieces[k].src:
                pieces[k].src, pieces[k].cue = src[0], src[1]
                pieces[k].how = "continued"

    # A quote standing alone as a sentence takes the speaker of the sentence before it.
    overlapping = _Overlapping(pieces)
    for k, p in enumerate(pieces):
        if p.src:
            continue
        lo, hi = p.extra["pre"]
        si = p.extra["sent"]
        sa = sentences[si][0] if sentences else paragraphs[p.para][0]
        if not _blank(text, sa, p.open) or si == 0:
            continue
        post_lo, post_hi = p.extra["post"]
        # Words after the mark matter only if the quote did not end its sentence.
        ends = _ENDS_SENTENCE.search(text[p.start:p.end]) is not None
        if not ends and text[post_lo:post_hi].strip(" .,!?\u2014\u2013”\"’"):
            continue
        prev_s = sentences[si - 1]
        # Stay within the paragraph, or the last sentence of the previous one when the
        # quote opens its paragraph.
        if prev_s[0] < paragraphs[p.para][0] and text[paragraphs[p.para][0]:p.open].strip():
            continue
        # The quotes before this one that overlap the sentence before it.
        before = overlapping(prev_s[0], prev_s[1], k)
        q = next((q for q in reversed(before) if q.src), None)
        if q is not None:
            p.src, p.cue, p.how = q.src, q.cue, "previous sentence"
            continue
        if before:
            continue  # the sentence before is an unattributed quote: nothing to inherit
        found = _pre_attribution(text, prev_s[0], prev_s[1], prev_s[0], known, cues, subjects)
        if found and (found[1] is not None or found[2] == "colon"):
            p.src, p.cue, p.how = found[0], found[1], "previous sentence"

    # A few quoted words inside a sentence with no speech verb belong to the sentence's
    # subject: Bush referred to Rubio as “a bright, charismatic leader”.
    for p in pieces:
        if p.src or _blank(text, p.extra["sent_lo"], p.open):
            continue
        span = _sentence_subject(text, p.extra["sent_lo"], p.open, known, subjects)
        if span:
            p.src, p.cue, p.how = span, None, "sentence subject"

    quoted = [(p.start, p.end) for p in pieces]
    # Who a pronoun refers to, kept up to date as rows are added (see _Referents).
    referents = _Referents(names, quoted)
    rows = []
    for k, p in enumerate(pieces):
        quote = text[p.start:p.end]
        words = _WORD.findall(quote)
        n_words = len(words)
        title_like = _title_like(words)
        lo, hi = p.extra["pre"]
        before = text[lo:p.open].rstrip()
        partial = bool(before) and (before[-1].isalnum() or before[-1] in "’'") and not (p.how == "before" and p.cue and p.cue[1] >= len(before.rstrip()) + lo - 1 and words and words[0][:1].isupper())
        if p.src is None:
            if title_like or n_words < 4:
                continue  # a title, slogan, nickname or scare quote: the outlet's own words
        elif title_like and n_words <= 6 and p.how != "after" and _ENDS_DETERMINER.search(before):
            continue
        speaker = name = kind = None
        if p.src:
            speaker = text[p.src[0]:p.src[1]]
            src = describe_source(speaker)
            kind = src.type
            name = src.name
            if p.how == "label":
                kind, name = "person", names.resolve(speaker, p.src[0])
            elif kind == "person" and name:
                name = names.resolve(name, p.src[0])
            elif src.head.lower() in PRONOUNS and len(speaker.split()) == 1:
                if src.head.lower() in ("he", "she", "i"):
                    ref = referents.last_person(p.src[0])
                    name = ref or speaker
                else:
                    ref = referents.last_group()
                    if ref:
                        name, kind = ref
                    else:
                        name = speaker
            else:
                name = name or _LEAD_ARTICLE.sub("", speaker.strip())
        else:
            kind = "unknown"
        cue = text[p.cue[0]:p.cue[1]] if p.cue else None
        rows.append({
            "article_id": article_id, "quote_id": len(rows), "start": p.start, "end": p.end,
            "text": quote, "n_words": n_words, "speaker": speaker,
            "speaker_name": name, "speaker_type": kind, "cue": cue, "partial": partial,
            "speaker_start": p.src[0] if p.src else None, "speaker_end": p.src[1] if p.src else None,
            "cue_start": p.cue[0] if p.cue else None, "cue_end": p.cue[1] if p.cue else None,
            "sent_id": p.extra["sent"], "para_id": p.para, "how": p.how or "none",
            "_group": p.group,
        })
        referents.add(rows[-1])
    return rows


_NONSPACE = re.compile(r"\S")


def _blank(text: str, a: int, b: int) -> bool:
    """``not text[a:b].strip()``, without copying the slice (the white space of ``re`` is
    that of ``str.isspace``): the search stops at the first character that is not white
    space."""
    return _NONSPACE.search(text, a, b) is None if a < b else True


class _Overlapping:
    """The pieces that overlap a span, found by bisection (pieces are in text order and
    do not overlap, so both their opening marks and their ends are increasing).

    ``_Overlapping(pieces)(lo, hi, k)`` is ``[q for q in pieces[:k] if q.open < hi and
    q.end >= lo]``, as a slice.
    """

    def __init__(self, pieces: list[_Piece]):
        self.pieces = pieces
        self.opens = [q.open for q in pieces]
        self.ends = [q.end for q in pieces]
        self.ordered = all(a < b for a, b in zip(self.opens, self.opens[1:])) and \
            all(a <= b for a, b in zip(self.ends, self.ends[1:]))

    def __call__(self, lo: int, hi: int, k: int) -> list[_Piece]:
        if not self.ordered:  # (cannot happen with _marked_runs; kept as a safe default)
            return [q for q in self.pieces[:k] if q.open < hi and q.end >= lo]
        j = min(k, bisect.bisect_left(self.opens, hi))
        i = bisect.bisect_left(self.ends, lo)
        return self.pieces[i:j] if i < j else []


class _LatestBelow:
    """The latest item added whose key is below a bound, in O(log n) per question.

    An item with a later one whose key is as small or smaller can never be the answer (the
    later one is found first), so only a stack of items with keys rising from bottom to
    top is kept, and a question is a bisection on it.

    >>> t = _LatestBelow(); [t.add(k, v) for k, v in [(5, "a"), (9, "b"), (7, "c")]] and None
    >>> t.find(8), t.find(6), t.find(5)
    ('c', 'a', None)
    """

    def __init__(self) -> None:
        self.keys: list[int] = []
        self.values: list = []

    def add(self, key: int, value) -> None:
        while self.keys and self.keys[-1] >= key:
            self.keys.pop()
            self.values.pop()
        self.keys.append(key)
        self.values.append(value)

    def find(self, bound: int):
        """The value of the latest item with ``key < bound``, or None."""
        i = bisect.bisect_left(self.keys, bound)
        return self.values[i - 1] if i else None


class _Referents:
    """What :func:`_last_person` and :func:`_last_group` answer, kept up to date row by row
    instead of reading all the rows again for every pronoun (``tests/test_quotes.py``
    compares the two)."""

    def __init__(self, names: NameIndex, quoted: list[tuple[int, int]]):
        self.names = names
        self.quoted = quoted
        self.persons = _LatestBelow()  # person rows by speaker_start
        self.group = None
        self._outside: list[int] | None = None

    def add(self, row: dict) -> None:
        if row["speaker_type"] == "person" and row["speaker_start"] is not None:
            self.persons.add(row["speaker_start"], row)
        if row["speaker_type"] in ("anonymous", "organization") and row["speaker_name"]:
            self.group = (row["speaker_name"], row["speaker_type"])

    def last_group(self):
        return self.group

    def _last_outside(self) -> list[int]:
        """For each indexed name, the index of the last name up to it outside every quote."""
        if self._outside is None:
            starts = [a for a, _ in self.quoted]
            ordered = all(a < b for a, b in zip(starts, starts[1:])) and \
                all(e <= s for (_, e), (s, _) in zip(self.quoted, self.quoted[1:]))
            out, last = [], -1
            for i, pos in enumerate(self.names.positions):
                if ordered:
                    j = bisect.bisect_right(starts, pos) - 1
                    inside = j >= 0 and pos < self.quoted[j][1]
                else:  # (quoted spans always come in order; kept as a safe default)
                    inside = any(a <= pos < b for a, b in self.quoted)
                if not inside:
                    last = i
                out.append(last)
            self._outside = out
        return self._outside

    def last_person(self, pos: int) -> str | None:
        row = self.persons.find(pos)
        best = (row["speaker_start"], row["speaker_name"]) if row is not None else None
        if self.names.last_person_before(pos):
            i = bisect.bisect_left(self.names.positions, pos) - 1
            i = self._last_outside()[i] if i >= 0 else -1
            if i >= 0 and (best is None or self.names.positions[i] > best[0]):
                return self.names.names[i]
        return best[1] if best else None


def _last_person(names: NameIndex, rows: list[dict], pos: int, quoted, text: str) -> str | None:
    """The person a "he"/"she" at ``pos`` refers to: the last person speaker or name before it.

    The plain reference for :meth:`_Referents.last_person`, which the quotes use.
    """
    best = None
    for r in reversed(rows):
        if r["speaker_type"] == "person" and r["speaker_start"] is not None and r["speaker_start"] < pos \
                and r["speaker"].lower() not in PRONOUNS:
            best = (r["speaker_start"], r["speaker_name"])
            break
        if r["speaker_type"] == "person" and r["speaker_start"] is not None and r["speaker_start"] < pos:
            best = (r["speaker_start"], r["speaker_name"])
            break
    mention = names.last_person_before(pos)
    if mention:
        i = bisect.bisect_left(names.positions, pos) - 1
        # Skip names inside quotes: the speaker is not who the quote talks about.
        while i >= 0 and any(a <= names.positions[i] < b for a, b in quoted):
            i -= 1
        if i >= 0 and (best is None or names.positions[i] > best[0]):
            return names.names[i]
    return best[1] if best else None


def _last_group(rows: list[dict]):
    """The last group source among ``rows`` (plain reference for :meth:`_Referents.last_group`)."""
    for r in reversed(rows):
        if r["speaker_type"] in ("anonymous", "organization") and r["speaker_name"]:
            return r["speaker_name"], r["speaker_type"]
    return None


# --------------------------------------------------------------------------- corpus

def _spans_by_article(frame: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    if frame.empty:
        return out
    for aid, s, e in zip(frame["article_id"].astype(str), frame["start"], frame["end"]):
        out.setdefault(aid, []).append((int(s), int(e)))
    return out


def _check_corpus(corpus) -> None:
    from .corpus import Corpus

    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected a Corpus (from an.load_event / an.from_texts), got {type(corpus).__name__}")


def _spans(article) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Paragraph and sentence spans of every kind (titles and subheads too: quotes and
    sources are read everywhere), or the whole text when there are none."""
    whole = [(0, len(article.text))]
    return ([(p.start, p.end) for p in article.paragraphs] or whole,
            [(s.start, s.end) for s in article.sentences] or whole)


def quotes_of(article, tools: SpeakerTools | None = None) -> list[dict]:
    """The quote rows of one :class:`analysis.corpus.Article` (see :func:`quotes`).

    >>> from analysis.corpus import split_article
    >>> [r["speaker_name"] for r in quotes_of(split_article("“We won,” Smith said."))]
    ['Smith']
    """
    if not article.text:
        return []
    return quotes_for_article(article.article_id, article.text, *_spans(article), tools=tools)


def sources_of(article) -> tuple[list[dict], list[dict]]:
    """One article's direct quotes and its attributions, which take those quotes' speakers.

    The per-article step of :func:`quotes` and :func:`analysis.attributions` (and of the
    feature table): names and speech verbs are found once and shared, and a quote's
    speaker is the same in both tables.

    >>> from analysis.corpus import split_article
    >>> q, a = sources_of(split_article("“We won,” Smith said. Two officials said so."))
    >>> [r["speaker_name"] for r in q], [(r["source"], r["anonymous"]) for r in a]
    (['Smith'], [('Smith', False), ('Two officials', True)])
    """
    from .attribution import attributions_for_article

    if not article.text:
        return [], []
    tools = SpeakerTools.of(article.text)
    paras, sents = _spans(article)
    found = quotes_for_article(article.article_id, article.text, paras, sents, tools=tools)
    return found, attributions_for_article(article.article_id, article.text, paras, sents,
                                           quote_rows=found, tools=tools)


def quote_frame(rows: list[dict]) -> pd.DataFrame:
    """Quote rows as the table :func:`quotes` returns."""
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return frame.astype({"partial": bool}) if not frame.empty else frame


@memoized
def _sources(corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The quotes and attributions tables of a corpus, from :func:`sources_of` per article."""
    from .attribution import attribution_frame

    _check_corpus(corpus)
    quote_rows: list[dict] = []
    attribution_rows: list[dict] = []
    for art in corpus:
        q, a = sources_of(art)
        quote_rows += q
        attribution_rows += a
    return quote_frame(quote_rows), attribution_frame(attribution_rows)


def quotes(corpus) -> pd.DataFrame:
    """Every direct quote in the corpus, one row each, in article order.

    Columns: ``article_id``, ``quote_id`` (within the article), ``start``/``end`` (the quoted
    words inside the marks, offsets into the clean text), ``text``, ``n_words``, ``speaker``
    (as written), ``speaker_name`` (resolved: full name for a surname or pronoun),
    ``speaker_type`` (person, anonymous, organization, document, unknown), ``cue`` (the
    speech verb), ``partial`` (a few quoted words inside the outlet's own sentence),
    ``speaker_start``/``speaker_end``, ``cue_start``/``cue_end``, ``sent_id``, ``para_id``
    and ``how`` (where the speaker was found: after, before, colon, continued,
    previous sentence, none).  Computed once per corpus, with :func:`analysis.attributions`.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "“We will adapt,” Secretary Antony Blinken said. Officials agreed. "
    ...                          "“It is a step,” he said."})
    >>> quotes(c)[["text", "speaker", "speaker_name", "speaker_type", "cue"]].values.tolist()
    [['We will adapt,', 'Secretary Antony Blinken', 'Antony Blinken', 'person', 'said'], ['It is a step,', 'he', 'Antony Blinken', 'person', 'said']]
    """
    return _sources(corpus)[0]
