"""Sense decisions for frame-lexicon hits: is a hit used in its frame's sense, and what does
a negation before it deny?

The lexicon (``resources/frames.csv``) says which words to look for; a word can be used in
another sense (FRAMES.md, "When a hit is not in the frame's sense").  This module holds the
general rules that decide it from the hit's sentence, one small named rule each, so that a
frame count means what the frame's documentation says:

* a word inside a proper name is a name, not a frame ("Environmental *Protection* Agency",
  "*Defense* of Marriage Act", "Customs and Border *Protection*");
* legal or physical protection is not self-defence ("*protected* by the First Amendment",
  "can be *protected* by the national border", "consumer *protections*"); "Trump's
  *defenders*" are supporters, and *defending* a decision or a law is arguing for it;
* a modal of ability, permission or purpose is not hedging ("so that Ukraine *could*
  protect", "states *could* choose", "*could* not bring himself", "as one *could* expect",
  "*may* this season ..."); "*appears* on the schedule" and "does not *appear* once" are
  about being present, not about seeming; "as soon as *possible*" expresses no doubt;
* a document that "*calls for*" something requires it; "*calling on* Ukraine not to use"
  asks for restraint: neither is pressure on the decision-maker;
* "*only* recently", "*only* after" are about time and "*only* got more difficult", "*only*
  served to fuel" intensify: neither limits anything; "*only* if", "*only* because" state a
  condition or a reason, and "the first and *only* debate" is focus (the sole one);
* "*to curb* deficits" is to reduce them, not a restriction.

Negation scope (:func:`negation_scope`): "*not only* a departure ... but also" does not deny
the departure, and "*not* the *first time*" is a claim about a pattern of other events, not a
small event: characterizations leave it out.

Each rule looks only at the hit and a few words around it in its sentence, so the pass is
linear in the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["negation_scope", "out_of_sense", "Negation"]

_WORD = re.compile(r"[\w’'-]+")
# How far the rules look (characters), within the hit's sentence.
_REACH = 80


def _left(text: str, lo: int, a: int) -> str:
    return text[max(lo, a - _REACH):a]


def _right(text: str, b: int, hi: int) -> str:
    return text[b:min(hi, b + _REACH)]


def _words(chunk: str) -> list[str]:
    return _WORD.findall(chunk)


# --------------------------------------------------------------------------- names

_CONNECT = frozenset({"of", "and", "the", "for", "on", "&"})


def _capitalized(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def in_proper_name(text: str, a: int, b: int, sent_start: int) -> bool:
    """Whether the hit ``text[a:b]`` is part of a multi-word proper name.

    The hit must be capitalized (not all capitals, which a headline or a shout also is)
    and stand beside another capitalized word, directly or across of/and/the
    ("Environmental Protection Agency", "Defense of Marriage Act"); a capitalized hit that
    opens the sentence counts only when the next word is capitalized too.

    >>> t = "The Environmental Protection Agency said so. Protection matters."
    >>> in_proper_name(t, 18, 28, 0), in_proper_name(t, 45, 55, 45)
    (True, False)
    """
    hit = text[a:b]
    if not _capitalized(hit):
        return False
    before = _words(_left(text, sent_start, a))
    after = _words(text[b:b + _REACH])
    nxt = next((w for w in after if w.lower() not in _CONNECT), "")
    if after and (_capitalized(after[0]) or (after[0].lower() in _CONNECT and _capitalized(nxt))):
        return True
    if not before:
        return False  # first word of the sentence: only the next word can tell
    prev = before[-1]
    if _capitalized(prev) and not text[max(sent_start, a - 2):a].strip(" ").endswith((".", ":")):
        return len(before) > 1 or not prev.isalpha() or prev.lower() not in {"the", "a", "an"}
    return False


# --------------------------------------------------------------------------- frame rules

_PROTECT_BY = re.compile(r"\s+by\b")
_BE_BEFORE = re.compile(r"\b(?:be|is|are|was|were|been|being|remain|remains|stay|stays)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# Defending a position is arguing for it, not defending oneself or a place.
_DEFEND_POSITION = re.compile(
    r"^\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+|our\s+|this\s+|that\s+)?(?:\w+\s+)?(?:decision|decisions|"
    r"law|laws|policy|policies|ruling|move|plan|bill|record|position|choice|vote|votes|deal|order|"
    r"program|programme|statement|remarks|comments|action|actions|approach|strategy)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
# so that / before / where / in which / as one ... + up to three words + the modal
_PURPOSE = re.compile(r"(?:\bso\s+(?:that|as)|\bso(?=\s+(?:I|you|he|she|it|we|they)\s+$)|\bin\s+order\s+that|\bbefore|\buntil|\bwhere|\bin\s+which|"
                      r"\bas\s+(?:one|anyone|you|we|they|he|she|I)|"
                      r"\bas\s+(?:much|many|soon|far|long|quickly|well)\s+as)\s+(?:[\w’'-]+\s+){0,3}$",
                      re.IGNORECASE)
_ABILITY_AFTER = re.compile(r"\s+(?:not|never|only|barely|hardly|scarcely|see|hear|feel|watch|smell|recall|"
                            r"remember|choose|decide|opt|elect|afford|have\s+until|argue|claim|cover|"
                            r"ask|appeal|sue|vote|seek|request|pay|apply|file|petition|invoke|"
                            r"(?:also|still|then|simply|easily|instead)\s+(?:argue|claim|cover|ask|appeal|"
                            r"sue|vote|seek|request|pay|apply|file|choose|decide|opt|invoke))\b", re.IGNORECASE)
# "did the best they could", "everything he could": ability
_BEST_THEY = re.compile(r"\b(?:best|all|everything|whatever|what|as\s+\w+\s+as)\s+(?:that\s+)?"
                        r"(?:they|he|she|we|I|you|it|one)\s+$", re.IGNORECASE)
# "could have done more", "might have acted sooner": what did not happen
_COUNTERFACTUAL = re.compile(r"\s+(?:have|'ve)\s+(?:\w+\s+){0,2}?(?:done|acted|been|moved|responded|prevented)"
                             r"\s+(?:\w+\s+){0,2}?(?:more|better|sooner|earlier|differently|otherwise)\b", re.IGNORECASE)
# "the Secretary ... may undertake", "the presiding officer may rule": permission of an office
_OFFICE_BEFORE = re.compile(r"\b(?:secretary|secretaries|officer|agency|agencies|government|"
                            r"congress|state|states|attorney\s+general|commission|board|governor)"
                            r"[’']?s?\b(?:[^.;:]{0,80}?,)?\s*(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
_PERMITTED_ACT = re.compile(r"\s+(?:not\s+|ever\s+|also\s+)?(?:undertake|authorize|authorise|terminate|defer|rule|"
                            r"wind|issue|deploy|order|grant|impose|establish|implement|direct|waive|"
                            r"transfer|reprogram|delegate|designate|appoint|prescribe|pursue|enforce|exercise)\b",
                            re.IGNORECASE)
# "Arizona may have understandable frustrations, but ...": a concession, not doubt
_CONCESSION_AFTER = re.compile(r"^[^.;:!?]{0,120}?(?:,\s*|\s)but\b", re.IGNORECASE)
# "as Governor Romney suggested": proposed, not a tentative claim
_AS_SUGGESTED = re.compile(r"\bas\s+(?:[\w’'.-]+\s+){1,4}$", re.IGNORECASE)
_OPTATIVE = re.compile(r"\s+(?:this|these|that|those|God|the\s+\w+\s+be|you|we|they|he|she|it)\b")
_CLAUSE_START = re.compile(r"(?:^|[.;:!?“\"—–]\s*|,\s*)$")
_APPEAR_PLACE = re.compile(r"\s+(?:on|in|at|before|with|alongside|onstage|once|twice|together|"
                           r"beside|next|live|publicly|briefly|first)\b", re.IGNORECASE)
_AS_POSSIBLE = re.compile(r"\bas\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
_DOCUMENT_SUBJECT = re.compile(
    r"\b(?:law|laws|rule|rules|bill|bills|plan|plans|proposal|constitution|statute|agreement|"
    r"policy|deal|budget|treaty|regulation|regulations|act|order|guideline|guidelines|measure|"
    r"resolution|provision|contract|charter|report)\s+$", re.IGNORECASE)
_NOT_TO = re.compile(r"^(?:\s+[\w’'.-]+){0,5}\s+not\s+to\b", re.IGNORECASE)
_ONLY_TIME = re.compile(r"\s+(?:a\s+matter\s+of\s+(?:time|days|weeks|months|hours)|recently|after|afterward|afterwards|when|then|now|just|yesterday|"
                        r"later|lately|last|once\s+(?:he|she|it|they|we|the))\b", re.IGNORECASE)
_ONLY_MORE = re.compile(r"\s+(?:got|gets|get|getting|made|makes|make|served|serves|serve|added|adds|"
                        r"add|fueled|fuelled|fuels|deepened|deepens|heightened|heightens|increased|"
                        r"increases|grew|grows|worsened|worsens|intensified|intensifies|"
                        r"underscored|underscores|reinforced|reinforces|hardened|hardens)\b",
                        re.IGNORECASE)
_CURB_VERB = re.compile(r"\b(?:to|will|would|can|could|should|must|help|helps|helped)\s+$", re.IGNORECASE)


def _rule_name(frame, word, text, a, b, lo, hi):
    if in_proper_name(text, a, b, lo):
        return "part of a proper name"
    return None


_GEAR_AFTER = re.compile(r"\s+(?:gear|equipment|eyewear|suits?|clothing|garments?|masks?|gloves|gowns?|"
                         r"wear|measures|barriers?|enough)\b", re.IGNORECASE)
_PERSONAL_BEFORE = re.compile(r"\b(?:personal|similar|adequate|proper|appropriate)\s+$", re.IGNORECASE)
_RIGHTS_AFTER = re.compile(r"^(?:\s+[\w’'.-]+){0,3}?\s+(?:rights|constitution|reputation|privacy|freedoms?|"
                           r"liberties|interests|jobs|health|environment|wages|savings|benefits)\b", re.IGNORECASE)


def _rule_self_defense(frame, word, text, a, b, lo, hi):
    if frame != "self_defense":
        return None
    if word.startswith("protecti") and (_GEAR_AFTER.match(_right(text, b, hi))
                                        or _PERSONAL_BEFORE.search(_left(text, lo, a))):
        return "protective gear: equipment, not defence"
    if (word.startswith("protect") or word.startswith("defend")) and not word.startswith("defender") \
            and _RIGHTS_AFTER.match(_right(text, b, hi)):
        return "protecting rights, a reputation or interests: not defence against a threat"
    if word.startswith("defenders") and re.match(r"\s+of\b", _right(text, b, hi)):
        return "defenders of a cause: supporters"
    if word.startswith("protect"):
        if word.endswith("protections"):
            return "protections: legal benefits, not defence"
        if word.startswith("protected") and _PROTECT_BY.match(_right(text, b, hi)):
            return "protected by a law or a thing, not defending oneself"
    if word.startswith("defender") and _POSSESSIVE.search(_left(text, lo, a).rstrip()):
        return "someone's defenders: supporters"
    if (word.startswith("defend") or re.match(r"defen[cs]e of", word)) and _DEFEND_POSITION.match(_right(text, b, hi)):
        return "defending a decision or a law: arguing for it"
    if word.startswith("defending") and re.match(r"\s+(?:champion|champions|title)\b", _right(text, b, hi)):
        return "a defending champion: sport"
    return None


def _rule_hedging(frame, word, text, a, b, lo, hi):
    if frame != "hedging":
        return None
    left, right = _left(text, lo, a), _right(text, b, hi)
    if word in ("could", "may", "might"):
        if word == "could" and _ABILITY_AFTER.match(right):
            return "could: ability or permission, not doubt"
        if word == "could" and _BEST_THEY.search(left):
            return "the best they could: ability, not doubt"
        if word in ("could", "might") and _COUNTERFACTUAL.match(right):
            return f"{word} have done more: a counterfactual, not doubt"
        if word == "may" and _OFFICE_BEFORE.search(left) and _PERMITTED_ACT.match(right):
            return "may: what an office is allowed to do, not doubt"
        if _PURPOSE.search(left):
            return f"{word} in a clause of purpose, time or comparison"
        if word == "may" and _CLAUSE_START.search(left) and _OPTATIVE.match(right):
            return "may as a wish"
        if word in ("may", "might") and re.match(r"\s+(?:well\s+)?have\s+(?!been\b)", right) \
                and _CONCESSION_AFTER.match(text[b:min(hi, b + 2 * _REACH)]):  # a concession may run long
            return f"concessive {word} have ... but, not doubt"
    if word.startswith("suggest") and _AS_SUGGESTED.search(left) and not _right(text, b, hi).lstrip().startswith("that"):
        return "as X suggested: proposed, not a tentative claim"
    if word.startswith("appear") and _APPEAR_PLACE.match(right):
        return "appear: be present or listed, not seem"
    if word == "possible" and _AS_POSSIBLE.search(left):
        return "as ... as possible: no doubt expressed"
    return None


# Pressure from markets, prices or physics is no pressure on a decision-maker.
_NON_AGENT_PRESSURE = re.compile(
    r"\b(?:market|price|prices|inflation|inflationary|financial|economic|wage|cost|competitive|downward|"
    r"upward|blood|water|air|tire|tyre|oil|gas|budget|fiscal|migration|population|demographic|selection|"
    r"peer)\s+$", re.IGNORECASE)


def _rule_pressure(frame, word, text, a, b, lo, hi):
    if frame != "pressure":
        return None
    if word.startswith("pressure") and _NON_AGENT_PRESSURE.search(_left(text, lo, a)):
        return "pressure from markets or physics, not on a decision-maker"
    if word.startswith("call") and word.endswith("for") and _DOCUMENT_SUBJECT.search(_left(text, lo, a)):
        return "a document that calls for something requires it"
    if word.startswith("call") and word.endswith("on") and _NOT_TO.match(_right(text, b, hi)):
        return "calling on someone not to act: a call for restraint"
    return None


def _rule_only(frame, word, text, a, b, lo, hi):
    if word != "only":
        return None
    right = _right(text, b, hi)
    if _ONLY_TIME.match(right):
        return "only about time, not a limit"
    if _ONLY_MORE.match(right):
        return "only as an intensifier (only got worse), not a limit"
    if re.match(r"\s+to\s+(?:be|see|find|have|learn|watch|discover|lose|face|return|fail|reverse|change)\b", right, re.I):
        return "only to see it fail: and then, not a limit"
    if re.match(r"\s+one\b", right, re.I) and _THERE_IS.search(_left(text, lo, a)):
        return "there can be only one: uniqueness (focus), not a limit"
    if _ONLY_CONDITION.match(right):
        return "only if / only because: a condition or a reason, not a limit on the event"
    if _SOLE_ONE.search(_left(text, lo, a)):
        return "the first and only: focus (the sole one), not a limit"
    if _SECOND_ONLY.search(_left(text, lo, a)) or re.match(r"\s+human\b", right):
        return "second only to / only human: an idiom, not a limit"
    if _FOCUS_SUBJECT.match(right) and _CLAUSE_OPEN_BEFORE.search(_left(text, lo, a)):
        return "only + a noun phrase opening its clause: focus on who or what, not a limit"
    return None


_THERE_IS = re.compile(r"\bthere\s+(?:is|was|are|were|can\s+be|could\s+be|will\s+be|would\s+be|may\s+be)\s+$", re.I)
_SECOND_ONLY = re.compile(r"\b(?:second|next|inferior|subordinate)\s+$", re.IGNORECASE)
# "concluded that *only* a message about jobs could win", "a proposition that *only* its
# supporters view as realistic": only marks the subject it stands before (focus)
_FOCUS_SUBJECT = re.compile(r"\s+(?:a|an|the|its|his|her|their|our|this|these|those|one|two|three)\s", re.IGNORECASE)
# (not "and"/"but" or a comma: "is limited and *only* a modest one" is a coordinated limit)
# nor at the sentence start: "Only a modest one." is an elliptical limit
_CLAUSE_OPEN_BEFORE = re.compile(r"\b(?:that|which|who|when|if|because)\s+$", re.IGNORECASE)


_ONLY_CONDITION = re.compile(r"\s+(?:if|because|since|unless|insofar|as\s+long\s+as)\b", re.IGNORECASE)
# "the first and only debate", "his one and only term": a determiner, a word, and/or, then only
_SOLE_ONE = re.compile(r"\b(?:the|its|his|her|their|our|my|your|a)\s+[\w-]+\s+(?:and|or)\s+$", re.IGNORECASE)


def _rule_curb(frame, word, text, a, b, lo, hi):
    if frame == "restriction" and word in ("curb", "curbs") and _CURB_VERB.search(_left(text, lo, a)):
        return "to curb: to reduce, not a restriction"
    if frame == "restriction" and word == "curb" and re.search(r"\b(?:the|a)\s+$", _left(text, lo, a), re.I) \
            and not re.match(r"\s+(?:on|of)\b", _right(text, b, hi), re.I):
        return "the curb: the edge of a street"  # "stepped off the curb"; "a curb on spending" stays
    return None


_WORK_SHIFT = re.compile(r"\b(?:night|day|morning|evening|afternoon|work|double|late|early|graveyard|overnight|"
                         r"entire|whole|next|\d+-hour|\w+-hour)\s+$", re.IGNORECASE)
_OLD_PLACES = re.compile(r"\s+(?:district|districts|building|buildings|site|sites|home|homes|house|houses|"
                         r"church|churches|neighborhood|neighbourhood|downtown|structure|structures|"
                         r"preservation|landmark|landmarks|hotel|theater|theatre|inn|bridge|mansion)\b",
                         re.IGNORECASE)


def _rule_other_words(frame, word, text, a, b, lo, hi):
    if frame == "change":
        if word.startswith("shift") and _WORK_SHIFT.search(_left(text, lo, a)):
            return "a work shift, not a change"
        if word == "change" and text[max(lo, a - 6):a].lower() == "for a " and not _right(text, b, hi)[:1].isalpha():
            return "for a change: an idiom"
        if word == "lift" and re.search(r"\b(?:heavy|big|easy|light|hard)\s+$", _left(text, lo, a), re.IGNORECASE):
            return "a heavy lift: a hard task, not an easing"
        if word == "adapted" and re.match(r"\s+from\b", _right(text, b, hi)):
            return "adapted from a text"
    if frame == "magnitude_smaller" and word == "routine" and _ROUTINE_NOUN_AFTER.match(_right(text, b, hi)) \
            and not _LINKING_BEFORE.search(_left(text, lo, a)):
        return "a routine: a noun (a comedy routine, his daily routine), not a size"
    if frame == "magnitude_smaller" and word == "far from" and _FAR_FROM_STATE.match(_right(text, b, hi)):
        return "far from over / certain: about time or doubt, not a size"
    if frame.startswith("magnitude") and word in _COMPOUND_HEADS and _COMPOUND_HEADS[word].match(_right(text, b, hi)):
        nxt = (_right(text, b, hi).split() or [""])[0].strip(".,;:!?)")
        return f"{' '.join(w for w in (word, nxt) if w)}: a fixed compound or another sense, not a size"
    if frame == "magnitude_bigger":
        if word == "historic" and _OLD_PLACES.match(_right(text, b, hi)):
            return "historic: old (a historic district), not a size"
        if word == "major" and re.match(r"\s+general\b", _right(text, b, hi), re.IGNORECASE):
            return "major general: a rank"
    return None


# "The fight is far from over", "far from certain": the state of a matter, not its size;
# "far from the first" and "far from alone" claim a pattern of others
_FAR_FROM_STATE = re.compile(r"\s+(?:over|finished|done|settled|resolved|certain|clear|assured|guaranteed|"
                             r"unanimous|alone|perfect|home|the\s+first|the\s+only)\b", re.I)


# Fixed compounds that name a kind of thing: "small business", "big tech", "major league",
# "the big picture", "small talk": the adjective is part of the name, not a size ("major
# cities", "major legislation" keep the size sense, whatever they are about).
_COMPOUND_HEADS = {
    "small": re.compile(r"[\s-]+(?:business|businesses|talk|print|fry|claims|arms|intestine)\b", re.I),
    "big": re.compile(r"[\s-]+(?:tech|pharma|oil|brother|picture|screen|wig|wigs|shot|shots|leagues?)\b", re.I),
    "major": re.compile(r"[\s-]+(?:leagues?|leaguers?)\b", re.I),
    # "minor" as under age: "minor children", "a minor girl"; "a minor." is a child
    "minor": re.compile(r"[\s-]+(?:leagues?|leaguers?|children|child|girls?|boys?)\b|\s*[.,;:!?)]|"
                        r"\s+(?:who|under|in\s+(?:the|his|her|their)\s+care)\b", re.I),
    "limited": re.compile(r"[\s-]+(?:liability|editions?|partnerships?|partners)\b", re.I),
    "partial": re.compile(r"[\s-]+birth\b", re.I),
    "rare": re.compile(r"[\s-]+earths?\b", re.I),
    # "wildfires *sweeping* through the state": a verb of motion, not a size
    "sweeping": re.compile(r"\s+(?:through|across|into|over|down|up)\b", re.I),
}


# "routine" ending its phrase after a determiner or a modifier is the noun ("an unending
# stand-up comedy *routine*."); after a linking verb or an adverb it is the adjective ("The
# vote was *routine*").
_ROUTINE_NOUN_AFTER = re.compile(r"(?:\s*[.,;:!?)”\"]|\s+(?:of|for|in|on|at|with|that|and|or|is|was|as)\b|\s*$)")
_LINKING_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|seems?|seemed|looks?|looked|remains?|remained|"
                             r"became|becomes?|fairly|very|quite|so|largely|mostly|purely|pretty|rather|\w+ly)\s+$",
                             re.IGNORECASE)


# --------------------------------------------------------------------------- round 4: word senses of
# everyday news (trials, markets, polls, sport, buildings) that no frame documents

_I = re.IGNORECASE
_MIGHT_NOUN = re.compile(r"\b(?:the|its|their|his|her|our|my|your|military|economic|naval|financial|industrial|"
                         r"full|sheer|all\s+(?:its|their|his|her|our))\s+$", _I)
_POLL_GROUPS = re.compile(r"\s+(?:voters?|electorate|caucus-?goers|primary\s+voters|Democratic\s+voters|"
                          r"Republican\s+voters)\b", _I)
_MADE_POSSIBLE = re.compile(r"\b(?:make|makes|made|making)\s+(?:[\w’'-]+\s+){0,3}$", _I)
_RANGE_POSSIBLE = re.compile(r"\b(?:the\s+(?:[\w’'-]+est|best|worst|least|most\s+\w+)|every|all)\s+$", _I)


_EVIDENT = re.compile(r"\b(?:became|become|becomes|becoming|is|was|are|were|be|been|grew|grow|grows|made|make|"
                      r"makes|it['’]s|quickly|immediately|increasingly|all\s+too|painfully|readily)\s+$", _I)
_WHERE_POSSIBLE = re.compile(r"\b(?:where|when|whenever|wherever|if)\s+$", _I)
_MAY_IDIOM = re.compile(r"(?:\bas\s+the\s+case\s+$|\bcome\s+what\s+$|\bbe\s+that\s+as\s+it\s+$)", _I)


def _rule_hedging_idioms(frame, word, text, a, b, lo, hi):
    """"it became *apparent* that" (evident), "where *possible*" / "if *possible*" (a
    condition), "as the case *may* be" and "come what *may*" (idioms), "so they *could*
    vote" (purpose): no doubt about the event."""
    if frame != "hedging":
        return None
    left = _left(text, lo, a)
    if word == "apparent" and _EVIDENT.search(left):
        return "apparent after a linking verb: evident, not doubt"
    if word == "possible" and _WHERE_POSSIBLE.search(left):
        return "where possible / if possible: a condition, not doubt"
    if word == "may" and _MAY_IDIOM.search(left):
        return "as the case may be: an idiom, not doubt"
    return None


def _rule_hedging_nouns(frame, word, text, a, b, lo, hi):
    """"military *might*" (strength), "*likely* voters" (a polling category), "made it
    *possible*" (enabled), "the worst *possible* time" (a superlative's range), "the heir
    *apparent*", "at the *suggestion* of" (a proposal): no doubt is expressed."""
    if frame != "hedging":
        return None
    left, right = _left(text, lo, a), _right(text, b, hi)
    if word == "might" and (_MIGHT_NOUN.search(left) or re.match(r"\s+of\b", right)):
        return "might as a noun (strength), not doubt"
    if word in ("likely", "unlikely") and _POLL_GROUPS.match(right):
        return "likely voters: a polling category, not doubt"
    if word == "possible" and (_MADE_POSSIBLE.search(left) or _RANGE_POSSIBLE.search(left)):
        return "made possible / the best possible: no doubt expressed"
    if word == "apparent" and re.search(r"\bheirs?\s+$", left, _I):
        return "heir apparent: a successor, not doubt"
    if word.startswith("suggestion") and re.search(r"\b(?:at|on|upon)\s+(?:the|his|her|their)\s+$", left, _I):
        return "at the suggestion of: a proposal, not doubt"
    return None


_MARKET_DEMAND = re.compile(r"\b(?:supply\s+and|consumer|consumers['’]?|market|energy|oil|gas|power|electricity|"
                            r"fuel|global|domestic|customer|travel|housing|labor|labour|weak|weaker|weakening|"
                            r"strong|stronger|high|higher|low|lower|rising|falling|growing|surging|pent-up|"
                            r"seasonal|aggregate|export|import|peak|in|on)\s+$", _I)
# "under pressure from natural gas", "pressure from cheap imports": a market force
_MARKET_FROM = re.compile(r"[’'\"”]?\s+from\s+(?:(?:cheap|cheaper|rising|falling|low|lower|high|higher|foreign|global)\s+)?"
                          r"(?:natural\s+gas|gas|oil|coal|competition|competitors|imports|inflation|markets?|prices|"
                          r"renewables?|solar|wind\s+power|technology|automation|costs?|rates)\b", _I)
_LEGAL_PLEA = re.compile(r"\s+(?:guilty|not\s+guilty|no\s+contest|innocent|the\s+fifth|deals?|bargains?|"
                         r"agreements?|hearings?|of\s+(?:not\s+)?guilty|of\s+no\s+contest)\b", _I)
_PLACE_LOBBY = re.compile(r"\b(?:hotel|building|front|main|marble|office|apartment|terminal|airport|theater|"
                          r"theatre|hospital|station|courthouse|(?:in|into|through|across|at|from)\s+(?:the|a))\s+$", _I)
_PRESSED_THING = re.compile(r"\s+(?:charges|the\s+(?:button|buttons|flesh|trigger)|a\s+button|"
                            r"into\s+service|for\s+time|together|flat)\b", _I)


_POTENTIAL_PEOPLE = re.compile(r"\s+(?:[\w’'-]+\s+)?(?:[\w’'-]+(?:ors|ers|ees|ates|ents|ists|ants)|jurors?|"
                               r"witness(?:es)?|nominee|candidate|successor|buyer|bidder|donor|voter|recruit)\b", re.I)


def _rule_potential_people(frame, word, text, a, b, lo, hi):
    """"*potential* jurors", "a *potential* candidate", "*potential* 2020 rivals": a role
    someone may fill, a category of people, not doubt about what happened."""
    if frame == "hedging" and word == "potential" and _POTENTIAL_PEOPLE.match(_right(text, b, hi)):
        return "potential jurors / candidates: a category of people, not doubt"
    return None


_GUNFIRE_FROM = re.compile(r"\s+from\s+(?:[\w’'-]+\s+){0,3}?(?:gunmen|gunfire|militants|troops|forces|rebels|soldiers|"
                           r"snipers|artillery|rockets|mortars|insurgents|fighters|attackers|shooters|police)\b", re.I)


def _rule_pressure_nouns(frame, word, text, a, b, lo, hi):
    """"consumer *demand*" (a market), "*pleaded* guilty" / "a *plea* deal" (a court
    plea), "the *urge* to" (a wish), "the hotel *lobby*" (a room), "*pressed* charges" (a
    legal act), "a *pressure* cooker" (a pot): no one presses the decision-maker."""
    if frame != "pressure":
        return None
    left, right = _left(text, lo, a), _right(text, b, hi)
    if word.startswith("demand") and _MARKET_DEMAND.search(left):
        return "market demand, not a demand on a decision-maker"
    if word.startswith("plea") and (_LEGAL_PLEA.match(right) or re.search(r"\bguilty\s+$", left, _I)):
        return "a plea in court, not pressure"
    if word == "urge" and re.search(r"\b(?:the|an|his|her|their|that|this|any|every)\s+$", left, _I):
        return "the urge to: a wish, not pressure"
    if word == "lobby" and _PLACE_LOBBY.search(left) and not re.match(r"\s+(?:for|against)\b", right, _I):
        return "a lobby: a room, not a pressure group"
    if word == "pressed" and _PRESSED_THING.match(right):
        return "pressed charges or a button: not pressure"
    if word.startswith("pressure") and re.match(r"[\s-]+cookers?\b", right, _I):
        return "a pressure cooker: a pot"
    if word.startswith("pressure") and _MARKET_FROM.match(right):
        return "pressure from a market or a commodity, not on a decision-maker"
    if word.startswith("lobb") and re.match(r"\s+(?:firms?|disclosures?|registrations?|records|reports?|filings?)\b", right, _I):
        return "a lobbying firm or filing: a business or a record, not pressure"
    if word == "under fire" and _GUNFIRE_FROM.match(right):
        return "under fire from gunmen: shooting, not criticism"
    return None


_SPORT_AFTER = re.compile(r"\s+(?:line|lineman|linemen|end|ends|back|backs|tackle|tackles|coordinator|"
                          r"player|players|rebounds?|star|stand)\b", _I)
_PROTECTED_CATEGORY = re.compile(r"\s+(?:status|class|classes|species|areas?|lands?|characteristics?|speech|"
                                 r"categor(?:y|ies)|wetlands|habitats?|health\s+information)\b", _I)


def _rule_defense_nouns(frame, word, text, a, b, lo, hi):
    """"the *defendants*" (parties in court), "a *defensive* lineman" (sport), "*protected*
    status" or "speech" (a legal category): not the step as defence."""
    if frame != "self_defense":
        return None
    right = _right(text, b, hi)
    if word.startswith("defendant"):
        return "a defendant: a party in court, not defence"
    if word == "defensive" and _SPORT_AFTER.match(right):
        return "a defensive lineman: sport, not defence"
    if word == "protected" and _PROTECTED_CATEGORY.match(right):
        return "protected status or speech: a legal category, not defence"
    if word == "safeguards":
        return "safeguards: legal protections, not defence"
    return None


_LIFT_MOOD = re.compile(r"\s+(?:[\w’'-]+\s+){0,2}?(?:spirits|mood|morale|hopes|confidence|weights?|off)\b", _I)
_REVERSE_THING = re.compile(r"\s+(?:mortgages?|discrimination|psychology|osmosis|chronological|engineer\w*|"
                            r"angle|side)\b", _I)
_MONEY_NOUNS = (r"costs?|prices?|premiums?|rents?|bills?|debts?|spending|inflation|expenses?|fees?|"
                r"tuition|deficits?")
_MONEY_AFTER = re.compile(rf"\s+(?:[\w’'-]+\s+)?(?:{_MONEY_NOUNS})\b", _I)
_MONEY_BEFORE = re.compile(rf"\b(?:{_MONEY_NOUNS})\s+(?:(?:are|is|have|has|were|was|kept|keep|keeps|began|began\s+to|"
                           rf"continued|continue|continues|to)\s+)?(?:been\s+)?$", _I)


_MOOD_BEFORE = re.compile(r"\b(?:looked|looks|seemed|seems|appeared|appears|felt|feels|sounded)\s+$", _I)
_MOOD_AFTER = re.compile(r"\s+(?:atmosphere|mood|pace|demeanor|demeanour|vibe|smile|manner|tone|and\s+(?:confident|happy|calm|jovial))\b", _I)


def _rule_change_and_conflict(frame, word, text, a, b, lo, hi):
    """"*adjusted* for inflation", "*lift* spirits", "a *reverse* mortgage" are not a
    policy change; "*escalating* costs" and "prices *spiraled*" are money, not a conflict."""
    left, right = _left(text, lo, a), _right(text, b, hi)
    if frame == "change":
        if word.startswith("adjust") and (re.match(r"\s+for\s+(?:inflation|population|season)", right, _I)
                                          or re.search(r"\bseasonally\s+$", left, _I)):
            return "adjusted for inflation: arithmetic, not a change"
        if word.startswith("lift") and _LIFT_MOOD.match(right):
            return "lift spirits: a mood, not an easing"
        if word == "reverse" and (re.search(r"\bin\s+$", left, _I) or _REVERSE_THING.match(right)):
            return "in reverse / a reverse mortgage: not a reversal"
        if word.startswith("chang") and re.match(r"\s+(?:global\s+)?climate\b", right, _I):
            return "the changing climate: the name of the phenomenon, not a policy change"
        if word == "alter" and re.match(r"\s+egos?\b", right, _I):
            return "alter ego: a person, not a change"
        if word.startswith("relax") and (_MOOD_BEFORE.search(left) or _MOOD_AFTER.match(right)):
            return "relaxed: a mood, not an easing"
    if frame == "escalation_risk" and (word.startswith("escalat") or word.startswith("spiral")) \
            and (_MONEY_AFTER.match(right) or _MONEY_BEFORE.search(left)):
        return "escalating costs: money, not a conflict"
    if frame == "escalation_risk" and word.startswith("spiral") and re.match(r"\s+(?:staircase|stairs|notebook)", right, _I):
        return "a spiral staircase: a shape"
    return None


_RULES = (_rule_name, _rule_self_defense, _rule_hedging, _rule_pressure, _rule_only, _rule_curb,
          _rule_other_words, _rule_hedging_idioms, _rule_hedging_nouns, _rule_potential_people, _rule_pressure_nouns,
          _rule_defense_nouns, _rule_change_and_conflict)


def out_of_sense(frame: str, text: str, a: int, b: int, sent_start: int, sent_end: int) -> str:
    """Why the hit ``text[a:b]`` of ``frame`` is not in the frame's sense, or "" when it is.

    ``sent_start``/``sent_end`` bound the hit's sentence: the rules look no further.

    >>> t = "It acted so that Ukraine could protect Kharkiv. It could escalate."
    >>> out_of_sense("hedging", t, 25, 30, 0, 47), out_of_sense("hedging", t, 51, 56, 48, 66)
    ('could in a clause of purpose, time or comparison', '')
    """
    word = re.sub(r"\s+", " ", text[a:b].lower())
    for rule in _RULES:
        why = rule(frame, word, text, a, b, sent_start, sent_end)
        if why:
            return why
    return ""


# --------------------------------------------------------------------------- negation

class Negation(NamedTuple):
    """What a negation before a hit does: ``negated`` (it denies the hit) and ``pattern``
    (the denied words claim a pattern of other events: "not the first time")."""

    negated: bool
    pattern: bool


# Words that may stand between "not"/"never" and the word it denies: "is not a major shift",
# "does not smack of bold policy", "not the first time".  Any other word is a verb or a noun
# the negation applies to instead ("would never sign a massive deal": the deal stays massive).
_THROUGH = frozenset("""a an the be been being is was are were am so very quite that this as too
really particularly especially entirely exactly necessarily all much any at seem seems seemed
appear appears appeared represent represents represented mark marks marked amount amounts to
constitute constitutes signal signals smack smacks of look looks like sound sounds considered
just only merely even yet necessarily truly""".split())
_VERBAL_NEG = re.compile(r"\b(?:not|never|n[’']t)\b", re.IGNORECASE)
_FOCUS_AFTER_NOT = re.compile(r"\b(?:not|n[’']t)\s+(?:only|just|merely|simply|solely)\s+(?:[\w’'-]+\s+){0,3}$",
                              re.IGNORECASE)
_FIRST = re.compile(r"\bfirst\b", re.IGNORECASE)


def negation_scope(text: str, a: int, b: int, sent_start: int, negated: bool) -> Negation:
    """The scope of a negation the matcher found before the hit ``text[a:b]``.

    "not only a departure ... but also ..." affirms the departure; "not the first time"
    denies novelty by pointing at earlier events (a pattern claim, not a small event); "would
    never sign a massive deal" denies the signing, not the size (a verb stands between).

    >>> t = "It is not only a departure from policy. It is not the first time."
    >>> negation_scope(t, 17, 26, 0, True), negation_scope(t, 54, 64, 40, True)
    (Negation(negated=False, pattern=False), Negation(negated=True, pattern=True))
    """
    if not negated:
        return Negation(False, False)
    left = _left(text, sent_start, a)
    if _FOCUS_AFTER_NOT.search(left):
        return Negation(False, False)
    verbal = list(_VERBAL_NEG.finditer(left))
    if verbal and any(w.lower() not in _THROUGH for w in _words(left[verbal[-1].end():])):
        return Negation(False, False)
    return Negation(True, bool(_FIRST.search(text, a, b)))
