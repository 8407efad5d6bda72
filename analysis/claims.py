"""Claims: each article's body split into statements of one fact, with what each one contains.

A *claim* is a body sentence, or one clause of a compound sentence that states two facts
("X happened on Monday, but Y resigned").  Clauses are cut at a few written-out places, and
never inside a quotation: a semicolon; a comma before *but*, *though*, *although*, *yet*,
*while*, *with*, *noting*, *adding*; a comma before *and* that opens a new clause (a subject
then a verb); a non-restrictive
relative clause (", which ...", ", who ...") that runs to the end of the sentence; a clause
of time with its own subject and verb at the end of the sentence ("... gave the green light
| after the officials met once more"); and a sentence-opening *Although/While/Though ...,*.  Each piece keeps at least four words, or the
sentence stays whole.  Questions outside quotation marks and subheads are no claims.

What a claim contains is read by the rules of :mod:`analysis.values` (quantities, dates,
source counts, whether a state still holds) and from other analyses passed in explicitly:
the people named (:func:`analysis.naming.person_mentions`) and the quoted speaker
(:func:`analysis.quotes`).  Organizations and places are capitalized names told apart by
their heads (*Senate*, *Command*, *Ministry* ...) and by the preposition before them (*in*,
*near*, *from* ...), or by being a country or its adjective; it is a heuristic, not a
named-entity model.

Each claim also carries the *terms* the grouping in :mod:`analysis.coverage` compares:
content words (stopwords, speech verbs and sourcing phrases left out) stemmed with NLTK's
Porter stemmer, with news paraphrases mapped to one word (``resources/coverage_synonyms.txt``:
*permission*, *go-ahead*, *authorized* ...), names folded across spellings (Kyiv/Kiev) and
country adjectives to their country (*American* -> *US*), and the values it states.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field

import pandas as pd

from .corpus import Article, Corpus, memoized
from .text import _resource_lines, stopwords
from .values import (DateValue, Quantity, SourceCount, SpanCover, dates, parse_date, quantities, source_counts,
                     time_status)

__all__ = ["Claim", "claims", "claim_summary", "article_claims", "split_clauses", "CLAIM_COLUMNS"]

CLAIM_COLUMNS = ["claim_id", "article_id", "outlet", "sentence_id", "clause", "start", "end", "text",
                 "people", "organizations", "places", "numbers", "dates", "sources", "speaker"]


@dataclass(frozen=True)
class Claim:
    """One claim with its offsets (into the article's clean text) and what it contains."""

    claim_id: str
    article_id: str
    sentence_id: int
    clause: int
    start: int
    end: int
    text: str
    index: int  # position among the article's claims
    terms: dict = field(default_factory=dict)  # term -> weight (before idf)
    people: tuple = ()
    organizations: tuple = ()
    places: tuple = ()
    quantities: tuple = ()  # Quantity, offsets into the article text
    dates: tuple = ()  # DateValue, offsets into the article text
    sources: tuple = ()  # SourceCount, offsets into the article text
    status: tuple = ()  # (start, end, "ongoing" | "past"), offsets into the article text
    speaker: str | None = None
    event_refs: tuple = ()  # (start, end, noun): "the meeting", "that call"
    quotes: tuple = ()  # ids of the direct quotes the claim holds part of
    actions: frozenset = frozenset()  # terms of the verbs that say what happened (see action_terms)


# --------------------------------------------------------------------------- clauses

_OPEN_Q = "“\"«‘"
_WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*")
_SPLIT_AFTER_COMMA = re.compile(
    r",\s+(?=(?:but|though|although|yet|whereas|with|noting|adding|saying that|while)\b)", re.IGNORECASE)
_REL_CLAUSE = re.compile(r",\s+(?=(?:which|who)\s)")
_AND_CLAUSE = re.compile(r",\s+(?=and\s)")
_LEADING_CONCESSIVE = re.compile(r"^(?:Although|Though|While|Even though|Despite the fact that)\b[^,]{8,}?,\s+")
_SUBJECT_START = re.compile(r"^and\s+(?:(?:the|a|an|this|that|these|those|his|her|its|their|our|some|many|most|"
                            r"all|no|one|two|three|four|five|he|she|they|it|we|i|you|[A-Z][\w’'.-]*)\b)")
_VERBISH = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do|"
                      r"[a-z]{3,}ed|[a-z]{3,}s|said|told|took|gave|made|met|sent|held|began|came|went|left|got)\b")
_QUESTION_END = re.compile(r"\?\s*$")
# "... gave the green light after the officials met once more": a subordinate clause of
# time with its own subject and verb.
_TIME_CLAUSE = re.compile(r"\s+(?=(?:after|when|before|until|once)\s+(?:the|a|an|his|her|their|its|he|she|they|it|"
                          r"[A-Z][\w’'.-]*)\b)")



def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (curly, guillemets or paired straight quotes)."""
    out, opened = [], None
    for i, ch in enumerate(text):
        if ch in "“«" and opened is None:
            opened = i
        elif ch in "”»" and opened is not None:
            out.append((opened, i + 1))
            opened = None
        elif ch == '"':
            if opened is None:
                opened = i
            else:
                out.append((opened, i + 1))
                opened = None
    if opened is not None:
        out.append((opened, len(text)))
    return out


def _n_words(s: str) -> int:
    return len(_WORD.findall(s))


def _has_words(text: str, pos: int, n: int) -> bool:
    """``_n_words(text[pos:]) >= n``, reading only up to the n-th word."""
    return next(itertools.islice(_WORD.finditer(text, pos), n - 1, None), None) is not None


_SUBJECT_AT = re.compile(_SUBJECT_START.pattern[1:])  # (without "^": matched at a position)
_NON_SPACE = re.compile(r"\S+")


class _Overlaps:
    """The rows (dicts or ``(start, end)`` pairs) overlapping a span, in their order, found by
    bisection when they come in text order without nesting (ends in order too), else by a
    look at each.  ``_Overlaps(rows)(start, end)`` is ``[r for r in rows if r.start < end
    and start < r.end]``."""

    def __init__(self, rows, start=lambda r: r["start"], end=lambda r: r["end"]):
        self.rows = list(rows)
        self.starts = [start(r) for r in self.rows]
        self.ends = [end(r) for r in self.rows]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:])) and \
            all(a <= b for a, b in zip(self.ends, self.ends[1:]))

    def __call__(self, start: int, end: int) -> list:
        if not self.ordered:
            return [r for r, a, b in zip(self.rows, self.starts, self.ends) if a < end and start < b]
        i, j = bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end)
        return self.rows[i:j] if i < j else []


def _spans_hit(spans: list[tuple[int, int]]):
    """``hit(start, end)``: whether any of ``spans`` overlaps ``[start, end)``, by bisection
    in any order of the spans (sorted by start, with the furthest end so far)."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    reach, top = [], None
    for _a, b in spans:
        top = b if top is None or b > top else top
        reach.append(top)

    def hit(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # the spans starting before ``end``
        return bool(k) and reach[k - 1] > start
    return hit


def split_clauses(sentence: str) -> list[tuple[int, int]]:
    """Offsets of the clauses of one sentence that state facts of their own (see the module docstring).

    >>> s = "Sullivan got approval days ago, but the guidance did not go into effect until Thursday."
    >>> [s[a:b] for a, b in split_clauses(s)]
    ['Sullivan got approval days ago,', 'but the guidance did not go into effect until Thursday.']
    >>> s = "“We will act, but not now,” she said."
    >>> [s[a:b] for a, b in split_clauses(s)]
    ['“We will act, but not now,” she said.']
    """
    quoted = _quoted_regions(sentence)
    q_starts = [a for a, _ in quoted]  # (the regions come in order and do not overlap)

    def inside_quote(pos: int) -> bool:
        i = bisect.bisect_left(q_starts, pos) - 1
        return i >= 0 and pos < quoted[i][1]

    points = [0] + sorted(c for c in _clause_cuts(sentence) if not inside_quote(c)) + [len(sentence)]
    for m in re.finditer(r";\s+", sentence):
        if not inside_quote(m.start()):
            points.append(m.end())
    return [(a, b) for a, b in map(lambda p: _trimmed(sentence, *p), _merged_short(sentence, sorted(set(points))))
            if a < b]


def _clause_cuts(sentence: str) -> set[int]:
    """Where a clause that may state a fact of its own starts: after a comma before "but",
    a relative clause at the end, "and" before a new subject and verb, a time clause, a
    leading concessive (quotes aside: the caller drops cuts inside them)."""
    # What follows a break is read from the sentence itself, only as far as needed (a few
    # words), not as a copy of the rest of the sentence for each break.
    last_comma = sentence.rfind(",")
    cuts: set[int] = set()
    for m in _SPLIT_AFTER_COMMA.finditer(sentence):
        if sentence[m.end():m.end() + 5].lower().startswith("while") and not _has_words(sentence, m.end(), 6):
            continue
        cuts.add(m.end())
    for m in _REL_CLAUSE.finditer(sentence):
        if last_comma < m.end() and _has_words(sentence, m.end(), 5):
            cuts.add(m.end())
    for m in _AND_CLAUSE.finditer(sentence):
        if _SUBJECT_AT.match(sentence, m.end()):
            tokens = [t.group() for t in itertools.islice(_NON_SPACE.finditer(sentence, m.end()), 6)]
            if _VERBISH.search(" ".join(tokens[1:6])):
                cuts.add(m.end())
    # A time clause needs five words and a verb before it: both are read once per sentence
    # (where the fifth word and the first verb end; neither can reach across the white space
    # the clause opens on), not from the sentence's start for each "after" or "when".
    fifth = next(itertools.islice(_WORD.finditer(sentence), 4, None), None)
    first_verb = _VERBISH.search(sentence)
    for m in _TIME_CLAUSE.finditer(sentence):
        if fifth is None or first_verb is None or fifth.end() > m.start() or first_verb.end() > m.start():
            continue
        head = [t.group() for t in itertools.islice(_NON_SPACE.finditer(sentence, m.end()), 5)][1:5]
        if _VERBISH.search(" ".join(head)) and last_comma < m.end():
            cuts.add(m.end())
    lead = _LEADING_CONCESSIVE.match(sentence)
    if lead:
        cuts.add(lead.end())
    return cuts


def _merged_short(sentence: str, points: list[int]) -> list[tuple[int, int]]:
    """The pieces between cut ``points``, a piece of fewer than four words kept with the one
    before (too short to state a fact alone), as is the piece after a short one."""
    pieces: list[tuple[int, int]] = []
    last_words = 0  # words of the last piece, while they are fewer than 4 (see below)
    for a, b in zip(points, points[1:]):
        # A piece only grows, and its words never become fewer as it grows, so once it has
        # four it needs no counting again (re-counting it at every merge was quadratic).
        if pieces and last_words < 4:
            last_words = _n_words(sentence[pieces[-1][0]:pieces[-1][1]])
        if pieces and (_n_words(sentence[a:b]) < 4 or last_words < 4):
            pieces[-1] = (pieces[-1][0], b)
            if last_words < 4:
                last_words = _n_words(sentence[pieces[-1][0]:b])
        else:
            pieces.append((a, b))
            last_words = 0
    return pieces


def _trimmed(sentence: str, a: int, b: int) -> tuple[int, int]:
    """``a, b`` with the white space at both edges left out."""
    while a < b and sentence[a].isspace():
        a += 1
    while b > a and sentence[b - 1].isspace():
        b -= 1
    return a, b


# --------------------------------------------------------------------------- terms


@functools.lru_cache(maxsize=1)
def _synonyms() -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    """Word -> canonical word, and multi-word phrases to join, from the synonym list."""
    words: dict[str, str] = {}
    phrases: list[tuple[re.Pattern, str]] = []
    for line in _resource_lines("coverage_synonyms.txt"):
        head, _, rest = line.partition(":")
        for w in rest.split():
            words[w] = head.strip()
            if "_" in w:
                phrases.append((re.compile(r"\b" + re.escape(w.replace("_", " ")) + r"\b"), w))
    return words, phrases


@functools.lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Country adjectives and spellings -> the country (American -> us), and curated name variants."""
    table = {}
    for line in _resource_lines("coverage_places.txt"):
        head, _, rest = line.partition(":")
        for w in rest.split():
            table[w.replace("_", " ")] = head.strip()
        table[head.strip()] = head.strip()
    try:
        from .naming import load_transliterations

        for row in load_transliterations().itertuples():
            table[str(row.variant).lower()] = str(row.group).lower()
    except Exception:  # the curated list is a help, not a requirement
        pass
    return table


# Verbs that only report speech: they say nothing of what happened.  (Verbs of the cue list
# that carry content, "agreed", "warned", "revealed", stay terms.)
_SPEECH = frozenset("""say says said saying tell tells told telling state states stated stating add adds added
adding note notes noted noting explain explains explained explaining according remark remarked reiterate
reiterated continue continued comment commented quote quoted mention mentioned write wrote""".split())


def _cue_words() -> frozenset[str]:
    return _SPEECH


@functools.lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@functools.lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


_NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion trillion dozen dozens hundreds thousands millions billions""".split())
_EXTRA_STOP = frozenset("""also would could new one like just even still according familiar matter
mr mrs ms dr gen sen rep said says say told tell tells noted added stated reported reports reportedly""".split())


@functools.lru_cache(maxsize=100_000)
def term_of(token: str) -> str | None:
    """The term a word stands for in comparisons, or None for a word that says nothing.

    >>> [term_of(w) for w in ["weaponry", "go-ahead", "Kiev", "American", "the", "permission"]]
    ['weapon', 'permit', 'kyiv', 'us', None, 'permit']
    """
    low = token.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if token in ("US", "U.S", "U.S.") or low in ("u.s", "u.s."):
        return "us"
    if low in stopwords() or low in _EXTRA_STOP or low in _cue_words() or len(low) < 2:
        return None
    places = _places()
    if low in places:
        return places[low]
    syn, _ = _synonyms()
    if low in syn:
        return syn[low]
    if low.replace("-", "") in syn:
        return syn[low.replace("-", "")]
    if low[0].isdigit() or low in _NUMBER_WORDS:
        return None  # numbers are compared as values, not as words
    return _stem(low.replace("-", ""))


def _terms(text: str, masked: list[tuple[int, int]]) -> dict[str, float]:
    """Terms of a claim's text, as counts; words inside ``masked`` spans (sourcing) left out."""
    _, phrases = _synonyms()
    low = text.lower().replace("’", "'")
    # same length: the phrases' spaces become underscores, so each reads as one word (all
    # the phrases' spans first, then one pass: joining the text again per phrase found was
    # quadratic in a long clause)
    spans = sorted(m.span() for pat, _rep in phrases for m in pat.finditer(low))
    joined = text
    if spans:
        parts, pos = [], 0
        for a, b in spans:
            a = max(a, pos)
            if a < b:
                parts.append(text[pos:a])
                parts.append(text[a:b].replace(" ", "_"))
                pos = b
        parts.append(text[pos:])
        joined = "".join(parts)
    # a word's start inside a masked span (sourcing) is left out
    cover = SpanCover(masked)
    out: dict[str, float] = {}
    for m in re.finditer(r"[^\W_]+(?:(?:[’'.\-_])[^\W_]+)*", joined):
        if cover.holds(m.start()):
            continue
        t = term_of(m.group(0))
        if t:
            out[t] = out.get(t, 0.0) + 1.0
    return out


# --------------------------------------------------------------------------- actions

# Past forms that do not end in -ed, and words that end in -ed but are no verbs here.
_IRREGULAR_PAST = dict(pair.split(":") for pair in """gave:give given:give made:make met:meet held:hold took:take
taken:take sent:send brought:bring led:lead kept:keep ran:run saw:see seen:see spoke:speak spoken:speak wrote:write
written:write chose:choose chosen:choose fell:fall rose:rise sought:seek fought:fight bought:buy built:build
spent:spend sold:sell paid:pay struck:strike hit:hit won:win lost:lose shot:shoot found:find thought:think
meant:mean became:become stood:stand understood:understand drew:draw drawn:draw grew:grow grown:grow knew:know
known:know threw:throw thrown:throw broke:break broken:break began:begin begun:begin came:come went:go left:leave
got:get put:put set:set cut:cut let:let""".split())
_NOT_VERBS = frozenset("""united limited red bed need speed seed feed indeed hundred unprecedented alleged
so-called based interested concerned""".split())
# Words after which the next word is a verb: auxiliaries, modals, "to", negation.
_BEFORE_VERB = frozenset("""has have had will would can could may might must should shall did does do to not
never""".split())
_ACTION_WORD = re.compile(r"[A-Za-z][a-z’'-]+")


def action_terms(text: str, masked: list[tuple[int, int]] = ()) -> frozenset[str]:
    """Terms of the verbs of a claim, found by their shape: the action it reports.

    A small rule set instead of a tagger (NLTK's need downloads): a lower-case word ending in
    *-ed*, a past form from a short list (*gave*, *met*, *struck*), or a word right after an
    auxiliary, a modal or *to* ("will *vote*", "to *strike*").  Speech verbs ("said") and
    words in ``masked`` spans (names) are left out; each verb becomes its term (``term_of``),
    so paraphrases of one action share a term ("allowed" and "authorized" are *permit*).

    >>> sorted(action_terms("Sullivan presented the recommendation to Biden two days later"))
    ['present']
    >>> sorted(action_terms("Biden has given Ukraine permission to strike inside Russia"))
    ['attack', 'give']
    """
    out = set()
    cover = SpanCover(masked)
    toks = list(_ACTION_WORD.finditer(text))
    for k, m in enumerate(toks):
        w = m.group(0)
        if not w[0].islower() or cover.holds(m.start()):
            continue
        low = w.lower().replace("’", "'")
        prev = toks[k - 1].group(0).lower() if k else ""
        verb = (low.endswith("ed") and len(low) > 4 and low not in _NOT_VERBS) or low in _IRREGULAR_PAST or \
            (prev in _BEFORE_VERB and low not in _BEFORE_VERB and not low.endswith("ly"))
        if verb:
            t = term_of(_IRREGULAR_PAST.get(low, low))
            if t:
                out.add(t)
    return frozenset(out)


# --------------------------------------------------------------------------- names

_ORG_HEADS = frozenset("""house senate congress parliament assembly council committee commission court cabinet
administration government ministry department office agency bureau service institute center centre
foundation fund association union federation league party network news times post journal press
university college school command pentagon kremlin nato un eu forces force army navy guard corps
alliance organization organisation group company corp inc bank forum caucus""".split())
_PLACE_HEADS = frozenset("""region province oblast county district city town village state republic kingdom
island islands sea ocean river lake mountains valley desert coast peninsula strait gulf bay base
castle square street airport""".split())
_PLACE_PREP = re.compile(r"\b(?:in|near|from|to|across|at|outside|inside|into|toward|towards|around|of)\s+$", re.I)
_CAP_RUN = re.compile(r"(?:[A-Z][\w’'.\-]*|[A-Z]{2,})(?:\s+(?:of\s+the\s+|of\s+|the\s+|for\s+|de\s+)?(?:[A-Z][\w’'.\-]*))*")
_CALENDAR = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())


def _names(text: str, offset: int, people_spans: list[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """Organizations and places named in a claim (heuristic; see the module docstring)."""
    orgs, places = [], []
    countries = _places()
    people = sorted(people_spans)
    p_starts = [a for a, _ in people]
    reach, top = [], None
    for _a, b in people:
        top = b if top is None or b > top else top
        reach.append(top)
    for m in _CAP_RUN.finditer(text):
        s, e = m.start() + offset, m.end() + offset
        k = bisect.bisect_left(p_starts, e)  # the people spans starting before the run ends
        if k and reach[k - 1] > s:
            continue
        name = m.group(0).rstrip(".,’'")
        words = [w.lower().rstrip(".’'s") for w in name.split()]
        if not words or all(w in _CALENDAR for w in words):
            continue
        if m.start() == 0 or text[max(0, m.start() - 2):m.start()].strip() in ("“", '"', "(", "—"):
            if len(words) == 1 and (words[0] in stopwords() or words[0] in _EXTRA_STOP):
                continue
        low = name.lower()
        if words[-1] in _ORG_HEADS or (name.isupper() and len(name) >= 3 and low not in countries):
            orgs.append(name)
        elif low in countries or words[-1] in _PLACE_HEADS or _PLACE_PREP.search(text[max(0, m.start() - 12):m.start()]):
            if low not in _CALENDAR and words[0] not in stopwords():
                places.append(countries.get(low, name) if low in countries and countries[low] != low else name)
    return list(dict.fromkeys(orgs)), list(dict.fromkeys(places))


_EVENT_REF = re.compile(r"\b(?:the|that|this|same)\s+(?P<noun>meeting|call|conference|video conference|session|talks|"
                        r"visit|trip|briefing|hearing|vote|speech|summit|interview|statement|announcement)\b",
                        re.IGNORECASE)


# --------------------------------------------------------------------------- per article


def _overlapping(rows: list[dict], start: int, end: int) -> list[dict]:
    return [r for r in rows if r["start"] < end and start < r["end"]]


def article_claims(art: Article, quote_rows: list[dict] = (), person_rows: list[dict] = (),
                   attribution_rows: list[dict] = (), event_date=None) -> list[Claim]:
    """The claims of one article, in order (see the module docstring).

    ``quote_rows``, ``person_rows``, ``attribution_rows``: this article's rows of
    :func:`analysis.quotes`, :func:`analysis.naming.person_mentions` and
    :func:`analysis.attributions` (as dicts), for quoted speakers, people and the sourcing
    phrases left out of the terms; ``event_date``: a date of the event, to give an undated
    article's "May 13" its year.

    >>> from analysis.corpus import split_article
    >>> a = split_article("Biden approved it on Monday, but aides say the plan is limited to Kharkiv.", "a",
    ...                   {"date": "2024-05-31"})
    >>> [(c.claim_id, c.text) for c in article_claims(a)]
    [('a:0', 'Biden approved it on Monday,'), ('a:1', 'but aides say the plan is limited to Kharkiv.')]
    """
    look = _ArticleRows.of(quote_rows, person_rows, attribution_rows)
    text = art.text
    art_date = parse_date(art.meta.get("date"))
    out: list[Claim] = []
    for sent in art.sentences:
        if sent.kind != "body" or not _states_facts(text[sent.start:sent.end], look.persons_over(sent.start, sent.end)):
            continue
        for k, (a, b) in enumerate(split_clauses(text[sent.start:sent.end])):
            out.append(_clause_claim(art, sent.sent_id, k, sent.start + a, sent.start + b, len(out), look,
                                     art_date, event_date))
    return out


@dataclass(frozen=True)
class _ArticleRows:
    """An article's person mentions, quotes, quote speakers and anonymous sourcing phrases,
    each looked up by the span it overlaps (by bisection: a look at every row for every
    clause took time in the product of the two)."""

    persons_over: object
    quotes_over: object
    sourcing_over: object
    speakers_over: object

    @classmethod
    def of(cls, quote_rows, person_rows, attribution_rows) -> "_ArticleRows":
        """The lookups over this article's rows (dicts) of quotes, person mentions and attributions."""
        quote_rows = list(quote_rows)
        # The speaker of a direct quote ("..., one official said") speaks for the quote;
        # it is not a count of the sources of the fact.
        quote_speakers = [(int(r["speaker_start"]), int(r["speaker_end"])) for r in quote_rows
                          if r.get("speaker_start") is not None and not pd.isna(r.get("speaker_start"))]
        # Anonymous sourcing ("according to four U.S. officials familiar with the matter") says
        # who told the outlet, not what happened: its words are left out of the comparison.
        # A named source ("first reported by Politico", "Blinken said") is part of the fact.
        sourcing = [(int(r["start"]), int(r["end"])) for r in attribution_rows if bool(r.get("anonymous"))]
        # (the order of these two does not matter: sourcing only masks words)
        return cls(_Overlaps(list(person_rows)), _Overlaps(quote_rows),
                   _Overlaps(sorted(sourcing), lambda r: r[0], lambda r: r[1]), _spans_hit(quote_speakers))


def _states_facts(s_text: str, persons: list) -> bool:
    """Whether a body sentence may state facts: not a fragment ("Get away."; "Biden agreed."
    names someone and stays), not a question (a long quoted one may carry a claim)."""
    n = _n_words(s_text)
    if n < 2 or (n < 3 and not persons and not re.match(r"(?:He|She|They|It|We|I)\b", s_text)):
        return False
    return not (_QUESTION_END.search(s_text.rstrip("”\"’' ")) and (not _quoted_regions(s_text) or n < 8))


def _clause_claim(art: Article, sent_id: int, k: int, start: int, end: int, index: int, look: _ArticleRows,
                  art_date, event_date) -> Claim:
    """The claim of the clause ``start:end`` (the ``k``-th of its sentence, the ``index``-th of the article)."""
    c_text = art.text[start:end]
    srcs = [SourceCount(x.start + start, x.end + start, x.text, x.count) for x in source_counts(c_text)
            if not look.speakers_over(x.start + start, x.end + start)]
    ds = [DateValue(d.start + start, d.end + start, d.text, d.lo, d.hi, d.anchor)
          for d in dates(c_text, art_date, event_date)]
    masked = [(d.start - start, d.end - start) for d in ds] + [(x.start - start, x.end - start) for x in srcs]
    qs = [Quantity(q.start + start, q.end + start, q.text, q.unit, q.lo, q.hi) for q in quantities(c_text, masked)]
    status = tuple((x + start, y + start, kind) for x, y, kind in time_status(c_text))
    local_sourcing = [(max(x, start) - start, min(y, end) - start) for x, y in look.sourcing_over(start, end)]
    people_here = look.persons_over(start, end)
    # A person named with a title ("former national security adviser John Bolton") is
    # one participant, not six words: the mention counts as one term, the person.
    mentions = [(max(int(r["start"]), start) - start, min(int(r["end"]), end) - start) for r in people_here]
    terms = _terms(c_text, local_sourcing + mentions + [(x.start - start, x.end - start) for x in srcs])
    for key in ["p:" + str(r["person"]).lower() for r in people_here] + [f"#{q.unit}:{q.lo:g}" for q in qs] + \
            [f"@{d.lo}" for d in ds if d.anchor == "abs" and d.hi - d.lo <= 1]:
        terms[key] = terms.get(key, 0.0) + 1.0
    people = tuple(dict.fromkeys(str(r["person"]) for r in people_here))
    orgs, places = _names(c_text, start, [(int(r["start"]), int(r["end"])) for r in people_here])
    quoted = look.quotes_over(start, end)
    speaker = next((str(x) for x in (r.get("speaker_name") for r in quoted) if isinstance(x, str) and x), None)
    refs = tuple((m.start() + start, m.end() + start, m.group("noun").lower()) for m in _EVENT_REF.finditer(c_text))
    return Claim(f"{art.article_id}:{index}", art.article_id, sent_id, k, start, end, c_text, index, terms, people,
                 tuple(orgs), tuple(places), tuple(qs), tuple(ds), tuple(srcs), status, speaker, refs,
                 tuple(int(r["quote_id"]) for r in quoted), action_terms(c_text, mentions))


def _rows_by_article(frame: pd.DataFrame | None) -> dict[str, list[dict]]:
    if frame is None or frame.empty:
        return {}
    out: dict[str, list[dict]] = {}
    for row in frame.to_dict("records"):
        out.setdefault(str(row["article_id"]), []).append(row)
    return out


@memoized
def claim_records(corpus: Corpus) -> tuple:
    """Every article's :class:`Claim` records, in corpus order (the spine of :func:`claims`)."""
    from .attribution import attributions
    from .naming import person_mentions
    from .quotes import quotes

    q = _rows_by_article(quotes(corpus))
    p = _rows_by_article(person_mentions(corpus))
    a = _rows_by_article(attributions(corpus))
    known = sorted(d for d in (parse_date(art.meta.get("date")) for art in corpus) if d)
    event_date = known[len(known) // 2] if known else None  # the median article date
    return tuple(c for art in corpus for c in article_claims(art, q.get(art.article_id, []), p.get(art.article_id, []),
                                                             a.get(art.article_id, []), event_date))


def _value_texts(values) -> tuple[str, ...]:
    return tuple(v.text for v in values)


@memoized
def claims(corpus: Corpus) -> pd.DataFrame:
    """Each article's factual claims: sentences, or clauses of compound sentences, with what they contain.

    One row per claim: ``claim_id`` (``<article_id>:<n>``), ``article_id``, ``outlet``,
    ``sentence_id`` (into ``corpus.sentences``), ``clause`` (0 for the first clause of its
    sentence), ``start``/``end`` (offsets into the clean text), ``text``, and what it names
    or states, as tuples of the phrases: ``people`` (each person's label), ``organizations``,
    ``places``, ``numbers`` (quantities with units), ``dates`` (dates and weekdays),
    ``sources`` (sourcing phrases with a count), and the quoted ``speaker`` (None without a
    quote).  See the module docstring for the rules.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Joe Biden met Jake Sullivan on Monday, but four officials said the 20-mile "
    ...                         "zone stays."}, date={"a": "2024-05-31"})
    >>> claims(c)[["claim_id", "people", "dates", "numbers", "sources"]].values.tolist()
    [['a:0', ('Joe Biden', 'Jake Sullivan'), ('Monday',), (), ()], ['a:1', (), (), ('20-mile',), ('four officials',)]]
    """
    outlets = corpus.outlet_of().to_dict() if len(corpus) else {}
    rows = [(c.claim_id, c.article_id, outlets[c.article_id], c.sentence_id, c.clause, c.start, c.end, c.text,
             c.people, c.organizations, c.places, _value_texts(c.quantities), _value_texts(c.dates),
             _value_texts(c.sources), c.speaker) for c in claim_records(corpus)]
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


CLAIM_SUMMARY_COLUMNS = ["outlet", "claims", "with_numbers", "with_dates", "quoting"]


@memoized
def claim_summary(corpus: Corpus) -> pd.DataFrame:
    """One row per outlet (in corpus order): how many claims its articles make, and how many
    state a number, a date, or quote someone.  An outlet whose articles make no claim has a
    row of zeros (not a missing row: "CNN makes no claims" is a finding).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Biden met Sullivan on Monday. Kharkiv is 20 miles away.", "b": "The deal was signed."},
    ...                   outlet={"a": "AP", "b": "CNN"}, date={"a": "2024-05-31"})
    >>> claim_summary(c).values.tolist()
    [['AP', 2, 1, 1, 0], ['CNN', 1, 0, 0, 0]]
    """
    frame = claims(corpus)
    outlets = list(dict.fromkeys(corpus.outlet_of())) if len(corpus) else []
    counts = frame.assign(with_numbers=frame["numbers"].map(bool), with_dates=frame["dates"].map(bool),
                          quoting=frame["speaker"].notna()).groupby("outlet", sort=False).agg(
        claims=("claim_id", "size"), with_numbers=("with_numbers", "sum"), with_dates=("with_dates", "sum"),
        quoting=("quoting", "sum"))
    out = counts.reindex(pd.Index(outlets, name="outlet"), fill_value=0).reset_index()
    return out.astype({"outlet": object, **{c: "int64" for c in CLAIM_SUMMARY_COLUMNS[1:]}})[CLAIM_SUMMARY_COLUMNS]
