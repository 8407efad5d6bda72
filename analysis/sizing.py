"""Does a size word size up *the event*?  What it modifies, which words name the event, and
whose voice it is.

:func:`analysis.characterizations` keeps the sentences where a ``magnitude_bigger`` or
``magnitude_smaller`` hit is about the event the article reports, the decision, ruling,
election, deal or happening at its centre, and not about something else in the sentence ("a
*major* offensive" by another party, "the *longest* major strike" that a deal ends, "the
*landmark* 1973 ruling").  The decisions are small general rules, each with a name that the
table's ``reason`` column shows:

1. **Which words name the event** (:func:`event_anchors`): the words any story uses for the
   thing it reports (decision, ruling, step, move, deal, result, win, defeat, ...;
   :data:`CORE_EVENT_NOUNS`), and the event nouns the article itself uses in its title or
   its first two body sentences and again later (the law, the rule, the election, the report
   of *this* story; :data:`EVENT_NOUNS`).
2. **What the size word modifies** (:func:`sizing_target`): the noun phrase after it ("a
   *historic* Democratic **victory**"); else, after a linking verb (is, was, marks,
   represents, signals, remains ...), the clause's subject ("The **plan** is a *centerpiece*
   of ...", "**This** was a *breathtaking* result"); else the clause it stands beside, as an
   apposition or a participle ("Jones won ... — easily the *biggest* upset"; "..., becoming
   the *first* Democrat to ... since 1992").  A noun phrase with a year or a word like
   earlier, previous, another is another instance ("the *landmark* 1973 ruling").
3. **Where it stands**: a subordinate clause (after, because, when, amid, ...) is about its
   own subject unless the size word modifies an event noun; the main clause of the lede is
   about the event; a clause that opens on it/this/that + a linking verb refers back to it.
4. **Negation** (:mod:`analysis.senses`): a negated size word counts for the other side ("not
   a major shift" is smaller, "not normal" is bigger); "not the first time" is a claim about
   a pattern of other events and is left out.
5. **What a pronoun, a wish or an object is about**: a bare "it"/"this" refers back to the
   subject before it (of its own sentence's first clause, else of the sentence before); a
   plain noun phrase there that is not the event ("The deficit rose. *It*'s gigantic") makes
   the size word about that thing.  An "it" whose content is a clause after the size word
   ("it's not *unusual* for X to ...", "it's a *big* problem when ...") is extraposed.  What
   someone wants or demands ("voters want *major* cuts"), "any sort of", a bare plural in a
   when/if clause, and a size adjective in the object of a non-linking verb ("it floats the
   economies of *major* cities") are not the event; "less a *game-changer* than" sizes down.
6. **Voice**: ``quoted`` inside a direct quote (with its speaker), ``attributed`` inside an
   attributed indirect statement ("some polls suggest Jones could pull off an *upset*",
   "..., officials said"; the source is the speaker), else ``outlet``.

Every rule looks at one sentence (and the article's first sentences for the event nouns),
so an article is read in time linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence


__all__ = [
    "CORE_EVENT_NOUNS",
    "EVENT_NOUNS",
    "EventAnchors",
    "Target",
    "attributed_source",
    "reported_speaker",
    "shared_subject_speaker",
    "trailing_speaker",
    "colon_speaker",
    "characterizations_of",
    "event_anchors",
    "size_words_of",
    "sizing_target",
]

# Nouns any story may use for the event it reports, named or not in its lede.
CORE_EVENT_NOUNS: tuple[str, ...] = (
    "decision", "decisions", "ruling", "rulings", "verdict", "step", "steps", "move", "moves",
    "action", "change", "changes", "shift", "shifts", "policy", "policies", "reversal", "easing",
    "announcement", "result", "results", "outcome", "win", "victory", "defeat", "loss", "upset",
    "deal", "agreement", "accord", "settlement", "plan", "proposal", "measure", "measures",
    "authorization", "authorisation", "permission", "approval", "go-ahead", "green light",
    "directive", "guidance", "executive order", "sanction", "sanctions", "restriction",
    "restrictions", "ban", "stance", "strategy", "approach", "package", "development",
    "breakthrough", "revelation", "revelations", "disclosure", "findings", "break", "departure",
    "rebuke", "setback", "blow", "split", "turnaround", "progress", "showing",
    # what the event brings: its size is the event's ("the implications go far beyond", "the
    # stakes are enormous", "carried major implications")
    "implications", "ramifications", "stakes", "significance", "consequences",
    "impact", "impacts", "effect", "effects", "toll", "fallout", "repercussions", "backlash", "blowback",
    "damage", "destruction", "devastation",
    # how many took part in an election or a vote: "turnout was the highest ..."
    "turnout",
)
# Event nouns that name the event only when the article uses them for it: in its title or
# first two body sentences, and again later ("the rule", "the election", "the report").
EVENT_NOUNS: frozenset[str] = frozenset("""
law laws rule rules regulation regulations bill bills legislation act order orders reform reforms
initiative initiatives program programme budget spending cut cuts tax taxes tariff tariffs treaty
pact ceasefire truce summit election elections race vote votes ballot referendum primary runoff
contest campaign report reports story meeting meetings contact contacts talks testimony hearing
hearings investigation probe scandal controversy allegation allegations charge charges indictment
trial case lawsuit suit appeal protest protests demonstration demonstrations march rally strike
strikes walkout attack attacks bombing shooting storm hurricane earthquake quake flood floods fire
fires wildfire crash explosion outbreak pandemic disaster merger acquisition takeover purchase sale
bid offer nomination confirmation appointment resignation firing dismissal recusal veto override
emissions target targets provision provisions repeal shutdown offensive operation deployment
debate impeachment filibuster transmission infection declaration emergency
""".split())

_WORD = re.compile(r"[\w’'-]+")
_OTHER = frozenset("""earlier previous prior past former another other similar next future last
original older""".split())
# Words that end a noun phrase after a size word.
_NP_STOP = frozenset("""of in on at for with by from to over since than as and or but nor that which
who whom whose where when while because if is was are were be been being has have had will would
could can may might should must not no this these those it its inside outside into across against
surrounding regarding concerning involving including
near around within without under after before during about through between among amid toward
towards upon onto off out up down like per via so yet said says says told again ever now then today
yesterday tomorrow too also already still soon later here there ago last next""".split())
_LINKING = frozenset("""is was are were be been being 's ’s becomes became become remains remained
remain seems seemed seem looks looked marks marked mark represents represented represent signals
signaled signalled signal constitutes constituted amounts amounted proves proved appears appeared
extends extended extend applies applied apply covers covered cover allows allowed allow permits
permitted permit go goes went gone""".split())
_REFER = frozenset({"it", "this", "that"})  # not "they": mostly people
_APPOSITION_OPENERS = frozenset("""a an the one easily arguably perhaps probably possibly clearly
likely what becoming making marking giving""".split())
_PARTICIPLE = frozenset("""becoming making marking giving leaving setting opening ushering signaling
signalling representing ending""".split())
_SUBORDINATORS = frozenset("""after because since while whereas although though when whenever before
until unless amid amidst despite if""".split())
_CLAUSE_CUT = re.compile(r"[,;:()\[\]—–“”\"]|\s-\s")


@dataclass(frozen=True)
class EventAnchors:
    """The words that name the event in one article: ``core`` (always) and ``own`` (the
    article's event nouns), all lower case."""

    core: frozenset[str]
    own: frozenset[str]
    phrases: tuple[str, ...] = ()
    early: frozenset[str] = frozenset()  # the words of the title and the first two sentences
    actors: frozenset[str] = frozenset()  # the names in the lede's subject: who acted

    def names(self, word: str) -> bool:
        """Whether ``word`` (lower case) names the event here (an own event noun also in its
        singular or plural: "the *protest*" / "the largest *protests*")."""
        return word in self.core or word in self.own or (
            bool(self.own) and (word + "s" in self.own or word + "es" in self.own
                                or (word.endswith("s") and word[:-1] in self.own)
                                or (word.endswith("es") and word[:-2] in self.own)))

    def in_words(self, words: Sequence[str]) -> str | None:
        """The first word (or two-word phrase) of ``words`` that names the event, or None."""
        for i, w in enumerate(words):
            if self.names(w):
                return w
            if i + 1 < len(words) and f"{w} {words[i + 1]}" in self.phrases:
                return f"{w} {words[i + 1]}"
        return None


def _lower_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


_ENDS = re.compile(r"\b(?:end|ends|ended|ending|settle|settles|settled|resolve|resolves|resolved|halt|halts|"
                   r"halted|stop|stops|stopped|avert|averts|averted|after|following)\s+(?:the\s+|a\s+|an\s+|its\s+|"
                   r"their\s+)?(?:[\w’'-]+\s+){0,2}?([\w’'-]+)", re.IGNORECASE)


def _ended_by_the_event(texts: Iterable[str]) -> set[str]:
    """Nouns the lede says the event ends or follows ("a deal that ends the *strike*", "after
    the *attack*"): the event's circumstances, not the event."""
    out = set()
    for t in texts:
        for m in _ENDS.finditer(t):
            out.add(m.group(1).lower())
    return out


_NOT_ACTOR = frozenset("""the a an his her its their this that these those president sen senator rep gov
governor mr mrs ms dr former new u.s us on monday tuesday wednesday thursday friday saturday sunday
""".split())


def _actors(lede: str) -> frozenset[str]:
    """The capitalized words of the lede's subject (before its first verb): who acted ("The
    Supreme Court ...", "Senate Republicans ...", "President Barack Obama ...")."""
    from .wording import lede_subject  # a pure function of the sentence

    subject = lede_subject(lede)
    return frozenset(w.lower() for w in _WORD.findall(subject)
                     if w[:1].isupper() and w.lower().strip(".") not in _NOT_ACTOR and len(w) > 2)


def _event_noun(word: str) -> bool:
    """Whether ``word`` is an event noun of :data:`EVENT_NOUNS`, also in a plural the list
    does not hold ("cases", "marches")."""
    return word in EVENT_NOUNS or (word.endswith("s") and (word[:-1] in EVENT_NOUNS or
                                                           (word.endswith("es") and word[:-2] in EVENT_NOUNS)))


def _nouns_of_lede_verbs(early: set[str], counts: Counter) -> set[str]:
    """Event nouns that the title or the lede uses as a verb and the body names again:
    "Thousands *marched* ... The *march* was ..."; "Teachers *struck* ..." is not read (an
    irregular past), "voted" gives "vote", "protested" gives "protest".

    >>> sorted(_nouns_of_lede_verbs({"marched", "on"}, Counter({"march": 1})))
    ['march']
    """
    out = set()
    for w in early:
        if not w.endswith("ed") or len(w) < 5:
            continue
        for noun in (w[:-2], w[:-1]):  # marched -> march, voted -> vote
            if noun in EVENT_NOUNS and (counts[noun] or counts[noun + "s"]):
                out.add(noun)
    return out


def event_anchors(title: str | None, sentences: Sequence[str], extra: Iterable[str] = ()) -> EventAnchors:
    """The words that name the event of an article, from its title and body sentences.

    ``extra`` adds words or phrases (the ``event_terms`` of :func:`analysis.characterizations`).

    >>> a = event_anchors("Jones wins Alabama election", ["Jones won the election.", "The election was close."])
    >>> a.names("election"), a.names("decision"), a.names("offensive")
    (True, True, False)
    """
    early = set(_lower_words(title or ""))
    for s in sentences[:2]:
        early.update(_lower_words(s))
    counts: Counter = Counter()
    for s in sentences:
        counts.update(_lower_words(s))
    own = {w for w in early if _event_noun(w) and counts[w] + (w in _lower_words(title or "")) >= 2}
    own |= _nouns_of_lede_verbs(early, counts)
    own -= _ended_by_the_event([title or "", *sentences[:2]])
    core, phrases = set(), []
    for term in (*CORE_EVENT_NOUNS, *extra):
        term = term.lower().strip()
        if " " in term or "-" in term and term not in ("go-ahead",):
            phrases.append(term.replace("-", " ") if " " in term else term)
            if "-" in term:
                core.add(term)
        else:
            core.add(term.rstrip("*"))
    return EventAnchors(frozenset(core), frozenset(own), tuple(phrases), frozenset(early),
                        _actors(sentences[0] if sentences else ""))


# --------------------------------------------------------------------------- targets

@dataclass(frozen=True)
class Target:
    """What a size word is about: ``about_event`` and a short ``reason`` (shown to readers)."""

    about_event: bool
    reason: str


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    low: str


# "it's", "that's": a pronoun and a linking verb in one token
_CONTRACTED = re.compile(r"^(it|that|this|there|here|what|he|she)(['’]s)$")
_NEGATED_BE = {f"{v}n{q}t": v for v in ("is", "was", "are", "were") for q in "'’"}


def _tokens(sentence: str) -> list[_Tok]:
    out = []
    for m in _WORD.finditer(sentence):
        low = m.group().lower()
        c = _CONTRACTED.match(low)
        if c:
            cut = m.start() + len(c.group(1))
            out += [_Tok(m.start(), cut, c.group(1)), _Tok(cut, m.end(), "'s")]
        else:
            out.append(_Tok(m.start(), m.end(), _NEGATED_BE.get(low, low)))
    return out


def _segments(sentence: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in _CLAUSE_CUT.finditer(sentence)] + [len(sentence)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _noun_phrase_after(toks: list[_Tok], sentence: str, j: int) -> list[_Tok]:
    """Up to four words after token ``j`` up to a noun-phrase boundary (the head is among them)."""
    out: list[_Tok] = []
    for t in toks[j + 1:j + 5]:
        gap = sentence[(out[-1].end if out else toks[j].end):t.start]
        if gap.strip(" ") or t.low in _NP_STOP:
            break
        out.append(t)
    return out


class _Sentence:
    """What the rules read of one sentence, found once for all its size words: its tokens
    (with their starts, for bisection), its clause segments and where subordinating words
    stand.  Every rule then looks at a bounded window around a hit (``_REACH`` tokens), so a
    sentence with many size words is read in time linear in its length."""

    def __init__(self, sentence: str):
        self.text = sentence
        self.toks = _tokens(sentence)
        self.starts = [t.start for t in self.toks]
        self.segs = _segments(sentence)
        self.seg_starts = [a for a, _ in self.segs]
        self.subordinators = [k for k, t in enumerate(self.toks) if t.low in _SUBORDINATORS]

    def token_at(self, pos: int) -> int | None:
        """The token holding ``pos``, or the first one after it (None past the last)."""
        k = max(0, bisect_right(self.starts, pos) - 1)
        while k < len(self.toks) and self.toks[k].end <= pos:
            k += 1
        return k if k < len(self.toks) else None

    def segment_of(self, pos: int) -> tuple[int, int]:
        n = bisect_right(self.seg_starts, pos) - 1
        return self.segs[n] if 0 <= n < len(self.segs) and pos < self.segs[n][1] else (0, len(self.text))

    def first_token_from(self, pos: int) -> int:
        return bisect_left(self.starts, pos)


# How many tokens a rule looks back or ahead of a hit.
_REACH = 40


@dataclass(frozen=True)
class _Hit:
    """A size word in its sentence, with what the rules need to look at."""

    s: _Sentence
    i: int  # first token of the hit
    j: int  # last token of the hit
    seg: tuple[int, int]
    np_: list  # the words after it, up to a noun-phrase boundary
    anchors: EventAnchors
    lede: bool
    year: int | None
    previous: str = ""  # the body sentence before (what a pronoun may refer back to)

    @property
    def sentence(self) -> str:
        return self.s.text

    @property
    def toks(self) -> list:
        return self.s.toks

    @property
    def segs(self) -> list:
        return self.s.segs


_CLAUSE_OPENERS = _SUBORDINATORS | frozenset("""that which who whom whose whether said says say told added argued
noted wrote believe believes think thinks suggest suggests suggested and but""".split())
_LEADING = frozenset("""and but yet so still however indeed now then also even thus instead meanwhile
perhaps maybe probably possibly arguably clearly certainly surely really actually simply""".split())
_TITLE_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def _other_instance(hit: _Hit, words: Sequence[str], names: Sequence[str] = ()) -> bool:
    """A noun phrase about another instance: an earlier year, earlier/previous/another, or a
    name that the article's first sentences do not use ("the *crushing* Citizens United ruling")."""
    for w in words:
        if w in _OTHER:
            return True
        if _TITLE_YEAR.match(w) and (hit.year is None or int(w) < hit.year):
            return True
    return any(n.lower() not in hit.anchors.early for n in names)


def _np_names(hit: _Hit, toks: Sequence[_Tok]) -> list[str]:
    """Words of runs of two or more capitalized words (names of other things: Citizens United)."""
    caps = [t.start > 0 and hit.sentence[t.start:t.start + 1].isupper() for t in toks]
    return [hit.sentence[t.start:t.end] for k, t in enumerate(toks)
            if caps[k] and ((k > 0 and caps[k - 1]) or (k + 1 < len(toks) and caps[k + 1]))]


_MODALS = frozenset({"could", "would", "might", "may"})


def _possible_action(hit: _Hit, after: Sequence[str]) -> bool:
    """"(the Senate) could take the *extraordinary* step of voting to ...": a possible action,
    described right there, not the event reported."""
    described = len(after) >= 2 and after[0] in ("of", "to") and (after[0] == "to" or after[1].endswith("ing"))
    modal = any(t.low in _MODALS for t in hit.toks[max(0, hit.i - _REACH):hit.i] if t.start >= hit.seg[0])
    return described and modal


# Words a size phrase may open on when it is itself a verb phrase ("did not go that far",
# "had never had a veto overridden", "creates zero precedent", "broke with"): its subject
# and its object say what it is about.
_VERBAL = frozenset("""did does do would will could has have had stopped stops stop fell falls fall
creates created create sets set left leaves broke breaks break breaking never made makes make took
takes take""".split())


def _named_head(hit: _Hit) -> str | None:
    """The event noun that heads the noun phrase after the size word, or None.

    An event noun followed by another lower-case noun is a modifier of that noun ("a major
    *policy* initiative": the initiative); one followed by a word ending in -s or -ed may be
    followed by its verb ("the dramatic *win* cuts ..."), and counts."""
    words = [(t.low, hit.sentence[t.start:t.start + 1].isupper()) for t in hit.np_]
    for k, (w, _cap) in enumerate(words):
        named = hit.anchors.in_words([w])
        if named is None:
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        if nxt is not None and nxt[0].endswith("s") and not _object_follows(hit, hit.j + 2 + k):
            continue  # "*radical* policy goals are ...", "a *major* policy address on": the -s word is the head
        if nxt is None or nxt[1] or hit.anchors.names(nxt[0]) or nxt[0].endswith(("s", "ed")):
            return named
    return None


_AUX_AFTER = frozenset("""are were have had will would could can may might should must is was do did
remain remained""".split())


_OBJECT_OPENERS = frozenset("him her them it us up down off out into".split())


def _object_follows(hit: _Hit, k: int) -> bool:
    """Whether token ``k`` (a word in -s after an event noun) is followed by what opens an
    object (a determiner, a possessive, a number): then it is a verb ("the dramatic win
    *cuts* the GOP's majority"); else a noun, the head of its phrase ("policy *goals* are",
    "a policy *address* on October 8")."""
    if k + 1 >= len(hit.toks) or hit.toks[k + 1].low in _AUX_AFTER:
        return False
    nxt = hit.toks[k + 1].low
    return nxt in _DETERMINERS or nxt in _OBJECT_OPENERS or nxt[:1].isdigit() or nxt.endswith(("'s", "’s"))


# Words of wanting and obligation: what they govern is wished for, not what happened ("voters
# want Congress to agree on *major* cuts", "we should look for some *significant* plan").
_WISH = frozenset("""should must ought want wants wanted wanting urge urges urged urging demand demands
demanded demanding need needs needed seek seeks sought seeking appetite hope hopes hoped""".split())
_KIND_OF = frozenset({"sort", "kind", "type", "form"})


def _wished_for(hit: _Hit, prev: str) -> bool:
    """An indefinite or bare noun phrase (a, an, some, any, none) governed by a word of wanting
    or obligation up to twelve words before it: something someone wants, not the event."""
    if prev not in ("", "a", "an", "some", "any", "of") and not prev.isalpha():
        return False
    if prev in _DETERMINERS and prev not in ("a", "an") or prev in ("'s", "’s"):
        return False
    back = [t.low for t in hit.toks[max(0, hit.i - 12):hit.i]]
    return any(w in _WISH for w in back)


# "No major gun legislation has passed since 1994", "few significant changes": a claim about a
# kind of thing (how many there were), not about this one.
_NONE_OF = frozenset({"no", "few", "any"})


# Plurals that name one event's parts or effects, never a kind ("carried *major* implications").
_RELATIONAL = frozenset("sanctions findings talks results news implications ramifications stakes "
                        "consequences revelations provisions".split())


def _generic_plural(hit: _Hit, named: str, prev: str) -> bool:
    """A bare plural ("pushing for *narrow* decisions", "may make *big* policy changes"): no
    determiner, possessive or number before the size word, so it names a kind of event in
    general, not the one the article reports (which it names with "the", "this", "its" ...)."""
    head = hit.np_[-1].low if hit.np_ else named
    if not head.endswith("s") or head.endswith(("ss", "us")) or head in _RELATIONAL:
        return False
    if prev in _DETERMINERS or prev in ("'s", "’s", "such", "these", "those", "both", "all", "new", "some",
                                        "two", "three", "four", "several", "most", "many") \
            or prev.endswith(("'s", "’s")) or prev.isdigit():
        return False
    if hit.lede:
        return False  # the lede's bare plural is what the event did ("imposed *sweeping* sanctions")
    if prev in _PREPOSITIONS or prev in ("about", "like"):
        return True  # "pushing for *narrow* decisions"
    subs = hit.s.subordinators
    n = bisect_left(subs, hit.i) - 1
    if n >= 0 and hit.toks[subs[n]].low in ("when", "whenever", "if", "unless") and hit.i - subs[n] <= 8:
        return True  # "when women have made *serious* allegations": whenever it happens, a kind
    # "the executive branch may make *big* policy changes": a possible kind of act ("has
    # authorized *limited* attacks" is what was done, and counts)
    back = [t.low for t in hit.toks[max(0, hit.i - 3):hit.i - 1]]
    if any(t.low in _HABITUAL for t in hit.toks[max(0, hit.i - 3):hit.i]):
        return True  # "the Court typically *only* hears cases that ...": what happens as a rule
    return any(w in _MODALS or w == "can" for w in back)


_HABITUAL = frozenset("typically usually often generally rarely routinely normally seldom frequently".split())


def _rule_modifies(hit: _Hit) -> Target | None:
    """A size word on an event noun: "a *historic* victory", "an *upset victory*"; for a verb
    phrase, an event noun in its object ("had never had a *veto* overridden")."""
    own_last = hit.toks[hit.j].low if hit.j > hit.i else None
    verbal = hit.toks[hit.i].low in _VERBAL
    named = hit.anchors.in_words([t.low for t in hit.np_]) if verbal else _named_head(hit)
    if named is None and own_last and not verbal and hit.anchors.names(own_last):
        named = own_last
    if named is None:
        return None
    prev = hit.toks[hit.i - 1].low if hit.i > 0 and hit.toks[hit.i - 1].start >= hit.seg[0] else ""
    if prev in _NONE_OF:
        return Target(False, f"{prev} such {named}: a kind, not the event")
    if prev == "of" and hit.i >= 3 and hit.toks[hit.i - 2].low in _KIND_OF and hit.toks[hit.i - 3].low in _NONE_OF:
        return Target(False, f"any sort of {named}: a kind, not the event")  # "any sort of *sweeping* bill"
    if not verbal and not hit.lede and _wished_for(hit, prev):
        return Target(False, f"{named}: wished for, not the event")
    if not verbal and _generic_plural(hit, named, prev):
        return Target(False, f"{named} in general, not the event")
    after = [t.low for t in hit.toks[hit.j + 1 + len(hit.np_):hit.j + 8]]
    if _possible_action(hit, after):
        return Target(False, f"a possible {named}, not the event")
    of_what = _consequence_of_another(hit, named)
    if of_what:
        return Target(False, f"{named} of {of_what}, not of the event")
    other = None if verbal or hit.lede or named not in hit.anchors.core else _someone_elses(hit)
    if other:
        return Target(False, f"{named} of {other}, not the event")
    before = [t.low for t in hit.toks[max(0, hit.i - 8):hit.i] if t.start >= hit.seg[0]]
    cut = max((n for n, w in enumerate(before) if w in _CLAUSE_OPENERS), default=-1)
    before = before[cut + 1:]  # the year of "the 1986 law made ...", not of "2018 commitment that ..."
    if _other_instance(hit, [t.low for t in hit.np_] + _without_baselines(after) + _relative_clause_years(hit) +
                       [w for w in before if _TITLE_YEAR.match(w)], _np_names(hit, hit.np_)):
        return Target(False, f"another {named}")
    return Target(True, f"modifies the event: {named}")


_BASELINE = frozenset({"since", "than"})


def _without_baselines(words: Sequence[str]) -> list[str]:
    """The words after a noun phrase without a comparison's baseline: "the biggest upset
    *since 1992*", "larger *than 2016*" name the earlier time the event is measured against,
    not another instance of it.

    >>> _without_baselines(["since", "1992", "in", "alabama"])
    ['in', 'alabama']
    """
    out, skip = [], False
    for w in words:
        if w in _BASELINE:
            skip = True
            continue
        if skip and (_TITLE_YEAR.match(w) or w in ("the", "at", "least")):
            continue
        skip = False
        out.append(w)
    return out


_RELATIVE = frozenset({"that", "which", "who"})


def _relative_clause_years(hit: _Hit) -> list[str]:
    """The years of a relative clause on the size word's noun phrase, within its clause
    segment ("*sweeping* changes to immigration law that failed in 2007"): a thing with a
    past of its own is another instance, not the event reported."""
    k = hit.j + 1 + len(hit.np_)
    toks = [t for t in hit.toks[k:k + 14] if t.start < hit.seg[1]]
    rel = next((n for n, t in enumerate(toks) if t.low in _RELATIVE), None)
    if rel is None:
        return []
    words = [t.low for t in toks[rel + 1:]]
    return [w for w in _without_baselines(words) if _TITLE_YEAR.match(w)]


# Nouns of what something brings: whose they are is said by "of" ("the *worst* consequences
# of climate change" are not the rule's).
_CONSEQUENCES = frozenset("""implications ramifications consequences impact impacts effect effects toll fallout
repercussions damage destruction devastation significance stakes""".split())


def _consequence_of_another(hit: _Hit, named: str) -> str | None:
    """The thing after "of" when a consequence noun is said to be another thing's ("the
    *worst* consequences of climate change"), else None ("the *major* impact of the ruling")."""
    if named not in _CONSEQUENCES:
        return None
    k = hit.j + 1 + len(hit.np_)
    if k >= len(hit.toks) or hit.toks[k].low != "of":
        return None
    words = [t.low for t in hit.toks[k + 1:k + 5] if t.start < hit.seg[1] and t.low not in _DETERMINERS]
    if words[:2] == ["climate", "change"]:
        return "climate change"  # the name of the phenomenon (as in the lexicon), not a change
    if not words or hit.anchors.in_words(words) or words[0] in _REFER or words[0] in ("such", "that"):
        return None
    return " ".join(words[:3])


def _someone_elses(hit: _Hit) -> str | None:
    """The subject of a plain clause ("Republicans proposed *sweeping* changes to the tax code")
    when the size word's general event noun is that subject's own action: a name or a person
    who is not the lede's actor, with no linking verb, complementizer or verb of saying between
    it and the hit (else None)."""
    from .wording import lede_subject  # a pure function of the sentence

    subject = lede_subject(hit.sentence[:_VOICE_WINDOW]).strip()
    if not subject or not hit.sentence.lstrip().startswith(subject[:15]):
        return None
    words = _tokens(subject)
    while words and words[0].low in _LEADING:
        words = words[1:]
    if not words or len(words) > 6 or hit.toks[hit.i].start <= len(subject):
        return None
    lows = [t.low for t in words]
    if any(w in hit.anchors.actors or w in _PERSONAL or hit.anchors.names(w) for w in lows):
        return None
    head = words[-1]
    if not (subject[head.start:head.start + 1].isupper() or _person_noun(head.low)):
        return None
    between = [t.low for t in hit.toks if len(subject) <= t.start < hit.toks[hit.i].start]
    if any(w in _LINKING or w in _CLAUSE_OPENERS or w in _SAY_VERBS or w in _CALL_VERBS for w in between):
        return None
    # "... announced *sweeping* changes to power plant rules": changes to the event's own matter
    onward = [t.low for t in hit.toks[hit.j + 1:hit.j + 9] if t.start < hit.seg[1]]
    if any(hit.anchors.names(w) and w not in hit.anchors.core for w in onward):
        return None
    return " ".join(lows)


_PART_NOUNS = frozenset("""majority bulk heart core part parts portion portions piece pieces pillar pillars
linchpin linchpins centerpiece cornerstone element elements provision provisions section sections
much most rest remainder half""".split())


def _rule_part_of(hit: _Hit) -> Target | None:
    """A part of the event, sized: "the *vast* majority of the Arizona law", "three *linchpins*
    of the law", "*key* parts of the deal": the size of the part says how much of the event
    is affected, so it sizes the event."""
    if _in_subordinate_clause(hit):
        return None  # "Because the measure is the *centerpiece* of the bill, ...": a premise, not a sizing
    k = hit.j + 1
    words = [t.low for t in hit.toks[k:k + 3]]
    head = hit.toks[hit.j].low
    n = 0
    while n < len(words) and words[n] != "of":
        if words[n] in _NP_STOP:
            return None
        head = words[n]
        n += 1
    if n >= len(words) or head not in _PART_NOUNS:
        return None
    after = [t.low for t in hit.toks[k + n + 1:k + n + 5] if t.start < hit.seg[1]]
    while after and (after[0] in _DETERMINERS or after[0][:1].isdigit()):
        after = after[1:]
    named = hit.anchors.in_words(after[:3])
    if named is None or any(w in _OTHER for w in after[:3]):
        return None
    return Target(True, f"a part of the event: {named}")


def _in_subordinate_clause(hit: _Hit) -> bool:
    """Whether a subordinating word (after, because, if, ...) opens the hit's clause segment before it."""
    subs = hit.s.subordinators
    n = bisect_left(subs, hit.i) - 1  # the last subordinating word before the hit
    return n >= 0 and hit.toks[subs[n]].start >= hit.seg[0]


_CONCESSIVE = frozenset({"while", "although", "though"})


def _rule_concessive(hit: _Hit) -> Target | None:
    """A verbless concession inside commas ("The ruling, *while significant*, is not final";
    "This was, *while very important*, a first stage") grants the size to the noun phrase
    before it: counted when that names the event or is it/this."""
    k = hit.i - 1
    while k >= 0 and (hit.toks[k].low.endswith("ly") or hit.toks[k].low in ("very", "so", "quite", "still")):
        k -= 1
    if k < 1 or hit.toks[k].low not in _CONCESSIVE or hit.toks[k].start < hit.seg[0] \
            or hit.sentence[hit.seg[0]:hit.toks[k].start].strip():
        return None  # the concession must open its comma-bounded segment
    tail = hit.sentence[hit.toks[hit.j].end:hit.toks[hit.j].end + 2].strip()
    if not tail.startswith((",", "—", "–")):
        return None  # a clause with a verb of its own ("while the deal is modest, ...")
    before = [t.low for t in hit.toks[max(0, k - 8):k]]
    named = hit.anchors.in_words(before) or next((w for w in before if w in ("it", "this")), None)
    return Target(True, f"a concession about the event: {named}") if named else None


def _rule_subordinate(hit: _Hit) -> Target | None:
    """A subordinate clause ("after Russia began a *major* offensive") is about its own subject."""
    if _in_subordinate_clause(hit):
        subs = hit.s.subordinators
        opener = hit.toks[subs[bisect_left(subs, hit.i) - 1]].low
        if opener in _CONCESSIVE:
            return None  # "Although the ruling is *significant*, ...": a concession asserts what it grants
        return Target(False, "in a subordinate clause")
    return None


def _linking_before(hit: _Hit) -> int | None:
    """The linking verb closest before the hit within a few words, in the clause."""
    for k in range(hit.i - 1, max(-1, hit.i - 8), -1):
        low = hit.toks[k].low
        if hit.toks[k].start < hit.seg[0] and hit.sentence[hit.toks[k].end:hit.seg[0]].strip(" ") not in ("", ","):
            return None
        if low in _LINKING:
            return k
        if low in _SUBORDINATORS or low in {"that", "which", "who", "whether", "how"}:
            return None
        if low.endswith("ing") and len(low) > 4 and low not in _LINKING and low != "being" \
                and not low.endswith("thing") and k < hit.i - 1:
            # "It might not be *shaping* the opinions of the *vast* majority": the size word is
            # in the object of a verb in -ing, and "be" is its auxiliary, not a copula
            return None
        if low == "to" and k > 0 and hit.toks[k - 1].low not in _LINKING:
            # an infinitive opens a clause of its own ("it's safe to assume their *normal*
            # conduct"): the linking verb before it is not the size word's ("amounts to" is)
            return None
    return None


def _subject_before(hit: _Hit, verb: int) -> list[_Tok]:
    """The words before the linking verb ``verb`` that make its subject.

    From the sentence start, without parenthetical segments (between dashes, or opening on
    which/who or a participle: "The plan, expected next year, is ..."; "The regulation, which
    lawmakers try to block, is ...") and fronted subordinate clauses ("When he relented, it
    was ..."), cut after the last word that opens a clause ("they said the department ...",
    "suggests that Sessions's contact ...").
    """
    vstart = hit.toks[verb].start
    lo_tok = max(0, verb - _REACH)
    window = hit.toks[lo_tok:verb]
    own_seg = hit.s.segment_of(vstart)
    own = [t for t in window if t.start >= own_seg[0]]
    if own and own[0].low not in _PREPOSITIONS and not own[0].low.endswith(("ed", "ing")):
        keep = own  # the subject is in the verb's own clause segment
    else:
        keep = []
        first_seg = bisect_right(hit.s.seg_starts, hit.toks[lo_tok].start) - 1 if window else 0
        for n in range(max(0, first_seg), len(hit.segs)):
            a, b = hit.segs[n]
            if a >= vstart:
                break
            words = [t for t in window if a <= t.start < min(b, vstart)]
            dashed = hit.sentence[max(0, a - 2):a].strip() in ("—", "–", "-") and b < vstart
            opener = words[0].low if words else ""
            fronted = b < vstart and (opener in _SUBORDINATORS or opener in _PREPOSITIONS)  # "When ...,", "In releasing ...,"
            said = bool(words) and words[-1].low in _SAY_VERBS and len(words) <= 6  # "The deal, Smith said, was"
            parenthetical = fronted or (n > 0 and b < vstart and (
                dashed or said or opener in ("which", "who", "whom", "whose") or opener.endswith(("ed", "ing"))))
            if not parenthetical:
                keep.extend(words)
    cut = max((n for n, t in enumerate(keep) if t.low in _CLAUSE_OPENERS), default=-1)
    return keep[cut + 1:]


# -ly words that are not manner adverbs of a verb ("it will *only* agree to hear"): focus
# or time, said of whatever follows, not a size of the clause's action.
_FOCUS_LY = frozenset({"only", "merely", "solely", "simply", "early", "likely", "largely", "mostly"})


# Verbs of scope: what a decision applies to, covers or affects ("would *only* apply to").
_SCOPE_VERBS = _LINKING | frozenset("""affect affects affected target targets targeted include includes included
address addresses addressed reach reaches reached""".split())
_LIMITERS = frozenset({"only", "merely", "solely"})


def _limits_its_verb(hit: _Hit) -> bool:
    """"The rule would *only* apply to new plants", "it *merely* covers ...": a limiter right
    before a verb of scope limits what the clause's subject covers (not "he *only* learned")."""
    nxt = hit.j + 1
    return hit.i == hit.j and hit.toks[hit.i].low in _LIMITERS and nxt < len(hit.toks) \
        and hit.toks[nxt].low in _SCOPE_VERBS and hit.toks[nxt].low not in _BE_FORMS


_BE_FORMS = frozenset("is was are were be been being 's ’s".split())


def _pronoun_after_complementizer(hit: _Hit, subject: Sequence[_Tok]) -> bool:
    """"the Court's rules state that *it* will ...", "The CDC confirmed that *it* is ...": a
    pronoun right after a complementizer or a verb of saying is the main clause's subject
    (who states or confirms), not the event."""
    k = bisect_left(hit.s.starts, subject[0].start) - 1
    if k < 0 or hit.toks[k].low not in ("that", "said", "says", "say", "told", "confirmed", "stated"):
        return False
    # the main clause's subject: "it" can stand for one thing that speaks ("The CDC confirmed
    # that *it* is ..."), never for people or a plural ("Organizers said *it* was a turning point")
    m = k - 1 if hit.toks[k].low != "that" or k < 2 else k - 2
    who = hit.toks[m].low if m >= 0 else ""
    return not (who in _PERSONAL or _person_noun(who) or (who.endswith("s") and not who.endswith(("ss", "'s", "’s"))))


def _rule_predicate(hit: _Hit) -> Target | None:
    """After a linking verb, the subject: "The *plan* is a centerpiece", "This was a big
    result"; a size phrase that is itself a verb phrase has its own subject ("The ruling *did
    not go that far*"); a clause opening on it/this refers back ("It opens a *new chapter*")."""
    verb = hit.i if hit.toks[hit.i].low in _VERBAL or hit.toks[hit.i].low in _LINKING else _linking_before(hit)
    if verb is None and hit.toks[hit.i].low.endswith("ly") and hit.i == hit.j \
            and hit.toks[hit.i].low not in _FOCUS_LY:
        verb = hit.i  # an adverb on the clause's verb: "The ruling *sharply* limits ..."
    if verb is None and _limits_its_verb(hit):
        verb = hit.i  # "The rule would *only* apply to new plants": a limit on what the subject covers
    if verb is None:
        return _refers_back(hit)
    subject = _subject_before(hit, verb)
    while subject and subject[0].low in _LEADING:
        subject = subject[1:]
    if not subject:
        subject = _shared_subject(hit, verb)
    if not subject:
        return None
    if subject[0].low == "it" and len(subject) <= 3 and _extraposed(hit):
        return Target(False, "it ... to/when/for: about the clause after it, not the event")
    if subject[0].low in _REFER and (subject[0].low == "it" or all(
            t.low in _VERBAL_AUX or t.low in ("not", "never", "also", "still") or t.low.endswith("ly")
            for t in subject[1:])):
        if len(subject) == 1 and _pronoun_after_complementizer(hit, subject):
            return Target(False, "about who speaks: it")
        elsewhere = _antecedent_elsewhere(hit, subject[0])
        if elsewhere:
            return Target(False, f"{subject[0].low} refers back to {elsewhere}, not the event")
        kind = _one_of_a_kind(hit)
        if kind:
            return Target(False, f"{subject[0].low} is one of the {kind}: a thing of that kind, not the event")
        return Target(True, f"refers back: {subject[0].low}")
    plural = _they_refer_to_events(hit, subject)
    if plural:
        return Target(True, f"they refer back to {plural}")
    # "this pride", "that claim": a determiner; the noun after it says what the subject is
    while len(subject) > 1 and (subject[-1].low in _VERB_BEFORE or subject[-1].low in _VERBAL_AUX
                                or subject[-1].low in _RAISING):
        subject = subject[:-1]  # "The deal will *sharply* raise": the auxiliary is no part of it
        # (nor a raising verb: "The decision *appears to* represent the first time")
    head = _subject_head(subject)
    named = hit.anchors.in_words([t.low for t in head])
    at = next((n for n, t in enumerate(subject) if head and t is head[0]), 0)
    if named and at > 0 and subject[at - 1].low in _VERB_BEFORE:
        named = None  # "China will *deal* with them seriously": after a modal or "to", a verb
    if named is None and subject[0].low.endswith("ing") and len(subject) > 1:
        # a gerund subject says what was done: "declaring an emergency to build it is a massive abuse"
        named = hit.anchors.in_words([t.low for t in subject[1:5]])
    if named and named == subject[0].low and named.endswith("s") and subject[0].low not in ("talks", "results"):
        return Target(False, f"{named} in general, not the event")  # "Rulings on motions require only ..."
    if named and not _other_instance(hit, [t.low for t in subject], _np_names(hit, subject)):
        return Target(True, f"says what the event is: {named}")
    actor = next((t.low for t in subject if t.low in hit.anchors.actors), None)
    if actor and verb == hit.i and (hit.toks[hit.i].low in _VERBAL or _adverb_on_a_verb(hit, subject)):
        # (or an adverb on the actor's verb: "The Supreme Court *narrowly* upheld the ban")
        # a size phrase that is a verb phrase, said of who acted: "the court did not go that far"
        return Target(True, f"what the event's actor did: {actor}")
    if actor and any(t.low == "first" for t in hit.toks[hit.i:hit.j + 1]):
        # "Jones became the *first Democrat to win* ...": the actor's precedent is the event's
        return Target(True, f"the event's actor sets a precedent: {actor}")
    return Target(False, "about the subject of its clause")


_IRREGULAR_PAST = frozenset("""upheld won lost struck beat held took made kept set cut split fell rose led drew
gave hit sent overturned""".split())


def _adverb_on_a_verb(hit: _Hit, subject: Sequence[_Tok]) -> bool:
    """An -ly adverb right before a verb in the past or in -s, after a short subject: "The
    Supreme Court *narrowly* upheld ...", not "the *profoundly* alarming messages"."""
    k = hit.i + 1
    if not hit.toks[hit.i].low.endswith("ly") or k >= len(hit.toks) or len(subject) > 8:
        return False
    nxt = hit.toks[k].low
    return nxt in _IRREGULAR_PAST or (nxt.endswith(("ed", "es")) and len(nxt) > 4)


def _they_refer_to_events(hit: _Hit, subject: Sequence[_Tok]) -> str | None:
    """A bare "they" whose antecedent, the subject of the sentence before, is a plural event
    noun ("The three cases ... are significant. *They* represent a *major* ..."): the events."""
    if len(subject) != 1 or subject[0].low != "they" or not hit.previous:
        return None
    from .wording import lede_subject  # a pure function of the sentence

    words = _tokens(lede_subject(hit.previous[:_VOICE_WINDOW]))
    head = _subject_head(words)
    if head and head[0].low.endswith("s") and hit.anchors.names(head[0].low) \
            and not _other_instance(hit, [t.low for t in words], ()):
        return head[0].low
    return None


def _one_of_a_kind(hit: _Hit) -> str | None:
    """"It is *one of the largest* lobbying groups in Washington": "it" is put among things of
    a kind the article does not use for its event (groups, companies, cities), so it is one of
    those things; "one of the largest protests" (an event noun) stays the event."""
    back = [t.low for t in hit.toks[max(0, hit.i - 3):hit.i]]
    if back[-3:-1] != ["one", "of"] and back[-2:] != ["one", "of"]:
        return None
    own = _own_noun(hit)
    return own if own and own.endswith("s") else None


def _extraposed(hit: _Hit) -> bool:
    """"It's not *unusual* for politicians to spin", "it's a *big* problem when the stream
    stops", "it is *safe* to say": an "it" whose content is the clause after the size word's
    phrase (to, when, if, whether, or for ... to), not a thing referred back to."""
    k = hit.j + 1 + len(hit.np_)
    if k >= len(hit.toks) or hit.sentence[hit.toks[k - 1].end:hit.toks[k].start].strip(" "):
        return False
    nxt = hit.toks[k].low
    if nxt == "to":  # an infinitive ("safe to say"), not a complement ("limited to the area")
        after = hit.toks[k + 1] if k + 1 < len(hit.toks) else None
        return after is not None and after.low not in _DETERMINERS and not after.low[:1].isdigit() \
            and not hit.sentence[after.start:after.start + 1].isupper() and not after.low.endswith(("'s", "’s"))
    if nxt in ("when", "if", "whether"):
        return True
    return nxt == "for" and any(t.low == "to" for t in hit.toks[k + 2:k + 6])


_VERB_BEFORE = frozenset("will would could can may might should must to did does do n't not".split())
# Verbs that raise their subject over "to" ("appears to represent", "is likely to mark").
_RAISING = frozenset("appear appears appeared seem seems seemed likely expected poised going set is are was were".split())


def _shared_subject(hit: _Hit, verb: int) -> list[_Tok]:
    """The subject of a coordinated predicate: "The legislation ... was negotiated by ... and
    *is* a rare example" has no subject of its own after "and": the clause's first subject
    (the sentence's, as :func:`analysis.wording.lede_subject` reads it) is its subject."""
    k = verb - 1
    while k >= 0 and (hit.toks[k].low in _VERBAL_AUX or hit.toks[k].low in ("not", "also", "still")
                      or hit.toks[k].low.endswith("ly")):
        k -= 1
    if k < 1 or hit.toks[k].low not in ("and", "but"):
        return []
    from .wording import lede_subject  # a pure function of the sentence

    text = hit.sentence[:hit.toks[k].start]
    subject = lede_subject(text[:_VOICE_WINDOW]).strip()
    if not subject or not text.startswith(subject[:20]):
        return []
    toks = [t for t in hit.toks if t.end <= len(subject) + (len(text) - len(text.lstrip()))]
    return toks if 0 < len(toks) <= 8 else []


def _subject_head(subject: Sequence[_Tok]) -> list[_Tok]:
    """The head of a subject: its last word before a preposition ("the *policy* against the
    use of ATACMS", "*Sessions's contact* with Kislyak"), as a one-word list."""
    cut = next((n for n, t in enumerate(subject) if n > 0 and t.low in _PREPOSITIONS), len(subject))
    return list(subject[:cut][-1:])


def _refers_back(hit: _Hit) -> Target | None:
    """A clause opening on it/this with the size word a few words on: "It opens a new chapter"."""
    first = hit.s.first_token_from(hit.seg[0])
    while first < hit.i and hit.toks[first].low in _LEADING:
        first += 1
    if first < hit.i and hit.toks[first].low in ("it", "this") and hit.i - first <= 5:
        if hit.toks[first].low == "this" and first + 1 < hit.i and hit.toks[first + 1].low not in _LINKING \
                and hit.toks[first + 1].low not in _VERBAL_AUX:
            return None  # "this pride ...": a determiner, not a pronoun
        if _own_noun(hit):
            # no linking verb: the size word is in the object and sizes that noun ("it floats the
            # economies of *major* cities"; "*This radical* agenda": "this" is its determiner)
            return None
        elsewhere = _antecedent_elsewhere(hit, hit.toks[first])
        if elsewhere:
            return Target(False, f"{hit.toks[first].low} refers back to {elsewhere}, not the event")
        return Target(True, f"refers back: {hit.toks[first].low}")
    return None


_VERBAL_AUX = frozenset("""will would could can may might should must has have had does did do opens opened
open marks""".split())
_PERSONAL = frozenset("it this that they he she we i you there here".split())


def _antecedent_elsewhere(hit: _Hit, pronoun: _Tok) -> str | None:
    """What a bare it/this refers back to when that is something other than the event, else
    None (the event, or unknown).

    The antecedent is read as the subject of the body sentence before ("The 2015 nuclear deal
    capped enrichment. Specifically, *it* limited ...": another deal; "The deficit keeps
    growing. *It*'s gigantic": the deficit).  A subject that names the event, a pronoun (a
    chain), a name (it cannot be a person: unknown) or a quotation (its speaker comments on
    the matter at hand) leaves the pronoun as the event's."""
    before = hit.sentence[:pronoun.start]
    # a clause before it in its own sentence holds the antecedent ("The easing marks a
    # departure, but *it* is limited"), else the sentence before
    # ("When the mayor relented, *it* was ...": a fronted subordinate clause holds none)
    own = _WORD.findall(before)
    text = before if len(own) > 3 and own[0].lower() not in _SUBORDINATORS else hit.previous
    if not text or any(q in before for q in "“\"") or hit.previous.count("“") > hit.previous.count("”"):
        return None
    from .wording import lede_subject  # a pure function of the sentence

    words = [t for t in _tokens(lede_subject(text[:_VOICE_WINDOW]))]
    while words and (words[0].low in _LEADING or words[0].low in _PREPOSITIONS):
        words = words[1:]
    if not words or len(words) > 8 or words[0].low in _PERSONAL:
        return None
    head = _subject_head(words)
    if not head or text[head[0].start:head[0].start + 1].isupper() or not head[0].low.isalpha():
        return None  # a name, or no noun
    named = hit.anchors.in_words([t.low for t in words])
    if named and not _other_instance(hit, [t.low for t in words], ()):
        return None
    if head[0].low in _DETERMINERS or head[0].low in _PART_NOUNS or head[0].low in _SCOPE_NOUNS \
            or _person_noun(head[0].low):
        return None  # "it" cannot refer back to a person ("The governor signed. *It* was the first ...")
    bare = len(words) <= 3 and all(t.low.isalpha() and not text[t.start:t.start + 1].isupper() or n == 0
                                   for n, t in enumerate(words))
    if words[0].low not in _DETERMINERS and not words[0].low.endswith(("'s", "’s")) and not bare:
        return None  # not a plain noun phrase ("Enough this update"): the reading is unsure
        # (a bare noun phrase of a few lower-case words is one: "Gun violence has surged")
    return " ".join(t.low for t in words[-3:])


def _person_noun(word: str) -> bool:
    """Whether ``word`` names a person or a group of people (governor, official, voters ...),
    from the nouns the quote finder reads for sources and titles.

    >>> _person_noun("governor"), _person_noun("deficit")
    (True, False)
    """
    from .speakers import source_nouns, title_words  # word lists, read only

    return word in source_nouns() or word in title_words() or word.rstrip("s") in source_nouns()


_SAY_VERBS = frozenset("""said says say told added argued argues noted notes wrote writes insisted insists
contended contends believes believe warned warns""".split())
# Verbs that put a name on their object: "Smith *called* the deal historic", "described it as modest".
_CALL_VERBS = frozenset("""called calls call calling described describes describing termed terms dubbed
labeled labelled labels branded brands deemed deems considered considers declared declares
hailed hails hail hailing praised praises decried decries denounced denounces touted touts billed bills
heralded heralds characterized characterizes characterised portrayed portrays dismissed dismisses
dismissing""".split())


def _rule_called(hit: _Hit) -> Target | None:
    """A size word that completes a verb of naming: "Democrats *called* the deal historic",
    "described the ruling as narrow", "called it a historic victory": it sizes the object."""
    for k in range(hit.i - 1, max(-1, hit.i - 8), -1):
        t = hit.toks[k]
        if re.search(r"[,;:()\[\]—–]|\s-\s", hit.sentence[t.end:hit.toks[k + 1].start]):
            return None  # another clause ("described it as “better than nothing”" crosses the quote)
        if t.low in _CALL_VERBS:
            obj = [w.low for w in hit.toks[k + 1:hit.i] if w.low not in _DETERMINERS and w.low != "as"]
            if not obj and hit.toks[k + 1].low in _REFER:
                obj = [hit.toks[k + 1].low]
            if obj and obj[0] in _REFER:
                if _own_noun(hit) and not (hit.i > 0 and hit.toks[hit.i - 1].low in ("a", "an")):
                    return None  # "we can call it *radical* jihadism": a name for a thing of its own
                elsewhere = _antecedent_elsewhere(hit, hit.toks[k + 1])
                if elsewhere:
                    return Target(False, f"{obj[0]} refers back to {elsewhere}, not the event")
                return Target(True, f"what {t.low} names: {obj[0]}")
            named = hit.anchors.in_words(obj[:4])
            if named and not any(w in _OTHER for w in obj):
                return Target(True, f"what {t.low} names: {named}")
            return None
    return None


# Idioms that size "what is happening" and modify no noun of their own: said in a main clause,
# they are about the matter the article reports ("Congress needs to *finish the job*").
_SELF_SIZING = re.compile(r"^(?:better than nothing|finish the job|(?:the )?hard work (?:starts|begins)|"
                          r"little of substance|business as usual|nothing new|for the ages|like never before|"
                          r"(?:just|only|merely) the (?:beginning|start)|more (?:work|needs) to (?:do|be done)|"
                          r"(?:just|only|merely|simply|but) (?:a|the) (?:first|initial|opening) (?:step|stage|move|phase))$")


def _rule_idiom(hit: _Hit) -> Target | None:
    """A sizing idiom with no noun of its own ("better than nothing", "the hard work starts"),
    in a main clause: it sizes the matter the article reports."""
    words = " ".join(t.low for t in hit.toks[hit.i:hit.j + 1])
    if _SELF_SIZING.match(words):
        return Target(True, f"a sizing idiom: {words}")
    return None


def _rule_complement(hit: _Hit) -> Target | None:
    """Inside what an event noun says: "the decision to strike down *major* provisions"."""
    for k in range(hit.i - 1, max(-1, hit.i - 7), -1):
        t = hit.toks[k]
        if t.start < hit.seg[0]:
            break
        if hit.anchors.names(t.low) and k + 1 < hit.i and hit.toks[k + 1].low in ("to", "of", "for"):
            after = hit.toks[k + 2].low if k + 2 < len(hit.toks) else ""
            if hit.toks[k + 1].low == "to" and after in _DETERMINERS:
                return None  # "a blow to a fundamental value": a recipient, not what the event does
            if any(w.low in _OTHER for w in hit.toks[max(0, k - 3):k]):
                return None  # "yet another blow"
            return Target(True, f"describes the event: {t.low}")
    return None


_DETERMINERS = frozenset("a an the his her its their this that these those our your my".split())
_PREPOSITIONS = frozenset("""in inside on at for with by from to over of under within near around across
against during despite""".split())


def _rule_apposition(hit: _Hit) -> Target | None:
    """Beside a clause about the event: "Jones won — easily the *biggest* upset", "..., becoming
    the *first* Democrat to ... since 1992"."""
    first = hit.s.first_token_from(hit.seg[0])
    opener = hit.toks[first].low
    back = [k for k in range(max(0, hit.i - 5), hit.i) if hit.toks[k].start >= hit.seg[0]]
    # a participle that opens its clause ("..., opening what could be a new chapter"; "by
    # becoming the first ..."), not a verb form ("will be ending a momentous session")
    back = [k for k in back if hit.toks[k].low in _PARTICIPLE
            and (k == first or hit.toks[k - 1].low in ("by", "thus", "thereby"))]
    participle = bool(back)
    cut = hit.sentence[:hit.seg[0]].rstrip()[-1:]
    if not participle and (hit.seg == hit.segs[0] or opener not in _APPOSITION_OPENERS
                           or hit.i - first > 4 or cut not in ",—–-"):
        return None
    if ":" in hit.sentence[:hit.seg[0]]:
        return None  # an item of a list after a colon, not an apposition
    if participle and _own_noun(hit):
        return None  # "..., representing the *small* kingdom": it sizes the kingdom
        # (a bare apposition is itself a description of the clause: "..., a *stunning* fall")
    rel = next((k for k in range(first + 1, hit.i) if hit.toks[k].low in ("that", "which", "who")), None)
    if rel is not None:
        noun = hit.toks[rel - 1].low
        if noun != "one" and not hit.anchors.names(noun):
            # "— a standard that *has never been* included": a relative clause about its noun
            return None
    lo = hit.toks[back[0]].start if participle else hit.seg[0]
    before = [t.low for t in hit.toks[max(0, first - _REACH):first + 6] if t.start < lo]
    named = hit.anchors.in_words(before)
    refer = next((w for w in before if w in ("it", "this")), None) if participle else \
        (before[0] if before and before[0] in _REFER else None)
    if hit.lede or named or refer:
        return Target(True, f"sizes its clause: {named or ('the lede' if hit.lede else refer)}")
    return None


# Nouns of scope and manner: a size word on one sizes what it belongs to ("for the *limited*
# purpose of", "their *limited* use", "in the narrowest of ways"), not a thing of its own; so
# does one on the event's time ("a *make-or-break* week on guns", "a *historic* day").
_SCOPE_NOUNS = frozenset("""purpose purposes capacity scope way ways manner extent basis degree fashion
form sense terms use uses role range reach area areas number amount part portion share window
circumstances cases conditions step steps day night week moment hour""".split())


def _np_head(hit: _Hit) -> _Tok:
    """The head of the noun phrase after a size word: its last word, or its last lower-case
    word before names and days ("a *major* non-NATO ally Saturday": the ally)."""
    lower = [t for t in hit.np_ if not hit.sentence[t.start:t.start + 1].isupper()]
    if lower and lower[-1] is not hit.np_[-1] and all(
            hit.sentence[t.start:t.start + 1].isupper() for t in hit.np_[hit.np_.index(lower[-1]) + 1:]):
        return lower[-1]
    return hit.np_[-1]


def _own_noun(hit: _Hit) -> str | None:
    """The noun a one-word size adjective modifies when that noun is a thing of its own: not
    an event noun, not a noun of scope ("the *limited* purpose"), not a name."""
    if hit.i != hit.j or not hit.np_ or hit.toks[hit.i].low.endswith("ly"):
        return None  # an adverb ("it *merely* gives ...") modifies no noun
    head = _np_head(hit)
    if hit.anchors.in_words([t.low for t in hit.np_]) or head.low in _SCOPE_NOUNS or head.low in _PART_NOUNS \
            or hit.sentence[head.start:head.start + 1].isupper() or head.low in _DETERMINERS:
        return None
    return head.low


def _lede_subject_event(hit: _Hit) -> str | None:
    """The event noun heading the lede's subject when the size word stands in that subject ("A
    *major* earthquake struck Turkey on Monday": the earthquake is what the story reports)."""
    from .wording import lede_subject  # a pure function of the sentence

    subject = lede_subject(hit.sentence[:_VOICE_WINDOW]).strip()
    if not subject or hit.toks[hit.j].end > len(subject) + (len(hit.sentence) - len(hit.sentence.lstrip())):
        return None
    words = _tokens(subject)
    head = _subject_head(words)
    if head and head[0].low in EVENT_NOUNS or head and hit.anchors.names(head[0].low):
        return head[0].low
    return None


def _rule_lede(hit: _Hit) -> Target | None:
    """The main clause of the lede states the event: a size word there counts unless it
    modifies a noun of its own ("the *worst* consequences of climate change")."""
    if not hit.lede:
        return None
    happening = _lede_subject_event(hit)
    if happening:
        return Target(True, f"the lede's subject is the event: {happening}")
    np_ = [t for t in hit.np_ if t.low not in ("their", "its", "his", "her", "our", "your", "my")]
    last = _np_head(hit) if np_ else None
    head = [last.low] if last is not None and last.low in {t.low for t in np_} else []
    if head and head[0] not in _SCOPE_NOUNS and not hit.sentence[last.start:last.start + 1].isupper():
        return Target(False, f"about something else in the lede: {head[0]}")
    return Target(True, "lede")


# A verb of knowing or telling before a limiter: "known *only* to a narrow group of aides",
# "were told *only* on Monday" say who knew or when, not how far the event goes ("granted
# only for", "applies only to" stay limits).
_KNOWING = frozenset("""known learned learnt revealed disclosed told shared seen heard aware informed discussed
mentioned briefed notified announced confirmed""".split())


def _rule_known_only(hit: _Hit) -> Target | None:
    """"The decision was known *only* to a very narrow group of aides": a limiter after a verb
    of knowing or telling says who knew, not the event's size (drawn as a size word about
    something else)."""
    if hit.i == hit.j and hit.toks[hit.i].low in _LIMITERS and hit.i > 0 and hit.toks[hit.i - 1].low in _KNOWING:
        return Target(False, f"{hit.toks[hit.i - 1].low} only: who knew, not the event's size")
    return None


def _rule_background(hit: _Hit) -> Target | None:
    """A relative clause on someone who is not the lede's actor ("The prime minister, *who won a
    landslide victory in July*, dismissed ...") tells that person's background, not the event."""
    first = hit.s.first_token_from(hit.seg[0])
    if first >= hit.i or hit.toks[first].low not in ("who", "whose") or first == 0:
        return None
    before = hit.toks[first - 1]
    if before.low in hit.anchors.actors or hit.sentence[before.end:hit.toks[first].start].strip() != ",":
        return None
    return Target(False, f"about {before.low}'s background, not the event")


_FIRST_PERSON = frozenset("i i've i'd i’ve i’d i'm i’m my me".split())
# "the first time I've *seen* a court do this": the speaker's experience measures the event
_PERCEIVED = frozenset("seen saw heard witnessed remember recall can could ever".split())


def _rule_personal_first(hit: _Hit) -> Target | None:
    """"It's the *first time* I've voted", "my *first* protest": a first in the speaker's own
    life (a first person singular right after it, with no verb of witnessing: "the first time
    I've seen a court do this" measures the event), not a precedent set by the event."""
    if not any(t.low == "first" for t in hit.toks[hit.i:hit.j + 1]):
        return None
    after = [t.low for t in hit.toks[hit.j + 1:hit.j + 5] if t.start < hit.seg[1]]
    if after and after[0] == "that":
        after = after[1:]
    if after and after[0] in _FIRST_PERSON and not any(w in _PERCEIVED for w in after[1:3]):
        return Target(False, "a first in the speaker's own life, not the event's")
    return None


_FRONTING = frozenset({"but", "and", "yet", "for", "the", "indeed"})
_PRECEDENT_OPENERS = ("never", "not", "first")


def _rule_fronted_precedent(hit: _Hit) -> Target | None:
    """A precedent phrase that opens the sentence ("*Never before* has a court ...", "*Not
    since 1992* has a Democrat ...", "For the *first time*, ...") sizes the clause it opens:
    it counts when that clause names the event, its actor or refers back with it/this."""
    first = hit.s.first_token_from(0)
    if hit.toks[hit.i].low not in _PRECEDENT_OPENERS or any(
            t.low not in _FRONTING for t in hit.toks[first:hit.i]):
        return None
    rest = [t.low for t in hit.toks[hit.j + 1:hit.j + 1 + _REACH]]
    named = hit.anchors.in_words(rest) or next(
        (w for w in rest if w in hit.anchors.actors or w in ("it", "this")), None)
    return Target(True, f"a precedent claim on its clause: {named}") if named else None


_TARGET_RULES = (_rule_background, _rule_known_only, _rule_personal_first, _rule_fronted_precedent, _rule_modifies, _rule_part_of, _rule_called, _rule_concessive,
                 _rule_subordinate, _rule_idiom, _rule_apposition, _rule_predicate,
                 _rule_complement, _rule_lede)


def sizing_target(sentence: str, start: int, end: int, anchors: EventAnchors, *, lede: bool,
                  year: int | None = None, prepared: _Sentence | None = None, previous: str = "") -> Target:
    """Whether the size word at ``sentence[start:end]`` sizes up the event, and why.

    ``lede``: the sentence is the article's first body sentence; ``year``: the article's
    year (a noun phrase with an earlier year is about another instance); ``prepared``: the
    sentence's facts, shared by its size words (found here when not given); ``previous``:
    the body sentence before (what a bare "it" or "this" refers back to).  The rules are
    tried in order: it modifies an event noun; it stands in a subordinate clause (no); an
    apposition or participle beside a clause about the event; the subject of its linking
    verb; the content of an event noun ("the decision to ..."); the lede's main clause.

    >>> a = event_anchors(None, ["Russia attacked.", "Biden decided."])
    >>> sizing_target("It came after Russia began a major offensive.", 29, 34, a, lede=False)
    Target(about_event=False, reason='in a subordinate clause')
    >>> sizing_target("The decision marks a major shift.", 21, 26, a, lede=False)
    Target(about_event=True, reason='modifies the event: shift')
    >>> sizing_target("His talks were closely held, known only to a very narrow group of aides.", 51, 57, a,
    ...               lede=False)
    Target(about_event=False, reason='about something else')
    """
    s = prepared if prepared is not None and prepared.text is sentence else _Sentence(sentence)
    i = s.token_at(start)
    if i is None:
        return Target(False, "no word")
    j = i
    while j + 1 < len(s.toks) and s.toks[j + 1].start < end:
        j += 1
    hit = _Hit(s, i, j, s.segment_of(start), _noun_phrase_after(s.toks, sentence, j), anchors, lede, year,
               previous)
    for rule in _TARGET_RULES:
        got = rule(hit)
        if got is not None:
            return got
    return Target(False, "about something else")


# --------------------------------------------------------------------------- voice

_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_PASSIVE_BY = re.compile(r"\bby\s*$", re.IGNORECASE)


_CONFIRMING = frozenset({"confirmed", "reported", "revealed", "announced", "disclosed"})
_SPEECH_AFTER = ("said", "says", "told", "added")


def attributed_source(hit_start: int, attributions: Sequence[tuple[int, int, int, int, str, str]],
                      sentence: str = "", s0: int = 0) -> str | None:
    """The source whose indirect statement holds a position, or None.

    ``attributions``: ``(start, end, cue_start, cue_end, cue, source)`` of the non-direct
    attributions of the hit's sentence, in clean-text offsets, in text order.  "X said
    (that) ...": the words after the cue are X's; "..., X said": the words before the
    source; "according to X": the whole sentence.  A passive confirmation inside commas
    ("This decision, confirmed by four officials, marks ...") vouches for a fact, not for
    the words around it.  Only the nearest attribution on each side of the position is
    read, so many attributions cost a bisection.  ``sentence`` (starting at ``s0``) lets a
    contrast tell the outlet's words from a source's after them: in "The ruling is modest, but
    supporters say it is historic" only "historic" is the supporters'.

    >>> attributed_source(40, [(0, 10, 11, 18, "suggest", "some polls")])
    'some polls'
    >>> attributed_source(40, [(20, 35, 10, 19, "confirmed", "four officials")]) is None
    True
    """
    if not attributions:
        return None
    according = next((x for x in attributions[:3] if x[4].lower().startswith("according")), None)
    if according is None:
        according = next((x for x in attributions[-3:] if x[4].lower().startswith("according")), None)
    if according is not None and not (according[0] <= hit_start < according[1]):
        return according[5]
    starts = [min(x[0], x[2]) for x in attributions]
    n = bisect_right(starts, hit_start)
    if n > 0:  # the nearest attribution before the position
        a, b, ca, cb, cue, source = attributions[n - 1]
        if ca > a and b <= ca and hit_start >= cb:
            return source  # source, cue, then the statement
        if ca < a and a - cb <= 2 and hit_start >= b and cue.lower().endswith(_SPEECH_AFTER):
            return source  # "said Jane Doe that ..." (rare): after the source
    if n < len(attributions):  # the nearest one after it
        a, b, ca, cb, cue, source = attributions[n]
        if hit_start < min(a, ca) and cue.lower() not in _CONFIRMING \
                and not _contrast_between(sentence, hit_start - s0, min(a, ca) - s0):
            return source  # the statement, then source and cue ("..., officials said")
    return None


_CONTRAST = re.compile(r";|\b(?:but|while|whereas|although|though|yet)\b", re.IGNORECASE)


def _contrast_between(sentence: str, a: int, b: int) -> bool:
    """Whether a contrast (but, while, although, a semicolon) stands in ``sentence[a:b]``: the
    words before it are not the statement of a source named after it.

    >>> _contrast_between("The ruling is modest, but supporters say it is historic.", 14, 26)
    True
    """
    return bool(sentence) and 0 <= a < b and _CONTRAST.search(sentence, a, b) is not None


# --------------------------------------------------------------------------- per article

SIZE_WORD_COLUMNS = ["article_id", "outlet", "sentence_id", "start", "end", "frame", "match", "negated",
                     "counts", "direction", "reason", "voice", "speaker", "rel_position"]
CHAR_COLUMNS = ["article_id", "outlet", "sentence_id", "para_id", "start", "end", "sentence",
                "direction", "words", "bigger_words", "smaller_words", "voice", "speaker",
                "position", "rel_position", "reason"]


def _position(rel: float, is_lede: bool) -> str:
    if is_lede:
        return "lede"
    return "first third" if rel < 1 / 3 else "later"


# A subject and a verb of saying or thinking before a statement: "some polls suggest (that)
# ...", "critics argue ...", "The Post report suggests that ...".  The attribution finder
# reads speech verbs; this also reads the verbs of claims and opinions it leaves out.
_REPORTED = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but)\s+)(?P<who>(?:[A-Z][\w’'.-]*|the|some|many|most|several|critics|analysts|"
    r"experts|officials|observers|supporters|opponents|polls?)(?:\s+[\w’'.-]+){0,5}?)\s+"
    r"(?:suggests?|suggested|argues?|argued|claims?|claimed|contends?|contended|believes?|believed|"
    r"thinks?|thought|warns?|warned|predicts?|predicted|insists?|insisted|estimates?|estimated|"
    r"(?:agrees?|agreed|fears?|feared|maintains?|maintained|asserts?|asserted)(?=\s+that\b)|"
    r"says?|said|notes?|noted|acknowledges?|acknowledged|concedes?|conceded)(?:\s+that)?\s",
)


def reported_speaker(sentence: str, pos: int) -> str | None:
    """Who a statement is reported from, when a subject and a verb of saying or thinking stand
    before position ``pos`` in the sentence ("some polls suggest Jones could ...").

    >>> reported_speaker("Some polls suggest Jones could pull off an upset.", 40)
    'Some polls'
    >>> reported_speaker("The deal is an upset.", 15) is None
    True
    """
    best = None
    # a bounded window before the position: a sentence with many size words stays linear
    for m in _REPORTED.finditer(sentence, max(0, pos - _VOICE_WINDOW), pos):
        best = m
    if best is None:
        return None
    return best.group("who")


_VOICE_WINDOW = 300  # characters a voice rule reads around a size word

# "The White House welcomed the vote but *said* it was just a first step": a second verb of
# saying shares the sentence's subject, which is the speaker.
_SHARED_SUBJECT_SAY = re.compile(
    r"\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|added|argued|warned|noted|insisted|"
    r"cautioned|stressed|called\s+it)\b")


def shared_subject_speaker(sentence: str, pos: int) -> str | None:
    """The subject of the sentence when "and/but said" (a verb of saying sharing that subject)
    stands before position ``pos``.

    >>> shared_subject_speaker("The White House welcomed the vote but said it was a first step.", 50)
    'The White House'
    """
    # Windows of a few hundred characters: each size word reads a bounded stretch, so a
    # sentence with many of them stays linear.
    if _SHARED_SUBJECT_SAY.search(sentence, max(0, pos - _VOICE_WINDOW), pos) is None:
        return None
    from .wording import lede_subject  # a pure function of the sentence

    subject = lede_subject(sentence[:_VOICE_WINDOW]).strip()
    words = subject.split()
    if not words or words[0].lower() in _REFER or len(words) > 8:
        return None
    return subject


_TRAILING_SAY = re.compile(
    r"(?:,|\s[-—–])\s*(?:according\s+to\s+(?P<acc>[^,.;:!?]{2,60}?)|(?P<who>[^,.;:!?“”\"]{2,60}?)\s+"
    r"(?:say|says|said|told\s+[\w\s]{1,30}?|added|argue|argues|argued|note|notes|noted|warn|warns|warned|"
    r"contend|contends|contended|believe|believes|insist|insists|insisted|wrote|writes))\s*(?:[,.;]|$)")
_CALLED = re.compile(r"(?<![-‐])\b(?:called|calls|call|calling|described|describes|termed|dubbed|labeled|labelled|"
                     r"branded|deemed|hailed|hails|praised|decried|denounced)\b")


def _without_fronted_phrase(subject: str) -> str:
    """A subject without a fronted prepositional phrase: "In a statement, the White House"
    -> "the White House".

    >>> _without_fronted_phrase("In a statement, the White House")
    'the White House'
    """
    first = subject.split(" ", 1)[0].lower()
    if "," in subject and first in _PREPOSITIONS:
        return subject.rsplit(",", 1)[1].strip()
    return subject


# "Many Democrats *see* the ruling as a victory", "To Smith, the ruling is ...": a view held
_SEE_AS = re.compile(r"\b(?:sees?|saw|views?|viewed|regards?|regarded)\b(?=[^.;:“”\"]{0,80}?\bas\b)")
_TO_SOMEONE = re.compile(r"^\W*To\s+(?P<who>(?:many|some|most)\s+[\w’'-]+|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}),")
_IN_VIEW = re.compile(r"\b(?:in|by)\s+(?P<who>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:['’]s?)\s+"
                      r"(?:view|views|opinion|words|estimation|telling|account|reckoning|judgment|judgement|assessment)\b")


def trailing_speaker(sentence: str, pos: int) -> str | None:
    """The source of a statement given after it: "The deal is historic, officials say";
    "..., according to analysts"; or the subject of a verb of naming before it ("Democrats
    called it a historic victory").

    >>> trailing_speaker("The deal is historic, officials say.", 12)
    'officials'
    >>> trailing_speaker("The deal is historic, according to analysts.", 12)
    'analysts'
    """
    v = _IN_VIEW.search(sentence, max(0, pos - _VOICE_WINDOW), pos + _VOICE_WINDOW) or _TO_SOMEONE.match(sentence)
    if v is not None:
        return v.group("who")  # "The ruling is historic, in Smith's view"; "To Smith, the ruling is ..."
    m = _TRAILING_SAY.search(sentence, pos, pos + _VOICE_WINDOW)
    if m is not None:
        who = (m.group("acc") or m.group("who")).strip()
        words = who.split()
        if words and words[0].lower() not in ("it", "this", "that", "which", "and", "but") and len(words) <= 8:
            return who
    c = None
    for c in _CALLED.finditer(sentence, max(0, pos - _VOICE_WINDOW), pos):
        pass
    if c is None:
        for c in _SEE_AS.finditer(sentence, max(0, pos - _VOICE_WINDOW), pos):
            pass
    if c is not None and c.start() < _VOICE_WINDOW:
        from .wording import lede_subject  # a pure function of the sentence

        subject = _without_fronted_phrase(lede_subject(sentence[:c.end()]).strip()) \
            or sentence[:c.start()].strip()  # the words before the verb ("Many Democrats see ... as")
        if subject and subject.split()[0].lower() not in _REFER and len(subject.split()) <= 8 \
                and not _CLAUSE_CUT.search(sentence, c.end(), pos):
            return subject
    return None


# "Sen. Harry Reid, D-Nevada: “The Supreme Court was right ...”": a speaker introduced by a colon.
_COLON_SPEAKER = re.compile(r"^\s*(?P<who>[A-Z][^:\"“”!?]{2,80}?)\s*:\s*[\"“]")


def colon_speaker(sentence: str) -> str | None:
    """The speaker named before a colon that opens a direct quote, without the tag after a
    comma ("Sen. Harry Reid, D-Nevada: “...”" -> "Sen. Harry Reid").

    >>> colon_speaker("Sen. Harry Reid, D-Nevada: “The court was right.”")
    'Sen. Harry Reid'
    """
    m = _COLON_SPEAKER.match(sentence)
    if m is None:
        return None
    who = m.group("who").split(",")[0].strip()
    return who if 0 < len(who.split()) <= 6 else None


def _hit_voice(hit, attributions, sentence: str = "", s0: int = 0) -> tuple[str, str | None]:
    if hit.voice == "quoted":
        return "quoted", hit.speaker or (colon_speaker(sentence) if sentence else None)
    source = attributed_source(hit.start, attributions, sentence, s0)
    if source is None and sentence:
        rel = hit.start - s0
        source = reported_speaker(sentence, rel) or shared_subject_speaker(sentence, rel) \
            or trailing_speaker(sentence, hit.end - s0)
    return ("attributed", source) if source else ("outlet", None)


def _article_year(date) -> int | None:
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", str(date or ""))
    return int(m.group(1)) if m else None


_FIRST_WORD = re.compile(r"\bfirst\b", re.IGNORECASE)
_DENIED_BEFORE = re.compile(r"\b(?:far\s+from|anything\s+but)\s+(?:(?:a|an|the|being)\s+)?(?:[\w’'-]+\s+)?$",
                            re.IGNORECASE)
_LESS_THAN = re.compile(r"\b(?:less|not\s+so\s+much)\s+(?:of\s+)?(?:a|an|the)?\s*$", re.IGNORECASE)


def _decide(hit, sentence: _Sentence, s0: int, anchors: EventAnchors, lede: bool, bigger: str,
            year: int | None, previous: str = "") -> tuple[str | None, str]:
    """``(direction, reason)`` of one size word: direction None when it does not count."""
    from .senses import negation_scope

    a, b = hit.start - s0, hit.end - s0
    target = sizing_target(sentence.text, a, b, anchors, lede=lede, year=year, prepared=sentence,
                           previous=previous)
    if not target.about_event:
        return None, target.reason
    side = "bigger" if hit.frame == bigger else "smaller"
    if _LESS_THAN.search(sentence.text[max(0, a - 30):a]) and not hit.negated:
        # "less a game-changer than a channel-changer": denied by the comparison
        return ("smaller" if side == "bigger" else "bigger"), f"less a {hit.match} than: {target.reason}"
    if _DENIED_BEFORE.search(sentence.text[max(0, a - 40):a]) and not hit.negated:
        if _FIRST_WORD.search(hit.match):
            return None, "far from the first: a pattern of other events, not a size"
        # "far from historic", "anything but modest": the phrase denies the size word after it
        return ("smaller" if side == "bigger" else "bigger"), f"far from {hit.match}: {target.reason}"
    if hit.negated:
        if negation_scope(sentence.text, a, b, 0, True).pattern:
            return None, "not the first time: a pattern of other events, not a size"
        side = "smaller" if side == "bigger" else "bigger"
    return side, target.reason


def size_words_of(article, hits: Sequence, attributions: dict[int, list[tuple]], *,
                  bigger: str = "magnitude_bigger", core_terms: Iterable[str] | None = None) -> list[dict]:
    """Every size word of one :class:`analysis.corpus.Article`, whether it sizes the event
    and why (``SIZE_WORD_COLUMNS``).

    ``hits``: its in-sense size hits (rows of :func:`analysis.frames` with the ``bigger`` or
    the smaller frame); ``attributions``: sentence id -> ``(start, end, cue_start, cue_end,
    cue, source)`` of its indirect attributions, in text order; ``core_terms`` replaces
    :data:`CORE_EVENT_NOUNS`.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The council approved the plan. It came after a major storm."})
    >>> [(r["match"], r["counts"], r["reason"]) for r in size_words_of(c.article("a"), list(an.frames(c).itertuples()), {})]
    [('major', False, 'in a subordinate clause')]
    """
    body = [s for s in article.sentences if s.kind == "body"]
    if not body or not hits:
        return []
    texts = [article.text[s.start:s.end] for s in body]
    anchors = event_anchors(article.meta.get("title"), texts) if core_terms is None \
        else _custom(article, texts, core_terms)
    year = _article_year(article.meta.get("date"))
    by_sentence: dict[int, list] = {}
    for h in _outer_hits(hits):
        by_sentence.setdefault(int(h.sentence_id), []).append(h)
    rows = []
    for n, (s, text) in enumerate(zip(body, texts)):
        group = by_sentence.get(s.sent_id)
        if not group:
            continue
        facts = _Sentence(text)
        previous = texts[n - 1] if n > 0 else ""
        for h in group:
            direction, reason = _decide(h, facts, s.start, anchors, s.sent_id == body[0].sent_id, bigger, year,
                                        previous)
            voice, speaker = _hit_voice(h, attributions.get(s.sent_id, ()), text, s.start)
            rows.append({"article_id": article.article_id, "outlet": article.outlet, "sentence_id": s.sent_id,
                         "start": h.start, "end": h.end, "frame": h.frame, "match": h.match,
                         "negated": bool(h.negated), "counts": direction is not None, "direction": direction,
                         "reason": reason, "voice": voice, "speaker": speaker, "rel_position": h.rel_position})
    return rows


def _outer_hits(hits: Sequence) -> list:
    """The hits without those inside a longer size hit of the other side: "*only the third*
    trial" is rarity (bigger), not the limit "only"; "*just a first step*" is one phrase.
    Hits sorted by start, so each is compared with the few that overlap it (linear time)."""
    ordered = sorted(hits, key=lambda h: (h.start, -h.end))
    out = []
    reach = -1  # the end of the longest hit so far
    owner = None
    for h in ordered:
        if owner is not None and h.end <= reach and (owner.start, owner.end) != (h.start, h.end):
            continue  # inside a longer hit
        out.append(h)
        if h.end > reach:
            reach, owner = h.end, h
    return out


def characterizations_of(article, size_words: Sequence[dict]) -> list[dict]:
    """The sentences of one article whose size words size the event (``CHAR_COLUMNS``), from
    its :func:`size_words_of` rows.  Bigger and smaller words are listed side by side.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "The decision is historic but narrow."})
    >>> rows = size_words_of(c.article("a"), list(an.frames(c).itertuples()), {})
    >>> [(r["direction"], r["bigger_words"], r["smaller_words"]) for r in characterizations_of(c.article("a"), rows)]
    [('both', 'historic', 'narrow')]
    """
    sentences = {s.sent_id: s for s in article.sentences}
    first = next((s.sent_id for s in article.sentences if s.kind == "body"), None)
    by_sentence: dict[int, list[dict]] = {}
    for r in size_words:
        if r["counts"]:
            by_sentence.setdefault(r["sentence_id"], []).append(r)
    return [_row(article, sentences[sid], article.text[sentences[sid].start:sentences[sid].end], kept,
                 sid == first) for sid, kept in by_sentence.items()]


def _custom(article, texts: list[str], core_terms: Iterable[str]) -> EventAnchors:
    own = event_anchors(article.meta.get("title"), texts)
    mine = event_anchors(None, [], core_terms)
    core = frozenset(t.lower().rstrip("*") for t in core_terms if " " not in t)
    return EventAnchors(core, own.own, mine.phrases, own.early)


def _label(r: dict) -> str:
    return f"not: {r['match']}" if r["negated"] else r["match"]


def _row(article, s, text: str, kept: list[dict], lede: bool) -> dict:
    sides = {r["direction"] for r in kept}
    voices = {r["voice"] for r in kept}
    speakers = list(dict.fromkeys(r["speaker"] for r in kept if r["voice"] != "outlet" and r["speaker"]))
    return {
        "article_id": article.article_id, "outlet": article.outlet, "sentence_id": s.sent_id,
        "para_id": s.para_id, "start": s.start, "end": s.end, "sentence": text,
        "direction": "both" if len(sides) == 2 else next(iter(sides)),
        "words": "; ".join(_label(r) for r in kept),
        "bigger_words": "; ".join(_label(r) for r in kept if r["direction"] == "bigger"),
        "smaller_words": "; ".join(_label(r) for r in kept if r["direction"] == "smaller"),
        "voice": voices.pop() if len(voices) == 1 else "mixed",
        "speaker": "; ".join(speakers) if speakers else None,
        "position": _position(kept[0]["rel_position"], lede),
        "rel_position": kept[0]["rel_position"],
        "reason": "; ".join(dict.fromkeys(r["reason"] for r in kept)),
    }
