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
import re
from dataclasses import dataclass

import pandas as pd

from .corpus import Corpus
from .quotes import how_said

__all__ = ["article_page", "article_pages", "SPEAKER_COLORS", "FRAME_COLORS", "FRAME_STYLES", "FrameStyle"]

# Quote backgrounds by speaker type: pale tints, and a pattern for all but "person", so
# the types differ in greyscale and for colour-blind readers too.
SPEAKER_COLORS = {
    "person": "#D4E8F7",
    "anonymous": "#FBE3C8",
    "organization": "#D3EEDD",
    "document": "#EADCF0",
    "unknown": "#E6E6E6",
}
# (background-image, background-size): separate properties, which every renderer reads.
SPEAKER_PATTERNS = {
    "anonymous": ("repeating-linear-gradient(135deg, rgba(140,80,0,.22) 0, rgba(140,80,0,.22) 2px, "
                  "transparent 2px, transparent 7px)", ""),
    "organization": ("radial-gradient(circle, rgba(0,90,40,.4) 0, rgba(0,90,40,.4) 1px, transparent 1.4px)", "6px 6px"),
    "document": ("repeating-linear-gradient(0deg, rgba(90,40,110,.28) 0, rgba(90,40,110,.28) 1px, "
                 "transparent 1px, transparent 6px)", ""),
}
SPEAKER_LABELS = {
    "person": "quote: a named person speaks",
    "anonymous": "quote: an unnamed source speaks",
    "organization": "quote: an organization speaks",
    "document": "quote: from a document or statement",
    "unknown": "quote: the speaker is not stated",
}


@dataclass(frozen=True)
class FrameStyle:
    """How a frame's words are underlined: colour, line style and width (px)."""

    color: str
    line: str
    width: int
    italic: bool = False

    def css(self) -> str:
        """The CSS declarations of the mark."""
        italic = " font-style: italic;" if self.italic else ""
        return f"border-bottom: {self.width}px {self.line} {self.color};{italic}"


# Frame underlines: colours that none of the outlet colours (analysis.plots.PALETTE) is
# near (CIEDE2000 over 12 from every one) nor each other, and each frame its own line
# style and weight, so no two frames look alike in greyscale either.  The sizing frames
# and the context frames have heavy lines, the others light ones.
FRAME_STYLES = {
    "magnitude_bigger": FrameStyle("#B2182B", "solid", 5),
    "magnitude_smaller": FrameStyle("#1F3DFF", "double", 5),
    "change": FrameStyle("#7B3F00", "dashed", 4),
    "restriction": FrameStyle("#4D4D4D", "dotted", 4),
    "self_defense": FrameStyle("#2F5200", "solid", 2),
    "escalation_risk": FrameStyle("#D1006F", "dashed", 2),
    "pressure": FrameStyle("#A37200", "dotted", 3),
    "caution": FrameStyle("#00838F", "double", 3),
    "hedging": FrameStyle("#6B4E71", "solid", 1, italic=True),
}
FRAME_COLORS = {frame: style.color for frame, style in FRAME_STYLES.items()}
FRAME_LABELS = {
    "magnitude_bigger": "sizes the event up (bigger)",
    "magnitude_smaller": "sizes the event down (smaller)",
    "change": "says what changed",
    "restriction": "says what stays restricted",
    "self_defense": "self-defense",
    "escalation_risk": "risk of escalation",
    "pressure": "pressure on the decision",
    "caution": "caution",
    "hedging": "hedging (unconfirmed, may)",
}
# A frame of another lexicon: dark colours off the outlet palette, cycling line styles.
_EXTRA_FRAME_STYLES = [FrameStyle("#3D2B1F", "dashed", 3), FrameStyle("#005F5F", "dotted", 3),
                       FrameStyle("#5F005F", "solid", 3), FrameStyle("#1F1F7A", "dashed", 2),
                       FrameStyle("#5C5C00", "double", 3), FrameStyle("#7A1F1F", "dotted", 2)]


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    classes: tuple[str, ...]
    title: str = ""


def _frame_style(frame: str, seen: dict[str, FrameStyle]) -> FrameStyle:
    if frame in FRAME_STYLES:
        return FRAME_STYLES[frame]
    if frame not in seen:
        seen[frame] = _EXTRA_FRAME_STYLES[len(seen) % len(_EXTRA_FRAME_STYLES)]
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


@dataclass(frozen=True)
class ArticleParts:
    """The pieces of an annotated article, for a page or a printed pack: ``css`` for every
    class used, ``header``, ``legend`` and ``body`` as HTML (everything from input escaped)."""

    css: str
    header: str
    legend: str
    body: str
    sizing: str = ""  # what was counted as sizing up the event, and why (with characterizations)


def article_parts(corpus: Corpus, article_id: str, quotes: pd.DataFrame | None = None,
                  attributions: pd.DataFrame | None = None, frames: pd.DataFrame | None = None,
                  show_removed: bool = True, only_here: pd.DataFrame | None = None,
                  size_words: pd.DataFrame | None = None,
                  characterizations: pd.DataFrame | None = None) -> ArticleParts:
    """One article's annotated text, header, legend and sizing notes (see :func:`article_page`).

    ``show_removed=False`` leaves out the text cleaning removed (on paper, where there is
    no toggle to show it).

    >>> import analysis as an
    >>> parts = article_parts(an.from_texts({"a": "One sentence."}), "a")
    >>> parts.body
    '<p class="body">One sentence.</p>'
    """
    text = corpus.text(article_id)
    art = corpus.articles.loc[article_id]
    outlet = corpus.outlet_of()[article_id]
    spans = _spans(article_id, quotes, attributions, frames, size_words) + _only_here_spans(article_id, only_here)
    removed = _removed_by_position(corpus, article_id) if show_removed else {}
    any_removed = bool(removed)
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
    body_html = "\n".join(body)
    frame_names = {_css(f): f for f in frames.frame.unique()} if frames is not None and len(frames) else {}
    order = {_css(f): i for i, f in enumerate(FRAME_STYLES)}
    frames_here = sorted({c[3:] for s in spans for c in s.classes if c.startswith("fr-") and c != "fr-aside"},
                         key=lambda f: (order.get(f, len(order)), f))
    extra: dict[str, FrameStyle] = {}
    styles = {f: _frame_style(frame_names.get(f, f), extra) for f in frames_here}
    css = _marks_css(styles)
    facts = [("date", art.get("date")), ("dateline", art.get("dateline")), ("credit", art.get("credit"))]
    meta = " · ".join(f"{k}: {v}" for k, v in facts if isinstance(v, str) and v)
    from .plots import outlet_colors

    swatch = outlet_colors(corpus.outlet_of())[outlet]
    header = (f'<header><h1><span class="outlet-swatch" style="background:{swatch}" aria-hidden="true"></span>'
              f"Article {html.escape(article_id)} · {html.escape(outlet)}</h1>"
              + (f"<p>{html.escape(meta)}</p>" if meta else "") + "</header>")
    legend = _legend(body_html, {f: frame_names.get(f, f) for f in frames_here}, any_removed)
    return ArticleParts(css=css, header=header, legend=legend, body=body_html,
                        sizing=_sizing_section(article_id, characterizations))


def _marks_css(frame_styles: dict[str, FrameStyle]) -> str:
    """The CSS of every mark: quote tints and patterns, source underlines, frame lines."""
    def quote_rule(kind: str, color: str) -> str:
        image, size = SPEAKER_PATTERNS.get(kind, ("", ""))
        return (f".q-{kind} {{ background-color: {color};"
                + (f" background-image: {image};" if image else "")
                + (f" background-size: {size};" if size else "") + " }")

    quote_css = "\n".join(quote_rule(k, c) for k, c in SPEAKER_COLORS.items())
    frame_css = "\n".join(f".fr-{f} {{ {style.css()} }}" for f, style in frame_styles.items())
    return f"""{quote_css}
.q {{ border-radius: 3px; padding: 0 1px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }}
.src-anon {{ text-decoration: underline wavy #1A1A1A; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }}
.src-named {{ text-decoration: underline dotted #1A1A1A; text-decoration-thickness: 2px; text-underline-offset: 3px; }}
.fr {{ font-weight: 600; padding-bottom: 1px; }}
{frame_css}
.fr-aside {{ font-weight: normal; color: #4a4a4a; border-bottom: 1px solid #aaa; }}  /* not a named source's dots */
.neg-start::before {{ content: "not"; font-family: system-ui, sans-serif; font-size: 0.65em; font-weight: 700;
       text-transform: uppercase; color: #fff; background: #111; border-radius: 3px; padding: 0 0.25em;
       margin-right: 0.2em; vertical-align: 0.15em; }}
.only-start::before {{ content: "only here"; font-family: system-ui, sans-serif; font-size: 0.62em;
       font-weight: 600; letter-spacing: 0.03em; text-transform: uppercase; color: #fff; background: #333;
       border-radius: 3px; padding: 0.05em 0.35em; margin-right: 0.3em; vertical-align: 0.2em;
       white-space: nowrap; display: inline-block; line-height: 1.3; }}
.only-start {{ white-space: nowrap; }}  /* the label stays with the first word */
del.removed {{ color: #6b6b6b; background: #f0f0f0; font-size: 0.85em; text-decoration: line-through #6b6b6b; }}
.outlet-swatch {{ display: inline-block; width: .75em; height: .75em; border-radius: 2px; margin-right: .45em; }}"""


def _legend(body: str, frames_here: dict[str, str], any_removed: bool) -> str:
    """The legend: one entry, drawn with the page's own classes, for each mark on the page."""
    def has(cls: str) -> bool:
        return re.search(rf'class="[^"]*\b{re.escape(cls)}\b', body) is not None

    quotes = [f'<li><span class="q q-{k}">{html.escape(label)}</span></li>'
              for k, label in SPEAKER_LABELS.items() if has(f"q-{k}")]
    sources = ([f'<li><span class="src-named">named source</span>: who said it, by name</li>'] if has("src-named") else []) + \
        ([f'<li><span class="src-anon">unnamed source</span>: “officials”, “a person familiar …”</li>']
         if has("src-anon") else [])
    frame_items = [f'<li><span class="fr fr-{f}">{html.escape(FRAME_LABELS.get(name, name.replace("_", " ")))}</span></li>'
                   for f, name in frames_here.items()]
    extra = [f"<li>{item}</li>" for cls, item in LEGEND_EXTRAS if has(cls)]
    removed = (['<li><del class="removed">removed by cleaning</del> (datelines, credits, link cards, notes: '
                "shown with the toggle)</li>"] if any_removed else [])
    groups = [("Quotes, tinted by who speaks", quotes), ("Sources, underlined", sources),
              ("Framing words, in bold with a line by frame (hover for the frame)", frame_items),
              ("Other marks", extra + removed)]
    inner = "".join(f'<div class="legend-group"><h2>{title}</h2><ul>{"".join(items)}</ul></div>'
                    for title, items in groups if items)
    if not inner:
        inner = "<p>No quotes, sources or framing words were found in this article.</p>"
    return f'<section class="legend" aria-label="legend"><strong>How to read the marks</strong>{inner}</section>'


#: ``(class, legend item)`` for marks other layers put on a page (negation, coverage, ...):
#: the legend shows an item when its class is on the page.
LEGEND_EXTRAS: list[tuple[str, str]] = [
    ("neg-start", '<span class="fr neg neg-start">limited</span> negated: the sentence denies the word '
                  '("not limited" sizes the step up)'),
    ("fr-aside", '<span class="fr fr-aside">major</span> a size word about something else (not counted as '
                 "sizing the event)"),
    ("only-start", '<span class="only only-start">claim no other article states</span> (a fact only this '
                   "article reports)"),
]


PAGE_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; font-size: 1.35rem; line-height: 1.8;
       max-width: 48rem; margin: 1.5rem auto; padding: 0 1.25rem; color: #111; }
nav, .legend, .toggle, header p { font-family: system-ui, sans-serif; font-size: 1rem; }
nav.cl-nav { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; line-height: 1.5; }
nav.cl-nav .cl-prevnext { margin-left: auto; display: flex; gap: 1.25rem; }
nav.cl-nav .cl-off { color: #999; }
h1 { font-family: system-ui, sans-serif; font-size: 1.6rem; margin-bottom: 0.2rem; }
h3.subhead, h3.title { font-family: system-ui, sans-serif; font-size: 1.1rem; text-transform: uppercase;
       letter-spacing: 0.05em; color: #444; border-left: 4px solid #999; padding-left: 0.5rem; }
p.caption { font-family: system-ui, sans-serif; font-size: 0.95rem; font-style: italic; color: #444; }
del.removed { display: none; }
#show-removed:checked ~ article del.removed { display: inline; }
.legend { border: 1px solid #ccc; border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; line-height: 1.9; }
.legend h2 { font-size: .85rem; font-weight: 600; color: #444; margin: .4rem 0 0; text-transform: uppercase; letter-spacing: .03em; }
.legend ul { list-style: none; padding: 0; margin: 0.1rem 0; display: flex; flex-wrap: wrap; gap: 0.1rem 1.25rem; }
.legend del.removed { display: inline; }
.sizing { font-family: system-ui, sans-serif; font-size: 1rem; border-top: 1px solid #ccc; margin-top: 1.5rem; }
@media print { body { font-size: 12pt; max-width: none; margin: 0; } nav, .toggle { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .legend { break-inside: avoid; } p, h3 { break-inside: avoid-page; } h3 { break-after: avoid; } }
"""


def article_page(corpus: Corpus, article_id: str, quotes: pd.DataFrame | None = None,
                 attributions: pd.DataFrame | None = None, frames: pd.DataFrame | None = None,
                 back_link: str | None = "../index.html", only_here: pd.DataFrame | None = None,
                 size_words: pd.DataFrame | None = None, characterizations: pd.DataFrame | None = None,
                 nav: str | None = None) -> str:
    """A self-contained HTML page of one article with its annotations and a legend.

    The legend explains every mark on the page and only those.  ``size_words``
    (:func:`analysis.size_words`) marks the size words that do not size up the event apart
    from those that do; ``characterizations`` adds, after the text, what was counted as
    sizing the event and why; ``only_here`` (:func:`analysis.coverage.only_here`) labels the
    claims no other article states.  A negated word carries a visible "not" badge.
    ``nav``: the navigation bar's HTML (the report passes :func:`analysis.pages.article_nav`);
    without it, a link back to ``back_link`` (None: no navigation).

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
    from .pages import SITE

    parts = article_parts(corpus, article_id, quotes=quotes, attributions=attributions, frames=frames,
                          only_here=only_here, size_words=size_words, characterizations=characterizations)
    outlet = corpus.outlet_of()[article_id]
    if nav is None:
        nav = f'<a href="{html.escape(back_link, quote=True)}">← all pages</a>' if back_link else ""
    nav_html = f'<nav class="cl-nav">{nav}</nav>' if nav else ""
    title = f"Article {article_id} · {outlet} — annotated article — {corpus.title or corpus.name or 'event'} · {SITE}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{PAGE_CSS}
{parts.css}
</style></head><body>
{nav_html}
{parts.header}
{parts.legend}
<input type="checkbox" id="show-removed" class="toggle"><label for="show-removed" class="toggle"> show text removed by cleaning</label>
<article>
{parts.body}
</article>
{parts.sizing}
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
def _only_here_spans(aid: str, only_here: pd.DataFrame | None) -> list[_Span]:
    if only_here is None or not len(only_here):
        return []
    rows = only_here[only_here.article_id.astype(str) == str(aid)]
    out = []
    for r in rows.itertuples():
        out.append(_Span(int(r.start), int(r.end), ("only",), "Only in this article"))
        out.append(_Span(int(r.start), min(int(r.start) + 1, int(r.end)), ("only-start",), "Only in this article"))
    return out
