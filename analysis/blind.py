"""Outlets as letters, so students judge the text and not the brand (the pack's ``--blind``).

:func:`blinding` gives each outlet of a corpus a letter in corpus order ("Outlet A",
"Outlet B", ...) and finds every way the outlet may be written: its name, and the aliases
``resources/outlets.csv`` knows for it ("AP", "Associated Press", "The Associated Press").
A :class:`Blinding` then

- rewrites text (:meth:`Blinding.text`) and the text of an HTML page (:meth:`Blinding.html`:
  text between tags and ``title``/``alt``/``aria-label`` attributes, never styles, scripts or
  image data);
- makes a blinded corpus (:meth:`Blinding.corpus`): outlets are the letters, the article
  ids are numbers ("1", "2", ..., since an id may name its outlet), and every text field of
  the metadata (title, credit, dateline, byline, ...) is rewritten; the article texts are
  kept as they are (every offset stays valid) and are rewritten where they are shown.
"""

from __future__ import annotations

import csv
import functools
import html
import re
from dataclasses import dataclass, replace
from importlib import resources

__all__ = ["Blinding", "blinding", "letter_label"]

# Metadata that only says where a file came from: not shown, so dropped from a blinded corpus.
_DROPPED_META = ("url", "file", "source_file", "notes", "encoding")


def letter_label(i: int) -> str:
    """``Outlet A`` for 0, ... ``Outlet Z`` for 25, then ``Outlet AA``, ``Outlet AB`` ...

    >>> letter_label(0), letter_label(25), letter_label(26)
    ('Outlet A', 'Outlet Z', 'Outlet AA')
    """
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return f"Outlet {letters}"


def _known_names() -> list[list[str]]:
    """Each known outlet's name and aliases (``resources/outlets.csv``)."""
    with resources.files("analysis").joinpath("resources", "outlets.csv").open(encoding="utf-8") as fh:
        return [[row["name"], *[a for a in row["aliases"].split("|") if a]] for row in csv.DictReader(fh)]


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", name.lower().removeprefix("the "))


def _forms(outlet: str, known: list[list[str]]) -> set[str]:
    """The ways ``outlet`` may be written: itself, and every alias of a known outlet whose
    name or alias it is or begins ("Scripps" -> "Scripps News")."""
    words = _words(outlet)
    forms = {outlet.strip()}
    for names in known:
        for name in names:
            w = _words(name)
            if words and (w == words or w[:len(words)] == words):
                forms.update(names)
                break
    return {f for f in forms if f.strip()}


def _pattern(form: str) -> str:
    """A regular expression for one way of writing a name: whole words, any spacing, in its
    own case (so the outlet "Time" leaves "time" alone), a leading "The" in either case.

    >>> bool(re.search(_pattern("The New York Times"), "as the New York Times said"))
    True
    """
    parts = [re.escape(p) for p in form.split()]
    if parts and parts[0] == "The":
        parts[0] = "[Tt]he"
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


@dataclass(frozen=True)
class Blinding:
    """Outlet names and the letters that replace them (see :func:`blinding`)."""

    letters: dict[str, str]        # outlet -> "Outlet A"
    forms: dict[str, str]          # every way of writing an outlet -> its letter
    ids: dict[str, str]            # article id -> the blinded id ("1", "2", ...)

    @functools.cached_property
    def regex(self) -> re.Pattern | None:
        """One pattern for every form, longest first (None when there is none)."""
        if not self.forms:
            return None
        # Longest first, so "The New York Times" is taken whole before "New York Times".
        return re.compile("|".join(f"(?P<f{i}>{_pattern(f)})" for i, f in enumerate(self._ordered)))

    @functools.cached_property
    def _ordered(self) -> list[str]:
        return sorted(self.forms, key=len, reverse=True)

    def _label(self, match: re.Match) -> str:
        return self.forms[self._ordered[int(match.lastgroup[1:])]]

    def text(self, value: str) -> str:
        """``value`` with every outlet name replaced by its letter.

        >>> import analysis as an
        >>> b = blinding(an.from_texts({"a": "x", "b": "y"}, outlet={"a": "NYT", "b": "CNN"}))
        >>> b.text("The New York Times and CNN's reporters; the New York Times said")
        "Outlet A and Outlet B's reporters; Outlet A said"
        """
        regex = self.regex
        return regex.sub(self._label, value) if regex is not None and value else value

    def html(self, page: str) -> str:
        """An HTML page (or fragment) with outlet names replaced in its text and in its
        ``title``, ``alt`` and ``aria-label`` attributes; styles, scripts and every other
        attribute (image data, links) are left as they are."""
        out, skip = [], False
        for part in re.split(r"(<[^>]*>)", page):
            if part.startswith("<"):
                name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
                tag = name.group(1).lower() if name else ""
                if tag in ("style", "script"):
                    skip = not part.startswith("</")
                out.append(re.sub(r'(\s(?:title|alt|aria-label)=")([^"]*)(")',
                                  lambda m: m.group(1) + self._escaped(m.group(2), True) + m.group(3), part))
            else:
                out.append(part if skip else self._escaped(part, False))
        return "".join(out)

    def _escaped(self, text: str, quote: bool) -> str:
        plain = html.unescape(text)
        new = self.text(plain)
        return text if new == plain else html.escape(new, quote=quote)

    def corpus(self, corpus):
        """A blinded copy of ``corpus`` (outlets as letters, ids as numbers, metadata
        rewritten); its memo starts empty."""
        from .corpus import make_corpus

        records = []
        for art in corpus:
            meta = {k: (self.text(v) if isinstance(v, str) else v) for k, v in art.meta.items()
                    if k not in _DROPPED_META}
            meta["outlet"] = self.letters[art.outlet]
            records.append(replace(art, article_id=self.ids[art.article_id], meta=meta, warnings=()))
        return make_corpus(records, (), name="event", path=corpus.path, title=self.text(corpus.title),
                           show_warnings=False)


def blinding(corpus) -> Blinding:
    """The letters of a corpus's outlets, in corpus order, and every way they are written.

    >>> import analysis as an
    >>> c = an.from_texts({"x": "One.", "y": "Two.", "z": "Three."}, outlet={"x": "AP", "y": "CNN", "z": "AP"})
    >>> b = blinding(c)
    >>> b.letters, b.ids
    ({'AP': 'Outlet A', 'CNN': 'Outlet B'}, {'x': '1', 'y': '2', 'z': '3'})
    >>> sorted(f for f, letter in b.forms.items() if letter == "Outlet A")
    ['AP', 'Associated Press', 'The Associated Press']
    """
    known = _known_names()
    letters: dict[str, str] = {}
    for outlet in corpus.outlet_of():
        if outlet not in letters:
            letters[outlet] = letter_label(len(letters))
    named = {str(o).strip() for o in corpus.articles["outlet"] if isinstance(o, str) and o.strip()}
    forms: dict[str, str] = {}
    for outlet, letter in letters.items():
        if outlet in named:  # not an article id standing in for an unknown outlet
            for form in _forms(outlet, known):
                forms.setdefault(form, letter)
    ids = {aid: str(i + 1) for i, aid in enumerate(corpus.ids)}
    return Blinding(letters=letters, forms=forms, ids=ids)
