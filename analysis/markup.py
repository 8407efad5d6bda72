"""An article as an HTML page for a classroom projector: quotes, sources, frames and edits.

Markup only draws what the analyses return: spans with ``start``/``end`` offsets into the
clean text.  Layers may overlap (a frame word inside a quote): the text is cut at every
span boundary and each piece carries the classes of every layer over it.  Boilerplate that
cleaning removed is shown struck through and greyed at the place it was removed, behind a
toggle that needs no JavaScript.  Pages are self-contained (inline CSS) and print well.
"""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass

import pandas as pd

from .corpus import Corpus
from .quotes import how_said

__all__ = ["article_page", "article_pages", "SPEAKER_COLORS", "FRAME_COLORS"]

# Light tints for quote backgrounds by speaker type; darker outlines for frames.
SPEAKER_COLORS = {
    "person": "#CFE8F7",
    "anonymous": "#FBE0C4",
    "organization": "#CDEBDD",
    "document": "#E8D5EC",
    "unknown": "#E4E4E4",
}
FRAME_COLORS = {
    "magnitude_bigger": "#D55E00",
    "magnitude_smaller": "#0072B2",
    "escalation_risk": "#CC79A7",
    "self_defense": "#009E73",
    "pressure": "#E69F00",
    "caution": "#56B4E9",
    "hedging": "#999999",
    "change": "#882255",
    "restriction": "#332288",
}
# Context frames (what changed, what is restricted) are dashed so the sizing frames stand out.
FRAME_LINE = {"change": "dashed", "restriction": "dashed"}
_EXTRA_FRAME_COLORS = ["#332288", "#117733", "#882255", "#44AA99", "#999933", "#AA4499"]


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    classes: tuple[str, ...]
    title: str = ""


def _frame_color(frame: str, seen: dict[str, str]) -> str:
    if frame in FRAME_COLORS:
        return FRAME_COLORS[frame]
    if frame not in seen:
        seen[frame] = _EXTRA_FRAME_COLORS[len(seen) % len(_EXTRA_FRAME_COLORS)]
    return seen[frame]


_SIZE_FRAMES = ("magnitude_bigger", "magnitude_smaller")


def _size_decisions(aid: str, size_words) -> dict[int, tuple[bool, str, str | None]]:
    """Start of each size word of the article -> (counts, reason, direction counted)."""
    if size_words is None or not len(size_words):
        return {}
    rows = size_words[size_words.article_id == aid]
    return {int(r.start): (bool(r.counts), str(r.reason), r.direction) for r in rows.itertuples()}


def _frame_span(f, decided: dict) -> _Span:
    negated = bool(getattr(f, "negated", False))
    neg = ("neg",) if negated else ()
    note = " (negated: the sentence denies it)" if negated else ""
    if f.frame in _SIZE_FRAMES and int(f.start) in decided:
        counts, reason, direction = decided[int(f.start)]
        if not counts:
            return _Span(int(f.start), int(f.end), ("fr", "fr-aside") + neg,
                         f"Size word, not counted: {reason}{note}")
        return _Span(int(f.start), int(f.end), ("fr", f"fr-{_css(f.frame)}") + neg,
                     f"Sizes the event {direction}: {reason}{note}")
    return _Span(int(f.start), int(f.end), ("fr", f"fr-{_css(f.frame)}") + neg, f"Frame · {f.frame}{note}")


def _spans(aid: str, quotes, attributions, frames, size_words=None) -> list[_Span]:
    """Annotation spans of one article from the analyses' frames (any may be None)."""
    out: list[_Span] = []
    if quotes is not None and len(quotes):
        for q in quotes[quotes.article_id == aid].itertuples():
            kind = getattr(q, "speaker_type", "unknown") or "unknown"
            who = getattr(q, "speaker_name", None) or getattr(q, "speaker", None) or "unknown speaker"
            how = getattr(q, "how", None)
            # How the speaker was found, so that a reader can check it ("“she” → Gov. Kay Ivey").
            found = f" · {how_said(how, getattr(q, 'speaker', None), getattr(q, 'resolved_from', None))}" \
                if isinstance(how, str) and how not in ("named", "none") else ""
            out.append(_Span(int(q.start), int(q.end), ("q", f"q-{_css(kind)}"), f"Quote · {who} ({kind}){found}"))
    if attributions is not None and len(attributions):
        for a in attributions[attributions.article_id == aid].itertuples():
            anonymous = bool(getattr(a, "anonymous", False))
            out.append(_Span(int(a.start), int(a.end), ("src", "src-anon" if anonymous else "src-named"),
                             f"{'Anonymous' if anonymous else 'Named'} source · {getattr(a, 'source', '')}"))
    if frames is not None and len(frames):
        decided = _size_decisions(aid, size_words)
        for f in frames[frames.article_id == aid].itertuples():
            out.append(_frame_span(f, decided))
    return out


def _spans_by_paragraph(spans: list[_Span], bounds: list[tuple[int, int]]) -> list[list[_Span]]:
    """For each paragraph ``(lo, hi)`` (in text order, not overlapping), the spans that
    :func:`_render_text` reads for it (``start < hi and end > lo``), in their order."""
    out: list[list[_Span]] = [[] for _ in bounds]
    ends = [hi for _lo, hi in bounds]
    for s in spans:
        i = bisect.bisect_right(ends, s.start)  # the first paragraph ending after the start
        while i < len(bounds) and bounds[i][0] < s.end:
            if s.start < bounds[i][1] and s.end > bounds[i][0]:
                out[i].append(s)
            i += 1
    return out


def _css(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in str(name).lower())


def _render_text(text: str, lo: int, hi: int, spans: list[_Span], removed: dict[int, list[tuple[str, str]]]) -> str:
    """HTML for ``text[lo:hi]`` with every span over it and removed text at its places."""
    cuts = {lo, hi}
    for s in spans:
        if s.start < hi and s.end > lo:
            cuts.update((max(s.start, lo), min(s.end, hi)))
    cuts.update(p for p in removed if lo <= p <= hi)
    points = sorted(cuts)
    # The spans over each piece, by a sweep over the cut points: a span covers the pieces
    # from its (clipped) start to its (clipped) end, which are cut points.  Testing every
    # span against every piece took time in the product of the two.
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, s in enumerate(spans):
        a0, b0 = max(s.start, lo), min(s.end, hi)
        if a0 < b0:
            opens.setdefault(a0, []).append(i)
            closes.setdefault(b0, []).append(i)
    over: set[int] = set()
    parts = []
    for a, b in zip(points, points[1:] + [None]):
        over.difference_update(closes.get(a, ()))
        over.update(opens.get(a, ()))
        for rule, chunk in removed.pop(a, []) if a in removed else []:
            parts.append(f'<del class="removed" title="removed by cleaning: {html.escape(rule)}">'
                         f"{html.escape(chunk)}</del>")
        if b is None or a >= b:
            continue
        active = [spans[i] for i in sorted(over)]  # in the order of ``spans``
        piece = html.escape(text[a:b])
        if active:
            classes = " ".join(dict.fromkeys(c for s in active for c in s.classes))
            if any(s.start == a and "neg" in s.classes for s in active):
                classes += " neg-start"  # the visible "not" badge, once per negated word
            title = html.escape(" | ".join(dict.fromkeys(s.title for s in active)), quote=True)
            piece = f'<span class="{classes}" title="{title}">{piece}</span>'
        parts.append(piece)
    return "".join(parts)


def _removed_by_position(corpus: Corpus, aid: str) -> dict[int, list[tuple[str, str]]]:
    """Removed text (not whitespace fixes) keyed by its position in the clean text."""
    edits = corpus.edits[corpus.edits.article_id == aid]
    out: dict[int, list[tuple[str, str]]] = {}
    for e in edits.itertuples():
        gone = e.removed.strip()
        if not gone or e.replacement.strip() == gone or set(e.rule.split("+")) <= {"whitespace", "line_endings", "unicode_nfc", "invisible_characters", "surrogates"}:
            continue
        out.setdefault(int(e.start), []).append((e.rule, gone))
    return out


def _sizing_legend(spans: list[_Span]) -> str:
    """Legend entries for negated words and size words that were not counted, when present."""
    out = ""
    if any("neg" in s.classes for s in spans):
        out += ('<li><span class="fr neg neg-start">limited</span> negated: the sentence denies '
                'the word ("not limited" sizes the step up)</li>')
    if any(s.classes[:2] == ("fr", "fr-aside") for s in spans):
        out += ('<li><span class="fr fr-aside">major</span> size word about something else '
                '(not counted as sizing the event)</li>')
    return out


def _sizing_section(article_id: str, characterizations: pd.DataFrame | None) -> str:
    """What the page counts as sizing up the event, sentence by sentence, and why (visible,
    so a projector or a printed page shows it)."""
    if characterizations is None:
        return ""
    rows = characterizations[characterizations.article_id == article_id]
    if not len(rows):
        return ('<section class="sizing"><h2>How big a step?</h2><p>No sentence of this article sizes '
                'up the event with a size word.</p></section>')
    items = []
    for r in rows.itertuples():
        who = "the outlet's own words" if r.voice == "outlet" else f"{r.voice}: {r.speaker or 'unknown'}"
        parts = []
        if r.bigger_words:
            parts.append(f"bigger: {html.escape(r.bigger_words)}")
        if r.smaller_words:
            parts.append(f"smaller: {html.escape(r.smaller_words)}")
        items.append(f"<li><strong>{html.escape(r.direction)}</strong> ({' · '.join(parts)}) — "
                     f"{html.escape(who)}; why: {html.escape(r.reason)}</li>")
    return ('<section class="sizing"><h2>How big a step? What was counted, and why</h2>'
            f'<ol>{"".join(items)}</ol></section>')


def article_page(corpus: Corpus, article_id: str, quotes: pd.DataFrame | None = None,
                 attributions: pd.DataFrame | None = None, frames: pd.DataFrame | None = None,
                 back_link: str | None = "../index.html", only_here: pd.DataFrame | None = None,
                 size_words: pd.DataFrame | None = None, characterizations: pd.DataFrame | None = None) -> str:
    """A self-contained HTML page of one article with its annotations and a legend.

    ``size_words`` (:func:`analysis.size_words`) marks the size words that do not size up the
    event apart from those that do; ``characterizations`` adds, after the text, what was
    counted as sizing the event and why.  A negated word carries a visible "not" badge.

    >>> import analysis as an
    >>> c = an.from_texts({"a": "WASHINGTON (AP) — “We will act,” she said.\\nEditor's note: fixed."})
    >>> q = pd.DataFrame([{"article_id": "a", "start": 1, "end": 13, "speaker_name": "she",
    ...                    "speaker_type": "person"}])
    >>> page = article_page(c, "a", quotes=q)
    >>> '<span class="q q-person" title="Quote · she (person)">We will act,</span>' in page
    True
    >>> '<del class="removed"' in page
    True
    """
    text = corpus.text(article_id)
    art = corpus.articles.loc[article_id]
    outlet = corpus.outlet_of()[article_id]
    spans = _spans(article_id, quotes, attributions, frames, size_words) + _only_here_spans(article_id, only_here)
    removed = _removed_by_position(corpus, article_id)
    extra_colors: dict[str, str] = {}
    frames_here = sorted({s.classes[1][3:] for s in spans if s.classes[0] == "fr" and s.classes[1] != "fr-aside"})
    frame_names = {}
    if frames is not None and len(frames):
        frame_names = {_css(f): f for f in frames.frame.unique()}
    body = []
    paras = corpus.paragraphs[corpus.paragraphs.article_id == article_id]
    # Each paragraph is drawn with the spans and removed text that meet it only (every span
    # and every removal looked at for every paragraph took time in their product).  Spans
    # keep their order; a removal drawn in one paragraph is gone for the next, as before.
    rows = list(paras.itertuples())
    bounds = [(int(p.start), int(p.end)) for p in rows]
    near = _spans_by_paragraph(spans, bounds)
    keys = sorted(removed)
    for p, (lo, hi), mine in zip(rows, bounds, near):
        here = {k: removed[k] for k in keys[bisect.bisect_left(keys, lo):bisect.bisect_right(keys, hi)]
                if k in removed}
        drawn = set(here)
        inner = _render_text(text, lo, hi, mine, here)
        for k in drawn - set(here):  # drawn here (popped): not again
            del removed[k]
        tag = "h3" if p.kind in ("subhead", "title") else "p"
        body.append(f'<{tag} class="{p.kind}">{inner}</{tag}>')
    # Removed text after the last paragraph (a closing credit, an editor's note).
    tail = [f'<del class="removed" title="removed by cleaning: {html.escape(r)}">{html.escape(t)}</del>'
            for pos in sorted(removed) for r, t in removed[pos]]
    if tail:
        body.append(f'<p class="body">{" ".join(tail)}</p>')
    css_frames = "\n".join(
        f".fr-{_css(f)} {{ border-bottom: 4px {FRAME_LINE.get(frame_names.get(f, f), 'solid')} "
        f"{_frame_color(frame_names.get(f, f), extra_colors)}; }}"
        for f in frames_here)
    legend_frames = "".join(
        f'<li><span class="fr fr-{f}">{html.escape(frame_names.get(f, f).replace("_", " "))}</span></li>'
        for f in frames_here)
    legend_quotes = "".join(
        f'<li><span class="q q-{k}">quote: {k}</span></li>' for k in SPEAKER_COLORS
        if any(s.classes == ("q", f"q-{k}") for s in spans))
    facts = [("date", art.get("date")), ("dateline", art.get("dateline")), ("credit", art.get("credit"))]
    meta = " · ".join(f"{k}: {v}" for k, v in facts if isinstance(v, str) and v)
    nav = f'<nav><a href="{html.escape(back_link)}">← all pages</a></nav>' if back_link else ""
    quote_css = "\n".join(f".q-{k} {{ background: {c}; }}" for k, c in SPEAKER_COLORS.items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(article_id)} · {html.escape(outlet)} · annotated</title>
<style>
body {{ font-family: Georgia, 'Times New Roman', serif; font-size: 1.35rem; line-height: 1.75;
       max-width: 48rem; margin: 1.5rem auto; padding: 0 1.25rem; color: #111; }}
nav, .legend, .toggle, header p {{ font-family: system-ui, sans-serif; font-size: 1rem; }}
h1 {{ font-family: system-ui, sans-serif; font-size: 1.6rem; margin-bottom: 0.2rem; }}
h3.subhead, h3.title {{ font-family: system-ui, sans-serif; font-size: 1.1rem; text-transform: uppercase;
       letter-spacing: 0.05em; color: #444; border-left: 4px solid #999; padding-left: 0.5rem; }}
p.caption {{ font-family: system-ui, sans-serif; font-size: 0.95rem; font-style: italic; color: #444; }}
{quote_css}
.q {{ border-radius: 3px; padding: 0 1px; }}
.src-anon {{ text-decoration: underline wavy #D55E00; text-decoration-thickness: 2px; text-underline-offset: 4px; }}
.src-named {{ text-decoration: underline dotted #333; text-underline-offset: 4px; }}
.fr {{ font-weight: 600; }}
.fr-aside {{ font-weight: normal; border-bottom: 2px dotted #777; }}
.neg-start::before {{ content: "not"; font-family: system-ui, sans-serif; font-size: 0.65em; font-weight: 700;
       text-transform: uppercase; color: #fff; background: #111; border-radius: 3px; padding: 0 0.25em;
       margin-right: 0.2em; vertical-align: 0.15em; }}
.sizing {{ font-family: system-ui, sans-serif; font-size: 1rem; border-top: 1px solid #ccc; margin-top: 1.5rem; }}
.only-start::before {{ content: "only here"; font-family: system-ui, sans-serif; font-size: 0.62em;
       font-weight: 600; letter-spacing: 0.03em; text-transform: uppercase; color: #fff; background: #333;
       border-radius: 3px; padding: 0.05em 0.35em; margin-right: 0.3em; vertical-align: 0.2em;
       white-space: nowrap; display: inline-block; line-height: 1.3; }}
.only-start {{ white-space: nowrap; }}  /* the label stays with the first word */
{css_frames}
del.removed {{ color: #888; background: #f3f3f3; display: none; font-size: 0.85em; }}
#show-removed:checked ~ article del.removed {{ display: inline; }}
.legend {{ border: 1px solid #ccc; border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }}
.legend ul {{ list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }}
@media print {{ body {{ font-size: 12pt; max-width: none; }} nav, .toggle {{ display: none; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }} }}
</style></head><body>
{nav}
<header><h1>Article {html.escape(article_id)} · {html.escape(outlet)}</h1><p>{html.escape(meta)}</p></header>
<section class="legend" aria-label="legend"><strong>How to read the marks</strong>
<ul>{legend_quotes}
<li><span class="src-anon">anonymous source</span></li><li><span class="src-named">named source</span></li></ul>
<ul>{legend_frames}{_sizing_legend(spans)}</ul>
{_ONLY_LEGEND if any(sp.classes == ("only",) for sp in spans) else ""}
<ul><li><del class="removed" style="display:inline">removed by cleaning</del> (boilerplate: datelines, credits, link cards, notes)</li></ul>
</section>
<input type="checkbox" id="show-removed" class="toggle"><label for="show-removed" class="toggle"> show text removed by cleaning</label>
<article>
{chr(10).join(body)}
</article>
{_sizing_section(article_id, characterizations)}
</body></html>
"""


def article_pages(corpus: Corpus, quotes: pd.DataFrame | None, attributions: pd.DataFrame | None,
                  frames: pd.DataFrame | None, only_here: pd.DataFrame | None = None,
                  size_words: pd.DataFrame | None = None,
                  characterizations: pd.DataFrame | None = None) -> dict[str, str]:
    """Annotated pages for every article, from the analyses' tables (None: leave a layer out).

    >>> import analysis as an
    >>> c = an.from_texts({"a": "One sentence."})
    >>> pages = article_pages(c, an.quotes(c), an.attributions(c), an.frames(c))
    >>> list(pages), "One sentence." in pages["a"]
    (['a'], True)
    """
    return {aid: article_page(corpus, aid, quotes=quotes, attributions=attributions, frames=frames,
                              only_here=only_here, size_words=size_words, characterizations=characterizations)
            for aid in corpus.ids}


# --------------------------------------------------------------------------- coverage layer
# Claims no other article states (analysis.coverage.only_here): a small "only here" label at
# the start of each, which no other layer uses, so it reads on top of quote tints and frame
# underlines.  The label sits on a one-character span at the claim's start, so a claim cut
# into pieces by other layers still gets one label.
_ONLY_LEGEND = ('<ul><li><span class="only only-start">claim no other article states</span> '
                '(a fact only this article reports)</li></ul>')


def _only_here_spans(aid: str, only_here: pd.DataFrame | None) -> list[_Span]:
    if only_here is None or not len(only_here):
        return []
    rows = only_here[only_here.article_id.astype(str) == str(aid)]
    out = []
    for r in rows.itertuples():
        out.append(_Span(int(r.start), int(r.end), ("only",), "Only in this article"))
        out.append(_Span(int(r.start), min(int(r.start) + 1, int(r.end)), ("only-start",), "Only in this article"))
    return out
