"""Ways of naming a person: "President Joe Biden", "Mr. Biden", "Biden", "Gen. CQ Brown".

A *mention* is a run of capitalized words ending in a surname and starting with given names
or initials (Lloyd J. Austin III), a surname after a title (Mr., President, Gen., Secretary
...), or a bare surname.  The title part is the run of capitalized words before the name
("Chairman of the Joint Chiefs of Staff Gen.").  :func:`person_mentions` gives every mention
its person, in phases:

1. **Names** (:func:`_collect_mentions`): runs of capitalized words are parsed; a run that
   holds two names back to back ("Chris Christie Trump", "Stormy Daniels Karen McDougal",
   link text without commas) is cut where a name the corpus uses alone ends and another
   begins.
2. **Persons from full names** (:func:`_persons_of_full`): full names are one person when
   their surnames agree and their given names agree position by position, an initial
   standing for a name (Charles Q. Brown = C.Q. Brown = CQ Brown).  Different given names,
   a middle initial more or less, or Jr./Sr. make different persons: George Bush / George W.
   Bush, Kellyanne / George Conway, Donald Trump / Donald Trump Jr.  An initial that fits two
   persons is left on its own.
3. **Titled surnames** (:func:`_resolve_titled`): "Mr. Conway" goes to a person of that
   surname whose first name is not a woman's, "Mrs. Conway" to one whose first name is not a
   man's (first names' genders from the ``gender-guesser`` package's name list); a role
   title ("President Trump") prefers the person the corpus gives that title; then the
   person named in the article, then the corpus's most named one.
4. **Bare surnames** (:func:`_resolve_bare`): "Biden's decision", "to Biden" count for a
   person when the article names someone of that surname (in full or with a title): the one
   the article names most (a wife or a son named once does not take the senator's or the
   president's bare surname), ties to the one named last before it.

Each phase reads the mentions once (dictionaries by surname and article), so the work is
linear in the number of mentions.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

import pandas as pd

from .corpus import Corpus, memoized
from .text import abbreviations, stopwords, word_spans

__all__ = ["person_mentions", "name_key", "PERSON_COLUMNS"]

PERSON_COLUMNS = ["article_id", "outlet", "start", "end", "mention", "title", "name", "surname", "person"]

# Capitalized words that name a role, not a person: they make up the title part before a
# name and never count as a given name or surname.
TITLE_WORDS = frozenset(w.lower() for w in """
Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Father Sister Rabbi Imam
Sheikh Pope Cardinal Bishop Archbishop King Queen Prince Princess Emperor Empress Sultan Emir
President Vice Premier Prime Minister Ministers Secretary Secretaries Chancellor Deputy Acting
Former Interim General Gen Lt Lieutenant Col Colonel Maj Major Capt Captain Cmdr Commander
Adm Admiral Sgt Sergeant Cpl Corporal Pvt Private Brig Marshal Field Chief Chiefs Chairman
Chairwoman Chairperson Chair Director Ambassador Envoy Senator Sen Sens Representative Rep Reps
Congressman Congresswoman Delegate Governor Gov Lt.-Gov Mayor Judge Justice Magistrate Attorney
Solicitor Speaker Leader Majority Minority Whip Spokesman Spokeswoman Spokesperson Press Officer
Detective Sheriff Agent Inspector Superintendent Commissioner Coach Dean Provost Chancellor
Adviser Advisor Counselor Counsellor Aide Head Founder CEO CFO COO Executive Officer Manager
State Defense Defence Treasury Commerce Energy Interior Labor Labour Homeland Security National
Foreign Home Affairs Health Education Transportation Agriculture Veterans Housing Finance
Economy Intelligence Staff Joint Supreme Allied Navy Army Air Force Forces Marine Marines
Guard Command Central European Pacific Europe Africa Ambassadors Nations United Assistant
Undersecretary Under Principal Senior Special Presidential Opposition Party Parliamentary
Jr Sr
""".split())
# Heads of names of organizations, places and things: a run ending in one is no person.
NON_PERSON_WORDS = frozenset(w.lower() for w in """
House Senate Congress Parliament Assembly Council Committee Commission Court Courts Cabinet
Administration Government Ministry Department Office Agency Bureau Service Services Institute
Center Centre Foundation Fund Association Union Federation League Club Group Company Corp
Corporation Inc Ltd LLC Bank Party Network News Times Post Journal Herald Tribune Gazette Press
Daily Weekly Magazine Media Radio TV Television Channel Online Wire Review Report Reports
University College School Academy Hospital Church Mosque Temple Museum Library Castle Palace
Tower Hall Square Street Road Avenue Boulevard Bridge Station Airport Port Harbor Harbour Park
Garden Gardens Stadium Arena Region Province Oblast County District City Town Village State
States Republic Kingdom Empire Islands Island Sea Ocean River Lake Mountains Mountain Valley
Desert Coast Peninsula Strait Gulf Bay Canal Base Border Front Line Zone Act Bill Law Treaty
Accord Agreement Pact Summit Conference Forum Games Cup Championship Day Week Month Year War
Wars Revolution Movement Initiative Program Programme Project Plan Fleet Brigade Battalion
Division Regiment Corps Airlines Airways Motors Systems Technologies Labs Laboratories Shadow
Church Capitol Kremlin Pentagon Reuters Politico Europe Asia Africa America Americas Monday
Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December
""".split())
_TITLE_OR_NON_PERSON = TITLE_WORDS | NON_PERSON_WORDS
# Words that cannot be given names (they open place and organization names).
NON_GIVEN_WORDS = frozenset(w.lower() for w in """
North South East West Northern Southern Eastern Western Central Northeast Northwest Southeast
Southwest Upper Lower Greater New Old Great Little Saint St Fort Mount Lake Port Cape San Santa
Los Las Le La El Al The This That These Those A An His Her Their Our Its In On At For From With
By Of To And Or But If When While After Before During Since Until As According Meanwhile Still
Although Though However Indeed Later Earlier Last Next First Second Third Later Despite Because
""".split())
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
# Suffixes that tell a son from his father (Roman numerals are often dropped by writers).
FAMILY_SUFFIXES = frozenset({"jr", "sr"})
PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le",
                       "bin", "ibn", "al", "el", "ben", "ter", "ten", "dos", "das"})
CONNECTORS = frozenset({"of", "the", "for"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "emperor", "sultan", "father", "congressman",
                         "chairman", "spokesman"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "empress", "sister",
                           "congresswoman", "chairwoman", "spokeswoman"})


# --------------------------------------------------------------------------- normalizing

_APOS = "'’‘ʼ`"


def _strip_possessive(tok: str) -> str:
    if len(tok) > 2 and tok[-2] in _APOS and tok[-1] in "sS":
        return tok[:-2]
    if len(tok) > 1 and tok[-1] in _APOS:
        return tok[:-1]
    return tok


def _fold(s: str) -> str:
    """Lower case without accents: ``Erdoğan`` -> ``erdogan``."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(ch))


def _undouble(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def name_key(form: str) -> str:
    """Key that spellings of one capitalized name share: case, accents, periods, hyphens,
    apostrophes, spaces and doubled letters do not count (doubled letters do count in
    acronyms: USS is not US).

    >>> name_key("Zelenskyy"), name_key("Zelensky"), name_key("U.S."), name_key("U.S.S."), name_key("Benn")
    ('zelensky', 'zelensky', 'us', 'uss', 'benn')
    """
    parts = form.split("-")
    if len(parts) > 2 or (len(parts) == 2 and min(sum(ch.isalpha() for ch in p) for p in parts) < 2):
        return _fold(form)  # R-IA, A-N-N-A, Me-xi-co: hyphens that do not join two words
    key = "".join(ch for ch in _fold(form) if ch.isalnum())
    letters = [ch for ch in form if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return key
    single = _undouble(key)
    return single if len(single) >= 5 else key  # Ben/Benn, Bar/Barr stay apart


# --------------------------------------------------------------------------- tokens

@dataclass(slots=True)
class Token:
    """A body word with its possessive stripped: article and sentence (corpus-wide) numbers,
    index in the sentence, the word, clean-text offsets, the text before it in the sentence,
    whether a possessive was stripped, and whether it is part of an all-capitals run."""

    art: int
    sent: int
    k: int
    surface: str
    start: int
    end: int
    gap: str
    poss: bool
    shout: bool = False


def token_table(corpus: Corpus) -> list[Token]:
    """Body tokens of the corpus, in order (see :class:`Token`).

    >>> import analysis as an
    >>> [t.surface for t in token_table(an.from_texts({"a": "Biden's aides met."}))]
    ['Biden', 'aides', 'met']
    """
    rows: list[Token] = []
    sents = corpus.body_sentences()
    ids = {aid: i for i, aid in enumerate(corpus.ids)}
    for sid, (aid, start, text) in enumerate(zip(sents["article_id"], sents["start"], sents["text"])):
        prev_end = 0
        for k, (a, b) in enumerate(word_spans(text)):
            surface = _strip_possessive(text[a:b])
            rows.append(Token(ids[aid], sid, k, surface, start + a, start + a + len(surface),
                              text[prev_end:a], len(surface) < b - a))
            prev_end = b
    # Words in a run of two or more all-capitals words are a headline or shouting, not
    # a way of writing a name (BERNIE SANDERS).
    for i, t in enumerate(rows):
        if is_caps_word(t.surface):
            prev_caps = i > 0 and rows[i - 1].sent == t.sent and is_caps_word(rows[i - 1].surface)
            next_caps = i + 1 < len(rows) and rows[i + 1].sent == t.sent and is_caps_word(rows[i + 1].surface)
            t.shout = prev_caps or next_caps
    return rows


def is_caps_word(tok: str) -> bool:
    """A word in capitals of two letters or more, not an abbreviation with periods (NATO)."""
    letters = [ch for ch in tok if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and "." not in tok


def is_capitalized(tok: str) -> bool:
    """Whether a word opens on a capital letter."""
    return tok[:1].isupper()


def _is_initials(tok: str) -> bool:
    """``J``, ``CQ``, ``C.Q.``: initials that stand for given names."""
    letters = tok.replace(".", "")
    return letters.isalpha() and letters.isupper() and 1 <= len(letters) <= 3 and (len(letters) == 1 or "." in tok or len(letters) == 2)


# --------------------------------------------------------------------------- runs and names

def runs_of_capitalized(tokens: Sequence[Token]) -> list[list[int]]:
    """Runs of capitalized tokens of one sentence joined by spaces (and title periods).

    >>> toks = [Token(0, 0, k, w, 0, 0, " ", False) for k, w in enumerate("Then Gen. Charles Brown spoke".split())]
    >>> [[toks[i].surface for i in r] for r in runs_of_capitalized(toks)]
    [['Gen.', 'Charles', 'Brown']]
    """
    abbrev = abbreviations()
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, t in enumerate(tokens):
        s = t.surface
        joined = False
        if cur:
            gap = t.gap
            prev = tokens[cur[-1]].surface
            plain = gap.strip() == "" and gap != "" and "\n" not in gap
            dotted = re.fullmatch(r"\.\s+", gap) is not None and (prev.lower() in abbrev or _is_initials(prev))
            joined = plain or dotted
        if is_capitalized(s) or (s.lower() in PARTICLES | CONNECTORS and cur):
            if cur and not joined:
                runs.append(cur)
                cur = []
            if not is_capitalized(s) and not cur:
                continue
            cur.append(i)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    # Trim connectors and particles from the ends, and a function word opening the run
    # (a sentence's "The" or "When").
    out = []
    stop = stopwords()
    for r in runs:
        while r and not is_capitalized(tokens[r[-1]].surface):
            r = r[:-1]
        while r and (not is_capitalized(tokens[r[0]].surface) or tokens[r[0]].surface.lower() in stop):
            r = r[1:]
        if r:
            out.append(r)
    return out


def _is_title(word: str) -> bool:
    """A title or role word; hyphenated ones (Secretary-General) when every part is one."""
    w = word.lower().rstrip(".")
    return w in TITLE_WORDS or ("-" in w and all(p in TITLE_WORDS for p in w.split("-")))


@dataclass(frozen=True)
class ParsedName:
    """A capitalized run read as a name: offsets of the title part (``t0``), of the name
    (``n0``) and of its end; surname, given names, suffix and whether a title stands before."""

    t0: int
    n0: int
    end: int
    surname: str
    given: tuple[str, ...]
    suffix: str
    has_title: bool


def _given_start(tokens: Sequence[Token], run: list[int], surf: list[str], low: list[str], s_i: int,
                 common: set[str] | frozenset) -> int:
    """The index (in the run) of the first given name before the surname at ``s_i``."""
    g = s_i
    while g > 0:
        w, wl = surf[g - 1], low[g - 1]
        if w.islower() and wl in PARTICLES and g - 1 > 0:
            g -= 1
            continue
        if not is_capitalized(w) or _is_title(wl) or wl in NON_GIVEN_WORDS or wl in NON_PERSON_WORDS \
                or wl in CONNECTORS or (w.isupper() and not _is_initials(w)):
            break
        if tokens[run[g - 1]].poss:
            break  # "Trump’s Washington": a possessive is not a given name
        if tokens[run[g - 1]].k == 0 and (wl in common or (len(wl) > 4 and wl.endswith(("ing", "ed", "ly")))):
            break  # a sentence-opening ordinary word ("Denying Ukraine ..."), not a given name
        g -= 1
        if s_i - g >= 4:
            break
    return g


def parse_name(tokens: Sequence[Token], run: list[int], common: set[str] | frozenset = frozenset()) -> ParsedName | None:
    """Title, given names, surname and suffix of a capitalized run, or None.

    ``common``: words the corpus also writes in lower case; a sentence's first word that
    is one of them, or looks like an -ing/-ed/-ly form, is not a given name.

    >>> toks = [Token(0, 0, k, w, k * 10, k * 10 + len(w), " ", False) for k, w in enumerate("Sen. Ted Cruz Jr".split())]
    >>> p = parse_name(toks, [0, 1, 2, 3])
    >>> p.given, p.surname, p.suffix, p.has_title
    (('Ted',), 'Cruz', 'jr', True)
    """
    surf = [tokens[i].surface for i in run]
    low = [s.lower().rstrip(".") for s in surf]
    end = len(run)
    while end > 0 and low[end - 1] in SUFFIXES:
        end -= 1
    if end == 0:
        return None
    s_i = end - 1
    surname = surf[s_i]
    letters = surname.replace("-", "").replace("'", "").replace("’", "")
    if (_is_title(low[s_i]) or low[s_i] in NON_PERSON_WORDS or low[s_i].endswith(("ish", "ese")) or not letters.isalpha()
            or len(letters) < 2 or (surname.isupper() and len(letters) > 1)):
        return None
    g = _given_start(tokens, run, surf, low, s_i, common)
    given = [i for i in range(g, s_i) if not (surf[i].islower() and low[i] in PARTICLES)]
    # The title part: capitalized words before the name, if the word right before is a title.
    t = g
    if t > 0 and _is_title(low[t - 1]):
        while t > 0 and (_is_title(low[t - 1]) or low[t - 1] in CONNECTORS or
                         (is_capitalized(surf[t - 1]) and low[t - 1] not in stopwords() and low[t - 1] not in NON_GIVEN_WORDS)):
            t -= 1
        while t < g and low[t] in CONNECTORS:
            t += 1
    if not given and t == g:
        return None  # a lone capitalized word: decided later (bare surname)
    if t == g and g > 0:
        return None  # other capitalized words before the name, not a title: San Francisco Chronicle
    last = tokens[run[len(run) - 1 if end < len(run) else s_i]]
    suffix = low[end] if end < len(run) else ""
    return ParsedName(tokens[run[t]].start, tokens[run[g]].start, last.end, surname,
                      tuple(surf[i] for i in given), suffix, t < g)


# --------------------------------------------------------------------------- mentions

@dataclass
class Mention:
    """One mention of a person: where (article and sentence numbers, offsets; ``n0`` where the
    name starts after its title), how (``kind``: full, titled or bare) and whose (``person``,
    an index into the persons, set by the phases)."""

    art: int
    sent: int
    start: int
    end: int
    n0: int
    mention: str
    title: str
    name: str
    surname: str
    skey: str
    given: tuple[str, ...] = ()
    suffix: str = ""
    kind: str = "bare"
    person: int | None = None


def _mention(art: int, sent: int, text: str, p: ParsedName, canon: dict[str, str]) -> Mention:
    key = canon.get(name_key(p.surname), name_key(p.surname))
    kind = "full" if p.given else "titled"
    return Mention(art, sent, p.t0, p.end, p.n0, text[p.t0:p.end], text[p.t0:p.n0].strip(),
                   text[p.n0:p.end], p.surname, key, p.given, p.suffix, kind)


def _split_run(toks: Sequence[Token], run: list[int], pairs: set[tuple[str, str]], surnames: set[str],
               firsts: set[str] | None = None) -> list[list[int]]:
    """A run cut where one name ends and another begins: after a suffix (Jr., III) followed
    by more names; after a given name + surname pair the corpus writes alone ("Chris Christie |
    Trump", "Stormy Daniels | Karen McDougal"); after a run-opening surname followed by another
    surname ("Biden | Trump"); never inside a pair the corpus uses (Warren Buffett).

    >>> toks = [Token(0, 0, k, w, 0, 0, " ", False) for k, w in enumerate("Chris Christie Trump".split())]
    >>> _split_run(toks, [0, 1, 2], {("chris", "christie"), ("donald", "trump")}, {"christie", "trump"})
    [[0, 1], [2]]
    """
    low = [name_key(toks[i].surface) for i in run]
    # The given names of the pairs, as a set: looking through every pair for each word of
    # every run took time in the product of the corpus's names and its words.
    firsts = {p[0] for p in pairs} if firsts is None else firsts
    cuts = []
    for k in range(len(run) - 1):
        if low[k] in SUFFIXES:
            cuts.append(k + 1)
            continue
        if (low[k], low[k + 1]) in pairs or low[k + 1] in SUFFIXES:
            continue
        ends_pair = k > 0 and (low[k - 1], low[k]) in pairs
        opens_on_surname = k == 0 and low[0] in surnames
        starts_name = low[k + 1] in surnames or low[k + 1] in firsts
        if (ends_pair or opens_on_surname) and (starts_name or (ends_pair and len(run) - k - 1 >= 2)):
            cuts.append(k + 1)
    if not cuts:
        return [run]
    bounds = [0, *cuts, len(run)]
    return [run[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def _collect_mentions(corpus: Corpus, tokens: list[Token], canon: dict[str, str]) -> list[Mention]:
    """Full, titled and bare mentions, runs with two names cut apart (phase 1)."""
    ids = corpus.ids
    by_sent: dict[int, list[Token]] = defaultdict(list)
    for t in tokens:
        by_sent[t.sent].append(t)
    common = {t.surface for t in tokens if t.surface.islower()} | set(stopwords())
    runs = {sid: runs_of_capitalized(toks) for sid, toks in by_sent.items()}
    pairs, surnames = set(), set()
    for sid, toks in by_sent.items():
        for run in runs[sid]:
            p = parse_name(toks, run, common)
            if p is not None and len(p.given) == 1 and not _is_initials(p.given[0]):
                pairs.add((name_key(p.given[0]), name_key(p.surname)))
                surnames.add(name_key(p.surname))
    # "Biden Trump" read as a name is no pair: its given name is a surname and no first name
    pairs = {(g, sn) for g, sn in pairs if g not in surnames or first_name_gender(g) != "unknown"}
    out: list[Mention] = []
    stop = stopwords()
    firsts = {p[0] for p in pairs}
    texts = [corpus.text(aid) for aid in ids]  # (once per article, not per sentence)
    for sid, toks in by_sent.items():
        art = toks[0].art
        text = texts[art]
        for whole in runs[sid]:
            for run in _split_run(toks, whole, pairs, surnames, firsts):
                p = parse_name(toks, run, common)
                if p is not None:
                    out.append(_mention(art, sid, text, p, canon))
                elif len(run) == 1:
                    t = toks[run[0]]
                    s = t.surface
                    if s.isalpha() and not s.isupper() and s.lower() not in _TITLE_OR_NON_PERSON \
                            and s.lower() not in stop:
                        out.append(Mention(art, sid, t.start, t.end, t.start, s, "", s, s,
                                           canon.get(name_key(s), name_key(s))))
    return out


# --------------------------------------------------------------------------- persons

def _given_key(given: Sequence[str]) -> tuple[str, ...]:
    """Given names as comparable items, initials spelled out letter by letter (C.Q. -> c, q)."""
    out: list[str] = []
    for g in given:
        if _is_initials(g):
            out.extend(ch.lower() for ch in g if ch.isalpha())
        else:
            out.append(name_key(g))
    return tuple(out)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names that may be the same person's: same length, each name equal or an initial of it."""
    return len(a) == len(b) and all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
                                    for x, y in zip(a, b))


@dataclass
class Person:
    """A person: surname key, given names (the fullest form), family suffix, the mentions'
    counts of full names and of titles (for labels and role matching)."""

    skey: str
    given: tuple[str, ...]
    suffix: str
    names: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    n: int = 0


def _persons_of_full(full: list[Mention]) -> list[Person]:
    """Persons of the full-name mentions (phase 2); sets each mention's ``person``."""
    forms: dict[tuple, list[Mention]] = defaultdict(list)
    for m in full:
        forms[(m.skey, _given_key(m.given), m.suffix if m.suffix in FAMILY_SUFFIXES else "")].append(m)
    # the fullest forms first (fewest initials), then the most used
    order = sorted(forms, key=lambda f: (sum(len(x) == 1 for x in f[1]), -len(forms[f]), f))
    persons: list[Person] = []
    by_surname: dict[tuple[str, str], list[int]] = defaultdict(list)
    for form in order:
        skey, given, suffix = form
        fits = [i for i in by_surname[(skey, suffix)] if _compatible(persons[i].given, given)]
        if len(fits) == 1 and any(len(x) == 1 for x in given):
            pid = fits[0]
        elif fits and given == persons[fits[0]].given:
            pid = fits[0]
        else:
            pid = len(persons)
            persons.append(Person(skey, given, suffix))
            by_surname[(skey, suffix)].append(pid)
        for m in forms[form]:
            m.person = pid
    for m in full:  # in text order, so that ties between labels go to the name used first
        persons[m.person].names[m.name] += 1
        if m.title:
            persons[m.person].titles[_role(m.title)] += 1
        persons[m.person].n += 1
    return persons


# Short forms of role titles, so that "Sen. Ted Cruz" and "Senator Cruz" share a role.
_ROLE_FORMS = {"sen": "senator", "sens": "senator", "gov": "governor", "rep": "representative",
               "reps": "representative", "gen": "general", "lt": "lieutenant", "col": "colonel",
               "maj": "major", "capt": "captain", "cmdr": "commander", "adm": "admiral", "sgt": "sergeant",
               "pres": "president", "sec": "secretary", "dr": "doctor", "prof": "professor", "rev": "reverend"}


def _role(title: str) -> str:
    """The role of a title part, by its last word in full: "Sen." -> senator."""
    words = [w.lower().rstrip(".") for w in title.split()]
    return _ROLE_FORMS.get(words[-1], words[-1]) if words else ""


@lru_cache(maxsize=1)
def _gender_detector():
    try:
        import gender_guesser.detector as gd
    except ImportError:  # pragma: no cover - the package is a dependency; without it, no gender check
        return None
    return _whole_file_detector(gd.Detector)(case_sensitive=False)


def _whole_file_detector(detector: type) -> type:
    """gender-guesser's ``Detector`` reading its name list (49,000 lines) in one piece.

    Its own parser reads the file line by line through ``codecs.open``, whose Python-level
    ``readline`` was most of the 0.17 s that loading takes in every process (a tenth of
    the set-up of the feature table).  ``codecs`` cuts lines where ``str.splitlines`` does
    and every line is stripped before it is read, so the names are the same:
    ``tests/test_speed_paths.py`` compares them with the plain ``Detector``'s.

    >>> import gender_guesser.detector as gd
    >>> _whole_file_detector(gd.Detector)(case_sensitive=False).get_gender("Heidi")
    'female'
    """

    class WholeFileDetector(detector):
        def _parse(self, filename: str) -> None:
            self.names = {}
            with open(filename, encoding="utf-8") as f:
                lines = f.read().splitlines()
            for line in lines:
                self._eat_name_line(line.strip())

    return WholeFileDetector


def first_name_gender(name: str) -> str:
    """``male``, ``female`` or ``unknown`` for a first name (gender-guesser's name list).

    >>> first_name_gender("George"), first_name_gender("Heidi"), first_name_gender("Kellyanne")
    ('male', 'female', 'unknown')
    """
    det = _gender_detector()
    if det is None or not name or _is_initials(name):
        return "unknown"
    g = det.get_gender(name)
    return "male" if g in ("male", "mostly_male") else "female" if g in ("female", "mostly_female") else "unknown"


def _title_fits(title: str, person: Person, first: str) -> bool:
    words = {w.lower().rstrip(".") for w in title.split()}
    gender = first_name_gender(first)
    if words & MALE_TITLES and gender == "female":
        return False
    return not (words & FEMALE_TITLES and gender == "male")


class _Index:
    """Persons by surname key and the resolved mentions of each article, in text order."""

    def __init__(self, persons: list[Person], firsts: list[str]):
        self.persons, self.firsts = persons, firsts
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        for i, p in enumerate(persons):
            self.by_surname[p.skey].append(i)
        self.local: dict[tuple[int, str], list[Mention]] = defaultdict(list)

    def note(self, m: Mention) -> None:
        self.local[(m.art, m.skey)].append(m)

    def add_person(self, skey: str, name: str) -> int:
        self.persons.append(Person(skey, (), ""))
        self.firsts.append("")
        self.by_surname[skey].append(len(self.persons) - 1)
        return len(self.persons) - 1


def _resolve_titled(titled: list[Mention], index: _Index) -> None:
    """Persons of titled surnames (phase 3): gender of the title, role, article, corpus."""
    # Only full mentions are in index.local while titled ones are resolved (they are noted
    # after), so each article's count of persons per surname is counted once, not once per
    # titled mention.
    counted: dict[tuple[int, str], Counter] = {}
    for m in titled:
        cands = [i for i in index.by_surname.get(m.skey, [])
                 if index.persons[i].given and _title_fits(m.title, index.persons[i], index.firsts[i])]
        if not cands:
            titled_only = [i for i in index.by_surname.get(m.skey, []) if not index.persons[i].given]
            m.person = titled_only[0] if titled_only else index.add_person(m.skey, m.name)
        else:
            role = _role(m.title)
            key = (m.art, m.skey)
            if key not in counted:
                counted[key] = Counter(x.person for x in index.local.get(key, []))
            here = counted[key]
            plain = role in MALE_TITLES | FEMALE_TITLES  # Mr., Mrs.: no role to match
            m.person = max(cands, key=lambda i: (not plain and index.persons[i].titles[role] > 0,
                                                 here[i] > 0, index.persons[i].n, -i))
        index.persons[m.person].n += 1


class _Before:
    """What :func:`_resolve_bare_plain` reads of one article's mentions of one surname (in
    text order; bare ones are never among them), for any bare mention: the persons named
    there and how often, and where each was named last before a position."""

    def __init__(self, local: list[Mention]):
        self.starts = [x.start for x in local]
        self.here = Counter(x.person for x in local if x.kind != "bare")
        self.at: dict = defaultdict(list)  # person -> positions in ``local``
        for n, x in enumerate(local):
            if x.person is not None:
                self.at[x.person].append(n)

    def last(self, person, start: int) -> int:
        """The position in ``local`` of the person's last mention starting before ``start``,
        else -1 (in the same order as the plain form's count among those mentions)."""
        at = self.at.get(person)
        k = bisect.bisect_left(at, bisect.bisect_left(self.starts, start)) if at else 0
        return at[k - 1] if k else -1


def _resolve_bare(bare: list[Mention], index: _Index) -> list[Mention]:
    """Persons of bare surnames (phase 4); the bare words that name no one are left out.

    As :func:`_resolve_bare_plain`, with each article's mentions of a surname read once
    (:class:`_Before`), not once per bare mention (a text may name one person any number
    of times).  Mentions are sorted by start, so those before a position are a prefix.
    """
    out = []
    facts: dict[tuple[int, str], _Before] = {}
    for m in bare:
        key = (m.art, m.skey)
        if key not in facts:
            local = index.local.get(key, [])
            if any(a.start > b.start for a, b in zip(local, local[1:])):
                local = sorted(local, key=lambda x: x.start)  # (always sorted by _resolve)
            facts[key] = _Before(local)
        f = facts[key]
        if not f.here:
            continue  # the article names no one of that surname: not (known to be) a person
        m.person = max(f.here, key=lambda i: (f.here[i], f.last(i, m.start), index.persons[i].n, -i))
        out.append(m)
    return out


def _resolve_bare_plain(bare: list[Mention], index: _Index) -> list[Mention]:
    """The plain form of :func:`_resolve_bare`: every mention of the article read per bare one."""
    out = []
    for m in bare:
        local = [x for x in index.local.get((m.art, m.skey), []) if x.person is not None and x.start < m.start]
        here = Counter(x.person for x in index.local.get((m.art, m.skey), []) if x.kind != "bare")
        if not here:
            continue  # the article names no one of that surname: not (known to be) a person
        last = {x.person: n for n, x in enumerate(local)}
        m.person = max(here, key=lambda i: (here[i], last.get(i, -1), index.persons[i].n, -i))
        out.append(m)
    return out


def _resolve(mentions: list[Mention]) -> tuple[list[Mention], list[Person]]:
    full = [m for m in mentions if m.kind == "full"]
    persons = _persons_of_full(full)
    index = _Index(persons, [p.given[0] if p.given else "" for p in persons])
    for m in full:
        index.note(m)
    titled = [m for m in mentions if m.kind == "titled"]
    _resolve_titled(titled, index)
    for m in titled:
        index.note(m)
    for key in index.local:
        index.local[key].sort(key=lambda x: x.start)
    bare = _resolve_bare([m for m in mentions if m.kind == "bare"], index)
    return full + titled + bare, index.persons


@memoized
def person_mentions(corpus: Corpus) -> pd.DataFrame:
    """Every mention of a person by name, with its title, in body text.

    One row per mention: ``mention`` as printed (title and name), ``title`` (may be
    empty), ``name`` (given names, surname, suffix), ``surname``, and ``person``: a label
    shared by the mentions of one person (its most frequent full name).  See the module
    docstring for the rules.  Columns: article_id, outlet, start, end, mention, title,
    name, surname, person.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "President Joe Biden spoke. Later Mr. Biden left. Biden agreed."})
    >>> person_mentions(c)[["mention", "title", "person"]].values.tolist()
    [['President Joe Biden', 'President', 'Joe Biden'], ['Mr. Biden', 'Mr.', 'Joe Biden'], ['Biden', '', 'Joe Biden']]
    >>> c = an.from_texts({"a": "Kellyanne Conway and George Conway spoke. Mr. Conway left."})
    >>> person_mentions(c).person.tolist()
    ['Kellyanne Conway', 'George Conway', 'George Conway']
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected an analysis.Corpus, got {type(corpus).__name__}")
    from .naming import canonical_map

    return person_frame(corpus, token_table(corpus), canonical_map(None, True))


def person_frame(corpus: Corpus, tokens: list[Token], canon: dict[str, str]) -> pd.DataFrame:
    """The :func:`person_mentions` table from the corpus's tokens and curated spellings.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Joe Biden spoke."})
    >>> person_frame(c, token_table(c), {}).person.tolist()
    ['Joe Biden']
    """
    ids, outlets = corpus.ids, corpus.outlet_of()
    mentions, persons = _resolve(_collect_mentions(corpus, tokens, canon))
    labels = []
    for p in persons:
        labels.append(p.names.most_common(1)[0][0] if p.names else "")
    fallback: dict[int, Counter] = defaultdict(Counter)
    for m in mentions:
        fallback[m.person][m.name] += 1
    rows = []
    for m in sorted(mentions, key=lambda m: (m.art, m.start)):
        label = labels[m.person] or fallback[m.person].most_common(1)[0][0]
        rows.append({"article_id": ids[m.art], "outlet": outlets[ids[m.art]], "start": m.start, "end": m.end,
                     "mention": m.mention, "title": m.title, "name": m.name, "surname": m.surname,
                     "person": label})
    return pd.DataFrame(rows, columns=PERSON_COLUMNS)


def surnames_with_given(frame: pd.DataFrame) -> dict[str, set[str]]:
    """Surname key -> first given names (keys) of the persons of that surname in a person
    table; a surname only ever titled or bare ("President Carter") has an empty set.

    >>> import analysis as an
    >>> dict(surnames_with_given(person_mentions(an.from_texts({"a": "Jimmy Carter met President Ford."}))))
    {'carter': {'jimmy'}, 'ford': set()}
    """
    out: dict[str, set[str]] = defaultdict(set)
    for name, surname in zip(frame["name"], frame["surname"]):
        parts = name.split()
        while len(parts) > 1 and parts[-1].lower().rstrip(".") in SUFFIXES:
            parts = parts[:-1]
        key = name_key(_strip_possessive(surname))
        out[key]
        if len(parts) >= 2:
            out[key].add(name_key(parts[0]))
    return out


def given_names(frame: pd.DataFrame) -> set[str]:
    """Keys of words the person table uses as first given names (Walter, Carter's "Jimmy").

    >>> import analysis as an
    >>> given_names(person_mentions(an.from_texts({"a": "Walter Shaub spoke."})))
    {'walter'}
    """
    return {name_key(n.split()[0]) for n in frame["name"] if len(n.split()) >= 2}
