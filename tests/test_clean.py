"""Cleaning rules, one test each, and the edit log's guarantee: raw = rebuild(clean, edits)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import clean
from analysis.clean import clean_text, rebuild_raw


def cleaned(raw: str) -> str:
    return clean_text(raw).text


# --------------------------------------------------------------------------- rules

def test_line_endings_and_bom_and_invisible_characters():
    raw = "\ufeffFirst line.\r\nSecond\u00adline.\rThird\u200b line."
    assert cleaned(raw) == "First line.\nSecondline.\nThird line."


def test_nfc_normalization_keeps_quotation_marks():
    raw = "Cafe\u0301 said “yes” and \"no\" and ‘maybe’."
    assert cleaned(raw) == "Café said “yes” and \"no\" and ‘maybe’."


def test_whitespace_folding():
    raw = "  A\u00a0 line   with  spaces.  \n\n\n\nNext\tline. "
    assert cleaned(raw) == "A line with spaces.\n\nNext line."


def test_date_line_is_read_and_removed():
    r = clean_text(" date 2024-05-30 President Biden, under pressure, agreed.")
    assert r.text == "President Biden, under pressure, agreed."
    assert r.meta["date"] == "2024-05-30"
    r = clean_text("Published: May 31, 2024\nKYIV, Ukraine (AP) — Russia attacked.")
    assert r.meta == {"date": "2024-05-31", "dateline": "KYIV, Ukraine", "credit": "AP"}
    assert r.text == "Russia attacked."
    # A sentence that merely starts with a date is prose, not a date line.
    assert cleaned("May 31, 2024 was a Friday.") == "May 31, 2024 was a Friday."


def test_datelines_and_outlet_credits():
    assert clean_text("WASHINGTON — Biden agreed.").meta == {"dateline": "WASHINGTON"}
    r = clean_text("CNN\n—\nPresident Joe Biden agreed.")
    assert (r.text, r.meta) == ("President Joe Biden agreed.", {"credit": "CNN"})
    assert clean_text("(Reuters) - Oil rose.").meta == {"credit": "Reuters"}
    # Not datelines: a sentence with a dash, a mixed-case opening.
    for prose in ["Biden — the president — agreed.", "US officials — four of them — said so.",
                  "FILE - In this 2020 photo, a man walks."]:
        assert cleaned(prose) == prose


def test_trailing_credit():
    r = clean_text("It ends here as needed. / AP")
    assert (r.text, r.meta["credit"]) == ("It ends here as needed.", "AP")
    assert clean_text("Body text.\n(Reuters)").meta["credit"] == "Reuters"
    assert cleaned("He said it was over. And/or not") == "He said it was over. And/or not"
    # Photo credits and URLs at the end are not source credits.
    for tail in ["Photograph by Spencer Platt/Getty Images.", "More at https://apnews.com/GeorgeFloyd",
                 "Follow us on Facebook.com/CNNOpinion."]:
        assert clean_text("Body.\n" + tail).meta.get("credit") is None


def test_editors_notes_and_boilerplate_lines():
    raw = ("First.\nAdvertisement\nSecond.\nRead more: Another story here\n"
           "Correction: An earlier version misspelled a name.\nThis story has been updated with additional details.")
    assert cleaned(raw) == "First.\nSecond."


def test_related_link_cards_are_removed_but_subheads_stay():
    raw = ("Prose one.\n\nCalls\n\nProse two.\nWorld News\n"
           "Russia smashes train tracks in a battered border region\nProse three.")
    r = clean_text(raw)
    assert r.text == "Prose one.\n\nCalls\n\nProse two.\nProse three."
    assert [e["rule"] for e in r.edits] == ["related_links"]


def test_subheads_lists_and_verdicts_are_not_link_cards():
    """Seen in real articles: a label followed by a subhead or a verdict is content, not a card."""
    for raw in ["Prose one.\nVerdict: False.\nReality Check: Rubio on entitlements\nProse two.",
                "Prose one.\nJeb Bush\nNeed: A breakout moment to spur some momentum\nProse two.",
                "Prose one.\nWest Virginia\nRaces to watch: Governor\nProse two.",
                "Prose one.\nTom Steyer\nAP Photo/John Minchillo took this picture\nProse two.",
                "World News\nRussia smashes train tracks in a border region\nProse two."]:
        assert cleaned(raw) == raw


def test_stray_comma_after_full_stop():
    assert cleaned("limited to Kharkiv., The official said.") == "limited to Kharkiv. The official said."
    keep = "Joseph R. Biden Jr., who spoke. The U.S., and allies. Acme Inc., The firm."
    assert cleaned(keep) == keep


def test_is_heading_like():
    assert clean.is_heading_like("Calls") and clean.is_heading_like("What comes next")
    assert not clean.is_heading_like("Biden agreed.") and not clean.is_heading_like("“A quote,”")


# --------------------------------------------------------------------------- edit log

def _check_roundtrip(raw: str) -> None:
    r = clean_text(raw)
    assert rebuild_raw(r.text, r.edits) == raw
    # The log is a set of disjoint raw spans, in order, that say what they removed.
    last = -1
    for e in r.edits:
        assert e["raw_start"] >= last
        assert raw[e["raw_start"]:e["raw_end"]] == e["removed"]
        assert r.text[e["start"]:e["end"]] == e["replacement"]
        last = e["raw_end"]


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_raw_text_is_rebuildable_from_any_unicode(raw):
    _check_roundtrip(raw)


# Text built from the pieces the rules react to, so that rules fire and overlap.
_PIECES = st.sampled_from([
    " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\ufeff", "\u00ad", "e\u0301", "., ",
    "date 2024-05-31 ", "WASHINGTON — ", "CNN\n—\n", " / AP", "(Reuters)", "Calls", "Europe\n",
    "Pentagon to give Ukraine weapons\n", "This story has been updated.", "Advertisement\n",
    "Kharkiv., The", "U.S.", "“", "”", "\"", "word", "Word", "sentence.", " Jr., who",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_raw_text_is_rebuildable_when_rules_fire_and_overlap(raw):
    _check_roundtrip(raw)


def test_sample_articles_roundtrip_and_keep_every_prose_sentence(sample_corpus):
    c = sample_corpus
    for aid in c.ids:
        raw = c.articles.at[aid, "raw_text"]
        assert c.rebuild_raw(aid) == raw
        text = c.text(aid)
        # Every prose line of the raw file survives: removed text is boilerplate only.
        for e in c.edits[c.edits.article_id == aid].itertuples():
            removed_words = re.findall(r"\w+", e.removed)
            assert len(removed_words) < 25 or e.rule == "related_links", (aid, e.rule, e.removed)
        assert "/ AP" not in text and not text.startswith(("date", "CNN", "WASHINGTON"))


def test_sample_boilerplate_is_not_in_body_paragraphs(sample_corpus):
    body = " ".join(sample_corpus.body_paragraphs().text)
    for boiler in ["date 2024", "/ AP", "This story has been updated", "World News",
                   "Pentagon to give Ukraine $300 million", "Kharkiv., The", "away., Get"]:
        assert boiler not in body
    subheads = sample_corpus.paragraphs.query("kind == 'subhead'").text.tolist()
    assert subheads == ["Calls", "Cautious"]


# --------------------------------------------------------------------------- fast paths
#
# Some rules take shortcuts for speed (see the comments in analysis/clean.py).  Each is
# compared here with the plain formulation it replaces, on texts made of the characters
# and pieces where the two could part ways.

def _whitespace_plain(text: str) -> list:
    """whitespace() as one scan of the whole text with _WS (no local search)."""
    return [(m.start(), m.end(), clean._WS_REPLACEMENT[m.lastgroup]) for m in clean._WS.finditer(text)
            if m.group() != clean._WS_REPLACEMENT[m.lastgroup]]


def _nfc_plain(text: str) -> list:
    """unicode_nfc() without the whole-text check: line by line only."""
    import unicodedata

    out = []
    for m in re.finditer(r"[^\n]+", text):
        line, norm = m.group(), unicodedata.normalize("NFC", m.group())
        if norm != line:
            out.append(clean._minimal_change(m.start(), line, norm))
    return out


def _no_ws_shortcut(rules=clean.RULES):
    """The same rules, with whitespace wrapped so that clean_text cannot skip it."""
    return tuple(clean.Rule(r.name, (lambda t: clean.whitespace(t)) if r.func is clean.whitespace
                            else r.func) for r in rules)


_WS_PIECES = st.sampled_from([
    " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\u00a0", "\u2000", "\u200a", "\u3000", "\u202f",
    "\r\n", "\u200b", "\x0b", "\u2028", "\x85", "a", "b.", "e\u0301", "\u0301", "\u1100\u1161",
    "Advertisement", "Advertisement\n", "\nAdvertisement", "Read more: x", "UPDATE\n:",
    "This story has been updated.", "Correction: typo", "CNN\n—\n", "WASHINGTON — ", " / AP",
    "Kharkiv., The", "Prose.\n", "World News\n", "Russia hits rail lines in border region\n",
    " Jr., The", "U.S., And", "!\t, “The", "? , The", "Europe", "\nCalls\n",
])


def _without_prefilters(func, text: str):
    """``func(text)`` with the cheap pre-checks of related_links and stray_comma disabled."""
    saved = clean._SHORT_INNER_LINE, clean._COMMA_AFTER_STOP_OR_SPACE
    clean._SHORT_INNER_LINE = clean._COMMA_AFTER_STOP_OR_SPACE = re.compile("")
    try:
        return func(text)
    finally:
        clean._SHORT_INNER_LINE, clean._COMMA_AFTER_STOP_OR_SPACE = saved
_ws_texts = st.lists(_WS_PIECES, max_size=30).map("".join)


@settings(max_examples=800, deadline=None)
@given(_ws_texts)
def test_fast_paths_equal_plain_formulations(text):
    assert clean.whitespace(text)[0] == _whitespace_plain(text)
    assert clean._ws_suspect(text) == bool(_whitespace_plain(text))
    assert clean.unicode_nfc(text)[0] == _nfc_plain(text)
    for at_line in (clean._NOTE, clean._BOILER):
        nl = clean._NOTE_NL if at_line is clean._NOTE else clean._BOILER_NL
        assert clean._line_matches(at_line, nl, text) == [m.span() for m in at_line.finditer(text)]
    plain_invisible = re.compile(clean._INVISIBLE_CLASS + "+")
    assert [m.span() for m in clean._INVISIBLE.finditer(text)] == [m.span() for m in plain_invisible.finditer(text)]
    for rule in (clean.related_links, clean.stray_comma):
        assert rule(text) == _without_prefilters(rule, text)
    a, b = clean_text(text), clean_text(text, _no_ws_shortcut())
    assert (a.text, a.edits, a.meta) == (b.text, b.edits, b.meta)


def test_fast_paths_on_hand_made_texts():
    for text in ["", " ", "\n", "a", "a ", " a", "a\n", "a  b", "a \nb", "a\n b", "a\n\n\nb",
                 "a\n \n \nb", "a\u00a0b", "a\tb", "x " * 50 + " \n\n\n  y", "\u3000\u3000",
                 "Prose.\nAdvertisement\n \nMore.", "Prose. \nAdvertisement\n\nMore.",
                 "Advertisement\nAdvertisement\n\nAdvertisement", "a\n\nAdvertisement\n\n"]:
        assert clean.whitespace(text)[0] == _whitespace_plain(text), text
        a, b = clean_text(text), clean_text(text, _no_ws_shortcut())
        assert (a.text, a.edits) == (b.text, b.edits), text
    for text in ["Prose one.\nWorld News\nRussia hits rail lines in border region\nProse two.",
                 "limited to Kharkiv., The official said.", "Kharkiv. , The", "Kharkiv.\t, The"]:
        for rule in (clean.related_links, clean.stray_comma):
            assert rule(text) == _without_prefilters(rule, text), text
        assert clean_text(text).edits, text
    # Removing lines can leave white space that the last pass must fix: here the two
    # removals overlap and leave a final line break, which that pass trims.
    r = clean_text("Prose.\nAdvertisement\nAdvertisement")
    assert (r.text, [e["rule"] for e in r.edits]) == ("Prose.", ["boilerplate+whitespace"])
    # The ASCII shortcut for odd spaces relies on the tab being the only ASCII one.
    assert [chr(i) for i in range(128) if clean._ODD_SPACE.match(chr(i))] == ["\t"]
