"""Attributions: every sourcing statement, direct quote or not, and whether the source is named.

"according to four U.S. officials familiar with the matter", "two US officials told CNN",
"Blinken said in Moldova on Wednesday that ...", "White House officials insisted": each is
one row of :func:`attributions`, with the source's words, its type, whether it is anonymous,
how many sources are stated, and the reason given for anonymity.  The rules are those of
:mod:`analysis.speakers` (speech verbs, subjects, source types), applied to every sentence,
plus the speakers of direct quotes found by :mod:`analysis.quotes`.
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from .corpus import memoized
from .quotes import SpeakerTools, _check_corpus, _LatestBelow, _sentence_subject, _sources, quotes, quotes_for_article
from .referents import is_place, lone_word_type, place_or_person
from .speakers import (
    SPEAKER_REACH,
    document_issuer,
    org_named_by,
    _AND_OTHERS,
    according_to,
    cue_matches,
    DETERMINERS,
    PRONOUNS,
    cue_words,
    describe_source,
    is_subject,
    phrase_after,
    subject_after,
    subject_before,
)

__all__ = ["attributions", "attributions_for_article", "attribution_frame", "quote_summary", "ATTRIBUTION_COLUMNS"]

ATTRIBUTION_COLUMNS = [
    "article_id", "start", "end", "source", "source_name", "source_type", "anonymous", "count",
    "reason", "cue", "cue_start", "cue_end", "sent_id", "direct",
]

# Verbs in the speech list that do not, alone, make a sourcing statement ("Biden agreed",
# "Sullivan urged"): kept for quotes, where the quotation marks already say "words of".
_NOT_SOURCING = frozenset("""agree agrees agreed disagree disagreed urge urges urged urging begin began
point pointing counter state states post signal signals signaled signalled promise promises promised
pledge pledges pledged vow vows vowed demand demands demanded describe describes read
ask asks asked asking answer answers charge charges called calling calls blame blames blamed blaming
thank thanks thanked thanking label labels labeled labelled labeling labelling brand brands branded branding
sigh sighs sighed pressed quoted pondered ponders""".split())
# Of those, verbs that declare something: a sourcing statement when a reported clause
# follows ("Trump vowed that ...", "Tehran vowed it would retaliate"), not an object or an
# infinitive ("vowed to fight", "promised a review").
_DECLARING = frozenset("""signal signals signaled signalled promise promises promised pledge pledges pledged
vow vows vowed state states charge charges""".split())
_REPORTED_AFTER = re.compile(
    r"[ \t]+(?:(?:earlier|later|again|also|repeatedly|publicly|privately|on|last|this|next|[A-Z][a-z]+day|week|"
    r"month|night|morning|evening)[ \t,]+){0,3}that\b"
    r"|[ \t]+(?:it|he|she|they|we|I)[ \t]+(?:would|will|could|can|had|has|have|was|were|is|are|might|may|must|"
    r"should|did|does)\b")
_INVERTED = frozenset("""said says added wrote asked continued explained noted stated replied
responded declared insisted argued recalled countered remarked observed tweeted concluded conceded
warned cautioned stressed emphasized acknowledged admitted complained reported announced confirmed
suggested predicted""".split())
# "is said by multiple officials to", "was told by aides that": the agent is the source.
_PASSIVE = re.compile(r"\b(?:confirmed|reported|revealed|announced|disclosed|described|first reported|said|told)\s+by\s+")
# "citing unnamed sources", "citing two officials": the object cited is the source.
_CITING = re.compile(r"\b(?:citing|cited)\s+(?!by\b|as\b)")  # (not "was cited by", "cited as")
_INFINITIVE_TO = re.compile(r"\s+to\s")
_REASON = re.compile(
    r"(?:who\s+|because\s+(?:he|she|they)\s+)?(?:"
    r"(?:requested|asked for|demanded|insisted on|was granted|were granted|were given|was given|given|granted)\s+anonymity"
    r"|(?:spoke|speaking|spoke to [A-Z][\w.]+|talked)\s+on\s+(?:the\s+)?condition\s+(?:of|that)\s+(?:anonymity|they not be named|he not be named|she not be named)"
    r"|(?:was|were|is|are)\s+not\s+authori[sz]ed\s+to"
    r"|declined\s+to\s+be\s+(?:named|identified)"
    r"|(?:did|do|does)\s+not\s+want\s+to\s+be\s+(?:named|identified)"
    r"|(?:was|were)\s+not\s+(?:permitted|allowed)\s+to"
    r")[^,.;:()\u2014]*", re.I)


_BEFORE_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are|being|to)\s+(?:\w+ly\s+)?(?:first\s+)?$")
_AFTER_BY = re.compile(r"\s+by\b")
_AFTER_TO = re.compile(r"\s+to\s")
# "confirmed to Fox News that", "said to reporters": "to" and a listener, not an infinitive.
_TO_LISTENER = re.compile(r"\s+to\s+(?:[A-Z]|(?:the|a|an)\s|reporters\b|journalists\b)")
_TO_LISTENER_VERBS = frozenset("""pointed told confirmed said says explained admitted revealed wrote
complained acknowledged stressed insisted""".split())
_ENDS_COMMA = re.compile(r"[,”\"]\s*$")
_LEAD_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


# Every reason _REASON finds has one of these words (compared in lower case).
_REASON_WORDS = ("anonymity", "condition", "authori", "declined", "want", "permitted", "allowed")


# Every phrase _REASON finds before its final ``[^,.;:()\u2014]*`` is shorter than this.
_REASON_KEY_LENGTH = 120


def _reason(text: str, lo: int, hi: int) -> str | None:
    """The reason for anonymity given after a source (``text[lo:hi]``, the rest of its
    sentence), starting within :data:`SPEAKER_REACH` characters of it."""
    if 0 <= lo <= hi:
        # Search no further than reach plus the length of a key phrase; a reason found
        # there is then read to its end, however far that is.
        reach = min(hi, lo + SPEAKER_REACH + _REASON_KEY_LENGTH)
        m = _reason_in(text, lo, reach)
        if m is None or m.start() >= lo + SPEAKER_REACH:
            return None
        if m.end() == reach < hi:
            m = _REASON.match(text, m.start(), hi)
        return m.group().strip()
    m = _REASON.search(text, lo, hi)
    return m.group().strip() if m else None


def _reason_in(text: str, lo: int, hi: int) -> re.Match | None:
    # Without one of its key words _REASON cannot match: skip the search.  Only for ASCII
    # text, where lower() folds case exactly as the case-insensitive search does.
    part = text[lo:hi]
    if part.isascii():
        low = part.lower()
        if not any(w in low for w in _REASON_WORDS):
            return None
    return _REASON.search(text, lo, hi)


def _ends_with_comma(text: str, lo: int, hi: int) -> bool:
    """``_ENDS_COMMA.search(text[lo:hi])``: the last character of ``text[lo:hi]`` that is not
    white space is a comma or a closing quotation mark; read from the end, not searched
    for from the start."""
    if lo < 0 or hi < 0:  # offsets counted from the end: as the search reads them
        return bool(_ENDS_COMMA.search(text[lo:hi]))
    k = min(hi, len(text))
    while k > lo and text[k - 1].isspace():
        k -= 1
    return k > lo and text[k - 1] in ",”\""


def _missing(value) -> bool:
    """``value is None or pd.isna(value)``; a Python int (what quotes_for_article gives) is
    never missing, so pandas is asked only about other values."""
    return value is None or (type(value) is not int and bool(pd.isna(value)))


def _passive_by(text: str, lo: int, hi: int, first: bool = True) -> list[int]:
    """Where _PASSIVE could match in ``text[lo:hi]``: the "by" with white space on both sides
    after a word ending in "ed" (``isspace`` is the ``\\s`` of ``re``).  Only the first one
    when ``first``.  A part of a text has such a "by" only where the whole text has one."""
    out = []
    hi = min(hi, len(text))  # the search reads no further
    i = text.find("by", lo, hi)
    while i >= 0:
        if i + 2 < hi and text[i + 2].isspace() and i > lo and text[i - 1].isspace():
            j = i - 1
            while j > lo and text[j - 1].isspace():
                j -= 1
            if text.endswith(("ed", "said", "told"), lo, j):
                out.append(i)
                if first:
                    break
        i = text.find("by", i + 1, hi)
    return out


_SINGULAR_LEAD = re.compile(r"(?:a|an|each|every|this|that)\s", re.I)


def _noun_not_verb(text: str, span: tuple[int, int], word: str, cues: frozenset[str]) -> bool:
    """Whether a cue's base form after a singular subject is a noun, not the verb: a
    singular subject takes "reports", so in "a scathing inspector general report" the
    "report" ends the noun phrase.

    >>> t = "a scathing inspector general report"
    >>> _noun_not_verb(t, (0, 28), "report", frozenset({"report", "reports"}))
    True
    """
    if word + "s" not in cues and word + "es" not in cues:
        return False  # no present-tense -s form: a past ("said") or an -s form already
    phrase = text[span[0]:span[1]].strip()
    if phrase.lower() in DETERMINERS:
        return True  # "The report said": a determiner alone is no subject; "report" is its noun
    last = phrase.rsplit(None, 1)[-1]
    # Only right before the word ("a spokesman could only quip" has a modal between), and a
    # noun last ("a decision they say": "they" speaks).
    gap = text[span[1]:span[1] + len(word) + 3]
    if not gap[:1].isspace() or not gap.lstrip().startswith(word) or last.lower() in PRONOUNS:
        return False
    return bool(_SINGULAR_LEAD.match(phrase)) and not last.lower().endswith("s")


# "… from Democrats who noted", "Paula Jones, who in 1994 accused": a relative "who" and
# a few words without a clause break before the verb.
_TOKEN_RUN = re.compile(r"\S+")
_TRAILING_WHO = re.compile(r",?\s+who$")
_WHO_BEFORE = re.compile(r"\bwho\s+[^,.;:!?()\u2014\u2013\"“”]{0,40}$")


def _relative_subject(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The source of a speech verb in a relative clause: the noun phrase the "who" follows,
    with the "who" ("rejoinders from Democrats who noted that …" -> "Democrats who").

    >>> t = "It drew rejoinders from Democrats who noted that none had seen it."
    >>> a, b = _relative_subject(t, 0, t.index("noted")); t[a:b]
    'Democrats who'
    """
    m = _WHO_BEFORE.search(text, max(lo, cue_start - 60), cue_start)
    if m is None:
        return None
    end = len(text[:m.start()].rstrip(" ,"))  # the noun phrase ends before "who" (or ", who")
    toks = list(_TOKEN_RUN.finditer(text, max(lo, end - 80), end))[-6:]
    for t in toks:  # the longest noun phrase that ends there ("Democrats", not "from Democrats")
        phrase = text[t.start():end]
        if is_subject(phrase) and describe_source(phrase).type in ("person", "anonymous"):
            return t.start(), m.start() + 3  # "who" stands for people ("Harvard Law School who" is no source)
    return None


def _agent_after(text: str, j: int, hi: int) -> tuple[int, int] | None:
    """The agent after a passive "by": the phrase up to a comma or clause word, else up to
    an infinitive ("is said by multiple officials to favor ...").

    >>> t = "He is said by two officials to favor it."
    >>> a, b = _agent_after(t, t.index("two"), len(t)); t[a:b]
    'two officials'
    """
    m = _INFINITIVE_TO.search(text, j, min(hi, j + 100))
    span = phrase_after(text, j, m.start()) if m else None
    return span or phrase_after(text, j, hi)


def _may_be_passive(text: str, lo: int, hi: int) -> bool:
    """False when _PASSIVE cannot match in ``text[lo:hi]`` (see _passive_by)."""
    if lo < 0 or hi < 0:
        return True  # offsets counted from the end: let the search decide
    return bool(_passive_by(text, lo, hi))


def attributions_for_article(article_id: str, text: str, paragraphs: list[tuple[int, int]],
                             sentences: list[tuple[int, int]], quote_rows: list[dict] | None = None,
                             tools: SpeakerTools | None = None) -> list[dict]:
    """The attribution rows of one article (see :func:`attributions`).

    Phases: the sources of every sentence's frames and speech verbs
    (:func:`_sentence_sources`), the speakers of direct quotes found another way
    (:func:`_direct_speakers`), then one row per source, resolved (:func:`_rows_of`).

    >>> t = "Biden agreed, according to two officials who requested anonymity to discuss it."
    >>> [(r["source"], r["count"], r["anonymous"], r["reason"]) for r in
    ...  attributions_for_article("a", t, [(0, len(t))], [(0, len(t))])]
    [('two officials', 2, True, 'who requested anonymity to discuss it')]
    """
    tools = tools or SpeakerTools.of(text)
    if quote_rows is None:
        quote_rows = quotes_for_article(article_id, text, paragraphs, sentences, tools=tools)
    quoted = sorted((q["start"], q["end"]) for q in quote_rows)
    found = _Found(text, quoted)
    _sentence_sources(found, sentences, tools)
    direct = _direct_speakers(found, quote_rows, sentences)
    refs = tools.referents(text, paragraphs, sentences, quoted)
    rows = _rows_of(article_id, found, direct, sentences, tools.names, refs)
    _share_reasons(rows)
    return rows


class _Found:
    """The source spans of one article found so far, each with its cue and sentence, none
    inside a direct quote (a phrase quoted is no source of the outlet's)."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]):
        self.text = text
        self.quoted = quoted
        self.q_starts = [a for a, _ in quoted]
        self.spans: dict[tuple[int, int], dict] = {}

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.q_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def add(self, span, cue_span, si: int, cue_text: str | None = None) -> None:
        if span is None or span in self.spans or self.in_quote(span[0]):
            return
        self.spans[span] = {"span": span, "cue": cue_span, "sent": si, "cue_text": cue_text}


def _sentence_sources(found: _Found, sentences: list[tuple[int, int]], tools: SpeakerTools) -> None:
    """Add the sources of every sentence: "according to", the frames without a finite verb
    (:func:`_frame_sources`), the subjects of finite speech verbs, else the subject of the
    sentence when only a participle ("…, saying …") speaks."""
    text, in_quote = found.text, found.in_quote
    cues_all = cue_words()
    subjects: dict = {}  # sentence subjects by sentence start (see quotes._sentence_subject)
    # A sentence can hold "according to" only if the text does: most do not, skip them.
    has_according = "ccording to" in text
    # Where a sentence can hold a passive source, the whole text can: look only near those.
    by_at = _passive_by(text, 0, len(text), first=False)
    for si, (sa, sb) in enumerate(sentences):
        for c in (according_to(text, sa, sb) if has_according else ()):
            if not in_quote(c[0]):
                found.add((c[2], c[3]), (c[0], c[1]), si)
        for span, cue_span in _frame_sources(text, sa, sb, by_at, in_quote):
            found.add(span, cue_span, si)
        finite = False
        participles = []
        for cue in cue_matches(text, sa, sb, tools.cues):
            w = cue.group()
            if w == "according to" or in_quote(cue.start()) or not _sourcing_verb(text, cue, sa, sb):
                continue
            if w.endswith("ing"):
                participles.append(cue)
                continue
            span = _verb_subject(text, cue, sa, sb, cues_all)
            if span and not in_quote(span[0]):
                found.add(span, (cue.start(), cue.end()), si)
                finite = True
        if participles and not finite:
            span = _sentence_subject(text, sa, participles[0].start(), tools.known, subjects)
            if span:
                found.add(span, (participles[0].start(), participles[0].end()), si)


def _direct_speakers(found: _Found, quote_rows: list[dict], sentences: list[tuple[int, int]]) -> dict:
    """Add the speakers of direct quotes found another way (a colon, the sentence's
    subject); return speaker span -> the quote's (speaker_name, speaker_type)."""
    s_starts = [a for a, _ in sentences]
    direct: dict[tuple[int, int], tuple] = {}
    for q in quote_rows:
        if _missing(q.get("speaker_start")):
            continue
        span = (int(q["speaker_start"]), int(q["speaker_end"]))
        direct.setdefault(span, (q.get("speaker_name"), q.get("speaker_type")))
        if span not in found.spans and not found.in_quote(span[0]):
            si = max(0, bisect.bisect_right(s_starts, span[0]) - 1)
            cue = (int(q["cue_start"]), int(q["cue_end"])) if not _missing(q.get("cue_start")) else None
            found.spans[span] = {"span": span, "cue": cue, "sent": si, "cue_text": q.get("cue")}
    return direct


def _rows_of(article_id: str, found: _Found, direct: dict, sentences: list[tuple[int, int]],
             names, refs) -> list[dict]:
    """One row per source span in text order (:func:`_attribution_row`), each "they" and
    "it" resolved to the rows before it."""
    rows = []
    groups = _LatestBelow()  # anonymous and organization rows, by -sent_id (see "they")
    orgs = _LatestBelow()  # organization rows, by -sent_id (see "it")
    for span in sorted(found.spans):
        row = _attribution_row(article_id, found.text, span, found.spans[span], direct, sentences, names, refs,
                               (groups, orgs))
        if row is None:
            continue
        rows.append(row)
        if row["source_type"] in ("anonymous", "organization") or _AND_OTHERS.search(row["source"]):
            groups.add(-row["sent_id"], row)  # what a later "they" may stand for
        if row["source_type"] == "organization":
            orgs.add(-row["sent_id"], row)  # what a later "it" may stand for
    return rows


def _frame_sources(text: str, sa: int, sb: int, by_at: list[int], in_quote) -> list[tuple]:
    """``(source span, cue span)`` of the sentence ``text[sa:sb]`` for the frames without a
    finite speech verb of the source: a passive agent ("was told by aides", "is said by two
    officials to") and "citing unnamed sources" (``by_at``: where a passive "by" may be)."""
    out = []
    k = bisect.bisect_left(by_at, sa) if by_at else 0
    for m in (_PASSIVE.finditer(text, sa, sb)
              if k < len(by_at) and by_at[k] < sb and _may_be_passive(text, sa, sb) else ()):
        span = None if in_quote(m.start()) else _agent_after(text, m.end(), sb)
        if span:
            out.append((span, (m.start(), m.end() - 4)))
    for m in (_CITING.finditer(text, sa, sb) if "cit" in text[sa:sb] else ()):
        span = None if in_quote(m.start()) else phrase_after(text, m.end(), sb)
        # "which cited people familiar with the matter": the people cited are sources,
        # "cited concerns" names none (the row's type decides).
        if span and (text[m.start():m.start() + 6] == "citing" or describe_source(text[span[0]:span[1]]).type == "anonymous"):
            out.append((span, (m.start(), m.start() + len(m.group().rstrip()))))
    return out


def _sourcing_verb(text: str, cue: re.Match, sa: int, sb: int) -> bool:
    """Whether a speech-verb match makes a sourcing statement: not a verb that alone makes
    none ("Biden agreed"), not a passive ("was first reported"), an infinitive or "continues
    to face" (but "confirmed to Fox News that" is one)."""
    w = cue.group()
    if w in _NOT_SOURCING and not (
            w.lower() in _DECLARING and _REPORTED_AFTER.match(text, cue.end(), min(sb, cue.end() + 80))):
        return False
    before = text[max(sa, cue.start() - 40):cue.start()]
    after = text[cue.end():cue.end() + 6]
    return not (_BEFORE_PASSIVE.search(before) or _AFTER_BY.match(after) or (_AFTER_TO.match(after) and not (
        w.lower() in _TO_LISTENER_VERBS and _TO_LISTENER.match(text, cue.end(), min(sb, cue.end() + 20)))))


# A condition before a subject: the clause supposes a statement, it reports none.
_CONDITIONAL_BEFORE = re.compile(r"(?<![\w’'\-])(?:if|unless|whether)[ \t]+$", re.I)


def _verb_subject(text: str, cue: re.Match, sa: int, sb: int, cues: frozenset[str]) -> tuple[int, int] | None:
    """The source of a finite speech verb in the sentence ``text[sa:sb]``: its subject, the
    subject after an inverted verb ("…, said X"), or the noun phrase a relative "who" follows.

    >>> t = "The plan was dropped, industry executives said."
    >>> m = next(x for x in cue_matches(t) if x.group() == "said"); a, b = _verb_subject(t, m, 0, len(t), cue_words()); t[a:b]
    'industry executives'
    """
    w = cue.group()
    span = subject_before(text, cue.start(), sa)
    if span and _noun_not_verb(text, span, w, cues):
        return None  # "a scathing inspector general report directly countered ..."
    if span and _CONDITIONAL_BEFORE.search(text, max(sa, span[0] - 10), span[0]):
        return None  # "… arrest someone if the officer believes that …": a supposed speaker, no source
    if not span and w in _INVERTED and _ends_with_comma(text, sa, cue.start()):
        span = subject_after(text, cue.end(), sb)
    return span or _relative_subject(text, sa, cue.start())


def _attribution_row(article_id: str, text: str, span: tuple[int, int], f: dict, direct: dict,
                     sentences: list[tuple[int, int]], names, refs,
                     groups: tuple[_LatestBelow, _LatestBelow]) -> dict | None:
    """The row of one source span: typed, its name resolved as a quote's speaker is (the
    speaker of a direct quote keeps the quote's name), None for a phrase that is no source.
    ``groups``: the rows a later "they" (anonymous or organization) and "it" (organization)
    may stand for."""
    a, b = span
    phrase = text[a:b]
    src = describe_source(phrase)
    low = phrase.strip().lower()
    if src.type == "unknown" and src.head.lower() not in ("he", "she", "they", "i", "we", "it"):
        return None
    sa, sb = sentences[f["sent"]] if sentences else (0, len(text))
    name, kind, anonymous = src.name, src.type, src.anonymous
    if span in direct and direct[span][0] and direct[span][1] not in (None, "unknown"):
        # The speaker of a direct quote: one name and type for it everywhere, as
        # quotes_for_article resolved it (a pronoun, a continued statement, ...).
        name, kind = direct[span]
        anonymous = kind == "anonymous"
    elif src.type in ("person", "organization") and name and is_place(name):
        kind, name = place_or_person(name, names, a)  # a country: its government, or a person so named
    elif src.type == "person" and name:
        name = names.resolve(name, a)
        holder = refs.holder(phrase, a) if name.lower() in ("democrat", "republican") else None
        name = holder.name if holder is not None else name
        if holder is None and " " not in name:
            kind = lone_word_type(name, refs)  # "Boeing said": no person named so
    elif low in ("he", "she") or (src.type == "person" and not name and src.head.lower() in ("he", "she")):
        low = src.head.lower()  # "he", or the "he" that leads "he and other Republicans"
        m = refs.antecedent(a, low)
        name, kind = (m.name if m else phrase), "person"
    elif low in ("they", "it"):
        prev = _group_before(groups, low, f["sent"])
        if prev is None:
            return None
        name, kind = prev["source_name"], prev["source_type"]
        src = describe_source(prev["source"])
        anonymous = src.anonymous
    elif src.type == "anonymous":
        holder = refs.holder(phrase, a)
        if holder is not None:
            name, kind, anonymous = holder.name, "person", False
        else:
            name = name or _LEAD_ARTICLE.sub("", phrase.strip())
    elif not name:
        name, kind = _common_noun_source(text, phrase, a, kind, names, refs)
    if kind == "person":
        name = refs.canonical(name)  # "Jim Comey" is the "James Comey" written first
    cue = f["cue"]
    if name and name.endswith(" who"):
        name = _TRAILING_WHO.sub("", name)  # "Democrats who (noted)": the span keeps the "who"
    return {
        "article_id": article_id, "start": a, "end": b, "source": phrase, "source_name": name,
        "source_type": kind, "anonymous": anonymous, "count": src.count,
        "reason": _reason(text, b, sb) if anonymous else None,
        "cue": text[cue[0]:cue[1]] if cue else f["cue_text"],
        "cue_start": cue[0] if cue else None, "cue_end": cue[1] if cue else None,
        "sent_id": f["sent"], "direct": span in direct,
    }


def _group_before(groups: tuple[_LatestBelow, _LatestBelow], pronoun: str, sent: int) -> dict | None:
    """The row a "they" or "it" in sentence ``sent`` stands for: the latest anonymous or
    organization row ("it": organization, in an earlier sentence) at most two sentences
    back (-sent_id < 3 - sent  <=>  sent_id >= sent - 2); "The Pentagon said … It said …".
    None: no source ("It said to be"; "The Pentagon said that it believed": its own row)."""
    prev = groups[pronoun == "it"].find(3 - sent)
    if prev is None or pronoun == "it" and prev["sent_id"] == sent:
        return None
    return prev


def _common_noun_source(text: str, phrase: str, a: int, kind: str, names, refs) -> tuple[str, str]:
    """``(name, type)`` of a source written as a common noun: the organization "the
    department" names, the issuer of "the statement", else the noun as written."""
    named = org_named_by(text, phrase, a) if kind == "organization" else None
    issuer = document_issuer(text, phrase, a) if kind == "document" else None
    if issuer is not None:  # "The statement said": whoever issued it, named before
        kind = issuer.type
        named = names.resolve(issuer.name, a) if issuer.type == "person" else issuer.name
        if kind == "person" and " " not in named:
            kind = lone_word_type(named, refs)  # "Boeing issued a statement"
    return named or _LEAD_ARTICLE.sub("", phrase.strip()), kind  # "the department": the one named


def _head(row: dict) -> str:
    return describe_source(row["source"]).head.lower().rstrip("s")


def _share_reasons(rows: list[dict]) -> None:
    """"The officials, who requested anonymity ..., underscored": the reason given for a
    group of anonymous sources covers the same sources named just before (at most two
    sentences before).  Rows are in text order, so their sentences never go down: the
    first later row of the same head that gives a reason is the only one to look at, found
    by bisection.  (:func:`_share_reasons_plain` is the same rule, row after row.)"""
    if any(a["sent_id"] > b["sent_id"] for a, b in zip(rows, rows[1:])):
        return _share_reasons_plain(rows)
    givers: dict[str, list[int]] = {}
    for j, s in enumerate(rows):
        if s["anonymous"] and s["reason"]:
            givers.setdefault(_head(s), []).append(j)
    if not givers:
        return
    for i, r in enumerate(rows):
        if r["anonymous"] and r["reason"] is None:
            at = givers.get(_head(r))
            k = bisect.bisect_right(at, i) if at else 0
            if at and k < len(at) and rows[at[k]]["sent_id"] <= r["sent_id"] + 2:
                r["reason"] = rows[at[k]]["reason"]


def _share_reasons_plain(rows: list[dict]) -> None:
    """The plain form of :func:`_share_reasons`."""
    for i, r in enumerate(rows):
        if r["anonymous"] and r["reason"] is None:
            head = _head(r)
            for s in rows[i + 1:]:
                if s["sent_id"] > r["sent_id"] + 2:
                    break
                if s["anonymous"] and s["reason"] and _head(s) == head:
                    r["reason"] = s["reason"]
                    break


def attribution_frame(rows: list[dict]) -> pd.DataFrame:
    """Attribution rows as the table :func:`attributions` returns."""
    frame = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    frame["count"] = frame["count"].astype("Int64")  # missing when the text states no number
    return frame.astype({"anonymous": bool, "direct": bool}) if not frame.empty else frame


def attributions(corpus) -> pd.DataFrame:
    """Every sourcing statement in the corpus, direct quote or not, one row each.

    Columns: ``article_id``, ``start``/``end`` (the source's words), ``source`` (as
    written), ``source_name`` (resolved: full name for a surname), ``source_type``
    (person, anonymous, organization, document, unknown), ``anonymous`` (bool), ``count``
    (number of sources when stated: "four officials" -> 4, else missing), ``reason`` (why
    the source is anonymous, when the text says), ``cue`` (the verb or "according to"),
    ``cue_start``/``cue_end``, ``sent_id`` and ``direct`` (whether the source speaks a
    direct quote in the article).  Computed once per corpus, together with
    :func:`analysis.quotes`: the source of a direct quote is that quote's speaker.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Biden agreed, two US officials told CNN. "
    ...                          "Blinken said in Moldova on Wednesday that policy evolves."})
    >>> attributions(c)[["source", "source_type", "anonymous", "count", "cue"]].values.tolist()
    [['two US officials', 'anonymous', True, 2, 'told'], ['Blinken', 'person', False, <NA>, 'said']]
    """
    return _sources(corpus)[1]


SPEAKER_TYPES = ["person", "anonymous", "organization", "document", "unknown"]


@memoized
def quote_summary(corpus) -> pd.DataFrame:
    """Per outlet: how much is quoted, from whom, and how much sourcing is anonymous.

    Columns: ``outlet``, ``articles``, ``quotes`` (direct quotes), ``quoted_words``,
    ``words`` (body words), ``share_quoted`` (quoted words / body words), ``attributions``
    (sourcing statements, direct or not), ``named`` and ``anonymous`` (attributions to
    named and unnamed sources), ``share_anonymous`` (anonymous / attributions),
    ``distinct_speakers`` (resolved speakers of direct quotes, unknown left out), then
    direct quotes by speaker type: ``quotes_person``, ``quotes_anonymous``,
    ``quotes_organization``, ``quotes_document``, ``quotes_unknown``.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "“We will adapt and adjust,” Blinken said. Two officials said so."},
    ...                   outlet={"a": "AP"})
    >>> quote_summary(c)[["outlet", "quotes", "named", "anonymous", "quotes_person"]].values.tolist()
    [['AP', 1, 1, 1, 1]]
    """
    _check_corpus(corpus)
    outlets = corpus.outlet_of()
    q = quotes(corpus)
    a = attributions(corpus)
    rows = []
    for outlet in dict.fromkeys(outlets.tolist()):
        ids = [str(i) for i in outlets.index[outlets == outlet]]
        qo = q[q.article_id.isin(ids)]
        ao = a[a.article_id.isin(ids)]
        words = int(corpus.articles.loc[ids, "n_words"].sum())
        quoted = int(qo["n_words"].sum()) if not qo.empty else 0
        n_named = int((~ao["anonymous"].astype(bool) & (ao["source_type"] != "unknown")).sum()) if not ao.empty else 0
        n_anon = int(ao["anonymous"].astype(bool).sum()) if not ao.empty else 0
        speakers = qo.loc[qo["speaker_type"] != "unknown", "speaker_name"].dropna()
        row = {
            "outlet": outlet, "articles": len(ids), "quotes": len(qo), "quoted_words": quoted,
            "words": words, "share_quoted": round(quoted / words, 3) if words else 0.0,
            "attributions": len(ao), "named": n_named, "anonymous": n_anon,
            "share_anonymous": round(n_anon / (n_named + n_anon), 3) if n_named + n_anon else 0.0,
            "distinct_speakers": int(speakers.str.lower().nunique()),
        }
        for t in SPEAKER_TYPES:
            row[f"quotes_{t}"] = int((qo["speaker_type"] == t).sum())
        rows.append(row)
    cols = ["outlet", "articles", "quotes", "quoted_words", "words", "share_quoted", "attributions",
            "named", "anonymous", "share_anonymous", "distinct_speakers",
            *(f"quotes_{t}" for t in SPEAKER_TYPES)]
    return pd.DataFrame(rows, columns=cols)
