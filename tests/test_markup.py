"""Annotated article pages: every character shown once, layers overlap, boilerplate toggles."""

from __future__ import annotations

import html
import re

import pandas as pd

import analysis as an
from analysis.markup import article_page, article_pages


def visible_text(page: str) -> str:
    """The article's text as a reader sees it, with removed text (hidden by default) dropped."""
    body = page.split("<article>", 1)[1].split("</article>", 1)[0]
    body = re.sub(r"<del class=\"removed\"[^>]*>.*?</del>", "", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\n", "")


def test_layers_overlap_and_text_is_intact():
    c = an.from_texts({"a": "WASHINGTON (AP) — “A <b>limited</b> step,” one official said.\nCalls\nMore text here."})
    text = c.text("a")
    q0 = text.index("A <b>")
    quotes = pd.DataFrame([{"article_id": "a", "start": q0, "end": text.index(",”") + 1,
                            "speaker_name": "one official", "speaker_type": "anonymous"}])
    lim = text.index("limited")
    frames = pd.DataFrame([{"article_id": "a", "start": lim, "end": lim + 7, "frame": "magnitude_smaller"}])
    src = text.index("one official")
    attrs = pd.DataFrame([{"article_id": "a", "start": src, "end": src + 12, "source": "one official",
                           "anonymous": True}])
    page = article_page(c, "a", quotes=quotes, attributions=attrs, frames=frames)
    assert visible_text(page) == text.replace("\n", "")  # nothing lost, nothing doubled
    assert "&lt;b&gt;" in page  # text is escaped, never interpreted
    # The frame word inside the quote carries both layers.
    assert re.search(r'<span class="q q-anonymous fr fr-magnitude-smaller"[^>]*>limited</span>', page)
    assert '<span class="src src-anon"' in page
    assert '<h3 class="subhead">Calls</h3>' in page
    # The dateline removed by cleaning is on the page, struck through, behind the toggle.
    assert re.search(r'<del class="removed" title="removed by cleaning: [^"]*dateline[^"]*">WASHINGTON \(AP\) —</del>', page)
    assert 'id="show-removed"' in page and "<script" not in page


def test_sample_event_pages(sample_corpus):
    pages = article_pages(sample_corpus, an.quotes(sample_corpus), an.attributions(sample_corpus), an.frames(sample_corpus))
    assert list(pages) == sample_corpus.ids
    for aid, page in pages.items():
        assert visible_text(page) == sample_corpus.text(aid).replace("\n", "")
    assert "Pentagon to give Ukraine $300 million in weapons" in pages["004"]  # card, struck through
    assert "This story has been updated" in pages["001"]
