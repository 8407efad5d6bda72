"""When a difference is a finding: the noise rule every chapter and chart title follows.

A handful of articles gives small numbers, and small numbers move by chance: one more
sentence, one more quote, one formula against another.  So a chapter says that one article is
harder, longer or more alike only when the difference is larger than the measure's noise,
and says "about the same" otherwise.  The tolerances live here, in one table (:data:`NOISE`),
each with the reason for it; :func:`differs`, :func:`leader` and :func:`compare` apply them.

>>> differs(0.34, 0.33, "similarity"), differs(14.2, 16.0, "grade")
(False, True)
>>> leader({"AP": 16.4, "CNN": 16.1, "NYT": 13.8}, "grade") is None  # AP and CNN tie
True
>>> compare(16.4, 13.8, "grade")
'higher'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Noise", "NOISE", "noise", "differs", "leader", "compare", "rate_noise", "share_noise", "ends"]


@dataclass(frozen=True)
class Noise:
    """How far apart two values of a measure must be before the difference counts.

    ``tolerance`` is absolute (in ``unit``) unless ``relative``, when it is a fraction of the
    larger value; ``minimum`` is an absolute floor used with a relative tolerance (two quotes
    against one is a difference of 50%, but one quote).  ``why`` says where it comes from.
    """

    tolerance: float
    unit: str
    why: str
    relative: bool = False
    minimum: float = 0.0

    def margin(self, a: float, b: float) -> float:
        """The difference ``a`` and ``b`` must exceed.

        >>> NOISE["count"].margin(10, 4), NOISE["grade"].margin(10, 4)
        (2.0, 1.0)
        """
        if self.relative:
            return max(self.minimum, self.tolerance * max(abs(a), abs(b)))
        return self.tolerance

    def describe(self) -> str:
        """The rule in words, for a chapter to print.

        >>> NOISE["grade"].describe()
        'differences of 1 grade or less count as about the same'
        """
        unit = f" {self.unit}" if self.unit else ""
        if self.relative:
            return (f"differences of {self.tolerance:.0%} or less (and of {self.minimum:g}{unit} or less) "
                    "count as about the same")
        if self.unit == "percentage points":
            return f"differences of {100 * self.tolerance:g} percentage points or less count as about the same"
        return f"differences of {self.tolerance:g}{unit} or less count as about the same"


#: The noise of each measure the chapters compare.
NOISE: dict[str, Noise] = {
    "grade": Noise(1.0, "grade", "readability formulas disagree by several grades on one text, and one "
                   "sentence more or less moves a short article's grade by about one"),
    "reading_ease": Noise(5.0, "points", "Flesch Reading Ease moves about five points for one grade"),
    "similarity": Noise(0.05, "", "one shared sentence moves the similarity of two short articles by a few "
                        "hundredths"),
    "words_per_sentence": Noise(2.0, "words", "one long sentence more or less moves a short article's mean "
                                "by a word or two"),
    "syllables_per_word": Noise(0.1, "syllables", "a few long names move the mean by a few hundredths"),
    "share_of_words": Noise(0.05, "percentage points", "one quotation more or less moves a short article's "
                            "share of quoted words by a few points"),
    "share_of_statements": Noise(0.10, "percentage points", "with ten or so sourcing statements, one "
                                 "statement is ten points"),
    "count": Noise(0.2, "", "counts of quotes or sources in a few articles move by one or two with the "
                   "choice of what counts", relative=True, minimum=2.0),
    "length": Noise(0.1, "", "article lengths are exact, but a tenth is within the boilerplate cleaning "
                    "may leave or take", relative=True, minimum=20.0),
}


def noise(measure: str | Noise) -> Noise:
    """The :class:`Noise` of a measure, by name (a key of :data:`NOISE`) or as given.

    >>> noise("grade").tolerance
    1.0
    """
    if isinstance(measure, Noise):
        return measure
    try:
        return NOISE[measure]
    except KeyError:
        raise KeyError(f"no noise rule for {measure!r}; known: {', '.join(NOISE)}") from None


def rate_noise(n_words: float) -> Noise:
    """The noise of a rate per 1,000 words in an article of ``n_words``: one hit.

    One word more or less in a 400-word article moves its rate by 2.5 per 1,000; a
    difference smaller than that is one word.

    >>> rate_noise(400).tolerance
    2.5
    """
    per_hit = 1000.0 / max(float(n_words), 1.0)
    return Noise(per_hit, "per 1,000 words", f"one hit in {n_words:,.0f} words")


def share_noise(n: int, floor: float = 0.10) -> Noise:
    """The noise of a share of ``n`` items (sourcing statements, say): one item, and at least ``floor``.

    100% of 2 statements against 77% of 13 is one statement's difference, not a finding.

    >>> share_noise(2).tolerance, share_noise(20).tolerance
    (0.5, 0.1)
    """
    return Noise(max(floor, 1.0 / max(int(n), 1)), "percentage points", f"one item of {n}")


def _usable(value) -> bool:
    try:
        return value is not None and not math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def differs(a: float, b: float, measure: str | Noise) -> bool:
    """Whether ``a`` and ``b`` differ by more than the measure's noise (a missing value never does).

    >>> differs(0.40, 0.33, "similarity"), differs(3, 4, "count"), differs(3, 6, "count")
    (True, False, True)
    >>> differs(float("nan"), 2.0, "grade")
    False
    """
    if not (_usable(a) and _usable(b)):
        return False
    rule = noise(measure)
    return abs(float(a) - float(b)) > rule.margin(float(a), float(b)) + 1e-9


def leader(values: Mapping, measure, highest: bool = True):
    """The key whose value is highest (or lowest) by more than the noise over every other, else None.

    None also when fewer than two values are usable: with one article nothing "leads".
    ``measure`` is a name of :data:`NOISE`, a :class:`Noise`, or a function of two keys
    giving the noise for that pair (e.g. :func:`share_noise` of the smaller count).

    >>> leader({"a": 0.41, "b": 0.30, "c": 0.28}, "similarity")
    'a'
    >>> leader({"a": 0.41, "b": 0.38}, "similarity") is None, leader({"a": 5}, "count") is None
    (True, True)
    >>> leader({"a": 12.0, "b": 16.0, "c": 15.5}, "grade", highest=False)
    'a'
    """
    usable = [(k, float(v)) for k, v in values.items() if _usable(v)]
    if len(usable) < 2:
        return None
    usable.sort(key=lambda kv: kv[1], reverse=highest)
    top, first = usable[0]
    for key, value in usable[1:]:
        rule = measure(top, key) if callable(measure) else measure
        if not differs(first, value, rule):
            return None
    return top


def ends(values: Mapping, measure, fmt: str = "{:.1f}") -> str:
    """Which ends of a ranking are ties, in words: for a title that can name no leader.

    >>> ends({"A": 28.8, "B": 29.2, "C": 23.8, "D": 25.3}, "words_per_sentence")
    'B and A (29.2, 28.8) are within 2 words of each other, and so are C and D (23.8, 25.3)'
    >>> ends({"A": 28.8, "B": 29.2, "C": 20.0}, "words_per_sentence")
    'B and A (29.2, 28.8) are within 2 words of each other'
    """
    usable = sorted(((k, float(v)) for k, v in values.items() if _usable(v)), key=lambda kv: kv[1], reverse=True)
    rule = noise(measure) if not callable(measure) else None
    within = f"within {rule.tolerance:g}{' ' + rule.unit if rule and rule.unit else ''} of each other" if rule else \
        "within the noise of each other"
    if rule and rule.unit == "percentage points":
        within = f"within {100 * rule.tolerance:g} percentage points of each other"
    if rule and rule.unit == "grade":
        within = "within a grade of each other" if rule.tolerance == 1 else f"within {rule.tolerance:g} grades of each other"
    parts = []
    if len(usable) >= 2 and leader(values, measure) is None:
        (a, va), (b, vb) = usable[0], usable[1]
        parts.append((f"{a} and {b}", f"{fmt.format(va)}, {fmt.format(vb)}"))
    if len(usable) >= 3 and leader(values, measure, highest=False) is None:
        (a, va), (b, vb) = usable[-1], usable[-2]
        if not parts or {a, b} != set(parts[0][0].split(" and ")):
            parts.append((f"{a} and {b}", f"{fmt.format(va)}, {fmt.format(vb)}"))
    if not parts:
        return ""
    first = f"{parts[0][0]} ({parts[0][1]}) are {within}"
    return first + (f", and so are {parts[1][0]} ({parts[1][1]})" if len(parts) > 1 else "")


def compare(a: float, b: float, measure: str | Noise) -> str:
    """``"higher"``, ``"lower"`` or ``"about the same"``: ``a`` against ``b``, beyond the noise.

    >>> compare(0.34, 0.33, "similarity"), compare(20, 12, "words_per_sentence")
    ('about the same', 'higher')
    """
    if not differs(a, b, measure):
        return "about the same"
    return "higher" if float(a) > float(b) else "lower"
