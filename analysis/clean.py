"""Cleaning rules for scraped news text, and the edit log that makes them reversible.

Each rule is a named function ``rule(text) -> (changes, metadata)``: the spans of *its
input* it replaces, and any metadata it read off the text (a date line, a dateline, a
credit).  :func:`clean_text` runs the rules in order and composes their changes into
one log in raw-text coordinates, so the raw text can always be rebuilt exactly
(:func:`rebuild_raw`).  Rules are general: they look at the shape of a line (length,
final punctuation, position), never at the words of particular articles.
"""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterator, NamedTuple

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


def _encodes(text: str) -> bool:
    """Whether ``text`` holds no surrogate code point (then it encodes as UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def surrogates(text: str) -> RuleOutput:
    """Surrogate code points, which are not text and cannot be written as UTF-8 (a string
    from broken UTF-16, or JSON with a ``\\ud800`` escape): a high-low pair becomes the
    character it encodes, a lone surrogate U+FFFD.  The raw text keeps them.

    >>> surrogates("ok \\ud83d\\ude00 \\udc9f")[0]
    [(3, 5, '😀'), (6, 7, '�')]
    """
    # The common case, found by one fast C-level pass: a text that encodes as UTF-8 has no
    # surrogate (twice as fast as a search for the surrogates' character class, itself five
    # times faster than a search for the alternation of _SURROGATES).
    if text.isascii() or _encodes(text):
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
    rf"(?:(?:date|dated|published|posted|updated|last updated)\s*:?\s+(?P<d1>{_DATE})(?=\s|$)"
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


# WASHINGTON —, KYIV, Ukraine (AP) —, (CNN) —, CNN\n—\n, WASHINGTON—, ROME–: a short upper-case
# place or outlet, an optional region, an optional (AGENCY), then a dash.  A plain hyphen needs
# spaces.  Or, without a dash, "Washington (CNN)" and "(CNN)": a place in title case or nothing,
# then an agency in parentheses that is a known outlet (checked in _dateline_at).
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,[ ][A-Z][A-Za-z.'’\- ]{1,30}?)?)?"
    # A wire's date after the place: "LONDON, May 2 (Reuters) -", "BEIJING, Jan 5 (Xinhua) --".
    rf"(?:,[ ](?:{_MONTH})\.? \d{{1,2}}(?=\s*\())?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w.&' ]{0,30})\))?"
    r"\s*(?:[—–]{1,2}|--| - )\s*"
    r"|(?P<mplace>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][a-z.]+)?)? )?"
    # ("(CNN)The minister ...": the page may glue the marker to the first word.)
    r"\((?P<magency>[A-Z][\w.&' ]{0,30})\)(?:[ \t]*(?:[—–]{1,2}|--| - ))?[ \t]*(?=[“\"‘'A-Z0-9])"
)


# Upper-case openers that are labels, not places: "FILE - In this photo ...", "UPDATE — ...".
_NOT_PLACES = frozenset({"FILE", "PHOTO", "FILE PHOTO", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE",
                         "OPINION", "ANALYSIS", "WATCH", "LISTEN", "EDITOR'S NOTE", "EDITORS NOTE",
                         "CORRECTION", "CLOSE", "NEW", "VIDEO", "PHOTOS", "READ MORE", "RELATED",
                         "ALSO", "MORE", "NOTE", "SPOILER", "WARNING", "LIVE", "REPORT"})


# A place in mixed case before a dash, at the top only ("Des Moines, Iowa — The senator ...",
# "Washington, D.C. -- Voters ..."): then a sentence opens on a capital, with no second dash
# soon after (the first dash of an aside, "Biden — Obama's deputy — agreed", is no dateline).
_TITLE_DATELINE = re.compile(r"(?P<tplace>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:, [A-Z][a-z]*\.?(?: ?[A-Z][a-z]*\.?){0,2})?)"
                             r" ?(?:—|–|--| - ) ?(?=[A-Z“\"‘][a-z’' ])")
_ASIDE_DASH = re.compile(r" ?(?:—|–|--) ?")


def _title_dateline_at(text: str, pos: int) -> tuple[int, dict] | None:
    """``(end, metadata)`` of a mixed-case dateline at ``pos``, the start of a top line whose
    sentence runs on for eight words or more with no second dash in its first 100 characters.

    >>> t = "Des Moines, Iowa — The senator said on Monday that he would vote for it."
    >>> _title_dateline_at(t, 0)
    (19, {'dateline': 'Des Moines, Iowa'})
    >>> _title_dateline_at("Biden — Obama's deputy — agreed to the plan on Monday with the others.", 0) is None
    True
    """
    m = _TITLE_DATELINE.match(text, pos)
    if not m or m.group("tplace") in _NOT_TITLE_PLACES:
        return None
    end = text.find("\n", m.end())
    rest = text[m.end():end if end >= 0 else len(text)]
    if rest.count(" ") < 7 or _ASIDE_DASH.search(rest, 0, 100) or not _ends_sentence(rest):
        return None
    return m.end(), {"dateline": m.group("tplace")}


# Mixed-case openers that are labels before a dash, not places: "Update — ...", "Note - ...".
_NOT_TITLE_PLACES = frozenset({"Update", "Updated", "Note", "Editor", "Photo", "File", "Video", "Watch", "Listen",
                               "Breaking", "Exclusive", "Opinion", "Analysis", "Correction", "Related", "Live"})


def _dateline_at(text: str, pos: int, top: bool = False) -> tuple[int, dict] | None:
    """``(end, metadata)`` of a dateline at ``pos`` (the start of a line), else None.  ``top``:
    the line is among the first, where a place in mixed case before a dash is a dateline too."""
    m = _DATELINE.match(text, pos)
    if not m:
        return _title_dateline_at(text, pos) if top else None
    if m.group("magency") is not None:
        # No dash: only a known outlet in parentheses makes "Washington (CNN)" a dateline.
        outlet = canonical_outlet(m.group("magency")) or canonical_outlet(m.group("magency").split()[0])
        if not outlet:
            return None
        place = (m.group("mplace") or "").strip()
        return m.end(), ({"dateline": place} if place else {}) | {"credit": outlet}
    if not (m.group("place") or m.group("agency")):
        return _title_dateline_at(text, pos) if top else None
    place = (m.group("place") or "").strip()
    city = place.split(",")[0]
    if place and (len(city.replace(" ", "")) < 2 or not city.isupper() or city in _NOT_PLACES
                  or city.count(" ") > 2):  # a place has at most three words ("SALT LAKE CITY")
        return None
    after = text[m.end():m.end() + 24]
    if sum(c.isupper() for c in after) > 8 and not any(c.islower() for c in after):
        return None  # "EPSTEIN DENIED BAIL -- DESPITE ...": a headline in capitals, not a dateline
    meta: dict = {}
    if place:
        # An outlet standing where the place would be ("CNN —") is that outlet's dateline.
        meta["dateline"] = canonical_outlet(place) or place
    if m.group("agency"):
        meta["credit"] = canonical_outlet(m.group("agency")) or m.group("agency").strip()
    return m.end(), meta


def dateline(text: str) -> RuleOutput:
    """An opening dateline (``WASHINGTON —``, ``KYIV, Ukraine (AP) —``, ``CNN —``,
    ``Washington (CNN)``, ``(Reuters) -``).

    Removed from the text and kept as metadata: ``dateline`` (the place, or the outlet that
    stands in its place, as in ``CNN —``) and ``credit`` (an agency in parentheses).  The same
    shapes at the start of a later line are removed by :func:`page_furniture`.

    >>> dateline("KYIV, Ukraine (AP) — Russia said")
    ([(0, 21, '')], {'dateline': 'KYIV, Ukraine', 'credit': 'AP'})
    >>> dateline("CNN\\n—\\nPresident Joe Biden")[1]
    {'dateline': 'CNN'}
    >>> dateline("Washington (CNN) When Joe Biden spoke")[1]
    {'dateline': 'Washington', 'credit': 'CNN'}
    """
    found = _dateline_at(text, 0, top=True)
    if found is None:
        return [], {}
    return [(0, found[0], "")], found[1]


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


# --------------------------------------------------------------------------- page furniture
#
# What a web page puts around a story, found line by line in one pass (page_furniture).  Each
# kind is a named rule of its own in the edit log (FURNITURE_KINDS).  A line is *furniture*
# when its shape says so: how it starts (a label such as "Advertisement", "Read more:",
# "Image copyright"), how it ends (an embedded post's "— Name (@handle) May 2, 2019"), what it
# is made of (only capitals, only dashes, a photographer's "Name/Agency"), or where it stands
# (an author's bio at the very end).  A few shapes sit at the start of a line that goes on
# with the story (a dateline, "UPDATE -", "Updated at 2:30 p.m. ET ..."): then only that
# prefix goes.  Lines are read in the raw text, before white space is tidied, because the
# gaps between lines say which lines belong to one embedded post.

FURNITURE_KINDS: tuple[str, ...] = (
    "date_line", "dateline", "editors_note", "ad", "share", "newsletter", "copyright", "related",
    "media", "photo_credit", "contributor", "byline", "author_bio", "social_embed", "highlights",
    "pull_quote", "hover_card", "separator", "section_label", "placeholder",
)

_CAPWORD = r"[A-ZÀ-ÖØ-Þ][\w.'’\-]*"
_PARTICLE = r"(?:de|da|di|del|der|van|von|la|le|du|bin|al|el|St\.)"
_NOT_NAME = (r"(?!(?:The|A|An|This|That|These|Those|In|On|At|For|And|But|Our|His|Her|Its|Their|My|One|Some"
             r"|If|When|While|After|Before|As|It|He|She|They|We|I|You|There|Here|What|Why|How|Who)\b)")
_NAME = rf"{_NOT_NAME}{_CAPWORD}(?: (?:{_CAPWORD}|{_PARTICLE})){{1,4}}"
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
           r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sep\.?|Sept\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAYS = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?"
_FULL_DATE = rf"{_MONTHS} \d{{1,2}},? \d{{4}}"
# A time stamp: "Updated 3:04 PM ET, Tue May 3", "Updated at 12:49 p.m. ET", "Published: May 3".
_TS_TOKEN = (rf"(?:\d{{1,2}}:\d{{2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{1,4}}(?:st|nd|rd|th)?|[ap]\.m\.|[ap]\.m\b(?!\.)|[AP]\.?M\.?|am|pm|at|on"
             rf"|E[SD]?T|C[SD]?T|P[SD]?T|GMT|UTC|BST|CET|{_MONTHS}|{_WEEKDAYS}|\||/|Updated:?|UPDATED:?),?")
_TIMESTAMP = (r"(?:Updated|UPDATED|Update|UPDATE|Published|PUBLISHED|Posted|POSTED|Last [Uu]pdated|First [Pp]ublished"
              rf"|Last [Mm]odified)\b:?(?: {_TS_TOKEN})+")
_NOTE_PATTERNS = [
    r"(?:This|The) (?:story|article|report|post|piece) (?:has been|was|is being|will be) (?:updated|corrected|revised|amended)\b",
    r"Editor(?:s['’]|['’]?s?) [Nn]otes?\b", r"EDITOR['’]?S NOTE\b",
    r"(?:CORRECTION|Correction|CLARIFICATION|Clarification)s?(?: (?:&|and) (?:Clarifications?|Corrections?))?\b"
    rf"(?:,? {_MONTH} \d{{1,2}}(?:,? \d{{4}})?)?\s*[:—(]",
    r"A version of this (?:article|story|review|essay|column) (?:appears|appeared) in print\b",
    r"This is a (?:developing|breaking) (?:story|news story)\b",
    r"(?:This|The) (?:story|article) (?:is developing|was originally published|was first published|originally appeared)\b",
    r"(?:An earlier|A previous|The original|An (?:earlier|older) edition of this) version of this (?:story|article|post|report)\b"
    r"|(?:An earlier|A previous) version of this (?:story|article|post|report)\b",
    r"This (?:story|article|report|post|piece) is part of\b",
    r"The following (?:article|story|essay|piece|post|interview) (?:was|is|first|originally)\b",
    # "The following first appeared on X.", "This story also appears in X.", "This article originally ran in X."
    r"The following (?:first|originally) (?:appeared|ran|was published)\b",
    r"(?:This|The) (?:story|article|piece|post|column|essay) (?:also|originally|first) (?:appears|appeared|ran|runs)"
    r" (?:in|on|at) (?:the )?[A-Z“\"]",
    r"(?:This|Our|The) (?:conversation|interview|transcript|Q&A|discussion) (?:has been|was|is) (?:edited|condensed|lightly edited)\b",
    r"This (?:article|story) is more than \d+ (?:years?|months?) old\b",
    # "This article was produced in partnership with ...", "Our fact check work is supported in
    # part by a grant from ...": how the piece came to be, not the story.
    r"(?:This|The) (?:article|story|report|piece|project|series|investigation) (?:was|is) (?:produced|published"
    r"|co-published|reported|written|made possible|funded|supported) (?:in (?:partnership|collaboration|cooperation)"
    r"|as part of|with (?:support|the support|a grant)|by a grant)\b",
    r"(?:This|Our) [\w -]{1,40} (?:is|was|are) (?:supported|funded|made possible) (?:in part )?by (?:a grant|grants|a gift"
    r"|the support)\b",
    r"Authors?['’]? [Nn]otes?\b\s*:", r"AUTHORS?['’]? NOTES?\b\s*:",
    r"(?:A|The following is a|Below is a|What follows is a) (?:lightly |slightly |condensed and )?edited (?:and condensed )?"
    r"(?:transcript|version)\b",
    # The state of a transcript: "This is a rush transcript." (a sentence of its own: "This is a rush transcript of
    # a speech, the clerk said" is the story's), "X transcripts are created on a rush deadline".
    r"This is an? (?:rush|raw|unedited|partial|preliminary|uncorrected) transcript[.;:]",
    # "This transcript has been automatically generated and may not be 100% accurate."
    r"This transcript (?:has been|was|is) (?:automatically |machine[- ]|computer[- ])?(?:generated|produced)\b",
    # "Story updated with second tweet.", "Post updated to include a statement."
    r"(?:Story|Post|Article) (?:updated|corrected) (?:with|to (?:include|add|reflect|correct|clarify))\b",
]
_NOTES = "|".join(_NOTE_PATTERNS)
# A slideshow's counter ("Hide Caption 3 of 37") and a player's markup left in the text
# ('poster="http://x.com/a.jpg"', 'src="https://..."').
# An app's download links closing a short prompt that speaks of the app.
_STORE = r"(?:for|on|from) (?:the )?(?:iPhone|iPad|iOS|Android|App Store|Google Play)(?: here)?"
_APP_PROMO = re.compile(rf"\b[Aa]pps?\b[^\n]{{0,300}}(?:\A|[.!?] )(?:Download|Get|Install) [^\n.!?]{{1,60}}? {_STORE}"
                        rf"(?:,? (?:or|and) [^\n.!?]{{1,60}}? {_STORE})?[.!]?\Z")
_GALLERY_COUNTER = re.compile(r"Hide Caption \d+ of \d+")
# A slideshow's item on its own line: its caption, the counter, and the next item's title.
_GALLERY_ITEM_END = re.compile(r"Hide Caption \d+ of \d+(?: Photos?: [^\n]{1,120})?\Z")
_MARKUP_URL = re.compile(r"\b(?:poster|src|href|data-src)=\"https?://")
# A note's own label and colon: "Editor's note:", "CORRECTION:", "Clarification:".
_NOTE_LABEL = re.compile(r"(?:Editor(?:s['’]|['’]?s?) [Nn]otes?|EDITOR['’]?S NOTES?|CORRECTIONS?|Corrections?"
                         r"|CLARIFICATIONS?|Clarifications?)[ \t]*:")

# A photographer's credit: capitalized words and a few particles ("Jane Roe", "Agence France-Presse").
_CREDIT_WORDS = r"[A-Z][\w.'’&\-]*(?: (?:[A-Z][\w.'’&\-]*|de|van|von|da|di|del|la|le|via|for|of|the|and)){0,5}"

# Prefix shapes, tried at the start of every line (several may follow each other: a date line,
# then a dateline).  A match that ends the line removes the line; otherwise only the prefix.
_PREFIX = re.compile(
    rf"(?P<date_line>{_TIMESTAMP}[.:]?[ \t]*(?=\n|$)|{_TIMESTAMP}\.[ \t]+(?=[A-Z0-9“\"‘])"
    # A live story's stamp in brackets before an entry: "[Updated 10:14 a.m. ET] Police said ...".
    rf"|\[{_TIMESTAMP}\]:?[ \t]*(?=\S))"
    # "UPDATE: This story has been updated ..." is a note as a whole; any other text after
    # an "Update:" label is the story's news, so only the label goes.
    rf"|(?P<editors_note>(?:UPDATE|Update|UPDATED|Updated)\b\s*[:—–(-]\s*(?:{_NOTES})[^\n]*"
    # A live story's entries: "Update at 3:52 p.m. - Sen. Roe ...", "UPDATE II - ...", "Update 1330: ...",
    # "Update at 8:02 p.m. ET. Feds hand off the street:" (after a time, a full stop ends the label too).
    rf"|(?:UPDATE|Update|UPDATED|Updated)(?: [IVX]{{1,5}}\b)?(?P<at>(?: at)? \d{{1,2}}(?::\d{{2}}|\d{{2}})?(?: ?[ap]\.?m\.?| ?[AP]M)?"
    rf"(?: [A-Z]{{2,4}})?)?(?:[ \t]*[:—–](?!\d)[ \t]*| +- +|(?(at)\.[ \t]+(?![ECMP][SD]?T\b|GMT\b|UTC\b|BST\b)(?=[A-Z0-9“\"‘'])|(?!)))(?=\S)"
    # (not what an update added, "Updated at 9:09 p.m.: to include ...": a note as a whole, below)
    r"(?!(?:to (?:include|add|reflect|correct|clarify|update)|with (?:new|more|additional|the latest|comments?"
    r"|details|reaction))\b))"
    r"|(?P<share>Share (?:All sharing options|this(?: article| story)?) for:[ \t]*)"
    # A section's label before the lede: "ANALYSIS — Voters in ...", "OPINION: ...".
    r"|(?P<section_label>(?:NEWS ANALYSIS|ANALYSIS|OPINION|COMMENTARY|EDITORIAL|PERSPECTIVE|FACT CHECK|EXCLUSIVE"
    r"|BREAKING(?: NEWS)?)[ \t]*(?:—|–|--| - |:)[ \t]*(?=[A-Z“\"‘]))"
)

# Photo agencies and stock libraries, named alone as a photo's source (not a news agency: "(Reuters)"
# alone at the end is the story's credit, read by the credit rule).
_STOCK = (r"(?:Getty Images(?: Plus)?|Getty|Shutterstock|iStock(?:photo)?|Pixabay|Pexels|Dreamstime|Unsplash"
          r"|Wikimedia Commons|Alamy)")

# Whole-line shapes, keyed by the line's first word (see _furniture_line) so that a line is
# only tried against the shapes that can start with it.
_WHOLE_SHAPES: list[tuple[str, str, str]] = [
    # (kind, first words, pattern)
    ("editors_note", "Story Post Article This The An Editor's Editor’s Editors Editors' Editors’ Editor EDITOR'S EDITOR’S EDITORS CORRECTION "
     "Correction Corrections CORRECTIONS CLARIFICATION Clarification Our Author's Author’s Authors' Authors’ "
     "Author Authors AUTHOR'S AUTHOR’S AUTHORS A Below What", rf"(?:{_NOTES})[^\n]*"),
    ("date_line", "Updated UPDATED Update UPDATE Published PUBLISHED Posted POSTED Last First", rf"{_TIMESTAMP}[.:]?"),
    # "Updated at 9:09 p.m.: to include the governor's remarks.": what an update added.
    ("editors_note", "Updated UPDATED", r"(?:Updated|UPDATED)\b[^\n]{0,40}?:? (?:to (?:include|add|reflect|correct|clarify|update)"
     r"|with (?:new|more|additional|the latest|comments?|details|reaction))\b[^\n]{0,300}"),
    ("ad", "ADVERTISEMENT Advertisement ADVERTISING Advertising ADVERTORIAL AD Ad SPONSORED Sponsored "
     "Paid Promoted SCROLL Scroll Story Article Continue The",
     r"(?:ADVERTISEMENT|Advertisement|ADVERTISING|Advertising|ADVERTORIAL|AD|Ad|SPONSORED"
     r"|Sponsored(?: [Cc]ontent| [Ll]inks| [Ss]tories| [Pp]osts)?|Paid [Cc]ontent|Promoted [Cc]ontent"
     r"|SCROLL TO CONTINUE WITH CONTENT|Scroll to continue(?: with content)?|Story [Cc]ontinue[sd]? [Bb]elow"
     r"|Article [Cc]ontinues? [Bb]elow|Continue [Rr]eading [Bb]elow|(?:The )?[Ss]tory [Cc]ontinues(?: [Bb]elow)?"
     # "Story continues below video.", "Article continues after the advertisement"
     r"|(?:(?:The )?[Ss]tory|Article) [Cc]ontinues (?:[Bb]elow|after) (?:the |this )?(?:video|advertisement|ad|photo|image|gallery)\.?"
     # "Advertisement - story continues below", "Story continues below advertisement".
     r"|(?:ADVERTISEMENT|Advertisement)[ \t]*[-—–:][ \t]*(?:[Ss]tory|[Aa]rticle|[Cc]ontent|STORY|ARTICLE) (?:[Cc]ontinues|CONTINUES)"
     r" (?:[Bb]elow|BELOW)"
     r"|(?:Story|Article|Content) continues (?:below|after) (?:the )?advertisement)"
     r"(?: Continue reading the main story)?[ \t]*:?"),
    ("ad", "CLICK TAP GET DOWNLOAD Click Tap Get Download",
     r"(?:(?:CLICK|TAP) HERE (?:TO |FOR )(?:GET |DOWNLOAD )?(?:THE )?|(?:GET|DOWNLOAD) THE )[A-Z0-9'’&. ]{2,30} APP\b[^\n]{0,80}"
     r"|(?:(?:Click|Tap) here to )?(?:Get|Download) (?:the|our) [A-Z][\w'’&.]*(?: [A-Z][\w'’&.]*){0,3} [Aa]pp\b[^\n]{0,100}"),
    ("ad", "Please Give Donate Chip give donate",
     r"(?:Please )?(?:[Gg]ive|[Dd]onate|[Cc]hip in) \$\d[^\n]{0,300}"),
    ("newsletter", "Sign SIGN Sign-up Subscribe SUBSCRIBE Join",
     r"(?:Sign up|SIGN UP|Sign-up|Subscribe|SUBSCRIBE|Join our (?:mailing list|newsletter))\b[^\n]{0,300}"),
    ("newsletter", "Interested", r"Interested in [^\n?]{1,80}\? Add [^\n]{0,300}"),
    ("newsletter", "Get", r"Get (?:our|the) (?:free )?[^\n]{0,40}[Nn]ewsletters?\b[^\n]{0,300}"),
    ("newsletter", "Newsletter NEWSLETTER Newsletters",
     r"(?:Newsletters?|NEWSLETTERS?)\b[^\n]{0,60}(?:Sign [Uu]p|SIGN UP|Subscribe|SUBSCRIBE)\b[^\n]{0,600}"),
    ("ad", "GET Get DOWNLOAD Download", r"(?:GET|Get|DOWNLOAD|Download) (?:YOUR|Your|your|OUR|our) (?:FREE|Free|free)\b[^\n]{0,80}"),
    ("copyright", "Copyright COPYRIGHT © (c) (C)",
     r"(?:(?:Copyright|COPYRIGHT|\([cC]\))[ \t]*(?:©|\([cC]\))?[ \t]*\d{4}|©)[^\n]{0,250}"),
    ("copyright", "All ALL", r"(?:All [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED)\.?(?: This material may not be"
     r" (?:published|reproduced)\b[^\n]*)?|All content ©[^\n]{0,120}"),
    # Sponsored content and affiliate links: "This content was produced by Brand Studio.",
    # "This post contains affiliate links.", "We may earn a commission from links on this page."
    ("ad", "This We", r"This (?:content|post|article|story|page) (?:was|is) (?:produced|paid for|sponsored|created)"
     r" by (?:the )?[A-Z][\w&.'’]*(?: (?:[A-Z][\w&.'’]*|of|and|&)){0,5}(?:,? (?:in partnership with|for) [^\n]{1,80})?\.?"
     r"|This (?:post|article|story|page) (?:contains|may contain|includes) affiliate links\b[^\n]{0,200}"
     r"|We may (?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)\b[^\n]{0,200}"),
    ("media", "Scroll SCROLL", r"(?:Scroll|SCROLL) (?:down|DOWN) (?:for|FOR) (?:video|VIDEO|more|MORE)s?\.?"),
    # "Read more from Jane Roe's archive, follow her on Twitter or subscribe to her updates on Facebook."
    ("share", "Read", r"Read more from [A-Z][^\n,]{1,60}['’]s archive\b[^\n]{0,200}"),
    ("copyright", "Distributed DISTRIBUTED", r"(?:Distributed|DISTRIBUTED) (?:by|BY) [A-Z][^\n]{1,80}"),
    # The page's legal links and a sign-up form's words.
    ("copyright", "Privacy Terms", r"Privacy Policy|Terms of (?:Use|Service)|Privacy Policy (?:and|&|\|) Terms of (?:Use|Service)"),
    ("newsletter", "Newsletter NEWSLETTER Newsletters Sign SIGN Email Enter", r"Newsletters?|NEWSLETTERS?|Sign Up|SIGN UP"
     r"|Email [Aa]ddress|Enter your (?:email|e-mail)(?: address)?\.?"),
    ("related", "Top TOP Latest LATEST Trending TRENDING Next NEXT Previous PREVIOUS",
     r"Top [Ss]tories|TOP STORIES|Latest [Nn]ews|LATEST NEWS|Trending|TRENDING|(?:Next|Previous|NEXT|PREVIOUS) (?:Article|Story|ARTICLE|STORY)"),
    ("copyright", "This", r"This material may not be (?:published|reproduced)\b[^\n]*"),
    ("share", "Share SHARE Tweet Email E-mail Print Comment Comments Facebook Twitter Pinterest WhatsApp "
     "Flipboard LinkedIn Reddit Messenger Copy Link Read READ Continue Show View Leave Back",
     r"(?:Share|SHARE|Share this(?: article| story| page| post)?|Share on (?:Facebook|Twitter)|Tweet|Email"
     r"|E-?mail [Tt]his(?: [Ss]tory| [Aa]rticle)?|Print|Comments?|Facebook|Twitter|Pinterest|WhatsApp|Flipboard"
     r"|LinkedIn|Reddit|Messenger|Copy|Copy [Ll]ink|Link [Cc]opied|Read [Mm]ore|READ MORE|Continue [Rr]eading(?: the main story)?"
     r"|Show [Cc]omments|View [Cc]omments|Leave a [Cc]omment|Back to top)\.?"),
    ("share", "Share SHARE", r"(?:Share|SHARE)(?: (?:this|THIS)(?: article| story| ARTICLE| STORY)?)?:?"
     r"(?: (?:Facebook|Twitter|Email|E-mail|Tweet|Post|Pinterest|WhatsApp|LinkedIn|Reddit|Print|Messenger"
     r"|Flipboard|Copy link|Copy))+"),
    ("share", "SHARE Share LISTEN Listen Read",
     r"(?:SHARE THIS ARTICLE|Share this:|LISTEN TO (?:THIS )?ARTICLE|Listen to (?:this )?article"
     r"|Read or [Ss]hare this story:)[^\n]*"),
    ("share", "Click CLICK Tap TAP", r"(?:Click|CLICK|Tap|TAP) (?:here|HERE)\b[^\n]{0,150}"),
    # "Like us on Facebook.", "Join us on Facebook.com/CNNOpinion.", "Follow on Twitter: Follow @x",
    # "Facebook: https://www.facebook.com/x": the outlet's or the author's accounts.
    ("share", "Share Print", r"(?:Share on (?:Facebook|Twitter|LinkedIn|WhatsApp|Reddit|Pinterest|Email|X)[ \t]*){2,}"
     r"|Print (?:this|This) (?:article|story|page)"),
    ("newsletter", "Already", r"Already a (?:subscriber|member)\?[^\n]{0,80}"),
    ("related", "More Recommended Read READ Don't Don’t DON'T DON’T",
     r"More from (?:the |The )?[A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*)?:?|Recommended for [Yy]ou|Read [Nn]ext|READ NEXT"
     r"|Don['’]t [Mm]iss|DON['’]T MISS"),
    ("share", "Show SHOW See", r"Show [Mm]ore|SHOW MORE|See [Mm]ore"),
    ("media", "Click Video Audio Loading Watch WATCH",
     r"Click to (?:play|watch|listen)|(?:Video|Audio) [Pp]layer (?:is )?loading(?:\.{1,3}|…)?|Loading (?:video|audio|player)(?:\.{1,3}|…)?"
     r"|Watch [Mm]ore(?: [Vv]ideos)?|WATCH MORE|(?:Audio|Video): Listen to [^\n]{1,80}"),
    ("photo_credit", "Image", r"Image source, (?![^\n]*Image caption)[^\n]{1,80}"),
    ("share", "Like Join Find", r"(?:Like|Join|Find) us (?:on|at)\b[^\n]{0,120}"
     r"|Like [A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,3} on (?:Facebook|Twitter|Instagram)\b[^\n]{0,160}"),
    ("share", "Facebook Twitter Instagram YouTube LinkedIn TikTok Telegram Email E-mail Website Web",
     r"(?:Facebook|Twitter|Instagram|YouTube|LinkedIn|TikTok|Telegram|Email|E-mail|Website|Web)[ \t]*:[ \t]*"
     r"(?:https?://|www\.|@)\S+(?: [^\n]{0,60})?"),
    ("share", "Click CLICK Tap TAP", r"(?:Click|CLICK|Tap|TAP) (?:for|FOR|to (?:read|see|watch|get)|TO (?:READ|SEE|WATCH|GET)) "
     r"(?:more|MORE|the (?:full|latest|rest)|THE (?:FULL|LATEST|REST))\b[^\n]{0,120}"),
    ("share", "You", r"You can (?:also )?follow [^\n]{1,60}? (?:on (?:Twitter|X|Facebook|Instagram)|at @)[^\n]{0,100}"),
    ("share", "Follow", r"Follow (?:@\w+|us\b|(?:him|her|them) (?:on|at)\b|on (?:Twitter|X|Facebook|Instagram)\b)[^\n]{0,150}"
                        r"|Follow \S[^\n]{0,60} on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b[^\n]{0,100}"),
    ("share", "Email Contact", r"(?:Email|Contact) (?:the (?:author|reporter|writer)|us) at\b[^\n]{0,100}"),
    ("author_bio", "Reach Contact Email E-mail", r"(?:Reach|Contact|Email|E-mail) [A-Z][^\n@]{1,80}(?: at |: )\S*@\S+[^\n]{0,120}"),
    ("author_bio", "Send", r"Send (?:news |story )?tips to [^\n]{1,120}"),
    ("related", "RELATED Related READ Read MORE More WATCH Watch LISTEN SEE See ALSO Also EARLIER Earlier "
     "Full FULL Recommended RECOMMENDED Up UP Trending TRENDING Must MUST Don't Don’t DON'T DON’T PHOTOS "
     "VIDEO Video For Go GO STORY STORIES",
     r"(?:RELATED|Related|READ MORE|Read [Mm]ore|MORE|More|WATCH|Watch|LISTEN|SEE ALSO|See [Aa]lso|ALSO READ"
     r"|Also [Rr]ead|Also [Ss]ee|EARLIER|Earlier|Full [Cc]overage|FULL COVERAGE|Recommended|RECOMMENDED"
     r"|Read [Nn]ext|READ NEXT|Up [Nn]ext|UP NEXT|Trending|TRENDING|Must [Rr]ead|MUST READ|Don['’]t [Mm]iss"
     r"|DON['’]T MISS|PHOTOS|VIDEO|Video|For the latest(?: updates)?|For more(?: coverage)?|READ|Go [Dd]eeper"
     r"|GO DEEPER|STORY|STORIES)[ \t]*:[^\n]*"),
    ("related", "More Related RELATED Most Trending You Recommended RECOMMENDED",
     r"(?:More [Oo]n [Tt]his\.\.\.|More on this story|Related [Cc]overage|Related [Aa]rticles|Related [Ss]tories"
     r"|Related [Cc]ontent|More [Ss]tories|Most [Pp]opular|Most [Rr]ead|Trending [Nn]ow|You [Mm]ay [Aa]lso [Ll]ike"
     r"|You [Mm]ight [Aa]lso [Ll]ike|Recommended(?: [Ss]tories)?|RECOMMENDED|Related|RELATED)[.:]?"
     # "Related content from X:", and the label glued to its headline: "Related Coverage A headline".
     r"|Related (?:[Cc]ontent|[Cc]overage|[Ss]tories|[Aa]rticles|[Ll]inks|[Nn]ews)(?: (?:from|on|at) [^\n:]{1,60})?[ \t]*:?"
     r"|(?:Related [Cc]overage|Related [Ss]tories|Related [Aa]rticles|Related [Cc]ontent|More [Ss]tories"
     r"|More [Oo]n [Tt]his(?:\.\.\.|…)) [A-Z“\"‘'0-9]"
     r"[^\n]{3,200}(?<![.!,;:])"),
    ("related", "see See Up", r"(?:see also|Up Next)\b[^\n]*"),
    # "Visit the Planet's homepage for more stories.": a house link, not the story's.
    ("related", "Visit", r"Visit [^\n]{1,60}? for more (?:stories|news|coverage|articles|updates)\.?"),
    ("related", "SPECIAL MORE COVERAGE RELATED", r"(?:SPECIAL|MORE|RELATED|LIVE) (?:COVERAGE|STORIES|UPDATES|LINKS)"
     r"(?: [A-Z]{2,})?: [^\n.!?]{2,100}"),
    ("related", "Read READ", r"(?:Read|READ) (?:more|MORE) (?:from|at|on) [^\n]{1,80}"
     r"|Read (?:why|how|what|about|more about|our) [^\n]{5,160}(?<![.!?])"),
    ("related", "For", r"For more (?:on|about) [^\n]{1,120}, (?:read|see|watch|visit|check out|go to) [^\n]{1,100}"),
    # A house tool or podcast promoted between paragraphs: "Check out the Acme Electoral Map and
    # Calculator and game out your own strategy.", "Catch up on the campaign with our experts on our
    # weekly politics podcast, “Ground Game.”"
    ("related", "Check Try Explore Play", r"(?:Check out|Try|Explore|Play with) (?:the|our) (?:[A-Z][\w'’&\-]* ){0,6}"
     r"(?:Map|Maps|Calculator|Tracker|Quiz|Tool|Interactive|Database|Guide)\b[^\n]{0,150}"),
    ("media", "Catch Listen Subscribe Hear Tune", r"(?:Catch up on|Listen to|Subscribe to|Hear|Tune in to)\b[^\n]{0,150}? "
     r"(?:our (?:[\w'’\-]+ ){0,4}|the (?:[A-Z][\w'’\-]* ){1,4})[Pp]odcast\b[^\n]{0,100}"),
    # A comment or sharing prompt and a link to the original: "Join the conversation", "Report an
    # error", "Like this story? Share it with a friend.", "Read the full story at Acme News."
    ("share", "Join Report Like Enjoyed Did", r"Join the (?:conversation|discussion|debate)(?: below)?[.!]?|Report an (?:error|issue|"
     r"inaccuracy)|(?:Like|Enjoyed|Did you (?:like|enjoy)) this (?:story|article|post)\? Share it\b[^\n]{0,80}"),
    ("related", "Read", r"Read the (?:full|whole|complete|entire|original) (?:story|article|report|interview|piece) (?:at|on) "
     r"(?:the )?[A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,4}[.!]?"),
    ("related", "Also ALSO", r"(?:Also|ALSO) (?:on|ON|from|FROM) (?:the )?[A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,3}[ \t]*:"),
    # A pointer to further reading: "To learn more about X, see Y.", "For more on X, the Y page and
    # the Z collection are great resources." (the verb right after the comma, or the resource
    # named as one at the end: "To learn more about it, investigators went to see ..." is prose).
    ("related", "To For", r"(?:To (?:learn|read|find out|hear|see) more|For more(?: information)?)(?: about| on| of)? "
     r"[^\n,]{1,120}, (?:(?:read|see|visit|check out|go to|click|listen to|watch|head to)\b[^\n]{1,150}"
     r"|[^\n]{1,200}? (?:is|are) (?:a |an |the )?(?:great|good|useful|excellent|helpful|terrific|best)"
     r" (?:resources?|places? to (?:start|begin|look)|starting points?))[.!]?"),
    # A column's disclaimer: "This column does not necessarily reflect the opinion of the
    # editorial board or Acme LP and its owners."
    ("editors_note", "This The", r"(?:This|The) (?:column|article|op-ed|commentary|opinion piece|piece|post|essay|blog post"
     r"|content)s? (?:does|do) not necessarily (?:reflect|represent)\b[^\n]{0,200}"),
    # "For a graphic on major rulings, click tmsnrt.rs/2V2T0Uf", "For the full list, visit ...".
    ("related", "For", r"For (?:a|an|the|more|full|live|complete|our)\b[^\n,]{0,100}, (?:click|tap|visit)\b[^\n]{0,120}"
     r"|For (?:a|an|the|more|full|live|complete|our)\b[^\n,]{0,100}, (?:see|read|watch|go to|check out) "
     r"(?:https?://|www\.|[a-z0-9\-]+\.(?:com|org|net|rs|ly|co)\b)[^\n]{0,80}"),
    # A label and a headline: "Read: The risk of dodging", "Opinion: Why the deal fails", "See: ...".
    ("related", "Read See SEE Check CHECK Also Listen Podcast Explainer EXPLAINER Opinion OPINION Interactive "
     "INTERACTIVE Graphic GRAPHIC Quiz Timeline TIMELINE Gallery Column Editorial Analysis ANALYSIS Fact FACT Video",
     r"(?:Read|See|SEE|Check out|CHECK OUT|Also|Listen|Podcast|Explainer|EXPLAINER|Opinion|OPINION|Interactive"
     r"|INTERACTIVE|Graphic|GRAPHIC|Quiz|Timeline|TIMELINE|Gallery|Column|Editorial|Analysis|ANALYSIS|Fact [Cc]heck"
     r"|FACT CHECK|Related [Vv]ideo|Video)[ \t]*:[ \t]*[“\"‘'A-Z0-9][^\n]{2,200}(?<![.!,;:])"),
    ("related", "Online ONLINE On", r"(?:Online|ONLINE|On the [Ww]eb|On the [Ii]nternet):?"),
    ("photo_credit", "(", r"\((?:Photo|Photograph|Image|Credit|Picture)s?(?: by| credit)?:? [^()\n]{1,80}\)"),
    ("related", "(", r"\( ?[A-Z][^()\n:]{0,40}: [^()\n]{1,200}\)"),
    # "(Click here for our most recent updates.)", "(Click on the link to go to a database ...)".
    ("share", "(", r"\( ?(?:Click|CLICK|Tap|TAP) [^()\n]{1,200}\)\.?"),
    ("related", "(", r"\( ?[A-Z][^()\n.!?: ]*(?: [^()\n.!?: ]+){2,20}\)"
     r"|\( ?(?:For more|For the latest|Read more|Read|See|Watch)\b[^()\n]{0,200}\)"
     # "(Check out our podcast at x.com.)"; an aside ("(Follow the money.)") stays.
     r"|\( ?(?:Check out|Listen to|Subscribe to|Follow)\b[^()\n]{0,200}(?:\.com|\.org|podcast|newsletter|https?://)"
     r"[^()\n]{0,40}\)"),
    ("media", "JUST", r"JUST WATCHED\b[^\n]*"),
    # A video player's close button and a widget that did not load.
    ("media", "CLOSE Close Loading LOADING", r"CLOSE|Close|Loading(?:\.{1,3}|…)?|LOADING(?:\.{1,3}|…)?"),
    ("media", "Slideshow SLIDESHOW Gallery GALLERY Photos PHOTOS",
     r"(?:Slideshow|SLIDESHOW|Gallery|GALLERY|Photos|PHOTOS) ?\(\d+(?: [Ii]mages| [Pp]hotos)?\)"),
    ("media", "Video VIDEO Watch WATCH Listen LISTEN Play Replay Audio Podcast",
     r"(?:Video|VIDEO|Watch|WATCH|Listen|LISTEN|Play|Replay|Audio|Podcast)(?: [Bb]elow| [Aa]bove| [Nn]ow| [Hh]ere)?[ \t]*:?"),
    ("media", "Media", r"Media playback is unsupported on your device\.?"),
    ("media", "Play PLAY", r"(?:Play|PLAY) (?:[Vv]ideo|VIDEO)\b[^\n]{0,250}"),
    ("media", "Related", r"Related Video\b[^\n]*"),
    ("media", "Watch Listen Click",
     r"(?:Watch|Listen to|Click to (?:watch|play)) (?:the |this |our )?(?:full |latest )?(?:video|interview|clip|segment"
     r"|report|exchange|moment)\b[^\n.]{0,80}(?:below|above)[.:]?"),
    ("media", "If", r"If you can(?:'|’)t see this\b[^\n]{0,150}"),
    ("media", "next Next prev Prev previous Previous Image", r"(?:(?:[Nn]ext|[Pp]rev(?:ious)?) )?Image \d+ of \d+"),
    ("photo_credit", "Image", r"Image copyright (?![^\n]*Image caption)[^\n]{1,80}"),
    # A caption widget's words with only the credit after them ("Enlarge this image toggle
    # caption Matt Rourke/AP Matt Rourke/AP"); with a caption after them the line is a caption.
    ("photo_credit", "Enlarge toggle Hide hide Show", r"(?:Enlarge this image|toggle caption|[Hh]ide caption|Show caption)"
     r"(?: (?:toggle caption|(?:[A-Z][\w.'’&\-]*|/ ?[A-Za-z][\w.'’&\-]*|via|for|and|of|the)(?:/[A-Za-z][\w.'’&\-]*)*)){0,20}"),
    ("contributor", "Reporting Additional Writing Contributing", r"(?:(?:Additional|Writing and additional|Contributing|Writing) )?"
     r"[Rr]eporting (?:by|from|and writing by)\b[^\n]{0,700}"),
    ("contributor", "With — -- – —with --with –with", r"(?:(?:—|--|–) ?)?[Ww]ith (?:assistance|additional reporting|reporting|contributions) (?:by|from)\b"
     r"[^\n]{0,300}|(?:(?:—|--|–) ?)?With (?:[A-Z][\w.]* )?[Ww]ires?(?: [Ss]ervices?| [Rr]eports)?\.?"),
    ("contributor", "Editing Edited Compiled", r"(?:Editing|Edited|Compiled) by [A-Z][^\n]{0,200}"),
    # "Contributing: Erin Kelly", "Contributors: Associated Press".
    ("contributor", "Contributing Contributors Contributor CONTRIBUTING",
     r"(?:Contributing|Contributors?|CONTRIBUTING)(?: [Ww]riters?| [Rr]eporters?| [Ee]ditors?)?[ \t]*:[ \t]*[A-Z][^\n]{1,200}"),
    ("contributor", "Write", r"Write to [A-Z][^\n]{1,200}@[^\n]{1,160}"),
    ("social_embed", "A", r"A post shared by [^\n]{1,160}"),  # (the key "A": see _furniture_line)
    ("social_embed", "View", r"View this (?:post|photo|video) on (?:Instagram|Facebook|Twitter|TikTok)\b[^\n]{0,800}"),
    # An embed's accessibility label before the post's text: "Skip Twitter post by @x Dear @y".
    ("social_embed", "Skip", r"Skip (?:Twitter|Facebook|Instagram|YouTube|TikTok) post(?: \d+)? by [^\n]{1,1200}"),
    ("media", "Watch", r"Watch the latest video\b[^\n]{0,200}"),
    # "Follow Jane Roe: https://twitter.com/jroe", "Follow all coverage of the trial at https://x.com/y".
    ("share", "Follow", r"Follow [^\n]{1,100}?(?: at| on|:) ?https?://\S+[^\n]{0,200}"),
    ("related", "More", r"More [A-Z][\w ]{0,40}: (?:https?://|www\.)\S+[^\n]{0,200}"),
    # Tags and pagers: "This article tagged under: Sarah Palin", "filed under:", "Next »".
    ("related", "This filed Filed Tagged tagged Tags TAGS Topics TOPICS", r"(?:This (?:article|story|post) )?(?:[Tt]agged|[Ff]iled) under:?"
     r"[^\n]{0,200}|(?:Tags|TAGS|Topics|TOPICS):[^\n]{0,200}"),
    ("share", "Next Previous Prev NEXT", r"(?:Next|Previous|Prev|NEXT)[ \t]*[»›>]+"),
    # "Want more from the Daily Planet? Check this out: A headline"
    ("related", "Want", r"Want more (?:from|of) [^\n?]{1,60}\?[^\n]{0,300}"),
    # Labels of a box of promoted links: "Latest:", "Urgent:", "Special:".
    ("related", "Latest LATEST Urgent URGENT Special Breaking BREAKING Popular POPULAR Trending",
     r"(?:Latest|LATEST|Urgent|URGENT|Special|Breaking|BREAKING|Popular|POPULAR|Trending)[ \t]*:"),
    # A link card's label glued to its headline, no colon: "Read More A headline A dek.",
    # "Related A headline" (a sentence never opens "Read More" + a capital).
    ("related", "Read READ Related RELATED",
     r"(?:Read More|READ MORE) [A-Z“\"‘'][^\n]{8,400}|(?:Related|RELATED) [A-Z“\"‘'][^\n]{8,200}(?<![.!?,;:”\"])"),
    # "Read more in the full note.": a link to the rest of a document.
    ("share", "Read READ", r"(?:Read|READ) (?:more|MORE|it all|the rest) (?:in|for|of|at) the (?:full|complete|whole|entire)\b[^\n]{1,100}"),
    # A house note that wire copy was used: "Material from the Wire was used in this report.",
    # "This story includes reporting from the Wire."
    ("contributor", "Material Information Portions Parts Some Wire",
     r"(?:Material|Information|Portions|Parts|Some (?:material|information)|Wire (?:service )?reports?)\b[^\n]{0,120}?"
     r" (?:was|were|is|are|has been|have been) used in this (?:report|story|article|piece)\.?"),
    # (not "This report uses information from the census to ...": a report the story is about)
    ("contributor", "This", r"This (?:story|report|article|piece) (?:includes|contains) (?:reporting|material) (?:from|by) (?:the )?"
     r"[A-Z][^\n.]{1,100}\.?"),
    # A credit line: "Photograph of a closed shop by Jane Roe/Agency.", "Note: Photo by Acme.com.",
    # "Illustration by Jane Roe", "Top photo: Jane Roe/Agency".
    ("photo_credit", "Photo Photos Photograph Photographs Image Images Picture Illustration Graphic Artwork "
     "Note Top Lead Header Cover Main Featured Feature",
     rf"(?:Note: )?(?:(?:Top|Lead|Header|Cover|Main|Featured?) )?(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture|[Ii]llustration"
     rf"|[Gg]raphic|[Aa]rtwork)s?(?: [Cc]redit| [Ii]llustration)?(?: of [^\n]{{1,100}}?)?(?: by|:| courtesy of| via) "
     rf"{_CREDIT_WORDS}(?: ?/ ?[A-Za-z][\w.'’&\-]*(?: [A-Za-z][\w.'’&\-]*){{0,4}}){{0,3}}\.?"),
    # A podcast prompt: "Listen to the latest episode of the X podcast."
    # ("Listen to the interview and you hear a man who ..." is an op-ed's own sentence.)
    ("media", "Listen LISTEN", r"(?:Listen|LISTEN) to (?:the|our|this|today['’]s) (?:latest |full |new |whole )?"
     r"(?:(?:episode|podcast)\b[^\n]{0,150}|(?:interview|conversation|show|segment)\b[^\n.]{0,60}"
     r"\b(?:below|above|here|at the link)\b[^\n]{0,40})"),
    # A video player's embed widget: "Embed A clip's title 2:30 autoplay autoplay Copy this code to your website".
    ("media", "Embed EMBED", r"(?:Embed|EMBED)\b[^\n]{0,300}?(?:\bautoplay\b|Copy this code to your (?:website|site|blog))[^\n]{0,100}"),
    ("media", "Now", r"Now [Pp]laying:[^\n]{0,200}"),
    # A label and a dash before a headline: "Related - A headline", "READ MORE — A headline".
    ("related", "Related RELATED Read READ See SEE Also ALSO",
     r"(?:Related|RELATED|Read [Mm]ore|READ MORE|See [Aa]lso|SEE ALSO|Also [Rr]ead|ALSO READ) [-—–]{1,2} [A-Z“\"‘'][^\n]{3,200}"),
    # A credit or a caption's own label at an edge: "Cover: A satellite image of ...", "Featured image: ...".
    ("photo_credit", "Cover Featured Feature Top Header Lead Main Hero",
     r"(?:Cover|(?:Featured?|Top|Header|Lead|Main|Hero) (?:[Ii]mage|[Pp]hoto|[Pp]icture|[Ii]llustration|[Aa]rt))(?: [Cc]redit)?:"
     r"[ \t]*[A-Z“\"‘'][^\n]{1,200}"),
    ("byline", "Written **Written *Written", r"\*{0,2}Written by [A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}\**"),
    # A player's prompt: "Watch the full 13-minute presser.", "Watch Jane Roe's remarks.",
    # "Listen to the discussion of this article on Planet Radio:" (an op-ed's "Watch what
    # happens next." names no clip).
    ("media", "Watch WATCH Listen LISTEN",
     r"(?:Watch|WATCH|Listen to|LISTEN TO) (?:the|this|his|her|their|our|that|a|[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,2}['’]s)"
     r"(?: [^\n.!?:]{0,50})? (?:video|videos|clip|clips|interview|remarks|presser|speech|presentation|exchange|segment"
     r"|footage|discussion|conversation|moment|debate|hearing|testimony)s?"
     r"(?: (?:below|above|here|in full|(?:on|at|of|with|from|in) [^\n.!?]{1,50}))?[.:]?"),
    # A TV or radio listing: "Watch Jane Roe on 'The Show' Monday at 6 p.m. ET."
    ("media", "Watch WATCH Tune Listen", r"(?:Watch|WATCH|Tune in to|Tune in|Listen to) [^\n]{1,120}?\b\d{1,2}(?::\d{2})? ?"
     r"(?:a\.m\.|p\.m\.|am|pm|AM|PM) ?(?:ET|EDT|EST|PT|PDT|CT)\b[^\n]{0,120}"),
    ("related", "NOW Now WATCH Watch", r"(?:NOW WATCH|Now [Ww]atch|WATCH NOW|Watch [Nn]ow)[ \t]*:[^\n]{1,200}"),
    # "Read the full story about the vote here.", "Read more and view the documents.",
    # "We are committed to accuracy. Read our editorial standards."
    ("share", "Read READ", r"Read the (?:full|whole|complete|entire) (?:story|article|report|interview|statement|text|letter"
     r"|transcript|piece)\b[^\n]{0,120}\bhere\.?|Read more and (?:view|see|watch|read)\b[^\n]{1,80}"),
    ("editors_note", "We Read", r"(?:[^\n]{0,120}[.!?] )?Read our (?:editorial |ethics |corrections )?(?:standards|policy|policies"
     r"|guidelines|principles)\.?"),
    ("photo_credit", "Credit Credits Photo", r"(?:Photo )?[Cc]redits?:"),
    # A newsroom's standards, a print note and a first home: "Our Standards: The Trust Principles.",
    # "Appeared in the March 3, 2020, print edition as 'Roe Wins.'", "Originally published at Planet News."
    ("editors_note", "Our", r"Our [Ss]tandards:[^\n]{0,120}"),
    ("editors_note", "Appeared", r"Appeared in the [^\n]{1,40}? print edition\b[^\n]{0,200}"),
    ("editors_note", "Originally First", r"(?:Originally|First) (?:published|posted|appeared) (?:at|on|in|by) (?:the )?[A-Z][^\n.,]{1,60}\.?"),
    # "Credit...Jane Roe for The Planet": a photo's credit as a caption widget prints it.
    ("photo_credit", "Credit", r"Credit(?:\.\.\.|…) ?[A-Z][^\n]{1,80}"),
    # A reader's support asked for: "Thank you for reading. Please consider supporting our work."
    ("newsletter", "Thank Please", r"(?:Thank you for reading[.!] )?Please consider (?:supporting|subscribing to|donating to"
     r"|making a donation to|a (?:contribution|donation) to) [^\n]{1,150}"
     r"|(?:Thank you for reading[.!] )?Please consider (?:a|making a) (?:contribution|donation)[.!]?"),
    # A page's relative time stamp alone: "7 years ago".
    ("date_line", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 30 45 59 an An a A",
     r"(?:\d{1,2}|an?|An?) (?:years?|months?|weeks?|days?|hours?|minutes?|mins?|hrs?) ago"),
    # A photo's source alone, bare or in parentheses: "(Pixabay)", "(Jane Roe/iStock/Getty Images Plus)",
    # "Getty Images", "Photo : Shutterstock".
    ("photo_credit", "( Getty Shutterstock iStock Pixabay Pexels Dreamstime Unsplash Photo",
     rf"\(?(?:[^()\n]{{1,60}}/ ?)?{_STOCK}\)?|Photo ?: [^\n]{{1,60}}?\(? ?{_STOCK} ?\)?|Photo ?: {_STOCK}"),
    # A player that needs the page: "Please enable Javascript to watch this video", "Watch more!".
    ("media", "Please Watch", r"Please enable (?:J|j)ava[Ss]cript to (?:watch|view|play) this (?:video|content|media)\.?"
     r"|Watch more!?(?: \([A-Z][\w ]{1,30}\))?"),
    # A player that did not load: "Can't see the video? Click here."
    ("media", "Can't Can’t Cannot Don't Don’t Not", r"(?:(?:Can['’]t|Cannot|Don['’]t) see|Not seeing) (?:the|this|our) (?:video|embed"
     r"|graphic|image|chart|map|photo|tweet|post|gallery|slideshow|interactive|audio|player)s?(?: (?:above|below))?\??[^\n]{0,120}"),
    # "Originally published on March 21, 2013. Updated on June 26, 2013.": the page's dates.
    ("date_line", "Originally First", rf"(?:Originally|First) (?:published|posted)(?: on)? (?:{_WEEKDAYS},? )?{_FULL_DATE}\.?"
     rf"(?: (?:Updated|Last updated)(?: on)? (?:{_WEEKDAYS},? )?{_FULL_DATE}\.?)?"),
    # The credits of a feature's team: "Editor: Jane Roe", "Designer: John Doe", "Editorial: Jane Roe, John Doe."
    ("contributor", "Editor Editors Editorial Producer Producers Designer Designers Design Graphics Illustrations "
     "Illustration Illustrator Photography Photographer Research Researcher Development Developer",
     rf"(?:Editor|Editorial|Producer|Designer|Design|Graphics|Illustrations?|Illustrator|Photography|Photographer"
     rf"|Research|Researcher|Development|Developer)s?: {_NAME}(?:(?:,|,? and|,? &) {_NAME})*\.?"),
    # A link of a kind named in its label: "Related poll: Is Black Friday worth it?", "Related document:".
    ("related", "Related RELATED", r"(?:Related|RELATED) (?:[Pp]oll|POLL|[Dd]ocument|DOCUMENT|[Vv]ideo|VIDEO|[Ll]ink|LINK"
     r"|[Ss]tory|STORY|[Aa]rticle|ARTICLE|[Pp]odcast|PODCAST|[Qq]uiz|QUIZ|[Gg]allery|GALLERY|[Rr]eading|READING"
     r"|[Tt]opics?|TOPICS?|[Ll]inks|LINKS)s?[ \t]*:[^\n]{0,200}"),
]


# Whole-line shapes that are furniture only among the first or last few lines (in the middle
# of a story, such a line may be its own text).
_EDGE_SHAPES: list[tuple[str, str, str]] = [
    ("editors_note", "Adapted Excerpted", r"(?:Adapted|Excerpted) (?:from|with permission from)\b[^\n]{3,300}"),
    # "Reprinted from X with permission from Y.": a syndication note.
    ("copyright", "Reprinted Republished", r"(?:Reprinted|Republished) (?:from|with (?:the )?permission\b)[^\n]{3,400}"),
]


def _compile_shapes(shapes: list[tuple[str, str, str]]) -> dict[str, re.Pattern]:
    by_key: dict[str, list[tuple[str, str]]] = {}
    for kind, words, pattern in shapes:
        for w in words.split():
            by_key.setdefault(w, []).append((kind, pattern))
    out = {}
    for key, shapes in by_key.items():
        kinds: dict[str, list[str]] = {}
        for kind, pattern in shapes:
            kinds.setdefault(kind, []).append(pattern)
        out[key] = re.compile("|".join(f"(?P<{k}>{'|'.join(p)})" for k, p in kinds.items()))
    return out


_THE_SHAPES = ("The story", "The article", "The report", "The post", "The piece", "The following", "The column",
               "The op-ed", "The commentary", "The opinion", "The essay", "The blog", "The content",
               "The conversation", "The interview", "The transcript", "The Q&A", "The discussion", "The Story",
               "The project", "The series", "The investigation")
_A_SHAPES = ("A post shared", "A lightly edited", "A slightly edited", "A condensed and edited", "A edited",
             "A version of this", "A previous version")


_WHOLE = _compile_shapes(_WHOLE_SHAPES)
_EDGE = _compile_shapes(_EDGE_SHAPES)


def _may_start_shape(s: str) -> bool:
    """Whether the line's first word is the key of a whole-line shape (see _furniture_line):
    the loop in page_furniture skips long sentences that start otherwise."""
    if s[0] in "(©":
        return True
    sp = s.find(" ")
    w = s if sp < 0 else s[:sp]
    k = w.find(":")
    w = (w if k < 0 else w[:k]).rstrip(".,;!?…")
    if "…" in w or "..." in w:
        w = w.split("…", 1)[0].split("...", 1)[0]
    if w == "A":
        return s.startswith(_A_SHAPES)
    if w == "The":
        return s.startswith(_THE_SHAPES)
    return w in _WHOLE

# Shapes any line may have, checked only when a cheap test allows.
# A photographer's credit alone: "Alex Wong/Getty Images", "(Stephanie Keith/Reuters)".
_CREDIT_LINE = re.compile(rf"\(?(?:(?:Photo|Photograph|Image|Picture|Credit)s?(?: by| credit)?:? ?)?{_CREDIT_WORDS}"
                          rf" ?/ ?{_CREDIT_WORDS}(?: ?/ ?{_CREDIT_WORDS})?(?:,? [Ff]ile)?\)?")
_SEPARATOR = re.compile(r"[-_—–*=~#•·+.…](?: ?[-_—–*=~#•·+.…])* *")
_SEPARATOR_CHARS = frozenset("-_—–*=~#•·+.…")
_DATE_ONLY = re.compile(rf"(?:{_WEEKDAYS},? )?{_FULL_DATE}(?:,? (?:at )?\d{{1,2}}:\d{{2}} ?(?:[ap]\.?m\.?|[AP]M)?)?"
                        r"(?: [A-Z]{2,4})?|\d{1,2}:\d{2} ?(?:[ap]\.?m\.?|[AP]M)(?: [A-Z]{2,4})?,? "
                        rf"(?:{_WEEKDAYS},? )?{_MONTHS} \d{{1,2}}(?:,? \d{{4}})?")
_MONTH_WORDS = frozenset(w.rstrip(".") for w in re.findall(r"[A-Z][a-z]+\.?", _MONTHS + " " + "Monday Tuesday "
                         "Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun"))
# An embedded post's attribution: "— Donald J. Trump (@realDonaldTrump) May 2, 2019".
_EMBED_DATE = (rf"(?:{_MONTHS} \d{{1,2}},? \d{{4}}|\d{{1,2}}:\d{{2}} ?[AaPp][Mm] - \d{{1,2}} {_MONTHS} \d{{4}}"
               rf"|\d{{1,2}} {_MONTHS} \d{{4}})")  # (a post's date as a page in Europe prints it: "2 May 2019")
_EMBED_TAIL = re.compile(rf"[—–-]{{1,2}} ?[^\n—]{{1,80}}\(@\w{{1,20}}\)[ \t]+{_EMBED_DATE}")
# The attribution alone: "— Maria Lopez (@SenLopez) April 2, 2025", "GLAAD (@glaad) June 26, 2013".
_EMBED_ALONE = re.compile(rf"(?:[—–-]{{1,2}} ?)?[^\n—(]{{1,60}}\(@\w{{1,20}}\)[ \t]+{_EMBED_DATE}")
# A Facebook post's signature at the end of its text: "... Posted by Jane Roe on Tuesday, May 2, 2019".
_FB_POST_TAIL = re.compile(rf"(?:\A|[.!?”\"] ?|\s)Posted by [A-Z][^\n]{{0,80}}? on (?:{_WEEKDAYS},? )?{_MONTHS} \d{{1,2}},? \d{{4}}\Z")
# An Instagram embed's attribution: "A photo posted by Jane Roe (@jroe) on Aug 10, 2015 at 4:33am PDT".
_PHOTO_POST = re.compile(r"\bA (?:photo|video|post) posted by [^\n]{1,80}\(@[\w.]{1,30}\) on [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}"
                         r"(?: at [\d:]{3,5} ?[ap]m(?: [A-Z]{2,4})?)?\Z")
_EMBED_LINK_TAIL = re.compile(r"(?:pic\.twitter\.com|https?://t\.co)/\w+")
# "Donald J. Trump (@realDonaldTrump) THE HOUSE ..." : a post whose author comes first.
_EMBED_HEAD = re.compile(rf"{_NAME} \(@\w{{1,20}}\) ")
# Lines that carry one of these words are tried against the shapes below them.
_MARKED = re.compile(
    r"(?P<contributor>(?:(?:—|--|–|•|⦁|·|\*) ?)?[A-Z“\"][^\n]{0,400}\bcontributed (?:(?:to )?(?:this|the) "
    r"(?:report|story|article|coverage|list|post|piece|analysis)|reporting|research)(?: (?:from|in) [A-Z][^\n.!?]{0,60})?\.?"
    # "Jane Roe and John Doe contributed from Washington.", "AP writers Jane Roe and John Doe contributed."
    rf"|{_NAME}(?:(?:,|,? and) {_NAME})* contributed (?:from|in) [A-Z][^\n.!?]{{0,60}}\."
    rf"|(?:[A-Z][\w&.]* )?(?:[Ss]taff )?(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?) {_NAME}(?:(?:,|,? and) {_NAME})*"
    r" contributed\b[^\n]{0,120}"
    # "(Wire services contributed to this report)."
    r"|\((?:[A-Z][^\n()]{0,100}) contributed to (?:this|the) (?:report|story|article)\.?\)\.?"
    # "Jordain Carney contributed.": names, then the verb alone.
    rf"|(?:The )?{_NAME}(?:(?:,|,? and) (?:the )?{_NAME})* contributed\.?"
    rf"|{_NOT_NAME}{_CAPWORD}(?: {_CAPWORD}){{0,3}}(?: and {_CAPWORD}(?: {_CAPWORD}){{0,3}})?"
    r" reported (?:this story )?from [A-Z][^\n.]{1,60}\."
    # "• This article is based in part on wire service reports."
    r"|(?:This|The) (?:article|story|report) (?:is|was) based (?:in part )?on (?:wire|news agency|agency|news service)"
    r"[^\n]{0,120})"
    r"|(?P<newsletter>[^\n]{0,700}?\b(?:[Nn]ewsletters?|inbox(?:es)?)\b[^\n]{0,700}"
    r"|[^\n]{0,80}\bIf you (?:enjoyed|liked|value|appreciate) (?:this|our|reading)\b[^\n]{0,600}"
    # A paywall or membership prompt: "Support real journalism. Subscribe to X today.",
    # "Thank you for supporting our journalism.", "Your subscription funds ...".
    r"|[^\n]{0,300}?\b(?:[Ss]upport(?:ing)? (?:real|local|independent|quality|our|trusted|fact-based|nonprofit|public)"
    r" journalism|[Ss]ubscri(?:be|bing|ption|bers?))\b[^\n]{0,600})"
    r"|(?P<copyright>[^\n]{0,300}\b(?:licensing opportunities|reprint permission|[Rr]eprints? and permissions"
    r"|[Rr]eprinted with (?:the )?permission|[Rr]epublished with (?:the )?permission)\b[^\n]{0,200})"
)
# A line whose last sentence asks the reader to sign up: "X is a nonprofit newsroom. Sign up
# to receive our biggest stories as soon as they're published." (a house promo set as a paragraph).
_SIGN_UP_TAIL = re.compile(r"(?:\A|[.!?] )(?:(?:Sign up|SIGN UP) (?:to receive|for (?:our|free|daily|weekly|email|breaking))"
                           r"|Subscribe (?:to our|here|now|today|to (?:the |our )?[^.!?\n]{0,40}(?:[Pp]odcast|[Nn]ewsletter|[Cc]hannel)))"
                           r"\b(?:[^.!?\n]|\.(?=\w)){0,150}[.!?]?\Z")
# A template's numbered slot left in the text: "media:18892049", "video: 123456".
_TEMPLATE_ID = re.compile(r"[a-z][a-z_\-]{1,20}: ?\d{5,}")
_VOTE_ENDS = ("Vote Here!", "Vote Here", "Vote Now!", "Vote Now", "VOTE HERE!", "VOTE NOW!", "Vote here!", "Vote now!",
              "Vote Here.", "Vote Now.", "Vote here.", "Vote now.")
_POLL_LABELS = frozenset({"Vote Now", "VOTE NOW", "Urgent Poll", "URGENT POLL", "Quick Poll", "QUICK POLL", "Poll", "POLL",
                          "Vote", "VOTE"})
# A label and a headline in title case: "Read: Trump's Pick Says He Did It. It May Be Just One Guy."
_TITLE_LABELS = ("Read: ", "READ: ", "See: ", "Related: ", "RELATED: ", "Also: ", "Watch: ", "WATCH: ", "More: ")
_SIGN_UP = re.compile(r"\b(?:[Ss]ign(?:ing)?[ -]?up|Subscribe|[Ss]ubscribe (?:to|for|now|today)|[Dd]elivered to your"
                      r"|[Ee]nter your email|Join (?:us|our|now|today)|[Ss]upport(?:ing)? [a-z\-]+ journalism"
                      r"|Your subscription|[Bb]ecome a (?:subscriber|member|supporter))\b")
# A photo gallery widget run into one line: "... 6 View Slideshow Back Continue Share this: Facebook".
_SLIDESHOW = re.compile(r"\bView Slideshow\b")
# "Michigan barber shop reopens despite shutdown youtu.be": an embed's title and its site.
_SITE_TAIL = re.compile(r" (?:www\.)?[a-z0-9\-]+\.(?:com|be|org|net|tv)\Z")
# "Historic layoffs:A record 6.6M Americans file ...": a topic label glued to a linked headline.
_GLUED_LINK = re.compile(r"[A-Z][\w’'\- ]{1,30}\??:[A-Z“\"‘'][^\n]{5,200}\Z")
# A link to an explainer series: "What is contempt of Congress?: QuickTake", "...: QuickTake Q&A".
_BRAND_LINK = re.compile(r"[A-Z][^\n.!]{8,200}[?]?: [A-Z][a-z]+[A-Z][a-z]+(?: Q&A)?")
_MARKER_WORD = re.compile(r"contribut|reported from|ewsletter|inbox|If you |reprint|epublished|licensing|ubscri|journalism"
                          r"|based (?:in part )?on")
# A contact line: an e-mail address and a word that asks the reader to write ("Send letters to
# letters@x.com.", "Got a TIP? Email tips@x.com", "Share your experiences by emailing x@y").
_PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-.]\d{4}\b")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# The line asks the reader: it speaks to them, opens a sentence with the verb, or labels the
# address ("Email: x@y"); a sentence that only mentions an address ("a second email,
# x@y.com, was not used") does not.
_CONTACT_WORDS = re.compile(r"\b(?:you|your|us|me|can be reached)\b|(?:^|[.!?*] |[•\-–—] ?)(?:Send|SEND|E-?mail|EMAIL"
                            r"|Contact|CONTACT|Reach|Write|Ask|Share|Tweet|Follow|Tips?|TIPS?|To contact|To reach)\b")
# "X transcripts are created on a rush deadline by ...": the state of a transcript, at an edge.
_TRANSCRIPT_NOTE = re.compile(r"[A-Z][\w ]{0,30} transcripts? (?:is|are) (?:created|produced|prepared) on a rush deadline\b")
# A template's placeholder left in the text: "[pullquote]", "{{embed}}".
_PLACEHOLDER = re.compile(r"\[[a-z][a-z_\-]{2,30}\]|\{\{[^{}\n]{1,40}\}\}")
# A bullet or dash before a line of furniture: "- Follow the Ticker on Twitter: @x",
# "⦁ Jane Roe contributed to this report.", "—Updated at 9:20 p.m.".
_BULLET_PREFIX = re.compile(r"[•⦁·▪►*\-–—]{1,2} ?(?=[A-Z“\"‘(@])")
_BULLET_CHARS = frozenset("•⦁·▪►*-–—")
_BULLETED_KINDS = frozenset({"share", "newsletter", "contributor", "author_bio", "editors_note", "copyright", "ad",
                             "related", "date_line", "media"})
# Inline pieces.  A hover card (a link card glued into a sentence): after a name, the person's
# full name again, glued to a run of headlines and closed by "MORE" ("President Trump Donald
# John TrumpGOP senators balk at ... MORE on Friday").
_HOVER_CARD = re.compile(
    rf"\b(?P<sur>[A-ZÀ-ÖØ-Þ][\w'’\-]*[a-z])(?P<card> (?:[A-ZÀ-ÖØ-Þ(][\w'’.()\-]*|{_PARTICLE}) "
    rf"(?:(?:[A-ZÀ-ÖØ-Þ(][\w'’.()\-]*|{_PARTICLE}) ){{0,4}}(?P=sur)(?=[A-Z0-9\"'‘“$£(\[])[^\n]{{1,900}}? MORE)\b"
    # The card glued to the name with no space: "George PapadopoulosGeorge Demetrios PapadopoulosA
    # headline ... MORE pleaded guilty."
    rf"|\b(?P<sur2>[A-ZÀ-ÖØ-Þ][\w'’\-]*[a-z])(?P<card2>[A-ZÀ-ÖØ-Þ][\w'’.()\-]* "
    rf"(?:(?:[A-ZÀ-ÖØ-Þ(][\w'’.()\-]*|{_PARTICLE}) ){{0,4}}(?P=sur2)(?=[A-Z0-9\"'‘“$£(\[])[^\n]{{1,900}}? MORE)\b"
)
# "(RELATED: ...)", "(PICTURES: ...)", "(EXCLUSIVE: ...)" inside a paragraph.
# A link in square brackets set as a line: "[READ: A headline]", "[RELATED: ...]".
# A link word opens the label, in any case: "[Related: A headline]", "[Mapping the Outbreak: Get
# updates.]"; an author's aside ("[Full disclosure: I worked for him.]") stays.
_BRACKET_LINK = re.compile(r"\[ ?(?i:read|related|watch|see|more|also|listen|video|photos?|podcast|opinion|analysis"
                           r"|explainer|graphic|interactive|maps?|mapping|live|latest|full coverage|recommended)\b"
                           r"(?: [A-Za-z][\w’'\-]*){0,5}: [^\]\n]{1,200}\]")
# A link in square brackets inside a paragraph: "... on Monday. [READ: The full text] He left."
_INLINE_BRACKET = re.compile(r"[ \t]?\[ ?(?:READ|Read|RELATED|Related|WATCH|Watch|SEE|See|MORE|More|ALSO|Also|LISTEN|Listen"
                             r"|VIDEO|Video|PHOTOS|Photos)(?: [A-Za-z]+){0,2}: [^\]\n]{1,200}\]")
# A hat tip to a source: "... on Monday (H/T Planet News)."
_HAT_TIP = re.compile(r"[ \t]?\((?:H/T|h/t|HT|Hat tip|hat tip):? [^()\n]{1,80}\)")
# Furniture glued after the line's last sentence (the tail of the line, or an ad label
# between two sentences).
# (The pattern opens on the sentence's last character, which ``re`` skips to quickly; the
# piece starts two characters into the match.)
_TAIL_FURNITURE = re.compile(
    r"[.!?”\"] (?:(?P<related>(?:READ MORE|Read [Mm]ore|RELATED|Related|SEE ALSO|See [Aa]lso|ALSO READ|MORE)[ \t]*:"
    r"[ \t]*[A-Z“\"‘'][^\n]{3,200}(?<![.!?,;:]))\Z"
    # "... Click here to see pictures from the event: https://x.com/y", "... Read more here"
    r"|(?P<share>(?:Click|CLICK|Tap|TAP) (?:here|HERE)\b[^.!?\n]{0,120}(?:[.!]|:? ?https?://\S+)?"
    r"|(?:Read|READ) (?:more|MORE) (?:here|HERE)[.!]?)\Z"
    r"|(?P<ad>(?:Advertisement|ADVERTISEMENT|Story continues below(?: advertisement)?"
    r"|Continue reading the main story) )(?=[A-Z“\"‘])"
    # "... said. (Reporting by Jane Roe; Editing by John Doe)": a wire story's credits.
    r"|(?P<contributor>\((?:Additional )?[Rr]eporting (?:by|from) [^()\n]{1,300}\))\Z"
    # "... there after 2014. WATCH: http://x.ws/y": a video's link.
    r"|(?P<media>(?:WATCH|Watch|VIDEO|Video):[ \t]*https?://\S+)\Z)"
    # "... down on the farm: Enlarge this image toggle caption AP AP": a caption widget's words
    # and credits, glued after the paragraph's last sentence.
    r"|[.!?”\":] (?P<photo_credit>(?:Enlarge this image )?toggle caption\b[^\n]{1,600})\Z")
_INLINE_RELATED = re.compile(r"[ \t]?\((?:RELATED|READ MORE|READ|SEE ALSO|SEE IT|SEE|WATCH|PHOTOS|PICTURES|VIDEO"
                             r"|EXCLUSIVE|LISTEN|MORE|ALSO READ|ALSO|Related|Read [Mm]ore|See [Aa]lso|Also [Rr]ead|Read [Aa]lso)"
                             r"[ \t]*:[^()\n]{1,200}\)")
# A person's bio: "Jane Doe is a reporter for ...", "— Jane Doe is ...", "• Jane Doe covers ...".
_BIO = re.compile(rf"(?:(?:—|--|–|•|⦁|\*) ?)?(?P<name>(?:The )?(?:{_NAME}|[A-Z][\w’'.\-]+))(?: \(@\w{{1,20}}\))?,?(?: [^\n,]{{1,80}},)? "
                  # "is"/"was" before a title ("is a columnist", "was governor of"), not before a verb
                  # or a state ("was asked to", "is setting", "is in talks", "is 82").
                  r"(?P<verb>(?:is|was|has been)(?= (?!(?!(?:found|manag|visit|act|contribut|consult|lead|presid|rank|retir|distinguish"
                  r"|elect|appoint|nam|senior-rank)(?:ing|ed)\b)[\w’'\-]+(?:ing|ed)\b|(?:in|at|on|to|not|no|about|set|due|likely"
                  r"|unlikely|said|still|back|out|up|down|under|over|from|with|without|among|also|being|going|expected"
                  r"|scheduled|known|seen|made|done|taken|given|shown|held|told|born|raised)\b|\d)\S)|serves as|served as"
                  r"|serves on|served on|covers|writes|directs|teaches|leads|runs|reports|edits|hosts|represents|chairs|heads)\b")
_BIO_VERBS = frozenset({"covers", "writes", "teaches", "edits", "hosts", "reports"})
_BIO_WORDS = re.compile(r"\b(?:author|editor|writer|columnist|contributor|contributing|correspondent|reporter"
                        r"|journalist|professor|fellow|director|president|chairman|founder|host|analyst|lawyer"
                        r"|attorney|scholar|economist|lecturer|commentator|researcher|strategist|CEO|executive"
                        r"|blogs?|books?|podcast|Twitter|email|e-mail|reached|@\w|[Ff]ollow)\b")
# "The opinions expressed in this commentary are her own.", "The opinions expressed by columnists
# are their own and do not represent the views of X.", "The views expressed ... are solely those of".
_OPINIONS = re.compile(r"\b(?:opinions|views) expressed (?:in this|here)\b|\b(?:[Oo]pinions|[Vv]iews)\b[^.\n]{0,40}"
                       r"\bexpressed\b[^.\n]{0,80}\b(?:own|solely|not (?:necessarily )?(?:reflect|represent))\b")
# Any title (in the run of furniture at an edge): "an economic consultant", "Special Assistant".
_TITLES = (r"[Cc]onsultant|[Ff]ellow|[Aa]ssistant|[Aa]ssociate|[Mm]ember|[Pp]artner|[Cc]hair(?:man|woman)?"
            r"|[Aa]dvis[eo]r|[Oo]fficer|[Cc]andidate|[Ss]tudent|[Vv]eteran|[Pp]astor|[Ss]enator|[Rr]epresentative"
            r"|[Ff]ormer|[Ee]meritus|[Pp]rincipal|[Ss]cientist|[Pp]hysician|[Hh]istorian|[Oo]rganizer|[Aa]ctivist"
            r"|[Mm]anager|[Pp]ublisher|[Oo]wner|[Dd]ean|[Rr]etired|[Gg]raduate|[Ss]ecretary|[Gg]overnor|[Mm]ayor"
            r"|[Cc]ongressman|[Cc]ongresswoman|[Dd]irector|[Pp]resident|[Cc]hief|[Hh]ead|[Ll]eader|[Aa]mbassador"
            r"|[Aa]ttorney|[Ll]awyer|[Pp]rofessor|[Rr]esearcher|[Aa]nalyst|[Ee]ditor|[Cc]ontributor|[Hh]ost|[Cc]ounsel")
# A title right after a bio's verb: "is an economic consultant", "served as chief counsel".
_BIO_TITLE = re.compile(r"(?:is|serves as|served as|has served as|is also)(?: (?:a|an|the))?(?: [\w’'.\-]+){0,5}? "
                        rf"(?:{_TITLES})s?\b|(?:serves|served) as\b")
# A column or an outlet that describes itself: "The Memo is a reported column by ...",
# "Acme is a nonprofit newsroom that ...", "The Big Idea is Vox's home for smart discussion ...".
_SELF_DESCRIBED = re.compile(r"(?:is|was) (?:a|an|the|[A-Z][\w’']+[’']s)\b[^.\n]{0,60}\b(?:column|newsroom|news service"
                             r"|news organization|news agency|series|newsletter|podcast|blog|website|publication|section"
                             r"|home for|magazine|newspaper|think tank|nonprofit|non-profit)\b")
_BIO_PROMPT = re.compile(r"\b[Ff]ollow (?:him|her|them|me) (?:on (?:Twitter|X|Facebook|Instagram)|at @)|\b(?:opinions|views)"
                         r" expressed\b")
_BYLINE = re.compile(rf"By {_NAME}(?:(?:,| and| &) {_NAME})*(?:,? [A-Z][\w.' ]{{0,40}}| ?\| ?[A-Z][\w.' ]{{0,40}})?"
                     # and its date: "By Jane Roe • March 25, 2016 05:37 PM"
                     rf"(?: ?[•|·—–] ?(?:{_WEEKDAYS},? )?{_FULL_DATE}(?:,? (?:at )?\d{{1,2}}:\d{{2}} ?(?:[AP]M|[ap]\.?m\.?)"
                     rf"(?: [A-Z]{{2,4}})?)?)?")
_NAMES_LINE = re.compile(rf"(?:The )?(?:{_NAME}|Editorial Board)(?:(?:,| and|, and| &) {_NAME})*")
_STORY_HIGHLIGHTS = ("Story highlights", "STORY HIGHLIGHTS", "Story Highlights", "Highlights", "HIGHLIGHTS",
                     "Key points", "KEY POINTS", "Key Points")
_SENTENCE_END_CHARS = frozenset(".!?…:;,")
_LABEL_ONLY = re.compile(r"(?:RELATED|Related|READ MORE|Read [Mm]ore|More|MORE|See [Aa]lso|SEE ALSO|Also [Rr]ead|Online"
                         r"|Latest|LATEST|Urgent|URGENT|Special|Breaking|BREAKING|Popular|POPULAR|Trending"
                         r"|ALSO READ|Recommended|RECOMMENDED|Related [Cc]overage|Related [Aa]rticles"
                         r"|Related [Ss]tories|More [Ss]tories)[ \t]*:?")


class _Line(NamedTuple):
    a: int  # start of the line's text (leading white space left out)
    b: int  # end of the line's text (trailing white space left out)
    gap: int  # line breaks between this line and the previous line with text
    s: str  # the line's text, text[a:b]


def _text_lines(text: str) -> list[_Line]:
    """The lines of ``text`` that hold more than white space, with their spans and gaps.

    >>> _text_lines("One.\\n\\n  Two. \\nThree")
    [_Line(a=0, b=4, gap=1, s='One.'), _Line(a=8, b=12, gap=2, s='Two.'), _Line(a=14, b=19, gap=1, s='Three')]
    """
    out = []
    pos, gap = 0, 0
    for line in text.split("\n"):
        n = len(line)
        gap += 1
        if n:
            s = line.strip()
            if s:
                # strip() hands back the line itself when there was nothing to strip
                a = pos if s is line else pos + line.find(s)
                out.append(_Line(a, a + len(s), gap, s))
                gap = 0
        pos += n + 1
    return out


def _ends_sentence(s: str) -> bool:
    """Whether a line ends like a sentence (final punctuation, possibly inside closing quotes).

    >>> _ends_sentence('He left.”'), _ends_sentence('Why the Amazon could be at risk of “collapsing”')
    (True, False)
    """
    s = s.rstrip("”’\"')]」』）》】")
    return bool(s) and s[-1] in ".!?…:;,。！？：；，、．"


def _headline_like(s: str, max_words: int = 25) -> bool:
    """A linked headline: capitalized, at most ``max_words`` words, not ending like a sentence.

    >>> _headline_like("'Stop the words of hate,' rabbi urges leaders"), _headline_like("He left.")
    (True, False)
    """
    return s.lstrip("‘'\"“")[:1].isupper() and s.count(" ") < max_words and not _ends_sentence(s)


_SMALL_WORDS = frozenset("a an the and or but nor for of to in on at by with from as vs via into over than up out off "
                        "is are was be".split())


def title_case(s: str, min_words: int = 5) -> bool:
    """Whether ``s`` is in headline title case: at least ``min_words`` words, and all but
    small words (of, the, to, ...) capitalized, allowing one exception in eight (a brand in
    lower case, "iPhone").

    >>> title_case("Trump Cost From Fed Rate Hikes May Already Top $5 Million a Year")
    True
    >>> title_case("Three men indicted on murder charges in killing of a jogger")
    False
    """
    words = [w.strip("“”\"‘’'()[],.:;!?—–-") for w in s.split()]
    words = [w for w in words if w]
    if len(words) < min_words:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS or w[0].isupper()]
    lower = sum(1 for w in big if not (w[0].isupper() or w[0].isdigit() or w[0] in "$£€#@"))
    return len(big) >= min_words - 1 and lower * 8 <= len(big) and big[0][0].isupper()


def _furniture_line(s: str, edge: bool, ends: bool) -> str | None:
    """The kind of whole-line furniture the line ``s`` is, else None.  ``edge``: the line is
    among the first or last few; ``ends``: it ends like a sentence.  A bullet or a dash before
    a line of furniture ("- Follow us on Twitter", "⦁ Jane Roe contributed to this report.")
    leaves it furniture; a bulleted line of capitals stays (a list of points in capitals)."""
    kind = _furniture_shape(s, edge, ends)
    if kind is None and s[0] in _BULLET_CHARS:
        m = _BULLET_PREFIX.match(s)
        if m and m.end() < len(s):
            rest = s[m.end():]
            kind = _furniture_shape(rest, edge, ends)
            if (kind not in _BULLETED_KINDS or (kind == "related" and rest.isupper())
                    or (kind == "date_line" and _DATE_ONLY.fullmatch(rest))):
                kind = None  # capitals and a bare date after a dash: a list, a quote's date
    n = len(s)
    if kind is None and 5 <= n <= 81 and n % 2 and s[n // 2] == " " and s[:n // 2] == s[n // 2 + 1:]:
        # A label printed twice on one line ("Advertisement Advertisement"): the label's kind,
        # when the label alone is a label of furniture (a short line, not a sentence).
        half = s[:n // 2]
        kind = _furniture_shape(half, edge, _ends_sentence(half))
        if kind not in _LABEL_KINDS:
            kind = None
    return kind


_LABEL_KINDS = frozenset({"ad", "share", "media", "related", "newsletter"})


def _furniture_shape(s: str, edge: bool, ends: bool) -> str | None:
    """The kind of whole-line furniture of :func:`_furniture_line`, bullets aside.  The cheap
    tests come first: most lines are prose and fail all of them at once.  The phases: shapes
    of any length (:func:`_any_length_shape`), of a line of up to 400 characters
    (:func:`_short_line_shape`), by how the line ends (:func:`_line_end_shape`), and by a
    marker word (:func:`_marker_shape`).

    >>> _furniture_shape("Advertisement", False, False), _furniture_shape("Biden agreed.", False, True)
    ('ad', None)
    """
    n = len(s)
    c0 = s[0]
    kind = _any_length_shape(s, n, c0)
    if kind:
        return kind
    if n <= 400:
        kind = _short_line_shape(s, n, c0, edge, ends)
        if kind != _UNDECIDED:
            return kind
    if not ends:
        kind = _line_end_shape(s, n)
        if kind:
            return kind
    return _marker_shape(s, n, edge, ends)


# What a phase of _furniture_shape returns when it has not settled the line (None: it stays).
_UNDECIDED = "?"


def _any_length_shape(s: str, n: int, c0: str) -> str | None:
    """Shapes of a line of any length, each behind its cheap test: a long note under its label,
    an app's download prompt, a slideshow flattened into one line, a player's markup."""
    if 400 < n <= 1500 and c0 in "ECc" and _NOTE_LABEL.match(s):
        return "editors_note"  # a long note under its own label: "Editor's note: An earlier version ..."
    if ("ndroid" in s or "iPhone" in s) and n <= 400 and _APP_PROMO.search(s):
        return "ad"  # "... Download Acme News for iPhone here or Acme News for Android here."
    if "Hide Caption" in s and (s.startswith(("Photos:", "Photo:")) or len(_GALLERY_COUNTER.findall(s)) >= 2
                                or _GALLERY_ITEM_END.search(s)):
        return "media"  # a slideshow flattened into one line: "Photos: ... Hide Caption 1 of 37 ..."
    if '="http' in s and _MARKUP_URL.search(s):
        return "media"  # a video player's markup with its card: 'Clip title poster="http://.../x.jpg"'
    return None


def _shape_key(s: str, c0: str) -> str:
    """The key of the whole-line shapes a line may have (:data:`_WHOLE`): its first word
    without a colon or final punctuation ("" for "A" and "The" unless a shape can follow)."""
    if c0 in "(©":
        key = s[:3] if s[:3] in ("(c)", "(C)") else c0
    else:
        sp = s.find(" ")
        key = s if sp < 0 else s[:sp]
        k = key.find(":")
        key = (key if k < 0 else key[:k]).rstrip(".,;!?…")
        if "…" in key or "..." in key:  # "Credit...Jane Roe": the word before the dots
            key = key.split("…", 1)[0].split("...", 1)[0]
    # Prose opens with "A ..." and "The ..." all the time: those keys' shapes are tried
    # only when the line's next words can begin one.
    if key == "A" and not s.startswith(_A_SHAPES):
        key = ""
    elif key == "The" and not s.startswith(_THE_SHAPES):
        key = ""
    return key


def _short_line_shape(s: str, n: int, c0: str, edge: bool, ends: bool) -> str | None:
    """The shapes of a line of up to 400 characters: keyed by its first word, then prompts and
    notes, then (for a line that ends like a sentence and runs past 160 characters) only the
    few shapes a long sentence may have; else the short lines' own shapes.  ``_UNDECIDED``
    when none settles it."""
    key = _shape_key(s, c0)
    kind = _keyed_shape(s, key, edge)
    if kind:
        return kind
    kind = _prompt_shape(s, n, edge, ends)
    if kind:
        return kind
    if ends and n > 160:
        # A long line that ends like a sentence: of the shapes below only an embedded post
        # that names its author first can be one.
        if s.find("(@", 0, 120) >= 0 and _EMBED_HEAD.match(s):
            return "social_embed"
        if edge and n <= 700 and _MARKER_WORD.search(s, max(0, n - 160)):
            return _marked(s)
        if n <= 700 and "ewsletter" in s:  # a sign-up box set between paragraphs
            return _marked(s)
        return None
    return _short_furniture_shape(s, n, c0, key, ends)


def _keyed_shape(s: str, key: str, edge: bool) -> str | None:
    """The whole-line shape keyed by the line's first word (and at an edge, the edge shapes)."""
    pat = _WHOLE.get(key)
    if pat is not None:
        m = pat.fullmatch(s)
        if m and not (m.lastgroup == "related" and _prose_after_label(s)):
            return m.lastgroup
    if edge:
        pat = _EDGE.get(key)
        if pat is not None:
            m = pat.fullmatch(s)
            if m:
                return m.lastgroup
    return None


def _prompt_shape(s: str, n: int, edge: bool, ends: bool) -> str | None:
    """Contact lines, transcript notes, contributor lines, "click here" prompts and calls for
    readers' stories."""
    if "@" in s and s.count(" ") < 60 and _is_contact(s):
        return "author_bio"
    if edge and "transcript" in s and _TRANSCRIPT_NOTE.match(s):
        return "editors_note"
    if ends and not edge and (s.endswith(_CONTRIBUTED_ENDS) or " contributed reporting" in s) and s.count(" ") < 40 \
            and not _SENTENCE_BREAK.search(s):
        # "- Jane Roe contributed to this report." names itself: furniture anywhere (a live
        # story's sections each end with one), when it is the line's one sentence.
        if _marked(s) == "contributor":
            return "contributor"
    if ends and n <= 300 and s.endswith(_CLICK_ENDS) and s.count(" ") < 40 and _CLICK_TAIL.search(s):
        return "share"
    if ("you" in s or "You" in s) and ("hare" in s or "contact" in s or "hear" in s or "ell us" in s or "form to" in s
                                       or "Send" in s or "send" in s) \
            and s.count(" ") < 60 and _CALL_OUT.search(s) and _YOU.search(s) and not any(q in s for q in "“”\""):
        return "share"  # a call for readers' stories, not the story
    return None


def _short_furniture_shape(s: str, n: int, c0: str, key: str, ends: bool) -> str:
    """The shapes of a short line (a credit, a separator, capitals, a date, an embed's head, a
    bare link, a placeholder, a bracketed link, a player's markup, a slot's promo or a card),
    else ``_UNDECIDED``."""
    if n <= 160 and "/" in s and s.count(" ") < 12 and _CREDIT_LINE.fullmatch(s):
        return "photo_credit"
    if c0 in _SEPARATOR_CHARS and _SEPARATOR.fullmatch(s):
        return "separator"
    if n <= 300 and s.isupper():
        words = s.count(" ") + 1
        if s[-1] == ":" and words <= 6:
            return "section_label"
        if words >= 5 and sum(c.isalpha() for c in s) >= 12:
            return "related"
        if words >= 3 and not ends and s.find(": ", 3) > 0:
            return "related"  # a topic and a linked headline in capitals: "CORONAVIRUS: WHAT TO KNOW"
    if (key in _MONTH_WORDS or c0.isdigit()) and _DATE_ONLY.fullmatch(s):
        return "date_line"
    if s.find("(@", 0, 120) >= 0 and _EMBED_HEAD.match(s):
        return "social_embed"
    if c0 == "h" and s.startswith(("http://", "https://")) and " " not in s:
        return "media"  # a bare link: the embedded player or page it stood for is gone
    if c0 in "[{" and _PLACEHOLDER.fullmatch(s):
        return "placeholder"
    if c0 == "[" and _BRACKET_LINK.fullmatch(s):
        return "related"
    if c0 == "p" and s.startswith('poster="'):
        return "media"  # a video player's markup, its poster image and the video's title
    return _slot_promo_or_card(s, c0, n) or _UNDECIDED


def _line_end_shape(s: str, n: int) -> str | None:
    """The shapes of a line that does not end like a sentence, read at its end: an embedded
    post's link or attribution, an audio player, a "Read more" card, a box's label, a glued
    link."""
    last = s[-1]
    # A post's link ends the line ("... pic.twitter.com/k4qqX9"), whether its last
    # character is a letter or a digit.
    if last.isalnum() and ((s.find("t.co/", max(0, n - 40)) >= 0 or s.find("twitter.com/", max(0, n - 50)) >= 0)
                           and _EMBED_LINK_TAIL.search(s, max(0, n - 50)) and s.count(" ") < 100):
        return "social_embed"
    if last.isdigit():
        if s.find("(@", max(0, n - 120)) >= 0 and (_EMBED_TAIL.search(s, max(0, n - 120))
                                                    or _EMBED_ALONE.fullmatch(s)):
            return "social_embed"
        if s.find(" on ", max(0, n - 120)) >= 0 and _FB_POST_TAIL.search(s, max(0, n - 160)):
            return "social_embed"  # a Facebook post's signature: "Posted by Jane Roe on Tuesday, May 2, 2019"
        if s.find("Listen · ", max(0, n - 40)) >= 0 and s.count(" ") < 60:
            return "media"  # an audio player: "... Listen · 6:01 6:01"
    elif last.isalnum():
        kind = _word_end_shape(s, n)
        if kind:
            return kind
    if n <= 250 and _GLUED_LINK.match(s):
        return "related"
    return None


def _word_end_shape(s: str, n: int) -> str | None:
    """The shapes of a line that ends on a letter (no final punctuation): a card's "Read more",
    a player's "Listen", a box's label, an embed's "Report" button, a photo post, a slideshow,
    a video's site, a brand's link."""
    if n <= 600 and s.endswith(" Read more") and s.count(" ") < 32 and s.lstrip("‘'\"“")[:1].isupper():
        return "related"
    if n <= 300 and s.endswith((" Listen", " LISTEN", " Watch", " WATCH")) and s.count(" ") < 45:
        return "media"  # an audio or video card: "From 'The Show': Jane Roe on the storm Listen"
    if n <= 250 and s.endswith(_RELATED_LABEL_ENDS):
        return "related"  # a box's label run on after its tag line: "... Related Stories"
    if s.endswith(" Report") and s.find("(@", max(0, n - 130)) >= 0 and _EMBED_TAIL.search(s, max(0, n - 130)):
        return "social_embed"  # the attribution, then the embed's "Report" button
    if s.find(" posted by ", max(0, n - 160)) >= 0 and _PHOTO_POST.search(s, max(0, n - 160)):
        return "social_embed"
    if s.endswith("Facebook") and _SLIDESHOW.search(s):
        return "media"
    if n <= 300 and _SITE_TAIL.search(s, max(0, n - 40)):
        return "media"  # an embedded video's title over the site it plays from
    if n <= 250 and s.find(": ", max(0, n - 24)) >= 0 and _BRAND_LINK.fullmatch(s):
        return "related"
    return None


def _marker_shape(s: str, n: int, edge: bool, ends: bool) -> str | None:
    """Contributor, copyright and paywall lines stand at the edges and name themselves near
    their end; a prompt that does not end like a sentence may stand anywhere."""
    if n <= 700 and (not ends or edge) and _MARKER_WORD.search(s, 0 if not ends else max(0, n - 160)):
        return _marked(s)
    if ends and n <= 700 and "ewsletter" in s:
        return _marked(s)
    return None


def _prose_after_label(s: str) -> bool:
    """A label and a colon before a paragraph of the story's own sentences ("Up next: Jane Roe,
    whose job was ... She was as persuasive as usual, ..."): a linked headline, even with its
    dek, is shorter than 45 words; a paragraph this long with two sentences is prose.

    >>> _prose_after_label("Up next: Roe, who spoke second. " + "She was as persuasive as usual " * 8)
    True
    >>> _prose_after_label("Read more: Small firms are the battleground. Four managers share their picks.")
    False
    """
    k = s.find(": ", 0, 30)
    return k > 0 and s.count(" ", k) >= 45 and bool(_SENTENCE_BREAK.search(s, k + 2))


_CONTRIBUTED_ENDS = ("contributed to this report.", "contributed to this story.", "contributed to this article.",
                     "contributed this report.", "contributed to this report", "contributed reporting.")
# A line that sends the reader to a link in its last words: "Obama Movie Exposes His Vision. Click
# here.", "To continue reading Jane Roe's column on other topics, click here."  (The words must
# start the line's last sentence or follow its comma: "He told me to click here." is a story's.)
_CLICK_ENDS = ("lick here.", "lick here", "lick here!", "LICK HERE.", "LICK HERE")
_CLICK_TAIL = re.compile(r"(?:\A|[.!?]”? |, )(?:[Cc]lick|CLICK|[Tt]ap|TAP) (?:here|HERE)[.!]?\Z")


# A call for readers' stories: "Are protests taking place near you? Please share photos, videos and
# thoughts with us.", "Share your story: Are you seeing higher premiums?", "Please include a
# contact number if you are willing to speak to a journalist."  It speaks to the reader (_YOU)
# and quotes no one ("“Share your stories,” the mayor said." is the story's).
_CALL_OUT = re.compile(r"(?:\A|[.!?] )(?:Please )?(?:[Ss]hare|[Ss]end|[Tt]ell us) (?:us )?(?:your )?(?:photos|pictures|videos"
                       r"|stories|story|experiences?|thoughts|tips)\b|\AUse (?:this|the) form (?:below |above )?to (?:ask|send|share|submit)\b"
                       r"|\bWe want to hear (?:your|from you)\b|\bPlease include a contact number\b|\b[Yy]ou can also contact us\b")
_YOU = re.compile(r"\b(?:you|your|You|Your)\b")


def _slot_promo_or_card(s: str, c0: str, n: int) -> str | None:
    """A template's numbered slot, a house promo ending in a sign-up sentence, or a label
    with a headline in title case (see _TEMPLATE_ID, _SIGN_UP_TAIL, _TITLE_LABELS)."""
    if c0.islower() and n <= 40 and _TEMPLATE_ID.fullmatch(s):
        return "placeholder"
    if n <= 400 and ("Sign up" in s or "SIGN UP" in s or "Subscribe" in s) \
            and c0 not in "“\"‘" and _SIGN_UP_TAIL.search(s):
        return "newsletter"
    if s.startswith(_TITLE_LABELS) and n <= 250 and title_case(s[s.find(": ") + 2:], 4):
        return "related"
    # A poll promo: "Should the Mayor Resign? Vote Here!", and its label alone ("Vote Now:").
    if n <= 200 and s.endswith(_VOTE_ENDS) and "? " in s:
        return "ad"
    if n <= 20 and s.endswith(":") and s[:-1].rstrip() in _POLL_LABELS:
        return "ad"
    return None


def _is_contact(s: str) -> bool:
    """Whether a line with an ``@`` is a contact line: an e-mail address, a word that asks the
    reader to write, and no quotation before the address (a quoted e-mail is the story's)."""
    m = _EMAIL.search(s)
    if not m:
        return False
    head = s[:m.start()]
    if any(q in head for q in "“\""):
        return False
    # "Jane Roe: 502-555-0100; jroe@x.com; Twitter: @jroe": a reporter's contact row.
    return bool(_CONTACT_WORDS.search(s) or (s.count(" ") < 40 and _PHONE.search(s)))


def _marked(s: str) -> str | None:
    """The kind of a line that carries one of _MARKER_WORD's words, if its shape is one."""
    m = _MARKED.fullmatch(s)
    if m and (m.lastgroup != "newsletter" or (s[0] not in "“\"‘" and ("If you" in s or _SIGN_UP.search(s)))) \
            and s.count(" ") < 100:
        return m.lastgroup  # (a prompt is not a quotation: "“We looked at Subscribe Star,” he said.")
    return None


def _removal(text: str, lines: list[_Line], i: int) -> tuple[int, int]:
    """The span that removes line ``i`` (and the white space after it, or for the last line the
    white space before it), so that no blank run is left behind."""
    a, b = lines[i].a, lines[i].b
    if i + 1 < len(lines):
        return _line_start(text, a), _line_start(text, lines[i + 1].a)
    start = lines[i - 1].b if i else 0
    return start, len(text)


def _line_start(text: str, a: int) -> int:
    """The start of the line that holds position ``a``."""
    return text.rfind("\n", 0, a) + 1


def page_furniture(text: str) -> RuleOutput:
    """Page furniture, line by line: each change is named by its kind (``FURNITURE_KINDS``).

    Whole lines: ads, share and follow prompts, newsletter and paywall prompts, copyright
    lines, related-link lines and cards, video and slideshow labels, photo credits,
    contributor lines, bylines and author bios, embedded posts, story highlights, pull quotes
    (a line that repeats a sentence of the body), separator lines and section labels, editor's
    notes and time stamps.  Inline pieces: a dateline (at the start of any line), an
    ``Update:`` label, hover cards and ``(RELATED: ...)``.  Returns ``(changes, metadata)``
    with each change ``(start, end, "", kind)``; metadata from the first dateline and date line.

    >>> t = "WASHINGTON (AP) — Biden agreed.\\n\\nAdvertisement\\n\\nJane Doe contributed to this report."
    >>> changes, meta = page_furniture(t)
    >>> [(text, kind) for text, kind in ((t[s:e], k) for s, e, _, k in changes)]
    [('WASHINGTON (AP) — ', 'dateline'), ('Advertisement\\n\\n', 'ad'), ('Jane Doe contributed to this report.', 'contributor')]
    >>> meta
    {'dateline': 'WASHINGTON', 'credit': 'AP'}
    """
    lines = _text_lines(text)
    if not lines:
        return [], {}
    n = len(lines)
    kinds: list[str | None] = [None] * n  # whole-line furniture; "" = taken by a prefix
    inline: list[tuple[int, int, str]] = []  # (raw start, raw end, kind) of pieces inside lines
    meta: dict = {}
    singles: list[int] = []  # lines that may repeat another line (pull quotes)
    for i, (a, b, _gap, s) in enumerate(lines):
        pos = _line_prefixes(text, i, a, b, meta, inline) if _may_open_with_prefix(i, s) else a
        if pos >= b:  # the prefixes were the whole line
            kinds[i] = ""
            continue
        if pos > a:
            s = text[pos:b]
        ends, kind = _whole_line_kind(s, i, n)
        if kind is not None:
            if pos == a:
                kinds[i] = kind
            else:
                inline.append((pos, b, kind))
            continue
        _inline_pieces(text, pos, b, s, inline)
        spaces = s.count(" ")
        if (ends or lines[i].s[0] in "“\"" or spaces >= 7) and 2 < spaces < 60:
            singles.append(i)
    _line_rules(text, lines, kinds, singles, inline)
    return _furniture_changes(text, lines, kinds, inline), meta


def _may_open_with_prefix(i: int, s: str) -> bool:
    """The gate of :func:`_line_prefixes`: whether line ``i`` (text ``s``) may open with a
    prefix.  Most prose opens with a capital and lower case, and is let through only at the top
    when a dash follows soon (a mixed-case dateline).

    >>> _may_open_with_prefix(5, "WASHINGTON (AP) — Biden agreed."), _may_open_with_prefix(5, "Biden agreed.")
    (True, False)
    """
    c0 = s[0]
    return (i == 0 or c0 in "UPLFS(" or s[1:2].isupper() or (c0.isupper() and s.find(" (", 1, 48) > 0)
            or (i < 3 and c0.isupper() and (s.find("—", 1, 40) > 0 or s.find("-", 1, 40) > 0
                                            or s.find("–", 1, 40) > 0)))


def _line_prefixes(text: str, i: int, a: int, b: int, meta: dict, inline: list[tuple[int, int, str]]) -> int:
    """Where line ``i`` (``text[a:b]``) goes on after its prefixes: a date line (first line
    only), a time stamp, an "Update:" label, a "Share ... for:" label, a dateline; one may
    follow another (three at most).  Each prefix is added to ``inline``; the first dateline and
    date line fill ``meta``.

    >>> t = "WASHINGTON (AP) — Biden agreed."; inline = []; meta = {}
    >>> _line_prefixes(t, 0, 0, len(t), meta, inline), inline, meta
    (18, [(0, 18, 'dateline')], {'dateline': 'WASHINGTON', 'credit': 'AP'})
    """
    pos = a
    for _ in range(3):
        if pos >= b:
            break
        if i == 0 and pos == a:
            m = _DATE_LINE.match(text, pos)
            if m and m.end() > pos:
                meta.setdefault("date", _iso_date(m.group("d1") or m.group("d2")))
                inline.append((pos, m.end(), "date_line"))
                pos = m.end()
                continue
        m = _PREFIX.match(text, pos)
        if m:
            inline.append((pos, m.end(), m.lastgroup))
            pos = m.end()
            continue
        c = text[pos]
        if c == "(" or c.isupper():
            found = _dateline_at(text, pos, top=i < 3 and pos == a)
            if found and found[0] > pos:
                if "dateline" not in meta and "credit" not in meta:
                    meta.update(found[1])
                inline.append((pos, found[0], "dateline"))
                pos = found[0]
                continue
        break
    return pos


def _whole_line_kind(s: str, i: int, n: int) -> tuple[bool, str | None]:
    """``(ends, kind)`` of line ``i`` of ``n`` (its text after any prefix ``s``): whether it ends
    like a sentence, and its kind of whole-line furniture (None: it stays).

    >>> _whole_line_kind("Advertisement", 4, 9), _whole_line_kind("Biden agreed.", 4, 9)
    ((False, 'ad'), (True, None))
    """
    last = s[-1]
    ends = last in _STOPS or (last in _CLOSERS and s.rstrip(_CLOSERS)[-1:] in _STOPS)
    edge = i < 3 or i >= n - 6
    if ends and not edge and len(s) > 160 and not _may_start_shape(s) and "@" not in s and "ewsletter" not in s \
            and '="http' not in s and "Hide Caption" not in s:
        return ends, None  # a long paragraph of prose: no whole-line shape can be it
    return ends, _furniture_line(s, edge, ends)


def _inline_pieces(text: str, pos: int, b: int, s: str, inline: list[tuple[int, int, str]]) -> None:
    """Furniture inside a line that stays (``s`` = ``text[pos:b]``), added to ``inline``: hover
    cards, "(RELATED: ...)", "[READ: ...]", a hat tip, and furniture glued after the line's last
    sentence.  Each pattern runs only when the line holds one of its words.

    >>> t = "The senator spoke (RELATED: Senate votes) on Monday."; inline = []
    >>> _inline_pieces(t, 0, len(t), t, inline); [t[x:y] for x, y, _ in inline]
    [' (RELATED: Senate votes)']
    """
    if "MORE" in s:
        for m in _HOVER_CARD.finditer(text, pos, b):
            g = "card" if m.group("card") is not None else "card2"
            inline.append((m.start(g), m.end(g), "hover_card"))
    if "(" in s and ": " in s:
        for m in _INLINE_RELATED.finditer(text, pos, b):
            inline.append((m.start(), m.end(), "related"))
    if "[" in s and ": " in s:
        for m in _INLINE_BRACKET.finditer(text, pos, b):
            inline.append((m.start(), m.end(), "related"))
    if "/T" in s or "/t" in s:
        for m in _HAT_TIP.finditer(text, pos, b):
            inline.append((m.start(), m.end(), "related"))
    if _may_have_tail(s):
        # Furniture glued after the line's sentences: "... on Monday. READ MORE: A headline",
        # "... speech. Click here to read it.", "... Monday. Advertisement The aides left."
        for m in _TAIL_FURNITURE.finditer(text, pos, b):
            inline.append((m.start() + 2, m.end(), m.lastgroup))


def _may_have_tail(s: str) -> bool:
    """Whether the line holds a word of :data:`_TAIL_FURNITURE` (the words test first: the
    pattern's anchor, a sentence's end, is in every line)."""
    # (Grouped by what each shape needs: a colon for a label and a video's link, a parenthesis
    # for a wire story's credits; then the words of the shapes that need neither.)
    return ((":" in s and ("ore" in s or "ORE" in s or "elated" in s or "ELATED" in s or "ee also" in s
                           or "EE ALSO" in s or "LSO READ" in s or "http" in s))
            or ("(" in s and "eporting " in s)
            or "lick here" in s or "LICK HERE" in s or "ap here" in s or "AP HERE" in s
            or "dvertisement" in s or "DVERTISEMENT" in s or "tory continues below" in s
            or "ontinue reading the main" in s or "toggle caption" in s or "ore here" in s or "ORE HERE" in s)


def _line_rules(text: str, lines: list[_Line], kinds: list[str | None], singles: list[int],
                inline: list[tuple[int, int, str]]) -> None:
    """The rules that read a line with its neighbours or its place, in order (each sees the
    kinds the ones before it set): blocks of several lines, cards, bylines and bios by their
    place, summaries, echoes and copies of the body's lines, and the top photo line."""
    _timeline_dates(lines, kinds)
    _blocks(text, lines, kinds)
    _title_case_cards(lines, kinds)
    _tail_link_box(lines, kinds)
    _position_rules(text, lines, kinds)
    _section_bylines(text, lines, kinds)
    _summary_bullets(text, lines, kinds)
    _furniture_echoes(lines, kinds)
    _pull_quotes(text, lines, kinds, singles)
    _verbatim_copies(text, lines, kinds, singles)
    _display_quotes(lines, kinds)
    top = _top_photo_credit(text, lines, kinds)
    if top:
        inline.append((*top, "photo_credit"))


def _furniture_changes(text: str, lines: list[_Line], kinds: list[str | None],
                       inline: list[tuple[int, int, str]]) -> list:
    """The changes ``(start, end, "", kind)`` that remove the whole lines of ``kinds`` (with the
    white space after them) and the ``inline`` pieces, in text order, overlaps resolved."""
    changes = []
    for i, kind in enumerate(kinds):
        if kind:
            s, e = _removal(text, lines, i)
            changes.append((s, e, "", kind))
    changes.extend((s, e, "", k) for s, e, k in inline)
    changes.sort()
    return _disjoint(changes)


def _timeline_dates(lines: list[_Line], kinds: list[str | None]) -> None:
    """Dates alone on their lines below the top, two or more of them, each over a line: the
    entries of a timeline ("Jan. 7, 2015" over what happened that day), the story's own lines.
    A page stamps its date once, at the top (or under the last line).

    >>> ls = _text_lines("A.\\nB.\\nC.\\nJan. 7, 2015\\nX happened.\\nNov. 13, 2015\\nY happened.\\nD.\\nE.\\nF.\\nG.\\nH.\\nI.")
    >>> ks = [None] * len(ls); ks[3] = ks[5] = "date_line"; _timeline_dates(ls, ks); ks[3], ks[5]
    (None, None)
    """
    n = len(lines)
    mid = [i for i in range(3, n - 1) if kinds[i] == "date_line" and _DATE_ONLY.fullmatch(lines[i].s)]
    if len(mid) >= 2:
        for i in mid:
            kinds[i] = None


def _disjoint(changes: list) -> list:
    """Changes (sorted) clipped so that none overlaps the one before it; a change inside an
    earlier one (an inline piece of a removed line) is dropped."""
    out = []
    end = -1
    for c in changes:
        if c[1] <= end:
            continue
        if c[0] < end:
            c = (end, c[1], c[2], c[3])
        out.append(c)
        end = c[1]
    return out


def _blocks(text: str, lines: list[_Line], kinds: list[str | None]) -> None:
    """Furniture that spans several lines: the first parts of an embedded post, the headlines
    under a "Read more:" label (:func:`_post_and_label_blocks`), story highlights
    (:func:`_highlight_blocks`), a box of links at the end (:func:`_end_link_box`), and a label
    with a headline set between two paragraphs, a related-link card (:func:`_label_cards`)."""
    _post_and_label_blocks(lines, kinds)
    _highlight_blocks(lines, kinds)
    _end_link_box(lines, kinds)
    _label_cards(lines, kinds)


def _post_and_label_blocks(lines: list[_Line], kinds: list[str | None]) -> None:
    """Above an embedded post's attribution, the lines of the post; under a "Read more:" label
    alone, the headlines of its links."""
    usual = None  # the usual gap between the story's paragraphs (read when a post needs it)
    for i in range(len(lines)):
        if kinds[i] == "social_embed":
            if usual is None:
                gaps = [ln.gap for ln in lines[1:]]
                usual = max(set(gaps), key=gaps.count) if gaps else 2
            _post_lines_above(lines, kinds, i, usual)
        elif kinds[i] == "related" and _LABEL_ONLY.fullmatch(lines[i].s):
            _headlines_under_label(lines, kinds, i)


def _post_lines_above(lines: list[_Line], kinds: list[str | None], i: int, usual: int) -> None:
    """The lines of the post whose attribution is line ``i``: the line above an attribution
    alone, and the lines above set with wider gaps than the story's ``usual`` one."""
    if i > 0 and kinds[i - 1] is None and _EMBED_ALONE.fullmatch(lines[i].s):
        # The attribution alone on its line (as an HTML page's extracted text gives
        # it): the line above is the post's text, unless it introduces the post.
        prev = lines[i - 1].s
        if not prev.endswith(":") and prev.count(" ") <= 80:
            kinds[i - 1] = "social_embed"
    # A post in several paragraphs is set with wider gaps than the story's paragraphs:
    # the lines above its attribution belong to it while the gap before each is wide.
    j = i
    while j > 0 and lines[j].gap > usual and kinds[j - 1] is None and i - j < 4:
        if lines[j - 1].s.count(" ") > 80:
            break
        j -= 1
        kinds[j] = "social_embed"


def _headlines_under_label(lines: list[_Line], kinds: list[str | None], i: int) -> None:
    """"Read more:" alone on line ``i``: the headlines under it are links too (eight at most),
    also when the page set an ad or another piece of furniture between them."""
    n = len(lines)
    j, found = i + 1, 0
    while j < n and found < 8:
        if kinds[j] is not None:
            if kinds[j] in _BETWEEN_LINKS:
                j += 1
                continue
            break
        t = lines[j].s
        if not (_headline_like(t, 25) or _LINK_ROW.fullmatch(t)):
            break
        kinds[j] = "related"
        found += 1
        j += 1


def _highlight_blocks(lines: list[_Line], kinds: list[str | None]) -> None:
    """In the first lines: "Story highlights" and the short lines under it; a section label
    ("TOP OF THE HOUR:") over two or more dashed bullets that sum up the story below."""
    n = len(lines)
    for i in range(min(n, 8)):
        s = lines[i].s
        if s.startswith(_STORY_HIGHLIGHTS) and kinds[i] is None:
            kinds[i] = "highlights"
            j = i + 1
            while j < n and j - i <= 8 and kinds[j] is None:
                t = lines[j].s
                if _ends_sentence(t) or t.count(" ") > 30:
                    break
                kinds[j] = "highlights"
                j += 1
        elif kinds[i] == "section_label" and i + 2 < n:
            j = i + 1
            while j < n and j - i <= 10 and kinds[j] is None:
                t = lines[j].s
                if not (t[:2] in ("— ", "• ", "- ", "– ") and t.count(" ") < 30):
                    break
                j += 1
            if j - i >= 3:
                for k in range(i, j):
                    kinds[k] = "highlights"


def _end_link_box(lines: list[_Line], kinds: list[str | None]) -> None:
    """A box of links at the end: three or more "Label: Headline" lines ("Long read: ...",
    "Video: ..."), and the box's heading above them."""
    n = len(lines)
    i = max(0, n - 12)
    while i < n:
        j = i
        while j < n and (kinds[j] in ("related", "media") or kinds[j] is None
                         and _is_link_line(lines[j].s)):
            j += 1
        if j - i >= 3 and n - j <= 3:
            links = sum(kinds[k] is None for k in range(i, j))
            for k in range(i, j):
                kinds[k] = kinds[k] or "related"
            h = i - 1
            while h >= 0 and kinds[h] is not None:
                h -= 1
            # The box's own heading ("The Armistice 100 years on") when it is a box of links.
            if links >= 2 and h > 0 and "(" not in lines[h].s and _headline_like(lines[h].s, 8):
                kinds[h] = "related"
            break
        i = j + 1


def _label_cards(lines: list[_Line], kinds: list[str | None]) -> None:
    """A section label ("World News") and a headline, between two lines that end like
    sentences: a related-link card.  A subhead is one line followed by prose; lists and runs
    of headings are not set between prose paragraphs."""
    n = len(lines)
    for i in range(1, n - 2):
        if lines[i].b - lines[i].a > 30 or kinds[i] is not None or kinds[i + 1] is not None:
            continue
        if not _is_label(lines[i].s):
            continue
        if (_is_card_headline(lines[i + 1].s) and lines[i - 1].s.endswith(_SENTENCE_END)
                and lines[i + 2].s.endswith(_SENTENCE_END)):
            kinds[i] = kinds[i + 1] = "related"


def _title_case_cards(lines: list[_Line], kinds: list[str | None]) -> None:
    """Linked headlines in title case below the top lines: one too long for a subhead (13
    words or more), or three or more in a row (a box of links; the paragraph kinds would
    read such a run as the rows of a list and keep it as body).  A table's row in title case
    ("Corporate Loss Treatment: $88.70 billion") has a label and a value and stays."""
    n = len(lines)
    card = [False] * n
    # (Most lines end like a sentence: the last character settles them before any other test.)
    for i in range(2, n):
        s = lines[i].s
        if s[-1] not in _STOPS and kinds[i] is None and _title_case_card(s):
            card[i] = True
            if s.count(" ") >= 12 and ", " not in s:
                kinds[i] = "related"
    if sum(card) < 3:
        return  # no run of three
    i = 2
    while i < n:
        j, found = i, []
        while j < n and (card[j] or kinds[j] in _BETWEEN_LINKS):
            if card[j]:
                found.append(j)
            j += 1
        # A list the story introduces ("The bills signed:") is the story's; names and
        # products ("Jane Roe, Judge of the Court", "Acme Gel Hand Sanitizer") are shorter than
        # headlines or carry commas and numbers.
        if (len(found) >= 3 and not lines[i - 1].s.endswith(":")
                and all(lines[k].s.count(" ") >= 6 and ", " not in lines[k].s
                        and not any(c.isdigit() for c in lines[k].s) for k in found)):
            for k in found:
                kinds[k] = "related"
        i = j + 1


def _title_case_card(s: str) -> bool:
    """A headline in title case, not a caption, a list of names (commas), a table's row
    (numbers, ``Label: value``) or a quoted title after a label (``H.R. 1: "An Act ..."``)."""
    if s.count(" ") < 4 or _ends_sentence(s) or not s[:1].isupper() or s.count(", ") > 1 \
            or s.startswith(("Update", "UPDATE")):
        return False
    if sum(1 for w in s.split() if any(c.isdigit() for c in w)) > 2 or _row_value(s):
        return False
    k = s.find(": ")
    if k > 0 and s[k + 2:k + 3] in "\"“‘'":
        return False
    return title_case(s, 5) and not is_caption(s)


def _tail_link_box(lines: list[_Line], kinds: list[str | None]) -> None:
    """Three or more headlines after the story's last sentence, to the end of the text (a
    box of links with or without its label: "Also on the Ticker", "- A headline", ...).
    A list the last paragraph introduces ("The board:" over its members) is the story's, and
    so is a run of two (a section heading and one line, a signature)."""
    n = len(lines)
    j, heads = n, []
    while j > 0:
        k = kinds[j - 1]
        s = lines[j - 1].s
        if k is None:
            t = s[2:] if s[:2] in ("- ", "• ", "– ", "— ") else s
            if not (_headline_like(t, 25) and t.count(" ") >= 1):
                break
            heads.append(j - 1)
        elif k not in _BETWEEN_LINKS and k != "related":
            break
        j -= 1
    if len(heads) < 3 or j == 0 or j > n - 3:
        return
    prev = lines[j - 1].s
    if not _ends_sentence(prev) or prev.rstrip("”’\"')")[-1:] == ":" or kinds[j - 1] is not None:
        return
    if _continues_a_list(lines, j, heads):
        return
    for i in heads:
        kinds[i] = "related"


def _continues_a_list(lines: list[_Line], j: int, heads: list[int]) -> bool:
    """Whether the lines ``heads`` after line ``j`` carry the labels of a list the story
    already runs above them ("TARGET: ..." and "ATTACKER: ..." entries of a timeline): the
    list's last entries, not a box of links, which repeats no label of the story's body."""
    def label(s: str) -> str | None:
        k = s.find(": ")
        return s[:k] if 0 < k <= 24 and s[:k].count(" ") <= 2 else None

    above = {label(lines[i].s) for i in range(j)} - {None}
    return sum(label(lines[i].s) in above for i in heads) >= 2


def _row_value(s: str) -> bool:
    """``Label: value`` with a number in the value, or a value of one or two words."""
    k = s.find(": ")
    return 0 < k and (any(c.isdigit() for c in s[k:]) or s.count(" ", k + 2) < 2)


_BETWEEN_LINKS = frozenset({"ad", "share", "media", "newsletter", "separator", "placeholder"})
_LINK_ROW = re.compile(r"[^\n:]{2,80}: (?:https?://|www\.)\S+")  # "Weather service: http://..."
_LINK_LINE = re.compile(r"[A-Z][\w’' ]{1,20}: [A-Z‘'\"“][^\n]{3,120}")


def _is_link_line(s: str) -> bool:
    """``Long read: The forgotten soldier``: a labelled link, not a sentence."""
    return s.find(": ", 0, 24) > 0 and not s.endswith(".") and s.count(" ") < 16 and bool(_LINK_LINE.fullmatch(s))


_STAFF_BYLINE = re.compile(rf"{_NAME},? (?:(?:Senior|Staff|Contributing|Chief|National|Political|Associate|Special|Guest)"
                           r" )?(?:Staff )?(?:[Ww]riter|[Rr]eporter|[Ee]ditor|[Cc]orrespondent|[Cc]olumnist|[Cc]ontributor)")


def _top_byline(text: str, s: str, i: int) -> bool:
    """Under the title, the author's name with a staff title ("Jane Roe, Staff Writer"), when
    the name is nowhere else in the text (the story's own people are named again in it).  A
    name alone stays: it may be a short title or heading ("Climate Consciousness") or the
    attribution of an excerpt ("Jane Roe, The Outlet")."""
    if len(s) > 60 or not _STAFF_BYLINE.fullmatch(s):
        return False
    surnames = [w for w in re.findall(r"[A-Z][\w'’\-]+(?= and |,|$)", s) if w not in ("The", "Editorial")]
    return bool(surnames) and all(text.count(w) <= 2 for w in surnames)


def _position_rules(text: str, lines: list[_Line], kinds: list[str | None]) -> None:
    """Bylines at the top, author bios at the top or the bottom."""
    n = len(lines)
    top = range(min(n, 4))
    for i in top:
        if kinds[i] is not None:
            continue
        s = lines[i].s
        if len(s) > 120 or s[-1] in ".!?":
            continue
        if s.startswith("By ") and _BYLINE.fullmatch(s):
            kinds[i] = "byline"
        elif n > 2 and len(s) <= 40 and canonical_outlet(s):
            # "USA TODAY" under the author's name: the outlet's byline slot.
            kinds[i] = "byline"
            if i > 0 and kinds[i - 1] is None:
                prev = lines[i - 1].s
                if _NAMES_LINE.fullmatch(prev):
                    kinds[i - 1] = "byline"
        elif n > 4 and _top_byline(text, s, i):
            kinds[i] = "byline"
    if n < 3:
        return
    # Anywhere: a bio that asks the reader to follow its author or disowns the piece's
    # opinions ("Jane Roe is a columnist. Follow her on Twitter @jroe."), as a page sets it
    # under the author's headshot after the lede.
    # (One search of the whole text first: most articles hold neither word.)
    if "ollow" in text or "expressed" in text:
        for i in range(n):
            s = lines[i].s
            if kinds[i] is None and ("ollow" in s or "expressed" in s) and (
                    (_BIO_PROMPT.search(s) and _is_bio(text, s, strict=True)) or ("ollow" in s and _follow_me_bio(s))):
                kinds[i] = "author_bio"
    for i in list(range(min(n, 2))) + list(range(max(2, n - 4), n)):
        if kinds[i] is None and _is_bio(text, lines[i].s, strict=True):
            kinds[i] = "author_bio"
        elif kinds[i] is None and i >= n - 4 and "more about" in lines[i].s and _SYNDICATE_TAIL.search(lines[i].s):
            kinds[i] = "author_bio"  # a columnist's bio closed by the syndicate's pointer to more of them
    # The lines after the story's last paragraph, where nothing but the page's furniture
    # stands: there a bio may name any title right after its verb ("Jane Roe is an economic
    # consultant with Acme.", "Jane Roe served as special assistant to ...") and a column or
    # an outlet may describe itself ("The Memo is a reported column by Jane Roe ...").
    for i in range(n - 1, max(-1, n - 9), -1):
        if kinds[i] is not None:
            continue
        if not _is_bio(text, lines[i].s, strict=False):
            break
        kinds[i] = "author_bio"


# A syndicated column's last line: "<bio>. To find out more about Jane Roe and read features by
# other Acme Syndicate writers and cartoonists, visit the Acme Syndicate website at www.acme.com."
_SYNDICATE_TAIL = re.compile(r"(?:\A|[.!?”\"] )To (?:find out|learn|read) more about [A-Z][^\n.]{1,200}?, visit "
                             r"[^\n]{1,150}\Z")
# A paragraph about a person that ends by asking the reader to follow them at their handle:
# "Jane Roe has taught at Acme University and is writing a book. Follow her on Twitter @jroe."
_FOLLOW_ME_BIO = re.compile(rf"{_NAME} (?:[a-z][\w’'\-]*)\b[^\n]{{10,900}}?[.!?”\"] Follow (?:him|her|them) (?:on (?:Twitter|X) )?"
                            r"(?:at )?@\w{1,30}\.?(?: Follow (?:him|her|them) on (?:Facebook|Instagram)\.?)?")


def _follow_me_bio(s: str) -> bool:
    """Whether the line is an author's bio by its end, a follow prompt with the author's handle,
    whatever its verbs and wherever it stands (a roundup of columns sets one under each).

    >>> _follow_me_bio("Jane Roe has taught history at Acme University. Follow her on Twitter @jroe.")
    True
    >>> _follow_me_bio("Jane Roe said the senator should resign. Follow the money, she said.")
    False
    """
    return s.count(" ") < 150 and _FOLLOW_ME_BIO.fullmatch(s) is not None


_DASH_NAME = re.compile(rf"[—–\-]{{1,2}} ?(?P<name>{_NAME})")


def _section_bylines(text: str, lines: list[_Line], kinds: list[str | None]) -> None:
    """A section's byline below the top: "By Jane Roe, CNN" under its heading, and a dash and a
    name alone under a paragraph of prose, where the name is nowhere else in the
    text: the byline of a section ("– Jane Roe" after each update of a live story, "— Jane Roe"
    at the end).  Under a quotation set apart, the same line is the quote's speaker, and a name
    the story mentions is a person of the story."""
    for i in range(4, len(lines)):
        # "By Jane Roe and John Doe, CNN" under a section's heading, in a roundup of fact checks
        # or a live story: each section's byline (a sentence "By Monday, ..." ends with a stop).
        s = lines[i].s
        if s.startswith("By ") and len(s) <= 120 and kinds[i] is None and s[-1] not in ".!?:" \
                and (", " in s or not _ends_sentence(lines[i - 1].s)) and _BYLINE.fullmatch(s):
            kinds[i] = "byline"
    found = [i for i in range(1, len(lines)) if kinds[i] is None and lines[i].s[:1] in "—–-"
             and _DASH_NAME.fullmatch(lines[i].s)]
    if not found:
        return
    names = {}
    for i in found:
        names.setdefault(_DASH_NAME.fullmatch(lines[i].s).group("name").split()[-1], []).append(i)
    top = text[:lines[min(2, len(lines) - 1)].b]  # a byline at the top may name the author too
    for surname, where in names.items():
        if text.count(surname) > len(where) + (surname in top):
            continue
        for i in where:
            prev = lines[i - 1].s
            if kinds[i - 1] is None and _ends_sentence(prev) and prev[:1] not in "“\"‘'":
                kinds[i] = "byline"


# A summary's bullet, as :func:`_summary_bullets` reads it: one sentence (no sentence break
# inside), which opens on a capital (not a quotation, not a conjunction that carries on a
# previous paragraph) and ends on a full stop.
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’']? [“\"‘']?[A-Z]")
_CARRY_ON = frozenset({"But", "And", "So", "Yet", "Or", "Still", "However", "Then", "Now", "Also"})
_CONTENT_WORD = re.compile(r"[A-Za-z][a-z’'\-]{3,}|[A-Z]{2,}|\d+(?:[.,]\d+)*%?")
_COMMON_WORDS = frozenset("that with this from have they their said were been will would about which there "
                          "when what more than also into after over such them some only other just like".split())


def _content_words(s: str) -> set[str]:
    return {w.lower() for w in _CONTENT_WORD.findall(s)} - _COMMON_WORDS


def _summary_bullets(text: str, lines: list[_Line], kinds: list[str | None]) -> None:
    """A summary box over the story without its label: three to five one-sentence lines that
    open the text, each told again by its own longer paragraph further down (a third of its
    words at least, half on average).  A lede of short paragraphs is not retold line by line
    (or is retold by one paragraph), so the run stops at the story's first line.

    >>> t = ("The council cut the school budget on Monday.\\n\\nForty teachers will lose their jobs in June.\\n\\n"
    ...      "Parents plan a protest on Friday.\\n\\nOn Monday the council cut the school budget by 5%, "
    ...      "the mayor said.\\n\\nAbout forty teachers will lose their jobs in June.\\n\\n"
    ...      "Parents plan a protest outside city hall on Friday morning.")
    >>> ks = [None] * 6; _summary_bullets(t, _text_lines(t), ks); ks
    ['highlights', 'highlights', 'highlights', None, None, None]
    """
    # A headline over the box (a page's <h1>, which HTML extraction puts on the first line)
    # is no bullet: the box opens on the next line.
    top = 1 if lines and lines[0].s[-1:] not in ".!?\"”" and lines[0].s.count(" ") < 25 else 0
    n = len(lines)
    if n - top < 6:
        return
    # The cheap shape test first: most texts open with a longer paragraph or a quotation.
    for ln in lines[top:top + 3]:
        s = ln.s
        if (s[-1] not in ".!?" or s.count(" ") > 40 or not s[0].isupper()
                or s[:s.find(" ")] in _CARRY_ON or _SENTENCE_BREAK.search(s)):
            return
    words = [_content_words(ln.s) for ln in lines]
    scores, told = [], set()
    for i in range(top, min(top + 5, n - 3)):
        s = lines[i].s
        if kinds[i] is not None or i >= top + 3 and (s[-1] not in ".!?" or s.count(" ") > 40 or not s[0].isupper()
                                               or s[:s.find(" ")] in _CARRY_ON or _SENTENCE_BREAK.search(s)):
            break
        ws = words[i]
        if len(ws) < 4:
            break
        size = s.count(" ")
        best, where = max(((len(ws & words[j]), j) for j in range(i + 1, n) if lines[j].s.count(" ") > size),
                          default=(0, -1))
        if best < len(ws) / 3:
            break
        scores.append(best / len(ws))
        told.add(where)
    # Each bullet sums up its own part of the story: lines that one paragraph retells are
    # the start of the story, told twice.
    if len(scores) >= 3 and sum(scores) >= 0.5 * len(scores) and len(told) == len(scores):
        for i in range(top, top + len(scores)):
            kinds[i] = "highlights"


_RELATED_LABEL_ENDS = (" Related Stories", " Related Coverage", " Related Articles", " Related Content",
                       " RELATED STORIES", " More Stories")
# Kinds of a removed line whose words, met again on a line of their own, are furniture too.
_ECHOED_KINDS = frozenset({"related", "share", "newsletter", "media"})


def _furniture_echoes(lines: list[_Line], kinds: list[str | None]) -> None:
    """A line at the top or the bottom whose whole text stands inside a removed link, share,
    sign-up or player line is a piece of the same widget set apart (a section's tag line over
    the page, repeated in its related-stories box).  The story's sentences are not inside
    such lines; a headline without final punctuation that a share line repeats is the title.

    >>> ls = _text_lines("Coverage of the storm and its cost.\\n\\nThe rain began.\\n\\n"
    ...                  "Storm Coverage of the storm and its cost. Related Stories")
    >>> ks = [None, None, "related"]; _furniture_echoes(ls, ks); ks
    ['related', None, 'related']
    """
    widgets = "\n".join(lines[i].s for i, k in enumerate(kinds) if k in _ECHOED_KINDS)
    if not widgets:
        return
    n = len(lines)
    # The lines at the edges only, where a page sets its tags: the work stays linear.
    for i in sorted({*range(min(3, n)), *range(max(0, n - 6), n)}):
        s = lines[i].s
        # (a headline at the top that a share line repeats is the title: it stays)
        if kinds[i] is None and 3 <= s.count(" ") < 30 and _ends_sentence(s) and s in widgets:
            kinds[i] = "related"


def _is_bio(text: str, s: str, strict: bool) -> bool:
    """Whether the line ``s`` (at the top or the bottom of ``text``) is an author's bio or a
    note on the opinions in the piece.  ``strict``: only the titles of writers and experts
    count (any line near an edge); otherwise any title, and a column or an outlet that
    describes itself (lines in the run of furniture at an edge)."""
    words = s.count(" ") + 1
    if words > 150:
        return False
    if "expressed" in s and _OPINIONS.search(s):
        return True
    # A bio opens with a name: its second (or third, after "— ") word is capitalized too.
    sp = s.find(" ")
    if not (s[sp + 1:sp + 2].isupper() or s[:1] in "—–-•*⦁"):
        return False
    m = _BIO.match(s)
    if not m or words > 120 or s[-1] == ":":
        return False
    if m.group("name").startswith("The ") or " " not in m.group("name"):
        # "The Memo is a reported column by ...": only a column or outlet that describes itself.
        if strict or not _SELF_DESCRIBED.match(s, m.start("verb")):
            return False
    elif strict:
        if not (_BIO_WORDS.search(s) or m.group("verb") in _BIO_VERBS):
            return False
    elif not (_BIO_WORDS.search(s) or m.group("verb") in _BIO_VERBS or _BIO_TITLE.match(s, m.start("verb"))
              or _SELF_DESCRIBED.match(s, m.start("verb"))):
        return False
    # The author's name, unlike the story's subject, appears nowhere else in the text.
    surname = m.group("name").split()[-1]
    return text.count(surname) <= 2


_QUOTES = "“”\"‘’'«» "


def _quote_core(s: str) -> tuple[str, bool]:
    """The sentence a display quote holds, and whether the line is set as one: a single
    quotation and nothing else, or with its speaker after a dash.

    >>> _quote_core("“ Investigations are in progress. ” — The Vatican Press Office")
    ('Investigations are in progress', True)
    >>> _quote_core('"We won," Ryan said. "We got the votes."')[1]
    False
    """
    body = s
    for dash in (" — ", " -- ", " – "):
        k = s.rfind(dash)
        if k > 0 and s.count(" ", k) <= 12 and s[:k].rstrip()[-1:] in "”\".!?":
            body = s[:k].rstrip()
            break
    # One quotation: it opens the line and closes only at its end.
    inner = body[1:-1]
    display = (body[:1] in "“\"" and body[-1:] in "”\"" and "”" not in inner and '" ' not in inner
               and ' "' not in inner)
    core = body.strip(_QUOTES).rstrip(".!?,;:…").strip(_QUOTES)
    return core, display


_ROW = re.compile(r"[\w’'\- ]{1,30}: ")  # "Senate: No candidates ...": a table's row


def _pull_quotes(text: str, lines: list[_Line], kinds: list[str | None], singles: list[int]) -> None:
    """A line that repeats text of another line of the body: a display quote set beside the
    paragraph it comes from (word for word, with its opening reworded, or with the speaker's
    name run on after it), or a paragraph printed twice.  The shorter copy goes; of two equal
    copies, the later one; a line without final punctuation printed twice in a row is a
    link card, and both copies go."""
    n = len(lines)
    if n < 4:
        return
    seen: dict[str, int] = {}  # a line's text -> the first line that holds it
    starts = [ln.a for ln in lines]
    for i in singles:
        if kinds[i] is not None:
            continue
        s = lines[i].s
        spaces = s.count(" ")
        if spaces >= 7:
            if s in seen:
                _printed_twice(lines, kinds, seen[s], i, spaces)
                continue
            seen[s] = i
        cand = _quote_candidate(s, spaces)
        if cand is None:
            continue
        if _copy_nearby(text, lines, kinds, starts, i, cand):
            kinds[i] = "pull_quote"
        elif cand.ends and not cand.display and not cand.forward and text.count(cand.core[:24]) > 1 \
                and _quoted_elsewhere(text, lines, kinds, starts, i, cand.core):
            # (The cheap test first: the sentence's opening stands somewhere else in the text.)
            kinds[i] = "pull_quote"


@dataclass(slots=True)
class _QuoteCandidate:
    """A line that may be a display quote: the sentence it holds (``core``), whether it is set
    as one quotation (``display``) and whether it ends like a sentence (``ends``)."""

    core: str
    display: bool
    ends: bool

    @property
    def forward(self) -> bool:
        """A quote with its speaker's name run on after it: read from its start."""
        return not self.ends and not self.display


def _printed_twice(lines: list[_Line], kinds: list[str | None], j: int, i: int, spaces: int) -> None:
    """Line ``i`` is printed word for word as line ``j`` before it: a link card printed twice
    in a row (both go), or a paragraph printed twice (one copy goes)."""
    s = lines[i].s
    if j == i - 1 and kinds[j] is None and not _ends_sentence(s) and not is_caption(s):
        kinds[j] = kinds[i] = "related"  # a link card printed twice in a row
    elif spaces >= 11 and not _ROW.match(s) and kinds[j] is None:
        # A paragraph printed twice: the later copy goes, unless the first stands in a
        # teaser block at the top that repeats paragraphs from further down.  (One
        # copy always stays: the story's text is in it.)
        kinds[j if j < 5 <= i - j else i] = "pull_quote"


def _quote_candidate(s: str, spaces: int) -> _QuoteCandidate | None:
    """How line ``s`` may be a display quote: a line in quotation marks, one sentence of 10 to
    36 words, or a quote with its speaker's name run on after it; else None.

    >>> _quote_candidate("“We will win the vote,” she said.", 5)
    _QuoteCandidate(core='We will win the vote,” she said', display=False, ends=True)
    """
    ends = _ends_sentence(s)
    if s[0] in "“\"‘":
        core, display = _quote_core(s)
        if core.count(" ") < 2:
            return None
        return _QuoteCandidate(core, display, ends)
    if 9 <= spaces <= 35 and ends:
        core = s.rstrip(".!?…\"”’' ")
        if ". " in core or "? " in core:
            return None  # several sentences: a paragraph (repeated whole, it was caught above)
        return _QuoteCandidate(core, False, ends)
    if not ends and spaces >= 9 and s[s.rfind(" ") + 1:][:1].isupper():
        return _QuoteCandidate(s, False, ends)  # a quote with its speaker's name run on after it
    return None


def _copy_nearby(text: str, lines: list[_Line], kinds: list[str | None], starts: list[int], i: int,
                 cand: _QuoteCandidate) -> bool:
    """Whether a line of the body near line ``i`` holds the candidate's sentence: a few lines up
    or down (any distance, up to 40 lines, for a line set as a display quote or one with its
    speaker run on, of which there are few)."""
    n = len(lines)
    a, b = lines[i].a, lines[i].b
    probe = cand.core[:40] if cand.forward else cand.core[-40:]
    reach = 40 if cand.display or cand.forward else 3  # (bounded: the work stays linear in the text)
    lo, hi = lines[max(0, i - reach)].a, lines[min(n - 1, i + reach)].b
    for k in (text.find(probe, lo, a), text.find(probe, b, hi)):
        if k < 0:
            continue
        j = bisect.bisect_right(starts, k) - 1
        if j == i or kinds[j] is not None or lines[j].s == lines[i].s:
            continue  # (an exact copy is a paragraph printed twice, settled above: one stays)
        if _is_copy(text, lines, i, j, k, probe, cand):
            return True
    return False


def _is_copy(text: str, lines: list[_Line], i: int, j: int, k: int, probe: str, cand: _QuoteCandidate) -> bool:
    """Whether line ``j``, where the probe stands at ``k``, holds enough of line ``i``'s sentence
    for line ``i`` to be its display copy (and not, say, a caption that reuses the story's line)."""
    a, b = lines[i].a, lines[i].b
    ja, jb = lines[j].a, lines[j].b
    core, display, forward = cand.core, cand.display, cand.forward
    shared = _shared_run(text, k, probe, core, forward, ja, jb)
    if forward:
        # The quote, then the speaker's name (one to six capitalized words).
        # The other line quotes it: its quotation closes where the shared part ends.
        rest = core[shared:].strip(" ,”\"")
        if (shared < 50 or not rest or rest.count(" ") > 5 or not rest[:1].isupper()
                or text[k + shared:k + shared + 1] not in (",", ".", "”", "\"", "’", "!", "?")):
            return False
    elif shared < 0.8 * len(core) and not (
            (display or jb - ja > b - a + 10) and _words_alike(core, text[ja:k + len(probe)]) >= 0.8):
        # (A copy with its case, punctuation or a word changed still counts when it is
        # set as a quotation or sits inside a longer paragraph: two rows of a list of
        # one shape, "Paragraph two ..." and "Paragraph three ...", are no copies.)
        return False
    if jb - ja > b - a + 10 and not display and not forward and _holds_credit(lines[j].s):
        return False  # a caption that reuses the story's sentence: the story's line stays
    return jb - ja > b - a + 10 or (abs((jb - ja) - (b - a)) <= 10 and j < i) or display or forward


def _shared_run(text: str, k: int, probe: str, core: str, forward: bool, ja: int, jb: int) -> int:
    """How many characters of ``core`` the text at the probe's place ``k`` shares (inside line
    ``[ja, jb)``), read on from the probe's start (``forward``) or back from its end.

    >>> t = "He said we will win the vote today."; core = "we will win the vote"
    >>> _shared_run(t, 8, core[:10], core, True, 0, len(t))
    20
    """
    shared = 0
    if forward:
        while shared < len(core) and k + shared < jb and text[k + shared] == core[shared]:
            shared += 1
    else:
        end = k + len(probe)
        while shared < len(core) and end - shared - 1 >= ja and text[end - shared - 1] == core[-1 - shared]:
            shared += 1
    return shared


_WORD = re.compile(r"[^\W_]+")


def _words_alike(core: str, other: str) -> float:
    """The share of the words of ``core`` that ``other`` (text that ends where the copy of
    ``core`` ends) has at the same place, counted from the end, when at most two words differ:
    a display quote that rewords its opening or changes a word, a capital or a comma of the
    sentence it repeats; else 0.  (A sentence of the story that quotes the end of a longer
    quotation differs in more words: "It also argues that he "could ..."" beside the whole
    quotation.)  Lines of fewer than 8 words never count (a short phrase recurs by chance).

    >>> _words_alike("Among the many reasons for his loss, greed and sloth are just a few",
    ...              "He lost. There are many reasons for his loss: Greed and sloth are just a few")
    0.8571428571428571
    >>> _words_alike("It also argues that he could, if he wished, end the inquiry or pardon",
    ...              "It said that himself and that he could if he wished end the inquiry or pardon")
    0.0
    """
    cw = _WORD.findall(core.lower())
    ow = _WORD.findall(other.lower())[-len(cw):]
    if len(cw) < 8 or len(ow) < len(cw):
        return 0.0
    same = sum(x == y for x, y in zip(cw, ow))
    return same / len(cw) if len(cw) - same <= 2 else 0.0


def _quoted_elsewhere(text: str, lines: list[_Line], kinds: list[str | None], starts: list[int], i: int,
                      core: str) -> bool:
    """Whether a longer line of the body, up to 40 lines away, quotes the one sentence of line
    ``i`` word for word as someone's words (an opening quotation mark before it, a comma or
    full stop and a closing mark after it: ``"<core>," she said.``): the line is a display
    quote with its quotation marks dropped, set far from the paragraph that quotes it.

    >>> t = ("Lede.\\n\\nMore taxes mean fewer jobs and slower growth for all of us here.\\n\\n"
    ...      "Next.\\n\\n\\"More taxes mean fewer jobs and slower growth for all of us here,\\" she said.")
    >>> ls = _text_lines(t); _quoted_elsewhere(t, ls, [None] * 4, [x.a for x in ls], 1,
    ...                                        "More taxes mean fewer jobs and slower growth for all of us here")
    True
    """
    n = len(lines)
    a, b = lines[i].a, lines[i].b
    lo, hi = lines[max(0, i - 40)].a, lines[min(n - 1, i + 40)].b
    for mark in ("“", '"'):
        probe = mark + core
        for k in (text.find(probe, lo, a), text.find(probe, b, hi)):
            end = k + len(probe)
            if k < 0 or text[end:end + 1] not in (",", ".", "!", "?") or text[end + 1:end + 2] not in ("”", '"'):
                continue
            j = bisect.bisect_right(starts, k) - 1
            if j != i and kinds[j] is None and lines[j].b - lines[j].a > b - a + 10:
                return True
    return False
    n = len(lines)
    a, b = lines[i].a, lines[i].b
    lo, hi = lines[max(0, i - 40)].a, lines[min(n - 1, i + 40)].b
    for mark in ("“", '"'):
        # The first quotation of the line's words that opens with this mark, above the line and below it.
        for r0, r1 in ((lo, a), (b, hi)):
            k = next((p - 1 for p in found if r0 <= p - 1 and p + len(core) <= r1 and text[p - 1] == mark
                      and text.startswith(core, p)), -1)
            end = k + 1 + len(core)
            if k < 0 or text[end:end + 1] not in (",", ".", "!", "?") or text[end + 1:end + 2] not in ("”", '"'):
                continue
            j = bisect.bisect_right(starts, k) - 1
            if j != i and kinds[j] is None and lines[j].b - lines[j].a > b - a + 10:
                return True
    return False


# A page's top line that runs a photo's caption and its credit (after a bar) into the headline
# and dek: "The vote gives Roe the power. | Jane Doe/AP Photo House acts on subpoena", or the
# credit alone before the headline: "AP Photo Exclusive: GOP campaigns plot a revolt".  The
# credit: a photographer and an agency ("Jane Doe/AFP/Getty Images", "JANE DOE/POLITICO",
# "Jane Doe/ for POLITICO") or an agency's photos ("AP Photos", "Getty", "Reuters, AP Photo").
_AGENCY_PHOTOS = r"(?:AP|AFP|EPA|Getty|Reuters|REUTERS)(?: Photos?| Images)?"
_TOP_CREDIT = (rf"(?:{_CREDIT_WORDS} ?/ ?(?:for )?[A-Z][\w.'’&\-]*(?:/[A-Z][\w.'’&\-]*)*(?: Photos?| Images)?"
               rf"|{_AGENCY_PHOTOS}(?:(?:, | and |/){_AGENCY_PHOTOS})*)")
_TOP_PHOTO_LINE = re.compile(rf"(?:[^\n|]{{10,400}}?[.!?”\")] \| )?(?>{_TOP_CREDIT}) (?=\S)")  # (the credit whole)


def _top_photo_credit(text: str, lines: list[_Line], kinds: list[str | None]) -> tuple[int, int] | None:
    """The raw span of a photo's caption and credit that open the first line before the
    headline: a page's top block flattened into one line.  The headline (and dek) after it
    stay, for the paragraph kinds to read as the title.  A caption line that ends with its
    credit (``... | Jane Doe/AP Photo``) is a caption and stays whole.

    >>> t = ("The vote gives Roe the power. | Jane Doe/AP Photo House acts on subpoena The vote came late."
    ...      "\\n\\nThe House acted.\\n\\nEnd.")
    >>> ls = _text_lines(t); a, b = _top_photo_credit(t, ls, [None] * 3); t[a:b]
    'The vote gives Roe the power. | Jane Doe/AP Photo '
    """
    if len(lines) < 3 or kinds[0] is not None:
        return None
    a, _, _, s = lines[0]
    if not ("| " in s or s.startswith(("AP ", "Getty ", "AFP", "Reuters, "))) or is_caption(s):
        return None
    m = _TOP_PHOTO_LINE.match(s)
    if not m or (" | " not in m.group(0) and not m.group(0).startswith(("AP Photo", "Getty Images", "AFP/Getty"))):
        return None  # (a line that opens with an agency's name alone may be the story's: "Reuters reported ...")
    return a, a + m.end()


def _display_quotes(lines: list[_Line], kinds: list[str | None]) -> None:
    """A line that is one quotation of 6 to 30 words, set alone below the top, whose closing
    mark follows a word with no full stop (``"We're not going to be doing much science
    anymore"``): a display quote or a heading set in quotation marks, not the story's text.
    A quoted paragraph of the story ends its sentence (``."``, ``,' "``); a quotation cut off
    (a dash, an ellipsis), one the line above introduces (``She tweeted:``) or a line that the
    next one continues in lower case stays.

    >>> t = "Title\\n\\nLede.\\n\\n“We’re not going to be doing much science anymore”\\n\\nMore.\\n\\nEnd."
    >>> ls = _text_lines(t); ks = [None] * len(ls); _display_quotes(ls, ks); ks
    [None, None, 'pull_quote', None, None]
    """
    n = len(lines)
    for i in range(2, n):
        s = lines[i].s
        if kinds[i] is not None or s[0] not in "“\"" or s[-1] not in "”\"" or not s[-2:-1].isalnum():
            continue
        if not 5 <= s.count(" ") <= 29:
            continue
        inner = s[1:-1]
        if "”" in inner or "“" in inner or '"' in inner:
            continue  # (two quotations, or a quote and its speaker: the story's text)
        if i + 1 < n and lines[i + 1].s[:1].islower():
            continue  # a sentence that goes on in the next line
        if lines[i - 1].s.rstrip(" ”’\"'")[-1:] == ":":
            continue  # the story introduces it ("She tweeted:"): a quotation of the story's text
        kinds[i] = "pull_quote"


# A photo credit inside a line: "... Justice Department. | M. Scott Mahaskey/POLITICO ...",
# "(AP Photo/Evan Vucci)", "Photographer: Jane Roe/Bloomberg".
_CREDIT_INSIDE = re.compile(rf"(?: \| |\(|Photographer: |Photo: ){_CREDIT_WORDS} ?/ ?[A-Z]")


def _holds_credit(s: str) -> bool:
    """Whether a line carries a photo credit or is a caption: a photo's caption that reuses a
    sentence of the story (the story's own line is then no display quote).

    >>> _holds_credit("The vote gives Nadler the power. | M. Scott Mahaskey/POLITICO House Dems act")
    True
    >>> _holds_credit("The vote gives Nadler the power to issue a subpoena, his aides said.")
    False
    """
    return bool(_CREDIT_INSIDE.search(s)) or is_caption(s)


def _story_between(kinds: list[str | None], j: int, i: int) -> bool:
    """Whether a line of the story (no furniture) stands between an earlier line ``j`` and line
    ``i``: a display quote follows its paragraph at once (or past an ad), a retold line does not."""
    return j < i - 1 and any(kinds[k] is None for k in range(j + 1, i))


def _verbatim_copies(text: str, lines: list[_Line], kinds: list[str | None], singles: list[int]) -> None:
    """A short line whose words stand word for word inside a longer line near it: a display
    quote of two sentences ("There's a term for this: compelled speech. Historically, ...") or
    one without final punctuation, set beside its paragraph (three lines up or down), or a
    line at the top (under the headline) that a paragraph further down repeats.  The longer
    line keeps the words; a caption that reuses them (it carries a credit) does not count.

    >>> t = ("Title\\n\\nThe court ruled. There's a term for this: compelled speech. Historically, it was "
    ...      "among the worst forms of censorship, and it still is.\\n\\nThere's a term for this: compelled "
    ...      "speech. Historically, it was among the worst forms of censorship\\n\\nThe end of it.")
    >>> ls = _text_lines(t); ks = [None] * len(ls); _verbatim_copies(t, ls, ks, [1, 2]); ks
    [None, None, 'pull_quote', None]
    """
    n = len(lines)
    if n < 4:
        return
    starts = None
    lens = None
    for i in singles:
        if kinds[i] is not None:
            continue
        a, b, _, s = lines[i]
        if i > 2:
            # The cheap test first: a copy needs a longer line beside it.
            if lens is None:
                lens = [ln.b - ln.a for ln in lines]
            near = lens[max(0, i - 3):i] + lens[i + 1:i + 4]
            if not near or max(near) <= b - a + 10:
                continue
        if i > 2 and ". " not in s and "? " not in s and _ends_sentence(s):
            continue  # (one sentence with its full stop: the display-quote rules above settle it)
        core = s.strip(_QUOTES).rstrip(".!?,;:…").strip(_QUOTES)
        if not 7 <= core.count(" ") <= 44:
            continue  # (8 to 45 words)
        lo = lines[max(0, i - 3)].a
        hi = len(text) if i <= 2 else lines[min(n - 1, i + 3)].b
        for k in (text.find(core, lo, a), text.find(core, b, hi)):
            if k < 0:
                continue
            if starts is None:
                starts = [ln.a for ln in lines]
            j = bisect.bisect_right(starts, k) - 1
            if j == i or kinds[j] is not None or lines[j].b - lines[j].a <= b - a + 10 or _holds_credit(lines[j].s):
                continue
            if i > 2 and _story_between(kinds, j, i):
                continue  # a summary further up that retells this paragraph: this one is the story's
            kinds[i] = "pull_quote"
            break


# --------------------------------------------------------------------------- shapes

# With the full-width marks of Chinese and Japanese, whose sentences end in 。！？ and
# whose quotes close with 」』 or ”.
_FINAL_PUNCT = tuple(".!?:;,\"”’')…]") + tuple("。！？：；，、」』）》】．")
_CJK = re.compile(f"[{CJK_LETTERS}]")


def _heading_shape(p: str) -> bool:
    """is_heading_like(p) for a stripped, non-empty paragraph, with the common case (a
    sentence's final punctuation) decided by its last character alone."""
    last = p[-1]
    if last in _STOPS:
        return False
    if last in _CLOSERS:
        t = p.rstrip(_CLOSERS)
        if not t or t[-1] in _STOPS:
            return False
    if p.count(" ") >= 12:
        return False
    return p.isascii() or is_heading_like(p)  # (Chinese and Japanese words are counted apart)


_STOPS = frozenset(".!?…:;,。！？：；，、．")
_CLOSERS = "”’\"')]」』）》】"


def is_heading_like(line: str, max_words: int = 12) -> bool:
    """A short line with no sentence-final punctuation: a subhead, label or headline.

    A closing quotation mark after a word, not after punctuation, closes a quoted title
    (``Why the Amazon could be at risk of “collapsing”``), so that line is heading-like too.
    Chinese and Japanese put no spaces between words: there a word is taken as two
    characters (about the length of a Chinese word), so a headline of 20 characters is
    short and a paragraph is not.

    >>> is_heading_like("Calls"), is_heading_like("Biden agreed."), is_heading_like("")
    (True, False, False)
    >>> is_heading_like("美国允许乌克兰打击俄罗斯境内目标"), is_heading_like("美国官员周四表示，拜登总统已批准。")
    (True, False)
    """
    line = line.strip()
    if not line or _ends_sentence(line):
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


# A photo caption: what a reader may want to see, kept as a ``caption`` paragraph (see
# analysis.corpus.paragraph_kinds).  A caption ends with its credit ("(AP Photo/Evan Vucci)",
# "Photographer: Andrew Harrer/Bloomberg", "REUTERS/Tyrone Siu", "J. Scott Applewhite / AP"),
# or carries a caption widget's words ("Image caption", "Media caption"), or opens as a file
# photo ("FILE - In this ... photo") or with its credit ("Scott Morgan/Reuters Sign-up sheets ...").
_CAPTION_END = re.compile(
    rf"(?:\((?:{_CREDIT_WORDS} ?/ ?[^()\n]{{1,80}}|[^()\n]{{1,50}} via [A-Z][^()\n]{{1,50}}"
    r"|(?:Photo|Photograph|Image|Credit)s?(?: by)?:[^()\n]*|[A-Z][\w.&' ]{1,30}: [A-Z][^()\n]{2,60})\)"
    r"|(?:Photographer|Photograph|Photo|Photos|Photo illustration|Illustration|Image|Credit|Source|Data|Photo credit|Image credit"
    r"|Chart|Graphic)s?: [^\n]{2,90}"
    rf"|\b[A-Z]{{3,}}/{_CAPWORD}(?: {_CAPWORD}){{0,3}}(?:/[A-Z][\w ]{{1,20}})?"
    rf"|{_CAPWORD}(?: {_CAPWORD}){{0,3}} / [A-Z][\w&.' ]{{1,30}}"
    # "[Jane Roe/Agency]" (a source in brackets with a date, "[Fox News, The Show, 4/15/2019]",
    # is a transcript's reference: a slash between digits is no credit's)
    r"|(?:©|Courtesy(?: of)?) [A-Z][^\n()]{1,60}|\[[^\[\]\n]{1,60}/ ?[A-Za-z][^\[\]\n]{0,60}\]?"
    rf"| \| {_CAPWORD}(?: {_CAPWORD}){{0,3}}(?:,| ?/) ?[A-Z][\w&.' ]{{1,30}}| \| {_CAPWORD}(?: {_CAPWORD}){{0,4}})\.?\Z"
)
_AGENCY = (r"(?:Getty Images|AFP|AP Photo|AP|Reuters|REUTERS|EPA-EFE|EPA|Shutterstock|Pool|Sipa|ZUMA Press|Anadolu Agency"
           r"|NurPhoto|Corbis|Alamy|iStock|Bloomberg)")
_CAPTION_START = re.compile(r"(?:FILE(?: PHOTO)?(?: -|:| —| –)|Facebook Twitter Pinterest |Image copyright |"
                            rf"CLOSE [A-Z]|{_NOT_NAME}{_CAPWORD}(?: {_CAPWORD}){{0,3}}/{_CAPWORD}(?: {_CAPWORD})? [A-Z][\w’'\-]+ (?:\S+ ){{3}}"
                            # "Jane Roe / AFP via Getty Images A governor speaks ...": the credit first.
                            rf"|{_NOT_NAME}{_CAPWORD}(?: {_CAPWORD}){{1,3}} / (?:[A-Z][\w&.'’\-]* (?:via )?)?{_AGENCY}"
                            r" [A-Z][\w’'\-.]* (?:\S+ ){2})")
# "... Photo by Jane Roe/Agency.": a caption ending with its credit sentence.
_PHOTO_BY_TAIL = re.compile(r"(?<=[.!?”] )(?:Photo|Photograph|Image|Picture|Photo illustration|Illustration)s? by "
                            r"[A-Z][\w.'’&\-]*(?: [A-Z][\w.'’&\-]*){0,3}(?: ?/ ?[A-Za-z][\w.'’&\- ]{1,40}){0,3}\.?\Z")


# A credit after the caption's last sentence, without parentheses: "... Aug. 1, 2019. Jane Roe/Reuters",
# "... in New York. Jane Roe for TIME".
_CREDIT_TAIL = re.compile(rf"(?<=[.!?”)] )(?:{_NOT_NAME}{_CAPWORD}(?: {_CAPWORD}){{1,3}}(?:/[A-Z][\w&.' \-]{{1,40}}"
                          rf"| for (?:The |the )?[A-Z][\w&.'’]*(?: [A-Z][\w&.'’]*){{0,4}}| via {_AGENCY})"
                          # one word before "via": "... Aug. 17, 1992. Corbis via Getty Images, FILE"
                          rf"|{_NOT_NAME}{_CAPWORD} via {_AGENCY})(?:, FILE)?\Z")
_FIRM_ENDS = (" Inc.", " Co.", " Ltd.", " Corp.", " LLC.")
_SPOKEN = re.compile(r"[“\"][^”\"\n]{0,300}[,.!?][”\"]")  # “... at home,” she says (not a title, “The Show”)


def _credit_tail(line: str) -> bool:
    """A caption whose credit follows its last sentence (_CREDIT_TAIL): a caption's length
    (60 words at most) and no quotation (a photo essay's paragraphs, longer and quoting the
    people in them, are its text)."""
    return line.count(" ") < 60 and not _SPOKEN.search(line) and bool(_CREDIT_TAIL.search(line[-110:]))
# The last sentence of a video's description names the outlet's reporter and nothing else:
# "The senator spoke on Sunday. NBC's Jane Roe reports." (a transcript's anchor who says it
# after a speaker's label, "ANCHOR: ... NPR's Jane Roe reports.", is the story's text, and so
# is a quotation's attribution, '"...," NPR's Jane Roe reports.').
_REPORTER_TAIL = re.compile(r"(?<=[.!?] )(?:The )?[A-Z][\w&.\-]*['’]s (?:[A-Z][\w.'’\-]* ){1,3}reports?\.\Z")
_SPEAKER_LABEL = re.compile(r"[A-Z][A-Z.'’\- ]{1,40}: ")
_PHOTO_PAREN = re.compile(r"\((?:AP )?Photos?(?: by)?:? [A-Z][^()\n]{1,60}\)")
_AGENCY_TAIL = re.compile(r"[.!?”)] ([A-Z][\w&.' /-]{1,30})\Z")
# One photo credit: capitalized words, perhaps with "/"-joined parts ("AP Photo/Evan Vucci",
# "Amanda Edwards/Getty Images", "AP Photo/seattlepi.com").
_ONE_CREDIT = (r"[A-Z][\w.'’&\-]*(?: [A-Z][\w.'’&\-]*| (?:de|van|von|da|di|del|la|le|via|for|of|the|by))*"
               r"(?: ?/ ?[A-Za-z][\w.'’&\-]*(?: [A-Z][\w.'’&\-]*| (?:via|for|of|the))*)*")
# A caption's credits after a bar, several joined by ";", "and" or ",": "... in 2019. | AP
# Photo/Evan Vucci; AP Photo/Craig Ruttle", "... a campaign. | Getty and AP Photos".
_PIPE_CREDITS = re.compile(rf"[.!?”\")] \| (?=[^\n]{{2,160}}\Z){_ONE_CREDIT}(?:(?:; | and | & |, ){_ONE_CREDIT})*\Z")

# A photographer's credit after a caption's last sentence, naming a photo agency: "... in 2015.
# Jane Roe/AFP via Getty Images", "... Monday. John Doe/Getty Images".
_LONG_CAPTION_CREDIT = re.compile(rf"[.!?”\")] {_CREDIT_WORDS} ?/ ?(?:[A-Z][\w&.'’\-]*/)*(?:AFP|AP|EPA|Reuters|REUTERS|Getty|Bloomberg"
                                  r"|Pool|POOL)(?: (?:via )?Getty Images| Photo| Images)?\Z")
_CAPTION_DATE = re.compile(rf"\b{_MONTHS} \d{{1,2}}, \d{{4}}\b")
_PHOTO_WORD = re.compile(r"\b(?:Photos?|Images?|Getty|AFP|EPA|Reuters|AP)\b")

_PHOTO_AGENCIES = frozenset({"Getty Images", "Getty", "AFP/Getty Images", "EPA", "EPA-EFE", "AP Photo",
                             "Shutterstock", "iStock", "Corbis", "Zuma", "ZUMA Press", "Sipa", "Alamy"})


def is_caption(line: str) -> bool:
    """A photo or video caption, by its shape (a credit at the end, a caption widget's words,
    a file-photo opening).

    >>> is_caption("Sen. Kamala Harris speaks in Atlanta. (AP Photo/John Bazemore)")
    True
    >>> is_caption("Image copyright Reuters Image caption Mike Pence has said so")
    True
    >>> is_caption("The senator said the photo was taken in 2019.")
    False
    """
    if (line.find("caption ", 0, 120) >= 0 or line.find("caption, ", 0, 120) >= 0) and ("Image caption" in line or "Media caption" in line
                                     or "ide caption" in line or "toggle caption" in line):
        return True
    if "Photo" in line and _PHOTO_PAREN.search(line):
        return True
    if (line[:1] in "FIC" or line.find("/", 0, 60) >= 0) and _CAPTION_START.match(line):
        return True
    # A credit ends the line: ")", "]" or a name; a caption ending in a full stop has its
    # credit in parentheses just before it.  Prose ends otherwise, so most lines stop here.
    last = line[-1:]
    if last == ".":
        if line.endswith(("reports.", "report.")) and line.count(" ") < 80 and _REPORTER_TAIL.search(line[-90:]) \
                and not _SPEAKER_LABEL.match(line):
            return True  # a video's description: "... NBC's Jane Roe reports."
        if line[-2:-1] != ")":
            # "... on April 8, 2019. Jane Roe/CBS Broadcasting Inc.": a credit that ends in an
            # abbreviation; "... in 2019. Photo by Jane Roe/Agency.": a credit sentence.
            if line.find(" by ", max(0, len(line) - 90)) > 0 and line.count(" ") < 60 and "/" in line[-60:] \
                    and _PHOTO_BY_TAIL.search(line[-100:]):
                return True
            return line.endswith(_FIRM_ENDS) and _credit_tail(line)
    elif not (last.isalnum() or last in ")]"):
        return False
    tail = line[-110:]
    if ("/" in tail or " for " in tail or " via " in tail) and _credit_tail(line):
        return True
    if line.startswith("Image ") and line.find(" Credit", len(line) - 90) > 0:
        return True  # "Image A man walks. Credit Jane Roe for The Times": a caption widget's words
    if ("/" in tail or ":" in tail or "via " in tail or "©" in tail or "Courtesy" in tail or "|" in tail) and _CAPTION_END.search(tail):
        return True
    if last.isalpha() and "/" in line[-70:] and line.count(" ") < 130 and _LONG_CAPTION_CREDIT.search(line[-90:]) \
            and _CAPTION_DATE.search(line):
        return True  # a long caption with its date and a photographer's credit: "... March 10, 2020. Jane Roe/AFP via Getty Images"
    if "| " in line[-170:] and _PIPE_CREDITS.search(line[-170:]):
        credit = line[line.rfind("| ") + 2:]
        if "/" in credit or _PHOTO_WORD.search(credit):
            return True  # (a credit names a photographer's agency or photos: "| Live Updates" does not)
    # "Ecuador's foreign minister arrives for a meeting on Wednesday. Reuters": the agency's
    # name after the last sentence.
    m = _AGENCY_TAIL.search(tail)
    if m and (canonical_outlet(m.group(1)) or m.group(1) in _PHOTO_AGENCIES):
        word = _WORD_BEFORE.search(tail, 0, m.start())  # "vs. The New York Times" is no caption
        if not word or word.group(1).lower() not in abbreviations():
            return True
    return False


# --------------------------------------------------------------------------- punctuation

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
    """A named cleaning rule.  ``kinds``: the names a rule that sorts what it finds gives its
    changes in the edit log (``page_furniture``), when they are not ``name``."""

    name: str
    func: Callable[[str], RuleOutput]
    kinds: tuple[str, ...] = ()


# Order matters: make the text valid Unicode and normalize characters first; then page
# furniture, read in the raw line layout (datelines, embeds, ads, ... at every line); then
# tidy white space; then read the credit at the end, repair punctuation, and tidy the white
# space the removals left.
RULES: tuple[Rule, ...] = (
    Rule("surrogates", surrogates),
    Rule("line_endings", line_endings),
    Rule("invisible_characters", invisible_characters),
    Rule("unicode_nfc", unicode_nfc),
    Rule("page_furniture", page_furniture, FURNITURE_KINDS),
    Rule("whitespace", whitespace),
    Rule("credit", credit),
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
    if not edits:
        ordered = sorted(changes, key=lambda c: (c[0], c[1]))
        if all(b[0] > a[1] for a, b in zip(ordered, ordered[1:])):
            return _apply_apart(raw, cur, ordered, rule)
    return _apply_merging(raw, cur, edits, changes, rule)


def _apply_apart(raw: str, cur: str, changes: list[Change], rule: str) -> tuple[str, list[_Edit]]:
    """:func:`_apply` when no edit was made before (so ``cur`` is ``raw``) and no two of the
    sorted ``changes`` touch: each change is an edit of its own, made without the cluster
    lists of the general case (a text may need a hundred thousand of them).  The same
    edits (``tests/test_scaling.py`` compares)."""
    names: dict[str, str] = {}
    out: list[_Edit] = []
    pieces: list[str] = []
    pos = 0
    for c in changes:
        a, b, r = c[0], c[1], c[2]
        own = c[3] if len(c) > 3 else rule
        if own not in names:
            names[own] = "+".join(dict.fromkeys(own.split("+")))
        pieces.append(cur[pos:a])
        pieces.append(r)
        pos = b
        out.append(_Edit(a, b, a, b, raw[a:b], r, names[own]))
    pieces.append(cur[pos:])
    return "".join(pieces), _renumbered(out)


def _renumbered(out: list[_Edit]) -> list[_Edit]:
    """Clean-text positions recomputed from the raw spans; edits that change nothing dropped."""
    shift = 0
    for e in out:
        e.start = e.raw_start - shift
        e.end = e.start + len(e.replacement)
        shift += (e.raw_end - e.raw_start) - len(e.replacement)
    return [e for e in out if e.removed != e.replacement]


def _apply_merging(raw: str, cur: str, edits: list[_Edit], changes: list[Change], rule: str) -> tuple[str, list[_Edit]]:
    """:func:`_apply` in general: changes merged with the edits they touch."""
    # A change may carry its own name as a fourth element (page_furniture names each by kind).
    items = [(e.start, e.end, 0, e) for e in edits] + [(c[0], c[1], 1, c) for c in changes]
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
            for c in news:
                seg.append(cur[p:c[0]])
                seg.append(c[2])
                p = c[1]
            seg.append(cur[p:b])
            seg = "".join(seg)
            names = [e.rule for e in olds] + [c[3] if len(c) > 3 else rule for c in news]
            out.append(_Edit(raw_a, raw_b, a, b, raw[raw_a:raw_b], seg,
                             "+".join(dict.fromkeys(n for name in names for n in name.split("+")))))
        pieces.append(seg)
        shift += delta_old
        pos = b
    pieces.append(cur[pos:])
    return "".join(pieces), _renumbered(out)


def clean_text(raw: str, rules: tuple[Rule, ...] = RULES) -> CleanResult:
    """Clean one article's raw text; every change is logged.

    >>> r = clean_text(" date 2024-05-31 WASHINGTON — Biden agreed., The aides left. / AP")
    >>> r.text
    'Biden agreed. The aides left.'
    >>> r.meta
    {'date': '2024-05-31', 'dateline': 'WASHINGTON', 'credit': 'AP'}
    >>> [e["rule"] for e in r.edits]
    ['date_line+dateline+whitespace', 'stray_comma', 'credit']
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
