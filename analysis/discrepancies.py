"""Where statements of one fact disagree: numbers, dates, source counts, a person's titles, speakers.

:func:`discrepancies` compares the values (:mod:`analysis.values`) of claims that state the
same fact, within a fact of :func:`analysis.coverage` and within one article, and reports each
pair that disagrees, with both phrases and both sentences.  The kinds and their rules:

``number``
    Quantities of one unit or counted noun whose intervals do not meet, after unit
    conversion and allowing 7% for rounding: "200 miles (300 kilometers)" agrees with itself,
    "20 kilometers" and "30 km" do not; "more than a dozen" agrees with 16 and with two dozen.
    The words around the two quantities must overlap, and the values lie within a factor of
    five, so that they measure the same thing.  A value the words give to a plan or a first
    version ("wants to give ... four days", "the initial two days") is compared only with
    values of plans and first versions, a revised one ("the new rules", "instead") only with
    revised ones ("the change gives ...", "instead"): "three days, as opposed to the initial
    two" is a change, not a disagreement.  Values of plans and first versions are compared in
    any two claims of different articles, not only within a fact (such claims are few: at
    most ``MAX_STAGED`` are compared, each with each).  A measure
    of each item ("two 12-hour days") is not a total ("24 hours"), and values tied to
    different years ("30 percent by 2030", "13 percent since 2005") are two measurements.
``date``
    Dates and weekdays resolved against each article's date whose intervals do not meet, in
    two claims that report one action (see ``number``; "announced Tuesday" and "will testify
    Thursday" are two steps)
    ("May 15" vs "May 13", at most 45 days apart: dates further apart name different events); a claim that refers to an event of the sentence before ("called
    into *the meeting*") takes that event's date.  Also a state said to hold still ("has not
    changed", "unchanged") against the same state said to have held only before
    ("previously restricted").  Within one article: two neighbouring claims about one person
    that date one remark differently, one telling of it and the other quoting it ("decided
    this week to speak" / "said last week").
``source_count``
    Different numbers of sources for one fact ("four U.S. officials" vs "two US officials"
    vs "a source familiar with the decision").  An unspecified plural ("officials said")
    does not disagree with a number: it is vaguer, not different.  Besides claims grouped
    into one fact, each article's sourcing of its main news (the first sourcing phrase with
    a count in its first three claims) is compared with the others'.
``person_role``
    One person given offices that exclude each other anywhere in the event ("German
    Chancellor Olaf Scholz" vs "German Foreign Minister Olaf Scholz"), titles compared by the
    words that name the office ("Defense Secretary" = "Secretary of Defense"; ranks, courtesy
    titles and "former ..." are not compared).
``name``
    One person (same surname and the same office) given different first names.
``actor``
    Who made something happen: two claims that report one action on one thing (an action
    term of one among the terms of the other, and another shared term) with cause phrases
    ("after ...", "under pressure from ...", "meant to assuage concerns of ...") that name
    different parties or political groups ("after Democrats alleged ..." vs "after a group of
    GOP senators raised concerns").  Only named sides are judged: a cause phrase so often
    tells the step before ("following his visit to Kyiv") that other actors are left alone.
    Sentences with such a cause are few; any two of different articles are compared (at most
    ``MAX_STAGED`` of them).
``speaker``
    One quotation (its words mostly the same) credited to two different named people.

Pairs compared: the claims of each fact, plus pairs of claims from two articles that are
each other's best match with a score of at least ``linked`` (they state the same fact even
when grouping kept them apart); numbers and source counts are compared on those as well,
dates only within a fact (dates of other events sit in many claims).  Places are not
judged, and actors only as above: telling them apart needs more than matching values.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from itertools import combinations

import pandas as pd

from .claims import Claim, claim_records, term_of
from .corpus import Corpus, memoized
from .values import DateValue, intervals_overlap, role_key, roles_conflict, value_stage

__all__ = ["discrepancies", "DISCREPANCY_COLUMNS", "KINDS"]

DISCREPANCY_COLUMNS = ["fact_id", "kind", "scope", "article_a", "outlet_a", "value_a", "start_a", "end_a",
                       "article_b", "outlet_b", "value_b", "start_b", "end_b", "sentence_a", "sentence_b",
                       "claim_a", "claim_b", "support_a", "support_b"]
KINDS = ("number", "date", "source_count", "person_role", "name", "actor", "speaker")
LINKED = 0.3
LEDE_CLAIMS = 3
MAX_DATE_GAP = 45  # days
MAX_GROUP = 40
MAX_RATIO = 5.0
MAX_STAGED = 200  # claims with a planned value, or with a cause credited to a side, compared each with each

_MEETING = frozenset("meeting call conference video conference session talks huddle".split())
_TELLS_OF_SPEAKING = re.compile(r"\b(?:to speak|spoke|speaks|speaking|to talk|talked|a speech|remarks)\b", re.I)
_SPEECH_ACT = re.compile(r"\b(?:said|says|say|speak|spoke|spoken|told|tells|announced|stated|remarks?|statement|"
                         r"interview|wrote|tweeted)\b", re.IGNORECASE)


def _fmt_interval(lo: float, hi: float) -> str:
    return f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"


# Words too common around numbers to say two numbers measure the same thing.
_GENERIC = frozenset("""time times thing things way ways part lot number numbers total least most more less
percent per cent level rate""".split())


def _context(c: Claim, q, text: str) -> set[str]:
    """Terms of the six words either side of a quantity, and the claim's other values."""
    before = _Q_WORD.findall(text[c.start:q.start])[-6:]
    after = _Q_WORD.findall(text[q.end:c.end])[:6]
    terms = {term_of(w) for w in before + after if w.lower() not in _GENERIC} - {None}
    return terms | {f"#{o.unit}:{o.lo:g}" for o in c.quantities if o is not q}


def _comparable_size(x, y) -> bool:
    """Two values within a factor of ``MAX_RATIO``: one quantity reported differently, not two
    quantities ("24 hours" per side and "up to two hours" per amendment)."""
    mx = max(x.hi if x.hi != float("inf") else x.lo, y.hi if y.hi != float("inf") else y.lo)
    mn = min(x.lo if x.lo > 0 else x.hi, y.lo if y.lo > 0 else y.hi)
    return mn > 0 and mx / mn <= MAX_RATIO


def _stage(c: Claim, q, text: str) -> str | None:
    return value_stage(text[c.start:q.start])


_YEAR_AFTER = re.compile(r"\b(?:by|since|in|until|through|before|after)\s+(?:the\s+end\s+of\s+)?"
                         r"((?:19|20)\d\d)\b(?!\s+levels?)")


def _year_after(c: Claim, q, text: str) -> str | None:
    """The year a quantity is measured by or since ("30 percent ... by 2030", "13 percent since
    2005"): the first such year in the rest of its claim; a baseline ("from 2005 levels") is
    not one."""
    m = _YEAR_AFTER.search(text[q.end:min(c.end, q.end + 80)])
    return m.group(0).split()[0].lower() + " " + m.group(1) if m else None


def _number_rows(a: Claim, b: Claim, text_of: dict[str, str], staged_only: bool = False
                 ) -> list[tuple[int, int, str, int, int, str]]:
    """Quantities of one unit that disagree, when they measure the same thing: the six words
    either side (or another value of the claims) overlap ("24 hours ... four days" vs "the 24
    hours ... over a two-day period"), so "24 hours to argue" and "two hours of debate" are
    not compared; and they belong to the same stage (:func:`analysis.values.value_stage`): a
    planned or first value is compared only with planned or first values ("the initial two
    days"), a revised one with revised ones.  ``staged_only``: compare only values whose stage
    the words say."""
    out = []
    ta, tb = text_of[a.article_id], text_of[b.article_id]
    units = {q.unit for q in a.quantities} & {q.unit for q in b.quantities}
    for unit in sorted(units):
        qa = [(q, _stage(a, q, ta)) for q in a.quantities if q.unit == unit]
        qb = [(q, _stage(b, q, tb)) for q in b.quantities if q.unit == unit]
        pairs = [(x, y) for x, sx in qa for y, sy in qb
                 if sx == sy and (sx == "initial" or not staged_only)
                 and _years_agree(_year_after(a, x, ta), _year_after(b, y, tb))]
        if not pairs or any(intervals_overlap((x.lo, x.hi), (y.lo, y.hi)) for x, y in pairs):
            continue
        for x, y in pairs:
            if _comparable_size(x, y) and _context(a, x, ta) & _context(b, y, tb):
                out.append((x.start, x.end, x.text, y.start, y.end, y.text))
                break
    return out


def _years_agree(x: str | None, y: str | None) -> bool:
    """Quantities tied to different years are two measurements ("30 percent by 2030" and
    "nearly 13 percent since 2005"), not one reported twice."""
    return x is None or y is None or x == y


def _same_action(a: Claim, b: Claim) -> bool:
    """Whether two claims report one action, or either reports none found (as in grouping:
    an action of one among the terms of the other)."""
    return not (a.actions and b.actions) or bool(a.actions & b.terms.keys()) or bool(b.actions & a.terms.keys())


def _comparable(x: DateValue, y: DateValue, same_article: bool) -> bool:
    return (x.anchor == "abs" and y.anchor == "abs") or (same_article and x.anchor == y.anchor)


_OTHER_EVENT = re.compile(r"\b(?:after|before|since|until|following|when|as)\s+(?:[\w’'-]+\s+){0,6}?"
                          r"(?:[a-z]+ed|began|begun|took|came|went|made|held|met|won|lost|saw|struck|fell|rose)\b"
                          r"(?:\s+[\w’'-]+){0,6}\s+(?:on|in)\s+$", re.IGNORECASE)


def _own_dates(c: Claim, dates: tuple) -> tuple:
    """The dates that say when the claim's fact happened: not those of another event in a
    clause of its own ("just days after Russia launched its offensive on May 10"), and no
    "today" or weekday inside a quotation (it counts from the day the words were said)."""
    quoted = _quoted_spans(c)
    return tuple(d for d in dates
                 if not _OTHER_EVENT.search(c.text[max(0, d.start - c.start - 90):max(0, d.start - c.start)])
                 and not (not re.search(r"\d", d.text) and any(a <= d.start - c.start < b for a, b in quoted)))


def _quoted_spans(c: Claim) -> list[tuple[int, int]]:
    from .claims import _quoted_regions

    return _quoted_regions(c.text)


def _date_rows(a: Claim, b: Claim, da: tuple, db: tuple) -> list[tuple[int, int, str, int, int, str]]:
    da, db = _own_dates(a, da), _own_dates(b, db)
    same = a.article_id == b.article_id
    pairs = [(x, y) for x in da for y in db if _comparable(x, y, same)]
    if not pairs:
        return []
    if any(x.lo <= y.hi and y.lo <= x.hi for x, y in pairs):
        return []
    # Dates far apart name different events ("the 2015 deal" and its taking effect in 2016),
    # not one event dated twice: only close dates are a discrepancy.
    pairs = [(x, y) for x, y in pairs if abs(x.lo - y.lo) <= MAX_DATE_GAP]
    # A date said of a coming event and one said of a past event may both be right (plans
    # change: "will testify Thursday" / "testified Friday"); two dates tied to different
    # actions date two events ("announced Tuesday" / "faced questions Thursday").
    pairs = [(x, y) for x, y in pairs if _ahead(a, x) == _ahead(b, y) and _same_dated_action(a, x, b, y)]
    if not pairs:
        return []
    # Only dates that say when the fact happened: a claim's first comparable date.
    x, y = pairs[0]
    return [(x.start, x.end, _date_text(x), y.start, y.end, _date_text(y))]


def _ahead(c: Claim, d: DateValue) -> bool:
    """Whether the claim says the dated event is still to come ("will testify Thursday",
    "On Thursday, he will appear")."""
    from .values import _FUTURE, _FUTURE_AFTER

    k = d.start - c.start
    return bool(_FUTURE.search(c.text[max(0, k - 60):k]) or _FUTURE_AFTER.match(c.text[k + len(d.text):k + len(d.text) + 90]))


def _dated_action(c: Claim, d: DateValue) -> str | None:
    """The action a date is tied to: the last verb in the five words before it, else the
    first in the five words after it (verbs by shape, :func:`analysis.claims.action_terms`)."""
    from .claims import action_terms

    k = d.start - c.start
    before = " ".join(c.text[:k].split()[-5:])
    after = " ".join(c.text[k + len(d.text):].split()[:5])
    for window, pick in ((before, -1), (after, 0)):
        words = [w for w in window.split() if action_terms(w)]
        if words:
            return sorted(action_terms(words[pick]))[0]
    return None


def _same_dated_action(a: Claim, x: DateValue, b: Claim, y: DateValue) -> bool:
    va, vb = _dated_action(a, x), _dated_action(b, y)
    return va is None or vb is None or va == vb or va in b.terms or vb in a.terms


def _date_text(d: DateValue) -> str:
    """The date as written, with the day it resolves to when it is no calendar date ("Monday (2013-04-22)")."""
    if d.anchor != "abs" or re.search(r"\d", d.text) or "(" in d.text:
        return d.text
    lo, hi = dt.date.fromordinal(d.lo), dt.date.fromordinal(d.hi)
    return f"{d.text} ({lo.isoformat()})" if lo == hi else f"{d.text} ({lo.isoformat()} to {hi.isoformat()})"


def _status_rows(a: Claim, b: Claim) -> list[tuple[int, int, str, int, int, str]]:
    kinds_a = {k for _s, _e, k in a.status}
    kinds_b = {k for _s, _e, k in b.status}
    if kinds_a == {"past"} and "ongoing" in kinds_b or kinds_b == {"past"} and "ongoing" in kinds_a:
        x = next(s for s in a.status if (s[2] == "past") == (kinds_a == {"past"}))
        y = next(s for s in b.status if (s[2] == "past") == (kinds_b == {"past"}))
        label = {"past": "only in the past", "ongoing": "still holds"}
        return [(x[0], x[1], f"{a.text[x[0] - a.start:x[1] - a.start]} ({label[x[2]]})",
                 y[0], y[1], f"{b.text[y[0] - b.start:y[1] - b.start]} ({label[y[2]]})")]
    return []


def _source_rows(a: Claim, b: Claim) -> list[tuple[int, int, str, int, int, str]]:
    if not a.sources or not b.sources:
        return []
    ca, cb = {s.count for s in a.sources}, {s.count for s in b.sources}
    if ca & cb:
        return []
    x, y = a.sources[0], b.sources[0]
    return [(x.start, x.end, x.text, y.start, y.end, y.text)]


def _dates_with_context(records: list[Claim], text_of: dict[str, str]) -> dict[int, tuple]:
    """Each claim's dates; a claim without one that names "the meeting" takes the date of the
    meeting named just before it in its article (the value span is the reference itself)."""
    out: dict[int, tuple] = {}
    for i, c in enumerate(records):
        out[i] = c.dates
        if c.dates or not c.event_refs:
            continue
        for s, e, noun in c.event_refs:
            if noun not in _MEETING:
                continue
            for k in (i - 1, i - 2):
                if k < 0 or records[k].article_id != c.article_id:
                    break
                prev = records[k]
                if prev.dates and any(w in prev.text.lower() for w in _MEETING):
                    d = prev.dates[0]
                    out[i] = (DateValue(s, e, f"{text_of[c.article_id][s:e]} ({d.text})", d.lo, d.hi, d.anchor),)
                    break
            if out[i]:
                break
    return out


def _best_links(records: list[Claim], scores: dict[tuple[int, int], float]) -> set[tuple[int, int]]:
    """Pairs that are each other's best match between their two articles, scoring ``LINKED`` or more."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), v in scores.items():
        for x, y in ((i, j), (j, i)):
            key = (x, records[y].article_id)
            if v > best.get(key, (0.0, -1))[0]:
                best[key] = (v, y)
    out = set()
    for (i, j), v in scores.items():
        if v >= LINKED and best.get((i, records[j].article_id), (0, -1))[1] == j \
                and best.get((j, records[i].article_id), (0, -1))[1] == i:
            out.add((i, j))
    return out


def _person_rows(corpus: Corpus) -> list[dict]:
    """person_role and name rows from every titled mention of a person in the event."""
    from .naming import person_mentions

    pm = person_mentions(corpus)
    rows = []
    if pm.empty:
        return rows
    by_person: dict[str, list[dict]] = defaultdict(list)
    for r in pm.to_dict("records"):
        by_person[r["person"]].append(r)
    for person, mentions in by_person.items():
        seen: list[tuple[frozenset, dict]] = []
        for r in mentions:
            if len(str(r["name"]).split()) < 2:
                continue  # a title before a bare word ("State Police") may be no person at all
            key = role_key(r["title"]) if r["title"] else None
            if key is None:
                continue
            if any(not roles_conflict(key, k) for k, _ in seen):
                continue
            for k, first in seen:
                if roles_conflict(key, k):
                    rows.append({"kind": "person_role", "a": first, "b": r})
                    break
            seen.append((key, r))
    # Different first names for one surname and office: "Christopher Cavoli" vs "Charles Cavoli".
    titled = pm[pm.title.astype(bool)]
    by_office: dict[tuple[str, frozenset], dict[str, dict]] = defaultdict(dict)
    for r in titled.to_dict("records"):
        key = role_key(r["title"])
        given = r["name"].split()[:-1]
        if key is None or not given or len(given[0].rstrip(".")) < 3:
            continue
        first = given[0].rstrip(".").lower()
        by_office[(r["surname"].lower(), key)].setdefault(first, r)
    for (_s, _k), firsts in by_office.items():
        names = list(firsts)
        for x, y in combinations(names, 2):
            if not (x.startswith(y) or y.startswith(x)) and x[0] != y[0]:
                rows.append({"kind": "name", "a": firsts[x], "b": firsts[y]})
    return rows


_Q_WORD = re.compile(r"[^\W_]+")


def _speaker_rows(corpus: Corpus) -> list[dict]:
    """One quotation credited to two different named people in different articles."""
    from .quotes import quotes

    q = quotes(corpus)
    if q.empty:
        return []
    # Speakers named where they are quoted: a pronoun resolved to someone may be resolved wrongly.
    named = q[(q.speaker_type == "person") & q.speaker_name.notna()
              & ~q.speaker.fillna("").str.lower().isin(["he", "she", "they", "i", "we"])].to_dict("records")
    index: dict[str, list[int]] = defaultdict(list)
    words = []
    for k, r in enumerate(named):
        ws = {w.lower() for w in _Q_WORD.findall(r["text"]) if len(w) > 3}
        words.append(ws)
        for w in ws:
            index[w].append(k)
    rows, done = [], set()
    for k, r in enumerate(named):
        if len(words[k]) < 5:
            continue
        counts: dict[int, int] = defaultdict(int)
        for w in words[k]:
            if len(index[w]) <= 50:
                for j in index[w]:
                    if j > k:
                        counts[j] += 1
        for j, n in counts.items():
            o = named[j]
            if o["article_id"] == r["article_id"] or len(words[j]) < 5:
                continue
            if n / min(len(words[k]), len(words[j])) < 0.7:
                continue
            sa, sb = str(r["speaker_name"]).split()[-1].lower(), str(o["speaker_name"]).split()[-1].lower()
            if sa != sb and (k, j) not in done:
                done.add((k, j))
                rows.append({"kind": "speaker", "a": r, "b": o})
    return rows


# Who made something happen: a cause phrase and the first actor after it ("after Democrats
# alleged ...", "under pressure from GOP senators", "meant to assuage concerns of moderate
# Republicans").
_CAUSE = re.compile(r"\b(?:after|because of|because|following|in response to|under pressure from|"
                    r"at the (?:urging|request|behest) of|(?:meant|intended|designed|aimed|seeking) to "
                    r"(?:assuage|appease|satisfy|placate|address|ease|win over)(?: the)?(?: concerns of)?)\s+",
                    re.IGNORECASE)
_PARTY = {"democrats": "democrats", "democrat": "democrats", "democratic": "democrats", "republicans": "republicans",
          "republican": "republicans", "gop": "republicans", "conservatives": "conservatives",
          "liberals": "liberals", "labour": "labour", "tories": "conservatives", "tory": "conservatives"}
_ACTOR_REACH = 60  # characters after the cause phrase


def _cause_actor(text: str) -> tuple[int, int, str] | None:
    """The first cause phrase of a sentence that names a party or political group as the
    actor: (start, end, party), spans into ``text``.  Other actors (people, countries, "his
    visit") are not judged: a cause phrase so often tells the step before ("following his
    visit to Kyiv") that only a named side is evidence of a different account."""
    for m in _CAUSE.finditer(text):
        window = text[m.end():m.end() + _ACTOR_REACH]
        for w in re.finditer(r"[A-Za-z]+", window):
            key = _PARTY.get(w.group(0).lower())
            if key and (w.group(0)[0].isupper() or w.group(0).isupper()):
                return m.start(), m.end() + w.end(), key
            if w.group(0).lower() in ("and", "but", "while", "who", "which", "that"):
                break  # the cause phrase has ended
    return None


def _cause_pairs(records: list[Claim], text_of: dict[str, str]) -> list[tuple[int, int]]:
    """Pairs of claims of different articles whose sentences credit a cause to a side (the
    first claim of each such sentence stands for it), at most ``MAX_STAGED`` claims."""
    seen, firsts = set(), []
    for k, c in enumerate(records):
        key = (c.article_id, c.sentence_id)
        if key in seen:
            continue
        seen.add(key)
        end = max(r.end for r in records[k:k + 8] if (r.article_id, r.sentence_id) == key)
        if _cause_actor(text_of[c.article_id][c.start:end]):
            firsts.append(k)
    firsts = firsts[:MAX_STAGED]
    return [(i, j) for i, j in combinations(firsts, 2) if records[i].article_id != records[j].article_id]


def _actor_rows(records: list[Claim], pairs, text_of: dict[str, str]) -> list[tuple[int, int, tuple]]:
    """``actor`` rows: two claims of different articles that report one action on one thing
    (an action term of one among the terms of the other, and another shared term) and give
    it causes with different actors ("after Democrats alleged ..." / "after a group of GOP
    senators raised concerns").  A claim's cause may sit in another clause of its sentence."""
    sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, c in enumerate(records):
        sentence[(c.article_id, c.sentence_id)].append(k)

    def cause(k: int):
        c = records[k]
        idx = sentence[(c.article_id, c.sentence_id)]
        s, e = records[idx[0]].start, records[idx[-1]].end
        found = _cause_actor(text_of[c.article_id][s:e])
        return None if found is None else (found[0] + s, found[1] + s, found[2])

    def terms(k: int) -> set:
        c = records[k]
        return {t for x in sentence[(c.article_id, c.sentence_id)] for t in records[x].terms}

    def acts(k: int) -> set:
        c = records[k]
        return {t for x in sentence[(c.article_id, c.sentence_id)] for t in records[x].actions}

    out, seen = [], set()
    memo: dict[int, tuple | None] = {}
    for i, j in pairs:
        a, b = records[i], records[j]
        if a.article_id == b.article_id:
            continue
        ka, kb = (a.article_id, a.sentence_id), (b.article_id, b.sentence_id)
        if (ka, kb) in seen:
            continue
        seen.add((ka, kb))
        ta, tb = terms(i), terms(j)
        if not ((acts(i) & tb) or (acts(j) & ta)) or len(ta & tb) < 2:
            continue
        ca = memo.setdefault(i, cause(i))
        cb = memo.setdefault(j, cause(j))
        if ca and cb and ca[2] != cb[2]:
            ta_, tb_ = text_of[a.article_id], text_of[b.article_id]
            out.append((i, j, (ca[0], ca[1], ta_[ca[0]:ca[1]], cb[0], cb[1], tb_[cb[0]:cb[1]])))
    return out


def _sentence_of(corpus: Corpus, aid: str, start: int) -> str:
    """The sentence holding offset ``start`` (binary search over the sentence starts)."""
    art = corpus.article(aid)
    starts = [s.start for s in art.sentences]
    k = bisect.bisect_right(starts, start) - 1
    if k < 0:
        return ""
    s = art.sentences[k]
    return art.text[s.start:s.end]


def _agrees(kind: str, claim: Claim, dates: tuple, value_of: Claim, span: tuple[int, int], dates_a: tuple) -> bool | None:
    """Whether ``claim`` states the value that ``value_of`` states at ``span`` (None: states none of that kind)."""
    s, e = span
    if kind == "number":
        q = next((q for q in value_of.quantities if q.start == s and q.end == e), None)
        same = [x for x in claim.quantities if q is not None and x.unit == q.unit]
        return None if not same else any(intervals_overlap((x.lo, x.hi), (q.lo, q.hi)) for x in same)
    if kind == "source_count":
        src = next((x for x in value_of.sources if x.start == s and x.end == e), None)
        return None if not claim.sources or src is None else any(x.count == src.count for x in claim.sources)
    if kind == "date":
        status = next((k for x, y, k in value_of.status if x == s and y == e), None)
        if status is not None:
            kinds = {k for _x, _y, k in claim.status}
            return None if not kinds else status in kinds
        d = next((d for d in dates_a if d.start == s and d.end == e), None)
        comparable = [x for x in dates if d is not None and x.anchor == "abs" and d.anchor == "abs"]
        return None if not comparable else any(x.lo <= d.hi and d.lo <= x.hi for x in comparable)
    return None


def _support(f: dict, records: list[Claim], group: list[int], dates_of: dict, i: int, j: int) -> tuple[int, int]:
    """How many other articles of the fact state the same value as side a, and as side b."""
    kind = f["kind"]
    if kind not in ("number", "source_count", "date") or f["scope"] not in ("fact", "linked", "staged", "main news"):
        return pd.NA, pd.NA
    a, b = records[i], records[j]
    votes_a, votes_b = set(), set()
    for k in group:
        c = records[k]
        if c.article_id in (a.article_id, b.article_id):
            continue
        va = _agrees(kind, c, dates_of[k], a, (f["start_a"], f["end_a"]), dates_of[i])
        vb = _agrees(kind, c, dates_of[k], b, (f["start_b"], f["end_b"]), dates_of[j])
        if va:
            votes_a.add(c.article_id)
        if vb:
            votes_b.add(c.article_id)
    return len(votes_a), len(votes_b)


@memoized
def discrepancies(corpus: Corpus) -> pd.DataFrame:
    """Pairs of statements of one fact that give different values, with both phrases and sentences.

    One row per disagreeing pair: ``fact_id`` (of the first claim; None for a person's titles),
    ``kind`` (``number``, ``date``, ``source_count``, ``person_role``, ``name``,
    ``actor``, ``speaker``), ``scope`` (``fact``: two claims of one fact; ``linked``: two
    claims that best match each other across their articles, or, for ``actor``, two
    sentences that credit a cause to a side; ``staged``: values of a plan or a first version
    in two claims of different articles; ``main news``: each article's sourcing of
    its main news; ``article``: two neighbouring claims of one article; ``person``: every
    mention of one person), then for each side ``article``, ``outlet``, ``value`` (the
    differing phrase), ``start``/``end`` (its span in the clean text), ``sentence`` and
    ``claim``; ``support_a``/``support_b``: how many other articles of the fact state the
    same value as each side (a hint at which is right, not a proof; NA where not counted).
    See the module docstring for the rules.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Kharkiv is just 20 kilometers from the Russian border, officials said.",
    ...                    "b": "Kharkiv lies only 30 km from the Russian border, officials said."})
    >>> discrepancies(c)[["kind", "value_a", "value_b"]].values.tolist()
    [['number', '20 kilometers', '30 km']]
    """
    from .coverage import _facts, coverage

    records, labels, scores = _facts(corpus)
    if not records:
        return pd.DataFrame(columns=DISCREPANCY_COLUMNS)
    text_of = {a.article_id: a.text for a in corpus}
    cov = coverage(corpus)  # fact ids as coverage() numbers them
    found = _Found(records, dict(zip(cov.claim_id, cov.fact_id)))
    groups: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(labels):
        groups[g].append(i)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(records):
        by_article[c.article_id].append(i)
    dates_of = _dates_with_context(records, text_of)
    _add_pair_rows(found, _compared_pairs(records, labels, scores, groups, text_of), scores, text_of, dates_of)
    # Who caused what: claims whose sentence credits a cause to a side, each with each (at
    # most MAX_STAGED of them; a cause is often told in other words).
    for i, j, row in _actor_rows(records, _cause_pairs(records, text_of), text_of):
        found.add("actor", "fact" if labels[i] == labels[j] else "linked", i, j, row)
    _add_main_news_rows(found, by_article)
    _add_in_article_rows(found, by_article, dates_of)
    _add_person_rows(found, corpus, by_article, text_of)
    return _discrepancy_frame(corpus, found, groups, labels, dates_of)


class _Found:
    """The discrepancy rows found so far, each pair of spans (in either order) once."""

    def __init__(self, records: list[Claim], fact_of_claim: dict[str, str]) -> None:
        self.records, self.fact_of_claim = records, fact_of_claim
        self.rows: list[dict] = []
        self.seen: set[tuple] = set()

    def add(self, kind: str, scope: str, i: int, j: int, row: tuple) -> None:
        """Add a row for claims ``i`` and ``j`` (``row``: both spans and values) unless already there."""
        a, b = self.records[i], self.records[j]
        sa, ea, va, sb, eb, vb = row
        key = (kind, a.article_id, sa, ea, b.article_id, sb, eb)
        if key in self.seen or (kind, b.article_id, sb, eb, a.article_id, sa, ea) in self.seen:
            return
        self.seen.add(key)
        self.rows.append({"fact_id": self.fact_of_claim.get(a.claim_id), "kind": kind, "scope": scope,
                          "article_a": a.article_id, "value_a": va, "start_a": sa, "end_a": ea,
                          "article_b": b.article_id, "value_b": vb, "start_b": sb, "end_b": eb,
                          "claim_a": a.claim_id, "claim_b": b.claim_id, "_i": i, "_j": j})


def _compared_pairs(records: list[Claim], labels: list[int], scores: dict[tuple[int, int], float],
                    groups: dict[int, list[int]], text_of: dict[str, str]) -> list[tuple[str, list[tuple[int, int]]]]:
    """The claim pairs whose values are compared, by scope: ``fact``, ``linked``, ``staged``."""
    # Claims of one fact from different articles; in a fact of more than MAX_GROUP claims
    # (a long article repeating itself, say) only the pairs that were scored, so the work
    # stays bounded.  Claims of one article are compared elsewhere, neighbour with neighbour.
    same_fact = []
    for g in groups.values():
        if len(g) <= MAX_GROUP:
            same_fact += [(i, j) for i, j in combinations(sorted(g), 2)
                          if records[i].article_id != records[j].article_id]
        else:
            members = set(g)
            same_fact += [(i, j) for (i, j) in scores if i in members and j in members]
    same_fact.sort()
    linked = [p for p in sorted(_best_links(records, scores)) if labels[p[0]] != labels[p[1]]]
    # Values of a plan or a first version ("wants to give ... four days", "the initial two
    # days") in any two claims of different articles: the words that stage them, and the
    # words around them, are evidence enough that they measure one thing.  Such claims are
    # few; at most MAX_STAGED of them are compared, each with each.
    compared = set(same_fact) | set(linked)
    planned = [i for i, c in enumerate(records)
               if any(_stage(c, q, text_of[c.article_id]) == "initial" for q in c.quantities)][:MAX_STAGED]
    staged = [(i, j) for i, j in combinations(planned, 2)
              if records[i].article_id != records[j].article_id and (i, j) not in compared]
    return [("fact", same_fact), ("linked", linked), ("staged", staged)]


def _add_pair_rows(found: _Found, by_scope: list[tuple[str, list[tuple[int, int]]]],
                   scores: dict[tuple[int, int], float], text_of: dict[str, str], dates_of: dict) -> None:
    """Numbers, source counts and dates that differ between the compared claim pairs."""
    records = found.records
    for scope, pairs in by_scope:
        for i, j in pairs:
            a, b = records[i], records[j]
            for row in _number_rows(a, b, text_of, staged_only=scope == "staged"):
                found.add("number", scope, i, j, row)
            if scope == "staged":
                continue
            for row in _source_rows(a, b):
                found.add("source_count", scope, i, j, row)
            # Dates only between claims that match each other directly: a fact grouped through
            # a chain of links can hold claims about neighbouring events of different days.
            # ... and that report one action: "announced Tuesday" and "will testify
            # Thursday" date two steps of a story, not one step twice.
            if scope == "fact" and scores.get((i, j), 0.0) >= LINKED and _same_action(a, b):
                for row in _date_rows(a, b, dates_of[i], dates_of[j]):
                    found.add("date", scope, i, j, row)
            if scope == "fact" or scores.get((i, j), 0.0) >= LINKED:
                for row in _status_rows(a, b):
                    found.add("date", scope, i, j, row)


def _add_main_news_rows(found: _Found, by_article: dict[str, list[int]]) -> None:
    """Each article's sourcing of its main news (the first sourced claim of its lede) against the others'."""
    records = found.records
    firsts: list[int] = []
    for idx in by_article.values():
        with_count = [i for i in idx[:LEDE_CLAIMS] if records[i].sources]
        if with_count:
            firsts.append(with_count[0])
    for i, j in combinations(firsts, 2):
        for row in _source_rows(records[i], records[j]):
            found.add("source_count", "main news", i, j, row)


def _add_in_article_rows(found: _Found, by_article: dict[str, list[int]], dates_of: dict) -> None:
    """Within one article: neighbouring claims about one person dating a remark differently."""
    records = found.records
    people_of_sentence: dict[tuple[str, int], set] = defaultdict(set)
    for c in records:
        people_of_sentence[(c.article_id, c.sentence_id)].update(c.people)
        if c.speaker:
            people_of_sentence[(c.article_id, c.sentence_id)].add(c.speaker)
    for aid, idx in by_article.items():
        for i, j in zip(idx, idx[1:]):
            a, b = records[i], records[j]
            shared = people_of_sentence[(aid, a.sentence_id)] & people_of_sentence[(aid, b.sentence_id)]
            if not shared or not (_SPEECH_ACT.search(a.text) and _SPEECH_ACT.search(b.text)):
                continue
            # One claim tells that the person would speak or spoke, the other quotes the words
            # ("decided this week to speak publicly" / "..., he said last week"); two quotes
            # are two remarks, and two reports of speech may be two occasions.
            if bool(a.speaker) == bool(b.speaker):
                continue
            teller = a if not a.speaker else b
            if not _TELLS_OF_SPEAKING.search(teller.text):
                continue
            for row in _date_rows(a, b, dates_of[i], dates_of[j]):
                found.add("date", "article", i, j, row)


def _add_person_rows(found: _Found, corpus: Corpus, by_article: dict[str, list[int]],
                     text_of: dict[str, str]) -> None:
    """A person's titles and names, and quotations credited to two people, at the claims holding them."""
    records = found.records

    def claim_at(side: dict) -> int | None:
        return next((k for k in by_article.get(str(side["article_id"]), [])
                     if records[k].start <= side["start"] < records[k].end), None)

    for r in _person_rows(corpus) + _speaker_rows(corpus):
        ra, rb = r["a"], r["b"]
        ia, ib = claim_at(ra), claim_at(rb)
        if ia is None or ib is None:
            continue
        va = text_of[str(ra["article_id"])][int(ra["start"]):int(ra["end"])]
        vb = text_of[str(rb["article_id"])][int(rb["start"]):int(rb["end"])]
        found.add(r["kind"], "person" if r["kind"] != "speaker" else "quote", ia, ib,
                  (int(ra["start"]), int(ra["end"]), va, int(rb["start"]), int(rb["end"]), vb))


def _discrepancy_frame(corpus: Corpus, found: _Found, groups: dict[int, list[int]], labels: list[int],
                       dates_of: dict) -> pd.DataFrame:
    """The rows found, with support counts, outlets and sentences, in kind then claim order."""
    records = found.records
    outlets = corpus.outlet_of().to_dict()
    rows = []
    for f in found.rows:
        i, j = f.pop("_i"), f.pop("_j")
        f["support_a"], f["support_b"] = _support(f, records, groups.get(labels[i], []), dates_of, i, j)
        rows.append({**f, "outlet_a": outlets[f["article_a"]], "outlet_b": outlets[f["article_b"]],
                     "sentence_a": _sentence_of(corpus, f["article_a"], f["start_a"]),
                     "sentence_b": _sentence_of(corpus, f["article_b"], f["start_b"])})
    out = pd.DataFrame(rows, columns=DISCREPANCY_COLUMNS)
    order = {k: n for n, k in enumerate(KINDS)}
    index_of = {c.claim_id: i for i, c in enumerate(records)}
    if len(out):
        out = out.assign(_k=out.kind.map(order), _c=out.claim_a.map(index_of)).sort_values(
            ["_k", "_c", "start_b"], kind="stable").drop(columns=["_k", "_c"]).reset_index(drop=True)
    return out
