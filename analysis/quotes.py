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

from .referents import MAX_CANDIDATES, Referents, is_place, lone_word_type, place_or_person
from .speakers import (
    _name_before,
    document_issuer,
    org_named_by,
    np_at,
    PRONOUNS,
    _AND_OTHERS,
    SPEAKER_REACH,
    CueIndex,
    NameIndex,
    according_to,
    cue_matches,
    describe_source,
    document_nouns,
    is_subject,
    subject_after,
    subject_before,
    stopwords_lower,
    title_words,
)

__all__ = ["quotes", "quotes_of", "quotes_for_article", "sources_of", "how_said", "SpeakerTools", "QUOTE_COLUMNS"]

QUOTE_COLUMNS = [
    "article_id", "quote_id", "start", "end", "text", "n_words", "speaker", "speaker_name",
    "speaker_type", "cue", "partial", "speaker_start", "speaker_end", "cue_start", "cue_end",
    "sent_id", "para_id", "how", "resolved_from",
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
    """One quoted run and what the phases of :func:`quotes_for_article` found about it."""

    open: int            # position of the opening mark
    close: int | None    # position of the closing mark (None: runs to the paragraph end)
    start: int           # first character inside the marks
    end: int             # end of the quoted text
    para: int            # paragraph index
    prev: int | None = None  # index of the piece this one continues (multi-paragraph quote)
    src: tuple[int, int] | None = None  # the speaker's words
    cue: tuple[int, int] | None = None  # the speech verb
    where: str = ""      # where the speaker was found: after, before, colon, label, continued, ...
    group: int = -1      # statement (pieces with one speaker)
    sent: int = 0        # sentence index of the opening mark
    sent_lo: int = 0     # start of that sentence within the paragraph
    pre: tuple[int, int] = (0, 0)   # the words before the opening mark that may attribute it
    post: tuple[int, int] = (0, 0)  # the words after the closing mark that may attribute it
    next_sentence: bool = False     # ``post`` is the sentence after the quote's own


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
    if out and "<" in text:
        # Markup left in the text ('<tweet author="@x">', '<a href=”…”>'): the marks of its
        # attribute values quote nothing.
        tags = [(m.start(), m.end()) for m in _TAG.finditer(text)]
        if tags:
            starts = [a for a, _ in tags]
            out = [i for i in out if not _inside(tags, starts, i)]
    return out


# A markup tag with attributes (its marks are the tag's, not quotation).
_TAG = re.compile(r"</?[A-Za-z][\w\-]*\s[^<>]{0,400}?>")


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


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
    carry = _Carry()
    for pi, (a, b) in enumerate(paragraphs):
        in_para = _marks_in(text, a, b, marks)
        if carry.goes_on(text, pieces, pi, a, b, in_para):
            continue
        depth = 0
        open_at = -1
        first_in_para = len(pieces)
        for i in in_para:
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
            pieces.append(_Piece(open_at, None, open_at + 1, _trimmed_end(text, open_at + 1, b), pi))
            carry.start(len(pieces) - 1)
        # A paragraph that opens with a mark continues an unclosed quote of the previous one.
        if first_in_para < len(pieces) and first_in_para > 0:
            prev = pieces[first_in_para - 1]
            cur = pieces[first_in_para]
            if prev.close is None and prev.para == pi - 1 and not text[a:cur.open].strip():
                cur.prev = first_in_para - 1
    return pieces


def _trimmed_end(text: str, lo: int, end: int) -> int:
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


# A quote left open may go on over at most this many paragraphs without marks.
MAX_OPEN_PARAGRAPHS = 4


class _Carry:
    """A quote left open at a paragraph's end that goes on without an opening mark (a
    statement printed over paragraphs with one pair of marks): paragraphs without marks
    after it, then one whose first mark closes it, are parts of the quote."""

    def __init__(self) -> None:
        self.piece: int | None = None
        self.waiting: list[tuple[int, int, int]] = []  # (paragraph, start, end) without marks

    def start(self, k: int) -> None:
        self.piece, self.waiting = k, []

    def goes_on(self, text: str, pieces: list[_Piece], pi: int, a: int, b: int, in_para: list[int]) -> bool:
        """Whether paragraph ``pi`` is taken whole as a markless part (then skip it); adds
        the parts to ``pieces`` when its first mark closes the quote."""
        if self.piece is None:
            return False
        kinds = [(i, k) for i in in_para if (k := _mark_kind(text, i, a, b)) is not None][:1]
        if not kinds and len(self.waiting) < MAX_OPEN_PARAGRAPHS and text[a:b].strip():
            self.waiting.append((pi, a, b))
            return True
        piece, waiting = self.piece, self.waiting
        self.piece, self.waiting = None, []
        if not kinds or kinds[0][1] != "close" or not text[a:kinds[0][0]].strip():
            return False
        prev = piece
        for wp, wa, wb in waiting:
            lo = wa + len(text[wa:wb]) - len(text[wa:wb].lstrip())
            pieces.append(_Piece(lo, None, lo, _trimmed_end(text, lo, wb), wp, prev=prev))
            prev = len(pieces) - 1
        lo = a + len(text[a:b]) - len(text[a:b].lstrip())
        pieces.append(_Piece(lo, kinds[0][0], lo, kinds[0][0], pi, prev=prev))
        return False


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
        if c[0] == pos and describe_source(text[c[2]:c[3]]).type != "unknown":
            # (a source of no known kind, "the official Xinhua news service", reports the
            # words; the clause's own subject said them)
            return (c[2], c[3]), (c[0], c[1]), "after"
    found = cue_matches(text, pos, min(hi, pos + 260), cues)
    unlisted = _unlisted_reporting_verb(text, lo, pos, hi)
    if unlisted is not None and (not found or found[0].start() > unlisted[1][0]):
        return unlisted
    if not found:
        return None
    cue = found[0]
    if cue.start() == pos:
        if cue.group() in _INVERTIBLE or cue.group().startswith(("said", "say")) or (
                not cue.group().endswith("ing") and _is_cap(text[cue.end() + 1:cue.end() + 2])):
            span = subject_after(text, cue.end(), hi)
            if span:
                return span, (cue.start(), cue.end()), "after"
        return None
    span = subject_before(text, cue.start(), pos)
    # The subject must take up everything between the mark and the verb (but an appositive).
    if span and not text[pos:span[0]].strip(" ,"):
        return span, (cue.start(), cue.end()), "after"
    return None


# A past-tense or present verb right after a subject, ending the reporting clause (a period,
# comma or semicolon, or a preposition after it): "corrected.", "quipped to reporters".
_REPORTING_VERB = re.compile(r"[ \t]+([a-z]{3,}(?:ed|es|s))(?=[ \t]*[.,;]|[ \t]+(?:to|at|on|during|again|back)\b)")


def _unlisted_reporting_verb(text: str, lo: int, pos: int, hi: int):
    """A reporting clause whose verb is in no list: a quote that closes on a comma, "?" or
    "!" inside its marks goes on into the sentence that reports it, so "Subject verb." right
    after it says who spoke ("“And actually it’s 22,” Trump corrected.", "“I’d rather not,”
    he feigned."), as ``(subject span, verb span, "after")``, else None.

    >>> t = "“And actually it’s 22,” Trump corrected. Others laughed."
    >>> span, cue, _ = _unlisted_reporting_verb(t, t.index("”") + 1, t.index("Trump"), len(t))
    >>> t[span[0]:span[1]], t[cue[0]:cue[1]]
    ('Trump', 'corrected')
    """
    if lo < 2 or text[lo - 2] not in ",?!" or pos >= hi:
        return None
    # The subject is at most a few words: the verb must come soon after the mark.
    m = None
    for m in _REPORTING_VERB.finditer(text, pos, min(hi, pos + 80)):
        break
    if m is None:
        return None
    span = subject_before(text, m.start(1), pos)
    if span is None or text[pos:span[0]].strip(" ,") or text[span[1]:m.start(1)].strip():
        return None  # the subject must take up everything between the mark and the verb
    if describe_source(text[span[0]:span[1]]).type not in ("person", "anonymous", "organization"):
        return None
    return span, (m.start(1), m.end(1)), "after"


def _pre_attribution(text: str, lo: int, hi: int, sent_lo: int, known=None,
                     index: CueIndex | None = None, memo: dict | None = None):
    """Attribution before an opening mark: ``X said: “`` / ``X said the plan was “…”``."""
    if hi <= lo:
        return None
    for c in reversed(according_to(text, lo, hi)):
        if describe_source(text[c[2]:c[3]]).type != "unknown":
            return (c[2], c[3]), (c[0], c[1]), "before"
        break
    cues = cue_matches(text, lo, hi, index)
    if cues and cues[-1].group().endswith("ing") and not _PROGRESSIVE.search(text, max(lo, cues[-1].start() - 12), cues[-1].start()):
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
        if cue.group().endswith("ing") and not _PROGRESSIVE.search(text, max(lo, cue.start() - 12), cue.start()):
            continue
        if cue is not cues[0] and _MODAL_BEFORE.search(text, max(lo, cue.start() - 24), cue.start()):
            continue  # "Trump signaled that the U.S. would respond “strongly”": a future act, Trump's words
        if cue is not cues[0] and cue.group() in _BELIEF and _THAT_BETWEEN.search(text, cues[0].end(), cue.start()):
            continue  # "Milley added that the Pentagon believes … “to kill personnel”": Milley reports it
        if cue.group().endswith("ed") and _BY_AFTER.match(text, cue.end(), min(hi, cue.end() + 6)):
            continue  # "the sole witness called by Republicans": a passive participle; its noun is no speaker
        span = subject_before(text, cue.start(), lo)
        if not span and _COORDINATED.search(text, max(lo, cue.start() - 12), cue.start()):
            # "Trump leaned in and boomed: “…”": the verb shares the sentence's subject.
            span = _sentence_subject(text, sent_lo, cue.start(), known, memo)
        if span:
            return span, (cue.start(), cue.end()), "before"
        if cue.end() < hi and cue.group() in _INVERTIBLE:
            # "Said Blinken: “…”" (rare, but common in some outlets' headlines).
            span = subject_after(text, cue.end(), hi)
            if span:
                return span, (cue.start(), cue.end()), "before"
    m = _SAID_LEAD.match(text, sent_lo, hi)
    if m:
        # "Said Comey, “…”": an inverted verb that opens the sentence (capitalized, so it is
        # no cue match).
        span = subject_after(text, m.end(), hi)
        if span:
            return span, (m.start(1), m.end(1)), "before"
    if text[lo:hi].rstrip().endswith(":"):
        span = _colon_subject(text, lo, hi, known)
        if span:
            return span, None, "colon"
    return None


_BY_AFTER = re.compile(r"\s+by\b")
# Verbs of belief: inside the "that" clause of an earlier speech verb they report no words of
# their own subject's, the earlier speaker's.
_BELIEF = frozenset("""believe believes believed think thinks thought expect expects expected hope hopes
hoped fear fears feared worry worries worried feel feels felt assume assumes assumed suspect suspects
suspected doubt doubts doubted know knows knew""".split())
_THAT_BETWEEN = re.compile(r"\bthat\b")
# A modal right before a verb (an adverb may stand between): what someone would do, no speech.
_MODAL_BEFORE = re.compile(r"\b(?:would|will|could|might|may|should|can|must)\s+(?:\w+ly\s+)?$")
# A verb coordinated with the subject's first one: "leaned in and boomed", "then said".
_COORDINATED = re.compile(r"\b(?:and|then|but)\s+$")
_SAID_LEAD = re.compile(r"\s*(Said|Says|Added|Adds|Wrote|Writes|Asked|Asks|Replied|Recalled|Explained)\s+(?=[A-Z])")


# "is labeling", "was saying": an -ing form after a form of "be" is the clause's own verb.
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been|be|’s|'s)\s+(?:\w+ly\s+)?$")
_COLON_BREAK = re.compile(r"[,;\u2014\u2013]|\s-\s|\bfrom\s+")
_SUBJECT_BREAK = re.compile(r"[,;]\s+|\s[\u2014\u2013]\s")
_LEAD_TAG = re.compile(r"^\s*\([^()]{1,40}\)")


def _is_cap(s: str) -> bool:
    return "A" <= s[:1] <= "Z"


def _colon_subject(text: str, lo: int, hi: int, known=None) -> tuple[int, int] | None:
    """The source that introduces a quote with a colon: "Cruz called them on it:",
    "More from Jones:", "RED STATES OUTNUMBER BLUE - Jeffrey M. Jones:"."""
    colon = text.rindex(":", lo, hi)
    starts = [lo] + [lo + m.end() for m in _COLON_BREAK.finditer(text[lo:colon])]
    # "Sen. Chuck Schumer, D-New York:", "Rep. Charles Gonzalez, chairman of the Caucus:":
    # of the parts between breaks, the last that names a person (a party tag or a role
    # after the name says who, not which person), else the last part.
    last = None
    for k, start in enumerate(reversed(starts[-4:])):
        start += len(text[start:colon]) - len(text[start:colon].lstrip())
        end = colon if k == 0 else None
        span = np_at(text, start, colon + 1, known) if k == 0 else np_at(text, start, colon, known)
        if k == 0:
            last = span
        if span and end is None and text[span[1]:span[1] + 2].lstrip()[:1] not in (",", "-", "\u2014", "\u2013"):
            continue  # an earlier part must run up to its break
        if span:
            d = describe_source(text[span[0]:span[1]])
            if d.type == "person" and len((d.name or "").split()) >= 2:
                return span
    # "The surge doesn't surprise Republican pollster Daron Shaw:": a person named in full
    # right before the colon introduces the quote, though the clause does not open on them.
    return last or _name_before(text, starts[-1], colon)


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


_OWNED = re.compile(r"[ \t]+[a-z][a-z\-]+")


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
        if span and text[span[0]:span[1]].endswith(("’s", "'s")):
            # "Trump's team also made ...": an owner is no subject; the group it owns is (the
            # owner of a document, "Trump's tweet said", is its issuer and speaks).
            m = _OWNED.match(text, span[1], hi)
            if m and m.group().strip() not in document_nouns() and is_subject(text[span[0]:m.end()]):
                span = (span[0], m.end())
        if span:
            nxt = _LEAD_TAG.sub("", text[span[1]:span[1] + 60]).lstrip(" ,")
            # A subject is followed by its verb (lower case), not by more of a list.
            if nxt[:1].islower() and not nxt.startswith(("and ", "or ", "of ", "from ", "for ")):
                return span
    return None


_LABEL = re.compile(r"\s*([A-Z][A-Z.’'\-]+(?: [A-Z][A-Z.’'\-]+){0,2}):\s")


def _is_pronoun(text: str, span: tuple[int, int]) -> bool:
    return text[span[0]:span[1]].strip().lower() in PRONOUNS


def _title_like(words: list[str], subtitle: bool = False) -> bool:
    """Every content word capitalized, as in a title, show, slogan or nickname; ``subtitle``
    (the run holds "Title: Subtitle") allows the longer runs of book titles."""
    if not words or len(words) > (16 if subtitle else 10):
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
    # The article's person mentions (:class:`analysis.referents.Referents`), built once when
    # the quotes first ask for them; the attributions then reuse them.
    _referents: list = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def of(cls, text: str) -> "SpeakerTools":
        """The tools for ``text``.

        >>> SpeakerTools.of("President Joe Biden said no.").names.names
        ['Joe Biden']
        """
        names = NameIndex.build(text)
        return cls(names, names.known(), CueIndex(text))

    def referents(self, text: str, paragraphs: list[tuple[int, int]], sentences: list[tuple[int, int]],
                  quoted: list[tuple[int, int]]) -> Referents:
        """The person mentions of ``text`` (the first call builds them; later calls, such as
        the attributions' after the quotes', get the same ones).

        >>> t = "Sen. Jane Doe spoke. She left."
        >>> SpeakerTools.of(t).referents(t, [(0, len(t))], [(0, 20), (21, len(t))], []).mentions[0].name
        'Jane Doe'
        """
        if not self._referents:
            self._referents.append(Referents.build(text, paragraphs, quoted, self.cues, sentences))
        return self._referents[0]


@dataclass(frozen=True)
class _Speaker:
    """Who speaks a quote, as written and resolved, and how the article identifies them."""

    speaker: str | None        # as written ("he", "the governor", "Blinken")
    name: str | None           # resolved ("Antony Blinken")
    kind: str                  # person, anonymous, organization, document, unknown
    how: str                   # named, pronoun, role, appositive, continuation, colon, anonymous, none
    resolved_from: str | None  # the mention the name was taken from, as written


@dataclass
class _Article:
    """One article's text, spans and tools, shared by the phases of :func:`quotes_for_article`."""

    text: str
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    tools: "SpeakerTools"
    s_starts: list[int] = field(default_factory=list)
    subjects: dict = field(default_factory=dict)  # sentence subjects by sentence start

    def __post_init__(self) -> None:
        self.s_starts = [s for s, _ in self.sentences]

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.s_starts, pos) - 1)

    def sentence(self, si: int) -> tuple[int, int]:
        return self.sentences[si] if self.sentences else (0, len(self.text))


def quotes_for_article(article_id: str, text: str, paragraphs: list[tuple[int, int]],
                       sentences: list[tuple[int, int]], tools: SpeakerTools | None = None) -> list[dict]:
    """The quote rows of one article, from its clean text and paragraph/sentence spans.

    Phases: quoted runs (:func:`_marked_runs`), the words around each (:func:`_place`), an
    attribution next to each (:func:`_attribute`), statements that share one
    (:func:`_group_statements`), a speech verb later in the quote's sentence
    (:func:`_later_cues`), the speaker of the sentence before (:func:`_inherit`), the subject
    of the quote's sentence (:func:`_sentence_subjects`), the speaker of the sentence before
    once more (for quotes after one the subject speaks), then rows with resolved speakers
    (:func:`_rows`).

    >>> t = "“We won,” Smith said. “They lost.”"
    >>> [(r["text"], r["speaker"], r["how"]) for r in quotes_for_article("a", t, [(0, len(t))], [(0, 21), (22, len(t))])]
    [('We won,', 'Smith', 'named'), ('They lost.', 'Smith', 'continuation')]
    """
    pieces = _marked_runs(text, paragraphs)
    if not pieces:
        return []
    art = _Article(text, paragraphs, sentences, tools or SpeakerTools.of(text))
    for k, p in enumerate(pieces):
        _place(art, pieces, k)
        _attribute(art, p)
    _group_statements(art, pieces)
    _later_cues(art, pieces)
    _inherit(art, pieces)
    _sentence_subjects(art, pieces)
    # A quote standing alone after one that only its sentence's subject speaks ('Massie
    # said Trump had “…”' / '“I think he can …”'): that speaker continues.
    _inherit(art, pieces)
    return _rows(article_id, art, pieces)


def _place(art: _Article, pieces: list[_Piece], k: int) -> None:
    """The sentence of piece ``k`` and the words before and after it that may attribute it."""
    text, sentences, p = art.text, art.sentences, pieces[k]
    si = art.sent_of(p.open)
    sa, _ = sentences[si] if sentences else art.paragraphs[p.para]
    pa, pb = art.paragraphs[p.para]
    lo = max(sa, pa)
    if k > 0 and pieces[k - 1].close is not None and pieces[k - 1].close >= lo:
        lo = pieces[k - 1].close + 1
    p.pre, p.sent, p.sent_lo = (lo, p.open), si, max(sa, pa)
    if p.close is None:
        p.post = (p.end, p.end)
        return
    sj = art.sent_of(p.close)
    _, se = sentences[sj] if sentences else (pa, pb)
    # “Who knows?” Trump told ITV: a sentence splitter may end the sentence at the mark; the
    # attribution then opens the next one (see _attribute for what it may hold).
    if _blank(text, p.close + 1, se) and sj + 1 < len(sentences):
        se = sentences[sj + 1][1]
        p.next_sentence = True
    hi = min(se, pb)
    if k + 1 < len(pieces) and pieces[k + 1].open < hi:
        hi = pieces[k + 1].open
    p.post = (p.close + 1, max(p.close + 1, hi))


def _attribute(art: _Article, p: _Piece) -> None:
    """The attribution right after the closing mark, before the opening one, or a transcript
    label, whichever fits (a name before beats a pronoun after: Feinstein said “…,” she said)."""
    text, tools = art.text, art.tools
    pb = art.paragraphs[p.para][1]
    post = _post_attribution(text, *p.post, pb, tools.cues) if p.close is not None else None
    if post and p.next_sentence and post[1] is not None and text[p.start:p.end].rstrip()[-1:] not in "?!…" \
            and not _bare_attribution(text, post[1][1], p.post[1]):
        # “… a nuclear weapon.” Iran had announced that ...: a sentence of its own, no
        # attribution (“… missing.” Trump said. is one).
        post = None
    if post and p.next_sentence and not _blank(text, p.sent_lo, p.open):
        # 'Trump lashed out, calling her “crazy.” The speaker said …': a quote inside a
        # sentence of the outlet's is that sentence's, not the next one's.
        post = None
    label = _LABEL.match(text, p.start, p.end)
    if label and not post:
        post = (label.start(1), label.end(1)), None, "label"  # a transcript line: “PENCE: And ...”
    pre = None
    reported = post is not None and post[1] is not None and text[post[1][0]:post[1][1]] == "according to" \
        and describe_source(text[post[0][0]:post[0][1]]).type == "organization"
    if not post or _is_pronoun(text, post[0]) or reported:
        pre = _pre_attribution(text, *p.pre, p.sent_lo, tools.known, tools.cues, art.subjects)
    if reported and pre and pre[1] is not None:
        # 'Trump asserted that he had “…,” according to CNN': CNN reports what Trump said.
        post = None
    if post and pre and _is_pronoun(text, post[0]) and not _is_pronoun(text, pre[0]) and pre[2] == "before":
        p.src, p.cue, p.where = pre[0], post[1], "after"
    elif post or pre:
        p.src, p.cue, p.where = post or pre
    else:
        credit = _credit_paragraph(art, p)
        if credit:
            p.src, p.cue, p.where = credit, None, "credit"


# The most words a credit line may have ("- Michelle Marks, Philadelphia.").
_CREDIT_WORDS = 12


def _credit_paragraph(art: _Article, p: _Piece) -> tuple[int, int] | None:
    """The speaker credited in the paragraph right after a quote that ends its own paragraph,
    on a line of its own after a dash: '“…”' then '- Bernie Sanders.' (fact checks, lists
    of remarks).

    >>> t = "“We will win this fight.”\\n\\n- Bernie Sanders."
    >>> art = _Article(t, [(0, 25), (27, len(t))], [(0, 25), (27, len(t))], SpeakerTools.of(t))
    >>> a, b = _credit_paragraph(art, _Piece(0, 24, 1, 24, 0)); t[a:b]
    'Bernie Sanders'
    """
    text = art.text
    if p.close is None or p.para + 1 >= len(art.paragraphs):
        return None
    pa, pb = art.paragraphs[p.para]
    if not _blank(text, p.close + 1, pb) and text[p.close + 1:pb].strip(" .\u00a0\t\"”") != "":
        return None
    na, nb = art.paragraphs[p.para + 1]
    m = _DASH_CREDIT.match(text, na)
    if not m or m.end() == na or len(text[na:nb].split()) > _CREDIT_WORDS:
        return None
    span = np_at(text, m.end(), nb, art.tools.known)  # "- Sanders." once the article named him
    if span and describe_source(text[span[0]:span[1]]).type in ("person", "organization"):
        return span
    return None


_REPORTED = re.compile(r"\b(?:that|whether|if)\b|[“\"]")


def _bare_attribution(text: str, cue_end: int, hi: int) -> bool:
    """Whether the words after a speech verb, to the end of its sentence, report nothing of
    their own (no "that" clause, no quote; a few words: "in a statement", "on Tuesday")."""
    rest = text[cue_end:hi]
    return len(rest.split()) <= 14 and _REPORTED.search(rest) is None


def _group_statements(art: _Article, pieces: list[_Piece]) -> None:
    """Pieces that are one statement (a quote over paragraphs, a quote split by its
    attribution, two runs in a sentence with one speaker) share that speaker."""
    text = art.text
    groups: list[list[int]] = []
    for k, p in enumerate(pieces):
        joined = p.prev is not None
        if not joined and k > 0 and p.src is None:
            q = pieces[k - 1]
            # “A,” X said, “B”: the attribution sits between the two halves of one statement.
            if q.close is not None and q.para == p.para and q.src is not None \
                    and q.close < q.src[0] and q.src[1] <= p.open:
                joined = _ENDS_BREAK.fullmatch(text[q.src[1]:p.open].strip()) is not None
            # Two quoted runs in one sentence with one speaker named: “a hallmark” ... to “adapt”.
            if not joined and q.src is not None and q.para == p.para and q.close is not None \
                    and art.sent_of(q.close) == p.sent:
                joined = True
        if joined and groups:
            groups[-1].append(k)
        else:
            groups.append([k])
    for g, members in enumerate(groups):
        src = next(((pieces[k].src, pieces[k].cue) for k in members if pieces[k].src), None)
        for k in members:
            pieces[k].group = g
            if src and not pieces[k].src:
                pieces[k].src, pieces[k].cue, pieces[k].where = src[0], src[1], "continued"


def _inherit(art: _Article, pieces: list[_Piece]) -> None:
    """A quote standing alone as a sentence takes the speaker of the sentence before it (in
    its paragraph, or the last one of the paragraph before when the quote opens its own)."""
    text, sentences, paragraphs = art.text, art.sentences, art.paragraphs
    overlapping = _Overlapping(pieces)
    for k, p in enumerate(pieces):
        if p.src or p.sent == 0 or not sentences:
            continue
        sa = sentences[p.sent][0]
        if not _blank(text, sa, p.open):
            continue
        # Words after the mark matter only if the quote did not end its sentence.
        ends = _ENDS_SENTENCE.search(text[p.start:p.end]) is not None
        tail = text[p.post[0]:p.post[1]].strip(" .,!?\u2014\u2013”\"’")
        prev_s = sentences[p.sent - 1]
        if prev_s[0] < paragraphs[p.para][0] and text[paragraphs[p.para][0]:p.open].strip():
            continue
        before = overlapping(prev_s[0], prev_s[1], k)
        q = next((q for q in reversed(before) if q.src), None)
        if q is not None and (ends or not tail or _outlet_tail(art, p, tail)):
            # ('“…,” Palmieri told reporters. “I think …” and other pocketbook issues.': a few
            # words of the outlet's after the quote do not end the speaker's turn.)
            p.src, p.cue, p.where = q.src, q.cue, "previous sentence"
            continue
        if not ends and tail:
            continue
        if before:
            continue  # the sentence before is an unattributed quote: nothing to inherit
        found = _main_attribution(art, prev_s)
        if found and (found[1] is not None or found[2] == "colon"):
            p.src, p.cue, p.where = found[0], found[1], "previous sentence"
        elif _quote_paragraph(text, paragraphs[p.para], p) and prev_s[1] <= paragraphs[p.para][0]:
            # A paragraph that is only a quote, after one that ends on what a person thinks or
            # does ("Viguerie is upbeat about Cruz's chances. / “Not only can ...”"): theirs.
            span = _sentence_subject(text, prev_s[0], prev_s[1], art.tools.known, art.subjects)
            who = describe_source(text[span[0]:span[1]]) if span else None
            # Only a person the article names in full ("Story continues below video." is no one).
            if who is not None and who.type == "person" and who.name \
                    and " " in art.tools.names.resolve(who.name, span[0]):
                p.src, p.cue, p.where = span, None, "previous sentence"


# The most words of the outlet's after a continued quote ('… “…” to support him as a candidate.').
_TAIL_WORDS = 8


def _outlet_tail(art: _Article, p: _Piece, tail: str) -> bool:
    """Whether the words after quote ``p`` to its sentence's end are a few of the outlet's,
    with no speech verb (no attribution of their own)."""
    return len(tail.split()) <= _TAIL_WORDS and not cue_matches(art.text, p.post[0], p.post[1], art.tools.cues)


def _main_attribution(art: _Article, sent: tuple[int, int]):
    """The attribution of the sentence ``sent`` that a quote after it continues: that of its
    first speech verb when that verb's subject is found ("Carter said that for decades some
    critics had predicted …": Carter, not the critics of the reported clause), else the
    last one's (see :func:`_pre_attribution`)."""
    text, tools = art.text, art.tools
    cues = cue_matches(text, sent[0], sent[1], tools.cues)
    if len(cues) >= 2 and not cues[0].group().endswith("ing") and cues[0].group() != "according to":
        first = _pre_attribution(text, sent[0], cues[0].end(), sent[0], tools.known, tools.cues, art.subjects)
        if first and first[1] == (cues[0].start(), cues[0].end()):
            return first
    return _pre_attribution(text, sent[0], sent[1], sent[0], tools.known, tools.cues, art.subjects)


def _quote_paragraph(text: str, para: tuple[int, int], p: _Piece) -> bool:
    """Whether the quote of piece ``p`` is all of its paragraph (but marks and a full stop)."""
    end = p.close + 1 if p.close is not None else p.end
    return _blank(text, para[0], p.open) and not text[end:para[1]].strip(" .,!?\u00a0”\"’")


def _later_cues(art: _Article, pieces: list[_Piece]) -> None:
    """A quote without speaker takes a speech verb later in its sentence, before any other
    quote (“…” the provision, Justice Kennedy wrote; “impacted” the area, an official said)."""
    for p in pieces:
        if not p.src:
            found = _later_cue(art, p)
            if found:
                p.src, p.cue, p.where = found[0], found[1], "after"


def _sentence_subjects(art: _Article, pieces: list[_Piece]) -> None:
    """A quote still without speaker belongs to the subject of its sentence (Bush referred to
    Rubio as “a bright, charismatic leader”), or, inside an opening participle phrase, to the
    subject right after that phrase ("By branding it as “extremely careless,” Comey gave …")."""
    text, tools = art.text, art.tools
    for p in pieces:
        if p.src:
            continue
        if _blank(text, p.sent_lo, p.open):
            continue
        span = _sentence_subject(text, p.sent_lo, p.open, tools.known, art.subjects) or _subject_after_opening(art, p)
        if span:
            p.src, p.cue, p.where = span, None, "sentence subject"


# A sentence opening on a participle phrase: "By branding …", "In calling …", "After labeling …".
_OPENING_PARTICIPLE = re.compile(r"\s*(?:By|In|After|Before|While|When|Since)[ \t]+[a-z]+ing\b")
_AFTER_PHRASE = re.compile(r"[,.!?]?[”\"’]?,?[ \t]+")


def _subject_after_opening(art: _Article, p: _Piece) -> tuple[int, int] | None:
    """The subject right after the quote that closes a sentence's opening participle phrase
    (the quote ends the phrase: a comma follows it), when a verb follows that subject."""
    text = art.text
    if p.close is None or not _OPENING_PARTICIPLE.match(text, p.sent_lo) or "," in text[p.sent_lo:p.open]:
        return None
    m = _AFTER_PHRASE.match(text, p.close + 1)
    if m is None or "," not in text[p.close - 1:m.end()]:
        return None
    _, se = art.sentence(p.sent)
    span = np_at(text, m.end(), se, art.tools.known)
    if span and text[span[1]:span[1] + 2].strip()[:1].islower():
        return span
    return None


def _later_cue(art: _Article, p: _Piece):
    """``(subject span, cue span)`` of the first speech verb after the quote in its sentence
    (within reach) whose subject is found and lies outside quotes."""
    if p.close is None:
        return None
    text = art.text
    _, se = art.sentence(art.sent_of(p.close))
    hi = min(se, p.close + SPEAKER_REACH, art.paragraphs[p.para][1])
    for cue in cue_matches(text, p.close + 1, hi, art.tools.cues):
        w = cue.group()
        if w == "according to" or w.endswith("ing") or _MARK.search(text, p.close + 1, cue.start()):
            return None  # another quote or a participle first: not this quote's verb
        span = subject_before(text, cue.start(), p.close + 1)
        if not span and w in _INVERTIBLE and text[p.close + 1:cue.start()].rstrip().endswith(","):
            span = subject_after(text, cue.end(), hi)  # “…” in the 2008 primary, said Paul Beck.
        if span:
            return span, (cue.start(), cue.end())
    return None


# Nouns for works and programs: a title-like quote right after one is its title ('the
# program “State of the Union”', 'the movie, “13 Hours”', 'a website called “…”').
_WORK_NOUNS = (r"program|programme|show|series|film|movie|book|song|album|documentary|podcast|"
               r"column|segment|episode|play|musical|novel|memoir|newsletter|magazine|newspaper|"
               r"channel|broadcast|special|op-ed|editorial|hashtag|slogan|motto|website|blog|poster|logo")
_WORK_BEFORE = re.compile(rf"\b(?:(?:{_WORK_NOUNS})(?:,|\s+(?:called|named|titled|entitled))?|speech\s+titled)\s*$")
# Verbs whose object is a work: 'performed “Bridge Over Troubled Water”', 'roles in “…”'.
_WORK_VERB_BEFORE = re.compile(r"\b(?:perform(?:s|ed|ing)?|s[aiu]ng|sings|star(?:s|red|ring)?\s+in|"
                               r"roles?\s+in|appear(?:s|ed|ing)?\s+on|watch(?:es|ed|ing)?)\s*$")
# A title-like run naming the thing after it: a “Jeb Can Fix It” bus tour, a “…” hat.
_WORK_AFTER = re.compile(r"\s*(?:[a-z]+[ \t-]+)?(?:tour|hat|cap|shirt|sign|banner|logo|slogan|rally|initiative)s?\b")
# Another quoted title beside this one in a list: “Apollo 13,” and “Austin Powers”.
_LIST_BEFORE = re.compile(r"[”\"][ \t\u00a0]*(?:,[ \t\u00a0]*)?(?:(?:and|or)[ \t]+)?$")
_LIST_AFTER = re.compile(r"[,;]?[ \t\u00a0]*(?:(?:and|or)[ \t]+)?[“\"][A-Z0-9]")
# A credit after the run: a headline or a work and its author ('“…,” by Times’ Ben Sisario').
_CREDIT_AFTER = re.compile(r"[,.]?[ \t]*(?:by)[ \t]+(?:the[ \t]+)?[A-Z]")
_HEADLINE_BEFORE = re.compile(r"(?:^|[\u2014\u2013:])\s*$")
_DUBBED = re.compile(r"(?:\b(?:dubbed|nicknamed|known\s+as|so-called|termed|titled|entitled|billed\s+as|named)|[’']s)\s*$")


def _after_close(text: str, p: _Piece) -> str:
    """The words right after the closing mark (and any closer stacked on it), up to 60 chars."""
    if p.close is None:
        return ""
    i = p.close + 1
    while i < len(text) and text[i] in "”’'\"":
        i += 1
    return text[i:i + 60]


def _is_title(text: str, p: _Piece, words: list[str], before: str) -> bool:
    """A work's title, a slogan or a headline named in the outlet's sentence, not words said.

    >>> t = 'Sanders will appear on “The Late Show With Stephen Colbert,” and more.'
    >>> _is_title(t, _Piece(20, 55, 21, 55, 0), ["The", "Late", "Show", "With", "Stephen", "Colbert"], "Sanders will appear on")
    True
    """
    after = _after_close(text, p)
    head = text[p.pre[0]:p.open]
    credit = _CREDIT_AFTER.match(after)
    # A headline ends in a comma before its credit; "“…” by the United States, Clinton
    # said" is a quote interrupted by the outlet's words.
    comma = text[p.start:p.end].rstrip().endswith(",") or after.startswith(",")
    if credit and (comma and _HEADLINE_BEFORE.search(head) or _title_like(words, True)):
        return True  # '—“The Living Room to close,” by Times’ Ben Sisario'
    if not _title_like(words, ":" in text[p.start:p.end]):
        return False
    return bool(_WORK_BEFORE.search(before) or _WORK_VERB_BEFORE.search(before) or _WORK_AFTER.match(after)
                or _LIST_BEFORE.search(text, max(0, p.open - 12), p.open) or _LIST_AFTER.match(after))


def _not_a_quote(text: str, p: _Piece, words: list[str]) -> bool:
    """Title-like runs (shows, works, slogans, nicknames) and short unattributed terms in marks
    (scare quotes) are the outlet's own words, not quotes."""
    title_like = _title_like(words)
    before = text[p.pre[0]:p.open].rstrip()
    if p.src is None:
        return title_like or len(words) < 4 or _is_title(text, p, words, before)
    if _is_title(text, p, words, before):
        return True  # 'on the CNN program “State of the Union”', 'roles in “…” and “…”'
    if title_like and len(words) <= 6 and (_ENDS_DETERMINER.search(before) or _DUBBED.search(before)):
        return True  # 'a move dubbed “Pardongate”'
    return len(words) <= 3 and _DUBBED.search(before) is not None and not before.endswith(("’s", "'s"))


def _rows(article_id: str, art: _Article, pieces: list[_Piece]) -> list[dict]:
    """The quote rows, each speaker resolved once per speaker span (:func:`_resolve`), so that
    the quotes of one statement have one speaker."""
    text = art.text
    refs = art.tools.referents(text, art.paragraphs, art.sentences, [(p.start, p.end) for p in pieces])
    groups = _GroupSpeakers()
    resolved: dict[tuple[int, int], _Speaker] = {}
    rows = []
    for p in pieces:
        words = _WORD.findall(text[p.start:p.end])
        if _not_a_quote(text, p, words):
            continue
        before = text[p.pre[0]:p.open].rstrip()
        partial = bool(before) and (before[-1].isalnum() or before[-1] in "’'") and not (
            p.where == "before" and p.cue and p.cue[1] >= len(before.rstrip()) + p.pre[0] - 1
            and words and words[0][:1].isupper())
        if p.src is None:
            who = _Speaker(None, None, "unknown", "none", None)
        else:
            if p.src not in resolved:
                resolved[p.src] = _resolve(art, refs, groups, p.src, p.where)
            who = resolved[p.src]
            if p.where == "previous sentence" or p.prev is not None:
                # Another sentence or paragraph of a statement attributed before.
                who = _Speaker(who.speaker, who.name, who.kind, "continuation", who.resolved_from or who.speaker)
        rows.append({
            "article_id": article_id, "quote_id": len(rows), "start": p.start, "end": p.end,
            "text": text[p.start:p.end], "n_words": len(words), "speaker": who.speaker,
            "speaker_name": who.name, "speaker_type": who.kind,
            "cue": text[p.cue[0]:p.cue[1]] if p.cue else None, "partial": partial,
            "speaker_start": p.src[0] if p.src else None, "speaker_end": p.src[1] if p.src else None,
            "cue_start": p.cue[0] if p.cue else None, "cue_end": p.cue[1] if p.cue else None,
            "sent_id": p.sent, "para_id": p.para, "how": who.how, "resolved_from": who.resolved_from,
            "_group": p.group,
        })
        groups.add(rows[-1])
    return rows


class _GroupSpeakers:
    """The last group speaker (anonymous or organization) among the rows so far: what
    "they" and "it" refer to."""

    def __init__(self) -> None:
        self.group: tuple[str, str] | None = None
        self.at = -1  # where that group's speaker is written

    def add(self, row: dict) -> None:
        if row["speaker_type"] in ("anonymous", "organization") and row["speaker_name"]:
            self.group = (row["speaker_name"], row["speaker_type"])
            self.at = row["speaker_start"] if row["speaker_start"] is not None else row["start"]


# How many sentences back "it" or "they" may find the group that spoke.
_GROUP_REACH = 3


def _group_subject_before(art: _Article, pos: int, pronoun: str) -> tuple[int, str, str] | None:
    """The nearest organization (for "it"; an organization or unnamed group for "they") that
    is the subject of a speech verb in the sentences before ``pos``: "The company said on
    Tuesday that talks would continue. “We remain hopeful,” it said." -> the company.

    Returns ``(position, name, type)``, or None.
    """
    si = art.sent_of(pos)
    kinds = ("organization",) if pronoun == "it" else ("organization", "anonymous")
    for k in range(si - 1, max(-1, si - 1 - _GROUP_REACH), -1):
        sa, sb = art.sentence(k)
        for cue in reversed(cue_matches(art.text, sa, sb, art.tools.cues)):
            span = subject_before(art.text, cue.start(), sa)
            if span is None:
                continue
            phrase = art.text[span[0]:span[1]]
            desc = describe_source(phrase)
            plural = desc.head.lower().endswith("s") or desc.type == "organization"
            if desc.type in kinds and (pronoun == "it" or plural):
                return span[0], desc.name or _LEAD_ARTICLE.sub("", phrase.strip()), desc.type
            if pronoun == "they" and _AND_OTHERS.search(phrase) and desc.type == "person":
                # "John Boehner and other Republicans say …; they say": the group its named
                # person leads (one name and type for it, as the attributions give it); for
                # "He and other Republicans", the name is left to the caller (None).
                return span[0], desc.name, desc.type
    return None


def _resolve(art: _Article, refs: "Referents", groups: _GroupSpeakers, src: tuple[int, int], where: str) -> _Speaker:
    """The speaker of the phrase ``text[src]``: typed, its name resolved (a surname to the
    full name, a pronoun to its antecedent, a role noun to its holder)."""
    text, names = art.text, art.tools.names
    speaker = text[src[0]:src[1]]
    desc = describe_source(speaker)
    kind, name, how, origin = desc.type, desc.name, "named", None
    head = desc.head.lower()
    if where == "label":
        kind, name = "person", names.resolve(speaker, src[0])
    elif head in PRONOUNS and len(speaker.split()) == 1:
        how = "pronoun"
        name, kind, origin = _pronoun_speaker(art, refs, groups, src[0], speaker, head, kind)
    elif kind in ("person", "organization") and name and is_place(name):
        # A country speaking is its government, unless the article names a person so.
        kind, name = place_or_person(name, names, src[0])
        origin = _full_mention(refs, name, src[0]) if kind == "person" else None
    elif kind == "person" and name:
        name = names.resolve(name, src[0])
        holder = refs.holder(speaker, src[0]) if name.lower() in ("democrat", "republican") else None
        if holder is not None:
            name, how, origin = holder.name, "role", holder.written
        elif name != speaker.strip():
            origin = _full_mention(refs, name, src[0])
        elif " " not in name:
            kind = lone_word_type(name, refs)  # "“…,” Boeing said": no person named so
        if _appositive_at(text, src):
            how = "appositive"
    elif kind == "anonymous" and _surname_of_named(names, speaker, src[0]):
        # "King wrote" where the article names Martin Luther King Jr.: a title word standing
        # alone, capitalized and without a determiner, is the surname of the person named so.
        kind, name = "person", names.resolve(speaker.strip(), src[0])
        origin = _full_mention(refs, name, src[0])
    elif kind == "anonymous":
        holder = refs.holder(speaker, src[0])
        if holder is not None:
            kind, name, how, origin = "person", holder.name, "role", holder.written
            refs.note_speaker(src[0], holder.name, holder.written)
        else:
            name, how = name or _LEAD_ARTICLE.sub("", speaker.strip()), "anonymous"
    else:
        named = org_named_by(text, speaker, src[0]) if kind == "organization" and not name else None
        if named:
            name, how = named, "role"  # "the department" after "the Justice Department"
        issuer = document_issuer(text, speaker, src[0]) if kind == "document" and not name else None
        if issuer is not None:
            kind, name = issuer.type, names.resolve(issuer.name, src[0]) if issuer.type == "person" else issuer.name
            if kind == "person" and " " not in name:
                kind = lone_word_type(name, refs)  # "Boeing issued a statement"
        name = name or _LEAD_ARTICLE.sub("", speaker.strip())
    if where == "colon" and how != "role":
        how = "colon"
    if kind == "person":
        name = refs.canonical(name)  # "Jim Comey" is the "James Comey" written first
    return _Speaker(speaker, name, kind, how, origin)


def _pronoun_speaker(art: _Article, refs: "Referents", groups: _GroupSpeakers, pos: int, speaker: str,
                     head: str, kind: str) -> tuple[str, str, str | None]:
    """``(name, kind, origin)`` of a pronoun speaker at ``pos`` (``head``: the pronoun, lower
    case): "he"/"she" its antecedent (noted for later pronouns), "it"/"they" the group or
    organization that spoke before."""
    if head in ("he", "she", "i"):
        m = refs.antecedent(pos, head) if head != "i" else None
        if m:
            refs.note_speaker(pos, m.name, m.written, head)
            return m.name, kind, m.written
        return speaker, kind, None
    text = art.text
    near = _group_subject_before(art, pos, head) if head in ("it", "they") else None
    if near is not None and near[1] is None:
        # "He and other Republicans say …": the person the "he" stands for leads them.
        m = refs.antecedent(near[0], text[near[0]:near[0] + 3].strip().lower())
        near = (near[0], m.name, "person") if m else None
    if near is not None and near[0] > groups.at:
        return near[1], near[2], None  # a group that spoke since the last group quote
    if groups.group and (head == "they" or groups.group[1] == "organization"):
        return groups.group[0], groups.group[1], None  # ("it" stands for an organization, never "an aide")
    return speaker, kind, None


def _surname_of_named(names, speaker: str, pos: int) -> bool:
    """Whether ``speaker`` is one capitalized word (no determiner) that the article uses as
    the surname of a person it names in full: a surname that is also a title ("King",
    "Bishop", "Judge") names that person, not a role.

    >>> from analysis.speakers import NameIndex
    >>> ix = NameIndex.build("Martin Luther King Jr. wrote from jail. King said so.")
    >>> _surname_of_named(ix, "King", 40), _surname_of_named(ix, "the king", 40)
    (True, False)
    >>> _surname_of_named(NameIndex.build("Capitol Hill Republicans met. Republicans said no."), "Republicans", 40)
    False
    """
    word = speaker.strip()
    if " " in word or not word[:1].isupper() or not word[1:].islower() or word not in title_words():
        return False  # only a title word ("King"), not a group ("Republicans")
    full = names.resolve(word, pos)
    return full != word and " " in full


def _full_mention(refs: "Referents", name: str, pos: int) -> str | None:
    """How the article wrote the full name a surname was resolved to (its last mention
    before ``pos`` with a given name, else its first one)."""
    i = bisect.bisect_left(refs.starts, pos)
    for k in range(i - 1, max(-1, i - 1 - MAX_CANDIDATES), -1):
        # the name and the text of a mention, without making the mention (Referents.names)
        if refs.names[k] == name:
            written = refs.text[refs.starts[k]:refs.ends[k]]
            if len(written.split()) >= 2:
                return written
    return None


_APPOSITIVE_AFTER = re.compile(r",\s+(?:the|a|an|former|[A-Z][\w’'.\-]*[’']s)\s[^,.;:]{2,80},")
_APPOSITIVE_BEFORE = re.compile(r"(?:the|a|an)\s[^,.;:]{2,80},\s*$|[A-Z][\w’'.\-]*[’']s\s[^,.;:]{2,60},\s*$")


def _appositive_at(text: str, src: tuple[int, int]) -> bool:
    """Whether the speaker's name stands beside a role in apposition ("Jane Doe, the mayor,
    said"; "a spokeswoman for the firm, Jane Doe, said")."""
    if _APPOSITIVE_AFTER.match(text, src[1], min(len(text), src[1] + 100)):
        return True
    lo = max(0, src[0] - 90)
    return _APPOSITIVE_BEFORE.search(text, lo, src[0]) is not None


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


# --------------------------------------------------------------------------- corpus

def how_said(how: str | None, speaker: str | None = None, resolved_from: str | None = None) -> str:
    """How a quote's speaker was found, in words a reader can check against the text (the
    ``how``, ``speaker`` and ``resolved_from`` columns of :func:`quotes`).

    >>> how_said("pronoun", "she", "Gov. Kay Ivey"), how_said("named", "Smith")
    ('“she” → Gov. Kay Ivey', 'named here')
    >>> how_said("continuation", "Smith", "Sen. Jane Smith")
    'continues a quote of Sen. Jane Smith'
    """
    def _missing_text(v) -> bool:
        return v is None or not isinstance(v, str) or not v.strip()

    if how == "named":
        return "named here"
    if how == "continuation":
        who = resolved_from if not _missing_text(resolved_from) else speaker
        return f"continues a quote of {who}" if not _missing_text(who) else "continues the quote before"
    if how in ("pronoun", "role"):
        if _missing_text(resolved_from):
            return f"“{speaker}”, unresolved" if not _missing_text(speaker) else f"{how}, unresolved"
        return f"“{speaker}” → {resolved_from}"
    return {"appositive": "named beside a role", "colon": "named before a colon",
            "anonymous": "unnamed source", "none": "no speaker found"}.get(how or "none", str(how))


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
    ``speaker_start``/``speaker_end``, ``cue_start``/``cue_end``, ``sent_id``, ``para_id``,
    ``how`` (how the article identifies the speaker: ``named`` in the attributing clause,
    ``pronoun`` ("he said", resolved to its antecedent), ``role`` ("the governor said",
    resolved to the person the article gives that role), ``appositive`` ("a spokeswoman,
    Jane Doe, said"), ``continuation`` (the speaker of the statement it continues),
    ``colon`` ("Smith said: “…”"), ``anonymous`` (an unnamed source), ``none``) and
    ``resolved_from`` (the mention the name was resolved from, as written: the antecedent
    of a pronoun, the holder of a role, the full name of a surname, the speaker a
    continuation continues).  Computed once per corpus, with :func:`analysis.attributions`.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "“We will adapt,” Secretary Antony Blinken said. Officials agreed. "
    ...                          "“It is a step,” he said."})
    >>> quotes(c)[["text", "speaker", "speaker_name", "speaker_type", "cue"]].values.tolist()
    [['We will adapt,', 'Secretary Antony Blinken', 'Antony Blinken', 'person', 'said'], ['It is a step,', 'he', 'Antony Blinken', 'person', 'said']]
    """
    return _sources(corpus)[0]
