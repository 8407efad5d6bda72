"""Shared scoring helpers of ``eval_quotes.py`` and ``eval_speakers.py``: whether a predicted
speaker is the gold one, and which error class (issue 15) a wrong one falls in.

These helpers read only the predictions and the gold labels, never the library, so that the
code before and after a change is scored by the same rules.  The classes (the issue's
numbers):

1. ``pronoun_nonperson``: a pronoun resolved to something that is no person of the article.
2. ``pronoun_wrong_person``: a pronoun resolved to another person of the article.
3. ``continuation_no_speaker``: a quote that continues an attributed one, left without speaker.
4. ``role_left``: a role noun or title left as the speaker ("the president").
5. ``appositive_role``: the role of an appositive taken instead of the name beside it.
6. ``missed_cue``: a quote with its attribution in its own sentence, left without speaker.
7. ``outlet_as_speaker``: the reporting outlet taken as the speaker.
8. ``not_a_quote`` / ``quote_missed``: a predicted quote that is none (a title, a slogan), a
   gold quote not found (``short_quote_missed`` for three words or fewer).
9. ``word_name_missed``: a speaker whose surname is also a common word ("May") got wrong.
10. attribution classes: ``junk_source``, ``source_missed``, ``document_not_issuer``,
    ``count_missing``, ``reportedly_missed``.
11. ``nonperson_typed_person``: a speaker or source that is no person typed ``person``.

Anything else wrong is ``other_wrong_speaker``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "who", "this",
            "that", "he’s", "she’s", "he's", "she's"}
DETS = {"the", "a", "an"}
SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
# Titles an evaluation strips before comparing names (the gold names carry none).
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
          "president", "vice", "secretary", "gen", "general", "adm", "lt", "col", "maj", "capt", "sgt",
          "judge", "justice", "chief", "speaker", "leader", "attorney", "former", "prime", "minister",
          "state", "sec", "rev", "prof", "ambassador", "mayor", "chairman", "chairwoman", "director",
          "spokesman", "spokeswoman", "press", "house", "senate", "majority", "minority", "u.s.", "us",
          "white"}
# News outlets that report what others said (the reporting outlet is rarely the speaker).
OUTLETS = {"cnn", "fox", "fox news", "msnbc", "nbc", "abc", "cbs", "npr", "ap", "associated press",
           "reuters", "afp", "the hill", "hill", "politico", "axios", "bloomberg", "new york times",
           "washington post", "wall street journal", "usa today", "breitbart", "breitbart news",
           "huffpost", "huffington post", "the new york times", "the washington post", "times", "post",
           "cbn", "newsmax", "washington times", "daily caller", "the daily caller", "vox", "slate",
           "the guardian", "guardian", "bbc", "abc news", "cbs news", "nbc news", "fox business",
           "the atlantic", "national review", "the blaze", "daily wire", "the federalist", "yahoo",
           "yahoo news", "business insider", "time", "newsweek", "mother jones", "the nation"}
_WORD = re.compile(r"[\w’'.\-]+")


def _norm(w: str) -> str:
    return re.sub(r"[’']s?$", "", w).lower().strip(".,")


def name_words(name: str | None) -> list[str]:
    """The words of a name, lower case, titles, determiners, suffixes and possessives dropped.

    >>> name_words("Sen. Ted Cruz (R-Texas)"), name_words("the White House")
    (['ted', 'cruz'], ['white', 'house'])
    """
    if not name or not isinstance(name, str):
        return []
    name = re.sub(r"\([^)]*\)", " ", name).split(",")[0]
    words = [_norm(w) for w in _WORD.findall(name)]
    words = [w for w in words if w and w not in SUFFIX]
    while words and words[0] in DETS:
        words = words[1:]
    # Titles at the front only, and never the last word (the White House keeps "house").
    while len(words) > 1 and words[0] in TITLES and not (words[0] == "white" and words[1] == "house"):
        words = words[1:]
    return words


def _initial_of(a: str, b: str) -> bool:
    a, b = a.strip("."), b.strip(".")
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def same_speaker(pred: str | None, gold: str | None) -> bool:
    """Whether a predicted resolved name is the gold full name: the surnames agree and no
    first name contradicts (an initial agrees with its name).  A gold name of two people
    ("John McCain and Jon Kyl") is matched by either.

    >>> same_speaker("Trump", "Donald John Trump"), same_speaker("Ivanka Trump", "Donald Trump")
    (True, False)
    """
    if not pred or not gold or not isinstance(pred, str):
        return False
    for g in re.split(r"\s+(?:and|&)\s+", gold):
        gw, pw = name_words(g), name_words(pred)
        if not gw or not pw or gw[-1] != pw[-1]:
            continue
        if len(gw) >= 2 and len(pw) >= 2 and gw[0] != pw[0] and not _initial_of(gw[0], pw[0]):
            continue
        return True
    return False


def is_pronoun(phrase: str | None) -> bool:
    return bool(phrase) and isinstance(phrase, str) and phrase.strip().lower() in PRONOUNS


def is_role_phrase(name: str | None) -> bool:
    """A speaker named by a role, not a name: its last word is lower case ("the president",
    "Democratic chairman").

    >>> is_role_phrase("the governor"), is_role_phrase("Gov. Kay Ivey"), is_role_phrase("The network")
    (True, False, True)
    """
    if not name or not isinstance(name, str):
        return False
    words = _WORD.findall(re.sub(r"\([^)]*\)", " ", name))
    if not words:
        return False
    if len(words) == 1 or (len(words) == 2 and words[0].lower() in DETS):
        return words[-1][:1].islower() or (words[0].lower() in DETS)
    return words[-1][:1].islower()


def is_outlet(name: str | None) -> bool:
    return bool(name) and isinstance(name, str) and name.strip().lower().replace("’s", "") in OUTLETS


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common English words (textstat's Dale-Chall easy words, months and weekdays): a surname
    that is one of these is a name that is also a word ("May", "Price", "Young")."""
    words: set[str] = set("""january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday""".split())
    try:
        import textstat

        path = Path(textstat.__file__).parent / "resources" / "en" / "easy_words.txt"
        words |= {w.strip().lower() for w in path.read_text("utf-8").split()}
    except Exception:  # textstat missing or laid out differently: months only
        pass
    return frozenset(words)


def is_word_name(gold: str) -> bool:
    """The gold name's surname is a common word."""
    w = name_words(gold)
    return bool(w) and w[-1] in common_words()


def quote_error(gold_how: str, gold_name: str, pred: dict, persons: list[str], text: str) -> str:
    """The error class of a wrong speaker on a quote whose gold speaker is named.

    ``pred`` holds ``speaker`` (as written), ``speaker_name``, ``speaker_type`` and
    ``speaker_start``/``speaker_end`` (raw offsets); ``persons`` are the gold persons of the
    article (speakers and sources), ``text`` the raw text.
    """
    name, written, kind = pred.get("speaker_name"), pred.get("speaker"), pred.get("speaker_type")
    if not name or kind in (None, "unknown") or not isinstance(name, str):
        if gold_how == "continuation":
            return "continuation_no_speaker"
        return "missed_cue"
    if is_pronoun(written):
        if any(same_speaker(name, p) for p in persons):
            return "pronoun_wrong_person"
        return "pronoun_nonperson"
    if is_outlet(name) and not is_outlet(gold_name):
        return "outlet_as_speaker"
    if is_role_phrase(name):
        a, b = pred.get("speaker_start"), pred.get("speaker_end")
        surname = (name_words(gold_name) or [""])[-1]
        if gold_how == "appositive" or (a is not None and surname and surname in
                                         text[max(0, int(a) - 120):int(b) + 120].lower()):
            return "appositive_role"
        return "role_left"
    if gold_how == "appositive":
        return "appositive_role"
    if is_word_name(gold_name):
        return "word_name_missed"
    if gold_how == "continuation":
        return "continuation_wrong"
    return "other_wrong_speaker"


_NON_PERSON_HEADS = set("""house senate congress court committee department ministry office agency
bureau administration government campaign party act law bill hill garden tower capitol times post
news network press journal street avenue state states island islands republic revolution county city
center centre university school hospital church union council board commission foundation institute
fund group company corp inc association club league team police army navy force forces military
statement report letter tweet memo order ruling rule decision plan policy program""".split())


def looks_nonperson(name: str | None) -> bool:
    """A name that is plainly no person (its last word heads places, laws, buildings,
    publications, bodies): for class 11 where the labels do not type the speaker."""
    w = name_words(name)
    return bool(w) and (w[-1] in _NON_PERSON_HEADS or is_outlet(name))
