"""Who reported what: claims grouped into facts across articles, the coverage matrix, only-in facts.

:func:`coverage` groups the claims of :func:`analysis.claims` that state **the same fact** in
different articles, in other words or not; a fact one article alone states is a group of
one.  The work is telling the same fact from the same topic, and the rules are these:

1. **Terms.** Each claim is a bag of terms (:mod:`analysis.claims`: stemmed content words,
   paraphrases mapped to one word, names folded across spellings, and the values it states:
   quantities and dates), weighted by how rare each term is among the event's claims (idf),
   so the words every claim of the event shares ("Ukraine", "weapons") count little and the
   specific ones ("Politico", "May 13", "20 kilometers") count much.  A person named with a
   title counts as one term, the person, and so does a participant named in two words that
   the event keeps side by side ("House managers", "legal team"): its second word is left out.
2. **Candidates.** Only claims that share a term of some weight are compared, through an
   inverted index: a term found in more than ``max(30, 5%)`` of the claims (at most 100)
   proposes no pairs, and each claim keeps its ``10`` best candidates in every other article
   (60 in all).  The terms they share must include at least two of *what*, not *when*:
   a date or a time word ("Tuesday", "morning") is shared by most claims of an event of a
   few days, so it adds to the score but is no evidence of one fact.
   So the time grows with the number of claims, not with its square, and one huge article
   costs nothing extra: claims of one article are never compared with each other.
3. **Score.** The cosine of the two weighted bags, plus a little for sentence order: when the
   claims before (or after) both also match, the pair is more likely the same step of the
   same story (wire copy and rewrites keep their order); and a little (``LEDE_BONUS``) when
   both are the first claims of their articles, since ledes state the main news, often in
   the event's commonest (so lowest-weighted) words.  Values that disagree (one claim
   says May 13, the other May 15) do not forbid a match: that is what a discrepancy is.
   Two claims that both report an action (verbs found by their shape,
   :func:`analysis.claims.action_terms`) and share none of them score half: the same
   people doing something else is usually the next step of the story ("Sullivan presented the
   recommendation" / "Biden agreed"), not the same fact.  Light verbs (*make*, *have*,
   *give* ...) are no action of their own ("make their arguments" / "present their arguments").
4. **Facts.** The sentences of one multi-sentence quote start as one group.  Pairs are linked from the best score down while it is at least ``threshold``;
   two groups merge only when their average score over the pairs from different articles
   (pairs not compared count as 0) is at least ``AVERAGE_FACTOR`` (0.6) times ``threshold``, so a chain of weak links
   (A like B, B like C) does not make one fact of a whole topic.

Each fact is labelled by its most central claim (the one most similar to the others).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict

import pandas as pd

from .claims import Claim, claim_records, claims, term_of
from .corpus import Corpus, memoized

__all__ = ["coverage", "coverage_matrix", "only_here", "COVERAGE_COLUMNS"]

COVERAGE_COLUMNS = ["fact_id", "article_id", "outlet", "claim_id", "start", "end", "text", "n_articles",
                    "label", "is_label"]

THRESHOLD = 0.22
MAX_CANDIDATES = 10  # per claim and other article
MAX_PER_CLAIM = 60
ORDER_WEIGHT = 0.3
VALUE_WEIGHT = 1.0  # a shared quantity or date says more than a shared word
MIN_SHARED = 0.8  # idf mass two claims must share, in units of the idf of a term found once
AVERAGE_FACTOR = 0.6
MISSING_VALUE_FACTOR = 0.75
ACTION_FACTOR = 0.5  # claims that report different actions
LEDE_BONUS = 0.1  # both claims open their articles
LEDE_CLAIMS = 1
# Measured quantities; durations and counts are often left out in retelling ("two days later").
_MEASURES = frozenset({"length", "usd", "eur", "gbp", "percent", "points", "mass"})
# Terms of when, not of what: in an event of a few days most facts share the date
# ("Schumer said on Tuesday" / "McConnell altered the resolution Tuesday"), so a date or a
# time word is no evidence that two claims state the same fact (it still adds to the score).
_WHEN_WORDS = frozenset(filter(None, map(term_of, """monday tuesday wednesday thursday friday saturday sunday
today yesterday tomorrow morning evening afternoon night early earlier later week day month year last ago january
february march april june july august september october november december""".split())))
# Light verbs name no action of their own ("make their arguments" / "present their
# arguments"; "will have 24 hours"): the noun does, so they do not tell two actions apart.
# (*Hold* is not one: "held a video conference" is a step of the story of its own.)
_LIGHT_VERBS = frozenset({"make", "made", "have", "give", "gave", "take", "took", "get", "got", "do", "go", "went",
                          "come", "came", "put", "set", "keep", "kept", "begin", "began", "continu",
                          "includ", "seem", "oppose"})


def is_when_term(term: str) -> bool:
    """Whether a claim term says when rather than what: a date value or a time word.

    >>> [is_when_term(t) for t in ("@739036", "tuesday", "#length:20", "kharkiv")]
    [True, True, False, False]
    """
    return term[:1] == "@" or term in _WHEN_WORDS


def _is_evidence(shared: list[str], idf_of: dict[str, float], min_shared: float) -> bool:
    """Whether the terms two claims share are specific evidence of one fact: at least two
    terms of what (not when) with at least ``min_shared`` idf between them."""
    what = [t for t in shared if not is_when_term(t)]
    return len(what) >= 2 and sum(idf_of[t] for t in what) >= min_shared


COLLOCATION_MIN = 3  # times two terms must stand side by side in an event to count as one name
COLLOCATION_SHARE = 0.7  # ... and that share of the rarer one's occurrences
_WORD = re.compile(r"[^\W_]+(?:(?:[’'.\-])[^\W_]+)*")


def _second_words(records: list[Claim]) -> list[set[str]]:
    """Per claim, the terms that only complete a two-word name of the event.

    A participant named in two words ("House managers", "legal team", "Russian territory")
    is one participant, as a person named with a title is one term: counted as two words,
    every claim that names it shares twice the evidence, and claims about the same people
    doing different things look like one fact.  Two terms are one name when they stand side
    by side at least ``COLLOCATION_MIN`` times in the event, in at least
    ``COLLOCATION_SHARE`` of the rarer one's occurrences; the second is then left out where
    it follows the first.

    >>> from analysis.claims import Claim
    >>> texts = ["House managers spoke.", "The House managers left.", "House managers won.", "The House voted."]
    >>> recs = [Claim(f"a:{k}", str(k), 0, 0, 0, len(t), t, k, {w: 1.0 for w in ("hous", "manag")}) for k, t in enumerate(texts)]
    >>> [sorted(d) for d in _second_words(recs)]
    [['manag'], ['manag'], ['manag'], []]
    """
    seqs = [[term_of(m.group(0)) for m in _WORD.finditer(c.text)] for c in records]
    pair: dict[tuple[str, str], int] = defaultdict(int)
    single: dict[str, int] = defaultdict(int)
    for seq in seqs:
        for t in seq:
            if t:
                single[t] += 1
        for x, y in zip(seq, seq[1:]):
            if x and y and x != y:
                pair[(x, y)] += 1
    names = {(x, y) for (x, y), n in pair.items()
             if n >= COLLOCATION_MIN and n >= COLLOCATION_SHARE * min(single[x], single[y])}
    return [{y for x, y in zip(seq, seq[1:]) if (x, y) in names and x in c.terms} for seq, c in zip(seqs, records)]


def _idf(records: list[Claim]) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for c in records:
        for t in c.terms:
            df[t] += 1
    n = max(len(records), 1)
    return {t: math.log(1 + n / d) * (VALUE_WEIGHT if t[0] in "#@" else 1.0) for t, d in df.items()}


def _vectors(records: list[Claim], idf: dict[str, float]) -> list[dict[str, float]]:
    out = []
    drops = _second_words(records)
    for c, drop in zip(records, drops):
        v = {t: (1 + math.log(n)) * idf[t] for t, n in c.terms.items() if t not in drop}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({t: x / norm for t, x in v.items()})
    return out


def _candidate_scores(records: list[Claim], vecs: list[dict[str, float]], df: dict[str, int],
                      idf_of: dict[str, float]) -> dict[tuple[int, int], float]:
    """Cosine scores of the candidate pairs (i < j, different articles), through an inverted index.

    Only terms found in at most ``cap`` claims propose pairs, and each claim keeps its
    ``MAX_CANDIDATES`` best partial scores per other article (``MAX_PER_CLAIM`` in all): the
    work grows with the number of claims times ``cap``, never with its square.
    """
    n = len(records)
    cap = min(max(30, int(0.05 * n)), 100)
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(vecs):
        for t, w in v.items():
            if df[t] <= cap:
                postings[t].append((i, w))
    art = [c.article_id for c in records]
    measures = [{q.unit for q in c.quantities if q.unit in _MEASURES} for c in records]
    min_shared = MIN_SHARED * math.log(1 + n)
    scores: dict[tuple[int, int], float] = {}
    for i, v in enumerate(vecs):
        acc: dict[int, float] = defaultdict(float)
        ai = art[i]
        for t, w in v.items():
            plist = postings.get(t)
            if not plist:
                continue
            for j, wj in plist:
                if j > i and art[j] != ai:
                    acc[j] += w * wj
        if not acc:
            continue
        by_article: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for j, sc in acc.items():
            by_article[art[j]].append((sc, j))
        chosen = [c for cands in by_article.values() for c in heapq.nlargest(MAX_CANDIDATES, cands)]
        for _s, j in heapq.nlargest(MAX_PER_CLAIM, chosen):
            a, b = (v, vecs[j]) if len(v) <= len(vecs[j]) else (vecs[j], v)
            shared = [t for t in a if t in b]
            # Two claims must share some specific evidence, not just a generic word or two.
            if not _is_evidence(shared, idf_of, min_shared):
                continue
            score = sum(a[t] * b[t] for t in shared)
            # A quantity is often the point of a claim ("is just 20 kilometers from the
            # border"): a claim that states none of that kind is less likely the same fact.
            # (Durations and counts are not: "two days later" is often dropped in retelling.)
            ua, ub = measures[i], measures[j]
            if ua ^ ub and not (ua & ub):
                score *= MISSING_VALUE_FACTOR
            # Same participants doing something else is the next step of the story, not the
            # same fact ("Sullivan presented the recommendation" / "Biden agreed").
            # (An action of one claim found anywhere in the other, "finalize" / "finalizing
            # the details", is shared: verbs are found by shape, and a gerund is not.)
            xa, xb = records[i].actions - _LIGHT_VERBS, records[j].actions - _LIGHT_VERBS
            if xa and xb and not (xa & records[j].terms.keys()) and not (xb & records[i].terms.keys()):
                score *= ACTION_FACTOR
            scores[(i, j)] = score
    return scores


def _with_order(records: list[Claim], scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Scores plus a bonus when the neighbouring claims of both also match (sentence order),
    and when both open their articles (ledes)."""
    first: dict[str, int] = {}
    for k, c in enumerate(records):
        first.setdefault(c.article_id, k)

    def s(i: int, j: int) -> float:
        if i < 0 or j < 0 or i >= len(records) or j >= len(records):
            return 0.0
        if records[i].article_id == records[j].article_id:
            return 0.0
        return scores.get((i, j) if i < j else (j, i), 0.0)

    out = {}
    for (i, j), v in scores.items():
        ai, aj = records[i].article_id, records[j].article_id
        before = s(i - 1, j - 1) if i > 0 and j > 0 and records[i - 1].article_id == ai and records[j - 1].article_id == aj else 0.0
        after = s(i + 1, j + 1) if (i + 1 < len(records) and j + 1 < len(records) and records[i + 1].article_id == ai
                                     and records[j + 1].article_id == aj) else 0.0
        out[(i, j)] = v + ORDER_WEIGHT * min(max(before, after), 1.0) * (1.0 if v > 0.1 else 0.0)
        if i - first[ai] < LEDE_CLAIMS and j - first[aj] < LEDE_CLAIMS and v > 0.1:
            out[(i, j)] += LEDE_BONUS
    return out


def _cluster(records: list[Claim], scores: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """A group label per claim: best links first, merging groups whose average link holds up.

    The sentences of one direct quote start as one group: a quote that runs over several
    sentences is one remark, one fact.
    """
    label = list(range(len(records)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(records))}
    art = [c.article_id for c in records]

    def find(i: int) -> int:
        while label[i] != i:
            label[i] = label[label[i]]
            i = label[i]
        return i

    first_of_quote: dict[tuple[str, int], int] = {}
    for i, c in enumerate(records):
        for q in c.quotes:
            j = first_of_quote.setdefault((c.article_id, q), i)
            ri, rj = find(i), find(j)
            if ri != rj:
                label[ri] = rj
                members[rj].extend(members.pop(ri))

    for (i, j), v in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if v < threshold:
            break
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = members[ri], members[rj]
        if len(a) * len(b) > 1:
            total, pairs = 0.0, 0
            for x in a:
                for y in b:
                    if art[x] != art[y]:
                        pairs += 1
                        total += scores.get((x, y) if x < y else (y, x), 0.0)
            if pairs and total / pairs < threshold * AVERAGE_FACTOR:
                continue
        if len(a) < len(b):
            ri, rj, a, b = rj, ri, b, a
        label[rj] = ri
        a.extend(b)
        del members[rj]
    return [find(i) for i in range(len(records))]


def _facts(corpus: Corpus, threshold: float = THRESHOLD) -> tuple[list[Claim], list[int], dict[tuple[int, int], float]]:
    """Claims, a group label per claim and the pair scores: computed once per corpus and threshold."""
    if isinstance(corpus, Corpus):
        return corpus.memo(("analysis.coverage._facts", threshold), lambda: _compute_facts(corpus, threshold))
    return _compute_facts(corpus, threshold)


def _compute_facts(corpus: Corpus, threshold: float) -> tuple[list[Claim], list[int], dict[tuple[int, int], float]]:
    records = list(claim_records(corpus))
    if not records:
        return records, [], {}
    idf = _idf(records)
    df: dict[str, int] = defaultdict(int)
    for c in records:
        for t in c.terms:
            df[t] += 1
    vecs = _vectors(records, idf)
    scores = _with_order(records, _candidate_scores(records, vecs, df, idf))
    return records, _cluster(records, scores, threshold), scores


@memoized
def coverage(corpus: Corpus, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Claims from different articles that state the same fact, grouped into facts.

    One row per claim: ``fact_id`` (``F001`` ..., facts stated by more articles first, then
    in the order they first appear), ``article_id``, ``outlet``, ``claim_id``,
    ``start``/``end``/``text`` (the claim), ``n_articles`` (how many articles state the
    fact), ``label`` (the fact's most central claim) and ``is_label``.  A fact stated by one
    article is a group of one.  ``threshold``: the score two claims need to be linked (see
    the module docstring; higher links fewer).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Biden gave Ukraine the go-ahead to use American weaponry inside Russia. "
    ...                         "Kharkiv is 20 kilometers from the border.",
    ...                    "b": "Biden has given Ukraine permission to use American weapons inside Russia. "
    ...                         "The decision was first reported by Politico."})
    >>> coverage(c)[["fact_id", "article_id", "n_articles"]].values.tolist()
    [['F001', 'a', 2], ['F001', 'b', 2], ['F002', 'a', 1], ['F003', 'b', 1]]
    """
    records, labels, scores = _facts(corpus, threshold)
    if not records:
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(labels):
        groups[g].append(i)
    outlets = corpus.outlet_of().to_dict()

    def centrality(i: int, group: list[int]) -> float:
        return sum(scores.get((min(i, j), max(i, j)), 0.0) for j in group if j != i)

    ordered = sorted(groups.values(), key=lambda g: (-len({records[i].article_id for i in g}), min(g)))
    rows = []
    for k, group in enumerate(ordered, start=1):
        n_art = len({records[i].article_id for i in group})
        centre = max(group, key=lambda i: (centrality(i, group), -i))
        for i in sorted(group):
            c = records[i]
            rows.append((f"F{k:03d}", c.article_id, outlets[c.article_id], c.claim_id, c.start, c.end, c.text, n_art,
                         records[centre].text, i == centre))
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


MATRIX_FIXED = ["fact_id", "label", "n_articles", "status", "only_in", "missing_from"]
LONG_COLUMNS = ["fact_id", "label", "n_articles", "article_id", "outlet", "stated", "evidence", "start", "end"]


def _column_names(corpus: Corpus) -> dict[str, str]:
    """A column name per article: its outlet, or ``outlet (id)`` where outlets repeat."""
    outlets = corpus.outlet_of()
    counts = outlets.value_counts()
    names = {}
    for aid, name in outlets.items():
        label = name if counts[name] == 1 and name not in MATRIX_FIXED else f"{name} ({aid})"
        names[aid] = label
    return names


@memoized
def coverage_matrix(corpus: Corpus, form: str = "wide") -> pd.DataFrame:
    """Facts × outlets: which article states which fact, with the evidence in each cell.

    ``form="wide"``: one row per fact (ordered by how many articles state it), with
    ``fact_id``, ``label``, ``n_articles``, ``status`` (``all``: every article; ``all but
    one``: every article but one, of three or more; ``only``: one article of several;
    ``some`` otherwise; ``single article`` when the corpus has one), ``only_in`` (the outlet
    of an only-in fact), ``missing_from`` (the outlet left out of an all-but-one fact), then
    one column per article named by its outlet holding the evidence (the article's claims
    of that fact, joined) or ``""``.

    ``form="long"``: one row per fact and article: ``fact_id``, ``label``, ``n_articles``,
    ``article_id``, ``outlet``, ``stated`` (bool), ``evidence``, ``start``/``end`` (the first
    claim's span, or NA).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Biden approved the plan on Monday. Kharkiv is 20 kilometers from the border.",
    ...                    "b": "On Monday, Biden approved the plan."}, outlet={"a": "AP", "b": "CNN"})
    >>> coverage_matrix(c)[["fact_id", "n_articles", "status", "only_in", "AP", "CNN"]].values.tolist()[1]
    ['F002', 1, 'only', 'AP', 'Kharkiv is 20 kilometers from the border.', '']
    """
    if form not in ("wide", "long"):
        raise ValueError(f"form must be 'wide' or 'long', not {form!r}")
    cov = coverage(corpus)
    ids = list(corpus.ids)
    outlets = corpus.outlet_of().to_dict()
    # One pass over the claims: each fact's label, size and evidence per article.
    facts: dict[str, dict] = {}
    for r in cov.itertuples(index=False):
        f = facts.setdefault(r.fact_id, {"label": r.label, "n": int(r.n_articles), "by": {}})
        f["by"].setdefault(r.article_id, []).append((r.text, int(r.start), int(r.end)))
    order = sorted(facts)
    if form == "long":
        rows = []
        for fid in order:
            f = facts[fid]
            for aid in ids:
                mine = f["by"].get(aid)
                if mine:
                    rows.append((fid, f["label"], f["n"], aid, outlets[aid], True, " ".join(t for t, _s, _e in mine),
                                 mine[0][1], mine[0][2]))
                else:
                    rows.append((fid, f["label"], f["n"], aid, outlets[aid], False, "", pd.NA, pd.NA))
        out = pd.DataFrame(rows, columns=LONG_COLUMNS)
        out["start"] = out["start"].astype("Int64")
        out["end"] = out["end"].astype("Int64")
        return out
    names = _column_names(corpus)
    n = len(ids)
    rows = []
    for fid in order:
        f = facts[fid]
        stated = [a for a in ids if a in f["by"]]
        k = len(stated)
        if n == 1:
            status = "single article"
        elif k == n:
            status = "all"
        elif k == n - 1 and n >= 3:
            status = "all but one"
        elif k == 1:
            status = "only"
        else:
            status = "some"
        missing = [a for a in ids if a not in f["by"]]
        row = {"fact_id": fid, "label": f["label"], "n_articles": k, "status": status,
               "only_in": outlets[stated[0]] if status == "only" else "",
               "missing_from": outlets[missing[0]] if status == "all but one" else ""}
        for aid in ids:
            row[names[aid]] = " ".join(t for t, _s, _e in f["by"].get(aid, []))
        rows.append(row)
    columns = MATRIX_FIXED + [names[a] for a in ids]
    return pd.DataFrame(rows, columns=columns)


def only_here(corpus: Corpus) -> pd.DataFrame:
    """The claims of facts that one article alone states (none when the corpus has one article).

    The rows of :func:`coverage` with ``n_articles == 1``, for the annotated pages.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "Biden approved the plan on Monday. Kharkiv is 20 kilometers from the border.",
    ...                    "b": "On Monday, Biden approved the plan."})
    >>> only_here(c)[["article_id", "text"]].values.tolist()
    [['a', 'Kharkiv is 20 kilometers from the border.']]
    """
    cov = coverage(corpus)
    if len(corpus) < 2:
        return cov.iloc[0:0].reset_index(drop=True)
    return cov[cov.n_articles == 1].reset_index(drop=True)
