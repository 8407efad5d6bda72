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
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Mapping

import pandas as pd

from .corpus import Corpus, memoized
from .display import listing
from .unionfind import UnionFind
from .persons import (
    PERSON_COLUMNS,
    is_caps_word,
    is_capitalized,
    given_names,
    name_key,
    parse_name,
    person_frame,
    person_mentions,
    runs_of_capitalized,
    surnames_with_given,
    token_table,
)
from .text import stopwords

__all__ = ["naming_variants", "person_mentions", "load_transliterations"]

VARIANT_COLUMNS = ["group", "kind", "variant", "outlet", "count", "n_articles", "group_total", "articles"]

# --------------------------------------------------------------------------- normalizing

_APOS_MAP = str.maketrans({c: "'" for c in "'’‘ʼ`"})
_CONTRACTION = re.compile(r"['’‘ʼ](?:d|ll|re|ve|m|t)$", re.IGNORECASE)


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


# --------------------------------------------------------------------------- spellings

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


def canonical_map(extra, builtin: bool) -> dict[str, str]:
    """name_key of each curated variant -> ``curated:<group>`` (``extra``: a table as
    :func:`load_transliterations` takes; ``builtin``: with the shipped one).

    >>> canonical_map(None, True)["kiev"]
    'curated:Kyiv'
    """
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
    canon = canonical_map(transliterations, builtin)
    curated = _curated_table(transliterations, builtin)
    tokens = token_table(corpus)
    pframe = person_frame(corpus, tokens, canon) if tokens else pd.DataFrame(columns=PERSON_COLUMNS)
    forms = _word_forms(tokens, canon)
    _two_word_spellings(forms, tokens, canon)
    _curated_phrases(forms, corpus, curated)
    reasons = _acronyms(forms, tokens, corpus)
    uf = _similar_spellings(forms, tokens, pframe)
    curated_kind = {f"curated:{g}": k for g, k in zip(curated["group"], curated["kind"])}
    rows = _group_rows(forms, uf, curated_kind, reasons, min_count)
    if persons and len(pframe):
        rows += _person_rows(pframe, corpus.ids, min_count)
    return _variant_table(rows, corpus)


# --------------------------------------------------------------------------- phases

@dataclass(frozen=True)
class _Occurrence:
    """One use of a form: the node (the key its spellings share), the form as printed, its end."""

    node: str
    surface: str
    end: int


@dataclass
class _Forms:
    """Every counted use of a form, by ``(article, start)``, and the forms of each node."""

    tokens: list
    occ: dict[tuple[int, int], _Occurrence] = field(default_factory=dict)
    node_forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    starts_of: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    form_context: dict[str, set] = field(default_factory=lambda: defaultdict(set))  # set by phase 5

    def __post_init__(self):
        for t in self.tokens:
            self.starts_of[t.art].append(t.start)

    def add(self, art: int, start: int, end: int, surface: str, node: str) -> None:
        if (art, start) in self.occ:
            return
        self.occ[(art, start)] = _Occurrence(node, surface, end)
        self.node_forms[node][surface] += 1

    def replace(self, art: int, start: int, end: int, surface: str, node: str) -> None:
        """A longer form replaces the one-word forms it covers."""
        starts = self.starts_of[art]
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        for st in starts[lo:hi]:
            got = self.occ.pop((art, st), None)
            if got is None:
                continue
            self.node_forms[got.node][got.surface] -= 1
            if self.node_forms[got.node][got.surface] <= 0:
                del self.node_forms[got.node][got.surface]
            if not self.node_forms[got.node]:
                del self.node_forms[got.node]
        self.add(art, start, end, surface, node)

    def articles_of(self) -> dict[str, set[int]]:
        out: dict[str, set[int]] = defaultdict(set)
        for (art, _), o in self.occ.items():
            out[o.node].add(art)
        return out


def _curated_table(transliterations, builtin: bool) -> pd.DataFrame:
    parts = ([_builtin_table()] if builtin else []) + \
        ([load_transliterations(transliterations)] if transliterations is not None else [])
    if not parts:
        return pd.DataFrame(columns=["group", "variant", "kind", "note"])
    return pd.concat(parts, ignore_index=True)


def _word_forms(tokens: list, canon: dict[str, str]) -> _Forms:
    """Phase 1: every word as a lower-case word (``low:``) or a capitalized name (``cap:``)."""
    stop = stopwords()
    forms = _Forms(tokens)
    lower_keys = {_lower_key(t.surface) for t in tokens if not any(ch.isupper() for ch in t.surface)}
    for t in tokens:
        s = t.surface
        if not any(ch.isalnum() for ch in s) or t.shout or _CONTRACTION.search(s):
            continue
        has_upper = any(ch.isupper() for ch in s)
        if has_upper and s[:1].isupper() and (s[1:].islower() or len(s) == 1) and _lower_key(s) in lower_keys:
            # An ordinary word with a capital (a sentence's first word, a title, a
            # headline): not a name to compare spellings of.
            has_upper, s = False, s.lower()
        if has_upper:
            key = name_key(s)
            node = canon.get(key, "cap:" + key)
        else:
            if s.lower() in stop or any(ch.isdigit() for ch in s):
                continue
            node = "low:" + _lower_key(s)
        forms.add(t.art, t.start, t.end, s, node)
    return forms


def _two_word_spellings(forms: _Forms, tokens: list, canon: dict[str, str]) -> None:
    """Phase 2: two-word spellings of one-word forms (counter fire / counterfire)."""
    stop = stopwords()
    single_lower = {n for n in forms.node_forms if n.startswith("low:")}
    for t1, t2 in zip(tokens, tokens[1:]):
        if t1.sent != t2.sent or t2.gap != " ":
            continue
        a, b = t1.surface, t2.surface
        if a.lower() in stop or b.lower() in stop or not (a.isalpha() and b.isalpha()):
            continue
        if a.islower() and b.islower():
            node = "low:" + _lower_key(a + b)
            if node in single_lower:
                forms.replace(t1.art, t1.start, t2.end, f"{a} {b}", node)
        elif is_capitalized(a) and is_capitalized(b):
            node = canon.get(name_key(a + b), "cap:" + name_key(a + b))
            # Only a hyphenated one-word form (Secretary-General): "BernieSanders" is a
            # hashtag or handle, not a spelling.
            if node in forms.node_forms and not node.startswith("curated:") and \
                    any("-" in f for f in forms.node_forms[node]):
                forms.replace(t1.art, t1.start, t2.end, f"{a} {b}", node)


def _curated_phrases(forms: _Forms, corpus: Corpus, curated: pd.DataFrame) -> None:
    """Phase 3: curated multi-word variants (Czech Republic, Mao Tse-tung)."""
    for g, v in zip(curated["group"], curated["variant"]):
        v = str(v)
        if " " not in v and "-" not in v:
            continue
        pat = re.compile(r"(?<!\w)" + r"[\s\-]+".join(re.escape(p) for p in re.split(r"[\s\-]+", v)) + r"(?!\w)",
                         re.IGNORECASE)
        for aid_i, aid in enumerate(corpus.ids):
            for m in pat.finditer(corpus.text(aid)):
                if m.group()[:1].isupper():
                    forms.replace(aid_i, m.start(), m.end(), m.group(), f"curated:{g}")


def _acronyms(forms: _Forms, tokens: list, corpus: Corpus) -> dict[str, str]:
    """Phase 4: acronyms spelled out (North Atlantic Treaty Organization / NATO).

    A run of capitalized words counts as the acronym's long form when some article defines
    it, "American Civil Liberties Union (ACLU)"; for three letters, when one article uses
    both; from four letters on, always.  Names of people are never long forms.
    """
    acronym_nodes = {n for n, fs in forms.node_forms.items()
                     if n.startswith("cap:") and any(is_caps_word(f) or re.fullmatch(r"(?:[A-Z]\.){2,}", f) for f in fs)}
    arts_with = forms.articles_of()
    by_sent: dict[int, list] = defaultdict(list)
    for t in tokens:
        by_sent[t.sent].append(t)
    candidates, defined = [], set()
    for toks in by_sent.values():
        for run in runs_of_capitalized(toks):
            words_ = [toks[i].surface for i in run]
            caps = [w for w in words_ if is_capitalized(w)]
            if len(caps) < 2 or any(is_caps_word(w) for w in caps) or any(toks[i].poss for i in run[:-1]):
                continue
            initials = "".join(w[0] for w in caps).lower()
            node = "cap:" + initials
            if node not in acronym_nodes:
                continue
            p = parse_name(toks, run, frozenset())
            if p is not None and p.given:
                continue
            t0, t1 = toks[run[0]], toks[run[-1]]
            text = corpus.text(corpus.ids[t0.art])
            long_form = text[t0.start:t1.end]
            m = re.match(r"\s*\(\s*([A-Za-z.&]+)\s*\)", text[t1.end:t1.end + 20])
            if m and name_key(m.group(1)) == initials:
                defined.add((long_form, node))
            candidates.append((t0.art, t0.start, t1.end, long_form, node, len(initials)))
    cooccur = {(lf, node) for art, _, _, lf, node, n in candidates
               if n >= 4 or (n == 3 and art in arts_with[node])}
    reasons = {}
    for art, start, end, long_form, node, _ in candidates:
        if (long_form, node) in defined or (long_form, node) in cooccur:
            forms.replace(art, start, end, long_form, node)
            reasons[long_form] = "abbreviation"
    return reasons


def _capitalized_context(forms: _Forms, tokens: list, wanted: set[str]) -> tuple[dict, dict]:
    """Content words beside each capitalized form (``form_context``, any case) and beside
    each wanted node (``context``, capitalized words only)."""
    stop = stopwords()
    context: dict[str, set] = defaultdict(set)
    form_context: dict[str, set] = defaultdict(set)
    for i, t in enumerate(tokens):
        hit = forms.occ.get((t.art, t.start))
        if hit is None or not hit.node.startswith("cap:"):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens) and tokens[j].sent == t.sent:
                w = tokens[j].surface
                if w.lower() not in stop and any(ch.isalpha() for ch in w):
                    form_context[hit.surface].add(w.lower())
                    if hit.node in wanted and is_capitalized(w):
                        context[hit.node].add(w.lower())
    return context, form_context


def _similar_spellings(forms: _Forms, tokens: list, pframe: pd.DataFrame) -> UnionFind:
    """Phase 5: similar spellings of capitalized words (Zelenskiy / Zelensky).

    Both of five letters or more, one edit apart (two from nine letters), same first letter,
    neither a prefix of the other (Russia/Russian), never in one article, with a capitalized
    neighbour in common.  Names of people are kept apart: a word the corpus uses as a first
    name (Walter) is no spelling of a surname (Walker), and two surnames are one name only
    when a person is named with each under the same first name (Volodymyr Zelenskiy /
    Volodymyr Zelensky; not Jimmy Carter / Carver, nor Ben Carson / Tucker Carlson).
    """
    cap_nodes = [n for n in forms.node_forms if n.startswith("cap:") and len(n) - 4 >= 5
                 and not any(" " in f for f in forms.node_forms[n])]
    arts_of = forms.articles_of()
    firsts = {"cap:" + k: v for k, v in surnames_with_given(pframe).items()}
    given = {"cap:" + g for g in given_names(pframe)}
    context, form_context = _capitalized_context(forms, tokens, set(cap_nodes))
    forms.form_context = form_context  # the groups' capitalization check reads it
    index: dict[str, list[str]] = defaultdict(list)
    for n in cap_nodes:
        for d in _deletes(n[4:]):
            index[d].append(n)
    uf, checked = UnionFind(), set()
    for bucket in index.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if a == b or (a, b) in checked:
                    continue
                checked.add((a, b))
                if _similar(a, b, arts_of, firsts, given, context):
                    uf.union(a, b)
    return uf


def _similar(a: str, b: str, arts_of: dict, firsts: dict, given: set, context: dict) -> bool:
    ka, kb = a[4:], b[4:]
    limit = 2 if min(len(ka), len(kb)) >= 9 else 1
    if ka[0] != kb[0] or ka.startswith(kb) or kb.startswith(ka) or arts_of[a] & arts_of[b]:
        return False
    if (a in given) != (b in given):
        return False  # a first name and a surname: Walter / Walker
    fa, fb = firsts.get(a), firsts.get(b)
    if (fa is not None or fb is not None) and not (fa and fb and fa & fb):
        return False  # surnames of people: only with a first name in common
    return bool(context[a] & context[b]) and _damerau(ka, kb, limit) <= limit


def _case_only_drops(forms: Counter, main: str, form_context: dict) -> set[str]:
    """Forms of a group to leave out: a case difference that is no spelling."""
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
    return drop


def _group_rows(forms: _Forms, uf: UnionFind, curated_kind: dict, reasons: dict, min_count: int) -> list[dict]:
    """Phase 6: groups of two or more forms, one row per use (group, kind, variant, art)."""
    form_context = forms.form_context
    members: dict[str, list[str]] = defaultdict(list)
    for n in forms.node_forms:
        members[uf.find(n)].append(n)
    group_of: dict[str, tuple[str, str]] = {}
    dropped: set[str] = set()
    for nodes in members.values():
        counts: Counter = Counter()
        for n in nodes:
            counts.update(forms.node_forms[n])
        if len(counts) < 2 or sum(counts.values()) < min_count:
            continue
        cur = next((n for n in nodes if n.startswith("curated:")), None)
        main = counts.most_common(1)[0][0]
        drop = _case_only_drops(counts, main, form_context)
        kept = {f: c for f, c in counts.items() if f not in drop}
        if len(kept) < 2 or sum(kept.values()) < min_count:
            continue
        dropped |= drop
        if cur:
            label, kinds = cur.split(":", 1)[1], [curated_kind.get(cur, "transliteration")]
        else:
            label = main
            kinds = sorted({reasons.get(f) or reasons.get(main) or _variant_kind(main, f) for f in kept if f != main})
        for n in nodes:
            group_of[n] = (label, "; ".join(kinds))
    return [{"group": group_of[o.node][0], "kind": group_of[o.node][1], "variant": o.surface, "art": art}
            for (art, _start), o in forms.occ.items() if o.node in group_of and o.surface not in dropped]


def _person_rows(pframe: pd.DataFrame, ids: list[str], min_count: int) -> list[dict]:
    """Ways of naming each person with two or more forms (kind ``person``)."""
    pcount = pframe.groupby("person")["mention"].agg(["nunique", "size"])
    keep = pcount[(pcount["nunique"] >= 2) & (pcount["size"] >= min_count)].index
    aid_pos = {aid: i for i, aid in enumerate(ids)}
    return [{"group": r.person, "kind": "person", "variant": r.mention, "art": aid_pos[r.article_id]}
            for r in pframe[pframe.person.isin(keep)].itertuples()]


def _variant_table(rows: list[dict], corpus: Corpus) -> pd.DataFrame:
    """The rows counted per group x variant x outlet, in the documented order."""
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object if c not in ("count", "n_articles", "group_total") else int)
                             for c in VARIANT_COLUMNS})
    ids, outlets = corpus.ids, corpus.outlet_of()
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


__all__ += ["naming_by_outlet", "naming_differences"]


@memoized
def naming_by_outlet(corpus: Corpus, people: bool = False) -> pd.DataFrame:
    """The forms of :func:`naming_variants` as a table of uses per outlet: one row per group
    and form, one column per outlet (in corpus order; 0 where it never uses the form).

    ``people=False``: places and things (``group, kind, variant``, then the outlets);
    ``people=True``: the ways people are named (``group, variant``, then the outlets).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Strikes hit Kyiv. Kyiv said so.", "b": "Strikes hit Kiev. Officials in Kiev agreed."},
    ...                   outlet={"a": "A", "b": "B"})
    >>> naming_by_outlet(c).values.tolist()
    [['Kyiv', 'transliteration', 'Kiev', 0, 2], ['Kyiv', 'transliteration', 'Kyiv', 2, 0]]
    """
    naming = naming_variants(corpus)
    rows = naming[(naming.kind == "person") if people else (naming.kind != "person")]
    index = ["group", "variant"] if people else ["group", "kind", "variant"]
    outlets = list(dict.fromkeys(corpus.outlet_of())) if len(corpus) else []
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c in index else "int64") for c in index + outlets})
    wide = rows.pivot_table(index=index, columns="outlet", values="count", aggfunc="sum", fill_value=0,
                            sort=False).reset_index()
    wide.columns.name = None
    for o in outlets:
        if o not in wide.columns:
            wide[o] = 0
    return wide[index + outlets].astype({o: "int64" for o in outlets})


def naming_differences(corpus: Corpus) -> list[str]:
    """Where the outlets name a place or thing differently, in words: one phrase per group
    with more than one form in use, naming the outlets that use each form (biggest groups
    first, as :func:`naming_variants` orders them); empty when no group has two forms.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Strikes hit Kyiv. Kyiv said so.", "b": "Strikes hit Kiev. Officials in Kiev agreed."},
    ...                   outlet={"a": "A", "b": "B"})
    >>> naming_differences(c)
    ['Kyiv (transliteration): “Kiev” in B; “Kyiv” in A']
    """
    naming = naming_variants(corpus)
    spelled = naming[naming.kind != "person"]
    differ = []
    for (group, kind), rows in spelled.groupby(["group", "kind"], sort=False):
        if rows.variant.nunique() > 1:
            uses = rows.groupby("variant", sort=False)["outlet"].agg(lambda s: listing(dict.fromkeys(s)))
            differ.append(f"{group} ({kind}): " + "; ".join(f"“{v}” in {o}" for v, o in uses.items()))
    return differ
