"""Naming variants: the same thing named differently, and which outlet uses which form.

Two kinds of groups are found:

* **Spellings of one name or word** (:func:`naming_variants`, kinds ``transliteration``,
  ``renaming``, ``spelling``, ``similar spelling``, ``capitalization``,
  ``abbreviation``, ``hyphenation/spacing``).  Forms fall into one group when they agree
  after normalizing case, periods (U.S./US), hyphens and spaces (counter-fire /
  counterfire / counter fire), accents and doubled letters (Zelenskyy/Zelensky), when a
  capitalized word is one edit from another (Zelenskiy/Zelensky; checked, see below),
  when a run of capitalized words spells an acronym that the corpus also uses (North
  Atlantic Treaty Organization/NATO), or when a curated list says so
  (``resources/transliterations.csv``: Kyiv/Kiev, Kharkiv/Kharkov, ...; extend it or
  pass your own table).  Lower-case words are grouped only by hyphens and spaces, and
  two-word spellings only when neither word is a stopword, so ``it's``/``its`` or
  ``every day``/``everyday`` are not claimed.
* **Ways of naming a person** (kind ``person``; :func:`person_mentions`): "President Joe
  Biden", "Mr. Biden", "President Biden", "Biden"; "Gen. CQ Brown", "C.Q. Brown", "Gen.
  Charles Q. Brown".  A person mention is a run of capitalized words ending in a surname
  and starting with a given name or initials (Lloyd J. Austin III), or a surname after a
  title (Mr., President, Gen., Secretary...).  The title part is the run of capitalized
  words before it ("Chairman of the Joint Chiefs of Staff Gen.").  Mentions are one
  person when surname (normalized as above) and first initial agree; a bare surname or a
  titled surname counts for the person of that surname named in full in the same
  article (a titled surname, failing that, for the most-mentioned such person).

A similar spelling must pass every check: both capitalized words of five letters or
more, one edit apart (two for nine letters or more), same first letter, neither a prefix
of the other (Russia/Russian), never both in one article, and never the surnames of
people with different first initials (Carson/Carlson).
"""

from __future__ import annotations

import bisect
import csv
import io
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Mapping

import pandas as pd

from .corpus import Corpus, memoized
from .text import abbreviations, stopwords, word_spans

__all__ = ["naming_variants", "person_mentions", "load_transliterations"]

VARIANT_COLUMNS = ["group", "kind", "variant", "outlet", "count", "n_articles", "group_total", "articles"]
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
# Words that cannot be given names (they open place and organization names).
NON_GIVEN_WORDS = frozenset(w.lower() for w in """
North South East West Northern Southern Eastern Western Central Northeast Northwest Southeast
Southwest Upper Lower Greater New Old Great Little Saint St Fort Mount Lake Port Cape San Santa
Los Las Le La El Al The This That These Those A An His Her Their Our Its In On At For From With
By Of To And Or But If When While After Before During Since Until As According Meanwhile Still
Although Though However Indeed Later Earlier Last Next First Second Third Later Despite Because
""".split())
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le",
                       "bin", "ibn", "al", "el", "ben", "ter", "ten", "dos", "das"})
CONNECTORS = frozenset({"of", "the", "for"})


# --------------------------------------------------------------------------- normalizing

_APOS = "'’‘ʼ`"
_APOS_MAP = str.maketrans({c: "'" for c in _APOS})
_CONTRACTION = re.compile(r"['’‘ʼ](?:d|ll|re|ve|m|t)$", re.IGNORECASE)


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


def _lower_key(form: str) -> str:
    """Key for lower-case words: only hyphens and spaces do not count."""
    return re.sub(r"[\s\-‐‑–]+", "", form.lower()).translate(_APOS_MAP)


# --------------------------------------------------------------------------- curated list

def load_transliterations(source: str | Path | pd.DataFrame | Mapping | None = None) -> pd.DataFrame:
    """The curated variant list: ``group, variant, kind, note``.

    ``None`` reads the shipped ``analysis/resources/transliterations.csv``; a path reads
    a CSV with the same columns (``#`` lines are comments); a DataFrame needs ``group``
    and ``variant``; a mapping is ``{group: [variant, ...]}``.

    >>> t = load_transliterations()
    >>> sorted(t[t.group == "Kyiv"].variant)
    ['Kiev', 'Kyiv']
    >>> load_transliterations({"Gaza City": ["Gaza City", "Ghazzah"]}).kind.tolist()
    ['transliteration', 'transliteration']
    """
    if source is None:
        text = resources.files("analysis").joinpath("resources", "transliterations.csv").read_text("utf-8")
        frame = _read_variant_csv(text, "analysis/resources/transliterations.csv")
    elif isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such transliteration file (a CSV with columns group,variant)")
        frame = _read_variant_csv(path.read_text("utf-8"), str(path))
    elif isinstance(source, pd.DataFrame):
        frame = source.copy()
    elif isinstance(source, Mapping):
        frame = pd.DataFrame([{"group": g, "variant": v} for g, vs in source.items()
                              for v in ([vs] if isinstance(vs, str) else vs)])
    else:
        raise TypeError(f"transliterations must be a path, a DataFrame or a mapping; got {type(source).__name__}")
    missing = {"group", "variant"} - set(frame.columns)
    if missing:
        raise ValueError(f"transliteration table needs columns group and variant; missing {sorted(missing)}")
    for col in ("kind", "note"):
        if col not in frame:
            frame[col] = "transliteration" if col == "kind" else ""
    frame = frame[["group", "variant", "kind", "note"]].astype(object)
    frame["kind"] = frame["kind"].where(frame["kind"].notna() & (frame["kind"] != ""), "transliteration")
    frame = frame.dropna(subset=["group", "variant"])
    return frame.reset_index(drop=True)


def _read_variant_csv(text: str, label: str) -> pd.DataFrame:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    try:
        return pd.DataFrame(list(csv.DictReader(io.StringIO("\n".join(lines)))))
    except csv.Error as exc:
        raise ValueError(f"{label}: not a readable CSV ({exc})") from None


# --------------------------------------------------------------------------- tokens

def _token_table(corpus: Corpus) -> list[dict]:
    """Body tokens with possessives stripped: article, sentence, index, surface, offsets, gap."""
    rows = []
    sents = corpus.body_sentences()
    ids = {aid: i for i, aid in enumerate(corpus.ids)}
    for sid, (aid, start, text) in enumerate(zip(sents["article_id"], sents["start"], sents["text"])):
        prev_end = 0
        for k, (a, b) in enumerate(word_spans(text)):
            surface = _strip_possessive(text[a:b])
            rows.append({"art": ids[aid], "sent": sid, "k": k, "surface": surface,
                         "start": start + a, "end": start + a + len(surface),
                         "gap": text[prev_end:a], "poss": len(surface) < b - a, "shout": False})
            prev_end = b
    # Words in a run of two or more all-capitals words are a headline or shouting, not
    # a way of writing a name (BERNIE SANDERS).
    for i, t in enumerate(rows):
        if _caps_word(t["surface"]):
            prev_caps = i > 0 and rows[i - 1]["sent"] == t["sent"] and _caps_word(rows[i - 1]["surface"])
            next_caps = i + 1 < len(rows) and rows[i + 1]["sent"] == t["sent"] and _caps_word(rows[i + 1]["surface"])
            t["shout"] = prev_caps or next_caps
    return rows


def _caps_word(tok: str) -> bool:
    letters = [ch for ch in tok if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and "." not in tok


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _is_initials(tok: str) -> bool:
    """``J``, ``CQ``, ``C.Q.``: initials that stand for given names."""
    letters = tok.replace(".", "")
    return letters.isalpha() and letters.isupper() and 1 <= len(letters) <= 3 and (len(letters) == 1 or "." in tok or len(letters) == 2)


# --------------------------------------------------------------------------- persons

def _runs_of_capitalized(tokens: list[dict]) -> list[list[int]]:
    """Runs of capitalized tokens of one sentence joined by spaces (and title periods)."""
    abbrev = abbreviations()
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, t in enumerate(tokens):
        s = t["surface"]
        joined = False
        if cur:
            gap = t["gap"]
            prev = tokens[cur[-1]]["surface"]
            plain = gap.strip() == "" and gap != "" and "\n" not in gap
            dotted = re.fullmatch(r"\.\s+", gap) is not None and (prev.lower() in abbrev or _is_initials(prev))
            joined = plain or dotted
        if _is_cap(s) or (s.lower() in PARTICLES | CONNECTORS and cur):
            if cur and not joined:
                runs.append(cur)
                cur = []
            if not _is_cap(s) and not cur:
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
        while r and not _is_cap(tokens[r[-1]]["surface"]):
            r = r[:-1]
        while r and (not _is_cap(tokens[r[0]]["surface"]) or tokens[r[0]]["surface"].lower() in stop):
            r = r[1:]
        if r:
            out.append(r)
    return out


def _is_title(word: str) -> bool:
    """A title or role word; hyphenated ones (Secretary-General) when every part is one."""
    w = word.lower().rstrip(".")
    return w in TITLE_WORDS or ("-" in w and all(p in TITLE_WORDS for p in w.split("-")))


def _parse_person(tokens: list[dict], run: list[int], common: set[str] | frozenset = frozenset()) -> dict | None:
    """Title, given names, surname and suffix of a capitalized run, or None.

    ``common``: words the corpus also writes in lower case; a sentence's first word that
    is one of them, or looks like an -ing/-ed/-ly form, is not a given name.
    """
    surf = [tokens[i]["surface"] for i in run]
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
    # Given names and initials, right to left, including surname particles (von der).
    g = s_i
    while g > 0:
        w, wl = surf[g - 1], low[g - 1]
        if w.islower() and wl in PARTICLES and g - 1 > 0:
            g -= 1
            continue
        if not _is_cap(w) or _is_title(wl) or wl in NON_GIVEN_WORDS or wl in NON_PERSON_WORDS \
                or wl in CONNECTORS or (w.isupper() and not _is_initials(w)):
            break
        if tokens[run[g - 1]]["poss"]:
            break  # "Trump’s Washington": a possessive is not a given name
        if tokens[run[g - 1]]["k"] == 0 and (wl in common or (len(wl) > 4 and wl.endswith(("ing", "ed", "ly")))):
            break  # a sentence-opening ordinary word ("Denying Ukraine ..."), not a given name
        g -= 1
        if s_i - g >= 4:
            break
    given = [i for i in range(g, s_i) if not (surf[i].islower() and low[i] in PARTICLES)]
    # The title part: capitalized words before the name, if the word right before is a title.
    t = g
    if t > 0 and _is_title(low[t - 1]):
        while t > 0 and (_is_title(low[t - 1]) or low[t - 1] in CONNECTORS or
                         (_is_cap(surf[t - 1]) and low[t - 1] not in stopwords() and low[t - 1] not in NON_GIVEN_WORDS)):
            t -= 1
        while t < g and low[t] in CONNECTORS:
            t += 1
    if not given and t == g:
        return None  # a lone capitalized word: decided later (bare surname)
    if t == g and g > 0:
        return None  # other capitalized words before the name, not a title: San Francisco Chronicle
    first_tok = tokens[run[t]]
    name_tok = tokens[run[g]]
    last_tok = tokens[run[len(run) - 1 if end < len(run) else s_i]]
    return {"t0": first_tok["start"], "n0": name_tok["start"], "end": last_tok["end"],
            "surname": surname, "given": [surf[i] for i in given],
            "has_title": t < g}


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
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected an analysis.Corpus, got {type(corpus).__name__}")
    return _person_frame(corpus, _token_table(corpus), _canonical_map(None, True))


def _person_frame(corpus: Corpus, tokens: list[dict], canon: dict[str, str]) -> pd.DataFrame:
    ids = corpus.ids
    outlets = corpus.outlet_of()
    by_sent: dict[int, list[dict]] = defaultdict(list)
    for t in tokens:
        by_sent[t["sent"]].append(t)
    common = {t["surface"] for t in tokens if t["surface"].islower()} | set(stopwords())
    full, titled, bare = [], [], []
    for sid, toks in by_sent.items():
        art = toks[0]["art"]
        text = corpus.text(ids[art])
        for run in _runs_of_capitalized(toks):
            p = _parse_person(toks, run, common)
            if p is not None:
                key = canon.get(name_key(p["surname"]), name_key(p["surname"]))
                rec = {"art": art, "start": p["t0"], "end": p["end"], "n0": p["n0"],
                       "mention": text[p["t0"]:p["end"]], "title": text[p["t0"]:p["n0"]].strip(),
                       "name": text[p["n0"]:p["end"]], "surname": p["surname"], "skey": key,
                       "initial": name_key(p["given"][0])[:1] if p["given"] else ""}
                (full if p["given"] else titled).append(rec)
            elif len(run) == 1:
                t = toks[run[0]]
                s = t["surface"]
                if s.isalpha() and not s.isupper() and s.lower() not in TITLE_WORDS | NON_PERSON_WORDS \
                        and s.lower() not in stopwords():
                    # A lone capitalized word right before a non-person head (White House)
                    # is a modifier, not a mention.
                    bare.append({"art": art, "start": t["start"], "end": t["end"], "n0": t["start"],
                                 "mention": s, "title": "", "name": s, "surname": s,
                                 "skey": canon.get(name_key(s), name_key(s)), "initial": ""})
    # Persons: (surname key, first initial) from mentions with given names.
    persons: Counter = Counter((r["skey"], r["initial"]) for r in full)
    full_names: dict[tuple, Counter] = defaultdict(Counter)
    for r in full:
        full_names[(r["skey"], r["initial"])][r["name"]] += 1
    by_surname: dict[str, list[tuple]] = defaultdict(list)
    for pid in persons:
        by_surname[pid[0]].append(pid)
    in_article: dict[tuple[int, str], list[tuple[int, tuple]]] = defaultdict(list)
    for r in full:
        in_article[(r["art"], r["skey"])].append((r["start"], (r["skey"], r["initial"])))
    for r in full:
        r["pid"] = (r["skey"], r["initial"])

    def resolve(r: dict, allow_corpus: bool):
        local = sorted(in_article.get((r["art"], r["skey"]), []))
        if local:
            before = [pid for s, pid in local if s <= r["start"]]
            return before[-1] if before else local[0][1]
        if allow_corpus and by_surname.get(r["skey"]):
            return max(by_surname[r["skey"]], key=lambda pid: persons[pid])
        return None

    out = list(full)
    for r in titled:
        pid = resolve(r, allow_corpus=True)
        r["pid"] = pid if pid is not None else (r["skey"], "")
        out.append(r)
    for r in bare:
        pid = resolve(r, allow_corpus=False)
        if pid is not None:
            r["pid"] = pid
            out.append(r)
    # Label: the most frequent full name, else the most frequent titled mention's name.
    labels: dict[tuple, str] = {pid: c.most_common(1)[0][0] for pid, c in full_names.items()}
    titled_names: dict[tuple, Counter] = defaultdict(Counter)
    for r in out:
        titled_names[r["pid"]][r["name"]] += 1
    rows = []
    for r in sorted(out, key=lambda r: (r["art"], r["start"])):
        label = labels.get(r["pid"]) or titled_names[r["pid"]].most_common(1)[0][0]
        rows.append({"article_id": ids[r["art"]], "outlet": outlets[ids[r["art"]]], "start": r["start"],
                     "end": r["end"], "mention": r["mention"], "title": r["title"], "name": r["name"],
                     "surname": r["surname"], "person": label})
    return pd.DataFrame(rows, columns=PERSON_COLUMNS)


# --------------------------------------------------------------------------- spellings

class _UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _damerau(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance, giving up above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2 = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


@lru_cache(maxsize=8)
def _builtin_table() -> pd.DataFrame:
    return load_transliterations(None)


def _canonical_map(extra, builtin: bool) -> dict[str, str]:
    """name_key of each curated variant -> ``curated:<group>``."""
    frames = ([_builtin_table()] if builtin else []) + ([load_transliterations(extra)] if extra is not None else [])
    out = {}
    for f in frames:
        for g, v in zip(f["group"], f["variant"]):
            out[name_key(str(v))] = f"curated:{g}"
    return out


def _variant_kind(a: str, b: str) -> str:
    """How two forms of a group differ (the first rule that explains it)."""
    if a.replace(".", "") == b.replace(".", ""):
        return "abbreviation"
    if re.sub(r"[\s\-]", "", a) == re.sub(r"[\s\-]", "", b):
        return "hyphenation/spacing"
    if a.lower() == b.lower():
        return "capitalization"
    if name_key(a) == name_key(b):
        return "spelling"
    return "similar spelling"


@memoized
def naming_variants(
    corpus: Corpus,
    transliterations: str | Path | pd.DataFrame | Mapping | None = None,
    builtin: bool = True,
    persons: bool = True,
    min_count: int = 2,
) -> pd.DataFrame:
    """Groups of forms naming the same thing differently, and how often each outlet uses each.

    See the module docstring for how groups are found.  ``transliterations`` adds a curated
    table (path, DataFrame or ``{group: [variants]}``) to the shipped one (``builtin=False``
    to leave that out); ``persons=False`` leaves out the ways people are named; a group is
    listed when it has two or more forms in use and at least ``min_count`` uses in all.

    One row per group x variant x outlet that uses it: ``group`` (a label: the curated
    name, the person's full name, or the most frequent form), ``kind``, ``variant`` (the
    form as printed; possessive 's removed), ``outlet``, ``count``, ``n_articles``,
    ``group_total`` (uses of the group in the corpus), ``articles`` (ids, comma-separated).
    Sorted by group size, group, and count.  Body text only.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Strikes hit Kyiv. Kyiv said the counter-fire worked.",
    ...                    "b": "Strikes hit Kiev. Officials in Kiev praised the counterfire."},
    ...                   outlet={"a": "A", "b": "B"})
    >>> v = naming_variants(c)
    >>> v[["group", "kind", "variant", "outlet", "count"]].values.tolist()
    [['Kyiv', 'transliteration', 'Kiev', 'B', 2], ['Kyiv', 'transliteration', 'Kyiv', 'A', 2], ['counter-fire', 'hyphenation/spacing', 'counter-fire', 'A', 1], ['counter-fire', 'hyphenation/spacing', 'counterfire', 'B', 1]]
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"expected an analysis.Corpus, got {type(corpus).__name__}")
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be a whole number >= 1; got {min_count!r}")
    canon = _canonical_map(transliterations, builtin)
    curated = pd.concat(([_builtin_table()] if builtin else []) +
                        ([load_transliterations(transliterations)] if transliterations is not None else []),
                        ignore_index=True) if (builtin or transliterations is not None) else pd.DataFrame(
        columns=["group", "variant", "kind", "note"])
    curated_kind = {f"curated:{g}": k for g, k in zip(curated["group"], curated["kind"])}
    tokens = _token_table(corpus)
    ids = corpus.ids
    outlets = corpus.outlet_of()
    stop = stopwords()

    # ---- classify tokens: lower-case words vs capitalized names.
    lower_keys = {_lower_key(t["surface"]) for t in tokens if not any(ch.isupper() for ch in t["surface"])}
    occ: dict[tuple[int, int], tuple[str, str, int]] = {}  # (art, start) -> (node, surface, end)
    node_forms: dict[str, Counter] = defaultdict(Counter)
    uf = _UnionFind()
    reasons: dict[str, str] = {}

    def add(art, start, end, surface, node):
        if (art, start) in occ:
            return
        occ[(art, start)] = (node, surface, end)
        node_forms[node][surface] += 1

    starts_of: dict[int, list[int]] = defaultdict(list)
    for t in tokens:
        starts_of[t["art"]].append(t["start"])

    def replace(art, start, end, surface, node):
        """A longer form replaces the one-word forms it covers."""
        lo = bisect.bisect_left(starts_of[art], start)
        hi = bisect.bisect_left(starts_of[art], end)
        _drop(occ, node_forms, art, starts_of[art][lo:hi])
        add(art, start, end, surface, node)

    for t in tokens:
        s = t["surface"]
        if not any(ch.isalnum() for ch in s) or t["shout"] or _CONTRACTION.search(s):
            continue
        has_upper = any(ch.isupper() for ch in s)
        if has_upper and s[:1].isupper() and (s[1:].islower() or len(s) == 1) \
                and _lower_key(s) in lower_keys:
            # An ordinary word with a capital (a sentence's first word, a title, a
            # headline): not a name to compare spellings of.
            has_upper = False
            s = s.lower()
        if has_upper:
            key = name_key(s)
            node = canon.get(key, "cap:" + key)
        else:
            if s.lower() in stop or any(ch.isdigit() for ch in s):
                continue
            node = "low:" + _lower_key(s)
        add(t["art"], t["start"], t["end"], s, node)

    # ---- two-word spellings of one-word forms (counter fire / counterfire).
    single_lower = {n for n in node_forms if n.startswith("low:")}
    for t1, t2 in zip(tokens, tokens[1:]):
        if t1["sent"] != t2["sent"] or t2["gap"] != " ":
            continue
        a, b = t1["surface"], t2["surface"]
        if a.lower() in stop or b.lower() in stop or not (a.isalpha() and b.isalpha()):
            continue
        if a.islower() and b.islower():
            node = "low:" + _lower_key(a + b)
            if node in single_lower:
                replace(t1["art"], t1["start"], t2["end"], f"{a} {b}", node)
        elif _is_cap(a) and _is_cap(b):
            key = name_key(a + b)
            node = canon.get(key, "cap:" + key)
            # Only a hyphenated one-word form (Secretary-General): "BernieSanders" is a
            # hashtag or handle, not a spelling.
            if node in node_forms and not node.startswith("curated:") and \
                    any("-" in f for f in node_forms[node]):
                replace(t1["art"], t1["start"], t2["end"], f"{a} {b}", node)

    # ---- curated multi-word variants (Czech Republic, Mao Tse-tung).
    for g, v in zip(curated["group"], curated["variant"]):
        v = str(v)
        if " " not in v and "-" not in v:
            continue
        pat = re.compile(r"(?<!\w)" + r"[\s\-]+".join(re.escape(p) for p in re.split(r"[\s\-]+", v)) + r"(?!\w)",
                         re.IGNORECASE)
        for aid_i, aid in enumerate(ids):
            text = corpus.text(aid)
            for m in pat.finditer(text):
                if m.group()[:1].isupper():
                    replace(aid_i, m.start(), m.end(), m.group(), f"curated:{g}")

    # ---- acronyms spelled out (North Atlantic Treaty Organization / NATO).  A run of
    # capitalized words counts as the acronym's long form when some article defines it,
    # "American Civil Liberties Union (ACLU)"; for three letters, when one article uses
    # both; from four letters on, always.  Names of people are never long forms.
    acronym_nodes = {n for n, forms in node_forms.items()
                     if n.startswith("cap:") and any(_caps_word(f) or re.fullmatch(r"(?:[A-Z]\.){2,}", f)
                                                     for f in forms)}
    arts_with: dict[str, set] = defaultdict(set)
    for (art, _), (node, _, _) in occ.items():
        arts_with[node].add(art)
    by_sent: dict[int, list[dict]] = defaultdict(list)
    for t in tokens:
        by_sent[t["sent"]].append(t)
    candidates, defined = [], set()
    for toks in by_sent.values():
        for run in _runs_of_capitalized(toks):
            words_ = [toks[i]["surface"] for i in run]
            caps = [w for w in words_ if _is_cap(w)]
            if len(caps) < 2 or any(_caps_word(w) for w in caps) or any(toks[i]["poss"] for i in run[:-1]):
                continue
            initials = "".join(w[0] for w in caps).lower()
            node = "cap:" + initials
            if node not in acronym_nodes:
                continue
            p = _parse_person(toks, run, frozenset())
            if p is not None and p["given"]:
                continue
            t0, t1 = toks[run[0]], toks[run[-1]]
            text = corpus.text(ids[t0["art"]])
            long_form = text[t0["start"]:t1["end"]]
            m = re.match(r"\s*\(\s*([A-Za-z.&]+)\s*\)", text[t1["end"]:t1["end"] + 20])
            if m and name_key(m.group(1)) == initials:
                defined.add((long_form, node))
            candidates.append((t0["art"], t0["start"], t1["end"], long_form, node, len(initials)))
    cooccur = {(lf, node) for art, _, _, lf, node, n in candidates
               if n >= 4 or (n == 3 and art in arts_with[node])}
    for art, start, end, long_form, node, _ in candidates:
        if (long_form, node) in defined or (long_form, node) in cooccur:
            replace(art, start, end, long_form, node)
            reasons[long_form] = "abbreviation"

    # ---- similar spellings of capitalized words.
    cap_nodes = [n for n in node_forms if n.startswith("cap:") and len(n) - 4 >= 5
                 and not any(" " in f for f in node_forms[n])]
    arts_of: dict[str, set] = defaultdict(set)
    for (art, _), (node, _, _) in occ.items():
        arts_of[node].add(art)
    person_initials: dict[str, set] = defaultdict(set)
    pframe = _person_frame(corpus, tokens, canon) if len(tokens) else pd.DataFrame(columns=PERSON_COLUMNS)
    for name in pframe["name"]:
        parts = name.split()
        if len(parts) >= 2:
            person_initials["cap:" + name_key(_strip_possessive(parts[-1]))].add(name_key(parts[0])[:1])
    # Two spellings of one name are used in the same company: they share a neighbouring
    # content word somewhere ("Security Adviser" / "Security Advisor").
    # For similar spellings the shared neighbour must be capitalized (Volodymyr Zelenskiy
    # / Volodymyr Zelensky): ordinary words are shared by unrelated names too.
    wanted = set(cap_nodes)
    context: dict[str, set] = defaultdict(set)
    form_context: dict[str, set] = defaultdict(set)
    for i, t in enumerate(tokens):
        hit = occ.get((t["art"], t["start"]))
        if hit is None or not hit[0].startswith("cap:"):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens) and tokens[j]["sent"] == t["sent"]:
                w = tokens[j]["surface"]
                if w.lower() not in stop and any(ch.isalpha() for ch in w):
                    form_context[hit[1]].add(w.lower())
                    if hit[0] in wanted and _is_cap(w):
                        context[hit[0]].add(w.lower())
    index: dict[str, list[str]] = defaultdict(list)
    for n in cap_nodes:
        for d in _deletes(n[4:]):
            index[d].append(n)
    checked = set()
    for bucket in index.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if a == b or (a, b) in checked:
                    continue
                checked.add((a, b))
                ka, kb = a[4:], b[4:]
                limit = 2 if min(len(ka), len(kb)) >= 9 else 1
                if ka[0] != kb[0] or ka.startswith(kb) or kb.startswith(ka):
                    continue
                if arts_of[a] & arts_of[b]:
                    continue
                ia, ib = person_initials.get(a, set()), person_initials.get(b, set())
                if ia and ib and not (ia & ib):
                    continue
                if not (context[a] & context[b]):
                    continue
                if _damerau(ka, kb, limit) <= limit:
                    uf.union(a, b)

    # ---- assemble groups.
    for n in node_forms:
        uf.find(n)
    members: dict[str, list[str]] = defaultdict(list)
    for n in node_forms:
        members[uf.find(n)].append(n)
    rows = []
    group_of: dict[str, tuple[str, str]] = {}
    dropped: set[str] = set()
    for root, nodes in members.items():
        forms = Counter()
        for n in nodes:
            forms.update(node_forms[n])
        if len(forms) < 2 or sum(forms.values()) < min_count:
            continue
        cur = next((n for n in nodes if n.startswith("curated:")), None)
        main = forms.most_common(1)[0][0]
        drop = set()
        # A form differing from the main one only in capitals (GINA / Gina) must be used in
        # the same company as the main form (NATO allies / Nato allies).
        for f in forms:
            if f != main and f.replace(".", "").lower() == main.replace(".", "").lower() and \
                    f.replace(".", "") != main.replace(".", "") and not (form_context[f] & form_context[main]):
                drop.add(f)
        # "Us" beside "US": a case difference in a word of three letters or fewer is not
        # a spelling (a sentence's capital, a headline), so the rarer form is left out.
        for f, cnt in forms.items():
            letters = "".join(ch for ch in f if ch.isalpha())
            if len(letters) <= 3 and any(g != f and "".join(ch for ch in g if ch.isalpha()) != letters
                                         and "".join(ch for ch in g if ch.isalpha()).lower() == letters.lower()
                                         and forms[g] >= cnt for g in forms):
                drop.add(f)
        kept = {f: c for f, c in forms.items() if f not in drop}
        if len(kept) < 2 or sum(kept.values()) < min_count:
            continue
        dropped |= drop
        if cur:
            label, kind = cur.split(":", 1)[1], curated_kind.get(cur, "transliteration")
            kinds = [kind]
        else:
            label = main
            kinds = sorted({reasons.get(f) or reasons.get(main) or _variant_kind(main, f)
                            for f in kept if f != main})
        for n in nodes:
            group_of[n] = (label, "; ".join(kinds))
    for (art, start), (node, surface, end) in occ.items():
        if node in group_of and surface not in dropped:
            label, kind = group_of[node]
            rows.append({"group": label, "kind": kind, "variant": surface, "art": art})
    if persons and len(pframe):
        pcount = pframe.groupby("person")["mention"].agg(["nunique", "size"])
        keep = pcount[(pcount["nunique"] >= 2) & (pcount["size"] >= min_count)].index
        aid_pos = {aid: i for i, aid in enumerate(ids)}
        for r in pframe[pframe.person.isin(keep)].itertuples():
            rows.append({"group": r.person, "kind": "person", "variant": r.mention, "art": aid_pos[r.article_id]})
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object if c not in ("count", "n_articles", "group_total") else int)
                             for c in VARIANT_COLUMNS})
    frame = pd.DataFrame(rows)
    frame["article_id"] = [ids[a] for a in frame["art"]]
    frame["outlet"] = [outlets[ids[a]] for a in frame["art"]]
    out = (frame.groupby(["group", "kind", "variant", "outlet"], sort=False)
           .agg(count=("art", "size"), n_articles=("art", "nunique"),
                articles=("article_id", lambda s: ", ".join(sorted(set(s)))))
           .reset_index())
    out["group_total"] = out.groupby(["group", "kind"])["count"].transform("sum")
    out["_person"] = out["kind"] == "person"
    out = out.sort_values(["_person", "group_total", "group", "count", "variant", "outlet"],
                          ascending=[True, False, True, False, True, True], kind="stable")
    return out[VARIANT_COLUMNS].reset_index(drop=True).astype(
        {"group": object, "kind": object, "variant": object, "outlet": object, "articles": object})


def _drop(occ: dict, node_forms: dict, art: int, starts: list[int]) -> None:
    """Remove the one-word occurrences starting at ``starts`` (a longer form covers them)."""
    for start in starts:
        if (art, start) not in occ:
            continue
        node, surface, _ = occ.pop((art, start))
        node_forms[node][surface] -= 1
        if node_forms[node][surface] <= 0:
            del node_forms[node][surface]
        if not node_forms[node]:
            del node_forms[node]
