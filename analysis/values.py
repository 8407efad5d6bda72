"""Values a claim states, normalized so that two claims can be compared: quantities, dates, source counts, roles.

Everything here reads one string (a claim's text) and returns spans into it, so any value can
be highlighted.  The rules are small and written out, and they know news English:

* **Quantities** (:func:`quantities`): digits or number words ("four", "twenty-four", "two
  dozen", "$391 million"), a qualifier before them ("more than", "nearly", "up to", "some")
  and the unit or counted noun after them ("miles", "km", "-hour", "missiles").  Each becomes
  an interval in a base unit (kilometres, hours, US dollars, a count of the noun): "200 miles
  (300 kilometers)" is one value stated twice and agrees with itself; "nearly 20" is
  [17, 20]; "more than a dozen" is (12, ∞), which agrees with 16 and with two dozen.
* **Dates** (:func:`dates`): "May 13", "Dec. 18, 2019", weekdays, "today", "last week", "two
  weeks ago", "in February 2022", "1999", resolved to an interval of days against the
  article's date (a weekday is the last one on or before that date, as news reports past
  events; after "will ..." the next one).  Without an article date, relative expressions are kept as offsets from it, which
  still compare within one article.
* **Source counts** (:func:`source_counts`): "four U.S. officials", "a source familiar with
  the decision", "one official"; an unspecified plural ("officials said") states no count.
* **Roles** (:func:`role_key`): a person's title reduced to the words that name the office:
  "Defense Secretary" and "Secretary of Defense" are one role, "German Chancellor" and "German
  Foreign Minister" are two.

quantulum3 and word2number were tried and left out: quantulum3 took about 4 ms a sentence
(and a second to load), read "four U.S. officials" as four atomic mass units and missed "two
dozen"; word2number reads "two dozen" as 2 and knows no qualifiers.  The closed set of number
words and units in news text is shorter than either package's workarounds.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import NamedTuple, Sequence

__all__ = ["Quantity", "DateValue", "SourceCount", "quantities", "dates", "source_counts", "role_key",
           "parse_date", "time_status", "intervals_overlap", "value_stage", "SpanCover"]


class SpanCover:
    """Which positions a set of spans ``(start, end)`` covers, answered by bisection.

    Spans sorted by start with the furthest end reached so far: a question costs a log of the
    number of spans, where testing every span made a text with many spans (a sentence of
    thousands of sources) quadratic.  The plain answer is in the docstrings of the methods.

    >>> cover = SpanCover([(10, 20), (0, 5)])
    >>> cover.holds(3), cover.holds(5), cover.meets(4, 8), cover.meets(6, 9), cover.meets(6, 10)
    (True, False, True, False, False)
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _b in spans]
        self.reach: list[int] = []
        top = None
        for _a, b in spans:
            top = b if top is None or b > top else top
            self.reach.append(top)

    def holds(self, pos: int) -> bool:
        """Some span has ``start <= pos < end`` (plain: ``any(a <= pos < b for a, b in spans)``)."""
        k = bisect.bisect_right(self.starts, pos)
        return bool(k) and self.reach[k - 1] > pos

    def meets(self, s: int, e: int) -> bool:
        """``s`` or ``e`` falls in a span: ``any(a <= s < b or a < e <= b for a, b in spans)``."""
        if self.holds(s):
            return True
        k = bisect.bisect_left(self.starts, e)  # spans with a < e
        return bool(k) and self.reach[k - 1] >= e

# --------------------------------------------------------------------------- numbers

UNITS = {
    # word: (dimension, factor to the base unit)
    "km": ("length", 1.0), "kilometer": ("length", 1.0), "kilometre": ("length", 1.0),
    "kilometers": ("length", 1.0), "kilometres": ("length", 1.0), "kms": ("length", 1.0),
    "mile": ("length", 1.609344), "miles": ("length", 1.609344), "mi": ("length", 1.609344),
    "meter": ("length", 0.001), "meters": ("length", 0.001), "metre": ("length", 0.001),
    "metres": ("length", 0.001), "m": ("length", 0.001), "feet": ("length", 0.0003048),
    "foot": ("length", 0.0003048), "ft": ("length", 0.0003048), "yards": ("length", 0.0009144),
    "second": ("time", 1 / 3600), "seconds": ("time", 1 / 3600), "minute": ("time", 1 / 60),
    "minutes": ("time", 1 / 60), "hour": ("time", 1.0), "hours": ("time", 1.0), "hrs": ("time", 1.0),
    "day": ("day", 1.0), "days": ("day", 1.0), "week": ("week", 1.0), "weeks": ("week", 1.0),
    "month": ("month", 1.0), "months": ("month", 1.0), "year": ("year", 1.0), "years": ("year", 1.0),
    "percent": ("percent", 1.0), "per cent": ("percent", 1.0), "%": ("percent", 1.0),
    "percentage points": ("points", 1.0), "points": ("points", 1.0),
    "dollars": ("usd", 1.0), "dollar": ("usd", 1.0), "$": ("usd", 1.0),
    "euros": ("eur", 1.0), "€": ("eur", 1.0), "pounds": ("gbp", 1.0), "£": ("gbp", 1.0),
    "kg": ("mass", 1.0), "kilograms": ("mass", 1.0), "tons": ("mass", 1000.0), "tonnes": ("mass", 1000.0),
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "k": 1e3}
ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# Qualifiers before a number: the interval they make of a value v.
QUALIFIERS = [
    (r"more than|over|upwards of|in excess of|greater than|at least|no fewer than|no less than", "above"),
    (r"nearly|almost|just under|close to|not quite", "below_near"),
    (r"about|around|some|roughly|approximately|an estimated|estimated|circa|or so|about a", "about"),
    (r"up to|as many as|as much as|no more than|fewer than|less than|under|at most|a maximum of", "at_most"),
]
_NUM_WORD = "|".join(sorted([*ONES, *TENS, "hundred", "dozen", *SCALES], key=len, reverse=True))
_NUMBER = re.compile(
    r"(?:(?P<cur>[$€£])\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?"
    rf"|(?P<words>(?:\b(?:a|an|half a|half an)\s+)?\b(?:{_NUM_WORD})(?:[\s-]+(?:and\s+)?(?:{_NUM_WORD}))*\b)",
    re.IGNORECASE)
_QUAL = re.compile(r"(?:" + "|".join(f"(?P<q{i}>\\b(?:{p})\\s+)" for i, (p, _) in enumerate(QUALIFIERS)) + r")$",
                   re.IGNORECASE)
_UNIT_AFTER = re.compile(r"^(?:-|\s)?(?P<unit>percentage points|per cent|[a-zA-Z%]+)", re.IGNORECASE)
# Adjectives that sit between a number and its noun ("16 ballistic missiles").
_SKIPPABLE = frozenset("""ballistic cruise long-range short-range additional more new other extra
separate different former current senior top key major minor small large big full straight
consecutive marathon grueling gruelling straight armed unarmed american u.s. us russian ukrainian
iranian israeli chinese british french german military civilian foreign domestic federal local
republican democratic gop democrat""".split())
# Words after a number that make it no quantity worth comparing (a rank, an ordinal, a score).
_NOT_COUNTED = frozenset("""of th st nd rd a.m am p.m pm o'clock percent""".split())
_VERBISH_S = frozenset("""is was has does says goes makes takes gets comes seems remains includes means
shows looks wants needs""".split())
_COUNT_STOP = frozenset("""the a an and or but to in on at by for with from that which who as is are
was were be been has have had will would can could may might this these those it its their his her
than after before since when while about over under into than then""".split())


class Quantity(NamedTuple):
    """A quantity in a claim: its span, what it counts or measures, and an interval of values."""

    start: int
    end: int
    text: str
    unit: str  # base unit or dimension ("length", "time", "usd", ...) or "count:<noun>"
    lo: float
    hi: float


def _words_value(words: str) -> float | None:
    """The value of number words: "twenty-four" 24, "two dozen" 24, "a million" 1e6."""
    toks = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not toks:
        return None
    total, current, seen = 0.0, 0.0, False
    for t in toks:
        if t in ("a", "an"):
            current = max(current, 1.0)
            continue
        if t == "half":
            current = 0.5
            continue
        if t in ONES:
            current += ONES[t]
        elif t in TENS:
            current += TENS[t]
        elif t == "hundred":
            current = max(current, 1.0) * 100
        elif t == "dozen":
            current = max(current, 1.0) * 12
        elif t in SCALES:
            total += max(current, 1.0) * SCALES[t]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _interval(v: float, how: str | None) -> tuple[float, float]:
    if how == "above":
        return v * 1.0001, float("inf")
    if how == "below_near":
        return v * 0.85, v
    if how == "about":
        return v * 0.8, v * 1.2
    if how == "at_most":
        return 0.0, v
    return v, v


def _unit_after(text: str, end: int) -> tuple[str | None, float, int]:
    """The unit or counted noun right after a number: (unit, factor, end of the unit)."""
    rest = text[end:end + 60]
    m = _UNIT_AFTER.match(rest)
    if not m:
        return None, 1.0, end
    word = m.group("unit")
    low = word.lower()
    if low in ("year", "years") and re.match(r"(?:-|\s)years?-old\b", rest, re.I):
        return "age", 1.0, end + len(re.match(r"(?:-|\s)years?-old", rest, re.I).group(0))
    if low in UNITS:
        dim, factor = UNITS[low]
        return dim, factor, end + m.end()
    if low.endswith("-long") and low[:-5] in UNITS:
        dim, factor = UNITS[low[:-5]]
        return dim, factor, end + m.end()
    # A counted noun, possibly after an adjective or two: "16 ballistic missiles".
    pos = end
    for _ in range(3):
        m = re.match(r"\s+(\w[\w'’.-]*)", text[pos:pos + 40])
        if not m:
            return None, 1.0, end
        w = m.group(1).lower().rstrip(".,")
        pos += m.end()
        if w in UNITS:
            dim, factor = UNITS[w]
            return dim, factor, pos
        if "-" in w and w.split("-")[-1] in UNITS:  # "two 12-hour days": the hours are their own quantity
            continue
        if w in _SKIPPABLE or (w.endswith(("ic", "al", "ive", "ern", "ian", "ese")) and len(w) > 4):
            continue
        if w in _COUNT_STOP or w in _NOT_COUNTED or not w.isalpha() and "-" not in w:
            return None, 1.0, end
        # A compound's head is its last noun: "seven email chains" counts chains, not emails.
        nxt = re.match(r"\s+([a-z][a-z'-]*)\b", text[pos:pos + 30])
        if nxt and not w.endswith("s") and nxt.group(1).endswith("s") and nxt.group(1) not in _COUNT_STOP \
                and nxt.group(1) not in _VERBISH_S:
            return "count:" + _noun_key(nxt.group(1)), 1.0, pos + nxt.end()
        return "count:" + _noun_key(w), 1.0, pos
    return None, 1.0, end


def _noun_key(w: str) -> str:
    """A counted noun reduced to its singular-ish stem: missiles -> missile, votes -> vote."""
    w = w.lower().strip(".,;:’'")
    for suf, rep in (("ies", "y"), ("ves", "f"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if w.endswith(suf) and len(w) > len(suf) + 2 and not w.endswith("ss"):
            return w[: -len(suf)] + rep
    return w


_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def quantities(text: str, masked: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities in a text, each an interval in a base unit (see the module docstring).

    ``masked``: spans to skip (dates found by :func:`dates`, say), so "May 13" is no count.

    >>> [(q.text, q.unit, round(q.lo), round(q.hi)) for q in quantities("up to 200 miles (300 kilometers) away")]
    [('up to 200 miles', 'length', 0, 322), ('300 kilometers', 'length', 300, 300)]
    >>> [(q.unit, round(q.lo, 1)) for q in quantities("some two dozen missiles and a total of 16 missiles")]
    [('count:missile', 19.2), ('count:missile', 16.0)]
    >>> [(q.text, q.unit, q.lo) for q in quantities("each side 24 hours spread over four days")]
    [('24 hours', 'time', 24.0), ('four days', 'day', 4.0)]
    >>> [(q.text, q.unit) for q in quantities("two marathon 12-hour days")]
    [('two marathon 12-hour days', 'day'), ('12-hour', 'time/each:day')]
    """
    out: list[Quantity] = []
    cover = SpanCover(masked)
    for m in _NUMBER.finditer(text):
        if cover.meets(*m.span()):
            continue
        number = _number_value(m, text)
        if number is None:
            continue
        s, value = number
        e = m.end()
        if m.group("cur"):
            unit, factor, u_end = UNITS[m.group("cur")][0], 1.0, e
        else:
            unit, factor, u_end = _unit_after(text, e)
            if unit is None and re.match(r"\s*(?:%|percent\b)", text[e:e + 9]):
                unit, factor = "percent", 1.0
        if unit is None:
            continue  # a bare number: too easy to compare with the wrong thing
        if unit.startswith("count:") and value == 1:
            continue  # "one suspect was killed": a reference to someone, not a count
        q_start, how = _qualifier(text, s, unit)
        lo, hi = _interval(value * factor, how)
        # "two marathon 12-hour days", "12-hour-long sessions": a measure of each item, not a
        # total; it compares only with measures of the same items.
        each = re.match(r"(?:-long|-old)?\s+([a-z]+s)\b", text[u_end:u_end + 30]) \
            if not unit.startswith("count:") and text[e:e + 1] == "-" else None
        if each and each.group(1) not in _COUNT_STOP and each.group(1) not in _VERBISH_S:
            unit = f"{unit}/each:{_noun_key(each.group(1))}"
        out.append(Quantity(q_start, u_end, text[q_start:u_end], unit, lo, hi))
    return out


def _number_value(m: re.Match, text: str) -> tuple[int, float] | None:
    """Where a number of :data:`_NUMBER` starts and its value, or None when it is no count
    or measure: a year, a time or ratio, a version, "one of", an article "a"."""
    s, e = m.span()
    if m.group("num"):
        raw = m.group("num").replace(",", "")
        if _YEAR.match(raw) and not m.group("cur"):
            return None  # a year, not a quantity
        before, after = text[max(0, s - 1):s], text[e:e + 1]
        if (before and before in ":/.") or (after and after in ":/") or (after == "." and text[e + 1:e + 2].isdigit()):
            return None  # a time, a ratio, a version
        return s, float(raw) * SCALES.get((m.group("scale") or "").lower(), 1.0)
    words = m.group("words").strip()
    lead = re.match(r"(?:half an?|an?)\s+", words, re.I)
    if lead and not re.match(r"(?:hundred|dozen|thousand|million|billion|trillion)\b",
                             words[lead.end():], re.I) and not lead.group(0).lower().startswith("half"):
        s += lead.end()  # "over a two-day period": the article is no part of the number
        words = words[lead.end():]
    if words.lower() in ("a", "an", "one") and not re.match(r"\s*(?:-|\s)?[A-Za-z%]", text[e:e + 3]):
        return None
    value = _words_value(words)
    if value is None or words.lower() in ("a", "an"):
        return None
    # "one of the officials", "one another": no count
    if words.lower() == "one" and re.match(r"\s+(?:of|another|day|side|way|point|time|thing)\b", text[e:e + 12], re.I):
        return None
    return s, value


def _qualifier(text: str, s: int, unit: str) -> tuple[int, str | None]:
    """Where a quantity starting at ``s`` starts with its qualifier ("up to", "more than")
    and the kind of that qualifier (None: an exact value)."""
    qual = _QUAL.search(text[max(0, s - 30):s])
    if not qual or (qual.group(0).strip().lower() == "over" and unit in ("time", "day", "week", "month", "year")):
        # ("spread over four days" is a span of time, not "more than four days")
        return s, None
    how, q_start = None, s
    for i, (_p, kind) in enumerate(QUALIFIERS):
        if qual.group(f"q{i}"):
            how = kind
            q_start = s - len(qual.group(0))
    return q_start, how


# Words that say a value belongs to a plan or a first version, or to what replaced it: a rule,
# a deal, a schedule or a forecast is often reported twice ("three days, as opposed to the
# initial two days").  Two stages of one thing are two values, both right.
_STAGE = re.compile(
    r"\b(?P<initial>initial|initially|original|originally|early version|earlier version|first version|draft|"
    r"envisaged|envisioned|envisaging|planned|proposed|wants to|wanted to|had sought|had called for)\b|"
    r"\b(?P<revised>new|change|changed|changes|instead|revised|amended|updated|modified|altered)\b", re.IGNORECASE)


def value_stage(before: str) -> str | None:
    """Whether the words before a value (within its claim) give it to a plan or first version
    (``"initial"``) or to what replaced it (``"revised"``); None when they say neither.  The
    nearest cue wins.

    >>> s = "The change gives each side three days, as opposed to the initial two days"
    >>> value_stage(s[:s.index("three")]), value_stage(s[:s.index("two")])
    ('revised', 'initial')
    >>> value_stage("Kharkiv is just"), value_stage("McConnell wants to give each side 24 hours spread over")
    (None, 'initial')
    """
    last = None
    for m in _STAGE.finditer(before):
        last = m
    if last is None:
        return None
    return "initial" if last.group("initial") else "revised"


def intervals_overlap(a: tuple[float, float], b: tuple[float, float], tolerance: float = 0.07) -> bool:
    """Whether two value intervals agree, allowing ``tolerance`` for rounding and unit conversion.

    >>> intervals_overlap((321.9, 321.9), (300, 300)), intervals_overlap((20, 20), (30, 30))
    (True, False)
    """
    lo_a, hi_a = a[0] * (1 - tolerance), a[1] * (1 + tolerance)
    return lo_a <= b[1] * (1 + tolerance) and b[0] * (1 - tolerance) <= hi_a


# --------------------------------------------------------------------------- dates

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS.update({"sept": 9})
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DATE = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH_RE})(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?"
    rf"|\b(?:in\s+|since\s+|of\s+)?(?P<month3>{_MONTH_RE})\s+(?P<year3>(?:19|20)\d\d)\b"
    r"|\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
    r"|\b(?P<rel>today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|"
    r"(?:earlier |later )?this (?:week|month|year)|(?:late |early )?last (?:week|month|year|night)|"
    r"next (?:week|month|year))\b"
    r"|\b(?P<ago>(?:more than |nearly |almost |about |some |over |just )?(?:a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|a few|several|\d+) (?:days?|weeks?|months?|years?)) ago\b"
    r"|\b(?:in|since|of|by|during|until|before|after)\s+(?P<year4>(?:19|20)\d\d)\b",
    re.IGNORECASE)
# A future before a weekday: "will testify Thursday" is the next Thursday, not the last one.
_FUTURE = re.compile(r"\b(?:will|is set to|are set to|is scheduled to|are scheduled to|plans to|is expected to|"
                     r"are expected to|is due to|are due to)\b(?:\s+[\w’'-]+){0,6}\s+(?:on\s+)?$", re.IGNORECASE)
# ... or after it: "On Thursday, Supreme Court nominee Brett Kavanaugh will appear".
_FUTURE_AFTER = re.compile(r"^\W*(?:[\w’'.-]+\s+){0,6}?(?:will|is set to|are set to|is scheduled to|are scheduled to|"
                           r"is expected to|are expected to|is due to|are due to)\b", re.IGNORECASE)
# Words that make the next capitalized "May" a verb, not the month ("Washington may alter").
_MAY_VERB_AFTER = re.compile(r"^\s+(?:be|have|not|also|well|still|soon|never|alter|change|want|need|"
                             r"seek|try|face|take|make|use|get|come|go|lose|win|see|decide)\b", re.I)


class DateValue(NamedTuple):
    """A date in a claim: its span and an interval of days.

    ``lo``/``hi`` are proleptic ordinals (``date.toordinal()``) when ``anchor`` is ``abs``,
    else day offsets from the article's (unknown) date, comparable only within one article.
    """

    start: int
    end: int
    text: str
    lo: int
    hi: int
    anchor: str  # "abs" or "rel"


def parse_date(value) -> dt.date | None:
    """An article date from metadata ("2024-05-31", "2024-05-31T10:00"), else None.

    >>> parse_date("2024-05-31T08:00:00"), parse_date(None), parse_date("soon")
    (datetime.date(2024, 5, 31), None, None)
    """
    if value is None:
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_key(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:4] if word.lower().startswith("sept") else word.lower().rstrip(".")[:3]]


def _ago_days(phrase: str) -> tuple[int, int]:
    """Offsets (lo, hi) back from the article date for "two weeks ago", "more than a month ago"."""
    low = phrase.lower()
    qual = re.match(r"(more than|nearly|almost|about|some|over|just) ", low)
    if qual:
        low = low[qual.end():]
    num_word, unit = low.rsplit(" ", 1)
    n = {"a": 1, "an": 1, "a few": 3, "several": 4}.get(num_word)
    if n is None:
        n = int(num_word) if num_word.isdigit() else ONES.get(num_word, 1)
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit.rstrip("s")]
    centre = n * days
    slack = max(1, days // 2) if days > 1 else 1
    if qual and qual.group(1) in ("more than", "over"):
        return centre, centre + days * 2
    if qual and qual.group(1) in ("nearly", "almost", "just"):
        return max(0, centre - days), centre
    return centre - slack, centre + slack


def dates(text: str, article_date: dt.date | None = None, event_date: dt.date | None = None) -> list[DateValue]:
    """Dates in a text as intervals of days, resolved against the article's date.

    ``event_date``: a date of the event (another article's), used only to give "May 13" a
    year when the article itself is undated; relative expressions stay relative.

    >>> d = dt.date(2024, 5, 31)  # a Friday
    >>> [(v.text, dt.date.fromordinal(v.lo).isoformat()) for v in dates("Later on May 15 and on Thursday", d)]
    [('May 15', '2024-05-15'), ('Thursday', '2024-05-30')]
    >>> [dt.date.fromordinal(v.lo).isoformat() for v in dates("On Thursday, the nominee will testify", d)]
    ['2024-06-06']
    >>> [(v.text, v.lo, v.hi, v.anchor) for v in dates("he decided this week; he said last week")]
    [('this week', -6, 0, 'rel'), ('last week', -13, -7, 'rel')]
    """
    out: list[DateValue] = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        kind = next((k for k in ("month", "month2", "month3", "year4", "weekday", "rel", "ago") if g[k]), None)
        if kind is None:
            continue
        try:
            value = _DATE_READERS[kind](m, text, article_date, event_date)
        except (ValueError, KeyError):
            continue
        if value is not None:
            out.append(value)
    return out


def _calendar_date(m: re.Match, text: str, article_date: dt.date | None,
                   event_date: dt.date | None) -> DateValue | None:
    """"May 15", "15 May 2024": a day, its year from the text, the article or the event."""
    g = m.groupdict()
    s, e = m.span()
    month_word = g["month"] or g["month2"]
    if month_word == "May" and g["month"] and not g["year"] and _MAY_VERB_AFTER.match(text[m.end("month"):]):
        return None  # "May" the verb
    day = int(g["day"] or g["day2"])
    year_s = g["year"] or g["year2"]
    month = _month_key(month_word)
    if year_s:
        d = dt.date(int(year_s), month, day)
    elif article_date or event_date:
        ref = article_date or event_date
        d = dt.date(ref.year, month, day)
        if d.toordinal() - ref.toordinal() > 60:  # "Dec. 18" read in January: last year
            d = dt.date(ref.year - 1, month, day)
    else:
        return None  # no year to place it in: cannot be compared reliably
    return DateValue(s, e, text[s:e], d.toordinal(), d.toordinal(), "abs")


def _month_of_year(m: re.Match, text: str, article_date: dt.date | None,
                   event_date: dt.date | None) -> DateValue:
    """"May 2024": every day of the month."""
    s, e = m.span()
    month, year = _month_key(m.group("month3")), int(m.group("year3"))
    first = dt.date(year, month, 1)
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
    return DateValue(s, e, text[s:e], first.toordinal(), last.toordinal(), "abs")


def _year_only(m: re.Match, text: str, article_date: dt.date | None, event_date: dt.date | None) -> DateValue:
    """"in 2019": every day of the year (the span is the year itself)."""
    year = int(m.group("year4"))
    ys, ye = m.span("year4")
    return DateValue(ys, ye, text[ys:ye], dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal(), "abs")


def _weekday(m: re.Match, text: str, article_date: dt.date | None, event_date: dt.date | None) -> DateValue | None:
    """"Thursday": the last one on or before the article's date, or the next one when the
    words around it look ahead ("will testify Thursday"); nothing without an article date."""
    s, e = m.span()
    name = m.group("weekday")
    if name[0].islower() or not article_date:
        # Without a date a weekday says nothing comparable across articles.
        return None
    wd, base = WEEKDAYS[name.lower()], article_date.toordinal()
    if _FUTURE.search(text[max(0, s - 60):s]) or (
            text[max(0, s - 4):s].lower().strip() in ("on", "") and _FUTURE_AFTER.match(text[e:e + 90])):
        # "will testify Thursday": the next one (today's, or a week on)
        ahead = (wd - article_date.weekday()) % 7
        lo, hi = (base, base + 7) if ahead == 0 else (base + ahead, base + ahead)
        return DateValue(s, e, text[s:e], lo, hi, "abs")
    day = base - (article_date.weekday() - wd) % 7
    return DateValue(s, e, text[s:e], day, day, "abs")


def _relative_days(rel: str, article_date: dt.date | None) -> tuple[int, int]:
    """The days ``(lo, hi)`` from the article's date that "yesterday", "last week" ... cover
    (calendar weeks and months when the date is known, the widest reading otherwise)."""
    wd = article_date.weekday() if article_date else None
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return 0, 0
    if rel == "yesterday" or rel.endswith("last night"):
        return -1, -1
    if rel == "tomorrow":
        return 1, 1
    if rel.endswith("this week"):
        lo, hi = (-(wd or 0), 6 - (wd or 0)) if wd is not None else (-6, 0)
        return (lo, 0) if rel.startswith("earlier") else (lo, hi)
    if rel.endswith("last week"):
        return (-(wd or 0) - 7, -(wd or 0) - 1) if wd is not None else (-13, -7)
    if rel == "next week":
        return (7 - (wd or 0), 13 - (wd or 0)) if wd is not None else (7, 13)
    if rel.endswith("this month"):
        return (-(article_date.day - 1), 0) if article_date else (-30, 0)
    if rel.endswith("last month"):
        return (-(article_date.day - 1) - 31, -(article_date.day)) if article_date else (-61, -1)
    if rel.endswith("this year"):
        return (-(article_date.timetuple().tm_yday - 1), 0) if article_date else (-365, 0)
    if rel.endswith("last year"):
        if not article_date:
            return -730, -1
        y, base = article_date.year - 1, article_date.toordinal()
        return dt.date(y, 1, 1).toordinal() - base, dt.date(y, 12, 31).toordinal() - base
    return 1, 400  # next month / next year


def _relative(m: re.Match, text: str, article_date: dt.date | None, event_date: dt.date | None) -> DateValue:
    """"yesterday", "last week": days from the article's date (relative when it is unknown)."""
    s, e = m.span()
    lo, hi = _relative_days(m.group("rel").lower(), article_date)
    base = article_date.toordinal() if article_date else 0
    return DateValue(s, e, text[s:e], base + lo, base + hi, "abs" if article_date else "rel")


def _ago(m: re.Match, text: str, article_date: dt.date | None, event_date: dt.date | None) -> DateValue:
    """"two weeks ago": days before the article's date."""
    s, e = m.span()
    lo, hi = _ago_days(m.group("ago"))
    base = article_date.toordinal() if article_date else 0
    return DateValue(s, e, text[s:e], base - hi, base - lo, "abs" if article_date else "rel")


# How each form of date the pattern matches is read (by the first group that matched).
_DATE_READERS = {"month": _calendar_date, "month2": _calendar_date, "month3": _month_of_year, "year4": _year_only,
                 "weekday": _weekday, "rel": _relative, "ago": _ago}


# Expressions that say whether a state still holds ("has not changed") or held only before
# ("previously restricted"): a time difference no calendar date shows.
_ONGOING = re.compile(r"\b(?:has|have) not changed\b|\bhasn[’']t changed\b|\bhaven[’']t changed\b|\bunchanged\b|"
                      r"\bremains? (?:in (?:place|force|effect)|unchanged|banned|barred)\b|\bstill (?:holds?|in force|bans?|"
                      r"bars?|prohibits?|restricts?|refuses?|stands?)\b|\b(?:has|have) (?:also |long |so far )?"
                      r"(?:steadfastly |consistently |repeatedly )?(?:refused|barred|banned|prohibited|forbidden)\b",
                      re.IGNORECASE)
_PAST_ONLY = re.compile(r"\b(?:previously|formerly|once|until now|used to|had long) (?:restricted|banned|barred|"
                        r"prohibited|forbade|limited|blocked|allowed|permitted|required)\b|\bno longer\b",
                        re.IGNORECASE)


def time_status(text: str) -> list[tuple[int, int, str]]:
    """Spans saying a state still holds (``ongoing``) or held only in the past (``past``).

    >>> time_status("the policy has not changed"), time_status("which previously restricted Ukraine")
    ([(11, 26, 'ongoing')], [(6, 27, 'past')])
    """
    out = [(m.start(), m.end(), "ongoing") for m in _ONGOING.finditer(text)]
    out += [(m.start(), m.end(), "past") for m in _PAST_ONLY.finditer(text)]
    return sorted(out)


# --------------------------------------------------------------------------- sources

_SOURCE_NOUNS = r"(?:officials?|sources?|people|persons?|aides?|diplomats?|advisers?|advisors?|officers?|" \
                r"staffers?|lawmakers?|senators?|members?|insiders?|analysts?|experts?|witnesses?|residents?)"
_SOURCE = re.compile(
    rf"\b(?P<n>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)|\d+)"
    rf"(?P<mid>(?:\s+(?:senior|top|current|former|U\.S\.|US|American|administration|White House|Western|European|"
    rf"Israeli|Iranian|Iraqi|Ukrainian|Russian|Pentagon|defense|military|intelligence|government|congressional|"
    rf"GOP|Republican|Democratic|State Department|[A-Z][a-z]+))*)\s+(?P<noun>{_SOURCE_NOUNS})\b"
    r"(?P<tail>\s+(?:familiar|close|with knowledge|briefed|who|with direct|involved|knowledgeable|"
    r"speaking|told|said|say|says)\b)?",
    re.UNICODE)
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, **{k: v for k, v in ONES.items() if v > 1}, "several": None}


class SourceCount(NamedTuple):
    """A sourcing phrase that says how many sources: "four U.S. officials" (4), "a source" (1)."""

    start: int
    end: int
    text: str
    count: int


def source_counts(text: str) -> list[SourceCount]:
    """Sourcing phrases with a number of sources; plurals without a number ("officials said") are left out.

    A singular counts only as a source ("a source familiar with", "one official said",
    "according to a U.S. official"), not as a subject of other news ("an official visit").

    >>> [(s.text, s.count) for s in source_counts("according to four U.S. officials familiar with the matter")]
    [('four U.S. officials', 4)]
    >>> [(s.text, s.count) for s in source_counts("according to a source familiar with the decision")]
    [('a source familiar with the decision', 1)]
    >>> source_counts("U.S. officials said the plan was ready")
    []
    """
    out = []
    for m in _SOURCE.finditer(text):
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else _COUNT_WORDS.get(n)
        if count is None:
            continue
        before = text[max(0, m.start() - 25):m.start()].lower()
        sourcing = bool(re.search(r"(?:according to|told|said|says|by|cited|citing|from|,)\s*$", before)) or \
            bool(m.group("tail"))
        noun = m.group("noun").lower()
        if count == 1 and not sourcing:
            continue
        if noun in ("people", "persons", "members", "residents", "witnesses", "senators", "lawmakers") and not sourcing:
            continue
        if noun.endswith("s") and count == 1 and noun not in ("people",):
            continue  # "one sources" is no phrase; "one of the officials" never matches here
        end = m.end("noun")
        tail = re.match(r"\s+(?:familiar with|close to|with knowledge of|briefed on)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?",
                        text[end:end + 60])
        if tail and count == 1:
            end += tail.end()
        out.append(SourceCount(m.start(), end, text[m.start():end], count))
    return out


# --------------------------------------------------------------------------- roles

# Words of a title that do not name the office: nationality, party, rank and courtesy.
_US_STATES = """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada new hampshire jersey mexico york north south carolina dakota ohio oklahoma oregon
pennsylvania rhode island tennessee texas utah vermont virginia washington west wisconsin wyoming"""
_ROLE_NOISE = frozenset(_US_STATES.split()) | frozenset("""mr mrs ms dr gen general lt col maj capt adm sgt the of
for and u.s us american german french british ukrainian russian iranian israeli chinese italian
spanish polish japanese indian iraqi syrian turkish canadian european nato un eu white house democratic
republican gop democrat then four-star three-star two-star retired top senior s""".split())
_ROLE_SYNONYMS = {"sen": "senator", "sens": "senator", "senators": "senator", "rep": "representative",
                  "reps": "representative", "congressman": "representative", "congresswoman": "representative",
                  "gov": "governor", "advisor": "adviser", "secretary-general": "secretary general", "chair": "chairman",
                  "chairwoman": "chairman", "chairperson": "chairman", "defence": "defense",
                  "spokeswoman": "spokesman", "spokesperson": "spokesman", "premier": "prime minister",
                  "chief": "", "head": "", "leader": "leader"}
# Titles of membership, held together with any office of the same body ("Rep. Nancy Pelosi" is
# "House Democratic Leader Nancy Pelosi"; "GOP Sen. Bob Corker" chairs a committee).
_MEMBERSHIP = frozenset("senator representative member lawmaker delegate mp legislator".split())
# Words that make a different office of the same head ("Deputy Secretary" is not "Secretary").
_ROLE_RANK = frozenset("deputy vice assistant acting under associate interim".split())


def role_key(title: str) -> frozenset[str] | None:
    """The office a title names, as a set of words; None when it names none (a rank, "Mr.", "former ...").

    >>> role_key("Defense Secretary") == role_key("Secretary of Defense")
    True
    >>> sorted(role_key("German Foreign Minister")), sorted(role_key("German Chancellor"))
    (['foreign', 'minister'], ['chancellor'])
    >>> role_key("Gen."), role_key("former Vice President")
    (None, None)
    """
    low = title.lower().replace("’", "'")
    if re.search(r"\b(?:former|ex-|then-|outgoing|incoming|late)\b", low):
        return None
    words = []
    for w in re.findall(r"[a-z][a-z.'-]*", low):
        w = w.strip(".'")
        w = _ROLE_SYNONYMS.get(w, w)
        for part in w.replace("-", " ").split():  # Vice-President = Vice President
            if part and part not in _ROLE_NOISE:
                words.append(part)
    return frozenset(words) or None


def _spells_out(short: frozenset[str], long: frozenset[str]) -> bool:
    """Whether the words of ``short`` are initialisms ("u.n", "un") whose letters are the
    initials of the words of ``long`` ("united", "nations"): one office in two spellings.

    >>> _spells_out(frozenset({"u.n"}), frozenset({"united", "nations"}))
    True
    >>> _spells_out(frozenset({"foreign"}), frozenset({"chancellor"}))
    False
    """
    if not short or len(long) < 2:
        return False
    letters = "".join(w.replace(".", "") for w in short)
    if not letters.isalpha() or any("." not in w and len(w) > 4 for w in short):
        return False
    return sorted(letters) == sorted(w[0] for w in long)


def roles_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two office keys name different offices (neither contains the other).

    >>> roles_conflict(role_key("German Chancellor"), role_key("German Foreign Minister"))
    True
    >>> roles_conflict(role_key("Senate Majority Leader"), role_key("Majority Leader"))
    False
    >>> roles_conflict(role_key("Deputy Secretary of State"), role_key("Secretary of State"))
    True
    >>> roles_conflict(role_key("Rep."), role_key("House Democratic Leader"))
    False
    >>> roles_conflict(role_key("U.N. Secretary-General"), role_key("United Nations Secretary-General"))
    False
    """
    if a <= _MEMBERSHIP or b <= _MEMBERSHIP:
        return False  # a senator is also a committee chairman or a party leader
    if _spells_out(a - b, b - a) or _spells_out(b - a, a - b):
        return False  # "U.N. Secretary-General" = "United Nations Secretary-General"
    if a <= b or b <= a:
        return bool((a ^ b) & _ROLE_RANK)
    return True
