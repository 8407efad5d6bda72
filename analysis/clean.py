"""Cleaning rules for scraped news text, and the edit log that makes them reversible.

Each rule is a named function ``rule(text) -> (changes, metadata)``: the spans of *its
input* it replaces, and any metadata it read off the text (a date line, a dateline, a
credit).  :func:`clean_text` runs the rules in order and composes their changes into
one log in raw-text coordinates, so the raw text can always be rebuilt exactly
(:func:`rebuild_raw`).  Rules are general: they look at the shape of a line (length,
final punctuation, position), never at the words of particular articles.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterator

from .text import CJK_LETTERS, abbreviations

__all__ = [
    "CleanResult",
    "RULES",
    "clean_text",
    "rebuild_raw",
    "edits_frame",
]

Change = tuple[int, int, str]  # (start, end, replacement) in the rule's input text
RuleOutput = tuple[list[Change], dict]


# --------------------------------------------------------------------------- rules

def line_endings(text: str) -> RuleOutput:
    r"""Windows (``\r\n``) and old Mac (``\r``) line endings become ``\n``.

    >>> line_endings("a\r\nb\rc")[0]
    [(1, 3, '\n'), (4, 5, '\n')]
    """
    if "\r" not in text:  # the common case, found by one fast substring scan
        return [], {}
    return [(m.start(), m.end(), "\n") for m in re.finditer(r"\r\n?", text)], {}


# A high surrogate followed by a low one, or either alone.
_SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")


def surrogates(text: str) -> RuleOutput:
    """Surrogate code points, which are not text and cannot be written as UTF-8 (a string
    from broken UTF-16, or JSON with a ``\\ud800`` escape): a high-low pair becomes the
    character it encodes, a lone surrogate U+FFFD.  The raw text keeps them.

    >>> surrogates("ok \\ud83d\\ude00 \\udc9f")[0]
    [(3, 5, '😀'), (6, 7, '�')]
    """
    if text.isascii() or not _SURROGATES.search(text):  # the common case: one fast scan
        return [], {}
    out = []
    for m in _SURROGATES.finditer(text):
        s = m.group()
        out.append((m.start(), m.end(),
                    s.encode("utf-16-le", "surrogatepass").decode("utf-16-le") if len(s) == 2 else "\ufffd"))
    return out, {}


# Zero-width characters, BOMs, soft hyphens and C0/C1 controls other than \n and \t.
_INVISIBLE_CLASS = "[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f]"
# Written ``[...][...]*`` rather than ``[...]+`` (the same matches): a pattern that opens on a
# character class lets ``re`` skip ahead to the next candidate character instead of trying a
# match at every position, which makes the scan about three times faster.
_INVISIBLE = re.compile(f"{_INVISIBLE_CLASS}{_INVISIBLE_CLASS}*")


def invisible_characters(text: str) -> RuleOutput:
    """Remove zero-width characters, byte-order marks, soft hyphens and control codes.

    >>> invisible_characters("counter\\u00adfire\\ufeff")[0]
    [(7, 8, ''), (12, 13, '')]
    """
    return [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)], {}


def unicode_nfc(text: str) -> RuleOutput:
    """Unicode NFC normalization, line by line (composition never crosses a newline).

    Quotation marks are left as they are: quote detection needs curly vs straight.

    >>> unicode_nfc("Zelenskyy cafe\\u0301")[0]
    [(13, 15, 'é')]
    """
    # A line break is a starter that never composes with its neighbours, so the NFC form of
    # the text is the NFC forms of its lines joined: a text in NFC has no line to change,
    # and one C-level check of the whole text finds that common case.
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return [], {}
    changes = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if line.isascii():
            continue
        norm = unicodedata.normalize("NFC", line)
        if norm != line:
            changes.append(_minimal_change(m.start(), line, norm))
    return changes, {}


def _minimal_change(start: int, old: str, new: str) -> Change:
    """The change that turns ``old`` (at ``start``) into ``new``, with their common prefix and
    suffix trimmed off, so the edit log records only what changed."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    s = 0
    while s < min(len(old), len(new)) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    return start + p, start + len(old) - s, new[p:len(new) - s]


_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# One pass, one alternative per fix; the order of alternatives is the priority.
_WS = re.compile(
    rf"(?P<lead>^[ {_SPACES}\n]+)"  # leading whitespace of the text
    rf"|(?P<trail>[ {_SPACES}\n]+$)"  # trailing whitespace of the text
    rf"|(?P<eol>[ {_SPACES}]+(?=\n))"  # spaces before a line break
    rf"|(?P<bol>(?<=\n)[ {_SPACES}]+)"  # spaces after a line break
    rf"|(?P<blank>\n{{3,}})"  # more than one blank line
    rf"|(?P<run>[ {_SPACES}]{{2,}}|[{_SPACES}])"  # runs of spaces, odd spaces
)
_ODD_SPACE = re.compile(rf"[{_SPACES}]")
_WS_REPLACEMENT = {"lead": "", "trail": "", "eol": "", "bol": "", "blank": "\n\n", "run": " "}

# Every alternative of _WS consumes only white space ([ {_SPACES}\n]), so each match lies inside
# one maximal run of such characters, and within a run the matches depend only on the run
# (its neighbours are not white space; ``^`` and ``$`` only matter for runs at the edges of
# the text).  A run with a match has one of a few *local problems*: a white-space character
# at the start or end of the text, two spaces in a row, an odd space, a space before or
# after a line break, or three line breaks.  So :func:`whitespace` finds those with fast
# scans and runs _WS only over the runs that hold one: the same matches as a scan of the
# whole text, without trying every ordinary space between two words.
_WS_CHAR = re.compile(rf"[ {_SPACES}\n]")
_WS_RUN = re.compile(rf"[ {_SPACES}\n]*")
# " \n", "\n " and "\n\n\n" (an odd space next to a line break too); it opens on a literal
# line break, which ``re`` skips to quickly.
_NL_PROBLEM = re.compile(rf"\n(?:(?<=[ {_SPACES}]\n)|[ {_SPACES}]|\n\n)")


def _odd_spaces(text: str) -> Iterator[int]:
    """Positions of odd spaces (tabs, no-break spaces, ...)."""
    if text.isascii():  # O(1); the tab is the only ASCII odd space, found by a fast find()
        i = text.find("\t")
        while i >= 0:
            yield i
            i = text.find("\t", i + 1)
    else:
        for m in _ODD_SPACE.finditer(text):
            yield m.start()


def _double_spaces(text: str) -> Iterator[int]:
    """Positions where two plain spaces follow each other (one per run of spaces)."""
    i = text.find("  ")
    while i >= 0:
        yield i
        i = text.find("  ", _WS_RUN.match(text, i).end())


def _inner_problems(text: str) -> Iterator[int]:
    """Positions, in order, of the local problems (see above) other than white space at the
    ends of the text; one problem may be reported more than once."""
    nl = (m.start() for m in _NL_PROBLEM.finditer(text))
    return heapq.merge(nl, _double_spaces(text), _odd_spaces(text))


def _ws_problems(text: str) -> Iterator[int]:
    """Positions, in order, of every local problem :func:`whitespace` fixes."""
    edges = [p for p in (0, len(text) - 1) if p >= 0 and _WS_CHAR.match(text, p)]
    return heapq.merge(edges, _inner_problems(text))


def _ws_suspect(text: str) -> bool:
    """Whether :func:`whitespace` has work: whether the text has a local problem."""
    return next(_ws_problems(text), None) is not None


def whitespace(text: str) -> RuleOutput:
    """Trim the text and its lines, fold space runs and odd spaces, cap blank lines at one.

    >>> whitespace("  a\u00a0 b \\n\\n\\n\\nc ")[0]
    [(0, 2, ''), (3, 5, ' '), (6, 7, ''), (7, 11, '\\n\\n'), (12, 13, '')]
    """
    changes = []
    done = 0  # end of the last run scanned
    for p in _ws_problems(text):
        if p < done:
            continue  # in a run already scanned
        start = p  # the run's first character: _WS enters a run there
        while start > 0 and _WS_CHAR.match(text, start - 1):
            start -= 1
        done = _WS_RUN.match(text, p).end()
        # endpos one past the run: ``$`` still means the end of the text, not of the run
        for m in _WS.finditer(text, start, min(done + 1, len(text))):
            repl = _WS_REPLACEMENT[m.lastgroup]
            if m.group() != repl:
                changes.append((m.start(), m.end(), repl))
    return changes, {}


def _ws_clean_after(text: str, changes: list[Change]) -> bool:
    """Whether ``text`` is still free of white-space problems after ``changes`` (spans of
    the previous text, which was free of them) were applied to give it.

    Every local problem spans at most three characters, so a new one must touch a
    replacement or a junction left by a removal: only the few characters around each change
    and the two ends of the text need a look.  Overlapping changes get the full check.
    """
    if _WS_CHAR.match(text[:1]) or _WS_CHAR.match(text[-1:]):
        return False
    shift, last = 0, 0
    for s, e, r in sorted(changes):
        if s < last:
            return not _ws_suspect(text)
        a = s - shift  # the change's start in the new text
        if next(_inner_problems(text[max(0, a - 2):a + len(r) + 2]), None) is not None:
            return False
        shift += (e - s) - len(r)
        last = e
    return True


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?"
         rf"|{_MONTH} \d{{1,2}},? \d{{4}}")
# "date 2024-05-31 ..." or "Published: May 31, 2024" at the very start, or a date alone on
# the first line.
_DATE_LINE = re.compile(
    rf"^(?:(?:date|dated|published|posted|updated|last updated)\s*:?\s+(?P<d1>{_DATE})(?=\s|$)"
    rf"|(?P<d2>{_DATE})[ \t]*(?=\n|$))[ \t]*\n*",
    re.IGNORECASE,
)


def date_line(text: str) -> RuleOutput:
    """A leading date or metadata line (``date 2024-05-31``): removed, kept as ``date``.

    >>> date_line("date 2024-05-31 WASHINGTON — Text")
    ([(0, 16, '')], {'date': '2024-05-31'})
    """
    m = _DATE_LINE.match(text)
    if not m:
        return [], {}
    return [(0, m.end(), "")], {"date": _iso_date(m.group("d1") or m.group("d2"))}


def _iso_date(value: str) -> str:
    """ISO form of a date string when it can be parsed, else the string itself."""
    import pandas as pd

    try:
        return pd.Timestamp(value.replace(".", "")).date().isoformat()
    except (ValueError, TypeError):
        return value


# WASHINGTON —, KYIV, Ukraine (AP) —, (CNN) —, CNN\n—\n: a short upper-case place or outlet,
# an optional region, an optional (AGENCY), then a dash.  A plain hyphen needs spaces.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,[ ][A-Z][A-Za-z.'’\- ]{1,30}?)?)?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w.&' ]{0,30})\))?"
    r"\s*(?:[—–]{1,2}|--| - )\s*"
)


# Upper-case openers that are labels, not places: "FILE - In this photo ...", "UPDATE — ...".
_NOT_PLACES = frozenset({"FILE", "PHOTO", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "OPINION",
                         "ANALYSIS", "WATCH", "LISTEN", "EDITOR'S NOTE", "EDITORS NOTE", "CORRECTION"})


def dateline(text: str) -> RuleOutput:
    """An opening dateline (``WASHINGTON —``, ``KYIV, Ukraine (AP) —``, ``CNN —``).

    Removed from the text and kept as metadata: ``dateline`` (the place) and ``credit``
    (an agency in parentheses, or an outlet standing where the place would be).

    >>> dateline("KYIV, Ukraine (AP) — Russia said")
    ([(0, 21, '')], {'dateline': 'KYIV, Ukraine', 'credit': 'AP'})
    >>> dateline("CNN\\n—\\nPresident Joe Biden")[1]
    {'credit': 'CNN'}
    """
    m = _DATELINE.match(text)
    if not m or not (m.group("place") or m.group("agency")):
        return [], {}
    place = (m.group("place") or "").strip()
    city = place.split(",")[0]
    if place and (len(city.replace(" ", "")) < 2 or not city.isupper() or city in _NOT_PLACES):
        return [], {}
    meta: dict = {}
    outlet = canonical_outlet(place) if place else None
    if outlet:
        meta["credit"] = outlet
    elif place:
        meta["dateline"] = place
    if m.group("agency"):
        meta["credit"] = canonical_outlet(m.group("agency")) or m.group("agency").strip()
    return [(0, m.end(), "")], meta


# "... as needed. / AP", "— Reuters", or a last line "(AFP)": a short credit at the very end.
# The separator needs white space on both sides so URLs and photo credits ("Name/Getty
# Images") never match.
_CREDIT = re.compile(r"(?:\s+[/|—–]\s+|\n+\s*\(?|\s+\()(?P<credit>[A-Z][\w.&' ]{0,30}?)\)?[ \t]*$")


def credit(text: str) -> RuleOutput:
    """A source credit at the end (``/ AP``, ``— Reuters``, a last line ``(AFP)``).

    Only outlets in ``resources/outlets.csv`` count, or, after `` / ``, an agency's
    upper-case initials (``/ UPI``), so a closing short sentence is never taken for a credit.

    >>> credit("adapt and adjust” as needed. / AP")
    ([(28, 33, '')], {'credit': 'AP'})
    >>> credit("Photograph by Spencer Platt/Getty Images.")
    ([], {})
    """
    tail = text[-80:]
    m = _CREDIT.search(tail)
    if not m:
        return [], {}
    name = m.group("credit").strip()
    outlet = canonical_outlet(name)
    initials = m.group().lstrip()[:1] == "/" and re.fullmatch(r"[A-Z]{2,6}", name)
    if not (outlet or initials):
        return [], {}
    start = len(text) - len(tail) + m.start()
    return [(start, len(text), "")], {"credit": outlet or name}


_NOTE_PATTERNS = [
    r"(?:This|The) (?:story|article|report|post|piece) (?:has been|was|is being|will be) (?:updated|corrected|revised|amended)\b",
    r"Editor['’]?s? [Nn]otes?\b",
    r"(?:CORRECTION|Correction|CLARIFICATION|Clarification|UPDATE|Update)\b\s*[:—(]",
    r"This is a (?:developing|breaking) (?:story|news story)\b",
    r"(?:This|The) (?:story|article) (?:is developing|was originally published)\b",
    r"An earlier version of this (?:story|article)\b",
]
_BOILERPLATE_PATTERNS = [
    r"(?:ADVERTISEMENT|Advertisement|SCROLL TO CONTINUE WITH CONTENT)$",
    r"(?:RELATED|Related|READ MORE|Read [Mm]ore|MORE|WATCH|Watch|LISTEN|SEE ALSO|See also)\s*:",
    r"(?:Sign up|Subscribe) (?:for|to)\b.{0,120}$",
    r"(?:Copyright|©)\s*(?:©\s*)?\d{4}\b.{0,120}$",
    r"All rights reserved\.?$",
    r"Follow \S.{0,60} on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b.{0,60}$",
    r"Click here\b.{0,120}$",
    r"(?:Share|Share this article|Share on Facebook|Tweet)$",
]
_NOTE = re.compile(rf"^(?:{'|'.join(_NOTE_PATTERNS)}).*$", re.MULTILINE)
_BOILER = re.compile(rf"^(?:{'|'.join(_BOILERPLATE_PATTERNS)}).*$", re.MULTILINE)
# The same lines found from the line break before them: a pattern that opens on a literal
# character lets ``re`` skip from one line break to the next, where ``^`` makes it try every
# position.  See _line_matches.
_NOTE_NL = re.compile(rf"\n((?:{'|'.join(_NOTE_PATTERNS)}).*$)", re.MULTILINE)
_BOILER_NL = re.compile(rf"\n((?:{'|'.join(_BOILERPLATE_PATTERNS)}).*$)", re.MULTILINE)


def _line_matches(at_line: re.Pattern, after_nl: re.Pattern, text: str) -> list[tuple[int, int]]:
    """The spans of ``at_line.finditer(text)``, found faster.

    ``at_line`` is ``^(?:X)`` and ``after_nl`` is ``\\n(X)``, both MULTILINE.  ``^`` matches at
    the start of the text and after each line break, so the first match at or after ``pos``
    is ``X`` at ``pos`` itself when ``pos`` starts a line, else the first ``\\n(X)`` found
    from ``pos``; and each search goes on from the end of the last match, as finditer does.
    (No match is empty, so the search always moves on.)
    """
    spans = []
    pos = 0
    while True:
        m = at_line.match(text, pos) if pos == 0 or text[pos - 1] == "\n" else None
        if m is not None:
            spans.append(m.span())
        else:
            m = after_nl.search(text, pos)
            if m is None:
                return spans
            spans.append(m.span(1))
        pos = m.end()


def _remove_lines(text: str, spans: list[tuple[int, int]]) -> list[Change]:
    """Changes that delete whole lines together with the line break that follows them."""
    changes = []
    for s, e in spans:
        if e < len(text) and text[e] == "\n":
            e = len(text) - len(text[e:].lstrip("\n"))
        elif s > 0:  # last line: take the break before it instead
            s = len(text[:s].rstrip("\n"))
        changes.append((s, e, ""))
    return changes


def editors_note(text: str) -> RuleOutput:
    """Editor's notes and update lines (``This story has been updated ...``, ``Correction: ...``).

    >>> editors_note("Body.\\nThis story has been updated with additional details.")[0]
    [(5, 58, '')]
    """
    return _remove_lines(text, _line_matches(_NOTE, _NOTE_NL, text)), {}


def boilerplate(text: str) -> RuleOutput:
    """Page furniture on a line of its own: ``Advertisement``, ``Read more: ...``,
    newsletter and social-media prompts, copyright lines.

    >>> boilerplate("Body.\\nAdvertisement\\nMore body.")[0]
    [(6, 20, '')]
    """
    return _remove_lines(text, _line_matches(_BOILER, _BOILER_NL, text)), {}


# With the full-width marks of Chinese and Japanese, whose sentences end in 。！？ and
# whose quotes close with 」』 or ”.
_FINAL_PUNCT = tuple(".!?:;,\"”’')…]") + tuple("。！？：；，、」』）》】．")
_CJK = re.compile(f"[{CJK_LETTERS}]")


def is_heading_like(line: str, max_words: int = 12) -> bool:
    """A short line with no sentence-final punctuation: a subhead, label or headline.

    Chinese and Japanese put no spaces between words: there a word is taken as two
    characters (about the length of a Chinese word), so a headline of 20 characters is
    short and a paragraph is not.

    >>> is_heading_like("Calls"), is_heading_like("Biden agreed."), is_heading_like("")
    (True, False, False)
    >>> is_heading_like("美国允许乌克兰打击俄罗斯境内目标"), is_heading_like("美国官员周四表示，拜登总统已批准。")
    (True, False)
    """
    line = line.strip()
    if not line or line.endswith(_FINAL_PUNCT):
        return False
    n_words = len(line.split())
    if n_words <= max_words and not line.isascii() and _CJK.search(line):
        n_cjk = len(_CJK.findall(line))
        n_words = len(_CJK.sub(" ", line).split()) + (n_cjk + 1) // 2
    return n_words <= max_words


_LABEL = re.compile(r"[A-Z][\w'’-]*(?: (?:&|[A-Z][\w'’-]*)){0,2}")
_SENTENCE_END = tuple(".!?\"”’)…")


def _is_label(line: str) -> bool:
    """A section label such as ``Europe`` or ``World News``: 1-3 capitalized words, nothing else.

    >>> _is_label("World News"), _is_label("Verdict: False."), _is_label("Advertisement:")
    (True, False, False)
    """
    return len(line) <= 30 and bool(_LABEL.fullmatch(line.strip()))


def _is_card_headline(line: str) -> bool:
    """A linked headline: 4-25 words, capitalized, no final punctuation, no colon or slash
    (those mark subheads such as "Races to watch: Governor" and photo credits)."""
    line = line.strip()
    return (is_heading_like(line, max_words=25) and len(line.split()) >= 4 and line[:1].isupper()
            and ":" not in line and "/" not in line)


# A label line (at most 30 characters, see _is_label) with lines before and after it stands
# between two line breaks; most articles have no such short line.
_SHORT_INNER_LINE = re.compile(r"\n[^\n]{1,30}\n")


def related_links(text: str) -> RuleOutput:
    """Inline related-link cards: a section label line followed by a headline line, set in
    the middle of prose (the lines before and after end like sentences).

    A subhead is a single heading-like line followed by prose, so it stays; so do runs of
    headings and lists, which are not set between prose paragraphs.

    >>> t = "Prose one.\\nWorld News\\nRussia hits rail lines in border region\\nProse two."
    >>> related_links(t)[0]
    [(11, 62, '')]
    >>> related_links("Prose one.\\nJeb Bush\\nNeed: A breakout moment to spur momentum\\nProse.")[0]
    []
    """
    if not _SHORT_INNER_LINE.search(text):
        return [], {}  # no line can be a label: the common case, found by one fast scan
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    spans = []
    i = 1
    while i < len(lines) - 2:
        (s0, e0), (s1, e1), (s2, e2), (s3, e3) = lines[i - 1:i + 3]
        if (_is_label(text[s1:e1]) and _is_card_headline(text[s2:e2])
                and text[s0:e0].rstrip().endswith(_SENTENCE_END)
                and text[s3:e3].rstrip().endswith(_SENTENCE_END)):
            spans.append((s1, e2))
            i += 3
        else:
            i += 1
    return _remove_lines(text, spans), {}


# "Kharkiv., The official": a comma after a sentence's full stop, before a capital.  The
# pattern anchors on the rare ".," so the scan is fast; the word before it is checked after.
_STRAY_COMMA = re.compile(r"[.!?](?P<comma>[ \t]*,)(?=[ \t]+[“\"‘']?[A-Z])")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'\-]*|\d+|\))$")
# In a _STRAY_COMMA match the comma follows [.!?] or [ \t]: a cheap test for the rare texts
# that may hold one (it opens on a literal comma, which ``re`` skips to quickly).
_COMMA_AFTER_STOP_OR_SPACE = re.compile(r",(?<=[.!? \t],)")


def stray_comma(text: str) -> RuleOutput:
    """Remove a scraping artifact: a comma right after a sentence's full stop.

    Abbreviations and initials are left alone (``Joseph R. Biden Jr., who``,
    ``the U.S., and``): there the comma belongs to the sentence.

    >>> stray_comma("limited to Kharkiv., The official said. Joseph R. Biden Jr., The")[0]
    [(19, 20, '')]
    """
    if not _COMMA_AFTER_STOP_OR_SPACE.search(text):
        return [], {}
    abbr = abbreviations()
    changes = []
    for m in _STRAY_COMMA.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if not before:
            continue
        word = before.group(1)
        if word.lower() in abbr or len(word) == 1 or "." in text[before.start() - 1:before.start()]:
            continue
        changes.append((m.start("comma"), m.end("comma"), ""))
    return changes, {}


@dataclass(frozen=True)
class Rule:
    """A named cleaning rule."""

    name: str
    func: Callable[[str], RuleOutput]


# Order matters: make the text valid Unicode and normalize characters first, read metadata at the edges next, then remove
# page furniture, then repair punctuation, and finally tidy whitespace left by removals.
RULES: tuple[Rule, ...] = (
    Rule("surrogates", surrogates),
    Rule("line_endings", line_endings),
    Rule("invisible_characters", invisible_characters),
    Rule("unicode_nfc", unicode_nfc),
    Rule("whitespace", whitespace),
    Rule("date_line", date_line),
    Rule("dateline", dateline),
    Rule("credit", credit),
    Rule("editors_note", editors_note),
    Rule("boilerplate", boilerplate),
    Rule("related_links", related_links),
    Rule("stray_comma", stray_comma),
    Rule("whitespace", whitespace),
)


# --------------------------------------------------------------------------- edit log

@dataclass
class _Edit:
    raw_start: int
    raw_end: int
    start: int  # in the current (eventually clean) text
    end: int
    removed: str
    replacement: str
    rule: str


@dataclass(frozen=True)
class CleanResult:
    """Clean text, the edits that produced it (raw-text coordinates) and metadata read off it."""

    raw: str
    text: str
    edits: list[dict] = field(default_factory=list)
    meta: dict = field(default_factory=dict)


def _apply(raw: str, cur: str, edits: list[_Edit], changes: list[Change], rule: str) -> tuple[str, list[_Edit]]:
    """Apply one rule's changes to ``cur`` and fold them into the raw-coordinate log.

    A change that touches an earlier edit is merged with it, so the log stays a set of
    disjoint raw spans and rebuilding is a single left-to-right pass.
    """
    if not changes:
        return cur, edits
    items = [(e.start, e.end, 0, e) for e in edits] + [(s, e, 1, (s, e, r)) for s, e, r in changes]
    items.sort(key=lambda t: (t[0], t[1]))
    clusters: list[list] = []
    for it in items:
        if clusters and it[0] <= clusters[-1][0][1]:
            clusters[-1][0][1] = max(clusters[-1][0][1], it[1])
            clusters[-1][1].append(it)
        else:
            clusters.append([[it[0], it[1]], [it]])
    out: list[_Edit] = []
    pieces: list[str] = []
    pos = 0  # position in cur
    shift = 0  # raw offset minus cur offset, from edits before `pos`
    for (a, b), members in clusters:
        olds = [m[3] for m in members if m[2] == 0]
        news = sorted((m[3] for m in members if m[2] == 1), key=lambda c: c[0])
        pieces.append(cur[pos:a])
        raw_a = a + shift
        delta_old = sum((e.raw_end - e.raw_start) - (e.end - e.start) for e in olds)
        raw_b = b + shift + delta_old
        if not news:
            seg = cur[a:b]
            out.extend(olds)
        else:
            seg, p = [], a
            for s, e, r in news:
                seg.append(cur[p:s])
                seg.append(r)
                p = e
            seg.append(cur[p:b])
            seg = "".join(seg)
            names = [e.rule for e in olds] + [rule]
            out.append(_Edit(raw_a, raw_b, a, b, raw[raw_a:raw_b], seg,
                             "+".join(dict.fromkeys(n for name in names for n in name.split("+")))))
        pieces.append(seg)
        shift += delta_old
        pos = b
    pieces.append(cur[pos:])
    new = "".join(pieces)
    # Recompute clean-text positions from the raw spans.
    shift = 0
    for e in out:
        e.start = e.raw_start - shift
        e.end = e.start + len(e.replacement)
        shift += (e.raw_end - e.raw_start) - len(e.replacement)
    out = [e for e in out if e.removed != e.replacement]
    return new, out


def clean_text(raw: str, rules: tuple[Rule, ...] = RULES) -> CleanResult:
    """Clean one article's raw text; every change is logged.

    >>> r = clean_text(" date 2024-05-31 WASHINGTON — Biden agreed., The aides left. / AP")
    >>> r.text
    'Biden agreed. The aides left.'
    >>> r.meta
    {'date': '2024-05-31', 'dateline': 'WASHINGTON', 'credit': 'AP'}
    >>> [e["rule"] for e in r.edits]
    ['whitespace+date_line+dateline', 'stray_comma', 'credit']
    >>> rebuild_raw(r.text, r.edits) == r.raw
    True
    """
    cur = raw
    edits: list[_Edit] = []
    meta: dict = {}
    ws_clean = False  # known: whitespace(cur) has nothing to change
    for rule in rules:
        if rule.func is whitespace and ws_clean:
            continue  # it would return no changes (and whitespace reads no metadata)
        changes, found = rule.func(cur)
        for key, value in found.items():
            meta.setdefault(key, value)
        new, edits = _apply(raw, cur, edits, changes, rule.name)
        if rule.func is whitespace:
            # no changes means no local problem; after changes the text may still have one
            # (removing the spaces of " \n \n" leaves "\n\n\n"), so nothing is known
            ws_clean = not changes
        elif ws_clean and changes:
            ws_clean = _ws_clean_after(new, changes)
        cur = new
    rows = [
        {"rule": e.rule, "raw_start": e.raw_start, "raw_end": e.raw_end, "start": e.start,
         "end": e.end, "removed": e.removed, "replacement": e.replacement}
        for e in edits
    ]
    return CleanResult(raw=raw, text=cur, edits=rows, meta=meta)


def rebuild_raw(text: str, edits) -> str:
    """Rebuild the raw text from clean text and its edit log (list of dicts or a DataFrame).

    >>> rebuild_raw("Hello world", [{"start": 5, "end": 6, "removed": "  ", "replacement": " ",
    ...                              "raw_start": 5, "raw_end": 7}])
    'Hello  world'
    """
    rows = edits.to_dict("records") if hasattr(edits, "to_dict") else list(edits)
    out, pos = [], 0
    for e in sorted(rows, key=lambda r: r["start"]):
        if text[e["start"]:e["end"]] != e["replacement"]:
            raise ValueError(f"edit log does not match the clean text at {e['start']}:{e['end']}")
        out.append(text[pos:e["start"]])
        out.append(e["removed"])
        pos = e["end"]
    out.append(text[pos:])
    return "".join(out)


def edits_frame(rows: list[dict]):
    """The edit log as a DataFrame with the columns of ``Corpus.edits``.

    >>> list(edits_frame([]).columns)
    ['article_id', 'rule', 'raw_start', 'raw_end', 'start', 'end', 'removed', 'replacement']
    """
    import pandas as pd

    cols = ["article_id", "rule", "raw_start", "raw_end", "start", "end", "removed", "replacement"]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- outlets

def _outlet_aliases() -> dict[str, str]:
    import csv
    from importlib import resources

    table = {}
    path = resources.files("analysis").joinpath("resources", "outlets.csv")
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for alias in [row["name"], *row["aliases"].split("|")]:
                table[_norm_outlet(alias)] = row["name"]
    return table


def _norm_outlet(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower().removeprefix("the "))


_ALIASES: dict[str, str] | None = None


def canonical_outlet(name: str) -> str | None:
    """The canonical name of a known outlet (``resources/outlets.csv``), or None.

    >>> canonical_outlet("The Associated Press"), canonical_outlet("WASHINGTON")
    ('AP', None)
    """
    global _ALIASES
    if _ALIASES is None:
        _ALIASES = _outlet_aliases()
    return _ALIASES.get(_norm_outlet(name))
