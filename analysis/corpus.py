"""Articles and the Corpus: each article cleaned and split once, loaded from a folder or memory.

:func:`split_article` is the one place an article's raw text becomes an :class:`Article`
record (clean text, paragraphs with their kinds, sentences, the edit log, checked metadata);
a :class:`Corpus` is a collection of records with tidy DataFrame views (``articles``,
``paragraphs``, ``sentences``, ``edits``, ``warnings``) and a memo of what the analyses
computed for it.  Loading checks its input and says what is wrong with which file
(:class:`CorpusError`), or records a warning (``Corpus.warnings``) when the problem need not
stop the work.  Loading knows nothing of the analyses: it decodes, cleans
(``analysis.clean``), and splits into paragraphs and sentences (``analysis.text``).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import inspect
import io
import os
import re
import unicodedata
import warnings as _warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Hashable, Iterable, Iterator, Mapping, NamedTuple, TypeVar

import pandas as pd

from .clean import (
    CleanResult,
    canonical_outlet,
    clean_text,
    edits_frame,
    _ends_sentence,
    _heading_shape,
    is_caption,
    is_heading_like,
    rebuild_raw,
)
from .text import CJK_LETTERS, count_words, paragraph_spans, sentences_by_paragraph
from .values import parse_date

__all__ = ["Article", "Corpus", "CorpusError", "CorpusWarning", "Paragraph", "Sentence", "load_event",
           "from_texts", "from_records", "make_corpus", "memoized", "split_article"]

T = TypeVar("T")

REQUIRED_COLUMNS = ("article_id", "file")
METADATA_COLUMNS = ("outlet", "title", "date", "url", "byline", "notes", "source_file")
ARTICLE_COLUMNS = [
    "outlet", "title", "date", "url", "byline", "dateline", "credit", "file", "encoding",
    "raw_text", "text", "n_words", "n_sentences", "n_paragraphs", "warnings",
]


class CorpusError(ValueError):
    """Input that cannot be loaded; the message names the file or folder and the problem."""


class CorpusWarning(UserWarning):
    """Input that loads but deserves a look; also recorded in ``Corpus.warnings``."""


class Paragraph(NamedTuple):
    """One paragraph of an article: offsets into the clean text and its kind."""

    para_id: int
    start: int
    end: int
    kind: str  # body, subhead, title or caption


class Sentence(NamedTuple):
    """One sentence of an article: offsets into the clean text, its paragraph and that one's kind."""

    sent_id: int
    para_id: int
    start: int
    end: int
    kind: str


@dataclass(frozen=True, eq=False)
class Article:
    """One article, cleaned and split once: the record every analysis reads.

    Made by :func:`split_article`; a :class:`Corpus` is a collection of them.  Offsets
    (``paragraphs``, ``sentences``) are into ``text``, the clean text; ``edits`` is the
    cleaning log in raw-text coordinates (``rebuild_raw``), ``meta`` the article's
    metadata after it was checked against what the text says (date line, dateline, credit),
    ``warnings`` the ``(code, message)`` pairs worth a look, ``n_words`` the body words.

    >>> a = split_article("WASHINGTON (AP) — Biden agreed. Aides left.", "x")
    >>> a.outlet, a.text, [s.kind for s in a.sentences], a.n_words
    ('AP', 'Biden agreed. Aides left.', ['body', 'body'], 4)
    """

    article_id: str
    raw_text: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    edits: tuple[dict, ...] = ()
    meta: Mapping[str, object] = field(default_factory=dict)
    warnings: tuple[tuple[str, str], ...] = ()
    n_words: int = 0

    @property
    def outlet(self) -> str:
        """The outlet, falling back to the article id when it is unknown."""
        outlet = self.meta.get("outlet")
        return self.article_id if _blank(outlet) else str(outlet)

    @property
    def n_sentences(self) -> int:
        """Sentences in body paragraphs."""
        return sum(1 for s in self.sentences if s.kind == "body")

    @property
    def n_paragraphs(self) -> int:
        """Body paragraphs."""
        return sum(1 for p in self.paragraphs if p.kind == "body")

    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of kind ``body`` (no title, subheads or captions): what body measures read."""
        return tuple(s for s in self.sentences if s.kind == "body")

    def rebuild_raw(self) -> str:
        """The raw text, rebuilt from the clean text and the edit log."""
        return rebuild_raw(self.text, self.edits)


_NON_WORD = re.compile(r"[\W_]+")
# "Erick Erickson, The Resurgent": who wrote the excerpt quoted just above (prose, not a subhead).
_ATTRIBUTION = re.compile(r"[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3}, (?:the |The )?[A-Z][\w.'’&\-]*(?: [A-Z][\w.'’&\-]*){0,4}")
_LIST_MARKS = ("•", "-", "–", "—", "*", "·", "‐")


def _norm_title(text: str) -> str:
    """A title as letters and digits only, case folded: ``Why Now?`` and ``why now`` compare equal."""
    return _NON_WORD.sub("", text.casefold())


def _same_title(paragraph: str, title: str) -> bool:
    """Whether a paragraph is the manifest title (normalized by :func:`_norm_title`), allowing
    punctuation, case and a cut-off end."""
    if len(paragraph) > 2 * len(title) + 20:
        return False  # far longer than the title: a paragraph of the story
    p = _norm_title(paragraph)
    if not p or not title:
        return False
    if p == title:
        return True
    short, long_ = (p, title) if len(p) < len(title) else (title, p)
    return len(short) >= 20 and long_.startswith(short) and len(short) >= 0.8 * len(long_)


def _is_question_headline(text: str) -> bool:
    """One short question, nothing else: ``Who won the debate?``."""
    return text.endswith("?") and text.count(" ") < 15 and not any(p in text[:-1] for p in ("? ", ". ", "! "))


def paragraph_kinds(text: str, spans: list[tuple[int, int]], title: str | None = None,
                    ledes: frozenset[int] = frozenset()) -> list[str]:
    """The kind of each paragraph (``spans`` of the clean ``text``): ``body``, ``title``,
    ``subhead`` or ``caption``.

    - ``caption``: a photo or video caption, by its shape (:func:`analysis.clean.is_caption`).
    - ``title``: the first paragraph (after any captions) when it matches the manifest
      ``title`` (allowing punctuation and case) or looks like a headline: no final
      punctuation, or one short question.
    - ``subhead``: a later short line without final punctuation, unless it is a row of a list
      or table (one of three or more such lines in a row, a ``Label: value`` row, a line
      opening with a bullet), an attribution (``Jane Doe, The Outlet``) or the first half of
      a sentence broken across two lines (the next line starts in lower case).
    - ``ledes``: offsets of ``text`` where cleaning removed a dateline ("WASHINGTON —"): a
      paragraph that starts there opens the story, and is body whatever its shape.

    >>> t = "A Heading Line\\nOne here. Two there."
    >>> paragraph_kinds(t, [(0, 14), (15, 35)])
    ['title', 'body']
    >>> t = "Did it work?\\nIt did.\\nThey propose:\\nLower taxes\\nFewer rules\\nLess debt"
    >>> paragraph_kinds(t, [(0, 12), (13, 20), (21, 34), (35, 46), (47, 58), (59, 68)], title="Did it work")
    ['title', 'body', 'body', 'body', 'body', 'body']
    """
    n = len(spans)
    kinds = ["body"] * n
    if n == 0:
        return kinds
    paras = [text[a:b] for a, b in spans]
    heads = []  # heading-like lines (short, no final punctuation), in order
    for i, p in enumerate(paras):
        if is_caption(p):
            kinds[i] = "caption"
        elif _heading_shape(p) and not _cut_off(p):
            heads.append(i)
    first = 0
    while first < n and kinds[first] == "caption":
        first += 1
    norm = _norm_title(title) if title else ""
    for i in range(first, min(n, first + 3)):
        if norm and _same_title(paras[i], norm):
            kinds[i] = "title"
            first = i
            break
    else:
        if first < n - 1 and not paras[first + 1][:1].islower():
            p = paras[first]
            if is_heading_like(p, max_words=30) or _is_question_headline(p):
                kinds[first] = "title"
    if ledes:
        for i, (a, _) in enumerate(spans):
            if a in ledes and kinds[i] == "title" and not (norm and _same_title(paras[i], norm)):
                kinds[i] = "body"  # a line that opened with a dateline is the lede
        heads = [i for i in heads if spans[i][0] not in ledes]
    heads = [i for i in heads if kinds[i] == "body"]  # not the title
    _question_subheads(paras, kinds, first)
    if not heads:
        _long_headings(paras, kinds, first)
        return kinds
    # Runs of heading-like lines: three or more in a row are the rows of a list.
    run: dict[int, int] = {}
    k = 0
    while k < len(heads):
        m = k
        while m + 1 < len(heads) and heads[m + 1] == heads[m] + 1:
            m += 1
        for h in heads[k:m + 1]:
            run[h] = m - k + 1
        k = m + 1
    for i in heads:
        if kinds[i] != "body" or i < first or (i == first and kinds[first] != "body"):
            continue
        p = paras[i]
        if (n == 1 or run[i] >= 3 or (i + 1 < n and paras[i + 1][:1].islower()) or p.startswith(_LIST_MARKS)
                or _label_value(p) or (not p.isupper() and _ATTRIBUTION.fullmatch(p)) or _figure_row(paras, i)
                or (p.count(" ") >= 2 and p.rsplit(" ", 1)[-1] in _BROKEN_ENDS)):
            continue  # a row of a list or a table, an attribution, or half of a broken sentence
        if _NEWS_TIME.search(p) and _FINITE_VERB.search(p):
            continue  # "Curfew in the city will resume at 20:00 on Tuesday": a dated sentence
        kinds[i] = "subhead"
    _long_headings(paras, kinds, first)
    return kinds


# Speech broken off: a dash or an ellipsis after a word, perhaps inside the closing quotation
# mark ("HOST: And I have done a lot—", "“No,” she began, “because just as I said before … ”").
_CUT_OFF_ENDS = ("—", "--", "…", "...")
_LOWER_WORD = re.compile(r"(?:^|\s)[a-z]")


def _cut_off(p: str) -> bool:
    """Whether a line without final punctuation is a sentence that breaks off (interrupted
    speech in a transcript, a quotation left hanging): prose, never a heading.  A line of
    capitals or a label ("More On This...") is no sentence.

    >>> _cut_off("CLINTON: Well, I know you live in your own reality—"), _cut_off("More On This...")
    (True, False)
    """
    t = p.rstrip(" ”’\"')")
    # (an en dash after a space ends a promo whose link was cut: "Get the app on your TV –")
    ends = t.endswith(_CUT_OFF_ENDS) or (t.endswith("–") and t[-2:-1].isalpha())
    return ends and t.count(" ") >= 3 and bool(_LOWER_WORD.search(t))


_FIGURE = re.compile(r"\d(?:[.,]\d+)?(?:%| percent| points?| votes?| seats?| delegates?)(?!\w)")


def _figure_row(paras: list[str], i: int) -> bool:
    """A row of a table of figures ("Jane Roe (D) 52 percent"), as the line above introduces
    it (with a colon) or a neighbouring row of figures continues it: the story's data, even
    when only two rows long (three or more are rows of a list anyway).

    >>> _figure_row(["The results:", "Jane Roe (D) 52 percent", "John Doe (D) 41 percent", "Done."], 2)
    True
    >>> _figure_row(["It rained.", "Arkansas's premiums will be 2 percent lower", "He left."], 1)
    False
    """
    def row(p: str) -> bool:  # the figure ends the line, as a table's last column does
        return not _ends_sentence(p) and bool(_FIGURE.search(p, max(0, len(p) - 16)))

    if not row(paras[i]):
        return False
    prev = paras[i - 1] if i > 0 else ""
    nxt = paras[i + 1] if i + 1 < len(paras) else ""
    return prev.rstrip("”’\"')").endswith(":") or row(prev) or row(nxt)


def _long_headings(paras: list[str], kinds: list[str], first: int) -> None:
    """A line of 13 to 18 words without final punctuation, alone between two paragraphs that
    end like sentences: a sentence-like section heading ("Others say it can be done — and it
    might be harder to stop than you'd think") or a linked headline set between paragraphs;
    either way not body text.  A row of a list (a bullet, a neighbour of the same shape, a
    line the paragraph above introduces with a colon) or half of a broken sentence (the next
    line in lower case) stays body.

    >>> paras = ["It rained.", "Others say the plan can work and it might be harder to stop than you think", "He left."]
    >>> kinds = ["body"] * 3; _long_headings(paras, kinds, 0); kinds
    ['body', 'subhead', 'body']
    >>> paras[1:2] = ["Anyone who has been convicted of a violent crime or a weapons offense in the city", "Anyone else."]
    >>> kinds = ["body"] * 4; _long_headings(paras, kinds, 0); kinds
    ['body', 'body', 'body', 'body']
    """
    for i in range(first + 1, len(paras) - 1):
        p = paras[i]
        if kinds[i] != "body" or p[-1] in _LONG_STOPS or not p[:1].isupper() or _ends_sentence(p.rstrip(" ”’\"')")) \
                or _cut_off(p):
            continue
        words = p.count(" ") + 1
        if not 13 <= words <= 18 or p.startswith(_LIST_MARKS) or _label_value(p):
            continue
        # Two sentences, a reporting verb ("..., CNN reported in May"), or a last word that
        # cannot end a heading ("... took place in"): prose that lost its full stop or its end.
        if _INNER_BREAK.search(p) or _REPORTED.search(p) or p.rsplit(" ", 1)[-1].lower() in _OPEN_ENDS:
            continue
        # A day or a recent time ("President Trump on Thursday threatened China with ..."): a
        # news sentence dates what it tells; a section heading does not.
        if _NEWS_TIME.search(p):
            continue
        if sum(1 for w in p.split() if any(c.isdigit() for c in w)) >= 2:
            continue  # figures: a table's row or a line of data
        prev, nxt = paras[i - 1], paras[i + 1]
        if not (_ends_sentence(prev) and _ends_sentence(nxt)) or prev.rstrip("”’\"')")[-1:] == ":":
            continue
        # A row of a list: it opens like a neighbour ("Anyone who ..."), or a line just above
        # introduces the list ("Who can't buy a gun:").
        head = p.split(" ", 1)[0]
        if prev.split(" ", 1)[0] == head or nxt.split(" ", 1)[0] == head or \
                any(paras[k].rstrip("”’\"')")[-1:] == ":" for k in range(max(0, i - 3), i - 1)):
            continue
        if not (nxt[:1].isupper() or nxt[:1] in "“\"‘'") or nxt.startswith(_LIST_MARKS):
            continue
        kinds[i] = "subhead"


_LONG_STOPS = frozenset(".!?…:;,")
# Words a heading never ends on, a sentence broken across two lines may ("The charges were filed
# by" / "Attorney General Jane Roe on Monday."; "... liability; and").
_BROKEN_ENDS = frozenset("a an the of by and or nor but their his her its".split())
_INNER_BREAK = re.compile(r"[.!?:][”’\"')]? [“\"‘']?[A-Z]")
_REPORTED = re.compile(r"\b(?:said|reported|told|added|wrote|noted|found|explained|argued|according to)\b")
_NEWS_TIME = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight"
                        r"|(?:last|this|next) (?:week|month|year|weekend)|earlier (?:this|on|in)|later (?:this|on|in))\b")
# A finite verb group: a modal or a form of "be"/"have" before a word, or a past tense of a
# reporting or event verb.  With a day or a recent time, a line is a news sentence that lost
# its full stop, not a heading (headings name a topic; they rarely date an action).
_FINITE_VERB = re.compile(r"\b(?:will|would|can|could|may|might|must|shall|should|is|are|was|were|has|have|had)"
                          r" (?:not |also |now |be |been )?[a-z]{2,}")
_OPEN_ENDS = frozenset("a an the and or but nor of in on at to for from with by as that than which who whose "
                       "is are was were be been his her their its our my your".split())


# A question set alone as a heading ("What happens next?", "1. Who is covered by the order?"),
# as explainers set them: one short question, between two paragraphs, followed by its answer.
# A question that is the story's own line stays prose: one that opens with a conjunction or a
# discourse word ("But was anyone paying attention?"), speaks to or for someone ("Why are we
# not listening?", "Can you catch it on a plane?": an interview or an op-ed), has a comma,
# colon or quotation, follows a line that introduces it (":") or another question, or is
# followed by a speaker's name (an interview) or by another question (a run of rhetorical
# questions).  An article needs two such questions, or one in title case.
_Q_LEAD = re.compile(r"(?:\d{1,2}[.)]|[●•▪■]) ")
_Q_OPENERS = frozenset("But And So Or Yet Then Well Now Still Because If Either Plus Also Besides Anyway Again "
                       "Really Right Okay OK Oh Sound Remember Guess See Know Ever Meanwhile Otherwise Instead".split())
_PERSONS = re.compile(r"\b(?:you|your|yours|I|we|our|ours|my|me|us|I'm|I’m|we're|we’re|you're|you’re)\b", re.I)


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|our|us)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _question_candidate(p: str) -> bool:
    p = _Q_LEAD.sub("", p, count=1)
    words = p.split()
    return (3 <= len(words) <= 15 and p.endswith("?") and p[:1].isupper() and words[0] not in _Q_OPENERS
            and not any(c in p for c in "“”\",:;") and "? " not in p and ". " not in p and "! " not in p
            and not _PERSONS.search(p))


def _title_case(p: str) -> bool:
    words = [w for w in _Q_LEAD.sub("", p, count=1).split() if len(w.strip("?'’")) >= 4]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _question_subheads(paras: list[str], kinds: list[str], first: int) -> None:
    """Mark question headings (see above) as subheads."""
    n = len(paras)
    found = []
    for i in range(max(1, first + 1), n - 1):
        p = paras[i]
        if kinds[i] != "body" or not p.endswith("?") or not _question_candidate(p):
            continue
        prev, nxt = paras[i - 1], paras[i + 1]
        if kinds[i + 1] != "body" or not _ends_sentence(prev) or prev.rstrip("”’\"')")[-1:] in ":?":
            continue
        if nxt.endswith("?") or not nxt[:1].isupper() or (nxt.count(" ") < 4 and not _ends_sentence(nxt)):
            continue  # another question, a lower-case run-on, a speaker's name
        if _FIRST_PERSON.search(_QUOTED.sub("", nxt)):
            continue  # answered in the first person: an interview's question, an op-ed's own
        found.append(i)
    if len(found) >= 2:
        for i in found:
            kinds[i] = "subhead"
    else:
        for i in found:
            if _title_case(paras[i]):
                kinds[i] = "subhead"


def _label_value(p: str) -> bool:
    """``Primary Date: March 3, 2020``, ``Verdict: False``: a row of a table, label and value
    (a number, or a few words), not a subhead such as ``Official: Duncan should have moved``."""
    k = p.find(": ")
    if not 0 < k < len(p) - 2:
        return False
    value = p[k + 2:]
    return any(c.isdigit() for c in value) or value.count(" ") < 3


def split_text(result: CleanResult, title: str | None = None) -> tuple[tuple[Paragraph, ...], tuple[Sentence, ...], int]:
    """Paragraphs, sentences and the body word count of a cleaned text.

    ``title``: the article's title from its metadata, when known (a first line that matches
    it is the title paragraph).

    >>> paras, sents, n = split_text(clean_text("A Heading Line\\nOne here. Two there."))
    >>> [p.kind for p in paras], [(s.para_id, s.kind) for s in sents], n
    (['title', 'body'], [(0, 'title'), (1, 'body'), (1, 'body')], 4)
    """
    text = result.text
    spans = paragraph_spans(text)
    # Where a dateline was removed the story's first sentence begins (see paragraph_kinds).
    ledes = frozenset(e["end"] for e in result.edits if not e["replacement"] and "dateline" in e["rule"])
    paras = tuple(Paragraph(pid, a, b, kind)
                  for pid, ((a, b), kind) in enumerate(zip(spans, paragraph_kinds(text, spans, title, ledes))))
    sents: list[Sentence] = []
    for para, in_para in zip(paras, sentences_by_paragraph(text, spans)):
        for s, e in in_para:
            sents.append(Sentence(len(sents), para.para_id, s, e, para.kind))
    # Words never span a newline, so the body's words are the text's minus those of titles
    # and subheads: one regex pass over the text instead of one per paragraph.
    n_words = count_words(text) - sum(count_words(text[p.start:p.end]) for p in paras if p.kind != "body")
    return paras, tuple(sents), n_words


def split_article(raw_text: str, article_id: str = "", meta: Mapping | None = None, *,
                  cleaned: CleanResult | None = None, notes: Iterable[tuple[str, str]] = ()) -> Article:
    """Clean one raw text and split it into an :class:`Article`: the one place this happens.

    ``meta`` is the article's metadata (outlet, title, date, url, byline, file, ... and any
    other field); empty fields are filled from what cleaning read off the text (a date line,
    a credit, a dateline) and filled ones are cross-checked against it, with a warning where
    they disagree.  ``cleaned``: the :func:`analysis.clean.clean_text` result of
    ``raw_text`` when the caller already has it; ``notes``: ``(code, message)`` warnings
    found while reading it (its encoding, say), kept with it.

    >>> a = split_article("date 2024-05-31 Biden agreed.", "x", {"outlet": "AP", "date": "2024-06-01"})
    >>> a.meta["date"], [code for code, _ in a.warnings]
    ('2024-06-01', ['metadata_mismatch'])
    """
    result = cleaned if cleaned is not None else clean_text(raw_text)
    meta_row = {k: v for k, v in (meta or {}).items() if k not in _NOT_META}
    title = meta_row.get("title")
    paras, sents, n_words = split_text(result, None if _blank(title) else str(title))
    label = meta_row.get("file") or f"article {article_id}"
    found = tuple(("metadata_mismatch", n) for n in _cross_check(meta_row, result.meta, str(label)))
    found += tuple(_text_notes(str(label), raw_text, result.text, n_words))
    found += tuple(_date_notes(meta_row, str(label)))
    return Article(article_id=str(article_id), raw_text=raw_text, text=result.text, paragraphs=paras,
                   sentences=sents, edits=tuple(result.edits), meta=meta_row,
                   warnings=tuple(notes) + found, n_words=n_words)


_NOT_META = frozenset({"raw_text", "text", "article_id", "_warnings"})


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == ""


def _date_notes(meta_row: dict, label: str) -> list[tuple[str, str]]:
    """A date that is not a calendar date (``2024-13-45``, ``yesterday``): shown as written,
    but "yesterday" in the text cannot be dated from it, so the user is told."""
    value = meta_row.get("date")
    if _blank(value) or parse_date(value) is not None:
        return []
    return [("date_unreadable", f"{label}: the date {str(value)[:40]!r} is not a calendar date (write it as "
             "YYYY-MM-DD); it is shown as written, and dates in the text are not worked out from it")]


def _cross_check(meta_row: dict, found: dict, label: str) -> list[str]:
    """Fill empty metadata from what the text carries; warn where the two disagree."""
    notes = []
    if found.get("date"):
        if _blank(meta_row.get("date")):
            meta_row["date"] = found["date"]
        elif str(meta_row["date"])[:10] != found["date"][:10]:
            notes.append(f"{label}: manifest date {meta_row['date']} but the text's date line says {found['date']}")
    if found.get("credit"):
        if _blank(meta_row.get("outlet")):
            meta_row["outlet"] = found["credit"]
        else:
            said = canonical_outlet(str(meta_row["outlet"])) or str(meta_row["outlet"])
            if said != found["credit"]:
                notes.append(f"{label}: manifest outlet {meta_row['outlet']!r} but the text credits {found['credit']!r}")
    for key in ("dateline", "credit"):
        meta_row.setdefault(key, found.get(key))
    return notes


#: A clean text longer than this many characters loads with a recorded warning (code
#: ``large_text``): it is measured like any other, but it is far longer than a news article
#: and every analysis takes time in proportion to it.
LARGE_TEXT_CHARS = 2_000_000

_SURROGATE = re.compile("[\ud800-\udfff]")
# Chinese and Japanese characters (Han, kana): words are counted one per character.
_CJK_CHAR = re.compile(f"[{CJK_LETTERS}]")
# Scripts written without spaces between words that nothing here segments.
_UNSEGMENTED = {"Thai": "\u0e00-\u0e7f", "Lao": "\u0e80-\u0eff", "Tibetan": "\u0f00-\u0fff",
                "Myanmar": "\u1000-\u109f", "Khmer": "\u1780-\u17ff"}
_UNSEGMENTED_CHAR = re.compile("[" + "".join(_UNSEGMENTED.values()) + "]")
_NOT_LETTER = re.compile(r"[\W\d_]+")


def _text_notes(label: str, raw: str | None, text: str, n_words: int | None) -> list[tuple[str, str]]:
    """``(code, message)`` for what a text deserves a look for, whatever its source.

    ``surrogates``: the raw text holds surrogate code points (not text: a string from
    broken UTF-16 or JSON ``\\ud800`` escapes); cleaning replaced them (rule
    ``surrogates``) and the raw text keeps them.  ``language``: mostly Chinese or Japanese.
    ``unsupported_script``: mostly a script written without spaces that is not segmented
    here.  ``no_body_text``: words, but none in a body paragraph.  ``large_text``: a clean
    text longer than :data:`LARGE_TEXT_CHARS` (loaded and measured like any other).

    >>> _text_notes("a.txt", "Plain text.", "Plain text.", 2)
    []
    >>> [code for code, _ in _text_notes("a.txt", "x" + chr(0xD800), "x\ufffd", 1)]
    ['surrogates']
    """
    notes = []
    if len(text) > LARGE_TEXT_CHARS:
        notes.append(("large_text", f"{label}: {len(text):,} characters, far longer than a news article (this "
                      f"note is made above {LARGE_TEXT_CHARS:,}); loaded and measured, but every analysis "
                      "takes time in proportion to its length"))
    if raw is not None and not raw.isascii() and _SURROGATE.search(raw):
        n = len(_SURROGATE.findall(raw))
        notes.append(("surrogates", f"{label}: {n} surrogate code point(s), which are not text (a string from "
                      "broken UTF-16 or a JSON \\ud800 escape); the clean text has the character a high-low "
                      "pair encodes and U+FFFD for a lone one; raw_text keeps them (edit rule 'surrogates')"))
    if not text.isascii():
        if _CJK_CHAR.search(text) or _UNSEGMENTED_CHAR.search(text):
            n_letters = len(_NOT_LETTER.sub("", text)) or 1
            if len(_CJK_CHAR.findall(text)) / n_letters > 0.3:
                notes.append(("language", f"{label}: mostly Chinese or Japanese characters: words are counted "
                              "one per character and sentences end at 。！？, but readability, quotes, "
                              "attributions and frames are built for English text and will be empty or wrong"))
            for script, chars in _UNSEGMENTED.items() if _UNSEGMENTED_CHAR.search(text) else ():
                if len(re.findall(f"[{chars}]", text)) / n_letters > 0.3:
                    notes.append(("unsupported_script", f"{label}: mostly {script} script, which is written without "
                                  "spaces between words and is not segmented here: word, sentence and paragraph "
                                  "counts and every analysis will be wrong"))
    if n_words == 0 and text.strip() and count_words(text):
        notes.append(("no_body_text", f"{label}: no body text: every paragraph looks like a title or subhead "
                      "(short, without sentence-final punctuation), so body counts are 0; check the file's "
                      "paragraphs"))
    return notes


def _digest(text: str) -> str:
    # surrogatepass: any str has a digest (cleaning removes surrogates; callers may not clean)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class DuplicateFinder:
    """Notes articles whose clean text was seen before, in the order they come.

    One instance follows a whole input, so chunks processed apart (worker processes,
    Dask partitions) still find every duplicate, as one corpus would.

    >>> dup = DuplicateFinder()
    >>> dup.note("a", "Same text.", "a.txt"), dup.note("b", "Same text.", "b.txt")
    (None, 'b.txt: same text as article a')
    """

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def note(self, article_id: str, text: str, label: str | None = None, digest: str | None = None) -> str | None:
        """The warning for an article whose text was seen already, else None."""
        first = self.first.setdefault(digest or _digest(text), article_id)
        return None if first == article_id else f"{label or f'article {article_id}'}: same text as article {first}"


def with_duplicates_noted(articles: Iterable[Article], finder: DuplicateFinder | None = None) -> Iterator[Article]:
    """The articles, each one whose text came before carrying a ``duplicate_text`` warning."""
    finder = finder or DuplicateFinder()
    for art in articles:
        msg = finder.note(art.article_id, art.text, art.meta.get("file"))
        yield replace(art, warnings=art.warnings + (("duplicate_text", msg),)) if msg else art


def _split_record(rec: dict) -> Article:
    notes = [(w.get("code", "note"), w["message"]) for w in rec.get("_warnings", ())]
    return split_article(rec["raw_text"], rec["article_id"], rec, notes=notes)


def split_records(records: list[dict], workers: int = 1) -> list[Article]:
    """:func:`split_article` over records (``article_id``, ``raw_text``, metadata), in order.

    ``workers > 1`` splits in that many processes; the result is the same.
    """
    workers = capped_workers(workers)
    if workers <= 1 or len(records) < 2 * workers:
        return [_split_record(rec) for rec in records]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_split_record, records, chunksize=max(1, len(records) // (workers * 8))))


def capped_workers(workers: int) -> int:
    """``workers``, checked, and capped at the cores this process may use (with a warning).

    >>> capped_workers(1)
    1
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number of processes, 1 or more (got {workers!r})")
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    if workers > cores:
        _warnings.warn(f"workers={workers} but this machine lets the process use {cores} core(s); "
                       f"using {cores}", CorpusWarning, stacklevel=3)
        return cores
    return workers


def _warn_rows(rows: list[dict], where: str = "; see corpus.warnings", few: int = 5) -> None:
    """Show recorded warnings: up to ``few`` one by one, more (a large corpus) as one summary
    ending in ``where`` (where to read them all)."""
    if len(rows) <= few:
        for w in rows:
            _warnings.warn(w["message"], CorpusWarning, stacklevel=4)
        return
    codes = pd.Series([str(w["code"]).replace("_", " ") for w in rows]).value_counts()
    summary = ", ".join(f"{n} {code}" for code, n in codes.items())
    noun = "warning" if len(rows) == 1 else "warnings"
    _warnings.warn(f"{len(rows)} {noun} recorded ({summary}){where}", CorpusWarning, stacklevel=4)


def article_warning_rows(art: Article) -> list[dict]:
    """An article's warnings as rows of ``Corpus.warnings``."""
    return [{"article_id": art.article_id, "file": art.meta.get("file"), "code": code, "message": msg}
            for code, msg in art.warnings]


_MEMO_VALUE_TYPES = (str, int, float, bool, type(None), bytes)


def _memo_key(value) -> Hashable | None:
    """``value`` as a memo key, or None when it cannot be one (a DataFrame, a list, ...)."""
    if isinstance(value, _MEMO_VALUE_TYPES):
        return value
    if isinstance(value, (tuple, frozenset)):
        parts = [_memo_key(v) for v in value]
        return None if any(p is None and v is not None for p, v in zip(parts, value)) else (type(value).__name__, *parts)
    return None


def memoized(func: Callable[..., T]) -> Callable[..., T]:
    """Decorate a public analysis ``func(corpus, ...)`` so a Corpus computes it at most once.

    The result is kept in the corpus's memo (:meth:`Corpus.memo`) under the function's name
    and its arguments (defaults filled in), when all of them are plain values (strings,
    numbers, None, tuples of those); with any other argument (a DataFrame passed in, a list)
    the function just runs.
    A DataFrame (or a tuple of them) is handed out as a copy, so changing a result never
    changes what the next caller gets.  The warnings the computation gave are kept with the
    result and given again to every caller, so a result read from the memo (or from the
    report's cache, in another process) says what computing it would have said.
    """
    name = f"{func.__module__}.{func.__qualname__}"
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(corpus, *args, **kwargs):
        if not isinstance(corpus, Corpus):
            return func(corpus, *args, **kwargs)
        # The key names every argument with its default filled in, so ``f(c)`` and
        # ``f(c, min_words=8)`` (8 being the default) share one result.
        try:
            bound = signature.bind(corpus, *args, **kwargs)
        except TypeError:
            return func(corpus, *args, **kwargs)  # let the function say what is wrong
        bound.apply_defaults()
        key = _memo_key((name, tuple(sorted(list(bound.arguments.items())[1:]))))
        if key is None:
            return func(corpus, *args, **kwargs)
        entry = corpus.memo(key, lambda: _Computed.of(func, corpus, args, kwargs))
        for warning in entry.warnings:
            _warnings.warn(warning.message, warning.category, stacklevel=2)
        return _handed_out(entry.value)

    wrapper.memoized = True  # type: ignore[attr-defined]  # the report computes these in advance
    return wrapper


class _Given(NamedTuple):
    """A warning a computation gave: its message (a Warning) and its category."""

    message: Warning | str
    category: type


@dataclass(frozen=True)
class _Computed:
    """A memoized result and the warnings computing it gave."""

    value: object
    warnings: tuple[_Given, ...] = ()

    @classmethod
    def of(cls, func, corpus, args, kwargs) -> "_Computed":
        with _warnings.catch_warnings(record=True) as caught:
            _warnings.simplefilter("always")
            value = func(corpus, *args, **kwargs)
        return cls(value, tuple(_Given(w.message, w.category) for w in caught))


def _handed_out(value):
    if isinstance(value, pd.DataFrame):
        return value.copy()
    if isinstance(value, tuple):
        return tuple(_handed_out(v) for v in value)
    return value


PARAGRAPH_COLUMNS = ["article_id", "para_id", "kind", "start", "end", "text"]
SENTENCE_COLUMNS = ["article_id", "sent_id", "para_id", "kind", "start", "end", "text"]
WARNING_COLUMNS = ["article_id", "file", "code", "message"]


@dataclass(frozen=True, eq=False)
class Corpus:
    """Articles about one event: a collection of :class:`Article` records, with tidy views.

    Attributes
    ----------
    records : the :class:`Article` records, in corpus order (``for art in corpus``).
    articles : one row per article, indexed by ``article_id``: metadata, ``raw_text``,
        ``text`` (clean), body ``n_words``/``n_sentences``/``n_paragraphs``, ``warnings``.
    paragraphs : ``article_id, para_id, kind, start, end, text``; kind is ``body``,
        ``subhead``, ``title`` or ``caption`` (see :func:`paragraph_kinds`).
    sentences : ``article_id, sent_id, para_id, kind, start, end, text``.
    edits : every change cleaning made (``analysis.clean``), in raw-text coordinates.
    warnings : ``article_id, file, code, message`` for everything worth a look.

    The four frames are views of the records, built when first read.  Offsets are
    character offsets into ``articles.text``.  A corpus never changes; the analyses keep
    what they computed for it in its memo (see :meth:`memo`), so each is computed at most
    once per corpus and shared by every caller.

    >>> c = from_texts({"a": "One. Two.", "b": "Three."})
    >>> c
    Corpus(2 articles, 3 sentences, 0 warnings)
    >>> c.sentences.text.tolist(), [art.n_sentences for art in c]
    (['One.', 'Two.', 'Three.'], [2, 1])
    """

    records: tuple[Article, ...]
    load_warnings: tuple[dict, ...] = ()
    name: str = ""
    path: Path | None = None
    title: str = ""
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __repr__(self) -> str:
        n_sent = sum(len(a.sentences) for a in self.records)
        return f"Corpus({len(self.records)} articles, {n_sent} sentences, {len(self.warnings)} warnings)"

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.records)

    @property
    def ids(self) -> list[str]:
        """Article ids in corpus order."""
        return [a.article_id for a in self.records]

    def article(self, article_id: str) -> Article:
        """The record of one article."""
        try:
            return self._by_id[article_id]
        except KeyError:
            raise KeyError(f"no article {article_id!r} in this corpus (ids: {', '.join(self.ids[:10])}"
                           f"{', ...' if len(self) > 10 else ''})") from None

    @functools.cached_property
    def _by_id(self) -> dict[str, Article]:
        return {a.article_id: a for a in self.records}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value of ``compute()`` for ``key``, computed at most once for this corpus.

        Analyses keep their results here (see :func:`memoized`); the report fills it once
        and the notebooks and annotated pages read from it.  Values are treated as
        read-only: :func:`memoized` hands out copies.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def text(self, article_id: str) -> str:
        """The clean text of one article."""
        return self.article(article_id).text

    @functools.cached_property
    def articles(self) -> pd.DataFrame:
        rows = [{"article_id": a.article_id, **a.meta, "raw_text": a.raw_text, "text": a.text,
                 "n_words": a.n_words, "n_sentences": a.n_sentences, "n_paragraphs": a.n_paragraphs,
                 "warnings": tuple(m for _c, m in a.warnings)} for a in self.records]
        frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=["article_id", *ARTICLE_COLUMNS])
        for col in ARTICLE_COLUMNS:
            if col not in frame:
                frame[col] = None
        extra = [c for c in frame.columns if c not in ARTICLE_COLUMNS and c != "article_id"]
        frame = frame[["article_id", *ARTICLE_COLUMNS, *extra]].set_index("article_id")
        frame.index = frame.index.astype(str)
        return frame

    @functools.cached_property
    def paragraphs(self) -> pd.DataFrame:
        rows = [(a.article_id, p.para_id, p.kind, p.start, p.end, a.text[p.start:p.end])
                for a in self.records for p in a.paragraphs]
        return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        rows = [(a.article_id, s.sent_id, s.para_id, s.kind, s.start, s.end, a.text[s.start:s.end])
                for a in self.records for s in a.sentences]
        return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)

    @functools.cached_property
    def edits(self) -> pd.DataFrame:
        return edits_frame([{"article_id": a.article_id, **e} for a in self.records for e in a.edits])

    @functools.cached_property
    def warnings(self) -> pd.DataFrame:
        rows = list(self.load_warnings) + [r for a in self.records for r in article_warning_rows(a)]
        return pd.DataFrame(rows, columns=WARNING_COLUMNS)

    def body_paragraphs(self) -> pd.DataFrame:
        """Paragraphs of kind ``body`` (no subheads, titles or captions): what body measures use."""
        return self.paragraphs[self.paragraphs.kind == "body"]

    def body_sentences(self) -> pd.DataFrame:
        """Sentences in body paragraphs."""
        return self.sentences[self.sentences.kind == "body"]

    def rebuild_raw(self, article_id: str) -> str:
        """The raw text of an article, rebuilt from its clean text and the edit log.

        >>> c = from_texts({"a": "  Hello,\\r\\nworld  "})
        >>> c.rebuild_raw("a") == c.articles.at["a", "raw_text"]
        True
        """
        return self.article(article_id).rebuild_raw()

    def outlet_of(self) -> pd.Series:
        """``outlet`` per article, falling back to the article id when the outlet is unknown."""
        out = self.articles["outlet"].fillna("").astype(str)
        return out.where(out != "", pd.Series(self.articles.index, index=self.articles.index))


def make_corpus(articles: Iterable[Article], load_warnings: Iterable[dict] = (), *, name: str = "",
                path: Path | None = None, title: str = "", show_warnings: bool = True) -> Corpus:
    """A Corpus of article records, with duplicate texts noted and the warnings shown once.

    >>> c = make_corpus([split_article("Same.", "a"), split_article("Same.", "b")], show_warnings=False)
    >>> c.warnings.code.tolist()
    ['duplicate_text']
    """
    corpus = Corpus(records=tuple(with_duplicates_noted(articles)), load_warnings=tuple(load_warnings),
                    name=name, path=path, title=title)
    if show_warnings:
        rows = corpus.warnings.to_dict("records")
        if rows:
            _warn_rows(rows)
    return corpus


def _build(records: list[dict], name: str = "", path: Path | None = None, title: str = "",
           warnings: list[dict] | None = None, workers: int = 1) -> Corpus:
    """A Corpus from records with ``article_id``, ``raw_text`` and metadata."""
    return make_corpus(split_records(records, workers), warnings or (), name=name, path=path, title=title)


# --------------------------------------------------------------------------- decoding

# Byte-order marks other than UTF-8's, longest first (UTF-32 LE's starts with UTF-16 LE's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def decode_bytes(data: bytes, label: str) -> tuple[str, str, list[str]]:
    """Decode a file's bytes: by its byte-order mark, else UTF-8, else Windows-1252, with a warning.

    Returns ``(text, encoding, warnings)``; raises :class:`CorpusError` for binary data,
    for bytes no encoding here can read, and for an empty or whitespace-only file.

    The choice is the least lossy reading of the bytes (which stay on disk as they are):

    - a byte-order mark (UTF-8, UTF-16, UTF-32) says the encoding;
    - valid UTF-8 is UTF-8;
    - UTF-8 with a few bad bytes among its valid non-ASCII characters (a stray byte pasted
      into a UTF-8 file) is read as UTF-8, each bad byte sequence becoming U+FFFD, with a
      warning naming the first: reading it as Windows-1252 would garble every other
      non-ASCII character ("Süddeutsche" as "SÃ¼ddeutsche");
    - bytes with no valid UTF-8 sequence beyond ASCII are Windows-1252, with a warning.

    >>> decode_bytes("café".encode("cp1252"), "x.txt")[1:]
    ('cp1252', ['x.txt: not UTF-8; read as Windows-1252 (cp1252), as text pasted from Word often is'])
    >>> text, encoding, notes = decode_bytes("Süddeutsche für ".encode() + b"\\xfc", "m.csv")
    >>> text, encoding
    ('Süddeutsche für \\ufffd', 'utf-8')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding, notes = decode_bytes(data[3:], label)
        return text, "utf-8-sig" if encoding == "utf-8" else encoding, notes
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, codec, label)
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise CorpusError(f"{label}: looks like a binary file, not text (save the article as .txt)")
    notes: list[str] = []
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        text, encoding, notes = _decode_not_utf8(data, exc, label)
    if not text.strip():
        raise CorpusError(f"{label}: the file is empty or holds only whitespace")
    return text, encoding, notes


def _decode_with_bom(data: bytes, codec: str, label: str) -> tuple[str, str, list[str]]:
    """Bytes that start with a UTF-16 or UTF-32 byte-order mark, decoded in that encoding."""
    notes: list[str] = []
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        text = data.decode(codec, errors="replace")
        notes.append(f"{label}: starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} "
                     f"from byte {exc.start}; bad bytes read as U+FFFD (the file itself is unchanged)")
    if _looks_binary(text[:8192].encode("utf-8", "replace")) or "\x00" in text[:8192]:
        raise CorpusError(f"{label}: looks like a binary file, not text (save the article as .txt)")
    if not text.strip():
        raise CorpusError(f"{label}: the file is empty or holds only whitespace")
    return text, codec, notes


def _decode_not_utf8(data: bytes, exc: UnicodeDecodeError, label: str) -> tuple[str, str, list[str]]:
    """Bytes that are not valid UTF-8: mostly UTF-8 with a few bad bytes, else Windows-1252."""
    replaced = data.decode("utf-8", errors="replace")
    n_bad = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # minus U+FFFD already in the file
    n_non_ascii = len(replaced) - len(replaced.encode("ascii", "ignore"))
    n_valid = n_non_ascii - n_bad
    if n_valid > 0 and n_bad <= n_valid:
        line = data.count(b"\n", 0, exc.start) + 1
        return replaced, "utf-8", [
            f"{label}: {n_bad} byte sequence(s) not valid UTF-8 among UTF-8 text (the first, "
            f"{data[exc.start]:#04x}, at offset {exc.start}, line {line}); read as UTF-8 with U+FFFD "
            "in their place (the file itself is unchanged; re-save it as UTF-8 to fix)"]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise CorpusError(
            f"{label}: byte {data[exc.start]:#04x} at offset {exc.start} is neither UTF-8 nor "
            "Windows-1252; re-save the file as UTF-8") from None
    return text, "cp1252", [f"{label}: not UTF-8; read as Windows-1252 (cp1252), as text pasted from Word often is"]


def _looks_binary(head: bytes) -> bool:
    """Many control bytes other than tab/newline/carriage return: not a text file."""
    if not head:
        return False
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return ctrl / len(head) > 0.05


# --------------------------------------------------------------------------- entry points

# Columns the loader fills itself: a manifest column of the same name would be overwritten.
COMPUTED_COLUMNS = ("raw_text", "text", "encoding", "n_words", "n_sentences", "n_paragraphs", "warnings")

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _show(path) -> str:
    r"""A path or name for a one-line message: control characters and bytes the file system
    could not decode (surrogate escapes) written as escapes, everything else as it is.

    >>> _show("articles/a\nb.txt"), _show(b"caf\xe9.txt"), _show("Süddeutsche.txt")
    ('articles/a\\nb.txt', 'caf\\xe9.txt', 'Süddeutsche.txt')
    """
    text = os.fsdecode(path) if isinstance(path, (bytes, os.PathLike)) else str(path)
    return _UNPRINTABLE.sub(_escape_char, text)


def _escape_char(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return repr(match.group())[1:-1] if code < 0xD800 else f"\\u{code:04x}"


def _os_error(exc: OSError, fallback: Path | str) -> CorpusError:
    """A one-line CorpusError for a file the system would not let us read."""
    where = _show(exc.filename) if exc.filename else _show(fallback)
    return CorpusError(f"{where}: cannot be read ({exc.strerror or exc}); check that it exists "
                       "and that you may read it")


def load_event(folder: str | Path, cache: str | Path | None = None) -> Corpus:
    """Load an event folder: ``manifest.csv`` plus the article files it lists.

    ``cache``: a file of analyses computed beforehand, which the report hands to every
    chapter; None (the default, and what a reader running a notebook gets) computes them
    here.  Accepted for the notebooks' ``parameters`` cell; not read yet.

    ``manifest.csv`` needs ``article_id`` and ``file`` (relative to the folder);
    ``outlet``, ``title``, ``date``, ``url``, ``byline`` and ``notes`` are optional, and any
    other column is kept as metadata.  Metadata the text carries (a date line, a credit, a
    dateline) fills empty fields and is cross-checked against filled ones.  Only files
    inside the event folder are read: a listed file that resolves outside it (``../x``, an
    absolute path, a symbolic link out of the folder) is a :class:`CorpusError` naming
    its manifest row, and a README.md linked from outside is not read (a warning).

    ``cache``: the path of a cache file the report wrote (:mod:`analysis.cache`): the
    event's corpus with its analyses already computed, so a notebook run by the report
    computes nothing again.  It is used only if it was made from the event's files as
    they are now; a stale or foreign cache is ignored and the event loaded as usual, with
    a warning (code ``cache`` in ``corpus.warnings``); a path that does not exist (or
    None) just loads the event.

    >>> corpus = load_event("data/events/ukraine-weapons-2024-05")  # doctest: +SKIP
    >>> corpus.articles.outlet.tolist()  # doctest: +SKIP
    ['AP', 'CNN', 'NYT', 'Rewrite', 'Scripps']
    """
    if not isinstance(folder, (str, os.PathLike)):
        raise TypeError(f"load_event needs the path of an event folder (a str or Path), not {type(folder).__name__}")
    if "\x00" in os.fspath(folder):
        raise CorpusError(f"{_show(folder)}: a folder name cannot hold a NUL character")
    folder = Path(folder)
    notes: list[dict] = []
    if cache is not None:
        from .cache import read_cache

        cached, why = read_cache(cache, folder)
        if cached is not None:
            rows = cached.warnings.to_dict("records")
            if rows:  # a report's chapter: said once in words; its first chapter lists them
                them = "it" if len(rows) == 1 else "them"
                _warn_rows(rows, where=f" when the event was loaded (the first chapter of its report lists {them})", few=0)
            return cached
        if why:
            notes.append({"article_id": None, "file": _show(cache), "code": "cache", "message": why})
    try:
        return _load_event(folder, notes)
    except OSError as exc:  # a permission, a name too long, a vanished disk: one line, not a traceback
        raise _os_error(exc, folder) from None


def _load_event(folder: Path, notes: list[dict] | None = None) -> Corpus:
    manifest = _checked_manifest(folder)
    real = folder.resolve()
    warn_rows: list[dict] = list(notes or ())
    records, listed = [], set()
    for line, row in _read_manifest(manifest, warn_rows):
        record, paths = _manifest_record(folder, real, line, row, manifest, warn_rows)
        records.append(record)
        listed |= paths
    warn_rows += _unlisted_files(folder, listed)
    readme, notes = _event_readme(folder)
    warn_rows += [{"article_id": None, "file": _show(folder / "README.md"), "code": "readme", "message": n}
                  for n in notes]
    records = list(with_outlet_spellings(records, warn_rows))
    return _build(records, name=real.name, path=folder, title=_readme_title(readme, real.name),
                  warnings=warn_rows)


def _checked_manifest(folder: Path) -> Path:
    """The event's ``manifest.csv``, or a CorpusError saying why the folder or manifest cannot be read."""
    if not folder.exists():
        if folder.is_symlink():
            raise CorpusError(f"{_show(folder)}: a symbolic link to {_show(os.readlink(folder))}, which does not exist")
        raise CorpusError(f"{_show(folder)}: no such event folder")
    if not folder.is_dir():
        raise CorpusError(f"{_show(folder)}: not a folder (an event is a folder with manifest.csv)")
    manifest = folder / "manifest.csv"
    if not manifest.exists():
        if manifest.is_symlink():
            raise CorpusError(f"{_show(manifest)}: a symbolic link to {_show(os.readlink(manifest))}, which does not exist")
        raise CorpusError(f"{_show(folder)}: no manifest.csv (see data/README.md for its columns)")
    manifest_real = _inside(folder.resolve(), manifest)
    if manifest_real is None:
        raise CorpusError(f"{_show(manifest)}: resolves to {_show(manifest.resolve())}, outside the event folder; "
                          "only files inside the event folder are read: copy the manifest into it")
    if manifest_real.is_dir():
        raise CorpusError(f"{_show(manifest)}: a folder, not a file (manifest.csv must be a CSV file)")
    if not manifest_real.is_file():
        raise CorpusError(f"{_show(manifest)}: not a regular file (manifest.csv must be a CSV file)")
    return manifest


def _manifest_record(folder: Path, real: Path, line: int, row: dict, manifest: Path,
                     warn_rows: list[dict]) -> tuple[dict, set[Path]]:
    """The record of one manifest row (its file read and decoded) and the paths it lists."""
    aid = row["article_id"]
    where = f"{_show(manifest)}, line {line}: article {aid!r}"
    rel = row["file"].strip()
    path = _listed_file(folder, real, rel, where, "file")
    listed = {path}
    source = (row.get("source_file") or "").strip()
    if source:  # an original kept beside its text (new-event): inside too, never read
        kept = _listed_file(folder, real, source, where, "source_file", must_exist=False)
        listed.add(kept)
        if not kept.is_file():
            warn_rows.append({"article_id": aid, "file": source, "code": "missing_source_file",
                              "message": f"{where}: source_file {source!r} does not exist"})
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{where}: file {rel!r} cannot be read ({exc.strerror or exc}); "
                          "check that you may read it") from None
    text, encoding, notes = decode_bytes(data, _show(folder / rel))
    meta = {k: (None if _blank(v) else v.strip()) for k, v in row.items()}
    meta.update(file=rel, encoding=encoding, raw_text=text,
                _warnings=[{"code": "encoding", "message": n} for n in notes])
    return meta, listed


def _unlisted_files(folder: Path, listed: set[Path]) -> list[dict]:
    """A warning row for each file in ``articles/`` that the manifest does not list (not loaded)."""
    art_dir = folder / "articles"
    rows = []
    if art_dir.is_dir():
        for p in sorted(art_dir.iterdir()):
            if p.name.startswith("."):
                continue
            try:
                unlisted = p.is_file() and p.resolve() not in listed
            except (OSError, RuntimeError):  # a link loop or an unreadable entry: not an article
                unlisted = False
            if unlisted:
                rows.append({"article_id": None, "file": _show(p), "code": "unlisted_file",
                             "message": f"{_show(p)}: in articles/ but not listed in manifest.csv (not loaded)"})
    return rows


def _inside(real: Path, path: Path) -> Path | None:
    """``path`` resolved (every symbolic link followed, ``..`` removed) if that lies inside
    the resolved folder ``real``, else None."""
    try:
        resolved = path.resolve()
    except RuntimeError:  # a loop of symbolic links (Python < 3.13)
        return None
    return resolved if resolved == real or resolved.is_relative_to(real) else None


def _listed_file(folder: Path, real: Path, rel: str, where: str, column: str, must_exist: bool = True) -> Path:
    """The resolved path of a file a manifest row lists, checked to lie inside the event."""
    if "\x00" in rel:
        raise CorpusError(f"{where}: {column} {rel!r} holds a NUL character, which no file name can")
    path = folder / rel
    try:
        resolved = path.resolve()
    except RuntimeError:
        raise CorpusError(f"{where}: {column} {rel!r} is a loop of symbolic links") from None
    if resolved == real:
        raise CorpusError(f"{where}: {column} {rel!r} is the event folder itself, not a file")
    if not resolved.is_relative_to(real):
        raise CorpusError(
            f"{where}: {column} {rel!r} resolves to {_show(resolved)}, outside the event folder {_show(real)}; "
            "only files inside the event folder are read: copy the file into its articles/ folder and "
            "list it as articles/<name>")
    if must_exist:
        if resolved.is_dir():
            raise CorpusError(f"{where}: {column} {rel!r} is a folder, not a file")
        if not resolved.exists():
            hint = " (separate folders with '/', as in articles/a.txt)" if "\\" in rel else ""
            raise CorpusError(f"{where} lists {column} {rel!r}, which does not exist{hint}")
        if not resolved.is_file():
            raise CorpusError(f"{where}: {column} {rel!r} is not a regular file (a device or a pipe?)")
    return resolved


def _read_manifest(manifest: Path, warn_rows: list[dict]) -> list[tuple[int, dict]]:
    """``(line, row)`` for each row of manifest.csv (row: column -> string), after checking
    the header (required columns, no duplicate, unnamed or computed ones) and each row (an
    id, a file, no duplicate id, no more values than columns).  ``line`` is where the row
    starts in the file.  A decoding warning is appended to ``warn_rows``."""
    try:
        text, _, notes = decode_bytes(manifest.read_bytes(), _show(manifest))
    except CorpusError as exc:
        raise CorpusError(f"{exc} (manifest.csv must be a CSV file with a header row)") from None
    for note in notes:
        warn_rows.append({"article_id": None, "file": _show(manifest), "code": "encoding", "message": note})
    # strict: a quotation mark never closed is an error, not the rest of the file in one value
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    return _manifest_rows(manifest, _csv_rows(reader, _show(manifest)))


def _csv_rows(reader, name: str):
    """``(line, fields)`` per row, ``line`` where the row starts; csv errors as CorpusError."""
    before = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            hint = ("; a quotation mark opened there is never closed" if "end of data" in str(exc)
                    else "; a value with a quotation mark inside must be in double quotes, the mark doubled"
                    if "expected after" in str(exc) else "")
            raise CorpusError(f"{name}, line {before + 1}: not valid CSV ({exc}){hint}") from None
        yield before + 1, fields
        before = reader.line_num


def _manifest_rows(manifest: Path, rows_in) -> list[tuple[int, dict]]:
    name = _show(manifest)
    header = [h.strip() for h in next(rows_in, (1, []))[1]]
    named = [h for h in header if h]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        hint = next((f" (columns separated by {sep!r}? manifest.csv separates them with commas)"
                     for sep in (";", "\t", "|") if len(header) == 1 and sep in header[0]), "")
        raise CorpusError(f"{name}: missing required column(s) {', '.join(missing)}; "
                          f"found {', '.join(map(repr, named)) or 'no header'}{hint}")
    twice = [h for h in dict.fromkeys(named) if named.count(h) > 1]
    if twice:
        raise CorpusError(f"{name}: column(s) {', '.join(map(repr, twice))} appear more than once in the "
                          "header; give each column its own name (only one value could be kept)")
    computed = [h for h in named if h in COMPUTED_COLUMNS]
    if computed:
        raise CorpusError(f"{name}: column(s) {', '.join(map(repr, computed))} are computed when the event "
                          "is loaded and would be overwritten; rename them (e.g. 'manifest_text')")
    rows, seen = [], {}
    for line, fields in rows_in:
        if not any(f.strip() for f in fields):
            continue  # a blank line, or a row of empty cells: nothing in it to lose
        extra = [f for f in fields[len(header):] if f.strip()]
        if extra:
            raise CorpusError(
                f"{name}, line {line}: {len(fields)} values but the header names {len(header)} columns "
                f"(extra: {', '.join(repr(f[:40]) for f in extra[:3])}); a comma inside a value? put that "
                "value in double quotes")
        unnamed = [i + 1 for i, (h, f) in enumerate(zip(header, fields)) if not h and f.strip()]
        if unnamed:
            raise CorpusError(f"{name}, line {line}: a value in column {unnamed[0]}, which has no name in "
                              "the header; name the column")
        row = {h: (fields[i] if i < len(fields) else "") for i, h in enumerate(header) if h}
        aid = row["article_id"].strip()
        if not aid:
            raise CorpusError(f"{name}, line {line}: empty article_id")
        if any(unicodedata.category(ch)[0] == "C" for ch in aid):
            raise CorpusError(f"{name}, line {line}: article_id {aid!r} holds a control character "
                              "(a line break, a tab, ...); ids name pages and table rows: use letters, "
                              "digits, '-' or '_'")
        if not row["file"].strip():
            raise CorpusError(f"{name}, line {line}: article {aid} has no file")
        if aid in seen:
            raise CorpusError(f"{name}, line {line}: duplicate article_id {aid!r} (first on line {seen[aid]})")
        seen[aid] = line
        row["article_id"] = aid
        rows.append((line, row))
    if not rows:
        raise CorpusError(f"{name}: lists no articles")
    return rows


def _event_readme(folder: Path) -> tuple[str, list[str]]:
    """The text of the event's README.md ("" without one) and warnings about it.

    A README that resolves outside the event folder (a symbolic link out of it) is not read,
    nor one that is not a regular file or cannot be decoded; each is named in a warning.

    >>> _event_readme(Path("no/such/folder"))
    ('', [])
    """
    readme = folder / "README.md"
    try:
        if not readme.exists() and not readme.is_symlink():
            return "", []
        resolved = _inside(folder.resolve(), readme)
        if resolved is None:
            return "", [f"{_show(readme)}: resolves to {_show(readme.resolve())}, outside the event folder; "
                        "not read (the title is the folder name)"]
        if not resolved.is_file():
            return "", [f"{_show(readme)}: not a regular file; not read (the title is the folder name)"]
        text, _, notes = decode_bytes(resolved.read_bytes(), _show(readme))
    except (OSError, RuntimeError) as exc:
        return "", [f"{_show(readme)}: cannot be read ({getattr(exc, 'strerror', None) or exc}); "
                    "not read (the title is the folder name)"]
    except CorpusError as exc:
        return "", [f"{exc}; not read (the title is the folder name)"]
    return text, notes


def _readme_title(readme: str, fallback: str) -> str:
    """The first Markdown heading of a README's text, else ``fallback``.

    >>> _readme_title("Intro\\n# The event\\n", "folder"), _readme_title("", "folder")
    ('The event', 'folder')
    """
    for line in readme.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def from_texts(texts: Mapping[str, str], **metadata: Mapping[str, str]) -> Corpus:
    """A Corpus from ``{article_id: raw text}``; optional metadata as ``{article_id: value}``.

    >>> c = from_texts({"ap": "WASHINGTON (AP) — Biden agreed.", "cnn": "Biden said yes."},
    ...                outlet={"cnn": "CNN"})
    >>> c.articles[["outlet", "dateline", "text"]].fillna("").values.tolist()
    [['AP', 'WASHINGTON', 'Biden agreed.'], ['CNN', '', 'Biden said yes.']]
    """
    if not isinstance(texts, Mapping):
        raise TypeError(f"from_texts takes a dict of article id -> text, got a {type(texts).__name__} "
                        "(for a list, use dict(enumerate(texts)) or an.from_records)")
    records = []
    for aid, raw in texts.items():
        rec = {"article_id": str(aid), "text": raw}
        for key, values in metadata.items():
            rec[key] = values.get(aid)
        records.append(rec)
    return from_records(records)


def records_with_ids(rows: Iterable[Mapping], warn_rows: list[dict], text_column: str = "text") -> Iterator[dict]:
    """Records ready to split: ``article_id`` (given, else the position), ``raw_text`` and metadata.

    Ids must be unique over the whole input; a record whose text is missing or blank is
    skipped with a row in ``warn_rows``, never silently; blank metadata becomes None.  A
    generator, so a stream of any length is checked record by record (what
    :func:`from_records` and :func:`analysis.features_from_records` both read).

    >>> notes = []
    >>> [r["article_id"] for r in records_with_ids([{"text": "A."}, {"text": ""}, {"article_id": 7, "text": "B."}], notes)]
    ['000', '7']
    >>> [n["code"] for n in notes]
    ['empty_text']
    """
    seen: set[str] = set()
    first_keys, any_text, n = None, False, 0
    for i, row in enumerate(rows):
        n += 1
        if not isinstance(row, Mapping):
            raise TypeError(f"record {i} is a {type(row).__name__}, not a dict")
        first_keys = first_keys if first_keys is not None else sorted(map(str, row))
        any_text = any_text or text_column in row
        aid = row.get("article_id")
        aid = f"{i:03d}" if _blank(aid) else str(aid)
        if aid in seen:
            raise CorpusError(f"record {i}: duplicate article_id {aid!r}")
        seen.add(aid)
        raw = row.get(text_column)
        if _blank(raw) or not isinstance(raw, str):
            what = "no text" if _blank(raw) else f"its text is a {type(raw).__name__}, not a string"
            warn_rows.append({"article_id": aid, "file": row.get("file"), "code": "empty_text",
                              "message": f"record {i} (article {aid}): {what}; skipped"})
            continue
        meta = {k: (None if _blank(v) else v) for k, v in row.items() if k not in (text_column, "article_id")}
        yield {**meta, "article_id": aid, "raw_text": raw}
    if n and not any_text:
        raise CorpusError(f"records have no {text_column!r} column; columns: {first_keys} "
                          "(pass text_column= / text_field= to name the field that holds the text)")


def with_outlet_spellings(records: Iterable[dict], warn_rows: list[dict]) -> Iterator[dict]:
    """Records whose outlet differs from an earlier record's only in case or spacing
    ("CNN" / "cnn", "Fox  News" / "Fox News") take the earlier spelling, with an
    ``outlet_spelling`` row in ``warn_rows``.

    A hand-typed manifest easily spells one outlet two ways; kept apart, one outlet would
    get two colours, two rows in every per-outlet table and half its articles in each.
    The spelling as given stays in the warning.  A generator, record by record, so any
    stream (and every route: folders, records, the feature table) is read the same way.

    >>> notes = []
    >>> [r["outlet"] for r in with_outlet_spellings([{"outlet": "CNN"}, {"outlet": " cnn"}, {"outlet": None}], notes)]
    ['CNN', 'CNN', None]
    >>> notes[0]["code"]
    'outlet_spelling'
    """
    first: dict[str, str] = {}
    for rec in records:
        outlet = rec.get("outlet")
        if isinstance(outlet, str) and not _blank(outlet):
            key = " ".join(outlet.split()).casefold()
            chosen = first.setdefault(key, outlet)
            if chosen != outlet:
                label = rec.get("file") or f"article {rec.get('article_id')}"
                warn_rows.append({"article_id": rec.get("article_id"), "file": rec.get("file"),
                                  "code": "outlet_spelling",
                                  "message": f"{label}: outlet {outlet!r} read as {chosen!r}, the spelling of an "
                                             "earlier article (they differ only in case or spacing)"})
                rec = {**rec, "outlet": chosen}
        yield rec


def from_records(records: pd.DataFrame | Iterable[Mapping], text_column: str = "text",
                 workers: int = 1, warnings: list[dict] | None = None) -> Corpus:
    """A Corpus from a DataFrame or dicts with a ``text`` column; other columns are metadata.

    Rows without an ``article_id`` are numbered.  A row whose text is missing or blank is
    skipped with a recorded warning, never silently.  ``workers > 1`` cleans and splits the
    articles in that many processes, with the same result.  ``warnings`` are rows
    (``article_id, file, code, message``) found while reading the records, to keep with them.

    >>> c = from_records([{"text": "Kyiv said no.", "outlet": "A"}, {"text": "  "}])
    >>> len(c), c.warnings.code.tolist()
    (1, ['empty_text'])
    """
    if isinstance(records, pd.DataFrame):
        frame = records.reset_index() if records.index.name == "article_id" else records
        records = frame.to_dict("records")
    warn_rows = list(warnings or [])
    out = list(with_outlet_spellings(records_with_ids(records, warn_rows, text_column), warn_rows))
    return _build(out, warnings=warn_rows, workers=workers)
